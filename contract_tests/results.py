"""What a run found, as plain data: the reports read these and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from contract_tests.config import RunConfig
from contract_tests.findings import Deviation, Standing


class ScenarioStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    BLOCKED = "blocked"  # a precondition failed (e.g. creating the assistant it needs): see its deviation
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ScenarioOutcome:
    name: str
    operation: str  # the operation's label, e.g. "GET /assistants"
    status: ScenarioStatus
    seconds: float
    reason: str = ""  # why it was skipped
    gateway: bool = False  # a check of the gateway itself
    cause: str = ""  # failed or blocked: the id of the deviation it showed


@dataclass
class EngineStats:
    cases: int = 0
    scenarios: int = 0
    by_phase: dict[str, int] = field(default_factory=dict)
    stop_reason: str = ""
    interrupted: bool = False
    abandoned: bool = False  # the engine did not stop in time and was left behind


@dataclass
class CleanupResult:
    created: int = 0  # objects the run created and had not deleted itself
    deleted: int = 0  # deleted by the cleanup (the delete succeeded)
    already_gone: list[str] = field(default_factory=list)  # delete and read both said not found
    left: list[str] = field(default_factory=list)  # still there, or not known to be gone
    why: dict[str, int] = field(default_factory=dict)  # why objects were left, with counts
    interrupted: bool = False


@dataclass
class RunResult:
    config: RunConfig
    gateway_mode: bool = False
    gateway_reason: str = ""
    deviations: list[Deviation] = field(default_factory=list)
    requests_failed: int = 0  # failing requests behind the deviations
    fixed: list[dict] = field(default_factory=list)  # --baseline entries this run did not see
    waived: dict[str, int] = field(default_factory=dict)  # --ignore entry -> failures it dropped
    scenarios: list[ScenarioOutcome] = field(default_factory=list)
    gateway_checks: tuple[str, ...] = ()  # gateway response checks schemathesis ran
    engine: EngineStats | None = None
    cleanup: CleanupResult | None = None
    notices: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def upstream(self) -> list[Deviation]:
        return [d for d in self.deviations if not d.is_gateway]

    @property
    def gateway(self) -> list[Deviation]:
        return [d for d in self.deviations if d.is_gateway]

    def counts(self, deviation: Deviation) -> bool:
        """Whether a deviation makes the run fail: new (not waived, not in the baseline), and the
        upstream's (the gateway's own only with --strict-gateway)."""
        return deviation.standing is Standing.NEW and (not deviation.is_gateway or self.config.strict_gateway)

    @property
    def counted(self) -> list[Deviation]:
        return [d for d in self.deviations if self.counts(d)]

    @property
    def conforms(self) -> bool:
        return not self.counted and not self.interrupted

    def gateway_checks_run(self) -> list[str]:
        """The gateway checks this run ran (scenarios not skipped, then response checks)."""
        names = [s.name for s in self.scenarios if s.gateway and s.status is not ScenarioStatus.SKIPPED]
        if self.engine is not None and self.engine.cases:
            names += list(self.gateway_checks)
        return names
