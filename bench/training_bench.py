"""Wall time of the trainer at the default run: python bench/training_bench.py."""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from core.datasets import make_dataset  # noqa: E402
from core.training import TrainConfig, train  # noqa: E402

REPEATS = 5
RUNS = {
    "default (depth 4, width 32, 500 steps)": TrainConfig(depth=4, width=32, steps=500),
    "same, loss on all data every 10 steps": TrainConfig(steps=500, eval_every=10),
    "same, weights clipped at 0.1": TrainConfig(steps=500, eval_every=10, weight_clip=0.1),
}


def median_seconds(run, repeats: int = REPEATS) -> float:
    """Median wall time of run() over repeats, after one warm-up call."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    data = make_dataset("moons", 400, 0.1, seed=0)
    print(f"median of {REPEATS} runs, NumPy {np.__version__}, 400 two-moons points, batch 64")
    for label, config in RUNS.items():
        seconds = median_seconds(lambda config=config: train(config, data))
        print(f"{label:42s} {1e3 * seconds:7.1f} ms  ({1e6 * seconds / config.steps:5.0f} us/step)")
