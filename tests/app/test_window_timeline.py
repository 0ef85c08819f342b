"""The window's timeline: drag or keys to any trained iteration; every view follows, exactly."""

from __future__ import annotations

import numpy as np
import pytest
from PyQt6 import QtCore, QtWidgets

from app.frames import RunState
from engine.config import TrainConfig
from engine.trainer import Trainer
from tests.app import click_step, latest, number, settle, wait_current_frame, wait_label, widget

pytestmark = pytest.mark.timeout(120)
Key = QtCore.Qt.Key


def straight(n: int) -> Trainer:
    """The tutorial's run trained straight to ``n``, as ``main.py --headless`` trains it."""
    trainer = Trainer(TrainConfig())
    trainer.step(n)
    return trainer


def slider(window) -> QtWidgets.QSlider:
    return widget(window, "timelineSlider", QtWidgets.QSlider)


def trained(qtbot, window, n: int = 1000) -> None:
    click_step(qtbot, window, n)
    settle(qtbot, window, lambda f: f.snapshot.iteration == n)
    qtbot.waitUntil(lambda: slider(window).maximum() == n and slider(window).value() == n)


def shown(qtbot, window, k: int):
    """Wait until the window draws the rewound iteration ``k``; returns its frame."""
    frame = wait_current_frame(qtbot, window, lambda f: f.rewound and f.snapshot.iteration == k)
    wait_label(qtbot, window, "iterationLabel", k)
    qtbot.waitUntil(lambda: window._drawn_full is frame)
    return frame


def test_dragging_back_shows_that_iteration_in_every_view(qtbot, window) -> None:
    trained(qtbot, window, 1000)
    window.panel_tabs.setCurrentWidget(window.histograms)
    slider(window).setValue(400)  # what a drag does
    frame = shown(qtbot, window, 400)
    ref = straight(400)
    assert number(widget(window, "costLabel", QtWidgets.QLabel)) == ref.cost()
    assert frame.snapshot.cost == ref.cost()
    assert frame.newest == 1000 and frame.state is RunState.PAUSED
    # the weights drawn are iteration 400's, the curve stays whole with a line at 400
    assert np.array_equal(frame.snapshot.layers[0].W, ref.net.W[0])
    assert window.cost_plot.rewind_line.isVisible()
    assert window.cost_plot.rewind_line.value() == 400
    assert window.cost_plot.curve_data()[0].max() >= 999
    assert window.histograms.plots[0]._layer is frame.snapshot.layers[0]  # drawn from it
    label = widget(window, "timelineLabel", QtWidgets.QLabel)
    assert "400" in label.text() and "1,000" in label.text()
    assert widget(window, "timelineBranchButton", QtWidgets.QPushButton).isEnabled()


def test_keys_move_one_and_a_hundred_iterations(qtbot, window) -> None:
    trained(qtbot, window, 500)
    window.activateWindow()
    qtbot.keyClick(window, Key.Key_Comma)
    shown(qtbot, window, 499)
    qtbot.keyClick(window, Key.Key_Less)  # Shift+, on most layouts (checked under X11 too)
    shown(qtbot, window, 399)
    qtbot.keyClick(window, Key.Key_Period)
    frame = shown(qtbot, window, 400)
    assert frame.snapshot.cost == straight(400).cost()
    qtbot.keyClick(window, Key.Key_Home)
    shown(qtbot, window, 0)
    qtbot.keyClick(window, Key.Key_End)
    live = wait_current_frame(qtbot, window, lambda f: not f.rewound)
    assert live.snapshot.iteration == 500
    qtbot.waitUntil(lambda: not window.cost_plot.rewind_line.isVisible())


def test_keys_type_into_a_field_with_focus(qtbot, window) -> None:
    trained(qtbot, window, 50)
    lr = widget(window, "learningRateSpin", QtWidgets.QDoubleSpinBox)
    lr.setFocus()
    qtbot.waitUntil(lr.hasFocus)
    before = latest(window)
    qtbot.keyClick(lr, Key.Key_Period)
    assert latest(window) is before or not latest(window).rewound


def test_the_end_of_the_slider_is_live_and_play_continues_from_the_newest(qtbot, window) -> None:
    trained(qtbot, window, 600)
    slider(window).setValue(100)
    shown(qtbot, window, 100)
    slider(window).setValue(600)
    wait_current_frame(qtbot, window, lambda f: not f.rewound and f.snapshot.iteration == 600)
    slider(window).setValue(200)
    shown(qtbot, window, 200)
    window.controls.target.setValue(900)
    widget(window, "playPauseButton", QtWidgets.QAbstractButton).click()
    assert "600" in window.statusBar().currentMessage()
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration == 900)
    assert frame.snapshot.cost == straight(900).cost()  # on from 600, not from 200


def test_branch_from_here_trains_on_from_the_point_on_show(qtbot, window) -> None:
    trained(qtbot, window, 800)
    ghosts = len(window.cost_plot.ghosts)
    slider(window).setValue(300)
    shown(qtbot, window, 300)
    widget(window, "timelineBranchButton", QtWidgets.QPushButton).click()
    frame = wait_current_frame(qtbot, window, lambda f: not f.rewound)
    assert frame.snapshot.iteration == frame.newest_iteration == 300
    qtbot.waitUntil(lambda: len(window.cost_plot.ghosts) == ghosts + 1)
    qtbot.waitUntil(lambda: slider(window).maximum() == 300)
    click_step(qtbot, window, 100)
    frame = settle(qtbot, window, lambda f: f.snapshot.iteration == 400)
    assert frame.snapshot.cost == straight(400).cost()
    assert frame.snapshot.history.last()[0] == 399


def test_branch_without_rewinding_changes_nothing(qtbot, window) -> None:
    trained(qtbot, window, 100)
    window.run.branch()
    assert "back" in window.statusBar().currentMessage().lower()
    assert latest(window).snapshot.iteration == 100


def test_the_diagram_follows_the_timeline(qtbot, window) -> None:
    window.panel_tabs.setCurrentWidget(window.network_diagram)
    trained(qtbot, window, 1500)
    live_maps = window.network_diagram.neuron_maps()
    slider(window).setValue(10)
    frame = shown(qtbot, window, 10)
    rewound = window.network_diagram.neuron_maps()
    assert frame.neurons is not None
    n = window.network_diagram.sizes.max_units
    drawn = [layer.values[:n] for layer in frame.neurons.hidden]
    assert all(np.array_equal(a, b) for a, b in zip(rewound, drawn, strict=True))
    assert any(not np.array_equal(a, b) for a, b in zip(rewound, live_maps, strict=True))


def test_iterations_outside_the_run_are_clamped_not_trained(qtbot, window) -> None:
    """A script (or a stale slider) asking for an iteration never trained gets the nearest one
    trained: nothing trains, nothing breaks."""
    trained(qtbot, window, 200)
    window.run.seek(-5)
    shown(qtbot, window, 0)
    window.run.seek(10**9)
    frame = wait_current_frame(qtbot, window, lambda f: not f.rewound)
    assert frame.snapshot.iteration == 200 and frame.state is RunState.PAUSED
    slider(window).setValue(-1)  # a slider clamps to its range itself
    assert slider(window).value() == 0


def test_enter_in_a_number_field_gives_the_keys_back_to_the_window(qtbot, window) -> None:
    """Type a step size, press Enter: the field applies it and lets go of the keyboard, so the
    single-key shortcuts work again (before, S or , typed into the field)."""
    box = widget(window, "stepSizeSpin", QtWidgets.QSpinBox)
    window.activateWindow()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "250")
    qtbot.keyClick(box, Key.Key_Return)
    assert box.value() == 250 and not box.hasFocus()
    qtbot.keyClick(window, Key.Key_S)  # Step
    settle(qtbot, window, lambda f: f.snapshot.iteration == 250)
    qtbot.keyClick(window, Key.Key_Comma)
    shown(qtbot, window, 249)
