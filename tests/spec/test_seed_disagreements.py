"""Where the seeds (Portkey's pages, a third-party copy of OpenAI's v1 page) and the real API disagree,
the spec follows the real API and records the disagreement in `x-seed-disagreements`, so a reader
knows why the spec says something the pages do not. One test per disagreement, by name."""

from __future__ import annotations

from typing import Any

import assistants_spec
import pytest

from tests.spec_schemas import component_validator

SPEC = assistants_spec.load_spec().document()
ENTRIES = {entry["id"]: entry for entry in SPEC["x-seed-disagreements"]["entries"]}
V1_OBJECT = {
    "id": "asst_abc123",
    "object": "assistant",
    "created_at": 1698984975,
    "name": None,
    "description": None,
    "model": "gpt-4-turbo",
    "instructions": None,
    "tools": [],
    "file_ids": [],
    "metadata": {},
}


def _recorded(entry_id: str) -> dict[str, Any]:
    entry = ENTRIES[entry_id]
    node: Any = SPEC
    for part in entry["where"].removeprefix("#/").split("/"):
        part = part.replace("~1", "/")
        node = node[int(part)] if isinstance(node, list) else node[part]
    assert entry["seeds"] and entry["real-api"]
    assert set(entry["sources"]) <= set(SPEC["x-sources"])
    return node


def test_every_recorded_disagreement_has_a_test_here() -> None:
    tested = {name.removeprefix("test_").replace("_", "-") for name in globals() if name.startswith("test_")}
    assert set(ENTRIES) <= tested, sorted(set(ENTRIES) - tested)


@pytest.mark.parametrize("schema", ["CreateAssistantRequest", "ModifyAssistantRequest"])
def test_response_format_none(schema: str) -> None:
    """The seeds list `none`; OpenAI removed it in August 2024 and the API refused it."""
    node = _recorded("response-format-none")
    assert node["enum"] == ["auto"]
    assert "none" in node["description"], "the description must say why `none` is missing"
    base = {"model": "gpt-4o"} if schema.startswith("Create") else {}
    assert not component_validator(SPEC, schema).is_valid({**base, "response_format": "none"})
    assert component_validator(SPEC, schema).is_valid({**base, "response_format": "auto"})


@pytest.mark.parametrize(
    ("schema", "base"),
    [
        ("CreateAssistantRequest", {"model": "gpt-4o"}),
        ("ModifyAssistantRequest", {}),
        (
            "AssistantObject",
            {key: value for key, value in V1_OBJECT.items() if key != "file_ids"},
        ),
    ],
)
def test_response_format_null(schema: str, base: dict[str, Any]) -> None:
    """The seeds do not mark `response_format` nullable; the real API took and gave null."""
    _recorded("response-format-null")
    assert component_validator(SPEC, schema).is_valid({**base, "response_format": None})


def test_v1_create_required() -> None:
    """The seeds' v1 page requires instructions, name and tools; the real v1 API only model."""
    node = _recorded("v1-create-required")
    assert node["required"] == ["model"]
    v1 = assistants_spec.load_spec().document("v1")
    assert component_validator(v1, "CreateAssistantRequestV1").is_valid({"model": "gpt-4-turbo"})
    assert not component_validator(v1, "CreateAssistantRequestV1").is_valid({"name": "Math Tutor"})


def test_v1_object_sampling_fields() -> None:
    """The seeds' v1 object requires top_p, temperature and response_format; the real one had none."""
    node = _recorded("v1-object-sampling-fields")
    assert not {"top_p", "temperature", "response_format"} & set(node["properties"])
    v1 = assistants_spec.load_spec().document("v1")
    assert component_validator(v1, "AssistantObjectV1").is_valid(V1_OBJECT)
    create = v1["components"]["schemas"]["CreateAssistantRequestV1"]
    assert not {"top_p", "temperature", "response_format"} & set(create["properties"])


def test_list_before_cursor() -> None:
    """The seeds: a page *ending* with obj_foo; OpenAI: a page *starting* with obj_foo."""
    node = _recorded("list-before-cursor")
    assert node["name"] == "before"
    assert "starting with obj_foo" in node["description"]
