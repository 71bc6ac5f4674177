"""Validate JSON against the spec's own schemas in tests (a response body, an error body, ...)."""

from __future__ import annotations

from typing import Any

import assistants_spec
import jsonschema


def schema_validator(document: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A validator for ``schema`` whose ``#/components/...`` references resolve inside ``document``.

    OpenAPI 3.1 schemas are JSON Schema 2020-12; putting the document's keys beside the schema makes
    the document the root resource, so its local references resolve without a copy of any schema.
    """
    return jsonschema.Draft202012Validator({**document, **schema}, format_checker=jsonschema.FormatChecker())


def component_validator(document: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    return schema_validator(document, {"$ref": f"#/components/schemas/{name}"})


def assert_matches(name: str, value: Any, profile: str | None = None) -> None:
    """Fail with every schema error when ``value`` does not match component schema ``name``."""
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in component_validator(assistants_spec.load_spec().document(profile), name).iter_errors(value)
    ]
    assert not errors, f"does not match {name}: {errors}"
