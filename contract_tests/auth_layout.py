"""Which request headers are credentials and which only route a gateway's request, read from the spec.

The spec lists the header combinations the API accepts (its `security` alternatives). A combination
that extends a smaller documented one (provider + bearer extends bearer; + custom host extends that)
adds routing for a gateway, not credentials: the smallest documented combination inside the one the
target is configured with holds the credentials, the rest is fixed configuration of the target.
Auth probes (schemathesis' `ignored_auth`) then remove or alter only the credentials, so they check
the upstream's auth through the gateway instead of the gateway's routing.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AuthLayout:
    headers: dict[str, str]  # security scheme name -> the request header that carries it
    alternatives: tuple[frozenset[str], ...]  # the spec's security alternatives, in order
    chosen: frozenset[str] | None  # the documented combination the target sends, if any
    credentials: frozenset[str]
    routing: frozenset[str]

    def header_names(self, schemes: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.headers[s] for s in sorted(schemes) if s in self.headers)

    @property
    def routing_headers(self) -> tuple[str, ...]:
        return self.header_names(self.routing)

    def describe(self, schemes: Iterable[str]) -> str:
        return " + ".join(self.header_names(schemes)) or "(none)"

    def security_view(self, document: dict[str, Any]) -> dict[str, Any]:
        """`document` with the routing schemes taken out of every security alternative.

        What schemathesis should treat as credentials; routing headers are sent as plain headers.
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


def _scheme_headers(document: dict[str, Any]) -> dict[str, str]:
    found = {}
    for name, scheme in document.get("components", {}).get("securitySchemes", {}).items():
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            found[name] = scheme["name"]
        elif scheme.get("type") == "http":
            found[name] = "Authorization"
    return found


def scheme_header(document: dict[str, Any], scheme: str) -> str:
    """The header a security scheme is sent in (KeyError for a scheme the spec does not declare)."""
    return _scheme_headers(document)[scheme]


def auth_layout(document: dict[str, Any], sent_headers: Iterable[str]) -> AuthLayout:
    headers = _scheme_headers(document)
    sent = {name.lower() for name in sent_headers}
    alternatives = tuple(frozenset(requirement) for requirement in document.get("security", []))
    present = {scheme for scheme, header in headers.items() if header.lower() in sent}
    fitting = [alt for alt in alternatives if alt and alt <= present]
    if not fitting:
        return AuthLayout(headers, alternatives, None, frozenset(present), frozenset())
    chosen = max(fitting, key=len)  # the first of the largest: max() keeps the first on ties
    credentials = min((alt for alt in fitting if alt <= chosen), key=len)
    return AuthLayout(headers, alternatives, chosen, credentials, chosen - credentials)
