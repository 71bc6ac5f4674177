"""The run's shared state, reachable from schemathesis checks (which run in worker threads)."""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from contract_tests.auth_layout import AuthLayout, auth_layout
from contract_tests.findings import Findings
from contract_tests.gateway import GatewayFacts, gateway_facts
from contract_tests.http import ApiClient, Exchange
from contract_tests.interruption import Interruption
from contract_tests.ledger import Ledger
from contract_tests.spec_view import SpecView
from contract_tests.target import Credentials, Target

_ONE_ASSISTANT = re.compile(r"/assistants/([^/?#]+)$")


@dataclass
class RunContext:
    target: Target
    spec: SpecView
    client: ApiClient
    ledger: Ledger = field(default_factory=Ledger)
    findings: Findings = field(default_factory=Findings)
    interruption: Interruption = field(default_factory=Interruption)

    @functools.cached_property
    def layout(self) -> AuthLayout:
        """Which of the headers the target sends are credentials, and which route a gateway."""
        return auth_layout(self.spec.document, self.target.headers())

    @property
    def gateway(self) -> GatewayFacts:
        return gateway_facts(self.spec.profile)

    def observe(self, method: str, path: str, status: int, body: object, credentials: Credentials) -> None:
        """Keep the ledger of live objects up to date from any response, ours or schemathesis'."""
        if not 200 <= status < 300 or not isinstance(body, dict):
            return
        object_id = body.get("id")
        if not isinstance(object_id, str):
            return
        if method == "POST" and path.rstrip("/").endswith("/assistants"):
            self.ledger.created(object_id, credentials)
        elif method == "DELETE" and _ONE_ASSISTANT.search(path):
            self.ledger.deleted(_ONE_ASSISTANT.search(path).group(1))  # type: ignore[union-attr]

    def observe_exchange(self, exchange: Exchange, credentials: Credentials) -> None:
        from urllib.parse import urlsplit

        self.observe(
            exchange.method, urlsplit(exchange.url).path, exchange.status, exchange.json, credentials
        )


_current: RunContext | None = None


def current() -> RunContext | None:
    return _current


@contextlib.contextmanager
def activate(ctx: RunContext) -> Iterator[RunContext]:
    # A module global, not a ContextVar: schemathesis runs checks in its own worker threads.
    global _current
    previous, _current = _current, ctx
    try:
        yield ctx
    finally:
        _current = previous
