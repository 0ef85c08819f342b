"""Refresh resources/i18n/pyqtgraph_<lang>.ts: the strings of pyqtgraph's own menus and dialogs.

pyqtgraph builds its right-click menus (ViewBox, PlotItem's "Plot Options", the scene's
"Export...") and the export dialog with ``QCoreApplication.translate`` but ships no translations.
This script collects those strings from the installed pyqtgraph and writes them into a Qt
Linguist source, keeping every translation already there; ``scripts/update-translations.sh``
runs it and compiles the ``.qm`` that ``app/i18n.py`` loads.  Strings that pyqtgraph no longer has
are dropped; new ones are added unfinished (``tests/test_pyqtgraph_i18n.py`` then fails until
they are translated).

Usage: python scripts/pyqtgraph_ts.py [LANG ...]   (default: zh_CN)
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph

ROOT = Path(__file__).resolve().parents[1]
PG = Path(pyqtgraph.__file__).parent
#: the files whose strings a user of InitScope can see (menus, the export dialog, exporters)
SOURCES = [
    "graphicsItems/ViewBox/ViewBoxMenu.py",
    "graphicsItems/ViewBox/axisCtrlTemplate_generic.py",
    "graphicsItems/PlotItem/PlotItem.py",
    "graphicsItems/PlotItem/plotConfigTemplate_generic.py",
    "GraphicsScene/GraphicsScene.py",
    "GraphicsScene/exportDialogTemplate_generic.py",
    "exporters/ImageExporter.py",
    "exporters/SVGExporter.py",
    "exporters/CSVExporter.py",
    "exporters/PrintExporter.py",
    "exporters/Matplotlib.py",
    "exporters/HDF5Exporter.py",
]
CALL = re.compile(r"""translate\(\s*(["'])(\w+)\1\s*,\s*(["'])(.*?)(?<!\\)\3\s*\)""")
NAME = re.compile(r"""^\s+Name\s*=\s*(["'])(.*?)\1""", re.M)  # exporter names (context Exporter)
#: strings not worth translating (numbers, units, the window title of a never-shown form)
SKIP = {"%", "0", "x", "PyQtGraph"}


def collect() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for rel in SOURCES:
        path = PG / rel
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        pairs = [(m.group(2), m.group(4)) for m in CALL.finditer(text)]
        pairs += [("Exporter", m.group(2)) for m in NAME.finditer(text)]
        for context, source in pairs:
            source = source.replace("\\'", "'").replace('\\"', '"')
            if source in SKIP:
                continue
            found.setdefault(context, [])
            if source not in found[context]:
                found[context].append(source)
    return found


def existing(ts: Path) -> dict[tuple[str, str], str]:
    if not ts.is_file():
        return {}
    known = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and not translation.get("type"):
                known[(name, message.findtext("source"))] = translation.text
    return known


def write(ts: Path, lang: str, found: dict[str, list[str]]) -> int:
    known = existing(ts)
    root = ET.Element("TS", version="2.1", language=lang)
    unfinished = 0
    for context in sorted(found):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source in found[context]:
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            if (context, source) in known:
                translation.text = known[(context, source)]
            else:
                translation.set("type", "unfinished")
                unfinished += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return unfinished


def main(argv: list[str]) -> int:
    found = collect()
    for lang in argv or ["zh_CN"]:
        ts = ROOT / "resources" / "i18n" / f"pyqtgraph_{lang}.ts"
        unfinished = write(ts, lang, found)
        total = sum(len(v) for v in found.values())
        print(f"{ts.relative_to(ROOT)}: {total} strings of pyqtgraph, {unfinished} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
