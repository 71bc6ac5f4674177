"""Command line: ``assistants-proxy`` / ``python -m contract_tests.proxy``.

Exit codes: 0 stopped normally, 1 violations seen with --fail-on-violation, 2 cannot start
(bad option, unreachable upstream, port in use, unwritable output file) or cannot write a report.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import assistants_spec


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="assistants-proxy",
        description=(
            "A validating proxy for the Assistants API: forwards every request and answer unchanged to "
            "--upstream, checks each exchange against spec/openapi.yaml (the app's requests as side "
            "'client', the server's answers and behaviour across exchanges as side 'server'), prints "
            "each distinct violation once, and writes reports and a HAR recording when stopped "
            "(Ctrl-C, SIGTERM or SIGHUP)."
        ),
    )
    p.add_argument(
        "--upstream",
        required=True,
        metavar="URL",
        help="the server to forward to, e.g. http://127.0.0.1:4010/v1",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=4011, help="port; 0 picks a free one (default: %(default)s)")
    p.add_argument(
        "--beta",
        choices=assistants_spec.load_spec().profiles,
        default=None,
        help="judge every exchange under this Assistants API version (OpenAI-Beta profile); "
        "default: the one each request's header selects",
    )
    p.add_argument("--report", type=pathlib.Path, metavar="FILE", help="write a Markdown report here on exit")
    p.add_argument("--junit", type=pathlib.Path, metavar="FILE", help="write a JUnit XML report here on exit")
    p.add_argument(
        "--record", type=pathlib.Path, metavar="FILE", help="record every exchange as HAR 1.2 (keys masked)"
    )
    p.add_argument(
        "--fail-on-violation", action="store_true", help="exit 1 at shutdown if any violation was seen"
    )
    p.add_argument(
        "--no-behaviour",
        action="store_true",
        help="judge each exchange on its own only: for servers whose objects other clients also "
        "change, where judgements across exchanges cannot know every write",
    )
    return p


def main(argv: list[str] | None = None) -> int:
    from .server import Settings, StartError, serve

    args = parser().parse_args(argv)
    if not 0 <= args.port <= 65535:
        print(f"assistants-proxy: --port must be 0-65535, got {args.port}", file=sys.stderr)
        return 2
    settings = Settings(
        upstream=args.upstream,
        host=args.host,
        port=args.port,
        profile=args.beta,
        report=args.report,
        junit=args.junit,
        record=args.record,
        fail_on_violation=args.fail_on_violation,
        behaviour=not args.no_behaviour,
    )
    try:
        return serve(settings)
    except StartError as error:
        print(f"assistants-proxy: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
