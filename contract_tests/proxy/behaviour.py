"""Behaviour seen across exchanges: what a write answered is what later reads show, a deleted
object stays gone, list pages agree with the objects seen, one credential never sees another's.

The ``Ledger`` keeps, per object, the writes that went through the proxy with their start and end
times. A later request is judged against the last write only when that is unambiguous: the write
ended before the request started, and no other write of the object overlaps either of them (a
concurrent write may have landed in between). Only traffic through the proxy is known: another
writer of the same objects makes these judgements wrong (``--no-behaviour`` turns them off).
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistants_spec import Meaning
from assistants_spec.statuses import meaning

from contract_tests.compare import field_differences

from .exchange import SERVER, Exchange
from .registry import Problem, Registry
from .values import differences, same, show

BEHAVIOUR = Registry()

MAX_OBJECTS = 100_000  # objects remembered; the oldest are forgotten first
MAX_WRITES = 16  # writes remembered per object


@dataclass
class Write:
    seq: int
    t_start: int
    t_end: int
    tenant: str | None
    kind: str  # create, modify or delete
    state: dict[str, Any] | None  # the object as the write answered it (None after a delete)
    known: bool = True  # False: the outcome is unknown (no answer, or a server error)


@dataclass
class ObjectLog:
    owner: str | None = None  # the credential that created it (seen through the proxy)
    writes: list[Write] = field(default_factory=list)


class Ledger:
    def __init__(self) -> None:
        self.objects: collections.OrderedDict[str, ObjectLog] = collections.OrderedDict()

    def _log(self, object_id: str) -> ObjectLog:
        log = self.objects.get(object_id)
        if log is None:
            log = self.objects[object_id] = ObjectLog()
            if len(self.objects) > MAX_OBJECTS:
                self.objects.popitem(last=False)
        return log

    def observe(self, ex: Exchange) -> None:
        """Note the writes of an exchange as soon as it arrives (before anything is judged)."""
        kind = ex.kind
        if kind not in ("create", "modify", "delete"):
            return
        resource = ex.resource
        answer = ex.response_json
        if kind == "create":
            object_id = answer.get(resource.id_field) if isinstance(answer, dict) else None
            if ex.succeeded and isinstance(object_id, str):
                log = self._log(object_id)
                log.owner = ex.tenant
                self._add(log, Write(ex.seq, ex.t_start, ex.t_end, ex.tenant, kind, answer))
            return
        object_id = ex.object_id
        if object_id is None:
            return
        if ex.complete and 400 <= ex.status < 500:
            return  # refused: nothing changed
        known = ex.succeeded and (kind == "delete" or isinstance(answer, dict))
        state = answer if kind == "modify" and isinstance(answer, dict) else None
        self._add(self._log(object_id), Write(ex.seq, ex.t_start, ex.t_end, ex.tenant, kind, state, known))

    @staticmethod
    def _add(log: ObjectLog, write: Write) -> None:
        log.writes.append(write)
        if len(log.writes) > MAX_WRITES:
            del log.writes[0]

    def owner(self, object_id: str) -> str | None:
        log = self.objects.get(object_id)
        return log.owner if log is not None else None

    def last_write(self, object_id: str, ex: Exchange) -> Write | None:
        """The write ``ex`` must see, when that is unambiguous (see the module docstring)."""
        log = self.objects.get(object_id)
        if log is None:
            return None
        others = [w for w in log.writes if w.seq != ex.seq]
        if any(w.t_start < ex.t_end and w.t_end > ex.t_start for w in others):
            return None  # a write ran while this request did
        before = [w for w in others if w.t_end <= ex.t_start]
        if not before:
            return None
        last = max(before, key=lambda w: w.t_end)
        if not last.known or any(w is not last and w.t_end > last.t_start for w in before):
            return None
        return last


# -- helpers --------------------------------------------------------------------------------------
def _valid_write(ex: Exchange) -> bool:
    """A successful create or modify whose request the contract accepts (a lenient server's
    answer to an invalid request is judged by `refused_request_accepted`, not here)."""
    return (
        ex.kind in ("create", "modify")
        and ex.succeeded
        and not ex.client_problems
        and not ex.request_cut
        and not ex.response_cut
        and isinstance(ex.request_json, dict)
        and isinstance(ex.response_json, dict)
    )


def _page(ex: Exchange) -> list[dict[str, Any]]:
    resource = ex.resource
    body = ex.response_json
    if ex.kind != "list" or not ex.succeeded or resource.page_items is None or not isinstance(body, dict):
        return []
    items = body.get(resource.page_items)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _seen_objects(ex: Exchange) -> list[tuple[str, dict[str, Any] | None]]:
    """(id, object or None) for each object a successful answer shows: the item a read, modify or
    delete names, or each item of a list page."""
    cached = ex.notes.get("seen")
    if cached is not None:
        return cached
    found: list[tuple[str, dict[str, Any] | None]] = []
    resource = ex.resource
    if resource is not None and resource.id_field is not None and ex.complete:
        if ex.kind in ("read", "modify", "delete") and ex.succeeded and ex.object_id is not None:
            body = ex.response_json
            found.append((ex.object_id, body if ex.kind != "delete" and isinstance(body, dict) else None))
        for item in _page(ex):
            object_id = item.get(resource.id_field)
            if isinstance(object_id, str):
                found.append((object_id, item))
    ex.notes["seen"] = found
    return found


def _when(write: Write) -> str:
    return f"the {write.kind} (request #{write.seq})"


# -- checks ---------------------------------------------------------------------------------------
@BEHAVIOUR.check(
    "answer_names_requested_object",
    side=SERVER,
    clause="A read, modify or delete answers about the object its path names.",
)
def answer_names_requested_object(ex: Exchange, ledger: Ledger) -> Iterator[Problem]:
    resource = ex.resource
    body = ex.response_json
    if ex.kind not in ("read", "modify", "delete") or not ex.succeeded or not isinstance(body, dict):
        return
    if resource.id_field in body and not same(body[resource.id_field], ex.object_id):
        yield Problem(
            ex.kind, f"asked for {ex.object_id!r}, the answer is about {show(body[resource.id_field])}"
        )


@BEHAVIOUR.check(
    "answer_carries_request",
    side=SERVER,
    clause="A create or modify answers with every field as it was sent.",
)
def answer_carries_request(ex: Exchange, ledger: Ledger) -> Iterator[Problem]:
    if not _valid_write(ex):
        return
    # The suite's comparison: write-only fields and create-time helpers (x-answered-as) are skipped.
    for problem in field_differences(ex.view, ex.operation.id, ex.request_json, ex.response_json):
        yield Problem(problem.split(":", 1)[0].split(".")[0].split("[")[0], problem)


@BEHAVIOUR.check(
    "create_applies_defaults",
    side=SERVER,
    clause="A field a create leaves out takes the default the contract states (x-default, else null).",
)
def create_applies_defaults(ex: Exchange, ledger: Ledger) -> Iterator[Problem]:
    if ex.kind != "create" or not _valid_write(ex):
        return
    view, resource = ex.view, ex.resource
    got, sent = ex.response_json, ex.request_json
    for name, value in view.omitted_values(ex.operation.body_schema, resource.object_schema).items():
        if name not in sent and name in got and not same(got[name], value):
            yield Problem(name, f"{name}: left out, so {show(value)} by the contract; got {show(got[name])}")


@BEHAVIOUR.check(
    "modify_keeps_other_fields",
    side=SERVER,
    clause="A modify changes only the fields it sends; the others keep their values.",
)
def modify_keeps_other_fields(ex: Exchange, ledger: Ledger) -> Iterator[Problem]:
    if ex.kind != "modify" or not _valid_write(ex):
        return
    last = ledger.last_write(ex.object_id, ex)
    if last is None or last.state is None or last.tenant != ex.tenant:
        return
    view, resource = ex.view, ex.resource
    sent = set(ex.request_json)
    kept = tuple(name for name in view.properties(resource.object_schema) if name in sent)
    for problem in differences(
        view, resource.object_schema, last.state, ex.response_json, skip=kept, words=("was", "now")
    ):
        yield Problem(
            problem.split(":", 1)[0].split(".")[0].split("[")[0], f"{problem} (not sent; after {_when(last)})"
        )


@BEHAVIOUR.check(
    "reads_show_last_write",
    side=SERVER,
    clause="A read or list page after a create or modify shows the object as the write answered it.",
)
def reads_show_last_write(ex: Exchange, ledger: Ledger) -> Iterator[Problem]:
    resource = ex.resource
    if resource is None or not ex.complete:
        return
    if ex.kind == "read" and meaning(ex.status) is Meaning.NOT_FOUND and ex.object_id is not None:
        last = ledger.last_write(ex.object_id, ex)
        if last is not None and last.state is not None and last.tenant == ex.tenant:
            yield Problem("lost", f"{ex.object_id}: answered 404 after {_when(last)} answered it")
        return
    if ex.kind not in ("read", "list"):
        return
    for object_id, seen in _seen_objects(ex):
        last = ledger.last_write(object_id, ex)
        if seen is None or last is None or last.state is None or last.tenant != ex.tenant:
            continue
        for problem in differences(
            ex.view, resource.object_schema, last.state, seen, words=("the write answered", "now")
        ):
            yield Problem(
                f"{ex.kind}:{problem.split(':', 1)[0].split('.')[0].split('[')[0]}",
                f"{object_id} {problem} (after {_when(last)})",
            )


@BEHAVIOUR.check(
    "deleted_stays_gone",
    side=SERVER,
    clause="After a successful delete, the object is not found and no list shows it.",
)
def deleted_stays_gone(ex: Exchange, ledger: Ledger) -> Iterator[Problem]:
    for object_id, _ in _seen_objects(ex):
        last = ledger.last_write(object_id, ex)
        if last is not None and last.kind == "delete" and last.tenant == ex.tenant:
            yield Problem(
                ex.kind, f"{object_id}: a {ex.kind} answered {ex.status} after {_when(last)} succeeded"
            )


@BEHAVIOUR.check(
    "tenants_isolated",
    side=SERVER,
    clause="One credential never reads, changes, deletes or lists another credential's objects.",
)
def tenants_isolated(ex: Exchange, ledger: Ledger) -> Iterator[Problem]:
    if ex.tenant is None:
        return
    for object_id, _ in _seen_objects(ex):
        owner = ledger.owner(object_id)
        if owner is not None and owner != ex.tenant:
            yield Problem(
                ex.kind,
                f"{object_id}, created with other credentials, was answered {ex.status} to this {ex.kind}",
            )
