"""With follow_redirects=True, credentials (every header a security scheme of the spec names) are not sent
to another origin; httpx alone drops only Authorization."""

from __future__ import annotations

import assistants_spec
import pytest
from assistants_client import Client
from assistants_client.api.assistants import get_assistant
from assistants_client.models import AssistantObject

from .conftest import API_KEY, PORTKEY_KEY, VIRTUAL_KEY, assistant_example, loopback_url, serving

SCHEME_HEADERS = {scheme.header.lower() for scheme in assistants_spec.load_spec().security.schemes.values()}


def clients(base_url: str) -> list[Client]:
    return [
        Client.portkey(PORTKEY_KEY, VIRTUAL_KEY, base_url=base_url, httpx_args={"follow_redirects": True}),
        Client.openai(API_KEY, base_url=base_url, follow_redirects=True),
        Client.gateway(
            base_url,
            provider="openai",
            api_key=API_KEY,
            custom_host="http://127.0.0.1:4010/v1",
            httpx_args={"follow_redirects": True},
        ),
    ]


def redirecting_to(target: str):
    def respond(method: str, path: str, body: bytes):
        return 307, {"location": target + path.removeprefix("/v1")}, {}

    return respond


def test_the_spec_names_the_credential_headers_this_test_checks() -> None:
    assert {"authorization", "x-portkey-api-key", "x-portkey-virtual-key"} <= SCHEME_HEADERS


@pytest.mark.parametrize("which", range(3), ids=["portkey", "openai", "gateway"])
def test_credentials_are_not_sent_to_another_origin(which: int) -> None:
    with serving() as origin, serving() as elsewhere:
        origin.respond = redirecting_to(loopback_url(elsewhere))
        client = clients(loopback_url(origin))[which]
        assert isinstance(get_assistant.sync("asst_1", client=client), AssistantObject)
        sent_first = {k.lower() for k in origin.seen[0][2]}
        sent_after = {k.lower() for k in elsewhere.seen[0][2]}
        assert {k.lower() for k in client.credentials} <= sent_first, "the credentials must reach the origin"
        assert not sent_after & SCHEME_HEADERS, f"sent to another origin: {sent_after & SCHEME_HEADERS}"
        assert assistants_spec.load_spec().beta_header.lower() in sent_after, "other headers still follow"


def test_a_redirect_within_the_origin_keeps_the_credentials(loopback) -> None:
    def respond(method: str, path: str, body: bytes):
        if path.endswith("/asst_1"):
            return 307, {"location": "/v1/assistants/asst_2"}, {}
        return 200, {}, assistant_example()

    loopback.respond = respond
    client = clients(loopback_url(loopback))[0]
    get_assistant.sync("asst_1", client=client)
    assert [path for _, path, _, _ in loopback.seen] == ["/v1/assistants/asst_1", "/v1/assistants/asst_2"]
    second = {k.lower(): v for k, v in loopback.seen[1][2].items()}
    assert second["x-portkey-api-key"] == PORTKEY_KEY and second["x-portkey-virtual-key"] == VIRTUAL_KEY


def test_back_at_the_origin_after_leaving_it_the_credentials_stay_dropped() -> None:
    with serving() as origin, serving() as elsewhere:
        origin.respond = lambda method, path, body: (
            (307, {"location": loopback_url(elsewhere) + "/assistants/x"}, {})
            if path.endswith("/asst_1")
            else (200, {}, assistant_example())
        )
        elsewhere.respond = lambda method, path, body: (
            307,
            {"location": loopback_url(origin) + "/assistants/asst_2"},
            {},
        )
        get_assistant.sync("asst_1", client=clients(loopback_url(origin))[0])
        back = {k.lower() for k in origin.seen[-1][2]}
        assert origin.seen[-1][1] == "/v1/assistants/asst_2"
        assert not back & SCHEME_HEADERS


@pytest.mark.anyio
async def test_async_clients_drop_them_too() -> None:
    with serving() as origin, serving() as elsewhere:
        origin.respond = redirecting_to(loopback_url(elsewhere))
        client = clients(loopback_url(origin))[0]
        assert isinstance(await get_assistant.asyncio("asst_1", client=client), AssistantObject)
        assert not {k.lower() for k in elsewhere.seen[0][2]} & SCHEME_HEADERS
        await client.aclose()


def test_redirects_are_not_followed_unless_asked(loopback) -> None:
    loopback.respond = redirecting_to("http://127.0.0.1:9/v1")
    client = Client.openai(API_KEY, base_url=loopback_url(loopback))
    response = get_assistant.sync_detailed("asst_1", client=client)
    assert response.status_code == 307 and len(loopback.seen) == 1
