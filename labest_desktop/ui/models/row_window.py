"""Ordered ids and a bounded cache of the rows read a window at a time: what a
long list model keeps instead of its rows (Anki's browser keeps ids plus a lazy row
cache). The portfolio and the events list share it: a row never drawn is never
read, and the cache never grows past ``limit`` rows however far the user scrolls.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable


class RowWindow:
    """``fetch(ids)`` returns ``{id: row}`` for the ids asked (missing ones left out)."""

    def __init__(self, fetch: Callable[[list[int]], dict], window: int = 200, limit: int = 5_000) -> None:
        self.fetch = fetch
        self.window = window
        self.limit = limit
        self.ids: list[int] = []
        self._cache: OrderedDict[int, object] = OrderedDict()

    def __len__(self) -> int:
        return len(self.ids)

    def cached(self) -> int:
        """How many rows are held (never more than ``limit``)."""
        return len(self._cache)

    def set_ids(self, ids: list[int], *, keep_cache: bool = False) -> None:
        self.ids = ids
        if not keep_cache:
            self._cache.clear()

    def forget(self, ids: Iterable[int] | None) -> None:
        """Rows out of date (``None``: all of them), read again when next drawn."""
        if ids is None:
            self._cache.clear()
            return
        for ident in ids:
            self._cache.pop(ident, None)

    def keep(self, rows: dict) -> None:
        """Rows already read elsewhere (in the background) for ids of the list."""
        self._cache.update(rows)
        self._trim()

    def id_at(self, position: int) -> int | None:
        return self.ids[position] if 0 <= position < len(self.ids) else None

    def position_of(self, ident: int) -> int:
        try:
            return self.ids.index(ident)
        except ValueError:
            return -1

    def positions(self, wanted: Iterable[int]) -> dict[int, int]:
        """Positions of the ids ``wanted`` (a few: searched one by one; many: one pass)."""
        wanted = set(wanted)
        if len(wanted) <= 8:
            found = {ident: self.position_of(ident) for ident in wanted}
            return {ident: position for ident, position in found.items() if position >= 0}
        return {ident: position for position, ident in enumerate(self.ids) if ident in wanted}

    def row(self, position: int):
        """The row at ``position``, reading its window first if it is not held."""
        ident = self.id_at(position)
        if ident is None:
            return None
        found = self._cache.get(ident)
        if found is None:
            start = max(0, position - self.window // 4)
            wanted = [i for i in self.ids[start : start + self.window] if i not in self._cache]
            fetched = self.fetch(wanted)
            for i in wanted:
                if i in fetched:
                    self._cache[i] = fetched[i]
            self._trim()
            found = self._cache.get(ident)
        return found

    def _trim(self) -> None:
        while len(self._cache) > self.limit:
            self._cache.popitem(last=False)
