"""The window's export: replay and encoding on a thread of their own, drawing on the GUI thread.

The live training thread is never touched: the export replays the run from a copy of its key
frames (or, when the frames carry none, trains a fresh copy of it).  :class:`ExportWorker` runs
in its own ``QThread``: it replays each wanted iteration into an immutable
:class:`~app.frames.Frame` and hands it to the GUI thread (``frameReady``), which draws it on the
offscreen canvas and hands back the picture (:meth:`ExportWorker.give`, a queue); the worker
keeps it, and at the end writes the file atomically.  One frame is in flight at a time, so a
slow GUI never piles frames up.  Cancel is a flag the worker polls between steps: a cancelled or
failed export leaves no file.  :class:`AnimationExport` is the GUI thread's handle.
"""

from __future__ import annotations

import queue
import threading
import traceback
from pathlib import Path

import numpy as np
from PyQt6 import QtCore

from app.animation.canvas import AnimationCanvas
from app.animation.encode import AnimationWriter, Cancelled
from app.animation.export import ExportResult, draw_frames, new_canvas, written
from app.animation.replay import RunRecord, record_run
from app.frames import Frame
from engine.cli_options import AnimationOptions
from engine.config import TrainConfig
from engine.datasets import Dataset

__all__ = ["AnimationExport", "ExportWorker"]

#: how often (s) a waiting worker looks at the cancel flag
POLL_SECONDS = 0.05


class ExportWorker(QtCore.QObject):
    """Replays, collects and writes; everything but :meth:`give` and :meth:`cancel` runs on
    the export thread.

    ``record`` is the run to replay; ``None`` trains ``config`` on ``data`` afresh up to
    ``last`` first (the same numbers, unless the learning rate was changed mid-run).
    """

    recorded = QtCore.pyqtSignal(object)  # the RunRecord, before the first frame
    frameReady = QtCore.pyqtSignal(int, int, object)  # (index, frames in all, Frame)
    writing = QtCore.pyqtSignal()  # every frame drawn: the file is being written
    finished = QtCore.pyqtSignal(object)  # ExportResult
    failed = QtCore.pyqtSignal(str)  # what went wrong, with the traceback
    cancelled = QtCore.pyqtSignal()

    def __init__(
        self,
        record: RunRecord | None,
        config: TrainConfig,
        data: Dataset,
        last: int,
        path: Path,
        options: AnimationOptions,
    ) -> None:
        super().__init__()  # no parent: it moves to its thread
        self._record, self._config, self._data, self._last = record, config, data, last
        self.path, self.options = path, options
        self._pictures: queue.SimpleQueue = queue.SimpleQueue()
        self._cancel = threading.Event()

    # -- any thread -------------------------------------------------------------------------------
    def give(self, rgb: np.ndarray) -> None:
        """The picture of the frame last handed out (the GUI thread's answer)."""
        self._pictures.put(rgb)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set() or QtCore.QThread.currentThread().isInterruptionRequested()

    # -- the export thread ------------------------------------------------------------------------
    @QtCore.pyqtSlot()
    def run(self) -> None:
        try:
            result = self._export()
        except Cancelled:
            self.cancelled.emit()
        except Exception:
            self.failed.emit(traceback.format_exc())
        else:
            self.finished.emit(result)

    def _export(self) -> ExportResult:
        writer = AnimationWriter(self.path, self.options.fps)  # a bad name fails before work
        record = self._record
        if record is None:
            record = record_run(self._config, self._data, self._last, self.is_cancelled)
        self.recorded.emit(record)
        shown = draw_frames(record, self.options, writer, self._drawn, self.is_cancelled)
        self.writing.emit()
        writer.save(self.is_cancelled)
        return written(writer, shown, self.options)

    def _drawn(self, frame: Frame, index: int, total: int) -> np.ndarray:
        """``frame`` drawn by the GUI thread (widgets are drawn there only)."""
        self.frameReady.emit(index, total, frame)
        return self._picture()

    def _picture(self) -> np.ndarray:
        """Wait for the GUI thread's picture of the frame handed out, or a cancel."""
        while True:
            try:
                picture = self._pictures.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if self.is_cancelled():
                    raise Cancelled from None
                continue
            if isinstance(picture, BaseException):  # drawing it failed on the GUI thread
                raise picture
            return picture


class AnimationExport(QtCore.QObject):
    """The GUI thread's handle: owns the export thread and the canvas; :meth:`shutdown` joins.

    ``progressed(done, total)`` counts frames drawn (``total`` is 0 while the run is being
    trained afresh); ``finished(ExportResult)``, ``failed(message)`` or ``cancelled()`` ends it.
    """

    progressed = QtCore.pyqtSignal(int, int)
    writing = QtCore.pyqtSignal()
    finished = QtCore.pyqtSignal(object)
    failed = QtCore.pyqtSignal(str)
    cancelled = QtCore.pyqtSignal()

    def __init__(
        self,
        record: RunRecord | None,
        config: TrainConfig,
        data: Dataset,
        last: int,
        path: str | Path,
        options: AnimationOptions,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.canvas: AnimationCanvas | None = None
        self.result: ExportResult | None = None
        self.worker = ExportWorker(record, config, data, last, Path(path), options)
        self.thread = QtCore.QThread()
        self.thread.setObjectName("InitScopeAnimationExport")
        worker, queued = self.worker, QtCore.Qt.ConnectionType.QueuedConnection
        worker.moveToThread(self.thread)
        worker.recorded.connect(self._on_recorded, queued)
        worker.frameReady.connect(self._on_frame, queued)
        worker.writing.connect(self.writing, queued)
        worker.finished.connect(self._on_finished, queued)
        worker.failed.connect(self._on_failed, queued)
        worker.cancelled.connect(self._on_cancelled, queued)
        self.thread.started.connect(worker.run)

    @property
    def path(self) -> Path:
        return self.worker.path

    def start(self) -> None:
        self.progressed.emit(0, 0)
        self.thread.start()

    def cancel(self) -> None:
        """Stop as soon as the worker looks; ``cancelled`` follows, and no file is left."""
        self.worker.cancel()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel and join the thread (the window closes); ``True`` once it has stopped."""
        if self.thread.isRunning():
            self.worker.cancel()
            self.thread.requestInterruption()
            self.thread.quit()
            if not self.thread.wait(timeout_ms):
                return False
        self._drop_canvas()
        return True

    # -- from the worker (queued onto the GUI thread) ---------------------------------------------
    def _on_recorded(self, record: RunRecord) -> None:
        self.canvas = new_canvas(record, self.options)

    def _on_frame(self, index: int, total: int, frame: Frame) -> None:
        if self.canvas is None or self.worker.is_cancelled():
            return  # the worker gives up waiting by itself
        try:
            picture = self.canvas.render_frame(frame)
        except Exception as exc:  # reported by the worker, which then stops
            self.worker.give(exc)
            return
        self.worker.give(picture)
        self.progressed.emit(index + 1, total)

    def _end(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self._drop_canvas()

    def _drop_canvas(self) -> None:
        if self.canvas is not None:
            self.canvas.close()
            self.canvas.deleteLater()
            self.canvas = None

    def _on_finished(self, result: ExportResult) -> None:
        self._end()
        self.result = result
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    def _on_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
