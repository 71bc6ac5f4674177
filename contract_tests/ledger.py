"""Every object the run creates is remembered (and tagged in metadata where the suite chooses the body),
so that cleanup can delete all of them at the end, also after a failure or Ctrl-C."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field

from contract_tests.target import Credentials

TAG_KEY = "conformance_run"


@dataclass
class Ledger:
    run_id: str = field(default_factory=lambda: f"ac-{uuid.uuid4().hex[:12]}")
    _alive: dict[str, Credentials] = field(default_factory=dict)
    _created: set[str] = field(default_factory=set)  # every id the run created (ids only: small)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def tag(self) -> dict[str, str]:
        return {TAG_KEY: self.run_id}

    def created(self, assistant_id: str, credentials: Credentials) -> None:
        with self._lock:
            self._alive[assistant_id] = credentials
            self._created.add(assistant_id)

    def deleted(self, assistant_id: str) -> None:
        with self._lock:
            self._alive.pop(assistant_id, None)

    def alive(self) -> list[tuple[str, Credentials]]:
        with self._lock:
            return list(self._alive.items())

    def ever_created(self, assistant_id: str) -> bool:
        with self._lock:
            return assistant_id in self._created

    def is_alive(self, assistant_id: str) -> bool:
        with self._lock:
            return assistant_id in self._alive

    def __len__(self) -> int:
        return len(self._alive)
