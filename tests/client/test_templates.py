"""The custom templates against the pinned generator's stock ones: every fork names the stock template it
was forked from (its sha256, with a copy of it in scripts/client_generator/stock_templates/), so that a
generator upgrade that changes a stock template fails here and prints what changed upstream, to merge."""

from __future__ import annotations

import difflib
import hashlib
import importlib
import pathlib
import pkgutil
import re

import assistants_client
import assistants_client.api
import openapi_python_client
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "scripts" / "client_generator" / "templates"
BASES = ROOT / "scripts" / "client_generator" / "stock_templates"
STOCK = pathlib.Path(openapi_python_client.__file__).parent / "templates"
HEADER = re.compile(r"\A\{# fork of the stock (\S+) \(stock-sha256: ([0-9a-f]{64})\) #\}\n")


def _sha(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _templates() -> list[pathlib.Path]:
    return sorted(TEMPLATES.rglob("*.jinja"))


FORKS = [t.relative_to(TEMPLATES) for t in _templates() if (STOCK / t.relative_to(TEMPLATES)).exists()]


def test_the_generator_has_the_stock_templates_this_test_reads() -> None:
    assert (STOCK / "client.py.jinja").exists(), f"no stock templates at {STOCK}"
    assert FORKS, "no template overrides a stock one: this test would prove nothing"


@pytest.mark.parametrize("name", FORKS, ids=str)
def test_each_fork_records_the_stock_template_it_was_forked_from(name: pathlib.Path) -> None:
    found = HEADER.match((TEMPLATES / name).read_text(encoding="utf-8"))
    assert found, (
        f"templates/{name} overrides the generator's stock {name} but does not say which version it was "
        "forked from; start it with '{# fork of the stock "
        + f"{name} (stock-sha256: {_sha(STOCK / name)}) "
        + "#}' "
        f"and copy the stock file to stock_templates/{name}"
    )
    assert found.group(1) == str(name)
    base = BASES / name
    assert base.exists() and _sha(base) == found.group(2), (
        f"stock_templates/{name} must be the stock template the fork records (sha256 {found.group(2)})"
    )


def stock_change(
    name: pathlib.Path, bases: pathlib.Path = BASES, stock_dir: pathlib.Path = STOCK
) -> str | None:
    """What to merge when the generator's stock ``name`` is no longer the one its fork was made from."""
    base, stock = bases / name, stock_dir / name
    if _sha(stock) == _sha(base):
        return None
    upstream = "".join(
        difflib.unified_diff(
            base.read_text(encoding="utf-8").splitlines(keepends=True),
            stock.read_text(encoding="utf-8").splitlines(keepends=True),
            f"stock_templates/{name} (what templates/{name} was forked from)",
            f"{stock} (the installed generator's)",
        )
    )
    return (
        f"The installed openapi-python-client changed its stock {name}. Merge what changed upstream into "
        f"templates/{name}, then copy the new stock file to stock_templates/{name} and update the fork's "
        f"stock-sha256 to {_sha(stock)}.\n\n{upstream}"
    )


@pytest.mark.parametrize("name", FORKS, ids=str)
def test_the_pinned_generator_still_ships_the_stock_template_each_fork_was_made_from(
    name: pathlib.Path,
) -> None:
    change = stock_change(name)
    if change is not None:
        pytest.fail(change)


def test_an_upgraded_stock_template_is_reported_with_its_upstream_diff(tmp_path: pathlib.Path) -> None:
    name = pathlib.Path("types.py.jinja")
    (tmp_path / name).write_text((STOCK / name).read_text(encoding="utf-8").replace("Generic", "Generic2"))
    change = stock_change(name, stock_dir=tmp_path)
    assert change is not None and "Merge what changed upstream into templates/types.py.jinja" in change
    assert (
        "-from typing import BinaryIO, Generic," in change
        and "+from typing import BinaryIO, Generic2," in change
    )


def test_no_stale_stock_copy_and_no_header_on_a_template_that_overrides_nothing() -> None:
    stale = [p.relative_to(BASES) for p in BASES.rglob("*.jinja") if p.relative_to(BASES) not in FORKS]
    assert not stale, f"stock_templates/ keeps copies no fork needs: {stale}"
    for template in _templates():
        name = template.relative_to(TEMPLATES)
        if name not in FORKS:
            assert not HEADER.match(template.read_text(encoding="utf-8")), f"{name} overrides nothing"


def _generated_functions() -> list:
    found = []
    for info in pkgutil.walk_packages(assistants_client.api.__path__, "assistants_client.api."):
        module = importlib.import_module(info.name)
        found += [
            getattr(module, n)
            for n in ("sync", "sync_detailed", "asyncio", "asyncio_detailed")
            if hasattr(module, n)
        ]
    return found


def test_the_adjusted_stock_macros_took_effect() -> None:
    """_endpoint_macros.jinja edits the stock macros' output; a changed stock text would go unnoticed
    but for this test."""
    package = pathlib.Path(assistants_client.__file__).parent
    leftovers = [
        str(p.relative_to(package)) for p in package.rglob("*.py") if "AuthenticatedClient" in p.read_text()
    ]
    assert not leftovers, f"the stock client type survived in {leftovers}"
    api = package / "api"
    stdlib_decoding = [
        str(p.relative_to(package)) for p in api.rglob("*.py") if "response.json()" in p.read_text()
    ]
    assert not stdlib_decoding, f"answers decoded by httpx's response.json() in {stdlib_decoding}"
    assert any("jsonlib.loads(response.content)" in p.read_text() for p in api.rglob("*.py"))
    functions = _generated_functions()
    assert functions
    for function in functions:
        assert "errors.APIStatusError: On a non-2xx status" in (function.__doc__ or ""), function.__qualname__
        assert "errors.DeadlineExceeded" in function.__doc__, function.__qualname__
