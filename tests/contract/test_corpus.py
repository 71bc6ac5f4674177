"""The adversarial text corpus: where it goes (found in the spec), that every body it makes is valid,
that the comparison sees what servers do to text, and that the bundled mock keeps all of it."""

from __future__ import annotations

import unicodedata

import assistants_spec
import httpx
import pytest

from contract_tests.corpus import CORPUS, at_limit
from contract_tests.operations import CREATE, GET, MODIFY
from contract_tests.scenarios._bodies import example_body
from contract_tests.scenarios._slots import assemble, differences, text_slots
from contract_tests.scenarios.text import _cases
from mock_server import DEFAULT_API_KEYS

SPEC = assistants_spec.load_spec()


def _slots(profile: str, operation_id: str):
    view = SPEC.view(profile)
    return view, text_slots(view, view.request_schema(operation_id), view.response_schema(operation_id))


@pytest.mark.parametrize("profile", SPEC.profiles)
@pytest.mark.parametrize("operation_id", [CREATE, MODIFY])
def test_every_free_text_field_is_a_slot_and_nothing_else(profile: str, operation_id: str) -> None:
    view, slots = _slots(profile, operation_id)
    labels = {slot.label for slot in slots}
    for expected in (
        "name",
        "description",
        "instructions",
        "metadata key",
        "metadata value",
        "tools[].function.description",
    ):
        assert expected in labels, labels
    # A model id, a function name (pattern), ids in arrays and create-time helpers are not text.
    assert not [label for label in labels if label.startswith(("model", "tool_resources"))], labels
    assert "tools[].function.name" not in labels
    limits = {slot.label: slot.max_length for slot in slots}
    properties = view.properties(view.request_schema(operation_id))
    assert limits["name"] == view.non_null(properties["name"])["maxLength"]


@pytest.mark.parametrize("length", [0, 1, 2, 7, 64, 256, 512])
def test_at_limit_has_exactly_that_many_code_points(length: int) -> None:
    text = at_limit(length)
    assert len(text) == length
    if length > 2:
        assert text.endswith(" ") and unicodedata.normalize("NFC", text) != text


@pytest.mark.parametrize("profile", SPEC.profiles)
@pytest.mark.parametrize("operation_id", [CREATE, MODIFY])
def test_every_body_the_corpus_makes_is_valid(profile: str, operation_id: str) -> None:
    view, slots = _slots(profile, operation_id)
    validator = view.validator(view.request_schema(operation_id))
    base = example_body(view, CREATE) if operation_id == CREATE else {}
    carried = set()
    for _, texts in _cases(slots):
        for body, sent in assemble(view, view.request_schema(operation_id), base, texts):
            assert validator.is_valid(body), (body, validator.first_error(body))
            carried |= {(slot, text) for slot, text in sent.items()}
        assert {(slot, text) for slot, text in texts.items()} <= carried
    assert len(_cases(slots)) == len(CORPUS) + 1


def test_the_comparison_sees_what_servers_do_to_text() -> None:
    view, slots = _slots(SPEC.default_profile, CREATE)
    for sample in CORPUS:
        texts = {slot: sample.text for slot in slots}
        for body, sent in assemble(view, view.request_schema(CREATE), example_body(view, CREATE), texts):
            assert differences(sent, body) == []  # the body itself holds every text
    name = next(slot for slot in slots if slot.label == "name")
    key = next(slot for slot in slots if slot.label == "metadata key")
    for changed in (
        lambda s: s.strip(),
        lambda s: unicodedata.normalize("NFC", s),
        lambda s: unicodedata.normalize("NFKC", s),
        lambda s: s.replace("\r\n", "\n").replace("\r", "\n"),
        lambda s: s.replace("\x00", ""),
    ):
        affected = [s.text for s in CORPUS if changed(s.text) != s.text]
        assert affected, "each change breaks some sample"
        for text in affected:
            assert differences({name: text}, {"name": changed(text)}), text
            assert differences({key: text}, {"metadata": {changed(text): "v"}}), text


@pytest.mark.parametrize("profile", SPEC.profiles)
def test_the_mock_keeps_every_sample_exactly(mock_url: str, profile: str) -> None:
    view, slots = _slots(profile, CREATE)
    headers = {"Authorization": f"Bearer {DEFAULT_API_KEYS[0]}", SPEC.beta_header: view.header_value}
    with httpx.Client(base_url=mock_url, headers=headers) as client:
        for why, texts in _cases(slots):
            for body, sent in assemble(view, view.request_schema(CREATE), example_body(view, CREATE), texts):
                created = client.post(view.operation(CREATE).url_path(), json=body)
                assert created.status_code == view.operation(CREATE).success_status, (why, created.text)
                one = view.operation(GET).url_path(created.json()["id"])
                assert differences(sent, created.json()) == [], why
                assert differences(sent, client.get(one).json()) == [], why
                client.delete(one)
