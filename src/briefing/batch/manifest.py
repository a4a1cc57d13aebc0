"""The batch manifest: what each output was made from, so that a re-run skips what is up to date.

Outputs are skipped when they are up to date. An output is up to date when it exists, is not
older than the article and the fact tables, and the batch manifest (`DIR/.briefing-batch.json`)
says it was made from an article with the same sha256 with the same options: the briefing
version, the fact tables' contents and the analysis options, plus the report language for Markdown,
HTML and PDF, the templates and stylesheets for HTML and PDF, and the paper size for PDF.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.batch.records import ArticleResult, BatchOptions
from briefing.batch.summary import digest_json
from briefing.output import write_atomic
from briefing.report.record import Briefing

MANIFEST = ".briefing-batch.json"
MANIFEST_VERSION = 1


def options_key(fmt: str, options: BatchOptions, facts_sha256: str) -> str:
    """Return a hash of everything that decides an output of this format, but the article."""
    parts: dict[str, Any] = {
        "version": __version__,
        "format": fmt,
        "facts": facts_sha256,
        "published": options.published.isoformat() if options.published else None,
        "language": options.language,
        "model": options.model,
        "reading": [list(pair) for pair in options.reading],
    }
    if fmt in ("md", "html", "pdf"):
        parts["report_language"] = options.report_language
    if fmt in ("html", "pdf"):
        parts["css"] = [_file_hash(path) for path in options.css]
        parts["templates"] = _folder_hash(options.template_dir) if options.template_dir else None
    if fmt == "pdf":
        parts["paper"] = options.paper.casefold()
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stale_formats(
    article: Path,
    out_dir: Path,
    outputs: Mapping[str, str],
    entry: object,
    keys: Mapping[str, str],
    inputs_newest: float,
) -> tuple[str, ...]:
    """Return the formats whose output must be (re)written."""
    if not isinstance(entry, Mapping):
        return tuple(outputs)
    try:
        article_time = article.stat().st_mtime
        sha = _file_hash(article)
    except OSError:
        return tuple(outputs)  # the worker will say what is wrong with it
    if entry.get("sha256") != sha:
        return tuple(outputs)
    recorded = entry.get("outputs")
    recorded = recorded if isinstance(recorded, Mapping) else {}
    stale = []
    for fmt, file_name in outputs.items():
        known = recorded.get(fmt)
        try:
            written = (out_dir / file_name).stat().st_mtime
        except OSError:
            written = None
        if (
            written is None
            or written < max(article_time, inputs_newest)
            or not isinstance(known, Mapping)
            or known.get("options") != keys[fmt]
            or known.get("file") != file_name
        ):
            stale.append(fmt)
    return tuple(stale)


def newest_mtime(paths: Sequence[Path]) -> float:
    times = []
    for path in paths:
        try:
            times.append(Path(path).stat().st_mtime)
        except OSError:
            continue
    return max(times, default=0.0)


def _file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _folder_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_manifest(out_dir: Path) -> dict[str, Any]:
    """Return the folder's manifest, or a fresh one when it is missing, unreadable or old."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("manifest_version") != MANIFEST_VERSION:
        return {"manifest_version": MANIFEST_VERSION, "articles": {}}
    if not isinstance(data.get("articles"), dict):
        data["articles"] = {}
    return data


def record_result(entries: dict[str, Any], result: ArticleResult, keys: Mapping[str, str]) -> None:
    """Record in the manifest's `entries` what `result` wrote; forget an article that failed."""
    if result.ok and result.digest is not None:
        old = entries.get(result.name)
        formats = dict(old.get("outputs", {})) if isinstance(old, Mapping) else {}
        for fmt in result.written:
            formats[fmt] = {"file": result.outputs[fmt], "options": keys[fmt]}
        entries[result.name] = {
            "source": str(Path(result.source).resolve()),
            "sha256": result.digest.article.sha256,
            "outputs": formats,
            "digest": digest_json(result.digest),
        }
    else:
        entries.pop(result.name, None)


def save_manifest(out_dir: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest into `out_dir`, naming the briefing that wrote it."""
    manifest["generator"] = f"briefing {__version__}"
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


def with_source(recorded: Mapping[str, Any], source: str) -> Briefing:
    """Return a digest the manifest recorded, naming the article as this run found it."""
    short = Briefing.from_json(recorded)
    return replace(short, article=replace(short.article, source=source))
