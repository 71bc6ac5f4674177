"""Starting and stopping the mock (mock_server.process): the one runner of the CLI, tests and benchmarks."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time

import httpx
import pytest

from mock_server.process import MockProcess, MockStartError, running
from mock_server.server import parse_ready_line, ready_line

from .harness import ROOT

# A tool that starts the mock the way assistants-conformance does, reports it, then waits.
STARTER = textwrap.dedent(
    """
    import signal, sys, time, httpx
    from mock_server.process import MockProcess
    # As a program run from a terminal: a shell's background job (e.g. `scripts/test &`) inherits
    # Ctrl-C ignored, and Python then never raises KeyboardInterrupt.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    mock = MockProcess().start()
    try:
        print(mock.url, mock.pid, flush=True)
        time.sleep(120)
    except KeyboardInterrupt:
        # The cleanup a tool does on Ctrl-C needs the mock still there.
        print("alive" if httpx.get(mock.root_url + "/health").status_code == 200 else "gone", flush=True)
        mock.stop()
        print("stopped", flush=True)
    """
)


def _gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _group_gone(group: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _start_starter() -> tuple[subprocess.Popen, str, int]:
    starter = subprocess.Popen(
        [sys.executable, "-c", STARTER],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a terminal of its own: killpg() below is that terminal's Ctrl-C
    )
    url, pid = starter.stdout.readline().split()
    return starter, url, int(pid)


def test_the_ready_line_is_written_and_read_in_one_format():
    url = "http://127.0.0.1:4010/v1"
    assert parse_ready_line(ready_line(url) + "\n") == url
    for other in ("", "listening on http://x/v1", ready_line("ftp://x"), ready_line("http://x/v1 and more")):
        assert parse_ready_line(other) is None


def test_running_gives_a_started_mock_and_stops_it():
    with running() as mock:
        assert httpx.get(mock.root_url + "/health").status_code == 200
        assert mock.first_line == ready_line(mock.url)
        assert os.getsid(mock.pid) != os.getsid(0)  # a session of its own
    assert not mock.alive()


def test_stop_ends_every_worker(tmp_path):
    mock = MockProcess("--db", str(tmp_path / "state.sqlite3"), "--workers", "2").start()
    group = os.getpgid(mock.pid)
    mock.stop()
    assert _group_gone(group, 10), "a worker outlived stop()"


def test_a_failed_start_says_why_at_once():
    started = time.monotonic()
    with pytest.raises(MockStartError, match="cannot start"):
        MockProcess("--spec", "/nonexistent/openapi.yaml").start()
    assert time.monotonic() - started < 15  # not the whole start timeout


def test_the_mock_does_not_outlive_its_starter_killed_by_sigkill():
    starter, url, mock_pid = _start_starter()
    try:
        assert httpx.get(url.rsplit("/", 1)[0] + "/health").status_code == 200
        os.kill(starter.pid, signal.SIGKILL)  # no cleanup code runs in the starter
        starter.wait(timeout=10)
        assert _gone(mock_pid, 10), "the mock outlived the process that started it"
        with pytest.raises(httpx.ConnectError):
            httpx.get(url.rsplit("/", 1)[0] + "/health", timeout=2)
    finally:
        starter.kill()
        starter.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(mock_pid, signal.SIGKILL)


def test_ctrl_c_reaches_the_starter_not_the_mock():
    starter, _, mock_pid = _start_starter()
    try:
        os.killpg(starter.pid, signal.SIGINT)  # what a terminal does on Ctrl-C
        out, _ = starter.communicate(timeout=30)
        assert out.split() == ["alive", "stopped"]
        assert _gone(mock_pid, 10)
    finally:
        starter.kill()
        starter.wait(timeout=10)
