"""Create, get, modify and list a page of 20, side by side in one run: raw httpx, the generated client,
the stock generated client, the `openai` SDK and the `portkey-ai` SDK, against one loopback server
(granian, canned answers), each call with the spec's small example and with its realistic assistant.

In each round, for each call (in a fresh random order), every contender makes the same number of
calls in a row, the contenders in a fresh random order; the figure reported per (contender, call) is
the median over rounds of its median call time divided by raw httpx's median call time for the same
call in the same round, so that load from other jobs on a shared machine hits both sides of each
ratio, and a call preempted by another job does not count.

    .venv/bin/python benchmarks/client/bench_calls.py [--rounds 31] [--calls 40] [--read ids]

"raw httpx" is what a careful hand-written caller does: one kept-alive ``httpx.Client``,
``client.request(json=body)`` and ``json.loads(response.content)``. Every contender then reads what
``--read`` says from what it got back, the same for all: ``ids`` (default) the id and name of each
assistant returned, ``tools`` also each tool's type and function name, ``everything`` the whole
answer back as JSON-ready dicts (``to_dict()``, ``model_dump()``; raw httpx already has them).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib
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
from typing import Any

import httpx

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
API_KEY = "sk-benchmark-not-a-real-key"
PAGE_SIZE = 20
SIZES = ("small", "realistic")
CALLS = ("create", "get", "modify", f"list {PAGE_SIZE}")
CONTENDERS = ("raw httpx", "assistants_client", "stock generated", "openai SDK", "portkey-ai SDK")

Scenario = tuple[str, str]  # (call, size)


def _examples(view, media: dict[str, Any]) -> dict[str, Any]:
    return {
        name: view.resolve(e)["value"] for name, e in media["content"]["application/json"]["examples"].items()
    }


def spec_examples() -> dict[str, dict[str, Any]]:
    """Per size, the bodies the spec documents: what is sent and what is answered for each call.

    small: the `math_tutor` create and answer, and the `rename` modify; realistic: the
    `support_agent` create and answer (every kind of tool, tool resources, metadata), and a modify
    that sends that assistant's fields again. A list page holds 20 copies of the size's assistant,
    with distinct ids, in the spec's list answer.
    """
    import assistants_spec

    view = assistants_spec.load_spec().view()
    create, modify, listing = (
        view.operation(o) for o in ("createAssistant", "modifyAssistant", "listAssistants")
    )
    create_requests = _examples(view, view.resolve(create.raw["requestBody"]))
    created = _examples(view, view.resolve(create.raw["responses"]["200"]))
    modify_requests = _examples(view, view.resolve(modify.raw["requestBody"]))
    page_example = _examples(view, view.resolve(listing.raw["responses"]["200"]))["three"]
    chosen = {
        "small": ("math_tutor", "math_tutor", modify_requests["rename"]),
        "realistic": ("support_agent", "support_agent", create_requests["support_agent"]),
    }
    found = {}
    for size, (request_name, answer_name, modify_request) in chosen.items():
        assistant = created[answer_name]
        items = [
            {
                **copy.deepcopy(assistant),
                "id": f"{assistant['id']}{i:02d}",
                "created_at": assistant["created_at"] - i,
            }
            for i in range(PAGE_SIZE)
        ]
        found[size] = {
            "create_request": create_requests[request_name],
            "modify_request": modify_request,
            "assistant": assistant,
            "modified": {**assistant, **modify_request},
            "page": {
                **page_example,
                "data": items,
                "first_id": items[0]["id"],
                "last_id": items[-1]["id"],
                "has_more": True,
            },
        }
    return found


def routes(examples: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The loopback server's table: one API root per size (``/small/v1``, ``/realistic/v1``)."""
    table = {}
    for size, e in examples.items():
        root = f"/{size}/v1/assistants"
        table[f"POST {root}"] = e["assistant"]
        table[f"GET {root}/{{id}}"] = e["assistant"]
        table[f"POST {root}/{{id}}"] = e["modified"]
        table[f"GET {root}"] = e["page"]
    return table


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def loopback_server(table: dict[str, Any]) -> Iterator[str]:
    """Yields the server's origin (``http://127.0.0.1:PORT``)."""
    port = _free_port()
    env = {**os.environ, "BENCH_ROUTES": json.dumps(table)}
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
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def in_memory_transport(table: dict[str, Any]) -> Callable[[], httpx.BaseTransport]:
    """The loopback server's answers from an ``httpx.MockTransport``: no sockets."""
    exact, by_parent = {}, {}
    for route, body in table.items():
        method, path = route.split(" ", 1)
        if path.endswith("/{id}"):
            by_parent[(method, path[: -len("/{id}")])] = json.dumps(body).encode()
        else:
            exact[(method, path)] = json.dumps(body).encode()
    headers = {"content-type": "application/json", "x-request-id": "req_benchmark"}

    def answer(request: httpx.Request) -> httpx.Response:
        request.read()
        path = request.url.path
        body = exact.get((request.method, path)) or by_parent[(request.method, path.rsplit("/", 1)[0])]
        return httpx.Response(200, content=body, headers=headers)

    return lambda: httpx.MockTransport(answer)


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


# -- what each contender reads from what it got back ------------------------------------------------
def read_raw(items: list[dict[str, Any]], depth: str) -> list[Any]:
    if depth == "everything":
        return items
    if depth == "tools":
        return [
            (
                a["id"],
                a["name"],
                [(t["type"], t["function"]["name"] if "function" in t else None) for t in a["tools"]],
            )
            for a in items
        ]
    return [(a["id"], a["name"]) for a in items]


def read_attrs(items: list[Any], depth: str) -> list[Any]:
    """The generated clients' attrs models (a tool's type is ``type_``)."""
    if depth == "everything":
        return [a.to_dict() for a in items]
    if depth == "tools":
        return [
            (a.id, a.name, [(t.type_, t.function.name if t.type_ == "function" else None) for t in a.tools])
            for a in items
        ]
    return [(a.id, a.name) for a in items]


def read_pydantic(items: list[Any], depth: str) -> list[Any]:
    """The SDKs' pydantic models."""
    if depth == "everything":
        return [a.model_dump(mode="json", exclude_unset=True) for a in items]
    if depth == "tools":
        return [
            (a.id, a.name, [(t.type, t.function.name if t.type == "function" else None) for t in a.tools])
            for a in items
        ]
    return [(a.id, a.name) for a in items]


def contenders(
    origin: str,
    examples: dict[str, dict[str, Any]],
    depth: str,
    stock_package,
    transport: Callable[[], httpx.BaseTransport] | None = None,
    sdks_too: bool = True,
) -> dict[str, dict[Scenario, Callable[[], list[Any]]]]:
    """Per contender, one callable per (call, size): the call, its parsing, and the read. Without
    ``sdks_too`` the SDKs are not even imported (count_instructions.py runs under valgrind)."""
    import assistants_spec
    from assistants_client import Client
    from assistants_client.models import CreateAssistantRequest, ModifyAssistantRequest

    beta = {assistants_spec.load_spec().beta_header: assistants_spec.load_spec().beta_value()}
    found: dict[str, dict[Scenario, Callable[[], list[Any]]]] = {name: {} for name in CONTENDERS}

    def http_client(base_url: str, **options) -> httpx.Client:
        return httpx.Client(base_url=base_url, transport=transport() if transport else None, **options)

    if stock_package is not None:
        stock_api = {
            call: importlib.import_module(f"stock_assistants_client.api.assistants.{call}_assistant{s}")
            for call, s in (("create", ""), ("get", ""), ("modify", ""), ("list", "s"))
        }
        stock_models = importlib.import_module("stock_assistants_client.models")

    if sdks_too:
        from openai import OpenAI
        from portkey_ai import Portkey

    def add_size(size: str, e: dict[str, Any]) -> None:  # a function, so each size's lambdas keep its values
        base_url = f"{origin}/{size}/v1"
        one_id = e["assistant"]["id"]
        create_body, modify_body = e["create_request"], e["modify_request"]
        list_call = f"list {PAGE_SIZE}"

        raw = http_client(base_url, headers={"Authorization": f"Bearer {API_KEY}", **beta})
        raw_calls = {
            "create": lambda raw=raw, b=create_body: [json.loads(raw.post("/assistants", json=b).content)],
            "get": lambda raw=raw: [json.loads(raw.get(f"/assistants/{one_id}").content)],
            "modify": lambda raw=raw, b=modify_body: [
                json.loads(raw.post(f"/assistants/{one_id}", json=b).content)
            ],
            list_call: lambda raw=raw: json.loads(
                raw.get("/assistants", params={"limit": PAGE_SIZE}).content
            )["data"],
        }

        ours = Client.openai(
            API_KEY, base_url=base_url, transport=transport() if transport else None
        ).assistants
        create_model = CreateAssistantRequest.from_dict(copy.deepcopy(create_body))
        modify_model = ModifyAssistantRequest.from_dict(copy.deepcopy(modify_body))
        our_calls = {
            "create": lambda c=ours, b=create_model: [c.create_assistant(body=b)],
            "get": lambda c=ours: [c.get_assistant(one_id)],
            "modify": lambda c=ours, b=modify_model: [c.modify_assistant(one_id, body=b)],
            list_call: lambda c=ours: c.list_assistants(limit=PAGE_SIZE).data,
        }

        stock_calls = {}
        if stock_package is not None:
            stock_client = stock_package.AuthenticatedClient(base_url=base_url, token=API_KEY, headers=beta)
            if transport:
                stock_client.set_httpx_client(
                    http_client(base_url, headers={"Authorization": f"Bearer {API_KEY}", **beta})
                )
            s_create = stock_models.CreateAssistantRequest.from_dict(copy.deepcopy(create_body))
            s_modify = stock_models.ModifyAssistantRequest.from_dict(copy.deepcopy(modify_body))
            stock_calls = {
                "create": lambda c=stock_client, b=s_create: [stock_api["create"].sync(client=c, body=b)],
                "get": lambda c=stock_client: [stock_api["get"].sync(one_id, client=c)],
                "modify": lambda c=stock_client, b=s_modify: [
                    stock_api["modify"].sync(one_id, client=c, body=b)
                ],
                list_call: lambda c=stock_client: stock_api["list"].sync(client=c, limit=PAGE_SIZE).data,
            }

        sdks = (
            {}
            if not sdks_too
            else {
                "openai SDK": OpenAI(
                    api_key=API_KEY,
                    base_url=base_url,
                    http_client=http_client(base_url) if transport else None,
                ).beta.assistants,
                "portkey-ai SDK": Portkey(
                    api_key="pk-benchmark",
                    virtual_key="vk-benchmark",
                    base_url=base_url,
                    http_client=http_client(base_url) if transport else None,
                ).beta.assistants,
            }
        )
        sdk_calls = {
            name: {
                "create": lambda s=sdk, b=create_body: [s.create(**b)],
                "get": lambda s=sdk: [s.retrieve(one_id)],
                "modify": lambda s=sdk, b=modify_body: [s.update(one_id, **b)],
                list_call: lambda s=sdk: s.list(limit=PAGE_SIZE).data,
            }
            for name, sdk in sdks.items()
        }

        for name, calls, read in [
            ("raw httpx", raw_calls, read_raw),
            ("assistants_client", our_calls, read_attrs),
            ("stock generated", stock_calls, read_attrs),
            *((name, calls, read_pydantic) for name, calls in sdk_calls.items()),
        ]:
            for call, run in calls.items():
                found[name][(call, size)] = lambda run=run, read=read: read(run(), depth)

    for size, e in examples.items():
        add_size(size, e)
    return {name: runners for name, runners in found.items() if runners}


def expected_reads(examples: dict[str, dict[str, Any]], depth: str) -> dict[Scenario, list[Any]]:
    expected = {}
    for size, e in examples.items():
        answers = {"create": [e["assistant"]], "get": [e["assistant"]], "modify": [e["modified"]]}
        answers[f"list {PAGE_SIZE}"] = e["page"]["data"]
        for call, items in answers.items():
            expected[(call, size)] = read_raw(items, "tools" if depth == "everything" else depth)
    return expected


def check_equal_work(runners, examples, depth: str) -> None:
    """Every contender must really call, parse and read: a broken one would look fast."""
    expected = expected_reads(examples, depth)
    for name, scenarios in runners.items():
        for scenario, run in scenarios.items():
            got = run()
            if depth == "everything":  # compare what every contender can show: ids, names, tools
                got = read_raw(got, "tools")
            if got != expected[scenario]:
                raise RuntimeError(
                    f"{name} {scenario}: read {got!r:.300}, expected {expected[scenario]!r:.300}"
                )


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def measure(
    runners, rounds: int, calls: int, clock=time.perf_counter
) -> dict[tuple[str, Scenario], list[float]]:
    """Seconds per call (the median of a run of calls), one figure per round, per (contender, scenario).

    Each round takes the scenarios in a fresh random order, and for each the contenders in a fresh
    random order, each making ``calls`` calls in a row (steady state: its code and data warm, as in
    an application making calls one after another). A call preempted by another job on the machine
    does not move the median.
    """
    names = list(runners)
    scenarios = sorted({scenario for per_name in runners.values() for scenario in per_name})
    per_call: dict[tuple[str, Scenario], list[float]] = {
        (name, scenario): [] for name in names for scenario in scenarios if scenario in runners[name]
    }
    for _ in range(rounds):
        random.shuffle(scenarios)
        for scenario in scenarios:
            taking_part = [name for name in names if scenario in runners[name]]
            random.shuffle(taking_part)
            for name in taking_part:
                run = runners[name][scenario]
                times = []
                for _ in range(calls):
                    start = clock()
                    run()
                    times.append(clock() - start)
                per_call[(name, scenario)].append(statistics.median(times))
    return per_call


def summarise(per_call) -> dict[Scenario, dict[str, dict[str, float]]]:
    """Per scenario and contender: median us/call, median ratio to raw httpx (same round), its IQR."""
    summary: dict[Scenario, dict[str, dict[str, float]]] = {}
    for (name, scenario), times in per_call.items():
        raw = per_call[("raw httpx", scenario)]
        ratios = [t / r for t, r in zip(times, raw, strict=True)]
        q1, _, q3 = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
        summary.setdefault(scenario, {})[name] = {
            "us": statistics.median(times) * 1e6,
            "ratio": statistics.median(ratios),
            "q1": q1,
            "q3": q3,
            "extra_us": statistics.median([(t - r) * 1e6 for t, r in zip(times, raw, strict=True)]),
        }
    return summary


def report(summary, contenders_run: list[str], header: str) -> str:
    names = [n for n in contenders_run if n != "raw httpx"]
    lines = [
        header,
        "",
        "| call | raw httpx us/call | " + " | ".join(names) + " |",
        "|---" * (len(names) + 2) + "|",
    ]
    for call in CALLS:
        for size in SIZES:
            row = summary.get((call, size))
            if row is None:
                continue
            cells = [f"{row[n]['ratio']:.3f}x ({row[n]['q1']:.2f}-{row[n]['q3']:.2f})" for n in names]
            lines.append(f"| {call}, {size} | {row['raw httpx']['us']:.0f} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(
        "ratio = median over rounds of (contender's median call / raw httpx's median call, same call, same "
        "round); in brackets the interquartile range of those per-round ratios; us/call: median over rounds"
    )
    if "assistants_client" in names:
        extra = ", ".join(
            f"{call} {size} {summary[(call, size)]['assistants_client']['extra_us']:+.0f}"
            for call in CALLS
            for size in SIZES
            if (call, size) in summary
        )
        lines.append(f"assistants_client median extra us/call over raw httpx: {extra}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--calls", type=int, default=40, help="calls per (contender, call) in each round")
    parser.add_argument("--read", choices=("ids", "tools", "everything"), default="ids")
    parser.add_argument("--only", help="comma-separated contenders to run besides raw httpx")
    parser.add_argument("--calls-only", help="comma-separated calls to run (create,get,modify,list)")
    parser.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall: elapsed time (the measure); cpu: this process's CPU time, which other jobs on a shared "
        "machine disturb less (it leaves out the server and any wait)",
    )
    parser.add_argument("--json", type=pathlib.Path, help="also write the summary as JSON here")
    parser.add_argument(
        "--in-memory",
        action="store_true",
        help="answer from an httpx.MockTransport instead of the loopback server: no sockets, so the ratios "
        "show each client's own CPU cost per call",
    )
    parser.add_argument(
        "--client-json",
        choices=("auto", "stdlib"),
        default="auto",
        help="how assistants_client decodes answers: auto (orjson when installed, as users get it) or "
        "stdlib (json.loads, as raw httpx does here), to show what orjson is worth",
    )
    args = parser.parse_args(argv)
    if args.client_json == "stdlib":
        if "assistants_client" in sys.modules:
            parser.error("--client-json must be chosen before assistants_client is imported")
        os.environ["ASSISTANTS_CLIENT_JSON"] = "stdlib"  # read once, when the client is imported
    warnings.simplefilter("ignore", DeprecationWarning)  # openai marks the Assistants API deprecated
    examples = spec_examples()
    table = routes(examples)
    wanted = set(CONTENDERS) if not args.only else {"raw httpx", *args.only.split(",")}
    unknown = wanted - set(CONTENDERS)
    if unknown:
        parser.error(f"unknown contenders {sorted(unknown)}; choose from {CONTENDERS}")
    with tempfile.TemporaryDirectory(prefix="bench-stock-client-") as tmp:
        stock = _stock_client_package(pathlib.Path(tmp)) if "stock generated" in wanted else None
        if args.in_memory:
            server, transport = contextlib.nullcontext("http://in-memory.test"), in_memory_transport(table)
        else:
            server, transport = loopback_server(table), None
        with server as origin:
            sdks_too = bool({"openai SDK", "portkey-ai SDK"} & wanted)
            runners = contenders(origin, examples, args.read, stock, transport, sdks_too)
            runners = {name: scenarios for name, scenarios in runners.items() if name in wanted}
            if args.calls_only:
                keep = args.calls_only.split(",")
                runners = {
                    name: {s: r for s, r in scenarios.items() if s[0].split(" ")[0] in keep}
                    for name, scenarios in runners.items()
                }
            check_equal_work(runners, examples, args.read)
            measure(runners, rounds=1, calls=max(args.calls // 4, 5))  # warm up connections and caches
            load_before = os.getloadavg()[0]
            started = time.monotonic()
            per_call = measure(runners, args.rounds, args.calls, CLOCKS[args.clock])
            elapsed, load_after = time.monotonic() - started, os.getloadavg()[0]
    summary = summarise(per_call)
    from assistants_client._runtime import jsonlib

    header = (
        f"{'in memory' if args.in_memory else 'loopback'}, {args.clock} clock, read {args.read}, "
        f"assistants_client decodes with {jsonlib.BACKEND}: {args.rounds} rounds x {args.calls} "
        f"calls per (contender, call), interleaved in random order, {elapsed:.0f} s; load average "
        f"{load_before:.1f} before, {load_after:.1f} after ({os.cpu_count()} cores)"
    )
    print(report(summary, [n for n in CONTENDERS if n in runners], header))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "header": header,
                    "summary": {f"{call}, {size}": row for (call, size), row in summary.items()},
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
