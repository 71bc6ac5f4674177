"""Refusals: every error body has the spec's error shape, and a refused input names its `param`."""

from __future__ import annotations

from typing import Any

from assistants_spec import Meaning, ProfileView
from assistants_spec.statuses import ERRORS, is_error
from schemathesis.core.parameters import ParameterLocation

from contract_tests.checks.answer import Answer
from contract_tests.compare import show
from contract_tests.context import RunContext
from contract_tests.registry import check


def error_shape_problem(view: ProfileView, status: int, content_type: str | None, body: Any) -> str | None:
    """Why an error answer is not in the spec's error shape (any error body the spec declares), or None."""
    if "json" not in (content_type or ""):
        return (
            f"a {status} answer should be JSON in the OpenAI error shape, got content-type {content_type!r}"
        )
    if not view.answers_validator(*ERRORS).is_valid(body):
        return (
            f"a {status} answer should have the OpenAI error shape "
            f'{{"error": {{"message", "type", "param", "code"}}}}, got {show(body)}'
        )
    return None


@check()
def openai_error_shape(run: RunContext, answer: Answer, case: Any) -> None:
    """Every 4xx/5xx answer, declared in the spec or not (405, 413, 415...), is a JSON OpenAI error."""
    if not is_error(answer.status):
        return
    problem = error_shape_problem(run.spec, answer.status, answer.header("content-type"), answer.json)
    if problem:
        raise AssertionError(problem)
    # Forwarded from the upstream: only the gateway's own answers may have the gateway's body.
    forwarded = run.gateway_mode.on and run.gateway.forwarding_headers_in(answer.response.headers)
    if forwarded and not run.gateway.upstream_error.is_valid(answer.json):
        raise AssertionError(
            f"an error the gateway forwarded from the upstream ({answer.status}) should have the "
            f'OpenAI error body {{"error": {{...}}}}, got {show(answer.json)}'
        )


def _negative_only_in_body_or_query(case: Any) -> bool:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_negative:
        return False
    negative = {loc for loc, info in meta.components.items() if info.mode.is_negative}
    return bool(negative) and negative <= {ParameterLocation.BODY, ParameterLocation.QUERY}


@check()
def refusal_names_param(run: RunContext, answer: Answer, case: Any) -> None:
    """A refusal of an out-of-range or unknown body field or query parameter names it in `error.param`."""
    if answer.status not in run.spec.statuses(Meaning.INVALID_REQUEST):
        return
    if not _negative_only_in_body_or_query(case):
        return
    beta_name, beta_value = next(iter(run.target.beta_header.items()))
    if answer.request_headers.get(beta_name) != beta_value:
        return  # refused for the beta header first; no field to name
    if answer.request_body is None:
        return  # no body at all: there is no field to name
    sent = answer.sent_json
    if "application/json" not in answer.request_headers.get("content-type", "") or not isinstance(sent, dict):
        return  # not a JSON object at all: nothing smaller than the body to name
    body = answer.json
    error = body.get("error") if isinstance(body, dict) else None
    param = error.get("param") if isinstance(error, dict) else None
    # A field may be named by the empty string; only then may param be "".
    if not isinstance(param, str) or (not param and "" not in sent):
        raise AssertionError(
            f"a {answer.status} for an invalid field or query parameter should name it in error.param, "
            f"got param={show(param)}"
        )
