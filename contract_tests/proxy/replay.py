"""Replaying a recording against another server and reporting where its answers differ.

``assistants-conformance --replay FILE --base-url URL``: each recorded request of an operation of
the contract is sent again, in the order the recording's requests arrived, with the target's own
credentials (one set per recorded credential: the first from --bearer/--api-key, the second from
--second-api-key). Ids the recorded server gave to objects it created are mapped to the ids the
target gives the same objects, in paths, queries and bodies, and in the answers compared.

An answer differs when its status differs, when it is JSON and the other is not, when a field the
spec defines differs (fields the server sets and that vary between servers, such as ``created_at``,
are left out: the spec model's ``Resource.varying_fields``; objects that tie on those fields may
come in either order), or, for errors, when one body fits the declared error shape and the other
does not (error messages are written differently by every server and are not compared).
"""

from __future__ import annotations

import pathlib
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import orjson
from assistants_spec import ProfileView, Spec, load_spec

from . import har
from .checks import is_json_media
from .exchange import NOT_JSON, parse_json
from .report import (
    Group,
    Report,
    Violation,
    add_violation,
    render_console_line,
    render_junit,
    render_markdown,
    render_summary,
)
from .secrets import Secrets
from .values import differences

TIMEOUT = 60.0
_DROP = frozenset(
    {"host", "content-length", "connection", "keep-alive", "transfer-encoding", "te", "upgrade"}
)

CHECKS = (
    ("same_status", "The target answers with the status the recorded server gave."),
    ("same_content_type", "The target's answer is JSON exactly when the recorded answer was."),
    ("same_fields", "Every field the spec defines has the value the recorded server gave (ids mapped)."),
    ("same_error_shape", "An error answer fits the declared error shape exactly when the recorded one did."),
    ("answered", "The target answers every request the recorded server answered."),
)


class ReplayError(Exception):
    """The replay cannot run (unreadable recording, unreachable target): exit code 2."""


@dataclass
class ReplayTarget:
    base_url: str  # e.g. http://127.0.0.1:4010/v1
    credentials: list[dict[str, str]]  # headers for credential-1, credential-2, ...
    extra_headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Run:
    spec: Spec
    secrets: Secrets
    ids: dict[str, str] = field(default_factory=dict)  # recorded id -> target id
    groups: dict[tuple[str, str, str, str], Group] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    printed: list[str] = field(default_factory=list)

    def count(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    def differ(
        self, check: str, operation: str, kind: str, message: str, recorded: har.Recorded, got: str
    ) -> None:
        clause = dict(CHECKS)[check]
        violation = Violation(
            side="server",
            check=check,
            clause=clause,
            operation=operation,
            kind=kind,
            message=self.secrets.mask(message),
            request=self.secrets.mask(f"{recorded.method} {urlsplit(recorded.url).path} -> {got}"),
            seq=recorded.seq,
        )
        if add_violation(self.groups, violation):
            print(render_console_line(violation, "difference"), flush=True)


def _translate(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, list):
        return [_translate(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: _translate(v, ids) for k, v in value.items()}
    return value


def _recorded_mount(upstream: str | None, spec: Spec) -> str:
    return urlsplit(upstream).path.rstrip("/") if upstream else spec.base_path


def _api_path(url: str, mount: str, spec: Spec) -> str | None:
    path = urlsplit(url).path
    if mount:
        return (path[len(mount) :] or "/") if path == mount or path.startswith(mount + "/") else None
    return spec.api_path(path)


def _credential_index(name: str | None) -> int | None:
    if name is None:
        return None
    try:
        return int(str(name).rsplit("-", 1)[1]) - 1
    except (IndexError, ValueError):
        return 0


def replay(
    recording: pathlib.Path,
    target: ReplayTarget,
    *,
    spec: Spec | None = None,
    secrets: Secrets | None = None,
    client: httpx.Client | None = None,
) -> Report:
    spec = spec or load_spec()
    secrets = secrets or Secrets(spec)
    for headers in target.credentials:
        secrets.learn([(k.encode(), v.encode()) for k, v in headers.items()])
    upstream, entries = har.read(recording)
    mount = _recorded_mount(upstream, spec)
    run = _Run(spec, secrets)
    started = time.monotonic()
    own_client = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
    try:
        for number, recorded in enumerate(entries):
            _replay_one(run, client, target, recorded, mount, first=number == 0)
    finally:
        if own_client:
            client.close()
    counts = [("recorded exchanges", len(entries))]
    counts += sorted(run.counts.items(), key=lambda item: _COUNT_ORDER.index(item[0]))
    return Report(
        title="assistants-conformance --replay",
        subject=f"{recording.name} replayed against {target.base_url}",
        counts=counts,
        groups=list(run.groups.values()),
        checks=[(name, "server", clause) for name, clause in CHECKS],
        notes=[f"ids mapped from the recording to the target: {len(run.ids)}"],
        seconds=time.monotonic() - started,
        noun="difference",
    )


_COUNT_ORDER = [
    "replayed",
    "outside the contract (not replayed)",
    "not replayed: no credentials given for that recorded credential",
    "recorded without a complete answer (sent, not compared)",
]


def _headers(
    recorded: har.Recorded, target: ReplayTarget, secrets: Secrets, index: int | None
) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in recorded.headers:
        lowered = name.lower()
        if lowered in _DROP or secrets.is_secret_header(lowered):
            continue  # credentials were masked in the recording: the target's own go in their place
        headers[name] = value
    if index is not None:
        headers.update(target.credentials[index])
    headers.update(target.extra_headers)
    return headers


def _replay_one(
    run: _Run, client: httpx.Client, target: ReplayTarget, recorded: har.Recorded, mount: str, *, first: bool
) -> None:
    spec = run.spec
    api_path = _api_path(recorded.url, mount, spec)
    beta = next((v for k, v in recorded.headers if k.lower() == spec.beta_header.lower()), None)
    view = spec.view(spec.profile_for_header(beta))
    match = view.match(recorded.method, api_path) if api_path is not None else None
    if match is None or not match.path_known:
        run.count("outside the contract (not replayed)")
        return
    index = _credential_index(recorded.credential)
    if index is not None and index >= len(target.credentials):
        run.count("not replayed: no credentials given for that recorded credential")
        return
    path = "/".join(run.ids.get(part, part) for part in api_path.split("/"))
    query = urlsplit(recorded.url).query
    if query:
        pairs = [(k, run.ids.get(v, v)) for k, v in parse_qsl(query, keep_blank_values=True)]
        path += "?" + urlencode(pairs)
    body = recorded.body
    sent = parse_json(body) if body else None
    if body and sent is not None and sent is not NOT_JSON and run.ids:
        body = orjson.dumps(_translate(sent, run.ids))
    run.count("replayed")
    try:
        answer = client.request(
            recorded.method,
            target.base_url.rstrip("/") + path,
            headers=_headers(recorded, target, run.secrets, index),
            content=body or None,
        )
    except httpx.HTTPError as error:
        if first:
            raise ReplayError(f"target {target.base_url} is unreachable: {error}") from None
        run.differ(
            "answered",
            match.operation.label if match.operation else recorded.method,
            "no_answer",
            f"no answer: {error}",
            recorded,
            "no answer",
        )
        return
    if not recorded.complete:
        run.count("recorded without a complete answer (sent, not compared)")
        return
    operation = match.operation
    label = operation.label if operation is not None else f"{recorded.method} {api_path}"
    for check, kind, message in _compare(run, view, operation, recorded, answer):
        run.differ(check, label, kind, message, recorded, str(answer.status_code))


def _content_type(headers: list[tuple[str, str]]) -> str | None:
    return next((v for k, v in headers if k.lower() == "content-type"), None)


def _compare(
    run: _Run, view: ProfileView, operation, recorded: har.Recorded, answer: httpx.Response
) -> Iterator[tuple[str, str, str]]:
    if recorded.status != answer.status_code:
        yield (
            "same_status",
            f"{recorded.status}->{answer.status_code}",
            (f"recorded {recorded.status}, the target answered {answer.status_code}"),
        )
        return
    was_json = is_json_media(_content_type(recorded.response_headers))
    now_json = is_json_media(answer.headers.get("content-type"))
    if was_json != now_json:
        yield (
            "same_content_type",
            "json" if was_json else "other",
            (
                f"recorded {_content_type(recorded.response_headers)!r}, the target sent {answer.headers.get('content-type')!r}"
            ),
        )
        return
    if operation is None:
        return
    old, new = parse_json(recorded.response_body), parse_json(answer.content)
    if old is NOT_JSON or new is NOT_JSON:
        return
    _learn_ids(run, view, operation, answer.status_code, old, new)
    if answer.status_code >= 400:
        yield from _compare_errors(view, operation, recorded.status, old, new)
        return
    response = operation.response(answer.status_code)
    if response is None or response.schema is None:
        return
    schema = view.resolve(response.schema)
    ignored = {id(r.object_schema): r.varying_fields(view) for r in view.resources}
    expected = _translate(old, run.ids)
    got = _tie_order(view, schema, expected, new)
    for problem in differences(view, schema, expected, got, words=("recorded", "target"), ignored=ignored):
        yield "same_fields", problem.split(":", 1)[0].split("[")[0], problem


def _learn_ids(run: _Run, view: ProfileView, operation, status: int, old: Any, new: Any) -> None:
    """A create answered on both sides: the recorded object's id is the target's new one."""
    resource = view.resource_of(operation)
    if status >= 300 or resource is None or resource.kind_of(operation) != "create" or not resource.id_field:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        old_id, new_id = old.get(resource.id_field), new.get(resource.id_field)
        if isinstance(old_id, str) and isinstance(new_id, str):
            run.ids[old_id] = new_id


def _compare_errors(
    view: ProfileView, operation, status: int, old: Any, new: Any
) -> Iterator[tuple[str, str, str]]:
    validator = view.response_validator(operation.id, status) if operation.response(status) else None
    if validator is None:
        return
    fitted, fits = validator.is_valid(old), validator.is_valid(new)
    if fitted != fits:
        yield (
            "same_error_shape",
            str(status),
            (
                f"the recorded {status} body {'fits' if fitted else 'does not fit'} the declared error shape, "
                f"the target's {'does' if fits else 'does not'}"
            ),
        )


def _tie_order(view: ProfileView, schema: dict[str, Any], expected: Any, got: Any) -> Any:
    """``got`` with each page of objects reordered like ``expected`` where the target's order is not
    defined by anything the client sent: among neighbours that tie on every varying field."""
    if not isinstance(expected, dict) or not isinstance(got, dict):
        return got
    for resource in view.resources:
        if resource.page_items is None or view.resolve(resource.list.success.schema) is not schema:
            continue
        old, new = expected.get(resource.page_items), got.get(resource.page_items)
        if not isinstance(old, list) or not isinstance(new, list) or len(old) != len(new):
            continue
        varying = resource.varying_fields(view)
        key = resource.id_field
        reordered: list[Any] = []
        start = 0
        while start < len(new):
            end = start + 1
            tie = _tie_key(new[start], varying)
            while end < len(new) and _tie_key(new[end], varying) == tie and tie is not None:
                end += 1
            run = new[start:end]
            wanted = [_item_key(item, key) for item in old[start:end]]
            if sorted(map(repr, wanted)) == sorted(repr(_item_key(i, key)) for i in run):
                by_key = {repr(_item_key(i, key)): i for i in run}
                run = [by_key[repr(w)] for w in wanted]
            reordered += run
            start = end
        got = {**got, resource.page_items: reordered}
    return got


def _tie_key(item: Any, varying: tuple[str, ...]) -> tuple | None:
    if not isinstance(item, dict):
        return None
    return tuple(repr(item.get(name)) for name in varying)


def _item_key(item: Any, key: str | None) -> Any:
    return item.get(key) if isinstance(item, dict) and key else repr(item)


# -- the conformance CLI's --replay ---------------------------------------------------------------
def run_from_config(config: Any, recording: pathlib.Path) -> int:
    """``assistants-conformance --replay FILE``: the run configuration (``contract_tests.config``)
    names the target and its credentials; --report and --junit take the replay's report. Exit 0
    no difference, 1 differences, 2 unreadable recording or unreachable target."""
    from contract_tests.bundled_mock import start_bundled_mock

    target = config.target
    security = target.spec.security
    credentials = [target.credentials.headers(security)]
    if target.second is not None:
        credentials.append(target.second.headers(security))
    secrets = Secrets(target.spec)
    for headers in credentials:
        secrets.learn([(k.encode(), v.encode()) for k, v in headers.items()])
    mock = None
    try:
        base_url = target.base_url
        if config.bundled:
            mock = start_bundled_mock()
            base_url = mock.url.rstrip("/")
            print(f"started the bundled mock at {base_url}", file=sys.stderr)
        report = replay(
            pathlib.Path(recording),
            ReplayTarget(base_url, credentials, dict(target.extra_headers)),
            spec=target.spec,
            secrets=secrets,
        )
    except (ReplayError, har.HarError) as error:
        print(f"error: {secrets.mask(str(error))}", file=sys.stderr)
        return 2
    finally:
        if mock is not None:
            mock.stop()
    print(secrets.mask(render_summary(report)))
    for path, render in ((config.report, render_markdown), (config.junit, render_junit)):
        if path:
            try:
                pathlib.Path(path).write_text(secrets.mask(render(report)), encoding="utf-8")
            except OSError as error:
                print(f"error: cannot write {path}: {error.strerror or error}", file=sys.stderr)
                return 2
    return 1 if report.failed else 0
