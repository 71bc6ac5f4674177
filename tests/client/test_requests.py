"""What goes on the wire for all five operations, sync and async: only what the caller set."""

from __future__ import annotations

import json

import pytest
from assistants_client import UNSET
from assistants_client.api.assistants import (
    create_assistant,
    delete_assistant,
    get_assistant,
    list_assistants,
    modify_assistant,
)
from assistants_client.models import (
    AssistantObject,
    CodeInterpreterToolParam,
    CreateAssistantRequest,
    DeleteAssistantResponse,
    ListAssistantsResponse,
    ListOrder,
    ModifyAssistantRequest,
)

from .conftest import Recorder, assistant_example, operation, response_example


def request_example(method: str, path: str) -> dict:
    media = operation(method, path)["requestBody"]["content"]["application/json"]
    return next(iter(media["examples"].values()))["value"]


def test_modify_sends_exactly_the_fields_the_caller_set(make_client, recorder: Recorder) -> None:
    modify_assistant.sync("asst_1", client=make_client(), body=ModifyAssistantRequest(name="x"))
    assert recorder.requests[-1].content == b'{"name":"x"}'
    assert recorder.body() == {"name": "x"}


def test_modify_sends_an_explicit_null_to_clear_a_field(make_client, recorder: Recorder) -> None:
    modify_assistant.sync("asst_1", client=make_client(), body=ModifyAssistantRequest(description=None))
    assert recorder.body() == {"description": None}


def test_create_with_only_a_model_sends_only_the_model(make_client, recorder: Recorder) -> None:
    create_assistant.sync(client=make_client(), body=CreateAssistantRequest(model="gpt-4o"))
    assert recorder.body() == {"model": "gpt-4o"}
    assert recorder.requests[-1].headers["content-type"] == "application/json"


def test_create_sends_the_documents_example_unchanged(make_client, recorder: Recorder) -> None:
    example = request_example("post", "/assistants")
    create_assistant.sync(client=make_client(), body=CreateAssistantRequest.from_dict(example))
    assert recorder.body() == example


def test_create_built_field_by_field_injects_nothing(make_client, recorder: Recorder) -> None:
    body = CreateAssistantRequest(
        model="gpt-4-turbo", name="Math Tutor", tools=[CodeInterpreterToolParam(type_="code_interpreter")]
    )
    create_assistant.sync(client=make_client(), body=body)
    assert recorder.body() == {
        "model": "gpt-4-turbo",
        "name": "Math Tutor",
        "tools": [{"type": "code_interpreter"}],
    }


def test_operations_use_the_documented_method_and_path(make_client, recorder: Recorder) -> None:
    client = make_client()
    deleted = response_example("delete", "/assistants/{assistant_id}", "deleted")
    recorder.then(httpx_json(assistant_example()), httpx_json(deleted))
    get_assistant.sync("asst/1", client=client)
    delete_assistant.sync_detailed("asst_2", client=client)
    assert [(r.method, r.url.raw_path.decode()) for r in recorder.requests] == [
        ("GET", "/v1/assistants/asst%2F1"),  # an id is one path segment, whatever it contains
        ("DELETE", "/v1/assistants/asst_2"),
    ]
    assert recorder.requests[-1].content == b""


def test_list_sends_the_cursor_and_order_given(make_client, recorder: Recorder) -> None:
    page = response_example("get", "/assistants", "empty")
    recorder.then(httpx_json(page))
    result = list_assistants.sync(client=make_client(), order=ListOrder.ASC, after="asst_9", limit=5)
    assert isinstance(result, ListAssistantsResponse) and result.data == []
    params = dict(recorder.requests[-1].url.params)
    assert params == {"order": "asc", "after": "asst_9", "limit": "5"}


def httpx_json(body, status: int = 200, headers: dict | None = None):
    import httpx

    return httpx.Response(status, json=body, headers=headers or {})


def test_each_sync_operation_parses_its_documented_response(make_client, recorder: Recorder) -> None:
    client = make_client()
    deleted = response_example("delete", "/assistants/{assistant_id}", "deleted")
    page = response_example("get", "/assistants", "three")
    recorder.then(
        httpx_json(assistant_example()), httpx_json(assistant_example()), httpx_json(assistant_example())
    )
    recorder.then(httpx_json(page), httpx_json(deleted))
    created = create_assistant.sync(client=client, body=CreateAssistantRequest(model="gpt-4-turbo"))
    fetched = get_assistant.sync("asst_abc123", client=client)
    modified = modify_assistant.sync(
        "asst_abc123", client=client, body=ModifyAssistantRequest(name="Math Tutor")
    )
    listed = list_assistants.sync(client=client)
    removed = delete_assistant.sync("asst_abc123", client=client)
    assert created == fetched == modified == AssistantObject.from_dict(assistant_example())
    assert isinstance(listed, ListAssistantsResponse) and listed.to_dict() == page
    assert isinstance(removed, DeleteAssistantResponse) and removed.deleted is True


@pytest.mark.anyio
async def test_each_async_operation_sends_and_parses_like_sync(make_client, recorder: Recorder) -> None:
    client = make_client()
    deleted = response_example("delete", "/assistants/{assistant_id}", "deleted")
    page = response_example("get", "/assistants", "empty")
    recorder.then(
        httpx_json(assistant_example()), httpx_json(assistant_example()), httpx_json(assistant_example())
    )
    recorder.then(httpx_json(page), httpx_json(deleted))
    created = await create_assistant.asyncio(client=client, body=CreateAssistantRequest(model="gpt-4-turbo"))
    fetched = await get_assistant.asyncio("asst_abc123", client=client)
    modified = await modify_assistant.asyncio(
        "asst_abc123", client=client, body=ModifyAssistantRequest(name="y")
    )
    listed = await list_assistants.asyncio(client=client, after="asst_1")
    removed = await delete_assistant.asyncio("asst_abc123", client=client)
    assert created == fetched == modified == AssistantObject.from_dict(assistant_example())
    assert isinstance(listed, ListAssistantsResponse) and listed.has_more is False
    assert isinstance(removed, DeleteAssistantResponse) and removed.id == deleted["id"]
    sent = [(r.method, r.url.path, r.content) for r in recorder.requests]
    assert sent[2] == ("POST", "/v1/assistants/asst_abc123", b'{"name":"y"}')
    assert sent[0][2] == b'{"model":"gpt-4-turbo"}'
    assert dict(recorder.requests[3].url.params)["after"] == "asst_1"
    await client.aclose()


def test_detailed_response_carries_status_headers_and_request_id(make_client, recorder: Recorder) -> None:
    response = get_assistant.sync_detailed("asst_abc123", client=make_client())
    assert response.status_code == 200
    assert response.request_id == "req_ok"
    assert json.loads(response.content) == assistant_example()


def test_unset_fields_stay_unset_after_parsing() -> None:
    minimal = {
        k: v for k, v in assistant_example().items() if k not in ("temperature", "top_p", "response_format")
    }
    parsed = AssistantObject.from_dict(minimal)
    assert parsed.temperature is UNSET and parsed.response_format is UNSET
    assert parsed.to_dict() == minimal
