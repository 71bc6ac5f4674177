"""The run's shared state, reachable from schemathesis checks (which run in worker threads)."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from assistants_spec import AuthLayout, Match, ProfileView
from assistants_spec.statuses import Meaning, meaning

from contract_tests.config import RunConfig
from contract_tests.findings import Findings
from contract_tests.gateway import GatewayFacts, gateway_facts
from contract_tests.http import ApiClient, Exchange
from contract_tests.interruption import Interruption
from contract_tests.ledger import Ledger
from contract_tests.operations import CREATE, DELETE, Facts, facts
from contract_tests.target import Credentials, Target


@dataclass(frozen=True)
class GatewayMode:
    on: bool = False
    reason: str = ""  # "--gateway", or what the detection saw


@dataclass
class RunContext:
    config: RunConfig
    client: ApiClient = field(init=False)
    ledger: Ledger = field(default_factory=Ledger)
    findings: Findings = field(default_factory=Findings)
    interruption: Interruption = field(default_factory=Interruption)
    # Set once by the preflight, before anything is judged.
    gateway_mode: GatewayMode = field(default_factory=GatewayMode)
    # Things the report should say that are not violations (e.g. a Retry-After not obeyed), once each.
    notices: dict[str, int] = field(default_factory=dict)
    # Requests a check sent itself, by (schemathesis case, check): they explain a failure of that
    # check on that case (attribution, reproduction).
    evidence: dict[tuple[str, str], list[Exchange]] = field(default_factory=dict)
    _claimed: set[object] = field(default_factory=set, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self.limiter = None
        if self.config.rate_limit:
            from schemathesis.core.rate_limit import build_limiter

            # One limiter for schemathesis and the suite's own client: the rate is for the whole run.
            self.limiter = build_limiter(self.config.rate_limit)
        self.client = ApiClient(
            self.target,
            limiter=self.limiter,
            sleep=self.interruption.wait,
            on_exchange=self.observe_exchange,
            on_note=self.notice,
        )

    @property
    def target(self) -> Target:
        return self.config.target

    @functools.cached_property
    def spec(self) -> ProfileView:
        return self.target.spec.view(self.target.profile)

    @functools.cached_property
    def facts(self) -> Facts:
        return facts(self.spec)

    @functools.cached_property
    def layout(self) -> AuthLayout:
        """Which of the headers the target sends are credentials, and which route a gateway."""
        return self.target.spec.security.layout(self.target.headers())

    @property
    def gateway(self) -> GatewayFacts:
        return gateway_facts(self.spec)

    def notice(self, text: str) -> None:
        with self._lock:
            self.notices[text] = self.notices.get(text, 0) + 1

    def remember(self, case_id: str, check: str, exchange: Exchange) -> None:
        with self._lock:
            self.evidence.setdefault((case_id, check), []).append(exchange)

    def first_time(self, key: object) -> bool:
        """True once per key and run (e.g. probe each operation once), from any thread."""
        with self._lock:
            if key in self._claimed:
                return False
            self._claimed.add(key)
            return True

    def locate(self, method: str, url: str) -> Match | None:
        """The operation a request to ``url`` reached (path parameters decoded), or None."""
        path = self.target.api_path(url)
        if path is None:
            return None
        found = self.spec.match(method, path)
        if found.operation is None:
            return None
        return Match(
            found.operation, {k: unquote(v) for k, v in found.path_params.items()}, True, found.allowed
        )

    def observe(self, method: str, url: str, status: int, body: object, credentials: Credentials) -> None:
        """Keep the ledger of live objects up to date from any answer, ours or schemathesis'."""
        if meaning(status) is not Meaning.SUCCESS or not isinstance(body, dict):
            return
        found = self.locate(method, url)
        if found is None:
            return
        if found.operation.id == CREATE and isinstance(body.get("id"), str):
            self.ledger.created(body["id"], credentials)
        elif found.operation.id == DELETE:
            for value in found.path_params.values():
                self.ledger.deleted(value)

    def observe_exchange(self, exchange: Exchange, credentials: Credentials) -> None:
        self.observe(exchange.method, exchange.url, exchange.status, exchange.json, credentials)


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
