"""`created_at` is the creation time in Unix seconds and never changes; the id is the same in every answer."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from contract_tests.compare import show
from contract_tests.http import Exchange
from contract_tests.operations import CREATE, GET, METADATA, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body, other_valid_value
from contract_tests.scenarios._walk import walk

# How far the server's clock may be from the client's: "a few minutes" (clocks of real machines
# drift, and a request may wait in a queue); milliseconds or a fixed date are far outside it.
CLOCK_TOLERANCE = 300
# A modify must come at least this long after the create, so that a server which sets created_at
# to "now" on every write shows it (any clock offset: both stamps come from the server's clock).
SECOND = 1.05


def _when(stamp: float) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def expect_recent(created_at: Any, sent_at: float, answered_at: float, exchange: Exchange) -> None:
    """``created_at`` is a Unix time in seconds between the request and its answer (give or take
    the clock tolerance)."""
    if isinstance(created_at, bool) or not isinstance(created_at, int):
        raise Violation(
            f"created_at should be a Unix time in whole seconds, got {show(created_at)}", exchange
        )
    low, high = sent_at - CLOCK_TOLERANCE, answered_at + CLOCK_TOLERANCE
    if low <= created_at <= high:
        return
    hint = ""
    if low <= created_at / 1000 <= high:
        hint = " (it looks like milliseconds)"
    elif 0 <= created_at < 10**11:
        hint = f" ({_when(created_at)})"
    raise Violation(
        f"created_at should be the creation time in Unix seconds, within {CLOCK_TOLERANCE // 60} minutes "
        f"of the client's clock ({int(sent_at)}, {_when(sent_at)}); got {created_at}{hint}",
        exchange,
    )


# Fields that never change after the create; this scenario judges them (others leave them to it, so
# that a server changing them is one deviation).
IDENTITY_FIELDS = ("id", "created_at")


def _expect_same(
    run: ScenarioRun, first: dict[str, Any], exchange: Exchange, where: str, got: Any = None
) -> None:
    """``got`` (default: the exchange's body) has the id and created_at of ``first``."""
    got = exchange.json if got is None else got
    if not isinstance(got, dict):
        raise Violation(f"{where} should be the assistant, got {exchange.excerpt()}", exchange)
    for key in IDENTITY_FIELDS:
        if key in first and (
            key not in got or type(got[key]) is not type(first[key]) or got[key] != first[key]
        ):
            raise Violation(
                f"{key} must never change: the create answered {show(first[key])}, {where} has "
                f"{show(got.get(key))}",
                exchange,
            )


@scenario(operation=MODIFY, order=32)
def created_at_and_id_never_change(run: ScenarioRun) -> None:
    """created_at is the creation time in Unix seconds (not ms, not a fixed date), the same in every
    answer and after modifies; the id is the same in every answer about that assistant."""
    body = run.tagged(example_body(run.spec, CREATE))
    sent_at, started = time.time(), time.monotonic()
    exchange = run.create(body)
    answered_at = time.time()
    run.expect_success(exchange, CREATE, "creating an assistant with a valid body")
    created = exchange.json
    expect_recent(created.get("created_at"), sent_at, answered_at, exchange)

    read = run.get(created["id"])
    run.expect_success(read, GET, "reading an assistant just created")
    _expect_same(run, created, read, "a read-back")
    listed = walk(run, until_seen={created["id"]})
    for page in listed.pages:
        for item in page.json["data"]:
            if isinstance(item, dict) and item.get("id") == created["id"]:
                _expect_same(run, created, page, f"the list item for {created['id']}", item)

    # One modify of every field a modify takes, a second or more after the create.
    run.ctx.interruption.wait(max(0.0, SECOND - (time.monotonic() - started)))
    patch = {}
    for name, schema in run.facts.fields(MODIFY).items():
        value = other_valid_value(run.spec, schema, created.get(name))
        if value is not None:
            patch[name] = value
    answer = run.modify(created["id"], run.tagged(patch) if METADATA in patch else patch)
    run.expect_success(answer, MODIFY, "a modify of every field")
    _expect_same(run, created, answer, "the answer to a modify")
    read = run.get(created["id"])
    run.expect_success(read, GET, "reading an assistant after a modify")
    _expect_same(run, created, read, "a read-back after a modify")
