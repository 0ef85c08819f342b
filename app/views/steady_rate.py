"""A steps-per-second figure that holds still long enough to be read.

The worker reports its rate with every frame (30 a second).  Shown as it comes, the number is an
unreadable blur, and each new text re-lays out the word-wrapped state line around it; refreshed
twice a second it reads as a speedometer and costs nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["SteadyRate"]


class SteadyRate:
    """Passes a new rate on at most every ``refresh_s`` seconds; holds the last one in between."""

    def __init__(self, refresh_s: float = 0.5, clock: Callable[[], float] = time.monotonic) -> None:
        self.refresh_s = refresh_s
        self._clock = clock
        self._shown = 0.0
        self._shown_at = -float("inf")

    def __call__(self, rate: float) -> float:
        """The rate to show now, given the newest measured ``rate`` (0: not running)."""
        now = self._clock()
        if not rate:  # stopped: nothing to show, and the next run starts afresh
            self._shown, self._shown_at = 0.0, -float("inf")
        elif not self._shown or now - self._shown_at >= self.refresh_s:
            self._shown, self._shown_at = rate, now
        return self._shown
