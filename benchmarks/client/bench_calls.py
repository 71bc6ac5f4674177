"""Create + parse, side by side in one run: raw httpx, the generated client, the stock generated client,
the `openai` SDK and the `portkey-ai` SDK, against one loopback server (granian, canned answer).

Each round times every contender for the same number of calls, in a fresh random order; the
reported figure per contender is the median over rounds of its time per call divided by raw httpx's
time per call in the same round, so that drift on a shared machine hits both sides of each ratio.

    .venv/bin/python benchmarks/client/bench_create.py [--rounds 41] [--calls 100]

"raw httpx" is what a careful hand-written caller does: one kept-alive ``httpx.Client``,
``client.post(json=body)`` and ``json.loads(response.content)``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import pathlib
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
API_KEY = "sk-benchmark-not-a-real-key"


def spec_examples() -> tuple[dict, dict]:
    """The create request and its response, as the spec documents them."""
    import assistants_spec

    operation = assistants_spec.load()["paths"]["/assistants"]["post"]
    request = next(iter(operation["requestBody"]["content"]["application/json"]["examples"].values()))
    examples = operation["responses"]["200"]["content"]["application/json"]["examples"]
    return request["value"], examples["math_tutor"]["value"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def loopback_server(response_body: dict) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "BENCH_RESPONSE_BODY": json.dumps(response_body)}
    command = [
        str(pathlib.Path(sys.executable).parent / "granian"),
        "--interface", "rsgi", "--host", "127.0.0.1", "--port", str(port),
        "--workers", "1", "--no-ws", "--loop", "uvloop", "--log-level", "warning", "loopback_app:app",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=HERE, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the loopback server exited with {server.returncode}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the loopback server did not start within 15 s") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _stock_client_package(tmp: pathlib.Path):
    """The generator's stock output for the same spec, imported as ``stock_assistants_client``."""
    spec = importlib.util.spec_from_file_location(
        "client_generator", ROOT / "scripts/client_generator/generate.py"
    )
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    os.environ["PATH"] = f"{pathlib.Path(sys.executable).parent}:{os.environ['PATH']}"
    package_dir = tmp / "assistants_client"
    generator.generate(package_dir, custom_templates=False)
    spec = importlib.util.spec_from_file_location(
        "stock_assistants_client", package_dir / "__init__.py", submodule_search_locations=[str(package_dir)]
    )
    package = importlib.util.module_from_spec(spec)
    sys.modules["stock_assistants_client"] = package
    spec.loader.exec_module(package)
    return package


def contenders(
    base_url: str,
    request_body: dict,
    stock_package,
    transport: Callable[[], httpx.BaseTransport] | None = None,
) -> dict[str, Callable[[], object]]:
    """One create+parse callable per contender; ``transport`` (a factory) replaces the network for all."""
    import assistants_spec
    from assistants_client import Client
    from assistants_client.api.assistants import create_assistant
    from assistants_client.models import CreateAssistantRequest
    from openai import OpenAI
    from portkey_ai import Portkey

    beta = {assistants_spec.beta_header_name(): assistants_spec.beta_header_value()}
    found: dict[str, Callable[[], object]] = {}

    def http_client(**options) -> httpx.Client:
        return httpx.Client(base_url=base_url, transport=transport() if transport else None, **options)

    raw = http_client(headers={"Authorization": f"Bearer {API_KEY}", **beta})

    def raw_httpx() -> object:
        return json.loads(raw.post("/assistants", json=request_body).content)

    found["raw httpx"] = raw_httpx

    client = Client.openai(API_KEY, base_url=base_url, transport=transport() if transport else None)
    body = CreateAssistantRequest.from_dict(request_body)

    def generated() -> object:
        return create_assistant.sync(client=client, body=body)

    found["assistants_client"] = generated

    if stock_package is not None:
        stock_create = importlib.import_module("stock_assistants_client.api.assistants.create_assistant")
        stock_models = importlib.import_module("stock_assistants_client.models")
        stock_client = stock_package.AuthenticatedClient(base_url=base_url, token=API_KEY, headers=beta)
        if transport:
            stock_client.set_httpx_client(http_client(headers={"Authorization": f"Bearer {API_KEY}", **beta}))
        stock_body = stock_models.CreateAssistantRequest.from_dict(request_body)

        def stock() -> object:
            return stock_create.sync(client=stock_client, body=stock_body)

        found["stock generated"] = stock

    openai_client = OpenAI(
        api_key=API_KEY, base_url=base_url, http_client=http_client() if transport else None
    )

    def openai_sdk() -> object:
        return openai_client.beta.assistants.create(**request_body)

    found["openai SDK"] = openai_sdk

    portkey_client = Portkey(
        api_key="pk-benchmark",
        virtual_key="vk-benchmark",
        base_url=base_url,
        http_client=http_client() if transport else None,
    )

    def portkey_sdk() -> object:
        return portkey_client.beta.assistants.create(**request_body)

    found["portkey-ai SDK"] = portkey_sdk
    return found


def check_equal_work(runners: dict[str, Callable[[], object]], expected_name: str) -> None:
    """Every contender must really create and parse: a broken one would look fast."""
    for name, run in runners.items():
        result = run()
        got = result.get("name") if isinstance(result, dict) else getattr(result, "name", None)
        if got != expected_name:
            raise RuntimeError(f"{name} did not return the created assistant (got {result!r:.200})")


def measure(runners: dict[str, Callable[[], object]], rounds: int, calls: int) -> dict[str, list[float]]:
    per_call: dict[str, list[float]] = {name: [] for name in runners}
    order = list(runners)
    for _ in range(rounds):
        random.shuffle(order)
        for name in order:
            run = runners[name]
            start = time.perf_counter()
            for _ in range(calls):
                run()
            per_call[name].append((time.perf_counter() - start) / calls)
    return per_call


def report(per_call: dict[str, list[float]], rounds: int, calls: int) -> str:
    raw = per_call["raw httpx"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        (
            f"create + parse, {rounds} rounds x {calls} calls per contender, interleaved in random order "
            f"(load average at the end: {load:.2f}, {os.cpu_count()} cores)"
        ),
        f"{'contender':<18} {'median us/call':>14} {'ratio to raw':>12} {'ratio IQR':>15} {'extra us/call':>13}",
    ]
    for name, times in per_call.items():
        ratios = [t / r for t, r in zip(times, raw, strict=True)]
        extra = [(t - r) * 1e6 for t, r in zip(times, raw, strict=True)]
        q1, _, q3 = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
        lines.append(
            f"{name:<18} {statistics.median(times) * 1e6:>14.1f} {statistics.median(ratios):>11.3f}x "
            f"{q1:>7.3f}-{q3:<7.3f} {statistics.median(extra):>13.1f}"
        )
    lines.append("ratio = median over rounds of (contender / raw httpx in the same round)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=41)
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--no-stock", action="store_true", help="skip the generator's stock output")
    parser.add_argument(
        "--in-memory",
        action="store_true",
        help="answer from an httpx.MockTransport instead of the loopback server: no sockets, so the ratios "
        "show each client's own CPU cost per call",
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)  # openai marks the Assistants API deprecated
    request_body, response_body = spec_examples()
    with tempfile.TemporaryDirectory(prefix="bench-stock-client-") as tmp:
        stock = None if args.no_stock else _stock_client_package(pathlib.Path(tmp))
        if args.in_memory:
            canned = json.dumps(response_body).encode()

            def answer(request: httpx.Request) -> httpx.Response:
                request.read()
                return httpx.Response(200, content=canned, headers={"content-type": "application/json"})

            server = contextlib.nullcontext("http://in-memory.test/v1")
            transport = lambda: httpx.MockTransport(answer)
        else:
            server, transport = loopback_server(response_body), None
        with server as base_url:
            runners = contenders(base_url, request_body, stock, transport)
            check_equal_work(runners, response_body["name"])
            measure(runners, rounds=1, calls=max(args.calls // 5, 20))  # warm up connections and caches
            per_call = measure(runners, args.rounds, args.calls)
    print(report(per_call, args.rounds, args.calls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
