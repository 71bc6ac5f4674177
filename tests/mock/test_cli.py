"""The command line and the Python interface others rely on (mock_server/README.md)."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import pathlib
import signal
import subprocess
import sys
import time

import httpx
import pytest

import mock_server
from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS, Settings, create_app

from .harness import ROOT, MockProcess


def test_settings_defaults_match_the_interface():
    settings = Settings()
    assert (settings.host, settings.port, settings.workers) == ("127.0.0.1", 4010, 1)
    assert settings.api_keys == DEFAULT_API_KEYS == ("sk-mock-tenant-1", "sk-mock-tenant-2")
    assert settings.virtual_keys == DEFAULT_VIRTUAL_KEYS == ("vk-mock",)
    assert settings.max_body_bytes == 4 * 1024 * 1024 and settings.fault_rate == 0.0
    assert dataclasses.is_dataclass(settings) and callable(mock_server.serve)


def test_settings_repr_hides_keys():
    text = repr(Settings(api_keys=("sk-very-secret",)))
    assert "sk-very-secret" not in text and "sk-mock" not in text


def test_invalid_settings_are_refused():
    for bad in ({"fault_rate": 2}, {"api_keys": ()}, {"max_body_bytes": 0}, {"workers": 0}):
        with pytest.raises(ValueError):
            Settings(**bad)


def test_create_app_is_a_plain_asgi3_callable():
    asyncio.run(_call_health(create_app(Settings(db=":memory:"))))


async def _call_health(app) -> None:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/health", "headers": [], "query_string": b""}
    await app(scope, receive, send)
    assert sent[0]["status"] == 200 and sent[1]["body"] == b'{"status":"ok"}'


def test_prints_exactly_one_line_with_the_real_port():
    with MockProcess("--db", ":memory:", "--api-key", "sk-custom", "--virtual-key", "vk-custom") as server:
        assert server.first_line.startswith("assistants-mock listening on http://127.0.0.1:")
        assert not server.url.endswith(":0/v1")
        headers = {"OpenAI-Beta": "assistants=v2"}
        assert (
            httpx.get(
                server.url + "/assistants", headers={**headers, "Authorization": "Bearer sk-custom"}
            ).status_code
            == 200
        )
        # --api-key replaces the defaults.
        assert (
            httpx.get(
                server.url + "/assistants", headers={**headers, "Authorization": "Bearer sk-mock-tenant-1"}
            ).status_code
            == 401
        )
        portkey = {"x-portkey-api-key": "sk-custom", "x-portkey-virtual-key": "vk-custom"}
        assert httpx.get(server.url + "/assistants", headers={**headers, **portkey}).status_code == 200


def test_middleware_wraps_the_app():
    with MockProcess(
        "--db", ":memory:", "--middleware", "tests.mock.middleware_example:teapot_health"
    ) as server:
        assert httpx.get(server.root_url + "/health").status_code == 418
        assert httpx.get(server.url + "/assistants").status_code == 401


def test_bad_arguments_exit_with_a_message():
    result = subprocess.run(
        [sys.executable, "-m", "mock_server", "--fault-rate", "3"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and "fault_rate" in result.stderr and result.stdout == ""


def test_help_lists_the_options():
    result = subprocess.run(
        [sys.executable, "-m", "mock_server", "--help"],
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
        timeout=30,
    )
    for option in (
        "--host",
        "--port",
        "--db",
        "--api-key",
        "--virtual-key",
        "--max-body-bytes",
        "--fault-rate",
        "--seed",
        "--workers",
        "--api-key-file",
        "--virtual-key-file",
        "--header-timeout",
        "--body-timeout",
        "--max-connections",
        "--idempotency-ttl",
    ):
        assert option in result.stdout


def test_port_in_use_is_a_clear_error():
    with MockProcess("--db", ":memory:") as server:
        port = server.url.rsplit(":", 1)[1].split("/")[0]
        result = subprocess.run(
            [sys.executable, "-m", "mock_server", "--port", port, "--db", ":memory:"],
            cwd=ROOT,
            capture_output=True,
            check=False,
            text=True,
            timeout=30,
        )
        assert result.returncode != 0 and result.stdout == ""


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--spec", "/nonexistent/openapi.yaml"], "cannot start"),
        (["--middleware", "no_such_module:wrap"], "cannot start"),
        (["--host", "192.0.2.1"], "cannot listen"),  # TEST-NET-1: never a local address
        (["--retry-after", "0"], "cannot start"),  # below the minimum of the spec's Retry-After
    ],
)
def test_start_up_failures_are_one_clear_line(args, expected):
    result = subprocess.run(
        [sys.executable, "-m", "mock_server", "--port", "0", "--db", ":memory:", *args],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"assistants-mock: {expected}") and "Traceback" not in result.stderr


def test_workers_die_with_the_server_process():
    server = MockProcess("--db", ":memory:").start()
    try:
        group = os.getpgid(server.process.pid)
        os.kill(server.process.pid, signal.SIGKILL)  # only the main process, not its group
        server.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                break  # no process of the server is left
            time.sleep(0.05)
        else:
            pytest.fail("a worker outlived the killed server process")
    finally:
        server.kill()


def _process_tree(pid: int) -> list[int]:
    found = [pid]
    for task in pathlib.Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += _process_tree(int(child))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_keys_from_a_file_or_the_environment_stay_out_of_the_process_list(tmp_path):
    api_keys, virtual_keys = tmp_path / "api-keys", tmp_path / "virtual-keys"
    api_keys.write_text("sk-from-file-1\n\nsk-from-file-2\r\n", encoding="utf-8")
    virtual_keys.write_text("vk-from-file\n", encoding="utf-8")
    secrets = [b"sk-from-file-1", b"sk-from-file-2", b"vk-from-file", b"sk-from-env"]
    with MockProcess(
        "--api-key-file",
        str(api_keys),
        "--virtual-key-file",
        str(virtual_keys),
        "--workers",
        "2",
        "--db",
        str(tmp_path / "state.sqlite3"),
        env={"ASSISTANTS_MOCK_API_KEYS": "sk-from-env"},
    ) as server:
        beta = {"OpenAI-Beta": "assistants=v2"}
        for key in ("sk-from-file-1", "sk-from-file-2", "sk-from-env"):
            response = httpx.get(
                server.url + "/assistants", headers={**beta, "Authorization": f"Bearer {key}"}
            )
            assert response.status_code == 200, key
        portkey = {"x-portkey-api-key": "sk-from-env", "x-portkey-virtual-key": "vk-from-file"}
        assert httpx.get(server.url + "/assistants", headers={**beta, **portkey}).status_code == 200
        # Keys given this way replace the defaults.
        default = {**beta, "Authorization": f"Bearer {DEFAULT_API_KEYS[0]}"}
        assert httpx.get(server.url + "/assistants", headers=default).status_code == 401
        processes = _process_tree(server.pid)
        assert len(processes) >= 3  # the server and its two workers
        for pid in processes:
            cmdline = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
            assert not [s for s in secrets if s in cmdline], f"a key shows in /proc/{pid}/cmdline"
        for pid in processes[1:]:
            # Workers get the settings through granian's loader, not the environment.
            environ = pathlib.Path(f"/proc/{pid}/environ").read_bytes()
            assert b"sk-from-file" not in environ and b"ASSISTANTS_MOCK_SETTINGS" not in environ


def test_an_unreadable_key_file_is_one_clear_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mock_server", "--api-key-file", str(tmp_path / "missing")],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert (
        result.stderr.startswith("assistants-mock: cannot read keys from")
        and "Traceback" not in result.stderr
    )
