"""Checks of one exchange: the request against what the contract accepts (side client), the answer
against what the operation declares (side server). Every fact comes from the spec model."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from assistants_spec import AuthLayout, Meaning, Operation, Response, Security, Validator, coerce_text

from .exchange import CLIENT, NOT_JSON, SERVER, Exchange
from .registry import Problem, Registry
from .values import show

REQUESTS = Registry()
ANSWERS = Registry()

_MESSAGE = 240


# -- helpers --------------------------------------------------------------------------------------
def is_json_media(content_type: str | None) -> bool:
    if content_type is None:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def field_name(path: list[Any]) -> str:
    """``['tools', 3, 'type']`` -> ``tools[3].type``; the whole value -> ``body``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "body"


def schema_problem(validator: Validator, value: Any, what: str) -> Problem | None:
    """The first way ``value`` breaks the schema, keyed by the schema rule it breaks."""
    if validator.is_valid(value):
        return None
    error = validator.first_error(value)
    if error is None:
        return None
    kind = type(error.kind).__name__
    rule = "/".join(str(p) for p in error.schema_path)
    detail = ""
    if kind == "Required":
        detail = str(error.kind.property)
    elif kind == "AdditionalProperties":
        detail = ",".join(sorted(str(u) for u in error.kind.unexpected))
    where = field_name(list(error.instance_path))
    message = error.message if len(error.message) <= _MESSAGE else error.message[:_MESSAGE] + "..."
    return Problem(f"{what}:{rule}:{detail}", f"{what} {where}: {message}")


@functools.lru_cache(maxsize=256)
def _layout(security: Security, names: tuple[str, ...]) -> AuthLayout:
    return security.layout(names)


# -- the request (side client) ----------------------------------------------------------------------
@REQUESTS.check(
    "request_method",
    side=CLIENT,
    clause="A request uses a method the contract declares for its path.",
)
def request_method(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    match = ex.match
    if match is not None and match.path_known and match.operation is None:
        allowed = ", ".join(sorted(match.allowed))
        yield Problem(ex.method, f"{ex.method} is not an operation of this path (the contract has {allowed})")


@REQUESTS.check(
    "request_credentials",
    side=CLIENT,
    clause="A request carries one of the credential combinations the contract's security lists.",
)
def request_credentials(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    if ex.operation is None:
        return
    security = ex.view.spec.security
    names = tuple(sorted({key.decode("latin-1").lower() for key, _ in ex.request_headers}))
    layout = _layout(security, names)
    if layout.chosen is None:
        sent = sorted(set(names) & security.header_names)
        yield Problem(
            "missing",
            "no documented credential combination: sent "
            + (", ".join(sent) if sent else "no credential header"),
        )
        return
    for name in sorted(layout.chosen):
        scheme = security.schemes[name]
        value = ex.request_header(scheme.header)
        if value is not None and scheme.secret_of(value) is None:
            yield Problem(
                f"form:{scheme.header.lower()}",
                f"{scheme.header} is not of the form '{scheme.header_value('<key>')}'",
            )


@REQUESTS.check(
    "request_headers",
    side=CLIENT,
    clause="A request carries every header parameter the operation requires, with a valid value.",
)
def request_headers(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    operation = ex.operation
    if operation is None:
        return
    spec = ex.view.spec
    for parameter in operation.parameters:
        if parameter.location != "header":
            continue
        value = ex.request_header(parameter.name)
        if value is None:
            if parameter.required:
                yield Problem(
                    f"missing:{parameter.name.lower()}", f"missing required header {parameter.name}"
                )
            continue
        if parameter.name.lower() == spec.beta_header.lower():
            # Several betas may share the header; the one this profile names must be among them.
            if spec.profile_for_header(value) != ex.view.name:
                yield Problem(
                    f"invalid:{parameter.name.lower()}",
                    f"{parameter.name}: {show(value)} does not select {spec.beta_value(ex.view.name)!r}",
                )
            continue
        problem = schema_problem(ex.view.validator(parameter.schema), parameter.coerce(value), parameter.name)
        if problem is not None:
            yield problem


@REQUESTS.check(
    "request_query",
    side=CLIENT,
    clause="Query parameters have the types and ranges the operation declares.",
)
def request_query(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    operation = ex.operation
    if operation is None:
        return
    values = ex.query_values
    for parameter in operation.query_parameters:
        if parameter.name not in values:
            if parameter.required:
                yield Problem(
                    f"missing:{parameter.name}", f"missing required query parameter {parameter.name}"
                )
            continue
        value = parameter.coerce(values[parameter.name])
        problem = schema_problem(ex.view.validator(parameter.schema), value, parameter.name)
        if problem is not None:
            yield problem


@REQUESTS.check(
    "request_content_type",
    side=CLIENT,
    clause="A request body is sent as JSON (its Content-Type says so).",
)
def request_content_type(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    operation = ex.operation
    if operation is None or operation.body_schema is None or not ex.request_body.strip():
        return
    content_type = ex.request_header("content-type")
    # Without a Content-Type the API still reads JSON (the mock does too); another type is refused.
    if content_type is not None and not is_json_media(content_type):
        yield Problem("media", f"a JSON body sent as {show(content_type)}")


@REQUESTS.check(
    "request_body",
    side=CLIENT,
    clause="A request body is valid JSON that fits the operation's request schema.",
)
def request_body(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    operation = ex.operation
    if operation is None or operation.body_schema is None or ex.request_cut:
        return
    body = ex.request_json
    if body is None:
        if operation.body_required:
            yield Problem("missing", "the operation requires a JSON body; none was sent")
        return
    if body is NOT_JSON:
        yield Problem("not_json", "the body is not valid JSON")
        return
    problem = schema_problem(ex.view.body_validator(operation.id), body, "field")
    if problem is not None:
        yield problem


# -- the answer (side server) -------------------------------------------------------------------------
def _declared(ex: Exchange) -> Response | None:
    operation = ex.operation
    return operation.response(ex.status) if operation is not None else None


@ANSWERS.check(
    "status_declared",
    side=SERVER,
    clause="The answer's status is one the operation declares.",
)
def status_declared(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    operation = ex.operation
    if operation is not None and operation.response(ex.status) is None:
        declared = ", ".join(sorted(operation.responses))
        yield Problem(str(ex.status), f"answered {ex.status}; the operation declares {declared}")


class _AsAnswer:
    """An exchange as ``contract_tests.checks.methods.answer_problem`` reads an answer."""

    def __init__(self, ex: Exchange) -> None:
        self.status = ex.status
        self.json = ex.response_json if ex.response_json is not NOT_JSON else None
        self.header = ex.response_header


@ANSWERS.check(
    "undeclared_method_answer",
    side=SERVER,
    clause="A method a path does not declare is answered as the spec's x-undeclared-methods allows.",
)
def undeclared_method_answer(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    match = ex.match
    if (
        match is None
        or not match.path_known
        or match.operation is not None
        or ex.method in ("OPTIONS", "HEAD")
    ):
        return
    if ex.status in ex.view.statuses(Meaning.RATE_LIMITED):
        return  # throttled before routing: says nothing about the method
    from contract_tests.checks.methods import answer_problem  # the suite's judgement, shared

    problem = answer_problem(SimpleNamespace(spec=ex.view), ex.method, match.allowed, _AsAnswer(ex))
    if problem is not None:
        yield Problem(str(ex.status), problem)


@ANSWERS.check(
    "refused_request_accepted",
    side=SERVER,
    clause="A request the contract refuses is not answered with success.",
)
def refused_request_accepted(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    if ex.client_problems and 200 <= ex.status < 300:
        first = ex.client_problems[0]
        yield Problem(
            first.split(":", 1)[0], f"answered {ex.status} to a request the contract refuses ({first})"
        )


@ANSWERS.check(
    "response_content_type",
    side=SERVER,
    clause="An answer with a declared JSON body is sent as JSON.",
)
def response_content_type(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    if ex.operation is None:
        return
    response = _declared(ex)
    expects_json = response.schema is not None if response is not None else ex.status >= 400
    content_type = ex.response_header("content-type")
    if expects_json and ex.response_body.strip() and not is_json_media(content_type):
        yield Problem(str(ex.status // 100), f"a {ex.status} answer sent as {show(content_type)}, not JSON")


@ANSWERS.check(
    "response_body",
    side=SERVER,
    clause="A success answer's body fits the schema the operation declares for its status.",
)
def response_body(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    operation = ex.operation
    if operation is None or not 200 <= ex.status < 300 or ex.response_cut:
        return
    validator = ex.view.response_validator(operation.id, ex.status)
    if validator is None:
        return
    body = ex.response_json
    if body is None or body is NOT_JSON:
        yield Problem(
            "not_json", f"a {ex.status} answer whose body is not JSON: {show(ex.response_body[:80])}"
        )
        return
    problem = schema_problem(validator, body, "field")
    if problem is not None:
        yield problem


def _error_validators(ex: Exchange) -> list[Validator]:
    """The schemas the operation declares for this error status, else for any error status."""
    operation: Operation = ex.operation
    own = ex.view.response_validator(operation.id, ex.status) if operation.response(ex.status) else None
    if own is not None:
        return [own]
    found: dict[str, Validator] = {}
    for status, response in operation.responses.items():
        if status[0] in "45" and response.schema_pointer is not None:
            found.setdefault(response.schema_pointer, ex.view.validator(response.schema_pointer))
    return list(found.values())


@ANSWERS.check(
    "error_body",
    side=SERVER,
    clause="An error answer has the error body the contract declares (declared status or not).",
)
def error_body(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    if ex.operation is None or ex.status < 400 or ex.response_cut:
        return
    validators = _error_validators(ex)
    if not validators:
        return
    body = ex.response_json
    if body is None or body is NOT_JSON:
        yield Problem(
            "not_json", f"a {ex.status} answer whose body is not JSON: {show(ex.response_body[:80])}"
        )
        return
    if not any(v.is_valid(body) for v in validators):
        problem = schema_problem(validators[0], body, "field")
        detail = problem.message if problem is not None else show(body)
        yield Problem(problem.kind if problem else "shape", f"a {ex.status} answer: {detail}")


@ANSWERS.check(
    "response_headers",
    side=SERVER,
    clause="An answer carries the headers its response requires, with valid values.",
)
def response_headers(ex: Exchange, ledger: Any) -> Iterator[Problem]:
    response = _declared(ex)
    if response is None:
        return
    for name, header in response.headers.items():
        value = ex.response_header(name)
        if value is None:
            if header.get("required"):
                yield Problem(
                    f"missing:{name.lower()}", f"a {ex.status} answer without the required {name} header"
                )
            continue
        schema = header.get("schema")
        if schema:
            problem = schema_problem(ex.view.validator(schema), coerce_text(value, schema), name)
            if problem is not None:
                yield problem
