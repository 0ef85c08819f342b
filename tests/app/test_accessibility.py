"""Every control can be reached with the keyboard and has a name a screen reader can say."""

from __future__ import annotations

import pyqtgraph as pg
from PyQt6 import QtCore, QtWidgets

CONTROLS = (
    QtWidgets.QAbstractButton,
    QtWidgets.QComboBox,
    QtWidgets.QAbstractSpinBox,
    QtWidgets.QLineEdit,
    QtWidgets.QAbstractSlider,
    QtWidgets.QTableWidget,
)


def _ours(widget: QtWidgets.QWidget) -> bool:
    """Controls the app made (not Qt's internal ones inside tab bars, scroll bars, spin boxes)."""
    if isinstance(widget, QtWidgets.QScrollBar) or widget.objectName().startswith("qt_"):
        return False
    if widget.objectName() in ("ScrollLeftButton", "ScrollRightButton"):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QAbstractSpinBox | QtWidgets.QComboBox | pg.GraphicsView):
            return False  # the line edit inside a spin box, pyqtgraph's own widgets
        parent = parent.parentWidget()
    return True


def controls(root: QtWidgets.QWidget):
    return [w for w in root.findChildren(QtWidgets.QWidget) if isinstance(w, CONTROLS) and _ours(w)]


def test_every_control_has_an_accessible_name_and_takes_tab_focus(window, qtbot):
    window.mode_tabs.setCurrentWidget(window.compare_view)
    qtbot.waitUntil(lambda: window.compare.session is not None)
    found = controls(window)
    assert len(found) > 30
    unnamed = [
        f"{w.objectName() or type(w).__name__} in {w.parentWidget().objectName()}"
        for w in found
        if not w.accessibleName()
    ]
    assert not unnamed, unnamed
    # Toolbar buttons stay out of the Tab chain, as in every Qt app: their actions have shortcuts
    # and are in the menus.
    untabbable = [
        w.objectName() or type(w).__name__
        for w in found
        if not (w.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)
        and not isinstance(w.parentWidget(), QtWidgets.QToolBar)
    ]
    assert not untabbable, untabbable


def test_tab_walks_through_the_controls(window, qtbot):
    """Tab from the initializer reaches the run buttons without a mouse."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.controls.initializer.setFocus()
    qtbot.waitUntil(window.controls.initializer.hasFocus)
    seen = set()
    for _ in range(60):
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), QtCore.Qt.Key.Key_Tab)
        focused = QtWidgets.QApplication.focusWidget()
        if focused is not None:
            seen.add(focused.objectName())
    assert {"playPauseButton", "stepButton", "resetButton", "learningRateSpin"} <= seen


def test_every_menu_action_has_a_name_and_text(window):
    from PyQt6 import QtGui

    for action in window.findChildren(QtGui.QAction):
        if action.isSeparator() or not action.objectName():
            continue
        assert action.text().strip(), action.objectName()
