"""Start the bundled mock (`python -m mock_server`) on a free port for the run, and stop it after."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Sequence
from typing import Self

from contract_tests.target import ConfigError

READY_LINE = re.compile(r"^assistants-mock listening on (?P<url>https?://\S+)\s*$")
START_TIMEOUT = 30.0


def default_command() -> list[str]:
    return [sys.executable, "-m", "mock_server", "--host", "127.0.0.1", "--port", "0", "--db", ":memory:"]


class MockProcess:
    """A mock server subprocess that announces its URL on stdout (the READY_LINE above)."""

    def __init__(self, command: Sequence[str] | None = None, *, env: dict[str, str] | None = None) -> None:
        self.command = list(command or default_command())
        self.env = env
        self.process: subprocess.Popen[str] | None = None
        self.url: str | None = None
        self._stderr: list[str] = []

    def start(self, timeout: float = START_TIMEOUT) -> str:
        self.process = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(self.env or {})},
            # Its own session: a Ctrl-C in the terminal reaches the suite only, which then cleans up
            # against a mock that is still there, and stops it last.
            start_new_session=True,
        )
        found: list[str] = []
        ready = threading.Event()

        def read_stdout() -> None:
            assert self.process is not None and self.process.stdout is not None
            for line in self.process.stdout:
                match = READY_LINE.match(line.strip())
                if match and not found:
                    found.append(match.group("url"))
                    ready.set()
            ready.set()

        def read_stderr() -> None:
            assert self.process is not None and self.process.stderr is not None
            for line in self.process.stderr:
                # Keep the tail only: enough to explain a failed start.
                self._stderr.append(line)
                del self._stderr[:-40]

        threading.Thread(target=read_stdout, daemon=True).start()
        threading.Thread(target=read_stderr, daemon=True).start()
        ready.wait(timeout)
        if not found:
            self.stop()
            tail = "".join(self._stderr[-15:]).strip()
            raise ConfigError(
                f"the bundled mock did not start within {timeout:.0f}s ({' '.join(self.command)})"
                + (f":\n{tail}" if tail else "")
            )
        self.url = found[0]
        return self.url

    def stop(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
