"""Views that show *why* a run behaves as it does: gradient norms per layer, activation histograms,
and a line of counts (distinct neurons, dead or saturated units).

They read ``Snapshot.diagnostics`` (``engine.diagnostics.Diagnostics``), computed on the training
thread; the GUI only draws.

Every text is translated live (``retranslate_ui`` on ``LanguageChange``, re-rendering the last
diagnostics, so a paused run switches language too), and ``apply_palette`` re-applies every font,
line width and marker size (projector mode, zoom).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtWidgets

from app.i18n import Retranslatable, engine_text, translate
from app.views.style import (
    Palette,
    plot_axes,
    point_font,
    relabel_legend,
    restyle_plot,
    set_legend_text,
    set_plot_title,
    side_legend,
)
from engine.diagnostics import NAIVE_LOSS_NOTE, Diagnostics

__all__ = ["ActivationHistograms", "DiagnosticsSummary", "GradientNormPlot", "layer_color"]


def layer_color(index: int, n_layers: int) -> QtCore.Qt.GlobalColor:
    """Layer 1 dark, the output layer light, along viridis (ordered and colour-blind safe)."""
    cmap = pg.colormap.get("viridis")
    return cmap.map(0.85 * index / max(n_layers - 1, 1), mode="qcolor")


def _capitalized(text: str) -> str:
    """``dead units: …`` → ``Dead units: …`` (only the first letter: counts keep their case)."""
    return text[:1].upper() + text[1:]


class GradientNormPlot(Retranslatable, pg.PlotWidget):
    """``gradientNormPlot``: |δ| per layer over training, log scale.

    |δ| (the error signal reaching a layer) is what vanishes or explodes with depth: when the
    first layers' curves sit orders of magnitude below the last one's, they cannot learn.
    """

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent, axisItems=plot_axes())
        self.setObjectName("gradientNormPlot")
        self.palette_ = palette or Palette()
        item = self.getPlotItem()
        item.setLogMode(x=False, y=True)
        self.legend = side_legend(self, self.palette_)  # beside the view, never over a curve
        self.curves: list[pg.PlotDataItem] = []
        self._drawn = -1
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Axis labels, the layers' legend entries and the plot's name."""
        self._restyle()
        for layer, curve in enumerate(self.curves):
            set_legend_text(self.legend, curve, self._layer_name(layer))
        self.setAccessibleName(translate("GradientNormPlot", "Gradient norm of each layer"))

    def _restyle(self) -> None:
        restyle_plot(
            self,
            self.palette_,
            x=translate("GradientNormPlot", "iteration"),
            y=translate("GradientNormPlot", "|δ| per layer (log)"),
        )

    def _layer_name(self, layer: int) -> str:
        if layer == len(self.curves) - 1:
            return translate("GradientNormPlot", "output")
        return translate("GradientNormPlot", "layer {n}").format(n=layer + 1)

    def apply_palette(self, palette: Palette) -> None:
        """Fonts (ticks, axis labels, legend) and the curves' width for ``palette``."""
        self.palette_ = palette
        self.setFont(point_font(palette.font_pt, base=self.font()))
        self._restyle()
        relabel_legend(self.legend, palette)
        for layer, curve in enumerate(self.curves):
            curve.setPen(self._pen(layer))

    def _pen(self, layer: int):
        return pg.mkPen(layer_color(layer, len(self.curves)), width=self.palette_.line_width)

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
            item = self.getPlotItem()
            self.curves = [pg.PlotDataItem() for _ in range(view.n_layers)]
            for layer, curve in enumerate(self.curves):
                curve.setPen(self._pen(layer))
                item.addItem(curve)
                self.legend.addItem(curve, self._layer_name(layer))
            relabel_legend(self.legend, self.palette_)
        values = view.delta_norms if np.isfinite(view.delta_norms).any() else view.weight_norms
        x = view.iterations.astype(np.float64)
        for layer, curve in enumerate(self.curves):
            y = values[:, layer]
            # a log axis must never see 0 or negatives; NaN/inf become gaps
            curve.setData(x, np.where(y > 0, y, np.nan), connect="finite")


class ActivationHistograms(Retranslatable, QtWidgets.QScrollArea):
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
        self._titles: list[str] = []
        self._diag: Diagnostics | None = None  # the last shown: re-rendered in a new language
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The plots' titles (of the last diagnostics) and names."""
        self.setAccessibleName(
            translate("ActivationHistograms", "Activation histograms, one per hidden layer")
        )
        for index, plot in enumerate(self.plots, start=1):
            plot.setAccessibleName(self._plot_name(index))
        self._titles = [""] * len(self.plots)
        if self._diag is not None:
            self._show_titles(self._diag)

    @staticmethod
    def _plot_name(index: int) -> str:
        return translate(
            "ActivationHistograms", "Histogram of the activations of hidden layer {n}"
        ).format(n=index)

    def apply_palette(self, palette: Palette) -> None:
        """Tick fonts, titles, the histograms' width and the plots' height for ``palette``."""
        self.palette_ = palette
        self.setFont(point_font(palette.font_pt, base=self.font()))
        for plot, item in zip(self.plots, self.items):
            self._style(plot, item)
        self._titles = [""] * len(self.plots)
        if self._diag is not None:
            self._show_titles(self._diag)

    def _style(self, plot: pg.PlotWidget, item: pg.PlotDataItem) -> None:
        restyle_plot(plot, self.palette_)
        item.setPen(pg.mkPen("#009E73", width=self.palette_.line_width))
        plot.setMinimumHeight(round(self.MIN_PLOT_HEIGHT * max(1.0, self.palette_.font_pt / 10)))

    def show_diagnostics(self, diag: Diagnostics) -> None:
        self._diag = diag
        hists = diag.activation_hists
        if len(hists) != len(self.plots):
            self._rebuild(len(hists), diag.activation)
        for item, hist in zip(self.items, hists):
            counts, edges = hist
            item.setData(edges, counts)
        self._show_titles(diag)

    def _show_titles(self, diag: Diagnostics) -> None:
        word = engine_text(diag.dead_rule.word)
        for index, plot in enumerate(self.plots, start=1):
            dead, total = diag.dead_units[index - 1]
            title = translate("ActivationHistograms", "A{n}: {dead}/{total} {word}").format(
                n=index, dead=dead, total=total, word=word
            )
            if self._titles[index - 1] != title:  # a new title re-lays out the plot
                self._titles[index - 1] = title
                set_plot_title(plot, title, self.palette_)

    def _rebuild(self, n: int, activation: str) -> None:
        for plot in self.plots:
            self._layout.removeWidget(plot)
            plot.setParent(None)
            plot.deleteLater()
        self.plots, self.items = [], []
        for index in range(1, n + 1):
            plot = pg.PlotWidget(axisItems=plot_axes())
            plot.getPlotItem().hideAxis("left")
            plot.getPlotItem().setMouseEnabled(x=False, y=False)
            plot.getPlotItem().hideButtons()
            plot.setAccessibleName(self._plot_name(index))
            item = pg.PlotDataItem(
                stepMode="center", fillLevel=0, brush=pg.mkBrush(0, 158, 115, 90)
            )
            plot.addItem(item)
            self._style(plot, item)
            self._layout.addWidget(plot)
            self.plots.append(plot)
            self.items.append(item)
        self._titles = [""] * n


class DiagnosticsSummary(Retranslatable, QtWidgets.QLabel):
    """``diagnosticsLabel``: the counts behind the pictures, one line per fact."""

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsLabel")
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setToolTip("")
        self.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        self._diag: Diagnostics | None = None  # the last shown: re-rendered in a new language
        self.apply_palette(palette or Palette())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The name, and the last diagnostics' lines and tooltip in the current language."""
        self.setAccessibleName(translate("DiagnosticsSummary", "Diagnostics"))
        if self._diag is not None:
            self._render(self._diag)

    def apply_palette(self, palette: Palette) -> None:
        """The text at ``palette.font_pt``."""
        self.palette_ = palette
        self.setFont(point_font(palette.font_pt, base=self.font()))

    def show_diagnostics(self, diag: Diagnostics) -> None:
        self._diag = diag
        self._render(diag)

    def _render(self, diag: Diagnostics) -> None:
        n_counts = len(diag.distinct_neurons)
        distinct = " · ".join(
            f"{self._layer_name(i, n_counts)} {d}/{t}"
            for i, (d, t) in enumerate(diag.distinct_neurons, start=1)
        )
        dead = " · ".join(
            f"{self._layer_name(i, 0)} {d}/{t}" for i, (d, t) in enumerate(diag.dead_units, start=1)
        )
        word = engine_text(diag.dead_rule.word)
        lines = [
            translate("DiagnosticsSummary", "Distinct neurons: {counts}").format(counts=distinct),
            _capitalized(
                translate("DiagnosticsSummary", "{word} units: {counts}").format(
                    word=word, counts=dead
                )
            ),
        ]
        if diag.saturated:
            lines.append(self._saturation_note(diag))
        tip = translate("DiagnosticsSummary", "{word}: {rule}").format(
            word=word, rule=engine_text(diag.dead_rule.rule)
        )
        self.setToolTip(_capitalized(tip))
        text = "\n".join(lines)
        if text != self.text():
            self.setText(text)

    @staticmethod
    def _layer_name(index: int, n_layers: int) -> str:
        """``L1``, ``L2``, … and ``out`` for the output layer (the ``n_layers``-th)."""
        if index == n_layers:
            return translate("DiagnosticsSummary", "out")
        return translate("DiagnosticsSummary", "L{n}").format(n=index)

    @staticmethod
    def _saturation_note(diag: Diagnostics) -> str:
        """``engine.diagnostics.saturation_note``, with its count in a translated sentence."""
        count = translate(
            "DiagnosticsSummary",
            "{saturated} of {n} training outputs are exactly 0.0 or 1.0 in float64.",
        ).format(saturated=diag.saturated, n=diag.n_train)
        return f"{count} {engine_text(NAIVE_LOSS_NOTE)}"
