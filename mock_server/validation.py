"""Request validation with compiled JSON Schema validators (jsonschema-rs), and error naming.

A failed validation becomes a 400 whose ``param`` names the offending field the way the OpenAI
API does (``tools[3].type``, ``metadata.team``, ``temperature``), derived from the validator's
error path; for a failed ``anyOf``/``oneOf`` the branch the value was evidently meant for is
followed, so that the error names the deepest field rather than the whole union.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistants_spec import Meaning, SchemaReader, Validator

from .errors import ApiError

_MESSAGE_LIMIT = 300

_CODES = {
    "Maximum": "decimal_above_max_value",
    "ExclusiveMaximum": "decimal_above_max_value",
    "Minimum": "decimal_below_min_value",
    "ExclusiveMinimum": "decimal_below_min_value",
    "MaxLength": "string_above_max_length",
    "MinLength": "string_below_min_length",
    "MaxItems": "array_above_max_length",
    "MinItems": "array_below_min_length",
    "MaxProperties": "object_above_max_properties",
    "MinProperties": "object_below_min_properties",
    "Type": "invalid_type",
}
_UNIONS = ("AnyOf", "OneOfNotValid")


def format_path(parts: list[Any]) -> str | None:
    """``['tools', 3, 'type']`` -> ``tools[3].type``; the empty path (the whole body) -> None.

    A field may be named by the empty string: ``['']`` is ``''``, still a field, not the body.
    """
    if not parts:
        return None
    text = ""
    for index, part in enumerate(parts):
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if index else str(part)
    return text


def _kind(error: Any) -> str:
    return type(error.kind).__name__


class SchemaValidator:
    """A compiled schema of the spec model, answering a refused value with the OpenAI 400."""

    def __init__(self, compiled: Validator) -> None:
        self._root = compiled.root
        self._validator = compiled.compiled

    def error(self, instance: Any, prefix: list[Any] | None = None) -> ApiError | None:
        """The 400 for ``instance``, or None when it is valid."""
        if self._validator.is_valid(instance):
            return None
        first = next(iter(self._validator.iter_errors(instance)))
        return self._describe(self._narrow(first), prefix or [])

    def _node(self, schema_path: list[Any]) -> Any:
        node: Any = self._root
        try:
            for part in schema_path:
                node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
        return node

    def _narrow(self, error: Any) -> Any:
        """For a failed union, the error inside the branch the value was meant for."""
        if _kind(error) not in _UNIONS:
            return error
        base = list(error.instance_path)
        branches = [list(b) for b in error.kind.context]
        viable = [b for b in branches if b and not any(self._rules_out(e, base) for e in b)]
        if len(viable) == 1:
            return self._narrow(viable[0][0])
        if (
            not viable
            and branches
            and all(any(_kind(e) == "Type" and list(e.instance_path) == base for e in b) for b in branches)
        ):
            # No member takes a value of this JSON type at all (e.g. a number for a model id).
            return _Pointed(
                base, "invalid_type", f"{_short(repr(error.instance))} is not of an accepted type."
            )
        if not viable:
            # Every branch refused the value on a type tag (a `const`/`enum` one level down):
            # when they all point at the same field, that field is the culprit.
            tag_errors = [e for b in branches for e in b if self._is_tag_error(e, base)]
            if len({tuple(e.instance_path) for e in tag_errors}) == 1:
                shown = ", ".join(repr(v) for v in _accepted_values(tag_errors))
                return _Pointed(
                    list(tag_errors[0].instance_path),
                    "invalid_value",
                    f"invalid value {_short(repr(tag_errors[0].instance))}; supported values are: {shown}.",
                )
        union = self._node(list(error.schema_path)[:-1]) or {}
        tag = (union.get("discriminator") or {}).get("propertyName") if isinstance(union, dict) else None
        if tag is not None:
            if isinstance(error.instance, dict) and tag in error.instance:
                return _Pointed([*base, tag], "invalid_value", "the value fits none of the types it names.")
            return _Pointed(
                [*base, tag], "missing_required_parameter", "missing; it says which type this is."
            )
        return error

    @staticmethod
    def _is_tag_error(error: Any, base: list[Any]) -> bool:
        path = list(error.instance_path)
        return _kind(error) in ("Constant", "Enum") and len(path) == len(base) + 1 and path[:-1] == base

    def _rules_out(self, error: Any, base: list[Any]) -> bool:
        if _kind(error) == "Type" and list(error.instance_path) == base:
            return True
        return self._is_tag_error(error, base)

    def _describe(self, error: Any, prefix: list[Any]) -> ApiError:
        if isinstance(error, _Pointed):
            param = format_path([*prefix, *error.path])
            if error.message is None:
                return ApiError(
                    Meaning.INVALID_REQUEST,
                    f"Missing required parameter: '{param}'.",
                    param=param,
                    code=error.code,
                )
            return ApiError(
                Meaning.INVALID_REQUEST, f"Invalid '{param}': {error.message}", param=param, code=error.code
            )
        kind = _kind(error)
        path = [*prefix, *error.instance_path]
        if kind == "AdditionalProperties":
            param = format_path([*path, error.kind.unexpected[0]])
            return ApiError(
                Meaning.INVALID_REQUEST,
                f"Unknown parameter: '{param}'.",
                param=param,
                code="unknown_parameter",
            )
        if kind == "Required":
            param = format_path([*path, error.kind.property])
            return ApiError(
                Meaning.INVALID_REQUEST,
                f"Missing required parameter: '{param}'.",
                param=param,
                code="missing_required_parameter",
            )
        param = format_path(path)
        where = f"'{param}'" if param else "request body"
        return ApiError(
            Meaning.INVALID_REQUEST,
            f"Invalid {where}: {_short(error.message)}",
            param=param,
            code=_CODES.get(kind, "invalid_value"),
        )


class _Pointed:
    """A union error re-aimed at the field that decided it (e.g. ``tools[3].type``)."""

    def __init__(self, path: list[Any], code: str, message: str | None) -> None:
        self.path = path
        self.code = code
        self.message = message


def _accepted_values(errors: list[Any]) -> list[Any]:
    """The values ``const``/``enum`` errors would have accepted, in order, once each."""
    accepted: list[Any] = []
    for error in errors:
        details = error.kind.as_dict()
        options = [details["expected_value"]] if "expected_value" in details else details.get("options", [])
        accepted += [value for value in options if value not in accepted]
    return accepted


def _short(message: str) -> str:
    return message if len(message) <= _MESSAGE_LIMIT else message[: _MESSAGE_LIMIT - 3] + "..."


# JSON text tokens that matter for nesting: strings (skipped whole) and punctuation.
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]')


def too_deep(raw: bytes, limit: int) -> list[Any] | None:
    """Where JSON text ``raw`` first opens a container more than ``limit`` levels deep (the path to
    it, e.g. ``['tools', 0, 'function', 'parameters', 'a', ...]``), or None when it never does.

    Reads the text rather than the parsed value, so that it answers for any depth, also beyond what
    the JSON parser accepts; text that is not JSON is left for the parser to refuse.
    """
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return None  # cannot nest deeper than it has brackets
    stack: list[list[Any]] = []  # per open container: [kind, current key or index, expecting a key]
    for token in _TOKENS.finditer(raw):
        text = token.group()
        if text in (b"{", b"["):
            if len(stack) >= limit:
                return [frame[1] for frame in stack]
            stack.append([text, None if text == b"{" else 0, text == b"{"])
        elif text in (b"}", b"]"):
            if not stack:
                return None
            stack.pop()
        elif text == b",":
            if stack and stack[-1][0] == b"[":
                stack[-1][1] += 1
            elif stack:
                stack[-1][2] = True
        elif text != b":" and stack and stack[-1][0] == b"{" and stack[-1][2]:
            try:
                stack[-1][1] = json.loads(text)
            except ValueError:
                stack[-1][1] = text[1:-1].decode("utf-8", "replace")
            stack[-1][2] = False
    return None


def described_field(reader: SchemaReader, schema: Any, path: list[Any]) -> list[Any]:
    """The longest start of ``path`` that ``schema`` describes field by field: for a path into a
    free-form value (a function's ``parameters``), the path of that value."""
    named: list[Any] = []
    node = reader.resolve(schema)
    for part in path:
        child = None
        for candidate in (node, *reader.branches(node)):
            if isinstance(part, int):
                child = candidate.get("items") if isinstance(candidate.get("items"), dict) else None
            elif part in (candidate.get("properties") or {}):
                child = candidate["properties"][part]
            elif (
                isinstance(candidate.get("additionalProperties"), dict) and candidate["additionalProperties"]
            ):
                child = candidate["additionalProperties"]
            if child is not None:
                break
        if child is None:
            break
        named.append(part)
        node = reader.resolve(child)
    return named


def nesting_error(reader: SchemaReader, schema: Any, raw: bytes, limit: int) -> ApiError | None:
    """The 400 for a JSON body nested more than ``limit`` levels deep, naming the field, or None."""
    path = too_deep(raw, limit)
    if path is None:
        return None
    param = format_path(described_field(reader, schema, path))
    where = f"'{param}'" if param else "request body"
    return ApiError(
        Meaning.INVALID_REQUEST,
        f"Invalid {where}: JSON nested more than {limit} levels deep; the mock stores at most {limit}.",
        param=param,
        code="nested_too_deep",
    )
