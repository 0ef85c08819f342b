"""``compareView``: several initializers trained side by side, in lockstep, on the same data.

Overlaid cost curves, the spread (std) of each layer's weights, a row of small decision maps and
a table with the milestones, for up to six configurations.  The view draws and asks; it decides
nothing and trains nothing.  Its controls become intent signals (:attr:`CompareView.addRequested`
with the raw values shown, :attr:`~CompareView.removeRequested` with the selected run's key, …)
for a :class:`~app.controllers.compare_controller.CompareController`, which answers with frames
(:meth:`CompareView.show_frame`), messages (:meth:`~CompareView.say`) and what may be added or
removed (:meth:`~CompareView.set_capacity`); :func:`app.compare_wiring.wire` connects the two.

Like the main window it draws on its own clock (~30 fps, slower while training if drawing takes
too much of the GUI thread, see :class:`~app.views.redraw_pacer.RedrawPacer`): the newest frame it
was given, if that is not on screen yet ("latest frame wins"), never once per frame received.
The worker pre-computes everything expensive (grids, their colours, the 0.5 contours), so a
redraw only hands arrays to pyqtgraph.

Under the plots, the timeline (:class:`~app.views.timeline.TimelineBar`, ``compareTimeline``):
dragging it, or the keys ``,`` ``.`` (Shift: 100) while the comparison has focus, asks for every
run at that iteration (:attr:`CompareView.seekRequested`); the cost plot marks it.

Every text is translated live (``retranslate_ui`` on ``LanguageChange``, re-wording the last
frame's numbers, so a paused comparison switches language too), and
:meth:`CompareView.apply_palette` re-applies every font, line width and marker size (projector
mode, zoom).
"""

from __future__ import annotations

import time

from PyQt6 import QtCore, QtGui, QtWidgets

from app.commands import DEFAULT_SPEED, FLAT_OUT
from app.frames import CompareFrame, RunState
from app.i18n import Retranslatable, translate
from app.views.compare.controls_row import AddRow, RunRow
from app.views.compare.cost_plot import CompareCostPlot
from app.views.compare.mini_map import MiniMap
from app.views.compare.run_style import StyleBook
from app.views.compare.spread_plot import SpreadPlot
from app.views.compare.table import CompareTable
from app.views.compare.texts import Wording, run_text, state_text
from app.views.redraw_pacer import RedrawPacer
from app.views.style import Palette, point_font, widget_font_pt
from app.views.timeline import TimelineBar
from engine.compare import MAX_CONFIGS
from engine.datasets import Dataset

__all__ = ["GUI_SHARE", "REDRAW_MS", "SLOWEST_REDRAW_MS", "CompareView"]

REDRAW_MS = 33  # the fastest redraw clock: 30 fps
SLOWEST_REDRAW_MS = 100  # however slow drawing is, the numbers move at least 10 times a second
#: While training, the GUI thread may use at most this share of one core's time (its CPU time
#: between redraws, measured: drawing, painting, the table, delivering frames, everything).
#: Above it the redraw clock slows down, so that on a slow machine (or in a software-rendered
#: session) drawing does not starve training of the GIL it shares.
GUI_SHARE = 0.06
#: While training, the layer spreads (slow to move, and ~4 ms of GUI-thread time to redraw, time
#: the training waits for: the GIL) are redrawn twice a second; a still frame redraws them.
SPREAD_INTERVAL_S = 0.5


class CompareView(Retranslatable, QtWidgets.QWidget):
    """Side-by-side comparison of initializers; see the module docstring."""

    togglePlayRequested = QtCore.pyqtSignal()  # Play/Pause: every run together
    stepRequested = QtCore.pyqtSignal(int)  # Step: that many steps (pause, if running)
    stepSizeChanged = QtCore.pyqtSignal(int)  # the steps per click of Step shown
    resetRequested = QtCore.pyqtSignal()
    #: Add: initializer CLI name, learning rate, hidden sizes as typed, scale (raw values)
    addRequested = QtCore.pyqtSignal(str, float, str, float)
    #: Remove: the key of the run selected in the table, or None (none selected)
    removeRequested = QtCore.pyqtSignal(object)
    logScaleToggled = QtCore.pyqtSignal(bool)
    #: steps per frame of every run: the default pace, or flat out (``FLAT_OUT``)
    speedChanged = QtCore.pyqtSignal(int)
    networksShown = QtCore.pyqtSignal(bool)  # the runs' network diagrams are in view
    #: how many frames a second the view draws now (the worker need not make more)
    frameRateChanged = QtCore.pyqtSignal(float)
    firstShown = QtCore.pyqtSignal()  # time to start the comparison (no thread until then)
    #: the timeline was moved: every run at this iteration (at or past the newest: live again)
    seekRequested = QtCore.pyqtSignal(int)

    def __init__(
        self,
        data: Dataset,
        parent: QtWidgets.QWidget | None = None,
        palette: Palette | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.data = data
        self.palette_ = palette or Palette()
        self._styles = StyleBook()
        self._newest: CompareFrame | None = None  # the newest frame given
        self._drawn: CompareFrame | None = None  # the frame on screen
        self._keys: tuple[int, ...] = ()
        self._names: dict[int, str] = {}  # key → the run's name in the current language
        self._shown_once = False
        self.redraws = 0
        self._pacer = RedrawPacer(REDRAW_MS, SLOWEST_REDRAW_MS, GUI_SHARE)
        self._last_spread = 0.0  # when the spreads were last redrawn (perf_counter)
        self._build_ui()
        self._connect_rows()
        self.redraw_timer = QtCore.QTimer(self)
        self.redraw_timer.setObjectName("compareRedrawTimer")
        self.redraw_timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.redraw_timer.timeout.connect(self.redraw)
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    # -- construction ---------------------------------------------------------------------------
    def _build_ui(self) -> None:
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.setSpacing(4)
        self.add_row = AddRow()
        self.run_row = RunRow()
        outer.addWidget(self.add_row)
        outer.addWidget(self.run_row)

        self.cost_plot = CompareCostPlot(palette=self.palette_)
        self.spread_plot = SpreadPlot(palette=self.palette_)
        top = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal, objectName="compareTopSplit")
        top.addWidget(self.cost_plot)
        top.addWidget(self.spread_plot)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)
        top.setChildrenCollapsible(False)
        self.cost_plot.setMinimumSize(320, 180)
        self.spread_plot.setMinimumHeight(180)
        # The timeline right under the plots, its iterations read against the cost curves'.
        self.timeline = TimelineBar("compareTimeline", with_branch=False)
        self.timeline.live_button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)
        plots = QtWidgets.QWidget(objectName="comparePlots")
        column = QtWidgets.QVBoxLayout(plots)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(top, 1)
        column.addWidget(self.timeline)

        maps = QtWidgets.QWidget(objectName="compareMaps")
        row = QtWidgets.QHBoxLayout(maps)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.maps = [MiniMap(i, self.data, palette=self.palette_) for i in range(MAX_CONFIGS)]
        for mini in self.maps:
            mini.setMinimumSize(110, 130)
            mini.setVisible(False)
            row.addWidget(mini, 1)

        self.table = CompareTable()
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical, objectName="compareSplit")
        split.addWidget(plots)
        split.addWidget(maps)
        split.addWidget(self.table)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 3)
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)
        self._split = split
        self._user_split = False
        split.splitterMoved.connect(self._on_splitter_moved)
        # The controls tests and the window reach by name (the rows own them).
        self.init_combo = self.add_row.init_combo
        self.scale_spin = self.add_row.scale_spin
        self.lr_spin = self.add_row.lr_spin
        self.hidden_edit = self.add_row.hidden_edit
        self.add_button = self.add_row.add_button
        self.remove_button = self.add_row.remove_button
        self.play_button = self.run_row.play_button
        self.step_button = self.run_row.step_button
        self.step_size = self.run_row.step_size
        self.reset_button = self.run_row.reset_button
        self.log_check = self.run_row.log_check
        self.flat_out_check = self.run_row.flat_out_check
        self.networks_check = self.run_row.networks_check
        self.status = self.run_row.status

    def _connect_rows(self) -> None:
        add, run = self.add_row, self.run_row
        add.addRequested.connect(self.addRequested)
        add.removeRequested.connect(self.remove_selected)
        run.togglePlayRequested.connect(self.togglePlayRequested)
        run.stepRequested.connect(self.stepRequested)
        run.stepSizeChanged.connect(self.stepSizeChanged)
        run.resetRequested.connect(self.resetRequested)
        run.logScaleToggled.connect(self._on_log_scale)
        run.flatOutToggled.connect(
            lambda on: self.speedChanged.emit(FLAT_OUT if on else DEFAULT_SPEED)
        )
        run.networksToggled.connect(self._on_networks)
        add.refused.connect(self.say_refusal)
        run.refused.connect(self.say_refusal)
        self.table.selectedKeyChanged.connect(self.cost_plot.highlight)
        self.timeline.seekRequested.connect(self.seekRequested)
        # "continuing from the newest" no longer holds once the timeline moves again
        self.timeline.seekRequested.connect(self.run_row.drop_note)

    def _on_networks(self, on: bool) -> None:
        for mini in self.maps:
            mini.show_network(on)
        self.networksShown.emit(on)

    def _on_splitter_moved(self, *_args) -> None:
        self._user_split = True

    def _fit_split(self) -> None:
        """Table tall enough for its rows, maps as large as they can be, curves above them.

        Only until the user drags a splitter handle: then their layout is theirs.
        """
        total = self._split.height()
        if self._user_split or total <= 0:
            return
        table_h = min(self.table.wanted_height(), int(total * 0.34))
        maps_h = int((total - table_h) * 0.43)
        self._split.setSizes([total - table_h - maps_h, maps_h, table_h])

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_split()

    def controls(self) -> tuple[QtWidgets.QWidget, ...]:
        """Every control a person operates, in tab order."""
        return (
            *self.add_row.controls(),
            *self.run_row.controls(),
            self.timeline.slider,
            self.timeline.live_button,
            self.table,
        )

    # -- intents (the same as clicking) ---------------------------------------------------------
    def add_from_controls(self) -> None:
        """Ask to add the configuration the controls show (the controller answers)."""
        self.add_row.request_add()

    def remove_selected(self) -> None:
        """Ask to remove the run selected in the table (``None`` when none is: the last one)."""
        key = self.table.selected_key()
        self.table.clearSelection()
        self.removeRequested.emit(key)

    def request_step(self) -> None:
        """Ask for a Step of the size shown (the window's toolbar while this tab is shown)."""
        self.run_row.request_step()

    def _on_log_scale(self, on: bool) -> None:
        self.cost_plot.set_log_scale(on)
        self._drawn = None  # draw the curves again on the new axis
        self.logScaleToggled.emit(on)

    # -- what the controller gives ----------------------------------------------------------------
    def show_frame(self, frame: CompareFrame | None) -> None:
        """The newest frame, drawn at the next tick of the redraw clock if it is still the newest.

        ``None``: the runs changed (reset, added, removed) and nothing of the new layout came yet;
        the picture on screen stays, and a frame given earlier is not drawn.
        """
        self._newest = frame

    def say(self, text: str | Wording, error: bool = False) -> None:
        """A message on the status line; give a wording (a function) to have it follow a
        language switch.  ``error`` shows it in red, and keeps it until training moves."""
        self.run_row.say(text, error)

    def say_refusal(self, text: str | Wording) -> None:
        """Why a request changed nothing (in red, until training moves)."""
        self.say(text, error=True)

    def show_error(self, message: str) -> None:
        """Training stopped on an error (``message``: its traceback): its last line, in red."""
        lines = message.strip().splitlines()
        last = lines[-1] if lines else message
        self.say(
            lambda: translate("CompareView", "stopped: {error}").format(error=last), error=True
        )

    def notice(self, text: Wording) -> None:
        """A passing note, said before the state on the status line for a few seconds (frames
        keep coming meanwhile)."""
        self.run_row.notice(text)

    def set_capacity(self, can_add: bool, can_remove: bool) -> None:
        """Whether Add and Remove selected can do anything now."""
        self.add_row.set_capacity(can_add, can_remove)

    @property
    def drawn(self) -> CompareFrame | None:
        """The frame on screen (``None`` before the first, or when a redraw is due)."""
        return self._drawn

    @property
    def said_error(self) -> bool:
        """The status line shows an error or a refusal."""
        return self.run_row.said_error

    # -- lifetime -------------------------------------------------------------------------------
    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """The first show asks for the comparison to start (no thread until needed)."""
        super().showEvent(event)
        if not self.redraw_timer.isActive():
            self.redraw_timer.start(REDRAW_MS)
        self._drawn = None  # a hidden view skipped frames: draw the newest now
        if not self._shown_once:
            self._shown_once = True
            self.firstShown.emit()

    # -- language -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """The last frame's texts in the current language (the rows, the table's header and the
        plots re-word their own): a paused comparison gets no new frame."""
        frame = self._drawn
        if frame is not None:
            self._name_runs(frame)
            self.table.show_rows(frame.rows, self._names)
            self._show_map_states(frame)

    # -- sizes ----------------------------------------------------------------------------------
    def apply_palette(self, palette: Palette) -> None:
        """Re-apply every size for ``palette`` (projector mode, zoom): fonts, lines, markers.

        Widget text (labels, buttons, the table and its header) gets ``palette.font_pt`` or
        more; the plots get their axis fonts, line widths and marker sizes from the palette.
        """
        self.palette_ = palette
        points = widget_font_pt(palette)
        font = point_font(points)
        self.setFont(font)
        self.add_row.apply_font(font)
        self.run_row.apply_font(font)
        self.cost_plot.apply_palette(palette)
        self.spread_plot.apply_palette(palette)
        # The timeline's handle for the palette, its words at our size (its own is the
        # desktop's, smaller than the rest of the comparison's).
        self.timeline.apply_palette(palette)
        for widget in (self.timeline, *self.timeline.findChildren(QtWidgets.QWidget)):
            widget.setFont(font)
        for mini in self.maps:
            mini.apply_palette(palette, points)
        self.table.apply_palette(palette, font)
        self._fit_split()

    # -- drawing ----------------------------------------------------------------------------------
    def redraw(self) -> None:
        """Timer tick: draw the newest frame given, if it is not on screen yet."""
        frame = self._newest
        if frame is None or frame is self._drawn or not self.isVisible():
            return
        busy = frame.state in (RunState.RUNNING, RunState.STEPPING)
        interval = self._pacer.redrawn(busy)  # measured from here to the next redraw
        self._draw(frame)
        current = self.redraw_timer.interval()
        # A few ms either way is noise (and each change tells the worker a new frame rate).
        if interval != current and (abs(interval - current) > 5 or interval == REDRAW_MS):
            self.redraw_timer.setInterval(interval)
            self.frameRateChanged.emit(1000.0 / interval)

    def _draw(self, frame: CompareFrame) -> None:
        self._drawn = frame
        self.redraws += 1
        relayout = frame.keys != self._keys
        if relayout:
            self._relayout(frame)
        rows = {row.key: row for row in frame.rows}
        moving = frame.state in (RunState.RUNNING, RunState.STEPPING)
        for run in frame.runs:
            self.cost_plot.show_run(run, rows[run.key].cost, moving)
        self.cost_plot.show_markers()
        self.cost_plot.show_rewound(frame.iteration if frame.rewound else None)
        # The whole curves stay drawn when rewound: the axes span the newest iteration.
        self.cost_plot.update_ranges(frame.newest_iteration, frame.target)
        self.timeline.show_position(frame.iteration, frame.newest_iteration)
        now = time.perf_counter()
        if not moving or relayout or now - self._last_spread >= SPREAD_INTERVAL_S:
            self._last_spread = now
            self.spread_plot.show_runs(frame.runs, live=moving)
        self._show_map_states(frame)
        for mini, run in zip(self.maps, frame.runs):
            mini.show_grid(run)
        # The numbers every frame: they must agree with the curves' current points.
        self.table.show_rows(frame.rows, self._names)
        self.run_row.show_state(frame)
        if relayout:  # new rows, new names: fit the columns and the table's height to them
            self.table.fit_columns()
            self._fit_split()

    def _show_map_states(self, frame: CompareFrame) -> None:
        rows = {row.key: row for row in frame.rows}
        for mini, run in zip(self.maps, frame.runs):
            row = rows[run.key]
            quiet = row.state in ("running", "paused", "finished")
            mini.set_state(
                "" if quiet else state_text(row.state, row.diverged_at),
                diverged=row.state == "diverged",
            )

    def _name_runs(self, frame: CompareFrame) -> None:
        """Every run's name and description in the current language, wherever it is shown."""
        self._names = {run.key: run_text(run.label, run.config) for run in frame.runs}
        for r, run in enumerate(frame.runs):
            name = self._names[run.key]
            self.cost_plot.set_label(run.key, name)
            if r < len(self.maps):
                self.maps[r].set_label(name)
        self.table.describe_runs(frame.runs)

    def _relayout(self, frame: CompareFrame) -> None:
        """The set of configurations changed: add and remove their plot items and rows."""
        keys = frame.keys
        for key in (k for k in self._keys if k not in keys):
            self.cost_plot.remove_run(key)
            self.spread_plot.remove_run(key)
        self._styles.keep_only(keys)
        styles = [self._styles.get(run.key, run.config.init) for run in frame.runs]
        for run, style in zip(frame.runs, styles):
            if run.key not in self._keys:
                self.cost_plot.add_run(run.key, run_text(run.label, run.config), style)
                self.spread_plot.add_run(run.key, style)
        for i, mini in enumerate(self.maps):
            if i < len(frame.runs):
                run = frame.runs[i]
                mini.assign(run.key, run_text(run.label, run.config), styles[i])
                mini.setVisible(True)
            else:
                mini.assign(None)
                mini.setVisible(False)
        self._keys = keys
        self.table.set_runs(frame.runs, styles)
        self._name_runs(frame)
