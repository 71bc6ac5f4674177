"""Ctrl-C, SIGTERM (what CI runners send on a timeout) and SIGHUP end the run gracefully: stop
generating, delete what the run created, report. Effective at any moment:

- a request of the suite's own in flight in the main thread is abandoned at once (its answer would
  not be judged anyway), unless it is part of the cleanup;
- schemathesis is asked to stop; its workers get `ENGINE_GRACE` seconds to finish the request they
  are in, after which the run goes on without them (`contract_tests.engine`);
- a wait for a rate limit wakes up at once;
- a second signal stops at once, cleanup included.

schemathesis handles a KeyboardInterrupt raised inside its phases inconsistently (4.32.5 may end
only the current phase and go on with the next), so the first signal never reaches it as an
exception: its event stream is stopped instead.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any

SIGNALS = tuple(s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None)
ENGINE_GRACE = 10.0


class Interruption:
    def __init__(self) -> None:
        self.requested = threading.Event()
        self.signal: int | None = None  # the first signal received
        self._stoppers: list[Callable[[], None]] = []
        self._sending = 0  # requests of the main thread in flight
        self._protected = 0  # inside the cleanup: the first signal does not abandon its requests

    @property
    def exit_code(self) -> int:
        """130 for Ctrl-C (as shells report it), 128 + the signal's number for the others."""
        return 128 + (self.signal or signal.SIGINT)

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signal).name if self.signal else "SIGINT"

    def on_request(self, stop: Callable[[], None]) -> None:
        """Call `stop` when a signal comes (at once if one already came)."""
        self._stoppers.append(stop)
        if self.requested.is_set():
            stop()

    def request(self, signum: int = signal.SIGINT) -> None:
        if self.requested.is_set():
            raise KeyboardInterrupt  # the second signal: stop now
        self.signal = signum
        self.requested.set()
        for stop in self._stoppers:
            stop()
        on_main = threading.current_thread() is threading.main_thread()
        if on_main and self._sending and not self._protected:
            raise KeyboardInterrupt  # abandon the request in flight: nothing more will be judged

    def wait(self, seconds: float) -> None:
        """Sleep, but wake up at once when a signal comes (a retry wait must not hold the run)."""
        self.requested.wait(seconds)

    def check(self) -> None:
        """Raise KeyboardInterrupt in our own code (scenarios) once a signal came."""
        if self.requested.is_set():
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def sending(self) -> Iterator[None]:
        """Around one request: in the main thread, a first signal abandons it."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        self._sending += 1
        try:
            yield
        finally:
            self._sending -= 1

    @contextlib.contextmanager
    def protected(self) -> Iterator[None]:
        """The cleanup: a first signal lets it go on (it is bounded); a second one stops it."""
        self._protected += 1
        try:
            yield
        finally:
            self._protected -= 1

    @contextlib.contextmanager
    def handling_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield  # signal handlers live in the main thread only
            return

        def handler(signum: int, frame: Any) -> None:
            self.request(signum)

        previous = {s: signal.signal(s, handler) for s in SIGNALS}
        try:
            yield
        finally:
            for s, old in previous.items():
                signal.signal(s, old)

    # The name the runner used before SIGTERM and SIGHUP were handled too.
    handling_sigint = handling_signals
