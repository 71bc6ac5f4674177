"""The spec accepts exactly what the real API accepted at its sunset, and refuses what it refused.

Every row of real_api_reference.yaml (transcribed from OpenAI's final spec, SDK types and v1 spec,
with repository, path and commit) is checked both ways: a value the real API accepted (or answered)
must pass the spec, and a value it refused (or never answered) must fail it. Rows where the spec is
deliberately stricter than OpenAI's published schema must point at the node that says so.
"""

from __future__ import annotations

import functools
import pathlib
import re
from typing import Any

import assistants_spec
import pytest
import yaml

from tests.spec.builders import ABSENT, build, place, short
from tests.spec_schemas import component_validator, schema_validator

TABLE = yaml.safe_load(pathlib.Path(__file__).with_name("real_api_reference.yaml").read_text())
ROWS = TABLE["rows"]
VERDICTS = {"accepted": True, "refused": False}


@functools.cache
def document(profile: str | None) -> dict[str, Any]:
    return assistants_spec.load_spec().document(profile)


def pointer(doc: dict[str, Any], where: str) -> Any:
    node: Any = doc
    for part in where.removeprefix("#/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _undeclared_method_answer_conforms(doc: dict[str, Any], answer: dict[str, Any]) -> bool:
    for allowed in doc["x-undeclared-methods"]["answers"]:
        if allowed["status"] != answer["status"]:
            continue
        headers = {name.lower() for name in answer.get("headers", {})}
        if any(
            spec["required"] and name.lower() not in headers
            for name, spec in allowed.get("headers", {}).items()
        ):
            continue
        if "schema" in allowed:
            schema = {"$ref": allowed["schema"]}
            if not schema_validator(doc, schema).is_valid(answer.get("body")):
                continue
            if answer["body"]["error"]["type"] != allowed["error-type"]:
                continue
        return True
    return False


def conforms(row: dict[str, Any], raw: Any) -> bool:
    """Whether the spec (under the row's profile) accepts this value where the row puts it."""
    doc = document(row.get("profile"))
    kind = row["kind"]
    if kind in ("request", "answer"):
        body = place(row["base"], row["field"], build(raw))
        return component_validator(doc, row["schema"]).is_valid(body)
    if kind == "query":
        (operation,) = [
            op for item in doc["paths"].values() for op in item.values()
            if isinstance(op, dict) and op.get("operationId") == row["operation"]
        ]  # fmt: skip
        parameters = [assistants_spec.resolve(doc, p) for p in operation["parameters"]]
        (parameter,) = [p for p in parameters if p["name"] == row["parameter"]]
        return schema_validator(doc, parameter["schema"]).is_valid(build(raw))
    if kind == "header":
        response = doc["components"]["responses"][row["response"]]
        header = assistants_spec.resolve(doc, response["headers"][row["header"]])
        value = build(raw)
        if value is ABSENT:
            return not header.get("required", False)
        return schema_validator(doc, header["schema"]).is_valid(value)
    if kind == "undeclared-method":
        return _undeclared_method_answer_conforms(doc, raw)
    raise AssertionError(f"unknown row kind {kind!r}")


def cases() -> list[Any]:
    found = []
    for row in ROWS:
        for verdict in VERDICTS:
            for raw in row[verdict]:
                label = (
                    f"{row['what']} | {row.get('field', row.get('header', ''))}={short(build(raw))} {verdict}"
                )
                found.append(pytest.param(row, raw, verdict, id=re.sub(r"\s+", " ", label)))
    return found


@pytest.mark.parametrize(("row", "raw", "verdict"), cases())
def test_the_spec_gives_the_real_apis_verdict(row: dict[str, Any], raw: Any, verdict: str) -> None:
    accepted = conforms(row, raw)
    sources = ", ".join(f"{s['repository']} {s.get('path') or s.get('thread')}" for s in row["source"])
    if "unenforced-rule" in row and verdict == "refused":
        # JSON Schema cannot state this rule: the spec must record it where it applies instead.
        rule = row["unenforced-rule"]
        note = pointer(document(row.get("profile")), rule["marked-at"])["x-unenforced-rule"]
        assert note["rule"] == rule["rule"] and note["quote"] == rule["quote"]
        return
    if VERDICTS[verdict]:
        assert accepted, (
            f"{row['what']}: the real API accepted {short(build(raw))}, the spec refuses it ({sources})"
        )
    else:
        assert not accepted, (
            f"{row['what']}: the real API refused {short(build(raw))}, the spec accepts it ({sources})"
        )


@pytest.mark.parametrize("row", [r for r in ROWS if "stricter-than-published" in r], ids=lambda r: r["what"])
def test_deliberately_stricter_rows_point_at_the_node_that_quotes_the_prose(row: dict[str, Any]) -> None:
    stricter = row["stricter-than-published"]
    marked = pointer(document(row.get("profile")), stricter["marked-at"])
    note = marked["x-prose-limit"]
    assert stricter["quote"] in note["quote"].replace("[...] ", "") or note["quote"] in stricter["quote"], (
        f"{row['what']}: the table and the spec quote different prose"
    )
    assert row["refused"], "a stricter row must show what the prose refuses"


def test_every_row_names_its_source_by_repository_and_path_or_thread() -> None:
    for row in ROWS:
        assert row["source"], row["what"]
        for source in row["source"]:
            assert source["repository"].count("/") == 1, row["what"]
            if "path" in source:
                assert re.fullmatch(r"[0-9a-f]{40}", source["commit"]), row["what"]
            else:
                assert source["thread"].startswith("https://github.com/" + source["repository"] + "/"), row[
                    "what"
                ]


def test_the_table_covers_what_the_issue_names() -> None:
    """reasoning_effort, the vector_stores helper, nulls, Retry-After, additive answers, v1, 404/405."""
    fields = {row.get("field") for row in ROWS}
    assert {
        "reasoning_effort",
        "response_format",
        "tool_resources.file_search",
        "tool_resources",
        "tools",
    } <= fields
    kinds = {row["kind"] for row in ROWS}
    assert kinds == {"request", "answer", "query", "header", "undeclared-method"}
    assert any(row.get("profile") == "v1" for row in ROWS)
    assert len([row for row in ROWS if "stricter-than-published" in row]) >= 4
