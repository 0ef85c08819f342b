"""Spin boxes that refuse bad typing out loud instead of quietly applying what is left of it.

A plain ``QSpinBox`` drops each keystroke its validator rejects, so typing ``0,05`` into a
learning rate leaves ``005`` and Enter applies 5; ``1e4`` in an integer box becomes 14.  These
boxes keep whatever was typed on screen (their validator answers *Intermediate* instead of
*Invalid*), and when editing ends on text that is not a number in range they put the last value
back and emit :attr:`refused` with the text, so the window can say why nothing changed.

The floating-point box also reads ``0,05`` (a decimal comma) and ``1e-3`` (scientific notation)
but refuses more decimals than it shows (what runs is what is shown); the whole-number box takes
commas only as thousands separators (``15,000``, never ``10,5``).
"""

from __future__ import annotations

import math
import re

from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import translate

__all__ = ["CheckedDoubleSpinBox", "CheckedSpinBox", "parse_number", "parse_whole", "refusal_text"]

_State = QtGui.QValidator.State


#: a whole number, plain or with thousands grouped ("15,000"); never "10,5" or "10 5"
_WHOLE = r"[+-]?(?:\d+|\d{{1,3}}(?:{sep}\d{{3}})+)"
#: a decimal number with a point or a comma, plain or scientific (ASCII digits only)
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def parse_number(text: str) -> float | None:
    """A finite number written with a point or a comma, plain or scientific; else ``None``."""
    cleaned = text.strip().replace("\u2212", "-")
    if not _DECIMAL.fullmatch(cleaned):
        return None
    value = float(cleaned.replace(",", "."))
    return value if math.isfinite(value) else None


def parse_whole(text: str, separator: str = ",") -> int | None:
    """A whole number, with ``separator`` only between groups of thousands; else ``None``.

    The separator is the box's locale's (a comma in English and Chinese, a point in German), so
    a box always reads back the number it shows.
    """
    cleaned = text.strip().replace("\u2212", "-")
    if not re.fullmatch(_WHOLE.format(sep=re.escape(separator)), cleaned):
        return None
    return int(cleaned.replace(separator, ""))


def _body(box: QtWidgets.QAbstractSpinBox, text: str) -> str:
    """The typed number without the box's prefix and suffix (e.g. the scale's "×")."""
    text = text.strip()
    prefix, suffix = box.prefix().strip(), box.suffix().strip()
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    return text


def _too_fine(value: float, decimals: int) -> bool:
    """More decimals than the box shows (what runs must be what is shown)."""
    return abs(round(value, decimals) - value) > 1e-9 * 10.0**-decimals


def refusal_text(box: QtWidgets.QAbstractSpinBox, text: str) -> str:
    """What to say when ``text`` was refused by ``box``, naming what it takes."""
    body = _body(box, text)
    if isinstance(box, QtWidgets.QDoubleSpinBox):
        value = parse_number(body)
        if value is not None and box.minimum() <= value <= box.maximum():
            return translate(
                "SpinBox", "“{text}” has more decimals than this box shows ({decimals})"
            ).format(text=body, decimals=box.decimals())
    return translate("SpinBox", "“{text}” is not a number from {low} to {high}").format(
        text=body,
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

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        super().keyPressEvent(event)  # type: ignore[misc]  # Enter ends editing: applied or refused
        if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            # The number is in: hand the keyboard back to the window, whose single-key shortcuts
            # (Space, S, the timeline's , and .) a box with focus would otherwise type into.
            self.clearFocus()  # type: ignore[attr-defined]

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
        value = parse_whole(_body(self, text), self.locale().groupSeparator())
        if value is not None and self.minimum() <= value <= self.maximum():
            return _State.Acceptable, text, pos
        return _State.Intermediate, text, pos

    def valueFromText(self, text: str) -> int:
        value = parse_whole(_body(self, text), self.locale().groupSeparator())
        return self.value() if value is None else value


class CheckedDoubleSpinBox(_Refusing, QtWidgets.QDoubleSpinBox):
    refused = QtCore.pyqtSignal(str)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._setup()

    def validate(self, text: str, pos: int) -> tuple[_State, str, int]:
        value = parse_number(_body(self, text))
        if (
            value is not None
            and self.minimum() <= value <= self.maximum()
            and not _too_fine(value, self.decimals())
        ):
            return _State.Acceptable, text, pos
        return _State.Intermediate, text, pos

    def valueFromText(self, text: str) -> float:
        value = parse_number(_body(self, text))
        return self.value() if value is None else value
