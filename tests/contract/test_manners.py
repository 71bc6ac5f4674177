"""Manners on a live API: everything created is deleted (also after Ctrl-C), 429 waits for Retry-After."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from contract_tests.config import resolve_credentials
from contract_tests.http import ApiClient
from contract_tests.target import Target
from mock_server import DEFAULT_API_KEYS
from mock_server.process import MockProcess
from tests.contract.harness import FAST_ARGS, ROOT, _env


def _mock_on(db: Path, *extra: str) -> MockProcess:
    return MockProcess("--db", str(db), *extra, env=_env(), cwd=ROOT)


def _target(url: str) -> Target:
    return Target(url, resolve_credentials({"--bearer": DEFAULT_API_KEYS[0]}, environ={}))


def _remaining(url: str) -> dict[str, int]:
    counts = {}
    for key in DEFAULT_API_KEYS:
        page = httpx.get(
            f"{url}/assistants",
            params={"limit": 100},
            headers={"Authorization": f"Bearer {key}", "OpenAI-Beta": "assistants=v2"},
        ).json()
        counts[key[-2:]] = len(page["data"])
    return counts


def _cli(url: str, *args: str) -> subprocess.Popen:
    # Progress lines (stderr is not a terminal) tell a test where the run is.
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "contract_tests",
            "--base-url",
            url,
            "--bearer",
            DEFAULT_API_KEYS[0],
            "--second-api-key",
            DEFAULT_API_KEYS[1],
            *FAST_ARGS,
            "--seed",
            "3",
            *args,
        ],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_everything_the_run_creates_is_deleted(tmp_path: Path) -> None:
    with _mock_on(tmp_path / "state.sqlite3") as mock:
        process = _cli(mock.url)
        out, err = process.communicate(timeout=180)
        assert process.returncode == 0, out + err
        assert _remaining(mock.url) == {key[-2:]: 0 for key in DEFAULT_API_KEYS}


@pytest.mark.parametrize(
    "marker",
    ["scenario list_pages_fit_together", "schemathesis: coverage"],
    ids=["during-scenarios", "during-schemathesis"],
)
def test_ctrl_c_still_cleans_up(tmp_path: Path, marker: str) -> None:
    with _mock_on(tmp_path / "state.sqlite3") as mock:
        process = _cli(mock.url)
        deadline = time.monotonic() + 90
        seen = []
        while time.monotonic() < deadline:  # objects exist once the run got this far
            line = process.stderr.readline()
            seen.append(line)
            if marker in line or not line:
                break
        assert any(marker in line for line in seen), "".join(seen)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 130, out + err
        assert "INTERRUPTED" in out
        assert _remaining(mock.url) == {key[-2:]: 0 for key in DEFAULT_API_KEYS}


def test_429_is_retried_after_retry_after(tmp_path: Path) -> None:
    with _mock_on(tmp_path / "state.sqlite3", "--retry-after", "1") as mock:
        client = ApiClient(_target(mock.url))
        started = time.monotonic()
        # The mock answers 429 to this header every time: the client retries a bounded number of times.
        exchange = client.request("GET", "/assistants", headers={"x-mock-fault": "429"})
        elapsed = time.monotonic() - started
        client.close()
    assert exchange.status == 429
    assert elapsed >= 4 * 1.0 - 0.2  # waited Retry-After before each of its 4 retries


def test_rate_limit_option_spaces_requests(tmp_path: Path) -> None:
    from schemathesis.core.rate_limit import build_limiter

    with _mock_on(tmp_path / "state.sqlite3") as mock:
        client = ApiClient(_target(mock.url), limiter=build_limiter("5/s"))
        started = time.monotonic()
        for _ in range(11):
            assert client.request("GET", "/assistants").status == 200
        elapsed = time.monotonic() - started
        client.close()
    assert elapsed >= 1.0  # 11 requests at 5/s need at least two windows
