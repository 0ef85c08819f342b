"""The single run's controller against a fake session: no thread, no window.

Each flow (a changed initializer, a refused value, a preset, an experiment, a CSV file) is checked
for what it asks of the session and what it tells the views, and a refusal for changing nothing.
"""

from __future__ import annotations

import pytest
from PyQt6 import QtCore

from app.controllers.run_controller import RunController
from app.frames import RunState
from app.settings import AppSettings
from engine.config import TrainConfig
from engine.presets import PRESETS
from engine.trainer import Trainer


class FakeSession(QtCore.QObject):
    """Records every command; has the session's signals and ``latest`` frames."""

    frameReady = QtCore.pyqtSignal(object)
    failed = QtCore.pyqtSignal(str)

    def __init__(self, config, data) -> None:
        super().__init__()
        self.calls: list[tuple] = [("start", config, data)]
        self.latest = self.latest_full = None

    def __getattr__(self, name):
        commands = {"reset", "toggle_play", "step", "set_target", "set_speed", "set_learning_rate"}
        commands |= {"seek", "branch"}
        if name in commands | {"show_diagnostics", "show_neuron_maps"}:
            return lambda *args: self.calls.append((name, *args))
        raise AttributeError(name)

    def configure(self, config, data) -> None:
        self.calls.append(("configure", config, data))

    def shutdown(self, timeout_ms: int = 0) -> bool:
        self.calls.append(("shutdown",))
        return True

    def named(self, name: str) -> list[tuple]:
        return [c for c in self.calls if c[0] == name]


class Heard:
    """Everything the controller said to the views."""

    def __init__(self, controller: RunController) -> None:
        self.events: list[tuple] = []
        for name in ("configShown", "dataChanged", "runStarted", "said", "refused", "noticed"):
            getattr(controller, name).connect(lambda *a, n=name: self.events.append((n, *a)))

    def named(self, name: str) -> list[tuple]:
        return [e for e in self.events if e[0] == name]


@pytest.fixture
def settings(tmp_path):
    store = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    return AppSettings(store)


@pytest.fixture
def run(qapp, settings):
    controller = RunController(settings=settings, session_factory=FakeSession)
    controller.heard = Heard(controller)
    return controller


def test_iteration_zero_is_ready_before_any_event(qapp):
    controller = RunController(session_factory=FakeSession)
    frame = controller.latest
    reference = Trainer(TrainConfig())
    assert frame is controller.latest_full
    assert frame.snapshot.iteration == 0 and frame.state is RunState.PAUSED
    assert frame.snapshot.cost == reference.cost()
    assert frame.snapshot.train_accuracy == reference.train_accuracy()
    assert frame.heatmap is not None and frame.snapshot.grid is not None
    assert len(frame.snapshot.layers) == 3


def test_a_new_initializer_starts_a_new_run_and_is_remembered(run, settings):
    run.set_initializer("zeros")
    (configure,) = run.session.named("configure")
    assert configure[1] == TrainConfig(init="zeros") and configure[2] is run.data
    assert run.config.init == "zeros"
    assert [e[1].init for e in run.heard.named("runStarted")] == ["zeros"]
    assert settings.config() == TrainConfig(init="zeros")
    assert "new weights" in run.heard.named("said")[-1][1]()


@pytest.mark.parametrize(
    "action",
    [
        lambda r: r.set_hidden_text("10,abc"),
        lambda r: r.set_hidden_text("0"),
        lambda r: r.set_learning_rate(-1.0),
        lambda r: r.set_dataset("no such data"),
        lambda r: r.load_csv("/no/such/file.csv"),
        lambda r: r.set_samples(-5),
    ],
)
def test_a_refused_value_changes_nothing_and_says_why(run, action):
    before = (run.config, run.data, list(run.session.calls))
    action(run)
    assert (run.config, run.data, run.session.calls) == before
    (refused,) = run.heard.named("refused")
    assert refused[1].endswith("Nothing was changed.")
    assert run.heard.named("configShown")  # the controls show what stands again
    assert not run.heard.named("runStarted")


def test_no_item_chosen_puts_back_what_stands(run):
    run.set_initializer(None)
    run.set_activation(None)
    assert not run.session.named("configure")
    assert len(run.heard.named("configShown")) == 2


def test_the_learning_rate_applies_from_the_next_step_and_resets_nothing(run):
    run.set_learning_rate(0.05)
    assert run.session.named("set_learning_rate") == [("set_learning_rate", 0.05)]
    assert not run.session.named("configure") and not run.heard.named("runStarted")
    assert run.config.learning_rate == 0.05


def test_a_preset_sets_everything_but_the_seed_and_its_stop_at(run):
    run.set_seed(7)
    name = next(iter(PRESETS))
    preset = PRESETS[name]
    targets: list[int] = []
    run.targetChanged.connect(targets.append)
    run.apply_preset(name)
    assert run.config == preset.apply(TrainConfig(seed=7))
    assert run.config.seed == 7
    assert targets == [preset.iterations] and run.target == preset.iterations
    assert ("set_target", preset.iterations) in run.session.calls


def test_an_experiment_the_controls_cannot_show_raises_and_changes_nothing(run):
    before = (run.config, list(run.session.calls))
    with pytest.raises(ValueError, match="cannot show a learning rate"):
        run.apply_experiment(TrainConfig(learning_rate=1e-7))
    with pytest.raises(ValueError, match="stop-at iteration"):
        run.apply_experiment(TrainConfig(init="zeros"), target=0)
    assert (run.config, run.session.calls) == before


def test_the_same_experiment_again_resets_the_run(run):
    run.apply_experiment(TrainConfig(), target=500)
    assert run.session.named("reset") and not run.session.named("configure")
    assert run.target == 500


def test_a_csv_file_becomes_the_data(run, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("".join(f"{i / 10},{(i * 7 % 10) / 10},{i % 2}\n" for i in range(40)))
    assert run.load_csv(str(path))
    (changed,) = run.heard.named("dataChanged")
    assert changed[1] is run.data and run.config.dataset.startswith("csv:")
    assert run.session.named("configure")[-1][2] is run.data
    assert "40 points" in run.heard.named("noticed")[0][1]


def test_a_remembered_configuration_the_controls_cannot_show_is_not_used(qapp, settings):
    settings.set_config(TrainConfig(learning_rate=1.5e-6))
    assert RunController(settings=settings, session_factory=FakeSession).config == TrainConfig()
    settings.set_config(TrainConfig(init="zeros"))
    assert RunController(settings=settings, session_factory=FakeSession).config.init == "zeros"


def test_worker_errors_reach_the_window(run):
    errors: list[str] = []
    run.failed.connect(errors.append)
    run.session.failed.emit("Traceback …\nRuntimeError: boom")
    assert errors == ["Traceback …\nRuntimeError: boom"]


def test_play_step_reset_and_shutdown_are_the_sessions(run):
    run.toggle_play()
    run.step(5)
    run.reset()
    assert run.shutdown()
    names = [c[0] for c in run.session.calls]
    assert names[-4:] == ["toggle_play", "step", "reset", "shutdown"]
    assert run.heard.named("runStarted")  # reset: the plots start the run again


def test_a_new_run_trains_at_a_pace_to_talk_over_not_flat_out(run):
    from app.commands import DEFAULT_SPEED, FLAT_OUT

    assert run.session.named("set_speed") == [("set_speed", DEFAULT_SPEED)]
    assert DEFAULT_SPEED != FLAT_OUT
    # about 1000 steps a second at 30 frames a second: the tutorial's 15000 in 10 to 20 s
    assert 10 <= 15000 / (DEFAULT_SPEED * 30) <= 20


def test_a_remembered_csv_experiment_keeps_its_setup_on_the_default_data(qapp, settings):
    from engine.experiment import experiment_json

    used = TrainConfig(init="zeros", learning_rate=0.05, hidden=(7, 3), dataset="csv:/gone.csv")
    settings.store.setValue("run/config", experiment_json(used))
    settings.set_target(4321)
    controller = RunController(settings=settings, session_factory=FakeSession)
    config = controller.config
    assert (config.init, config.learning_rate, config.hidden) == ("zeros", 0.05, (7, 3))
    assert config.dataset == TrainConfig().dataset and controller.target == 4321
    assert "/gone.csv" in controller.start_note()  # and it says so


def test_ghost_names_say_what_differs():
    from app.controllers.run_controller import run_label

    names = {
        run_label(config)()
        for config in (
            TrainConfig(),
            TrainConfig(hidden=(20, 5)),
            TrainConfig(activation="tanh"),
            TrainConfig(dataset="moons"),
        )
    }
    assert len(names) == 4
    assert run_label(TrainConfig())() == "He, seed 3, lr 0.01 · 10,5 ReLU · Circles"
