"""An append-only cost history that is cheap to share with another thread and bounded in memory.

Costs are stored in fixed-size chunks.  A full chunk is *sealed*: marked read-only and never written
again, so a snapshot can hand the same chunk objects to the GUI thread without copying them; only
the partly filled chunk is copied.  Every iteration's cost is kept for the first ``dense_limit``
iterations; beyond that, whenever the stored points exceed ``max_points`` the part past
``dense_limit`` is thinned by two, so an all-day run cannot exhaust memory: the history never holds
more than ``max_points`` points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["CostHistory", "HistoryView"]


@dataclass(frozen=True, slots=True, eq=False)
class HistoryView:
    """A frozen picture of a :class:`CostHistory`: read-only ``(iterations, costs)`` chunks."""

    chunks: tuple[tuple[np.ndarray, np.ndarray], ...]
    length: int

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """All points as two new arrays ``(iterations, costs)``."""
        if not self.chunks:
            return np.empty(0, dtype=np.int64), np.empty(0)
        its, costs = zip(*self.chunks)
        return np.concatenate(its), np.concatenate(costs)

    def next_iteration(self) -> int:
        """The smallest iteration that may be appended next."""
        last = self.last()
        return 0 if last is None else last[0] + 1

    def since(self, iteration: int) -> tuple[np.ndarray, np.ndarray]:
        """The points at ``iteration`` and after, as ``(iterations, costs)`` (views where one
        chunk holds them all, which is the usual case: the newest points of a live run)."""
        parts = []
        for its, costs in reversed(self.chunks):
            if its[-1] < iteration:
                break
            start = int(np.searchsorted(its, iteration))
            parts.append((its[start:], costs[start:]))
            if start > 0:
                break
        if not parts:
            return np.empty(0, dtype=np.int64), np.empty(0)
        if len(parts) == 1:
            return parts[0]
        its, costs = zip(*reversed(parts))
        return np.concatenate(its), np.concatenate(costs)

    def last(self) -> tuple[int, float] | None:
        """The most recent ``(iteration, cost)``, or ``None`` when empty."""
        if not self.chunks:
            return None
        its, costs = self.chunks[-1]
        return int(its[-1]), float(costs[-1])


class CostHistory:
    """Costs by iteration, appended one at a time by the trainer."""

    def __init__(
        self, chunk_size: int = 16384, dense_limit: int = 1_000_000, max_points: int = 1_500_000
    ) -> None:
        if max_points < dense_limit + 2 * chunk_size:
            raise ValueError("max_points must exceed dense_limit by at least two chunks")
        self.chunk_size = chunk_size
        self.dense_limit = dense_limit
        self.max_points = max_points
        self._sealed: list[tuple[np.ndarray, np.ndarray]] = []
        self._sealed_len = 0
        self._stride = 1  # spacing kept for iterations past dense_limit
        self._last_kept = -1
        self._new_chunk()

    def next_iteration(self) -> int:
        """The smallest iteration that may be appended next."""
        last = self.last()
        return 0 if last is None else last[0] + 1

    def last(self) -> tuple[int, float] | None:
        """The most recent ``(iteration, cost)``, or ``None`` when nothing is recorded."""
        if self._fill:
            return int(self._its[self._fill - 1]), float(self._costs[self._fill - 1])
        if self._sealed:
            its, costs = self._sealed[-1]
            return int(its[-1]), float(costs[-1])
        return None

    def _new_chunk(self) -> None:
        self._its = np.empty(self.chunk_size, dtype=np.int64)
        self._costs = np.empty(self.chunk_size)
        self._fill = 0

    def __len__(self) -> int:
        return self._sealed_len + self._fill

    def append(self, iteration: int, cost: float) -> None:
        """Record ``cost`` at ``iteration`` (iterations must increase)."""
        if iteration >= self.dense_limit and iteration - self._last_kept < self._stride:
            return
        self._its[self._fill] = iteration
        self._costs[self._fill] = cost
        self._last_kept = iteration
        self._fill += 1
        if self._fill == self.chunk_size:
            self._seal()

    def extend(self, first_iteration: int, costs: np.ndarray) -> None:
        """Record ``costs[i]`` at ``first_iteration + i``: ``append`` for each, in bulk."""
        it, pos, n = first_iteration, 0, len(costs)
        while pos < n and it < self.dense_limit:  # dense part: copy slices, chunk by chunk
            k = min(self.chunk_size - self._fill, n - pos, self.dense_limit - it)
            self._its[self._fill : self._fill + k] = np.arange(it, it + k)
            self._costs[self._fill : self._fill + k] = costs[pos : pos + k]
            self._fill += k
            self._last_kept = it + k - 1
            it, pos = it + k, pos + k
            if self._fill == self.chunk_size:
                self._seal()
        for j in range(pos, n):
            self.append(first_iteration + j, float(costs[j]))

    def drop_from(self, iteration: int) -> None:
        """Forget the costs at ``iteration`` and later (a run branches from an earlier point).

        Sealed chunks are shared with other threads and never written: the kept points are
        recorded again into new chunks.
        """
        its, costs = self.view().arrays()
        n = int(np.searchsorted(its, iteration))
        if n == len(its):
            return
        self.__init__(self.chunk_size, self.dense_limit, self.max_points)
        its, costs = its[:n], costs[:n]
        dense = int(np.searchsorted(its, self.dense_limit))
        if dense and its[dense - 1] - its[0] == dense - 1:  # every iteration: copy in bulk
            self.extend(int(its[0]), costs[:dense])
        else:
            dense = 0
        for it, cost in zip(its[dense:].tolist(), costs[dense:].tolist()):
            self.append(it, cost)

    def _seal(self) -> None:
        its, costs = self._its[: self._fill], self._costs[: self._fill]
        its.flags.writeable = False
        costs.flags.writeable = False
        self._sealed.append((its, costs))
        self._sealed_len += self._fill
        self._new_chunk()
        # Thin before the next chunk fills, so even a full open chunk stays within max_points.
        while self._sealed_len > self.max_points - self.chunk_size and self._thin():
            pass

    def _thin(self) -> bool:
        """Halve the points past ``dense_limit`` (new arrays: sealed chunks are never mutated)."""
        keep, tail = [], []
        for its, costs in self._sealed:
            (keep if its[-1] < self.dense_limit else tail).append((its, costs))
        if sum(len(t[0]) for t in tail) < 2:
            return False
        its = np.concatenate([t[0] for t in tail])
        costs = np.concatenate([t[1] for t in tail])
        dense = its < self.dense_limit  # a chunk may straddle the limit: keep its dense head whole
        head = int(dense.sum())
        its = np.concatenate([its[:head], its[head:][::2]])
        costs = np.concatenate([costs[:head], costs[head:][::2]])
        its.flags.writeable = False
        costs.flags.writeable = False
        self._sealed = [*keep, (its, costs)]
        self._sealed_len = sum(len(c[0]) for c in self._sealed)
        self._stride *= 2
        return True

    def view(self) -> HistoryView:
        """An immutable view: the sealed chunks themselves plus a copy of the open one."""
        chunks = list(self._sealed)
        if self._fill:
            its = self._its[: self._fill].copy()
            costs = self._costs[: self._fill].copy()
            its.flags.writeable = False
            costs.flags.writeable = False
            chunks.append((its, costs))
        return HistoryView(tuple(chunks), len(self))
