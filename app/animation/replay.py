"""A run, exactly as it stood at any iteration: the frames an animation is made of.

An export never disturbs the live training: it replays.  :class:`RunRecord` is what it needs of
a run (configuration, data, every iteration's cost, the parameter key frames), taken from the
window's newest frame (:func:`record_of_frame`) or made by training a fresh run
(:func:`record_run`: the command line, or a window whose frames carry no key frames yet).
:class:`Replayer` puts a scratch trainer at each wanted iteration with
:class:`~engine.timeline.Rewinder` (bit for bit what the run computed there) and makes the same
:class:`~app.frames.Frame` the window draws, its cost history cut at that iteration.  No Qt: the
window runs this on its export thread, the command line in its main thread.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.animation.encode import Cancelled
from app.frame_budget import FrameBudget
from app.frames import Frame, RunState, frame_of
from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.history import HistoryView
from engine.neuron_maps import NeuronMapper, map_resolution
from engine.timeline import KeyFrames, Rewinder
from engine.trainer import Trainer

__all__ = [
    "GRID_RESOLUTION",
    "KEY_INTERVAL",
    "Replayer",
    "RunRecord",
    "history_until",
    "record_of_frame",
    "record_run",
]

#: the boundary grid's side, as the window draws it (app.worker.GRID_RESOLUTION)
GRID_RESOLUTION = 150
#: a fresh run keeps its parameters this often: a frame then replays at most this many steps
KEY_INTERVAL = 256


@dataclass(frozen=True, slots=True, eq=False)
class RunRecord:
    """What an export replays: ``last`` is the last iteration it may show.

    ``history`` holds the cost of every iteration up to ``last`` (read-only chunks); ``timeline``
    is a copy no one else changes.
    """

    config: TrainConfig
    data: Dataset
    history: HistoryView
    timeline: KeyFrames
    last: int
    diverged_at: int | None = None


def record_run(
    config: TrainConfig,
    data: Dataset | None,
    iterations: int,
    cancelled: Callable[[], bool] = lambda: False,
) -> RunRecord:
    """Train ``config`` on ``data`` (``None``: the data it names) for ``iterations`` steps,
    keeping every cost and the parameters every :data:`KEY_INTERVAL` steps.

    It stops early where the run diverges; :class:`~app.animation.encode.Cancelled` if
    ``cancelled()`` says so between chunks.
    """
    trainer = Trainer(config, data, grad_every=0, metrics_every=0)
    timeline = KeyFrames(KEY_INTERVAL)
    timeline.record(trainer)
    while trainer.iteration < iterations and trainer.diverged_at is None:
        if cancelled():
            raise Cancelled
        trainer.step(min(KEY_INTERVAL, iterations - trainer.iteration))
        timeline.record(trainer)
    return RunRecord(
        config,
        trainer.data,
        trainer.history.view(),
        timeline,
        trainer.iteration,
        trainer.diverged_at,
    )


def record_of_frame(frame: Frame, data: Dataset) -> RunRecord | None:
    """The run behind the window's newest ``frame`` (trained on ``data``), replayable up to
    the newest iteration whose cost it holds; ``None`` if the frame carries no key frames."""
    timeline = frame.timeline
    if timeline is None or len(timeline) == 0:
        return None
    history = frame.snapshot.history
    newest = frame.newest_iteration
    last_cost = history.last()
    if last_cost is not None and last_cost[0] + 1 < newest:  # the costs end before the newest
        newest = last_cost[0] + 1
    return RunRecord(frame.config, data, history, timeline, newest, frame.snapshot.diverged_at)


def history_until(history: HistoryView, iteration: int) -> HistoryView:
    """The points of ``history`` at ``iteration`` and before (views of its read-only chunks)."""
    chunks = []
    length = 0
    for its, costs in history.chunks:
        if its[0] > iteration:
            break
        end = int(np.searchsorted(its, iteration, side="right"))
        chunks.append((its[:end], costs[:end]))
        length += end
        if end < len(its):
            break
    return HistoryView(tuple(chunks), length)


class Replayer:
    """Frames of a recorded run at any iteration up to ``record.last``, exactly.

    The boundary and neuron maps are as fine as the window's first frame of this network
    (:class:`~app.frame_budget.FrameBudget`), so a very large network still replays in
    reasonable time.
    """

    def __init__(self, record: RunRecord) -> None:
        self.record = record
        template = Trainer(record.config, record.data, grad_every=0, metrics_every=0)
        self._rewinder = Rewinder(template)
        dims = template.layer_dims
        self.resolution = FrameBudget(GRID_RESOLUTION, 30.0, dims).resolution
        self._map_resolution = map_resolution(dims, self.resolution)
        self._mapper = NeuronMapper()

    def frame_at(self, iteration: int) -> Frame:
        """The window's frame of the run after ``iteration`` updates (0 to ``record.last``)."""
        record = self.record
        if not 0 <= iteration <= record.last:
            raise ValueError(f"iteration {iteration} is outside 0..{record.last}")
        trainer = self._rewinder.seek(record.timeline, iteration)
        frame = frame_of(
            trainer,
            record.config,
            run_id=0,
            state=RunState.FINISHED if iteration == record.last else RunState.PAUSED,
            target=record.last,
            grid_resolution=self.resolution,
            with_diagnostics=False,
            neuron_mapper=self._mapper,
            neuron_resolution=self._map_resolution,
        )
        history = history_until(record.history, iteration)
        snapshot = dataclasses.replace(frame.snapshot, history=history)
        return dataclasses.replace(frame, snapshot=snapshot)
