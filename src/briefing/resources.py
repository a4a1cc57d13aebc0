"""Where the built-in theme, the bundled seeds, models and data live.

In a wheel, `templates/`, `styles/` and `seeds/` are copied into the package; in a source checkout
(an editable install, or tests run from the repository) they stand at the repository's top level.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_DIR = PACKAGE_DIR.parent.parent


@cache
def asset_dir(name: str) -> Path:
    """Return the folder of a bundled asset tree: 'templates', 'styles' or 'seeds'."""
    for candidate in (PACKAGE_DIR / name, _REPO_DIR / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the package is missing its '{name}' folder; reinstall briefing")


def data_path(*parts: str) -> Path:
    """Return a path inside the package's own data folder (gazetteer, models)."""
    return PACKAGE_DIR.joinpath("data", *parts)


def bundled_facts() -> Path:
    """Return the fact table used when the user gives none."""
    return asset_dir("seeds") / "facts" / "wang-yi-moscow-2023.yaml"
