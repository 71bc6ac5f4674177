"""The five assistant operations, on validated input. Each answers an ``Answer``.

Operation ids (and the names of their parameters) are the binding between the spec's operations
and these methods; everything else about the objects (their ``object`` names, the id prefix,
fields and defaults) comes from the spec through ``Shapes``, and the parameters arrive validated
and with the spec's defaults filled in.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson

from .errors import not_found
from .idempotency import IdempotencyKeys
from .shapes import Shapes
from .store import IdempotencyConflict, Once, Store


class Call(NamedTuple):
    """One validated request to an operation."""

    operation_id: str
    tenant: str
    profile: str
    path: dict[str, str]
    query: dict[str, Any]
    body: Any
    once: Once | None = None  # the request's idempotency key, when it has one


class Answer(NamedTuple):
    status: int
    body: bytes
    headers: tuple[tuple[bytes, bytes], ...] = ()


class Handlers:
    def __init__(self, store: Store, shapes: Shapes, keys: IdempotencyKeys | None) -> None:
        self.store = store
        self.shapes = shapes
        self.keys = keys
        self.by_operation = {
            "createAssistant": self.create,
            "listAssistants": self.list,
            "getAssistant": self.get,
            "modifyAssistant": self.modify,
            "deleteAssistant": self.delete,
        }

    def _render(self, profile: str, body: bytes) -> bytes:
        # Stored records are already the canonical profile's view: answer them as they are.
        if self.shapes.is_canonical[profile]:
            return body
        return orjson.dumps(self.shapes.view(profile, orjson.loads(body)))

    def _answer(self, profile: str, stored: bytes, replayed: bool) -> Answer:
        return Answer(200, self._render(profile, stored), self.keys.replayed if replayed else ())

    async def create(self, call: Call) -> Answer:
        try:
            stored, replayed = await self.store.create(
                call.tenant,
                self.shapes.id_prefix,
                lambda ident, created_at: self.shapes.create(call.profile, call.body, ident, created_at),
                call.once,
            )
        except IdempotencyConflict:
            raise self.keys.reused() from None
        return self._answer(call.profile, stored, replayed)

    async def get(self, call: Call) -> Answer:
        ident = call.path["assistant_id"]
        stored = self.store.get(call.tenant, ident)
        if stored is None:
            raise not_found(self.shapes.object_kind, ident)
        return self._answer(call.profile, stored, False)

    async def modify(self, call: Call) -> Answer:
        ident = call.path["assistant_id"]
        try:
            stored, replayed = await self.store.modify(
                call.tenant,
                ident,
                lambda current: self.shapes.modify(call.profile, current, call.body),
                call.once,
            )
        except IdempotencyConflict:
            raise self.keys.reused() from None
        if stored is None:
            raise not_found(self.shapes.object_kind, ident)
        return self._answer(call.profile, stored, replayed)

    async def delete(self, call: Call) -> Answer:
        ident = call.path["assistant_id"]
        if not await self.store.delete(call.tenant, ident):
            raise not_found(self.shapes.object_kind, ident)
        return Answer(200, orjson.dumps({"id": ident, "object": self.shapes.deleted_kind, "deleted": True}))

    async def list(self, call: Call) -> Answer:
        query = call.query
        page = self.store.list(
            call.tenant,
            limit=query["limit"],
            descending=query["order"] == "desc",
            after=query.get("after"),
            before=query.get("before"),
        )
        data = b",".join(self._render(call.profile, b) for b in page.bodies)
        tail = orjson.dumps(
            {
                "first_id": page.ids[0] if page.ids else None,
                "last_id": page.ids[-1] if page.ids else None,
                "has_more": page.has_more,
            }
        )
        head = orjson.dumps({"object": self.shapes.list_kind})
        # {"object":"list"} + "data" + the cursors, joined without re-serialising stored bodies.
        return Answer(200, head[:-1] + b',"data":[' + data + b"]," + tail[1:])
