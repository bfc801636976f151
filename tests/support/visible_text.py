"""What a person sees on a screen, as text, and which of it is in the wrong language.

``texts_of(widget)`` walks a widget and its children the way an agent reads them:
labels, buttons, titles, tabs, menus and their actions, headers, list and combo
items, placeholders, tooltips and accessible names. ``wrong_language(texts, "fr")``
returns the texts that are English source strings of the translation files (their
French differs) or read as English; ``"en"`` the reverse: French translations shown
in the English window.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
PLACEHOLDER = re.compile(r"%(?:\d|n|L\d)")
TAG = re.compile(r"<[^>]+>")

# Words no French sentence of this window contains; data (titles, names) is not
# checked with them, only what the application itself writes.
ENGLISH_WORDS = {
    "the", "and", "with", "from", "project", "projects", "file", "files", "save", "cancel", "open",
    "close", "delete", "undo", "redo", "look", "name", "new", "move", "create", "edit", "yes", "folder",
    "shown", "selected", "search", "filter", "filters", "stage", "status", "event", "events", "help",
    "back", "forward", "view", "detail", "details", "of", "to", "for", "this", "that", "which", "there",
}
# Words spelled the same in both languages (Qt's own English file dialog says « Type »).
BOTH_LANGUAGES = {"Type", "Date", "Budget", "Contact", "Description", "Notes", "Total", "Organisation",
                  "Organisations", "Source", "Version", "Message", "Portfolio", "Note", "Actions", "Lab'EST"}
FRENCH_WORDS = {
    "le", "la", "les", "des", "du", "une", "et", "projet", "projets", "fichier", "annuler", "rétablir",
    "enregistrer", "fermer", "ouvrir", "supprimer", "étape", "statut", "événement", "événements", "aide",
    "affichés", "sélectionnés", "dossier", "rechercher", "nouveau", "nouvelle", "avec", "pour", "sur",
}


def _plain(text: str) -> str:
    text = TAG.sub(" ", text).replace("&nbsp;", " ")
    text = re.sub(r"&(?=\w)", "", text).replace("&&", "&")
    return " ".join(text.split())


def _pattern(text: str) -> re.Pattern | None:
    plain = _plain(text)
    if len(PLACEHOLDER.sub("", plain).strip(" :….%–-()")) < 3:
        return None
    parts = PLACEHOLDER.split(plain)
    return re.compile("(?s)" + "(.+?)".join(re.escape(p) for p in parts))


@functools.cache
def _pairs() -> list[tuple[str, str, list[str]]]:
    """(context, source, French forms) of every finished message of the French files."""
    pairs = []
    for ts in ("labest_fr.ts", "labest_views_fr.ts"):
        for context in ET.parse(TRANSLATIONS / ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
                pairs.append((name, message.findtext("source") or "", [f for f in forms if f]))
    return pairs


@functools.cache
def _patterns(language: str) -> list[tuple[re.Pattern, str]]:
    """Texts that must not be seen in ``language``: for French, every English source
    whose French differs; for English, every French translation that differs."""
    found = {}
    for _context, source, forms in _pairs():
        if language == "fr":
            candidates = [source] if forms and all(_plain(f) != _plain(source) for f in forms) else []
        else:
            candidates = [f for f in forms if _plain(f) != _plain(source) and _plain(f) not in BOTH_LANGUAGES]
        for text in candidates:
            pattern = _pattern(text)
            if pattern is not None:
                found[pattern.pattern] = (pattern, text)
    return list(found.values())


def unfinished_messages() -> list[str]:
    """Messages of the French files with no French at all."""
    return [f"{context}: {source}" for context, source, forms in _pairs() if not forms]


def texts_of(widget: QWidget, chrome_only: bool = False) -> list[tuple[str, str]]:
    """(kind, text) of everything readable in ``widget`` and its children; kind is
    ``data`` for cells and list items (user data), else ``chrome``."""
    seen: list[tuple[str, str]] = []

    def add(text, kind: str = "chrome") -> None:
        if text and str(text).strip():
            seen.append((kind, str(text)))

    def menu(m: QMenu) -> None:
        add(m.title())
        for action in m.actions():
            add(action.text())
            add(action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
            add(action.statusTip())
            if action.menu() is not None:
                menu(action.menu())

    widgets = [widget, *widget.findChildren(QWidget)]
    for w in widgets:
        if w.isWindow() or w is widget:
            add(w.windowTitle())
        if not w.isVisibleTo(widget.window()) and w is not widget and not isinstance(w, QMenu):
            continue
        add(w.toolTip())
        add(w.accessibleName())
        add(w.accessibleDescription())
        for action in w.actions():
            add(action.text())
            add(action.statusTip())
        if isinstance(w, QLabel):
            add(w.text())
        elif isinstance(w, QAbstractButton):
            add(w.text())
        elif isinstance(w, QGroupBox):
            add(w.title())
        elif isinstance(w, QLineEdit):
            add(w.placeholderText())
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            add(w.placeholderText())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w.tabText(i))
                add(w.tabToolTip(i))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w.itemText(i))
        elif isinstance(w, QMenu):
            menu(w)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            root = w.rootIndex()
            try:
                columns, rows = model.columnCount(root), model.rowCount(root)
            except TypeError:  # Qt's private list models (QListWidget): read by item below
                columns, rows = 1, 0
                if callable(getattr(w, "item", None)):
                    for i in range(w.count()):
                        add(w.item(i).text(), "data")
            for column in range(columns):
                add(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                add(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
            if not chrome_only:
                for row in range(min(rows, 30)):
                    for column in range(columns):
                        add(model.data(model.index(row, column, root), Qt.ItemDataRole.DisplayRole), "data")
    if hasattr(widget, "menuBar") and callable(widget.menuBar):
        for action in widget.menuBar().actions():
            add(action.text())
            if action.menu() is not None:
                menu(action.menu())
    return seen


def wrong_language(texts: list[tuple[str, str]], language: str, where: str) -> list[str]:
    """The texts of ``texts`` that belong to the other language."""
    problems = []
    words = ENGLISH_WORDS if language == "fr" else FRENCH_WORDS
    for kind, raw in texts:
        plain = _plain(raw)
        for pattern, source in _patterns(language):
            if pattern.fullmatch(plain) or pattern.fullmatch(raw):
                problems.append(f"{where}: « {raw} » is the untranslated « {source} »" if language == "fr" else f"{where}: « {raw} » is the French « {source} »")
                break
        else:
            if kind == "chrome" and language == "fr":
                words_only = " ".join(t for t in plain.split() if "/" not in t and "\\" not in t)  # no paths
                hits = {w for w in re.findall(r"[A-Za-zÀ-ÿ]+", words_only.lower()) if w in words}
                if hits:
                    problems.append(f"{where}: « {raw} » reads as English ({', '.join(sorted(hits))})")
    return problems
