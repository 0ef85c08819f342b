"""InitScope's main window: composition, the user's actions, and the redraw clock.

The window never trains.  It sends commands to a :class:`TrainingSession` and, on its own ~30 fps
timer, draws the newest frame the session accepted (if it changed).  However fast training runs,
the GUI thread does at most one redraw per tick.

Menus and actions live in :mod:`app.window_menus`, files (pictures, history, experiments) in
:mod:`app.file_actions`; this module composes the views and maps the controls to commands.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from app.file_actions import FileActions
from app.frames import Frame, RunState
from app.i18n import LANGUAGES, Retranslatable, Translations, engine_text, error_text, translate
from app.session import TrainingSession
from app.settings import AppSettings
from app.views.compare_view import CompareView
from app.views.controls import ControlPanel, StatusStrip, speed_text
from app.views.cost_plot import CostPlot
from app.views.decision_map import DecisionMap
from app.views.diagnostics import ActivationHistograms, DiagnosticsSummary, GradientNormPlot
from app.views.lesson import LessonPanel
from app.views.spin_boxes import refusal_text
from app.views.steady_rate import SteadyRate
from app.views.style import Palette
from app.views.weight_histograms import WeightHistograms
from app.window_menus import WindowMenus
from engine.datasets import Dataset, load_csv, load_dataset
from engine.initializers import INITIALIZERS
from engine.presets import PRESETS
from engine.trainer import TrainConfig, Trainer, parse_hidden

__all__ = ["MainWindow"]

REDRAW_MS = 33
#: Ctrl+= / Ctrl+- zoom steps (a factor on every font, line and marker)
ZOOM_STEPS = (0.75, 0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
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


class MainWindow(Retranslatable, QtWidgets.QMainWindow):
    """The instrument: controls on the left, numbers on top, live plots below them.

    ``settings`` is the store of what to remember between starts (``None``: remember nothing,
    as in tests); ``translations`` switches the language (``None``: one is made on demand).
    """

    def __init__(
        self,
        config: TrainConfig | None = None,
        session_factory: SessionFactory = _default_session,
        settings: QtCore.QSettings | None = None,
        translations: Translations | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = AppSettings(settings)
        self.translations = translations
        self.config = config or self.settings.config() or TrainConfig()
        self.data: Dataset = self._load_data(self.config)
        self.palette_ = Palette()
        self._state_text_source: Callable[[], str] = lambda: ""
        self._steady_rate = SteadyRate()
        self._build_ui()
        if config is None and not self._showable(self.config):
            # a remembered configuration the controls cannot show: start from the default
            self.config = TrainConfig()
            self.data = self._load_data(self.config)
        self.files = FileActions(self)
        self.menus = WindowMenus(self)
        self._sync_controls_from_config()
        self.decision_map.show_data(self.data)
        self._start_run_views()

        self.session = session_factory(self.config, self._make_trainer)
        self.session.failed.connect(self._show_error)
        target = self.settings.target()
        if target is not None:
            self.controls.target.setValue(target)  # tells the session through its signal
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
        self.ticks = 0
        self.retranslate_ui()
        self._restore_view_settings()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        """Keep the splitters' proportions sensible at any window size (laptop to projector)."""
        super().resizeEvent(event)
        self._fit_splitters()

    def _fit_splitters(self) -> None:
        plots, bottom = self._splitters
        h, w = plots.height(), bottom.width()
        # Projector-size histogram titles need more of the width; the boundary is square anyway.
        share = 0.5 if self.palette_.projector else 0.58
        if h > 0 and w > 0:
            plots.setSizes([int(h * 0.4), h - int(h * 0.4)])
            bottom.setSizes([int(w * share), w - int(w * share)])

    # -- construction -----------------------------------------------------------------------------
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
        self.control_scroll = scroll
        self.lesson = LessonPanel(self.apply_preset)
        side = QtWidgets.QTabWidget(objectName="sideTabs")
        side.addTab(scroll, "")
        side.addTab(self.lesson, "")
        self.side_tabs = side
        self._fit_side_width()

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
        self.panel_tabs.addTab(self.histograms, "")
        self.panel_tabs.addTab(gradients, "")
        self.panel_tabs.addTab(self.activation_hists, "")
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
        self.single_page = central
        # The side-by-side comparison is its own tab: it starts its thread when first shown.
        self.compare_view = CompareView(self.data)
        self.compare_view.errorOccurred.connect(self._show_error)
        self.mode_tabs = QtWidgets.QTabWidget(objectName="modeTabs")
        self.mode_tabs.addTab(central, "")
        self.mode_tabs.addTab(self.compare_view, "")
        self.setCentralWidget(self.mode_tabs)
        self.setStatusBar(QtWidgets.QStatusBar(objectName="messageBar"))

        c = self.controls
        c.initializer.currentIndexChanged.connect(self._on_initializer_changed)
        c.seed.valueChanged.connect(self._on_seed_changed)
        c.new_seed.clicked.connect(self.new_seed)
        c.learning_rate.valueChanged.connect(self._on_learning_rate_changed)
        c.hidden.editingFinished.connect(self._on_hidden_edited)
        c.activation.currentIndexChanged.connect(
            lambda i: self._reconfigure_from(c.activation, activation=c.activation.itemData(i))
        )
        c.scale.valueChanged.connect(lambda v: self._reconfigure(scale=v))
        c.dataset.currentIndexChanged.connect(
            lambda i: self._reconfigure_from(c.dataset, dataset=c.dataset.itemData(i), noise=None)
        )
        c.noise.valueChanged.connect(lambda v: self._reconfigure(noise=v))
        c.samples.valueChanged.connect(lambda v: self._reconfigure(samples=v))
        c.load_csv.clicked.connect(self.choose_csv)
        c.play.clicked.connect(self.toggle_play)
        c.step.clicked.connect(self.step_clicked)
        c.reset.clicked.connect(self.reset)
        c.target.valueChanged.connect(self._on_target_changed)
        c.speed.valueChanged.connect(self._on_speed_changed)
        c.log_scale.toggled.connect(self._on_log_scale)
        c.clear_ghosts.clicked.connect(self.cost_plot.clear_ghosts)
        for box in (c.seed, c.scale, c.learning_rate, c.noise, c.samples, c.step_size, c.target):
            box.refused.connect(lambda text, b=box: self._refuse(refusal_text(b, text)))
        # Buttons keep keyboard focus only by Tab, so Space reaches the window-level shortcut.
        for button in (c.play, c.step, c.reset, c.new_seed, c.clear_ghosts, c.load_csv):
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)

    def _fit_side_width(self) -> None:
        """The side panel is as wide as its widest control needs, in the current font."""
        self.controls.adjustSize()
        width = self.controls.sizeHint().width() + 34
        self.side_tabs.setFixedWidth(width)

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text the window itself owns, in the current language (the views do their own)."""
        self.setWindowTitle(translate("MainWindow", "InitScope — weight initialization, live"))
        self.side_tabs.setTabText(0, translate("MainWindow", "Controls"))
        self.side_tabs.setTabText(1, translate("MainWindow", "Lesson"))
        self.panel_tabs.setTabText(0, translate("MainWindow", "Weights"))
        self.panel_tabs.setTabText(1, translate("MainWindow", "Gradients"))
        self.panel_tabs.setTabText(2, translate("MainWindow", "Activations"))
        self.mode_tabs.setTabText(0, translate("MainWindow", "Single run"))
        self.mode_tabs.setTabText(1, translate("MainWindow", "Compare initializers"))
        self.side_tabs.setAccessibleName(translate("MainWindow", "Controls and lesson"))
        self.panel_tabs.setAccessibleName(
            translate("MainWindow", "Weights, gradients, activations")
        )
        self.mode_tabs.setAccessibleName(translate("MainWindow", "Single run or comparison"))
        self.cost_plot.setAccessibleName(translate("MainWindow", "Cost curve"))
        self.decision_map.setAccessibleName(translate("MainWindow", "Decision boundary"))
        self.menus.retranslate_ui()
        self._show_initializer_info(self.config.init)
        self.statusBar().clearMessage()  # a message from before the switch is in the old language
        self.status.state.setText(self._state_text_source())
        self._views_dirty = True  # numbers and state re-rendered in the new words at the next tick
        self._fit_side_width()

    def set_language(self, code: str) -> bool:
        """Switch the whole application's language live and remember the choice."""
        if code not in LANGUAGES:
            return False
        if self.translations is None:
            app = QtCore.QCoreApplication.instance()
            self.translations = Translations(app)
        if not self.translations.set_language(code):
            self._refuse(translate("MainWindow", "No translation for {code}").format(code=code))
            return False
        self.settings.set_language(code)
        self.menus.sync_checks()
        return True

    @property
    def language(self) -> str:
        return self.translations.language if self.translations else "en"

    # -- projector mode and zoom ------------------------------------------------------------------
    def _restore_view_settings(self) -> None:
        zoom, projector = self.settings.zoom(), self.settings.projector()
        self.apply_palette(Palette(zoom=zoom, projector=projector))
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry) or not self._on_a_screen():
            self.resize(1280, 800)
        # Never come back full screen or maximised onto a projector that has gone.
        self.setWindowState(QtCore.Qt.WindowState.WindowNoState)

    def _on_a_screen(self) -> bool:
        frame = self.frameGeometry()
        return any(
            screen.availableGeometry().intersects(frame)
            for screen in QtGui.QGuiApplication.screens()
        )

    def apply_palette(self, palette: Palette) -> None:
        """Projector mode and zoom: fonts, lines, markers and the presentation layout."""
        self.palette_ = palette
        app = QtWidgets.QApplication.instance()
        if not hasattr(self, "_base_font"):
            self._base_font = QtGui.QFont(app.font())
        font = QtGui.QFont(self._base_font)
        if palette.projector or palette.zoom != 1.0:
            font.setPointSizeF(palette.font_pt)
        # The application font reaches menus, tooltips and dialogs too, but only through posted
        # events; the window's own font reaches its children at once, so the layout below is
        # measured in the new size.
        app.setFont(font)
        QtWidgets.QToolTip.setFont(font)
        self.setFont(font)
        for menu in self.menuBar().findChildren(QtWidgets.QMenu):
            menu.setFont(font)
        for view in (
            self.status,
            self.cost_plot,
            self.decision_map,
            self.histograms,
            self.gradient_plot,
            self.diagnostics_summary,
            self.activation_hists,
            self.lesson,
            self.compare_view,
        ):
            view.apply_palette(palette)
        self.menus.set_presentation(palette.projector)
        self._fit_side_width()
        self._fit_splitters()
        self._views_dirty = self._panel_dirty = True

    def set_projector_mode(self, on: bool) -> None:
        self.apply_palette(Palette(zoom=self.palette_.zoom, projector=on))
        self.settings.set_projector(on)
        self.menus.sync_checks()
        self.statusBar().showMessage(
            translate("MainWindow", "Projector mode on: Ctrl+P or F5 turns it off")
            if on
            else translate("MainWindow", "Projector mode off"),
            5000,
        )

    def zoom(self, direction: int) -> None:
        """One step bigger (+1) or smaller (-1); 0 is back to 100 %."""
        current = self.palette_.zoom
        if direction == 0:
            new = 1.0
        else:
            nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - current))
            index = max(0, min(len(ZOOM_STEPS) - 1, nearest + direction))
            new = ZOOM_STEPS[index]
        self.apply_palette(Palette(zoom=new, projector=self.palette_.projector))
        self.settings.set_zoom(new)
        self.statusBar().showMessage(
            translate("MainWindow", "Zoom {percent} %").format(percent=round(new * 100)), 3000
        )

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.menus.sync_checks()

    def leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.menus.sync_checks()

    def set_controls_visible(self, visible: bool) -> None:
        """Fold the control panels away (projector layout) or back.

        The side panel and the comparison's row for adding runs fold together; play, step,
        reset and the tutorial's initializers stay on the presentation toolbar and in the menus.
        """
        self.side_tabs.setVisible(visible)
        add_row = self.compare_view.findChild(QtWidgets.QWidget, "compareAddRow")
        if add_row is not None:
            add_row.setVisible(visible)
        self.menus.sync_checks()

    def reset_layout(self) -> None:
        """Back to a sensible size, panels shown, 100 %, no projector mode."""
        self.showNormal()
        self.apply_palette(Palette())
        self.settings.set_zoom(1.0)
        self.settings.set_projector(False)
        self.side_tabs.setVisible(True)
        self.resize(1280, 800)
        self.menus.sync_checks()

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
        self._set_state_text(
            lambda: translate("MainWindow", "reset: iteration 0, paused, same initial weights")
        )

    def new_seed(self) -> None:
        self.controls.seed.setValue(secrets.randbelow(self.controls.seed.maximum() + 1))

    def choose_initializer(self, name: str) -> None:
        index = self.controls.initializer.findData(name)
        if index >= 0:
            self.controls.initializer.setCurrentIndex(index)

    def _on_initializer_changed(self, index: int) -> None:
        name = self.controls.initializer.itemData(index)
        if name is None:  # no item chosen (a script's index -1): show what stands
            self._sync_controls_from_config()
            return
        self._show_initializer_info(name)
        self._reconfigure(init=name)

    def _on_seed_changed(self, seed: int) -> None:
        self._reconfigure(seed=seed)

    def _on_hidden_edited(self) -> None:
        text = self.controls.hidden.text()
        try:
            hidden = parse_hidden(text)
        except ValueError as exc:
            self._refuse(
                translate("MainWindow", "“{text}” refused: {reason}").format(
                    text=text, reason=error_text(exc)
                )
            )
            return
        self._reconfigure(hidden=hidden)

    def _reconfigure_from(self, combo: QtWidgets.QComboBox, **changes) -> None:
        """A combo box's choice; no item (index -1, from a script) puts back what stands."""
        if combo.currentIndex() < 0:
            self._sync_controls_from_config()
            return
        self._reconfigure(**changes)

    def _reconfigure(self, **changes) -> None:
        """Apply a change that re-initializes the weights; a refused change changes nothing."""
        try:
            config = self.config.with_(**changes)
            data = self.data if config.data_key == self.data.key else self._load_data(config)
        except (ValueError, OSError, KeyError) as exc:  # DataError is a ValueError
            self._refuse(error_text(exc))
            return
        if data is not self.data:
            self.data = data
            self.decision_map.show_data(data)
        if config == self.config:
            return
        self.config = config
        self.session.configure(config)
        self.settings.set_config(config)
        self._start_run_views()
        self._set_state_text(lambda: translate("MainWindow", "new weights: iteration 0, paused"))

    def _on_learning_rate_changed(self, lr: float) -> None:
        try:
            self.config = self.config.with_(learning_rate=lr)
        except ValueError as exc:
            self._refuse(error_text(exc))
            return
        self.session.set_learning_rate(lr)
        self.settings.set_config(self.config)
        self._set_state_text(
            lambda: translate("MainWindow", "learning rate {lr} from the next step").format(
                lr=f"{lr:g}"
            )
        )

    def _on_target_changed(self, target: int) -> None:
        self.session.set_target(target)
        self.settings.set_target(target)

    def _on_speed_changed(self, _position: int) -> None:
        steps = self.controls.speed_steps()
        self.controls.speed_label.setText(speed_text(steps))
        self.session.set_speed(steps)

    def _on_log_scale(self, on: bool) -> None:
        self.cost_plot.set_log_scale(on)
        self._views_dirty = True

    # -- drawing ----------------------------------------------------------------------------------
    def _run_label(self) -> Callable[[], str]:
        """The run's name as a function, so that its ghost is re-worded after a switch too."""
        config = self.config

        def words() -> str:
            return translate("MainWindow", "{init}, seed {seed}, lr {lr}").format(
                init=engine_text(INITIALIZERS[config.init].label),
                seed=config.seed,
                lr=f"{config.learning_rate:g}",
            )

        return words

    def _start_run_views(self) -> None:
        self.cost_plot.start_run(self.config.init, self._run_label())
        self.histograms.start_run()
        self.gradient_plot.start_run()
        self._drawn = self._drawn_full = None

    def redraw(self) -> None:
        """Timer tick: draw the newest accepted frame, if it is not on screen yet.

        A diverging run hands the views weights near the float64 limit: their statistics may
        overflow to inf, which is what they should show, so NumPy's warnings are silenced here
        (``errstate`` is per thread: this is the GUI thread's).
        """
        self.ticks += 1  # the clock is alive, whether or not there is anything new to draw
        with np.errstate(all="ignore"):
            self._redraw()

    def _redraw(self) -> None:
        frame = self.session.latest
        if frame is None or (frame is self._drawn and not self._views_dirty):
            return
        self._drawn = frame
        self._views_dirty = False
        self.redraws += 1
        snap = frame.snapshot
        self._show_numbers(frame)
        self.cost_plot.show_history(
            snap.history, snap.iteration, snap.cost, frame.target, frame.state is RunState.RUNNING
        )
        # While training flat out the slower-changing panels refresh less often, because every
        # millisecond of GUI-thread Python is a millisecond the training thread waits for the GIL:
        # the boundary and the side panel come from "full" frames (with grid, weights and
        # diagnostics; the worker sends ~5 a second), which may not be the newest frame.
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
        s.iteration.setText(
            translate("MainWindow", "Iteration {n}").format(n=f"{snap.iteration:,}")
        )
        if snap.cost == snap.cost:
            s.cost.setText(translate("MainWindow", "Cost {cost}").format(cost=repr(snap.cost)))
        else:
            s.cost.setText(translate("MainWindow", "Cost: not a number"))
        n_test = int(self.data.test_Y.shape[1])
        train = translate("MainWindow", "Train accuracy {acc} ({right}/{n})")
        test = translate("MainWindow", "Test accuracy {acc} ({right}/{n})")
        for label, text, acc, n in (
            (s.train_accuracy, train, snap.train_accuracy, snap.n_train),
            (s.test_accuracy, test, snap.test_accuracy, n_test),
        ):
            full = text.format(acc=repr(acc), right=round(acc * n), n=n)
            # compact (projector): the number alone fits the back row's font; counts in the tip
            label.setText(full.split(" (")[0].split("（")[0] if s.compact else full)
            label.setToolTip(full)
        self.controls.set_running(frame.state is RunState.RUNNING)
        s.set_selectable(frame.state not in (RunState.RUNNING, RunState.STEPPING))
        rate = self._steady_rate(frame.steps_per_second if frame.state is RunState.RUNNING else 0)
        self._set_state_text(lambda: self._state_text(frame, rate))
        s.saturation.setVisible(bool(snap.saturated))
        if snap.saturated:
            s.saturation.setText(
                translate(
                    "MainWindow",
                    "{k} of {n} outputs are exactly 0 or 1 in float64: the naive −log(σ) loss "
                    "would print inf here; InitScope computes it from the logits.",
                ).format(k=snap.saturated, n=snap.n_train)
            )
        else:
            s.saturation.setText("")

    @staticmethod
    def _state_text(frame: Frame, rate: float) -> str:
        """The state line for ``frame``; ``rate`` is the steps/s figure to show while running."""
        snap = frame.snapshot
        if frame.state is RunState.RUNNING:
            text = translate("MainWindow", "running")
            if rate:
                text += " · " + translate("MainWindow", "{n} steps/s").format(n=f"{rate:,.0f}")
            return text + (f" · {frame.note}" if frame.note else "")
        if frame.state is RunState.STEPPING:
            return translate("MainWindow", "stepping…")
        if frame.state is RunState.FINISHED:
            return translate("MainWindow", "finished {n} iterations").format(
                n=f"{snap.iteration:,}"
            )
        if frame.state is RunState.DIVERGED:
            return translate(
                "MainWindow",
                "training diverged at iteration {n}: lower the learning rate or try another "
                "initializer, then Reset",
            ).format(n=f"{snap.diverged_at:,}")
        return translate("MainWindow", "paused")

    def _set_state_text(self, source: Callable[[], str]) -> None:
        """Show a state line; ``source`` makes it again in the new language after a switch."""
        self._state_text_source = source
        self.status.state.setText(source())

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
            self,
            translate("MainWindow", "Load 2-D points"),
            "",
            translate("MainWindow", "CSV files (*.csv *.txt);;All files (*)"),
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path: str) -> bool:
        """Use the points in ``path``; a malformed file is refused and nothing changes."""
        try:
            data = load_csv(path)
        except (ValueError, OSError) as exc:
            self._refuse(f"{path}: {error_text(exc)}")
            return False
        self.data = data
        self.decision_map.show_data(data)
        self._reconfigure(dataset=data.name)
        self.statusBar().showMessage(
            translate("MainWindow", "Loaded {name}: {n} points").format(
                name=data.label, n=int(data.train_X.shape[1] + data.test_X.shape[1])
            ),
            8000,
        )
        return True

    def apply_preset(self, name: str) -> None:
        """Set architecture, activation, initializer, learning rate and data in one click."""
        preset = PRESETS[name]
        try:
            config = preset.apply(self.config)
        except ValueError as exc:
            self._refuse(error_text(exc))
            return
        self.controls.target.setValue(preset.iterations)
        self._reconfigure(**{f: getattr(config, f) for f in _CONFIG_FIELDS})
        self._sync_controls_from_config()
        self._set_state_text(
            lambda: translate("MainWindow", "{preset}: paused at iteration 0, press Play").format(
                preset=engine_text(preset.label)
            )
        )

    def apply_experiment(self, config: TrainConfig, target: int | None = None) -> None:
        """Make ``config`` the run (from iteration 0); raises, changing nothing, if it can't be.

        The data are loaded first: a missing CSV file raises before anything is touched.
        """
        self._check_showable(config, target)
        data = self.data if config.data_key == self.data.key else self._load_data(config)
        if data is not self.data:
            self.data = data
            self.decision_map.show_data(data)
        if target is not None:
            self.controls.target.setValue(target)
        if config != self.config:
            self.config = config
            self.session.configure(config)
            self.settings.set_config(config)
            self._start_run_views()
        else:
            self.session.reset()
            self._start_run_views()
        self._sync_controls_from_config()
        self._set_state_text(
            lambda: translate("MainWindow", "experiment loaded: iteration 0, paused")
        )

    def _showable(self, config: TrainConfig) -> bool:
        try:
            self._check_showable(config, None)
        except ValueError:
            return False
        return True

    def _check_showable(self, config: TrainConfig, target: int | None) -> None:
        """Refuse a configuration the controls cannot show exactly (a value out of a box's
        range or finer than its decimals), so what the window shows is always what runs."""
        c = self.controls
        checks = [
            (c.learning_rate, config.learning_rate, translate("MainWindow", "learning rate")),
            (c.scale, config.scale, translate("MainWindow", "scale")),
            (c.seed, config.seed, translate("MainWindow", "seed")),
            (c.samples, config.samples, translate("MainWindow", "number of points")),
            (c.target, target, translate("MainWindow", "stop-at iteration")),
            (c.noise, config.noise, translate("MainWindow", "noise")),
        ]
        for box, value, name in checks:
            if value is None:
                continue
            if not box.minimum() <= value <= box.maximum():
                raise ValueError(
                    translate(
                        "MainWindow",
                        "the window cannot show a {name} of {value}: it takes {low} to {high}",
                    ).format(
                        name=name,
                        value=value,
                        low=box.textFromValue(box.minimum()),
                        high=box.textFromValue(box.maximum()),
                    )
                )
            decimals = box.decimals() if isinstance(box, QtWidgets.QDoubleSpinBox) else 0
            if abs(round(value, decimals) - value) > 1e-9 * 10.0**-decimals:
                raise ValueError(
                    translate(
                        "MainWindow",
                        "the window cannot show a {name} of {value}: it shows {decimals} decimals",
                    ).format(name=name, value=value, decimals=decimals)
                )

    def show_about(self) -> None:
        from app.about import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _show_initializer_info(self, name: str) -> None:
        init = INITIALIZERS[name]
        formula, text = engine_text(init.formula), engine_text(init.explanation)
        self.controls.init_info.setText(f"<b>{formula}</b><br>{text}")

    def _refuse(self, message: str) -> None:
        """A value the user gave was not accepted: say why (not modally), show what stands."""
        self._sync_controls_from_config()
        self.statusBar().showMessage(
            translate("MainWindow", "{message}. Nothing was changed.").format(
                message=message.rstrip(".")
            ),
            15000,
        )

    def _show_error(self, message: str) -> None:
        last = message.strip().splitlines()[-1]
        self._set_state_text(lambda: last)
        QtWidgets.QMessageBox.warning(self, "InitScope", message)

    # -- lifetime ---------------------------------------------------------------------------------
    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        """Remember the window, stop the workers and join their threads before the window goes."""
        if not self.isFullScreen():
            self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        if hasattr(self, "_base_font"):  # projector mode or zoom changed the application's font
            QtWidgets.QApplication.instance().setFont(self._base_font)
            QtWidgets.QToolTip.setFont(self._base_font)
        self.redraw_timer.stop()
        # A worker stops after its current chunk, which is one step of a big network at most:
        # wait for it, however long that step takes, rather than leave a thread running (Qt
        # aborts the process if a running QThread is destroyed).
        for stop in (self.compare_view.shutdown, self.session.shutdown):
            while not stop():
                self.statusBar().showMessage(
                    translate("MainWindow", "Closing: waiting for the current step to finish…")
                )
        super().closeEvent(event)
