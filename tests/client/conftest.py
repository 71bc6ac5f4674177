"""Fixtures for the generated client's tests: the spec's examples, a recording mock transport, and a
loopback HTTP server for what a mock transport cannot show (logging, real connections)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import assistants_spec
import httpx
import pytest

from tests.loopback_server import QuietThreadingHTTPServer

API_KEY = "sk-test-0123456789abcdefSECRET"
PORTKEY_KEY = "pk-test-0123456789SECRET"
VIRTUAL_KEY = "vk-test-0123456789SECRET"
SECRETS = (API_KEY, PORTKEY_KEY, VIRTUAL_KEY)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def operation(method: str, path: str, profile: str | None = None) -> dict[str, Any]:
    return assistants_spec.load_spec().document(profile)["paths"][path][method]


def response_example(method: str, path: str, name: str, status: str = "200") -> Any:
    media = operation(method, path)["responses"][status]["content"]["application/json"]
    return media["examples"][name]["value"]


def assistant_example() -> dict[str, Any]:
    """The spec's created math tutor (a full AssistantObject)."""
    return response_example("post", "/assistants", "math_tutor")


class Recorder:
    """A MockTransport handler that records requests and answers from a queue (or a function)."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response] | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.queue: list[httpx.Response | Exception] = []
        self._answer = answer

    def then(self, *responses: httpx.Response | Exception) -> Recorder:
        self.queue.extend(responses)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.queue:
            item = self.queue.pop(0)
            if isinstance(item, Exception):
                raise item
            return item
        if self._answer is not None:
            return self._answer(request)
        return httpx.Response(200, json=assistant_example(), headers={"x-request-id": "req_ok"})

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_client(recorder: Recorder):
    """Client.openai over a MockTransport (sync and async) answering from ``recorder``."""
    from assistants_client import Client

    def build(**options: Any) -> Client:
        options.setdefault("retry_policy", _fast_retries())
        return Client.openai(
            API_KEY,
            base_url="http://api.test/v1",
            transport=httpx.MockTransport(recorder),
            async_transport=httpx.MockTransport(recorder),  # MockTransport serves async from a sync handler
            **options,
        )

    return build


def _fast_retries():
    from assistants_client import RetryPolicy

    # Real waits would make the suite slow; the waits themselves are tested on RetryTransport.
    return RetryPolicy(backoff_initial=0.001, backoff_max=0.002)


class _Handler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True  # else every answer is ~40 ms late
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.seen.append((self.command, self.path, dict(self.headers), body))
        status, headers, payload = self.server.respond(self.command, self.path, body)
        data = json.dumps(payload).encode() if not isinstance(payload, bytes) else payload
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass


@contextlib.contextmanager
def serving() -> Iterator[ThreadingHTTPServer]:
    """A real HTTP server on 127.0.0.1 (free port); set ``.respond(method, path, body)``."""
    server = QuietThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.seen = []
    server.respond = lambda method, path, body: (200, {"x-request-id": "req_loop"}, assistant_example())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def loopback() -> Iterator[ThreadingHTTPServer]:
    with serving() as server:
        yield server


class RawServer:
    """A loopback TCP server for behaviour no HTTP server library would produce (dropping a connection
    after reading the request, trickling bytes, lying about lengths). ``handler(conn, request)`` gets
    each request on its own connection, which is closed when the handler returns."""

    def __init__(self, handler: Callable[[socket.socket, RawRequest], None]) -> None:
        self.handler = handler
        self.requests: list[RawRequest] = []
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.1)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/v1"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                request = RawRequest.read(conn)
            except (OSError, ValueError):
                return
            if request is None:
                return
            self.requests.append(request)
            with contextlib.suppress(OSError):
                self.handler(conn, request)

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self._accepting.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)


class RawRequest:
    def __init__(self, method: str, path: str, headers: dict[str, str], body: bytes) -> None:
        self.method, self.path, self.headers, self.body = method, path, headers, body

    @classmethod
    def read(cls, conn: socket.socket) -> RawRequest | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
        while len(body) < int(headers.get("content-length", "0")):
            chunk = conn.recv(65536)
            if not chunk:
                break
            body += chunk
        return cls(method, path, headers, body)


def http_head(status: int, headers: dict[str, str] | None = None) -> bytes:
    """A response's status line and headers (with ``Connection: close``: one request per connection)."""
    lines = [f"HTTP/1.1 {status} X", "connection: close", *(f"{k}: {v}" for k, v in (headers or {}).items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@pytest.fixture
def raw_server():
    """``raw_server(handler)`` starts a ``RawServer``; every one started is closed after the test."""
    started: list[RawServer] = []

    def start(handler: Callable[[socket.socket, RawRequest], None]) -> RawServer:
        started.append(RawServer(handler))
        return started[-1]

    yield start
    for server in started:
        server.close()


def loopback_url(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/v1"


def mock_key() -> str:
    from mock_server.config import DEFAULT_API_KEYS

    return DEFAULT_API_KEYS[0]
