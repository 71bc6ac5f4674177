"""Taking a port for a granian server and saying where it listens; shared by the mock and the
contract proxy (both serve with granian's SO_REUSEPORT workers)."""

from __future__ import annotations

import socket


class PortUnavailable(OSError):
    """The port cannot be listened on (taken, or not an address of this host)."""


def reserve_port(host: str, port: int) -> socket.socket:
    """Hold ``port`` (0: a free one), bound but not listening, for the workers to bind as well.

    Granian's workers bind with SO_REUSEPORT, which would let a second server share a port that is
    already serving: a first bind without it fails instead when the port is taken.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise PortUnavailable(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
        port = probe.getsockname()[1]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def url(host: str, port: int, path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def probe_host(host: str) -> str:
    """Where a client on this machine reaches a server bound to ``host`` (a wildcard is loopback)."""
    return {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(host, host)
