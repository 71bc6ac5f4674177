"""Who and what is checked: the base URL, one or two tenants' credentials, extra headers, the profile.

Credentials are secrets per security scheme of the spec; which header carries each, and in which
form (``Bearer <key>`` or the key alone), is the spec's to say.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from assistants_client._runtime.redaction import named_secrets
from assistants_spec import Security, Spec, load_spec

from contract_tests.masking import Masker, Secret, mask_value

SECOND_TENANT_ENV = "CONFORMANCE_SECOND_API_KEY"
_CREDENTIAL_NAME = re.compile(r"key|token|secret|passw|auth|cookie|session|signature|credential")


class ConfigError(Exception):
    """Bad options or environment: the run cannot start (exit code 2)."""


@dataclass(frozen=True)
class Credentials:
    """One tenant's credentials: a secret per security scheme (by the spec's scheme name)."""

    secrets: Mapping[str, Secret]
    # The scheme whose secret tells tenants apart (an API key); the others (a virtual key) are shared.
    tenant_scheme: str

    def __repr__(self) -> str:
        shown = ", ".join(f"{scheme}={mask_value(s.value)!r}" for scheme, s in self.secrets.items())
        return f"Credentials({shown})"

    @property
    def schemes(self) -> tuple[str, ...]:
        return tuple(self.secrets)

    @property
    def tenant_key(self) -> str:
        return self.secrets[self.tenant_scheme].value

    def headers(self, security: Security) -> dict[str, str]:
        return {
            security.schemes[scheme].header: security.schemes[scheme].header_value(secret.value)
            for scheme, secret in self.secrets.items()
        }

    def describe(self, security: Security) -> str:
        return " + ".join(security.schemes[scheme].header for scheme in self.secrets)

    def for_tenant(self, key: Secret) -> Credentials:
        """The same credentials for another tenant: another tenant key, the shared secrets kept."""
        return Credentials({**self.secrets, self.tenant_scheme: key}, self.tenant_scheme)


@dataclass(frozen=True)
class Target:
    base_url: str
    credentials: Credentials
    second: Credentials | None = None  # a second tenant, for the isolation checks
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    profile: str | None = None  # the spec's default profile when None
    # A live API accepts only models that exist; when set, every valid request names this model.
    model: str | None = None
    spec: Spec = field(default_factory=load_spec, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))
        object.__setattr__(self, "profile", self.spec.profiles_block.check(self.profile))

    @functools.cached_property
    def masker(self) -> Masker:
        secrets = list(self.credentials.secrets.values())
        if self.second is not None:
            secrets.append(self.second.secrets[self.second.tenant_scheme])
        masker = Masker.of(secrets)
        for name, value in self.extra_headers.items():
            if self.carries_credentials(name):
                # A bearer-style value is masked as the token it carries.
                scheme, _, token = value.partition(" ")
                secret = token if token and scheme.lower() in ("bearer", "basic", "token") else value
                variable = "CONFORMANCE_HEADER_" + re.sub(r"[^A-Za-z0-9]", "_", name).upper()
                masker.add(secret, variable, f"the value given with --header '{name}: ...'")
            # A JSON value may hold keys of its own (a Portkey config can carry the provider's key),
            # which a server may echo alone.
            for member, secret in named_secrets(value, lambda member: bool(_CREDENTIAL_NAME.search(member))):
                variable = "CONFORMANCE_HEADER_" + re.sub(r"[^A-Za-z0-9]", "_", f"{name}_{member}").upper()
                masker.add(
                    secret, variable, f"the {member!r} inside the value given with --header '{name}: ...'"
                )
        return masker

    def carries_credentials(self, header: str) -> bool:
        """A header whose value is a secret: one the spec's security schemes call a credential, or
        one named like a key, token, secret or password (``api-key``, ``X-Auth-Token``, ``Cookie``)."""
        name = header.lower()
        routing = {s.header.lower() for s in self.spec.security.schemes.values()} - set(
            self.spec.security.credential_headers
        )
        if name in routing:
            return False
        return name in self.spec.security.credential_headers or bool(_CREDENTIAL_NAME.search(name))

    @property
    def beta_header(self) -> dict[str, str]:
        return {self.spec.beta_header: self.spec.beta_value(self.profile)}

    def with_model(self, body: object) -> object:
        """`body` with its (string) model replaced by the chosen one, when one is chosen."""
        if self.model and isinstance(body, dict) and isinstance(body.get("model"), str):
            return {**body, "model": self.model}
        return body

    def headers(self, credentials: Credentials | None = None, *, beta: bool = True) -> dict[str, str]:
        """Every header a well-formed request carries: extra headers, credentials, beta header."""
        headers = dict(self.extra_headers)
        headers.update((credentials or self.credentials).headers(self.spec.security))
        if beta:
            headers.update(self.beta_header)
        return headers

    def api_path(self, url: str) -> str | None:
        """The path of ``url`` relative to the base URL (what the spec's paths are written against)."""
        base = urlsplit(self.base_url).path.rstrip("/")
        path = urlsplit(url).path
        if path == base or path.startswith(base + "/"):
            return path[len(base) :] or "/"
        return None
