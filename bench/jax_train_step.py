"""JAX training throughput, the whole step compiled once with `jax.jit`, of the estimators
`ratecalc bench train` times — the strongest CPU peer for models this small (no per-operation
dispatch, XLA fuses the step).

Command (from the repository root; `pip install jax`):

    python3 bench/jax_train_step.py --steps 300 --threads 2 --models ssm,transformer,cnn,fnn
    python3 bench/jax_train_step.py --params          # parameter counts only

Measures samples/s (timed steps × batch / wall seconds) and CPU ms per step of full training steps — forward, mean
squared error, backward, global-norm clipping, Adam — after 20 untimed warm-up steps (the
first compiles), for the same models, parameter counts, data and step as `ratecalc bench train`
and bench/torch_train_step.py (bench/canonical.py; the models of docs/model-format.md). Prints
one line per model in the format of `ratecalc bench train`. A model is a pair (init, apply) in
MODELS: `init(key)` returns its parameters, `apply(params, x)` maps [B, L, d] to [B, L].
"""
import math

import jax
import jax.numpy as jnp
import numpy as np

import canonical as c

L, D = c.SEQUENCE_LENGTH, c.WIDTH
LAG = np.arange(L)[:, None] - np.arange(L)[None, :]   # t − s (NumPy: no computation before limit_cpus)


def linear_init(key, inputs, outputs):
    """PyTorch's default: weight and bias U(±1/√inputs); the weight stored [inputs, outputs]."""
    k1, k2 = jax.random.split(key)
    bound = 1 / math.sqrt(inputs)
    return {"weight": jax.random.uniform(k1, (inputs, outputs), minval=-bound, maxval=bound),
            "bias": jax.random.uniform(k2, (outputs,), minval=-bound, maxval=bound)}


def linear(p, h):
    return h @ p["weight"] + p["bias"]


def feed_forward_init(key):
    k1, k2 = jax.random.split(key)
    return {"fc1": linear_init(k1, D, c.HIDDEN_WIDTH), "fc2": linear_init(k2, c.HIDDEN_WIDTH, D)}


def feed_forward(p, h):
    """relu(h W₁ + b₁) W₂ + b₂."""
    return linear(p["fc2"], jax.nn.relu(linear(p["fc1"], h)))


def ssm_block_init(key):
    """S4D-Real convolution (A[k, n] = n + 1, Δ log-uniform, B, C ~ N(0, 1/N)), gate, FNN."""
    k = jax.random.split(key, 6)
    low, high = (math.log(r) for r in c.S4D_STEP_RANGE)
    conv = {"log_dt": low + jax.random.uniform(k[0], (D,)) * (high - low),
            "log_a": jnp.tile(jnp.log(jnp.arange(1, c.STATE_SIZE + 1, dtype=jnp.float32)), (D, 1)),
            "B": jax.random.normal(k[1], (D, c.STATE_SIZE)) / math.sqrt(c.STATE_SIZE),
            "C": jax.random.normal(k[2], (D, c.STATE_SIZE)) / math.sqrt(c.STATE_SIZE)}
    return {"v": linear_init(k[3], D, D), "g": linear_init(k[4], D, D), "conv": conv, "ffn": feed_forward_init(k[5])}


def s4d_kernel(p):
    """K[k, j] = Σ_n C[k,n] B[k,n] exp(−Δ_k A[k,n] j): [D, L]."""
    rate = jnp.exp(p["log_a"]) * jnp.exp(p["log_dt"])[:, None]                  # [D, N]
    return jnp.einsum("kn,knj->kj", p["C"] * p["B"], jnp.exp(-rate[:, :, None] * jnp.arange(L)))


def causal_convolution(kernel, v):
    """c[b, t, k] = Σ_{j ≤ t} K[k, j] v[b, t−j, k] (direct) for a kernel [D, L]."""
    toeplitz = jnp.where(LAG >= 0, kernel[:, np.clip(LAG, 0, L - 1)], 0.0)      # [D, t, s] = K[k, t − s]
    return jnp.einsum("kts,bsk->btk", toeplitz, v)


def ssm_convolution(p, v):
    """The S4D kernel, or ssm-taps' free taps ([L, D], lag-major), convolved causally."""
    return causal_convolution(p["taps"].T if "taps" in p else s4d_kernel(p), v)


def ssm_taps_block_init(key):
    """ssm-taps: the ssm block with its S4D parameters replaced by the kernel they give (free taps)."""
    p = ssm_block_init(key)
    p["conv"] = {"taps": s4d_kernel(p["conv"]).T}
    return p


def ssm_block(p, h):
    """h + conv(h W_v) ⊙ (h W_g), then h + FNN(h)."""
    h = h + ssm_convolution(p["conv"], linear(p["v"], h)) * linear(p["g"], h)
    return h + feed_forward(p["ffn"], h)


def attention_block_init(key):
    """in_proj Xavier-uniform with zero bias (PyTorch's MultiheadAttention), out_proj, FNN."""
    k = jax.random.split(key, 3)
    bound = math.sqrt(6 / (D + 3 * D))
    in_proj = {"weight": jax.random.uniform(k[0], (D, 3 * D), minval=-bound, maxval=bound), "bias": jnp.zeros(3 * D)}
    return {"in_proj": in_proj, "out_proj": linear_init(k[1], D, D), "ffn": feed_forward_init(k[2])}


def attention_block(p, h):
    """h + causal multi-head self-attention(h), then h + FNN(h)."""
    batch, e = h.shape[0], D // c.HEADS
    heads = lambda t: t.reshape(batch, L, c.HEADS, e).transpose(0, 2, 1, 3)   # [B, H, L, e]
    q, k, v = (heads(t) for t in jnp.split(linear(p["in_proj"], h), 3, axis=-1))
    scores = jnp.where(LAG >= 0, jnp.einsum("bhte,bhse->bhts", q, k) / math.sqrt(e), -jnp.inf)
    heads_out = jnp.einsum("bhts,bhse->bhte", jax.nn.softmax(scores, axis=-1), v)
    h = h + linear(p["out_proj"], heads_out.transpose(0, 2, 1, 3).reshape(batch, L, D))
    return h + feed_forward(p["ffn"], h)


def sequence_model(block_init, block):
    """ssm or transformer: embedding + learned positions, (with --pre-fnn a residual token-wise FNN,)
    `DEPTH` blocks, linear readout."""
    def init(key):
        k = jax.random.split(key, c.DEPTH + (4 if c.PRE_FNN else 3))
        params = {"embed": linear_init(k[0], c.TOKEN_DIMENSION, D), "pos": jax.random.normal(k[1], (L, D)) * 0.02,
                  "blocks": [block_init(k[2 + i]) for i in range(c.DEPTH)], "out": linear_init(k[-1], D, 1)}
        if c.PRE_FNN:
            params["pre"] = feed_forward_init(k[-2])
        return params

    def apply(p, x):
        h = linear(p["embed"], x) + p["pos"]
        if "pre" in p:
            h = h + feed_forward(p["pre"], h)
        for block_parameters in p["blocks"]:
            h = block(block_parameters, h)
        return linear(p["out"], h)[..., 0]

    return init, apply


def windowed_fnn_init(key):
    widths = [c.WINDOW * c.TOKEN_DIMENSION] + [c.HIDDEN_WIDTH] * c.DEPTH + [1]
    keys = jax.random.split(key, len(widths) - 1)
    return {"fnn": [linear_init(k, i, o) for k, i, o in zip(keys, widths, widths[1:])]}


def windowed_fnn(p, x):
    """fnn baseline: ReLU FNN on z_t = [x_{t−V+1}, …, x_t] at every position (zeros before the start)."""
    padded = jnp.pad(x, ((0, 0), (c.WINDOW - 1, 0), (0, 0)))
    windows = jnp.stack([padded[:, j:j + L] for j in range(c.WINDOW)], axis=2)   # [B, L, V, d]
    a = windows.reshape(x.shape[0], L, -1)
    for layer in p["fnn"][:-1]:
        a = jax.nn.relu(linear(layer, a))
    return linear(p["fnn"][-1], a)[..., 0]


def dilated_cnn_init(key):
    """Embedding, C convolutions (weight [K·D, D], PyTorch's Conv1d init U(±1/√(K·D))), DEPTH FNNs, readout."""
    k = jax.random.split(key, c.CONVOLUTION_LAYERS + c.DEPTH + 2)
    return {"embed": linear_init(k[0], c.TOKEN_DIMENSION, D),
            "conv": [linear_init(k[1 + i], c.CONVOLUTION_KERNEL * D, D) for i in range(c.CONVOLUTION_LAYERS)],
            "ffn": [feed_forward_init(k[1 + c.CONVOLUTION_LAYERS + m]) for m in range(c.DEPTH)],
            "out": linear_init(k[-1], D, 1)}


def dilated_cnn(p, x):
    """cnn (O22 Theorem 14): h ← h + relu([h_t, h_{t−δ}, …] W + b) for δ = 1, 2, …, 2^{C−1}
    (zeros before the start), then h ← h + FNN(h) DEPTH times, linear readout."""
    h = linear(p["embed"], x)
    for i, layer in enumerate(p["conv"]):
        dilation = 2 ** i
        lagged = [jnp.pad(h, ((0, 0), (j * dilation, 0), (0, 0)))[:, :L] for j in range(c.CONVOLUTION_KERNEL)]
        h = h + jax.nn.relu(linear(layer, jnp.concatenate(lagged, axis=-1)))
    for layer in p["ffn"]:
        h = h + feed_forward(layer, h)
    return linear(p["out"], h)[..., 0]


MODELS = {
    "ssm": sequence_model(ssm_block_init, ssm_block),
    "ssm-taps": sequence_model(ssm_taps_block_init, ssm_block),
    "transformer": sequence_model(attention_block_init, attention_block),
    "cnn": (dilated_cnn_init, dilated_cnn),
    "fnn": (windowed_fnn_init, windowed_fnn),
}


def parameter_count(params):
    return sum(leaf.size for leaf in jax.tree_util.tree_leaves(params))


def make_step(apply, x, y):
    """The jit-compiled training step: (params, Adam moments, step number) → the same, updated."""
    beta1, beta2 = c.ADAM_BETAS

    def loss(params):
        return jnp.mean((apply(params, x) - y) ** 2)

    @jax.jit
    def step(params, first, second, t):
        gradients = jax.grad(loss)(params)
        norm = jnp.sqrt(sum(jnp.sum(g * g) for g in jax.tree_util.tree_leaves(gradients)))
        scale = jnp.where(norm > c.CLIP_NORM, c.CLIP_NORM / norm, 1.0)
        gradients = jax.tree_util.tree_map(lambda g: g * scale, gradients)
        first = jax.tree_util.tree_map(lambda m, g: beta1 * m + (1 - beta1) * g, first, gradients)
        second = jax.tree_util.tree_map(lambda v, g: beta2 * v + (1 - beta2) * g * g, second, gradients)
        t = t + 1
        rate = c.LEARNING_RATE * jnp.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        params = jax.tree_util.tree_map(
            lambda p, m, v: p - rate * m / (jnp.sqrt(v) + c.ADAM_EPSILON * jnp.sqrt(1 - beta2 ** t)),
            params, first, second)
        return params, first, second, t

    return step


def measure(name, steps):
    """Times `steps` training steps of model `name`; returns ((wall, CPU) seconds, parameter count)."""
    init, apply = MODELS[name]
    keys = jax.random.split(jax.random.PRNGKey(0), 3)
    params = init(keys[0])
    x = jax.random.uniform(keys[1], (c.BATCH, L, c.TOKEN_DIMENSION))
    y = jax.random.normal(keys[2], (c.BATCH, L))
    step = make_step(apply, x, y)
    zeros = jax.tree_util.tree_map(jnp.zeros_like, params)
    state = [params, zeros, zeros, jnp.float32(0)]

    def run():
        state[:] = step(*state)

    seconds = c.time_steps(run, steps, synchronize=lambda: jax.block_until_ready(state))
    return seconds, parameter_count(params)


def main():
    arguments = c.parse_arguments("JAX (jax.jit) training throughput", list(MODELS))
    c.limit_cpus(arguments.threads)
    if arguments.params:
        for name in arguments.models:
            print(name, parameter_count(MODELS[name][0](jax.random.PRNGKey(0))))
        return
    print(c.header(arguments.threads, arguments.steps, f"jax {jax.__version__} jit"))
    for name in arguments.models:
        seconds, parameters = measure(name, arguments.steps)
        print(c.result_line(name, arguments.steps, seconds, parameters), flush=True)


if __name__ == "__main__":
    main()
