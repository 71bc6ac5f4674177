"""Settings of one mock server run (everything the CLI can set), and where keys come from."""

from __future__ import annotations

import dataclasses
import os
import resource

DEFAULT_API_KEYS: tuple[str, ...] = ("sk-mock-tenant-1", "sk-mock-tenant-2")
DEFAULT_VIRTUAL_KEYS: tuple[str, ...] = ("vk-mock",)
DEFAULT_DB = "assistants-mock.sqlite3"
MEMORY_DB = ":memory:"
# Keys given this way stay out of the command line (world-readable in /proc/<pid>/cmdline).
API_KEYS_ENV = "ASSISTANTS_MOCK_API_KEYS"
VIRTUAL_KEYS_ENV = "ASSISTANTS_MOCK_VIRTUAL_KEYS"
# File descriptors a worker keeps for itself (SQLite files, pipes, the event loop) besides its
# connections, when the connection cap is derived from the open-file limit.
_RESERVED_FDS = 128
_DEFAULT_MAX_CONNECTIONS = 1024


def split_keys(text: str) -> tuple[str, ...]:
    """Keys from a file or an environment variable: one per line, or separated by commas.

    A space or tab around a key is not part of it (HTTP drops them from header values too);
    everything else, non-breaking spaces included, is compared exactly.
    """
    keys = []
    for line in text.replace(",", "\n").splitlines():
        key = line.strip(" \t\r")
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


def _check_keys(kind: str, keys: tuple[str, ...]) -> None:
    for key in keys:
        if not key or key != key.strip(" \t") or any(ord(c) < 0x20 or ord(c) == 0x7F for c in key):
            # Which key is wrong is not shown: it is a credential.
            raise ValueError(
                f"every {kind} must be non-empty, without control characters, and must not start "
                "or end with a space or tab"
            )


@dataclasses.dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 4010
    # An SQLite file (created when missing); ":memory:" keeps the state in this process only.
    db: str = DEFAULT_DB
    api_keys: tuple[str, ...] = DEFAULT_API_KEYS
    virtual_keys: tuple[str, ...] = DEFAULT_VIRTUAL_KEYS
    max_body_bytes: int = 4 * 1024 * 1024
    # Probability that an authenticated /v1 request gets a random 429 or 500 instead of an answer.
    fault_rate: float = 0.0
    workers: int = 1
    # Seeds the random faults (not the ids, which must stay unique across workers).
    seed: int | None = None
    # Seconds announced in Retry-After on every 429 (the spec's header schema says what is allowed).
    retry_after: int = 1
    # Serve this OpenAPI document instead of the bundled spec (same profile rules); for tests.
    spec_path: str | None = None
    # Seconds a client has to send a request's headers (also how long an idle keep-alive
    # connection stays open), and to send a request's whole body.
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    # Connections one worker process serves at once; more wait in the listen backlog.
    # None: derived from the open-file limit (see connection_limit).
    max_connections: int | None = None
    # Replayed answers to requests with an Idempotency-Key: kept this many seconds, at most this many.
    idempotency_ttl: float = 24 * 3600.0
    idempotency_max_keys: int = 100_000
    # Stop when this process is no longer the server's parent (tools that start the mock set it).
    parent_pid: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "api_keys", tuple(self.api_keys))
        object.__setattr__(self, "virtual_keys", tuple(self.virtual_keys))
        if not self.api_keys:
            raise ValueError("at least one API key is needed")
        _check_keys("API key", self.api_keys)
        _check_keys("virtual key", self.virtual_keys)
        if not 0.0 <= self.fault_rate <= 1.0:
            raise ValueError(f"fault_rate must be between 0 and 1, got {self.fault_rate}")
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be positive")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        for name in ("header_timeout", "body_timeout"):
            # Granian takes the header timeout in whole milliseconds.
            if not 0.001 <= getattr(self, name) <= 3600:
                raise ValueError(f"{name} must be between 0.001 and 3600 seconds")
        if self.max_connections is not None and self.max_connections < 1:
            raise ValueError("max_connections must be at least 1")
        if self.idempotency_ttl <= 0 or self.idempotency_max_keys < 1:
            raise ValueError("idempotency_ttl and idempotency_max_keys must be positive")

    def __repr__(self) -> str:
        # Keys are credentials: never print them.
        shown = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        shown["api_keys"] = f"<{len(self.api_keys)} keys>"
        shown["virtual_keys"] = f"<{len(self.virtual_keys)} keys>"
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"

    def connection_limit(self) -> int:
        """``max_connections``, or what the open-file limit leaves room for (at most 1024).

        Past the limit a worker would fail to accept (EMFILE) and to open its database files;
        capped, further connections wait in the listen backlog until a slot frees up.
        """
        if self.max_connections is not None:
            return self.max_connections
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft == resource.RLIM_INFINITY:
            return _DEFAULT_MAX_CONNECTIONS
        return max(1, min(_DEFAULT_MAX_CONNECTIONS, soft - _RESERVED_FDS))


def keys_from_environment(name: str) -> tuple[str, ...]:
    """The keys in environment variable ``name``, removed from this process's environment so that
    processes it starts do not inherit them."""
    return split_keys(os.environ.pop(name, ""))
