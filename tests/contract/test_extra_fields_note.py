"""Fields a server adds beyond the spec are not judged, and the report says so once each; but what
an object made by an accepted invalid write carries is that write's doing, already a deviation."""

from __future__ import annotations

import json

import assistants_spec

from contract_tests.config import build_config
from contract_tests.context import RunContext

BASE = "http://127.0.0.1:9/v1"


def _run() -> RunContext:
    return RunContext(build_config(base_url=BASE, credentials={"--bearer": "k"}, second_api_key=None))


def _create(run: RunContext, sent: dict, answer: dict) -> None:
    spec = assistants_spec.load_spec()
    headers = {spec.beta_header: spec.beta_value(), "Content-Type": "application/json"}
    run.observe("POST", f"{BASE}/assistants", 200, answer, None, sent=(headers, json.dumps(sent).encode()))


def _assistant(object_id: str, **extra: object) -> dict:
    return {
        "id": object_id,
        "object": "assistant",
        "created_at": 1700000000,
        "name": None,
        "description": None,
        "model": "gpt-4o",
        "instructions": None,
        "tools": [],
        "metadata": {},
        **extra,
    }


def test_what_an_accepted_invalid_write_sent_is_not_noted_again() -> None:
    run = _run()
    try:
        unknown = {"x-schemathesis-unknown-property": 42}
        kept = _assistant("asst_tainted", **unknown)
        _create(run, {"model": "gpt-4o", **unknown}, kept)
        run.note_extra_fields(kept)
        assert run.notices == {}

        own = _assistant("asst_clean", updated_at=1700000001)
        _create(run, {"model": "gpt-4o"}, own)
        run.note_extra_fields(own)
        run.note_extra_fields(own)
        assert list(run.notices) == [
            "the target's assistants carry 'updated_at', a field the spec does not define (not judged)"
        ]
        assert run.notices[next(iter(run.notices))] == 1
    finally:
        run.client.close()
