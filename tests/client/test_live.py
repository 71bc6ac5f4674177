"""The client over real HTTP: against a loopback server, and against the bundled mock server when it
is there (the mock is built separately; its test is skipped without it)."""

from __future__ import annotations

import json

import pytest
from assistants_client import Client, errors
from assistants_client.api.assistants import (
    create_assistant,
    delete_assistant,
    get_assistant,
    list_assistants,
    modify_assistant,
)
from assistants_client.models import (
    AssistantObject,
    CreateAssistantRequest,
    DeleteAssistantResponse,
    ListAssistantsResponse,
    ModifyAssistantRequest,
)

from .conftest import API_KEY, assistant_example, loopback_url, mock_key


def test_sync_calls_over_a_real_connection(loopback) -> None:
    with Client.openai(API_KEY, base_url=loopback_url(loopback)) as client:
        created = create_assistant.sync(client=client, body=CreateAssistantRequest(model="gpt-4o", name="n"))
        fetched = get_assistant.sync("asst_abc123", client=client)
    assert created == fetched == AssistantObject.from_dict(assistant_example())
    (method, path, headers, body), _ = loopback.seen
    assert (method, path, json.loads(body)) == ("POST", "/v1/assistants", {"model": "gpt-4o", "name": "n"})
    assert headers["OpenAI-Beta"] == "assistants=v2"


@pytest.mark.anyio
async def test_async_calls_over_a_real_connection(loopback) -> None:
    async with Client.openai(API_KEY, base_url=loopback_url(loopback)) as client:
        created = await create_assistant.asyncio(client=client, body=CreateAssistantRequest(model="gpt-4o"))
    assert created == AssistantObject.from_dict(assistant_example())
    assert loopback.seen[0][:2] == ("POST", "/v1/assistants")


def test_all_five_operations_against_the_mock_server(mock_url: str) -> None:
    with Client.openai(mock_key(), base_url=mock_url, raise_on_error=True) as client:
        created = create_assistant.sync(
            client=client, body=CreateAssistantRequest(model="gpt-4o", name="first")
        )
        assert isinstance(created, AssistantObject) and created.name == "first"
        renamed = modify_assistant.sync(
            created.id, client=client, body=ModifyAssistantRequest(name="renamed")
        )
        assert renamed.name == "renamed" and renamed.model == "gpt-4o"
        assert get_assistant.sync(created.id, client=client).name == "renamed"
        more = [
            create_assistant.sync(client=client, body=CreateAssistantRequest(model="gpt-4o")).id
            for _ in range(4)
        ]
        page = list_assistants.sync(client=client, limit=2)
        assert isinstance(page, ListAssistantsResponse) and len(page.data) == 2 and page.has_more
        every = {a.id for a in list_assistants.sync_all(client=client, limit=2)}
        assert {created.id, *more} <= every
        removed = delete_assistant.sync(created.id, client=client)
        assert isinstance(removed, DeleteAssistantResponse) and removed.deleted
        with pytest.raises(errors.NotFoundError) as caught:
            get_assistant.sync(created.id, client=client)
        assert caught.value.type and caught.value.message


@pytest.mark.anyio
async def test_async_operations_against_the_mock_server(mock_url: str) -> None:
    async with Client.openai(mock_key(), base_url=mock_url, raise_on_error=True) as client:
        created = await create_assistant.asyncio(client=client, body=CreateAssistantRequest(model="gpt-4o"))
        ids = [a.id async for a in list_assistants.asyncio_all(client=client, limit=1, max_pages=50)]
        assert created.id in ids
        assert (await delete_assistant.asyncio(created.id, client=client)).deleted


def test_a_bad_request_from_the_mock_server_is_a_typed_error(mock_url: str) -> None:
    client = Client.openai(mock_key(), base_url=mock_url, raise_on_error=True)
    with client, pytest.raises(errors.BadRequestError) as caught:
        create_assistant.sync(client=client, body=CreateAssistantRequest(model="gpt-4o", temperature=3))
    assert caught.value.status_code == 400 and caught.value.message
