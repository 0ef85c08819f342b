"""A fully connected binary classifier of any depth, fast for the tutorial's tiny sizes.

For a [2, 10, 5, 1] network on 300 points most of the time of a training step is the fixed cost
of each NumPy call, not arithmetic, so the step makes as few calls as it can, each as cheap as it
can (every choice below was timed against the alternatives):

- the parameters live in one flat buffer (each W and b is a view into it) and the gradients in a
  second one of the same layout, so one update is two NumPy calls for the whole network;
- that layout puts all the weights first and all the biases after them, so every layer's ``db`` is
  one block: one row-wise reduction over the stacked ``dZ`` of all layers fills them all;
- the hidden layers' ``Z`` and ``A`` are stacked too, so the activation's derivative ``g'`` is one
  call for every hidden layer, and each layer's backward step is then ``dA = Wᵀ·dZ`` and one
  in-place multiplication by ``g'`` (a float 0/1 for ReLU: no bool-to-float cast per layer);
- the loss is ``log`` and one dot product, reusing the sigmoid's denominator;
- every intermediate is a preallocated array written with ``out=`` (positionally), constants are
  read-only 0-d arrays (a Python float costs each call ~0.4 µs of conversion), and ``run`` does
  many steps per call with everything in local variables.

The floating-point operations and their order are the tutorial's (each row of ``db`` is still
NumPy's pairwise sum of that row, ``da·1.0`` is ``da``), so its weights come out bit for bit.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

import numpy as np

from engine.activations import ACTIVATIONS, Activation, sigmoid

__all__ = ["Network", "TrainingBatch", "forward_into", "stable_loss"]

_ONE = np.array(1.0)
_ONE.flags.writeable = False


def stable_loss(z: np.ndarray, Y: np.ndarray) -> float:
    """Mean binary cross-entropy from the output logits ``z``, finite for any finite ``z``.

    ``-log(sigmoid(z)) = log(1 + e^-z)`` and ``-log(1 - sigmoid(z)) = log(1 + e^z)``, i.e.
    ``logaddexp(0, s·z)`` with ``s = 1 - 2y``.  The tutorial's naive form first rounds sigmoid(z) to
    exactly 0.0 or 1.0 when |z| > ~37 and then takes log(0) = -inf.
    """
    return float(np.logaddexp(0.0, (1.0 - 2.0 * Y) * z).sum() * (1.0 / Y.shape[1]))


def _views(flat: np.ndarray, dims: Sequence[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Carve ``flat`` into per-layer ``W (n_out, n_in)`` views, then ``b (n_out, 1)`` views.

    All weights come first, then all biases in layer order: the biases form one contiguous block.
    Leading axes are kept: a ``(B, size)`` stack of networks gives ``W (B, n_out, n_in)`` views
    (:mod:`engine.lockstep`), in the very layout each network's own buffer has.
    """
    lead = flat.shape[:-1]
    Ws, bs, offset = [], [], 0
    for n_in, n_out in itertools.pairwise(dims):
        Ws.append(flat[..., offset : offset + n_out * n_in].reshape(*lead, n_out, n_in))
        offset += n_out * n_in
    for n_out in dims[1:]:
        bs.append(flat[..., offset : offset + n_out].reshape(*lead, n_out, 1))
        offset += n_out
    return Ws, bs


def _stack(
    rows: Sequence[int], m: int, lead: tuple[int, ...] = ()
) -> tuple[np.ndarray, list[np.ndarray]]:
    """One ``(*lead, sum(rows), m)`` buffer and its consecutive ``(*lead, rows[k], m)`` views."""
    whole = np.empty((*lead, sum(rows), m))
    parts, offset = [], 0
    for n in rows:
        parts.append(whole[..., offset : offset + n, :])
        offset += n
    return whole, parts


class Network:
    """Hidden layers with one activation, a sigmoid output unit, parameters in one flat buffer."""

    def __init__(
        self,
        layer_dims: Sequence[int],
        params: Sequence[tuple[np.ndarray, np.ndarray]],
        activation: str = "relu",
    ) -> None:
        self.layer_dims = tuple(int(d) for d in layer_dims)
        self.activation: Activation = ACTIVATIONS[activation]
        size = sum(o * i + o for i, o in zip(self.layer_dims[:-1], self.layer_dims[1:]))
        self.flat = np.zeros(size)
        self.grad_flat = np.zeros(size)
        self._update_tmp = np.zeros(size)
        self.W, self.b = _views(self.flat, self.layer_dims)
        self.dW, self.db = _views(self.grad_flat, self.layer_dims)
        #: Every layer's ``db`` as one block of ``grad_flat`` (see ``_views``).
        self.db_flat = self.grad_flat[size - sum(self.layer_dims[1:]) :]
        for (W0, b0), W, b in zip(params, self.W, self.b, strict=True):
            W[...] = W0
            b[...] = b0

    @property
    def n_layers(self) -> int:
        return len(self.W)

    def forward(self, X: np.ndarray) -> list[np.ndarray]:
        """Activations ``[X, A1, ..., A_L]`` for any batch (allocates: for predictions only)."""
        acts = [X]
        for W, b in zip(self.W[:-1], self.b[:-1]):
            Z = np.dot(W, acts[-1]) + b
            self.activation.forward(Z, Z)
            acts.append(Z)
        acts.append(sigmoid(self.logits_from(acts[-1])))
        return acts

    def logits_from(self, A_last_hidden: np.ndarray) -> np.ndarray:
        """The output unit's pre-activation ``z_L`` given the last hidden layer's activations."""
        return np.dot(self.W[-1], A_last_hidden) + self.b[-1]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Probability of class 1 for each column of ``X``, shape ``(1, m)``."""
        return self.forward(X)[-1]

    def predict_proba_into(self, X: np.ndarray, scratch: np.ndarray) -> np.ndarray:
        """``predict_proba`` computed in ``scratch``, shape ``(2, max units, m)``; returns a view.

        The same operations in the same order as :meth:`forward`, so the same bits.  For the
        boundary grid of every frame: fresh megabyte arrays cost page faults, ~4x the
        arithmetic (3.2 ms against 0.7 ms for 22,500 points).  The result lives in ``scratch``:
        copy it before the next call.
        """
        A = X
        for k, (W, b) in enumerate(zip(self.W, self.b)):
            Z = scratch[k % 2, : W.shape[0]]
            np.dot(W, A, out=Z)
            np.add(Z, b, out=Z)
            if k < len(self.W) - 1:
                self.activation.forward(Z, Z)
            A = Z
        return sigmoid(A, out=A)

    def scratch_for(self, m: int) -> np.ndarray:
        """Scratch space for :meth:`predict_proba_into` on ``m`` points."""
        return np.empty((2, max(W.shape[0] for W in self.W), m))

    def get_params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of ``(W, b)`` per layer."""
        return [(W.copy(), b.copy()) for W, b in zip(self.W, self.b)]


def forward_into(
    product: Callable,
    hidden_plan: Sequence[tuple[np.ndarray, ...]],
    output_plan: tuple[np.ndarray, ...],
    activation: Callable[[np.ndarray, np.ndarray], object],
    E: np.ndarray,
    T: np.ndarray,
    A_out: np.ndarray,
) -> None:
    """The training forward pass on preallocated buffers, for one network or a stack of them.

    ``hidden_plan`` holds ``(W, b, A_prev, Z, A)`` per hidden layer and ``output_plan`` the
    output's ``(W, b, A_prev, Z)``; ``product`` is ``np.dot`` (one network) or ``np.matmul`` (a
    stack).  The output is the tutorial's ``1 / (1 + exp(-z))``, keeping ``E = e^-z`` and
    ``T = 1 + e^-z`` for the loss.
    """
    add = np.add
    for W, b, A_prev, Z, A in hidden_plan:
        product(W, A_prev, Z)
        add(Z, b, Z)
        activation(Z, A)
    W, b, A_prev, Z = output_plan
    product(W, A_prev, Z)
    add(Z, b, Z)
    np.negative(Z, E)
    np.exp(E, E)
    add(E, _ONE, T)
    np.divide(_ONE, T, A_out)


class TrainingBatch:
    """A network bound to its training data, with every buffer of a training step preallocated.

    ``run(n, lr)`` takes ``n`` steps (forward, optionally the cost, backward, update) in the
    tutorial's order with the tutorial's floating-point operations; ``step`` is one of them.
    ``forward``, ``loss``, ``backward`` and ``update`` are the same computation one phase per call;
    ``run`` inlines them, since at these sizes even a method call per phase shows.
    """

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray) -> None:
        self.net = net
        self.X = np.ascontiguousarray(X, dtype=np.float64)
        self.Y = np.ascontiguousarray(Y, dtype=np.float64)
        m = self.X.shape[1]
        self.m = m
        sizes = net.layer_dims[1:]
        hidden = sizes[:-1]
        L = net.n_layers
        # Hidden layers' Z, A and g'(Z) stacked (one activation-derivative call for all of them);
        # every layer's dZ stacked, output last (one reduction for all the db).
        self._Z_hidden, Z_hidden = _stack(hidden, m)
        self._A_hidden, A_hidden = _stack(hidden, m)
        self._G_hidden, self.G = _stack(hidden, m)
        self._dZ_all, self.dZ = _stack(sizes, m)
        # The loss is one dot product: [1..1, (1-y)] · [log T, z_L], so z_L lives in the second row
        # of the buffer whose first row receives log T.
        self._loss_terms = np.empty((2, m))
        self._log_T = self._loss_terms[0:1]
        self._loss_terms_flat = self._loss_terms.reshape(-1)
        self._loss_weights = np.concatenate([np.ones(m), 1.0 - self.Y.ravel()])
        self.Z = [*Z_hidden, self._loss_terms[1:2]]
        self.A = [self.X, *A_hidden, np.empty((1, m))]
        self._E = np.empty((1, m))  # exp(-z_L), kept for the loss's log1p
        self._T = np.empty((1, m))  # 1 + exp(-z_L): the sigmoid's denominator
        self._inv_m = 1.0 / m
        self._inv_m_arr = np.array(self._inv_m)
        self._one_cost = np.empty(1)
        self._lr = np.array(0.0)  # the learning rate as a 0-d array, refreshed when it changes
        # Per-layer argument tuples, built once: views never move (the flat buffers are never
        # reallocated), and a training step then spends no time creating them.
        self._hidden_plan = tuple(
            (net.W[k], net.b[k], self.A[k], self.Z[k], self.A[k + 1]) for k in range(L - 1)
        )
        self._output_plan = (net.W[-1], net.b[-1], self.A[L - 1], self.Z[-1])
        self._backward_plan = tuple(
            (
                self.dZ[k],
                self.A[k].T,
                net.dW[k],
                None if k == 0 else (net.W[k].T, self.G[k - 1], self.dZ[k - 1]),
            )
            for k in reversed(range(L))
        )

    # -- the step in separate phases -------------------------------------------------------------
    def forward(self) -> None:
        """Fill ``Z`` and ``A`` for the training data with the current parameters."""
        forward_into(
            np.dot,
            self._hidden_plan,
            self._output_plan,
            self.net.activation.forward,
            self._E,
            self._T,
            self.A[-1],
        )

    def loss(self) -> float:
        """Stable mean cross-entropy of the last ``forward``.

        With ``T = 1 + e^-z``: ``-log σ(z) = log T`` and ``-log(1 - σ(z)) = log T + z``, so the loss
        is ``Σ log T + Σ (1 - y)·z``, reusing the forward pass: one ``log1p(e^-z)`` (accurate
        even where 1 + e^-z rounds to 1) and one dot product ``[1, …, 1, 1 - y] · [log T, z]``.
        Only when ``e^-z`` overflows (z < -709) is ``log T`` infinite; then fall back to
        ``logaddexp``.
        """
        np.log1p(self._E, self._log_T)  # log(1 + e^-z) without rounding 1 + e^-z first
        total = float(np.dot(self._loss_weights, self._loss_terms_flat))
        if not math.isfinite(total):
            return stable_loss(self.Z[-1], self.Y)
        return total * self._inv_m

    def backward(self) -> None:
        """Gradients of the mean cross-entropy into ``net.dW`` / ``net.db``, the tutorial's way."""
        dZ_out = self.dZ[-1]
        np.subtract(self.A[-1], self.Y, dZ_out)
        np.multiply(self._inv_m_arr, dZ_out, dZ_out)
        self.net.activation.derivative(self._Z_hidden, self._A_hidden, self._G_hidden)
        dot, multiply = np.dot, np.multiply
        for dZ, A_prev_T, dW, below in self._backward_plan:
            dot(dZ, A_prev_T, dW)
            if below is not None:  # dA = Wᵀ·dZ, then dZ_below = dA·g'(Z_below), in place
                W_T, G, dZ_below = below
                dot(W_T, dZ, dZ_below)
                multiply(dZ_below, G, dZ_below)
        # Each row is summed on its own, exactly like the tutorial's per-layer np.sum(dz, axis=1).
        np.add.reduce(self._dZ_all, 1, None, self.net.db_flat)

    def update(self, learning_rate: float) -> None:
        """``θ ← θ - lr·∇θ`` for every parameter at once, through the flat buffers."""
        net = self.net
        np.multiply(self._lr_array(learning_rate), net.grad_flat, net._update_tmp)
        np.subtract(net.flat, net._update_tmp, net.flat)

    def _lr_array(self, learning_rate: float) -> np.ndarray:
        lr = self._lr
        if lr[()] != learning_rate:
            lr[()] = learning_rate
        return lr

    # -- the step in one go ----------------------------------------------------------------------
    def step(self, learning_rate: float, with_loss: bool, fresh: bool = False) -> float | None:
        """One gradient-descent step; returns the cost *before* the update when asked for it.

        A non-finite cost is returned without taking the step (backward and update are skipped).
        ``fresh`` as in :meth:`run`.
        """
        if not with_loss:
            self.run(1, learning_rate, fresh=fresh)
            return None
        self.run(1, learning_rate, self._one_cost, fresh)
        return float(self._one_cost[0])

    def run(
        self,
        n: int,
        learning_rate: float,
        costs: np.ndarray | None = None,
        fresh: bool = False,
    ) -> int:
        """``n`` gradient-descent steps, the same arithmetic as forward/loss/backward/update.

        ``costs``, if given (a float array of at least ``n``), receives at ``[i]`` the cost before
        step ``i``'s update; a non-finite cost is stored and stops the run before that update.
        ``fresh`` says the buffers already hold the forward pass of the current parameters (a
        ``forward`` since the last update): the first step then starts from it.
        Returns the number of steps taken (``n`` unless a cost was not finite).
        """
        if fresh and n > 0:
            if costs is not None:
                cost = costs[0] = self.loss()
                if not math.isfinite(cost):
                    return 0
            self.backward()
            self.update(learning_rate)
            return 1 + self.run(n - 1, learning_rate, None if costs is None else costs[1:])
        net = self.net
        act, derivative = net.activation.forward, net.activation.derivative
        hidden_plan, backward_plan = self._hidden_plan, self._backward_plan
        W_out, b_out, A_last, Z_out = self._output_plan
        T, E, A_out, Y = self._T, self._E, self.A[-1], self.Y
        dZ_out, inv_m = self.dZ[-1], self._inv_m_arr
        Z_hid, A_hid, G_hid, dZ_all = self._Z_hidden, self._A_hidden, self._G_hidden, self._dZ_all
        db_flat, flat, grad, tmp = net.db_flat, net.flat, net.grad_flat, net._update_tmp
        lr = self._lr_array(learning_rate)
        dot, add, multiply, subtract = np.dot, np.add, np.multiply, np.subtract
        negative, exp, divide, reduce = np.negative, np.exp, np.divide, np.add.reduce
        loss = self.loss
        for i in range(n):
            for W, b, A_prev, Z, A in hidden_plan:
                dot(W, A_prev, Z)
                add(Z, b, Z)
                act(Z, A)
            dot(W_out, A_last, Z_out)
            add(Z_out, b_out, Z_out)
            negative(Z_out, E)
            exp(E, E)
            add(E, _ONE, T)
            divide(_ONE, T, A_out)
            if costs is not None:
                cost = costs[i] = loss()
                if not math.isfinite(cost):
                    return i
            subtract(A_out, Y, dZ_out)
            multiply(inv_m, dZ_out, dZ_out)
            derivative(Z_hid, A_hid, G_hid)
            for dZ, A_prev_T, dW, below in backward_plan:
                dot(dZ, A_prev_T, dW)
                if below is not None:
                    W_T, G, dZ_below = below
                    dot(W_T, dZ, dZ_below)
                    multiply(dZ_below, G, dZ_below)
            reduce(dZ_all, 1, None, db_flat)
            multiply(lr, grad, tmp)
            subtract(flat, tmp, flat)
        return n
