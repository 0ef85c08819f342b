"""The window's teaching controls: network, data, CSV, presets, lesson and diagnostics."""

from __future__ import annotations

import numpy as np
from PyQt6 import QtWidgets

from engine.presets import PRESETS
from tests.app import wait_current_frame


def _frame_for(qtbot, window, predicate):
    return wait_current_frame(qtbot, window, predicate, timeout=10000)


def test_hidden_layers_valid_text_rebuilds_the_network(qtbot, window):
    edit = window.findChild(QtWidgets.QLineEdit, "hiddenLayersEdit")
    edit.setText("8,4,2")
    edit.editingFinished.emit()
    frame = _frame_for(qtbot, window, lambda f: len(f.snapshot.layers) == 4)
    assert [layer.W.shape for layer in frame.snapshot.layers] == [(8, 2), (4, 8), (2, 4), (1, 2)]
    assert frame.snapshot.iteration == 0


def test_hidden_layers_bad_text_is_refused_and_nothing_changes(qtbot, window):
    edit = window.findChild(QtWidgets.QLineEdit, "hiddenLayersEdit")
    before = window.run.config
    run_id = window.run.session.run_id
    for bad in ("10,x", "", "0", ",".join(["5"] * 13), "600"):
        edit.setText(bad)
        edit.editingFinished.emit()
        assert window.run.config == before
        assert window.run.session.run_id == run_id
        assert edit.text() == "10,5"
        assert "Nothing was changed" in window.statusBar().currentMessage()


def test_activation_combo_lists_all_and_switches(qtbot, window):
    combo = window.findChild(QtWidgets.QComboBox, "activationCombo")
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names == ["relu", "tanh", "sigmoid", "leaky_relu"]
    combo.setCurrentIndex(names.index("tanh"))
    frame = _frame_for(qtbot, window, lambda f: f.config.activation == "tanh")
    assert frame.snapshot.iteration == 0


def test_dataset_combo_changes_the_points(qtbot, window):
    combo = window.findChild(QtWidgets.QComboBox, "datasetCombo")
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names[0] == "circles" and {"moons", "xor", "spiral", "blobs"} <= set(names)
    first = window.run.data.train_X.copy()
    combo.setCurrentIndex(names.index("moons"))
    frame = _frame_for(qtbot, window, lambda f: f.config.dataset == "moons")
    assert window.run.data.name == "moons"
    assert not np.array_equal(window.run.data.train_X, first)
    assert frame.snapshot.iteration == 0


def test_bad_csv_is_refused_and_a_good_one_loads(qtbot, window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0.1,0.2,0\n0.3,oops,1\n")
    data_before, config_before = window.run.data, window.run.config
    assert window.run.load_csv(str(bad)) is False
    assert window.run.data is data_before and window.run.config == config_before
    assert "row 3" in window.statusBar().currentMessage()

    good = tmp_path / "good.csv"
    rng = np.random.RandomState(0)
    rows = [f"{x:.4f},{y:.4f},{int(x * y > 0)}" for x, y in rng.uniform(-1, 1, (40, 2))]
    good.write_text("x1,x2,label\n" + "\n".join(rows) + "\n")
    assert window.run.load_csv(str(good)) is True
    frame = _frame_for(qtbot, window, lambda f: f.config.dataset.startswith("csv:"))
    assert frame.snapshot.n_train + window.run.data.test_Y.shape[1] == 40


def test_preset_sets_everything_in_one_click(qtbot, window):
    preset = PRESETS["deep_tanh_small"]
    window.run.apply_preset(preset.name)
    frame = _frame_for(qtbot, window, lambda f: f.config.init == "small")
    assert frame.config.hidden == preset.hidden
    assert frame.config.activation == preset.activation
    assert frame.config.learning_rate == preset.learning_rate
    assert window.controls.target.value() == preset.iterations
    assert window.controls.hidden.text() == ",".join(map(str, preset.hidden))


def test_lesson_steps_set_up_their_runs(qtbot, window):
    lesson = window.findChild(QtWidgets.QWidget, "lessonPanel")
    assert lesson is not None
    lesson.set_up()  # step 1: zeros
    _frame_for(qtbot, window, lambda f: f.config.init == "zeros")
    lesson.next.click()
    lesson.setup.click()  # step 2: random
    frame = _frame_for(qtbot, window, lambda f: f.config.init == "random")
    assert frame.snapshot.saturated == 300


def test_zeros_diagnostics_show_symmetry(qtbot, window):
    window.choose_initializer("zeros")
    window.panel_tabs.setCurrentWidget(window.gradients_page)
    window.controls.step_size.setValue(50)
    _frame_for(qtbot, window, lambda f: f.config.init == "zeros")
    window.controls.step.click()
    _frame_for(qtbot, window, lambda f: f.snapshot.iteration == 50)
    label = window.findChild(QtWidgets.QLabel, "diagnosticsLabel")
    qtbot.waitUntil(lambda: "L1 1/10" in label.text() and "L2 1/5" in label.text(), timeout=5000)
    plot = window.gradient_plot
    assert len(plot.curves) == 3
