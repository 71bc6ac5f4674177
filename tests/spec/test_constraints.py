"""Every constraint the documents state is enforced by the spec's schemas, at its exact boundary.

The constraints come from documented_constraints.yaml (transcribed from the documents, not from the
spec), so loosening, tightening or dropping a limit in spec/openapi.yaml fails here.
"""

from __future__ import annotations

import pathlib
import re
from typing import Any

import assistants_spec
import pytest
import yaml

from tests.spec.builders import build, place, short
from tests.spec_schemas import component_validator

CASES = yaml.safe_load((pathlib.Path(__file__).with_name("documented_constraints.yaml")).read_text())
DEFAULT_BASE = {"model": "gpt-4-turbo"}


def cases(kind: str):
    for case in CASES:
        for raw in case[kind]:
            label = f"{case['schema']}.{case['field']}={short(build(raw))}"
            yield pytest.param(case, raw, id=re.sub(r"\s+", " ", label))


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return assistants_spec.load_spec().document()


@pytest.mark.parametrize(("case", "raw"), list(cases("valid")))
def test_documented_valid_value_is_accepted(document: dict[str, Any], case: dict[str, Any], raw: Any) -> None:
    body = place(case.get("base", DEFAULT_BASE), case["field"], build(raw))
    errors = [e.message for e in component_validator(document, case["schema"]).iter_errors(body)]
    assert not errors, f"{case['doc']}: the spec refuses a value the documents allow: {errors}"


@pytest.mark.parametrize(("case", "raw"), list(cases("invalid")))
def test_documented_invalid_value_is_refused(
    document: dict[str, Any], case: dict[str, Any], raw: Any
) -> None:
    body = place(case.get("base", DEFAULT_BASE), case["field"], build(raw))
    assert not component_validator(document, case["schema"]).is_valid(body), (
        f"{case['doc']}: the spec accepts {short(build(raw))} for {case['field']}, which the documents forbid"
    )


def _list_parameter(document: dict[str, Any], name: str) -> dict[str, Any]:
    for parameter in document["paths"]["/assistants"]["get"]["parameters"]:
        if parameter.get("name") == name:
            schema = parameter["schema"]
            if "$ref" in schema:
                schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
            return schema
    raise AssertionError(f"listAssistants has no {name!r} query parameter")


def test_list_limit_is_1_to_100_default_20(document: dict[str, Any]) -> None:
    """'Limit can range between 1 and 100, and the default is 20.'"""
    assert _list_parameter(document, "limit") == {
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
        "default": 20,
    }


def test_list_order_is_asc_or_desc_default_desc(document: dict[str, Any]) -> None:
    """'order enum<string> default:desc Available options: asc, desc'"""
    schema = _list_parameter(document, "order")
    assert (schema["type"], sorted(schema["enum"]), schema["default"]) == ("string", ["asc", "desc"], "desc")


@pytest.mark.parametrize("name", ["after", "before"])
def test_list_cursors_are_optional_strings(document: dict[str, Any], name: str) -> None:
    assert _list_parameter(document, name) == {"type": "string"}
