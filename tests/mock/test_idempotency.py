"""Idempotency-Key on creates and modifies: a retried write gets the first answer, never a second
assistant (issue 13 item 7, the mock's half)."""

from __future__ import annotations

import socket
import threading
import time
from urllib.parse import urlsplit

import assistants_spec
import pytest

from .conftest import KEY_2, V1, make_client
from .harness import MockProcess

RULES = assistants_spec.load_spec().idempotency
HEADER, MAX_KEY_LENGTH, REPLAYED = RULES.header, RULES.max_length, RULES.replayed_header.lower()


def _listed(client) -> list[str]:
    return [a["id"] for a in client.get("/assistants", params={"limit": 100}).json()["data"]]


def test_the_same_key_and_body_replay_the_first_create(api):
    first = api.post("/assistants", json={"model": "m", "name": "once"}, headers={HEADER: "k-1"})
    again = api.post("/assistants", json={"name": "once", "model": "m"}, headers={HEADER: "k-1"})
    assert first.status_code == again.status_code == 200
    assert (
        again.json() == first.json() and REPLAYED not in first.headers and again.headers[REPLAYED] == "true"
    )
    assert _listed(api) == [first.json()["id"]]
    other = api.post("/assistants", json={"model": "m", "name": "once"}, headers={HEADER: "k-2"})
    assert other.json()["id"] != first.json()["id"] and len(_listed(api)) == 2
    # Without a key every create is a new assistant, as before.
    api.post("/assistants", json={"model": "m"})
    api.post("/assistants", json={"model": "m"})
    assert len(_listed(api)) == 4


def test_the_same_key_with_another_request_is_refused(api):
    created = api.post("/assistants", json={"model": "m"}, headers={HEADER: "k"})
    for response in (
        api.post("/assistants", json={"model": "other"}, headers={HEADER: "k"}),
        api.post(f"/assistants/{created.json()['id']}", json={"model": "m"}, headers={HEADER: "k"}),
    ):
        assert response.status_code == 400
        error = response.json()["error"]
        assert (error["param"], error["code"]) == (HEADER, "idempotency_key_reused")
    assert _listed(api) == [created.json()["id"]]
    assert api.get(f"/assistants/{created.json()['id']}").json() == created.json()


def test_keys_belong_to_one_tenant(api, client_for):
    mine = api.post("/assistants", json={"model": "m"}, headers={HEADER: "shared"}).json()
    theirs = client_for(key=KEY_2).post("/assistants", json={"model": "m"}, headers={HEADER: "shared"})
    assert theirs.status_code == 200 and REPLAYED not in theirs.headers
    assert theirs.json()["id"] != mine["id"]


def test_a_modify_is_replayed_not_reapplied(api):
    ident = api.post("/assistants", json={"model": "m"}).json()["id"]
    first = api.post(f"/assistants/{ident}", json={"name": "first"}, headers={HEADER: "rename"})
    api.post(f"/assistants/{ident}", json={"name": "second"})
    again = api.post(f"/assistants/{ident}", json={"name": "first"}, headers={HEADER: "rename"})
    assert again.headers[REPLAYED] == "true" and again.json() == first.json()
    assert api.get(f"/assistants/{ident}").json()["name"] == "second"  # the retry changed nothing


def test_only_writes_that_happened_are_recorded(api):
    faulted = api.post("/assistants", json={"model": "m"}, headers={HEADER: "k", "x-mock-fault": "500"})
    assert faulted.status_code == 500
    refused = api.post("/assistants", json={"model": 1}, headers={HEADER: "k"})
    assert refused.status_code == 400
    missing = api.post("/assistants/asst_missing", json={"name": "x"}, headers={HEADER: "k"})
    assert missing.status_code == 404
    created = api.post("/assistants", json={"model": "m"}, headers={HEADER: "k"})
    assert created.status_code == 200 and REPLAYED not in created.headers
    assert _listed(api) == [created.json()["id"]]


def test_the_profile_is_part_of_the_request(api, client_for):
    body = {"model": "m", "name": "n", "instructions": "i", "tools": []}  # valid under v1 and v2
    assert api.post("/assistants", json=body, headers={HEADER: "k"}).status_code == 200
    v1 = client_for(beta=V1).post("/assistants", json=body, headers={HEADER: "k"})
    assert v1.status_code == 400 and v1.json()["error"]["code"] == "idempotency_key_reused"


@pytest.mark.parametrize("key", ["", "k" * (MAX_KEY_LENGTH + 1)])
def test_an_empty_or_overlong_key_is_refused(api, key):
    response = api.post("/assistants", json={"model": "m"}, headers={HEADER: key})
    assert response.status_code == 400 and response.json()["error"]["param"] == HEADER
    assert _listed(api) == []


def test_a_create_whose_answer_was_lost_is_not_stored_twice(api, fresh):
    """The client's view: the connection drops after the server stored the create; the retry with
    the same key must give that assistant, not a second one."""
    body = b'{"model":"m","name":"lost answer"}'
    parts = urlsplit(fresh.url)
    request = (
        f"POST {parts.path}/assistants HTTP/1.1\r\nHost: x\r\nAuthorization: {api.headers['authorization']}\r\n"
        f"OpenAI-Beta: {api.headers['openai-beta']}\r\n{HEADER}: lost-1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(request)
        deadline = time.monotonic() + 30
        while not _listed(api) and time.monotonic() < deadline:
            time.sleep(0.02)
        stored = _listed(api)
        assert len(stored) == 1
    # ... and the connection is gone without its answer having been read.
    retry = api.post(
        "/assistants", content=body, headers={HEADER: "lost-1", "content-type": "application/json"}
    )
    assert retry.headers[REPLAYED] == "true" and retry.json()["id"] == stored[0]
    assert _listed(api) == stored


def test_concurrent_retries_across_workers_make_one_assistant(tmp_path, recorder):
    with MockProcess("--db", str(tmp_path / "state.sqlite3"), "--workers", "2") as server:
        answers: list[str] = []

        def send() -> None:
            with make_client(server.url, recorder) as client:
                response = client.post("/assistants", json={"model": "m"}, headers={HEADER: "race"})
                answers.append(response.json()["id"])

        threads = [threading.Thread(target=send) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        with make_client(server.url, recorder) as client:
            assert len(answers) == 16 and set(answers) == set(_listed(client)) and len(set(answers)) == 1


def test_replays_survive_a_restart_and_expire(tmp_path, recorder):
    db = str(tmp_path / "state.sqlite3")
    with MockProcess("--db", db) as server, make_client(server.url, recorder) as client:
        first = client.post("/assistants", json={"model": "m"}, headers={HEADER: "durable"}).json()
    with MockProcess("--db", db) as server, make_client(server.url, recorder) as client:
        again = client.post("/assistants", json={"model": "m"}, headers={HEADER: "durable"})
        assert again.headers.get(REPLAYED) == "true" and again.json()["id"] == first["id"]
    time.sleep(1.1)
    with (
        MockProcess("--db", db, "--idempotency-ttl", "1") as server,
        make_client(server.url, recorder) as client,
    ):
        # Recorded more than a second ago: expired under a one-second retention.
        later = client.post("/assistants", json={"model": "m"}, headers={HEADER: "durable"})
        assert REPLAYED not in later.headers and later.json()["id"] != first["id"]


def test_at_most_max_keys_answers_are_kept(recorder):
    with MockProcess("--idempotency-max-keys", "2") as server, make_client(server.url, recorder) as client:
        ids = [
            client.post("/assistants", json={"model": "m"}, headers={HEADER: f"k{i}"}).json()["id"]
            for i in range(3)
        ]
        # k0 was the oldest of three: forgotten, so a retry with it creates anew; k2 is still kept.
        assert client.post("/assistants", json={"model": "m"}, headers={HEADER: "k2"}).json()["id"] == ids[2]
        assert client.post("/assistants", json={"model": "m"}, headers={HEADER: "k0"}).json()["id"] not in ids
