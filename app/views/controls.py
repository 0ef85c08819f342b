"""The control panel and the status strip: every widget the public contract names lives here.

The panel only builds and lays out widgets; the window connects them to the session, so the
mapping from a user's action to a training command is in one place (``main_window.py``).
"""

from __future__ import annotations

from PyQt6 import QtCore, QtWidgets

from app.commands import FLAT_OUT
from engine.activations import ACTIVATIONS
from engine.datasets import DATASETS
from engine.initializers import INITIALIZERS, MAX_SCALE
from engine.trainer import MAX_HIDDEN_LAYERS, MAX_LEARNING_RATE, MAX_UNITS

__all__ = ["SPEEDS", "ControlPanel", "StatusStrip", "speed_text"]

#: speedSlider positions → steps per frame; the last one is "flat out".
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, FLAT_OUT)
MAX_SEED = 2**31 - 1


def speed_text(steps: int) -> str:
    if steps == FLAT_OUT:
        return "flat out"
    return f"{steps} step{'s' if steps != 1 else ''} / frame"


def _form_label(text: str, buddy: QtWidgets.QWidget) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setBuddy(buddy)
    return label


class ControlPanel(QtWidgets.QWidget):
    """Initializer, seed, learning rate, step size, stop-at, speed, and the run buttons."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("controlPanel")
        outer = QtWidgets.QVBoxLayout(self)

        # -- the experiment ---------------------------------------------------------------------
        setup = QtWidgets.QGroupBox("Experiment")
        form = QtWidgets.QFormLayout(setup)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.initializer = QtWidgets.QComboBox(objectName="initializerCombo")
        for key, (name, init) in enumerate(INITIALIZERS.items(), start=1):
            self.initializer.addItem(init.label, name)
            index = self.initializer.count() - 1
            tip = f"<b>{init.label}</b> ({init.formula})<br>{init.explanation}"
            if key <= 9:
                tip += f"<br><i>Shortcut: {key}</i>"
            self.initializer.setItemData(index, tip, QtCore.Qt.ItemDataRole.ToolTipRole)
        self.initializer.setAccessibleName("Weight initializer")
        form.addRow(_form_label("&Initializer", self.initializer), self.initializer)

        self.init_info = QtWidgets.QLabel(objectName="initializerInfo")
        self.init_info.setWordWrap(True)
        self.init_info.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.init_info.setAccessibleName("About this initializer")
        form.addRow(self.init_info)

        seed_row = QtWidgets.QHBoxLayout()
        self.seed = QtWidgets.QSpinBox(objectName="seedSpin")
        self.seed.setRange(0, MAX_SEED)
        self.seed.setValue(3)
        self.seed.setKeyboardTracking(False)
        self.seed.setAccessibleName("Random seed")
        self.seed.setToolTip(
            "The seed of the initializer's random numbers (the tutorial uses 3). "
            "Reset replays the same seed; a new seed draws different weights."
        )
        self.new_seed = QtWidgets.QPushButton("New seed", objectName="newSeedButton")
        self.new_seed.setToolTip("Draw different initial weights (N)")
        self.new_seed.setAccessibleName("New seed")
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        form.addRow(_form_label("S&eed", self.seed), seed_row)

        self.scale = QtWidgets.QDoubleSpinBox(objectName="scaleSpin")
        self.scale.setDecimals(3)
        self.scale.setRange(0.001, MAX_SCALE)
        self.scale.setValue(1.0)
        self.scale.setKeyboardTracking(False)
        self.scale.setAccessibleName("Scale multiplier")
        self.scale.setToolTip("The multiplier k of the 'scaled' initializer: randn × k·√(1/n_in)")
        self.scale_label = _form_label("Scale &k", self.scale)
        form.addRow(self.scale_label, self.scale)

        self.learning_rate = QtWidgets.QDoubleSpinBox(objectName="learningRateSpin")
        self.learning_rate.setDecimals(6)
        self.learning_rate.setRange(1e-6, MAX_LEARNING_RATE)
        self.learning_rate.setStepType(QtWidgets.QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.learning_rate.setValue(0.01)
        self.learning_rate.setKeyboardTracking(False)  # apply the number once it is typed
        self.learning_rate.setAccessibleName("Learning rate")
        self.learning_rate.setToolTip(
            "Gradient-descent step size. A change applies from the next step and resets nothing."
        )
        form.addRow(_form_label("&Learning rate", self.learning_rate), self.learning_rate)
        outer.addWidget(setup)

        # -- the network ------------------------------------------------------------------------
        net = QtWidgets.QGroupBox("Network")
        nform = QtWidgets.QFormLayout(net)
        nform.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hidden = QtWidgets.QLineEdit("10,5", objectName="hiddenLayersEdit")
        self.hidden.setAccessibleName("Hidden layer sizes")
        self.hidden.setToolTip(
            f"Hidden layer sizes separated by commas, e.g. 10,5 (the tutorial's) or "
            f"50,50,50. 1 to {MAX_HIDDEN_LAYERS} layers of 1 to {MAX_UNITS} units; press Enter."
        )
        nform.addRow(_form_label("&Hidden layers", self.hidden), self.hidden)
        self.activation = QtWidgets.QComboBox(objectName="activationCombo")
        for name, act in ACTIVATIONS.items():
            self.activation.addItem(act.label, name)
        self.activation.setAccessibleName("Hidden activation")
        self.activation.setToolTip("The hidden layers' activation; the output is always a sigmoid")
        nform.addRow(_form_label("&Activation", self.activation), self.activation)
        outer.addWidget(net)

        # -- the data -----------------------------------------------------------------------------
        data = QtWidgets.QGroupBox("Data")
        dform = QtWidgets.QFormLayout(data)
        dform.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dataset = QtWidgets.QComboBox(objectName="datasetCombo")
        for name, gen in DATASETS.items():
            self.dataset.addItem(gen.label, name)
            self.dataset.setItemData(
                self.dataset.count() - 1, gen.description, QtCore.Qt.ItemDataRole.ToolTipRole
            )
        self.dataset.setAccessibleName("Data set")
        data_row = QtWidgets.QHBoxLayout()
        data_row.addWidget(self.dataset, 1)
        self.load_csv = QtWidgets.QPushButton("CSV…", objectName="loadCsvButton")
        self.load_csv.setToolTip("Load your own points: x1, x2, label (0 or 1) per line")
        self.load_csv.setAccessibleName("Load points from a CSV file")
        data_row.addWidget(self.load_csv)
        dform.addRow(_form_label("&Data", self.dataset), data_row)
        self.noise = QtWidgets.QDoubleSpinBox(objectName="noiseSpin")
        self.noise.setDecimals(3)
        self.noise.setRange(0.0, 1.0)
        self.noise.setSingleStep(0.01)
        self.noise.setValue(0.05)
        self.noise.setKeyboardTracking(False)
        self.noise.setAccessibleName("Noise")
        self.samples = QtWidgets.QSpinBox(objectName="samplesSpin")
        self.samples.setRange(20, 5000)
        self.samples.setValue(300)
        self.samples.setKeyboardTracking(False)
        self.samples.setAccessibleName("Training points")
        self.samples.setToolTip("Training points; the test set has a third as many")
        dform.addRow(_form_label("N&oise", self.noise), self.noise)
        dform.addRow(_form_label("Poi&nts", self.samples), self.samples)
        outer.addWidget(data)

        # -- running ------------------------------------------------------------------------------
        run = QtWidgets.QGroupBox("Training")
        grid = QtWidgets.QGridLayout(run)
        self.play = QtWidgets.QPushButton("Play", objectName="playPauseButton")
        self.play.setToolTip("Run or pause training (Space)")
        self.play.setAccessibleName("Play or pause")
        self.step = QtWidgets.QPushButton("Step", objectName="stepButton")
        self.step.setToolTip(
            "While paused: take the given number of steps. While running: pause (→ or S)"
        )
        self.step.setAccessibleName("Step")
        self.reset = QtWidgets.QPushButton("Reset", objectName="resetButton")
        self.reset.setToolTip("Back to iteration 0 with the same initial weights (R)")
        self.reset.setAccessibleName("Reset")
        for col, button in enumerate((self.play, self.step, self.reset)):
            button.setMinimumHeight(34)
            grid.addWidget(button, 0, col)

        self.step_size = QtWidgets.QSpinBox(objectName="stepSizeSpin")
        self.step_size.setRange(1, 1_000_000)
        self.step_size.setValue(1)
        self.step_size.setGroupSeparatorShown(True)
        self.step_size.setAccessibleName("Steps per click of Step")
        grid.addWidget(_form_label("Steps per &click", self.step_size), 1, 0, 1, 2)
        grid.addWidget(self.step_size, 1, 2)

        self.target = QtWidgets.QSpinBox(objectName="targetIterationsSpin")
        self.target.setRange(1, 1_000_000_000)
        self.target.setValue(15000)
        self.target.setGroupSeparatorShown(True)
        self.target.setKeyboardTracking(False)
        self.target.setAccessibleName("Stop at iteration")
        self.target.setToolTip(
            "A run pauses by itself here (the tutorial trains 15000 steps). "
            "Play at or past it runs on until paused."
        )
        grid.addWidget(_form_label("S&top at", self.target), 2, 0, 1, 2)
        grid.addWidget(self.target, 2, 2)

        self.speed = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal, objectName="speedSlider")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed.setAccessibleName("Training speed")
        self.speed.setToolTip("Gradient steps per frame: slow down the first steps to watch them")
        self.speed_label = QtWidgets.QLabel(speed_text(FLAT_OUT), objectName="speedLabel")
        grid.addWidget(_form_label("S&peed", self.speed), 3, 0)
        grid.addWidget(self.speed, 3, 1)
        grid.addWidget(self.speed_label, 3, 2)
        outer.addWidget(run)

        # -- the view -----------------------------------------------------------------------------
        view = QtWidgets.QGroupBox("Cost curve")
        vbox = QtWidgets.QVBoxLayout(view)
        self.log_scale = QtWidgets.QCheckBox("&Log scale", objectName="logScaleCheck")
        self.log_scale.setAccessibleName("Log scale for the cost")
        self.clear_ghosts = QtWidgets.QPushButton(
            "Clear earlier runs", objectName="clearHistoryButton"
        )
        self.clear_ghosts.setToolTip("Remove the faint curves of earlier runs")
        self.clear_ghosts.setAccessibleName("Clear earlier runs")
        vbox.addWidget(self.log_scale)
        vbox.addWidget(self.clear_ghosts)
        outer.addWidget(view)
        outer.addStretch(1)

    def speed_steps(self) -> int:
        return SPEEDS[self.speed.value()]


class StatusStrip(QtWidgets.QFrame):
    """Iteration, cost, accuracies and the run state, large enough for the back row.

    Two rows of two, so the full-precision numbers fit beside the controls even at 1024×768.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusStrip")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        layout = QtWidgets.QGridLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(2)
        self.iteration = QtWidgets.QLabel(objectName="iterationLabel")
        self.cost = QtWidgets.QLabel(objectName="costLabel")
        self.train_accuracy = QtWidgets.QLabel(objectName="trainAccuracyLabel")
        self.test_accuracy = QtWidgets.QLabel(objectName="testAccuracyLabel")
        values = (self.iteration, self.cost, self.train_accuracy, self.test_accuracy)
        for index, label in enumerate(values):
            label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.25)
            font.setBold(True)
            label.setFont(font)
            # Ignored width: a new number every frame must not re-lay out the window around it.
            label.setSizePolicy(
                QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
            )
            layout.addWidget(label, index % 2, index // 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self.state = QtWidgets.QLabel(objectName="stateLabel")
        self.state.setWordWrap(True)
        self.saturation = QtWidgets.QLabel(objectName="saturationLabel")
        self.saturation.setWordWrap(True)
        self.saturation.setStyleSheet("color: #8a3b00;")
        layout.addWidget(self.state, 2, 0, 1, 2)
        layout.addWidget(self.saturation, 3, 0, 1, 2)
        names = ("Iteration", "Cost", "Train accuracy", "Test accuracy", "Run state", "Saturation")
        for label, name in zip((*values, self.state, self.saturation), names):
            label.setAccessibleName(name)
