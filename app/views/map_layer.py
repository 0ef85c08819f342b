"""The decision map's moving part, drawn by Qt alone while a run trains.

While training runs, a new boundary grid arrives five times a second.  Handed to pyqtgraph, each
one ran ``ImageItem.setImage`` and the contour's ``setData`` in Python, then repainted the whole
data area from pyqtgraph's Python ``paintEvent``: the heat map scaled, the contour stroked, the
four point series blitted, all with the GIL held (~1 % of the training thread's time at the
tutorial's size).

A :class:`MapLayer` (a :class:`~app.views.native_layer.DataAreaLayer`) covers the data area with
the heat map and the contour as plain Qt items, under a snapshot of the data points rendered
once on a transparent pixmap.  A grid then costs a ``QPixmap`` and a path; Qt paints them
without Python.  The plot's own image and contour are left as they were until the layer goes
(a paused frame) or anything renders the plot itself (an export, a grab): then the decision map
hands them the newest grid.
"""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from app.views.native_layer import DataAreaLayer
from engine.snapshot import GridPrediction

__all__ = ["MapLayer", "grid_rect"]


def grid_rect(grid: GridPrediction) -> QtCore.QRectF:
    """The heat map's rectangle in data coordinates: its pixel centres on the grid points."""
    x0, x1, y0, y1 = grid.bounds
    nx, ny = len(grid.xs), len(grid.ys)
    dx, dy = (x1 - x0) / max(nx - 1, 1), (y1 - y0) / max(ny - 1, 1)  # half a cell each side
    return QtCore.QRectF(x0 - dx / 2, y0 - dy / 2, dx * nx, dy * ny)


def contour_path(grid: GridPrediction) -> QtGui.QPainterPath:
    """The 0.5 contour's finished segments as one path of separate lines."""
    segments = grid.boundary
    if not len(segments):
        return QtGui.QPainterPath()
    return pg.arrayToQPath(segments[:, :, 0].ravel(), segments[:, :, 1].ravel(), connect="pairs")


class MapLayer(DataAreaLayer):
    """The heat map and contour of ``plot`` (a decision map) over its data area, under a copy of
    the data points; ``image`` and ``contour`` are the plot's own items (hidden in the points'
    snapshot)."""

    def __init__(self, plot: pg.PlotWidget, image: pg.ImageItem, contour: pg.PlotCurveItem) -> None:
        super().__init__(plot, "boundaryPlotLiveLayer")
        self._image, self._contour = image, contour
        self.heat = self.scene.addPixmap(QtGui.QPixmap())
        self.line = QtWidgets.QGraphicsPathItem()
        self.line.setBrush(QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush))
        self.scene.addItem(self.line)
        self.points = self.scene.addPixmap(QtGui.QPixmap())
        for z, item in enumerate((self.heat, self.line, self.points)):
            item.setZValue(z)
        self._snapshot_of: Hashable | None = None
        self._bounds: tuple | None = None  # the grid rectangle the heat map's transform is for

    def show(self, grid: GridPrediction, rgba: np.ndarray, state: Hashable) -> bool:
        """Draw ``grid`` (coloured ``rgba``) over the plot; ``False`` (and nothing drawn) if
        the plot is hidden.  ``state``: everything besides the heat map and the contour that the
        data area shows (ranges, the points, styles); a new one takes a new snapshot."""
        if not self._plot.isVisible():
            self.off()
            return False
        area = self.area()
        key = (state, area, self._plot.devicePixelRatioF())
        if key != self._snapshot_of or not self.active:
            self._snapshot(area)
            self._snapshot_of = key
            self._bounds = None
        rows, columns = rgba.shape[:2]
        picture = QtGui.QImage(
            rgba.data, columns, rows, 4 * columns, QtGui.QImage.Format.Format_RGBA8888
        )
        self.heat.setPixmap(QtGui.QPixmap.fromImage(picture))  # a copy: ``rgba`` may go
        bounds = (grid.bounds, rows, columns)
        if bounds != self._bounds:
            self._bounds = bounds
            rect = grid_rect(grid)
            to_pixels = QtGui.QTransform(
                rect.width() / columns, 0, 0, rect.height() / rows, rect.left(), rect.top()
            )
            self.heat.setTransform(to_pixels * self.to_layer())
        self.line.setPath(contour_path(grid))
        return True

    def off(self) -> None:
        """Give the plot its own painting back."""
        if self.active:
            self.hide()
        self._snapshot_of = None

    def _snapshot(self, area: QtCore.QRect) -> None:
        """The data points (whatever the data area shows but the heat map and the contour), on
        a transparent pixmap, and the contour's pen and transform."""
        self.hide()
        pixmap = self.pixmap(area)
        pixmap.fill(QtCore.Qt.GlobalColor.transparent)
        shown = self._image.isVisible(), self._contour.isVisible()
        self._image.setVisible(False)
        self._contour.setVisible(False)
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHints(self._plot.renderHints())
        source = self._plot.mapToScene(area).boundingRect()
        target = QtCore.QRectF(0, 0, area.width(), area.height())
        self._plot.scene().render(painter, target, source)
        painter.end()
        self._image.setVisible(shown[0])
        self._contour.setVisible(shown[1])
        self.points.setPixmap(pixmap)
        self.view.setBackgroundBrush(self._plot.backgroundBrush())
        self.cover(area)
        self.line.setTransform(self.to_layer())
        self.line.setPen(self._contour.opts["pen"])
