"""The comparison's words: a frame's numbers, states and configurations in the current language.

Frames carry numbers and English labels only; everything here is worded again on every call, so a
language switch re-words a paused comparison without a new frame.  The translation context stays
``CompareView`` (the committed ``.qm`` files are keyed on it).
"""

from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
from PyQt6 import QtWidgets

from app.frames import CompareFrame, RunState
from app.i18n import engine_text, translate
from engine.activations import ACTIVATIONS
from engine.compare import ACCURACY_MILESTONE, COST_MILESTONE, CompareRow, config_label
from engine.config import TrainConfig
from engine.initializers import INITIALIZERS

__all__ = [
    "Wording",
    "bold",
    "config_text",
    "describe",
    "row_texts",
    "run_text",
    "state_text",
    "status_text",
    "table_columns",
    "tips",
]

#: a message as a function that words it in the current language (said again after a switch)
Wording = Callable[[], str]

_TUTORIAL = TrainConfig()


def state_text(state: str, diverged_at: int | None = None) -> str:
    """A state (a ``RunState`` or ``CompareRow.state`` value) in the current language."""
    if state == "diverged" and diverged_at is not None:
        return translate("CompareView", "diverged at {n}").format(n=diverged_at)
    texts = {
        "running": translate("CompareView", "running"),
        "stepping": translate("CompareView", "stepping"),
        "paused": translate("CompareView", "paused"),
        "finished": translate("CompareView", "finished"),
        "catching up": translate("CompareView", "catching up"),
        "diverged": translate("CompareView", "diverged"),
    }
    return texts.get(state, state)


def _init_text(config: TrainConfig) -> str:
    """The initializer as people read it, translated, with ``scaled``'s multiplier."""
    init = INITIALIZERS.get(config.init)
    if init is None:
        return config.init
    text = engine_text(init.label)
    if init.uses_scale:
        text += f" ×{config.scale:g}"
    return text


def _activation_text(config: TrainConfig) -> str:
    act = ACTIVATIONS.get(config.activation)
    return engine_text(act.label) if act is not None else config.activation


def config_text(config: TrainConfig) -> str:
    """:func:`engine.compare.config_label` in the current language (same parts, same order)."""
    init = INITIALIZERS.get(config.init)
    parts = [_init_text(config)]
    if config.learning_rate != _TUTORIAL.learning_rate:
        parts.append(translate("CompareView", "lr {lr}").format(lr=f"{config.learning_rate:g}"))
    if config.hidden != _TUTORIAL.hidden:
        parts.append(",".join(map(str, config.hidden)))
    if config.activation != _TUTORIAL.activation:
        parts.append(_activation_text(config))
    if config.seed != _TUTORIAL.seed and (init is None or init.uses_seed):
        parts.append(translate("CompareView", "seed {seed}").format(seed=config.seed))
    return " · ".join(parts)


def run_text(label: str, config: TrainConfig) -> str:
    """A run's name in the current language.

    Labels the comparison made itself (``config_label``, perhaps with a ``#2`` to tell two equal
    configurations apart) are rebuilt from the configuration in the current language; any other
    label is looked up as an engine string.
    """
    english = config_label(config)
    suffix = label[len(english) :]
    if label.startswith(english) and (not suffix or suffix.strip(" #").isdigit()):
        return config_text(config) + suffix
    return engine_text(label)


def describe(config: TrainConfig) -> str:
    """A run's whole configuration, for its tooltip."""
    init = INITIALIZERS[config.init]
    return translate(
        "CompareView",
        "{init} ({formula}), learning rate {lr}, hidden {hidden}, {activation}, seed {seed}",
    ).format(
        init=_init_text(config),
        formula=engine_text(init.formula),
        lr=f"{config.learning_rate:g}",
        hidden=",".join(map(str, config.hidden)),
        activation=_activation_text(config),
        seed=config.seed,
    )


def table_columns() -> tuple[str, ...]:
    """The table's column titles (see :func:`row_texts` for what is under them)."""
    return (
        translate("CompareView", "Configuration"),
        translate("CompareView", "Iteration"),
        translate("CompareView", "Cost"),
        translate("CompareView", "Train accuracy"),
        translate("CompareView", "Test accuracy"),
        translate("CompareView", "Cost ≤ {cost} at").format(cost=f"{COST_MILESTONE:g}"),
        translate("CompareView", "Train acc ≥ {accuracy} at").format(
            accuracy=f"{ACCURACY_MILESTONE:.0%}"
        ),
        translate("CompareView", "State"),
    )


def never_text() -> str:
    """A milestone not reached (yet)."""
    return translate("CompareView", "not reached")


def not_finite_text() -> str:
    return translate("CompareView", "not finite")


def row_texts(row: CompareRow, label: str) -> tuple[str, ...]:
    """One table row in the current language; ``label`` is the run's name, already translated."""

    def milestone(at: int | None) -> str:
        return never_text() if at is None else f"{at:,}"

    def accuracy(value: float, n: int) -> str:
        return f"{value:.4f} ({round(value * n)}/{n})"

    cost = f"{row.cost:.6g}" if np.isfinite(row.cost) else not_finite_text()
    return (
        label,
        f"{row.iteration:,}",
        cost,
        accuracy(row.train_accuracy, row.n_train),
        accuracy(row.test_accuracy, row.n_test),
        milestone(row.cost_reached_at),
        milestone(row.accuracy_reached_at),
        state_text(row.state, row.diverged_at),
    )


def status_text(frame: CompareFrame) -> str:
    """The status line for ``frame`` in the current language."""
    running = frame.state in (RunState.RUNNING, RunState.STEPPING)
    state = state_text(frame.state.value)
    if frame.state is RunState.RUNNING and frame.iteration >= frame.target:
        # Play at or after the stop-at runs on: say so, it will not stop by itself
        state = translate("CompareView", "running past the stop-at {target}: Pause to stop").format(
            target=f"{frame.target:,}"
        )
    parts = [
        translate("CompareView", "iteration {i} of {n}").format(
            i=f"{frame.iteration:,}", n=f"{frame.target:,}"
        ),
        state,
    ]
    if frame.rewound:
        parts.append(
            translate("CompareView", "rewound: Play resumes at {n}").format(
                n=f"{frame.newest_iteration:,}"
            )
        )
    if running and frame.steps_per_second:
        parts.append(
            translate("CompareView", "{rate} steps/s in all").format(
                rate=f"{frame.steps_per_second:,.0f}"
            )
        )
    if any(row.state == "catching up" for row in frame.rows):
        parts.append(translate("CompareView", "a new configuration is catching up"))
    if frame.coarse_maps is not None:
        resolution, rate = frame.coarse_maps
        parts.append(
            translate("CompareView", "maps {n}×{n}, {rate}×/s, so training stays fast").format(
                n=resolution, rate=f"{rate:.0f}"
            )
        )
    return " · ".join(parts)


def bold(text: str) -> str:
    return f"<b>{html.escape(text)}</b>"


def tips(widget: QtWidgets.QWidget, name: str, tip: str = "") -> None:
    """Screen readers read the accessible name; the tooltip says what the control does."""
    widget.setAccessibleName(name)
    if tip:
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)
