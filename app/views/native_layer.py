"""A plain ``QGraphicsView`` laid over a pyqtgraph plot's data area: what changes while a run
trains is drawn there, by Qt alone.

pyqtgraph's view paints from a Python ``paintEvent``, and PyQt holds the GIL through every call
into Qt, so each repaint of a live plot rasterised it with the GIL held: time the training thread
waited.  A layer's view has no Python in its painting.  It is opaque: Qt then repaints nothing
of the plot beneath it, whose own items are left as they were until the layer goes.
"""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

__all__ = ["DataAreaLayer"]


class DataAreaLayer:
    """A natively painted view over ``plot``'s view box; subclasses put their items in
    ``scene`` (in the layer's pixels: ``to_layer()`` maps the plot's data coordinates there)."""

    def __init__(self, plot: pg.PlotWidget, name: str) -> None:
        self._plot = plot
        self.view = QtWidgets.QGraphicsView(plot.viewport())
        self.view.setObjectName(name)
        self.view.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        off = QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        self.view.setHorizontalScrollBarPolicy(off)
        self.view.setVerticalScrollBarPolicy(off)
        self.view.setInteractive(False)
        self.view.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.view.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop)
        self.view.setRenderHints(plot.renderHints())
        self.scene = QtWidgets.QGraphicsScene(self.view)
        self.view.setScene(self.scene)
        self.view.hide()
        # The data area, worked out again only when the view box moves or resizes: asked every
        # frame, it cost a round trip through pyqtgraph's Python ``boundingRect``.
        self._area: QtCore.QRect | None = None
        box = plot.getPlotItem().getViewBox()
        box.geometryChanged.connect(self._forget_area)

    @property
    def active(self) -> bool:
        return self.view.isVisibleTo(self._plot)

    def area(self) -> QtCore.QRect:
        """The view box's rectangle in the plot's viewport (the data area)."""
        if self._area is None:
            box = self._plot.getPlotItem().getViewBox()
            self._area = self._plot.mapFromScene(box.sceneBoundingRect()).boundingRect()
        return QtCore.QRect(self._area)

    def _forget_area(self) -> None:
        self._area = None

    def to_layer(self) -> QtGui.QTransform:
        """From the view box's data coordinates to the layer's pixels."""
        box = self._plot.getPlotItem().getViewBox()
        to_layer = box.childGroup.sceneTransform() * self._plot.viewportTransform()
        origin = self.view.pos()
        return to_layer * QtGui.QTransform.fromTranslate(-origin.x(), -origin.y())

    def pixmap(self, area: QtCore.QRect) -> QtGui.QPixmap:
        """An empty pixmap the size of ``area`` at the plot's pixel ratio."""
        ratio = self._plot.devicePixelRatioF()
        pixmap = QtGui.QPixmap(area.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def cover(self, area: QtCore.QRect) -> None:
        """Lay the view over ``area`` and show it."""
        self.view.setGeometry(area)
        self.scene.setSceneRect(QtCore.QRectF(0, 0, area.width(), area.height()))
        self.view.show()

    def hide(self) -> None:
        self.view.hide()
