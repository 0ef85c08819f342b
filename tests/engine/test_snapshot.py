"""Snapshots: frozen, read-only copies that share no memory with the running trainer."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.history import HistoryView
from engine.snapshot import LayerState, Snapshot, frozen_copy
from engine.trainer import Trainer


def arrays_in(obj):
    """Every ndarray reachable through dataclass fields, lists, tuples and dicts."""
    if isinstance(obj, np.ndarray):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for field in dataclasses.fields(obj):
            yield from arrays_in(getattr(obj, field.name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from arrays_in(item)
    elif isinstance(obj, dict):
        for item in obj.values():
            yield from arrays_in(item)


def trainer_buffers(trainer: Trainer) -> list[np.ndarray]:
    """The arrays the trainer writes while it steps: parameters, gradients, every batch buffer."""
    net = trainer.net
    buffers = [net.flat, net.grad_flat, *net.W, *net.b, *net.dW, *net.db]
    buffers += list(arrays_in(vars(net)))
    buffers += list(arrays_in(vars(trainer._batch)))  # Z, A, dZ, dA, masks and scratch
    history = trainer.history
    buffers += [history._its, history._costs]  # the open chunk, still being written
    return buffers


@pytest.fixture
def trained():
    trainer = Trainer(TrainConfig(init="he"))
    trainer.step(123, record_every=1)
    return trainer


def test_snapshot_shares_no_memory_with_the_trainer(trained):
    snap = trained.snapshot(run_id=7, grid_resolution=20)
    snap_arrays = list(arrays_in(snap))
    assert len(snap_arrays) >= 4 * trained.net.n_layers + 3
    buffers = trainer_buffers(trained)
    assert len(buffers) > 20
    for ours in snap_arrays:
        for theirs in buffers:
            assert not np.shares_memory(ours, theirs)


def test_snapshot_arrays_are_read_only(trained):
    snap = trained.snapshot(grid_resolution=10)
    for arr in arrays_in(snap):
        assert not arr.flags.writeable
    with pytest.raises(ValueError):
        snap.layers[0].W[0, 0] = 1.0


def test_snapshot_is_frozen(trained):
    snap = trained.snapshot()
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.cost = 0.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.iteration = 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.layers[0].W = np.zeros((10, 2))


def test_snapshot_contents(trained):
    snap = trained.snapshot(run_id=42)
    assert isinstance(snap, Snapshot)
    assert snap.run_id == 42
    assert snap.iteration == trained.iteration == 123
    assert snap.cost == trained.cost()
    assert snap.train_accuracy == trained.train_accuracy()
    assert snap.test_accuracy == trained.test_accuracy()
    assert snap.saturated == trained.saturated_count() == 0
    assert snap.n_train == 300
    assert snap.learning_rate == trained.learning_rate == 0.01
    assert snap.diverged_at is None and not snap.diverged
    assert snap.grid is None
    assert isinstance(snap.history, HistoryView)
    its, costs = snap.history.arrays()
    ref_its, ref_costs = trained.history.view().arrays()
    assert np.array_equal(its, ref_its) and np.array_equal(costs, ref_costs)
    assert len(snap.layers) == trained.net.n_layers == 3
    for layer, W, b, dW, db in zip(
        snap.layers, trained.net.W, trained.net.b, trained.net.dW, trained.net.db, strict=True
    ):
        assert isinstance(layer, LayerState)
        assert np.array_equal(layer.W, W) and np.array_equal(layer.b, b)
        assert np.array_equal(layer.dW, dW) and np.array_equal(layer.db, db)
        assert layer.dW.any()  # the gradient of the last step, not zeros
        assert layer.fan_in == W.shape[1]
        assert layer.he_std == pytest.approx(np.sqrt(2 / W.shape[1]))


def test_snapshot_does_not_move_when_training_continues(trained):
    snap = trained.snapshot(grid_resolution=8)
    kept = [a.copy() for a in arrays_in(snap)]
    cost = snap.cost
    trained.step(50)
    assert [np.array_equal(a, b) for a, b in zip(arrays_in(snap), kept, strict=True)] == [
        True
    ] * len(kept)
    assert snap.cost == cost and snap.iteration == 123
    assert not np.array_equal(snap.layers[0].W, trained.net.W[0])


def test_snapshot_at_iteration_zero_of_random_shows_saturation():
    trainer = Trainer(TrainConfig(init="random"))
    snap = trainer.snapshot()
    assert snap.iteration == 0
    assert snap.saturated == 300
    assert np.isfinite(snap.cost) and snap.cost == trainer.cost()
    assert not any(layer.dW.any() for layer in snap.layers)  # no step yet: zero gradients
    assert snap.history.last() is None


def test_snapshot_of_a_diverged_run():
    trainer = Trainer(TrainConfig(init="he"))
    trainer.step(4)
    trainer.net.flat[3] = np.inf
    with np.errstate(all="ignore"):
        trainer.step(10)
        snap = trainer.snapshot()
    assert snap.diverged and snap.diverged_at == trainer.diverged_at == 4


def test_frozen_copy():
    a = np.arange(6.0).reshape(2, 3)
    b = frozen_copy(a)
    assert np.array_equal(a, b) and not np.shares_memory(a, b)
    assert not b.flags.writeable and a.flags.writeable
    a[0, 0] = 100.0
    assert b[0, 0] == 0.0
