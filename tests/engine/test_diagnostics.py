"""Diagnostics: hand-checked values of each measure; how the trainer records and reports them."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine import reference
from engine.activations import ACTIVATIONS
from engine.config import TrainConfig
from engine.diagnostics import (
    DEAD_RULES,
    NAIVE_LOSS_NOTE,
    BlockNorms,
    Diagnostics,
    GradientHistory,
    activation_histogram,
    dead_units,
    distinct_rows,
    flat_fraction,
    hidden_activations,
    saturation_note,
)
from engine.initializers import initialize
from engine.trainer import Trainer

DIVERGING = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))


# -- distinct neurons ------------------------------------------------------------------------------


def test_distinct_rows_by_hand():
    assert distinct_rows(np.zeros((10, 3))) == 1
    assert distinct_rows(np.zeros((0, 3))) == 0
    assert distinct_rows(np.ones((1, 3))) == 1
    M = np.array([[1.0, 2.0], [1.0, 2.0], [3.0, 4.0], [1.0, 2.0 + 1e-13], [1.0, 2.1]])
    assert distinct_rows(M) == 3  # rows 0, 1, 3 are one neuron (1e-13 < 1e-12·4)
    assert distinct_rows(M, rtol=0.0) == 4  # exact comparison tells row 3 apart
    assert distinct_rows(np.eye(5)) == 5


def test_distinct_rows_tolerance_is_relative_to_the_layer_with_a_floor_of_one():
    big = np.array([[1e6, 0.0], [1e6 + 1e-7, 0.0]])  # differ by 1e-13 relative: the same
    assert distinct_rows(big) == 1
    tiny = np.array([[1e-50, 0.0], [3e-50, 0.0]])  # rounding noise around zero: the same
    assert distinct_rows(tiny) == 1
    apart = np.array([[0.0, 0.0], [2e-12, 0.0]])
    assert distinct_rows(apart) == 2


def test_distinct_rows_on_random_and_duplicated_rows():
    rng = np.random.RandomState(0)
    M = rng.randn(50, 8)
    assert distinct_rows(M) == 50
    dup = np.vstack([M[:7]] * 4)  # 28 rows, 7 different
    assert distinct_rows(rng.permutation(dup)) == 7
    jittered = dup + rng.uniform(-1e-14, 1e-14, dup.shape)
    assert distinct_rows(jittered) == 7


def test_distinct_rows_compares_non_finite_rows_by_pattern():
    M = np.array([[np.nan, 1.0], [np.nan, 1.0], [0.0, 1.0], [np.inf, 1.0], [np.nan, 2.0]])
    assert distinct_rows(M) == 4


# -- dead units and saturation ---------------------------------------------------------------------


def test_dead_units_by_hand():
    A = np.array([[0.0, 0.0, 0.0], [0.0, 0.5, 0.0], [1.0, 2.0, 3.0]])
    assert dead_units(A, "relu") == 1
    assert flat_fraction(A, "relu") == pytest.approx(5 / 9)
    L = np.array([[-0.01, -0.02, 0.0], [-0.01, 0.3, -0.2]])
    assert dead_units(L, "leaky_relu") == 1
    T = np.array([[0.995, -0.999, 0.9999], [0.995, 0.5, -1.0], [1.0, 1.0, 1.0]])
    assert dead_units(T, "tanh") == 2
    assert flat_fraction(T, "tanh") == pytest.approx(8 / 9)
    S = np.array([[0.001, 0.999, 0.005], [0.5, 0.001, 0.001], [0.0, 1.0, 0.0]])
    assert dead_units(S, "sigmoid") == 2
    assert dead_units(np.zeros((3, 0)), "relu") == 0
    assert flat_fraction(np.zeros((3, 0)), "relu") == 0.0
    with pytest.raises(KeyError):
        dead_units(A, "softplus")


def test_every_activation_has_a_dead_rule():
    assert set(DEAD_RULES) == set(ACTIVATIONS)
    for rule in DEAD_RULES.values():
        assert rule.word and len(rule.rule) > 20


def test_saturation_note():
    assert saturation_note(0, 300) == ""
    note = saturation_note(300, 300)
    assert note.startswith("300 of 300") and NAIVE_LOSS_NOTE in note
    assert "inf" in NAIVE_LOSS_NOTE and "log(0)" in NAIVE_LOSS_NOTE
    assert NAIVE_LOSS_NOTE.count(". ") == 0  # one sentence


# -- activation histograms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("activation", "values", "lo", "hi"),
    [
        ("relu", np.maximum(np.random.RandomState(0).randn(5, 60), 0), 0.0, None),
        ("tanh", np.tanh(np.random.RandomState(1).randn(5, 60) * 3), -1.0, 1.0),
        ("sigmoid", 1 / (1 + np.exp(-np.random.RandomState(2).randn(5, 60))), 0.0, 1.0),
        ("leaky_relu", np.random.RandomState(3).randn(5, 60), None, None),
    ],
)
def test_histograms_have_fixed_ranges_and_numpys_counts(activation, values, lo, hi):
    h = activation_histogram(values, activation)
    top = np.abs(values).max()
    expected_lo = lo if lo is not None else -top
    expected_hi = hi if hi is not None else top
    assert h.edges[0] == expected_lo and h.edges[-1] == expected_hi
    assert len(h.edges) == 31 and len(h.counts) == 30
    counts, edges = np.histogram(values, bins=30, range=(expected_lo, expected_hi))
    assert np.array_equal(h.counts, counts)
    np.testing.assert_allclose(h.edges, edges)
    assert h.counts.sum() == values.size
    assert h.zeros == np.count_nonzero(values == 0.0) and h.non_finite == 0
    assert not h.counts.flags.writeable and not h.edges.flags.writeable


def test_histogram_by_hand():
    h = activation_histogram(np.array([[-1.0, -1.0, 1.0, 0.0, 0.5, np.nan]]), "tanh", bins=4)
    assert h.edges.tolist() == [-1.0, -0.5, 0.0, 0.5, 1.0]
    assert h.counts.tolist() == [2, 0, 1, 2]  # -1, -1 | | 0 | 0.5, 1 (right edge included)
    assert h.zeros == 1 and h.non_finite == 1
    counts, edges = h
    assert counts is h.counts and edges is h.edges
    dead = activation_histogram(np.zeros((3, 4)), "relu", bins=2)
    assert dead.edges.tolist() == [0.0, 0.5, 1.0] and dead.counts.tolist() == [12, 0]


# -- gradient norms --------------------------------------------------------------------------------


def test_block_norms_on_contiguous_blocks_and_on_separate_arrays():
    flat = np.arange(10.0)
    views = [flat[0:3].reshape(3, 1), flat[3:4].reshape(1, 1), flat[4:10].reshape(2, 3)]
    expected = [np.linalg.norm(v) for v in views]
    contiguous = BlockNorms(views)
    assert contiguous._span is not None  # one reduction over the shared buffer
    np.testing.assert_allclose(contiguous(), expected, rtol=1e-15)
    separate = BlockNorms([v.copy() for v in views])
    assert separate._span is None
    np.testing.assert_allclose(separate(), expected, rtol=1e-15)
    gapped = BlockNorms([flat[0:3], flat[5:7]])
    assert gapped._span is None
    np.testing.assert_allclose(gapped(), [np.linalg.norm(flat[0:3]), np.linalg.norm(flat[5:7])])
    flat[0] = 100.0  # views: the next call sees the new values
    assert contiguous()[0] == pytest.approx(np.linalg.norm([100.0, 1.0, 2.0]))


def test_gradient_history_records_thins_and_stays_bounded():
    h = GradientHistory(2, every=10, capacity=4)
    due = 0
    for it in range(200):
        if it == due:
            due = h.append(it, np.array([it, 1.0]), np.array([2.0, 3.0]))
        assert len(h) <= 4
    v = h.view()
    assert h.period == 80
    assert v.iterations.tolist() == [0, 80, 160]
    np.testing.assert_allclose(v.weight_norms[:, 0], [0, 80, 160])
    np.testing.assert_allclose(v.delta_norms, [[2.0, 3.0]] * 3)
    assert v.n_layers == 2 and len(v) == 3
    assert h.due_from(161) == 240 and h.due_from(160) == 160
    h.drop_from(80)
    assert h.view().iterations.tolist() == [0]
    assert h.last()[0] == 0
    odd = GradientHistory(1, every=1, capacity=4)
    for it in (2, 4, 6, 8, 10):  # all multiples of the doubled period: thinned anyway
        odd.append(it, np.ones(1), np.ones(1))
    assert len(odd) == 3 and odd.view().iterations.tolist() == [2, 6, 10]
    off = GradientHistory(3, every=0)
    assert off.due_from(0) == -1 and len(off.view()) == 0 and off.last() is None


def test_trainer_records_every_tenth_gradient_norm_of_each_layer():
    trainer = Trainer()
    trainer.step(1)
    g = trainer.grad_history.view()
    assert g.iterations.tolist() == [0] and g.weight_norms.shape == (1, 3)
    # At iteration 0 the gradient is the tutorial's own backward pass on the initial weights.
    params = {}
    for k, (W, b) in enumerate(initialize("he", trainer.layer_dims, 3), start=1):
        params[f"W{k}"], params[f"b{k}"] = W, b
    a, cache = reference.forward(trainer.data.train_X, params)
    grads = reference.backward(trainer.data.train_Y, params, cache)
    for k in range(3):
        assert g.weight_norms[0, k] == pytest.approx(np.linalg.norm(grads[f"dW{k + 1}"]), rel=1e-12)
    # |δ| of the output layer is |(a - y) / m|.
    m = trainer.data.train_Y.shape[1]
    assert g.delta_norms[0, -1] == pytest.approx(
        np.linalg.norm((a - trainer.data.train_Y) / m), rel=1e-12
    )
    trainer.step(99)
    assert trainer.grad_history.view().iterations.tolist() == list(range(0, 100, 10))


def test_gradient_norms_do_not_depend_on_how_the_steps_are_chunked():
    runs = [Trainer() for _ in range(3)]
    runs[0].step(250)
    for _ in range(25):
        runs[1].step(10, record_every=7)
    runs[2].step(137, record_every=0)
    runs[2].step(113, record_every=1000)
    reference_view = runs[0].grad_history.view()
    for trainer in runs[1:]:
        view = trainer.grad_history.view()
        assert np.array_equal(view.iterations, reference_view.iterations)
        assert np.array_equal(view.weight_norms, reference_view.weight_norms)
        assert np.array_equal(view.delta_norms, reference_view.delta_norms)
        assert np.array_equal(trainer.net.flat, runs[0].net.flat)


def test_recording_gradients_changes_no_number_of_the_run():
    on, off = Trainer(), Trainer(grad_every=0)
    on.step(300, record_every=50)
    off.step(300, record_every=50)
    assert np.array_equal(on.net.flat, off.net.flat)
    assert np.array_equal(on.history.view().arrays()[1], off.history.view().arrays()[1])
    assert len(off.grad_history) == 0 and len(on.grad_history) == 30
    with pytest.raises(ValueError):
        Trainer(grad_every=-1)


def test_a_replayed_divergent_chunk_keeps_no_gradient_rows_past_the_divergence():
    every_step, chunked = Trainer(DIVERGING), Trainer(DIVERGING)
    with np.errstate(all="ignore"):
        every_step.step(60, record_every=1)
        chunked.step(60, record_every=25)
    assert chunked.diverged_at == every_step.diverged_at is not None
    a, b = every_step.grad_history.view(), chunked.grad_history.view()
    assert np.array_equal(a.iterations, b.iterations)
    assert a.iterations.max() < every_step.diverged_at
    assert np.isfinite(a.weight_norms).all()


def test_vanishing_and_exploding_show_in_the_error_signal():
    def deltas(init, scale=1.0):
        trainer = Trainer(TrainConfig(hidden=(50,) * 10, activation="tanh", init=init, scale=scale))
        trainer.step(1)
        return trainer.grad_history.view().delta_norms[0]

    small, exploding, healthy = deltas("small"), deltas("scaled", 3.0), deltas("xavier")
    assert small[0] / small[-1] < 1e-10  # over ten orders of magnitude lost on the way back
    assert exploding[0] / exploding[-1] > 10  # grows on the way back
    assert 0.5 < healthy[0] / healthy[-1] < 2  # keeps its size
    assert np.all(np.diff(np.log(small)) > 0)  # shrinking layer after layer towards the input


# -- the trainer's diagnostics ---------------------------------------------------------------------


@pytest.mark.parametrize("iterations", [0, 1, 100, 1000])
def test_zeros_keeps_one_distinct_neuron_per_layer_forever(iterations):
    trainer = Trainer(TrainConfig(init="zeros"))
    trainer.step(iterations, record_every=0)
    d = trainer.diagnostics()
    assert d.distinct_neurons == ((1, 10), (1, 5), (1, 1))
    assert d.dead_units == ((10, 10), (5, 5))  # ReLU(0) = 0 for every point
    assert d.flat_fractions == (1.0, 1.0)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "leaky_relu"])
def test_zeros_symmetry_holds_for_every_activation(activation):
    trainer = Trainer(TrainConfig(init="zeros", activation=activation))
    trainer.step(500, record_every=0)
    assert trainer.diagnostics().distinct_neurons == ((1, 10), (1, 5), (1, 1))


def test_he_at_the_start_every_neuron_distinct_and_one_unit_already_dead():
    trainer = Trainer()
    d = trainer.diagnostics()
    assert d.distinct_neurons == ((10, 10), (5, 5), (1, 1))
    # Checked by hand: the tutorial's own He weights leave one unit of layer 2 at 0 everywhere.
    W = [W for W, _ in initialize("he", [2, 10, 5, 1], 3)]
    A1 = np.maximum(0, W[0] @ trainer.data.train_X)
    A2 = np.maximum(0, W[1] @ A1)
    assert np.flatnonzero((A2 <= 0).all(axis=1)).size == 1
    assert not (A1 <= 0).all(axis=1).any()
    assert d.dead_units == ((0, 10), (1, 5))
    assert d.dead_rule == DEAD_RULES["relu"] and d.activation == "relu"
    assert d.saturated == 0 and d.n_train == 300 and d.saturation_note == ""


def test_random_starts_with_all_300_outputs_saturated():
    d = Trainer(TrainConfig(init="random")).diagnostics()
    assert d.saturated == 300
    assert d.saturation_note.startswith("300 of 300")


def test_histograms_describe_the_hidden_layers_on_the_training_data():
    trainer = Trainer()
    trainer.step(20)
    d = trainer.diagnostics()
    acts = hidden_activations(trainer.net, trainer.data.train_X)
    assert len(d.activation_hists) == 2
    for h, A in zip(d.activation_hists, acts, strict=True):
        assert h.counts.sum() == A.size
        assert h.edges[0] == 0.0 and h.edges[-1] == A.max()
    # The same activations as the network's own prediction pass.
    full = trainer.net.forward(trainer.data.train_X)
    for A, B in zip(acts, full[1:-1], strict=True):
        assert np.array_equal(A, B)


@pytest.mark.parametrize(
    "config",
    [
        TrainConfig(),
        TrainConfig(init="random"),
        TrainConfig(activation="leaky_relu", hidden=(7, 3)),
        TrainConfig(activation="tanh", init="xavier", hidden=(6,)),
        TrainConfig(activation="sigmoid", init="lecun", dataset="moons"),
    ],
)
def test_snapshot_numbers_equal_the_trainers_own(config):
    """The snapshot computes the training accuracy and saturation from its one shared forward
    pass: they must be exactly what the trainer's methods (and the command line) give."""
    trainer = Trainer(config)
    for n in (0, 37, 400):
        trainer.step(n)
        snap = trainer.snapshot()
        assert snap.train_accuracy == trainer.train_accuracy()
        assert snap.saturated == trainer.saturated_count() == snap.diagnostics.saturated
        assert snap.test_accuracy == trainer.test_accuracy()


def test_snapshot_with_and_without_diagnostics():
    trainer = Trainer()
    trainer.step(30)
    snap = trainer.snapshot()
    assert isinstance(snap.diagnostics, Diagnostics)
    assert snap.diagnostics.iteration == 30
    assert snap.diagnostics.grad_norms.iterations.tolist() == [0, 10, 20]
    assert trainer.snapshot(with_diagnostics=False).diagnostics is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.diagnostics.saturated = 1
    kept = snap.diagnostics.grad_norms.weight_norms.copy()
    trainer.step(50)
    assert np.array_equal(snap.diagnostics.grad_norms.weight_norms, kept)


def test_diagnostics_of_a_diverged_run_do_not_raise():
    trainer = Trainer(DIVERGING)
    with np.errstate(all="ignore"):
        trainer.step(60)
    d = trainer.snapshot().diagnostics
    assert len(d.distinct_neurons) == 4 and len(d.activation_hists) == 3
