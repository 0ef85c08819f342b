"""The File menu's work: pictures of plots or of the window, the run history, experiments.

Each user action has two halves: ``choose_…`` asks for a path (a dialog) and the plain method
does the work on a given path and returns whether it succeeded, so tests and scripts drive the
second half without dialogs.  A refused file shows one message and changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import pyqtgraph as pg
import pyqtgraph.exporters
from PyQt6 import QtGui, QtWidgets

from app.i18n import error_text, translate
from engine.experiment import ExperimentError, load_experiment, save_experiment
from engine.export import write_history_csv

if TYPE_CHECKING:
    from app.main_window import MainWindow

__all__ = ["FileActions"]


@runtime_checkable
class RendersPicture(Protocol):
    """A view that draws itself for a slide at any width (the histograms, the diagram)."""

    def render_picture(self, width: int) -> QtGui.QImage: ...


#: pictures of a single plot are rendered at least this wide, sharp enough for a slide
SLIDE_WIDTH = 1920


class FileActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_dir = str(Path.home())

    # -- dialogs ----------------------------------------------------------------------------------
    def _ask_save(self, title: str, suggestion: str, filters: str) -> str | None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self.window, title, str(Path(self.last_dir) / suggestion), filters
        )
        if path:
            self.last_dir = str(Path(path).parent)
        return path or None

    def _ask_open(self, title: str, filters: str) -> str | None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self.window, title, self.last_dir, filters)
        if path:
            self.last_dir = str(Path(path).parent)
        return path or None

    def _fail(self, message: str) -> None:
        QtWidgets.QMessageBox.warning(self.window, translate("FileActions", "InitScope"), message)

    def _done(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    # -- pictures ---------------------------------------------------------------------------------
    def save_picture(self, widget: QtWidgets.QWidget) -> None:
        path = self._ask_save(
            translate("FileActions", "Save picture"),
            "initscope.png",
            translate("FileActions", "PNG images (*.png)"),
        )
        if path:
            self.write_picture(widget, path)

    def write_picture(self, widget: QtWidgets.QWidget, path: str | Path) -> bool:
        """A view at slide resolution (its own renderer, or pyqtgraph's exporter for a single
        plot), anything else as shown."""
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = (
                path.with_suffix(path.suffix + ".png") if path.suffix else path.with_suffix(".png")
            )
        try:
            if isinstance(widget, RendersPicture):  # several plots, or a picture of its own
                ok = widget.render_picture(max(SLIDE_WIDTH, widget.width())).save(str(path), "PNG")
            elif isinstance(widget, pg.PlotWidget):
                exporter = pg.exporters.ImageExporter(widget.getPlotItem())
                width = max(SLIDE_WIDTH, int(widget.width()))
                exporter.parameters()["width"] = width
                image = exporter.export(toBytes=True)
                ok = image.save(str(path), "PNG")
            else:
                ok = widget.grab().save(str(path), "PNG")
        except Exception as exc:  # an exporter error must not take the app down
            self._fail(
                translate("FileActions", "The picture could not be saved: {reason}").format(
                    reason=exc
                )
            )
            return False
        if not ok:
            self._fail(
                translate("FileActions", "The picture could not be written to {path}").format(
                    path=path
                )
            )
            return False
        self._done(translate("FileActions", "Saved {path}").format(path=path))
        return True

    # -- the run history --------------------------------------------------------------------------
    def export_history(self) -> None:
        path = self._ask_save(
            translate("FileActions", "Export history"),
            "initscope-history.csv",
            translate("FileActions", "CSV files (*.csv)"),
        )
        if path:
            self.write_history(path)

    def write_history(self, path: str | Path) -> bool:
        """Every recorded cost with the accuracies and gradient norms where they were taken."""
        frame = self.window.run.latest
        if frame is None:
            self._fail(translate("FileActions", "There is no run to export yet."))
            return False
        try:
            rows = write_history_csv(path, frame.snapshot)
        except OSError as exc:
            self._fail(
                translate("FileActions", "{path} could not be written: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            )
            return False
        self._done(
            translate("FileActions", "Exported {rows} rows to {path}").format(rows=rows, path=path)
        )
        return True

    # -- experiments ------------------------------------------------------------------------------
    def save_experiment(self) -> None:
        path = self._ask_save(
            translate("FileActions", "Save experiment"),
            "experiment.json",
            translate("FileActions", "InitScope experiments (*.json)"),
        )
        if path:
            self.write_experiment(path)

    def write_experiment(self, path: str | Path) -> bool:
        w = self.window
        frame = w.run.latest
        try:
            save_experiment(
                path,
                w.run.config,
                target=w.run.target,
                iteration=frame.snapshot.iteration if frame else None,
            )
        except ExperimentError as exc:
            self._fail(error_text(exc))
            return False
        except OSError as exc:
            self._fail(
                translate("FileActions", "{path} could not be written: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            )
            return False
        self._done(translate("FileActions", "Saved the experiment to {path}").format(path=path))
        return True

    def open_experiment(self) -> None:
        path = self._ask_open(
            translate("FileActions", "Open experiment"),
            translate("FileActions", "InitScope experiments (*.json);;All files (*)"),
        )
        if path:
            self.read_experiment(path)

    def read_experiment(self, path: str | Path) -> bool:
        """Load and apply an experiment; a bad file is refused and the current run stays."""
        try:
            experiment = load_experiment(path)
            self.window.run.apply_experiment(experiment.config, experiment.target)
        except (ExperimentError, OSError, ValueError, KeyError) as exc:
            self._fail(
                translate("FileActions", "{path} was not loaded: {reason}").format(
                    path=Path(path).name, reason=error_text(exc)
                )
                + "\n\n"
                + translate("FileActions", "The current experiment is unchanged.")
            )
            return False
        self._done(translate("FileActions", "Loaded the experiment {path}").format(path=path))
        return True
