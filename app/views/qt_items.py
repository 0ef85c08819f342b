"""Live plot items that Qt paints by itself, without a Python call per frame.

PyQt holds the GIL through every call into Qt, painting included, so each millisecond the GUI
thread spends in a pyqtgraph item's Python ``paint``/``setData`` is a millisecond the training
thread waits.  What changes every frame while training runs — the current-point markers, the
comparison's curves, the status numbers — is made of plain Qt objects here: positioned or given a
new path from Python once per frame, then drawn by Qt's C++ alone.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols

__all__ = ["LabelSlot", "PathCurve", "PointMarker", "WrappingSlot", "polygon"]

_IGNORES_TRANSFORMATIONS = QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations


class PointMarker(QtWidgets.QGraphicsPathItem):
    """One marker (``symbol`` as in pyqtgraph: "o", "s", "t", "d", "star", "x"…) at a data point.

    It ignores the view's scaling, so it stays ``size`` pixels wide and undistorted at any zoom;
    :meth:`move_to` places it in the view's coordinates (apply a log axis's log10 first).
    """

    def __init__(self, symbol: str = "o", size: float = 10.0) -> None:
        super().__init__()
        self.setFlag(_IGNORES_TRANSFORMATIONS, True)
        self.symbol = symbol
        self.size = size
        self.set_symbol(symbol, size)
        self.setVisible(False)

    def set_symbol(self, symbol: str, size: float) -> None:
        self.symbol, self.size = symbol, float(size)
        self.setPath(QtGui.QTransform.fromScale(size, size).map(Symbols[symbol]))

    def move_to(self, x: float, y: float) -> None:
        """Show the marker at ``(x, y)``; hidden when either is not finite."""
        finite = bool(np.isfinite(x) and np.isfinite(y))
        if finite:
            self.setPos(float(x), float(y))
        self.setVisible(finite)


def polygon(x: np.ndarray, y: np.ndarray) -> QtGui.QPolygonF:
    """The points ``(x, y)`` as a ``QPolygonF``, filled in place from NumPy (no Python loop)."""
    shape = pg.functions.create_qpolygonf(len(x))
    points = pg.functions.ndarray_from_qpolygonf(shape)
    points[:, 0] = x
    points[:, 1] = y
    return shape


class PathCurve(QtWidgets.QGraphicsPathItem):
    """A polyline through ``(x, y)`` (gaps at non-finite points), stroked by Qt.

    Give it a cosmetic pen (``pg.mkPen`` makes one) so its width is in pixels.  The caller
    decimates to about a point per pixel column: Qt strokes every segment it is given.
    """

    def __init__(self, pen: QtGui.QPen | None = None) -> None:
        super().__init__()
        self.setBrush(QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush))
        if pen is not None:
            self.setPen(pen)
        self._x = self._y = np.empty(0)

    def setData(self, x: np.ndarray, y: np.ndarray, finite: bool | None = None) -> None:
        """Draw through ``(x, y)``; ``finite=True``: the caller knows every point is finite
        (a live tip, thirty times a second: the check is skipped)."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        self._x, self._y = x, y
        if len(x) == 0:
            self.setPath(QtGui.QPainterPath())
            return
        if finite or (np.isfinite(x).all() and np.isfinite(y).all()):
            # the usual case: one polyline, filled in place (~10x arrayToQPath)
            path = QtGui.QPainterPath()
            path.addPolygon(polygon(x, y))
            self.setPath(path)
            return
        # Gaps: park non-finite points at a real one (the path needs finite coordinates) and
        # join only two finite neighbours (``connect[i]`` joins point i to point i + 1).
        finite = np.isfinite(x) & np.isfinite(y)
        safe_x = np.where(finite, x, x[finite][0] if finite.any() else 0.0)
        safe_y = np.where(finite, y, y[finite][0] if finite.any() else 0.0)
        connect = np.zeros(len(x), dtype=np.int32)
        connect[:-1] = finite[:-1] & finite[1:]
        self.setPath(pg.arrayToQPath(safe_x, safe_y, connect=connect))

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        return self._x, self._y


class LabelSlot(QtWidgets.QWidget):
    """Holds one live label outside any layout, so a new text re-lays out nothing.

    ``QLabel.setText`` always calls ``updateGeometry()``.  In a layout that invalidates the
    parent's layout, and Qt re-activates every layout up to the window, which then repaints
    whole (side panel, splitters, every plot), 25 times a second while training runs.  This slot
    has no layout, so the request stops here; its own size hint follows only the label's font.
    A text too long for the slot is cut at its edge: keep the whole of it in the tooltip.
    """

    def __init__(self, label: QtWidgets.QLabel, min_chars: int = 24) -> None:
        super().__init__()
        self.label = label
        self._min_chars = min_chars
        label.setParent(self)
        # Transparent: the panel behind (a styled frame's own shade) shows through.
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QtCore.QSize:
        metrics = self.label.fontMetrics()
        margins = self.label.contentsMargins()
        height = metrics.height() + margins.top() + margins.bottom()
        return QtCore.QSize(metrics.averageCharWidth() * self._min_chars, height)

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(0, self.sizeHint().height())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())


class WrappingSlot(LabelSlot):
    """A :class:`LabelSlot` for a label that wraps (the state line): as tall as its text needs,
    it asks for a new layout only when a text needs another number of lines, not for every new
    figure in it (a re-layout repaints the whole window)."""

    def __init__(self, label: QtWidgets.QLabel) -> None:
        super().__init__(label)
        label.setWordWrap(True)
        policy = QtWidgets.QSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_text(self, text: str) -> None:
        """Show ``text``; the layout hears of it only if its height changes."""
        if text == self.label.text():
            return
        before = self.label.heightForWidth(self.width())
        self.label.setText(text)
        if self.label.heightForWidth(self.width()) != before:
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width) if self.label.text() else 0

    def sizeHint(self) -> QtCore.QSize:
        hint = super().sizeHint()
        return QtCore.QSize(hint.width(), self.heightForWidth(max(self.width(), hint.width())))

    def minimumSizeHint(self) -> QtCore.QSize:
        return QtCore.QSize(0, self.heightForWidth(self.width()) if self.width() > 0 else 0)
