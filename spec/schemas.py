"""Reading JSON Schema inside one OpenAPI document: references, nullability, types, properties.

Every question about a schema that more than one part of the project asks is answered here once,
so that "is this field nullable" has one answer for the mock, the suite and the generator.
"""

from __future__ import annotations

import math
from typing import Any

_MAX_REF_HOPS = 64


def resolve(document: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` chains (``#/components/...``) inside ``document`` to what they name."""
    for _ in range(_MAX_REF_HOPS):
        if not (isinstance(node, dict) and "$ref" in node):
            return node
        node = pointer(document, node["$ref"])
    raise ValueError(f"reference loop at {node.get('$ref')!r}")


def pointer(document: dict[str, Any], ref: str) -> Any:
    """The node a local JSON pointer (``#/components/schemas/X``) names."""
    if not ref.startswith("#/"):
        raise ValueError(f"only local references are supported, got {ref!r}")
    target: Any = document
    for part in ref[2:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        try:
            target = target[int(key)] if isinstance(target, list) else target[key]
        except (KeyError, IndexError, ValueError):
            raise ValueError(f"dangling reference {ref!r}") from None
    return target


def escape(part: str) -> str:
    """One JSON pointer segment (``/assistants`` -> ``~1assistants``)."""
    return part.replace("~", "~0").replace("/", "~1")


class SchemaReader:
    """Questions about schemas, answered inside one document (a profile's view)."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, node: Any) -> Any:
        return resolve(self.document, node)

    def branches(self, schema: Any) -> list[dict[str, Any]]:
        """The resolved members of a union (``anyOf``/``oneOf``), or [] for a plain schema."""
        schema = self.resolve(schema)
        return [self.resolve(b) for key in ("anyOf", "oneOf") for b in schema.get(key, [])]

    def is_nullable(self, schema: Any) -> bool:
        """Whether JSON null is a valid value (``type: [t, "null"]``, a null member of a union)."""
        schema = self.resolve(schema)
        kinds = schema.get("type")
        if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
            return True
        if schema.get("const", 0) is None or None in schema.get("enum", [0]):
            return True
        return any(self.is_nullable(b) for b in self.branches(schema))

    def non_null(self, schema: Any) -> dict[str, Any]:
        """The non-null part of a nullable schema (``anyOf: [X, null]`` gives X), else the schema."""
        schema = self.resolve(schema)
        members = [b for b in self.branches(schema) if b.get("type") != "null"]
        if len(members) == 1 and len(self.branches(schema)) == 2:
            return self.non_null(members[0])
        return schema

    def types(self, schema: Any) -> set[str]:
        """The JSON types a (non-null part of a) schema allows, e.g. ``{"string"}``; empty = any."""
        schema = self.non_null(schema)
        kinds = schema.get("type")
        if isinstance(kinds, list):
            return set(kinds) - {"null"}
        if kinds:
            return {kinds}
        found: set[str] = set()
        for branch in self.branches(schema):
            if branch.get("type") != "null":
                found |= self.types(branch) or {"any"}
        return found - {"any"} if "any" not in found else set()

    def properties(self, schema: Any) -> dict[str, dict[str, Any]]:
        """Property name -> its resolved schema."""
        schema = self.non_null(schema)
        return {name: self.resolve(prop) for name, prop in schema.get("properties", {}).items()}

    def required(self, schema: Any) -> tuple[str, ...]:
        return tuple(self.non_null(schema).get("required", ()))

    def declared_default(self, schema: Any) -> tuple[bool, Any]:
        """``(True, value)`` when the schema states the API's default (``x-default``, or ``default``)."""
        schema = self.resolve(schema)
        for key in ("x-default", "default"):
            if key in schema:
                return True, schema[key]
        return False, None

    def omitted_values(self, request_schema: Any, object_schema: Any) -> dict[str, Any]:
        """What each field of the object becomes when a request that could set it leaves it out.

        A field the request schema offers takes its declared default (``x-default``); without one a
        nullable field is null. Fields the request cannot set (ids, timestamps) are not listed.
        """
        offered = self.properties(request_schema)
        values: dict[str, Any] = {}
        for name, prop in self.properties(object_schema).items():
            if name not in offered:
                continue
            known, value = self.declared_default(offered[name])
            if known:
                values[name] = value
            elif self.is_nullable(prop):
                values[name] = None
        return values

    def annotated(self, schema: Any, keyword: str) -> list[tuple[tuple[str, ...], Any]]:
        """Every property below ``schema`` carrying the extension ``keyword``, with its path.

        Follows references, nullable unions and nested objects (not array items): e.g.
        ``[(("tool_resources", "file_search", "vector_stores"), {...})]`` for ``x-answered-as``.
        """
        found: list[tuple[tuple[str, ...], Any]] = []

        def walk(node: Any, path: tuple[str, ...], seen: frozenset[int]) -> None:
            node = self.resolve(node)
            if not isinstance(node, dict) or id(node) in seen:
                return
            seen = seen | {id(node)}
            for branch in self.branches(node):
                walk(branch, path, seen)
            for name, prop in node.get("properties", {}).items():
                prop = self.resolve(prop)
                if keyword in prop:
                    found.append(((*path, name), prop[keyword]))
                walk(prop, (*path, name), seen)

        walk(schema, (), frozenset())
        return found


def coerce_text(raw: str, schema: dict[str, Any]) -> Any:
    """A value sent as text (a query parameter, a header) as the JSON type its schema asks for: an
    integer, a number or a boolean when it reads as one, else the text itself."""
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else list(kinds or [])
    if "integer" in kinds or "number" in kinds:
        try:
            return int(raw)
        except ValueError:
            pass
        try:
            number = float(raw)
        except ValueError:
            return raw
        if not math.isfinite(number):
            return raw
        if "integer" in kinds and number.is_integer():
            return int(number)
        return number
    if "boolean" in kinds and raw in ("true", "false"):
        return raw == "true"
    return raw
