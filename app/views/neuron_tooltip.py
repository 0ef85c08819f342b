"""The network diagram's hover card: a neuron's map, large, with its numbers; or a weight's value.

A frameless tool-tip window owned by the diagram (so it is never clipped by a small diagram and
goes away with it).  The diagram words the lines (:func:`neuron_lines`, :func:`link_text`) in the
current language; the card only lays them out.
"""

from __future__ import annotations

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import engine_text, translate
from app.views.style import Palette, point_font
from engine.diagnostics import DEAD_RULES
from engine.neuron_maps import LayerMaps

__all__ = ["NeuronCard", "link_text", "neuron_lines", "node_name"]

#: incoming weights listed on the card; the rest are counted
LISTED_WEIGHTS = 12


def _num(x: float) -> str:
    return f"{x:.4g}"


def node_name(column: int, unit: int, n_columns: int) -> str:
    """``x1``, ``layer 2, unit 3`` or ``output`` (units count from 1 for people)."""
    if column == 0:
        return translate("NetworkDiagram", "input x{n}").format(n=unit + 1)
    if column == n_columns - 1:
        return translate("NetworkDiagram", "output: P(class 1)")
    return translate("NetworkDiagram", "layer {layer}, unit {unit}").format(
        layer=column, unit=unit + 1
    )


def neuron_lines(layer: LayerMaps, unit: int, activation: str, output: bool) -> list[str]:
    """What the card says about a hidden or output unit, one line each."""
    w = layer.weights[unit]
    listed = ", ".join(_num(x) for x in w[:LISTED_WEIGHTS])
    lines = [translate("NetworkDiagram", "incoming weights: {weights}").format(weights=listed)]
    if len(w) > LISTED_WEIGHTS:
        lines.append(
            translate("NetworkDiagram", "… and {n} more (|w| mean {mean})").format(
                n=len(w) - LISTED_WEIGHTS, mean=_num(float(np.abs(w).mean()))
            )
        )
    lines.append(translate("NetworkDiagram", "bias: {b}").format(b=_num(float(layer.biases[unit]))))
    if layer.mean is not None and layer.std is not None:
        lines.append(
            translate(
                "NetworkDiagram", "activation on the training data: mean {mean}, std {std}"
            ).format(mean=_num(float(layer.mean[unit])), std=_num(float(layer.std[unit])))
        )
    if not output and layer.flat is not None and layer.flat[unit]:
        rule = DEAD_RULES.get(activation)
        if rule is not None:
            lines.append(f"{engine_text(rule.word)}: {engine_text(rule.rule)}")
    same = int(layer.group_sizes[unit])
    if same > 1:
        lines.append(
            translate(
                "NetworkDiagram", "identical to {n} other units of this layer: the same neuron"
            ).format(n=same - 1)
        )
    return lines


def link_text(weight: float, source: str, target: str) -> str:
    return translate("NetworkDiagram", "weight {w}\nfrom {source} to {target}").format(
        w=_num(weight), source=source, target=target
    )


class NeuronCard(QtWidgets.QFrame):
    """The card: a title, the map (if any) and lines of text."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent, QtCore.Qt.WindowType.ToolTip)
        self.setObjectName("networkDiagramCard")
        self.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.setStyleSheet("QFrame#networkDiagramCard { background: #ffffff; color: #000000; }")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.title = QtWidgets.QLabel()
        self.image = QtWidgets.QLabel()
        self.lines = QtWidgets.QLabel()
        self.lines.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.lines.setWordWrap(True)
        for label in (self.title, self.image, self.lines):
            label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.map_side = 180
        self.apply_palette(Palette())

    def apply_palette(self, palette: Palette) -> None:
        self.setFont(point_font(palette.font_pt))
        self.image.setFont(self.font())  # a tooltip window's children take the tooltip font
        self.title.setFont(point_font(palette.font_pt, bold=True))
        self.lines.setFont(point_font(palette.font_pt))
        self.map_side = 260 if palette.projector else round(180 * palette.zoom)
        self.lines.setMaximumWidth(max(self.map_side * 2, 360))

    def text(self) -> str:
        """Everything the card says, as plain text (title first)."""
        return "\n".join(t for t in (self.title.text(), self.lines.text()) if t)

    def show_at(
        self, global_pos: QtCore.QPoint, title: str, lines: list[str], image: QtGui.QImage | None
    ) -> None:
        self.title.setText(title)
        self.lines.setText("\n".join(lines))
        if image is None:
            self.image.clear()
            self.image.setVisible(False)
        else:
            side = self.map_side
            pixmap = QtGui.QPixmap.fromImage(
                image.scaled(
                    side,
                    side,
                    QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
                    QtCore.Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.image.setPixmap(pixmap)
            self.image.setVisible(True)
        self.adjustSize()
        self.move(self._placed(global_pos))
        self.show()
        self.raise_()

    def _placed(self, pos: QtCore.QPoint) -> QtCore.QPoint:
        """Beside the pointer, kept on the pointer's screen."""
        at = pos + QtCore.QPoint(16, 16)
        screen = QtGui.QGuiApplication.screenAt(pos) or QtGui.QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            if at.x() + self.width() > area.right():
                at.setX(pos.x() - self.width() - 16)
            if at.y() + self.height() > area.bottom():
                at.setY(max(area.top(), area.bottom() - self.height()))
        return at
