"""Who may call the API: the spec's security schemes and the header combinations it accepts.

The spec lists the header combinations the API accepts (its ``security`` alternatives). A
combination that extends a smaller documented one (provider + bearer extends bearer) adds routing
for a gateway, not credentials: the smallest documented combination inside the one a client sends
holds the credentials, the rest is fixed configuration of that client.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

AUTHORIZATION = "Authorization"


@dataclass(frozen=True)
class Scheme:
    name: str  # the component name, e.g. "BearerAuth"
    kind: str  # the OpenAPI type: "apiKey" or "http"
    header: str  # the request header that carries it
    http_scheme: str | None  # "bearer" for an http scheme
    description: str

    def header_value(self, secret: str) -> str:
        """What the header carries for ``secret`` (``Bearer <secret>`` for an http bearer scheme)."""
        return f"{self.http_scheme.capitalize()} {secret}" if self.http_scheme else secret

    def secret_of(self, value: str) -> str | None:
        """The secret inside a header value, or None when the value is not of this scheme's form."""
        if not self.http_scheme:
            return value
        prefix = self.http_scheme.lower() + " "
        return value[len(prefix) :] if value[: len(prefix)].lower() == prefix else None


@dataclass(frozen=True)
class AuthLayout:
    """How one client's headers map onto the spec's alternatives."""

    chosen: frozenset[str] | None  # the largest documented combination the headers make, if any
    credentials: frozenset[str]  # scheme names that are credentials
    routing: frozenset[str]  # scheme names that only route a gateway's request
    security: Security

    def header_names(self, schemes: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.security.schemes[s].header for s in sorted(schemes) if s in self.security.schemes)

    @property
    def credential_headers(self) -> tuple[str, ...]:
        return self.header_names(self.credentials)

    @property
    def routing_headers(self) -> tuple[str, ...]:
        return self.header_names(self.routing)

    def describe(self, schemes: Iterable[str]) -> str:
        return " + ".join(self.header_names(schemes)) or "(none)"

    def security_view(self, document: dict[str, Any]) -> dict[str, Any]:
        """``document`` with the routing schemes taken out of every security alternative.

        What a tool probing authentication should treat as credentials; routing headers stay
        plain headers, so probes reach the upstream's own auth through a gateway.
        """
        if not self.routing:
            return document
        view = copy.deepcopy(document)

        def strip(requirements: list[dict[str, Any]]) -> list[dict[str, Any]]:
            kept: list[dict[str, Any]] = []
            for requirement in requirements:
                left = {k: v for k, v in requirement.items() if k not in self.routing}
                if left and left not in kept:
                    kept.append(left)
            return kept

        if isinstance(view.get("security"), list):
            view["security"] = strip(view["security"])
        for item in view.get("paths", {}).values():
            for operation in item.values():
                if isinstance(operation, dict) and isinstance(operation.get("security"), list):
                    operation["security"] = strip(operation["security"])
        return view


class Security:
    """The security schemes (by component name) and the alternatives, in the spec's order."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.schemes: dict[str, Scheme] = {}
        for name, raw in document.get("components", {}).get("securitySchemes", {}).items():
            kind = raw.get("type")
            if kind == "apiKey" and raw.get("in") == "header":
                self.schemes[name] = Scheme(name, kind, raw["name"], None, raw.get("description", ""))
            elif kind == "http":
                scheme = str(raw.get("scheme", "bearer")).lower()
                self.schemes[name] = Scheme(name, kind, AUTHORIZATION, scheme, raw.get("description", ""))
            else:
                raise ValueError(
                    f"security scheme {name!r}: only header apiKey and http schemes are supported"
                )
        self.alternatives: tuple[frozenset[str], ...] = tuple(
            frozenset(requirement) for requirement in document.get("security", [])
        )
        for alternative in self.alternatives:
            unknown = alternative - set(self.schemes)
            if unknown:
                raise ValueError(f"security alternative names undeclared scheme(s) {sorted(unknown)}")

    def header(self, scheme: str) -> str:
        """The header a scheme is sent in (KeyError for a scheme the spec does not declare)."""
        return self.schemes[scheme].header

    def scheme_for_header(self, header: str) -> Scheme | None:
        lowered = header.lower()
        return next((s for s in self.schemes.values() if s.header.lower() == lowered), None)

    @property
    def header_names(self) -> frozenset[str]:
        """Every header any scheme is sent in (lower case)."""
        return frozenset(s.header.lower() for s in self.schemes.values())

    @property
    def credential_schemes(self) -> frozenset[str]:
        """Schemes that are credentials in some alternative (part of a minimal alternative)."""
        minimal = [a for a in self.alternatives if not any(b < a for b in self.alternatives)]
        return frozenset().union(*minimal) if minimal else frozenset()

    @property
    def credential_headers(self) -> frozenset[str]:
        """Headers that carry a credential in some alternative (lower case): never shown in clear."""
        return frozenset(self.schemes[s].header.lower() for s in self.credential_schemes)

    def layout(self, sent_headers: Iterable[str]) -> AuthLayout:
        """Which of the headers a client sends are credentials, and which route a gateway."""
        sent = {name.lower() for name in sent_headers}
        present = {name for name, scheme in self.schemes.items() if scheme.header.lower() in sent}
        fitting = [alt for alt in self.alternatives if alt and alt <= present]
        if not fitting:
            return AuthLayout(None, frozenset(present), frozenset(), self)
        chosen = max(fitting, key=len)  # the first of the largest: max() keeps the first on ties
        credentials = min((alt for alt in fitting if alt <= chosen), key=len)
        return AuthLayout(chosen, credentials, chosen - credentials, self)
