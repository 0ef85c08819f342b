"""File → Export animation…: where, how, and a progress bar with Cancel.

:meth:`AnimationExporter.start` asks for a file (its format from the name: GIF or WebP), then
for the frames, their pace, their spacing and the width (:class:`ExportOptionsDialog`), then
exports with a progress dialog.  :meth:`AnimationExporter.export` is the second half without
dialogs (tests and scripts).  The run exported is the single run's newest full frame: every
iteration from 0 to the newest trained, replayed exactly, while training goes on undisturbed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PyQt6 import QtCore, QtWidgets

from app.animation.export import ExportResult
from app.animation.export_worker import AnimationExport
from app.animation.replay import record_of_frame
from app.i18n import translate
from app.views.spin_boxes import CheckedDoubleSpinBox, CheckedSpinBox, refusal_text
from engine.cli_options import (
    ANIMATION_FORMATS,
    DEFAULT_ANIMATION,
    HOLD_LAST_SECONDS,
    MAX_FPS,
    MAX_FRAME_WIDTH,
    MAX_FRAMES,
    MIN_FRAME_WIDTH,
    SPACINGS,
    AnimationOptions,
)

if TYPE_CHECKING:
    from app.main_window import MainWindow

__all__ = ["AnimationExporter", "ExportOptionsDialog"]

log = logging.getLogger("initscope.animation")


def _spacing_text(spacing: str) -> str:
    if spacing == "log":
        return translate("AnimationExport", "Log-spaced: dense early, where runs change most")
    return translate("AnimationExport", "Evenly spaced")


class ExportOptionsDialog(QtWidgets.QDialog):
    """``exportAnimationDialog``: frames, frames per second, spacing and width, with the
    length they make.  ``last`` is the newest iteration, the animation's end."""

    def __init__(
        self, options: AnimationOptions, last: int, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportAnimationDialog")
        self.setWindowTitle(translate("AnimationExport", "Export animation"))
        self.last = last
        self.frames = CheckedSpinBox(objectName="animationFrames")
        self.frames.setRange(2, MAX_FRAMES)
        self.fps = CheckedDoubleSpinBox(objectName="animationFps")
        self.fps.setDecimals(1)
        self.fps.setRange(0.5, MAX_FPS)
        self.spacing = QtWidgets.QComboBox(objectName="animationSpacing")
        for name in SPACINGS:
            self.spacing.addItem(_spacing_text(name), name)
        self.width_box = CheckedSpinBox(objectName="animationWidth")
        self.width_box.setRange(MIN_FRAME_WIDTH, MAX_FRAME_WIDTH)
        self.width_box.setSuffix(" px")
        self.summary = QtWidgets.QLabel(objectName="animationSummary")
        self.summary.setWordWrap(True)
        self.note = QtWidgets.QLabel(objectName="animationNote")  # a refused value, said
        self.note.setWordWrap(True)
        form = QtWidgets.QFormLayout()
        form.addRow(translate("AnimationExport", "Frames"), self.frames)
        form.addRow(translate("AnimationExport", "Frames per second"), self.fps)
        form.addRow(translate("AnimationExport", "Iterations"), self.spacing)
        form.addRow(translate("AnimationExport", "Width"), self.width_box)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("AnimationExport", "Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.set_options(options)
        for box in (self.frames, self.fps, self.width_box):
            box.valueChanged.connect(self._show_summary)
            box.refused.connect(lambda text, b=box: self.note.setText(refusal_text(b, text)))
        self.spacing.currentIndexChanged.connect(self._show_summary)
        self._show_summary()

    def set_options(self, options: AnimationOptions) -> None:
        self.frames.setValue(options.frames)
        self.fps.setValue(options.fps)
        self.spacing.setCurrentIndex(max(0, self.spacing.findData(options.spacing)))
        self.width_box.setValue(options.width)

    def options(self) -> AnimationOptions:
        return AnimationOptions(
            frames=self.frames.value(),
            fps=self.fps.value(),
            spacing=self.spacing.currentData(),
            width=self.width_box.value(),
        )

    def _show_summary(self, *_args) -> None:
        options = self.options()
        frames = min(options.frames, self.last + 1)  # at most one frame per iteration
        self.note.clear()
        self.summary.setText(
            translate(
                "AnimationExport",
                "{frames} frames of iterations 0 to {last}: {seconds} s at {fps} frames per "
                "second, then the last frame for {hold} s more.",
            ).format(
                frames=frames,
                last=f"{self.last:,}",
                seconds=f"{frames / options.fps:.1f}",
                fps=f"{options.fps:g}",
                hold=f"{HOLD_LAST_SECONDS:g}",
            )
        )


class AnimationExporter(QtCore.QObject):
    """The menu item's work for ``window``; one export at a time."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.options = DEFAULT_ANIMATION
        self.last_dir = str(Path.home())
        self.job: AnimationExport | None = None
        self.progress: QtWidgets.QProgressDialog | None = None
        window.installEventFilter(self)  # closing the window joins the export thread

    # -- dialogs ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Ask where and how, then export (the File menu's action)."""
        if self.job is not None:
            return  # its progress dialog is up
        last = self._newest()
        if last is None:
            return
        path = self._ask_path()
        if path is None:
            return
        dialog = ExportOptionsDialog(self.options, last, self.window)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        self.options = dialog.options()
        self.export(path, self.options)

    def _ask_path(self) -> str | None:
        filters = ";;".join(
            (
                translate("AnimationExport", "GIF animation (*.gif)"),
                translate("AnimationExport", "WebP animation (*.webp)"),
            )
        )
        path, chosen = QtWidgets.QFileDialog.getSaveFileName(
            self.window,
            translate("AnimationExport", "Export animation"),
            str(Path(self.last_dir) / "initscope.gif"),
            filters,
        )
        if not path:
            return None
        self.last_dir = str(Path(path).parent)
        if Path(path).suffix.lower() not in ANIMATION_FORMATS:  # the format the filter names
            path += ".webp" if "*.webp" in chosen else ".gif"
        return path

    def _newest(self) -> int | None:
        frame = self.window.run.latest_full
        if frame is None or frame.newest_iteration < 1:
            self._fail(
                translate(
                    "AnimationExport",
                    "Train the run first: an animation shows it from iteration 0 to the newest "
                    "iteration trained.",
                )
            )
            return None
        return frame.newest_iteration

    # -- the work ---------------------------------------------------------------------------------
    def export(self, path: str | Path, options: AnimationOptions) -> AnimationExport | None:
        """Export the single run to ``path`` with a progress dialog; ``None`` if refused."""
        path = Path(path)
        if self.job is not None or self._newest() is None:
            return None
        if path.suffix.lower() not in ANIMATION_FORMATS:
            self._fail(
                translate("AnimationExport", "{file}: the file name must end in {formats}").format(
                    file=path.name, formats=" / ".join(ANIMATION_FORMATS)
                )
            )
            return None
        folder = path.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            self._fail(
                translate(
                    "AnimationExport", "{folder} is not a folder that can be written."
                ).format(folder=folder)
            )
            return None
        run = self.window.run
        frame = run.latest_full
        assert frame is not None
        record = record_of_frame(frame, run.data)  # None: no key frames, train a copy afresh
        job = AnimationExport(record, frame.config, run.data, frame.newest_iteration, path, options)
        job.setParent(self)
        self.job = job
        self.progress = self._progress_dialog(job)
        job.progressed.connect(self._on_progress)
        job.writing.connect(self._on_writing)
        job.finished.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.start()
        return job

    def _progress_dialog(self, job: AnimationExport) -> QtWidgets.QProgressDialog:
        dialog = QtWidgets.QProgressDialog(
            translate("AnimationExport", "Replaying the run…"),
            translate("AnimationExport", "Cancel"),
            0,
            0,
            self.window,
        )
        dialog.setObjectName("exportAnimationProgress")
        dialog.setWindowTitle(translate("AnimationExport", "Export animation"))
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        dialog.show()
        return dialog

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is None or total == 0:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(
            translate("AnimationExport", "Drawing frame {n} of {total}…").format(
                n=done, total=total
            )
        )

    def _on_writing(self) -> None:
        if self.progress is not None and self.job is not None:
            self.progress.setLabelText(
                translate("AnimationExport", "Writing {file}…").format(file=self.job.path.name)
            )

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.job is not None:
            self.job.deleteLater()
            self.job = None

    def _on_finished(self, result: ExportResult) -> None:
        self._finish()
        self.window.statusBar().showMessage(
            translate("AnimationExport", "Saved the animation {path}: {n} frames, {w}×{h}").format(
                path=result.path, n=len(result.shown), w=result.width, h=result.height
            ),
            15000,
        )

    def _on_failed(self, message: str) -> None:
        path = self.job.path if self.job is not None else ""
        self._finish()
        log.error("animation export failed:\n%s", message)
        reason = message.strip().splitlines()[-1] if message.strip() else ""
        self._fail(
            translate(
                "AnimationExport", "The animation could not be written to {path}: {reason}"
            ).format(path=path, reason=reason)
        )

    def _on_cancelled(self) -> None:
        self._finish()
        self.window.statusBar().showMessage(
            translate("AnimationExport", "Export cancelled: no file was written."), 8000
        )

    def _fail(self, message: str) -> None:
        QtWidgets.QMessageBox.warning(
            self.window, translate("AnimationExport", "Export animation"), message
        )

    # -- lifetime ---------------------------------------------------------------------------------
    def shutdown(self) -> bool:
        """Cancel a running export and join its thread; ``True`` once none runs."""
        if self.job is None:
            return True
        stopped = self.job.shutdown()
        if stopped:
            self._finish()
        return stopped

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.window and event.type() == QtCore.QEvent.Type.Close:
            self.shutdown()
        return False
