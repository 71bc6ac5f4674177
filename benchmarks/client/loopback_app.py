"""The loopback server of the benchmark: answers every call with a canned body chosen by its route.

``BENCH_ROUTES`` (JSON) maps ``"METHOD /path"`` to the body to answer; ``{id}`` in a path stands for
any one path segment. Canned answers from granian (RSGI) keep the server's share of each call small,
so that the clients' own costs decide the ratios.
"""

import json
import os

HEADERS = [("content-type", "application/json"), ("x-request-id", "req_benchmark")]


def _routes() -> tuple[dict[tuple[str, str], bytes], dict[tuple[str, str], bytes]]:
    exact, by_parent = {}, {}
    for route, body in json.loads(os.environ["BENCH_ROUTES"]).items():
        method, path = route.split(" ", 1)
        encoded = json.dumps(body).encode()
        if path.endswith("/{id}"):
            by_parent[(method, path[: -len("/{id}")])] = encoded
        else:
            exact[(method, path)] = encoded
    return exact, by_parent


EXACT, BY_PARENT = _routes()  # a broken table fails at start, not per request


async def app(scope, protocol):
    await protocol()  # read the request body, as a real server would
    key = (scope.method, scope.path)
    body = EXACT.get(key)
    if body is None:
        body = BY_PARENT.get((scope.method, scope.path.rsplit("/", 1)[0]))
    if body is None:
        protocol.response_bytes(404, HEADERS, b'{"error": {"message": "no canned answer"}}')
    else:
        protocol.response_bytes(200, HEADERS, body)
