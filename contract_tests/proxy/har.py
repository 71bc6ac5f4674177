"""Recording exchanges as HAR 1.2 (one entry per exchange, written as it is judged) and reading them back.

Secrets are masked in the recording like everywhere else. So that a replay can still tell the
credentials apart, each entry says which credential it was sent with (``_credential``:
``credential-1`` for the first one seen, ...); the replay sends the target's own credentials in
their place. ``_seq`` keeps the order in which requests arrived; ``_cut`` marks a body kept only in
part (bodies are recorded up to the capture limit).
"""

from __future__ import annotations

import base64
import datetime
import http
import pathlib
from dataclasses import dataclass
from typing import IO, Any

import orjson

from .exchange import Exchange
from .secrets import Secrets
from .upstream import Origin

CREATOR = {"name": "assistants-proxy", "version": "1"}
_HOP = frozenset({"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host"})


class HarError(ValueError):
    """The file is not a HAR recording the replay can read."""


class HarWriter:
    def __init__(self, path: pathlib.Path, origin: Origin, secrets: Secrets) -> None:
        self.origin = origin
        self.secrets = secrets
        self.credentials: dict[str, str] = {}
        self.count = 0
        self.file: IO[bytes] = path.open("wb")
        head = {"version": "1.2", "creator": CREATOR, "_upstream": origin.url}
        self.file.write(b'{"log": ' + orjson.dumps(head)[:-1] + b', "entries": [\n')

    def add(self, ex: Exchange) -> None:
        if ex.tenant is not None and ex.tenant not in self.credentials:
            self.credentials[ex.tenant] = f"credential-{len(self.credentials) + 1}"
        entry = self.entry(ex)
        self.file.write((b",\n" if self.count else b"") + orjson.dumps(entry))
        self.count += 1

    def close(self) -> None:
        self.file.write(b"\n]}}\n")
        self.file.close()

    def _headers(self, headers: list[tuple[bytes, bytes]], request: bool) -> list[dict[str, str]]:
        shown = []
        if request:
            shown.append({"name": "host", "value": self.origin.host_header.decode()})
        for key, value in headers:
            name = key.decode("latin-1")
            if request and name.lower() in _HOP:
                continue
            shown.append({"name": name, "value": self.secrets.header_value(name, value.decode("latin-1"))})
        return shown

    def _content(self, body: bytes) -> dict[str, Any]:
        try:
            return {"text": self.secrets.mask(body.decode("utf-8"))}
        except UnicodeDecodeError:
            return {"text": base64.b64encode(body).decode(), "encoding": "base64"}

    def entry(self, ex: Exchange) -> dict[str, Any]:
        started = datetime.datetime.fromtimestamp(ex.started, datetime.UTC)
        millis = (ex.t_end - ex.t_start) / 1e6
        url = self.origin.url[: len(self.origin.url) - len(self.origin.path)] + self.secrets.mask(ex.target)
        request: dict[str, Any] = {
            "method": ex.method,
            "url": url,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": self._headers(ex.request_headers, True),
            "queryString": [
                {"name": self.secrets.mask(k), "value": self.secrets.mask(v)}
                for k, v in ex.query_values.items()
            ],
            "headersSize": -1,
            "bodySize": ex.request_size,
        }
        if ex.request_body or ex.request_size:
            post = {"mimeType": ex.request_header("content-type") or "", **self._content(ex.request_body)}
            if post.pop("encoding", None):
                post["_encoding"] = "base64"  # HAR 1.2 has no encoding for request bodies
            request["postData"] = post
        if ex.request_cut:
            request["_cut"] = True
        try:
            reason = http.HTTPStatus(ex.status).phrase
        except ValueError:
            reason = ""
        content = {
            "size": ex.response_size,
            "mimeType": ex.response_header("content-type") or "",
            **self._content(ex.response_body),
        }
        response: dict[str, Any] = {
            "status": ex.status,
            "statusText": reason,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": self._headers(ex.response_headers, False),
            "content": content,
            "redirectURL": ex.response_header("location") or "",
            "headersSize": -1,
            "bodySize": ex.response_size,
        }
        if ex.response_cut:
            response["_cut"] = True
        entry: dict[str, Any] = {
            "startedDateTime": started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "time": round(millis, 3),
            "request": request,
            "response": response,
            "cache": {},
            "timings": {"send": 0, "wait": round(millis, 3), "receive": 0},
            "_seq": ex.seq,
            "_credential": self.credentials.get(ex.tenant) if ex.tenant else None,
        }
        if ex.error:
            entry["_error"] = self.secrets.mask(ex.error)
        return entry


# -- reading --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Recorded:
    """One recorded exchange, as the replay needs it."""

    seq: int
    method: str
    url: str
    headers: list[tuple[str, str]]
    body: bytes | None
    credential: str | None
    status: int
    response_headers: list[tuple[str, str]]
    response_body: bytes
    complete: bool  # an answer came from the server, whole


def _body(container: dict[str, Any], encoding_key: str) -> bytes:
    text = container.get("text")
    if text is None:
        return b""
    if container.get(encoding_key) == "base64":
        return base64.b64decode(text)
    return str(text).encode("utf-8")


def read(path: pathlib.Path) -> tuple[str | None, list[Recorded]]:
    """(the recorded upstream URL if known, the entries in the order their requests arrived)."""
    try:
        data = orjson.loads(path.read_bytes())
    except OSError as error:
        raise HarError(f"cannot read {path}: {error.strerror or error}") from None
    except orjson.JSONDecodeError as error:
        raise HarError(f"{path} is not JSON ({error})") from None
    log = data.get("log") if isinstance(data, dict) else None
    entries = log.get("entries") if isinstance(log, dict) else None
    if not isinstance(entries, list):
        raise HarError(f"{path} is not a HAR file (no log.entries)")
    found = []
    for index, entry in enumerate(entries):
        try:
            request, response = entry["request"], entry["response"]
            post = request.get("postData")
            found.append(
                (
                    entry.get("_seq", index),
                    entry.get("startedDateTime", ""),
                    Recorded(
                        seq=int(entry.get("_seq", index + 1)),
                        method=str(request["method"]).upper(),
                        url=str(request["url"]),
                        headers=[(str(h["name"]), str(h["value"])) for h in request.get("headers", [])],
                        body=_body(post, "_encoding") if isinstance(post, dict) else None,
                        credential=entry.get("_credential"),
                        status=int(response["status"]),
                        response_headers=[
                            (str(h["name"]), str(h["value"])) for h in response.get("headers", [])
                        ],
                        response_body=_body(response.get("content") or {}, "encoding"),
                        complete=not entry.get("_error")
                        and not response.get("_cut")
                        and int(response["status"]) > 0,
                    ),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise HarError(
                f"{path}: entry {index} is not a HAR entry ({type(error).__name__}: {error})"
            ) from None
    found.sort(key=lambda item: (item[1], item[0]) if not isinstance(item[0], int) else (item[0], item[1]))
    return (log.get("_upstream") if isinstance(log.get("_upstream"), str) else None), [r for _, _, r in found]
