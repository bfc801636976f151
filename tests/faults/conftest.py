"""The files the fault tests start from, made once per session (CI size)."""

from __future__ import annotations

import os

import pytest

from tests.faults.campaign import CI_PROJECTS, FULL_PROJECTS, make_corpus

FULL = os.environ.get("LABEST_FULL_CAMPAIGN") == "1"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """A demo database, the same portfolio with every title edited elsewhere (an
    exchange workbook), and small valid .xlsx/.ods/.csv exports for the fuzzer."""
    projects = FULL_PROJECTS if FULL else CI_PROJECTS
    return make_corpus(tmp_path_factory.mktemp("corpus"), projects)
