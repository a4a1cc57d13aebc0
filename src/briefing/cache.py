"""Derived data kept between runs (the parsed gazetteer, the compiled lexicons), as JSON files.

Every cold run would otherwise parse the same 100 KB of gazetteer YAML and compile the same
lexicon: a tenth of a JSON briefing. An entry is found by a hash of everything it is derived
from (the inputs' contents, the source of the code that derives it, briefing's version), so a
changed input, an edited module or a new release never reads a stale entry. Entries are JSON:
reading one runs no code, and one that cannot be read is rebuilt. A cache that cannot be
written is no error; the run only takes longer.

The cache lives in $BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing, else ~/.cache/briefing;
setting BRIEFING_CACHE_DIR to an empty string turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing import __version__

FORMAT = 1  # of the entries; part of every key
KEEP = 16  # entries of one kind kept; the oldest go when a new one is written


def cache_dir() -> Path | None:
    """Return the cache folder, or None when the cache is turned off."""
    chosen = os.environ.get("BRIEFING_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():  # a relative one is to be ignored, says the XDG spec
        return Path(xdg) / "briefing"
    try:
        return Path.home() / ".cache" / "briefing"
    except RuntimeError:  # no home folder: no cache
        return None


def key(kind: str, *parts: str | bytes) -> str:
    """Return the key of an entry derived from `parts` (contents, hashes, versions)."""
    digest = hashlib.sha256(f"briefing {__version__} cache {FORMAT} {kind}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def source_hash(files: Iterable[Path]) -> str:
    """Return a hash of the contents of source files (the code an entry is derived by)."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load(kind: str, entry_key: str) -> Any | None:
    """Return the value stored under the key, or None when there is none that can be read."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"{kind}-{entry_key[:40]}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != entry_key:
        return None
    return data.get("value")


def store(kind: str, entry_key: str, value: Any) -> None:
    """Store a JSON value under the key, whole or not at all; failing to is no error."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        text = json.dumps({"key": entry_key, "value": value}, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(temporary, folder / f"{kind}-{entry_key[:40]}.json")
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(folder, kind)
    except OSError:
        return


def _prune(folder: Path, kind: str) -> None:
    entries = sorted(folder.glob(f"{kind}-*.json"), key=_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
