from __future__ import annotations

import pathlib

import assistants_spec
import httpx
import pytest

from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS

from .harness import MockProcess
from .spec_check import Recorder

KEY_1, KEY_2 = DEFAULT_API_KEYS
VIRTUAL_KEY = DEFAULT_VIRTUAL_KEYS[0]
V2 = assistants_spec.load_spec().beta_value("v2")
V1 = assistants_spec.load_spec().beta_value("v1")


@pytest.fixture(scope="session")
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture(scope="session")
def mock(tmp_path_factory) -> MockProcess:
    """One mock (file database, like a user's default) for the behaviour tests; reset per test."""
    folder = tmp_path_factory.mktemp("mock")
    server = MockProcess("--db", str(folder / "state.sqlite3"), log_path=folder / "stderr.log").start()
    yield server
    server.stop()


def make_client(
    url: str, recorder: Recorder, *, key: str | None = KEY_1, beta: str | None = V2, **headers: str
) -> httpx.Client:
    sent = dict(headers)
    if key is not None:
        sent["Authorization"] = f"Bearer {key}"
    if beta is not None:
        sent["OpenAI-Beta"] = beta
    return httpx.Client(base_url=url, headers=sent, timeout=10, event_hooks={"response": [recorder]})


@pytest.fixture
def fresh(mock: MockProcess) -> MockProcess:
    httpx.post(mock.root_url + "/_mock/reset", timeout=10).raise_for_status()
    return mock


@pytest.fixture
def api(fresh: MockProcess, recorder: Recorder) -> httpx.Client:
    """Tenant 1, v2, against an empty mock; every response is checked against the spec."""
    with make_client(fresh.url, recorder) as client:
        yield client


@pytest.fixture
def client_for(fresh: MockProcess, recorder: Recorder):
    """Factory for clients with other credentials or headers (all spec-checked)."""
    made: list[httpx.Client] = []

    def factory(**kwargs) -> httpx.Client:
        client = make_client(fresh.url, recorder, **kwargs)
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


@pytest.fixture
def spec_copy(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of spec/openapi.yaml that a test may edit before serving it."""
    target = tmp_path / "openapi.yaml"
    target.write_text(assistants_spec.SPEC_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    return target
