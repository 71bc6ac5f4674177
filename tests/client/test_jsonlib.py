"""Answers are decoded by orjson when it is installed: every answer must still give exactly what
``json.loads`` gives (the same values, the same types, the same order), or its error."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import httpx
import pytest
from assistants_client import Client
from assistants_client._runtime import jsonlib

DOCUMENTS = [
    b'{"id": "asst_1", "created_at": 1700000000, "temperature": 1.0, "top_p": 0.1, "ok": true, "no": null}',
    b'{"z": 1, "a": 2, "m": [3, 2, 1]}',  # key order kept
    b'{"a": 1, "a": 2}',  # duplicate key: the last wins
    '{"name": "Zoë ✓ 😀 \\u00e9 \\ud83d\\ude00"}'.encode(),
    b'{"big": 123456789012345678901234567890}',  # beyond 64 bits: orjson would give a float
    b"[18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809]",
    b'{"file_id": "file-12345678901234567890", "n": 1.5}',  # long digits in a string
    b"[1e400, -1e400, 1.7976931348623157e308]",  # too large for a double: json.loads gives inf
    b'{"x": NaN, "y": Infinity, "z": -Infinity}',  # not JSON, but json.loads accepts it
    b'\xef\xbb\xbf{"bom": true}',  # UTF-8 with a byte order mark
    '{"utf16": true}'.encode("utf-16"),
    b'{"lone": "\\ud800"}',  # a lone surrogate escape
    b"[" * 1100 + b"]" * 1100,  # deeper than orjson's 1024
    b"  [1.5e300, -0.0, 0, -1, 1e-320]  ",
]


def _same(a, b) -> bool:
    """Equal values of equal JSON types (0 == False and 1.0 == 1 in Python), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


@pytest.mark.parametrize("document", DOCUMENTS, ids=range(len(DOCUMENTS)))
def test_every_document_decodes_as_the_standard_library_decodes_it(document: bytes) -> None:
    try:
        expected = json.loads(document)
    except (ValueError, RecursionError) as error:
        with pytest.raises(type(error)):
            jsonlib.loads(document)
        return
    assert _same(jsonlib.loads(document), expected)


@pytest.mark.parametrize("document", [b"", b"{", b'{"a": }', b"\xff\xfe\xfd", b"[1,]", b"nul"])
def test_what_the_standard_library_refuses_is_refused_with_its_error(document: bytes) -> None:
    with pytest.raises(ValueError) as stdlib:
        json.loads(document)
    with pytest.raises(ValueError) as ours:
        jsonlib.loads(document)
    assert type(ours.value) is type(stdlib.value)


def test_orjson_is_used_when_installed_and_can_be_turned_off() -> None:
    pytest.importorskip("orjson")
    assert jsonlib.BACKEND == "orjson"
    code = "from assistants_client._runtime import jsonlib; print(jsonlib.BACKEND)"
    env = {**os.environ, "ASSISTANTS_CLIENT_JSON": "stdlib"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "stdlib"


def test_a_tool_schema_with_a_huge_integer_round_trips_through_the_client() -> None:
    """A function's parameters schema is free-form JSON: an integer beyond 64 bits (which orjson
    refuses) must come back exactly, not as an error or a float."""
    answer = {
        "id": "asst_big",
        "object": "assistant",
        "created_at": 1700000000,
        "name": None,
        "description": None,
        "model": "gpt-4o",
        "instructions": None,
        "tools": [
            {
                "type": "function",
                "function": {"name": "f", "parameters": {"type": "integer", "maximum": 2**70}},
            }
        ],
        "metadata": {},
    }
    content = json.dumps(answer).encode()
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, content=content, headers={"content-type": "application/json"})
    )
    client = Client.openai("sk-test", base_url="http://test/v1", transport=transport)
    got = client.assistants.get_assistant("asst_big")
    assert got.to_dict() == answer
    assert got.to_dict()["tools"][0]["function"]["parameters"]["maximum"] == 2**70
