"""A fully connected binary classifier of any depth, fast for the tutorial's tiny sizes.

For a [2, 10, 5, 1] network on 300 points nearly all the time of a training step is Python and call
overhead, not arithmetic.  So the parameters live in one flat buffer (each W and b is a view into it),
the gradients in a second one of the same layout, and every intermediate of the training step in
preallocated arrays written with ``out=``: one update is two NumPy calls for the whole network.
The operations and their order are the tutorial's, so its printed numbers come out bit for bit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engine.activations import ACTIVATIONS, Activation, sigmoid

__all__ = ["Network", "TrainingBatch", "stable_loss"]


def stable_loss(z: np.ndarray, Y: np.ndarray) -> float:
    """Mean binary cross-entropy from the output logits ``z``, finite for any finite ``z``.

    ``-log(sigmoid(z)) = log(1 + e^-z)`` and ``-log(1 - sigmoid(z)) = log(1 + e^z)``, i.e.
    ``logaddexp(0, s·z)`` with ``s = 1 - 2y``.  The tutorial's naive form first rounds sigmoid(z) to
    exactly 0.0 or 1.0 when |z| > ~37 and then takes log(0) = -inf.
    """
    return float(np.logaddexp(0.0, (1.0 - 2.0 * Y) * z).sum() * (1.0 / Y.shape[1]))


def _views(flat: np.ndarray, dims: Sequence[int]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Carve ``flat`` into per-layer ``W (n_out, n_in)`` and ``b (n_out, 1)`` views."""
    Ws, bs, offset = [], [], 0
    for n_in, n_out in zip(dims[:-1], dims[1:]):
        Ws.append(flat[offset : offset + n_out * n_in].reshape(n_out, n_in))
        offset += n_out * n_in
        bs.append(flat[offset : offset + n_out].reshape(n_out, 1))
        offset += n_out
    return Ws, bs


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
        for (W0, b0), W, b in zip(params, self.W, self.b, strict=True):
            W[...] = W0
            b[...] = b0

    @property
    def n_layers(self) -> int:
        return len(self.W)

    def forward(self, X: np.ndarray) -> list[np.ndarray]:
        """Activations ``[X, A1, ..., A_L]`` for any batch (allocates; for predictions, not training)."""
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

    def get_params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of ``(W, b)`` per layer."""
        return [(W.copy(), b.copy()) for W, b in zip(self.W, self.b)]


class TrainingBatch:
    """A network bound to its training data, with every buffer of a training step preallocated.

    ``step`` runs forward, (optionally) the loss, backward and the update, in the tutorial's order and
    with the tutorial's floating-point operations.
    """

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray) -> None:
        self.net = net
        self.X = np.ascontiguousarray(X, dtype=np.float64)
        self.Y = np.ascontiguousarray(Y, dtype=np.float64)
        m = self.X.shape[1]
        self.m = m
        sizes = net.layer_dims[1:]
        self.Z = [np.empty((n, m)) for n in sizes]
        self.A = [self.X, *(np.empty((n, m)) for n in sizes)]
        self.dZ = [np.empty((n, m)) for n in sizes]
        self.dA = [np.empty((n, m)) for n in sizes]
        self.masks = [np.empty((n, m), dtype=bool) for n in sizes]
        self._one_minus_y = (1.0 - self.Y).ravel()
        self._T = np.empty((1, m))  # 1 + exp(-z_L): the sigmoid's denominator, reused by the loss
        self._loss_buf = np.empty((1, m))
        self._inv_m = 1.0 / m
        self._z_out = self.Z[-1][0]
        # Per-layer argument tuples, built once: views never move (the flat buffers are never
        # reallocated), and a training step then spends no time creating them.
        L = net.n_layers
        self._hidden_plan = [(net.W[k], net.b[k], self.A[k], self.Z[k], self.A[k + 1])
                             for k in range(L - 1)]
        self._output_plan = (net.W[-1], net.b[-1], self.A[L - 1], self.Z[-1])
        self._backward_plan = [
            (
                self.dZ[k], self.A[k].T, net.dW[k], net.db[k][:, 0],
                None if k == 0 else
                (net.W[k].T, self.dA[k - 1], self.Z[k - 1], self.A[k], self.dZ[k - 1],
                 self.masks[k - 1]),
            )
            for k in reversed(range(L))
        ]

    def forward(self) -> None:
        """Fill ``Z`` and ``A`` for the training data with the current parameters."""
        act = self.net.activation.forward
        for W, b, A_prev, Z, A in self._hidden_plan:
            np.dot(W, A_prev, out=Z)
            Z += b
            act(Z, A)
        W, b, A_prev, Z = self._output_plan
        np.dot(W, A_prev, out=Z)
        Z += b
        T = self._T  # the tutorial's 1 / (1 + exp(-z)), keeping the denominator for ``loss``
        np.negative(Z, out=T)
        np.exp(T, out=T)
        np.add(T, 1.0, out=T)
        np.divide(1.0, T, out=self.A[-1])

    def loss(self) -> float:
        """Stable mean cross-entropy of the last ``forward``.

        With ``T = 1 + e^-z``: ``-log σ(z) = log T`` and ``-log(1 - σ(z)) = log T + z``, so the loss
        is ``Σ log T + Σ (1 - y)·z``, exact to rounding and reusing the forward pass.  Only when
        ``e^-z`` overflows (z < -709) is ``log T`` infinite; then fall back to ``logaddexp``.
        """
        buf = self._loss_buf
        np.log(self._T, out=buf)
        total = buf.sum() + np.dot(self._one_minus_y, self._z_out)
        if not np.isfinite(total):
            return stable_loss(self.Z[-1], self.Y)
        return float(total * self._inv_m)

    def backward(self) -> None:
        """Gradients of the mean cross-entropy into ``net.dW`` / ``net.db`` (the tutorial's formulas)."""
        dZ_out = self.dZ[-1]
        np.subtract(self.A[-1], self.Y, out=dZ_out)
        np.multiply(self._inv_m, dZ_out, out=dZ_out)
        back = self.net.activation.backward
        for dZ, A_prev_T, dW, db, back_args in self._backward_plan:
            np.dot(dZ, A_prev_T, out=dW)
            np.add.reduce(dZ, axis=1, out=db)  # np.sum's own loop, without its overhead
            if back_args is not None:
                W_T, dA, Z_prev, A_prev, dZ_prev, mask = back_args
                np.dot(W_T, dZ, out=dA)
                back(dA, Z_prev, A_prev, dZ_prev, mask)

    def update(self, learning_rate: float) -> None:
        """``θ ← θ - lr·∇θ`` for every parameter at once, through the flat buffers."""
        net = self.net
        np.multiply(learning_rate, net.grad_flat, out=net._update_tmp)
        np.subtract(net.flat, net._update_tmp, out=net.flat)

    def step(self, learning_rate: float, with_loss: bool) -> float | None:
        """One gradient-descent step; returns the cost *before* the update when asked for it."""
        self.forward()
        cost = self.loss() if with_loss else None
        self.backward()
        self.update(learning_rate)
        return cost
