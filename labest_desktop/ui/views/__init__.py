"""The views the main window offers, in the order of its view switcher.

Each module appends its :class:`ViewSpec` here; the main window builds one page per
spec with ``factory(context)`` when it is first shown. Every view keeps the contract
of :class:`labest_desktop.ui.views.base.View` (refresh from the change dispatcher,
retranslation, ``open_project``).
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
    factory: Callable[[object], QWidget]  # UiContext -> a views.base.View
    menu_text: str = ""  # the View menu's entry, with its mnemonic; context "ViewMenu"


def _projects(context) -> QWidget:
    from labest_desktop.ui.views.projects import ProjectsView

    return ProjectsView(context)


VIEWS: list[ViewSpec] = [
    ViewSpec("projects", QT_TRANSLATE_NOOP("Views", "Projects"), _projects, QT_TRANSLATE_NOOP("ViewMenu", "&Projects")),
    # Planned by the views issue, in this order:
    # ("board", "Board"), ("events", "Events"), ("partners", "Partners"),
    # ("funding", "Funding"), ("dashboard", "Summary").
]


# Issue 6: the board, events, partners, funding and the dashboard (Synthèse).
def _board(context) -> QWidget:
    from labest_desktop.ui.views.board import BoardView

    return BoardView(context)


def _events(context) -> QWidget:
    from labest_desktop.ui.views.events import EventsView

    return EventsView(context)


def _partners(context) -> QWidget:
    from labest_desktop.ui.views.partners import PartnersView

    return PartnersView(context)


def _funding(context) -> QWidget:
    from labest_desktop.ui.views.funding import FundingView

    return FundingView(context)


def _dashboard(context) -> QWidget:
    from labest_desktop.ui.views.dashboard import DashboardView

    return DashboardView(context)


VIEWS.extend(
    [
        ViewSpec("board", QT_TRANSLATE_NOOP("Views", "Board"), _board, QT_TRANSLATE_NOOP("ViewMenu", "&Board")),
        ViewSpec("events", QT_TRANSLATE_NOOP("Views", "Events"), _events, QT_TRANSLATE_NOOP("ViewMenu", "&Events")),
        ViewSpec("partners", QT_TRANSLATE_NOOP("Views", "Partners"), _partners, QT_TRANSLATE_NOOP("ViewMenu", "P&artners")),
        ViewSpec("funding", QT_TRANSLATE_NOOP("Views", "Funding"), _funding, QT_TRANSLATE_NOOP("ViewMenu", "&Funding")),
        ViewSpec("dashboard", QT_TRANSLATE_NOOP("Views", "Summary"), _dashboard, QT_TRANSLATE_NOOP("ViewMenu", "&Summary")),
    ]
)
