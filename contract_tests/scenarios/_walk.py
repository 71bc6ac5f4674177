"""Walking a paginated list with cursors, bounded in pages, checking every page on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from contract_tests.checks.lists import page_problems
from contract_tests.compare import explain
from contract_tests.http import Exchange
from contract_tests.operations import AFTER, BEFORE, LIMIT, LIST, ORDER
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.target import Credentials

MAX_PAGES = 60


@dataclass
class Walk:
    pages: list[Exchange] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    complete: bool = False  # reached a page with has_more false

    def items(self) -> list[dict[str, Any]]:
        return [item for page in self.pages for item in page.json["data"]]


def list_page(run: ScenarioRun, credentials: Credentials | None = None, **params: Any) -> Exchange:
    """One list page that must be a valid, self-consistent answer to `params`."""
    page = run.list(credentials=credentials, **params)
    run.expect_success(page, LIST, f"listing with {params or 'no parameters'}")
    body = page.json
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise Violation(f"a list answer should have a data array, got {page.excerpt()}", page)
    default_limit, default_order = run.facts.list_defaults
    problems = page_problems(
        body,
        limit=int(params.get(LIMIT, default_limit)),
        order=params.get(ORDER, default_order),
        after=params.get(AFTER),
        before=params.get(BEFORE),
    )
    if problems:
        raise Violation(explain("the list page is inconsistent", problems), page)
    return page


def walk(
    run: ScenarioRun,
    *,
    limit: int | None = None,
    order: str | None = None,
    after: str | None = None,
    until_seen: set[str] | None = None,
    credentials: Credentials | None = None,
) -> Walk:
    """Follow `after=last_id` while `has_more` (pages of `limit`, default: the largest the spec
    allows); stop early once `until_seen` were all seen (plus a page)."""
    limit = limit or run.facts.largest_page
    result = Walk()
    cursor = after
    seen_all_at: int | None = None
    for _ in range(MAX_PAGES):
        params: dict[str, Any] = {LIMIT: limit}
        if order is not None:
            params[ORDER] = order
        if cursor is not None:
            params[AFTER] = cursor
        page = list_page(run, credentials, **params)
        result.pages.append(page)
        data = page.json["data"]
        new_ids = [item.get("id") for item in data]
        repeated = set(new_ids) & set(result.ids)
        if repeated:
            raise Violation(
                f"paging with after= should never repeat an item, but {sorted(repeated)} came back", page
            )
        result.ids += new_ids
        if not page.json.get("has_more"):
            result.complete = True
            break
        if not data:
            raise Violation("has_more is true but the page is empty", page)
        cursor = page.json.get("last_id")
        if until_seen is not None and until_seen <= set(result.ids):
            if seen_all_at is not None:
                break
            seen_all_at = len(result.pages)
    return result
