"""Inputs -> the articles of a batch, and the name of each article's outputs.

Output names: `NAME.briefing.EXT` flat in the output folder, NAME being the article's file name
without its last suffix (`wang-yi-moscow.ar.md` -> `wang-yi-moscow.ar`). When two articles would
share a name, they take their full file names, then their parent folders' names in front
(`a-x.md`, `b-x.md`), and in the last resort a hash of their path: a name depends only on the
articles in the batch, never on the order they finish in.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from briefing.renderers import FORMATS
from briefing.vocab import Format

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def collect_inputs(
    inputs: Sequence[str], *, exclude: Path | None = None
) -> tuple[list[tuple[str, Path]], list[tuple[str, str]]]:
    """Return the articles that `inputs` name, as (path as found, resolved path), and the
    inputs that name none, as (input, reason).

    A file is taken whatever its suffix; folders are searched recursively, and globs (expanded
    here, so a quoted glob works) matched, for *.txt, *.md, *.html and *.htm files, skipping
    hidden files and folders and anything under `exclude` (the output folder). An article
    reached twice is taken once.
    """
    skip = exclude.resolve() if exclude is not None else None
    found: list[tuple[str, Path]] = []
    missing: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def take(label: str, path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.append((label, resolved))

    for given in inputs:
        path = Path(given)
        if path.is_dir():
            before = len(found)
            for label, candidate in _walk(given, skip):
                take(label, candidate)
            if len(found) == before and not any(_walk(given, skip)):
                missing.append((given, "the folder has no *.txt, *.md, *.html or *.htm files"))
        elif path.exists() or path.is_symlink():
            take(given, path)
        elif any(char in given for char in "*?["):
            matches = sorted(glob.glob(given, recursive=True))
            taken = 0
            for match in matches:
                if Path(match).is_dir():
                    for label, candidate in _walk(match, skip):
                        take(label, candidate)
                        taken += 1
                elif _is_article(Path(match), skip):
                    take(match, Path(match))
                    taken += 1
            if not taken:
                missing.append((given, "the pattern matches no *.txt, *.md, *.html or *.htm files"))
        else:
            missing.append((given, "no such file or folder"))
    return found, list(dict(missing).items())


def _walk(folder: str, skip: Path | None) -> Iterator[tuple[str, Path]]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if _is_article(path, skip):
                yield os.path.join(root, name), path


def _is_article(path: Path, skip: Path | None) -> bool:
    if path.name.startswith(".") or path.suffix.casefold() not in ARTICLE_SUFFIXES:
        return False
    return skip is None or not path.resolve().is_relative_to(skip)


def output_names(paths: Sequence[Path]) -> dict[Path, str]:
    """Return a distinct output name for each article path (compared without case)."""
    levels = dict.fromkeys(paths, 0)
    while True:
        groups: dict[str, list[Path]] = defaultdict(list)
        for path, level in levels.items():
            groups[_candidate(path, level).casefold()].append(path)
        clashes = [group for group in groups.values() if len(group) > 1]
        if not clashes:
            return {path: _candidate(path, level) for path, level in levels.items()}
        for group in clashes:
            for path in group:
                levels[path] += 1


def _candidate(path: Path, level: int) -> str:
    """Return the article's name at a level: stem, name, parent-name, … then name-hash."""
    if level == 0:
        return path.stem or path.name
    parents = [p.name for p in path.parents if p.name]
    if level - 1 <= len(parents):
        return "-".join([*reversed(parents[: level - 1]), path.name])
    digest = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return f"{path.name}-{digest}"


def output_file(name: str, fmt: str) -> str:
    """Return the file name of an article's output in one format."""
    return f"{name}.briefing.{FORMATS[Format(fmt)].suffix}"
