"""Activation derivatives against central differences, and a deep network's gradient end to end
(the gradient norms the diagnostics report are only as good as these)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.activations import ACTIVATIONS
from engine.initializers import initialize
from engine.network import Network, TrainingBatch, stable_loss


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_matches_central_differences(name):
    act = ACTIVATIONS[name]
    z = np.linspace(-6, 6, 241).reshape(1, -1)
    z = z[np.abs(z) > 1e-3].reshape(1, -1)  # ReLU's kink at 0 has no derivative
    a = np.empty_like(z)
    act.forward(z, a)
    g = np.empty_like(z)
    act.derivative(z, a, g)
    h = 1e-6
    up, down = np.empty_like(z), np.empty_like(z)
    act.forward(z + h, up)
    act.forward(z - h, down)
    np.testing.assert_allclose(g, (up - down) / (2 * h), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_deep_network_gradient_matches_finite_differences(name):
    dims = [2, 6, 6, 6, 6, 1]
    rng = np.random.RandomState(0)
    X, Y = rng.randn(2, 25), (rng.rand(1, 25) > 0.5).astype(float)
    init = "he" if "relu" in name else "xavier"
    net = Network(dims, initialize(init, dims, seed=1), name)
    for b in net.b:
        b[...] = rng.randn(*b.shape) * 0.1  # non-zero biases: every parameter matters
    batch = TrainingBatch(net, X, Y)
    batch.forward()
    batch.backward()
    analytic = net.grad_flat.copy()

    def loss() -> float:
        acts = net.forward(X)
        return stable_loss(net.logits_from(acts[-2]), Y)

    h = 1e-6
    numeric = np.empty_like(analytic)
    for i in range(net.flat.size):
        keep = net.flat[i]
        net.flat[i] = keep + h
        up = loss()
        net.flat[i] = keep - h
        down = loss()
        net.flat[i] = keep
        numeric[i] = (up - down) / (2 * h)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-4, atol=1e-8)
