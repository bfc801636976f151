"""Fill resources/translations/labest_en.ts: English is the source language, so only
the plural forms need a translation ("%n project(s)" → "1 project", "2 projects").

lupdate does not see the count of ``QCoreApplication.translate(context, text, "", n)``;
the plurals the French files have (fill_fr.py marks them) are added here too. Run
after fill_fr.py and fill_views_fr.py.

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


def _add_french_plurals(root: ET.Element) -> None:
    known = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for french in sorted(TS.parent.glob("*_fr.ts")):
        for context in ET.parse(french).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                source = message.findtext("source")
                if message.get("numerus") != "yes" or (name, source) in known:
                    continue
                if name not in contexts:
                    contexts[name] = ET.SubElement(root, "context")
                    ET.SubElement(contexts[name], "name").text = name
                added = ET.SubElement(contexts[name], "message", numerus="yes")
                ET.SubElement(added, "source").text = source
                known.add((name, source))


def fill(path: Path = TS) -> list[str]:
    tree = ET.parse(path)
    _add_french_plurals(tree.getroot())
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
