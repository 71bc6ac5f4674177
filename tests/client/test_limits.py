"""A call has an overall deadline and a maximum response size, both configurable, both with typed errors:
a server trickling bytes, stalling or sending a huge (or hugely compressed) body cannot hold a call."""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
import tracemalloc
import zlib

import httpx
import pytest
from assistants_client import Client, RetryPolicy, errors
from assistants_client.api.assistants import create_assistant, get_assistant
from assistants_client.models import AssistantObject, CreateAssistantRequest

from .conftest import API_KEY, RawRequest, assistant_example, http_head

BODY = json.dumps(assistant_example()).encode()


def client_for(url: str, **options) -> Client:
    options.setdefault("max_retries", 0)
    return Client.openai(API_KEY, base_url=url, **options)


def trickle(head: bytes, body: bytes, interval: float, stop: threading.Event | None = None):
    """A handler sending ``head`` then ``body`` one byte every ``interval`` seconds."""

    def handler(conn: socket.socket, request: RawRequest) -> None:
        conn.sendall(head)
        for byte in body:
            if stop is not None and stop.is_set():
                return
            time.sleep(interval)
            conn.sendall(bytes([byte]))

    return handler


def test_a_body_trickled_one_byte_at_a_time_ends_at_the_deadline(raw_server) -> None:
    # httpx's read timeout restarts with every byte: with timeout=3 alone this call would take 25 s.
    head = http_head(200, {"content-type": "application/json", "content-length": str(len(BODY))})
    server = raw_server(trickle(head, BODY, 0.05))
    client = client_for(server.url, timeout=3, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(errors.DeadlineExceeded, match=r"deadline of 1 s") as caught:
        get_assistant.sync("asst_1", client=client)
    elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 2.0, elapsed
    assert isinstance(caught.value, httpx.TimeoutException), (
        "code catching httpx timeouts must still catch it"
    )


def test_a_server_that_never_answers_ends_at_the_deadline_not_the_read_timeout(raw_server) -> None:
    stop = threading.Event()
    server = raw_server(lambda conn, request: stop.wait(10))
    client = client_for(server.url, timeout=30, deadline=0.5)
    started = time.monotonic()
    with pytest.raises(errors.DeadlineExceeded):
        get_assistant.sync("asst_1", client=client)
    assert time.monotonic() - started < 1.5
    stop.set()


@pytest.mark.anyio
async def test_async_calls_are_cancelled_at_the_deadline_even_while_headers_trickle(raw_server) -> None:
    stop = threading.Event()
    head = http_head(200, {"content-type": "application/json", "content-length": str(len(BODY))})
    server = raw_server(trickle(b"", head + BODY, 0.05, stop))
    client = client_for(server.url, timeout=3, deadline=0.7)
    started = time.monotonic()
    with pytest.raises(errors.DeadlineExceeded):
        await get_assistant.asyncio("asst_1", client=client)
    assert time.monotonic() - started < 1.5
    stop.set()
    await client.aclose()


@pytest.mark.anyio
async def test_async_body_trickle_ends_at_the_deadline(raw_server) -> None:
    stop = threading.Event()
    head = http_head(200, {"content-type": "application/json", "content-length": str(len(BODY))})
    server = raw_server(trickle(head, BODY, 0.05, stop))
    client = client_for(server.url, timeout=3, deadline=0.7)
    started = time.monotonic()
    with pytest.raises(errors.DeadlineExceeded):
        await get_assistant.asyncio("asst_1", client=client)
    assert time.monotonic() - started < 1.5
    stop.set()
    await client.aclose()


def test_the_deadline_covers_the_retries_and_their_waits(raw_server) -> None:
    answers = iter([http_head(503, {"content-length": "0"})] * 10)
    server = raw_server(lambda conn, request: conn.sendall(next(answers)))
    policy = RetryPolicy(max_retries=10, backoff_initial=0.4, backoff_max=10.0)
    client = client_for(server.url, deadline=1.0, retry_policy=policy, max_retries=None)
    started = time.monotonic()
    response = get_assistant.sync_detailed("asst_1", client=client)
    # Waits of 0.4-0.8 s, then 0.8-1.2 s: the second would end after the deadline, so the 503 is given back.
    assert response.status_code == 503
    assert len(server.requests) == 2
    # The call ends at its deadline, not after a third wait (slack for a loaded machine: the second wait
    # alone would end at 1.2 s at the earliest, a third attempt after 2 s).
    assert time.monotonic() - started < 1.5


def test_a_retry_after_longer_than_the_time_left_is_not_waited_for(make_client, recorder) -> None:
    recorder.then(
        httpx.Response(429, headers={"Retry-After": "5"}), httpx.Response(200, json=assistant_example())
    )
    started = time.monotonic()
    response = get_assistant.sync_detailed("asst_1", client=make_client(deadline=2.0))
    assert response.status_code == 429 and len(recorder.requests) == 1
    assert time.monotonic() - started < 1.0


def test_a_fast_answer_is_unaffected_and_the_timeouts_stay_as_configured(make_client, recorder) -> None:
    client = make_client(deadline=30.0, timeout=httpx.Timeout(10.0, connect=2.0))
    assert isinstance(get_assistant.sync("asst_1", client=client), AssistantObject)
    sent = recorder.requests[-1].extensions["timeout"]
    assert sent == {"connect": 2.0, "read": 10.0, "write": 10.0, "pool": 10.0}


def test_each_attempt_waits_no_longer_than_the_time_left(make_client, recorder) -> None:
    client = make_client(deadline=3.0, timeout=httpx.Timeout(60.0, connect=5.0))
    get_assistant.sync("asst_1", client=client)
    sent = recorder.requests[-1].extensions["timeout"]
    assert all(0 < value <= 3.0 for value in sent.values()), sent


def test_defaults_and_turning_the_limits_off() -> None:
    client = Client.openai(API_KEY)
    assert client.deadline == 180.0 and client.max_response_bytes == 64 * 1024 * 1024
    unlimited = client.with_options(deadline=None, max_response_bytes=None)
    assert (unlimited.deadline, unlimited.max_response_bytes) == (None, None)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"deadline": 0}, "deadline must be a number of seconds > 0"),
        ({"deadline": -1.0}, "deadline must be a number of seconds > 0"),
        ({"max_response_bytes": 0}, "max_response_bytes must be a whole number > 0"),
        ({"max_response_bytes": 1.5}, "max_response_bytes must be a whole number > 0"),
    ],
)
def test_bad_limits_fail_at_construction(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Client.openai(API_KEY, **options)


def test_a_declared_length_over_the_cap_fails_before_the_body_is_read(raw_server) -> None:
    head = http_head(200, {"content-type": "application/json", "content-length": str(200 * 1024 * 1024)})
    server = raw_server(lambda conn, request: conn.sendall(head + b"{" * 1000))
    with pytest.raises(errors.ResponseTooLarge, match="declares 209715200 bytes"):
        get_assistant.sync("asst_1", client=client_for(server.url, max_response_bytes=1024 * 1024))


def _chunked(payload: bytes, size: int = 65536) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(payload[i : i + size]), payload[i : i + size])
        for i in range(0, len(payload), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def test_a_body_of_unannounced_length_stops_at_the_cap(raw_server) -> None:
    head = http_head(200, {"content-type": "application/json", "transfer-encoding": "chunked"})
    server = raw_server(lambda conn, request: conn.sendall(head + _chunked(b" " * (8 * 1024 * 1024))))
    with pytest.raises(errors.ResponseTooLarge, match=r"longer than max_response_bytes \(1048576 bytes"):
        get_assistant.sync("asst_1", client=client_for(server.url, max_response_bytes=1024 * 1024))


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """256 MiB of JSON whitespace in about 250 KB of gzip."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b" " * (1024 * 1024)
    return b"".join(compressor.compress(block) for _ in range(256)) + compressor.flush()


def test_a_gzip_bomb_stops_at_the_cap_counted_in_decoded_bytes(raw_server, gzip_bomb: bytes) -> None:
    assert len(gzip_bomb) < 300 * 1024
    head = http_head(
        200,
        {
            "content-type": "application/json",
            "content-encoding": "gzip",
            "content-length": str(len(gzip_bomb)),
        },
    )
    server = raw_server(lambda conn, request: conn.sendall(head + gzip_bomb))
    client = client_for(server.url, max_response_bytes=4 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(errors.ResponseTooLarge):
            get_assistant.sync("asst_1", client=client)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024, f"reading the bomb peaked at {peak / 1e6:.0f} MB"


@pytest.mark.parametrize(
    "encoding, encode",
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send it
        ("gzip, gzip", lambda data: gzip.compress(gzip.compress(data))),
        ("identity", lambda data: data),
    ],
    ids=["gzip", "deflate", "raw-deflate", "gzip-twice", "identity"],
)
def test_compressed_answers_are_decoded_and_parsed(raw_server, encoding: str, encode) -> None:
    payload = encode(BODY)
    head = http_head(
        200,
        {
            "content-type": "application/json",
            "content-encoding": encoding,
            "content-length": str(len(payload)),
        },
    )
    server = raw_server(lambda conn, request: conn.sendall(head + payload))
    response = get_assistant.sync_detailed("asst_1", client=client_for(server.url))
    assert isinstance(response.parsed, AssistantObject)
    assert response.content == BODY
    assert "content-encoding" not in response.headers, "the body handed over is decoded"
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress"])
def test_an_encoding_that_was_not_asked_for_is_a_typed_error(raw_server, encoding: str) -> None:
    head = http_head(
        200, {"content-type": "application/json", "content-encoding": encoding, "content-length": "4"}
    )
    server = raw_server(lambda conn, request: conn.sendall(head + b"abcd"))
    with pytest.raises(errors.ResponseDecodingError, match=f"encoded as '{encoding}'"):
        get_assistant.sync("asst_1", client=client_for(server.url))


def test_a_corrupt_gzip_body_is_a_typed_error(raw_server) -> None:
    payload = b"\x1f\x8b" + b"not gzip at all"
    head = http_head(200, {"content-encoding": "gzip", "content-length": str(len(payload))})
    server = raw_server(lambda conn, request: conn.sendall(head + payload))
    with pytest.raises(errors.ResponseDecodingError, match="could not be decompressed"):
        get_assistant.sync("asst_1", client=client_for(server.url))


def test_a_body_just_under_the_cap_is_read_whole(raw_server) -> None:
    head = http_head(200, {"content-type": "application/json", "transfer-encoding": "chunked"})
    server = raw_server(lambda conn, request: conn.sendall(head + _chunked(BODY, 100)))
    response = get_assistant.sync_detailed(
        "asst_1", client=client_for(server.url, max_response_bytes=len(BODY))
    )
    assert response.content == BODY


def test_a_create_under_limits_still_works_against_a_real_server(loopback) -> None:
    from .conftest import loopback_url

    client = Client.openai(API_KEY, base_url=loopback_url(loopback), deadline=5.0, max_response_bytes=100_000)
    created = create_assistant.sync(client=client, body=CreateAssistantRequest(model="m"))
    assert isinstance(created, AssistantObject)
