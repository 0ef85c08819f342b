"""The control panel and the status strip: every widget the public contract names lives here.

The panel only builds and lays out widgets; the window connects them to the session, so the
mapping from a user's action to a training command is in one place (``main_window.py``).
Every text is set in ``retranslate_ui`` so that a language switch re-labels the panel live.
"""

from __future__ import annotations

from PyQt6 import QtCore, QtGui, QtWidgets

from app.commands import FLAT_OUT
from app.i18n import Retranslatable, engine_text, translate
from app.views.qt_items import LabelSlot
from app.views.spin_boxes import CheckedDoubleSpinBox, CheckedSpinBox
from app.views.style import Palette
from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.initializers import INITIALIZERS, MAX_SCALE
from engine.trainer import MAX_HIDDEN_LAYERS, MAX_LEARNING_RATE, MAX_SEED, MAX_UNITS

__all__ = ["SPEEDS", "ControlPanel", "StatusStrip", "speed_text"]

#: speedSlider positions → steps per frame; the last one is "flat out".
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, FLAT_OUT)
_TOOLTIP = QtCore.Qt.ItemDataRole.ToolTipRole


def speed_text(steps: int) -> str:
    if steps == FLAT_OUT:
        return translate("ControlPanel", "flat out")
    if steps == 1:
        return translate("ControlPanel", "1 step / frame")
    return translate("ControlPanel", "{n} steps / frame").format(n=steps)


def _buddy(buddy: QtWidgets.QWidget) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setBuddy(buddy)
    return label


def _set_tips(widget: QtWidgets.QWidget, name: str, tip: str = "") -> None:
    """Screen readers read the accessible name; the tooltip says what the control does."""
    widget.setAccessibleName(name)
    if tip:
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)


def init_tooltip(name: str, key: int | None = None) -> str:
    """Rich tooltip of one initializer: its label, formula, what it does, and its shortcut."""
    init = INITIALIZERS[name]
    label, formula = engine_text(init.label), engine_text(init.formula)
    tip = f"<b>{label}</b> ({formula})<br>{engine_text(init.explanation)}"
    if key is not None and key <= 9:
        tip += "<br><i>" + translate("ControlPanel", "Shortcut: {key}").format(key=key) + "</i>"
    return tip


class ControlPanel(Retranslatable, QtWidgets.QWidget):
    """Initializer, seed, learning rate, network, data, the run buttons and the cost view."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controlPanel")
        outer = QtWidgets.QVBoxLayout(self)

        # -- the experiment ---------------------------------------------------------------------
        self.setup_box = QtWidgets.QGroupBox()
        form = QtWidgets.QFormLayout(self.setup_box)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.initializer = QtWidgets.QComboBox(objectName="initializerCombo")
        for name in INITIALIZERS:
            self.initializer.addItem("", name)
        self.initializer_label = _buddy(self.initializer)
        form.addRow(self.initializer_label, self.initializer)

        self.init_info = QtWidgets.QLabel(objectName="initializerInfo")
        self.init_info.setWordWrap(True)
        self.init_info.setTextFormat(QtCore.Qt.TextFormat.RichText)
        form.addRow(self.init_info)

        seed_row = QtWidgets.QHBoxLayout()
        self.seed = CheckedSpinBox(objectName="seedSpin")
        self.seed.setRange(0, MAX_SEED)
        self.seed.setValue(3)
        self.seed.setKeyboardTracking(False)
        self.new_seed = QtWidgets.QPushButton(objectName="newSeedButton")
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        self.seed_label = _buddy(self.seed)
        form.addRow(self.seed_label, seed_row)

        self.scale = CheckedDoubleSpinBox(objectName="scaleSpin")
        self.scale.setDecimals(3)
        self.scale.setRange(0.001, MAX_SCALE)
        self.scale.setValue(1.0)
        self.scale.setKeyboardTracking(False)
        self.scale_label = _buddy(self.scale)
        form.addRow(self.scale_label, self.scale)

        self.learning_rate = CheckedDoubleSpinBox(objectName="learningRateSpin")
        self.learning_rate.setDecimals(6)
        self.learning_rate.setRange(1e-6, MAX_LEARNING_RATE)
        self.learning_rate.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.learning_rate.setValue(0.01)
        self.learning_rate.setKeyboardTracking(False)  # apply the number once it is typed
        self.learning_rate_label = _buddy(self.learning_rate)
        form.addRow(self.learning_rate_label, self.learning_rate)
        outer.addWidget(self.setup_box)

        # -- the network ------------------------------------------------------------------------
        self.network_box = QtWidgets.QGroupBox()
        nform = QtWidgets.QFormLayout(self.network_box)
        nform.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hidden = QtWidgets.QLineEdit("10,5", objectName="hiddenLayersEdit")
        self.hidden_label = _buddy(self.hidden)
        nform.addRow(self.hidden_label, self.hidden)
        self.activation = QtWidgets.QComboBox(objectName="activationCombo")
        for name in ACTIVATIONS:
            self.activation.addItem("", name)
        self.activation_label = _buddy(self.activation)
        nform.addRow(self.activation_label, self.activation)
        outer.addWidget(self.network_box)

        # -- the data -----------------------------------------------------------------------------
        self.data_box = QtWidgets.QGroupBox()
        dform = QtWidgets.QFormLayout(self.data_box)
        dform.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dataset = QtWidgets.QComboBox(objectName="datasetCombo")
        for name in DATASETS:
            self.dataset.addItem("", name)
        data_row = QtWidgets.QHBoxLayout()
        data_row.addWidget(self.dataset, 1)
        self.load_csv = QtWidgets.QPushButton(objectName="loadCsvButton")
        data_row.addWidget(self.load_csv)
        self.dataset_label = _buddy(self.dataset)
        dform.addRow(self.dataset_label, data_row)
        self.noise = CheckedDoubleSpinBox(objectName="noiseSpin")
        self.noise.setDecimals(3)
        self.noise.setRange(0.0, 1.0)
        self.noise.setSingleStep(0.01)
        self.noise.setValue(0.05)
        self.noise.setKeyboardTracking(False)
        self.samples = CheckedSpinBox(objectName="samplesSpin")
        self.samples.setRange(20, 5000)
        self.samples.setValue(300)
        self.samples.setKeyboardTracking(False)
        self.noise_label = _buddy(self.noise)
        self.samples_label = _buddy(self.samples)
        dform.addRow(self.noise_label, self.noise)
        dform.addRow(self.samples_label, self.samples)
        outer.addWidget(self.data_box)

        # -- running ------------------------------------------------------------------------------
        self.run_box = QtWidgets.QGroupBox()
        grid = QtWidgets.QGridLayout(self.run_box)
        self.play = QtWidgets.QPushButton(objectName="playPauseButton")
        self.step = QtWidgets.QPushButton(objectName="stepButton")
        self.reset = QtWidgets.QPushButton(objectName="resetButton")
        for col, button in enumerate((self.play, self.step, self.reset)):
            button.setMinimumHeight(34)
            grid.addWidget(button, 0, col)
        self.running = False

        self.step_size = CheckedSpinBox(objectName="stepSizeSpin")
        self.step_size.setRange(1, 1_000_000)
        self.step_size.setValue(1)
        self.step_size.setGroupSeparatorShown(True)
        self.step_size_label = _buddy(self.step_size)
        grid.addWidget(self.step_size_label, 1, 0, 1, 2)
        grid.addWidget(self.step_size, 1, 2)

        self.target = CheckedSpinBox(objectName="targetIterationsSpin")
        self.target.setRange(1, 1_000_000_000)
        self.target.setValue(15000)
        self.target.setGroupSeparatorShown(True)
        self.target.setKeyboardTracking(False)
        self.target_label = _buddy(self.target)
        grid.addWidget(self.target_label, 2, 0, 1, 2)
        grid.addWidget(self.target, 2, 2)

        self.speed = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal, objectName="speedSlider")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed_label = QtWidgets.QLabel(objectName="speedLabel")
        self.speed_caption = _buddy(self.speed)
        grid.addWidget(self.speed_caption, 3, 0)
        grid.addWidget(self.speed, 3, 1)
        grid.addWidget(self.speed_label, 3, 2)
        outer.addWidget(self.run_box)

        # -- the view -----------------------------------------------------------------------------
        self.view_box = QtWidgets.QGroupBox()
        vbox = QtWidgets.QVBoxLayout(self.view_box)
        self.log_scale = QtWidgets.QCheckBox(objectName="logScaleCheck")
        self.clear_ghosts = QtWidgets.QPushButton(objectName="clearHistoryButton")
        vbox.addWidget(self.log_scale)
        vbox.addWidget(self.clear_ghosts)
        outer.addWidget(self.view_box)
        outer.addStretch(1)
        self.retranslate_ui()

    def speed_steps(self) -> int:
        return SPEEDS[self.speed.value()]

    def set_running(self, running: bool) -> None:
        """Play becomes Pause while training runs (and back), in the current language."""
        self.running = running
        self.play.setText(
            translate("ControlPanel", "Pause") if running else translate("ControlPanel", "Play")
        )

    def retranslate_ui(self) -> None:
        """Every text of the panel, in the current language."""
        self.setup_box.setTitle(translate("ControlPanel", "Experiment"))
        self.initializer_label.setText(translate("ControlPanel", "&Initializer"))
        for key, name in enumerate(INITIALIZERS, start=1):
            index = self.initializer.findData(name)
            self.initializer.setItemText(index, engine_text(INITIALIZERS[name].label))
            self.initializer.setItemData(index, init_tooltip(name, key), _TOOLTIP)
        _set_tips(self.initializer, translate("ControlPanel", "Weight initializer"))
        self.init_info.setAccessibleName(translate("ControlPanel", "About this initializer"))
        self.seed_label.setText(translate("ControlPanel", "S&eed"))
        _set_tips(
            self.seed,
            translate("ControlPanel", "Random seed"),
            translate(
                "ControlPanel",
                "The seed of the initializer's random numbers (the tutorial uses 3). "
                "Reset replays the same seed; a new seed draws different weights.",
            ),
        )
        self.new_seed.setText(translate("ControlPanel", "New seed"))
        _set_tips(
            self.new_seed,
            translate("ControlPanel", "New seed"),
            translate("ControlPanel", "Draw different initial weights (N)"),
        )
        self.scale_label.setText(translate("ControlPanel", "Scale &k"))
        _set_tips(
            self.scale,
            translate("ControlPanel", "Scale multiplier"),
            translate(
                "ControlPanel",
                "The multiplier k of the 'scaled' initializer: randn × k·√(1/n_in)",
            ),
        )
        self.learning_rate_label.setText(translate("ControlPanel", "&Learning rate"))
        _set_tips(
            self.learning_rate,
            translate("ControlPanel", "Learning rate"),
            translate(
                "ControlPanel",
                "Gradient-descent step size. A change applies from the next step and resets "
                "nothing.",
            ),
        )

        self.network_box.setTitle(translate("ControlPanel", "Network"))
        self.hidden_label.setText(translate("ControlPanel", "&Hidden layers"))
        _set_tips(
            self.hidden,
            translate("ControlPanel", "Hidden layer sizes"),
            translate(
                "ControlPanel",
                "Hidden layer sizes separated by commas, e.g. 10,5 (the tutorial's) or "
                "50,50,50. 1 to {layers} layers of 1 to {units} units; press Enter.",
            ).format(layers=MAX_HIDDEN_LAYERS, units=MAX_UNITS),
        )
        self.activation_label.setText(translate("ControlPanel", "&Activation"))
        for name, act in ACTIVATIONS.items():
            self.activation.setItemText(self.activation.findData(name), engine_text(act.label))
        _set_tips(
            self.activation,
            translate("ControlPanel", "Hidden activation"),
            translate(
                "ControlPanel", "The hidden layers' activation; the output is always a sigmoid"
            ),
        )

        self.data_box.setTitle(translate("ControlPanel", "Data"))
        self.dataset_label.setText(translate("ControlPanel", "&Data"))
        for name, gen in DATASETS.items():
            index = self.dataset.findData(name)
            self.dataset.setItemText(index, engine_text(gen.label))
            self.dataset.setItemData(index, engine_text(gen.description), _TOOLTIP)
        _set_tips(self.dataset, translate("ControlPanel", "Data set"))
        self.load_csv.setText(translate("ControlPanel", "CSV…"))
        _set_tips(
            self.load_csv,
            translate("ControlPanel", "Load points from a CSV file"),
            translate("ControlPanel", "Load your own points: x1, x2, label (0 or 1) per line"),
        )
        self.noise_label.setText(translate("ControlPanel", "N&oise"))
        _set_tips(
            self.noise,
            translate("ControlPanel", "Noise"),
            translate("ControlPanel", "How far points scatter from the clean shape"),
        )
        self.samples_label.setText(translate("ControlPanel", "Poi&nts"))
        _set_tips(
            self.samples,
            translate("ControlPanel", "Training points"),
            translate("ControlPanel", "Training points; the test set has a third as many"),
        )

        self.run_box.setTitle(translate("ControlPanel", "Training"))
        self.set_running(self.running)
        _set_tips(
            self.play,
            translate("ControlPanel", "Play or pause"),
            translate("ControlPanel", "Run or pause training (Space)"),
        )
        self.step.setText(translate("ControlPanel", "Step"))
        _set_tips(
            self.step,
            translate("ControlPanel", "Step"),
            translate(
                "ControlPanel",
                "While paused: take the given number of steps. While running: pause (→ or S)",
            ),
        )
        self.reset.setText(translate("ControlPanel", "Reset"))
        _set_tips(
            self.reset,
            translate("ControlPanel", "Reset"),
            translate("ControlPanel", "Back to iteration 0 with the same initial weights (R)"),
        )
        self.step_size_label.setText(translate("ControlPanel", "Steps per &click"))
        _set_tips(self.step_size, translate("ControlPanel", "Steps per click of Step"))
        self.target_label.setText(translate("ControlPanel", "S&top at"))
        _set_tips(
            self.target,
            translate("ControlPanel", "Stop at iteration"),
            translate(
                "ControlPanel",
                "A run pauses by itself here (the tutorial trains 15000 steps). "
                "Play at or past it runs on until paused.",
            ),
        )
        self.speed_caption.setText(translate("ControlPanel", "S&peed"))
        _set_tips(
            self.speed,
            translate("ControlPanel", "Training speed"),
            translate(
                "ControlPanel", "Gradient steps per frame: slow down the first steps to watch them"
            ),
        )
        self.speed_label.setText(speed_text(self.speed_steps()))
        self.speed_label.setAccessibleName(translate("ControlPanel", "Steps per frame"))

        self.view_box.setTitle(translate("ControlPanel", "Cost curve"))
        self.log_scale.setText(translate("ControlPanel", "&Log scale"))
        _set_tips(self.log_scale, translate("ControlPanel", "Log scale for the cost"))
        self.clear_ghosts.setText(translate("ControlPanel", "Clear earlier runs"))
        _set_tips(
            self.clear_ghosts,
            translate("ControlPanel", "Clear earlier runs"),
            translate("ControlPanel", "Remove the faint curves of earlier runs"),
        )


class StatusStrip(Retranslatable, QtWidgets.QFrame):
    """Iteration, cost, accuracies and the run state, large enough for the back row.

    Two rows of two, so the full-precision numbers fit beside the controls even at 1024×768.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self._layout = QtWidgets.QGridLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setHorizontalSpacing(16)
        self._layout.setVerticalSpacing(2)
        self.iteration = QtWidgets.QLabel(objectName="iterationLabel")
        self.cost = QtWidgets.QLabel(objectName="costLabel")
        self.train_accuracy = QtWidgets.QLabel(objectName="trainAccuracyLabel")
        self.test_accuracy = QtWidgets.QLabel(objectName="testAccuracyLabel")
        self.values = (self.iteration, self.cost, self.train_accuracy, self.test_accuracy)
        self.selectable = False
        self.set_selectable(True)
        # A new number every frame must not re-lay out the window around it.
        self._slots = tuple(LabelSlot(label) for label in self.values)
        self.state = QtWidgets.QLabel(objectName="stateLabel")
        self.state.setWordWrap(True)
        self.saturation = QtWidgets.QLabel(objectName="saturationLabel")
        self.saturation.setWordWrap(True)
        self.saturation.setStyleSheet("color: #8a3b00;")
        self.columns = 0
        self.compact = False
        self.set_columns(2)
        self.apply_palette(Palette())
        self.retranslate_ui()

    def set_selectable(self, selectable: bool) -> None:
        """Numbers can be selected and copied while they hold still (paused, finished).

        While training runs they change every frame, and a selectable label repaints twice per
        new text (its text control asks for a second update), so selection is off then.
        """
        if selectable == self.selectable:
            return
        self.selectable = selectable
        flags = QtCore.Qt.TextInteractionFlag
        for label in self.values:
            label.setTextInteractionFlags(
                flags.TextSelectableByMouse if selectable else flags.NoTextInteraction
            )

    def set_columns(self, columns: int) -> None:
        """Lay the four numbers out in ``columns`` columns."""
        if columns == self.columns:
            return
        self.columns = columns
        for widget in (*self._slots, self.state, self.saturation):
            self._layout.removeWidget(widget)
        rows = -(-len(self._slots) // columns)
        for index, slot in enumerate(self._slots):
            self._layout.addWidget(slot, index % rows, index // rows)
        for col in range(2):
            self._layout.setColumnStretch(col, 1 if col < columns else 0)
        self._layout.addWidget(self.state, rows, 0, 1, columns)
        self._layout.addWidget(self.saturation, rows + 1, 0, 1, columns)

    def apply_palette(self, palette: Palette) -> None:
        """The numbers are the boldest text in the window.

        On a projector they are already 20 pt, so they are not enlarged further: two columns of
        full-precision numbers must fit 1024 px, and the accuracies drop their "(right/n)" counts
        (``compact``), which stay in the tooltip.
        """
        base = QtWidgets.QApplication.font()
        font = QtGui.QFont(base)
        if palette.projector:
            font.setPointSizeF(palette.font_pt)
        elif palette.zoom != 1:
            font.setPointSizeF(palette.font_pt * 1.25)
        else:
            font.setPointSizeF(base.pointSizeF() * 1.25)
        font.setBold(True)
        for label, slot in zip(self.values, self._slots):
            label.setFont(font)
            slot.updateGeometry()  # the one change a slot's size follows
        self.compact = palette.projector
        self.set_columns(2)
        # The accuracies' words are longer than "Iteration" / "Cost" (in Chinese too).
        self._layout.setColumnStretch(0, 4 if palette.projector else 1)
        self._layout.setColumnStretch(1, 5 if palette.projector else 1)

    def retranslate_ui(self) -> None:
        names = (
            translate("StatusStrip", "Iteration"),
            translate("StatusStrip", "Cost"),
            translate("StatusStrip", "Train accuracy"),
            translate("StatusStrip", "Test accuracy"),
            translate("StatusStrip", "Run state"),
            translate("StatusStrip", "Saturation"),
        )
        for label, name in zip((*self.values, self.state, self.saturation), names):
            label.setAccessibleName(name)
