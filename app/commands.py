"""Commands from the GUI to the training worker, and the frames the worker publishes back.

Commands are small frozen objects put on a thread-safe queue: the worker's loop is busy training and
has no Qt event loop to deliver queued slots, so it drains this queue between chunks of steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.trainer import TrainConfig

__all__ = [
    "Configure",
    "Pause",
    "Play",
    "Reset",
    "SetLearningRate",
    "SetSpeed",
    "SetTarget",
    "Step",
    "Stop",
    "TogglePlay",
]

FLAT_OUT = 0  # steps per frame meaning "as fast as the machine allows"


@dataclass(frozen=True, slots=True)
class Play:
    pass


@dataclass(frozen=True, slots=True)
class Pause:
    pass


@dataclass(frozen=True, slots=True)
class TogglePlay:
    """Run if paused, pause if running: decided by the worker, which knows the true state."""


@dataclass(frozen=True, slots=True)
class Step:
    """While paused take ``n`` steps; while running just pause (no extra steps)."""

    n: int


@dataclass(frozen=True, slots=True)
class Reset:
    """Back to iteration 0 with the same initial weights; starts run ``run_id``."""

    run_id: int


@dataclass(frozen=True, slots=True)
class Configure:
    """Build a new trainer for ``config`` (new weights); starts run ``run_id``, paused."""

    config: TrainConfig
    run_id: int


@dataclass(frozen=True, slots=True)
class SetLearningRate:
    lr: float


@dataclass(frozen=True, slots=True)
class SetTarget:
    """Pause by itself when the iteration count reaches ``iterations``."""

    iterations: int


@dataclass(frozen=True, slots=True)
class SetSpeed:
    """Steps per frame; ``FLAT_OUT`` (0) trains as fast as possible."""

    steps_per_frame: int


@dataclass(frozen=True, slots=True)
class Stop:
    pass
