"""Bad input in the window: every text field, spin box, combo, file loader and file writer.

For each bad value a student would try, the test checks how it is refused: the message shown (the
status bar, the comparison's status line, or a dialog recorded in ``window.reported_errors``), that
the configuration, the current run (its id, iteration and cost) and every control's displayed value
are unchanged, and that the window still works: a Step afterwards advances by exactly
``stepSizeSpin``.

Spin boxes keep what was typed on screen while typing; when editing ends (Enter, or focus leaves)
on text that is not a number in range they put back the value in force and say so (the window on
its status bar, the comparison on its status line).  A value set from a script (``setValue``) is
clamped into the range by Qt.  Each bug this file found and that is still open has a strict
``xfail`` test at the end, one test per bug; the tests of the bugs already fixed (B1-B9) assert
the refusal that replaced them.

The cases are the rows of ``docs/bad-input.md`` (``table_rows``); a test checks that the document
lists every one.  Regenerate the rows with ``python -m tests.app.test_bad_input``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

from app.controllers.compare_controller import build_config
from app.frames import RunState
from app.settings import AppSettings
from app.views.style import ERROR_COLOR
from engine.config import MAX_SEED, TrainConfig
from engine.experiment import experiment_json
from tests.app import settle, wait_current_frame, widget
from tests.cli_cases import (
    BAD_CSV,
    BAD_EXPERIMENTS,
    DIGITS_5000,
    DOC,
    GOOD_ROWS,
    HEADER,
    HUGE_INT,
    INITS,
    make_bad_files,
    slug,
)

#: ``stepSizeSpin`` during these tests, so that "exactly stepSizeSpin steps" means something
STEP_SIZE = 3
NAN, INF = float("nan"), float("inf")

# -- driving and observing the window -------------------------------------------------------------


def type_and_enter(qtbot, box: QtWidgets.QWidget, text: str) -> None:
    """Select what ``box`` shows, type ``text`` over it as a person would, and press Enter.

    ``""`` is typed as Backspace.  QTest types ASCII only: other text (full-width digits from a
    Chinese input method, a pasted 5000-digit number) arrives as an input method commits it.
    """
    edit = box.lineEdit() if isinstance(box, QtWidgets.QAbstractSpinBox) else box
    box.setFocus()
    edit.selectAll()
    if not text:
        qtbot.keyClick(edit, QtCore.Qt.Key.Key_Backspace)
    elif text.isascii() and len(text) < 100:
        qtbot.keyClicks(edit, text)
    else:
        event = QtGui.QInputMethodEvent()
        event.setCommitString(text)
        QtWidgets.QApplication.sendEvent(edit, event)
    qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)


def shown(window) -> dict[str, object]:
    """What every value control of the window (both tabs) displays, by objectName."""
    out: dict[str, object] = {}
    for box in window.findChildren(QtWidgets.QAbstractSpinBox):
        out[box.objectName()] = box.text()
    for edit in window.findChildren(QtWidgets.QLineEdit):
        if not isinstance(edit.parent(), (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)):
            out[edit.objectName()] = edit.text()
    for combo in window.findChildren(QtWidgets.QComboBox):
        out[combo.objectName()] = (combo.currentIndex(), combo.currentText())
    for slider in window.findChildren(QtWidgets.QSlider):
        out[slider.objectName()] = slider.value()
    return out


@dataclass(frozen=True)
class Seen:
    """The state a refusal must leave alone."""

    config: TrainConfig
    run_id: int
    iteration: int
    cost: str  # repr: NaN equals NaN
    target: int
    shown: dict

    @classmethod
    def of(cls, window) -> Seen:
        frame = window.run.session.latest
        assert frame is not None and frame.run_id == window.run.session.run_id
        snap = frame.snapshot
        return cls(
            window.run.config,
            window.run.session.run_id,
            snap.iteration,
            repr(snap.cost),
            window.controls.target.value(),
            shown(window),
        )


def message(window) -> str:
    return window.statusBar().currentMessage()


IDLE = (RunState.PAUSED, RunState.FINISHED, RunState.DIVERGED)


def idle(qtbot, window, predicate=lambda f: True):
    """The current run's newest frame once the worker is idle and ``predicate`` holds."""
    return wait_current_frame(qtbot, window, lambda f: f.state in IDLE and predicate(f))


def assert_still_steps(qtbot, window) -> None:
    """A Step advances the current run by exactly ``stepSizeSpin`` steps."""
    n = window.controls.step_size.value()
    start = window.run.session.latest.snapshot.iteration
    window.controls.step.click()
    frame = idle(qtbot, window, lambda f: f.snapshot.iteration >= start + n)
    assert frame.snapshot.iteration == start + n


@pytest.fixture
def win(window, qtbot):
    """The window, paused at iteration 0, stepping ``STEP_SIZE`` steps per click."""
    window.controls.step_size.setValue(STEP_SIZE)
    settle(qtbot, window)
    return window


def refused_here(qtbot, window, before: Seen, case: str) -> None:
    """Nothing changed, and the window still steps."""
    assert Seen.of(window) == before, case
    assert_still_steps(qtbot, window)


# -- the hidden layers --------------------------------------------------------------------------
COMMA = "hidden layers must be sizes separated by commas, like 10,5 (got {!r})"
WHOLE = "hidden layer sizes must be whole numbers, like 10,5 (got {!r})"
UNITS = "each hidden layer needs 1 to 512 units (got {})"

#: typed text → the reason the window gives
HIDDEN_BAD: dict[str, str] = {
    "": COMMA.format(""),
    "   ": COMMA.format("   "),
    "10,,5": COMMA.format("10,,5"),
    "10,5,": COMMA.format("10,5,"),
    ",10": COMMA.format(",10"),
    "10;;5": COMMA.format("10;;5"),
    "10 5": WHOLE.format("10 5"),
    "abc": WHOLE.format("abc"),
    "10.5": WHOLE.format("10.5"),
    "1e2": WHOLE.format("1e2"),
    "1e308": WHOLE.format("1e308"),
    "nan": WHOLE.format("nan"),
    "inf": WHOLE.format("inf"),
    "１０ ５": WHOLE.format("１０ ５"),
    DIGITS_5000: WHOLE.format(DIGITS_5000),
    "0": UNITS.format(0),
    "-5": UNITS.format(-5),
    "600": UNITS.format(600),
    HUGE_INT: UNITS.format(HUGE_INT),
    ",".join(["5"] * 13): "between 1 and 12 hidden layers are allowed (got 13)",
}

#: typed text → the hidden sizes it is read as (not refused)
HIDDEN_LENIENT: dict[str, tuple[int, ...]] = {
    "8;4": (8, 4),
    " 8 , 4 ": (8, 4),
    "８,４": (8, 4),
    "+8": (8,),
    "1_0": (10,),
}


def test_hidden_layers_edit_refuses_bad_text(qtbot, win):
    edit = widget(win, "hiddenLayersEdit", QtWidgets.QLineEdit)
    for text, reason in HIDDEN_BAD.items():
        win.statusBar().clearMessage()
        before = Seen.of(win)
        type_and_enter(qtbot, edit, text)
        assert message(win) == f"“{text}” refused: {reason}. Nothing was changed.", text[:20]
        assert edit.text() == "10,5"
        refused_here(qtbot, win, before, text[:20])
    settle(qtbot, win)  # the labels show the last step: the window kept drawing


def test_hidden_layers_edit_reads_lenient_spellings(qtbot, win):
    edit = widget(win, "hiddenLayersEdit", QtWidgets.QLineEdit)
    for text, hidden in HIDDEN_LENIENT.items():
        run = win.run.session.run_id
        type_and_enter(qtbot, edit, text)
        assert win.run.config.hidden == hidden, text
        assert win.run.session.run_id == run + 1  # new weights, like any change of architecture
        idle(qtbot, win, lambda f: f.snapshot.iteration == 0)
        assert_still_steps(qtbot, win)
        edit.setText("10,5")
        edit.editingFinished.emit()
        idle(qtbot, win, lambda f: f.config.hidden == (10, 5))


# -- spin boxes: typed text -----------------------------------------------------------------------
#: every spin box of the single run: the config field it sets (None: read when used)
SPINS: dict[str, str | None] = {
    "learningRateSpin": "learning_rate",
    "seedSpin": "seed",
    "scaleSpin": "scale",
    "noiseSpin": "noise",
    "samplesSpin": "samples",
    "stepSizeSpin": None,
    "targetIterationsSpin": None,
}
#: every spin box of both tabs: its lowest and highest value as the box writes them (what a
#: refusal names)
SPIN_RANGE: dict[str, tuple[str, str]] = {
    "learningRateSpin": ("0.000001", "10.000000"),
    "seedSpin": ("0", "2147483647"),
    "scaleSpin": ("0.001", "100.000"),
    "noiseSpin": ("0.000", "1.000"),
    "samplesSpin": ("20", "5000"),
    "stepSizeSpin": ("1", "1,000,000"),
    "targetIterationsSpin": ("1", "1,000,000,000"),
    "compareLrSpin": ("0.000001", "10.000000"),
    "compareStepSizeSpin": ("1", "1,000,000"),
    "compareScaleSpin": ("0.0010", "100.0000"),
}


#: the spin boxes with a prefix: what it is (the refusals quote the text without it)
PREFIX = {"compareScaleSpin": "×"}
#: every spin box with decimals: how many it shows
DECIMALS = {
    "learningRateSpin": 6,
    "scaleSpin": 3,
    "noiseSpin": 3,
    "compareLrSpin": 6,
    "compareScaleSpin": 4,
}


def _quoted(name: str, text: str) -> str:
    """``text`` as a refusal of the box ``name`` quotes it: no spaces around it, no prefix."""
    text = text.strip()
    return text.removeprefix(PREFIX[name]).strip() if name in PREFIX else text


def not_a_number(name: str, text: str) -> str:
    """Why the spin box ``name`` refused ``text`` (the window adds “Nothing was changed.”)."""
    low, high = SPIN_RANGE[name]
    return f"“{_quoted(name, text)}” is not a number from {low} to {high}"


def too_fine(name: str, text: str) -> str:
    """Why the spin box ``name`` refused ``text``, a number in range with more decimals than it
    shows (the window adds “Nothing was changed.”)."""
    return f"“{_quoted(name, text)}” has more decimals than this box shows ({DECIMALS[name]})"


#: typed into every spin box, each then Enter: refused, with a message
TYPED_EVERYWHERE = ("", "   ", "abc", "nan", "inf", "-inf", "e", "-", "1e308", "1e999", "0x10")
#: typed into one spin box, each then Enter: refused, with a message (out of range, not a whole
#: number, or a spelling the box does not read: ``1_0`` in any box, ``1e3`` in a whole-number box;
#: full-width ``１０`` and Arabic-Indic ``٣`` are read, and refused here only when out of range)
TYPED_REFUSED: dict[str, tuple[str, ...]] = {
    "learningRateSpin": ("0", "0.000000", "0.0000001", "-1", "10.5", "1e-7", "1_0"),
    "seedSpin": ("-1", "2147483648", "3.5", "1e3", "1_0"),
    "scaleSpin": ("0", "0.0001", "-1", "101", "1_0"),
    "noiseSpin": ("-1", "-0.5", "2", "１０", "٣"),
    "samplesSpin": ("0", "19", "-1", "5001", "1e3", "1_0", "１０", "٣"),
    "stepSizeSpin": ("0", "-1", "1.5", "1e3", "1_0"),
    "targetIterationsSpin": ("0", "-1", "1000000001", "1e4", "1_0"),
}
#: typed into one spin box, then Enter: read as this number and applied, without a message
TYPED_READ: dict[str, tuple[tuple[str, float], ...]] = {
    "learningRateSpin": (
        ("0,05", 0.05),
        ("1e-3", 0.001),
        (" 0.5 ", 0.5),
        ("0.000001", 1e-6),
        ("0.0000010", 1e-6),
        ("10", 10.0),
        ("１０", 10.0),
    ),
    "seedSpin": (("7", 7), ("0", 0), ("2147483647", 2**31 - 1), ("+5", 5), ("１０", 10), ("٣", 3)),
    "scaleSpin": (("0,5", 0.5), ("1e-3", 0.001), ("2.5", 2.5), ("100", 100.0)),
    "noiseSpin": (("0,2", 0.2), ("1e-3", 0.001), ("0", 0.0), ("1", 1.0)),
    "samplesSpin": (("20", 20), ("5000", 5000), ("1,000", 1000), ("１００", 100)),
    "stepSizeSpin": (("7", 7), ("1,000", 1000), ("１０", 10)),
    "targetIterationsSpin": (
        ("20000", 20000),
        ("1,000", 1000),
        ("25,000", 25000),
        ("1,000,000", 1_000_000),
        ("１０", 10),
    ),
}


def _in_force(window, name: str):
    """The value the window uses for the control ``name``."""
    field = SPINS.get(name)
    if field is not None:
        return getattr(window.run.config, field)
    if name == "targetIterationsSpin":
        return window.run.session.latest.target
    if name == "speedSlider":
        return window.controls.speed_label.text()
    return window.controls.step_size.value()


def _restore(qtbot, window, box, value) -> None:
    """Put ``value`` back in ``box`` (applied as any change is) and wait for the idle worker."""
    box.setValue(value)
    idle(qtbot, window, lambda f: f.config == window.run.config)


def test_a_spin_box_refuses_bad_text_and_says_why(qtbot, win):
    """B1 (fixed): Qt's validator dropped refused keys without a word, and Enter applied what was
    left; now the text stays, and when editing ends it is refused with a message."""
    win.choose_initializer("scaled")  # scaleSpin is shown (and used) with "scaled" only
    idle(qtbot, win, lambda f: f.config == win.run.config)
    for name in SPINS:
        box = widget(win, name, QtWidgets.QAbstractSpinBox)
        for text in (*TYPED_EVERYWHERE, *TYPED_REFUSED[name]):
            win.statusBar().clearMessage()
            before, value = Seen.of(win), box.value()
            type_and_enter(qtbot, box, text)
            assert message(win) == f"{not_a_number(name, text)}. Nothing was changed.", (
                name,
                text,
            )
            assert box.value() == value, (name, text)
            refused_here(qtbot, win, before, f"{name}: {text!r}")  # the box shows it again too
    settle(qtbot, win)


def test_a_spin_box_refuses_bad_text_when_focus_leaves_too(qtbot, win):
    box = widget(win, "learningRateSpin", QtWidgets.QDoubleSpinBox)
    before = Seen.of(win)
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "0,0,1")
    assert box.text() == "0,0,1"  # what was typed stays visible while typing
    win.statusBar().clearMessage()
    widget(win, "hiddenLayersEdit").setFocus()  # Tab, or a click elsewhere
    qtbot.waitUntil(lambda: message(win) != "")
    assert message(win) == f"{not_a_number('learningRateSpin', '0,0,1')}. Nothing was changed."
    refused_here(qtbot, win, before, "focus out")


def test_a_spin_box_reads_a_number_typed_in_any_usual_way(qtbot, win):
    """B1 (fixed): '0,05' in the learning rate became 5 and '1e-3' became 1; a decimal comma and
    scientific notation are read now (by the boxes with decimals)."""
    win.choose_initializer("scaled")
    idle(qtbot, win, lambda f: f.config == win.run.config)
    for name in SPINS:
        box = widget(win, name, QtWidgets.QAbstractSpinBox)
        start = box.value()
        for text, number in TYPED_READ[name]:
            win.statusBar().clearMessage()
            type_and_enter(qtbot, box, text)
            assert box.value() == number, (name, text)
            if name == "targetIterationsSpin":
                wait_current_frame(qtbot, win, lambda f, n=number: f.target == n)
            else:
                idle(qtbot, win, lambda f: f.config == win.run.config)
            assert _in_force(win, name) == number, (name, text)
            assert message(win) == "", (name, text)
            _restore(qtbot, win, box, start)
    assert_still_steps(qtbot, win)


# -- spin boxes and the slider: values set from a script -------------------------------------------
#: objectName → (start value, [(value set, value it becomes, or OverflowError)])
SET_VALUES: dict[str, tuple[float, list[tuple[object, object]]]] = {
    "learningRateSpin": (
        0.01,
        [
            (-1.0, 1e-06),
            (0.0, 1e-06),
            (1e-9, 1e-06),
            (1e308, 10.0),
            (INF, 10.0),
            (-INF, 1e-06),
            (NAN, 10.0),
        ],
    ),
    "scaleSpin": (1.0, [(0.0, 0.001), (-1.0, 0.001), (1e308, 100.0), (NAN, 100.0)]),
    "noiseSpin": (0.05, [(-1.0, 0.0), (2.0, 1.0), (1e308, 1.0), (NAN, 1.0)]),
    "seedSpin": (3, [(-1, 0), (2**31 - 1, 2**31 - 1), (10**20, OverflowError)]),
    "samplesSpin": (300, [(0, 20), (-5, 20), (10**6, 5000), (10**20, OverflowError)]),
    "stepSizeSpin": (STEP_SIZE, [(0, 1), (-1, 1), (10**9, 1_000_000), (10**20, OverflowError)]),
    "targetIterationsSpin": (
        15000,
        [(0, 1), (-1, 1), (2**31 - 1, 1_000_000_000), (10**20, OverflowError)],
    ),
    "speedSlider": (10, [(-5, 0), (99, 10)]),
}


def test_a_value_set_out_of_range_is_clamped_into_it(qtbot, win):
    win.choose_initializer("scaled")
    for name, (start, cases) in SET_VALUES.items():
        control = widget(win, name)
        for value, becomes in cases:
            control.setValue(start)
            idle(qtbot, win, lambda f: f.config == win.run.config)
            before = Seen.of(win)
            if becomes is OverflowError:  # PyQt refuses it before Qt sees it
                with pytest.raises(OverflowError):
                    control.setValue(value)
                refused_here(qtbot, win, before, f"{name}: {value!r}")
                continue
            control.setValue(value)
            assert control.value() == becomes, (name, value)
            if name == "targetIterationsSpin":
                wait_current_frame(qtbot, win, lambda f, b=becomes: f.target == b)
            elif name == "speedSlider":
                assert _in_force(win, name) == ("flat out" if becomes == 10 else "1 step / frame")
            else:
                assert _in_force(win, name) == becomes, (name, value)
        control.setValue(start)
        idle(qtbot, win, lambda f: f.config == win.run.config)
        assert_still_steps(qtbot, win)


# -- combos ---------------------------------------------------------------------------------------
COMBOS = ("initializerCombo", "activationCombo", "datasetCombo", "compareInitCombo")
#: every value control of the window (both tabs) has bad values tried here
COVERED = {
    "hiddenLayersEdit",
    *SPINS,
    "speedSlider",
    *COMBOS,
    "compareHiddenEdit",
    "compareLrSpin",
    "compareScaleSpin",
    "compareStepSizeSpin",
    # the timelines: a slider's every value is an iteration already trained (none to refuse)
    "timelineSlider",
    "compareTimelineSlider",
}
#: indexes a script can set that choose no item: -1, and one past the end (Qt makes it -1)
NO_ITEM = (-1, 99)


def test_combos_offer_only_their_items(qtbot, win):
    for name in COMBOS:
        assert not widget(win, name, QtWidgets.QComboBox).isEditable(), name
    names = set(shown(win))  # every value control of the window, both tabs
    assert names <= COVERED, f"inputs with no bad values tried: {sorted(names - COVERED)}"
    assert set(SPIN_RANGE) == {
        box.objectName() for box in win.findChildren(QtWidgets.QAbstractSpinBox)
    }


def test_a_combo_at_no_item_puts_back_what_stands(qtbot, win):
    """B4 (fixed): a script's setCurrentIndex(-1) raised in the initializer's and the data set's
    slots; now each of the single run's combos shows its configured item again, silently."""
    for name in ("initializerCombo", "activationCombo", "datasetCombo"):
        combo = widget(win, name, QtWidgets.QComboBox)
        for index in NO_ITEM:
            win.statusBar().clearMessage()
            before = Seen.of(win)
            with qtbot.captureExceptions() as raised:
                combo.setCurrentIndex(index)
            assert not raised, f"{name} {index}: {raised[0][1]!r}"
            assert combo.currentIndex() >= 0, (name, index)
            assert message(win) == "", (name, index)
            assert Seen.of(win) == before, (name, index)  # the combo shows what stands
    assert_still_steps(qtbot, win)


# -- files read ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bad_files(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad-files")
    make_bad_files(root / "csv", BAD_CSV)
    make_bad_files(root / "experiment", BAD_EXPERIMENTS)
    return root


def test_a_bad_csv_file_is_refused_and_huge_coordinates_diverge(qtbot, win, bad_files):
    for name, (_content, reason) in BAD_CSV.items():
        path = str(bad_files / "csv" / slug(name))
        win.statusBar().clearMessage()
        before, data = Seen.of(win), win.run.data
        assert win.run.load_csv(path) is False, name
        assert message(win) == f"{path}: {reason.replace('{file}', path)}. Nothing was changed."
        assert win.run.data is data
        refused_here(qtbot, win, before, name)
    settle(qtbot, win)  # the labels show the last step: the window kept drawing

    # 1e308 is a finite number: the file is read, and the first step says the run diverged
    path = bad_files / "huge.csv"
    path.write_text(HEADER + GOOD_ROWS + "1e308,1e308,1\n", encoding="utf-8")
    assert win.run.load_csv(str(path)) is True
    idle(qtbot, win, lambda f: f.config.dataset.endswith("huge.csv"))
    win.controls.step.click()
    frame = idle(qtbot, win, lambda f: f.state is RunState.DIVERGED)
    assert frame.snapshot.diverged_at == 0
    qtbot.waitUntil(lambda: win.status.state.text() == DIVERGED)


def test_a_bad_experiment_file_is_refused(qtbot, win, bad_files):
    win.choose_initializer("zeros")
    idle(qtbot, win, lambda f: f.config.init == "zeros")
    assert_still_steps(qtbot, win)
    for name, (_content, reason) in BAD_EXPERIMENTS.items():
        path = bad_files / "experiment" / slug(name)
        before = Seen.of(win)
        assert win.files.read_experiment(path) is False, name
        assert win.reported_errors == [
            f"{path.name} was not loaded: {reason.replace('{file}', str(path))}\n\n"
            "The current experiment is unchanged."
        ], name
        win.reported_errors.clear()
        refused_here(qtbot, win, before, name)


def test_a_loaded_csv_file_says_how_many_points(qtbot, win, tmp_path):
    """B5 (fixed): the status bar said “None points”; it counts the training and test points."""
    path = tmp_path / "good.csv"
    path.write_text(HEADER + GOOD_ROWS + "".join(GOOD_ROWS.splitlines(True)[:13]), "utf-8")
    assert win.run.load_csv(str(path)) is True
    assert message(win) == "Loaded good.csv: 33 points"
    assert win.run.data.train_X.shape[1] + win.run.data.test_X.shape[1] == 33
    idle(qtbot, win, lambda f: f.config.dataset.endswith("good.csv"))
    assert_still_steps(qtbot, win)


#: B3 (fixed). an experiment holding a value the window's control cannot show exactly: (the case,
#: config changes, the target, why the window refuses it)
UNSHOWABLE = [
    (
        "learning rate 1e-7",
        {"learning_rate": 1e-7},
        15000,
        "a learning rate of 1e-07: it takes 0.000001 to 10.000000",
    ),
    (
        "learning rate 1.5e-6",
        {"learning_rate": 1.5e-6},
        15000,
        "a learning rate of 1.5e-06: it shows 6 decimals",
    ),
    (
        "scale 0.0001",
        {"init": "scaled", "scale": 1e-4},
        15000,
        "a scale of 0.0001: it takes 0.001 to 100.000",
    ),
    (
        "scale 0.0015",
        {"init": "scaled", "scale": 0.0015},
        15000,
        "a scale of 0.0015: it shows 3 decimals",
    ),
    (
        "initializer he, scale 0.0001 (unused now, used once scaled is chosen: B10)",
        {"init": "he", "scale": 1e-4},
        15000,
        "a scale of 0.0001: it takes 0.001 to 100.000",
    ),
    ("noise 0.0005", {"noise": 0.0005}, 15000, "a noise of 0.0005: it shows 3 decimals"),
    ("target 0", {}, 0, "a stop-at iteration of 0: it takes 1 to 1,000,000,000"),
]
#: an experiment at the edge of what the controls show: (the case, config changes, the target,
#: the control, the value it must show and the window use)
SHOWABLE = [
    ("learning rate 1e-6", {"learning_rate": 1e-6}, 15000, "learningRateSpin", 1e-6),
    ("learning rate 10", {"learning_rate": 10.0}, 15000, "learningRateSpin", 10.0),
    ("learning rate 0.123456", {"learning_rate": 0.123456}, 15000, "learningRateSpin", 0.123456),
    ("scale 0.001", {"init": "scaled", "scale": 0.001}, 15000, "scaleSpin", 0.001),
    ("scale 100", {"init": "scaled", "scale": 100.0}, 15000, "scaleSpin", 100.0),
    ("noise 0", {"noise": 0.0}, 15000, "noiseSpin", 0.0),
    ("noise 1", {"noise": 1.0}, 15000, "noiseSpin", 1.0),
    ("seed 2147483647 (the largest)", {"seed": 2**31 - 1}, 15000, "seedSpin", 2**31 - 1),
    ("samples 20", {"samples": 20}, 15000, "samplesSpin", 20),
    ("samples 5000", {"samples": 5000}, 15000, "samplesSpin", 5000),
    ("target 1", {}, 1, "targetIterationsSpin", 1),
    ("target 1000000000", {}, 10**9, "targetIterationsSpin", 10**9),
]
#: an experiment the window loads although a box cannot show a value exactly: (the case, config
#: changes, the control, what it shows, the value that runs, why it is loaded)
LOADED_ANYWAY = [
    (
        "learning rate 0.1 + 0.2 (0.30000000000000004)",
        {"learning_rate": 0.1 + 0.2},
        "learningRateSpin",
        "0.300000",
        0.1 + 0.2,
        "float noise, 5.5e-17 from what is shown",
    ),
]


def test_an_experiment_the_controls_cannot_show_is_refused(qtbot, win, tmp_path):
    """B3 (fixed): such a file was loaded and the box showed another number."""
    for case, changes, target, reason in UNSHOWABLE:
        path = tmp_path / f"{slug(case)}.json"
        path.write_text(experiment_json(TrainConfig(**changes), target=target), "utf-8")
        before = Seen.of(win)
        assert win.files.read_experiment(path) is False, case
        assert win.reported_errors == [
            f"{path.name} was not loaded: the window cannot show {reason}\n\n"
            "The current experiment is unchanged."
        ], case
        win.reported_errors.clear()
        refused_here(qtbot, win, before, case)


def test_an_experiment_at_the_edge_of_the_controls_is_shown_exactly(qtbot, win, tmp_path):
    for case, changes, target, name, value in SHOWABLE:
        path = tmp_path / f"{slug(case)}.json"
        path.write_text(experiment_json(TrainConfig(**changes), target=target), "utf-8")
        assert win.files.read_experiment(path) is True, case
        idle(qtbot, win, lambda f, t=target: f.config == win.run.config and f.target == t)
        assert widget(win, name, QtWidgets.QAbstractSpinBox).value() == value, case
        assert _in_force(win, name) == value, case
    assert_still_steps(qtbot, win)


def test_an_experiment_is_loaded_if_only_float_noise_or_an_unused_scale_is_not_shown(
    qtbot, win, tmp_path
):
    for case, changes, name, shows, runs, _why in LOADED_ANYWAY:
        path = tmp_path / f"{slug(case)}.json"
        path.write_text(experiment_json(TrainConfig(**changes), target=15000), "utf-8")
        assert win.files.read_experiment(path) is True, case
        idle(qtbot, win, lambda f: f.config == win.run.config)
        assert widget(win, name, QtWidgets.QAbstractSpinBox).text() == shows, case
        assert _in_force(win, name) == runs, case
        assert_still_steps(qtbot, win)


def _open_window(qtbot, store: QtCore.QSettings):
    from app.main_window import MainWindow

    w = MainWindow(settings=store)
    qtbot.addWidget(w, before_close_func=lambda widget: widget.run.shutdown())
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.run.session.latest is not None and w.redraws > 0, timeout=5000)
    return w


def _remembered(tmp_path, **fields) -> QtCore.QSettings:
    """A settings file holding the configuration of the last session, with ``fields`` changed
    as an older InitScope (or one with a bug) may have saved them."""
    store = QtCore.QSettings(str(tmp_path / "initscope.ini"), QtCore.QSettings.Format.IniFormat)
    AppSettings(store).set_config(TrainConfig())
    saved = json.loads(store.value("run/config"))  # an experiment file's text
    saved["config"].update(fields)
    store.setValue("run/config", json.dumps(saved))
    store.sync()
    return store


def test_a_remembered_seed_the_box_cannot_hold_starts_the_default(qtbot, tmp_path):
    """B2 (fixed): one seed range everywhere.  A seed from 2**31 to 2**32 - 1 was allowed by the
    engine, not by the seed box: opening such an experiment raised OverflowError half-way and
    saved the seed in the settings, so that every later start raised it again."""
    assert MAX_SEED == 2**31 - 1
    w = _open_window(qtbot, _remembered(tmp_path, seed=3_000_000_000))
    assert widget(w, "seedSpin", QtWidgets.QSpinBox).maximum() == MAX_SEED
    assert w.run.config == TrainConfig()  # the remembered configuration is not valid any more
    w.close()


# -- files written ------------------------------------------------------------------------------
#: (the action, the path under a folder holding a folder "folder.png" and a file "file.txt", the
#: dialog's message; ``{path}`` is the path)
WRITES: list[tuple[str, str, str]] = [
    ("write_picture", "missing/cost.png", "The picture could not be written to {path}"),
    ("write_picture", "folder.png", "The picture could not be written to {path}"),
    ("write_picture", "file.txt/cost.png", "The picture could not be written to {path}"),
    (
        "write_history",
        "missing/history.csv",
        "{path} could not be written: No such file or directory",
    ),
    ("write_history", "folder.png", "{path} could not be written: Is a directory"),
    ("write_history", "file.txt/history.csv", "{path} could not be written: Not a directory"),
    ("write_experiment", "folder.png", "{path}: is a folder, not a file"),
    (
        "write_experiment",
        "missing/experiment.json",
        "{path}: cannot be written (No such file or directory)",
    ),
]


def test_writing_to_a_place_that_cannot_be_written_is_refused(qtbot, win, tmp_path):
    (tmp_path / "folder.png").mkdir()
    (tmp_path / "file.txt").write_text("x")
    assert_still_steps(qtbot, win)
    for action, where, text in WRITES:
        path = tmp_path / where
        before = Seen.of(win)
        args = (win.cost_plot, path) if action == "write_picture" else (path,)
        assert getattr(win.files, action)(*args) is False, where
        assert win.reported_errors == [text.replace("{path}", str(path))], where
        win.reported_errors.clear()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "folder.png"]
        assert list((tmp_path / "folder.png").iterdir()) == []
        refused_here(qtbot, win, before, where)


# -- the comparison -------------------------------------------------------------------------------
COMPARE_HIDDEN_BAD = ("", "10 5", "10,,5", "abc", "0", "600", ",".join(["5"] * 13))
COMPARE_SPINS = ("compareLrSpin", "compareStepSizeSpin", "compareScaleSpin")
#: typed into each of the comparison's spin boxes, each then Enter: refused on its status line
COMPARE_TYPED = ("", "abc", "nan", "-", "0", "-1", "1e308")
#: typed into one of them, then Enter: read as this number (compareScaleSpin: see B8's test)
COMPARE_READ: dict[str, tuple[tuple[str, float], ...]] = {
    "compareLrSpin": (("0,05", 0.05), ("1e-3", 0.001), ("10", 10.0)),
    "compareStepSizeSpin": (("7", 7), ("1,000", 1000)),
}
#: (the spin box, the value set from a script, the value it becomes)
COMPARE_SET = [
    ("compareLrSpin", -1.0, 1e-06),
    ("compareLrSpin", NAN, 10.0),
    ("compareScaleSpin", 0.0, 0.001),
    ("compareStepSizeSpin", 0, 1),
]
AT_MOST = "at most 6 configurations at once: remove one first"
NO_INIT = f"unknown initializer ''; choose from {INITS}"


def _compare(qtbot, window):
    window.mode_tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    _drawn(qtbot, view, lambda f: True)
    return view


def _session(view):
    """The comparison's session, from the window's controller of ``view``."""
    return view.window().compare.session


def _drawn(qtbot, view, predicate, timeout: int = 5000):
    def ok() -> bool:
        session = _session(view)
        frame = session.latest if session is not None else None
        return frame is not None and frame is view.drawn and predicate(frame)

    qtbot.waitUntil(ok, timeout=timeout)
    return _session(view).latest


def _compare_seen(view) -> tuple:
    frame = _session(view).latest
    rows = tuple((r.key, r.iteration, repr(r.cost)) for r in frame.rows) if frame else ()
    boxes = (view.lr_spin.text(), view.step_size.text(), view.hidden_edit.text())
    return tuple(_session(view).keys), rows, boxes


def _compare_steps(qtbot, view) -> None:
    n, start = view.step_size.value(), _session(view).latest.iteration
    view.step_button.click()
    frame = _drawn(qtbot, view, lambda f: f.iteration >= start + n and f.state is RunState.PAUSED)
    assert frame.iteration == start + n
    assert all(row.iteration == start + n for row in frame.rows)


def test_the_comparison_refuses_bad_input(qtbot, win):
    view = _compare(qtbot, win)
    view.step_size.setValue(STEP_SIZE)
    hidden = widget(win, "compareHiddenEdit", QtWidgets.QLineEdit)
    for text in COMPARE_HIDDEN_BAD:  # Enter in the edit is Add
        before = _compare_seen(view)
        type_and_enter(qtbot, hidden, text)
        assert view.status.text() == f"“{text}” refused: {HIDDEN_BAD[text]}", text
        hidden.setText("10,5")
        assert _compare_seen(view) == before, text
    view.init_combo.setCurrentIndex(view.init_combo.findData("scaled"))
    for name in COMPARE_SPINS:
        box = widget(win, name, QtWidgets.QAbstractSpinBox)
        for text in COMPARE_TYPED:
            before, value = _compare_seen(view), box.value()
            type_and_enter(qtbot, box, text)
            assert box.value() == value, (name, text)
            assert _compare_seen(view) == before, (name, text)
            assert view.status.styleSheet() == f"color: {ERROR_COLOR};", (name, text)
            # compareScaleSpin quotes the text without its prefix “×” (B8, fixed)
            assert view.status.text() == not_a_number(name, text), (name, text)
    view.hidden_edit.setFocus()
    for name, cases in COMPARE_READ.items():
        box = widget(win, name, QtWidgets.QAbstractSpinBox)
        start = box.value()
        for text, number in cases:
            status = view.status.text()
            type_and_enter(qtbot, box, text)
            assert box.value() == number, (name, text)
            assert view.status.text() == status, (name, text)  # nothing refused
        box.setValue(start)
    view.init_combo.setCurrentIndex(view.init_combo.findData("he"))
    for name, value, becomes in COMPARE_SET:
        box = widget(win, name, QtWidgets.QAbstractSpinBox)
        start = box.value()
        box.setValue(value)
        assert box.value() == becomes, (name, value)
        box.setValue(start)
    # an initializer that is none of the list (a script's setCurrentIndex(-1))
    before = _compare_seen(view)
    view.init_combo.setCurrentIndex(-1)
    assert view.add_from_controls() is None
    assert view.status.text() == f"“10,5” refused: {NO_INIT}"
    assert _compare_seen(view) == before
    view.init_combo.setCurrentIndex(view.init_combo.findData("he"))
    _compare_steps(qtbot, view)

    # a seventh configuration
    for _ in range(3):
        view.add_button.click()
    _drawn(qtbot, view, lambda f: len(f.rows) == 6 and f.state is RunState.PAUSED)
    assert not view.add_button.isEnabled()
    before = _compare_seen(view)
    assert view.add_from_controls() is None
    assert view.status.text() == AT_MOST
    assert _compare_seen(view) == before
    _compare_steps(qtbot, view)

    # Remove with no row selected removes the last row; with no rows it is disabled
    keys = list(_session(view).keys)
    view.table.clearSelection()
    view.remove_button.click()
    _drawn(qtbot, view, lambda f: len(f.rows) == 5)
    assert _session(view).keys == keys[:-1]
    for n in range(4, -1, -1):
        view.remove_button.click()
        _drawn(qtbot, view, lambda f, n=n: len(f.rows) == n)
    assert not view.remove_button.isEnabled()
    view.remove_selected()  # asked anyway (a script): nothing to remove, nothing happens
    assert win.compare.remove() is False
    assert _session(view).keys == []
    view.add_button.click()
    _drawn(qtbot, view, lambda f: len(f.rows) == 1)
    _compare_steps(qtbot, view)
    assert win.reported_errors == []


# -- bugs B6-B9 (fixed): each had a strict xfail test, one test per bug ---------------------------
#: B6 (fixed). typed into a whole-number spin box, then Enter: a comma or a space that is not a
#: thousands separator (each was read as one: "10 5" and "10,5" became 105, "0,05" became 5)
GROUPED: dict[str, tuple[str, ...]] = {
    "seedSpin": ("10 5", "10,5", "0,05", "1,00", "12,34,5", "1,0000"),
    "samplesSpin": ("10 5", "10,5", "1,00"),
    "stepSizeSpin": ("10 5", "10,5", "0,5"),
    "targetIterationsSpin": ("10 5", "10,5", "0,05", "12,34,5", "15,00"),
    "compareStepSizeSpin": ("10 5", "10,5", "0,5"),
}


def test_an_integer_spin_box_refuses_a_badly_grouped_number(qtbot, win):
    """B6 (fixed): a whole-number box read a comma or a space anywhere as a thousands separator;
    now it takes commas only between groups of three (``15,000``) and refuses the rest."""
    for name, texts in GROUPED.items():
        view = _compare(qtbot, win) if name.startswith("compare") else None
        box = widget(win, name, QtWidgets.QSpinBox)
        for text in texts:
            win.statusBar().clearMessage()
            value = box.value()
            if view is None:
                before = Seen.of(win)
                type_and_enter(qtbot, box, text)
                assert message(win) == f"{not_a_number(name, text)}. Nothing was changed.", text
                assert box.value() == value, (name, text)
                refused_here(qtbot, win, before, f"{name}: {text!r}")
            else:
                before = _compare_seen(view)
                type_and_enter(qtbot, box, text)
                assert view.status.text() == not_a_number(name, text), text
                assert view.status.styleSheet() == f"color: {ERROR_COLOR};", text
                assert box.value() == value, (name, text)
                assert _compare_seen(view) == before, (name, text)
                _compare_steps(qtbot, view)


#: B7 (fixed). typed into a spin box with decimals, then Enter: a number in range with more
#: decimals than the box shows (each was applied: "0.0000015" ran as 1.5e-06 while
#: learningRateSpin showed 0.000002)
TOO_FINE: dict[str, tuple[str, ...]] = {
    "learningRateSpin": ("0.0000015", "1.5e-6", "0,0000015"),
    "scaleSpin": ("0.0015",),
    "noiseSpin": ("0.0005", "0.0001"),
    "compareLrSpin": ("0.0000015",),
    "compareScaleSpin": ("0.00155", "×0.00155"),
}


def test_a_number_finer_than_the_box_shows_is_refused(qtbot, win):
    """B7 (fixed): such a number was applied while the box showed it rounded; now it is refused
    (what runs is what the box shows), naming how many decimals the box shows."""
    win.choose_initializer("scaled")
    idle(qtbot, win, lambda f: f.config == win.run.config)
    for name, texts in TOO_FINE.items():
        view = None
        if name.startswith("compare"):
            view = _compare(qtbot, win)
            view.init_combo.setCurrentIndex(view.init_combo.findData("scaled"))
        box = widget(win, name, QtWidgets.QDoubleSpinBox)
        assert box.decimals() == DECIMALS[name]
        for text in texts:
            win.statusBar().clearMessage()
            value = box.value()
            if view is None:
                before = Seen.of(win)
                type_and_enter(qtbot, box, text)
                assert message(win) == f"{too_fine(name, text)}. Nothing was changed.", text
                assert box.value() == value, (name, text)
                refused_here(qtbot, win, before, f"{name}: {text!r}")
            else:
                before = _compare_seen(view)
                type_and_enter(qtbot, box, text)
                assert view.status.text() == too_fine(name, text), text
                assert view.status.styleSheet() == f"color: {ERROR_COLOR};", text
                assert box.value() == value, (name, text)
                assert _compare_seen(view) == before, (name, text)
                _compare_steps(qtbot, view)


#: B8 (fixed). typed into compareScaleSpin, then Enter: the number it is read as (the prefix × may
#: be typed or not)
COMPARE_SCALE_READ = (("3", 3.0), ("0,5", 0.5), ("×2,5", 2.5), ("1e-3", 0.001), (" 4 ", 4.0))
#: B8 (fixed). typed into compareScaleSpin, then Enter: refused, quoted without the prefix
COMPARE_SCALE_REFUSED = ("abc", "×abc", "×0")


def test_the_comparison_scale_box_reads_a_typed_number(qtbot, win):
    """B8 (fixed): compareScaleSpin (prefix ×) refused every number typed into it, and its own
    value when focus passed through it; now the prefix is stripped before reading."""
    view = _compare(qtbot, win)
    view.init_combo.setCurrentIndex(view.init_combo.findData("scaled"))
    box = widget(win, "compareScaleSpin", QtWidgets.QDoubleSpinBox)
    assert box.prefix() == PREFIX["compareScaleSpin"]
    view.hidden_edit.setFocus()
    view.status.clear()
    # focus passes through the box (Tab), nothing typed
    box.setFocus()
    qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Tab)
    assert view.status.text() == ""
    assert box.value() == 1.0
    # the Up arrow, then Enter, then focus leaves
    box.setFocus()
    qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Up)
    qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Return)
    view.hidden_edit.setFocus()
    assert box.value() == 2.0
    assert view.status.text() == ""
    for text, number in COMPARE_SCALE_READ:
        type_and_enter(qtbot, box, text)
        assert box.value() == number, text
        assert box.text() == f"×{number:.4f}", text
        assert view.status.text() == "", text
        added = build_config(
            view.init_combo.currentData(),
            view.lr_spin.value(),
            view.hidden_edit.text(),
            view.scale_spin.value(),
        )
        assert added.scale == number, text  # what the next Add uses
    for text in COMPARE_SCALE_REFUSED:
        before = _compare_seen(view)
        type_and_enter(qtbot, box, text)
        assert view.status.text() == not_a_number("compareScaleSpin", text), text
        assert box.value() == 4.0, text
        assert _compare_seen(view) == before, text
    _compare_steps(qtbot, view)


#: B9 (fixed). the configuration remembered from the last session, with these fields changed:
#: (the case, the fields, whether it is used; if not, the window starts with the default)
REMEMBERED = [
    ("learning rate 1.5e-06 (typed before B7 was fixed)", {"learning_rate": 1.5e-6}, False),
    ("learning rate 1e-07 (an older InitScope opened a B3 file)", {"learning_rate": 1e-7}, False),
    ("noise 0.0005", {"noise": 0.0005}, False),
    ("initializer scaled, scale 0.0015", {"init": "scaled", "scale": 0.0015}, False),
    ("learning rate 0.5", {"learning_rate": 0.5}, True),
    ("learning rate 0.1 + 0.2 (0.30000000000000004)", {"learning_rate": 0.1 + 0.2}, True),
]


@pytest.mark.parametrize(("case", "fields", "used"), REMEMBERED, ids=[r[0] for r in REMEMBERED])
def test_a_remembered_configuration_is_shown_exactly_or_not_used(
    qtbot, tmp_path, case, fields, used
):
    """B9 (fixed): the remembered configuration was not checked against the controls, so a
    learning rate of 1.5e-06 ran while learningRateSpin showed 0.000002; now one the controls
    cannot show is not used, and the window starts with the default configuration."""
    w = _open_window(qtbot, _remembered(tmp_path, **fields))
    assert w.run.config == (TrainConfig(**fields) if used else TrainConfig()), case
    box = widget(w, "learningRateSpin", QtWidgets.QDoubleSpinBox)
    assert float(box.text()) == pytest.approx(w.run.config.learning_rate, rel=1e-15, abs=0), case
    assert w.controls.scale.value() == w.run.config.scale, case
    assert_still_steps(qtbot, w)
    w.close()


# -- bugs B10-B11 (fixed): an unused scale is checked too; the locale's thousands separator ------
def test_an_unused_scale_is_shown_exactly_once_it_is_used(qtbot, win, tmp_path):
    problems = []
    path = tmp_path / "unused-scale.json"
    path.write_text(experiment_json(TrainConfig(init="he", scale=1e-4), target=15000), "utf-8")
    windows = {"experiment": win}
    if not win.files.read_experiment(path):  # refusing the file is a fix too
        win.reported_errors.clear()
        del windows["experiment"]
    windows["remembered"] = _open_window(qtbot, _remembered(tmp_path, init="he", scale=1e-4))
    for how, w in windows.items():
        w.choose_initializer("scaled")
        idle(qtbot, w, lambda f, w=w: f.config == w.run.config and f.config.init == "scaled")
        if w.run.config.scale != w.controls.scale.value():
            problems.append(
                f"{how}: scale {w.run.config.scale!r} runs while scaleSpin shows "
                f"{w.controls.scale.text()}"
            )
    windows["remembered"].close()
    assert not problems, "\n".join(problems)


#: B11. a system locale whose thousands separator is not a comma: (the whole-number box with the
#: separator shown, a value the locale groups)
GROUPED_BY_LOCALE = (("stepSizeSpin", 1000), ("targetIterationsSpin", 15000))


def test_a_whole_number_box_reads_its_own_value_in_a_german_locale(qtbot, tmp_path):
    default = QtCore.QLocale()
    QtCore.QLocale.setDefault(
        QtCore.QLocale(QtCore.QLocale.Language.German, QtCore.QLocale.Country.Germany)
    )
    try:
        store = QtCore.QSettings(str(tmp_path / "initscope.ini"), QtCore.QSettings.Format.IniFormat)
        w = _open_window(qtbot, store)
        problems = []
        for name, value in GROUPED_BY_LOCALE:
            box = widget(w, name, QtWidgets.QSpinBox)
            box.setValue(value)
            w.statusBar().clearMessage()
            box.setFocus()
            qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Tab)
            if message(w) or box.value() != value:
                problems.append(f"{name}, Tab through {box.text()!r}: {message(w)!r}")
            box.setFocus()
            qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Up)
            qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Return)
            if message(w) or box.value() != value + 1:
                problems.append(f"{name}, Up then Enter on {box.text()!r}: {message(w)!r}")
        w.close()
    finally:
        QtCore.QLocale.setDefault(default)
    assert not problems, "\n".join(problems)


# -- the table in docs/bad-input.md -----------------------------------------------------------
DIVERGED = (
    "training diverged at iteration 0: lower the learning rate or try another initializer, "
    "then Reset"
)


def _short(text: str) -> str:
    return text.replace(DIGITS_5000, "9…9 (5000 digits)")


def code(text: str) -> str:
    """``text`` as a code span in a table cell; paragraphs of a dialog on lines of their own."""
    parts = _short(text).replace("|", "\\|").split("\n\n")
    return "<br><br>".join(f"`{part}`" for part in parts)


def _q(text: str) -> str:
    """A typed text as the table shows it."""
    return "9…9 (5000 digits)" if text == DIGITS_5000 else code(repr(text))


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _number(value: object) -> str:
    return "nan" if isinstance(value, float) and math.isnan(value) else repr(value)


def _typed(texts) -> str:
    return f"typed {', '.join(_q(t) for t in texts)}, each then Enter"


def _read_as(cases) -> str:
    return "not refused: read as " + ", ".join(f"{_q(t)} → {n!r}" for t, n in cases) + "; applied"


def table_rows() -> list[str]:
    """The window's rows of the table in ``docs/bad-input.md``, from this file's cases."""
    same = "refused: the configuration, the run and every control are unchanged"
    again = "refused: the box shows the value in force again; nothing else changes"
    experiment = "experiment (`window.files.read_experiment`)"
    rows = [
        _row(
            "`hiddenLayersEdit`",
            f"typed {_q(text)}, Enter",
            "refused: the edit shows 10,5 again; nothing else changes",
            "status bar: " + code(f"“{text}” refused: {reason}. Nothing was changed."),
        )
        for text, reason in HIDDEN_BAD.items()
    ]
    rows += [
        _row(
            "`hiddenLayersEdit`",
            f"typed {_q(text)}, Enter",
            f"not refused: read as {code(repr(hidden))} (new weights, iteration 0)",
            "(none)",
        )
        for text, hidden in HIDDEN_LENIENT.items()
    ]
    for name in SPINS:
        rows.append(
            _row(
                f"`{name}`",
                _typed((*TYPED_EVERYWHERE, *TYPED_REFUSED[name])),
                again,
                "status bar: " + code(f"{not_a_number(name, 'TEXT')}. Nothing was changed."),
            )
        )
        rows.append(
            _row(
                f"`{name}`",
                _typed(t for t, _n in TYPED_READ[name]),
                _read_as(TYPED_READ[name]),
                "(none)",
            )
        )
    rows.append(
        _row(
            "`learningRateSpin`",
            f"typed {_q('0,0,1')}, then focus leaves (Tab, a click elsewhere)",
            again,
            "status bar: "
            + code(f"{not_a_number('learningRateSpin', '0,0,1')}. Nothing was changed."),
        )
    )
    status_line = "comparison status line, in the error colour: "

    def said(name: str, why: str) -> str:
        if name.startswith("compare"):
            return status_line + code(why)
        return "status bar: " + code(f"{why}. Nothing was changed.")

    for name, texts in GROUPED.items():
        rows.append(
            _row(
                f"`{name}`", _typed(texts), f"{again} (B6)", said(name, not_a_number(name, "TEXT"))
            )
        )
    for name, texts in TOO_FINE.items():
        rows.append(
            _row(f"`{name}`", _typed(texts), f"{again} (B7)", said(name, too_fine(name, "TEXT")))
        )
    rows.append(
        _row(
            "`targetIterationsSpin`, `stepSizeSpin`",
            "in a German system locale, the box showing a grouped number (`15.000`): nothing "
            "typed, Tab through the box, or the Up arrow then Enter",
            "read in the locale's grouping: the box's own value, 15.001 after Up, `20000` "
            "typed, all applied and read back (B11, fixed)",
            "(none)",
        )
    )
    for name, (_start, cases) in SET_VALUES.items():
        for value, becomes in cases:
            how = (
                "refused by PyQt: OverflowError (not a C int); nothing changes"
                if becomes is OverflowError
                else f"clamped by Qt into the range: {_number(becomes)}, which is applied"
            )
            tried = f"`setValue({_number(value)})` from a script"
            rows.append(_row(f"`{name}`", tried, how, "(none)"))
    rows += [
        _row(
            ", ".join(f"`{c}`" for c in COMBOS),
            "anything but a listed item",
            "not editable: only the listed items can be chosen",
            "(none needed)",
        ),
        _row(
            "`initializerCombo`, `activationCombo`, `datasetCombo`",
            " or ".join(f"`setCurrentIndex({i})`" for i in NO_ITEM) + " from a script",
            "put back: the combo shows the configured item again; nothing else changes",
            "(none)",
        ),
    ]
    rows += [
        _row(
            "CSV points (`window.run.load_csv`)",
            f"file: {name}",
            f"{same}; the data too",
            "status bar: "
            + code(f"PATH: {reason.replace('{file}', 'PATH')}. Nothing was changed."),
        )
        for name, (_content, reason) in BAD_CSV.items()
    ]
    rows += [
        _row(
            "CSV points (`window.run.load_csv`)",
            "file: a point at 1e308,1e308",
            "not refused (finite numbers): loaded; the first Step diverges at iteration 0",
            "state line: " + code(DIVERGED),
        ),
        _row(
            "CSV points (`window.run.load_csv`)",
            "file: 33 good points",
            "loaded",
            "status bar: " + code("Loaded good.csv: 33 points"),
        ),
    ]
    rows += [
        _row(
            experiment,
            f"file: {name}",
            same,
            "dialog: "
            + code(
                f"NAME was not loaded: {reason.replace('{file}', 'PATH')}\n\n"
                "The current experiment is unchanged."
            ),
        )
        for name, (_content, reason) in BAD_EXPERIMENTS.items()
    ]
    rows += [
        _row(
            experiment,
            f"file: {case}",
            same,
            "dialog: "
            + code(
                f"NAME was not loaded: the window cannot show {reason}\n\n"
                "The current experiment is unchanged."
            ),
        )
        for case, _changes, _target, reason in UNSHOWABLE
    ]
    rows += [
        _row(
            experiment, f"file: {case}", f"not refused: loaded; `{name}` shows {value!r}", "(none)"
        )
        for case, _changes, _target, name, value in SHOWABLE
    ]
    rows += [
        _row(
            experiment,
            f"file: {case}",
            f"not refused ({why}): loaded; `{name}` shows {shows}, {runs!r} runs",
            "(none)",
        )
        for case, _changes, name, shows, runs, why in LOADED_ANYWAY
    ]
    rows.append(
        _row(
            f"{experiment}, or the configuration remembered from the last session",
            "initializer he, scale 0.0001; then `initializerCombo` set to scaled",
            "refused when loaded, though the scale is not used yet: choosing scaled would run "
            "it (B10, fixed)",
            "dialog: `NAME was not loaded: the window cannot show a scale of 0.0001: …`",
        )
    )
    rows += [
        _row(
            "the configuration remembered from the last session",
            "seed 3000000000 (saved before B2 was fixed)",
            "not used: the window starts with the default configuration",
            "(none)",
        ),
    ]
    rows += [
        _row(
            "the configuration remembered from the last session",
            case,
            "used"
            if used
            else "not used (a control cannot show it, B9): the window starts with the default "
            "configuration",
            "(none)",
        )
        for case, _fields, used in REMEMBERED
    ]
    actions = {
        "write_picture": "picture (`window.files.write_picture`)",
        "write_history": "history CSV (`window.files.write_history`)",
        "write_experiment": "experiment (`window.files.write_experiment`)",
    }
    rows += [
        _row(
            actions[action],
            code(f"DIR/{where}"),
            "refused: nothing written, nothing changed",
            "dialog: " + code(text.replace("{path}", f"DIR/{where}")),
        )
        for action, where, text in WRITES
    ]
    rows += [
        _row(
            "`compareHiddenEdit`",
            f"typed {_q(text)}, Enter (= Add)",
            "refused: no configuration added, the runs unchanged",
            "comparison status line: " + code(f"“{text}” refused: {HIDDEN_BAD[text]}"),
        )
        for text in COMPARE_HIDDEN_BAD
    ]
    for name in COMPARE_SPINS:
        rows.append(
            _row(f"`{name}`", _typed(COMPARE_TYPED), again, said(name, not_a_number(name, "TEXT")))
        )
    for name, cases in COMPARE_READ.items():
        rows.append(_row(f"`{name}`", _typed(t for t, _n in cases), _read_as(cases), "(none)"))
    rows += [
        _row(
            "`compareScaleSpin`",
            _typed(t for t, _n in COMPARE_SCALE_READ),
            _read_as(COMPARE_SCALE_READ).removesuffix("; applied")
            + "; used by the next Add (B8: the prefix × may be typed or not)",
            "(none)",
        ),
        _row(
            "`compareScaleSpin`",
            _typed(COMPARE_SCALE_REFUSED),
            f"{again} (B8: the message quotes the text without the prefix ×)",
            said("compareScaleSpin", not_a_number("compareScaleSpin", "TEXT")),
        ),
        _row(
            "`compareScaleSpin`",
            "nothing typed: Tab through the box, or the Up arrow then Enter",
            "not refused (B8): the box keeps its value (2.0 after Up)",
            "(none)",
        ),
    ]
    rows += [
        _row(
            f"`{name}`",
            f"`setValue({_number(value)})` from a script",
            f"clamped by Qt into the range: {_number(becomes)}",
            "(none)",
        )
        for name, value, becomes in COMPARE_SET
    ]
    rows += [
        _row(
            "`compareInitCombo`",
            "`setCurrentIndex(-1)` from a script, then Add",
            "refused: no configuration added (the message quotes the hidden sizes, not the "
            "initializer)",
            "comparison status line: " + code(f"“10,5” refused: {NO_INIT}"),
        ),
        _row(
            "`compareAddButton`",
            "a 7th configuration",
            "the button is disabled at 6; Add from a script or Enter is refused",
            "comparison status line: " + code(AT_MOST),
        ),
        _row(
            "`compareRemoveButton`",
            "clicked with no row selected",
            "not refused: removes the last row (by design)",
            "(none)",
        ),
        _row(
            "`compareRemoveButton`",
            "clicked with no configuration left",
            "disabled; `remove_selected()` returns False and changes nothing",
            "(none)",
        ),
    ]
    return rows


HEAD = "| input | what was tried | how it is refused | message shown |\n|---|---|---|---|"


def print_table() -> None:
    """Both tables, to paste into ``docs/bad-input.md``."""
    from tests.cli_cases import table_rows as cli_rows

    print("## The window\n\n" + HEAD)
    print("\n".join(table_rows()))
    print("\n## The command line\n\n" + HEAD)
    print("\n".join(cli_rows()))


def test_the_document_lists_every_case():
    lines = set(DOC.read_text(encoding="utf-8").splitlines())
    missing = [row for row in table_rows() if row not in lines]
    assert not missing, f"{len(missing)} rows missing from {DOC.name}, e.g. {missing[:3]}"


if __name__ == "__main__":
    print_table()
