"""Free-form JSON fields (a function's `parameters`, a `json_schema`'s `schema`) nested deeper than
the mock stores are refused with a 400 naming the field, at any depth; never a 5xx."""

from __future__ import annotations

import pytest

from mock_server.app import MAX_JSON_DEPTH

from .conftest import V1
from .spec_facts import request_property

JSON = {"content-type": "application/json"}
# The body's own levels above `parameters`: the body, `tools`, the tool, `function`.
ABOVE_PARAMETERS = 4


def nested(levels: int) -> bytes:
    """A JSON object ``levels`` deep: {"a": {"a": ... {"a": 1}}}."""
    return b'{"a":' * levels + b"1" + b"}" * levels


def function_tool(levels: int) -> bytes:
    return b'{"type":"function","function":{"name":"f","parameters":' + nested(levels) + b"}}"


def create_body(levels: int) -> bytes:
    return b'{"model":"m","tools":[' + function_tool(levels) + b"]}"


DEEPEST_STORED = MAX_JSON_DEPTH - ABOVE_PARAMETERS


@pytest.mark.parametrize("levels", [1, 50, DEEPEST_STORED])
def test_parameters_up_to_the_limit_are_stored_and_read_back(api, client_for, levels):
    created = api.post("/assistants", content=create_body(levels), headers=JSON)
    assert created.status_code == 200, created.text
    ident = created.json()["id"]
    parameters = created.json()["tools"][0]["function"]["parameters"]
    depth = 0
    while isinstance(parameters, dict):
        parameters, depth = parameters["a"], depth + 1
    assert depth == levels
    assert api.get(f"/assistants/{ident}").json() == created.json()
    assert api.get("/assistants").json()["data"] == [created.json()]
    assert client_for(beta=V1).get(f"/assistants/{ident}").status_code == 200  # re-serialised for v1


@pytest.mark.parametrize("levels", [DEEPEST_STORED + 1, 250, 255, 1024, 1025, 5000, 100_000])
def test_deeper_parameters_are_a_400_naming_the_field(api, levels):
    for response in (
        api.post("/assistants", content=create_body(levels), headers=JSON),
        api.post(
            f"/assistants/{api.post('/assistants', json={'model': 'm'}).json()['id']}",
            content=b'{"tools":[' + function_tool(levels) + b"]}",
            headers=JSON,
        ),
    ):
        assert response.status_code == 400, response.text[:300]
        error = response.json()["error"]
        assert error["param"] == "tools[0].function.parameters"
        assert error["code"] == "nested_too_deep" and str(MAX_JSON_DEPTH) in error["message"]
    assert len(api.get("/assistants").json()["data"]) == 1  # only the assistant made to modify


def test_other_free_form_fields_are_named_too(api):
    schema = b'{"type":"json_schema","json_schema":{"name":"n","schema":' + nested(300) + b"}}"
    response = api.post(
        "/assistants", content=b'{"model":"m","response_format":' + schema + b"}", headers=JSON
    )
    assert response.status_code == 400
    assert response.json()["error"]["param"] == "response_format.json_schema.schema"
    # A field the spec does not let nest at all: named as deep as the spec describes it.
    response = api.post(
        "/assistants", content=b'{"model":"m","metadata":{"k":' + nested(300) + b"}}", headers=JSON
    )
    assert response.status_code == 400 and response.json()["error"]["param"] == "metadata.k"


def test_deep_arrays_and_brackets_inside_strings(api):
    response = api.post("/assistants", content=b'{"model":"m","tools":' + b"[" * 100_000, headers=JSON)
    assert response.status_code == 400 and response.json()["error"]["param"] == "tools[0]"
    # Brackets inside a string are text, not nesting.
    pairs = request_property("description")["maxLength"] // 2
    assert 2 * pairs > MAX_JSON_DEPTH
    name = b'"' + b"[{" * pairs + b'"'
    response = api.post("/assistants", content=b'{"model":"m","description":' + name + b"}", headers=JSON)
    assert response.status_code == 200
