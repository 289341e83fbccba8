"""The MLP engine (core.mlp, core.mlp_logspace), tested once and hard.

Oracles: central finite differences of the loss sum(upstream * a_L), PyTorch autograd in
float64, the exact gain shift of positively homogeneous activations, and the plain float64
pass for log space wherever float64 holds the numbers.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import mlp_logspace as log_space
from core.activations import ACTIVATIONS
from core.ensemble import init_weights
from core.mlp import (
    BN_EPS,
    BatchNorm,
    Mlp,
    backward,
    batch_norm_backward,
    batch_statistics,
    forward,
    gradients,
    input_gradients,
)
from core.mlp_logspace import (
    PER_NETWORK,
    PER_ROW,
    log10_activation_norms,
    log10_gradient_norms,
)

HOMOGENEOUS = ("relu", "leaky_relu", "linear")
VARIANTS = {  # the options each engine test runs with
    "plain": {},
    "biases": {"biases": True},
    "bn_train": {"bn": "train"},
    "bn_affine": {"bn": "affine"},
    "bn_eval": {"bn": "eval"},
    "residual": {"residual": 0.5},
    "bn_residual": {"bn": "train", "residual": 0.7},
    "classifier": {"biases": True, "bn": "affine", "residual": [None, 1.0, None],
                   "linear_output": True},
    "classifier_eval": {"biases": True, "bn": "eval", "linear_output": True},
}


def build(activation: str, variant: str, seed: int = 0, depth: int = 3, width: int = 4,
          batch: int = 6, lead: tuple = ()) -> tuple[Mlp, np.ndarray, np.ndarray]:
    """A random network with the variant's options, its inputs and an upstream gradient."""
    options = VARIANTS[variant]
    rng = np.random.default_rng(seed)

    def arrays(count, shape, scale=1.0, offset=0.0):
        return [offset + scale * rng.standard_normal(lead + shape) for _ in range(count)]

    weights = arrays(depth, (width, width), 1.2 / math.sqrt(width))
    normalised = depth - options.get("linear_output", False)
    batch_norm = None
    if options.get("bn") == "train":
        batch_norm = BatchNorm()
    elif options.get("bn") in ("affine", "eval"):
        running = None
        if options["bn"] == "eval":
            running = (arrays(normalised, (width,), 0.3),
                       [rng.uniform(0.5, 2.0, lead + (width,)) for _ in range(normalised)])
        batch_norm = BatchNorm(arrays(normalised, (width,), 0.3, 1.0),
                               arrays(normalised, (width,), 0.3), running)
    net = Mlp(weights, activation,
              biases=arrays(depth, (width,), 0.3) if options.get("biases") else None,
              batch_norm=batch_norm, residual=options.get("residual"),
              linear_output=options.get("linear_output", False))
    return net, rng.standard_normal(lead + (batch, width)), rng.standard_normal(
        lead + (batch, width))


def loss(net: Mlp, x: np.ndarray, upstream: np.ndarray) -> float:
    """The scalar every gradient is taken of."""
    return float(np.sum(upstream * forward(net, x).activations[-1]))


def central_difference(f, array: np.ndarray, step: float = 1e-6) -> np.ndarray:
    """Gradient of f() with respect to every entry of ``array``, changed in place."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + step
        up = f()
        array[index] = saved - step
        down = f()
        array[index] = saved
        grad[index] = (up - down) / (2 * step)
    return grad


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(b))


def assert_matches_differences(analytic: np.ndarray, numeric: np.ndarray) -> None:
    """Within 1e-6 relative, or 1e-7 absolute where the gradient is exactly zero (a beta
    whose shift the next batch norm removes): central differences round by eps |loss| / h,
    about 1e-9 per entry here."""
    assert np.linalg.norm(analytic - numeric) <= 1e-6 * np.linalg.norm(numeric) + 1e-7


def parameter_pairs(net: Mlp, grads) -> list[tuple[np.ndarray, np.ndarray]]:
    """(parameter array, its analytic gradient) for every parameter of the network."""
    pairs = list(zip(net.weights, grads.weights, strict=True))
    if net.biases is not None:
        pairs += list(zip(net.biases, grads.biases, strict=True))
    bn = net.batch_norm
    if bn is not None and bn.gammas is not None:
        pairs += list(zip(bn.gammas, grads.gammas, strict=True))
        pairs += list(zip(bn.betas, grads.betas, strict=True))
    return pairs


def kink_free(net: Mlp, x: np.ndarray, margin: float = 1e-3) -> bool:
    """No ReLU input within ``margin`` of 0: a step of 1e-6 cannot cross a kink."""
    inputs = forward(net, x).inputs
    return min(np.abs(z).min() for z in inputs) > margin


# --- finite differences -------------------------------------------------------------------

@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_backward_matches_central_differences(activation, variant):
    # step 1e-6: truncation O(h^2 f''') ~ 1e-12 and rounding O(eps |loss| / h) ~ 1e-9 against
    # gradients of order 1, so 1e-6 relative leaves three orders of margin
    seed = next(s for s in range(50) if kink_free(*build(activation, variant, s)[:2]))
    net, x, upstream = build(activation, variant, seed)
    grads = gradients(net, x, upstream)

    def f():
        return loss(net, x, upstream)

    assert relative_error(grads.inputs[0], central_difference(f, x)) < 1e-6
    for param, analytic in parameter_pairs(net, grads):
        assert analytic.shape == param.shape
        assert_matches_differences(analytic, central_difference(f, param))


def test_input_gradients_alone_are_those_of_the_full_backward_pass():
    net, x, upstream = build("tanh", "classifier")
    trace = forward(net, x)
    grads = backward(net, trace, upstream)
    only_inputs = backward(net, trace, upstream, parameters=False)
    assert only_inputs.weights == only_inputs.biases == only_inputs.gammas == []
    assert len(grads.weights) == len(grads.biases) == 3 and len(grads.gammas) == 2
    for a, b in zip(only_inputs.inputs, grads.inputs, strict=True):
        np.testing.assert_array_equal(a, b)


# --- many networks at once ----------------------------------------------------------------

@pytest.mark.parametrize("variant", ["plain", "bn_affine", "bn_eval", "classifier"])
def test_a_leading_network_axis_runs_each_network_as_if_alone(variant):
    # the same float64 operations slice by slice; BLAS may block a stacked product
    # differently, so allow a few ulps (1e-12 relative)
    net, x, upstream = build("tanh", variant, lead=(3,))
    together = gradients(net, x, upstream)

    def take(arrays, s):
        return None if arrays is None else [a[s] for a in arrays]

    for s in range(3):
        bn = net.batch_norm
        alone_bn = None if bn is None else BatchNorm(
            take(bn.gammas, s), take(bn.betas, s),
            None if bn.running is None else (take(bn.running[0], s), take(bn.running[1], s)))
        alone = Mlp(take(net.weights, s), net.activation, take(net.biases, s), alone_bn,
                    net.residual, net.linear_output)
        single = gradients(alone, x[s], upstream[s])
        for group in ("inputs", "weights", "biases", "gammas", "betas"):
            for a, b in zip(getattr(together, group), getattr(single, group), strict=True):
                np.testing.assert_allclose(a[s], b, rtol=1e-12, atol=1e-14)


def test_one_input_batch_broadcasts_against_many_networks():
    net, x, upstream = build("relu", "plain", lead=(4,))
    shared = gradients(net, x[0], upstream[0])
    repeated = gradients(net, np.broadcast_to(x[0], x.shape), np.broadcast_to(upstream[0],
                                                                              x.shape))
    assert [g.shape for g in shared.inputs] == [(4, 6, 4)] * 4
    for a, b in zip(shared.weights, repeated.weights, strict=True):
        np.testing.assert_array_equal(a, b)


# --- PyTorch autograd ---------------------------------------------------------------------

def torch_loss(torch, net: Mlp, params: dict, x, upstream, activation: str):
    """sum(upstream * a_L) of the same network written with torch.nn.functional."""
    functional = torch.nn.functional
    phi = {"relu": torch.relu, "leaky_relu": functional.leaky_relu, "tanh": torch.tanh,
           "sigmoid": torch.sigmoid, "linear": lambda z: z}[activation]
    bn = net.batch_norm
    a = x
    for layer, w in enumerate(params["weights"]):
        h = functional.linear(a, w, None if net.biases is None else params["biases"][layer])
        if net.is_linear_output(layer):
            a = h
            continue
        z = h
        if bn is not None:
            running = (None, None) if bn.running is None else (
                torch.from_numpy(bn.running[0][layer]), torch.from_numpy(bn.running[1][layer]))
            z = functional.batch_norm(
                h, *running, params["gammas"][layer] if "gammas" in params else None,
                params["betas"][layer] if "betas" in params else None,
                training=bn.running is None, eps=bn.eps)
        r = net.branch_scale(layer)
        a = phi(z) if r is None else a + r * phi(z)
    return (upstream * a).sum(), a


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_forward_and_backward_equal_pytorch_autograd(activation, variant):
    # the same float64 arithmetic in another order: differences of a few ulps per layer,
    # far below 1e-10 relative
    torch = pytest.importorskip("torch")
    net, x, upstream = build(activation, variant, seed=3, depth=4, width=5, batch=7)
    groups = {"weights": net.weights}
    if net.biases is not None:
        groups["biases"] = net.biases
    if net.batch_norm is not None and net.batch_norm.gammas is not None:
        groups |= {"gammas": net.batch_norm.gammas, "betas": net.batch_norm.betas}
    params = {k: [torch.tensor(a, requires_grad=True) for a in v] for k, v in groups.items()}
    tx = torch.tensor(x, requires_grad=True)
    total, output = torch_loss(torch, net, params, tx, torch.from_numpy(upstream), activation)
    total.backward()
    ours = gradients(net, x, upstream)
    np.testing.assert_allclose(forward(net, x).activations[-1], output.detach().numpy(),
                               rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(ours.inputs[0], tx.grad.numpy(), rtol=1e-10, atol=1e-12)
    for name, tensors in params.items():
        for analytic, tensor in zip(getattr(ours, name), tensors, strict=True):
            np.testing.assert_allclose(analytic, tensor.grad.numpy(), rtol=1e-10, atol=1e-12)


def test_batch_statistics_are_the_batch_mean_and_biased_variance():
    net, x, _ = build("tanh", "bn_affine")
    trace = forward(net, x)
    for layer, (mean, var) in enumerate(trace.batch_stats):
        h = trace.pre_activations[layer]
        np.testing.assert_allclose(mean, h.mean(axis=0), rtol=1e-14, atol=1e-15)
        np.testing.assert_allclose(var, h.var(axis=0), rtol=1e-13)  # numpy's var is biased
    assert forward(*build("tanh", "bn_eval")[:2]).batch_stats == []  # eval mode takes none


def test_batch_norm_backward_is_orthogonal_to_shift_and_scale():
    # BN ignores adding a constant to a unit's column and (up to eps) scaling it, so dL/dh
    # sums to 0 over the batch and meets h - mean(h) only through the eps term
    h = np.random.default_rng(1).normal(3.0, 2.0, size=(16, 7))
    mean, var = batch_statistics(h)
    inv_std = 1 / np.sqrt(var + BN_EPS)
    normalised = (h - mean) * inv_std
    dz = np.random.default_rng(2).standard_normal(h.shape)
    dh = batch_norm_backward(dz, normalised, inv_std)
    np.testing.assert_allclose(dh.sum(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(np.sum(dh * (h - mean), axis=0),
                               BN_EPS * inv_std[0] ** 2 * np.sum(dz * normalised, axis=0),
                               atol=1e-12)


# --- the exact gain shift -----------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(HOMOGENEOUS), depth=st.integers(1, 10), width=st.integers(2, 8),
       gain=st.floats(0.05, 20.0), seed=st.integers(0, 2**16))
def test_gain_scales_the_depth_l_output_and_input_gradient_by_gain_to_the_l(name, depth, width,
                                                                           gain, seed):
    # phi(g h) = g phi(h): every mask stays, a_L and dL/da_0 scale by g^L; the only error is
    # rounding, a few ulps per layer of the largest term (1e-12 of the largest entry)
    weights = init_weights([width] * (depth + 1), seed=seed)
    x, upstream = np.random.default_rng(seed).standard_normal((2, 3, width))
    base, scaled = Mlp(weights, name), Mlp([gain * w for w in weights], name)
    for f in (lambda n: forward(n, x).activations[-1],
              lambda n: input_gradients(n, x, upstream)[0]):
        expected = gain**depth * f(base)
        np.testing.assert_allclose(f(scaled), expected, rtol=1e-12,
                                   atol=1e-12 * np.abs(expected).max())


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(HOMOGENEOUS), depth=st.integers(1, 10), width=st.integers(2, 8),
       gain=st.floats(0.05, 20.0), seed=st.integers(0, 2**16))
def test_gain_shifts_log_space_norms_exactly(name, depth, width, gain, seed):
    # in log10 the shift is an exact sum; rounding of the unit arrays adds ~1e-15 per layer
    weights = init_weights([width] * (depth + 1), seed=seed)
    base, scaled = Mlp(weights, name), Mlp([gain * w for w in weights], name)
    x, upstream = np.random.default_rng(seed).standard_normal((2, 2, width))
    layers = np.arange(depth + 1)[:, None]
    for got, want in (
            (log10_gradient_norms(scaled, x, upstream),
             log10_gradient_norms(base, x, upstream) + (depth - layers) * math.log10(gain)),
            (log10_activation_norms(scaled, x),
             log10_activation_norms(base, x) + layers * math.log10(gain))):
        finite = np.isfinite(want)
        np.testing.assert_allclose(got[finite], want[finite], rtol=0, atol=1e-11)
        assert np.array_equal(np.isneginf(got), ~finite)


# --- log space equals the plain pass where float64 holds ----------------------------------

def row_log10_norms(arrays: list[np.ndarray]) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.stack([np.log10(np.linalg.norm(a, axis=-1)) for a in arrays])


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(ACTIVATIONS), depth=st.integers(1, 8), width=st.integers(1, 9),
       gain=st.floats(0.2, 5.0), seed=st.integers(0, 2**16), residual=st.sampled_from(
           [None, 0.5]))
def test_per_row_log_space_equals_the_plain_norms(name, depth, width, gain, seed, residual):
    # the same products with renormalised operands: a few ulps of log10 per layer (1e-11)
    weights = init_weights([width] * (depth + 1), "he", gain, seed=seed)
    net = Mlp(weights, name, residual=residual)
    x, upstream = np.random.default_rng(seed).standard_normal((2, 3, width))
    for got, want in ((log10_gradient_norms(net, x, upstream),
                       row_log10_norms(input_gradients(net, x, upstream))),
                      (log10_activation_norms(net, x),
                       row_log10_norms(forward(net, x).activations))):
        finite = np.isfinite(want)
        np.testing.assert_allclose(got[finite], want[finite], rtol=0, atol=1e-11)
        assert np.all(got[~finite] == -np.inf)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "linear"])
@pytest.mark.parametrize("variant", ["plain", "bn_train", "residual", "bn_residual"])
def test_per_network_log_space_equals_the_plain_norms(activation, variant):
    # the same arithmetic with one scale per network: a few ulps per layer over 8 layers
    net, x, upstream = build(activation, variant, seed=4, depth=8, width=16, batch=12,
                             lead=(3,))
    plain = gradients(net, x, upstream)
    norms = log_space.backward(net, log_space.forward(net, x, PER_NETWORK), upstream,
                               PER_NETWORK, weight_norms=True)
    np.testing.assert_allclose(norms.inputs, row_log10_norms(plain.inputs), rtol=0, atol=1e-11)
    np.testing.assert_allclose(
        norms.weights, np.stack([np.log10(np.linalg.norm(g, axis=(-2, -1)))
                                 for g in plain.weights]), rtol=0, atol=1e-11)


def test_per_row_weight_norms_equal_the_per_network_ones():
    # both sum the rows' outer products: one at a common scale, one at each row's own
    net, x, upstream = build("tanh", "plain", seed=5, depth=5, width=6, lead=(2,))

    def weight_norms(axes):
        return log_space.backward(net, log_space.forward(net, x, axes), upstream, axes,
                                  weight_norms=True).weights

    np.testing.assert_allclose(weight_norms(PER_ROW), weight_norms(PER_NETWORK), atol=1e-12)


# --- log space stays finite where float64 does not ----------------------------------------

DEEP = {"plain": {}, "bn": {"batch_norm": BatchNorm()}, "residual": {"residual": 0.1},
        "bn_residual": {"batch_norm": BatchNorm(), "residual": 0.1}}


@pytest.mark.parametrize("options", DEEP)
@pytest.mark.parametrize("gain", [10.0, 0.1])
def test_depth_1000_stays_finite_where_float64_overflows(options, gain):
    weights = init_weights([32] * 1001, "he", gain, seed=0, samples=2)
    net = Mlp(weights, "relu", **DEEP[options])
    x, upstream = np.random.default_rng(1).standard_normal((2, 2, 8, 32))
    axes = PER_NETWORK if net.batch_norm else PER_ROW
    with np.errstate(all="raise"):  # no warning leaks out of log space
        trace = log_space.forward(net, x, axes)
        norms = log_space.backward(net, trace, upstream, axes, weight_norms=True)
    assert np.all(np.isfinite(norms.inputs)) and np.all(np.isfinite(norms.weights))
    if options == "plain":  # 1000 layers of ~gain each: +-1000 decades, beyond +-308
        assert np.abs(norms.inputs[0] - norms.inputs[-1]).min() > 900
        with np.errstate(all="ignore"):
            plain = np.log10(np.linalg.norm(input_gradients(net, x, upstream)[0], axis=-1))
        assert not np.any(np.isfinite(plain))  # inf (gain 10) or log10 0 = -inf (gain 0.1)


def test_tiny_tanh_activations_keep_their_scale():
    # tanh(h) == h in float64 below 1e-8, so log space carries the scale exactly
    net = Mlp(init_weights([32] * 501, "he", 0.1, seed=1), "tanh")
    x = np.random.default_rng(0).standard_normal((2, 32))
    acts = log10_activation_norms(net, x)
    assert np.all(np.isfinite(acts)) and acts[-1].max() < -400


def test_dead_relu_gives_minus_infinity_without_warnings():
    weights = [-np.abs(w) for w in init_weights([4, 5, 5, 3], seed=0)]
    net = Mlp(weights, "relu")
    rng = np.random.default_rng(0)
    x = np.abs(rng.standard_normal((2, 4)))  # positive input, negative weights: layer 1 dead
    with np.errstate(all="raise"):
        grads = log10_gradient_norms(net, x, rng.standard_normal((2, 3)))
        acts = log10_activation_norms(net, x)
    # a_1 = 0 makes every later pre-activation 0 and ReLU'(0) = 0: only g_L survives
    assert np.all(np.isfinite(grads[-1])) and np.all(grads[:-1] == -np.inf)
    assert np.all(np.isfinite(acts[0])) and np.all(acts[1:] == -np.inf)


@pytest.mark.parametrize(("variant", "axes"), [("biases", PER_ROW), ("bn_affine", PER_NETWORK),
                                               ("bn_train", PER_ROW),
                                               ("classifier_eval", PER_NETWORK)])
def test_log_space_refuses_what_it_does_not_carry(variant, axes):
    net, x, _ = build("relu", variant)
    with pytest.raises(ValueError):
        log_space.forward(net, x, axes)
