"""Facts every report shows, computed once from a run result."""

from __future__ import annotations

from dataclasses import dataclass

from contract_tests.results import RunResult, ScenarioStatus

GATEWAY_SECTION = "Gateway findings: behaviour of the gateway itself, outside the Assistants contract"


@dataclass
class Summary:
    verdict: str
    headline: str
    details: list[str]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def summarize(result: RunResult) -> Summary:
    config, target, engine = result.config, result.config.target, result.engine
    passed = sum(s.status is ScenarioStatus.PASSED for s in result.scenarios)
    failed = sum(s.status is ScenarioStatus.FAILED for s in result.scenarios)
    skipped = [s for s in result.scenarios if s.status is ScenarioStatus.SKIPPED]
    if result.interrupted:
        verdict = "INTERRUPTED"
    elif result.counted_findings:
        verdict = "VIOLATIONS"
    else:
        verdict = "CONFORMS"
    count = len(result.upstream_findings)
    gateway = len(result.gateway_findings)
    headline = (
        f"{verdict}: {target.base_url} (profile {target.profile}) - {_plural(count, 'violation')}"
        + (f" + {_plural(gateway, 'gateway finding')}" if gateway else "")
        + f" in {result.seconds:.1f}s"
    )
    details = [
        (
            f"target: {target.base_url}{' (bundled mock)' if config.bundled else ''}, "
            f"credentials: {target.credentials.describe(target.spec.security)}, profile: {target.profile}"
        ),
        f"scenarios: {passed} passed, {failed} failed"
        + (
            f", {len(skipped)} skipped ({'; '.join(f'{s.name}: {s.reason}' for s in skipped)})"
            if skipped
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
    details.append(f"seed: {config.seed} (rerun with --seed {config.seed})")
    for notice, times in result.notices.items():
        details.append(f"note: {notice}" + (f" ({times} times)" if times > 1 else ""))
    if result.cleanup is not None:
        line = f"cleanup: deleted {result.cleanup.deleted} assistants this run created"
        if result.cleanup.left:
            line += f"; could not delete {len(result.cleanup.left)}: {', '.join(result.cleanup.left[:10])}"
        details.append(line)
    return Summary(verdict, headline, details)
