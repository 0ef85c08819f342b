"""A live cost curve: the decimation that keeps a million-point history cheap to draw, and the
settled-part-plus-tip drawing that both the single run's and the comparison's curves use.

Every frame's drawing is GUI-thread time the training thread waits for (the GIL), so a frame
decimates and strokes only the newest points; the rest is decimated once per sealed chunk of the
history and kept in a pixmap cache.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np
from PyQt6 import QtWidgets

from engine.history import HistoryView

__all__ = ["CurvePoints", "LiveCurve", "nice_ceiling", "peak_decimate"]

#: While training runs, the newest points are drawn as a short "tip" on their own, and the rest
#: of the curve, held in a pixmap cache, is re-decimated and re-rendered only when the tip spans
#: this share of the x axis or is this old: a frame then strokes a few dozen segments, not the
#: whole curve.
TIP_SHARE = 0.1
TIP_SECONDS = 1.0
#: The tip is decimated in blocks of this many points, each once it is complete, to
#: ``TIP_BLOCK_POINTS``: a frame decimates only its newest, incomplete block (a second of a fast
#: run's tip is ~25,000 points, and decimating them all again every frame cost ~0.3 ms).  Blocks
#: of 4096 at 25,000 steps/s complete every fifth frame, so a frame decimates about one block;
#: blocks of 1024 made it two (each some fifteen NumPy calls, whose fixed cost is the cost here).
TIP_BLOCK = 4096
TIP_BLOCK_POINTS = 128


def nice_ceiling(value: float) -> float:
    """The next 1, 2 or 5 × 10^k at or above ``value`` (axis limits that read well)."""
    if value <= 0:
        return 1.0
    exp = 10.0 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if m * exp >= value:
            return float(m * exp)
    return float(10 * exp)


def peak_decimate(x: np.ndarray, y: np.ndarray, max_points: int) -> tuple[np.ndarray, np.ndarray]:
    """At most ``max_points`` points keeping each bucket's minimum and maximum (spikes survive).

    Runs on the GUI thread every frame (for each live curve's tip), so it makes few NumPy calls:
    at these sizes each call's fixed cost is most of the time.
    """
    n = len(x)
    if n <= max_points:
        return x, y
    buckets = max_points // 2
    size = -(-n // buckets)  # ceil: the last bucket may be short, never left over
    pad = size * buckets - n
    # Pad with the last point repeated: it cannot change a bucket's min or max.
    yb = (np.concatenate((y, np.repeat(y[-1:], pad))) if pad else y).reshape(buckets, size)
    if np.isfinite(y).all():
        lo, hi = yb.argmin(axis=1), yb.argmax(axis=1)
    else:
        finite = np.where(np.isfinite(yb), yb, np.nan)
        all_nan = np.isnan(finite).all(axis=1)
        finite[all_nan] = 0.0  # a bucket of only NaN/inf keeps its first point (a gap stays)
        lo, hi = np.nanargmin(finite, axis=1), np.nanargmax(finite, axis=1)
        lo[all_nan] = hi[all_nan] = 0
    starts = np.arange(0, n + pad, size)
    pick = np.empty(2 * buckets, dtype=np.intp)
    pick[0::2] = starts + np.minimum(lo, hi)
    pick[1::2] = starts + np.maximum(lo, hi)
    np.minimum(pick, n - 1, out=pick)  # a padding point is the last point
    return x[pick], y[pick]


#: a sealed history chunk is decimated once, to this many points
SEALED_CHUNK_POINTS = 512
#: the open chunk is decimated in blocks of this many points, each once it is complete ...
OPEN_BLOCK = 1024
#: ... to this many (8:1: a whole 15,000-iteration run keeps ~1,900 points before the final pass)
OPEN_BLOCK_POINTS = 128


class CurvePoints:
    """Turns a run's history into at most ``budget`` points, decimating each point only once.

    Sealed history chunks are never written again, so their decimated form is cached by
    identity.  The open chunk is a new copy in every frame, but its points never change once
    written (a run's history only grows): it is decimated in blocks of ``OPEN_BLOCK`` points,
    each cached once complete, so a frame decimates only the newest, incomplete block and the
    final join.  (Joining and decimating a million-point history every frame cost ~22 ms and
    ~54 MB of temporaries; decimating the whole open chunk still cost ~0.7 ms a frame of
    GUI-thread time, which the training thread spends waiting for the GIL.)
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._open_first: int | None = None  # the first iteration of the open chunk cached
        self._open_blocks: list[tuple[np.ndarray, np.ndarray]] = []
        self._open_ends: list[tuple[float, float]] = []  # each cached block's first, last cost

    def points(self, history: HistoryView, budget: int) -> tuple[np.ndarray, np.ndarray]:
        chunks = history.chunks
        if not chunks:
            return np.empty(0), np.empty(0)
        xs, ys, seen = [], [], {}
        for its, costs in chunks[:-1]:
            hit = self._cache.get(id(its))
            if hit is None or hit[0] is not its:
                # a long chunk (the thinned tail past a million) keeps more points
                keep = max(SEALED_CHUNK_POINTS, len(its) // 32)
                x, y = peak_decimate(its.astype(np.float64), costs, keep)
                hit = (its, x, y)  # keeping ``its`` alive keeps its id unique
            seen[id(its)] = hit
            xs.append(hit[1])
            ys.append(hit[2])
        self._cache = seen
        its, costs = chunks[-1]
        if len(its) <= OPEN_BLOCK_POINTS * 4:  # short: as it is (the final pass may thin it)
            xs.append(its.astype(np.float64))
            ys.append(costs)
        else:
            for x, y in self._open_chunk(its, costs):
                xs.append(x)
                ys.append(y)
        return peak_decimate(np.concatenate(xs), np.concatenate(ys), budget)

    def _open_chunk(self, its: np.ndarray, costs: np.ndarray) -> list:
        """The open chunk as decimated blocks: the complete ones cached, the last one fresh.

        A cached block is used only while the history still holds the same costs at its ends:
        a reset or a new configuration under the same view starts again from iteration 0 (with
        the same seed it replays the same costs, and the cache is right again).
        """
        first = int(its[0])
        if first != self._open_first:  # a new open chunk (the last one was sealed)
            self._open_first, self._open_blocks, self._open_ends = first, [], []
        blocks, ends = self._open_blocks, self._open_ends
        complete = len(its) // OPEN_BLOCK
        # Blocks past the chunk's end are another, longer run's (a reset under the same view):
        # drawn, they added its curve and a line back to iteration 0.
        del blocks[complete:], ends[complete:]
        for b, (head, tail) in enumerate(ends[:complete]):
            if costs[b * OPEN_BLOCK] != head or costs[(b + 1) * OPEN_BLOCK - 1] != tail:
                del blocks[b:], ends[b:]  # another run's costs: decimate again from here
                break
        for b in range(len(blocks), complete):
            part = slice(b * OPEN_BLOCK, (b + 1) * OPEN_BLOCK)
            blocks.append(
                peak_decimate(its[part].astype(np.float64), costs[part], OPEN_BLOCK_POINTS)
            )
            ends.append((costs[part.start], costs[part.stop - 1]))
        tail = slice(complete * OPEN_BLOCK, len(its))
        last = peak_decimate(its[tail].astype(np.float64), costs[tail], OPEN_BLOCK_POINTS)
        return [*blocks, last]


class LiveCurve:
    """One run's cost curve as two items: a settled part and a short live tip.

    Every frame's drawing is GUI-thread time the training thread waits for (the GIL).  While a
    run trains, the newest points go on the tip alone; the settled part (give it a pixmap cache:
    ``cache_static``) is re-decimated and re-rendered only when the tip spans ``TIP_SHARE`` of the
    x axis or is ``TIP_SECONDS`` old, so a frame decimates and strokes a few dozen points.  A
    frame that is not live (paused, finished, stepped) folds the tip back in.

    ``settled`` and ``tip`` are plot items with ``setData(x, y)``; ``to_axis`` turns costs into
    their y coordinates (a log axis's clipping or log10).
    """

    def __init__(
        self,
        settled: QtWidgets.QGraphicsItem,
        tip: QtWidgets.QGraphicsItem,
        to_axis: Callable[[np.ndarray], np.ndarray],
    ) -> None:
        self.settled, self.tip = settled, tip
        self._to_axis = to_axis
        self.clear()

    #: counts the settled part's redraws (a new one draws a different settled curve)
    settled_version = 0

    def clear(self) -> None:
        """Forget the run: both items empty."""
        self.settled_version += 1
        self._tail_from: int | None = None
        self._points = CurvePoints()
        self.length = -1  # the history length drawn
        self._settled_to: int | None = None  # the last iteration on the settled part
        self._settled_cost = np.nan  # and its cost (a tip must continue this very run)
        self._settled_at = 0.0  # when it was settled (time.monotonic)
        empty = (np.empty(0), np.empty(0))
        self._settled_xy, self._tip_xy = empty, empty  # points drawn, in cost units
        self._forget_tip()
        #: the smallest and largest finite cost on the curve (inf, -inf while there is none)
        self.extent = (np.inf, -np.inf)
        self.settled.setData(*empty)
        self.tip.setData(*empty)

    def show(self, history: HistoryView, budget: int, span: float | None, live: bool) -> bool:
        """Draw ``history`` with about ``budget`` points if it grew (or, not ``live``, fold the
        tip in); ``span`` is the x axis's width.  Returns whether anything was drawn."""
        if history.length == self.length and (live or not len(self._tip_xy[0])):
            return False
        if history.length < self.length:  # not this run's continuation: a reset
            self._points = CurvePoints()
            self._settled_to = None
        self.length = history.length
        if live and self._tip_fits(history, span):
            self._draw_tip(history, budget)
        else:
            self._settle(history, budget)
        return True

    def _tip_fits(self, history: HistoryView, span: float | None) -> bool:
        last = history.last()
        if self._settled_to is None or last is None:
            return False
        young = time.monotonic() - self._settled_at < TIP_SECONDS
        return young and last[0] - self._settled_to <= TIP_SHARE * (span or max(last[0], 1))

    def _settle(self, history: HistoryView, budget: int) -> None:
        self.settled_version += 1
        self._tail_from = self._settled_to  # the settled part grows from here (see tail)
        self._settled_xy = self._points.points(history, budget)
        self.extent = (np.inf, -np.inf)
        self._widen(self._settled_xy[1])
        self._tip_xy = (np.empty(0), np.empty(0))
        last = history.last()
        self._settled_to, self._settled_cost = last if last is not None else (None, np.nan)
        self._forget_tip()  # (a tip starts at the settled part's new last point)
        self._settled_at = time.monotonic()
        self._hand_over()

    def _forget_tip(self) -> None:
        # The tip's start and its complete blocks, decimated and joined (the settled part's last
        # point first), and whether all of it is finite: a frame adds only its newest block.
        self._tip_done = (
            np.array([self._settled_to or 0], dtype=np.float64),
            np.array([self._settled_cost]),
        )
        self._tip_done_finite = math.isfinite(self._settled_cost)
        self._tip_next: int | None = None  # the first iteration after the complete blocks

    def _draw_tip(self, history: HistoryView, budget: int) -> None:
        """The points since the settled part, decimated a block at a time, onto the tip.

        Thirty times a second while a run trains, on the GUI thread: every NumPy call here is
        time the training thread waits for (the GIL), so a frame makes few of them.
        """
        assert self._settled_to is not None
        # from the settled part's last point on, or from the tip's incomplete block
        first = self._settled_to if self._tip_next is None else self._tip_next
        its, costs = history.since(first)
        if self._tip_next is None and (
            not len(its) or its[0] != self._settled_to or costs[0] != self._settled_cost
        ):
            self._settled_to = None  # not a continuation: another run (a reset), a new curve
            self._settle(history, budget)
            return
        complete = len(its) // TIP_BLOCK
        if complete:
            xs, ys = [self._tip_done[0]], [self._tip_done[1]]
            for b in range(complete):
                part = slice(b * TIP_BLOCK, (b + 1) * TIP_BLOCK)
                x, y = peak_decimate(its[part].astype(np.float64), costs[part], TIP_BLOCK_POINTS)
                self._tip_done_finite &= self._widen(y)
                xs.append(x)
                ys.append(y)
            self._tip_done = (np.concatenate(xs), np.concatenate(ys))
            self._tip_next = int(its[complete * TIP_BLOCK - 1]) + 1
        rest = slice(complete * TIP_BLOCK, len(its))
        newest_x, newest_y = peak_decimate(
            its[rest].astype(np.float64), costs[rest], TIP_BLOCK_POINTS
        )
        finite = self._widen(newest_y) and self._tip_done_finite
        # It runs from the settled part's last point to the newest, whatever the buckets kept.
        if len(its) and (not len(newest_x) or newest_x[-1] != its[-1]):
            newest_x = np.append(newest_x, float(its[-1]))
            newest_y = np.append(newest_y, costs[-1])
            finite = finite and math.isfinite(costs[-1])
        done_x, done_y = self._tip_done
        self._tip_xy = x, y = np.concatenate((done_x, newest_x)), np.concatenate((done_y, newest_y))
        self.tip.setData(x, self._to_axis(y), finite=finite)

    def _widen(self, costs: np.ndarray) -> bool:
        """Take ``costs`` into the extent; whether they are all finite (their smallest and
        largest are: NaN and inf would be one of them)."""
        if not len(costs):
            return True
        lo, hi = float(costs.min()), float(costs.max())
        if math.isfinite(lo) and math.isfinite(hi):
            low, high = self.extent
            self.extent = (min(low, lo), max(high, hi))
            return True
        finite = costs[np.isfinite(costs)]
        if finite.size:
            low, high = self.extent
            self.extent = (min(low, float(finite.min())), max(high, float(finite.max())))
        return False

    def redraw(self) -> None:
        """Hand both parts to their items again (the axis changed: log or linear)."""
        self.settled_version += 1
        self._tail_from = None  # the whole curve moved
        self._hand_over()

    def _hand_over(self) -> None:
        for item, (x, y) in ((self.settled, self._settled_xy), (self.tip, self._tip_xy)):
            item.setData(x, self._to_axis(y))

    def tail(self) -> tuple[np.ndarray, np.ndarray] | None:
        """What the last settling added to the settled part, from the point before it, in the
        axis's coordinates (``None``: it was not an addition but a new curve)."""
        start = self._tail_from
        x, y = self._settled_xy
        if start is None or not len(x):
            return None
        first = max(int(np.searchsorted(x, start)) - 1, 0)
        return x[first:], self._to_axis(y[first:])

    def tip_points(self) -> int:
        return len(self._tip_xy[0])

    def data(self) -> tuple[np.ndarray, np.ndarray]:
        """The curve as drawn, settled part then tip, in (iteration, cost) units."""
        (x, y), (tx, ty) = self._settled_xy, self._tip_xy
        if not len(tx):
            return x, y
        return np.concatenate([x, tx[1:]]), np.concatenate([y, ty[1:]])
