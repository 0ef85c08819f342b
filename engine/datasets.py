"""Two-dimensional, two-class data sets, shaped the way the tutorial's network eats them.

Every array is stored column-per-example: ``X`` is ``(2, m)`` and ``Y`` is ``(1, m)`` of 0/1 floats,
so that ``W @ X`` needs no transposes.  Randomness comes from explicit ``RandomState`` objects:
``np.random.RandomState(k)`` yields the same stream as the tutorial's ``np.random.seed(k)``, so the
data match the published run without touching NumPy's global state.

Generated data sets are registered in :data:`DATASETS`; each draws ``samples`` training points with
``RandomState(1)`` and ``samples // 3`` test points with ``RandomState(2)``, as the tutorial does
for its circles (300 and 100 with noise 0.05: the default, bit for bit).  Every generator is plain
NumPy: scikit-learn is never imported here, because importing it costs the window's start-up half a
second.  Your own points come from a CSV file through :func:`load_csv`; a data set's name is then
``"csv:" + absolute path`` and can be used wherever a registered name can.
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.errors import InputError, UnknownNameError

__all__ = [
    "CSV_PREFIX",
    "DATASETS",
    "DEFAULT_SAMPLES",
    "MAX_CSV_ROWS",
    "MAX_NOISE",
    "MAX_SAMPLES",
    "MIN_CSV_ROWS",
    "MIN_SAMPLES",
    "DataError",
    "DataGenerator",
    "Dataset",
    "UnknownDatasetError",
    "check_dataset_name",
    "check_noise",
    "check_samples",
    "csv_path",
    "dataset_key",
    "load_circles",
    "load_csv",
    "load_dataset",
    "make_blobs",
    "make_circles",
    "make_moons",
    "make_spiral",
    "make_xor",
]

DEFAULT_SAMPLES = 300
MIN_SAMPLES = 20
MAX_SAMPLES = 5000
#: Noise is a standard deviation in the data's own units, which span about 2: beyond 1 every
#: shape is drowned.
MAX_NOISE = 1.0
#: A name ``"csv:<path>"`` stands for the points of that file.
CSV_PREFIX = "csv:"
MIN_CSV_ROWS = 10
#: Beyond this a full-batch step on the window's thread budget gets sluggish; refused, not cut.
MAX_CSV_ROWS = 20000


class DataError(InputError):
    """A data file or data parameter that cannot be used; the message says where and why."""


class UnknownDatasetError(DataError, UnknownNameError):
    """A data set name that is neither registered nor ``"csv:<path>"`` (also a ``KeyError``)."""


@dataclass(frozen=True, slots=True, eq=False)
class Dataset:
    """A train/test split of labelled 2-D points (arrays are read-only).

    ``name`` is what a :class:`~engine.config.TrainConfig` calls it (a registered name, or
    ``"csv:" + absolute path``); ``label`` is for people.  ``samples`` and ``noise`` are the
    generator's parameters (``None`` for a file).  ``key`` identifies the points: two data sets with
    the same key hold the same numbers, so a caller holding one need not rebuild it for a config
    whose :func:`dataset_key` is equal.
    """

    name: str
    train_X: np.ndarray
    train_Y: np.ndarray
    test_X: np.ndarray
    test_Y: np.ndarray
    label: str = ""
    samples: int | None = None
    noise: float | None = None

    def __post_init__(self) -> None:
        for arr in (self.train_X, self.train_Y, self.test_X, self.test_Y):
            arr.flags.writeable = False

    @property
    def key(self) -> tuple[str, int | None, float | None]:
        return (self.name, self.samples, self.noise)

    @property
    def n_features(self) -> int:
        return int(self.train_X.shape[0])

    def bounds(self, pad: float = 0.25) -> tuple[float, float, float, float]:
        """``(x_min, x_max, y_min, y_max)`` covering train and test points, padded."""
        both = np.concatenate([self.train_X, self.test_X], axis=1)
        lo = both.min(axis=1) - pad
        hi = both.max(axis=1) + pad
        return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def _columns(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Turn scikit-learn's ``(m, 2)`` / ``(m,)`` into ``(2, m)`` / ``(1, m)`` float arrays."""
    return np.ascontiguousarray(X.T, dtype=np.float64), y.reshape(1, -1).astype(np.float64)


# -- generators: (n_samples, noise, rng) -> X (m, 2), y (m,) ---------------------------------------


def _shuffle_and_jitter(
    X: np.ndarray, y: np.ndarray, noise: float, rng: np.random.RandomState
) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's tail of every generator: permute an index with ``rng``, then add noise."""
    order = np.arange(len(y))
    rng.shuffle(order)
    X, y = X[order], y[order]
    X += rng.normal(scale=noise, size=X.shape)
    return X, y


def _labels(n_0: int, n_1: int) -> np.ndarray:
    return np.hstack([np.zeros(n_0, dtype=np.intp), np.ones(n_1, dtype=np.intp)])


def make_circles(
    n_samples: int, noise: float, rng: np.random.RandomState, factor: float = 0.8
) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's ``make_circles`` (1.x), step by step, so the same ``rng`` gives the same bits.

    Written out because importing scikit-learn costs ~0.5 s, a third of the window's start-up
    budget; ``tests/engine/test_datasets.py`` checks it against scikit-learn's own.
    """
    n_out = n_samples // 2
    n_in = n_samples - n_out
    lin_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    lin_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack(
        [
            np.append(np.cos(lin_out), np.cos(lin_in) * factor),
            np.append(np.sin(lin_out), np.sin(lin_in) * factor),
        ]
    ).T
    return _shuffle_and_jitter(X, _labels(n_out, n_in), noise, rng)


def make_moons(
    n_samples: int, noise: float, rng: np.random.RandomState
) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's ``make_moons`` (1.x), step by step: two interleaved half circles.

    Not linearly separable, but one bend suffices: a small network learns it with almost any
    sensible initialization, which makes it a good control experiment.
    """
    n_out = n_samples // 2
    n_in = n_samples - n_out
    t_out = np.linspace(0, np.pi, n_out)
    t_in = np.linspace(0, np.pi, n_in)
    X = np.vstack(
        [
            np.append(np.cos(t_out), 1 - np.cos(t_in)),
            np.append(np.sin(t_out), 1 - np.sin(t_in) - 0.5),
        ]
    ).T
    return _shuffle_and_jitter(X, _labels(n_out, n_in), noise, rng)


def make_xor(
    n_samples: int, noise: float, rng: np.random.RandomState
) -> tuple[np.ndarray, np.ndarray]:
    """Uniform points in [-1, 1]²; class 1 where x1 and x2 have the same sign, then jittered.

    The classes are balanced by construction (half the points are drawn in each pair of
    quadrants), so even a small sample never misses a class.  The label is decided before the
    jitter: with noise, points near an axis may land on the other side, as real data would.
    """
    n_0 = n_samples // 2
    n_1 = n_samples - n_0
    U = rng.uniform(-1.0, 1.0, size=(n_samples, 2))
    y = _labels(n_0, n_1)
    # Same sign for class 1, opposite signs for class 0: set the sign of x2 from x1's.
    sign = np.where(U[:, 0] >= 0, 1.0, -1.0) * np.where(y == 1, 1.0, -1.0)
    U[:, 1] = np.abs(U[:, 1]) * sign
    return _shuffle_and_jitter(U, y, noise, rng)


def make_spiral(
    n_samples: int, noise: float, rng: np.random.RandomState, turns: float = 1.75
) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaved spiral arms, each ``turns`` turns long, radius growing from 0 to 1.

    Class 1's arm is class 0's rotated by half a turn, so neighbouring arms belong to different
    classes; the boundary the network must learn winds around the origin.  It needs depth and a
    well-scaled start: the hardest of the built-in sets.
    """
    n_0 = n_samples // 2
    n_1 = n_samples - n_0
    parts = []
    for k, n in enumerate((n_0, n_1)):
        t = np.linspace(0.0, 1.0, n, endpoint=False) + 0.5 / max(n, 1)
        theta = 2 * np.pi * turns * t + k * np.pi
        parts.append(np.column_stack([t * np.cos(theta), t * np.sin(theta)]))
    return _shuffle_and_jitter(np.vstack(parts), _labels(n_0, n_1), noise, rng)


def make_blobs(
    n_samples: int, noise: float, rng: np.random.RandomState
) -> tuple[np.ndarray, np.ndarray]:
    """Two Gaussian blobs centred at (-0.75, -0.75) and (0.75, 0.75); ``noise`` is their std.

    Linearly separable unless the noise is large: the easy case, where even a bad initialization
    eventually finds the line (zeros excepted for hidden units, which stay identical).
    """
    n_0 = n_samples // 2
    n_1 = n_samples - n_0
    centre = np.array([0.75, 0.75])
    X = np.vstack([np.tile(-centre, (n_0, 1)), np.tile(centre, (n_1, 1))])
    return _shuffle_and_jitter(X, _labels(n_0, n_1), noise, rng)


GeneratorFn = Callable[[int, float, np.random.RandomState], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True, slots=True)
class DataGenerator:
    """One registered data set: ``make(n_samples, noise, rng)`` returns ``X (m, 2)``, ``y (m,)``.

    ``default_noise`` applies when a config leaves the noise unset (``None``).
    """

    name: str
    label: str
    description: str
    make: GeneratorFn
    default_noise: float


#: Data sets by their command-line name, in the order the window lists them.
DATASETS: dict[str, DataGenerator] = {
    gen.name: gen
    for gen in (
        DataGenerator(
            "circles",
            "Circles",
            "Two noisy concentric circles, the tutorial's data: the inner ring is class 1.",
            make_circles,
            0.05,
        ),
        DataGenerator(
            "moons",
            "Moons",
            "Two interleaved half circles: one bend separates them.",
            make_moons,
            0.1,
        ),
        DataGenerator(
            "xor",
            "XOR",
            "Uniform points in a square; class 1 in the quadrants where x1 and x2 share a sign. "
            "No single line separates them.",
            make_xor,
            0.05,
        ),
        DataGenerator(
            "spiral",
            "Spiral",
            "Two spiral arms wound around each other: the hardest built-in set.",
            make_spiral,
            0.05,
        ),
        DataGenerator(
            "blobs",
            "Gaussian blobs",
            "Two Gaussian clouds, separable by a straight line unless the noise is large.",
            make_blobs,
            0.35,
        ),
    )
}


# -- checks ----------------------------------------------------------------------------------------


def check_samples(samples: int) -> int:
    """The training-sample count as an int, or ``DataError`` saying what is allowed."""
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)):
        raise DataError(
            "the number of samples must be a whole number (got {value})", value=repr(samples)
        )
    if not MIN_SAMPLES <= samples <= MAX_SAMPLES:
        raise DataError(
            "the number of samples must be from {low} to {high} (got {value})",
            low=MIN_SAMPLES,
            high=MAX_SAMPLES,
            value=int(samples),
        )
    return int(samples)


def check_noise(noise: float) -> float:
    """The noise as a float, or ``DataError`` saying what is allowed."""
    try:
        value = float(noise)
    except (TypeError, ValueError):
        raise DataError("the noise must be a number (got {value})", value=repr(noise)) from None
    if not (math.isfinite(value) and 0.0 <= value <= MAX_NOISE):
        raise DataError(
            "the noise must be from 0 to {high} (got {value})",
            high=f"{MAX_NOISE:g}",
            value=repr(noise),
        )
    return value


def csv_path(name: str) -> str | None:
    """The file behind a ``"csv:<path>"`` name, or ``None`` for a registered data set."""
    return name[len(CSV_PREFIX) :] if name.startswith(CSV_PREFIX) else None


def check_dataset_name(name: str) -> str:
    """``name`` normalised: registered names as they are, ``"csv:<path>"`` with an absolute path.

    Only the form is checked, not that the file exists or parses: a config must stay valid (so
    that, say, its learning rate can still be changed) after its file was loaded and then moved.
    Loading the file is where its contents are checked (:func:`load_csv`).
    """
    path = csv_path(name)
    if path is not None:
        if not path.strip():
            raise DataError("a CSV data set needs a file name after 'csv:'")
        return CSV_PREFIX + os.path.abspath(os.path.expanduser(path))
    if name not in DATASETS:
        raise UnknownDatasetError(
            "unknown dataset {name}; choose from {choices} or csv:<path>",
            name=repr(name),
            choices=", ".join(DATASETS),
        )
    return name


def dataset_key(
    name: str, samples: int = DEFAULT_SAMPLES, noise: float | None = None
) -> tuple[str, int | None, float | None]:
    """The :attr:`Dataset.key` that ``load_dataset(name, samples, noise)`` would return."""
    name = check_dataset_name(name)
    if csv_path(name) is not None:
        return (name, None, None)
    return (name, int(samples), float(DATASETS[name].default_noise if noise is None else noise))


# -- loading ---------------------------------------------------------------------------------------


def load_circles(n_train: int = 300, n_test: int = 100, noise: float = 0.05) -> Dataset:
    """The tutorial's data: two noisy concentric circles, train with seed 1, test with seed 2."""
    train = make_circles(n_train, noise, np.random.RandomState(1))
    test = make_circles(n_test, noise, np.random.RandomState(2))
    samples = n_train if n_test == n_train // 3 else None
    return Dataset("circles", *_columns(*train), *_columns(*test), "Circles", samples, float(noise))


def load_dataset(name: str, samples: int = DEFAULT_SAMPLES, noise: float | None = None) -> Dataset:
    """Build the data set called ``name``: a registered generator, or ``"csv:<path>"``.

    A generator draws ``samples`` training points with ``RandomState(1)`` and ``samples // 3``
    test points with ``RandomState(2)``; ``noise`` ``None`` means the generator's default.  A file
    ignores both.  Unknown names raise :class:`UnknownDatasetError` (a ``KeyError`` and a
    :class:`DataError`, naming the known ones); bad parameters and bad files raise
    :class:`DataError`.
    """
    path = csv_path(name)
    if path is not None:
        return load_csv(path)
    try:
        gen = DATASETS[name]
    except KeyError:
        raise UnknownDatasetError(
            "unknown dataset {name}; known: {choices}", name=repr(name), choices=", ".join(DATASETS)
        ) from None
    samples = check_samples(samples)
    noise = check_noise(gen.default_noise if noise is None else noise)
    train = gen.make(samples, noise, np.random.RandomState(1))
    test = gen.make(samples // 3, noise, np.random.RandomState(2))
    return Dataset(name, *_columns(*train), *_columns(*test), gen.label, samples, noise)


# -- CSV files -------------------------------------------------------------------------------------

_COLUMNS = ("x1", "x2", "label")
_SEPARATORS = re.compile(r"[,;\t]")


def _split(line: str) -> list[str]:
    """One line's fields: split at every ``,`` ``;`` or tab, or, if the line has quotes, as a
    spreadsheet writes it (``"0.689","0.516","1"``: the :mod:`csv` module, a doubled quote in a
    field being a quote, the separator the first of those outside the quotes).  Spaces around a
    field are ignored.
    """
    if '"' not in line:
        return [field.strip() for field in _SEPARATORS.split(line)]
    outside = "".join(line.split('"')[::2])  # the text between quoted fields
    sep = next((c for c in outside if c in ",;\t"), ",")
    fields = next(csv.reader([line], delimiter=sep, skipinitialspace=True), [])
    return [field.strip() for field in fields]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _parse_row(fields: list[str], row: int) -> tuple[float, float, float]:
    """One data row's three values, or ``DataError`` naming the row, the column and the problem."""
    if len(fields) != 3:
        if len(fields) < 3:
            raise DataError(
                "row {row}: expected 3 values (x1, x2, label), found {count} (a missing column?)",
                row=row,
                count=len(fields),
            )
        raise DataError(
            "row {row}: expected 3 values (x1, x2, label), found {count}",
            row=row,
            count=len(fields),
        )
    values = []
    for col, (text, column) in enumerate(zip(fields, _COLUMNS), start=1):
        if not text:
            raise DataError(
                "row {row}: column {col} ({column}) is empty", row=row, col=col, column=column
            )
        try:
            value = float(text)
        except ValueError:
            raise DataError(
                "row {row}: column {col} ({column}) is {text}, which is not a number",
                row=row,
                col=col,
                column=column,
                text=repr(text),
            ) from None
        if not math.isfinite(value):
            raise DataError(
                "row {row}: column {col} ({column}) is {text}; only finite numbers are allowed",
                row=row,
                col=col,
                column=column,
                text=repr(text),
            )
        values.append(value)
    if values[2] not in (0.0, 1.0):
        raise DataError(
            "row {row}: the label is {label}; labels must be 0 or 1", row=row, label=repr(fields[2])
        )
    return values[0], values[1], values[2]


def load_csv(path: str | os.PathLike[str]) -> Dataset:
    """Your own 2-D points: one row per point, ``x1, x2, label`` (label 0 or 1).

    Values are separated by commas (semicolons or tabs also work) and may be quoted, as
    spreadsheets export them (``"0.689","0.516","1"``, read with the :mod:`csv` module); an
    optional first line of column names (any line with no number in it) is skipped, as are
    blank lines and lines starting with ``#``.  Anything else wrong refuses the whole file with
    a :class:`DataError` whose message names the row (its line number in the file, from 1) and
    the problem: a missing or extra column, text where a number belongs, NaN or infinity, a label
    other than 0 or 1, only one class, fewer than 10 or more than 20000 points.  Nothing is
    returned half-loaded.

    The points are split deterministically and stratified: in each class a quarter (rounded down)
    goes to the test set, chosen with ``RandomState(0)``; the rest, in file order, is the training
    set.  Coordinates are used as given (no rescaling), like the built-in sets.
    """
    file = Path(path).expanduser()
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError("{file}: no such file", file=str(file)) from None
    except UnicodeDecodeError:
        raise DataError("{file}: not a text file (it is not UTF-8)", file=str(file)) from None
    except OSError as exc:
        raise DataError(
            "{file}: cannot be read ({reason})", file=str(file), reason=exc.strerror or str(exc)
        ) from None

    rows: list[tuple[float, float, float]] = []
    line_numbers: list[int] = []
    header_allowed = True
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        fields = _split(stripped)
        if header_allowed and not any(_is_number(f) for f in fields):
            header_allowed = False
            continue  # column names
        header_allowed = False
        if len(rows) == MAX_CSV_ROWS:
            raise DataError(
                "row {row}: more than {max} points; use a smaller sample",
                row=number,
                max=MAX_CSV_ROWS,
            )
        rows.append(_parse_row(fields, number))
        line_numbers.append(number)

    if len(rows) < MIN_CSV_ROWS:
        if not rows:
            raise DataError("the file: only 0 points; at least {min} are needed", min=MIN_CSV_ROWS)
        if len(rows) == 1:
            raise DataError(
                "rows {first}–{last}: only {count} point; at least {min} are needed",
                first=line_numbers[0],
                last=line_numbers[-1],
                count=1,
                min=MIN_CSV_ROWS,
            )
        raise DataError(
            "rows {first}–{last}: only {count} points; at least {min} are needed",
            first=line_numbers[0],
            last=line_numbers[-1],
            count=len(rows),
            min=MIN_CSV_ROWS,
        )
    data = np.array(rows, dtype=np.float64)
    labels = data[:, 2]
    classes = np.unique(labels)
    if len(classes) < 2:
        raise DataError(
            "rows {first}–{last}: every point has label {label}; both classes, 0 and 1, are needed",
            first=line_numbers[0],
            last=line_numbers[-1],
            label=f"{classes[0]:g}",
        )

    rng = np.random.RandomState(0)
    is_test = np.zeros(len(rows), dtype=bool)
    for cls in (0.0, 1.0):
        members = np.flatnonzero(labels == cls)
        rng.shuffle(members)
        is_test[members[: len(members) // 4]] = True
    train, test = data[~is_test], data[is_test]
    resolved = os.path.abspath(file)
    return Dataset(
        CSV_PREFIX + resolved,
        *_columns(train[:, :2], train[:, 2]),
        *_columns(test[:, :2], test[:, 2]),
        file.name,
    )
