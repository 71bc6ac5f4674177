"""Faults on request: x-mock-fault and --fault-rate."""

from __future__ import annotations

import time

import httpx

from .harness import MockProcess


def test_fault_header_429_has_retry_after(api):
    response = api.get("/assistants", headers={"x-mock-fault": "429"})
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 0
    assert response.json()["error"]["code"] == "rate_limit_exceeded"


def test_fault_header_500(api):
    response = api.post("/assistants", json={"model": "m"}, headers={"x-mock-fault": "500"})
    assert response.status_code == 500 and response.json()["error"]["type"] == "server_error"
    assert api.get("/assistants").json()["data"] == []  # the faulted create stored nothing


def test_fault_header_delay_then_normal_answer(api):
    started = time.monotonic()
    response = api.get("/assistants", headers={"x-mock-fault": "delay=200ms"})
    assert response.status_code == 200 and time.monotonic() - started >= 0.2


def test_faults_combine(api):
    started = time.monotonic()
    response = api.get("/assistants", headers={"x-mock-fault": "delay=100ms, 500"})
    assert response.status_code == 500 and time.monotonic() - started >= 0.1


def test_unknown_fault_is_a_400_naming_the_header(api):
    response = api.get("/assistants", headers={"x-mock-fault": "teapot"})
    assert response.status_code == 400 and response.json()["error"]["param"] == "x-mock-fault"
    assert api.get("/assistants", headers={"x-mock-fault": "delay=1h"}).status_code == 400


def test_fault_rate_injects_429_and_500(recorder):
    with MockProcess(
        "--db", ":memory:", "--fault-rate", "0.5", "--seed", "7", "--retry-after", "1"
    ) as server:
        headers = {"Authorization": "Bearer sk-mock-tenant-1", "OpenAI-Beta": "assistants=v2"}
        with httpx.Client(
            base_url=server.url, headers=headers, timeout=10, event_hooks={"response": [recorder]}
        ) as client:
            statuses = [client.get("/assistants").status_code for _ in range(60)]
            # /health is outside the API: never faulted.
            assert all(client.get(server.root_url + "/health").status_code == 200 for _ in range(5))
    assert set(statuses) == {200, 429, 500}
    assert 10 < statuses.count(200) < 50


def test_the_delay_cap_applies_to_the_sum_of_the_delays(api):
    """`delay=40s,delay=40s` would wait 80 s if each delay were capped alone: refused at once."""
    for header in ("delay=40s,delay=40s", ",".join(["delay=1s"] * 61), "delay=59s,delay=1001ms"):
        started = time.monotonic()
        response = api.get("/assistants", headers={"x-mock-fault": header}, timeout=5)
        assert response.status_code == 400, header
        assert response.json()["error"]["param"] == "x-mock-fault"
        assert time.monotonic() - started < 5
    started = time.monotonic()
    response = api.get("/assistants", headers={"x-mock-fault": "delay=100ms,delay=100ms,delay=100ms"})
    assert response.status_code == 200 and time.monotonic() - started >= 0.3
