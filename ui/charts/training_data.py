"""The training lab's chart datasets and readouts, shaped from run summaries (core.lab).

``runs`` maps "A" (and "B") to summaries; the chart templates in ui/charts/training.py read
these frames as named datasets.
"""

import math

import numpy as np
import pandas as pd

from core.lab import last_finite_step
from ui.charts.common import finite_rows
from ui.format import or_missing, percent_value, significant
from ui.frames import shown_rows


def readout_texts(readouts: tuple) -> tuple[str, str, str, str]:
    """core.lab.readouts as the metrics show them: accuracy 97.2%, loss and largest gradient
    norm to 3 significant digits, steps clipped; '–' for a number a run does not have."""
    accuracy, loss, max_grad, clipped = readouts
    return (or_missing(accuracy, lambda value: percent_value(value, 1)),
            or_missing(loss, significant), or_missing(max_grad, significant),
            or_missing(clipped, str))


def divergence_frame(runs: dict, words: dict, first_step: int) -> pd.DataFrame:
    """One row per diverged run (where its charts stop), ``words[key]`` = (label, text);
    with none, one hidden row."""
    rows = [{"step": last_finite_step(s), "series": key, "label": words[key][0],
             "text": words[key][1]} for key, s in runs.items() if s["divergence"] is not None]
    frame = pd.DataFrame(rows, columns=["step", "series", "label", "text"])
    return shown_rows(frame, {"step": first_step, "series": "A", "label": "", "text": ""})


def switch_frame(configs: dict, label: str, text: str, first_step: int) -> pd.DataFrame:
    """Where B's switch acts (its step, ``label`` drawn, ``text`` in the tooltip) if B has one
    within its steps; otherwise one hidden row at ``first_step``."""
    b = configs.get("B")
    switch = None if b is None else b.switch
    rows = ([{"step": switch.step, "label": label, "text": text}]
            if switch is not None and switch.step <= b.steps else [])
    frame = pd.DataFrame(rows, columns=["step", "label", "text"]).astype({"step": int})
    return shown_rows(frame, {"step": first_step, "label": "", "text": ""})


def curve_frames(runs: dict) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(loss rows > 0, accuracy rows, number of zero losses left out of the log axis)."""
    frames = [pd.DataFrame({"step": s["eval"]["step"], "loss": s["eval"]["loss"],
                            "accuracy": s["eval"]["acc"], "series": key})
              for key, s in runs.items()]
    curves = pd.concat(frames, ignore_index=True)
    losses, dropped = finite_rows(curves[["step", "loss", "series"]], ["step", "loss"],
                                  positive=("loss",))
    accuracy, _ = finite_rows(curves[["step", "accuracy", "series"]], ["step", "accuracy"])
    return losses, accuracy, dropped


def norm_frames(runs: dict, configs: dict, kinds: tuple[str, str],
                threshold_labels: dict) -> dict[str, pd.DataFrame]:
    """The gradient-norm chart's datasets: lines (``kinds`` = before/after clipping labels),
    clip events, thresholds (labelled ``threshold_labels[key]``), all in log10."""
    lines, events, rules = [], [], []
    for key, s in runs.items():
        if "line" not in s:
            continue
        line = s["line"]
        lines.append(pd.DataFrame({"step": line["step"], "log10_norm": np.log10(line["before"]),
                                   "series": key, "kind": kinds[0]}))
        config = configs[key]
        if config.grad_clip is None:
            continue
        lines.append(pd.DataFrame({"step": line["step"], "log10_norm": np.log10(line["after"]),
                                   "series": key, "kind": kinds[1]}))
        fired = line["fired"]
        events.append(pd.DataFrame({"step": line["step"][fired],
                                    "log10_norm": np.log10(line["before"][fired]),
                                    "series": key}))
        if config.grad_clip_method == "norm":
            rules.append({"log10_norm": math.log10(config.grad_clip), "series": key,
                          "label": threshold_labels[key]})
    lines = finite_rows(pd.concat(lines, ignore_index=True), ["step", "log10_norm"])[0]
    events = finite_rows(pd.concat(events, ignore_index=True), ["step", "log10_norm"])[0] \
        if events else pd.DataFrame({"step": pd.Series(dtype=int),
                                     "log10_norm": pd.Series(dtype=float),
                                     "series": pd.Series(dtype=str)})
    rules = pd.DataFrame(rules) if rules else pd.DataFrame(
        {"log10_norm": pd.Series(dtype=float), "series": pd.Series(dtype=str),
         "label": pd.Series(dtype=str)})
    # a layer with nothing to show keeps one hidden row inside the lines' range
    where = {"log10_norm": float(lines["log10_norm"].iloc[0]), "series": "A"}
    return {"lines": lines,
            "events": shown_rows(events, {**where, "step": int(lines["step"].iloc[0])}),
            "thresholds": shown_rows(rules, {**where, "label": ""})}


def heat_frame(s: dict) -> tuple[pd.DataFrame, int]:
    """(cells with a finite log10 norm, number of blank cells where the gradient was 0)."""
    heat = s["heat"]
    values = heat["log10"]
    steps, layers = np.meshgrid(np.arange(len(heat["starts"])), np.arange(s["depth"]),
                                indexing="ij")
    cells = pd.DataFrame({"step_from": heat["starts"][steps.ravel()],
                          "step_to": heat["ends"][steps.ravel()],
                          "layer": layers.ravel() + 1, "log10_norm": values.ravel()})
    return finite_rows(cells, ["log10_norm"])


def heat_extent(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The whole decades around every run's cells: one colour scale for A's and B's maps."""
    values = pd.concat([cells["log10_norm"] for cells in frames])
    low, high = (math.floor(values.min()), math.ceil(values.max())) if len(values) else (-1, 1)
    return pd.DataFrame({"log10_norm": [float(low), float(max(high, low + 1))]})


def grid_frames(s: dict, data, class_labels: tuple[str, str]
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the cells of P(class 1) on the summary's grid, the data points labelled by class)."""
    ex, ey = s["edges"]
    n = len(ex) - 1
    iy, ix = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    grid = pd.DataFrame({"x_from": ex[ix.ravel()], "x_to": ex[ix.ravel() + 1],
                         "y_from": ey[iy.ravel()], "y_to": ey[iy.ravel() + 1],
                         "p": s["p"].ravel()})
    grid = finite_rows(grid, ["p"])[0]
    labels = np.array(class_labels)
    points = pd.DataFrame({"x": data[0][:, 0], "y": data[0][:, 1], "label": labels[data[1]]})
    return grid, points
