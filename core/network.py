"""A bias-free MLP, its input gradients, and their norms in log space.

Convention (PyTorch nn.Linear): W[l] has shape (widths[l+1], widths[l]); activations are rows,
h_l = a_{l-1} @ W[l-1].T, a_l = phi(h_l), a_0 = x. Every function also takes weights with a
leading sample dimension, W[l] of shape (..., out, in): many independent networks at once.
"""

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from core.activations import activation as activation_functions
from core.activations import is_positively_homogeneous
from core.logspace import unit_and_log10_norm

INITS = ("he", "xavier", "lecun", "normal")
Weights = Sequence[np.ndarray]


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


def _linear(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """a @ W.T, broadcasting over leading sample dimensions."""
    return a @ w.swapaxes(-1, -2)


def _lead_shape(weights: Weights, *arrays: np.ndarray) -> tuple[int, ...]:
    """Broadcast leading (sample..., batch) shape of the weights and the row arrays."""
    batch = np.broadcast_shapes(*(a.shape[:-1] for a in arrays))
    return np.broadcast_shapes(*(w.shape[:-2] + (1,) for w in weights), batch)


def forward(weights: Weights, x: np.ndarray, activation: str) -> tuple[list, list]:
    """(pre_activations [h_1..h_L], activations [a_0..a_L]) of the network at input x."""
    phi, _ = activation_functions(activation)
    pre_activations, activations = [], [np.asarray(x, dtype=float)]
    for w in weights:
        pre_activations.append(_linear(activations[-1], w))
        activations.append(phi(pre_activations[-1]))
    return pre_activations, activations


def input_gradients(weights: Weights, x: np.ndarray, activation: str,
                    upstream: np.ndarray) -> list[np.ndarray]:
    """[g_0..g_L]: gradients of sum(upstream * a_L) with respect to each a_l."""
    _, dphi = activation_functions(activation)
    pre_activations, _ = forward(weights, x, activation)
    upstream = np.asarray(upstream, dtype=float)
    lead = _lead_shape(weights, np.asarray(x), upstream)
    gradients = [np.broadcast_to(upstream, lead + upstream.shape[-1:]).copy()]
    for w, h in zip(reversed(weights), reversed(pre_activations), strict=True):
        gradients.append((dphi(h) * gradients[-1]) @ w)
    return gradients[::-1]


def weight_gradients(weights: Weights, x: np.ndarray, activation: str,
                     upstream: np.ndarray) -> list[np.ndarray]:
    """[dLoss/dW[0]..dLoss/dW[L-1]] for the loss sum(upstream * a_L), summed over the batch.

    dLoss/dW[l-1] = (phi'(h_l) * g_l)^T a_{l-1}; each has the shape of W[l-1].
    """
    _, dphi = activation_functions(activation)
    pre_activations, activations = forward(weights, x, activation)
    gradients = input_gradients(weights, x, activation, upstream)
    return [
        (dphi(h) * g).swapaxes(-1, -2) @ a
        for h, g, a in zip(pre_activations, gradients[1:], activations[:-1], strict=True)
    ]


def _tanh_tiny_regime(unit_h: np.ndarray, log_scale: np.ndarray) -> np.ndarray:
    """Rows whose true pre-activation is below 1e-8: there tanh(h) == h in float64."""
    return log_scale + np.log10(np.max(np.abs(unit_h), axis=-1)) < -8.0


def _bounded_layer(unit_a: np.ndarray, log_scale: np.ndarray, w: np.ndarray,
                   activation: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One tanh/sigmoid layer on a = 10^log_scale * unit_a: (unit a_l, log10 ||a_l||, phi')."""
    phi, dphi = activation_functions(activation)
    unit_h = _linear(unit_a, w)
    h = unit_h * 10.0 ** log_scale[..., None]
    unit_next, log_next = unit_and_log10_norm(phi(h))
    if activation == "tanh":  # tiny activations: tanh is the identity, keep the scale exactly
        tiny = _tanh_tiny_regime(unit_h, log_scale)
        unit_lin, log_lin = unit_and_log10_norm(unit_h)
        unit_next = np.where(tiny[..., None], unit_lin, unit_next)
        log_next = np.where(tiny, log_scale + log_lin, log_next)
    return unit_next, log_next, dphi(h)


def _homogeneous_layer(unit_a: np.ndarray, log_scale: np.ndarray, w: np.ndarray,
                       activation: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One relu/leaky/linear layer: phi(c h) = c phi(h), so run it on the unit input exactly."""
    phi, dphi = activation_functions(activation)
    unit_h = _linear(unit_a, w)
    unit_next, log_step = unit_and_log10_norm(phi(unit_h))
    return unit_next, log_scale + log_step, dphi(unit_h)


def _forward_log_space(weights: Weights, x: np.ndarray,
                       activation: str) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """([log10 ||a_0||..log10 ||a_L||], [phi'(h_1)..phi'(h_L)]) without overflow."""
    layer = _homogeneous_layer if is_positively_homogeneous(activation) else _bounded_layer
    unit, log_scale = unit_and_log10_norm(np.asarray(x, dtype=float))
    log_norms, derivatives = [log_scale], []
    for w in weights:
        unit, log_scale, derivative = layer(unit, log_scale, w, activation)
        log_norms.append(log_scale)
        derivatives.append(derivative)
    return log_norms, derivatives


def _backward_log_space(weights: Weights, derivatives: list[np.ndarray],
                        upstream: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """([log10 ||g_0||..log10 ||g_L||], [log10 of each layer's norm ratio, layer 1..L])."""
    unit, log_scale = unit_and_log10_norm(np.asarray(upstream, dtype=float))
    log_norms, log_steps = [log_scale], []
    for w, derivative in zip(reversed(weights), reversed(derivatives), strict=True):
        unit, log_step = unit_and_log10_norm((derivative * unit) @ w)
        log_steps.append(np.where(np.isneginf(log_scale), np.nan, log_step))  # 0/0 undefined
        log_scale = log_scale + log_step
        log_norms.append(log_scale)
    return log_norms[::-1], log_steps[::-1]


def _stack(arrays: list[np.ndarray]) -> np.ndarray:
    """Stack per-layer arrays after broadcasting them to one shape."""
    return np.stack(np.broadcast_arrays(*arrays))


def log10_gradient_norms(weights: Weights, x: np.ndarray, activation: str,
                         upstream: np.ndarray) -> np.ndarray:
    """log10 ||g_l|| for l = 0..L, shape (L+1, ..., batch), finite where float64 is not.

    Each layer's gradient is renormalised to unit norm and log10 of its norm is carried, so
    depth 1000 at gain 10 or 0.1 stays finite. An exactly zero gradient (e.g. every ReLU of a
    row dead) gives -inf for that layer and all layers below it.
    """
    with np.errstate(divide="ignore", invalid="ignore", under="ignore"):
        _, derivatives = _forward_log_space(weights, x, activation)
        log_norms, _ = _backward_log_space(weights, derivatives, upstream)
    return _stack(log_norms)


def log10_activation_norms(weights: Weights, x: np.ndarray, activation: str) -> np.ndarray:
    """log10 ||a_l|| for l = 0..L, shape (L+1, ..., batch); an all-zero activation gives -inf."""
    with np.errstate(divide="ignore", invalid="ignore", under="ignore"):
        log_norms, _ = _forward_log_space(weights, x, activation)
    return _stack(log_norms)


def per_layer_factors(weights: Weights, x: np.ndarray, activation: str,
                      upstream: np.ndarray) -> dict[str, np.ndarray]:
    """Split each layer's squared gradient ratio ||g_{l-1}||^2 / ||g_l||^2 into its parts.

    Returns arrays of shape (L, ..., batch), index l-1 for layer l:
    "weight": fan_in * mean(W^2), the realised n Var[w];
    "activation": mean over units of phi'(h_l)^2, the realised E[phi'(z)^2] (1/2 for ReLU);
    "total": the realised squared ratio (NaN below a gradient that is exactly zero).
    In expectation total = weight * activation (He et al. 2015, Eq. 13-14).
    """
    with np.errstate(divide="ignore", invalid="ignore", under="ignore"):
        _, derivatives = _forward_log_space(weights, x, activation)
        _, log_steps = _backward_log_space(weights, derivatives, upstream)
    lead = derivatives[0].shape[:-1]
    weight = [w.shape[-1] * np.mean(w**2, axis=(-2, -1))[..., None] for w in weights]
    return {
        "weight": np.stack([np.broadcast_to(f, lead) for f in weight]),
        "activation": np.stack([np.mean(d**2, axis=-1) for d in derivatives]),
        "total": _stack([10.0 ** (2.0 * s) for s in log_steps]),
    }
