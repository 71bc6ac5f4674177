"""The operations the suite drives, by what they do, and the few facts about them it asks the spec.

The one place the suite names operations (by ``operationId``) and the list's parameters; each name is
checked against the spec when the facts are built, so a renamed operation or parameter fails loudly
instead of silently checking nothing. Everything else (limits, defaults, statuses) is read from the
spec model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from assistants_spec import Operation, ProfileView

CREATE = "createAssistant"
LIST = "listAssistants"
GET = "getAssistant"
MODIFY = "modifyAssistant"
DELETE = "deleteAssistant"

# The list's parameters: page size, order and the two cursors.
LIMIT, ORDER, AFTER, BEFORE = "limit", "order", "after", "before"
LIST_PARAMETERS = (LIMIT, ORDER, AFTER, BEFORE)
ASCENDING, DESCENDING = "asc", "desc"
METADATA = "metadata"  # the free-form map the run tags its assistants in


@dataclass(frozen=True)
class Facts:
    view: ProfileView

    def __post_init__(self) -> None:
        for operation_id in (CREATE, LIST, GET, MODIFY, DELETE):
            self.view.operation(operation_id)
        listing = self.view.operation(LIST)
        for name in LIST_PARAMETERS:
            listing.parameter(name)
        orders = set(self.view.non_null(listing.parameter(ORDER).schema).get("enum", ()))
        if orders != {ASCENDING, DESCENDING}:
            raise ValueError(f"the spec's list order is {sorted(orders)}, the suite knows asc and desc")

    def operation(self, operation_id: str) -> Operation:
        return self.view.operation(operation_id)

    def label(self, operation_id: str) -> str:
        return self.view.operation(operation_id).label

    @functools.cached_property
    def list_defaults(self) -> tuple[int, str]:
        """The `limit` and `order` a list uses when the request leaves them out."""
        listing = self.view.operation(LIST)
        _, limit = self.view.declared_default(listing.parameter(LIMIT).schema)
        _, order = self.view.declared_default(listing.parameter(ORDER).schema)
        return int(limit), order

    @functools.cached_property
    def limit_range(self) -> tuple[int, int]:
        """The smallest and the largest page the spec lets a list ask for."""
        schema = self.view.non_null(self.view.operation(LIST).parameter(LIMIT).schema)
        default, _ = self.list_defaults
        return int(schema.get("minimum", 1)), int(schema.get("maximum", default))

    @property
    def largest_page(self) -> int:
        return self.limit_range[1]

    @functools.cached_property
    def tag_room(self) -> int:
        """How many metadata keys a create may send (the run adds its tag when there is room)."""
        metadata = self.view.properties(self.view.request_schema(CREATE)).get(METADATA)
        return int(self.view.non_null(metadata).get("maxProperties", 0)) if metadata else 0

    def fields(self, operation_id: str) -> dict[str, dict[str, Any]]:
        """The body fields an operation takes (name -> resolved schema)."""
        return self.view.properties(self.view.request_schema(operation_id))


@functools.lru_cache(maxsize=8)
def facts(view: ProfileView) -> Facts:
    return Facts(view)
