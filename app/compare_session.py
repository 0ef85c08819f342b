"""The GUI thread's handle on a comparison: owns the QThread and the :class:`CompareWorker`.

Like :class:`app.session.TrainingSession`, every command that changes *which* runs exist or where
they stand (reset, add, remove) starts a new run id, and frames stamped with an older one are
dropped: a frame in flight when Reset was clicked never repaints the old curves, and one sent just
before a removal never brings the removed run back.  ``latest`` holds the newest accepted frame;
the view's redraw timer reads it ("latest frame wins").
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from PyQt6 import QtCore
from threadpoolctl import threadpool_limits

from app.commands import Pause, Play, Reset, SetTarget, Step, Stop, TogglePlay
from app.compare_worker import (
    COMPARE_GRID,
    AddConfig,
    CompareFrame,
    CompareWorker,
    RemoveConfig,
    SetFrameRate,
)
from engine.compare import DEFAULT_COMPARE, MAX_CONFIGS
from engine.datasets import Dataset
from engine.trainer import TrainConfig, Trainer

__all__ = ["CompareSession", "default_configs"]


def default_configs() -> tuple[TrainConfig, ...]:
    """The tutorial's three experiments: zeros, random ×10 and He, all else as published."""
    return tuple(TrainConfig(init=name) for name in DEFAULT_COMPARE)


class CompareSession(QtCore.QObject):
    """Starts the worker thread on construction; call :meth:`shutdown` before the app quits."""

    frameReady = QtCore.pyqtSignal(object)  # CompareFrame, only of the current run id
    failed = QtCore.pyqtSignal(str)

    def __init__(
        self,
        data: Dataset,
        configs: Sequence[TrainConfig] | None = None,
        *,
        trainer_factory: Callable[[TrainConfig, Dataset], Trainer] = Trainer,
        grid_resolution: int = COMPARE_GRID,
        max_fps: float = 30.0,
        target: int = 15000,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Same reasons as TrainingSession: a short GIL switch interval lets the GUI thread in
        # promptly, and one BLAS thread keeps the second core for the GUI (our matrices are small).
        sys.setswitchinterval(0.0005)
        threadpool_limits(limits=1, user_api="blas")
        configs = default_configs() if configs is None else tuple(configs)
        if len(configs) > MAX_CONFIGS:
            raise ValueError(f"at most {MAX_CONFIGS} configurations can be compared at once")
        self.data = data
        self.run_id = 0
        self.latest: CompareFrame | None = None
        #: keys of the configurations, in table order, as the GUI last asked for them
        self.keys: list[int] = list(range(len(configs)))
        self._next_key = len(configs)
        self._thread = QtCore.QThread()
        self._thread.setObjectName("InitScopeCompare")
        self._worker = CompareWorker(
            data,
            [(key, config, None) for key, config in zip(self.keys, configs)],
            trainer_factory=trainer_factory,
            grid_resolution=grid_resolution,
            max_fps=max_fps,
            target=target,
        )
        self._worker.moveToThread(self._thread)
        self._worker.frameReady.connect(self._accept, QtCore.Qt.ConnectionType.QueuedConnection)
        self._worker.failed.connect(self.failed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._thread.started.connect(self._worker.run)
        self._thread.start()

    # -- commands (all act on every configuration together) ------------------------------------
    def play(self) -> None:
        self._worker.send(Play())

    def pause(self) -> None:
        self._worker.send(Pause())

    def toggle_play(self) -> None:
        """Run if paused, pause if running (the worker decides, so rapid clicks stay coherent)."""
        self._worker.send(TogglePlay())

    def step(self, n: int) -> None:
        """Every configuration takes ``n`` steps if paused; pause (taking none) if running."""
        self._worker.send(Step(n))

    def reset(self) -> None:
        """Every configuration back to iteration 0 with its initial weights, paused."""
        self._new_run()
        self._worker.send(Reset(self.run_id))

    def set_target(self, iterations: int) -> None:
        self._worker.send(SetTarget(iterations))

    def set_frame_rate(self, fps: float) -> None:
        """The view redraws about ``fps`` times a second: frames beyond that would be wasted."""
        self._worker.send(SetFrameRate(fps))

    def can_add(self) -> bool:
        return len(self.keys) < MAX_CONFIGS

    def add(self, config: TrainConfig, label: str | None = None) -> int:
        """Compare ``config`` too; returns its key.  It catches up with the others' iteration.

        Raises ``ValueError`` when :data:`~engine.compare.MAX_CONFIGS` are already compared.
        """
        if not self.can_add():
            raise ValueError(f"at most {MAX_CONFIGS} configurations can be compared at once")
        key = self._next_key
        self._next_key += 1
        self.keys.append(key)
        self._new_run()
        self._worker.send(AddConfig(key, config, label, self.run_id))
        return key

    def remove(self, key: int) -> bool:
        """Stop comparing configuration ``key``; ``False`` if there is no such configuration."""
        if key not in self.keys:
            return False
        self.keys.remove(key)
        self._new_run()
        self._worker.send(RemoveConfig(key, self.run_id))
        return True

    def _new_run(self) -> None:
        self.run_id += 1
        self.latest = None  # the previous layout's last frame must not be drawn as this one's

    # -- frames ---------------------------------------------------------------------------------
    def _accept(self, frame: CompareFrame) -> None:
        if frame.run_id != self.run_id:
            return  # a late frame from before a reset, an addition or a removal
        # The worker's word is final: a configuration it could not build is not in its frames.
        self.keys = list(frame.keys)
        self.latest = frame
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
