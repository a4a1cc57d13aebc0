"""A batch's digests and summary: each article's counts and claims, and the totals over all."""

from __future__ import annotations

import json
from typing import Any

from briefing import __version__
from briefing.batch.records import BatchReport
from briefing.report.gate import tripping
from briefing.report.record import ArticleInfo, Briefing, as_dict
from briefing.vocab import REPORT_ORDER, FailOn

INDEX, SUMMARY_JSON, SUMMARY_MD, JUNIT = "index.html", "summary.json", "summary.md", "junit.xml"
COUNT_KEYS = ("claims", *(verdict.value for verdict in REPORT_ORDER))


def digest(briefing: Briefing) -> Briefing:
    """Return the part of a briefing that the summaries need: the article, counts and claims."""
    article = briefing.article
    return Briefing(
        generator=briefing.generator,
        article=ArticleInfo(
            title=article.title,
            language=article.language,
            published=article.published,
            source=article.source,
            sha256=article.sha256,
            outlet=article.outlet,
            url=article.url,
        ),
        claims=briefing.claims,
        summary=briefing.summary,
    )


def digest_json(short: Briefing) -> dict[str, Any]:
    """Return a digest as the manifest keeps it (read back with `Briefing.from_json`)."""
    keys = ("title", "language", "published", "source", "sha256", "outlet", "url")
    return {
        "article": {key: getattr(short.article, key) for key in keys},
        "summary": counts(short),
        "claims": [
            {
                "id": claim.id,
                "text": claim.text,
                "kind": claim.kind,
                "speaker": as_dict(claim.speaker),
                "verdict": claim.verdict,
                "evidence": as_dict(claim.evidence),
            }
            for claim in short.claims
        ],
    }


def counts(briefing: Briefing) -> dict[str, int]:
    """Return the claims and the number of each verdict, in the order the summaries show them."""
    return {key: getattr(briefing.summary, key) for key in COUNT_KEYS}


def summary(report: BatchReport) -> dict[str, Any]:
    """Return the batch summary: options, totals and every article (the same run, same dict)."""
    options = report.options
    articles: list[dict[str, Any]] = []
    totals = dict.fromkeys(("articles", "briefed", "failed", *COUNT_KEYS), 0)
    totals["articles"] = len(report.results)
    for result in report.results:
        if result.digest is None:
            totals["failed"] += 1
            articles.append({"source": result.source, "status": "failed", "error": result.error})
            continue
        totals["briefed"] += 1
        article = result.digest.article
        numbers = counts(result.digest)
        for key in COUNT_KEYS:
            totals[key] += numbers[key]
        entry: dict[str, Any] = {
            "source": result.source,
            "status": "briefed",
            "title": article.title,
            "language": article.language,
            "published": article.published,
            "sha256": article.sha256,
            "outputs": dict(result.outputs),
            "summary": numbers,
        }
        if options.fail_on != "never":
            entry["tripped"] = len(tripping(result.digest, FailOn(options.fail_on)))
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
