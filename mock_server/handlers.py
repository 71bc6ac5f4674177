"""The five assistant operations, on validated input. Each returns (status, JSON body bytes)."""

from __future__ import annotations

from typing import Any

import orjson

from .errors import not_found
from .shapes import Shapes
from .store import Store

ID_PREFIX = "asst_"
_KIND = "assistant"


class Handlers:
    def __init__(self, store: Store, shapes: Shapes) -> None:
        self.store = store
        self.shapes = shapes
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

    async def create(
        self, tenant: str, profile: str, path: dict, query: dict, body: Any
    ) -> tuple[int, bytes]:
        stored = await self.store.create(
            tenant, ID_PREFIX, lambda ident, created_at: self.shapes.create(profile, body, ident, created_at)
        )
        return 200, self._render(profile, stored)

    async def get(self, tenant: str, profile: str, path: dict, query: dict, body: Any) -> tuple[int, bytes]:
        ident = path["assistant_id"]
        stored = self.store.get(tenant, ident)
        if stored is None:
            raise not_found(_KIND, ident)
        return 200, self._render(profile, stored)

    async def modify(
        self, tenant: str, profile: str, path: dict, query: dict, body: Any
    ) -> tuple[int, bytes]:
        ident = path["assistant_id"]
        stored = await self.store.modify(
            tenant, ident, lambda current: self.shapes.modify(profile, current, body)
        )
        if stored is None:
            raise not_found(_KIND, ident)
        return 200, self._render(profile, stored)

    async def delete(
        self, tenant: str, profile: str, path: dict, query: dict, body: Any
    ) -> tuple[int, bytes]:
        ident = path["assistant_id"]
        if not await self.store.delete(tenant, ident):
            raise not_found(_KIND, ident)
        return 200, orjson.dumps({"id": ident, "object": self.shapes.deleted_kind, "deleted": True})

    async def list(self, tenant: str, profile: str, path: dict, query: dict, body: Any) -> tuple[int, bytes]:
        page = self.store.list(
            tenant,
            limit=query["limit"],
            descending=query["order"] == "desc",
            after=query.get("after"),
            before=query.get("before"),
        )
        data = b",".join(self._render(profile, b) for b in page.bodies)
        tail = orjson.dumps(
            {
                "first_id": page.ids[0] if page.ids else None,
                "last_id": page.ids[-1] if page.ids else None,
                "has_more": page.has_more,
            }
        )
        head = orjson.dumps({"object": self.shapes.list_kind})
        # {"object":"list"} + "data" + the cursors, joined without re-serialising stored bodies.
        return 200, head[:-1] + b',"data":[' + data + b"]," + tail[1:]
