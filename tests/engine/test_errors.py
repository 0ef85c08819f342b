"""Translatable refusals: every user-facing refusal of the engine is an InputError whose English
template and values rebuild its message, with the messages the command line always printed."""

from __future__ import annotations

import pickle
import string

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.datasets import DataError, UnknownDatasetError, load_csv, load_dataset
from engine.errors import InputError, UnknownNameError
from engine.initializers import initialize
from engine.presets import apply_preset
from tests.engine.cases import refusals


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
