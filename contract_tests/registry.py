"""The one registry of what the suite checks: response checks and behaviour scenarios, each declared
once by its decorator with everything the runner, the engine and the reports need to know about it.

    @check()                                          # schemathesis runs it on every response
    def created_is_read_back(run, answer, case): ...

    @scenario(operation=LIST, order=50)                 # the runner runs it once, in `order`
    def list_pages_fit_together(run): ...

A check or scenario with ``gateway=True`` is about a gateway in front of the API: it runs only in
gateway mode and its failures are gateway findings. ``second_tenant=True`` needs a second tenant.
The name reports use is the function's name.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import schemathesis


class Kind(StrEnum):
    CHECK = "check"  # run by schemathesis on every response, in every phase
    SCENARIO = "scenario"  # a sequence of requests run once by the suite, before schemathesis


@dataclass(frozen=True)
class Entry:
    name: str
    kind: Kind
    func: Callable[..., Any]
    operation: str | None = None  # scenarios: the operation id a violation is reported under
    order: int = 0  # scenarios: run order (ties: by name)
    gateway: bool = False  # about the gateway in front of the API (gateway mode only)
    second_tenant: bool = False  # needs a second tenant's credentials

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0] if self.func.__doc__ else ""


_ENTRIES: dict[str, Entry] = {}
# Where checks and scenarios are declared; `entries()` imports them, so nothing relies on who imported what.
PACKAGES = ("contract_tests.checks", "contract_tests.scenarios")


def _add(entry: Entry) -> None:
    known = _ENTRIES.get(entry.name)
    if known is not None and known.func.__module__ != entry.func.__module__:
        raise ValueError(f"{entry.kind} {entry.name!r} is declared twice ({known.func.__module__})")
    _ENTRIES[entry.name] = entry


def check(*, gateway: bool = False) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare a response check: ``func(run, answer, case)`` raises AssertionError for a violation.

    ``run`` is the run's context, ``answer`` the response seen through `contract_tests.checks.answer`;
    the check is registered with schemathesis under the function's name.
    """

    def register(func: Callable[..., None]) -> Callable[..., None]:
        from contract_tests.checks.answer import Answer
        from contract_tests.context import current

        @functools.wraps(func)
        def schemathesis_check(ctx: Any, response: Any, case: Any) -> bool | None:
            run = current()
            if run is None:
                return None
            func(run, Answer(response, case, run), case)
            return None

        schemathesis.check(schemathesis_check)
        _add(Entry(func.__name__, Kind.CHECK, func, gateway=gateway))
        return func

    return register


def scenario(
    *, operation: str, order: int, gateway: bool = False, second_tenant: bool = False
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Declare a behaviour scenario: ``func(run)`` raises `Violation` (or `Skip`) as it goes."""

    def register(func: Callable[..., None]) -> Callable[..., None]:
        _add(Entry(func.__name__, Kind.SCENARIO, func, operation, order, gateway, second_tenant))
        return func

    return register


def entries(kind: Kind | None = None) -> list[Entry]:
    """Every declared check and scenario (scenarios in run order)."""
    for package in PACKAGES:
        importlib.import_module(package)
    found = [e for e in _ENTRIES.values() if kind is None or e.kind is kind]
    return sorted(found, key=lambda e: (e.kind, e.order, e.name))


def checks() -> list[Entry]:
    return entries(Kind.CHECK)


def scenarios() -> list[Entry]:
    return entries(Kind.SCENARIO)


def gateway_names() -> frozenset[str]:
    """Checks and scenarios whose subject is the gateway itself."""
    return frozenset(e.name for e in entries() if e.gateway)
