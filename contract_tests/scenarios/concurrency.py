"""Concurrent writes are all kept: creates sent at once each get their own id and are all listed;
modifies of different fields of one assistant sent at once all persist (no lost update)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from contract_tests import causes
from contract_tests.compare import explain, value_differences
from contract_tests.operations import CREATE, GET, METADATA, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body, other_valid_value
from contract_tests.scenarios._walk import walk

AT_ONCE = 8  # concurrent creates; modifies: one per field a modify takes

T = TypeVar("T")


def at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Run ``calls`` on as many threads, released together (the suite's client is thread-safe)."""
    start = threading.Barrier(len(calls))

    def released(call: Callable[[], T]) -> T:
        start.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(released, calls))


def _lost_update_or_not_stored(run: ScenarioRun, assistant_id: str, patch: dict[str, Any]) -> causes.Cause:
    """Why modifies sent at once were lost: asked again alone, a modify that is kept shows a lost update
    (a modify overwrote fields it was not sent); one that is not kept either is a modify not stored."""
    ((name, value),) = patch.items()
    alone = run.modify(assistant_id, patch)
    read = run.get(assistant_id)
    kept = (
        alone.status == run.spec.operation(MODIFY).success_status
        and read.status == run.spec.operation(GET).success_status
        and isinstance(read.json, dict)
        and not value_differences(name, value, read.json.get(name), exact_maps=True)
    )
    if kept:
        return causes.MODIFY_NOT_PARTIAL()
    return causes.READ_BACK_DIFFERS("modify")


@scenario(operation=MODIFY, order=34)
def concurrent_writes_are_kept(run: ScenarioRun) -> None:
    """Creates sent at once each get a distinct id and are all listed; modifies of different fields of
    one assistant sent at once all persist (a read-modify-write race in the server loses some)."""
    body = run.tagged(example_body(run.spec, CREATE))
    created = at_once([lambda: run.create(dict(body)) for _ in range(AT_ONCE)])
    for exchange in created:
        run.expect_success(exchange, CREATE, f"one of {AT_ONCE} creates sent at once")
    ids = [exchange.json.get("id") for exchange in created]
    if len(set(ids)) != len(ids):
        raise Violation(f"{AT_ONCE} creates sent at once must each get their own id, got {ids}", *created)
    listed = walk(run, until_seen=set(ids))
    missing = set(ids) - set(listed.ids)
    if missing:
        raise Violation(
            f"all {AT_ONCE} assistants created at once must be listed; missing: {sorted(missing)}",
            listed.pages[-1],
        )

    target = created[0].json
    patches: list[dict[str, Any]] = []
    for name, schema in run.facts.fields(MODIFY).items():
        value = other_valid_value(run.spec, schema, target.get(name))
        if value is not None:
            patches.append(run.tagged({name: value}) if name == METADATA else {name: value})
    answers = at_once([lambda patch=patch: run.modify(target["id"], patch) for patch in patches])
    for answer, patch in zip(answers, patches, strict=True):
        run.expect_success(answer, MODIFY, f"a modify of {next(iter(patch))} sent at once with others")
    read = run.get(target["id"])
    run.expect_success(read, GET, "reading an assistant after modifies sent at once")
    problems = []
    for patch in patches:
        ((name, value),) = patch.items()
        problems += value_differences(name, value, read.json.get(name), exact_maps=True)
    if problems:
        cause = _lost_update_or_not_stored(run, target["id"], patches[0])
        raise Violation(
            explain(
                f"{len(patches)} modifies of different fields sent at once must all persist "
                f"(fields {', '.join(next(iter(p)) for p in patches)}); lost",
                problems,
            ),
            read,
            cause=cause,
        )
