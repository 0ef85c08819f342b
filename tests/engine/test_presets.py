"""Presets: valid one-click configurations, and the stories they promise, checked where cheap."""

from __future__ import annotations

import numpy as np
import pytest

from engine.config import TrainConfig
from engine.datasets import DATASETS
from engine.presets import PRESETS, Preset, apply_preset
from engine.trainer import Trainer

EXPECTED = [
    "tutorial_zeros",
    "tutorial_random",
    "tutorial_he",
    "deep_tanh_small",
    "deep_tanh_scaled",
    "deep_tanh_xavier",
    "deep_relu_he",
]


def test_the_registry():
    assert list(PRESETS) == EXPECTED
    for name, preset in PRESETS.items():
        assert isinstance(preset, Preset) and preset.name == name
        assert preset.label and preset.dataset in DATASETS
        sentences = [s for s in preset.description.split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 4, name
        assert 0 < preset.iterations <= 15000


@pytest.mark.parametrize("name", EXPECTED)
def test_a_preset_sets_everything_its_story_depends_on(name):
    preset = PRESETS[name]
    start = TrainConfig(
        seed=11, learning_rate=0.5, hidden=(3,), activation="sigmoid", dataset="xor", noise=0.3
    )
    config = apply_preset(name, start)
    assert config.hidden == preset.hidden
    assert config.activation == preset.activation
    assert config.init == preset.init and config.scale == preset.scale
    assert config.learning_rate == preset.learning_rate
    assert config.data_key == (preset.dataset, 300, DATASETS[preset.dataset].default_noise)
    assert config.seed == 11  # the seed is the user's
    assert preset.apply() == apply_preset(name)


def test_the_tutorial_presets_are_the_tutorials_runs():
    for init in ("zeros", "random", "he"):
        assert apply_preset(f"tutorial_{init}") == TrainConfig(init=init)
        assert PRESETS[f"tutorial_{init}"].iterations == 15000


def test_the_deep_presets_differ_only_in_activation_initializer_and_scale():
    deep = [PRESETS[n] for n in EXPECTED[3:]]
    assert {(p.hidden, p.learning_rate, p.iterations) for p in deep} == {((50,) * 10, 0.01, 3000)}
    assert PRESETS["deep_tanh_scaled"].init == "scaled"
    assert PRESETS["deep_tanh_scaled"].scale == 5.0
    assert apply_preset("deep_tanh_scaled").init_label == "Scaled ×5"


def test_unknown_preset():
    with pytest.raises(KeyError, match="deep_relu_he"):
        apply_preset("deep_sigmoid")


def _first_step(name: str) -> Trainer:
    trainer = Trainer(apply_preset(name))
    trainer.step(1)
    return trainer


def test_deep_stories_at_the_first_step():
    """What the descriptions promise about step 0 (cheap: one step of each)."""
    small = _first_step("deep_tanh_small").grad_history.view()
    assert small.delta_norms[0, 0] / small.delta_norms[0, -1] < 1e-11
    assert np.all(small.weight_norms[0] < 1e-13)

    xavier = _first_step("deep_tanh_xavier")
    exploding = _first_step("deep_tanh_scaled")
    x, e = xavier.grad_history.view(), exploding.grad_history.view()
    assert e.delta_norms[0, 0] / e.delta_norms[0, -1] > 100
    assert 1 / 1.5 < x.delta_norms[0].max() / x.delta_norms[0].min() < 1.5
    ratio = e.weight_norms[0] / x.weight_norms[0]
    assert ratio.min() > 5 and ratio.max() > 100  # the first layers get far larger gradients
    flat = exploding.diagnostics().flat_fractions
    assert min(flat) > 0.35 and max(flat) < 0.7
    assert max(xavier.diagnostics().flat_fractions) < 0.02
    assert exploding.history.view().arrays()[1][0] > 2 * xavier.history.view().arrays()[1][0]

    he = _first_step("deep_relu_he").grad_history.view()
    assert he.delta_norms[0].max() / he.delta_norms[0].min() < 2.0


def test_vanishing_preset_learns_nothing_in_its_run():
    trainer = Trainer(apply_preset("deep_tanh_small"))
    trainer.step(300, record_every=100)
    costs = trainer.history.view().arrays()[1]
    np.testing.assert_allclose(costs, np.log(2), atol=1e-9)
    assert trainer.train_accuracy() < 0.55
