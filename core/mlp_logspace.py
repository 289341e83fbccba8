"""The MLP of core/mlp.py in log space: every value a unit array x 10^scale, finite at any depth.

Each activation and gradient is carried as (unit array, log10 scale), the scale adding up layer
by layer instead of multiplying, so depth 1000 at gain 10 or 0.1 never overflows or underflows
float64. The scale is kept per row (PER_ROW: independent examples) or per network
(PER_NETWORK: one scale per (batch, units) array, needed with batch norm, which couples the
rows). Networks: bias-free, one activation on every layer, optional batch norm in train mode
(gamma 1, beta 0) and residual branches; the loss is sum(upstream * a_L).

Positively homogeneous activations (relu, leaky_relu, linear) run on the unit pre-activation
exactly, phi(c v) = c phi(v); bounded ones (tanh, sigmoid) on the true pre-activation, where
tanh below 1e-8 is the identity and keeps its scale exactly.
"""

import math
from dataclasses import dataclass, field

import numpy as np

from core.activations import activation as activation_functions
from core.activations import is_positively_homogeneous
from core.logspace import unit_and_log10_norm
from core.mlp import Mlp

PER_ROW = -1
PER_NETWORK = (-2, -1)
LN10 = math.log(10.0)
TANH_IDENTITY_LOG10 = -8.0  # |h| < 1e-8: tanh(h) == h in float64
_BLAS_SERIAL_MNK = 1 << 18  # OpenBLAS runs a gemm with m*n*k at most 4*65536 on one thread
_ERRORS = {"divide": "ignore", "invalid": "ignore", "under": "ignore", "over": "ignore"}


def chunked_matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b, a stack of products (many networks) in row chunks small enough for one BLAS
    thread each.

    On a small shared machine, OpenBLAS's threads spin against other processes: a stack of
    mid-sized products became 10x slower under load. Small products never start threads; one
    large product (a single network) is left whole, where threads pay off.
    """
    rows = max(1, _BLAS_SERIAL_MNK // (a.shape[-1] * b.shape[-1]))
    if a.shape[-2] <= rows or (a.ndim == 2 and b.ndim == 2):
        return a @ b
    return np.concatenate([a[..., i:i + rows, :] @ b for i in range(0, a.shape[-2], rows)],
                          axis=-2)


@dataclass
class LogTrace:
    """The forward pass in log space, index l for a_l (from a_0), l-1 for layer l.

    scales have length-1 scale axes, so they broadcast against the units; normalised and
    log_std (log10 sqrt(var_h + eps), per unit) only with batch norm; pre_units and pre_scales
    (h_l = W_l a_(l-1) = 10^pre_scale pre_unit, before batch norm) only if asked for.
    """

    units: list
    scales: list
    derivatives: list  # phi'(z_l)
    normalised: list
    log_std: list
    pre_units: list = field(default_factory=list)
    pre_scales: list = field(default_factory=list)


@dataclass
class LogGradients:
    """log10 norms of the gradients of sum(upstream * a_L).

    inputs: log10 ||dL/da_l|| per row, l = 0..L, shape (L+1, ..., batch); weights:
    log10 ||dL/dW_l||_F per network, l = 1..L, shape (L, ...), or None if not asked for.
    """

    inputs: np.ndarray
    weights: np.ndarray | None


def _unit(v: np.ndarray, axes) -> tuple[np.ndarray, np.ndarray]:
    """(unit array, log10 norm with length-1 axes) over the scale axes."""
    return unit_and_log10_norm(v, axes, keepdims=True)


def _check(net: Mlp, axes) -> None:
    """Raise ValueError for what log space does not carry."""
    bn = net.batch_norm
    if net.biases is not None or net.linear_output:
        raise ValueError("log space runs bias-free networks with phi on every layer")
    if bn is not None and (bn.gammas, bn.betas, bn.running) != (None, None, None):
        raise ValueError("log space runs batch norm in train mode with gamma 1, beta 0")
    if bn is not None and axes != PER_NETWORK:
        raise ValueError("batch norm couples the rows: use PER_NETWORK scales")


def _add_scaled(u1, s1, u2, s2, axes) -> tuple[np.ndarray, np.ndarray]:
    """10^s1 u1 + 10^s2 u2 as (unit, log10 scale), without forming either term."""
    top = np.maximum(s1, s2)
    top = np.where(np.isfinite(top), top, 0.0)  # both terms zero: keep the sum zero
    unit, log_norm = _unit(u1 * 10.0 ** (s1 - top) + u2 * 10.0 ** (s2 - top), axes)
    return unit, top + log_norm


def _batch_norm(v: np.ndarray, scale: np.ndarray, eps: float) -> tuple[np.ndarray, np.ndarray]:
    """(z, log10 sqrt(var_h + eps)) for h = 10^scale v; per unit, never overflowing."""
    centred = v - v.mean(axis=-2, keepdims=True)
    log_var = np.log10(np.mean(centred**2, axis=-2, keepdims=True))
    log_std = 0.5 * np.logaddexp((2.0 * scale + log_var) * LN10, math.log(eps)) / LN10
    return centred * 10.0 ** (scale - log_std), log_std


def _branch(v: np.ndarray, scale: np.ndarray, activation: str, axes
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(unit phi(z), its log10 scale, phi'(z)) for the pre-activation z = 10^scale v."""
    phi, dphi = activation_functions(activation)
    if is_positively_homogeneous(activation):  # phi(c v) = c phi(v), phi'(c v) = phi'(v)
        unit, log_norm = _unit(phi(v), axes)
        return unit, scale + log_norm, dphi(v)
    z = v * 10.0 ** scale  # bounded units: |a| stays small, so z is representable
    unit, log_norm = _unit(phi(z), axes)
    if activation == "tanh":  # tiny pre-activations: tanh is the identity, keep the scale
        tiny = scale + np.log10(np.max(np.abs(v), axis=axes, keepdims=True)) < TANH_IDENTITY_LOG10
        unit_linear, log_linear = _unit(v, axes)
        unit = np.where(tiny, unit_linear, unit)
        log_norm = np.where(tiny, scale + log_linear, log_norm)
    return unit, log_norm, dphi(z)


def forward(net: Mlp, x: np.ndarray, axes=PER_ROW, keep_pre: bool = False) -> LogTrace:
    """The forward pass at inputs x (..., batch, in) with scales over ``axes``; ``keep_pre``
    keeps every layer's h_l = W_l a_(l-1) in the trace."""
    _check(net, axes)
    with np.errstate(**_ERRORS):
        unit, scale = _unit(np.asarray(x, dtype=float), axes)
        trace = LogTrace([unit], [scale], [], [], [])
        for layer, w in enumerate(net.weights):
            v, v_scale = chunked_matmul(unit, w.swapaxes(-1, -2)), scale
            if keep_pre:
                trace.pre_units.append(v)
                trace.pre_scales.append(scale)
            if net.batch_norm is not None:
                v, log_std = _batch_norm(v, scale, net.batch_norm.eps)
                v_scale = np.zeros_like(scale)
                trace.normalised.append(v)
                trace.log_std.append(log_std)
            b_unit, b_scale, derivative = _branch(v, v_scale, net.activation, axes)
            r = net.branch_scale(layer)
            unit, scale = ((b_unit, b_scale) if r is None
                           else _add_scaled(unit, scale, b_unit, b_scale + math.log10(r), axes))
            trace.units.append(unit)
            trace.scales.append(scale)
            trace.derivatives.append(derivative)
    return trace


def _batch_norm_backward(d_unit, d_scale, z, log_std, axes):
    """dL/dh as (unit, scale) from dL/dz = 10^d_scale d_unit through batch norm."""
    projected = d_unit - d_unit.mean(axis=-2, keepdims=True) - z * np.mean(
        d_unit * z, axis=-2, keepdims=True)
    top = np.max(-log_std, axis=PER_NETWORK, keepdims=True)  # largest 1/std, factored out
    unit, log_norm = _unit(projected * 10.0 ** (-log_std - top), axes)
    return unit, d_scale + top + log_norm


def _log10_weight_norm(d_unit, d_scale, a_unit, a_scale) -> np.ndarray:
    """log10 ||dL/dW||_F = log10 ||sum over rows of dL/dh_row^T a_row||, one per network."""
    rows = d_scale + a_scale
    top = np.max(rows, axis=-2, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)  # every row zero: the gradient is zero
    outer = chunked_matmul((d_unit * 10.0 ** (rows - top)).swapaxes(-1, -2), a_unit)
    return top[..., 0, 0] + np.log10(np.sqrt(np.sum(outer * outer, axis=(-2, -1))))


def _row_log10_norms(unit: np.ndarray, scale: np.ndarray, axes) -> np.ndarray:
    """log10 of each row's norm of 10^scale * unit, shape (..., batch)."""
    if axes == PER_ROW:  # the unit rows have norm 1 (or are zero, where the scale is -inf)
        return scale[..., 0]
    return scale[..., 0] + np.log10(np.linalg.norm(unit, axis=-1))


def stack_layers(arrays: list[np.ndarray]) -> np.ndarray:
    """Stack per-layer arrays after broadcasting them to one shape."""
    return np.stack(np.broadcast_arrays(*arrays))


def backward(net: Mlp, trace: LogTrace, upstream: np.ndarray, axes=PER_ROW,
             weight_norms: bool = False) -> LogGradients:
    """log10 gradient norms of sum(upstream * a_L) through ``trace`` (scales over ``axes``)."""
    # batch norm's projection and the outer products of dL/dW take a unit dL/dz (precision
    # where phi' is tiny); the plain backward pass needs none
    unit_operands = net.batch_norm is not None or weight_norms
    with np.errstate(**_ERRORS):
        out = trace.units[-1]
        grad, scale = _unit(np.broadcast_to(np.asarray(upstream, dtype=float), out.shape).copy(),
                            axes)
        inputs, weights = [_row_log10_norms(grad, scale, axes)], []
        for layer in reversed(range(net.depth())):
            r = net.branch_scale(layer)
            d_unit, d_scale = trace.derivatives[layer] * grad, scale  # at most 1 in size
            if unit_operands:
                d_unit, d_log = _unit(d_unit, axes)
                d_scale = d_log + scale
            d_scale = d_scale + (0.0 if r is None else math.log10(r))
            if net.batch_norm is not None:
                d_unit, d_scale = _batch_norm_backward(
                    d_unit, d_scale, trace.normalised[layer], trace.log_std[layer], axes)
            if weight_norms:
                weights.append(_log10_weight_norm(d_unit, d_scale, trace.units[layer],
                                                  trace.scales[layer]))
            back_unit, back_log = _unit(chunked_matmul(d_unit, net.weights[layer]), axes)
            grad, scale = ((back_unit, d_scale + back_log) if r is None
                           else _add_scaled(grad, scale, back_unit, d_scale + back_log, axes))
            inputs.append(_row_log10_norms(grad, scale, axes))
    return LogGradients(inputs=stack_layers(inputs[::-1]),
                        weights=np.stack(weights[::-1]) if weight_norms else None)


def log10_activation_norms(net: Mlp, x: np.ndarray) -> np.ndarray:
    """log10 ||a_l|| per row for l = 0..L, shape (L+1, ..., batch); all-zero gives -inf."""
    trace = forward(net, x, PER_ROW)
    return stack_layers([s[..., 0] for s in trace.scales])


def log10_gradient_norms(net: Mlp, x: np.ndarray, upstream: np.ndarray) -> np.ndarray:
    """log10 ||dL/da_l|| per row for l = 0..L, shape (L+1, ..., batch), finite where float64
    is not; an exactly zero gradient gives -inf for that layer and all layers below it."""
    return backward(net, forward(net, x, PER_ROW), upstream, PER_ROW).inputs

