"""One conformance run: preflight, behaviour scenarios, schemathesis phases, cleanup (always).

`run(config, emit)` returns the result and reports as it goes, through typed events, to `emit`.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable

from assistants_spec.statuses import REFUSES_CREDENTIALS, Meaning, meaning

from contract_tests import events, registry
from contract_tests.attribution import exchange_reason, finding
from contract_tests.cleanup import clean_up
from contract_tests.config import RunConfig
from contract_tests.context import GatewayMode, RunContext, activate
from contract_tests.engine import run_engine
from contract_tests.findings import Finding
from contract_tests.http import TargetUnreachable
from contract_tests.operations import LIMIT, LIST
from contract_tests.registry import Entry
from contract_tests.results import RunResult, ScenarioOutcome, ScenarioStatus
from contract_tests.scenarios import ScenarioRun, Skip, Violation
from contract_tests.target import ConfigError

Emit = Callable[[events.Event], None]


def preflight(ctx: RunContext) -> GatewayMode:
    """Fail fast (exit 2) when the target is not there or does not take our credentials; say whether a
    gateway stands in front of it."""
    op = ctx.spec.operation(LIST)
    exchange = ctx.client.request(op.method, op.url_path(), params={LIMIT: ctx.facts.limit_range[0]})
    if meaning(exchange.status) in REFUSES_CREDENTIALS:
        raise ConfigError(
            f"the target refused the credentials ({exchange.status} on {op.label}): "
            f"{ctx.target.masker.mask(exchange.text[:300])}"
        )
    if meaning(exchange.status) is Meaning.NOT_FOUND and "json" not in exchange.content_type:
        raise ConfigError(
            f"{ctx.target.base_url} does not look like the API's base URL ({exchange.status} on {op.label})"
        )
    if ctx.config.gateway:
        return GatewayMode(True, "--gateway")
    seen = ctx.gateway.forwarding_headers_in(exchange.headers)
    if seen:
        return GatewayMode(True, f"detected: the answers carry the gateway headers {', '.join(seen)}")
    return GatewayMode()


def run_scenario(ctx: RunContext, entry: Entry) -> tuple[ScenarioStatus, str, Finding | None]:
    run = ScenarioRun(ctx)
    try:
        entry.func(run)
        return ScenarioStatus.PASSED, "", None
    except Skip as skip:
        return ScenarioStatus.SKIPPED, str(skip), None
    except (TargetUnreachable, KeyboardInterrupt):
        raise
    except Violation as violation:
        exchanges = violation.exchanges or tuple(run.exchanges[-1:])
        message, operation = violation.message, violation.operation
        why = exchange_reason(ctx, entry.name, exchanges[-1] if exchanges else None)
    except Exception as exc:  # noqa: BLE001  (an answer the scenario could not even read is a violation)
        exchanges = tuple(run.exchanges[-1:])
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (
            f"an answer did not have the shape the contract promises ({type(exc).__name__}: {exc} "
            f"at {where.name}); last answer: {exchanges[0].describe() if exchanges else 'none'}"
        )
        operation, why = None, None
    return (
        ScenarioStatus.FAILED,
        "",
        finding(
            ctx,
            check=entry.name,
            operation=operation or ctx.facts.label(entry.operation),
            message=message,
            curl=tuple(e.curl(ctx.target.masker) for e in exchanges),
            why_gateway=why,
        ),
    )


def _run_scenarios(ctx: RunContext, result: RunResult, emit: Emit) -> None:
    applicable = [e for e in registry.scenarios() if ctx.gateway_mode.on or not e.gateway]
    emit(events.ScenariosStarted(len(applicable)))
    for entry in applicable:
        label = ctx.facts.label(entry.operation)
        if entry.second_tenant and ctx.target.second is None:
            outcome = ScenarioOutcome(
                entry.name, label, ScenarioStatus.SKIPPED, 0.0, "needs --second-api-key", entry.gateway
            )
            result.scenarios.append(outcome)
            emit(events.ScenarioFinished(outcome))
            continue
        emit(events.ScenarioStarted(entry.name))
        started = time.monotonic()
        status, reason, found = run_scenario(ctx, entry)
        outcome = ScenarioOutcome(
            entry.name, label, status, time.monotonic() - started, reason, entry.gateway
        )
        result.scenarios.append(outcome)
        if found is not None:
            ctx.findings.add(found)
        emit(events.ScenarioFinished(outcome))


def run(config: RunConfig, emit: Emit = lambda event: None) -> RunResult:
    started = time.monotonic()
    ctx = RunContext(config)
    result = RunResult(config=config)
    try:
        with activate(ctx), ctx.interruption.handling_sigint():
            ctx.gateway_mode = preflight(ctx)
            if ctx.gateway_mode.on:
                emit(events.GatewayModeOn(ctx.gateway_mode.reason))
            if config.scenarios:
                _run_scenarios(ctx, result, emit)
            if config.phases:
                remaining = None
                if config.max_time:
                    remaining = max(1.0, config.max_time - (time.monotonic() - started))
                result.engine = run_engine(ctx, emit, max_time=remaining)
                result.interrupted = result.engine.interrupted
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        emit(events.CleanupStarted(len(ctx.ledger)))
        try:
            result.cleanup = clean_up(ctx)
        except KeyboardInterrupt:
            result.interrupted = True
        ctx.client.close()
        result.findings = list(ctx.findings.items)
        result.gateway_mode, result.gateway_reason = ctx.gateway_mode.on, ctx.gateway_mode.reason
        result.gateway_checks = tuple(e.name for e in registry.checks() if e.gateway and ctx.gateway_mode.on)
        result.notices = dict(ctx.notices)
        result.seconds = time.monotonic() - started
    emit(events.RunFinished(result))
    return result
