"""Facts the tests read from the spec instead of restating them (limits, defaults, enums)."""

from __future__ import annotations

from typing import Any

import assistants_spec


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def component(name: str, profile: str | None = None) -> dict[str, Any]:
    document = assistants_spec.load(profile)
    return document["components"]["schemas"][name]


def request_property(field: str, operation: str = "post", profile: str | None = None) -> dict[str, Any]:
    """The resolved schema of ``field`` in the create (post) body under ``profile``."""
    document = assistants_spec.load(profile)
    media = document["paths"]["/assistants"][operation]["requestBody"]["content"]["application/json"]
    body = _resolve(document, media["schema"])
    return _resolve(document, body["properties"][field])


def list_parameter(name: str) -> dict[str, Any]:
    document = assistants_spec.load()
    for parameter in document["paths"]["/assistants"]["get"]["parameters"]:
        parameter = _resolve(document, parameter)
        if parameter["name"] == name:
            return {**parameter, "schema": _resolve(document, parameter["schema"])}
    raise KeyError(name)
