"""The single run's controller: what each of the user's actions means, with no widget in sight.

It owns the configuration, the data, the training session and what is remembered between starts,
and runs every flow (a changed initializer, seed, architecture or data set; a preset; an
experiment file; a CSV file; play, step, reset).  Values are checked here, in one place: a refused
value is said (``refused``) and changes nothing.  The window connects the controls' signals to
these methods and the signals below to its views; the controller never touches a widget, so its
tests run against a fake session with no thread and no window.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Protocol

from PyQt6 import QtCore

from app.commands import DEFAULT_SPEED
from app.field_limits import LIMITS, check_showable
from app.frame_budget import FrameBudget
from app.frames import Frame, RunState, frame_of
from app.i18n import engine_text, error_text, translate
from app.session import TrainingSession
from app.settings import AppSettings
from app.worker import GRID_RESOLUTION
from engine.activations import ACTIVATIONS
from engine.config import CONFIG_FIELDS, TrainConfig, parse_hidden
from engine.datasets import DATASETS, Dataset, load_csv, load_dataset
from engine.initializers import INITIALIZERS
from engine.neuron_maps import NeuronMapper, map_resolution
from engine.presets import PRESETS
from engine.trainer import Trainer

__all__ = ["RunController", "Session", "run_label"]

DEFAULT_TARGET = 15000


class Session(Protocol):
    """What the controller needs of a training session (:class:`TrainingSession` or a fake)."""

    latest: Frame | None
    latest_full: Frame | None
    frameReady: QtCore.pyqtBoundSignal
    failed: QtCore.pyqtBoundSignal

    def configure(self, config: TrainConfig, data: Dataset) -> None: ...
    def reset(self) -> None: ...
    def toggle_play(self) -> None: ...
    def step(self, n: int) -> None: ...
    def set_target(self, iterations: int) -> None: ...
    def set_speed(self, steps_per_frame: int) -> None: ...
    def set_learning_rate(self, lr: float) -> None: ...
    def show_diagnostics(self, on: bool) -> None: ...
    def show_neuron_maps(self, on: bool) -> None: ...
    def seek(self, iteration: int) -> None: ...
    def branch(self) -> None: ...
    def shutdown(self, timeout_ms: int = ...) -> bool: ...


SessionFactory = Callable[[TrainConfig, Dataset], Session]


def run_label(config: TrainConfig) -> Callable[[], str]:
    """A run's name as a function, so that its ghost curve is re-worded after a switch too.

    It names everything a run can differ in that the tutorial's three share (architecture,
    activation, data), so two ghosts of different runs never read the same.
    """

    def words() -> str:
        text = translate("MainWindow", "{init}, seed {seed}, lr {lr}").format(
            init=engine_text(INITIALIZERS[config.init].label),
            seed=config.seed,
            lr=f"{config.learning_rate:g}",
        )
        shape = ",".join(map(str, config.hidden))
        text += f" · {shape} {engine_text(ACTIVATIONS[config.activation].label)}"
        if config.dataset in DATASETS:
            text += f" · {engine_text(DATASETS[config.dataset].label)}"
        return text

    return words


def load_data(config: TrainConfig) -> Dataset:
    """The data set ``config`` names (a CSV file is read again)."""
    return load_dataset(config.dataset, samples=config.samples, noise=config.noise)


class RunController(QtCore.QObject):
    """Owns the single run: configuration, data, session, settings, and every flow.

    ``config``: the run to start with (``None``: the remembered one if the controls can show it,
    else the tutorial's He run).  ``settings``: what to remember (``AppSettings(None)``: nothing).
    """

    #: (config, data): show this configuration in the controls (also after a refusal)
    configShown = QtCore.pyqtSignal(object, object)
    dataChanged = QtCore.pyqtSignal(object)  # Dataset: new points under the boundary
    runStarted = QtCore.pyqtSignal(object)  # TrainConfig: a new run from iteration 0
    said = QtCore.pyqtSignal(object)  # a () -> str for the state line, in the current language
    refused = QtCore.pyqtSignal(str)  # a value was refused; nothing changed
    noticed = QtCore.pyqtSignal(str)  # a passing note for the status bar
    failed = QtCore.pyqtSignal(str)  # an error in the training thread, with its traceback
    targetChanged = QtCore.pyqtSignal(int)
    branched = QtCore.pyqtSignal(object)  # TrainConfig: the run goes on from a rewound point

    def __init__(
        self,
        config: TrainConfig | None = None,
        settings: AppSettings | None = None,
        session_factory: SessionFactory = TrainingSession,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings(None)
        self.last_refusal = ""  # the last refusal's words, for a dialog
        #: what the window should say once it shows (the remembered run changed at start)
        self.start_note: Callable[[], str] | None = None
        self.config = self._starting_config(config)
        self.data = load_data(self.config)
        target = self.settings.target()
        self.target = target if target is not None else DEFAULT_TARGET
        self.session = session_factory(self.config, self.data)
        self.session.failed.connect(self.failed)
        self.session.set_target(self.target)
        self.speed = DEFAULT_SPEED
        self.session.set_speed(self.speed)  # a pace to talk over; flat out is one click away
        # Iteration 0 drawn from the start: the first frame is made here, the same way the
        # worker makes its own, so the window shows it before any event is processed.
        if self.session.latest is None:
            first = self._first_frame()
            self.session.latest = self.session.latest_full = first

    def _starting_config(self, config: TrainConfig | None) -> TrainConfig:
        if config is not None:
            return config
        remembered = self.settings.config()
        if remembered is not None and self._showable(remembered):
            csv = self.settings.dropped_csv
            if csv is not None:
                self.start_note = lambda: translate(
                    "MainWindow",
                    "The last experiment used {file}, which is not read again at start: the "
                    "rest of it is set up on the default data (CSV… loads the file again).",
                ).format(file=csv)
            return remembered
        return TrainConfig()  # none, or one the controls cannot show: the default

    def _first_frame(self) -> Frame:
        trainer = Trainer(self.config, self.data)
        resolution = FrameBudget(GRID_RESOLUTION, 30.0, trainer.layer_dims).resolution
        return frame_of(
            trainer,
            self.config,
            run_id=0,
            state=RunState.PAUSED,
            target=self.target,
            grid_resolution=resolution,
            neuron_mapper=NeuronMapper(),
            neuron_resolution=map_resolution(trainer.layer_dims, resolution),
        )

    # -- what the views read -----------------------------------------------------------------------
    @property
    def latest(self) -> Frame | None:
        """The newest frame of the current run (numbers and cost history)."""
        return self.session.latest

    @property
    def latest_full(self) -> Frame | None:
        """The newest frame with the boundary grid, the weights and the diagnostics."""
        return self.session.latest_full

    def n_test(self) -> int:
        return int(self.data.test_Y.shape[1])

    def show_config(self) -> None:
        """Ask the views to show the configuration as it stands (after a refusal, say)."""
        self.configShown.emit(self.config, self.data)

    # -- play, step, reset -------------------------------------------------------------------------
    def toggle_play(self) -> None:
        self._leave_rewound()
        self.session.toggle_play()

    def step(self, n: int) -> None:
        self._leave_rewound()
        self.session.step(n)

    # -- the timeline ------------------------------------------------------------------------------
    def seek(self, iteration: int) -> None:
        """Show ``iteration`` again (training pauses); at or past the newest, follow live."""
        frame = self.latest
        newest = frame.newest_iteration if frame is not None else 0
        self.session.seek(min(max(int(iteration), 0), newest))

    def branch(self) -> None:
        """Train on from the iteration on show; the run's later iterations become a ghost."""
        frame = self.latest
        if frame is None or not frame.rewound:
            self.noticed.emit(
                translate("MainWindow", "Move the timeline back first: branching starts there")
            )
            return
        k = frame.snapshot.iteration
        self.branched.emit(self.config)
        self.session.branch()
        self._say(
            lambda: translate(
                "MainWindow",
                "branched at iteration {k:,}: training goes on from there; the old run is the "
                "faint curve",
            ).format(k=k)
        )

    def _leave_rewound(self) -> None:
        """Play or Step on a rewound timeline go on from the newest state: say so."""
        frame = self.latest
        if frame is not None and frame.rewound:
            newest, shown = frame.newest_iteration, frame.snapshot.iteration
            self.noticed.emit(
                translate(
                    "MainWindow",
                    "Continuing from iteration {n:,}, the newest (the timeline showed {k:,}; "
                    "“Branch here” trains on from there instead)",
                ).format(n=newest, k=shown)
            )

    def reset(self) -> None:
        self.session.reset()
        self.runStarted.emit(self.config)
        self._say(
            lambda: translate("MainWindow", "reset: iteration 0, paused, same initial weights")
        )

    def set_target(self, target: int) -> None:
        self.target = target
        self.session.set_target(target)
        self.settings.set_target(target)

    def set_speed(self, steps_per_frame: int) -> None:
        """Steps per frame (``FLAT_OUT``: as fast as the machine allows)."""
        self.speed = steps_per_frame
        self.session.set_speed(steps_per_frame)

    def show_diagnostics(self, on: bool) -> None:
        """Whether a panel shows the diagnostics: computing them costs a large network."""
        self.session.show_diagnostics(on)

    def show_neuron_maps(self, on: bool) -> None:
        """Whether the network diagram is in view: its maps cost a forward pass a full frame."""
        self.session.show_neuron_maps(on)

    def set_learning_rate(self, lr: float) -> None:
        """A new learning rate applies from the next step and resets nothing."""
        try:
            self.config = self.config.with_(learning_rate=lr)
        except ValueError as exc:
            self.refuse(error_text(exc))
            return
        self.session.set_learning_rate(lr)
        self.settings.set_config(self.config)
        self._say(
            lambda: translate("MainWindow", "learning rate {lr} from the next step").format(
                lr=f"{lr:g}"
            )
        )

    # -- changes that re-initialize the weights ----------------------------------------------------
    def set_initializer(self, name: str | None) -> None:
        """``None`` (no item chosen, from a script) puts back what stands."""
        self.reconfigure(init=name) if name is not None else self.show_config()

    def set_activation(self, name: str | None) -> None:
        self.reconfigure(activation=name) if name is not None else self.show_config()

    def set_dataset(self, name: str | None) -> None:
        """A generated data set takes its own default noise."""
        self.reconfigure(dataset=name, noise=None) if name is not None else self.show_config()

    def set_seed(self, seed: int) -> None:
        self.reconfigure(seed=seed)

    def new_seed(self) -> None:
        """Different initial weights, so luck can be told from method."""
        self.set_seed(secrets.randbelow(int(LIMITS["seed"].high) + 1))

    def set_scale(self, scale: float) -> None:
        self.reconfigure(scale=scale)

    def set_noise(self, noise: float) -> None:
        self.reconfigure(noise=noise)

    def set_samples(self, samples: int) -> None:
        self.reconfigure(samples=samples)

    def set_hidden_text(self, text: str) -> None:
        """Hidden sizes as typed (``10,5``); text that is not sizes is refused."""
        try:
            hidden = parse_hidden(text)
        except ValueError as exc:
            self.refuse(
                translate("MainWindow", "“{text}” refused: {reason}").format(
                    text=text, reason=error_text(exc)
                )
            )
            return
        self.reconfigure(hidden=hidden)

    def reconfigure(self, **changes) -> bool:
        """Apply a change that re-initializes the weights; a refused change changes nothing."""
        try:
            config = self.config.with_(**changes)
            data = self._data_for(config)
        except (ValueError, OSError, KeyError) as exc:  # DataError is a ValueError
            self.refuse(error_text(exc))
            return False
        self._use_data(data)
        if config == self.config:
            self.show_config()
            return True
        self._start(config)
        self._say(lambda: translate("MainWindow", "new weights: iteration 0, paused"))
        return True

    def load_csv(self, path: str) -> bool:
        """Use the points in ``path``; a malformed file is refused and nothing changes."""
        try:
            data = load_csv(path)
        except (ValueError, OSError) as exc:
            self.refuse(f"{path}: {error_text(exc)}")
            return False
        self._use_data(data)
        self.reconfigure(dataset=data.name)
        self.noticed.emit(
            translate("MainWindow", "Loaded {name}: {n} points").format(
                name=data.label, n=int(data.train_X.shape[1] + data.test_X.shape[1])
            )
        )
        return True

    def apply_preset(self, name: str) -> None:
        """Architecture, activation, initializer, learning rate, data and stop-at in one click."""
        preset = PRESETS[name]
        try:
            config = preset.apply(self.config)
        except ValueError as exc:
            self.refuse(error_text(exc))
            return
        self.set_target(preset.iterations)
        self.targetChanged.emit(preset.iterations)
        changes = {f: getattr(config, f) for f in CONFIG_FIELDS if f != "seed"}
        if self.reconfigure(**changes):
            self._say(
                lambda: translate(
                    "MainWindow", "{preset}: paused at iteration 0, press Play"
                ).format(preset=engine_text(preset.label))
            )

    def apply_experiment(self, config: TrainConfig, target: int | None = None) -> None:
        """Make ``config`` the run (from iteration 0); raises, changing nothing, if it can't be.

        The data are loaded first: a missing CSV file raises before anything is touched.
        """
        check_showable(config, target)
        data = self._data_for(config)
        self._use_data(data)
        if target is not None:
            self.set_target(target)
            self.targetChanged.emit(target)
        if config != self.config:
            self._start(config)
        else:
            self.session.reset()
            self.runStarted.emit(self.config)
            self.show_config()
        self._say(lambda: translate("MainWindow", "experiment loaded: iteration 0, paused"))

    # -- helpers -----------------------------------------------------------------------------------
    def _data_for(self, config: TrainConfig) -> Dataset:
        return self.data if config.data_key == self.data.key else load_data(config)

    def _use_data(self, data: Dataset) -> None:
        if data is not self.data:
            self.data = data
            self.dataChanged.emit(data)

    def _start(self, config: TrainConfig) -> None:
        """A new run of ``config`` on the current data, from iteration 0, paused."""
        self.config = config
        self.session.configure(config, self.data)
        self.settings.set_config(config)
        self.runStarted.emit(config)
        self.show_config()

    def _showable(self, config: TrainConfig) -> bool:
        try:
            check_showable(config)
        except ValueError:
            return False
        return True

    def _say(self, words: Callable[[], str]) -> None:
        """The state line, as a function that words it in the current language (so a language
        switch re-words it)."""
        self.said.emit(words)

    def refuse(self, message: str) -> None:
        """A value the user gave was not accepted: say why, and show what stands."""
        self.show_config()
        self.last_refusal = translate("MainWindow", "{message}. Nothing was changed.").format(
            message=message.rstrip(".")
        )
        self.refused.emit(self.last_refusal)

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Stop the training thread; ``True`` once it has stopped."""
        return self.session.shutdown(timeout_ms)
