"""Every out-of-range or unknown input is refused with 400 naming it, and changes nothing."""

from __future__ import annotations

from contract_tests.compare import object_differences
from contract_tests.ledger import TAG_KEY
from contract_tests.scenarios._base import ScenarioRun, Violation, scenario
from contract_tests.scenarios._bodies import BadInput, bad_bodies, bad_queries, example_body
from contract_tests.scenarios._refusal import expect_refusal
from contract_tests.spec_view import CREATE, LIST, MODIFY


def _stored_with_marker(run: ScenarioRun, marker: str) -> list[str]:
    """Ids of listed assistants carrying `marker` (the newest pages only: refused creates are recent)."""
    limit = run.spec.query_parameter(LIST, "limit").get("maximum", 20)
    page = run.list(limit=limit, order="desc")
    data = page.json.get("data", []) if isinstance(page.json, dict) else []
    return [
        item.get("id")
        for item in data
        if isinstance(item, dict)
        and isinstance(item.get("metadata"), dict)
        and item["metadata"].get(TAG_KEY) == marker
    ]


@scenario("out_of_range_create_is_refused", "POST /assistants")
def out_of_range_create_is_refused(run: ScenarioRun) -> None:
    """Each single bad field in an otherwise valid create gives 400 with `param`, and stores nothing."""
    marker = f"{run.ctx.ledger.run_id}-refused"
    base = example_body(run.spec, CREATE)
    for bad in bad_bodies(run.spec, CREATE):
        body = {**base, bad.param: bad.value}
        if bad.param != "metadata":
            body["metadata"] = {TAG_KEY: marker}
        expect_refusal(run, run.create(body), bad, "a create")
    for name in run.spec.required(CREATE):
        body = {key: value for key, value in base.items() if key != name}
        body["metadata"] = {TAG_KEY: marker}
        expect_refusal(run, run.create(body), BadInput(name, None, f"{name} (required) left out"), "a create")
    stored = _stored_with_marker(run, marker)
    if stored:
        raise Violation(f"refused creates must store nothing, but these exist: {stored}", *run.exchanges[-1:])


@scenario("out_of_range_modify_is_refused", "POST /assistants/{assistant_id}")
def out_of_range_modify_is_refused(run: ScenarioRun) -> None:
    """Each bad field in a modify gives 400 with `param`, and the assistant stays as it was."""
    original = run.created(run.tagged(example_body(run.spec, CREATE)))
    for bad in bad_bodies(run.spec, MODIFY):
        expect_refusal(run, run.modify(original["id"], {bad.param: bad.value}), bad, "a modify")
    after = run.get(original["id"])
    run.expect_status(after, 200, "reading an assistant after refused modifies")
    problems = object_differences(original, after.json)
    if problems:
        raise Violation("refused modifies must change nothing, but:\n  " + "\n  ".join(problems[:10]), after)


@scenario("out_of_range_query_is_refused", "GET /assistants")
def out_of_range_query_is_refused(run: ScenarioRun) -> None:
    """Each bad query parameter of list (limit out of range, unknown order) gives 400 with `param`."""
    for bad in bad_queries(run.spec):
        expect_refusal(run, run.list(**{bad.param: bad.value}), bad, "a list")


@scenario("other_profile_fields_are_refused", "POST /assistants")
def other_profile_fields_are_refused(run: ScenarioRun) -> None:
    """Fields only another beta profile defines (e.g. v1's file_ids under v2) are unknown here: 400."""
    import assistants_spec

    from contract_tests.scenarios._bodies import minimal_instance
    from contract_tests.spec_view import spec_view

    own = run.spec.fields(CREATE)
    base = example_body(run.spec, CREATE)
    base["metadata"] = {TAG_KEY: f"{run.ctx.ledger.run_id}-refused"}
    for profile in assistants_spec.profiles():
        other = spec_view(profile)
        for name, schema in other.fields(CREATE).items():
            if name in own:
                continue
            bad = BadInput(name, minimal_instance(other, schema), f"{name} (a {profile}-only field)")
            expect_refusal(run, run.create({**base, name: bad.value}), bad, f"a {run.spec.profile} create")
