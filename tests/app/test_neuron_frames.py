"""The neuron maps travel in the workers' full frames: computed on the worker, only when asked."""

from __future__ import annotations

import numpy as np
import pytest

from app.commands import Play, ShowNeuronMaps, Step, Stop
from app.compare_worker import CompareWorker
from app.frames import RunState
from app.worker import TrainingWorker
from engine.config import TrainConfig
from engine.datasets import load_dataset
from engine.network import Network
from tests.app.worker_driver import WorkerDriver, stop_when


def full_frames(frames):
    return [f for f in frames if f.snapshot.grid is not None]


def test_zeros_frames_show_one_repeated_neuron_per_layer():
    worker = TrainingWorker(TrainConfig(init="zeros"), grid_resolution=8)
    frames = WorkerDriver(worker).run(
        [Step(40)], react=stop_when(lambda f: f.snapshot.iteration == 40)
    )
    for frame in full_frames(frames):
        assert frame.neurons is not None
        for layer in frame.neurons.hidden:
            assert layer.distinct == 1 and (layer.group_sizes == layer.n_units).all()
            assert all(np.array_equal(layer.values[0], v) for v in layer.values)


def test_he_frames_show_varied_neurons_that_change_with_training():
    worker = TrainingWorker(TrainConfig(init="he"), grid_resolution=8)
    frames = WorkerDriver(worker).run(
        [Step(300)], react=stop_when(lambda f: f.snapshot.iteration == 300)
    )
    first, last = frames[0].neurons, frames[-1].neurons
    assert (first.iteration, last.iteration) == (0, 300)
    assert first.resolution == 8  # never finer than the boundary grid it sits beside
    for before, after in zip(first.hidden, last.hidden):
        flat = before.values.reshape(before.shown, -1)
        assert len(np.unique(flat, axis=0)) == before.shown
        assert not np.array_equal(before.values, after.values)
    # the values are the network's own at the maps' grid points, for the frame's weights
    snap = frames[-1].snapshot
    net = Network((2, 10, 5, 1), [(layer.W, layer.b) for layer in snap.layers])
    gx, gy = np.meshgrid(last.xs, last.ys)
    acts = net.forward(np.vstack([gx.ravel(), gy.ravel()]))
    assert np.array_equal(last.hidden[1].values.reshape(5, -1), acts[2])


def test_frames_leave_the_maps_out_while_the_diagram_is_hidden():
    worker = TrainingWorker(TrainConfig(), grid_resolution=8)

    def react(frame):
        if frame.snapshot.iteration == 0 and frame.neurons is not None:
            return [ShowNeuronMaps(False), Step(3)]
        if frame.snapshot.iteration == 3 and frame.neurons is not None:
            return [Stop()]
        if frame.snapshot.iteration == 3 and frame.state is RunState.PAUSED:
            return [ShowNeuronMaps(True)]
        return None

    script = WorkerDriver(worker)
    frames = script.run(react=react)
    assert not script.stopped_by_guard
    hidden = [f for f in frames if f.snapshot.iteration == 3 and f.neurons is None]
    assert hidden and all(f.snapshot.grid is not None for f in hidden)
    assert frames[-1].neurons.iteration == 3


def test_numbers_only_frames_carry_no_maps():
    worker = TrainingWorker(TrainConfig(), grid_resolution=8)
    frames = WorkerDriver(worker).run(
        [Play()], react=stop_when(lambda f: f.snapshot.iteration >= 2000)
    )
    light = [f for f in frames if f.snapshot.grid is None]
    assert all(f.neurons is None for f in light)
    assert all(f.neurons is not None for f in full_frames(frames))


@pytest.fixture(scope="module")
def data():
    return load_dataset("circles")


def test_compare_pictures_carry_each_runs_maps(data):
    configs = [(k, TrainConfig(init=init), None) for k, init in enumerate(("zeros", "he"))]
    worker = CompareWorker(data, configs, grid_resolution=12)
    frames = WorkerDriver(worker).run(
        [ShowNeuronMaps(True), Step(30)], react=lambda f: [Stop()] if f.iteration == 30 else None
    )
    last = frames[-1]
    zeros, he = (run.neurons for run in last.runs)
    assert zeros.iteration == he.iteration == 30
    assert zeros.resolution == he.resolution == 12  # capped by the maps' grid
    assert [layer.distinct for layer in zeros.hidden] == [1, 1]
    assert [layer.distinct for layer in he.hidden] == [10, 5]
    assert zeros.bounds == he.bounds  # the same square for every run


def test_compare_leaves_the_maps_out_when_asked(data):
    worker = CompareWorker(data, [(0, TrainConfig(), None)], grid_resolution=12)
    frames = WorkerDriver(worker).run(
        [ShowNeuronMaps(False), Step(2)],
        react=lambda f: [Stop()] if f.iteration == 2 else None,
    )
    assert frames[-1].runs[0].grid is not None and frames[-1].runs[0].neurons is None
