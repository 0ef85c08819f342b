"""The timeline's keys, as actions in the Run menu (so the menu lists them), for the tab in view.

``,`` and ``.`` move one iteration; with Shift (which most layouts deliver as ``<`` and ``>``)
:data:`~app.views.timeline.BIG_STEP` iterations; Home goes to iteration 0, End back to live.  Each
key moves the timeline bar of the tab in view — the single run's or the comparison's — which
then asks its controller for that iteration, exactly as a drag of its slider does.  A text field
with focus keeps these keys for typing (Qt gives it the key first).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import translate
from app.views.timeline import BIG_STEP, TimelineBar

if TYPE_CHECKING:
    from app.main_window import MainWindow

__all__ = ["TimelineActions"]


def _texts() -> dict[str, Callable[[], str]]:
    return {
        "timelineBackAction": lambda: translate("TimelineActions", "Timeline: back one iteration"),
        "timelineForwardAction": lambda: translate(
            "TimelineActions", "Timeline: forward one iteration"
        ),
        "timelineBackManyAction": lambda: translate(
            "TimelineActions", "Timeline: back {n} iterations"
        ).format(n=BIG_STEP),
        "timelineForwardManyAction": lambda: translate(
            "TimelineActions", "Timeline: forward {n} iterations"
        ).format(n=BIG_STEP),
        "timelineStartAction": lambda: translate("TimelineActions", "Timeline: iteration 0"),
        "timelineLiveAction": lambda: translate("TimelineActions", "Timeline: back to live"),
    }


#: each action's keys
KEYS: dict[str, tuple[str, ...]] = {
    "timelineBackAction": (",",),
    "timelineForwardAction": (".",),
    "timelineBackManyAction": ("<",),
    "timelineForwardManyAction": (">",),
    "timelineStartAction": ("Home",),
    "timelineLiveAction": ("End",),
}


class TimelineActions:
    """Builds the timeline's actions into the window's Run menu and re-words them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.actions: dict[str, QtGui.QAction] = {}
        menu = window.findChild(QtWidgets.QMenu, "runMenu")
        if menu is not None:
            menu.addSeparator()
        moves = {
            "timelineBackAction": lambda bar: bar.step_by(-1),
            "timelineForwardAction": lambda bar: bar.step_by(1),
            "timelineBackManyAction": lambda bar: bar.step_by(-BIG_STEP),
            "timelineForwardManyAction": lambda bar: bar.step_by(BIG_STEP),
            "timelineStartAction": lambda bar: bar.step_by(-bar.shown),
            "timelineLiveAction": lambda bar: bar.go_live(),
        }
        for name, keys in KEYS.items():
            action = QtGui.QAction(window)
            action.setObjectName(name)
            action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
            action.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, move=moves[name]: self._move(move))
            if menu is not None:
                menu.addAction(action)
            else:
                window.addAction(action)
            self.actions[name] = action
        self.retranslate_ui()

    def bar(self) -> TimelineBar:
        """The timeline of the tab in view."""
        window = self.window
        if window.mode_tabs.currentWidget() is window.compare_view:
            return window.compare_view.timeline
        return window.timeline

    def _move(self, move: Callable[[TimelineBar], None]) -> None:
        move(self.bar())

    def retranslate_ui(self) -> None:
        for name, text in _texts().items():
            self.actions[name].setText(text())
