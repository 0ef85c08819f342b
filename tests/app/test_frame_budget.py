"""The frame budget: how the grid's resolution and the frames' pace follow what frames cost.

Pure Python: a frame's cost is modelled as a fixed part plus a part that grows with the grid's
area, and fed to the budget as the worker would feed its measurements.
"""

from __future__ import annotations

import pytest

from app.frame_budget import GRID_FPS, RUN_SHARE, FrameBudget

FULL = 150


def settle(budget: FrameBudget, fixed: float, per_point: float, running: bool = True) -> None:
    """Feed the budget 60 grid frames whose cost is ``fixed + per_point * resolution²``."""
    for _ in range(60):
        resolution = budget.resolution_for(running)
        budget.record(fixed + per_point * resolution**2, True, running)


def run_budget() -> FrameBudget:
    return FrameBudget(FULL, 30.0, (2, 10, 5, 1), run_share=RUN_SHARE)


def test_the_tutorials_frames_keep_the_full_grid_at_full_pace():
    budget = run_budget()
    settle(budget, 0.001, 0.0015 / FULL**2)  # ~2.5 ms a full frame, as measured
    assert budget.resolution == budget.rest_resolution == FULL
    assert budget.grid_interval == pytest.approx(1 / GRID_FPS)
    assert budget.coarse() is None


def test_a_costly_grid_gets_coarser_while_training_runs_and_sharp_at_rest():
    """3000 points × 100,100: a 150² grid cost 13 ms, two training steps, five times a second."""
    budget = run_budget()
    fixed, per_point = 0.002, 0.011 / FULL**2
    settle(budget, fixed, per_point)
    cost = fixed + per_point * budget.resolution**2
    assert budget.MIN_RESOLUTION < budget.resolution < FULL
    assert cost <= RUN_SHARE / GRID_FPS * 1.05  # within the running share, at full pace
    assert budget.grid_interval == pytest.approx(1 / GRID_FPS)
    coarse = budget.coarse()
    assert coarse is not None and coarse.resolution == budget.resolution
    settle(budget, fixed, per_point, running=False)
    assert budget.rest_resolution == FULL  # 13 ms is fine for a picture at rest


def test_one_slow_frame_does_not_coarsen_the_grid():
    budget = run_budget()
    settle(budget, 0.001, 0.0015 / FULL**2)
    budget.record(0.012, True, True)  # a busy moment: five times the usual
    assert budget.resolution == FULL
    assert budget.coarse() is None


def test_when_even_the_coarsest_grid_is_too_costly_grids_come_less_often():
    budget = FrameBudget(FULL, 30.0, (2, 512, 512, 512, 1), run_share=RUN_SHARE)
    settle(budget, 0.05, 0.02 / FULL**2)  # the neuron maps alone cost 50 ms
    assert budget.resolution == budget.MIN_RESOLUTION
    expected = (0.05 + 0.02 * (budget.MIN_RESOLUTION / FULL) ** 2) / RUN_SHARE
    assert budget.grid_interval == pytest.approx(expected, rel=0.05)
    assert budget.coarse().grid_interval == budget.grid_interval


def test_without_a_running_share_only_the_frame_budget_counts():
    """The comparison's maps: up to ``grid_budget_s`` a frame, at ``share`` of the time."""
    budget = FrameBudget(FULL, 30.0)
    budget.record(0.03, True)
    assert budget.resolution == FULL
    budget.record(0.08, True)
    assert budget.resolution < FULL
    assert budget.grid_interval == pytest.approx(0.08 / budget.share)
