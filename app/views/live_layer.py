"""The cost curve's moving part, drawn by Qt alone while a run trains.

While training runs, the cost plot changes 30 times a second: the curve's tip grows and the
current point moves.  pyqtgraph's view paints from a Python ``paintEvent``, and PyQt holds the GIL
through every call into Qt, so each of those repaints rasterised the plot with the GIL held: ~3 %
of the wall time at the tutorial's size, time the training thread waited.

A :class:`LiveLayer` covers the plot's data area with a plain ``QGraphicsView`` (a
:class:`~app.views.native_layer.DataAreaLayer`, no Python in its painting) showing a snapshot of
the plot without its tip and marker, and over it copies of those two.  Being opaque, it hides
the plot's own (still updated) tip and marker, so Qt repaints nothing of pyqtgraph's for them.
The snapshot is taken again only when something else in the data area changed (the settled
curve, about once a second; the axes' ranges; a ghost; the size).  Off while paused, rewound or
zoomed by hand: then the plot paints itself as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from app.views.native_layer import DataAreaLayer
from app.views.qt_items import polygon

__all__ = ["LiveLayer"]


class LiveLayer(DataAreaLayer):
    """The live part of ``plot`` (a ``pg.PlotWidget``): its ``tip`` path and ``marker``."""

    def __init__(
        self,
        plot: pg.PlotWidget,
        tip: QtWidgets.QGraphicsPathItem,
        marker: QtWidgets.QGraphicsEllipseItem,
    ) -> None:
        super().__init__(plot, "costPlotLiveLayer")
        self._tip, self._marker = tip, marker
        # Plain items: Qt paints them without calling into Python.
        self.backdrop = self.scene.addPixmap(QtGui.QPixmap())
        self.tip = QtWidgets.QGraphicsPathItem()
        self.marker = QtWidgets.QGraphicsEllipseItem()
        for item in (self.tip, self.marker):
            self.scene.addItem(item)
        self._snapshot_of: Hashable | None = None
        self._settled = -1  # the settled curve's count drawn on the snapshot

    def follow(
        self,
        on: bool,
        state: Hashable,
        settled: int,
        tail: Callable[[], tuple[np.ndarray, np.ndarray] | None],
    ) -> None:
        """Show the live part over the plot (``on``), or give the plot back its own painting.

        ``state``: everything besides the curve and the marker that the data area shows
        (ranges, ghosts, styles); a new one takes a new snapshot.  ``settled`` counts the
        settled curve's redraws: a new count draws what ``tail()`` gives (the points it gained,
        in the view's coordinates) onto the snapshot, the plot's own rendering being needed
        only when ``tail()`` is ``None`` (a new curve).
        """
        if not on or not self._plot.isVisible():  # (a hidden plot paints nothing anyway)
            if self.active:
                self.hide()
                self._snapshot_of = None
            return
        area = self.area()
        key = (state, area, self._plot.devicePixelRatioF())
        fresh = key == self._snapshot_of and self.active
        if fresh and settled != self._settled:
            points = tail()
            fresh = points is not None and self._draw_on_backdrop(*points)
        if not fresh:
            self._snapshot(area)
            self._snapshot_of = key
        self._settled = settled
        self._copy_live_items()

    def _draw_on_backdrop(self, x: np.ndarray, y: np.ndarray) -> bool:
        """Stroke the settled curve's new points onto the snapshot, as the plot would (a
        fraction of re-rendering the plot: a settling comes several times a second)."""
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            return False  # gaps: let the plot draw them
        pixmap = self.backdrop.pixmap()
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHints(self.view.renderHints())
        painter.setTransform(self.tip.transform())
        painter.setPen(self.tip.pen())
        painter.drawPolyline(polygon(x, y))
        painter.end()
        self.backdrop.setPixmap(pixmap)
        return True

    def _snapshot(self, area: QtCore.QRect) -> None:
        """Render the data area without the tip and the marker as the layer's backdrop."""
        self.hide()  # not in its own snapshot
        pixmap = self.pixmap(area)
        shown = self._tip.isVisible(), self._marker.isVisible()
        self._tip.setVisible(False)
        self._marker.setVisible(False)
        flags = QtWidgets.QWidget.RenderFlag.DrawWindowBackground
        self._plot.viewport().render(pixmap, QtCore.QPoint(), QtGui.QRegion(area), flags)
        self._tip.setVisible(shown[0])
        self._marker.setVisible(shown[1])
        self.backdrop.setPixmap(pixmap)
        self.cover(area)
        # What changes only with a new snapshot's state (ranges, styles, size): set once here.
        self.tip.setTransform(self.to_layer())
        self.tip.setPen(self._tip.pen())
        marker = self._marker
        self.marker.setRect(marker.rect())
        self.marker.setPen(marker.pen())
        self.marker.setBrush(marker.brush())

    def _copy_live_items(self) -> None:
        """The plot's tip and marker, placed in the layer's pixels."""
        self.tip.setPath(self._tip.path())
        self.tip.setVisible(self._tip.isVisible())
        marker = self._marker
        self.marker.setVisible(marker.isVisible())
        if marker.isVisible():
            self.marker.setPos(self.tip.transform().map(marker.pos()))
