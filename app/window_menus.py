"""The main window's menus, shortcuts and presentation toolbar.

Every shortcut is a menu action, so the menus list them all (and screen readers find them).
Texts are set in :meth:`WindowMenus.retranslate_ui`; each action is created once, so shortcuts
and object names never change with the language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PyQt6 import QtCore, QtGui, QtWidgets

from app.i18n import LANGUAGES, engine_text, translate
from engine.initializers import INITIALIZERS
from engine.presets import PRESETS

if TYPE_CHECKING:
    from app.animation.dialog import AnimationExporter
    from app.main_window import MainWindow

__all__ = ["WindowMenus"]

#: the initializers a teacher switches between on the projector toolbar (the tutorial's three)
TOOLBAR_INITIALIZERS = ("zeros", "random", "he")
#: Qt's standard shortcuts (the platform's own keys) where Qt has one; literal keys elsewhere
Std = QtGui.QKeySequence.StandardKey


class WindowMenus:
    """Builds File, Run, Presets, View, Language and Help, and the presentation toolbar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.animation: AnimationExporter | None = None  # made on first use (it loads Pillow)
        self._texts: list[tuple[QtGui.QAction | QtWidgets.QMenu, Callable[[], str]]] = []
        self.actions: dict[str, QtGui.QAction] = {}
        bar = window.menuBar()
        self._build_file(bar.addMenu(""))
        self._build_run(bar.addMenu(""))
        self._build_presets(bar.addMenu(""))
        self._build_view(bar.addMenu(""))
        self._build_language(bar.addMenu(""))
        self._build_help(bar.addMenu(""))
        self._build_toolbar()
        self.retranslate_ui()

    # -- helpers ----------------------------------------------------------------------------------
    def _menu(self, menu: QtWidgets.QMenu, name: str, text: Callable[[], str]) -> QtWidgets.QMenu:
        menu.setObjectName(name)
        menu.setToolTipsVisible(True)
        self._texts.append((menu, text))
        return menu

    def _add(
        self,
        menu: QtWidgets.QMenu | None,
        name: str,
        text: Callable[[], str],
        slot: Callable[..., object],
        *keys: str | QtGui.QKeySequence.StandardKey,
        checkable: bool = False,
        tip: Callable[[], str] | None = None,
    ) -> QtGui.QAction:
        action = QtGui.QAction(self.window)
        action.setObjectName(name)
        action.setShortcuts(_sequences(keys))
        action.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        else:
            self.window.addAction(action)  # a shortcut with no menu entry (Esc)
        self._texts.append((action, text))
        if tip is not None:
            self._texts.append((action, tip))  # second entry: the tooltip (see retranslate_ui)
            action.setProperty("hasTip", True)
        self.actions[name] = action
        return action

    # -- menus ------------------------------------------------------------------------------------
    def _build_file(self, menu: QtWidgets.QMenu) -> None:
        w, files = self.window, self.window.files
        self._menu(menu, "fileMenu", lambda: translate("WindowMenus", "&File"))
        self._add(
            menu,
            "openExperimentAction",
            lambda: translate("WindowMenus", "&Open experiment…"),
            lambda: files.open_experiment(),
            Std.Open,
        )
        self._add(
            menu,
            "saveExperimentAction",
            lambda: translate("WindowMenus", "&Save experiment…"),
            lambda: files.save_experiment(),
            Std.Save,
        )
        menu.addSeparator()
        self._add(
            menu,
            "exportHistoryAction",
            lambda: translate("WindowMenus", "&Export history as CSV…"),
            lambda: files.export_history(),
            "Ctrl+E",
        )
        self._add(
            menu,
            "exportAnimationAction",
            lambda: translate("WindowMenus", "Export &animation…"),
            self.export_animation,
            tip=lambda: translate(
                "WindowMenus",
                "The run as a GIF or WebP: cost curve, boundary, network and weights from "
                "iteration 0 to the newest",
            ),
        )
        pictures = self._menu(
            menu.addMenu(""), "pictureMenu", lambda: translate("WindowMenus", "Save &picture")
        )
        for name, text, target, keys in (
            (
                "saveWindowPictureAction",
                lambda: translate("WindowMenus", "Whole window…"),
                lambda: w,
                ("Ctrl+Shift+S",),
            ),
            (
                "saveCostPictureAction",
                lambda: translate("WindowMenus", "Cost curve…"),
                lambda: w.cost_plot,
                (),
            ),
            (
                "saveBoundaryPictureAction",
                lambda: translate("WindowMenus", "Decision boundary…"),
                lambda: w.decision_map,
                (),
            ),
            (
                "saveNetworkPictureAction",
                lambda: translate("WindowMenus", "Network diagram…"),
                lambda: w.network_diagram,
                (),
            ),
            (
                "saveHistogramsPictureAction",
                lambda: translate("WindowMenus", "Weight histograms…"),
                lambda: w.histograms,
                (),
            ),
            (
                "saveGradientsPictureAction",
                lambda: translate("WindowMenus", "Gradient norms…"),
                lambda: w.gradient_plot,
                (),
            ),
            (
                "saveActivationsPictureAction",
                lambda: translate("WindowMenus", "Activations…"),
                lambda: w.activation_hists,
                (),
            ),
            (
                "saveComparePictureAction",
                lambda: translate("WindowMenus", "Comparison…"),
                lambda: w.compare_view,
                (),
            ),
        ):
            self._add(
                pictures, name, text, lambda _=False, t=target: files.save_picture(t()), *keys
            )
        menu.addSeparator()
        self._add(
            menu,
            "quitAction",
            lambda: translate("WindowMenus", "&Quit"),
            w.close,
            Std.Quit,
            "Ctrl+Q",
        )

    def _build_run(self, menu: QtWidgets.QMenu) -> None:
        w = self.window
        self._menu(menu, "runMenu", lambda: translate("WindowMenus", "&Run"))
        self._add(
            menu,
            "playPauseAction",
            lambda: translate("WindowMenus", "Play / pause"),
            w.toggle_play,
            "Space",
        )
        self._add(menu, "stepAction", lambda: translate("WindowMenus", "Step"), w.step_clicked,
                  "Right", "S")  # fmt: skip
        self._add(menu, "resetAction", lambda: translate("WindowMenus", "Reset"), w.reset, "R")
        self._add(
            menu, "newSeedAction", lambda: translate("WindowMenus", "New seed"), w.new_seed, "N"
        )
        self._add(
            menu,
            "flatOutAction",
            lambda: translate("WindowMenus", "Flat out"),
            lambda on: w.set_flat_out(on),
            checkable=True,
            tip=lambda: translate(
                "WindowMenus",
                "Train as fast as the machine can (the tab in view); off: a pace to talk over",
            ),
        )
        menu.addSeparator()
        for key, name in enumerate(INITIALIZERS, start=1):
            if key > 9:
                break
            self._add(
                menu,
                f"init_{name}_action",
                lambda n=name: translate("WindowMenus", "Initializer: {name}").format(
                    name=engine_text(INITIALIZERS[n].label)
                ),
                lambda _=False, n=name: w.choose_initializer(n),
                str(key),
            )

    def _build_presets(self, menu: QtWidgets.QMenu) -> None:
        w = self.window
        self._menu(menu, "presetMenu", lambda: translate("WindowMenus", "&Presets"))
        for name, preset in PRESETS.items():
            self._add(
                menu,
                f"preset_{name}_action",
                lambda p=preset: engine_text(p.label),
                lambda _=False, n=name: w.apply_preset(n),
                tip=lambda p=preset: engine_text(p.description),
            )

    def _build_view(self, menu: QtWidgets.QMenu) -> None:
        w = self.window
        self._menu(menu, "viewMenu", lambda: translate("WindowMenus", "&View"))
        self._add(
            menu,
            "projectorModeAction",
            lambda: translate("WindowMenus", "&Projector mode"),
            lambda on: w.set_projector_mode(on),
            "Ctrl+P",
            "F5",
            checkable=True,
            tip=lambda: translate(
                "WindowMenus", "Big fonts, thick lines, high contrast: readable from the back row"
            ),
        )
        self._add(
            menu,
            "fullScreenAction",
            lambda: translate("WindowMenus", "&Full screen"),
            lambda _=False: w.toggle_full_screen(),
            Std.FullScreen,
            "F11",  # FullScreen is empty on plain X11 (pitfalls.md)
            checkable=True,
        )
        self._add(
            None,
            "leaveFullScreenAction",
            lambda: translate("WindowMenus", "Leave full screen"),
            w.leave_full_screen,
            "Esc",
        )
        self._add(
            menu,
            "showControlsAction",
            lambda: translate("WindowMenus", "Show &controls panel"),
            lambda on: w.set_controls_visible(on),
            "F9",
            checkable=True,
        )
        menu.addSeparator()
        self._add(
            menu,
            "zoomInAction",
            lambda: translate("WindowMenus", "Zoom &in"),
            lambda: w.zoom(+1),
            Std.ZoomIn,
            "Ctrl+=",  # Ctrl++ needs Shift on a US keyboard
            "Ctrl++",
        )
        self._add(
            menu,
            "zoomOutAction",
            lambda: translate("WindowMenus", "Zoom &out"),
            lambda: w.zoom(-1),
            Std.ZoomOut,
            "Ctrl+-",
        )
        self._add(
            menu,
            "zoomResetAction",
            lambda: translate("WindowMenus", "&Actual size"),
            lambda: w.zoom(0),
            "Ctrl+0",
        )
        menu.addSeparator()
        self._add(
            menu,
            "logScaleAction",
            lambda: translate("WindowMenus", "Log-scale cost"),
            lambda: w.controls.log_scale.toggle(),
            "L",
        )
        self._add(
            menu,
            "clearHistoryAction",
            lambda: translate("WindowMenus", "Clear earlier runs"),
            w.cost_plot.clear_ghosts,
        )
        self._add(
            menu,
            "resetLayoutAction",
            lambda: translate("WindowMenus", "Reset &layout"),
            w.reset_layout,
        )

    def _build_language(self, menu: QtWidgets.QMenu) -> None:
        # "Language / 语言": whoever cannot read the current language still finds the menu.
        def title() -> str:
            text = translate("WindowMenus", "&Language")
            return text if "语言" in text else text + " / 语言"

        self._menu(menu, "languageMenu", title)
        group = QtGui.QActionGroup(self.window)
        group.setExclusive(True)
        for code, native in LANGUAGES.items():
            action = self._add(
                menu,
                f"language_{code}_action",
                lambda n=native: n,  # each language is named in itself, never translated
                lambda _=False, c=code: self.window.set_language(c),
                checkable=True,
            )
            group.addAction(action)

    def _build_help(self, menu: QtWidgets.QMenu) -> None:
        w = self.window
        self._menu(menu, "helpMenu", lambda: translate("WindowMenus", "&Help"))
        self._add(
            menu,
            "showLessonAction",
            lambda: translate("WindowMenus", "The &lesson"),
            self.show_lesson,
            Std.HelpContents,
            "F1",
        )
        menu.addSeparator()
        self._add(
            menu,
            "aboutAction",
            lambda: translate("WindowMenus", "&About InitScope"),
            lambda: w.show_about(),
        )
        self._add(
            menu,
            "aboutQtAction",
            lambda: translate("WindowMenus", "About &Qt"),
            lambda: QtWidgets.QMessageBox.aboutQt(w),
        )

    def _build_toolbar(self) -> None:
        """Play, step, reset and the tutorial's three initializers, big, for the projector."""
        bar = QtWidgets.QToolBar(self.window, objectName="presentationBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("showControlsAction", "playPauseAction", "stepAction", "resetAction"):
            bar.addAction(self.actions[name])
        bar.addSeparator()
        for init in TOOLBAR_INITIALIZERS:
            bar.addAction(self.actions[f"init_{init}_action"])
        self.window.addToolBar(QtCore.Qt.ToolBarArea.TopToolBarArea, bar)
        bar.setVisible(False)
        self.toolbar = bar

    # -- state ------------------------------------------------------------------------------------
    def export_animation(self) -> None:
        """File → Export animation… (:mod:`app.animation.dialog`)."""
        if self.animation is None:
            from app.animation.dialog import AnimationExporter

            self.animation = AnimationExporter(self.window)
        self.animation.start()

    def show_lesson(self) -> None:
        w = self.window
        w.mode_tabs.setCurrentIndex(0)
        w.set_controls_visible(True)
        w.side_tabs.setCurrentWidget(w.lesson)

    def set_presentation(self, on: bool) -> None:
        """Projector layout: the toolbar appears and the side panel folds away (F9 shows it)."""
        self.toolbar.setVisible(on)
        self.window.set_controls_visible(not on)
        self.retranslate_toolbar()
        self.sync_checks()

    def sync_checks(self) -> None:
        w = self.window
        # Every language's check is set, so exactly one is checked whatever happened before
        # (a check set with signals blocked is not seen by the exclusive group).
        languages = [(f"language_{code}_action", code == w.language) for code in LANGUAGES]
        for name, checked in (
            ("projectorModeAction", w.palette_.projector),
            ("fullScreenAction", w.isFullScreen()),
            ("showControlsAction", not w.side_tabs.isHidden()),
            ("flatOutAction", w.flat_out()),
            *languages,
        ):
            action = self.actions.get(name)
            if action is not None and action.isChecked() != checked:
                blocked = action.blockSignals(True)
                action.setChecked(checked)
                action.blockSignals(blocked)

    def retranslate_ui(self) -> None:
        seen: set[int] = set()
        for item, text in self._texts:
            if isinstance(item, QtWidgets.QMenu):
                item.setTitle(text())
            elif id(item) in seen:  # the action's second entry is its tooltip
                item.setToolTip(text())
                item.setStatusTip(item.toolTip())
            else:
                seen.add(id(item))
                item.setText(text())
                if not item.property("hasTip"):
                    item.setToolTip(_tooltip(item))
        self.retranslate_toolbar()
        self.sync_checks()

    def retranslate_toolbar(self) -> None:
        """Short button texts, so the toolbar fits 1024 px at projector size."""
        self.toolbar.setWindowTitle(translate("WindowMenus", "Presentation"))
        self.toolbar.setAccessibleName(translate("WindowMenus", "Presentation toolbar"))
        short = {
            "showControlsAction": translate("WindowMenus", "Controls"),
            "playPauseAction": translate("WindowMenus", "Play/Pause"),
        }
        for init in TOOLBAR_INITIALIZERS:
            short[f"init_{init}_action"] = engine_text(INITIALIZERS[init].label)
        for name, text in short.items():
            self.actions[name].setIconText(text)
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and not action.isSeparator():
                button.setAccessibleName(action.text().replace("&", ""))


def _sequences(keys: tuple[str | QtGui.QKeySequence.StandardKey, ...]) -> list[QtGui.QKeySequence]:
    """The shortcuts of an action: a ``StandardKey`` is this platform's own binding (none where
    the platform has none: the literal keys after it cover that), a string is that key."""
    out: list[QtGui.QKeySequence] = []
    for key in keys:
        sequence = QtGui.QKeySequence(key)
        if not sequence.isEmpty() and sequence not in out:
            out.append(sequence)
    return out


def _tooltip(action: QtGui.QAction) -> str:
    """The action's text and its shortcuts, e.g. "Step (Right, S)"."""
    text = action.text().replace("&", "").rstrip("…")
    keys = ", ".join(
        k.toString(QtGui.QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
    )
    return f"{text} ({keys})" if keys else text
