"""The single-run views in another language: every text they show is translated, live, and back.

A stand-in translator marks every string it is asked for (``⟦source⟧``) in every context, the
engine's included.  After installing it, every visible text of the lesson, the cost curve, the
decision map, the weight histograms and the diagnostics (labels, buttons, tooltips, accessible
names, plot titles, axis labels, legends, notes) must be marked, or be only numbers, punctuation
or data the caller passed in, without feeding them new data (a paused run switches too).
Removing it must bring the English back.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PyQt6 import QtCore, QtWidgets

from app.views.lesson import LESSON, LessonPanel
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.trainer import Trainer
from tests.app.marking import (
    CLOSE,
    OPEN,
    plot_texts,
    still_marked,
    unmarked,
    untranslated,
    visible_texts,
)
from tests.app.views_helpers import FIRST_RUN, SECOND_RUN, Views

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


@pytest.fixture
def views(qtbot, data):
    window = Views(data)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# -- tests -----------------------------------------------------------------------------------------
def test_the_marker_check_itself():
    assert unmarked("⟦Lesson step {n} of {total}⟧ · ⟦out⟧ 3/5") == ""
    assert unmarked("⟦now: {run}⟧".replace("{run}", FIRST_RUN)) == ""
    assert unmarked("<b>⟦Zeros⟧</b> 1.5e-05<br>", rich=True) == ""
    assert unmarked("⟦L1⟧ 10/10 dead") == "dead"
    assert unmarked("Next ▶") == "Next"
    assert unmarked("训练") == "训练"


def test_every_text_is_translated_live_and_back(views, marking, qtbot):
    install, remove = marking
    english = visible_texts(views)
    assert untranslated(views) != []  # the check sees English as untranslated
    texts = " ".join(text for _, text, _ in english)
    for expected in (
        "iteration",
        "cost",
        f"now: {SECOND_RUN}",
        f"earlier: {FIRST_RUN}",
        "No boundary",
        "train · class 0",
        "W1 · ",
        "mean ",
        "|δ| per layer (log)",
        "layer 1",
        "output",
        "A1: ",
        "Distinct neurons: ",
        "Dead units: ",
        "training outputs are exactly 0.0 or 1.0",
        "Lesson step 1 of 7",
        LESSON[0].title,
        "Set up this run",
    ):
        assert expected in texts, expected

    install()
    qtbot.waitUntil(lambda: not untranslated(views), timeout=5000)
    marked = visible_texts(views)
    marked_texts = " ".join(text for _, text, _ in marked)
    # the run labels are data: shown as the window passed them, inside the translated entry
    assert f"{OPEN}now: {SECOND_RUN}{CLOSE}" in marked_texts
    assert f"{OPEN}earlier: {FIRST_RUN}{CLOSE}" in marked_texts
    assert f"{OPEN}{LESSON[0].text}{CLOSE}" in marked_texts  # the lesson's step, translated
    # the engine's words (the dead-unit rule, the note on the naive loss) go through engine_text
    assert f"{OPEN}dead{CLOSE}" in views.summary.text()
    assert views.summary.toolTip().count(OPEN) >= 3
    # the lesson's next step is shown translated too
    views.lesson.next.click()
    assert not untranslated(views.lesson)
    assert views.lesson.title.text() == f"{OPEN}{LESSON[1].title}{CLOSE}"
    views.lesson.previous.click()

    remove()
    qtbot.waitUntil(lambda: not still_marked(views), timeout=5000)
    assert visible_texts(views) == english


def test_views_built_while_a_translation_is_installed_start_translated(qtbot, marking, data):
    install, _remove = marking
    install()
    window = Views(data)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert untranslated(window) == []


def test_new_data_after_a_switch_is_shown_in_the_new_language(views, marking, qtbot, data):
    install, _remove = marking
    install()
    qtbot.waitUntil(lambda: not untranslated(views), timeout=5000)
    views.cost.start_run("zeros", "#3")
    views.cost.set_run_label("#3 · 1")
    deep = Trainer(TrainConfig(init="he", hidden=(6, 6, 6), activation="tanh"), data)
    deep.step(10)
    snap = deep.snapshot(grid_resolution=24)
    views.weights.start_run()
    views.weights.show_layers(snap.layers, snap.iteration)
    for view in (views.gradients, views.activations, views.summary):
        view.show_diagnostics(snap.diagnostics)
    views.decision.show_grid(snap.grid)
    assert untranslated(views) == []
    assert f"{OPEN}now: #3 · 1{CLOSE}" in " ".join(plot_texts(views.cost))
    assert len(views.weights.plots) == 4 and len(views.activations.plots) == 3


def test_lesson_controls_are_named_and_reachable_by_keyboard(qtbot, marking):
    install, _remove = marking
    panel = LessonPanel(lambda name: None)
    qtbot.addWidget(panel)
    buttons = panel.findChildren(QtWidgets.QAbstractButton)
    assert {b.objectName() for b in buttons} >= {
        "lessonSetupButton",
        "lessonPreviousButton",
        "lessonNextButton",
    }
    for button in buttons:
        assert button.accessibleName(), button.objectName()
        assert button.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus, button.objectName()
    install()
    qtbot.waitUntil(lambda: panel.next.accessibleName().startswith(OPEN), timeout=5000)
    assert all(b.accessibleName().startswith(OPEN) for b in buttons)
    assert all(b.toolTip().startswith(OPEN) for b in buttons)


def test_lesson_steps_stay_usable_with_custom_steps(qtbot):
    chosen: list[str] = []
    steps = LESSON[:2]
    panel = LessonPanel(chosen.append, steps=steps)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.stepChanged) as signal:
        panel.next.click()
    assert signal.args == [1]
    assert panel.progress.text() == "Lesson step 2 of 2"
    assert not panel.next.isEnabled() and panel.previous.isEnabled()
    panel.setup.click()
    assert chosen == [steps[1].preset]


def test_the_lesson_texts_are_extracted_for_translators(tmp_path):
    """``QT_TRANSLATE_NOOP`` marks every step's title and text in the ``LessonPanel`` context."""
    ts = tmp_path / "lesson.ts"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyQt6.lupdate.pylupdate",
            "--no-summary",
            str(ROOT / "app" / "views" / "lesson.py"),
            "--ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    sources = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }
    for step in LESSON:
        assert ("LessonPanel", step.title) in sources
        assert ("LessonPanel", step.text) in sources
    assert ("LessonPanel", "Lesson step {n} of {total}") in sources
