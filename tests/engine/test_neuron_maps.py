"""The network diagram's maps: the network's own numbers at the grid points, groups of equal
neurons counted as the diagnostics count them, dead/saturated marks, truncation, copies."""

from __future__ import annotations

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.diagnostics import distinct_rows, row_groups
from engine.initializers import initialize
from engine.network import Network
from engine.neuron_maps import (
    MAX_SHOWN,
    NeuronMapper,
    map_resolution,
    trainer_maps,
)
from engine.trainer import Trainer

BOUNDS = (-1.5, 1.25, -1.0, 2.0)


def grid_points(bounds, resolution):
    xs = np.linspace(bounds[0], bounds[1], resolution)
    ys = np.linspace(bounds[2], bounds[3], resolution)
    gx, gy = np.meshgrid(xs, ys)
    return np.vstack([gx.ravel(), gy.ravel()])


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "leaky_relu"])
@pytest.mark.parametrize(("dims", "init"), [((2, 10, 5, 1), "he"), ((2, 7, 9, 4, 1), "random")])
def test_maps_are_the_networks_forward_pass_bit_for_bit(activation, dims, init):
    net = Network(dims, initialize(init, dims, 3), activation)
    maps = NeuronMapper().maps(net, BOUNDS, 17)
    with np.errstate(over="ignore"):  # random x 10 saturates the output sigmoid
        acts = net.forward(grid_points(BOUNDS, 17))
    assert len(maps.hidden) == len(dims) - 2
    for layer, A in zip(maps.hidden, acts[1:-1]):
        assert layer.values.shape == (A.shape[0], 17, 17)
        assert np.array_equal(layer.values.reshape(A.shape[0], -1), A)  # the same bits
    assert np.array_equal(maps.output.values.reshape(1, -1), acts[-1])
    assert np.array_equal(maps.xs, np.linspace(BOUNDS[0], BOUNDS[1], 17))
    assert maps.bounds == pytest.approx(BOUNDS)


def test_maps_follow_the_weights_and_stay_unchanged_copies():
    net = Network((2, 10, 5, 1), initialize("he", (2, 10, 5, 1), 3))
    mapper = NeuronMapper()
    first = mapper.maps(net, BOUNDS, 12)
    kept = first.hidden[0].values.copy()
    net.W[0][...] *= 2.0
    second = mapper.maps(net, BOUNDS, 12)  # the same scratch, new numbers
    assert np.array_equal(first.hidden[0].values, kept)
    assert not np.array_equal(second.hidden[0].values, kept)
    for layer in (*first.hidden, first.output):
        for a in (layer.values, layer.weights, layer.biases, layer.groups, layer.group_sizes):
            assert not a.flags.writeable
            assert not any(np.shares_memory(a, p) for p in (net.flat, *net.W, *net.b))


def test_row_groups_count_as_distinct_rows_does():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(4, 6))
    cases = [
        np.zeros((10, 3)),
        np.ones((1, 3)),
        rng.normal(size=(50, 8)),
        np.repeat(base, 5, axis=0)[rng.permutation(20)],
        np.array([[1.0, 2.0], [1.0, 2.0], [3.0, 4.0], [1.0, 2.0 + 1e-13], [1.0, 2.1]]),
        np.array([[np.nan, 1.0], [np.nan, 1.0], [np.inf, 0.0], [1.0, 1.0], [1.0, 1.0]]),
        np.zeros((4, 0)),
    ]
    for M in cases:
        labels = row_groups(M)
        assert len(np.unique(labels)) == distinct_rows(M)
        # a label is the first row of its group, and the group's rows are the same neuron
        for label in np.unique(labels):
            members = np.flatnonzero(labels == label)
            assert members[0] == label
            assert distinct_rows(M[members]) == 1
    labels = row_groups(cases[4])
    assert labels.tolist() == [0, 0, 2, 0, 4]


def test_zeros_show_one_repeated_neuron_he_varied_ones_that_change_with_training():
    zeros = Trainer(TrainConfig(init="zeros"))
    zeros.step(50)
    maps = trainer_maps(zeros, NeuronMapper(), 16)
    for layer, n in zip(maps.hidden, (10, 5)):
        assert layer.distinct == 1 and layer.group_sizes.tolist() == [n] * n
        assert (layer.groups == 0).all()
        assert all(np.array_equal(layer.values[0], v) for v in layer.values)
        assert layer.n_flat == n and layer.flat.all()  # ReLU(0) = 0 everywhere: all dead

    he = Trainer(TrainConfig(init="he"))
    mapper = NeuronMapper()
    before = trainer_maps(he, mapper, 16)
    he.step(200)
    after = trainer_maps(he, mapper, 16)
    assert after.iteration == 200
    for layer in before.hidden:
        assert layer.distinct == layer.n_units and (layer.group_sizes == 1).all()
        firsts = layer.values.reshape(layer.shown, -1)
        assert len(np.unique(firsts, axis=0)) == layer.shown  # every map differs
    assert not np.array_equal(before.hidden[0].values, after.hidden[0].values)


@pytest.mark.parametrize(
    "config",
    [
        TrainConfig(init="he"),
        TrainConfig(init="random", activation="tanh", hidden=(20, 20)),
        TrainConfig(init="scaled", scale=6.0, activation="sigmoid", hidden=(8, 8)),
    ],
)
def test_marks_agree_with_the_diagnostics(config):
    trainer = Trainer(config)
    trainer.step(20)
    diag = trainer.diagnostics()
    maps = trainer_maps(trainer, NeuronMapper(), 10)
    for layer, (dead, total), (distinct, _) in zip(
        maps.hidden, diag.dead_units, diag.distinct_neurons
    ):
        assert (layer.n_flat, layer.n_units, layer.distinct) == (dead, total, distinct)
        assert np.count_nonzero(layer.flat) <= dead
    A = trainer._forward().A[1][: maps.hidden[0].shown]
    assert np.array_equal(maps.hidden[0].mean, A.mean(axis=1))
    assert np.array_equal(maps.hidden[0].std, A.std(axis=1))


def test_saturated_tanh_units_are_marked():
    trainer = Trainer(TrainConfig(init="scaled", scale=40.0, activation="tanh", hidden=(6, 6)))
    maps = trainer_maps(trainer, NeuronMapper(), 8)
    assert maps.hidden[1].n_flat and maps.hidden[1].flat.any()
    saturated = maps.hidden[1].values[maps.hidden[1].flat]
    assert (np.abs(saturated) > 0.99).mean() > 0.5


def test_wide_layers_show_their_first_units():
    dims = (2, 40, 3, 30, 1)
    net = Network(dims, initialize("he", dims, 1))
    maps = NeuronMapper().maps(net, BOUNDS, 9)
    assert [layer.shown for layer in maps.hidden] == [MAX_SHOWN, 3, MAX_SHOWN]
    assert [layer.more for layer in maps.hidden] == [28, 0, 18]
    assert maps.truncated
    assert maps.hidden[0].weights.shape == (MAX_SHOWN, 2)
    assert maps.hidden[2].weights.shape == (MAX_SHOWN, 3)  # every incoming weight
    assert maps.output.weights.shape == (1, 30)
    assert np.array_equal(maps.hidden[0].weights, net.W[0][:MAX_SHOWN])
    assert np.array_equal(maps.hidden[0].biases, net.b[0][:MAX_SHOWN, 0])
    acts = net.forward(grid_points(BOUNDS, 9))
    assert np.array_equal(maps.hidden[2].values.reshape(MAX_SHOWN, -1), acts[3][:MAX_SHOWN])


def test_bigger_networks_get_coarser_maps():
    assert map_resolution((2, 10, 5, 1)) == 32
    assert 20 <= map_resolution((2, 100, 100, 1)) <= 28
    assert map_resolution((2, *[512] * 12, 1)) == 8
    assert map_resolution((2, 10, 5, 1), cap=20) == 20
    # the workers cap by the boundary grid's side (150): the maps stay thumbnails
    assert map_resolution((2, 10, 5, 1), cap=150) == 32
    sizes = [map_resolution((2, w, w, 1)) for w in (10, 50, 100, 200, 400)]
    assert sizes == sorted(sizes, reverse=True)


def test_a_diverged_network_maps_without_warnings():
    dims = (2, 4, 4, 1)
    net = Network(dims, initialize("he", dims, 3))
    net.W[1][0, :] = np.nan
    net.W[1][1, :] = np.inf
    maps = NeuronMapper().maps(net, BOUNDS, 6)
    assert np.isnan(maps.hidden[1].values[0]).all()
    assert maps.hidden[1].distinct == 4
