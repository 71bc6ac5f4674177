"""Requests are validated by the spec's schemas; the error names the offending field.

Limits are read from the spec here too, so these tests follow the spec as the mock does.
"""

from __future__ import annotations

import pytest
import yaml

from .conftest import make_client
from .harness import MockProcess
from .spec_facts import component, list_parameter, request_property


def error_of(response, status: int = 400) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    return error


def test_missing_required_field_names_it(api):
    error = error_of(api.post("/assistants", json={"name": "x"}))
    assert error["param"] == "model" and error["type"] == "invalid_request_error"
    assert "model" in error["message"]


def test_unknown_field_names_it(api):
    error = error_of(api.post("/assistants", json={"model": "m", "colour": "blue"}))
    assert error["param"] == "colour" and error["code"] == "unknown_parameter"


def test_unknown_field_named_by_the_empty_string_is_named_too(api):
    error = error_of(api.post("/assistants", json={"model": "m", "": 1}))
    assert error["param"] == "" and error["code"] == "unknown_parameter"
    assert "''" in error["message"]


def test_unknown_nested_field_names_its_path(api):
    error = error_of(
        api.post("/assistants", json={"model": "m", "tool_resources": {"code_interpreter": {"x": 1}}})
    )
    assert error["param"] == "tool_resources.code_interpreter.x"


@pytest.mark.parametrize("field", ["name", "description"])
def test_string_over_max_length_is_refused_at_the_documented_limit(api, field):
    limit = request_property(field)["maxLength"]
    assert api.post("/assistants", json={"model": "m", field: "x" * limit}).status_code == 200
    error = error_of(api.post("/assistants", json={"model": "m", field: "x" * (limit + 1)}))
    assert error["param"] == field and error["code"] == "string_above_max_length"


@pytest.mark.parametrize("field", ["temperature", "top_p"])
def test_number_out_of_range_is_refused(api, field):
    schema = request_property(field)
    assert api.post("/assistants", json={"model": "m", field: schema["maximum"]}).status_code == 200
    above = error_of(api.post("/assistants", json={"model": "m", field: schema["maximum"] + 0.5}))
    assert above["param"] == field and above["code"] == "decimal_above_max_value"
    below = error_of(api.post("/assistants", json={"model": "m", field: schema["minimum"] - 0.5}))
    assert below["param"] == field and below["code"] == "decimal_below_min_value"


def test_wrong_type_names_the_field(api):
    error = error_of(api.post("/assistants", json={"model": 5}))
    assert error["param"] == "model" and error["code"] == "invalid_type"


def test_unknown_tool_type_names_the_type_of_that_tool(api):
    tools = [{"type": "code_interpreter"}] * 3 + [{"type": "web_browser"}]
    error = error_of(api.post("/assistants", json={"model": "m", "tools": tools}))
    assert error["param"] == "tools[3].type" and "'web_browser'" in error["message"]
    for branch in component("AssistantTool")["oneOf"]:
        accepted = component(branch["$ref"].rsplit("/", 1)[1])["properties"]["type"]["const"]
        assert repr(accepted) in error["message"]


def test_tool_without_type_names_the_type(api):
    error = error_of(api.post("/assistants", json={"model": "m", "tools": [{}]}))
    assert error["param"] == "tools[0].type" and error["code"] == "missing_required_parameter"


def test_error_inside_a_tool_names_the_deepest_field(api):
    tools = [{"type": "function", "function": {"name": "not valid!"}}]
    error = error_of(api.post("/assistants", json={"model": "m", "tools": tools}))
    assert error["param"] == "tools[0].function.name"
    tools = [{"type": "file_search", "file_search": {"max_num_results": 0}}]
    error = error_of(api.post("/assistants", json={"model": "m", "tools": tools}))
    assert error["param"] == "tools[0].file_search.max_num_results"


def test_too_many_tools(api):
    limit = component("AssistantTools")["maxItems"]
    error = error_of(
        api.post("/assistants", json={"model": "m", "tools": [{"type": "code_interpreter"}] * (limit + 1)})
    )
    assert error["param"] == "tools" and error["code"] == "array_above_max_length"


def test_metadata_limits(api):
    schema = component("Metadata")
    too_many = {f"k{i}": "v" for i in range(schema["maxProperties"] + 1)}
    assert error_of(api.post("/assistants", json={"model": "m", "metadata": too_many}))["param"] == "metadata"
    long_value = {"team": "v" * (schema["additionalProperties"]["maxLength"] + 1)}
    assert (
        error_of(api.post("/assistants", json={"model": "m", "metadata": long_value}))["param"]
        == "metadata.team"
    )
    not_text = {"team": 1}
    assert (
        error_of(api.post("/assistants", json={"model": "m", "metadata": not_text}))["param"]
        == "metadata.team"
    )


def test_response_format_union_names_the_field_inside(api):
    bad = {"type": "json_schema", "json_schema": {"name": "ok", "colour": 1}}
    error = error_of(api.post("/assistants", json={"model": "m", "response_format": bad}))
    assert error["param"] == "response_format.json_schema.colour"
    error = error_of(api.post("/assistants", json={"model": "m", "response_format": {"type": "xml"}}))
    assert error["param"] == "response_format.type"


def test_modify_is_validated_with_its_own_schema(api):
    ident = api.post("/assistants", json={"model": "m"}).json()["id"]
    error = error_of(api.post(f"/assistants/{ident}", json={"temperature": 99}))
    assert error["param"] == "temperature"
    assert error_of(api.post(f"/assistants/{ident}", json={"id": "asst_x"}))["param"] == "id"
    assert api.get(f"/assistants/{ident}").json()["temperature"] != 99


def test_body_must_be_an_object(api):
    for body in (b"[]", b'"text"', b"3", b"null"):
        error = error_of(api.post("/assistants", content=body, headers={"content-type": "application/json"}))
        assert error["param"] is None


def test_list_parameters_are_validated(api):
    schema = list_parameter("limit")["schema"]
    for bad in (schema["minimum"] - 1, schema["maximum"] + 1, "many", "", "1.5"):
        assert error_of(api.get("/assistants", params={"limit": bad}))["param"] == "limit"
    assert error_of(api.get("/assistants", params={"order": "sideways"}))["param"] == "order"
    assert api.get("/assistants", params={"limit": schema["maximum"]}).status_code == 200


def test_a_change_in_the_spec_changes_the_mock(spec_copy, recorder):
    document = yaml.safe_load(spec_copy.read_text())
    document["components"]["schemas"]["AssistantName"]["maxLength"] = 5
    (limit,) = [p for p in document["paths"]["/assistants"]["get"]["parameters"] if p.get("name") == "limit"]
    limit["schema"]["maximum"] = 3
    spec_copy.write_text(yaml.safe_dump(document, sort_keys=False))
    with (
        MockProcess("--db", ":memory:", "--spec", str(spec_copy)) as server,
        make_client(server.url, recorder) as client,
    ):
        assert client.post("/assistants", json={"model": "m", "name": "x" * 5}).status_code == 200
        refused = client.post("/assistants", json={"model": "m", "name": "x" * 6})
        assert refused.status_code == 400 and refused.json()["error"]["param"] == "name"
        assert client.get("/assistants", params={"limit": 4}).json()["error"]["param"] == "limit"
        assert client.get("/assistants", params={"limit": 3}).status_code == 200
