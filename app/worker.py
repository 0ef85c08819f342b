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

from app.commands import Configure, Reset, SetLearningRate, ShowDiagnostics, ShowNeuronMaps
from app.frame_budget import FrameBudget
from app.frames import RunState, frame_of
from app.run_clock import RunClock
from app.threaded_worker import CommandLoop, blas_threads_for
from engine.datasets import Dataset
from engine.neuron_maps import NeuronMapper, map_resolution
from engine.trainer import TrainConfig, Trainer

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
        self._budget = FrameBudget(grid_resolution, max_fps)
        self._trainer: Trainer | None = None
        self._run_id = 0
        self._last_publish = 0.0
        self._last_grid = 0.0
        self._diagnostics = True  # full frames carry them (ShowDiagnostics)
        self._neurons = True  # full frames carry the neuron maps (ShowNeuronMaps)
        self._mapper = NeuronMapper()

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
        self._budget = FrameBudget(self._budget.full_resolution, self._budget.max_fps, dims)
        self.use_blas_threads(blas_threads_for(dims, self._trainer.data.train_X.shape[1]))
        self.clock.new_network()

    def _apply(self, command: object) -> None:
        trainer = self._trainer
        assert trainer is not None
        now = time.perf_counter()
        if self.clock.handle(command, trainer.iteration, trainer.diverged_at is None, now):
            pass
        elif isinstance(command, Reset):
            # The run id first: the GUI has moved on even if what follows fails.
            self._run_id = command.run_id
            self.clock.halt(RunState.PAUSED)
            trainer.reset()
        elif isinstance(command, Configure):
            self._run_id = command.run_id
            self.clock.halt(RunState.PAUSED)
            self._build(command.config, command.data)
        elif isinstance(command, SetLearningRate):
            trainer.set_learning_rate(command.lr)
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
        if trainer.diverged_at is not None:
            clock.halt(RunState.DIVERGED)
            self._publish()
        elif (
            clock.arrived(trainer.iteration)
            or paced
            or time.perf_counter() - self._last_publish >= self._budget.frame_interval
        ):
            self._publish()

    def _publish(self) -> None:
        trainer = self._trainer
        assert trainer is not None
        now = time.perf_counter()
        cpu_start = time.thread_time()
        # The boundary grid is the costliest part of a frame (22,500 forward passes): while
        # training runs it is refreshed at most GRID_FPS times a second, else on every frame.
        # Frames between grid frames carry only numbers and the cost history: the weights and
        # diagnostics feed panels that refresh at the grid's pace anyway.
        budget, clock = self._budget, self.clock
        with_grid = not clock.active or now - self._last_grid >= budget.grid_interval
        frame = frame_of(
            trainer,
            self._config,
            run_id=self._run_id,
            state=clock.state,
            target=clock.target,
            grid_resolution=budget.resolution if with_grid else None,
            steps_per_second=clock.rate,
            coarse=budget.coarse(),
            past_target=clock.past_target,
            with_diagnostics=self._diagnostics,
            neuron_mapper=self._mapper if self._neurons else None,
            neuron_resolution=map_resolution(trainer.layer_dims, budget.resolution),
        )
        # CPU time of this thread, not wall time: waiting for the GIL is not the frame's cost.
        budget.record(time.thread_time() - cpu_start, with_grid)
        if with_grid:
            self._last_grid = now
        self._last_publish = now
        self.frameReady.emit(frame)
