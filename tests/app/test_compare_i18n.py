"""The comparison in another language: every text it shows is translated, live, and back.

A stand-in translator marks every string it is asked for (``⟦source⟧``) in every context, the
engine's included; after installing it, every visible text of the view must be marked (or be
only numbers and punctuation), without a new frame: a paused comparison switches too.  Removing
it must bring the English back.
"""

from __future__ import annotations

from PyQt6 import QtCore, QtWidgets

from app.frames import RunState
from engine.config import TrainConfig
from tests.app import compare_helpers
from tests.app.compare_helpers import DIVERGING, click, drawn, find
from tests.app.marking import OPEN, still_marked, unmarked, untranslated, visible_texts

# Shared fixtures: a shown, wired comparison joined at teardown, and the stray-thread guard.
data = compare_helpers.data
make_view = compare_helpers.make_view

INTERACTIVE = (
    QtWidgets.QAbstractButton,
    QtWidgets.QComboBox,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QLineEdit,
    QtWidgets.QAbstractItemView,
)


def test_the_marker_check_itself():
    assert unmarked("⟦iteration {i} of {n}⟧ · ⟦paused⟧") == ""
    assert unmarked("⟦⟦He⟧ (⟦W = 0⟧), lr ⟧ 1.5e-05 (150/300) ×10 · #2") == ""
    assert unmarked("<b>⟦Zeros⟧</b> (⟦W = 0⟧)<br>⟦…⟧", rich=True) == ""
    assert unmarked("⟦He⟧ · lr 0.1") == "lr"
    assert unmarked("Play") == "Play"


def test_a_paused_comparison_switches_language_without_a_new_frame(make_view, marking, qtbot):
    compared = make_view()
    view = compared.view
    view.resize(1600, 900)
    click(view, "compareStepButton")
    frame = drawn(qtbot, compared, lambda f: f.iteration == 1 and f.state is RunState.PAUSED)
    qtbot.waitUntil(lambda: view.maps[0].overlay.isVisible())  # zeros: "no boundary" note
    view.table.selectRow(1)
    english = visible_texts(view)
    assert not still_marked(view)
    redraws = view.redraws
    install, remove = marking

    install()
    qtbot.waitUntil(lambda: not untranslated(view), timeout=5000)
    assert compared.controller.latest is frame and view.redraws == redraws  # no new frame needed
    assert view.table.item(0, 7).text() == "⟦paused⟧"
    assert view.table.horizontalHeaderItem(0).text() == "⟦Configuration⟧"
    assert view.cost_plot.legend_texts()[0] == "⟦Zeros⟧"
    assert view.status.text() == "⟦iteration 1 of 15,000⟧ · ⟦paused⟧"
    assert view.play_button.text() == "⟦Play⟧"

    remove()
    qtbot.waitUntil(lambda: not still_marked(view), timeout=5000)
    assert view.redraws == redraws
    assert visible_texts(view) == english


def test_running_and_diverged_states_and_refusals_are_translated(make_view, marking, qtbot):
    compared = make_view(configs=[TrainConfig(), DIVERGING], target=300)
    view = compared.view
    view.resize(1600, 900)
    install, remove = marking
    install()
    qtbot.waitUntil(lambda: view.add_button.text() == "⟦Add⟧")
    click(view, "comparePlayButton")
    done = drawn(qtbot, compared, lambda f: f.state is RunState.FINISHED)
    bad = done.rows[1]
    assert view.table.item(1, 7).text() == f"⟦diverged at {bad.diverged_at}⟧"
    assert view.table.item(1, 2).text() == "⟦not finite⟧"
    assert "⟦diverged at" in view.maps[1].overlay.toPlainText()
    assert not untranslated(view)

    # A refusal is worded in the current language, the engine's reason included ...
    find(view, QtWidgets.QLineEdit, "compareHiddenEdit").setText("10,?")
    view.add_from_controls()
    assert view.status.text().startswith("⟦“10,?” refused: ⟦hidden layer sizes must be whole")
    assert not untranslated(view)
    # ... and said again in English after the switch back, with no new frame.
    remove()
    qtbot.waitUntil(lambda: not still_marked(view), timeout=5000)
    assert view.status.text().startswith("“10,?” refused: hidden layer sizes must be whole")
    assert view.table.item(1, 7).text() == f"diverged at {bad.diverged_at}"
    assert f"diverged at {bad.diverged_at}" in view.maps[1].overlay.toPlainText()


def test_added_runs_are_named_in_the_current_language(make_view, marking, qtbot):
    compared = make_view()
    view = compared.view
    view.resize(1600, 900)
    install, remove = marking
    install()
    qtbot.waitUntil(lambda: view.add_button.text() == "⟦Add⟧")
    view.lr_spin.setValue(0.1)
    view.hidden_edit.setText("8,4")
    click(view, "compareAddButton")
    view.lr_spin.setValue(0.1)
    click(view, "compareAddButton")
    drawn(qtbot, compared, lambda f: len(f.rows) == 5 and f.rows[4].state != "catching up")
    names = view.cost_plot.legend_texts()
    assert names[3] == "⟦He⟧ · ⟦lr 0.1⟧ · 8,4"
    assert names[4] == names[3] + " #2"
    assert not untranslated(view)
    click(view, "comparePlayButton")
    drawn(qtbot, compared, lambda f: f.state is RunState.RUNNING and f.steps_per_second > 0)
    assert view.play_button.text() == "⟦Pause⟧"
    assert "⟦running⟧" in view.status.text()
    assert not untranslated(view)
    click(view, "comparePlayButton")
    drawn(qtbot, compared, lambda f: f.state is RunState.PAUSED)
    remove()
    qtbot.waitUntil(lambda: not still_marked(view), timeout=5000)
    assert view.cost_plot.legend_texts()[3:] == ["He · lr 0.1 · 8,4", "He · lr 0.1 · 8,4 #2"]
    assert view.table.item(4, 0).text() == "He · lr 0.1 · 8,4 #2"


def test_every_control_has_a_translated_accessible_name_and_takes_tab_focus(
    make_view, marking, qtbot
):
    view = make_view().view
    # The view's own controls (not the parts of Qt's, like a spin box's line edit).
    controls = [
        w
        for w in view.findChildren(QtWidgets.QWidget)
        if isinstance(w, INTERACTIVE) and w.objectName().startswith("compare")
    ]
    named = {w.objectName() for w in controls}
    assert {
        "compareInitCombo",
        "compareLrSpin",
        "compareHiddenEdit",
        "compareAddButton",
        "compareRemoveButton",
        "comparePlayButton",
        "compareStepButton",
        "compareStepSizeSpin",
        "compareResetButton",
        "compareLogCheck",
        "compareTable",
    } <= named
    for w in controls:
        assert w.accessibleName(), w.objectName()
        assert w.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus, w.objectName()
    install, _remove = marking
    install()
    qtbot.waitUntil(lambda: view.add_button.accessibleName().startswith(OPEN))
    for w in controls:
        assert w.accessibleName().startswith(OPEN), w.objectName()


def test_tab_moves_through_the_controls(make_view, qtbot):
    view = make_view().view
    view.activateWindow()
    qtbot.waitActive(view)
    view.init_combo.setFocus()
    qtbot.waitUntil(view.init_combo.hasFocus)
    seen = [view.init_combo.objectName()]
    for _ in range(20):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), QtCore.Qt.Key.Key_Tab)
        widget = QtWidgets.QApplication.focusWidget()
        while widget is not None and not widget.objectName().startswith("compare"):
            widget = widget.parentWidget()
        seen.append(widget.objectName() if widget is not None else "")
    for name in (
        "compareLrSpin",
        "compareHiddenEdit",
        "compareAddButton",
        "comparePlayButton",
        "compareStepSizeSpin",
        "compareLogCheck",
        "compareTable",
    ):
        assert name in seen, (name, seen)
