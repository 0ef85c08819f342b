"""Weight initializers: the tutorial's three experiments, and a registry for more.

Each initializer draws the weights layer by layer from one ``RandomState(seed)``, in the same order
as the tutorial (W1, then W2, ...), so ``random`` and ``he`` with seed 3 reproduce its printed
arrays.  Biases always start at zero.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

__all__ = ["INITIALIZERS", "Initializer", "initialize"]

#: ``draw(rng, n_out, n_in)`` returns one layer's weight matrix of shape ``(n_out, n_in)``.
DrawFn = Callable[[np.random.RandomState, int, int], np.ndarray]


@dataclass(frozen=True, slots=True)
class Initializer:
    """One registered way of choosing initial weights.

    ``label`` is what the window shows; ``formula`` and ``explanation`` teach what it does and why.
    """

    name: str
    label: str
    formula: str
    explanation: str
    draw: DrawFn
    uses_seed: bool = True


def _zeros(rng: np.random.RandomState, n_out: int, n_in: int) -> np.ndarray:
    return np.zeros((n_out, n_in))


def _random_x10(rng: np.random.RandomState, n_out: int, n_in: int) -> np.ndarray:
    return rng.randn(n_out, n_in) * 10


def _he(rng: np.random.RandomState, n_out: int, n_in: int) -> np.ndarray:
    return rng.randn(n_out, n_in) * np.sqrt(2 / n_in)


INITIALIZERS: dict[str, Initializer] = {
    init.name: init
    for init in (
        Initializer(
            "zeros",
            "Zeros",
            "W = 0",
            "Every weight starts at 0. All neurons of a layer then compute the same thing and "
            "receive the same gradient, so they stay identical forever: the network is no better "
            "than a single neuron. The cost sits at ln 2 = 0.693 and accuracy at 50%.",
            _zeros,
            uses_seed=False,
        ),
        Initializer(
            "random",
            "Random ×10",
            "W = randn(n_out, n_in) × 10",
            "Random weights break the symmetry, but ×10 makes them far too large: the output "
            "sigmoid saturates at exactly 0 or 1, the naive log loss overflows to inf, and "
            "gradient descent needs many thousands of steps to recover.",
            _random_x10,
        ),
        Initializer(
            "he",
            "He",
            "W = randn(n_out, n_in) × √(2 / n_in)",
            "He et al. (2015) scale each layer so a ReLU layer keeps the variance of its input: "
            "signals neither vanish nor explode with depth. Training is fast from the first step.",
            _he,
        ),
    )
}


def initialize(
    name: str, layer_dims: Sequence[int], seed: int = 3
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Initial ``(W, b)`` per layer for ``layer_dims = [n_x, n_1, ..., n_L]``.

    Weights are drawn layer by layer from ``RandomState(seed)``; biases are ``(n_l, 1)`` zeros.
    """
    try:
        init = INITIALIZERS[name]
    except KeyError:
        raise KeyError(f"unknown initializer {name!r}; known: {', '.join(INITIALIZERS)}") from None
    rng = np.random.RandomState(seed)
    return [
        (init.draw(rng, n_out, n_in), np.zeros((n_out, 1))) for n_in, n_out in pairwise(layer_dims)
    ]
