"""The metrics log: accuracies and |dW| every METRICS_EVERY iterations, checked against an
independent computation, the same however the steps are chunked, bounded, shared read-only, and
without changing a single bit of training."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine import reference
from engine.config import TrainConfig
from engine.metrics import METRICS_EVERY, MetricsLog, MetricsView
from engine.trainer import Trainer

DIVERGING = TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100))


# -- the log on its own ----------------------------------------------------------------------------


def _fill(log: MetricsLog, iterations) -> None:
    for it in iterations:
        log.append(it, it / 1000, -it / 1000, [it, 2.0 * it])


def test_rows_come_back_as_written():
    log = MetricsLog(2, every=10, chunk_size=4, max_rows=64)
    assert log.due_from(0) == 0 and log.due_from(1) == 10 and log.due_from(10) == 10
    _fill(log, range(0, 100, 10))
    view = log.view()
    assert len(view) == len(log) == 10
    assert view.iterations.tolist() == list(range(0, 100, 10))
    assert view.train_accuracy.tolist() == [i / 1000 for i in range(0, 100, 10)]
    assert view.test_accuracy.tolist() == [-i / 1000 for i in range(0, 100, 10)]
    assert view.grad_norms.tolist() == [[i, 2.0 * i] for i in range(0, 100, 10)]
    it, train, test, grads = view.last()
    assert (it, train, test, grads.tolist()) == (90, 0.09, -0.09, [90.0, 180.0])
    assert MetricsLog(3).view().last() is None
    assert MetricsLog(3).view().arrays()[1].shape == (0, 5)
    assert MetricsLog(3, every=0).due_from(0) == -1


def test_views_share_sealed_chunks_and_copy_only_the_open_one():
    log = MetricsLog(2, every=1, chunk_size=4, max_rows=64)
    _fill(log, range(6))  # one sealed chunk of 4, two rows open
    first = log.view()
    _fill(log, range(6, 9))
    second = log.view()
    assert first.chunks[0][0] is second.chunks[0][0]  # shared, not copied
    assert first.chunks[0][1] is second.chunks[0][1]
    for its, values in second.chunks:
        assert not its.flags.writeable and not values.flags.writeable
    assert first.iterations.tolist() == list(range(6))  # the open chunk was copied
    assert second.iterations.tolist() == list(range(9))
    with pytest.raises(ValueError):
        second.chunks[-1][1][0, 0] = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        second.length = 0


def test_the_log_stays_bounded_and_even_on_an_endless_run():
    log = MetricsLog(2, every=100, chunk_size=16, max_rows=64)
    due = log.due_from(0)
    for it in range(0, 2_000_000, 100):  # what a trainer does: record only when due
        if it == due:
            row = log.open_row(it)
            row[:] = (0.5, 0.5, 1.0, 2.0)
            due = log.commit()
    its = log.view().iterations
    assert len(its) <= 64
    assert its[0] == 0 and np.all(np.diff(its) > 0)
    assert np.all(its % log.period == 0) and log.period > 100
    assert its[-1] > 2_000_000 - 2 * log.period  # it still covers the whole run


def test_drop_from_forgets_rows_without_touching_shared_chunks():
    log = MetricsLog(2, every=1, chunk_size=4, max_rows=64)
    _fill(log, range(10))  # sealed 0-3, 4-7; open 8, 9
    before = log.view()
    log.drop_from(9)
    assert log.view().iterations.tolist() == list(range(9))
    log.drop_from(6)
    assert log.view().iterations.tolist() == list(range(6))
    assert before.iterations.tolist() == list(range(10))  # the old view is intact
    _fill(log, range(6, 12))
    assert log.view().iterations.tolist() == list(range(12))
    log.drop_from(0)
    assert len(log) == 0 and log.view().iterations.tolist() == []


# -- the trainer's log -------------------------------------------------------------------------


def _independent_row(config: TrainConfig, it: int) -> tuple[float, float, np.ndarray]:
    """Accuracies of the parameters after ``it`` steps and |dW| of the gradient there, computed
    with a separate trainer for the parameters and the tutorial's own code for the gradient."""
    trainer = Trainer(config, metrics_every=0)
    trainer.step(it, record_every=0)
    train, test = trainer.train_accuracy(), trainer.test_accuracy()
    params = {}
    for k, (W, b) in enumerate(trainer.net.get_params(), start=1):
        params[f"W{k}"], params[f"b{k}"] = W, b
    with np.errstate(all="ignore"):  # ×10 weights saturate the sigmoid, as in the tutorial
        _, cache = reference.forward(trainer.data.train_X, params)
        grads = reference.backward(trainer.data.train_Y, params, cache)
    norms = np.array([np.linalg.norm(grads[f"dW{k}"]) for k in range(1, len(params) // 2 + 1)])
    return train, test, norms


@pytest.mark.parametrize(
    "config", [TrainConfig(), TrainConfig(init="random", hidden=(6, 4, 3), learning_rate=0.05)]
)
def test_rows_match_an_independent_computation(config):
    trainer = Trainer(config)
    trainer.step(1050, record_every=1000)
    view = trainer.snapshot(with_diagnostics=False).metrics
    assert isinstance(view, MetricsView) and view.every == METRICS_EVERY == 100
    assert view.iterations.tolist() == list(range(0, 1050, 100))
    assert view.n_layers == len(config.hidden) + 1
    for row, it in enumerate(view.iterations.tolist()):
        if it not in (0, 100, 700, 1000):
            continue
        train, test, norms = _independent_row(config, it)
        assert view.train_accuracy[row] == train  # exactly: the same arithmetic
        assert view.test_accuracy[row] == test
        np.testing.assert_allclose(view.grad_norms[row], norms, rtol=1e-12)


def test_rows_match_the_tanh_gradient_computed_by_hand():
    config = TrainConfig(activation="tanh", init="xavier", hidden=(5, 3))
    trainer = Trainer(config, metrics_every=50)
    trainer.step(160)
    view = trainer.metrics.view()
    assert view.iterations.tolist() == [0, 50, 100, 150]
    probe = Trainer(config, metrics_every=0)
    probe.step(150)
    W, b = zip(*probe.net.get_params())
    X, Y = probe.data.train_X, probe.data.train_Y
    A, As = X, [X]
    for k in range(len(W) - 1):
        A = np.tanh(W[k] @ A + b[k])
        As.append(A)
    out = 1 / (1 + np.exp(-(W[-1] @ A + b[-1])))
    dZ = (out - Y) / Y.shape[1]
    norms = []
    for k in reversed(range(len(W))):
        norms.append(np.linalg.norm(dZ @ As[k].T))
        if k:
            dZ = (W[k].T @ dZ) * (1 - As[k] ** 2)
    np.testing.assert_allclose(view.grad_norms[-1], norms[::-1], rtol=1e-12)
    assert view.train_accuracy[-1] == probe.train_accuracy()
    assert view.test_accuracy[-1] == probe.test_accuracy()


def _metrics(trainer: Trainer) -> tuple[np.ndarray, np.ndarray]:
    return trainer.metrics.view().arrays()


@pytest.mark.parametrize("metrics_every, grad_every", [(100, 10), (7, 10), (1, 0), (30, None)])
def test_the_log_does_not_depend_on_how_steps_are_chunked(metrics_every, grad_every):
    config = TrainConfig(hidden=(8, 4))
    whole = Trainer(config, grad_every=grad_every, metrics_every=metrics_every)
    whole.step(1234, record_every=1000)  # the command line: one go, few costs
    window = Trainer(config, grad_every=grad_every, metrics_every=metrics_every)
    sizes = [1, 99, 1, 100, 37, 63, 500, 3, 430]  # the window: chunks of any size
    for n in sizes:
        window.step(n)  # every cost recorded
    assert window.iteration == whole.iteration == sum(sizes)
    a, b = _metrics(whole), _metrics(window)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert a[0].tolist() == list(range(0, 1234, metrics_every))
    assert np.array_equal(whole.net.flat, window.net.flat)


def test_recording_metrics_changes_no_bit_of_training():
    config = TrainConfig(init="random")
    runs = [Trainer(config, metrics_every=m) for m in (0, 1, 100)]
    for trainer in runs:
        trainer.step(3000, record_every=1000)
    for trainer in runs[1:]:
        assert np.array_equal(trainer.net.flat, runs[0].net.flat)
        assert np.array_equal(trainer.net.grad_flat, runs[0].net.grad_flat)
        a, b = trainer.history.view().arrays(), runs[0].history.view().arrays()
        assert np.array_equal(a[1], b[1])
    assert len(runs[0].metrics) == 0
    assert len(runs[1].metrics) == 3000


def test_the_tutorials_he_run_still_matches_the_tutorial_bit_for_bit():
    trainer = Trainer(TrainConfig())
    trainer.step(2000, record_every=1000)
    params = {}
    for k, (W, b) in enumerate(trainer._initial, start=1):
        params[f"W{k}"], params[f"b{k}"] = W, b
    params, _ = reference.model(
        trainer.data.train_X, trainer.data.train_Y, params, num_iterations=2000
    )
    for k, (W, b) in enumerate(zip(trainer.net.W, trainer.net.b), start=1):
        assert np.array_equal(W, params[f"W{k}"]) and np.array_equal(b, params[f"b{k}"])
    assert len(trainer.metrics) == 20


def test_snapshots_hold_frozen_metrics_that_later_steps_leave_alone():
    trainer = Trainer(TrainConfig(hidden=(4,)), metrics_every=1)
    trainer.step(1500)  # more than one chunk of rows (1024): one sealed
    early = trainer.snapshot(with_diagnostics=False, with_layers=False)
    trainer.step(700)
    late = trainer.snapshot(with_diagnostics=False, with_layers=False)
    assert early.metrics.iterations.tolist() == list(range(1500))
    assert late.metrics.iterations.tolist() == list(range(2200))
    assert early.metrics.chunks[0][1] is late.metrics.chunks[0][1]
    for its, values in late.metrics.chunks:
        assert not its.flags.writeable and not values.flags.writeable


def test_a_diverging_run_logs_only_rows_before_the_divergence():
    replayed = Trainer(DIVERGING, metrics_every=5)
    replayed.step(60, record_every=1000)  # the chunk goes bad and is replayed step by step
    careful = Trainer(DIVERGING, metrics_every=5)
    careful.step(60)  # every cost: divergence caught as it happens
    assert replayed.diverged_at == careful.diverged_at is not None
    a, b = _metrics(replayed), _metrics(careful)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1], equal_nan=True)
    assert a[0].tolist() == list(range(0, replayed.diverged_at, 5))


def test_reset_starts_a_new_log():
    trainer = Trainer(TrainConfig())
    trainer.step(250)
    assert len(trainer.metrics) == 3
    trainer.reset()
    assert len(trainer.metrics) == 0
    trainer.step(1)
    assert trainer.metrics.view().iterations.tolist() == [0]


def test_bad_spacing_is_refused():
    with pytest.raises(ValueError):
        Trainer(TrainConfig(), metrics_every=-1)
