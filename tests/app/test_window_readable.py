"""Issue #14, what the class sees: the pace, the state line past the stop-at, the language
checks, the Data box after a CSV, CSV errors, presets from the comparison tab, the initializer's
description, the lesson's first step, and starting with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from PyQt6 import QtCore, QtGui, QtWidgets

from app.commands import DEFAULT_SPEED, FLAT_OUT
from app.frames import RunState, frame_of
from app.views.compare.texts import status_text
from app.views.controls import SPEEDS
from app.views.status_strip import state_text
from engine.config import TrainConfig
from engine.initializers import INITIALIZERS
from engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]


def action(window, name: str) -> QtGui.QAction:
    found = window.findChild(QtGui.QAction, name)
    assert found is not None, name
    return found


def write_points(path: Path, n: int = 90) -> Path:
    lines = [f"{(i % 9) / 9 - 0.5:.3f},{(i % 7) / 7 - 0.5:.3f},{i % 2}" for i in range(n)]
    path.write_text("\n".join(lines) + "\n")
    return path


# -- item 8: a pace to talk over, flat out one click away ----------------------------------------
def test_the_default_speed_is_a_pace_and_flat_out_is_one_click_away(window):
    controls = window.controls
    assert SPEEDS[controls.speed.value()] == DEFAULT_SPEED != FLAT_OUT
    flat = window.findChild(QtWidgets.QPushButton, "flatOutButton")
    assert flat.isVisibleTo(window.controls) and not flat.isChecked()
    flat.click()
    assert controls.speed_steps() == FLAT_OUT and window.run.speed == FLAT_OUT
    assert action(window, "flatOutAction").isChecked()
    flat.click()  # and back to the pace it left
    assert controls.speed_steps() == DEFAULT_SPEED and window.run.speed == DEFAULT_SPEED
    action(window, "flatOutAction").trigger()  # the Run menu does the same
    assert flat.isChecked() and window.run.speed == FLAT_OUT


def test_the_comparison_has_its_own_flat_out_at_the_same_default_pace(window):
    assert window.compare.speed == DEFAULT_SPEED
    window.mode_tabs.setCurrentWidget(window.compare_view)
    check = window.compare_view.findChild(QtWidgets.QCheckBox, "compareFlatOutCheck")
    assert not check.isChecked()
    check.click()
    assert window.compare.speed == FLAT_OUT
    assert action(window, "flatOutAction").isChecked()
    action(window, "flatOutAction").trigger()
    assert window.compare.speed == DEFAULT_SPEED and not check.isChecked()


# -- item 9: running past the stop-at is said ------------------------------------------------------
def test_the_state_line_says_when_training_runs_past_the_stop_at(qapp):
    trainer = Trainer(TrainConfig())
    running = {"run_id": 0, "state": RunState.RUNNING, "target": 15000, "grid_resolution": None}
    past = frame_of(trainer, TrainConfig(), **running, past_target=True)
    before = frame_of(trainer, TrainConfig(), **running)
    assert "past the stop-at 15,000" in state_text(past, 900.0)
    assert "Pause" in state_text(past, 900.0)
    assert "past" not in state_text(before, 900.0)


def test_the_comparison_says_when_it_runs_past_the_stop_at(qapp):
    def frame(iteration: int, state: RunState):
        return SimpleNamespace(
            state=state, iteration=iteration, target=15000, steps_per_second=0.0, rows=(),
            coarse_maps=None, rewound=False, newest_iteration=iteration,
        )  # fmt: skip

    assert "past the stop-at 15,000" in status_text(frame(38489, RunState.RUNNING))
    assert "past" not in status_text(frame(9000, RunState.RUNNING))
    assert "past" not in status_text(frame(38489, RunState.PAUSED))


# -- item 10 ---------------------------------------------------------------------------------------
def test_exactly_one_language_is_checked(window):
    def checked() -> list[str]:
        menu = window.findChild(QtWidgets.QMenu, "languageMenu")
        return [a.objectName() for a in menu.actions() if a.isChecked()]

    try:
        assert window.set_language("zh_CN")
        assert checked() == ["language_zh_CN_action"]
        assert window.set_language("en")
        assert checked() == ["language_en_action"]
    finally:
        window.set_language("en")


def test_the_data_box_follows_a_loaded_csv(window, tmp_path):
    window.controls.noise.setValue(0.2)
    path = write_points(tmp_path / "points.csv")
    assert window.run.load_csv(str(path))
    controls = window.controls
    assert controls.dataset.currentData() == f"csv:{path}"
    assert "points" in controls.dataset.currentText()
    assert controls.samples.value() == window.run.data.train_X.shape[1] != 300
    assert controls.noise.text() == "—" and not controls.noise.isEnabled()


def test_a_refused_csv_file_is_said_in_a_dialog(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.csv"
    bad.write_text("1,2,3\nnot,a,point\n")
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), ""))
    )
    window.choose_csv()
    assert len(window.reported_errors) == 1 and "bad.csv" in window.reported_errors[0]
    window.reported_errors.clear()


def test_a_preset_chosen_on_the_comparison_tab_is_shown_on_the_single_run_tab(window):
    window.mode_tabs.setCurrentWidget(window.compare_view)
    action(window, "preset_tutorial_zeros_action").trigger()
    assert window.run.config.init == "zeros"
    assert window.mode_tabs.currentWidget() is window.single_page


def test_the_controls_stay_put_whatever_the_initializers_description(window, qtbot):
    window.side_tabs.setCurrentIndex(0)
    seed = window.controls.seed
    places = set()
    for name in INITIALIZERS:
        window.choose_initializer(name)
        qtbot.waitUntil(lambda n=name: window.run.config.init == n)
        QtWidgets.QApplication.processEvents()
        window.controls.layout().activate()
        places.add(seed.mapTo(window.controls, QtCore.QPoint(0, 0)).y())
    assert len(places) == 1, places


def test_the_lesson_says_when_its_run_is_not_set_up_yet(window):
    lesson = window.lesson
    lesson.go(0)  # all zeros, while the window trains He
    assert not lesson.note.isHidden() and "Set up this run" in lesson.note.text()
    lesson.set_up()
    assert lesson.note.isHidden()
    lesson.go(1)
    assert not lesson.note.isHidden()


def test_without_a_display_the_app_says_so_and_exits_1():
    env = {k: v for k, v in os.environ.items()}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr[-500:]
    assert "no display" in done.stderr and "xcb" not in done.stderr
