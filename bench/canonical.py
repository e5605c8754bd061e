"""The canonical benchmark configuration and command line shared by torch_train_step.py and
jax_train_step.py, so both time exactly what `ratecalc bench train` times (docs/benchmarks.md).

Configuration (Sources/Numeric/Engine/SequenceModelConfiguration.swift defaults, as `bench train`
builds them): sequence length L = 32, token dimension d = 1, width D = 32, SSM state N = 16,
FNN hidden width 64, depth 2 (blocks, hidden layers for fnn, FNNs after the convolutions for
cnn), 4 heads, window V = 8 (fnn's window; cnn: 3 convolutions of kernel 2), batch 64.

Step (Sources/Numeric/Engine/TrainingStep.swift): forward, mean squared error over all B·L
positions, backward, global-norm gradient clipping at 1e30 (the norm is computed, nothing is
scaled), Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, bias-corrected) at learning rate 1e-3, on one fixed
random batch x ~ U[0, 1], y ~ N(0, 1); 20 untimed warm-up steps, then `steps` timed ones.
"""
import argparse
import os
import time

SEQUENCE_LENGTH = 32   # L
TOKEN_DIMENSION = 1    # d
WIDTH = 32             # D
STATE_SIZE = 16        # N (ssm)
HIDDEN_WIDTH = 64      # FNN hidden width
DEPTH = 2              # blocks (ssm, transformer) or hidden layers (fnn)
HEADS = 4              # attention heads (transformer)
WINDOW = 8             # V (fnn window; cnn receptive field 2^C ≥ V)
CONVOLUTION_KERNEL = 2                                 # K of every cnn convolution
CONVOLUTION_LAYERS = max(1, (WINDOW - 1).bit_length())  # C: least C ≥ 1 with 2^C ≥ V (3), dilations 1, 2, 4
BATCH = 64
WARMUP_STEPS = 20
LEARNING_RATE = 1e-3
CLIP_NORM = 1e30
ADAM_BETAS = (0.9, 0.999)
ADAM_EPSILON = 1e-8
S4D_STEP_RANGE = (1e-3, 1e-1)   # Δ log-uniform in this range; A[k, n] = n + 1 (S4D-Real)
PRE_FNN = False        # ssm, transformer: token-wise FNN before the first block (`--pre-fnn`, `bench train --pre-fnn`)


def parse_arguments(description, model_names):
    """`--steps`, `--threads`, `--models` (comma-separated names of `model_names`), `--params`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--steps", type=int, default=200, help="timed steps per model (default 200)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(),
                        help="CPUs the process may use (default: all), as `ratecalc bench train --threads`")
    parser.add_argument("--models", default="ssm,transformer",
                        help="comma-separated, from: " + ", ".join(model_names) + " (default ssm,transformer)")
    parser.add_argument("--params", action="store_true",
                        help="print each model's parameter count and exit (no timing)")
    parser.add_argument("--pre-fnn", action="store_true",
                        help="ssm, transformer: the token-wise FNN before the first block (docs/training-engine.md, Layouts)")
    arguments = parser.parse_args()
    global PRE_FNN
    PRE_FNN = arguments.pre_fnn
    arguments.models = arguments.models.split(",")
    for name in arguments.models:
        if name not in model_names:
            parser.error(f"--models: unknown model '{name}', expected one of {', '.join(model_names)}")
    if arguments.steps < 1:
        parser.error(f"--steps must be a positive integer, got {arguments.steps}")
    if arguments.threads < 1:
        parser.error(f"--threads must be a positive integer, got {arguments.threads}")
    return arguments


def limit_cpus(threads):
    """Lets the process run on its first `threads` CPUs only (call before the framework's first
    computation: its thread pools size themselves from the CPUs they may use)."""
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, cpus[:threads])


def header(threads, steps, framework):
    """The first line, as `ratecalc bench train` prints it, plus the framework's version."""
    return (f"threads {threads}, batch {BATCH}, L {SEQUENCE_LENGTH}, d {TOKEN_DIMENSION}, D {WIDTH}, "
            f"N {STATE_SIZE}, hidden {HIDDEN_WIDTH}, {DEPTH} blocks, {HEADS} heads, {steps} steps; {framework}")


def time_steps(step, steps, synchronize=lambda: None):
    """Runs `step()` WARMUP_STEPS times untimed, then `steps` times; returns the wall and the
    process CPU seconds (all threads) of the timed steps."""
    for _ in range(WARMUP_STEPS):
        step()
    synchronize()
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(steps):
        step()
    synchronize()
    return time.perf_counter() - start, time.process_time() - cpu_start


def result_line(name, steps, seconds, parameter_count):
    """One model's result, in the format of `ratecalc bench train`; `seconds` = (wall, CPU)."""
    wall, cpu = seconds
    return (f"{name}: {steps * BATCH / wall:.0f} samples/s  "
            f"({1000 * wall / steps:.2f} ms/step, cpu {1000 * cpu / steps:.2f} ms/step, params {parameter_count})")
