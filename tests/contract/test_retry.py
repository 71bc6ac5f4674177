"""One retry policy for every request of a run: the suite's own, schemathesis' generated requests and
the auth probes all wait out a rate-limited answer as its Retry-After asks, and only up to a cap."""

from __future__ import annotations

import email.utils
import http.server
import json
import threading
import time
from collections.abc import Iterator

import pytest
import requests
import schemathesis

from contract_tests import hooks, retry
from contract_tests.checks.answer import Answer
from contract_tests.checks.auth import auth_is_enforced
from contract_tests.config import build_config
from contract_tests.context import RunContext, activate
from contract_tests.retry import RetryPolicy

KEY = "sk-retry-test-0123456789"
WAIT = 0.2
EMPTY_PAGE = {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}


def test_the_suite_reads_retry_after_with_the_clients_one_parser() -> None:
    import assistants_client._runtime.retry as shared

    assert retry.parse_retry_after is shared.parse_retry_after
    assert isinstance(retry.SUITE_POLICY, shared.RetryPolicy)
    now = time.time()
    assert retry.parse_retry_after({"retry-after": ["2.5"]}) == 2.5  # schemathesis keeps lists
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert 28 <= retry.parse_retry_after({"Retry-After": date}, now=now) <= 31


def test_only_rate_limits_are_sent_again_up_to_the_cap_and_a_longer_wait_is_reported() -> None:
    policy = RetryPolicy(max_retries=2, max_retry_after=10, retry_server_errors=False)
    answers = iter([(429, {"Retry-After": "1"}), (429, {"Retry-After": "999999"}), (200, {})])
    slept, notes = [], []
    last = retry.send_politely(
        lambda: next(answers),
        lambda a: a,
        method="POST",
        policy=policy,
        sleep=slept.append,
        on_note=notes.append,
    )
    assert last[0] == 429 and slept == [1.0]
    assert len(notes) == 1 and "999999 s" in notes[0] and "not obeyed" in notes[0]
    server_error = iter([(500, {"Retry-After": "1"}), (200, {})])
    assert (
        retry.send_politely(lambda: next(server_error), lambda a: a, policy=policy, sleep=slept.append)[0]
        == 500
    )
    spent = iter([(429, {"Retry-After": "0"})] * 3 + [(200, {})])
    assert retry.send_politely(lambda: next(spent), lambda a: a, policy=policy, sleep=slept.append)[0] == 429


class _Server(http.server.ThreadingHTTPServer):
    """Answers a list page; rate-limits the first answer to each kind of request (with or without
    credentials), and refuses requests without credentials."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seen: list[tuple[bool, int]] = []  # (had credentials, status answered)
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        authorized = self.headers.get("Authorization") == f"Bearer {KEY}"
        with self.server.lock:
            first = not any(had == authorized for had, _ in self.server.seen)
            status = 429 if first else (200 if authorized else 401)
            self.server.seen.append((authorized, status))
        body = (
            EMPTY_PAGE
            if status == 200
            else {"error": {"message": "no", "type": "x", "param": None, "code": None}}
        )
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        if status == 429:
            self.send_header("Retry-After", str(WAIT))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def test_schemathesis_requests_and_auth_probes_wait_out_429(server: _Server) -> None:
    run = RunContext(build_config(base_url=server.url, credentials={"--bearer": KEY}, second_api_key=None))
    schema = schemathesis.openapi.from_dict(run.spec.document)
    operation = run.spec.operation("listAssistants")
    case = schema[operation.path][operation.method].Case(headers={**run.target.headers()}, query={"limit": 1})
    with activate(run), hooks.installed(schema):
        started = time.monotonic()
        response = case.call(base_url=server.url, session=requests.Session())
        # The generated request: answered 429 first, sent again after Retry-After through the hook.
        assert response.status_code == 200
        assert server.seen == [(True, 429), (True, 200)]
        assert time.monotonic() - started >= WAIT
        # The check's probes (no credentials, a wrong key) go through the suite's client: the
        # first is rate-limited too, waits, and is then refused as it must be.
        auth_is_enforced(run, Answer(response, case, run), case)
    assert server.seen[2:] == [(False, 429), (False, 401), (False, 401)]
    # Outside the run the hook is gone: schemathesis' requests are its own again.
    assert not schemathesis.hooks.get_all_by_name("before_call")


def test_a_retry_after_not_obeyed_is_said_in_the_summary() -> None:
    from contract_tests.reports.summary import summarize
    from contract_tests.results import RunResult

    config = build_config(
        base_url="http://127.0.0.1:9/v1", credentials={"--bearer": KEY}, second_api_key=None
    )
    note = retry.beyond_cap_note(429, 999999.0)
    details = summarize(RunResult(config=config, notices={note: 3})).details
    assert f"note: {note} (3 times)" in details
