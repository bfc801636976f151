"""Fill resources/translations/labest_en.ts: English is the source language, so only
the plural forms need a translation ("%n project(s)" → "1 project", "2 projects").

    .venv/bin/pyside6-lupdate -pluralonly $(find labest_desktop/ui -name '*.py') -ts resources/translations/labest_en.ts
    .venv/bin/python resources/translations/fill_en.py
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("labest_en.ts")


def forms(source: str) -> tuple[str, str]:
    """Singular and plural of a source written with "(s)" for the plural."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def fill(path: Path = TS) -> list[str]:
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for form in forms(message.findtext("source")):
            ET.SubElement(translation, "numerusform").text = form
    tree.getroot().set("language", "en_GB")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return []


if __name__ == "__main__":
    sys.exit(1 if fill() else 0)
