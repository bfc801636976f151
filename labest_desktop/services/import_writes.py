"""What an import writes for one updated project, worked out from its plan.

The writer of :mod:`labest_desktop.services.exchange_import` needs, for every
project a file changes, the project as the import leaves it, the columns that
change, the revision document and its fingerprints. For a row that settles nothing
at apply time (no conflict, no name that may still have to be created) all of it is
known as soon as the row is planned: the preview works it out then, while the
reader's process is still parsing the next rows, and puts it aside on disk
(:class:`UpdateSpool`), so that applying the import only writes, and 100,000
planned rows never hold 100,000 stored snapshots in memory.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import NamedTuple

from labest_desktop.domain.fields import EDITABLE_KEYS, empty_snapshot
from labest_desktop.domain.fingerprints import fingerprint
from labest_desktop.domain.snapshot_json import dump_snapshot
from labest_desktop.services.import_plan import CREATE, DUPLICATE, REVIVE, UPDATE, RowPlan
from labest_desktop.services.snapshots import SEARCH_KEYS, column_values
from labest_desktop.storage.search import snapshot_search_text_after

# Fields naming an organisation or a funding envelope: a row changing one may name
# one created by the import itself, whose id is known only when it is applied.
NAME_KEYS = frozenset({"lead", "partners", "funding"})


class UpdateRow(NamedTuple):
    """The writes of one updated project but those of the moment of applying (time,
    author, batch, revision number)."""

    project_id: int
    columns: tuple[str, ...]  # the ``project`` columns set, sorted
    values: tuple  # their values, in that order
    stage: tuple[str, str] | None  # (from, to) when the stage changes
    partners: list[str] | None  # the partners' names when they change
    snapshot: str  # the revision document: the project as the import leaves it
    fingerprint: str
    received: str | None  # the file row's print, when the revision's is another


def final_snapshot(plan: RowPlan, chosen: dict, mine: dict | None = None) -> dict:
    """The project as the import leaves it: a new one as the row gives it, else
    the project here (``mine``, as stored now) with the fields taken from the file
    and those ``chosen``."""
    if plan.kind in (CREATE, DUPLICATE):
        snapshot = empty_snapshot()
        snapshot.update(plan.theirs)
        return snapshot
    final = dict(mine if mine is not None else plan.mine or {})
    final.update(plan.taken)  # a project brought back takes the whole row: no conflict
    final.update(chosen)
    return final


def new_revision_prints(plan: RowPlan, snapshot: dict) -> tuple[str, str | None]:
    """The fingerprint of the revision that leaves the project as ``snapshot``, and
    the file row's print when it is another (received). Taken whole, the version is
    the file row's: it keeps the row's print."""
    print_ = plan.file_print if plan.takes_file_whole(snapshot) else fingerprint(snapshot)
    return print_, plan.file_print if plan.file_print != print_ else None


def prepare_update(
    plan: RowPlan, chosen: dict, mine: dict, search_text: str | None,
    organisation_ids: dict[str, int], envelope_ids: dict[str, int],
) -> UpdateRow:
    """The writes of an updated (or brought back) project: ``mine`` is the project as
    stored, ``search_text`` its stored search text (``None``: worked out whole)."""
    snapshot = final_snapshot(plan, chosen, mine)
    # Only fields taken from the file or settled in a conflict can differ.
    candidates = plan.taken.keys() | {c.field for c in plan.conflicts}
    changed = [key for key in EDITABLE_KEYS if key in candidates and snapshot.get(key) != mine.get(key)]
    # Only the columns that change are set: SQLite rewrites every index (and the
    # FTS row) of each column named in SET, changed or not.
    row = column_values(snapshot, organisation_ids, envelope_ids, keys=changed, with_search=False)
    if not SEARCH_KEYS.isdisjoint(changed):
        row["search_text"] = snapshot_search_text_after(mine, snapshot, search_text)
    if plan.kind == REVIVE:
        row["deleted_at"] = None
    columns = tuple(sorted(row))
    print_, received = new_revision_prints(plan, snapshot)
    return UpdateRow(
        plan.project_id,  # type: ignore[arg-type]
        columns,
        tuple(row[c] for c in columns),
        (mine["stage"], snapshot["stage"]) if "stage" in changed else None,
        (snapshot.get("partners") or []) if "partners" in changed else None,
        dump_snapshot(snapshot),
        print_,
        received,
    )


def settled_at_preview(plan: RowPlan) -> bool:
    """Whether the writes of ``plan`` are all known at preview: an update with no
    conflict to settle and no organisation or envelope name that may be new."""
    return plan.kind == UPDATE and not plan.conflicts and NAME_KEYS.isdisjoint(plan.taken)


class UpdateSpool:
    """:class:`UpdateRow` s put aside in an unnamed temporary file (gone when closed,
    or with the process), a batch at a time, read back in the same order."""

    def __init__(self) -> None:
        self._file = None
        self.count = 0

    def add(self, rows: list[UpdateRow]) -> None:
        if not rows:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="labest-import-")
        pickle.dump(rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += len(rows)

    def batches(self) -> Iterator[list[UpdateRow]]:
        if self._file is None:
            return
        self._file.seek(0)
        while True:
            try:
                yield pickle.load(self._file)
            except EOFError:
                return

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __del__(self) -> None:
        self.close()
