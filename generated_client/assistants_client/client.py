"""The client: where requests go, how they authenticate, which API version they ask for, and retries.

One line per way in::

    Client.portkey(api_key="pk-...", virtual_key="vk-...")        # Portkey's hosted gateway
    Client.openai(api_key="sk-...")                                # OpenAI directly
    Client.gateway("http://127.0.0.1:8787/v1", provider="openai", api_key="sk-...")  # self-hosted gateway
"""

import email.utils
import logging
import os
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Self

import httpx
from attrs import define, evolve, field
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    stop_after_attempt,
    wait_exponential_jitter,
)

if TYPE_CHECKING:
    from .api.assistants import Assistants, AsyncAssistants

BETA_HEADER = "OpenAI-Beta"
BETA_PROFILES: dict[str, str] = {
    "v2": "assistants=v2",
    "v1": "assistants=v1",
}
DEFAULT_BETA_PROFILE = "v2"
PORTKEY_BASE_URL = "https://api.portkey.ai/v1"
OPENAI_BASE_URL = "https://api.openai.com/v1"
PORTKEY_API_KEY_HEADER = "x-portkey-api-key"
PORTKEY_VIRTUAL_KEY_HEADER = "x-portkey-virtual-key"
PORTKEY_PROVIDER_HEADER = "x-portkey-provider"
PORTKEY_CUSTOM_HOST_HEADER = "x-portkey-custom-host"

logger = logging.getLogger("assistants_client")

# Creating an assistant is quick; a long read timeout only hides a stuck connection.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2

# Connection errors. Connect errors and pool timeouts never reached the server; a read/protocol error
# is almost always a kept-alive connection the server had closed, which the official SDKs retry too.
# Read timeouts are not retried: the server may still be creating the assistant.
RETRYABLE_EXCEPTIONS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.RemoteProtocolError,
    httpx.ReadError,
    httpx.WriteError,
)


def retry_after_seconds(headers: httpx.Headers) -> float | None:
    """Seconds the server asked to wait (``retry-after-ms``, or ``Retry-After`` in seconds or as a date)."""
    milliseconds = headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(float(milliseconds) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # neither seconds nor a date: fall back to backoff
    return max(when.timestamp() - time.time(), 0.0)


@define(frozen=True)
class RetryPolicy:
    """When and how long to wait before sending a request again.

    Retried: connection errors (see ``RETRYABLE_EXCEPTIONS``), 429 and every 5xx, at most
    ``max_retries`` times. The wait is exponential with jitter (``backoff_initial`` doubling up to
    ``backoff_max``), or exactly what ``Retry-After`` asks; a response asking for more than
    ``max_retry_after`` seconds is returned as is rather than waited for.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    max_retry_after: float = 60.0

    def __attrs_post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {self.max_retries}")

    @staticmethod
    def is_retryable_status(status_code: int) -> bool:
        return status_code == 429 or status_code >= 500

    def should_retry(self, state: RetryCallState) -> bool:
        outcome = state.outcome
        if outcome is None:
            return False
        if outcome.failed:
            return isinstance(outcome.exception(), RETRYABLE_EXCEPTIONS)
        response: httpx.Response = outcome.result()
        if not self.is_retryable_status(response.status_code):
            return False
        asked = retry_after_seconds(response.headers)
        return asked is None or asked <= self.max_retry_after

    def wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        if outcome is not None and not outcome.failed:
            asked = retry_after_seconds(outcome.result().headers)
            if asked is not None:
                return asked
        return self._backoff(state)

    @property
    def _backoff(self) -> wait_exponential_jitter:
        return wait_exponential_jitter(
            multiplier=self.backoff_initial,
            max=self.backoff_max,
            jitter=self.backoff_initial,
        )


def _give_back_last(state: RetryCallState) -> httpx.Response:
    # Out of retries: the caller gets the last response (or its exception), not a RetryError.
    assert state.outcome is not None
    return state.outcome.result()


def _log_retry(
    request: httpx.Request, state: RetryCallState, policy: RetryPolicy
) -> None:
    # Method and path only: headers carry the credentials, and the query never does here.
    outcome = state.outcome
    reason = (
        f"{type(outcome.exception()).__name__}"
        if outcome.failed
        else f"status {outcome.result().status_code}"
    )
    wait = state.next_action.sleep if state.next_action is not None else 0.0
    logger.info(
        "retrying %s %s in %.2f s after %s (retry %d of %d)",
        request.method,
        request.url.path,
        wait,
        reason,
        state.attempt_number,
        policy.max_retries,
    )


def _close_discarded(
    request: httpx.Request, policy: RetryPolicy
) -> Callable[[RetryCallState], None]:
    def before_sleep(state: RetryCallState) -> None:
        _log_retry(request, state, policy)
        if not state.outcome.failed:
            state.outcome.result().close()

    return before_sleep


def _aclose_discarded(
    request: httpx.Request, policy: RetryPolicy
) -> Callable[[RetryCallState], Awaitable[None]]:
    async def before_sleep(state: RetryCallState) -> None:
        _log_retry(request, state, policy)
        if not state.outcome.failed:
            await state.outcome.result().aclose()

    return before_sleep


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport and sends a request again as ``policy`` says; tenacity runs the retry loop."""

    def __init__(
        self,
        transport: httpx.BaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._transport = transport
        self._policy = policy
        self._sleep = sleep

    def _retrying(self, request: httpx.Request) -> Retrying:
        return Retrying(
            stop=stop_after_attempt(self._policy.max_retries + 1),
            wait=self._policy.wait,
            retry=self._policy.should_retry,
            before_sleep=_close_discarded(request, self._policy),
            retry_error_callback=_give_back_last,
            sleep=self._sleep,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        # The first attempt runs before any retry machinery: almost every request succeeds first
        # time, and building a tenacity loop per call would cost more than the rest of the client.
        try:
            first: httpx.Response | Exception = self._transport.handle_request(request)
        except RETRYABLE_EXCEPTIONS as error:
            if self._policy.max_retries == 0:
                raise
            first = error
        else:
            if self._policy.max_retries == 0 or not self._policy.is_retryable_status(
                first.status_code
            ):
                return first
        # Tenacity takes over with the first outcome as attempt 1 (so its Retry-After is honoured).
        pending: httpx.Response | Exception | None = first
        response = None
        for attempt in self._retrying(request):
            with attempt:
                if pending is None:
                    response = self._transport.handle_request(request)
                else:
                    outcome, pending = pending, None
                    if isinstance(outcome, Exception):
                        raise outcome
                    response = outcome
            if not attempt.retry_state.outcome.failed:
                attempt.retry_state.set_result(response)
        return response

    def close(self) -> None:
        self._transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """The async twin of ``RetryTransport``."""

    def __init__(
        self,
        transport: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._transport = transport
        self._policy = policy
        self._sleep = sleep

    def _retrying(self, request: httpx.Request) -> AsyncRetrying:
        options: dict[str, Any] = (
            {"sleep": self._sleep} if self._sleep is not None else {}
        )
        return AsyncRetrying(
            stop=stop_after_attempt(self._policy.max_retries + 1),
            wait=self._policy.wait,
            retry=self._policy.should_retry,
            before_sleep=_aclose_discarded(request, self._policy),
            retry_error_callback=_give_back_last,
            **options,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            first: (
                httpx.Response | Exception
            ) = await self._transport.handle_async_request(request)
        except RETRYABLE_EXCEPTIONS as error:
            if self._policy.max_retries == 0:
                raise
            first = error
        else:
            if self._policy.max_retries == 0 or not self._policy.is_retryable_status(
                first.status_code
            ):
                return first
        pending: httpx.Response | Exception | None = first
        response = None
        async for attempt in self._retrying(request):
            with attempt:
                if pending is None:
                    response = await self._transport.handle_async_request(request)
                else:
                    outcome, pending = pending, None
                    if isinstance(outcome, Exception):
                        raise outcome
                    response = outcome
            if not attempt.retry_state.outcome.failed:
                attempt.retry_state.set_result(response)
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()


def _checked_base_url(base_url: str) -> str:
    url = httpx.URL(base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            f"base_url must be an absolute http(s) URL such as {OPENAI_BASE_URL!r}, got {base_url!r}"
        )
    return base_url.rstrip("/")


def _required(value: str | None, name: str, env: str | None = None) -> str:
    if value is None and env is not None:
        value = os.environ.get(env)
    if not value:
        where = f" (or set {env})" if env else ""
        raise ValueError(f"{name} is required{where}")
    return value


@define
class Client:
    """Where and how to send requests. Build one with ``Client.portkey``, ``Client.openai`` or
    ``Client.gateway``; pass it as ``client=`` to the functions in ``assistants_client.api``.

    Attributes:
        base_url: the API root, e.g. ``https://api.openai.com/v1``.
        beta: the Assistants API version, a key of ``BETA_PROFILES`` (``"v2"`` by default, ``"v1"``
            for the legacy shape); sent as the ``OpenAI-Beta`` header on every request.
        timeout: an ``httpx.Timeout`` or seconds (default: 60 s, 5 s to connect).
        max_retries: retries on connection errors, 429 and 5xx (default 2; 0 turns them off).
        retry_policy: the full retry settings; ``max_retries`` is a shortcut for its first field.
        raise_on_error: raise ``errors.APIStatusError`` (a subclass per status) on every non-2xx
            response instead of returning the parsed error body.
        raise_on_unexpected_status: raise ``errors.UnexpectedStatus`` for a status the spec does not
            document (only when ``raise_on_error`` is False).
        headers: extra headers sent with every request.
        transport / async_transport: the httpx transports to send through (e.g.
            ``httpx.MockTransport`` in tests); retries wrap them.
        httpx_args: further arguments for ``httpx.Client`` / ``httpx.AsyncClient``.

    Credentials live in ``credentials`` (header name to value); they are left out of the repr and
    redacted from error messages.
    """

    base_url: str = field(converter=_checked_base_url)
    credentials: dict[str, str] = field(factory=dict, repr=False, kw_only=True)
    beta: str = field(default=DEFAULT_BETA_PROFILE, kw_only=True)
    timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True)
    max_retries: int | None = field(default=None, kw_only=True)
    retry_policy: RetryPolicy = field(factory=RetryPolicy, kw_only=True)
    raise_on_error: bool = field(default=False, kw_only=True)
    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    headers: dict[str, str] = field(factory=dict, repr=False, kw_only=True)
    transport: httpx.BaseTransport | None = field(
        default=None, repr=False, kw_only=True
    )
    async_transport: httpx.AsyncBaseTransport | None = field(
        default=None, repr=False, kw_only=True
    )
    httpx_args: dict[str, Any] = field(factory=dict, repr=False, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False, eq=False)
    _async_client: httpx.AsyncClient | None = field(
        default=None, init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        if self.beta not in BETA_PROFILES:
            raise ValueError(
                f"beta must be one of {', '.join(BETA_PROFILES)}, got {self.beta!r}"
            )
        if self.max_retries is not None:
            self.retry_policy = evolve(self.retry_policy, max_retries=self.max_retries)
        self.max_retries = self.retry_policy.max_retries

    # -- one line per way in ------------------------------------------------------------------

    @classmethod
    def portkey(
        cls,
        api_key: str | None = None,
        virtual_key: str | None = None,
        *,
        base_url: str = PORTKEY_BASE_URL,
        **options: Any,
    ) -> Self:
        """Portkey's hosted gateway: Portkey API key plus the virtual key naming the provider
        credentials stored in Portkey (default from PORTKEY_API_KEY / PORTKEY_VIRTUAL_KEY)."""
        credentials = {
            PORTKEY_API_KEY_HEADER: _required(api_key, "api_key", "PORTKEY_API_KEY"),
            PORTKEY_VIRTUAL_KEY_HEADER: _required(
                virtual_key, "virtual_key", "PORTKEY_VIRTUAL_KEY"
            ),
        }
        return cls(base_url, credentials=credentials, **options)

    @classmethod
    def openai(
        cls,
        api_key: str | None = None,
        *,
        base_url: str = OPENAI_BASE_URL,
        **options: Any,
    ) -> Self:
        """OpenAI directly, with the API key as bearer token (default from OPENAI_API_KEY)."""
        credentials = {
            "Authorization": f"Bearer {_required(api_key, 'api_key', 'OPENAI_API_KEY')}"
        }
        return cls(base_url, credentials=credentials, **options)

    @classmethod
    def gateway(
        cls,
        base_url: str,
        *,
        provider: str,
        api_key: str,
        custom_host: str | None = None,
        **options: Any,
    ) -> Self:
        """A self-hosted Portkey gateway (e.g. ``http://127.0.0.1:8787/v1``) forwarding to ``provider``
        (e.g. ``"openai"``) with the provider's key as bearer token, optionally to ``custom_host``."""
        credentials = {"Authorization": f"Bearer {_required(api_key, 'api_key')}"}
        headers = {PORTKEY_PROVIDER_HEADER: _required(provider, "provider")}
        if custom_host is not None:
            headers[PORTKEY_CUSTOM_HOST_HEADER] = _checked_base_url(custom_host)
        headers.update(options.pop("headers", {}))
        return cls(base_url, credentials=credentials, headers=headers, **options)

    # -- operations bound to this client -------------------------------------------------------

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

    # -- what the generated functions use -----------------------------------------------------

    @property
    def secrets(self) -> tuple[str, ...]:
        """Credential values (and bare bearer tokens), for redaction."""
        values = []
        for value in self.credentials.values():
            values.append(value)
            if value.startswith("Bearer "):
                values.append(value[len("Bearer ") :])
        return tuple(v for v in values if v)

    def _all_headers(self) -> dict[str, str]:
        return {
            **self.headers,
            **self.credentials,
            BETA_HEADER: BETA_PROFILES[self.beta],
        }

    def _timeout(self) -> httpx.Timeout:
        return (
            self.timeout
            if isinstance(self.timeout, httpx.Timeout)
            else httpx.Timeout(self.timeout)
        )

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, built on first use."""
        if self._client is None:
            args = dict(self.httpx_args)
            inner = self.transport or httpx.HTTPTransport(
                verify=args.pop("verify", True), http2=args.pop("http2", False)
            )
            self._client = httpx.Client(
                base_url=self.base_url,
                headers=self._all_headers(),
                timeout=self._timeout(),
                transport=RetryTransport(inner, self.retry_policy),
                **args,
            )
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, built on first use."""
        if self._async_client is None:
            args = dict(self.httpx_args)
            inner = self.async_transport or httpx.AsyncHTTPTransport(
                verify=args.pop("verify", True), http2=args.pop("http2", False)
            )
            self._async_client = httpx.AsyncClient(
                base_url=self.base_url,
                headers=self._all_headers(),
                timeout=self._timeout(),
                transport=AsyncRetryTransport(inner, self.retry_policy),
                **args,
            )
        return self._async_client

    def with_options(self, **changes: Any) -> Self:
        """A new client like this one with some attributes changed (e.g. ``beta="v1"``)."""
        if "retry_policy" in changes:
            changes.setdefault("max_retries", changes["retry_policy"].max_retries)
        return evolve(self, **changes)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        if self._async_client is not None:
            await self._async_client.aclose()

    def __enter__(self) -> Self:
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: object) -> None:
        self.get_httpx_client().__exit__(*args)

    async def __aenter__(self) -> Self:
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.get_async_httpx_client().__aexit__(*args)


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
    "AsyncRetryTransport",
    "Client",
    "RetryPolicy",
    "RetryTransport",
    "retry_after_seconds",
]
