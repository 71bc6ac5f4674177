"""Facts the tests read from the spec instead of restating them (limits, defaults, enums)."""

from __future__ import annotations

from typing import Any

import assistants_spec


def component(name: str, profile: str | None = None) -> dict[str, Any]:
    document = assistants_spec.load(profile)
    return document["components"]["schemas"][name]


def request_property(field: str, operation: str = "post", profile: str | None = None) -> dict[str, Any]:
    """The resolved schema of ``field`` in the create (post) body under ``profile``."""
    document = assistants_spec.load(profile)
    media = document["paths"]["/assistants"][operation]["requestBody"]["content"]["application/json"]
    body = assistants_spec.resolve(document, media["schema"])
    return assistants_spec.resolve(document, body["properties"][field])


def list_parameter(name: str) -> dict[str, Any]:
    document = assistants_spec.load()
    for parameter in document["paths"]["/assistants"]["get"]["parameters"]:
        parameter = assistants_spec.resolve(document, parameter)
        if parameter["name"] == name:
            return {**parameter, "schema": assistants_spec.resolve(document, parameter["schema"])}
    raise KeyError(name)
