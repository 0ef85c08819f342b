"""A small decision map per compared run: its swatch and name over the probability map."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from app.frames import RunPicture
from app.i18n import Retranslatable, translate
from app.views.compare.run_style import RunStyle
from app.views.decision_map import TRAIN_SYMBOLS, boundary_items, paint_boundary
from app.views.network_diagram import MiniDiagram
from app.views.style import (
    CLASS_COLORS,
    ERROR_COLOR,
    Palette,
    StaticScatter,
    cache_static,
    icon_scale,
    point_font,
)
from engine.datasets import Dataset

__all__ = ["MiniMap"]


class MiniMap(Retranslatable, QtWidgets.QWidget):
    """A title (the run's swatch and name) over a small probability map with the train points.

    The owner names the run and tells its state (in the current language); the map's own note
    ("no boundary…") is translated here.
    """

    def __init__(
        self, index: int, data: Dataset, parent=None, palette: Palette | None = None
    ) -> None:
        super().__init__(parent)
        self.palette_ = palette or Palette()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        title_row = QtWidgets.QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.setSpacing(4)
        self.swatch = QtWidgets.QLabel()
        self.title = QtWidgets.QLabel(objectName=f"compareMapTitle{index}")
        self.title.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.title.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Fixed
        )
        title_row.addWidget(self.swatch)
        title_row.addWidget(self.title, 1)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName(f"compareMap{index}")  # PlotWidget passes keywords to its item
        self.plot.setBackground("#ffffff")
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        self.image, self.contour = boundary_items(item)
        self.points: list[pg.ScatterPlotItem] = []
        for cls in (0, 1):
            pick = data.train_Y[0] == cls
            scatter = StaticScatter(
                data.train_X[0, pick],
                data.train_X[1, pick],
                symbol=TRAIN_SYMBOLS[cls],
                brush=pg.mkBrush(CLASS_COLORS[cls]),
                pen=pg.mkPen(None),
            )
            scatter.setZValue(10)
            cache_static(scatter)
            item.addItem(scatter)
            self.points.append(scatter)
        x0, x1, y0, y1 = data.bounds(0.35)
        item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        item.disableAutoRange()
        # What the picture alone cannot say (no boundary, diverged, catching up), in the middle
        # of the map: on circles that is the empty hole inside the inner ring.
        self.overlay = pg.TextItem("", anchor=(0.5, 0.5), fill=pg.mkBrush(255, 255, 255, 215))
        self.overlay.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        self.overlay.setZValue(20)
        self.overlay.setVisible(False)
        item.addItem(self.overlay, ignoreBounds=True)
        self._overlay = ""
        # The run's network diagram in the same place, when the comparison shows networks.
        self.diagram = MiniDiagram(index, palette=self.palette_)
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.plot)
        self.pages.addWidget(self.diagram)
        layout.addLayout(title_row)
        layout.addWidget(self.pages, 1)
        self.key: int | None = None
        self._label = ""
        self._style: RunStyle | None = None
        self._state = ""
        self._diverged = False
        #: why there is no boundary to see: None, ("uniform", P) or ("outside",)
        self._note: tuple | None = None
        self.apply_palette(self.palette_)
        self.retranslate_ui()

    # -- language and sizes -------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """The map's own note; the title and the state come from the owner (``set_label``)."""
        self._refresh_overlay()

    def apply_palette(self, palette: Palette, points: float | None = None) -> None:
        """Title font (``points``, default the palette's), boundary width, point size, swatch."""
        self.palette_ = palette
        points = points if points is not None else float(palette.font_pt)
        self.title.setFont(point_font(points, bold=True, base=self.font()))
        self.contour.setPen(pg.mkPen("#000000", width=max(1.5, palette.thin_line_width)))
        # Half the big map's point size: a map is a fifth as wide, and full-size points would
        # cover the very boundary the map is there to show.
        size = palette.marker_size / 2
        for scatter in self.points:
            scatter.setSize(size)
        self.overlay.setFont(point_font(points))
        self.diagram.apply_palette(palette)
        self._show_swatch()
        self._elide_title()

    def _show_swatch(self) -> None:
        if self._style is None:
            self.swatch.clear()
            return
        scale = icon_scale(self.palette_)
        width, height = round(44 * scale), round(16 * scale)
        icon = self._style.icon(width, height, self.palette_.line_width)
        self.swatch.setPixmap(icon.pixmap(width, height))

    # -- contents -------------------------------------------------------------------------------
    @property
    def note(self) -> str:
        """Why there is no boundary to see, if there is none (as HTML, in the current language)."""
        if self._note is None:
            return ""
        if self._note[0] == "uniform":
            return translate("MiniMap", "no boundary:<br>P = {p}<br>everywhere").format(
                p=f"{self._note[1]:.3f}"
            )
        return translate("MiniMap", "no boundary<br>in view")

    def show_network(self, on: bool) -> None:
        """The run's network diagram (``on``) or its decision map."""
        self.pages.setCurrentWidget(self.diagram if on else self.plot)

    def assign(self, key: int | None, label: str = "", style: RunStyle | None = None) -> None:
        """Show run ``key`` here from now on (clearing the previous run's picture)."""
        if key == self.key:
            return
        self.key = key
        self.diagram.clear()
        self.image.clear()
        self.contour.setData([], [])
        self._note = None
        self._state = ""
        self._diverged = False
        self._refresh_overlay()
        self._style = style
        self._show_swatch()
        self.set_label(label)

    def set_label(self, label: str) -> None:
        """The run's name over the map (cut to the width; the tooltip has it whole)."""
        self._label = label
        self.title.setToolTip(label)
        self.plot.setAccessibleName(
            translate("MiniMap", "Decision map: {name}").format(name=label) if label else ""
        )
        self._elide_title()

    def _elide_title(self) -> None:
        """The name cut with "…" to the map's width (the tooltip has it whole)."""
        metrics = QtGui.QFontMetrics(self.title.font())
        swatch = self.swatch.pixmap()
        swatch_w = swatch.width() if swatch is not None and not swatch.isNull() else 44
        room = max(40, self.width() - swatch_w - 12)  # less the swatch and the spacing
        text = metrics.elidedText(self._label, QtCore.Qt.TextElideMode.ElideRight, room)
        if text != self.title.text():
            self.title.setText(text)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def set_state(self, state: str, diverged: bool = False) -> None:
        """Show a state worth noticing ("diverged at 12", "catching up") on the map.

        ``state`` is already in the current language; ``diverged`` fades the picture.
        """
        self._state = state
        self._diverged = diverged or state.startswith("diverged")
        self._refresh_overlay()

    def _refresh_overlay(self) -> None:
        """A state outranks a note; a diverged run's last picture is faded: it means nothing."""
        if self._state:
            html_text = f"<b style='color:{ERROR_COLOR}'>{html.escape(self._state)}</b>"
        elif self._note is not None:
            html_text = f"<span style='color:#222222'>{self.note}</span>"
        else:
            html_text = ""
        if html_text != self._overlay:  # text items re-lay out on every change: only if needed
            self._overlay = html_text
            self.overlay.setHtml(html_text)
            self.overlay.setVisible(bool(html_text))
        self.image.setOpacity(0.35 if self._state and self._diverged else 1.0)

    def show_grid(self, run: RunPicture) -> None:
        """The run's map (and its diagram's maps, when the picture brings them)."""
        self.diagram.show_picture(run)
        grid = run.grid
        if grid is None or run.heatmap is None:
            return
        paint_boundary(self.image, self.contour, grid, run.heatmap)
        if len(grid.boundary):
            self._note = None
        else:  # say why the map is blank (zeros: P = 0.5 everywhere), do not leave it to guess
            probs = grid.probs
            if np.isfinite(probs).all() and float(np.ptp(probs)) < 1e-9:
                self._note = ("uniform", float(probs.flat[0]))
            else:
                self._note = ("outside",)
        self._refresh_overlay()
