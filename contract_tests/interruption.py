"""Ctrl-C ends the run gracefully: stop generating, finish the request in flight, clean up, report.

A second Ctrl-C interrupts at once (cleanup included). schemathesis handles a KeyboardInterrupt
raised inside its phases inconsistently (4.32.5 may end only the current phase and go on with the
next), so the first Ctrl-C never reaches it as an exception: its event stream is stopped instead.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any


class Interruption:
    def __init__(self) -> None:
        self.requested = threading.Event()
        self._stoppers: list[Callable[[], None]] = []

    def on_request(self, stop: Callable[[], None]) -> None:
        """Call `stop` when Ctrl-C comes (at once if it already came)."""
        self._stoppers.append(stop)
        if self.requested.is_set():
            stop()

    def request(self) -> None:
        if self.requested.is_set():
            raise KeyboardInterrupt  # the second Ctrl-C: stop now
        self.requested.set()
        for stop in self._stoppers:
            stop()

    def wait(self, seconds: float) -> None:
        """Sleep, but wake up at once when Ctrl-C comes (a retry wait must not hold the run)."""
        self.requested.wait(seconds)

    def check(self) -> None:
        """Raise KeyboardInterrupt in our own code (scenarios) once Ctrl-C was requested."""
        if self.requested.is_set():
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def handling_sigint(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # signal handlers live in the main thread only
            return

        def handler(signum: int, frame: Any) -> None:
            self.request()

        previous = signal.signal(signal.SIGINT, handler)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
