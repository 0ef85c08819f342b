"""The comparison: its worker driven synchronously, then the view and its controller through
pytest-qt.

Every :class:`CompareSession` made here is recorded (strong references) and must have stopped its
thread by the end of its test; the view fixture shuts its controller down in
``before_close_func``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PyQt6 import QtCore, QtWidgets

from app.commands import Pause, Play, Reset, SetTarget, Step, Stop
from app.compare_worker import AddConfig, CompareWorker, RemoveConfig
from app.frames import RunPicture, RunState
from app.views.compare.run_style import LINE_STYLES, MARKERS, StyleBook
from app.views.compare.spread_plot import SpreadPlot
from app.views.compare.view import REDRAW_MS, SLOWEST_REDRAW_MS
from engine.compare import MAX_CONFIGS, RECORD_EVERY, make_trainer
from engine.config import TrainConfig
from engine.history import HistoryView
from tests.app import compare_helpers
from tests.app.compare_helpers import DIVERGING, click, drawn, find
from tests.app.worker_driver import DIRECT, WorkerDriver

# Shared fixtures: a shown, wired comparison joined at teardown, and the stray-thread guard.
data = compare_helpers.data
make_view = compare_helpers.make_view

REPO = Path(__file__).resolve().parents[2]
TUTORIAL = {"zeros": (0.5, 0.5), "random": (0.83, 0.86), "he": (0.9933333333333333, 0.96)}
BUTTONS = (
    "compareAddButton",
    "compareRemoveButton",
    "comparePlayButton",
    "compareStepButton",
    "compareResetButton",
)


def cost_alone(config: TrainConfig, data, n: int) -> float:
    trainer = make_trainer(config, data)
    trainer.step(n)
    return trainer.cost()


def tutorial_worker(data, **kwargs) -> CompareWorker:
    configs = [(i, TrainConfig(init=name), None) for i, name in enumerate(TUTORIAL)]
    return CompareWorker(data, configs, grid_resolution=12, **kwargs)


def test_worker_steps_every_configuration_in_lockstep(data):
    script = WorkerDriver(tutorial_worker(data))
    frames = script.run(
        [Step(25)],
        react=lambda f: [Stop()] if f.state is RunState.PAUSED and f.iteration == 25 else None,
    )
    assert not script.stopped_by_guard and not script.failures
    first, last = frames[0], frames[-1]
    assert first.iteration == 0 and first.state is RunState.PAUSED
    assert [r.iteration for r in last.rows] == [25, 25, 25]
    for row, run in zip(last.rows, last.runs):
        assert row.cost == cost_alone(run.config, data, 25)
        assert run.grid is not None and run.heatmap.shape == (12, 12, 4)
        assert not run.heatmap.flags.writeable  # frames are immutable copies
        assert all(not its.flags.writeable for its, _ in run.history.chunks)
    assert frames[0].runs[2].layer_std != last.runs[2].layer_std


def test_the_apps_comparison_builds_its_trainers_like_the_headless_one(data):
    """No gradient norms or metrics rows: nothing in the comparison shows them, and recording
    them split every chunk of steps into pieces of ten (the worker ran ~10% slower)."""
    worker = CompareWorker(data, [(0, TrainConfig(init="he"), None)], grid_resolution=8)
    script = WorkerDriver(worker)
    script.run([Step(30)], react=lambda f: [Stop()] if f.iteration == 30 else None)
    assert not script.failures
    trainer = worker._comparison.entries[0].trainer
    headless = make_trainer(TrainConfig(init="he"), data)
    assert (trainer.grad_every, trainer.metrics_every) == (headless.grad_every, 0) == (0, 0)
    assert script.frames[-1].rows[0].cost == cost_alone(TrainConfig(init="he"), data, 30)


def test_worker_play_stops_everyone_at_the_target_then_runs_on(data):
    def react(frame):
        if frame.state is RunState.FINISHED and frame.iteration == 40:
            return [Play()]  # at the target: runs on until paused
        if frame.state is RunState.RUNNING and frame.iteration > 40:
            return [Pause()]
        if frame.state is RunState.PAUSED and frame.iteration > 40:
            return [Stop()]
        return None

    script = WorkerDriver(tutorial_worker(data))
    frames = script.run([SetTarget(40), Play()], react)
    assert not script.stopped_by_guard and not script.failures
    finished = [f for f in frames if f.state is RunState.FINISHED]
    assert finished and all(r.iteration == 40 for r in finished[0].rows)
    assert finished[0].rows[0].state == "finished"
    last = frames[-1]
    assert last.iteration > 40 and {r.iteration for r in last.rows} == {last.iteration}


def test_worker_adds_mid_run_catches_up_then_removes(data):
    added = TrainConfig(hidden=(8, 4), learning_rate=0.05)
    phase = {"added": False, "removed": False}

    def react(frame):
        if not phase["added"] and frame.iteration >= 60:
            phase["added"] = True
            return [Pause(), AddConfig(7, added, None, run_id=1)]
        caught_up = len(frame.rows) == 4 and frame.rows[3].state != "catching up"
        paused = frame.run_id == 1 and frame.state is RunState.PAUSED
        if paused and caught_up and not phase["removed"]:
            phase["removed"] = True
            return [RemoveConfig(0, run_id=2)]
        if frame.run_id == 2:
            return [Stop()]
        return None

    script = WorkerDriver(tutorial_worker(data))
    frames = script.run([Play()], react)
    assert not script.stopped_by_guard and not script.failures
    caught_up = next(f for f in frames if f.run_id == 1 and f.rows[3].state != "catching up")
    assert caught_up.rows[3].iteration == caught_up.iteration
    assert caught_up.rows[3].cost == cost_alone(added, data, caught_up.iteration)
    assert any(r.state == "catching up" for f in frames if f.run_id == 1 for r in f.rows)
    last = frames[-1]
    assert last.keys == (1, 2, 7)
    assert {r.iteration for r in last.rows} == {last.iteration}


def test_worker_reset_returns_everyone_to_zero_as_a_new_run(data):
    def react(frame):
        if frame.run_id == 0 and frame.iteration == 30 and frame.state is RunState.PAUSED:
            return [Reset(run_id=1)]
        return [Stop()] if frame.run_id == 1 else None

    script = WorkerDriver(tutorial_worker(data))
    frames = script.run([Step(30)], react)
    last = frames[-1]
    assert last.run_id == 1 and last.iteration == 0 and last.state is RunState.PAUSED
    assert [r.cost for r in last.rows] == [r.cost for r in frames[0].rows]


def test_worker_reports_a_broken_factory_instead_of_dying(data):
    def broken(config, data):
        raise RuntimeError("no trainer today")

    worker = CompareWorker(data, [(0, TrainConfig(), None)], trainer_factory=broken)
    script = WorkerDriver(worker)
    finished = []
    worker.finished.connect(lambda: finished.append(True), DIRECT)
    frames = script.run(limit=5)
    assert not script.stopped_by_guard and frames == [] and finished == [True]
    assert "RuntimeError: no trainer today" in script.failures[0]


def test_every_configuration_gets_its_own_colour_line_and_marker():
    book = StyleBook()
    styles = [book.get(key, name) for key, name in enumerate(["he"] * MAX_CONFIGS)]
    assert len({s.color for s in styles}) == MAX_CONFIGS
    assert len({s.line for s in styles}) == len(set(LINE_STYLES)) == MAX_CONFIGS
    assert len({s.marker for s in styles}) == len(MARKERS)
    book.keep_only([0, 1, 2, 4, 5])
    again = book.get(99, "zeros")
    assert again.line == styles[3].line and again.marker == styles[3].marker  # slot 3 reused
    assert again.color not in {s.color for s in styles if s is not styles[3]}


# -- the view ------------------------------------------------------------------------------------
@pytest.fixture
def compared(make_view):
    return make_view()


def test_the_view_has_every_named_control_and_plot(compared):
    view = compared.view
    assert view.objectName() == "compareView"
    for name in BUTTONS:
        find(view, QtWidgets.QAbstractButton, name)
    find(view, QtWidgets.QWidget, "compareAddRow")  # the window folds it away on a projector
    find(view, QtWidgets.QComboBox, "compareInitCombo")
    find(view, QtWidgets.QDoubleSpinBox, "compareLrSpin")
    find(view, QtWidgets.QLineEdit, "compareHiddenEdit")
    find(view, QtWidgets.QSpinBox, "compareStepSizeSpin")
    find(view, pg.PlotWidget, "compareCostPlot")
    find(view, pg.PlotWidget, "compareSpreadPlot")
    table = find(view, QtWidgets.QTableWidget, "compareTable")
    assert table.rowCount() == 3
    maps = [find(view, pg.PlotWidget, f"compareMap{i}") for i in range(MAX_CONFIGS)]
    assert [m.isVisible() for m in maps] == [True] * 3 + [False] * 3
    combo = find(view, QtWidgets.QComboBox, "compareInitCombo")
    assert {"zeros", "random", "he"} <= {combo.itemData(i) for i in range(combo.count())}


def test_the_default_comparison_reproduces_the_tutorial_at_15000(compared, qtbot):
    view = compared.view
    click(view, "comparePlayButton")
    frame = drawn(qtbot, compared, lambda f: f.state is RunState.FINISHED, timeout=90000)
    assert frame.iteration == 15000
    table = find(view, QtWidgets.QTableWidget, "compareTable")
    for r, (row, (name, (train, test))) in enumerate(zip(frame.rows, TUTORIAL.items())):
        assert row.init == name and row.iteration == 15000
        assert (row.train_accuracy, row.test_accuracy) == (train, test)
        assert table.item(r, 1).text() == "15,000"
        assert table.item(r, 3).text().startswith(f"{train:.4f}")
        assert table.item(r, 4).text().startswith(f"{test:.4f}")
        assert table.item(r, 7).text() == "finished"
    assert table.item(0, 5).text() == table.item(0, 6).text() == "not reached"
    assert table.item(2, 5).text() != "not reached"
    # The plots: three curves over the whole run, the current points, the maps, the spreads.
    plot = view.cost_plot
    for key in frame.keys:
        x, _ = plot.curve_data(key)
        assert x[0] == 0 and x[-1] == 15000 - RECORD_EVERY  # the last recorded cost
    assert sum(marker.isVisible() for marker in plot.markers.values()) == 3
    assert all(m.image.image is not None for m in view.maps[:3])
    _, zeros_std = view.spread_plot.points(frame.keys[0])
    assert list(zeros_std) == [0.0, 0.0, 0.0]  # zeros never breaks symmetry: all W stay 0
    assert find(view, QtWidgets.QPushButton, "comparePlayButton").text() == "Play"


def test_lockstep_holds_through_pause_step_and_reset(compared, data, qtbot):
    view = compared.view
    click(view, "comparePlayButton")
    drawn(qtbot, compared, lambda f: f.state is RunState.RUNNING and f.iteration > 300)
    click(view, "comparePlayButton")  # pause
    paused = drawn(qtbot, compared, lambda f: f.state is RunState.PAUSED)
    it = paused.iteration
    assert it > 300 and [r.iteration for r in paused.rows] == [it] * 3
    for row, run in zip(paused.rows, paused.runs):
        assert row.cost == cost_alone(run.config, data, it)  # equal effort, the same numbers

    find(view, QtWidgets.QSpinBox, "compareStepSizeSpin").setValue(7)
    click(view, "compareStepButton")
    stepped = drawn(qtbot, compared, lambda f: f.iteration == it + 7 and f.state is RunState.PAUSED)
    assert [r.iteration for r in stepped.rows] == [it + 7] * 3
    table = find(view, QtWidgets.QTableWidget, "compareTable")
    assert {table.item(r, 1).text() for r in range(3)} == {f"{it + 7:,}"}
    # The window's Step (its toolbar) takes the steps shown in the view too.
    compared.controller.step_clicked()
    drawn(qtbot, compared, lambda f: f.iteration == it + 14 and f.state is RunState.PAUSED)

    click(view, "compareResetButton")
    assert view.status.text().startswith("reset: every configuration back to iteration 0")
    reset = drawn(qtbot, compared, lambda f: f.iteration == 0)
    assert [r.iteration for r in reset.rows] == [0, 0, 0]
    assert [r.cost for r in reset.rows] == [cost_alone(r.config, data, 0) for r in reset.runs]
    assert {table.item(r, 1).text() for r in range(3)} == {"0"}
    # Step while running pauses, taking no extra steps; everyone still agrees.
    click(view, "comparePlayButton")
    drawn(qtbot, compared, lambda f: f.state is RunState.RUNNING and f.iteration > 50)
    click(view, "compareStepButton")
    stopped = drawn(qtbot, compared, lambda f: f.state is RunState.PAUSED)
    assert {r.iteration for r in stopped.rows} == {stopped.iteration}


def test_adding_and_removing_mid_run_is_safe(make_view, qtbot, data):
    compared = make_view(target=4000)
    view = compared.view
    click(view, "comparePlayButton")
    drawn(qtbot, compared, lambda f: f.state is RunState.RUNNING and f.iteration > 500)
    combo = find(view, QtWidgets.QComboBox, "compareInitCombo")
    combo.setCurrentIndex(combo.findData("he"))
    find(view, QtWidgets.QDoubleSpinBox, "compareLrSpin").setValue(0.05)
    find(view, QtWidgets.QLineEdit, "compareHiddenEdit").setText("8,4")
    click(view, "compareAddButton")
    frame = drawn(qtbot, compared, lambda f: len(f.rows) == 4)
    assert frame.runs[3].config == TrainConfig(learning_rate=0.05, hidden=(8, 4))
    assert find(view, QtWidgets.QTableWidget, "compareTable").rowCount() == 4
    assert view.maps[3].isVisible()
    # It catches up, then trains in step with the others.
    drawn(qtbot, compared, lambda f: len(f.rows) == 4 and f.rows[3].iteration == f.iteration > 600)

    table = find(view, QtWidgets.QTableWidget, "compareTable")
    table.selectRow(0)  # zeros
    click(view, "compareRemoveButton")
    frame = drawn(qtbot, compared, lambda f: len(f.rows) == 3)
    assert [r.init for r in frame.rows] == ["random", "he", "he"]
    assert table.rowCount() == 3 and not view.maps[3].isVisible()
    assert len(view.cost_plot.curves) == 3 and len(view.cost_plot.legend.items) == 3

    done = drawn(qtbot, compared, lambda f: f.state is RunState.FINISHED, timeout=60000)
    assert [r.iteration for r in done.rows] == [4000] * 3
    added = done.rows[2]
    assert added.cost == cost_alone(TrainConfig(learning_rate=0.05, hidden=(8, 4)), data, 4000)
    assert not view.said_error


def test_at_most_six_and_refusals_say_why(compared, qtbot):
    view = compared.view
    hidden = find(view, QtWidgets.QLineEdit, "compareHiddenEdit")
    hidden.setText("10,x")
    view.add_from_controls()
    assert "refused" in view.status.text() and view.said_error
    assert compared.controller.labels == {0: "Zeros", 1: "Random ×10", 2: "He"}
    hidden.setText("10,5")
    for _ in range(MAX_CONFIGS - 3):
        click(view, "compareAddButton")
    drawn(qtbot, compared, lambda f: len(f.rows) == MAX_CONFIGS)
    assert not find(view, QtWidgets.QPushButton, "compareAddButton").isEnabled()
    view.add_from_controls()
    assert f"at most {MAX_CONFIGS}" in view.status.text()
    assert all(m.isVisible() for m in view.maps)
    # Styles stay distinct with six on screen, and so do the names.
    pens = [c.pen() for c in view.cost_plot.curves.values()]
    assert len({p.color().name() for p in pens}) == MAX_CONFIGS
    assert len({p.style() for p in pens}) == MAX_CONFIGS
    assert view.cost_plot.legend_texts()[2:] == ["He", "He #2", "He #3", "He #4"]


def test_a_diverging_configuration_shows_where_and_the_others_go_on(make_view, qtbot):
    compared = make_view(configs=[TrainConfig(), DIVERGING], target=300)
    view = compared.view
    click(view, "comparePlayButton")
    frame = drawn(qtbot, compared, lambda f: f.state is RunState.FINISHED)
    he, bad = frame.rows
    assert he.iteration == 300 and he.state == "finished"
    assert bad.state == "diverged" and bad.iteration == bad.diverged_at < 300
    table = find(view, QtWidgets.QTableWidget, "compareTable")
    assert table.item(1, 7).text() == f"diverged at {bad.diverged_at}"
    assert table.item(1, 2).text() == "not finite"
    assert f"diverged at {bad.diverged_at}" in view.maps[1].overlay.toPlainText()
    assert view.maps[1].image.opacity() < 1 and view.maps[0].image.opacity() == 1


def test_a_busy_gui_thread_slows_the_redraw_clock_while_training(compared, qtbot):
    """Pacing counts all of the GUI thread's CPU time between redraws, not only the redraw's
    own: here another timer on the GUI thread burns 8 ms of CPU every 20 ms.  Above GUI_SHARE
    the clock slows, to leave the GIL to training; paused, it is back at 30 fps."""
    view, controller = compared.view, compared.controller
    rates: list[float] = []
    view.frameRateChanged.connect(rates.append)

    def burn() -> None:
        until = time.thread_time() + 0.008
        while time.thread_time() < until:
            pass

    other = QtCore.QTimer(view)
    other.timeout.connect(burn)
    other.start(20)
    controller.set_target(10**6)
    click(view, "comparePlayButton")
    qtbot.waitUntil(lambda: view.redraw_timer.interval() == SLOWEST_REDRAW_MS, timeout=10000)
    assert controller.latest.state is RunState.RUNNING
    assert rates[-1] == pytest.approx(1000.0 / SLOWEST_REDRAW_MS)  # the worker is told
    other.stop()
    click(view, "comparePlayButton")  # pause: drawing costs nothing the training would miss
    drawn(qtbot, compared, lambda f: f.state is RunState.PAUSED)
    qtbot.waitUntil(lambda: view.redraw_timer.interval() == REDRAW_MS, timeout=5000)


def test_the_view_draws_the_newest_frame_given_on_its_own_clock(compared, qtbot):
    """Frames given between two ticks are not drawn one by one: the newest wins; and after a
    command that changes the runs, a frame given before it is not drawn at all."""
    view, controller = compared.view, compared.controller
    click(view, "compareStepButton")
    first = drawn(qtbot, compared, lambda f: f.iteration == 1)
    redraws = view.redraws
    view.redraw_timer.stop()
    controller.step(1)
    controller.step(1)
    qtbot.waitUntil(lambda: controller.latest.iteration == 3, timeout=5000)
    assert view.redraws == redraws and view.drawn is first
    view.redraw()
    assert view.redraws == redraws + 1 and view.drawn is controller.latest
    view.redraw()  # nothing new: nothing drawn
    assert view.redraws == redraws + 1
    view.show_frame(first)  # an older frame, then a reset before the next tick
    controller.reset()
    view.redraw()
    assert view.redraws == redraws + 1
    view.redraw_timer.start(REDRAW_MS)
    drawn(qtbot, compared, lambda f: f.iteration == 0)


def test_log_scale_can_be_switched_off(compared, qtbot):
    view = compared.view
    toggled: list[bool] = []
    view.logScaleToggled.connect(toggled.append)
    click(view, "compareStepButton")
    frame = drawn(qtbot, compared, lambda f: f.iteration == 1)
    check = find(view, QtWidgets.QCheckBox, "compareLogCheck")
    assert check.isChecked() and view.cost_plot.is_log_scale()
    check.setChecked(False)
    assert not view.cost_plot.is_log_scale() and toggled == [False]
    key = frame.keys[1]  # random: cost 1773.59 at iteration 0
    _, y = view.cost_plot.curves[key].getData()
    assert y[0] == pytest.approx(frame.runs[1].history.arrays()[1][0])


def test_an_error_in_training_is_said_and_reported(make_view):
    compared = make_view()
    reported: list[str] = []
    compared.controller.failed.connect(reported.append)
    compared.controller.session.failed.emit("Traceback ...\nRuntimeError: the GPU caught fire")
    assert reported == ["Traceback ...\nRuntimeError: the GPU caught fire"]
    status = compared.view.status
    assert status.text() == "stopped: RuntimeError: the GPU caught fire"
    assert compared.view.said_error


def test_closing_while_running_joins_the_thread_quietly(tmp_path):
    script = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, os.getcwd())
from PyQt6 import QtCore, QtWidgets
from app.compare_wiring import wire
from app.controllers.compare_controller import CompareController
from app.views.compare.view import CompareView
from engine.datasets import load_dataset

app = QtWidgets.QApplication([])
QtCore.QTimer.singleShot(30000, lambda: os._exit(3))
data = load_dataset("circles")
view = CompareView(data)
controller = CompareController(data)
wire(view, controller)
view.show()

played = []

def on_frame(frame):
    if frame is None:
        return
    if frame.state.value == "paused" and frame.iteration == 0 and not played:
        played.append(True)  # once: setting the pace brings a second paused frame
        controller.toggle_play()
    elif frame.iteration > 200:
        view.close()
        controller.shutdown()
        print("running after close:", controller.session.is_running(), flush=True)
        app.quit()

controller.latestChanged.connect(on_frame)
sys.exit(app.exec())
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "running after close: False" in result.stdout
    assert "QThread: Destroyed" not in result.stderr


def loaded_by(module: str, wanted: str) -> list[str]:
    """The modules among ``wanted`` (an expression over ``m``) that importing ``module`` loads, in
    a fresh interpreter."""
    script = (
        f"import json, sys, {module}\nprint(json.dumps(sorted(m for m in sys.modules if {wanted})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_view_imports_no_thread_and_the_controller_no_view():
    threads = "m in ('app.compare_session', 'app.compare_worker', 'app.worker', 'app.session')"
    assert loaded_by("app.views.compare.view", threads) == []
    views = "m.startswith('app.views') or m == 'pyqtgraph'"
    assert loaded_by("app.controllers.compare_controller", views) == []


def spread_picture(key: int, stds: tuple[float, ...]) -> RunPicture:
    return RunPicture(
        key=key,
        label="he",
        config=TrainConfig(init="he"),
        iteration=0,
        history=HistoryView((), 0),
        layer_std=stds,
        grid=None,
        heatmap=None,
        diverged_at=None,
    )


def test_live_spreads_skip_moves_under_a_pixel_but_a_still_frame_shows_them_exactly(qtbot):
    plot = SpreadPlot()
    qtbot.addWidget(plot)
    plot.add_run(0, StyleBook().get(0, "he"))
    plot.show_runs([spread_picture(0, (0.5, 0.2, 0.8))])
    plot.show_runs([spread_picture(0, (0.5, 0.2, 0.801))], live=True)  # 0.0005 decades
    np.testing.assert_allclose(plot.points(0)[1], [0.5, 0.2, 0.8], rtol=1e-12)
    plot.show_runs([spread_picture(0, (0.5, 0.3, 0.801))], live=True)  # 0.18 decades: shown
    np.testing.assert_allclose(plot.points(0)[1], [0.5, 0.3, 0.801], rtol=1e-12)
    plot.show_runs([spread_picture(0, (0.5, 0.3, 0.8012))])  # paused: exactly
    np.testing.assert_allclose(plot.points(0)[1], [0.5, 0.3, 0.8012], rtol=1e-12)
