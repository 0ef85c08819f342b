"""The comparison worker: one thread owns every compared trainer and steps them in lockstep.

Same design as :mod:`app.worker` (a :class:`~app.threaded_worker.CommandLoop` that drains its
command queue between ~8 ms chunks of training and blocks on it while there is nothing to do),
and publishes an immutable :class:`CompareFrame` at most ``max_fps`` times a second, plus
once more after every command so the screen is never stale.

One thread for all configurations, not one each: the trainers are tiny NumPy loops that mostly pay
per-call overhead while holding the GIL, so several threads would only take turns on it, and one
thread keeps the lockstep trivially true (nothing to synchronise).  Runs of one shape even take
their steps together, one NumPy call for all (:mod:`engine.lockstep`, the same bits).

A frame carries, per configuration, its cost history (sealed chunks shared, the open one copied),
the standard deviation of each layer's weights, and — three times a second while training, on
every frame otherwise — a small probability grid already coloured for the GUI; plus the table rows.

The timeline: every run keeps key frames (:class:`~engine.compare_timeline.CompareTimeline`).
``Seek(k)`` pauses and shows every run at ``min(k, its newest)``, replayed exactly (a run added
late or diverged early shows its own last iteration up to ``k``), with the whole cost histories;
a seek at or past the newest common iteration follows the live runs again, and Play or Step go on
from the newest state, never a rewound one.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence

import numpy as np
from PyQt6 import QtCore

from app.boundary_colors import probability_rgba
from app.commands import (
    AddConfig,
    Play,
    RemoveConfig,
    Reset,
    Seek,
    SetFrameRate,
    ShowNeuronMaps,
    Step,
    TogglePlay,
)
from app.frame_budget import FrameBudget, grid_cost
from app.frames import CompareFrame, RunPicture, RunState
from app.run_clock import RunClock
from app.threaded_worker import CommandLoop, blas_threads_for
from engine.compare import CompareEntry, CompareRow, Comparison, make_trainer
from engine.compare_timeline import CompareTimeline
from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.neuron_maps import NeuronMapper, NeuronMaps, map_resolution, trainer_maps
from engine.snapshot import GridPrediction
from engine.trainer import Trainer

__all__ = [
    "COMPARE_GRID",
    "CompareWorker",
]

COMPARE_GRID = 60  # the small maps are ~200 px wide: 60 x 60 cells look smooth there
#: Maps for all configurations are refreshed this often while training: a boundary moves slowly,
#: and every map costs the training thread a forward pass over the grid and the GUI a repaint.
COMPARE_GRID_FPS = 3.0
#: The small network diagrams' nodes are ~20 px: their maps need no more than this.
COMPARE_NEURON_GRID = 16


class CompareWorker(CommandLoop):
    """Drives a :class:`~engine.compare.Comparison`; everything but ``send`` runs on its thread.

    Its frames (``frameReady``) are :class:`~app.frames.CompareFrame` s.
    """

    def __init__(
        self,
        data: Dataset,
        configs: Sequence[tuple[int, TrainConfig, str | None]] = (),
        *,
        max_fps: float = 30.0,
        grid_resolution: int = COMPARE_GRID,
        trainer_factory: Callable[[TrainConfig, Dataset], Trainer] = make_trainer,
        target: int = 15000,
    ) -> None:
        super().__init__(RunClock(target, max_fps))
        self._data = data
        self._initial = tuple(configs)
        self._factory = trainer_factory
        self._max_fps = max_fps
        self._grid_resolution = grid_resolution
        self._budget = FrameBudget(grid_resolution, max_fps)
        self._comparison: Comparison | None = None
        self._bounds: tuple[float, float, float, float] | None = None
        self._run_id = 0
        self._last_publish = 0.0
        self._last_grid = 0.0
        self._consumer_interval = 1.0 / max_fps  # how often the view redraws (SetFrameRate)
        self._live_count = 0
        self._one_off = 0.0  # CPU time of this frame's one-time work (frozen maps)
        #: key → (diverged_at, grid, heatmap, neurons) of diverged runs: their maps no longer change
        self._frozen: dict[int, tuple[int, GridPrediction, np.ndarray, NeuronMaps | None]] = {}
        self._neurons = False  # pictures carry the neuron maps only when asked (ShowNeuronMaps)
        self._mappers: dict[int, NeuronMapper] = {}  # key → its grid and buffers
        #: every run's key frames; the iteration on show when rewound (None: live)
        self.timeline = CompareTimeline()
        self._viewing: int | None = None
        #: key → (what it shows, its picture) of the runs replayed for the iteration on show
        self._replayed: dict[int, tuple[tuple, RunPicture]] = {}

    # -- the worker thread ----------------------------------------------------------------------
    @QtCore.pyqtSlot()
    def run(self) -> None:
        """The loop: apply commands, train a chunk when there is work, publish, until ``Stop``."""
        try:
            self._comparison = Comparison(self._data, trainer_factory=self._factory)
            for key, config, label in self._initial:
                self._comparison.add(config, label, key)
            self.timeline.record(self._comparison)
            self._rebuild_budget()
        except Exception:  # the trainers could not even be built: report, then stop cleanly
            self.failed.emit(traceback.format_exc())
            self.finished.emit()
            return
        self._safe_publish()
        while self._drain(self._wait_time()):
            if self._wait_time() == 0:
                self._guarded(self._train_chunk)
        self.finished.emit()

    def _has_work(self) -> bool:
        comparison = self._comparison
        return comparison is not None and (self.clock.active or bool(comparison.lagging))

    def _wait_time(self) -> float | None:
        """How long the loop may wait for a command: forever when idle, 0 to train now, until
        the next frame's steps at a chosen pace.  A late addition catches up at full speed."""
        comparison = self._comparison
        if comparison is not None and comparison.lagging:
            return 0.0
        return self.clock.wait_time(time.perf_counter())

    def _apply(self, command: object) -> None:
        comparison = self._comparison
        assert comparison is not None
        clock = self.clock
        live = bool(comparison.live)
        if isinstance(command, (Play, TogglePlay, Step)):
            self._viewing = None  # training goes on from the newest state, never a rewound one
        if clock.handle(command, comparison.iteration, live, time.perf_counter()):
            pass
        elif isinstance(command, Seek):
            clock.halt(RunState.PAUSED if clock.active else clock.state)
            self._viewing = command.iteration
        elif isinstance(command, Reset):
            self._run_id = command.run_id
            clock.halt(RunState.PAUSED)
            comparison.reset()
            self._frozen.clear()
            self.timeline.clear()
            self.timeline.record(comparison)
            self._viewing = None
            self._replayed.clear()
            self._rebuild_budget()
        elif isinstance(command, AddConfig):
            self._run_id = command.run_id
            comparison.add(command.config, command.label, command.key)
            self.timeline.record(comparison)  # its iteration 0
            # The newcomer may be far slower than the others: time one step before sizing
            # chunks again, or the next chunk could keep the worker deaf to Stop for seconds.
            clock.forget_speed()
            if clock.state is RunState.DIVERGED:
                clock.halt(RunState.PAUSED)
            self._rebuild_budget()
        elif isinstance(command, RemoveConfig):
            self._run_id = command.run_id
            comparison.remove(command.key)
            self._frozen.pop(command.key, None)
            self._mappers.pop(command.key, None)
            self.timeline.forget(command.key)
            self._replayed.pop(command.key, None)
            self._settle_state()
            self._rebuild_budget()
        elif isinstance(command, SetFrameRate):
            self._consumer_interval = 1.0 / max(command.fps, 0.1)
        elif isinstance(command, ShowNeuronMaps):
            self._neurons = command.on
        if self._viewing is not None and not 0 <= self._viewing < comparison.iteration:
            self._viewing = None  # at or past the newest: the live runs again
        if clock.state is not RunState.STEPPING:  # a step's frame comes when it is done
            self._publish()

    def _rebuild_budget(self) -> None:
        """Size the grid for the heaviest network still training (measurements refine it).

        A diverged network's map never changes, so it is computed once (``_frozen``) and does
        not count: one diverged 100×100×100 run must not coarsen everyone's maps.
        """
        comparison = self._comparison
        if comparison is None:
            return
        entries = comparison.live or comparison.entries
        if not entries:
            return
        heaviest = max((e.trainer.layer_dims for e in entries), key=grid_cost)
        self._budget = FrameBudget(self._grid_resolution, self._max_fps, heaviest)
        self._live_count = len(comparison.live)
        samples = self._data.train_X.shape[1]
        self.use_blas_threads(blas_threads_for(heaviest, samples))

    def _settle_state(self) -> None:
        """Nothing left to train: stop running (all diverged shows as diverged)."""
        comparison = self._comparison
        assert comparison is not None
        if not comparison.live and self.clock.state is not RunState.PAUSED:
            self.clock.halt(RunState.DIVERGED if comparison.entries else RunState.PAUSED)

    def _train_chunk(self) -> None:
        comparison, clock = self._comparison, self.clock
        assert comparison is not None
        started = time.perf_counter()
        lagging = comparison.lagging
        if lagging:
            # A late addition trains alone up to the others' iteration, in chunks like a run.
            width = len(lagging)
            taken = comparison.catch_up(clock.chunk(None, started, width))
        else:
            width = len(comparison.live)
            n = clock.chunk(comparison.iteration, started, width)
            taken = comparison.step(n) if n > 0 else 0
        clock.took(taken, time.perf_counter() - started, width)
        self.timeline.record(comparison)
        self.timeline.tune(clock.step_time)
        self._settle_state()
        if len(comparison.live) != self._live_count:
            self._rebuild_budget()  # someone diverged: their map is frozen, the budget shrinks
        if not comparison.live or (comparison.in_step and clock.arrived(comparison.iteration)):
            self._publish()
        elif lagging and comparison.in_step:
            self._publish()  # caught up: show it at once
        elif time.perf_counter() - self._last_publish >= self._frame_interval_now():
            self._publish()

    def _frame_interval_now(self) -> float:
        """Frames no more often than the budget allows and the view redraws."""
        return max(self._budget.frame_interval, self._consumer_interval)

    def _publish(self) -> None:
        comparison = self._comparison
        assert comparison is not None
        now = time.perf_counter()
        cpu_start = time.thread_time()
        budget, clock = self._budget, self.clock
        busy = self._has_work()
        if self._bounds is None and comparison.entries:
            # The same square for every map (they share the data): maps compare cell by cell.
            self._bounds = comparison.entries[0].trainer.grid_bounds()
        grid_interval = max(budget.grid_interval, 1.0 / COMPARE_GRID_FPS, self._consumer_interval)
        due = not busy or now - self._last_grid >= grid_interval
        with_grid = self._bounds is not None and due
        self._one_off = 0.0
        viewing = self._viewing
        with np.errstate(all="ignore"):  # thread-local: must be entered on this thread
            if viewing is None:
                runs = tuple(self._picture(entry, with_grid) for entry in comparison.entries)
                rows = comparison.rows(clock.state.value)
            else:
                runs, rows = self._rewound(viewing, with_grid)
        if viewing is None:  # a replay's cost is no measure of what live frames cost
            budget.record(time.thread_time() - cpu_start - self._one_off, with_grid)
        if with_grid:
            self._last_grid = now
        self._last_publish = now
        self.frameReady.emit(
            CompareFrame(
                run_id=self._run_id,
                state=clock.state,
                iteration=comparison.iteration if viewing is None else viewing,
                target=clock.target,
                rows=rows,
                runs=runs,
                steps_per_second=clock.rate if busy else 0.0,
                coarse_maps=self._coarse_maps(),
                newest=comparison.iteration,
            )
        )

    def _rewound(
        self, iteration: int, with_grid: bool
    ) -> tuple[tuple[RunPicture, ...], tuple[CompareRow, ...]]:
        """Every run at ``min(iteration, its newest)``: replayed, or its own trainer when that
        is its newest (a late run still catching up, a run that diverged before it)."""
        comparison = self._comparison
        assert comparison is not None
        runs, shown = [], {}
        for entry in comparison.entries:
            trainer = self.timeline.trainer_at(entry, iteration)
            if trainer is entry.trainer:
                self._replayed.pop(entry.key, None)
                runs.append(self._picture(entry, with_grid))
                continue
            shown[entry.key] = trainer
            # The same replayed state is drawn once: later frames (a late run catching up
            # meanwhile) reuse its picture instead of computing its map again.
            what = (trainer.iteration, self._budget.resolution, self._neurons, self._bounds)
            kept = self._replayed.get(entry.key)
            if kept is None or kept[0] != what:
                kept = (what, self._picture(entry, True, trainer))
                self._replayed[entry.key] = kept
            runs.append(kept[1])
        # "diverged" is the newest state of all runs; one shown before its divergence was not
        state = self.clock.state
        if state is RunState.DIVERGED:
            state = RunState.PAUSED
        return tuple(runs), comparison.rows(state.value, shown)

    def _coarse_maps(self) -> tuple[int, float] | None:
        """(resolution, maps per second) when the maps were made coarser or rarer, else None."""
        budget = self._budget
        if budget.resolution >= self._grid_resolution and budget.grid_interval <= 0.25:
            return None
        return budget.resolution, 1.0 / max(budget.grid_interval, 1.0 / COMPARE_GRID_FPS)

    def _picture(
        self, entry: CompareEntry, with_grid: bool, trainer: Trainer | None = None
    ) -> RunPicture:
        """The run's picture as it stands, or as ``trainer`` (a replay of it) stands, with the
        run's whole cost history either way."""
        replay = trainer is not None
        trainer = trainer or entry.trainer
        grid = heatmap = neurons = None
        if with_grid and self._bounds is not None:
            frozen = None if replay else self._frozen.get(entry.key)
            if frozen is not None and frozen[0] == trainer.diverged_at:
                _, grid, heatmap, neurons = frozen
                if neurons is None and self._neurons:  # the diagram was hidden when it diverged
                    neurons = self._neuron_maps(entry.key, trainer)
                    self._frozen[entry.key] = (*frozen[:3], neurons)
            else:
                started = time.thread_time()
                grid = trainer.predict_grid(self._bounds, self._budget.resolution)
                heatmap = probability_rgba(grid.probs)
                neurons = self._neuron_maps(entry.key, trainer)
                if trainer.diverged_at is not None and not replay:
                    self._frozen[entry.key] = (trainer.diverged_at, grid, heatmap, neurons)
                    # Paid once: it must not make the budget coarsen every other map for good.
                    self._one_off += time.thread_time() - started
        return RunPicture(
            key=entry.key,
            label=entry.label,
            config=entry.config,
            iteration=trainer.iteration,
            history=entry.trainer.history.view(),
            layer_std=tuple(float(np.std(W)) for W in trainer.net.W),
            grid=grid,
            heatmap=heatmap,
            diverged_at=None if replay else trainer.diverged_at,
            neurons=neurons,
        )

    def _neuron_maps(self, key: int, trainer: Trainer) -> NeuronMaps | None:
        """The run's neuron maps over the maps' square, if they are wanted."""
        if not self._neurons or self._bounds is None:
            return None
        cap = min(COMPARE_NEURON_GRID, self._budget.resolution)
        mapper = self._mappers.setdefault(key, NeuronMapper())
        return trainer_maps(trainer, mapper, map_resolution(trainer.layer_dims, cap), self._bounds)
