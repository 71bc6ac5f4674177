"""Wall time of the default conformance run on the bundled mock, side by side with schemathesis alone.

Each round runs, in a fresh random order, on a fresh mock each:
  - conformance: `python -m contract_tests` with its defaults (the run `scripts/conformance` makes);
  - schemathesis alone: `schemathesis run` on the same spec, same max-examples, all checks.
The target (issue 5) is an absolute one: the default run takes at most 60 s on this 2-core machine.
The ratio to schemathesis alone (same round, same machine load) shows what the behaviour scenarios
and checks cost on top of it.

    .venv/bin/python benchmarks/conformance/bench_default_run.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import assistants_spec

from contract_tests.cli import DEFAULT_MAX_EXAMPLES
from mock_server import DEFAULT_API_KEYS, DEFAULT_VIRTUAL_KEYS
from mock_server.process import MockProcess


def conformance(seed: int) -> tuple[float, int]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "contract_tests", "--seed", str(seed), "--no-progress"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return time.monotonic() - started, done.returncode


def schemathesis_alone(seed: int, spec_file: Path) -> tuple[float, int]:
    with MockProcess() as mock:
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "schemathesis.cli",
                "run",
                str(spec_file),
                "--url",
                mock.url,
                "--checks",
                "all",
                "--max-examples",
                str(DEFAULT_MAX_EXAMPLES),
                "--seed",
                str(seed),
                "-H",
                f"x-portkey-api-key: {DEFAULT_API_KEYS[0]}",
                "-H",
                f"x-portkey-virtual-key: {DEFAULT_VIRTUAL_KEYS[0]}",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        # The mock's start is outside the timed part; the conformance figure includes starting it.
        return time.monotonic() - started, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        spec_file = Path(tmp, "openapi.yaml")
        spec_file.write_text(assistants_spec.dump())
        rows = []
        for round_no in range(args.rounds):
            seed = 1000 + round_no
            contenders = [
                ("conformance", lambda seed=seed: conformance(seed)),
                ("schemathesis", lambda seed=seed: schemathesis_alone(seed, spec_file)),
            ]
            random.shuffle(contenders)
            results = {name: run() for name, run in contenders}
            ours, alone = results["conformance"], results["schemathesis"]
            rows.append((ours[0], alone[0], ours[0] / alone[0]))
            print(
                f"round {round_no + 1}: conformance {ours[0]:.1f}s (exit {ours[1]}), "
                f"schemathesis alone {alone[0]:.1f}s (exit {alone[1]}), ratio {ours[0] / alone[0]:.2f}x",
                flush=True,
            )
    print(
        f"median: conformance {statistics.median(r[0] for r in rows):.1f}s (target <= 60 s), "
        f"ratio to schemathesis alone {statistics.median(r[2] for r in rows):.2f}x"
    )


if __name__ == "__main__":
    main()
