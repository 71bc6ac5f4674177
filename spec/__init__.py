"""The Assistants API contract: ``openapi.yaml`` beside this file is the single source of truth.

Everything else (the mock, the contract suite, the client generator) loads the document through
this module, so that the v1 profile is derived from the one document in one place.
"""

from __future__ import annotations

import copy
import functools
import pathlib
from typing import Any

import yaml

SPEC_PATH = pathlib.Path(__file__).with_name("openapi.yaml")
_SCHEMA_REF = "#/components/schemas/"


class UnknownProfileError(ValueError):
    """Raised for a profile name that ``x-beta-profiles`` does not define."""


@functools.lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _profiles_block() -> dict[str, Any]:
    return _raw()["x-beta-profiles"]


def profiles() -> list[str]:
    """Names of the profiles the spec defines (e.g. ``["v2", "v1"]``)."""
    return list(_profiles_block()["profiles"])


def default_profile() -> str:
    return _profiles_block()["default"]


def beta_header_name() -> str:
    return _profiles_block()["header"]


def beta_header_value(profile: str | None = None) -> str:
    """The ``OpenAI-Beta`` value that selects ``profile`` (``assistants=v2`` for v2)."""
    return _profile(profile)["header-value"]


def profile_for_header(value: str | None) -> str | None:
    """The profile an ``OpenAI-Beta`` header value selects, or None when it selects none."""
    for name, profile in _profiles_block()["profiles"].items():
        if profile["header-value"] == value:
            return name
    return None


def _profile(profile: str | None) -> dict[str, Any]:
    name = profile or default_profile()
    try:
        return _profiles_block()["profiles"][name]
    except KeyError:
        raise UnknownProfileError(
            f"unknown profile {name!r}; the spec defines {', '.join(profiles())}"
        ) from None


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
    """Media examples written for a replaced schema are replaced by the stand-in's own examples."""
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


def resolve(document: dict[str, Any], node: Any) -> Any:
    """Follow local ``$ref`` chains (``#/components/...``) inside ``document`` to what they name."""
    for _ in range(64):
        if not (isinstance(node, dict) and "$ref" in node):
            return node
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, got {ref!r}")
        target: Any = document
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    raise ValueError(f"reference loop at {node.get('$ref')!r}")


def load(profile: str | None = None) -> dict[str, Any]:
    """A fresh copy of the document as seen under ``profile`` (default: the spec's default).

    Under a non-default profile, references to the schemas the profile replaces point at their
    stand-ins, and the beta header parameter accepts exactly that profile's value.
    """
    chosen = _profile(profile)
    document = copy.deepcopy(_raw())
    mapping = chosen.get("schemas") or {}
    if mapping:
        _swap_media_examples(document, mapping)
        _rewrite_refs(document["paths"], mapping)
        _rewrite_refs(document["components"]["responses"], mapping)
        for name, schema in document["components"]["schemas"].items():
            if name not in mapping:
                _rewrite_refs(schema, mapping)
    for parameter in document["components"]["parameters"].values():
        if parameter.get("in") == "header" and parameter.get("name") == beta_header_name():
            parameter["schema"] = {"type": "string", "enum": [chosen["header-value"]]}
    return document


def dump(profile: str | None = None) -> str:
    """The document under ``profile`` as YAML text, for tools that want a file."""
    return yaml.safe_dump(load(profile), sort_keys=False, allow_unicode=True, width=120)
