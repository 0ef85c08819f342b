"""The single-run training worker: owns the trainer, trains in short chunks, publishes frames.

It lives in its own ``QThread`` and takes commands from a queue between chunks, blocking on it
while paused (see :class:`~app.threaded_worker.CommandLoop`); play, pause, step and the stop-at
target are the shared :class:`~app.run_clock.RunClock`'s.  It publishes a :class:`Frame` — an
immutable snapshot plus the run state — at most ``max_fps`` times a second while running, and
always once more after a command that changes what the screen must show.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable

from PyQt6 import QtCore

from app.commands import (
    Branch,
    Configure,
    Play,
    Reset,
    Seek,
    SetLearningRate,
    ShowDiagnostics,
    ShowNeuronMaps,
    Step,
    TogglePlay,
)
from app.frame_budget import RUN_SHARE, FrameBudget
from app.frames import RunState, frame_of
from app.run_clock import RunClock
from app.threaded_worker import CommandLoop, blas_threads_for
from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.neuron_maps import NeuronMapper, map_resolution
from engine.timeline import KeyFrames, Rewinder
from engine.trainer import Trainer

__all__ = ["GRID_RESOLUTION", "TrainingWorker"]

GRID_RESOLUTION = 150  # smooth on a projector; the issue asks for at least 150 x 150
#: Builds a trainer for a configuration on the given data (``None``: the data it names).
TrainerFactory = Callable[[TrainConfig, Dataset | None], Trainer]


class TrainingWorker(CommandLoop):
    """Drives a :class:`Trainer`; all its methods except ``send`` run on the worker thread.

    Its frames (``frameReady``) are :class:`~app.frames.Frame` s.
    """

    def __init__(
        self,
        config: TrainConfig | None = None,
        trainer_factory: TrainerFactory = Trainer,
        max_fps: float = 30.0,
        grid_resolution: int = GRID_RESOLUTION,
        data: Dataset | None = None,
    ) -> None:
        super().__init__(RunClock(max_fps=max_fps))
        self._config = config or TrainConfig()
        self._data = data
        self._factory = trainer_factory
        self._grid_resolution, self._max_fps = grid_resolution, max_fps
        self._budget: FrameBudget  # sized for the network in _build (on the worker thread)
        self._trainer: Trainer | None = None
        self._run_id = 0
        self._last_publish = 0.0
        self._last_grid = 0.0
        self._diagnostics = True  # full frames carry them (ShowDiagnostics)
        self._neurons = True  # full frames carry the neuron maps (ShowNeuronMaps)
        self._mapper = NeuronMapper()
        # The timeline: key frames of the live run, a replica that replays from them, and the
        # iteration on show when the user moved back (None: the views follow the live run).
        self._keyframes = KeyFrames()
        self._rewinder: Rewinder | None = None
        self._viewing: int | None = None

    # -- the worker thread ----------------------------------------------------------------------
    @QtCore.pyqtSlot()
    def run(self) -> None:
        """The loop: apply commands, train a chunk if running, publish, repeat until ``Stop``."""
        try:
            self._build(self._config, self._data)
        except Exception:  # the trainer could not even be built: report, then stop cleanly
            self.failed.emit(traceback.format_exc())
            self.finished.emit()
            return
        self._safe_publish()
        while self._drain(self.clock.wait_time(time.perf_counter())):
            if self.clock.active and self.clock.wait_time(time.perf_counter()) == 0:
                self._guarded(self._train_chunk)
        self.finished.emit()

    def _build(self, config: TrainConfig, data: Dataset | None) -> None:
        """A new trainer for ``config``, with a frame budget and BLAS threads sized for it."""
        self._trainer = self._factory(config, data)
        self._config = config
        dims = self._trainer.layer_dims
        self._budget = FrameBudget(self._grid_resolution, self._max_fps, dims, run_share=RUN_SHARE)
        self.use_blas_threads(blas_threads_for(dims, self._trainer.data.train_X.shape[1]))
        self.clock.new_network()
        self._restart_timeline()

    def _restart_timeline(self) -> None:
        """A new or reset run: its only key frame is iteration 0, and it is shown live."""
        assert self._trainer is not None
        self._keyframes = KeyFrames()
        self._keyframes.record(self._trainer)
        self._rewinder = None
        self._viewing = None

    def _apply(self, command: object) -> None:
        trainer = self._trainer
        assert trainer is not None
        now = time.perf_counter()
        if isinstance(command, (Play, TogglePlay, Step)):
            self._viewing = None  # training goes on from the newest state, never a rewound one
        if self.clock.handle(command, trainer.iteration, trainer.diverged_at is None, now):
            pass
        elif isinstance(command, Seek):
            self.clock.halt(RunState.PAUSED if self.clock.active else self.clock.state)
            rewound = 0 <= command.iteration < trainer.iteration
            self._viewing = command.iteration if rewound else None
        elif isinstance(command, Branch):
            self._branch()
        elif isinstance(command, Reset):
            # The run id first: the GUI has moved on even if what follows fails.
            self._run_id = command.run_id
            self.clock.halt(RunState.PAUSED)
            trainer.reset()
            self._restart_timeline()
        elif isinstance(command, Configure):
            self._run_id = command.run_id
            self.clock.halt(RunState.PAUSED)
            self._build(command.config, command.data)
        elif isinstance(command, SetLearningRate):
            trainer.set_learning_rate(command.lr)
            self._keyframes.pin(trainer)  # a replay must not step across the change
            self._config = self._config.with_(learning_rate=command.lr)
        elif isinstance(command, ShowDiagnostics):
            self._diagnostics = command.on
        elif isinstance(command, ShowNeuronMaps):
            self._neurons = command.on
        if self.clock.state is not RunState.STEPPING:  # a step's frame comes when it is done
            self._publish()

    def _train_chunk(self) -> None:
        trainer, clock = self._trainer, self.clock
        assert trainer is not None
        paced = clock.paced
        started = time.perf_counter()
        n = clock.chunk(
            trainer.iteration, started, until=self._last_publish + self._budget.frame_interval
        )
        taken = trainer.step(n)
        clock.took(taken, time.perf_counter() - started)
        self._keyframes.tune(clock.step_time)
        self._keyframes.record(trainer)
        if trainer.diverged_at is not None:
            clock.halt(RunState.DIVERGED)
            self._publish()
        elif (
            clock.arrived(trainer.iteration)
            or paced
            or time.perf_counter() - self._last_publish >= self._budget.frame_interval
        ):
            self._publish()

    def _branch(self) -> None:
        """Train on from the iteration on show: it becomes the run's newest (the later
        iterations, their costs and key frames are dropped)."""
        trainer = self._trainer
        assert trainer is not None
        if self._viewing is None:
            return
        replay = self._replay(self._viewing)
        trainer.adopt(replay)
        self._keyframes.drop_after(trainer.iteration)
        self._keyframes.pin(trainer)
        self._viewing = None
        if self.clock.state in (RunState.FINISHED, RunState.DIVERGED):
            self.clock.halt(RunState.PAUSED)

    def _replay(self, iteration: int) -> Trainer:
        """The run's replica standing at ``iteration`` (already trained), exactly."""
        assert self._trainer is not None
        if self._rewinder is None:
            self._rewinder = Rewinder(self._trainer)
        return self._rewinder.seek(self._keyframes, iteration)

    def _publish(self) -> None:
        if self._viewing is not None:
            self._publish_rewound(self._viewing)
            return
        trainer = self._trainer
        assert trainer is not None
        now = time.perf_counter()
        cpu_start = time.thread_time()
        # The boundary grid is the costliest part of a frame (22,500 forward passes): while
        # training runs it is refreshed at most GRID_FPS times a second, else on every frame.
        # Frames between grid frames carry only numbers and the cost history: the weights and
        # diagnostics feed panels that refresh at the grid's pace anyway.
        budget, clock = self._budget, self.clock
        running = clock.active
        with_grid = not running or now - self._last_grid >= budget.grid_interval
        resolution = budget.resolution_for(running) if with_grid else None
        frame = frame_of(
            trainer,
            self._config,
            run_id=self._run_id,
            state=clock.state,
            target=clock.target,
            grid_resolution=resolution,
            steps_per_second=clock.rate,
            coarse=budget.coarse(),
            past_target=clock.past_target,
            with_diagnostics=self._diagnostics,
            neuron_mapper=self._mapper if self._neurons else None,
            neuron_resolution=map_resolution(trainer.layer_dims, resolution) if resolution else 0,
            timeline=self._keyframes.copy() if with_grid else None,
        )
        # CPU time of this thread, not wall time: waiting for the GIL is not the frame's cost.
        budget.record(time.thread_time() - cpu_start, with_grid, running)
        if with_grid:
            self._last_grid = now
        self._last_publish = now
        self.frameReady.emit(frame)

    def _publish_rewound(self, iteration: int) -> None:
        """A full frame of ``iteration`` replayed, with the live run's whole records (the cost
        curve, accuracies and gradient norms stay whole; the views mark the iteration)."""
        trainer = self._trainer
        assert trainer is not None
        replay = self._replay(iteration)
        budget = self._budget
        frame = frame_of(
            replay,
            self._config,
            run_id=self._run_id,
            state=self.clock.state,
            target=self.clock.target,
            grid_resolution=budget.rest_resolution,
            with_diagnostics=self._diagnostics,
            neuron_mapper=self._mapper if self._neurons else None,
            neuron_resolution=map_resolution(trainer.layer_dims, budget.rest_resolution),
            newest=trainer.iteration,
            records=trainer,
            timeline=self._keyframes.copy(),
        )
        self._last_publish = self._last_grid = time.perf_counter()
        self.frameReady.emit(frame)
