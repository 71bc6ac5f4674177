"""The Assistants operations.

Each operation is a module with ``sync``/``asyncio`` (the parsed body, error bodies included) and
``sync_detailed``/``asyncio_detailed`` (status, headers, raw content and parsed body).

``Assistants`` and ``AsyncAssistants`` bind them to one client (``client.assistants``,
``client.aio.assistants``): each method returns the success type and raises
``errors.APIStatusError`` (a subclass per status) on any other status, as the official SDKs do.
"""

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, cast

from ... import errors
from ...models.assistant_object import AssistantObject
from ...models.create_assistant_request import CreateAssistantRequest
from ...models.delete_assistant_response import DeleteAssistantResponse
from ...models.error_response import ErrorResponse
from ...models.gateway_error_response import GatewayErrorResponse
from ...models.list_assistants_response import ListAssistantsResponse
from ...models.list_order import ListOrder
from ...models.modify_assistant_request import ModifyAssistantRequest
from ...types import UNSET, Response, Unset
from . import create_assistant as _create_assistant
from . import delete_assistant as _delete_assistant
from . import get_assistant as _get_assistant
from . import list_assistants as _list_assistants
from . import modify_assistant as _modify_assistant

if TYPE_CHECKING:
    from ...client import Client


def _success(response: Response[Any], client: "Client") -> Any:
    if not 200 <= response.status_code <= 299:
        raise errors.from_response(response, client.secrets)
    return response.parsed


class Assistants:
    """The Assistants operations on one client; methods raise on any non-2xx status."""

    def __init__(self, client: "Client") -> None:
        self._client = client

    def list_assistants(
        self,
        *,
        limit: int | Unset = 20,
        order: ListOrder | Unset = UNSET,
        after: str | Unset = UNSET,
        before: str | Unset = UNSET,
    ) -> ListAssistantsResponse:
        """List assistants (see ``list_assistants.sync_detailed``)."""
        response = _list_assistants.sync_detailed(
            client=self._client,
            limit=limit,
            order=order,
            after=after,
            before=before,
        )
        return cast(ListAssistantsResponse, _success(response, self._client))

    def list_assistants_all(
        self,
        *,
        limit: int | Unset = 20,
        order: ListOrder | Unset = UNSET,
        after: str | Unset = UNSET,
        before: str | Unset = UNSET,
        max_pages: int | None = None,
    ) -> Iterator[AssistantObject]:
        """Every item, page after page (see ``list_assistants.sync_all``)."""
        return _list_assistants.sync_all(
            client=self._client,
            limit=limit,
            order=order,
            after=after,
            before=before,
            max_pages=max_pages,
        )

    def create_assistant(
        self,
        *,
        body: CreateAssistantRequest,
    ) -> AssistantObject:
        """Create an assistant (see ``create_assistant.sync_detailed``)."""
        response = _create_assistant.sync_detailed(
            client=self._client,
            body=body,
        )
        return cast(AssistantObject, _success(response, self._client))

    def get_assistant(
        self,
        assistant_id: str,
    ) -> AssistantObject:
        """Retrieve an assistant (see ``get_assistant.sync_detailed``)."""
        response = _get_assistant.sync_detailed(
            client=self._client,
            assistant_id=assistant_id,
        )
        return cast(AssistantObject, _success(response, self._client))

    def modify_assistant(
        self,
        assistant_id: str,
        *,
        body: ModifyAssistantRequest,
    ) -> AssistantObject:
        """Modify an assistant (see ``modify_assistant.sync_detailed``)."""
        response = _modify_assistant.sync_detailed(
            client=self._client,
            assistant_id=assistant_id,
            body=body,
        )
        return cast(AssistantObject, _success(response, self._client))

    def delete_assistant(
        self,
        assistant_id: str,
    ) -> DeleteAssistantResponse:
        """Delete an assistant (see ``delete_assistant.sync_detailed``)."""
        response = _delete_assistant.sync_detailed(
            client=self._client,
            assistant_id=assistant_id,
        )
        return cast(DeleteAssistantResponse, _success(response, self._client))


class AsyncAssistants:
    """The Assistants operations on one client, async; methods raise on any non-2xx status."""

    def __init__(self, client: "Client") -> None:
        self._client = client

    async def list_assistants(
        self,
        *,
        limit: int | Unset = 20,
        order: ListOrder | Unset = UNSET,
        after: str | Unset = UNSET,
        before: str | Unset = UNSET,
    ) -> ListAssistantsResponse:
        """List assistants (see ``list_assistants.asyncio_detailed``)."""
        response = await _list_assistants.asyncio_detailed(
            client=self._client,
            limit=limit,
            order=order,
            after=after,
            before=before,
        )
        return cast(ListAssistantsResponse, _success(response, self._client))

    def list_assistants_all(
        self,
        *,
        limit: int | Unset = 20,
        order: ListOrder | Unset = UNSET,
        after: str | Unset = UNSET,
        before: str | Unset = UNSET,
        max_pages: int | None = None,
    ) -> AsyncIterator[AssistantObject]:
        """Every item, page after page (see ``list_assistants.asyncio_all``)."""
        return _list_assistants.asyncio_all(
            client=self._client,
            limit=limit,
            order=order,
            after=after,
            before=before,
            max_pages=max_pages,
        )

    async def create_assistant(
        self,
        *,
        body: CreateAssistantRequest,
    ) -> AssistantObject:
        """Create an assistant (see ``create_assistant.asyncio_detailed``)."""
        response = await _create_assistant.asyncio_detailed(
            client=self._client,
            body=body,
        )
        return cast(AssistantObject, _success(response, self._client))

    async def get_assistant(
        self,
        assistant_id: str,
    ) -> AssistantObject:
        """Retrieve an assistant (see ``get_assistant.asyncio_detailed``)."""
        response = await _get_assistant.asyncio_detailed(
            client=self._client,
            assistant_id=assistant_id,
        )
        return cast(AssistantObject, _success(response, self._client))

    async def modify_assistant(
        self,
        assistant_id: str,
        *,
        body: ModifyAssistantRequest,
    ) -> AssistantObject:
        """Modify an assistant (see ``modify_assistant.asyncio_detailed``)."""
        response = await _modify_assistant.asyncio_detailed(
            client=self._client,
            assistant_id=assistant_id,
            body=body,
        )
        return cast(AssistantObject, _success(response, self._client))

    async def delete_assistant(
        self,
        assistant_id: str,
    ) -> DeleteAssistantResponse:
        """Delete an assistant (see ``delete_assistant.asyncio_detailed``)."""
        response = await _delete_assistant.asyncio_detailed(
            client=self._client,
            assistant_id=assistant_id,
        )
        return cast(DeleteAssistantResponse, _success(response, self._client))


__all__ = ["Assistants", "AsyncAssistants"]
