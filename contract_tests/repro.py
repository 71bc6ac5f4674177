"""Reproductions: the request a finding is about, kept small, and rendered as a replayable curl command.

A kept request holds at most `MAX_KEPT_BODY` bytes of its body (a 10 MB request or answer is not
kept whole for the report). Rendering keeps every line under `MAX_LINE` characters: a long body is
written in full to a file next to the report and sent with ``--data-binary @file``, or, when its long
strings are repetitions (the suite's own values at the spec's limits), rebuilt by a short
``$(python3 -c ...)`` expression; without a place to write files it is abbreviated, and says so.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from contract_tests.masking import Masker

MAX_KEPT_BODY = 2_000_000
MAX_LINE = 1000
INLINE_BODY = 500  # bodies up to this many characters are written into the command itself
# Set by the HTTP library for each request; a replay sets its own.
PER_REQUEST_HEADERS = frozenset(
    {
        "content-length",
        "connection",
        "transfer-encoding",
        "host",
        "user-agent",
        "accept-encoding",
        "accept",
        "x-schemathesis-testcaseid",
    }
)


@dataclass(frozen=True)
class SentRequest:
    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None = None  # at most MAX_KEPT_BODY bytes of it
    body_size: int = 0  # the whole body's size

    @classmethod
    def of(
        cls, method: str, url: str, headers: Mapping[str, Any] | Iterable[tuple[str, Any]], body: Any
    ) -> SentRequest:
        items = headers.items() if isinstance(headers, Mapping) else headers
        kept = tuple((str(k), _one(v)) for k, v in items if str(k).lower() not in PER_REQUEST_HEADERS)
        raw = body.encode() if isinstance(body, str) else body
        if raw is not None and not isinstance(raw, bytes | bytearray):
            raw = None
        size = len(raw) if raw is not None else 0
        return cls(method.upper(), url, kept, None if raw is None else bytes(raw[:MAX_KEPT_BODY]), size)

    @property
    def truncated(self) -> bool:
        return self.body is not None and len(self.body) < self.body_size

    @property
    def size(self) -> int:
        """How long the request is (for choosing the shortest reproduction)."""
        return len(self.url) + self.body_size + sum(len(k) + len(v) + 4 for k, v in self.headers)

    @property
    def path(self) -> str:
        parts = urlsplit(self.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


def _one(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class Spill:
    """Where full request bodies go when they are too long for a command line (None: nowhere)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.written: list[Path] = []
        self._done: dict[str, Path] = {}
        self.failed: OSError | None = None

    def write(self, data: bytes) -> Path | None:
        if self.directory is None or self.failed is not None:
            return None
        digest = hashlib.sha256(data).hexdigest()[:16]
        if digest in self._done:
            return self._done[digest]
        path = self.directory / f"body-{digest}.json"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError as exc:
            self.failed = exc
            return None
        self._done[digest] = path
        self.written.append(path)
        return path


def curl(request: SentRequest, masker: Masker, spill: Spill | None = None) -> str:
    """One replayable command: keys as references to the variables the report names, no line longer
    than MAX_LINE."""
    parts = ["curl", "-X", shlex.quote(request.method)]
    for name, value in request.headers:
        parts += ["-H", masker.header_argument(name, value)]
    body = _body_argument(request, masker, spill)
    if body:
        parts.append(body)
    parts.append(shlex.quote(masker.mask(_clip(request.url, 300))))
    command = " ".join(parts)
    return command if len(command) <= MAX_LINE else command[: MAX_LINE - 40] + " ... (command cut)"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + f"...({len(text)} chars)"


def _body_argument(request: SentRequest, masker: Masker, spill: Spill | None) -> str:
    if request.body is None:
        return ""
    text = masker.mask(request.body.decode("utf-8", "replace"))
    if len(text) <= INLINE_BODY and not request.truncated:
        return "--data-binary " + shlex.quote(text)
    if not request.truncated:
        expression = python_expression(text)
        if expression is not None:
            return "--data-binary " + '"$(' + expression + ')"'
    where = spill.write(text.encode()) if spill is not None and not request.truncated else None
    if where is not None:
        return f"--data-binary @{shlex.quote(str(where))}"
    note = "cut" if request.truncated else "abbreviated"
    return "--data-binary " + shlex.quote(
        f"{text[:200]}... ({note}: {request.body_size} bytes; pass --report to keep long bodies in full)"
    )


_RUN = re.compile(r"(.{1,8}?)\1{15,}", re.DOTALL)


def python_expression(text: str, limit: int = 700) -> str | None:
    """A ``python3 -c`` command printing ``text`` (a JSON body), short when its long strings repeat a
    unit (as the suite's values at the spec's limits do); None when it would not be short."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    code = "import json;print(json.dumps(" + _py(value) + ",ensure_ascii=False))"
    if len(code) > limit or "'" in code:
        return None
    return "python3 -c " + shlex.quote(code)


def _py(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ",".join(f"{_py(str(k))}:{_py(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        if len(value) > 3 and all(json.dumps(v) == json.dumps(value[0]) for v in value):
            return f"[{_py(value[0])}]*{len(value)}"
        return "[" + ",".join(_py(v) for v in value) + "]"
    if isinstance(value, str):
        return _py_string(value)
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    return repr(value)


def _literal(text: str) -> str:
    """A double-quoted Python literal in printable ASCII without a single quote (safe in '...')."""
    out = []
    for char in text:
        code = ord(char)
        if 32 <= code < 127 and char not in "\\\"'":
            out.append(char)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def _py_string(text: str) -> str:
    pieces: list[str] = []
    position = 0
    for match in _RUN.finditer(text):
        if match.start() > position:
            pieces.append(_literal(text[position : match.start()]))
        unit = match.group(1)
        pieces.append(f"{_literal(unit)}*{len(match.group(0)) // len(unit)}")
        position = match.start() + (len(match.group(0)) // len(unit)) * len(unit)
    if position < len(text):
        pieces.append(_literal(text[position:]))
    return "+".join(pieces) if pieces else '""'
