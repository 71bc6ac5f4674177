"""Facts the tests read from the spec model instead of restating them (limits, defaults, enums)."""

from __future__ import annotations

from typing import Any

import assistants_spec


def _view(profile: str | None = None) -> assistants_spec.ProfileView:
    return assistants_spec.load_spec().view(profile)


def component(name: str, profile: str | None = None) -> dict[str, Any]:
    return _view(profile).component(name)


def request_property(
    field: str, operation: str = "createAssistant", profile: str | None = None
) -> dict[str, Any]:
    """The resolved schema of ``field`` in an operation's body (default: create) under ``profile``."""
    view = _view(profile)
    return view.properties(view.request_schema(operation))[field]


def list_parameter(name: str) -> dict[str, Any]:
    """The list operation's query parameter ``name``: its ``schema`` (resolved) and ``required``."""
    parameter = _view().operation("listAssistants").parameter(name)
    return {"name": parameter.name, "required": parameter.required, "schema": parameter.schema}


def id_prefix() -> str:
    """What every assistant id starts with (``x-id-prefix`` on the object's ``id``)."""
    view = _view()
    prefix = view.properties(view.response_schema("getAssistant"))["id"]["x-id-prefix"]
    assert prefix, "the spec states no id prefix"
    return prefix
