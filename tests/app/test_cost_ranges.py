"""The cost plots draw only what they are given and show all of it: a reset leaves no curve of
the run before it, the axes cover the current run and the ghosts (log by themselves when the
costs span decades), and the legends stay beside the data, capped and unambiguous."""

from __future__ import annotations

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui

from app.frames import RunPicture
from app.views.compare.cost_plot import CompareCostPlot
from app.views.compare.run_style import StyleBook
from app.views.cost_plot import MAX_GHOSTS, CostPlot
from app.views.live_curve import CurvePoints
from app.views.style import Palette, point_font
from engine.config import TrainConfig
from tests.app import history

EVERY = 20  # the comparison records a cost every 20 iterations


def random_costs(n: int) -> np.ndarray:
    """A random ×10 run's shape: 1773.59 at iteration 0, then down to ~0.4."""
    return 1773.59 * np.exp(-np.arange(n) / 2.0) + 0.4 + 0.3 * np.exp(-np.arange(n) / 500.0)


def shown(qtbot, plot, width: int = 900, height: int = 450):
    qtbot.addWidget(plot)
    plot.resize(width, height)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def picture(key: int, costs: np.ndarray, init: str = "random") -> RunPicture:
    h = history(costs, EVERY)
    return RunPicture(
        key, init, TrainConfig(init=init), (len(costs) - 1) * EVERY, h, (), None, None, None
    )


# -- item 2: no phantom curves after a reset ----------------------------------------------------
def test_after_a_reset_the_comparison_draws_only_the_new_runs_points(qtbot):
    """Play past 15000 (1,200 recorded points), reset, play to 700 points: the curve drawn
    held the old run's first 1,024 points too, and a line from iteration 20,460 back to 0."""
    plot = shown(qtbot, CompareCostPlot())
    styles = StyleBook()
    for key, init in enumerate(("random", "he")):
        plot.add_run(key, init, styles.get(key, init))
    old = random_costs(1200)
    for key in (0, 1):
        plot.show_run(picture(key, old * (1 + key)), float(old[-1]))
    plot.show_run(picture(0, old[:1]), float(old[0]))  # the reset's iteration 0 ...
    for n in (300, 700, 1100):  # ... then the new run's frames, paused and playing
        for live in (False, True):
            new = old[:n]
            for key in (0, 1):
                plot.show_run(picture(key, new * (1 + key)), float(new[-1]), live)
                x, y = plot.curve_data(key)
                assert x.max() <= (n - 1) * EVERY, (n, live)
                assert (np.diff(x) > 0).all()  # no line back to an earlier iteration
                np.testing.assert_array_equal(y, new[(x // EVERY).astype(int)] * (1 + key))


def test_curve_points_forget_the_blocks_of_a_longer_run():
    points = CurvePoints()
    long = random_costs(3000)
    points.points(history(long), 600)
    x, _y = points.points(history(long[:900]), 600)
    assert x.max() == 899


# -- item 5: the view spans everything drawn, log by itself across decades -----------------------
def view_box(plot) -> tuple[tuple[float, float], tuple[float, float]]:
    (x0, x1), (y0, y1) = plot.getPlotItem().getViewBox().viewRange()
    if plot.is_log_scale():
        y0, y1 = 10.0**y0, 10.0**y1
    return (x0, x1), (y0, y1)


def left_label(plot) -> str:
    return plot.getPlotItem().getAxis("left").labelText


def test_the_cost_view_shows_iteration_0_and_the_ghosts_on_a_log_axis_by_itself(qtbot):
    plot = shown(qtbot, CostPlot())
    long_ghost = np.linspace(0.9, 0.2, 40000)
    plot.start_run("he", "long")
    plot.show_history(history(long_ghost), 39999, float(long_ghost[-1]), 15000)
    plot.start_run("random", "random x10")  # the long run becomes a ghost
    costs = random_costs(300)
    plot.show_history(history(costs), 299, float(costs[-1]), 15000)
    (x0, x1), (y0, y1) = view_box(plot)
    assert x0 <= 0 and x1 >= 39999  # the ghost is not clipped
    assert y0 <= costs.min() and y1 >= 1773.59  # iteration 0's cost is on the plot
    assert plot.is_log_scale()  # 1773.59 … 0.4: nearly four decades
    assert "log scale" in left_label(plot)
    # The user's choice wins, both ways.
    plot.set_log_scale(False)
    (x0, x1), (y0, y1) = view_box(plot)
    assert not plot.is_log_scale() and "log" not in left_label(plot)
    assert y1 >= 1773.59 and x1 >= 39999
    plot.set_log_scale(True)
    assert plot.is_log_scale()


def test_costs_within_two_decades_stay_linear(qtbot):
    plot = shown(qtbot, CostPlot())
    costs = np.linspace(0.88, 0.05, 500)
    plot.show_history(history(costs), 499, float(costs[-1]), 15000)
    assert not plot.is_log_scale() and left_label(plot) == "cost"


def test_the_comparison_shows_iteration_0_and_says_log_scale(qtbot):
    plot = shown(qtbot, CompareCostPlot())
    plot.add_run(0, "random", StyleBook().get(0, "random"))
    costs = random_costs(300)
    plot.show_run(picture(0, costs), float(costs[-1]))
    for log in (True, False):
        plot.set_log_scale(log)
        plot.update_ranges(299 * EVERY, 15000)
        (_x0, _x1), (y0, y1) = view_box(plot)
        assert y0 <= costs.min() and y1 >= 1773.59
        assert ("log scale" in left_label(plot)) == log


# -- item 6 and 10: legends beside the data, ghosts capped, named apart and legible -------------
def test_ghosts_are_capped_named_apart_and_drawn_dark_and_dashed(qtbot):
    plot = shown(qtbot, CostPlot())
    for run in range(8):
        plot.start_run("scaled", "Scaled, seed 3, lr 0.01")  # the same configuration each time
        plot.show_history(history(np.linspace(1.0, 0.5, 50 + run)), 49 + run, 0.5, 15000)
    plot.start_run("he", "He")
    assert len(plot.ghosts) == MAX_GHOSTS <= 4
    texts = [label.text for _sample, label in plot.legend.items]
    assert len(texts) == MAX_GHOSTS + 1 and len(set(texts)) == len(texts)
    opacities = [g.opacity() for g in plot.ghosts]
    assert opacities == sorted(opacities) and opacities[0] < opacities[-1]  # the oldest fades
    for ghost in plot.ghosts:
        pen = ghost.opts["pen"]
        assert pen.style() != QtCore.Qt.PenStyle.SolidLine
        assert luminance(pen.color()) <= 0.4  # the scaled yellow (0.8) vanished on white


def luminance(color: QtGui.QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = channel(color.redF()), channel(color.greenF()), channel(color.blueF())
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def apart(a: QtCore.QRectF, b: QtCore.QRectF) -> bool:
    """No more than a pixel's sliver in common (the layout's cells abut in fractions)."""
    common = a.intersected(b)
    return min(common.width(), common.height()) < 1


@pytest.mark.parametrize("kind", ["single", "compare"])
def test_legends_sit_beside_the_data_and_keep_their_spacing_after_projector_mode(qtbot, kind):
    if kind == "single":
        plot = shown(qtbot, CostPlot())
        plot.start_run("random", "random x10")
        plot.show_history(history(random_costs(300)), 299, 0.5, 15000)
        plot.start_run("he", "He")
        plot.show_history(history(np.linspace(0.9, 0.1, 300)), 299, 0.1, 15000)
    else:
        plot = shown(qtbot, CompareCostPlot())
        styles = StyleBook()
        for key, init in enumerate(("zeros", "random", "he")):
            plot.add_run(key, init, styles.get(key, init))
            plot.show_run(picture(key, random_costs(300), init), 0.5)
        plot.update_ranges(299 * EVERY, 15000)
    qtbot.wait(1)
    box = plot.getPlotItem().getViewBox().sceneBoundingRect()

    def legend_rect():
        return plot.legend.sceneBoundingRect()

    before = legend_rect()
    assert apart(before, box)  # never over a curve
    plot.apply_palette(Palette(projector=True))
    qtbot.wait(1)
    assert legend_rect().height() > before.height()
    plot.apply_palette(Palette())
    qtbot.wait(1)
    after = legend_rect()
    assert after.height() == pytest.approx(before.height(), abs=1)
    assert after.width() == pytest.approx(before.width(), abs=1)
    assert apart(after, plot.getPlotItem().getViewBox().sceneBoundingRect())
    assert plot.getPlotItem().buttonsHidden  # no "A" button


# -- item 10: the histograms' picture at slide width --------------------------------------------
def test_the_histograms_picture_is_rendered_1920_wide_with_every_layer(qtbot):
    from app.views.weight_histograms import WeightHistograms
    from engine.datasets import load_dataset
    from engine.trainer import Trainer

    view = shown(qtbot, WeightHistograms(), 369, 359)
    snap = Trainer(TrainConfig(), load_dataset("circles")).snapshot(grid_resolution=None)
    view.show_layers(snap.layers, 0)
    qtbot.wait(1)
    image = view.render_picture(1920)
    inner = view.widget()
    assert image.width() == 1920
    assert image.height() == pytest.approx(inner.height() * 1920 / inner.width(), abs=1)
    # drawn, not blank: the bars' blue is in it
    pixels = {
        image.pixelColor(x, y).name()
        for x in range(0, 1920, 7)
        for y in range(0, image.height(), 7)
    }
    assert len(pixels) > 10


def test_the_gradient_legend_sits_beside_the_curves(qtbot):
    from app.views.diagnostics import GradientNormPlot
    from engine.datasets import load_dataset
    from engine.trainer import Trainer

    plot = shown(qtbot, GradientNormPlot(), 600, 400)
    trainer = Trainer(TrainConfig(), load_dataset("circles"))
    trainer.step(100)
    plot.show_diagnostics(trainer.snapshot(grid_resolution=None).diagnostics)
    qtbot.wait(1)
    assert apart(
        plot.legend.sceneBoundingRect(), plot.getPlotItem().getViewBox().sceneBoundingRect()
    )


def test_a_falling_cost_on_a_log_axis_moves_the_view_only_at_whole_decades(qtbot):
    """A long run's cost falls every frame: a log view that followed it redrew its axes and its
    settled curve every frame (a million-step He run fell to 9 redraws a second)."""
    plot = shown(qtbot, CostPlot())
    plot.start_run("he", "He")
    costs = np.concatenate([[1773.0], np.geomspace(0.7, 0.02, 2000)])
    ranges = set()
    for n in range(200, 2001, 25):
        plot.show_history(history(costs[:n]), n - 1, float(costs[n - 1]), 10**9, live=True)
        ranges.add(plot._range)
    assert plot._log  # 1773 to 0.02: five decades, log by itself
    lows = {r[1][0] for r in ranges}
    assert len(lows) <= 3  # 0.1 and 0.01 crossed: a few whole decades, not every frame


def test_a_short_log_plot_says_log_in_a_label_that_fits(qtbot):
    """On a projector the plot is short: "cost (log scale)" ran off the axis, cut."""
    plot = shown(qtbot, CostPlot(palette=Palette(projector=True)), 900, 450)
    plot.start_run("random", "Random ×10")
    costs = random_costs(300)
    plot.show_history(history(costs), 299, float(costs[-1]), 15000)
    label = plot.getPlotItem().getAxis("left").labelText
    assert label == "cost (log scale)"
    plot.resize(900, 220)
    qtbot.waitUntil(lambda: plot.getPlotItem().getAxis("left").labelText == "cost (log)")
    plot.resize(900, 150)  # 1024 x 768 in projector mode: not even "(log)" fits along it
    qtbot.waitUntil(lambda: plot.getPlotItem().getAxis("left").labelText == "cost")
    axis = plot.getPlotItem().getAxis("left")
    room = plot.getPlotItem().getViewBox().height()
    assert (
        QtGui.QFontMetrics(point_font(Palette(projector=True).font_pt)).horizontalAdvance(
            axis.labelText
        )
        <= room
    )
