"""The decision-boundary map: P(class 1) on a grid, and its 0.5 contour."""

from __future__ import annotations

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.contour import contour_segments
from engine.trainer import Trainer


@pytest.fixture(scope="module")
def trained_he():
    trainer = Trainer(TrainConfig(init="he"))
    trainer.step(15000, record_every=0)
    return trainer


def on_crossed_edge(point, xs, ys, values, level) -> bool:
    """Is ``point`` where linear interpolation along a grid edge whose ends straddle ``level``
    reaches ``level``?  (What marching squares promises for every segment end.)"""
    x, y = point
    for along, across, coord, fixed, grid in ((ys, xs, y, x, values), (xs, ys, x, y, values.T)):
        hits = np.nonzero(across == fixed)[0]
        if hits.size == 0:
            continue
        k = int(hits[0])
        i = int(np.clip(np.searchsorted(along, coord, side="right") - 1, 0, len(along) - 2))
        a, b = grid[i, k], grid[i + 1, k]
        if (a > level) == (b > level):
            continue
        t = (coord - along[i]) / (along[i + 1] - along[i])
        if -1e-12 <= t <= 1 + 1e-12 and abs(a + t * (b - a) - level) <= 1e-9:
            return True
    return False


# -- the probability grid ------------------------------------------------------------------------


def test_grid_has_requested_resolution_and_bounds(trained_he):
    bounds = (-1.5, 1.25, -1.0, 0.75)
    grid = trained_he.predict_grid(bounds, (40, 30))
    assert grid.xs.shape == (40,) and grid.ys.shape == (30,)
    assert grid.probs.shape == (30, 40)
    assert grid.bounds == bounds
    assert np.array_equal(grid.xs, np.linspace(-1.5, 1.25, 40))
    assert np.array_equal(grid.ys, np.linspace(-1.0, 0.75, 30))
    square = trained_he.predict_grid(bounds, 17)
    assert square.probs.shape == (17, 17)


def test_grid_probabilities_are_probabilities(trained_he):
    grid = trained_he.predict_grid(trained_he.grid_bounds(), 60)
    assert np.isfinite(grid.probs).all()
    assert (grid.probs >= 0).all() and (grid.probs <= 1).all()
    assert grid.probs.min() < 0.5 < grid.probs.max()


def test_grid_matches_predict_proba_point_by_point(trained_he):
    grid = trained_he.predict_grid((-2.0, 2.0, -1.5, 1.5), (13, 11))
    for r, y in enumerate(grid.ys):
        for c, x in enumerate(grid.xs):
            expected = trained_he.net.predict_proba(np.array([[x], [y]]))[0, 0]
            assert grid.probs[r, c] == pytest.approx(expected, rel=1e-12, abs=1e-300)


def test_default_bounds_contain_all_the_data(trained_he):
    x0, x1, y0, y1 = trained_he.grid_bounds()
    data = trained_he.data
    both = np.concatenate([data.train_X, data.test_X], axis=1)
    assert x0 < both[0].min() and both[0].max() < x1
    assert y0 < both[1].min() and both[1].max() < y1


def test_snapshot_grid_uses_the_default_bounds(trained_he):
    snap = trained_he.snapshot(grid_resolution=25)
    assert snap.grid is not None
    assert snap.grid.probs.shape == (25, 25)
    assert snap.grid.bounds == pytest.approx(trained_he.grid_bounds(), rel=1e-15)
    custom = trained_he.snapshot(grid_resolution=(9, 5), grid_bounds=(-1.0, 1.0, -2.0, 2.0))
    assert custom.grid.probs.shape == (5, 9) and custom.grid.bounds == (-1.0, 1.0, -2.0, 2.0)


def test_trained_boundary_separates_the_circles(trained_he):
    # make_circles puts label 1 on the inner circle: high probability in the middle, low outside
    grid = trained_he.predict_grid((-1.5, 1.5, -1.5, 1.5), 31)
    assert grid.probs[15, 15] > 0.9
    for r, c in ((0, 0), (0, -1), (-1, 0), (-1, -1)):
        assert grid.probs[r, c] < 0.1
    # nearest grid node's class agrees with the trainer's prediction for nearly every point
    fine = trained_he.predict_grid(trained_he.grid_bounds(), 201)
    X = trained_he.data.train_X
    cols = np.abs(fine.xs[:, None] - X[0]).argmin(axis=0)
    rows = np.abs(fine.ys[:, None] - X[1]).argmin(axis=0)
    from_grid = fine.probs[rows, cols] > 0.5
    predicted = trained_he.predictions(X)[0].astype(bool)
    assert np.mean(from_grid == predicted) >= 0.97


# -- the 0.5 contour ------------------------------------------------------------------------------


def test_contour_of_a_circle():
    xs = np.linspace(-2, 2, 81)
    ys = np.linspace(-2, 2, 81)
    values = np.hypot(xs[None, :], ys[:, None])
    segments = contour_segments(xs, ys, values, 1.0)
    assert segments.ndim == 3 and segments.shape[1:] == (2, 2)
    points = segments.reshape(-1, 2)
    radius = np.hypot(points[:, 0], points[:, 1])
    assert np.abs(radius - 1).max() < 0.01
    angles = np.sort(np.arctan2(points[:, 1], points[:, 0]))
    assert np.diff(angles).max() < 0.1  # goes all the way round
    total = np.linalg.norm(segments[:, 1] - segments[:, 0], axis=1).sum()
    assert total == pytest.approx(2 * np.pi, rel=0.01)
    for point in points:
        assert on_crossed_edge(point, xs, ys, values, 1.0)


def test_contour_of_a_linear_field_is_a_straight_line():
    xs = np.linspace(0, 1, 11)
    ys = np.linspace(-1, 1, 7)
    values = np.broadcast_to(xs[None, :], (7, 11)).copy()
    segments = contour_segments(xs, ys, values, 0.33)
    assert len(segments) == 6
    np.testing.assert_allclose(segments[..., 0], 0.33, rtol=0, atol=1e-12)
    assert np.allclose(sorted(np.unique(segments[..., 1])), ys)


def test_contour_of_a_constant_field_is_empty():
    xs = ys = np.linspace(0, 1, 5)
    assert contour_segments(xs, ys, np.full((5, 5), 0.2), 0.5).shape == (0, 2, 2)
    assert contour_segments(xs, ys, np.full((5, 5), 0.9), 0.5).shape == (0, 2, 2)


def test_snapshot_boundary_lies_on_the_grid_crossings(trained_he):
    grid = trained_he.predict_grid(trained_he.grid_bounds(), 60)
    segments = grid.boundary
    assert segments.shape[0] > 20 and segments.shape[1:] == (2, 2)
    assert not segments.flags.writeable
    x0, x1, y0, y1 = grid.bounds
    points = segments.reshape(-1, 2)
    assert ((points[:, 0] >= x0) & (points[:, 0] <= x1)).all()
    assert ((points[:, 1] >= y0) & (points[:, 1] <= y1)).all()
    for point in points:
        assert on_crossed_edge(point, grid.xs, grid.ys, grid.probs, 0.5)
    # the network itself is close to 0.5 there (the grid is fine enough)
    assert np.abs(trained_he.net.predict_proba(points.T) - 0.5).max() < 0.1


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "leaky_relu"])
def test_grid_in_reused_scratch_equals_a_fresh_forward_pass_bit_for_bit(activation):
    """The grid is computed in scratch kept between frames: the same bits as predict_proba, frame
    after frame, while training moves the weights and when the resolution changes."""
    trainer = Trainer(TrainConfig(hidden=(7, 4, 3), activation=activation))
    bounds = trainer.grid_bounds()
    for steps, resolution in ((0, 20), (30, 20), (30, (13, 9)), (5, 20)):
        trainer.step(steps)
        grid = trainer.predict_grid(bounds, resolution)
        gx, gy = np.meshgrid(grid.xs, grid.ys)
        fresh = trainer.net.predict_proba(np.vstack([gx.ravel(), gy.ravel()]))
        np.testing.assert_array_equal(grid.probs.ravel(), fresh.ravel())
