"""Languages: Qt's own translation machinery, switched live.

Every visible string of the app is written as ``translate("Context", "English text")``
(``QCoreApplication.translate``, which ``pylupdate6`` extracts into ``resources/i18n/*.ts``).
``lrelease`` compiles those to ``.qm`` files that are committed, so running the app needs no Qt
tools.  Installing a translator makes Qt send every widget a ``LanguageChange`` event; each view
answers it in ``changeEvent`` by calling its ``retranslate_ui()``, so switching is live.

Strings that come from ``engine/`` (labels, descriptions, refusals) are translated in the
``"engine"`` context: see :func:`engine_text` and :func:`error_text`.

pyqtgraph's own right-click menus and export dialog call ``QCoreApplication.translate`` too, but
pyqtgraph ships no translations: ``resources/i18n/pyqtgraph_<lang>.qm`` (made by
``scripts/pyqtgraph_ts.py``) is installed beside the app's, and since pyqtgraph sets those texts
once when it builds a menu, :func:`retranslate_pyqtgraph` sets them again on a live switch.
"""

from __future__ import annotations

import logging
import sys

from PyQt6 import QtCore, QtWidgets

from app.paths import resource_path

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Retranslatable",
    "Translations",
    "engine_text",
    "error_text",
    "retranslate_pyqtgraph",
    "system_language",
    "translate",
]

translate = QtCore.QCoreApplication.translate
log = logging.getLogger("initscope.i18n")
#: the same function under a name pylupdate6 does not collect: pyqtgraph's strings belong in
#: pyqtgraph_<lang>.ts (scripts/pyqtgraph_ts.py), not in the app's catalogue
_pg_text = QtCore.QCoreApplication.translate

#: language code → its name in that language (how a language menu should list it)
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
DEFAULT_LANGUAGE = "en"


def engine_text(text: str) -> str:
    """Translate a fixed string that the engine owns (a label, a description, a formula)."""
    return translate("engine", text) if text else text


def error_text(exc: BaseException) -> str:
    """A refusal from the engine in the current language.

    The engine's input errors carry their English template and the values that fill it
    (``exc.template``, ``exc.params``), so the template is translated before it is filled.
    Anything else is shown as Python formats it.
    """
    template = getattr(exc, "template", None)
    params = getattr(exc, "params", None)
    if isinstance(template, str) and isinstance(params, dict):
        # A refusal may wrap another (an experiment file's bad setting): translate it too.
        params = {
            key: error_text(value) if isinstance(value, BaseException) else value
            for key, value in params.items()
        }
        try:
            return engine_text(template).format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
            return str(exc)
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc)


def system_language(locale: QtCore.QLocale | None = None) -> str:
    """The language to start in when the user has not chosen one: Chinese for any zh locale."""
    locale = locale or QtCore.QLocale.system()
    return "zh_CN" if locale.language() == QtCore.QLocale.Language.Chinese else DEFAULT_LANGUAGE


class Translations:
    """Owns the installed translators (the app's and Qt's own dialogs'), one language at a time."""

    def __init__(self, app: QtCore.QCoreApplication) -> None:
        self._app = app
        self._installed: list[QtCore.QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def set_language(self, code: str) -> bool:
        """Switch every widget to ``code``; an unknown code or missing file changes nothing."""
        if code not in LANGUAGES:
            return False
        translators: list[QtCore.QTranslator] = []
        if code != DEFAULT_LANGUAGE:
            app_qm = QtCore.QTranslator(self._app)
            if not app_qm.load(str(resource_path("i18n", f"initscope_{code}.qm"))):
                return False
            translators.append(app_qm)
            pg_qm = QtCore.QTranslator(self._app)  # pyqtgraph's menus (optional)
            if pg_qm.load(str(resource_path("i18n", f"pyqtgraph_{code}.qm"))):
                translators.append(pg_qm)
            qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
            qt_qm = QtCore.QTranslator(self._app)
            if qt_qm.load(f"qtbase_{code}", qt_dir):  # Qt's own buttons (OK, Cancel, …)
                translators.append(qt_qm)
        for old in self._installed:
            self._app.removeTranslator(old)
        for new in translators:
            self._app.installTranslator(new)
        self._installed = translators
        self.language = code
        retranslate_pyqtgraph()
        if code == DEFAULT_LANGUAGE:
            # Removing the last translator sends LanguageChange too, but say so explicitly so
            # that a switch back to English always re-translates.
            self._app.postEvent(self._app, QtCore.QEvent(QtCore.QEvent.Type.LanguageChange))
        return True


def retranslate_pyqtgraph() -> int:
    """Set the texts of every existing pyqtgraph menu again, in the current language.

    pyqtgraph translates its menus when it builds them (each plot's ViewBox menu with its axis
    panels, the PlotItem's "Plot Options", the scene's "Export..." and export dialog) and never
    again; plots built after a switch need nothing.  Returns how many plots were retranslated.
    Does nothing if pyqtgraph was never imported; a pyqtgraph whose internals differ is skipped.
    """
    pg = sys.modules.get("pyqtgraph")
    app = QtWidgets.QApplication.instance()
    if pg is None or app is None:
        return 0
    count = 0
    scenes = set()
    for widget in QtWidgets.QApplication.allWidgets():
        if isinstance(widget, pg.GraphicsView) and widget.scene() is not None:
            scenes.add(widget.scene())
    for scene in scenes:
        try:
            _retranslate_scene(pg, scene)
            for item in scene.items():
                if isinstance(item, pg.PlotItem):
                    _retranslate_plot_item(item)
                    count += 1
                elif isinstance(item, pg.ViewBox) and getattr(item, "menu", None) is not None:
                    _retranslate_view_box_menu(item.menu)
        except (AttributeError, IndexError, TypeError, RuntimeError) as exc:
            log.debug("pyqtgraph menus not retranslated: %r", exc)
    return count


def _retranslate_scene(pg, scene) -> None:
    for action in getattr(scene, "contextMenu", []):
        action.setText(_pg_text("GraphicsScene", "Export..."))
    dialog = getattr(scene, "exportDialog", None)
    if dialog is not None and hasattr(dialog, "ui"):
        dialog.ui.retranslateUi(dialog)


def _retranslate_plot_item(plot) -> None:
    scratch = QtWidgets.QWidget()  # the form's own widget is gone: its groups live in the menu
    plot.ctrl.retranslateUi(scratch)
    scratch.deleteLater()
    menu = plot.ctrlMenu
    menu.setTitle(_pg_text("PlotItem", "Plot Options"))
    titles = ["Transforms", "Downsample", "Average", "Alpha", "Grid", "Points"]
    submenus = [a.menu() for a in menu.actions() if a.menu() is not None]
    for submenu, title in zip(submenus, titles, strict=False):
        submenu.setTitle(_pg_text("PlotItem", title))


def _retranslate_view_box_menu(menu) -> None:
    menu.setTitle(_pg_text("ViewBox", "ViewBox options"))
    menu.viewAll.setText(_pg_text("ViewBox", "View All"))
    submenus = [a.menu() for a in menu.actions() if a.menu() is not None]
    for submenu, axis in zip(submenus[:2], "XY", strict=False):
        submenu.setTitle(f"{axis} {_pg_text('ViewBox', 'axis')}")
    if len(submenus) > 2:
        submenus[2].setTitle(_pg_text("ViewBox", "Mouse Mode"))
    for action, text in zip(menu.mouseModes, ("3 button", "1 button"), strict=False):
        action.setText(_pg_text("ViewBox", text))
    for ui in menu.ctrl:
        ui.retranslateUi(ui.gridLayout.parentWidget())


class Retranslatable:
    """Mixin for a QWidget that keeps its texts in ``retranslate_ui()``: Qt's LanguageChange
    event (sent to every widget when a translator is installed or removed) re-runs it.

    List it before the Qt base class: ``class CostPlot(Retranslatable, pg.PlotWidget)``.
    """

    def retranslate_ui(self) -> None:  # pragma: no cover - every user defines it
        raise NotImplementedError

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]
