"""The network diagram's map colours, as pure NumPy: the training thread colours a frame's maps.

Maps are coloured orange (negative) – white (0) – blue (positive), the class colours, on one scale
per layer: tanh ``[-1, 1]``, sigmoid ``[0, 1]`` around 0.5, ReLU and leaky ReLU up to the layer's
largest value; non-finite values (a diverged run) are grey.  Colouring on the GUI thread cost
~0.8 ms of Python a frame, five times a second, which the training thread spent waiting for the
GIL; the worker does it in a fraction of that, and the diagram only wraps the bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.boundary_colors import CLASS_COLORS, lut_words
from engine.neuron_maps import NeuronMaps

__all__ = ["LUT", "NeuronColours", "colour_neurons", "layer_scale", "map_words"]

_GREY = (0xB0, 0xB0, 0xB0)


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)


def _lut() -> np.ndarray:
    """256 colours from orange through white to blue, then grey for NaN (index 256)."""
    neg, pos = (_rgb(c) for c in CLASS_COLORS)
    white = np.full(3, 255.0)
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    rgb = np.where(t < 0, white + (neg - white) * -t, white + (pos - white) * t)
    lut = np.empty((257, 4), dtype=np.uint8)
    lut[:256, :3] = np.round(rgb)
    lut[256, :3] = _GREY
    lut[:, 3] = 255
    lut.flags.writeable = False
    return lut


LUT = _lut()
_LUT_WORDS = lut_words(LUT)


def layer_scale(values: np.ndarray, activation: str, output: bool = False) -> tuple[float, float]:
    """``(centre, half-width)`` of a layer's colour scale (the same for all its maps)."""
    if output or activation == "sigmoid":
        return 0.5, 0.5
    if activation == "tanh":
        return 0.0, 1.0
    finite = values[np.isfinite(values)]
    top = float(np.abs(finite).max()) if finite.size else 0.0
    return 0.0, top if top > 0.0 else 1.0


def map_words(
    values: np.ndarray, centre: float | np.ndarray, half: float | np.ndarray
) -> np.ndarray:
    """Maps ``values (n, H, W)`` as RGBA words (the bytes of a ``Format_RGBA8888`` image), rows
    flipped: row 0 is the lowest y, drawn at the bottom.

    ``centre`` and ``half`` are one scale for all, or one per map (``(n, 1, 1)`` arrays).
    """
    with np.errstate(all="ignore"):  # NaN casts to garbage here; it is overwritten just below
        t = (values - centre) * (127.5 / half) + 127.5
        np.clip(t, 0, 255, out=t)
        index = t.astype(np.intp)
    index[~np.isfinite(values)] = 256
    return _LUT_WORDS.take(index[:, ::-1])


@dataclass(frozen=True, slots=True, eq=False)
class NeuronColours:
    """A frame's maps coloured: each hidden layer's first ``counts[k]`` units, then the output.

    ``scales[k]`` is layer ``k``'s ``(centre, half-width)``; ``words`` stacks every coloured map,
    layer after layer, as ``(n, H, W)`` read-only RGBA words.
    """

    counts: tuple[int, ...]
    scales: tuple[tuple[float, float], ...]
    words: np.ndarray


def colour_neurons(maps: NeuronMaps, max_units: int | None = None) -> NeuronColours:
    """Colour ``maps`` (each hidden layer's first ``max_units`` units, or all it shows) in one
    go: each NumPy call has a fixed cost that, at these sizes, is most of the time."""
    layers = [layer.values[:max_units] for layer in maps.hidden] + [maps.output.values]
    scales = [layer_scale(values, maps.activation) for values in layers[:-1]]
    scales.append(layer_scale(layers[-1], maps.activation, output=True))
    counts = tuple(len(values) for values in layers)
    centres, halves = (np.repeat(np.array(part), counts)[:, None, None] for part in zip(*scales))
    words = map_words(np.concatenate(layers), centres, halves)
    words.flags.writeable = False
    return NeuronColours(counts, tuple(scales), words)
