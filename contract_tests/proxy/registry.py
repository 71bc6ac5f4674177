"""Checks are small named functions, declared once with a decorator on a ``Registry``.

A check takes one ``Exchange`` (and the ``Ledger`` of what earlier exchanges showed) and yields a
``Problem`` for each way the exchange breaks its clause. The checker turns problems into
``Violation`` events, once per distinct (side, check, operation, kind).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    kind: str  # what exactly, stable across occurrences (a field, a schema rule): the dedup key
    message: str  # one line, values abbreviated


@dataclass(frozen=True)
class Check:
    name: str
    side: str  # "client" (the app sent what the contract refuses) or "server"
    clause: str  # the contract clause, one sentence
    run: Callable[[Any, Any], Iterable[Problem]]


class Registry:
    def __init__(self) -> None:
        self._checks: list[Check] = []

    def check(self, name: str, *, side: str, clause: str):
        def register(func: Callable[[Any, Any], Iterable[Problem]]):
            self._checks.append(Check(name, side, clause, func))
            return func

        return register

    def __iter__(self) -> Iterator[Check]:
        return iter(self._checks)

    def __len__(self) -> int:
        return len(self._checks)
