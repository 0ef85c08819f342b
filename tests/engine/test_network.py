"""The fast network: its loss, its gradients and its forward pass, checked against plain math."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine.activations import ACTIVATIONS, LEAKY_SLOPE
from engine.network import Network, TrainingBatch, stable_loss
from engine.reference import naive_loss

EPS = np.finfo(np.float64).eps


def _param(name):
    return name


def exact_loss(z, y) -> float:
    """Mean cross-entropy from logits, one point at a time with ``math`` (log1p, no overflow)."""
    total = []
    for zi, yi in zip(np.ravel(z), np.ravel(y), strict=True):
        t = float(zi) if yi == 0 else -float(zi)  # loss_i = log(1 + e^t)
        total.append(max(t, 0.0) + math.log1p(math.exp(-abs(t))))
    return math.fsum(total) / len(total)


def naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))


def logit_batch(z: np.ndarray, y: np.ndarray) -> TrainingBatch:
    """A batch whose output logits are exactly ``z``: no hidden layer, W = 1, b = 0, X = z."""
    net = Network([1, 1], [(np.ones((1, 1)), np.zeros((1, 1)))])
    return TrainingBatch(net, z.reshape(1, -1), y.reshape(1, -1))


def logits_and_labels(bound: float):
    return st.integers(1, 40).flatmap(
        lambda m: st.tuples(
            hnp.arrays(np.float64, (1, m), elements=st.floats(-bound, bound)),
            hnp.arrays(np.float64, (1, m), elements=st.sampled_from([0.0, 1.0])),
        )
    )


# -- the loss ---------------------------------------------------------------------------------


@settings(max_examples=100, database=None)
@given(logits_and_labels(30.0))
def test_stable_loss_is_the_exact_cross_entropy(zy):
    z, y = zy
    assert stable_loss(z, y) == pytest.approx(exact_loss(z, y), rel=1e-12, abs=1e-300)


@settings(max_examples=100, database=None)
@given(logits_and_labels(1e4))
def test_stable_loss_is_finite_and_exact_for_huge_logits(zy):
    z, y = zy
    value = stable_loss(z, y)
    assert math.isfinite(value)
    assert value == pytest.approx(exact_loss(z, y), rel=1e-12, abs=1e-300)


@settings(max_examples=100, database=None)
@given(logits_and_labels(30.0))
def test_stable_loss_equals_naive_loss_wherever_naive_is_finite(zy):
    z, y = zy
    with np.errstate(over="ignore"):
        naive = naive_loss(naive_sigmoid(z), y)
    stable = stable_loss(z, y)
    if not math.isfinite(naive):
        return
    # The naive form loses accuracy as e^|z| grows (1 - sigmoid(z) cancels): allow that, and only
    # that, on top of 1e-12 relative.  For |z| <= ~5 this is 1e-12 relative in practice.
    tolerance = 1e-12 * abs(stable) + 4 * EPS * float(np.mean(1 + np.exp(np.abs(z))))
    assert abs(naive - stable) <= tolerance


@settings(max_examples=100, database=None)
@given(logits_and_labels(5.0))
def test_stable_and_naive_loss_agree_to_1e12_for_moderate_logits(zy):
    z, y = zy
    naive = naive_loss(naive_sigmoid(z), y)
    assert stable_loss(z, y) == pytest.approx(naive, rel=1e-12, abs=1e-300)


def test_naive_loss_is_inf_where_stable_loss_is_finite():
    z = np.array([[40.0, -50.0, 800.0]])
    y = np.array([[0.0, 1.0, 0.0]])
    with np.errstate(over="ignore"):
        assert naive_loss(naive_sigmoid(z), y) == math.inf
    assert stable_loss(z, y) == pytest.approx((40.0 + 50.0 + 800.0) / 3, rel=1e-12)


@settings(max_examples=100, database=None)
@given(logits_and_labels(5.0))
def test_batch_loss_equals_stable_loss_for_moderate_logits(zy):
    z, y = zy
    batch = logit_batch(z, y)
    batch.forward()
    assert np.array_equal(batch.Z[-1], z)
    assert batch.loss() == pytest.approx(stable_loss(z, y), rel=1e-12, abs=1e-300)


def test_batch_loss_falls_back_to_stable_loss_when_exp_overflows():
    z = np.array([-800.0, -5000.0, 3.0, -1.0])
    y = np.array([1.0, 0.0, 1.0, 0.0])
    batch = logit_batch(z, y)
    with np.errstate(over="ignore"):
        batch.forward()
        value = batch.loss()
    assert math.isfinite(value)
    assert value == pytest.approx(exact_loss(z, y), rel=1e-12)


def test_batch_loss_is_accurate_for_confident_correct_predictions():
    """Class-1 points use log1p(e^-z): tiny losses keep their relative accuracy (the old
    log(1 + e^-z) gave exactly 0 beyond z = 37).  Class-0 points are log T + z, which cancels:
    accurate to a few eps·|z| in absolute terms only — invisible unless the cost nears 1e-13."""
    z = np.array([30.0, 20.0, 40.0])
    y = np.ones(3)
    batch = logit_batch(z, y)
    batch.forward()
    assert batch.loss() == pytest.approx(exact_loss(z, y), rel=1e-9, abs=0)
    z0 = np.array([-30.0, -25.0])
    batch = logit_batch(z0, np.zeros(2))
    batch.forward()
    assert batch.loss() == pytest.approx(exact_loss(z0, np.zeros(2)), rel=0, abs=1e-13)


# -- gradients ----------------------------------------------------------------------------------

DIMS = [2, 6, 5, 4, 1]


def _gradient_problem(activation: str):
    """Small random data and weights whose hidden pre-activations all stay clear of 0 (no kinks)."""
    for seed in range(200):
        rng = np.random.RandomState(seed)
        X = rng.randn(2, 12)
        Y = (rng.rand(1, 12) > 0.5).astype(np.float64)
        params = [
            (rng.randn(o, i) * np.sqrt(2 / i), rng.randn(o, 1) * 0.3)
            for i, o in itertools.pairwise(DIMS)
        ]
        net = Network(DIMS, params, activation)
        batch = TrainingBatch(net, X, Y)
        batch.forward()
        if min(np.abs(Z).min() for Z in batch.Z[:-1]) > 1e-3:
            return net, batch
    raise AssertionError("no kink-free problem found")  # pragma: no cover


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_backward_matches_finite_differences(activation):
    net, batch = _gradient_problem(activation)
    batch.forward()
    batch.backward()
    analytic = net.grad_flat.copy()
    assert analytic.any()

    h = 1e-6
    numeric = np.empty_like(analytic)
    for i in range(net.flat.size):
        saved = net.flat[i]
        net.flat[i] = saved + h
        batch.forward()
        up = batch.loss()
        net.flat[i] = saved - h
        batch.forward()
        down = batch.loss()
        net.flat[i] = saved
        numeric[i] = (up - down) / (2 * h)

    error = np.abs(analytic - numeric)
    allowed = 1e-5 * np.maximum(np.abs(analytic), np.abs(numeric)) + 1e-9
    worst = int(np.argmax(error - allowed))
    assert (error <= allowed).all(), (worst, analytic[worst], numeric[worst])


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_gradients_land_in_the_per_layer_views(activation):
    net, batch = _gradient_problem(activation)
    batch.forward()
    batch.backward()
    # dW/db are views of grad_flat laid out like W/b in flat
    for W, b, dW, db in zip(net.W, net.b, net.dW, net.db, strict=True):
        assert dW.shape == W.shape and db.shape == b.shape
        assert np.shares_memory(dW, net.grad_flat) and np.shares_memory(db, net.grad_flat)
        assert np.shares_memory(W, net.flat) and np.shares_memory(b, net.flat)
    # the output layer's gradient by hand: dZ = (A - Y) / m
    dZ = (batch.A[-1] - batch.Y) / batch.m
    np.testing.assert_allclose(net.dW[-1], dZ @ batch.A[-2].T, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(net.db[-1], dZ.sum(axis=1, keepdims=True), rtol=1e-12, atol=1e-15)


def test_update_is_plain_gradient_descent():
    net, batch = _gradient_problem("relu")
    before = net.flat.copy()
    batch.forward()
    batch.backward()
    grad = net.grad_flat.copy()
    batch.update(0.3)
    assert np.array_equal(net.flat, before - 0.3 * grad)


# -- activations and the prediction forward pass ------------------------------------------------

DEFINITIONS = {
    "relu": lambda z: np.maximum(z, 0),
    "tanh": np.tanh,
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "leaky_relu": lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
}


def test_every_registered_activation_has_a_definition_here():
    assert set(ACTIVATIONS) == set(DEFINITIONS)
    for key, act in ACTIVATIONS.items():
        assert act.name == key and act.label


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_activation_forward_into_separate_buffer(activation):
    z = np.linspace(-3, 3, 13).reshape(1, -1)
    out = np.empty_like(z)
    ACTIVATIONS[activation].forward(z, out)
    np.testing.assert_allclose(out, DEFINITIONS[activation](z), rtol=1e-15, atol=0)


@pytest.mark.parametrize("activation", [_param(a) for a in sorted(ACTIVATIONS)])
def test_activation_forward_in_place(activation):
    z = np.linspace(-3, 3, 13).reshape(1, -1)
    expected = DEFINITIONS[activation](z)
    ACTIVATIONS[activation].forward(z, z)
    np.testing.assert_allclose(z, expected, rtol=1e-15, atol=0)


@pytest.mark.parametrize("activation", [_param(a) for a in sorted(ACTIVATIONS)])
def test_prediction_forward_equals_training_forward(activation):
    net, batch = _gradient_problem(activation)
    batch.forward()
    np.testing.assert_allclose(net.predict_proba(batch.X), batch.A[-1], rtol=1e-12, atol=0)
    acts = net.forward(batch.X)
    assert len(acts) == len(DIMS)
    for A_pred, A_train in zip(acts[1:], batch.A[1:], strict=True):
        np.testing.assert_allclose(A_pred, A_train, rtol=1e-12, atol=0)


def test_network_copies_its_initial_parameters():
    W0, b0 = np.ones((3, 2)), np.zeros((3, 1))
    W1, b1 = np.ones((1, 3)), np.zeros((1, 1))
    net = Network([2, 3, 1], [(W0, b0), (W1, b1)])
    W0[...] = 7.0
    assert np.array_equal(net.W[0], np.ones((3, 2)))
    copies = net.get_params()
    copies[0][0][...] = 5.0
    assert np.array_equal(net.W[0], np.ones((3, 2)))
    assert net.flat.size == 3 * 2 + 3 + 3 + 1 and net.n_layers == 2


def test_network_refuses_wrong_number_of_layers():
    with pytest.raises(ValueError):
        Network([2, 3, 1], [(np.ones((3, 2)), np.zeros((3, 1)))])
