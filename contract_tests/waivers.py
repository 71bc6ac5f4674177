"""Known deviations a team has decided to live with: `--ignore` and the baseline file.

``--ignore NAME`` or ``--ignore NAME:OPERATION``: NAME is a check or scenario (as the report names
them) or a deviation's id (its rule, e.g. ``beta-header``, or rule and detail, e.g.
``status-undeclared:201``); OPERATION an operationId or a label (``GET /assistants``). Failures it
covers are not counted (the summary says how many were waived); a check or scenario ignored on every
operation is not run at all.

``--write-baseline FILE`` records the distinct deviations of a run; ``--baseline FILE`` reports the
deviations found in it as known (not counted) and says which of its entries this run did not see.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistants_spec import ProfileView

from contract_tests import causes, registry
from contract_tests.findings import Deviation, Finding, Standing
from contract_tests.target import ConfigError

BASELINE_FORMAT = "assistants-conformance baseline"
BASELINE_VERSION = 1


@dataclass(frozen=True)
class Waiver:
    raw: str
    name: str
    operation: str | None = None  # an operation label

    def covers(self, finding: Finding) -> bool:
        if self.operation is not None and finding.operation != self.operation:
            return False
        cause = finding.the_cause
        return self.name in (finding.check, cause.id, cause.rule.name)


def _known_names() -> set[str]:
    from contract_tests.engine import BUILTIN_CHECKS

    return {e.name for e in registry.entries()} | set(BUILTIN_CHECKS)


def parse_ignore(raw: str, view: ProfileView) -> Waiver:
    text = raw.strip()
    labels = {op.label.lower(): op.label for op in view.operations.values()}
    labels.update({op.id.lower(): op.label for op in view.operations.values()})
    name, operation = text, None
    head, sep, tail = text.rpartition(":")
    if sep and tail.strip().lower() in labels:
        name, operation = head.strip(), labels[tail.strip().lower()]
    rule = name.split(":", 1)[0]
    if name not in _known_names() and causes.known(rule) is None:
        raise ConfigError(
            f"--ignore {raw!r}: {name!r} is no check, scenario or deviation id (the report shows them; "
            "OPERATION is an operationId such as createAssistant)"
        )
    return Waiver(text, name, operation)


@dataclass
class Waivers:
    entries: tuple[Waiver, ...] = ()
    dropped: dict[str, int] = field(default_factory=dict)

    def drops(self, finding: Finding) -> bool:
        for waiver in self.entries:
            if waiver.covers(finding):
                self.dropped[waiver.raw] = self.dropped.get(waiver.raw, 0) + 1
                return True
        return False

    def skips(self, name: str) -> bool:
        """A check or scenario ignored on every operation: not run at all."""
        return any(w.name == name and w.operation is None for w in self.entries)

    def summary(self) -> dict[str, int]:
        return {w.raw: self.dropped.get(w.raw, 0) for w in self.entries}


# -- baselines -------------------------------------------------------------------------------------
def baseline_entry(deviation: Deviation) -> dict[str, Any]:
    return {
        "id": deviation.id,
        "origin": deviation.origin.value,
        "severity": deviation.severity.label,
        "clause": deviation.cause.clause,
        "operations": sorted(deviation.operations),
        "checks": sorted(deviation.checks),
    }


def render_baseline(deviations: Iterable[Deviation], profile: str) -> str:
    document = {
        "format": BASELINE_FORMAT,
        "version": BASELINE_VERSION,
        "profile": profile,
        "deviations": [baseline_entry(d) for d in deviations],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_baseline(path: Path) -> list[dict[str, Any]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"--baseline {path}: cannot read it ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ConfigError(f"--baseline {path}: not JSON ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != BASELINE_FORMAT:
        raise ConfigError(f"--baseline {path}: not a baseline written by --write-baseline")
    entries = document.get("deviations")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries
    ):
        raise ConfigError(f"--baseline {path}: its deviations are not a list of entries with an id")
    return entries


def apply_baseline(deviations: list[Deviation], entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Marks the deviations the baseline knows; returns its entries this run did not see (fixed, or not
    exercised this time)."""
    known = {(e.get("origin", "upstream"), e["id"]) for e in entries}
    seen = set()
    for deviation in deviations:
        key = (deviation.origin.value, deviation.id)
        if key in known and deviation.standing is Standing.NEW:
            deviation.standing = Standing.KNOWN
            seen.add(key)
    return [e for e in entries if (e.get("origin", "upstream"), e["id"]) not in seen]
