"""Keys never leave the proxy in clear: not on the console, in a report, nor in a recording.

Builds on ``contract_tests.masking``: every value of a credential header the spec's security
schemes name is learnt from the traffic and masked wherever it shows up (in any letter case), and
so is any header value whose name says it is a secret (``api-key``, ``x-auth-token``, cookies...),
any bearer token, and anything shaped like an API key (``sk-...``).
"""

from __future__ import annotations

import functools
import re

from assistants_spec import Spec

from contract_tests.masking import Masker, mask_value

_SECRET_NAME = re.compile(r"(?i)(key|token|secret|auth|password|passwd|cookie|session|signature|credential)")
_KEY_SHAPED = re.compile(r"\b((?:sk|rk|pk)-[A-Za-z0-9_\-]{8,})")


@functools.lru_cache(maxsize=1024)
def _secret_name(lowered: str) -> bool:
    return bool(_SECRET_NAME.search(lowered))


class Secrets:
    def __init__(self, spec: Spec) -> None:
        self.masker = Masker()
        self.credential_headers = spec.security.credential_headers
        self.schemes = spec.security
        self._learnt: set[tuple[bytes, bytes]] = set()

    def is_secret_header(self, name: str) -> bool:
        lowered = name.lower()
        return lowered in self.credential_headers or _secret_name(lowered)

    def learn(self, headers: list[tuple[bytes, bytes]]) -> None:
        """Remember the secret values a request carries, so that they are masked everywhere."""
        for key, raw in headers:
            if (key, raw) in self._learnt:
                continue
            name = key.decode("latin-1")
            if not self.is_secret_header(name):
                continue
            if len(self._learnt) < 10_000:
                self._learnt.add((key, raw))
            value = raw.decode("latin-1").strip()
            scheme = self.schemes.scheme_for_header(name)
            secret = scheme.secret_of(value) if scheme is not None else None
            self.masker.add(secret or value, name.upper().replace("-", "_"))
            if secret and secret != value:
                self.masker.add(value, name.upper().replace("-", "_"))

    def mask(self, text: str) -> str:
        text = self.masker.mask(text)
        for secret in self.masker.secrets:
            if len(secret.value) >= 4:
                text = re.sub(re.escape(secret.value), mask_value(secret.value), text, flags=re.IGNORECASE)
        return _KEY_SHAPED.sub(lambda m: mask_value(m.group(1)), text)

    def header_value(self, name: str, value: str) -> str:
        """A header value fit to write down: secrets masked, the scheme word kept."""
        if not self.is_secret_header(name):
            return self.mask(value)
        scheme = self.schemes.scheme_for_header(name)
        secret = scheme.secret_of(value) if scheme is not None else None
        if secret is not None and secret != value:
            return value[: len(value) - len(secret)] + mask_value(secret)
        return mask_value(value)
