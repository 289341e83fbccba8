"""The MLP engine: one forward and one backward pass that every network in the project uses.

Conventions (PyTorch nn.Linear): W[l] has shape (..., out, in) with any leading axes (many
networks at once), rows are examples, and layer l (1-based) computes

    h_l = a_{l-1} @ W[l-1].T [+ b[l-1]]
    z_l = [BN(h_l) = gamma * (h_l - mean) / sqrt(var + eps) + beta]   else z_l = h_l
    a_l = [a_{l-1} + r *] phi(z_l)

Batch normalisation (Ioffe & Szegedy 2015, PyTorch BatchNorm1d) normalises over the batch axis
(-2) with the batch's mean and biased variance (train mode), or with given running statistics
(eval mode). With ``linear_output`` the last layer is a_L = h_L (logits: no BN, no phi, no skip).
The backward pass differentiates the loss sum(upstream * a_L), for any upstream gradient.
core/mlp_logspace.py runs the same network with every value kept as a unit array x 10^scale.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from core.activations import activation as activation_functions

BN_EPS = 1e-5  # torch.nn.BatchNorm1d's default


@dataclass(frozen=True)
class BatchNorm:
    """Batch normalisation on every layer but a linear output; None means gamma 1 / beta 0.

    gammas, betas: one (..., out) array per normalised layer. running: (means, variances), one
    per normalised layer, switches to eval mode (statistics given, not taken from the batch).
    """

    gammas: Sequence[np.ndarray] | None = None
    betas: Sequence[np.ndarray] | None = None
    running: tuple[Sequence[np.ndarray], Sequence[np.ndarray]] | None = None
    eps: float = BN_EPS


@dataclass(frozen=True)
class Mlp:
    """A network: its weights (and biases), activation, and optional batch norm and residuals.

    residual: the branch scale r of a_l = a_{l-1} + r * phi(z_l) on every layer (a float), or
    one scale per layer (None: no skip on that layer); None: no residual connections.
    """

    weights: Sequence[np.ndarray]
    activation: str = "relu"
    biases: Sequence[np.ndarray] | None = None
    batch_norm: BatchNorm | None = None
    residual: float | Sequence[float | None] | None = None
    linear_output: bool = False

    def depth(self) -> int:
        """Number of weight layers L."""
        return len(self.weights)

    def is_linear_output(self, layer: int) -> bool:
        """Whether layer ``layer`` (0-based) is the linear output layer (a_L = h_L)."""
        return self.linear_output and layer == self.depth() - 1

    def branch_scale(self, layer: int) -> float | None:
        """r of layer ``layer`` (0-based), or None if it adds no skip connection."""
        if self.residual is None or self.is_linear_output(layer):
            return None
        if isinstance(self.residual, int | float):
            return float(self.residual)
        return self.residual[layer]


@dataclass
class Trace:
    """Everything the forward pass computed, index l-1 for layer l (a: index l, from a_0).

    normalised, inv_std, batch_stats: batch norm's x-hat, 1/sqrt(var + eps) and the batch's
    (mean, biased variance) (train mode only), per normalised layer.
    """

    activations: list = field(default_factory=list)  # a_0 .. a_L
    pre_activations: list = field(default_factory=list)  # h_1 .. h_L
    inputs: list = field(default_factory=list)  # z_1 .. z_L, phi's inputs (z_L = h_L if plain)
    normalised: list = field(default_factory=list)
    inv_std: list = field(default_factory=list)
    batch_stats: list = field(default_factory=list)


@dataclass
class Gradients:
    """Gradients of sum(upstream * a_L): inputs [dL/da_0..dL/da_L]; weights, biases, gammas,
    betas: one per layer (empty when not asked for or not present)."""

    inputs: list
    weights: list = field(default_factory=list)
    biases: list = field(default_factory=list)
    gammas: list = field(default_factory=list)
    betas: list = field(default_factory=list)


def linear(a: np.ndarray, w: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """a @ W.T (+ b), broadcasting over leading network axes."""
    h = a @ w.swapaxes(-1, -2)
    if b is None:
        return h
    b = b[..., None, :]
    if np.broadcast_shapes(h.shape, b.shape) != h.shape:
        return h + b
    h += b  # in place: with many networks a second array of this size costs page faults
    return h


def batch_statistics(h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mean, biased variance) over the batch axis (-2), per unit, shape (..., 1, units)."""
    mean = h.mean(axis=-2, keepdims=True)
    return mean, np.mean((h - mean) ** 2, axis=-2, keepdims=True)


def _normalise(net: Mlp, layer: int, h: np.ndarray, trace: Trace) -> np.ndarray:
    """z_l of a batch-normalised layer; records x-hat, 1/std and the batch's statistics."""
    bn = net.batch_norm
    if bn.running is None:
        mean, var = batch_statistics(h)
        trace.batch_stats.append((mean[..., 0, :], var[..., 0, :]))
    else:
        mean, var = bn.running[0][layer][..., None, :], bn.running[1][layer][..., None, :]
    inv_std = 1.0 / np.sqrt(var + bn.eps)
    normalised = (h - mean) * inv_std
    trace.normalised.append(normalised)
    trace.inv_std.append(inv_std)
    z = normalised if bn.gammas is None else normalised * bn.gammas[layer][..., None, :]
    return z if bn.betas is None else z + bn.betas[layer][..., None, :]


def forward(net: Mlp, x: np.ndarray) -> Trace:
    """The forward pass at inputs x (..., batch, in), keeping what the backward pass needs."""
    phi, _ = activation_functions(net.activation)
    trace = Trace(activations=[np.asarray(x, dtype=float)])
    for layer, w in enumerate(net.weights):
        a = trace.activations[-1]
        h = linear(a, w, None if net.biases is None else net.biases[layer])
        trace.pre_activations.append(h)
        if net.is_linear_output(layer):
            trace.inputs.append(h)
            trace.activations.append(h)
            continue
        z = h if net.batch_norm is None else _normalise(net, layer, h, trace)
        trace.inputs.append(z)
        r = net.branch_scale(layer)
        trace.activations.append(phi(z) if r is None else a + r * phi(z))
    return trace


def batch_norm_backward(dz: np.ndarray, normalised: np.ndarray, inv_std: np.ndarray,
                        train: bool = True) -> np.ndarray:
    """dL/dh from dL/d(x-hat): inv_std * (dz - mean(dz) - x-hat * mean(dz * x-hat)) with the
    batch's statistics (means over the batch axis); inv_std * dz with running ones."""
    if not train:
        return inv_std * dz
    return inv_std * (dz - dz.mean(axis=-2, keepdims=True)
                      - normalised * np.mean(dz * normalised, axis=-2, keepdims=True))


def _normalised_backward(net: Mlp, layer: int, dz: np.ndarray, trace: Trace,
                         grads: Gradients | None) -> np.ndarray:
    """dL/dh_l from dL/dz_l through batch norm; records dgamma and dbeta in ``grads``."""
    bn, normalised = net.batch_norm, trace.normalised[layer]
    if grads is not None:
        grads.gammas.append(np.sum(dz * normalised, axis=-2))
        grads.betas.append(np.sum(dz, axis=-2))
    dxhat = dz if bn.gammas is None else dz * bn.gammas[layer][..., None, :]
    return batch_norm_backward(dxhat, normalised, trace.inv_std[layer], bn.running is None)


def backward(net: Mlp, trace: Trace, upstream: np.ndarray, parameters: bool = True
             ) -> Gradients:
    """Gradients of sum(upstream * a_L) by the chain rule through ``trace``.

    Parameter gradients are summed over the batch (only the input gradients without
    ``parameters``); biases' only if the network has biases, gammas' and betas' with BN.
    """
    _, dphi = activation_functions(net.activation)
    out = trace.activations[-1]
    grad = np.asarray(upstream, dtype=float)  # never written to: copied only to broadcast it
    if grad.shape != out.shape:
        grad = np.broadcast_to(grad, out.shape).copy()
    result = Gradients(inputs=[grad])
    params = result if parameters else None
    for layer in reversed(range(net.depth())):
        w, a, r = net.weights[layer], trace.activations[layer], net.branch_scale(layer)
        if net.is_linear_output(layer):
            delta = grad
        else:
            delta = dphi(trace.inputs[layer]) * (grad if r is None else r * grad)
            if net.batch_norm is not None:
                delta = _normalised_backward(net, layer, delta, trace, params)
        if parameters:
            result.weights.append(delta.swapaxes(-1, -2) @ a)
            if net.biases is not None:
                result.biases.append(delta.sum(axis=-2))
        grad = delta @ w if r is None else delta @ w + grad
        result.inputs.append(grad)
    for group in (result.inputs, result.weights, result.biases, result.gammas, result.betas):
        group.reverse()
    return result


def input_gradients(net: Mlp, x: np.ndarray, upstream: np.ndarray) -> list[np.ndarray]:
    """[dL/da_0..dL/da_L] of sum(upstream * a_L) at inputs x."""
    return backward(net, forward(net, x), upstream, parameters=False).inputs


def gradients(net: Mlp, x: np.ndarray, upstream: np.ndarray) -> Gradients:
    """Every gradient of sum(upstream * a_L) at inputs x (inputs and parameters)."""
    return backward(net, forward(net, x), upstream)
