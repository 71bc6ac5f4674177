"""A test-only middleware, as the contract suite's broken variants wrap the mock."""


def teapot_health(app):
    async def wrapped(scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/health":
            await send({"type": "http.response.start", "status": 418, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await app(scope, receive, send)

    return wrapped
