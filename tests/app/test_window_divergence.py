"""A run that blows up: the window says where and what to try, every view survives, Reset recovers.

Random ×10 weights with a learning rate of 10 (the most the control allows) in a 50,50,50 ReLU
network overflow at iteration 6 (the headless run says the same).
"""

from __future__ import annotations

import math

from app.frames import RunState
from engine.config import MAX_LEARNING_RATE, TrainConfig
from engine.trainer import Trainer
from tests.app import number, wait_current_frame


def diverge(window, qtbot):
    c = window.controls
    c.hidden.setText("50,50,50")
    c.hidden.editingFinished.emit()
    window.choose_initializer("random")
    c.learning_rate.setValue(c.learning_rate.maximum())
    assert c.learning_rate.value() == MAX_LEARNING_RATE
    c.play.click()
    return wait_current_frame(qtbot, window, lambda f: f.state is RunState.DIVERGED, 10000)


def test_divergence_is_reported_with_the_iteration_and_advice(window, qtbot):
    frame = diverge(window, qtbot)
    reference = Trainer(TrainConfig(init="random", learning_rate=10.0, hidden=(50, 50, 50)))
    reference.step(20)
    assert frame.snapshot.diverged_at == reference.diverged_at == 6
    qtbot.waitUntil(lambda: "6" in window.status.state.text())
    text = window.status.state.text()
    assert "diverged at iteration 6" in text
    assert "learning rate" in text and "initializer" in text
    assert window.controls.play.text() == "Play"  # it stopped by itself
    iteration = frame.snapshot.iteration
    window.controls.play.click()  # play on a diverged run does not train further
    qtbot.waitUntil(lambda: window.ticks > 5)
    assert window.run.session.latest.snapshot.iteration == iteration


def test_every_view_survives_non_finite_numbers(window, qtbot):
    diverge(window, qtbot)
    cost = window.status.cost.text()
    assert "not a number" in cost or "inf" in cost or math.isfinite(number(cost))
    for index in range(window.panel_tabs.count()):
        window.panel_tabs.setCurrentIndex(index)
        ticks = window.ticks
        qtbot.waitUntil(lambda t=ticks: window.ticks > t + 2)
    window.controls.log_scale.setChecked(True)
    ticks = window.ticks
    qtbot.waitUntil(lambda: window.ticks > ticks + 2)
    window.set_projector_mode(True)
    window.set_projector_mode(False)
    window.zoom(0)
    assert window.redraw_timer.isActive()


def test_reset_recovers_and_the_divergence_repeats_exactly(window, qtbot, tmp_path):
    first = diverge(window, qtbot)
    assert window.files.write_history(tmp_path / "diverged.csv")
    window.controls.reset.click()
    frame = wait_current_frame(qtbot, window, lambda f: f.snapshot.iteration == 0)
    assert frame.state is RunState.PAUSED and math.isfinite(frame.snapshot.cost)
    qtbot.waitUntil(lambda: number(window.status.iteration) == 0)
    window.controls.play.click()
    again = wait_current_frame(qtbot, window, lambda f: f.state is RunState.DIVERGED, 10000)
    assert again.snapshot.diverged_at == first.snapshot.diverged_at
    # a sensible learning rate trains normally again
    window.controls.learning_rate.setValue(0.01)
    window.choose_initializer("he")
    window.controls.step_size.setValue(10)
    window.controls.step.click()
    frame = wait_current_frame(qtbot, window, lambda f: f.snapshot.iteration == 10)
    assert frame.state is RunState.PAUSED and math.isfinite(frame.snapshot.cost)
