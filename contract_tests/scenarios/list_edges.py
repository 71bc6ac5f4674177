"""The edges of a list: creation order among assistants made within one second, and exact `has_more`
(also on the last page of an exact multiple of `limit`, and with `before` in both orders).

The target may hold other assistants (a live server): these scenarios create their own in quick
succession and judge only pages bounded by them (cursors on both sides, or the newest end right after
creating them). A page that also holds assistants someone else created meanwhile (their `created_at`
lies within ours) is not judged; any other stranger in a bounded page is a violation.
"""

from __future__ import annotations

import json
from typing import Any

from contract_tests import causes
from contract_tests.causes import Cause
from contract_tests.http import Exchange
from contract_tests.operations import AFTER, ASCENDING, BEFORE, CREATE, DESCENDING, LIMIT, LIST, ORDER
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._walk import list_page

IN_QUICK_SUCCESSION = 6  # enough for several to share a second, few enough to be cheap


class Ours:
    """Assistants created one after another, named by their place in the creation order (#0, #1...)."""

    def __init__(self, run: ScenarioRun, count: int) -> None:
        body = run.tagged(example_body(run.spec, CREATE))
        self.objects = [run.created(body) for _ in range(count)]
        self.ids = [o["id"] for o in self.objects]
        self.place = {assistant_id: i for i, assistant_id in enumerate(self.ids)}
        stamps = [o.get("created_at") for o in self.objects]
        numeric = [s for s in stamps if isinstance(s, (int, float)) and not isinstance(s, bool)]
        self.span = (min(numeric), max(numeric)) if len(numeric) == len(stamps) else None

    def names(self, ids: list[Any]) -> str:
        return ", ".join(f"#{self.place[i]}" if i in self.place else repr(i) for i in ids) or "nothing"

    def legend(self) -> str:
        stamps = sorted({o.get("created_at") for o in self.objects}, key=str)
        return (
            f"#0..#{len(self.ids) - 1}: {len(self.ids)} assistants created one after another "
            f"(created_at {', '.join(map(str, stamps))}): {', '.join(self.ids)}"
        )

    def strangers_since(self, items: list[Any], *, until_now: bool = False) -> bool:
        """Whether ``items`` hold assistants someone else created while we created ours (or, with
        ``until_now``, since we began)."""
        if self.span is None:
            return False
        low, high = self.span
        for item in items:
            if not isinstance(item, dict) or item.get("id") in self.place:
                continue
            stamp = item.get("created_at")
            if isinstance(stamp, (int, float)) and low <= stamp and (until_now or stamp <= high):
                return True
        return False


def _ids(page: Exchange) -> list[Any]:
    return [item.get("id") if isinstance(item, dict) else item for item in page.json["data"]]


def _unhonoured(run: ScenarioRun, params: dict[str, Any], got: list[Any], expected: list[str]) -> Cause:
    """Which list parameter a page with the wrong items shows the server does not honour, found by
    asking again: the same bug then is one deviation whichever scenario or check meets it."""
    if set(got) == set(expected):
        return causes.LIST_PAGES(ORDER)  # the right assistants, in another order
    size = max(2, len(expected))
    oldest = _ids(list_page(run, **{ORDER: ASCENDING, LIMIT: size}))
    newest = _ids(list_page(run, **{ORDER: DESCENDING, LIMIT: size}))
    if len(oldest) > 1 and oldest == newest:
        return causes.LIST_PAGES(ORDER)
    for cursor in (AFTER, BEFORE):
        if cursor in params:
            without = {k: v for k, v in params.items() if k != cursor}
            if _ids(list_page(run, **without)) == got:
                return causes.LIST_PAGES(cursor)
    # Every parameter is honoured on its own: ours are not in creation order (e.g. sorted by id).
    return causes.LIST_PAGES(ORDER)


def _expect_page(
    run: ScenarioRun, ours: Ours, what: str, params: dict[str, Any], ids: list[str], has_more: bool
) -> None:
    """The page for ``params`` holds exactly ``ids`` and says ``has_more``."""
    page = list_page(run, **params)
    if ours.strangers_since(page.json["data"]):
        return  # someone else created assistants meanwhile: this page has no exact expectation
    if not has_more and ours.ids[-1] in ids:
        # A page ending at the newest of ours: nothing follows unless someone created more since.
        newest = list_page(run, **{ORDER: DESCENDING, LIMIT: 1})
        if ours.strangers_since(newest.json["data"], until_now=True):
            return
    got = _ids(page)
    shown = " ".join(f"{k}={v if k not in (AFTER, BEFORE) else ours.names([v])}" for k, v in params.items())
    if got != ids:
        raise Violation(
            f"{what}: {shown} should list {ours.names(ids)}, got {ours.names(got)} ({ours.legend()})",
            page,
            cause=_unhonoured(run, params, got, ids),
        )
    if page.json.get("has_more") is not has_more:
        raise Violation(
            f"{what}: {shown} lists {ours.names(got)} and should say has_more={str(has_more).lower()} "
            f"({'more exist beyond it' if has_more else 'nothing is beyond it'}), got "
            f"has_more={json.dumps(page.json.get('has_more'))} ({ours.legend()})",
            page,
            cause=causes.LIST_PAGES("has-more"),
        )


@scenario(operation=LIST, order=51)
def same_second_order_is_creation_order(run: ScenarioRun) -> None:
    """Assistants created in quick succession (several within one second) are listed in creation
    order: oldest first with order=asc, newest first with order=desc."""
    ours = Ours(run, IN_QUICK_SUCCESSION)
    largest = run.facts.largest_page
    for order, expected in ((ASCENDING, ours.ids[1:]), (DESCENDING, list(reversed(ours.ids)))):
        params: dict[str, Any] = {ORDER: order, LIMIT: largest}
        if order == ASCENDING:
            params[AFTER] = ours.ids[0]
        page = list_page(run, **params)
        got = [i for i in _ids(page) if i in ours.place]
        present = [i for i in expected if i in set(got)]
        if got != present:
            raise Violation(
                f"assistants created one after another must be listed in creation order, also within one "
                f"second: order={order} should give {ours.names(present)}, got {ours.names(got)} "
                f"({ours.legend()})",
                page,
                cause=causes.LIST_PAGES(ORDER),
            )


@scenario(operation=LIST, order=52)
def has_more_is_exact(run: ScenarioRun) -> None:
    """has_more is false on the last page also when the count is an exact multiple of limit, and
    true exactly when more follow; `before` gives the page just before its cursor, in both orders."""
    size = max(2, run.facts.limit_range[0])
    ours = Ours(run, 2 * size + 1)
    ids, newest = ours.ids, ours.ids[-1]
    reverse = list(reversed(ids))
    steps = (
        # (what, query, the page, has_more): `after` walks away from the cursor, `before` towards it.
        ("a full page with more after it", {ORDER: ASCENDING, AFTER: ids[0]}, ids[1 : size + 1], True),
        (
            "the last page, exactly `limit` items",
            {ORDER: ASCENDING, AFTER: ids[size]},
            ids[size + 1 :],
            False,
        ),
        (
            "before= in descending order (the newer neighbours)",
            {ORDER: DESCENDING, BEFORE: ids[0]},
            reverse[size : 2 * size],
            True,
        ),
        (
            "before= in descending order reaching the newest, exactly `limit` items",
            {ORDER: DESCENDING, BEFORE: ids[size]},
            reverse[:size],
            False,
        ),
        (
            "before= in ascending order (the older neighbours)",
            {ORDER: ASCENDING, BEFORE: newest},
            ids[size : 2 * size],
            True,
        ),
        ("after= in descending order", {ORDER: DESCENDING, AFTER: newest}, reverse[1 : size + 1], True),
    )
    for what, query, expected, has_more in steps:
        _expect_page(run, ours, what, {**query, LIMIT: size}, expected, has_more)
