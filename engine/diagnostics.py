"""What makes the causes of a failed run visible: gradient norms, activations, symmetry, dead units.

Pure functions of arrays, plus the bounded history the trainer fills while it steps:

- **gradient norms** per layer over training, two kinds.  ``|dW|`` is the norm of the weight
  gradient, what the update actually applies.  ``|δ|`` is the norm of the error signal
  ``∂J/∂Z`` that backpropagation carries down to each layer; vanishing and exploding gradients
  are, by definition, this signal shrinking or growing layer by layer on its way to the input.
  (In a deep network of tiny weights the two tell different stories: ``δ`` fades by orders of
  magnitude towards the input while ``|dW| = |δ·Aᵀ|`` is equally tiny everywhere, because the
  activations fade the opposite way.)
- **activation histograms** of every hidden layer on the training data, with fixed bins per
  activation so saturation (piles at ±1, 0 or 1) and dead ReLUs (a pile at 0) stand out;
- **distinct neurons** per layer: rows of ``[W | b]`` that are equal (to 1e-12 of the layer's
  largest entry, or of 1 if that is smaller) compute the same function and get the same
  gradient, so they stay equal;
- **dead units** per hidden layer: units whose output carries (almost) no gradient for any
  training point — ReLU: output 0 everywhere; leaky ReLU: negative everywhere; tanh and sigmoid:
  saturated everywhere.

Everything here copies what it keeps and marks it read-only, so the results can cross threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = [
    "DEAD_RULES",
    "HISTOGRAM_BINS",
    "NAIVE_LOSS_NOTE",
    "ActivationHistogram",
    "BlockNorms",
    "DeadRule",
    "Diagnostics",
    "GradientHistory",
    "GradientNormView",
    "activation_histogram",
    "dead_units",
    "distinct_rows",
    "flat_fraction",
    "hidden_activations",
    "layer_distinct_neurons",
    "row_groups",
    "saturation_note",
]

HISTOGRAM_BINS = 30
#: Rows of ``[W | b]`` closer than this times the layer's largest entry (at least 1) count as one
#: neuron.  The floor of 1 matters where the weights themselves are rounding noise: zeros with a
#: sigmoid drift to ~1e-50 with last-bit differences between rows that mean nothing.
DISTINCT_RTOL = 1e-12

#: Why the tutorial printed ``inf``; shown beside the saturation count.
NAIVE_LOSS_NOTE = (
    "The naive log loss prints inf because in float64 sigmoid(z) rounds to exactly 1.0 once "
    "z > 37 (and to 0.0 once z < -709), so a point whose label disagrees costs -log(0) = inf; "
    "the cost shown here is computed from the logits, log(1 + e^-z), and stays finite."
)


def saturation_note(saturated: int, n_train: int) -> str:
    """The note for a saturation count (``Trainer.saturated_count``); empty when there is none."""
    if not saturated:
        return ""
    return (
        f"{saturated} of {n_train} training outputs are exactly 0.0 or 1.0 in float64. "
        + NAIVE_LOSS_NOTE
    )


def _frozen(a: np.ndarray) -> np.ndarray:
    out = np.array(a, copy=True)
    out.flags.writeable = False
    return out


# -- gradient norms --------------------------------------------------------------------------------


def _address(a: np.ndarray) -> int:
    return int(a.__array_interface__["data"][0])


def _root(a: np.ndarray) -> np.ndarray:
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a


class BlockNorms:
    """Euclidean norms of a fixed list of arrays, computed in as few NumPy calls as possible.

    When the arrays are consecutive blocks of one contiguous buffer (the network's gradient
    layout), the norms are one square and one ``np.add.reduceat`` over that span; otherwise one
    ``vdot`` per array.  The arrays are read at every call (views: they follow the training).
    """

    def __init__(self, arrays: Sequence[np.ndarray]) -> None:
        self._arrays = list(arrays)
        self._span: np.ndarray | None = None
        self._offsets: np.ndarray | None = None
        self._squares: np.ndarray | None = None
        if self._arrays:
            self._find_span()

    def _find_span(self) -> None:
        arrays = self._arrays
        root = _root(arrays[0])
        if not (root.flags.c_contiguous and root.dtype == np.float64):
            return
        if any(
            _root(a) is not root or not a.flags.c_contiguous or a.dtype != root.dtype
            for a in arrays
        ):
            return
        flat = root.reshape(-1)
        starts = [(_address(a) - _address(flat)) // flat.itemsize for a in arrays]
        for start, a, following in zip(starts, arrays, [*starts[1:], None]):
            if following is not None and start + a.size != following:
                return
            if start < 0 or a.size == 0:
                return
        first, last = starts[0], starts[-1] + arrays[-1].size
        if last > flat.size:
            return
        self._span = flat[first:last]
        self._offsets = np.array(starts, dtype=np.intp) - first
        self._squares = np.empty_like(self._span)

    def __len__(self) -> int:
        return len(self._arrays)

    def squared(self, out: np.ndarray | None = None) -> np.ndarray:
        """The squared norms, written into ``out`` (``(len(arrays),)`` floats) or a new array.

        Squared because the trainer records them every few steps and takes the square roots
        only when someone looks (:meth:`GradientHistory.view`): two NumPy calls fewer per record.
        """
        if out is None:
            out = np.empty(len(self._arrays))
        if self._span is not None:
            np.multiply(self._span, self._span, self._squares)
            np.add.reduceat(self._squares, self._offsets, 0, None, out)
        else:
            out[...] = [np.vdot(a, a) for a in self._arrays]
        return out

    def __call__(self, out: np.ndarray | None = None) -> np.ndarray:
        """The norms, written into ``out`` or a new array."""
        out = self.squared(out)
        return np.sqrt(out, out)


@dataclass(frozen=True, slots=True, eq=False)
class GradientNormView:
    """Per-layer gradient norms over training: row ``i`` was recorded at ``iterations[i]``.

    ``weight_norms[i, l]`` is ``|dW|`` of layer ``l + 1`` (the last column is the output layer);
    ``delta_norms`` is ``|δ| = |∂J/∂Z|`` of the same layers (NaN if the network does not expose
    it).  Both are the gradient computed *at* that iteration, before its update.  Read-only.
    """

    iterations: np.ndarray
    weight_norms: np.ndarray
    delta_norms: np.ndarray

    def __len__(self) -> int:
        return int(self.iterations.shape[0])

    @property
    def n_layers(self) -> int:
        return int(self.weight_norms.shape[1])


class GradientHistory:
    """Gradient norms every ``every`` iterations, at most ``capacity`` rows.

    When full, every other row is dropped and the spacing doubles (rows kept are those at
    multiples of the new spacing), so a run of any length keeps an even, bounded record.
    Rows hold *squared* norms (cheaper to record); :meth:`view` and :meth:`last` return norms.
    """

    def __init__(self, n_layers: int, every: int = 10, capacity: int = 2048) -> None:
        if every < 0 or capacity < 2:
            raise ValueError("every must be >= 0 and capacity >= 2")
        self.every = every
        self.capacity = capacity
        self.period = every
        self._its = np.empty(capacity, dtype=np.int64)
        self._w = np.empty((capacity, n_layers))
        self._d = np.empty((capacity, n_layers))
        self._fill = 0

    def __len__(self) -> int:
        return self._fill

    def due_from(self, iteration: int) -> int:
        """The first iteration ``>= iteration`` to record (``-1``: recording is off)."""
        if not self.period:
            return -1
        return -(-iteration // self.period) * self.period

    def append(self, iteration: int, weight_norms: np.ndarray, delta_norms: np.ndarray) -> int:
        """Record one row of norms; returns the next iteration due."""
        w, d = self.open_row(iteration)
        np.square(weight_norms, out=w)
        np.square(delta_norms, out=d)
        return self.commit()

    def open_row(self, iteration: int) -> tuple[np.ndarray, np.ndarray]:
        """The row of *squared* ``(weight, delta)`` norms to fill in place for ``iteration``,
        then :meth:`commit` (the trainer writes straight into it: no temporaries)."""
        if self._fill == self.capacity:
            self._thin()
        k = self._fill
        self._its[k] = iteration
        return self._w[k], self._d[k]

    def commit(self) -> int:
        """Keep the row opened last; returns the next iteration due."""
        self._fill += 1
        return self.due_from(int(self._its[self._fill - 1]) + 1)

    def _thin(self) -> None:
        self.period *= 2
        keep = np.flatnonzero(self._its[: self._fill] % self.period == 0)
        if len(keep) == self.capacity:  # only for rows appended off the period: stay bounded
            keep = keep[::2]
        n = len(keep)
        self._its[:n] = self._its[keep]
        self._w[:n] = self._w[keep]
        self._d[:n] = self._d[keep]
        self._fill = n

    def drop_from(self, iteration: int) -> None:
        """Forget the rows at ``iteration`` and later (a chunk is being replayed)."""
        self._fill = int(np.searchsorted(self._its[: self._fill], iteration))

    def last(self) -> tuple[int, np.ndarray, np.ndarray] | None:
        if not self._fill:
            return None
        k = self._fill - 1
        return int(self._its[k]), np.sqrt(self._w[k]), np.sqrt(self._d[k])

    def view(self) -> GradientNormView:
        """Read-only copies: iterations and the per-layer norms (square roots taken here)."""
        n = self._fill
        w, d = np.sqrt(self._w[:n]), np.sqrt(self._d[:n])
        w.flags.writeable = False
        d.flags.writeable = False
        return GradientNormView(_frozen(self._its[:n]), w, d)


# -- activations -----------------------------------------------------------------------------------


def hidden_activations(net, X: np.ndarray) -> list[np.ndarray]:
    """Each hidden layer's activations ``(n_l, m)`` for the columns of ``X`` (new arrays).

    Computed here rather than taken from the network's training buffers, which hold the
    activations of the parameters *before* the last update; ``out`` never aliases ``z``, which
    every activation supports.
    """
    act = net.activation.forward
    out, A = [], X
    for W, b in zip(net.W[:-1], net.b[:-1]):
        Z = np.dot(W, A)
        Z += b
        A = np.empty_like(Z)
        act(Z, A)
        out.append(A)
    return out


@dataclass(frozen=True, slots=True, eq=False)
class ActivationHistogram:
    """``counts[i]`` values fell in ``[edges[i], edges[i+1])`` (the last bin: ``]`` included).

    ``zeros`` counts values exactly 0.0 and ``non_finite`` those left out (NaN or ±inf).
    """

    counts: np.ndarray
    edges: np.ndarray
    zeros: int
    non_finite: int

    def __iter__(self):
        """``counts, edges = histogram``."""
        return iter((self.counts, self.edges))


def _histogram_range(activation: str, values: np.ndarray) -> tuple[float, float]:
    """Fixed bins where the activation is bounded, data-driven (but anchored) where it is not."""
    if activation == "tanh":
        return -1.0, 1.0
    if activation == "sigmoid":
        return 0.0, 1.0
    top = float(np.abs(values).max()) if values.size else 0.0
    top = top if top > 0 else 1.0
    if activation == "relu":
        return 0.0, top
    return -top, top  # leaky ReLU: symmetric, so the negative side's size is visible


def activation_histogram(
    values: np.ndarray, activation: str, bins: int = HISTOGRAM_BINS
) -> ActivationHistogram:
    """Histogram of one layer's activations: relu on ``[0, max]``, tanh on ``[-1, 1]``, sigmoid on
    ``[0, 1]``, leaky ReLU on ``[-m, m]`` with ``m`` the largest magnitude.

    Equal bins let the bin index be one multiplication and the counts one ``bincount``, several
    times faster than ``np.histogram`` (the window asks for every layer many times a second).
    The counts are ``np.histogram``'s except, possibly, for a value within rounding of an inner
    edge, which may land in the neighbouring bin.
    """
    flat = np.ravel(values)
    ok = np.isfinite(flat)
    non_finite = flat.size - int(np.count_nonzero(ok))
    finite = flat[ok] if non_finite else flat
    # Every finite value lies in the range: the bounded activations' own, or the data's [0, max]
    # or [-max, max].  Clipping only settles the right edge (and rounding at the left one).
    lo, hi = _histogram_range(activation, finite)
    index = ((finite - lo) * (bins / (hi - lo))).astype(np.intp)
    np.clip(index, 0, bins - 1, out=index)
    counts = np.bincount(index, minlength=bins)
    edges = np.linspace(lo, hi, bins + 1)
    counts.flags.writeable = False
    edges.flags.writeable = False
    return ActivationHistogram(counts, edges, int(np.count_nonzero(finite == 0.0)), non_finite)


@dataclass(frozen=True, slots=True)
class DeadRule:
    """When a unit counts as dead for an activation, in words for the window and the CLI."""

    word: str
    rule: str


DEAD_RULES: dict[str, DeadRule] = {
    "relu": DeadRule("dead", "output 0 for every training point: no gradient reaches its weights"),
    "leaky_relu": DeadRule(
        "inactive",
        "negative for every training point: only the 0.01 slope carries gradient",
    ),
    "tanh": DeadRule(
        "saturated",
        "|output| > 0.99 for every training point: its gradient is below 2% of the peak",
    ),
    "sigmoid": DeadRule(
        "saturated",
        "output below 0.01 or above 0.99 for every training point: "
        "its gradient is below 4% of the peak",
    ),
}


def _flat_mask(A: np.ndarray, activation: str) -> np.ndarray:
    """Where each unit's slope is (nearly) zero for each point, by :data:`DEAD_RULES`."""
    if activation in ("relu", "leaky_relu"):
        return A <= 0.0
    if activation == "tanh":
        return np.abs(A) > 0.99
    if activation == "sigmoid":
        return np.minimum(A, 1.0 - A) < 0.01
    raise KeyError(f"no dead-unit rule for activation {activation!r}")


def dead_units(A: np.ndarray, activation: str) -> int:
    """How many rows (units) of ``A (n, m)`` meet :data:`DEAD_RULES` ``[activation]``."""
    A = np.asarray(A)
    if A.shape[1] == 0:
        return 0
    return int(np.count_nonzero(_flat_mask(A, activation).all(axis=1)))


def flat_fraction(A: np.ndarray, activation: str) -> float:
    """The fraction of (unit, point) pairs of ``A`` where the unit is flat by the same rule.

    A unit dead for *every* point is rare for tanh and sigmoid even when most outputs are pinned
    at ±1; this fraction shows that partial saturation (0.0 when ``A`` is empty).
    """
    A = np.asarray(A)
    return float(np.count_nonzero(_flat_mask(A, activation)) / A.size) if A.size else 0.0


# -- symmetry --------------------------------------------------------------------------------------

_PROJECTION_SEED = 0


@lru_cache(maxsize=64)
def _projection(width: int) -> np.ndarray:
    """The grouping's fixed random direction for rows of ``width`` entries (made once)."""
    v = np.random.RandomState(_PROJECTION_SEED).uniform(0.5, 1.5, width)
    v.flags.writeable = False
    return v


def row_groups(M: np.ndarray, rtol: float = DISTINCT_RTOL) -> np.ndarray:
    """For each row of ``M``, the index of the first row of its group of equal rows.

    Rows within ``rtol·max(1, max|M|)`` of each other (in every entry) are one group, found
    greedily (a row joins the first group whose first row is close) after a sort along a fixed
    random direction, so that only rows that can be close are compared: ``O(n log n + n·d)`` for
    the usual cases of all-different or all-equal rows.  Rows with NaN or ±inf (a diverged run)
    are equal only to rows with the same pattern.
    """
    M = np.asarray(M, dtype=np.float64)
    n = M.shape[0]
    labels = np.arange(n)
    if n <= 1:
        return labels
    M = M.reshape(n, -1)
    if M.shape[1] == 0:
        return np.zeros(n, dtype=labels.dtype)
    finite_rows = np.isfinite(M).all(axis=1)
    if not finite_rows.all():  # a diverged layer: rows with NaN or ±inf by their exact pattern
        bad = np.flatnonzero(~finite_rows)
        rows = M[bad]
        codes = np.where(np.isnan(rows), 2.0, np.where(np.isinf(rows), np.sign(rows), 0.0))
        pattern = np.hstack([np.where(np.isfinite(rows), rows, 0.0), codes])
        _, inverse = np.unique(pattern, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        for code in np.unique(inverse):
            members = bad[inverse == code]
            labels[members] = members[0]
        good = np.flatnonzero(finite_rows)
        labels[good] = good[row_groups(M[good], rtol)]
        return labels
    tol = rtol * max(1.0, float(np.abs(M).max()))
    v = _projection(M.shape[1])
    proj = M @ v
    ptol = tol * float(v.sum())
    order = np.argsort(proj, kind="stable")
    starts = np.flatnonzero(np.concatenate([[True], np.diff(proj[order]) > ptol]))
    ends = np.append(starts[1:], n)
    for start, stop in zip(starts, ends):
        if stop - start == 1:
            continue
        index = order[start:stop]
        rows = M[index]
        while len(index):
            close = np.abs(rows - rows[0]).max(axis=1) <= tol
            members = index[close]
            labels[members] = members.min()
            index, rows = index[~close], rows[~close]
    return labels


def distinct_rows(M: np.ndarray, rtol: float = DISTINCT_RTOL) -> int:
    """The number of different rows of ``M`` (neurons of a layer, as rows of ``[W | b]``): the
    groups :func:`row_groups` finds."""
    M = np.asarray(M)
    return len(np.unique(row_groups(M, rtol))) if M.shape[0] else 0


# -- everything at once ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Diagnostics:
    """The diagnostics of a run at one iteration (read-only copies).

    - ``grad_norms``: the gradient-norm history (all layers, output last);
    - ``activation_hists``: one :class:`ActivationHistogram` per hidden layer, on the training data
      at the current parameters;
    - ``distinct_neurons``: ``(distinct, total)`` per layer, output layer last;
    - ``dead_units``: ``(dead, total)`` per hidden layer, by ``dead_rule``;
    - ``flat_fractions``: per hidden layer, the fraction of (unit, training point) pairs that are
      flat by the same rule (partial saturation, partly dead layers);
    - ``saturated`` / ``n_train``: training outputs exactly 0.0 or 1.0, as ``Snapshot.saturated``.
    """

    iteration: int
    activation: str
    grad_norms: GradientNormView
    activation_hists: tuple[ActivationHistogram, ...]
    distinct_neurons: tuple[tuple[int, int], ...]
    dead_units: tuple[tuple[int, int], ...]
    flat_fractions: tuple[float, ...]
    dead_rule: DeadRule
    saturated: int
    n_train: int

    @property
    def saturation_note(self) -> str:
        return saturation_note(self.saturated, self.n_train)


def layer_distinct_neurons(net) -> tuple[tuple[int, int], ...]:
    """``(distinct, total)`` neurons per layer of ``net``: rows of ``[W | b]``."""
    return tuple((distinct_rows(np.hstack([W, b])), int(W.shape[0])) for W, b in zip(net.W, net.b))
