"""A batch's digests and summary: each article's counts and claims, and the totals over all."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from briefing import __version__
from briefing.batch.records import BatchReport
from briefing.deliver.verdicts import SEVERITY, claims_of, tripping

INDEX, SUMMARY_JSON, SUMMARY_MD, JUNIT = "index.html", "summary.json", "summary.md", "junit.xml"
COUNT_KEYS = ("claims", "contradicted", "supported", "unverified")


def digest(briefing: Mapping[str, Any]) -> dict[str, Any]:
    """Return the part of a briefing that the summaries need: article, counts and claims."""
    article = briefing.get("article")
    article = article if isinstance(article, Mapping) else {}
    claims = []
    for claim in claims_of(briefing):
        speaker = claim.get("speaker")
        claims.append(
            {
                "id": claim.get("id"),
                "text": claim.get("text"),
                "kind": claim.get("kind"),
                "speaker": dict(speaker) if isinstance(speaker, Mapping) else None,
                "verdict": claim.get("verdict"),
                "evidence": [
                    {key: e.get(key) for key in _EVIDENCE_KEYS}
                    for e in claim.get("evidence") or ()
                    if isinstance(e, Mapping)
                ],
            }
        )
    keys = ("title", "language", "published", "source", "sha256", "outlet", "url")
    return {
        "article": {key: article.get(key) for key in keys},
        "summary": _counts(claims),
        "claims": claims,
    }


_EVIDENCE_KEYS = ("fact_id", "relation", "attribute", "claim_value", "fact_value", "reason")


def _counts(claims: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["claims"] = len(claims)
    for claim in claims:
        verdict = claim.get("verdict")
        counts[verdict if verdict in SEVERITY else "unverified"] += 1
    return counts


def summary(report: BatchReport) -> dict[str, Any]:
    """Return the batch summary: options, totals and every article (the same run, same dict)."""
    options = report.options
    articles = []
    totals = dict.fromkeys(("articles", "briefed", "failed", *COUNT_KEYS), 0)
    totals["articles"] = len(report.results)
    for result in report.results:
        if result.digest is None:
            totals["failed"] += 1
            articles.append({"source": result.source, "status": "failed", "error": result.error})
            continue
        totals["briefed"] += 1
        article = result.digest["article"]
        counts = result.digest["summary"]
        for key in COUNT_KEYS:
            totals[key] += counts.get(key, 0)
        entry = {
            "source": result.source,
            "status": "briefed",
            "title": article.get("title"),
            "language": article.get("language"),
            "published": article.get("published"),
            "sha256": article.get("sha256"),
            "outputs": dict(result.outputs),
            "summary": dict(counts),
        }
        if options.fail_on != "never":
            entry["tripped"] = len(tripping(result.digest, options.fail_on))
        articles.append(entry)
    if options.fail_on != "never":
        totals["tripped"] = report.tripped
    return {
        "generator": {"name": "briefing", "version": __version__},
        "options": {
            "formats": list(options.formats),
            "facts": [str(path) for path in options.facts],
            "published": options.published.isoformat() if options.published else None,
            "language": options.language,
            "report_language": options.report_language,
            "model": options.model,
            "fail_on": options.fail_on,
        },
        "totals": totals,
        "articles": articles,
    }


def summary_json(report: BatchReport) -> str:
    """Return summary.json's text."""
    return json.dumps(summary(report), ensure_ascii=False, indent=2) + "\n"
