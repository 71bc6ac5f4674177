"""The proxy forwards unchanged: what the client sends is what the server sees, what the server
answers is what the client gets, with the official SDK and the generated client, and no violation
is reported for the correct mock."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import openai
import pytest

from tests.mock.harness import MockProcess

from . import tap
from .conftest import KEY_1

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# Headers a proxy must not forward (RFC 9110, 7.6.1), and the one it must set for the upstream.
NOT_FORWARDED = {b"host", b"connection", b"keep-alive", b"transfer-encoding", b"te", b"upgrade"}


@pytest.fixture
def tapped(tmp_path, monkeypatch):
    path = tmp_path / "tap.jsonl"
    monkeypatch.setenv("PROXY_TEST_TAP", str(path))
    with MockProcess("--db", ":memory:", "--middleware", "tests.proxy.tap:tap") as mock:
        yield mock, path


class Wire:
    """What the client sent and received, as httpx saw it on the wire."""

    def __init__(self) -> None:
        self.exchanges: list[tuple[httpx.Request, httpx.Response]] = []

    def response(self, response: httpx.Response) -> None:
        response.read()
        self.exchanges.append((response.request, response))

    def client(self) -> httpx.Client:
        return httpx.Client(timeout=30, event_hooks={"response": [self.response]})


def assert_unchanged(wire: Wire, tap_path) -> None:
    seen = [s for s in tap.read(tap_path) if s["raw_path"] != b"/health"]  # the mock's own start-up probe
    assert len(seen) == len(wire.exchanges)
    for (request, response), server in zip(wire.exchanges, seen, strict=True):
        # The request as the server received it.
        assert server["method"] == request.method
        assert server["raw_path"] == request.url.raw_path.split(b"?")[0]
        assert server["query"] == request.url.query
        assert server["body"] == request.content
        sent = [(k.lower(), v) for k, v in request.headers.raw if k.lower() not in NOT_FORWARDED]
        got = [(k, v) for k, v in server["headers"] if k not in NOT_FORWARDED]
        assert got == sent
        # The answer as the client received it.
        assert response.status_code == server["status"]
        assert response.content == server["response_body"]
        received = [(k.lower(), v) for k, v in response.headers.raw]
        for header in server["response_headers"]:
            assert header in received, header


def test_openai_sdk_through_the_proxy_is_unchanged_and_conforms(tapped, start_proxy, tmp_path):
    mock, tap_path = tapped
    report, junit = tmp_path / "report.md", tmp_path / "junit.xml"
    proxy = start_proxy(mock.url, "--report", str(report), "--junit", str(junit))
    wire = Wire()
    with wire.client() as http_client:
        sdk = openai.OpenAI(api_key=KEY_1, base_url=proxy.url, max_retries=0, http_client=http_client)
        assistants = sdk.beta.assistants
        created = assistants.create(
            model="gpt-4o",
            name="Math Tutor",
            instructions="Answer with Python. Ünïcödé ✓",
            tools=[{"type": "code_interpreter"}, {"type": "function", "function": {"name": "f"}}],
            metadata={"team": "edu"},
            temperature=0.4,
        )
        assert assistants.retrieve(created.id) == created
        updated = assistants.update(created.id, name="Tutor", metadata={"team": "math"})
        assert updated.name == "Tutor" and updated.temperature == 0.4
        more = [assistants.create(model="gpt-4o", name=f"n{i}").id for i in range(4)]
        assert [a.id for a in assistants.list(limit=2, order="asc")] == [created.id, *more]
        assert assistants.delete(created.id).deleted is True
        with pytest.raises(openai.NotFoundError):
            assistants.retrieve(created.id)
    assert proxy.stop() == 0
    assert proxy.violations() == [], proxy.lines
    assert_unchanged(wire, tap_path)
    assert "0 distinct violations" in report.read_text()
    assert 'failures="0"' in junit.read_text()


def test_generated_client_through_the_proxy_is_unchanged_and_conforms(tapped, start_proxy):
    from assistants_client import Client
    from assistants_client.errors import APIStatusError
    from assistants_client.models import CreateAssistantRequest, ModifyAssistantRequest

    mock, tap_path = tapped
    proxy = start_proxy(mock.url)
    wire = Wire()
    client = Client.openai(
        KEY_1, base_url=proxy.url, max_retries=0, httpx_args={"event_hooks": {"response": [wire.response]}}
    )
    with client:
        api = client.assistants
        created = api.create_assistant(body=CreateAssistantRequest(model="gpt-4o", name="Generated"))
        assert api.get_assistant(created.id).name == "Generated"
        assert (
            api.modify_assistant(created.id, body=ModifyAssistantRequest(description="d")).description == "d"
        )
        assert [a.id for a in api.list_assistants_all(limit=1)] == [created.id]
        api.delete_assistant(created.id)
        with pytest.raises(APIStatusError):
            api.get_assistant(created.id)
    assert proxy.stop() == 0
    assert proxy.violations() == [], proxy.lines
    assert_unchanged(wire, tap_path)


def test_odd_bytes_reach_the_server_unchanged(tapped, start_proxy):
    """Header values outside ASCII, repeated headers, an encoded slash and a repeated query
    parameter are forwarded byte for byte."""
    mock, tap_path = tapped
    proxy = start_proxy(mock.url)
    port = int(proxy.url.split(":")[2].split("/")[0])
    request = (
        b"GET /v1/assistants/asst%2Fx%20y?after=a&after=b&limit=2 HTTP/1.1\r\n"
        b"Host: example\r\nAuthorization: Bearer " + KEY_1.encode() + b"\r\n"
        b"OpenAI-Beta: assistants=v2\r\nX-Odd: caf\xe9 \xa0 end\r\nX-Twice: 1\r\nX-Twice: 2\r\n"
        b"Connection: close\r\n\r\n"
    )
    answer = _raw(port, request)
    assert answer.startswith(b"HTTP/1.1 404")
    assert proxy.stop() == 0
    (seen,) = [s for s in tap.read(tap_path) if s["raw_path"] != b"/health"]
    assert seen["raw_path"] == b"/v1/assistants/asst%2Fx%20y"
    assert seen["query"] == b"after=a&after=b&limit=2"
    assert (b"x-odd", b"caf\xe9 \xa0 end") in seen["headers"]
    assert [v for k, v in seen["headers"] if k == b"x-twice"] == [b"1", b"2"]


def _raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


class _SlowServer(threading.Thread):
    """An upstream that answers in chunks, a pause between them, with a header byte outside ASCII."""

    def __init__(self, pause: float) -> None:
        super().__init__(daemon=True)
        self.pause = pause
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]

    def run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break  # a connection without a request (the proxy's start-up probe)
                    data += chunk
                if not data:
                    continue
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-Latin: caf\xe9\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n"
                )
                for part in (b"data: one\n\n", b"data: two\n\n"):
                    conn.sendall(b"%x\r\n%s\r\n" % (len(part), part))
                    time.sleep(self.pause)
                conn.sendall(b"0\r\n\r\n")


def test_answers_stream_through_chunk_by_chunk(start_proxy):
    server = _SlowServer(pause=1.0)
    server.start()
    proxy = start_proxy(f"http://127.0.0.1:{server.port}/v1")
    arrivals = []
    started = time.monotonic()
    with httpx.stream("GET", proxy.url + "/stream", timeout=10) as response:
        assert (
            response.headers.raw[[k.lower() for k, _ in response.headers.raw].index(b"x-latin")][1]
            == b"caf\xe9"
        )
        for chunk in response.iter_raw():
            arrivals.append((time.monotonic() - started, chunk))
    assert b"".join(c for _, c in arrivals) == b"data: one\n\ndata: two\n\n"
    assert arrivals[0][0] < 0.9  # the first event came before the upstream finished
    server.sock.close()
    proxy.stop()
    assert proxy.violations() == []  # not an operation of the contract: forwarded, not judged


def test_an_unreachable_upstream_gets_a_proxy_error_not_a_violation(start_proxy):
    mock = MockProcess("--db", ":memory:").start()
    proxy = start_proxy(mock.url)
    mock.stop()
    response = httpx.get(
        proxy.url + "/assistants",
        headers={"Authorization": f"Bearer {KEY_1}", "OpenAI-Beta": "assistants=v2"},
    )
    assert response.status_code == 502
    assert response.headers["x-assistants-proxy-error"] == "upstream"
    assert response.json()["error"]["type"] == "proxy_error"
    assert proxy.stop() == 0
    assert proxy.violations() == []
    assert any("without a complete answer from the upstream: 1" in line for line in proxy.lines)


def test_a_chunked_request_body_and_a_head_request_pass_through(tapped, start_proxy):
    mock, tap_path = tapped
    proxy = start_proxy(mock.url)
    headers = {
        "Authorization": f"Bearer {KEY_1}",
        "OpenAI-Beta": "assistants=v2",
        "Content-Type": "application/json",
    }
    pieces = [b'{"model": "gpt-4o", ', b'"name": "in pieces"}']
    created = httpx.post(proxy.url + "/assistants", headers=headers, content=iter(pieces), timeout=10)
    assert created.status_code == 200 and created.json()["name"] == "in pieces"
    head = httpx.head(proxy.url + "/assistants", headers=headers, timeout=10)
    after = httpx.get(proxy.url + "/assistants", headers=headers, timeout=10)  # the proxy still works
    assert after.status_code == 200
    assert proxy.stop() == 0
    seen = [s for s in tap.read(tap_path) if s["raw_path"] != b"/health"]
    assert seen[0]["body"] == b"".join(pieces)
    assert seen[1]["method"] == "HEAD" and seen[1]["status"] == head.status_code
