"""One histogram per layer's weights, with the iteration-0 histogram kept as a faint outline.

Bins are fixed for a run — taken from the iteration-0 weights and widened only when weights leave
the range — so a histogram's shape can be compared over time and does not jitter from frame to
frame.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import Retranslatable, translate
from app.views.style import Palette, plot_axes, point_font, restyle_plot, set_plot_title
from engine.snapshot import LayerState

__all__ = ["LayerHistogram", "WeightHistograms", "bin_edges_for"]

N_BINS = 40


def bin_edges_for(values: np.ndarray, n_bins: int = N_BINS) -> np.ndarray:
    """Edges covering ``values`` with a margin; a lone spike (all zeros) gets a narrow range."""
    lo, hi = float(np.min(values)), float(np.max(values))
    span = hi - lo
    if not np.isfinite(span):
        lo, hi, span = -1.0, 1.0, 2.0
    if span < 1e-12:
        # An odd bin count puts the lone value in the middle of a bin, not on an edge.
        half = max(abs(lo) * 0.5, 0.5)
        return np.linspace(lo - half, lo + half, n_bins + 2)
    return np.linspace(lo - 0.05 * span, hi + 0.05 * span, n_bins + 1)


def _widened(edges: np.ndarray, values: np.ndarray) -> np.ndarray | None:
    """New edges if ``values`` leave ``edges``' range (grown by half again), else ``None``."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return None
    lo, hi = float(finite.min()), float(finite.max())
    if lo >= edges[0] and hi <= edges[-1]:
        return None
    span = max(hi, edges[-1]) - min(lo, edges[0])
    return np.linspace(
        min(lo, edges[0]) - 0.25 * span, max(hi, edges[-1]) + 0.25 * span, len(edges)
    )


def layer_title(index: int, layer: LayerState) -> str:
    """``W1 · 10×2 · He std √(2/2) = 1.00``: what stays fixed for a run (current language)."""
    W = layer.W
    return translate(
        "LayerHistogram", "W{n} · {rows}×{cols} · He std √(2/{fan_in}) = {std}"
    ).format(
        n=index, rows=W.shape[0], cols=W.shape[1], fan_in=layer.fan_in, std=f"{layer.he_std:.2f}"
    )


def layer_stats(layer: LayerState) -> str:
    """``mean 0.012  std 0.98``: what changes as the weights train (current language)."""
    W = layer.W
    if not np.isfinite(W).all():
        return translate("LayerHistogram", "weights not finite")
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run: inf is the answer
        mean, std = float(W.mean()), float(W.std())
    return translate("LayerHistogram", "mean {mean}\nstd {std}").format(
        mean=f"{mean:.3g}", std=f"{std:.3g}"
    )


class LayerHistogram(Retranslatable, pg.PlotWidget):
    """The histogram of one layer's weights, now and at iteration 0."""

    #: the last layer shown, whose texts are re-rendered (a class default: pyqtgraph may resize
    #: the widget while it is still being built)
    _layer: LayerState | None = None

    def __init__(self, index: int, palette: Palette) -> None:
        super().__init__(axisItems=plot_axes())
        self.index = index
        self.setObjectName(f"weightHistogram{index}")
        self.palette_ = palette
        item = self.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.hideAxis("left")  # counts matter less than shape; one axis less to repaint
        # Ranges are set by hand (fixed bins, a y-limit that only grows): while nothing leaves
        # them the axes never need repainting, which keeps frames cheap.
        item.disableAutoRange()
        # on a light backing: the numbers sit over the bars and must read from the back row
        self.stats = pg.TextItem(
            anchor=(1, 0), color=palette.foreground, fill=pg.mkBrush(255, 255, 255, 210)
        )
        self.stats.setZValue(10)
        item.addItem(self.stats, ignoreBounds=True)
        self._ymax = 1.0
        self._title = ""
        self._title_for: tuple[str, int] | None = None  # the full title and width last fitted
        self._stats = ""
        self._counts: np.ndarray | None = None  # the bars on screen
        self._layer: LayerState | None = None  # the last layer shown: its texts are re-rendered
        self.initial_item = pg.PlotDataItem(stepMode="center")
        self.current_item = pg.PlotDataItem(stepMode="center", fillLevel=0)
        self.addItem(self.initial_item)
        self.addItem(self.current_item)
        self.edges: np.ndarray | None = None
        self._initial_values: np.ndarray | None = None
        self.apply_palette(palette)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The title and the statistics of the last layer shown, and the plot's name."""
        self.setAccessibleName(
            translate("LayerHistogram", "Histogram of the weights of layer {n}").format(
                n=self.index
            )
        )
        self._show_texts(force=True)

    def apply_palette(self, palette: Palette) -> None:
        """Tick font, outline and bar widths, title and statistics font for ``palette``."""
        self.palette_ = palette
        self.setFont(point_font(palette.font_pt, base=self.font()))
        restyle_plot(self, palette)
        self.initial_item.setPen(
            pg.mkPen("#888888", width=palette.line_width, style=QtCore.Qt.PenStyle.DashLine)
        )
        self.current_item.setPen(pg.mkPen("#0072B2", width=palette.line_width))
        self.current_item.setBrush(pg.mkBrush(0, 114, 178, 90))
        self.stats.setColor(palette.foreground)
        self.stats.setFont(point_font(palette.font_pt))
        self._show_texts(force=True)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        """A title that fitted may not fit any more (or the other way round)."""
        super().resizeEvent(event)
        if self._layer is not None:  # not during construction
            self._show_texts()

    def _show_texts(self, force: bool = False) -> None:
        """Re-render the statistics and the title, each only if its words changed.

        Re-rendering a text item costs ~0.3 ms of GUI-thread Python, and a title change re-lays
        out the plot; most frames change neither (three significant digits move slowly).
        """
        layer = self._layer
        if layer is None:
            return
        stats = layer_stats(layer)
        if force or stats != self._stats:
            self._stats = stats
            self.stats.setText(stats)
        full = layer_title(self.index, layer)
        if not force and (full, self.width()) == self._title_for:
            return
        self._title_for = (full, self.width())
        title = full
        metrics = QtGui.QFontMetrics(point_font(self.palette_.font_pt))
        too_long = metrics.horizontalAdvance(title) > self.width() - 16
        # Too long for the panel (projector sizes): the He target moves to the tooltip, which
        # goes again (with its old words) once the title fits.
        self.setToolTip(title if too_long else "")
        if too_long:
            title = " · ".join(title.split(" · ")[:2])
        if force or title != self._title:  # a title change re-lays out the plot: only if needed
            self._title = title
            set_plot_title(self, title, self.palette_)

    def start_run(self, initial: np.ndarray) -> None:
        """Fix the bins from the iteration-0 weights and draw their outline."""
        self._initial_values = np.array(initial, copy=True).ravel()
        self.edges = bin_edges_for(self._initial_values)
        self._counts = None  # new bins: the bars must be drawn again, whatever their counts
        self._draw_initial()

    def _draw_initial(self) -> None:
        assert self.edges is not None and self._initial_values is not None
        counts, _ = np.histogram(self._initial_values, bins=self.edges)
        self.initial_item.setData(self.edges, counts)
        self._ymax = max(1.0, float(counts.max()) * 1.15)
        self._set_ranges()

    def _set_ranges(self) -> None:
        assert self.edges is not None
        item = self.getPlotItem()
        item.setXRange(float(self.edges[0]), float(self.edges[-1]), padding=0)
        item.setYRange(0, self._ymax, padding=0)
        self.stats.setPos(float(self.edges[-1]), self._ymax)

    def show_layer(self, layer: LayerState) -> None:
        values = layer.W.ravel()
        if self.edges is None:
            self.start_run(values)
        assert self.edges is not None
        wider = _widened(self.edges, values)
        if wider is not None:
            self.edges = wider
            self._draw_initial()
        finite = values[np.isfinite(values)]
        counts, _ = np.histogram(finite, bins=self.edges)
        if wider is not None or self._counts is None or not np.array_equal(counts, self._counts):
            self._counts = counts  # late in a run most frames move no weight across a bin edge
            self.current_item.setData(self.edges, counts)
        if counts.max() > self._ymax:
            self._ymax = float(counts.max()) * 1.15
            self._set_ranges()
        self._layer = layer
        self._show_texts()


class WeightHistograms(Retranslatable, QtWidgets.QScrollArea):
    """``weightHistograms``: a column of :class:`LayerHistogram`, one per layer.

    A scroll area: three layers share the height, a 12-layer network scrolls instead of
    stretching the window.
    """

    MIN_PLOT_HEIGHT = 110

    def __init__(
        self, parent: QtWidgets.QWidget | None = None, palette: Palette | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("weightHistograms")
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.palette_ = palette or Palette()
        inner = QtWidgets.QWidget()
        self._layout = QtWidgets.QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.setWidget(inner)
        self.plots: list[LayerHistogram] = []
        self._needs_start = True
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The view's name (each :class:`LayerHistogram` re-translates its own texts)."""
        self.setAccessibleName(translate("WeightHistograms", "Weight histograms, one per layer"))

    def apply_palette(self, palette: Palette) -> None:
        """Every layer's plot for ``palette``; plots grow with the font so they stay legible."""
        self.palette_ = palette
        self.setFont(point_font(palette.font_pt, base=self.font()))
        for plot in self.plots:
            plot.apply_palette(palette)
            plot.setMinimumHeight(self._plot_height())

    def render_picture(self, width: int) -> QtGui.QImage:
        """Every layer's histogram (also those scrolled out of view) as one picture ``width``
        pixels wide, drawn at that size rather than scaled up from the screen's pixels."""
        inner = self.widget()
        size = inner.size()
        scale = width / max(size.width(), 1)
        image = QtGui.QImage(
            width, max(1, round(size.height() * scale)), QtGui.QImage.Format.Format_ARGB32
        )
        image.fill(QtGui.QColor("#ffffff"))
        painter = QtGui.QPainter(image)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        inner.render(painter)
        painter.end()
        return image

    def _plot_height(self) -> int:
        return round(self.MIN_PLOT_HEIGHT * max(1.0, self.palette_.font_pt / 10))

    def start_run(self) -> None:
        """The next frame's weights are iteration 0's (or the first seen): fix bins from them."""
        self._needs_start = True

    def show_layers(self, layers: tuple[LayerState, ...], iteration: int) -> None:
        if len(layers) != len(self.plots):
            self._rebuild(len(layers))
            self._needs_start = True
        if self._needs_start:
            for plot, layer in zip(self.plots, layers):
                plot.start_run(layer.W)
            self._needs_start = False
        for plot, layer in zip(self.plots, layers):
            plot.show_layer(layer)

    def _rebuild(self, n: int) -> None:
        for plot in self.plots:
            self._layout.removeWidget(plot)
            plot.setParent(None)
            plot.deleteLater()
        self.plots = [LayerHistogram(i + 1, self.palette_) for i in range(n)]
        for plot in self.plots:
            plot.setMinimumHeight(self._plot_height())
            self._layout.addWidget(plot)
