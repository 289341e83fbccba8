"""The network the trainer trains: an MLP classifier with biases, optional batch normalisation
and residual connections, run by the engine core.mlp; softmax cross-entropy, its gradients,
evaluation, prediction. The network, the loss and its gradients and ``evaluate`` also take
many networks at once (a leading network axis: W[l] of shape (networks, out, in)), and then
return one loss and one accuracy per network.

Conventions (as core.mlp and PyTorch nn.Linear): W[l] has shape (out, in), b[l] shape
(out,), rows are examples, h_l = a_{l-1} @ W[l-1].T + b[l-1]. ``depth`` counts weight layers:
depth 4 is input -> 3 hidden layers of ``width`` -> logits. The last layer has no activation.

A hidden layer l computes, in this order (options in brackets):

    h_l = a_{l-1} W_l^T + b_l
    z_l = [BN(h_l) = gamma_l * (h_l - mean) / sqrt(var + 1e-5) + beta_l]   else z_l = h_l
    a_l = [a_{l-1} +] phi(z_l)

Batch normalisation (``batch_norm``, as PyTorch BatchNorm1d placed between Linear and the
activation): in training, mean and (biased) variance over the mini-batch, differentiated
exactly; running averages r <- 0.9 r + 0.1 stat (unbiased variance, momentum 0.1, starting at
mean 0 and variance 1) are used for evaluation and prediction. gamma and beta start at 1 and 0
and are learnt. Parameters then form four groups (weights, biases, gammas, betas) instead of two.
Residual connections (``residual``): a_l = a_{l-1} + phi(z_l) on every hidden layer whose input
has the layer's own width, i.e. all hidden layers but the first (which maps the 2-D input to
``width``). The identity path adds the upstream gradient unchanged: g_{l-1} = g_l + (...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from core import mlp
from core.ensemble import init_weights

if TYPE_CHECKING:
    from core.training import TrainConfig, TrainResult

BN_MOMENTUM = 0.1  # torch.nn.BatchNorm1d's default (its eps is core.mlp.BN_EPS)
Params = tuple[list[np.ndarray], ...]  # (weights, biases) or (weights, biases, gammas, betas)


def init_params(config: TrainConfig, n_in: int, n_out: int) -> Params:
    """Weights from core.ensemble.init_weights (same seed, same weights), zero biases;
    with batch normalisation also gamma = 1 and beta = 0 per hidden layer."""
    widths = [n_in] + [config.width] * (config.depth - 1) + [n_out]
    weights = init_weights(widths, config.init, config.gain, config.seed)
    biases = [np.zeros(w.shape[0]) for w in weights]
    if not config.batch_norm:
        return weights, biases
    hidden = [w.shape[0] for w in weights[:-1]]
    return weights, biases, [np.ones(n) for n in hidden], [np.zeros(n) for n in hidden]


def init_running(params: Params) -> tuple[list, list] | None:
    """BatchNorm1d's initial running statistics (mean 0, variance 1), or None without BN."""
    if len(params) < 4:
        return None
    return [np.zeros_like(g) for g in params[2]], [np.ones_like(g) for g in params[2]]


def has_skip(weights: list[np.ndarray], layer: int, residual: bool) -> bool:
    """Whether hidden layer ``layer`` (0-based) adds its input: a_l = a_{l-1} + phi(z_l)."""
    square = weights[layer].shape[-2] == weights[layer].shape[-1]
    return residual and 0 < layer < len(weights) - 1 and square


def network(params: Params, activation: str, residual: bool = False,
            running: tuple[list, list] | None = None) -> mlp.Mlp:
    """The engine's network of these parameters: logits out, batch norm in training mode
    (or evaluation mode with ``running`` statistics), skips where ``has_skip``."""
    weights = params[0]
    batch_norm = mlp.BatchNorm(params[2], params[3], running) if len(params) == 4 else None
    skips = None  # branch scale 1 on the layers that add their input
    if residual:
        skips = [1.0 if has_skip(weights, layer, True) else None for layer in range(len(weights))]
    return mlp.Mlp(weights, activation, params[1], batch_norm, skips, linear_output=True)


def forward(params: Params, x: np.ndarray, activation: str, residual: bool = False,
            running: tuple[list, list] | None = None) -> tuple[list, list]:
    """(pre-activations [h_1..h_L], activations [a_0..a_{L-1}]); h_L are the logits."""
    trace = mlp.forward(network(params, activation, residual, running), x)
    return trace.pre_activations, trace.activations[:-1]


def _float_if_one(values: np.ndarray) -> float | np.ndarray:
    """A float for one network, the array (one value per network) for many."""
    return float(values) if values.ndim == 0 else values


def softmax_cross_entropy(logits: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """(mean cross-entropy, its gradient with respect to the logits), via a stable log-sum-exp."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    log_sum = np.log(np.exp(shifted).sum(axis=-1))
    rows = np.arange(len(y))
    loss = _float_if_one((log_sum - shifted[..., rows, y]).mean(axis=-1))
    probabilities = np.exp(shifted - log_sum[..., None])
    probabilities[..., rows, y] -= 1.0
    return loss, probabilities / len(y)


def loss_and_gradients(params: Params, x: np.ndarray, y: np.ndarray, activation: str,
                       residual: bool = False) -> tuple[float, Params]:
    """(mean cross-entropy on (x, y), its gradients, one list per parameter group);
    batch normalisation in training mode (statistics of this batch)."""
    loss, grads, _ = loss_gradients_and_trace(params, x, y, activation, residual)
    return loss, grads


def loss_gradients_and_trace(params: Params, x: np.ndarray, y: np.ndarray, activation: str,
                             residual: bool = False) -> tuple[float, Params, mlp.Trace]:
    """loss_and_gradients, and the forward pass's trace (batch statistics for update_running)."""
    net = network(params, activation, residual)
    trace = mlp.forward(net, x)
    loss, dlogits = softmax_cross_entropy(trace.activations[-1], y)
    grads = mlp.backward(net, trace, dlogits)
    return loss, (grads.weights, grads.biases, grads.gammas, grads.betas)[:len(params)], trace


def evaluate(params: Params, x: np.ndarray, y: np.ndarray, activation: str,
             residual: bool = False, running: tuple[list, list] | None = None
             ) -> tuple[float, float]:
    """(mean cross-entropy, accuracy) on (x, y); batch norm uses ``running`` statistics."""
    logits = mlp.forward(network(params, activation, residual, running), x).activations[-1]
    loss, _ = softmax_cross_entropy(logits, y)
    return loss, _float_if_one((np.argmax(logits, axis=-1) == y).mean(axis=-1))


def predict_proba(result: TrainResult, config: TrainConfig, x: np.ndarray) -> np.ndarray:
    """Class probabilities, shape (n, classes), of the trained network (evaluation mode)."""
    logits = forward(result.params, x, config.activation, config.residual, result.running)[0][-1]
    shifted = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(shifted)
    return p / p.sum(axis=1, keepdims=True)


def update_running(running: tuple[list, list], trace: mlp.Trace, batch: int
                   ) -> tuple[list, list]:
    """BatchNorm1d's running averages: r <- (1 - 0.1) r + 0.1 stat, unbiased variance."""
    unbiased = batch / max(batch - 1, 1)
    means = [(1 - BN_MOMENTUM) * r + BN_MOMENTUM * m
             for r, (m, _) in zip(running[0], trace.batch_stats, strict=True)]
    variances = [(1 - BN_MOMENTUM) * r + BN_MOMENTUM * unbiased * v
                 for r, (_, v) in zip(running[1], trace.batch_stats, strict=True)]
    return means, variances
