"""Median wall times of the core at the sizes the app uses: python -m bench.core_bench."""

import statistics
import time

import numpy as np

from core.ensemble import init_weights
from core.mlp import Mlp, input_gradients
from core.mlp_logspace import log10_gradient_norms

SHAPES = [(50, 256, 64), (200, 512, 32)]  # (depth, width, batch)
REPEATS = 7


def median_seconds(run, repeats: int = REPEATS) -> float:
    """Median wall time of run() over repeats, after one warm-up call."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_shape(depth: int, width: int, batch: int) -> None:
    """Print the three timings for one network shape."""
    widths = [width] * (depth + 1)
    rng = np.random.default_rng(0)
    x, upstream = rng.standard_normal((2, batch, width))
    net = Mlp(init_weights(widths, seed=0), "relu")
    label = f"depth {depth:4d} width {width:4d} batch {batch:3d}"
    timings = {
        "init_weights": lambda: init_weights(widths, seed=0),
        "input_gradients": lambda: input_gradients(net, x, upstream),
        "log10_gradient_norms": lambda: log10_gradient_norms(net, x, upstream),
    }
    for name, run in timings.items():
        print(f"{label}  {name:22s} {1e3 * median_seconds(run):8.1f} ms")


if __name__ == "__main__":
    print(f"median of {REPEATS} runs, NumPy {np.__version__}")
    for shape in SHAPES:
        bench_shape(*shape)
