"""Spin boxes that refuse bad typing out loud instead of quietly applying what is left of it.

A plain ``QSpinBox`` drops each keystroke its validator rejects, so typing ``0,05`` into a
learning rate leaves ``005`` and Enter applies 5; ``1e4`` in an integer box becomes 14.  These
boxes keep whatever was typed on screen (their validator answers *Intermediate* instead of
*Invalid*), and when editing ends on text that is not a number in range they put the last value
back and emit :attr:`refused` with the text, so the window can say why nothing changed.

The floating-point box also reads ``0,05`` (a decimal comma) and ``1e-3`` (scientific notation).
"""

from __future__ import annotations

import math

from PyQt6 import QtCore, QtGui, QtWidgets

__all__ = ["CheckedDoubleSpinBox", "CheckedSpinBox", "parse_number", "refusal_text"]

_State = QtGui.QValidator.State


def parse_number(text: str) -> float | None:
    """A finite number written with a point or a comma, plain or scientific; else ``None``."""
    cleaned = text.strip().replace("\u2212", "-").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def refusal_text(box: QtWidgets.QAbstractSpinBox, text: str) -> str:
    """What to say when ``text`` was refused by ``box``, naming what it takes."""
    from app.i18n import translate

    return translate("SpinBox", "“{text}” is not a number from {low} to {high}").format(
        text=text.strip(),
        low=box.textFromValue(box.minimum()),
        high=box.textFromValue(box.maximum()),
    )


class _Refusing:
    """Shared by both boxes: remember bad text at ``fixup`` time, refuse it when editing ends.

    Qt calls ``fixup`` exactly when editing ends on text that is not *Acceptable*; the box then
    reverts to its last value by itself.  The refusal is emitted after that, from the
    ``editingFinished`` handler, so listeners see the restored value.
    """

    _bad_text: str | None = None

    def _setup(self) -> None:
        self.setKeyboardTracking(False)  # apply a number once it is typed, not digit by digit
        self.editingFinished.connect(self._maybe_refuse)

    def fixup(self, text: str) -> str:
        self._bad_text = text
        return text

    def _maybe_refuse(self) -> None:
        bad, self._bad_text = self._bad_text, None
        if bad is not None:
            self.setValue(self.value())  # show the value that stands, not the typed text
            self.refused.emit(bad)


class CheckedSpinBox(_Refusing, QtWidgets.QSpinBox):
    refused = QtCore.pyqtSignal(str)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup()

    def validate(self, text: str, pos: int) -> tuple[_State, str, int]:
        state, text, pos = super().validate(text, pos)
        return (_State.Intermediate if state == _State.Invalid else state), text, pos


class CheckedDoubleSpinBox(_Refusing, QtWidgets.QDoubleSpinBox):
    refused = QtCore.pyqtSignal(str)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup()

    def validate(self, text: str, pos: int) -> tuple[_State, str, int]:
        value = parse_number(text)
        if value is not None and self.minimum() <= value <= self.maximum():
            return _State.Acceptable, text, pos
        return _State.Intermediate, text, pos

    def valueFromText(self, text: str) -> float:
        value = parse_number(text)
        return self.value() if value is None else value
