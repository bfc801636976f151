"""Remembering where windows, splitters and table headers were left."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

from labest_desktop.ui import settings as keys


class GeometryMixin:
    """Saves and restores a window's geometry, its main-window state and every
    named ``QSplitter`` inside it, keyed by the window's ``objectName``.

    Call ``restore_layout(settings)`` after building the widgets and
    ``save_layout(settings)`` from ``closeEvent`` / ``done``.
    """

    def _layout_key(self: QWidget, kind: str, *more: str) -> str:
        name = self.objectName() or type(self).__name__
        return "/".join((keys.GEOMETRY_PREFIX, kind, name, *more))

    def restore_layout(self: QWidget, settings: QSettings) -> None:
        geometry = settings.value(self._layout_key("window"))
        if geometry is not None:
            self.restoreGeometry(geometry)
        if isinstance(self, QMainWindow):
            state = settings.value(self._layout_key("state"))
            if state is not None:
                self.restoreState(state)
        for splitter in self.findChildren(QSplitter):
            if splitter.objectName():
                state = settings.value(self._layout_key("splitter", splitter.objectName()))
                if state is not None:
                    splitter.restoreState(state)

    def save_layout(self: QWidget, settings: QSettings) -> None:
        settings.setValue(self._layout_key("window"), self.saveGeometry())
        if isinstance(self, QMainWindow):
            settings.setValue(self._layout_key("state"), self.saveState())
        for splitter in self.findChildren(QSplitter):
            if splitter.objectName():
                settings.setValue(self._layout_key("splitter", splitter.objectName()), splitter.saveState())


def save_header(settings: QSettings, key: keys.Key, header: QHeaderView) -> None:
    keys.set_value(settings, key, header.saveState())


def restore_header(settings: QSettings, key: keys.Key, header: QHeaderView) -> bool:
    state = keys.value(settings, key)
    return bool(state) and header.restoreState(state)
