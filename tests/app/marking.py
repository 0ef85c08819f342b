"""A stand-in translator that marks every string (``⟦source⟧``), and what to check with it.

Installed, it makes every text that went through ``translate()`` visibly marked, so a test can
find any visible text of the app's own that did not: ``visible_texts(root)`` collects what a
widget tree shows or says, ``unmarked(text)`` is what is left of a text once marked parts, markup,
numbers and punctuation are gone, and ``untranslated(root)`` lists the texts with words left.
"""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
import pytest
from PyQt6 import QtCore, QtWidgets

__all__ = [
    "CLOSE",
    "OPEN",
    "MarkingTranslator",
    "marking",
    "plot_texts",
    "still_marked",
    "unmarked",
    "untranslated",
    "visible_texts",
]

OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
TAG = re.compile(r"<[^>]*>")
NUMBER = re.compile(r"\d(?:\.\d+)?e[+-]?\d+")  # 1.5e-05: a number, not a word


class MarkingTranslator(QtCore.QTranslator):
    """Translates every string of every context to ``⟦string⟧``."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self) -> bool:
        return False  # an "empty" translator is skipped by Qt: no LanguageChange would be sent


@pytest.fixture
def marking(qtbot):
    """``install()`` / ``remove()`` the marking translator; always removed at teardown."""
    app = QtWidgets.QApplication.instance()
    translator = MarkingTranslator()
    installed: list[MarkingTranslator] = []

    def install() -> None:
        app.installTranslator(translator)
        installed.append(translator)

    def remove() -> None:
        app.removeTranslator(translator)
        installed.clear()

    yield install, remove
    if installed:
        remove()


def unmarked(text: str, rich: bool = False) -> str:
    """The words left in ``text`` once marked parts, markup, numbers and punctuation are gone."""
    if rich:
        text = html.unescape(TAG.sub(" ", text))
    while True:
        stripped = MARKED.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    return " ".join(re.findall(r"[^\W\d_]+", NUMBER.sub(" ", text)))


def plot_texts(plot: pg.PlotWidget) -> list[str]:
    """Every text drawn in a plot: titles, axis labels, legends, text items, custom ticks."""
    texts = []
    for item in plot.scene().items():
        if isinstance(item, QtWidgets.QGraphicsTextItem) and item.isVisible():
            texts.append(item.toPlainText())
        if isinstance(item, pg.AxisItem) and item.isVisible() and item._tickLevels:
            texts += [label for level in item._tickLevels for _, label in level]
    return [t for t in texts if t.strip()]


def visible_texts(view: QtWidgets.QWidget) -> list[tuple[str, str, bool]]:
    """(where, text, is_rich) for everything the view shows or says, tooltips included."""
    found: list[tuple[str, str, bool]] = []
    widgets = [view, *view.findChildren(QtWidgets.QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        where = f"{type(w).__name__} {w.objectName()}"
        found.append((where + " tooltip", w.toolTip(), True))
        found.append((where + " accessible name", w.accessibleName(), False))
        if isinstance(w, QtWidgets.QLabel):
            found.append((where, w.text(), True))
        elif isinstance(w, (QtWidgets.QAbstractButton, QtWidgets.QLineEdit)):
            found.append((where, w.text(), False))
        elif isinstance(w, QtWidgets.QComboBox):
            for i in range(w.count()):
                found.append((f"{where} item {i}", w.itemText(i), False))
                tip = w.itemData(i, QtCore.Qt.ItemDataRole.ToolTipRole) or ""
                found.append((f"{where} item {i} tooltip", tip, True))
        elif isinstance(w, QtWidgets.QTableWidget):
            for c in range(w.columnCount()):
                header = w.horizontalHeaderItem(c)
                found.append((f"{where} header {c}", header.text() if header else "", False))
                for r in range(w.rowCount()):
                    item = w.item(r, c)
                    if item is not None:
                        found.append((f"{where} ({r},{c})", item.text(), False))
                        found.append((f"{where} ({r},{c}) tooltip", item.toolTip(), True))
        elif isinstance(w, pg.PlotWidget):
            found += [(f"{where} plot", text, False) for text in plot_texts(w)]
    return [(where, text, rich) for where, text, rich in found if text.strip()]


def untranslated(view) -> list[tuple[str, str]]:
    return [(where, text) for where, text, rich in visible_texts(view) if unmarked(text, rich)]


def still_marked(view) -> list[tuple[str, str]]:
    return [(where, text) for where, text, _ in visible_texts(view) if OPEN in text]
