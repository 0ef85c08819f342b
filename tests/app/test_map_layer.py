"""The decision map's live layer: while a run trains, Qt alone draws the heat map and contour."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters  # ImageExporter
import pytest
from PyQt6 import QtGui, QtWidgets

from app.boundary_colors import probability_rgba
from app.views.decision_map import DecisionMap
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.trainer import Trainer
from tests.app import shown
from tests.app.drawn import PaintCounter

GRID = 60


@pytest.fixture(scope="module")
def grids():
    """A run's boundary at a few moments of its training (each one different)."""
    trainer = Trainer(TrainConfig(), load_dataset("circles"))
    out = []
    for _ in range(4):
        trainer.step(300)
        out.append(trainer.snapshot(grid_resolution=GRID).grid)
    return trainer.data, out


@pytest.fixture
def view(qtbot, grids):
    view = shown(qtbot, DecisionMap(), 600, 400)
    view.show_data(grids[0])
    QtWidgets.QApplication.processEvents()
    return view


def pixels(image: QtGui.QImage) -> np.ndarray:
    """An image's pixels as an ``(h, w, 3)`` int array."""
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits().asstring(image.sizeInBytes()), np.uint8)
    rows = raw.reshape(image.height(), image.bytesPerLine())
    return rows[:, : 3 * image.width()].reshape(image.height(), image.width(), 3).astype(int)


def differing_share(a: QtGui.QImage, b: QtGui.QImage, tolerance: int = 24) -> float:
    """The share of ``a``'s pixels with no pixel of ``b`` within one pixel of it of about its
    colour: a heat map scaled by another of Qt's paths may put a row boundary a pixel off, and
    anti-aliased edges blend a little differently, and neither is a different picture."""
    pa, pb = pixels(a), pixels(b)
    assert pa.shape == pb.shape
    h, w, _ = pa.shape
    inner = pa[1:-1, 1:-1]
    near = np.zeros(inner.shape[:2], dtype=bool)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            other = pb[1 + dy : h - 1 + dy, 1 + dx : w - 1 + dx]
            near |= (np.abs(inner - other) <= tolerance).all(axis=2)
    return float(1 - near.mean())


def test_live_grids_are_drawn_by_the_layer_not_by_pyqtgraph(view, grids):
    view.show_grid(grids[1][0], live=True)
    QtWidgets.QApplication.processEvents()
    assert view.layer.active
    assert view.layer.view.geometry() == view.layer.area()  # it covers the data area exactly
    plot_paints = PaintCounter(view.viewport())
    layer_paints = PaintCounter(view.layer.view.viewport())
    for grid in grids[1] * 3:
        view.show_grid(grid, live=True)
        QtWidgets.QApplication.processEvents()
    assert layer_paints.total >= 10
    assert plot_paints.total == 0
    # the layer shows the newest grid's colours and contour
    newest = grids[1][-1]
    shown_pixels = view.layer.heat.pixmap().toImage()
    assert (shown_pixels.width(), shown_pixels.height()) == (GRID, GRID)
    assert view.layer.line.path().elementCount() == 2 * len(newest.boundary)


def test_the_layer_looks_like_the_plot(view, grids):
    """The same grid live (the layer) and at rest (pyqtgraph): the same picture, but for a few
    pixels' shading at the points' and the contour's edges."""
    grid = grids[1][2]
    view.show_grid(grid, live=True)
    QtWidgets.QApplication.processEvents()
    assert view.layer.active
    live = view.grab().toImage()
    view.show_grid(grid, live=False)
    QtWidgets.QApplication.processEvents()
    assert not view.layer.active
    paused = view.grab().toImage()
    assert differing_share(live, paused) < 0.002
    # and a different grid would not pass for the same picture
    view.show_grid(grids[1][0], live=False)
    QtWidgets.QApplication.processEvents()
    assert differing_share(view.grab().toImage(), paused) > 0.01


def test_a_paused_grid_gives_the_plot_its_own_painting_back(view, grids):
    view.show_grid(grids[1][0], live=True)
    last = grids[1][3]
    view.show_grid(last, live=False)
    assert not view.layer.active
    np.testing.assert_array_equal(view.image.image, probability_rgba(last.probs))
    np.testing.assert_array_equal(view.contour.getData()[0], last.boundary[:, :, 0].ravel())


def test_rendering_the_plot_while_live_shows_the_newest_grid(view, grids):
    """An export (pyqtgraph renders the plot's own items) in the middle of a run."""
    view.show_grid(grids[1][0], live=False)
    newest = grids[1][3]
    view.show_grid(newest, live=True)
    assert view.layer.active
    exporter = pg.exporters.ImageExporter(view.getPlotItem())
    exporter.parameters()["width"] = 400
    assert exporter.export(toBytes=True).width() == 400
    np.testing.assert_array_equal(view.image.image, probability_rgba(newest.probs))


def test_the_layer_follows_a_pan_at_once(view, grids):
    view.show_grid(grids[1][1], live=True)
    before = view.layer.heat.transform()
    box = view.getPlotItem().getViewBox()
    box.translateBy(x=0.3)  # as a drag does
    assert view.layer.active
    assert view.layer.heat.transform() != before
    # where the layer puts a grid point is where the plot itself would
    grid = grids[1][1]
    point = pg.Point(float(grid.xs[10]), float(grid.ys[20]))
    on_plot = view.mapFromScene(box.childGroup.mapToScene(point))
    on_layer = view.layer.view.mapTo(
        view.viewport(), view.layer.view.mapFromScene(view.layer.line.mapToScene(point))
    )
    assert (on_plot - on_layer).manhattanLength() <= 1


def test_a_hidden_map_keeps_no_layer(view, grids):
    view.hide()
    view.show_grid(grids[1][2], live=True)
    assert not view.layer.active
    np.testing.assert_array_equal(view.image.image, probability_rgba(grids[1][2].probs))


def test_after_a_resize_the_layer_covers_the_new_data_area(view, grids, qtbot):
    view.show_grid(grids[1][1], live=True)
    before = view.layer.view.geometry()
    view.resize(800, 500)
    box = view.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: view.mapFromScene(box.sceneBoundingRect()).boundingRect() != before)
    view.show_grid(grids[1][2], live=True)
    assert view.layer.view.geometry() == view.mapFromScene(box.sceneBoundingRect()).boundingRect()
