"""How a sent value and a stored value are compared: what was written must be what is read back.

Free-form maps (e.g. `metadata`, replaced whole) must match exactly; objects with declared properties
(e.g. a tool) may come back with more of their declared properties filled in by the server (a live
API adds defaults); arrays keep length and order; strings are never shortened.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from assistants_spec import ProfileView

_MAX_SHOWN = 80
_MAX_LISTED = 10


def show(value: Any) -> str:
    text = repr(value)
    if len(text) > _MAX_SHOWN:
        text = f"{text[:_MAX_SHOWN]}... ({len(text)} chars)"
    return text


def explain(what: str, problems: list[str]) -> str:
    """A violation message: what was expected, then the (first few) differences, one a line."""
    return what + ":\n  " + "\n  ".join(problems[:_MAX_LISTED])


def _is_free_form_map(spec: ProfileView, schema: dict[str, Any] | None) -> bool:
    if schema is None:
        return False
    schema = spec.non_null(schema)
    return isinstance(schema.get("additionalProperties"), dict) and not schema.get("properties")


def _same(a: Any, b: Any) -> bool:
    # JSON has one number type: 25 and 25.0 are the same value; True is not 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        # Compared as IEEE doubles, the interoperable reading of a JSON number (RFC 8259, section 6):
        # -6.156595420108397e+16 and -61565954201083970 are one value written two ways, as a
        # JavaScript gateway re-serializes it; integers beyond 2**53 are not interoperable anyway.
        try:
            return float(a) == float(b)
        except OverflowError:
            return a == b
    if isinstance(a, (int, float)) or isinstance(b, (int, float)):
        return False
    return type(a) is type(b) and a == b


def same_json(a: Any, b: Any) -> bool:
    """Whether two decoded JSON values are the same JSON value (``False`` is not ``0``; ``1`` is
    ``1.0``), containers deeply. Cheap enough for every exchange the proxy sees."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return False
    return _same(a, b)


def value_differences(
    path: str, sent: Any, got: Any, *, exact_maps: bool, words: tuple[str, str] = ("sent", "got")
) -> list[str]:
    """Differences between an expected value (`sent`) and an actual one; `words` name the two sides."""
    before, after = words
    if isinstance(sent, dict) and isinstance(got, dict):
        problems = []
        if exact_maps and set(sent) != set(got):
            missing, extra = sorted(set(sent) - set(got)), sorted(set(got) - set(sent))
            problems.append(
                f"{path}: keys differ ({before} {sorted(sent)}, {after} {sorted(got)}; "
                f"missing {missing}, unexpected {extra})"
            )
        for key, value in sent.items():
            if key not in got:
                if not exact_maps:
                    problems.append(f"{path}.{key}: {before} {show(value)} but it is missing")
                continue
            problems += value_differences(
                f"{path}.{key}", value, got[key], exact_maps=exact_maps, words=words
            )
        return problems
    if isinstance(sent, list) and isinstance(got, list):
        if len(sent) != len(got):
            return [f"{path}: {before} {len(sent)} items, {after} {len(got)}"]
        problems = []
        for i, (a, b) in enumerate(zip(sent, got)):
            problems += value_differences(f"{path}[{i}]", a, b, exact_maps=exact_maps, words=words)
        return problems
    if not _same(sent, got):
        if isinstance(sent, str) and isinstance(got, str) and sent.startswith(got):
            return [f"{path}: {before} {len(sent)} characters, {after} {len(got)} (truncated)"]
        return [f"{path}: {before} {show(sent)}, {after} {show(got)}"]
    return []


def field_differences(spec: ProfileView, operation_id: str, sent: dict[str, Any], got: Any) -> list[str]:
    """Differences between the fields of a write's request body and the object the server returned.

    Only fields the answer's schema defines are compared: a request field the object does not have
    (write-only, e.g. ``reasoning_effort``) or a create-time helper the answer shows in another form
    (``x-answered-as``) has nothing to be compared with.
    """
    if not isinstance(got, dict):
        return [f"expected an object, got {show(got)}"]
    request_schema = spec.request_schema(operation_id)
    fields = spec.properties(request_schema)
    answered = spec.properties(spec.response_schema(operation_id))
    sent = _without_helpers(spec, request_schema, sent)
    problems = []
    for name, value in sent.items():
        if name not in fields or name not in answered:
            continue  # not a field of the object (a negative case that was accepted is another check's job)
        if name not in got:
            problems.append(f"{name}: sent {show(value)} but the object has no {name!r}")
            continue
        if value is None:
            # An explicit null clears the field: it comes back null, empty (a map of empty values
            # too), or as the default the spec declares for it; a number may fall back to its default.
            known, default = spec.declared_default(fields[name])
            cleared = _is_empty(got[name]) or (known and same_json(got[name], default))
            if not cleared and not (isinstance(got[name], (int, float)) and not isinstance(got[name], bool)):
                problems.append(f"{name}: sent null, got {show(got[name])}")
            continue
        exact = _is_free_form_map(spec, fields[name])
        problems += value_differences(name, value, got[name], exact_maps=exact)
    return problems


def _is_empty(value: Any) -> bool:
    """null, or a map or list holding nothing but empty values ({"file_search": {"ids": []}})."""
    if value is None:
        return True
    if isinstance(value, dict):
        return all(_is_empty(item) for item in value.values())
    if isinstance(value, list):
        return not value
    return False


def _without_helpers(
    spec: ProfileView, request_schema: dict[str, Any], sent: dict[str, Any]
) -> dict[str, Any]:
    """``sent`` without the create-time helpers (``x-answered-as``) the answer shows differently."""
    stripped = copy.deepcopy(sent)
    for path, _ in spec.annotated(request_schema, "x-answered-as"):
        parent: Any = stripped
        for part in path[:-1]:
            parent = parent.get(part) if isinstance(parent, dict) else None
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
    return stripped


def object_differences(first: Any, second: Any, words: tuple[str, str] = ("was", "now")) -> list[str]:
    """Field-by-field differences between two renderings of the same object (must be identical)."""
    if not isinstance(first, dict) or not isinstance(second, dict):
        return [] if same_json(first, second) else [f"{show(first)} != {show(second)}"]
    problems = []
    for key in sorted(set(first) | set(second)):
        if key not in second:
            problems.append(f"{key}: {words[0]} {show(first[key])}, {words[1]} missing")
        elif key not in first:
            problems.append(f"{key}: {words[0]} missing, {words[1]} {show(second[key])}")
        else:
            problems += value_differences(key, first[key], second[key], exact_maps=True, words=words)
    return problems


def _answer_fields(spec: ProfileView, operation_id: str) -> set[str] | None:
    try:
        return set(spec.properties(spec.response_schema(operation_id)))
    except KeyError:
        return None


def spec_fields(spec: ProfileView, operation_id: str, value: Any) -> Any:
    """``value`` (an object the operation answers with) without the fields the spec does not define:
    a server's own additions (e.g. ``updated_at``) are not judged."""
    known = _answer_fields(spec, operation_id)
    if not isinstance(value, dict) or not known:
        return value
    return {key: item for key, item in value.items() if key in known}


def extra_fields(spec: ProfileView, operation_id: str, value: Any) -> list[str]:
    """The fields of ``value`` the operation's answer schema does not define."""
    known = _answer_fields(spec, operation_id)
    if not isinstance(value, dict) or not known:
        return []
    return sorted(key for key in value if key not in known)


def first_field(problems: list[str]) -> str:
    """The top-level field the first difference is about (differences start with the field's path)."""
    match = re.match(r"[A-Za-z0-9_$-]+", problems[0]) if problems else None
    return match.group(0) if match else ""
