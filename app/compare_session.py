"""The GUI thread's handle on a comparison: owns the QThread and the :class:`CompareWorker`.

Like :class:`app.session.TrainingSession`, every command that changes *which* runs exist or where
they stand (reset, add, remove) starts a new run id, and frames stamped with an older one are
dropped: a frame in flight when Reset was clicked never repaints the old curves, and one sent just
before a removal never brings the removed run back.  ``latest`` holds the newest accepted frame;
the view's redraw timer reads it ("latest frame wins").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PyQt6 import QtCore

from app.commands import Reset, SetSpeed, ShowNeuronMaps
from app.compare_worker import (
    COMPARE_GRID,
    AddConfig,
    CompareWorker,
    RemoveConfig,
    SetFrameRate,
)
from app.frames import CompareFrame
from app.threaded_worker import WorkerHandle
from engine.compare import DEFAULT_COMPARE, MAX_CONFIGS, make_trainer
from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.trainer import Trainer

__all__ = ["CompareSession", "default_configs"]


def default_configs() -> tuple[TrainConfig, ...]:
    """The tutorial's three experiments: zeros, random ×10 and He, all else as published."""
    return tuple(TrainConfig(init=name) for name in DEFAULT_COMPARE)


class CompareSession(WorkerHandle):
    """Starts the worker thread on construction; call :meth:`shutdown` before the app quits.

    Its frames (``frameReady``) are :class:`CompareFrame` s of the current run id only.  Play,
    pause, step and the stop-at target act on every configuration together.
    """

    def __init__(
        self,
        data: Dataset,
        configs: Sequence[TrainConfig] | None = None,
        *,
        trainer_factory: Callable[[TrainConfig, Dataset], Trainer] = make_trainer,
        grid_resolution: int = COMPARE_GRID,
        max_fps: float = 30.0,
        target: int = 15000,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        configs = default_configs() if configs is None else tuple(configs)
        if len(configs) > MAX_CONFIGS:
            raise ValueError(f"at most {MAX_CONFIGS} configurations can be compared at once")
        self.data = data
        self.run_id = 0
        self.latest: CompareFrame | None = None
        #: keys of the configurations, in table order, as the GUI last asked for them
        self.keys: list[int] = list(range(len(configs)))
        self._next_key = len(configs)
        worker = CompareWorker(
            data,
            [(key, config, None) for key, config in zip(self.keys, configs)],
            trainer_factory=trainer_factory,
            grid_resolution=grid_resolution,
            max_fps=max_fps,
            target=target,
        )
        self._start(worker, "InitScopeCompare")

    # -- commands (all act on every configuration together) ------------------------------------
    def reset(self) -> None:
        """Every configuration back to iteration 0 with its initial weights, paused."""
        self._new_run()
        self._worker.send(Reset(self.run_id))

    def set_speed(self, steps_per_frame: int) -> None:
        """Steps per frame of every run (``FLAT_OUT``: as fast as the machine allows)."""
        self._worker.send(SetSpeed(steps_per_frame))

    def show_neuron_maps(self, on: bool) -> None:
        """Pictures carry the neuron maps only while the runs' network diagrams are in view."""
        self._worker.send(ShowNeuronMaps(on))

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
