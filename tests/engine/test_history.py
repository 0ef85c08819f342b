"""CostHistory: dense, then thinned; bounded; sealed chunks shared but never written."""

from __future__ import annotations

import numpy as np
import pytest

from engine.history import CostHistory, HistoryView

SMALL = {"chunk_size": 8, "dense_limit": 100, "max_points": 150}


def cost_of(i: int) -> float:
    return 1.0 / (1.0 + i)


def filled(n: int, **sizes) -> CostHistory:
    history = CostHistory(**(sizes or SMALL))
    for i in range(n):
        history.append(i, cost_of(i))
    return history


def test_empty_history():
    history = CostHistory(**SMALL)
    assert len(history) == 0
    assert history.last() is None
    view = history.view()
    assert isinstance(view, HistoryView)
    assert view.last() is None and view.length == 0
    its, costs = view.arrays()
    assert its.shape == (0,) and costs.shape == (0,)
    assert its.dtype == np.int64 and costs.dtype == np.float64


def test_max_points_must_exceed_dense_limit():
    with pytest.raises(ValueError):
        CostHistory(chunk_size=8, dense_limit=100, max_points=100)


@pytest.mark.parametrize("n", [1, 7, 8, 9, 64, 100])
def test_keeps_every_point_up_to_dense_limit(n):
    history = filled(n)
    assert len(history) == n
    its, costs = history.view().arrays()
    assert its.tolist() == list(range(n))
    assert costs.tolist() == [cost_of(i) for i in range(n)]
    assert history.last() == (n - 1, cost_of(n - 1))
    assert history.view().last() == (n - 1, cost_of(n - 1))


def test_sparse_iterations_are_kept_as_given():
    history = CostHistory(**SMALL)
    for i in range(0, 95, 5):
        history.append(i, float(i))
    its, costs = history.view().arrays()
    assert its.tolist() == list(range(0, 95, 5))
    assert np.array_equal(costs, its.astype(float))


@pytest.mark.parametrize(
    "sizes",
    [
        SMALL,
        {"chunk_size": 16, "dense_limit": 100, "max_points": 132},
        {"chunk_size": 7, "dense_limit": 50, "max_points": 90},
    ],
    ids=["8-100-150", "16-100-132", "7-50-90"],
)
def test_bounded_ordered_and_dense_part_intact_beyond_dense_limit(sizes):
    history = CostHistory(**sizes)
    dense = sizes["dense_limit"]
    n = 10 * dense
    for i in range(n):
        history.append(i, cost_of(i))
        assert len(history) <= sizes["max_points"]
    its, costs = history.view().arrays()
    assert len(its) == len(history) == history.view().length
    assert np.all(np.diff(its) > 0)
    assert its[:dense].tolist() == list(range(dense))
    assert costs[:dense].tolist() == [cost_of(i) for i in range(dense)]
    assert costs.tolist() == [cost_of(int(i)) for i in its]  # every cost stays with its iteration
    assert len(its) > dense  # the tail is thinned, not dropped
    assert its[-1] > n - n // 4  # and still reaches recent iterations
    assert history.last() == (int(its[-1]), cost_of(int(its[-1])))


def test_bounded_over_a_long_run():
    history = CostHistory(**SMALL)
    for i in range(100 * SMALL["dense_limit"]):
        history.append(i, cost_of(i))
    assert len(history) <= SMALL["max_points"]
    its, _ = history.view().arrays()
    assert np.all(np.diff(its) > 0)
    assert its[:100].tolist() == list(range(100))


@pytest.mark.parametrize(
    "sizes",
    [SMALL, {"chunk_size": 8, "dense_limit": 100, "max_points": 116}],
    ids=["8-100-150", "8-100-116"],
)
def test_never_more_than_max_points(sizes):
    history = CostHistory(**sizes)
    for i in range(10 * sizes["dense_limit"]):
        history.append(i, cost_of(i))
        assert len(history) <= sizes["max_points"], (i, len(history))


def test_refuses_limits_too_close_to_keep_the_bound():
    with pytest.raises(ValueError, match="two chunks"):
        CostHistory(chunk_size=8, dense_limit=100, max_points=101)


def test_sealed_chunks_are_never_mutated():
    history = filled(60)
    view = history.view()
    held = [(its, costs, its.copy(), costs.copy()) for its, costs in view.chunks]
    for i in range(60, 2000):
        history.append(i, -1.0)  # distinct values, thinning happens many times
    for its, costs, its0, costs0 in held:
        assert np.array_equal(its, its0)
        assert np.array_equal(costs, costs0)
    assert view.arrays()[0].tolist() == list(range(60))
    assert view.length == 60


def test_view_arrays_are_read_only_and_detached_from_the_open_chunk():
    history = filled(13)  # one sealed chunk of 8 and 5 in the open one
    view = history.view()
    assert len(view.chunks) == 2
    for its, costs in view.chunks:
        assert not its.flags.writeable and not costs.flags.writeable
        with pytest.raises(ValueError):
            costs[0] = 0.0
    for i in range(13, 16):
        history.append(i, 99.0)  # writes into the open chunk must not show in the old view
    its, costs = view.arrays()
    assert its.tolist() == list(range(13))
    assert costs.tolist() == [cost_of(i) for i in range(13)]


def test_views_share_the_sealed_chunks():
    history = filled(20)
    a, b = history.view(), history.view()
    assert a.chunks[0][0] is b.chunks[0][0]  # sealed: shared, not copied
    assert not np.shares_memory(a.chunks[-1][1], b.chunks[-1][1])  # open: copied


def test_view_is_frozen():
    view = filled(3).view()
    with pytest.raises(AttributeError):
        view.length = 5


def test_last_after_sealing_exactly_one_chunk():
    history = filled(8)
    assert history.last() == (7, cost_of(7))
    assert history.view().last() == (7, cost_of(7))


@pytest.mark.parametrize("start", [0, 1, 5, 9, 10, 11, 25, 29, 30, 31, 100])
def test_since_is_the_arrays_tail_across_chunks(start):
    h = CostHistory(chunk_size=10, dense_limit=1000, max_points=1100)
    h.extend(0, np.arange(30) * 0.5)
    view = h.view()
    its, costs = view.arrays()
    keep = its >= start
    tail_its, tail_costs = view.since(start)
    np.testing.assert_array_equal(tail_its, its[keep])
    np.testing.assert_array_equal(tail_costs, costs[keep])
