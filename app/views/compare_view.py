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
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols

from app.commands import RunState
from app.compare_session import CompareSession, default_configs
from app.compare_worker import CompareFrame, RunPicture
from app.views.cost_plot import peak_decimate
from app.views.decision_map import CLASS_COLORS, TRAIN_SYMBOLS
from app.views.style import FOREGROUND, INIT_COLORS, Palette, cache_static, style_plot
from engine import initializers
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

__all__ = ["OKABE_ITO", "CompareView", "RunStyle"]

REDRAW_MS = 33  # the fastest redraw clock: 30 fps
SLOWEST_REDRAW_MS = 100  # however slow drawing is, the numbers move at least 10 times a second
#: While training, redraws may take at most this share of one core's time (GUI CPU time,
#: measured).  Above it the redraw clock slows down, so that on a slow machine (or in a
#: software-rendered session) drawing does not starve training of the GIL it shares.
GUI_SHARE = 0.06
SPREAD_INTERVAL_S = 0.25  # layer spreads change slowly: 4 updates a second are plenty
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
CURVE_WIDTH = 2.5
SEALED_CHUNK_POINTS = 512  # a sealed history chunk is decimated once, to this many points
SPREAD_ZERO = 1e-12  # a layer std at or below this is drawn at the axis's "0" tick
TABLE_COLUMNS = (
    "Configuration",
    "Iteration",
    "Cost",
    "Train accuracy",
    "Test accuracy",
    f"Cost ≤ {COST_MILESTONE:g} at",
    f"Train acc ≥ {ACCURACY_MILESTONE:.0%} at",
    "State",
)
SUPPORTS_SCALE = "scale" in {f.name for f in dataclasses.fields(TrainConfig)}

SessionFactory = Callable[[Dataset, Sequence[TrainConfig]], CompareSession]


def _default_session(data: Dataset, configs: Sequence[TrainConfig]) -> CompareSession:
    return CompareSession(data, configs)


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

    def icon(self, width: int = 44, height: int = 16) -> QtGui.QIcon:
        """A legend swatch: the line in its style with the marker in the middle."""
        pixmap = QtGui.QPixmap(width, height)
        pixmap.fill(QtCore.Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(pixmap)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen(2.0))
        painter.drawLine(QtCore.QPointF(1, height / 2), QtCore.QPointF(width - 1, height / 2))
        painter.translate(width / 2, height / 2)
        painter.scale(10, 10)
        painter.setPen(pg.mkPen("#000000", width=0.1))
        painter.setBrush(pg.mkBrush(self.color))
        painter.drawPath(Symbols[self.marker])
        painter.end()
        return QtGui.QIcon(pixmap)


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


class PaintMeter:
    """Adds up the GUI thread's CPU time spent painting the view's plots.

    The GUI thread shares the GIL with training, so every millisecond pyqtgraph spends in its
    (Python) paint methods is a millisecond the worker may wait.  The view uses the total to
    pace its redraws (see :class:`CompareView`).
    """

    def __init__(self) -> None:
        self.seconds = 0.0

    def take(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


class MeteredPlot(pg.PlotWidget):
    """A ``PlotWidget`` that reports its paint time to a :class:`PaintMeter`."""

    meter: PaintMeter | None = None

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        started = time.thread_time()
        super().paintEvent(event)
        if self.meter is not None:
            self.meter.seconds += time.thread_time() - started


# -- the overlaid cost curves ---------------------------------------------------------------------
class _CurvePoints:
    """Turns a run's history into at most ``budget`` points, decimating sealed chunks only once.

    Sealed history chunks are never written again, so their decimated form is cached by identity;
    a frame then only decimates the open chunk, however long the run.
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def points(self, history, budget: int) -> tuple[np.ndarray, np.ndarray]:
        chunks = history.chunks
        if not chunks:
            return np.empty(0), np.empty(0)
        xs, ys, seen = [], [], {}
        for index, (its, costs) in enumerate(chunks):
            sealed = index < len(chunks) - 1
            if sealed:
                hit = self._cache.get(id(its))
                if hit is None or hit[0] is not its:
                    x, y = peak_decimate(its.astype(np.float64), costs, SEALED_CHUNK_POINTS)
                    hit = (its, x, y)  # keeping ``its`` alive keeps its id unique
                seen[id(its)] = hit
                xs.append(hit[1])
                ys.append(hit[2])
            else:
                xs.append(its.astype(np.float64))
                ys.append(costs)
        self._cache = seen
        return peak_decimate(np.concatenate(xs), np.concatenate(ys), budget)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = 10 ** np.floor(np.log10(value))
    for m in (1, 2, 5, 10):
        if m * exp >= value:
            return float(m * exp)
    return float(10 * exp)


class CompareCostPlot(MeteredPlot):
    """``compareCostPlot``: one cost curve per configuration, log cost by default.

    Kept cheap for the GUI thread, which shares the GIL with training: curves are bare
    ``PlotCurveItem``s fed decimated points (taking log10 here rather than through pyqtgraph's
    log mode, which only ``PlotDataItem`` supports and which costs a pass per frame), and the
    current point of every run is one spot of a single ``ScatterPlotItem``.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareCostPlot")
        self.palette_ = palette or Palette()
        style_plot(self, palette=self.palette_, x="iteration", y="cost")
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        self.legend = item.addLegend(offset=(-8, 8), labelTextColor=FOREGROUND)
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        cache_static(self.legend)
        self.milestone = pg.InfiniteLine(
            angle=0, pen=pg.mkPen("#555555", width=1, style=_PEN.DotLine), movable=False
        )
        # Below the line at the left: every curve starts above 0.3, so that corner stays empty.
        self.milestone_label = pg.TextItem(
            f"cost {COST_MILESTONE:g}", color="#555555", anchor=(0, 0)
        )
        item.addItem(self.milestone, ignoreBounds=True)
        item.addItem(self.milestone_label, ignoreBounds=True)
        cache_static(self.milestone_label)
        self.markers = pg.ScatterPlotItem(size=11, pen=pg.mkPen("#000000", width=1))
        self.markers.setZValue(10)
        item.addItem(self.markers)
        self.curves: dict[int, pg.PlotCurveItem] = {}
        self._samples: dict[int, pg.PlotDataItem] = {}
        self._points: dict[int, _CurvePoints] = {}
        self._raw: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._drawn: dict[int, int] = {}
        self._extent: dict[int, tuple[float, float]] = {}
        self._styles: dict[int, RunStyle] = {}
        self._brushes: dict[int, QtGui.QBrush] = {}
        self._current: dict[int, tuple[int, float]] = {}
        self._markers_shown = None
        self._highlight: int | None = None
        self._range = None
        self._log = False
        self.set_log_scale(True)

    def set_log_scale(self, on: bool) -> None:
        self._log = on
        item = self.getPlotItem()
        item.setLogMode(x=False, y=on)
        item.disableAutoRange()  # setLogMode turns auto range back on; ranges are set by hand
        pos = np.log10(COST_MILESTONE) if on else COST_MILESTONE
        self.milestone.setValue(pos)
        self.milestone_label.setPos(0, pos)
        for key, (x, y) in self._raw.items():
            self.curves[key].setData(x, self._y(y))
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
        return self._raw[key]

    def add_run(self, key: int, label: str, style: RunStyle) -> None:
        curve = pg.PlotCurveItem(pen=style.pen(), connect="finite")
        self.getPlotItem().addItem(curve)
        # The legend sample shows the line style and the marker: a stand-in, never plotted.
        sample = pg.PlotDataItem(
            pen=style.pen(),
            symbol=style.marker,
            symbolSize=9,
            symbolBrush=pg.mkBrush(style.color),
            symbolPen=pg.mkPen("#000000", width=1),
        )
        self.legend.addItem(sample, label)
        self.curves[key], self._samples[key] = curve, sample
        self._points[key] = _CurvePoints()
        self._styles[key] = style
        self._brushes[key] = pg.mkBrush(style.color)

    def remove_run(self, key: int) -> None:
        self.getPlotItem().removeItem(self.curves.pop(key))
        self.legend.removeItem(self._samples.pop(key))
        for store in (self._points, self._raw, self._drawn, self._extent, self._styles):
            store.pop(key, None)
        self._brushes.pop(key, None)
        self._current.pop(key, None)
        self._markers_shown = None
        self._range = None

    def highlight(self, key: int | None) -> None:
        """Draw one run thicker and on top (the one selected in the table)."""
        if key == self._highlight:
            return
        for k, curve in self.curves.items():
            wide = k == key
            curve.setPen(self._styles[k].pen(CURVE_WIDTH * (1.8 if wide else 1.0)))
            curve.setZValue(5 if wide else 0)
        self._highlight = key

    def show_run(self, run: RunPicture, cost: float) -> None:
        key = run.key
        history = run.history
        if self._drawn.get(key) != history.length:
            self._drawn[key] = history.length
            # A point per two pixel columns (each 4-pixel bucket keeps its min and its max, so
            # spikes stay): wide pens cost in proportion to the points, and the GUI thread's
            # paint time is time the training thread may wait for the GIL.
            budget = max(300, int(self.getPlotItem().getViewBox().width()) // 2)
            x, y = self._points[key].points(history, budget)
            self._raw[key] = (x, y)
            self.curves[key].setData(x, self._y(y))
            finite = y[np.isfinite(y)]
            if finite.size:
                self._extent[key] = (float(finite.min()), float(finite.max()))
        self._current[key] = (run.iteration, cost)

    def show_markers(self) -> None:
        """Every run's current point, one spot each (drawn only when one moved)."""
        spots = tuple(
            (key, it, cost) for key, (it, cost) in self._current.items() if np.isfinite(cost)
        )
        if spots == self._markers_shown:
            return
        self._markers_shown = spots
        self.markers.setData(
            x=[it for _, it, _ in spots],
            y=self._y(np.array([c for _, _, c in spots], dtype=float)),
            symbol=[self._styles[k].marker for k, _, _ in spots],
            brush=[self._brushes[k] for k, _, _ in spots],
        )

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
class SpreadPlot(MeteredPlot):
    """``compareSpreadPlot``: std of each layer's weights, a line of markers per configuration.

    A log axis, since ×10 is the lesson; He's target √(2/fan_in) is drawn as short black bars.
    A log axis has no 0, so a std of exactly 0 (zeros: all weights equal) gets its own tick,
    "0", half a decade below the lowest decade shown.  Values are log10'd here and all markers
    are one ``ScatterPlotItem``, to keep the GUI thread's share of the GIL small.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareSpreadPlot")
        style_plot(
            self,
            title="weight spread per layer",
            palette=palette or Palette(),
            x="layer",
            y="weight std",
        )
        item = self.getPlotItem()
        item.setLogMode(x=False, y=True)  # the axis labels; the data are log10'd here
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.disableAutoRange()
        self.target = pg.PlotCurveItem(pen=pg.mkPen("#000000", width=2), connect="pairs")
        item.addItem(self.target)
        # Top left: the range keeps half a decade of headroom above the largest spread.
        legend = item.addLegend(offset=(4, 2), labelTextColor=FOREGROUND)
        legend.addItem(pg.PlotDataItem(pen=pg.mkPen("#000000", width=2)), "He target √(2/fan_in)")
        cache_static(legend)
        self.markers = pg.ScatterPlotItem(size=10, pen=pg.mkPen("#000000", width=1))
        self.markers.setZValue(10)
        item.addItem(self.markers)
        self.lines: dict[int, pg.PlotCurveItem] = {}
        self._styles: dict[int, RunStyle] = {}
        self._shown = None
        self._target_values: tuple[float, ...] = ()
        self._range = None
        self._hidden = None
        self.zero_level: float | None = None  # where a std of 0 is drawn (log10 units)

    def add_run(self, key: int, style: RunStyle) -> None:
        line = pg.PlotCurveItem(pen=pg.mkPen(style.color, width=1.5, style=style.line))
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

    def show_runs(self, runs: Sequence[RunPicture]) -> None:
        self._show_target(runs)
        range_changed = self._update_range(runs)
        state = tuple((r.key, r.layer_std) for r in runs)
        if state == self._shown and not range_changed:
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
        item.getAxis("bottom").setTicks([[(i, f"W{i}") for i in range(1, layers + 1)], []])
        left = item.getAxis("left")
        if has_zero:
            self.zero_level = lo_dec - 0.5
            decades = [(d, f"{10.0**d:g}") for d in range(int(lo_dec), int(hi_dec) + 1)]
            left.setTicks([[(self.zero_level, "0"), *decades], []])
        else:
            self.zero_level = None
            left.setTicks(None)
        return True


# -- the small decision maps ----------------------------------------------------------------------
class MiniMap(QtWidgets.QWidget):
    """A title (the run's swatch and name) over a small probability map with the train points."""

    def __init__(self, index: int, data: Dataset, parent=None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        title_row = QtWidgets.QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.setSpacing(4)
        self.swatch = QtWidgets.QLabel()
        self.title = QtWidgets.QLabel(objectName=f"compareMapTitle{index}")
        self.title.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )
        title_row.addWidget(self.swatch)
        title_row.addWidget(self.title, 1)
        self.plot = MeteredPlot()
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
        self.contour = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen("#000000", width=1.5))
        self.contour.setZValue(5)
        item.addItem(self.contour)
        for cls in (0, 1):
            pick = data.train_Y[0] == cls
            scatter = pg.ScatterPlotItem(
                data.train_X[0, pick],
                data.train_X[1, pick],
                symbol=TRAIN_SYMBOLS[cls],
                size=4,
                brush=pg.mkBrush(CLASS_COLORS[cls]),
                pen=pg.mkPen(None),
            )
            scatter.setZValue(10)
            cache_static(scatter)
            item.addItem(scatter)
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
        self._state = ""
        self.note = ""  # why there is no boundary to see, if there is none

    def assign(self, key: int | None, label: str = "", style: RunStyle | None = None) -> None:
        """Show run ``key`` here from now on (clearing the previous run's picture)."""
        if key == self.key:
            return
        self.key = key
        self.image.clear()
        self.contour.setData([], [])
        self.note = self._state = ""
        self._refresh_overlay()
        self._label = label
        self.title.setToolTip(label)
        self._elide_title()
        if style is not None:
            self.swatch.setPixmap(style.icon().pixmap(44, 16))
        else:
            self.swatch.clear()

    def _elide_title(self) -> None:
        """The name cut with "…" to the map's width (the tooltip has it whole)."""
        metrics = QtGui.QFontMetrics(self.title.font())
        room = max(40, self.width() - 44 - 12)  # less the swatch and the spacing
        text = metrics.elidedText(self._label, QtCore.Qt.TextElideMode.ElideRight, room)
        if text != self.title.text():
            self.title.setText(text)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def set_state(self, state: str) -> None:
        """Show a state worth noticing ("diverged at 12", "catching up") on the map."""
        self._state = state
        self._refresh_overlay()

    def _refresh_overlay(self) -> None:
        """A state outranks a note; a diverged run's last picture is faded: it means nothing."""
        if self._state:
            html = f"<b style='color:#b00020'>{self._state}</b>"
        elif self.note:
            html = f"<span style='color:#222222'>{self.note}</span>"
        else:
            html = ""
        if html == self._overlay:  # text items re-lay out on every change: only when needed
            return
        self._overlay = html
        self.overlay.setHtml(html)
        self.overlay.setVisible(bool(html))
        self.image.setOpacity(0.35 if self._state.startswith("diverged") else 1.0)

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
            self.note = ""
        else:  # say why the map is blank (zeros: P = 0.5 everywhere), do not leave it to guess
            self.contour.setData([], [])
            probs = grid.probs
            if np.isfinite(probs).all() and float(np.ptp(probs)) < 1e-9:
                self.note = f"no boundary:<br>P = {float(probs.flat[0]):.3f}<br>everywhere"
            else:
                self.note = "no boundary<br>in view"
        self._refresh_overlay()


# -- the view -------------------------------------------------------------------------------------
def _row_texts(row: CompareRow) -> tuple[str, ...]:
    def milestone(at: int | None) -> str:
        return "not reached" if at is None else f"{at:,}"

    def accuracy(value: float, n: int) -> str:
        return f"{value:.4f} ({round(value * n)}/{n})"

    cost = f"{row.cost:.6g}" if np.isfinite(row.cost) else "not finite"
    return (
        row.label,
        f"{row.iteration:,}",
        cost,
        accuracy(row.train_accuracy, row.n_train),
        accuracy(row.test_accuracy, row.n_test),
        milestone(row.cost_reached_at),
        milestone(row.accuracy_reached_at),
        row.state_text,
    )


class CompareView(QtWidgets.QWidget):
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
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.data = data
        self.palette_ = Palette()
        self.session: CompareSession | None = None
        self._session_factory = session_factory or _default_session
        self._styles = StyleBook()
        self._drawn: CompareFrame | None = None
        self._keys: tuple[int, ...] = ()
        self.redraws = 0
        self._said_error = False
        self._meter = PaintMeter()
        self._redraw_cost = 0.0  # GUI CPU seconds per redraw (moving average), paints included
        self._last_spread = 0.0
        self._build_ui()
        for plot in (self.cost_plot, self.spread_plot, *(m.plot for m in self.maps)):
            plot.meter = self._meter
        self.redraw_timer = QtCore.QTimer(self)
        self.redraw_timer.setObjectName("compareRedrawTimer")
        self.redraw_timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.redraw_timer.timeout.connect(self.redraw)

    # -- construction ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(4)
        outer.addLayout(self._build_add_row())
        outer.addLayout(self._build_run_row())

        self.cost_plot = CompareCostPlot(palette=self.palette_)
        self.spread_plot = SpreadPlot(palette=self.palette_)
        top = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal, objectName="compareTopSplit")
        top.addWidget(self.cost_plot)
        top.addWidget(self.spread_plot)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        self.cost_plot.setMinimumSize(320, 180)
        self.spread_plot.setMinimumSize(200, 180)

        maps = QtWidgets.QWidget(objectName="compareMaps")
        row = QtWidgets.QHBoxLayout(maps)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.maps = [MiniMap(i, self.data) for i in range(MAX_CONFIGS)]
        for mini in self.maps:
            mini.setMinimumSize(110, 130)
            mini.setVisible(False)
            row.addWidget(mini, 1)

        self.table = QtWidgets.QTableWidget(0, len(TABLE_COLUMNS), objectName="compareTable")
        self.table.setHorizontalHeaderLabels(TABLE_COLUMNS)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setIconSize(QtCore.QSize(44, 16))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.setToolTip(
            f"Milestones are exact to the iteration: checked every {CHECK_EVERY} steps, then "
            "pinned by replaying the steps since the previous check."
        )

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
            table.horizontalHeader().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 2
        )
        table_h = min(wanted, int(total * 0.34))
        maps_h = int((total - table_h) * 0.43)
        self._split.setSizes([total - table_h - maps_h, maps_h, table_h])

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_split()

    def _build_add_row(self) -> QtWidgets.QHBoxLayout:
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel("<b>Configuration</b>"))
        self.init_combo = QtWidgets.QComboBox(objectName="compareInitCombo")
        for name, init in INITIALIZERS.items():
            self.init_combo.addItem(init.label, name)
            self.init_combo.setItemData(
                self.init_combo.count() - 1,
                f"<b>{init.label}</b> ({init.formula})<br>{init.explanation}",
                QtCore.Qt.ItemDataRole.ToolTipRole,
            )
        self.init_combo.setCurrentIndex(max(0, self.init_combo.findData("he")))
        self.init_combo.setAccessibleName("Initializer of the configuration to add")
        row.addWidget(self.init_combo)
        self.scale_spin: QtWidgets.QDoubleSpinBox | None = None
        if SUPPORTS_SCALE:
            self.scale_spin = QtWidgets.QDoubleSpinBox(objectName="compareScaleSpin")
            self.scale_spin.setDecimals(4)
            self.scale_spin.setRange(1e-3, getattr(initializers, "MAX_SCALE", 100.0))
            self.scale_spin.setValue(1.0)
            self.scale_spin.setKeyboardTracking(False)
            self.scale_spin.setPrefix("×")
            self.scale_spin.setToolTip("The weight scale of the 'scaled' initializer")
            self.scale_spin.setAccessibleName("Weight scale")
            row.addWidget(self.scale_spin)
            self.init_combo.currentIndexChanged.connect(self._sync_scale_enabled)
            self._sync_scale_enabled()
        row.addWidget(QtWidgets.QLabel("lr"))
        self.lr_spin = QtWidgets.QDoubleSpinBox(objectName="compareLrSpin")
        self.lr_spin.setDecimals(6)
        self.lr_spin.setRange(1e-6, MAX_LEARNING_RATE)
        self.lr_spin.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setValue(0.01)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.setAccessibleName("Learning rate of the configuration to add")
        row.addWidget(self.lr_spin)
        row.addWidget(QtWidgets.QLabel("hidden"))
        self.hidden_edit = QtWidgets.QLineEdit("10,5", objectName="compareHiddenEdit")
        self.hidden_edit.setMaximumWidth(110)
        self.hidden_edit.setToolTip("Hidden layer sizes, e.g. 10,5 (the tutorial's) or 50,50,50")
        self.hidden_edit.setAccessibleName("Hidden layers of the configuration to add")
        self.hidden_edit.returnPressed.connect(self.add_from_controls)
        row.addWidget(self.hidden_edit)
        self.add_button = QtWidgets.QPushButton("Add", objectName="compareAddButton")
        self.add_button.setToolTip(
            f"Compare this configuration too (up to {MAX_CONFIGS}); it catches up with the "
            "others' iteration, then trains in step with them"
        )
        self.add_button.clicked.connect(self.add_from_controls)
        self.remove_button = QtWidgets.QPushButton(
            "Remove selected", objectName="compareRemoveButton"
        )
        self.remove_button.setToolTip("Stop comparing the configuration selected in the table")
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        return row

    def _build_run_row(self) -> QtWidgets.QHBoxLayout:
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel("<b>All together</b>"))
        self.play_button = QtWidgets.QPushButton("Play", objectName="comparePlayButton")
        self.play_button.setToolTip("Run or pause every configuration, in step")
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button = QtWidgets.QPushButton("Step", objectName="compareStepButton")
        self.step_button.setToolTip(
            "While paused: every configuration takes the given number of steps. "
            "While running: pause"
        )
        self.step_button.clicked.connect(self.step_clicked)
        self.step_size = QtWidgets.QSpinBox(objectName="compareStepSizeSpin")
        self.step_size.setRange(1, 1_000_000)
        self.step_size.setValue(1)
        self.step_size.setGroupSeparatorShown(True)
        self.step_size.setAccessibleName("Steps per click of Step")
        self.reset_button = QtWidgets.QPushButton("Reset", objectName="compareResetButton")
        self.reset_button.setToolTip("Every configuration back to iteration 0, same weights")
        self.reset_button.clicked.connect(self.reset)
        self.log_check = QtWidgets.QCheckBox("Log-scale cost", objectName="compareLogCheck")
        self.log_check.setChecked(True)
        self.log_check.setToolTip(
            "Random ×10 starts near 1774: a log axis keeps all curves legible"
        )
        self.log_check.toggled.connect(self._on_log_scale)
        for button in (self.play_button, self.step_button, self.reset_button):
            button.setMinimumWidth(72)
        row.addWidget(self.play_button)
        row.addWidget(self.step_button)
        row.addWidget(self.step_size)
        row.addWidget(self.reset_button)
        row.addWidget(self.log_check)
        self.status = QtWidgets.QLabel(objectName="compareStatusLabel")
        self.status.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        row.addWidget(self.status, 1)
        return row

    def _sync_scale_enabled(self, *_args) -> None:
        if self.scale_spin is not None:
            self.scale_spin.setEnabled(_uses_scale(self.init_combo.currentData()))

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
        self._say("reset: every configuration back to iteration 0, same initial weights")

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
            self._say(f"“{self.hidden_edit.text()}” refused: {exc}", error=True)
            return None
        if not session.can_add():
            self._say(f"at most {MAX_CONFIGS} configurations at once: remove one first", True)
            return None
        key = session.add(config, self._unique_label(config_label(config)))
        self._sync_buttons()
        return key

    def _unique_label(self, label: str) -> str:
        """``He``, then ``He #2``: the legend and the table must name every run apart."""
        frame = self.session.latest if self.session is not None else self._drawn
        taken = {row.label for row in frame.rows} if frame is not None else set()
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

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        if text != self.status.text():
            self.status.setText(text)
            self.status.setToolTip(text)  # the line may be cut short in a narrow window
        self._said_error = error

    def _show_error(self, message: str) -> None:
        self._say(message.strip().splitlines()[-1], error=True)
        self.errorOccurred.emit(message)

    # -- drawing ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Timer tick: draw the newest accepted frame, if it is not on screen yet."""
        session = self.session
        frame = session.latest if session is not None else None
        if frame is None or frame is self._drawn or not self.isVisible():
            return
        started = time.thread_time()
        painted = self._meter.take()  # the paints that followed the previous redraw
        self._draw(frame)
        self._pace(frame, time.thread_time() - started + painted)

    def _pace(self, frame: CompareFrame, cost: float) -> None:
        """Redraw less often while training if drawing costs more than ``GUI_SHARE``."""
        self._redraw_cost = 0.8 * self._redraw_cost + 0.2 * cost if self._redraw_cost else cost
        if frame.state in (RunState.RUNNING, RunState.STEPPING):
            wanted = self._redraw_cost / GUI_SHARE * 1000
            interval = int(min(SLOWEST_REDRAW_MS, max(REDRAW_MS, wanted)))
        else:
            interval = REDRAW_MS
        if abs(interval - self.redraw_timer.interval()) > 5:
            self.redraw_timer.setInterval(interval)
            if self.session is not None:
                self.session.set_frame_rate(1000.0 / interval)

    def _draw(self, frame: CompareFrame) -> None:
        self._drawn = frame
        self.redraws += 1
        if frame.keys != self._keys:
            self._relayout(frame)
        rows = {row.key: row for row in frame.rows}
        for run in frame.runs:
            self.cost_plot.show_run(run, rows[run.key].cost)
        self.cost_plot.show_markers()
        self.cost_plot.update_ranges(frame.iteration, frame.target)
        now = time.perf_counter()
        moving = frame.state in (RunState.RUNNING, RunState.STEPPING)
        if (
            not moving
            or now - self._last_spread >= SPREAD_INTERVAL_S
            or len(frame.keys) != len(self.spread_plot.lines)
        ):
            self._last_spread = now
            self.spread_plot.show_runs(frame.runs)
        for mini, run in zip(self.maps, frame.runs):
            row = rows[run.key]
            mini.set_state("" if row.state in ("running", "paused", "finished") else row.state_text)
            mini.show_grid(run)
        self._show_table(frame.rows)
        self._show_state(frame)

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
                self.cost_plot.add_run(key, run.label, style)
                self.spread_plot.add_run(key, style)
        for i, mini in enumerate(self.maps):
            if i < len(frame.runs):
                run = frame.runs[i]
                mini.assign(run.key, run.label, self._styles.get(run.key, run.config.init))
                mini.setVisible(True)
            else:
                mini.assign(None)
                mini.setVisible(False)
        self.table.setRowCount(len(frame.rows))
        for r, row in enumerate(frame.rows):
            for c in range(len(TABLE_COLUMNS)):
                item = QtWidgets.QTableWidgetItem("")
                if c:
                    item.setTextAlignment(
                        QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
            self.table.item(r, 0).setIcon(self._styles.get(row.key, row.init).icon())
            self.table.item(r, 0).setToolTip(_describe(frame.runs[r].config))
        self._keys = keys
        self._sync_buttons()
        self._on_selection()
        self._fit_split()

    def _show_table(self, rows: Sequence[CompareRow]) -> None:
        for r, row in enumerate(rows):
            for c, text in enumerate(_row_texts(row)):
                item = self.table.item(r, c)
                if item is not None and item.text() != text:  # unchanged cells cost nothing
                    item.setText(text)

    def _show_state(self, frame: CompareFrame) -> None:
        running = frame.state in (RunState.RUNNING, RunState.STEPPING)
        self.play_button.setText("Pause" if frame.state is RunState.RUNNING else "Play")
        if self._said_error and not running:
            return  # keep an error or refusal readable until training moves again
        parts = [f"iteration {frame.iteration:,} of {frame.target:,}", frame.state.value]
        if running and frame.steps_per_second:
            parts.append(f"{frame.steps_per_second:,.0f} steps/s in all")
        if any(row.state == "catching up" for row in frame.rows):
            parts.append("a new configuration is catching up")
        if frame.note:
            parts.append(frame.note)
        self._say(" · ".join(parts))


def _uses_scale(name: str) -> bool:
    """Does this initializer take the multiplier (``scaled``)?"""
    init = INITIALIZERS.get(name)
    return bool(getattr(init, "uses_scale", name == "scaled"))


def _describe(config: TrainConfig) -> str:
    init = INITIALIZERS[config.init]
    label = getattr(config, "init_label", None) or init.label
    return (
        f"{label} ({init.formula}), learning rate {config.learning_rate:g}, "
        f"hidden {','.join(map(str, config.hidden))}, {config.activation}, seed {config.seed}"
    )
