"""The checker on hand-made exchanges: when a judgement across exchanges is made and when it is not
(concurrent writes, unknown outcomes, refused writes), and the order exchanges arrive in."""

from __future__ import annotations

import json

import assistants_spec
import pytest

from contract_tests.proxy.checker import Checker
from contract_tests.proxy.exchange import Exchange

from .conftest import KEY_1, KEY_2

SPEC = assistants_spec.load_spec()
OBJECT = {
    "id": "asst_1",
    "object": "assistant",
    "created_at": 1,
    "name": "a",
    "description": None,
    "model": "gpt-4o",
    "instructions": None,
    "tools": [],
    "tool_resources": {},
    "metadata": {},
    "temperature": 1,
    "top_p": 1,
    "response_format": "auto",
}


class Collect:
    def __init__(self) -> None:
        self.seen = []

    def violation(self, violation) -> None:
        self.seen.append(violation)

    def finish(self, report) -> None:
        pass

    @property
    def checks(self) -> set[tuple[str, str]]:
        return {(v.side, v.check) for v in self.seen}


@pytest.fixture
def run():
    out = Collect()
    checker = Checker(SPEC, subject="test", mount="/v1", outputs=[out])
    return checker, out


_seq = iter(range(1, 10_000))


def ex(method, path, t0, t1, *, status=200, body=None, answer=None, key=KEY_1) -> Exchange:
    headers = [(b"authorization", f"Bearer {key}".encode()), (b"openai-beta", b"assistants=v2")]
    raw = json.dumps(body).encode() if body is not None else b""
    if body is not None:
        headers.append((b"content-type", b"application/json"))
    out = json.dumps(answer).encode() if answer is not None else b""
    return Exchange(
        next(_seq), 0.0, t0, t1, method, f"/v1{path}".encode(), b"", headers, raw, len(raw),
        status, [(b"content-type", b"application/json")], out, len(out),
    )  # fmt: skip


def create(t0=0, t1=1, **fields):
    return ex(
        "POST", "/assistants", t0, t1, body={"model": "gpt-4o", "name": "a"}, answer={**OBJECT, **fields}
    )


def test_a_read_after_a_write_must_show_it(run):
    checker, out = run
    checker.accept(create())
    checker.accept(ex("GET", "/assistants/asst_1", 2, 3, answer={**OBJECT, "name": "b"}))
    checker.finish()
    assert out.checks == {("server", "reads_show_last_write")}


def test_a_read_beside_a_modify_is_not_judged_even_when_it_arrives_first(run):
    checker, out = run
    checker.accept(create())
    modify_started = 5
    # The read ends (and arrives) while the modify is still in flight: it waits for the modify.
    checker.accept(ex("GET", "/assistants/asst_1", 6, 7, answer={**OBJECT, "name": "b"}), modify_started)
    assert checker.pending
    checker.accept(
        ex(
            "POST",
            "/assistants/asst_1",
            modify_started,
            9,
            body={"name": "b"},
            answer={**OBJECT, "name": "b"},
        )
    )
    checker.finish()
    assert out.seen == []


def test_two_writes_that_overlap_leave_the_state_unknown(run):
    checker, out = run
    checker.accept(create())
    checker.accept(ex("POST", "/assistants/asst_1", 2, 5, body={"name": "b"}, answer={**OBJECT, "name": "b"}))
    checker.accept(ex("POST", "/assistants/asst_1", 3, 6, body={"name": "c"}, answer={**OBJECT, "name": "c"}))
    checker.accept(ex("GET", "/assistants/asst_1", 7, 8, answer={**OBJECT, "name": "b"}))
    checker.finish()
    assert out.seen == []


def test_a_write_without_a_known_outcome_is_not_judged_against(run):
    checker, out = run
    checker.accept(create())
    failed = ex("POST", "/assistants/asst_1", 2, 3, body={"name": "b"}, status=0)
    failed.error = "the upstream closed the connection mid-answer"
    checker.accept(failed)
    checker.accept(ex("GET", "/assistants/asst_1", 4, 5, answer={**OBJECT, "name": "b"}))
    checker.finish()
    assert out.seen == []


def test_a_refused_modify_changes_nothing(run):
    checker, out = run
    checker.accept(create())
    error = {"error": {"message": "no", "type": "invalid_request_error", "param": "name", "code": None}}
    checker.accept(ex("POST", "/assistants/asst_1", 2, 3, body={"name": "b"}, status=400, answer=error))
    checker.accept(ex("GET", "/assistants/asst_1", 4, 5, answer={**OBJECT, "name": "b"}))
    checker.finish()
    assert out.checks == {("server", "reads_show_last_write")}


def test_deleted_then_listed_and_read(run):
    checker, out = run
    checker.accept(create())
    checker.accept(
        ex(
            "DELETE",
            "/assistants/asst_1",
            2,
            3,
            answer={"id": "asst_1", "object": "assistant.deleted", "deleted": True},
        )
    )
    page = {"object": "list", "data": [OBJECT], "first_id": "asst_1", "last_id": "asst_1", "has_more": False}
    checker.accept(ex("GET", "/assistants", 4, 5, answer=page))
    checker.finish()
    assert out.checks == {("server", "deleted_stays_gone")}


def test_another_credential_listing_an_object(run):
    checker, out = run
    checker.accept(create())
    page = {"object": "list", "data": [OBJECT], "first_id": "asst_1", "last_id": "asst_1", "has_more": False}
    checker.accept(ex("GET", "/assistants", 4, 5, answer=page, key=KEY_2))
    checker.finish()
    assert out.checks == {("server", "tenants_isolated")}


def test_json_types_stay_apart(run):
    """A create that sent true where a number was expected is the client's bug, and the server that
    stored 1.0 for it is judged for accepting it, not for "changing" the value."""
    checker, out = run
    checker.accept(
        ex(
            "POST",
            "/assistants",
            0,
            1,
            body={"model": "gpt-4o", "top_p": True},
            answer={**OBJECT, "top_p": 1.0},
        )
    )
    checker.finish()
    assert out.checks == {("client", "request_body"), ("server", "refused_request_accepted")}


def test_a_number_is_the_same_number_written_either_way(run):
    checker, out = run
    checker.accept(
        ex(
            "POST",
            "/assistants",
            0,
            1,
            body={"model": "gpt-4o", "name": "a", "temperature": 1},
            answer={**OBJECT, "temperature": 1.0},
        )
    )
    checker.finish()
    assert out.seen == []


def test_extra_fields_of_a_server_are_not_judged(run):
    checker, out = run
    checker.accept(create(updated_at=1))
    checker.accept(
        ex(
            "POST",
            "/assistants/asst_1",
            2,
            3,
            body={"name": "b"},
            answer={**OBJECT, "name": "b", "updated_at": 2},
        )
    )
    checker.finish()
    assert out.seen == []


def test_the_report_as_the_suites_findings(run):
    checker, _ = run
    checker.accept(create())
    checker.accept(ex("GET", "/assistants/asst_1", 2, 3, answer={**OBJECT, "name": "b"}))
    report = checker.finish()
    from contract_tests.proxy.report import as_findings, render_junit, render_markdown

    (finding,) = as_findings(report, str)
    assert (finding.operation, finding.check, finding.source) == (
        "GET /assistants/{assistant_id}",
        "reads_show_last_write",
        "proxy",
    )
    assert "reads_show_last_write" in render_markdown(report)
    assert 'failures="1"' in render_junit(report)
