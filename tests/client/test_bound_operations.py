"""client.assistants / client.aio.assistants: the operations bound to a client, returning the success
type and raising the typed error on any other status, like the official SDKs."""

from __future__ import annotations

import httpx
import pytest
from assistants_client import errors
from assistants_client.models import (
    AssistantObject,
    CreateAssistantRequest,
    DeleteAssistantResponse,
    ListAssistantsResponse,
    ModifyAssistantRequest,
)

from .conftest import Recorder, assistant_example, response_example
from .test_pagination import paging_server, store


def _deleted() -> httpx.Response:
    return httpx.Response(200, json=response_example("delete", "/assistants/{assistant_id}", "deleted"))


def _assistant() -> httpx.Response:
    return httpx.Response(200, json=assistant_example())


def test_bound_sync_operations_return_the_success_types(make_client, recorder: Recorder) -> None:
    assistants = make_client().assistants
    page = response_example("get", "/assistants", "empty")
    recorder.then(_assistant(), _assistant(), _assistant(), httpx.Response(200, json=page), _deleted())
    assert isinstance(assistants.create_assistant(body=CreateAssistantRequest(model="m")), AssistantObject)
    assert isinstance(assistants.get_assistant("asst_abc123"), AssistantObject)
    modified = assistants.modify_assistant("asst_abc123", body=ModifyAssistantRequest(name="x"))
    assert isinstance(modified, AssistantObject)
    assert isinstance(assistants.list_assistants(limit=1), ListAssistantsResponse)
    assert isinstance(assistants.delete_assistant("asst_abc123"), DeleteAssistantResponse)
    assert [(r.method, r.url.path) for r in recorder.requests] == [
        ("POST", "/v1/assistants"),
        ("GET", "/v1/assistants/asst_abc123"),
        ("POST", "/v1/assistants/asst_abc123"),
        ("GET", "/v1/assistants"),
        ("DELETE", "/v1/assistants/asst_abc123"),
    ]
    assert recorder.requests[2].content == b'{"name":"x"}'


def test_bound_operations_raise_on_error_even_when_the_client_does_not(
    make_client, recorder: Recorder
) -> None:
    body = {
        "error": {
            "message": "No assistant found",
            "type": "invalid_request_error",
            "param": None,
            "code": None,
        }
    }
    recorder.then(httpx.Response(404, json=body, headers={"x-request-id": "req_404"}))
    client = make_client()
    assert client.raise_on_error is False
    with pytest.raises(errors.NotFoundError) as caught:
        client.assistants.get_assistant("asst_missing")
    assert (caught.value.message, caught.value.request_id) == ("No assistant found", "req_404")


def test_an_undocumented_2xx_is_read_as_the_documented_success(make_client, recorder: Recorder) -> None:
    """openai-responses answers a create with 201 Created where the spec says 200: the object is the
    same, and a method that returns the model must never return None."""
    from assistants_client.api.assistants import create_assistant

    recorder.then(*(httpx.Response(201, json=assistant_example()) for _ in range(3)))
    client = make_client()
    created = client.assistants.create_assistant(body=CreateAssistantRequest(model="m"))
    assert isinstance(created, AssistantObject) and created.id == assistant_example()["id"]
    detailed = create_assistant.sync_detailed(client=client, body=CreateAssistantRequest(model="m"))
    assert (detailed.status_code, detailed.parsed) == (201, created)
    strict = make_client(raise_on_unexpected_status=True)
    with pytest.raises(errors.UnexpectedStatus):
        strict.assistants.create_assistant(body=CreateAssistantRequest(model="m"))


def test_bound_list_all_iterates_every_page(make_client) -> None:
    from assistants_client import Client

    recorder = Recorder(paging_server(store(5)))
    client = Client.openai("sk-test-key-long", transport=httpx.MockTransport(recorder))
    assert [a.id for a in client.assistants.list_assistants_all(limit=2)] == [
        f"asst_{i:03d}" for i in range(5)
    ]
    assert len(recorder.requests) == 3


@pytest.mark.anyio
async def test_bound_async_operations_return_the_success_types(make_client, recorder: Recorder) -> None:
    client = make_client()
    recorder.then(_assistant(), _assistant(), _assistant(), _deleted())
    assistants = client.aio.assistants
    created = await assistants.create_assistant(body=CreateAssistantRequest(model="m"))
    fetched = await assistants.get_assistant(created.id)
    modified = await assistants.modify_assistant(created.id, body=ModifyAssistantRequest(top_p=0.5))
    removed = await assistants.delete_assistant(created.id)
    assert created == fetched == modified and isinstance(removed, DeleteAssistantResponse)
    assert recorder.requests[2].content == b'{"top_p":0.5}'
    await client.aclose()


@pytest.mark.anyio
async def test_bound_async_list_all_and_errors(make_client) -> None:
    from assistants_client import Client

    recorder = Recorder(paging_server(store(3)))
    client = Client.openai(
        "sk-test-key-long",
        transport=httpx.MockTransport(recorder),
        async_transport=httpx.MockTransport(recorder),
    )
    assert [a.id async for a in client.aio.assistants.list_assistants_all(limit=2)] == [
        "asst_000",
        "asst_001",
        "asst_002",
    ]
    recorder.queue.append(
        httpx.Response(
            500, json={"error": {"message": "boom", "type": "server_error", "param": None, "code": None}}
        )
    )
    with pytest.raises(errors.InternalServerError, match="boom"):
        await client.with_options(max_retries=0).aio.assistants.list_assistants()
    await client.aclose()
