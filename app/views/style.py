"""Colours, pens and fonts shared by every plot, chosen for a washed-out projector.

Light background, dark text, Okabe–Ito colours (distinguishable with the common colour-vision
deficiencies).  Class 0 is vermilion and class 1 blue, like the tutorial's red and blue points.
"""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6 import QtGui, QtWidgets

__all__ = ["CLASS_COLORS", "INIT_COLORS", "Palette", "cache_static", "style_plot"]

_CACHE = QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache


def cache_static(*items: QtWidgets.QGraphicsItem) -> None:
    """Render items that rarely change (axes, legends, the data points) to a cached pixmap.

    A live plot repaints its whole view every frame; without a cache, pyqtgraph replays every
    axis label and legend text each time (milliseconds per item in a software raster).  The cache
    is refreshed automatically when the item itself calls ``update()``.
    """
    for item in items:
        item.setCacheMode(_CACHE)


BACKGROUND = "#ffffff"
FOREGROUND = "#222222"
CLASS_COLORS = ("#D55E00", "#0072B2")  # class 0 vermilion, class 1 blue
#: one colour per initializer, so a ghost curve keeps its run's colour
INIT_COLORS = {
    "zeros": "#777777",
    "random": "#E69F00",
    "he": "#0072B2",
    "xavier": "#009E73",
    "glorot_uniform": "#56B4E9",
    "lecun": "#CC79A7",
    "small": "#D55E00",
    "scaled": "#F0E442",
}
FALLBACK_COLOR = "#444444"


class Palette:
    """Sizes that projector mode scales up."""

    def __init__(self, scale: float = 1.0) -> None:
        self.scale = scale

    @property
    def line_width(self) -> float:
        return 2.0 * self.scale

    @property
    def marker_size(self) -> float:
        return 8.0 * self.scale

    @property
    def font_pt(self) -> int:
        return round(10 * self.scale)


def init_color(name: str) -> str:
    return INIT_COLORS.get(name, FALLBACK_COLOR)


def style_plot(
    plot: pg.PlotWidget | pg.PlotItem,
    title: str = "",
    palette: Palette | None = None,
    x: str = "",
    y: str = "",
) -> None:
    """Light theme, readable axis fonts and labels for one plot."""
    palette = palette or Palette()
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    if isinstance(plot, pg.PlotWidget):
        plot.setBackground(BACKGROUND)
    font = QtGui.QFont()
    font.setPointSize(palette.font_pt)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        cache_static(axis)
        axis.enableAutoSIPrefix(False)  # "cost (x0.001)" confuses more than it helps
        axis.setPen(pg.mkPen(FOREGROUND))
        axis.setTextPen(pg.mkPen(FOREGROUND))
        axis.setTickFont(font)
    label_style = {"color": FOREGROUND, "font-size": f"{palette.font_pt}pt"}
    if x:
        item.setLabel("bottom", x, **label_style)
    if y:
        item.setLabel("left", y, **label_style)
    if title:
        item.setTitle(title, color=FOREGROUND, size=f"{palette.font_pt + 1}pt")
