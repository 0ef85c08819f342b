"""Projector mode for the comparison: after ``apply_palette(Palette(projector=True))`` every font
the view's widgets and plots use is at least 20 pt, every line at least 3 px, and every marker
at least the palette's marker size (the small maps' data points: half of it, see ``MiniMap``).
"""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets
from pyqtgraph.graphicsItems.LegendItem import ItemSample

from app.frames import RunState
from app.views.compare.cost_plot import HIGHLIGHT_FACTOR
from app.views.compare.run_style import CURVE_WIDTH
from app.views.qt_items import PointMarker
from app.views.style import Palette
from tests.app import compare_helpers
from tests.app.compare_helpers import click, drawn
from tests.app.drawn import pen_width, text_sizes

# Shared fixtures: a shown, wired comparison joined at teardown, and the stray-thread guard.
data = compare_helpers.data
make_view = compare_helpers.make_view

PROJECTOR = Palette(projector=True)
NO_PEN = QtCore.Qt.PenStyle.NoPen


def plot_report(plot: pg.PlotWidget) -> tuple[list, list, list]:
    """(text sizes, pen widths, marker sizes) of everything visible in ``plot``'s scene."""
    texts, pens, markers = [], [], []
    for item in plot.scene().items():
        if not item.isVisible():
            continue
        name = type(item).__name__
        if isinstance(item, QtWidgets.QGraphicsTextItem) and item.toPlainText().strip():
            texts += [(name, item.toPlainText(), size) for size in text_sizes(item)]
        if isinstance(item, pg.AxisItem):
            texts.append((name, "ticks", item.style["tickFont"].pointSizeF()))
            pens.append((name, pen_width(item.pen())))
        elif isinstance(item, pg.PlotCurveItem):
            pens.append((name, pen_width(item.opts["pen"])))
        elif isinstance(item, pg.InfiniteLine):
            pens.append((name, pen_width(item.pen)))
        elif isinstance(item, pg.ScatterPlotItem):
            spot_pens = [p for p in item.data["pen"] if p is not None]
            pens += [(name, pen_width(p)) for p in [item.opts["pen"], *spot_pens]]
            sizes = [s for s in item.data["size"] if s >= 0] if len(item.data) else []
            markers += [(plot, s) for s in [item.opts["size"], *sizes]]
        elif isinstance(item, ItemSample):  # a legend's swatch, drawn from its item
            opts = item.item.opts
            pens.append((name, pen_width(opts["pen"])))
            if opts.get("symbol") is not None:
                pens.append((name + " symbol", pen_width(opts["symbolPen"])))
                markers.append((plot, opts["symbolSize"]))
        elif isinstance(item, PointMarker):  # a current point, painted by Qt
            pens.append((name, pen_width(item.pen())))
            markers.append((plot, item.size))
        elif isinstance(item, QtWidgets.QAbstractGraphicsShapeItem):  # curves (PathCurve) too
            pens.append((name, pen_width(item.pen())))
        elif isinstance(item, pg.TextItem):
            pens.append((name, pen_width(item.border)))
        elif isinstance(item, pg.LegendItem):
            pens.append((name, pen_width(item.opts["pen"])))
    pens = [(name, w) for name, w in pens if w is not None]
    return texts, pens, markers


def plots(view) -> list[pg.PlotWidget]:
    return [view.cost_plot, view.spread_plot, *(m.plot for m in view.maps)]


def too_small(view, palette: Palette, points: float, line: float) -> list:
    """Everything in the view smaller than asked: fonts, lines, markers."""
    bad = []
    for w in [view, *view.findChildren(QtWidgets.QWidget)]:
        if w.font().pointSizeF() < points:
            bad.append(("widget font", type(w).__name__, w.objectName(), w.font().pointSizeF()))
    for plot in plots(view):
        texts, pens, markers = plot_report(plot)
        bad += [("plot text", plot.objectName(), *t) for t in texts if t[-1] < points]
        bad += [("pen", plot.objectName(), *p) for p in pens if p[-1] < line]
        in_map = any(plot is m.plot for m in view.maps)
        least = palette.marker_size / 2 if in_map else palette.marker_size
        bad += [("marker", plot.objectName(), s) for _, s in markers if s < least]
    return bad


def test_projector_mode_makes_every_font_line_and_marker_big_and_back(make_view, qtbot):
    compared = make_view()
    view = compared.view
    click(view, "compareStepButton")
    drawn(qtbot, compared, lambda f: f.iteration == 1 and f.state is RunState.PAUSED)
    view.table.selectRow(2)  # the highlighted curve is drawn wider
    assert too_small(view, Palette(), 10, 1) == [], too_small(view, Palette(), 10, 1)
    # The check sees every kind of thing: at the default sizes all of them are too small.
    kinds = {bad[0] for bad in too_small(view, PROJECTOR, 20, 3)}
    assert kinds == {"widget font", "plot text", "pen", "marker"}

    view.apply_palette(PROJECTOR)
    assert too_small(view, PROJECTOR, 20, 3) == []
    assert view.table.horizontalHeader().font().pointSizeF() >= 20
    assert (
        view.table.verticalHeader().defaultSectionSize()
        >= QtGui.QFontMetrics(view.table.font()).height()
    )
    # The selected curve stays the widest; every curve at least the palette's line width.
    widths = {k: c.pen().widthF() for k, c in view.cost_plot.curves.items()}
    keys = compared.controller.latest.keys
    assert min(widths.values()) >= PROJECTOR.line_width
    assert widths[keys[2]] > max(widths[keys[0]], widths[keys[1]])

    # A run added in projector mode comes in projector sizes, and draws on.
    click(view, "compareAddButton")
    click(view, "compareStepButton")
    drawn(qtbot, compared, lambda f: len(f.rows) == 4 and f.state is RunState.PAUSED)
    assert view.maps[3].isVisible()
    assert too_small(view, PROJECTOR, 20, 3) == []

    # Back to the default: the sizes of before (nothing stays projector-sized).
    view.apply_palette(Palette())
    pen = view.cost_plot.curves[keys[0]].pen()
    assert pen.widthF() == CURVE_WIDTH
    assert view.cost_plot.curves[keys[2]].pen().widthF() == CURVE_WIDTH * HIGHLIGHT_FACTOR
    assert view.add_button.font().pointSizeF() < 20
    assert view.cost_plot.getPlotItem().getAxis("left").style["tickFont"].pointSizeF() < 20


def test_projector_mode_keeps_the_text_and_the_cost_curve_decimated(make_view, qtbot):
    compared = make_view(target=3000)
    view = compared.view
    view.apply_palette(PROJECTOR)
    click(view, "comparePlayButton")
    frame = drawn(qtbot, compared, lambda f: f.state is RunState.FINISHED, timeout=60000)
    width = view.cost_plot.getPlotItem().getViewBox().width()
    for key in frame.keys:
        x, _ = view.cost_plot.curve_data(key)
        assert len(x) <= max(300, width // 2) + 8  # thick pens, few points
    assert too_small(view, PROJECTOR, 20, 3) == []
    # Table texts are not clipped: rows are as tall as the projector font.
    metrics = QtGui.QFontMetrics(view.table.font())
    assert view.table.rowHeight(0) >= metrics.height()
