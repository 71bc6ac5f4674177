"""Iterating over every assistant: follows `after` = last_id while has_more, sync and async."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from assistants_client import errors
from assistants_client.api.assistants import list_assistants
from assistants_client.models import AssistantObject, ListOrder

from .conftest import Recorder, assistant_example


def store(count: int) -> list[dict[str, Any]]:
    return [
        {**assistant_example(), "id": f"asst_{i:03d}", "created_at": 1700000000 + i} for i in range(count)
    ]


def paging_server(items: list[dict[str, Any]]):
    """Answers list requests like the API: `limit` items after the `after` cursor."""

    def answer(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        limit = int(params.get("limit", "20"))
        start = 0
        if "after" in params:
            start = [item["id"] for item in items].index(params["after"]) + 1
        page = items[start : start + limit]
        return httpx.Response(
            200,
            json={
                "object": "list",
                "data": page,
                "first_id": page[0]["id"] if page else None,
                "last_id": page[-1]["id"] if page else None,
                "has_more": start + limit < len(items),
            },
        )

    return answer


@pytest.fixture
def recorder() -> Recorder:
    return Recorder(paging_server(store(7)))


def test_sync_all_yields_every_assistant_in_order_following_the_cursor(
    make_client, recorder: Recorder
) -> None:
    found = list(list_assistants.sync_all(client=make_client(), limit=3, order=ListOrder.ASC))
    assert [a.id for a in found] == [f"asst_{i:03d}" for i in range(7)]
    assert all(isinstance(a, AssistantObject) for a in found)
    cursors = [r.url.params.get("after") for r in recorder.requests]
    assert cursors == [None, "asst_002", "asst_005"]
    assert all(r.url.params["order"] == "asc" and r.url.params["limit"] == "3" for r in recorder.requests)


def test_sync_all_fetches_pages_lazily(make_client, recorder: Recorder) -> None:
    iterator = list_assistants.sync_all(client=make_client(), limit=3)
    assert next(iterator).id == "asst_000"
    assert len(recorder.requests) == 1


def test_sync_all_starts_after_the_given_cursor(make_client, recorder: Recorder) -> None:
    found = list(list_assistants.sync_all(client=make_client(), limit=10, after="asst_004"))
    assert [a.id for a in found] == ["asst_005", "asst_006"]


def test_max_pages_bounds_the_number_of_requests(make_client, recorder: Recorder) -> None:
    found = list(list_assistants.sync_all(client=make_client(), limit=2, max_pages=2))
    assert len(found) == 4 and len(recorder.requests) == 2


def test_an_empty_list_yields_nothing_in_one_request(make_client) -> None:
    recorder = Recorder(paging_server([]))
    from assistants_client import Client

    client = Client.openai("sk-x", transport=httpx.MockTransport(recorder))
    assert list(list_assistants.sync_all(client=client)) == []
    assert len(recorder.requests) == 1


def test_an_error_page_raises_the_typed_error_even_without_raise_on_error(
    make_client, recorder: Recorder
) -> None:
    body = {
        "error": {
            "message": "Invalid API key",
            "type": "invalid_request_error",
            "param": None,
            "code": "invalid_api_key",
        }
    }
    recorder.queue.extend(
        [
            httpx.Response(
                200, json=paging_server(store(7))(httpx.Request("GET", "http://x/?limit=3")).json()
            ),
            httpx.Response(401, json=body),
        ]
    )
    iterator = list_assistants.sync_all(client=make_client(), limit=3)
    assert len([next(iterator) for _ in range(3)]) == 3
    with pytest.raises(errors.AuthenticationError, match="Invalid API key"):
        next(iterator)


def test_a_cursor_that_does_not_advance_is_an_error_not_an_endless_loop(make_client) -> None:
    stuck = {
        "object": "list",
        "data": [assistant_example()],
        "first_id": "asst_abc123",
        "last_id": "asst_abc123",
        "has_more": True,
    }
    recorder = Recorder(lambda request: httpx.Response(200, json=stuck))
    from assistants_client import Client

    client = Client.openai("sk-x", transport=httpx.MockTransport(recorder))
    with pytest.raises(errors.ResponseParseError, match="does not advance"):
        list(list_assistants.sync_all(client=client))
    assert len(recorder.requests) == 2


@pytest.mark.anyio
async def test_asyncio_all_yields_every_assistant_following_the_cursor(
    make_client, recorder: Recorder
) -> None:
    client = make_client()
    found = [a.id async for a in list_assistants.asyncio_all(client=client, limit=4)]
    assert found == [f"asst_{i:03d}" for i in range(7)]
    assert [r.url.params.get("after") for r in recorder.requests] == [None, "asst_003"]
    await client.aclose()


def _page(ids: list[str], last_id: str, has_more: bool = True) -> dict[str, Any]:
    data = [{**assistant_example(), "id": i} for i in ids]
    return {
        "object": "list",
        "data": data,
        "first_id": ids[0] if ids else None,
        "last_id": last_id,
        "has_more": has_more,
    }


def cycling_server(pages: dict[str | None, dict[str, Any]], budget: int = 50):
    """Answers from ``pages`` by cursor; gives up after ``budget`` requests, so a client that loops
    fails this test instead of hanging it."""
    served = []

    def answer(request: httpx.Request) -> httpx.Response:
        served.append(request)
        if len(served) > budget:
            raise RuntimeError(f"the client kept paginating: {len(served)} requests")
        return httpx.Response(200, json=pages[request.url.params.get("after")])

    return answer


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.anyio
async def test_cursors_that_come_back_raise_a_pagination_error(is_async: bool) -> None:
    from assistants_client import Client

    # Cursors a -> b -> a: new items each time, but the list never ends.
    pages = {None: _page(["asst_1"], "a"), "a": _page(["asst_2"], "b"), "b": _page(["asst_3"], "a")}
    recorder = Recorder(cycling_server(pages))
    client = Client.openai(
        "sk-x", transport=httpx.MockTransport(recorder), async_transport=httpx.MockTransport(recorder)
    )
    with pytest.raises(errors.PaginationError, match="goes back to a cursor already followed") as caught:
        if is_async:
            [a async for a in client.aio.assistants.list_assistants_all()]
        else:
            list(client.assistants.list_assistants_all())
    assert len(recorder.requests) == 3
    assert isinstance(caught.value, errors.ResponseParseError)


def test_an_item_listed_again_on_a_later_page_raises_a_pagination_error() -> None:
    from assistants_client import Client

    # The cursor advances (last_id differs every time) but the pages repeat the same assistants.
    pages = {None: _page(["asst_1", "asst_2"], "c1")}
    pages |= {f"c{i}": _page(["asst_1", "asst_2"], f"c{i + 1}") for i in range(1, 60)}
    recorder = Recorder(cycling_server(pages))
    client = Client.openai("sk-x", transport=httpx.MockTransport(recorder))
    found = []
    with pytest.raises(errors.PaginationError, match="page 2 repeats 'asst_1'"):
        found.extend(client.assistants.list_assistants_all())
    assert [a.id for a in found] == ["asst_1", "asst_2"], "nothing of the repeating page is handed out"
    assert len(recorder.requests) == 2


def test_a_last_id_missing_while_has_more_is_an_error() -> None:
    from assistants_client import Client

    page = _page(["asst_1"], "x")
    page["last_id"] = None
    recorder = Recorder(cycling_server({None: page}))
    client = Client.openai("sk-x", transport=httpx.MockTransport(recorder))
    with pytest.raises(errors.PaginationError, match="last_id is None"):
        list(list_assistants.sync_all(client=client))
