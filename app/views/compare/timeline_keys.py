"""The comparison's timeline keys: ``,`` ``.`` one iteration, with Shift
:data:`~app.views.timeline.BIG_STEP`, while the comparison has focus.

Shortcuts on the comparison widget (``WidgetWithChildrenShortcut``), so they act only there, and
a text field with focus keeps the keys for typing (Qt gives it the key first).  Shift with ``,``
and ``.`` arrives as ``<`` and ``>`` on most layouts, as Shift+``,`` on others, and on X11 one
press matches several of these sequences at once: Qt calls that ambiguous and fires none of them,
so the ambiguous activation is taken as the move too (every sequence of a shortcut is one move).

In a window that has the timeline's keys itself (:mod:`app.timeline_actions` moves the bar of the
tab in view), these step aside: a window-wide shortcut and ours on one key would be ambiguous,
and Qt would fire neither.
"""

from __future__ import annotations

from PyQt6 import QtCore, QtGui, QtWidgets

from app.views.timeline import BIG_STEP, TimelineBar

__all__ = ["TIMELINE_KEYS", "TimelineKeys"]

#: the keys, by the iterations they move the timeline
TIMELINE_KEYS: dict[int, tuple[str, ...]] = {
    -1: (",",),
    1: (".",),
    -BIG_STEP: ("<", "Shift+<", "Shift+,"),
    BIG_STEP: (">", "Shift+>", "Shift+."),
}

_WINDOW_WIDE = (
    QtCore.Qt.ShortcutContext.WindowShortcut,
    QtCore.Qt.ShortcutContext.ApplicationShortcut,
)


class TimelineKeys:
    """The keys that move ``bar`` while focus is in ``owner`` (or one of its children)."""

    def __init__(self, owner: QtWidgets.QWidget, bar: TimelineBar) -> None:
        self.owner = owner
        self.shortcuts: list[QtGui.QShortcut] = []
        for delta, keys in TIMELINE_KEYS.items():
            shortcut = QtGui.QShortcut(owner)
            shortcut.setKeys([QtGui.QKeySequence(key) for key in keys])
            shortcut.setContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: bar.step_by(d))
            shortcut.activatedAmbiguously.connect(lambda d=delta: bar.step_by(d))
            self.shortcuts.append(shortcut)

    @property
    def enabled(self) -> bool:
        return all(shortcut.isEnabled() for shortcut in self.shortcuts)

    def yield_to_window(self) -> None:
        """Step aside if the owner's window has the timeline's keys itself (call on show)."""
        window = self.owner.window()
        comma = QtGui.QKeySequence(",")
        taken = window is not self.owner and any(
            action.shortcutContext() in _WINDOW_WIDE and comma in action.shortcuts()
            for action in window.findChildren(QtGui.QAction)
        )
        for shortcut in self.shortcuts:
            shortcut.setEnabled(not taken)
