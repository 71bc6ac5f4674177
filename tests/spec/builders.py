"""Values for the tables in tests/spec: short builders for long strings, lists and metadata maps, and
placing a value at a dotted path (``a.b[0].c``) inside a copy of a base body."""

from __future__ import annotations

import copy
import re
from typing import Any

ABSENT = object()
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def build(value: Any) -> Any:
    """``{repeat: {char, times}}`` a string, ``{items: {value, times}}`` a list, ``{pairs: {count,
    key_len, value_len}}`` a metadata map, ``{absent: true}`` no value at all; anything else as is."""
    if isinstance(value, dict) and len(value) == 1:
        ((kind, spec),) = value.items()
        if kind == "repeat":
            return spec["char"] * spec["times"]
        if kind == "items":
            return [copy.deepcopy(spec["value"]) for _ in range(spec["times"])]
        if kind == "pairs":
            return {
                f"{i:0{spec['key_len']}d}"[-spec["key_len"] :]: "v" * spec["value_len"]
                for i in range(spec["count"])
            }
        if kind == "absent":
            return ABSENT
    return value


def place(base: Any, field: str, value: Any) -> Any:
    """A copy of ``base`` with ``value`` at ``field`` (missing objects on the way are created);
    ``ABSENT`` removes the field instead."""
    body = copy.deepcopy(base)
    steps = [name if name else int(index) for name, index in _STEP.findall(field)]
    target = body
    for step in steps[:-1]:
        target = target[step] if isinstance(step, int) else target.setdefault(step, {})
    leaf = steps[-1]
    if value is ABSENT:
        if isinstance(target, dict):
            target.pop(leaf, None)
    else:
        target[leaf] = value
    return body


def short(value: Any) -> str:
    if value is ABSENT:
        return "(absent)"
    text = repr(value)
    return text if len(text) < 60 else f"{text[:40]}... ({len(text)} chars)"
