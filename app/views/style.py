"""Colours, pens and fonts shared by every plot, chosen for a washed-out projector.

Light background, dark text, Okabe–Ito colours (distinguishable with the common colour-vision
deficiencies).  Class 0 is vermilion and class 1 blue, like the tutorial's red and blue points.

Also the one set of helpers every view (the single run's and the comparison's) uses to re-apply a
:class:`Palette` (projector mode, zoom) and to re-translate plot texts: :func:`restyle_plot`,
:func:`set_plot_title`, :func:`relabel_legend`, :func:`set_legend_text`, :func:`point_font` and
:func:`widget_font_pt`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from app.boundary_colors import CLASS_COLORS

__all__ = [
    "CLASS_COLORS",
    "ERROR_COLOR",
    "INIT_COLORS",
    "Palette",
    "PlotAxis",
    "SideLegend",
    "StaticScatter",
    "cache_static",
    "distinct_numbers",
    "fit_legend",
    "icon_scale",
    "legible",
    "log_ticks",
    "measure_labels_again",
    "opaque",
    "plain_numbers",
    "plot_axes",
    "point_font",
    "relabel_legend",
    "restyle_plot",
    "set_legend_text",
    "set_plot_title",
    "side_legend",
    "steady_width",
    "style_plot",
    "widget_font_pt",
]

_CACHE = QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache


def cache_static(*items: QtWidgets.QGraphicsItem) -> None:
    """Render items that rarely change (axes, legends, the data points) to a cached pixmap.

    A live plot repaints its whole view every frame; without a cache, pyqtgraph replays every
    axis label and legend text each time (milliseconds per item in a software raster).  The cache
    is refreshed automatically when the item itself calls ``update()``.
    """
    for item in items:
        item.setCacheMode(_CACHE)


def opaque(widget: QtWidgets.QWidget, color: QtGui.QColor | str | None = None) -> None:
    """Let ``widget`` paint its own background (``color``, else the window's), so that Qt repaints
    nothing behind it when it changes.

    A transparent widget that changes 30 times a second (the numbers, the timeline) made Qt
    repaint every ancestor under it as well, up to the window's tab widget: half a megapixel of
    tab frame and pages a frame, the biggest part of the GUI thread's time while training ran.
    """
    if color is not None:
        palette = widget.palette()
        palette.setColor(widget.backgroundRole(), QtGui.QColor(color))
        widget.setPalette(palette)
    widget.setAutoFillBackground(True)


class StaticScatter(pg.ScatterPlotItem):
    """A ``ScatterPlotItem`` for points that never move (the data over a decision map).

    Qt asks an item for its bounding rect several times per paint, and pyqtgraph's works it out
    afresh every time (data bounds, then the pixel size, ~60 µs in Python): for the comparison's
    three maps that was a third of a millisecond of GUI-thread time per map and paint, time the
    training thread waits for (the GIL).  Here it is kept until pyqtgraph drops its data bounds
    (new data or sizes) or the view's scale changes.  Give it ``cache_static`` as well.
    """

    _rect: QtCore.QRectF | None = None

    def boundingRect(self) -> QtCore.QRectF:
        if self._rect is None or None in self.bounds:
            self._rect = super().boundingRect()
        return self._rect

    def viewTransformChanged(self) -> None:
        self._rect = None
        super().viewTransformChanged()


BACKGROUND = "#ffffff"
FOREGROUND = "#222222"
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
ERROR_COLOR = "#b00020"  # refusals, errors and diverged runs


class Palette:
    """Sizes and colours every plot reads; projector mode and zoom make a new one.

    ``zoom`` is the user's Ctrl+= / Ctrl+- factor.  In projector mode every font is at least
    20 pt, every line at least 3 px, markers are big and the foreground is pure black, so the
    plots survive a washed-out projector viewed from the back row.
    """

    def __init__(self, zoom: float = 1.0, projector: bool = False) -> None:
        self.zoom = float(zoom)
        self.projector = bool(projector)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Palette) and (self.zoom, self.projector) == (
            other.zoom,
            other.projector,
        )

    def __hash__(self) -> int:
        return hash((self.zoom, self.projector))

    @property
    def line_width(self) -> float:
        return max(3.0, 3.5 * self.zoom) if self.projector else 2.0 * self.zoom

    @property
    def thin_line_width(self) -> float:
        """Secondary lines (guides, outlines): still at least 3 px in projector mode."""
        return max(3.0, 2.0 * self.zoom) if self.projector else max(1.0, self.zoom)

    @property
    def marker_size(self) -> float:
        return max(14.0, 14.0 * self.zoom) if self.projector else 8.0 * self.zoom

    @property
    def font_pt(self) -> int:
        return max(20, round(20 * self.zoom)) if self.projector else max(6, round(10 * self.zoom))

    @property
    def foreground(self) -> str:
        return "#000000" if self.projector else FOREGROUND


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
    item.hideButtons()  # pyqtgraph's "A" (auto range) button: the views manage their ranges
    font = QtGui.QFont()
    font.setPointSize(palette.font_pt)
    label_style = {"color": palette.foreground, "font-size": f"{palette.font_pt}pt"}
    if x:
        item.setLabel("bottom", x, **label_style)
    if y:
        item.setLabel("left", y, **label_style)
    if title:
        item.setTitle(title, color=palette.foreground, size=f"{palette.font_pt + 1}pt")
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        cache_static(axis)
        plain_numbers(axis)
        axis.setPen(pg.mkPen(palette.foreground, width=palette.thin_line_width))
        axis.setTextPen(pg.mkPen(palette.foreground))
        axis.setTickFont(font)
        # Room for bigger tick labels, so nothing is clipped at projector size.
        if name == "left":
            axis.setWidth(None)
            measure_labels_again(axis)
        else:
            axis.setHeight(None)


def steady_width(axis: pg.AxisItem) -> None:
    """Let ``axis`` (a left one) widen for longer tick labels but never narrow for shorter ones.

    On a plot of locked aspect the ticks follow the view's width: a narrower view shows more
    of y, and other ticks.  At 1024 × 768 in projector mode the decision map's left axis
    widened for "−0.5", which narrowed the view until ticks fell on whole numbers, whose
    shorter labels narrowed the axis and widened the view back: the layout flipped between
    the two on every paint (~900 times a second, the window frozen).  Widening only, it
    settles at once.  (:func:`style_plot` measures the labels again for a new font.)
    """
    axis.setStyle(autoReduceTextSpace=False)


def measure_labels_again(axis: pg.AxisItem) -> None:
    """Forget the widest tick label ``axis`` has made room for: the next paint measures its
    labels in the present font (after projector mode, a narrower axis again)."""
    axis.textWidth = 30  # pyqtgraph's record of it, as a new axis starts (no public reset)
    axis.picture = None


def plain_numbers(axis: pg.AxisItem) -> None:
    """Tick labels in the data's own numbers: no SI scaling, ever.

    pyqtgraph's ``enableAutoSIPrefix(False)`` works out a scale from the axis's range *as it
    disables it* and then keeps it: a cost axis restyled while it spanned 0-1 read 0-1000 from
    then on, with its "(x0.001)" hidden.  With no range enabled for prefixes the scale it works
    out is 1 (and :class:`PlotAxis` never scales at all).
    """
    if hasattr(axis, "setSIPrefixEnableRanges"):  # pyqtgraph 0.13.5 on; the floor is 0.13.4
        axis.setSIPrefixEnableRanges(())
    axis.enableAutoSIPrefix(False)
    # 0.13.4 has no prefix ranges and keeps the scale it worked out as it disabled itself:
    # set it back (tick strings are made with this scale; nothing recomputes it while disabled)
    axis.autoSIPrefixScale = 1.0
    axis.labelUnitPrefix = ""


class PlotAxis(pg.AxisItem):
    """An axis that reads the data's own numbers, also on a log scale.

    Never an SI scale (see :func:`plain_numbers`).  On a log axis: whole decades labelled
    (every k-th when they would crowd), the 2…9 in between as unlabelled ticks when there is
    room; a range narrower than two decades (a flat curve, a single point) gets plain 1-2-5
    ticks in between, so there are always labels.  pyqtgraph's own log ticks labelled every
    minor tick (overlapping text) and gave a single point no label at all.
    """

    def __init__(self, orientation: str, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        plain_numbers(self)

    def updateAutoSIPrefix(self) -> None:
        self.autoSIPrefixScale = 1.0
        self.labelUnitPrefix = ""
        self._updateLabel()

    def _label_room(self) -> float:
        """Pixels one tick label needs along the axis (its height, or width on x)."""
        font = self.style.get("tickFont") or QtWidgets.QApplication.font()
        metrics = QtGui.QFontMetrics(font)
        if self.orientation in ("left", "right"):
            return 1.6 * metrics.height()
        return metrics.horizontalAdvance("0.0005") + 12

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        if not self.logMode:
            return super().tickValues(minVal, maxVal, size)
        return log_ticks(minVal, maxVal, size, self._label_room())

    def tickStrings(self, values: list[float], scale: float, spacing) -> list[str]:
        if not self.logMode:
            return super().tickStrings(values, scale, spacing)
        if spacing is None:  # the unlabelled 2…9 of a decade
            return [""] * len(values)
        return distinct_numbers([10.0**v for v in values])


def log_ticks(lo: float, hi: float, size: float, room: float) -> list:
    """Tick levels ``[(spacing, values), ...]`` for a log axis spanning ``lo``…``hi`` (log10)
    over ``size`` pixels, a label needing ``room`` pixels; ``spacing`` ``None``: unlabelled."""
    lo, hi = min(lo, hi), max(lo, hi)
    if not (np.isfinite(lo) and np.isfinite(hi)) or size <= 0:
        return []
    per_decade = size / max(hi - lo, 1e-12)
    first, last = int(np.ceil(lo)), int(np.floor(hi))
    if last - first >= 1:  # two decades or more in view
        step = max(1, int(np.ceil(room / per_decade)))
        decades = [float(d) for d in range(first, last + 1) if d % step == 0]
        minor = []
        if step == 1 and per_decade >= 3 * room:
            for d in range(first - 1, last + 1):
                minor += [d + np.log10(m) for m in range(2, 10) if lo < d + np.log10(m) < hi]
        return [(float(step), decades), (None, minor)]
    a, b = 10.0**lo, 10.0**hi
    count = max(2.0, size / room)
    spacing = _nice_step((b - a) / count)
    values = np.arange(np.ceil(a / spacing), np.floor(b / spacing) + 1) * spacing
    values = values[(values > 0) & (values >= a) & (values <= b)]
    if not values.size:  # narrower than one step: the middle, as read
        values = np.array([float(f"{np.sqrt(a * b):.3g}")])
    return [(spacing, list(np.log10(values)))]


def _nice_step(raw: float) -> float:
    """The 1, 2 or 5 × 10^k at or above ``raw``."""
    if not np.isfinite(raw) or raw <= 0:
        return 1.0
    exp = 10.0 ** np.floor(np.log10(raw))
    return float(next(m * exp for m in (1, 2, 5, 10) if m * exp >= raw * (1 - 1e-9)))


def distinct_numbers(values: list[float]) -> list[str]:
    """``values`` as short numbers (``%g``), with just enough digits to tell them apart."""
    for digits in range(1, 8):
        strings = [_short_number(v, digits) for v in values]
        if len(set(strings)) == len(strings):
            return strings
    return strings


def _short_number(value: float, digits: int) -> str:
    """``value`` to ``digits`` significant digits: 1000 and 0.001 as such, 1e-05 and 1e+07 in
    exponent form only when that is shorter to read."""
    text = f"{value:.{digits}g}"
    if "e" in text and 1e-4 <= abs(value) < 1e6:
        text = f"{float(text):f}".rstrip("0").rstrip(".")
    return text


def plot_axes() -> dict[str, PlotAxis]:
    """``axisItems`` for a new plot: :class:`PlotAxis` left and bottom."""
    return {"left": PlotAxis("left"), "bottom": PlotAxis("bottom")}


#: the most of a plot's width a legend beside it may take: longer entries are cut with "…"
LEGEND_SHARE = 0.4


class SideLegend(pg.LegendItem):
    """A one-column legend beside the view (in the plot's own layout), never over the data,
    and never wider than :data:`LEGEND_SHARE` of the plot: a long run name (a projector's big
    font, Chinese words) is cut with "…", whole in the entry's tooltip."""

    def __init__(self, plot_item: pg.PlotItem, palette: Palette) -> None:
        super().__init__(labelTextColor=palette.foreground, colCount=1)
        self.plot_item = plot_item
        self.full_texts: dict[int, str] = {}  # id(label) → the entry's whole text

    def set_entry_text(self, label: pg.LabelItem, text: str) -> None:
        """Set an entry's whole text; it is shown cut to the room there is."""
        self.full_texts[id(label)] = text
        if self._show(label):
            fit_legend(self)

    def room(self) -> float:
        # less the sample, the spacing and the text's own margins (~50 px); never so little
        # that an ordinary entry ("earlier: He, seed 3") is cut in an ordinary window
        return max(180.0, self.plot_item.width() * LEGEND_SHARE - 50.0)

    def _show(self, label: pg.LabelItem) -> bool:
        full = self.full_texts.setdefault(id(label), label.text)
        # The entry is drawn at the legend's text size (HTML), not at its item's own font.
        size = str(self.opts.get("labelTextSize") or "")
        font = label.item.font()
        if size.endswith("pt"):
            font = point_font(float(size[:-2]), base=font)
        metrics = QtGui.QFontMetricsF(font)
        shown = metrics.elidedText(full, QtCore.Qt.TextElideMode.ElideRight, self.room())
        label.setToolTip(full if shown != full else "")
        if shown == label.text:
            return False
        label.setText(shown)
        return True

    def elide(self) -> None:
        """Cut every entry to the room there is now (after a resize or a new font)."""
        changed = [self._show(label) for _sample, label in self.items]
        if any(changed):
            fit_legend(self)

    def addItem(self, item, name: str) -> None:
        super().addItem(item, name)
        label = self.getLabel(item)
        if label is not None:
            self.set_entry_text(label, name)

    def removeItem(self, item) -> None:
        label = self.getLabel(item)
        if label is not None:
            self.full_texts.pop(id(label), None)
        super().removeItem(item)


def side_legend(plot: pg.PlotWidget | pg.PlotItem, palette: Palette) -> SideLegend:
    """A :class:`SideLegend` for ``plot``."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    legend = SideLegend(item, palette)
    fixed = QtWidgets.QSizePolicy.Policy.Fixed
    legend.setSizePolicy(fixed, fixed)  # its own size, not the row's height
    item.layout.addItem(legend, 2, 3)
    item.layout.setAlignment(legend, QtCore.Qt.AlignmentFlag.AlignTop)
    item.geometryChanged.connect(legend.elide)
    cache_static(legend)
    return legend


def legible(color: str, luminance: float = 0.35) -> str:
    """``color`` darkened (same hue) until its relative luminance is at most ``luminance``:
    readable as a line on white (the ``scaled`` yellow was nearly invisible)."""
    qcolor = QtGui.QColor(color)
    for _ in range(20):
        r, g, b = (
            (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
            for c in (qcolor.redF(), qcolor.greenF(), qcolor.blueF())
        )
        if 0.2126 * r + 0.7152 * g + 0.0722 * b <= luminance:
            break
        qcolor = qcolor.darker(115)
    return qcolor.name()


def restyle_plot(
    plot: pg.PlotWidget | pg.PlotItem, palette: Palette, x: str = "", y: str = "", title: str = ""
) -> None:
    """:func:`style_plot` for ``palette`` (axis lines and ticks at the guide-line width, so 3 px
    on a projector).  Safe to call again for new texts or a new palette."""
    style_plot(plot, title=title, palette=palette, x=x, y=y)


def set_plot_title(
    plot: pg.PlotWidget | pg.PlotItem, title: str, palette: Palette, points: float | None = None
) -> None:
    """A plot title at ``points`` (default ``palette.font_pt``), in a row tall enough for it
    (pyqtgraph fixes the title row at 30 px, which clips a projector-size title)."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    points = points or palette.font_pt
    item.setTitle(title, color=palette.foreground, size=f"{points}pt")
    height = max(30, QtGui.QFontMetrics(point_font(points)).height() + 8)
    item.titleLabel.setMaximumHeight(height)
    item.layout.setRowFixedHeight(0, height)


def relabel_legend(legend: pg.LegendItem, palette: Palette) -> None:
    """Legend text in the palette's size and colour (pyqtgraph only applies it to new text)."""
    legend.setLabelTextColor(palette.foreground)
    legend.setLabelTextSize(f"{palette.font_pt}pt")
    for _sample, label in legend.items:
        label.setText(label.text)
    if isinstance(legend, SideLegend):
        legend.elide()
    fit_legend(legend)


def fit_legend(legend: pg.LegendItem) -> None:
    """Lay the legend out again for its entries' present sizes.

    pyqtgraph sums its labels' *current* geometry, which the legend's layout updates only later:
    after smaller text (leaving projector mode) it kept the big rows, spaced far apart.
    """
    for sample, label in legend.items:
        for part in (sample, label):
            part.updateGeometry()
            part.resize(part.effectiveSizeHint(QtCore.Qt.SizeHint.PreferredSize))
    legend.layout.invalidate()
    legend.layout.activate()
    legend.updateSize()
    legend.updateGeometry()


def set_legend_text(legend: pg.LegendItem, item: pg.GraphicsObject, text: str) -> None:
    """Re-label ``item``'s legend entry (a language switch, a renamed run)."""
    label = legend.getLabel(item)
    if label is None:
        return
    if isinstance(legend, SideLegend):
        if legend.full_texts.get(id(label)) != text:
            legend.set_entry_text(label, text)
            fit_legend(legend)
    elif label.text != text:
        label.setText(text)
        fit_legend(legend)


def point_font(points: float, bold: bool = False, base: QtGui.QFont | None = None) -> QtGui.QFont:
    """The application's font (or ``base``) at ``points`` pt."""
    font = QtGui.QFont(base if base is not None else QtWidgets.QApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def widget_font_pt(palette: Palette) -> float:
    """Widget text size: the palette's in projector mode or zoomed, never below it otherwise."""
    if palette.projector or palette.zoom != 1.0:
        return float(palette.font_pt)
    base = QtWidgets.QApplication.font().pointSizeF()
    return max(float(palette.font_pt), base if base > 0 else 0.0)


def icon_scale(palette: Palette) -> float:
    """Swatches (legend icons beside text) grow with the text."""
    return max(1.0, palette.font_pt / 10.0)
