"""Marching squares in NumPy: the 0.5 contour of a probability grid as line segments.

Computed on the training thread with the grid it belongs to, so the GUI only draws finished
segments (pyqtgraph's own isocurve runs a Python loop per frame on the GUI thread).
"""

from __future__ import annotations

import numpy as np

__all__ = ["contour_segments"]


def contour_segments(
    xs: np.ndarray, ys: np.ndarray, values: np.ndarray, level: float = 0.5
) -> np.ndarray:
    """Segments ``(n, 2, 2)`` — ``[[x0, y0], [x1, y1]]`` each — of the ``level`` contour.

    ``values[row, col]`` is the value at ``(xs[col], ys[row])``.  Only cells whose corners lie on
    both sides of ``level`` are visited.  Saddle cells (all four edges crossed) are split by the
    value at the cell's centre, as in the classic algorithm.
    """
    v = np.asarray(values, dtype=np.float64)
    if v.shape != (len(ys), len(xs)) or min(v.shape) < 2:
        return np.empty((0, 2, 2))
    v = np.nan_to_num(v, nan=level)
    above = v > level
    n_above = above[:-1, :-1].astype(np.int8) + above[:-1, 1:] + above[1:, :-1] + above[1:, 1:]
    r, c = np.nonzero((n_above > 0) & (n_above < 4))
    if r.size == 0:
        return np.empty((0, 2, 2))
    # corner values: bl (r, c), br (r, c+1), tl (r+1, c), tr (r+1, c+1)
    bl, br, tl, tr = v[r, c], v[r, c + 1], v[r + 1, c], v[r + 1, c + 1]
    x0, x1, y0, y1 = xs[c], xs[c + 1], ys[r], ys[r + 1]

    def cross(a, b, p0, p1):
        """Crossing along an edge from value a (at p0) to b (at p1); NaN if none."""
        hit = (a > level) != (b > level)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(hit, p0 + (level - a) / (b - a) * (p1 - p0), np.nan)

    # edges: 0 bottom, 1 top, 2 left, 3 right → points (n, 4, 2)
    px = np.stack([cross(bl, br, x0, x1), cross(tl, tr, x0, x1), x0, x1], axis=1)
    py = np.stack([y0, y1, cross(bl, tl, y0, y1), cross(br, tr, y0, y1)], axis=1)
    has = ~np.isnan(px) & ~np.isnan(py)
    px = np.where(has, px, np.nan)
    count = has.sum(axis=1)

    parts = []
    two = count == 2
    if two.any():
        order = np.argsort(~has[two], axis=1, kind="stable")[:, :2]
        parts.append(
            np.stack(
                [
                    np.take_along_axis(px[two], order, axis=1),
                    np.take_along_axis(py[two], order, axis=1),
                ],
                axis=-1,
            )
        )
    four = count == 4
    if four.any():
        centre = 0.25 * (bl[four] + br[four] + tl[four] + tr[four])
        joined = (bl[four] > level) == (centre > level)
        # If the bottom-left corner is on the centre's side, the contour cuts off the bottom-right
        # and top-left corners (bottom–right, top–left); otherwise bottom–left and top–right.
        for a, b in (
            (np.where(joined, 0, 0), np.where(joined, 3, 2)),
            (np.where(joined, 1, 1), np.where(joined, 2, 3)),
        ):
            idx = np.stack([a, b], axis=1)
            parts.append(
                np.stack(
                    [
                        np.take_along_axis(px[four], idx, axis=1),
                        np.take_along_axis(py[four], idx, axis=1),
                    ],
                    axis=-1,
                )
            )
    if not parts:
        return np.empty((0, 2, 2))
    return np.concatenate(parts, axis=0)
