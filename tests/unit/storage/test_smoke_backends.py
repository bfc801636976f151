"""The core use cases behave the same on SQLite and PostgreSQL."""

from decimal import Decimal

from labest_desktop.domain.fields import ProjectFields
from labest_desktop.services import project_query, projects


def test_create_and_search_on_each_backend(workspace):
    """A project created with accents is found by an accent-free, lower-case search."""
    view = projects.create_project(
        workspace,
        ProjectFields(title="Déploiement des Maisons France Services", lead="Préfecture du Bas-Rhin",
                      budget=Decimal("12000.50")),
    )
    assert view.reference.startswith("LAB-")
    assert view.fields.budget == Decimal("12000.50")
    for query in ("deploiement", "PREFECTURE", "maisons franc"):
        assert project_query.count(workspace, project_query.ProjectFilter(search=query)) == 1
    assert project_query.count(workspace, project_query.ProjectFilter(search="absent")) == 0
