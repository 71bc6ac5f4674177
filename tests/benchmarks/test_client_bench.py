"""The client benchmark still runs and still makes every contender do the same work (it checks that
before timing): a benchmark that rots is found here, not when someone needs its numbers."""

from __future__ import annotations

import pathlib
import subprocess
import sys

BENCH = pathlib.Path(__file__).parents[2] / "benchmarks" / "client" / "bench_calls.py"


def _run(*args: str) -> str:
    command = [sys.executable, str(BENCH), "--rounds", "1", "--calls", "2", "--in-memory", *args]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_every_call_of_every_contender_is_measured() -> None:
    out = _run("--read", "tools")
    rows = [
        line for line in out.splitlines() if line.startswith("| ") and "x" in line and "us/call" not in line
    ]
    calls = [row.split("|")[1].strip() for row in rows]
    assert calls == [
        f"{call}, {size}"
        for call in ("create", "get", "modify", "list 20")
        for size in ("small", "realistic")
    ], out
    for name in ("assistants_client", "stock generated", "openai SDK", "portkey-ai SDK"):
        assert name in out
    assert "decodes with orjson" in out


def test_the_client_can_be_measured_with_the_standard_library_json() -> None:
    out = _run("--only", "assistants_client", "--client-json", "stdlib", "--calls-only", "get")
    assert "decodes with stdlib" in out
