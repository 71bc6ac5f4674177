"""One conformance run: preflight, behaviour scenarios, schemathesis phases, cleanup (always)."""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import contract_tests.tracking  # noqa: F401  (registers the ledger hook)
from contract_tests.attribution import gateway_reason
from contract_tests.cleanup import CleanupResult, clean_up
from contract_tests.context import RunContext, activate
from contract_tests.engine import PHASES, EngineOptions, EngineStats, run_engine
from contract_tests.findings import GATEWAY, Finding
from contract_tests.http import ApiClient, TargetUnreachable
from contract_tests.ledger import Ledger
from contract_tests.polite_transport import waiting_out_rate_limits
from contract_tests.scenarios import SCENARIOS, Scenario, ScenarioRun, Skip, Violation
from contract_tests.scenarios._base import ScenarioOptions
from contract_tests.spec_view import LIST, spec_view
from contract_tests.target import ConfigError, Target


@dataclass
class RunOptions:
    max_examples: int
    seed: int
    workers: int = 1
    max_time: float | None = None
    rate_limit: str | None = None
    phases: tuple[str, ...] = PHASES
    scenarios: bool = True
    # Gateway findings count toward "violations found" (exit 1) only when asked for.
    strict_gateway: bool = False


@dataclass
class ScenarioOutcome:
    name: str
    operation: str
    status: str  # "passed", "failed", "skipped"
    seconds: float
    reason: str = ""


@dataclass
class RunResult:
    target: Target
    options: RunOptions
    ledger: Ledger
    findings: list[Finding] = field(default_factory=list)
    scenarios: list[ScenarioOutcome] = field(default_factory=list)
    engine: EngineStats | None = None
    cleanup: CleanupResult | None = None
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
        return self.findings if self.options.strict_gateway else self.upstream_findings

    @property
    def conforms(self) -> bool:
        return not self.counted_findings and not self.interrupted


Progress = Callable[[str, str | None, int], None]


def _preflight(ctx: RunContext, progress: Progress | None = None) -> None:
    """Fail fast (exit 2) when the target is not there or does not take our credentials."""
    op = ctx.spec.operation(LIST)
    exchange = ctx.client.request(op.method, op.url_path(), params={"limit": 1})
    if exchange.status in (401, 403):
        raise ConfigError(
            f"the target refused the credentials ({exchange.status} on {op.label}): "
            f"{ctx.target.masker.mask(exchange.text[:300])}"
        )
    if exchange.status == 404 and "json" not in exchange.content_type:
        raise ConfigError(f"{ctx.target.base_url} does not look like the API's base URL (404 on {op.label})")
    seen = ctx.gateway.forwarding_headers_in(exchange.headers)
    if seen and not ctx.target.gateway:
        ctx.target.gateway = True
        ctx.target.gateway_reason = f"detected: the answers carry the gateway headers {', '.join(seen)}"
        if progress:
            progress("gateway", ctx.target.gateway_reason, 0)


def _run_scenario(
    ctx: RunContext, scenario: Scenario, options: ScenarioOptions
) -> tuple[str, Finding | None]:
    run = ScenarioRun(ctx, options)
    masker = ctx.target.masker
    try:
        scenario.func(run)
    except Skip as skip:
        return f"skipped:{skip}", None
    except Violation as violation:
        exchanges = violation.exchanges or tuple(run.exchanges[-1:])
        last = exchanges[-1] if exchanges else None
        why = gateway_reason(
            ctx,
            check=scenario.name,
            status=last.status if last else None,
            response_headers=last.headers if last else {},
            response_body=last.text if last else None,
            request_headers=last.request_headers if last else {},
            request_body=None if last is None or last.request_body is None else _json_text(last.request_body),
        )
        return "failed", Finding(
            operation=violation.operation or scenario.operation,
            check=scenario.name,
            message=masker.mask(violation.message),
            curl=tuple(e.curl(masker) for e in exchanges),
            **({"origin": GATEWAY, "attribution": masker.mask(why)} if why else {}),
        )
    except (TargetUnreachable, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001  (an answer the scenario could not even read is a violation)
        last = run.exchanges[-1:] if run.exchanges else []
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return "failed", Finding(
            operation=scenario.operation,
            check=scenario.name,
            message=masker.mask(
                f"an answer did not have the shape the contract promises ({type(exc).__name__}: {exc} "
                f"at {where.name}); last answer: {last[0].describe() if last else 'none'}"
            ),
            curl=tuple(e.curl(masker) for e in last),
        )
    return "passed", None


def _json_text(body: Any) -> str:
    import json

    return json.dumps(body, ensure_ascii=False)


def run(target: Target, options: RunOptions, *, progress: Progress | None = None) -> RunResult:
    started = time.monotonic()
    spec = spec_view(target.profile)
    limiter = None
    if options.rate_limit:
        from schemathesis.core.rate_limit import build_limiter

        limiter = build_limiter(options.rate_limit)
    ctx = RunContext(target=target, spec=spec, client=None)  # type: ignore[arg-type]
    ctx.client = ApiClient(target, limiter=limiter, on_exchange=ctx.observe_exchange)
    result = RunResult(target=target, options=options, ledger=ctx.ledger)
    try:
        with activate(ctx), ctx.interruption.handling_sigint():
            _preflight(ctx, progress)
            if options.scenarios:
                scenario_options = ScenarioOptions(
                    examples=max(3, options.max_examples // 4), seed=options.seed
                )
                applicable = [s for s in SCENARIOS if target.gateway or not s.needs_gateway]
                if progress:
                    progress("scenario_total", None, len(applicable))
                for scenario in applicable:
                    if scenario.needs_second_tenant and target.second is None:
                        result.scenarios.append(
                            ScenarioOutcome(
                                scenario.name, scenario.operation, "skipped", 0.0, "needs --second-api-key"
                            )
                        )
                        continue
                    if progress:
                        progress("scenario", scenario.name, 0)
                    t0 = time.monotonic()
                    status, finding = _run_scenario(ctx, scenario, scenario_options)
                    status, _, reason = status.partition(":")
                    result.scenarios.append(
                        ScenarioOutcome(
                            scenario.name, scenario.operation, status, time.monotonic() - t0, reason
                        )
                    )
                    if finding is not None:
                        ctx.findings.add(finding)
                    if progress:
                        progress("scenario_done", scenario.name, 1)
            if options.phases:
                remaining = None
                if options.max_time:
                    remaining = max(1.0, options.max_time - (time.monotonic() - started))
                engine_options = EngineOptions(
                    max_examples=options.max_examples,
                    seed=options.seed,
                    workers=options.workers,
                    max_time=remaining,
                    rate_limit=None,
                    phases=options.phases,
                )
                with waiting_out_rate_limits():
                    result.engine = run_engine(ctx, engine_options, limiter=limiter, progress=progress)
                result.interrupted = result.engine.interrupted
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        if progress:
            progress("cleanup", None, len(ctx.ledger))
        try:
            result.cleanup = clean_up(ctx)
        except KeyboardInterrupt:
            result.interrupted = True
        ctx.client.close()
        result.findings = list(ctx.findings.items)
        result.seconds = time.monotonic() - started
    return result


def describe_phases(phases: tuple[str, ...]) -> str:
    return ", ".join(phases) if phases else "none"


__all__ = ["Any", "RunOptions", "RunResult", "describe_phases", "run"]
