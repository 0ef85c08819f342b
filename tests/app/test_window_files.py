"""The File menu: pictures, the run history as CSV, experiments saved and loaded as JSON."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PyQt6 import QtGui, QtWidgets

from engine.config import TrainConfig
from engine.trainer import Trainer
from tests.app import wait_current_frame


def step_to(qtbot, window, n: int):
    window.controls.step_size.setValue(n)
    window.controls.step.click()
    return wait_current_frame(qtbot, window, lambda f: f.snapshot.iteration == n)


def test_every_file_action_is_in_the_file_menu(window):
    menu = window.findChild(QtWidgets.QMenu, "fileMenu")
    names = {a.objectName() for a in menu.actions()}
    assert {"openExperimentAction", "saveExperimentAction", "exportHistoryAction"} <= names
    pictures = window.findChild(QtWidgets.QMenu, "pictureMenu")
    assert {a.objectName() for a in pictures.actions()} >= {
        "saveWindowPictureAction",
        "saveCostPictureAction",
        "saveBoundaryPictureAction",
        "saveHistogramsPictureAction",
        "saveNetworkPictureAction",
    }


@pytest.mark.parametrize(
    "target", ["cost_plot", "decision_map", "histograms", "network_diagram", "window"]
)
def test_save_a_picture(window, qtbot, tmp_path, target):
    step_to(qtbot, window, 50)
    widget = window if target == "window" else getattr(window, target)
    path = tmp_path / f"{target}.png"
    assert window.files.write_picture(widget, path)
    image = QtGui.QImage(str(path))
    assert not image.isNull()
    if target in ("cost_plot", "decision_map", "histograms", "network_diagram"):
        assert image.width() >= 1920  # slide resolution, not the on-screen size
    else:
        assert image.width() >= widget.width()
    # not a blank picture: the plot or the window has many colours
    pixels = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(pixels) > 2


def test_picture_without_extension_gets_png(window, tmp_path):
    assert window.files.write_picture(window.cost_plot, tmp_path / "slide")
    assert (tmp_path / "slide.png").exists()


def test_picture_to_an_unwritable_place_is_refused_with_a_message(window, tmp_path):
    assert not window.files.write_picture(window.cost_plot, tmp_path / "missing" / "x.png")
    assert len(window.reported_errors) == 1
    window.reported_errors.clear()


def test_history_csv_has_costs_accuracies_and_gradient_norms(window, qtbot, tmp_path):
    frame = step_to(qtbot, window, 250)
    path = tmp_path / "history.csv"
    assert window.files.write_history(path)
    with path.open() as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["iteration", "cost", "train_accuracy", "test_accuracy"]
    assert [h for h in header if h.startswith("grad_norm")] == [
        "grad_norm_layer1",
        "grad_norm_layer2",
        "grad_norm_layer3",
    ]
    assert [int(r[0]) for r in body] == list(range(251))
    # the costs are the window's (and the engine's) to the last digit
    assert float(body[250][1]) == frame.snapshot.cost
    reference = Trainer(TrainConfig())
    reference.step(100)
    assert float(body[100][1]) == reference.cost()
    assert float(body[100][2]) == reference.snapshot(0).train_accuracy
    assert all(body[100][4:]) and not any(body[101][2:])


def test_experiment_round_trip_reproduces_the_run(window, qtbot, tmp_path):
    window.choose_initializer("random")
    window.controls.seed.setValue(7)
    window.controls.target.setValue(1234)
    path = tmp_path / "experiment.json"
    assert window.files.write_experiment(path)
    saved = json.loads(path.read_text())
    assert saved["config"]["init"] == "random" and saved["target"] == 1234

    window.choose_initializer("he")
    window.controls.seed.setValue(3)
    window.controls.target.setValue(15000)
    assert window.files.read_experiment(path)
    assert window.run.config.init == "random" and window.run.config.seed == 7
    assert window.controls.initializer.currentData() == "random"
    assert window.controls.seed.value() == 7
    assert window.controls.target.value() == 1234
    frame = step_to(qtbot, window, 20)
    reference = Trainer(TrainConfig(init="random", seed=7))
    reference.step(20)
    assert frame.snapshot.cost == reference.cost()


BAD_FILES = {
    "not JSON": "{this is not json",
    "a list": "[1, 2, 3]",
    "wrong format": json.dumps({"format": "something-else", "version": 1, "config": {}}),
    "unknown initializer": json.dumps(
        {"format": "initscope-experiment", "version": 1, "config": {"init": "telepathy"}}
    ),
    "wrong type": json.dumps(
        {"format": "initscope-experiment", "version": 1, "config": {"learning_rate": "fast"}}
    ),
    "out of range": json.dumps(
        {"format": "initscope-experiment", "version": 1, "config": {"learning_rate": -1}}
    ),
    "bad hidden": json.dumps(
        {"format": "initscope-experiment", "version": 1, "config": {"hidden": [10, 0]}}
    ),
    "missing csv": json.dumps(
        {
            "format": "initscope-experiment",
            "version": 1,
            "config": {"dataset": "csv:/nowhere/points.csv"},
        }
    ),
    "empty": "",
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_experiment_file_is_refused_and_changes_nothing(window, qtbot, tmp_path, case):
    window.choose_initializer("zeros")
    before = step_to(qtbot, window, 30)
    config = window.run.config
    path = tmp_path / "bad.json"
    path.write_text(BAD_FILES[case])
    assert not window.files.read_experiment(path)
    assert len(window.reported_errors) == 1, window.reported_errors
    message = window.reported_errors.pop()
    assert "bad.json" in message and "unchanged" in message
    assert window.run.config == config
    assert window.controls.initializer.currentData() == "zeros"
    assert window.run.session.latest.snapshot.iteration == before.snapshot.iteration == 30
    assert np.isclose(window.run.session.latest.snapshot.cost, before.snapshot.cost)


def test_a_missing_experiment_file_is_refused(window, tmp_path):
    assert not window.files.read_experiment(tmp_path / "nope.json")
    assert len(window.reported_errors) == 1
    window.reported_errors.clear()
