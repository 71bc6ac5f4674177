"""Every response the mock tests see is checked against the spec's response schema.

Independent of the mock's own validator (python-jsonschema here, jsonschema-rs in the mock): the
operation is found from the request's method and path, the profile from its OpenAI-Beta header,
and the schema from the operation's documented response for that status. Statuses an operation
does not document (413, 415, 405, unknown routes) must still carry the OpenAI error body.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import assistants_spec
import httpx
import jsonschema

OUTSIDE_API = ("/health", "/_mock/reset")
_METHODS = ("get", "post", "delete", "put", "patch")


class SpecViolation(AssertionError):
    pass


@functools.cache
def _document(profile: str) -> dict[str, Any]:
    return assistants_spec.load(profile)


@functools.cache
def _validator(profile: str, pointer: str) -> jsonschema.Draft202012Validator:
    document = _document(profile)
    return jsonschema.Draft202012Validator({**document, "$ref": pointer})


def _operation(profile: str, method: str, path: str) -> tuple[str, str] | None:
    """(path template, method) of the spec operation serving ``path``, or None."""
    document = _document(profile)
    base = httpx.URL(document["servers"][0]["url"]).path.rstrip("/")
    for template, item in document["paths"].items():
        regex = re.escape(base + template).replace(r"\{", "{").replace(r"\}", "}")
        regex = re.sub(r"\{[^}]+\}", "[^/]+", regex)
        if re.fullmatch(regex, path) and method.lower() in item:
            return template, method.lower()
    return None


def schema_pointer(profile: str, method: str, path: str, status: int) -> str:
    """JSON pointer (inside the profile's document) of the schema a response must match."""
    found = _operation(profile, method, path)
    if found is not None:
        template, verb = found
        responses = _document(profile)["paths"][template][verb]["responses"]
        key = str(status) if str(status) in responses else ("default" if "default" in responses else None)
        if key is not None:
            escaped = template.replace("~", "~0").replace("/", "~1")
            response = assistants_spec.resolve(_document(profile), responses[key])
            if "application/json" in (response.get("content") or {}):
                if "$ref" in responses[key]:
                    return responses[key]["$ref"] + "/content/application~1json/schema"
                return f"#/paths/{escaped}/{verb}/responses/{key}/content/application~1json/schema"
    if status >= 400:
        return "#/components/schemas/ErrorResponse"
    raise SpecViolation(f"{method} {path} answered {status}, which the spec does not document")


def check_response(response: httpx.Response) -> None:
    request = response.request
    path = request.url.path
    if path in OUTSIDE_API:
        return
    profile = (
        assistants_spec.profile_for_header(request.headers.get("openai-beta"))
        or assistants_spec.default_profile()
    )
    content_type = response.headers.get("content-type", "")
    if not content_type.startswith("application/json"):
        raise SpecViolation(
            f"{request.method} {path} -> {response.status_code} with content-type {content_type!r}"
        )
    response.read()
    body = response.json()
    pointer = schema_pointer(profile, request.method, path, response.status_code)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(profile, pointer).iter_errors(body)]
    if errors:
        raise SpecViolation(
            f"{request.method} {path} -> {response.status_code} ({profile}) does not match {pointer}: {errors[:5]}"
        )


class Recorder:
    """An httpx response hook that checks each response and counts what it checked."""

    def __init__(self) -> None:
        self.checked: list[tuple[str, str, int]] = []

    def __call__(self, response: httpx.Response) -> None:
        check_response(response)
        self.checked.append((response.request.method, response.request.url.path, response.status_code))
