"""The whole Portkey chain on loopback: a client, Portkey's real gateway (scripts/gateway), the mock."""

from __future__ import annotations

import os
import pathlib
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GATEWAY = ROOT / "scripts" / "gateway"
TENANT = "sk-mock-tenant-1"
OTHER_TENANT = "sk-mock-tenant-2"
# scripts/gateway exits 3 when Node/npm are missing or npm cannot install the gateway.
CANNOT_INSTALL = 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def mock_url() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "mock_server", "--port", "0", "--db", ":memory:"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        line = process.stdout.readline().strip()
        assert line.startswith("assistants-mock listening on "), (
            f"unexpected first line from the mock: {line!r}"
        )
        yield line.rsplit(" ", 1)[-1]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def gateway_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
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
    if started.returncode == CANNOT_INSTALL:
        pytest.skip(f"Portkey's gateway cannot be installed with npm here: {started.stderr.strip()}")
    assert started.returncode == 0, started.stderr
    try:
        yield started.stdout.strip().rsplit(" ", 1)[-1]
    finally:
        subprocess.run(
            [str(GATEWAY), "stop", "--port", port], capture_output=True, env=env, timeout=30, check=False
        )


@pytest.fixture
def self_hosted_headers(mock_url: str) -> dict[str, str]:
    """What a self-hosted gateway needs to forward to the mock as if it were OpenAI."""
    return {
        "x-portkey-provider": "openai",
        "Authorization": f"Bearer {TENANT}",
        "x-portkey-custom-host": mock_url,
        "OpenAI-Beta": "assistants=v2",
    }
