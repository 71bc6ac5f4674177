"""Retries: connection errors, 429 and 5xx are sent again with exponential backoff and jitter, or
after exactly what Retry-After asks, at most max_retries times; nothing else is retried."""

from __future__ import annotations

import email.utils
import math
import time

import httpx
import hypothesis
import pytest
from assistants_client import RetryPolicy, errors
from assistants_client._runtime.retry import AsyncRetryTransport, RetryTransport, parse_retry_after
from assistants_client.api.assistants import create_assistant, get_assistant
from assistants_client.models import AssistantObject, CreateAssistantRequest
from hypothesis import strategies as st

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


# -- duplicate creates: a POST is sent again only when it cannot have been acted on, unless keyed ----


DELETED = {"id": "asst_1", "object": "assistant.deleted", "deleted": True}


def stores_then_hangs_up(store: list[bytes]):
    """A server that stores the create, then loses the answer (drops the connection)."""

    def handler(conn, request) -> None:
        store.append(request.body)

    return handler


def test_a_create_whose_answer_was_lost_is_not_sent_again(raw_server) -> None:
    from assistants_client import Client

    stored: list[bytes] = []
    server = raw_server(stores_then_hangs_up(stored))
    client = Client.openai("sk-test-0123456789abcdef", base_url=server.url, max_retries=2)
    with pytest.raises(httpx.RemoteProtocolError):
        create_assistant.sync(client=client, body=CreateAssistantRequest(model="m"))
    assert len(stored) == 1, f"one create_assistant() stored {len(stored)} assistants"


def test_with_idempotency_keys_a_lost_answer_is_retried_under_one_key_per_call(raw_server) -> None:
    from assistants_client import Client

    stored: list[bytes] = []
    server = raw_server(stores_then_hangs_up(stored))
    client = Client.openai(
        "sk-test-0123456789abcdef",
        base_url=server.url,
        retry_policy=RetryPolicy(max_retries=2, backoff_initial=0.01),
        idempotency_keys=True,
    )
    for _ in range(2):
        with pytest.raises(httpx.RemoteProtocolError):
            create_assistant.sync(client=client, body=CreateAssistantRequest(model="m"))
    keys = [request.headers.get("idempotency-key") for request in server.requests]
    assert len(keys) == 6 and all(keys)
    assert keys[0] == keys[1] == keys[2] and keys[3] == keys[4] == keys[5], "one key across a call's retries"
    assert keys[0] != keys[3], "a new key for each call"


def test_idempotency_keys_leave_gets_and_deletes_alone(make_client, recorder: Recorder) -> None:
    from assistants_client.api.assistants import delete_assistant

    recorder.then(ok(), httpx.Response(200, json=DELETED), ok())
    client = make_client(idempotency_keys=True)
    get_assistant.sync_detailed("asst_1", client=client)
    delete_assistant.sync_detailed("asst_1", client=client)
    create_assistant.sync_detailed(client=client, body=CreateAssistantRequest(model="m"))
    assert [r.headers.get("idempotency-key") is not None for r in recorder.requests] == [False, False, True]


def test_a_retry_policy_naming_its_own_idempotency_header_keeps_it(make_client, recorder: Recorder) -> None:
    """The spec's header is the default, not a rule: a server keyed by another header can be told."""
    from assistants_client._runtime.retry import RetryPolicy

    client = make_client(idempotency_keys=True, retry_policy=RetryPolicy(idempotency_header="X-Request-Key"))
    create_assistant.sync_detailed(client=client, body=CreateAssistantRequest(model="m"))
    sent = recorder.requests[-1].headers
    assert sent.get("x-request-key") and "idempotency-key" not in sent
    assert make_client().retry_policy.idempotency_header == client.facts.idempotency_header


@pytest.mark.parametrize(
    "first, retried",
    [
        (httpx.ConnectError("refused"), True),  # never reached the server
        (httpx.ConnectTimeout("no connection"), True),
        (httpx.PoolTimeout("no free connection"), True),
        (httpx.Response(429, headers={"Retry-After": "0"}), True),  # refused, not acted on
        (httpx.RemoteProtocolError("server disconnected"), False),  # may have been stored
        (httpx.ReadError("connection reset"), False),
        (httpx.WriteError("broken pipe"), False),
        (httpx.Response(500, json={}), False),
        (httpx.Response(502, json={}), False),
        (httpx.Response(503, json={}), False),
    ],
    ids=lambda value: (
        type(value).__name__ if isinstance(value, Exception) else getattr(value, "status_code", "")
    ),
)
def test_which_failures_of_a_create_are_retried_without_a_key(
    make_client, recorder: Recorder, first, retried: bool
) -> None:
    recorder.then(first, ok())
    client = make_client()
    try:
        create_assistant.sync_detailed(client=client, body=CreateAssistantRequest(model="m"))
    except httpx.TransportError:
        assert not retried
    assert len(recorder.requests) == (2 if retried else 1)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_delete_is_retried_on_5xx(make_client, recorder: Recorder, status: int) -> None:
    from assistants_client.api.assistants import delete_assistant

    recorder.then(httpx.Response(status, json={}), httpx.Response(200, json=DELETED))
    delete_assistant.sync_detailed("asst_1", client=make_client())
    assert len(recorder.requests) == 2


# -- Retry-After: the one parser, robust to anything a server sends ----------------------------------

NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z


@pytest.mark.parametrize(
    "value, seconds",
    [
        ("7", 7.0),
        (" 7 ", 7.0),
        ("1.5", 1.5),
        ("0", 0.0),
        ("Tue, 14 Nov 2023 22:13:50 GMT", 30.0),  # IMF-fixdate
        ("Tuesday, 14-Nov-23 22:13:50 GMT", 30.0),  # RFC 850
        ("Tue Nov 14 22:13:50 2023", 30.0),  # asctime
        ("Tue, 14 Nov 2023 22:13:50 +0100", 0.0),  # an hour earlier: already past
        ("Mon, 13 Nov 2023 00:00:00 GMT", 0.0),  # in the past
        ("9" * 400, math.inf),  # too large for a float: "forever"
        ("Wed, 21 Oct 99999999999999999999 07:28:00 GMT", math.inf),  # a 20-digit year
        ("Fri, 31 Dec 9999 23:59:59 GMT", 253402300799.0 - NOW),
        ("", None),
        ("soon", None),
        ("-5", None),
        ("nan", None),
        ("inf", None),
        ("1e3", None),
        ("0x10", None),
        ("1_000", None),
        ("\u0663", None),  # ARABIC-INDIC DIGIT THREE: a digit to float(), not to HTTP
        ("Wed, 32 Oct 2015 07:28:00 GMT", None),
        ("Wed, 21 Oct 2015 25:61:00 GMT", None),
        ("Wed, 30 Feb 2024 07:28:00 GMT", None),
        ("1 2 3 4 5", None),
    ],
)
def test_retry_after_values(value: str, seconds: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == seconds
    if value.isascii():
        assert parse_retry_after(value.encode("latin-1"), now=NOW) == seconds


def test_retry_after_from_any_kind_of_headers() -> None:
    assert parse_retry_after({"Retry-After": "3"}) == 3.0
    assert parse_retry_after({"RETRY-AFTER": "3"}) == 3.0
    assert parse_retry_after({"retry-after": ["4", "9"]}) == 4.0  # schemathesis gives lists
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert parse_retry_after({"retry-after-ms": "soon", "retry-after": "9"}) == 9.0
    assert parse_retry_after(httpx.Headers([("Retry-After", "2")])) == 2.0
    assert parse_retry_after({}) is None and parse_retry_after(None) is None


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    value=st.text()
    | st.from_regex(r"\A[A-Za-z]{3}, \d{1,40} [A-Za-z]{3} \d{1,40} \d\d:\d\d:\d\d [A-Z+\-0-9]{1,6}\Z")
)
def test_retry_after_never_raises(value: str) -> None:
    result = parse_retry_after(value, now=NOW)
    assert result is None or (result >= 0 and not math.isnan(result))
    in_headers = parse_retry_after({"retry-after-ms": value, "retry-after": value}, now=NOW)
    assert in_headers is None or in_headers >= 0


def test_a_retry_after_date_in_a_20_digit_year_gives_the_typed_error_not_an_overflow(
    make_client, recorder: Recorder
) -> None:
    far = "Wed, 21 Oct 99999999999999999999 07:28:00 GMT"
    recorder.then(*[httpx.Response(429, json={}, headers={"Retry-After": far})] * 3)
    with pytest.raises(errors.RateLimitError):
        get_assistant.sync("asst_1", client=make_client(raise_on_error=True))
    assert len(recorder.requests) == 1, "a wait beyond the cap is not obeyed"


def test_the_policy_reports_a_retry_after_beyond_its_cap() -> None:
    policy = RetryPolicy(max_retry_after=60)
    decision = policy.decide(0, status=429, headers={"Retry-After": "999999"})
    assert (decision.retry, decision.beyond_cap, decision.retry_after) == (False, True, 999999.0)
    assert "beyond the cap" in decision.reason
    within = policy.decide(0, status=429, headers={"Retry-After": "3"})
    assert (within.retry, within.wait, within.beyond_cap) == (True, 3.0, False)
    spent = policy.decide(2, status=429, headers={"Retry-After": "3"})
    assert not spent.retry and "retries spent" in spent.reason
    assert not policy.decide(0, status=429, headers={"Retry-After": "3"}, remaining=2.0).retry
    assert policy.decide(0, method="POST", status=503).retry is False
    assert policy.decide(0, method="POST", status=503, idempotency_key=True).retry is True
    assert policy.decide(0, status=503).retry is True
    assert RetryPolicy(retry_server_errors=False).decide(0, status=503).retry is False
