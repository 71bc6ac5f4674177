"""Keys never leave the process in clear text: every report, message and curl command goes through here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

MASK = "***"


@dataclass(frozen=True)
class Secret:
    value: str = field(repr=False)
    # Environment variable a reader can set to replay a curl command with the real value.
    env_name: str


def mask_value(value: str) -> str:
    """A short hint that tells keys apart without revealing them (`sk-...nt-1`)."""
    if len(value) <= 8:
        return MASK
    return f"{value[:3]}{MASK}{value[-2:]}"


@dataclass
class Masker:
    secrets: list[Secret] = field(default_factory=list)

    @classmethod
    def of(cls, secrets: Iterable[Secret]) -> Masker:
        masker = cls()
        for secret in secrets:
            masker.add(secret.value, secret.env_name)
        return masker

    def add(self, value: str | None, env_name: str) -> None:
        if value and all(s.value != value for s in self.secrets):
            self.secrets.append(Secret(value, env_name))
            # Longest first, so a key that contains another is replaced whole.
            self.secrets.sort(key=lambda s: len(s.value), reverse=True)

    def mask(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret.value, mask_value(secret.value))
        return _mask_bearer_tokens(text)

    def curl(self, command: str) -> str:
        """A curl command that still replays: each key becomes a reference to its environment variable."""
        for secret in self.secrets:
            if secret.value in command:
                command = _quote_for_env(command, secret)
        return _mask_bearer_tokens(command)


_BEARER = re.compile(r"(?i)(bearer\s+)(?!\$\{)([A-Za-z0-9._\-]{9,})")


def _mask_bearer_tokens(text: str) -> str:
    # A bearer token the run never knew about (e.g. one a server echoed) is masked too.
    return _BEARER.sub(lambda m: m.group(1) + mask_value(m.group(2)), text)


def _quote_for_env(command: str, secret: Secret) -> str:
    # schemathesis quotes header values with single quotes, where ${VAR} would not expand;
    # close the quote around the reference: 'x-portkey-api-key: '"${PORTKEY_API_KEY}"''.
    reference = "'\"${" + secret.env_name + "}\"'"
    return command.replace(secret.value, reference)
