"""Regenerate generated_client/assistants_client from the spec (run through scripts/generate_client).

What the generator is fed:
- the document from ``assistants_spec.load()``, with every parameter marked ``x-set-by-client``
  removed (the client sets those once, so no generated function takes them);
- the custom templates in templates/, plus ``_spec_facts.jinja``, written here from the spec, so that
  the templates render the beta header, its profiles, the auth header names and the default base URLs
  from the document instead of restating them.

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

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
CONFIG = HERE / "config.yaml"
TEMPLATES = HERE / "templates"
OUTPUT = ROOT / "generated_client" / "assistants_client"
SET_BY_CLIENT = "x-set-by-client"
# Tools whose version changes the output; their pins are read from pyproject.toml's dev extra.
PINNED_TOOLS = ("openapi-python-client", "ruff")


class GenerationError(RuntimeError):
    """Generation cannot produce a trustworthy result; the message says why."""


def _load_spec_module():
    try:
        import assistants_spec
    except ImportError:  # before scripts/bootstrap installed the project
        sys.path.insert(0, str(ROOT))
        import importlib.util

        spec = importlib.util.spec_from_file_location("assistants_spec", ROOT / "spec" / "__init__.py")
        assistants_spec = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(assistants_spec)
    return assistants_spec


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


def strip_set_by_client(document: dict[str, Any]) -> list[str]:
    """Remove every parameter marked ``x-set-by-client``; return their names."""
    removed: set[str] = set()
    components = document.get("components", {}).get("parameters", {})
    marked_refs = set()
    for key, parameter in list(components.items()):
        if parameter.get(SET_BY_CLIENT):
            marked_refs.add(f"#/components/parameters/{key}")
            removed.add(parameter["name"])
            del components[key]

    def keep(parameter: dict[str, Any]) -> bool:
        if parameter.get("$ref") in marked_refs:
            return False
        if parameter.get(SET_BY_CLIENT):
            removed.add(parameter["name"])
            return False
        return True

    for item in document["paths"].values():
        holders = [item, *(op for op in item.values() if isinstance(op, dict))]
        for holder in holders:
            if isinstance(holder.get("parameters"), list):
                holder["parameters"] = [p for p in holder["parameters"] if keep(p)]
    return sorted(removed)


def _server_for_host(document: dict[str, Any], host_suffix: str) -> str:
    urls = [
        s["url"] for s in document.get("servers", []) if urlsplit(s["url"]).hostname.endswith(host_suffix)
    ]
    if len(urls) != 1:
        raise GenerationError(f"expected exactly one server under *{host_suffix} in the spec, found {urls}")
    return urls[0]


def _request_id_header(document: dict[str, Any]) -> str:
    """The response header the spec documents as ``components/headers/RequestId``."""
    target = "#/components/headers/RequestId"
    for response in document["components"].get("responses", {}).values():
        for name, header in (response.get("headers") or {}).items():
            if header.get("$ref") == target:
                return name
    raise GenerationError(f"no response in the spec documents a header with $ref {target}")


def spec_facts(assistants_spec, document: dict[str, Any], set_by_client: list[str]) -> dict[str, Any]:
    """The values the client templates render, read from the spec."""
    schemes = document["components"]["securitySchemes"]

    def header_of(scheme: str) -> str:
        try:
            return schemes[scheme]["name"]
        except KeyError:
            raise GenerationError(f"the spec defines no header security scheme {scheme!r}") from None

    beta_header = assistants_spec.beta_header_name()
    if beta_header not in set_by_client:
        raise GenerationError(
            f"{beta_header} is not marked {SET_BY_CLIENT}; generated functions would take it"
        )
    return {
        "beta_header": beta_header,
        "beta_default_profile": assistants_spec.default_profile(),
        "beta_profiles": {p: assistants_spec.beta_header_value(p) for p in assistants_spec.profiles()},
        "portkey_api_key_header": header_of("PortkeyApiKey"),
        "portkey_virtual_key_header": header_of("PortkeyVirtualKey"),
        "portkey_provider_header": header_of("PortkeyProvider"),
        "portkey_custom_host_header": header_of("PortkeyCustomHost"),
        "portkey_base_url": _server_for_host(document, "portkey.ai"),
        "openai_base_url": _server_for_host(document, "openai.com"),
        "request_id_header": _request_id_header(document),
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
    assistants_spec = _load_spec_module()
    document = assistants_spec.load()
    removed = strip_set_by_client(document)
    with tempfile.TemporaryDirectory(prefix="assistants-client-gen-") as tmp:
        work = pathlib.Path(tmp)
        spec_file = work / "openapi.json"
        spec_file.write_text(json.dumps(document, indent=1), encoding="utf-8")
        templates = work / "templates"
        shutil.copytree(TEMPLATES, templates)
        _write_facts(templates / "_spec_facts.jinja", spec_facts(assistants_spec, document, removed))
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
