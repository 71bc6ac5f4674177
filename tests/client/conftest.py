"""Fixtures for the generated client's tests: the spec's examples, a recording mock transport, and a
loopback HTTP server for what a mock transport cannot show (logging, real connections)."""

from __future__ import annotations

import json
import os
import pathlib
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import assistants_spec
import httpx
import pytest

API_KEY = "sk-test-0123456789abcdefSECRET"
PORTKEY_KEY = "pk-test-0123456789SECRET"
VIRTUAL_KEY = "vk-test-0123456789SECRET"
SECRETS = (API_KEY, PORTKEY_KEY, VIRTUAL_KEY)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def operation(method: str, path: str, profile: str | None = None) -> dict[str, Any]:
    return assistants_spec.load(profile)["paths"][path][method]


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


@pytest.fixture
def loopback() -> Iterator[ThreadingHTTPServer]:
    """A real HTTP server on 127.0.0.1 (free port); set ``.respond(method, path, body)``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
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


def loopback_url(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/v1"


ROOT = pathlib.Path(__file__).resolve().parents[2]
GATEWAY_CANNOT_INSTALL = 3  # scripts/gateway's exit status when Node/npm cannot install the gateway


def mock_key() -> str:
    from mock_server.config import DEFAULT_API_KEYS

    return DEFAULT_API_KEYS[0]


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    """The bundled mock server on a free loopback port (skipped when the mock is not in this tree)."""
    pytest.importorskip("mock_server.server", reason="the mock server is not in this tree")
    command = [sys.executable, "-m", "mock_server", "--port", "0", "--db", ":memory:"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        try:
            line = lines.get(timeout=30)
        except queue.Empty:
            pytest.fail("the mock server did not announce itself within 30 s")
        if "listening on" not in line:
            pytest.fail(f"unexpected start-up line from the mock server: {line!r}")
        yield line.rsplit(" ", 1)[1].strip()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def gateway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Portkey's real gateway (scripts/gateway) on a free loopback port; skipped when it cannot install."""
    script = ROOT / "scripts" / "gateway"
    if not script.exists():
        pytest.skip("scripts/gateway is not in this tree")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = str(sock.getsockname()[1])
    env = {**os.environ, "GATEWAY_STATE_DIR": str(tmp_path_factory.mktemp("gateway"))}
    started = subprocess.run(
        [str(script), "start", "--port", port],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if started.returncode == GATEWAY_CANNOT_INSTALL:
        pytest.skip(f"Portkey's gateway cannot be installed here: {started.stderr.strip()}")
    assert started.returncode == 0, started.stderr
    try:
        yield started.stdout.strip().splitlines()[0].rsplit(" ", 1)[-1]
    finally:
        subprocess.run(
            [str(script), "stop", "--port", port], check=False, capture_output=True, env=env, timeout=30
        )
