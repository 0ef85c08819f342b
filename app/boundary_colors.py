"""The decision boundary's colours, as pure NumPy: the training threads colour their grids.

Kept free of Qt and pyqtgraph so a worker can colour a probability grid without importing a view;
the GUI then only blits the bytes.
"""

from __future__ import annotations

import numpy as np

__all__ = ["CLASS_COLORS", "PROBABILITY_LUT", "lut_words", "probability_rgba"]

CLASS_COLORS = ("#D55E00", "#0072B2")  # class 0 vermilion, class 1 blue

#: Light vermilion → white → light blue: tints of the class colours, so the full-colour points
#: stand out on top, and the orange–blue pair stays distinct for colour-blind viewers.
PROBABILITY_STOPS = ((0xF2, 0xB4, 0x8F), (0xFF, 0xFF, 0xFF), (0x8F, 0xBF, 0xE3))


def _lookup_table(stops=PROBABILITY_STOPS, size: int = 256) -> np.ndarray:
    """``size`` RGBA colours evenly spaced from the first stop to the last, linearly between.

    Truncated like pyqtgraph's ``ColorMap.getLookupTable`` (which the view used before), so the
    bytes are the same.
    """
    x = np.linspace(0.0, 1.0, size)
    where = np.linspace(0.0, 1.0, len(stops))
    channels = np.asarray(stops, dtype=float)
    rgb = np.stack([np.interp(x, where, channels[:, c]) for c in range(3)], axis=1)
    lut = np.empty((size, 4), dtype=np.uint8)
    lut[:, :3] = rgb.astype(np.uint8)
    lut[:, 3] = 255
    lut.flags.writeable = False
    return lut


def lut_words(lut: np.ndarray) -> np.ndarray:
    """An ``(n, 4)`` RGBA byte table as ``n`` 32-bit words, the same bytes in memory.

    ``lut_words(lut).take(index)`` colours an index array ~5-10x faster than ``lut[index]``
    (one word gathered per pixel, not a row of four bytes): a 150 x 150 grid in 0.15 ms
    instead of 0.8 ms of the training thread.
    """
    return np.ascontiguousarray(lut).view(np.uint32).ravel()


PROBABILITY_LUT = _lookup_table()
_LUT_WORDS = lut_words(PROBABILITY_LUT)


def probability_rgba(probs: np.ndarray) -> np.ndarray:
    """Colour a probability grid (row-major) as read-only RGBA bytes for ``ImageItem.setImage``.

    NaN (a diverged network) shows as 0.5, the undecided white.
    """
    index = probs * 255.0
    index += 0.5
    np.nan_to_num(index, copy=False, nan=128.0)  # 0.5 * 255 + 0.5
    np.clip(index, 0, 255, out=index)
    words = _LUT_WORDS.take(index.astype(np.uint8))
    rgba = words.view(np.uint8).reshape(*np.shape(probs), 4)
    rgba.flags.writeable = False
    return rgba
