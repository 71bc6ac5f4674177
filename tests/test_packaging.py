"""pyproject.toml lists every package explicitly (two live under other folder names), so a package
folder missing from the list would silently be left out of installs."""

from __future__ import annotations

import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(CONFIG["packages"])
    roots = {name: ROOT / folder for name, folder in CONFIG.get("package-dir", {}).items()}
    for name in {p.split(".")[0] for p in listed} - set(roots):
        roots[name] = ROOT / name
    found = set()
    for name, folder in roots.items():
        for init in folder.rglob("__init__.py"):
            relative = init.parent.relative_to(folder)
            found.add(".".join([name, *relative.parts]))
    assert found == listed, (
        f"missing from pyproject: {sorted(found - listed)}; not on disk: {sorted(listed - found)}"
    )


def test_the_spec_ships_inside_its_package() -> None:
    assert (
        "*.yaml"
        in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["*"]
    )
    import assistants_spec

    assert assistants_spec.SPEC_PATH.is_file()
