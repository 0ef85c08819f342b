"""The GUI thread's handle on training: owns the QThread and the worker, hands out run ids.

Every command that re-initializes the weights starts a new run id; frames stamped with an older id
are dropped, so a late frame of the previous run never repaints after a reset.  ``latest`` always
holds the newest accepted frame; the window's redraw timer reads it ("latest frame wins").
"""

from __future__ import annotations

from PyQt6 import QtCore

from app.commands import (
    Configure,
    Reset,
    SetLearningRate,
    SetSpeed,
    ShowDiagnostics,
    ShowNeuronMaps,
)
from app.frames import Frame
from app.threaded_worker import WorkerHandle
from app.worker import TrainerFactory, TrainingWorker
from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.trainer import Trainer

__all__ = ["TrainingSession"]


class TrainingSession(WorkerHandle):
    """Starts the worker thread on construction; call :meth:`shutdown` before the app quits.

    Its frames (``frameReady``) are :class:`~app.commands.Frame` s of the current run only.
    """

    def __init__(
        self,
        config: TrainConfig | None = None,
        data: Dataset | None = None,
        trainer_factory: TrainerFactory = Trainer,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.config = config or TrainConfig()
        self.run_id = 0
        self.latest: Frame | None = None
        self.latest_full: Frame | None = None  # newest frame carrying grid, weights, diagnostics
        worker = TrainingWorker(self.config, trainer_factory, data=data)
        self._start(worker, "InitScopeTraining")

    # -- commands -------------------------------------------------------------------------------
    def reset(self) -> None:
        self.run_id += 1
        self.latest = self.latest_full = None  # the previous run's frames are not this run's
        self._worker.send(Reset(self.run_id))

    def configure(self, config: TrainConfig, data: Dataset | None = None) -> None:
        """New weights for ``config`` (on ``data``; ``None``: the data ``config`` names):
        back to iteration 0, paused, as a new run."""
        self.config = config
        self.run_id += 1
        self.latest = self.latest_full = None
        self._worker.send(Configure(config, self.run_id, data))

    def set_learning_rate(self, lr: float) -> None:
        self.config = self.config.with_(learning_rate=lr)
        self._worker.send(SetLearningRate(lr))

    def set_speed(self, steps_per_frame: int) -> None:
        self._worker.send(SetSpeed(steps_per_frame))

    def show_diagnostics(self, on: bool) -> None:
        """Full frames carry the diagnostics only while a panel shows them."""
        self._worker.send(ShowDiagnostics(on))

    def show_neuron_maps(self, on: bool) -> None:
        """Full frames carry the neuron maps only while the network diagram is on screen."""
        self._worker.send(ShowNeuronMaps(on))

    # -- frames ---------------------------------------------------------------------------------
    def _accept(self, frame: Frame) -> None:
        if frame.run_id != self.run_id:
            return  # a late frame of a run that has been reset or replaced
        self.latest = frame
        if frame.snapshot.layers:
            self.latest_full = frame
        self.frameReady.emit(frame)
