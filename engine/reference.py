"""The tutorial's algorithm, written plainly: the yardstick for tests and benchmarks.

Dictionary parameters, a fresh array for every intermediate, the naive log loss: exactly the
formulation whose printed numbers InitScope must reproduce.  The app never uses this module; tests
compare the fast engine against it and ``benchmarks/engine_speed.py`` times it as the baseline.
"""

from __future__ import annotations

import numpy as np

__all__ = ["backward", "forward", "model", "naive_loss", "update"]


def forward(X: np.ndarray, params: dict[str, np.ndarray]) -> tuple[np.ndarray, list]:
    """LINEAR→RELU × (L-1) → LINEAR→SIGMOID; returns the output and a cache for ``backward``."""
    L = len(params) // 2
    A = X
    cache = []
    for layer in range(1, L + 1):
        W, b = params[f"W{layer}"], params[f"b{layer}"]
        Z = np.dot(W, A) + b
        A_next = 1 / (1 + np.exp(-Z)) if layer == L else np.maximum(0, Z)
        cache.append((A, Z, A_next))
        A = A_next
    return A, cache


def naive_loss(a: np.ndarray, Y: np.ndarray) -> float:
    """The tutorial's cross-entropy: ``inf`` (with warnings silenced) once the sigmoid saturates."""
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        logprobs = np.multiply(-np.log(a), Y) + np.multiply(-np.log(1 - a), 1 - Y)
    return float(1.0 / m * np.nansum(logprobs))


def backward(Y: np.ndarray, params: dict[str, np.ndarray], cache: list) -> dict[str, np.ndarray]:
    """The tutorial's gradients: dz = (a - y)/m at the output, ReLU masks below."""
    m = Y.shape[1]
    L = len(cache)
    grads = {}
    dz = 1.0 / m * (cache[-1][2] - Y)
    for layer in range(L, 0, -1):
        A_prev = cache[layer - 1][0]
        grads[f"dW{layer}"] = np.dot(dz, A_prev.T)
        grads[f"db{layer}"] = np.sum(dz, axis=1, keepdims=True)
        if layer > 1:
            da = np.dot(params[f"W{layer}"].T, dz)
            dz = np.multiply(da, np.int64(A_prev > 0))
    return grads


def update(params: dict, grads: dict, lr: float) -> dict[str, np.ndarray]:
    """Plain gradient descent, returning new arrays as the tutorial does."""
    L = len(params) // 2
    return {
        **{f"W{k}": params[f"W{k}"] - lr * grads[f"dW{k}"] for k in range(1, L + 1)},
        **{f"b{k}": params[f"b{k}"] - lr * grads[f"db{k}"] for k in range(1, L + 1)},
    }


def model(
    X: np.ndarray,
    Y: np.ndarray,
    params: dict[str, np.ndarray],
    learning_rate: float = 0.01,
    num_iterations: int = 15000,
    every: int = 1000,
) -> tuple[dict[str, np.ndarray], list[float]]:
    """Train like the tutorial: the final parameters and the cost at every ``every``-th step."""
    costs = []
    for i in range(num_iterations):
        a, cache = forward(X, params)
        cost = naive_loss(a, Y)  # the tutorial computes it every step, printed or not
        if i % every == 0:
            costs.append(cost)
        grads = backward(Y, params, cache)
        params = update(params, grads, learning_rate)
    return params, costs
