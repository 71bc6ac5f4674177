"""What a failure is a symptom of: the spec model's view of a request and of an answer.

- `answer_cause`: the most basic clause an answer breaks (a server error, a status the operation does
  not declare, an error body not in the error shape, a success body not in its schema), or None for a
  well-formed answer. A more specific check judging a malformed answer is reporting that cause.
- `request_problem`: why the spec calls a request invalid (the keyword and the field), or None when it
  is valid. Only a request the spec calls invalid is judged as a refusal, and only a valid one as a
  write or a list; a "negative" case that is valid after all is judged by neither.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from assistants_spec import Operation, ProfileView
from assistants_spec.statuses import ERRORS, Meaning, is_error, meaning

from contract_tests import causes
from contract_tests.causes import Cause


@dataclass(frozen=True)
class Problem:
    keyword: str  # e.g. "maximum", "type", "unknown-field", "required"
    subject: str  # e.g. "temperature", "limit (query)", "OpenAI-Beta header"
    text: str  # what is wrong, for messages
    value: Any = None  # the invalid part of the body, when the body is what is invalid

    def cause(self) -> Cause:
        if self.keyword.startswith("beta-header"):
            return causes.BETA_HEADER(aspect=self.keyword.removeprefix("beta-header-"))
        return causes.ACCEPTS_INVALID(subject=self.subject, aspect=self.keyword)


def declared(operation: Operation, status: int) -> bool:
    return operation.response(status) is not None


def shape_problem(
    view: ProfileView, operation: Operation, status: int, body: Any
) -> tuple[str, str, list[Any]] | None:
    """(component, first problem, where) when a body is not in the schema declared for the status."""
    response = operation.response(status)
    if response is None or response.schema is None:
        return None
    validator = view.validator(response.schema)
    error = validator.first_error(body)
    if error is None:
        return None
    component = object_component(view, response.schema, list(error.instance_path)) or operation.label
    where = "/".join(str(p) for p in error.instance_path) or "(the body)"
    return component, f"{where}: {error.message[:200]}", list(error.instance_path)


def object_component(view: ProfileView, schema: Any, path: list[Any]) -> str | None:
    """The named object schema (``components/schemas``) of the innermost object on ``path`` that has
    one: a list item's problems are its item's (AssistantObject), not the list's."""
    found = None
    node: Any = schema
    for step in [None, *path]:
        if step is not None:
            node = view.resolve(node) if isinstance(node, dict) else {}
            if isinstance(step, int):
                node = node.get("items", {})
            else:
                node = (node.get("properties") or {}).get(step, {})
        ref = node.get("$ref") if isinstance(node, dict) else None
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            resolved = view.resolve(node)
            if "object" in view.types(resolved) or view.properties(resolved):
                found = ref.rsplit("/", 1)[-1]
    return found


def answer_cause(
    view: ProfileView,
    operation: Operation | None,
    status: int,
    content_type: str | None,
    body: Any,
    *,
    body_known: bool = True,
    taint: Callable[[Any, list[Any]], Cause | None] | None = None,
) -> Cause | None:
    """The basic clause an answer to ``operation`` breaks, or None (body: the decoded JSON or None;
    ``body_known`` False when only part of it was kept, so its shape cannot be judged)."""
    if 500 <= status < 600:
        return causes.SERVER_ERROR(aspect=str(status))
    if operation is None:
        return None
    if not declared(operation, status):
        return causes.STATUS_UNDECLARED(str(status))
    if not body_known:
        return None
    if is_error(status):
        if "json" not in (content_type or "") or not view.answers_validator(*ERRORS).is_valid(body):
            return causes.ERROR_SHAPE()
        return None
    if meaning(status) is Meaning.SUCCESS:
        if content_type is not None and "json" not in content_type:
            return causes.CONTENT_TYPE(content_type.split(";")[0].strip() or "none")
        found = shape_problem(view, operation, status, body)
        if found is not None:
            # An object an accepted invalid write left malformed shows that acceptance, not a new deviation.
            return (taint(body, found[2]) if taint is not None else None) or causes.SHAPE(found[0])
    return None


# -- requests --------------------------------------------------------------------------------------
def _keyword(error: Any) -> tuple[str, list[Any]]:
    """The keyword an error is about, digging into anyOf/oneOf for the member that fits the value's type."""
    kind = type(error.kind).__name__
    path = list(error.instance_path)
    if kind in ("AnyOf", "OneOfNotValid") and getattr(error.kind, "context", None):
        branches = [list(b) for b in error.kind.context if b]
        fitting = [
            b
            for b in branches
            if not all(
                type(e.kind).__name__ in ("Type", "Constant") and list(e.instance_path) == path for e in b
            )
        ]
        if not fitting:
            return "type", path
        # The member the value got furthest into (its errors are the deepest) is the one it meant.
        best = max(fitting, key=lambda b: max(len(list(e.instance_path)) for e in b))
        return _keyword(max(best, key=lambda e: len(list(e.instance_path))))
    schema_path = list(error.schema_path)
    if "propertyNames" in schema_path:
        return "key-" + str(schema_path[-1]), path
    if kind == "AdditionalProperties":
        return "unknown-field", path
    if kind == "FalseSchema":
        return "unknown-field", path
    return (str(schema_path[-1]) if schema_path else kind.lower()), path


def body_problem(view: ProfileView, operation: Operation, body: Any) -> Problem | None:
    validator = view.body_validator(operation.id)
    if validator is None:
        return None
    error = validator.first_error(body)
    if error is None:
        return None
    keyword, path = _keyword(error)
    subject = str(path[0]) if path else "body"
    if keyword == "unknown-field":
        subject = "unknown fields" if not path else f"unknown fields in {path[0]}"
    elif keyword == "required" and not path:
        subject = error.message.split('"')[1] if '"' in error.message else "body"
    return Problem(
        keyword, subject, f"{'/'.join(map(str, path)) or 'body'}: {error.message[:160]}", error.instance
    )


def _query_value(schema: dict[str, Any], raw: str) -> Any:
    kinds = schema.get("type")
    kinds = set(kinds) if isinstance(kinds, list) else {kinds}
    if "integer" in kinds:
        try:
            return int(raw)
        except ValueError:
            return raw
    return raw


def query_problem(view: ProfileView, operation: Operation, url: str) -> Problem | None:
    query = parse_qs(urlsplit(url).query, keep_blank_values=True)
    for parameter in operation.query_parameters:
        values = query.get(parameter.name)
        if not values:
            continue
        if len(values) > 1:
            return Problem(
                "repeated", f"{parameter.name} (query)", f"{parameter.name} given {len(values)} times"
            )
        schema = view.non_null(parameter.schema)
        value = _query_value(schema, values[0])
        error = view.validator(parameter.schema).first_error(value)
        if error is not None:
            keyword, _ = _keyword(error)
            return Problem(
                keyword, f"{parameter.name} (query)", f"{parameter.name}={values[0]!r}: {error.message[:120]}"
            )
    return None


def path_problem(view: ProfileView, operation: Operation, path_params: Mapping[str, str]) -> Problem | None:
    for parameter in operation.path_parameters:
        value = path_params.get(parameter.name)
        if value is None:
            continue
        error = view.validator(parameter.schema).first_error(value)
        if error is not None:
            keyword, _ = _keyword(error)
            return Problem(
                keyword, f"{parameter.name} (path)", f"{parameter.name}={value[:40]!r}: {error.message[:120]}"
            )
    return None


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    for key, value in headers.items():
        if str(key).lower() == name.lower():
            return ", ".join(value) if isinstance(value, list | tuple) else str(value)
    return None


def request_problem(
    view: ProfileView,
    operation: Operation,
    url: str,
    headers: Mapping[str, Any],
    body: bytes | str | None,
    path_params: Mapping[str, str] | None = None,
) -> Problem | None:
    """Why the spec calls this request invalid, or None when it is a valid request."""
    spec = view.spec
    beta = _header(headers, spec.beta_header)
    if beta is None:
        return Problem("beta-header-missing", f"{spec.beta_header} header", f"no {spec.beta_header} header")
    if spec.profile_for_header(beta.strip()) is None:
        return Problem(
            "beta-header-unknown",
            f"{spec.beta_header} header",
            f"{spec.beta_header}: {beta[:60]!r} is no profile",
        )
    for parameter in operation.parameters:
        if (
            parameter.location == "header"
            and parameter.required
            and parameter.name.lower() != spec.beta_header.lower()
        ) and _header(headers, parameter.name) is None:
            return Problem("required-header", f"{parameter.name} header", f"no {parameter.name} header")
    found = query_problem(view, operation, url) or path_problem(view, operation, path_params or {})
    if found is not None:
        return found
    if operation.body_schema is None:
        return None
    if body is None or (isinstance(body, bytes | str) and len(body) == 0):
        if operation.body_required:
            return Problem("required", "body", "no request body")
        return None
    content_type = _header(headers, "content-type") or ""
    if "json" not in content_type.lower():
        return Problem("content-type", "body", f"content-type {content_type[:60]!r}")
    try:
        decoded = json.loads(body)
    except ValueError:
        return Problem("not-json", "body", "the body is not JSON")
    return body_problem(view, operation, decoded)


def fingerprint(value: Any) -> str:
    """A JSON value as text that keeps its types apart (``0`` is not ``false``)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)[:4000]


def refused_valid(view: ProfileView, operation: Operation | None, body: Any) -> Cause:
    """A valid request refused, about the field or parameter the refusal names (error.param)."""
    error = body.get("error") if isinstance(body, dict) else None
    param = error.get("param") if isinstance(error, dict) else None
    subject = ""
    if isinstance(param, str) and param and operation is not None:
        top = re.split(r"[.\[]", param, maxsplit=1)[0]
        if any(p.name == top for p in operation.query_parameters):
            subject = f"{top} (query)"
        else:
            subject = top
    return causes.VALID_DATA_REFUSED(subject=subject)


# Causes that say a request was wrongly accepted: an answer's malformed shape is secondary to them.
ACCEPTANCE = frozenset(
    {
        causes.ACCEPTS_INVALID,
        causes.BETA_HEADER,
        causes.CREDENTIALS_NOT_REQUIRED,
        causes.TENANT_LEAK,
        causes.DELETE_NOT_EFFECTIVE,
        causes.UNKNOWN_ID,
    }
)


def resolve(explicit: Cause | None, basic: Cause | None, status: int | None) -> Cause | None:
    """The cause of a failure, from what the check says (``explicit``) and the most basic clause the
    answer breaks (``basic``, from `answer_cause`).

    A server error, or a refusal with a status the operation does not declare, is that whatever was
    being checked; a success where a refusal was due is the acceptance the check names, whatever its
    status and shape; otherwise an answer that breaks a more basic clause (its shape) is that.
    """
    if (
        basic is not None
        and status is not None
        and (status >= 500 or (basic.rule is causes.STATUS_UNDECLARED and status >= 300))
    ):
        return basic
    if explicit is not None and explicit.rule in ACCEPTANCE:
        return explicit
    return basic or explicit
