"""The terminal summary: violations grouped by operation and check, each with a curl command to replay it."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from contract_tests.findings import Finding
from contract_tests.reports.summary import GATEWAY_SECTION, summarize
from contract_tests.runner import RunResult

MAX_PER_CHECK = 3


def print_summary(result: RunResult, console: Console) -> None:
    summary = summarize(result)
    _print_groups(console, result_groups(result.upstream_findings), "bold red", "✗")
    if result.gateway_findings:
        counted = result.options.strict_gateway
        console.rule(f"[bold yellow]{escape(GATEWAY_SECTION)}")
        console.print(
            "Not counted toward the verdict (--strict-gateway counts them)."
            if not counted
            else "Counted toward the verdict (--strict-gateway).",
            style="yellow",
        )
        _print_groups(console, result_groups(result.gateway_findings), "bold yellow", "!")
    style = {"CONFORMS": "green", "VIOLATIONS": "red"}.get(summary.verdict, "yellow")
    console.print(
        Panel(
            "\n".join(escape(d) for d in summary.details),
            title=escape(summary.headline),
            border_style=style,
            title_align="left",
        )
    )


def _print_groups(console: Console, groups, style: str, mark: str) -> None:
    for operation, checks in groups.items():
        console.rule(f"[bold]{escape(operation)}")
        for check, findings in checks.items():
            console.print(f"[{style}]{mark} {escape(check)}[/] ({len(findings)})")
            for finding in findings[:MAX_PER_CHECK]:
                console.print(escape(_indent(finding.message, 4)))
                if finding.attribution:
                    console.print(
                        escape(_indent(f"why the gateway's: {finding.attribution}", 4)), style="yellow"
                    )
                for command in finding.curl:
                    console.print(escape(_indent(command, 6)), style="dim", soft_wrap=True)
            if len(findings) > MAX_PER_CHECK:
                console.print(f"    ... and {len(findings) - MAX_PER_CHECK} more (see --report)")


def result_groups(findings_or_result: RunResult | list[Finding]):
    from contract_tests.findings import Findings

    items = findings_or_result.findings if isinstance(findings_or_result, RunResult) else findings_or_result
    findings = Findings()
    for finding in items:
        findings.add(finding)
    return findings.grouped()


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.splitlines())
