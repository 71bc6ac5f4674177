"""Models parse lazily: ``from_dict`` checks the whole object, keeps it, and parses a field that builds
models or enums on its first read. What a user can observe must be what eager parsing gave: equality,
to_dict, unknown fields and tools kept, typed nested access, mutation, copies, pickling, and errors
at the call for a body not in the documented shape."""

from __future__ import annotations

import ast
import copy
import inspect
import json
import pickle
from typing import Any

import assistants_spec
import attrs
import httpx
import pytest
from assistants_client import types
from assistants_client.api.assistants import get_assistant, list_assistants
from assistants_client.errors import ResponseParseError
from assistants_client.models import (
    AssistantObject,
    CodeInterpreterResources,
    CodeInterpreterTool,
    FileSearchRanker,
    FileSearchRankingOptions,
    FileSearchResources,
    FileSearchTool,
    FileSearchToolOverrides,
    FunctionDefinition,
    FunctionParameters,
    FunctionTool,
    ListAssistantsResponse,
    Metadata,
    ResponseFormatOption,
    ToolResources,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import Recorder, response_example


def realistic() -> dict[str, Any]:
    """The spec's support agent: every kind of tool, tool resources, metadata."""
    return response_example("post", "/assistants", "support_agent")


def received(body: Any) -> Any:
    """A body as json.loads gives it (nothing shared with the spec's copy)."""
    return json.loads(json.dumps(body))


def built_by_init(body: dict[str, Any]) -> AssistantObject:
    """The realistic assistant built field by field, as eager parsing built it."""
    code, search, function = body["tools"]
    overrides = search["file_search"]
    parameters = FunctionParameters()
    parameters.additional_properties = function["function"]["parameters"]
    metadata = Metadata()
    metadata.additional_properties = body["metadata"]
    resources = body["tool_resources"]
    return AssistantObject(
        id=body["id"],
        object_=body["object"],
        created_at=body["created_at"],
        name=body["name"],
        description=body["description"],
        model=body["model"],
        instructions=body["instructions"],
        tools=[
            CodeInterpreterTool(type_=code["type"]),
            FileSearchTool(
                type_=search["type"],
                file_search=FileSearchToolOverrides(
                    max_num_results=overrides["max_num_results"],
                    ranking_options=FileSearchRankingOptions(
                        score_threshold=overrides["ranking_options"]["score_threshold"],
                        ranker=FileSearchRanker(overrides["ranking_options"]["ranker"]),
                    ),
                ),
            ),
            FunctionTool(
                type_=function["type"],
                function=FunctionDefinition(
                    name=function["function"]["name"],
                    description=function["function"]["description"],
                    parameters=parameters,
                    strict=function["function"]["strict"],
                ),
            ),
        ],
        metadata=metadata,
        tool_resources=ToolResources(
            code_interpreter=CodeInterpreterResources(file_ids=resources["code_interpreter"]["file_ids"]),
            file_search=FileSearchResources(vector_store_ids=resources["file_search"]["vector_store_ids"]),
        ),
        temperature=body["temperature"],
        top_p=body["top_p"],
        response_format=ResponseFormatOption(body["response_format"]),
    )


def test_a_parsed_model_equals_the_model_built_field_by_field() -> None:
    body = realistic()
    expected = built_by_init(body)
    untouched = AssistantObject.from_dict(received(body))
    assert untouched == expected and expected == untouched
    assert AssistantObject.from_dict(received(body)) == AssistantObject.from_dict(received(body))
    assert repr(AssistantObject.from_dict(received(body))) == repr(expected)
    assert untouched.to_dict() == expected.to_dict() == body


def test_a_changed_model_is_not_equal() -> None:
    one, other = (
        AssistantObject.from_dict(received(realistic())),
        AssistantObject.from_dict(received(realistic())),
    )
    other.tools[2].function.name = "another"
    assert one != other


@pytest.mark.parametrize("read", ["nothing", "tools", "everything typed", "extras"])
def test_to_dict_gives_back_the_json_received_whatever_was_read(read: str) -> None:
    body = {**realistic(), "new_field": {"nested": [1, 2]}}
    body["tools"] = [*body["tools"], {"type": "web_browser", "web_browser": {"domains": ["example.com"]}}]
    parsed = AssistantObject.from_dict(received(body))
    if read == "tools":
        assert parsed.tools[0].type_ == body["tools"][0]["type"]
    elif read == "everything typed":
        attrs.asdict(parsed)
    elif read == "extras":
        assert parsed["new_field"] == body["new_field"]
    assert parsed.to_dict() == body
    assert json.dumps(parsed.to_dict(), sort_keys=True) == json.dumps(body, sort_keys=True)


def test_nested_fields_are_typed_and_read_from_the_json() -> None:
    body = realistic()
    parsed = AssistantObject.from_dict(received(body))
    code, search, function = parsed.tools
    assert isinstance(code, CodeInterpreterTool)
    assert isinstance(search, FileSearchTool) and isinstance(function, FunctionTool)
    assert function.function.name == body["tools"][2]["function"]["name"]
    assert function.function.strict is body["tools"][2]["function"]["strict"]
    assert (
        function.function.parameters["properties"] == body["tools"][2]["function"]["parameters"]["properties"]
    )
    ranking = search.file_search.ranking_options
    assert isinstance(ranking.ranker, FileSearchRanker)
    assert ranking.ranker.value == body["tools"][1]["file_search"]["ranking_options"]["ranker"]
    assert search.file_search.max_num_results == body["tools"][1]["file_search"]["max_num_results"]
    assert (
        parsed.tool_resources.file_search.vector_store_ids
        == body["tool_resources"]["file_search"]["vector_store_ids"]
    )
    assert parsed.metadata.additional_properties == body["metadata"]
    assert isinstance(parsed.response_format, ResponseFormatOption)


def test_a_field_is_parsed_once_and_then_kept() -> None:
    parsed = AssistantObject.from_dict(received(realistic()))
    assert parsed.tools is parsed.tools
    assert parsed.tools[2].function is parsed.tools[2].function
    assert parsed.additional_properties is parsed.additional_properties


def test_changes_after_parsing_show_in_to_dict_and_leave_the_received_json_alone() -> None:
    body = received({**realistic(), "extra": "kept"})
    before = copy.deepcopy(body)
    parsed = AssistantObject.from_dict(body)
    parsed.name = "Renamed"
    parsed.tools[2].function.name = "lookup_order"
    parsed.tools.append(CodeInterpreterTool(type_="code_interpreter"))
    parsed.metadata = None  # a lazy field set before it was ever read
    parsed["added"] = 1  # an unknown field added before the received ones were read
    del parsed["extra"]
    out = parsed.to_dict()
    assert out["name"] == "Renamed" and out["metadata"] is None
    assert out["tools"][2]["function"]["name"] == "lookup_order"
    assert out["tools"][-1] == {"type": "code_interpreter"}
    assert out["added"] == 1 and "extra" not in out
    assert body == before, "the model wrote into the JSON it was given"


def test_unknown_fields_and_tool_types_stay_as_received() -> None:
    unknown_tool = {"type": "computer_use", "display": {"width": 1024}}
    body = received({**realistic(), "reasoning_effort": "high"})
    body["tools"].insert(1, unknown_tool)
    body["tools"][3]["function"]["future"] = True
    body["tool_resources"]["web"] = {"urls": []}
    parsed = AssistantObject.from_dict(body)
    assert parsed.tools[1] == unknown_tool
    assert [type(t) for t in parsed.tools] == [CodeInterpreterTool, dict, FileSearchTool, FunctionTool]
    assert parsed["reasoning_effort"] == "high" and parsed.additional_keys == ["reasoning_effort"]
    assert parsed.tools[3].function["future"] is True
    assert parsed.tool_resources["web"] == {"urls": []}


@pytest.mark.parametrize("read_first", [False, True])
def test_pickle_and_copies_keep_the_whole_model(read_first: bool) -> None:
    parsed = AssistantObject.from_dict(received({**realistic(), "extra": [1]}))
    if read_first:
        parsed.tools[1].file_search.ranking_options.score_threshold = 0.5
    for clone in (pickle.loads(pickle.dumps(parsed)), copy.copy(parsed), copy.deepcopy(parsed)):
        assert clone == parsed and clone.to_dict() == parsed.to_dict()
        assert clone.tools[2].function.name == parsed.tools[2].function.name
    deep = copy.deepcopy(parsed)
    deep.tools[2].function.name = "changed"
    assert parsed.tools[2].function.name != "changed"
    renamed = attrs.evolve(parsed, name="Renamed")
    assert renamed.name == "Renamed" and renamed.tools == parsed.tools


def test_names_that_are_no_field_raise_attribute_error() -> None:
    parsed = AssistantObject.from_dict(received(realistic()))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        parsed.nope  # noqa: B018
    assert not hasattr(parsed, "nope") and getattr(parsed, "nope", 7) == 7
    assert hasattr(parsed, "tools")


def test_type_checkers_see_only_the_declared_attributes() -> None:
    """The lazy ``__getattr__`` is hidden from type checkers, which would otherwise accept any name."""
    tree = ast.parse(inspect.getsource(types.LazyModel))
    guard = next(node for node in ast.walk(tree) if isinstance(node, ast.If))
    assert ast.unparse(guard.test) == "not TYPE_CHECKING"
    assert [f.name for f in guard.body if isinstance(f, ast.FunctionDef)] == ["__getattr__"]
    declared = {a.name for a in attrs.fields(AssistantObject)}
    assert {"id", "tools", "metadata", "tool_resources", "additional_properties"} <= declared


# -- a body not in the documented shape fails at the call -----------------------------------------


def _page(items: list[dict[str, Any]]) -> dict[str, Any]:
    page = received(response_example("get", "/assistants", "three"))
    return {**page, "data": items, "first_id": items[0]["id"], "last_id": items[-1]["id"]}


OWN_FIELD_BREAKAGES = [
    pytest.param(lambda a: a.pop("metadata"), id="required field missing"),
    pytest.param(lambda a: a.pop("id"), id="required plain field missing"),
    pytest.param(lambda a: a.update(object="thread"), id="const differs"),
]
INSIDE_BREAKAGES = [  # (what breaks, how it is read, the field the error names)
    pytest.param(
        lambda a: a["tools"][2].pop("function"),
        lambda a: a.tools,
        "AssistantObject.tools",
        id="function tool without function",
    ),
    pytest.param(
        lambda a: a["tools"][1]["file_search"]["ranking_options"].update(ranker=7),
        lambda a: a.tools[1].file_search.ranking_options.ranker,
        "FileSearchRankingOptions.ranker",
        id="ranker not a string",
    ),
    pytest.param(
        lambda a: a["tool_resources"].update(code_interpreter=[]),
        lambda a: a.tool_resources.code_interpreter,
        "ToolResources.code_interpreter",
        id="resources not an object",
    ),
]


@pytest.mark.parametrize("breakage", OWN_FIELD_BREAKAGES)
def test_an_assistant_of_a_page_missing_its_own_fields_fails_at_the_call(
    make_client, recorder: Recorder, breakage
) -> None:
    items = [received({**realistic(), "id": f"asst_{i}"}) for i in range(20)]
    breakage(items[13])
    recorder.then(httpx.Response(200, json=_page(items), headers={"x-request-id": "req_page"}))
    with pytest.raises(ResponseParseError, match=r"list_assistants: .*not in the documented shape.*req_page"):
        list_assistants.sync(client=make_client())


@pytest.mark.parametrize("breakage, read, field", INSIDE_BREAKAGES)
def test_the_inside_of_an_assistant_on_a_page_is_checked_when_first_read(
    make_client, recorder: Recorder, breakage, read, field: str
) -> None:
    """A page's records are built at the call with their own fields checked; what is inside one is
    checked when read: a typed error naming the field, the other records unaffected."""
    items = [received({**realistic(), "id": f"asst_{i}"}) for i in range(20)]
    breakage(items[13])
    recorder.then(httpx.Response(200, json=_page(items)))
    page = list_assistants.sync(client=make_client())
    bad = page.data[13]
    with pytest.raises(types.ShapeError, match=rf"{field} is not in the documented shape"):
        read(bad)
    with pytest.raises(types.ShapeError):
        bad.to_dict()
    assert not issubclass(types.ShapeError, AttributeError)  # getattr(model, name, default) must not hide it
    assert all(a.to_dict() == item for a, item in zip(page.data, items, strict=True) if a is not bad)
    assert (bad.id, bad.name) == (items[13]["id"], items[13]["name"])


@pytest.mark.parametrize("breakage", [*OWN_FIELD_BREAKAGES, *(b.values[0] for b in INSIDE_BREAKAGES)])
def test_a_single_assistant_not_in_the_documented_shape_fails_at_the_call(
    make_client, recorder: Recorder, breakage
) -> None:
    body = received(realistic())
    breakage(body)
    recorder.then(httpx.Response(200, json=body, headers={"x-request-id": "req_one"}))
    with pytest.raises(ResponseParseError, match=r"get_assistant: .*not in the documented shape.*req_one"):
        get_assistant.sync(realistic()["id"], client=make_client())


def test_a_page_with_new_tools_and_fields_parses(make_client, recorder: Recorder) -> None:
    items = [received({**realistic(), "id": f"asst_{i}", "new": i}) for i in range(20)]
    items[7]["tools"].append({"type": "mcp", "server": "x"})
    recorder.then(httpx.Response(200, json=_page(items)))
    page = list_assistants.sync(client=make_client())
    assert page.to_dict() == _page(items)
    assert page.data[7].tools[-1] == {"type": "mcp", "server": "x"} and page.data[19]["new"] == 19


# -- what from_dict accepts, later reads never refuse ------------------------------------------------


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


BODY = realistic()
PATHS = _paths(BODY)
JUNK = [None, 0, 1.5, True, "x", "", [], [1], {}, {"type": "function"}, {"type": "file_search"}]


def _mutate(body: dict[str, Any], path: tuple, action: str, junk: Any) -> None:
    holder = body
    for step in path[:-1]:
        holder = holder[step]
    if action == "delete":
        if isinstance(holder, dict):
            del holder[path[-1]]
        else:
            holder.pop(path[-1])
    else:
        holder[path[-1]] = copy.deepcopy(junk)


def _get_validator():
    view = assistants_spec.load_spec().view()
    # The answer's schema itself: response_validator("getAssistant", 200) builds a JSON pointer with
    # the path's unescaped braces, which jsonschema_rs refuses as a URI.
    return view.validator(view.operation("getAssistant").response(200).schema)


VALIDATOR = _get_validator()
MUTATION = st.tuples(st.sampled_from(PATHS), st.sampled_from(["delete", "replace"]), st.sampled_from(JUNK))


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_what_from_dict_accepts_is_read_in_full_without_error(mutations) -> None:
    body = received(BODY)
    for path, action, junk in mutations:
        try:
            _mutate(body, path, action, junk)
        except (KeyError, IndexError, TypeError):  # an earlier mutation removed the path
            pass
    try:
        parsed = AssistantObject.from_dict(received(body))
    except (KeyError, ValueError, TypeError):
        # Refused at once, as eager parsing did: fine, unless the spec itself accepts the body.
        assert not VALIDATOR.is_valid(body), f"from_dict refuses a body the spec accepts: {body}"
        return
    # Accepted: reading every field, at any depth, must not raise now.
    parsed.to_dict()
    attrs.asdict(parsed)
    copy.deepcopy(parsed)
    if VALIDATOR.is_valid(body):
        assert parsed.to_dict() == body


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_a_page_is_refused_at_once_or_read_in_full_or_refused_field_by_field(mutations) -> None:
    body = received(BODY)
    for path, action, junk in mutations:
        try:
            _mutate(body, path, action, junk)
        except (KeyError, IndexError, TypeError):
            pass
    try:
        page = ListAssistantsResponse.from_dict(_page([received(BODY), body]))
    except (KeyError, ValueError, TypeError):
        return
    assert page.data[0].to_dict() == BODY
    try:
        page.data[1].to_dict()
    except types.ShapeError:
        # Refused on read: only for what the check of a whole object refuses too.
        with pytest.raises((KeyError, ValueError, TypeError)):
            AssistantObject.from_dict(received(body))


def test_get_refuses_a_function_tool_without_function_at_the_call(make_client, recorder: Recorder) -> None:
    body = received(realistic())
    del body["tools"][2]["function"]
    recorder.then(httpx.Response(200, json=body, headers={"x-request-id": "req_bad"}))
    with pytest.raises(ResponseParseError, match=r"FunctionTool requires function"):
        get_assistant.sync(body["id"], client=make_client())
