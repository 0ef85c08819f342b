"""The diagram's maps coloured on the training thread: the same bytes the diagram would make."""

from __future__ import annotations

import numpy as np
import pytest

from app.commands import Step
from app.neuron_colors import colour_neurons, layer_scale, map_words
from app.views import network_diagram
from app.views.network_diagram import MiniDiagram, NetworkDiagram
from app.worker import TrainingWorker
from engine.config import TrainConfig
from engine.neuron_maps import NeuronMapper, trainer_maps
from engine.trainer import Trainer
from tests.app import shown
from tests.app.worker_driver import WorkerDriver, stop_when


def maps_of(config: TrainConfig, steps: int = 300, resolution: int = 16):
    trainer = Trainer(config)
    trainer.step(steps)
    return trainer_maps(trainer, NeuronMapper(), resolution)


def test_colours_are_each_layers_maps_on_its_own_scale():
    maps = maps_of(TrainConfig(hidden=(20, 7), activation="tanh"))
    colours = colour_neurons(maps, 12)
    assert colours.counts == (12, 7, 1)  # a layer's first 12 units at most, then the output
    assert not colours.words.flags.writeable
    first = 0
    layers = [maps.hidden[0].values[:12], maps.hidden[1].values, maps.output.values]
    for k, values in enumerate(layers):
        output = k == len(layers) - 1
        scale = layer_scale(values, maps.activation, output)
        assert colours.scales[k] == scale
        part = colours.words[first : first + len(values)]
        np.testing.assert_array_equal(part, map_words(values, *scale))
        first += len(values)


def test_the_workers_frames_carry_the_maps_coloured():
    worker = TrainingWorker(TrainConfig(), grid_resolution=16)
    frames = WorkerDriver(worker).run(
        [Step(50)], react=stop_when(lambda f: f.snapshot.iteration == 50)
    )
    frame = frames[-1]
    assert frame.neurons is not None and frame.neuron_colours is not None
    expected = colour_neurons(frame.neurons)
    np.testing.assert_array_equal(frame.neuron_colours.words, expected.words)


@pytest.fixture
def recoloured(monkeypatch):
    """Counts the diagram's own colourings."""
    calls = []
    own = network_diagram.colour_neurons

    def counted(*args, **kwargs):
        calls.append(args)
        return own(*args, **kwargs)

    monkeypatch.setattr(network_diagram, "colour_neurons", counted)
    return calls


def test_the_diagram_draws_the_workers_colours_without_colouring_again(qtbot, recoloured):
    maps = maps_of(TrainConfig())
    diagram = shown(qtbot, NetworkDiagram(), 900, 600)
    colours = colour_neurons(maps)
    diagram.show_maps(maps, colours)
    assert recoloured == []
    given = [image.copy() for column in diagram._images for image in column]
    other = shown(qtbot, NetworkDiagram(), 900, 600)
    other.show_maps(maps)  # no colours given: it colours them itself, the same
    assert len(recoloured) == 1
    own = [image for column in other._images for image in column]
    assert given == own
    assert colours.counts == (10, 5, 1)


def test_a_compact_diagram_colours_its_fewer_units_itself(qtbot, recoloured):
    """The comparison's diagrams draw six units a layer: colours of twelve would not do."""
    maps = maps_of(TrainConfig(hidden=(20, 5)))
    mini = shown(qtbot, MiniDiagram(), 400, 300)
    mini.show_maps(maps, colour_neurons(maps))
    assert len(recoloured) == 1
    assert [len(column) for column in mini._images[1:]] == [mini.sizes.max_units, 5, 1]
