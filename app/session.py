"""The GUI thread's handle on training: owns the QThread and the worker, hands out run ids.

Every command that re-initializes the weights starts a new run id; frames stamped with an older id
are dropped, so a late frame of the previous run never repaints after a reset.  ``latest`` always
holds the newest accepted frame; the window's redraw timer reads it ("latest frame wins").
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PyQt6 import QtCore
from threadpoolctl import threadpool_limits

from app.commands import (
    Configure,
    Frame,
    Pause,
    Play,
    Reset,
    SetLearningRate,
    SetSpeed,
    SetTarget,
    Step,
    Stop,
    TogglePlay,
)
from app.worker import TrainingWorker
from engine.trainer import TrainConfig, Trainer

__all__ = ["TrainingSession"]


class TrainingSession(QtCore.QObject):
    """Starts the worker thread on construction; call :meth:`shutdown` before the app quits."""

    frameReady = QtCore.pyqtSignal(object)  # Frame, only of the current run
    failed = QtCore.pyqtSignal(str)

    def __init__(
        self,
        config: TrainConfig | None = None,
        trainer_factory: Callable[[TrainConfig], Trainer] = Trainer,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # The training thread runs many short NumPy calls holding the GIL.  A 0.5 ms switch
        # interval (default 5 ms) lets the GUI thread in promptly: the redraw clock's p95
        # lateness fell from ~14 ms to ~7 ms (benchmarks/gui_latency.py).
        sys.setswitchinterval(0.0005)
        # One BLAS thread: our matrices are small, and a second BLAS thread fighting the GUI for
        # the other core made a decision-boundary grid 15x slower (4 ms vs 0.25 ms per product).
        threadpool_limits(limits=1, user_api="blas")
        self.config = config or TrainConfig()
        self.run_id = 0
        self.latest: Frame | None = None
        self.latest_full: Frame | None = None  # newest frame carrying grid, weights, diagnostics
        self._thread = QtCore.QThread()
        self._thread.setObjectName("InitScopeTraining")
        self._worker = TrainingWorker(self.config, trainer_factory)
        self._worker.moveToThread(self._thread)
        self._worker.frameReady.connect(self._accept, QtCore.Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self.failed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._thread.started.connect(self._worker.run)
        self._thread.start()

    # -- commands -------------------------------------------------------------------------------
    def play(self) -> None:
        self._worker.send(Play())

    def pause(self) -> None:
        self._worker.send(Pause())

    def toggle_play(self) -> None:
        """Run if paused, pause if running (the worker decides, so rapid clicks stay coherent)."""
        self._worker.send(TogglePlay())

    def step(self, n: int) -> None:
        """Take ``n`` steps if paused; pause (taking none) if running."""
        self._worker.send(Step(n))

    def reset(self) -> None:
        self.run_id += 1
        self.latest = self.latest_full = None  # the previous run's frames are not this run's
        self._worker.send(Reset(self.run_id))

    def configure(self, config: TrainConfig) -> None:
        """New weights for ``config``: back to iteration 0, paused, as a new run."""
        self.config = config
        self.run_id += 1
        self.latest = self.latest_full = None
        self._worker.send(Configure(config, self.run_id))

    def set_learning_rate(self, lr: float) -> None:
        self.config = self.config.with_(learning_rate=lr)
        self._worker.send(SetLearningRate(lr))

    def set_target(self, iterations: int) -> None:
        self._worker.send(SetTarget(iterations))

    def set_speed(self, steps_per_frame: int) -> None:
        self._worker.send(SetSpeed(steps_per_frame))

    # -- frames ---------------------------------------------------------------------------------
    def _accept(self, frame: Frame) -> None:
        if frame.run_id != self.run_id:
            return  # a late frame of a run that has been reset or replaced
        self.latest = frame
        if frame.snapshot.layers:
            self.latest_full = frame
        self.frameReady.emit(frame)

    # -- lifetime -------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._thread.isRunning()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Stop the worker and join its thread; safe to call twice.  ``True`` if it stopped."""
        if not self._thread.isRunning():
            return True
        self._worker.send(Stop())
        self._thread.quit()
        return self._thread.wait(timeout_ms)
