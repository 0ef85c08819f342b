"""The control panel: the contract's controls (initializer, seed, rates, play/step/reset…).

The panel only builds and lays out widgets; the window connects them to the run controller
(:mod:`app.controllers.run_controller`), which decides what each action means.
Every text is set in ``retranslate_ui`` so that a language switch re-labels the panel live.
"""

from __future__ import annotations

from PyQt6 import QtCore, QtGui, QtWidgets

from app.commands import DEFAULT_SPEED, FLAT_OUT
from app.field_limits import LIMITS, FieldLimit
from app.i18n import Retranslatable, engine_text, translate
from app.views.spin_boxes import CheckedDoubleSpinBox, CheckedSpinBox
from engine.activations import ACTIVATIONS
from engine.config import MAX_HIDDEN_LAYERS, MAX_UNITS, TrainConfig
from engine.datasets import CSV_PREFIX, DATASETS, Dataset
from engine.initializers import INITIALIZERS

__all__ = ["SPEEDS", "ControlPanel", "speed_text"]

#: speedSlider positions → steps per frame; the last one is "flat out".  The default,
#: :data:`~app.commands.DEFAULT_SPEED`, is about 1000 steps a second at 30 frames a second.
SPEEDS = (1, 2, 5, 10, 20, DEFAULT_SPEED, 50, 100, 500, 1000, FLAT_OUT)
_TOOLTIP = QtCore.Qt.ItemDataRole.ToolTipRole


def speed_text(steps: int) -> str:
    if steps == FLAT_OUT:
        return translate("ControlPanel", "flat out")
    if steps == 1:
        return translate("ControlPanel", "1 step / frame")
    return translate("ControlPanel", "{n} steps / frame").format(n=steps)


def _limit(box: QtWidgets.QAbstractSpinBox, limit: FieldLimit) -> None:
    """The box's range and decimals from the table the controller checks against."""
    if isinstance(box, QtWidgets.QDoubleSpinBox):
        box.setDecimals(limit.decimals)
        box.setRange(limit.low, limit.high)
    else:
        box.setRange(int(limit.low), int(limit.high))


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


def _info_html(name: str) -> str:
    """An initializer's formula and what goes right or wrong with it, as the panel shows it."""
    init = INITIALIZERS[name]
    return f"<b>{engine_text(init.formula)}</b><br>{engine_text(init.explanation)}"


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
        self.init_info.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        form.addRow(self.init_info)
        # Measures every initializer's description, so the label keeps the tallest one's
        # height and the controls below it never jump when the initializer changes.
        self._info_probe = QtWidgets.QLabel()
        self._info_probe.setWordWrap(True)
        self._info_probe.setTextFormat(QtCore.Qt.TextFormat.RichText)

        seed_row = QtWidgets.QHBoxLayout()
        self.seed = CheckedSpinBox(objectName="seedSpin")
        _limit(self.seed, LIMITS["seed"])
        self.seed.setValue(3)
        self.seed.setKeyboardTracking(False)
        self.new_seed = QtWidgets.QPushButton(objectName="newSeedButton")
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        self.seed_label = _buddy(self.seed)
        form.addRow(self.seed_label, seed_row)

        self.scale = CheckedDoubleSpinBox(objectName="scaleSpin")
        _limit(self.scale, LIMITS["scale"])
        self.scale.setValue(1.0)
        self.scale.setKeyboardTracking(False)
        self.scale_label = _buddy(self.scale)
        form.addRow(self.scale_label, self.scale)

        self.learning_rate = CheckedDoubleSpinBox(objectName="learningRateSpin")
        _limit(self.learning_rate, LIMITS["learning_rate"])
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
        _limit(self.noise, LIMITS["noise"])
        self.noise.setSingleStep(0.01)
        self.noise.setValue(0.05)
        self.noise.setKeyboardTracking(False)
        self.samples = CheckedSpinBox(objectName="samplesSpin")
        _limit(self.samples, LIMITS["samples"])
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
        _limit(self.step_size, LIMITS["step_size"])
        self.step_size.setValue(1)
        self.step_size.setGroupSeparatorShown(True)
        self.step_size_label = _buddy(self.step_size)
        grid.addWidget(self.step_size_label, 1, 0, 1, 2)
        grid.addWidget(self.step_size, 1, 2)

        self.target = CheckedSpinBox(objectName="targetIterationsSpin")
        _limit(self.target, LIMITS["target"])
        self.target.setValue(15000)
        self.target.setGroupSeparatorShown(True)
        self.target.setKeyboardTracking(False)
        self.target_label = _buddy(self.target)
        grid.addWidget(self.target_label, 2, 0, 1, 2)
        grid.addWidget(self.target, 2, 2)

        self.speed = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal, objectName="speedSlider")
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(SPEEDS.index(DEFAULT_SPEED))
        self.speed.setPageStep(1)
        self.speed_label = QtWidgets.QLabel(objectName="speedLabel")
        self.speed_caption = _buddy(self.speed)
        grid.addWidget(self.speed_caption, 3, 0)
        grid.addWidget(self.speed, 3, 1, 1, 2)
        grid.addWidget(self.speed_label, 4, 0, 1, 2)
        # Flat out one click away, and back to the pace it left (the slider's end is a drag).
        self.flat_out = QtWidgets.QPushButton(objectName="flatOutButton")
        self.flat_out.setCheckable(True)
        self._paced_position = self.speed.value()
        self.flat_out.toggled.connect(self.set_flat_out)
        self.speed.valueChanged.connect(self._on_speed_position)
        grid.addWidget(self.flat_out, 4, 2)
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

    def show_config(self, config: TrainConfig, data: Dataset) -> None:
        """Show ``config`` (on ``data``) in the controls without emitting their signals."""
        generated = not config.dataset.startswith(CSV_PREFIX)
        n = int(data.train_X.shape[1])
        self.noise.setSpecialValueText("" if generated else "—")
        for widget, setter in (
            (self.hidden, lambda: self.hidden.setText(",".join(map(str, config.hidden)))),
            (
                self.activation,
                lambda: self.activation.setCurrentIndex(
                    self.activation.findData(config.activation)
                ),
            ),
            (
                self.initializer,
                lambda: self.initializer.setCurrentIndex(self.initializer.findData(config.init)),
            ),
            (self.seed, lambda: self.seed.setValue(config.seed)),
            (self.learning_rate, lambda: self.learning_rate.setValue(config.learning_rate)),
            (self.scale, lambda: self.scale.setValue(config.scale)),
            (self.dataset, lambda: self._show_dataset(config.dataset, data)),
            (self.noise, lambda: self.noise.setValue(data.noise if data.noise is not None else 0)),
            # a file's points are what they are: their count, no noise
            (self.samples, lambda: self.samples.setValue(config.samples if generated else n)),
        ):
            blocked = widget.blockSignals(True)
            setter()
            widget.blockSignals(blocked)
        self.noise.setEnabled(generated)
        self.samples.setEnabled(generated)
        uses_scale = INITIALIZERS[config.init].uses_scale
        self.scale.setVisible(uses_scale)
        self.scale_label.setVisible(uses_scale)
        self.show_initializer_info(config.init)

    def _show_dataset(self, name: str, data: Dataset) -> None:
        index = self.dataset.findData(name)
        if index < 0:  # a CSV file not listed yet
            self.dataset.addItem(data.label or name, name)
            index = self.dataset.count() - 1
        self.dataset.setCurrentIndex(index)

    def show_target(self, target: int) -> None:
        """The stop-at iteration, without telling anyone (it came from the controller)."""
        blocked = self.target.blockSignals(True)
        self.target.setValue(target)
        self.target.blockSignals(blocked)

    def show_initializer_info(self, name: str) -> None:
        """The initializer's formula and what goes right or wrong with it."""
        self.init_info.setText(_info_html(name))

    def reserve_info_height(self) -> None:
        """The description keeps the height of the longest one at its width, in the current
        font and language, so the controls below it stay where they are."""
        width = self.init_info.width()
        if width <= 0:
            return
        self._info_probe.setFont(self.init_info.font())
        tallest = 0
        for name in INITIALIZERS:
            self._info_probe.setText(_info_html(name))
            tallest = max(tallest, self._info_probe.heightForWidth(width))
        if tallest > 0 and self.init_info.minimumHeight() != tallest:
            self.init_info.setMinimumHeight(tallest)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reserve_info_height()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self.reserve_info_height()

    def set_compact(self, on: bool) -> None:
        """Narrow layout (projector fonts on a 1024 px screen): labels above their fields, and
        spin boxes as narrow as their values rather than their largest allowed value."""
        policy = QtWidgets.QFormLayout.RowWrapPolicy
        for box in (self.setup_box, self.network_box, self.data_box):
            box.layout().setRowWrapPolicy(policy.WrapAllRows if on else policy.DontWrapRows)
        for spin in self.findChildren(QtWidgets.QAbstractSpinBox):
            spin.setMinimumWidth(60 if on else 0)
        self.speed.setMinimumWidth(40 if on else 0)

    def speed_steps(self) -> int:
        return SPEEDS[self.speed.value()]

    def set_flat_out(self, on: bool) -> None:
        """Flat out (the slider's end), or back to the paced speed it was at before."""
        self.speed.setValue(self.speed.maximum() if on else self._paced_position)

    def _on_speed_position(self, position: int) -> None:
        flat = position == self.speed.maximum()
        if not flat:
            self._paced_position = position
        if self.flat_out.isChecked() != flat:
            blocked = self.flat_out.blockSignals(True)
            self.flat_out.setChecked(flat)
            self.flat_out.blockSignals(blocked)

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
        self.reserve_info_height()  # the descriptions' lengths changed with the language
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
        self.flat_out.setText(translate("ControlPanel", "Flat out"))
        _set_tips(
            self.flat_out,
            translate("ControlPanel", "Flat out"),
            translate(
                "ControlPanel",
                "Train as fast as this machine can; click again to go back to a pace you can "
                "talk over",
            ),
        )

        self.view_box.setTitle(translate("ControlPanel", "Cost curve"))
        self.log_scale.setText(translate("ControlPanel", "&Log scale"))
        _set_tips(self.log_scale, translate("ControlPanel", "Log scale for the cost"))
        self.clear_ghosts.setText(translate("ControlPanel", "Clear earlier runs"))
        _set_tips(
            self.clear_ghosts,
            translate("ControlPanel", "Clear earlier runs"),
            translate("ControlPanel", "Remove the faint curves of earlier runs"),
        )
