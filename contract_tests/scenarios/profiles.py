"""The beta header, exactly: values that only resemble a supported one are refused; every profile the
spec defines serves the same assistants, each in its own shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistants_spec import Meaning, ProfileView

from contract_tests import causes
from contract_tests.compare import explain, value_differences
from contract_tests.http import Exchange
from contract_tests.ledger import TAG_KEY
from contract_tests.operations import CREATE, DELETE, DESCENDING, GET, LIMIT, LIST, METADATA, MODIFY, ORDER
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body, other_valid_value
from contract_tests.scenarios._slots import text_slots


def near_misses(value: str) -> list[str]:
    """Header values that only resemble ``value``: a longer version name, a doubled digit, extra text."""
    return [f"{value}beta", f"{value}{value[-1]}", f"{value} extra"]


@scenario(operation=LIST, order=81)
def beta_header_is_exact(run: ScenarioRun) -> None:
    """A beta header value that only resembles a supported one (assistants=v2beta, assistants=v22, a
    supported value followed by other text) is refused with 400 on every operation, and does nothing."""
    spec = run.ctx.target.spec
    header = spec.beta_header
    values = [
        near
        for profile in spec.profiles
        for near in near_misses(spec.beta_value(profile))
        if spec.profile_for_header(near) is None  # a value the spec itself accepts is not a near miss
    ]
    marker = f"{run.ctx.ledger.run_id}-near-miss"
    body = {**example_body(run.spec, CREATE), METADATA: {TAG_KEY: marker}}
    target = run.created(run.tagged(example_body(run.spec, CREATE)))
    calls: dict[str, Callable[..., Exchange]] = {
        CREATE: lambda **kw: run.create(dict(body), **kw),
        LIST: lambda **kw: run.call(LIST, **kw),
        GET: lambda **kw: run.get(target["id"], **kw),
        MODIFY: lambda **kw: run.modify(target["id"], {METADATA: {TAG_KEY: marker}}, **kw),
        DELETE: lambda **kw: run.delete(target["id"], **kw),
    }
    for operation_id, call in calls.items():
        operation = run.spec.operation(operation_id)
        for value in values:
            run.expect_error(
                call(headers={header: value}),
                operation.statuses(Meaning.INVALID_REQUEST),
                f"{operation.label} with {header}: {value} (only resembles a supported value)",
                cause=causes.BETA_HEADER(aspect="near-miss"),
            )
    changed = causes.REFUSED_CHANGES_STATE()
    run.expect_unchanged(
        target, run.get(target["id"]), f"requests with near-miss {header} values", cause=changed
    )
    stored = run.stored_with_marker(marker)
    if stored:
        raise Violation(
            f"creates with near-miss {header} values must store nothing, but these exist: {stored}",
            *run.exchanges[-1:],
            cause=changed,
        )


def _shared_fields(one: ProfileView, other: ProfileView, operation_id: str) -> list[str]:
    """Fields both profiles' answers define with the same schema (the same value in both shapes)."""
    mine = one.properties(one.response_schema(operation_id))
    theirs = other.properties(other.response_schema(operation_id))
    return [name for name in mine if name in theirs and mine[name] == theirs[name]]


def _expect_shape(view: ProfileView, operation_id: str, exchange: Exchange, what: str) -> None:
    # (A validator from the schema itself: ProfileView.response_validator's pointer into a templated
    # path, `.../{assistant_id}/...`, is not a URI reference the validator library accepts.)
    error = view.validator(view.response_schema(operation_id, exchange.status)).first_error(exchange.json)
    if error is not None:
        raise Violation(
            f"{what} should have the {view.name} shape ({view.header_value}, the spec's {view.name} "
            f"schema), but: {error}",
            exchange,
        )


@scenario(operation=GET, order=82)
def profiles_share_one_store(run: ScenarioRun) -> None:
    """An assistant created under this run's profile is read, listed and modified under every other
    profile the spec defines, in that profile's shape, with the values both shapes share."""
    spec, own = run.ctx.target.spec, run.spec
    created = run.created(run.tagged(example_body(own, CREATE)))
    for profile in spec.profiles:
        if profile == own.name:
            continue
        other = spec.view(profile)
        headers = {spec.beta_header: other.header_value}
        said = f"{spec.beta_header}: {other.header_value}"
        what = f"an assistant created with {spec.beta_header}: {own.header_value}, read with {said}"

        shared = causes.PROFILES_SHARE_STORE()
        read = run.get(created["id"], headers=headers)
        run.expect_success(
            read, GET, f"reading with {said} an assistant created with {own.header_value}", cause=shared
        )
        _expect_shape(other, GET, read, what)
        problems: list[str] = []
        for name in _shared_fields(own, other, GET):
            if name in created:
                problems += value_differences(
                    name, created[name], read.json.get(name), exact_maps=True, words=(own.name, profile)
                )
        if problems:
            raise Violation(explain(f"{what} should carry the same values both shapes share", problems), read)

        page = run.call(LIST, params={ORDER: DESCENDING, LIMIT: run.facts.largest_page}, headers=headers)
        run.expect_success(page, LIST, f"listing with {said}")
        _expect_shape(other, LIST, page, f"a list page read with {said}")
        if created["id"] not in [i.get("id") for i in page.json["data"] if isinstance(i, dict)]:
            raise Violation(
                f"{what.replace('read', 'should be listed')}; it is not on the newest page",
                page,
                cause=shared,
            )

        change = _shared_change(own, other, created)
        if change is None:
            continue
        name, value = change
        changed = run.modify(created["id"], {name: value}, headers=headers)
        run.expect_success(changed, MODIFY, f"modifying with {said}")
        again = run.get(created["id"])
        run.expect_success(again, GET, f"reading with {own.header_value} after a modify with {said}")
        problems = value_differences(name, value, again.json.get(name), exact_maps=True)
        if problems:
            raise Violation(
                explain(f"a modify made with {said} should show when read with {own.header_value}", problems),
                again,
                cause=causes.READ_BACK_DIFFERS("modify"),
            )


def _shared_change(own: ProfileView, other: ProfileView, current: dict[str, Any]) -> tuple[str, Any] | None:
    """A change both profiles make the same way: a top-level text field with the same request and
    answer schema in both, and another valid value for it."""
    mine = own.properties(own.request_schema(MODIFY))
    theirs = other.properties(other.request_schema(MODIFY))
    answered = set(_shared_fields(own, other, GET))
    for slot in text_slots(other, other.request_schema(MODIFY), other.response_schema(MODIFY)):
        name = slot.field
        if len(slot.steps) == 1 and name in answered and mine.get(name) == theirs[name]:
            value = other_valid_value(other, theirs[name], current.get(name))
            if value is not None:
                return name, value
    return None
