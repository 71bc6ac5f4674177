from __future__ import annotations

import pathlib
from collections.abc import Iterator

import httpx
import pytest

from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS
from tests.mock.harness import MockProcess

from .harness import ProxyProcess

KEY_1, KEY_2 = DEFAULT_API_KEYS
VIRTUAL_KEY = DEFAULT_VIRTUAL_KEYS[0]


@pytest.fixture(scope="module")
def upstream() -> Iterator[MockProcess]:
    """A correct mock behind the proxy, shared by a test module; tests reset it."""
    with MockProcess("--db", ":memory:") as mock:
        yield mock


@pytest.fixture
def fresh_upstream(upstream: MockProcess) -> MockProcess:
    httpx.post(upstream.root_url + "/_mock/reset", timeout=10).raise_for_status()
    return upstream


@pytest.fixture
def start_proxy(tmp_path: pathlib.Path):
    """Start proxies for a test; each is stopped (SIGTERM) at the end if the test did not."""
    started: list[ProxyProcess] = []

    def start(upstream_url: str, *args: str) -> ProxyProcess:
        proxy = ProxyProcess(upstream_url, *args).start()
        started.append(proxy)
        return proxy

    yield start
    for proxy in started:
        if proxy.returncode is None:
            proxy.stop()


def broken_mock(variant: str, *args: str) -> MockProcess:
    """The mock with one of the broken variants of tests/contract/variants.py."""
    return MockProcess("--db", ":memory:", "--middleware", f"tests.contract.variants:{variant}", *args)
