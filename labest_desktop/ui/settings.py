"""Every QSettings key the window uses, with its default, declared once.

Widgets never spell a key themselves: they call :func:`value` / :func:`set_value`
with one of the constants below, so a typo is an ``AttributeError`` and the list of
what the application remembers is this page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

ORGANISATION = "LabEST"
APPLICATION = "LabEST Desktop"


@dataclass(frozen=True)
class Key:
    name: str
    default: object
    kind: type = str


USER_NAME = Key("user/name", "", str)  # empty: the system login (default_author())
LANGUAGE = Key("ui/language", "fr", str)
THEME = Key("ui/theme", "system", str)  # "system", "light" or "dark" (ui.theme)
BACKUPS_FOLDER = Key("backups/folder", "", str)  # empty: paths.backups_dir()
BACKUPS_KEEP = Key("backups/keep", 20, int)
LAST_DATABASE = Key("database/last", "", str)  # a file chosen in Préférences
RECENT_EXPORT_FOLDER = Key("export/folder", "", str)  # exchange workbooks and open data
RECENT_IMPORT_FOLDER = Key("import/folder", "", str)
# The last folder of each kind of file (ui.file_dialogs); empty: the Documents folder.
FOLDERS = {
    "workbook": RECENT_EXPORT_FOLDER,
    "import": RECENT_IMPORT_FOLDER,
    "pdf": Key("folders/pdf", "", str),
    "image": Key("folders/image", "", str),
    "database": Key("folders/database", "", str),
}
CURRENT_VIEW = Key("ui/current_view", "projects", str)
PROJECTS_HEADER = Key("projects/header_state", b"", bytes)
PROJECTS_SORT = Key("projects/sort", "reference", str)
PROJECTS_DESCENDING = Key("projects/descending", False, bool)
SAVED_VIEWS = Key("projects/saved_views", "{}", str)  # JSON: name -> view
# Geometry keys are built by GeometryMixin from each window's object name:
# "geometry/<name>", "state/<name>", "splitter/<name>/<splitter>".
GEOMETRY_PREFIX = "geometry"

def store() -> QSettings:
    """The settings file: per user, in Qt's native place for this system."""
    return QSettings(ORGANISATION, APPLICATION)


def value(settings: QSettings, key: Key):
    raw = settings.value(key.name, key.default)
    if raw is None:
        return key.default
    if key.kind is bool:
        if isinstance(raw, str):
            return raw.lower() in ("1", "true", "yes")
        return bool(raw)
    if key.kind is int:
        try:
            return int(raw)
        except (TypeError, ValueError):
            return key.default
    if key.kind is bytes:
        if isinstance(raw, (bytes, bytearray)):
            return bytes(raw)
        data = getattr(raw, "data", None)
        return bytes(data()) if callable(data) else key.default
    return str(raw)


def set_value(settings: QSettings, key: Key, new_value: object) -> None:
    settings.setValue(key.name, new_value)
