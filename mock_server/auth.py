"""Credentials -> tenant, by the spec's security schemes. Each API key is one tenant; keys never
appear in messages or storage.

The credential alternatives are the spec's minimal ``security`` alternatives (a larger one only adds
gateway routing headers, which the mock ignores). Of those a request sends completely, the one with
the most headers decides (the portkey-ai SDK sends its Portkey headers and also a placeholder
bearer); the spec's order breaks ties. Credentials are compared exactly: only the spaces and tabs
HTTP puts around a header value are not part of it (``str.strip()`` would also drop a non-breaking
space or NEL).
"""

from __future__ import annotations

import hashlib

from assistants_spec import Meaning, Scheme, Security

from .errors import ApiError

# How the mock checks each credential scheme; the binding key is the scheme's component name in the
# spec (as operation ids bind handlers). Virtual keys are checked against --virtual-key; a Portkey
# config must be there but is no secret the mock can check (it names provider keys by itself); every
# other credential scheme carries an API key (a tenant).
VIRTUAL_KEY_SCHEMES = frozenset({"PortkeyVirtualKey"})
UNCHECKED_SCHEMES = frozenset({"PortkeyConfig"})
_HTTP_WHITESPACE = " \t"


def tenant_of(key: str) -> str:
    """A stable tenant id that does not reveal the key (stored next to each assistant)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _raw(value: str) -> bytes:
    # ASGI header values are latin-1 decoded bytes: back to the bytes the client sent.
    return value.encode("latin-1", "replace")


class _Alternative:
    """One documented way to authenticate: an API key scheme and the schemes that go with it."""

    def __init__(self, schemes: list[Scheme]) -> None:
        keys = [s for s in schemes if s.name not in VIRTUAL_KEY_SCHEMES | UNCHECKED_SCHEMES]
        if len(keys) != 1:
            names = " + ".join(s.name for s in schemes)
            raise ValueError(
                f"the mock cannot check the security alternative {names}: it needs one API key scheme"
            )
        self.key = keys[0]
        self.companions = [s for s in schemes if s is not self.key]
        self.names = tuple(s.name for s in schemes)
        self.virtual = tuple(s.name for s in self.companions if s.name in VIRTUAL_KEY_SCHEMES)
        # What the key header's value starts with before the key (`bearer ` for an http scheme).
        self.prefix = self.key.header_value("").lower() if self.key.http_scheme else ""

    @property
    def schemes(self) -> list[Scheme]:
        return [self.key, *self.companions]

    def describe(self) -> str:
        """``Authorization: Bearer YOUR_KEY``, or ``x-portkey-api-key: YOUR_KEY with x-portkey-...``."""
        key = f"{self.key.header}: {self.key.header_value('YOUR_KEY')}"
        return " with ".join([key, *(f"{s.header}: YOUR_{_placeholder(s)}" for s in self.companions)])

    @property
    def headers(self) -> str:
        return ", ".join(s.header for s in self.schemes)


def _placeholder(scheme: Scheme) -> str:
    return "VIRTUAL_KEY" if scheme.name in VIRTUAL_KEY_SCHEMES else "CONFIG"


class Authenticator:
    def __init__(self, security: Security, api_keys: tuple[str, ...], virtual_keys: tuple[str, ...]) -> None:
        # Compared as the bytes a client sends (UTF-8 for a key with non-ASCII characters).
        self._tenants = {key.encode("utf-8"): tenant_of(key) for key in api_keys}
        self._virtual_keys = frozenset(key.encode("utf-8") for key in virtual_keys)
        minimal = [
            alt
            for alt in security.alternatives
            if alt and not any(other < alt for other in security.alternatives)
        ]
        self._alternatives = [
            _Alternative([security.schemes[name] for name in sorted(alt)])
            for alt in dict.fromkeys(minimal)  # in the spec's order, once each
        ]
        # Per request: each scheme's header looked up once; alternatives tried largest first.
        lookups = {s.name: s.header.lower().encode() for alt in self._alternatives for s in alt.schemes}
        self._lookups = tuple(lookups.items())
        self._largest_first = sorted(self._alternatives, key=lambda alt: -len(alt.schemes))  # stable
        self.header_names = frozenset(lookups.values())

    def tenant(self, headers: dict[bytes, str]) -> str:
        """The tenant the credential headers (lower-case names, as ``header_map`` gives) authenticate,
        or a 401."""
        sent = {}
        for name, header in self._lookups:
            value = headers.get(header)
            if value is not None:
                value = value.strip(_HTTP_WHITESPACE)
                if value:
                    sent[name] = value
        for chosen in self._largest_first:  # of the alternatives sent completely, the first of the largest
            for name in chosen.names:
                if name not in sent:
                    break
            else:
                break
        else:
            raise self._incomplete(sent)
        secret = sent[chosen.key.name]
        if chosen.prefix:
            if secret[: len(chosen.prefix)].lower() != chosen.prefix:
                raise ApiError(
                    Meaning.UNAUTHENTICATED,
                    f"The {chosen.key.header} header must use the {chosen.key.http_scheme} scheme "
                    f"({chosen.describe()}).",
                    code="invalid_api_key",
                )
            secret = secret[len(chosen.prefix) :]
        tenant = self._tenants.get(_raw(secret))
        known_virtual = not chosen.virtual or all(_raw(sent[n]) in self._virtual_keys for n in chosen.virtual)
        if tenant is None or not known_virtual:
            # One answer whichever part is wrong: it must not tell which keys exist.
            raise ApiError(
                Meaning.UNAUTHENTICATED,
                f"Incorrect credentials provided in {chosen.headers}. The mock accepts the keys given "
                "with --api-key and --virtual-key, their files or environment variables (defaults "
                "are in its README).",
                code="invalid_api_key",
            )
        return tenant

    def _incomplete(self, sent: dict[str, str]) -> ApiError:
        started = [alt for alt in self._alternatives if alt.key.name in sent]
        ways = "; ".join(alt.describe() for alt in self._alternatives)
        if not started:
            return ApiError(
                Meaning.UNAUTHENTICATED,
                f"You didn't provide an API key. Send one of: {ways}.",
                code="missing_api_key",
            )
        missing = " or ".join(
            dict.fromkeys(
                ", ".join(s.header for s in alt.companions if s.name not in sent) for alt in started
            )
        )
        return ApiError(
            Meaning.UNAUTHENTICATED,
            f"{started[0].key.header} was sent without {missing}. Send one of: {ways}.",
            code="missing_virtual_key",
        )
