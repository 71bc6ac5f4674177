"""Resources: a collection path and its item path, with their operations told apart by HTTP method.

A tool that watches or replays traffic has to know which answer creates an object, which reads it,
and where an object's identifier is, without naming operations or fields. Those facts follow from
the document and from HTTP semantics: ``GET``/``POST`` on a collection list and create; ``GET``,
``DELETE`` and ``POST``/``PUT``/``PATCH`` on its item path read, delete and modify the object. The
object is what the read answers; its identifier is the one property the server sets (not offered
by the create request) that is a free string; the list answer holds the objects in the one array
property whose items are the object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Operation, ProfileView

_MODIFY_METHODS = ("PATCH", "POST", "PUT")


@dataclass(frozen=True)
class Resource:
    """A collection (``/assistants``) and its item path (``/assistants/{assistant_id}``)."""

    collection: str
    item: str
    id_parameter: str  # the item path's parameter, e.g. "assistant_id"
    create: Operation | None
    list: Operation | None
    read: Operation | None
    modify: Operation | None
    delete: Operation | None
    object_schema: dict[str, Any]  # resolved schema of the object (the read's success answer)
    id_field: str | None  # the object's identifier property
    server_set: tuple[str, ...]  # object properties the create request does not offer
    page_items: str | None  # the list answer's array property holding the objects

    @property
    def writes(self) -> tuple[Operation, ...]:
        """Operations whose success answer is the object as written (create, modify)."""
        return tuple(op for op in (self.create, self.modify) if op is not None)

    def kind_of(self, operation: Operation) -> str | None:
        """``"create"``, ``"list"``, ``"read"``, ``"modify"`` or ``"delete"`` for an operation of this
        resource, else None."""
        for kind in ("create", "list", "read", "modify", "delete"):
            if getattr(self, kind) is operation:
                return kind
        return None

    def varying_fields(self, view: ProfileView) -> tuple[str, ...]:
        """Object fields that differ between two servers given the same requests: set by the server,
        neither the identifier nor a constant (``created_at``, not ``id`` or ``object``)."""
        properties = view.properties(self.object_schema)
        return tuple(
            name
            for name in self.server_set
            if name != self.id_field and not _is_constant(view.non_null(properties.get(name, {})))
        )


def _is_constant(schema: dict[str, Any]) -> bool:
    return "const" in schema or len(schema.get("enum", ())) == 1


def _success_schema(view: ProfileView, operation: Operation | None) -> dict[str, Any] | None:
    if operation is None:
        return None
    try:
        response = operation.success
    except StopIteration:
        return None
    return None if response.schema is None else view.resolve(response.schema)


def find_resources(view: ProfileView) -> tuple[Resource, ...]:
    """Every collection of ``view`` that has an item path ``{collection}/{parameter}`` with a read."""
    by_path: dict[str, dict[str, Operation]] = {}
    for operation in view.operations.values():
        by_path.setdefault(operation.path, {})[operation.method] = operation
    found = []
    for item_path, item_ops in by_path.items():
        parent = re.fullmatch(r"(?P<collection>.*)/\{(?P<name>[^}/]+)\}", item_path)
        if parent is None or "GET" not in item_ops:
            continue
        collection = parent.group("collection")
        collection_ops = by_path.get(collection, {})
        read = item_ops["GET"]
        object_schema = _success_schema(view, read)
        if object_schema is None:
            continue
        create = collection_ops.get("POST")
        offered = set(view.properties(create.body_schema)) if create and create.body_schema else set()
        properties = view.properties(object_schema)
        server_set = tuple(name for name in properties if name not in offered)
        found.append(
            Resource(
                collection=collection,
                item=item_path,
                id_parameter=parent.group("name"),
                create=create,
                list=collection_ops.get("GET"),
                read=read,
                modify=next((item_ops[m] for m in _MODIFY_METHODS if m in item_ops), None),
                delete=item_ops.get("DELETE"),
                object_schema=object_schema,
                id_field=_identifier(view, properties, server_set),
                server_set=server_set,
                page_items=_page_items(view, collection_ops.get("GET"), object_schema),
            )
        )
    return tuple(found)


def _identifier(view: ProfileView, properties: dict[str, Any], server_set: tuple[str, ...]) -> str | None:
    candidates = [
        name
        for name in server_set
        if view.types(properties[name]) == {"string"} and not _is_constant(view.non_null(properties[name]))
    ]
    return candidates[0] if len(candidates) == 1 else None


def _page_items(
    view: ProfileView, list_operation: Operation | None, object_schema: dict[str, Any]
) -> str | None:
    page = _success_schema(view, list_operation)
    if page is None:
        return None
    arrays = [
        name
        for name, schema in view.properties(page).items()
        if schema.get("type") == "array" and view.resolve(schema.get("items")) is object_schema
    ]
    return arrays[0] if len(arrays) == 1 else None
