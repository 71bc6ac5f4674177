"""What the spec says, read from the document itself (never restated here): limits, defaults, enums.

Everything is looked up through the operation ids, so a change to the spec changes the checks.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import assistants_spec

CREATE = "createAssistant"
LIST = "listAssistants"
GET = "getAssistant"
MODIFY = "modifyAssistant"
DELETE = "deleteAssistant"


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    raw: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    def url_path(self, assistant_id: str | None = None) -> str:
        return self.path.replace("{assistant_id}", assistant_id or "")


class SpecView:
    def __init__(self, profile: str | None = None) -> None:
        self.profile = profile or assistants_spec.default_profile()
        self.document = assistants_spec.load(self.profile)

    # -- navigation ------------------------------------------------------------------------------
    def resolve(self, node: Any) -> Any:
        return assistants_spec.resolve(self.document, node)

    @functools.cached_property
    def operations(self) -> dict[str, Operation]:
        found = {}
        for path, item in self.document["paths"].items():
            for method, raw in item.items():
                if isinstance(raw, dict) and "operationId" in raw:
                    found[raw["operationId"]] = Operation(raw["operationId"], method.upper(), path, raw)
        return found

    def operation(self, operation_id: str) -> Operation:
        return self.operations[operation_id]

    def operation_for(self, method: str, path: str) -> Operation | None:
        for op in self.operations.values():
            if op.method == method.upper() and op.path == path:
                return op
        return None

    def request_schema(self, operation_id: str) -> dict[str, Any]:
        body = self.resolve(self.operation(operation_id).raw["requestBody"])
        return self.resolve(body["content"]["application/json"]["schema"])

    def response_schema(self, operation_id: str, status: str = "200") -> dict[str, Any]:
        response = self.resolve(self.operation(operation_id).raw["responses"][status])
        return self.resolve(response["content"]["application/json"]["schema"])

    def query_parameter(self, operation_id: str, name: str) -> dict[str, Any]:
        for parameter in self.operation(operation_id).raw.get("parameters", []):
            parameter = self.resolve(parameter)
            if parameter["in"] == "query" and parameter["name"] == name:
                return self.resolve(parameter["schema"])
        raise KeyError(f"{operation_id} has no query parameter {name!r}")

    # -- facts about fields ----------------------------------------------------------------------
    def fields(self, schema_or_operation: dict[str, Any] | str) -> dict[str, dict[str, Any]]:
        """Property name -> its schema, with `$ref`s resolved."""
        schema = (
            self.request_schema(schema_or_operation)
            if isinstance(schema_or_operation, str)
            else schema_or_operation
        )
        return {name: self.resolve(prop) for name, prop in schema.get("properties", {}).items()}

    def required(self, operation_id: str) -> list[str]:
        return list(self.request_schema(operation_id).get("required", []))

    def non_null(self, schema: dict[str, Any]) -> dict[str, Any]:
        """The non-null branch of a nullable schema (`anyOf: [X, null]` or `type: [t, "null"]`)."""
        schema = self.resolve(schema)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                branches = [self.resolve(b) for b in schema[key] if self.resolve(b).get("type") != "null"]
                if len(branches) == 1:
                    return self.non_null(branches[0])
        return schema

    def is_nullable(self, schema: dict[str, Any]) -> bool:
        schema = self.resolve(schema)
        types = schema.get("type")
        if types == "null" or (isinstance(types, list) and "null" in types):
            return True
        return any(self.is_nullable(b) for key in ("anyOf", "oneOf") for b in schema.get(key, []))

    def types(self, schema: dict[str, Any]) -> set[str]:
        schema = self.non_null(schema)
        types = schema.get("type")
        if isinstance(types, list):
            return set(types) - {"null"}
        return {types} if types else set()

    def default(self, schema: dict[str, Any]) -> Any:
        return self.resolve(schema).get("default")

    def list_defaults(self) -> tuple[int, str]:
        """The `limit` and `order` a list uses when the request leaves them out."""
        return self.query_parameter(LIST, "limit")["default"], self.default(
            self.query_parameter(LIST, "order")
        )

    def object_fields(self) -> list[str]:
        """Fields an assistant object carries (from the 200 response schema of getAssistant)."""
        return list(self.response_schema(GET).get("properties", {}))

    def tag_room(self) -> int:
        """How many metadata keys the spec allows (maxProperties of Metadata)."""
        metadata = self.fields(CREATE).get("metadata")
        return int(self.non_null(metadata).get("maxProperties", 0)) if metadata else 0


@functools.lru_cache(maxsize=4)
def spec_view(profile: str | None = None) -> SpecView:
    return SpecView(profile)
