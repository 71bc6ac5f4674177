"""Keys never leave the process in clear text: every report, message and curl command goes through here.

A secret is masked wherever it appears, in any letter case (a server may echo a key upper-cased).
In curl commands a key becomes a reference to a shell variable, so a command replays as printed:
the variable the user set when the key came from the environment, else a neutral name that the
report defines (`Masker.legend`).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field

MASK = "***"
# Shorter secrets are masked only where they stand as a header value: replacing a two-letter value
# everywhere would garble every text (and say which letters the key has).
MIN_MASKED_IN_TEXT = 6


@dataclass(frozen=True)
class Secret:
    value: str = field(repr=False)
    # The shell variable a reader sets to replay a curl command with the real value.
    env_name: str
    # Where the value came from, for the report's legend (e.g. "the value given with --bearer").
    source: str = ""


def mask_value(value: str) -> str:
    """A short hint that tells keys apart without revealing them (`sk-***-1`)."""
    if len(value) <= 8:
        return MASK
    return f"{value[:3]}{MASK}{value[-2:]}"


@dataclass
class Masker:
    secrets: list[Secret] = field(default_factory=list)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, secrets: Iterable[Secret]) -> Masker:
        masker = cls()
        for secret in secrets:
            masker.add(secret.value, secret.env_name, secret.source)
        return masker

    def add(self, value: str | None, env_name: str, source: str = "") -> None:
        if value and all(s.value != value for s in self.secrets):
            self.secrets.append(Secret(value, env_name, source))
            # Longest first, so a key that contains another is replaced whole.
            self.secrets.sort(key=lambda s: len(s.value), reverse=True)
            self._pattern = None

    def _secret_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None:
            values = [re.escape(s.value) for s in self.secrets if len(s.value) >= MIN_MASKED_IN_TEXT]
            if values:
                self._pattern = re.compile("|".join(values), re.IGNORECASE)
        return self._pattern

    def _find(self, text: str) -> Secret | None:
        lowered = text.lower()
        return next((s for s in self.secrets if s.value.lower() == lowered), None)

    def mask(self, text: str) -> str:
        pattern = self._secret_pattern()
        if pattern is not None:
            text = pattern.sub(lambda m: self._hint(m.group(0)), text)
        return _mask_bearer_tokens(text)

    def _hint(self, found: str) -> str:
        secret = self._find(found)
        return mask_value(secret.value if secret is not None else found)

    def reference(self, text: str) -> str:
        """``text`` with each key replaced by ``${VARIABLE}`` (for text inside double quotes)."""
        pattern = self._secret_pattern()
        if pattern is not None:
            text = pattern.sub(lambda m: self._ref(m.group(0)), text)
        return text

    def _ref(self, found: str) -> str:
        secret = self._find(found)
        return "${" + secret.env_name + "}" if secret is not None else mask_value(found)

    def header_argument(self, name: str, value: str) -> str:
        """The shell-quoted argument of ``-H`` for one header; a key in it becomes a variable reference."""
        exact = self._find(value)
        if exact is not None:
            return shlex.quote(f"{name}: ") + '"${' + exact.env_name + '}"'
        scheme, _, token = value.partition(" ")
        secret = self._find(token) if token else None
        if secret is not None:
            return shlex.quote(f"{name}: {scheme} ") + '"${' + secret.env_name + '}"'
        return shlex.quote(self.mask(f"{name}: {value}"))

    def curl(self, command: str) -> str:
        """A curl command (schemathesis' or our own) that still replays: each key becomes a reference
        to its variable."""
        for secret in self.secrets:
            if len(secret.value) < MIN_MASKED_IN_TEXT and secret.value not in command:
                continue
            command = _quote_for_env(command, secret)
        return _mask_bearer_tokens(command)

    def legend(self) -> list[tuple[str, str]]:
        """The variables curl commands refer to, and where each value came from."""
        seen: dict[str, str] = {}
        for secret in sorted(self.secrets, key=lambda s: s.env_name):
            seen.setdefault(secret.env_name, secret.source or f"the value of {secret.env_name}")
        return list(seen.items())


_BEARER = re.compile(r"(?i)(bearer\s+)(?!\$\{)([A-Za-z0-9._\-]{9,})")


def _mask_bearer_tokens(text: str) -> str:
    # A bearer token the run never knew about (e.g. one a server echoed) is masked too.
    return _BEARER.sub(lambda m: m.group(1) + mask_value(m.group(2)), text)


def _quote_for_env(command: str, secret: Secret) -> str:
    # schemathesis quotes header values with single quotes, where ${VAR} would not expand;
    # close the quote around the reference: 'x-portkey-api-key: '"${PORTKEY_API_KEY}"''.
    reference = "'\"${" + secret.env_name + "}\"'"
    pattern = re.compile(re.escape(secret.value), re.IGNORECASE)
    return pattern.sub(lambda m: reference, command)
