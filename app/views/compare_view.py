"""``compareView``: several initializers trained side by side, in lockstep, on the same data.

Overlaid cost curves, a row of small decision maps, the spread (std) of each layer's weights, and a
table with the milestones, for up to six configurations.  The view owns a
:class:`~app.compare_session.CompareSession` (created the first time it is shown, or by
:meth:`CompareView.start`) and, like the main window, draws only on its own ~30 fps timer: the
newest accepted frame, if it is not on screen yet.  The worker pre-computes everything expensive
(grids, their colours, the 0.5 contours), so a redraw only hands arrays to pyqtgraph.

Each configuration keeps a colour (Okabe–Ito: readable with the common colour-vision
deficiencies), a line style and a marker shape for as long as it is compared, so runs are told
apart by shape as well as colour, in the curves, the legend, the map titles and the table.

Every text is translated live (``retranslate_ui`` on ``LanguageChange``, re-rendering the last
frame's texts, so a paused comparison switches language too), and :meth:`CompareView.apply_palette`
re-applies every font, line width and marker size (projector mode, zoom).
"""

from __future__ import annotations

import dataclasses
import html
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols, drawSymbol

from app.compare_session import CompareSession, default_configs
from app.frames import CompareFrame, RunPicture, RunState
from app.i18n import Retranslatable, engine_text, error_text, translate
from app.views.cost_plot import LiveCurve
from app.views.decision_map import CLASS_COLORS, TRAIN_SYMBOLS
from app.views.qt_items import LabelSlot, PathCurve, PointMarker
from app.views.redraw_pacer import RedrawPacer
from app.views.spin_boxes import CheckedDoubleSpinBox, CheckedSpinBox, refusal_text
from app.views.style import (
    FOREGROUND,
    INIT_COLORS,
    Palette,
    StaticScatter,
    cache_static,
    style_plot,
)
from engine import initializers
from engine.activations import ACTIVATIONS
from engine.compare import (
    ACCURACY_MILESTONE,
    CHECK_EVERY,
    COST_MILESTONE,
    MAX_CONFIGS,
    CompareRow,
    config_label,
)
from engine.datasets import Dataset
from engine.initializers import INITIALIZERS
from engine.trainer import MAX_LEARNING_RATE, TrainConfig, parse_hidden

__all__ = ["OKABE_ITO", "CompareView", "RunStyle", "run_text", "state_text"]

REDRAW_MS = 33  # the fastest redraw clock: 30 fps
SLOWEST_REDRAW_MS = 100  # however slow drawing is, the numbers move at least 10 times a second
#: While training, the GUI thread may use at most this share of one core's time (its CPU time
#: between redraws, measured: drawing, painting, the table, delivering frames, everything).
#: Above it the redraw clock slows down, so that on a slow machine (or in a software-rendered
#: session) drawing does not starve training of the GIL it shares.
GUI_SHARE = 0.06
#: While training, the layer spreads (slow to move, and ~4 ms of GUI-thread time to redraw, time
#: the training waits for: the GIL) are redrawn twice a second; a still frame redraws them.
SPREAD_INTERVAL_S = 0.5
#: Okabe & Ito (2008) without yellow, which vanishes on a white background.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#000000")
_PEN = QtCore.Qt.PenStyle
#: one per slot: no two compared runs share a line style or a marker
LINE_STYLES = (
    _PEN.SolidLine,
    _PEN.DashLine,
    _PEN.DashDotLine,
    _PEN.DotLine,
    _PEN.DashDotDotLine,
    _PEN.CustomDashLine,  # long dashes, see RunStyle.pen
)
MARKERS = ("o", "s", "t", "d", "star", "x")
CURVE_WIDTH = 2.5  # a cost curve at the default palette (palette.line_width × CURVE_FACTOR)
CURVE_FACTOR = 1.25
HIGHLIGHT_FACTOR = 1.8  # the run selected in the table is drawn this much wider
SPREAD_ZERO = 1e-12  # a layer std at or below this is drawn at the axis's "0" tick
N_COLUMNS = 8  # the table's columns: see _table_columns
GUIDE_COLOR = "#555555"
ERROR_COLOR = "#b00020"
SUPPORTS_SCALE = "scale" in {f.name for f in dataclasses.fields(TrainConfig)}
_TUTORIAL = TrainConfig()

SessionFactory = Callable[[Dataset, Sequence[TrainConfig]], CompareSession]


def _default_session(data: Dataset, configs: Sequence[TrainConfig]) -> CompareSession:
    return CompareSession(data, configs)


# -- texts in the current language ----------------------------------------------------------------
def state_text(state: str, diverged_at: int | None = None) -> str:
    """A state (a ``RunState`` or ``CompareRow.state`` value) in the current language."""
    if state == "diverged" and diverged_at is not None:
        return translate("CompareView", "diverged at {n}").format(n=diverged_at)
    texts = {
        "running": translate("CompareView", "running"),
        "stepping": translate("CompareView", "stepping"),
        "paused": translate("CompareView", "paused"),
        "finished": translate("CompareView", "finished"),
        "catching up": translate("CompareView", "catching up"),
        "diverged": translate("CompareView", "diverged"),
    }
    return texts.get(state, state)


def _init_text(config: TrainConfig) -> str:
    """The initializer as people read it, translated, with ``scaled``'s multiplier."""
    init = INITIALIZERS.get(config.init)
    if init is None:
        return config.init
    text = engine_text(init.label)
    if getattr(init, "uses_scale", False):
        text += f" ×{float(getattr(config, 'scale', 1.0)):g}"
    return text


def _config_text(config: TrainConfig) -> str:
    """:func:`engine.compare.config_label` in the current language (same parts, same order)."""
    init = INITIALIZERS.get(config.init)
    parts = [_init_text(config)]
    if config.learning_rate != _TUTORIAL.learning_rate:
        parts.append(translate("CompareView", "lr {lr}").format(lr=f"{config.learning_rate:g}"))
    if config.hidden != _TUTORIAL.hidden:
        parts.append(",".join(map(str, config.hidden)))
    if config.activation != _TUTORIAL.activation:
        act = ACTIVATIONS.get(config.activation)
        parts.append(engine_text(act.label) if act is not None else config.activation)
    if config.seed != _TUTORIAL.seed and (init is None or init.uses_seed):
        parts.append(translate("CompareView", "seed {seed}").format(seed=config.seed))
    return " · ".join(parts)


def run_text(label: str, config: TrainConfig) -> str:
    """A run's name in the current language.

    Labels the comparison made itself (``config_label``, perhaps with a ``#2`` to tell two equal
    configurations apart) are rebuilt from the configuration in the current language; any other
    label is looked up as an engine string.
    """
    english = config_label(config)
    suffix = label[len(english) :]
    if label.startswith(english) and (not suffix or suffix.strip(" #").isdigit()):
        return _config_text(config) + suffix
    return engine_text(label)


def _describe(config: TrainConfig) -> str:
    """A run's whole configuration, for its tooltip."""
    init = INITIALIZERS[config.init]
    act = ACTIVATIONS.get(config.activation)
    return translate(
        "CompareView",
        "{init} ({formula}), learning rate {lr}, hidden {hidden}, {activation}, seed {seed}",
    ).format(
        init=_init_text(config),
        formula=engine_text(init.formula),
        lr=f"{config.learning_rate:g}",
        hidden=",".join(map(str, config.hidden)),
        activation=engine_text(act.label) if act is not None else config.activation,
        seed=config.seed,
    )


# -- sizes from the palette -----------------------------------------------------------------------
def _font_pt(palette: Palette) -> float:
    """Widget text size: the palette's in projector mode or zoomed, never below it otherwise."""
    if palette.projector or palette.zoom != 1.0:
        return float(palette.font_pt)
    base = QtWidgets.QApplication.font().pointSizeF()
    return max(float(palette.font_pt), base if base > 0 else 0.0)


def _qfont(points: float, bold: bool = False, base: QtGui.QFont | None = None) -> QtGui.QFont:
    font = QtGui.QFont(base if base is not None else QtWidgets.QApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _outline(palette: Palette) -> float:
    """Marker outlines: guide-line width (1 px normally, 3 px on a projector)."""
    return palette.thin_line_width


def _icon_scale(palette: Palette) -> float:
    """Swatches (legend icons in the table and over the maps) grow with the text."""
    return max(1.0, palette.font_pt / 10.0)


def _restyle_plot(
    plot: pg.PlotWidget, palette: Palette, title: str = "", x: str = "", y: str = ""
) -> None:
    """``style_plot``, then axis lines at the guide-line width (≥ 3 px on a projector)."""
    style_plot(plot, title=title, palette=palette, x=x, y=y)
    item = plot.getPlotItem()
    for name in ("left", "bottom"):
        item.getAxis(name).setPen(pg.mkPen(palette.foreground, width=palette.thin_line_width))


def _relabel_legend(legend: pg.LegendItem, palette: Palette) -> None:
    """Legend text in the palette's size and colour (pyqtgraph only applies it to new text)."""
    legend.setLabelTextColor(palette.foreground)
    legend.setLabelTextSize(f"{palette.font_pt}pt")
    for _sample, label in legend.items:
        label.setText(label.text)
    legend.updateSize()


@dataclass(frozen=True, slots=True)
class RunStyle:
    """How one configuration is drawn everywhere in the view."""

    color: str
    line: QtCore.Qt.PenStyle
    marker: str

    def pen(self, width: float = CURVE_WIDTH) -> QtGui.QPen:
        pen = pg.mkPen(self.color, width=width, style=self.line)
        if self.line is _PEN.CustomDashLine:
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


class _LegendSample(ItemSample):
    """A legend swatch that grows with the palette: its item's line, and its marker on it.

    pyqtgraph's own sample is a fixed 20 × 20 px square: too small for a projector's markers,
    and too short to show a dash pattern.  Clicking it does nothing (the stand-in it shows is
    never plotted, so hiding it would hide nothing).
    """

    def __init__(self, item: pg.PlotDataItem, width: float = 40, height: float = 20) -> None:
        super().__init__(item)
        self._w = self._h = 20.0
        self.set_size(width, height)

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
        if pen.style() != _PEN.NoPen:
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
        candidates = ([own] if own and own.upper() != "#F0E442" else []) + list(OKABE_ITO)
        color = next((c for c in candidates if c not in used_colors), OKABE_ITO[0])
        return slot, RunStyle(color, LINE_STYLES[slot], MARKERS[slot])

    def keep_only(self, keys: Sequence[int]) -> None:
        for key in [k for k in self._styles if k not in keys]:
            del self._styles[key]


# -- the overlaid cost curves ---------------------------------------------------------------------
def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = 10 ** np.floor(np.log10(value))
    for m in (1, 2, 5, 10):
        if m * exp >= value:
            return float(m * exp)
    return float(10 * exp)


class CompareCostPlot(Retranslatable, pg.PlotWidget):
    """``compareCostPlot``: one cost curve per configuration, log cost by default.

    Kept cheap for the GUI thread, which shares the GIL with training: curves and current-point
    markers are Qt-painted items (:mod:`app.views.qt_items`) fed decimated points, taking log10
    here rather than through pyqtgraph's log mode.  The decimation (a point per two pixel
    columns) also keeps projector-wide pens cheap.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareCostPlot")
        self.palette_ = palette or Palette()
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        self.legend = item.addLegend(offset=(-8, 8), labelTextColor=FOREGROUND)
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        cache_static(self.legend)
        self.milestone = pg.InfiniteLine(angle=0, movable=False)
        # Below the line at the left: every curve starts above 0.3, so that corner stays empty.
        self.milestone_label = pg.TextItem("", color=GUIDE_COLOR, anchor=(0, 0))
        item.addItem(self.milestone, ignoreBounds=True)
        item.addItem(self.milestone_label, ignoreBounds=True)
        cache_static(self.milestone, self.milestone_label)
        #: each run's current point: Qt-painted markers moved every frame (see qt_items)
        self.markers: dict[int, PointMarker] = {}
        #: each run's curve, stroked by Qt (a PlotCurveItem's Python paint cost ~0.25 ms a frame)
        self.curves: dict[int, PathCurve] = {}
        self._samples: dict[int, pg.PlotDataItem] = {}
        #: each run's curve as a cached settled part and a live tip (see LiveCurve)
        self._live: dict[int, LiveCurve] = {}
        self._tips: dict[int, PathCurve] = {}
        self._extent: dict[int, tuple[float, float]] = {}
        self._styles: dict[int, RunStyle] = {}
        self._brushes: dict[int, QtGui.QBrush] = {}
        self._current: dict[int, tuple[int, float]] = {}
        self._markers_shown = None
        self._highlight: int | None = None
        self._range = None
        self._log = False
        self.set_log_scale(True)
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    # -- language and sizes -------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Axis labels and the milestone's label; the owner names the runs (``set_label``)."""
        _restyle_plot(
            self,
            self.palette_,
            x=translate("CompareCostPlot", "iteration"),
            y=translate("CompareCostPlot", "cost"),
        )
        self.milestone_label.setText(
            translate("CompareCostPlot", "cost {value}").format(value=f"{COST_MILESTONE:g}")
        )
        self.setAccessibleName(translate("CompareCostPlot", "Cost curves of the compared runs"))

    def apply_palette(self, palette: Palette) -> None:
        """Fonts, curve widths, the guide line and the marker sizes for ``palette``."""
        self.palette_ = palette
        self.retranslate_ui()  # axis fonts, labels and pens come with the texts
        _relabel_legend(self.legend, palette)
        self.milestone.setPen(
            pg.mkPen(GUIDE_COLOR, width=palette.thin_line_width, style=_PEN.DotLine)
        )
        self.milestone_label.setFont(_qfont(palette.font_pt))
        for key, marker in self.markers.items():
            self._style_marker(key, marker)
        self._apply_pens()
        self._markers_shown = None

    def curve_width(self) -> float:
        """The width of a cost curve (the selected one is ``HIGHLIGHT_FACTOR`` wider)."""
        return self.palette_.line_width * CURVE_FACTOR

    def marker_size(self) -> float:
        """The current-point markers: a little above the palette's marker size."""
        return self.palette_.marker_size + 3

    def _legend_size(self) -> tuple[float, float]:
        height = max(20.0, self.palette_.marker_size + 8)
        return 2.2 * height, height

    def _apply_pens(self) -> None:
        width = self.curve_width()
        self._pen_curves(width)
        sample_size = self.palette_.marker_size + 1
        outline = _outline(self.palette_)
        for key, sample in self._samples.items():
            sample.setPen(self._styles[key].pen(width))
            sample.setSymbolSize(sample_size)
            sample.setSymbolPen(pg.mkPen("#000000", width=outline))
        for swatch, _label in self.legend.items:
            if isinstance(swatch, _LegendSample):
                swatch.set_size(*self._legend_size())
        self.legend.updateSize()

    # -- runs -----------------------------------------------------------------------------------
    def set_log_scale(self, on: bool) -> None:
        self._log = on
        item = self.getPlotItem()
        item.setLogMode(x=False, y=on)
        item.disableAutoRange()  # setLogMode turns auto range back on; ranges are set by hand
        pos = np.log10(COST_MILESTONE) if on else COST_MILESTONE
        self.milestone.setValue(pos)
        self.milestone_label.setPos(0, pos)
        for live in self._live.values():
            live.redraw()
        self._markers_shown = None
        self._range = None

    def is_log_scale(self) -> bool:
        return self._log

    def _y(self, cost: np.ndarray) -> np.ndarray:
        """Costs as the axis wants them: log10 on a log axis (0 clipped, never -inf)."""
        if not self._log:
            return cost
        with np.errstate(all="ignore"):
            return np.log10(np.maximum(cost, 1e-300))

    def curve_data(self, key: int) -> tuple[np.ndarray, np.ndarray]:
        """The points drawn for run ``key`` as (iteration, cost): untransformed, for tests."""
        return self._live[key].data()

    def _style_marker(self, key: int, marker: PointMarker) -> None:
        marker.set_symbol(self._styles[key].marker, self.marker_size())
        marker.setBrush(self._brushes[key])
        marker.setPen(pg.mkPen("#000000", width=_outline(self.palette_)))

    def add_run(self, key: int, label: str, style: RunStyle) -> None:
        curve = PathCurve(style.pen(self.curve_width()))
        tip = PathCurve(style.pen(self.curve_width()))
        cache_static(curve)  # blitted while only the tip moves
        for part in (curve, tip):
            self.getPlotItem().addItem(part, ignoreBounds=True)
        # The legend sample shows the line style and the marker: a stand-in, never plotted.
        sample = pg.PlotDataItem(
            pen=style.pen(self.curve_width()),
            symbol=style.marker,
            symbolSize=self.palette_.marker_size + 1,
            symbolBrush=pg.mkBrush(style.color),
            symbolPen=pg.mkPen("#000000", width=_outline(self.palette_)),
        )
        self.legend.addItem(_LegendSample(sample, *self._legend_size()), html.escape(label))
        self.curves[key], self._samples[key] = curve, sample
        self._tips[key] = tip
        self._live[key] = LiveCurve(curve, tip, self._y)
        self._styles[key] = style
        self._brushes[key] = pg.mkBrush(style.color)
        marker = PointMarker()
        marker.setZValue(10)
        self._style_marker(key, marker)
        self.getPlotItem().addItem(marker, ignoreBounds=True)
        self.markers[key] = marker

    def set_label(self, key: int, label: str) -> None:
        """Rename run ``key`` in the legend (a language switch)."""
        sample = self._samples.get(key)
        text = html.escape(label)
        for swatch, legend_label in self.legend.items:
            if swatch.item is sample and legend_label.text != text:
                legend_label.setText(text)
                self.legend.updateSize()

    def legend_texts(self) -> list[str]:
        """The legend's entries as shown (plain text)."""
        return [label.item.toPlainText() for _sample, label in self.legend.items]

    def remove_run(self, key: int) -> None:
        for items in (self.curves, self._tips, self.markers):
            self.getPlotItem().removeItem(items.pop(key))
        self.legend.removeItem(self._samples.pop(key))
        for store in (self._live, self._extent, self._styles):
            store.pop(key, None)
        self._brushes.pop(key, None)
        self._current.pop(key, None)
        if self._highlight == key:
            self._highlight = None
        self._markers_shown = None
        self._range = None

    def highlight(self, key: int | None) -> None:
        """Draw one run thicker and on top (the one selected in the table)."""
        if key == self._highlight:
            return
        self._highlight = key
        self._pen_curves(self.curve_width())

    def _pen_curves(self, width: float) -> None:
        """Each run's pen (the highlighted one wider and on top), on its curve and its tip."""
        for key, curve in self.curves.items():
            wide = key == self._highlight
            pen = self._styles[key].pen(width * (HIGHLIGHT_FACTOR if wide else 1.0))
            for part in (curve, self._tips[key]):
                part.setPen(pen)
                part.setZValue(5 if wide else 0)

    def show_run(self, run: RunPicture, cost: float, live: bool = False) -> None:
        """Draw run ``run``'s curve (``live``: while training, see LiveCurve) and note its
        current point for :meth:`show_markers`."""
        key = run.key
        live_curve = self._live[key]
        # A point per two pixel columns (each 4-pixel bucket keeps its min and its max, so
        # spikes stay): wide pens cost in proportion to the points, and the GUI thread's
        # paint time is time the training thread may wait for the GIL.
        budget = max(300, int(self.getPlotItem().getViewBox().width()) // 2)
        span = self._range[0] if self._range is not None else None
        if live_curve.show(run.history, budget, span, live):
            if np.isfinite(live_curve.extent[0]):
                self._extent[key] = live_curve.extent
            else:
                self._extent.pop(key, None)  # nothing finite drawn yet (a reset)
        if key not in self._extent and np.isfinite(cost):
            # Nothing recorded yet (iteration 0): the current point alone sets the range.
            self._extent[key] = (float(cost), float(cost))
        self._current[key] = (run.iteration, cost)

    def show_markers(self) -> None:
        """Every run's current point (moved only when one moved); none where the cost is not
        finite."""
        spots = tuple((key, it, cost) for key, (it, cost) in self._current.items())
        if spots == self._markers_shown:
            return
        self._markers_shown = spots
        ys = self._y(np.array([c for _, _, c in spots], dtype=float))
        for (key, it, _cost), y in zip(spots, ys):
            self.markers[key].move_to(it, y)

    def update_ranges(self, iteration: int, target: int) -> None:
        """x spans the target while below it (the curves fill it); y spans whole decades."""
        x_hi = target if iteration <= target else _nice_ceiling(iteration * 1.1)
        if not self._extent:
            wanted = (x_hi, None)
        else:
            lo = min(e[0] for e in self._extent.values())
            hi = max(e[1] for e in self._extent.values())
            if self._log:
                y = (np.floor(np.log10(max(lo, 1e-300))), np.ceil(np.log10(max(hi, 1e-300))))
                if y[1] - y[0] < 1:
                    y = (y[0], y[0] + 1)
            else:
                y = (0.0, _nice_ceiling(hi * 1.15))
            wanted = (x_hi, y)
        if wanted != self._range:
            self._range = wanted
            item = self.getPlotItem()
            if wanted[1] is None:
                item.setXRange(0, x_hi, padding=0.02)
            else:
                item.setRange(xRange=(0, x_hi), yRange=wanted[1], padding=0.02)


# -- per-layer weight spread ------------------------------------------------------------------
class SpreadPlot(Retranslatable, pg.PlotWidget):
    """``compareSpreadPlot``: std of each layer's weights, a line of markers per configuration.

    A log axis, since ×10 is the lesson; He's target √(2/fan_in) is drawn as short black bars.
    A log axis has no 0, so a std of exactly 0 (zeros: all weights equal) gets its own tick,
    "0", half a decade below the lowest decade shown.  Values are log10'd here and all markers
    are one ``ScatterPlotItem``, to keep the GUI thread's share of the GIL small.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareSpreadPlot")
        self.palette_ = palette or Palette()
        item = self.getPlotItem()
        item.setLogMode(x=False, y=True)  # the axis labels; the data are log10'd here
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.disableAutoRange()
        self.target = pg.PlotCurveItem(connect="pairs")
        item.addItem(self.target)
        # Top left: the range keeps half a decade of headroom above the largest spread.
        self.legend = item.addLegend(offset=(4, 2), labelTextColor=FOREGROUND)
        self._target_sample = pg.PlotDataItem()
        self.legend.addItem(_LegendSample(self._target_sample), "")
        cache_static(self.legend)
        self.markers = pg.ScatterPlotItem()
        self.markers.setZValue(10)
        item.addItem(self.markers)
        self.lines: dict[int, pg.PlotCurveItem] = {}
        self._styles: dict[int, RunStyle] = {}
        self._shown = None
        self._target_values: tuple[float, ...] = ()
        self._range = None
        self._hidden = None
        self._layers = 0
        self.zero_level: float | None = None  # where a std of 0 is drawn (log10 units)
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        _restyle_plot(
            self,
            self.palette_,
            title=translate("SpreadPlot", "weight spread per layer"),
            x=translate("SpreadPlot", "layer"),
            y=translate("SpreadPlot", "weight std"),
        )
        text = html.escape(translate("SpreadPlot", "He target √(2/fan_in)"))
        for _sample, label in self.legend.items:
            if label.text != text:
                label.setText(text)
        self.legend.updateSize()
        self._set_layer_ticks()
        self.setAccessibleName(translate("SpreadPlot", "Spread of each layer's weights"))
        # Wide enough for the title at the palette's size (style_plot draws it 1 pt larger),
        # which is centred over the plot area, right of the left axis (its label and ticks).
        metrics = QtGui.QFontMetrics(_qfont(self.palette_.font_pt + 1))
        title = translate("SpreadPlot", "weight spread per layer")
        axis = metrics.height() + metrics.horizontalAdvance("100") + 24
        self.setMinimumWidth(max(200, metrics.horizontalAdvance(title) + axis + 16))

    def apply_palette(self, palette: Palette) -> None:
        """Fonts, line widths and marker sizes for ``palette``."""
        self.palette_ = palette
        self.retranslate_ui()
        _relabel_legend(self.legend, palette)
        target_pen = pg.mkPen("#000000", width=palette.line_width)
        self.target.setPen(target_pen)
        self._target_sample.setPen(target_pen)
        height = max(20.0, palette.marker_size + 8)
        for swatch, _label in self.legend.items:
            if isinstance(swatch, _LegendSample):
                swatch.set_size(2.2 * height, height)
        self.legend.updateSize()
        self.markers.setSize(palette.marker_size + 2)
        self.markers.setPen(pg.mkPen("#000000", width=_outline(palette)))
        for key, line in self.lines.items():
            line.setPen(self._line_pen(self._styles[key]))

    def _line_pen(self, style: RunStyle) -> QtGui.QPen:
        """The thin line joining a run's markers: they carry the data, the line the order."""
        return pg.mkPen(style.color, width=1.5 * self.palette_.thin_line_width, style=style.line)

    def add_run(self, key: int, style: RunStyle) -> None:
        line = pg.PlotCurveItem(pen=self._line_pen(style))
        self.getPlotItem().addItem(line)
        self.lines[key] = line
        self._styles[key] = style
        self._shown = None

    def remove_run(self, key: int) -> None:
        self.getPlotItem().removeItem(self.lines.pop(key))
        self._styles.pop(key, None)
        self._shown = None

    def points(self, key: int) -> tuple[np.ndarray, np.ndarray]:
        """(layer position, std) as drawn for run ``key``; std 0 reads back as 0."""
        x, y = self.lines[key].getData()
        std = 10.0 ** np.asarray(y, dtype=float)
        if self.zero_level is not None:
            std[np.isclose(y, self.zero_level)] = 0.0
        return np.asarray(x, dtype=float), std

    def show_runs(self, runs: Sequence[RunPicture], live: bool = False) -> None:
        """Draw every run's layer spreads; ``live`` (training runs) skips moves under a pixel."""
        self._show_target(runs)
        range_changed = self._update_range(runs)
        state = tuple((r.key, r.layer_std) for r in runs)
        if not range_changed and (
            state == self._shown or (live and _spreads_close(state, self._shown))
        ):
            return
        self._shown = state
        n = len(runs)
        xs, ys, symbols, brushes = [], [], [], []
        zero = self.zero_level if self.zero_level is not None else -12.0
        for slot, run in enumerate(runs):
            # Side by side within each layer, so equal spreads do not hide each other.
            offset = (slot - (n - 1) / 2) * (0.5 / max(n, 2))
            std = np.array(run.layer_std, dtype=float)
            with np.errstate(all="ignore"):
                y = np.where(std > SPREAD_ZERO, np.log10(np.maximum(std, SPREAD_ZERO)), zero)
            y = np.where(np.isfinite(std), y, np.nan)
            x = np.arange(1, len(std) + 1) + offset
            self.lines[run.key].setData(x, y, connect="finite")
            style = self._styles[run.key]
            good = np.isfinite(y)
            xs.extend(x[good])
            ys.extend(y[good])
            symbols += [style.marker] * int(good.sum())
            brushes += [pg.mkBrush(style.color)] * int(good.sum())
        self.markers.setData(x=xs, y=ys, symbol=symbols, brush=brushes)

    def _show_target(self, runs: Sequence[RunPicture]) -> None:
        dims = {r.config.hidden for r in runs}
        if len(dims) != 1:  # different architectures: no single target to draw
            self.target.setData([], [])
            self._hidden, self._target_values = None, ()
            return
        hidden = next(iter(dims))
        if hidden == self._hidden:
            return
        self._hidden = hidden
        xs, ys = [], []
        for layer, n_in in enumerate((2, *hidden), start=1):
            he = float(np.sqrt(2.0 / n_in))
            xs += [layer - 0.4, layer + 0.4]
            ys += [he, he]
        self._target_values = tuple(ys)
        self.target.setData(xs, np.log10(ys))

    def _set_layer_ticks(self) -> None:
        """``W1``, ``W2``, … under the layers (the letter is translatable, like every text)."""
        if self._layers:
            ticks = [
                (i, translate("SpreadPlot", "W{n}").format(n=i)) for i in range(1, 1 + self._layers)
            ]
            self.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    def _update_range(self, runs: Sequence[RunPicture]) -> bool:
        """Whole decades around every spread and target; returns whether the axes changed."""
        layers = max((len(r.layer_std) for r in runs), default=3)
        stds = [s for r in runs for s in r.layer_std if np.isfinite(s)]
        values = [s for s in stds if s > SPREAD_ZERO] + list(self._target_values)
        has_zero = any(s <= SPREAD_ZERO for s in stds)
        lo_dec = float(np.floor(np.log10(min(values, default=0.1))))
        hi_dec = float(np.ceil(np.log10(max(values, default=1.0))))
        hi_dec = max(hi_dec, lo_dec + 1)
        wanted = (layers, lo_dec, hi_dec, has_zero)
        if wanted == self._range:
            return False
        self._range = wanted
        item = self.getPlotItem()
        bottom = lo_dec - (0.8 if has_zero else 0.1)
        item.setRange(xRange=(0.5, layers + 0.5), yRange=(bottom, hi_dec + 0.5), padding=0)
        self._layers = layers
        self._set_layer_ticks()
        left = item.getAxis("left")
        if has_zero:
            self.zero_level = lo_dec - 0.5
            decades = [(d, f"{10.0**d:g}") for d in range(int(lo_dec), int(hi_dec) + 1)]
            left.setTicks([[(self.zero_level, "0"), *decades], []])
        else:
            self.zero_level = None
            left.setTicks(None)
        return True


def _spreads_close(state: tuple, shown: tuple | None, decades: float = 0.005) -> bool:
    """Do the spreads ``state`` (key, stds per layer) move less than ``decades`` on the log axis
    from ``shown``?  (A decade is ~50 px high, so 0.005 is a tenth of a pixel.)"""
    if shown is None or len(state) != len(shown):
        return False
    with np.errstate(all="ignore"):
        for (key, new), (old_key, old) in zip(state, shown):
            if key != old_key or len(new) != len(old):
                return False
            a, b = np.log10(np.array(new, dtype=float)), np.log10(np.array(old, dtype=float))
            # equal covers 0 (-inf) and overflowed spreads; NaN (diverged) must stay NaN
            close = (a == b) | (np.abs(a - b) < decades) | (np.isnan(a) & np.isnan(b))
            if not close.all():
                return False
    return True


# -- the small decision maps ----------------------------------------------------------------------
class MiniMap(Retranslatable, QtWidgets.QWidget):
    """A title (the run's swatch and name) over a small probability map with the train points.

    The owner names the run and tells its state (in the current language); the map's own note
    ("no boundary…") is translated here.
    """

    def __init__(
        self, index: int, data: Dataset, parent=None, palette: Palette | None = None
    ) -> None:
        super().__init__(parent)
        self.palette_ = palette or Palette()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        title_row = QtWidgets.QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.setSpacing(4)
        self.swatch = QtWidgets.QLabel()
        self.title = QtWidgets.QLabel(objectName=f"compareMapTitle{index}")
        self.title.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.title.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )
        title_row.addWidget(self.swatch)
        title_row.addWidget(self.title, 1)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName(f"compareMap{index}")  # PlotWidget passes keywords to its item
        self.plot.setBackground("#ffffff")
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        self.contour = pg.PlotCurveItem(connect="pairs")
        self.contour.setZValue(5)
        item.addItem(self.contour)
        self.points: list[pg.ScatterPlotItem] = []
        for cls in (0, 1):
            pick = data.train_Y[0] == cls
            scatter = StaticScatter(
                data.train_X[0, pick],
                data.train_X[1, pick],
                symbol=TRAIN_SYMBOLS[cls],
                brush=pg.mkBrush(CLASS_COLORS[cls]),
                pen=pg.mkPen(None),
            )
            scatter.setZValue(10)
            cache_static(scatter)
            item.addItem(scatter)
            self.points.append(scatter)
        x0, x1, y0, y1 = data.bounds(0.35)
        item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        item.disableAutoRange()
        # What the picture alone cannot say (no boundary, diverged, catching up), in the middle
        # of the map: on circles that is the empty hole inside the inner ring.
        self.overlay = pg.TextItem("", anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 215))
        self.overlay.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        self.overlay.setZValue(20)
        self.overlay.setVisible(False)
        item.addItem(self.overlay, ignoreBounds=True)
        self._overlay = ""
        layout.addLayout(title_row)
        layout.addWidget(self.plot, 1)
        self.key: int | None = None
        self._label = ""
        self._style: RunStyle | None = None
        self._state = ""
        self._diverged = False
        #: why there is no boundary to see: None, ("uniform", P) or ("outside",)
        self._note: tuple | None = None
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    # -- language and sizes -------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """The map's own note; the title and the state come from the owner (``set_label``)."""
        self._refresh_overlay()

    def apply_palette(self, palette: Palette, points: float | None = None) -> None:
        """Title font (``points``, default the palette's), boundary width, point size, swatch."""
        self.palette_ = palette
        points = points if points is not None else float(palette.font_pt)
        self.title.setFont(_qfont(points, bold=True, base=self.font()))
        self.contour.setPen(pg.mkPen("#000000", width=max(1.5, palette.thin_line_width)))
        # Half the big map's point size: a map is a fifth as wide, and full-size points would
        # cover the very boundary the map is there to show.
        size = palette.marker_size / 2
        for scatter in self.points:
            scatter.setSize(size)
        self.overlay.setFont(_qfont(points))
        self._show_swatch()
        self._elide_title()

    def _show_swatch(self) -> None:
        if self._style is None:
            self.swatch.clear()
            return
        scale = _icon_scale(self.palette_)
        width, height = round(44 * scale), round(16 * scale)
        icon = self._style.icon(width, height, self.palette_.line_width)
        self.swatch.setPixmap(icon.pixmap(width, height))

    # -- contents -------------------------------------------------------------------------------
    @property
    def note(self) -> str:
        """Why there is no boundary to see, if there is none (as HTML, in the current language)."""
        if self._note is None:
            return ""
        if self._note[0] == "uniform":
            return translate("MiniMap", "no boundary:<br>P = {p}<br>everywhere").format(
                p=f"{self._note[1]:.3f}"
            )
        return translate("MiniMap", "no boundary<br>in view")

    def assign(self, key: int | None, label: str = "", style: RunStyle | None = None) -> None:
        """Show run ``key`` here from now on (clearing the previous run's picture)."""
        if key == self.key:
            return
        self.key = key
        self.image.clear()
        self.contour.setData([], [])
        self._note = None
        self._state = ""
        self._diverged = False
        self._refresh_overlay()
        self._style = style
        self._show_swatch()
        self.set_label(label)

    def set_label(self, label: str) -> None:
        """The run's name over the map (cut to the width; the tooltip has it whole)."""
        self._label = label
        self.title.setToolTip(label)
        self.plot.setAccessibleName(
            translate("MiniMap", "Decision map: {name}").format(name=label) if label else ""
        )
        self._elide_title()

    def _elide_title(self) -> None:
        """The name cut with "…" to the map's width (the tooltip has it whole)."""
        metrics = QtGui.QFontMetrics(self.title.font())
        swatch = self.swatch.pixmap()
        swatch_w = swatch.width() if swatch is not None and not swatch.isNull() else 44
        room = max(40, self.width() - swatch_w - 12)  # less the swatch and the spacing
        text = metrics.elidedText(self._label, QtCore.Qt.TextElideMode.ElideRight, room)
        if text != self.title.text():
            self.title.setText(text)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def set_state(self, state: str, diverged: bool = False) -> None:
        """Show a state worth noticing ("diverged at 12", "catching up") on the map.

        ``state`` is already in the current language; ``diverged`` fades the picture.
        """
        self._state = state
        self._diverged = diverged or state.startswith("diverged")
        self._refresh_overlay()

    def _refresh_overlay(self) -> None:
        """A state outranks a note; a diverged run's last picture is faded: it means nothing."""
        if self._state:
            html_text = f"<b style='color:{ERROR_COLOR}'>{html.escape(self._state)}</b>"
        elif self._note is not None:
            html_text = f"<span style='color:#222222'>{self.note}</span>"
        else:
            html_text = ""
        if html_text != self._overlay:  # text items re-lay out on every change: only if needed
            self._overlay = html_text
            self.overlay.setHtml(html_text)
            self.overlay.setVisible(bool(html_text))
        self.image.setOpacity(0.35 if self._state and self._diverged else 1.0)

    def show_grid(self, run: RunPicture) -> None:
        grid = run.grid
        if grid is None or run.heatmap is None:
            return
        self.image.setImage(run.heatmap, autoLevels=False)
        x0, x1, y0, y1 = grid.bounds
        nx, ny = len(grid.xs), len(grid.ys)
        dx, dy = (x1 - x0) / max(nx - 1, 1), (y1 - y0) / max(ny - 1, 1)
        self.image.setRect(QtCore.QRectF(x0 - dx / 2, y0 - dy / 2, dx * nx, dy * ny))
        segments = grid.boundary
        if len(segments):
            self.contour.setData(segments[:, :, 0].ravel(), segments[:, :, 1].ravel())
            self._note = None
        else:  # say why the map is blank (zeros: P = 0.5 everywhere), do not leave it to guess
            self.contour.setData([], [])
            probs = grid.probs
            if np.isfinite(probs).all() and float(np.ptp(probs)) < 1e-9:
                self._note = ("uniform", float(probs.flat[0]))
            else:
                self._note = ("outside",)
        self._refresh_overlay()


# -- the rows of controls -------------------------------------------------------------------------
class _FlowLayout(QtWidgets.QLayout):
    """Items left to right, wrapping onto a new line when the width runs out.

    Qt's flow-layout example, plus: an item whose widget's horizontal size policy is ``Ignored``
    (the status line) takes the rest of its line, or a line of its own if less than its minimum
    width is left.  Its preferred size is everything on one line, so a wide window looks like a
    plain row.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QtWidgets.QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QtWidgets.QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> QtCore.Qt.Orientation:
        return QtCore.Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QtCore.QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QtCore.QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QtCore.QSize:
        hints = [self._hint(item) for item in self._items]
        width = sum(h.width() for h in hints) + self._gap * max(0, len(hints) - 1)
        return QtCore.QSize(width, max((h.height() for h in hints), default=0))

    def minimumSize(self) -> QtCore.QSize:
        size = QtCore.QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    @staticmethod
    def _fills(item: QtWidgets.QLayoutItem) -> bool:
        widget = item.widget()
        policy = widget.sizePolicy().horizontalPolicy() if widget is not None else None
        return policy == QtWidgets.QSizePolicy.Policy.Ignored

    def _hint(self, item: QtWidgets.QLayoutItem) -> QtCore.QSize:
        return item.minimumSize() if self._fills(item) else item.sizeHint()

    def _arrange(self, rect: QtCore.QRect, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        right = rect.right() + 1
        for item in self._items:
            if item.isEmpty():
                continue
            hint = self._hint(item)
            width = hint.width()
            if x > rect.x() and x + width > right:  # no room left on this line
                x, y, line = rect.x(), y + line + self._gap // 2, 0
            if self._fills(item):
                width = max(width, right - x)
            if apply:
                item.setGeometry(
                    QtCore.QRect(QtCore.QPoint(x, y), QtCore.QSize(width, hint.height()))
                )
            x += width + self._gap
            line = max(line, hint.height())
        return y + line - rect.y()


def _flow_row(name: str, *groups: Sequence[QtWidgets.QWidget]) -> QtWidgets.QWidget:
    """A row of widget groups that wraps between groups (never inside one)."""
    row = QtWidgets.QWidget(objectName=name)
    flow = _FlowLayout(row)
    for widgets in groups:
        if len(widgets) == 1:
            flow.addWidget(widgets[0])
            continue
        group = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(group)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in widgets:
            layout.addWidget(widget)
        flow.addWidget(group)
    return row


# -- the view -------------------------------------------------------------------------------------
def _table_columns() -> tuple[str, ...]:
    return (
        translate("CompareView", "Configuration"),
        translate("CompareView", "Iteration"),
        translate("CompareView", "Cost"),
        translate("CompareView", "Train accuracy"),
        translate("CompareView", "Test accuracy"),
        translate("CompareView", "Cost ≤ {cost} at").format(cost=f"{COST_MILESTONE:g}"),
        translate("CompareView", "Train acc ≥ {accuracy} at").format(
            accuracy=f"{ACCURACY_MILESTONE:.0%}"
        ),
        translate("CompareView", "State"),
    )


def _row_texts(row: CompareRow, label: str) -> tuple[str, ...]:
    """One table row in the current language; ``label`` is the run's name, already translated."""

    def milestone(at: int | None) -> str:
        return translate("CompareView", "not reached") if at is None else f"{at:,}"

    def accuracy(value: float, n: int) -> str:
        return f"{value:.4f} ({round(value * n)}/{n})"

    finite = bool(np.isfinite(row.cost))
    cost = f"{row.cost:.6g}" if finite else translate("CompareView", "not finite")
    return (
        label,
        f"{row.iteration:,}",
        cost,
        accuracy(row.train_accuracy, row.n_train),
        accuracy(row.test_accuracy, row.n_test),
        milestone(row.cost_reached_at),
        milestone(row.accuracy_reached_at),
        state_text(row.state, row.diverged_at),
    )


def _bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


class CompareView(Retranslatable, QtWidgets.QWidget):
    """Side-by-side comparison of initializers; see the module docstring.

    ``session_factory(data, configs)`` builds the session (tests inject their own); the default
    comparison is the tutorial's zeros, random ×10 and He.
    """

    errorOccurred = QtCore.pyqtSignal(str)

    def __init__(
        self,
        data: Dataset,
        parent: QtWidgets.QWidget | None = None,
        session_factory: SessionFactory | None = None,
        palette: Palette | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.data = data
        self.palette_ = palette or Palette()
        self.session: CompareSession | None = None
        self._session_factory = session_factory or _default_session
        self._styles = StyleBook()
        self._drawn: CompareFrame | None = None
        self._keys: tuple[int, ...] = ()
        self._names: dict[int, str] = {}  # key → the run's name in the current language
        self._given: dict[int, str] = {}  # key → the label Add gave it (until it is removed)
        self.redraws = 0
        self._said_error = False
        #: makes the status line's text: kept, so that a language switch can say it again
        self._status_source: Callable[[], str] | None = None
        self._pacer = RedrawPacer(REDRAW_MS, SLOWEST_REDRAW_MS, GUI_SHARE)
        self._last_spread = 0.0  # when the spreads were last redrawn (perf_counter)
        self._build_ui()
        self.redraw_timer = QtCore.QTimer(self)
        self.redraw_timer.setObjectName("compareRedrawTimer")
        self.redraw_timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.redraw_timer.timeout.connect(self.redraw)
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    # -- construction ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(4)
        outer.addWidget(self._build_add_row())
        outer.addWidget(self._build_run_row())

        self.cost_plot = CompareCostPlot(palette=self.palette_)
        self.spread_plot = SpreadPlot(palette=self.palette_)
        top = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal, objectName="compareTopSplit")
        top.addWidget(self.cost_plot)
        top.addWidget(self.spread_plot)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        self.cost_plot.setMinimumSize(320, 180)
        self.spread_plot.setMinimumHeight(180)

        maps = QtWidgets.QWidget(objectName="compareMaps")
        row = QtWidgets.QHBoxLayout(maps)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.maps = [MiniMap(i, self.data, palette=self.palette_) for i in range(MAX_CONFIGS)]
        for mini in self.maps:
            mini.setMinimumSize(110, 130)
            mini.setVisible(False)
            row.addWidget(mini, 1)

        self.table = QtWidgets.QTableWidget(0, N_COLUMNS, objectName="compareTable")
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: it is one stop of many
        self.table.verticalHeader().setVisible(False)
        self.table.setIconSize(QtCore.QSize(44, 16))
        header = self.table.horizontalHeader()
        header.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.viewport().installEventFilter(self)

        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical, objectName="compareSplit")
        split.addWidget(top)
        split.addWidget(maps)
        split.addWidget(self.table)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 3)
        split.setChildrenCollapsible(False)
        self.table.setMinimumHeight(110)
        outer.addWidget(split, 1)
        self._split = split
        self._user_split = False
        split.splitterMoved.connect(self._on_splitter_moved)

    def _on_splitter_moved(self, *_args) -> None:
        self._user_split = True

    def _fit_split(self) -> None:
        """Table tall enough for its rows, maps as large as they can be, curves above them.

        Only until the user drags a splitter handle: then their layout is theirs.
        """
        total = self._split.height()
        if self._user_split or total <= 0:
            return
        table = self.table
        rows = max(3, table.rowCount())
        wanted = (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        if table.horizontalScrollBar().maximum() > 0:
            wanted += table.horizontalScrollBar().sizeHint().height()
        table_h = min(wanted, int(total * 0.34))
        maps_h = int((total - table_h) * 0.43)
        self._split.setSizes([total - table_h - maps_h, maps_h, table_h])

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_split()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """The table's viewport changed width: share the columns out again."""
        if (
            event.type() == QtCore.QEvent.Type.Resize
            and watched is self.table.viewport()
            and event.size().width() != event.oldSize().width()
        ):
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Every column as wide as its texts need, plus an even share of the room left.

        When there is not room for all (projector-sized text on a narrow screen) the table
        scrolls sideways rather than cutting numbers short with "…".
        """
        table, header = self.table, self.table.horizontalHeader()
        cells = QtGui.QFontMetrics(table.font())
        heads = QtGui.QFontMetrics(header.font())
        margin = table.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_HeaderMargin)
        frame = self._drawn
        n_train, n_test = (
            (frame.rows[0].n_train, frame.rows[0].n_test) if frame and frame.rows else (300, 100)
        )
        never = translate("CompareView", "not reached")
        states = [
            state_text(s) for s in ("running", "stepping", "paused", "finished", "catching up")
        ]
        samples = (
            (),
            ("000,000",),
            ("0.000000", translate("CompareView", "not finite")),
            (f"0.0000 ({n_train}/{n_train})",),
            (f"0.0000 ({n_test}/{n_test})",),
            ("000,000", never),
            ("000,000", never),
            (*states, state_text("diverged", 999_999)),
        )
        titles = _table_columns()
        needs = [
            max(
                heads.horizontalAdvance(titles[c]) + 2 * margin + 8,
                max((cells.horizontalAdvance(text) for text in samples[c]), default=0) + 16,
            )
            for c in range(N_COLUMNS)
        ]
        first = max(table.sizeHintForColumn(0), needs[0])
        room = table.viewport().width() - first - 2
        spare = max(0, room - sum(needs[1:])) // (N_COLUMNS - 1)  # shared out evenly
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, first)
        for c in range(1, N_COLUMNS):
            header.resizeSection(c, needs[c] + spare)
        header.setStretchLastSection(True)

    def _build_add_row(self) -> QtWidgets.QWidget:
        self.config_heading = QtWidgets.QLabel(objectName="compareConfigLabel")
        self.init_combo = QtWidgets.QComboBox(objectName="compareInitCombo")
        for name, init in INITIALIZERS.items():
            self.init_combo.addItem(init.label, name)
        self.init_combo.setCurrentIndex(max(0, self.init_combo.findData("he")))
        # Room for a short name; long ones show whole in the list (a projector's width is dear).
        self.init_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.init_combo.setMinimumContentsLength(10)
        self.config_heading.setBuddy(self.init_combo)
        first = [self.config_heading, self.init_combo]
        self.scale_spin: QtWidgets.QDoubleSpinBox | None = None
        if SUPPORTS_SCALE:
            self.scale_spin = CheckedDoubleSpinBox(objectName="compareScaleSpin")
            self.scale_spin.setDecimals(4)
            self.scale_spin.setRange(1e-3, getattr(initializers, "MAX_SCALE", 100.0))
            self.scale_spin.setValue(1.0)
            self.scale_spin.setKeyboardTracking(False)
            self.scale_spin.setPrefix("×")
            first.append(self.scale_spin)
            self.init_combo.currentIndexChanged.connect(self._sync_scale_enabled)
            self._sync_scale_enabled()
        self.lr_label = QtWidgets.QLabel(objectName="compareLrLabel")
        self.lr_spin = CheckedDoubleSpinBox(objectName="compareLrSpin")
        self.lr_spin.setDecimals(6)
        self.lr_spin.setRange(1e-6, MAX_LEARNING_RATE)
        self.lr_spin.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setValue(0.01)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_label.setBuddy(self.lr_spin)
        self.hidden_label = QtWidgets.QLabel(objectName="compareHiddenLabel")
        self.hidden_edit = QtWidgets.QLineEdit("10,5", objectName="compareHiddenEdit")
        self.hidden_edit.returnPressed.connect(self.add_from_controls)
        for box in (b for b in (self.scale_spin, self.lr_spin) if b is not None):
            box.refused.connect(
                lambda text, b=box: self._say(lambda: refusal_text(b, text), error=True)
            )
        self.hidden_label.setBuddy(self.hidden_edit)
        self.add_button = QtWidgets.QPushButton(objectName="compareAddButton")
        self.add_button.clicked.connect(self.add_from_controls)
        self.remove_button = QtWidgets.QPushButton(objectName="compareRemoveButton")
        self.remove_button.clicked.connect(self.remove_selected)
        # Groups that stay together; on a narrow screen (a projector's large text) the row
        # wraps between them instead of squeezing every control.
        return _flow_row(
            "compareAddRow",
            first,
            [self.lr_label, self.lr_spin],
            [self.hidden_label, self.hidden_edit],
            [self.add_button, self.remove_button],
        )

    def _build_run_row(self) -> QtWidgets.QWidget:
        self.together_heading = QtWidgets.QLabel(objectName="compareTogetherLabel")
        self.play_button = QtWidgets.QPushButton(objectName="comparePlayButton")
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button = QtWidgets.QPushButton(objectName="compareStepButton")
        self.step_button.clicked.connect(self.step_clicked)
        self.step_size = CheckedSpinBox(objectName="compareStepSizeSpin")
        self.step_size.setRange(1, 1_000_000)
        self.step_size.setValue(1)
        self.step_size.setGroupSeparatorShown(True)
        self.step_size.refused.connect(
            lambda text: self._say(lambda: refusal_text(self.step_size, text), error=True)
        )
        self.reset_button = QtWidgets.QPushButton(objectName="compareResetButton")
        self.reset_button.clicked.connect(self.reset)
        for button in (self.play_button, self.step_button, self.reset_button):
            button.setMinimumWidth(72)
        self.log_check = QtWidgets.QCheckBox(objectName="compareLogCheck")
        self.log_check.setChecked(True)
        self.log_check.toggled.connect(self._on_log_scale)
        self.status = QtWidgets.QLabel(objectName="compareStatusLabel")
        self.status.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.status.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        self._status_slot = LabelSlot(self.status)
        self._status_slot.setMinimumWidth(160)
        return _flow_row(
            "compareRunRow",
            [
                self.together_heading,
                self.play_button,
                self.step_button,
                self.step_size,
                self.reset_button,
            ],
            [self.log_check],
            # Takes the rest of its line (its size policy is Ignored); in a slot, so its new
            # text every frame does not re-lay out the row and the view around it.
            [self._status_slot],
        )

    def _controls(self) -> tuple[QtWidgets.QWidget, ...]:
        """Every control a person operates, in tab order."""
        scale = (self.scale_spin,) if self.scale_spin is not None else ()
        return (
            self.init_combo,
            *scale,
            self.lr_spin,
            self.hidden_edit,
            self.add_button,
            self.remove_button,
            self.play_button,
            self.step_button,
            self.step_size,
            self.reset_button,
            self.log_check,
            self.table,
        )

    def _sync_scale_enabled(self, *_args) -> None:
        if self.scale_spin is not None:
            self.scale_spin.setEnabled(_uses_scale(self.init_combo.currentData()))

    # -- language -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text of the view in the current language, the last frame's included.

        A paused comparison gets no new frame, so the table, the legend, the map titles and
        states, the Play/Pause button and the status line are re-rendered from the last one.
        """
        self.config_heading.setText(_bold(translate("CompareView", "Configuration")))
        for name, init in INITIALIZERS.items():
            index = self.init_combo.findData(name)
            label, formula = engine_text(init.label), engine_text(init.formula)
            self.init_combo.setItemText(index, label)
            self.init_combo.setItemData(
                index,
                f"<b>{label}</b> ({formula})<br>{engine_text(init.explanation)}",
                QtCore.Qt.ItemDataRole.ToolTipRole,
            )
        _tips(
            self.init_combo,
            translate("CompareView", "Initializer of the configuration to add"),
            translate("CompareView", "The initializer of the configuration that Add compares next"),
        )
        if self.scale_spin is not None:
            _tips(
                self.scale_spin,
                translate("CompareView", "Weight scale"),
                translate("CompareView", "The weight scale of the 'scaled' initializer"),
            )
        self.lr_label.setText(translate("CompareView", "lr"))
        _tips(
            self.lr_spin,
            translate("CompareView", "Learning rate of the configuration to add"),
            translate(
                "CompareView", "The learning rate of the configuration that Add compares next"
            ),
        )
        self.hidden_label.setText(translate("CompareView", "hidden"))
        _tips(
            self.hidden_edit,
            translate("CompareView", "Hidden layers of the configuration to add"),
            translate("CompareView", "Hidden layer sizes, e.g. 10,5 (the tutorial's) or 50,50,50"),
        )
        self.add_button.setText(translate("CompareView", "Add"))
        _tips(
            self.add_button,
            translate("CompareView", "Add configuration"),
            translate(
                "CompareView",
                "Compare this configuration too (up to {n}); it catches up with the others' "
                "iteration, then trains in step with them",
            ).format(n=MAX_CONFIGS),
        )
        self.remove_button.setText(translate("CompareView", "Remove selected"))
        _tips(
            self.remove_button,
            translate("CompareView", "Remove selected configuration"),
            translate("CompareView", "Stop comparing the configuration selected in the table"),
        )
        self.together_heading.setText(_bold(translate("CompareView", "All together")))
        _tips(
            self.play_button,
            translate("CompareView", "Play or pause every configuration"),
            translate("CompareView", "Run or pause every configuration, in step"),
        )
        self.step_button.setText(translate("CompareView", "Step"))
        _tips(
            self.step_button,
            translate("CompareView", "Step every configuration"),
            translate(
                "CompareView",
                "While paused: every configuration takes the given number of steps. "
                "While running: pause",
            ),
        )
        _tips(
            self.step_size,
            translate("CompareView", "Steps per click of Step"),
            translate("CompareView", "How many gradient steps one click of Step takes"),
        )
        self.reset_button.setText(translate("CompareView", "Reset"))
        _tips(
            self.reset_button,
            translate("CompareView", "Reset every configuration"),
            translate("CompareView", "Every configuration back to iteration 0, same weights"),
        )
        self.log_check.setText(translate("CompareView", "Log-scale cost"))
        _tips(
            self.log_check,
            translate("CompareView", "Log-scale cost"),
            translate(
                "CompareView", "Random ×10 starts near 1774: a log axis keeps all curves legible"
            ),
        )
        self.status.setAccessibleName(translate("CompareView", "Comparison status"))
        self.table.setHorizontalHeaderLabels(_table_columns())
        _tips(
            self.table,
            translate("CompareView", "Compared configurations"),
            translate(
                "CompareView",
                "Milestones are exact to the iteration: checked every {n} steps, then pinned by "
                "replaying the steps since the previous check.",
            ).format(n=CHECK_EVERY),
        )
        frame = self._drawn
        if frame is not None:
            self._name_runs(frame)
            self._show_table(frame.rows)
            self._show_map_states(frame)
        self._show_play(frame.state if frame is not None else RunState.PAUSED)
        self._fit_columns()
        if self._status_source is not None:
            self._set_status(self._status_source())

    # -- sizes ----------------------------------------------------------------------------------
    def apply_palette(self, palette: Palette) -> None:
        """Re-apply every size for ``palette`` (projector mode, zoom): fonts, lines, markers.

        Widget text (labels, buttons, the table and its header) gets ``palette.font_pt`` or
        more; the plots get their axis fonts, line widths and marker sizes from the palette.
        """
        self.palette_ = palette
        points = _font_pt(palette)
        font = _qfont(points)
        self.setFont(font)
        # Fonts do not propagate into windows: the combo box's drop-down list is one.
        self.init_combo.view().setFont(font)
        self.table.setFont(font)
        self.table.horizontalHeader().setFont(font)
        for heading in (self.config_heading, self.together_heading):
            heading.setFont(font)
        self.cost_plot.apply_palette(palette)
        self.spread_plot.apply_palette(palette)
        for mini in self.maps:
            mini.apply_palette(palette, points)
        scale = _icon_scale(palette)
        self.table.setIconSize(QtCore.QSize(round(44 * scale), round(16 * scale)))
        metrics = QtGui.QFontMetrics(font)
        self.table.verticalHeader().setDefaultSectionSize(
            max(metrics.height() + 8, round(16 * scale) + 6)
        )
        # The header and two rows at least (the rest scrolls): a projector screen is short.
        self.table.setMinimumHeight(
            max(110, metrics.height() + 10 + 2 * self.table.verticalHeader().defaultSectionSize())
        )
        self.hidden_edit.setFixedWidth(max(110, metrics.horizontalAdvance("50,50,50") + 24))
        self._show_table_icons()
        self._fit_columns()
        self._fit_split()

    def _show_table_icons(self) -> None:
        frame = self._drawn
        if frame is None:
            return
        size = self.table.iconSize()
        for r, row in enumerate(frame.rows):
            item = self.table.item(r, 0)
            if item is not None:
                style = self._styles.get(row.key, row.init)
                item.setIcon(style.icon(size.width(), size.height(), self.palette_.line_width))

    # -- lifetime -------------------------------------------------------------------------------
    def start(self, configs: Sequence[TrainConfig] | None = None) -> CompareSession:
        """Create the session (the worker thread) if there is none yet; returns it."""
        if self.session is None:
            configs = default_configs() if configs is None else tuple(configs)
            self.session = self._session_factory(self.data, configs)
            self.session.failed.connect(self._show_error)
            self.redraw_timer.start(REDRAW_MS)
        return self.session

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """Training starts (paused) the first time the view is shown: no thread until needed."""
        super().showEvent(event)
        self.start()
        self._drawn = None  # a hidden view skipped frames: draw the newest now

    def shutdown(self) -> bool:
        """Stop the worker and join its thread; safe to call twice (and without a session)."""
        self.redraw_timer.stop()
        return self.session.shutdown() if self.session is not None else True

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- user actions -----------------------------------------------------------------------------
    def toggle_play(self) -> None:
        self.start().toggle_play()

    def step_clicked(self) -> None:
        self.start().step(self.step_size.value())

    def reset(self) -> None:
        self.start().reset()
        self._say(
            lambda: translate(
                "CompareView",
                "reset: every configuration back to iteration 0, same initial weights",
            )
        )

    def config_from_controls(self) -> TrainConfig:
        """The configuration the add controls describe; ``ValueError`` says what is wrong."""
        changes = {
            "init": self.init_combo.currentData(),
            "learning_rate": self.lr_spin.value(),
            "hidden": parse_hidden(self.hidden_edit.text()),
        }
        if self.scale_spin is not None and _uses_scale(changes["init"]):
            changes["scale"] = self.scale_spin.value()
        return TrainConfig(**changes)

    def add_from_controls(self) -> int | None:
        """Add the configuration the controls describe; returns its key, or None if refused."""
        session = self.start()
        try:
            config = self.config_from_controls()
        except ValueError as exc:
            text, refusal = self.hidden_edit.text(), exc
            self._say(
                lambda: translate("CompareView", "“{text}” refused: {reason}").format(
                    text=text, reason=error_text(refusal)
                ),
                error=True,
            )
            return None
        if not session.can_add():
            self._say(
                lambda: translate(
                    "CompareView", "at most {n} configurations at once: remove one first"
                ).format(n=MAX_CONFIGS),
                error=True,
            )
            return None
        label = self._unique_label(config_label(config))
        key = session.add(config, label)
        self._given[key] = label
        self._sync_buttons()
        return key

    def _unique_label(self, label: str) -> str:
        """``He``, then ``He #2``: the legend and the table must name every run apart.

        Runs added since the last frame count too (two quick Adds must not share a name).
        """
        session = self.session
        frame = (session.latest if session is not None else None) or self._drawn
        taken = {row.label for row in frame.rows} if frame is not None else set()
        keys = set(session.keys) if session is not None else set()
        self._given = {k: given for k, given in self._given.items() if k in keys}
        taken |= set(self._given.values())
        n, unique = 1, label
        while unique in taken:
            n += 1
            unique = f"{label} #{n}"
        return unique

    def remove_selected(self) -> bool:
        """Remove the configuration selected in the table (the last one if none is selected)."""
        session = self.start()
        keys = list(self._keys) or list(session.keys)
        if not keys:
            return False
        rows = self.table.selectionModel().selectedRows()
        index = rows[0].row() if rows else len(keys) - 1
        removed = session.remove(keys[min(index, len(keys) - 1)])
        self.table.clearSelection()
        self._sync_buttons()
        return removed

    def _on_log_scale(self, on: bool) -> None:
        self.cost_plot.set_log_scale(on)
        self._drawn = None

    def _on_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        key = self._keys[rows[0].row()] if rows and rows[0].row() < len(self._keys) else None
        self.cost_plot.highlight(key)

    def _sync_buttons(self) -> None:
        session = self.session
        self.add_button.setEnabled(session is None or session.can_add())
        self.remove_button.setEnabled(session is not None and bool(session.keys))

    def _say(self, text: str | Callable[[], str], error: bool = False) -> None:
        """Show a message on the status line.

        Pass a function that makes the text (in the current language) rather than the text, and
        a language switch says it again in the new language.
        """
        self._status_source = text if callable(text) else (lambda: text)
        self.status.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self._set_status(self._status_source())
        self._said_error = error

    def _set_status(self, text: str) -> None:
        if text != self.status.text():
            self.status.setText(text)
            self.status.setToolTip(text)  # the line may be cut short in a narrow window

    def _show_error(self, message: str) -> None:
        lines = message.strip().splitlines()
        last = lines[-1] if lines else message
        self._say(lambda: translate("CompareView", "stopped: {error}").format(error=last), True)
        self.errorOccurred.emit(message)

    # -- drawing ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Timer tick: draw the newest accepted frame, if it is not on screen yet."""
        session = self.session
        frame = session.latest if session is not None else None
        if frame is None or frame is self._drawn or not self.isVisible():
            return
        busy = frame.state in (RunState.RUNNING, RunState.STEPPING)
        interval = self._pacer.redrawn(busy)  # measured from here to the next redraw
        self._draw(frame)
        current = self.redraw_timer.interval()
        # A few ms either way is noise (and each change tells the worker a new frame rate).
        if interval != current and (abs(interval - current) > 5 or interval == REDRAW_MS):
            self.redraw_timer.setInterval(interval)
            if self.session is not None:
                self.session.set_frame_rate(1000.0 / interval)

    def _draw(self, frame: CompareFrame) -> None:
        self._drawn = frame
        self.redraws += 1
        relayout = frame.keys != self._keys
        if relayout:
            self._relayout(frame)
        rows = {row.key: row for row in frame.rows}
        moving = frame.state in (RunState.RUNNING, RunState.STEPPING)
        for run in frame.runs:
            self.cost_plot.show_run(run, rows[run.key].cost, moving)
        self.cost_plot.show_markers()
        self.cost_plot.update_ranges(frame.iteration, frame.target)
        now = time.perf_counter()
        if not moving or relayout or now - self._last_spread >= SPREAD_INTERVAL_S:
            self._last_spread = now
            self.spread_plot.show_runs(frame.runs, live=moving)
        self._show_map_states(frame)
        for mini, run in zip(self.maps, frame.runs):
            mini.show_grid(run)
        # The numbers every frame: they must agree with the curves' current points.
        self._show_table(frame.rows)
        self._show_state(frame)
        if relayout:  # new rows, new names: fit the columns and the table's height to them
            self._fit_columns()
            self._fit_split()

    def _show_map_states(self, frame: CompareFrame) -> None:
        rows = {row.key: row for row in frame.rows}
        for mini, run in zip(self.maps, frame.runs):
            row = rows[run.key]
            quiet = row.state in ("running", "paused", "finished")
            mini.set_state(
                "" if quiet else state_text(row.state, row.diverged_at),
                diverged=row.state == "diverged",
            )

    def _name_runs(self, frame: CompareFrame) -> None:
        """Every run's name and description in the current language, wherever it is shown."""
        self._names = {run.key: run_text(run.label, run.config) for run in frame.runs}
        for r, run in enumerate(frame.runs):
            name = self._names[run.key]
            self.cost_plot.set_label(run.key, name)
            if r < len(self.maps):
                self.maps[r].set_label(name)
            item = self.table.item(r, 0)
            if item is not None:
                item.setToolTip(_describe(run.config))

    def _relayout(self, frame: CompareFrame) -> None:
        """The set of configurations changed: add and remove their plot items and rows."""
        keys = frame.keys
        gone = [k for k in self._keys if k not in keys]
        for key in gone:
            self.cost_plot.remove_run(key)
            self.spread_plot.remove_run(key)
        self._styles.keep_only(keys)
        inits = {run.key: run for run in frame.runs}
        for key in keys:
            if key not in self._keys:
                run = inits[key]
                style = self._styles.get(key, run.config.init)
                self.cost_plot.add_run(key, run_text(run.label, run.config), style)
                self.spread_plot.add_run(key, style)
        for i, mini in enumerate(self.maps):
            if i < len(frame.runs):
                run = frame.runs[i]
                style = self._styles.get(run.key, run.config.init)
                mini.assign(run.key, run_text(run.label, run.config), style)
                mini.setVisible(True)
            else:
                mini.assign(None)
                mini.setVisible(False)
        self.table.setRowCount(len(frame.rows))
        for r in range(len(frame.rows)):
            for c in range(N_COLUMNS):
                item = QtWidgets.QTableWidgetItem("")
                if c:
                    item.setTextAlignment(
                        QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self._show_table_icons()
        self._name_runs(frame)
        self._keys = keys
        self._sync_buttons()
        self._on_selection()

    def _show_table(self, rows: Sequence[CompareRow]) -> None:
        for r, row in enumerate(rows):
            name = self._names.get(row.key, row.label)
            for c, text in enumerate(_row_texts(row, name)):
                item = self.table.item(r, c)
                if item is not None and item.text() != text:  # unchanged cells cost nothing
                    item.setText(text)

    def _show_play(self, state: RunState) -> None:
        running = state is RunState.RUNNING
        text = translate("CompareView", "Pause") if running else translate("CompareView", "Play")
        if text != self.play_button.text():
            self.play_button.setText(text)

    def _show_state(self, frame: CompareFrame) -> None:
        running = frame.state in (RunState.RUNNING, RunState.STEPPING)
        self._show_play(frame.state)
        if self._said_error and not running:
            return  # keep an error or refusal readable until training moves again
        self._say(lambda: _status_text(frame))


def _status_text(frame: CompareFrame) -> str:
    """The status line for ``frame`` in the current language."""
    running = frame.state in (RunState.RUNNING, RunState.STEPPING)
    parts = [
        translate("CompareView", "iteration {i} of {n}").format(
            i=f"{frame.iteration:,}", n=f"{frame.target:,}"
        ),
        state_text(frame.state.value),
    ]
    if running and frame.steps_per_second:
        parts.append(
            translate("CompareView", "{rate} steps/s in all").format(
                rate=f"{frame.steps_per_second:,.0f}"
            )
        )
    if any(row.state == "catching up" for row in frame.rows):
        parts.append(translate("CompareView", "a new configuration is catching up"))
    if frame.coarse_maps is not None:
        resolution, rate = frame.coarse_maps
        parts.append(
            translate("CompareView", "maps {n}×{n}, {rate}×/s, so training stays fast").format(
                n=resolution, rate=f"{rate:.0f}"
            )
        )
    return " · ".join(parts)


def _tips(widget: QtWidgets.QWidget, name: str, tip: str = "") -> None:
    """Screen readers read the accessible name; the tooltip says what the control does."""
    widget.setAccessibleName(name)
    if tip:
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)


def _uses_scale(name: str) -> bool:
    """Does this initializer take the multiplier (``scaled``)?"""
    init = INITIALIZERS.get(name)
    return bool(getattr(init, "uses_scale", name == "scaled"))
