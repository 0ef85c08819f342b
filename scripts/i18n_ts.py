"""Small tools for the Qt translation sources (``resources/i18n/*.ts``).

    python scripts/i18n_ts.py report FILE.ts...          # unfinished messages per context
    python scripts/i18n_ts.py fill FILE.ts PARTS.json... # take translations from JSON files

A JSON part is ``{"Context": {"English source": "translation"}}``; ``fill`` sets the translation
of each matching unfinished message (and marks it finished), and lists what it could not place.
Qt Linguist remains the tool for reviewing translations; these only help batch work.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _messages(root: ET.Element):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def unfinished(path: Path) -> list[tuple[str, str]]:
    root = ET.parse(path).getroot()
    missing = []
    for name, message in _messages(root):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished",)
            or not (translation.text or "")
        ):
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            missing.append((name, message.findtext("source")))
    return missing


def report(paths: list[Path]) -> int:
    status = 0
    for path in paths:
        missing = unfinished(path)
        total = sum(1 for _ in _messages(ET.parse(path).getroot()))
        print(f"{path}: {total - len(missing)}/{total} translated")
        for context, source in missing:
            print(f"  untranslated [{context}] {source!r}")
        status |= bool(missing)
    return status


def fill(path: Path, parts: list[Path]) -> int:
    table: dict[tuple[str, str], str] = {}
    for part in parts:
        for context, entries in json.loads(part.read_text(encoding="utf-8")).items():
            for source, text in entries.items():
                table[(context, source)] = text
    tree = ET.parse(path)
    used = set()
    for name, message in _messages(tree.getroot()):
        key = (name, message.findtext("source"))
        if key in table:
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = table[key]
            translation.attrib.pop("type", None)
            used.add(key)
    ET.indent(tree)
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    for context, source in sorted(set(table) - used):
        print(f"not in {path.name}: [{context}] {source!r}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "report":
        return report([Path(p) for p in argv[1:]])
    if len(argv) >= 3 and argv[0] == "fill":
        return fill(Path(argv[1]), [Path(p) for p in argv[2:]])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
