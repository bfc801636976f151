"""The packaged executable: built by PyInstaller from build.spec when missing or
stale, then run as IT would run it."""

from __future__ import annotations

import pytest

from tests.packaging.bundle import ensure_bundle


def pytest_configure(config):
    config.addinivalue_line("markers", "packaging: builds and runs the PyInstaller bundle (dist/labest)")


@pytest.fixture(scope="session")
def bundle():
    """The bundle's executable, rebuilt first when the sources changed since."""
    return ensure_bundle()
