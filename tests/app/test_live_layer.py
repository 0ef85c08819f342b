"""The cost curve's live layer: while a run trains, Qt alone draws the moving tip and marker."""

from __future__ import annotations

import numpy as np
import pytest
from PyQt6 import QtWidgets

from app.views.cost_plot import CostPlot
from engine.history import CostHistory
from tests.app import shown
from tests.app.drawn import PaintCounter


@pytest.fixture
def plot(qtbot):
    return shown(qtbot, CostPlot(), 800, 300)


def feed(plot: CostPlot, history: CostHistory, frames: int, live: bool, qtbot) -> None:
    """``frames`` frames of 200 new iterations each, painted one by one."""
    rng = np.random.default_rng(1)
    for _ in range(frames):
        first = history.next_iteration()
        costs = 0.7 * np.exp(-np.arange(first, first + 200) / 5000) + rng.normal(0, 0.002, 200)
        history.extend(first, costs)
        plot.show_history(history.view(), first + 200, float(costs[-1]), 200_000, live)
        QtWidgets.QApplication.processEvents()


def test_live_frames_are_drawn_by_the_layer_not_by_pyqtgraph(plot, qtbot):
    history = CostHistory()
    feed(plot, history, 5, True, qtbot)
    assert plot.live_layer.active
    box = plot.getPlotItem().getViewBox()
    area = plot.mapFromScene(box.sceneBoundingRect()).boundingRect()
    assert plot.live_layer.view.geometry() == area  # it covers the data area exactly
    plot_paints = PaintCounter(plot.viewport())
    layer_paints = PaintCounter(plot.live_layer.view.viewport())
    feed(plot, history, 30, True, qtbot)
    assert layer_paints.total >= 25
    assert plot_paints.total <= 3  # a new snapshot now and then, not a paint a frame
    # the layer's tip is the plot's, in the layer's pixels
    layer_tip, tip = plot.live_layer.tip, plot.tip
    assert layer_tip.path() == tip.path() and tip.path().elementCount() > 1
    end = tip.path().currentPosition()
    on_plot = plot.mapFromScene(tip.mapToScene(end))
    on_layer = plot.live_layer.view.mapTo(
        plot.viewport(), plot.live_layer.view.mapFromScene(layer_tip.mapToScene(end))
    )
    assert (on_plot - on_layer).manhattanLength() <= 1


def test_a_paused_frame_gives_the_plot_its_own_painting_back(plot, qtbot):
    history = CostHistory()
    feed(plot, history, 5, True, qtbot)
    assert plot.live_layer.active
    feed(plot, history, 1, False, qtbot)
    assert not plot.live_layer.active
    assert len(plot.tip.getData()[0]) == 0  # the tip folded into the settled curve


def test_the_layer_looks_like_the_plot(plot, qtbot):
    """The same picture live (the layer) as paused (pyqtgraph), but for a few pixels' shading."""
    history = CostHistory()
    feed(plot, history, 40, True, qtbot)
    live = plot.grab().toImage()
    plot.show_history(history.view(), history.next_iteration(), history.last()[1], 200_000, False)
    QtWidgets.QApplication.processEvents()
    paused = plot.grab().toImage()
    assert not plot.live_layer.active
    differing = sum(
        live.pixel(x, y) != paused.pixel(x, y)
        for x in range(0, live.width(), 3)
        for y in range(0, live.height(), 3)
    )
    assert differing < 0.01 * (live.width() // 3) * (live.height() // 3)


def test_zooming_by_hand_turns_the_layer_off(plot, qtbot):
    history = CostHistory()
    feed(plot, history, 5, True, qtbot)
    assert plot.live_layer.active
    box = plot.getPlotItem().getViewBox()
    box.scaleBy((0.5, 0.5))  # as the mouse wheel does, telling so
    box.sigRangeChangedManually.emit(box.state["mouseEnabled"])
    feed(plot, history, 1, True, qtbot)
    assert not plot.live_layer.active


def test_a_hidden_plot_keeps_no_layer_and_takes_no_snapshots(plot, qtbot):
    """The other tab in view (the comparison) while the run trains: nothing to draw over."""
    history = CostHistory()
    plot.hide()
    snapshots = []
    plot.live_layer._snapshot = snapshots.append  # any snapshot would be recorded here
    feed(plot, history, 10, True, qtbot)
    assert not plot.live_layer.active and snapshots == []
    del plot.live_layer._snapshot
    plot.show()
    qtbot.waitExposed(plot)
    feed(plot, history, 1, True, qtbot)
    assert plot.live_layer.active


def test_after_a_resize_the_layer_covers_the_new_data_area(plot, qtbot):
    history = CostHistory()
    feed(plot, history, 5, True, qtbot)
    before = plot.live_layer.view.geometry()
    plot.resize(900, 420)
    box = plot.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: plot.mapFromScene(box.sceneBoundingRect()).boundingRect() != before)
    feed(plot, history, 1, True, qtbot)
    assert (
        plot.live_layer.view.geometry() == plot.mapFromScene(box.sceneBoundingRect()).boundingRect()
    )
