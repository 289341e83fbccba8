"""Activation functions with their exact derivatives."""

from collections.abc import Callable

import numpy as np

Fn = Callable[[np.ndarray], np.ndarray]

ACTIVATIONS = ("relu", "leaky_relu", "tanh", "sigmoid", "linear")
LEAKY_SLOPE = 0.01
_HOMOGENEOUS = ("relu", "leaky_relu", "linear")


def relu(z: np.ndarray) -> np.ndarray:
    """max(z, 0)."""
    return np.maximum(z, 0.0)


def relu_derivative(z: np.ndarray) -> np.ndarray:
    """1 where z > 0, else 0: ReLU never amplifies."""
    return (z > 0).astype(float)


def leaky_relu(z: np.ndarray) -> np.ndarray:
    """z for z > 0, LEAKY_SLOPE * z otherwise."""
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def leaky_relu_derivative(z: np.ndarray) -> np.ndarray:
    """1 for z > 0, LEAKY_SLOPE otherwise."""
    return np.where(z > 0, 1.0, LEAKY_SLOPE)


def tanh_derivative(z: np.ndarray) -> np.ndarray:
    """sech(z)^2 = 4e / (1 + e)^2 with e = exp(-2|z|): no cancellation, no overflow."""
    e = np.exp(-2.0 * np.abs(z))
    return 4.0 * e / (1.0 + e) ** 2


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-z)), evaluated without overflow."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(z: np.ndarray) -> np.ndarray:
    """sigmoid(z) * (1 - sigmoid(z)) = e / (1 + e)^2 with e = exp(-|z|)."""
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2


def linear(z: np.ndarray) -> np.ndarray:
    """The identity."""
    return np.asarray(z, dtype=float)


def linear_derivative(z: np.ndarray) -> np.ndarray:
    """1 everywhere."""
    return np.ones_like(z, dtype=float)


_FUNCTIONS: dict[str, tuple[Fn, Fn]] = {
    "relu": (relu, relu_derivative),
    "leaky_relu": (leaky_relu, leaky_relu_derivative),
    "tanh": (np.tanh, tanh_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "linear": (linear, linear_derivative),
}


def check_activation(name: str) -> str:
    """Return name if it is a known activation, else raise ValueError listing the choices."""
    if name not in _FUNCTIONS:
        raise ValueError(f"unknown activation {name!r}; choose one of {', '.join(ACTIVATIONS)}")
    return name


def activation(name: str) -> tuple[Fn, Fn]:
    """(phi, dphi): the activation and its exact derivative."""
    return _FUNCTIONS[check_activation(name)]


def is_positively_homogeneous(name: str) -> bool:
    """True if phi(c z) = c phi(z) for c > 0 (relu, leaky_relu, linear)."""
    return check_activation(name) in _HOMOGENEOUS
