"""The window's controls, driven the way the contract says teachers and tests drive them."""

from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtWidgets

from app.commands import DEFAULT_SPEED
from app.frames import RunState
from app.views.controls import SPEEDS
from engine.config import TrainConfig
from engine.trainer import Trainer
from tests.app import (
    click_step,
    number,
    settle,
    wait_current_frame,
    wait_label,
    wait_ticks,
    widget,
)

CONTRACT_WIDGETS = {
    "initializerCombo": QtWidgets.QComboBox,
    "playPauseButton": QtWidgets.QAbstractButton,
    "stepButton": QtWidgets.QAbstractButton,
    "resetButton": QtWidgets.QAbstractButton,
    "stepSizeSpin": QtWidgets.QSpinBox,
    "targetIterationsSpin": QtWidgets.QSpinBox,
    "learningRateSpin": QtWidgets.QDoubleSpinBox,
    "iterationLabel": QtWidgets.QLabel,
    "costLabel": QtWidgets.QLabel,
    "trainAccuracyLabel": QtWidgets.QLabel,
    "testAccuracyLabel": QtWidgets.QLabel,
    "costPlot": pg.PlotWidget,
    "weightHistograms": QtWidgets.QWidget,
    "boundaryPlot": pg.PlotWidget,
    "seedSpin": QtWidgets.QSpinBox,
    "speedSlider": QtWidgets.QSlider,
}


def button(window, name: str) -> QtWidgets.QAbstractButton:
    return widget(window, name, QtWidgets.QAbstractButton)


def iteration(window) -> int:
    return number(widget(window, "iterationLabel", QtWidgets.QLabel))


# -- the contract's names and defaults -------------------------------------------------------------
def test_contract_object_names_exist_with_the_right_types(window):
    problems = []
    for name, kind in CONTRACT_WIDGETS.items():
        found = window.findChildren(QtWidgets.QWidget, name)
        if len(found) != 1:
            problems.append(f"{name}: {len(found)} widgets with this name")
        elif not isinstance(found[0], kind):
            problems.append(f"{name}: {type(found[0]).__name__} is not a {kind.__name__}")
    assert not problems, problems


def test_initializer_combo_item_data_are_cli_names(window):
    combo = widget(window, "initializerCombo", QtWidgets.QComboBox)
    names = [combo.itemData(i) for i in range(combo.count())]
    assert {"zeros", "random", "he"} <= set(names)
    assert len(names) == len(set(names))


def test_defaults(window):
    assert widget(window, "initializerCombo", QtWidgets.QComboBox).currentData() == "he"
    assert widget(window, "learningRateSpin", QtWidgets.QDoubleSpinBox).value() == 0.01
    assert widget(window, "stepSizeSpin", QtWidgets.QSpinBox).value() == 1
    assert widget(window, "targetIterationsSpin", QtWidgets.QSpinBox).value() == 15000
    assert widget(window, "seedSpin", QtWidgets.QSpinBox).value() == 3
    slider = widget(window, "speedSlider", QtWidgets.QSlider)
    # a pace a teacher can talk over (flat out is one click away: flatOutButton)
    assert SPEEDS[slider.value()] == DEFAULT_SPEED and slider.value() < slider.maximum()
    assert window.run.session.latest.config == TrainConfig()


def test_not_training_at_start(qtbot, window):
    frame = settle(qtbot, window)
    assert frame.state is RunState.PAUSED
    assert frame.snapshot.iteration == 0
    assert iteration(window) == 0
    # the cost of the untrained weights is shown from iteration 0 on
    wait_label(qtbot, window, "costLabel", Trainer(TrainConfig()).cost())
    # one step lands exactly on 1: it was at 0 and is not running
    click_step(qtbot, window, 1)
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration >= 1)
    assert frame.snapshot.iteration == 1
    assert frame.state is RunState.PAUSED
    wait_ticks(qtbot, window, 3)
    assert iteration(window) == 1


# -- play / pause ----------------------------------------------------------------------------------
def test_play_runs_and_play_again_pauses(qtbot, window):
    label = widget(window, "iterationLabel", QtWidgets.QLabel)
    play = button(window, "playPauseButton")
    play.click()
    wait_current_frame(qtbot, window, lambda f: f.state is RunState.RUNNING)
    qtbot.waitUntil(lambda: number(label) > 0, timeout=5000)
    first = number(label)
    qtbot.waitUntil(lambda: number(label) > first, timeout=5000)  # it keeps going

    play.click()
    frame = settle(qtbot, window)
    assert frame.state is RunState.PAUSED
    held = number(label)
    assert held == frame.snapshot.iteration
    wait_ticks(qtbot, window, 4)
    assert number(label) == held == window.run.session.latest.snapshot.iteration
    assert window.run.session.latest.state is RunState.PAUSED


# -- step ------------------------------------------------------------------------------------------
def test_step_takes_exactly_step_size_steps_while_paused(qtbot, window):
    click_step(qtbot, window, 7)
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration >= 7)
    assert frame.snapshot.iteration == 7
    button(window, "stepButton").click()
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration >= 14)
    assert frame.snapshot.iteration == 14
    assert frame.state is RunState.PAUSED
    wait_ticks(qtbot, window, 3)
    assert iteration(window) == 14


def test_step_while_running_pauses_without_extra_steps(qtbot, window):
    button(window, "playPauseButton").click()
    wait_current_frame(qtbot, window, lambda f: f.state is RunState.RUNNING)
    # a huge step size: had the click stepped instead of pausing, training would go on for minutes
    click_step(qtbot, window, 500_000)
    frame = settle(qtbot, window)
    assert frame.state is RunState.PAUSED
    held = frame.snapshot.iteration
    wait_ticks(qtbot, window, 4)
    assert window.run.session.latest.state is RunState.PAUSED
    assert window.run.session.latest.snapshot.iteration == held
    assert iteration(window) == held


# -- stop-at target --------------------------------------------------------------------------------
def test_target_stops_a_run_exactly_and_play_again_runs_past_it(qtbot, window):
    widget(window, "targetIterationsSpin", QtWidgets.QSpinBox).setValue(50)
    play = button(window, "playPauseButton")
    play.click()
    frame = settle(qtbot, window, lambda f: f.state is RunState.FINISHED)
    assert frame.snapshot.iteration == 50
    state = widget(window, "stateLabel", QtWidgets.QLabel)
    qtbot.waitUntil(lambda: "finished" in state.text().lower(), timeout=3000)
    wait_ticks(qtbot, window, 2)
    assert iteration(window) == 50

    play.click()  # at the target: runs on until paused
    wait_current_frame(
        qtbot, window, lambda f: f.state is RunState.RUNNING and f.snapshot.iteration > 50
    )
    play.click()
    frame = settle(qtbot, window)
    assert frame.state is RunState.PAUSED
    past = frame.snapshot.iteration
    assert past > 50

    click_step(qtbot, window, 5)  # step goes past the target too
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration > past)
    assert frame.snapshot.iteration == past + 5


def test_step_from_below_may_cross_the_target(qtbot, window):
    widget(window, "targetIterationsSpin", QtWidgets.QSpinBox).setValue(50)
    click_step(qtbot, window, 60)
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration > 0)
    assert frame.snapshot.iteration == 60
    assert frame.state is RunState.PAUSED


# -- speed -----------------------------------------------------------------------------------------
def test_speed_slider_paces_training(qtbot, window):
    slider = widget(window, "speedSlider", QtWidgets.QSlider)
    label = widget(window, "iterationLabel", QtWidgets.QLabel)
    slider.setValue(slider.minimum())  # 1 step per frame
    button(window, "playPauseButton").click()
    qtbot.waitUntil(lambda: number(label) >= 5, timeout=5000)
    assert number(label) < 200, "one step per frame should take seconds to reach 200"
    assert window.run.session.latest.snapshot.iteration < 200

    slider.setValue(slider.maximum())  # flat out
    start = window.run.session.latest.snapshot.iteration
    # 2000 more steps at one step per (1/30 s) frame would take over a minute
    qtbot.waitUntil(lambda: number(label) >= start + 2000, timeout=8000)


# -- ghost curves ----------------------------------------------------------------------------------
def test_reset_keeps_a_ghost_curve_and_clear_removes_it(qtbot, window):
    plot = window.cost_plot
    click_step(qtbot, window, 20)
    settle(qtbot, window, lambda f: f.snapshot.iteration == 20)
    x, y = plot.curve.getData()  # getData() is what the view's downsampling keeps
    np.testing.assert_array_equal(x, np.arange(20))
    assert plot.ghosts == []

    button(window, "resetButton").click()
    assert len(plot.ghosts) == 1
    ghost = plot.ghosts[0]
    gx, gy = ghost.getOriginalDataset()
    np.testing.assert_array_equal(gx, x)
    np.testing.assert_array_equal(gy, y)
    assert ghost in plot.getPlotItem().listDataItems()
    settle(qtbot, window, lambda f: f.snapshot.iteration == 0)

    button(window, "clearHistoryButton").click()
    assert plot.ghosts == []
    assert ghost not in plot.getPlotItem().listDataItems()


# -- a late frame of the previous run must not be drawn as the new run's iteration 0 ---------------
def test_histogram_outline_after_reset_is_the_initial_weights(qtbot):
    from app.main_window import MainWindow
    from app.session import TrainingSession
    from app.views.weight_histograms import bin_edges_for
    from engine.initializers import initialize
    from engine.trainer import Trainer

    gate = threading.Event()
    gate.set()

    def session_factory(config, data):
        def factory(c, d):
            trainer = Trainer(c, d)
            original = trainer.reset

            def slow_reset():  # a reset that takes a while, like a big network's
                gate.wait(10)
                original()

            trainer.reset = slow_reset
            return trainer

        return TrainingSession(config, data, factory)

    w = MainWindow(session_factory=session_factory)
    qtbot.addWidget(w, before_close_func=lambda widget: widget.run.shutdown())
    try:
        w.show()
        qtbot.waitUntil(lambda: w.redraws > 0, timeout=5000)
        click_step(qtbot, w, 300)
        settle(qtbot, w, lambda f: f.snapshot.iteration == 300)
        gate.clear()
        button(w, "resetButton").click()
        wait_ticks(qtbot, w, 3)  # the clock ticks while the worker is still resetting
        gate.set()
        settle(qtbot, w, lambda f: f.snapshot.iteration == 0)
        wait_ticks(qtbot, w, 2)
        initial = initialize("he", [2, 10, 5, 1], 3)
        for plot, (W0, _) in zip(w.histograms.plots, initial, strict=True):
            edges = bin_edges_for(W0.ravel())
            counts, _ = np.histogram(W0.ravel(), bins=edges)
            x, y = plot.initial_item.getData()
            np.testing.assert_array_equal(x, edges)
            np.testing.assert_array_equal(y, counts)
    finally:
        gate.set()
        w.close()
    assert not w.run.session.is_running()
