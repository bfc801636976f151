"""Every field a user edits on a project, declared once.

A :class:`FieldSpec` says all the rest of the application needs to know about a
field: its JSON key (snapshots, history, the exchange format), its kind (which fixes
its Python type, its snapshot encoding, how a workbook cell is read and written and
which widget edits it), the ``project`` table column that stores it, its labels in
French and English (the French one is also the exchange workbook's header), the
other headers a workbook may give it, and whether it is searched, sorted in the
list, published in the open-data CSV.

Snapshots, bulk writes, the search text, the exchange columns, the open-data CSV,
the list's columns, the editor's form and the project sheet iterate
:data:`PROJECT_FIELDS`. Adding a field of an existing kind means adding one
``FieldSpec`` here and one migration for its column; a test counts the modules that
name a field's key so that this stays true.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FieldKind(StrEnum):
    """What a field holds; the kind decides type, encoding, cell and widget."""

    LINE = "line"  # one line of text
    LONG_TEXT = "long_text"  # several lines of text
    ORGANISATION = "organisation"  # one organisation's name (stored as a link)
    ORGANISATIONS = "organisations"  # several organisations' names (link table)
    ENVELOPE = "envelope"  # a funding envelope's name (stored as a link)
    TAGS = "tags"  # words kept in order, stored ";"-joined
    STAGE = "stage"
    STATUS = "status"
    DEPARTMENT = "department"
    DATE = "date"  # ISO text in snapshots
    AMOUNT = "amount"  # euros in cents; "12000.50" in snapshots
    COUNT = "count"  # whole number >= 0
    URL = "url"  # an http(s) address, clickable


LIST_KINDS = frozenset({FieldKind.ORGANISATIONS, FieldKind.TAGS})


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str  # JSON key of snapshots and of the exchange format
    kind: FieldKind
    label: tuple[str, str]  # (French, English); the French one is the workbook's header
    short_label: tuple[str, str] | None = None  # the list's column header; None: not in the list
    aliases: tuple[str, ...] = ()  # other headers a workbook may give (the key is one too)
    width: float = 14.0  # workbook column width
    column: str | None = None  # ``project`` column; the key when None (link fields say theirs)
    sort_key: str | None = None  # column of the folded sort key, kept with the value
    max_length: int | None = None  # text rule (characters, trimmed)
    searched: bool = False
    sorted: bool = False  # the list can sort by it (an index per sorted column)
    public: bool = True  # in the open-data CSV
    shown_by_default: bool = True  # shown in the list when it is a list column
    indexed: bool = False  # a plain index on the column (filters)
    required: bool = False  # never empty (stages and statuses always have a value)

    @property
    def header(self) -> str:
        return self.label[0]

    @property
    def stored_in(self) -> str | None:
        """The ``project`` column holding the value (``None`` for the partners' link table)."""
        if self.kind is FieldKind.ORGANISATIONS:
            return None
        return self.column or self.key

    @property
    def is_list(self) -> bool:
        return self.kind in LIST_KINDS


TITLE_MAX = 200
DESCRIPTION_MAX = 10_000
NAME_MAX = 200
URL_MAX = 2_000

PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", FieldKind.LINE, ("Titre", "Title"), ("Titre", "Title"), ("Title",), 40,
              sort_key="title_key", max_length=TITLE_MAX, searched=True, sorted=True, required=True),
    FieldSpec("stage", FieldKind.STAGE, ("Étape", "Stage"), ("Étape", "Stage"), ("Stage",), 14,
              sorted=True, indexed=True),
    FieldSpec("status", FieldKind.STATUS, ("Statut", "Status"), ("Statut", "Status"), ("Status",), 12,
              sorted=True, indexed=True),
    FieldSpec("lead", FieldKind.ORGANISATION, ("Porteur", "Lead organisation"), ("Porteur", "Lead"), ("Lead",), 28,
              column="lead_id", max_length=NAME_MAX, searched=True, sorted=True),
    FieldSpec("partners", FieldKind.ORGANISATIONS, ("Partenaires", "Partners"), None, ("Partners",), 36,
              max_length=NAME_MAX, searched=True),
    FieldSpec("tags", FieldKind.TAGS, ("Thématiques", "Themes"), None, ("Tags",), 24, searched=True),
    FieldSpec("department", FieldKind.DEPARTMENT, ("Département", "Department"), ("Dépt", "Dept."),
              ("Department",), 13, sorted=True, indexed=True),
    FieldSpec("contact", FieldKind.LINE, ("Responsable", "Person in charge"), ("Responsable", "Person in charge"),
              ("Contact",), 22, sort_key="contact_key", max_length=NAME_MAX, searched=True, sorted=True,
              public=False, shown_by_default=False),
    FieldSpec("start_date", FieldKind.DATE, ("Date de début", "Start date"), ("Début", "Start"), ("Start date",), 13,
              sorted=True),
    FieldSpec("end_date", FieldKind.DATE, ("Date de fin prévue", "Planned end date"), ("Fin prévue", "Planned end"),
              ("End date",), 13, sorted=True),
    FieldSpec("budget", FieldKind.AMOUNT, ("Budget (€)", "Budget (€)"), ("Budget (€)", "Budget (€)"), ("Budget",), 15,
              sorted=True),
    FieldSpec("funding", FieldKind.ENVELOPE, ("Financement", "Funding"), ("Financement", "Funding"), ("Funding",), 24,
              column="funding_envelope_id", max_length=NAME_MAX, sorted=True, shown_by_default=False),
    FieldSpec("users_involved", FieldKind.COUNT, ("Usagers impliqués", "Users involved"), ("Usagers", "Users"),
              ("Users involved",), 11, sorted=True, shown_by_default=False),
    FieldSpec("agents_involved", FieldKind.COUNT, ("Agents impliqués", "Agents involved"), ("Agents", "Agents"),
              ("Agents involved",), 11, sorted=True, shown_by_default=False),
    FieldSpec("description", FieldKind.LONG_TEXT, ("Description", "Description"), None, (), 60,
              max_length=DESCRIPTION_MAX, searched=True),
    FieldSpec("link", FieldKind.URL, ("Lien", "Link"), None, ("Link", "URL", "Site web", "Website"), 36,
              max_length=URL_MAX, searched=True),
)

# The two dates that give a project's period (start, planned end): the date order
# rule ties them and the list's date filter reads them.
PERIOD_KEYS = ("start_date", "end_date")

FIELDS_BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in PROJECT_FIELDS}


def field_spec(key: str) -> FieldSpec | None:
    return FIELDS_BY_KEY.get(key)
