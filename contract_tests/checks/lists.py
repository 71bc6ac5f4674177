"""A list page is consistent with itself and with the query that asked for it."""

from __future__ import annotations

import itertools
from typing import Any

import schemathesis

from contract_tests.checks._support import received_json, request_query, run_context
from contract_tests.spec_view import LIST


def page_problems(page: Any, *, limit: int, order: str, after: str | None, before: str | None) -> list[str]:
    """What is wrong with one page, given the (effective) query; shared with the pagination scenario."""
    if not isinstance(page, dict) or not isinstance(page.get("data"), list):
        return []  # shape checks report it
    data = [item for item in page["data"] if isinstance(item, dict)]
    ids = [item.get("id") for item in data]
    problems = []
    if len(data) > limit:
        problems.append(f"limit={limit} but the page has {len(data)} items")
    expected_first = ids[0] if ids else None
    expected_last = ids[-1] if ids else None
    if page.get("first_id") != expected_first:
        problems.append(
            f"first_id should be the first item's id {expected_first!r}, got {page.get('first_id')!r}"
        )
    if page.get("last_id") != expected_last:
        problems.append(
            f"last_id should be the last item's id {expected_last!r}, got {page.get('last_id')!r}"
        )
    if len(set(ids)) != len(ids):
        problems.append("the page lists an assistant more than once")
    stamps = [item.get("created_at") for item in data]
    if all(isinstance(s, (int, float)) for s in stamps):
        pairs = list(itertools.pairwise(stamps))
        wrong = [(a, b) for a, b in pairs if (a > b if order == "asc" else a < b)]
        if wrong:
            problems.append(f"order={order} but created_at goes {wrong[0][0]} then {wrong[0][1]}")
    for name, cursor in (("after", after), ("before", before)):
        if cursor is not None and cursor in ids:
            problems.append(f"{name}={cursor!r} should exclude that assistant, but the page contains it")
    if len(data) < limit and page.get("has_more") is True:
        problems.append(f"has_more is true on a short page ({len(data)} items for limit={limit})")
    return problems


def _single(query: dict[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[0] if values and len(values) == 1 else None


@schemathesis.check
def list_page_is_consistent(ctx: Any, response: Any, case: Any) -> bool | None:
    """A 200 list page honours limit and order, excludes its cursors, and first_id/last_id match its items."""
    run = run_context()
    raw = case.operation.definition.raw
    if (
        run is None
        or response.status_code != 200
        or not isinstance(raw, dict)
        or raw.get("operationId") != LIST
        or response.request.method != "GET"
    ):
        return None
    query = request_query(response)
    if any(len(query.get(name, [])) > 1 for name in ("limit", "order", "after", "before")):
        return None  # a repeated parameter has no single meaning to check against
    default_limit, default_order = run.spec.list_defaults()
    raw_limit, order = _single(query, "limit"), _single(query, "order")
    try:
        limit = int(raw_limit) if raw_limit is not None else default_limit
    except ValueError:
        return None  # a limit that is not a number should have been refused; another check says so
    problems = page_problems(
        received_json(response),
        limit=limit,
        order=order or default_order,
        after=_single(query, "after"),
        before=_single(query, "before"),
    )
    if problems:
        raise AssertionError("the list page is inconsistent:\n  " + "\n  ".join(problems))
    return None
