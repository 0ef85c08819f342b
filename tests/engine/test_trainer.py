"""The Trainer: the tutorial's three transcripts, bit-level agreement with the plain algorithm,
and run control (step, cost, reset, learning rate, divergence)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from engine import reference
from engine.config import MAX_LEARNING_RATE, TrainConfig
from engine.initializers import initialize
from engine.network import stable_loss
from engine.trainer import Trainer

HE_COSTS = [
    0.8830537463419761,
    0.6879825919728063,
    0.6751286264523371,
    0.6526117768893807,
    0.6082958970572938,
    0.5304944491717495,
    0.4138645817071795,
    0.31178034648444414,
    0.23696215330322565,
    0.18597287209206842,
    0.15015556280371808,
    0.12325079292273552,
    0.09917746546525931,
    0.08457055954024274,
    0.07357895962677365,
]
LN2 = 0.6931471805599453
RANDOM_COST_0 = 1773.5859549373833
RANDOM_COST_14000 = 0.38279756848782404

# A setting that really diverges: ReLU, ×10 random weights, a deep wide net and lr 10.
DIVERGING = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))


@pytest.fixture(scope="module")
def full_runs():
    """The tutorial's three 15000-iteration runs, recorded every 1000 (shared: ~1 s each)."""
    runs = {}
    for init in ("he", "zeros", "random"):
        trainer = Trainer(TrainConfig(init=init))
        assert trainer.step(15000, record_every=1000) == 15000
        runs[init] = trainer
    return runs


def reference_params(trainer: Trainer) -> dict[str, np.ndarray]:
    params = {}
    for k, (W, b) in enumerate(
        initialize(trainer.config.init, trainer.layer_dims, trainer.config.seed), start=1
    ):
        params[f"W{k}"], params[f"b{k}"] = W, b
    return params


def assert_same_params(trainer: Trainer, params: dict[str, np.ndarray]) -> None:
    for k, (W, b) in enumerate(zip(trainer.net.W, trainer.net.b, strict=True), start=1):
        assert np.array_equal(W, params[f"W{k}"]), f"W{k} differs"
        assert np.array_equal(b, params[f"b{k}"]), f"b{k} differs"


# -- the published transcripts ------------------------------------------------------------------


def test_he_transcript_matches_the_tutorial(full_runs):
    trainer = full_runs["he"]
    its, costs = trainer.history.view().arrays()
    assert its.tolist() == list(range(0, 15000, 1000))
    np.testing.assert_allclose(costs, HE_COSTS, rtol=0, atol=1e-9)
    assert trainer.iteration == 15000
    assert trainer.train_accuracy() == 0.9933333333333333
    assert trainer.test_accuracy() == 0.96


def test_zeros_transcript_matches_the_tutorial(full_runs):
    trainer = full_runs["zeros"]
    its, costs = trainer.history.view().arrays()
    assert its.tolist() == list(range(0, 15000, 1000))
    np.testing.assert_allclose(costs, [LN2] * 15, rtol=0, atol=1e-9)
    assert trainer.train_accuracy() == 0.5
    assert trainer.test_accuracy() == 0.5


def test_random_transcript_finite_where_the_tutorial_printed_inf(full_runs):
    trainer = full_runs["random"]
    its, costs = trainer.history.view().arrays()
    assert its.tolist() == list(range(0, 15000, 1000))
    assert np.isfinite(costs).all()
    assert costs[0] == pytest.approx(RANDOM_COST_0, rel=1e-12, abs=0)
    # The spec: this saturated run drifts between BLAS builds (by ~5e-5 at its end point).
    assert costs[-1] == pytest.approx(RANDOM_COST_14000, abs=1e-3)
    assert trainer.train_accuracy() == 0.83
    assert trainer.test_accuracy() == 0.86


def test_naive_loss_is_inf_for_random_at_iteration_zero():
    trainer = Trainer(TrainConfig(init="random"))
    a, _ = reference.forward(trainer.data.train_X, reference_params(trainer))
    assert reference.naive_loss(a, trainer.data.train_Y) == math.inf
    assert trainer.cost() == pytest.approx(RANDOM_COST_0, rel=1e-12, abs=0)
    assert trainer.saturated_count() == 300


def test_saturated_count():
    assert Trainer(TrainConfig(init="random")).saturated_count() == 300
    assert Trainer(TrainConfig(init="he")).saturated_count() == 0
    assert Trainer(TrainConfig(init="zeros")).saturated_count() == 0


# -- bit-level agreement with the tutorial's plain algorithm ---------------------------------------


@pytest.mark.parametrize(
    "config",
    [
        TrainConfig(init="he"),
        TrainConfig(init="zeros"),
        TrainConfig(init="random"),
        TrainConfig(init="he", hidden=(20, 8, 6), seed=7, learning_rate=0.05),
    ],
    ids=["he", "zeros", "random", "he-deeper"],
)
def test_weights_bit_identical_to_reference(config):
    trainer = Trainer(config)
    X, Y = trainer.data.train_X, trainer.data.train_Y
    params, ref_costs = reference.model(
        X, Y, reference_params(trainer), config.learning_rate, num_iterations=300, every=50
    )
    assert trainer.step(300, record_every=50) == 300
    assert_same_params(trainer, params)
    its, costs = trainer.history.view().arrays()
    assert its.tolist() == list(range(0, 300, 50))
    for ours, naive in zip(costs, ref_costs, strict=True):
        assert math.isfinite(ours)
        if math.isfinite(naive):
            assert ours == pytest.approx(naive, rel=1e-12, abs=0)


def test_recording_does_not_change_the_trajectory():
    a, b, c = (Trainer() for _ in range(3))
    a.step(120, record_every=1)
    b.step(120, record_every=0)
    for _ in range(12):
        c.step(10, record_every=7)
        c.cost()
    assert np.array_equal(a.net.flat, b.net.flat)
    assert np.array_equal(a.net.flat, c.net.flat)
    assert len(b.history) == 0


# -- run control --------------------------------------------------------------------------------


def test_step_takes_exactly_n_steps():
    trainer = Trainer()
    total = 0
    for n in (0, 1, 7, 250, 3):
        assert trainer.step(n) == n
        total += n
        assert trainer.iteration == total
    its, _ = trainer.history.view().arrays()
    assert its.tolist() == list(range(total))


def test_record_every_records_the_multiples():
    trainer = Trainer()
    trainer.step(10, record_every=4)
    trainer.step(11, record_every=4)
    its, _ = trainer.history.view().arrays()
    assert its.tolist() == [0, 4, 8, 12, 16, 20]


def test_cost_is_the_value_a_later_step_records():
    trainer = Trainer()
    assert trainer.cost() == pytest.approx(HE_COSTS[0], rel=0, abs=1e-9)
    trainer.step(37, record_every=0)
    now = trainer.cost()
    assert trainer.cost() == now
    trainer.step(1, record_every=1)
    assert trainer.history.last() == (37, now)  # same bits
    trainer.step(5, record_every=0)
    assert trainer.cost() != now


def test_cost_matches_reference_loss_of_current_params():
    trainer = Trainer()
    trainer.step(80, record_every=0)
    params, _ = reference.model(
        trainer.data.train_X, trainer.data.train_Y, reference_params(trainer), 0.01, 80, 1000
    )
    a, _ = reference.forward(trainer.data.train_X, params)
    assert trainer.cost() == pytest.approx(
        reference.naive_loss(a, trainer.data.train_Y), rel=1e-12, abs=0
    )


def test_reset_replays_the_same_run():
    trainer = Trainer()
    initial = trainer.net.flat.copy()
    trainer.step(60)
    first_flat = trainer.net.flat.copy()
    first_its, first_costs = trainer.history.view().arrays()
    trainer.reset()
    assert trainer.iteration == 0
    assert len(trainer.history) == 0 and trainer.history.last() is None
    assert trainer.diverged_at is None
    assert np.array_equal(trainer.net.flat, initial)
    trainer.step(60)
    assert np.array_equal(trainer.net.flat, first_flat)
    its, costs = trainer.history.view().arrays()
    assert np.array_equal(its, first_its) and np.array_equal(costs, first_costs)


def test_reset_keeps_the_learning_rate():
    trainer = Trainer()
    trainer.set_learning_rate(0.05)
    trainer.step(5)
    trainer.reset()
    assert trainer.learning_rate == 0.05


@pytest.mark.parametrize(
    "bad", [0, 0.0, -0.01, -1, float("nan"), float("inf"), -float("inf"), 10.000001, 11, 1e300]
)
def test_set_learning_rate_refuses_bad_values(bad):
    trainer = Trainer()
    trainer.set_learning_rate(0.02)
    with pytest.raises(ValueError):
        trainer.set_learning_rate(bad)
    assert trainer.learning_rate == 0.02
    with pytest.raises(ValueError):
        TrainConfig(learning_rate=bad)


@pytest.mark.parametrize("good", [1e-12, 0.5, MAX_LEARNING_RATE])
def test_set_learning_rate_accepts_the_allowed_range(good):
    trainer = Trainer()
    trainer.set_learning_rate(good)
    assert trainer.learning_rate == good


def test_learning_rate_change_applies_from_the_next_step():
    trainer = Trainer()
    trainer.step(100)
    trainer.set_learning_rate(0.05)
    trainer.step(100)

    X, Y = trainer.data.train_X, trainer.data.train_Y
    params, _ = reference.model(X, Y, reference_params(trainer), 0.01, 100, 1000)
    params, _ = reference.model(X, Y, params, 0.05, 100, 1000)
    assert_same_params(trainer, params)

    unchanged = Trainer()
    unchanged.step(200)
    assert not np.array_equal(unchanged.net.flat, trainer.net.flat)


def test_two_trainers_with_the_same_config_agree():
    config = TrainConfig(init="he", hidden=(8, 8), seed=42, learning_rate=0.03)
    a, b = Trainer(config), Trainer(config)
    a.step(300, record_every=10)
    b.step(300, record_every=10)
    assert np.array_equal(a.net.flat, b.net.flat)
    assert np.array_equal(a.history.view().arrays()[1], b.history.view().arrays()[1])
    assert a.train_accuracy() == b.train_accuracy()
    assert np.array_equal(Trainer(config).net.flat, Trainer(config).net.flat)
    assert not np.array_equal(Trainer(config).net.flat, Trainer(config.with_(seed=43)).net.flat)


def test_config_with_validates():
    config = TrainConfig()
    assert config.with_(hidden=[4, 3]).hidden == (4, 3)
    for bad in ({"hidden": ()}, {"hidden": (0,)}, {"hidden": (513,)}, {"seed": -1}):
        with pytest.raises(ValueError):
            config.with_(**bad)
    assert config == TrainConfig()


# -- divergence -----------------------------------------------------------------------------------


def test_a_diverging_run_stops_and_says_where():
    trainer = Trainer(DIVERGING)
    with np.errstate(all="ignore"):
        taken = trainer.step(200, record_every=1)
        assert trainer.diverged_at is not None
        assert taken == trainer.diverged_at == trainer.iteration < 200
        assert not math.isfinite(trainer.cost())
        its, costs = trainer.history.view().arrays()
        assert its.tolist() == list(range(trainer.diverged_at))
        assert np.isfinite(costs).all()
        before = trainer.net.flat.copy()
        assert trainer.step(10) == 0
        assert trainer.iteration == trainer.diverged_at
        assert np.array_equal(trainer.net.flat, before, equal_nan=True)
        trainer.reset()
        assert trainer.diverged_at is None and trainer.iteration == 0
        assert trainer.step(2) == 2


def test_non_finite_weights_count_as_divergence():
    trainer = Trainer()
    trainer.step(5)
    trainer.net.flat[0] = np.inf
    with np.errstate(all="ignore"):
        assert trainer.step(3) == 0
        assert trainer.diverged_at == 5
        assert trainer.step(3) == 0

    unrecorded = Trainer()
    unrecorded.step(5)
    unrecorded.net.flat[:] = np.inf
    with np.errstate(all="ignore"):
        # No cost is recorded, yet the chunk is replayed to find the exact iteration.
        assert unrecorded.step(3, record_every=0) == 0
    assert unrecorded.diverged_at == 5
    assert unrecorded.step(1) == 0


def test_diverged_at_does_not_depend_on_record_every():
    every_step, every_10 = Trainer(DIVERGING), Trainer(DIVERGING)
    with np.errstate(all="ignore"):
        every_step.step(30, record_every=1)
        every_10.step(30, record_every=10)
    assert every_step.diverged_at is not None
    assert every_10.diverged_at == every_step.diverged_at


# -- floating-point warnings --------------------------------------------------------------------


def _negated_random_trainer() -> Trainer:
    """×10 random weights with the output layer negated: every logit is far below -709."""
    trainer = Trainer(TrainConfig(init="random"))
    trainer.net.W[-1][...] *= -1
    trainer.net.b[-1][...] = -800.0
    return trainer


def test_saturated_negative_logits_give_a_finite_stable_cost():
    trainer = _negated_random_trainer()
    with np.errstate(over="ignore"):
        cost = trainer.cost()
        z = trainer.net.logits_from(trainer.net.forward(trainer.data.train_X)[-2])
        assert trainer.step(1) == 1
    assert (z < -709).all()
    assert math.isfinite(cost)
    assert cost == stable_loss(z, trainer.data.train_Y)
    assert trainer.diverged_at is None


def test_saturated_run_emits_no_floating_point_warnings():
    trainer = _negated_random_trainer()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trainer.step(2)
        trainer.cost()
        trainer.train_accuracy()
