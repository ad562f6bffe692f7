"""A TinyDB Table that updates documents in place and tells the storage what it touched.

TinyDB's Table copies the whole table into a new dict (with integer ids) for every insert,
update or remove, and its storage then has to find what changed: both cost time in
proportion to the number of documents. This Table hands TinyDB's own update functions a
live view of the stored table and records the ids they touch, so a change to one document
costs about the same with ten documents or fifty thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table


class _IntKeyView(MutableMapping[int, Any]):
    """The stored table (string ids) seen with integer ids, remembering ids touched."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.touched: set[str] = set()

    def __getitem__(self, doc_id: int) -> Any:
        key = str(doc_id)
        document = self.raw[key]
        self.touched.add(key)  # TinyDB updates documents in place after reading them
        return document

    def __setitem__(self, doc_id: int, document: Any) -> None:
        self.raw[str(doc_id)] = document
        self.touched.add(str(doc_id))

    def __delitem__(self, doc_id: int) -> None:
        del self.raw[str(doc_id)]
        self.touched.add(str(doc_id))

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.raw

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self.raw))

    def __len__(self) -> int:
        return len(self.raw)


class InPlaceTable(Table):
    """TinyDB Table whose writes cost O(documents changed), not O(documents stored)."""

    def _get_next_id(self) -> int:
        # Another process may have inserted since we last looked: skip ids now taken.
        raw = (self._storage.read() or {}).get(self.name, {})
        next_id: int = self._next_id or max((int(key) for key in raw), default=0) + 1
        while str(next_id) in raw:
            next_id += 1
        self._next_id = next_id + 1  # type: ignore[assignment]  # TinyDB types it None only
        return next_id

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read() or {}
        view = _IntKeyView(tables.setdefault(self.name, {}))
        updater(view)  # type: ignore[arg-type]
        write = self._storage.write
        try:
            write(tables, touched={self.name: view.touched})  # type: ignore[call-arg]
        except TypeError:
            write(tables)  # a storage without change hints
        self.clear_cache()


class InPlaceTinyDB(TinyDB):
    """TinyDB using InPlaceTable for every table."""

    table_class = InPlaceTable
