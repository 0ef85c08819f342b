"""The training loop as an object: step it, ask where it stands, take a frozen snapshot.

``Trainer`` is synchronous and single-threaded on purpose: the GUI's worker (in short chunks)
and the command line (in one go) drive the same one: the same arithmetic on the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from engine.config import TrainConfig, check_learning_rate
from engine.contour import contour_segments
from engine.datasets import (
    Dataset,
    load_dataset,
)
from engine.diagnostics import (
    DEAD_RULES,
    BlockNorms,
    Diagnostics,
    GradientHistory,
    activation_histogram,
    dead_units,
    flat_fraction,
    layer_distinct_neurons,
)
from engine.history import CostHistory
from engine.initializers import initialize
from engine.metrics import METRICS_EVERY, MetricsLog
from engine.network import Network, TrainingBatch
from engine.snapshot import GridPrediction, LayerState, Snapshot, frozen_copy

__all__ = ["Trainer"]


def _saturated(proba: np.ndarray) -> int:
    return int(np.count_nonzero((proba == 0.0) | (proba == 1.0)))


def _accuracy(predictions: np.ndarray, Y: np.ndarray) -> float:
    return float(np.mean(predictions[0, :] == Y[0, :]))


#: Saturated and diverging runs overflow ``exp`` by design (the stable loss copes); floating-point
#: warnings would only be noise on the console.  ``errstate`` is thread-local, so each public
#: entry point sets it itself rather than relying on its caller's thread.
_quiet = np.errstate(all="ignore")


class Trainer:
    """Full-batch gradient descent on one configuration, one step at a time.

    ``iteration`` counts the updates taken; ``cost()`` is the loss of the current parameters, so
    ``history`` holds, for each recorded iteration ``i``, the cost *after* ``i`` updates — the
    tutorial's "Cost after iteration i".  ``metrics`` (:class:`~engine.metrics.MetricsLog`) holds,
    at iteration 0 and every ``metrics_every`` iterations, the train and test accuracy of the
    parameters there and ``|dW|`` per layer of the gradient computed there; its rows depend only
    on the iteration numbers, never on how the steps were chunked.
    """

    #: Gradient norms are recorded at every multiple of this many iterations (0: never).
    GRAD_EVERY = 10
    #: Accuracies and ``|dW|`` go into ``metrics`` at every multiple of this (0: never).
    METRICS_EVERY = METRICS_EVERY

    def __init__(
        self,
        config: TrainConfig | None = None,
        data: Dataset | None = None,
        grad_every: int | None = None,
        metrics_every: int | None = None,
    ) -> None:
        self.config = config or TrainConfig()
        c = self.config
        self.data = data if data is not None else load_dataset(c.dataset, c.samples, c.noise)
        self.layer_dims = (self.data.n_features, *c.hidden, 1)
        self._initial = initialize(c.init, self.layer_dims, c.seed, c.scale)
        self.learning_rate = c.learning_rate
        self.grad_every = self.GRAD_EVERY if grad_every is None else int(grad_every)
        if self.grad_every < 0:
            raise ValueError(f"grad_every must be 0 (off) or more (got {grad_every})")
        self.metrics_every = self.METRICS_EVERY if metrics_every is None else int(metrics_every)
        if self.metrics_every < 0:
            raise ValueError(f"metrics_every must be 0 (off) or more (got {metrics_every})")
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
        self._params_changed()
        # Gradient norms: |dW| per layer from the gradient buffer, |δ| = |∂J/∂Z| per layer from
        # the batch's backward buffers (one reduction each when they are contiguous blocks).
        self.grad_history = GradientHistory(self.net.n_layers, self.grad_every)
        self._grad_due = self.grad_history.due_from(0)
        self._weight_norms = BlockNorms(self.net.dW)
        self._delta_norms = BlockNorms(self._batch.dZ)
        self._costs = np.empty(1024)  # every step's cost, filled by the batch a chunk at a time
        # Accuracies and |dW| every ``metrics_every`` iterations (see engine.metrics).
        self.metrics = MetricsLog(self.net.n_layers, self.metrics_every)
        self._train_labels = self.data.train_Y[0] == 1.0
        self._test_labels = self.data.test_Y[0] == 1.0
        self._metrics_due = self.metrics.due_from(0)
        self._grid: tuple | None = None  # the boundary grid's points and scratch (predict_grid)

    def replica(self) -> Trainer:
        """A trainer of the same network on the same data that records nothing: the scratch
        in which a timeline replays a stretch of this run (see :mod:`engine.timeline`)."""
        return Trainer(self.config, self.data, grad_every=0, metrics_every=0)

    def restore(self, iteration: int, params: np.ndarray, learning_rate: float) -> None:
        """Stand at ``iteration`` with these parameters (a key frame), as if trained there.

        The cost, gradient and metrics records start afresh from ``iteration``: what the
        trainer computes from here on is bit for bit what the original run computed.
        """
        self.reset()
        self.net.flat[...] = params
        self.iteration = int(iteration)
        self.learning_rate = learning_rate
        self._grad_due = self.grad_history.due_from(self.iteration)
        self._metrics_due = self.metrics.due_from(self.iteration)

    def adopt(self, replay: Trainer) -> None:
        """Carry on from ``replay`` (this run replayed to one of its earlier iterations): its
        parameters, last gradient and learning rate become this run's, and every record from
        its iteration on is forgotten.  A branch: what follows is a new future of the run."""
        k = replay.iteration
        self.net.flat[...] = replay.net.flat
        self.net.grad_flat[...] = replay.net.grad_flat
        self.iteration, self.learning_rate = k, replay.learning_rate
        self.history.drop_from(k)
        self.grad_history.drop_from(k)
        self.metrics.drop_from(k)
        self._grad_due = self.grad_history.due_from(k)
        self._metrics_due = self.metrics.due_from(k)
        self.diverged_at = None
        self._cost_at = None
        self._params_changed()

    def _params_changed(self) -> None:
        """Forget what was computed from the parameters: they are about to change, or just did."""
        #: the iteration whose parameters' training forward pass the batch's buffers hold, if any
        #: (:meth:`_forward`): the next step starts from it rather than computing it again
        self._forward_at: int | None = None
        self._test_accuracy_at: tuple[int, float] | None = None
        self._test_scratch: np.ndarray | None = None  # the test pass's buffers (test_accuracy)

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
        if self.diverged_at is not None or n <= 0:
            return 0
        start_it = self.iteration
        backup = None if record_every == 1 else self.net.flat.copy()
        self._run(n, record_every, probe=False)
        went_bad = self.diverged_at is not None or not np.isfinite(self.net.flat).all()
        if backup is not None and went_bad:
            self.net.flat[...] = backup
            self.iteration, self.diverged_at = start_it, None
            self.grad_history.drop_from(start_it)
            self._grad_due = self.grad_history.due_from(start_it)
            self.metrics.drop_from(start_it)
            self._metrics_due = self.metrics.due_from(start_it)
            self._run(n, record_every, probe=True)
        if self.diverged_at is None and not np.isfinite(self.net.flat).all():
            self.diverged_at = self.iteration  # only reachable with record_every == 0
        return self.iteration - start_it

    def advanced(self, n: int, recorded: Sequence[tuple[int, float]]) -> None:
        """``n`` steps were taken on ``net`` from outside (a lockstep batch), with the costs
        ``recorded`` at ``(iteration, cost)``: count them and keep the costs as ``step`` would.

        Only for a trainer that records nothing else between costs (``grad_every`` and
        ``metrics_every`` 0), and only with finite costs and weights.
        """
        history = self.history
        for it, cost in recorded:
            if history.next_iteration() <= it:
                history.append(it, cost)
            self._cost_at = (it, cost)
        self.iteration += n
        self._params_changed()

    def _run(self, n: int, record_every: int, probe: bool) -> None:
        """The training loop; ``probe`` computes the cost at every step to catch divergence.

        The batch runs many steps per call (``TrainingBatch.run``): the steps between two recorded
        costs, or, when every step's cost is needed, up to ``len(self._costs)`` steps whose costs
        it writes into ``self._costs``.  A chunk also ends after each step whose gradient norms
        are due (every ``grad_every`` iterations), so they are read from the gradient buffers
        while those still hold that step's gradient; and before and after each step whose
        metrics row is due (every ``metrics_every``): accuracies before its update, ``|dW|``
        after its gradient.
        """
        batch, lr, history = self._batch, self.learning_rate, self.history
        every = 1 if probe else record_every
        it = self.iteration
        end = it + n
        grad_due, metrics_due = self._grad_due, self._metrics_due
        fresh = self._forward_at == it  # the first step starts from the forward pass done
        self._params_changed()
        if every == 1:
            self._run_costing(it, end, record_every, grad_due, metrics_due, fresh)
            return
        row = None  # the metrics row of iteration ``metrics_due``, once its accuracies are in
        while it < end:
            if it == metrics_due:
                row = self._open_metrics(it)
            if every and it % every == 0:
                cost = batch.step(lr, True, fresh)  # no step is taken when it is not finite
                self._cost_at = (it, cost)
                if not math.isfinite(cost):
                    self.diverged_at = it
                    break
                if history.next_iteration() <= it:
                    history.append(it, cost)
                it += 1
            else:
                # Steps to take before the gradient norms of iteration ``grad_due`` must be read,
                # and before (then just after) the step of iteration ``metrics_due``.
                until_grad = grad_due - it + 1 if grad_due >= it else end - it
                until_metrics = max(metrics_due - it, 1) if metrics_due >= it else end - it
                k = min(end - it, every - it % every if every else end - it, until_grad)
                it += batch.run(min(k, until_metrics), lr, fresh=fresh)
            fresh = False
            if it - 1 == grad_due:
                grad_due = self._record_gradients(grad_due)
            if row is not None and it - 1 == metrics_due:
                metrics_due = self._close_metrics(row)
                row = None
        self.iteration = it
        self._grad_due, self._metrics_due = grad_due, metrics_due

    def _run_costing(
        self, it: int, end: int, record_every: int, grad_due: int, metrics_due: int, fresh: bool
    ) -> None:
        """``_run`` when every step's cost is computed: chunks of steps write their costs into
        consecutive stretches of ``self._costs``, which goes to the history when full."""
        batch, lr, buf = self._batch, self.learning_rate, self._costs
        size = len(buf)
        start, pos = it, 0  # buf[0:pos] holds the costs of iterations start .. start+pos-1
        diverged = False
        row = None
        while it < end:
            if it == metrics_due:
                row = self._open_metrics(it)
            until_grad = grad_due - it + 1 if grad_due >= it else end - it
            until_metrics = max(metrics_due - it, 1) if metrics_due >= it else end - it
            k = min(end - it, size - pos, until_grad, until_metrics)
            taken = batch.run(k, lr, buf[pos : pos + k], fresh)
            fresh = False
            computed = min(taken + 1, k)  # a non-finite cost is stored too
            self._cost_at = (it + computed - 1, float(buf[pos + computed - 1]))
            pos += taken
            it += taken
            if taken < k:
                diverged = True
            else:
                if it - 1 == grad_due:
                    grad_due = self._record_gradients(grad_due)
                if row is not None and it - 1 == metrics_due:
                    metrics_due = self._close_metrics(row)
                    row = None
            if diverged or pos == size or it == end:
                if record_every:
                    self._keep_costs(start, buf[:pos], record_every)
                start, pos = it, 0
            if diverged:
                self.diverged_at = it
                break
        self.iteration = it
        self._grad_due, self._metrics_due = grad_due, metrics_due

    def _open_metrics(self, it: int) -> np.ndarray:
        """Start iteration ``it``'s metrics row, before its step: the test accuracy.

        The same arithmetic as :meth:`test_accuracy` (``predict_proba`` on fresh arrays; the
        batch's training buffers are left alone), counted without the int64 detour.
        """
        row = self.metrics.open_row(it)
        proba = self.net.predict_proba(self.data.test_X)
        row[1] = np.count_nonzero(np.equal(proba[0] > 0.5, self._test_labels)) / proba.shape[1]
        return row

    def _close_metrics(self, row: np.ndarray) -> int:
        """Finish the open metrics row after its step; returns the next iteration due.

        The step's forward pass left the output of the parameters *before* its update on the
        training data in the batch's buffer (the same operations as ``predict_proba``, so the
        same bits): the train accuracy is read from there, then ``|dW|`` of the step's gradient.
        """
        out = self._batch.A[-1]
        row[0] = np.count_nonzero(np.equal(out[0] > 0.5, self._train_labels)) / out.shape[1]
        grads = row[2:]
        self._weight_norms.squared(grads)
        np.sqrt(grads, grads)
        return self.metrics.commit()

    def _keep_costs(self, start: int, costs: np.ndarray, record_every: int) -> None:
        """Record ``costs[i]`` (the cost at iteration ``start + i``) at the multiples of
        ``record_every`` not yet in the history."""
        history = self.history
        first = max(start, history.next_iteration())
        if record_every == 1:
            history.extend(first, costs[first - start :])
        else:
            first += -first % record_every
            for j in range(first, start + len(costs), record_every):
                history.append(j, float(costs[j - start]))

    def _record_gradients(self, it: int) -> int:
        """Store the norms of iteration ``it``'s gradient (the last step's); returns the next
        iteration due."""
        weights, deltas = self.grad_history.open_row(it)
        self._weight_norms.squared(weights)
        self._delta_norms.squared(deltas)
        return self.grad_history.commit()

    # -- where the run stands ------------------------------------------------------------------
    # Everything below about the training data reads one forward pass of the current parameters,
    # done into the batch's buffers (the same operations as ``predict_proba``, so the same bits)
    # at most once per iteration; the next step starts from it instead of computing it again.
    @_quiet
    def _forward(self) -> TrainingBatch:
        """The batch, its buffers holding the training forward pass of the current parameters."""
        if self._forward_at != self.iteration:
            self._batch.forward()
            self._forward_at = self.iteration
        return self._batch

    @_quiet
    def cost(self) -> float:
        """Cost of the current parameters (the stable log loss), computed once per iteration."""
        if self._cost_at is None or self._cost_at[0] != self.iteration:
            self._cost_at = (self.iteration, self._forward().loss())
        return self._cost_at[1]

    @_quiet
    def predictions(self, X: np.ndarray) -> np.ndarray:
        """0/1 predictions, ``(1, m)``: probability > 0.5 is class 1."""
        return (self.net.predict_proba(X) > 0.5).astype(np.int64)

    def accuracy(self, X: np.ndarray, Y: np.ndarray) -> float:
        """Fraction of columns of ``X`` classified as ``Y`` says."""
        return _accuracy(self.predictions(X), Y)

    @_quiet
    def train_accuracy(self) -> float:
        """``accuracy`` on the training data, from the current forward pass."""
        return _accuracy((self._forward().A[-1] > 0.5).astype(np.int64), self.data.train_Y)

    @_quiet
    def test_accuracy(self) -> float:
        """``accuracy`` on the test data, computed once per iteration."""
        if self._test_accuracy_at is None or self._test_accuracy_at[0] != self.iteration:
            # kept scratch, same bits as ``accuracy`` (fresh arrays cost megabytes a frame)
            if self._test_scratch is None:
                self._test_scratch = self.net.scratch_for(self.data.test_X.shape[1])
            probs = self.net.predict_proba_into(self.data.test_X, self._test_scratch)
            right = _accuracy((probs > 0.5).astype(np.int64), self.data.test_Y)
            self._test_accuracy_at = (self.iteration, right)
        return self._test_accuracy_at[1]

    @_quiet
    def saturated_count(self) -> int:
        """Training points whose output is exactly 0.0 or 1.0 in float64 (naive log loss = inf)."""
        return _saturated(self._forward().A[-1])

    @_quiet
    def diagnostics(self) -> Diagnostics:
        """Gradient-norm history, activation histograms, distinct neurons and dead units, now.

        Activations are those of the current parameters on the training data; dead units follow
        :data:`engine.diagnostics.DEAD_RULES` for the hidden activation.
        """
        activation = self.config.activation
        acts = self._forward().A[1:-1]  # the hidden layers' (views: only numbers leave here)
        return Diagnostics(
            iteration=self.iteration,
            activation=activation,
            grad_norms=self.grad_history.view(),
            activation_hists=tuple(activation_histogram(A, activation) for A in acts),
            distinct_neurons=layer_distinct_neurons(self.net),
            dead_units=tuple((dead_units(A, activation), int(A.shape[0])) for A in acts),
            flat_fractions=tuple(flat_fraction(A, activation) for A in acts),
            dead_rule=DEAD_RULES[activation],
            saturated=self.saturated_count(),
            n_train=int(self.data.train_Y.shape[1]),
        )

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
        key = (tuple(bounds), nx, ny)
        if self._grid is None or self._grid[0] != key:
            # The grid's points and scratch space are kept for the next frame's grid (the same,
            # unless the resolution budget changed): see Network.predict_proba_into.
            xs = np.linspace(bounds[0], bounds[1], nx)
            ys = np.linspace(bounds[2], bounds[3], ny)
            gx, gy = np.meshgrid(xs, ys)
            points = np.vstack([gx.ravel(), gy.ravel()])
            self._grid = (key, xs, ys, points, self.net.scratch_for(nx * ny))
        _key, xs, ys, points, scratch = self._grid
        probs = self.net.predict_proba_into(points, scratch).reshape(ny, nx)
        boundary = contour_segments(xs, ys, probs, 0.5)
        return GridPrediction(*(frozen_copy(a) for a in (xs, ys, probs, boundary)))

    def _known_test_accuracy(self) -> float | None:
        """This iteration's test accuracy if it was computed already (a metrics row), else None."""
        known = self._test_accuracy_at
        return known[1] if known is not None and known[0] == self.iteration else None

    @_quiet
    def snapshot(
        self,
        run_id: int = 0,
        grid_resolution: int | None = None,
        grid_bounds: tuple[float, float, float, float] | None = None,
        with_diagnostics: bool = True,
        with_layers: bool = True,
        with_test_accuracy: bool = True,
    ) -> Snapshot:
        """A frozen picture of the run (copies only): safe to hand to another thread.

        ``with_layers=False`` and ``with_diagnostics=False`` leave out the per-layer copies and
        the diagnostics, for frames that only need the numbers and the cost history;
        ``with_test_accuracy=False`` leaves ``test_accuracy`` ``None`` unless this iteration's is
        already known (it is a forward pass over the test set: at 100,100 on 3000 points, ~1 ms
        in each of 25 frames a second).
        """
        grid = None
        if grid_resolution:
            grid = self.predict_grid(grid_bounds or self.grid_bounds(), grid_resolution)
        layers = tuple(
            LayerState(frozen_copy(W), frozen_copy(b), frozen_copy(dW), frozen_copy(db))
            for W, b, dW, db in zip(self.net.W, self.net.b, self.net.dW, self.net.db)
            if with_layers
        )
        # The cost, train accuracy, saturation count and diagnostics share one forward pass,
        # which the next step reuses (see _forward).
        return Snapshot(
            run_id=run_id,
            iteration=self.iteration,
            cost=self.cost(),
            train_accuracy=self.train_accuracy(),
            test_accuracy=(
                self.test_accuracy() if with_test_accuracy else self._known_test_accuracy()
            ),
            saturated=self.saturated_count(),
            n_train=int(self.data.train_Y.shape[1]),
            layers=layers,
            history=self.history.view(),
            grid=grid,
            learning_rate=self.learning_rate,
            diverged_at=self.diverged_at,
            diagnostics=self.diagnostics() if with_diagnostics else None,
            metrics=self.metrics.view(),
        )
