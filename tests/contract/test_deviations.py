"""Findings become deviations by cause, with bounded reproductions and masked keys (no server needed)."""

from __future__ import annotations

import json
import subprocess

from contract_tests import causes
from contract_tests.findings import Finding, Findings
from contract_tests.masking import Masker, Secret
from contract_tests.repro import MAX_LINE, SentRequest, Spill, curl

CREATE, MODIFY, LIST = "POST /assistants", "POST /assistants/{assistant_id}", "GET /assistants"


def _finding(check: str, operation: str, cause: causes.Cause, body: str = "{}") -> Finding:
    request = SentRequest.of(
        "POST", "http://127.0.0.1:9/v1/assistants", {"OpenAI-Beta": "assistants=v2"}, body
    )
    return Finding(operation, check, f"{check} saw it", (request,), cause=cause)


def test_one_cause_seen_by_several_checks_on_several_operations_is_one_deviation() -> None:
    found = Findings()
    for check, operation in (("beta_header_is_required", LIST), ("missing_required_header", CREATE)):
        found.add(_finding(check, operation, causes.BETA_HEADER(aspect="missing")))
    found.add(_finding("negative_data_rejection", MODIFY, causes.BETA_HEADER(aspect="missing"), "x" * 50))
    [deviation] = found.deviations()
    assert deviation.count == 3 and deviation.operations == {LIST, CREATE, MODIFY}
    assert deviation.checks == {
        "beta_header_is_required",
        "missing_required_header",
        "negative_data_rejection",
    }
    assert deviation.example.check != "negative_data_rejection"  # the shortest reproduction represents it


def test_most_harmful_first() -> None:
    found = Findings()
    found.add(_finding("status_code_conformance", CREATE, causes.STATUS_UNDECLARED("201")))
    found.add(_finding("tenants_are_isolated", CREATE, causes.TENANT_LEAK()))
    found.add(_finding("created_is_read_back", CREATE, causes.WRITE_NOT_KEPT("metadata")))
    assert [d.id for d in found.deviations()] == [
        "write-not-kept:metadata",
        "tenant-leak",
        "status-undeclared:201",
    ]


def test_a_field_the_server_drops_explains_its_invalid_values_accepted() -> None:
    found = Findings()
    found.add(_finding("created_is_read_back", CREATE, causes.WRITE_NOT_KEPT("metadata")))
    found.add(
        _finding("negative_data_rejection", CREATE, causes.ACCEPTS_INVALID(subject="metadata", aspect="type"))
    )
    found.add(
        _finding(
            "negative_data_rejection", CREATE, causes.ACCEPTS_INVALID(subject="name", aspect="maxLength")
        )
    )
    deviations = found.deviations({"create": CREATE, "modify": MODIFY})
    assert [d.id for d in deviations] == ["write-not-kept:metadata", "accepts-invalid"]
    assert deviations[0].count == 2 and deviations[1].subjects == {"name: maxLength"}


def test_long_bodies_leave_the_command_line(tmp_path) -> None:
    masker = Masker()
    repeated = json.dumps({"model": "gpt-4o", "instructions": "aé€😀" * 64000})
    command = curl(SentRequest.of("POST", "http://h/v1/assistants", {}, repeated), masker, Spill(None))
    assert len(command) < MAX_LINE and "python3 -c" in command
    # The shell rebuilds the body the command sends: it replays as printed.
    printed = subprocess.run(
        ["bash", "-c", command.replace("curl ", "printf '%s\\n' ", 1)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert json.loads(printed[-2]) == json.loads(repeated)
    random_text = json.dumps({"instructions": "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(5000))})
    spill = Spill(tmp_path)
    command = curl(SentRequest.of("POST", "http://h/v1/assistants", {}, random_text), masker, spill)
    assert len(command) < MAX_LINE and "--data-binary @" in command
    assert spill.written[0].read_text() == random_text


def test_keys_are_masked_in_any_case_and_named_by_their_source() -> None:
    masker = Masker.of(
        [Secret("sk-azure-0123456789", "CONFORMANCE_HEADER_API_KEY", "the value given with --header")]
    )
    assert "0123456789" not in masker.mask("echo: SK-AZURE-0123456789 and sk-azure-0123456789")
    argument = masker.header_argument("api-key", "sk-azure-0123456789")
    assert argument == "'api-key: '\"${CONFORMANCE_HEADER_API_KEY}\""
    assert masker.legend() == [("CONFORMANCE_HEADER_API_KEY", "the value given with --header")]
    assert Masker.of([Secret("k", "K")]).mask("keep every k") == "keep every k"  # too short to hunt in text
