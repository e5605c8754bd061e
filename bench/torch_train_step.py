"""PyTorch (eager) training throughput of the estimators `ratecalc bench train` times.

Command (from the repository root; `pip install torch --index-url https://download.pytorch.org/whl/cpu`):

    python3 bench/torch_train_step.py --steps 300 --threads 2 --models ssm,transformer,cnn,fnn
    python3 bench/torch_train_step.py --params        # parameter counts only

Measures samples/s (timed steps × batch / wall seconds) and CPU ms per step of full training steps — forward, mean
squared error, backward, global-norm clipping, Adam — after 20 untimed warm-up steps, for the
same models, parameter counts, data and step as `ratecalc bench train` (bench/canonical.py;
the models are those of docs/model-format.md, whose parameter names these modules keep, so a
saved model loads into them as that page shows). Prints one line per model in the format of
`ratecalc bench train`. Add a model by writing its module and an entry in MODELS.
"""
import math

import torch
import torch.nn as nn

import canonical as c

L, D = c.SEQUENCE_LENGTH, c.WIDTH
CAUSAL_MASK = torch.triu(torch.ones(L, L, dtype=torch.bool), diagonal=1)   # True: s > t, masked
LAG = torch.arange(L)[:, None] - torch.arange(L)[None, :]                  # t − s


class FeedForward(nn.Module):
    """relu(h W₁ + b₁) W₂ + b₂, D → hidden → D (`blocks.i.ffn` in docs/model-format.md)."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(D, c.HIDDEN_WIDTH), nn.ReLU(), nn.Linear(c.HIDDEN_WIDTH, D))

    def forward(self, h):
        return self.net(h)


class SSMConvolution(nn.Module):
    """Diagonal real SSM as a causal convolution: K[k, j] = Σ_n C[k,n] B[k,n] exp(−Δ_k A[k,n] j),
    c[b, t, k] = Σ_{j ≤ t} K[k, j] v[b, t−j, k], computed directly (a masked Toeplitz product),
    as the engine does. S4D-Real initialisation: A[k, n] = n + 1, Δ log-uniform, B, C ~ N(0, 1/N)."""

    def __init__(self):
        super().__init__()
        low, high = (math.log(r) for r in c.S4D_STEP_RANGE)
        self.log_dt = nn.Parameter(low + torch.rand(D) * (high - low))
        self.log_a = nn.Parameter(torch.log(torch.arange(1, c.STATE_SIZE + 1, dtype=torch.float32)).repeat(D, 1))
        self.B = nn.Parameter(torch.randn(D, c.STATE_SIZE) / math.sqrt(c.STATE_SIZE))
        self.C = nn.Parameter(torch.randn(D, c.STATE_SIZE) / math.sqrt(c.STATE_SIZE))

    def kernel(self):                                                       # [D, L]
        rate = torch.exp(self.log_a) * torch.exp(self.log_dt)[:, None]      # Δ_k A[k, n]: [D, N]
        j = torch.arange(L, dtype=torch.float32)
        return torch.einsum("kn,knj->kj", self.C * self.B, torch.exp(-rate[:, :, None] * j))

    def forward(self, v):                                                   # v: [B, L, D]
        return causal_convolution(self.kernel(), v)


def causal_convolution(kernel, v):
    """c[b, t, k] = Σ_{j ≤ t} K[k, j] v[b, t−j, k] for a kernel [D, L] (a masked Toeplitz product)."""
    toeplitz = kernel[:, LAG.clamp(min=0)].masked_fill(CAUSAL_MASK, 0)      # [D, t, s] = K[k, t − s]
    return torch.einsum("kts,bsk->btk", toeplitz, v)


class TapsConvolution(nn.Module):
    """ssm-taps: the kernel is free taps K[k, j] (`taps` [L, D], lag-major), initialised to the
    S4D-Real kernel of one draw, as the engine does."""

    def __init__(self):
        super().__init__()
        with torch.no_grad():
            self.taps = nn.Parameter(SSMConvolution().kernel().t().contiguous())

    def forward(self, v):
        return causal_convolution(self.taps.t(), v)


class SSMBlock(nn.Module):
    """h + conv(h W_v) ⊙ (h W_g), then h + FNN(h); `convolution` is SSMConvolution or TapsConvolution."""

    def __init__(self, convolution=None):
        super().__init__()
        self.v, self.g = nn.Linear(D, D), nn.Linear(D, D)
        self.conv, self.f = (convolution or SSMConvolution)(), FeedForward()

    def forward(self, h):
        h = h + self.conv(self.v(h)) * self.g(h)
        return h + self.f(h)


class AttentionBlock(nn.Module):
    """h + causal multi-head self-attention(h), then h + FNN(h)."""

    def __init__(self):
        super().__init__()
        self.att, self.f = nn.MultiheadAttention(D, c.HEADS, batch_first=True), FeedForward()

    def forward(self, h):
        h = h + self.att(h, h, h, attn_mask=CAUSAL_MASK, need_weights=False)[0]
        return h + self.f(h)


class SequenceModel(nn.Module):
    """ssm or transformer: embedding + learned positions, (with --pre-fnn a residual token-wise FNN,)
    `DEPTH` blocks, linear readout; [B, L, d] → [B, L]."""

    def __init__(self, block):
        super().__init__()
        self.emb = nn.Linear(c.TOKEN_DIMENSION, D)
        self.pos = nn.Parameter(torch.randn(L, D) * 0.02)
        self.pre = FeedForward() if c.PRE_FNN else None   # `pre.*` in docs/model-format.md
        self.blocks = nn.ModuleList([block() for _ in range(c.DEPTH)])
        self.out = nn.Linear(D, 1)

    def forward(self, x):
        h = self.emb(x) + self.pos
        if self.pre is not None:
            h = h + self.pre(h)
        for block in self.blocks:
            h = block(h)
        return self.out(h).squeeze(-1)


class WindowedFNN(nn.Module):
    """fnn baseline: a ReLU FNN (DEPTH hidden layers) on the flattened window of the last V tokens
    at every position, z_t = [x_{t−V+1}, …, x_t] (tokens before the start are zero)."""

    def __init__(self):
        super().__init__()
        widths = [c.WINDOW * c.TOKEN_DIMENSION] + [c.HIDDEN_WIDTH] * c.DEPTH
        layers = []
        for inputs, outputs in zip(widths, widths[1:]):
            layers += [nn.Linear(inputs, outputs), nn.ReLU()]
        self.fnn = nn.Sequential(*layers, nn.Linear(c.HIDDEN_WIDTH, 1))

    def forward(self, x):                                                   # x: [B, L, d]
        padded = nn.functional.pad(x, (0, 0, c.WINDOW - 1, 0))              # [B, L + V − 1, d]
        windows = padded.unfold(1, c.WINDOW, 1).transpose(-1, -2)           # [B, L, V, d]
        return self.fnn(windows.reshape(x.shape[0], L, -1)).squeeze(-1)


class DilatedCausalConvolution(nn.Module):
    """h + relu(Σ_{j<K} h_{t−jδ} W_j + b): `nn.Conv1d(D, D, K, dilation=δ)` on the sequence
    left-padded by (K−1)δ zeros (`conv.i` in docs/model-format.md; PyTorch's default init,
    U(±1/√(K·D)), as the engine's)."""

    def __init__(self, dilation):
        super().__init__()
        self.dilation = dilation
        self.conv = nn.Conv1d(D, D, c.CONVOLUTION_KERNEL, dilation=dilation)

    def forward(self, h):                                                   # h: [B, L, D]
        padded = nn.functional.pad(h.transpose(1, 2), ((c.CONVOLUTION_KERNEL - 1) * self.dilation, 0))
        return h + torch.relu(self.conv(padded).transpose(1, 2))


class DilatedCNN(nn.Module):
    """cnn (O22 Theorem 14): embedding, C causal convolutions with dilations 1, 2, …, 2^{C−1}
    (receptive field 2^C ≥ V), `DEPTH` token-wise FNNs with residual, linear readout."""

    def __init__(self):
        super().__init__()
        self.emb = nn.Linear(c.TOKEN_DIMENSION, D)
        self.convs = nn.ModuleList([DilatedCausalConvolution(2 ** i) for i in range(c.CONVOLUTION_LAYERS)])
        self.ffns = nn.ModuleList([FeedForward() for _ in range(c.DEPTH)])
        self.out = nn.Linear(D, 1)

    def forward(self, x):
        h = self.emb(x)
        for convolution in self.convs:
            h = convolution(h)
        for feed_forward in self.ffns:
            h = h + feed_forward(h)
        return self.out(h).squeeze(-1)


MODELS = {
    "ssm": lambda: SequenceModel(SSMBlock),
    "ssm-taps": lambda: SequenceModel(lambda: SSMBlock(TapsConvolution)),
    "transformer": lambda: SequenceModel(AttentionBlock),
    "cnn": DilatedCNN,
    "fnn": WindowedFNN,
}


def parameter_count(model):
    return sum(p.numel() for p in model.parameters())


def measure(name, steps):
    """Times `steps` training steps of model `name`; returns ((wall, CPU) seconds, parameter count)."""
    torch.manual_seed(0)
    model = MODELS[name]()
    optimizer = torch.optim.Adam(model.parameters(), lr=c.LEARNING_RATE, betas=c.ADAM_BETAS, eps=c.ADAM_EPSILON)
    x = torch.rand(c.BATCH, L, c.TOKEN_DIMENSION)
    y = torch.randn(c.BATCH, L)

    def step():
        optimizer.zero_grad()
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), c.CLIP_NORM)
        optimizer.step()

    return c.time_steps(step, steps), parameter_count(model)


def main():
    arguments = c.parse_arguments("PyTorch (eager) training throughput", list(MODELS))
    if arguments.params:
        for name in arguments.models:
            print(name, parameter_count(MODELS[name]()))
        return
    c.limit_cpus(arguments.threads)
    torch.set_num_threads(arguments.threads)
    print(c.header(arguments.threads, arguments.steps, f"torch {torch.__version__} eager"))
    for name in arguments.models:
        seconds, parameters = measure(name, arguments.steps)
        print(c.result_line(name, arguments.steps, seconds, parameters), flush=True)


if __name__ == "__main__":
    main()
