"""Servers shared by every test folder that drives the whole chain: the bundled mock and
Portkey's real gateway (scripts/gateway) in front of it, one of each per test session."""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
from collections.abc import Iterator

import pytest

from tests.mock.harness import MockProcess

ROOT = pathlib.Path(__file__).resolve().parent.parent
GATEWAY = ROOT / "scripts" / "gateway"
# scripts/gateway exits 3 when Node/npm are missing or npm cannot install the gateway.
GATEWAY_CANNOT_INSTALL = 3


# Session servers that install into the repo on first use (npm into scripts/portkey_gateway, a venv
# into .venv-third-party): the tests that use one run in one pytest-xdist worker, which installs and
# starts it once.
SHARED_INSTALLS = ("gateway_url", "openai_responses_url")


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups (`--dist loadgroup`, pyproject addopts)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Groups for pytest-xdist: a test module's tests stay together (its module fixtures start once);
    tests that use a server in SHARED_INSTALLS go to one worker."""
    for item in items:
        shared = [name for name in SHARED_INSTALLS if name in getattr(item, "fixturenames", ())]
        item.add_marker(pytest.mark.xdist_group(shared[0] if shared else item.nodeid.split("::")[0]))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    """The bundled mock on a free loopback port, with a throwaway database."""
    with MockProcess("--db", ":memory:") as mock:
        yield mock.url


@pytest.fixture(scope="session")
def gateway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Portkey's gateway on a free loopback port; skipped only where npm cannot install it."""
    port = str(free_port())
    env = {**os.environ, "GATEWAY_STATE_DIR": str(tmp_path_factory.mktemp("gateway"))}
    started = subprocess.run(
        [str(GATEWAY), "start", "--port", port],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    if started.returncode == GATEWAY_CANNOT_INSTALL:
        pytest.skip(f"Portkey's gateway cannot be installed with npm here: {started.stderr.strip()}")
    assert started.returncode == 0, started.stderr
    try:
        yield started.stdout.strip().splitlines()[0].rsplit(" ", 1)[-1]
    finally:
        subprocess.run(
            [str(GATEWAY), "stop", "--port", port], capture_output=True, env=env, timeout=30, check=False
        )
