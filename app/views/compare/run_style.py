"""How each compared run is drawn: a colour, a line style and a marker, kept for its lifetime.

Each configuration keeps a colour (Okabe–Ito: readable with the common colour-vision
deficiencies), a line style and a marker shape for as long as it is compared, so runs are told
apart by shape as well as colour, in the curves, the legends, the map titles and the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PyQt6 import QtCore, QtGui
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols, drawSymbol

from app.views.style import INIT_COLORS

__all__ = [
    "CURVE_WIDTH",
    "LINE_STYLES",
    "MARKERS",
    "OKABE_ITO",
    "LegendSample",
    "RunStyle",
    "StyleBook",
    "resize_samples",
]

#: Okabe & Ito (2008) without yellow, which vanishes on a white background.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#000000")
_YELLOW = "#F0E442"  # the ``scaled`` initializer's own colour: unreadable on white
PEN = QtCore.Qt.PenStyle
#: one per slot: no two compared runs share a line style or a marker
LINE_STYLES = (
    PEN.SolidLine,
    PEN.DashLine,
    PEN.DashDotLine,
    PEN.DotLine,
    PEN.DashDotDotLine,
    PEN.CustomDashLine,  # long dashes, see RunStyle.pen
)
MARKERS = ("o", "s", "t", "d", "star", "x")
CURVE_WIDTH = 2.5  # a cost curve at the default palette (palette.line_width × CURVE_FACTOR)


@dataclass(frozen=True, slots=True)
class RunStyle:
    """How one configuration is drawn everywhere in the view."""

    color: str
    line: QtCore.Qt.PenStyle
    marker: str

    def pen(self, width: float = CURVE_WIDTH) -> QtGui.QPen:
        pen = pg.mkPen(self.color, width=width, style=self.line)
        if self.line is PEN.CustomDashLine:
            pen.setDashPattern([8.0, 2.0])
        pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
        return pen

    def icon(self, width: int = 44, height: int = 16, line_width: float = 2.0) -> QtGui.QIcon:
        """A legend swatch: the line in its style with the marker in the middle."""
        pixmap = QtGui.QPixmap(width, height)
        pixmap.fill(QtCore.Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen(line_width))
        painter.drawLine(QtCore.QPointF(1, height / 2), QtCore.QPointF(width - 1, height / 2))
        painter.translate(width / 2, height / 2)
        size = height * 0.625
        painter.scale(size, size)
        painter.setPen(pg.mkPen("#000000", width=max(1.0, line_width / 2) / size))
        painter.setBrush(pg.mkBrush(self.color))
        painter.drawPath(Symbols[self.marker])
        painter.end()
        return QtGui.QIcon(pixmap)


class LegendSample(ItemSample):
    """A legend swatch that grows with the palette: its item's line, and its marker on it.

    pyqtgraph's own sample is a fixed 20 × 20 px square: too small for a projector's markers,
    and too short to show a dash pattern.  Clicking it does nothing (the stand-in it shows is
    never plotted, so hiding it would hide nothing).
    """

    def __init__(self, item: pg.PlotDataItem, width: float = 40, height: float = 20) -> None:
        super().__init__(item)
        self._w = self._h = 20.0
        self.set_size(width, height)

    @staticmethod
    def size_for(marker_size: float) -> tuple[float, float]:
        """A swatch wide enough for a dash pattern and tall enough for ``marker_size``."""
        height = max(20.0, marker_size + 8)
        return 2.2 * height, height

    def set_size(self, width: float, height: float) -> None:
        self.prepareGeometryChange()
        self._w, self._h = float(width), float(height)
        self.setFixedWidth(self._w)
        self.setFixedHeight(self._h)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF(0, 0, self._w, self._h)

    def paint(self, p: QtGui.QPainter, *args) -> None:
        opts = self.item.opts
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        pen = pg.mkPen(opts["pen"])
        if pen.style() != PEN.NoPen:
            p.setPen(pen)
            p.drawLine(QtCore.QPointF(2, self._h / 2), QtCore.QPointF(self._w - 2, self._h / 2))
        symbol = opts.get("symbol")
        if symbol is not None:
            p.translate(self._w / 2, self._h / 2)
            drawSymbol(
                p,
                symbol,
                opts["symbolSize"],
                pg.mkPen(opts["symbolPen"]),
                pg.mkBrush(opts["symbolBrush"]),
            )

    def mouseClickEvent(self, event) -> None:
        event.ignore()


def resize_samples(legend: pg.LegendItem, marker_size: float) -> None:
    """Every :class:`LegendSample` of ``legend`` sized for ``marker_size``."""
    for swatch, _label in legend.items:
        if isinstance(swatch, LegendSample):
            swatch.set_size(*LegendSample.size_for(marker_size))
    legend.updateSize()


class StyleBook:
    """Gives each configuration key a style for its lifetime; freed styles are reused.

    A slot (0-5) fixes the line style and the marker, so no two runs share either; the colour is
    the initializer's own (as in the single view) when no other run has it, else the next free
    Okabe–Ito colour.
    """

    def __init__(self) -> None:
        self._styles: dict[int, tuple[int, RunStyle]] = {}

    def get(self, key: int, init: str) -> RunStyle:
        entry = self._styles.get(key)
        if entry is None:
            entry = self._styles[key] = self._new_style(init)
        return entry[1]

    def _new_style(self, init: str) -> tuple[int, RunStyle]:
        used_slots = {slot for slot, _ in self._styles.values()}
        used_colors = {style.color for _, style in self._styles.values()}
        slot = next((i for i in range(len(LINE_STYLES)) if i not in used_slots), 0)
        own = INIT_COLORS.get(init)
        candidates = ([own] if own and own.upper() != _YELLOW else []) + list(OKABE_ITO)
        color = next((c for c in candidates if c not in used_colors), OKABE_ITO[0])
        return slot, RunStyle(color, LINE_STYLES[slot], MARKERS[slot])

    def keep_only(self, keys: Sequence[int]) -> None:
        for key in [k for k in self._styles if k not in keys]:
            del self._styles[key]
