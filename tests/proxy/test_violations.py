"""Through the proxy to broken variants of the mock: each bug is reported once, with the side that
has it (the server) and the clause it breaks; an app that sends what the contract refuses is
reported as side client; the correct mock gets no server violation for the same traffic."""

from __future__ import annotations

import contextlib
import re

import httpx
import openai
import pytest

from .conftest import KEY_1, KEY_2, VIRTUAL_KEY, broken_mock

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

LINE = re.compile(r"^VIOLATION \[(?P<side>client|server)\] (?P<operation>\S+ \S+) (?P<check>\w+): ")
LONG = "x" * 1500  # longer than what truncate_instructions keeps


def sdk(url: str, key: str = KEY_1) -> openai.OpenAI:
    return openai.OpenAI(api_key=key, base_url=url, max_retries=0, timeout=10)


def step(action) -> None:
    # How the SDK copes with a broken server is not what these tests look at.
    with contextlib.suppress(openai.OpenAIError, httpx.HTTPError, ValueError):
        action()


def app_session(url: str) -> None:
    """An ordinary app: create, read, modify, list, delete, read again; a second tenant looks around."""
    one, two = sdk(url), sdk(url, KEY_2)
    created = one.beta.assistants.create(
        model="gpt-4o", name="Tutor", instructions=LONG, description="d", metadata={"team": "edu"}
    )
    step(lambda: one.beta.assistants.retrieve(created.id))
    step(lambda: one.beta.assistants.update(created.id, name="Renamed"))
    step(lambda: one.beta.assistants.retrieve(created.id))
    step(lambda: one.beta.assistants.list(limit=5))
    step(lambda: two.beta.assistants.retrieve(created.id))
    step(lambda: two.beta.assistants.list(limit=5))
    step(lambda: one.beta.assistants.delete(created.id))
    step(lambda: one.beta.assistants.retrieve(created.id))
    portkey_tenants(url)


def portkey_tenants(url: str) -> None:
    """Two Portkey tenants (same virtual key, different API keys): the second looks for the first's."""
    one, two = (
        {"x-portkey-api-key": key, "x-portkey-virtual-key": VIRTUAL_KEY, "OpenAI-Beta": "assistants=v2"}
        for key in (KEY_1, KEY_2)
    )
    created = httpx.post(url + "/assistants", headers=one, json={"model": "gpt-4o"}, timeout=10).json()
    httpx.get(url + f"/assistants/{created.get('id')}", headers=two, timeout=10)
    httpx.get(url + "/assistants", headers=two, timeout=10)


def buggy_app(url: str) -> None:
    """An app with bugs of its own: an out-of-range value, no beta header, no credentials, a method
    the contract does not have."""
    headers = {"Authorization": f"Bearer {KEY_1}", "OpenAI-Beta": "assistants=v2"}
    httpx.post(url + "/assistants", headers=headers, json={"model": "gpt-4o", "temperature": 5}, timeout=10)
    httpx.get(url + "/assistants", headers={"Authorization": f"Bearer {KEY_1}"}, timeout=10)
    httpx.get(url + "/assistants", headers={"OpenAI-Beta": "assistants=v2"}, timeout=10)
    httpx.put(url + "/assistants", headers=headers, json={}, timeout=10)  # a method the path lacks


def seen(lines: list[str]) -> set[tuple[str, str]]:
    found = set()
    for line in lines:
        match = LINE.match(line)
        if match:
            found.add((match["side"], match["check"]))
    return found


CLIENT_BUGS = {
    ("client", "request_method"),
    ("client", "request_body"),
    ("client", "request_headers"),
    ("client", "request_credentials"),
}


def test_correct_mock_only_the_apps_own_bugs(fresh_upstream, start_proxy):
    proxy = start_proxy(fresh_upstream.url)
    app_session(proxy.url)
    buggy_app(proxy.url)
    proxy.stop()
    assert seen(proxy.lines) == CLIENT_BUGS, proxy.violations()
    # Each distinct violation is printed once, however often it happens.
    assert len(proxy.violations()) == len(set(proxy.violations()))


# variant -> what the proxy must report for it (side, check)
VARIANTS = {
    "drop_created_at": {("server", "response_body")},
    "wrong_object_type": {("server", "response_body")},
    "list_without_has_more": {("server", "response_body")},
    "create_answers_201": {("server", "status_declared")},
    "success_as_text_plain": {("server", "response_content_type")},
    "errors_not_json": {("server", "response_content_type"), ("server", "error_body")},
    "validation_is_422": {("server", "status_declared")},
    "clamp_temperature": {("server", "refused_request_accepted")},
    "beta_header_optional": {("server", "refused_request_accepted")},
    "anonymous_accepted": {("server", "refused_request_accepted")},
    "truncate_instructions": {("server", "answer_carries_request")},
    "drop_metadata_on_create": {("server", "answer_carries_request")},
    "modify_not_stored": {("server", "reads_show_last_write")},
    "undeclared_method_without_allow": {("server", "undeclared_method_answer")},
    "undeclared_method_is_plain_404": {("server", "undeclared_method_answer")},
    "modify_not_partial": {("server", "modify_keeps_other_fields")},
    "delete_keeps_object": {("server", "deleted_stays_gone")},
    "tenant_leak_on_read": {("server", "tenants_isolated")},
    "shared_tenant": {("server", "tenants_isolated")},
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_broken_server_is_reported_with_side_and_clause(variant, start_proxy):
    with broken_mock(variant) as mock:
        proxy = start_proxy(mock.url)
        step(lambda: app_session(proxy.url))
        buggy_app(proxy.url)
        proxy.stop()
    found = seen(proxy.lines)
    assert VARIANTS[variant] <= found, proxy.violations()
    # The app's own bugs are still the app's, whatever the server does with them.
    assert not {f for f in found if f[0] == "client"} - CLIENT_BUGS, proxy.violations()


def test_v1_answers_judged_under_the_v1_profile(start_proxy):
    body = {"model": "gpt-4o", "name": "v1", "instructions": "i", "tools": [{"type": "retrieval"}]}
    headers = {"Authorization": f"Bearer {KEY_1}", "OpenAI-Beta": "assistants=v1"}
    with broken_mock("v1_answers_in_v2_shape") as mock:
        proxy = start_proxy(mock.url)
        created = httpx.post(proxy.url + "/assistants", headers=headers, json=body, timeout=10).json()
        httpx.get(proxy.url + f"/assistants/{created['id']}", headers=headers, timeout=10)
        proxy.stop()
    assert seen(proxy.lines) == {("server", "response_body")}, proxy.violations()


def test_forced_profile_reports_requests_for_another_profile(fresh_upstream, start_proxy):
    proxy = start_proxy(fresh_upstream.url, "--beta", "v1")
    step(lambda: sdk(proxy.url).beta.assistants.list())  # the SDK speaks v2
    proxy.stop()
    assert ("client", "request_headers") in seen(proxy.lines), proxy.violations()


def test_concurrent_writes_and_reads_raise_no_false_alarm(fresh_upstream, start_proxy):
    """Reads that ran beside a modify of the same assistant may show either value: not judged."""
    import concurrent.futures

    proxy = start_proxy(fresh_upstream.url)
    created = sdk(proxy.url).beta.assistants.create(model="gpt-4o", name="start")

    def worker(n: int) -> None:
        client = sdk(proxy.url)
        for i in range(15):
            client.beta.assistants.update(created.id, name=f"w{n}-{i}", metadata={"n": str(i)})
            client.beta.assistants.retrieve(created.id)
            client.beta.assistants.list(limit=3)

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(worker, range(8)))
    sdk(proxy.url).beta.assistants.retrieve(created.id)
    proxy.stop()
    assert proxy.violations() == []


def test_create_time_helpers_and_write_only_fields_raise_no_false_alarm(fresh_upstream, start_proxy):
    """The vector store helper is answered as a new store id, reasoning_effort is not answered at
    all: neither is a field the answer must carry as sent."""
    proxy = start_proxy(fresh_upstream.url)
    client = sdk(proxy.url)
    created = client.beta.assistants.create(
        model="o3-mini",
        reasoning_effort="low",
        tools=[{"type": "file_search"}],
        tool_resources={"file_search": {"vector_stores": [{"file_ids": ["file_1"]}]}},
    )
    assert created.tool_resources.file_search.vector_store_ids  # answered as a new store
    client.beta.assistants.update(created.id, reasoning_effort="high", name="n")
    client.beta.assistants.retrieve(created.id)
    proxy.stop()
    assert proxy.violations() == []
