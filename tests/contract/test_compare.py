"""What counts as "read back as written": exact strings and maps, JSON number equality, server defaults."""

from __future__ import annotations

import assistants_spec

from contract_tests.compare import field_differences, object_differences
from contract_tests.operations import CREATE

SPEC = assistants_spec.load_spec().view("v2")


def test_identical_fields_have_no_differences() -> None:
    sent = {"model": "m", "name": "é😀", "metadata": {"k": "v"}, "temperature": 1}
    assert field_differences(SPEC, CREATE, sent, {**sent, "id": "asst_1", "temperature": 1.0}) == []


def test_a_shortened_string_is_reported_as_truncated() -> None:
    problems = field_differences(SPEC, CREATE, {"name": "abcdef"}, {"name": "abc"})
    assert problems == ["name: sent 6 characters, got 3 (truncated)"]


def test_metadata_is_replaced_whole_so_extra_keys_are_a_difference() -> None:
    problems = field_differences(SPEC, CREATE, {"metadata": {"a": "1"}}, {"metadata": {"a": "1", "b": "2"}})
    assert problems and "unexpected ['b']" in problems[0]


def test_a_tool_may_come_back_with_server_filled_defaults() -> None:
    sent = {"tools": [{"type": "file_search"}]}
    got = {"tools": [{"type": "file_search", "file_search": {"max_num_results": 20}}]}
    assert field_differences(SPEC, CREATE, sent, got) == []


def test_tool_order_matters() -> None:
    sent = {"tools": [{"type": "code_interpreter"}, {"type": "file_search"}]}
    got = {"tools": [{"type": "file_search"}, {"type": "code_interpreter"}]}
    assert field_differences(SPEC, CREATE, sent, got)


def test_numbers_compare_as_json_numbers_but_booleans_are_not_numbers() -> None:
    assert field_differences(SPEC, CREATE, {"temperature": 2}, {"temperature": 2.0}) == []
    assert object_differences({"x": -6.156595420108397e16}, {"x": -61565954201083970}) == []
    assert object_differences({"x": True}, {"x": 1})


def test_an_explicit_null_clears_a_field() -> None:
    assert field_differences(SPEC, CREATE, {"description": None}, {"description": None}) == []
    assert field_differences(SPEC, CREATE, {"metadata": None}, {"metadata": {}}) == []
    assert field_differences(SPEC, CREATE, {"description": None}, {"description": "kept"})


def test_integers_beyond_double_precision_compare_as_json_numbers() -> None:
    # A JavaScript gateway re-serializes 2**62-ish integers with the digits a double keeps.
    assert object_differences({"x": -4012439908118856704}, {"x": -4012439908118856700}) == []
    assert object_differences({"x": 3}, {"x": 4})


def test_write_only_fields_and_answered_as_helpers_are_not_read_back() -> None:
    sent = {
        "model": "m",
        "reasoning_effort": "low",
        "tool_resources": {"file_search": {"vector_stores": [{"file_ids": ["f"]}]}},
    }
    got = {"model": "m", "tool_resources": {"file_search": {"vector_store_ids": ["vs_1"]}}}
    assert "reasoning_effort" not in SPEC.properties(SPEC.response_schema(CREATE))
    assert field_differences(SPEC, CREATE, sent, got) == []
    assert field_differences(SPEC, CREATE, sent, {**got, "model": "other"})
