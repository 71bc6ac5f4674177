"""What every report says about a deviation, and the limits every output keeps.

No output line is longer than `MAX_LINE` characters, and a report lists at most `DETAILED`
deviations in full (the others in one line each), so that a report against a server with hundreds
of failing requests stays small (well under 100 KB).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from contract_tests.findings import Deviation, Standing
from contract_tests.masking import Masker
from contract_tests.repro import MAX_LINE, Spill, curl

DETAILED = 40  # deviations shown with their example and reproduction
MAX_MESSAGE_LINES = 12
MAX_OPERATIONS = 6


def clip(line: str, limit: int = MAX_LINE) -> str:
    return line if len(line) <= limit else line[: limit - 30] + f"... ({len(line)} chars)"


def clip_lines(text: str, limit: int = MAX_LINE) -> str:
    return "\n".join(clip(line, limit) for line in text.split("\n"))


def message_excerpt(message: str) -> str:
    lines = [clip(line, 400) for line in message.strip().splitlines()]
    if len(lines) > MAX_MESSAGE_LINES:
        lines = lines[:MAX_MESSAGE_LINES] + [f"... ({len(lines) - MAX_MESSAGE_LINES} more lines)"]
    return "\n".join(lines)


def operations(deviation: Deviation) -> str:
    ops = sorted(deviation.operations)
    shown = ", ".join(ops[:MAX_OPERATIONS])
    return shown + (f" and {len(ops) - MAX_OPERATIONS} more" if len(ops) > MAX_OPERATIONS else "")


def standing_note(deviation: Deviation) -> str:
    return {
        Standing.NEW: "",
        Standing.KNOWN: "known (in the baseline)",
        Standing.IGNORED: "ignored (--ignore)",
    }[deviation.standing]


@dataclass
class Reproductions:
    """Renders reproductions once for every output (long bodies go to files next to the report)."""

    masker: Masker
    spill: Spill

    @classmethod
    def beside(cls, masker: Masker, *paths: Path | None) -> Reproductions:
        first = next((p for p in paths if p is not None), None)
        directory = (
            None if first is None or first.is_char_device() else first.parent / f"{first.name}.requests"
        )
        return cls(masker, Spill(directory))

    def commands(self, deviation: Deviation) -> list[str]:
        return [curl(request, self.masker, self.spill) for request in deviation.example.requests]

    def legend(self) -> list[str]:
        return [f"${{{name}}}: {source}" for name, source in self.masker.legend()]


def headline(deviation: Deviation) -> str:
    note = standing_note(deviation)
    return f"{deviation.label} [{deviation.severity.label}] {deviation.title}" + (
        f" - {note}" if note else ""
    )


def facts(deviation: Deviation) -> list[str]:
    lines = [
        (
            f"id: {deviation.id} | {deviation.count} failing request{'s' if deviation.count != 1 else ''} | "
            f"{operations(deviation)}"
        ),
        f"seen by: {', '.join(sorted(deviation.checks))}",
    ]
    if deviation.also:
        lines.append(f"also explains: {'; '.join(deviation.also[:6])}")
    if deviation.blocked:
        lines.append(
            f"blocked scenarios (could not run their own checks): {', '.join(sorted(deviation.blocked))}"
        )
    if deviation.example.attribution:
        lines.append(f"why the gateway's: {deviation.example.attribution}")
    return [clip(line) for line in lines]
