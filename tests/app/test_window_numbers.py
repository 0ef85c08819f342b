"""The numbers the window shows are the engine's numbers, to the last digit."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtWidgets

from app.frames import RunState
from engine.config import TrainConfig
from engine.initializers import initialize
from engine.trainer import Trainer
from tests.app import click_step, number, settle, wait_current_frame, wait_label, widget

REPO = Path(__file__).resolve().parents[2]
DIMS = [2, 10, 5, 1]


def label(window, name: str) -> QtWidgets.QLabel:
    return widget(window, name, QtWidgets.QLabel)


def assert_weights(frame, expected) -> None:
    layers = frame.snapshot.layers
    assert len(layers) == len(expected)
    for layer, (W, b) in zip(layers, expected):
        assert np.array_equal(layer.W, W)
        assert np.array_equal(layer.b, b)


def choose(window, init: str) -> None:
    combo = widget(window, "initializerCombo", QtWidgets.QComboBox)
    index = combo.findData(init)
    assert index >= 0, f"no initializer {init!r} in the combo"
    combo.setCurrentIndex(index)


def play_until_running(qtbot, window) -> None:
    widget(window, "playPauseButton", QtWidgets.QAbstractButton).click()
    wait_current_frame(
        qtbot, window, lambda f: f.state is RunState.RUNNING and f.snapshot.iteration > 0
    )


def test_first_frame_shows_the_engine_numbers(qtbot, window):
    reference = Trainer(TrainConfig())
    wait_label(qtbot, window, "iterationLabel", 0)
    wait_label(qtbot, window, "costLabel", reference.cost())
    wait_label(qtbot, window, "trainAccuracyLabel", reference.train_accuracy())
    wait_label(qtbot, window, "testAccuracyLabel", reference.test_accuracy())


def test_frames_between_full_ones_keep_the_last_test_accuracy_on_show(qtbot, window):
    """While training, frames between full ones carry no test accuracy (a pass over the test
    set each): the label keeps a real accuracy, and at rest it is the engine's own again."""
    play_until_running(qtbot, window)
    qtbot.waitUntil(lambda: window.run.latest.snapshot.test_accuracy is None, timeout=10000)
    window.redraw()
    shown = label(window, "testAccuracyLabel").text()
    assert "None" not in shown and 0.0 <= number(shown) <= 1.0
    widget(window, "playPauseButton", QtWidgets.QAbstractButton).click()
    frame = settle(qtbot, window, lambda f: f.state is RunState.PAUSED)
    reference = Trainer(TrainConfig())
    reference.step(frame.snapshot.iteration)
    assert frame.snapshot.test_accuracy == reference.test_accuracy()
    wait_label(qtbot, window, "testAccuracyLabel", reference.test_accuracy())


def test_the_window_shows_iteration_zero_when_it_returns(qapp):
    """A script that reads the window right after building it sees iteration 0: labels, the
    boundary image and one histogram per layer, with no turn of the event loop in between."""
    from app.main_window import MainWindow

    w = MainWindow()
    try:
        reference = Trainer(TrainConfig())
        assert number(label(w, "iterationLabel")) == 0
        assert number(label(w, "costLabel")) == reference.cost()
        assert number(label(w, "trainAccuracyLabel")) == reference.train_accuracy()
        assert number(label(w, "testAccuracyLabel")) == reference.test_accuracy()
        image = w.decision_map.image.image
        assert image is not None and image.shape[2] == 4
        shown = [plot.current_item.getData()[1] for plot in w.histograms.plots]
        assert len(shown) == len(DIMS) - 1
        assert all(counts is not None and counts.sum() > 0 for counts in shown)
        maps = w.findChild(QtWidgets.QWidget, "networkDiagram").neuron_maps()
        assert [m.shape[0] for m in maps] == DIMS[1:-1]  # every hidden neuron, drawn
    finally:
        w.close()
    assert not w.run.session.is_running()


def test_reset_returns_to_the_same_initial_weights(qtbot, window):
    initial_cost = Trainer(TrainConfig()).cost()
    he = initialize("he", DIMS, 3)
    click_step(qtbot, window, 37)
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration == 37)
    assert number(label(window, "costLabel")) != initial_cost

    widget(window, "resetButton", QtWidgets.QAbstractButton).click()
    frame = settle(qtbot, window)
    assert frame.snapshot.iteration == 0
    assert frame.state is RunState.PAUSED
    wait_label(qtbot, window, "costLabel", initial_cost)
    assert_weights(frame, he)

    # reset while running: same again
    play_until_running(qtbot, window)
    widget(window, "resetButton", QtWidgets.QAbstractButton).click()
    frame = settle(qtbot, window)
    assert frame.snapshot.iteration == 0
    assert frame.state is RunState.PAUSED
    assert frame.snapshot.cost == initial_cost
    assert_weights(frame, he)
    wait_label(qtbot, window, "costLabel", initial_cost)


def test_initializer_switch_mid_run(qtbot, window):
    play_until_running(qtbot, window)
    choose(window, "zeros")
    frame = settle(qtbot, window, lambda f: f.config.init == "zeros")
    assert frame.snapshot.iteration == 0
    assert frame.state is RunState.PAUSED
    zeros_cost = Trainer(TrainConfig(init="zeros")).cost()
    assert zeros_cost == math.log(2) or abs(zeros_cost - math.log(2)) < 1e-15
    wait_label(qtbot, window, "costLabel", zeros_cost)
    assert all(not layer.W.any() for layer in frame.snapshot.layers)

    play_until_running(qtbot, window)
    choose(window, "random")
    frame = settle(qtbot, window, lambda f: f.config.init == "random")
    assert frame.snapshot.iteration == 0
    assert frame.state is RunState.PAUSED
    random_cost = Trainer(TrainConfig(init="random")).cost()
    assert math.isfinite(random_cost) and 1773 < random_cost < 1774
    wait_label(qtbot, window, "costLabel", random_cost)
    assert_weights(frame, initialize("random", DIMS, 3))
    saturation = label(window, "saturationLabel")
    qtbot.waitUntil(lambda: "300" in saturation.text(), timeout=3000)
    assert saturation.isVisible()


def test_learning_rate_change_applies_from_the_next_step(qtbot, window):
    click_step(qtbot, window, 10)
    before = settle(qtbot, window, lambda f: f.snapshot.iteration == 10)
    widget(window, "learningRateSpin", QtWidgets.QDoubleSpinBox).setValue(0.05)
    frame = wait_current_frame(qtbot, window, lambda f: f.snapshot.learning_rate == 0.05)
    assert frame.snapshot.iteration == 10, "a learning-rate change must reset nothing"
    assert frame.run_id == before.run_id
    assert frame.snapshot.cost == before.snapshot.cost
    click_step(qtbot, window, 10)
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration >= 20)
    assert frame.snapshot.iteration == 20

    reference = Trainer(TrainConfig())
    reference.step(10)
    reference.set_learning_rate(0.05)
    reference.step(10)
    expected = reference.cost()
    assert frame.snapshot.cost == expected
    wait_label(qtbot, window, "costLabel", expected)
    assert repr(expected) in label(window, "costLabel").text()


def _headless(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "main.py", "--headless", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_same_numbers_as_headless(qtbot, window):
    n = 1000
    costs = _headless("--iterations", str(n + 1), "--print-every", str(n))
    accuracies = _headless("--iterations", str(n))
    try:
        click_step(qtbot, window, n)
        frame = settle(qtbot, window, lambda f: f.snapshot.iteration >= n, timeout=15000)
        assert frame.snapshot.iteration == n
        cost_out, cost_err = costs.communicate(timeout=60)
        acc_out, acc_err = accuracies.communicate(timeout=60)
    finally:
        for proc in (costs, accuracies):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    assert costs.returncode == 0, cost_err
    assert accuracies.returncode == 0, acc_err

    line = re.search(rf"^Cost after iteration {n}: (\S+)$", cost_out, re.M)
    assert line, cost_out
    headless_cost = line.group(1)
    train, test = re.findall(r"^Accuracy: (\S+)$", acc_out, re.M)

    wait_label(qtbot, window, "costLabel", float(headless_cost))
    assert headless_cost in label(window, "costLabel").text()
    wait_label(qtbot, window, "trainAccuracyLabel", float(train))
    wait_label(qtbot, window, "testAccuracyLabel", float(test))
    assert repr(frame.snapshot.cost) == headless_cost
    assert repr(frame.snapshot.train_accuracy) == train
    assert repr(frame.snapshot.test_accuracy) == test


def test_seed_changes_the_weights_and_reset_replays_it(qtbot, window):
    seed3 = initialize("he", DIMS, 3)
    seed4 = initialize("he", DIMS, 4)
    assert not np.array_equal(seed3[0][0], seed4[0][0])
    click_step(qtbot, window, 5)
    settle(qtbot, window, lambda f: f.snapshot.iteration == 5)

    spin = widget(window, "seedSpin", QtWidgets.QSpinBox)
    spin.setValue(4)
    frame = settle(qtbot, window, lambda f: f.config.seed == 4)
    assert frame.snapshot.iteration == 0
    assert frame.state is RunState.PAUSED
    assert_weights(frame, seed4)
    wait_label(qtbot, window, "costLabel", Trainer(TrainConfig(seed=4)).cost())

    click_step(qtbot, window, 25)
    settle(qtbot, window, lambda f: f.snapshot.iteration == 25)
    widget(window, "resetButton", QtWidgets.QAbstractButton).click()
    frame = settle(qtbot, window)
    assert frame.snapshot.iteration == 0
    assert frame.config.seed == 4
    assert spin.value() == 4
    assert_weights(frame, seed4)
    wait_label(qtbot, window, "costLabel", Trainer(TrainConfig(seed=4)).cost())


def test_random_init_trains_with_the_engine_numbers(qtbot, window):
    """The saturated start: no warning-turned-error in the worker, same numbers as the engine."""
    choose(window, "random")
    settle(qtbot, window, lambda f: f.config.init == "random")
    click_step(qtbot, window, 300)
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration >= 300)
    assert frame.snapshot.iteration == 300
    reference = Trainer(TrainConfig(init="random"))
    reference.step(300)
    assert frame.snapshot.cost == reference.cost()
    assert math.isfinite(frame.snapshot.cost)
    wait_label(qtbot, window, "costLabel", reference.cost())
    wait_label(qtbot, window, "trainAccuracyLabel", reference.train_accuracy())
    assert window.reported_errors == []


def test_no_saturation_line_leaves_no_gap_under_the_state_line(qtbot, window):
    """After a saturated run (random ×10), a run without saturated outputs (He) has the state
    line as the strip's last: the hidden saturation label left its empty row behind (14 px
    and a spacing, which the plots under the strip lacked)."""
    saturation = label(window, "saturationLabel")
    choose(window, "random")
    qtbot.waitUntil(lambda: "300" in saturation.text() and saturation.isVisible())
    choose(window, "he")
    qtbot.waitUntil(lambda: not saturation.isVisible())
    strip, state = window.status, window.status.state
    qtbot.waitUntil(
        lambda: (
            strip.height() - state.mapTo(strip, QtCore.QPoint(0, state.height())).y()
            <= strip.contentsMargins().bottom() + 4
        )
    )
