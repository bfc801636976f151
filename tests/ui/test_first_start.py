"""First start: the welcome panel reads whole, asks the office's name and code before
the first project or import (the code begins every reference), and the same two
values are changed later in Préférences, which says what they affect (issue 14, item 3)."""

from __future__ import annotations

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import office, projects
from tests.ui.conftest import screenshot


def test_welcome_texts_do_not_overlap(make_window, sqlite_workspace, qtbot):
    """Title, introduction, office question and buttons sit one under the other, each
    tall enough for its wrapped text (the introduction was clipped under the title)."""
    window = make_window(sqlite_workspace)
    window.resize(1280, 780)
    panel = window.welcome
    labels = (panel.intro, panel.office_intro)
    qtbot.waitUntil(lambda: all(label.height() >= label.heightForWidth(label.width()) for label in labels))
    widgets = [panel.title, panel.intro, panel.office_intro, panel.create_button]
    tops = [w.mapTo(panel, w.rect().topLeft()).y() for w in widgets]
    bottoms = [w.mapTo(panel, w.rect().bottomLeft()).y() for w in widgets]
    assert all(bottoms[i] < tops[i + 1] for i in range(len(widgets) - 1)), (tops, bottoms)
    screenshot(window, "first-start")


def test_first_project_waits_for_the_office(make_window, sqlite_workspace, qtbot):
    """Without a valid code, « Créer un projet » says why in French and writes nothing;
    with one, the office is saved and the first reference starts with its code."""
    window = make_window(sqlite_workspace)
    panel = window.welcome
    assert not office.is_configured(sqlite_workspace)
    assert panel.office_box.isVisibleTo(window)
    asked = []
    panel.create_requested.disconnect()
    panel.create_requested.connect(lambda: asked.append(True))

    panel.office_name.setText("Préfecture du Bas-Rhin")
    panel.office_code.setText("pref 67")
    panel.create_button.click()
    assert not asked and not office.is_configured(sqlite_workspace)
    assert "Code de bureau « PREF 67 » invalide" in panel.office_error.text()
    assert panel.office_error.isVisibleTo(window)

    panel.office_code.setText("pref67")
    panel.create_button.click()
    assert asked == [True]
    assert office.all_settings(sqlite_workspace) == {office.OFFICE_CODE: "PREF67",
                                                     office.OFFICE_NAME: "Préfecture du Bas-Rhin"}
    assert not panel.office_box.isVisibleTo(window)
    created = projects.create_project(sqlite_workspace, ProjectFields(title="Accueil"))
    assert created.reference.startswith("PREF67-")


def test_demo_needs_no_office(make_window, sqlite_workspace, qtbot):
    """The demo is a sample, not the office's work: it loads without the question."""
    window = make_window(sqlite_workspace)
    asked = []
    window.welcome.demo_requested.disconnect()
    window.welcome.demo_requested.connect(lambda: asked.append(True))
    window.welcome.demo_button.click()
    assert asked == [True] and not office.is_configured(sqlite_workspace)


def test_preferences_change_the_office_and_say_what_it_affects(make_window, sqlite_workspace, qtbot):
    from labest_desktop.ui.dialogs.preferences import PreferencesDialog

    office.set_identity(sqlite_workspace, "Préfecture de la Moselle", "PREF57")
    window = make_window(sqlite_workspace)
    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert dialog.office_code.text() == "PREF57"
    assert "PREF57-2026-0001" in dialog.office_effect.text()
    assert "les références existantes ne changent jamais" in dialog.office_effect.text()
    dialog.office_code.setText("sgar")
    dialog.accept()
    assert office.get(sqlite_workspace, office.OFFICE_CODE) == "SGAR"
    # No large empty gap: the dialog is as tall as what it holds.
    assert dialog.height() <= dialog.sizeHint().height() + 10
