"""Weight initializers: the tutorial's three experiments, and the textbook alternatives.

Each initializer draws the weights layer by layer from one ``RandomState(seed)``, in the same order
as the tutorial (W1, then W2, ...), so ``random`` and ``he`` with seed 3 reproduce its printed
arrays.  Biases always start at zero.

The registry keeps the tutorial's three first (the window numbers its shortcuts by position) and
then the rest.  ``scaled`` is the one initializer with a knob: a multiplier ``k`` of LeCun's
``1/√n_in`` standard deviation, so ``k = 1`` is the healthy setting and the multiplier alone shows
what too small or too large does to a deep network.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from engine.errors import InputError, UnknownNameError

__all__ = [
    "INITIALIZERS",
    "MAX_SCALE",
    "Initializer",
    "check_scale",
    "describe",
    "initialize",
]

#: The largest multiplier ``scaled`` accepts: ×100 already saturates any layer completely.
MAX_SCALE = 100.0

#: ``draw(rng, n_out, n_in, scale)`` returns one layer's weight matrix of shape ``(n_out, n_in)``.
#: Only ``scaled`` uses ``scale``; the others accept it so every entry is called the same way.
DrawFn = Callable[[np.random.RandomState, int, int, float], np.ndarray]


def check_scale(scale: float) -> float:
    """The multiplier as a float, or :class:`~engine.errors.InputError` saying what is allowed."""
    try:
        value = float(scale)
    except (TypeError, ValueError):
        raise InputError("the scale must be a number (got {value})", value=repr(scale)) from None
    if not (math.isfinite(value) and 0.0 < value <= MAX_SCALE):
        raise InputError(
            "the scale must be above 0 and at most {max} (got {value})",
            max=f"{MAX_SCALE:g}",
            value=repr(scale),
        )
    return value


@dataclass(frozen=True, slots=True)
class Initializer:
    """One registered way of choosing initial weights.

    ``label`` is what the window shows (static: ``describe`` adds ``scaled``'s multiplier);
    ``formula`` and ``explanation`` teach what it does, when it works and what goes wrong
    otherwise.  ``uses_scale`` tells the window whether the multiplier control applies.
    """

    name: str
    label: str
    formula: str
    explanation: str
    draw: DrawFn
    uses_seed: bool = True
    uses_scale: bool = False

    def describe(self, scale: float = 1.0) -> str:
        """The label with the multiplier when it matters: ``"Scaled ×3"``, else ``label``."""
        return f"{self.label} ×{float(scale):g}" if self.uses_scale else self.label


def _zeros(rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0) -> np.ndarray:
    return np.zeros((n_out, n_in))


def _random_x10(
    rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0
) -> np.ndarray:
    return rng.randn(n_out, n_in) * 10


def _he(rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0) -> np.ndarray:
    return rng.randn(n_out, n_in) * np.sqrt(2 / n_in)


def _xavier(rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0) -> np.ndarray:
    return rng.randn(n_out, n_in) * np.sqrt(2 / (n_in + n_out))


def _glorot_uniform(
    rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0
) -> np.ndarray:
    limit = np.sqrt(6 / (n_in + n_out))
    return rng.uniform(-limit, limit, size=(n_out, n_in))


def _lecun(rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0) -> np.ndarray:
    return rng.randn(n_out, n_in) * np.sqrt(1 / n_in)


def _small(rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0) -> np.ndarray:
    return rng.randn(n_out, n_in) * 0.01


def _scaled(rng: np.random.RandomState, n_out: int, n_in: int, scale: float = 1.0) -> np.ndarray:
    return rng.randn(n_out, n_in) * (scale * np.sqrt(1 / n_in))


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
        Initializer(
            "xavier",
            "Xavier (Glorot normal)",
            "W = randn(n_out, n_in) × √(2 / (n_in + n_out))",
            "Glorot and Bengio (2010) balance two wishes: keep the variance of the signal going "
            "forward (which wants 1/n_in) and of the gradient going back (which wants 1/n_out), "
            "and settle on their average. It suits tanh and sigmoid, which are close to linear "
            "around 0; with ReLU, which zeroes half of each layer, signals shrink with depth.",
            _xavier,
        ),
        Initializer(
            "glorot_uniform",
            "Glorot uniform",
            "W ~ U(−√(6 / (n_in + n_out)), +√(6 / (n_in + n_out)))",
            "The same variance as Xavier, 2 / (n_in + n_out), drawn from a uniform distribution "
            "instead of a Gaussian (a uniform on ±a has variance a²/3). It is the default of "
            "several libraries; like Xavier it keeps tanh networks healthy and starves deep ReLU "
            "networks of signal.",
            _glorot_uniform,
        ),
        Initializer(
            "lecun",
            "LeCun",
            "W = randn(n_out, n_in) × √(1 / n_in)",
            "LeCun (1998) scales by fan-in only, so each unit's input has the same variance as one "
            'of its inputs. This is the formula the deeplearning.ai course calls "Xavier". It '
            "keeps tanh and SELU networks stable; for ReLU it is half He's variance, so signals "
            "fade in deep ReLU stacks.",
            _lecun,
        ),
        Initializer(
            "small",
            "Small ×0.01",
            "W = randn(n_out, n_in) × 0.01",
            "Tiny random weights break the symmetry and keep every unit in its linear range, which "
            "is fine for one or two layers. In a deep network each layer multiplies the signal "
            "and the gradient by roughly 0.01·√n, so both vanish and the first layers never learn.",
            _small,
        ),
        Initializer(
            "scaled",
            "Scaled",
            "W = randn(n_out, n_in) × k · √(1 / n_in)",
            "LeCun's fan-in scaling times a multiplier k that you choose. At k = 1 a tanh network "
            "keeps its signal through any depth; each layer multiplies it by about k, so k < 1 "
            "makes gradients vanish and k > 1 (×3, say) makes them grow layer after layer "
            "towards the input until training becomes erratic.",
            _scaled,
            uses_scale=True,
        ),
    )
}


def describe(name: str, scale: float = 1.0) -> str:
    """What the window and reports call initializer ``name`` at this ``scale``: "Scaled ×3"."""
    return INITIALIZERS[name].describe(scale)


def initialize(
    name: str, layer_dims: Sequence[int], seed: int = 3, scale: float = 1.0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Initial ``(W, b)`` per layer for ``layer_dims = [n_x, n_1, ..., n_L]``.

    Weights are drawn layer by layer from ``RandomState(seed)``; biases are ``(n_l, 1)`` zeros.
    ``scale`` is ``scaled``'s multiplier (checked for every initializer, used by that one only).
    """
    try:
        init = INITIALIZERS[name]
    except KeyError:
        raise UnknownNameError(
            "unknown initializer {name}; known: {choices}",
            name=repr(name),
            choices=", ".join(INITIALIZERS),
        ) from None
    scale = check_scale(scale)
    rng = np.random.RandomState(seed)
    return [
        (init.draw(rng, n_out, n_in, scale), np.zeros((n_out, 1)))
        for n_in, n_out in pairwise(layer_dims)
    ]
