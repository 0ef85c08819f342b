"""Both languages, with the real compiled translations: nothing of the app's own stays English.

The walk collects every string a user can see or a screen reader can read: widget texts,
tooltips, accessible names, combo items, tab and group titles, table cells, menus, toolbar
buttons, the status bar, and every text item in every plot.  In Chinese, a string with an English
word that is not a technical name (He, ReLU, CSV, …) is untranslated; in English, no string may
contain Chinese, except the language menu's own entries.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import LANGUAGES, Translations, system_language
from app.paths import resource_path
from tests.app import wait_current_frame

REPO = Path(__file__).resolve().parents[2]
TS = resource_path("i18n", "initscope_zh_CN.ts")
QM = resource_path("i18n", "initscope_zh_CN.qm")

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
#: names and symbols that stay as they are in Chinese text
TECHNICAL = {
    "He", "Xavier", "Glorot", "LeCun", "ReLU", "Leaky", "leaky", "tanh", "sigmoid", "σ", "CSV",
    "PNG", "JSON", "GIF", "WebP", "InitScope", "Qt", "PyQt", "NumPy", "pyqtgraph", "scikit",
    "learn", "NaN",
    "inf", "log", "ln", "randn", "rand", "std", "fan", "in", "out", "logits", "float", "GPL",
    "deeplearning", "ai", "Coursera", "Python", "SVG", "Ctrl", "Shift", "Esc", "Space", "Enter",
    "Tab", "Right", "Left", "Up", "Down", "F1", "F5", "F9", "F11", "Tutorial", "GNU", "MIT",
    "BSD", "LGPL", "Linux", "Windows", "macOS", "dW", "Uniform", "Normal", "lr", "Bengio",
    "SELU", "XOR", "English",
}  # fmt: skip
#: widgets Qt itself names and labels (its own translations cover what they have)
QT_INTERNAL = {"ScrollLeftButton", "ScrollRightButton", "qt_scrollarea_hcontainer"}
WORD = re.compile(r"[A-Za-z][A-Za-z]+")


def untranslated_words(text: str) -> list[str]:
    """English words left in a Chinese string (technical names and identifiers excepted)."""
    text = re.sub(r"<[^>]+>", " ", text)  # rich-text tags
    text = re.sub(r"&(?=\w)", "", text)  # mnemonics
    text = re.sub(r"https?://\S+|\S+\.(?:csv|json|png|qm|log)\b|/\S+", " ", text)
    text = re.sub(r"\b\w*[\d_]\w*\b", " ", text)  # identifiers such as n_in, W1, float64
    return [w for w in WORD.findall(text) if w not in TECHNICAL]


def _widget_texts(widget: QtWidgets.QWidget):
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.windowTitle() if widget.isWindow() else ""
    if isinstance(widget, QtWidgets.QLabel | QtWidgets.QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QtWidgets.QGroupBox):
        yield widget.title()
    elif isinstance(widget, QtWidgets.QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    elif isinstance(widget, QtWidgets.QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
            yield widget.itemData(i, QtCore.Qt.ItemDataRole.ToolTipRole) or ""
    elif isinstance(widget, QtWidgets.QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QtWidgets.QTableWidget):
        for c in range(widget.columnCount()):
            header = widget.horizontalHeaderItem(c)
            yield header.text() if header else ""
            yield header.toolTip() if header else ""
            for r in range(widget.rowCount()):
                item = widget.item(r, c)
                yield item.text() if item else ""
    elif isinstance(widget, QtWidgets.QMenu):
        yield widget.title()
    elif isinstance(widget, QtWidgets.QAbstractSpinBox):
        yield widget.specialValueText()
    if isinstance(widget, pg.PlotWidget | pg.GraphicsView):
        for item in widget.scene().items():
            if isinstance(item, QtWidgets.QGraphicsTextItem) and item.isVisible():
                yield item.toPlainText()


def visible_texts(window: QtWidgets.QMainWindow) -> dict[str, str]:
    """Every text of the window, keyed by where it was found (for the failure message)."""
    found: dict[str, str] = {}

    def add(where: str, text: str) -> None:
        if text and text.strip():
            found[f"{where}: {text}"] = text

    for widget in [window, *window.findChildren(QtWidgets.QWidget)]:
        where = widget.objectName() or type(widget).__name__
        if where in QT_INTERNAL:
            continue
        for text in _widget_texts(widget):
            add(where, text)
    for action in window.findChildren(QtGui.QAction):
        # unnamed actions are pyqtgraph's context menus (which the app does not translate) or
        # the menus' own, whose titles are read from the QMenu
        if action.isSeparator() or not action.objectName():
            continue
        name = action.objectName() or "action"
        for text in (action.text(), action.toolTip(), action.statusTip(), action.iconText()):
            add(name, text)
    add("statusBar", window.statusBar().currentMessage())
    return found


def drive_everywhere(window, qtbot) -> None:
    """Put every view on screen with data in it: a ghost run, steps, all panel tabs, lesson,
    comparison."""
    window.controls.step_size.setValue(30)
    window.controls.step.click()
    wait_current_frame(qtbot, window, lambda f: f.snapshot.iteration == 30)
    window.redraw()
    window.controls.seed.setValue(5)  # the first run becomes a labelled ghost
    assert window.cost_plot.ghosts
    window.controls.step_size.setValue(120)
    window.controls.step.click()
    wait_current_frame(qtbot, window, lambda f: f.snapshot.iteration == 120)
    for index in range(window.panel_tabs.count()):
        window.panel_tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.redraws > 0)
    window.side_tabs.setCurrentWidget(window.lesson)
    window.mode_tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    qtbot.waitUntil(lambda: window.compare.session is not None and view.redraws > 0, timeout=10000)


@pytest.fixture
def translations():
    app = QtWidgets.QApplication.instance()
    t = Translations(app)
    yield t
    t.set_language("en")
    QtCore.QCoreApplication.sendPostedEvents()


def test_the_compiled_catalogue_exists_and_every_message_is_translated():
    assert QM.exists() and TS.exists()
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 300
    unfinished = [
        m.findtext("source")
        for m in messages
        if (m.find("translation").get("type") or "") == "unfinished"
        or not (m.findtext("translation") or "").strip()
    ]
    assert not unfinished, unfinished[:10]


def test_the_qm_file_is_compiled_from_the_current_ts(qapp):
    """Every translation in the source catalogue is what the shipped .qm returns."""
    translator = QtCore.QTranslator()
    assert translator.load(str(QM))
    # QTranslator.translate() takes ASCII only in PyQt6; QCoreApplication.translate() is UTF-8.
    app = QtCore.QCoreApplication.instance()
    app.installTranslator(translator)
    stale = []
    try:
        for context in ET.parse(TS).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                source, wanted = message.findtext("source"), message.findtext("translation")
                if QtCore.QCoreApplication.translate(name, source) != wanted:
                    stale.append((name, source))
    finally:
        app.removeTranslator(translator)
    assert not stale, f"run scripts/update-translations.sh: {stale[:5]}"


@pytest.mark.skipif(
    not shutil.which("pylupdate6", path=str(Path(sys.executable).parent)), reason=""
)
def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """pylupdate6 over app/ finds no message that the committed catalogue lacks."""
    fresh = tmp_path / "fresh.ts"
    pylupdate = Path(sys.executable).parent / "pylupdate6"
    subprocess.run(
        [str(pylupdate), "--no-summary", str(REPO / "app"), "--ts", str(fresh)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONUTF8": "1"},
    )

    def keys(path: Path) -> set[tuple[str, str]]:
        return {
            (c.findtext("name"), m.findtext("source"))
            for c in ET.parse(path).getroot().iter("context")
            for m in c.iter("message")
        }

    missing = keys(fresh) - keys(TS)
    assert not missing, f"run scripts/update-translations.sh: {sorted(missing)[:10]}"


def test_chinese_everywhere_then_english_again(window, qtbot, translations):
    window.translations = translations
    drive_everywhere(window, qtbot)
    english = visible_texts(window)
    chinese_in_english = [
        k for k, t in english.items() if CJK.search(t) and "language" not in k.lower()
    ]
    assert not chinese_in_english, chinese_in_english[:10]

    assert window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.windowTitle().startswith("InitScope —") and CJK.search(
        window.windowTitle()) is not None)  # fmt: skip
    window.redraw()
    window.compare_view.redraw()
    chinese = visible_texts(window)
    left = {k: untranslated_words(t) for k, t in chinese.items() if untranslated_words(t)}
    assert not left, "\n".join(f"{k!r} -> {v}" for k, v in list(left.items())[:25])
    # the numbers still read the same in Chinese
    assert "0." in window.status.cost.text()

    assert window.set_language("en")
    qtbot.waitUntil(lambda: CJK.search(window.windowTitle()) is None)
    window.redraw()
    back = visible_texts(window)
    still = [k for k, t in back.items() if CJK.search(t) and "language" not in k.lower()]
    assert not still, still[:10]


def test_projector_toolbar_and_refusals_are_translated(window, qtbot, translations):
    window.translations = translations
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.controls.play.text() == "播放")
    window.set_projector_mode(True)
    window.controls.hidden.setText("10,banana")
    window.controls.hidden.editingFinished.emit()
    message = window.statusBar().currentMessage()
    assert "banana" in message and CJK.search(message)
    assert not untranslated_words(message.replace("banana", "")), message
    toolbar = window.findChild(QtWidgets.QToolBar, "presentationBar")
    for act in toolbar.actions():
        if not act.isSeparator():
            assert not untranslated_words(act.iconText()), act.iconText()
    window.set_projector_mode(False)
    QtWidgets.QApplication.instance().setFont(QtGui.QFont(window.presentation.base_font))


def test_language_menu_lists_each_language_in_itself_and_switches(window, qtbot, translations):
    window.translations = translations
    menu = window.findChild(QtWidgets.QMenu, "languageMenu")
    texts = [a.text() for a in menu.actions()]
    assert texts == list(LANGUAGES.values())
    window.findChild(QtGui.QAction, "language_zh_CN_action").trigger()
    assert window.language == "zh_CN"
    assert window.findChild(QtGui.QAction, "language_zh_CN_action").isChecked()
    qtbot.waitUntil(lambda: window.controls.play.text() in ("播放", "暂停"))
    assert "语言" in menu.title()
    window.findChild(QtGui.QAction, "language_en_action").trigger()
    qtbot.waitUntil(lambda: window.controls.play.text() in ("Play", "Pause"))


def test_qt_own_dialog_buttons_are_translated_too(translations):
    translations.set_language("zh_CN")
    box = QtWidgets.QMessageBox()
    box.setStandardButtons(QtWidgets.QMessageBox.StandardButton.Cancel)
    assert box.button(QtWidgets.QMessageBox.StandardButton.Cancel).text() == "取消"
    box.deleteLater()


@pytest.mark.parametrize(
    ("locale", "language"),
    [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("en_US", "en"), ("de_DE", "en"), ("C", "en")],
)
def test_first_start_follows_the_system_locale(locale, language):
    assert system_language(QtCore.QLocale(locale)) == language


def test_an_unknown_language_changes_nothing(translations):
    assert translations.set_language("zh_CN")
    assert not translations.set_language("tlh")
    assert translations.language == "zh_CN"
