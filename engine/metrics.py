"""A sparse log of how a run is doing: accuracies and gradient norms every ``every`` iterations.

The trainer records one *row* at iteration 0 and at every multiple of ``every`` (default
:data:`METRICS_EVERY`): the train and test accuracy of the parameters after that many updates, and
per layer the Frobenius norm ``|dW|`` of the gradient computed there (the one the next update
uses).  A row is therefore about the same parameters as the cost recorded at that iteration, and it
depends only on the iteration number, never on how the steps were split into chunks: a window that
steps a few hundred at a time and a command line that steps all at once log the same rows.

Storage follows :mod:`engine.history`: rows go into fixed-size chunks; a full chunk is *sealed*
(read-only, never written again) so a :class:`MetricsView` shares the sealed chunks without
copying and copies only the open one.  Memory is bounded: when more than ``max_rows`` rows are
kept, every other row is dropped and the spacing doubles (the rows kept are those at multiples of
the new spacing), so an all-day run keeps an even record of its whole length.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["METRICS_EVERY", "MetricsLog", "MetricsView"]

#: Iterations between two rows of the log (the trainer's default).
METRICS_EVERY = 100

#: Columns of a row before the per-layer gradient norms.
_TRAIN, _TEST, _GRADS = 0, 1, 2


def _sealed(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@dataclass(frozen=True, slots=True, eq=False)
class MetricsView:
    """A frozen picture of a :class:`MetricsLog`.

    ``chunks`` holds read-only ``(iterations, values)`` pairs: ``iterations`` is ``(n,)`` int64 and
    ``values`` is ``(n, 2 + n_layers)``: train accuracy, test accuracy, then ``|dW|`` of layers
    1 … L (the last is the output layer).  ``every`` is the spacing of the rows at the time of the
    view (it doubles when the log thins itself).
    """

    chunks: tuple[tuple[np.ndarray, np.ndarray], ...]
    length: int
    n_layers: int
    every: int

    def __len__(self) -> int:
        return self.length

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """All rows as two new arrays: ``iterations (n,)`` and ``values (n, 2 + n_layers)``."""
        if not self.chunks:
            return np.empty(0, dtype=np.int64), np.empty((0, _GRADS + self.n_layers))
        its, values = zip(*self.chunks)
        return np.concatenate(its), np.concatenate(values)

    @property
    def iterations(self) -> np.ndarray:
        return self.arrays()[0]

    @property
    def train_accuracy(self) -> np.ndarray:
        return self.arrays()[1][:, _TRAIN]

    @property
    def test_accuracy(self) -> np.ndarray:
        return self.arrays()[1][:, _TEST]

    @property
    def grad_norms(self) -> np.ndarray:
        """``(n, n_layers)``: ``|dW|`` of each layer at each recorded iteration."""
        return self.arrays()[1][:, _GRADS:]

    def last(self) -> tuple[int, float, float, np.ndarray] | None:
        """The newest row as ``(iteration, train_accuracy, test_accuracy, grad_norms)``."""
        if not self.chunks:
            return None
        its, values = self.chunks[-1]
        row = values[-1]
        return int(its[-1]), float(row[_TRAIN]), float(row[_TEST]), row[_GRADS:]


class MetricsLog:
    """Rows of accuracies and gradient norms, appended in iteration order by the trainer.

    The trainer writes a row in two halves around the step it describes: :meth:`open_row` (then
    the accuracies, before the update), the gradient norms after the step, then :meth:`commit`.
    A row opened and never committed (the run diverged there) is simply overwritten.
    """

    def __init__(
        self,
        n_layers: int,
        every: int = METRICS_EVERY,
        chunk_size: int = 1024,
        max_rows: int = 65536,
    ) -> None:
        if every < 0 or chunk_size < 1 or max_rows < 2 * chunk_size:
            raise ValueError("every must be >= 0 and max_rows at least two chunks")
        self.n_layers = int(n_layers)
        self.every = int(every)
        self.period = self.every
        self.chunk_size = chunk_size
        self.max_rows = max_rows
        self._sealed: list[tuple[np.ndarray, np.ndarray]] = []
        self._sealed_len = 0
        self._new_chunk()

    def _new_chunk(self) -> None:
        self._its = np.empty(self.chunk_size, dtype=np.int64)
        self._values = np.empty((self.chunk_size, _GRADS + self.n_layers))
        self._fill = 0

    def __len__(self) -> int:
        return self._sealed_len + self._fill

    def due_from(self, iteration: int) -> int:
        """The first iteration ``>= iteration`` to record (``-1``: recording is off)."""
        if not self.period:
            return -1
        return -(-iteration // self.period) * self.period

    def open_row(self, iteration: int) -> np.ndarray:
        """The row to fill in place for ``iteration`` (columns as in :class:`MetricsView`)."""
        k = self._fill
        self._its[k] = iteration
        return self._values[k]

    def commit(self) -> int:
        """Keep the row opened last; returns the next iteration due."""
        iteration = int(self._its[self._fill])
        self._fill += 1
        if self._fill == self.chunk_size:
            self._seal()
        return self.due_from(iteration + 1)

    def append(
        self, iteration: int, train_accuracy: float, test_accuracy: float, grad_norms
    ) -> int:
        """Record one whole row; returns the next iteration due."""
        row = self.open_row(iteration)
        row[_TRAIN] = train_accuracy
        row[_TEST] = test_accuracy
        row[_GRADS:] = grad_norms
        return self.commit()

    def _seal(self) -> None:
        self._sealed.append((_sealed(self._its[: self._fill]), _sealed(self._values[: self._fill])))
        self._sealed_len += self._fill
        self._new_chunk()
        while self._sealed_len > self.max_rows - self.chunk_size and self._thin():
            pass

    def _thin(self) -> bool:
        """Keep the sealed rows at multiples of twice the spacing (new arrays, chunks untouched)."""
        if not self.period:
            return False
        self.period *= 2
        its = np.concatenate([c[0] for c in self._sealed])
        values = np.concatenate([c[1] for c in self._sealed])
        keep = its % self.period == 0
        if keep.all():  # rows appended off the spacing: halve anyway, to stay bounded
            keep = np.zeros(len(its), dtype=bool)
            keep[::2] = True
        self._sealed = [(_sealed(its[keep]), _sealed(values[keep]))]
        self._sealed_len = int(keep.sum())
        return True

    def drop_from(self, iteration: int) -> None:
        """Forget the rows at ``iteration`` and later (the trainer is replaying a chunk)."""
        if self._fill and self._its[0] < iteration:
            self._fill = int(np.searchsorted(self._its[: self._fill], iteration))
            return
        self._fill = 0
        while self._sealed and self._sealed[-1][0][0] >= iteration:
            self._sealed_len -= len(self._sealed.pop()[0])
        if self._sealed:
            its, values = self._sealed[-1]
            n = int(np.searchsorted(its, iteration))
            if n < len(its):  # cut the straddling chunk: a new array, the old one stays intact
                self._sealed[-1] = (_sealed(its[:n].copy()), _sealed(values[:n].copy()))
                self._sealed_len -= len(its) - n

    def view(self) -> MetricsView:
        """An immutable view: the sealed chunks themselves plus a copy of the open one."""
        chunks = list(self._sealed)
        if self._fill:
            chunks.append(
                (
                    _sealed(self._its[: self._fill].copy()),
                    _sealed(self._values[: self._fill].copy()),
                )
            )
        return MetricsView(tuple(chunks), len(self), self.n_layers, self.period)
