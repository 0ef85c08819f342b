"""What is really drawn: pen widths and text sizes (the projector-mode tests), paint events."""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

__all__ = ["PaintCounter", "pen_width", "text_sizes"]


def pen_width(pen: QtGui.QPen | None) -> float | None:
    """A drawn pen's width in px (a 0-width cosmetic pen is 1 px); None when nothing is drawn."""
    if pen is None:
        return None
    pen = pg.mkPen(pen)
    if pen.style() == QtCore.Qt.PenStyle.NoPen:
        return None
    return pen.widthF() or 1.0


def text_sizes(item: QtWidgets.QGraphicsTextItem) -> list[float]:
    """The point size of every non-blank run of text in ``item`` (explicit, else its font's)."""
    document = item.document()
    default = document.defaultFont().pointSizeF()
    sizes = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.text().strip():
                fmt = fragment.charFormat()
                explicit = fmt.hasProperty(QtGui.QTextFormat.Property.FontPointSize)
                sizes.append(fmt.fontPointSize() if explicit else default)
            fragments += 1
        block = block.next()
    return sizes


class PaintCounter(QtCore.QObject):
    """Counts the paint events of the widgets it watches, by object name (``total``: all)."""

    def __init__(self, *widgets: QtWidgets.QWidget) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}
        for widget in widgets:
            widget.installEventFilter(self)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            self.counts[obj.objectName()] = self.counts.get(obj.objectName(), 0) + 1
        return False
