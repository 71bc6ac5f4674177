"""Where text goes in a request body, found in the spec: slots for the corpus (`contract_tests.corpus`),
bodies carrying texts at their slots, and what an answer holds there."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistants_spec import ProfileView

from contract_tests.scenarios._bodies import minimal_instance

FIELD, BRANCH, ITEM, KEY, VALUE = "field", "branch", "item", "key", "value"
MAP_KEY = "text"  # the key a text sent as a map value is stored under
MAP_VALUE = "v"  # the value a text sent as a map key carries


@dataclass(frozen=True)
class TextSlot:
    """One place in a request body that holds free text."""

    steps: tuple[tuple[str, Any], ...]  # (FIELD, name), (BRANCH, index), (ITEM, None), (KEY|VALUE, None)
    max_length: int | None

    @property
    def field(self) -> str:
        """The top-level body field the slot lives in."""
        return self.steps[0][1]

    @property
    def label(self) -> str:
        """Where the slot is, for messages: ``name``, ``metadata key``, ``tools[].function.description``."""
        text = ""
        for kind, arg in self.steps:
            if kind == FIELD:
                text += f".{arg}" if text else arg
            elif kind == ITEM:
                text += "[]"
            elif kind in (KEY, VALUE):
                text += f" {kind}"
        return text

    def accepts(self, text: str) -> bool:
        return self.max_length is None or len(text) <= self.max_length


_NOT_FREE = frozenset({"enum", "const", "pattern", "format", "anyOf", "oneOf"})


def _is_free_text(spec: ProfileView, schema: dict[str, Any]) -> bool:
    """A string the spec lets hold any text: declared a string itself (not via a union, as a model id
    that may also be one of an enum is), without enum, const, pattern or format."""
    return spec.types(schema) == {"string"} and not _NOT_FREE & set(schema)


def text_slots(
    spec: ProfileView, request_schema: dict[str, Any], answer_schema: dict[str, Any]
) -> list[TextSlot]:
    """Every free-text slot of a request body whose field the answer shows (see the module doc)."""
    answered = spec.properties(answer_schema)
    helpers = {path for path, _ in spec.annotated(request_schema, "x-answered-as")}
    found: list[TextSlot] = []

    def walk(
        schema: Any, steps: tuple[tuple[str, Any], ...], names: tuple[str, ...], seen: frozenset[int]
    ) -> None:
        schema = spec.non_null(schema)
        if id(schema) in seen:
            return
        seen = seen | {id(schema)}
        if _is_free_text(spec, schema):
            found.append(TextSlot(steps, schema.get("maxLength")))
            return
        for index, member in enumerate(spec.branches(schema)):
            # Only objects: a union of scalars is a choice of value (a model id), not text.
            if spec.types(member) == {"object"}:
                walk(member, (*steps, (BRANCH, index)), names, seen)
        for name, prop in spec.properties(schema).items():
            if (*names, name) not in helpers:
                walk(prop, (*steps, (FIELD, name)), (*names, name), seen)
        values = schema.get("additionalProperties")
        if isinstance(values, dict) and not schema.get("properties"):
            keys = spec.resolve(schema.get("propertyNames", {}))
            if not _NOT_FREE & set(keys):
                found.append(TextSlot((*steps, (KEY, None)), keys.get("maxLength")))
            walk(values, (*steps, (VALUE, None)), names, seen)
        items = schema.get("items")
        if isinstance(items, dict) and spec.types(items) != {"string"}:  # strings in arrays are ids
            walk(items, (*steps, (ITEM, None)), names, seen)

    for name, prop in spec.properties(request_schema).items():
        if name in answered and (name,) not in helpers:
            walk(prop, ((FIELD, name),), (name,), frozenset())
    return found


def build(spec: ProfileView, schema: Any, steps: tuple[tuple[str, Any], ...], text: str) -> Any:
    """A small valid value of ``schema`` carrying ``text`` at the place ``steps`` lead to."""
    schema = spec.non_null(schema)
    if not steps:
        return text
    (kind, arg), rest = steps[0], steps[1:]
    if kind == BRANCH:
        return build(spec, spec.branches(schema)[arg], rest, text)
    if kind == FIELD:
        value = minimal_instance(spec, schema)
        value = dict(value) if isinstance(value, dict) else {}
        value[arg] = build(spec, spec.properties(schema)[arg], rest, text)
        return value
    if kind == ITEM:
        return [build(spec, schema["items"], rest, text)]
    if kind == KEY:
        return {text: minimal_instance(spec, spec.resolve(schema["additionalProperties"])) or MAP_VALUE}
    return {MAP_KEY: build(spec, schema["additionalProperties"], rest, text)}


def read(value: Any, steps: tuple[tuple[str, Any], ...]) -> tuple[bool, Any]:
    """What an answer holds at a slot: ``(True, text)``, or ``(False, what is there instead)``.

    For a map key the answer holds the text when the map has that exact key.
    """
    for kind, arg in steps:
        if kind == BRANCH:
            continue
        if kind == FIELD:
            if not isinstance(value, dict) or arg not in value:
                return False, value
            value = value[arg]
        elif kind == ITEM:
            if not isinstance(value, list) or not value:
                return False, value
            value = value[0]
        elif kind == KEY:
            return (True, None) if isinstance(value, dict) else (False, value)
        else:
            if not isinstance(value, dict) or MAP_KEY not in value:
                return False, value
            value = value[MAP_KEY]
    return True, value


def key_kept(value: Any, steps: tuple[tuple[str, Any], ...], text: str) -> tuple[bool, list[str]]:
    """For a map-key slot: whether the map the answer holds has ``text`` as a key (and its keys)."""
    ok, found = read(value, steps[:-1])
    if not ok or not isinstance(found, dict):
        return False, []
    return text in found, list(found)


def shown(text: Any) -> str:
    """A text with every non-ASCII and control character escaped, so that differences show."""
    if not isinstance(text, str):
        return repr(text)
    out = ascii(text)
    return out if len(out) <= 120 else f"{out[:100]}... ({len(text)} code points)"


def assemble(
    spec: ProfileView, request_schema: dict[str, Any], base: dict[str, Any], texts: dict[TextSlot, str]
) -> list[tuple[dict[str, Any], dict[TextSlot, str]]]:
    """Bodies (``base`` plus slots), each with the texts it carries, that together carry every text at
    its slot: slots in the same map share it (a metadata key and a metadata value); others that meet
    in one field go to another body."""
    bodies: list[tuple[dict[str, Any], dict[TextSlot, str]]] = []
    for slot, text in texts.items():
        value = build(spec, request_schema, slot.steps, text)[slot.field]
        for body, carried in bodies:
            taken = {s.field for s in carried}
            current = body.get(slot.field)
            if slot.field not in taken:
                body[slot.field] = value
            elif isinstance(current, dict) and isinstance(value, dict) and not set(current) & set(value):
                body[slot.field] = {**current, **value}
            else:
                continue
            carried[slot] = text
            break
        else:
            bodies.append(({**base, slot.field: value}, {slot: text}))
    return bodies


def differences(slots: dict[TextSlot, str], answer: Any) -> list[str]:
    """Where ``answer`` does not hold each slot's text exactly."""
    problems = []
    for slot, text in slots.items():
        if slot.steps[-1][0] == KEY:
            kept, keys = key_kept(answer, slot.steps, text)
            if not kept:
                problems.append(
                    f"{slot.label}: sent the key {shown(text)}, the keys are {', '.join(map(shown, keys))}"
                )
            continue
        found, got = read(answer, slot.steps)
        if not found or not isinstance(got, str) or got != text:
            problems.append(f"{slot.label}: sent {shown(text)}, got {shown(got)}")
    return problems
