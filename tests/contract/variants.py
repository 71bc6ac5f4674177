"""Broken variants of the correct mock: each wraps it (ASGI middleware) with one realistic bug.

`python -m mock_server --middleware tests.contract.variants:<name>` serves one. The self-test
(test_self_test.py) asserts that the conformance suite, as users run it, fails on every variant and
that one of the checks listed in CAUGHT_BY is among those that report it. Each variant is run with
the schemathesis phases its catchers need (`phases_for`), not every phase.
"""

from __future__ import annotations

from dataclasses import dataclass

import assistants_spec

from contract_tests.operations import CREATE, LIST, MODIFY
from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS
from tests.contract._asgi import App, Request, Response, call, middleware, rewrite_request, rewrite_response


@dataclass(frozen=True)
class Variant:
    name: str
    kind: str
    caught_by: tuple[str, ...]  # at least one of these checks must report it
    args: tuple[str, ...] = ()  # CLI options the run needs to reach the bug (e.g. --beta v1)


# Which schemathesis phases a variant's run needs. A variant's run shows that its one bug fails the run
# under a check it names and counts as one deviation; the correct mock's runs (test_self_test.py) keep
# every phase, where a false alarm could come from anywhere. Behaviour scenarios run in every run, and
# the response checks (schemathesis' and the suite's own) judge every answer of every phase, so the
# cheapest phase, `examples` (the spec's examples for each operation), lets them see a bug in the
# answers; fuzzing and stateful would only send more requests of the same kinds to the same checks.
# A few checks only judge inputs a later phase makes: they bring that phase into the run of a variant
# that names them, so every check a variant names can still see it (and must agree on one deviation).
# Measured on seed 1 against runs with every phase: the same one deviation, for about a third of the
# CPU (the coverage phase alone is half of a full run); where a later phase met the same bug through
# another check, that check is named in the variant so that the narrowed run keeps it.
PHASE_OF_CHECK = {
    "negative_data_rejection": "coverage",  # boundary and wrong-type values: made deterministically there
    "missing_required_header": "coverage",  # requests without each required header
    "undeclared_method_answer": "coverage",  # methods a path lacks (schemathesis' coverage probes)
    "refusal_names_param": "coverage",  # refusals of invalid values, which that phase sends
    "positive_data_acceptance": "coverage",  # valid boundary values (e.g. the largest list limit)
    # The spec's examples do not make every answer shape (measured: an assistant whose object is
    # "assistants" is seen there only by scenarios, as the same deviation); coverage makes them all.
    "response_schema_conformance": "coverage",
    "use_after_free": "stateful",  # sequences of calls
    "ensure_resource_availability": "stateful",
}
# contract_tests.config.PHASES (the self-test asserts it), not imported: that would pull schemathesis
# into every variant's mock.
PHASE_ORDER = ("examples", "coverage", "fuzzing", "stateful")


def phases_for(caught_by: tuple[str, ...]) -> tuple[str, ...]:
    """The CLI options that run just the phases the checks in `caught_by` need (see PHASE_OF_CHECK)."""
    needed = {"examples", *(PHASE_OF_CHECK[c] for c in caught_by if c in PHASE_OF_CHECK)}
    return ("--phases", ",".join(p for p in PHASE_ORDER if p in needed))


# What a variant only behaviour scenarios catch runs with.
SCENARIO_RUN = phases_for(())


def variant(kind: str, *caught_by: str, args: tuple[str, ...] = ()):
    """Mark a middleware as a variant; VARIANTS (at the end) collects them under their module names."""

    def register(factory):
        factory.variant_info = (kind, caught_by, (*args, *phases_for(caught_by)))
        return factory

    return register


def _spec(request: Request):
    spec = assistants_spec.load_spec()
    return spec.view(spec.profile_for_header(request.headers.get(spec.beta_header.lower())))


def _fields(request: Request, operation_id: str) -> dict:
    view = _spec(request)
    return view.properties(view.request_schema(operation_id))


def _limit(request: Request) -> dict:
    return _spec(request).operation(LIST).parameter("limit").schema


def _assistants(value: object) -> list[dict]:
    """The assistant objects in a response body (one object, or a list page's items)."""
    if isinstance(value, dict) and value.get("object") == "assistant":
        return [value]
    if isinstance(value, dict) and isinstance(value.get("data"), list):
        return [item for item in value["data"] if isinstance(item, dict)]
    return []


def _edit_body(request: Request, edit) -> None:
    body = request.json()
    if isinstance(body, dict):
        edit(body)
        request.set_json(body)


# -- shape bugs ------------------------------------------------------------------------------------
def _drop_created_at(request: Request, response: Response) -> None:
    body = response.json()
    for item in _assistants(body):
        item.pop("created_at", None)
    if _assistants(body):
        response.set_json(body)


drop_created_at = variant("shape", "response_schema_conformance")(rewrite_response(_drop_created_at))


def _wrong_object_type(request: Request, response: Response) -> None:
    body = response.json()
    for item in _assistants(body):
        item["object"] = "assistants"
    if _assistants(body):
        response.set_json(body)


wrong_object_type = variant("shape", "response_schema_conformance")(rewrite_response(_wrong_object_type))


def _list_without_has_more(request: Request, response: Response) -> None:
    body = response.json()
    if request.is_list and isinstance(body, dict):
        body.pop("has_more", None)
        response.set_json(body)


list_without_has_more = variant("shape", "response_schema_conformance", "list_pages_fit_together")(
    rewrite_response(_list_without_has_more)
)


# -- validation holes ------------------------------------------------------------------------------
def _clamp_temperature(request: Request) -> None:
    if request.is_create or request.is_modify:
        field = _fields(request, CREATE).get("temperature")
        if field is None:  # a profile without temperature (v1): nothing to clamp
            return
        maximum = _spec(request).non_null(field)["maximum"]

        def edit(body: dict) -> None:
            if isinstance(body.get("temperature"), (int, float)) and body["temperature"] > maximum:
                body["temperature"] = maximum

        _edit_body(request, edit)


clamp_temperature = variant(
    "validation",
    "out_of_range_create_is_refused",
    "out_of_range_modify_is_refused",
    "negative_data_rejection",
)(rewrite_request(_clamp_temperature))


def _ignore_unknown_fields(request: Request) -> None:
    if request.is_create or request.is_modify:
        known = set(_fields(request, CREATE if request.is_create else MODIFY))
        _edit_body(request, lambda body: [body.pop(k) for k in list(body) if k not in known])


ignore_unknown_fields = variant(
    "validation",
    "out_of_range_create_is_refused",
    "other_profile_fields_are_refused",
    "negative_data_rejection",
)(rewrite_request(_ignore_unknown_fields))


def _truncate_long_name(request: Request) -> None:
    if request.is_create or request.is_modify:
        limit = _spec(request).non_null(_fields(request, CREATE)["name"])["maxLength"]

        def edit(body: dict) -> None:
            if isinstance(body.get("name"), str):
                body["name"] = body["name"][:limit]

        _edit_body(request, edit)


truncate_long_name = variant(
    "validation",
    "out_of_range_create_is_refused",
    "out_of_range_modify_is_refused",
    "negative_data_rejection",
)(rewrite_request(_truncate_long_name))


def _errors_without_param(request: Request, response: Response) -> None:
    body = response.json()
    if response.status == 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        body["error"]["param"] = None
        response.set_json(body)


errors_without_param = variant("validation", "out_of_range_create_is_refused", "refusal_names_param")(
    rewrite_response(_errors_without_param)
)


def _clamp_list_limit(request: Request) -> None:
    if request.is_list and request.query.get("limit", "").isdigit():
        maximum = _limit(request)["maximum"]
        query = request.query
        query["limit"] = str(min(int(query["limit"]), maximum))
        request.set_query(query)


clamp_list_limit = variant("validation", "out_of_range_query_is_refused", "negative_data_rejection")(
    rewrite_request(_clamp_list_limit)
)


# -- lost or truncated writes ----------------------------------------------------------------------
TRUNCATE_AT = 1000


def _truncate_instructions(request: Request) -> None:
    def edit(body: dict) -> None:
        if isinstance(body.get("instructions"), str):
            body["instructions"] = body["instructions"][:TRUNCATE_AT]

    if request.is_create or request.is_modify:
        _edit_body(request, edit)


truncate_instructions = variant("lost write", "long_values_are_kept", "created_is_read_back")(
    rewrite_request(_truncate_instructions)
)


def _drop_metadata_on_create(request: Request) -> None:
    if request.is_create:
        _edit_body(request, lambda body: body.pop("metadata", None))


drop_metadata_on_create = variant(
    "lost write",
    "created_is_read_back",
    "generated_bodies_round_trip",
    "long_values_are_kept",
    "negative_data_rejection",  # invalid metadata is "accepted" too: the same deviation
)(rewrite_request(_drop_metadata_on_create))


async def _modify_not_stored(app: App, request: Request) -> Response:
    if not request.is_modify:
        return await call(app, request)
    sent = request.json()
    request.set_json({})  # nothing is stored...
    response = await call(app, request)
    body = response.json()
    if response.status == 200 and isinstance(body, dict) and isinstance(sent, dict):
        body.update(sent)  # ...but the answer looks as if it was
        response.set_json(body)
    return response


modify_not_stored = variant(
    "lost write", "modify_is_read_back", "modify_is_partial", "modify_one_field_at_a_time"
)(middleware(_modify_not_stored))


def _modify_not_partial(request: Request) -> None:
    if request.is_modify:
        spec = _spec(request)

        def edit(body: dict) -> None:
            for name, schema in _fields(request, MODIFY).items():
                if name not in body and spec.is_nullable(schema):
                    body[name] = None  # a modify that resets whatever it was not given

        _edit_body(request, edit)


modify_not_partial = variant("non-partial modify", "modify_is_partial", "modify_one_field_at_a_time")(
    rewrite_request(_modify_not_partial)
)


async def _delete_keeps_object(app: App, request: Request) -> Response:
    if not request.is_delete:
        return await call(app, request)
    request.scope = {**request.scope, "method": "GET"}
    response = await call(app, request)  # answers like a delete, removes nothing
    body = response.json()
    if response.status == 200 and isinstance(body, dict):
        response.set_json({"id": body.get("id"), "object": "assistant.deleted", "deleted": True})
    return response


delete_keeps_object = variant("lost write", "deleted_is_gone", "delete_removes_only_that_assistant")(
    middleware(_delete_keeps_object)
)


# -- pagination bugs -------------------------------------------------------------------------------
def _drop_query(name: str):
    def change(request: Request) -> None:
        if request.is_list and name in request.query:
            query = request.query
            query.pop(name)
            request.set_query(query)

    return change


ignore_after = variant("pagination", "list_pages_fit_together", "list_page_is_consistent")(
    rewrite_request(_drop_query("after"))
)
ignore_before = variant("pagination", "list_pages_fit_together", "list_page_is_consistent")(
    rewrite_request(_drop_query("before"))
)
ignore_order = variant(
    "pagination",
    "list_pages_fit_together",
    "list_page_is_consistent",
    "negative_data_rejection",  # an invalid order is dropped, so accepted: the same deviation
)(rewrite_request(_drop_query("order")))


def _has_more_always_false(request: Request, response: Response) -> None:
    body = response.json()
    if request.is_list and isinstance(body, dict) and "has_more" in body:
        body["has_more"] = False
        response.set_json(body)


has_more_always_false = variant("pagination", "list_pages_fit_together")(
    rewrite_response(_has_more_always_false)
)


def _swapped_first_last_id(request: Request, response: Response) -> None:
    body = response.json()
    if request.is_list and isinstance(body, dict):
        body["first_id"], body["last_id"] = body.get("last_id"), body.get("first_id")
        response.set_json(body)


swapped_first_last_id = variant("pagination", "list_page_is_consistent", "list_pages_fit_together")(
    rewrite_response(_swapped_first_last_id)
)


def _limit_off_by_one(request: Request) -> None:
    if request.is_list:
        query = request.query
        default = _limit(request)["default"]
        limit = int(query["limit"]) if query.get("limit", "").isdigit() else default
        query["limit"] = str(limit + 1)
        request.set_query(query)


limit_off_by_one = variant(
    "pagination",
    "list_page_is_consistent",
    "list_pages_fit_together",
    "negative_data_rejection",  # a limit one over the maximum is then accepted
    "positive_data_acceptance",  # and the largest valid limit refused: the same deviation
)(rewrite_request(_limit_off_by_one))


# -- auth holes ------------------------------------------------------------------------------------
def _anonymous_accepted(request: Request) -> None:
    headers = request.headers
    if not any(h in headers for h in ("authorization", "x-portkey-api-key")):
        request.set_header("authorization", f"Bearer {DEFAULT_API_KEYS[0]}")


anonymous_accepted = variant("auth", "credentials_are_required", "auth_is_enforced")(
    rewrite_request(_anonymous_accepted)
)


def _virtual_key_optional(request: Request) -> None:
    if "x-portkey-api-key" in request.headers and "x-portkey-virtual-key" not in request.headers:
        request.set_header("x-portkey-virtual-key", DEFAULT_VIRTUAL_KEYS[0])


virtual_key_optional = variant("auth", "credentials_are_required")(rewrite_request(_virtual_key_optional))


def _beta_header_optional(request: Request) -> None:
    name = assistants_spec.load_spec().beta_header
    if name.lower() not in request.headers:
        request.set_header(name, assistants_spec.load_spec().beta_value())


beta_header_optional = variant("auth", "beta_header_is_required", "missing_required_header")(
    rewrite_request(_beta_header_optional)
)


# -- tenant leaks ----------------------------------------------------------------------------------
async def _tenant_leak_on_read(app: App, request: Request) -> Response:
    response = await call(app, request)
    if not request.is_get_one or response.status != 404:
        return response
    for key in DEFAULT_API_KEYS:  # "helpfully" looks the id up under every tenant
        request.set_header("x-portkey-api-key", key)
        request.set_header("authorization", f"Bearer {key}")
        other = await call(app, request)
        if other.status == 200:
            return other
    return response


tenant_leak_on_read = variant("tenant leak", "tenants_are_isolated")(middleware(_tenant_leak_on_read))


def _shared_tenant(request: Request) -> None:
    headers = request.headers
    if headers.get("x-portkey-api-key") in DEFAULT_API_KEYS:
        request.set_header("x-portkey-api-key", DEFAULT_API_KEYS[0])
    if headers.get("authorization", "").removeprefix("Bearer ") in DEFAULT_API_KEYS:
        request.set_header("authorization", f"Bearer {DEFAULT_API_KEYS[0]}")


shared_tenant = variant("tenant leak", "tenants_are_isolated")(rewrite_request(_shared_tenant))


# -- wrong status codes and content types ----------------------------------------------------------
def _create_answers_201(request: Request, response: Response) -> None:
    if request.is_create and response.status == 200:
        response.status = 201


create_answers_201 = variant(
    "status", "status_code_conformance", "out_of_range_create_is_refused", "long_values_are_kept"
)(rewrite_response(_create_answers_201))


def _validation_is_422(request: Request, response: Response) -> None:
    if response.status == 400:
        response.status = 422


validation_is_422 = variant(
    "status", "status_code_conformance", "negative_data_rejection", "out_of_range_create_is_refused"
)(rewrite_response(_validation_is_422))


def _success_as_text_plain(request: Request, response: Response) -> None:
    if 200 <= response.status < 300:
        response.set_header("content-type", "text/plain")


success_as_text_plain = variant("content type", "content_type_conformance")(
    rewrite_response(_success_as_text_plain)
)


def _errors_not_json(request: Request, response: Response) -> None:
    if response.status >= 400:
        response.body = f"Error {response.status}".encode()
        response.set_header("content-type", "text/html")


errors_not_json = variant(
    "content type",
    "openai_error_shape",
    "content_type_conformance",
    "out_of_range_create_is_refused",
    "refusal_names_param",  # a refusal that is not JSON names no param: the same deviation
)(rewrite_response(_errors_not_json))


def _crash_on_non_ascii(request: Request, response: Response) -> None:
    if (request.is_create or request.is_modify) and any(b > 127 for b in request.body):
        response.status = 500
        response.set_json(
            {"error": {"message": "internal error", "type": "server_error", "param": None, "code": None}}
        )


crash_on_non_ascii = variant("status", "not_a_server_error", "long_values_are_kept")(
    rewrite_response(_crash_on_non_ascii)
)


def _undeclared_method_without_allow(request: Request, response: Response) -> None:
    # 405 is one of the answers the spec allows, but only with the Allow header HTTP requires.
    if response.status == 405:
        response.headers = [(k, v) for k, v in response.headers if k.decode().lower() != "allow"]


undeclared_method_without_allow = variant("status", "undeclared_method_answer")(
    rewrite_response(_undeclared_method_without_allow)
)


def _undeclared_method_is_plain_404(request: Request, response: Response) -> None:
    # A framework's default not-found page: 404 is allowed, but with the OpenAI error body.
    if response.status == 405:
        response.status = 404
        response.body = b"Not Found"
        response.set_header("content-type", "text/plain")


undeclared_method_is_plain_404 = variant("status", "undeclared_method_answer", "openai_error_shape")(
    rewrite_response(_undeclared_method_is_plain_404)
)


# -- the v1 profile --------------------------------------------------------------------------------
def _v1_answers_in_v2_shape(request: Request, response: Response) -> None:
    # Serves the v2 object to a client that asked for v1 (top-level file_ids gone, tool_resources added).
    spec = assistants_spec.load_spec()
    if request.headers.get(spec.beta_header.lower()) != spec.beta_value("v1"):
        return
    body = response.json()
    for item in _assistants(body):
        item.pop("file_ids", None)
        item["tool_resources"] = {}
    if _assistants(body):
        response.set_json(body)


v1_answers_in_v2_shape = variant(
    "v1 profile", "response_schema_conformance", "created_is_read_back", args=("--beta", "v1")
)(rewrite_response(_v1_answers_in_v2_shape))


# Issue 12's subtler variants join the registry.
from tests.contract.subtle_variants import *

VARIANTS: dict[str, Variant] = {
    name: Variant(name, *value.variant_info)
    for name, value in dict(globals()).items()
    if callable(value) and hasattr(value, "variant_info")
}
