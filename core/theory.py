"""What theory predicts for gradient norms in a random bias-free MLP.

Backward pass g_{l-1} = W_l^T (phi'(h_l) * g_l). For W with i.i.d. N(0, Var[w]) entries,
E||g_{l-1}||^2 = n Var[w] E[phi'(z)^2] ||g_l||^2 with n = fan_in (He et al. 2015, "Delving Deep
into Rectifiers", Sec. 2.2, Eq. 13-14; Glorot & Bengio 2010 for the linear/Xavier case).
ReLU's derivative is 0 or 1, so E[phi'^2] = 1/2: it halves the squared gradient on average,
and any growth comes from the weights (He init: n Var[w] = 2 gain^2, product gain^2).

The layer-by-layer product is exact in expectation only for positively homogeneous activations
(relu, leaky_relu, linear): they are scale-invariant, so E[phi'(z)^2] does not depend on the
pre-activation variance. It does NOT hold for tanh/sigmoid: their E[phi'(z)^2] depends on the
variance of z, which changes from layer to layer, and they saturate.
"""

import math
from collections.abc import Callable, Sequence

import numpy as np

from core.activations import LEAKY_SLOPE, check_activation, is_positively_homogeneous
from core.activations import activation as activation_functions
from core.ensemble import init_std

_NODES_PER_PANEL = 16


def gaussian_expectation(f: Callable[[np.ndarray], np.ndarray], q: float = 1.0) -> float:
    """E[f(z)] for z ~ N(0, q) by composite Gauss-Legendre quadrature over +-12 sd.

    Panels are at most half a unit wide, so features of f on the unit scale (tanh' and
    sigmoid' are peaks of width ~1) are resolved at any q; a single Gauss-Hermite rule is not
    (121 nodes are already 16% off for E[tanh'(z)^2] at q = 25).
    """
    sd = math.sqrt(q)
    panels = math.ceil(24.0 * sd / (0.5 * min(sd, 1.0)))
    nodes, weights = np.polynomial.legendre.leggauss(_NODES_PER_PANEL)
    edges = np.linspace(-12.0 * sd, 12.0 * sd, panels + 1)
    half = (edges[1:] - edges[:-1])[:, None] / 2.0
    z = (edges[:-1, None] + half) + half * nodes
    density = np.exp(-(z**2) / (2.0 * q)) / math.sqrt(2.0 * math.pi * q)
    return float(np.sum(half * weights * f(z) * density))


def _derivative_moment(activation: str, power: int, q: float = 1.0) -> float:
    """E[phi'(z)^power], z ~ N(0, q): exact for homogeneous activations, quadrature otherwise."""
    if activation == "relu":
        return 0.5
    if activation == "leaky_relu":
        return (1.0 + LEAKY_SLOPE**power) / 2.0
    if activation == "linear":
        return 1.0
    _, dphi = activation_functions(activation)
    return gaussian_expectation(lambda z: dphi(z) ** power, q)


def mean_square_derivative(activation: str, q: float = 1.0) -> float:
    """E[phi'(z)^2] for z ~ N(0, q): relu 1/2, leaky (1 + a^2)/2, linear 1 for every q."""
    if not (math.isfinite(q) and q > 0):
        raise ValueError(f"q must be a finite variance > 0, got {q!r}")
    return _derivative_moment(check_activation(activation), 2, q)


def weight_factor(init: str, gain: float, fan_in: int, fan_out: int) -> float:
    """n Var[w] with n = fan_in: E||W^T v||^2 = fan_in Var[w] ||v||^2."""
    return fan_in * init_std(init, fan_in, fan_out, gain) ** 2


def theory_applies(activation: str) -> bool:
    """True for relu, leaky_relu, linear, whose E[phi'^2] does not depend on the variance."""
    return is_positively_homogeneous(activation)


def _require_theory(activation: str) -> None:
    """Raise ValueError for tanh/sigmoid."""
    if not theory_applies(activation):
        raise ValueError(f"theory does not apply to {activation!r}: E[phi'(z)^2] depends on "
                         "the pre-activation variance and the units saturate")


def gradient_factor(activation: str, init: str, gain: float, fan_in: int, fan_out: int) -> float:
    """Expected squared-norm multiplier of one layer, n Var[w] E[phi'^2]; He + ReLU: gain^2."""
    _require_theory(activation)
    return weight_factor(init, gain, fan_in, fan_out) * mean_square_derivative(activation)


def factor_parts(activation: str, init: str, gain: float, width: int) -> dict[str, float]:
    """Theory of each part of a constant-width layer's squared factor: "weight" n Var[w] always;
    "activation" E[phi'^2] and their product "total" where the theory applies."""
    parts = {"weight": weight_factor(init, gain, width, width)}
    if theory_applies(activation):
        parts["activation"] = mean_square_derivative(activation)
        parts["total"] = gradient_factor(activation, init, gain, width, width)
    return parts


def relative_variance(activation: str, fan_in: int, fan_out: int) -> float:
    """Relative variance v of one layer's squared-norm factor at finite width.

    v = 2/fan_in (chi-square from W^T) + (3 E[d^4]/E[d^2]^2 - 3)/fan_out with d = phi'(z):
    relu 5/n, linear 2/n at constant width n.
    """
    _require_theory(activation)
    d2, d4 = _derivative_moment(activation, 2), _derivative_moment(activation, 4)
    return 2.0 / fan_in + (3.0 * d4 / d2**2 - 3.0) / fan_out


def layer_log10_growth(activation: str, init: str, gain: float, fan_in: int, fan_out: int,
                       drift: bool = True) -> float:
    """Expected log10 of one layer's norm ratio: 0.5 log10(factor) - v / (4 ln 10)."""
    growth = 0.5 * math.log10(gradient_factor(activation, init, gain, fan_in, fan_out))
    if drift:  # E[log X] = log E[X] - v/2 to second order
        growth -= relative_variance(activation, fan_in, fan_out) / (4.0 * math.log(10.0))
    return growth


def expected_log10_growth(widths: Sequence[int], activation: str, init: str = "he",
                          gain: float = 1.0, drift: bool = True) -> np.ndarray:
    """Expected log10 ||g_l|| - log10 ||g_L|| for l = 0..L, shape (L+1,), 0 at l = L.

    Constant width n: L log10(gain) - c L / (n ln 10) for He init, c = 5/4 relu, 1/2 linear.
    """
    _require_theory(activation)
    steps = [layer_log10_growth(activation, init, gain, fan_in, fan_out, drift)
             for fan_in, fan_out in zip(widths[:-1], widths[1:], strict=True)]
    return np.append(np.cumsum(steps[::-1])[::-1], 0.0)
