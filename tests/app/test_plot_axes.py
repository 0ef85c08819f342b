"""Every axis of every plot reads the data's own numbers: after projector mode, a zoom and a
language switch, on linear and log axes, with many points or a single one.

The tick labels are read as pyqtgraph draws them: the axis's own ``tickValues`` for its range and
length, turned into text by its ``tickStrings`` at the axis's current scale.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from app.views.compare.cost_plot import CompareCostPlot
from app.views.compare.spread_plot import SpreadPlot
from app.views.cost_plot import CostPlot
from app.views.decision_map import DecisionMap
from app.views.diagnostics import ActivationHistograms, GradientNormPlot
from app.views.style import Palette
from app.views.weight_histograms import WeightHistograms
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.trainer import Trainer
from tests.app import history

PALETTES = (Palette(projector=True), Palette(), Palette(zoom=1.5), Palette())


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


def tick_labels(axis: pg.AxisItem) -> list[tuple[float, str]]:
    """(value in data units, text) of every labelled tick, as the axis would draw them now."""
    lo, hi = axis.range
    vertical = axis.orientation in ("left", "right")
    size = axis.geometry().height() if vertical else axis.geometry().width()
    if axis._tickLevels is not None:  # ticks set by hand (setTicks)
        pairs = [pair for level in axis._tickLevels for pair in level]
    else:
        pairs = []
        for spacing, values in axis.tickValues(lo, hi, size):
            strings = axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
            pairs += [(v, s) for v, s in zip(values, strings) if s]
    return [(10.0**v if axis.logMode else v, s) for v, s in pairs]


def assert_reads_its_data(axis: pg.AxisItem, what: str) -> None:
    """At least one label; each is a plain number equal to the value it marks (3 digits)."""
    lo, hi = (10.0**r if axis.logMode else r for r in axis.range)
    labels = tick_labels(axis)
    assert labels, f"{what}: no tick labels for {lo:g}…{hi:g}"
    for value, text in labels:
        number = float(text)  # "10⁻¹", "2·10⁰" or "x0.001" are not the data's own numbers
        assert number == pytest.approx(value, rel=1e-3, abs=1e-12), (what, text, value)
        span = hi - lo
        assert lo - 0.01 * span <= number <= hi + 0.01 * span, (what, text, lo, hi)


def shown(qtbot, view, width: int, height: int):
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def every_palette(qtbot, plot, check) -> None:
    for palette in PALETTES:
        plot.apply_palette(palette)
        plot.retranslate_ui()  # what a language switch does
        qtbot.wait(1)
        check(palette)


def test_the_cost_axis_reads_costs_below_one_after_projector_mode_and_back(qtbot):
    """Zeros' cost (0.693 ... ) then He's below 1: the axis once read 0…1000 for 0…1."""
    plot = shown(qtbot, CostPlot(), 900, 500)
    costs = 0.65 * np.exp(-np.arange(3000) / 800.0) + 0.05
    plot.show_history(history(costs), 2999, costs[-1], 15000)

    def check(_palette):
        plot.show_history(history(costs), 2999, costs[-1], 15000)
        assert_reads_its_data(plot.getPlotItem().getAxis("left"), "cost")
        assert_reads_its_data(plot.getPlotItem().getAxis("bottom"), "iteration")

    every_palette(qtbot, plot, check)
    plot.set_log_scale(True)
    every_palette(qtbot, plot, check)


def test_the_gradient_axis_reads_its_norms_after_a_zoom(qtbot, data):
    plot = shown(qtbot, GradientNormPlot(), 600, 400)
    trainer = Trainer(TrainConfig(), data)
    trainer.step(200)
    plot.show_diagnostics(trainer.snapshot(grid_resolution=None).diagnostics)
    plot.getPlotItem().setYRange(np.log10(0.005), np.log10(0.13), padding=0)

    def check(_palette):
        assert_reads_its_data(plot.getPlotItem().getAxis("left"), "|δ|")
        assert_reads_its_data(plot.getPlotItem().getAxis("bottom"), "iteration")

    every_palette(qtbot, plot, check)


def test_the_comparison_cost_axis_reads_costs_on_log_and_linear(qtbot):
    from app.views.compare.run_style import StyleBook

    plot = shown(qtbot, CompareCostPlot(), 900, 400)
    styles = StyleBook()
    for key, (init, costs) in enumerate(
        (("zeros", np.full(200, 0.6931)), ("he", np.linspace(0.88, 0.2, 200)))
    ):
        plot.add_run(key, init, styles.get(key, init))
        from app.frames import RunPicture

        run = RunPicture(
            key, init, TrainConfig(init=init), 3980, history(costs, 20), (), None, None, None
        )
        plot.show_run(run, float(costs[-1]))

    def check(_palette):
        plot.update_ranges(3980, 15000)
        assert_reads_its_data(plot.getPlotItem().getAxis("left"), "cost")
        assert_reads_its_data(plot.getPlotItem().getAxis("bottom"), "iteration")

    for log in (True, False):
        plot.set_log_scale(log)
        every_palette(qtbot, plot, check)


def test_the_histogram_boundary_and_activation_axes_read_their_data(qtbot, data):
    trainer = Trainer(TrainConfig(init="small"), data)  # weights ~0.01: a range below 1
    snap = trainer.snapshot(grid_resolution=24)
    weights = shown(qtbot, WeightHistograms(), 600, 500)
    boundary = shown(qtbot, DecisionMap(), 600, 500)
    activations = shown(qtbot, ActivationHistograms(), 600, 500)
    weights.show_layers(snap.layers, 0)
    boundary.show_data(data)
    boundary.show_grid(snap.grid)
    activations.show_diagnostics(snap.diagnostics)

    def check(_palette):
        for plot in weights.plots:
            assert_reads_its_data(plot.getPlotItem().getAxis("bottom"), "weights")
        for plot in activations.plots:
            assert_reads_its_data(plot.getPlotItem().getAxis("bottom"), "activations")
        for name in ("left", "bottom"):
            assert_reads_its_data(boundary.getPlotItem().getAxis(name), "boundary")

    for view in (weights, boundary, activations):
        every_palette(qtbot, view, check)


def test_the_spread_axis_reads_its_stds(qtbot, data):
    from app.frames import RunPicture
    from app.views.compare.run_style import StyleBook

    plot = shown(qtbot, SpreadPlot(), 400, 400)
    plot.add_run(0, StyleBook().get(0, "he"))
    run = RunPicture(0, "He", TrainConfig(), 0, history([0.7]), (1.1, 0.5, 0.6), None, None, None)
    plot.show_runs([run])
    every_palette(
        qtbot, plot, lambda _p: assert_reads_its_data(plot.getPlotItem().getAxis("left"), "std")
    )


# -- log axes -----------------------------------------------------------------------------------
def test_log_ticks_label_decades_without_crowding_and_a_single_point_too():
    from app.views.style import log_ticks  # (new with the fix: imported here, not by the module)

    room = 24.0
    # Six decades over 120 px: 20 px a decade, too tight for every decade's label.
    levels = log_ticks(-3.0, 3.0, 120.0, room)
    labelled = [v for spacing, values in levels if spacing is not None for v in values]
    assert len(labelled) >= 2
    gaps = np.diff(sorted(labelled)) * 120.0 / 6.0
    assert (gaps >= room).all()  # labels never overlap
    # A few decades over 400 px: every decade, and unlabelled 2…9 between.
    levels = log_ticks(-1.2, 1.3, 400.0, room)
    labelled = [v for spacing, values in levels if spacing is not None for v in values]
    assert labelled == [-1.0, 0.0, 1.0]
    # A flat curve or a single point: a few hundredths of a decade, still labelled.
    levels = log_ticks(np.log10(0.68), np.log10(0.70), 300.0, room)
    labelled = [10**v for spacing, values in levels if spacing is not None for v in values]
    assert labelled and all(0.68 <= v <= 0.70 for v in labelled)


def test_a_log_cost_axis_with_a_single_point_has_labels(qtbot):
    plot = shown(qtbot, CostPlot(), 900, 500)
    plot.set_log_scale(True)
    plot.show_history(history([0.6931471805599453]), 0, 0.6931471805599453, 15000)
    qtbot.wait(1)
    assert_reads_its_data(plot.getPlotItem().getAxis("left"), "one point")
    # zoomed in on it (a flat curve: zeros' ln 2 for 15000 iterations)
    plot.getPlotItem().setYRange(np.log10(0.69), np.log10(0.6963), padding=0)
    qtbot.wait(1)
    assert_reads_its_data(plot.getPlotItem().getAxis("left"), "a flat curve")


def test_a_fresh_window_spans_the_run_on_the_cost_axis(window):
    """Iteration 0 has one point and no curve yet: the axis still reads iterations 0 to the
    stop-at target (not 0 to 1 in fractions of an iteration)."""
    (x0, x1), (y0, y1) = window.cost_plot.getPlotItem().viewRange()
    assert x0 <= 0 and x1 >= window.run.target
    assert y0 <= window.run.latest.snapshot.cost <= y1


def _resizes_while_idle(qtbot, plot, ms: int = 60) -> int:
    """How often ``plot``'s view box resizes in ``ms`` with nothing else going on."""
    count = []
    box = plot.getPlotItem().getViewBox()
    box.sigResized.connect(lambda *_: count.append(1))
    qtbot.wait(ms)
    box.sigResized.disconnect()
    return len(count)


def test_a_square_map_settles_at_any_size(qtbot, data):
    """The map's ticks follow its view's width (locked aspect).  Its left axis narrowed for
    whole-number labels and widened for "−0.5", which moved the ticks back: at these sizes the
    layout flipped on every paint.  Sizes around a square view, in projector mode."""
    plot = DecisionMap(palette=Palette(projector=True))
    qtbot.addWidget(plot)
    plot.show_data(data)
    plot.show()
    flipping = []
    for height in range(266, 296, 6):
        for width in range(height, height + 40, 8):
            plot.resize(width, height)
            qtbot.wait(15)  # the new size is laid out
            if _resizes_while_idle(qtbot, plot) > 1:
                flipping.append((width, height))
    assert flipping == []


def test_a_square_map_axis_makes_room_for_a_new_font(qtbot, data):
    """Widening only, the left axis still measures its labels again for a new font: after
    projector mode it is as wide as a map's that never was in it."""

    def settled_map(palette: Palette) -> DecisionMap:
        plot = DecisionMap(palette=palette)
        qtbot.addWidget(plot)
        plot.show_data(data)
        plot.resize(400, 400)
        plot.show()
        qtbot.waitExposed(plot)
        plot.grab()  # painted: the axis has measured its labels
        return plot

    plain = settled_map(Palette()).getPlotItem().getAxis("left")
    switched = settled_map(Palette(projector=True))
    left = switched.getPlotItem().getAxis("left")
    # wider by more than its label's bigger font: its tick labels ("−0.5") measured too
    qtbot.waitUntil(lambda: left.width() > plain.width() + 20)
    switched.apply_palette(Palette())
    switched.grab()
    qtbot.waitUntil(lambda: left.width() == plain.width())
