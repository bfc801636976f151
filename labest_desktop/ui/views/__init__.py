"""The views the main window offers, in the order of its view switcher.

Each module appends its :class:`ViewSpec` here; the main window builds one page per
spec with ``factory(context)``. A view may implement ``refresh()``, called when the
data changed (after an edit, an import, an undo, a database switch).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str  # source text; translated in the "Views" context
    factory: Callable[[object], QWidget]  # UiContext -> widget


def _projects(context) -> QWidget:
    from labest_desktop.ui.views.projects import ProjectsView

    return ProjectsView(context)


VIEWS: list[ViewSpec] = [
    ViewSpec("projects", QT_TRANSLATE_NOOP("Views", "Projects"), _projects),
    # Planned by the views issue, in this order:
    # ("board", "Board"), ("events", "Events"), ("partners", "Partners"),
    # ("funding", "Funding"), ("dashboard", "Summary").
]
