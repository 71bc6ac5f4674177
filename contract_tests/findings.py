"""A finding is one contract violation: which operation, which check, what was expected, how to replay it."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import StrEnum


class Origin(StrEnum):
    # The API behind any gateway broke the contract.
    UPSTREAM = "upstream"
    # Behaviour of the gateway itself (its own answers, its rewriting of requests), outside the contract.
    GATEWAY = "gateway"


@dataclass(frozen=True)
class Finding:
    operation: str  # e.g. "POST /assistants"
    check: str  # e.g. "created_is_read_back", "negative_data_rejection"
    message: str  # says what was expected and what came back (keys masked)
    curl: tuple[str, ...] = ()  # requests that reproduce it, oldest first (keys as ${ENV} references)
    source: str = "scenario"  # "scenario" or the schemathesis phase that found it
    origin: Origin = Origin.UPSTREAM
    attribution: str = ""  # why a gateway finding is the gateway's

    @property
    def key(self) -> tuple[str, str, str, str]:
        # Findings with the same check, operation and first message line are one problem.
        return (self.origin, self.operation, self.check, self.message.splitlines()[0] if self.message else "")

    @property
    def is_gateway(self) -> bool:
        return self.origin is Origin.GATEWAY


@dataclass
class Findings:
    items: list[Finding] = field(default_factory=list)
    _seen: set[tuple[str, str, str, str]] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, finding: Finding) -> None:
        with self._lock:
            if finding.key not in self._seen:
                self._seen.add(finding.key)
                self.items.append(finding)

    def __len__(self) -> int:
        return len(self.items)

    def grouped(self) -> dict[str, dict[str, list[Finding]]]:
        """operation -> check -> findings, sorted for stable reports."""
        groups: dict[str, dict[str, list[Finding]]] = {}
        for finding in sorted(self.items, key=lambda f: (f.operation, f.check, f.message)):
            groups.setdefault(finding.operation, {}).setdefault(finding.check, []).append(finding)
        return groups
