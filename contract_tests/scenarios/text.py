"""Text is stored exactly as sent, code point for code point: the fixed adversarial corpus in every
free-text field, on create and on modify."""

from __future__ import annotations

from typing import Any

from contract_tests import causes
from contract_tests.causes import Cause
from contract_tests.compare import explain
from contract_tests.corpus import CORPUS, at_limit
from contract_tests.operations import CREATE, GET, METADATA, MODIFY
from contract_tests.registry import scenario
from contract_tests.scenarios._base import ScenarioRun, Violation
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._slots import TextSlot, assemble, differences, text_slots

AT_LIMIT = "a text exactly as long as the field's limit (combining marks, astral characters, CRLF)"


def _cases(slots: list[TextSlot]) -> list[tuple[str, dict[TextSlot, str]]]:
    """(what, the text each slot gets): every corpus sample in every slot it fits, then the limits."""
    cases = [(s.why, {slot: s.text for slot in slots if slot.accepts(s.text)}) for s in CORPUS]
    cases.append((AT_LIMIT, {slot: at_limit(slot.max_length) for slot in slots if slot.max_length}))
    return [(why, texts) for why, texts in cases if texts]


def _expect_kept(
    run: ScenarioRun,
    why: str,
    texts: dict[TextSlot, str],
    answer: Any,
    where: str,
    cause: Cause | None = None,
) -> None:
    """``cause``: what a difference shows; by default the write did not keep the first field that differs."""
    problems = differences(texts, answer)
    if problems:
        if cause is None:
            field = next(slot.field for slot, text in texts.items() if differences({slot: text}, answer))
            cause = causes.WRITE_NOT_KEPT(field)
        raise Violation(
            explain(
                f"text must be stored exactly as sent, code point for code point ({why}); {where} differs",
                problems,
            ),
            *run.exchanges[-1:],
            cause=cause,
        )


def _read_back(
    run: ScenarioRun, assistant_id: str, why: str, texts: dict[TextSlot, str], after: str, write: str
) -> None:
    """The write's answer held the texts (checked first): a read-back that does not differs from it."""
    cause = causes.READ_BACK_DIFFERS(write)
    read = run.get(assistant_id)
    run.expect_success(read, GET, f"reading back an assistant after {after}", cause=cause)
    _expect_kept(run, why, texts, read.json, f"the read-back after {after}", cause)


@scenario(operation=CREATE, order=22)
def text_is_kept_exactly(run: ScenarioRun) -> None:
    """Every free-text field keeps every corpus sample (whitespace, CR/LF, U+0000, combining and
    normalisable characters, astral, RTL, zero-width, exactly-at-limit lengths), on create and modify."""
    spec = run.spec
    base = example_body(spec, CREATE)
    create_schema = spec.request_schema(CREATE)
    for why, texts in _cases(text_slots(spec, create_schema, spec.response_schema(CREATE))):
        for body, sent in assemble(spec, create_schema, base, texts):
            exchange = run.create(run.tagged(body))
            run.expect_success(exchange, CREATE, f"a create with {why} in its text fields")
            _expect_kept(run, why, sent, exchange.json, "the create answer")
            _read_back(run, exchange.json["id"], why, sent, f"a create with {why}", "create")

    target = run.created(run.tagged(base))
    modify_schema = spec.request_schema(MODIFY)
    for why, texts in _cases(text_slots(spec, modify_schema, spec.response_schema(MODIFY))):
        for patch, sent in assemble(spec, modify_schema, {}, texts):
            exchange = run.modify(target["id"], run.tagged(patch) if METADATA in patch else patch)
            run.expect_success(exchange, MODIFY, f"a modify with {why} in its text fields")
            _expect_kept(run, why, sent, exchange.json, "the modify answer")
            _read_back(run, target["id"], why, sent, f"a modify with {why}", "modify")
