"""Known deviations: --ignore waives them, a baseline records them and fails only on new ones, and
cleanup that could not delete says so without changing the verdict."""

from __future__ import annotations

import json
from pathlib import Path

from tests.contract.harness import run_conformance

BETA_OPTIONAL = "tests.contract.variants:beta_header_optional"
# Enough to meet the beta-header deviation (its scenario), and quick.
QUICK = ("--phases", "examples")


def test_a_baseline_fails_only_on_new_deviations_and_says_what_was_fixed(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    first = run_conformance(middleware=BETA_OPTIONAL, args=(*QUICK, "--write-baseline", str(baseline)))
    assert first.exit_code == 1, first.stderr[-2000:]
    entries = json.loads(baseline.read_text())["deviations"]
    assert [e["id"] for e in entries] == ["beta-header"]

    known = run_conformance(middleware=BETA_OPTIONAL, args=(*QUICK, "--baseline", str(baseline)))
    assert known.exit_code == 0, known.stdout[-3000:]
    assert "known (in the baseline)" in known.report

    fixed = run_conformance(args=(*QUICK, "--baseline", str(baseline)))
    assert fixed.exit_code == 0, fixed.stdout[-3000:]
    assert "1 entry not seen this run (fixed, or not exercised): beta-header" in fixed.report


def test_ignore_waives_a_deviation_by_its_id_but_not_by_one_of_its_checks() -> None:
    waived = run_conformance(middleware=BETA_OPTIONAL, args=(*QUICK, "--ignore", "beta-header"))
    assert waived.exit_code == 0, waived.stdout[-3000:]
    assert "ignored: beta-header (" in waived.report
    # Another check still sees the same deviation: ignoring one check does not hide it.
    partly = run_conformance(
        middleware=BETA_OPTIONAL, args=("--phases", "coverage", "--ignore", "beta_header_is_required")
    )
    assert partly.exit_code == 1
    assert set(partly.deviations) == {"beta-header"}
    assert "beta_header_is_required" not in partly.deviations["beta-header"]


def test_what_cleanup_leaves_behind_is_listed_and_does_not_change_the_verdict() -> None:
    outcome = run_conformance(
        middleware="tests.contract.hostile:delete_never_works",
        args=("--phases", "examples", "--no-scenarios", "--ignore", "valid-data-refused"),
    )
    assert "LEFT BEHIND" in outcome.stdout
    assert "deleted 0 of" in outcome.stdout
    ids = outcome.report.split("### Left behind:", 1)[1]
    assert "asst_" in ids
    assert outcome.exit_code == 0, outcome.stdout[-3000:]
