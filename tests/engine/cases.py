"""Refusal cases shared by several test modules (the engine's own tests and the check that
every refusal's template is listed for translation, tests/test_engine_strings.py)."""

from __future__ import annotations

import json

from engine.config import MAX_ITERATIONS, TrainConfig, check_learning_rate, parse_hidden
from engine.datasets import DataError, UnknownDatasetError, load_csv, load_dataset
from engine.errors import InputError, UnknownNameError
from engine.experiment import experiment_json
from engine.initializers import check_scale, initialize
from engine.presets import apply_preset

__all__ = ["BAD_TEXTS", "experiment_with", "refusals", "valid_experiment"]


# -- experiment files ------------------------------------------------------------------------------
def valid_experiment() -> dict:
    """A valid experiment file's contents, as parsed JSON."""
    return json.loads(experiment_json(TrainConfig(), target=1000))


def experiment_with(path: list, value=None, delete: bool = False) -> str:
    """A valid experiment file's text with the key at ``path`` set to ``value`` (or deleted)."""
    data = valid_experiment()
    node = data
    for key in path[:-1]:
        node = node[key]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return json.dumps(data)


# (id, file text, words the one-line message must contain)
BAD_TEXTS = [
    (
        "not-json",
        '{"format": "initscope-experiment",\n  "version": 1,,}',
        ["not valid JSON at line 2, column 16", "Expecting property name"],
    ),
    ("empty", "", ["not valid JSON", "line 1, column 1"]),
    ("nan", json.dumps(valid_experiment()).replace("1000", "NaN"), ["NaN", "not allowed"]),
    ("infinity", json.dumps(valid_experiment()).replace("0.01", "-Infinity"), ["-Infinity"]),
    ("duplicate", '{"format": "initscope-experiment", "format": "x"}', ['"format"', "twice"]),
    ("a-list", "[1, 2]", ["not an experiment file", "[1, 2]", "JSON object"]),
    ("a-string", '"hello"', ["not an experiment file"]),
    ("no-format", json.dumps({"version": 1}), ["not an InitScope experiment file", "format"]),
    ("wrong-format", experiment_with(["format"], "initscope-lesson"), ['"initscope-lesson"']),
    ("no-version", experiment_with(["version"], delete=True), ['"version"', "missing"]),
    ("version-text", experiment_with(["version"], "1"), ['"version"', 'got "1"']),
    ("version-bool", experiment_with(["version"], True), ['"version"', "got true"]),
    ("version-zero", experiment_with(["version"], 0), ['"version"', "got 0"]),
    (
        "newer-version",
        experiment_with(["version"], 2),
        ["newer InitScope", "version 2", "reads version 1"],
    ),
    ("unknown-key", experiment_with(["comment"], "hi"), ['unknown key "comment"', '"target"']),
    ("no-config", experiment_with(["config"], delete=True), ['"config"', "missing"]),
    ("config-list", experiment_with(["config"], [1]), ['"config" must be an object']),
    (
        "unknown-setting",
        experiment_with(["config", "momentum"], 0.9),
        ['unknown setting "momentum"'],
    ),
    ("missing-setting", experiment_with(["config", "seed"], delete=True), ['"seed" is missing']),
    (
        "lr-bool",
        experiment_with(["config", "learning_rate"], True),
        ['"learning_rate"', "a number", "true"],
    ),
    (
        "lr-text",
        experiment_with(["config", "learning_rate"], "0.01"),
        ['"learning_rate"', '"0.01"'],
    ),
    (
        "lr-null",
        experiment_with(["config", "learning_rate"], None),
        ['"learning_rate"', "got null"],
    ),
    (
        "lr-range",
        experiment_with(["config", "learning_rate"], 50),
        ['"learning_rate"', "at most 10"],
    ),
    ("lr-zero", experiment_with(["config", "learning_rate"], 0), ['"learning_rate"', "above 0"]),
    (
        "lr-huge",
        json.dumps(valid_experiment()).replace("0.01", "1e400"),
        ['"learning_rate"', "finite"],
    ),
    ("seed-float", experiment_with(["config", "seed"], 3.0), ['"seed"', "whole number", "3.0"]),
    ("seed-bool", experiment_with(["config", "seed"], False), ['"seed"', "whole number", "false"]),
    ("seed-text", experiment_with(["config", "seed"], "3"), ['"seed"', "whole number"]),
    ("seed-range", experiment_with(["config", "seed"], -1), ['"seed"', "between 0 and 2147483647"]),
    (
        "seed-above",
        experiment_with(["config", "seed"], 2**31),
        ['"seed"', "2147483647", "2147483648"],
    ),
    (
        "hidden-text",
        experiment_with(["config", "hidden"], "10,5"),
        ['"hidden"', "list of whole numbers"],
    ),
    (
        "hidden-empty",
        experiment_with(["config", "hidden"], []),
        ['"hidden"', "list of whole numbers"],
    ),
    ("hidden-float", experiment_with(["config", "hidden"], [10.0, 5]), ['"hidden"', "[10.0, 5]"]),
    ("hidden-bool", experiment_with(["config", "hidden"], [True]), ['"hidden"', "[true]"]),
    ("hidden-zero", experiment_with(["config", "hidden"], [10, 0]), ['"hidden"', "1 to 512 units"]),
    (
        "hidden-deep",
        experiment_with(["config", "hidden"], [2] * 13),
        ['"hidden"', "between 1 and 12"],
    ),
    ("init-number", experiment_with(["config", "init"], 5), ['"init"', "must be text"]),
    (
        "init-unknown",
        experiment_with(["config", "init"], "hee"),
        ['"init"', "unknown initializer 'hee'"],
    ),
    (
        "act-unknown",
        experiment_with(["config", "activation"], "swish"),
        ["unknown activation 'swish'"],
    ),
    (
        "data-unknown",
        experiment_with(["config", "dataset"], "galaxy"),
        ["unknown dataset 'galaxy'"],
    ),
    (
        "scale-range",
        experiment_with(["config", "scale"], 0),
        ['"scale"', "above 0 and at most 100"],
    ),
    ("samples-float", experiment_with(["config", "samples"], 300.0), ['"samples"', "whole number"]),
    ("samples-range", experiment_with(["config", "samples"], 5), ['"samples"', "from 20 to 5000"]),
    ("noise-text", experiment_with(["config", "noise"], "low"), ['"noise"', "a number or null"]),
    ("noise-bool", experiment_with(["config", "noise"], True), ['"noise"', "a number or null"]),
    ("noise-range", experiment_with(["config", "noise"], 2), ['"noise"', "from 0 to 1"]),
    ("target-negative", experiment_with(["target"], -1), ['"target"', "from 0 to 1000000000"]),
    ("target-float", experiment_with(["target"], 15000.0), ['"target"', "15000.0"]),
    ("target-bool", experiment_with(["target"], True), ['"target"', "true"]),
    ("target-huge", experiment_with(["target"], MAX_ITERATIONS + 1), ['"target"']),
    ("iteration-text", experiment_with(["iteration"], "3"), ['"iteration"', "at least 0"]),
    ("iteration-negative", experiment_with(["iteration"], -2), ['"iteration"', "at least 0"]),
]


# -- refusals of every kind -----------------------------------------------------------------------
def _csv(tmp_path, text, name="points.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def refusals(tmp_path):
    """``(callable, exception class, the exact English message it has always had)`` for every
    kind of refusal; files the calls read are made under ``tmp_path``."""
    missing = tmp_path / "missing.csv"
    return [
        (
            lambda: parse_hidden(""),
            InputError,
            "hidden layers must be sizes separated by commas, like 10,5 (got '')",
        ),
        (
            lambda: parse_hidden("a,b"),
            InputError,
            "hidden layer sizes must be whole numbers, like 10,5 (got 'a,b')",
        ),
        (
            lambda: parse_hidden(",".join(["3"] * 13)),
            InputError,
            "between 1 and 12 hidden layers are allowed (got 13)",
        ),
        (
            lambda: parse_hidden("600"),
            InputError,
            "each hidden layer needs 1 to 512 units (got 600)",
        ),
        (
            lambda: check_learning_rate(11),
            InputError,
            "the learning rate must be above 0 and at most 10 (got 11.0)",
        ),
        (
            lambda: check_learning_rate("fast"),
            InputError,
            "the learning rate must be a number (got 'fast')",
        ),
        (
            lambda: TrainConfig(init="nope"),
            UnknownNameError,
            "unknown initializer 'nope'; choose from zeros, random, he, xavier, glorot_uniform, "
            "lecun, small, scaled",
        ),
        (
            lambda: TrainConfig(activation="nope"),
            UnknownNameError,
            "unknown activation 'nope'; choose from relu, tanh, sigmoid, leaky_relu",
        ),
        (
            lambda: TrainConfig(seed=-1),
            InputError,
            "the seed must be between 0 and 2147483647 (got -1)",
        ),
        (
            lambda: TrainConfig(seed=2**31),
            InputError,
            "the seed must be between 0 and 2147483647 (got 2147483648)",
        ),
        (lambda: TrainConfig(seed=2.0), InputError, "the seed must be a whole number (got 2.0)"),
        (lambda: TrainConfig(seed=True), InputError, "the seed must be a whole number (got True)"),
        (
            lambda: TrainConfig(dataset="galaxy"),
            UnknownDatasetError,
            "unknown dataset 'galaxy'; choose from circles, moons, xor, spiral, blobs "
            "or csv:<path>",
        ),
        (
            lambda: TrainConfig(dataset="csv: "),
            DataError,
            "a CSV data set needs a file name after 'csv:'",
        ),
        (
            lambda: TrainConfig(samples=5),
            DataError,
            "the number of samples must be from 20 to 5000 (got 5)",
        ),
        (
            lambda: TrainConfig(samples=2.5),
            DataError,
            "the number of samples must be a whole number (got 2.5)",
        ),
        (lambda: TrainConfig(noise=2), DataError, "the noise must be from 0 to 1 (got 2)"),
        (lambda: TrainConfig(noise="x"), DataError, "the noise must be a number (got 'x')"),
        (lambda: check_scale(0), InputError, "the scale must be above 0 and at most 100 (got 0)"),
        (lambda: check_scale("big"), InputError, "the scale must be a number (got 'big')"),
        (
            lambda: initialize("xx", [2, 1]),
            UnknownNameError,
            "unknown initializer 'xx'; known: zeros, random, he, xavier, glorot_uniform, lecun, "
            "small, scaled",
        ),
        (
            lambda: load_dataset("xx"),
            UnknownDatasetError,
            "unknown dataset 'xx'; known: circles, moons, xor, spiral, blobs",
        ),
        (
            lambda: apply_preset("xx"),
            UnknownNameError,
            "unknown preset 'xx'; known: tutorial_zeros, tutorial_random, tutorial_he, "
            "deep_tanh_small, deep_tanh_scaled, deep_tanh_xavier, deep_relu_he",
        ),
        (lambda: load_csv(missing), DataError, f"{missing}: no such file"),
        (lambda: load_csv(tmp_path), DataError, f"{tmp_path}: cannot be read (Is a directory)"),
        (
            lambda: load_csv(_csv(tmp_path, "1,2\n")),
            DataError,
            "row 1: expected 3 values (x1, x2, label), found 2 (a missing column?)",
        ),
        (
            lambda: load_csv(_csv(tmp_path, "1,2,3,4\n")),
            DataError,
            "row 1: expected 3 values (x1, x2, label), found 4",
        ),
        (lambda: load_csv(_csv(tmp_path, "1,,1\n")), DataError, "row 1: column 2 (x2) is empty"),
        (
            lambda: load_csv(_csv(tmp_path, "1,x,1\n")),
            DataError,
            "row 1: column 2 (x2) is 'x', which is not a number",
        ),
        (
            lambda: load_csv(_csv(tmp_path, "1,inf,1\n")),
            DataError,
            "row 1: column 2 (x2) is 'inf'; only finite numbers are allowed",
        ),
        (
            lambda: load_csv(_csv(tmp_path, "x1,x2,label\n1,2,2\n")),
            DataError,
            "row 2: the label is '2'; labels must be 0 or 1",
        ),
        (
            lambda: load_csv(_csv(tmp_path, "x1,x2,label\n")),
            DataError,
            "the file: only 0 points; at least 10 are needed",
        ),
        (
            lambda: load_csv(_csv(tmp_path, "1,2,1\n")),
            DataError,
            "rows 1–1: only 1 point; at least 10 are needed",
        ),
        (
            lambda: load_csv(_csv(tmp_path, "1,2,1\n# c\n1,2,0\n")),
            DataError,
            "rows 1–3: only 2 points; at least 10 are needed",
        ),
        (
            lambda: load_csv(_csv(tmp_path, "1,2,1\n" * 12)),
            DataError,
            "rows 1–12: every point has label 1; both classes, 0 and 1, are needed",
        ),
    ]
