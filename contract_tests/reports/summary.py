"""Facts every report shows, computed once from a run result."""

from __future__ import annotations

from dataclasses import dataclass

from contract_tests.runner import RunResult

GATEWAY_SECTION = "Gateway findings: behaviour of the gateway itself, outside the Assistants contract"


@dataclass
class Summary:
    verdict: str
    headline: str
    details: list[str]


def summarize(result: RunResult) -> Summary:
    target = result.target
    engine = result.engine
    passed = sum(s.status == "passed" for s in result.scenarios)
    failed = sum(s.status == "failed" for s in result.scenarios)
    skipped = [s for s in result.scenarios if s.status == "skipped"]
    if result.interrupted:
        verdict = "INTERRUPTED"
    elif result.counted_findings:
        verdict = "VIOLATIONS"
    else:
        verdict = "CONFORMS"
    count = len(result.upstream_findings)
    gateway = len(result.gateway_findings)
    headline = (
        f"{verdict}: {target.base_url} (profile {target.profile}) - "
        f"{count} violation{'s' if count != 1 else ''}"
        + (f" + {gateway} gateway finding{'s' if gateway != 1 else ''}" if gateway else "")
        + f" in {result.seconds:.1f}s"
    )
    details = [
        (
            f"target: {target.base_url}{' (bundled mock)' if target.bundled else ''}, "
            f"credentials: {target.credentials.style}, profile: {target.profile}"
        ),
        f"scenarios: {passed} passed, {failed} failed"
        + (
            f", {len(skipped)} skipped ({'; '.join(f'{s.name}: {s.reason}' for s in skipped)})"
            if skipped
            else ""
        ),
    ]
    if target.gateway:
        counted = "counted (--strict-gateway)" if result.options.strict_gateway else "not counted"
        details.append(
            f"gateway mode: on ({target.gateway_reason}); {gateway} gateway finding"
            f"{'s' if gateway != 1 else ''}, {counted} toward the verdict"
        )
        details.append(f"gateway checks: {', '.join(gateway_checks_run(result)) or 'none'}")
    if engine is not None:
        phases = ", ".join(f"{name} {count}" for name, count in sorted(engine.by_phase.items()))
        details.append(f"schemathesis: {engine.cases} requests ({phases or 'none'})")
    details.append(f"seed: {result.options.seed} (rerun with --seed {result.options.seed})")
    if result.cleanup is not None:
        line = f"cleanup: deleted {result.cleanup.deleted} assistants this run created"
        if result.cleanup.left:
            line += f"; could not delete {len(result.cleanup.left)}: {', '.join(result.cleanup.left[:10])}"
        details.append(line)
    return Summary(verdict, headline, details)


def gateway_checks_run(result: RunResult) -> list[str]:
    """The names of the gateway checks this run ran (scenarios that were not skipped, per-response checks)."""
    from contract_tests.checks import GATEWAY_NAMES
    from contract_tests.scenarios import SCENARIOS

    gateway_scenarios = {s.name for s in SCENARIOS if s.needs_gateway}
    names = [s.name for s in result.scenarios if s.name in gateway_scenarios and s.status != "skipped"]
    if result.engine is not None and result.engine.cases:
        names += list(GATEWAY_NAMES)
    return names
