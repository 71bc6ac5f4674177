"""Refusals: every error body has the OpenAI error shape, and a refused input names its `param`."""

from __future__ import annotations

import functools
from typing import Any

import jsonschema_rs
import schemathesis
from schemathesis.core.parameters import ParameterLocation

from contract_tests.checks._support import header, received_json, run_context, sent_json
from contract_tests.compare import show
from contract_tests.spec_view import SpecView

ERROR_SCHEMAS = ("ErrorResponse", "GatewayErrorResponse")


@functools.lru_cache(maxsize=4)
def _error_validator(profile: str) -> Any:
    from contract_tests.spec_view import spec_view

    spec: SpecView = spec_view(profile)
    root = {
        "anyOf": [{"$ref": f"#/components/schemas/{name}"} for name in ERROR_SCHEMAS],
        "components": spec.document["components"],
    }
    return jsonschema_rs.Draft202012Validator(root)


def error_shape_problem(profile: str, status: int, content_type: str | None, body: Any) -> str | None:
    """Why an error response is not in the spec's error shape, or None when it is."""
    if "json" not in (content_type or ""):
        return (
            f"a {status} answer should be JSON in the OpenAI error shape, got content-type {content_type!r}"
        )
    if not _error_validator(profile).is_valid(body):
        return (
            f"a {status} answer should have the OpenAI error shape "
            f'{{"error": {{"message", "type", "param", "code"}}}}, got {show(body)}'
        )
    return None


@schemathesis.check
def openai_error_shape(ctx: Any, response: Any, case: Any) -> bool | None:
    """Every 4xx/5xx answer, declared in the spec or not (405, 413, 415...), is a JSON OpenAI error."""
    run = run_context()
    if run is None or response.status_code < 400:
        return None
    body = received_json(response)
    problem = error_shape_problem(
        run.spec.profile, response.status_code, header(response, "content-type"), body
    )
    if problem:
        raise AssertionError(problem)
    # Forwarded from the upstream: only the gateway's own answers may have the gateway's body.
    forwarded = run.target.gateway and run.gateway.forwarding_headers_in(response.headers)
    if forwarded and not run.gateway.upstream_error.is_valid(body):
        raise AssertionError(
            f"an error the gateway forwarded from the upstream ({response.status_code}) should have the "
            f'OpenAI error body {{"error": {{...}}}}, got {show(body)}'
        )
    return None


def _negative_only_in_body_or_query(case: Any) -> bool:
    meta = case.meta
    if meta is None or not meta.generation.mode.is_negative:
        return False
    negative = {loc for loc, info in meta.components.items() if info.mode.is_negative}
    return bool(negative) and negative <= {ParameterLocation.BODY, ParameterLocation.QUERY}


@schemathesis.check
def refusal_names_param(ctx: Any, response: Any, case: Any) -> bool | None:
    """A 400 for an out-of-range or unknown body field or query parameter says which one in `error.param`."""
    run = run_context()
    if run is None or response.status_code != 400 or not _negative_only_in_body_or_query(case):
        return None
    beta_name, beta_value = next(iter(run.target.beta_header.items()))
    if response.request.headers.get(beta_name) != beta_value:
        return None  # refused for the beta header first; no field to name
    if response.request.body is None:
        return None  # no body at all: there is no field to name
    content_type = response.request.headers.get("content-type", "")
    sent = sent_json(response)
    if "application/json" not in content_type or not isinstance(sent, dict):
        return None  # not a JSON object at all: nothing smaller than the body to name
    body = received_json(response)
    error = body.get("error") if isinstance(body, dict) else None
    param = error.get("param") if isinstance(error, dict) else None
    # A field may be named by the empty string; only then may param be "".
    if not isinstance(param, str) or (not param and "" not in sent):
        raise AssertionError(
            "a 400 for an invalid field or query parameter should name it in error.param, "
            f"got param={show(param)}"
        )
    return None
