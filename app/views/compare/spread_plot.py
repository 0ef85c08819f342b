"""``compareSpreadPlot``: how spread out each layer's weights are, run by run, on a log axis."""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtGui

from app.frames import RunPicture
from app.i18n import Retranslatable, translate
from app.views.compare.run_style import LegendSample, RunStyle, resize_samples
from app.views.style import (
    FOREGROUND,
    Palette,
    cache_static,
    plot_axes,
    point_font,
    relabel_legend,
    restyle_plot,
)

__all__ = ["SPREAD_ZERO", "SpreadPlot"]

SPREAD_ZERO = 1e-12  # a layer std at or below this is drawn at the axis's "0" tick


class SpreadPlot(Retranslatable, pg.PlotWidget):
    """``compareSpreadPlot``: std of each layer's weights, a line of markers per configuration.

    A log axis, since ×10 is the lesson; He's target √(2/fan_in) is drawn as short black bars.
    A log axis has no 0, so a std of exactly 0 (zeros: all weights equal) gets its own tick,
    "0", half a decade below the lowest decade shown.  Values are log10'd here and all markers
    are one ``ScatterPlotItem``, to keep the GUI thread's share of the GIL small.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent, axisItems=plot_axes())
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
        self.legend.addItem(LegendSample(self._target_sample), "")
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
        restyle_plot(
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
        metrics = QtGui.QFontMetrics(point_font(self.palette_.font_pt + 1))
        title = translate("SpreadPlot", "weight spread per layer")
        axis = metrics.height() + metrics.horizontalAdvance("100") + 24
        self.setMinimumWidth(max(200, metrics.horizontalAdvance(title) + axis + 16))

    def apply_palette(self, palette: Palette) -> None:
        """Fonts, line widths and marker sizes for ``palette``."""
        self.palette_ = palette
        self.retranslate_ui()
        relabel_legend(self.legend, palette)
        target_pen = pg.mkPen("#000000", width=palette.line_width)
        self.target.setPen(target_pen)
        self._target_sample.setPen(target_pen)
        resize_samples(self.legend, palette.marker_size)
        self.markers.setSize(palette.marker_size + 2)
        self.markers.setPen(pg.mkPen("#000000", width=palette.thin_line_width))
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
