"""How much of the training thread publishing frames may take, whatever the network's size.

A frame (snapshot, boundary grid, colours) should cost at most ``share`` of the time between
frames, and while training runs the full frames together at most ``RUN_SHARE`` of the training
thread's time.  When they cost more — a 3000-point 100 × 100 network makes a 150 × 150 grid cost
two training steps — the grid gets coarser (down to ``MIN_RESOLUTION``) and, past that, comes less
often.  At rest (paused, finished) a frame may take ``grid_budget_s``: the picture is sharp again.
``coarse()`` reports the trade as numbers, which the views word in the current language (so a
language switch re-words it without a new frame).  Pure Python: both training workers keep one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["GRID_FPS", "RUN_SHARE", "Coarse", "FrameBudget"]

#: While training runs, the "full" frames (boundary grid, weights, diagnostics) come this often.
#: Each costs the worker ~3.7 ms and the GUI ~6 ms more than a numbers-only frame, all of it
#: holding the GIL; 5 a second still shows the boundary move, and the cost curve and numbers keep
#: their 30 frames a second.
GRID_FPS = 5.0
#: While training runs, the single run's full frames may take this share of the training thread's
#: time (6 ms a frame at GRID_FPS).  At the tutorial's size one costs ~2.5 ms; at 3000 points ×
#: 100,100 its 150 × 150 grid alone cost 13 ms, 6.5 % of the training, and the grid now gets
#: coarser instead.  (The comparison keeps only ``share``: its maps are small.)
RUN_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class Coarse:
    """Quality traded for responsiveness: the grid's resolution, and seconds between grids and
    between frames."""

    resolution: int
    grid_interval: float
    frame_interval: float


def grid_cost(layer_dims: Sequence[int]) -> int:
    """Multiply-adds per grid point of a network with these layer sizes."""
    return sum(a * b for a, b in pairwise(layer_dims))


class FrameBudget:
    """Grid resolution and frame intervals, refined from the measured cost of each frame.

    ``resolution`` is the grid's while training runs, ``rest_resolution`` at rest; each adapts
    to the frames measured in its own state.  ``run_share``: the share of the training thread's
    time that full frames may take while it runs (``None``: only ``grid_budget_s`` a frame).
    """

    MIN_RESOLUTION = 24
    GRID_FLOPS = 1e8  # ~20 ms of one core: the most a first boundary grid may cost
    share = 0.12
    grid_budget_s = 0.04
    MAX_FRAME_INTERVAL = 1.0  # however big the network, the numbers move at least once a second
    MAX_GRID_INTERVAL = 10.0
    SMOOTHING = 0.3  # weight of a new measurement in the running grid frames' cost

    def __init__(
        self,
        resolution: int,
        max_fps: float,
        layer_dims: Sequence[int] = (2, 10, 5, 1),
        run_share: float | None = None,
    ) -> None:
        self.full_resolution = resolution
        # Start from the network's size (a 12 x 512 network costs 40,000x the tutorial's per
        # point), so even the very first frame is affordable; measurements refine it later.
        per_point = 2 * grid_cost(layer_dims)
        affordable = int((self.GRID_FLOPS / max(per_point, 1)) ** 0.5)
        self.cap = resolution
        self.resolution = min(resolution, max(self.MIN_RESOLUTION, affordable))
        self.rest_resolution = self.resolution
        self.max_fps = max_fps
        self.run_share = run_share
        self.frame_interval = 1.0 / max_fps
        self.grid_interval = 1.0 / GRID_FPS
        self._grid_cost: float | None = None  # running grid frames' cost, smoothed (seconds)

    def resolution_for(self, running: bool) -> int:
        """The grid's resolution for a frame while training runs, or at rest."""
        return self.resolution if running else self.rest_resolution

    def record(self, seconds: float, with_grid: bool, running: bool = True) -> None:
        """A frame took ``seconds`` of the training thread's CPU: adapt resolution and pace."""
        if not with_grid:
            wanted = max(1.0 / self.max_fps, seconds / self.share)
            self.frame_interval = min(wanted, self.MAX_FRAME_INTERVAL)
            return
        if not running:
            self.rest_resolution = self._adapted(self.rest_resolution, seconds, self.grid_budget_s)
            return
        if self.run_share is None:
            budget, share, cost = self.grid_budget_s, self.share, seconds
        else:
            # One slow frame (a busy moment) must not coarsen the grid: adapt to the trend.
            cost = seconds if self._grid_cost is None else self._grid_cost
            cost += self.SMOOTHING * (seconds - cost)
            budget = min(self.grid_budget_s, self.run_share / GRID_FPS)
            share = self.run_share
        before = self.resolution
        self.resolution = self._adapted(before, cost, budget)
        self._grid_cost = cost * (self.resolution / before) ** 2  # grid work grows with area
        wanted = max(1.0 / GRID_FPS, cost / share)
        self.grid_interval = min(wanted, self.MAX_GRID_INTERVAL)

    def _adapted(self, resolution: int, seconds: float, budget: float) -> int:
        """``resolution`` made coarser if a grid at it cost over ``budget``, finer if well under."""
        floor = min(self.MIN_RESOLUTION, self.full_resolution)
        if seconds > budget and resolution > floor:
            scale = (budget / seconds) ** 0.5  # grid work grows with its area
            return max(floor, int(resolution * max(scale, 0.5)))
        if seconds < budget / 3 and resolution < self.cap:
            # a busy moment passed (or the first guess was cautious): win the detail back
            return min(self.cap, int(resolution * 1.25) + 1)
        return resolution

    def coarse(self, grid_floor_interval: float = 0.0) -> Coarse | None:
        """What was traded while training runs, or ``None`` while grids and frames come at
        their full quality.

        ``grid_floor_interval``: the slowest grid pace that still counts as full (a comparison
        refreshes its maps only a few times a second by design).
        """
        full_grid = self.resolution >= self.full_resolution
        full_pace = (
            self.frame_interval <= 1.5 / self.max_fps
            and self.grid_interval <= max(grid_floor_interval, 1.0 / GRID_FPS) * 1.25
        )
        if full_grid and full_pace:
            return None
        return Coarse(self.resolution, self.grid_interval, self.frame_interval)
