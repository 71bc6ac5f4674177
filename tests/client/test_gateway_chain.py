"""Client.gateway through Portkey's real self-hosted gateway to the bundled mock: the headers it sets
are the ones the gateway needs to forward (skipped when the gateway or the mock is not available)."""

from __future__ import annotations

import pytest
from assistants_client import Client, errors
from assistants_client.api.assistants import (
    create_assistant,
    delete_assistant,
    get_assistant,
    list_assistants,
    modify_assistant,
)
from assistants_client.models import CreateAssistantRequest, ModifyAssistantRequest

from .conftest import mock_key


def test_all_five_operations_through_the_self_hosted_gateway(gateway_url: str, mock_url: str) -> None:
    client = Client.gateway(
        gateway_url, provider="openai", api_key=mock_key(), custom_host=mock_url, raise_on_error=True
    )
    with client:
        created = create_assistant.sync(
            client=client, body=CreateAssistantRequest(model="gpt-4o", name="via")
        )
        assert (
            modify_assistant.sync(created.id, client=client, body=ModifyAssistantRequest(name="gw")).name
            == "gw"
        )
        response = get_assistant.sync_detailed(created.id, client=client)
        assert response.parsed.name == "gw"
        assert any(name.startswith("x-portkey-") for name in response.headers), (
            "did not go through the gateway"
        )
        assert created.id in {a.id for a in list_assistants.sync_all(client=client, limit=100, max_pages=20)}
        assert delete_assistant.sync(created.id, client=client).deleted


@pytest.mark.anyio
async def test_async_create_through_the_self_hosted_gateway(gateway_url: str, mock_url: str) -> None:
    client = Client.gateway(gateway_url, provider="openai", api_key=mock_key(), custom_host=mock_url)
    async with client:
        created = await create_assistant.asyncio(client=client, body=CreateAssistantRequest(model="gpt-4o"))
        assert (await delete_assistant.asyncio(created.id, client=client)).deleted


def test_the_gateways_own_refusal_is_a_typed_error(gateway_url: str) -> None:
    # Without a provider the gateway answers itself, with its own body: the error still reads it.
    client = Client(gateway_url, credentials={"Authorization": f"Bearer {mock_key()}"}, raise_on_error=True)
    with client, pytest.raises(errors.BadRequestError) as caught:
        get_assistant.sync("asst_1", client=client)
    assert "x-portkey-provider" in (caught.value.message or "")


def test_a_config_of_gateway_options_reaches_the_real_gateway(gateway_url: str, mock_url: str) -> None:
    """The gateway reads x-portkey-config (here, its retry options) and still routes by the provider
    header when the config names none: the client's config is one the gateway takes."""
    client = Client.gateway(
        gateway_url,
        provider="openai",
        api_key=mock_key(),
        custom_host=mock_url,
        config={"retry": {"attempts": 2, "on_status_codes": [503]}},
        raise_on_error=True,
    )
    with client:
        created = create_assistant.sync(client=client, body=CreateAssistantRequest(model="gpt-4o"))
        assert get_assistant.sync(created.id, client=client).id == created.id
        assert delete_assistant.sync(created.id, client=client).deleted
    broken = Client.gateway(gateway_url, provider="openai", api_key=mock_key(), config='{"retry": 3}')
    with broken, pytest.raises(errors.APIStatusError) as caught:
        get_assistant.sync(created.id, client=broken.with_options(raise_on_error=True))
    assert caught.value.status_code == 400, "the gateway checks the config it is given"
