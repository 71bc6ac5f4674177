"""Who and what is checked: base URL, credentials of one or two tenants, extra headers, beta profile."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import assistants_spec

from contract_tests.masking import Masker


class ConfigError(Exception):
    """Bad options or environment: the run cannot start (exit code 2)."""


@dataclass(frozen=True)
class Credentials:
    """One tenant's credentials, in the header style the target expects."""

    api_key: str | None = None  # Portkey: x-portkey-api-key
    virtual_key: str | None = None  # Portkey: x-portkey-virtual-key
    bearer: str | None = None  # OpenAI (or a self-hosted gateway's provider key)

    def __repr__(self) -> str:
        from contract_tests.masking import mask_value

        shown = {k: mask_value(v) for k, v in vars(self).items() if v}
        return f"Credentials({', '.join(f'{k}={v!r}' for k, v in shown.items())})"

    @property
    def style(self) -> str:
        return "portkey" if self.api_key else "bearer"

    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.api_key:
            headers["x-portkey-api-key"] = self.api_key
            if self.virtual_key:
                headers["x-portkey-virtual-key"] = self.virtual_key
        if self.bearer:
            headers["Authorization"] = f"Bearer {self.bearer}"
        return headers

    def with_primary_key(self, key: str) -> Credentials:
        """The same credentials for another tenant (another API key, same virtual key/provider)."""
        if self.api_key:
            return Credentials(api_key=key, virtual_key=self.virtual_key, bearer=self.bearer)
        return Credentials(bearer=key)


AUTH_HEADER_NAMES = ("authorization", "x-portkey-api-key", "x-portkey-virtual-key")


@dataclass
class Target:
    base_url: str
    credentials: Credentials
    second: Credentials | None = None
    extra_headers: dict[str, str] = field(default_factory=dict)
    profile: str = "v2"
    bundled: bool = False
    # A live API accepts only models that exist; when set, every valid request names this model.
    model: str | None = None
    # A Portkey gateway stands in front of the API: switched on by --gateway, or when its answers
    # carry the gateway headers the spec documents (`gateway_reason` says which).
    gateway: bool = False
    gateway_reason: str = ""
    masker: Masker = field(default_factory=Masker, repr=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        creds = self.credentials
        self.masker.add(creds.api_key, "PORTKEY_API_KEY")
        self.masker.add(creds.virtual_key, "PORTKEY_VIRTUAL_KEY")
        self.masker.add(creds.bearer, "OPENAI_API_KEY")
        if self.second is not None:
            self.masker.add(self.second.api_key or self.second.bearer, "CONFORMANCE_SECOND_API_KEY")
        for name, value in self.extra_headers.items():
            if name.lower() in AUTH_HEADER_NAMES:
                self.masker.add(value, name.upper().replace("-", "_"))

    @property
    def beta_header(self) -> dict[str, str]:
        return {assistants_spec.beta_header_name(): assistants_spec.beta_header_value(self.profile)}

    def with_model(self, body: object) -> object:
        """`body` with its (string) model replaced by the chosen one, when one is chosen."""
        if self.model and isinstance(body, dict) and isinstance(body.get("model"), str):
            return {**body, "model": self.model}
        return body

    def headers(self, credentials: Credentials | None = None, *, beta: bool = True) -> dict[str, str]:
        """Every header a well-formed request carries: extra headers, credentials, beta header."""
        headers = dict(self.extra_headers)
        headers.update((credentials or self.credentials).headers())
        if beta:
            headers.update(self.beta_header)
        return headers


def parse_header(raw: str) -> tuple[str, str]:
    name, sep, value = raw.partition(":")
    if not sep or not name.strip() or any(c.isspace() for c in name.strip()):
        raise ConfigError(f"--header expects 'Name: value', got {raw!r}")
    return name.strip(), value.strip()


def check_base_url(url: str, option: str = "--base-url") -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        example = "http://127.0.0.1:4010/v1" if option == "--custom-host" else "https://api.portkey.ai/v1"
        raise ConfigError(f"{option} must be an http(s) URL such as {example}, got {url!r}")
    return url


def resolve_credentials(
    *,
    api_key: str | None,
    virtual_key: str | None,
    bearer: str | None,
    environ: dict[str, str] | None = None,
) -> Credentials:
    """Options first, then PORTKEY_API_KEY / PORTKEY_VIRTUAL_KEY / OPENAI_API_KEY."""
    env = os.environ if environ is None else environ
    explicit = api_key or bearer
    api_key = api_key or (None if explicit else env.get("PORTKEY_API_KEY")) or None
    virtual_key = virtual_key or env.get("PORTKEY_VIRTUAL_KEY") or None
    bearer = bearer or (None if explicit else env.get("OPENAI_API_KEY")) or None
    if not api_key and not bearer:
        raise ConfigError(
            "no credentials: pass --api-key and --virtual-key (Portkey) or --bearer (OpenAI), "
            "or set PORTKEY_API_KEY and PORTKEY_VIRTUAL_KEY, or OPENAI_API_KEY"
        )
    if virtual_key and not api_key:
        raise ConfigError("--virtual-key goes with a Portkey API key (--api-key or PORTKEY_API_KEY)")
    return Credentials(api_key=api_key, virtual_key=virtual_key, bearer=bearer)
