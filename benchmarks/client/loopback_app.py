"""The loopback server of the benchmark: answers every request with the spec's created assistant.

A canned answer from granian (RSGI), so that the server's share of each call is small and the
clients' own costs decide the ratios.
"""

import json
import os

BODY = os.environ["BENCH_RESPONSE_BODY"].encode()
HEADERS = [("content-type", "application/json"), ("x-request-id", "req_benchmark")]
json.loads(BODY)  # fail at start, not per request, on a broken body


async def app(scope, protocol):
    await protocol()  # read the request body, as a real server would
    protocol.response_bytes(200, HEADERS, BODY)
