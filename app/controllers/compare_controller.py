"""The comparison's controller: what each of the user's actions on the comparison means, with no
widget in sight.

It owns the comparison's session (its worker thread, created the first time it is needed), the
configurations' labels, and every flow: add (validated here, in one place: a refused request is
said, ``refused``, and changes nothing), remove, reset, play/pause, step, the stop-at target, the
timeline (seek; Play from a rewound point goes on from the newest, and says so), the frame rate
the view can use, and errors from the training thread (``failed``).  The view's intent
signals are connected to these methods, and the signals below to the view, by
:func:`app.compare_wiring.wire`; its tests pass a fake session and need no thread and no window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PyQt6 import QtCore

from app.commands import DEFAULT_SPEED
from app.compare_session import CompareSession, default_configs
from app.frames import CompareFrame, RunState
from app.i18n import error_text, translate
from engine.compare import MAX_CONFIGS, config_label
from engine.config import TrainConfig, parse_hidden
from engine.datasets import Dataset
from engine.initializers import INITIALIZERS

__all__ = ["CompareController", "Session", "SessionFactory", "build_config", "unique_label"]


class Session(Protocol):
    """What the controller needs of a comparison session (:class:`CompareSession` or a fake)."""

    keys: list[int]
    latest: CompareFrame | None
    frameReady: QtCore.pyqtBoundSignal
    failed: QtCore.pyqtBoundSignal

    def can_add(self) -> bool: ...
    def add(self, config: TrainConfig, label: str | None = None) -> int: ...
    def remove(self, key: int) -> bool: ...
    def reset(self) -> None: ...
    def toggle_play(self) -> None: ...
    def step(self, n: int) -> None: ...
    def set_target(self, iterations: int) -> None: ...
    def set_speed(self, steps_per_frame: int) -> None: ...
    def show_neuron_maps(self, on: bool) -> None: ...
    def set_frame_rate(self, fps: float) -> None: ...
    def seek(self, iteration: int) -> None: ...
    def shutdown(self, timeout_ms: int = ...) -> bool: ...
    def is_running(self) -> bool: ...


SessionFactory = Callable[[Dataset, Sequence[TrainConfig]], Session]


def build_config(init: str, learning_rate: float, hidden: str, scale: float) -> TrainConfig:
    """The configuration the add controls describe; ``ValueError`` says what is wrong.

    ``hidden`` is the text as typed (``"10,5"``); ``scale`` counts only for an initializer that
    takes one (``scaled``), so a scale left over from it never refuses another initializer.
    """
    changes: dict = {
        "init": init,
        "learning_rate": learning_rate,
        "hidden": parse_hidden(hidden),
    }
    known = INITIALIZERS.get(init)
    if known is not None and known.uses_scale:
        changes["scale"] = scale
    return TrainConfig(**changes)


def unique_label(label: str, taken: set[str]) -> str:
    """``He``, then ``He #2``: the legend and the table must name every run apart."""
    n, unique = 1, label
    while unique in taken:
        n += 1
        unique = f"{label} #{n}"
    return unique


class CompareController(QtCore.QObject):
    """Owns the comparison: its session, the configurations' labels, and every flow.

    ``configs``: what to compare first (``None``: the tutorial's zeros, random ×10 and He).
    ``session_factory(data, configs)`` builds the session when :meth:`start` first needs it
    (tests pass a fake).  ``target``: where Play stops by itself (``None``: the session's own).
    """

    #: the newest accepted frame, or ``None`` when a command started a new layout of runs (a
    #: frame given before it must not be drawn)
    latestChanged = QtCore.pyqtSignal(object)
    said = QtCore.pyqtSignal(object)  # a note, as a () -> str in the current language
    refused = QtCore.pyqtSignal(object)  # why a request changed nothing, as a () -> str
    #: a passing note for the status line (said for a few seconds), as a () -> str
    noticed = QtCore.pyqtSignal(object)
    capacityChanged = QtCore.pyqtSignal(bool, bool)  # can add, can remove
    failed = QtCore.pyqtSignal(str)  # an error in the training thread, with its traceback

    def __init__(
        self,
        data: Dataset,
        configs: Sequence[TrainConfig] | None = None,
        *,
        session_factory: SessionFactory = CompareSession,
        target: int | None = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.session: Session | None = None
        self._configs = default_configs() if configs is None else tuple(configs)
        self._session_factory = session_factory
        self._target = target
        self.step_size = 1
        self.speed = DEFAULT_SPEED  # steps per frame, as the single run's default pace
        self.neurons = False  # the runs' maps, not their network diagrams, are in view
        #: key → the label each configuration was given (initial ones: their config_label)
        self._labels: dict[int, str] = {}
        #: the timeline was last moved back (to an iteration before the newest known)
        self._rewound = False
        self._newest = 0  # the newest common iteration known

    # -- lifetime ---------------------------------------------------------------------------------
    def start(self) -> Session:
        """Create the session (and its worker thread) if there is none yet; returns it."""
        if self.session is None:
            session = self._session_factory(self.data, self._configs)
            self.session = session
            self._labels = {
                key: config_label(config) for key, config in zip(session.keys, self._configs)
            }
            session.frameReady.connect(self._on_frame)
            session.failed.connect(self.failed)
            if self._target is not None:
                session.set_target(self._target)
            session.set_speed(self.speed)
            session.show_neuron_maps(self.neurons)
            self._tell_capacity()
        return self.session

    def shutdown(self) -> bool:
        """Stop the worker and join its thread; safe to call twice (and before :meth:`start`)."""
        return self.session.shutdown() if self.session is not None else True

    @property
    def latest(self) -> CompareFrame | None:
        """The newest accepted frame (of the current layout of runs), or ``None``."""
        return self.session.latest if self.session is not None else None

    @property
    def labels(self) -> dict[int, str]:
        """Each compared configuration's label, by key, in table order."""
        keys = self.session.keys if self.session is not None else []
        return {key: self._labels[key] for key in keys if key in self._labels}

    # -- every run together -----------------------------------------------------------------------
    def toggle_play(self) -> None:
        self._going_on()
        self.start().toggle_play()

    def step(self, n: int) -> None:
        """``n`` steps for every run if paused; pause (taking none) if running."""
        self._going_on()
        self.start().step(n)

    def seek(self, iteration: int) -> None:
        """Every run at ``iteration`` again (each at its own newest if it has not got there):
        training pauses.  At or past the newest iteration the views follow the runs again."""
        session = self.start()
        self._rewound = iteration < self._newest_known()
        session.seek(iteration)

    def _newest_known(self) -> int:
        frame = self.latest
        if frame is not None:
            self._newest = frame.newest_iteration
        return self._newest

    def _going_on(self) -> None:
        """Play or Step from a rewound point: the runs go on from their newest state, not from
        the one on show; say so, once."""
        if not self._rewound:
            return
        self._rewound = False
        frame = self.latest
        if frame is not None and frame.state is RunState.DIVERGED:
            return  # nothing can train: nothing goes on
        newest = self._newest_known()
        self.noticed.emit(
            lambda: translate("CompareView", "continuing from iteration {n}, the newest").format(
                n=f"{newest:,}"
            )
        )

    def set_step_size(self, n: int) -> None:
        """The steps :meth:`step_clicked` takes (the view's step size box)."""
        self.step_size = n

    def step_clicked(self) -> None:
        self.step(self.step_size)

    def reset(self) -> None:
        """Every run back to iteration 0 with its initial weights, paused."""
        self._rewound, self._newest = False, 0
        self.start().reset()
        self.latestChanged.emit(None)
        self.said.emit(
            lambda: translate(
                "CompareView",
                "reset: every configuration back to iteration 0, same initial weights",
            )
        )

    def set_target(self, iterations: int) -> None:
        """Where Play stops by itself (kept for a session not started yet)."""
        self._target = iterations
        if self.session is not None:
            self.session.set_target(iterations)

    def set_speed(self, steps_per_frame: int) -> None:
        """Steps per frame of every run (``FLAT_OUT``: flat out); kept for a session not
        started yet."""
        self.speed = steps_per_frame
        if self.session is not None:
            self.session.set_speed(steps_per_frame)

    def show_neuron_maps(self, on: bool) -> None:
        """Whether the runs' network diagrams are in view (their maps cost the worker a forward
        pass per run and map); kept for a session not started yet."""
        self.neurons = on
        if self.session is not None:
            self.session.show_neuron_maps(on)

    def set_frame_rate(self, fps: float) -> None:
        """The view draws about ``fps`` times a second: the worker need not publish more."""
        if self.session is not None:
            self.session.set_frame_rate(fps)

    # -- which runs -------------------------------------------------------------------------------
    def add(self, init: str, learning_rate: float, hidden: str, scale: float = 1.0) -> int | None:
        """Compare the configuration described by the add controls' raw values too.

        Returns its key, or ``None`` when it is refused (``refused`` says why; nothing changes).
        """
        try:
            config = build_config(init, learning_rate, hidden, scale)
        except ValueError as exc:
            reason = exc  # ``exc`` is unbound when the block ends; the wording outlives it
            self.refused.emit(
                lambda: translate("CompareView", "“{text}” refused: {reason}").format(
                    text=hidden, reason=error_text(reason)
                )
            )
            return None
        return self.add_config(config)

    def add_config(self, config: TrainConfig) -> int | None:
        """Compare ``config`` too, under a label no other run has; its key, or ``None``."""
        session = self.start()
        if not session.can_add():
            self.refused.emit(
                lambda: translate(
                    "CompareView", "at most {n} configurations at once: remove one first"
                ).format(n=MAX_CONFIGS)
            )
            return None
        label = unique_label(config_label(config), set(self.labels.values()))
        key = session.add(config, label)
        self._labels[key] = label
        self.latestChanged.emit(None)
        self._tell_capacity()
        return key

    def remove(self, key: int | None = None) -> bool:
        """Stop comparing run ``key`` (``None``: the last one); ``False`` if there is none."""
        session = self.start()
        if not session.keys:
            return False
        key = session.keys[-1] if key is None else key
        removed = session.remove(key)
        if removed:
            self._labels.pop(key, None)
            self.latestChanged.emit(None)
            self._tell_capacity()
        return removed

    # -- from the session -------------------------------------------------------------------------
    def _on_frame(self, frame: CompareFrame) -> None:
        # The worker's word is final: a configuration it could not build is not in its frames.
        known = set(frame.keys)
        if known != set(self._labels):
            self._labels = {row.key: row.label for row in frame.rows}
            self._tell_capacity()
        self.latestChanged.emit(frame)

    def capacity(self) -> tuple[bool, bool]:
        """Whether a configuration can be added, and whether there is one to remove."""
        session = self.session
        if session is None:
            return True, bool(self._configs)
        return session.can_add(), bool(session.keys)

    def _tell_capacity(self) -> None:
        self.capacityChanged.emit(*self.capacity())
