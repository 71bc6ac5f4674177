"""The checker: takes exchanges from the forwarding worker, judges them with the registered checks,
and tells the outputs about each distinct violation once.

Exchanges are recorded and their writes noted in the ledger as soon as they arrive; judging waits
until every request that started before an exchange ended has arrived too (the worker sends the
start of its oldest request still in flight), so that a read is never judged without the writes
that ran beside it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Protocol

from assistants_spec import Spec

from .behaviour import BEHAVIOUR, Ledger
from .checks import ANSWERS, REQUESTS
from .exchange import Exchange
from .har import HarWriter
from .registry import Check
from .report import Group, Report, Violation, add_violation
from .secrets import Secrets

MAX_PENDING = 10_000  # exchanges waiting for a slow request before they are judged anyway


class Output(Protocol):
    def violation(self, violation: Violation) -> None: ...

    def finish(self, report: Report) -> None: ...


class Checker:
    def __init__(
        self,
        spec: Spec,
        *,
        subject: str,
        mount: str,
        profile: str | None = None,
        behaviour: bool = True,
        secrets: Secrets | None = None,
        outputs: Iterable[Output] = (),
        recorder: HarWriter | None = None,
    ) -> None:
        self.spec = spec
        self.subject = subject
        self.mount = mount
        self.profile = profile
        self.secrets = secrets or Secrets(spec)
        self.outputs = list(outputs)
        self.recorder = recorder
        self.requests: list[Check] = list(REQUESTS)
        self.answers: list[Check] = [*ANSWERS, *(BEHAVIOUR if behaviour else ())]
        self.ledger = Ledger()
        self.pending: list[Exchange] = []
        self.groups: dict[tuple[str, str, str, str], Group] = {}
        self.started = time.monotonic()
        self.exchanges = self.judged = self.outside = self.upstream_errors = self.cut = self.unchecked = 0

    # -- intake ---------------------------------------------------------------------------------
    def accept(self, ex: Exchange, oldest_in_flight: int | None = None, unsent: int = 0) -> None:
        self.unchecked = max(self.unchecked, unsent)
        self.exchanges += 1
        self.secrets.learn(ex.request_headers)
        ex.understand(self.spec, self.mount, self.profile)
        if self.recorder is not None:
            self.recorder.add(ex)
        if ex.match is None or not ex.match.path_known:
            self.outside += 1  # not an operation of this contract: forwarded, not judged
        else:
            if not ex.complete:
                self.upstream_errors += 1
            if ex.request_cut or ex.response_cut:
                self.cut += 1
            self.ledger.observe(ex)
            self.pending.append(ex)
        self._judge_ready(oldest_in_flight)

    def _judge_ready(self, oldest_in_flight: int | None) -> None:
        if oldest_in_flight is None:
            ready, self.pending = self.pending, []
        else:
            ready = [ex for ex in self.pending if ex.t_end <= oldest_in_flight]
            if len(self.pending) - len(ready) > MAX_PENDING:
                ready = self.pending  # a request that never ends must not hold the judging forever
            kept = {id(ex) for ex in ready}
            self.pending = [ex for ex in self.pending if id(ex) not in kept]
        for ex in sorted(ready, key=lambda e: e.seq):
            self.judge(ex)

    # -- judging --------------------------------------------------------------------------------
    def judge(self, ex: Exchange) -> None:
        self.judged += 1
        for check in self.requests:
            for problem in check.run(ex, self.ledger):
                ex.client_problems.append(f"{check.name}: {problem.message}")
                self._report(check, ex, problem.kind, problem.message)
        if not ex.complete:
            return
        for check in self.answers:
            for problem in check.run(ex, self.ledger):
                self._report(check, ex, problem.kind, problem.message)

    def _report(self, check: Check, ex: Exchange, kind: str, message: str) -> None:
        request = f"{ex.method} {ex.target} -> {ex.status or 'no answer'}"
        violation = Violation(
            side=check.side,
            check=check.name,
            clause=check.clause,
            operation=ex.label,
            kind=kind,
            message=self.secrets.mask(message),
            request=self.secrets.mask(request),
            seq=ex.seq,
        )
        if add_violation(self.groups, violation):
            for output in self.outputs:
                output.violation(violation)

    # -- the end --------------------------------------------------------------------------------
    def finish(self) -> Report:
        self._judge_ready(None)
        if self.recorder is not None:
            self.recorder.close()
        report = self.report()
        for output in self.outputs:
            output.finish(report)
        return report

    def report(self) -> Report:
        counts = [
            ("exchanges forwarded", self.exchanges),
            ("judged against the contract", self.judged),
            ("outside the contract (not judged)", self.outside),
        ]
        if self.upstream_errors:
            counts.append(("without a complete answer from the upstream", self.upstream_errors))
        if self.cut:
            counts.append(("bodies too large to check whole", self.cut))
        if self.unchecked:
            counts.append(("forwarded unchecked (the checker fell behind)", self.unchecked))
        notes = []
        if self.recorder is not None:
            notes.append(f"recorded {self.recorder.count} exchanges")
        return Report(
            title="assistants-proxy",
            subject=self.subject,
            counts=counts,
            groups=list(self.groups.values()),
            checks=[(c.name, c.side, c.clause) for c in (*self.requests, *self.answers)],
            notes=notes,
            seconds=time.monotonic() - self.started,
        )
