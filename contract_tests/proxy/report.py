"""What the proxy and the replay tell people: typed events, a report, and one renderer per output.

The seam to the rest of the suite: ``Violation`` is the event (printed once, as it happens),
``Report`` the result (grouped violations and counts), and ``render_console_line``,
``render_markdown`` and ``render_junit`` the renderers. ``as_findings`` turns a report into the
suite's ``Finding`` objects, for renderers that read those. Every text a renderer returns is masked
by the caller's ``mask``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

EXAMPLES = 3
_LINE = 600


@dataclass(frozen=True)
class Violation:
    side: str  # "client" (the app's bug) or "server"
    check: str
    clause: str
    operation: str  # e.g. "GET /assistants/{assistant_id}"
    kind: str  # what exactly; with side, check and operation the identity of a distinct violation
    message: str
    request: str  # "GET /v1/assistants/asst_1 -> 200", the exchange that showed it
    seq: int  # the exchange's number in this run

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.side, self.check, self.operation, self.kind)


@dataclass
class Group:
    """One distinct violation: the first occurrence, how many exchanges showed it, a few examples."""

    first: Violation
    count: int = 1
    examples: list[Violation] = field(default_factory=list)


def add_violation(groups: dict[tuple[str, str, str, str], Group], violation: Violation) -> bool:
    """Counts ``violation`` in its group (keeping a few examples); True when it starts a new group,
    which is then shown as it happens."""
    group = groups.get(violation.key)
    if group is None:
        groups[violation.key] = Group(violation)
        return True
    group.count += 1
    if len(group.examples) < 3:
        group.examples.append(violation)
    return False


@dataclass
class Report:
    title: str  # "assistants-proxy" or "assistants-conformance --replay"
    subject: str  # what was checked, e.g. "upstream http://127.0.0.1:4010/v1"
    counts: list[tuple[str, int]]  # ("exchanges", 12), ... in the order shown
    groups: list[Group]
    checks: list[tuple[str, str, str]]  # (name, side, clause) of every check that ran
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    noun: str = "violation"  # what a group is called ("difference" for a replay)

    @property
    def failed(self) -> bool:
        return bool(self.groups)

    def ordered(self) -> list[Group]:
        return sorted(
            self.groups, key=lambda g: (g.first.side, g.first.check, g.first.operation, g.first.seq)
        )


def _short(text: str, limit: int = _LINE) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def render_console_line(violation: Violation, noun: str = "violation") -> str:
    return _short(
        f"{noun.upper()} [{violation.side}] {violation.operation} {violation.check}: "
        f"{violation.message} (#{violation.seq} {violation.request})"
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_summary(report: Report) -> str:
    counted = ", ".join(f"{name}: {value}" for name, value in report.counts)
    verdict = _plural(len(report.groups), f"distinct {report.noun}")
    return _short(f"{report.title}: {verdict} ({counted})", 2000)


def render_markdown(report: Report) -> str:
    icon = "❌" if report.failed else "✅"
    lines = [
        f"## {icon} {report.title}: {_plural(len(report.groups), f'distinct {report.noun}')}",
        "",
        f"{report.subject}, {report.seconds:.1f} s.",
        "",
    ]
    lines += [f"- {name}: {value}" for name, value in report.counts]
    lines += [f"- {note}" for note in report.notes]
    lines.append("")
    if report.groups:
        lines += ["| Side | Check | Operation | Exchanges | First seen |", "|---|---|---|---|---|"]
        for group in report.ordered():
            v = group.first
            lines.append(f"| {v.side} | `{v.check}` | `{v.operation}` | {group.count} | #{v.seq} |")
        lines.append("")
        clauses = {name: clause for name, _, clause in report.checks}
        for side in ("client", "server"):
            side_groups = [g for g in report.ordered() if g.first.side == side]
            if not side_groups:
                continue
            title = (
                "The app's requests (side client)"
                if side == "client"
                else "The server's answers (side server)"
            )
            lines += [f"### {title}", ""]
            for group in side_groups:
                v = group.first
                lines += [f"#### `{v.check}` on `{v.operation}` ({_plural(group.count, 'exchange')})", ""]
                if v.check in clauses:
                    lines += [f"Clause: {clauses[v.check]}", ""]
                lines += ["```text"]
                for example in [v, *group.examples][: EXAMPLES + 1]:
                    lines.append(_short(f"#{example.seq} {example.request}: {example.message}"))
                lines += ["```", ""]
    ran = ", ".join(f"`{name}`" for name, _, _ in report.checks)
    lines += [f"Checks run: {ran}.", ""]
    return "\n".join(lines)


def render_junit(report: Report) -> str:
    """One test case per check; a check that found something fails with its distinct violations."""
    suite = ET.Element("testsuite", name=report.title, time=f"{report.seconds:.3f}")
    by_check: dict[str, list[Group]] = {}
    for group in report.ordered():
        by_check.setdefault(group.first.check, []).append(group)
    failures = 0
    for name, side, clause in report.checks:
        case = ET.SubElement(suite, "testcase", classname=f"{report.title.split()[0]}.{side}", name=name)
        groups = by_check.get(name)
        if not groups:
            continue
        failures += 1
        failure = ET.SubElement(
            case, "failure", message=_short(f"{clause} {_plural(len(groups), report.noun)}", 300)
        )
        failure.text = "\n".join(
            _short(
                f"{g.first.operation}: {g.first.message} (#{g.first.seq} {g.first.request}; {g.count} exchanges)"
            )
            for g in groups
        )
    suite.set("tests", str(len(report.checks)))
    suite.set("failures", str(failures))
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def as_findings(report: Report, mask: Callable[[str], str]) -> list:
    """The report's distinct violations as the suite's ``Finding`` objects (source "proxy")."""
    from contract_tests.findings import Finding

    return [
        Finding(
            operation=g.first.operation,
            check=g.first.check,
            message=mask(f"{g.first.message} ({g.first.side}; {g.count} exchanges; e.g. {g.first.request})"),
            source="proxy",
        )
        for g in report.ordered()
    ]
