"""A layout that wraps its widgets onto new lines when the width runs out (the comparison's rows
of controls on a narrow projector screen)."""

from __future__ import annotations

from collections.abc import Sequence

from PyQt6 import QtCore, QtWidgets

__all__ = ["FlowLayout", "flow_groups"]


class FlowLayout(QtWidgets.QLayout):
    """Items left to right, wrapping onto a new line when the width runs out.

    Qt's flow-layout example, plus: an item whose widget's horizontal size policy is ``Ignored``
    (the status line) takes the rest of its line, or a line of its own if less than its minimum
    width is left.  Its preferred size is everything on one line, so a wide window looks like a
    plain row.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QtWidgets.QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QtWidgets.QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QtWidgets.QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> QtCore.Qt.Orientation:
        return QtCore.Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QtCore.QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QtCore.QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QtCore.QSize:
        hints = [self._hint(item) for item in self._items]
        width = sum(h.width() for h in hints) + self._gap * max(0, len(hints) - 1)
        return QtCore.QSize(width, max((h.height() for h in hints), default=0))

    def minimumSize(self) -> QtCore.QSize:
        size = QtCore.QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    @staticmethod
    def _fills(item: QtWidgets.QLayoutItem) -> bool:
        widget = item.widget()
        policy = widget.sizePolicy().horizontalPolicy() if widget is not None else None
        return policy == QtWidgets.QSizePolicy.Policy.Ignored

    def _hint(self, item: QtWidgets.QLayoutItem) -> QtCore.QSize:
        return item.minimumSize() if self._fills(item) else item.sizeHint()

    def _arrange(self, rect: QtCore.QRect, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        right = rect.right() + 1
        for item in self._items:
            if item.isEmpty():
                continue
            hint = self._hint(item)
            width = hint.width()
            if x > rect.x() and x + width > right:  # no room left on this line
                x, y, line = rect.x(), y + line + self._gap // 2, 0
            if self._fills(item):
                width = max(width, right - x)
            if apply:
                item.setGeometry(
                    QtCore.QRect(QtCore.QPoint(x, y), QtCore.QSize(width, hint.height()))
                )
            x += width + self._gap
            line = max(line, hint.height())
        return y + line - rect.y()


def flow_groups(row: QtWidgets.QWidget, *groups: Sequence[QtWidgets.QWidget]) -> None:
    """Lay ``row`` out as groups of widgets that wrap between groups (never inside one)."""
    flow = FlowLayout(row)
    for widgets in groups:
        if len(widgets) == 1:
            flow.addWidget(widgets[0])
            continue
        group = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(group)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for widget in widgets:
            layout.addWidget(widget)
        flow.addWidget(group)
