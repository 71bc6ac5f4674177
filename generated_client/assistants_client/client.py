"""The client: the spec's facts on top of the runtime's ``BaseClient``.

One line per way in::

    Client.portkey(api_key="pk-...", virtual_key="vk-...")        # Portkey's hosted gateway
    Client.openai(api_key="sk-...")                                # OpenAI directly
    Client.gateway("http://127.0.0.1:8787/v1", provider="openai", api_key="sk-...")  # self-hosted gateway
"""

from typing import TYPE_CHECKING

from attrs import define

from ._runtime.base_client import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    BaseClient,
    SpecFacts,
)
from ._runtime.retry import (
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    parse_retry_after,
)

if TYPE_CHECKING:
    from .api.assistants import Assistants, AsyncAssistants

FACTS = SpecFacts(
    beta_header="OpenAI-Beta",
    beta_profiles={
        "v2": "assistants=v2",
        "v1": "assistants=v1",
    },
    default_beta_profile="v2",
    openai_base_url="https://api.openai.com/v1",
    portkey_base_url="https://api.portkey.ai/v1",
    portkey_api_key_header="x-portkey-api-key",
    portkey_virtual_key_header="x-portkey-virtual-key",
    portkey_provider_header="x-portkey-provider",
    portkey_custom_host_header="x-portkey-custom-host",
    portkey_config_header="x-portkey-config",
    bearer_header="Authorization",
    credential_headers=(
        "Authorization",
        "x-portkey-api-key",
        "x-portkey-config",
        "x-portkey-custom-host",
        "x-portkey-provider",
        "x-portkey-virtual-key",
    ),
    request_id_header="x-request-id",
    idempotency_header="Idempotency-Key",
)
BETA_HEADER = FACTS.beta_header
BETA_PROFILES = FACTS.beta_profiles
DEFAULT_BETA_PROFILE = FACTS.default_beta_profile
OPENAI_BASE_URL = FACTS.openai_base_url
PORTKEY_BASE_URL = FACTS.portkey_base_url


@define
class Client(BaseClient):
    __doc__ = BaseClient.__doc__
    facts = FACTS

    @property
    def assistants(self) -> "Assistants":
        """The Assistants operations on this client; they raise on any non-2xx status."""
        # Imported here because the api package imports this module.
        from .api.assistants import Assistants

        return Assistants(self)

    @property
    def aio(self) -> "AsyncOperations":
        """The same operations, async: ``await client.aio.assistants....``."""
        return AsyncOperations(self)


class AsyncOperations:
    """Async operations bound to a client (``client.aio``)."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @property
    def assistants(self) -> "AsyncAssistants":
        from .api.assistants import AsyncAssistants

        return AsyncAssistants(self._client)


__all__ = [
    "BETA_HEADER",
    "BETA_PROFILES",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "AsyncRetryTransport",
    "Client",
    "RetryPolicy",
    "RetryTransport",
    "parse_retry_after",
]
