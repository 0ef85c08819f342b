"""Translatable refusals: every user-facing refusal of the engine is an InputError whose English
template and values rebuild its message, with the messages the command line always printed."""

from __future__ import annotations

import pickle
import string

import numpy as np
import pytest

from engine.datasets import DataError, UnknownDatasetError, load_csv, load_dataset
from engine.errors import InputError, UnknownNameError
from engine.initializers import check_scale, initialize
from engine.presets import apply_preset
from engine.trainer import TrainConfig, check_learning_rate, parse_hidden


def test_input_error_keeps_template_and_params():
    exc = InputError("row {row}: the label is {label}", row=3, label="'2'")
    assert exc.template == "row {row}: the label is {label}"
    assert exc.params == {"row": 3, "label": "'2'"}
    assert str(exc) == "row 3: the label is '2'"
    assert isinstance(exc, ValueError)


def test_unknown_name_error_is_a_key_error_that_reads_plainly():
    exc = UnknownNameError("unknown preset {name}", name="'x'")
    assert isinstance(exc, KeyError) and isinstance(exc, ValueError)
    assert str(exc) == "unknown preset 'x'"  # a plain KeyError would print it quoted
    assert exc.args[0] == "unknown preset 'x'"
    with pytest.raises(KeyError):
        raise exc


def test_errors_survive_pickling():
    for exc in (
        InputError("a {b}", b=1),
        DataError("row {row}: x", row=2),
        UnknownDatasetError("unknown dataset {name}", name="'q'"),
    ):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc)
        assert (back.template, back.params, str(back)) == (exc.template, exc.params, str(exc))


def _csv(tmp_path, text, name="points.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# (callable, exception class, the exact English message it has always had)
def refusals(tmp_path):
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


def test_every_refusal_is_an_input_error_with_its_old_message(tmp_path):
    for call, kind, message in refusals(tmp_path):
        with pytest.raises(InputError) as excinfo:
            call()
        exc = excinfo.value
        assert type(exc) is kind, (message, type(exc))
        assert str(exc) == message
        # The template rebuilds the message, and names exactly the values it is given.
        assert exc.template.format(**exc.params) == str(exc)
        fields = {f for _, f, _, _ in string.Formatter().parse(exc.template) if f}
        assert fields == set(exc.params), exc.template


def test_a_binary_file_is_refused_as_not_text(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(DataError) as excinfo:
        load_csv(path)
    assert str(excinfo.value) == f"{path}: not a text file (it is not UTF-8)"


def test_unknown_names_are_still_caught_as_key_errors_and_value_errors():
    for call in (
        lambda: initialize("nope", [2, 1]),
        lambda: load_dataset("nope"),
        lambda: apply_preset("nope"),
        lambda: TrainConfig(init="nope"),
        lambda: TrainConfig(dataset="nope"),
    ):
        with pytest.raises(KeyError):
            call()
        with pytest.raises(ValueError):
            call()


def test_train_config_normalises_numbers():
    config = TrainConfig(learning_rate=1, seed=7)
    assert type(config.learning_rate) is float and config.learning_rate == 1.0
    seeded = TrainConfig(seed=np.int64(7))
    assert type(seeded.seed) is int and seeded.seed == 7
