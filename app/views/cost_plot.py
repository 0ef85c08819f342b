"""The cost curve: every iteration's cost, the current point, and faint ghosts of earlier runs.

The drawing of a live curve (a settled, cached part plus a short tip) is
:mod:`app.views.live_curve`, shared with the comparison.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import Retranslatable, translate
from app.views.live_curve import CurvePoints, LiveCurve, nice_ceiling
from app.views.live_layer import LiveLayer
from app.views.qt_items import PathCurve
from app.views.style import (
    Palette,
    cache_static,
    init_color,
    legible,
    plot_axes,
    point_font,
    relabel_legend,
    restyle_plot,
    set_legend_text,
    side_legend,
)
from engine.history import HistoryView

__all__ = ["CostPlot"]

FULL_TARGET_AXIS = 200_000  # up to this stop-at target, the x axis spans the whole run
MIN_DRAWN_POINTS = 600  # below this many points a curve is drawn as it is
MAX_GHOSTS = 4  # earlier runs kept as ghosts; the oldest goes first
#: costs spanning more than this many decades put the cost axis on a log scale by itself
AUTO_LOG_DECADES = 2.0
#: the newest ghost's opacity, and the oldest kept's: older ghosts fade out
GHOST_OPACITY = (0.9, 0.5)
#: a run's name, or a function that words it in the current language
RunLabel = str | Callable[[], str]
GHOST_POINTS = 2000  # a ghost is decimated once to this many points (dashed wide pens are slow)
GHOST_WIDTH = 0.75  # a ghost's pen, relative to the palette's line width (at least a guide's)


class CostPlot(Retranslatable, pg.PlotWidget):
    """``costPlot``: the live cost curve.  ``show_history`` is called by the window's redraw.

    Runs are labelled by the window (``start_run(init, label)``, ``set_run_label``): the labels
    are shown as they are given, inside translated "now: …" / "earlier: …" legend entries.

    Every frame's work here is GUI-thread time the training thread waits for (the GIL), so while
    training runs the curve is two items: the settled part, rendered into a pixmap cache and
    redone about once a second, and a short tip of the newest points; the current point is a
    plain Qt ellipse.  Ghosts are cached too.  :meth:`curve_data` gives the curve as drawn.
    """

    _log = False  # class defaults: Qt may resize the plot while it is being built
    _y_label = ""

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent, axisItems=plot_axes())
        self.setObjectName("costPlot")
        self.palette_ = palette or Palette()
        item = self.getPlotItem()
        # Set on the plot, not the curve: a curve's own flags are reset when it is added.
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.disableAutoRange()  # ranges are managed in _update_ranges: they only ever grow
        item.getViewBox().sigRangeChangedManually.connect(self._on_range_changed_manually)
        item.getViewBox().sigStateChanged.connect(self._on_view_state)
        self._user_range = False
        self._setting_range = False
        self._range = None
        self._target: int | None = None
        self._y_hi = -np.inf
        self._y_lo = np.inf
        self.legend = side_legend(self, self.palette_)  # beside the view, never over a curve
        # The settled curve (everything up to the tip) and the tip: plain Qt paths stroked by Qt
        # alone, y already on the axis's scale (``_y``).  A PlotDataItem's setData and paint cost
        # ~0.5 ms of Python a frame, time the training thread waits for the GIL.
        self.curve, self.tip = PathCurve(), PathCurve()
        cache_static(self.curve)  # blitted while only the tip moves
        for part in (self.curve, self.tip):
            item.addItem(part, ignoreBounds=True)
        # The legend entry's line sample: a stand-in, never plotted.
        self.sample = pg.PlotDataItem()
        self.legend.addItem(self.sample, "")
        self._live = LiveCurve(self.curve, self.tip, self._y)
        # The current point: a plain Qt ellipse moved with setPos, painted by Qt alone.  (A
        # PlotDataItem's setData and its scatter's paint cost ~1 ms of Python a frame, and every
        # millisecond on the GUI thread is one the training thread waits for the GIL.)  It
        # ignores the view's scaling, so it stays round and ``size`` pixels wide at any zoom.
        self.marker = QtWidgets.QGraphicsEllipseItem()
        self.marker.setFlag(
            QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True
        )
        self.marker.setZValue(10)
        self.marker.setVisible(False)
        item.addItem(self.marker, ignoreBounds=True)
        # Where the timeline stands when it is moved back (hidden while the views follow live).
        self.rewind_line = pg.InfiniteLine(angle=90, movable=False)
        self.rewind_line.setZValue(9)
        self.rewind_line.setVisible(False)
        item.addItem(self.rewind_line, ignoreBounds=True)
        # While a run trains, its tip and marker are drawn over the plot by Qt alone.
        self.live_layer = LiveLayer(self, self.tip, self.marker)
        self._log = False
        #: the user's log-scale choice (the controls' toggle); ``None``: chosen by the costs
        self._log_choice: bool | None = None
        self._current: tuple[int, float] | None = None
        self.ghosts: list[pg.PlotDataItem] = []
        #: each ghost's run label, colour and number, as given by the window (its legend is
        #: re-rendered), and the (x max, y min, y max) of its points
        self._ghost_runs: dict[pg.PlotDataItem, tuple[RunLabel, str, int]] = {}
        self._ghost_box: dict[pg.PlotDataItem, tuple[float, float, float]] = {}
        self._runs_started = 1  # the next ghost's number (ghosts keep theirs)
        self._color = init_color("he")
        self._label = ""
        self._history: HistoryView | None = None
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    # -- language and appearance ------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Axis labels, the legend entries (labels of the runs stay as given) and the name."""
        self._restyle()
        set_legend_text(self.legend, self.sample, self._current_run_text())
        for ghost in self.ghosts:
            set_legend_text(self.legend, ghost, self._ghost_text(ghost))
        self.setAccessibleName(translate("CostPlot", "Cost curve"))

    def _y_text(self) -> str:
        """The cost axis's label: "(log scale)" when it fits along the axis, "(log)" on a short
        plot (a projector's), nothing on a linear axis, nor on a plot too short even for
        "(log)" (1024 × 768 in projector mode: it ran off the top; the ticks say log)."""
        y = translate("CostPlot", "cost")
        if not self._log:
            return y
        room = self.getPlotItem().getViewBox().height()
        metrics = QtGui.QFontMetrics(point_font(self.palette_.font_pt))
        for label in (
            translate("CostPlot", "cost (log scale)"),
            translate("CostPlot", "cost (log)"),
        ):
            if room <= 0 or metrics.horizontalAdvance(label) <= room:
                return label
        return y

    def _restyle(self) -> None:
        self._y_label = self._y_text()
        restyle_plot(self, self.palette_, x=translate("CostPlot", "iteration"), y=self._y_label)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.getPlotItem() is None:  # closed: pyqtgraph has let its plot item go
            return
        if self._log and self._y_text() != self._y_label:  # taller or shorter: the other label
            self._restyle()

    @staticmethod
    def _words(label: RunLabel) -> str:
        """A run's label in the current language (a callable label is made anew each time)."""
        return label() if callable(label) else label

    def _current_run_text(self) -> str:
        if not self._label:
            return translate("CostPlot", "current run")
        return translate("CostPlot", "now: {run}").format(run=self._words(self._label))

    def _ghost_text(self, ghost: pg.PlotDataItem) -> str:
        label, _color, number = self._ghost_runs[ghost]
        # numbered: two ghosts of the same configuration are never named alike
        text = translate("CostPlot", "earlier: {run}").format(run=self._words(label))
        return f"{text} (#{number})"

    def set_run_label(self, label: RunLabel) -> None:
        """Rename the current run (the window re-builds its label after a language switch)."""
        self._label = label
        set_legend_text(self.legend, self.sample, self._current_run_text())

    def apply_palette(self, palette: Palette) -> None:
        """Fonts (ticks, axis labels, legend), the curves' and marker's sizes for ``palette``."""
        self.palette_ = palette
        self.setFont(point_font(palette.font_pt, base=self.font()))
        self._restyle()
        self._apply_pens()
        self._style_ghosts()
        relabel_legend(self.legend, palette)

    def _style_ghosts(self) -> None:
        """Pens for the palette; the newest ghost strongest, older ones fading out."""
        newest, oldest = GHOST_OPACITY
        for age, ghost in enumerate(reversed(self.ghosts)):
            ghost.setPen(self._ghost_pen(self._ghost_runs[ghost][1]))
            ghost.setOpacity(newest - (newest - oldest) * age / max(MAX_GHOSTS - 1, 1))

    def _apply_pens(self) -> None:
        palette = self.palette_
        color = legible(self._color, 0.5)  # the scaled initializer's yellow vanished on white
        pen = pg.mkPen(color, width=palette.line_width)
        for part in (self.curve, self.tip, self.sample):
            part.setPen(pen)
        size = palette.marker_size * 1.6
        self.marker.setRect(-size / 2, -size / 2, size, size)
        self.marker.setBrush(pg.mkBrush(color))
        self.marker.setPen(
            pg.mkPen("#000000", width=max(palette.thin_line_width, palette.line_width / 2))
        )
        self.rewind_line.setPen(
            pg.mkPen(
                palette.foreground, width=palette.thin_line_width, style=QtCore.Qt.PenStyle.DashLine
            )
        )

    def show_rewound(self, iteration: int | None) -> None:
        """Mark the iteration the timeline shows (``None``: the views follow the live run)."""
        self.rewind_line.setVisible(iteration is not None)
        if iteration is not None:
            self.rewind_line.setValue(iteration)

    def _ghost_pen(self, color: str) -> QtGui.QPen:
        """Dashed, in the run's hue darkened until it reads on white (Okabe–Ito hues)."""
        width = max(self.palette_.thin_line_width, self.palette_.line_width * GHOST_WIDTH)
        pen = pg.mkPen(legible(color), width=width, style=QtCore.Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([4.0, 2.0])
        return pen

    def set_log_scale(self, on: bool) -> None:
        """The user's choice (the log-scale toggle): it wins over the automatic one."""
        self._log_choice = on
        self._apply_log(on)
        self._update_ranges()

    def _apply_log(self, on: bool) -> None:
        if on == self._log:
            return
        self._log = on
        self._live.redraw()  # zeros clipped for the log axis
        self._range = None
        self.getPlotItem().setLogMode(x=False, y=on)
        self._restyle()  # the axis label says "log scale"
        self._redraw_marker()

    def is_log_scale(self) -> bool:
        return self._log

    def _y(self, cost: np.ndarray) -> np.ndarray:
        """Costs as the axis wants them for the live curve's paths: log10 on a log axis (0
        clipped, never -inf); pyqtgraph maps the ghosts itself."""
        if not self._log:
            return cost
        with np.errstate(all="ignore"):
            return np.log10(np.maximum(cost, 1e-300))

    # -- runs -----------------------------------------------------------------------------------
    def start_run(self, init_name: str, label: RunLabel) -> None:
        """Keep the current curve as a faint labelled ghost, then start an empty one.

        ``label`` names the run; pass a function returning it to have it follow a language
        switch (ghosts keep theirs, so an earlier run's name is re-worded too).
        """
        if self._history is not None and self._history.length > 1:
            # Decimated once: a long dashed curve at projector width would be slow to draw.
            ghost_x, ghost_y = CurvePoints().points(self._history, GHOST_POINTS)
            ghost = pg.PlotDataItem(ghost_x, ghost_y, pen=self._ghost_pen(self._color))
            cache_static(ghost.curve)  # a ghost never changes: blit its line
            self._ghost_runs[ghost] = (self._label, self._color, self._runs_started)
            finite = ghost_y[np.isfinite(ghost_y)]
            if finite.size:
                self._ghost_box[ghost] = (
                    float(ghost_x[-1]),
                    float(finite.min()),
                    float(finite.max()),
                )
            self.getPlotItem().addItem(ghost)
            self.legend.addItem(ghost, self._ghost_text(ghost))
            self.ghosts.append(ghost)
            if len(self.ghosts) > MAX_GHOSTS:
                self._remove_ghost(self.ghosts.pop(0))
            self._style_ghosts()
            self._runs_started += 1
        self._color = init_color(init_name)
        self._label = label
        self._history: HistoryView | None = None
        self._live.clear()
        self.marker.setVisible(False)
        self._current = None
        self._y_hi, self._y_lo = -np.inf, np.inf
        self._range = None
        self._user_range = False
        self.legend.removeItem(self.sample)  # the current run is listed last, after its ghosts
        self.legend.addItem(self.sample, self._current_run_text())
        self._apply_pens()
        relabel_legend(self.legend, self.palette_)

    def _remove_ghost(self, ghost: pg.PlotDataItem) -> None:
        self.legend.removeItem(ghost)
        self.getPlotItem().removeItem(ghost)
        self._ghost_runs.pop(ghost, None)
        self._ghost_box.pop(ghost, None)
        self._range = None

    def clear_ghosts(self) -> None:
        for ghost in self.ghosts:
            self._remove_ghost(ghost)
        self.ghosts.clear()
        relabel_legend(self.legend, self.palette_)
        self._update_ranges()

    # -- live data ------------------------------------------------------------------------------
    def show_history(
        self,
        history: HistoryView,
        iteration: int,
        cost: float,
        target: int | None = None,
        live: bool = False,
    ) -> None:
        """Draw the history (if it grew) and mark the current ``(iteration, cost)``.

        ``target`` (the stop-at iteration) fixes the x axis while the run is below it, so the curve
        grows across a still plot: the axes then almost never need re-rendering.  ``live`` (the
        run is training) lets the newest points go on a separate short tip (see ``TIP_SHARE``);
        otherwise the whole curve is drawn as one.
        """
        self._current = (iteration, cost)
        self._target = target
        self._history = history  # read-only chunks shared with the engine: no copy
        # Thick (projector) pens are slow on long polylines, and more points than pixels add
        # nothing: keep each pixel column's min and max.
        budget = max(MIN_DRAWN_POINTS, self.width())
        span = self._range[0] if self._range is not None else None
        if self._live.show(history, budget, span, live):  # the axis only ever grows in a run
            lo, hi = self._live.extent
            self._y_hi, self._y_lo = max(self._y_hi, hi), min(self._y_lo, lo)
        self._redraw_marker()
        self._update_ranges()
        self.live_layer.follow(
            live and not self._user_range,
            self._data_area_state(),
            self._live.settled_version,
            self._live.tail,
        )

    def _data_area_state(self) -> tuple:
        """Everything the data area shows but the tip, the marker and the settled curve's
        growth (see LiveLayer)."""
        return (
            self._range,
            self._log,
            tuple(id(ghost) for ghost in self.ghosts),
            id(self.palette_),
            self._color,  # the curve's and the marker's colour
            self.rewind_line.isVisible(),
        )

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The live curve as drawn, settled part then tip, in (iteration, cost) units (zeros
        clipped on a log axis)."""
        x, y = self._live.data()
        return x, (np.maximum(y, 1e-300) if self._log else y)

    def _update_ranges(self) -> None:
        """Set the view only when it must grow (cheap frames), unless the user took over.

        The view spans everything drawn: the current run and the ghosts.  Costs spanning more
        than ``AUTO_LOG_DECADES`` put the y axis on a log scale, unless the user chose.
        """
        if self._user_range:
            return
        boxes = self._ghost_box.values()
        x_hi = max((b[0] for b in boxes), default=0.0)
        y_lo = min((b[1] for b in boxes), default=np.inf)
        y_hi = max((b[2] for b in boxes), default=-np.inf)
        if self._current is not None:
            it = self._current[0]
            target = self._target or 0
            # Up to a moderate stop-at target the axis spans the whole run from the start (the
            # curve fills it like a progress bar); past it, grow in 1-2-5 steps so axes change
            # rarely.
            full = it <= target <= FULL_TARGET_AXIS
            x_hi = max(x_hi, target if full else nice_ceiling(max(it * 1.1, 100)))
            y_lo, y_hi = min(y_lo, self._y_lo), max(y_hi, self._y_hi)
            cost = self._current[1]
            if math.isfinite(cost) and y_hi == -np.inf:  # iteration 0: no curve yet, one point
                y_lo, y_hi = min(y_lo, cost), max(y_hi, cost)
        if y_hi == -np.inf:
            return
        log = self._log_choice
        if log is None:
            log = bool(y_lo > 0 and math.log10(y_hi / y_lo) > AUTO_LOG_DECADES)
        self._apply_log(log)
        if self._log:
            # Whole decades: a falling cost moves the lower end only when it crosses one, so the
            # axes and the settled curve's cache are redrawn a few times a run, not every frame.
            # (math, not NumPy: on scalars, every frame, NumPy's call overhead is the cost)
            lo = math.floor(math.log10(max(y_lo, 1e-300)))
            hi = math.ceil(math.log10(max(y_hi, 1e-300)))
            if hi - lo < 1:
                hi = lo + 1
            y_range = (lo - 0.02 * (hi - lo), hi + 0.02 * (hi - lo))
        else:
            y_range = (min(0.0, y_lo), y_hi * 1.05 if y_hi > 0 else 1.0)
        wanted = (x_hi, y_range)
        if wanted != self._range:
            self._range = wanted
            self._setting_range = True
            try:
                self.getPlotItem().setRange(xRange=(0, x_hi), yRange=y_range, padding=0.02)
            finally:
                self._setting_range = False

    def _on_range_changed_manually(self, *_args) -> None:
        self._user_range = True

    def _on_view_state(self, *_args) -> None:
        # pyqtgraph's "A" (auto-range) button re-enables auto range: take that as "follow again".
        vb = self.getPlotItem().getViewBox()
        if self._user_range and any(vb.state["autoRange"]):
            vb.disableAutoRange()
            self.follow_data()

    def follow_data(self) -> None:
        """Let the view follow the data again after the user zoomed or panned."""
        self._user_range = False
        self._range = None
        self._update_ranges()

    def _redraw_marker(self) -> None:
        current = self._current
        if current is None or not math.isfinite(current[1]):
            self.marker.setVisible(False)
            return
        it, cost = current
        y = math.log10(max(cost, 1e-300)) if self._log else cost  # the view's own y coordinate
        self.marker.setPos(float(it), float(y))
        self.marker.setVisible(True)

    def marked_point(self) -> tuple[int, float] | None:
        """The ``(iteration, cost)`` the marker shows, or ``None`` when it is hidden."""
        return self._current if self.marker.isVisible() else None
