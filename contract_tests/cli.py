"""`assistants-conformance` / `python -m contract_tests`: check a deployment against the spec.

Exit codes: 0 conforms, 1 violations found, 2 usage error / bad configuration / target unreachable.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import assistants_spec
import click
from rich.console import Console

from contract_tests.bundled_mock import MockProcess, default_credentials
from contract_tests.engine import PHASES
from contract_tests.http import TargetUnreachable
from contract_tests.target import (
    ConfigError,
    Credentials,
    Target,
    check_base_url,
    parse_header,
    resolve_credentials,
)

EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_CONFIG, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_MAX_EXAMPLES = 200


def _phases(value: str) -> tuple[str, ...]:
    chosen = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in chosen if p not in PHASES]
    if unknown:
        raise click.BadParameter(f"unknown phase(s) {unknown}; choose from {', '.join(PHASES)}")
    return chosen


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.option(
    "--base-url",
    metavar="URL",
    help="API to check, e.g. https://api.portkey.ai/v1 or https://api.openai.com/v1. "
    "Default: start the bundled mock on a free port and check it.",
)
@click.option("--api-key", metavar="KEY", help="Portkey API key (x-portkey-api-key). Env: PORTKEY_API_KEY.")
@click.option(
    "--virtual-key",
    metavar="KEY",
    help="Portkey virtual key (x-portkey-virtual-key). Env: PORTKEY_VIRTUAL_KEY.",
)
@click.option("--bearer", metavar="KEY", help="Bearer key, e.g. an OpenAI key. Env: OPENAI_API_KEY.")
@click.option(
    "--second-api-key",
    metavar="KEY",
    envvar="CONFORMANCE_SECOND_API_KEY",
    help="A second tenant's key (same style as the first): turns on the tenant isolation checks. "
    "Env: CONFORMANCE_SECOND_API_KEY.",
)
@click.option(
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="Extra header on every request, e.g. 'x-portkey-provider: openai' for a self-hosted "
    "gateway. Repeatable.",
)
@click.option(
    "--provider",
    metavar="NAME",
    envvar="PORTKEY_PROVIDER",
    help="Self-hosted Portkey gateway: the provider it forwards to (x-portkey-provider), e.g. openai. "
    "Env: PORTKEY_PROVIDER.",
)
@click.option(
    "--custom-host",
    metavar="URL",
    envvar="PORTKEY_CUSTOM_HOST",
    help="Self-hosted Portkey gateway: the upstream base URL it forwards to (x-portkey-custom-host), "
    "e.g. http://127.0.0.1:4010/v1. Env: PORTKEY_CUSTOM_HOST.",
)
@click.option(
    "--gateway",
    is_flag=True,
    help="A Portkey gateway stands in front of the API: check what it adds, and report its own behaviour "
    "apart from the API's. Also switched on when the answers carry the gateway's x-portkey-* headers.",
)
@click.option(
    "--strict-gateway",
    is_flag=True,
    help="Gateway findings (the gateway's own behaviour, outside the Assistants contract) also make the "
    "run fail (exit 1).",
)
@click.option(
    "--beta",
    type=click.Choice(assistants_spec.profiles()),
    default=assistants_spec.default_profile(),
    show_default=True,
    help="Assistants API version (OpenAI-Beta profile) to check.",
)
@click.option(
    "--model",
    metavar="MODEL",
    help="Model id every valid request uses (live APIs accept only models that exist, e.g. gpt-4o). "
    "Default: what the spec's examples and the generator produce.",
)
@click.option(
    "--max-examples",
    type=click.IntRange(1),
    default=DEFAULT_MAX_EXAMPLES,
    show_default=True,
    help="Generated examples per operation and phase (property-based scenarios draw a quarter).",
)
@click.option("--seed", type=int, default=None, help="Seed for data generation (printed in the summary).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Concurrent schemathesis workers.",
)
@click.option(
    "--max-time",
    type=click.FloatRange(1),
    default=None,
    metavar="SECONDS",
    help="Stop generating new tests after this long (cleanup still runs).",
)
@click.option(
    "--rate-limit",
    metavar="N/UNIT",
    default=None,
    help="Request rate cap for the whole run, e.g. 10/s or 500/m. 429 answers are retried "
    "after Retry-After either way.",
)
@click.option(
    "--phases",
    "phases",
    default=",".join(PHASES),
    show_default=True,
    callback=lambda c, p, v: _phases(v),
    help="schemathesis phases to run.",
)
@click.option("--no-scenarios", is_flag=True, help="Skip the behaviour scenarios (schemathesis phases only).")
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Write a JUnit XML report.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a Markdown report (e.g. to $GITHUB_STEP_SUMMARY).",
)
@click.option("--no-progress", is_flag=True, help="No live progress display.")
@click.option(
    "--replay",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Instead of generating tests, replay this recording (HAR, e.g. from assistants-proxy --record) "
    "against --base-url and report where its answers differ from the recorded ones.",
)
def command(**options: object) -> None:
    """Check that an Assistants API deployment conforms to the contract in spec/openapi.yaml.

    \b
    Exit codes: 0 conforms, 1 violations found, 2 usage error, bad configuration,
    credentials refused or target unreachable, 130 interrupted (cleanup still ran).
    With --replay: 0 no difference, 1 differences, 2 usage error.
    """
    replay = options.pop("replay")
    if replay is not None:
        from contract_tests.proxy.replay import run_from_cli

        sys.exit(run_from_cli({**options, "replay": replay}))
    sys.exit(execute(**options))  # type: ignore[arg-type]


def build_target(
    *,
    base_url,
    api_key,
    virtual_key,
    bearer,
    second_api_key,
    headers,
    beta,
    model=None,
    provider=None,
    custom_host=None,
    gateway=False,
) -> Target:
    extra = dict(parse_header(h) for h in headers)
    extra.update(gateway_routing_headers(provider=provider, custom_host=custom_host))
    if base_url:
        credentials = resolve_credentials(api_key=api_key, virtual_key=virtual_key, bearer=bearer)
        second = credentials.with_primary_key(second_api_key) if second_api_key else None
        target = Target(check_base_url(base_url), credentials, second, extra, beta, model=model)
        if gateway:
            target.gateway, target.gateway_reason = True, "--gateway"
        return target
    # The bundled mock knows its own default keys; explicit options still choose the header style.
    api_keys, virtual_keys = default_credentials()
    if bearer:
        credentials = Credentials(bearer=bearer)
    else:
        credentials = Credentials(api_key=api_key or api_keys[0], virtual_key=virtual_key or virtual_keys[0])
    second_key = second_api_key or next(
        (k for k in api_keys if k != credentials.api_key and k != bearer), None
    )
    second = credentials.with_primary_key(second_key) if second_key else None
    target = Target(
        "http://placeholder.invalid/v1", credentials, second, extra, beta, bundled=True, model=model
    )
    if gateway:
        target.gateway, target.gateway_reason = True, "--gateway"
    return target


def gateway_routing_headers(*, provider: str | None, custom_host: str | None) -> dict[str, str]:
    """--provider / --custom-host as the headers the spec's security schemes name for them."""
    from contract_tests.auth_layout import scheme_header

    document = assistants_spec.load()
    found = {}
    if provider:
        found[scheme_header(document, "PortkeyProvider")] = provider
    if custom_host:
        found[scheme_header(document, "PortkeyCustomHost")] = check_base_url(
            custom_host, option="--custom-host"
        )
    return found


def execute(
    *,
    base_url,
    api_key,
    virtual_key,
    bearer,
    second_api_key,
    headers,
    beta,
    model,
    provider=None,
    custom_host=None,
    gateway=False,
    strict_gateway=False,
    max_examples,
    seed,
    workers,
    max_time,
    rate_limit,
    phases,
    no_scenarios,
    junit,
    report,
    no_progress,
) -> int:
    from contract_tests.progress import ProgressDisplay
    from contract_tests.reports.console import print_summary
    from contract_tests.reports.junit import render_junit
    from contract_tests.reports.markdown import render_markdown
    from contract_tests.runner import RunOptions, run
    from contract_tests.scenarios import SCENARIOS

    out = Console()
    err = Console(stderr=True)
    mock: MockProcess | None = None
    masker = None
    try:
        target = build_target(
            base_url=base_url,
            api_key=api_key,
            virtual_key=virtual_key,
            bearer=bearer,
            second_api_key=second_api_key,
            headers=headers,
            beta=beta,
            model=model,
            provider=provider,
            custom_host=custom_host,
            gateway=gateway,
        )
        masker = target.masker
        if rate_limit:
            _check_rate(rate_limit)
        if target.bundled:
            mock = MockProcess()
            target.base_url = mock.start().rstrip("/")
            err.print(f"started the bundled mock at {target.base_url}", highlight=False)
        options = RunOptions(
            max_examples=max_examples,
            seed=seed if seed is not None else random.randrange(2**31),
            workers=workers,
            max_time=max_time,
            rate_limit=rate_limit,
            phases=phases,
            scenarios=not no_scenarios,
            strict_gateway=strict_gateway,
        )
        if target.gateway:
            err.print(f"gateway mode: on ({target.gateway_reason})", highlight=False)
        display = ProgressDisplay(err, 0 if no_scenarios else len(SCENARIOS))
        if no_progress:
            result = run(target, options, progress=_gateway_notice(err))
        else:
            with display:
                result = run(target, options, progress=display)
    except ConfigError as exc:
        err.print(f"[red]error:[/] {_mask(masker, str(exc))}", highlight=False)
        return EXIT_CONFIG
    except TargetUnreachable as exc:
        err.print(f"[red]error: target unreachable:[/] {_mask(masker, str(exc))}", highlight=False)
        return EXIT_CONFIG
    except Exception as exc:  # noqa: BLE001  (a crash must not read as "violations found", nor show keys)
        import traceback

        err.print(_mask(masker, traceback.format_exc()), highlight=False, markup=False)
        err.print(f"[red]internal error:[/] {_mask(masker, f'{type(exc).__name__}: {exc}')}", highlight=False)
        return EXIT_CONFIG
    finally:
        if mock is not None:
            mock.stop()
    print_summary(result, out)
    if junit:
        _write(junit, render_junit(result))
    if report:
        # The CI job summary file collects several steps' output: add to it rather than replace it.
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        _write(report, render_markdown(result), append=bool(summary_file) and Path(summary_file) == report)
    if result.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_CONFORMS if result.conforms else EXIT_VIOLATIONS


def _gateway_notice(err: Console):
    """Without the progress display, still say when gateway mode was switched on by detection."""

    def notice(kind: str, name: str | None, count: int) -> None:
        if kind == "gateway":
            err.print(f"gateway mode: on ({name})", highlight=False)

    return notice


def _mask(masker, text: str) -> str:
    return masker.mask(text) if masker is not None else text


def _check_rate(value: str) -> None:
    from schemathesis.core.errors import InvalidRateLimit
    from schemathesis.core.rate_limit import build_limiter

    try:
        build_limiter(value)
    except InvalidRateLimit:
        raise ConfigError(f"--rate-limit expects N/s, N/m, N/h or N/d, got {value!r}") from None


def _write(path: Path, text: str, append: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a" if append else "w", encoding="utf-8") as fh:
        fh.write(text)


def main() -> None:
    command(prog_name="assistants-conformance")
