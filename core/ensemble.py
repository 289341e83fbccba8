"""Random networks and inputs: draw N networks and their inputs from one seed.

Weights: W[l] ~ N(0, std^2) with std from the initialisation scheme (He, Xavier, LeCun or
plain normal) times a gain, from np.random.default_rng(seed). Inputs x and upstream gradients
u (the loss is sum(u * a_L)) are standard normal from np.random.default_rng([seed, 1]), x first:
a stream independent of every seed's weights. ``measure_layers`` runs such an ensemble in log
space and keeps per-layer norms (what the chain-rule page shows; statistics in core/profiles.py).
"""

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.mlp import Mlp
from core.mlp_logspace import PER_ROW, backward, forward, stack_layers
from core.preactivations import PreActivationStats, trace_stats

INITS = ("he", "xavier", "lecun", "normal")


def init_std(init: str, fan_in: int, fan_out: int, gain: float = 1.0) -> float:
    """Standard deviation of one weight under an initialisation scheme."""
    if init == "he":
        return gain * math.sqrt(2.0 / fan_in)
    if init == "lecun":
        return gain * math.sqrt(1.0 / fan_in)
    if init == "xavier":
        return gain * math.sqrt(2.0 / (fan_in + fan_out))
    if init == "normal":
        return float(gain)
    raise ValueError(f"unknown init {init!r}; choose one of {', '.join(INITS)}")


def _check_network_args(widths: Sequence[int], gain: float, samples: int | None) -> None:
    """Raise ValueError with a clear message on bad init_weights arguments."""
    if len(widths) < 2:
        raise ValueError(f"widths needs at least 2 entries (input and output), got {widths!r}")
    if not all(isinstance(n, int | np.integer) and not isinstance(n, bool) and n > 0
               for n in widths):
        raise ValueError(f"widths must be positive integers, got {widths!r}")
    if not (isinstance(gain, int | float | np.floating) and math.isfinite(gain) and gain > 0):
        raise ValueError(f"gain must be a finite number > 0, got {gain!r}")
    if samples is not None and not (isinstance(samples, int | np.integer) and samples >= 1):
        raise ValueError(f"samples must be None or an integer >= 1, got {samples!r}")


def init_weights(widths: Sequence[int], init: str = "he", gain: float = 1.0, seed: int = 0,
                 samples: int | None = None) -> list[np.ndarray]:
    """Random weights W[l] ~ N(0, std^2), shape (out, in) or (samples, out, in).

    Standard normals come from one np.random.default_rng(seed), layer by layer, and are then
    multiplied by std: the same seed at another gain gives exactly proportional weights, and
    a deeper network at the same seed starts with the same layers.
    """
    _check_network_args(widths, gain, samples)
    init_std(init, 1, 1)  # validates the name before drawing anything
    lead = () if samples is None else (int(samples),)
    shapes = [lead + (int(fan_out), int(fan_in))
              for fan_in, fan_out in zip(widths[:-1], widths[1:], strict=True)]
    normals = _STANDARD_NORMALS.layers(seed, shapes)
    return [z * init_std(init, shape[-1], shape[-2], gain)
            for z, shape in zip(normals, shapes, strict=True)]


class _NormalLayers:
    """The standard normals of ``init_weights``, kept per seed and reused, within a byte budget.

    A page that moves depth, gain, activation or init at one seed draws only the layers it has
    not drawn before (drawing dominates the cost of a random network). The numbers are exactly
    those of drawing afresh: one Generator per seed, advanced layer by layer in the same order.
    """

    def __init__(self, budget_bytes: int):
        self._budget = budget_bytes
        self._entries: OrderedDict[tuple, tuple[np.random.Generator, list]] = OrderedDict()
        self._lock = threading.Lock()

    def layers(self, seed: int, shapes: list[tuple[int, ...]]) -> list[np.ndarray]:
        # the same first shape and seed: a prefix of the same stream
        key = (int(seed), shapes[0])
        with self._lock:
            rng, drawn = self._entries.pop(key, (None, []))
            if rng is None or any(z.shape != shape for z, shape in zip(drawn, shapes,
                                                                       strict=False)):
                rng, drawn = np.random.default_rng(seed), []
            drawn += [rng.standard_normal(shape) for shape in shapes[len(drawn):]]
            self._entries[key] = (rng, drawn)
            self._evict()
            return drawn[:len(shapes)]

    def _evict(self) -> None:
        """Drop the least recently used seeds beyond the budget (never the newest)."""
        while len(self._entries) > 1 and self._bytes() > self._budget:
            self._entries.popitem(last=False)

    def _bytes(self) -> int:
        return sum(z.nbytes for _, drawn in self._entries.values() for z in drawn)


_STANDARD_NORMALS = _NormalLayers(budget_bytes=64 * 2**20)  # one default chain-rule setting


def draw_inputs(seed: int, samples: int | None, batch: int, n_in: int, n_out: int | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """(x, upstream), standard normal, shapes ([samples,] batch, n_in) and (..., n_out)."""
    lead = () if samples is None else (int(samples),)
    rng = np.random.default_rng([seed, 1])  # a stream independent of the weights' stream
    x = rng.standard_normal(lead + (batch, n_in))
    return x, rng.standard_normal(lead + (batch, n_in if n_out is None else n_out))


@dataclass(frozen=True)
class Ensemble:
    """``samples`` random networks (W[l] of shape (samples, out, in)) and their inputs."""

    weights: list[np.ndarray]
    x: np.ndarray
    upstream: np.ndarray


def draw(widths: Sequence[int], init: str, gain: float, seed: int, samples: int | None,
         batch: int) -> Ensemble:
    """Networks from init_weights(widths, init, gain, seed, samples) and inputs from
    draw_inputs(seed, ...): ``batch`` inputs per network (samples=None: one network)."""
    weights = init_weights(widths, init, gain, seed, samples=samples)
    return Ensemble(weights, *draw_inputs(seed, samples, batch, widths[0], widths[-1]))


# ---------------------------------------------------------------- measured layer by layer

@dataclass(frozen=True)
class LayerMeasures:
    """Per-layer measurements, one column per (network, input) pair.

    grad: log10 ||g_l||, shape (L+1, runs); act: log10 ||a_l||, shape (L+1, runs);
    weight, activation: the realised n Var[w] and E[phi'(z)^2] of layers 1..L, shape (L, runs).
    In expectation ||g_{l-1}||^2 / ||g_l||^2 = weight * activation (He et al. 2015, Eq. 13-14).
    """

    grad: np.ndarray
    act: np.ndarray
    weight: np.ndarray
    activation: np.ndarray
    pre_activations: PreActivationStats | None = None  # if asked for


# A run holds up to core.budget's ENSEMBLE_ENTRIES weights (~96 MB) while it runs. Many threads
# (a server's sessions) calling at once would hold that many copies; two at a time keep both
# cores busy.
_RUNNING = threading.BoundedSemaphore(2)


def measure_layers(depth: int, width: int, activation: str, init: str, gain: float,
                   samples: int, batch: int, seed: int,
                   pre_activations: bool = False) -> LayerMeasures:
    """Draw ``samples`` networks and ``batch`` inputs each; measure every layer in log space.

    The loss is sum(u * a_L) with u ~ N(0, I): ||g_L|| is about sqrt(width), and every
    ||g_l|| is an absolute norm (what a float32 training run would have to store).
    ``pre_activations``: also the statistics of every z_l (core.preactivations), from the same
    forward pass. At most two runs go at once (the rest wait), which bounds the memory they hold.
    """
    with _RUNNING:
        ensemble = draw([width] * (depth + 1), init, gain, seed, samples, batch)
        net = Mlp(ensemble.weights, activation)
        trace = forward(net, ensemble.x, PER_ROW, keep_pre=pre_activations)
        grads = backward(net, trace, ensemble.upstream, PER_ROW)
        lead = grads.inputs.shape[1:]
        return LayerMeasures(
            grad=_columns(grads.inputs),
            act=_columns(stack_layers([s[..., 0] for s in trace.scales])),
            weight=_columns(np.stack([np.broadcast_to(weight_factor(w)[..., None], lead)
                                      for w in net.weights])),
            activation=_columns(np.stack([np.mean(d**2, axis=-1)
                                          for d in trace.derivatives])),
            pre_activations=trace_stats(activation, trace) if pre_activations else None)


def weight_factor(w: np.ndarray) -> np.ndarray:
    """fan_in * mean(W^2) per network: the realised n Var[w] of a layer."""
    return np.einsum("...ij,...ij->...", w, w) / w.shape[-2]  # sum(W^2) / fan_out


def _columns(values: np.ndarray) -> np.ndarray:
    """(layers, samples, batch) -> (layers, samples * batch)."""
    return values.reshape(len(values), -1)
