"""The network diagram's geometry and colours: where each node and link goes, how a map is coloured.

No painting here (that is :mod:`app.views.network_diagram`): a :class:`Scene` is computed once per
new set of maps or size, and answers which node or link is under a point.

- **Maps** are coloured orange (negative) – white (0) – blue (positive), the class colours, on one
  scale per layer (:mod:`app.neuron_colors`, which the training thread uses too).
- **Links** are as wide as ``|w|`` on a *fixed* scale (full width at :data:`WEIGHT_FULL`), so
  random ×10 looks ten times heavier than He and nothing is re-normalised from frame to frame;
  blue for a positive weight, orange for a negative one.  A node's rim is its bias, on the same
  scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PyQt6 import QtCore, QtGui

from app.neuron_colors import map_words
from app.views.style import CLASS_COLORS, Palette
from engine.neuron_maps import LayerMaps, NeuronMaps

__all__ = [
    "LINK_STEPS",
    "NEGATIVE",
    "POSITIVE",
    "WEIGHT_FULL",
    "Layout",
    "Link",
    "Node",
    "Scene",
    "Sizes",
    "images_of",
    "layout",
    "map_image",
]

#: |w| (or |b|) at which a link (a rim) is drawn at its full width; larger values are clipped.
WEIGHT_FULL = 10.0
#: Links are drawn to 1 / LINK_STEPS of a pixel in width (finer is not seen, antialiased), so
#: the wiring looks the same, and is not drawn again, until a weight moves that much.
LINK_STEPS = 2
NEGATIVE, POSITIVE = CLASS_COLORS  # orange-vermilion and blue: colour-blind safe


def images_of(words: np.ndarray) -> list[QtGui.QImage]:
    """One QImage per map of RGBA ``words (n, H, W)`` (see :func:`app.neuron_colors.map_words`).

    One QImage over all the maps (stacked), cut into one per map by Qt: each QImage made here is
    Python-side time the training thread waits for (the GIL).
    """
    words = np.ascontiguousarray(words)
    n, h, w = words.shape
    sheet = QtGui.QImage(words.data, w, n * h, 4 * w, QtGui.QImage.Format.Format_RGBA8888)
    return [sheet.copy(0, k * h, w, h) for k in range(n)]  # each owns its bytes


def map_image(
    values: np.ndarray, centre: float | np.ndarray, half: float | np.ndarray
) -> list[QtGui.QImage]:
    """One QImage per map of ``values (n, H, W)``, coloured on the scale ``centre`` ± ``half``
    (one for all, or ``(n, 1, 1)`` arrays: one per map); row 0 is drawn at the bottom."""
    return images_of(map_words(values, centre, half))


@dataclass(frozen=True, slots=True)
class Sizes:
    """Pixel and point sizes for a palette (projector mode: big nodes, thick links, big fonts)."""

    node: float  # preferred node side
    min_node: float  # never smaller (a crowded diagram scrolls its labels, not its nodes)
    link_max: float  # a link at |w| >= WEIGHT_FULL
    link_min: float  # a non-zero weight is at least this wide
    rim_max: float
    font_pt: float
    max_units: int  # units drawn per layer
    compact: bool = False

    @classmethod
    def of(cls, palette: Palette, compact: bool = False) -> Sizes:
        zoom = palette.zoom
        if compact:
            font = max(7.0, palette.font_pt - 2)
            return cls(22 * zoom, 8, 5 * zoom, 0.5, 3 * zoom, font, 6, compact=True)
        if palette.projector:
            return cls(
                max(72.0, 72 * zoom), 24, max(16.0, 16 * zoom), 1.5, 8 * zoom, palette.font_pt, 12
            )
        return cls(48 * zoom, 14, 10 * zoom, 0.6, 5 * zoom, palette.font_pt, 12)

    def link_width(self, w: np.ndarray) -> np.ndarray:
        """Width ∝ |w| on the fixed scale, at least ``link_min`` for a non-zero weight."""
        with np.errstate(invalid="ignore"):
            a = np.nan_to_num(np.abs(w), nan=WEIGHT_FULL, posinf=WEIGHT_FULL)
        width = self.link_max * np.minimum(a, WEIGHT_FULL) / WEIGHT_FULL
        return np.where(a > 0, np.maximum(width, self.link_min), 0.0)


@dataclass(frozen=True, slots=True)
class Node:
    """One drawn neuron: column 0 is the input, the last the output; ``unit`` counts from 0."""

    column: int
    unit: int
    rect: QtCore.QRectF


@dataclass(frozen=True, slots=True)
class Link:
    """A drawn weight from ``(column - 1, source)`` to ``(column, target)``."""

    column: int
    source: int
    target: int
    weight: float
    line: QtCore.QLineF
    width: float


@dataclass(frozen=True, slots=True, eq=False)
class Layout:
    """Where the nodes and the links of one network shape go in one area: the same from frame
    to frame of a run, so it is computed once (see :func:`layout`) and shared by its scenes."""

    columns: tuple[int, ...]  # nodes drawn per column
    line_height: float
    header: float
    footer: float
    node_side: float
    xs: tuple[float, ...]  # each column's centre
    nodes: tuple[Node, ...]
    #: each link's (column, source, target, line), in the order of ``Scene.links``
    wires: tuple[tuple[int, int, int, QtCore.QLineF], ...]
    segments: np.ndarray  # (links, 4): x1, y1, x2, y2, for hit tests


def layout(columns: tuple[int, ...], width: float, height: float, sizes: Sizes) -> Layout:
    """The layout of columns of ``columns`` nodes in a ``width`` × ``height`` area (shared:
    read only)."""
    return _layout(columns, width, height, sizes, QtGui.QFont().key())


@lru_cache(maxsize=16)
def _layout(
    columns: tuple[int, ...], width: float, height: float, sizes: Sizes, font_key: str
) -> Layout:
    """``font_key``: the application font's (a language's font changes the text lines)."""
    font = QtGui.QFont()
    font.setPointSizeF(sizes.font_pt)
    line = QtGui.QFontMetricsF(font).height()
    header = 2.2 * line
    footer = (1.2 if sizes.compact else 2.4) * line
    tallest = max(columns)
    if not sizes.compact and height - header - 4 - footer < tallest * sizes.min_node * 1.25:
        # Too short for the legend's lines and the tallest column: the nodes keep the room and
        # the legend goes to the tooltip (two projector lines took a third of the height).
        footer = 0.0
    top, bottom = header + 4, height - footer
    avail = max(bottom - top, 1.0)
    spacing = width / len(columns)
    side = max(min(sizes.node, avail / (tallest * 1.25), spacing * 0.42), sizes.min_node)
    # Never over each other: at 1024 x 768 in projector mode ten nodes of the least size were
    # drawn a third over the next, a stack of slivers; smaller nodes keep each map whole.
    side = max(min(side, avail / (tallest * 1.1)), 2.0)
    xs = tuple(spacing * (c + 0.5) for c in range(len(columns)))
    nodes, first = [], []
    for c, n in enumerate(columns):
        first.append(len(nodes))
        pitch = min(side * 1.25, avail / n) if n > 1 else 0.0
        y0 = top + avail / 2 - pitch * (n - 1) / 2 - side / 2
        nodes.extend(
            Node(c, u, QtCore.QRectF(xs[c] - side / 2, y0 + u * pitch, side, side))
            for u in range(n)
        )
    wires = []
    for c in range(1, len(columns)):
        for t in range(columns[c]):
            end = nodes[first[c] + t].rect
            x_end, y_end = end.left(), end.center().y()
            for s in range(columns[c - 1]):
                start = nodes[first[c - 1] + s].rect
                wire = QtCore.QLineF(start.right(), start.center().y(), x_end, y_end)
                wires.append((c, s, t, wire))
    segments = np.array([[w[3].x1(), w[3].y1(), w[3].x2(), w[3].y2()] for w in wires])
    return Layout(
        columns, line, header, footer, side, xs, tuple(nodes), tuple(wires), segments.reshape(-1, 4)
    )


class Scene:
    """Where everything goes for ``maps`` in a ``width`` × ``height`` area, and hit tests."""

    def __init__(self, maps: NeuronMaps, width: float, height: float, sizes: Sizes) -> None:
        self.maps = maps
        self.sizes = sizes
        self.width, self.height = width, height
        columns = tuple(self.drawn(c) for c in range(self.n_columns))
        self._layout = place = layout(columns, float(width), float(height), sizes)
        self.columns = list(columns)
        self.line_height, self.header, self.footer = place.line_height, place.header, place.footer
        self.node_side, self.xs, self.nodes = place.node_side, list(place.xs), list(place.nodes)
        self._first = np.cumsum([0, *columns[:-1]])  # each column's first node
        self._segments = place.segments
        weights = [
            self.layer(c).weights[: self.columns[c], : self.columns[c - 1]].ravel()
            for c in range(1, self.n_columns)
        ]  # row-major: target by target, as the layout's wires
        #: every drawn link's weight and width, in the order of ``links``
        self.weights = np.concatenate(weights) if weights else np.empty(0)
        self._widths = sizes.link_width(self.weights)
        self._links: list[Link] | None = None

    @property
    def links(self) -> list[Link]:
        """Every drawn link (made when first asked for: a frame whose wiring looks as before
        never needs them)."""
        if self._links is None:
            self._links = [
                Link(c, s, t, w, line, width)
                for (c, s, t, line), w, width in zip(
                    self._layout.wires, self.weights.tolist(), self._widths.tolist()
                )
            ]
        return self._links

    def wiring_key(self) -> bytes:
        """What the links look like (each one's sign, and width to ``1 / LINK_STEPS`` pixel):
        equal keys, equal wiring."""
        steps = np.round(self._widths * LINK_STEPS).astype(np.int16)
        return steps.tobytes() + np.sign(self.weights).astype(np.int8).tobytes()

    # -- structure ---------------------------------------------------------------------------------
    @property
    def n_columns(self) -> int:
        return len(self.maps.hidden) + 2

    def layer(self, column: int) -> LayerMaps | None:
        """The maps of a column (``None`` for the input)."""
        if column == 0:
            return None
        if column == self.n_columns - 1:
            return self.maps.output
        return self.maps.hidden[column - 1]

    def drawn(self, column: int) -> int:
        """How many nodes a column shows."""
        layer = self.layer(column)
        if layer is None:
            return 2
        return min(layer.shown, self.sizes.max_units)

    def more(self, column: int) -> int:
        """Units of a column not drawn ("+N more")."""
        layer = self.layer(column)
        return 0 if layer is None else layer.n_units - self.drawn(column)

    def node(self, column: int, unit: int) -> Node:
        return self.nodes[int(self._first[column]) + unit]

    # -- hit tests ---------------------------------------------------------------------------------
    def node_at(self, point: QtCore.QPointF) -> Node | None:
        for node in self.nodes:
            if node.rect.contains(point):
                return node
        return None

    def link_at(self, point: QtCore.QPointF) -> int | None:
        """The index of the link nearest ``point`` within a few pixels (or its half-width)."""
        if not len(self._segments):
            return None
        p = np.array([point.x(), point.y()])
        a, b = self._segments[:, :2], self._segments[:, 2:]
        ab = b - a
        length2 = np.maximum((ab * ab).sum(axis=1), 1e-12)
        t = np.clip(((p - a) * ab).sum(axis=1) / length2, 0.0, 1.0)
        distance = np.hypot(*(a + ab * t[:, None] - p).T)
        reach = np.maximum(4.0, self._widths / 2 + 2.0)
        inside = distance <= reach
        if not inside.any():
            return None
        return int(np.argmin(np.where(inside, distance, np.inf)))

    def links_of(self, column: int, unit: int) -> list[int]:
        """Indices of the links into and out of a node."""
        return [
            i
            for i, lk in enumerate(self.links)
            if (lk.column == column and lk.target == unit)
            or (lk.column == column + 1 and lk.source == unit)
        ]
