"""The animation's picture: the app's own views, offscreen, one frame at a time.

The cost curve, the decision boundary, the network diagram and the weight histograms are the
very widgets the window shows (fed the same :class:`~app.frames.Frame` s the same way as
:meth:`MainWindow.redraw`), laid out in a fixed-size widget that is never shown on screen and
grabbed into a picture, so an exported frame looks exactly like the app (the legends, which
would crowd a small frame, are left out: the caption names the run).  A caption above them
names the run and gives the frame's iteration and cost, worded as the status strip words them.
GUI thread only.
"""

from __future__ import annotations

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from app.controllers.run_controller import run_label
from app.frames import Frame
from app.i18n import translate
from app.views.cost_plot import CostPlot
from app.views.decision_map import DecisionMap
from app.views.network_diagram import NetworkDiagram
from app.views.style import FOREGROUND, Palette, point_font
from app.views.weight_histograms import WeightHistograms
from engine.cli_options import MIN_FRAME_WIDTH
from engine.config import TrainConfig
from engine.datasets import Dataset
from engine.history import HistoryView

__all__ = ["MIN_WIDTH", "AnimationCanvas", "caption_numbers", "frame_height"]

#: narrower, and the four views' labels are too small to read (the command line's limit too)
MIN_WIDTH = MIN_FRAME_WIDTH
#: height / width of a frame (16:10, a laptop's and most projectors' shape)
ASPECT = 0.625
#: the weight histograms' least width (the window's): narrower, their axes overflow the plot
HISTOGRAM_WIDTH = 240
#: the canvas is laid out at least this wide, with the window's own font sizes (narrower, the
#: network diagram's column titles overlap and the boundary's note is cut).  A narrower frame
#: is that picture scaled down smoothly (drawn at a fraction of their size, texts came out
#: wider than they were measured and were cut at the plots' edges); a wider one is laid out
#: at its width with every size scaled up (Palette zoom), so it stays sharp.
LAYOUT_WIDTH = 960


def frame_height(width: int) -> int:
    """A frame's height for ``width`` (even: video encoders want even sizes)."""
    return 2 * round(width * ASPECT / 2)


def caption_numbers(iteration: int, cost: float) -> str:
    """``Iteration 1,234 · Cost 0.6879825919728063``: the status strip's words and precision
    (the cost in full, ``repr``), in the current language."""
    it = translate("MainWindow", "Iteration {n}").format(n=f"{iteration:,}")
    if cost == cost:
        words = translate("MainWindow", "Cost {cost}").format(cost=repr(cost))
    else:
        words = translate("MainWindow", "Cost: not a number")
    return f"{it} · {words}"


class AnimationCanvas(QtWidgets.QWidget):
    """Frames ``width`` pixels wide (at least :data:`MIN_WIDTH`), :func:`frame_height` tall.

    The widget itself is laid out at ``max(width, LAYOUT_WIDTH)``: narrower frames are drawn
    from it at a smaller scale.

    ``history`` is the whole run's cost history up to ``last``: drawn once first, it fixes the
    cost axis (linear or log, and its range) for every frame, so the axes hold still while the
    curve grows across them.
    """

    def __init__(
        self,
        width: int,
        config: TrainConfig,
        data: Dataset,
        last: int,
        history: HistoryView,
    ) -> None:
        super().__init__()
        if width < MIN_WIDTH:
            raise ValueError(f"a frame must be at least {MIN_WIDTH} px wide (got {width})")
        self.setObjectName("animationCanvas")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.frame_width = width
        layout_width = max(width, LAYOUT_WIDTH)
        self.setFixedSize(layout_width, frame_height(layout_width))
        self.setAutoFillBackground(True)
        colors = self.palette()
        colors.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor("#ffffff"))
        self.setPalette(colors)
        self.last = last
        palette = Palette(zoom=layout_width / LAYOUT_WIDTH)
        self._build(palette)
        self.title.setText(run_label(config)())
        self.cost_plot.start_run(config.init, run_label(config))
        self.cost_plot.legend.setVisible(False)  # the caption names the run
        self.decision_map.legend.setVisible(False)  # no room beside a small map
        self.decision_map.show_data(data)
        last_cost = history.last()
        if last_cost is not None:  # the whole run once: the axes it needs, then kept
            self.cost_plot.show_history(history, last_cost[0], last_cost[1], last)
        self.show()  # laid out, never on screen (WA_DontShowOnScreen)
        self._histograms_fitted = False
        self.caption = ""

    def _build(self, palette: Palette) -> None:
        self.numbers = QtWidgets.QLabel(objectName="animationNumbers")
        self.numbers.setFont(point_font(palette.font_pt * 1.3, bold=True))
        self.title = QtWidgets.QLabel(objectName="animationTitle")
        self.title.setFont(point_font(palette.font_pt))
        for label in (self.numbers, self.title):
            label.setStyleSheet(f"color: {FOREGROUND};")
        self.cost_plot = CostPlot(palette=palette)
        self.decision_map = DecisionMap(palette=palette)
        self.diagram = NetworkDiagram(palette=palette)
        self.histograms = WeightHistograms(palette=palette)
        self.histograms.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setSpacing(6)
        caption = QtWidgets.QVBoxLayout()
        caption.setSpacing(0)
        caption.addWidget(self.numbers)
        caption.addWidget(self.title)
        grid.addLayout(caption, 0, 0, 1, 3)
        grid.addWidget(self.cost_plot, 1, 0, 1, 2)
        grid.addWidget(self.histograms, 1, 2, 2, 1)
        grid.addWidget(self.decision_map, 2, 0)
        grid.addWidget(self.diagram, 2, 1)
        for column, stretch in enumerate((6, 5, 4)):
            grid.setColumnStretch(column, stretch)
        grid.setRowStretch(1, 4)
        grid.setRowStretch(2, 5)
        for view in (self.cost_plot, self.decision_map, self.diagram):
            view.setMinimumSize(10, 10)
        # as narrow as the window lets them
        self.histograms.setMinimumWidth(round(HISTOGRAM_WIDTH * palette.zoom))

    def show_frame(self, frame: Frame) -> None:
        """Draw ``frame`` in every view, as the window's redraw does."""
        snap = frame.snapshot
        self.caption = caption_numbers(snap.iteration, snap.cost)
        self.numbers.setText(self.caption)
        with np.errstate(all="ignore"):  # a diverging run's statistics overflow, as in the window
            self.cost_plot.show_history(snap.history, snap.iteration, snap.cost, self.last)
            if snap.grid is not None:
                self.decision_map.show_grid(snap.grid, frame.heatmap)
            self.diagram.show_maps(frame.neurons)
            self.histograms.show_layers(snap.layers, snap.iteration)
        if not self._histograms_fitted:  # share the column, however many layers: no scrolling
            for plot in self.histograms.plots:
                plot.setMinimumHeight(0)
            self._histograms_fitted = True

    def picture(self) -> QtGui.QImage:
        """The canvas as it stands, ``frame_width`` × :func:`frame_height` pixels."""
        self.layout().activate()
        # Pending relayouts and pyqtgraph's queued updates (without both, a frame kept parts of
        # the one before); posted events only: no input, no timers.
        QtCore.QCoreApplication.sendPostedEvents()
        image = self.grab().toImage()
        width = self.frame_width
        if width < self.width():  # laid out at LAYOUT_WIDTH: the picture made smaller
            image = image.scaled(
                width,
                frame_height(width),
                QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
                QtCore.Qt.TransformationMode.SmoothTransformation,
            )
        return image.convertToFormat(QtGui.QImage.Format.Format_RGB888)

    def render_frame(self, frame: Frame) -> np.ndarray:
        """``frame`` drawn, as a ``(height, width, 3)`` ``uint8`` array (a copy)."""
        self.show_frame(frame)
        return rgb_array(self.picture())


def rgb_array(image: QtGui.QImage) -> np.ndarray:
    """A ``Format_RGB888`` image as a new ``(height, width, 3)`` array (rows are padded to 4
    bytes in a QImage: the padding is dropped)."""
    width, height = image.width(), image.height()
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    rows = np.frombuffer(bits, np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 3].reshape(height, width, 3).copy()
