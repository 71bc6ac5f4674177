"""`assistants-conformance` / `python -m contract_tests`: check a deployment against the spec.

The options become one frozen `RunConfig` (`contract_tests.config`); the run reports through events
to one handler per output. Exit codes: 0 conforms, 1 violations found, 2 usage error / bad
configuration / target unreachable, 130 interrupted.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from assistants_spec import load_spec
from rich.console import Console

from contract_tests.bundled_mock import MockProcess, start_bundled_mock
from contract_tests.config import (
    CREDENTIAL_OPTIONS,
    DEFAULT_MAX_EXAMPLES,
    PHASES,
    ROUTING_OPTIONS,
    RunConfig,
    build_config,
    option_header,
)
from contract_tests.events import Emitter, Handler
from contract_tests.http import TargetUnreachable
from contract_tests.masking import Masker
from contract_tests.reports.console import ConsoleSummary
from contract_tests.reports.junit import JUnitReport
from contract_tests.reports.markdown import MarkdownReport
from contract_tests.reports.progress import ConsoleProgress
from contract_tests.retry import SUITE_POLICY
from contract_tests.target import SECOND_TENANT_ENV, ConfigError

EXIT_CONFORMS, EXIT_VIOLATIONS, EXIT_CONFIG, EXIT_INTERRUPTED = 0, 1, 2, 130
SPEC = load_spec()


def _phases(value: str) -> tuple[str, ...]:
    chosen = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in chosen if p not in PHASES]
    if unknown:
        raise click.BadParameter(f"unknown phase(s) {unknown}; choose from {', '.join(PHASES)}")
    return chosen


def _parameter(option: str) -> str:
    return option.lstrip("-").replace("-", "_")


def _spec_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The credential and routing options, each described by the header the spec sends it in."""
    for routing in reversed(ROUTING_OPTIONS):
        command = click.option(
            routing.option,
            metavar="URL" if routing.is_url else "VALUE",
            envvar=routing.env,
            help=f"Self-hosted Portkey gateway: {routing.label} ({option_header(SPEC, routing)}), "
            f"e.g. {routing.example}. Env: {routing.env}.",
        )(command)
    for credential in reversed(CREDENTIAL_OPTIONS):
        scheme = SPEC.security.schemes[credential.scheme]
        sent = scheme.header_value("KEY")
        shown = f"{scheme.header}: {sent}" if sent != "KEY" else scheme.header
        command = click.option(
            credential.option,
            metavar="KEY",
            help=f"{credential.label[0].upper()}{credential.label[1:]} ({shown}). Env: {credential.env}.",
        )(command)
    return command


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.option(
    "--base-url",
    metavar="URL",
    help=f"API to check, e.g. {SPEC.servers[0]['url'] if SPEC.servers else 'https://example.test'}. "
    "Default: start the bundled mock on a free port and check it.",
)
@_spec_options
@click.option(
    "--second-api-key",
    metavar="KEY",
    envvar=SECOND_TENANT_ENV,
    help="A second tenant's key (same style as the first): turns on the tenant isolation checks. "
    f"Env: {SECOND_TENANT_ENV}.",
)
@click.option(
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="Extra header on every request, e.g. for a self-hosted gateway's routing. Repeatable.",
)
@click.option(
    "--gateway",
    is_flag=True,
    help="A Portkey gateway stands in front of the API: check what it adds, and report its own behaviour "
    "apart from the API's. Also switched on when the answers carry the gateway's headers.",
)
@click.option(
    "--strict-gateway",
    is_flag=True,
    help="Gateway findings (the gateway's own behaviour, outside the Assistants contract) also make the "
    "run fail (exit 1).",
)
@click.option(
    "--beta",
    type=click.Choice(SPEC.profiles),
    default=SPEC.default_profile,
    show_default=True,
    help=f"Assistants API version ({SPEC.beta_header} profile) to check.",
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
    help="Request rate cap for the whole run, e.g. 10/s or 500/m. Rate-limited answers are sent again "
    f"after their Retry-After either way (at most {SUITE_POLICY.max_retries} times, waiting at most "
    f"{SUITE_POLICY.max_retry_after:g} s each; a longer Retry-After is reported, not obeyed).",
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
def command(**options: Any) -> None:
    """Check that an Assistants API deployment conforms to the contract in spec/openapi.yaml.

    \b
    Exit codes: 0 conforms, 1 violations found, 2 usage error, bad configuration,
    credentials refused or target unreachable, 130 interrupted (cleanup still ran).
    With --replay: 0 no difference, 1 differences, 2 usage error.
    """
    replay = options.pop("replay")
    err = Console(stderr=True)
    try:
        config = config_from_options(options)
    except ConfigError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(EXIT_CONFIG)
    if replay is not None:
        from contract_tests.proxy.replay import run_from_config

        sys.exit(run_from_config(config, replay))
    sys.exit(execute(config))


def config_from_options(options: dict[str, Any]) -> RunConfig:
    """The click options as one run configuration."""
    credentials = {o.option: options.pop(_parameter(o.option)) for o in CREDENTIAL_OPTIONS}
    routing = {o.option: options.pop(_parameter(o.option)) for o in ROUTING_OPTIONS}
    return build_config(
        base_url=options["base_url"],
        credentials=credentials,
        second_api_key=options["second_api_key"],
        headers=options["headers"],
        routing=routing,
        beta=options["beta"],
        model=options["model"],
        gateway=options["gateway"],
        strict_gateway=options["strict_gateway"],
        max_examples=options["max_examples"],
        seed=options["seed"],
        workers=options["workers"],
        max_time=options["max_time"],
        rate_limit=options["rate_limit"],
        phases=options["phases"],
        scenarios=not options["no_scenarios"],
        junit=options["junit"],
        report=options["report"],
        progress=not options["no_progress"],
        spec=SPEC,
    )


def handlers(config: RunConfig, out: Console, err: Console) -> list[Handler]:
    """One handler per output the configuration asks for."""
    chosen: list[Handler] = [ConsoleProgress(err, enabled=config.progress), ConsoleSummary(out)]
    if config.report:
        chosen.append(MarkdownReport(config.report))
    if config.junit:
        chosen.append(JUnitReport(config.junit))
    return chosen


def execute(config: RunConfig) -> int:
    from contract_tests.runner import run

    out, err = Console(), Console(stderr=True)
    masker: Masker = config.target.masker
    outputs = handlers(config, out, err)
    mock: MockProcess | None = None
    try:
        if config.bundled:
            mock = start_bundled_mock()
            config = config.serving(mock.url.rstrip("/"))
            err.print(f"started the bundled mock at {config.target.base_url}", highlight=False)
        result = run(config, Emitter(outputs))
    except ConfigError as exc:
        err.print(f"[red]error:[/] {masker.mask(str(exc))}", highlight=False)
        return EXIT_CONFIG
    except TargetUnreachable as exc:
        err.print(f"[red]error: target unreachable:[/] {masker.mask(str(exc))}", highlight=False)
        return EXIT_CONFIG
    except Exception as exc:  # noqa: BLE001  (a crash must not read as "violations found", nor show keys)
        err.print(masker.mask(traceback.format_exc()), highlight=False, markup=False)
        err.print(f"[red]internal error:[/] {masker.mask(f'{type(exc).__name__}: {exc}')}", highlight=False)
        return EXIT_CONFIG
    finally:
        for output in outputs:
            output.close()
        if mock is not None:
            mock.stop()
    if result.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_CONFORMS if result.conforms else EXIT_VIOLATIONS


def main() -> None:
    command(prog_name="assistants-conformance")
