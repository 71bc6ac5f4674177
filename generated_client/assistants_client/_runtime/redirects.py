"""Credentials stay with the origin they were meant for when redirects are followed.

httpx drops ``Authorization`` when a redirect leaves the origin, as browsers and requests do, but
keeps every other header, among them Portkey's keys. ``strip_credentials`` makes an httpx request
event hook (called for every request, each redirect included) that removes every credential header
from a request leaving the client's origin. An upgrade from http to https on the same host keeps
them, as httpx does for ``Authorization``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

import httpx


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default


def leaves_origin(origin: tuple[str, str, int | None], url: httpx.URL) -> bool:
    scheme, host, port = _origin(url)
    if (scheme, host, port) == origin:
        return False
    upgrade = origin[0] == "http" and origin[2] in (80, None) and scheme == "https" and port == 443
    return not (upgrade and host == origin[1])


def strip_credentials(base_url: str, headers: Iterable[str]) -> Callable[[httpx.Request], None]:
    """A request hook removing ``headers`` (any case) from requests that leave ``base_url``'s origin."""
    origin = _origin(httpx.URL(base_url))
    names = tuple(sorted({name.lower() for name in headers}))

    def hook(request: httpx.Request) -> None:
        if leaves_origin(origin, request.url):
            for name in names:
                request.headers.pop(name, None)

    return hook


def astrip_credentials(base_url: str, headers: Iterable[str]) -> Callable[[httpx.Request], Awaitable[None]]:
    """The async-client form of ``strip_credentials`` (httpx awaits the hooks of an AsyncClient)."""
    strip = strip_credentials(base_url, headers)

    async def hook(request: httpx.Request) -> None:
        strip(request)

    return hook


__all__ = ["astrip_credentials", "leaves_origin", "strip_credentials"]
