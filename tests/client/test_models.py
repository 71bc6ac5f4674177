"""Every body the spec documents round-trips through the models, and bodies the spec does not know yet
(new tool types, response_format forms, enum values, fields) parse without raising and keep the raw data."""

from __future__ import annotations

import copy
import json
from typing import Any

import assistants_spec
import pytest
from assistants_client import models
from assistants_client.api.assistants import get_assistant
from assistants_client.models import (
    AssistantObject,
    CodeInterpreterTool,
    FileSearchTool,
    FunctionTool,
    ListAssistantsResponse,
    ModifyAssistantRequest,
    ResponseFormatJsonSchema,
    ResponseFormatOption,
)

from .conftest import Recorder, assistant_example

REF = "#/components/schemas/"


def _classes_for(schema: dict[str, Any]) -> list[type]:
    refs = [schema] if "$ref" in schema else schema.get("oneOf", []) + schema.get("anyOf", [])
    names = [r["$ref"][len(REF) :] for r in refs if r.get("$ref", "").startswith(REF)]
    return [getattr(models, name) for name in names if hasattr(models, name)]


def documented_bodies() -> list[Any]:
    """(id, candidate classes, value) for every example in every profile of the spec."""
    found = {}
    for profile in assistants_spec.load_spec().profiles:
        document = assistants_spec.load_spec().document(profile)
        for path, item in document["paths"].items():
            for method, op in item.items():
                if not isinstance(op, dict) or "responses" not in op:
                    continue
                media = [("request", (op.get("requestBody") or {}).get("content", {}))]
                for status, response in op["responses"].items():
                    if "$ref" in response:
                        response = document["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
                    media.append((status, response.get("content", {})))
                for where, content in media:
                    for body in content.values():
                        for name, example in (body.get("examples") or {}).items():
                            key = f"{profile}:{method} {path} {where} {name}"
                            found[key] = (_classes_for(body["schema"]), example["value"])
        for name, schema in document["components"]["schemas"].items():
            for i, value in enumerate(schema.get("examples") or []):
                if isinstance(value, dict) and hasattr(models, name):
                    found[f"{profile}:components/schemas/{name}[{i}]"] = ([getattr(models, name)], value)
    return [pytest.param(classes, value, id=key) for key, (classes, value) in sorted(found.items())]


BODIES = documented_bodies()


def test_the_spec_documents_bodies_for_every_operation() -> None:
    assert len(BODIES) >= 15, "fewer examples than the spec documents: the collector is broken"


def _round_trips(cls: type, value: Any) -> Any:
    parsed = cls.from_dict(copy.deepcopy(value))
    assert json.dumps(parsed.to_dict(), sort_keys=True) == json.dumps(value, sort_keys=True)
    assert cls.from_dict(parsed.to_dict()) == parsed
    return parsed


@pytest.mark.parametrize("classes, value", BODIES)
def test_every_documented_body_round_trips(classes: list[type], value: Any) -> None:
    assert classes, "no generated model for this body's schema"
    failures = []
    for cls in classes:
        try:
            _round_trips(cls, value)
            return
        except (AssertionError, KeyError, ValueError, TypeError) as error:
            failures.append(f"{cls.__name__}: {type(error).__name__} {error}")
    pytest.fail(f"no model round-trips this body: {failures}")


def test_a_modify_request_built_by_the_caller_has_only_its_fields() -> None:
    assert ModifyAssistantRequest(name="x").to_dict() == {"name": "x"}
    assert ModifyAssistantRequest().to_dict() == {}


def _assistant(**changes: Any) -> dict[str, Any]:
    return {**assistant_example(), **changes}


def test_an_unknown_tool_type_is_kept_raw_beside_the_known_ones() -> None:
    unknown = {"type": "web_browser", "web_browser": {"allowed_domains": ["example.com"]}}
    tools = [
        {"type": "code_interpreter"},
        unknown,
        {"type": "file_search"},
        {"type": "function", "function": {"name": "f"}},
    ]
    parsed = _round_trips(AssistantObject, _assistant(tools=tools))
    kinds = [type(tool) for tool in parsed.tools]
    assert kinds == [CodeInterpreterTool, dict, FileSearchTool, FunctionTool]
    assert parsed.tools[1] == unknown


def test_an_unknown_response_format_object_is_kept_raw() -> None:
    unknown = {"type": "xml_schema", "xml_schema": {"root": "assistant"}}
    parsed = _round_trips(AssistantObject, _assistant(response_format=unknown))
    assert parsed.response_format == unknown


def test_an_unknown_response_format_string_is_kept_as_received() -> None:
    parsed = _round_trips(AssistantObject, _assistant(response_format="markdown"))
    assert isinstance(parsed.response_format, ResponseFormatOption)
    assert parsed.response_format.value == "markdown"


def test_a_known_response_format_object_is_typed() -> None:
    form = {
        "type": "json_schema",
        "json_schema": {"name": "answer", "schema": {"type": "object"}, "strict": True},
    }
    parsed = _round_trips(AssistantObject, _assistant(response_format=form))
    assert isinstance(parsed.response_format, ResponseFormatJsonSchema)
    assert parsed.response_format.json_schema.name == "answer"


def test_extra_fields_are_kept_at_every_level() -> None:
    body = _assistant(
        reasoning_effort="high",
        tools=[
            {
                "type": "function",
                "function": {"name": "f", "parameters": {"type": "object"}, "future": 1},
                "note": "n",
            },
            {
                "type": "file_search",
                "file_search": {
                    "max_num_results": 5,
                    "ranking_options": {"ranker": "new_ranker_2027", "score_threshold": 0.5},
                },
            },
        ],
        tool_resources={"code_interpreter": {"file_ids": [], "container": "c1"}, "web": {"urls": []}},
    )
    parsed = _round_trips(AssistantObject, body)
    assert parsed["reasoning_effort"] == "high"
    assert parsed.tools[0]["note"] == "n" and parsed.tools[0].function["future"] == 1
    assert parsed.tools[1].file_search.ranking_options.ranker.value == "new_ranker_2027"
    assert parsed.tool_resources["web"] == {"urls": []}


def test_a_list_page_with_new_fields_and_new_tools_parses_through_the_client(
    make_client, recorder: Recorder
) -> None:
    import httpx

    page = {
        "object": "list",
        "data": [
            _assistant(tools=[{"type": "computer_use"}], response_format={"type": "grammar"}, new_field=[1])
        ],
        "first_id": "asst_abc123",
        "last_id": "asst_abc123",
        "has_more": False,
        "total": 1,
    }
    from assistants_client.api.assistants import list_assistants

    recorder.then(httpx.Response(200, json=page))
    parsed = list_assistants.sync(client=make_client())
    assert isinstance(parsed, ListAssistantsResponse)
    assert parsed.to_dict() == page
    assert parsed.data[0].tools == [{"type": "computer_use"}]


def test_a_known_tool_missing_a_required_field_is_a_clear_error(make_client, recorder: Recorder) -> None:
    import httpx
    from assistants_client.errors import ResponseParseError

    recorder.then(
        httpx.Response(
            200, json=_assistant(tools=[{"type": "function"}]), headers={"x-request-id": "req_bad"}
        )
    )
    with pytest.raises(ResponseParseError, match=r"get_assistant: .*not in the documented shape.*req_bad"):
        get_assistant.sync("asst_abc123", client=make_client())


def test_every_model_keeps_unknown_fields() -> None:
    classes = [
        getattr(models, name) for name in models.__all__ if hasattr(getattr(models, name), "from_dict")
    ]
    assert classes
    for cls in classes:
        assert "additional_properties" in {a.name for a in cls.__attrs_attrs__}, cls.__name__
