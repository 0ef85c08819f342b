"""The comparison's controller against a fake session: no thread, no widget.

Every flow is checked for what it asks of the session and what it says; a refused request must
change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from PyQt6 import QtCore

from app.commands import DEFAULT_SPEED, FLAT_OUT
from app.controllers.compare_controller import CompareController, build_config, unique_label
from app.frames import CompareFrame
from engine.compare import MAX_CONFIGS, config_label
from engine.config import TrainConfig
from engine.datasets import load_dataset


class FakeSession(QtCore.QObject):
    """Records the commands; keeps keys like :class:`CompareSession` (initial keys 0, 1, …)."""

    frameReady = QtCore.pyqtSignal(object)
    failed = QtCore.pyqtSignal(str)

    def __init__(self, data, configs: Sequence[TrainConfig]) -> None:
        super().__init__()
        self.data = data
        self.configs = list(configs)
        self.keys = list(range(len(configs)))
        self.latest: CompareFrame | StubFrame | None = None
        self.calls: list[tuple] = []
        self.added: list[tuple[TrainConfig, str | None]] = []
        self.running = True
        self.speeds: list[int] = []
        self.neurons: list[bool] = []

    def can_add(self) -> bool:
        return len(self.keys) < MAX_CONFIGS

    def add(self, config: TrainConfig, label: str | None = None) -> int:
        key = max(self.keys, default=-1) + 1
        self.keys.append(key)
        self.added.append((config, label))
        self.latest = None
        return key

    def remove(self, key: int) -> bool:
        self.calls.append(("remove", key))
        if key not in self.keys:
            return False
        self.keys.remove(key)
        self.latest = None
        return True

    def reset(self) -> None:
        self.calls.append(("reset",))
        self.latest = None

    def toggle_play(self) -> None:
        self.calls.append(("toggle_play",))

    def step(self, n: int) -> None:
        self.calls.append(("step", n))

    def set_target(self, iterations: int) -> None:
        self.calls.append(("set_target", iterations))

    def set_frame_rate(self, fps: float) -> None:
        self.calls.append(("set_frame_rate", fps))

    def set_speed(self, steps_per_frame: int) -> None:
        self.speeds.append(steps_per_frame)  # apart from calls: every start sets the pace

    def show_neuron_maps(self, on: bool) -> None:
        self.neurons.append(on)  # apart from calls: every start says whether maps are wanted

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        self.calls.append(("shutdown",))
        self.running = False
        return True

    def is_running(self) -> bool:
        return self.running

    def publish(self, keys: Sequence[int] | None = None) -> StubFrame:
        """Accept a frame of ``keys`` (default: all) as the real session would."""
        keys = self.keys if keys is None else list(keys)
        frame = StubFrame(tuple(StubRow(key, f"run {key}") for key in keys))
        self.keys = list(keys)
        self.latest = frame
        self.frameReady.emit(frame)
        return frame


@dataclass(frozen=True)
class StubRow:
    key: int
    label: str


@dataclass(frozen=True)
class StubFrame:
    """A stand-in for a :class:`CompareFrame`: the controller reads only its rows and keys."""

    rows: tuple[StubRow, ...]

    @property
    def keys(self) -> tuple[int, ...]:
        return tuple(r.key for r in self.rows)


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


@pytest.fixture
def made():
    return []


@pytest.fixture
def controller(data, made, qtbot):
    def factory(d, configs):
        session = FakeSession(d, configs)
        made.append(session)
        return session

    return CompareController(data, session_factory=factory)


class Heard:
    """Everything a controller says, by signal."""

    def __init__(self, controller: CompareController) -> None:
        self.frames: list = []
        self.said: list[str] = []
        self.refused: list[str] = []
        self.capacity: list[tuple[bool, bool]] = []
        self.failed: list[str] = []
        controller.latestChanged.connect(self.frames.append)
        controller.said.connect(lambda words: self.said.append(words()))
        controller.refused.connect(lambda words: self.refused.append(words()))
        controller.capacityChanged.connect(lambda a, r: self.capacity.append((a, r)))
        controller.failed.connect(self.failed.append)


def test_the_session_starts_only_when_needed_and_once(controller, made):
    assert controller.session is None and controller.latest is None and made == []
    assert controller.capacity() == (True, True)  # the defaults will be there to remove
    assert controller.shutdown() is True  # nothing to stop yet
    session = controller.start()
    assert made == [session] and controller.start() is session
    assert [c.init for c in session.configs] == ["zeros", "random", "he"]
    assert controller.labels == {0: "Zeros", 1: "Random ×10", 2: "He"}
    assert controller.shutdown() is True and session.calls[-1] == ("shutdown",)


def test_any_flow_starts_the_session(controller, made):
    controller.toggle_play()
    assert len(made) == 1 and made[0].calls == [("toggle_play",)]


def test_play_step_reset_target_and_frame_rate_are_forwarded(controller, made):
    heard = Heard(controller)
    controller.set_target(300)  # before the start: kept, then given to the session
    controller.set_frame_rate(20.0)  # no session yet: nothing to tell
    session = controller.start()
    assert session.calls == [("set_target", 300)]
    controller.toggle_play()
    controller.step(7)
    controller.set_step_size(5)
    controller.step_clicked()
    controller.set_frame_rate(10.0)
    controller.set_target(400)
    controller.reset()
    assert session.calls[1:] == [
        ("toggle_play",),
        ("step", 7),
        ("step", 5),
        ("set_frame_rate", 10.0),
        ("set_target", 400),
        ("reset",),
    ]
    assert heard.frames == [None]  # a frame given before the reset must not be drawn
    assert heard.said == ["reset: every configuration back to iteration 0, same initial weights"]


def test_add_builds_the_configuration_and_labels_it_apart(controller, made):
    heard = Heard(controller)
    key = controller.add("he", 0.05, "8,4", 3.0)
    session = made[0]
    added = TrainConfig(learning_rate=0.05, hidden=(8, 4))
    assert key == 3 and session.added == [(added, "He · lr 0.05 · 8,4")]
    assert controller.add("he", 0.05, " 8 , 4 ", 1.0) == 4  # the same again: a new name
    assert controller.add("he", 0.01, "10,5", 1.0) == 5  # the tutorial's He is there already
    assert [label for _, label in session.added][1:] == ["He · lr 0.05 · 8,4 #2", "He #2"]
    assert controller.labels[5] == "He #2"
    assert heard.frames == [None, None, None] and heard.refused == []
    assert heard.capacity[-1] == (False, True)  # six: no more


def test_the_scale_counts_only_for_an_initializer_that_takes_one():
    assert build_config("he", 0.01, "10,5", 7.0) == TrainConfig()
    scaled = build_config("scaled", 0.01, "10,5", 7.0)
    assert scaled.scale == 7.0 and config_label(scaled) == "Scaled ×7"


@pytest.mark.parametrize(
    ("init", "lr", "hidden", "scale", "words"),
    [
        ("he", 0.01, "10,x", 1.0, "“10,x” refused: hidden layer sizes must be whole numbers"),
        ("he", 0.01, "", 1.0, "“” refused: hidden layers must be sizes separated by commas"),
        ("he", 0.01, "0", 1.0, "“0” refused: each hidden layer needs 1 to"),
        ("bogus", 0.01, "10,5", 1.0, "“10,5” refused: unknown initializer 'bogus'"),
        ("he", -1.0, "10,5", 1.0, "“10,5” refused: "),
        ("scaled", 0.01, "10,5", 1e9, "“10,5” refused: "),
    ],
)
def test_a_refused_configuration_is_said_and_changes_nothing(
    controller, made, init, lr, hidden, scale, words
):
    session = controller.start()
    heard = Heard(controller)
    labels = controller.labels
    assert controller.add(init, lr, hidden, scale) is None
    assert len(heard.refused) == 1 and heard.refused[0].startswith(words)
    assert session.added == [] and session.keys == [0, 1, 2] and session.calls == []
    assert controller.labels == labels and heard.frames == [] and heard.capacity == []


def test_a_seventh_configuration_is_refused(controller, made):
    for _ in range(MAX_CONFIGS - 3):
        assert controller.add("he", 0.01, "10,5", 1.0) is not None
    session = made[0]
    heard = Heard(controller)
    assert controller.add("xavier", 0.01, "10,5", 1.0) is None
    assert heard.refused == [f"at most {MAX_CONFIGS} configurations at once: remove one first"]
    assert len(session.added) == MAX_CONFIGS - 3 and heard.frames == []


def test_remove_the_given_run_or_else_the_last(controller, made):
    heard = Heard(controller)
    assert controller.remove(0) is True
    session = made[0]
    assert session.keys == [1, 2] and controller.labels == {1: "Random ×10", 2: "He"}
    assert controller.remove(None) is True and session.keys == [1]
    assert controller.remove(7) is False
    assert session.calls == [("remove", 0), ("remove", 2), ("remove", 7)]
    assert heard.frames == [None, None] and heard.capacity[-1] == (True, True)
    assert controller.remove() is True and heard.capacity[-1] == (True, False)
    assert controller.remove() is False  # none left
    # A removed run's name is free again.
    assert controller.add("he", 0.01, "10,5", 1.0) is not None
    assert session.added[-1][1] == "He"


def test_frames_are_passed_on_and_the_workers_word_on_keys_is_final(controller, made):
    heard = Heard(controller)
    controller.add("he", 0.05, "8,4", 1.0)
    session = made[0]
    heard.capacity.clear()
    frame = session.publish([0, 1, 2])  # the worker could not build the added one
    assert heard.frames[-1] is frame
    assert controller.labels == {0: "run 0", 1: "run 1", 2: "run 2"}
    assert heard.capacity == [(True, True)]
    session.publish()  # the same runs again: nothing new to tell
    assert heard.capacity == [(True, True)] and len(heard.frames) == 3


def test_errors_from_training_are_reported(controller, made):
    heard = Heard(controller)
    controller.start()
    made[0].failed.emit("Traceback ...\nRuntimeError: boom")
    assert heard.failed == ["Traceback ...\nRuntimeError: boom"]


def test_labels_are_made_unique():
    assert unique_label("He", set()) == "He"
    assert unique_label("He", {"He"}) == "He #2"
    assert unique_label("He", {"He", "He #2", "He #3"}) == "He #4"


def test_the_comparison_starts_at_the_single_runs_pace_and_goes_flat_out_on_request(
    controller, made
):
    controller.set_speed(FLAT_OUT)  # before the start: kept, then given to the session
    session = controller.start()
    assert session.speeds == [FLAT_OUT]
    controller.set_speed(DEFAULT_SPEED)
    assert session.speeds == [FLAT_OUT, DEFAULT_SPEED]


def test_a_new_comparison_trains_at_the_default_pace_not_flat_out(controller, made):
    assert controller.start().speeds == [DEFAULT_SPEED]
    assert DEFAULT_SPEED != FLAT_OUT


def test_the_network_diagrams_are_asked_for_only_while_shown(qapp):
    controller = CompareController(load_dataset("circles"), session_factory=FakeSession)
    controller.show_neuron_maps(True)  # before the session exists: kept for its start
    session = controller.start()
    assert session.neurons == [True]
    controller.show_neuron_maps(False)
    assert session.neurons == [True, False]
