"""Hidden-layer activations, each with its derivative written beside it.

Every function writes into caller-provided buffers (``out=``) so the training loop allocates nothing
per step.  ``backward`` receives both the pre-activation ``z`` and the activation ``a`` and uses
whichever makes the derivative cheapest and exact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["ACTIVATIONS", "Activation", "LEAKY_SLOPE"]

LEAKY_SLOPE = 0.01


@dataclass(frozen=True, slots=True)
class Activation:
    """``forward(z, out)`` computes a = g(z); ``backward(da, z, a, out, mask)`` computes dz = da·g'(z).

    ``mask`` is a preallocated boolean scratch array of the same shape, for derivatives that select.
    """

    name: str
    label: str
    forward: Callable[[np.ndarray, np.ndarray], None]
    backward: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray], None]


def _relu(z: np.ndarray, out: np.ndarray) -> None:
    np.maximum(z, 0, out=out)


def _relu_back(da: np.ndarray, z: np.ndarray, a: np.ndarray, out: np.ndarray, mask) -> None:
    # The tutorial multiplies by the 0/1 mask (a > 0); doing the same (not np.where) keeps its bits.
    np.greater(a, 0, out=mask)
    np.multiply(da, mask, out=out)


def _tanh(z: np.ndarray, out: np.ndarray) -> None:
    np.tanh(z, out=out)


def _tanh_back(da: np.ndarray, z: np.ndarray, a: np.ndarray, out: np.ndarray, mask) -> None:
    np.multiply(a, a, out=out)
    np.subtract(1.0, out, out=out)
    np.multiply(da, out, out=out)


def sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``1 / (1 + exp(-z))`` evaluated exactly as the tutorial does (same operations, same bits)."""
    out = np.negative(z, out=out)
    np.exp(out, out=out)
    np.add(out, 1.0, out=out)
    np.divide(1.0, out, out=out)
    return out


def _sigmoid_back(da: np.ndarray, z: np.ndarray, a: np.ndarray, out: np.ndarray, mask) -> None:
    np.subtract(1.0, a, out=out)
    np.multiply(out, a, out=out)
    np.multiply(da, out, out=out)


def _leaky(z: np.ndarray, out: np.ndarray) -> None:
    np.multiply(z, LEAKY_SLOPE, out=out)
    np.maximum(z, out, out=out)


def _leaky_back(da: np.ndarray, z: np.ndarray, a: np.ndarray, out: np.ndarray, mask) -> None:
    np.less_equal(z, 0, out=mask)
    np.copyto(out, da)
    np.multiply(out, LEAKY_SLOPE, out=out, where=mask)


ACTIVATIONS: dict[str, Activation] = {
    act.name: act
    for act in (
        Activation("relu", "ReLU", _relu, _relu_back),
        Activation("tanh", "tanh", _tanh, _tanh_back),
        Activation("sigmoid", "sigmoid", sigmoid, _sigmoid_back),
        Activation("leaky_relu", "leaky ReLU", _leaky, _leaky_back),
    )
}
