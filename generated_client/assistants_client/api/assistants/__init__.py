"""The Assistants operations.

Each operation is a module with ``sync``/``asyncio`` (the parsed body, error bodies included) and
``sync_detailed``/``asyncio_detailed`` (status, headers, raw content and parsed body).

``Assistants`` and ``AsyncAssistants`` bind them to one client (``client.assistants``,
``client.aio.assistants``): each method returns the success type and raises
``errors.APIStatusError`` (a subclass per status) on any other status, as the official SDKs do.
"""

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, cast

from ...models.assistant_object import AssistantObject
from ...models.create_assistant_request import CreateAssistantRequest
from ...models.delete_assistant_response import DeleteAssistantResponse
from ...models.error_response import ErrorResponse
from ...models.gateway_error_response import GatewayErrorResponse
from ...models.list_assistants_response import ListAssistantsResponse
from ...models.list_order import ListOrder
from ...models.modify_assistant_request import ModifyAssistantRequest
from ...types import UNSET, Unset
from . import create_assistant as _create_assistant
from . import delete_assistant as _delete_assistant
from . import get_assistant as _get_assistant
from . import list_assistants as _list_assistants
from . import modify_assistant as _modify_assistant

if TYPE_CHECKING:
    from ...client import Client


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
        client = self._client
        response = client.get_httpx_client().request(
            **_list_assistants._get_kwargs(
                limit=limit,
                order=order,
                after=after,
                before=before,
            )
        )
        return _list_assistants._success_or_raise(client=client, response=response)

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
        client = self._client
        response = client.get_httpx_client().request(
            **_create_assistant._get_kwargs(
                body=body,
            )
        )
        return _create_assistant._success_or_raise(client=client, response=response)

    def get_assistant(
        self,
        assistant_id: str,
    ) -> AssistantObject:
        """Retrieve an assistant (see ``get_assistant.sync_detailed``)."""
        client = self._client
        response = client.get_httpx_client().request(
            **_get_assistant._get_kwargs(
                assistant_id=assistant_id,
            )
        )
        return _get_assistant._success_or_raise(client=client, response=response)

    def modify_assistant(
        self,
        assistant_id: str,
        *,
        body: ModifyAssistantRequest,
    ) -> AssistantObject:
        """Modify an assistant (see ``modify_assistant.sync_detailed``)."""
        client = self._client
        response = client.get_httpx_client().request(
            **_modify_assistant._get_kwargs(
                assistant_id=assistant_id,
                body=body,
            )
        )
        return _modify_assistant._success_or_raise(client=client, response=response)

    def delete_assistant(
        self,
        assistant_id: str,
    ) -> DeleteAssistantResponse:
        """Delete an assistant (see ``delete_assistant.sync_detailed``)."""
        client = self._client
        response = client.get_httpx_client().request(
            **_delete_assistant._get_kwargs(
                assistant_id=assistant_id,
            )
        )
        return _delete_assistant._success_or_raise(client=client, response=response)


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
        client = self._client
        response = await client.get_async_httpx_client().request(
            **_list_assistants._get_kwargs(
                limit=limit,
                order=order,
                after=after,
                before=before,
            )
        )
        return _list_assistants._success_or_raise(client=client, response=response)

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
        client = self._client
        response = await client.get_async_httpx_client().request(
            **_create_assistant._get_kwargs(
                body=body,
            )
        )
        return _create_assistant._success_or_raise(client=client, response=response)

    async def get_assistant(
        self,
        assistant_id: str,
    ) -> AssistantObject:
        """Retrieve an assistant (see ``get_assistant.asyncio_detailed``)."""
        client = self._client
        response = await client.get_async_httpx_client().request(
            **_get_assistant._get_kwargs(
                assistant_id=assistant_id,
            )
        )
        return _get_assistant._success_or_raise(client=client, response=response)

    async def modify_assistant(
        self,
        assistant_id: str,
        *,
        body: ModifyAssistantRequest,
    ) -> AssistantObject:
        """Modify an assistant (see ``modify_assistant.asyncio_detailed``)."""
        client = self._client
        response = await client.get_async_httpx_client().request(
            **_modify_assistant._get_kwargs(
                assistant_id=assistant_id,
                body=body,
            )
        )
        return _modify_assistant._success_or_raise(client=client, response=response)

    async def delete_assistant(
        self,
        assistant_id: str,
    ) -> DeleteAssistantResponse:
        """Delete an assistant (see ``delete_assistant.asyncio_detailed``)."""
        client = self._client
        response = await client.get_async_httpx_client().request(
            **_delete_assistant._get_kwargs(
                assistant_id=assistant_id,
            )
        )
        return _delete_assistant._success_or_raise(client=client, response=response)


__all__ = ["Assistants", "AsyncAssistants"]
