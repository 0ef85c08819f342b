"""How the main window presents itself: projector mode, zoom, full screen and its layout.

These change sizes (fonts, lines, markers, the splitters, the side panel), never what runs, so
they live apart from the window's wiring.  The window calls them from its menus and shortcuts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import translate
from app.views.style import Palette

if TYPE_CHECKING:
    from app.main_window import MainWindow

__all__ = ["ZOOM_STEPS", "Presentation"]

#: Ctrl+= / Ctrl+- zoom steps (a factor on every font, line and marker)
ZOOM_STEPS = (0.75, 0.85, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
DEFAULT_SIZE = (1280, 800)


class Presentation:
    """Applies a :class:`Palette` to the window and its views, and restores the window's place."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.palette = Palette()
        app = QtWidgets.QApplication.instance()
        self.base_font = QtGui.QFont(app.font())  # the font before projector mode or zoom

    def restore(self) -> None:
        """Projector mode, zoom and the window's place as remembered (never full screen)."""
        w, settings = self.window, self.window.settings
        self.apply(Palette(zoom=settings.zoom(), projector=settings.projector()))
        geometry = settings.geometry()
        if geometry is None or not w.restoreGeometry(geometry) or not self._on_a_screen():
            self.default_size()
        # Never come back full screen or maximised onto a projector that has gone.
        w.setWindowState(QtCore.Qt.WindowState.WindowNoState)
        self.fit_to_screen()

    def available(self) -> QtCore.QRect:
        """The screen's room for windows (without panels and docks), where the window is."""
        screen = self.window.screen() or QtGui.QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def default_size(self) -> None:
        """The first start's size: :data:`DEFAULT_SIZE`, or the screen's room if that is less."""
        room = self.available()
        self.window.resize(min(DEFAULT_SIZE[0], room.width()), min(DEFAULT_SIZE[1], room.height()))

    def fit_to_screen(self) -> None:
        """Never larger than the screen's room, frame included, and wholly on it.

        The frame is known only once the window is shown, so the window calls this again then
        (and after projector mode or zoom changed its fonts).
        """
        w = self.window
        if w.isFullScreen() or w.isMaximized():
            return
        room = self.available()
        frame, inner = w.frameGeometry(), w.geometry()
        extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
        width = min(w.width(), room.width() - extra_w)
        height = min(w.height(), room.height() - extra_h)
        if (width, height) != (w.width(), w.height()):
            w.resize(width, height)
        frame = w.frameGeometry()
        x = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
        y = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
        if (x, y) != (frame.left(), frame.top()):
            w.move(x, y)

    def _on_a_screen(self) -> bool:
        frame = self.window.frameGeometry()
        return any(
            screen.availableGeometry().intersects(frame)
            for screen in QtGui.QGuiApplication.screens()
        )

    def apply(self, palette: Palette) -> None:
        """Projector mode and zoom: fonts, lines, markers and the presentation layout."""
        w = self.window
        self.palette = palette
        font = QtGui.QFont(self.base_font)
        if palette.projector or palette.zoom != 1.0:
            font.setPointSizeF(palette.font_pt)
        # The application font reaches menus, tooltips and dialogs too, but only through posted
        # events; the window's own font reaches its children at once, so the layout below is
        # measured in the new size.
        QtWidgets.QApplication.instance().setFont(font)
        QtWidgets.QToolTip.setFont(font)
        w.setFont(font)
        for menu in w.menuBar().findChildren(QtWidgets.QMenu):
            menu.setFont(font)
        for view in w.styled_views():
            view.apply_palette(palette)
        w.menus.set_presentation(palette.projector)
        self.fit_side_width()
        self.fit_splitters()
        self.fit_to_screen()  # bigger fonts must not push the window off a small screen
        w.mark_dirty()

    def set_projector_mode(self, on: bool) -> None:
        self.apply(Palette(zoom=self.palette.zoom, projector=on))
        self.window.settings.set_projector(on)
        self.window.menus.sync_checks()
        self.window.statusBar().showMessage(
            translate("MainWindow", "Projector mode on: Ctrl+P or F5 turns it off")
            if on
            else translate("MainWindow", "Projector mode off"),
            5000,
        )

    def zoom(self, direction: int) -> None:
        """One step bigger (+1) or smaller (-1); 0 is back to 100 %."""
        current = self.palette.zoom
        if direction == 0:
            new = 1.0
        else:
            nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - current))
            index = max(0, min(len(ZOOM_STEPS) - 1, nearest + direction))
            new = ZOOM_STEPS[index]
        self.apply(Palette(zoom=new, projector=self.palette.projector))
        self.window.settings.set_zoom(new)
        self.window.statusBar().showMessage(
            translate("MainWindow", "Zoom {percent} %").format(percent=round(new * 100)), 3000
        )

    def toggle_full_screen(self) -> None:
        w = self.window
        w.showNormal() if w.isFullScreen() else w.showFullScreen()
        w.menus.sync_checks()

    def leave_full_screen(self) -> None:
        if self.window.isFullScreen():
            self.window.showNormal()
            self.window.menus.sync_checks()

    def reset_layout(self) -> None:
        """Back to a sensible size, panels shown, 100 %, no projector mode."""
        w = self.window
        w.showNormal()
        self.apply(Palette())
        w.settings.set_zoom(1.0)
        w.settings.set_projector(False)
        w.side_tabs.setVisible(True)
        self.default_size()
        self.fit_to_screen()
        w.menus.sync_checks()

    def fit_side_width(self) -> None:
        """The side panel is as wide as its widest control needs, in the current font."""
        w = self.window
        w.controls.set_compact(self.palette.projector)
        w.controls.adjustSize()
        width = w.controls.sizeHint().width() + 34
        if self.palette.projector:  # at most 40 % of the screen: the plots are the show
            width = min(width, max(300, int(self.available().width() * 0.4)))
        w.side_tabs.setFixedWidth(width)

    def fit_splitters(self) -> None:
        """Keep the splitters' proportions sensible at any window size (laptop to projector)."""
        plots, bottom = self.window.splitters
        h, width = plots.height(), bottom.width()
        # Projector-size histogram titles need more of the width; the boundary is square anyway.
        share = 0.5 if self.palette.projector else 0.58
        if h > 0 and width > 0:
            # On a projector the boundary needs a third of a 768 px screen: the curve gives way.
            top = int(h * (0.36 if self.palette.projector else 0.4))
            plots.setSizes([top, h - top])
            bottom.setSizes([int(width * share), width - int(width * share)])

    def restore_fonts(self) -> None:
        """Give the application its own font back (the window is closing)."""
        QtWidgets.QApplication.instance().setFont(self.base_font)
        QtWidgets.QToolTip.setFont(self.base_font)
