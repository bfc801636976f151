"""Préférences → Langue switches the whole window at once, without a restart, and
keeps what the user was doing: the database, the current view, the filter, the
selection and text typed but not saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from labest_desktop import messages
from labest_desktop.ui import tasks, translation
from labest_desktop.ui.dialogs.preferences import PreferencesDialog


@pytest.fixture
def back_to_french(qapp):
    yield
    translation.install(qapp, "fr")
    qapp.processEvents()


def choose_language(window, language: str) -> None:
    """What the user does: Préférences, Langue, OK."""
    dialog = PreferencesDialog(window.context, window)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.accept()


def menu_titles(window) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def cancel_text_of_a_new_dialog(window) -> str:
    """A standard button of a dialog opened now (Qt's own qtbase translation)."""
    dialog = PreferencesDialog(window.context, window)
    text = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).text()
    dialog.deleteLater()
    return text.replace("&", "")


def headers(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_language_changes_live_and_the_window_keeps_its_state(make_window, demo_workspace, qtbot, back_to_french):
    """fr → en → fr: menu titles, the list's and the events' column headers, the
    tabs, the filter chips, the status bar and Qt's standard buttons change language;
    the workspace, the current view, the filter, the selection and an unsaved event
    title stay as they were."""
    window = make_window(demo_workspace)
    projects = window.projects_view
    window.context.filter_state.update(stages=frozenset({"prototype"}))
    chosen = projects.model.ids()[:2]
    projects.select_ids(chosen)
    window.show_view("events")
    events = window.views["events"]
    events.editor.clear()
    events.editor.title.setText("Atelier pas encore enregistré")
    workspace = window.context.workspace

    assert menu_titles(window) == ["Fichier", "Édition", "Affichage", "Aide"]
    assert headers(projects.model)[:3] == ["Référence", "Titre", "Étape"]
    assert "projets affichés" in window.count_label.text()
    assert cancel_text_of_a_new_dialog(window) == "Annuler"

    choose_language(window, "en")
    qtbot.waitUntil(lambda: menu_titles(window) == ["File", "Edit", "View", "Help"])
    assert messages.language() == "en"
    assert headers(projects.model)[:3] == ["Reference", "Title", "Stage"]
    assert headers(events.model)[:2] == ["Date", "Title"]
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Projects", "Board", "Events", "Partners", "Funding", "Summary"]
    assert projects.chips.chip_texts()[0].startswith("Stage: Prototype")
    assert "projects shown" in window.count_label.text()
    assert window.new_action.text().replace("&", "") == "New project…"
    assert events.editor.save.text() == "Save"
    assert cancel_text_of_a_new_dialog(window) == "Cancel"
    # Nothing was rebuilt or lost.
    assert window.context.workspace is workspace
    assert window.tabs.currentWidget() is events
    assert projects.selected_ids() == chosen
    assert window.context.filter_state.filter.stages == frozenset({"prototype"})
    assert events.editor.title.text() == "Atelier pas encore enregistré"

    choose_language(window, "fr")
    qtbot.waitUntil(lambda: menu_titles(window) == ["Fichier", "Édition", "Affichage", "Aide"])
    assert headers(projects.model)[:3] == ["Référence", "Titre", "Étape"]
    assert headers(events.model)[:2] == ["Date", "Titre"]
    assert window.tabs.tabText(1) == "Tableau"
    assert projects.chips.chip_texts()[0].startswith("Étape : Prototype")
    assert "projets affichés" in window.count_label.text()
    assert events.editor.save.text() == "Enregistrer"
    assert cancel_text_of_a_new_dialog(window) == "Annuler"
    assert projects.selected_ids() == chosen
    assert window.tabs.currentWidget() is events
    assert events.editor.title.text() == "Atelier pas encore enregistré"


def test_every_built_view_follows_the_language(make_window, demo_workspace, qtbot, back_to_french):
    """Board, Partenaires, Financement and Synthèse, built before the change, show
    their texts in English after it (and not a French word left behind)."""
    window = make_window(demo_workspace)
    for key in ("board", "partners", "funding", "dashboard"):
        window.show_view(key)
    qtbot.waitUntil(lambda: not tasks.busy())  # figures are computed in the background
    choose_language(window, "en")
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "File")
    board = window.views["board"]
    assert board.summary.text().startswith(f"{board._total} projects on the board")
    column = board.columns["ideation"]
    assert column.header.text().startswith("Ideation")
    assert [a.text().replace("&", "") for a in column.view.actions()][:2] == [
        "Move to next stage…", "Move to previous stage…"]
    partners = window.views["partners"]
    assert partners.search.placeholderText() == "Search organisations"
    assert partners.led_label.text().replace("&", "").startswith("Projects it leads")
    funding = window.views["funding"]
    assert funding.model.headerData(0, Qt.Orientation.Horizontal) == "Envelope"
    assert funding.save.text() == "Save"
    dashboard = window.views["dashboard"]
    assert dashboard.export_pdf.text() == "Export the dashboard as PDF…"
    assert dashboard.panels["funnel"].view.chart().title() == "Projects per stage"
    assert window.welcome.create_button.text().replace("&", "") == "Create a project"


def test_counts_take_the_plural_in_both_languages(qapp, back_to_french):
    """Every source with a count (%n) is a plural in each translation file, and a
    card's days read « 1 jour / 2 jours », « 1 day / 2 days »."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    from labest_desktop.ui.views.board import CardDelegate

    folder = Path(__file__).resolve().parents[2] / "resources" / "translations"
    singular = []
    for ts in folder.glob("*.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            vanished = (message.find("translation").get("type") or "") in ("vanished", "obsolete")
            if "%n" in message.findtext("source") and message.get("numerus") != "yes" and not vanished:
                singular.append(f"{ts.name}: {message.findtext('source')}")
    assert singular == []
    delegate = CardDelegate()
    assert [delegate.tr("%n day(s)", "", n) for n in (1, 2)] == ["1 jour", "2 jours"]
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("UndoCommands", "Delete %n project(s)", "", 2) == "Suppression de 2 projets"
    translation.install(qapp, "en")
    assert [delegate.tr("%n day(s)", "", n) for n in (1, 2)] == ["1 day", "2 days"]
    assert QCoreApplication.translate("UndoCommands", "Delete %n project(s)", "", 2) == "Delete 2 projects"
