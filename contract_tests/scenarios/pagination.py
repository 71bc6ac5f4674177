"""List pages fit together: limit, order, after, before, has_more, first_id and last_id agree across pages."""

from __future__ import annotations

from contract_tests.operations import ASCENDING, CREATE, DESCENDING, LIST
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._walk import list_page, walk

SMALL_PAGE = 3  # any limit well below the number of assistants created makes several pages


def _ids(page) -> list[str]:
    return [item.get("id") for item in page.json["data"]]


@scenario(operation=LIST, order=50)
def list_pages_fit_together(run: ScenarioRun) -> None:
    """Walk the list both ways with cursors; every page and the whole walk must agree with each other."""
    default_limit, default_order = run.facts.list_defaults
    other_order = ASCENDING if default_order == DESCENDING else DESCENDING
    small = max(SMALL_PAGE, run.facts.limit_range[0])
    body = example_body(run.spec, CREATE)
    # One more than the default page holds, so the default limit and has_more show.
    ours = [run.created(run.tagged({**body, "name": f"page-{i}"}))["id"] for i in range(default_limit + 1)]
    mine = set(ours)

    first = list_page(run)
    if len(first.json["data"]) != default_limit or first.json.get("has_more") is not True:
        raise Violation(
            f"without limit a list holds the default {default_limit} items and has_more=true when more exist; "
            f"got {len(first.json['data'])} items, has_more={first.json.get('has_more')!r}",
            first,
        )

    forward = walk(run, limit=small, until_seen=mine)
    missing = mine - set(forward.ids)
    if missing:
        raise Violation(
            f"walking with after=last_id while has_more should reach every assistant; {len(missing)} of the "
            f"{len(mine)} just created never appeared",
            forward.pages[-1],
        )
    explicit = list_page(run, limit=small, order=default_order)
    if _ids(explicit) != _ids(forward.pages[0]):
        raise Violation(
            f"the default order should be {default_order!r}: order={default_order} lists "
            f"{_ids(explicit)}, no order lists {_ids(forward.pages[0])}",
            explicit,
        )

    ours_forward = [i for i in forward.ids if i in mine]
    after_ours = forward.ids[forward.ids.index(ours_forward[-1]) + 1 :]
    anchor = after_ours[0] if after_ours else None
    backward = walk(run, limit=small, order=other_order, after=anchor, until_seen=mine)
    ours_backward = [i for i in backward.ids if i in mine]
    if ours_backward != list(reversed(ours_forward)):
        raise Violation(
            f"order={other_order} should list the same assistants in reverse of order={default_order}; "
            f"got {ours_backward[:5]}... against {list(reversed(ours_forward))[:5]}...",
            backward.pages[-1],
        )

    # From page 3 back to page 2 (page 1 would also be what a server ignoring `before` answers).
    if len(forward.pages) >= 3:
        third = forward.pages[2]
        back = list_page(run, limit=small, order=default_order, before=third.json["first_id"])
        if _ids(back) != _ids(forward.pages[1]):
            raise Violation(
                f"before=<first_id of page 3> should give back page 2 {_ids(forward.pages[1])}, got {_ids(back)}",
                back,
            )

    if forward.complete:
        end = list_page(run, limit=small, after=forward.ids[-1])
        if end.json["data"] or end.json.get("has_more") is not False:
            raise Violation("after the last assistant the list should be empty with has_more=false", end)

    one = list_page(run, limit=1)
    if len(one.json["data"]) != 1 or one.json.get("has_more") is not True:
        raise Violation("limit=1 with several assistants should give one item and has_more=true", one)
