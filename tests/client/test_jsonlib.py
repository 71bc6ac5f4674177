"""orjson decodes answers and encodes request bodies when it is installed. Every answer must still
give exactly what ``json.loads`` gives (the same values, the same types, the same order), or its
error; every body must be what httpx's ``json=`` sends, or fail with its error, except where the
module documents otherwise."""

from __future__ import annotations

import collections
import dataclasses
import datetime
import decimal
import enum
import json
import math
import os
import subprocess
import sys
import uuid

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


# -- request bodies ---------------------------------------------------------------------------------


class _Colour(str, enum.Enum):
    RED = "red"


class _Level(enum.IntEnum):
    HIGH = 3


class _Text(str):
    pass


class _Number(float):
    pass


class _Items(list):
    pass


@dataclasses.dataclass
class _Record:
    x: int = 1


def _nested(depth: int) -> list:
    outer: list = []
    inner = outer
    for _ in range(depth):
        inner.append([])
        inner = inner[0]
    return outer


BODIES = {
    "realistic request": {
        "model": "gpt-4o",
        "name": "Zoë ✓ 😀",
        "instructions": 'Quote "exactly"\n\ttabs, \\ and / and \u2028 and \x00\x1f\x7f',
        "tools": [
            {"type": "function", "function": {"name": "f", "parameters": {"type": "object"}, "strict": True}}
        ],
        "metadata": {"k": "v"},
        "temperature": 0.2,
        "top_p": 1,
    },
    "nulls": {"tool_resources": None, "metadata": None, "text": "null"},
    "NaN": {"temperature": math.nan},
    "Infinity": {"temperature": math.inf},
    "-Infinity": [-math.inf],
    "64-bit edges": [2**64 - 1, -(2**63), 2**63],
    "beyond 64 bits": {"maximum": 2**64, "minimum": -(2**63) - 1},
    "floats": [0.1, 1e16, 1e-7, -0.0, 1.0, 2.5e-300, 1.7976931348623157e308, 5e-324],
    "non-string keys": {1: "a", 2.5: "b", False: "c", None: "d"},
    "str enum": {"ranker": _Colour.RED},
    "int enum": {"level": _Level.HIGH},
    "str subclass": {"name": _Text("x"), _Text("key"): 1},
    "float subclass": [_Number(1.5)],
    "dict and list subclasses": collections.OrderedDict(b=_Items([1]), a=2),
    "tuple": {"ids": ("a", "b")},
    "datetime": {"at": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)},
    "date": [datetime.date(2026, 1, 1)],
    "dataclass": {"record": _Record()},
    "decimal": [decimal.Decimal("1.5")],
    "set": {"ids": {"a"}},
    "bytes": {"blob": b"x"},
    "lone surrogate": {"name": "\ud800"},
    "nested 300 deep": _nested(300),
}


def _httpx_body(value) -> bytes:
    """What httpx sends for ``json=value``."""
    return httpx.Request("POST", "http://test/", json=value).content


@pytest.mark.parametrize("name", list(BODIES))
def test_every_body_is_encoded_as_httpx_json_encodes_it_or_fails_alike(name: str) -> None:
    value = BODIES[name]
    try:
        expected = _httpx_body(value)
    except (TypeError, ValueError) as error:
        with pytest.raises(type(error)):
            jsonlib.dumps(value)
        return
    ours = jsonlib.dumps(value)
    assert type(ours) is bytes
    if name == "floats":  # a float may be spelled otherwise (1e-7 for 1e-07): the same numbers
        assert _same(json.loads(ours), json.loads(expected))
        assert [type(x) for x in json.loads(ours)] == [float] * len(value)
    else:
        assert ours == expected


@pytest.mark.parametrize("value", [uuid.UUID(int=1), enum.Enum("Plain", "A").A], ids=["uuid", "plain enum"])
def test_the_two_documented_differences(value) -> None:
    """orjson writes a UUID and a plain enum member, which json.dumps refuses (the module says so)."""
    pytest.importorskip("orjson")
    with pytest.raises(TypeError):
        _httpx_body({"v": value})
    assert json.loads(jsonlib.dumps({"v": value}))["v"] in (str(value), getattr(value, "value", None))


def test_bodies_are_sent_as_encoded_with_one_content_type(recorder) -> None:
    from assistants_client.models import CreateAssistantRequest

    body = BODIES["realistic request"]
    client = Client.openai(
        "sk-test",
        base_url="http://test/v1",
        transport=httpx.MockTransport(recorder),
        headers={"content-type": "application/json; charset=utf-8"},  # the caller's own wins
    )
    client.assistants.create_assistant(body=CreateAssistantRequest.from_dict(json.loads(json.dumps(body))))
    sent = recorder.requests[-1]
    assert sent.content == _httpx_body(body)
    assert sent.headers.get_list("content-type") == ["application/json; charset=utf-8"]
    assert sent.headers["content-length"] == str(len(sent.content))
    default = Client.openai("sk-test", base_url="http://test/v1", transport=httpx.MockTransport(recorder))
    default.assistants.create_assistant(body=CreateAssistantRequest.from_dict(json.loads(json.dumps(body))))
    assert recorder.requests[-1].headers.get_list("content-type") == [jsonlib.MEDIA_TYPE]


def test_a_body_with_nan_is_refused_before_anything_is_sent(recorder) -> None:
    from assistants_client.models import CreateAssistantRequest

    client = Client.openai("sk-test", base_url="http://test/v1", transport=httpx.MockTransport(recorder))
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        client.assistants.create_assistant(body=CreateAssistantRequest(model="gpt-4o", temperature=math.nan))
    assert recorder.requests == []


def test_the_standard_library_encodes_when_orjson_is_turned_off() -> None:
    code = (
        "import json, sys; from assistants_client._runtime import jsonlib; "
        "sys.stdout.buffer.write(jsonlib.dumps(json.loads(sys.stdin.read())))"
    )
    env = {**os.environ, "ASSISTANTS_CLIENT_JSON": "stdlib"}
    body = BODIES["realistic request"]
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(body).encode(),
        env=env,
        capture_output=True,
        check=True,
    )
    assert out.stdout == _httpx_body(body)
