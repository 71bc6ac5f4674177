"""One conformance run: preflight, behaviour scenarios, schemathesis phases, cleanup (always).

`run(config, emit)` returns the result and reports as it goes, through typed events, to `emit`.
The preflight raises `contract_tests.preflight.TargetNotUsable` (exit code 2) before anything is
judged; every failure after it is a finding, grouped by cause into deviations
(`contract_tests.findings`).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable

from contract_tests import causes, events, registry
from contract_tests.attribution import exchange_reason, finding
from contract_tests.classify import answer_cause, refused_valid, resolve
from contract_tests.cleanup import clean_up
from contract_tests.config import RunConfig
from contract_tests.context import RunContext, activate
from contract_tests.engine import run_engine
from contract_tests.findings import Finding, Standing
from contract_tests.http import Exchange, TargetUnreachable
from contract_tests.interruption import Interruption
from contract_tests.operations import CREATE, MODIFY
from contract_tests.preflight import preflight
from contract_tests.registry import Entry
from contract_tests.results import RunResult, ScenarioOutcome, ScenarioStatus
from contract_tests.scenarios import ScenarioRun, Skip, Violation
from contract_tests.waivers import Waivers, apply_baseline

Emit = Callable[[events.Event], None]

__all__ = ["preflight", "run", "run_scenario"]


def _basic_cause(ctx: RunContext, exchange: Exchange | None) -> causes.Cause | None:
    if exchange is None:
        return None
    found = ctx.locate(exchange.method, exchange.url)
    return answer_cause(
        ctx.spec,
        found.operation if found else None,
        exchange.status,
        exchange.content_type,
        exchange.json,
        taint=ctx.taint_of,
    )


def run_scenario(ctx: RunContext, entry: Entry) -> tuple[ScenarioStatus, str, Finding | None]:
    run = ScenarioRun(ctx)
    setup = False
    try:
        entry.func(run)
        return ScenarioStatus.PASSED, "", None
    except Skip as skip:
        return ScenarioStatus.SKIPPED, str(skip), None
    except (TargetUnreachable, KeyboardInterrupt):
        raise
    except Violation as violation:
        exchanges = violation.exchanges or tuple(run.exchanges[-1:])
        last = exchanges[-1] if exchanges else None
        message, operation, setup = violation.message, violation.operation, violation.setup
        cause = resolve(violation.cause, _basic_cause(ctx, last), last.status if last else None)
        why = exchange_reason(ctx, entry.name, last)
    except Exception as exc:  # noqa: BLE001  (an answer the scenario could not even read is a violation)
        exchanges = tuple(run.exchanges[-1:])
        last = exchanges[-1] if exchanges else None
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (
            f"an answer did not have the shape the contract promises ({type(exc).__name__}: {exc} "
            f"at {where.name}); last answer: {last.describe() if last else 'none'}"
        )
        operation, why = None, None
        cause = _basic_cause(ctx, last)
    located = ctx.locate(last.method, last.url) if last is not None else None
    label = located.operation.label if located is not None else operation or ctx.facts.label(entry.operation)
    cause = cause or causes.of_check(entry.name, entry.severity, entry.doc)
    if cause.rule is causes.VALID_DATA_REFUSED and not cause.subject and last is not None:
        cause = refused_valid(ctx.spec, located.operation if located else None, last.json)
    status = ScenarioStatus.BLOCKED if setup else ScenarioStatus.FAILED
    return (
        status,
        "",
        finding(
            ctx,
            check=entry.name,
            operation=label,
            message=message,
            requests=tuple(e.request() for e in exchanges[-2:]),
            why_gateway=why,
            cause=cause,
            blocked=entry.name if setup else "",
        ),
    )


def _run_scenarios(ctx: RunContext, result: RunResult, emit: Emit, waivers: Waivers) -> None:
    applicable = [e for e in registry.scenarios() if ctx.gateway_mode.on or not e.gateway]
    emit(events.ScenariosStarted(len(applicable)))
    for entry in applicable:
        label = ctx.facts.label(entry.operation)
        reason = ""
        if entry.second_tenant and ctx.target.second is None:
            reason = "needs --second-api-key"
        elif waivers.skips(entry.name):
            reason = "ignored (--ignore)"
        elif ctx.out_of_time():
            reason = "not run: the time budget was spent"
        if reason:
            outcome = ScenarioOutcome(entry.name, label, ScenarioStatus.SKIPPED, 0.0, reason, entry.gateway)
            result.scenarios.append(outcome)
            emit(events.ScenarioFinished(outcome))
            continue
        emit(events.ScenarioStarted(entry.name))
        started = time.monotonic()
        status, reason, found = run_scenario(ctx, entry)
        outcome = ScenarioOutcome(
            entry.name,
            label,
            status,
            time.monotonic() - started,
            reason,
            entry.gateway,
            found.the_cause.id if found is not None else "",
        )
        result.scenarios.append(outcome)
        if found is not None:
            ctx.findings.add(found)
        emit(events.ScenarioFinished(outcome))


def run(
    config: RunConfig, emit: Emit = lambda event: None, interruption: Interruption | None = None
) -> RunResult:
    started = time.monotonic()
    ctx = RunContext(config, interruption=interruption or Interruption())
    waivers = Waivers(config.ignore)
    ctx.findings.waivers = waivers
    result = RunResult(config=config)
    if config.max_time:
        ctx.deadline = started + config.max_time
    try:
        with activate(ctx), ctx.interruption.handling_signals():
            try:
                ctx.interruption.check()
                ctx.gateway_mode = preflight(ctx)
                if ctx.gateway_mode.on:
                    emit(events.GatewayModeOn(ctx.gateway_mode.reason))
                if config.scenarios:
                    _run_scenarios(ctx, result, emit, waivers)
                if config.phases and not ctx.out_of_time():
                    remaining = None if ctx.deadline is None else max(1.0, ctx.deadline - time.monotonic())
                    result.engine = run_engine(ctx, emit, max_time=remaining)
                    result.interrupted = result.engine.interrupted
            except KeyboardInterrupt:
                result.interrupted = True
            finally:
                emit(events.CleanupStarted(len(ctx.ledger)))
                with ctx.interruption.protected():
                    result.cleanup = clean_up(ctx, config.cleanup_seconds)
                    result.interrupted = result.interrupted or result.cleanup.interrupted
                ctx.client.close()
    finally:
        # What each kind of write is called here: a field a create does not keep is not kept by a modify either.
        writes = {"create": ctx.facts.label(CREATE), "modify": ctx.facts.label(MODIFY)}
        result.deviations = ctx.findings.deviations(writes)
        result.requests_failed = ctx.findings.total
        for deviation in result.deviations:
            if any(
                w.name in (deviation.id, deviation.cause.rule.name) and w.operation is None
                for w in config.ignore
            ):
                deviation.standing = Standing.IGNORED
        if config.baseline is not None:
            result.fixed = apply_baseline(result.deviations, list(config.baseline_entries))
        result.waived = waivers.summary()
        result.gateway_mode, result.gateway_reason = ctx.gateway_mode.on, ctx.gateway_mode.reason
        result.gateway_checks = tuple(e.name for e in registry.checks() if e.gateway and ctx.gateway_mode.on)
        result.notices = dict(ctx.notices)
        result.seconds = time.monotonic() - started
    emit(events.RunFinished(result))
    return result
