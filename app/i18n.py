"""Languages: Qt's own translation machinery, switched live.

Every visible string of the app is written as ``translate("Context", "English text")``
(``QCoreApplication.translate``, which ``pylupdate6`` extracts into ``resources/i18n/*.ts``).
``lrelease`` compiles those to ``.qm`` files that are committed, so running the app needs no Qt
tools.  Installing a translator makes Qt send every widget a ``LanguageChange`` event; each view
answers it in ``changeEvent`` by calling its ``retranslate_ui()``, so switching is live.

Strings that come from ``engine/`` (labels, descriptions, refusals) are translated in the
``"engine"`` context: see :func:`engine_text` and :func:`error_text`.
"""

from __future__ import annotations

from PyQt6 import QtCore

from app.paths import resource_path

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Retranslatable",
    "Translations",
    "engine_text",
    "error_text",
    "system_language",
    "translate",
]

translate = QtCore.QCoreApplication.translate

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
        if code == DEFAULT_LANGUAGE:
            # Removing the last translator sends LanguageChange too, but say so explicitly so
            # that a switch back to English always re-translates.
            self._app.postEvent(self._app, QtCore.QEvent(QtCore.QEvent.Type.LanguageChange))
        return True


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
