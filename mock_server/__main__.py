"""Command line: ``assistants-mock`` / ``python -m mock_server``."""

from __future__ import annotations

import argparse
import sys

import yaml

from .config import DEFAULT_API_KEYS, DEFAULT_DB, DEFAULT_VIRTUAL_KEYS, Settings
from .server import ListenError, serve


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="assistants-mock",
        description="A stateful, validating mock of the Assistants API, driven by spec/openapi.yaml.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=4010, help="port; 0 picks a free one (default: %(default)s)")
    p.add_argument(
        "--db",
        default=DEFAULT_DB,
        help="SQLite file for the state, or :memory: for a throwaway (default: %(default)s)",
    )
    p.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="KEY",
        help=f"accepted API key, one tenant each; repeatable (default: {', '.join(DEFAULT_API_KEYS)})",
    )
    p.add_argument(
        "--virtual-key",
        action="append",
        dest="virtual_keys",
        metavar="VK",
        help=f"accepted Portkey virtual key; repeatable (default: {', '.join(DEFAULT_VIRTUAL_KEYS)})",
    )
    p.add_argument(
        "--max-body-bytes",
        type=int,
        default=4 * 1024 * 1024,
        help="larger request bodies get 413 (default: %(default)s)",
    )
    p.add_argument(
        "--fault-rate",
        type=float,
        default=0.0,
        help="probability of a random 429 or 500 per /v1 request (default: %(default)s)",
    )
    p.add_argument(
        "--retry-after", type=int, default=1, help="Retry-After seconds on 429 (default: %(default)s)"
    )
    p.add_argument("--seed", type=int, default=None, help="seed for the random faults")
    p.add_argument(
        "--workers", type=int, default=1, help="worker processes sharing the database (default: %(default)s)"
    )
    p.add_argument(
        "--spec",
        dest="spec_path",
        default=None,
        help="serve this OpenAPI document instead of the bundled spec",
    )
    p.add_argument(
        "--middleware",
        default=None,
        metavar="MODULE:CALLABLE",
        help="wrap the ASGI app with this callable (for test variants)",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings(
            host=args.host,
            port=args.port,
            db=args.db,
            api_keys=tuple(args.api_keys or DEFAULT_API_KEYS),
            virtual_keys=tuple(args.virtual_keys or DEFAULT_VIRTUAL_KEYS),
            max_body_bytes=args.max_body_bytes,
            fault_rate=args.fault_rate,
            workers=args.workers,
            seed=args.seed,
            retry_after=args.retry_after,
            spec_path=args.spec_path,
        )
    except ValueError as error:
        print(f"assistants-mock: {error}", file=sys.stderr)
        return 2
    try:
        serve(settings, middleware=args.middleware)
    except ListenError as error:
        print(f"assistants-mock: {error}", file=sys.stderr)
        return 1
    except (OSError, ValueError, ImportError, yaml.YAMLError) as error:
        # A spec that cannot be read or compiled, or a middleware that cannot be imported.
        print(f"assistants-mock: cannot start: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
