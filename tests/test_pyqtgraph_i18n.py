"""pyqtgraph's own right-click menus follow the interface's language (they ship no translation)."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
import pytest
from PyQt6 import QtCore

from app.i18n import Translations
from app.paths import resource_path

ROOT = Path(__file__).resolve().parents[1]
TS = resource_path("i18n", "pyqtgraph_zh_CN.ts")
QM = resource_path("i18n", "pyqtgraph_zh_CN.qm")


def catalogue() -> dict[tuple[str, str], str | None]:
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and not translation.get("type")
            out[(context.findtext("name"), message.findtext("source"))] = (
                translation.text if finished else None
            )
    return out


def test_every_pyqtgraph_string_is_translated_and_compiled(qapp):
    entries = catalogue()
    assert len(entries) > 50
    untranslated = [key for key, text in entries.items() if not text]
    assert not untranslated
    translator = QtCore.QTranslator()
    assert translator.load(str(QM))
    for (context, source), text in entries.items():
        assert translator.translate(context, source) == text, (context, source)


def test_the_catalogue_matches_the_installed_pyqtgraph():
    """A pyqtgraph upgrade that adds or renames a menu string fails here: run
    scripts/update-translations.sh (it runs scripts/pyqtgraph_ts.py) and translate."""
    spec = importlib.util.spec_from_file_location("pyqtgraph_ts", ROOT / "scripts/pyqtgraph_ts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found = {(c, s) for c, sources in module.collect().items() for s in sources}
    assert found == set(catalogue())


@pytest.fixture
def translations(qapp):
    t = Translations(qapp)
    yield t
    t.set_language("en")


def menu_texts(plot: pg.PlotWidget) -> dict[str, str]:
    item = plot.getPlotItem()
    menu = item.getViewBox().menu
    submenus = [a.menu() for a in menu.actions() if a.menu() is not None]
    return {
        "view all": menu.viewAll.text(),
        "x axis": submenus[0].title(),
        "mouse mode": submenus[2].title(),
        "plot options": item.ctrlMenu.title(),
        "log x": item.ctrl.logXCheck.text(),
        "export": plot.scene().contextMenu[0].text(),
        "invert": menu.ctrl[0].invertCheck.text(),
    }


def test_menus_switch_language_live_and_back(qtbot, translations):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    english = menu_texts(plot)
    assert english["view all"] == "View All" and english["export"] == "Export..."

    assert translations.set_language("zh_CN")
    chinese = menu_texts(plot)
    assert chinese == {
        "view all": "显示全部",
        "x axis": "X 轴",
        "mouse mode": "鼠标模式",
        "plot options": "绘图选项",
        "log x": "X 对数坐标",
        "export": "导出…",
        "invert": "反转坐标轴",
    }
    later = pg.PlotWidget()  # built after the switch: pyqtgraph translates it itself
    qtbot.addWidget(later)
    assert menu_texts(later) == chinese

    assert translations.set_language("en")
    assert menu_texts(plot) == english
