"""The redraw clock's pacing, on hand-driven clocks."""

from __future__ import annotations

import pytest

from app.views.redraw_pacer import RedrawPacer


class Clocks:
    """A GUI thread's CPU clock and the wall clock, advanced by the test."""

    def __init__(self) -> None:
        self.cpu = 0.0
        self.wall = 100.0

    def pacer(self) -> RedrawPacer:
        return RedrawPacer(33, 100, 0.06, lambda: self.cpu, lambda: self.wall)

    def redraws(self, pacer: RedrawPacer, n: int, cpu_each: float, busy: bool = True) -> int:
        """``n`` redraws one interval apart, the GUI thread using ``cpu_each`` s between."""
        interval = pacer.interval_ms
        for _ in range(n):
            interval = pacer.redrawn(busy)
            self.cpu += cpu_each
            self.wall += interval / 1000
        return interval


def test_training_starts_at_the_slowest_rate_then_cheap_redraws_go_to_30_fps():
    clocks = Clocks()
    pacer = clocks.pacer()
    assert clocks.redraws(pacer, 5, 0.02, busy=False) == 33  # paused: 30 fps, not measured
    assert pacer.redrawn(busy=True) == 100  # nothing measured while training yet
    assert clocks.redraws(pacer, 20, 0.001) == 33  # 1 ms each: 3% of a core at 30 fps


@pytest.mark.parametrize(("cpu_each", "interval"), [(0.003, 50), (0.0045, 75), (0.05, 100)])
def test_costly_redraws_slow_the_clock_to_the_share_but_not_below_10_fps(cpu_each, interval):
    clocks = Clocks()
    pacer = clocks.pacer()
    assert clocks.redraws(pacer, 60, cpu_each) == pytest.approx(interval, abs=1)


def test_paused_it_draws_at_30_fps_and_training_again_keeps_what_was_learnt():
    clocks = Clocks()
    pacer = clocks.pacer()
    assert clocks.redraws(pacer, 30, 0.02) == 100
    assert clocks.redraws(pacer, 10, 0.0005, busy=False) == 33  # cheap paused frames
    assert pacer.redrawn(busy=True) == 100  # the training cost is remembered


def test_a_long_gap_is_not_a_measurement():
    """A pause or a hidden tab between two redraws: whatever the GUI did then is not their cost."""
    clocks = Clocks()
    pacer = clocks.pacer()
    clocks.redraws(pacer, 30, 0.001)
    clocks.cpu += 5.0  # the user worked elsewhere for a minute
    clocks.wall += 60
    assert pacer.redrawn(busy=True) == 33
    assert pacer.cost == pytest.approx(0.001)
