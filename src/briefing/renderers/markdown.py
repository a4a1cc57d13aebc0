"""Briefing -> a short Markdown summary, for CI job summaries (GitHub's is at most 1 MiB)."""

from __future__ import annotations

from urllib.parse import quote

from briefing.renderers.text import truncate
from briefing.renderers.view import View, build_view
from briefing.report.record import Briefing
from briefing.vocab import Verdict

MARKDOWN_CLAIM = 160
# A GitHub job summary may not exceed 1 MiB: the claims table stops short of this many bytes.
MARKDOWN_BUDGET = 900_000
MARKDOWN_ENTITIES = 100


def render_markdown(briefing: Briefing, *, report_language: str | None = None) -> str:
    """Return a short Markdown summary of the briefing, for CI job summaries."""
    view = build_view(briefing, report_language=report_language)
    lines = _head(view) + _contradicted(view)
    lines += _claims(view, before=sum(len(line.encode("utf-8")) + 1 for line in lines))
    lines += _entities(view) + _sources(view)
    return "\n".join(lines).rstrip("\n") + "\n"


def _head(view: View) -> list[str]:
    """Return the title, the article's facts, the lead and the table of counts."""
    _ = view["_"]
    article = view["article"]
    lines = [f"# {md_inline(_('doc.title', title=article['title']))}", ""]
    facts = [
        f"**{_('field.outlet')}:** {md_inline(article['outlet'])}" if article["outlet"] else "",
        f"**{_('field.published')}:** {md_inline(article['published'] or _('value.unknown'))}",
        f"**{_('field.language')}:** {md_inline(article['language_name'])}",
    ]
    lines += [" · ".join(fact for fact in facts if fact), ""]
    if view["lead"]:
        lines += [f"> {md_inline(view['lead'])}", ""]
    verdicts = view["verdicts"]
    header = [_("bluf.claims").capitalize()] + [_(f"verdict.{v}") for v in verdicts]
    table = [
        "| " + " | ".join(header) + " |",
        "|" + " ---: |" * len(header),
        "| " + " | ".join(str(view["counts"][key]) for key in ("claims", *verdicts)) + " |",
        "",
    ]
    return lines + table


def _contradicted(view: View) -> list[str]:
    """Return the contradicted claims, quoted, each with why."""
    if not view["contradicted"]:
        return []
    _ = view["_"]
    opening, closing = quote_marks(view["article"]["language"])
    lines = [f"## {_('bluf.contradicted')}", ""]
    for claim in view["contradicted"]:
        lines.append(f"- **{md_inline(claim['id'])}** {opening}{md_inline(claim['text'])}{closing}")
        for reason in claim["reasons_text"]:
            lines.append(f"  - {_('bluf.reason')}: {md_inline(reason)}")
    return [*lines, ""]


def _claims(view: View, *, before: int) -> list[str]:
    """Return the table of claims, cut short of the summary's size limit (`before` bytes come
    before it)."""
    if not view["claims"]:
        return []
    _ = view["_"]
    lines = [
        f"## {_('section.claims')}",
        "",
        f"| {_('md.id')} | {_('md.verdict')} | {_('claim.speaker')} | {_('md.claim')} |",
        "| --- | --- | --- | --- |",
    ]
    size = before + sum(len(line.encode("utf-8")) + 1 for line in lines)
    for index, claim in enumerate(view["claims"]):
        verdict = claim["verdict_label"]
        if claim["verdict"] == Verdict.CONTRADICTED:
            verdict = f"**{verdict}**"
        row = (
            f"| {md_inline(claim['id'])} | {verdict} | {md_inline(claim['speaker_label'])} | "
            f"{md_inline(truncate(claim['text'], MARKDOWN_CLAIM))} |"
        )
        size += len(row.encode("utf-8")) + 1
        if size > MARKDOWN_BUDGET:
            # The counts above are complete; the JSON has every claim.
            lines.append(f"| … | | | +{len(view['claims']) - index} |")
            break
        lines.append(row)
    return [*lines, ""]


def _entities(view: View) -> list[str]:
    if not view["entities"]:
        return []
    shown = view["entities"][:MARKDOWN_ENTITIES]
    names = " · ".join(f"{md_inline(e['name'])} ({e['count']})" for e in shown)
    if len(view["entities"]) > len(shown):
        names += " · …"
    return [f"**{view['_']('md.entities')}:** {names}", ""]


def _sources(view: View) -> list[str]:
    if not view["sources"]:
        return []
    _ = view["_"]
    lines = [f"## {_('section.sources')}", ""]
    for source in view["sources"]:
        title = md_inline(source["title"] or source["url"] or "")
        if source["href"]:
            title = f"[{title}]({_md_url(source['href'])})"
        parts = (source["publisher"], source["date"])
        extra = _("list.separator").join(md_inline(part) for part in parts if part)
        lines.append(f"{source['n']}. {title}" + (f" — {extra}" if extra else ""))
    return [*lines, ""]


def quote_marks(language: str) -> tuple[str, str]:
    """Return the marks a language opens and closes a quote with (English's for a language
    briefing does not know)."""
    from briefing import languages

    if language not in languages.codes():
        language = "en"
    return languages.get(language).quote_marks


def opening_quote_marks() -> set[str]:
    """Return the marks that open a quote in any language briefing knows."""
    from briefing import languages

    return {languages.get(code).quote_marks[0] for code in languages.codes()}


_MD_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)


def md_inline(value: object) -> str:
    """Return text safe inside a Markdown paragraph or table cell, on one line."""
    return " ".join(("" if value is None else str(value)).split()).translate(_MD_SPECIAL)


def _md_url(url: str) -> str:
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")
