"""The decision boundary: P(class 1) as a heatmap, its 0.5 contour, and the data on top."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from app.boundary_colors import probability_rgba
from app.i18n import Retranslatable, translate
from app.views.map_layer import MapLayer, grid_rect
from app.views.style import (
    CLASS_COLORS,
    Palette,
    StaticScatter,
    cache_static,
    plot_axes,
    point_font,
    relabel_legend,
    restyle_plot,
    set_legend_text,
    steady_width,
)
from engine.datasets import Dataset
from engine.snapshot import GridPrediction

__all__ = ["DecisionMap"]

#: train points are filled circles/squares, test points hollow triangles/diamonds: class is told
#: by colour and shape, train vs test by shape and fill.
TRAIN_SYMBOLS = ("o", "s")
TEST_SYMBOLS = ("t", "d")


def boundary_items(item: pg.PlotItem) -> tuple[pg.ImageItem, pg.PlotCurveItem]:
    """The probability image and the 0.5 contour on ``item`` (aspect locked): the same for the
    big map and the comparison's small ones.  The contour arrives as finished segments,
    computed on the training thread."""
    item.setAspectLocked(True)
    steady_width(item.getAxis("left"))  # its ticks follow the view's width
    image = pg.ImageItem(axisOrder="row-major")
    item.addItem(image)
    contour = pg.PlotCurveItem(connect="pairs")
    contour.setZValue(5)
    item.addItem(contour)
    return image, contour


def paint_boundary(
    image: pg.ImageItem, contour: pg.PlotCurveItem, grid: GridPrediction, rgba: np.ndarray
) -> None:
    """Paint ``grid``'s colours (``rgba``) with its pixel centres on the grid points, and its
    0.5 contour."""
    image.setImage(rgba, autoLevels=False)
    image.setRect(grid_rect(grid))
    segments = grid.boundary
    if len(segments):
        contour.setData(segments[:, :, 0].ravel(), segments[:, :, 1].ravel())
    else:
        contour.setData([], [])


class DecisionMap(Retranslatable, pg.PlotWidget):
    """``boundaryPlot``: what the network predicts everywhere around the data."""

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent, axisItems=plot_axes())
        self.setObjectName("boundaryPlot")
        self.palette_ = palette or Palette()
        item = self.getPlotItem()
        self.image, self.contour = boundary_items(item)
        self.points: list[pg.ScatterPlotItem] = []
        #: (split, class) of each scatter in ``points``, for its legend text
        self._point_keys: list[tuple[str, int]] = []
        # Beside the view, in the plot's own layout: the map is square (locked aspect), so a
        # landscape panel has room to its right, and at projector sizes a legend inside the view
        # covered the very points it names.
        self.legend = pg.LegendItem(labelTextColor=self.palette_.foreground, colCount=1)
        fixed = QtWidgets.QSizePolicy.Policy.Fixed
        self.legend.setSizePolicy(fixed, fixed)  # its own size, not the row's height
        item.layout.addItem(self.legend, 2, 3)
        item.layout.setAlignment(self.legend, QtCore.Qt.AlignmentFlag.AlignVCenter)
        cache_static(self.legend)
        # Why the map is blank, above it, in a title row kept for it: over the view it covered
        # the data.  A text item, not the plot's title label, so that it takes no part in the
        # plot's widths (a long title made the view box flip between two widths on every paint).
        self.note = pg.TextItem(anchor=(0.5, 0), color=self.palette_.foreground)
        self.note.setParentItem(item)
        self.note.setVisible(False)
        #: (lowest, highest) P(class 1) of the last grid without a boundary in view, or None
        self._note_probs: tuple[float, float] | None = None
        self._note_html = ""
        item.getViewBox().sigResized.connect(self._on_resized)
        # While training runs, grids go to a natively painted layer (``_live``: the one it
        # shows); the plot's own image and contour take it when the plot itself is rendered.
        self.layer = MapLayer(self, self.image, self.contour)
        self._live: tuple[GridPrediction, np.ndarray] | None = None
        self._items_behind = False  # the plot's own items show an older grid than the layer
        self.scene().sigPrepareForPaint.connect(self._hand_over)
        item.getViewBox().sigRangeChanged.connect(self._on_range_changed)
        self._data: Dataset | None = None
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    def _on_resized(self, *_args) -> None:
        self._place_note()
        self._fit_legend()
        self._on_range_changed()

    def _on_range_changed(self, *_args) -> None:
        """The data area moved (a resize, a pan): the live layer follows at once."""
        if self.layer.active and self._live is not None:
            self.layer.show(*self._live, self._layer_state())

    #: the legend stays beside the map while the map keeps at least this share of the side it
    #: would have without it: the map is square, and a projector's legend beside a narrow panel
    #: left it a sliver (10 px wide, its y axis stretched to ±20)
    LEGEND_ROOM = 0.6

    def _fit_legend(self) -> None:
        """The legend beside the view while the square map keeps most of its size, else none
        (what the points are is also in each point's shape and in the lesson).

        Decided on the plot's own size and axes, which the legend does not change, so the
        choice cannot flip back and forth between two layouts."""
        item = self.getPlotItem()
        layout = item.layout
        wide = self.width() - item.getAxis("left").width()
        # below the note's row (see _show_note) and above the x axis
        high = self.height() - item.getAxis("bottom").height() - layout.rowMinimumHeight(0)
        legend = self.legend.boundingRect()
        beside = min(wide - legend.width(), high)
        # A legend taller than the view's row made the plot taller than the widget: at 1024 × 768
        # in projector mode the x axis and its numbers fell below the bottom edge.
        fits = legend.height() <= high and beside >= self.LEGEND_ROOM * min(wide, high)
        placed = any(layout.itemAt(i) is self.legend for i in range(layout.count()))
        if fits and not placed:
            layout.addItem(self.legend, 2, 3)
            layout.setAlignment(self.legend, QtCore.Qt.AlignmentFlag.AlignVCenter)
        elif placed and not fits:
            layout.removeItem(self.legend)
        self.legend.setVisible(fits)

    # -- language and sizes -------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Axis labels, the legend, the "no boundary" note (of the last grid) and the name."""
        self._restyle()
        for scatter, (split, cls) in zip(self.points, self._point_keys):
            set_legend_text(self.legend, scatter, _point_name(split, cls))
        self._show_note()
        self._fit_legend()
        self.setAccessibleName(
            translate("DecisionMap", "Decision boundary: P(class 1) with the data points")
        )

    def _restyle(self) -> None:
        restyle_plot(
            self,
            self.palette_,
            x=translate("DecisionMap", "x1"),
            y=translate("DecisionMap", "x2"),
        )

    def apply_palette(self, palette: Palette) -> None:
        """Fonts (ticks, axis labels, legend, note), the contour's width and the markers."""
        self.palette_ = palette
        self.setFont(point_font(palette.font_pt, base=self.font()))
        self._restyle()
        self.contour.setPen(pg.mkPen("#000000", width=palette.line_width))
        relabel_legend(self.legend, palette)
        self._note_html = ""  # the note again, in the new size
        self._show_note()
        if self._data is not None:
            self.show_data(self._data)

    # -- data -----------------------------------------------------------------------------------
    def show_data(self, data: Dataset) -> None:
        """Draw train and test points (once per data set)."""
        self._data = data
        item = self.getPlotItem()
        for scatter in self.points:
            self.legend.removeItem(scatter)
            item.removeItem(scatter)
        self.points = []
        self._point_keys = []
        size = self.palette_.marker_size
        # Outlines: at least a guide line's width (3 px on a projector).
        edge = max(self.palette_.thin_line_width, self.palette_.line_width * 0.6)
        for split, X, Y, symbols in (
            ("train", data.train_X, data.train_Y, TRAIN_SYMBOLS),
            ("test", data.test_X, data.test_Y, TEST_SYMBOLS),
        ):
            for cls in (0, 1):
                pick = Y[0] == cls
                color = CLASS_COLORS[cls]
                filled = split == "train"
                scatter = StaticScatter(
                    X[0, pick],
                    X[1, pick],
                    symbol=symbols[cls],
                    size=size if filled else size * 1.25,
                    brush=pg.mkBrush(color) if filled else pg.mkBrush(255, 255, 255, 160),
                    pen=pg.mkPen(
                        "#000000" if filled else color, width=edge if filled else edge * 2
                    ),
                )
                scatter.setZValue(10)
                cache_static(scatter)  # the data never move: blit them
                item.addItem(scatter)
                self.legend.addItem(scatter, _point_name(split, cls))
                self.points.append(scatter)
                self._point_keys.append((split, cls))
        self._fit_legend()
        x0, x1, y0, y1 = data.bounds(0.35)
        item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        item.disableAutoRange()  # fixed axes: new heatmaps never force an axis repaint

    def show_grid(
        self, grid: GridPrediction, rgba: np.ndarray | None = None, live: bool = False
    ) -> None:
        """Paint the probability heatmap (pre-coloured ``rgba`` if given) and its 0.5 contour;
        ``live`` (the run is training): on the native layer while the plot is in view."""
        if rgba is None:
            rgba = probability_rgba(grid.probs)
        if live and self.layer.show(grid, rgba, self._layer_state()):
            self._live, self._items_behind = (grid, rgba), True
        else:
            self.layer.off()
            self._live, self._items_behind = None, False
            paint_boundary(self.image, self.contour, grid, rgba)
        self._explain_missing_boundary(grid)

    def _layer_state(self) -> tuple:
        """Everything the data area shows but the heat map and the contour (see MapLayer)."""
        box = self.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = box.viewRange()
        points = tuple(id(scatter) for scatter in self.points)
        return (x0, x1, y0, y1, points, id(self.palette_))

    def _hand_over(self) -> None:
        """The plot is about to be rendered (a paint, an export, a grab): its own image and
        contour take the grid the live layer shows."""
        if self._items_behind and self._live is not None:
            self._items_behind = False
            paint_boundary(self.image, self.contour, *self._live)

    def _explain_missing_boundary(self, grid: GridPrediction) -> None:
        """Say why there is no boundary to see (zeros: P = 0.5 everywhere), not leave it blank."""
        probs = grid.probs
        if len(grid.boundary) or not np.isfinite(probs).all():
            self._note_probs = None
        else:
            self._note_probs = (float(probs.min()), float(probs.max()))
        self._show_note()

    def _show_note(self) -> None:
        """The row above the map says why there is no boundary to see (and is gone when there
        is)."""
        item = self.getPlotItem()
        if self._note_probs is None:
            if self.note.isVisible():
                self.note.setVisible(False)
                item.layout.setRowFixedHeight(0, 0)
                self._note_html = ""
                self._fit_legend()  # the room the row took is the view's again
            return
        lo, hi = self._note_probs
        side = _class_name(1 if lo > 0.5 else 0)
        if hi - lo < 1e-9:
            text = translate(
                "DecisionMap",
                "No boundary: P(class 1) = {p} everywhere\nevery point is called {side}",
            ).format(p=f"{lo:.3f}", side=side)
        else:
            text = translate(
                "DecisionMap", "No boundary in view:\nevery point is called {side}"
            ).format(side=side)
        if text != self._note_html or not self.note.isVisible():
            self._note_html = text
            self.note.setText(text)
            self.note.setFont(point_font(self.palette_.font_pt))
            self.note.setColor(self.palette_.foreground)
            lines = len(text.split("\n"))
            height = lines * QtGui.QFontMetrics(point_font(self.palette_.font_pt)).lineSpacing()
            item.layout.setRowFixedHeight(0, height + 8)
            self.note.setVisible(True)
            self._place_note()
            self._fit_legend()  # less room for the view: the legend may not fit beside it

    def _place_note(self) -> None:
        """Centred over the view box, in the row kept above it."""
        view = self.getPlotItem().getViewBox().geometry()
        self.note.setPos(view.center().x(), 0)


def _class_name(cls: int) -> str:
    return translate("DecisionMap", "class {n}").format(n=cls)


def _point_name(split: str, cls: int) -> str:
    """A legend entry: ``train · class 0``."""
    if split == "train":
        return translate("DecisionMap", "train · class {n}").format(n=cls)
    return translate("DecisionMap", "test · class {n}").format(n=cls)
