"""Ready-made experiments: one click sets the architecture, activation, initializer and rate.

The first three are the tutorial's; the deep ones show the textbook failure modes of
initialization in a few thousand steps, on a network deep enough for them to matter (ten hidden
tanh layers of 50 units), with the healthy initialization beside each for comparison.  What each
shows was measured with ``main.py --headless --preset NAME --diagnostics`` (numbers in the
descriptions are rounded from those runs).
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.config import TrainConfig
from engine.datasets import DEFAULT_SAMPLES
from engine.errors import UnknownNameError

__all__ = ["PRESETS", "Preset", "apply_preset"]

DEEP = (50,) * 10


@dataclass(frozen=True, slots=True)
class Preset:
    """A named configuration: what to set, what to watch (``description``), how long to run.

    ``iterations`` is how many steps the story needs (the window's "stop at", the command line's
    default ``--iterations`` for the preset).  Every preset also sets the data (the tutorial's
    circles: ``samples`` 300 and the default noise), since its story was measured on them; the
    seed is left as it is (the numbers quoted are for seed 3).
    """

    name: str
    label: str
    description: str
    hidden: tuple[int, ...]
    activation: str
    init: str
    learning_rate: float
    iterations: int
    scale: float = 1.0
    dataset: str = "circles"
    samples: int = DEFAULT_SAMPLES
    noise: float | None = None

    def apply(self, config: TrainConfig | None = None) -> TrainConfig:
        """``config`` (default: the defaults) with this preset's settings."""
        return (config or TrainConfig()).with_(
            hidden=self.hidden,
            activation=self.activation,
            init=self.init,
            scale=self.scale,
            learning_rate=self.learning_rate,
            dataset=self.dataset,
            samples=self.samples,
            noise=self.noise,
        )


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "tutorial_zeros",
            "Tutorial: zeros",
            "The tutorial's first run. Watch the symmetry: every layer has 1 distinct neuron out "
            "of 10 and 5 from the first step to the last, the cost stays at 0.693 and the "
            "accuracy at 50%.",
            (10, 5),
            "relu",
            "zeros",
            0.01,
            15000,
        ),
        Preset(
            "tutorial_random",
            "Tutorial: random ×10",
            "The tutorial's second run. At iteration 0 all 300 outputs are saturated (exactly 0 "
            "or 1), so the naive loss prints inf; the true cost is 1773.59. Watch it fall slowly "
            "to about 0.38, with 83% train accuracy.",
            (10, 5),
            "relu",
            "random",
            0.01,
            15000,
        ),
        Preset(
            "tutorial_he",
            "Tutorial: He",
            "The tutorial's third run: He initialization for ReLU. The cost falls smoothly from "
            "0.88 to 0.07 and the boundary wraps the inner circle (99% train, 96% test).",
            (10, 5),
            "relu",
            "he",
            0.01,
            15000,
        ),
        Preset(
            "deep_tanh_small",
            "Deep tanh, small weights: vanishing",
            "Ten tanh layers of 50 starting at randn × 0.01. Each layer shrinks the signal about "
            "14-fold on the way in and the error on the way back: |δ| reaching layer 1 is 1e-13, "
            "over 11 orders of magnitude below the output's, and every |dW| is 1e-14. The cost "
            "stays at 0.6931 and the accuracy at 50%: nothing learns.",
            DEEP,
            "tanh",
            "small",
            0.01,
            3000,
        ),
        Preset(
            "deep_tanh_scaled",
            "Deep tanh, weights ×5: exploding",
            "Ten tanh layers of 50 with five times LeCun's scale. The error signal grows on its "
            "way back (|δ| of layer 1 is 200× the output's at step 0, Xavier's is 1.2×), and "
            "about half of the hidden outputs sit beyond ±0.99. It still fits the training "
            "set, but the boundary is wild: 71% on the test set against Xavier's 96%.",
            DEEP,
            "tanh",
            "scaled",
            0.01,
            3000,
            scale=5.0,
        ),
        Preset(
            "deep_tanh_xavier",
            "Deep tanh, Xavier: healthy",
            "The same ten tanh layers with Xavier's scale, √(2/(n_in+n_out)). At step 0 every "
            "layer's |δ| is within 1.4× of the others and no output saturates; after a plateau "
            "the cost falls to 0.06 by step 3000 (99% train, 96% test).",
            DEEP,
            "tanh",
            "xavier",
            0.01,
            3000,
        ),
        Preset(
            "deep_relu_he",
            "Deep ReLU, He: healthy",
            "Ten ReLU layers of 50 with He's scale, √(2/n_in), which makes up for ReLU zeroing "
            "half of each layer's outputs: |δ| stays within 2× across the layers and the cost "
            "falls steadily, to 0.01 by step 2000. Watch the dead units: with zero biases, up to "
            "18 of a deep layer's 50 units output 0 for every point, even at this good start.",
            DEEP,
            "relu",
            "he",
            0.01,
            3000,
        ),
    )
}


def apply_preset(name: str, config: TrainConfig | None = None) -> TrainConfig:
    """``config`` with preset ``name`` applied; ``KeyError`` names the known presets."""
    try:
        preset = PRESETS[name]
    except KeyError:
        raise UnknownNameError(
            "unknown preset {name}; known: {choices}", name=repr(name), choices=", ".join(PRESETS)
        ) from None
    return preset.apply(config)
