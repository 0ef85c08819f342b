"""Two-dimensional, two-class data sets, shaped the way the tutorial's network eats them.

Every array is stored column-per-example: ``X`` is ``(2, m)`` and ``Y`` is ``(1, m)`` of 0/1 floats,
so that ``W @ X`` needs no transposes.  Randomness comes from explicit ``RandomState`` objects:
``np.random.RandomState(k)`` yields the same stream as the tutorial's ``np.random.seed(k)``, so the
data match the published run without touching NumPy's global state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["DATASETS", "Dataset", "load_circles", "load_dataset"]


@dataclass(frozen=True, slots=True, eq=False)
class Dataset:
    """A train/test split of labelled 2-D points (arrays are read-only)."""

    name: str
    train_X: np.ndarray
    train_Y: np.ndarray
    test_X: np.ndarray
    test_Y: np.ndarray

    def __post_init__(self) -> None:
        for arr in (self.train_X, self.train_Y, self.test_X, self.test_Y):
            arr.flags.writeable = False

    @property
    def n_features(self) -> int:
        return int(self.train_X.shape[0])

    def bounds(self, pad: float = 0.25) -> tuple[float, float, float, float]:
        """``(x_min, x_max, y_min, y_max)`` covering train and test points, padded."""
        both = np.concatenate([self.train_X, self.test_X], axis=1)
        lo = both.min(axis=1) - pad
        hi = both.max(axis=1) + pad
        return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def _columns(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Turn scikit-learn's ``(m, 2)`` / ``(m,)`` into ``(2, m)`` / ``(1, m)`` float arrays."""
    return np.ascontiguousarray(X.T, dtype=np.float64), y.reshape(1, -1).astype(np.float64)


def make_circles(
    n_samples: int, noise: float, rng: np.random.RandomState, factor: float = 0.8
) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's ``make_circles`` (1.x), step by step, so the same ``rng`` gives the same bits.

    Written out because importing scikit-learn costs ~0.5 s, a third of the window's start-up
    budget; ``tests/engine/test_datasets.py`` checks it against scikit-learn's own.
    """
    n_out = n_samples // 2
    n_in = n_samples - n_out
    lin_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    lin_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack(
        [
            np.append(np.cos(lin_out), np.cos(lin_in) * factor),
            np.append(np.sin(lin_out), np.sin(lin_in) * factor),
        ]
    ).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    order = np.arange(n_samples)  # sklearn.utils.shuffle: permute an index with the same rng
    rng.shuffle(order)
    X, y = X[order], y[order]
    X += rng.normal(scale=noise, size=X.shape)
    return X, y


def load_circles(n_train: int = 300, n_test: int = 100, noise: float = 0.05) -> Dataset:
    """The tutorial's data: two noisy concentric circles, train with seed 1, test with seed 2."""
    train = make_circles(n_train, noise, np.random.RandomState(1))
    test = make_circles(n_test, noise, np.random.RandomState(2))
    return Dataset("circles", *_columns(*train), *_columns(*test))


#: Data sets by their command-line name.  Later data sets are one entry each.
DATASETS: dict[str, Callable[[], Dataset]] = {
    "circles": load_circles,
}


def load_dataset(name: str) -> Dataset:
    """Build the data set registered as ``name``; ``KeyError`` names the known ones."""
    try:
        factory = DATASETS[name]
    except KeyError:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}") from None
    return factory()
