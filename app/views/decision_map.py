"""The decision boundary: P(class 1) as a heatmap, its 0.5 contour, and the data on top."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore

from app.views.style import CLASS_COLORS, Palette, cache_static, style_plot
from engine.datasets import Dataset
from engine.snapshot import GridPrediction

__all__ = ["DecisionMap"]

#: train points are filled circles/squares, test points hollow triangles/diamonds: class is told
#: by colour and shape, train vs test by shape and fill.
TRAIN_SYMBOLS = ("o", "s")
TEST_SYMBOLS = ("t", "d")


def _probability_colormap() -> pg.ColorMap:
    """Light vermilion → white → light blue: tints of the class colours, so the full-colour points
    stand out on top, and the orange–blue pair stays distinct for colour-blind viewers."""
    return pg.ColorMap([0.0, 0.5, 1.0], ["#F2B48F", "#FFFFFF", "#8FBFE3"])


PROBABILITY_LUT = _probability_colormap().getLookupTable(0.0, 1.0, 256, alpha=True)


def probability_rgba(probs: np.ndarray) -> np.ndarray:
    """Colour a probability grid (row-major) as RGBA bytes, ready for ``ImageItem.setImage``.

    Pure NumPy, so the training thread can do it: the GUI then only blits the bytes.
    """
    index = np.nan_to_num(probs, nan=0.5)
    index = np.clip(index * 255.0 + 0.5, 0, 255).astype(np.uint8)
    rgba = PROBABILITY_LUT[index]
    rgba.flags.writeable = False
    return rgba


class DecisionMap(pg.PlotWidget):
    """``boundaryPlot``: what the network predicts everywhere around the data."""

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boundaryPlot")
        self.palette_ = palette or Palette()
        style_plot(self, palette=self.palette_, x="x1", y="x2")
        item = self.getPlotItem()
        item.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        # The 0.5 contour arrives as finished segments (computed on the training thread).
        self.contour = pg.PlotCurveItem(connect="pairs")
        self.contour.setZValue(5)
        item.addItem(self.contour)
        self.points: list[pg.ScatterPlotItem] = []
        # Bottom-left, two columns: the corners of the plot are where the data are not.
        self.legend = item.addLegend(
            offset=(4, -4),
            labelTextColor="#222222",
            brush=pg.mkBrush(255, 255, 255, 215),
            colCount=2,
        )
        cache_static(self.legend)
        self.note = pg.TextItem(
            anchor=(0.5, 0), color="#222222", fill=pg.mkBrush(255, 255, 255, 220)
        )
        self.note.setParentItem(item.getViewBox())  # fixed in the view's corner, not in data units
        self.note.setZValue(20)
        self.note.setVisible(False)
        item.getViewBox().sigResized.connect(self._place_note)
        self._data: Dataset | None = None
        self.apply_palette(self.palette_)

    def _place_note(self, *_args) -> None:
        self.note.setPos(self.getPlotItem().getViewBox().width() / 2, 6)

    def apply_palette(self, palette: Palette) -> None:
        self.palette_ = palette
        self.contour.setPen(pg.mkPen("#000000", width=palette.line_width))
        if self._data is not None:
            self.show_data(self._data)

    def show_data(self, data: Dataset) -> None:
        """Draw train and test points (once per data set)."""
        self._data = data
        item = self.getPlotItem()
        for scatter in self.points:
            self.legend.removeItem(scatter)
            item.removeItem(scatter)
        self.points = []
        size = self.palette_.marker_size
        edge = max(1.0, self.palette_.line_width * 0.6)
        for split, X, Y, symbols in (
            ("train", data.train_X, data.train_Y, TRAIN_SYMBOLS),
            ("test", data.test_X, data.test_Y, TEST_SYMBOLS),
        ):
            for cls in (0, 1):
                pick = Y[0] == cls
                color = CLASS_COLORS[cls]
                filled = split == "train"
                scatter = pg.ScatterPlotItem(
                    X[0, pick],
                    X[1, pick],
                    symbol=symbols[cls],
                    size=size if filled else size * 1.25,
                    brush=pg.mkBrush(color) if filled else pg.mkBrush(255, 255, 255, 160),
                    pen=pg.mkPen(
                        "#000000" if filled else color, width=edge if filled else edge * 2
                    ),
                    name=f"{split} · class {cls}",
                )
                scatter.setZValue(10)
                cache_static(scatter)  # the data never move: blit them
                item.addItem(scatter)
                self.points.append(scatter)
        x0, x1, y0, y1 = data.bounds(0.35)
        item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        item.disableAutoRange()  # fixed axes: new heatmaps never force an axis repaint

    def show_grid(self, grid: GridPrediction, rgba: np.ndarray | None = None) -> None:
        """Paint the probability heatmap (pre-coloured ``rgba`` if given) and its 0.5 contour."""
        if rgba is None:
            rgba = probability_rgba(grid.probs)
        self.image.setImage(rgba, autoLevels=False)
        x0, x1, y0, y1 = grid.bounds
        nx, ny = len(grid.xs), len(grid.ys)
        # pixel centres sit on grid points: widen by half a cell on each side
        dx, dy = (x1 - x0) / max(nx - 1, 1), (y1 - y0) / max(ny - 1, 1)
        self.image.setRect(QtCore.QRectF(x0 - dx / 2, y0 - dy / 2, dx * nx, dy * ny))
        segments = grid.boundary
        if len(segments):
            self.contour.setData(segments[:, :, 0].ravel(), segments[:, :, 1].ravel())
        else:
            self.contour.setData([], [])
        self._explain_missing_boundary(grid)

    def _explain_missing_boundary(self, grid: GridPrediction) -> None:
        """Say why there is no boundary to see (zeros: P = 0.5 everywhere), not leave it blank."""
        probs = grid.probs
        if len(grid.boundary) or not np.isfinite(probs).all():
            self.note.setVisible(False)
            return
        self.note.setVisible(True)
        lo, hi = float(probs.min()), float(probs.max())
        side = "class 1" if lo > 0.5 else "class 0"
        if hi - lo < 1e-9:
            text = f"No boundary: P(class 1) = {lo:.3f} everywhere\nevery point is called {side}"
        else:
            text = f"No boundary in view:\nevery point is called {side}"
        self.note.setText(text)
