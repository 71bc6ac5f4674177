"""Run schemathesis (examples, coverage, fuzzing, stateful) over the spec and turn its events into findings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events, from_schema
from schemathesis.engine.recorder import ScenarioRecorder

import contract_tests.checks as behaviour_checks
from contract_tests.attribution import gateway_reason
from contract_tests.context import RunContext
from contract_tests.findings import GATEWAY, Finding

# Built-in schemathesis checks that apply to this API; with the behaviour checks, all of them run.
BUILTIN_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "missing_required_header",
    "ignored_auth",
    "use_after_free",
    "ensure_resource_availability",
    "unsupported_method",
    "allow_header_conformance",
)
# The spec answers every bad input with 400 (404 for an unknown id, 401 for bad credentials);
# schemathesis' defaults also accept 406/409/422/428 as refusals, which this contract never uses.
NEGATIVE_STATUSES = ["400", "401", "403", "404", "413", "415", "429"]
POSITIVE_STATUSES = ["2xx", "401", "403", "404", "429"]
MISSING_HEADER_STATUSES = ["400"]

PHASES = ("examples", "coverage", "fuzzing", "stateful")


@dataclass
class EngineOptions:
    max_examples: int
    seed: int
    workers: int = 1
    max_time: float | None = None
    rate_limit: str | None = None
    stateful_steps: int = 8
    phases: tuple[str, ...] = PHASES


@dataclass
class EngineStats:
    cases: int = 0
    scenarios: int = 0
    by_phase: dict[str, int] = field(default_factory=dict)
    stop_reason: str = ""
    interrupted: bool = False


def _auth_config(run: RunContext) -> dict[str, Any]:
    creds = run.target.credentials
    schemes: dict[str, Any] = {}
    if creds.api_key:
        schemes["PortkeyApiKey"] = {"api_key": creds.api_key}
        if creds.virtual_key:
            schemes["PortkeyVirtualKey"] = {"api_key": creds.virtual_key}
    if creds.bearer:
        schemes["BearerAuth"] = {"bearer": creds.bearer}
    return {"openapi": schemes}


def build_config(run: RunContext, options: EngineOptions) -> SchemathesisConfig:
    names = (
        *BUILTIN_CHECKS,
        *behaviour_checks.NAMES,
        *(behaviour_checks.GATEWAY_NAMES if run.target.gateway else ()),
    )
    checks: dict[str, Any] = {name: {"enabled": True} for name in names}
    checks["negative_data_rejection"]["expected-statuses"] = NEGATIVE_STATUSES
    checks["positive_data_acceptance"]["expected-statuses"] = POSITIVE_STATUSES
    checks["missing_required_header"]["expected-statuses"] = MISSING_HEADER_STATUSES
    data: dict[str, Any] = {
        "seed": options.seed,
        "base-url": run.target.base_url,
        "workers": options.workers,
        "request-timeout": 30.0,
        "continue-on-failure": True,
        "generation": {"max-examples": options.max_examples, "mode": "all", "database": "none"},
        "checks": checks,
        "phases": {
            "examples": {"enabled": "examples" in options.phases},
            "coverage": {"enabled": "coverage" in options.phases},
            "fuzzing": {"enabled": "fuzzing" in options.phases},
            "stateful": {"enabled": "stateful" in options.phases, "max-steps": options.stateful_steps},
        },
        "auth": _auth_config(run),
        "cache": {"enabled": False},
        # Our own masking turns keys into ${ENV} references, which keeps curl commands replayable.
        "output": {"sanitization": {"enabled": False}},
    }
    # Credentials go through `auth` (so schemathesis knows them as such); other headers as given.
    extra = {k: v for k, v in run.target.extra_headers.items() if k.lower() not in _auth_header_names()}
    if extra:
        data["headers"] = extra
    if options.max_time:
        data["max-time"] = max(1, int(options.max_time))
    if options.rate_limit:
        data["rate-limit"] = options.rate_limit
    return SchemathesisConfig.from_dict(data)


def _auth_header_names() -> set[str]:
    from contract_tests.target import AUTH_HEADER_NAMES

    return set(AUTH_HEADER_NAMES)


def load_schema(run: RunContext, options: EngineOptions, limiter: Any | None = None) -> Any:
    config = build_config(run, options)
    document = run.spec.document
    if run.target.gateway:
        # Routing headers (provider, custom host) are the target's fixed configuration, not credentials:
        # auth probes must leave them in place to reach the upstream's own auth through the gateway.
        document = run.layout.security_view(document)
    schema = schemathesis.openapi.from_dict(document, config=config)
    if limiter is not None:
        # One limiter for schemathesis and the suite's own client: the rate is for the whole run.
        schema.config.rate_limit = limiter
    return schema


ProgressCallback = Callable[[str, str | None, int], None]


def _findings_from(recorder: ScenarioRecorder, phase: str, run: RunContext) -> list[Finding]:
    masker = run.target.masker
    found = []
    for case_id, nodes in recorder.checks.items():
        for node in nodes:
            info = node.failure_info
            if info is None or node.status.value != "failure":
                continue
            failure = info.failure
            steps = tuple(masker.curl(step.curl) for step in info.steps) or (masker.curl(info.code_sample),)
            message = failure.title if not failure.message else f"{failure.title}: {failure.message}"
            why = _gateway_reason(run, recorder, failure.case_id or case_id, node.name)
            found.append(
                Finding(
                    operation=failure.operation or recorder.label,
                    check=node.name,
                    message=masker.mask(message.strip()),
                    curl=steps,
                    source=phase,
                    **({"origin": GATEWAY, "attribution": masker.mask(why)} if why else {}),
                )
            )
    return found


def _gateway_reason(run: RunContext, recorder: ScenarioRecorder, case_id: str, check: str) -> str | None:
    """Whether the failing exchange (the probe's, for checks that send their own) is the gateway's doing."""
    interaction = recorder.interactions.get(case_id)
    if interaction is None:
        return gateway_reason(
            run,
            check=check,
            status=None,
            response_headers={},
            response_body=None,
            request_headers={},
            request_body=None,
        )
    response = interaction.response
    return gateway_reason(
        run,
        check=check,
        status=response.status_code if response is not None else None,
        response_headers=response.headers if response is not None else {},
        response_body=response.content if response is not None else None,
        request_headers=interaction.request.headers,
        request_body=interaction.request.body,
    )


def run_engine(
    run: RunContext,
    options: EngineOptions,
    *,
    limiter: Any | None = None,
    progress: ProgressCallback | None = None,
) -> EngineStats:
    """Run the schemathesis phases; findings go to `run.findings`."""
    schema = load_schema(run, options, limiter)
    stats = EngineStats()
    stream = from_schema(schema).execute()
    run.interruption.on_request(stream.stop)
    try:
        for event in stream:
            if isinstance(event, events.PhaseStarted):
                if progress:
                    progress("phase", event.phase.name.value, 0)
            elif isinstance(event, events.PhaseFinished):
                if progress:
                    progress("phase_done", event.phase.name.value, 0)
            elif isinstance(event, events.ScenarioFinished):
                phase = event.phase.value
                cases = len(event.recorder.interactions)
                stats.cases += cases
                stats.scenarios += 1
                stats.by_phase[phase] = stats.by_phase.get(phase, 0) + cases
                found = _findings_from(event.recorder, phase, run)
                for finding in found:
                    run.findings.add(finding)
                if progress:
                    progress("cases", phase, cases)
                    if found:
                        progress("violations", phase, len(run.findings))
            elif isinstance(event, events.NonFatalError):
                run.findings.add(
                    Finding(
                        operation=event.label,
                        check="runtime_error",
                        message=run.target.masker.mask(f"{event.info.title}: {event.info.message}"),
                        source=event.phase.value if event.phase else "engine",
                    )
                )
            elif isinstance(event, events.Interrupted):
                # schemathesis catches Ctrl-C in its own loop and reports it as an event.
                stats.interrupted = True
            elif isinstance(event, events.FatalError):
                raise event.exception
            elif isinstance(event, events.EngineFinished):
                stats.stop_reason = event.stop_reason.value
                stats.interrupted = stats.interrupted or run.interruption.requested.is_set()
                for failure in event.failures:
                    run.findings.add(
                        Finding(
                            operation=failure.operation or "(whole run)",
                            check="after_run",
                            message=run.target.masker.mask(f"{failure.title}: {failure.message}"),
                            source="engine",
                        )
                    )
    except KeyboardInterrupt:
        stream.stop()
        raise
    return stats
