"""SQLite storage of assistants, per tenant, in creation order.

WAL mode: a write is acknowledged only after its transaction committed to the WAL file, so it
survives the process being killed (``synchronous=NORMAL`` gives up only the last transactions on
power loss, not on a crash of this process). Writes that arrive in the same event-loop turn share
one transaction (group commit), and checkpoints run on a background thread, so that neither the
per-commit cost nor a checkpoint's fsync lands on every request. ``seq`` is a monotonic sequence that orders
assistants created in the same second. A deleted assistant stays as a tombstone (no body), so a
page cursor naming it still marks a place in the list.

A write made with an idempotency key records its result in the same transaction (table
``idempotency``), so that the same key with the same request replays it instead of writing again,
across workers and restarts; entries expire after a time and beyond a count.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from .config import MEMORY_DB

_CHECKPOINT_SECONDS = 1.0
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
CREATE TABLE IF NOT EXISTS idempotency (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at REAL NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (tenant, key)
);
CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency (created_at);
"""


class IdempotencyConflict(Exception):
    """The idempotency key was used before, for a different request."""


@dataclass(frozen=True)
class Once:
    """A write that must happen once per (tenant, key): ``fingerprint`` identifies the request."""

    key: str
    fingerprint: str


def _prepare(db: sqlite3.Connection) -> None:
    # Switching to WAL needs a moment of exclusive access; workers opening the file at the same
    # time may see "locked" even with a busy timeout, so retry for a while.
    deadline = time.monotonic() + 10.0
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def prepare(path: str) -> None:
    """Create the database file, its schema and WAL mode (once, before workers open it)."""
    if path == MEMORY_DB:
        return
    db = sqlite3.connect(path, isolation_level=None, timeout=10.0)
    try:
        _prepare(db)
    finally:
        db.close()


def new_id(prefix: str) -> str:
    """``prefix`` plus 24 random letters and digits (the bias of ``% 62`` is irrelevant here)."""
    return prefix + "".join(_ID_ALPHABET[b % 62] for b in os.urandom(24))


class Page:
    __slots__ = ("bodies", "has_more", "ids")

    def __init__(self, ids: list[str], bodies: list[bytes], has_more: bool) -> None:
        self.ids = ids
        self.bodies = bodies
        self.has_more = has_more


class Store:
    def __init__(
        self, path: str, *, idempotency_ttl: float = 24 * 3600.0, idempotency_max_keys: int = 100_000
    ) -> None:
        self.path = path
        self.idempotency_ttl = idempotency_ttl
        self.idempotency_max_keys = idempotency_max_keys
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
        if path != MEMORY_DB:
            _prepare(self._db)
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA wal_autocheckpoint=0")
        else:
            self._db.executescript(_SCHEMA)
        self._pending: list[tuple[Callable[[], Any], asyncio.Future]] = []
        self._stop = threading.Event()
        self._checkpointer = None
        if path != MEMORY_DB:
            self._checkpointer = threading.Thread(target=self._checkpoint_loop, daemon=True)
            self._checkpointer.start()

    def close(self) -> None:
        self._stop.set()
        if self._checkpointer is not None:
            self._checkpointer.join(timeout=5)
        self._db.close()

    def _checkpoint_loop(self) -> None:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10.0)
        try:
            while not self._stop.wait(_CHECKPOINT_SECONDS):
                try:
                    db.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:
                    pass  # busy or locked: the next round catches up
        finally:
            db.close()

    async def _write(self, operation: Callable[[], Any]) -> Any:
        """Run ``operation`` in the next group transaction; returns once that has committed."""
        future = asyncio.get_running_loop().create_future()
        self._pending.append((operation, future))
        if len(self._pending) == 1:
            asyncio.get_running_loop().call_soon(self._flush)
        return await future

    def _flush(self) -> None:
        batch, self._pending = self._pending, []
        db = self._db
        outcomes: list[tuple[asyncio.Future, Any, BaseException | None]] = []
        try:
            # IMMEDIATE takes the write lock before reading, so that another worker process cannot
            # interleave between a modify's read and its write.
            db.execute("BEGIN IMMEDIATE")
            for operation, future in batch:
                try:
                    outcomes.append((future, operation(), None))
                except Exception as error:  # noqa: BLE001 - fails that request only; one statement each
                    outcomes.append((future, None, error))
            db.execute("COMMIT")
        except Exception as error:  # noqa: BLE001 - the commit failed: every request in it fails
            if db.in_transaction:
                db.execute("ROLLBACK")
            outcomes = [(future, None, error) for _, future in batch]
        for future, result, error in outcomes:
            if future.cancelled():
                continue
            if error is not None:
                future.set_exception(error)
            else:
                future.set_result(result)

    def _once(
        self, tenant: str, once: Once | None, operation: Callable[[], bytes | None]
    ) -> tuple[bytes | None, bool]:
        """``operation()``'s result, or the result recorded for ``once`` earlier (then True).

        Only results are recorded (a 404 is not: there was nothing to do). Runs inside the write
        transaction, so two requests with one key cannot both get past the lookup.
        """
        if once is None:
            return operation(), False
        now = time.time()
        self._db.execute("DELETE FROM idempotency WHERE created_at < ?", (now - self.idempotency_ttl,))
        row = self._db.execute(
            "SELECT fingerprint, body FROM idempotency WHERE tenant = ? AND key = ?", (tenant, once.key)
        ).fetchone()
        if row is not None:
            if row[0] != once.fingerprint:
                raise IdempotencyConflict(once.key)
            return row[1], True
        result = operation()
        if result is not None:
            self._db.execute(
                "INSERT INTO idempotency (tenant, key, fingerprint, created_at, body) VALUES (?, ?, ?, ?, ?)",
                (tenant, once.key, once.fingerprint, now, result),
            )
            # The newest max_keys stay (seq only grows, so this bounds the count).
            self._db.execute(
                "DELETE FROM idempotency WHERE seq <= (SELECT MAX(seq) FROM idempotency) - ?",
                (self.idempotency_max_keys,),
            )
        return result, False

    async def create(
        self, tenant: str, prefix: str, build: Callable[[str, int], dict[str, Any]], once: Once | None = None
    ) -> tuple[bytes, bool]:
        """The stored record, and whether it is a replay of an earlier create with ``once``'s key."""
        return await self._write(
            lambda: self._once(tenant, once, lambda: self._insert(tenant, prefix, build))
        )

    def _insert(self, tenant: str, prefix: str, build: Callable[[str, int], dict[str, Any]]) -> bytes:
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

    async def modify(
        self,
        tenant: str,
        ident: str,
        change: Callable[[dict[str, Any]], dict[str, Any]],
        once: Once | None = None,
    ) -> tuple[bytes | None, bool]:
        """The changed record (None: no such assistant), and whether it is a replay."""
        return await self._write(
            lambda: self._once(tenant, once, lambda: self._update(tenant, ident, change))
        )

    def _update(
        self, tenant: str, ident: str, change: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> bytes | None:
        row = self._db.execute(
            "SELECT body FROM assistants WHERE id = ? AND tenant = ? AND deleted = 0", (ident, tenant)
        ).fetchone()
        if row is None:
            return None
        body = orjson.dumps(change(orjson.loads(row[0])))
        self._db.execute("UPDATE assistants SET body = ? WHERE id = ?", (body, ident))
        return body

    async def delete(self, tenant: str, ident: str) -> bool:
        return await self._write(lambda: self._tombstone(tenant, ident))

    def _tombstone(self, tenant: str, ident: str) -> bool:
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

    async def reset(self) -> None:
        await self._write(self._clear)

    def _clear(self) -> None:
        self._db.execute("DELETE FROM assistants")
        self._db.execute("DELETE FROM idempotency")
