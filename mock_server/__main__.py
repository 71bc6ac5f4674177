"""Command line: ``assistants-mock`` / ``python -m mock_server``."""

from __future__ import annotations

import argparse
import sys

import yaml

from .config import (
    API_KEYS_ENV,
    DEFAULT_API_KEYS,
    DEFAULT_DB,
    DEFAULT_VIRTUAL_KEYS,
    VIRTUAL_KEYS_ENV,
    Settings,
    keys_from_environment,
    split_keys,
)
from .server import StartError, serve

_DEFAULTS = Settings()


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
        help=f"accepted API key, one tenant each; repeatable (default: {', '.join(DEFAULT_API_KEYS)}). "
        f"Shows in the process list: prefer --api-key-file or {API_KEYS_ENV}",
    )
    p.add_argument(
        "--api-key-file",
        action="append",
        dest="api_key_files",
        metavar="PATH",
        help=f"read accepted API keys from this file, one per line; repeatable. The environment "
        f"variable {API_KEYS_ENV} (comma- or newline-separated) adds keys too",
    )
    p.add_argument(
        "--virtual-key",
        action="append",
        dest="virtual_keys",
        metavar="VK",
        help=f"accepted Portkey virtual key; repeatable (default: {', '.join(DEFAULT_VIRTUAL_KEYS)})",
    )
    p.add_argument(
        "--virtual-key-file",
        action="append",
        dest="virtual_key_files",
        metavar="PATH",
        help=f"read accepted virtual keys from this file, one per line; repeatable ({VIRTUAL_KEYS_ENV} too)",
    )
    p.add_argument(
        "--max-body-bytes",
        type=int,
        default=_DEFAULTS.max_body_bytes,
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
        "--header-timeout",
        type=float,
        default=_DEFAULTS.header_timeout,
        metavar="SECONDS",
        help="time a client has to send a request's headers; also how long an idle keep-alive "
        "connection stays open (default: %(default)s)",
    )
    p.add_argument(
        "--body-timeout",
        type=float,
        default=_DEFAULTS.body_timeout,
        metavar="SECONDS",
        help="time a client has to send a request's whole body, else 408 (default: %(default)s)",
    )
    p.add_argument(
        "--max-connections",
        type=int,
        default=None,
        metavar="N",
        help="connections one worker serves at once; more wait in the listen backlog "
        "(default: the open-file limit minus 128, at most 1024)",
    )
    p.add_argument(
        "--idempotency-ttl",
        type=float,
        default=_DEFAULTS.idempotency_ttl,
        metavar="SECONDS",
        help="how long the answer to a request with an Idempotency-Key is kept for replay "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--idempotency-max-keys",
        type=int,
        default=_DEFAULTS.idempotency_max_keys,
        metavar="N",
        help="at most this many answers are kept for replay; the oldest go first (default: %(default)s)",
    )
    p.add_argument(
        "--parent-pid",
        type=int,
        default=None,
        metavar="PID",
        help="stop when process PID is no longer this server's parent (for tools that start the mock)",
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


def _keys(given: list[str] | None, files: list[str] | None, env: str) -> tuple[str, ...]:
    """Keys from the options, the files and the environment variable, in that order, once each."""
    keys = list(given or [])
    for path in files or []:
        try:
            with open(path, encoding="utf-8") as fh:
                keys += split_keys(fh.read())
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(
                f"cannot read keys from {path}: {getattr(error, 'strerror', None) or error}"
            ) from None
    keys += keys_from_environment(env)
    return tuple(dict.fromkeys(keys))


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        api_keys = _keys(args.api_keys, args.api_key_files, API_KEYS_ENV)
        virtual_keys = _keys(args.virtual_keys, args.virtual_key_files, VIRTUAL_KEYS_ENV)
        settings = Settings(
            host=args.host,
            port=args.port,
            db=args.db,
            api_keys=api_keys or DEFAULT_API_KEYS,
            virtual_keys=virtual_keys or DEFAULT_VIRTUAL_KEYS,
            max_body_bytes=args.max_body_bytes,
            fault_rate=args.fault_rate,
            workers=args.workers,
            seed=args.seed,
            retry_after=args.retry_after,
            spec_path=args.spec_path,
            header_timeout=args.header_timeout,
            body_timeout=args.body_timeout,
            max_connections=args.max_connections,
            idempotency_ttl=args.idempotency_ttl,
            idempotency_max_keys=args.idempotency_max_keys,
            parent_pid=args.parent_pid,
        )
    except ValueError as error:
        print(f"assistants-mock: {error}", file=sys.stderr)
        return 2
    try:
        serve(settings, middleware=args.middleware)
    except StartError as error:
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
