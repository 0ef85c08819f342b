"""The experiment's inputs: the three initializers and the tutorial's circles data."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from sklearn.datasets import make_circles

from engine.config import TrainConfig
from engine.datasets import DATASETS, load_circles, load_dataset
from engine.initializers import INITIALIZERS, initialize
from engine.trainer import Trainer

# The arrays the tutorial printed (8 decimals), see /work/shared/spec/reference-numbers.md.
RANDOM_321 = [
    np.array([[17.88628473, 4.36509851, 0.96497468], [-18.63492703, -2.77388203, -3.54758979]]),
    np.array([[-0.82741481, -6.27000677]]),
]
HE_241 = [
    np.array(
        [
            [1.78862847, 0.43650985],
            [0.09649747, -1.8634927],
            [-0.2773882, -0.35475898],
            [-0.08274148, -0.62700068],
        ]
    ),
    np.array([[-0.03098412, -0.33744411, -0.92904268, 0.62552248]]),
]


def _global_state_equal(a, b) -> bool:
    return all(
        np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y
        for x, y in zip(a, b, strict=True)
    )


# -- initializers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "dims", "expected"),
    [("random", [3, 2, 1], RANDOM_321), ("he", [2, 4, 1], HE_241)],
)
def test_initializer_reproduces_tutorial_arrays(name, dims, expected):
    params = initialize(name, dims, seed=3)
    assert len(params) == len(expected)
    for (W, b), W_expected in zip(params, expected, strict=True):
        assert W.shape == W_expected.shape
        assert W.dtype == np.float64
        np.testing.assert_allclose(W, W_expected, rtol=0, atol=1e-8)
        assert b.shape == (W.shape[0], 1)
        assert not b.any()


def test_seed_three_is_the_default():
    for name in INITIALIZERS:
        for (W0, b0), (W1, b1) in zip(
            initialize(name, [2, 10, 5, 1]), initialize(name, [2, 10, 5, 1], 3)
        ):
            assert np.array_equal(W0, W1) and np.array_equal(b0, b1)


def test_zeros_shapes_and_values():
    params = initialize("zeros", [3, 2, 1], seed=3)
    shapes = [(W.shape, b.shape) for W, b in params]
    assert shapes == [((2, 3), (2, 1)), ((1, 2), (1, 1))]
    for W, b in params:
        assert W.dtype == np.float64 and b.dtype == np.float64
        assert not W.any() and not b.any()


@pytest.mark.parametrize("name", sorted(INITIALIZERS))
def test_shapes_follow_layer_dims_and_biases_are_zero(name):
    dims = [2, 7, 3, 4, 1]
    params = initialize(name, dims, seed=11)
    assert [W.shape for W, _ in params] == [(7, 2), (3, 7), (4, 3), (1, 4)]
    assert [b.shape for _, b in params] == [(7, 1), (3, 1), (4, 1), (1, 1)]
    assert all(not b.any() for _, b in params)


@pytest.mark.parametrize("name", ["random", "he"])
def test_same_seed_same_arrays_different_seed_different_arrays(name):
    dims = [2, 10, 5, 1]
    a = initialize(name, dims, seed=3)
    b = initialize(name, dims, seed=3)
    c = initialize(name, dims, seed=4)
    for (Wa, _), (Wb, _), (Wc, _) in zip(a, b, c, strict=True):
        assert np.array_equal(Wa, Wb)
        assert Wa is not Wb
        assert not np.array_equal(Wa, Wc)


def test_he_scale_matches_fan_in():
    # He's point: std sqrt(2 / fan_in) per layer (checked on large layers, loosely).
    for (W, _), fan_in in zip(initialize("he", [400, 300, 200], seed=0), [400, 300]):
        assert W.std() == pytest.approx(np.sqrt(2 / fan_in), rel=0.03)
        assert abs(W.mean()) < 0.01


def test_random_is_ten_times_standard_normal():
    # ``random`` = randn * 10 drawn layer by layer from one RandomState: check against that stream.
    rng = np.random.RandomState(5)
    dims = [2, 6, 4, 1]
    layers = initialize("random", dims, seed=5)
    for (W, _), (n_in, n_out) in zip(layers, itertools.pairwise(dims), strict=True):
        assert np.array_equal(W, rng.randn(n_out, n_in) * 10)


def test_initializers_never_touch_global_random_state():
    np.random.seed(12345)
    before = np.random.get_state()
    for name in INITIALIZERS:
        initialize(name, [2, 10, 5, 1], seed=3)
    load_circles()
    Trainer(TrainConfig(init="random")).step(3)
    assert _global_state_equal(before, np.random.get_state())


def test_registry_entries_are_documented():
    assert {"zeros", "random", "he"} <= set(INITIALIZERS)
    for key, init in INITIALIZERS.items():
        assert init.name == key
        for text in (init.label, init.formula, init.explanation):
            assert isinstance(text, str) and text.strip()
        assert len(init.explanation) > 40  # a sentence that teaches, not a placeholder


def test_unknown_initializer_raises_key_error_naming_known_ones():
    with pytest.raises(KeyError) as excinfo:
        initialize("xavier-ish", [2, 3, 1])
    message = str(excinfo.value)
    assert "xavier-ish" in message
    for name in INITIALIZERS:
        assert name in message


def test_train_config_refuses_unknown_initializer():
    with pytest.raises(ValueError, match="he"):
        TrainConfig(init="nope")


# -- data ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def circles():
    return load_circles()


def test_circles_shapes_and_labels(circles):
    assert circles.name == "circles"
    assert circles.train_X.shape == (2, 300)
    assert circles.train_Y.shape == (1, 300)
    assert circles.test_X.shape == (2, 100)
    assert circles.test_Y.shape == (1, 100)
    assert circles.n_features == 2
    for arr in (circles.train_X, circles.train_Y, circles.test_X, circles.test_Y):
        assert arr.dtype == np.float64
    for Y in (circles.train_Y, circles.test_Y):
        assert set(np.unique(Y)) == {0.0, 1.0}
        assert Y.mean() == 0.5  # make_circles splits evenly


def test_circles_arrays_are_read_only(circles):
    for arr in (circles.train_X, circles.train_Y, circles.test_X, circles.test_Y):
        assert not arr.flags.writeable
        with pytest.raises(ValueError):
            arr[0, 0] = 42.0


def test_circles_equal_the_tutorials_globally_seeded_make_circles(circles):
    saved = np.random.get_state()
    try:
        np.random.seed(1)
        train_X, train_y = make_circles(n_samples=300, noise=0.05)
        np.random.seed(2)
        test_X, test_y = make_circles(n_samples=100, noise=0.05)
    finally:
        np.random.set_state(saved)
    assert np.array_equal(circles.train_X, train_X.T)
    assert np.array_equal(circles.train_Y, train_y.reshape(1, -1))
    assert np.array_equal(circles.test_X, test_X.T)
    assert np.array_equal(circles.test_Y, test_y.reshape(1, -1))


def test_load_dataset_and_unknown_name(circles):
    assert np.array_equal(load_dataset("circles").train_X, circles.train_X)
    assert "circles" in DATASETS
    with pytest.raises(KeyError) as excinfo:
        load_dataset("nope")
    assert "circles" in str(excinfo.value)


def test_bounds_cover_every_point(circles):
    x0, x1, y0, y1 = circles.bounds(pad=0.25)
    both = np.concatenate([circles.train_X, circles.test_X], axis=1)
    assert x0 == pytest.approx(both[0].min() - 0.25)
    assert x1 == pytest.approx(both[0].max() + 0.25)
    assert y0 == pytest.approx(both[1].min() - 0.25)
    assert y1 == pytest.approx(both[1].max() + 0.25)
