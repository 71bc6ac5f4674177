"""A broken upstream that only the gateway/upstream distinction can catch (served behind the gateway).

`python -m mock_server --middleware tests.gateway.upstream_variants:<name>` serves it; built like the
broken variants of tests/contract/variants.py.
"""

from __future__ import annotations

from tests.contract._asgi import Request, Response, rewrite_response


def _errors_in_gateway_body(request: Request, response: Response) -> None:
    # An upstream that answers its own errors in the gateway's body: through the gateway it is still
    # forwarded (with the gateway's headers), so it is the upstream breaking the OpenAI error shape.
    body = response.json()
    if response.status >= 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        response.set_json({"status": "failure", "message": str(body["error"].get("message"))})


errors_in_gateway_body = rewrite_response(_errors_in_gateway_body)
