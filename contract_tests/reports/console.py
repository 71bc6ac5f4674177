"""The terminal summary: violations grouped by operation and check, each with a curl command to replay it."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from contract_tests.events import Event, Handler, RunFinished
from contract_tests.findings import Finding, Findings
from contract_tests.reports.summary import GATEWAY_SECTION, summarize
from contract_tests.results import RunResult

MAX_PER_CHECK = 3


class ConsoleSummary(Handler):
    def __init__(self, console: Console) -> None:
        self.console = console

    def handle(self, event: Event) -> None:
        if isinstance(event, RunFinished):
            print_summary(event.result, self.console)


def print_summary(result: RunResult, console: Console) -> None:
    summary = summarize(result)
    _print_groups(console, grouped(result.upstream_findings), "bold red", "✗")
    if result.gateway_findings:
        console.rule(f"[bold yellow]{escape(GATEWAY_SECTION)}")
        console.print(
            "Counted toward the verdict (--strict-gateway)."
            if result.config.strict_gateway
            else "Not counted toward the verdict (--strict-gateway counts them).",
            style="yellow",
        )
        _print_groups(console, grouped(result.gateway_findings), "bold yellow", "!")
    style = {"CONFORMS": "green", "VIOLATIONS": "red"}.get(summary.verdict, "yellow")
    console.print(
        Panel(
            "\n".join(escape(d) for d in summary.details),
            title=escape(summary.headline),
            border_style=style,
            title_align="left",
        )
    )


def grouped(findings: list[Finding]) -> dict[str, dict[str, list[Finding]]]:
    """operation -> check -> findings, sorted for stable reports."""
    collected = Findings()
    for item in findings:
        collected.add(item)
    return collected.grouped()


def _print_groups(
    console: Console, groups: dict[str, dict[str, list[Finding]]], style: str, mark: str
) -> None:
    for operation, checks in groups.items():
        console.rule(f"[bold]{escape(operation)}")
        for check, findings in checks.items():
            console.print(f"[{style}]{mark} {escape(check)}[/] ({len(findings)})")
            for item in findings[:MAX_PER_CHECK]:
                console.print(escape(_indent(item.message, 4)))
                if item.attribution:
                    console.print(
                        escape(_indent(f"why the gateway's: {item.attribution}", 4)), style="yellow"
                    )
                for command in item.curl:
                    console.print(escape(_indent(command, 6)), style="dim", soft_wrap=True)
            if len(findings) > MAX_PER_CHECK:
                console.print(f"    ... and {len(findings) - MAX_PER_CHECK} more (see --report)")


def _indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line for line in text.splitlines())
