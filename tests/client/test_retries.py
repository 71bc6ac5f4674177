"""Retries: connection errors, 429 and 5xx are sent again with exponential backoff and jitter, or
after exactly what Retry-After asks, at most max_retries times; nothing else is retried."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
from assistants_client import RetryPolicy, errors
from assistants_client._runtime.retry import AsyncRetryTransport, RetryTransport, parse_retry_after
from assistants_client.api.assistants import create_assistant, get_assistant
from assistants_client.models import AssistantObject, CreateAssistantRequest

from .conftest import Recorder, assistant_example


def ok() -> httpx.Response:
    # A fresh response per use: httpx rebinds a response's stream to the client that received it.
    return httpx.Response(200, json=assistant_example())


def transport(recorder: Recorder, policy: RetryPolicy) -> tuple[RetryTransport, list[float]]:
    waits: list[float] = []
    return RetryTransport(httpx.MockTransport(recorder), policy, sleep=waits.append), waits


def send(retry: RetryTransport) -> httpx.Response:
    with httpx.Client(transport=retry, base_url="http://api.test/v1") as client:
        return client.get("/assistants/asst_1")


def test_a_429_is_retried_after_exactly_the_parse_retry_after() -> None:
    recorder = Recorder().then(httpx.Response(429, headers={"Retry-After": "7"}), ok())
    retry, waits = transport(recorder, RetryPolicy())
    assert send(retry).status_code == 200
    assert waits == [7.0]
    assert len(recorder.requests) == 2


def test_retry_after_ms_and_http_dates_are_understood() -> None:
    assert parse_retry_after(httpx.Headers({"retry-after-ms": "250"})) == 0.25
    future = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= parse_retry_after(httpx.Headers({"retry-after": future})) <= 31
    assert parse_retry_after(httpx.Headers({"retry-after": "soon"})) is None
    assert parse_retry_after(httpx.Headers({})) is None


def test_5xx_backoff_is_exponential_with_jitter_and_capped() -> None:
    recorder = Recorder().then(*[httpx.Response(503)] * 5, ok())
    retry, waits = transport(recorder, RetryPolicy(max_retries=5, backoff_initial=1.0, backoff_max=6.0))
    assert send(retry).status_code == 200
    bases = [1, 2, 4, 6, 6]
    assert len(waits) == 5
    for wait, base in zip(waits, bases, strict=True):
        assert base <= wait <= min(base + 1.0, 6.0), waits
    assert len(set(waits)) > 1


def test_after_max_retries_the_last_response_is_returned() -> None:
    recorder = Recorder().then(*[httpx.Response(500, json={"n": i}) for i in range(4)])
    retry, waits = transport(recorder, RetryPolicy(max_retries=2, backoff_initial=0.01))
    response = send(retry)
    assert response.status_code == 500 and response.json() == {"n": 2}
    assert len(recorder.requests) == 3 and len(waits) == 2


def test_connection_errors_are_retried_then_raised() -> None:
    refused = httpx.ConnectError("connection refused")
    recorder = Recorder().then(refused, refused, refused, ok())
    retry, waits = transport(recorder, RetryPolicy(max_retries=2, backoff_initial=0.01))
    with pytest.raises(httpx.ConnectError):
        send(retry)
    assert len(recorder.requests) == 3 and len(waits) == 2


def test_a_dropped_connection_is_retried_until_it_works() -> None:
    recorder = Recorder().then(httpx.RemoteProtocolError("server disconnected"), ok())
    retry, _ = transport(recorder, RetryPolicy(backoff_initial=0.01))
    assert send(retry).status_code == 200


@pytest.mark.parametrize("status", [400, 401, 404, 409, 422])
def test_client_errors_are_not_retried(status: int) -> None:
    recorder = Recorder().then(httpx.Response(status), ok())
    retry, waits = transport(recorder, RetryPolicy())
    assert send(retry).status_code == status
    assert len(recorder.requests) == 1 and waits == []


def test_a_read_timeout_is_not_retried_since_the_create_may_have_happened() -> None:
    recorder = Recorder().then(httpx.ReadTimeout("slow"), ok())
    retry, _ = transport(recorder, RetryPolicy())
    with pytest.raises(httpx.ReadTimeout):
        send(retry)
    assert len(recorder.requests) == 1


def test_max_retries_zero_sends_once() -> None:
    recorder = Recorder().then(httpx.Response(503), ok())
    retry, waits = transport(recorder, RetryPolicy(max_retries=0))
    assert send(retry).status_code == 503 and waits == []


def test_a_retry_after_beyond_the_limit_is_returned_not_waited_for() -> None:
    recorder = Recorder().then(httpx.Response(429, headers={"Retry-After": "3600"}), ok())
    retry, waits = transport(recorder, RetryPolicy(max_retry_after=60))
    assert send(retry).status_code == 429 and waits == []


@pytest.mark.anyio
async def test_async_retries_honour_retry_after() -> None:
    recorder = Recorder().then(httpx.Response(429, headers={"Retry-After": "2"}), httpx.Response(502), ok())
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    retry = AsyncRetryTransport(httpx.MockTransport(recorder), RetryPolicy(backoff_initial=0.5), sleep=sleep)
    async with httpx.AsyncClient(transport=retry, base_url="http://api.test/v1") as client:
        response = await client.get("/assistants/asst_1")
    assert response.status_code == 200
    assert waits[0] == 2.0 and 1.0 <= waits[1] <= 1.5


def test_the_client_retries_a_create_and_returns_the_created_assistant(
    make_client, recorder: Recorder
) -> None:
    # A 500 may come after the create was stored: only an idempotency key makes sending it again safe.
    recorder.then(httpx.ConnectError("refused"), httpx.Response(500, json={}), ok())
    client = make_client(max_retries=2, idempotency_keys=True)
    created = create_assistant.sync(client=client, body=CreateAssistantRequest(model="m"))
    assert isinstance(created, AssistantObject)
    assert [r.content for r in recorder.requests] == [b'{"model":"m"}'] * 3


def test_the_client_raises_the_typed_error_once_retries_are_spent(make_client, recorder: Recorder) -> None:
    body = {
        "error": {
            "message": "Rate limit reached",
            "type": "requests",
            "param": None,
            "code": "rate_limit_exceeded",
        }
    }
    recorder.then(*[httpx.Response(429, json=body, headers={"Retry-After": "0"})] * 2)
    with pytest.raises(errors.RateLimitError, match="Rate limit reached"):
        get_assistant.sync("asst_1", client=make_client(max_retries=1, raise_on_error=True))
    assert len(recorder.requests) == 2


@pytest.mark.anyio
async def test_the_async_client_retries_too(make_client, recorder: Recorder) -> None:
    recorder.then(httpx.Response(503), ok())
    client = make_client()
    assert isinstance(await get_assistant.asyncio("asst_1", client=client), AssistantObject)
    assert len(recorder.requests) == 2
    await client.aclose()


def test_max_retries_on_the_client_sets_the_policy() -> None:
    from assistants_client import Client

    client = Client.openai("sk-x", max_retries=5)
    assert client.retry_policy.max_retries == 5
    assert client.with_options(retry_policy=RetryPolicy(max_retries=1)).retry_policy.max_retries == 1
    assert client.with_options(max_retries=0).retry_policy.max_retries == 0


def test_each_retry_is_logged_with_its_reason_and_wait(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    caplog.set_level(logging.INFO, logger="assistants_client")
    recorder = Recorder().then(httpx.Response(503), httpx.Response(429, headers={"Retry-After": "3"}), ok())
    retry, _ = transport(recorder, RetryPolicy(max_retries=2, backoff_initial=0.25))
    send(retry)
    messages = [r.getMessage() for r in caplog.records if r.name == "assistants_client"]
    assert len(messages) == 2
    assert (
        messages[0].startswith("retrying GET /v1/assistants/asst_1 in 0.")
        and "after status 503 (retry 1 of 2)" in messages[0]
    )
    assert messages[1] == "retrying GET /v1/assistants/asst_1 in 3.00 s after status 429 (retry 2 of 2)"
