"""Fuzzed exchange files never crash the import: byte-mutated copies of valid .xlsx,
.ods and .csv exports and hypothesis-made workbooks end either in a report (with row
errors) or in ``ExchangeFileError``; through the command, exit 0, 1 or 2 with a
one-line reason and never a traceback; each case within 10 s. CI size here (a few
hundred cases); the full campaign runs thousands (tests/faults/campaign.py)."""

from __future__ import annotations

import logging
import os

import pytest
from hypothesis import HealthCheck, given, settings

from tests.faults import campaign, workbooks
from tests.faults.conftest import FULL

SEED = int(os.environ.get("LABEST_FAULT_SEED", "2026"))
CASES = campaign.FULL_CASES if FULL else campaign.CI_CASES
CLI_CASES = CASES // 25


@pytest.fixture(autouse=True)
def quiet_reader():
    """The reader logs a warning per bad file: thousands of lines nobody reads here."""
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


def assert_no_crash(outcomes: list[campaign.FuzzOutcome], expected: int) -> None:
    summary = campaign.fuzz_summary(outcomes)
    assert summary["failures"] == [], summary
    assert summary["cases"] == expected
    assert set(summary["outcomes"]) <= {"report", "refused"}


def test_mutated_xlsx_ods_and_csv_files_are_reported_or_refused(corpus, tmp_path):
    """Bit flips, truncations, inserted, overwritten and duplicated bytes at seeded
    random offsets of valid exports: preview then apply (conflicts taken from the file,
    invalid rows skipped) gives a report or ``ExchangeFileError`` with a one-line
    reason, within 10 s each; both outcomes occur."""
    outcomes = campaign.fuzz_mutations(corpus, tmp_path, CASES, SEED)
    assert_no_crash(outcomes, CASES)
    kinds = {o.outcome for o in outcomes}
    assert kinds == {"report", "refused"}


def test_mutated_files_through_the_command(corpus, tmp_path):
    """A sample of mutated files through ``labest import``: exit 0, 1 or 2, no
    traceback, exit 2 with exactly one line saying why."""
    assert_no_crash(campaign.fuzz_cli_sample(corpus, tmp_path, CLI_CASES, SEED), CLI_CASES)


def test_generated_workbooks_are_reported_or_refused(corpus, tmp_path):
    """Hypothesis-made workbooks (sheet names, header spellings in French or English,
    any case, accents or none, title rows, merged cells, blank rows, cells of every
    type, a random ``_labest`` sheet): a report or ``ExchangeFileError``, never
    another exception."""
    ws = campaign.fuzz_workspace(tmp_path, corpus.small)
    path = tmp_path / "generated.xlsx"

    @settings(max_examples=CASES // 3, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(workbooks.workbooks())
    def check(made):
        book, meta = made
        workbooks.save(book, meta, path)
        outcome = campaign.fuzz_one(ws, path, "generated")
        assert outcome.outcome in ("report", "refused"), outcome.detail

    try:
        check()
    finally:
        ws.database.dispose()
