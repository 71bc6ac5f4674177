"""Regenerate generated_client/assistants_client from the spec (run through scripts/generate_client).

What the generator is fed, all read through the spec model (``assistants_spec.load_spec()``):
- the document from ``spec.document()``, with every parameter the model marks ``set_by_client``
  removed (the client sets those once, so no generated function takes them);
- the custom templates in templates/, plus ``_spec_facts.jinja``, written here from the spec model, so
  that the templates render the beta header, its profiles, the security schemes' headers and the
  default base URLs from the spec instead of restating them.
Then the hand-written runtime (runtime/) is copied unchanged into the package as ``_runtime/``.

``--check`` regenerates into a temporary folder and fails, naming every file that differs.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.metadata
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import tomllib
from typing import Any
from urllib.parse import urlsplit

import assistants_spec

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
CONFIG = HERE / "config.yaml"
TEMPLATES = HERE / "templates"
RUNTIME = HERE / "runtime"
RUNTIME_PACKAGE = "_runtime"
OUTPUT = ROOT / "generated_client" / "assistants_client"
# Tools whose version changes the output; their pins are read from pyproject.toml's dev extra.
PINNED_TOOLS = ("openapi-python-client", "ruff")
# The security schemes the client's constructors fill in (Client.portkey / Client.gateway).
PORTKEY_SCHEMES = {
    "portkey_api_key_header": "PortkeyApiKey",
    "portkey_virtual_key_header": "PortkeyVirtualKey",
    "portkey_provider_header": "PortkeyProvider",
    "portkey_custom_host_header": "PortkeyCustomHost",
    "portkey_config_header": "PortkeyConfig",
}
# The response header documented as this component is the request id the errors quote.
REQUEST_ID_COMPONENT = "#/components/headers/RequestId"


class GenerationError(RuntimeError):
    """Generation cannot produce a trustworthy result; the message says why."""


def check_pins() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = pyproject["project"]["optional-dependencies"]["dev"]
    for tool in PINNED_TOOLS:
        pins = [r.split("==", 1)[1] for r in requirements if r.split("==", 1)[0].strip() == tool]
        if not pins:
            raise GenerationError(f"pyproject.toml pins no exact version of {tool} (expected '{tool}==X')")
        installed = importlib.metadata.version(tool)
        if installed != pins[0]:
            raise GenerationError(
                f"{tool} {installed} is installed but pyproject.toml pins {pins[0]}; the output depends on "
                "it, so run scripts/bootstrap first"
            )


def set_by_client(spec: assistants_spec.Spec) -> set[tuple[str, str]]:
    """(name, location) of every parameter the spec marks as set once by the client."""
    view = spec.view()
    return {
        (p.name, p.location)
        for operation in view.operations.values()
        for p in operation.parameters
        if p.set_by_client
    }


def strip_parameters(document: dict[str, Any], parameters: set[tuple[str, str]]) -> None:
    """Remove ``parameters`` ((name, location) pairs) from the generator's input document, wherever
    they are declared: shared components, path items and operations."""
    components = document.get("components", {}).get("parameters", {})
    removed_refs = set()
    for key, parameter in list(components.items()):
        if (parameter.get("name"), parameter.get("in")) in parameters:
            removed_refs.add(f"#/components/parameters/{key}")
            del components[key]

    def keep(parameter: dict[str, Any]) -> bool:
        return (
            parameter.get("$ref") not in removed_refs
            and (parameter.get("name"), parameter.get("in")) not in parameters
        )

    for item in document["paths"].values():
        for holder in [item, *(op for op in item.values() if isinstance(op, dict))]:
            if isinstance(holder.get("parameters"), list):
                holder["parameters"] = [p for p in holder["parameters"] if keep(p)]


def _server_for_host(spec: assistants_spec.Spec, host_suffix: str) -> str:
    urls = [s["url"] for s in spec.servers if (urlsplit(s["url"]).hostname or "").endswith(host_suffix)]
    if len(urls) != 1:
        raise GenerationError(f"expected exactly one server under *{host_suffix} in the spec, found {urls}")
    return urls[0]


def _request_id_header(spec: assistants_spec.Spec) -> str:
    """The response header the spec documents as ``components/headers/RequestId``."""
    names = {
        name
        for operation in spec.view().operations.values()
        for response in operation.responses.values()
        for name, ref in response.header_refs.items()
        if ref == REQUEST_ID_COMPONENT
    }
    if len(names) != 1:
        raise GenerationError(
            f"expected one response header documented as {REQUEST_ID_COMPONENT}, found {sorted(names)}"
        )
    return names.pop()


def _bearer_header(spec: assistants_spec.Spec) -> str:
    """The header of the spec's one http bearer scheme (what ``Client.openai`` and ``.gateway`` fill)."""
    headers = {s.header for s in spec.security.schemes.values() if s.http_scheme == "bearer"}
    if len(headers) != 1:
        raise GenerationError(
            f"expected one http bearer security scheme in the spec, found {sorted(headers)}"
        )
    return headers.pop()


def spec_facts(spec: assistants_spec.Spec, stripped: set[tuple[str, str]]) -> dict[str, Any]:
    """The values the client templates render, read from the spec model."""
    if (spec.beta_header, "header") not in stripped:
        raise GenerationError(
            f"{spec.beta_header} is not marked x-set-by-client; generated functions would take it"
        )
    headers = {}
    for fact, scheme in PORTKEY_SCHEMES.items():
        try:
            headers[fact] = spec.security.header(scheme)
        except KeyError:
            raise GenerationError(f"the spec defines no header security scheme {scheme!r}") from None
    return {
        "beta_header": spec.beta_header,
        "beta_default_profile": spec.default_profile,
        "beta_profiles": {p: spec.beta_value(p) for p in spec.profiles},
        **headers,
        "bearer_header": _bearer_header(spec),
        "credential_headers": sorted({scheme.header for scheme in spec.security.schemes.values()}),
        "portkey_base_url": _server_for_host(spec, "portkey.ai"),
        "openai_base_url": _server_for_host(spec, "openai.com"),
        "request_id_header": _request_id_header(spec),
        "idempotency_header": spec.idempotency.header if spec.idempotency else "",
    }


def _write_facts(path: pathlib.Path, facts: dict[str, Any]) -> None:
    lines = ["{# Written by scripts/client_generator/generate.py from the spec; not kept in the repo. #}"]
    for key, value in facts.items():
        lines.append(f"{{% set {key} = {json.dumps(value)} %}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(destination: pathlib.Path, *, custom_templates: bool = True) -> None:
    """Generate the package into ``destination`` (which must not exist yet).

    ``custom_templates=False`` gives the generator's stock output, which the benchmark compares with.
    """
    check_pins()
    spec = assistants_spec.load_spec()
    document = spec.document()
    stripped = set_by_client(spec)
    strip_parameters(document, stripped)
    with tempfile.TemporaryDirectory(prefix="assistants-client-gen-") as tmp:
        work = pathlib.Path(tmp)
        spec_file = work / "openapi.json"
        spec_file.write_text(json.dumps(document, indent=1), encoding="utf-8")
        templates = work / "templates"
        shutil.copytree(TEMPLATES, templates)
        _write_facts(templates / "_spec_facts.jinja", spec_facts(spec, stripped))
        command = [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(spec_file),
            "--config", str(CONFIG),
            *(["--custom-template-path", str(templates)] if custom_templates else []),
            "--meta", "none",
            "--output-path", str(destination),
            "--fail-on-warning",
        ]  # fmt: skip
        # The post-hooks call `ruff`: the pinned one beside this interpreter, whatever PATH says.
        env = {
            **os.environ,
            "PATH": f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        result = subprocess.run(command, check=False, capture_output=True, text=True, cwd=work, env=env)
        if result.returncode != 0 or "Warning" in result.stdout + result.stderr:
            raise GenerationError(
                f"openapi-python-client failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
            )
    for cache in destination.rglob(".ruff_cache"):
        shutil.rmtree(cache)
    if custom_templates:
        shutil.copytree(RUNTIME, destination / RUNTIME_PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))


def _tree(root: pathlib.Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def differences(expected: pathlib.Path, actual: pathlib.Path) -> list[str]:
    """Files of the fresh output (``expected``) that ``actual`` lacks, has extra, or has different."""
    want, have = _tree(expected), _tree(actual) if actual.exists() else set()
    problems = [f"missing: {name}" for name in sorted(want - have)]
    problems += [f"unexpected: {name}" for name in sorted(have - want)]
    problems += [
        f"differs: {name}"
        for name in sorted(want & have)
        if not filecmp.cmp(expected / name, actual / name, shallow=False)
    ]
    return problems


def _shown(path: pathlib.Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/generate_client", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary folder and fail, naming the files that differ, when "
        f"{_shown(OUTPUT)} is stale",
    )
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="assistants-client-out-") as tmp:
            fresh = pathlib.Path(tmp) / OUTPUT.name
            generate(fresh)
            if args.check:
                problems = differences(fresh, OUTPUT)
                if problems:
                    print(
                        f"{_shown(OUTPUT)} is stale; run scripts/generate_client. {len(problems)} file(s):",
                        file=sys.stderr,
                    )
                    for problem in problems:
                        print(f"  {problem}", file=sys.stderr)
                    return 1
                print(f"{_shown(OUTPUT)} is up to date ({len(_tree(fresh))} files)")
                return 0
            if OUTPUT.exists():
                shutil.rmtree(OUTPUT)
            OUTPUT.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(fresh, OUTPUT)
            print(f"generated {_shown(OUTPUT)} ({len(_tree(OUTPUT))} files)")
            return 0
    except GenerationError as error:
        print(f"generate_client: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
