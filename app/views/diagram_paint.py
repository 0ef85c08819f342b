"""Paints a :class:`~app.views.diagram_scene.Scene`: links, brackets of equal neurons, nodes, marks
and texts.  Used for the screen (into the diagram's cached pixmap) and for pictures (any size)."""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from PyQt6 import QtCore, QtGui

from app.views.diagram_scene import LINK_STEPS, NEGATIVE, POSITIVE, WEIGHT_FULL, Scene
from app.views.style import point_font

if TYPE_CHECKING:
    from app.views.network_diagram import NetworkDiagram

__all__ = ["paint_nodes", "paint_scene", "paint_wiring"]

_INK = QtGui.QColor("#000000")
_ZERO_LINK = QtGui.QColor(0, 0, 0, 40)
_DEAD = QtGui.QColor(150, 150, 150, 170)
_FLAT_WORDS_GREYED = ("relu", "leaky_relu")  # greyed out; tanh and sigmoid are outlined instead
Align = QtCore.Qt.AlignmentFlag
_WRAPPED = Align.AlignCenter.value | QtCore.Qt.TextFlag.TextWordWrap.value


def paint_scene(
    painter: QtGui.QPainter,
    scene: Scene,
    diagram: NetworkDiagram,
    images: list[list[QtGui.QImage]],
) -> None:
    """The whole picture: the wiring under the nodes."""
    paint_wiring(painter, scene, diagram)
    paint_nodes(painter, scene, diagram, images)


def paint_wiring(painter: QtGui.QPainter, scene: Scene, diagram: NetworkDiagram) -> None:
    """The links, the brackets of equal neurons and the texts (titles, notes, legend), which
    no node covers: the screen's bottom layer, drawn again only when it would look otherwise."""
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    selected = set(diagram.highlighted_links())
    _links(painter, scene, selected, diagram.selected is not None)
    _brackets(painter, scene)
    _texts(painter, scene, diagram)


def paint_nodes(
    painter: QtGui.QPainter,
    scene: Scene,
    diagram: NetworkDiagram,
    images: list[list[QtGui.QImage]],
) -> None:
    """The nodes (each its map, rim and marks), over the wiring."""
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
    _nodes(painter, scene, diagram, images)


def _link_pen(weight: float, width: float, alpha: int) -> QtGui.QPen:
    if width <= 0:
        pen = QtGui.QPen(_ZERO_LINK, 0.5)
    else:
        colour = QtGui.QColor(POSITIVE if weight > 0 else NEGATIVE)
        colour.setAlpha(alpha)
        pen = QtGui.QPen(colour, width)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    return pen


def _links(painter: QtGui.QPainter, scene: Scene, selected: set[int], dim: bool) -> None:
    """Links in buckets of one pen (sign, width to half a pixel): one drawLines call each."""
    buckets: dict[tuple, list[QtCore.QLineF]] = defaultdict(list)
    for i, link in enumerate(scene.links):
        chosen = i in selected
        alpha = 255 if chosen else (45 if dim else 200)
        width = round(link.width * LINK_STEPS) / LINK_STEPS
        sign = 0 if width <= 0 else (1 if link.weight > 0 else -1)
        buckets[(chosen, sign, width, alpha)].append(link.line)
    for (_chosen, sign, width, alpha), lines in sorted(buckets.items(), key=lambda kv: kv[0]):
        painter.setPen(_link_pen(float(sign), width, alpha))
        painter.drawLines(lines)


def _brackets(painter: QtGui.QPainter, scene: Scene) -> None:
    """Units that are the same neuron, joined by a bracket at their column's left."""
    pen = QtGui.QPen(QtGui.QColor("#444444"), max(1.5, scene.sizes.link_max / 5))
    painter.setPen(pen)
    gap = max(3.0, scene.node_side * 0.12)
    for column in range(1, scene.n_columns - 1):
        layer = scene.layer(column)
        drawn = scene.columns[column]
        groups = layer.groups[:drawn]
        for label in np.unique(groups):
            members = np.flatnonzero(groups == label)
            if len(members) < 2:
                continue
            rects = [scene.node(column, int(u)).rect for u in members]
            x = rects[0].left() - gap
            painter.drawLine(QtCore.QLineF(x, rects[0].center().y(), x, rects[-1].center().y()))
            for rect in rects:
                y = rect.center().y()
                painter.drawLine(QtCore.QLineF(x, y, rect.left(), y))


@lru_cache(maxsize=256)
def _pen(colour: str, width: float) -> QtGui.QPen:
    return QtGui.QPen(QtGui.QColor(colour), width)


def _rim_pen(bias: float, rim_max: float) -> QtGui.QPen:
    """A node's rim: its bias on the links' fixed scale (widths to a quarter pixel, so the
    few pens a frame needs are made once, not for every node of every frame)."""
    if not math.isfinite(bias):
        return _pen("#888888", rim_max)
    width = rim_max * min(abs(bias), WEIGHT_FULL) / WEIGHT_FULL
    if width < 1.0:
        return _pen("#666666", 1.0)
    return _pen(POSITIVE if bias > 0 else NEGATIVE, round(width * 4) / 4)


def _nodes(painter, scene: Scene, diagram: NetworkDiagram, images) -> None:
    """Each node's map, rim (bias), marks (flat, same as others, selected).  Five times a second
    while training runs, with the GIL held: per-column values are read once, as Python lists."""
    sizes = scene.sizes
    small = point_font(max(6.0, sizes.font_pt * 0.75), bold=True)
    activation = scene.maps.activation
    word = diagram.texts()["word"]
    last = scene.n_columns - 1
    columns: dict[int, tuple[list, list | None, list]] = {}  # per column, read once
    no_brush = QtCore.Qt.BrushStyle.NoBrush
    painter.setBrush(no_brush)
    for node in scene.nodes:
        rect, column, unit = node.rect, node.column, node.unit
        painter.drawImage(rect, images[column][unit])
        layer = scene.layer(column)
        if layer is None:
            painter.setPen(_pen("#666666", 1.0))
            painter.drawRect(rect)
            continue
        if column not in columns:
            flat_units = layer.flat if column < last else None
            columns[column] = (
                layer.biases.tolist(),
                None if flat_units is None else flat_units.tolist(),
                layer.group_sizes.tolist(),
            )
        biases, flats, same_sizes = columns[column]
        painter.setPen(_rim_pen(biases[unit], sizes.rim_max))
        painter.drawRect(rect)
        flat = flats is not None and bool(flats[unit])
        if flat and activation in _FLAT_WORDS_GREYED:
            painter.fillRect(rect, _DEAD)
        elif flat:
            pen = QtGui.QPen(_INK, max(2.0, sizes.rim_max * 0.6), QtCore.Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        if flat and not diagram.compact and rect.height() >= 28:
            painter.setFont(small)
            painter.setPen(_INK)
            painter.drawText(rect, _WRAPPED, word)
        same = same_sizes[unit]
        if same > 1 and layer.distinct > 1:  # a layer of one neuron says so in its header
            _badge(painter, rect, f"×{same}", small)
            painter.setBrush(no_brush)
        if diagram.selected == (column, unit):
            painter.setPen(QtGui.QPen(_INK, max(3.0, sizes.rim_max)))
            painter.drawRect(rect.adjusted(-4, -4, 4, 4))


def _badge(painter, rect: QtCore.QRectF, text: str, font: QtGui.QFont) -> None:
    metrics = QtGui.QFontMetricsF(font)
    w, h = metrics.horizontalAdvance(text) + 6, metrics.height()
    box = QtCore.QRectF(rect.right() - w * 0.6, rect.top() - h * 0.5, w, h)
    painter.setPen(QtGui.QPen(_INK, 1.0))
    painter.setBrush(QtGui.QColor("#ffffff"))
    painter.drawRoundedRect(box, 3, 3)
    painter.setFont(font)
    painter.drawText(box, Align.AlignCenter, text)


def _fitted_titles(
    titles: list[str], font: QtGui.QFont, room: float, floor_pt: float = 8.0
) -> tuple[QtGui.QFont, list[str]]:
    """The column titles in ``font`` if they all fit ``room``, else in a smaller one that does
    (not under ``floor_pt``), cut with "…" where even that is too wide: a projector's font in a
    narrow panel wrote "input", "layer 1", "layer 2" and "output" over each other."""
    widest = max((QtGui.QFontMetricsF(font).horizontalAdvance(t) for t in titles), default=0.0)
    if widest <= room:
        return font, titles
    small = QtGui.QFont(font)
    small.setPointSizeF(max(floor_pt, font.pointSizeF() * room / widest * 0.97))
    metrics = QtGui.QFontMetricsF(small)
    elide = QtCore.Qt.TextElideMode.ElideRight
    return small, [metrics.elidedText(t, elide, max(room, 0.0)) for t in titles]


def _font_to_fit(
    text: str, font: QtGui.QFont, rect: QtCore.QRectF, floor_pt: float = 7.0
) -> QtGui.QFont:
    """``font``, made smaller (not under ``floor_pt``) until ``text`` wrapped in ``rect`` fits
    its height: a narrow panel wrapped the legend onto a third line, over the nodes."""
    fitted = QtGui.QFont(font)
    while fitted.pointSizeF() > floor_pt:
        needed = QtGui.QFontMetricsF(fitted).boundingRect(rect, _WRAPPED, text).height()
        if needed <= rect.height():
            break
        fitted.setPointSizeF(max(floor_pt, fitted.pointSizeF() * 0.9))
    return fitted


def _texts(painter, scene: Scene, diagram: NetworkDiagram) -> None:
    sizes = scene.sizes
    title_font = point_font(sizes.font_pt, bold=True)
    font = point_font(max(6.0, sizes.font_pt * 0.85))
    line = scene.line_height
    spacing = scene.xs[1] - scene.xs[0] if len(scene.xs) > 1 else 200.0
    painter.setPen(_INK)
    if not diagram.compact:  # (a compact diagram shows no titles)
        title_font, titles = _fitted_titles(
            [diagram.column_title(c) for c in range(len(scene.xs))], title_font, spacing - 6
        )
    for column, x in enumerate(scene.xs):
        box = QtCore.QRectF(x - spacing / 2, 0, spacing, line)
        if not diagram.compact:
            painter.setFont(title_font)
            painter.drawText(box, Align.AlignCenter, titles[column])
        note = diagram.column_note(column)
        if note and diagram.compact:  # two short lines above a narrow column
            painter.setFont(font)
            painter.drawText(QtCore.QRectF(box.left(), 0, spacing, scene.header), _WRAPPED, note)
        elif note:
            painter.setFont(font)
            elided = QtGui.QFontMetricsF(font).elidedText(
                note, QtCore.Qt.TextElideMode.ElideRight, spacing - 4
            )
            painter.drawText(box.translated(0, line), Align.AlignCenter, elided)
        last = scene.node(column, scene.columns[column] - 1).rect
        more = diagram.more_text(column)
        if more:
            painter.setFont(font)
            painter.drawText(
                QtCore.QRectF(x - spacing / 2, last.bottom() + 2, spacing, line),
                Align.AlignCenter,
                more,
            )
    if diagram.compact or not scene.footer:  # (no room: the legend is the tooltip)
        return
    text = diagram.legend_text()
    footer = QtCore.QRectF(6, scene.height - scene.footer, scene.width - 12, scene.footer)
    painter.setFont(_font_to_fit(text, font, footer))
    painter.drawText(footer, _WRAPPED, text)
