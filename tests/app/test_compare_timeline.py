"""The comparison's timeline: every run rewound together, exactly; the worker driven synchronously,
then the view and its controller through pytest-qt.

"Exactly" means the cost a rewound frame shows for a run at iteration ``k`` is the cost a straight
headless run of that configuration has after ``k`` steps, to the last bit.
"""

from __future__ import annotations

import numpy as np
import pytest
from PyQt6 import QtCore, QtWidgets

from app.boundary_colors import probability_rgba
from app.commands import AddConfig, Play, RemoveConfig, Reset, Seek, ShowNeuronMaps, Step, Stop
from app.compare_worker import CompareWorker
from app.frames import CompareFrame, RunState
from app.views.timeline import TimelineBar
from engine.compare import RECORD_EVERY
from engine.config import TrainConfig
from engine.trainer import Trainer
from tests.app import compare_helpers
from tests.app.compare_helpers import DIVERGING, click, drawn, find
from tests.app.worker_driver import WorkerDriver

data = compare_helpers.data
make_view = compare_helpers.make_view

TUTORIAL = ("zeros", "random", "he")
GRID = 12


def headless(config: TrainConfig, data, k: int) -> Trainer:
    """A straight headless run of ``config``, ``k`` steps (the command line's trainer)."""
    trainer = Trainer(config, data)
    trainer.step(k)
    return trainer


def tutorial_worker(data) -> CompareWorker:
    configs = [(i, TrainConfig(init=name), None) for i, name in enumerate(TUTORIAL)]
    return CompareWorker(data, configs, grid_resolution=GRID)


class Script:
    """A worker's script: ``stages`` are ``(predicate, commands)``; a stage's commands are sent
    at the first frame its predicate accepts (after the previous stage's), the last stage's with
    ``Stop``.  ``seen[i]`` holds the frames that came after stage ``i``'s commands, up to and
    including the one that accepted stage ``i + 1`` (its last)."""

    def __init__(self, *stages) -> None:
        self.stages = list(stages)
        self.seen: list[list[CompareFrame]] = [[] for _ in stages]
        self.at = 0

    def __call__(self, frame: CompareFrame):
        if self.at:
            self.seen[self.at - 1].append(frame)
        if self.at < len(self.stages) and self.stages[self.at][0](frame):
            commands = list(self.stages[self.at][1])
            self.at += 1
            return [*commands, Stop()] if self.at == len(self.stages) else commands
        return None


def paused_at(n: int):
    return lambda f: f.state is RunState.PAUSED and f.iteration == n and not f.rewound


def rewound_to(k: int):
    return lambda f: f.rewound and f.iteration == k


def run(worker: CompareWorker, script: Script, first=()) -> list[CompareFrame]:
    driver = WorkerDriver(worker)
    frames = driver.run(first, react=script, limit=60)
    assert not driver.stopped_by_guard and not driver.failures, driver.failures
    return frames


# -- the worker -----------------------------------------------------------------------------------
def test_a_seek_shows_every_run_exactly_as_it_was(data):
    script = Script(
        (paused_at(700), [Seek(333)]),
        (rewound_to(333), [Seek(0)]),
        (rewound_to(0), [Seek(699)]),
        (rewound_to(699), []),
    )
    run(tutorial_worker(data), script, [Step(700)])
    for k, seen in zip((333, 0, 699), script.seen[:3]):
        frame = seen[-1]
        assert frame.iteration == k and frame.newest == 700 and frame.rewound
        assert frame.state is RunState.PAUSED
        for row, picture in zip(frame.rows, frame.runs):
            straight = headless(picture.config, data, k)
            assert row.iteration == picture.iteration == k
            assert row.cost == straight.cost(), (picture.config.init, k)
            assert row.train_accuracy == straight.train_accuracy()
            assert row.test_accuracy == straight.test_accuracy()
            assert picture.layer_std == tuple(float(np.std(W)) for W in straight.net.W)
            # the map is of the parameters at k, coloured as the live ones are
            grid = straight.predict_grid(straight.grid_bounds(), GRID)
            assert np.array_equal(picture.grid.probs, grid.probs)
            assert np.array_equal(picture.heatmap, probability_rgba(grid.probs))
            # the curve stays whole: the newest recorded cost is still there
            its, _ = picture.history.arrays()
            assert its[-1] == 700 - RECORD_EVERY


def test_dragging_pauses_and_the_end_returns_to_live(data):
    script = Script(
        (lambda f: f.state is RunState.RUNNING and f.iteration >= 200, [Seek(150)]),
        (rewound_to(150), [Seek(10**9)]),  # past the end: live again, still paused
        (lambda f: not f.rewound, []),
    )
    run(tutorial_worker(data), script, [Play()])
    rewound = script.seen[0][-1]
    newest = rewound.newest
    assert rewound.state is RunState.PAUSED and newest >= 200
    live = script.seen[1][-1]  # paused: nothing more was trained
    assert live.iteration == newest and live.state is RunState.PAUSED
    assert [r.iteration for r in live.rows] == [newest] * 3
    for row, picture in zip(live.rows, live.runs):
        assert row.cost == headless(picture.config, data, newest).cost()


def test_play_and_step_from_a_rewound_point_go_on_from_the_newest(data):
    script = Script(
        (paused_at(400), [Seek(100)]),
        (rewound_to(100), [Step(5)]),
        (paused_at(405), [Seek(50)]),
        (rewound_to(50), [Play()]),
        (lambda f: f.state is RunState.RUNNING and f.iteration > 405, [Step(1)]),  # pause
        (lambda f: f.state is RunState.PAUSED and not f.rewound, []),
    )
    frames = run(tutorial_worker(data), script, [Step(400)])
    assert not any(f.rewound for f in script.seen[1])  # Step went live at once, from 400
    after_play = script.seen[3]
    assert after_play and all(f.iteration >= 405 and not f.rewound for f in after_play)
    assert after_play[-1].iteration > 405
    last = frames[-1]
    for row, picture in zip(last.rows, last.runs):
        assert row.cost == headless(picture.config, data, last.iteration).cost()


def test_a_late_run_and_a_diverged_run_show_their_own_last_iteration(data):
    configs = [(0, TrainConfig(init="he"), None), (1, DIVERGING, None)]
    worker = CompareWorker(data, configs, grid_resolution=GRID)
    late = TrainConfig(init="xavier")
    script = Script(
        (paused_at(300), [Seek(250)]),
        (rewound_to(250), [AddConfig(2, late, None, run_id=1)]),
        # the newcomer catches up meanwhile (nothing else trains); each frame shows it at its
        # own newest until it passes 250, then at 250
        (lambda f: f.run_id == 1 and f.rows[2].state != "catching up", []),
    )
    run(worker, script, [Step(300)])
    frame = script.seen[0][-1]
    he, bad = frame.rows
    d = worker._comparison.entry(1).diverged_at
    assert d is not None and d < 250
    assert he.iteration == 250 and he.cost == headless(TrainConfig(init="he"), data, 250).cost()
    assert bad.iteration == d and bad.state == "diverged" and frame.runs[1].iteration == d
    catching = [f for f in script.seen[1] if f.run_id == 1]
    assert catching and all(f.iteration == 250 and f.newest == 300 for f in catching)
    for f in catching:
        newcomer = f.rows[2]
        assert newcomer.iteration <= 250
        assert newcomer.cost == headless(late, data, newcomer.iteration).cost()
    assert catching[-1].rows[2].iteration == 250


def test_seeking_before_a_divergence_shows_the_run_still_training(data):
    worker = CompareWorker(data, [(0, DIVERGING, None)], grid_resolution=GRID)
    script = Script(
        (lambda f: f.state is RunState.DIVERGED, [Seek(1)]),
        (rewound_to(1), []),
    )
    run(worker, script, [Step(300)])
    frame = script.seen[0][-1]
    (row,) = frame.rows
    assert row.iteration == 1 and row.state == "paused" and row.diverged_at is None
    assert frame.state is RunState.DIVERGED  # the comparison's own state is unchanged
    assert frame.runs[0].diverged_at is None and frame.runs[0].grid is not None


def test_reset_and_remove_forget_the_key_frames(data):
    worker = tutorial_worker(data)
    script = Script(
        (paused_at(600), [Seek(300), RemoveConfig(1, run_id=1)]),
        (lambda f: f.run_id == 1 and f.rewound, [ShowNeuronMaps(True), Reset(run_id=2)]),
        (lambda f: f.run_id == 2, []),
    )
    run(worker, script, [Step(600)])
    removed = script.seen[0][-1]
    assert removed.keys == (0, 2) and removed.iteration == 300  # still rewound, one run fewer
    assert worker.timeline.frames(1) is None
    neurons = next(f for f in script.seen[1] if f.run_id == 1)
    assert neurons.rewound and all(p.neurons is not None for p in neurons.runs)
    reset = script.seen[1][-1]
    assert reset.iteration == 0 and not reset.rewound
    assert {worker.timeline.frames(k).iterations for k in (0, 2)} == {(0,)}


# -- the view and the controller -----------------------------------------------------------------
def view_trained(make_view, qtbot, n: int = 600):
    compared = make_view()
    find(compared.view, QtWidgets.QSpinBox, "compareStepSizeSpin").setValue(n)
    click(compared.view, "compareStepButton")
    drawn(qtbot, compared, paused_at(n))
    return compared


def test_the_timeline_moves_every_view_to_the_iteration(make_view, qtbot, data):
    compared = view_trained(make_view, qtbot)
    view = compared.view
    slider = find(view, QtWidgets.QSlider, "compareTimelineSlider")
    assert isinstance(slider.parent(), TimelineBar)
    assert slider.maximum() == 600 and slider.value() == 600
    assert not view.cost_plot.rewind_line.isVisible()
    live_maps = [m.image.image.copy() for m in view.maps[:3]]
    live_text = view.table.item(2, 2).text()

    slider.setValue(250)  # as a drag does, value by value
    frame = drawn(qtbot, compared, rewound_to(250))
    assert frame.state is RunState.PAUSED and frame.newest == 600
    # the table, the curve markers and the line, the maps: all at 250
    for r, (row, picture) in enumerate(zip(frame.rows, frame.runs)):
        cost = headless(picture.config, data, 250).cost()
        assert row.cost == cost
        assert view.table.item(r, 1).text() == "250"
        assert view.table.item(r, 2).text() == f"{cost:.6g}"
        marker = view.cost_plot.markers[picture.key]
        assert marker.pos().x() == 250
        assert marker.pos().y() == pytest.approx(np.log10(cost))
    assert view.table.item(2, 2).text() != live_text
    assert view.cost_plot.rewind_line.isVisible() and view.cost_plot.rewind_line.value() == 250
    assert not np.array_equal(view.maps[2].image.image, live_maps[2])  # He moved in 350 steps
    he = frame.runs[2]
    assert he.layer_std == tuple(float(np.std(W)) for W in headless(he.config, data, 250).net.W)
    assert tuple(view.spread_plot.points(he.key)[1]) == pytest.approx(he.layer_std)
    x, _ = view.cost_plot.curve_data(frame.keys[2])
    assert x[-1] == 600 - RECORD_EVERY  # the curves stay whole
    assert "rewound: Play resumes at 600" in view.status.text()
    bar = view.findChild(TimelineBar)
    assert "250" in bar.label.text() and "600" in bar.label.text()

    bar.go_live()  # Live: the end of the slider
    live = drawn(qtbot, compared, lambda f: not f.rewound)
    assert live.iteration == 600 and not view.cost_plot.rewind_line.isVisible()
    assert view.table.item(2, 2).text() == live_text


def test_play_from_a_rewound_point_says_it_goes_on_from_the_newest(make_view, qtbot, data):
    compared = view_trained(make_view, qtbot, 300)
    view = compared.view
    find(view, QtWidgets.QSlider, "compareTimelineSlider").setValue(120)
    drawn(qtbot, compared, rewound_to(120))
    find(view, QtWidgets.QSpinBox, "compareStepSizeSpin").setValue(10)
    click(view, "compareStepButton")
    frame = drawn(qtbot, compared, paused_at(310))
    assert [r.iteration for r in frame.rows] == [310] * 3
    for row, picture in zip(frame.rows, frame.runs):
        assert row.cost == headless(picture.config, data, 310).cost()
    assert view.status.text().startswith("continuing from iteration 300, the newest · ")
    # said once: another rewind and Play say it again from the new newest, plain Play does not
    find(view, QtWidgets.QSlider, "compareTimelineSlider").setValue(200)
    drawn(qtbot, compared, rewound_to(200))
    assert view.status.text().startswith("iteration 200 of 15,000 · paused · rewound")
    heard: list[str] = []
    compared.controller.noticed.connect(lambda words: heard.append(words()))
    click(view, "comparePlayButton")
    drawn(qtbot, compared, lambda f: f.state is RunState.RUNNING and f.iteration > 310)
    click(view, "comparePlayButton")
    drawn(qtbot, compared, lambda f: f.state is RunState.PAUSED and not f.rewound)
    click(view, "comparePlayButton")
    click(view, "comparePlayButton")
    assert heard == ["continuing from iteration 310, the newest"]


def focus(qtbot, widget: QtWidgets.QWidget) -> None:
    window = widget.window()
    window.activateWindow()
    qtbot.waitActive(window)
    widget.setFocus()
    qtbot.wait(10)


# -- the controller alone -------------------------------------------------------------------------
class SeekSession(QtCore.QObject):
    """A session that records the commands and publishes what it is told to."""

    frameReady = QtCore.pyqtSignal(object)
    failed = QtCore.pyqtSignal(str)

    def __init__(self, data, configs) -> None:
        super().__init__()
        self.keys = list(range(len(configs)))
        self.latest = None
        self.calls: list[tuple] = []

    def can_add(self) -> bool:
        return True

    def seek(self, iteration: int) -> None:
        self.calls.append(("seek", iteration))

    def toggle_play(self) -> None:
        self.calls.append(("toggle_play",))

    def step(self, n: int) -> None:
        self.calls.append(("step", n))

    def reset(self) -> None:
        self.calls.append(("reset",))
        self.latest = None

    def set_target(self, iterations: int) -> None: ...
    def set_speed(self, steps_per_frame: int) -> None: ...
    def show_neuron_maps(self, on: bool) -> None: ...
    def shutdown(self, timeout_ms: int = 0) -> bool:
        return True

    def publish(self, newest: int, state: RunState = RunState.PAUSED) -> None:
        self.latest = FrameStub(self.keys, newest, state)
        self.frameReady.emit(self.latest)


class FrameStub:
    def __init__(self, keys, newest: int, state: RunState) -> None:
        self.keys, self.newest_iteration, self.state = tuple(keys), newest, state
        self.rows = ()


def test_the_controller_forwards_seeks_and_says_once_where_play_goes_on(qtbot, data):
    from app.controllers.compare_controller import CompareController

    sessions: list[SeekSession] = []
    controller = CompareController(
        data, session_factory=lambda d, c: sessions.append(SeekSession(d, c)) or sessions[-1]
    )
    heard: list[str] = []
    controller.noticed.connect(lambda words: heard.append(words()))
    session = controller.start()
    session.publish(500)
    controller.seek(200)
    assert ("seek", 200) in session.calls
    controller.toggle_play()
    assert heard == ["continuing from iteration 500, the newest"]
    controller.toggle_play()
    controller.step(3)
    assert len(heard) == 1  # once
    controller.seek(500)  # the end: live again, nothing to say
    controller.step(1)
    controller.seek(100)
    controller.reset()  # a reset leaves the timeline live at 0
    controller.toggle_play()
    session.publish(90, RunState.DIVERGED)
    controller.seek(10)
    controller.toggle_play()  # nothing can train: nothing goes on
    assert len(heard) == 1
    assert session.calls[:3] == [("seek", 200), ("toggle_play",), ("toggle_play",)]


def test_in_the_window_its_keys_move_the_comparisons_timeline_once(qtbot, window):
    view = window.compare_view
    window.mode_tabs.setCurrentWidget(view)
    compared = compare_helpers.Compared(view, window.compare)
    qtbot.waitUntil(lambda: window.compare.latest is not None, timeout=5000)
    window.compare.step(300)
    drawn(qtbot, compared, paused_at(300))
    focus(qtbot, view.table)  # the window's Run menu has the keys, for the tab in view
    qtbot.keyClick(view.table, QtCore.Qt.Key.Key_Comma)
    frame = drawn(qtbot, compared, rewound_to(299))
    assert [row.iteration for row in frame.rows] == [299] * 3
    qtbot.keyClick(view.table, QtCore.Qt.Key.Key_Less)
    drawn(qtbot, compared, rewound_to(199))
    assert window.timeline.shown == window.timeline.newest  # the single run's stays put
    # a text field keeps them for typing
    edit = find(view, QtWidgets.QLineEdit, "compareHiddenEdit")
    edit.clear()
    focus(qtbot, edit)
    qtbot.keyClicks(edit, "8,4.")
    assert edit.text() == "8,4." and view.timeline.shown == 199
