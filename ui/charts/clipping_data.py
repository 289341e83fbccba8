"""The gradient-clipping page's chart datasets, shaped from core results, and the epsilon of
clipping by norm as its formula and prose write it.

The chart templates in ui/charts/clipping.py read these frames as named datasets (``labelled``
adds the translated ``label`` column), and draw at the widths given here.
"""

import math

import numpy as np
import pandas as pd

from core.cliff import CLIFF_MINIMUM, CLIFF_REGION, loss_grid
from core.clip_effects import KINDS
from core.clipping import EPS, METHODS
from ui.charts.clipping import MAP_WIDTH, SQUARE
from ui.charts.common import PRESENTER_HEIGHT, finite_rows
from ui.format import e_power_of_ten, latex_power_of_ten
from ui.i18n import t

EXTENT_MARGIN = 1.15  # the 2-D picture shows a little beyond the vector and the box's corner
CELL_OVERLAP = 0.53  # half a cell and a little more: no hairline seams between rectangles
EPS_TEXT = e_power_of_ten(math.log10(EPS))  # PyTorch's 1e-6, as the prose writes it
NORM_RULE = (r"g \leftarrow g\cdot\min\!\Big(1,\ \frac{c}{\lVert g\rVert+\varepsilon}\Big),"
             rf"\quad \varepsilon = {latex_power_of_ten(math.log10(EPS))}")  # clip_grad_norm_


def method_labels(lang: str, methods=METHODS) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(method ids, their translated names), in the fixed order none, value, norm."""
    return tuple(methods), tuple(t(f"method.{m}", lang) for m in methods)


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with a translated ``label`` column next to ``method``."""
    return frame.assign(label=frame["method"].map({m: t(f"method.{m}", lang) for m in METHODS}))


def kind_labels(lang: str) -> dict[str, str]:
    """The translated names of the per-layer norms' kinds (weight, bias), in KINDS order."""
    return {kind: t(f"cl.b.kind.{kind}", lang) for kind in KINDS}


def kind_labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with its ``kind`` column translated."""
    return frame.assign(kind=frame["kind"].map(kind_labels(lang)))


def picture_extent(magnitude: float, threshold: float) -> float:
    """Half the side of the 2-D picture: room for the vector and the box [-t, t]^2."""
    return EXTENT_MARGIN * max(magnitude, threshold * math.sqrt(2.0))


def equal_aspect_width(width: int, width_per_height: float, presenter: bool) -> int:
    """An equal-aspect chart's width: in presenter mode show_chart makes it PRESENTER_HEIGHT
    tall, so it is widened to match."""
    return round(PRESENTER_HEIGHT * width_per_height) if presenter else width


def picture_width(presenter: bool) -> int:
    """The square 2-D picture's width."""
    return equal_aspect_width(SQUARE, 1.0, presenter)


def map_width(presenter: bool) -> int:
    """The cliff map's width: CLIFF_REGION drawn with equal aspect ratio."""
    (x0, x1), (y0, y1) = CLIFF_REGION
    return equal_aspect_width(MAP_WIDTH, (x1 - x0) / (y1 - y0), presenter)


def histogram_bins(summary: dict) -> pd.DataFrame:
    """deep_gradient_summary's log10|g_i| histogram: method, start, end, count per bin."""
    edges = summary["edges"]
    return pd.concat([pd.DataFrame({"method": method, "start": edges[:-1], "end": edges[1:],
                                    "count": summary["counts"][method]})
                      for method in METHODS], ignore_index=True)


def layer_norm_rows(summary: dict) -> pd.DataFrame:
    """deep_gradient_summary's per-layer norms: method, kind, layer (from 1), log10_norm."""
    frames = [pd.DataFrame({"method": method, "kind": kind,
                            "layer": np.arange(1, summary["norms"][method].shape[1] + 1),
                            "log10_norm": summary["norms"][method][row]})
              for method in METHODS for row, kind in enumerate(KINDS)]
    return pd.concat(frames, ignore_index=True)


def summary_frames(summary: dict) -> dict[str, pd.DataFrame]:
    """deep_gradient_summary's chart frames: "bins" (histogram_bins), "norms" (layer_norm_rows)."""
    return {"bins": histogram_bins(summary), "norms": layer_norm_rows(summary)}


def value_threshold_rule(v: float, what: str) -> pd.DataFrame:
    """The histogram's vertical line at log10 v, labelled ``what``."""
    return pd.DataFrame({"x": [math.log10(v)], "what": [what]})


def threshold_line(y: float, what: str) -> pd.DataFrame:
    """The gradient-norm chart's horizontal line at the threshold ``y``, labelled ``what``."""
    return pd.DataFrame({"y": [y], "what": [what]})


def cliff_cells(grid: int) -> pd.DataFrame:
    """The loss on a ``grid`` x ``grid`` grid of CLIFF_REGION, one rectangle per cell."""
    W1, W2, Z = loss_grid(*CLIFF_REGION, n=grid)
    (x0, x1), (y0, y1) = CLIFF_REGION
    dx, dy = (x1 - x0) / (grid - 1), (y1 - y0) / (grid - 1)
    return pd.DataFrame({"w1": W1.ravel() - dx / 2, "w1_end": W1.ravel() + CELL_OVERLAP * dx,
                         "w2": W2.ravel() - dy / 2, "w2_end": W2.ravel() + CELL_OVERLAP * dy,
                         "loss": Z.ravel()})


def cliff_marks(start: tuple[float, float], start_label: str, minimum_label: str
                ) -> pd.DataFrame:
    """The start (a circle) and the minimum (a cross) on the cliff map."""
    return pd.DataFrame({"w1": [start[0], CLIFF_MINIMUM[0]], "w2": [start[1], CLIFF_MINIMUM[1]],
                         "what": [start_label, minimum_label], "shape": ["circle", "cross"]})


def path_frames(runs: dict, shown: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per-point frame: method, step, w1, w2, loss; per-step frame: method, step, grad_norm,
    clipped) of the ``shown`` methods' runs (core.cliff.cliff_runs)."""
    points, steps = [], []
    for method in shown:
        run = runs[method]
        n = len(run["path"])
        points.append(pd.DataFrame({"method": method, "step": np.arange(n),
                                    "w1": run["path"][:, 0], "w2": run["path"][:, 1],
                                    "loss": run["loss"]}))
        steps.append(pd.DataFrame({"method": method, "step": np.arange(n - 1),
                                   "grad_norm": run["grad_norm"], "clipped": run["clipped"]}))
    return pd.concat(points, ignore_index=True), pd.concat(steps, ignore_index=True)


def log_axis_rows(points: pd.DataFrame, steps: pd.DataFrame
                  ) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(points with a finite loss > 0, steps with a finite grad_norm > 0, rows left out): what
    the per-step charts' log axes can show."""
    losses, dropped_loss = finite_rows(points, ["step", "loss"], positive=("loss",))
    norms, dropped_norm = finite_rows(steps, ["step", "grad_norm"], positive=("grad_norm",))
    return losses, norms, dropped_loss + dropped_norm
