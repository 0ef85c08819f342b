"""Views that show *why* a run behaves as it does: gradient norms per layer, activation histograms,
and a line of counts (distinct neurons, dead or saturated units).

They read ``Snapshot.diagnostics`` (``engine.diagnostics.Diagnostics``), computed on the training
thread; the GUI only draws.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtWidgets

from app.views.style import FOREGROUND, Palette, cache_static, style_plot
from engine.diagnostics import Diagnostics

__all__ = ["ActivationHistograms", "DiagnosticsSummary", "GradientNormPlot", "layer_color"]


def layer_color(index: int, n_layers: int) -> QtCore.Qt.GlobalColor:
    """Layer 1 dark, the output layer light, along viridis (ordered and colour-blind safe)."""
    cmap = pg.colormap.get("viridis")
    return cmap.map(0.85 * index / max(n_layers - 1, 1), mode="qcolor")


class GradientNormPlot(pg.PlotWidget):
    """``gradientNormPlot``: |δ| per layer over training, log scale.

    |δ| (the error signal reaching a layer) is what vanishes or explodes with depth: when the
    first layers' curves sit orders of magnitude below the last one's, they cannot learn.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientNormPlot")
        self.palette_ = palette or Palette()
        style_plot(self, palette=self.palette_, x="iteration", y="|δ| per layer (log)")
        item = self.getPlotItem()
        item.setLogMode(x=False, y=True)
        self.legend = item.addLegend(offset=(-10, 10), labelTextColor=FOREGROUND, colCount=2)
        cache_static(self.legend)
        self.curves: list[pg.PlotDataItem] = []
        self._drawn = -1

    def start_run(self) -> None:
        for curve in self.curves:
            self.legend.removeItem(curve)
            self.getPlotItem().removeItem(curve)
        self.curves = []
        self._drawn = -1

    def show_diagnostics(self, diag: Diagnostics) -> None:
        view = diag.grad_norms
        n = len(view)
        if n == self._drawn:
            return
        self._drawn = n
        if len(self.curves) != view.n_layers:
            self.start_run()
            self._drawn = n
            for layer in range(view.n_layers):
                name = "output" if layer == view.n_layers - 1 else f"layer {layer + 1}"
                pen = pg.mkPen(layer_color(layer, view.n_layers), width=self.palette_.line_width)
                self.curves.append(self.getPlotItem().plot(name=name, pen=pen))
        values = view.delta_norms if np.isfinite(view.delta_norms).any() else view.weight_norms
        x = view.iterations.astype(np.float64)
        for layer, curve in enumerate(self.curves):
            y = values[:, layer]
            # a log axis must never see 0 or negatives; NaN/inf become gaps
            curve.setData(x, np.where(y > 0, y, np.nan), connect="finite")


class ActivationHistograms(QtWidgets.QScrollArea):
    """``activationHistograms``: each hidden layer's outputs on the training data, now.

    A spike at 0 for ReLU is dead units; piles at ±1 (tanh) or 0/1 (sigmoid) is saturation.
    """

    MIN_PLOT_HEIGHT = 90

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activationHistograms")
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.palette_ = palette or Palette()
        inner = QtWidgets.QWidget()
        self._layout = QtWidgets.QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.setWidget(inner)
        self.plots: list[pg.PlotWidget] = []
        self.items: list[pg.PlotDataItem] = []

    def show_diagnostics(self, diag: Diagnostics) -> None:
        hists = diag.activation_hists
        if len(hists) != len(self.plots):
            self._rebuild(len(hists), diag.activation)
        for index, (plot, item, hist) in enumerate(zip(self.plots, self.items, hists), start=1):
            counts, edges = hist
            item.setData(edges, counts)
            dead, total = diag.dead_units[index - 1]
            title = f"A{index}: {dead}/{total} {diag.dead_rule.word}"
            if plot.getPlotItem().titleLabel.text != title:
                plot.getPlotItem().setTitle(
                    title, color=FOREGROUND, size=f"{self.palette_.font_pt}pt"
                )

    def _rebuild(self, n: int, activation: str) -> None:
        for plot in self.plots:
            self._layout.removeWidget(plot)
            plot.setParent(None)
            plot.deleteLater()
        self.plots, self.items = [], []
        for _ in range(n):
            plot = pg.PlotWidget()
            style_plot(plot, palette=self.palette_)
            plot.getPlotItem().hideAxis("left")
            plot.getPlotItem().setMouseEnabled(x=False, y=False)
            plot.getPlotItem().hideButtons()
            plot.setMinimumHeight(self.MIN_PLOT_HEIGHT)
            item = pg.PlotDataItem(
                stepMode="center",
                fillLevel=0,
                pen=pg.mkPen("#009E73", width=self.palette_.line_width),
                brush=pg.mkBrush(0, 158, 115, 90),
            )
            plot.addItem(item)
            self._layout.addWidget(plot)
            self.plots.append(plot)
            self.items.append(item)


class DiagnosticsSummary(QtWidgets.QLabel):
    """``diagnosticsLabel``: the counts behind the pictures, one line per fact."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsLabel")
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setAccessibleName("Diagnostics")
        self.setToolTip("")
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )

    def show_diagnostics(self, diag: Diagnostics) -> None:
        distinct = " · ".join(
            f"{'out' if i == len(diag.distinct_neurons) else f'L{i}'} {d}/{t}"
            for i, (d, t) in enumerate(diag.distinct_neurons, start=1)
        )
        dead = " · ".join(f"L{i} {d}/{t}" for i, (d, t) in enumerate(diag.dead_units, start=1))
        lines = [
            f"Distinct neurons: {distinct}",
            f"{diag.dead_rule.word.capitalize()} units: {dead}",
        ]
        if diag.saturated:
            lines.append(diag.saturation_note)
        self.setToolTip(f"{diag.dead_rule.word.capitalize()}: {diag.dead_rule.rule}")
        text = "\n".join(lines)
        if text != self.text():
            self.setText(text)
