"""SQLite storage of assistants, per tenant, in creation order.

WAL mode: a write is acknowledged only after its transaction committed to the WAL file, so it
survives the process being killed (``synchronous=NORMAL`` gives up only the last transactions on
power loss, not on a crash of this process). ``seq`` is a monotonic sequence that orders
assistants created in the same second. A deleted assistant stays as a tombstone (no body), so a
page cursor naming it still marks a place in the list.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import orjson

from .config import MEMORY_DB

_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS assistants (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    tenant TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS assistants_by_tenant ON assistants (tenant, deleted, seq);
"""


def new_id(prefix: str) -> str:
    """``prefix`` plus 24 random letters and digits (the bias of ``% 62`` is irrelevant here)."""
    return prefix + "".join(_ID_ALPHABET[b % 62] for b in os.urandom(24))


class Page:
    __slots__ = ("ids", "bodies", "has_more")

    def __init__(self, ids: list[str], bodies: list[bytes], has_more: bool) -> None:
        self.ids = ids
        self.bodies = bodies
        self.has_more = has_more


class Store:
    def __init__(self, path: str) -> None:
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
        if path != MEMORY_DB:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def create(self, tenant: str, prefix: str, build: Callable[[str, int], dict[str, Any]]) -> bytes:
        for _ in range(5):
            ident = new_id(prefix)
            created_at = int(time.time())
            body = orjson.dumps(build(ident, created_at))
            try:
                self._db.execute(
                    "INSERT INTO assistants (id, tenant, created_at, body) VALUES (?, ?, ?, ?)",
                    (ident, tenant, created_at, body),
                )
            except sqlite3.IntegrityError:  # an id collision: draw again
                continue
            return body
        raise RuntimeError("could not draw a unique id")

    def get(self, tenant: str, ident: str) -> bytes | None:
        row = self._db.execute(
            "SELECT body FROM assistants WHERE id = ? AND tenant = ? AND deleted = 0", (ident, tenant)
        ).fetchone()
        return row[0] if row else None

    def modify(
        self, tenant: str, ident: str, change: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> bytes | None:
        db = self._db
        # IMMEDIATE takes the write lock before reading, so two workers cannot both read the old
        # record and lose one of the updates.
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute(
                "SELECT body FROM assistants WHERE id = ? AND tenant = ? AND deleted = 0", (ident, tenant)
            ).fetchone()
            if row is None:
                db.execute("ROLLBACK")
                return None
            body = orjson.dumps(change(orjson.loads(row[0])))
            db.execute("UPDATE assistants SET body = ? WHERE id = ?", (body, ident))
            db.execute("COMMIT")
            return body
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def delete(self, tenant: str, ident: str) -> bool:
        cursor = self._db.execute(
            "UPDATE assistants SET deleted = 1, body = x'' WHERE id = ? AND tenant = ? AND deleted = 0",
            (ident, tenant),
        )
        return cursor.rowcount == 1

    def list(
        self, tenant: str, *, limit: int, descending: bool, after: str | None, before: str | None
    ) -> Page:
        """One page in creation order (or its reverse), between the cursors.

        An ``after``/``before`` id this tenant never had gives an empty page.
        """
        clauses = ["tenant = ?", "deleted = 0"]
        args: list[Any] = [tenant]
        bounds = {}
        for name, cursor in (("after", after), ("before", before)):
            if cursor is None:
                continue
            row = self._db.execute(
                "SELECT seq FROM assistants WHERE id = ? AND tenant = ?", (cursor, tenant)
            ).fetchone()
            if row is None:
                return Page([], [], False)
            bounds[name] = row[0]
        # In the requested order, `after` means further along and `before` means earlier.
        later, earlier = (">", "<") if not descending else ("<", ">")
        if "after" in bounds:
            clauses.append(f"seq {later} ?")
            args.append(bounds["after"])
        if "before" in bounds:
            clauses.append(f"seq {earlier} ?")
            args.append(bounds["before"])
        # Walk away from the `after` cursor, or towards the start when only `before` is given, so
        # that the page holds the items nearest to the cursor.
        walk_forward = "before" not in bounds or "after" in bounds
        ascending_sql = walk_forward != descending
        sql = (
            f"SELECT id, body FROM assistants WHERE {' AND '.join(clauses)} "
            f"ORDER BY seq {'ASC' if ascending_sql else 'DESC'} LIMIT ?"
        )
        args.append(limit + 1)
        rows = self._db.execute(sql, args).fetchall()
        has_more = len(rows) > limit
        rows = rows[:limit]
        if not walk_forward:
            rows.reverse()
        return Page([r[0] for r in rows], [r[1] for r in rows], has_more)

    def reset(self) -> None:
        self._db.execute("DELETE FROM assistants")
