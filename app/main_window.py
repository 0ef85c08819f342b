"""InitScope's main window: it composes the views and connects them to the controllers.

The window decides nothing about training.  The single run's :class:`RunController` owns the
configuration, the data and the session, and says what changed through signals; the views render
what they are given.  On its own ~30 fps timer the window draws the newest frame the session
accepted (if it changed), so however fast training runs the GUI thread redraws at most once a tick.

Menus and actions live in :mod:`app.window_menus`, files (pictures, history, experiments) in
:mod:`app.file_actions`, projector mode, zoom and layout in :mod:`app.window_presentation`.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from app.compare_wiring import wire
from app.controllers.compare_controller import CompareController
from app.controllers.run_controller import RunController, SessionFactory, run_label
from app.file_actions import FileActions
from app.frames import Frame, RunState
from app.i18n import LANGUAGES, Retranslatable, Translations, translate
from app.session import TrainingSession
from app.settings import AppSettings
from app.timeline_actions import TimelineActions
from app.views.compare.view import CompareView
from app.views.controls import ControlPanel, speed_text
from app.views.cost_plot import CostPlot
from app.views.decision_map import DecisionMap
from app.views.diagnostics import ActivationHistograms, DiagnosticsSummary, GradientNormPlot
from app.views.lesson import LessonPanel
from app.views.network_diagram import NetworkDiagram
from app.views.spin_boxes import refusal_text
from app.views.status_strip import StatusStrip
from app.views.style import Palette
from app.views.timeline import TimelineBar
from app.views.weight_histograms import WeightHistograms
from app.window_menus import WindowMenus
from app.window_presentation import Presentation
from engine.config import TrainConfig

__all__ = ["MainWindow"]

REDRAW_MS = 33


class MainWindow(Retranslatable, QtWidgets.QMainWindow):
    """The instrument: controls on the left, numbers on top, live plots below them.

    ``settings`` is the store of what to remember between starts (``None``: remember nothing,
    as in tests); ``translations`` switches the language (``None``: one is made on demand);
    ``session_factory(config, data)`` builds the training session (tests may inject their own).
    """

    def __init__(
        self,
        config: TrainConfig | None = None,
        session_factory: SessionFactory = TrainingSession,
        settings: QtCore.QSettings | None = None,
        translations: Translations | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = AppSettings(settings)
        self.translations = translations
        self.run = RunController(config, self.settings, session_factory, parent=self)
        self.presentation = Presentation(self)
        self._drawn: Frame | None = None
        self._drawn_full: Frame | None = None
        self._views_dirty = self._panel_dirty = False
        self.redraws = 0
        self.ticks = 0
        self._build_ui()
        self.files = FileActions(self)
        self.menus = WindowMenus(self)
        self.timeline_actions = TimelineActions(self)
        self._connect_controls()
        self._connect_run()
        if self.run.start_note is not None:  # until something else is said there
            self.statusBar().showMessage(self.run.start_note())
        self._on_panel_tab(self.panel_tabs.currentIndex())
        self.controls.show_config(self.run.config, self.run.data)
        self.lesson.show_config(self.run.config)
        self.controls.show_target(self.run.target)
        self.decision_map.show_data(self.run.data)
        self._start_run_views(self.run.config)
        self.redraw_timer = QtCore.QTimer(self)
        self.redraw_timer.setObjectName("redrawTimer")
        self.redraw_timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.redraw_timer.timeout.connect(self.redraw)
        self.redraw_timer.start(REDRAW_MS)
        self.retranslate_ui()
        self.presentation.restore()
        self.redraw()  # iteration 0 is on screen before any event is processed
        self._show_panel(self.run.latest_full, every=True)  # and in every tab

    # -- construction -----------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.controls = ControlPanel()
        scroll = QtWidgets.QScrollArea(objectName="controlScroll")
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.control_scroll = scroll
        self.lesson = LessonPanel(self.run.apply_preset)
        side = QtWidgets.QTabWidget(objectName="sideTabs")
        side.addTab(scroll, "")
        side.addTab(self.lesson, "")
        self.side_tabs = side
        self.presentation.fit_side_width()

        self.status = StatusStrip()
        self.cost_plot = CostPlot(palette=self.palette_)
        self.decision_map = DecisionMap(palette=self.palette_)
        self.histograms = WeightHistograms(palette=self.palette_)
        self.gradient_plot = GradientNormPlot(palette=self.palette_)
        self.diagnostics_summary = DiagnosticsSummary()
        self.activation_hists = ActivationHistograms(palette=self.palette_)
        self.network_diagram = NetworkDiagram(palette=self.palette_)
        gradients = QtWidgets.QWidget()
        glayout = QtWidgets.QVBoxLayout(gradients)
        glayout.setContentsMargins(0, 0, 0, 0)
        glayout.addWidget(self.gradient_plot, 1)
        glayout.addWidget(self.diagnostics_summary)
        self.gradients_page = gradients
        # The network first: every neuron's map is the picture a class expects (Playground's).
        self.panel_tabs = QtWidgets.QTabWidget(objectName="panelTabs")
        self.panel_tabs.addTab(self.network_diagram, "")
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
        self.cost_plot.setMinimumHeight(120)  # the timeline under the plots fits 768 px
        plots = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical, objectName="plotSplit")
        plots.addWidget(self.cost_plot)
        plots.addWidget(bottom)
        plots.setStretchFactor(0, 2)
        plots.setStretchFactor(1, 3)
        plots.setChildrenCollapsible(False)
        self.splitters = (plots, bottom)

        right = QtWidgets.QWidget()
        rlayout = QtWidgets.QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(self.status)
        rlayout.addWidget(plots, 1)
        # Under the plots: every iteration trained, to go back to (and branch from).
        self.timeline = TimelineBar("timeline")
        rlayout.addWidget(self.timeline)

        central = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(side)
        layout.addWidget(right, 1)
        self.single_page = central
        # The side-by-side comparison is its own tab: it starts its thread when first shown.
        self.compare_view = CompareView(self.run.data)
        self.compare = CompareController(self.run.data, parent=self)
        wire(self.compare_view, self.compare)
        self.compare_view.flat_out_check.toggled.connect(lambda _on: self.menus.sync_checks())
        self.compare.failed.connect(self._show_error)
        self.mode_tabs = QtWidgets.QTabWidget(objectName="modeTabs")
        self.mode_tabs.addTab(central, "")
        self.mode_tabs.addTab(self.compare_view, "")
        self.mode_tabs.currentChanged.connect(lambda _i: self.menus.sync_checks())
        self.setCentralWidget(self.mode_tabs)
        self.setStatusBar(QtWidgets.QStatusBar(objectName="messageBar"))

    def _connect_controls(self) -> None:
        """The controls' signals to the run controller (the window only handles dialogs)."""
        c, run = self.controls, self.run
        c.initializer.currentIndexChanged.connect(
            lambda i: run.set_initializer(c.initializer.itemData(i))
        )
        c.activation.currentIndexChanged.connect(
            lambda i: run.set_activation(c.activation.itemData(i))
        )
        c.dataset.currentIndexChanged.connect(lambda i: run.set_dataset(c.dataset.itemData(i)))
        c.seed.valueChanged.connect(run.set_seed)
        c.new_seed.clicked.connect(run.new_seed)
        c.learning_rate.valueChanged.connect(run.set_learning_rate)
        c.hidden.editingFinished.connect(lambda: run.set_hidden_text(c.hidden.text()))
        c.scale.valueChanged.connect(run.set_scale)
        c.noise.valueChanged.connect(run.set_noise)
        c.samples.valueChanged.connect(run.set_samples)
        c.target.valueChanged.connect(run.set_target)
        c.load_csv.clicked.connect(self.choose_csv)
        c.play.clicked.connect(self.toggle_play)
        c.step.clicked.connect(self.step_clicked)
        c.reset.clicked.connect(self.reset)
        c.speed.valueChanged.connect(self._on_speed_changed)
        c.flat_out.toggled.connect(lambda _on: self.menus.sync_checks())
        c.log_scale.toggled.connect(self._on_log_scale)
        c.clear_ghosts.clicked.connect(self.cost_plot.clear_ghosts)
        self.timeline.seekRequested.connect(self.run.seek)
        self.timeline.branchRequested.connect(self.run.branch)
        for box in (c.seed, c.scale, c.learning_rate, c.noise, c.samples, c.step_size, c.target):
            box.refused.connect(lambda text, b=box: run.refuse(refusal_text(b, text)))
        # Buttons keep keyboard focus only by Tab, so Space reaches the window-level shortcut.
        buttons = (c.play, c.step, c.reset, c.new_seed, c.clear_ghosts, c.load_csv)
        for button in (*buttons, self.timeline.live_button, self.timeline.branch_button):
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)

    def _connect_run(self) -> None:
        """What the run controller says, to the views that show it."""
        run = self.run
        run.configShown.connect(self.controls.show_config)
        run.configShown.connect(self.lesson.show_config)
        run.targetChanged.connect(self.controls.show_target)
        run.dataChanged.connect(self.decision_map.show_data)
        run.runStarted.connect(self._start_run_views)
        run.said.connect(self.status.say)
        run.refused.connect(lambda message: self.statusBar().showMessage(message, 15000))
        run.noticed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        run.failed.connect(self._show_error)
        run.branched.connect(self._branch_views)
        run.session.frameReady.connect(self._on_frame)

    def styled_views(self) -> Iterator[QtWidgets.QWidget]:
        """Every view that takes the palette (projector mode, zoom)."""
        yield from (
            self.status,
            self.timeline,
            self.cost_plot,
            self.decision_map,
            self.network_diagram,
            self.histograms,
            self.gradient_plot,
            self.diagnostics_summary,
            self.activation_hists,
            self.lesson,
            self.compare_view,
        )

    # -- language ---------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text the window itself owns, in the current language (the views do their own)."""
        self.setWindowTitle(translate("MainWindow", "InitScope — weight initialization, live"))
        self.side_tabs.setTabText(0, translate("MainWindow", "Controls"))
        self.side_tabs.setTabText(1, translate("MainWindow", "Lesson"))
        self.panel_tabs.setTabText(0, translate("MainWindow", "Network"))
        self.panel_tabs.setTabText(1, translate("MainWindow", "Weights"))
        self.panel_tabs.setTabText(2, translate("MainWindow", "Gradients"))
        self.panel_tabs.setTabText(3, translate("MainWindow", "Activations"))
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
        self.timeline_actions.retranslate_ui()
        self.controls.show_initializer_info(self.run.config.init)
        self.statusBar().clearMessage()  # a message from before the switch is in the old language
        self.mark_dirty()  # numbers and state re-rendered in the new words at the next tick
        self.presentation.fit_side_width()

    def set_language(self, code: str) -> bool:
        """Switch the whole application's language live and remember the choice."""
        if code not in LANGUAGES:
            return False
        if self.translations is None:
            app = QtCore.QCoreApplication.instance()
            self.translations = Translations(app)
        if not self.translations.set_language(code):
            self.run.refuse(translate("MainWindow", "No translation for {code}").format(code=code))
            return False
        self.settings.set_language(code)
        self.menus.sync_checks()
        return True

    @property
    def language(self) -> str:
        return self.translations.language if self.translations else "en"

    # -- presentation (projector mode, zoom, full screen, layout) ---------------------------------
    @property
    def palette_(self) -> Palette:
        return self.presentation.palette

    def apply_palette(self, palette: Palette) -> None:
        self.presentation.apply(palette)

    def set_projector_mode(self, on: bool) -> None:
        self.presentation.set_projector_mode(on)

    def zoom(self, direction: int) -> None:
        self.presentation.zoom(direction)

    def toggle_full_screen(self) -> None:
        self.presentation.toggle_full_screen()

    def leave_full_screen(self) -> None:
        self.presentation.leave_full_screen()

    def reset_layout(self) -> None:
        self.presentation.reset_layout()

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

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self.presentation.fit_splitters()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """Shown: its frame is known now, so it can be kept within the screen, frame and all."""
        super().showEvent(event)
        QtCore.QTimer.singleShot(0, self.presentation.fit_to_screen)

    # -- user actions (on the tab in view) ---------------------------------------------------------
    def _comparing(self) -> bool:
        return self.mode_tabs.currentWidget() is self.compare_view

    def toggle_play(self) -> None:
        self.compare.toggle_play() if self._comparing() else self.run.toggle_play()

    def step_clicked(self) -> None:
        if self._comparing():
            self.compare.step_clicked()  # the comparison's own step size
        else:
            self.run.step(self.controls.step_size.value())

    def reset(self) -> None:
        self.compare.reset() if self._comparing() else self.run.reset()

    def new_seed(self) -> None:
        self.run.new_seed()

    def flat_out(self) -> bool:
        """Is the tab in view training flat out?"""
        if self._comparing():
            return self.compare_view.flat_out_check.isChecked()
        return self.controls.flat_out.isChecked()

    def set_flat_out(self, on: bool) -> None:
        """Flat out, or back to a pace to talk over, for the tab in view."""
        box = self.compare_view.flat_out_check if self._comparing() else self.controls.flat_out
        box.setChecked(on)
        self.menus.sync_checks()

    def apply_preset(self, name: str) -> None:
        """A preset is a single run's: shown on its tab (never changed out of sight)."""
        if self._comparing():
            self.mode_tabs.setCurrentWidget(self.single_page)
            self.statusBar().showMessage(
                translate("MainWindow", "Presets set up the single run: here it is"), 8000
            )
        self.run.apply_preset(name)

    def choose_initializer(self, name: str) -> None:
        index = self.controls.initializer.findData(name)
        if index >= 0:
            self.controls.initializer.setCurrentIndex(index)

    def choose_csv(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Load 2-D points"),
            "",
            translate("MainWindow", "CSV files (*.csv *.txt);;All files (*)"),
        )
        if path and not self.run.load_csv(path):
            # said where the user looked: the file they just chose was refused
            QtWidgets.QMessageBox.warning(
                self, translate("MainWindow", "Load 2-D points"), self.run.last_refusal
            )

    def show_about(self) -> None:
        from app.about import AboutDialog  # only when asked: it reads the licence texts

        dialog = AboutDialog(self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_speed_changed(self, _position: int) -> None:
        steps = self.controls.speed_steps()
        self.controls.speed_label.setText(speed_text(steps))
        self.run.set_speed(steps)

    def _on_log_scale(self, on: bool) -> None:
        self.cost_plot.set_log_scale(on)
        self.mark_dirty()

    def _show_error(self, message: str) -> None:
        last = message.strip().splitlines()[-1]
        self.status.say(lambda: last)
        QtWidgets.QMessageBox.warning(self, "InitScope", message)

    # -- drawing ----------------------------------------------------------------------------------
    def mark_dirty(self) -> None:
        """Draw everything again at the next tick (new sizes, words or panel)."""
        self._views_dirty = self._panel_dirty = True

    def _start_run_views(self, config: TrainConfig) -> None:
        self.cost_plot.start_run(config.init, run_label(config))
        self.histograms.start_run()
        self.gradient_plot.start_run()
        self.network_diagram.clear()
        self._drawn = self._drawn_full = None

    def _branch_views(self, config: TrainConfig) -> None:
        """A branch: the curve so far becomes a ghost, the run goes on from the point on show."""
        self.cost_plot.start_run(config.init, run_label(config))
        self._drawn = None

    def _on_frame(self, frame: Frame) -> None:
        """A frame of a run at rest (a jump on the timeline, the end of a step) is drawn at
        once rather than at the next tick: nothing floods the GUI while nothing trains, and a
        jump is on screen up to a tick sooner."""
        if frame.state not in (RunState.RUNNING, RunState.STEPPING):
            QtCore.QTimer.singleShot(0, self.redraw)

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
        frame = self.run.latest
        if frame is None or (frame is self._drawn and not self._views_dirty):
            return
        self._drawn = frame
        self._views_dirty = False
        self.redraws += 1
        snap = frame.snapshot
        self.status.show_frame(frame, self.run.n_test())
        self.controls.set_running(frame.state is RunState.RUNNING)
        self.cost_plot.show_history(
            snap.history, snap.iteration, snap.cost, frame.target, frame.state is RunState.RUNNING
        )
        self.cost_plot.show_rewound(snap.iteration if frame.rewound else None)
        self.timeline.show_position(snap.iteration, frame.newest_iteration)
        # While training flat out the slower-changing panels refresh less often, because every
        # millisecond of GUI-thread Python is a millisecond the training thread waits for the GIL:
        # the boundary and the side panel come from "full" frames (with grid, weights and
        # diagnostics; the worker sends ~5 a second), which may not be the newest frame.
        full = self.run.latest_full
        if full is not None and (full is not self._drawn_full or self._panel_dirty):
            self._drawn_full = full
            self._panel_dirty = False
            if full.snapshot.grid is not None:
                live = full.state is RunState.RUNNING
                self.decision_map.show_grid(full.snapshot.grid, full.heatmap, live)
            self._show_panel(full)

    def _on_panel_tab(self, _index: int) -> None:
        """Full frames carry only what the tab in view draws (each costs a big network)."""
        current = self.panel_tabs.currentWidget()
        self.run.show_diagnostics(current in (self.gradients_page, self.activation_hists))
        self.run.show_neuron_maps(current is self.network_diagram)
        self.mark_dirty()

    def _show_panel(self, frame: Frame, every: bool = False) -> None:
        """Draw the visible tab of the side panel (hidden tabs are drawn when shown); with
        ``every``, every tab the frame has data for (the window's first frame)."""
        current, snap = self.panel_tabs.currentWidget(), frame.snapshot
        if every or current is self.network_diagram:
            # None keeps the picture
            self.network_diagram.show_maps(frame.neurons, frame.neuron_colours)
        if every or current is self.histograms:
            self.histograms.show_layers(snap.layers, snap.iteration)
        diag = snap.diagnostics
        if diag is None:
            return
        if every or current is self.gradients_page:
            self.gradient_plot.show_diagnostics(diag)
            self.diagnostics_summary.show_diagnostics(diag)
        if every or current is self.activation_hists:
            self.activation_hists.show_diagnostics(diag)

    # -- lifetime ---------------------------------------------------------------------------------
    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        """Remember the window, stop the workers and join their threads before the window goes."""
        if not self.isFullScreen():
            self.settings.set_geometry(self.saveGeometry())
        self.settings.sync()
        self.presentation.restore_fonts()
        self.redraw_timer.stop()
        self.compare_view.redraw_timer.stop()
        # A worker stops after its current chunk, which is one step of a big network at most:
        # wait for it, however long that step takes, rather than leave a thread running (Qt
        # aborts the process if a running QThread is destroyed).
        for stop in (self.compare.shutdown, self.run.shutdown):
            while not stop():
                self.statusBar().showMessage(
                    translate("MainWindow", "Closing: waiting for the current step to finish…")
                )
        super().closeEvent(event)
