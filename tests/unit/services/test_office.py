"""The office's identity (code used in new references, name written in exports),
kept in the database so every agent of the office shares it."""

from __future__ import annotations

import pytest

from labest_desktop import messages
from labest_desktop.domain.errors import ValidationError
from labest_desktop.services import office


def test_defaults_before_anything_is_set(workspace):
    assert office.all_settings(workspace) == {"office.code": "LAB", "office.name": "Lab'EST Grand Est"}
    assert office.get(workspace, office.OFFICE_CODE) == "LAB"


def test_values_are_stored_and_shared(workspace, tmp_path):
    """A value set through one connection is read by another (it lives in the database),
    and setting it again replaces it."""
    from labest_desktop.services.workspace import Workspace
    from labest_desktop.storage.database import open_database

    assert office.set_value(workspace, office.OFFICE_CODE, "  pref67 ") == "PREF67"
    office.set_value(workspace, office.OFFICE_CODE, "DDT68")
    office.set_value(workspace, office.OFFICE_NAME, "Préfecture du Haut-Rhin")
    other = open_database(workspace.database.location, backups_folder=tmp_path / "o")
    try:
        assert office.all_settings(Workspace(other, "x")) == {
            "office.code": "DDT68",
            "office.name": "Préfecture du Haut-Rhin",
        }
    finally:
        other.dispose()


@pytest.mark.parametrize("code", ["A", "PREF 67", "PRÉF67", "TOOLONGCODE123", "", "LAB-1"])
def test_a_bad_office_code_is_refused(sqlite_workspace, code):
    """An office code is 2 to 12 letters or digits: anything else is refused with an
    example, and the code does not change."""
    with pytest.raises(ValidationError) as caught:
        office.set_value(sqlite_workspace, office.OFFICE_CODE, code)
    assert caught.value.message.startswith("Code de bureau « ")
    assert "PREF67" in caught.value.message
    assert office.get(sqlite_workspace, office.OFFICE_CODE) == "LAB"


@pytest.mark.parametrize("name", ["", "   ", "n" * 201])
def test_a_bad_office_name_is_refused(sqlite_workspace, name):
    with pytest.raises(ValidationError) as caught:
        office.set_value(sqlite_workspace, office.OFFICE_NAME, name)
    assert caught.value.message == "Le nom du bureau est obligatoire (200 caractères au plus)."


def test_an_unknown_setting_is_refused_listing_the_known_ones(sqlite_workspace):
    """An unknown key is refused, naming it and the possible keys, in both languages
    (a parameter called ``key`` must not break the sentence)."""
    with pytest.raises(ValidationError) as caught:
        office.get(sqlite_workspace, "office.colour")
    assert caught.value.message == (
        "Paramètre inconnu « office.colour » : paramètres possibles office.code, office.name."
    )
    messages.set_language("en")
    assert caught.value.message == (
        "Unknown setting “office.colour”: possible settings are office.code, office.name."
    )
