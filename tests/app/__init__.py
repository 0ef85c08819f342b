"""pytest-qt tests of the window; shared helpers for reading and driving it."""

from __future__ import annotations

import re

import numpy as np
from PyQt6 import QtWidgets

from engine.history import HistoryView

__all__ = [
    "NUMBER",
    "click_step",
    "history",
    "latest",
    "number",
    "settle",
    "shown",
    "wait_current_frame",
    "wait_label",
    "wait_ticks",
    "widget",
]

NUMBER = re.compile(r"[-+]?\d[\d,]*\.?\d*(?:[eE][-+]?\d+)?")


def shown(qtbot, widget: QtWidgets.QWidget, width: int, height: int) -> QtWidgets.QWidget:
    """``widget`` at ``width`` × ``height``, shown and exposed (closed at the test's end)."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def number(label: QtWidgets.QLabel | str) -> int | float:
    """The first number in a label's text (thousands separators allowed), at full precision."""
    text = label if isinstance(label, str) else label.text()
    match = NUMBER.search(text)
    assert match, f"no number in {text!r}"
    raw = match.group(0).replace(",", "")
    if re.fullmatch(r"[-+]?\d+", raw):
        return int(raw)
    return float(raw)


def widget(window, name: str, kind=QtWidgets.QWidget):
    found = window.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def latest(window):
    return window.run.session.latest


def wait_current_frame(qtbot, window, predicate=lambda f: True, timeout: int = 5000):
    """Wait until the session's newest frame belongs to the current run and satisfies
    ``predicate``; returns it."""
    session = window.run.session

    def ok() -> bool:
        f = session.latest
        return f is not None and f.run_id == session.run_id and predicate(f)

    qtbot.waitUntil(ok, timeout=timeout)
    return session.latest


def wait_label(qtbot, window, name: str, value, timeout: int = 5000):
    """Wait until the label ``name`` shows ``value`` as its first number."""
    label = widget(window, name, QtWidgets.QLabel)

    def shows() -> bool:
        try:
            return number(label) == value
        except AssertionError:
            return False

    try:
        qtbot.waitUntil(shows, timeout=timeout)
    except qtbot.TimeoutError:
        raise AssertionError(f"{name} never showed {value!r}; it shows {label.text()!r}") from None
    return label


def wait_ticks(qtbot, window, n: int = 3) -> None:
    """Let the redraw timer fire ``n`` more times (each tick runs ``window.redraw``)."""
    for _ in range(n):
        with qtbot.waitSignal(window.redraw_timer.timeout, timeout=2000):
            pass


def settle(qtbot, window, predicate=lambda f: True, timeout: int = 5000):
    """Wait until the worker is idle (paused, finished or diverged) on the current run with a
    frame satisfying ``predicate``, and the iteration label shows that frame; returns it."""
    from app.frames import RunState

    idle = (RunState.PAUSED, RunState.FINISHED, RunState.DIVERGED)
    frame = wait_current_frame(qtbot, window, lambda f: f.state in idle and predicate(f), timeout)
    wait_label(qtbot, window, "iterationLabel", frame.snapshot.iteration, timeout)
    return frame


def click_step(qtbot, window, n: int) -> None:
    widget(window, "stepSizeSpin", QtWidgets.QSpinBox).setValue(n)
    widget(window, "stepButton", QtWidgets.QAbstractButton).click()


def history(costs, every: int = 1) -> HistoryView:
    """A read-only cost history of ``costs``, recorded every ``every`` iterations from 0."""
    costs = np.array(costs, dtype=float)
    its = np.arange(len(costs), dtype=np.int64) * every
    its.flags.writeable = False
    costs.flags.writeable = False
    return HistoryView(((its, costs),), len(costs))
