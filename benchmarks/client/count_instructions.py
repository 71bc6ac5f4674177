"""Instructions the client process executes per call, raw httpx against assistants_client, on loopback.

A deterministic companion to ``bench_calls.py`` for a shared machine: valgrind (callgrind) counts the
client's instructions, which other jobs on the machine do not change, where their wall and CPU times
move by several percent from one round to the next. Each (contender, call, size) runs twice in a
fresh process, with 0 and with N calls after the same warm-up (``PYTHONHASHSEED=0``); the difference
over N is one call. The server (granian, as in ``bench_calls.py``) is a separate process and is not
counted, nor is any wait. Instructions are not time (a cache miss costs more than an add), so read
these ratios next to ``bench_calls.py``'s, not instead of them.

    .venv/bin/python benchmarks/client/count_instructions.py              # needs valgrind (Debian: valgrind)
    .venv/bin/python benchmarks/client/count_instructions.py --calls get,list --jobs 2
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import warnings

import bench_calls

CONTENDERS = ("raw httpx", "assistants_client")
CALLS = ("create", "get", "modify", f"list {bench_calls.PAGE_SIZE}")
SIZES = ("small", "realistic")
WARM_UP = 30


def child(contender: str, call: str, size: str, calls: int) -> None:
    """Sets up like bench_calls.py does, warms up, then makes ``calls`` calls."""
    warnings.simplefilter("ignore", DeprecationWarning)
    examples = bench_calls.spec_examples()
    with bench_calls.loopback_server(bench_calls.routes(examples)) as origin:
        runners = bench_calls.contenders(origin, examples, "ids", None, sdks_too=False)
        run = runners[contender][(call, size)]
        for _ in range(WARM_UP):
            run()
        for _ in range(calls):
            run()


def _instructions(contender: str, call: str, size: str, calls: int) -> int:
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, __file__, "--child", contender, call, size, str(calls),
    ]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"valgrind failed for {contender} {call} {size}: {done.stderr[-800:]}")
    return int(found.group(1))


def per_call(contender: str, call: str, size: str, calls: int) -> float:
    return (_instructions(contender, call, size, calls) - _instructions(contender, call, size, 0)) / calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--child", nargs=4, metavar=("CONTENDER", "CALL", "SIZE", "N"), help=argparse.SUPPRESS
    )
    parser.add_argument("--calls", help="comma-separated calls to count (create,get,modify,list)")
    parser.add_argument("--n", type=int, default=200, help="calls counted per configuration (default 200)")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind processes at once (default 2)")
    args = parser.parse_args(argv)
    if args.child:
        contender, call, size, calls = args.child
        child(contender, call, size, int(calls))
        return 0
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed (Debian/Ubuntu: apt-get install valgrind)")
    wanted = [c for c in CALLS if not args.calls or c.split(" ")[0] in args.calls.split(",")]
    jobs = [(who, call, size) for call in wanted for size in SIZES for who in CONTENDERS]
    print(f"counting {len(jobs)} configurations, {args.n} calls each, {args.jobs} at a time", file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {job: pool.submit(per_call, *job, args.n) for job in jobs}
        counts = {}
        for job, future in futures.items():
            counts[job] = future.result()
            print(f"  {job[0]}, {job[1]}, {job[2]}: {counts[job]:,.0f}", file=sys.stderr)
    print("| call | raw httpx instructions/call | assistants_client | extra |")
    print("|---|---|---|---|")
    for call in wanted:
        for size in SIZES:
            raw, ours = counts[("raw httpx", call, size)], counts[("assistants_client", call, size)]
            print(f"| {call}, {size} | {raw:,.0f} | {ours / raw:.3f}x | {ours - raw:+,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
