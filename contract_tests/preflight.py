"""Before anything is judged: is the target there, is it an Assistants API, does it take our credentials?

Each answer that makes the run pointless stops it with exit code 2 and one line saying why
(`TargetNotUsable`): the target is unreachable or too slow to answer at all; it does not serve the
Assistants API (including OpenAI's own host since the API's sunset, which answers every route 404
``Invalid URL (...)``: the line then gives the date from the spec's ``info.x-sunset``); the base
URL's path is wrong; it refuses the credentials on every request; it rate-limits even the first
request beyond what the suite waits. Otherwise it says whether a gateway stands in front of the API.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from assistants_spec.statuses import REFUSES_CREDENTIALS, Meaning, meaning

from contract_tests.context import GatewayMode, RunContext
from contract_tests.http import AnswerTooLarge, Exchange, TargetUnreachable
from contract_tests.operations import GET, LIMIT, LIST
from contract_tests.target import ConfigError

# How OpenAI answers a URL it has no route for (now: every Assistants URL, since the sunset).
_OPENAI_NO_ROUTE = re.compile(r"^(Invalid URL|Unknown request URL)\b")
PROBE_ID = "asst_conformance_preflight"


class TargetNotUsable(ConfigError):
    """The target cannot be checked at all (exit code 2); the message is one line."""


def _line(text: str, limit: int = 160) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[:limit] + "..."


def _error_message(exchange: Exchange) -> str | None:
    body = exchange.json
    error = body.get("error") if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    return message if isinstance(message, str) else None


def _send(ctx: RunContext, operation_id: str, *path: str, **params: object) -> Exchange:
    op = ctx.spec.operation(operation_id)
    try:
        return ctx.client.request(op.method, op.url_path(*path), params=dict(params) or None)
    except TargetUnreachable as exc:
        raise TargetNotUsable(f"target unreachable: {_line(ctx.target.masker.mask(str(exc)), 300)}") from None
    except AnswerTooLarge as exc:
        raise TargetNotUsable(f"{op.label} on {ctx.target.base_url}: {exc}") from None


def preflight(ctx: RunContext) -> GatewayMode:
    """Raise `TargetNotUsable` when the target cannot be checked; else the gateway mode."""
    base = ctx.target.base_url
    masker = ctx.target.masker
    listing = ctx.spec.operation(LIST)
    first = _send(ctx, LIST, **{LIMIT: ctx.facts.limit_range[0]})
    status = first.status
    if meaning(status) in REFUSES_CREDENTIALS:
        other = _send(ctx, GET, PROBE_ID)
        if meaning(other.status) in REFUSES_CREDENTIALS:
            said = _error_message(first) or first.excerpt(100)
            raise TargetNotUsable(
                f"the target refused the credentials on every request ({status} on {listing.label}, "
                f"{other.status} on {ctx.spec.operation(GET).label}): {_line(masker.mask(said))}"
            )
    elif meaning(status) is Meaning.RATE_LIMITED:
        raise TargetNotUsable(
            f"the target rate-limits even the first request ({status} on {listing.label}, "
            f"Retry-After: {_line(first.headers.get('retry-after', 'none'), 40)}), beyond what the suite "
            "waits; try again later"
        )
    elif meaning(status) is Meaning.NOT_FOUND:
        _not_found(ctx, first)
    elif meaning(status) is Meaning.SUCCESS and not _looks_like_a_list(first):
        raise TargetNotUsable(
            f"{base} does not serve the Assistants API: {listing.label} answered {status} with "
            f"{first.content_type or 'no content type'} {_line(masker.mask(first.excerpt(100)))!r}, "
            "not a list of assistants"
        )
    if ctx.config.gateway:
        return GatewayMode(True, "--gateway")
    seen = ctx.gateway.forwarding_headers_in(first.headers)
    if seen:
        return GatewayMode(True, f"detected: the answers carry the gateway headers {', '.join(seen)}")
    return GatewayMode()


def _looks_like_a_list(exchange: Exchange) -> bool:
    body = exchange.json
    return isinstance(body, dict) and isinstance(body.get("data"), list)


def _not_found(ctx: RunContext, first: Exchange) -> None:
    base, spec = ctx.target.base_url, ctx.target.spec
    listing = ctx.spec.operation(LIST)
    base_path = spec.base_path.rstrip("/")
    path = urlsplit(base).path.rstrip("/")
    said = _error_message(first)
    right_path = not base_path or path.endswith(base_path)
    candidates = [] if right_path else [base + base_path]
    if _example(ctx) not in (base, *candidates):
        candidates.append(_example(ctx))
    for wanted in candidates:
        try:
            retry = ctx.client.request(listing.method, listing.url_path(), base_url=wanted)
        except TargetUnreachable:
            continue
        if meaning(retry.status) is not Meaning.NOT_FOUND:
            raise TargetNotUsable(
                f"the base URL's path looks wrong: {listing.label} under {base} answered {first.status}, "
                f"under {wanted} it answers {retry.status}; use --base-url {wanted}"
            )
    if right_path and said is not None and _OPENAI_NO_ROUTE.match(said):
        other = _send(ctx, GET, PROBE_ID)
        other_said = _error_message(other)
        if other.status == first.status and other_said is not None and _OPENAI_NO_ROUTE.match(other_said):
            raise TargetNotUsable(_sunset_line(ctx, said))
    shown = said if said is not None else (first.excerpt(80) or "an empty body")
    hint = f"; the API's paths are under {base_path} (e.g. --base-url {_example(ctx)})" if base_path else ""
    raise TargetNotUsable(
        f"{base} does not serve the Assistants API at this path: {listing.label} answered {first.status} "
        f"({_line(ctx.target.masker.mask(shown), 100)}){hint}"
    )


def _sunset_line(ctx: RunContext, said: str) -> str:
    sunset = ctx.target.spec.info_extension("x-sunset") or {}
    line = (
        f"{ctx.target.base_url} does not serve the Assistants API: every route answers 404 "
        f"{_line(said, 80)!r}"
    )
    if sunset.get("date"):
        line += (
            f", as api.openai.com does since OpenAI shut the hosted Assistants API down on {sunset['date']}"
            " (the spec's info.x-sunset); point --base-url at an Assistants-compatible server"
        )
    return line


def _example(ctx: RunContext) -> str:
    parts = urlsplit(ctx.target.base_url)
    return f"{parts.scheme}://{parts.netloc}{ctx.target.spec.base_path}"
