"""The textbook initializers beyond the tutorial's three: their statistics, labels and knobs."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.initializers import (
    INITIALIZERS,
    MAX_SCALE,
    check_scale,
    describe,
    initialize,
)
from engine.trainer import Trainer

# Big layers, so the sample statistics are sharp: 120,000 and 60,000 weights.
DIMS = [400, 300, 200]

# name: (variance the formula promises for a layer n_in -> n_out, with scale k)
VARIANCE = {
    "xavier": lambda n_in, n_out, k: 2 / (n_in + n_out),
    "glorot_uniform": lambda n_in, n_out, k: 2 / (n_in + n_out),
    "lecun": lambda n_in, n_out, k: 1 / n_in,
    "small": lambda n_in, n_out, k: 0.01**2,
    "scaled": lambda n_in, n_out, k: k**2 / n_in,
    "he": lambda n_in, n_out, k: 2 / n_in,
    "random": lambda n_in, n_out, k: 100.0,
}
# Excess kurtosis decides the sampling error of a variance: 0 for a Gaussian, -1.2 for a uniform.
KURTOSIS = {"glorot_uniform": -1.2}


@pytest.mark.parametrize(
    ("name", "scale"),
    [
        ("xavier", 1.0),
        ("glorot_uniform", 1.0),
        ("lecun", 1.0),
        ("small", 1.0),
        ("scaled", 1.0),
        ("scaled", 3.0),
        ("scaled", 0.25),
        ("he", 1.0),
        ("random", 1.0),
    ],
)
def test_mean_and_variance_follow_the_formula(name, scale):
    params = initialize(name, DIMS, seed=0, scale=scale)
    for (W, b), (n_in, n_out) in zip(params, itertools.pairwise(DIMS), strict=True):
        n = W.size
        var = VARIANCE[name](n_in, n_out, scale)
        # Standard errors of the sample mean and the sample variance; 5 of them is ~1 in 2 million.
        se_mean = math.sqrt(var / n)
        se_var = var * math.sqrt((2 + KURTOSIS.get(name, 0.0)) / n)
        assert abs(W.mean()) < 5 * se_mean
        assert abs(W.var() - var) < 5 * se_var
        assert W.shape == (n_out, n_in) and b.shape == (n_out, 1) and not b.any()


def test_glorot_uniform_stays_within_its_limit_and_fills_it():
    for (W, _), (n_in, n_out) in zip(initialize("glorot_uniform", DIMS, seed=1), [(400, 300)]):
        limit = math.sqrt(6 / (n_in + n_out))
        assert np.abs(W).max() <= limit
        assert np.abs(W).max() > 0.999 * limit
        # Uniform: each tenth of [-limit, limit] holds about a tenth of the weights.
        counts, _ = np.histogram(W, bins=10, range=(-limit, limit))
        assert np.all(np.abs(counts / W.size - 0.1) < 0.01)


def test_the_gaussian_ones_are_gaussian():
    """Xavier, LeCun, small and scaled draw randn, from the seed's stream, layer by layer."""
    dims = [2, 6, 4, 1]
    factors = {
        "xavier": lambda n_in, n_out: np.sqrt(2 / (n_in + n_out)),
        "lecun": lambda n_in, n_out: np.sqrt(1 / n_in),
        "small": lambda n_in, n_out: 0.01,
    }
    for name, factor in factors.items():
        rng = np.random.RandomState(5)
        for (W, _), (n_in, n_out) in zip(
            initialize(name, dims, seed=5), itertools.pairwise(dims), strict=True
        ):
            assert np.array_equal(W, rng.randn(n_out, n_in) * factor(n_in, n_out))


def test_scaled_by_one_is_lecun_bit_for_bit_and_scales_linearly():
    lecun = initialize("lecun", [2, 10, 5, 1], seed=3)
    one = initialize("scaled", [2, 10, 5, 1], seed=3, scale=1.0)
    three = initialize("scaled", [2, 10, 5, 1], seed=3, scale=3.0)
    for (Wl, _), (W1, _), (W3, _) in zip(lecun, one, three, strict=True):
        assert np.array_equal(Wl, W1)
        np.testing.assert_allclose(W3, 3 * Wl, rtol=1e-15, atol=0)


def test_scale_does_not_touch_the_other_initializers():
    for name in INITIALIZERS:
        if name == "scaled":
            continue
        for (Wa, _), (Wb, _) in zip(
            initialize(name, [2, 10, 5, 1], seed=3),
            initialize(name, [2, 10, 5, 1], seed=3, scale=7.0),
            strict=True,
        ):
            assert np.array_equal(Wa, Wb)


@pytest.mark.parametrize("bad", [0, -1, 100.5, float("nan"), float("inf"), "x", None])
def test_scale_is_refused_outside_its_range(bad):
    with pytest.raises(ValueError, match="scale"):
        check_scale(bad)
    with pytest.raises(ValueError, match="scale"):
        initialize("scaled", [2, 3, 1], scale=bad)
    with pytest.raises(ValueError, match="scale"):
        TrainConfig(init="scaled", scale=bad)


@pytest.mark.parametrize("good", [1e-6, 0.5, 3, MAX_SCALE])
def test_scale_range_is_accepted(good):
    assert check_scale(good) == float(good)
    assert TrainConfig(init="scaled", scale=good).scale == float(good)


def test_scaled_label_shows_its_multiplier_and_the_others_do_not():
    assert INITIALIZERS["scaled"].label == "Scaled"
    assert describe("scaled", 3) == "Scaled ×3"
    assert describe("scaled", 0.5) == "Scaled ×0.5"
    assert TrainConfig(init="scaled", scale=2.5).init_label == "Scaled ×2.5"
    assert describe("he", 3) == "He"
    assert TrainConfig().init_label == "He"
    assert [n for n, i in INITIALIZERS.items() if i.uses_scale] == ["scaled"]


def test_the_registry_lists_the_tutorials_three_first_then_the_rest():
    assert list(INITIALIZERS)[:3] == ["zeros", "random", "he"]
    assert {"xavier", "glorot_uniform", "lecun", "small", "scaled"} <= set(INITIALIZERS)


@pytest.mark.parametrize("name", ["xavier", "glorot_uniform", "lecun", "small", "scaled"])
def test_new_entries_teach_in_two_or_three_sentences(name):
    init = INITIALIZERS[name]
    assert init.uses_seed
    sentences = [s for s in init.explanation.replace("...", "").split(". ") if s.strip()]
    assert 2 <= len(sentences) <= 4
    assert "n_in" in init.formula or "0.01" in init.formula


def test_lecun_says_it_is_what_the_course_calls_xavier():
    text = INITIALIZERS["lecun"].explanation
    assert "deeplearning.ai" in text and "Xavier" in text


def test_the_scale_reaches_the_trainer():
    a = Trainer(TrainConfig(init="scaled", scale=2.0))
    b = Trainer(TrainConfig(init="scaled", scale=4.0))
    np.testing.assert_allclose(2 * a.net.flat, b.net.flat, rtol=1e-15, atol=0)
