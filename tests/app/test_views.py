"""The plots, fed hand-built engine snapshots directly (no window, no thread)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from app.boundary_colors import probability_rgba
from app.views import live_curve
from app.views.cost_plot import MAX_GHOSTS, CostPlot
from app.views.decision_map import DecisionMap
from app.views.live_curve import CurvePoints, peak_decimate
from app.views.qt_items import PathCurve
from app.views.style import StaticScatter
from app.views.weight_histograms import N_BINS, WeightHistograms, bin_edges_for
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.history import CostHistory, HistoryView
from engine.snapshot import LayerState
from engine.trainer import Trainer

GRID = 40


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


def snap(trainer: Trainer, grid: int | None = GRID):
    return trainer.snapshot(grid_resolution=grid)


def long_history(n: int, seed: int = 0) -> tuple[HistoryView, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    its = np.arange(n, dtype=np.int64)
    costs = np.exp(-its / n) + rng.normal(0, 0.01, n)
    costs[n // 3] = 5.0  # a spike
    costs[2 * n // 3] = -1.0  # a dip
    its.flags.writeable = False
    costs.flags.writeable = False
    return HistoryView(((its, costs),), n), its, costs


# -- the cost curve --------------------------------------------------------------------------------
def test_cost_curve_shows_the_history_and_marks_the_current_point(qtbot, data):
    plot = CostPlot()
    qtbot.addWidget(plot)
    trainer = Trainer(TrainConfig(), data)
    trainer.step(50)
    s = snap(trainer, None)
    plot.show_history(s.history, s.iteration, s.cost)
    x, y = plot.curve.getData()
    _, costs = s.history.arrays()
    np.testing.assert_array_equal(x, np.arange(50))
    np.testing.assert_array_equal(y, costs)
    assert plot.marked_point() == (50, s.cost)
    assert (plot.marker.pos().x(), plot.marker.pos().y()) == (50, s.cost)
    plot.set_log_scale(True)  # the marker sits on the curve in the log view's coordinates too
    assert plot.marker.pos().y() == pytest.approx(np.log10(s.cost))


def test_cost_curve_of_a_long_run_is_decimated_but_keeps_its_extremes(qtbot):
    plot = CostPlot()
    qtbot.addWidget(plot)
    history, _, costs = long_history(200_000)
    plot.show_history(history, 200_000, 0.1)
    x, y = plot.curve.getData()
    assert len(x) < 20_000
    assert y.max() == costs.max() == 5.0
    assert y.min() == costs.min() == -1.0
    assert x[0] < 1000 and x[-1] >= 199_000  # spans the whole run
    assert np.all(np.diff(x) >= 0)


def test_live_frames_grow_a_tip_and_leave_the_settled_curve_alone(qtbot):
    """While training runs, new points go on the tip; the settled curve (cached as a pixmap) is
    not touched until the tip is long, and a paused frame folds the tip back into it."""
    plot = CostPlot()
    qtbot.addWidget(plot)
    history = CostHistory()
    rng = np.random.default_rng(4)
    history.extend(0, 1.0 + rng.normal(0, 0.01, 5000))
    plot.show_history(history.view(), 5000, 0.5, target=100_000, live=True)
    settled = plot.curve.getData()
    assert len(plot.tip.getData()[0]) == 0  # the first frame settles
    history.extend(5000, np.full(3000, 0.5))  # 3% of the axis: on the tip
    plot.show_history(history.view(), 8000, 0.5, target=100_000, live=True)
    assert plot.curve.getData()[0] is settled[0]  # untouched
    x, y = plot.curve_data()
    assert x[-1] > 7900 and y[-1] == 0.5  # into the last of the tip's buckets
    assert y.max() == history.view().arrays()[1].max()
    assert np.all(np.diff(x) >= 0)  # the tip continues the settled curve
    history.extend(8000, np.full(20_000, 0.25))  # past TIP_SHARE of the axis: settles
    plot.show_history(history.view(), 28_000, 0.25, target=100_000, live=True)
    assert plot.curve.getData()[0][-1] == 27_999
    history.extend(28_000, np.full(100, 0.2))
    plot.show_history(history.view(), 28_100, 0.2, target=100_000, live=True)
    assert plot._live.tip_points() > 0
    plot.show_history(history.view(), 28_100, 0.2, target=100_000, live=False)  # paused
    assert plot._live.tip_points() == 0
    assert plot.curve.getData()[0][-1] == 28_099


def history_of(costs: np.ndarray) -> HistoryView:
    history = CostHistory()
    history.extend(0, costs)
    return history.view()


def test_a_reset_under_the_same_curve_forgets_the_old_run(qtbot):
    """The comparison keeps one curve per configuration across Reset: a new run from iteration
    0 (another seed: other costs) must not show any of the cached old run, live or not."""
    rng = np.random.default_rng(5)
    old = history_of(1.0 + rng.normal(0, 0.1, 6000))
    new_costs = 2.0 + rng.normal(0, 0.1, 9000)
    points = CurvePoints()
    points.points(old, 800)
    np.testing.assert_array_equal(
        points.points(history_of(new_costs), 800)[1],
        CurvePoints().points(history_of(new_costs), 800)[1],
    )
    plot = CostPlot()
    qtbot.addWidget(plot)
    plot.show_history(old, 6000, 1.0, target=100_000, live=True)
    for n in (100, 9000):  # shorter than the old run, then longer: both a restart
        plot.show_history(history_of(new_costs[:n]), n, 2.0, target=100_000, live=True)
        _, y = plot.curve_data()
        assert y.min() > 1.5, n  # nothing of the old run's costs (about 1.0)


def test_ghosts_are_kept_capped_and_cleared(qtbot, data):
    plot = CostPlot()
    qtbot.addWidget(plot)
    trainer = Trainer(TrainConfig(), data)
    plot.start_run("he", "first")
    assert plot.ghosts == []  # nothing drawn yet: no ghost
    for run in range(MAX_GHOSTS + 3):
        trainer.reset()
        trainer.step(10 + run)
        s = snap(trainer, None)
        plot.show_history(s.history, s.iteration, s.cost)
        plot.start_run("he", f"run {run}")
        assert len(plot.ghosts) == min(run + 1, MAX_GHOSTS)
    gx, _ = plot.ghosts[-1].getOriginalDataset()
    assert len(gx) == 10 + MAX_GHOSTS + 2  # the newest ghost is the last run's curve
    x, _ = plot.curve.getData()
    assert x is None or len(x) == 0  # the new run starts empty
    items = plot.getPlotItem().listDataItems()
    assert all(g in items for g in plot.ghosts)
    plot.clear_ghosts()
    assert plot.ghosts == []
    assert [i for i in plot.getPlotItem().listDataItems() if i.opacity() < 1] == []


def test_log_scale_never_sees_zero(qtbot):
    plot = CostPlot()
    qtbot.addWidget(plot)
    its = np.arange(4, dtype=np.int64)
    costs = np.array([1.0, 0.1, 0.0, 0.01])
    plot.set_log_scale(True)
    plot.show_history(HistoryView(((its, costs),), 4), 4, 0.0)
    _, y = plot.curve.getData()  # log10 of the costs: the path is in the axis's coordinates
    assert np.all(np.isfinite(y))
    assert np.all(plot.curve_data()[1] > 0)


def test_peak_decimate_keeps_min_and_max():
    _, its, costs = long_history(100_003, seed=1)
    x, y = peak_decimate(its.astype(float), costs, 1000)
    assert y.max() == costs.max()
    assert y.min() == costs.min()
    assert np.all(np.diff(x) >= 0)
    assert x[-1] >= its[-1] - len(its) // 500  # reaches into the last bucket
    # every kept point is a real point
    np.testing.assert_array_equal(costs[x.astype(np.int64)], y)
    _, short_y = peak_decimate(its[:10].astype(float), costs[:10], 1000)
    np.testing.assert_array_equal(short_y, costs[:10])


def test_peak_decimate_respects_its_budget():
    _, its, costs = long_history(1999, seed=2)
    x, y = peak_decimate(its.astype(float), costs, 1000)
    assert len(x) == len(y) <= 1000


def reference_peak_decimate(x, y, max_points):
    """peak_decimate written plainly, bucket by bucket: what the fast one must give."""
    n = len(x)
    if n <= max_points:
        return x, y
    buckets = max_points // 2
    size = -(-n // buckets)
    xs, ys = [], []
    for b in range(buckets):
        part = slice(min(b * size, n - 1), min((b + 1) * size, n))
        by = y[part]
        finite = np.isfinite(by)
        if not finite.any():
            lo = hi = 0
        else:
            masked = np.where(finite, by, np.nan)
            lo, hi = int(np.nanargmin(masked)), int(np.nanargmax(masked))
        for i in sorted((lo, hi)):
            xs.append(x[part][i])
            ys.append(by[i])
    return np.array(xs), np.array(ys)


def test_peak_decimate_equals_the_plain_bucket_by_bucket_version():
    rng = np.random.default_rng(5)
    for trial in range(400):
        n, budget = int(rng.integers(1, 2000)), int(rng.integers(2, 400))
        x = np.arange(n, dtype=float) * 20
        y = rng.standard_normal(n) * 10 ** rng.uniform(-3, 3, n)
        if trial % 3 == 0:  # gaps: NaN and infinities, sometimes whole buckets of them
            bad = rng.integers(0, n, size=int(rng.integers(0, n // 2 + 1)))
            y[bad] = rng.choice([np.nan, np.inf, -np.inf], size=len(bad))
        if trial % 5 == 0:
            y = np.round(y)  # ties: the first of equal extremes is kept
        got, want = peak_decimate(x, y, budget), reference_peak_decimate(x, y, budget)
        np.testing.assert_array_equal(got[0], want[0])
        np.testing.assert_array_equal(got[1], want[1])


def strokes(curve: PathCurve) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The segments a path item draws: each line-to from the point before it."""
    path = curve.path()
    points = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    kinds = [path.elementAt(i).type for i in range(path.elementCount())]
    line = type(kinds[0]).LineToElement if kinds else None
    return [(points[i - 1], points[i]) for i in range(1, len(points)) if kinds[i] == line]


def test_path_curve_joins_neighbours_and_breaks_at_gaps(qtbot):
    curve = PathCurve()
    x = np.arange(6, dtype=float)
    curve.setData(x, x**2)
    assert strokes(curve) == [((i, i * i), (i + 1, (i + 1) ** 2)) for i in range(5)]
    # A NaN or an infinity is a gap: no segment reaches it, none jumps over it or back.
    curve.setData(x, np.array([1.0, 2.0, np.nan, 4.0, np.inf, 6.0]))
    assert strokes(curve) == [((0, 1), (1, 2))]
    curve.setData(x, np.array([np.nan, 2.0, 3.0, 4.0, 5.0, np.nan]))
    assert strokes(curve) == [((1, 2), (2, 3)), ((2, 3), (3, 4)), ((3, 4), (4, 5))]
    np.testing.assert_array_equal(curve.getData()[0], x)
    curve.setData(np.empty(0), np.empty(0))
    assert curve.path().elementCount() == 0


def test_curve_points_cached_as_a_run_grows_equal_a_fresh_decimation():
    """The per-frame cache (sealed chunks, complete blocks of the open chunk) must give exactly
    what decimating the same history from scratch gives, at every length, across chunk seals."""
    rng = np.random.default_rng(3)
    history = CostHistory(chunk_size=4096, dense_limit=10**9, max_points=10**9 + 2 * 4096)
    live = CurvePoints()
    it = 0
    for grow in (1, 7, 300, 1023, 1, 1024, 2500, 4096, 5000, 9000, 3):
        history.extend(it, np.exp(-np.arange(it, it + grow) / 5000) + rng.normal(0, 0.01, grow))
        it += grow
        view = history.view()
        x, y = live.points(view, 800)
        fx, fy = CurvePoints().points(view, 800)
        np.testing.assert_array_equal(x, fx)
        np.testing.assert_array_equal(y, fy)
        _, costs = view.arrays()
        assert y.max() == costs.max() and y.min() == costs.min()  # spikes and dips survive
        bucket = -(-it // 400)  # the final pass keeps two points of each of 400 buckets
        assert x[0] < bucket and x[-1] >= it - bucket  # from the first bucket to the newest
        assert len(x) <= max(800, len(costs))


# -- weight histograms -----------------------------------------------------------------------------
def counts_of(plot):
    x, y = plot.current_item.getOriginalDataset()
    return np.asarray(x), np.asarray(y)


def test_zeros_make_one_spike_per_layer(qtbot, data):
    view = WeightHistograms()
    qtbot.addWidget(view)
    s = snap(Trainer(TrainConfig(init="zeros"), data), None)
    view.show_layers(s.layers, 0)
    assert len(view.plots) == len(s.layers) == 3
    for plot, layer in zip(view.plots, s.layers):
        edges, counts = counts_of(plot)
        assert len(edges) == len(counts) + 1 >= N_BINS + 1
        assert np.count_nonzero(counts) == 1
        assert counts.sum() == layer.W.size
        spike = int(np.flatnonzero(counts)[0])
        # the spike's bin is centred on 0, not starting at it
        assert edges[spike] < 0 < edges[spike + 1]
        assert np.isclose(edges[spike] + edges[spike + 1], 0.0)


def test_histogram_bins_stay_fixed_while_weights_stay_in_range(qtbot, data):
    view = WeightHistograms()
    qtbot.addWidget(view)
    trainer = Trainer(TrainConfig(), data)
    first = snap(trainer, None)
    view.show_layers(first.layers, 0)
    edges0 = [p.edges.copy() for p in view.plots]
    for plot, layer in zip(view.plots, first.layers):
        np.testing.assert_array_equal(plot.edges, bin_edges_for(layer.W.ravel()))
        _, y = plot.initial_item.getOriginalDataset()
        np.testing.assert_array_equal(y, np.histogram(layer.W, bins=plot.edges)[0])
    trainer.step(20)
    later = snap(trainer, None)
    view.show_layers(later.layers, 20)
    for plot, e0, layer in zip(view.plots, edges0, later.layers):
        np.testing.assert_array_equal(plot.edges, e0)
        edges, counts = counts_of(plot)
        np.testing.assert_array_equal(edges, e0)
        np.testing.assert_array_equal(counts, np.histogram(layer.W, bins=e0)[0])


def test_histogram_bins_widen_when_weights_leave_the_range(qtbot, data):
    view = WeightHistograms()
    qtbot.addWidget(view)
    s = snap(Trainer(TrainConfig(), data), None)
    view.show_layers(s.layers, 0)
    edges0 = [p.edges.copy() for p in view.plots]
    grown = tuple(LayerState(layer.W * 10, layer.b, layer.dW, layer.db) for layer in s.layers)
    view.show_layers(grown, 1)
    for plot, e0, layer in zip(view.plots, edges0, grown):
        assert plot.edges[0] <= layer.W.min() and layer.W.max() <= plot.edges[-1]
        assert plot.edges[0] < e0[0] and plot.edges[-1] > e0[-1]
        assert len(plot.edges) == len(e0)
        _, counts = counts_of(plot)
        assert counts.sum() == layer.W.size  # every weight is in a bar
        _, initial = plot.initial_item.getOriginalDataset()
        assert initial.sum() == layer.W.size  # the outline was re-binned too


def test_new_run_rebins_from_its_first_frame(qtbot, data):
    view = WeightHistograms()
    qtbot.addWidget(view)
    view.show_layers(snap(Trainer(TrainConfig(init="random"), data), None).layers, 0)
    wide = [p.edges.copy() for p in view.plots]
    he = snap(Trainer(TrainConfig(), data), None)
    view.start_run()
    view.show_layers(he.layers, 0)
    for plot, w, layer in zip(view.plots, wide, he.layers):
        np.testing.assert_array_equal(plot.edges, bin_edges_for(layer.W.ravel()))
        assert plot.edges[-1] - plot.edges[0] < w[-1] - w[0]


# -- the decision map ------------------------------------------------------------------------------
def test_static_scatter_keeps_the_bounding_rect_pyqtgraph_would_work_out(qtbot, data):
    """Cached, but never stale: new sizes and a resized view (pixel padding) change it."""
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    x, y = data.train_X
    fresh, kept = pg.ScatterPlotItem(x, y, size=8), StaticScatter(x, y, size=8)
    for item in (fresh, kept):
        plot.addItem(item)
    plot.resize(300, 300)
    plot.show()
    qtbot.waitExposed(plot)

    def same() -> bool:
        return kept.boundingRect() == fresh.boundingRect()

    assert same()
    plot.resize(600, 200)
    qtbot.waitUntil(same)
    for item in (fresh, kept):
        item.setSize(20)
    assert same()
    for item in (fresh, kept):
        item.setData(x * 2, y)
    assert same() and kept.boundingRect().width() > 3 * np.ptp(x)


def test_decision_map_draws_the_data(qtbot, data):
    view = DecisionMap()
    qtbot.addWidget(view)
    view.show_data(data)
    total = sum(len(s.data) for s in view.points)
    assert total == data.train_X.shape[1] + data.test_X.shape[1]
    assert len(view.points) == 4  # train/test × two classes
    view.show_data(data)  # drawing again replaces, never duplicates
    assert sum(len(s.data) for s in view.points) == total


def test_decision_map_heatmap_and_contour(qtbot, data):
    view = DecisionMap()
    qtbot.addWidget(view)
    trainer = Trainer(TrainConfig(), data)
    trainer.step(500)
    s = snap(trainer)
    grid = s.grid
    assert grid.probs.shape == (GRID, GRID)
    view.show_grid(grid)
    image = view.image.image
    assert image.shape == (GRID, GRID, 4)
    assert image.dtype == np.uint8
    np.testing.assert_array_equal(image, probability_rgba(grid.probs))
    rect = view.image.mapRectToParent(view.image.boundingRect())
    x0, x1, y0, y1 = grid.bounds
    assert rect.left() < x0 < x1 < rect.right()
    assert rect.top() < y0 < y1 < rect.bottom()
    assert len(grid.boundary) > 0
    cx, cy = view.contour.getData()
    np.testing.assert_array_equal(cx, grid.boundary[:, :, 0].ravel())
    np.testing.assert_array_equal(cy, grid.boundary[:, :, 1].ravel())


@pytest.mark.parametrize("projector", [False, True])
def test_a_narrow_map_drops_its_legend_rather_than_shrink_to_a_sliver(qtbot, data, projector):
    """Beside a narrow panel (a projector's fonts at 1024 x 768 with the controls shown) the
    legend took the room and the square map shrank to a few pixels, its y axis to ±20: there
    the legend goes, and comes back when the plot is wide again."""
    from app.views.style import Palette
    from tests.app import shown

    view = shown(qtbot, DecisionMap(palette=Palette(projector=projector)), 300, 230)
    view.show_data(data)
    box = view.getPlotItem().getViewBox()
    _, _, y0, y1 = data.bounds(0.35)
    qtbot.waitUntil(lambda: not view.legend.isVisible())
    qtbot.waitUntil(lambda: box.viewRange()[1][1] - box.viewRange()[1][0] < 2 * (y1 - y0))
    assert box.width() > 0.5 * view.width()
    view.resize(700, 300)
    qtbot.waitUntil(lambda: view.legend.isVisible())
    qtbot.waitUntil(
        lambda: view.legend.sceneBoundingRect().left() >= box.sceneBoundingRect().right() - 1
    )
    assert box.viewRange()[1][1] - box.viewRange()[1][0] < 2 * (y1 - y0)


def test_zeros_network_has_no_boundary(qtbot, data):
    view = DecisionMap()
    qtbot.addWidget(view)
    trained = Trainer(TrainConfig(), data)
    trained.step(200)
    view.show_grid(snap(trained).grid)
    assert len(view.contour.getData()[0]) > 0
    s = snap(Trainer(TrainConfig(init="zeros"), data))
    assert np.all(s.grid.probs == 0.5)
    view.show_grid(s.grid)
    cx, _ = view.contour.getData()
    assert cx is None or len(cx) == 0  # the previous boundary is gone
    assert np.all(view.image.image == probability_rgba(np.full((GRID, GRID), 0.5)))


def test_probability_rgba_is_a_read_only_copy():
    probs = np.linspace(0, 1, 16).reshape(4, 4)
    rgba = probability_rgba(probs)
    assert rgba.shape == (4, 4, 4) and rgba.dtype == np.uint8
    assert not rgba.flags.writeable
    assert not np.shares_memory(rgba, probs)
    assert tuple(probability_rgba(np.array([[np.nan]]))[0, 0]) == tuple(
        probability_rgba(np.array([[0.5]]))[0, 0]
    )


def test_probability_colours_are_the_lookup_tables_rows():
    """Each probability gets the table row of its rounded 255ths (NaN: 0.5's; beyond [0, 1]:
    the ends), whatever way the bytes are gathered."""
    from app.boundary_colors import PROBABILITY_LUT

    probs = np.array([[0.0, 1.0, 0.5, 0.25, 0.998, 0.001, np.nan, 1.5, -0.5, 0.4999]])
    expected = np.clip(np.nan_to_num(probs, nan=0.5) * 255.0 + 0.5, 0, 255).astype(np.uint8)
    np.testing.assert_array_equal(probability_rgba(probs), PROBABILITY_LUT[expected])
    grid = np.random.default_rng(0).random((150, 150))
    np.testing.assert_array_equal(
        probability_rgba(grid), PROBABILITY_LUT[(grid * 255.0 + 0.5).astype(np.uint8)]
    )


def test_a_long_run_name_is_cut_to_the_room_beside_a_narrow_plot(qtbot):
    """On a projector the legend beside the cost curve took most of the plot's width: a long
    name is cut with "…" (whole in its tooltip), so the legend stays within a third of it."""
    from app.views.style import LEGEND_SHARE, Palette

    plot = CostPlot(palette=Palette(projector=True))
    qtbot.addWidget(plot)
    plot.resize(700, 300)
    plot.show()
    qtbot.waitExposed(plot)
    name = "Random ×10, seed 3, lr 0.01 · 10,5 ReLU · Circles, and then some more words"
    plot.start_run("random", name)
    label = plot.legend.getLabel(plot.sample)
    qtbot.waitUntil(lambda: label.item.toPlainText().endswith("…"))
    assert name in label.toolTip()
    qtbot.waitUntil(
        lambda: plot.legend.boundingRect().width() <= plot.getPlotItem().width() * LEGEND_SHARE
    )
    cut = label.item.toPlainText()
    plot.resize(1900, 300)  # more room: more of the name
    qtbot.waitUntil(lambda: len(label.item.toPlainText()) > len(cut))
    plot.apply_palette(Palette())  # ordinary sizes: the whole name fits
    qtbot.waitUntil(lambda: label.item.toPlainText().endswith(name))
    assert label.toolTip() == ""


def test_a_long_tip_is_the_same_however_the_frames_cut_it(qtbot, monkeypatch):
    """The tip is decimated block by block as frames bring points: fed in frames of 700 points
    or all at once, the same points, keeping every block's extremes and ending at the newest."""
    monkeypatch.setattr(live_curve, "TIP_SECONDS", 1e9)  # a tip that never settles by itself
    monkeypatch.setattr(live_curve, "TIP_SHARE", 10.0)
    rng = np.random.default_rng(7)
    costs = 1.0 + np.cumsum(rng.normal(0, 0.01, 12_000))
    tips = []
    for frame in (700, 11_000):
        plot = CostPlot()
        qtbot.addWidget(plot)
        history = CostHistory()
        history.extend(0, costs[:1000])
        plot.show_history(history.view(), 1000, costs[999], target=10**9, live=True)  # settles
        for first in range(1000, 12_000, frame):
            end = min(first + frame, 12_000)
            history.extend(first, costs[first:end])
            plot.show_history(history.view(), end, costs[end - 1], target=10**9, live=True)
        tips.append(plot.tip.getData())
    (x, y), (x2, y2) = tips
    np.testing.assert_array_equal(x, x2)
    np.testing.assert_array_equal(y, y2)
    assert x[0] == 999 and x[-1] == 11_999 and np.all(np.diff(x) >= 0)
    tip = costs[999:]
    assert y.min() == tip.min() and y.max() == tip.max()
    assert len(x) < len(tip) // 10  # decimated


def test_a_live_tip_breaks_at_costs_that_are_not_numbers(qtbot, monkeypatch):
    """A stretch of inf (a run blowing up) in the tip is a gap, not a line, in every frame after
    it too: the tip's known-finite shortcut must not draw across it."""
    monkeypatch.setattr(live_curve, "TIP_SECONDS", 1e9)
    monkeypatch.setattr(live_curve, "TIP_SHARE", 10.0)
    costs = np.linspace(1.0, 0.5, 20_000)
    costs[6000:6300] = np.inf
    plot = CostPlot()
    qtbot.addWidget(plot)
    history = CostHistory()
    history.extend(0, costs[:1000])
    plot.show_history(history.view(), 1000, costs[999], target=10**9, live=True)  # settles
    pieces = []
    for first in range(1000, 20_000, 700):
        end = min(first + 700, 20_000)
        history.extend(first, costs[first:end])
        plot.show_history(history.view(), end, costs[end - 1], target=10**9, live=True)
        path = plot.tip.path()
        moves = sum(
            path.elementAt(i).type == type(path.elementAt(0).type).MoveToElement
            for i in range(path.elementCount())
        )
        pieces.append((end, moves))
    assert all(moves == 1 for end, moves in pieces if end <= 6000)
    assert all(moves >= 2 for end, moves in pieces if end >= 6400)  # the gap stays a gap


def test_the_map_stays_inside_its_widget_when_the_note_row_takes_the_legends_room(qtbot, data):
    """At 1024 x 768 in projector mode the map is ~270 px tall: its legend fits beside it, but
    not with the "no boundary" note's row above it too.  When the note came, the plot grew past
    the widget (pyqtgraph sizes it only on a resize) and its x axis was cut off at the bottom."""
    from app.views.style import Palette
    from tests.app import shown

    view = shown(qtbot, DecisionMap(palette=Palette(projector=True)), 500, 270)
    view.show_data(data)
    item = view.getPlotItem()
    qtbot.waitUntil(lambda: view.legend.isVisible())
    view.show_grid(snap(Trainer(TrainConfig(init="zeros"), data)).grid)  # no boundary: the note
    assert view.note.isVisible()
    qtbot.waitUntil(lambda: not view.legend.isVisible())
    qtbot.waitUntil(lambda: item.geometry().height() <= view.height())
    trained = Trainer(TrainConfig(), data)
    trained.step(300)
    view.show_grid(snap(trained).grid)  # a boundary: the note goes, the legend comes back
    qtbot.waitUntil(lambda: view.legend.isVisible() and not view.note.isVisible())
    qtbot.waitUntil(lambda: item.geometry().height() <= view.height())
