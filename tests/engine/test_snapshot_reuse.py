"""Snapshots reuse the forward pass of the current parameters: the numbers stay bit for bit those
of a trainer that never took one, nothing stale is returned after a step, a reset or a new
learning rate, and a snapshot between steps costs no extra forward pass over the training set."""

from __future__ import annotations

import numpy as np
import pytest

from engine.compare import Comparison
from engine.config import TrainConfig
from engine.trainer import Trainer

CONFIGS = [
    TrainConfig(),
    TrainConfig(init="random"),  # saturated outputs: the stable loss's slow path
    TrainConfig(init="xavier", activation="tanh", hidden=(7, 6, 5), dataset="moons"),
    TrainConfig(init="scaled", scale=3.0, activation="sigmoid", learning_rate=0.5),
    TrainConfig(init="lecun", activation="leaky_relu", hidden=(12,), dataset="spiral"),
]


def numbers(trainer: Trainer) -> tuple:
    """Everything a snapshot reports about where the run stands, as plain values."""
    snap = trainer.snapshot()
    diag = snap.diagnostics
    return (
        snap.iteration,
        snap.cost,
        snap.train_accuracy,
        snap.test_accuracy,
        snap.saturated,
        diag.saturated,
        diag.dead_units,
        diag.flat_fractions,
        tuple(tuple(h.counts) for h in diag.activation_hists),
    )


def fresh_numbers(config: TrainConfig, steps: int, lr: float | None = None) -> tuple:
    """What a trainer that took no snapshot on the way reports after ``steps`` steps."""
    trainer = Trainer(config)
    if lr is None:
        trainer.step(steps)
    else:
        half = steps // 2
        trainer.step(half)
        trainer.set_learning_rate(lr)
        trainer.step(steps - half)
    return numbers(trainer)


def recomputed(trainer: Trainer) -> tuple:
    """The same numbers from scratch, with none of the trainer's caches (predict_proba)."""
    data = trainer.data
    proba = trainer.net.predict_proba(data.train_X)
    train = float(np.mean((proba > 0.5).astype(np.int64)[0] == data.train_Y[0]))
    saturated = int(np.count_nonzero((proba == 0.0) | (proba == 1.0)))
    return train, trainer.accuracy(data.test_X, data.test_Y), saturated


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: f"{c.init}-{c.activation}")
def test_snapshots_between_steps_change_no_number(config):
    """The window's way (a snapshot after every chunk, even of one step) against one go."""
    watched = Trainer(config)
    for chunk in (1, 1, 2, 1, 5, 1, 30, 1, 7, 51):
        numbers(watched)
        watched.step(chunk)
    alone = Trainer(config)
    alone.step(100)
    assert np.array_equal(watched.net.flat, alone.net.flat)
    assert np.array_equal(watched.history.view().arrays(), alone.history.view().arrays())
    assert numbers(watched) == numbers(alone) == fresh_numbers(config, 100)
    snap = watched.snapshot()
    assert (snap.train_accuracy, snap.test_accuracy, snap.saturated) == recomputed(watched)


@pytest.mark.parametrize("record_every", [0, 1, 7, 1000])
def test_every_recording_path_starts_from_the_shared_forward_pass(record_every):
    watched, alone = Trainer(CONFIGS[2]), Trainer(CONFIGS[2])
    for _ in range(6):
        watched.snapshot()
        watched.step(13, record_every)
        alone.step(13, record_every)
    assert np.array_equal(watched.net.flat, alone.net.flat)
    assert np.array_equal(watched.history.view().arrays(), alone.history.view().arrays())


def test_the_cost_after_n_steps_is_the_headless_cost_of_iteration_n():
    """The window's cost label against ``Cost after iteration N`` (a run printing every step)."""
    headless = Trainer()
    headless.step(301, record_every=1)
    costs = dict(zip(*(a.tolist() for a in headless.history.view().arrays()), strict=True))
    window = Trainer()
    for n in (0, 1, 50, 299, 300):
        window.step(n - window.iteration)
        assert window.snapshot().cost == costs[n]
        assert window.cost() == costs[n]


def test_nothing_stale_after_a_step():
    trainer = Trainer(CONFIGS[1])
    before = numbers(trainer)
    trainer.step(40)
    after = numbers(trainer)
    assert after != before
    assert after == fresh_numbers(CONFIGS[1], 40)
    assert recomputed(trainer) == (after[2], after[3], after[4])


def test_nothing_stale_after_a_reset():
    trainer = Trainer(CONFIGS[0])
    start = numbers(trainer)
    trainer.step(700)
    assert numbers(trainer) != start
    trainer.reset()
    assert numbers(trainer) == start
    trainer.step(700)
    assert numbers(trainer) == fresh_numbers(CONFIGS[0], 700)


def test_a_new_learning_rate_applies_to_the_step_that_starts_from_the_shared_pass():
    trainer = Trainer(CONFIGS[0])
    trainer.step(150)
    numbers(trainer)  # the forward pass of iteration 150 is now shared with the next step
    trainer.set_learning_rate(0.5)
    numbers(trainer)
    trainer.step(150)
    expected = Trainer(CONFIGS[0])
    expected.step(150)
    expected.set_learning_rate(0.5)
    expected.step(150)
    assert np.array_equal(trainer.net.flat, expected.net.flat)
    assert numbers(trainer) == numbers(expected) == fresh_numbers(CONFIGS[0], 300, lr=0.5)


def test_a_comparison_stepped_in_lockstep_shows_no_stale_numbers():
    """Lockstep steps change the networks from outside (``Trainer.advanced``)."""
    configs = [TrainConfig(), TrainConfig(init="random"), TrainConfig(init="xavier")]
    data = Trainer(configs[0]).data
    comparison = Comparison(data, configs)
    comparison.rows()
    comparison.step(250)
    rows = comparison.rows()
    for row, config in zip(rows, configs, strict=True):
        alone = Trainer(config, data)
        alone.step(250)
        assert (row.cost, row.train_accuracy, row.test_accuracy) == (
            alone.cost(),
            alone.train_accuracy(),
            alone.test_accuracy(),
        )


# -- how many forward passes over the training set ------------------------------------------------
@pytest.fixture
def training_forwards(monkeypatch):
    """Counts ``np.dot`` calls whose right operand is the training data: one per forward pass
    (the first layer's product), whichever code path computes it."""
    count = {"n": 0, "X": ()}
    dot = np.dot

    def spy(a, b, *args, **kwargs):
        if any(b is X for X in count["X"]):
            count["n"] += 1
        return dot(a, b, *args, **kwargs)

    def watch(trainer: Trainer) -> Trainer:
        count["X"] = (trainer.data.train_X, trainer._batch.X)
        count["n"] = 0
        return trainer

    monkeypatch.setattr(np, "dot", spy)
    count["watch"] = watch
    return count


def test_the_spy_sees_every_forward_pass(training_forwards):
    trainer = training_forwards["watch"](Trainer())
    trainer.step(25)
    assert training_forwards["n"] == 25
    trainer.net.predict_proba(trainer.data.train_X)
    assert training_forwards["n"] == 26


@pytest.mark.parametrize("record_every", [1, 0, 10])
def test_a_snapshot_between_steps_costs_no_extra_forward_pass(training_forwards, record_every):
    trainer = Trainer()
    trainer.step(30, record_every)
    training_forwards["watch"](trainer)
    trainer.snapshot()
    trainer.snapshot()
    trainer.cost(), trainer.train_accuracy(), trainer.saturated_count(), trainer.diagnostics()
    assert training_forwards["n"] == 1  # the current parameters' pass, once
    trainer.step(20, record_every)
    assert training_forwards["n"] == 20  # ... which the first of these steps started from
    for _ in range(10):  # the window at one step per frame
        trainer.snapshot()
        trainer.step(1, record_every)
    assert training_forwards["n"] == 30


def counted_test_passes(monkeypatch) -> tuple[Trainer, list]:
    """A trainer 10 steps on, and a list that grows by one with each pass over a data set."""
    trainer = Trainer()
    trainer.step(10)
    calls: list = []
    into = trainer.net.predict_proba_into
    monkeypatch.setattr(
        trainer.net, "predict_proba_into", lambda X, s: calls.append(1) or into(X, s)
    )
    return trainer, calls


def test_the_test_accuracy_is_computed_once_per_iteration(monkeypatch):
    trainer, calls = counted_test_passes(monkeypatch)
    first = trainer.test_accuracy()
    trainer.snapshot()
    assert trainer.test_accuracy() == first and len(calls) == 1
    assert first == trainer.accuracy(trainer.data.test_X, trainer.data.test_Y)
    trainer.step(1)
    trainer.snapshot()
    assert trainer.test_accuracy() == trainer.accuracy(trainer.data.test_X, trainer.data.test_Y)
    assert len(calls) == 2


def test_a_numbers_only_snapshot_takes_no_test_pass_and_says_so(monkeypatch):
    """Frames between full ones leave the test accuracy out (a forward pass over the test set
    each): ``None``, unless this iteration's is known already, which is then the exact one."""
    trainer, calls = counted_test_passes(monkeypatch)
    snap = trainer.snapshot(with_layers=False, with_diagnostics=False, with_test_accuracy=False)
    assert snap.test_accuracy is None and not calls
    assert (snap.cost, snap.train_accuracy) == (trainer.cost(), trainer.train_accuracy())
    known = trainer.test_accuracy()  # measured once (as a metrics row or a full frame does)
    assert len(calls) == 1
    again = trainer.snapshot(with_test_accuracy=False)
    assert again.test_accuracy == known and len(calls) == 1
    trainer.step(1)
    assert trainer.snapshot(with_test_accuracy=False).test_accuracy is None
    assert trainer.snapshot().test_accuracy == trainer.accuracy(
        trainer.data.test_X, trainer.data.test_Y
    )
