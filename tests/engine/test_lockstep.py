"""Runs of one shape stepped together must give each run's own bits, or step alone."""

from __future__ import annotations

import numpy as np
import pytest

from engine.compare import make_trainer
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.lockstep import LockstepBatch
from engine.network import Network, TrainingBatch


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


def networks(configs, data):
    trainers = [make_trainer(c, data) for c in configs]
    return [Network(t.layer_dims, t.net.get_params(), t.config.activation) for t in trainers]


GROUPS = [
    [TrainConfig(init=name) for name in ("zeros", "random", "he")],  # the tutorial's three
    [TrainConfig(init=name, hidden=(8, 4)) for name in ("he", "xavier")],
    [TrainConfig(init=name, hidden=(20, 20, 20), activation="tanh") for name in ("he", "random")],
    [TrainConfig(learning_rate=lr, activation="sigmoid") for lr in (0.01, 0.1, 0.5)],
    [TrainConfig(hidden=(7,), activation="leaky_relu", seed=s) for s in (1, 2)],
]


@pytest.mark.parametrize("configs", GROUPS, ids=lambda g: f"{g[0].hidden}-{g[0].activation}")
def test_stacked_steps_give_every_run_its_own_bits(configs, data):
    X, Y = data.train_X, data.train_Y
    alone, together = networks(configs, data), networks(configs, data)
    rates = [c.learning_rate for c in configs]
    costs = [np.empty(400) for _ in configs]
    for net, lr, out in zip(alone, rates, costs):
        TrainingBatch(net, X, Y).run(400, lr, out)
    batch = LockstepBatch(together, X, Y)
    assert batch.agrees(rates)
    recorded = batch.run(250, rates, 0, 20) + batch.run(150, rates, 250, 20)
    assert [it for it, _ in recorded] == list(range(0, 400, 20))
    for i, (single, stacked) in enumerate(zip(alone, together)):
        assert np.array_equal(single.flat, stacked.flat)
        assert [float(c[i]) for _, c in recorded] == [
            float(costs[i][it]) for it in range(0, 400, 20)
        ]


def test_a_run_that_goes_bad_changes_nothing(data):
    configs = [
        TrainConfig(init="he", hidden=(100, 100, 100)),
        TrainConfig(init="random", learning_rate=10.0, hidden=(100, 100, 100)),
    ]
    nets = networks(configs, data)
    before = [net.flat.copy() for net in nets]
    batch = LockstepBatch(nets, data.train_X, data.train_Y)
    assert batch.run(200, [c.learning_rate for c in configs], 0, 20) is None
    assert all(np.array_equal(net.flat, b) for net, b in zip(nets, before))


def test_only_one_shape_and_activation(data):
    with pytest.raises(ValueError, match="one shape"):
        LockstepBatch(
            networks([TrainConfig(), TrainConfig(hidden=(8, 4))], data), data.train_X, data.train_Y
        )
