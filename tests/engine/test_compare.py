"""The comparison engine: lockstep, the tutorial's three results, exact milestones, the table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.cli_compare import format_table
from engine.compare import (
    ACCURACY_MILESTONE,
    COST_MILESTONE,
    MAX_CONFIGS,
    Comparison,
    config_label,
    make_trainer,
)
from engine.config import TrainConfig
from engine.datasets import Dataset, load_dataset

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = {"zeros": (0.5, 0.5), "random": (0.83, 0.86), "he": (0.9933333333333333, 0.96)}
DIVERGING = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


@pytest.fixture(scope="module")
def finished(data):
    """The tutorial's comparison, trained 15000 iterations in lockstep (once for the module)."""
    comparison = Comparison(data, [TrainConfig(init=name) for name in TUTORIAL])
    assert comparison.step(15000) == 15000
    return comparison


def standalone(config: TrainConfig, data, n: int):
    """The same configuration trained alone, as the single window or the CLI would."""
    trainer = make_trainer(config, data)
    trainer.step(n)
    return trainer


def brute_milestones(config: TrainConfig, data, limit: int) -> tuple[int | None, int | None]:
    """The first iterations with cost <= 0.3 and train accuracy >= 0.9, checked at every step."""
    trainer = make_trainer(config, data)
    cost_at = acc_at = None
    while trainer.iteration <= limit and (cost_at is None or acc_at is None):
        if cost_at is None and trainer.cost() <= COST_MILESTONE:
            cost_at = trainer.iteration
        if acc_at is None and trainer.train_accuracy() >= ACCURACY_MILESTONE:
            acc_at = trainer.iteration
        trainer.step(1)
    return cost_at, acc_at


# -- the tutorial ----------------------------------------------------------------------------------
def test_the_default_comparison_reproduces_the_tutorials_three_results(finished):
    rows = finished.rows("finished")
    assert [r.init for r in rows] == list(TUTORIAL)
    for row in rows:
        assert row.iteration == 15000
        assert (row.train_accuracy, row.test_accuracy) == TUTORIAL[row.init]
        assert row.state == "finished"
    zeros = rows[0]
    assert zeros.cost == pytest.approx(np.log(2), abs=1e-12)  # symmetry never breaks
    assert zeros.cost_reached_at is None and zeros.accuracy_reached_at is None
    he = rows[2]
    assert he.cost < COST_MILESTONE and he.cost_reached_at is not None
    assert he.accuracy_reached_at is not None


def test_he_milestones_are_exact_to_the_iteration(finished, data):
    he = finished.rows()[2]
    # Brute force: cost and accuracy at every single step up to the known crossing.
    assert (he.cost_reached_at, he.accuracy_reached_at) == brute_milestones(
        TrainConfig(), data, he.cost_reached_at
    )


def test_lockstep_runs_are_bit_identical_to_runs_alone(data):
    configs = [TrainConfig(init=name) for name in TUTORIAL]
    comparison = Comparison(data, configs)
    for n in (1, 7, 250, 992, 250):  # chunks that straddle record and check points
        comparison.step(n)
    assert comparison.iteration == 1500
    for entry, config in zip(comparison.entries, configs):
        alone = standalone(config, data, 1500)
        assert entry.iteration == 1500
        assert np.array_equal(entry.trainer.net.flat, alone.net.flat)
        assert entry.trainer.cost() == alone.cost()


def test_runs_of_one_shape_step_together_with_the_numbers_of_runs_stepped_apart(data, monkeypatch):
    """Histories, milestones and weights, through uneven chunks: lockstep batching is only
    ever faster.  (Three of one shape, one of another, which steps alone.)"""
    configs = [*(TrainConfig(init=name) for name in TUTORIAL), TrainConfig(hidden=(8, 4))]
    together = Comparison(data, configs)
    assert [len(g) for g in together._lockstep_groups()] == [3]
    apart = Comparison(data, configs)
    monkeypatch.setattr(apart, "_lockstep_groups", lambda: [])
    for n in (1, 19, 250, 992, 37, 1701):
        together.step(n)
        apart.step(n)
    for a, b in zip(together.entries, apart.entries):
        assert a.iteration == b.iteration == 3000
        assert np.array_equal(a.trainer.net.flat, b.trainer.net.flat)
        assert np.array_equal(
            a.trainer.history.view().arrays()[1], b.trainer.history.view().arrays()[1]
        )
        assert (a.cost_reached_at, a.accuracy_reached_at) == (
            b.cost_reached_at,
            b.accuracy_reached_at,
        )
    assert together.rows() == apart.rows()


def test_a_run_diverging_in_a_lockstep_group_stops_exactly_where_it_would_alone(data):
    big = (100, 100, 100)
    comparison = Comparison(data, [TrainConfig(init="he", hidden=big), DIVERGING])
    assert [len(g) for g in comparison._lockstep_groups()] == [2]
    comparison.step(200)
    good, bad = comparison.entries
    assert bad.diverged_at == standalone(DIVERGING, data, 200).diverged_at is not None
    alone = standalone(TrainConfig(init="he", hidden=big), data, 200)
    assert good.iteration == 200 and np.array_equal(good.trainer.net.flat, alone.net.flat)
    assert comparison._lockstep_groups() == [] and not comparison._batches  # nothing kept


@pytest.mark.parametrize("check_every", [1, 7, 100, 1000])
def test_milestones_do_not_depend_on_the_check_interval_or_the_chunks(data, check_every):
    config = TrainConfig(learning_rate=0.1)  # reaches both milestones within a few hundred steps
    expected = brute_milestones(config, data, 2000)
    assert None not in expected
    comparison = Comparison(data, [config], check_every=check_every)
    while comparison.iteration < 2000:
        comparison.step(37)
    entry = comparison.entries[0]
    assert (entry.cost_reached_at, entry.accuracy_reached_at) == expected


def test_a_milestone_met_at_iteration_zero_is_zero(data):
    # One class only: zeros predicts P = 0.5 everywhere, i.e. class 0, so its accuracy is 1.0
    # from the start, while its cost (ln 2) still has to fall below 0.3.
    one_class = Dataset(
        "one-class",
        data.train_X.copy(),
        np.zeros_like(data.train_Y),
        data.test_X.copy(),
        np.zeros_like(data.test_Y),
    )
    config = TrainConfig(init="zeros", learning_rate=0.5)
    comparison = Comparison(one_class, [config])
    entry = comparison.entries[0]
    assert entry.accuracy_reached_at == 0 and entry.cost_reached_at is None
    comparison.step(400)
    assert entry.accuracy_reached_at == 0
    assert entry.cost_reached_at == brute_milestones(config, one_class, 400)[0] is not None


# -- divergence --------------------------------------------------------------------------------
def test_a_diverging_configuration_stops_and_the_others_go_on(data):
    comparison = Comparison(data, [TrainConfig(), DIVERGING])
    comparison.step(200)
    he, bad = comparison.entries
    alone = standalone(DIVERGING, data, 200)
    assert alone.diverged_at is not None and alone.diverged_at < 200
    assert bad.diverged_at == alone.diverged_at
    assert bad.iteration == alone.diverged_at
    assert he.iteration == 200 == comparison.iteration
    rows = comparison.rows("running")
    assert rows[0].state == "running"
    assert rows[1].state == "diverged"
    assert rows[1].state_text == f"diverged at {alone.diverged_at}"
    comparison.step(50)  # the diverged one stays put, the other keeps going
    assert (he.iteration, bad.iteration) == (250, alone.diverged_at)


def test_when_everything_diverged_stepping_does_nothing(data):
    comparison = Comparison(data, [DIVERGING])
    comparison.step(200)
    assert not comparison.live
    before = comparison.iteration
    assert comparison.step(10) == 0
    assert comparison.iteration == before


# -- adding, removing, resetting ---------------------------------------------------------------
def test_a_late_configuration_catches_up_in_bounded_pieces(data):
    comparison = Comparison(data, [TrainConfig(init="zeros")])
    comparison.step(300)
    late_config = TrainConfig(hidden=(8, 4), learning_rate=0.05)
    late = comparison.add(late_config)
    assert late.iteration == 0
    assert comparison.lagging == [late] and not comparison.in_step
    taken = comparison.catch_up(120)
    assert taken == 120 and late.iteration == 120
    while comparison.catch_up(120):
        pass
    assert comparison.in_step and late.iteration == 300
    assert np.array_equal(late.trainer.net.flat, standalone(late_config, data, 300).net.flat)
    comparison.step(10)
    assert [e.iteration for e in comparison.entries] == [310, 310]


def test_step_brings_laggards_all_the_way_first(data):
    comparison = Comparison(data, [TrainConfig()])
    comparison.step(100)
    late = comparison.add(TrainConfig(init="random"))
    comparison.step(5)
    assert [e.iteration for e in comparison.entries] == [105, 105]
    assert late.trainer.cost() == standalone(TrainConfig(init="random"), data, 105).cost()


def test_removing_leaves_the_others_untouched(data):
    comparison = Comparison(data, [TrainConfig(init=name) for name in TUTORIAL])
    comparison.step(50)
    he = comparison.entries[2]
    flat = he.trainer.net.flat.copy()
    assert comparison.remove(comparison.entries[0].key)
    assert not comparison.remove(12345)
    assert [e.config.init for e in comparison.entries] == ["random", "he"]
    assert np.array_equal(he.trainer.net.flat, flat) and comparison.iteration == 50
    for entry in list(comparison.entries):
        comparison.remove(entry.key)
    assert comparison.iteration == 0 and comparison.entries == []
    assert comparison.step(10) == 0


def standing(comparison: Comparison) -> list[tuple[float, int | None, int | None]]:
    return [
        (e.trainer.cost(), e.cost_reached_at, e.accuracy_reached_at) for e in comparison.entries
    ]


def test_reset_replays_the_same_numbers_and_clears_milestones(data):
    comparison = Comparison(data, [TrainConfig(learning_rate=0.1), TrainConfig(init="zeros")])
    comparison.step(900)
    first = standing(comparison)
    assert first[0][1] is not None
    comparison.reset()
    assert comparison.iteration == 0
    for entry in comparison.entries:
        assert entry.iteration == 0
        assert entry.cost_reached_at is None and entry.accuracy_reached_at is None
    comparison.step(900)
    again = standing(comparison)
    assert again == first


def test_at_most_six_configurations_and_unique_keys(data):
    comparison = Comparison(data, [TrainConfig() for _ in range(MAX_CONFIGS)])
    assert [e.key for e in comparison.entries] == list(range(MAX_CONFIGS))
    with pytest.raises(ValueError, match="at most 6"):
        comparison.add(TrainConfig())
    comparison.remove(3)
    with pytest.raises(ValueError, match="already in use"):
        comparison.add(TrainConfig(), key=1)
    assert comparison.add(TrainConfig()).key == MAX_CONFIGS  # keys are never reused
    assert len(comparison.entries) == MAX_CONFIGS


# -- labels and the table ----------------------------------------------------------------------
def test_labels_name_the_initializer_and_what_differs_from_the_tutorial():
    assert config_label(TrainConfig()) == "He"
    assert config_label(TrainConfig(init="random")) == "Random ×10"
    assert config_label(TrainConfig(learning_rate=0.1, hidden=(20, 10))) == "He · lr 0.1 · 20,10"
    assert config_label(TrainConfig(init="zeros", seed=7)) == "Zeros"  # zeros ignores the seed
    assert config_label(TrainConfig(seed=7, activation="tanh")) == "He · tanh · seed 7"


def test_the_table_is_aligned_plain_text(finished, data):
    comparison = Comparison(data, [TrainConfig(), DIVERGING])
    comparison.step(100)
    text = format_table([*finished.rows("finished"), *comparison.rows("paused")])
    lines = text.splitlines()
    assert lines[0].split("  ")[0] == "configuration"
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + 5
    # Columns line up: every column starts where its header starts.
    starts = [lines[0].index(h) for h in ("iterations", "cost", "train accuracy", "state")]
    for line in lines[2:]:
        for start in starts:
            assert line[start - 2 : start] == "  " and line[start] != " "
    he = lines[4]
    assert "0.9933333333333333" in he and "0.96" in he and "not reached" not in he
    assert lines[2].count("not reached") == 2  # zeros reaches neither milestone
    assert "diverged at" in lines[-1]


def test_the_engine_never_imports_qt():
    code = (
        "import sys, engine.compare\n"
        "bad = [m for m in sys.modules if m.startswith(('PyQt6', 'pyqtgraph'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
