"""A list page is consistent with itself and with the query that asked for it."""

from __future__ import annotations

import itertools
from typing import Any

from contract_tests.checks.answer import Answer
from contract_tests.compare import explain
from contract_tests.context import RunContext
from contract_tests.operations import AFTER, ASCENDING, BEFORE, LIMIT, LIST, LIST_PARAMETERS, ORDER
from contract_tests.registry import check


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
    if all(isinstance(s, (int, float)) and not isinstance(s, bool) for s in stamps):
        pairs = list(itertools.pairwise(stamps))
        wrong = [(a, b) for a, b in pairs if (a > b if order == ASCENDING else a < b)]
        if wrong:
            problems.append(f"order={order} but created_at goes {wrong[0][0]} then {wrong[0][1]}")
    for name, cursor in ((AFTER, after), (BEFORE, before)):
        if cursor is not None and cursor in ids:
            problems.append(f"{name}={cursor!r} should exclude that assistant, but the page contains it")
    if len(data) < limit and page.get("has_more") is True:
        problems.append(f"has_more is true on a short page ({len(data)} items for limit={limit})")
    return problems


@check()
def list_page_is_consistent(run: RunContext, answer: Answer, case: Any) -> None:
    """A successful list page honours limit and order, excludes its cursors, and first_id/last_id match its items."""
    if not answer.is_success_of(LIST):
        return
    if any(len(answer.query.get(name, [])) > 1 for name in LIST_PARAMETERS):
        return  # a repeated parameter has no single meaning to check against
    default_limit, default_order = run.facts.list_defaults
    raw_limit, order = answer.single(LIMIT), answer.single(ORDER)
    try:
        limit = int(raw_limit) if raw_limit is not None else default_limit
    except ValueError:
        return  # a limit that is not a number should have been refused; another check says so
    problems = page_problems(
        answer.json,
        limit=limit,
        order=order or default_order,
        after=answer.single(AFTER),
        before=answer.single(BEFORE),
    )
    if problems:
        raise AssertionError(explain("the list page is inconsistent", problems))
