"""What a run found, as plain data: the reports read these and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from contract_tests.config import RunConfig
from contract_tests.findings import Finding


class ScenarioStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ScenarioOutcome:
    name: str
    operation: str  # the operation's label, e.g. "GET /assistants"
    status: ScenarioStatus
    seconds: float
    reason: str = ""  # why it was skipped
    gateway: bool = False  # a check of the gateway itself


@dataclass
class EngineStats:
    cases: int = 0
    scenarios: int = 0
    by_phase: dict[str, int] = field(default_factory=dict)
    stop_reason: str = ""
    interrupted: bool = False


@dataclass
class CleanupResult:
    deleted: int = 0
    left: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    config: RunConfig
    gateway_mode: bool = False
    gateway_reason: str = ""
    findings: list[Finding] = field(default_factory=list)
    scenarios: list[ScenarioOutcome] = field(default_factory=list)
    gateway_checks: tuple[str, ...] = ()  # gateway response checks schemathesis ran
    engine: EngineStats | None = None
    cleanup: CleanupResult | None = None
    notices: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def upstream_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_gateway]

    @property
    def gateway_findings(self) -> list[Finding]:
        return [f for f in self.findings if f.is_gateway]

    @property
    def counted_findings(self) -> list[Finding]:
        """The findings that make the run fail (gateway findings only with --strict-gateway)."""
        return self.findings if self.config.strict_gateway else self.upstream_findings

    @property
    def conforms(self) -> bool:
        return not self.counted_findings and not self.interrupted

    def gateway_checks_run(self) -> list[str]:
        """The gateway checks this run ran (scenarios not skipped, then response checks)."""
        names = [s.name for s in self.scenarios if s.gateway and s.status is not ScenarioStatus.SKIPPED]
        if self.engine is not None and self.engine.cases:
            names += list(self.gateway_checks)
        return names
