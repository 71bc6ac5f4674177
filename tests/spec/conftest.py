from __future__ import annotations

from typing import Any

import jsonschema
import pytest

import assistants_spec


def schema_validator(document: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """A validator for ``schema`` whose ``#/components/...`` references resolve inside ``document``.

    OpenAPI 3.1 schemas are JSON Schema 2020-12; putting the document's keys beside the schema makes
    the document the root resource, so its local references resolve without a copy of any schema.
    """
    root = {**document, **schema}
    return jsonschema.Draft202012Validator(root, format_checker=jsonschema.FormatChecker())


def component_validator(document: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    return schema_validator(document, {"$ref": f"#/components/schemas/{name}"})


@pytest.fixture(params=assistants_spec.profiles())
def profile(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def document(profile: str) -> dict[str, Any]:
    return assistants_spec.load(profile)
