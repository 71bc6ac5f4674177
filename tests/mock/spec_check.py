"""Every response the mock tests see is checked against the spec's response schema.

Independent of the mock's own validator (python-jsonschema here, jsonschema-rs in the mock); what
to check against comes from the spec model: the profile from the request's OpenAI-Beta header, the
operation from its method and path (``ProfileView.match``), the schema from the operation's
documented response for that status (``Operation.response(status).schema_pointer``). Statuses an operation
does not document (413, 415, 405, unknown routes) must still carry the OpenAI error body.
"""

from __future__ import annotations

import functools

import assistants_spec
import httpx
import jsonschema

OUTSIDE_API = ("/health", "/_mock/reset")
# What an error the spec documents nowhere (413 on a GET, unknown routes, ...) must still look like.
UNDOCUMENTED_ERROR = "#/components/schemas/ErrorResponse"


class SpecViolation(AssertionError):
    pass


@functools.cache
def _validator(profile: str, pointer: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {**assistants_spec.load_spec().view(profile).document, "$ref": pointer}
    )


def schema_pointer(profile: str, method: str, path: str, status: int) -> str:
    """JSON pointer (inside the profile's document) of the schema a response must match."""
    spec = assistants_spec.load_spec()
    api_path = spec.api_path(path)
    operation = spec.view(profile).match(method, api_path).operation if api_path is not None else None
    response = operation.response(status) if operation is not None else None
    if response is not None and response.schema_pointer is not None:
        return response.schema_pointer
    if status >= 400:
        return UNDOCUMENTED_ERROR
    raise SpecViolation(f"{method} {path} answered {status}, which the spec does not document")


def check_response(response: httpx.Response) -> None:
    request = response.request
    path = request.url.path
    if path in OUTSIDE_API:
        return
    spec = assistants_spec.load_spec()
    profile = spec.profile_for_header(request.headers.get(spec.beta_header)) or spec.default_profile
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
