"""Experiment files: exact round trips (the same numbers, bit for bit) and strict, one-sentence
refusals of anything malformed."""

from __future__ import annotations

import dataclasses
import json
import os
import string

import numpy as np
import pytest

from engine.config import MAX_ITERATIONS, TrainConfig
from engine.datasets import load_csv
from engine.errors import InputError
from engine.experiment import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    Experiment,
    ExperimentError,
    experiment_json,
    load_experiment,
    parse_experiment,
    save_experiment,
)
from engine.trainer import Trainer
from tests.engine.cases import BAD_TEXTS, experiment_with

CONFIGS = [
    TrainConfig(),
    TrainConfig(init="zeros", hidden=(3,), seed=0),
    TrainConfig(
        init="scaled",
        scale=2.0000000000000004,
        learning_rate=0.1 + 0.2,
        hidden=(7, 4, 3),
        seed=2**31 - 1,
        dataset="moons",
        activation="tanh",
        samples=120,
        noise=0.123456789,
    ),
    TrainConfig(init="xavier", activation="leaky_relu", dataset="spiral", noise=0.0),
]


def _points(path, n=40):
    rng = np.random.RandomState(5)
    rows = [f"{x:.6f},{y:.6f},{int(x * y > 0)}" for x, y in rng.uniform(-1, 1, (n, 2))]
    path.write_text("x1,x2,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: f"{c.init}-{c.dataset}")
def test_round_trip_reproduces_the_config(tmp_path, config):
    path = tmp_path / "run.json"
    save_experiment(path, config, target=4321, iteration=17)
    loaded = load_experiment(path)
    assert loaded == Experiment(config, 4321, 17)
    for field in dataclasses.fields(TrainConfig):  # same values and the same types
        a, b = getattr(config, field.name), getattr(loaded.config, field.name)
        assert a == b and type(a) is type(b), field.name


def test_the_file_lists_every_setting(tmp_path):
    path = tmp_path / "run.json"
    save_experiment(path, CONFIGS[2], target=15000)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT == "initscope-experiment"
    assert data["version"] == VERSION == 1
    assert data["target"] == 15000 and data["iteration"] is None
    assert set(data["config"]) == {f.name for f in dataclasses.fields(TrainConfig)}
    assert data["config"]["hidden"] == [7, 4, 3]
    assert data["config"]["learning_rate"] == 0.1 + 0.2
    assert path.read_text(encoding="utf-8") == experiment_json(CONFIGS[2], target=15000)


def test_a_loaded_experiment_trains_bit_for_bit_like_the_saved_one(tmp_path):
    config = CONFIGS[2]
    path = tmp_path / "run.json"
    save_experiment(path, config)
    original, replay = Trainer(config), Trainer(load_experiment(path).config)
    for trainer in (original, replay):
        trainer.step(700, record_every=1)
    assert np.array_equal(original.net.flat, replay.net.flat)
    a, b = original.history.view().arrays(), replay.history.view().arrays()
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert original.test_accuracy() == replay.test_accuracy()


def test_csv_data_sets_keep_their_path(tmp_path):
    points = _points(tmp_path / "points.csv")
    data = load_csv(points)
    config = TrainConfig(dataset=data.name, hidden=(5,))
    path = tmp_path / "sub" / "run.json"
    path.parent.mkdir()
    save_experiment(path, config, target=100)
    loaded = load_experiment(path)
    assert loaded.config.dataset == "csv:" + os.path.abspath(points)
    assert loaded.config == config


def test_a_relative_csv_path_is_relative_to_the_experiment_file(tmp_path, monkeypatch):
    folder = tmp_path / "lesson"
    folder.mkdir()
    points = _points(folder / "points.csv")
    text = experiment_json(TrainConfig(hidden=(4,))).replace('"circles"', '"csv:points.csv"')
    (folder / "run.json").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # not the experiment's folder
    loaded = load_experiment(folder / "run.json")
    assert loaded.config.dataset == "csv:" + str(points)
    Trainer(loaded.config).step(3)  # the points are found


def test_target_and_iteration_may_be_absent_or_null(tmp_path):
    data = json.loads(experiment_json(TrainConfig(), target=5))
    del data["target"], data["iteration"]
    assert parse_experiment(json.dumps(data)) == Experiment(TrainConfig())
    data["target"] = None
    assert parse_experiment(json.dumps(data)).target is None


def test_saving_replaces_a_file_in_one_step_and_leaves_nothing_behind(tmp_path):
    path = tmp_path / "run.json"
    path.write_text("old", encoding="utf-8")
    save_experiment(path, TrainConfig(seed=9))
    assert load_experiment(path).config.seed == 9
    assert sorted(os.listdir(tmp_path)) == ["run.json"]


def test_saving_refuses_what_it_cannot_write(tmp_path):
    with pytest.raises(ExperimentError, match="cannot be written"):
        save_experiment(tmp_path / "missing" / "run.json", TrainConfig())
    with pytest.raises(ExperimentError, match="is a folder"):
        save_experiment(tmp_path, TrainConfig())
    for bad in (-1, 1.5, True, MAX_ITERATIONS + 1):
        with pytest.raises(ExperimentError, match="target"):
            save_experiment(tmp_path / "run.json", TrainConfig(), target=bad)
    with pytest.raises(ExperimentError, match="iteration"):
        save_experiment(tmp_path / "run.json", TrainConfig(), iteration=-3)
    assert not (tmp_path / "run.json").exists()


# -- refusals --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, words", [b[1:] for b in BAD_TEXTS], ids=[b[0] for b in BAD_TEXTS])
def test_malformed_files_are_refused_in_one_sentence(tmp_path, text, words):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExperimentError) as excinfo:
        load_experiment(path)
    exc = excinfo.value
    message = str(exc)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    for word in words:
        assert word in message, (word, message)
    assert isinstance(exc, InputError) and isinstance(exc, ValueError)
    assert exc.template.format(**exc.params) == message
    assert {f for _, f, _, _ in string.Formatter().parse(exc.template) if f} == set(exc.params)


def test_range_refusals_keep_the_config_error_they_wrap(tmp_path):
    with pytest.raises(ExperimentError) as excinfo:
        parse_experiment(experiment_with(["config", "learning_rate"], 50), "x.json")
    exc = excinfo.value
    assert str(exc) == (
        'x.json: setting "learning_rate": the learning rate must be above 0 and at most 10 '
        "(got 50.0)"
    )
    assert isinstance(exc.params["problem"], InputError)
    assert exc.__cause__ is exc.params["problem"]


def test_files_that_are_not_experiments_at_all(tmp_path):
    with pytest.raises(ExperimentError, match="no such file"):
        load_experiment(tmp_path / "nothing.json")
    with pytest.raises(ExperimentError, match="is a folder"):
        load_experiment(tmp_path)
    binary = tmp_path / "picture.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(ExperimentError, match="not a text file"):
        load_experiment(binary)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(ExperimentError, match="far too large"):
        load_experiment(big)


def test_a_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + experiment_json(TrainConfig(seed=4)).encode("utf-8"))
    assert load_experiment(path).config.seed == 4


def test_integers_are_accepted_for_float_settings():
    text = experiment_with(["config", "scale"], 2)
    config = parse_experiment(text).config
    assert config.scale == 2.0 and type(config.scale) is float
