"""Request bodies derived from the spec: its examples, values at its limits, values just past them."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from typing import Any

import schemathesis
from assistants_spec import ProfileView
from schemathesis.generation import GenerationMode

from contract_tests.compare import same_json
from contract_tests.operations import LIST

# Mixed widths (1-4 UTF-8 bytes) so a limit counted in bytes instead of characters shows.
_WIDE_TEXT = "aé€😀"
UNKNOWN_FIELD = "conformance_unknown_field"
_SHORT = 4  # the length of a key or value whose length the spec does not limit


def text_of_length(length: int, seed: str = "") -> str:
    unit = seed + _WIDE_TEXT
    return (unit * (length // len(unit) + 1))[:length]


def example_body(spec: ProfileView, operation_id: str) -> dict[str, Any]:
    """The first request example the spec gives for the operation (create: a full, valid body)."""
    for value in spec.operation(operation_id).body_examples:
        if isinstance(value, dict):
            return copy.deepcopy(value)
    return minimal_instance(spec, spec.request_schema(operation_id))


def _declared_types(spec: ProfileView, schema: Any) -> set[str]:
    """The JSON types a schema itself declares (``type``), null left out; a union declares none."""
    kinds = spec.non_null(schema).get("type")
    if isinstance(kinds, list):
        return set(kinds) - {"null"}
    return {kinds} if kinds else set()


def minimal_instance(spec: ProfileView, schema: dict[str, Any]) -> Any:
    """A small valid value of `schema` (first branch of a union, required properties only)."""
    schema = spec.non_null(schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return minimal_instance(spec, spec.resolve(schema[key][0]))
    if schema.get("examples"):
        return copy.deepcopy(schema["examples"][0])
    kind = next(iter(_declared_types(spec, schema)), "object")
    if kind == "object":
        fields = spec.properties(schema)
        return {name: minimal_instance(spec, fields[name]) for name in schema.get("required", [])}
    if kind == "array":
        return []
    if kind == "string":
        return "x" * max(1, int(schema.get("minLength", 1)))
    if kind in ("number", "integer"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    return None


def at_limits(spec: ProfileView, field_schema: dict[str, Any]) -> Any | None:
    """A valid value as large as the spec allows (strings at maxLength, maps at maxProperties...)."""
    schema = spec.non_null(field_schema)
    kinds = _declared_types(spec, schema)
    if "string" in kinds and "maxLength" in schema and "enum" not in schema and "pattern" not in schema:
        return text_of_length(int(schema["maxLength"]))
    if "object" in kinds and isinstance(schema.get("additionalProperties"), dict):
        keys = spec.resolve(schema.get("propertyNames", {}))
        values = spec.resolve(schema["additionalProperties"])
        if not {"maxProperties", "maxLength"} & (set(schema) | set(keys) | set(values)):
            return None  # no limit to be at
        # Where one of the three is not limited, one key (or a short key or value) stands in for it.
        count = int(schema.get("maxProperties", 1))
        key_len = int(keys.get("maxLength", _SHORT))
        value_len = int(values.get("maxLength", _SHORT))
        return {
            text_of_length(key_len, f"{i:02d}"): text_of_length(value_len, f"{i:02d}") for i in range(count)
        }
    if "array" in kinds and "maxItems" in schema:
        item = minimal_instance(spec, spec.resolve(schema["items"]))
        return [copy.deepcopy(item) for _ in range(int(schema["maxItems"]))]
    if kinds & {"number", "integer"} and "maximum" in schema:
        return schema["maximum"]
    return None


@dataclass(frozen=True)
class BadInput:
    param: str  # the field or query parameter the refusal must name
    value: Any
    why: str  # e.g. "name longer than maxLength 256"


def bad_field_values(spec: ProfileView, name: str, field_schema: dict[str, Any]) -> list[BadInput]:
    """Values of one field that the spec rules out, each with the reason."""
    schema = spec.non_null(field_schema)
    kinds = _declared_types(spec, schema)
    bad: list[BadInput] = []
    if "string" in kinds and "maxLength" in schema:
        limit = int(schema["maxLength"])
        bad.append(BadInput(name, text_of_length(limit + 1), f"{name} longer than maxLength {limit}"))
    if kinds & {"number", "integer"}:
        if "maximum" in schema:
            bad.append(BadInput(name, schema["maximum"] + 1, f"{name} above maximum {schema['maximum']}"))
        if "minimum" in schema:
            bad.append(BadInput(name, schema["minimum"] - 1, f"{name} below minimum {schema['minimum']}"))
        bad.append(BadInput(name, "not-a-number", f"{name} given a string"))
    if "array" in kinds:
        if "maxItems" in schema:
            item = minimal_instance(spec, spec.resolve(schema["items"]))
            count = int(schema["maxItems"]) + 1
            bad.append(
                BadInput(name, [copy.deepcopy(item) for _ in range(count)], f"{name} with {count} items")
            )
        bad.append(BadInput(name, "not-a-list", f"{name} given a string"))
    if "object" in kinds and isinstance(schema.get("additionalProperties"), dict):
        if "maxProperties" in schema:
            count = int(schema["maxProperties"]) + 1
            bad.append(BadInput(name, {f"k{i}": "v" for i in range(count)}, f"{name} with {count} keys"))
        key_limit = spec.resolve(schema.get("propertyNames", {})).get("maxLength")
        if key_limit is not None:
            bad.append(BadInput(name, {"k" * (key_limit + 1): "v"}, f"{name} key longer than {key_limit}"))
        value_limit = spec.resolve(schema["additionalProperties"]).get("maxLength")
        if value_limit is not None:
            bad.append(
                BadInput(name, {"k": "v" * (value_limit + 1)}, f"{name} value longer than {value_limit}")
            )
    if "object" in kinds:
        bad.append(BadInput(name, "not-an-object", f"{name} given a string"))
    union = [spec.resolve(b) for key in ("anyOf", "oneOf") for b in schema.get(key, [])]
    enums = [v for b in union + [schema] for v in spec.resolve(b).get("enum", [])]
    if enums and not kinds - {"string"} and not accepts_any_string(spec, schema):
        bad.append(BadInput(name, "conformance-not-a-choice", f"{name} not one of {enums}"))
    if not kinds and not union and schema.get("type") is None:
        return bad
    if "string" in kinds and not bad:
        bad.append(BadInput(name, 12345, f"{name} given a number"))
    return bad


def accepts_any_string(spec: ProfileView, schema: Any) -> bool:
    """Whether some member of ``schema`` takes a free string (``anyOf: [string, enum]`` does: the
    enum only names known values, e.g. model ids, without refusing others)."""
    schema = spec.resolve(schema)
    members = spec.branches(schema)
    if members:
        return any(accepts_any_string(spec, member) for member in members)
    return "string" in spec.types(schema) and not {"enum", "const"} & set(schema)


def other_valid_value(spec: ProfileView, schema: dict[str, Any], current: Any) -> Any | None:
    """A small valid value of ``schema`` that differs from ``current`` (JSON types kept apart), or None."""
    validator = spec.validator(schema)
    members = [spec.resolve(m) for m in spec.branches(schema)] or [spec.resolve(schema)]
    candidates = [minimal_instance(spec, m) for m in members if m.get("type") != "null"]
    candidates += [v for m in members for v in m.get("enum", [])]
    candidates += [c + "-modified" for c in candidates if isinstance(c, str)]
    for candidate in candidates:
        if candidate is not None and not same_json(candidate, current) and validator.is_valid(candidate):
            return candidate
    return None


def bad_bodies(spec: ProfileView, operation_id: str) -> list[BadInput]:
    """Every single-field violation of the operation's body the spec allows us to derive."""
    bad: list[BadInput] = []
    for name, field_schema in spec.properties(spec.request_schema(operation_id)).items():
        bad += bad_field_values(spec, name, field_schema)
    bad.append(BadInput(UNKNOWN_FIELD, True, "a field the spec does not define"))
    return bad


def bad_queries(spec: ProfileView) -> list[BadInput]:
    bad: list[BadInput] = []
    for parameter in spec.operation(LIST).query_parameters:
        schema, name = spec.non_null(parameter.schema), parameter.name
        if "maximum" in schema:
            bad.append(BadInput(name, schema["maximum"] + 1, f"{name} above maximum {schema['maximum']}"))
        if "minimum" in schema:
            bad.append(BadInput(name, schema["minimum"] - 1, f"{name} below minimum {schema['minimum']}"))
        if schema.get("type") == "integer":
            bad.append(BadInput(name, "many", f"{name} not an integer"))
        if "enum" in schema:
            bad.append(BadInput(name, "conformance-not-a-choice", f"{name} not one of {schema['enum']}"))
    return bad


@functools.lru_cache(maxsize=4)
def _schemathesis_schema(spec: ProfileView) -> Any:
    return schemathesis.openapi.from_dict(spec.document)


def body_strategy(spec: ProfileView, operation_id: str) -> Any:
    """Hypothesis strategy of valid bodies for the operation, generated by schemathesis from the spec."""
    op = spec.operation(operation_id)
    operation = _schemathesis_schema(spec)[op.path][op.method]
    return operation.as_strategy(generation_mode=GenerationMode.POSITIVE).map(lambda case: case.body)
