"""Subtler broken variants (issue 12): bugs real implementations have that random generation and
single-response checks do not show. Each is caught by one of the scenarios for its class (text
fidelity, defaults, timestamps and identity, one object in every view, list edges, the beta header,
concurrent writes) and by no check the suite had before them.

They join `tests.contract.variants.VARIANTS` (imported at the end of that module), so that
`python -m mock_server --middleware tests.contract.variants:<name>` serves them like the others.
Each needs only the behaviour scenarios to show, so the self-test runs it with
``--phases examples`` (`variants.SCENARIO_RUN`, for every variant only scenarios catch): the CLI as
users run it, without the phases that cannot catch it.
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import assistants_spec

from contract_tests.operations import AFTER, BEFORE, CREATE, LIMIT, LIST, MODIFY, ORDER
from tests.contract._asgi import App, Request, Response, call, middleware, rewrite_request, rewrite_response
from tests.contract.variants import _assistants, _edit_body, _fields, _spec, variant

__all__ = [
    "before_ignores_order",
    "beta_header_prefix_match",
    "created_at_in_milliseconds",
    "defaults_are_null",
    "has_more_when_page_full",
    "list_items_abbreviated",
    "lost_update_on_concurrent_modify",
    "modify_refreshes_created_at",
    "profiles_separate_stores",
    "same_second_order_by_id",
    "stale_list_after_modify",
    "text_normalized_nfc",
    "text_trimmed",
]


def _map_strings(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_map_strings(v, change) for v in value]
    if isinstance(value, dict):
        return {change(k): _map_strings(v, change) for k, v in value.items()}
    return value


def _is_write(request: Request) -> bool:
    return request.is_create or request.is_modify


def _rewrite_json(response: Response, edit: Callable[[dict], None]) -> None:
    body = response.json()
    items = _assistants(body)
    for item in items:
        edit(item)
    if items:
        response.set_json(body)


# -- text fidelity ---------------------------------------------------------------------------------
def _text_trimmed(request: Request) -> None:
    # A model layer with "strip whitespace" on (pydantic's str_strip_whitespace, a form library).
    if _is_write(request):

        def edit(body: dict) -> None:
            for key, value in body.items():
                if isinstance(value, str):
                    body[key] = value.strip()

        _edit_body(request, edit)


text_trimmed = variant("text fidelity", "text_is_kept_exactly")(rewrite_request(_text_trimmed))


def _text_normalized_nfc(request: Request) -> None:
    # Text normalised to NFC before storing (keys too): "e" + U+0301 becomes U+00E9, U+212B U+00C5.
    if _is_write(request):
        body = request.json()
        if isinstance(body, dict):
            request.set_json(_map_strings(body, lambda s: unicodedata.normalize("NFC", s)))


text_normalized_nfc = variant("text fidelity", "text_is_kept_exactly")(rewrite_request(_text_normalized_nfc))


# -- defaults --------------------------------------------------------------------------------------
def _defaults_are_null(request: Request) -> None:
    # Fields a create leaves out are stored as null, not as their documented defaults.
    if request.is_create:
        spec = _spec(request)

        def edit(body: dict) -> None:
            for name, schema in _fields(request, CREATE).items():
                if name not in body and spec.declared_default(schema)[0] and spec.is_nullable(schema):
                    body[name] = None

        _edit_body(request, edit)


defaults_are_null = variant("defaults", "omitted_fields_get_defaults")(rewrite_request(_defaults_are_null))


# -- timestamps and identity -----------------------------------------------------------------------
def _created_at_in_milliseconds(request: Request, response: Response) -> None:
    # JavaScript's Date.now(): milliseconds where the contract says Unix seconds.
    def edit(item: dict) -> None:
        if isinstance(item.get("created_at"), int):
            item["created_at"] *= 1000

    _rewrite_json(response, edit)


created_at_in_milliseconds = variant("timestamps", "created_at_and_id_never_change")(
    rewrite_response(_created_at_in_milliseconds)
)


async def _every_item(app: App, request: Request) -> list[dict] | None:
    """Every assistant the requesting tenant has, oldest first, read through the correct app."""
    largest = _spec(request).operation(LIST).parameter("limit").schema["maximum"]
    items: list[dict] = []
    after: dict[str, str] = {}
    while True:
        query = urlencode({"limit": largest, "order": "asc", **after}).encode()
        page = await call(app, Request({**request.scope, "query_string": query}, b""))
        body = page.json()
        if page.status != 200 or not isinstance(body, dict):
            return None
        items += body["data"]
        if not body["has_more"]:
            return items
        after = {"after": body["last_id"]}


def _list_default(request: Request, name: str) -> Any:
    spec = _spec(request)
    return spec.declared_default(spec.operation(LIST).parameter(name).schema)[1]


def _page(request: Request, items: list[dict]) -> dict:
    """The list page the request asks for, over ``items`` in ascending order."""
    query = request.query
    order = query.get(ORDER, _list_default(request, ORDER))
    limit = int(query.get(LIMIT, _list_default(request, LIMIT)))
    ordered = items if order == "asc" else list(reversed(items))
    ids = [item["id"] for item in ordered]
    start, end = 0, len(ordered)
    for cursor in (AFTER, BEFORE):
        if cursor in query and query[cursor] not in ids:
            return {"data": [], "has_more": False}
    if AFTER in query:
        start = ids.index(query[AFTER]) + 1
    if BEFORE in query:
        end = ids.index(query[BEFORE])
    window = ordered[start:end]
    nearest_end = BEFORE in query and AFTER not in query
    page = window[-limit:] if nearest_end else window[:limit]
    return {"data": page, "has_more": len(window) > limit}


def sorted_lists(key: Callable[[dict, int], Any], change: Callable[[dict], None] = lambda item: None):
    """A server that lists by ``key(item, position in creation order)`` after ``change`` (the way a
    database query ordered by other columns would), with the cursors and limit applied to that."""

    async def handler(app: App, request: Request) -> Response:
        response = await call(app, request)
        if not request.is_list or response.status != 200:
            return response
        items = await _every_item(app, request)
        if items is None:
            return response
        for item in items:
            change(item)
        ranked = [item for _, item in sorted(enumerate(items), key=lambda pair: key(pair[1], pair[0]))]
        page = _page(request, ranked)
        body = response.json()
        body.update(page)
        body["first_id"] = page["data"][0]["id"] if page["data"] else None
        body["last_id"] = page["data"][-1]["id"] if page["data"] else None
        response.set_json(body)
        return response

    return middleware(handler)


@variant("timestamps", "created_at_and_id_never_change")
def modify_refreshes_created_at(app: App) -> App:
    """created_at set on every write (Django's auto_now instead of auto_now_add), and lists ordered
    by it, so a modified assistant moves to the newest end."""
    touched: dict[str, int] = {}

    def change(item: dict) -> None:
        if item.get("id") in touched:
            item["created_at"] = touched[item["id"]]

    listing = sorted_lists(lambda item, position: (item.get("created_at", 0), position), change)(app)

    async def handler(inner: App, request: Request) -> Response:
        response = await call(listing, request)
        if request.is_modify and response.status == 200:
            body = response.json()
            touched[body["id"]] = int(time.time())
        _rewrite_json(response, change)
        return response

    return middleware(handler)(app)


# -- one object, every view ------------------------------------------------------------------------
@variant("one object, every view", "one_object_every_view")
def stale_list_after_modify(app: App) -> App:
    """Lists served from a cache filled on create and never refreshed on modify."""
    first_seen: dict[tuple[str | None, str], dict] = {}  # (beta header value, id): the create answer

    async def handler(inner: App, request: Request) -> Response:
        response = await call(app, request)
        if response.status != 200:
            return response
        body = response.json()
        profile = request.headers.get(assistants_spec.load_spec().beta_header.lower())
        if request.is_create:
            first_seen[profile, body["id"]] = body
        elif request.is_list:
            body["data"] = [first_seen.get((profile, item["id"]), item) for item in body["data"]]
            response.set_json(body)
        return response

    return middleware(handler)(app)


SUMMARY_LENGTH = 512


def _list_items_abbreviated(request: Request, response: Response) -> None:
    # List items as summaries: long text cut short (a "list view" serializer).
    if request.is_list:

        def edit(item: dict) -> None:
            for key, value in item.items():
                if isinstance(value, str) and len(value) > SUMMARY_LENGTH:
                    item[key] = value[:SUMMARY_LENGTH]

        _rewrite_json(response, edit)


list_items_abbreviated = variant("one object, every view", "one_object_every_view")(
    rewrite_response(_list_items_abbreviated)
)


# -- list edges ------------------------------------------------------------------------------------
def _has_more_when_page_full(request: Request, response: Response) -> None:
    # has_more computed as "the page is full" instead of fetching one more.
    body = response.json()
    if request.is_list and response.status == 200 and isinstance(body, dict):
        limit = request.query.get(LIMIT) or _list_default(request, LIMIT)
        body["has_more"] = len(body["data"]) == int(limit)
        response.set_json(body)


has_more_when_page_full = variant("list edges", "has_more_is_exact")(
    rewrite_response(_has_more_when_page_full)
)

same_second_order_by_id = variant("list edges", "same_second_order_is_creation_order")(
    # ORDER BY created_at, id: within one second the (random) ids decide, not the creation order.
    sorted_lists(lambda item, position: (item.get("created_at", 0), item["id"]))
)


def _before_ignores_order(request: Request) -> None:
    # `before` always taken as "newer than" (right for desc only): with order=asc it pages forwards.
    query = request.query
    if request.is_list and "before" in query and query.get("order") == "asc" and "after" not in query:
        query["after"] = query.pop("before")
        request.set_query(query)


before_ignores_order = variant("list edges", "has_more_is_exact")(rewrite_request(_before_ignores_order))


# -- the beta header -------------------------------------------------------------------------------
def _beta_header_prefix_match(request: Request) -> None:
    # A prefix test (value.startswith("assistants=v2")) instead of an exact comparison.
    spec = assistants_spec.load_spec()
    name = spec.beta_header.lower()
    sent = request.headers.get(name)
    for profile in spec.profiles:
        value = spec.beta_value(profile)
        if sent is not None and sent != value and sent.startswith(value):
            request.set_header(name, value)


beta_header_prefix_match = variant("beta header", "beta_header_is_exact")(
    rewrite_request(_beta_header_prefix_match)
)


@variant("beta header", "profiles_share_one_store")
def profiles_separate_stores(app: App) -> App:
    """Each beta profile keeps its own assistants (a shim with one table per API version)."""
    spec = assistants_spec.load_spec()
    owner: dict[str, str] = {}

    def profile_of(request: Request) -> str | None:
        return spec.profile_for_header(request.headers.get(spec.beta_header.lower()))

    async def handler(inner: App, request: Request) -> Response:
        profile = profile_of(request)
        assistant_id = request.path.rstrip("/").rsplit("/", 1)[-1]
        known = profile is not None and not (request.is_create or request.is_list)
        if known and owner.get(assistant_id, profile) != profile:
            response = Response(404)
            response.set_header("content-type", "application/json")
            response.set_json(
                {
                    "error": {
                        "message": f"No assistant found with id '{assistant_id}'.",
                        "type": "invalid_request_error",
                        "param": None,
                        "code": None,
                    }
                }
            )
            return response
        response = await call(app, request)
        body = response.json()
        if request.is_create and response.status == 200:
            owner[body["id"]] = profile
        elif request.is_list and response.status == 200:
            body["data"] = [item for item in body["data"] if owner.get(item["id"], profile) == profile]
            body["first_id"] = body["data"][0]["id"] if body["data"] else None
            body["last_id"] = body["data"][-1]["id"] if body["data"] else None
            response.set_json(body)
        return response

    return middleware(handler)(app)


# -- concurrent writes -----------------------------------------------------------------------------
RACE_WINDOW = 0.05  # seconds between the read and the write of a modify


@variant("concurrent writes", "concurrent_writes_are_kept")
def lost_update_on_concurrent_modify(app: App) -> App:
    """A modify as read, merge, write the whole object back (no transaction): of concurrent modifies
    of different fields, the last write wins and the others' fields are lost."""

    async def handler(inner: App, request: Request) -> Response:
        if not request.is_modify:
            return await call(app, request)
        read = await call(app, Request({**request.scope, "method": "GET"}, b""))
        patch = request.json()
        if read.status != 200 or not isinstance(patch, dict):
            return await call(app, request)
        await asyncio.sleep(RACE_WINDOW)
        spec, current = _spec(request), read.json()
        whole = {
            name: current[name]
            for name, schema in _fields(request, MODIFY).items()
            if name in current and name not in patch and spec.validator(schema).is_valid(current[name])
        }
        request.set_json({**whole, **patch})
        return await call(app, request)

    return middleware(handler)(app)
