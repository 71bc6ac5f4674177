"""`assistants-conformance` / `python -m contract_tests`: check a deployment against the spec.

The options become one frozen `RunConfig` (`contract_tests.config`); the run reports through events
to one handler per output. Exit codes: 0 conforms, 1 deviations found, 2 usage error / bad
configuration / target not usable / an output that cannot be written, 130 interrupted (143 for
SIGTERM, 129 for SIGHUP).
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
    CLEANUP_SECONDS,
    CREDENTIAL_OPTIONS,
    DEFAULT_MAX_EXAMPLES,
    LIVE_MAX_EXAMPLES,
    LIVE_MAX_TIME,
    PHASES,
    REQUEST_DEADLINE,
    ROUTING_OPTIONS,
    RunConfig,
    build_config,
    option_header,
)
from contract_tests.events import Emitter, Handler
from contract_tests.http import MAX_ANSWER_BYTES, TargetUnreachable
from contract_tests.interruption import ENGINE_GRACE, Interruption
from contract_tests.masking import Masker
from contract_tests.reports.console import ConsoleSummary
from contract_tests.reports.junit import JUnitReport
from contract_tests.reports.markdown import MarkdownReport
from contract_tests.reports.progress import ConsoleProgress
from contract_tests.reports.text import Reproductions
from contract_tests.retry import SUITE_POLICY
from contract_tests.target import SECOND_TENANT_ENV, ConfigError
from contract_tests.waivers import render_baseline

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
    default=None,
    help="Generated examples per operation and phase (property-based scenarios draw a quarter). "
    f"Default: {DEFAULT_MAX_EXAMPLES} against the bundled mock, {LIVE_MAX_EXAMPLES} with --base-url.",
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
    help="Time budget for the scenarios and schemathesis together; what is not done by then is not run "
    f"(cleanup still runs, within its own {CLEANUP_SECONDS:g} s). Default: none against the bundled mock, "
    f"{LIVE_MAX_TIME:g} s with --base-url (unless --max-examples is given), so that a run against a slow "
    "live server ends within 2 minutes.",
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
    "--ignore",
    "ignore",
    multiple=True,
    metavar="NAME[:OPERATION]",
    help="Do not count a known deviation: NAME is a check or scenario, or a deviation id as the report "
    "shows it (e.g. beta-header, status-undeclared:201); OPERATION an operationId (createAssistant) to "
    "waive it there only. Repeatable.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A file written by --write-baseline: its deviations are reported as known and do not fail the "
    "run; the summary says which of its entries this run did not see (fixed).",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record this run's distinct deviations in a baseline file (for --baseline).",
)
@click.option(
    "--request-deadline",
    type=click.FloatRange(1),
    default=REQUEST_DEADLINE,
    show_default=True,
    metavar="SECONDS",
    help="Every request ends within this, from connecting to the last byte of the answer, however slowly "
    "the target sends it (what has no answer by then is reported, not waited for).",
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
    The report leads with the distinct deviations, most harmful first: each names the
    contract clause, the operations, how many requests showed it, and one command that
    reproduces it.
    \b
    Limits: every request ends within --request-deadline (headers and body: a target
    that trickles cannot hold it), answers are read up to {size} MB, a Retry-After longer
    than {retry:g} s is reported, not obeyed, and Ctrl-C, SIGTERM or SIGHUP stop the run
    at any moment (a request in flight is abandoned, schemathesis gets {grace:g} s),
    delete what it created and report; a second signal stops at once.
    \b
    Exit codes: 0 conforms, 1 deviations found, 2 usage error, bad configuration,
    target not usable (unreachable, not an Assistants API, wrong base path, credentials
    refused everywhere) or an output that cannot be written, 130 interrupted (143 on
    SIGTERM, 129 on SIGHUP; cleanup still ran).
    With --replay: 0 no difference, 1 differences, 2 usage error.
    """
    replay = options.pop("replay")
    err = Console(stderr=True)
    context = click.get_current_context()
    from_env = frozenset(
        f"--{name.replace('_', '-')}"
        for name in options
        if context.get_parameter_source(name) is click.core.ParameterSource.ENVIRONMENT
    )
    try:
        config = config_from_options(options, from_env)
    except ConfigError as exc:
        err.print(f"[red]error:[/] {_one_line(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_CONFIG)
    if replay is not None:
        from contract_tests.proxy.replay import run_from_config

        sys.exit(run_from_config(config, replay))
    sys.exit(execute(config))


command.help = (command.help or "").format(
    size=MAX_ANSWER_BYTES // (1024 * 1024),
    retry=SUITE_POLICY.max_retry_after,
    grace=ENGINE_GRACE,
)


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 900 else flat[:900] + "..."


def config_from_options(options: dict[str, Any], from_env: frozenset[str] = frozenset()) -> RunConfig:
    """The click options as one run configuration (a live target gets the live defaults)."""
    credentials = {o.option: options.pop(_parameter(o.option)) for o in CREDENTIAL_OPTIONS}
    routing = {o.option: options.pop(_parameter(o.option)) for o in ROUTING_OPTIONS}
    live = bool(options["base_url"])
    if options["max_examples"] is None:
        options["max_examples"] = LIVE_MAX_EXAMPLES if live else DEFAULT_MAX_EXAMPLES
        if live and options["max_time"] is None:
            options["max_time"] = LIVE_MAX_TIME
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
        ignore=tuple(options["ignore"]),
        baseline=options["baseline"],
        write_baseline=options["write_baseline"],
        from_environment=from_env,
        request_deadline=options["request_deadline"],
    )


def handlers(config: RunConfig, out: Console, err: Console) -> list[Handler]:
    """One handler per output the configuration asks for (reproductions rendered once for all)."""
    # Long request bodies go to files beside the JUnit file if there is one (a CI artifact), else the report.
    repro = Reproductions.beside(config.target.masker, config.junit, config.report)
    chosen: list[Handler] = [ConsoleProgress(err, enabled=config.progress), ConsoleSummary(out, repro)]
    if config.report:
        chosen.append(MarkdownReport(config.report, repro))
    if config.junit:
        chosen.append(JUnitReport(config.junit, repro))
    if config.write_baseline:
        chosen.append(BaselineWriter(config.write_baseline))
    return chosen


class BaselineWriter(Handler):
    def __init__(self, path: Path) -> None:
        self.path = path

    def handle(self, event: Any) -> None:
        from contract_tests.events import RunFinished
        from contract_tests.reports.files import write

        if isinstance(event, RunFinished):
            result = event.result
            write(self.path, render_baseline(result.deviations, result.config.target.profile or ""))


def execute(config: RunConfig) -> int:
    from contract_tests.runner import run

    out, err = Console(), Console(stderr=True)
    masker: Masker = config.target.masker
    outputs = handlers(config, out, err)
    interruption = Interruption()
    mock: MockProcess | None = None
    # Signals are handled from the start: the bundled mock is stopped and the outputs closed whatever comes.
    with interruption.handling_signals():
        try:
            if config.bundled:
                mock = start_bundled_mock()
                config = config.serving(mock.url.rstrip("/"))
                err.print(f"started the bundled mock at {config.target.base_url}", highlight=False)
            result = run(config, Emitter(outputs), interruption)
        except ConfigError as exc:
            err.print(f"[red]error:[/] {_one_line(masker.mask(str(exc)))}", highlight=False, soft_wrap=True)
            return EXIT_CONFIG
        except TargetUnreachable as exc:
            err.print(
                f"[red]error: target unreachable:[/] {_one_line(masker.mask(str(exc)))}",
                highlight=False,
                soft_wrap=True,
            )
            return EXIT_CONFIG
        except OSError as exc:
            # An output that cannot be written (--report /dev/full, a read-only folder): not "violations found".
            where = f" {exc.filename}" if exc.filename else ""
            err.print(
                f"[red]error:[/] cannot write{where}: {exc.strerror or exc}", highlight=False, soft_wrap=True
            )
            return EXIT_CONFIG
        except KeyboardInterrupt:
            err.print("interrupted", highlight=False)
            return interruption.exit_code
        except Exception as exc:  # noqa: BLE001  (a crash must not read as "violations found", nor show keys)
            err.print(masker.mask(traceback.format_exc()), highlight=False, markup=False)
            err.print(
                f"[red]internal error:[/] {masker.mask(f'{type(exc).__name__}: {exc}')}", highlight=False
            )
            return EXIT_CONFIG
        finally:
            for output in outputs:
                output.close()
            if mock is not None:
                mock.stop()
    if result.interrupted:
        return interruption.exit_code
    return EXIT_CONFORMS if result.conforms else EXIT_VIOLATIONS


def main() -> None:
    command(prog_name="assistants-conformance")
