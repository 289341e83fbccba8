"""Wall time of the trainer: python -m bench.training_bench.

BLAS is limited to one thread, as the app does (ui/shell.py): on small matrices OpenBLAS's
threads only add overhead, and on a shared 2-core machine they fight other processes.
"""



import numpy as np
from threadpoolctl import threadpool_limits

from bench.core_bench import median_seconds
from core.datasets import make_dataset
from core.training import TrainConfig, train

REPEATS = 5
LAB = dict(eval_every=5)  # the training lab evaluates about 100 times per run
RUNS = {
    "default (depth 4, width 32, 500 steps)": TrainConfig(depth=4, width=32, steps=500),
    "same, loss on all data every 10 steps": TrainConfig(steps=500, eval_every=10),
    "same, weights clipped at 0.1": TrainConfig(steps=500, eval_every=10, weight_clip=0.1),
    "lab default (eval every 5 steps)": TrainConfig(steps=500, **LAB),
    "lab: exploding + norm clipping (depth 8)": TrainConfig(depth=8, gain=2.0, grad_clip=1.0,
                                                            **LAB),
    "lab: depth 10 sigmoid, Adam, batch norm": TrainConfig(
        depth=10, activation="sigmoid", init="xavier", optimizer="adam", lr=0.01,
        batch_norm=True, **LAB),
    "lab: depth 10 sigmoid, Adam, residual": TrainConfig(
        depth=10, activation="sigmoid", init="xavier", optimizer="adam", lr=0.01,
        residual=True, **LAB),
    "lab heaviest: depth 16, width 64, BN, 81 steps": TrainConfig(
        depth=16, width=64, batch_norm=True, residual=True, optimizer="adam", lr=0.01,
        steps=81, eval_every=2),
}


if __name__ == "__main__":
    threadpool_limits(limits=1, user_api="blas")
    data = make_dataset("moons", 400, 0.1, seed=0)
    print(f"median of {REPEATS} runs, NumPy {np.__version__}, 400 two-moons points, batch 64")
    for label, config in RUNS.items():
        seconds = median_seconds(lambda config=config: train(config, data))
        print(f"{label:48s} {1e3 * seconds:7.1f} ms  ({1e6 * seconds / config.steps:5.0f} us/step)")
