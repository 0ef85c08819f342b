"""The cost plots draw only what they are given and show all of it: a reset leaves no curve of
the run before it, the axes cover the current run and the ghosts (log by themselves when the
costs span decades), and the legends stay beside the data, capped and unambiguous."""

from __future__ import annotations

import numpy as np

from app.frames import RunPicture
from app.views.compare.cost_plot import CompareCostPlot
from app.views.compare.run_style import StyleBook
from app.views.cost_plot import CurvePoints
from engine.history import HistoryView
from engine.trainer import TrainConfig

EVERY = 20  # the comparison records a cost every 20 iterations


def history(costs, every: int = 1) -> HistoryView:
    costs = np.array(costs, dtype=float)
    its = np.arange(len(costs), dtype=np.int64) * every
    its.flags.writeable = False
    costs.flags.writeable = False
    return HistoryView(((its, costs),), len(costs))


def random_costs(n: int) -> np.ndarray:
    """A random ×10 run's shape: 1773.59 at iteration 0, then down to ~0.4."""
    return 1773.59 * np.exp(-np.arange(n) / 2.0) + 0.4 + 0.3 * np.exp(-np.arange(n) / 500.0)


def shown(qtbot, plot, width: int = 900, height: int = 450):
    qtbot.addWidget(plot)
    plot.resize(width, height)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def picture(key: int, costs: np.ndarray, init: str = "random") -> RunPicture:
    h = history(costs, EVERY)
    return RunPicture(
        key, init, TrainConfig(init=init), (len(costs) - 1) * EVERY, h, (), None, None, None
    )


# -- item 2: no phantom curves after a reset ----------------------------------------------------
def test_after_a_reset_the_comparison_draws_only_the_new_runs_points(qtbot):
    """Play past 15000 (1,200 recorded points), reset, play to 700 points: the curve drawn
    held the old run's first 1,024 points too, and a line from iteration 20,460 back to 0."""
    plot = shown(qtbot, CompareCostPlot())
    styles = StyleBook()
    for key, init in enumerate(("random", "he")):
        plot.add_run(key, init, styles.get(key, init))
    old = random_costs(1200)
    for key in (0, 1):
        plot.show_run(picture(key, old * (1 + key)), float(old[-1]))
    plot.show_run(picture(0, old[:1]), float(old[0]))  # the reset's iteration 0 ...
    for n in (300, 700, 1100):  # ... then the new run's frames, paused and playing
        for live in (False, True):
            new = old[:n]
            for key in (0, 1):
                plot.show_run(picture(key, new * (1 + key)), float(new[-1]), live)
                x, y = plot.curve_data(key)
                assert x.max() <= (n - 1) * EVERY, (n, live)
                assert (np.diff(x) > 0).all()  # no line back to an earlier iteration
                np.testing.assert_array_equal(y, new[(x // EVERY).astype(int)] * (1 + key))


def test_curve_points_forget_the_blocks_of_a_longer_run():
    points = CurvePoints()
    long = random_costs(3000)
    points.points(history(long), 600)
    x, _y = points.points(history(long[:900]), 600)
    assert x.max() == 899
