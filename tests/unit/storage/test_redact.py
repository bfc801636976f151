"""No password reaches the screen or the log, wherever the address carried it.

Before: ``?password=…`` in the URL was printed by ``check`` and ``demo``; a password
with an unencoded ``@`` was partly shown in the connection error; a libpq keyword
string was echoed whole.
"""

from __future__ import annotations

import logging

import pytest

from labest_desktop.storage.location import server_location
from labest_desktop.storage.redact import MaskingFilter, mask
from tests.faults.campaign import cli

SECRETS = ("s3cr", "kw-secret", "q-secret", "pg-secret")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://amina:s3cr@t@db.local/labest", "postgresql://amina:***@db.local/labest"),
        ("postgresql+psycopg://amina:s3cr@db/labest?password=q-secret&sslmode=require",
         "postgresql+psycopg://amina:***@db/labest?password=***&sslmode=require"),
        ("host=db port=5432 password=kw-secret dbname=labest", "host=db port=5432 password=*** dbname=labest"),
        ("host=db password='kw secret' user=x", "host=db password=*** user=x"),
        ("postgresql://amina@db/labest", "postgresql://amina@db/labest"),
        ('connection to "postgresql://u:pg-secret@h/d" failed', 'connection to "postgresql://u:***@h/d" failed'),
    ],
)
def test_mask_hides_every_form_of_password(text, shown):
    assert mask(text) == shown


def test_a_location_never_describes_its_password():
    location = server_location("postgresql://amina:s3cr%40t@db.local/labest?password=q-secret")
    assert not any(secret in location.describe() for secret in SECRETS)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://amina:s3cr@t@127.0.0.1:1/labest",
        "postgresql://amina@127.0.0.1:1/labest?password=q-secret",
        "host=127.0.0.1 port=1 password=kw-secret dbname=labest",
    ],
)
def test_the_command_and_its_log_show_no_password(tmp_path, url):
    """``labest check`` and ``labest demo`` on an unreachable server, and the log."""
    for command in ("check", "demo"):
        done = cli(tmp_path / "unused.sqlite3", tmp_path / "data", "--database-url", url, command, timeout=60)
        assert done.returncode != 0
        output = done.stdout + done.stderr
        assert not any(secret in output for secret in SECRETS), output
        assert "Traceback" not in output
    log = (tmp_path / "data" / "logs" / "labest.log")
    if log.exists():
        text = log.read_text(encoding="utf-8")
        assert not any(secret in text for secret in SECRETS), text


def test_an_unencoded_at_sign_in_the_password_is_refused_without_showing_it():
    from labest_desktop.storage.location import BadDatabaseUrlError

    with pytest.raises(BadDatabaseUrlError) as caught:
        server_location("postgresql://amina:s3cr@t@db.local/labest")
    assert "%40" in caught.value.message and "s3cr" not in caught.value.message and "t@" not in caught.value.message


def test_log_records_are_masked_whatever_their_arguments():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "opening %s", ("postgresql://u:pg-secret@h/d",), None)
    MaskingFilter().filter(record)
    assert "pg-secret" not in record.getMessage()
