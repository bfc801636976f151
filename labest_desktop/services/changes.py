"""What a user action changed, as the services report it (Anki's ``OpChanges``).

A service that writes returns, or lets its caller build, a :class:`Changes`: the ids
of the projects, events, organisations and funding envelopes it touched. The window
hands it to its views through one dispatcher; each view refreshes only if it shows
something that changed. ``EVERYTHING`` stands for a change whose extent is not known
(an import, a restore, another database).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def _ids(values: Iterable[int] | None) -> frozenset[int]:
    return frozenset(int(v) for v in values or ())


@dataclass(frozen=True)
class Changes:
    projects: frozenset[int] = frozenset()
    events: frozenset[int] = frozenset()
    organisations: frozenset[int] = frozenset()
    envelopes: frozenset[int] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, *, projects: Iterable[int] | None = None, events: Iterable[int] | None = None,
           organisations: Iterable[int] | None = None, envelopes: Iterable[int] | None = None) -> Changes:
        return cls(_ids(projects), _ids(events), _ids(organisations), _ids(envelopes))

    @classmethod
    def of_projects(cls, ids: Iterable[int]) -> Changes:
        return cls(projects=_ids(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.projects | other.projects, self.events | other.events,
                       self.organisations | other.organisations, self.envelopes | other.envelopes,
                       self.everything or other.everything)

    def __bool__(self) -> bool:
        return self.everything or bool(self.projects or self.events or self.organisations or self.envelopes)

    def touches_projects(self) -> bool:
        return self.everything or bool(self.projects)

    def touches_events(self) -> bool:
        return self.everything or bool(self.events)

    def touches_organisations(self) -> bool:
        return self.everything or bool(self.organisations)

    def touches_envelopes(self) -> bool:
        return self.everything or bool(self.envelopes)


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
