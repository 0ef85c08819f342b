"""Experiment files: a run's settings in a small JSON file, to share, reopen and replay exactly.

::

    {
      "format": "initscope-experiment",
      "version": 1,
      "config": {"init": "he", "learning_rate": 0.01, "hidden": [10, 5], "seed": 3,
                 "dataset": "circles", "activation": "relu", "scale": 1.0, "samples": 300,
                 "noise": null},
      "target": 15000,
      "iteration": null
    }

``config`` holds every field of :class:`~engine.config.TrainConfig` (``hidden`` as a list; a CSV
data set as ``"csv:<path>"``, a relative path being relative to the experiment file).  ``target``
is where the run should stop (the window's *Stop at*, the command line's ``--iterations``) and
``iteration`` how far the run was when it was saved; either may be ``null``.  The same config gives
the same numbers bit for bit, so a loaded experiment replays the saved run exactly.

Loading is strict, so a mistyped file is refused rather than half-understood: every problem raises
an :class:`ExperimentError` with one sentence naming the file, the key and what is allowed.  Values
are checked for their JSON type here (``true`` is not a number, ``"0.01"`` is text) and then by
``TrainConfig`` itself, so the allowed ranges live in one place.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.config import CONFIG_FIELDS, MAX_ITERATIONS, TrainConfig
from engine.datasets import CSV_PREFIX, csv_path
from engine.errors import InputError

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "VERSION",
    "Experiment",
    "ExperimentError",
    "experiment_json",
    "load_experiment",
    "parse_experiment",
    "save_experiment",
]

FORMAT = "initscope-experiment"
VERSION = 1
#: An experiment file is a few hundred bytes; anything this large is the wrong file.
MAX_FILE_BYTES = 1_000_000

_TOP_KEYS = ("format", "version", "config", "target", "iteration")
_REQUIRED_TOP_KEYS = ("format", "version", "config")


class ExperimentError(InputError):
    """An experiment file that cannot be used (or written); the message names file and problem."""


@dataclass(frozen=True, slots=True)
class Experiment:
    """A loaded experiment: the run's settings, where it should stop, how far it had got."""

    config: TrainConfig
    target: int | None = None
    iteration: int | None = None


# -- writing ---------------------------------------------------------------------------------------


def _config_dict(config: TrainConfig) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in CONFIG_FIELDS:
        value = getattr(config, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def _check_count(file: str, key: str, value: object, maximum: int | None = None) -> int | None:
    """``target``/``iteration``: ``None`` or a whole number in range, else ExperimentError."""
    if value is None:
        return None
    whole = isinstance(value, int) and not isinstance(value, bool)
    if maximum is not None:
        if not whole or not 0 <= value <= maximum:
            raise ExperimentError(
                "{file}: {key} must be a whole number from 0 to {max}, or null (got {value})",
                file=file,
                key=_quoted(key),
                max=maximum,
                value=_shown(value),
            )
    elif not whole or value < 0:
        raise ExperimentError(
            "{file}: {key} must be a whole number of at least 0, or null (got {value})",
            file=file,
            key=_quoted(key),
            value=_shown(value),
        )
    return int(value)


def experiment_json(
    config: TrainConfig, *, target: int | None = None, iteration: int | None = None
) -> str:
    """The text of an experiment file for ``config`` (what :func:`save_experiment` writes)."""
    _check_count("<experiment>", "target", target, MAX_ITERATIONS)
    _check_count("<experiment>", "iteration", iteration)

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    # Written by hand rather than with ``indent``, so that each setting stays on one line
    # (``"hidden": [10, 5]``): the file is meant to be read, and edited, by people.
    settings = ",\n".join(f"    {dump(k)}: {dump(v)}" for k, v in _config_dict(config).items())
    return (
        "{\n"
        f'  "format": {dump(FORMAT)},\n'
        f'  "version": {dump(VERSION)},\n'
        f'  "config": {{\n{settings}\n  }},\n'
        f'  "target": {dump(target)},\n'
        f'  "iteration": {dump(iteration)}\n'
        "}\n"
    )


def save_experiment(
    path: str | os.PathLike[str],
    config: TrainConfig,
    *,
    target: int | None = None,
    iteration: int | None = None,
) -> None:
    """Write ``config`` (and where the run stops, how far it got) to the experiment file ``path``.

    The file is replaced in one step (written beside it, then renamed), so a failed save leaves
    an existing file as it was.  Problems raise :class:`ExperimentError`.
    """
    file = Path(path).expanduser()
    name = str(file)
    _check_count(name, "target", target, MAX_ITERATIONS)
    _check_count(name, "iteration", iteration)
    text = experiment_json(config, target=target, iteration=iteration)
    if file.is_dir():
        raise ExperimentError("{file}: is a folder, not a file", file=name)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, file)
        tmp = None
    except OSError as exc:
        raise ExperimentError(
            "{file}: cannot be written ({reason})", file=name, reason=exc.strerror or str(exc)
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# -- reading ---------------------------------------------------------------------------------------


def load_experiment(path: str | os.PathLike[str]) -> Experiment:
    """Read and check the experiment file ``path``; :class:`ExperimentError` says what is wrong."""
    file = Path(path).expanduser()
    name = str(file)
    try:
        if file.is_dir():
            raise ExperimentError("{file}: is a folder, not an experiment file", file=name)
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ExperimentError(
                "{file}: {size} bytes is far too large for an experiment file; is it the right "
                "file?",
                file=name,
                size=size,
            )
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ExperimentError("{file}: no such file", file=name) from None
    except OSError as exc:
        raise ExperimentError(
            "{file}: cannot be read ({reason})", file=name, reason=exc.strerror or str(exc)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExperimentError("{file}: not a text file (it is not UTF-8)", file=name) from None
    return parse_experiment(text, name, base=file.parent)


class _Constant(ValueError):
    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


def _refuse_constant(word: str) -> float:
    raise _Constant(word)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _quoted(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


def _shown(value: object, limit: int = 60) -> str:
    """``value`` as it reads in JSON (``true``, ``"0.01"``, ``[10, 5]``), shortened."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_experiment(
    text: str, file: str = "<experiment>", base: str | os.PathLike[str] | None = None
) -> Experiment:
    """The experiment in ``text`` (``file`` names it in messages), checked as strictly as
    :func:`load_experiment` checks a file.

    ``base`` is the folder a relative CSV path is relative to (default: the current folder).
    """
    try:
        data = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_no_duplicates)
    except _Constant as exc:
        raise ExperimentError(
            "{file}: {word} is not allowed in an experiment file; write a number",
            file=file,
            word=exc.word,
        ) from None
    except _Duplicate as exc:
        raise ExperimentError(
            "{file}: the key {key} appears twice", file=file, key=_quoted(exc.key)
        ) from None
    except json.JSONDecodeError as exc:
        raise ExperimentError(
            "{file}: not valid JSON at line {line}, column {column}: {reason}",
            file=file,
            line=exc.lineno,
            column=exc.colno,
            reason=exc.msg,
        ) from None
    except RecursionError:
        raise ExperimentError(
            "{file}: not an experiment file (nested too deeply)", file=file
        ) from None
    if not isinstance(data, dict):
        raise ExperimentError(
            "{file}: not an experiment file (it holds {value}, not a JSON object)",
            file=file,
            value=_shown(data),
        )
    _check_header(data, file)
    config = _config_from(data["config"], file, base)
    target = _check_count(file, "target", data.get("target"), MAX_ITERATIONS)
    iteration = _check_count(file, "iteration", data.get("iteration"))
    return Experiment(config, target, iteration)


def _check_header(data: dict[str, Any], file: str) -> None:
    tag = data.get("format")
    if "format" not in data:
        raise ExperimentError(
            '{file}: not an InitScope experiment file (it has no "format": "{format}")',
            file=file,
            format=FORMAT,
        )
    if tag != FORMAT:
        raise ExperimentError(
            '{file}: not an InitScope experiment file ("format" is {value}, not "{format}")',
            file=file,
            value=_shown(tag),
            format=FORMAT,
        )
    if "version" not in data:
        raise ExperimentError("{file}: the key {key} is missing", file=file, key=_quoted("version"))
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExperimentError(
            '{file}: "version" must be a whole number of at least 1 (got {value})',
            file=file,
            value=_shown(version),
        )
    if version > VERSION:
        raise ExperimentError(
            "{file}: written by a newer InitScope (format version {version}); this one reads "
            "version {supported} — please update InitScope",
            file=file,
            version=version,
            supported=VERSION,
        )
    unknown = [key for key in data if key not in _TOP_KEYS]
    if unknown:
        raise ExperimentError(
            "{file}: unknown key {key}; an experiment file has the keys {allowed}",
            file=file,
            key=_quoted(unknown[0]),
            allowed=", ".join(_quoted(k) for k in _TOP_KEYS),
        )
    for key in _REQUIRED_TOP_KEYS:
        if key not in data:
            raise ExperimentError("{file}: the key {key} is missing", file=file, key=_quoted(key))


# JSON type each TrainConfig field must have, from the field's type: "int" (not bool), "number"
# (int or float, not bool), "number?" (a number or null), "str", "ints" (a non-empty list of ints).
_KINDS: dict[object, str] = {
    str: "str",
    int: "int",
    float: "number",
    float | None: "number?",
    tuple[int, ...]: "ints",
}
_FIELD_KINDS: dict[str, str] = {
    name: _KINDS[kind] for name, kind in typing.get_type_hints(TrainConfig).items()
}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_kind(file: str, key: str, value: object) -> object:
    kind = _FIELD_KINDS[key]
    params = {"file": file, "key": _quoted(key), "value": _shown(value)}
    if kind == "int":
        if not _is_int(value):
            raise ExperimentError(
                "{file}: setting {key} must be a whole number (got {value})", **params
            )
        return value
    if kind == "number" or kind == "number?":
        if value is None and kind == "number?":
            return None
        if not _is_number(value):
            if kind == "number?":
                raise ExperimentError(
                    "{file}: setting {key} must be a number or null (got {value})", **params
                )
            raise ExperimentError("{file}: setting {key} must be a number (got {value})", **params)
        if isinstance(value, float) and not math.isfinite(value):
            raise ExperimentError(
                "{file}: setting {key} must be a finite number (got {value})", **params
            )
        return float(value)
    if kind == "str":
        if not isinstance(value, str):
            raise ExperimentError("{file}: setting {key} must be text (got {value})", **params)
        return value
    # "ints"
    if not isinstance(value, list) or not value or not all(_is_int(v) for v in value):
        raise ExperimentError(
            "{file}: setting {key} must be a list of whole numbers, like [10, 5] (got {value})",
            **params,
        )
    return tuple(value)


def _resolve_csv(name: str, base: str | os.PathLike[str] | None) -> str:
    """A relative ``csv:`` path is relative to the experiment file's folder."""
    path = csv_path(name)
    if path is None or base is None or not path.strip():
        return name
    expanded = os.path.expanduser(path)
    if os.path.isabs(expanded):
        return name
    return CSV_PREFIX + os.path.join(os.fspath(base), expanded)


def _config_from(section: object, file: str, base: str | os.PathLike[str] | None) -> TrainConfig:
    if not isinstance(section, dict):
        raise ExperimentError(
            '{file}: "config" must be an object holding the run\'s settings (got {value})',
            file=file,
            value=_shown(section),
        )
    names = CONFIG_FIELDS
    unknown = [key for key in section if key not in names]
    if unknown:
        raise ExperimentError(
            '{file}: unknown setting {key} in "config"; the settings are {allowed}',
            file=file,
            key=_quoted(unknown[0]),
            allowed=", ".join(_quoted(n) for n in names),
        )
    missing = [n for n in names if n not in section]
    if missing:
        raise ExperimentError(
            '{file}: the setting {key} is missing from "config"', file=file, key=_quoted(missing[0])
        )
    values = {n: _check_kind(file, n, section[n]) for n in names}
    values["dataset"] = _resolve_csv(values["dataset"], base)
    # Each value on its own first, so that a refusal names the setting it is about; the ranges
    # and names allowed are TrainConfig's own.
    for n in names:
        try:
            TrainConfig(**{n: values[n]})
        except InputError as exc:
            raise ExperimentError(
                "{file}: setting {key}: {problem}", file=file, key=_quoted(n), problem=exc
            ) from exc
    try:
        return TrainConfig(**values)
    except InputError as exc:  # a combination refused (none today): still one clear sentence
        raise ExperimentError("{file}: {problem}", file=file, problem=exc) from exc
