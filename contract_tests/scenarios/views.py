"""One object, every view: the create answer, a GET, every list page holding it and the modify
answer show the same assistant; after a modify every view shows the new state."""

from __future__ import annotations

from typing import Any

from contract_tests import causes
from contract_tests.compare import explain, object_differences
from contract_tests.http import Exchange
from contract_tests.operations import (
    AFTER,
    ASCENDING,
    CREATE,
    DESCENDING,
    GET,
    LIMIT,
    LIST,
    METADATA,
    MODIFY,
    ORDER,
)
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import at_limits, example_body, other_valid_value
from contract_tests.scenarios._walk import list_page


def _full_body(run: ScenarioRun) -> dict[str, Any]:
    """The spec's example with every field the spec limits at its limit: an abbreviated view shows."""
    body = example_body(run.spec, CREATE)
    for name, schema in run.facts.fields(CREATE).items():
        value = at_limits(run.spec, schema)
        if value is not None and name != METADATA:  # metadata keeps room for the run's tag
            body[name] = value
    return run.tagged(body)


def _views(run: ScenarioRun, assistant_id: str, predecessor: str) -> list[tuple[str, Exchange, Any]]:
    """(which view, its exchange, the assistant as it shows it) for a GET and the list pages holding it."""
    read = run.get(assistant_id)
    run.expect_success(read, GET, "reading an assistant")
    views: list[tuple[str, Exchange, Any]] = [("a GET", read, read.json)]
    # Created last, it is on the first page newest first, and in ascending order right after the
    # assistant created just before it (a page of others created in between would push it off).
    largest = run.facts.largest_page
    pages = (
        (DESCENDING, list_page(run, **{ORDER: DESCENDING, LIMIT: largest})),
        (ASCENDING, list_page(run, **{ORDER: ASCENDING, AFTER: predecessor, LIMIT: largest})),
    )
    for order, page in pages:
        for item in page.json["data"]:
            if isinstance(item, dict) and item.get("id") == assistant_id:
                views.append((f"its item in a list page (order={order})", page, item))
    if len(views) == 1:
        raise Violation(
            f"an assistant just created or modified ({assistant_id!r}) should be on the first list page "
            f"newest first, and right after the one created before it oldest first; it is on neither",
            *(page for _, page in pages),
        )
    return views


def _expect_same_everywhere(
    run: ScenarioRun, answer: dict[str, Any], what: str, predecessor: str, write: str
) -> None:
    """Every other view differs from the write's answer: a read that differs from what the write answered."""
    cause = causes.READ_BACK_DIFFERS(write)
    # Only what the spec defines is judged: a field a server adds is not part of the contract.
    defined = run.spec.properties(run.spec.response_schema(GET))

    def judged(value: Any) -> Any:
        return {k: v for k, v in value.items() if k in defined} if isinstance(value, dict) else value

    for where, exchange, shown in _views(run, answer["id"], predecessor):
        problems = object_differences(judged(answer), judged(shown), (what, where))
        if problems:
            raise Violation(
                explain(
                    f"one assistant must look the same in every answer: {where} differs from {what}", problems
                ),
                exchange,
                cause=cause,
            )


@scenario(operation=LIST, order=33)
def one_object_every_view(run: ScenarioRun) -> None:
    """The create answer, a GET, the list items (both orders) and the modify answer are the same
    object; after a modify the list shows the new state, whole (no stale or abbreviated items)."""
    predecessor = run.created(run.tagged(example_body(run.spec, CREATE)))["id"]
    created = run.created(_full_body(run))
    _expect_same_everywhere(run, created, "the create answer", predecessor, "create")

    patch = {}
    for name, schema in run.facts.fields(MODIFY).items():
        value = other_valid_value(run.spec, schema, created.get(name))
        if value is not None:
            patch[name] = value
    answer = run.modify(created["id"], run.tagged(patch) if METADATA in patch else patch)
    run.expect_success(answer, MODIFY, "a modify of every field")
    _expect_same_everywhere(run, answer.json, "the modify answer", predecessor, "modify")
