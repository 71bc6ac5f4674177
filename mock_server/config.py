"""Settings of one mock server run (everything the CLI can set)."""

from __future__ import annotations

import dataclasses
import json
import os

DEFAULT_API_KEYS: tuple[str, ...] = ("sk-mock-tenant-1", "sk-mock-tenant-2")
DEFAULT_VIRTUAL_KEYS: tuple[str, ...] = ("vk-mock",)
DEFAULT_DB = "assistants-mock.sqlite3"
MEMORY_DB = ":memory:"


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
    # Seconds announced in Retry-After on every 429.
    retry_after: int = 1
    # Serve this OpenAPI document instead of the bundled spec (same profile rules); for tests.
    spec_path: str | None = None

    def __post_init__(self) -> None:
        if not self.api_keys:
            raise ValueError("at least one API key is needed")
        if not 0.0 <= self.fault_rate <= 1.0:
            raise ValueError(f"fault_rate must be between 0 and 1, got {self.fault_rate}")
        if self.max_body_bytes < 1:
            raise ValueError("max_body_bytes must be positive")
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.retry_after < 0:
            raise ValueError("retry_after must not be negative")
        object.__setattr__(self, "api_keys", tuple(self.api_keys))
        object.__setattr__(self, "virtual_keys", tuple(self.virtual_keys))

    def __repr__(self) -> str:
        # Keys are credentials: never print them.
        shown = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        shown["api_keys"] = f"<{len(self.api_keys)} keys>"
        shown["virtual_keys"] = f"<{len(self.virtual_keys)} keys>"
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"

    def to_env(self) -> str:
        """Serialised for worker processes (they rebuild the app from the environment)."""
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_env(cls, name: str) -> Settings:
        return cls(**json.loads(os.environ[name]))
