"""Run schemathesis (examples, coverage, fuzzing, stateful) over the spec; its results become findings
and its progress becomes the run's events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import schemathesis
from assistants_spec import Meaning
from assistants_spec.statuses import ERRORS, REFUSES_CONTENT
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events as st_events
from schemathesis.engine import from_schema
from schemathesis.engine.recorder import ScenarioRecorder

from contract_tests import events, hooks, registry
from contract_tests.attribution import exchange_reason, finding, gateway_reason
from contract_tests.context import RunContext
from contract_tests.findings import Finding
from contract_tests.results import EngineStats

# Built-in schemathesis checks that apply to this API; with the suite's own checks, all of them run.
BUILTIN_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "missing_required_header",
    "use_after_free",
    "ensure_resource_availability",
)
# Built-in checks the suite does itself: `ignored_auth` sends probes past every hook, so they could
# not wait out a rate limit (`auth_is_enforced` sends the same probes through the suite's client);
# `unsupported_method` wants 405 where the spec also allows OpenAI's 404 (`undeclared_method_answer`
# reads what the spec allows); `allow_header_conformance` judges OPTIONS, which the contract leaves open.
REPLACED_CHECKS = ("ignored_auth", "unsupported_method", "allow_header_conformance")
REQUEST_TIMEOUT = 30.0


def expected_statuses(run: RunContext) -> dict[str, list[str]]:
    """The statuses schemathesis' status checks accept, from what the spec declares.

    A refusal of bad data is any error the spec declares; valid data may still meet the declared
    refusals that are not about the data (credentials, an unknown id, a rate limit); a missing
    required header is an invalid request.
    """
    view = run.spec
    refusals = view.statuses(*ERRORS - {Meaning.SERVER_ERROR})
    not_about_data = view.statuses(*ERRORS - REFUSES_CONTENT - {Meaning.SERVER_ERROR})
    return {
        "negative_data_rejection": [str(s) for s in refusals],
        "positive_data_acceptance": ["2xx", *(str(s) for s in not_about_data)],
        "missing_required_header": [str(s) for s in view.statuses(Meaning.INVALID_REQUEST)],
    }


def auth_config(run: RunContext) -> dict[str, Any]:
    """The target's credentials as schemathesis' auth settings, by the spec's scheme and its type."""
    security = run.target.spec.security
    schemes: dict[str, Any] = {}
    for name, secret in run.target.credentials.secrets.items():
        scheme = security.schemes[name]
        if scheme.kind == "http" and scheme.http_scheme == "bearer":
            schemes[name] = {"bearer": secret.value}
        elif scheme.kind == "apiKey":
            schemes[name] = {"api_key": secret.value}
        else:
            raise ValueError(
                f"security scheme {name!r} ({scheme.kind} {scheme.http_scheme}) is not supported"
            )
    return {"openapi": schemes}


def build_config(run: RunContext, max_time: float | None) -> SchemathesisConfig:
    config = run.config
    # schemathesis runs every registered check it is not told to leave out: say it for each.
    checks: dict[str, Any] = {name: {"enabled": True} for name in BUILTIN_CHECKS}
    checks.update({name: {"enabled": False} for name in REPLACED_CHECKS})
    for entry in registry.checks():
        checks[entry.name] = {"enabled": run.gateway_mode.on or not entry.gateway}
    for name, statuses in expected_statuses(run).items():
        checks[name]["expected-statuses"] = statuses
    data: dict[str, Any] = {
        "seed": config.seed,
        "base-url": run.target.base_url,
        "workers": config.workers,
        "request-timeout": REQUEST_TIMEOUT,
        "continue-on-failure": True,
        "generation": {"max-examples": config.max_examples, "mode": "all", "database": "none"},
        "checks": checks,
        "phases": {
            "examples": {"enabled": "examples" in config.phases},
            "coverage": {"enabled": "coverage" in config.phases},
            "fuzzing": {"enabled": "fuzzing" in config.phases},
            "stateful": {"enabled": "stateful" in config.phases, "max-steps": config.stateful_steps},
        },
        "auth": auth_config(run),
        "cache": {"enabled": False},
        # Our own masking turns keys into ${ENV} references, which keeps curl commands replayable.
        "output": {"sanitization": {"enabled": False}},
    }
    # Credentials go through `auth` (so schemathesis knows them as such); other headers as given.
    sent_as_auth = {name.lower() for name in run.target.credentials.headers(run.target.spec.security)}
    extra = {k: v for k, v in run.target.extra_headers.items() if k.lower() not in sent_as_auth}
    if extra:
        data["headers"] = extra
    if max_time:
        data["max-time"] = max(1, int(max_time))
    return SchemathesisConfig.from_dict(data)


def load_schema(run: RunContext, max_time: float | None) -> Any:
    document = run.spec.document
    if run.gateway_mode.on:
        # Routing headers (provider, custom host) are the target's fixed configuration, not credentials.
        document = run.layout.security_view(document)
    schema = schemathesis.openapi.from_dict(document, config=build_config(run, max_time))
    if run.limiter is not None:
        # One limiter for schemathesis and the suite's own client: the rate is for the whole run.
        schema.config.rate_limit = run.limiter
    return schema


def _findings_from(recorder: ScenarioRecorder, phase: str, run: RunContext) -> list[Finding]:
    masker = run.target.masker
    found = []
    for case_id, nodes in recorder.checks.items():
        for node in nodes:
            info = node.failure_info
            if info is None or node.status.value != "failure":
                continue
            failure = info.failure
            failing_case = failure.case_id or case_id
            steps = tuple(masker.curl(step.curl) for step in info.steps) or (masker.curl(info.code_sample),)
            evidence = run.evidence.get((failing_case, node.name), [])
            message = failure.title if not failure.message else f"{failure.title}: {failure.message}"
            found.append(
                finding(
                    run,
                    check=node.name,
                    operation=failure.operation or recorder.label,
                    message=message.strip(),
                    curl=steps + tuple(e.curl(masker) for e in evidence[-1:]),
                    source=phase,
                    why_gateway=_gateway_reason(run, recorder, failing_case, node.name, evidence),
                )
            )
    return found


def _gateway_reason(
    run: RunContext, recorder: ScenarioRecorder, case_id: str, check: str, evidence: list[Any]
) -> str | None:
    """Whether the failing exchange (the check's own request, if it sent one) is the gateway's doing."""
    if evidence:
        return exchange_reason(run, check, evidence[-1])
    interaction = recorder.interactions.get(case_id)
    response = interaction.response if interaction is not None else None
    return gateway_reason(
        run,
        check=check,
        status=response.status_code if response is not None else None,
        response_headers=response.headers if response is not None else {},
        response_body=response.content if response is not None else None,
        request_headers=interaction.request.headers if interaction is not None else {},
        request_body=interaction.request.body if interaction is not None else None,
    )


def run_engine(
    run: RunContext, emit: Callable[[events.Event], None], *, max_time: float | None
) -> EngineStats:
    """Run the schemathesis phases; findings go to `run.findings`, progress to `emit`."""
    schema = load_schema(run, max_time)
    stats = EngineStats()
    with hooks.installed(schema):
        stream = from_schema(schema).execute()
        run.interruption.on_request(stream.stop)
        try:
            for event in stream:
                _handle(event, run, stats, emit)
        except KeyboardInterrupt:
            stream.stop()
            raise
    return stats


def _handle(event: Any, run: RunContext, stats: EngineStats, emit: Callable[[events.Event], None]) -> None:
    masker = run.target.masker
    if isinstance(event, st_events.PhaseStarted):
        emit(events.PhaseStarted(event.phase.name.value))
    elif isinstance(event, st_events.PhaseFinished):
        emit(events.PhaseFinished(event.phase.name.value))
    elif isinstance(event, st_events.ScenarioFinished):
        phase = event.phase.value
        cases = len(event.recorder.interactions)
        stats.cases += cases
        stats.scenarios += 1
        stats.by_phase[phase] = stats.by_phase.get(phase, 0) + cases
        for found in _findings_from(event.recorder, phase, run):
            run.findings.add(found)
        emit(events.CasesChecked(phase, cases, len(run.findings)))
    elif isinstance(event, st_events.NonFatalError):
        run.findings.add(
            Finding(
                operation=event.label,
                check="runtime_error",
                message=masker.mask(f"{event.info.title}: {event.info.message}"),
                source=event.phase.value if event.phase else "engine",
            )
        )
    elif isinstance(event, st_events.Interrupted):
        # schemathesis catches Ctrl-C in its own loop and reports it as an event.
        stats.interrupted = True
    elif isinstance(event, st_events.FatalError):
        raise event.exception
    elif isinstance(event, st_events.EngineFinished):
        stats.stop_reason = event.stop_reason.value
        stats.interrupted = stats.interrupted or run.interruption.requested.is_set()
        for failure in event.failures:
            run.findings.add(
                Finding(
                    operation=failure.operation or "(whole run)",
                    check="after_run",
                    message=masker.mask(f"{failure.title}: {failure.message}"),
                    source="engine",
                )
            )
