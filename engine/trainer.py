"""The training loop as an object: step it, ask where it stands, take a frozen snapshot.

``Trainer`` is synchronous and single-threaded on purpose: the GUI's worker thread drives it in
short chunks and the command line drives it in one go, so both run the same arithmetic on the same
numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from engine.activations import ACTIVATIONS
from engine.contour import contour_segments
from engine.datasets import DATASETS, Dataset, load_dataset
from engine.history import CostHistory
from engine.initializers import INITIALIZERS, initialize
from engine.network import Network, TrainingBatch
from engine.snapshot import GridPrediction, LayerState, Snapshot, frozen_copy

__all__ = [
    "MAX_HIDDEN_LAYERS",
    "MAX_LEARNING_RATE",
    "MAX_UNITS",
    "TrainConfig",
    "Trainer",
    "check_learning_rate",
    "parse_hidden",
]

MAX_HIDDEN_LAYERS = 12
MAX_UNITS = 512
MAX_LEARNING_RATE = 10.0


def parse_hidden(text: str) -> tuple[int, ...]:
    """``"10,5"`` → ``(10, 5)``; ``ValueError`` with a sentence saying what is allowed."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    if not text.strip() or any(not p for p in parts):
        raise ValueError(
            f"hidden layers must be sizes separated by commas, like 10,5 (got {text!r})"
        )
    try:
        sizes = tuple(int(p) for p in parts)
    except ValueError:
        raise ValueError(
            f"hidden layer sizes must be whole numbers, like 10,5 (got {text!r})"
        ) from None
    _check_hidden(sizes)
    return sizes


def _check_hidden(sizes: tuple[int, ...]) -> None:
    if not 1 <= len(sizes) <= MAX_HIDDEN_LAYERS:
        raise ValueError(
            f"between 1 and {MAX_HIDDEN_LAYERS} hidden layers are allowed (got {len(sizes)})"
        )
    bad = [s for s in sizes if not 1 <= s <= MAX_UNITS]
    if bad:
        raise ValueError(f"each hidden layer needs 1 to {MAX_UNITS} units (got {bad[0]})")


def check_learning_rate(lr: float) -> float:
    """The learning rate as a float, or ``ValueError`` saying what is allowed."""
    lr = float(lr)
    if not (math.isfinite(lr) and 0.0 < lr <= MAX_LEARNING_RATE):
        raise ValueError(
            f"the learning rate must be above 0 and at most {MAX_LEARNING_RATE:g} (got {lr!r})"
        )
    return lr


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """Everything that decides a run's numbers.  Defaults are the tutorial's He experiment."""

    init: str = "he"
    learning_rate: float = 0.01
    hidden: tuple[int, ...] = (10, 5)
    seed: int = 3
    dataset: str = "circles"
    activation: str = "relu"

    def __post_init__(self) -> None:
        if self.init not in INITIALIZERS:
            raise ValueError(
                f"unknown initializer {self.init!r}; choose from {', '.join(INITIALIZERS)}"
            )
        if self.dataset not in DATASETS:
            raise ValueError(f"unknown dataset {self.dataset!r}; choose from {', '.join(DATASETS)}")
        if self.activation not in ACTIVATIONS:
            raise ValueError(
                f"unknown activation {self.activation!r}; choose from {', '.join(ACTIVATIONS)}"
            )
        check_learning_rate(self.learning_rate)
        _check_hidden(tuple(self.hidden))
        if not 0 <= self.seed < 2**32:
            raise ValueError(f"the seed must be between 0 and {2**32 - 1} (got {self.seed})")
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))

    def with_(self, **changes) -> TrainConfig:
        """A validated copy with ``changes`` applied (the original is untouched on error)."""
        return replace(self, **changes)


#: Saturated and diverging runs overflow ``exp`` by design (the stable loss copes); floating-point
#: warnings would only be noise on the console.  ``errstate`` is thread-local, so each public
#: entry point sets it itself rather than relying on its caller's thread.
_quiet = np.errstate(all="ignore")


class Trainer:
    """Full-batch gradient descent on one configuration, one step at a time.

    ``iteration`` counts the updates taken; ``cost()`` is the loss of the current parameters, so
    ``history`` holds, for each recorded iteration ``i``, the cost *after* ``i`` updates — the
    tutorial's "Cost after iteration i".
    """

    def __init__(self, config: TrainConfig | None = None, data: Dataset | None = None) -> None:
        self.config = config or TrainConfig()
        self.data = data if data is not None else load_dataset(self.config.dataset)
        self.layer_dims = (self.data.n_features, *self.config.hidden, 1)
        self._initial = initialize(self.config.init, self.layer_dims, self.config.seed)
        self.learning_rate = self.config.learning_rate
        self.reset()

    # -- run control ---------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to iteration 0 with the same initial weights; the learning rate is kept."""
        self.net = Network(self.layer_dims, self._initial, self.config.activation)
        self._batch = TrainingBatch(self.net, self.data.train_X, self.data.train_Y)
        self.iteration = 0
        self.history = CostHistory()
        self.diverged_at: int | None = None
        self._cost_at: tuple[int, float] | None = None
        self._costs = np.empty(1024)  # every step's cost, filled by the batch a chunk at a time

    def set_learning_rate(self, lr: float) -> None:
        """Use ``lr`` from the next step on; refuses bad values without changing anything."""
        self.learning_rate = check_learning_rate(lr)

    @_quiet
    def step(self, n: int = 1, record_every: int = 1) -> int:
        """Take up to ``n`` gradient steps; returns how many were taken.

        The cost is computed (from the forward pass the step needs anyway) and recorded in
        ``history`` at every iteration that is a multiple of ``record_every`` (0: never).  A
        non-finite cost stops the run before its update: ``diverged_at`` then says where —
        exactly, whatever ``record_every``: if the weights went bad between recorded costs, the
        chunk is replayed from a copy, costing every step.
        """
        if self.diverged_at is not None:
            return 0
        start_it = self.iteration
        backup = None if record_every == 1 else self.net.flat.copy()
        self._run(n, record_every, probe=False)
        went_bad = self.diverged_at is not None or not np.isfinite(self.net.flat).all()
        if backup is not None and went_bad:
            self.net.flat[...] = backup
            self.iteration, self.diverged_at = start_it, None
            self._run(n, record_every, probe=True)
        if self.diverged_at is None and not np.isfinite(self.net.flat).all():
            self.diverged_at = self.iteration  # only reachable with record_every == 0
        return self.iteration - start_it

    def _run(self, n: int, record_every: int, probe: bool) -> None:
        """The training loop; ``probe`` computes the cost at every step to catch divergence.

        The batch runs many steps per call (``TrainingBatch.run``): the steps between two recorded
        costs, or, when every step's cost is needed, up to ``len(self._costs)`` steps whose costs
        it writes into ``self._costs``.
        """
        batch, lr, history = self._batch, self.learning_rate, self.history
        every = 1 if probe else record_every
        it = self.iteration
        end = it + n
        while it < end:
            if every == 1:
                buf = self._costs
                k = min(end - it, len(buf))
                taken = batch.run(k, lr, buf)
                computed = min(taken + 1, k)  # a non-finite cost is stored too
                self._cost_at = (it + computed - 1, float(buf[computed - 1]))
                if record_every:
                    first = max(it, history.next_iteration())
                    if record_every == 1:
                        history.extend(first, buf[first - it : taken])
                    else:
                        first += -first % record_every
                        for j in range(first, it + taken, record_every):
                            history.append(j, float(buf[j - it]))
                if taken < k:
                    self.diverged_at = it + taken
                    it += taken
                    break
                it += k
                continue
            if every and it % every == 0:
                cost = batch.step(lr, True)  # no step is taken when the cost is not finite
                self._cost_at = (it, cost)
                if not math.isfinite(cost):
                    self.diverged_at = it
                    break
                if history.next_iteration() <= it:
                    history.append(it, cost)
                it += 1
            k = min(end - it, every - it % every) if every else end - it
            it += batch.run(k, lr)
        self.iteration = it

    # -- where the run stands ------------------------------------------------------------------
    @_quiet
    def cost(self) -> float:
        """Cost of the current parameters (the stable log loss), computed once per iteration."""
        if self._cost_at is None or self._cost_at[0] != self.iteration:
            self._batch.forward()
            self._cost_at = (self.iteration, self._batch.loss())
        return self._cost_at[1]

    @_quiet
    def predictions(self, X: np.ndarray) -> np.ndarray:
        """0/1 predictions, ``(1, m)``: probability > 0.5 is class 1."""
        return (self.net.predict_proba(X) > 0.5).astype(np.int64)

    def accuracy(self, X: np.ndarray, Y: np.ndarray) -> float:
        """Fraction of columns of ``X`` classified as ``Y`` says."""
        return float(np.mean(self.predictions(X)[0, :] == Y[0, :]))

    def train_accuracy(self) -> float:
        return self.accuracy(self.data.train_X, self.data.train_Y)

    def test_accuracy(self) -> float:
        return self.accuracy(self.data.test_X, self.data.test_Y)

    @_quiet
    def saturated_count(self) -> int:
        """Training points whose output is exactly 0.0 or 1.0 in float64 (naive log loss = inf)."""
        a = self.net.predict_proba(self.data.train_X)
        return int(np.count_nonzero((a == 0.0) | (a == 1.0)))

    def grid_bounds(self, pad: float = 1.0) -> tuple[float, float, float, float]:
        """A square around all the data, ``pad`` beyond it (the tutorial's plots pad by 1)."""
        x0, x1, y0, y1 = self.data.bounds(0.0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        half = max(x1 - x0, y1 - y0) / 2 + pad
        return cx - half, cx + half, cy - half, cy + half

    @_quiet
    def predict_grid(
        self, bounds: tuple[float, float, float, float], resolution: int | tuple[int, int]
    ) -> GridPrediction:
        """P(class 1) on a ``resolution`` grid spanning ``bounds = (x0, x1, y0, y1)``."""
        nx, ny = (resolution, resolution) if isinstance(resolution, int) else resolution
        xs = np.linspace(bounds[0], bounds[1], nx)
        ys = np.linspace(bounds[2], bounds[3], ny)
        gx, gy = np.meshgrid(xs, ys)
        probs = self.net.predict_proba(np.vstack([gx.ravel(), gy.ravel()])).reshape(ny, nx)
        boundary = contour_segments(xs, ys, probs, 0.5)
        return GridPrediction(*(frozen_copy(a) for a in (xs, ys, probs, boundary)))

    def snapshot(
        self,
        run_id: int = 0,
        grid_resolution: int | None = None,
        grid_bounds: tuple[float, float, float, float] | None = None,
    ) -> Snapshot:
        """A frozen picture of the run (copies only): safe to hand to another thread."""
        grid = None
        if grid_resolution:
            grid = self.predict_grid(grid_bounds or self.grid_bounds(), grid_resolution)
        layers = tuple(
            LayerState(frozen_copy(W), frozen_copy(b), frozen_copy(dW), frozen_copy(db))
            for W, b, dW, db in zip(self.net.W, self.net.b, self.net.dW, self.net.db)
        )
        return Snapshot(
            run_id=run_id,
            iteration=self.iteration,
            cost=self.cost(),
            train_accuracy=self.train_accuracy(),
            test_accuracy=self.test_accuracy(),
            saturated=self.saturated_count(),
            n_train=int(self.data.train_Y.shape[1]),
            layers=layers,
            history=self.history.view(),
            grid=grid,
            learning_rate=self.learning_rate,
            diverged_at=self.diverged_at,
        )
