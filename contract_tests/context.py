"""The run's shared state, reachable from schemathesis checks (which run in worker threads)."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from assistants_spec import AuthLayout, Match, ProfileView
from assistants_spec.statuses import Meaning, meaning

from contract_tests.causes import Cause
from contract_tests.compare import extra_fields
from contract_tests.config import RunConfig
from contract_tests.findings import Findings
from contract_tests.gateway import GatewayFacts, gateway_facts
from contract_tests.http import ApiClient, Exchange
from contract_tests.interruption import Interruption
from contract_tests.ledger import Ledger
from contract_tests.operations import CREATE, DELETE, GET, MODIFY, Facts, facts
from contract_tests.target import Credentials, Target


def _has(container: Any, step: Any) -> bool:
    if isinstance(container, dict):
        return step in container
    return isinstance(step, int) and 0 <= step < len(container)


MAX_TAINTED = 10_000  # objects and values remembered as written by accepted invalid requests


@dataclass(frozen=True)
class GatewayMode:
    on: bool = False
    reason: str = ""  # "--gateway", or what the detection saw


class InFlight:
    """schemathesis' requests in flight, by worker thread (set by the hooks), for the deadline watch."""

    def __init__(self) -> None:
        self._started: dict[threading.Thread, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def start(self, what: str) -> None:
        with self._lock:
            self._started[threading.current_thread()] = (time.monotonic(), what)

    def end(self) -> None:
        with self._lock:
            self._started.pop(threading.current_thread(), None)

    def overdue(self, now: float, seconds: float) -> str | None:
        with self._lock:
            for thread, (started, what) in list(self._started.items()):
                if not thread.is_alive():
                    del self._started[thread]
                elif now - started > seconds:
                    return what
        return None


@dataclass
class RunContext:
    config: RunConfig
    client: ApiClient = field(init=False)
    ledger: Ledger = field(default_factory=Ledger)
    findings: Findings = field(default_factory=Findings)
    interruption: Interruption = field(default_factory=Interruption)
    inflight: InFlight = field(default_factory=InFlight)
    # Set once by the preflight, before anything is judged.
    gateway_mode: GatewayMode = field(default_factory=GatewayMode)
    # Things the report should say that are not violations (e.g. a Retry-After not obeyed), once each.
    notices: dict[str, int] = field(default_factory=dict)
    # Requests a check sent itself, by (schemathesis case, check): they explain a failure of that
    # check on that case (attribution, reproduction).
    evidence: dict[tuple[str, str], list[Exchange]] = field(default_factory=dict)
    # Causes our checks named for their failures, by (schemathesis case, check).
    causes: dict[tuple[str, str], Cause | None] = field(default_factory=dict)
    # Objects an accepted invalid write made (or changed), with that acceptance: what they later show
    # in answers to valid requests is its consequence, not another deviation.
    tainted: dict[str, Cause] = field(default_factory=dict)
    # The time budget (--max-time, or the live-target default) ends here (time.monotonic()).
    deadline: float | None = None
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
            deadline=self.config.request_deadline,
            guard=self.interruption.sending,
            on_exchange=self.observe_exchange,
            on_note=self.notice,
        )

    def out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

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

    def note_extra_fields(self, assistant: Any) -> None:
        """Fields a server adds beyond the spec are not judged; the report says so, once each. An
        object an accepted invalid write made is left out: what it carries beyond the spec is what
        that write sent (e.g. schemathesis' unknown property), and its deviation says so already."""
        if self.taint_of(assistant, []) is not None:
            return
        for name in extra_fields(self.spec, GET, assistant):
            if self.first_time(("extra field", name)):
                self.notice(
                    f"the target's assistants carry {name!r}, a field the spec does not define (not judged)"
                )

    def notice(self, text: str) -> None:
        with self._lock:
            self.notices[text] = self.notices.get(text, 0) + 1

    def remember(self, case_id: str, check: str, exchange: Exchange) -> None:
        with self._lock:
            kept = self.evidence.setdefault((case_id, check), [])
            kept.append(exchange.slim())
            del kept[:-2]  # the last requests explain a failure; nothing more is kept

    def record_cause(self, case_id: str, check: str, cause: Cause | None) -> None:
        with self._lock:
            self.causes[(case_id, check)] = cause

    def take_evidence(self, case_id: str, check: str) -> tuple[list[Exchange], Cause | None]:
        """What a check left for one failure (released: it is read once, when the failure is reported)."""
        with self._lock:
            return self.evidence.pop((case_id, check), []), self.causes.pop((case_id, check), None)

    def forget_case(self, case_id: str) -> None:
        with self._lock:
            for key in [k for k in self.evidence if k[0] == case_id]:
                del self.evidence[key]
            for key in [k for k in self.causes if k[0] == case_id]:
                del self.causes[key]

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

    def observe(
        self,
        method: str,
        url: str,
        status: int,
        body: object,
        credentials: Credentials,
        sent: tuple[Any, Any] | None = None,
    ) -> None:
        """Keep the ledger of live objects up to date from any answer, ours or schemathesis'
        (``sent``: the request's headers and body, to know an accepted invalid write)."""
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
        if found.operation.id in (CREATE, MODIFY) and sent is not None:
            from contract_tests.classify import fingerprint, request_problem

            problem = request_problem(self.spec, found.operation, url, sent[0], sent[1], found.path_params)
            written = body.get("id") if isinstance(body.get("id"), str) else None
            if problem is not None and written is not None:
                with self._lock:
                    if len(self.tainted) < MAX_TAINTED:
                        self.tainted[written] = problem.cause()
                        if isinstance(problem.value, dict | list):
                            self.tainted[fingerprint(problem.value)] = problem.cause()

    def taint_of(self, body: Any, path: list[Any]) -> Cause | None:
        """The accepted invalid write behind the object at ``path`` in an answer (None: none)."""
        if not self.tainted:
            return None
        node = body
        if (
            isinstance(node, dict)
            and isinstance(node.get("data"), list)
            and path[:1] == ["data"]
            and len(path) > 1
        ):
            items = node["data"]
            node = items[path[1]] if isinstance(path[1], int) and path[1] < len(items) else None
        object_id = node.get("id") if isinstance(node, dict) else None
        with self._lock:
            found = self.tainted.get(object_id) if isinstance(object_id, str) else None
        if found is not None:
            return found
        value = body
        for step in path:
            value = value[step] if isinstance(value, dict | list) and _has(value, step) else None
        return self.taint_of_value(value)

    def taint_of_value(self, value: Any) -> Cause | None:
        """The accepted invalid write that sent this very (object or list) value, if one did."""
        if not self.tainted or not isinstance(value, dict | list):
            return None
        from contract_tests.classify import fingerprint

        with self._lock:
            return self.tainted.get(fingerprint(value))

    def observe_exchange(self, exchange: Exchange, credentials: Credentials) -> None:
        self.observe(
            exchange.method,
            exchange.url,
            exchange.status,
            exchange.json,
            credentials,
            (exchange.request_headers, exchange.sent_body),
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
