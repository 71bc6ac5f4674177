"""What a client does, whatever the spec says: where requests go, timeouts, the deadline and size
cap, retries, redirects, redaction, and the typed errors built from responses.

What the spec says (the beta header and its profiles, the header of each security scheme, the
default base URLs, the request id header) arrives as ``SpecFacts``: the generated
``assistants_client.client.Client`` subclasses ``BaseClient`` and sets ``facts``.

Each httpx client sends through, outermost first: the retry transport (one call, several
attempts), the limits transport (deadline and size cap, per attempt), then the network.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Self

import httpx
from attrs import define, evolve, field

from . import errors, jsonlib, limits, redaction
from .limits import ACCEPT_ENCODING, AsyncLimitedTransport, LimitedTransport
from .redirects import astrip_credentials, strip_credentials
from .retry import AsyncRetryTransport, RetryPolicy, RetryTransport

# Creating an assistant is quick; a long read timeout only hides a stuck connection.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=5.0)
# Every attempt, every wait between them and reading the answer, together.
DEFAULT_DEADLINE = 180.0
# Far above any real answer (a page of 100 assistants with long instructions and tool schemas),
# far below what would exhaust memory.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# The auth-scheme word of an http bearer scheme's header value (RFC 6750 section 2.1); the header
# that carries it is the spec's (``SpecFacts.bearer_header``).
BEARER = "Bearer"


@dataclass(frozen=True)
class SpecFacts:
    """What the client needs to know from the spec (written into the generated client)."""

    beta_header: str
    beta_profiles: Mapping[str, str]
    default_beta_profile: str
    openai_base_url: str
    portkey_base_url: str
    portkey_api_key_header: str
    portkey_virtual_key_header: str
    portkey_provider_header: str
    portkey_custom_host_header: str
    portkey_config_header: str
    bearer_header: str  # the header of the spec's http bearer scheme
    credential_headers: tuple[str, ...]  # every header a security scheme names
    request_id_header: str
    idempotency_header: str | None  # the spec's x-idempotency header (None: the spec declares none)


def _base_url(value: str) -> str:
    return value.rstrip("/") if isinstance(value, str) else value


# Names of the members of a Portkey config whose values are credentials (api_key, aws_secret_access_key,
# vertex_service_account_json, ...): redacted wherever a server echoes them, as the header itself is.
_SECRET_NAME_PARTS = ("key", "token", "secret", "password", "credential", "service_account")


def _config_header(config: str | Mapping[str, Any]) -> str:
    """The x-portkey-config value: a saved config's id (``"pc-..."``) as given, or a config (a JSON
    object as text or a mapping) as compact ASCII JSON, which any header can carry."""
    if isinstance(config, Mapping):
        document: Any = config
    elif isinstance(config, str) and config.strip().startswith("{"):
        try:
            document = json.loads(config)
        except ValueError as error:
            raise ValueError(f"config looks like JSON but does not parse: {error}") from None
    elif isinstance(config, str) and config.strip():
        if any(c.isspace() or not c.isprintable() for c in config.strip()):
            raise ValueError("config must be a saved config's id (such as pc-...) or a JSON object")
        return config.strip()
    else:
        raise ValueError(
            f"config must be a saved config's id (such as pc-...), a JSON object as text, or a mapping; "
            f"got {type(config).__name__}"
        )
    try:
        return json.dumps(document, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as error:
        raise ValueError(f"config must be JSON: {error}") from None


def _is_secret_name(name: str) -> bool:
    return any(part in name for part in _SECRET_NAME_PARTS)


def _required(value: str | None, name: str, env: str | None = None) -> str:
    if value is None and env is not None:
        value = os.environ.get(env)
    if not value:
        where = f" (or set {env})" if env else ""
        raise ValueError(f"{name} is required{where}")
    return value


@define
class BaseClient:
    """Where and how to send requests. Build one with ``Client.portkey``, ``Client.openai`` or
    ``Client.gateway``; pass it as ``client=`` to the functions in ``assistants_client.api``.

    Attributes:
        base_url: the API root, e.g. ``https://api.openai.com/v1``.
        beta: the Assistants API version, a key of ``BETA_PROFILES`` (the spec's default profile
            unless given); sent in the beta header on every request.
        timeout: an ``httpx.Timeout`` or seconds for each network operation (default: 60 s, 5 s to
            connect).
        deadline: seconds one call may take in all: every attempt, every retry wait and reading the
            answer (default 180; None: no deadline). Exceeded: ``errors.DeadlineExceeded``.
        max_response_bytes: the longest answer body read, counted after decompression (default
            64 MiB; None: no limit). Exceeded: ``errors.ResponseTooLarge``.
        max_retries: retries on connection errors, 429 and 5xx (default 2; 0 turns them off).
        retry_policy: the full retry settings; ``max_retries`` is a shortcut for its first field.
        idempotency_keys: send an idempotency key with every POST (one per call, the same on its
            retries), which lets a create whose answer was lost be retried on a server that honours
            the header. Without it a POST is retried only when it cannot have reached the server
            (connection refused, no free connection) or was refused with 429.
        follow_redirects: follow 3xx redirects; credential headers are dropped on leaving the origin.
        raise_on_error: raise ``errors.APIStatusError`` (a subclass per status) on every non-2xx
            response instead of returning the parsed error body.
        raise_on_unexpected_status: raise ``errors.UnexpectedStatus`` for a status the spec does not
            document (only when ``raise_on_error`` is False).
        headers: extra headers sent with every request.
        transport / async_transport: the httpx transports to send through (e.g.
            ``httpx.MockTransport`` in tests); limits and retries wrap them.
        httpx_args: further arguments for ``httpx.Client`` / ``httpx.AsyncClient``.

    Credentials live in ``credentials`` (header name to value); they are left out of the repr and
    redacted from errors and from httpx's and httpcore's log records.
    """

    facts: ClassVar[SpecFacts]

    base_url: str = field(converter=_base_url)
    credentials: dict[str, str] = field(factory=dict, repr=False, kw_only=True)
    beta: str | None = field(default=None, kw_only=True)
    timeout: httpx.Timeout | float | None = field(default=DEFAULT_TIMEOUT, kw_only=True)
    deadline: float | None = field(default=DEFAULT_DEADLINE, kw_only=True)
    max_response_bytes: int | None = field(default=DEFAULT_MAX_RESPONSE_BYTES, kw_only=True)
    max_retries: int | None = field(default=None, kw_only=True)
    retry_policy: RetryPolicy = field(factory=RetryPolicy, kw_only=True)
    idempotency_keys: bool = field(default=False, kw_only=True)
    follow_redirects: bool = field(default=False, kw_only=True)
    raise_on_error: bool = field(default=False, kw_only=True)
    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    headers: dict[str, str] = field(factory=dict, repr=False, kw_only=True)
    transport: httpx.BaseTransport | None = field(default=None, repr=False, kw_only=True)
    async_transport: httpx.AsyncBaseTransport | None = field(default=None, repr=False, kw_only=True)
    httpx_args: dict[str, Any] = field(factory=dict, repr=False, kw_only=True)
    _client: httpx.Client | None = field(default=None, init=False, repr=False, eq=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        url = httpx.URL(self.base_url) if isinstance(self.base_url, str) else None
        if url is None or url.scheme not in ("http", "https") or not url.host:
            raise ValueError(
                f"base_url must be an absolute http(s) URL such as {self.facts.openai_base_url!r}, "
                f"got {self.base_url!r}"
            )
        if self.beta is None:
            self.beta = self.facts.default_beta_profile
        if self.beta not in self.facts.beta_profiles:
            raise ValueError(f"beta must be one of {', '.join(self.facts.beta_profiles)}, got {self.beta!r}")
        if self.max_retries is not None:
            self.retry_policy = replace(self.retry_policy, max_retries=self.max_retries)
        self.max_retries = self.retry_policy.max_retries
        if self.retry_policy.idempotency_header is None:  # a policy naming its own header keeps it
            self.retry_policy = replace(self.retry_policy, idempotency_header=self.facts.idempotency_header)
        limits.check(self.deadline, self.max_response_bytes)

    # -- one line per way in ------------------------------------------------------------------

    @classmethod
    def portkey(
        cls,
        api_key: str | None = None,
        virtual_key: str | None = None,
        *,
        config: str | Mapping[str, Any] | None = None,
        base_url: str | None = None,
        **options: Any,
    ) -> Self:
        """Portkey's hosted gateway: the Portkey API key (default from PORTKEY_API_KEY) and what routes
        the request, one of: the virtual key naming provider credentials stored in Portkey
        (PORTKEY_VIRTUAL_KEY), or a config (PORTKEY_CONFIG): a saved config's id such as
        ``"pc-..."``, or a config itself as a JSON object (text or a mapping)."""
        facts = cls.facts
        if virtual_key is None and config is None:
            from_env = {
                name: os.environ[name]
                for name in ("PORTKEY_VIRTUAL_KEY", "PORTKEY_CONFIG")
                if os.environ.get(name)
            }
            if len(from_env) > 1:
                raise ValueError(
                    "PORTKEY_VIRTUAL_KEY and PORTKEY_CONFIG are both set: pass virtual_key= or config="
                )
            virtual_key = from_env.get("PORTKEY_VIRTUAL_KEY")
            config = from_env.get("PORTKEY_CONFIG")
        elif virtual_key is not None and config is not None:
            raise ValueError("pass virtual_key or config, not both: Portkey routes by one of them")
        credentials = {facts.portkey_api_key_header: _required(api_key, "api_key", "PORTKEY_API_KEY")}
        if config is not None:
            credentials[facts.portkey_config_header] = _config_header(config)
        elif not virtual_key:
            raise ValueError(
                "virtual_key or config is required (or set PORTKEY_VIRTUAL_KEY or PORTKEY_CONFIG)"
            )
        else:
            credentials[facts.portkey_virtual_key_header] = virtual_key
        return cls(base_url or facts.portkey_base_url, credentials=credentials, **options)

    @classmethod
    def openai(cls, api_key: str | None = None, *, base_url: str | None = None, **options: Any) -> Self:
        """OpenAI directly, with the API key as bearer token (default from OPENAI_API_KEY)."""
        key = _required(api_key, "api_key", "OPENAI_API_KEY")
        credentials = {cls.facts.bearer_header: f"{BEARER} {key}"}
        return cls(base_url or cls.facts.openai_base_url, credentials=credentials, **options)

    @classmethod
    def gateway(
        cls,
        base_url: str,
        *,
        provider: str,
        api_key: str,
        custom_host: str | None = None,
        config: str | Mapping[str, Any] | None = None,
        **options: Any,
    ) -> Self:
        """A self-hosted Portkey gateway (e.g. ``http://127.0.0.1:8787/v1``) forwarding to ``provider``
        (e.g. ``"openai"``) with the provider's key as bearer token, optionally to ``custom_host``,
        optionally with a ``config`` of gateway options (retries, caching, ...) as a JSON object (text
        or a mapping)."""
        facts = cls.facts
        credentials = {facts.bearer_header: f"{BEARER} {_required(api_key, 'api_key')}"}
        if config is not None:  # a config may hold keys of its own: sent and redacted as a credential
            credentials[facts.portkey_config_header] = _config_header(config)
        headers = {facts.portkey_provider_header: _required(provider, "provider")}
        if custom_host is not None:
            host = httpx.URL(custom_host)
            if host.scheme not in ("http", "https") or not host.host:
                raise ValueError(f"custom_host must be an absolute http(s) URL, got {custom_host!r}")
            headers[facts.portkey_custom_host_header] = custom_host.rstrip("/")
        headers.update(options.pop("headers", {}))
        return cls(base_url, credentials=credentials, headers=headers, **options)

    # -- what the generated functions use -----------------------------------------------------

    @property
    def secrets(self) -> tuple[str, ...]:
        """Credential values (and bare bearer tokens), for redaction."""
        values = []
        prefix = BEARER.lower() + " "
        for name, value in self.credentials.items():
            values.append(value)
            if value[: len(prefix)].lower() == prefix:
                values.append(value[len(prefix) :])
            if name.lower() == self.facts.portkey_config_header.lower():
                values.extend(secret for _, secret in redaction.named_secrets(value, _is_secret_name))
        return tuple(v for v in values if v)

    def error_for(self, response: Any) -> errors.APIStatusError:
        """The typed error for a non-2xx response, credentials redacted."""
        return errors.from_response(response, self.secrets, request_id_header=self.facts.request_id_header)

    def parse_error(self, operation: str, response: Any, error: BaseException) -> errors.ResponseParseError:
        """The error for a 2xx response whose body did not parse (``error``), credentials redacted."""
        return errors.parse_error(
            operation, response, error, self.secrets, request_id_header=self.facts.request_id_header
        )

    def unreadable(
        self, message: str, response: Any, kind: type[errors.ResponseParseError] = errors.ResponseParseError
    ) -> errors.ResponseParseError:
        return errors.unreadable(
            message, response, self.secrets, request_id_header=self.facts.request_id_header, kind=kind
        )

    def unexpected_status(self, response: Any) -> errors.UnexpectedStatus:
        return errors.UnexpectedStatus(
            response.status_code, redaction.redact_bytes(response.content, self.secrets)
        )

    # -- the httpx clients ----------------------------------------------------------------------

    def _all_headers(self) -> httpx.Headers:
        # Content-Type on every request, as the openai SDK sends it: the endpoints encode their JSON
        # bodies themselves (jsonlib.dumps) and a per-request header costs httpx a merge per call.
        headers = httpx.Headers({"Accept-Encoding": ACCEPT_ENCODING, "Content-Type": jsonlib.MEDIA_TYPE})
        headers.update(self.headers)  # one value per name, whatever the case the caller wrote it in
        headers.update(self.credentials)
        headers[self.facts.beta_header] = self.facts.beta_profiles[self.beta]
        return headers

    def _timeout(self) -> httpx.Timeout:
        return self.timeout if isinstance(self.timeout, httpx.Timeout) else httpx.Timeout(self.timeout)

    def _follows_redirects(self, args: dict[str, Any]) -> bool:
        return bool(args.pop("follow_redirects", False) or self.follow_redirects)

    def _credential_headers(self) -> tuple[str, ...]:
        return (*self.facts.credential_headers, *self.credentials)

    def get_httpx_client(self) -> httpx.Client:
        """The underlying httpx.Client, built on first use."""
        if self._client is None:
            args = dict(self.httpx_args)
            follow = self._follows_redirects(args)
            hooks = args.pop("event_hooks", {})
            if follow:
                strip = strip_credentials(self.base_url, self._credential_headers())
                hooks = {**hooks, "request": [*hooks.get("request", []), strip]}
            inner = self.transport or httpx.HTTPTransport(
                verify=args.pop("verify", True), http2=args.pop("http2", False)
            )
            limited = LimitedTransport(
                inner, deadline=self.deadline, max_response_bytes=self.max_response_bytes
            )
            redaction.protect_logs(self)
            self._client = httpx.Client(
                base_url=self.base_url,
                headers=self._all_headers(),
                timeout=self._timeout(),
                transport=RetryTransport(limited, self.retry_policy, idempotency_keys=self.idempotency_keys),
                follow_redirects=follow,
                event_hooks=hooks,
                **args,
            )
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The underlying httpx.AsyncClient, built on first use."""
        if self._async_client is None:
            args = dict(self.httpx_args)
            follow = self._follows_redirects(args)
            hooks = args.pop("event_hooks", {})
            if follow:
                strip = astrip_credentials(self.base_url, self._credential_headers())
                hooks = {**hooks, "request": [*hooks.get("request", []), strip]}
            inner = self.async_transport or httpx.AsyncHTTPTransport(
                verify=args.pop("verify", True), http2=args.pop("http2", False)
            )
            limited = AsyncLimitedTransport(
                inner, deadline=self.deadline, max_response_bytes=self.max_response_bytes
            )
            redaction.protect_logs(self)
            self._async_client = httpx.AsyncClient(
                base_url=self.base_url,
                headers=self._all_headers(),
                timeout=self._timeout(),
                transport=AsyncRetryTransport(
                    limited, self.retry_policy, idempotency_keys=self.idempotency_keys
                ),
                follow_redirects=follow,
                event_hooks=hooks,
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


__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_TIMEOUT",
    "BaseClient",
    "SpecFacts",
]
