"""Keeping credentials out of everything the client shows: error messages and attributes, and the
log records of httpx and httpcore.

A server may echo a key back (in ``x-request-id``, an error message, anywhere, possibly upper-cased).
``redact`` replaces every occurrence of a secret, ignoring case.

httpx logs one INFO line per request (method, URL, status; no headers). httpcore logs at DEBUG the
request line without headers and the response headers in full, so a key a server echoes in a
header reaches httpcore's DEBUG records. Neither library offers a hook into its own logging (an httpx
event hook sees requests and responses, not log records), so ``protect_logs`` adds a
``logging.Filter`` to their loggers: the standard library's way to rewrite records, no patching.
The filter runs only for records that are emitted, so it costs nothing while DEBUG is off.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any

REDACTED = "[REDACTED]"
# Shorter values are not real keys, and replacing them would mangle ordinary words in messages.
MIN_SECRET_LENGTH = 8
# Every logger of httpx 0.28 and httpcore 1.0 (each module logs under its own name; a filter on a
# parent logger does not see its children's records).
HTTP_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def named_secrets(text: str, is_secret_name: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(member, value) for each string in the JSON object ``text`` (a header value such as a Portkey
    config, which may carry the provider's key) under a member whose lower-cased name
    ``is_secret_name``; nothing when ``text`` is not a JSON object."""
    if not text.lstrip().startswith("{"):
        return []
    try:
        document = json.loads(text)
    except ValueError:
        return []
    found: list[tuple[str, str]] = []

    def walk(node: Any, name: str) -> None:
        if isinstance(node, dict):
            for key, item in node.items():
                walk(item, str(key))
        elif isinstance(node, list):
            for item in node:
                walk(item, name)
        elif isinstance(node, str) and node and is_secret_name(name.lower()):
            found.append((name, node))

    walk(document, "")
    return found


@functools.lru_cache(maxsize=64)
def _pattern(secrets: tuple[str, ...]) -> re.Pattern[str] | None:
    usable = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, usable)), re.IGNORECASE) if usable else None


def redact(text: str | None, secrets: Iterable[str]) -> str | None:
    """``text`` with every secret (any case) replaced by ``[REDACTED]``."""
    if not text:
        return text
    pattern = _pattern(tuple(secrets))
    return text if pattern is None else pattern.sub(REDACTED, text)


def redact_bytes(content: bytes, secrets: Iterable[str]) -> bytes:
    """``content`` with every secret (any case, UTF-8) replaced; other bytes are kept as they are."""
    usable = sorted({s for s in secrets if len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True)
    if not content or not usable:
        return content
    pattern = re.compile(b"|".join(re.escape(s.encode()) for s in usable), re.IGNORECASE)
    return pattern.sub(REDACTED.encode(), content)


def redact_json(value: Any, secrets: Iterable[str]) -> Any:
    """A copy of decoded JSON with every secret redacted from its strings (keys included).

    Walks without recursion: a body nested as deep as the JSON parser allows must not fail here.
    """
    secrets = tuple(secrets)
    if _pattern(secrets) is None:
        return value

    def copy(node: Any) -> Any:
        if isinstance(node, str):
            return redact(node, secrets)
        if isinstance(node, dict):
            return {}
        if isinstance(node, list):
            return [None] * len(node)
        return node

    root = copy(value)
    pending = [(value, root)]
    while pending:
        source, target = pending.pop()
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, child in items:
            copied = copy(child)
            if isinstance(source, dict):
                target[redact(key, secrets) if isinstance(key, str) else key] = copied
            else:
                target[key] = copied
            if isinstance(child, dict | list):
                pending.append((child, copied))
    return root


class _SecretsFilter(logging.Filter):
    """Rewrites the message of a record that contains a secret of any live client."""

    def __init__(self) -> None:
        super().__init__("assistants_client.redaction")
        # By id with weak references: clients compare by value, so they are not hashable.
        self._holders: dict[int, weakref.ref[Any]] = {}
        self._lock = threading.Lock()

    def add(self, holder: Any) -> None:
        with self._lock:
            for key in [key for key, ref in self._holders.items() if ref() is None]:
                del self._holders[key]
            self._holders[id(holder)] = weakref.ref(holder)

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            holders = [ref() for ref in self._holders.values()]
        secrets = tuple(s for holder in holders if holder is not None for s in holder.secrets)
        if not secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is logging's to report, not the filter's
            return True
        redacted = redact(message, secrets)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


_FILTER = _SecretsFilter()
_installed = False
_install_lock = threading.Lock()


def protect_logs(holder: Any) -> None:
    """Keep ``holder.secrets`` (read at each record, so later changes count) out of the records of
    httpx and httpcore for as long as ``holder`` lives."""
    global _installed
    with _install_lock:
        if not _installed:
            for name in HTTP_LOGGERS:
                logging.getLogger(name).addFilter(_FILTER)
            _installed = True
    _FILTER.add(holder)


__all__ = [
    "HTTP_LOGGERS",
    "MIN_SECRET_LENGTH",
    "REDACTED",
    "protect_logs",
    "redact",
    "redact_bytes",
    "redact_json",
]
