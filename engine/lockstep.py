"""Several networks of one shape, trained on the same data, a NumPy call per operation for all.

A comparison steps its runs in lockstep, and at the tutorial's sizes a training step is mostly the
fixed cost of ~25 small NumPy calls (see :mod:`engine.network`).  Runs that share a shape and an
activation (the tutorial's zeros, random ×10 and He do) can take their steps together: their
parameters, activations and gradients are stacked along a first axis and each operation is one
call for all of them (``np.matmul`` over the stack, element-wise ufuncs with broadcasting), which
made three runs ~10% faster (median of paired rounds, on a noisy machine).

The arithmetic per run is the single run's (:class:`~engine.network.TrainingBatch`): the same
BLAS routine on the same shapes for every product, the same element-wise operations, the same
per-row reductions, the same loss.  :meth:`LockstepBatch.agrees` checks that bit for bit on
copies before a batch is trusted, and the tests check it over whole runs; a run whose numbers
would differ is simply stepped on its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from engine.network import Network, TrainingBatch, _stack, _views, forward_into, stable_loss

__all__ = ["LockstepBatch"]


class LockstepBatch:
    """``B`` networks with the same ``layer_dims`` and activation, trained on the same ``X, Y``.

    :meth:`run` takes their parameters from the networks, steps them together and, unless a cost
    or a parameter stopped being finite, gives the new parameters back; the caller records the
    costs.  The networks' own buffers are untouched by a run that went bad.
    """

    def __init__(self, nets: Sequence[Network], X: np.ndarray, Y: np.ndarray) -> None:
        dims = nets[0].layer_dims
        activation = nets[0].activation
        if any(n.layer_dims != dims or n.activation is not activation for n in nets):
            raise ValueError("a lockstep batch needs networks of one shape and activation")
        self.nets = list(nets)
        B, m = len(nets), X.shape[1]
        self.X = np.ascontiguousarray(X, dtype=np.float64)
        self.Y = np.ascontiguousarray(Y, dtype=np.float64)
        self._activation = activation
        size = nets[0].flat.size
        self.flat = np.empty((B, size))
        self.grad = np.zeros((B, size))
        self._tmp = np.empty((B, size))
        # Each network's own layout (Network), one row per network.
        self.W, self.b = _views(self.flat, dims)
        self.dW, _ = _views(self.grad, dims)
        sizes, hidden = dims[1:], dims[1:-1]
        self._db = self.grad[:, size - sum(sizes) :]
        self._Zh, Z = _stack(hidden, m, (B,))
        self._Ah, A = _stack(hidden, m, (B,))
        self._Gh, G = _stack(hidden, m, (B,))
        self._dZ_all, dZ = _stack(sizes, m, (B,))
        # As in TrainingBatch: the output's z lives in the second row of each run's loss terms,
        # whose first row receives log T, so the loss is one dot product per run.
        self._terms = np.empty((B, 2, m))
        self._Z_out = self._terms[:, 1:2]
        self._log_T = self._terms[:, 0:1]
        self._weights = np.concatenate([np.ones(m), 1.0 - self.Y.ravel()])
        self._E = np.empty((B, 1, m))
        self._T = np.empty((B, 1, m))
        self._A_out = np.empty((B, 1, m))
        self._inv_m = np.array(1.0 / m)
        self._lr = np.empty((B, 1))
        acts = [self.X, *A]
        L = len(dims) - 1
        self._hidden = tuple(
            (self.W[k], self.b[k], acts[k], Z[k], acts[k + 1]) for k in range(L - 1)
        )
        self._output = (self.W[-1], self.b[-1], acts[L - 1], self._Z_out)
        transposed = [self.X.T, *(np.swapaxes(a, 1, 2) for a in A)]
        self._backward = tuple(
            (
                dZ[k],
                transposed[k],
                self.dW[k],
                None if k == 0 else (np.swapaxes(self.W[k], 1, 2), dZ[k - 1], G[k - 1]),
            )
            for k in reversed(range(L))
        )

    def run(
        self, n: int, learning_rates: Sequence[float], first: int, record_every: int
    ) -> list[tuple[int, np.ndarray]] | None:
        """``n`` steps from iteration ``first`` for every network.

        Returns ``[(iteration, costs)]`` for the iterations that are multiples of
        ``record_every`` (each run's cost before that step's update, as ``Trainer`` records it),
        and leaves the networks' parameters advanced; or ``None``, changing nothing, when any
        cost or parameter stopped being finite (the caller then steps each run on its own, which
        finds exactly where).
        """
        for i, net in enumerate(self.nets):
            self.flat[i] = net.flat
        self._lr[:, 0] = learning_rates
        recorded = []
        with np.errstate(all="ignore"):
            for it in range(first, first + n):
                self._forward()
                if record_every and it % record_every == 0:
                    costs = self._costs()
                    if not np.isfinite(costs).all():
                        return None
                    recorded.append((it, costs))
                self._backward_and_update()
            if not np.isfinite(self.flat).all():
                return None
        for i, net in enumerate(self.nets):
            net.flat[...] = self.flat[i]
        return recorded

    def _forward(self) -> None:
        forward_into(
            np.matmul,
            self._hidden,
            self._output,
            self._activation.forward,
            self._E,
            self._T,
            self._A_out,
        )

    def _costs(self) -> np.ndarray:
        """Each run's loss of the last forward pass, as ``TrainingBatch.loss`` computes it."""
        np.log1p(self._E, self._log_T)
        inv_m = 1.0 / self.X.shape[1]
        costs = np.empty(len(self.nets))
        for i in range(len(self.nets)):
            total = float(np.dot(self._weights, self._terms[i].reshape(-1)))
            if math.isfinite(total):
                costs[i] = total * inv_m
            else:  # e^-z overflowed somewhere: the stable form, as TrainingBatch.loss does
                costs[i] = stable_loss(self._Z_out[i], self.Y)
        return costs

    def _backward_and_update(self) -> None:
        dZ_out = self._dZ_all[:, -1:]
        np.subtract(self._A_out, self.Y, dZ_out)
        np.multiply(self._inv_m, dZ_out, dZ_out)
        self._activation.derivative(self._Zh, self._Ah, self._Gh)
        matmul, multiply = np.matmul, np.multiply
        for dZ, A_prev_T, dW, below in self._backward:
            matmul(dZ, A_prev_T, dW)
            if below is not None:
                W_T, dZ_below, G = below
                matmul(W_T, dZ, dZ_below)
                multiply(dZ_below, G, dZ_below)
        np.add.reduce(self._dZ_all, 2, None, self._db)
        multiply(self._lr, self.grad, self._tmp)
        np.subtract(self.flat, self._tmp, self.flat)

    def agrees(self, learning_rates: Sequence[float], steps: int = 3) -> bool:
        """Do ``steps`` steps here give every network's single-run bits (on copies)?"""
        copies = [Network(n.layer_dims, n.get_params(), n.activation.name) for n in self.nets]
        singles = [Network(n.layer_dims, n.get_params(), n.activation.name) for n in self.nets]
        trial = LockstepBatch(copies, self.X, self.Y)
        if trial.run(steps, learning_rates, 0, 1) is None:
            return False
        with np.errstate(all="ignore"):
            for single, lr in zip(singles, learning_rates):
                TrainingBatch(single, self.X, self.Y).run(steps, lr)
        return all(np.array_equal(s.flat, c.flat) for s, c in zip(singles, copies))
