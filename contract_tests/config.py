"""One run's configuration, built once from the command line and frozen: what to check, how, and
where the results go.

The options that carry credentials or gateway routing are tied here to the security schemes of the
spec they fill (``CREDENTIAL_OPTIONS``, ``ROUTING_OPTIONS``); which header each scheme is sent in,
and how, is read from the spec.
"""

from __future__ import annotations

import os
import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from assistants_spec import Spec, load_spec

from contract_tests.masking import Secret
from contract_tests.target import SECOND_TENANT_ENV, ConfigError, Credentials, Target

PHASES = ("examples", "coverage", "fuzzing", "stateful")
DEFAULT_MAX_EXAMPLES = 200


@dataclass(frozen=True)
class CredentialOption:
    scheme: str  # the spec's security scheme this option fills
    option: str
    env: str  # the environment variable read when the option is not given
    label: str
    tenant: bool  # its secret tells tenants apart (--second-api-key replaces it)


@dataclass(frozen=True)
class RoutingOption:
    scheme: str
    option: str
    env: str
    label: str
    example: str
    is_url: bool = False


CREDENTIAL_OPTIONS = (
    CredentialOption("PortkeyApiKey", "--api-key", "PORTKEY_API_KEY", "Portkey API key", tenant=True),
    CredentialOption(
        "PortkeyVirtualKey", "--virtual-key", "PORTKEY_VIRTUAL_KEY", "Portkey virtual key", False
    ),
    CredentialOption(
        "BearerAuth", "--bearer", "OPENAI_API_KEY", "bearer key, e.g. an OpenAI key", tenant=True
    ),
)
ROUTING_OPTIONS = (
    RoutingOption(
        "PortkeyProvider", "--provider", "PORTKEY_PROVIDER", "the provider it forwards to", "openai"
    ),
    RoutingOption(
        "PortkeyCustomHost",
        "--custom-host",
        "PORTKEY_CUSTOM_HOST",
        "the upstream base URL it forwards to",
        "http://127.0.0.1:4010/v1",
        is_url=True,
    ),
)


def option_header(spec: Spec, option: CredentialOption | RoutingOption) -> str:
    """The header an option's value is sent in (a clear error for a spec without that scheme)."""
    try:
        return spec.security.header(option.scheme)
    except KeyError:
        raise ConfigError(
            f"{option.option}: the spec declares no security scheme {option.scheme!r}"
        ) from None


@dataclass(frozen=True)
class RunConfig:
    target: Target
    bundled: bool = False  # the bundled mock is started for the run (target.base_url is set then)
    gateway: bool = False  # --gateway: a Portkey gateway stands in front of the API
    strict_gateway: bool = False  # gateway findings also make the run fail
    max_examples: int = DEFAULT_MAX_EXAMPLES
    seed: int = field(default_factory=lambda: random.randrange(2**31))
    workers: int = 1
    max_time: float | None = None
    rate_limit: str | None = None
    phases: tuple[str, ...] = PHASES
    scenarios: bool = True
    stateful_steps: int = 8
    junit: Path | None = None
    report: Path | None = None
    progress: bool = True

    @property
    def scenario_examples(self) -> int:
        """Property-based scenarios draw a quarter of the examples (each costs several requests)."""
        return max(3, self.max_examples // 4)

    def serving(self, base_url: str) -> RunConfig:
        """The same run against ``base_url`` (the bundled mock, once it listens)."""
        return replace(self, target=replace(self.target, base_url=base_url))


def build_config(
    *,
    base_url: str | None,
    credentials: Mapping[str, str | None],
    second_api_key: str | None,
    headers: tuple[str, ...] = (),
    routing: Mapping[str, str | None] | None = None,
    beta: str | None = None,
    model: str | None = None,
    gateway: bool = False,
    strict_gateway: bool = False,
    max_examples: int = DEFAULT_MAX_EXAMPLES,
    seed: int | None = None,
    workers: int = 1,
    max_time: float | None = None,
    rate_limit: str | None = None,
    phases: tuple[str, ...] = PHASES,
    scenarios: bool = True,
    junit: Path | None = None,
    report: Path | None = None,
    progress: bool = True,
    environ: Mapping[str, str] | None = None,
    spec: Spec | None = None,
) -> RunConfig:
    """``credentials`` and ``routing`` map option names (``--api-key``) to the values given."""
    spec = spec or load_spec()
    env = os.environ if environ is None else environ
    extra = dict(parse_header(h) for h in headers)
    extra.update(routing_headers(spec, routing or {}))
    if rate_limit:
        check_rate(rate_limit)
    if base_url:
        creds = resolve_credentials(credentials, environ=env, spec=spec)
        second = creds.for_tenant(Secret(second_api_key, SECOND_TENANT_ENV)) if second_api_key else None
        url = check_base_url(base_url)
    else:
        creds, second = bundled_credentials(credentials, second_api_key, spec)
        url = ""
    target = Target(url, creds, second, extra, beta, model=model, spec=spec)
    return RunConfig(
        target=target,
        bundled=not base_url,
        gateway=gateway,
        strict_gateway=strict_gateway,
        max_examples=max_examples,
        seed=seed if seed is not None else random.randrange(2**31),
        workers=workers,
        max_time=max_time,
        rate_limit=rate_limit,
        phases=tuple(phases),
        scenarios=scenarios,
        junit=junit,
        report=report,
        progress=progress,
    )


def resolve_credentials(
    given: Mapping[str, str | None], *, environ: Mapping[str, str] | None = None, spec: Spec | None = None
) -> Credentials:
    """Options first, then their environment variables; an explicit tenant key (``--api-key``,
    ``--bearer``) wins over every tenant key in the environment."""
    spec = spec or load_spec()
    env = os.environ if environ is None else environ
    explicit_tenant = any(given.get(o.option) for o in CREDENTIAL_OPTIONS if o.tenant)
    values: dict[CredentialOption, str] = {}
    for option in CREDENTIAL_OPTIONS:
        value = given.get(option.option) or (
            None if option.tenant and explicit_tenant else env.get(option.env)
        )
        if value:
            values[option] = value
    return _credentials(values, spec)


def _credentials(values: Mapping[CredentialOption, str], spec: Spec) -> Credentials:
    tenants = [o for o in CREDENTIAL_OPTIONS if o.tenant and o in values]
    if not tenants:
        raise ConfigError(f"no credentials: {_how_to_give_credentials(spec)}")
    for option in values:
        option_header(spec, option)
        if option.tenant:
            continue
        # A shared secret (a virtual key) only means something next to a tenant key it goes with.
        partners = [alt for alt in spec.security.alternatives if option.scheme in alt]
        if not any(alt & {o.scheme for o in tenants} for alt in partners):
            wanted = [o for o in CREDENTIAL_OPTIONS if o.tenant and any(o.scheme in alt for alt in partners)]
            raise ConfigError(
                f"{option.option} goes with "
                + " or ".join(f"a {o.label} ({o.option} or {o.env})" for o in wanted)
            )
    return Credentials(
        {o.scheme: Secret(value, o.env) for o, value in values.items()}, tenant_scheme=tenants[0].scheme
    )


def _how_to_give_credentials(spec: Spec) -> str:
    by_scheme = {o.scheme: o for o in CREDENTIAL_OPTIONS}
    combinations = [
        [by_scheme[s] for s in sorted(alt, key=lambda s: list(by_scheme).index(s))]
        for alt in spec.security.alternatives
        if alt and alt <= set(by_scheme)
    ]
    options = " or ".join(" and ".join(o.option for o in combo) for combo in combinations)
    envs = ", or ".join(" and ".join(o.env for o in combo) for combo in combinations)
    return f"pass {options}, or set {envs}"


def bundled_credentials(
    given: Mapping[str, str | None], second_api_key: str | None, spec: Spec
) -> tuple[Credentials, Credentials | None]:
    """The bundled mock's own keys, unless options say otherwise (they still choose the header style)."""
    import mock_server

    defaults = {
        "--api-key": mock_server.DEFAULT_API_KEYS[0],
        "--virtual-key": mock_server.DEFAULT_VIRTUAL_KEYS[0],
    }
    values = {o: given[o.option] for o in CREDENTIAL_OPTIONS if given.get(o.option)}
    if not any(o.tenant for o in values):
        first = next(o for o in CREDENTIAL_OPTIONS if o.option in defaults and o.tenant)
        values[first] = defaults[first.option]
    tenant_schemes = {o.scheme for o in values if o.tenant}
    for option in CREDENTIAL_OPTIONS:
        goes_along = any(option.scheme in alt and alt & tenant_schemes for alt in spec.security.alternatives)
        if option not in values and option.option in defaults and not option.tenant and goes_along:
            values[option] = defaults[option.option]
    credentials = _credentials(values, spec)
    second_key = second_api_key or next(
        (k for k in mock_server.DEFAULT_API_KEYS if k not in {s.value for s in credentials.secrets.values()}),
        None,
    )
    second = credentials.for_tenant(Secret(second_key, SECOND_TENANT_ENV)) if second_key else None
    return credentials, second


def routing_headers(spec: Spec, given: Mapping[str, str | None]) -> dict[str, str]:
    """--provider / --custom-host as the headers the spec's security schemes name for them."""
    found = {}
    for option in ROUTING_OPTIONS:
        value = given.get(option.option)
        if value:
            found[option_header(spec, option)] = (
                check_base_url(value, option=option.option) if option.is_url else value
            )
    return found


def parse_header(raw: str) -> tuple[str, str]:
    name, sep, value = raw.partition(":")
    if not sep or not name.strip() or any(c.isspace() for c in name.strip()):
        raise ConfigError(f"--header expects 'Name: value', got {raw!r}")
    return name.strip(), value.strip()


def check_base_url(url: str, option: str = "--base-url") -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{option} must be an http(s) URL such as {_example_url(option)}, got {url!r}")
    return url


def _example_url(option: str) -> str:
    servers = load_spec().servers
    if option == "--base-url" and servers:
        return servers[0]["url"]
    return "http://127.0.0.1:4010" + load_spec().base_path


def check_rate(value: str) -> None:
    from schemathesis.core.errors import InvalidRateLimit
    from schemathesis.core.rate_limit import build_limiter

    try:
        build_limiter(value)
    except InvalidRateLimit:
        raise ConfigError(f"--rate-limit expects N/s, N/m, N/h or N/d, got {value!r}") from None
