"""A batch's pages: summary.md (for a CI job summary) and index.html (links to every briefing)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from briefing.batch.records import ArticleResult, BatchReport
from briefing.batch.summary import COUNT_KEYS, summary
from briefing.renderers.markdown import md_inline
from briefing.vocab import Format, Verdict

# GitHub refuses a step summary over 1 MiB; stay well under it.
MARKDOWN_BUDGET = 900_000
MARKDOWN_CLAIM = 160
# Which briefing an article's row links to first: the one that reads best in a browser.
LINK_ORDER = (Format.HTML, Format.PDF, Format.MD, Format.JSON, Format.CLAIMREVIEW)


def summary_markdown(report: BatchReport) -> str:
    """Return summary.md: GitHub-flavoured Markdown for a CI job summary, under 1 MiB."""
    data = summary(report)
    lines = _totals_lines(data["totals"], report.options.fail_on)
    tail = _failed_lines(data["articles"])
    body = _articles_table(data["articles"]) + _contradicted_lines(report.results)
    # Whatever happens, the totals and the failures fit; the tables stop when the budget ends.
    used = len("\n".join(lines + tail).encode("utf-8")) + 200
    kept = _within_budget(body, used)
    return "\n".join(lines + kept + tail).rstrip("\n") + "\n"


def _totals_lines(totals: Mapping[str, Any], fail_on: str) -> list[str]:
    """Return the title and the totals: articles, claims and, with --fail-on, claims tripped."""
    lines = [
        f"# Briefing batch: {totals['articles']} article{'s' if totals['articles'] != 1 else ''}",
        "",
        f"**Briefed:** {totals['briefed']} · **Failed:** {totals['failed']} · "
        f"**Claims:** {totals['claims']} ({totals['contradicted']} contradicted, "
        f"{totals['supported']} supported, {totals['unverified']} unverified)",
        "",
    ]
    if "tripped" in totals:
        lines += [
            f"**--fail-on {fail_on}:** {totals['tripped']} claim"
            f"{'' if totals['tripped'] == 1 else 's'}",
            "",
        ]
    return lines


def _failed_lines(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    """Return the section listing the articles that failed, with their reasons (or nothing)."""
    tail: list[str] = []
    failed = [a for a in articles if a["status"] == "failed"]
    if failed:
        tail += ["## Failed", ""]
        tail += [f"- {md_inline(a['error'])}" for a in failed]
        tail.append("")
    return tail


def _articles_table(articles: Sequence[Mapping[str, Any]]) -> list[str]:
    """Return the table of briefed articles, their counts and their files (or nothing)."""
    briefed = [a for a in articles if a["status"] == "briefed"]
    body: list[str] = []
    if briefed:
        body += [
            "## Articles",
            "",
            "| Article | Source | Claims | Contradicted | Supported | Unverified | Briefing |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- |",
        ]
        for a in briefed:
            counts = a["summary"]
            files = ", ".join(f"`{_md_code(name)}`" for name in a["outputs"].values())
            body.append(
                f"| {md_inline(_short(a['title'] or a['source'], 90))} "
                f"| `{_md_code(a['source'])}` | "
                + " | ".join(str(counts[key]) for key in COUNT_KEYS)
                + f" | {files} |"
            )
        body.append("")
    return body


def _contradicted_lines(results: Sequence[ArticleResult]) -> list[str]:
    """Return the section listing every contradicted claim with its reasons (or nothing)."""
    body: list[str] = []
    contradicted = [
        (result.source, claim)
        for result in results
        if result.digest is not None
        for claim in result.digest.claims
        if claim.verdict is Verdict.CONTRADICTED
    ]
    if contradicted:
        body += ["## Contradicted claims", ""]
        for source, claim in contradicted:
            reasons = [e.reason for e in claim.evidence if e.relation == "contradicts" and e.reason]
            body.append(
                f"- `{_md_code(source)}` **{md_inline(claim.id)}** "
                f"{md_inline(_short(claim.text, MARKDOWN_CLAIM))}"
                + (f" — {md_inline('; '.join(dict.fromkeys(reasons)))}" if reasons else "")
            )
        body.append("")
    return body


def _within_budget(body: Sequence[str], used: int) -> list[str]:
    """Return the lines of `body` that fit in MARKDOWN_BUDGET after `used` bytes, and a note
    of how many were left out."""
    kept: list[str] = []
    for index, line in enumerate(body):
        size = len(line.encode("utf-8")) + 1
        if used + size > MARKDOWN_BUDGET:
            kept += ["", f"*… {len(body) - index} more lines: see summary.json.*", ""]
            break
        kept.append(line)
        used += size
    return kept


def index_html(report: BatchReport) -> str:
    """Return index.html: links to every briefing, verdict counts and the failures."""
    import jinja2

    from briefing.renderers.html import template_environment
    from briefing.resources import asset_dir

    data = summary(report)
    rows = []
    for article in data["articles"]:
        if article["status"] != "briefed":
            continue
        outputs = article["outputs"]
        links = [
            {"format": fmt.value, "href": quote(outputs[fmt])}
            for fmt in LINK_ORDER
            if fmt in outputs
        ]
        rows.append(article | {"links": links, "main": links[0]["href"] if links else None})
    # Autoescaped: titles and paths come from the articles.
    environment = template_environment(jinja2.FileSystemLoader(asset_dir("templates")))
    return environment.get_template("batch-index.html.j2").render(
        totals=data["totals"],
        options=data["options"],
        generator=data["generator"],
        articles=rows,
        failures=[a for a in data["articles"] if a["status"] == "failed"],
    )


def _md_code(value: str) -> str:
    """Return text safe inside `code` in a table cell: no backticks, no pipes, one line."""
    return " ".join(value.split()).replace("`", "'").replace("|", "\\|")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
