"""Following a cursor-paginated list to its end (``after`` = the page's ``last_id`` while ``has_more``).

Pages are fetched as the iterator is consumed, and only the current page is held. A server whose
cursors do not advance, come back to an earlier one, or whose pages repeat an item already seen,
would be read forever: each of these raises ``PaginationError`` instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from .errors import PaginationError


class _Cursor:
    """The cursors and item ids seen so far in one iteration."""

    def __init__(self, operation: str, client: Any, start: Any) -> None:
        self.operation = operation
        self.client = client
        self.cursors: set[str] = {start} if isinstance(start, str) else set()
        self.ids: set[Any] = set()
        self.pages = 0

    def page(self, response: Any, page_type: type, used: Any) -> Any:
        """The page in ``response`` (fetched with cursor ``used``): raises the typed error of an error
        response, a cursor that does not move, or an item already listed."""
        self.pages += 1
        page = response.parsed
        if not isinstance(page, page_type):
            raise self.client.error_for(response)
        if page.has_more and page.data and page.last_id == used:
            raise self._error(
                f"has_more is true but last_id ({page.last_id!r}) does not advance the cursor", response
            )
        for item in page.data:
            item_id = getattr(item, "id", None)
            if item_id is None:
                continue
            if item_id in self.ids:
                raise self._error(
                    f"page {self.pages} repeats {item_id!r}, already listed on an earlier page", response
                )
            self.ids.add(item_id)
        return page

    def next(self, page: Any, response: Any) -> str | None:
        """The cursor of the next page, or None after the last page."""
        if not page.has_more or not page.data:
            return None
        cursor = page.last_id
        if not isinstance(cursor, str) or not cursor:
            raise self._error(f"has_more is true but last_id is {cursor!r}", response)
        if cursor in self.cursors:
            raise self._error(
                f"has_more is true but last_id {cursor!r} goes back to a cursor already followed", response
            )
        self.cursors.add(cursor)
        return cursor

    def _error(self, problem: str, response: Any) -> PaginationError:
        return self.client.unreadable(
            f"{self.operation}: {problem}; the list cannot be followed to its end",
            response,
            kind=PaginationError,
        )


def iterate(
    fetch: Callable[[Any], Any],
    page_type: type,
    *,
    client: Any,
    operation: str,
    after: Any,
    max_pages: int | None,
) -> Iterator[Any]:
    """Every item of the pages ``fetch(cursor)`` returns (a detailed ``Response`` each), starting
    after ``after``, for at most ``max_pages`` pages."""
    cursor = _Cursor(operation, client, after)
    while max_pages is None or cursor.pages < max_pages:
        response = fetch(after)
        page = cursor.page(response, page_type, after)
        yield from page.data
        after = cursor.next(page, response)
        # Dropped before the next request: else this page and its response stay alive while the
        # next one is fetched and parsed, two pages at a time.
        del response, page
        if after is None:
            return


async def aiterate(
    fetch: Callable[[Any], Awaitable[Any]],
    page_type: type,
    *,
    client: Any,
    operation: str,
    after: Any,
    max_pages: int | None,
) -> AsyncIterator[Any]:
    """The async twin of ``iterate``."""
    cursor = _Cursor(operation, client, after)
    while max_pages is None or cursor.pages < max_pages:
        response = await fetch(after)
        page = cursor.page(response, page_type, after)
        for item in page.data:
            yield item
        after = cursor.next(page, response)
        del response, page  # as in iterate
        if after is None:
            return


__all__ = ["aiterate", "iterate"]
