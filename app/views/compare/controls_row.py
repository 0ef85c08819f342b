"""The comparison's two rows of controls: what to add (``compareAddRow``) and what to do with every
run together, with the status line (``compareRunRow``).

They decide nothing: a click becomes an intent signal carrying the raw values shown (the
controller validates them and answers), and what comes back is shown as it is given.  Each row
wraps between its groups of controls on a narrow screen (:mod:`.flow_layout`).
"""

from __future__ import annotations

import time

from PyQt6 import QtCore, QtGui, QtWidgets

from app.frames import CompareFrame, RunState
from app.i18n import Retranslatable, engine_text, translate
from app.views.compare.flow_layout import flow_groups
from app.views.compare.texts import Wording, bold, status_text, tips
from app.views.qt_items import LabelSlot
from app.views.spin_boxes import CheckedDoubleSpinBox, CheckedSpinBox, refusal_text
from app.views.style import ERROR_COLOR
from engine.compare import MAX_CONFIGS
from engine.config import MAX_LEARNING_RATE
from engine.initializers import INITIALIZERS, MAX_SCALE

__all__ = ["NOTE_SECONDS", "AddRow", "RunRow"]

#: A passing note (:meth:`RunRow.notice`) stays on the status line this long.
NOTE_SECONDS = 6.0


def _uses_scale(name: str) -> bool:
    """Does this initializer take the multiplier (``scaled``)?"""
    init = INITIALIZERS.get(name)
    return init is not None and init.uses_scale


class AddRow(Retranslatable, QtWidgets.QWidget):
    """``compareAddRow``: the configuration to add (initializer, scale, learning rate, hidden
    sizes), Add and Remove selected."""

    #: Add: initializer CLI name, learning rate, hidden sizes as typed, scale
    addRequested = QtCore.pyqtSignal(str, float, str, float)
    removeRequested = QtCore.pyqtSignal()
    #: a spin box refused what was typed: the wording of why
    refused = QtCore.pyqtSignal(object)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareAddRow")
        self.config_heading = QtWidgets.QLabel(objectName="compareConfigLabel")
        self.init_combo = QtWidgets.QComboBox(objectName="compareInitCombo")
        for name, init in INITIALIZERS.items():
            self.init_combo.addItem(init.label, name)
        self.init_combo.setCurrentIndex(max(0, self.init_combo.findData("he")))
        # Room for a short name; long ones show whole in the list (a projector's width is dear).
        self.init_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.init_combo.setMinimumContentsLength(10)
        self.config_heading.setBuddy(self.init_combo)
        self.scale_spin = CheckedDoubleSpinBox(objectName="compareScaleSpin")
        self.scale_spin.setDecimals(4)
        self.scale_spin.setRange(1e-3, MAX_SCALE)
        self.scale_spin.setValue(1.0)
        self.scale_spin.setKeyboardTracking(False)
        self.scale_spin.setPrefix("×")
        self.init_combo.currentIndexChanged.connect(self._sync_scale_enabled)
        self._sync_scale_enabled()
        self.lr_label = QtWidgets.QLabel(objectName="compareLrLabel")
        self.lr_spin = CheckedDoubleSpinBox(objectName="compareLrSpin")
        self.lr_spin.setDecimals(6)
        self.lr_spin.setRange(1e-6, MAX_LEARNING_RATE)
        self.lr_spin.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.lr_spin.setValue(0.01)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_label.setBuddy(self.lr_spin)
        self.hidden_label = QtWidgets.QLabel(objectName="compareHiddenLabel")
        self.hidden_edit = QtWidgets.QLineEdit("10,5", objectName="compareHiddenEdit")
        self.hidden_edit.returnPressed.connect(self.request_add)
        for box in (self.scale_spin, self.lr_spin):
            box.refused.connect(
                lambda text, b=box: self.refused.emit(lambda: refusal_text(b, text))
            )
        self.hidden_label.setBuddy(self.hidden_edit)
        self.add_button = QtWidgets.QPushButton(objectName="compareAddButton")
        self.add_button.clicked.connect(self.request_add)
        self.remove_button = QtWidgets.QPushButton(objectName="compareRemoveButton")
        self.remove_button.clicked.connect(self.removeRequested)
        # Groups that stay together; on a narrow screen (a projector's large text) the row
        # wraps between them instead of squeezing every control.
        flow_groups(
            self,
            [self.config_heading, self.init_combo, self.scale_spin],
            [self.lr_label, self.lr_spin],
            [self.hidden_label, self.hidden_edit],
            [self.add_button, self.remove_button],
        )
        self.retranslate_ui()

    def request_add(self) -> None:
        """Ask for the configuration shown (as shown: the controller validates it)."""
        self.addRequested.emit(
            self.init_combo.currentData(),
            self.lr_spin.value(),
            self.hidden_edit.text(),
            self.scale_spin.value(),
        )

    def set_capacity(self, can_add: bool, can_remove: bool) -> None:
        self.add_button.setEnabled(can_add)
        self.remove_button.setEnabled(can_remove)

    def controls(self) -> tuple[QtWidgets.QWidget, ...]:
        """Every control of the row, in tab order."""
        return (
            self.init_combo,
            self.scale_spin,
            self.lr_spin,
            self.hidden_edit,
            self.add_button,
            self.remove_button,
        )

    def _sync_scale_enabled(self, *_args) -> None:
        self.scale_spin.setEnabled(_uses_scale(self.init_combo.currentData()))

    def apply_font(self, font: QtGui.QFont) -> None:
        """``font`` where it does not propagate by itself (headings, the combo's list)."""
        self.config_heading.setFont(font)
        # Fonts do not propagate into windows: the combo box's drop-down list is one.
        self.init_combo.view().setFont(font)
        metrics = QtGui.QFontMetrics(font)
        self.hidden_edit.setFixedWidth(max(110, metrics.horizontalAdvance("50,50,50") + 24))

    def retranslate_ui(self) -> None:
        self.config_heading.setText(bold(translate("CompareView", "Configuration")))
        for name, init in INITIALIZERS.items():
            index = self.init_combo.findData(name)
            label, formula = engine_text(init.label), engine_text(init.formula)
            self.init_combo.setItemText(index, label)
            self.init_combo.setItemData(
                index,
                f"<b>{label}</b> ({formula})<br>{engine_text(init.explanation)}",
                QtCore.Qt.ItemDataRole.ToolTipRole,
            )
        tips(
            self.init_combo,
            translate("CompareView", "Initializer of the configuration to add"),
            translate("CompareView", "The initializer of the configuration that Add compares next"),
        )
        tips(
            self.scale_spin,
            translate("CompareView", "Weight scale"),
            translate("CompareView", "The weight scale of the 'scaled' initializer"),
        )
        self.lr_label.setText(translate("CompareView", "lr"))
        tips(
            self.lr_spin,
            translate("CompareView", "Learning rate of the configuration to add"),
            translate(
                "CompareView", "The learning rate of the configuration that Add compares next"
            ),
        )
        self.hidden_label.setText(translate("CompareView", "hidden"))
        tips(
            self.hidden_edit,
            translate("CompareView", "Hidden layers of the configuration to add"),
            translate("CompareView", "Hidden layer sizes, e.g. 10,5 (the tutorial's) or 50,50,50"),
        )
        self.add_button.setText(translate("CompareView", "Add"))
        tips(
            self.add_button,
            translate("CompareView", "Add configuration"),
            translate(
                "CompareView",
                "Compare this configuration too (up to {n}); it catches up with the others' "
                "iteration, then trains in step with them",
            ).format(n=MAX_CONFIGS),
        )
        self.remove_button.setText(translate("CompareView", "Remove selected"))
        tips(
            self.remove_button,
            translate("CompareView", "Remove selected configuration"),
            translate("CompareView", "Stop comparing the configuration selected in the table"),
        )


class RunRow(Retranslatable, QtWidgets.QWidget):
    """``compareRunRow``: Play/Pause, Step (with its size), Reset and the log scale for every
    run together, and the status line.

    The status line says the newest frame's iteration and state, or a message it was given
    (:meth:`say`); an error or a refusal stays readable until training moves again.  Both are
    kept as wordings, so a language switch says them again.
    """

    togglePlayRequested = QtCore.pyqtSignal()
    stepRequested = QtCore.pyqtSignal(int)  # steps per click
    stepSizeChanged = QtCore.pyqtSignal(int)
    resetRequested = QtCore.pyqtSignal()
    logScaleToggled = QtCore.pyqtSignal(bool)
    refused = QtCore.pyqtSignal(object)  # the step size box refused what was typed
    flatOutToggled = QtCore.pyqtSignal(bool)  # flat out, or the default pace
    networksToggled = QtCore.pyqtSignal(bool)  # each run's network diagram instead of its map

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareRunRow")
        self.together_heading = QtWidgets.QLabel(objectName="compareTogetherLabel")
        self.play_button = QtWidgets.QPushButton(objectName="comparePlayButton")
        self.play_button.clicked.connect(self.togglePlayRequested)
        self.step_button = QtWidgets.QPushButton(objectName="compareStepButton")
        self.step_button.clicked.connect(self.request_step)
        self.step_size = CheckedSpinBox(objectName="compareStepSizeSpin")
        self.step_size.setRange(1, 1_000_000)
        self.step_size.setValue(1)
        self.step_size.setGroupSeparatorShown(True)
        self.step_size.valueChanged.connect(self.stepSizeChanged)
        self.step_size.refused.connect(
            lambda text: self.refused.emit(lambda: refusal_text(self.step_size, text))
        )
        self.reset_button = QtWidgets.QPushButton(objectName="compareResetButton")
        self.reset_button.clicked.connect(self.resetRequested)
        for button in (self.play_button, self.step_button, self.reset_button):
            button.setMinimumWidth(72)
        self.log_check = QtWidgets.QCheckBox(objectName="compareLogCheck")
        self.log_check.setChecked(True)
        self.log_check.toggled.connect(self.logScaleToggled)
        self.flat_out_check = QtWidgets.QCheckBox(objectName="compareFlatOutCheck")
        self.flat_out_check.toggled.connect(self.flatOutToggled)
        self.networks_check = QtWidgets.QCheckBox(objectName="compareNetworksCheck")
        self.networks_check.toggled.connect(self.networksToggled)
        self.status = QtWidgets.QLabel(objectName="compareStatusLabel")
        self.status.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.status.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
        )
        status_slot = LabelSlot(self.status)
        status_slot.setMinimumWidth(160)
        self._state = RunState.PAUSED  # what Play/Pause shows
        #: makes the status line's text: kept, so that a language switch can say it again
        self._status_source: Wording | None = None
        self.said_error = False
        self._note: Wording | None = None  # a passing note, said before the state
        self._note_until = 0.0  # until then (time.monotonic)
        flow_groups(
            self,
            [
                self.together_heading,
                self.play_button,
                self.step_button,
                self.step_size,
                self.reset_button,
            ],
            [self.log_check, self.flat_out_check, self.networks_check],
            # Takes the rest of its line (its size policy is Ignored); in a slot, so its new
            # text every frame does not re-lay out the row and the view around it.
            [status_slot],
        )
        self.retranslate_ui()

    def request_step(self) -> None:
        """Ask every run for a Step of the size shown."""
        self.stepRequested.emit(self.step_size.value())

    def controls(self) -> tuple[QtWidgets.QWidget, ...]:
        """Every control of the row, in tab order."""
        return (
            self.play_button,
            self.step_button,
            self.step_size,
            self.reset_button,
            self.log_check,
            self.flat_out_check,
            self.networks_check,
        )

    def apply_font(self, font: QtGui.QFont) -> None:
        self.together_heading.setFont(font)

    # -- what is shown ----------------------------------------------------------------------------
    def say(self, text: str | Wording, error: bool = False) -> None:
        """Show a message on the status line.

        Pass a function that makes the text (in the current language) rather than the text, and
        a language switch says it again in the new language.
        """
        self._status_source = text if callable(text) else (lambda: text)
        self.status.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self._set_status(self._status_source())
        self.said_error = error

    def _set_status(self, text: str) -> None:
        if text != self.status.text():
            self.status.setText(text)
            self.status.setToolTip(text)  # the line may be cut short in a narrow window

    def show_state(self, frame: CompareFrame) -> None:
        """Play or Pause, and the status line for ``frame`` (unless an error is still to read)."""
        self._show_play(frame.state)
        running = frame.state in (RunState.RUNNING, RunState.STEPPING)
        if self.said_error and not running:
            return  # keep an error or refusal readable until training moves again
        note = self._note if time.monotonic() < self._note_until else None
        if note is None:
            self.say(lambda: status_text(frame))
        else:
            self.say(lambda: f"{note()} · {status_text(frame)}")

    def notice(self, text: Wording) -> None:
        """Say ``text``, then before the state of every frame for :data:`NOTE_SECONDS` (a
        message :meth:`say` would be gone with the next frame), or until :meth:`drop_note`."""
        self._note, self._note_until = text, time.monotonic() + NOTE_SECONDS
        self.say(text)

    def drop_note(self) -> None:
        """The note no longer holds (the timeline was moved again)."""
        self._note_until = 0.0

    def _show_play(self, state: RunState) -> None:
        self._state = state
        running = state is RunState.RUNNING
        text = translate("CompareView", "Pause") if running else translate("CompareView", "Play")
        if text != self.play_button.text():
            self.play_button.setText(text)

    def retranslate_ui(self) -> None:
        self.together_heading.setText(bold(translate("CompareView", "All together")))
        tips(
            self.play_button,
            translate("CompareView", "Play or pause every configuration"),
            translate("CompareView", "Run or pause every configuration, in step"),
        )
        self.step_button.setText(translate("CompareView", "Step"))
        tips(
            self.step_button,
            translate("CompareView", "Step every configuration"),
            translate(
                "CompareView",
                "While paused: every configuration takes the given number of steps. "
                "While running: pause",
            ),
        )
        tips(
            self.step_size,
            translate("CompareView", "Steps per click of Step"),
            translate("CompareView", "How many gradient steps one click of Step takes"),
        )
        self.reset_button.setText(translate("CompareView", "Reset"))
        tips(
            self.reset_button,
            translate("CompareView", "Reset every configuration"),
            translate("CompareView", "Every configuration back to iteration 0, same weights"),
        )
        self.log_check.setText(translate("CompareView", "Log-scale cost"))
        tips(
            self.log_check,
            translate("CompareView", "Log-scale cost"),
            translate(
                "CompareView", "Random ×10 starts near 1774: a log axis keeps all curves legible"
            ),
        )
        self.networks_check.setText(translate("CompareView", "Networks"))
        tips(
            self.networks_check,
            translate("CompareView", "Networks"),
            translate(
                "CompareView",
                "Each run's network instead of its map: every neuron's output over the plane",
            ),
        )
        self.flat_out_check.setText(translate("CompareView", "Flat out"))
        tips(
            self.flat_out_check,
            translate("CompareView", "Flat out"),
            translate(
                "CompareView",
                "Train as fast as this machine can; unchecked, at a pace you can talk over",
            ),
        )
        self.status.setAccessibleName(translate("CompareView", "Comparison status"))
        self._show_play(self._state)
        if self._status_source is not None:
            self._set_status(self._status_source())
