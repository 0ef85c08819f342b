"""InitScope's main window: composition, the user's actions, and the redraw clock.

The window never trains.  It sends commands to a :class:`TrainingSession` and, on its own ~30 fps
timer, draws the newest frame the session accepted (if it changed).  However fast training runs,
the GUI thread does at most one redraw per tick.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from PyQt6 import QtCore, QtGui, QtWidgets

from app.commands import Frame, RunState
from app.session import TrainingSession
from app.views.compare_view import CompareView
from app.views.controls import ControlPanel, StatusStrip, speed_text
from app.views.cost_plot import CostPlot
from app.views.decision_map import DecisionMap
from app.views.diagnostics import ActivationHistograms, DiagnosticsSummary, GradientNormPlot
from app.views.lesson import LessonPanel
from app.views.style import Palette
from app.views.weight_histograms import WeightHistograms
from engine.datasets import Dataset, load_csv, load_dataset
from engine.initializers import INITIALIZERS
from engine.presets import PRESETS
from engine.trainer import TrainConfig, Trainer, parse_hidden

__all__ = ["MainWindow"]

REDRAW_MS = 33
_CONFIG_FIELDS = (
    "init",
    "learning_rate",
    "hidden",
    "activation",
    "scale",
    "dataset",
    "samples",
    "noise",
)
SessionFactory = Callable[[TrainConfig, Callable[[TrainConfig], Trainer]], TrainingSession]


def _default_session(config: TrainConfig, factory: Callable[[TrainConfig], Trainer]):
    return TrainingSession(config, factory)


class MainWindow(QtWidgets.QMainWindow):
    """The instrument: controls on the left, numbers on top, live plots below them."""

    def __init__(
        self,
        config: TrainConfig | None = None,
        session_factory: SessionFactory = _default_session,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("InitScope — weight initialization, live")
        self.config = config or TrainConfig()
        self.data: Dataset = self._load_data(self.config)
        self.palette_ = Palette()
        self._build_ui()
        self._build_actions()
        self._sync_controls_from_config()
        self.decision_map.show_data(self.data)
        self._start_run_views()

        self.session = session_factory(self.config, self._make_trainer)
        self.session.failed.connect(self._show_error)
        self._drawn: Frame | None = None
        self._views_dirty = False
        self._drawn_full: Frame | None = None
        self._panel_dirty = False
        self.redraw_timer = QtCore.QTimer(self)
        self.redraw_timer.setObjectName("redrawTimer")
        self.redraw_timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.redraw_timer.timeout.connect(self.redraw)
        self.redraw_timer.start(REDRAW_MS)
        self.redraws = 0
        self.resize(1280, 800)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        """Keep the splitters' proportions sensible at any window size (laptop to projector)."""
        super().resizeEvent(event)
        plots, bottom = self._splitters
        h, w = plots.height(), bottom.width()
        if h > 0 and w > 0:
            plots.setSizes([int(h * 0.4), h - int(h * 0.4)])
            bottom.setSizes([int(w * 0.58), w - int(w * 0.58)])

    # -- construction ---------------------------------------------------------------------------
    def _make_trainer(self, config: TrainConfig) -> Trainer:
        """Trainers share the window's data set (read-only arrays, safe across threads)."""
        data = self.data if config.data_key == self.data.key else self._load_data(config)
        return Trainer(config, data)

    @staticmethod
    def _load_data(config: TrainConfig) -> Dataset:
        return load_dataset(config.dataset, samples=config.samples, noise=config.noise)

    def _build_ui(self) -> None:
        self.controls = ControlPanel()
        scroll = QtWidgets.QScrollArea(objectName="controlScroll")
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lesson = LessonPanel(self.apply_preset)
        side = QtWidgets.QTabWidget(objectName="sideTabs")
        side.addTab(scroll, "Controls")
        side.addTab(self.lesson, "Lesson")
        side.setFixedWidth(self.controls.sizeHint().width() + 34)
        self.side_tabs = side

        self.status = StatusStrip()
        self.cost_plot = CostPlot(palette=self.palette_)
        self.decision_map = DecisionMap(palette=self.palette_)
        self.histograms = WeightHistograms(palette=self.palette_)
        self.gradient_plot = GradientNormPlot(palette=self.palette_)
        self.diagnostics_summary = DiagnosticsSummary()
        self.activation_hists = ActivationHistograms(palette=self.palette_)
        gradients = QtWidgets.QWidget()
        glayout = QtWidgets.QVBoxLayout(gradients)
        glayout.setContentsMargins(0, 0, 0, 0)
        glayout.addWidget(self.gradient_plot, 1)
        glayout.addWidget(self.diagnostics_summary)
        self.panel_tabs = QtWidgets.QTabWidget(objectName="panelTabs")
        self.panel_tabs.addTab(self.histograms, "Weights")
        self.panel_tabs.addTab(gradients, "Gradients")
        self.panel_tabs.addTab(self.activation_hists, "Activations")
        self.panel_tabs.currentChanged.connect(self._on_panel_tab)

        bottom = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal, objectName="bottomSplit")
        bottom.addWidget(self.decision_map)
        bottom.addWidget(self.panel_tabs)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setChildrenCollapsible(False)
        self.histograms.setMinimumWidth(240)
        self.decision_map.setMinimumSize(260, 220)
        self.cost_plot.setMinimumHeight(160)
        plots = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical, objectName="plotSplit")
        plots.addWidget(self.cost_plot)
        plots.addWidget(bottom)
        plots.setStretchFactor(0, 2)
        plots.setStretchFactor(1, 3)
        plots.setChildrenCollapsible(False)
        self._splitters = (plots, bottom)

        right = QtWidgets.QWidget()
        rlayout = QtWidgets.QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(self.status)
        rlayout.addWidget(plots, 1)

        central = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(side)
        layout.addWidget(right, 1)
        # The side-by-side comparison is its own tab: it starts its thread when first shown.
        self.compare_view = CompareView(self.data)
        self.compare_view.errorOccurred.connect(self._show_error)
        self.mode_tabs = QtWidgets.QTabWidget(objectName="modeTabs")
        self.mode_tabs.addTab(central, "Single run")
        self.mode_tabs.addTab(self.compare_view, "Compare initializers")
        self.setCentralWidget(self.mode_tabs)
        self.setStatusBar(QtWidgets.QStatusBar(objectName="messageBar"))

        c = self.controls
        c.initializer.currentIndexChanged.connect(self._on_initializer_changed)
        c.seed.valueChanged.connect(self._on_seed_changed)
        c.new_seed.clicked.connect(self.new_seed)
        c.learning_rate.valueChanged.connect(self._on_learning_rate_changed)
        c.hidden.editingFinished.connect(self._on_hidden_edited)
        c.activation.currentIndexChanged.connect(
            lambda i: self._reconfigure(activation=c.activation.itemData(i))
        )
        c.scale.valueChanged.connect(lambda v: self._reconfigure(scale=v))
        c.dataset.currentIndexChanged.connect(
            lambda i: self._reconfigure(dataset=c.dataset.itemData(i), noise=None)
        )
        c.noise.valueChanged.connect(lambda v: self._reconfigure(noise=v))
        c.samples.valueChanged.connect(lambda v: self._reconfigure(samples=v))
        c.load_csv.clicked.connect(self.choose_csv)
        c.play.clicked.connect(self.toggle_play)
        c.step.clicked.connect(self.step_clicked)
        c.reset.clicked.connect(self.reset)
        c.target.valueChanged.connect(lambda v: self.session.set_target(v))
        c.speed.valueChanged.connect(self._on_speed_changed)
        c.log_scale.toggled.connect(self._on_log_scale)
        c.clear_ghosts.clicked.connect(self.cost_plot.clear_ghosts)

    def _build_actions(self) -> None:
        """Every shortcut is a menu action, so the menus list them all."""
        run = self.menuBar().addMenu("&Run")

        def add(menu, text, slot, *keys, name=None):
            action = QtGui.QAction(text, self)
            if name:
                action.setObjectName(name)
            action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
            action.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        add(run, "Play / pause", self.toggle_play, "Space", name="playPauseAction")
        add(run, "Step", self.step_clicked, "Right", "S", name="stepAction")
        add(run, "Reset", self.reset, "R", name="resetAction")
        add(run, "New seed", self.new_seed, "N", name="newSeedAction")
        run.addSeparator()
        for key, (name, init) in enumerate(INITIALIZERS.items(), start=1):
            if key > 9:
                break
            add(
                run,
                f"Initializer: {init.label}",
                lambda _=False, n=name: self.choose_initializer(n),
                str(key),
                name=f"init_{name}_action",
            )
        presets = self.menuBar().addMenu("&Presets")
        presets.setObjectName("presetMenu")
        for name, preset in PRESETS.items():
            action = add(
                presets,
                preset.label,
                lambda _=False, n=name: self.apply_preset(n),
                name=f"preset_{name}_action",
            )
            action.setToolTip(preset.description)
            action.setStatusTip(preset.description)
        presets.setToolTipsVisible(True)
        view = self.menuBar().addMenu("&View")
        self.log_action = add(
            view,
            "Log-scale cost",
            lambda: self.controls.log_scale.toggle(),
            "L",
            name="logScaleAction",
        )
        add(view, "Clear earlier runs", self.cost_plot.clear_ghosts, name="clearHistoryAction")
        # Buttons keep keyboard focus only by Tab, so Space reaches the window-level shortcut.
        for button in (
            self.controls.play,
            self.controls.step,
            self.controls.reset,
            self.controls.new_seed,
            self.controls.clear_ghosts,
        ):
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)

    # -- user actions -----------------------------------------------------------------------------
    def _comparing(self) -> bool:
        return self.mode_tabs.currentWidget() is self.compare_view

    def toggle_play(self) -> None:
        if self._comparing():
            self.compare_view.toggle_play()
            return
        self.session.toggle_play()

    def step_clicked(self) -> None:
        if self._comparing():
            self.compare_view.step_clicked()
            return
        self.session.step(self.controls.step_size.value())

    def reset(self) -> None:
        if self._comparing():
            self.compare_view.reset()
            return
        self.session.reset()
        self._start_run_views()
        self._set_state_text("reset: iteration 0, paused, same initial weights")

    def new_seed(self) -> None:
        self.controls.seed.setValue(secrets.randbelow(self.controls.seed.maximum() + 1))

    def choose_initializer(self, name: str) -> None:
        index = self.controls.initializer.findData(name)
        if index >= 0:
            self.controls.initializer.setCurrentIndex(index)

    def _on_initializer_changed(self, index: int) -> None:
        name = self.controls.initializer.itemData(index)
        self._show_initializer_info(name)
        self._reconfigure(init=name)

    def _on_seed_changed(self, seed: int) -> None:
        self._reconfigure(seed=seed)

    def _on_hidden_edited(self) -> None:
        text = self.controls.hidden.text()
        try:
            hidden = parse_hidden(text)
        except ValueError as exc:
            self._refuse(f"“{text}” refused: {exc}")
            return
        self._reconfigure(hidden=hidden)

    def _reconfigure(self, **changes) -> None:
        """Apply a change that re-initializes the weights; a refused change changes nothing."""
        try:
            config = self.config.with_(**changes)
            data = self.data if config.data_key == self.data.key else self._load_data(config)
        except (ValueError, OSError) as exc:  # DataError is a ValueError
            self._refuse(str(exc))
            return
        if data is not self.data:
            self.data = data
            self.decision_map.show_data(data)
        if config == self.config:
            return
        self.config = config
        self.session.configure(config)
        self._start_run_views()
        self._set_state_text("new weights: iteration 0, paused")

    def _on_learning_rate_changed(self, lr: float) -> None:
        try:
            self.config = self.config.with_(learning_rate=lr)
        except ValueError as exc:
            self._refuse(str(exc))
            return
        self.session.set_learning_rate(lr)
        self._set_state_text(f"learning rate {lr:g} from the next step")

    def _on_speed_changed(self, _position: int) -> None:
        steps = self.controls.speed_steps()
        self.controls.speed_label.setText(speed_text(steps))
        self.session.set_speed(steps)

    def _on_log_scale(self, on: bool) -> None:
        self.cost_plot.set_log_scale(on)
        self._views_dirty = True

    # -- drawing ----------------------------------------------------------------------------------
    def _start_run_views(self) -> None:
        init = INITIALIZERS[self.config.init]
        label = f"{init.label}, seed {self.config.seed}, lr {self.config.learning_rate:g}"
        self.cost_plot.start_run(self.config.init, label)
        self.histograms.start_run()
        self.gradient_plot.start_run()
        self._drawn = self._drawn_full = None

    def redraw(self) -> None:
        """Timer tick: draw the newest accepted frame, if it is not on screen yet."""
        frame = self.session.latest
        if frame is None or (frame is self._drawn and not self._views_dirty):
            return
        self._drawn = frame
        self._views_dirty = False
        self.redraws += 1
        snap = frame.snapshot
        self._show_numbers(frame)
        self.cost_plot.show_history(snap.history, snap.iteration, snap.cost, frame.target)
        # While training flat out the slower-changing panels refresh less often, because every
        # millisecond of GUI-thread Python is a millisecond the training thread waits for the GIL:
        # the boundary and the side panel come from "full" frames (with grid, weights and
        # diagnostics; the worker sends ~8 a second), which may not be the newest frame.
        full = self.session.latest_full
        if full is not None and (full is not self._drawn_full or self._panel_dirty):
            self._drawn_full = full
            self._panel_dirty = False
            if full.snapshot.grid is not None:
                self.decision_map.show_grid(full.snapshot.grid, full.heatmap)
            self._show_panel(full.snapshot)

    def _on_panel_tab(self, _index: int) -> None:
        self._views_dirty = self._panel_dirty = True

    def _show_panel(self, snap) -> None:
        """Draw the visible tab of the side panel (hidden tabs are drawn when shown)."""
        current = self.panel_tabs.currentIndex()
        if current == 0:
            self.histograms.show_layers(snap.layers, snap.iteration)
        diag = snap.diagnostics
        if diag is None:
            return
        if current == 1:
            self.gradient_plot.show_diagnostics(diag)
            self.diagnostics_summary.show_diagnostics(diag)
        elif current == 2:
            self.activation_hists.show_diagnostics(diag)

    def _show_numbers(self, frame: Frame) -> None:
        snap, s = frame.snapshot, self.status
        s.iteration.setText(f"Iteration {snap.iteration:,}")
        s.cost.setText(f"Cost {snap.cost!r}" if snap.cost == snap.cost else "Cost: not a number")
        n_test = int(self.data.test_Y.shape[1])
        for label, name, acc, n in (
            (s.train_accuracy, "Train", snap.train_accuracy, snap.n_train),
            (s.test_accuracy, "Test", snap.test_accuracy, n_test),
        ):
            label.setText(f"{name} accuracy {acc!r} ({round(acc * n)}/{n})")
        self.controls.play.setText("Pause" if frame.state is RunState.RUNNING else "Play")
        self._set_state_text(self._state_text(frame))
        s.saturation.setVisible(bool(snap.saturated))
        if snap.saturated:
            s.saturation.setText(
                f"{snap.saturated} of {snap.n_train} outputs are exactly 0 or 1 in float64: the "
                "naive −log(σ) loss would print inf here; InitScope computes it from the logits."
            )
        else:
            s.saturation.setText("")

    @staticmethod
    def _state_text(frame: Frame) -> str:
        snap = frame.snapshot
        if frame.state is RunState.RUNNING:
            rate = f" · {frame.steps_per_second:,.0f} steps/s" if frame.steps_per_second else ""
            note = f" · {frame.note}" if frame.note else ""
            return f"running{rate}{note}"
        if frame.state is RunState.STEPPING:
            return "stepping…"
        if frame.state is RunState.FINISHED:
            return f"finished {snap.iteration:,} iterations"
        if frame.state is RunState.DIVERGED:
            return (
                f"training diverged at iteration {snap.diverged_at:,}: lower the learning "
                "rate or try another initializer, then Reset"
            )
        return "paused"

    def _set_state_text(self, text: str) -> None:
        self.status.state.setText(text)

    def _sync_controls_from_config(self) -> None:
        """Show ``self.config`` in the controls without triggering their handlers."""
        c = self.controls
        for widget, setter in (
            (c.hidden, lambda: c.hidden.setText(",".join(map(str, self.config.hidden)))),
            (
                c.activation,
                lambda: c.activation.setCurrentIndex(c.activation.findData(self.config.activation)),
            ),
            (
                c.initializer,
                lambda: c.initializer.setCurrentIndex(c.initializer.findData(self.config.init)),
            ),
            (c.seed, lambda: c.seed.setValue(self.config.seed)),
            (c.learning_rate, lambda: c.learning_rate.setValue(self.config.learning_rate)),
            (c.scale, lambda: c.scale.setValue(self.config.scale)),
            (c.dataset, self._sync_dataset_combo),
            (
                c.noise,
                lambda: c.noise.setValue(self.data.noise if self.data.noise is not None else 0),
            ),
            (c.samples, lambda: c.samples.setValue(self.config.samples)),
        ):
            blocked = widget.blockSignals(True)
            setter()
            widget.blockSignals(blocked)
        generated = not self.config.dataset.startswith("csv:")
        c.noise.setEnabled(generated)
        c.samples.setEnabled(generated)
        uses_scale = INITIALIZERS[self.config.init].uses_scale
        c.scale.setVisible(uses_scale)
        c.scale_label.setVisible(uses_scale)
        self._show_initializer_info(self.config.init)

    def _sync_dataset_combo(self) -> None:
        c = self.controls
        index = c.dataset.findData(self.config.dataset)
        if index < 0:  # a CSV file not listed yet
            c.dataset.addItem(self.data.label or self.config.dataset, self.config.dataset)
            index = c.dataset.count() - 1
        c.dataset.setCurrentIndex(index)

    # -- data, presets ----------------------------------------------------------------------------
    def choose_csv(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Load 2-D points", "", "CSV files (*.csv *.txt);;All files (*)"
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path: str) -> bool:
        """Use the points in ``path``; a malformed file is refused and nothing changes."""
        try:
            data = load_csv(path)
        except (ValueError, OSError) as exc:
            self._refuse(f"{path}: {exc}")
            return False
        self.data = data
        self.decision_map.show_data(data)
        self._reconfigure(dataset=data.name)
        self.statusBar().showMessage(f"Loaded {data.label}: {data.samples} points", 8000)
        return True

    def apply_preset(self, name: str) -> None:
        """Set architecture, activation, initializer, learning rate and data in one click."""
        preset = PRESETS[name]
        try:
            config = preset.apply(self.config)
        except ValueError as exc:
            self._refuse(str(exc))
            return
        blocked = self.controls.target.blockSignals(True)
        self.controls.target.setValue(preset.iterations)
        self.controls.target.blockSignals(blocked)
        self.session.set_target(preset.iterations)
        self._reconfigure(**{f: getattr(config, f) for f in _CONFIG_FIELDS})
        self._sync_controls_from_config()
        self._set_state_text(f"{preset.label}: paused at iteration 0, press Play")

    def _show_initializer_info(self, name: str) -> None:
        init = INITIALIZERS[name]
        self.controls.init_info.setText(f"<b>{init.formula}</b><br>{init.explanation}")

    def _refuse(self, message: str) -> None:
        """A value the user gave was not accepted: say why (not modally), show what stands."""
        self._sync_controls_from_config()
        self.statusBar().showMessage(f"{message}. Nothing was changed.", 15000)

    def _show_error(self, message: str) -> None:
        self._set_state_text(message.strip().splitlines()[-1])
        QtWidgets.QMessageBox.warning(self, "InitScope", message)

    # -- lifetime ---------------------------------------------------------------------------------
    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        """Stop the worker and join its thread before the window goes."""
        self.redraw_timer.stop()
        self.compare_view.shutdown()
        self.session.shutdown()
        super().closeEvent(event)
