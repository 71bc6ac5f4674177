"""Findings and deviations.

A finding is one failure seen on one request: which check, which operation, what was expected, the
request that shows it, and its cause (`contract_tests.causes`). A deviation is every finding with the
same cause: it names the contract clause, the operations it affects, how many requests showed it,
and one minimal reproduction (the shortest failing request). Reports lead with deviations.

`Findings` keeps, per deviation, counts and one example, never every finding: what a run keeps does
not grow with the number of failing requests.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from contract_tests import causes
from contract_tests.causes import Cause, Severity, of_check
from contract_tests.operations import LIST_PARAMETERS
from contract_tests.repro import SentRequest

MAX_MESSAGES = 3  # distinct messages kept per deviation (examples of what was seen)
MAX_SUBJECTS = 30
MAX_MESSAGE = 1500


class Origin(StrEnum):
    # The API behind any gateway broke the contract.
    UPSTREAM = "upstream"
    # Behaviour of the gateway itself (its own answers, its rewriting of requests), outside the contract.
    GATEWAY = "gateway"


class Standing(StrEnum):
    NEW = "new"  # counts toward the verdict
    KNOWN = "known"  # in the --baseline file: reported, not counted
    IGNORED = "ignored"  # waived with --ignore


@dataclass(frozen=True)
class Finding:
    operation: str  # e.g. "POST /assistants"
    check: str  # e.g. "created_is_read_back", "negative_data_rejection"
    message: str  # says what was expected and what came back (keys masked)
    requests: tuple[SentRequest, ...] = ()  # that reproduce it, oldest first
    source: str = "scenario"  # "scenario" or the schemathesis phase that found it
    origin: Origin = Origin.UPSTREAM
    attribution: str = ""  # why a gateway finding is the gateway's
    cause: Cause | None = None
    blocked: str = ""  # the scenario this failure kept from running its own checks

    @property
    def is_gateway(self) -> bool:
        return self.origin is Origin.GATEWAY

    @property
    def the_cause(self) -> Cause:
        return self.cause if self.cause is not None else of_check(self.check)

    @property
    def size(self) -> int:
        """How long its reproduction is (the shortest one represents a deviation)."""
        return sum(r.size for r in self.requests) if self.requests else 1 << 40


@dataclass
class Deviation:
    cause: Cause
    origin: Origin
    example: Finding  # the finding with the shortest reproduction
    count: int = 0  # failing requests that showed it
    operations: set[str] = field(default_factory=set)
    checks: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    messages: list[str] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # scenarios it kept from running
    standing: Standing = Standing.NEW
    number: int = 0  # its place in the report (D1, D2, ...), set when the run ends
    # For deviations about values (accepted or refused), what each (subject, operation) contributed,
    # so that another deviation that explains some of them can take them over (see `fold`).
    parts: dict[tuple[str, str], Part] = field(default_factory=dict)
    also: list[str] = field(default_factory=list)  # what it explains besides its own clause

    @property
    def id(self) -> str:
        return self.cause.id

    @property
    def severity(self) -> Severity:
        return self.cause.severity

    @property
    def is_gateway(self) -> bool:
        return self.origin is Origin.GATEWAY

    @property
    def label(self) -> str:
        return f"D{self.number}"

    @property
    def title(self) -> str:
        """One line: the clause broken, and what it was about."""
        shown = sorted(self.subjects)[:8] or ([self.cause.detail] if self.cause.detail else [])
        about = f" ({', '.join(shown)})" if shown else ""
        return f"{self.cause.clause}{about}"

    def add(self, finding: Finding) -> None:
        if self.cause.rule in _PER_VALUE:
            key = (finding.the_cause.subject, finding.operation)
            part = self.parts.get(key)
            if part is None:
                part = self.parts[key] = Part(finding)
            part.add(finding)
        self.count += 1
        self.operations.add(finding.operation)
        self.checks.add(finding.check)
        about = finding.cause.about if finding.cause is not None else ""
        if about and len(self.subjects) < MAX_SUBJECTS:
            self.subjects.add(about)
        if finding.blocked:
            self.blocked.add(finding.blocked)
        first = finding.message.splitlines()[0] if finding.message else ""
        if len(self.messages) < MAX_MESSAGES and all(m.splitlines()[0] != first for m in self.messages):
            self.messages.append(finding.message[:MAX_MESSAGE])
        if finding.size < self.example.size:
            self.example = finding


@dataclass
class Part:
    example: Finding
    count: int = 0
    checks: set[str] = field(default_factory=set)
    abouts: set[str] = field(default_factory=set)

    def add(self, finding: Finding) -> None:
        self.count += 1
        self.checks.add(finding.check)
        if finding.the_cause.about and len(self.abouts) < MAX_SUBJECTS:
            self.abouts.add(finding.the_cause.about)
        if finding.size < self.example.size:
            self.example = finding


# Rules about one value of one field or parameter: a deviation that shows the server ignores or
# rewrites that field or parameter explains them.
_PER_VALUE = (causes.ACCEPTS_INVALID, causes.VALID_DATA_REFUSED)


def _explained_subject(deviation: Deviation) -> str | None:
    """The field or parameter a deviation shows the server ignores or rewrites, if any."""
    rule, detail = deviation.cause.rule, deviation.cause.detail
    if rule is causes.WRITE_NOT_KEPT and detail:
        return detail
    if rule is causes.LIST_PAGES and detail in LIST_PARAMETERS:
        return f"{detail} (query)"
    return None


def fold(deviations: list[Deviation], writes: Mapping[str, str] | None = None) -> list[Deviation]:
    """A field or parameter the server ignores or rewrites (a create that does not keep ``metadata``,
    a list that ignores ``order``) also explains the invalid values of it that are accepted and the
    valid ones refused, on the same operation: one cause, one deviation. So does a write that is not
    stored at all (its read-back differs) for every value sent to it. ``writes``: the operation label
    of each kind of write (``create``, ``modify``)."""
    explains: dict[tuple[str, str], Deviation] = {}
    for deviation in deviations:
        subject = _explained_subject(deviation)
        if subject is not None:
            # A field rewritten on one write is rewritten on the other too (one validation, one store).
            spread = writes.values() if writes and deviation.cause.rule is causes.WRITE_NOT_KEPT else ()
            for operation in {*deviation.operations, *spread}:
                explains.setdefault((subject, operation), deviation)
        if deviation.cause.rule is causes.READ_BACK_DIFFERS and writes and deviation.cause.detail in writes:
            explains.setdefault(("*", writes[deviation.cause.detail]), deviation)

    def explainer(key: tuple[str, str], origin: Origin) -> Deviation | None:
        found = explains.get(key) or explains.get(("*", key[1]))
        return found if found is not None and found.origin is origin else None

    kept = []
    for deviation in deviations:
        if deviation.cause.rule in _PER_VALUE:
            for key in [k for k in deviation.parts if explainer(k, deviation.origin) is not None]:
                part = deviation.parts.pop(key)
                target = explainer(key, deviation.origin)
                assert target is not None
                target.count += part.count
                target.checks |= part.checks
                target.also.append(
                    f"{deviation.cause.id} for {key[0]} on {key[1]} ({part.count} request{'s' if part.count != 1 else ''})"
                )
                deviation.count -= part.count
            if not deviation.parts:
                continue
            remaining = list(deviation.parts.values())
            deviation.checks = set().union(*(p.checks for p in remaining))
            deviation.operations = {op for (_, op) in deviation.parts}
            deviation.subjects = set().union(*(p.abouts for p in remaining))
            if (deviation.example.the_cause.subject, deviation.example.operation) not in deviation.parts:
                deviation.example = min((p.example for p in remaining), key=lambda f: f.size)
        kept.append(deviation)
    return kept


def order(deviation: Deviation) -> tuple[int, int, int, str]:
    """Report order: upstream before gateway, most harmful first, then the most frequent."""
    return (deviation.is_gateway, deviation.severity, -deviation.count, deviation.id)


@dataclass
class Findings:
    _deviations: dict[tuple[str, str], Deviation] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    total: int = 0
    # --ignore: drops findings before they are counted (see contract_tests.waivers)
    waivers: object | None = None

    def add(self, finding: Finding) -> None:
        cause = finding.the_cause
        if finding.cause is None:
            finding = dataclasses.replace(finding, cause=cause)
        if self.waivers is not None and self.waivers.drops(finding):  # type: ignore[attr-defined]
            return
        key = (finding.origin.value, cause.id)
        with self._lock:
            self.total += 1
            deviation = self._deviations.get(key)
            if deviation is None:
                deviation = self._deviations[key] = Deviation(cause, finding.origin, finding)
            deviation.add(finding)

    def __len__(self) -> int:
        return len(self._deviations)

    def deviations(self, writes: Mapping[str, str] | None = None) -> list[Deviation]:
        with self._lock:
            found = sorted(fold(list(self._deviations.values()), writes), key=order)
        for number, deviation in enumerate(found, 1):
            deviation.number = number
        return found

    def cause_of(self, cause_id: str) -> Deviation | None:
        with self._lock:
            return next((d for d in self._deviations.values() if d.id == cause_id), None)
