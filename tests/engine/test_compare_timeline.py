"""A comparison's timeline: runs trained in lockstep replay alone to their own numbers, exactly."""

from __future__ import annotations

import numpy as np
import pytest

from engine.compare import Comparison
from engine.compare_timeline import CompareTimeline
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.timeline import FIRST_INTERVAL, interval_for
from engine.trainer import Trainer

TUTORIAL = [TrainConfig(init=name) for name in ("zeros", "random", "he")]
CHUNKS = (1, 37, 97, 250, 13, 400, 64)  # uneven, as a worker's measured chunks are


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


def trained(comparison: Comparison, n: int, timeline: CompareTimeline) -> None:
    """Train ``comparison`` to ``n`` in uneven chunks, recording key frames as the worker does."""
    timeline.record(comparison)
    i = 0
    while comparison.iteration < n and comparison.live:
        chunk = min(CHUNKS[i % len(CHUNKS)], n - comparison.iteration)
        if comparison.lagging:
            comparison.catch_up(chunk)
        else:
            comparison.step(chunk)
        timeline.record(comparison)
        i += 1


def headless_costs(config: TrainConfig, data, n: int) -> dict[int, float]:
    """Every ``Cost after iteration k`` of a straight headless run of ``n`` steps."""
    trainer = Trainer(config, data)
    trainer.step(n)
    its, costs = trainer.history.view().arrays()
    return {**dict(zip(its.tolist(), costs.tolist())), n: trainer.cost()}


def test_lockstep_runs_replay_alone_to_the_headless_costs(data):
    comparison = Comparison(data, TUTORIAL)
    timeline = CompareTimeline()
    trained(comparison, 3000, timeline)
    # the three took their steps together: the stacked batch was trusted and used
    assert [batch is not None for _nets, batch in comparison._batches.values()] == [True]
    for entry in comparison.entries:
        straight = headless_costs(entry.config, data, 3000)
        frames = timeline.frames(entry.key)
        assert frames is not None and len(frames) > 3
        for k in (0, 1, 15, 16, 17, 511, 1234, 2999, 1000, 2, 3000):
            at_k = timeline.trainer_at(entry, k)
            assert at_k.iteration == k
            assert at_k.cost() == straight[k], (entry.config.init, k)
        # the newest is the run's own trainer, nothing replayed
        assert timeline.trainer_at(entry, 3000) is entry.trainer
        assert timeline.trainer_at(entry, 99_999) is entry.trainer


def test_a_late_run_and_a_diverged_run_show_their_own_last_iteration(data):
    diverging = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))
    comparison = Comparison(data, [TrainConfig(init="he"), diverging])
    timeline = CompareTimeline()
    trained(comparison, 600, timeline)
    he, bad = comparison.entries
    assert bad.diverged_at is not None and bad.diverged_at < 600
    d = bad.diverged_at
    assert timeline.trainer_at(bad, 599) is bad.trainer  # past its divergence: its last state
    if d > 1:
        assert timeline.trainer_at(bad, d - 1).iteration == d - 1
    late = comparison.add(TrainConfig(init="xavier"))
    timeline.record(comparison)
    late.trainer.step(100)  # part of the way: catching up
    timeline.record(comparison)
    assert timeline.trainer_at(late, 500) is late.trainer and late.iteration == 100
    assert timeline.trainer_at(late, 40).cost() == headless_costs(late.config, data, 40)[40]
    assert timeline.trainer_at(he, 300).cost() == headless_costs(he.config, data, 300)[300]


def test_rows_at_an_earlier_iteration_know_only_what_was_known_then(data):
    comparison = Comparison(data, [TrainConfig(init="he")])
    timeline = CompareTimeline()
    trained(comparison, 5000, timeline)
    (he,) = comparison.entries
    reached = he.accuracy_reached_at  # 90 % train accuracy: at 4904
    assert reached is not None and 0 < reached < 5000
    (before,) = comparison.rows("paused", {he.key: timeline.trainer_at(he, reached - 1)})
    assert before.iteration == reached - 1 and before.accuracy_reached_at is None
    assert before.cost == headless_costs(he.config, data, reached)[reached - 1]
    (at,) = comparison.rows("paused", {he.key: timeline.trainer_at(he, reached)})
    assert at.accuracy_reached_at == reached and at.train_accuracy >= 0.9
    straight = Trainer(he.config, data)
    straight.step(reached)
    assert (at.cost, at.train_accuracy, at.test_accuracy) == (
        straight.cost(),
        straight.train_accuracy(),
        straight.test_accuracy(),
    )
    (now,) = comparison.rows("paused")
    assert now.iteration == 5000 and now.accuracy_reached_at == reached


def test_rows_say_diverged_only_from_the_divergence_on(data):
    diverging = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))
    comparison = Comparison(data, [diverging])
    timeline = CompareTimeline()
    trained(comparison, 300, timeline)
    (bad,) = comparison.entries
    d = bad.diverged_at
    assert d is not None and d > 0
    (before,) = comparison.rows("paused", {bad.key: timeline.trainer_at(bad, d - 1)})
    assert before.state == "paused" and before.diverged_at is None
    (after,) = comparison.rows("paused", {bad.key: timeline.trainer_at(bad, 299)})
    assert after.state == "diverged" and after.diverged_at == d


def test_key_frames_are_spaced_for_every_run_replayed_together(data):
    comparison = Comparison(data, TUTORIAL)
    timeline = CompareTimeline()
    timeline.record(comparison)
    assert {timeline.frames(e.key).interval for e in comparison.entries} == {FIRST_INTERVAL}
    timeline.tune(40e-6)  # a step of one network: a jump replays three
    wanted = interval_for(3 * 40e-6)
    assert wanted < interval_for(40e-6)
    assert {timeline.frames(e.key).interval for e in comparison.entries} == {wanted}


def test_forget_and_clear(data):
    comparison = Comparison(data, TUTORIAL)
    timeline = CompareTimeline()
    trained(comparison, 200, timeline)
    timeline.forget(1)
    assert timeline.frames(1) is None and timeline.frames(0) is not None
    timeline.clear()
    assert timeline.frames(0) is None and timeline.nbytes == 0
    comparison.reset()
    timeline.record(comparison)
    assert timeline.frames(0).iterations == (0,)


def test_memory_stays_within_the_budget_per_run(data):
    comparison = Comparison(data, [TrainConfig(init="he", hidden=(30, 30))])
    params = comparison.entries[0].trainer.net.flat.nbytes
    timeline = CompareTimeline(budget_bytes=40 * params)
    trained(comparison, 2000, timeline)
    assert timeline.nbytes <= 40 * params
    (entry,) = comparison.entries
    straight = headless_costs(entry.config, data, 2000)
    for k in (1999, 17, 1500):
        assert timeline.trainer_at(entry, k).cost() == straight[k]
    assert np.isfinite(timeline.trainer_at(entry, 0).cost())
