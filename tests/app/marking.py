"""A stand-in translator that marks every string (``⟦source⟧``), and what to check with it.

Installed, it makes every text that went through ``translate()`` visibly marked, so a test can
find any visible text of the app's own that did not: ``unmarked(text)`` is what is left of a
text once marked parts, markup, numbers and punctuation are gone.
"""

from __future__ import annotations

import html
import re

import pytest
from PyQt6 import QtCore, QtWidgets

__all__ = ["CLOSE", "OPEN", "MarkingTranslator", "marking", "unmarked"]

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
