"""How often a view redraws while training shares the GIL with it.

Every millisecond the GUI thread runs Python or paints inside a Python paint method, the training
thread waits for the GIL.  So while training runs, a view keeps the GUI thread's share of one core
under a budget by slowing its redraw clock: the cost of a redraw is the GUI thread's whole CPU
time from one redraw to the next (the redraw's own Python, the paints it caused in the plots, the
table and the labels, the frames delivered meanwhile), read from ``time.thread_time()`` on the GUI
thread.  Measuring only the redraw's own code missed about a third of it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["RedrawPacer"]


class RedrawPacer:
    """The redraw clock's interval (ms) from the GUI thread's CPU time between redraws.

    Call :meth:`redrawn` on the GUI thread at each redraw; it returns the interval to use next:
    ``fastest_ms`` unless training (``busy``) and the measured cost per redraw would take more
    than ``share`` of a core at that rate, never slower than ``slowest_ms``.  Only redraws made
    while training are measured (a paused frame is cheaper: it has no new points), and training
    starts at ``slowest_ms`` until the first of them are: starting fast and backing off would
    take a third of a second at 30 fps.  A gap of several intervals since the last redraw (a
    pause, a hidden tab) is not a measurement: it is skipped.
    """

    def __init__(
        self,
        fastest_ms: int,
        slowest_ms: int,
        share: float,
        cpu_clock: Callable[[], float] = time.thread_time,
        wall_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.fastest_ms, self.slowest_ms, self.share = fastest_ms, slowest_ms, share
        self._cpu_clock, self._wall_clock = cpu_clock, wall_clock
        self.interval_ms = fastest_ms
        #: GUI CPU seconds per redraw while training (moving average; 0 before any)
        self.cost = 0.0
        self._mark: tuple[float, float, bool] | None = None  # CPU, wall, busy at the last redraw

    def redrawn(self, busy: bool) -> int:
        """A redraw starts now; ``busy``: training is running.  Returns the next interval."""
        cpu, wall = self._cpu_clock(), self._wall_clock()
        mark, self._mark = self._mark, (cpu, wall, busy)
        if mark is not None and mark[2] and busy and wall - mark[1] < 3 * self.interval_ms / 1000:
            sample = cpu - mark[0]
            self.cost = 0.8 * self.cost + 0.2 * sample if self.cost else sample
        if not busy:
            self.interval_ms = self.fastest_ms
        elif not self.cost:
            self.interval_ms = self.slowest_ms
        else:
            wanted = self.cost / self.share * 1000
            self.interval_ms = int(min(self.slowest_ms, max(self.fastest_ms, wanted)))
        return self.interval_ms
