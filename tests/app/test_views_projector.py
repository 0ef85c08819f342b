"""Projector mode for the single-run views: after ``apply_palette(Palette(projector=True))``
nothing they draw uses a font under 20 pt or a line under 3 px, markers are big, and
``apply_palette(Palette())`` brings every size back.

Sizes are read from what is actually drawn: every visible text item of every plot (titles, axis
labels, legend entries, notes: the size of each text fragment), the axes' tick fonts and pens, every
curve's and scatter's pen, the scatters' marker sizes, and the fonts of every visible label and
button.
"""

from __future__ import annotations

import time
from collections import Counter

import numpy as np
import pyqtgraph as pg
import pytest
from PyQt6 import QtGui, QtWidgets

from app.views.cost_plot import CostPlot
from app.views.qt_items import PathCurve
from app.views.style import Palette
from engine.history import HistoryView
from tests.app.drawn import pen_width, text_sizes
from tests.app.views_helpers import Views

PROJECTOR = Palette(projector=True)
MIN_FONT_PT = 20
MIN_LINE_PX = 3


@pytest.fixture
def views(qtbot, data):
    window = Views(data)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture(scope="module")
def data():
    from engine.datasets import load_dataset

    return load_dataset("circles")


def apply(window: Views, palette: Palette) -> None:
    for view in window.views():
        view.apply_palette(palette)


# -- what is drawn, and at which size ------------------------------------------------------------
def drawn_sizes(window: Views) -> tuple[list, list, list]:
    """(fonts, pens, markers): lists of ``(what, size)`` for everything visible in the views:
    every widget's font (labels, buttons, plots, scroll bars: all of them), and in every plot
    the size of each text fragment, tick font, pen and marker."""
    fonts, pens, markers = [], [], []
    widgets = []
    for view in window.views():
        widgets += [view, *view.findChildren(QtWidgets.QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        name = f"{type(w).__name__} {w.objectName()}"
        fonts.append((name, w.font().pointSizeF()))
        if not isinstance(w, pg.PlotWidget):
            continue
        for item in w.scene().items():
            if not item.isVisible():
                continue
            what = f"{name}: {type(item).__name__}"
            if isinstance(item, QtWidgets.QGraphicsTextItem) and item.toPlainText().strip():
                fonts += [(f"{what} {item.toPlainText()!r}", s) for s in text_sizes(item)]
            elif isinstance(item, pg.AxisItem):
                tick_font = item.style["tickFont"]
                fonts.append((what + " ticks", tick_font.pointSizeF() if tick_font else -1))
                pens.append((what, pen_width(item.pen())))
            elif isinstance(item, pg.PlotCurveItem):
                pens.append((what, pen_width(pg.mkPen(item.opts["pen"]))))
            elif isinstance(item, PathCurve):  # a live curve stroked by Qt alone
                pens.append((what, pen_width(item.pen())))
            elif isinstance(item, pg.ScatterPlotItem):
                pens.append((what, pen_width(pg.mkPen(item.opts["pen"]))))
                sizes = [item.opts["size"]]
                if len(item.data):
                    per_point = item.data["size"]
                    sizes += [float(s) for s in per_point if s >= 0]
                    pens += [(what, pen_width(p)) for p in item.data["pen"] if p is not None]
                markers += [(what, float(s)) for s in sizes]
            elif isinstance(item, QtWidgets.QGraphicsEllipseItem):  # the cost plot's marker
                pens.append((what, pen_width(item.pen())))
                markers.append((what, item.rect().width()))
            elif isinstance(item, pg.TextItem):
                pens.append((what + " border", pen_width(item.border)))
            elif isinstance(item, pg.InfiniteLine):
                pens.append((what, pen_width(item.pen)))
    pens = [(what, width) for what, width in pens if width is not None]
    return fonts, pens, markers


def _small(found: list, minimum: float) -> list:
    return [(what, size) for what, size in found if size < minimum]


# -- tests -----------------------------------------------------------------------------------------
def test_projector_mode_makes_every_font_and_line_big_enough(views, qtbot):
    apply(views, PROJECTOR)
    qtbot.waitUntil(lambda: views.isVisible())
    fonts, pens, markers = drawn_sizes(views)
    # everything the views show was looked at
    assert len(fonts) > 40 and len(pens) > 20 and len(markers) >= 5
    assert _small(fonts, MIN_FONT_PT) == []
    assert _small(pens, MIN_LINE_PX) == []
    assert _small(markers, PROJECTOR.marker_size) == []
    # the main lines are at least the palette's line width
    assert views.cost.curve.pen().widthF() >= PROJECTOR.line_width
    assert views.decision.contour.opts["pen"].widthF() >= PROJECTOR.line_width
    for curve in views.gradients.curves:
        assert curve.opts["pen"].widthF() >= PROJECTOR.line_width
    assert views.lesson.title.font().pointSizeF() > PROJECTOR.font_pt  # the title stands out


def test_new_data_after_projector_mode_is_drawn_big_too(views, qtbot, data):
    from engine.config import TrainConfig
    from engine.trainer import Trainer

    apply(views, PROJECTOR)
    views.cost.start_run("zeros", "#3")  # a new ghost, a new current run
    deep = Trainer(TrainConfig(hidden=(6, 6, 6), activation="tanh"), data)
    deep.step(10)
    snap = deep.snapshot(grid_resolution=24)
    views.cost.show_history(snap.history, snap.iteration, snap.cost, 100)
    views.weights.start_run()
    views.weights.show_layers(snap.layers, snap.iteration)  # new plots: a layer more
    for view in (views.gradients, views.activations, views.summary):
        view.show_diagnostics(snap.diagnostics)
    views.decision.show_data(data)
    views.lesson.next.click()
    fonts, pens, markers = drawn_sizes(views)
    assert len(views.weights.plots) == 4 and len(views.gradients.curves) == 4
    assert _small(fonts, MIN_FONT_PT) == []
    assert _small(pens, MIN_LINE_PX) == []
    assert _small(markers, PROJECTOR.marker_size) == []


def test_the_default_palette_brings_every_size_back(views, qtbot):
    before = [Counter(sizes) for sizes in drawn_sizes(views)]
    normal = Palette()
    fonts, pens, _ = drawn_sizes(views)
    assert {size for _, size in fonts} <= {normal.font_pt, normal.font_pt + 1, 12.0}
    assert _small(pens, 1) == []
    apply(views, PROJECTOR)
    assert [Counter(sizes) for sizes in drawn_sizes(views)] != before
    apply(views, normal)
    assert [Counter(sizes) for sizes in drawn_sizes(views)] == before


def test_zoom_scales_the_fonts(views):
    apply(views, Palette(zoom=1.5))
    fonts, _, _ = drawn_sizes(views)
    assert _small(fonts, Palette(zoom=1.5).font_pt) == []


def test_a_long_cost_curve_stays_cheap_with_projector_pens(qtbot):
    """Thick pens are slow on long polylines: the curve is decimated to about a point per pixel."""
    plot = CostPlot(palette=PROJECTOR)
    qtbot.addWidget(plot)
    plot.resize(1200, 500)
    plot.show()
    qtbot.waitExposed(plot)
    n = 200_000
    its = np.arange(n, dtype=np.int64)
    costs = np.exp(-its / n) + np.random.default_rng(0).normal(0, 0.01, n)
    its.flags.writeable = costs.flags.writeable = False
    plot.show_history(HistoryView(((its, costs),), n), n, float(costs[-1]), n)
    x, _ = plot.curve.getData()
    assert len(x) <= max(600, plot.width())
    assert plot.curve.pen().widthF() >= PROJECTOR.line_width
    plot.start_run("he", "next")  # the long run becomes a ghost: decimated too
    gx, _ = plot.ghosts[-1].getOriginalDataset()
    assert len(gx) <= 2000
    # A generous bound (software rendering on a loaded CI machine): undecimated, a 200k-point
    # curve at 3 px takes ~100 ms a frame.
    plot.show_history(HistoryView(((its, costs),), n), n, float(costs[-1]), n)
    image = QtGui.QImage(plot.size(), QtGui.QImage.Format.Format_ARGB32)
    start = time.perf_counter()
    for _ in range(3):
        painter = QtGui.QPainter(image)
        plot.render(painter)
        painter.end()
    assert (time.perf_counter() - start) / 3 < 0.25
