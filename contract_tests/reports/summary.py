"""Facts every report shows, computed once from a run result."""

from __future__ import annotations

from dataclasses import dataclass

from contract_tests.findings import Standing
from contract_tests.results import RunResult, ScenarioStatus

GATEWAY_SECTION = "Gateway findings: behaviour of the gateway itself, outside the Assistants contract"
MAX_IDS_SHOWN = 10


@dataclass
class Summary:
    verdict: str
    headline: str
    details: list[str]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def summarize(result: RunResult) -> Summary:
    config, target, engine = result.config, result.config.target, result.engine
    by_status = {status: [s for s in result.scenarios if s.status is status] for status in ScenarioStatus}
    if result.interrupted:
        verdict = "INTERRUPTED"
    elif result.counted:
        verdict = "VIOLATIONS"
    else:
        verdict = "CONFORMS"
    upstream = [d for d in result.upstream if d.standing is Standing.NEW]
    gateway = len(result.gateway)
    headline = (
        f"{verdict}: {target.base_url} (profile {target.profile}) - {_plural(len(upstream), 'deviation')}"
        + (f" + {_plural(gateway, 'gateway finding')}" if gateway else "")
        + f" in {result.seconds:.1f}s"
    )
    details = [
        (
            f"target: {target.base_url}{' (bundled mock)' if config.bundled else ''}, "
            f"credentials: {target.credentials.describe(target.spec.security)}, profile: {target.profile}"
        ),
        f"deviations: {len(upstream)} counted from {_plural(result.requests_failed, 'failing request')}"
        + _standing_counts(result),
        f"scenarios: {len(by_status[ScenarioStatus.PASSED])} passed, {len(by_status[ScenarioStatus.FAILED])} failed, "
        f"{len(by_status[ScenarioStatus.BLOCKED])} blocked"
        + (
            f", {len(by_status[ScenarioStatus.SKIPPED])} skipped "
            f"({'; '.join(f'{s.name}: {s.reason}' for s in by_status[ScenarioStatus.SKIPPED])})"
            if by_status[ScenarioStatus.SKIPPED]
            else ""
        ),
    ]
    if result.gateway_mode:
        counted = "counted (--strict-gateway)" if config.strict_gateway else "not counted"
        details.append(
            f"gateway mode: on ({result.gateway_reason}); {_plural(gateway, 'gateway finding')}, "
            f"{counted} toward the verdict"
        )
        details.append(f"gateway checks: {', '.join(result.gateway_checks_run()) or 'none'}")
    if engine is not None:
        phases = ", ".join(f"{name} {count}" for name, count in sorted(engine.by_phase.items()))
        details.append(f"schemathesis: {engine.cases} requests ({phases or 'none'})")
    limits = f"max-examples {config.max_examples}"
    if config.max_time:
        limits += f", time budget {config.max_time:g} s"
    details.append(f"seed: {config.seed} (rerun with --seed {config.seed}); {limits}")
    for raw, count in result.waived.items():
        details.append(f"ignored: {raw} ({_plural(count, 'failing request')} waived)")
    if result.fixed:
        ids = ", ".join(e["id"] for e in result.fixed[:MAX_IDS_SHOWN])
        more = f" and {len(result.fixed) - MAX_IDS_SHOWN} more" if len(result.fixed) > MAX_IDS_SHOWN else ""
        count = len(result.fixed)
        details.append(
            f"baseline: {count} entr{'y' if count == 1 else 'ies'} not seen this run (fixed, or not "
            f"exercised): {ids}{more}"
        )
    for notice, times in result.notices.items():
        details.append(f"note: {notice}" + (f" ({times} times)" if times > 1 else ""))
    if result.cleanup is not None:
        details.append(cleanup_line(result))
    return Summary(verdict, headline, details)


def _standing_counts(result: RunResult) -> str:
    known = sum(d.standing is Standing.KNOWN for d in result.deviations)
    ignored = sum(d.standing is Standing.IGNORED for d in result.deviations)
    parts = []
    if known:
        parts.append(f"{known} known from the baseline")
    if ignored:
        parts.append(f"{ignored} ignored")
    return f" ({', '.join(parts)}, not counted)" if parts else ""


def cleanup_line(result: RunResult) -> str:
    cleanup = result.cleanup
    assert cleanup is not None
    line = f"cleanup: deleted {cleanup.deleted} of {cleanup.created} assistants this run created and left"
    if cleanup.already_gone:
        line += f"; {len(cleanup.already_gone)} were already gone (the delete and a read said not found)"
    if cleanup.left:
        reasons = "; ".join(f"{why}: {count}" for why, count in cleanup.why.items())
        shown = ", ".join(cleanup.left[:MAX_IDS_SHOWN])
        more = f" and {len(cleanup.left) - MAX_IDS_SHOWN} more" if len(cleanup.left) > MAX_IDS_SHOWN else ""
        line += f"; LEFT BEHIND {len(cleanup.left)} ({reasons}): {shown}{more}"
    return line
