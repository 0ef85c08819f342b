"""``compareCostPlot``: the compared runs' cost curves overlaid, log cost by default."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtGui

from app.frames import RunPicture
from app.i18n import Retranslatable, translate
from app.views.compare.run_style import PEN, LegendSample, RunStyle, resize_samples
from app.views.live_curve import LiveCurve, nice_ceiling
from app.views.qt_items import PathCurve, PointMarker
from app.views.style import (
    Palette,
    cache_static,
    fit_legend,
    plot_axes,
    point_font,
    relabel_legend,
    restyle_plot,
    side_legend,
)
from engine.compare import COST_MILESTONE

__all__ = ["CURVE_FACTOR", "GUIDE_COLOR", "HIGHLIGHT_FACTOR", "CompareCostPlot"]

CURVE_FACTOR = 1.25  # a cost curve is this much wider than the palette's line width
HIGHLIGHT_FACTOR = 1.8  # the run selected in the table is drawn this much wider
GUIDE_COLOR = "#555555"


class CompareCostPlot(Retranslatable, pg.PlotWidget):
    """``compareCostPlot``: one cost curve per configuration, log cost by default.

    Kept cheap for the GUI thread, which shares the GIL with training: curves and current-point
    markers are Qt-painted items (:mod:`app.views.qt_items`) fed decimated points, taking log10
    here rather than through pyqtgraph's log mode.  The decimation (a point per two pixel
    columns) also keeps projector-wide pens cheap.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent, axisItems=plot_axes())
        self.setObjectName("compareCostPlot")
        self.palette_ = palette or Palette()
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        self.legend = side_legend(self, self.palette_)  # beside the view, never over a curve
        self.milestone = pg.InfiniteLine(angle=0, movable=False)
        # Below the line at the left: every curve starts above 0.3, so that corner stays empty.
        self.milestone_label = pg.TextItem("", color=GUIDE_COLOR, anchor=(0, 0))
        item.addItem(self.milestone, ignoreBounds=True)
        item.addItem(self.milestone_label, ignoreBounds=True)
        cache_static(self.milestone, self.milestone_label)
        # Where the timeline stands when it is moved back (hidden while the runs are live).
        self.rewind_line = pg.InfiniteLine(angle=90, movable=False)
        self.rewind_line.setZValue(9)
        self.rewind_line.setVisible(False)
        item.addItem(self.rewind_line, ignoreBounds=True)
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
        restyle_plot(
            self,
            self.palette_,
            x=translate("CompareCostPlot", "iteration"),
            y=translate("CompareCostPlot", "cost (log scale)")
            if self._log
            else translate("CompareCostPlot", "cost"),
        )
        self.milestone_label.setText(
            translate("CompareCostPlot", "cost {value}").format(value=f"{COST_MILESTONE:g}")
        )
        self.setAccessibleName(translate("CompareCostPlot", "Cost curves of the compared runs"))

    def apply_palette(self, palette: Palette) -> None:
        """Fonts, curve widths, the guide line and the marker sizes for ``palette``."""
        self.palette_ = palette
        self.retranslate_ui()  # axis fonts, labels and pens come with the texts
        relabel_legend(self.legend, palette)
        self.milestone.setPen(
            pg.mkPen(GUIDE_COLOR, width=palette.thin_line_width, style=PEN.DotLine)
        )
        self.milestone_label.setFont(point_font(palette.font_pt))
        self.rewind_line.setPen(
            pg.mkPen(palette.foreground, width=palette.thin_line_width, style=PEN.DashLine)
        )
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

    def _apply_pens(self) -> None:
        width = self.curve_width()
        self._pen_curves(width)
        for key, sample in self._samples.items():
            sample.setPen(self._styles[key].pen(width))
            sample.setSymbolSize(self.palette_.marker_size + 1)
            sample.setSymbolPen(pg.mkPen("#000000", width=self.palette_.thin_line_width))
        resize_samples(self.legend, self.palette_.marker_size)

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
        self.retranslate_ui()  # the axis label says "log scale"

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
        marker.setPen(pg.mkPen("#000000", width=self.palette_.thin_line_width))

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
            symbolPen=pg.mkPen("#000000", width=self.palette_.thin_line_width),
        )
        swatch = LegendSample(sample, *LegendSample.size_for(self.palette_.marker_size))
        self.legend.addItem(swatch, html.escape(label))
        fit_legend(self.legend)
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
            if swatch.item is sample and self.legend.full_texts.get(id(legend_label)) != text:
                self.legend.set_entry_text(legend_label, text)
                fit_legend(self.legend)

    def legend_texts(self) -> list[str]:
        """The legend's entries as shown (plain text)."""
        return [label.item.toPlainText() for _sample, label in self.legend.items]

    def remove_run(self, key: int) -> None:
        for items in (self.curves, self._tips, self.markers):
            self.getPlotItem().removeItem(items.pop(key))
        self.legend.removeItem(self._samples.pop(key))
        fit_legend(self.legend)
        for store in (self._live, self._extent, self._styles, self._brushes, self._current):
            store.pop(key, None)
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

    def show_rewound(self, iteration: int | None) -> None:
        """Mark the iteration the timeline shows (``None``: the views follow the live runs)."""
        self.rewind_line.setVisible(iteration is not None)
        if iteration is not None:
            self.rewind_line.setValue(iteration)

    def update_ranges(self, iteration: int, target: int) -> None:
        """x spans the target while below it (the curves fill it); y spans whole decades."""
        x_hi = target if iteration <= target else nice_ceiling(iteration * 1.1)
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
                y = (0.0, nice_ceiling(hi * 1.15))
            wanted = (x_hi, y)
        if wanted != self._range:
            self._range = wanted
            item = self.getPlotItem()
            if wanted[1] is None:
                item.setXRange(0, x_hi, padding=0.02)
            else:
                item.setRange(xRange=(0, x_hi), yRange=wanted[1], padding=0.02)
