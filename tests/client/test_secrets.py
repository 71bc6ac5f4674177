"""API keys never appear in a repr, a log line or an exception message, even when the server echoes them."""

from __future__ import annotations

import json
import logging
import traceback

import httpx
import pytest
from assistants_client import Client, errors
from assistants_client.api.assistants import create_assistant, get_assistant, list_assistants
from assistants_client.models import CreateAssistantRequest

from .conftest import API_KEY, PORTKEY_KEY, SECRETS, VIRTUAL_KEY, Recorder, assistant_example, loopback_url


def clients(base_url: str = "http://127.0.0.1:9/v1", **options) -> list[Client]:
    return [
        Client.openai(API_KEY, base_url=base_url, **options),
        Client.portkey(PORTKEY_KEY, VIRTUAL_KEY, base_url=base_url, **options),
        Client.gateway(
            base_url, provider="openai", api_key=API_KEY, custom_host="http://127.0.0.1:4010/v1", **options
        ),
    ]


def assert_no_secret(text: str | bytes | None) -> None:
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = (text or "").lower()
    leaked = [secret for secret in SECRETS if secret.lower() in text]
    assert not leaked, f"secret leaked (in any case): {text!r:.300}"


def test_no_key_in_the_client_repr_or_str() -> None:
    for client in clients():
        assert_no_secret(repr(client))
        assert_no_secret(str(client))
        assert_no_secret(repr(client.with_options(beta="v1")))


def echo_key_error(request: httpx.Request) -> httpx.Response:
    """A server that quotes the credentials it got back, as some proxies do."""
    sent = " ".join(
        request.headers.get(h, "") for h in ("authorization", "x-portkey-api-key", "x-portkey-virtual-key")
    )
    body = {
        "error": {
            "message": f"Incorrect API key provided: {sent}",
            "type": "invalid_request_error",
            "param": sent,
            "code": "invalid_api_key",
        }
    }
    return httpx.Response(401, json=body, headers={"x-request-id": "req_leak"})


@pytest.mark.parametrize("which", range(3))
def test_an_echoed_key_is_redacted_from_the_typed_error(which: int) -> None:
    client = clients()[which].with_options(
        transport=httpx.MockTransport(Recorder(echo_key_error)), raise_on_error=True
    )
    with pytest.raises(errors.AuthenticationError) as caught:
        get_assistant.sync("asst_1", client=client)
    error = caught.value
    rendered = "".join(traceback.format_exception(error))
    for text in (str(error), repr(error), rendered, error.message, error.param, repr(error.body)):
        assert_no_secret(text)
    assert "[REDACTED]" in error.message


def test_keys_inside_a_portkey_config_are_redacted_like_the_header() -> None:
    """A config may carry the provider's key itself (Portkey's "api_key" member): a server echoing the
    config, or only the key inside it, must not put it in an error."""
    config = {"provider": "openai", "api_key": API_KEY, "retry": {"attempts": 3}}

    def echo(request: httpx.Request) -> httpx.Response:
        message = f"config {request.headers['x-portkey-config']} refused; key {API_KEY} is invalid"
        return httpx.Response(
            401, json={"error": {"message": message, "type": "t", "param": None, "code": None}}
        )

    for client in (
        Client.portkey(PORTKEY_KEY, config=config, transport=httpx.MockTransport(echo), raise_on_error=True),
        Client.gateway(
            "http://127.0.0.1:9/v1",
            provider="openai",
            api_key=PORTKEY_KEY,
            config=config,
            transport=httpx.MockTransport(echo),
            raise_on_error=True,
        ),
    ):
        assert_no_secret(repr(client))
        with pytest.raises(errors.AuthenticationError) as caught:
            get_assistant.sync("asst_1", client=client)
        assert_no_secret(str(caught.value))
        assert "retry" not in caught.value.message, "the whole config is a credential: redacted whole"
        assert "[REDACTED]" in caught.value.message and "refused" in caught.value.message


def test_an_echoed_key_in_a_malformed_success_body_is_redacted() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        echoed = {**assistant_example(), "object": request.headers["authorization"]}
        return httpx.Response(
            200,
            json={"object": "list", "data": [echoed], "first_id": None, "last_id": None, "has_more": False},
        )

    client = clients()[0].with_options(transport=httpx.MockTransport(Recorder(answer)))
    with pytest.raises(errors.ResponseParseError) as caught:
        list_assistants.sync(client=client)
    assert_no_secret(str(caught.value))
    assert "[REDACTED]" in str(caught.value), "the parse error should quote the bad value, redacted"


def test_no_key_in_any_log_line_at_debug_level(loopback, caplog: pytest.LogCaptureFixture) -> None:
    loopback.respond = lambda method, path, body: (
        429,
        {"Retry-After": "0"},
        {"error": {"message": "slow down", "type": "requests", "param": None, "code": None}},
    )
    caplog.set_level(logging.DEBUG)
    for client in clients(loopback_url(loopback), max_retries=1):
        create_assistant.sync_detailed(client=client, body=CreateAssistantRequest(model="m"))
        client.close()
    assert len(loopback.seen) == 6, "every client should have sent a request and one retry"
    assert caplog.records, "nothing was logged: this test would prove nothing"
    assert_no_secret(caplog.text)
    assert_no_secret("\n".join(str(record.__dict__) for record in caplog.records))
    sent = [headers for _, _, headers, _ in loopback.seen]
    assert sent[0].get("Authorization") == f"Bearer {API_KEY}", "the key must still reach the server"


def test_no_key_in_a_connection_error(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for client in clients("http://127.0.0.1:9/v1", max_retries=0):  # nothing listens on port 9
        with pytest.raises(httpx.ConnectError) as caught:
            get_assistant.sync("asst_1", client=client)
        assert_no_secret("".join(traceback.format_exception(caught.value)))
    assert_no_secret(caplog.text)


def test_redaction_leaves_ordinary_words_alone() -> None:
    assert errors.redact("Either x-portkey-provider or x-portkey-config", ["x", "Bearer x"]) == (
        "Either x-portkey-provider or x-portkey-config"
    )
    assert errors.redact(f"key {API_KEY} rejected", [API_KEY]) == "key [REDACTED] rejected"


def echo_everywhere(status: int, content: bytes | None = None):
    """A server quoting the credentials it got in its request id header, upper-cased in the message."""

    def answer(request: httpx.Request) -> httpx.Response:
        sent = " ".join(
            request.headers.get(h, "")
            for h in ("authorization", "x-portkey-api-key", "x-portkey-virtual-key")
        )
        body = {"error": {"message": f"bad key {sent.upper()}", "type": "t", "param": None, "code": None}}
        return httpx.Response(
            status,
            content=content if content is not None else json.dumps(body).encode(),
            headers={"x-request-id": f"req {sent}", "content-type": "application/json"},
        )

    return answer


def _rendered(error: BaseException) -> list:
    return [
        str(error),
        repr(error),
        "".join(traceback.format_exception(error)),
        getattr(error, "request_id", None),
        getattr(error, "message", None),
        repr(getattr(error, "body", None)),
        getattr(error, "content", None),
    ]


@pytest.mark.parametrize("which", range(3), ids=["openai", "portkey", "gateway"])
def test_a_key_echoed_in_the_request_id_never_reaches_an_error(which: int) -> None:
    client = clients()[which].with_options(
        transport=httpx.MockTransport(Recorder(echo_everywhere(401))), raise_on_error=True
    )
    with pytest.raises(errors.AuthenticationError) as caught:
        get_assistant.sync("asst_1", client=client)
    assert caught.value.request_id.startswith("req ") and "[REDACTED]" in caught.value.request_id
    for text in _rendered(caught.value):
        assert_no_secret(text)
    assert "[REDACTED]" in caught.value.message, "the upper-cased echo is redacted too"


@pytest.mark.parametrize("status", [200, 409])
def test_a_key_echoed_to_a_parse_error_or_an_unexpected_status_is_redacted(status: int) -> None:
    client = clients()[0].with_options(
        transport=httpx.MockTransport(Recorder(echo_everywhere(status, content=b"[1, 2"))),
        raise_on_unexpected_status=True,
    )
    kind = errors.ResponseParseError if status == 200 else errors.UnexpectedStatus
    with pytest.raises(kind) as caught:
        get_assistant.sync("asst_1", client=client)
    for text in _rendered(caught.value):
        assert_no_secret(text)


def test_a_key_echoed_to_a_pagination_error_is_redacted() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        page = {
            "object": "list",
            "data": [assistant_example()],
            "first_id": "asst_abc123",
            "last_id": "asst_abc123",
            "has_more": True,
        }
        return httpx.Response(
            200, json=page, headers={"x-request-id": request.headers["authorization"].upper()}
        )

    client = clients()[0].with_options(transport=httpx.MockTransport(Recorder(answer)))
    with pytest.raises(errors.PaginationError) as caught:
        list(list_assistants.sync_all(client=client))
    for text in _rendered(caught.value):
        assert_no_secret(text)


def test_a_key_echoed_in_a_response_header_stays_out_of_httpcore_debug_records(
    loopback, caplog: pytest.LogCaptureFixture
) -> None:
    def respond(method, path, body):
        sent = {k.lower(): v for k, v in loopback.seen[-1][2].items()}
        echoed = " ".join(
            sent.get(h, "") for h in ("authorization", "x-portkey-api-key", "x-portkey-virtual-key")
        )
        return 200, {"x-request-id": f"echo {echoed.upper()} {echoed}"}, assistant_example()

    loopback.respond = respond
    caplog.set_level(logging.DEBUG)
    for client in clients(loopback_url(loopback)):
        get_assistant.sync_detailed("asst_1", client=client)
        client.close()
    headers_logged = [
        r for r in caplog.records if r.name == "httpcore.http11" and "x-request-id" in r.getMessage()
    ]
    assert headers_logged, "httpcore logged no response headers: this test would prove nothing"
    assert "[REDACTED]" in headers_logged[0].getMessage()
    assert_no_secret(caplog.text)
