"""What decides a run's numbers: :class:`TrainConfig`, its limits, and the checks of each value.

Kept apart from the training loop (:mod:`engine.trainer`) because every layer reads it — the
command line's options, experiment files, the window's fields, the comparison — while only the
workers and the command line train.  A value out of range is refused here, once, with an
:class:`~engine.errors.InputError` that says what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType

import numpy as np

from engine.activations import ACTIVATIONS
from engine.datasets import (
    DEFAULT_SAMPLES,
    check_dataset_name,
    check_noise,
    check_samples,
    dataset_key,
)
from engine.errors import InputError, UnknownNameError
from engine.initializers import INITIALIZERS, check_scale, describe

__all__ = [
    "CONFIG_FIELDS",
    "CONFIG_OPTIONS",
    "MAX_HIDDEN_LAYERS",
    "MAX_ITERATIONS",
    "MAX_LEARNING_RATE",
    "MAX_SEED",
    "MAX_UNITS",
    "TrainConfig",
    "check_learning_rate",
    "parse_hidden",
]

MAX_HIDDEN_LAYERS = 12
MAX_UNITS = 512
MAX_LEARNING_RATE = 10.0
#: the largest seed: what a 32-bit signed spin box (the window's) can hold, so that every run
#: the command line accepts can also be shown, saved and reopened in the window
MAX_SEED = 2**31 - 1
#: The longest run a command line or an experiment file may ask for.
MAX_ITERATIONS = 1_000_000_000


def parse_hidden(text: str) -> tuple[int, ...]:
    """``"10,5"`` → ``(10, 5)``; :class:`~engine.errors.InputError` (a ``ValueError``) with a
    sentence saying what is allowed."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    if not text.strip() or any(not p for p in parts):
        raise InputError(
            "hidden layers must be sizes separated by commas, like 10,5 (got {text})",
            text=repr(text),
        )
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise InputError(
            "hidden layer sizes must be whole numbers, like 10,5 (got {text})", text=repr(text)
        ) from None
    _check_hidden(sizes)
    return sizes


def _check_hidden(sizes: tuple[int, ...]) -> None:
    if not 1 <= len(sizes) <= MAX_HIDDEN_LAYERS:
        raise InputError(
            "between 1 and {max} hidden layers are allowed (got {count})",
            max=MAX_HIDDEN_LAYERS,
            count=len(sizes),
        )
    bad = [s for s in sizes if not 1 <= s <= MAX_UNITS]
    if bad:
        raise InputError(
            "each hidden layer needs 1 to {max} units (got {value})", max=MAX_UNITS, value=bad[0]
        )


def check_learning_rate(lr: float) -> float:
    """The learning rate as a float, or :class:`~engine.errors.InputError` saying what is
    allowed."""
    try:
        lr = float(lr)
    except (TypeError, ValueError):
        raise InputError(
            "the learning rate must be a number (got {value})", value=repr(lr)
        ) from None
    if not (math.isfinite(lr) and 0.0 < lr <= MAX_LEARNING_RATE):
        raise InputError(
            "the learning rate must be above 0 and at most {max} (got {value})",
            max=f"{MAX_LEARNING_RATE:g}",
            value=repr(lr),
        )
    return lr


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """Everything that decides a run's numbers.  Defaults are the tutorial's He experiment.

    ``scale`` is the ``scaled`` initializer's multiplier (kept, and ignored, for the others).
    ``dataset`` is a registered name or ``"csv:<path>"`` (made absolute here; the file is read
    when the data are loaded, see :func:`engine.datasets.check_dataset_name`).  ``samples`` and
    ``noise`` (``None``: the data set's default) parameterise the generated sets; a file ignores
    them.

    Each field's command-line option is ``--`` and its name (``--init``), unless its metadata
    says otherwise (``option``); see :data:`CONFIG_OPTIONS`.
    """

    init: str = "he"
    learning_rate: float = field(default=0.01, metadata={"option": "--lr"})
    hidden: tuple[int, ...] = field(default=(10, 5), metadata={"option": "--layers"})
    seed: int = 3
    dataset: str = "circles"
    activation: str = "relu"
    scale: float = 1.0
    samples: int = DEFAULT_SAMPLES
    noise: float | None = None

    def __post_init__(self) -> None:
        if self.init not in INITIALIZERS:
            raise UnknownNameError(
                "unknown initializer {name}; choose from {choices}",
                name=repr(self.init),
                choices=", ".join(INITIALIZERS),
            )
        object.__setattr__(self, "dataset", check_dataset_name(self.dataset))
        object.__setattr__(self, "scale", check_scale(self.scale))
        object.__setattr__(self, "samples", check_samples(self.samples))
        if self.noise is not None:
            object.__setattr__(self, "noise", check_noise(self.noise))
        if self.activation not in ACTIVATIONS:
            raise UnknownNameError(
                "unknown activation {name}; choose from {choices}",
                name=repr(self.activation),
                choices=", ".join(ACTIVATIONS),
            )
        object.__setattr__(self, "learning_rate", check_learning_rate(self.learning_rate))
        _check_hidden(tuple(self.hidden))
        if isinstance(self.seed, bool) or not isinstance(self.seed, (int, np.integer)):
            raise InputError("the seed must be a whole number (got {value})", value=repr(self.seed))
        if not 0 <= self.seed <= MAX_SEED:
            raise InputError(
                "the seed must be between 0 and {max} (got {value})",
                max=MAX_SEED,
                value=int(self.seed),
            )
        object.__setattr__(self, "seed", int(self.seed))
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))

    def with_(self, **changes) -> TrainConfig:
        """A validated copy with ``changes`` applied (the original is untouched on error)."""
        return replace(self, **changes)

    @property
    def data_key(self) -> tuple[str, int | None, float | None]:
        """The :attr:`Dataset.key` of this config's data: equal keys, same points, no rebuild."""
        return dataset_key(self.dataset, self.samples, self.noise)

    @property
    def init_label(self) -> str:
        """The initializer as people read it, with ``scaled``'s multiplier: "Scaled ×3"."""
        return describe(self.init, self.scale)


#: ``TrainConfig``'s field names, in order: everything that decides a run's numbers.
CONFIG_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(TrainConfig))
#: The command-line option that sets each field, by field name (``"learning_rate": "--lr"``).
CONFIG_OPTIONS: Mapping[str, str] = MappingProxyType(
    {f.name: f.metadata.get("option", "--" + f.name.replace("_", "-")) for f in fields(TrainConfig)}
)
