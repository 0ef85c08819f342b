"""The training worker: owns the trainer, trains in short chunks, publishes frames.

It lives in its own ``QThread`` and takes commands from a queue between chunks, blocking on it
while paused (see :class:`~app.threaded_worker.CommandLoop`).  It publishes a :class:`Frame` —
an immutable snapshot plus the run state — at most ``max_fps`` times a second while running, and
always once more after a command that changes what the screen must show.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from itertools import pairwise

from PyQt6 import QtCore

from app.boundary_colors import probability_rgba
from app.commands import (
    FLAT_OUT,
    Configure,
    Pause,
    Play,
    Reset,
    SetLearningRate,
    SetSpeed,
    SetTarget,
    Step,
    TogglePlay,
)
from app.frames import Frame, RunState
from app.i18n import translate
from app.threaded_worker import CommandLoop
from engine.trainer import TrainConfig, Trainer

__all__ = ["TrainingWorker"]

GRID_RESOLUTION = 150  # smooth on a projector; the issue asks for at least 150 x 150
#: While training runs, the "full" frames (boundary grid, weights, diagnostics) come this often.
#: Each costs the worker ~3.7 ms and the GUI ~6 ms more than a numbers-only frame, all of it
#: holding the GIL; 5 a second (as the comparison's maps) still shows the boundary move, and
#: the cost curve and numbers keep their 30 frames a second.
GRID_FPS = 5.0
CHUNK_SECONDS = 0.008  # flat out: train this long between looks at the command queue


class FrameBudget:
    """Keeps publishing frames from eating the training thread, whatever the network's size.

    A frame (snapshot, boundary grid, colours) should cost at most ``share`` of the time between
    frames.  When it costs more — a 12 × 512 network makes every forward pass on the grid slow —
    the grid gets coarser (down to ``MIN_RESOLUTION``) and frames come less often, and ``note()``
    says so, so the status line can tell the user why the boundary looks coarser.
    """

    MIN_RESOLUTION = 24
    GRID_FLOPS = 1e8  # ~20 ms of one core: the most a first boundary grid may cost
    share = 0.12
    grid_budget_s = 0.04
    MAX_FRAME_INTERVAL = 1.0  # however big the network, the numbers move at least once a second
    MAX_GRID_INTERVAL = 10.0

    def __init__(self, resolution: int, max_fps: float, layer_dims=(2, 10, 5, 1)) -> None:
        self.full_resolution = resolution
        # Start from the network's size (a 12 x 512 network costs 40,000x the tutorial's per
        # point), so even the very first frame is affordable; measurements refine it later.
        per_point = 2 * sum(a * b for a, b in pairwise(layer_dims))
        affordable = int((self.GRID_FLOPS / max(per_point, 1)) ** 0.5)
        self.cap = resolution
        self.resolution = min(resolution, max(self.MIN_RESOLUTION, affordable))
        self.max_fps = max_fps
        self.frame_interval = 1.0 / max_fps
        self.grid_interval = 1.0 / GRID_FPS

    def record(self, seconds: float, with_grid: bool) -> None:
        floor = min(self.MIN_RESOLUTION, self.full_resolution)
        if with_grid and seconds > self.grid_budget_s and self.resolution > floor:
            scale = (self.grid_budget_s / seconds) ** 0.5  # grid work grows with its area
            self.resolution = max(floor, int(self.resolution * max(scale, 0.5)))
        elif with_grid and seconds < self.grid_budget_s / 3 and self.resolution < self.cap:
            # a busy moment passed (or the first guess was cautious): win the detail back
            self.resolution = min(self.cap, int(self.resolution * 1.25) + 1)
        if with_grid:
            wanted = max(1.0 / GRID_FPS, seconds / self.share)
            self.grid_interval = min(wanted, self.MAX_GRID_INTERVAL)
        else:
            wanted = max(1.0 / self.max_fps, seconds / self.share)
            self.frame_interval = min(wanted, self.MAX_FRAME_INTERVAL)

    def note(self) -> str:
        """A sentence for the status line when quality was traded for responsiveness."""
        if self.resolution == self.full_resolution and self.frame_interval <= 1.5 / self.max_fps:
            return ""
        # translate() is thread-safe; the text is made anew for every frame, so it follows a
        # language switch.
        return translate(
            "TrainingWorker",
            "large network: boundary {n}×{n} {grid}, numbers {numbers}, so training stays fast "
            "and the window responsive",
        ).format(
            n=self.resolution,
            grid=_rate_text(self.grid_interval),
            numbers=_rate_text(self.frame_interval),
        )


def _rate_text(interval: float) -> str:
    if interval <= 1.0:
        return translate("TrainingWorker", "{n}×/s").format(n=f"{1 / interval:.0f}")
    return translate("TrainingWorker", "every {n} s").format(n=f"{interval:.0f}")


class TrainingWorker(CommandLoop):
    """Drives a :class:`Trainer`; all its methods except ``send`` run on the worker thread.

    Its frames (``frameReady``) are :class:`~app.commands.Frame` s.
    """

    def __init__(
        self,
        config: TrainConfig | None = None,
        trainer_factory: Callable[[TrainConfig], Trainer] = Trainer,
        max_fps: float = 30.0,
        grid_resolution: int = GRID_RESOLUTION,
    ) -> None:
        super().__init__()
        self._config = config or TrainConfig()
        self._factory = trainer_factory
        self._frame_interval = 1.0 / max_fps
        self._budget = FrameBudget(grid_resolution, max_fps)
        self._trainer: Trainer | None = None
        self._run_id = 0
        self._target = 15000
        self._stop_at: int | None = None  # where the current run or step pauses by itself
        self._stop_state = RunState.PAUSED
        self._speed = FLAT_OUT
        self._chunk = 1  # grows after the first chunk is timed (a 12 x 512 step takes ~1 s)
        self._last_publish = 0.0
        self._last_grid = 0.0
        self._next_frame = 0.0
        self._rate = 0.0

    # -- the worker thread ----------------------------------------------------------------------
    @QtCore.pyqtSlot()
    def run(self) -> None:
        """The loop: apply commands, train a chunk if running, publish, repeat until ``Stop``."""
        try:
            self._trainer = self._factory(self._config)
            self._budget = FrameBudget(
                self._budget.full_resolution, self._budget.max_fps, self._trainer.layer_dims
            )
        except Exception:  # the trainer could not even be built: report, then stop cleanly
            self.failed.emit(traceback.format_exc())
            self.finished.emit()
            return
        self._safe_publish()
        while self._drain(self._wait_time()):
            if self._active() and self._wait_time() == 0:
                self._guarded(self._train_chunk)
        self.finished.emit()

    def _wait_time(self) -> float | None:
        """How long the loop may wait for a command: forever when idle, 0 when training flat out."""
        if not self._active():
            return None
        if self._speed == FLAT_OUT or self._state is RunState.STEPPING:
            return 0.0
        return max(0.0, self._next_frame - time.perf_counter())

    def _apply(self, command: object) -> None:
        trainer = self._trainer
        assert trainer is not None
        if isinstance(command, TogglePlay):
            command = Pause() if self._active() else Play()
        if isinstance(command, Play):
            if self._state is not RunState.DIVERGED:
                # Play below the target stops there; at or past it, runs on until paused.
                below = trainer.iteration < self._target
                self._stop_at = self._target if below else None
                self._stop_state = RunState.FINISHED
                self._state = RunState.RUNNING
                self._next_frame = time.perf_counter()
        elif isinstance(command, Pause):
            if self._active():
                self._state = RunState.PAUSED
        elif isinstance(command, Step):
            if self._state is RunState.STEPPING:
                self._stop_at += command.n  # a second click before the first finished: add up
            elif self._active():
                self._state = RunState.PAUSED  # step while running: pause, no extra steps
            elif self._state is not RunState.DIVERGED:
                # Taken in chunks like a run, so a million-step click can still be paused.
                self._stop_at, self._stop_state = trainer.iteration + command.n, RunState.PAUSED
                self._state = RunState.STEPPING
        elif isinstance(command, Reset):
            # The run id first: the GUI has moved on even if what follows fails.
            self._run_id, self._state = command.run_id, RunState.PAUSED
            trainer.reset()
        elif isinstance(command, Configure):
            self._run_id, self._state = command.run_id, RunState.PAUSED
            self._trainer = self._factory(command.config)
            # A new network may be far slower than the last: time a single step first, or a
            # chunk sized by the old speed could keep the worker deaf to Stop for many seconds.
            self._chunk, self._rate = 1, 0.0
            self._budget = FrameBudget(
                self._budget.full_resolution, self._budget.max_fps, self._trainer.layer_dims
            )
            self._config = command.config
        elif isinstance(command, SetLearningRate):
            trainer.set_learning_rate(command.lr)
            self._config = self._config.with_(learning_rate=command.lr)
        elif isinstance(command, SetTarget):
            self._target = command.iterations
            if self._state is RunState.RUNNING:
                below = trainer.iteration < self._target
                self._stop_at = self._target if below else None
        elif isinstance(command, SetSpeed):
            self._speed = command.steps_per_frame
            self._next_frame = time.perf_counter()
        if self._state is not RunState.STEPPING:  # a step's frame comes when it is done
            self._publish()

    def _train_chunk(self) -> None:
        trainer = self._trainer
        assert trainer is not None
        paced = self._speed != FLAT_OUT and self._state is RunState.RUNNING
        if paced:  # ``speed`` steps now, the next ones a frame later
            n = self._speed
            self._next_frame = max(self._next_frame + self._frame_interval, time.perf_counter())
        else:
            n = self._chunk
            if self._rate:  # end the chunk near the next frame's time, so frames keep their pace
                due = self._last_publish + self._budget.frame_interval - time.perf_counter()
                n = max(1, min(n, int(due * self._rate) + 1))
        if self._stop_at is not None:
            n = min(n, self._stop_at - trainer.iteration)
        started = time.perf_counter()
        taken = trainer.step(n)
        elapsed = time.perf_counter() - started
        if not paced and taken and elapsed > 0:
            # Size chunks to ~CHUNK_SECONDS so commands are seen quickly at any network size.
            self._chunk = int(min(4096, max(1, CHUNK_SECONDS * taken / elapsed)))
            rate = taken / elapsed
            self._rate = 0.9 * self._rate + 0.1 * rate if self._rate else rate
        if trainer.diverged_at is not None:
            self._state = RunState.DIVERGED
            self._publish()
        elif self._stop_at is not None and trainer.iteration >= self._stop_at:
            self._state = self._stop_state
            self._publish()
        elif paced or time.perf_counter() - self._last_publish >= self._budget.frame_interval:
            self._publish()

    def _publish(self) -> None:
        trainer = self._trainer
        assert trainer is not None
        now = time.perf_counter()
        cpu_start = time.thread_time()
        # The boundary grid is the costliest part of a frame (22,500 forward passes): while
        # training runs it is refreshed at most GRID_FPS times a second, else on every frame.
        budget = self._budget
        with_grid = not self._active() or now - self._last_grid >= budget.grid_interval
        # Frames between grid frames carry only numbers and the cost history: the weights and
        # diagnostics feed panels that refresh at the grid's pace anyway.
        snap = trainer.snapshot(
            run_id=self._run_id,
            grid_resolution=budget.resolution if with_grid else None,
            with_layers=with_grid,
            with_diagnostics=with_grid,
        )
        heatmap = probability_rgba(snap.grid.probs) if snap.grid is not None else None
        # CPU time of this thread, not wall time: waiting for the GIL is not the frame's cost.
        budget.record(time.thread_time() - cpu_start, with_grid)
        if with_grid:
            self._last_grid = now
        self._last_publish = now
        self.frameReady.emit(
            Frame(snap, self._state, self._config, self._target, self._rate, heatmap, budget.note())
        )
