"""``networkDiagram``: every neuron of the network, each as a small map of what it computes.

Input nodes, every hidden unit (the first 12 of a wide layer, "+N more" for the rest) and the
output, each drawn as its output over the plane of the decision map (one colour scale per layer),
joined by links as wide as their weights on a fixed scale (:mod:`app.views.diagram_scene`).
Units that are the same neuron are bracketed and badged ("×10"), and a layer that is one neuron
repeated says so; dead ReLUs are greyed and saturated units outlined, with their word.

Hover a node: its map large, its incoming weights and bias, its activation's mean and spread on
the training data; hover a link: its weight.  Click a node to highlight its links (again, or
elsewhere, to clear).

The maps are computed on the training thread (:mod:`engine.neuron_maps`); here a new set of maps
becomes one QImage per node, and the picture is drawn again only for new maps, a new size,
palette, language, selection or hover, in two pixmaps shown by plain ``QLabel`` s, which Qt
blits from its own loop without Python: the wiring (links, brackets, texts), rasterised again
only when it would look otherwise (a link gains or loses half a pixel: about once a second while
training), and over it the nodes, painted into a transparent pixmap with every new set of maps.
Painted from a Python ``paintEvent``, every link held the GIL that the training thread needs at
each repaint; recorded into a ``QPicture``, every link was stroked again (on Qt's thread pool, on
the training's cores) each time the nodes above it changed.
:class:`MiniDiagram` is the same drawing, compact, for the comparison's runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import Retranslatable, engine_text, translate
from app.neuron_colors import NeuronColours, colour_neurons
from app.views.diagram_paint import paint_nodes, paint_scene, paint_wiring
from app.views.diagram_scene import WEIGHT_FULL, Scene, Sizes, images_of, map_image
from app.views.neuron_tooltip import NeuronCard, link_text, neuron_lines, node_name
from app.views.style import Palette, opaque
from engine.diagnostics import DEAD_RULES
from engine.neuron_maps import NeuronMaps

if TYPE_CHECKING:
    from app.frames import Frame

__all__ = ["MiniDiagram", "NetworkDiagram"]

SLIDE_WIDTH = 1920


class NetworkDiagram(Retranslatable, QtWidgets.QWidget):
    """The live network; see the module docstring.  Feed it with :meth:`show_maps`."""

    #: (column, unit) of the node clicked, or None when the selection is cleared
    selectionChanged = QtCore.pyqtSignal(object)

    compact = False
    #: the hover card (a class default: Qt may resize the widget while it is being built)
    card: NeuronCard | None = None

    def __init__(self, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.setMouseTracking(True)
        self.setMinimumSize(60, 50) if self.compact else self.setMinimumSize(200, 140)
        self.palette_ = palette or Palette()
        self.sizes = Sizes.of(self.palette_, self.compact)
        self.card = NeuronCard(self)
        self._maps: NeuronMaps | None = None
        self._images: list[list[QtGui.QImage]] = []  # per column, per drawn unit
        self._scales: list[tuple[float, float]] = []  # per column: (centre, half-width)
        self._input_plane: tuple[bytes, bytes] | None = None  # the input maps' xs and ys
        self._input_colours: tuple = ()  # and their scale and images
        self._scene: Scene | None = None
        # The two layers of the picture: plain QLabels, so that Qt paints them without Python.
        self._wiring, self._nodes = QtWidgets.QLabel(self), QtWidgets.QLabel(self)
        for layer in (self._nodes, self._wiring):
            layer.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layer.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop)
            layer.lower()  # under the hover card; the wiring lowest
        opaque(self._wiring, "#ffffff")  # a new picture repaints the diagram alone
        self._stale = True  # the picture must be recorded again before it is next seen
        self._wired: tuple | None = None  # what the wiring's picture shows (_wiring_key)
        self.selected: tuple[int, int] | None = None
        self.hovered: tuple[str, object] | None = None  # ("node", (c, u)) or ("link", index)
        self.scene_renders = 0  # how often the cached picture was painted again
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    # -- contract --------------------------------------------------------------------------------
    def neuron_maps(self) -> list[np.ndarray]:
        """One array per hidden layer, ``(units_shown, H, W)``: the values drawn for each neuron
        (row 0 is the lowest ``x2`` of the plane; read-only)."""
        if self._maps is None:
            return []
        n = self.sizes.max_units
        return [layer.values[:n] for layer in self._maps.hidden]

    @property
    def maps(self) -> NeuronMaps | None:
        return self._maps

    # -- feeding ---------------------------------------------------------------------------------
    def show_maps(self, maps: NeuronMaps | None, colours: NeuronColours | None = None) -> None:
        """Draw a new set of maps (``None``, or the same object again, changes nothing);
        ``colours``: the maps already coloured (by the training thread)."""
        if maps is None or maps is self._maps:
            return
        structure = self._maps is not None and _shape(self._maps) == _shape(maps)
        self._maps = maps
        self._colour(maps, colours)
        if not structure:
            self.selected = None
            self._hide_card()
        self._invalidate()

    def show_frame(self, frame: Frame) -> None:
        """The maps of a full frame, as the worker coloured them (frames without maps change
        nothing)."""
        self.show_maps(frame.neurons, frame.neuron_colours)

    def clear(self) -> None:
        """Forget the drawn maps (a new run starts)."""
        self._maps, self._images, self.selected = None, [], None
        self._hide_card()
        self._invalidate()

    def _colour(self, maps: NeuronMaps, colours: NeuronColours | None = None) -> None:
        """Images of ``maps``, from the worker's ``colours`` when they are of the units drawn
        here (else coloured here: a palette change, a compact diagram, a test)."""
        n = self.sizes.max_units
        plane = (maps.xs.tobytes(), maps.ys.tobytes())
        if plane != self._input_plane:  # the same plane all run long: coloured once
            gx, gy = np.meshgrid(maps.xs, maps.ys)
            inputs = np.stack([gx, gy])
            half = float(np.abs(inputs).max()) or 1.0
            self._input_plane = plane
            self._input_colours = ((0.0, half), map_image(inputs, 0.0, half))
        scale, images = self._input_colours
        drawn = (*(min(layer.shown, n) for layer in maps.hidden), maps.output.shown)
        if colours is None or colours.counts != drawn:
            colours = colour_neurons(maps, n)
        coloured = images_of(colours.words)
        ends = np.cumsum(colours.counts)
        self._scales = [scale, *colours.scales]
        self._images = [images] + [coloured[e - c : e] for c, e in zip(colours.counts, ends)]

    # -- language and sizes --------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setAccessibleName(
            translate("NetworkDiagram", "Network diagram: what every neuron computes")
        )
        self._hide_card()
        self._set_tooltip(self._scene)
        self._wired = None  # the titles are in the wiring's picture
        self._invalidate()

    def apply_palette(self, palette: Palette) -> None:
        """Node, link and font sizes for ``palette`` (projector mode: big nodes, thick links)."""
        self.palette_ = palette
        self.sizes = Sizes.of(palette, self.compact)
        self.card.apply_palette(palette)
        if self._maps is not None:
            self._colour(self._maps)
        self._wired = None
        self._invalidate()

    def texts(self) -> dict[str, str]:
        """Every fixed text the picture shows, in the current language (for the painter)."""
        rule = DEAD_RULES.get(self._maps.activation) if self._maps is not None else None
        return {
            "input": translate("NetworkDiagram", "input"),
            "output": translate("NetworkDiagram", "output"),
            "word": engine_text(rule.word) if rule is not None else "",
            "legend": translate(
                "NetworkDiagram",
                "link width ∝ |weight| (full at {full}) · blue +, orange − · rim: bias",
            ).format(full=f"{WEIGHT_FULL:g}"),
        }

    def legend_text(self) -> str:
        """The line under the picture: how links and rims read, and what the picture leaves
        out (the tooltip when the diagram is too short for it)."""
        return " ".join(t for t in (self.texts()["legend"], self.note()) if t)

    def _set_tooltip(self, scene: Scene | None) -> None:
        """The legend when the picture has no room for it; none over a node or a link (its
        card says more); before the first frame, why the diagram is empty."""
        if self._maps is None:
            tip = translate("NetworkDiagram", "The network appears with the first frame.")
        elif self.hovered is None and scene is not None and not scene.footer:
            tip = self.legend_text()
        else:
            tip = ""
        if tip != self.toolTip():
            self.setToolTip(tip)

    def column_title(self, column: int) -> str:
        if column == 0:
            return translate("NetworkDiagram", "input")
        if self.scene is not None and column == self.scene.n_columns - 1:
            return translate("NetworkDiagram", "output")
        return translate("NetworkDiagram", "layer {n}").format(n=column)

    def column_note(self, column: int) -> str:
        """Under a column's title: ×N identical, dead/saturated count (hidden layers only)."""
        scene = self.scene
        if scene is None or column in (0, scene.n_columns - 1):
            return ""
        layer = scene.layer(column)
        parts = []
        if layer.distinct == 1 and layer.n_units > 1:
            parts.append(translate("NetworkDiagram", "×{n} identical").format(n=layer.n_units))
        elif layer.distinct < layer.n_units:
            parts.append(
                translate("NetworkDiagram", "{d} of {n} distinct").format(
                    d=layer.distinct, n=layer.n_units
                )
            )
        if layer.n_flat and self._maps is not None:
            word = engine_text(DEAD_RULES[self._maps.activation].word)
            parts.append(
                translate("NetworkDiagram", "{n} {word}").format(n=layer.n_flat, word=word)
            )
        return " · ".join(parts)

    def more_text(self, column: int) -> str:
        n = self.scene.more(column) if self.scene is not None else 0
        return translate("NetworkDiagram", "+{n} more").format(n=n) if n else ""

    def note(self) -> str:
        """What the picture leaves out: units not drawn, coarse maps."""
        maps = self._maps
        if maps is None:
            return ""
        parts = []
        if any(layer.n_units > self.sizes.max_units for layer in maps.hidden):
            parts.append(
                translate("NetworkDiagram", "Showing the first {n} units of each layer.").format(
                    n=self.sizes.max_units
                )
            )
        if maps.resolution < 24:
            parts.append(
                translate("NetworkDiagram", "Maps {r}×{r} so training stays fast.").format(
                    r=maps.resolution
                )
            )
        return " ".join(parts)

    # -- painting --------------------------------------------------------------------------------
    def _invalidate(self, layout: bool = True, wiring: bool = True) -> None:
        """The picture is out of date (``layout``: so are the positions of nodes and links;
        not ``wiring``: only the hover mark changed)."""
        if layout:
            self._scene = None
        if self.isVisible():  # a hidden diagram draws when it is shown
            self._record(wiring or self._stale)
        else:
            self._stale = True

    def _scene_for(self, width: float, height: float) -> Scene | None:
        if self._maps is None:
            return None
        return Scene(self._maps, width, height, self.sizes)

    def _record(self, wiring: bool = True) -> None:
        """Draw the picture's layers again: the nodes and the hover mark, and (``wiring``) the
        links and texts too if they look otherwise than last time.

        Both are pixmaps, which Qt blits: the wiring was a ``QPicture``, replayed (every link
        stroked again, on Qt's thread pool) each time the nodes above it changed: 2-4 ms five
        times a second on cores the training needs, where the links change about once a second.
        """
        scene = self.scene

        def links(painter: QtGui.QPainter) -> None:
            if scene is not None:
                paint_wiring(painter, scene, self)

        def nodes(painter: QtGui.QPainter) -> None:
            if scene is not None:
                paint_nodes(painter, scene, self, self._images)
            self._paint_hover(painter)

        key = self._wiring_key(scene) if wiring else self._wired
        if key is None or key != self._wired:  # a frame rarely moves a link by half a pixel
            self._wired = key
            self._wiring.setPixmap(self._layer(QtGui.QColor("#ffffff"), links))
        self._nodes.setPixmap(self._layer(QtCore.Qt.GlobalColor.transparent, nodes))
        self._set_tooltip(scene)
        self._stale = False
        self.scene_renders += 1

    def _layer(self, fill, draw: Callable[[QtGui.QPainter], object]) -> QtGui.QPixmap:
        """A pixmap the widget's size (at the screen's pixel ratio), filled, drawn on."""
        ratio = self.devicePixelRatioF()
        pixmap = QtGui.QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(fill)
        painter = QtGui.QPainter(pixmap)
        draw(painter)
        painter.end()
        return pixmap

    def _wiring_key(self, scene: Scene | None) -> tuple | None:
        """Everything the wiring's picture shows: an equal key, an equal picture."""
        if scene is None:
            return None
        columns = range(scene.n_columns)
        hidden = range(1, scene.n_columns - 1)
        return (
            self.width(),
            self.height(),
            self.selected,
            scene.wiring_key(),
            tuple(scene.layer(c).groups[: scene.columns[c]].tobytes() for c in hidden),
            tuple(self.column_note(c) + "|" + self.more_text(c) for c in columns),
            self.note(),
        )

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._record()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        for layer in (self._wiring, self._nodes):
            layer.setGeometry(self.rect())
        self._invalidate()

    def _paint_hover(self, painter: QtGui.QPainter) -> None:
        scene, hovered = self._scene, self.hovered
        if scene is None or hovered is None:
            return
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        pen = QtGui.QPen(QtGui.QColor("#000000"), max(2.0, self.sizes.link_max / 4))
        painter.setPen(pen)
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        kind, what = hovered
        if kind == "node":
            rect = scene.node(*what).rect
            painter.drawRect(rect.adjusted(-3, -3, 3, 3))
        elif what < len(scene.links):
            link = scene.links[what]
            pen.setWidthF(max(link.width, 1.0) + 3)
            pen.setColor(QtGui.QColor(0, 0, 0, 120))
            painter.setPen(pen)
            painter.drawLine(link.line)

    def render_picture(self, width: int = SLIDE_WIDTH) -> QtGui.QImage:
        """The diagram as an image ``width`` pixels wide (slides), laid out as on screen."""
        lw, lh = (self.width(), self.height()) if self.width() >= 200 else (960, 540)
        scale = width / lw
        image = QtGui.QImage(width, round(lh * scale), QtGui.QImage.Format.Format_ARGB32)
        image.fill(QtGui.QColor("#ffffff"))
        painter = QtGui.QPainter(image)
        painter.scale(scale, scale)
        scene = self._scene_for(lw, lh)  # its own layout: the screen's stays as it is
        if scene is not None:
            paint_scene(painter, scene, self, self._images)
        painter.end()
        return image

    def save_picture(self, path: str | Path, width: int = SLIDE_WIDTH) -> bool:
        return self.render_picture(width).save(str(path), "PNG")

    # -- mouse -----------------------------------------------------------------------------------
    def highlighted_links(self) -> list[int]:
        """Indices (into ``scene.links``) of the links of the selected node."""
        if self._scene is None or self.selected is None:
            return []
        return self._scene.links_of(*self.selected)

    @property
    def scene(self) -> Scene | None:
        if self._scene is None and self._maps is not None:
            self._scene = self._scene_for(self.width(), self.height())
        return self._scene

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        scene = self.scene
        if scene is None:
            return
        point = event.position()
        node = scene.node_at(point)
        if node is not None:
            hovered = ("node", (node.column, node.unit))
        else:
            link = scene.link_at(point)
            hovered = None if link is None else ("link", link)
        if hovered != self.hovered:
            self.hovered = hovered
            self._show_card(event.globalPosition().toPoint())
            self._invalidate(layout=False, wiring=False)  # (the tooltip too: see _set_tooltip)

    def leaveEvent(self, event: QtCore.QEvent) -> None:
        super().leaveEvent(event)
        if self.hovered is not None:
            self.hovered = None
            self._invalidate(layout=False, wiring=False)
        self._hide_card()

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        super().mousePressEvent(event)
        scene = self.scene
        if scene is None or event.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        node = scene.node_at(event.position())
        picked = None if node is None else (node.column, node.unit)
        self.selected = None if picked == self.selected else picked
        self._invalidate(layout=False)  # the highlight is part of the picture
        self.selectionChanged.emit(self.selected)

    def _hide_card(self) -> None:
        if self.card is not None:
            self.card.hide()

    def _show_card(self, global_pos: QtCore.QPoint) -> None:
        scene, maps = self._scene, self._maps
        if self.hovered is None or scene is None or maps is None:
            self._hide_card()
            return
        kind, what = self.hovered
        n = scene.n_columns
        if kind == "link":
            link = scene.links[what]
            text = link_text(
                link.weight,
                node_name(link.column - 1, link.source, n),
                node_name(link.column, link.target, n),
            )
            title, *lines = text.split("\n")
            self.card.show_at(global_pos, title, lines, None)
            return
        column, unit = what
        layer = scene.layer(column)
        lines = [] if layer is None else neuron_lines(layer, unit, maps.activation, column == n - 1)
        self.card.show_at(global_pos, node_name(column, unit, n), lines, self._images[column][unit])


class MiniDiagram(NetworkDiagram):
    """The same drawing, compact, for one compared run: feed it with :meth:`show_picture`."""

    compact = True

    def __init__(self, index: int = 0, parent=None, palette: Palette | None = None) -> None:
        super().__init__(parent, palette)
        self.setObjectName(f"compareNetworkDiagram{index}")

    def show_picture(self, run) -> None:
        """A :class:`~app.frames.RunPicture`'s maps (pictures without new maps change nothing)."""
        self.show_maps(run.neurons)


def _shape(maps: NeuronMaps) -> tuple[int, ...]:
    return tuple(layer.n_units for layer in maps.hidden)
