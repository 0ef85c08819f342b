"""The frozen picture of a training run that crosses from the worker thread to the GUI.

Everything in it is a copy marked read-only (or a sealed history chunk that is never written again),
so the GUI can draw it while the trainer keeps stepping.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.diagnostics import Diagnostics
from engine.history import HistoryView
from engine.metrics import MetricsView

__all__ = ["GridPrediction", "LayerState", "Snapshot", "frozen_copy"]


def frozen_copy(a: np.ndarray) -> np.ndarray:
    """A read-only copy of ``a``: shares no memory with the trainer."""
    out = np.array(a, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, slots=True, eq=False)
class LayerState:
    """One layer's parameters and the gradient of the most recent step (zeros before any step)."""

    W: np.ndarray
    b: np.ndarray
    dW: np.ndarray
    db: np.ndarray

    @property
    def fan_in(self) -> int:
        return int(self.W.shape[1])

    @property
    def he_std(self) -> float:
        """The standard deviation He initialization aims for: sqrt(2 / fan_in)."""
        return float(np.sqrt(2.0 / self.fan_in))


@dataclass(frozen=True, slots=True, eq=False)
class GridPrediction:
    """P(class 1) on a regular grid: ``probs[row, col]`` at ``(xs[col], ys[row])``.

    ``boundary`` holds the 0.5 contour as segments ``(n, 2, 2)`` in data coordinates.
    """

    xs: np.ndarray
    ys: np.ndarray
    probs: np.ndarray
    boundary: np.ndarray

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])


@dataclass(frozen=True, slots=True, eq=False)
class Snapshot:
    """Where a run stands after ``iteration`` gradient steps.

    ``run_id`` is stamped by whoever drives the trainer, so a view can drop late snapshots of a run
    that has since been reset.  ``cost`` is the stable loss of the current parameters; ``saturated``
    counts training points whose output sigmoid is exactly 0.0 or 1.0 in float64 (where the naive
    ``-log`` loss becomes ``inf``).  ``diagnostics`` (gradient norms, activation histograms,
    distinct neurons, dead units) is ``None`` when the snapshot was taken without them.
    ``metrics`` is the run's log of accuracies and gradient norms every
    :data:`~engine.metrics.METRICS_EVERY` iterations (read-only chunks shared with the trainer,
    like ``history``'s), for the history export.
    """

    run_id: int
    iteration: int
    cost: float
    train_accuracy: float
    test_accuracy: float | None  # None: not measured for this snapshot (see Trainer.snapshot)
    saturated: int
    n_train: int
    layers: tuple[LayerState, ...]
    history: HistoryView
    grid: GridPrediction | None
    learning_rate: float
    diverged_at: int | None = None
    diagnostics: Diagnostics | None = None
    metrics: MetricsView | None = None

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None
