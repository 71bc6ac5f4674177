"""Run schemathesis (examples, coverage, fuzzing, stateful) over the spec; its results become findings
and its progress becomes the run's events."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import schemathesis
from assistants_spec import Meaning
from assistants_spec.statuses import ERRORS, REFUSES_CONTENT
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import events as st_events
from schemathesis.engine import from_schema
from schemathesis.engine.recorder import ScenarioRecorder
from schemathesis.openapi.checks import MissingContentType

from contract_tests import causes, events, hooks, registry
from contract_tests.attribution import exchange_reason, finding, gateway_reason
from contract_tests.causes import Cause
from contract_tests.checks.methods import is_undeclared_method_probe
from contract_tests.classify import answer_cause, object_component, refused_valid, request_problem, resolve
from contract_tests.context import RunContext
from contract_tests.findings import Finding
from contract_tests.interruption import ENGINE_GRACE
from contract_tests.repro import SentRequest
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
REQUEST_TIMEOUT = 30.0  # each network operation of a schemathesis request (at most: the deadline cuts it)


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
        "request-timeout": min(REQUEST_TIMEOUT, config.request_deadline),
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


def _chain(recorder: ScenarioRecorder, case_id: str, limit: int = 4) -> list[str]:
    """The failing case and the cases that led to it (stateful), oldest first."""
    chain: list[str] = []
    current: str | None = case_id
    while current is not None and len(chain) < limit:
        chain.append(current)
        node = recorder.cases.get(current)
        current = node.parent_id if node is not None else None
    return list(reversed(chain))


def _sent(interaction: Any) -> SentRequest | None:
    if interaction is None:
        return None
    request = interaction.request
    return SentRequest.of(request.method, request.uri, request.headers, request.body)


def _json_of(content: bytes | None) -> Any:
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return None


def _classify(
    run: RunContext,
    check: str,
    failure: Any,
    case: Any,
    interaction: Any,
    explicit: Cause | None,
    method_judged: bool = False,
) -> Cause | None:
    """The cause of one schemathesis failure; None when the failure is not to be judged at all.

    ``method_judged``: the case probes a method its path lacks and `undeclared_method_answer` failed
    on it; the other checks' failures on that answer are the same deviation."""
    response = interaction.response if interaction is not None else None
    request = interaction.request if interaction is not None else None
    status = response.status_code if response is not None else None
    found = run.locate(request.method, request.uri) if request is not None else None
    operation = found.operation if found is not None else None
    if method_judged and check in _ABOUT_THE_ANSWER:
        return causes.UNDECLARED_METHOD()  # the answer to a method the path lacks is judged as such
    basic = body = None
    if response is not None:
        content_type = _first_header(response.headers, "content-type")
        # schemathesis may keep only the start of a long answer: its shape is then not ours to judge
        whole = getattr(response, "content_size", len(response.content)) <= len(response.content)
        body = _json_of(response.content) if whole else None
        basic = answer_cause(
            run.spec, operation, status, content_type, body, body_known=whole, taint=run.taint_of
        )
    problem = None
    if request is not None and operation is not None:
        problem = request_problem(
            run.spec, operation, request.uri, request.headers, request.body, found.path_params
        )
    if (
        problem is not None
        and status is not None
        and 200 <= status < 300
        and check != "positive_data_acceptance"
    ):
        # Whatever else a check saw in the answer to an invalid request that was accepted, it is
        # the acceptance: that answer is judged as a refusal only.
        return resolve(problem.cause(), basic, status)
    if check == "negative_data_rejection":
        if operation is not None and problem is None:
            run.notice("schemathesis sent requests meant to be invalid that the spec calls valid: not judged")
            return None
        accepted = problem.cause() if problem is not None else None
        return resolve(accepted if status is not None and status < 300 else None, basic, status) or accepted
    if check == "positive_data_acceptance":
        if problem is not None:
            return None  # not a valid request after all (e.g. a hook changed it): not judged as one
        return resolve(refused_valid(run.spec, operation, body), basic, status)
    if check == "missing_required_header":
        header = getattr(failure, "header_name", "") or ""
        if header.lower() == run.target.spec.beta_header.lower():
            accepted = causes.BETA_HEADER(aspect="missing")
        else:
            accepted = causes.ACCEPTS_INVALID(subject=f"{header} header", aspect="required-header")
        return resolve(accepted, basic, status)
    if check in ("use_after_free",):
        return causes.DELETE_NOT_EFFECTIVE()
    if check == "ensure_resource_availability":
        return causes.READ_BACK_DIFFERS("create")
    if check == "response_headers_conformance":
        missing = sorted(getattr(failure, "missing_headers", []) or [])
        return causes.RESPONSE_HEADERS(",".join(missing))
    if check == "response_schema_conformance" and basic is None and operation is not None:
        # Only the start of the answer was kept: where schemathesis saw the problem names the object.
        where = list(getattr(failure, "instance_path", None) or [])
        tainted = run.taint_of_value(getattr(failure, "instance", None))
        if tainted is not None:
            return tainted
        response = operation.response(status) if status else None
        if response is not None and response.schema is not None:
            return causes.SHAPE(object_component(run.spec, response.schema, where) or operation.label)
    if check == "content_type_conformance" and basic is None:
        # The answer itself was not kept with this failure (e.g. a stateful step): its own words say which type.
        received = getattr(failure, "content_type", None)
        if received is not None:
            return causes.CONTENT_TYPE(received.split(";")[0].strip() or "none")
        if isinstance(failure, MissingContentType):
            return causes.CONTENT_TYPE("none")
    if check in (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    ):
        return basic or explicit or causes.of_check(check)
    return resolve(explicit, basic, status) or causes.of_check(check)


# Checks whose failures are about the answer itself (its status, type or shape).
_ABOUT_THE_ANSWER = frozenset(
    {
        "openai_error_shape",
        "content_type_conformance",
        "status_code_conformance",
        "response_schema_conformance",
        "undeclared_method_answer",
    }
)


def _first_header(headers: Any, name: str) -> str | None:
    value = headers.get(name) if headers is not None else None
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _findings_from(recorder: ScenarioRecorder, phase: str, run: RunContext) -> list[Finding]:
    masker = run.target.masker
    bodied_method_answers = {a.status for a in run.spec.spec.undeclared_method_answers if a.schema}
    found = []
    for case_id, nodes in recorder.checks.items():
        for node in nodes:
            info = node.failure_info
            if info is None or node.status.value != "failure":
                continue
            failure = info.failure
            failing_case = failure.case_id or case_id
            evidence, explicit = run.take_evidence(failing_case, node.name)
            case_node = recorder.cases.get(failing_case)
            case = case_node.value if case_node is not None else None
            interaction = recorder.interactions.get(failing_case)
            # An answer to a method the path lacks is governed by x-undeclared-methods: when that
            # check failed on it, or it has a status whose answer must carry the error body (OpenAI's
            # 404), it is one deviation.
            answered = interaction.response.status_code if interaction and interaction.response else None
            method_judged = any(
                n.name == "undeclared_method_answer" and n.status.value == "failure" for n in nodes
            ) or (case is not None and is_undeclared_method_probe(case) and answered in bodied_method_answers)
            cause = _classify(run, node.name, failure, case, interaction, explicit, method_judged)
            if cause is None:
                continue
            requests = [
                r for r in (_sent(recorder.interactions.get(c)) for c in _chain(recorder, failing_case)) if r
            ]
            requests += [e.request() for e in evidence[-1:]]
            message = failure.title if not failure.message else f"{failure.title}: {failure.message}"
            operation = failure.operation or recorder.label
            if case is not None and is_undeclared_method_probe(case):
                # schemathesis files the probe under the path's declared operation; it sent another method
                operation = f"{str(case.method).upper()} {case.operation.path}"
            found.append(
                finding(
                    run,
                    check=node.name,
                    operation=operation,
                    message=message.strip(),
                    requests=tuple(requests[-3:]),
                    source=phase,
                    why_gateway=_gateway_reason(run, recorder, failing_case, node.name, evidence),
                    cause=cause,
                )
            )
    for case_id in recorder.cases:
        run.forget_case(case_id)
    del masker
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
        failed: list[BaseException] = []
        done = threading.Event()

        def consume() -> None:
            try:
                for event in stream:
                    _handle(event, run, stats, emit)
            except BaseException as exc:  # noqa: BLE001  (re-raised in the main thread)
                failed.append(exc)
            finally:
                done.set()

        # schemathesis' workers are threads; the main thread only watches them, so that a signal or a
        # request that never ends cannot hold the run.
        consumer = threading.Thread(target=consume, name="conformance-engine", daemon=True)
        consumer.start()
        try:
            _supervise(run, stream, done, stats)
        except KeyboardInterrupt:
            stream.stop()
            raise
        if failed:
            raise failed[0]
    return stats


def _supervise(run: RunContext, stream: Any, done: threading.Event, stats: EngineStats) -> None:
    """Wait for the engine; stop it when a signal comes or a request outlives its deadline, and go on
    without it when it does not stop within the grace period."""
    stopping_since: float | None = None
    while not done.wait(0.2):
        now = time.monotonic()
        if stopping_since is None:
            deadline = run.config.request_deadline
            slow = run.inflight.overdue(now, deadline)
            if slow is not None:
                run.notice(
                    f"a request took longer than its deadline of {deadline:g} s ({slow}); "
                    "schemathesis was stopped there"
                )
                stream.stop()
                stopping_since = now
            elif run.interruption.requested.is_set():
                stopping_since = now
        elif now - stopping_since > ENGINE_GRACE:
            run.notice(
                f"schemathesis did not stop within {ENGINE_GRACE:g} s (a request in flight); left behind"
            )
            stats.abandoned = True
            stats.interrupted = stats.interrupted or run.interruption.requested.is_set()
            return


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
        title = masker.mask(event.info.title)
        run.findings.add(
            Finding(
                operation=event.label,
                check="runtime_error",
                message=masker.mask(f"{event.info.title}: {event.info.message}")[:2000],
                source=event.phase.value if event.phase else "engine",
                cause=causes.REQUEST_FAILED(title[:80]),
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
                    message=masker.mask(f"{failure.title}: {failure.message}")[:2000],
                    source="engine",
                )
            )
