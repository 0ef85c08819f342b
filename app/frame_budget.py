"""How much of the training thread publishing frames may take, whatever the network's size.

A frame (snapshot, boundary grid, colours) should cost at most ``share`` of the time between
frames.  When it costs more — a 12 × 512 network makes every forward pass on the grid slow — the
grid gets coarser (down to ``MIN_RESOLUTION``) and frames come less often.  ``coarse()`` reports
that as numbers, which the views word in the current language (so a language switch re-words it
without a new frame).  Pure Python: both training workers keep one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["GRID_FPS", "Coarse", "FrameBudget"]

#: While training runs, the "full" frames (boundary grid, weights, diagnostics) come this often.
#: Each costs the worker ~3.7 ms and the GUI ~6 ms more than a numbers-only frame, all of it
#: holding the GIL; 5 a second still shows the boundary move, and the cost curve and numbers keep
#: their 30 frames a second.
GRID_FPS = 5.0


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
    """Grid resolution and frame intervals, refined from the measured cost of each frame."""

    MIN_RESOLUTION = 24
    GRID_FLOPS = 1e8  # ~20 ms of one core: the most a first boundary grid may cost
    share = 0.12
    grid_budget_s = 0.04
    MAX_FRAME_INTERVAL = 1.0  # however big the network, the numbers move at least once a second
    MAX_GRID_INTERVAL = 10.0

    def __init__(
        self, resolution: int, max_fps: float, layer_dims: Sequence[int] = (2, 10, 5, 1)
    ) -> None:
        self.full_resolution = resolution
        # Start from the network's size (a 12 x 512 network costs 40,000x the tutorial's per
        # point), so even the very first frame is affordable; measurements refine it later.
        per_point = 2 * grid_cost(layer_dims)
        affordable = int((self.GRID_FLOPS / max(per_point, 1)) ** 0.5)
        self.cap = resolution
        self.resolution = min(resolution, max(self.MIN_RESOLUTION, affordable))
        self.max_fps = max_fps
        self.frame_interval = 1.0 / max_fps
        self.grid_interval = 1.0 / GRID_FPS

    def record(self, seconds: float, with_grid: bool) -> None:
        """A frame took ``seconds`` of the training thread's CPU: adapt resolution and pace."""
        floor = min(self.MIN_RESOLUTION, self.full_resolution)
        if with_grid and seconds > self.grid_budget_s and self.resolution > floor:
            scale = (self.grid_budget_s / seconds) ** 0.5  # grid work grows with its area
            self.resolution = max(floor, int(self.resolution * max(scale, 0.5)))
        elif with_grid and seconds < self.grid_budget_s / 3 and self.resolution < self.cap:
            # a busy moment passed (or the first guess was cautious): win the detail back
            self.resolution = min(self.cap, int(self.resolution * 1.25) + 1)
        if with_grid:
            wanted = max(1.0 / GRID_FPS, seconds / self.share)
            self.grid_interval = min(wanted, self.MAX_GRID_INTERVAL)
        else:
            wanted = max(1.0 / self.max_fps, seconds / self.share)
            self.frame_interval = min(wanted, self.MAX_FRAME_INTERVAL)

    def coarse(self, grid_floor_interval: float = 0.0) -> Coarse | None:
        """What was traded, or ``None`` while grids and frames come at their full quality.

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
