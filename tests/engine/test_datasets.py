"""Generated data sets: shapes, balance, determinism, noise, and the tutorial's exact default."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.datasets import (
    DATASETS,
    MAX_NOISE,
    MAX_SAMPLES,
    MIN_SAMPLES,
    DataError,
    dataset_key,
    load_circles,
    load_dataset,
    make_blobs,
    make_circles,
    make_moons,
    make_spiral,
    make_xor,
)
from engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]
GENERATORS = {
    "circles": make_circles,
    "moons": make_moons,
    "xor": make_xor,
    "spiral": make_spiral,
    "blobs": make_blobs,
}


def test_the_registry_has_the_five_sets_circles_first():
    assert list(DATASETS) == ["circles", "moons", "xor", "spiral", "blobs"]
    for name, gen in DATASETS.items():
        assert gen.name == name and gen.make is GENERATORS[name]
        assert gen.label and len(gen.description) > 20
        assert 0 <= gen.default_noise <= MAX_NOISE
    assert DATASETS["circles"].default_noise == 0.05


@pytest.mark.parametrize("name", list(GENERATORS))
@pytest.mark.parametrize("n", [20, 21, 301])
def test_generators_return_n_points_in_two_balanced_classes(name, n):
    X, y = GENERATORS[name](n, 0.1, np.random.RandomState(0))
    assert X.shape == (n, 2) and y.shape == (n,)
    assert X.dtype == np.float64 and np.isfinite(X).all()
    assert set(y.tolist()) == {0, 1}
    assert np.count_nonzero(y == 0) == n // 2  # sklearn's split: the odd point is class 1


@pytest.mark.parametrize("name", list(GENERATORS))
def test_generators_are_deterministic_and_leave_global_state_alone(name):
    np.random.seed(99)
    before = np.random.get_state()[1].copy()
    a = GENERATORS[name](50, 0.1, np.random.RandomState(4))
    b = GENERATORS[name](50, 0.1, np.random.RandomState(4))
    c = GENERATORS[name](50, 0.1, np.random.RandomState(5))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])
    assert np.array_equal(before, np.random.get_state()[1])


@pytest.mark.parametrize("name", list(GENERATORS))
def test_noise_is_a_gaussian_jitter_of_the_clean_shape(name):
    """Same rng, noise 0 vs σ: the difference is the jitter, of standard deviation σ."""
    clean, y0 = GENERATORS[name](2000, 0.0, np.random.RandomState(7))
    noisy, y1 = GENERATORS[name](2000, 0.2, np.random.RandomState(7))
    assert np.array_equal(y0, y1)
    jitter = noisy - clean
    assert jitter.std() == pytest.approx(0.2, rel=0.05)
    assert abs(jitter.mean()) < 0.02


def test_clean_shapes_are_what_their_names_say():
    X, y = make_circles(400, 0.0, np.random.RandomState(0))
    r = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(r[y == 0], 1.0)
    np.testing.assert_allclose(r[y == 1], 0.8)

    X, y = make_xor(400, 0.0, np.random.RandomState(0))
    assert np.all(np.abs(X) <= 1.0)
    same_sign = np.sign(X[:, 0]) == np.sign(X[:, 1])
    assert np.array_equal(same_sign, y == 1)

    X, y = make_spiral(400, 0.0, np.random.RandomState(0))
    r = np.hypot(X[:, 0], X[:, 1])
    assert r.max() <= 1.0 and r.min() > 0
    # Class 1 is class 0 turned by half a turn: the point at the same radius is opposite.
    for cls_pts in (X[y == 0], X[y == 1]):
        assert len(cls_pts) == 200
    order0 = np.argsort(np.hypot(*X[y == 0].T))
    order1 = np.argsort(np.hypot(*X[y == 1].T))
    np.testing.assert_allclose(X[y == 0][order0], -X[y == 1][order1], atol=1e-12)

    X, y = make_blobs(400, 0.0, np.random.RandomState(0))
    assert np.all(X[y == 0] == -0.75) and np.all(X[y == 1] == 0.75)

    X, y = make_moons(400, 0.0, np.random.RandomState(0))
    outer, inner = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.hypot(*outer.T), 1.0)
    np.testing.assert_allclose(np.hypot(inner[:, 0] - 1, inner[:, 1] - 0.5), 1.0)


@pytest.mark.parametrize(
    ("ours", "theirs"), [(make_circles, "make_circles"), (make_moons, "make_moons")]
)
def test_circles_and_moons_equal_scikit_learn_bit_for_bit(ours, theirs):
    sk = pytest.importorskip("sklearn.datasets")
    for n, noise, seed in [(300, 0.05, 1), (100, 0.05, 2), (77, 0.3, 9)]:
        X, y = ours(n, noise, np.random.RandomState(seed))
        X_sk, y_sk = getattr(sk, theirs)(n_samples=n, noise=noise, random_state=seed)
        assert np.array_equal(X, X_sk) and np.array_equal(y, y_sk)


# -- load_dataset ----------------------------------------------------------------------------------


def test_default_circles_are_the_tutorials_bit_for_bit():
    ours, tutorial = load_dataset("circles"), load_circles()
    for a, b in zip(
        (ours.train_X, ours.train_Y, ours.test_X, ours.test_Y),
        (tutorial.train_X, tutorial.train_Y, tutorial.test_X, tutorial.test_Y),
        strict=True,
    ):
        assert np.array_equal(a, b)
    assert ours.key == tutorial.key == ("circles", 300, 0.05)
    assert load_dataset("circles", 300, 0.05).key == ours.key
    assert TrainConfig().data_key == ours.key


@pytest.mark.parametrize("name", list(DATASETS))
def test_load_dataset_splits_samples_and_a_third_for_testing(name):
    data = load_dataset(name, samples=90, noise=0.1)
    assert data.name == name and data.label == DATASETS[name].label
    assert data.train_X.shape == (2, 90) and data.train_Y.shape == (1, 90)
    assert data.test_X.shape == (2, 30) and data.test_Y.shape == (1, 30)
    assert (data.samples, data.noise) == (90, 0.1)
    assert data.key == (name, 90, 0.1) == dataset_key(name, 90, 0.1)
    for arr in (data.train_X, data.train_Y, data.test_X, data.test_Y):
        assert arr.dtype == np.float64 and not arr.flags.writeable
    # Train from RandomState(1), test from RandomState(2): different points, same shape of data.
    X, y = DATASETS[name].make(90, 0.1, np.random.RandomState(1))
    assert np.array_equal(data.train_X, X.T) and np.array_equal(data.train_Y[0], y)
    X, y = DATASETS[name].make(30, 0.1, np.random.RandomState(2))
    assert np.array_equal(data.test_X, X.T) and np.array_equal(data.test_Y[0], y)


def test_noise_none_means_the_sets_own_default():
    for name, gen in DATASETS.items():
        assert load_dataset(name).noise == gen.default_noise
        assert dataset_key(name) == (name, 300, gen.default_noise)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"samples": MIN_SAMPLES - 1},
        {"samples": MAX_SAMPLES + 1},
        {"samples": 50.0},
        {"samples": True},
        {"noise": -0.01},
        {"noise": MAX_NOISE + 0.01},
        {"noise": float("nan")},
        {"noise": float("inf")},
        {"noise": "loud"},
    ],
)
def test_bad_parameters_are_refused_with_a_data_error(kwargs):
    with pytest.raises(DataError):
        load_dataset("moons", **kwargs)
    with pytest.raises(ValueError):
        TrainConfig(dataset="moons", **kwargs)


def test_unknown_names_are_refused():
    with pytest.raises(KeyError, match="spiral"):
        load_dataset("galaxy")
    with pytest.raises(ValueError, match="spiral"):
        TrainConfig(dataset="galaxy")


def test_the_trainer_builds_its_data_from_the_config():
    config = TrainConfig(dataset="xor", samples=60, noise=0.2, hidden=(4,))
    trainer = Trainer(config)
    assert trainer.data.key == config.data_key == ("xor", 60, 0.2)
    assert trainer.data.train_X.shape == (2, 60)
    assert trainer.step(5) == 5
    # A config with other data parameters has another key: the window knows to rebuild.
    assert config.with_(noise=0.3).data_key != trainer.data.key
    assert config.with_(learning_rate=0.5).data_key == trainer.data.key


def test_a_small_network_learns_the_easy_sets():
    for name in ("blobs", "moons"):
        trainer = Trainer(TrainConfig(dataset=name, learning_rate=0.1))
        trainer.step(3000, record_every=0)
        assert trainer.train_accuracy() > 0.85, name


NO_SKLEARN_PROBE = """
import sys
import engine.datasets, engine.trainer
for name in engine.datasets.DATASETS:
    engine.datasets.load_dataset(name)
print(sorted(m for m in sys.modules if m.split(".")[0] == "sklearn"))
"""


def test_datasets_never_import_scikit_learn():
    result = subprocess.run(
        [sys.executable, "-c", NO_SKLEARN_PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
