"""The spec is a valid OpenAPI 3.1 document, under every profile, and its examples are true."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.spec_schemas import component_validator, schema_validator


def test_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    validate(document)


def _media_examples(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    def media_of(body: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in body:
            body = document["components"]["responses"][body["$ref"].rsplit("/", 1)[-1]]
        return body.get("content") or {}

    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            bodies = {"request": operation.get("requestBody") or {}, **operation["responses"]}
            for where, body in bodies.items():
                for media_type, media in media_of(body).items():
                    for name, example in (media.get("examples") or {}).items():
                        label = f"{method.upper()} {path} {where} {media_type} example {name!r}"
                        yield label, media["schema"], example["value"]


def test_every_media_example_validates_against_its_schema(document: dict[str, Any]) -> None:
    checked = 0
    for label, schema, value in _media_examples(document):
        errors = list(schema_validator(document, schema).iter_errors(value))
        assert not errors, f"{label}: {[e.message for e in errors]}"
        checked += 1
    assert checked >= 8, "the documents' examples are missing from the spec"


def test_every_schema_example_validates(document: dict[str, Any]) -> None:
    checked = 0
    for name, schema in document["components"]["schemas"].items():
        for value in schema.get("examples") or []:
            errors = list(component_validator(document, name).iter_errors(value))
            assert not errors, f"components.schemas.{name} example {value!r}: {[e.message for e in errors]}"
            checked += 1
    assert checked >= 1


def test_every_error_response_example_has_a_documented_shape(document: dict[str, Any]) -> None:
    for name, response in document["components"]["responses"].items():
        for media in response["content"].values():
            for example_name, example in media["examples"].items():
                errors = list(schema_validator(document, media["schema"]).iter_errors(example["value"]))
                assert not errors, f"responses.{name} example {example_name}: {[e.message for e in errors]}"


@pytest.mark.parametrize("name", ["x-request-id", "x-portkey-trace-id"])
def test_success_responses_document_the_headers_clients_read(document: dict[str, Any], name: str) -> None:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                assert name in operation["responses"]["200"]["headers"], f"{method} {path}"
