"""Comparing JSON values the way the contract means them, guided by the schema.

JSON types stay apart (``true`` is not ``1``; ``1`` and ``1.0`` are one number), and only fields
the schema declares are compared: a server may add fields of its own.
"""

from __future__ import annotations

from typing import Any

from assistants_spec import ProfileView

from contract_tests.compare import same_json as same

_SHOWN = 80


def show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}... ({len(text)} chars)"


def _declared(view: ProfileView, schema: Any) -> dict[str, Any]:
    """Declared properties of an object schema, or of every member of a union (tools, formats)."""
    found = dict(view.properties(schema))
    for branch in view.branches(view.non_null(schema)):
        for name, prop in view.properties(branch).items():
            found.setdefault(name, prop)
    return found


def differences(
    view: ProfileView,
    schema: Any,
    expected: Any,
    got: Any,
    *,
    path: str = "",
    skip: tuple[str, ...] = (),
    words: tuple[str, str] = ("expected", "got"),
    ignored: dict[int, tuple[str, ...]] | None = None,
) -> list[str]:
    """Where ``got`` differs from ``expected`` in a field the schema declares.

    ``skip``: top-level fields not to compare; ``ignored``: fields not to compare wherever an
    object schema appears, by ``id()`` of the resolved schema (e.g. server-set timestamps).
    """
    before, after = words
    declared = _declared(view, schema) if isinstance(expected, dict) and isinstance(got, dict) else {}
    if declared:
        skip = skip + (ignored or {}).get(id(view.non_null(schema)), ())
        problems = []
        for name, prop in declared.items():
            if name in skip or (name not in expected and name not in got):
                continue
            where = f"{path}.{name}" if path else name
            if name not in got:
                problems.append(f"{where}: {before} {show(expected[name])}, {after} nothing")
            elif name not in expected:
                problems.append(f"{where}: {before} nothing, {after} {show(got[name])}")
            else:
                problems += differences(
                    view, prop, expected[name], got[name], path=where, words=words, ignored=ignored
                )
        return problems
    items = view.non_null(schema).get("items") if isinstance(schema, dict) else None
    if isinstance(expected, list) and isinstance(got, list) and items is not None:
        if len(expected) != len(got):
            return [f"{path or 'value'}: {before} {len(expected)} items, {after} {len(got)}"]
        problems = []
        for i, (a, b) in enumerate(zip(expected, got, strict=True)):
            problems += differences(view, items, a, b, path=f"{path}[{i}]", words=words, ignored=ignored)
        return problems
    if not same(expected, got):
        return [f"{path or 'value'}: {before} {show(expected)}, {after} {show(got)}"]
    return []
