"""Iterating every assistant holds one page at a time: over 10,000 assistants, the models alive and the
memory used stay those of one page, whatever the number of pages."""

from __future__ import annotations

import gc
import json
import tracemalloc
from collections.abc import Callable

import assistants_spec
import httpx
import pytest
from assistants_client import Client
from assistants_client.models import AssistantObject, ListAssistantsResponse

from .conftest import API_KEY, response_example

TOTAL = 10_000


def _page_size() -> int:
    """The largest page the spec allows."""
    limit = assistants_spec.load_spec().view().operation("listAssistants").parameter("limit")
    return limit.schema["maximum"]


def _live(cls: type) -> int:
    return sum(1 for o in gc.get_objects() if type(o) is cls)


class PagingServer:
    """Answers list requests with `limit` realistic assistants after `after`, written per request as
    bytes (the test keeps none of them, and builds no Python objects for them); every `sample`-th
    request counts the models alive in the client."""

    def __init__(self, total: int, sample: int | None) -> None:
        self.total = total
        self.sample = sample
        self.requests = 0
        self.alive: list[tuple[int, int]] = []  # (assistants, pages) alive while a request is served
        template = {**response_example("post", "/assistants", "support_agent"), "id": "asst_@@@@@"}
        self.template = json.dumps(template).encode()

    def item(self, i: int) -> bytes:
        return self.template.replace(b"asst_@@@@@", f"asst_{i:05d}".encode())

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.sample and self.requests % self.sample == 0:
            self.alive.append((_live(AssistantObject), _live(ListAssistantsResponse)))
        self.requests += 1
        params = request.url.params
        start = int(params["after"].removeprefix("asst_")) + 1 if "after" in params else 0
        end = min(start + int(params["limit"]), self.total)
        ids = [f"asst_{i:05d}" for i in range(start, end)]
        page = {"object": "list", "data": [], "first_id": ids[0] if ids else None}
        page |= {"last_id": ids[-1] if ids else None, "has_more": end < self.total}
        head, tail = json.dumps(page).encode().split(b"[]")
        data = b",".join(self.item(i) for i in range(start, end))
        return httpx.Response(
            200, content=head + b"[" + data + b"]" + tail, headers={"content-type": "application/json"}
        )


def _client(server: Callable[[httpx.Request], httpx.Response]) -> Client:
    transport = httpx.MockTransport(server)
    return Client.openai(
        API_KEY, base_url="http://api.test/v1", transport=transport, async_transport=transport
    )


def test_listing_every_assistant_holds_one_page_of_models_at_a_time() -> None:
    size = _page_size()
    server = PagingServer(TOTAL, sample=10)
    seen = 0
    for assistant in _client(server).assistants.list_assistants_all(limit=size):
        assert assistant.id == f"asst_{seen:05d}"
        seen += 1
    assert seen == TOTAL and server.requests == TOTAL // size
    assert len(server.alive) >= 10
    # While the next page is fetched, only the assistant the loop still names is alive: the page
    # before it, its models and its JSON are gone.
    assert max(alive for alive, _ in server.alive) <= 1, server.alive
    assert max(pages for _, pages in server.alive) == 0, server.alive


def test_listing_every_assistant_uses_the_memory_of_one_page() -> None:
    size = _page_size()
    client = _client(PagingServer(TOTAL, sample=None))  # counting would allocate (gc.get_objects)
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        page = client.assistants.list_assistants(limit=size)
        ids = [a.id for a in page.data]  # the items built, as iterating builds them
        one_page = tracemalloc.get_traced_memory()[0] - base
        del page, ids
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        count = sum(1 for _ in client.assistants.list_assistants_all(limit=size))
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert count == TOTAL
    # Holding every page would be TOTAL / size (100) times one page. What is measured is 3 to 5
    # times: the page in hand, the bytes of the next one, and what Python's cycle collector has not
    # yet freed (httpx's request and response objects point at each other). The client drops each
    # answer's stream once read, which breaks the cycle that held every body's bytes (8-9 times
    # before). That two pages of models are never alive together is what the test above shows.
    assert peak < 8 * one_page, (peak, one_page)


@pytest.mark.anyio
async def test_async_listing_holds_one_page_at_a_time() -> None:
    size = _page_size()
    server = PagingServer(20 * size, sample=2)
    seen = 0
    async for assistant in _client(server).aio.assistants.list_assistants_all(limit=size):
        assert assistant.id == f"asst_{seen:05d}"
        seen += 1
    assert seen == 20 * size
    # The loop's variable and the iterator's own last item: one page is never alive during a fetch.
    assert max(alive for alive, _ in server.alive) <= 2, server.alive
    assert max(pages for _, pages in server.alive) == 0, server.alive
