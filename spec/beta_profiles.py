"""Deriving a profile's document (``x-beta-profiles``) from the one document as written.

Under a non-default profile, references to the schemas the profile replaces point at their
stand-ins, media examples written for a replaced schema give way to the stand-in's own, and the
beta header parameter accepts exactly that profile's value.
"""

from __future__ import annotations

import copy
from typing import Any

EXTENSION = "x-beta-profiles"
_SCHEMA_REF = "#/components/schemas/"


class UnknownProfileError(ValueError):
    """Raised for a profile name that ``x-beta-profiles`` does not define."""


def _rewrite_refs(node: Any, mapping: dict[str, str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
            target = mapping.get(ref[len(_SCHEMA_REF) :])
            if target is not None:
                node["$ref"] = _SCHEMA_REF + target
        for value in node.values():
            _rewrite_refs(value, mapping)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, mapping)


def _media_objects(document: dict[str, Any]):
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            bodies = [operation.get("requestBody") or {}, *(operation.get("responses") or {}).values()]
            for body in bodies:
                yield from (body.get("content") or {}).values()


def _reaches(node: Any, targets: set[str], schemas: dict[str, Any], seen: set[str]) -> bool:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_SCHEMA_REF):
            name = ref[len(_SCHEMA_REF) :]
            if name in targets:
                return True
            if name not in seen:
                seen.add(name)
                return _reaches(schemas.get(name), targets, schemas, seen)
            return False
        return any(_reaches(value, targets, schemas, seen) for value in node.values())
    if isinstance(node, list):
        return any(_reaches(value, targets, schemas, seen) for value in node)
    return False


def _swap_media_examples(document: dict[str, Any], mapping: dict[str, str]) -> None:
    schemas = document["components"]["schemas"]
    for media in _media_objects(document):
        ref = (media.get("schema") or {}).get("$ref", "")
        replaced = ref[len(_SCHEMA_REF) :] if ref.startswith(_SCHEMA_REF) else None
        if replaced not in mapping:
            if _reaches(media.get("schema"), set(mapping), schemas, set()):
                # Written for the default shape, so no longer an example of this one.
                media.pop("examples", None)
                media.pop("example", None)
            continue
        media.pop("examples", None)
        media.pop("example", None)
        stand_in_examples = schemas[mapping[replaced]].get("examples")
        if stand_in_examples:
            media["examples"] = {
                f"{mapping[replaced]}_{i}": {"value": value} for i, value in enumerate(stand_in_examples)
            }


class Profiles:
    """The ``x-beta-profiles`` block of a document: names, header values, schema stand-ins."""

    def __init__(self, raw: dict[str, Any]) -> None:
        try:
            self._block = raw[EXTENSION]
            self.header: str = self._block["header"]
            self.default: str = self._block["default"]
            self._profiles: dict[str, Any] = self._block["profiles"]
        except (KeyError, TypeError):
            raise ValueError(
                f"the spec has no usable {EXTENSION} block (header, default, profiles)"
            ) from None
        if self.default not in self._profiles:
            raise ValueError(f"{EXTENSION}: default profile {self.default!r} is not defined")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._profiles)

    def check(self, profile: str | None) -> str:
        name = profile or self.default
        if name not in self._profiles:
            raise UnknownProfileError(f"unknown profile {name!r}; the spec defines {', '.join(self.names)}")
        return name

    def header_value(self, profile: str | None = None) -> str:
        return self._profiles[self.check(profile)]["header-value"]

    def description(self, profile: str | None = None) -> str:
        return self._profiles[self.check(profile)].get("description", "")

    def stand_ins(self, profile: str | None = None) -> dict[str, str]:
        return dict(self._profiles[self.check(profile)].get("schemas") or {})

    def for_header(self, value: str | None) -> str | None:
        """The profile a header value selects. Several betas may share one header, comma-separated
        (``assistants=v2, other=v1``): the first that names a profile counts. Values that only
        resemble one (``assistants=v2beta``) select none."""
        if value is None:
            return None
        for part in value.split(","):
            part = part.strip(" \t")
            for name, profile in self._profiles.items():
                if profile["header-value"] == part:
                    return name
        return None

    def derive(self, raw: dict[str, Any], profile: str | None = None) -> dict[str, Any]:
        """A fresh copy of ``raw`` as seen under ``profile``."""
        name = self.check(profile)
        document = copy.deepcopy(raw)
        mapping = self.stand_ins(name)
        if mapping:
            _swap_media_examples(document, mapping)
            _rewrite_refs(document["paths"], mapping)
            _rewrite_refs(document["components"].get("responses", {}), mapping)
            for schema_name, schema in document["components"]["schemas"].items():
                if schema_name not in mapping:
                    _rewrite_refs(schema, mapping)
        for parameter in document["components"].get("parameters", {}).values():
            if parameter.get("in") == "header" and parameter.get("name") == self.header:
                parameter["schema"] = {"type": "string", "enum": [self.header_value(name)]}
        return document
