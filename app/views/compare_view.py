"""Transitional: the comparison as the main window used it before it had a controller.

The comparison is now :class:`app.views.compare.view.CompareView` (draws, asks) plus
:class:`app.controllers.compare_controller.CompareController` (owns the session, decides), joined
by :func:`app.compare_wiring.wire`.  This module keeps ``CompareView(data)`` with its old methods
(``session``, ``toggle_play``, ``step_clicked``, ``reset``, ``shutdown``, ``errorOccurred``) only
until ``app/main_window.py`` builds the pair itself; then delete it.  Nothing new may import it.
"""

from __future__ import annotations

from PyQt6 import QtCore, QtGui, QtWidgets

from app.compare_wiring import wire
from app.controllers.compare_controller import CompareController
from app.views.compare import view
from app.views.style import ERROR_COLOR, Palette
from engine.datasets import Dataset

__all__ = ["ERROR_COLOR", "CompareView"]


class CompareView(view.CompareView):
    """The view with its own controller, wired (the old shape)."""

    errorOccurred = QtCore.pyqtSignal(str)

    def __init__(
        self,
        data: Dataset,
        parent: QtWidgets.QWidget | None = None,
        palette: Palette | None = None,
    ) -> None:
        super().__init__(data, parent, palette=palette)
        self.controller = CompareController(data, parent=self)
        wire(self, self.controller)
        self.controller.failed.connect(self.errorOccurred)

    @property
    def session(self):
        return self.controller.session

    def start(self):
        return self.controller.start()

    def toggle_play(self) -> None:
        self.controller.toggle_play()

    def step_clicked(self) -> None:
        self.controller.step(self.step_size.value())

    def reset(self) -> None:
        self.controller.reset()

    def shutdown(self) -> bool:
        self.redraw_timer.stop()
        return self.controller.shutdown()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
