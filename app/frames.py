"""What the training workers publish and the views draw: immutable frames of numbers.

Workers build these on their threads from copies (never live arrays) and stamp them with a run id;
views render them and word their numbers in the current language, so nothing here is text for the
user.  Kept apart from the workers so that a view can draw a frame without importing a thread.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

import numpy as np

from app.boundary_colors import probability_rgba
from app.frame_budget import Coarse
from app.neuron_colors import NeuronColours, colour_neurons
from engine.compare import CompareRow
from engine.config import TrainConfig
from engine.history import HistoryView
from engine.neuron_maps import NeuronMapper, NeuronMaps, trainer_maps
from engine.snapshot import GridPrediction, Snapshot
from engine.timeline import KeyFrames
from engine.trainer import Trainer

__all__ = ["CompareFrame", "Frame", "RunPicture", "RunState", "frame_of"]


class RunState(str, Enum):
    PAUSED = "paused"
    RUNNING = "running"
    STEPPING = "stepping"  # taking a Step's n steps, in chunks
    FINISHED = "finished"  # paused by itself at the stop-at target
    DIVERGED = "diverged"


@dataclass(frozen=True, slots=True, eq=False)
class Frame:
    """What the single-run worker publishes: a snapshot, the run state, the config it belongs to.

    ``heatmap`` is the decision-boundary grid already coloured (RGBA bytes), so the GUI only
    blits it.  ``coarse`` says, in numbers, how the worker traded the boundary's resolution or
    the frame rate for training speed on a large network (``None``: full quality).
    """

    snapshot: Snapshot
    state: RunState
    config: TrainConfig
    target: int
    steps_per_second: float = 0.0
    heatmap: np.ndarray | None = None
    coarse: Coarse | None = None
    past_target: bool = False  # running on past the stop-at target (Play pressed at or after it)
    #: what every neuron computes over the plane (the network diagram), on full frames when asked
    neurons: NeuronMaps | None = None
    #: the newest iteration trained: above ``snapshot.iteration`` when the timeline is rewound
    #: (``-1``: the same as the snapshot's)
    newest: int = -1
    #: the run's key frames (a copy sharing the immutable frames), on full frames: the animation
    #: export replays any trained iteration from them
    timeline: KeyFrames | None = None
    #: ``neurons`` coloured for the diagram (on the training thread, with them)
    neuron_colours: NeuronColours | None = None

    @property
    def run_id(self) -> int:
        return self.snapshot.run_id

    @property
    def newest_iteration(self) -> int:
        """The newest iteration trained (the timeline's end)."""
        return max(self.newest, self.snapshot.iteration)

    @property
    def rewound(self) -> bool:
        """Showing an earlier iteration than the newest (the timeline was moved back)."""
        return self.snapshot.iteration < self.newest


def frame_of(
    trainer: Trainer,
    config: TrainConfig,
    *,
    run_id: int,
    state: RunState,
    target: int,
    grid_resolution: int | None,
    steps_per_second: float = 0.0,
    coarse: Coarse | None = None,
    past_target: bool = False,
    with_diagnostics: bool = True,
    neuron_mapper: NeuronMapper | None = None,
    neuron_resolution: int = 0,
    newest: int = -1,
    records: Trainer | None = None,
    timeline: KeyFrames | None = None,
) -> Frame:
    """A frame of ``trainer`` (running ``config``, with its current learning rate) as it stands.

    With a ``grid_resolution`` it is a "full" frame (boundary grid, weights and, with
    ``with_diagnostics``, the diagnostics; with a ``neuron_mapper``, the neuron maps on a
    ``neuron_resolution`` grid over the same square), else numbers and the cost history only
    (and no test accuracy: the views keep showing the last full frame's).

    The worker publishes these, and the window makes its first one the same way before the
    worker's thread has started, so the window shows iteration 0 as soon as it is built.

    A rewound frame is of a replica replayed to an earlier iteration: ``newest`` is the live
    run's iteration and ``records`` the live trainer, whose cost history, metrics and gradient
    norms the frame carries (whole: the views mark the iteration on show in them).
    """
    full = grid_resolution is not None
    snap = trainer.snapshot(
        run_id=run_id,
        grid_resolution=grid_resolution,
        with_layers=full,
        with_diagnostics=full and with_diagnostics,
        with_test_accuracy=full,
    )
    if records is not None:
        snap = with_records(snap, records)
    heatmap = probability_rgba(snap.grid.probs) if snap.grid is not None else None
    neurons = colours = None
    if full and neuron_mapper is not None and neuron_resolution > 0:
        neurons = trainer_maps(trainer, neuron_mapper, neuron_resolution)
        colours = colour_neurons(neurons)
    return Frame(
        snap,
        state,
        config,
        target,
        steps_per_second,
        heatmap,
        coarse,
        past_target,
        neurons,
        newest,
        timeline,
        colours,
    )


def with_records(snap: Snapshot, trainer: Trainer) -> Snapshot:
    """``snap`` with ``trainer``'s records (cost history, metrics, gradient norms) instead of
    its own: a replay's snapshot shown inside the live run's whole curves."""
    diagnostics = snap.diagnostics
    if diagnostics is not None:
        diagnostics = replace(diagnostics, grad_norms=trainer.grad_history.view())
    return replace(
        snap,
        history=trainer.history.view(),
        metrics=trainer.metrics.view(),
        diagnostics=diagnostics,
    )


@dataclass(frozen=True, slots=True, eq=False)
class RunPicture:
    """What the plots need of one configuration (copies or sealed chunks only).

    ``grid``/``heatmap`` are ``None`` on frames that bring no new map (the view keeps the last).
    """

    key: int
    label: str
    config: TrainConfig
    iteration: int
    history: HistoryView
    layer_std: tuple[float, ...]
    grid: GridPrediction | None
    heatmap: np.ndarray | None
    diverged_at: int | None
    neurons: NeuronMaps | None = None  # the network diagram's maps, with ``grid`` (or None)


@dataclass(frozen=True, slots=True, eq=False)
class CompareFrame:
    """One published picture of the whole comparison.  ``iteration`` is the common iteration."""

    run_id: int
    state: RunState
    iteration: int
    target: int
    rows: tuple[CompareRow, ...]
    runs: tuple[RunPicture, ...]
    steps_per_second: float = 0.0  # gradient steps per second, all configurations together
    #: (grid resolution, maps per second) when the maps were made coarser or rarer to keep
    #: training fast, else ``None``.  Numbers, not a sentence: the view words it in the current
    #: language (and again after a language switch, with no new frame).
    coarse_maps: tuple[int, float] | None = None
    #: the newest common iteration trained: above ``iteration`` when the timeline is rewound
    #: (``-1``: the same as ``iteration``)
    newest: int = -1

    @property
    def newest_iteration(self) -> int:
        return max(self.newest, self.iteration)

    @property
    def rewound(self) -> bool:
        return self.iteration < self.newest

    @property
    def keys(self) -> tuple[int, ...]:
        return tuple(r.key for r in self.runs)

    @property
    def note(self) -> str:
        """``coarse_maps`` as an English sentence (logs, benchmarks); "" when the maps are full."""
        if self.coarse_maps is None:
            return ""
        resolution, rate = self.coarse_maps
        return f"maps {resolution}×{resolution}, {rate:.0f}×/s, so training stays fast"
