"""Commands from the GUI to the training workers (the frames they publish back are in
:mod:`app.frames`).

Commands are small frozen objects put on a thread-safe queue: a worker's loop is busy training and
has no Qt event loop to deliver queued slots, so it drains this queue between chunks of steps.
Play, pause, step, the target and reset mean the same to the single run and the comparison (both
keep a :class:`~app.run_clock.RunClock`); the comparison adds and removes runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.config import TrainConfig
from engine.datasets import Dataset

__all__ = [
    "AddConfig",
    "Branch",
    "Configure",
    "Pause",
    "Play",
    "RemoveConfig",
    "Reset",
    "Seek",
    "SetFrameRate",
    "SetLearningRate",
    "SetSpeed",
    "SetTarget",
    "ShowDiagnostics",
    "ShowNeuronMaps",
    "Step",
    "Stop",
    "TogglePlay",
]

FLAT_OUT = 0  # steps per frame meaning "as fast as the machine allows"
#: the app's starting pace: a teacher can talk over it (the tutorial's 15000 steps in ~15 s at
#: 30 frames a second); flat out is one click away
DEFAULT_SPEED = 33


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
class Seek:
    """Show ``iteration`` (one already trained) again, exactly: training pauses.  At or past the
    newest iteration the views follow the live run again."""

    iteration: int


@dataclass(frozen=True, slots=True)
class Branch:
    """Make the iteration on show the run's newest: train on from its parameters (the old
    future is dropped; the GUI keeps its cost curve as a ghost)."""


@dataclass(frozen=True, slots=True)
class Reset:
    """Back to iteration 0 with the same initial weights; starts run ``run_id``."""

    run_id: int


@dataclass(frozen=True, slots=True)
class Configure:
    """Build a new trainer for ``config`` on ``data`` (new weights); starts run ``run_id``,
    paused.  The data set travels with the command (read-only arrays, safe to share), so the
    worker never reaches back into the GUI's objects for it."""

    config: TrainConfig
    run_id: int
    data: Dataset | None = None


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
class ShowDiagnostics:
    """Whether full frames carry the diagnostics (gradients, activations): only while a panel
    shows them, since they cost a large network a pass of statistics over the training data."""

    on: bool


@dataclass(frozen=True, slots=True)
class ShowNeuronMaps:
    """Whether frames carry the neuron maps: only while a network diagram is on screen (one
    forward pass over a coarse grid per full frame, for nobody otherwise)."""

    on: bool


@dataclass(frozen=True, slots=True)
class Stop:
    pass


# -- the comparison's own commands (play, pause, step, target and reset are shared) -----------
@dataclass(frozen=True, slots=True)
class AddConfig:
    """Add ``config`` as configuration ``key``; it catches up with the others, then keeps pace."""

    key: int
    config: TrainConfig
    label: str | None
    run_id: int


@dataclass(frozen=True, slots=True)
class RemoveConfig:
    """Drop configuration ``key``; the others carry on untouched."""

    key: int
    run_id: int


@dataclass(frozen=True, slots=True)
class SetFrameRate:
    """Publish at most ``fps`` frames a second: the view says how often it actually redraws.

    Frames nobody draws still cost the training thread their snapshot, so a view that slows its
    redraws (to leave the GIL to training) slows the worker's frames to match.
    """

    fps: float
