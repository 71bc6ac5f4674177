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

from contract_tests import hooks
from contract_tests.checks.answer import Answer
from contract_tests.checks.auth import auth_is_enforced
from contract_tests.config import build_config
from contract_tests.context import RunContext, activate
from contract_tests.retry import RetryPolicy, retry_after_seconds

KEY = "sk-retry-test-0123456789"
WAIT = 0.2
EMPTY_PAGE = {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": False}


def test_retry_after_is_read_as_seconds_as_an_http_date_and_in_milliseconds() -> None:
    now = time.time()
    assert retry_after_seconds({"Retry-After": "3"}) == 3
    assert retry_after_seconds({"retry-after": ["2.5"]}) == 2.5  # schemathesis keeps lists
    assert retry_after_seconds({"retry-after-ms": "1500", "retry-after": "9"}) == 1.5
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert 28 <= retry_after_seconds({"Retry-After": date}, now=now) <= 31
    assert retry_after_seconds({"Retry-After": email.utils.formatdate(now - 60, usegmt=True)}, now=now) == 0
    for unreadable in ("soon", "", "nan", "Fri, 31 Dec 99999999999999999999 23:59:59 GMT"):
        assert retry_after_seconds({"Retry-After": unreadable}) is None
    assert retry_after_seconds({}) is None


def test_the_policy_obeys_a_wait_up_to_its_cap_and_reports_a_longer_one() -> None:
    policy = RetryPolicy(max_retries=2, max_wait=10, default_wait=0.5)
    assert policy.decide(429, {"Retry-After": "4"}, 0).wait == 4
    assert policy.decide(429, {}, 0).wait == 0.5
    assert policy.decide(429, {"Retry-After": "4"}, 2).wait is None  # out of retries
    assert policy.decide(500, {"Retry-After": "4"}, 0).wait is None  # only rate limits are sent again
    beyond = policy.decide(429, {"Retry-After": "999999"}, 0)
    assert beyond.wait is None and "999999 s" in beyond.note and "not obeyed" in beyond.note

    answers = iter([(429, {"Retry-After": "1"}), (429, {"Retry-After": "999999"}), (200, {})])
    slept, notes = [], []
    last = policy.run(lambda: next(answers), lambda a: a, sleep=slept.append, on_note=notes.append)
    assert last[0] == 429 and slept == [1.0] and len(notes) == 1


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
    note = RetryPolicy().decide(429, {"Retry-After": "999999"}, 0).note
    details = summarize(RunResult(config=config, notices={note: 3})).details
    assert f"note: {note} (3 times)" in details
