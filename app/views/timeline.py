"""The timeline under the plots: a slider over every iteration trained, to go back to any of them.

While training runs the slider follows the newest iteration.  Dragging it (or the keys: ``,`` and
``.`` one iteration, with Shift 100) asks to see that iteration again (``seekRequested``); the
worker pauses and replays it exactly, and every view shows it.  Back at the right end the views
follow the live run again (``Live`` does the same in one click).  "Branch from here" makes the
iteration on show the run's newest and trains on from it.

The bar only emits intent and shows positions it is given: the window (or the comparison's
controller) sends the commands and feeds it each frame's ``(iteration, newest)``.
"""

from __future__ import annotations

from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import Retranslatable, translate
from app.views.style import Palette, opaque, widget_font_pt

__all__ = ["BIG_STEP", "TimelineBar"]

#: Shift with ``,``/``.``: iterations per key press.
BIG_STEP = 100


class TimelineBar(Retranslatable, QtWidgets.QWidget):
    """A ``QSlider`` whose value is the iteration on show, a label, "Live" and "Branch".

    ``name`` prefixes the object names (``timeline`` → ``timelineSlider``, ``timelineLiveButton``,
    ``timelineBranchButton``); ``with_branch=False`` leaves out the branch button.
    """

    seekRequested = QtCore.pyqtSignal(int)
    branchRequested = QtCore.pyqtSignal()

    def __init__(
        self,
        name: str = "timeline",
        with_branch: bool = True,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        opaque(self)  # it moves every frame: repaint the bar alone
        self._newest = 0
        self._shown = 0
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"{name}Slider")
        self.slider.setRange(0, 0)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(BIG_STEP)
        self.slider.setTracking(True)
        self.slider.valueChanged.connect(self._on_value)
        self.label = QtWidgets.QLabel()
        self.label.setObjectName(f"{name}Label")
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.NoTextInteraction)
        self.live_button = QtWidgets.QPushButton()
        self.live_button.setObjectName(f"{name}LiveButton")
        self.live_button.clicked.connect(self.go_live)
        self.branch_button: QtWidgets.QPushButton | None = None
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.slider.setMinimumWidth(120)
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        row.addWidget(self.live_button)
        if with_branch:
            self.branch_button = QtWidgets.QPushButton()
            self.branch_button.setObjectName(f"{name}BranchButton")
            self.branch_button.clicked.connect(self.branchRequested)
            row.addWidget(self.branch_button)
        self.retranslate_ui()
        self._show_state()

    # -- what the GUI is given -----------------------------------------------------------------
    @property
    def newest(self) -> int:
        return self._newest

    @property
    def shown(self) -> int:
        """The iteration the views show (the slider's value, unless the user is dragging)."""
        return self._shown

    @property
    def rewound(self) -> bool:
        return self._shown < self._newest

    def show_position(self, iteration: int, newest: int) -> None:
        """A frame arrived: it shows ``iteration``; ``newest`` iterations are trained."""
        self._newest, self._shown = max(newest, iteration), iteration
        blocked = self.slider.blockSignals(True)
        self.slider.setMaximum(self._newest)
        if not self.slider.isSliderDown():  # never yank the handle from under the user's hand
            self.slider.setValue(iteration)
        self.slider.blockSignals(blocked)
        self._show_state()

    # -- what the user asks for ----------------------------------------------------------------
    def step_by(self, delta: int) -> None:
        """Move ``delta`` iterations from the one on show (the keys ``,`` and ``.``)."""
        target = min(max(self._shown + delta, 0), self._newest)
        if target != self._shown:
            self.slider.setValue(target)  # emits seekRequested through _on_value

    def go_live(self) -> None:
        """Back to the newest iteration: the views follow the run again."""
        self.slider.setValue(self._newest)
        if self._shown != self._newest:  # the slider was already at the end, the views were not
            self.seekRequested.emit(self._newest)

    def _on_value(self, value: int) -> None:
        self._shown = value
        self._show_state()
        self.seekRequested.emit(value)

    # -- looks -----------------------------------------------------------------------------------
    def _show_state(self) -> None:
        rewound = self.rewound
        # Called for every frame drawn while training runs: while live the words stay the
        # same, so nothing is set (no relayout, no repaint of the label).
        if rewound:
            text = translate("TimelineBar", "{k:,} of {n:,}").format(k=self._shown, n=self._newest)
            tip = translate("TimelineBar", "Iteration {k:,} on show; {n:,} trained").format(
                k=self._shown, n=self._newest
            )
        else:
            text = translate("TimelineBar", "live")
            tip = translate("TimelineBar", "The views follow the newest iteration trained")
        if text != self.label.text():
            self.label.setText(text)
            self.label.setToolTip(tip)
        if rewound != self.live_button.isEnabled():
            self.live_button.setEnabled(rewound)
            if self.branch_button is not None:
                self.branch_button.setEnabled(rewound)

    def apply_palette(self, palette: Palette) -> None:
        """Projector mode: a bigger font and a handle that can be grabbed from a lectern."""
        font = QtGui.QFont(self.font())
        font.setPointSizeF(widget_font_pt(palette))  # the same size as the other controls
        for widget in (self.label, self.live_button, self.branch_button):
            if widget is not None:
                widget.setFont(font)
        handle = 28 if palette.projector else 0
        self.slider.setStyleSheet(
            f"QSlider::handle:horizontal {{ width: {handle}px; }}" if handle else ""
        )

    def retranslate_ui(self) -> None:
        tip = translate(
            "TimelineBar",
            "Drag back to see any iteration already trained, exactly as it was; training pauses."
            "<br>Keys: , and . one iteration, Shift+, and Shift+. {n} iterations."
            "<br>At the right end the views follow the run again.",
        ).format(n=BIG_STEP)
        self.slider.setToolTip(tip)
        self.slider.setAccessibleName(translate("TimelineBar", "Timeline: iteration on show"))
        self.slider.setAccessibleDescription(tip)
        self.live_button.setText(translate("TimelineBar", "&Live"))
        live_tip = translate(
            "TimelineBar", "Back to the newest iteration: the views follow the run."
        )
        self.live_button.setToolTip(live_tip)
        self.live_button.setAccessibleName(translate("TimelineBar", "Timeline: back to live"))
        self.live_button.setAccessibleDescription(live_tip)
        if self.branch_button is not None:
            self.branch_button.setText(translate("TimelineBar", "&Branch here"))
            branch_tip = translate(
                "TimelineBar",
                "Train on from the iteration on show: the later iterations are dropped "
                "(their cost curve stays, faint, for comparison).",
            )
            self.branch_button.setToolTip(branch_tip)
            self.branch_button.setAccessibleName(
                translate("TimelineBar", "Timeline: branch from the iteration on show")
            )
            self.branch_button.setAccessibleDescription(branch_tip)
        self._show_state()
