"""Briefing -> HTML | PDF | Markdown (JSON is `render_json`'s, re-exported here).

The briefing arrives as a plain dict (the briefing JSON plus the keys the pipeline adds). It is
first normalised into a view (`build_view`) in which every optional key has a value, so that the
templates never meet a missing key and a partial briefing still renders. The HTML comes from the
Jinja2 theme in `templates/` and `styles/` (autoescaping on: the article is untrusted); the PDF
is WeasyPrint's rendering of that HTML, and WeasyPrint is imported only when a PDF is asked for.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from .errors import RenderError
from .render_json import render_json
from .render_labels import RTL_LANGUAGES, Labels
from .render_text import annotate, bidi, claim_spans, first_strong, truncate
from .render_timeline import build_timeline
from .resources import asset_dir

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "briefing.html.j2"
THEME_CSS = ("briefing.css",)
PAGED_CSS = ("paged.css",)  # for WeasyPrint: margin boxes, running header, page numbers
PRINT_UA_CSS = "print-ua.css"  # WeasyPrint's user-agent stylesheet for the theme's own templates
BROWSER_CSS = ("browser.css",)  # for printing the HTML from a browser
PAPER_SIZES = {"a3": "A3", "a4": "A4", "a5": "A5", "letter": "letter", "legal": "legal"}
VERDICTS = ("contradicted", "supported", "unverified")
VERDICT_ICONS = {"supported": "✓", "contradicted": "×", "unverified": "?"}
QUOTES = {"ar": ("«", "»"), "en": ("“", "”")}
# crossref writes a rating comparison's values as English words; these are their labels.
RATING_VALUES = {
    "false": "rating.false",
    "stated": "rating.stated",
    "reported as denied": "rating.denied",
}
ATTACHMENT_NAME = "briefing.json"
SHORT_TITLE = 70
MARKDOWN_CLAIM = 160
# A GitHub job summary may not exceed 1 MiB: the claims table stops short of this many bytes.
MARKDOWN_BUDGET = 900_000
MARKDOWN_ENTITIES = 100

View = dict[str, Any]


# ---------------------------------------------------------------------------------------------
# Public functions (the CLI calls these)


def render_html(
    briefing: Mapping[str, Any],
    *,
    template_dir: Path | None = None,
    css: Sequence[Path] = (),
    for_print: bool = False,
    report_language: str | None = None,
) -> str:
    """Return the briefing as one self-contained HTML document.

    `template_dir` may override any of the theme's templates; `css` files are added after the
    theme's stylesheet. `for_print` adds the paged-media rules (running header, page numbers)
    that WeasyPrint uses for the PDF. `report_language` (ar or en) sets the language of every
    label; by default it is the briefing's `report_language`, else the article's language.
    """
    import jinja2  # only HTML and PDF need it: a JSON briefing does not import it

    view = build_view(briefing, for_print=for_print, report_language=report_language)
    view["stylesheet"] = _stylesheet(css, view=view, for_print=for_print)
    environment = _environment(template_dir.resolve() if template_dir else None, view["lang"])
    try:
        return environment.get_template(TEMPLATE).render(view)
    except jinja2.TemplateSyntaxError as error:
        raise RenderError(
            f"{error.filename or error.name}:{error.lineno}: {error.message}"
        ) from None
    except jinja2.TemplateError as error:
        raise RenderError(f"the briefing template failed: {error}") from None


def render_pdf(
    briefing: Mapping[str, Any],
    *,
    template_dir: Path | None = None,
    css: Sequence[Path] = (),
    paper: str = "A4",
    report_language: str | None = None,
) -> bytes:
    """Return the briefing as tagged PDF/UA-1 bytes, fonts embedded and the JSON attached.

    Nothing is fetched; the same briefing gives the same bytes.
    """
    size = PAPER_SIZES.get(paper.strip().lower())
    if size is None:
        choices = ", ".join(PAPER_SIZES.values())
        raise RenderError(f"unknown paper size {paper!r}; use one of {choices}")
    html = render_html(
        briefing,
        template_dir=template_dir,
        css=css,
        for_print=True,
        report_language=report_language,
    )

    from . import render_weasyprint  # WeasyPrint is slow to import; only PDFs need it

    roots = [asset_dir("styles"), asset_dir("templates")]
    if template_dir is not None:
        roots.append(template_dir)
    roots.extend(Path(path).parent for path in css)
    return render_weasyprint.write_pdf(
        html,
        page_css=f"@page {{ size: {size}; }}",
        base_dir=asset_dir("styles"),
        roots=roots,
        attachment=(ATTACHMENT_NAME, render_json(briefing)),
        created=_source_date(),
        # Another theme's templates may use any element: they get WeasyPrint's full defaults.
        user_agent_css=asset_dir("styles") / PRINT_UA_CSS if template_dir is None else None,
    )


def render_markdown(briefing: Mapping[str, Any], *, report_language: str | None = None) -> str:
    """Return a short Markdown summary of the briefing, for CI job summaries."""
    view = build_view(briefing, report_language=report_language)
    _ = view["_"]
    counts = view["counts"]
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
    header = [_("bluf.claims").capitalize()] + [_(f"verdict.{v}") for v in VERDICTS]
    lines += [
        "| " + " | ".join(header) + " |",
        "|" + " ---: |" * len(header),
        "| " + " | ".join(str(counts[key]) for key in ("claims", *VERDICTS)) + " |",
        "",
    ]
    if view["contradicted"]:
        lines += [f"## {_('bluf.contradicted')}", ""]
        for claim in view["contradicted"]:
            opening, closing = QUOTES.get(article["language"], QUOTES["en"])
            lines.append(
                f"- **{md_inline(claim['id'])}** {opening}{md_inline(claim['text'])}{closing}"
            )
            for reason in claim["reasons_text"]:
                lines.append(f"  - {_('bluf.reason')}: {md_inline(reason)}")
        lines.append("")
    if view["claims"]:
        lines += [
            f"## {_('section.claims')}",
            "",
            f"| {_('md.id')} | {_('md.verdict')} | {_('claim.speaker')} | {_('md.claim')} |",
            "| --- | --- | --- | --- |",
        ]
        size = sum(len(line.encode("utf-8")) + 1 for line in lines)
        for index, claim in enumerate(view["claims"]):
            verdict = claim["verdict_label"]
            if claim["verdict"] == "contradicted":
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
        lines.append("")
    if view["entities"]:
        shown = view["entities"][:MARKDOWN_ENTITIES]
        names = " · ".join(f"{md_inline(e['name'])} ({e['count']})" for e in shown)
        if len(view["entities"]) > len(shown):
            names += " · …"
        lines += [f"**{_('md.entities')}:** {names}", ""]
    if view["sources"]:
        lines += [f"## {_('section.sources')}", ""]
        for source in view["sources"]:
            title = md_inline(source["title"] or source["url"] or "")
            if source["href"]:
                title = f"[{title}]({_md_url(source['href'])})"
            parts = (source["publisher"], source["date"])
            extra = _("list.separator").join(md_inline(part) for part in parts if part)
            lines.append(f"{source['n']}. {title}" + (f" — {extra}" if extra else ""))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# The view: the briefing normalised for templates


def build_view(
    briefing: Mapping[str, Any], *, for_print: bool = False, report_language: str | None = None
) -> View:
    """Return the template context: every key present, values ready to display."""
    article_in = _mapping(briefing.get("article"))
    article_language = _language(article_in.get("language")) or "en"
    labels = Labels(
        _language(report_language) or _language(briefing.get("report_language")) or article_language
    )
    direction = labels.direction
    article_direction = "rtl" if article_language in RTL_LANGUAGES else "ltr"
    body = _text(article_in.get("body"))
    characters = article_in.get("characters")

    entities_in = _items(briefing.get("entities"))
    names = {
        _text(e.get("entity_id")): _text(e.get("name"))
        for e in entities_in
        if e.get("entity_id") and e.get("name")
    }
    sources = _sources(briefing)
    facts = {_text(f.get("id")): f for f in _items(briefing.get("facts")) if f.get("id")}
    claims = [_claim(c, facts, sources, names, labels) for c in _items(briefing.get("claims"))]
    claims.sort(key=lambda c: (c["verdict"] != "contradicted", -(c["check_worthiness"] or 0)))
    counts = _counts(briefing.get("summary"), claims)
    title = _text(article_in.get("title")) or labels("doc.untitled")
    generator = _mapping(briefing.get("generator"))
    generator_text = " ".join(
        part
        for part in (_text(generator.get("name")) or "briefing", _text(generator.get("version")))
        if part
    )
    entities = _roster(entities_in, labels)
    published = _text(article_in.get("published")) or None
    timeline = build_timeline(
        _items(briefing.get("dates")),
        published,
        rtl=direction == "rtl",
        title=labels("when.axis"),
        unresolved=[_text(text) for text in _list(briefing.get("unresolved")) if text],
    )
    article = {
        "title": title,
        "short_title": truncate(title, SHORT_TITLE),
        "language": article_language,
        "language_name": labels.maybe(f"lang.{article_language}", article_language),
        "direction": article_direction,
        "published": published,
        "published_from": _published_from(article_in, labels),
        "outlet": _text(article_in.get("outlet")) or None,
        "url": _text(article_in.get("url")) or None,
        "href": _http_url(article_in.get("url")),
        "source": _text(article_in.get("source")) or None,
        "sha256": _text(article_in.get("sha256")) or None,
        "characters": characters if isinstance(characters, int) else len(body) or None,
        "body": body,
    }
    return {
        "_": labels,
        "lang": labels.language,
        "dir": direction,
        "for_print": for_print,
        "article": article,
        # A container of article text needs its own lang/dir only when the report's differ.
        "article_attrs": _lang_attrs(article_language, article_direction, labels.language),
        "lead": _text(briefing.get("lead")) or None,
        "counts": counts,
        "verdicts": VERDICTS,
        "icons": VERDICT_ICONS,
        "claims": claims,
        "contradicted": [c for c in claims if c["verdict"] == "contradicted"],
        "entities": entities,
        "timeline": timeline,
        "events": [_event(e, names, body, labels) for e in _items(briefing.get("events"))],
        "annotated": annotate(
            body, claim_spans(body, _items(briefing.get("claims"))), direction=article_direction
        ),
        "sources": sources,
        "method": _method(briefing, article, generator_text, timeline.unresolved),
        "generator": generator_text,
        "meta": {
            "title": labels("doc.title", title=title),
            "description": labels("doc.description", title=article["short_title"], **counts),
            "keywords": ", ".join(
                [labels("doc.kind")]
                + [e["name"].replace(",", " ") for e in entities[:10] if e["name"]]
            ),
            "author": _text(briefing.get("author")) or generator_text,
            "created": _source_date() if for_print else None,
        },
    }


def _claim(
    claim: Mapping[str, Any],
    facts: Mapping[str, Mapping[str, Any]],
    sources: list[View],
    names: Mapping[str, str],
    labels: Labels,
) -> View:
    verdict = _text(claim.get("verdict"))
    if verdict not in VERDICTS:
        verdict = "unverified"
    speaker_in = claim.get("speaker")
    speaker: View | None = None
    if isinstance(speaker_in, Mapping) and (speaker_in.get("text") or speaker_in.get("entity_id")):
        entity_id = _text(speaker_in.get("entity_id"))
        speaker = {
            "text": _text(speaker_in.get("text")) or names.get(entity_id, entity_id),
            "name": names.get(entity_id) if entity_id else None,
            "anonymous": bool(speaker_in.get("anonymous")),
        }
    worth = claim.get("check_worthiness")
    worthiness = None
    if isinstance(worth, (int, float)) and not isinstance(worth, bool):
        worthiness = min(max(float(worth), 0.0), 1.0)
    evidence = [_evidence(e, facts, sources, names, labels) for e in _items(claim.get("evidence"))]
    contradicting = [e for e in evidence if e["relation"] == "contradicts" and e["explanation"]]
    explained = contradicting or [e for e in evidence if e["explanation"]][:1]
    kind = _text(claim.get("kind"))
    claim_id = _text(claim.get("id"))
    speaker_label = labels("claim.speaker_none")
    if speaker:
        speaker_label = speaker["text"]
        if speaker["anonymous"]:
            speaker_label += f" ({labels('claim.anonymous')})"
    grade_in = claim.get("grade")
    grade: View | None = None
    if isinstance(grade_in, Mapping) and _text(grade_in.get("code")):
        grade = {
            "code": _text(grade_in.get("code")),
            "title": labels(
                "claim.grade_title",
                reliability=_text(grade_in.get("reliability")),
                credibility=_text(grade_in.get("credibility")),
            ),
        }
    return {
        "id": claim_id,
        "text": _text(claim.get("text")),
        "kind": kind,
        "grade": grade,
        "kind_label": labels.maybe(f"claim.kind.{kind}", kind),
        "speaker": speaker,
        "speaker_label": speaker_label,
        "check_worthiness": worthiness,
        "verdict": verdict,
        "verdict_label": labels(f"verdict.{verdict}"),
        "evidence": evidence,
        "by_fact": _group_evidence(evidence),
        # Why, in the report language (Markup for templates, plain text for Markdown).
        "reasons": [e["explanation"] for e in explained],
        "reasons_text": [e["explanation_text"] for e in explained],
        "in_article": isinstance(claim.get("start"), int) and isinstance(claim.get("end"), int),
    }


def _evidence(
    evidence: Mapping[str, Any],
    facts: Mapping[str, Mapping[str, Any]],
    sources: list[View],
    names: Mapping[str, str],
    labels: Labels,
) -> View:
    fact_id = _text(evidence.get("fact_id"))
    fact = facts.get(fact_id, {})
    relation = _text(evidence.get("relation"))
    attribute = _text(evidence.get("attribute"))
    refs = []
    for source in _items(fact.get("sources")):
        number = _source_number(source, sources)
        if number is not None and number not in refs:
            refs.append(number)
    claim_value = _text(evidence.get("claim_value"))
    fact_value = _text(evidence.get("fact_value"))
    if attribute == "place":
        fact_value = names.get(fact_value, fact_value)
    if attribute == "rating":
        claim_value = labels.maybe(RATING_VALUES.get(claim_value, ""), claim_value)
        fact_value = labels.maybe(RATING_VALUES.get(fact_value, ""), fact_value)
    reason = _text(evidence.get("reason"))
    explanation, explanation_text = _explain(attribute, relation, claim_value, fact_value, labels)
    if not explanation_text and reason:  # a relation the catalogue has no sentence for
        explanation, explanation_text = bidi(reason, labels.direction), reason
    return {
        "fact_id": fact_id,
        "statement": _text(fact.get("statement")),
        "relation": relation,
        "relation_label": labels.maybe(f"evidence.{relation}", relation),
        "attribute": attribute,
        "attribute_label": labels.maybe(f"attribute.{attribute}", attribute),
        "claim_value": claim_value,
        "fact_value": fact_value,
        "reason": reason,
        "explanation": explanation,
        "explanation_text": explanation_text,
        "refs": sorted(refs),
    }


def _explain(
    attribute: str, relation: str, claim_value: str, fact_value: str, labels: Labels
) -> tuple[Markup, str]:
    """Return why the evidence supports or contradicts, from the catalogue, as HTML and text.

    The sentence is chosen by attribute and relation ("explain.date.contradicts": "the article
    says %(claim)s; the table has %(fact)s"), falling back to one that needs only the values,
    then to one that needs nothing, so that an Arabic report never shows crossref's English
    `reason`. In the HTML each value is isolated in the report's direction.
    """
    if relation not in ("supports", "contradicts"):
        return Markup(""), ""
    values = {"claim": claim_value, "fact": fact_value}
    for msgid in (f"explain.{attribute}.{relation}", f"explain.values.{relation}"):
        if not labels.has(msgid):
            continue
        text = labels.translations.gettext(msgid)
        if all(value or f"%({key})s" not in text for key, value in values.items()):
            isolated = {key: bidi(value, labels.direction) for key, value in values.items()}
            return escape(text) % isolated, text % values
    text = labels(f"explain.{relation}")
    return escape(text), text


def _group_evidence(evidence: list[View]) -> list[View]:
    """Return the evidence per fact: the fact once, then each attribute compared under it."""
    groups: dict[str, View] = {}
    for ev in evidence:
        group = groups.setdefault(
            ev["fact_id"],
            {
                "fact_id": ev["fact_id"],
                "statement": ev["statement"],
                "refs": ev["refs"],
                "relation": "supports",
                "rows": [],
            },
        )
        if ev["relation"] == "contradicts":
            group["relation"] = "contradicts"
            group["relation_label"] = ev["relation_label"]
        group.setdefault("relation_label", ev["relation_label"])
        group["rows"].append(ev)
    return list(groups.values())


def _sources(briefing: Mapping[str, Any]) -> list[View]:
    """Return the numbered sources: the briefing's list, else those its facts cite."""
    given = _items(briefing.get("sources"))
    if not given:
        given = [s for f in _items(briefing.get("facts")) for s in _items(f.get("sources"))]
    out: list[View] = []
    seen: set[tuple[str, str]] = set()
    for source in given:
        key = (_text(source.get("url")), _text(source.get("title")))
        if key in seen:
            continue
        seen.add(key)
        number = source.get("n")
        out.append(
            {
                "n": number if isinstance(number, int) and number > 0 else None,
                "title": _text(source.get("title")),
                "publisher": _text(source.get("publisher")) or None,
                "url": _text(source.get("url")) or None,
                "href": _http_url(source.get("url")),
                "date": _text(source.get("date")) or None,
            }
        )
    used: set[int] = set()
    for source in out:
        if source["n"] in used:
            source["n"] = None  # a repeated number: renumber it below
        elif source["n"] is not None:
            used.add(source["n"])
    next_number = max(used, default=0) + 1
    for source in out:
        if source["n"] is None:
            source["n"] = next_number
            next_number += 1
    return sorted(out, key=lambda s: s["n"])


def _source_number(source: Mapping[str, Any], sources: list[View]) -> int | None:
    number = source.get("n")
    if isinstance(number, int) and any(s["n"] == number for s in sources):
        return number
    key = (_text(source.get("url")), _text(source.get("title")))
    for candidate in sources:
        if (candidate["url"] or "", candidate["title"]) == key:
            return int(candidate["n"])
    return None


def _roster(entities: list[Mapping[str, Any]], labels: Labels) -> list[View]:
    rows = []
    for order, entity in enumerate(entities):
        mentions = sorted(
            (m for m in _items(entity.get("mentions")) if isinstance(m.get("start"), int)),
            key=lambda m: m["start"],
        )
        name = _text(entity.get("name"))
        written = _text(mentions[0].get("text")) if mentions else name
        kind = _text(entity.get("type"))
        known = entity.get("known")
        rows.append(
            {
                "as_written": written or name,
                "name": name or written,
                "entity_id": _text(entity.get("entity_id")) or None,
                "type": kind,
                "type_label": labels.maybe(f"type.{kind}", kind),
                "role": _text(entity.get("role")) or None,
                "known": bool(entity.get("entity_id")) if known is None else bool(known),
                "count": len(_items(entity.get("mentions"))),
                "first": mentions[0]["start"] if mentions else 10**9 + order,
            }
        )
    return sorted(rows, key=lambda row: (-row["count"], row["first"]))


def _event(event: Mapping[str, Any], names: Mapping[str, str], body: str, labels: Labels) -> View:
    start, end = event.get("sentence_start"), event.get("sentence_end")
    sentence = ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
        sentence = body[start:end].strip()
    participants = [names.get(_text(p), _text(p)) for p in _list(event.get("participants")) if p]
    place = _text(event.get("place"))
    kind = _text(event.get("type"))
    summary = _text(event.get("summary")) or " ".join(
        part for part in (kind, _text(event.get("text"))) if part
    )
    return {
        "summary": summary,
        "type": kind,
        "type_label": labels.maybe(f"event.{kind}", kind),
        "participants": participants,
        "place": names.get(place, place) or None,
        "date": _text(event.get("date")) or None,
        "sentence": truncate(sentence, 320) if sentence else "",
    }


def _method(
    briefing: Mapping[str, Any], article: View, generator: str, unresolved: list[str]
) -> View:
    models = _mapping(briefing.get("models"))
    table = _mapping(briefing.get("fact_table"))
    return {
        "generator": generator,
        "ner": _text(models.get("ner")) or None,
        "spacy": _text(models.get("spacy")) or None,
        "has_models": bool(models),
        "fact_table": {
            "title": _text(table.get("title")) or None,
            "as_of": _text(table.get("as_of")) or None,
            "sha256": _short_hash(table.get("sha256")),
            "paths": [_text(p) for p in _list(table.get("paths")) if p],
        }
        if table
        else None,
        "article_sha256": _short_hash(article["sha256"]),
        "unresolved": unresolved,
    }


def _counts(summary: object, claims: list[View]) -> dict[str, int]:
    computed = {"claims": len(claims)} | {
        verdict: sum(1 for c in claims if c["verdict"] == verdict) for verdict in VERDICTS
    }
    given = _mapping(summary)
    return {
        key: given[key] if isinstance(given.get(key), int) else value
        for key, value in computed.items()
    }


def _published_from(article: Mapping[str, Any], labels: Labels) -> str:
    if not article.get("published"):
        return labels("method.published_unknown")
    origin = _text(article.get("published_from"))
    return labels.maybe(f"method.published_from.{origin}", origin) if origin else ""


def _lang_attrs(language: str, direction: str, report_language: str) -> Markup:
    if language == report_language:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(language, direction)


def _source_date() -> str | None:
    """Return SOURCE_DATE_EPOCH as a W3C date for reproducible PDF metadata, if it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------------------------
# Templates and stylesheets


def template_environment(
    loader: jinja2.BaseLoader, *, autoescape: bool = True, language: str | None = None
) -> jinja2.Environment:
    """Return a Jinja environment with the project's settings (undefined names are errors,
    block tags leave no blank lines), its `_()` speaking `language` when one is given."""
    import jinja2

    environment = jinja2.Environment(
        loader=loader,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"] if language else [],
    )
    if language:
        # newstyle: `_("doc.title", title=x)` formats %(title)s itself and escapes `x`.
        environment.install_gettext_translations(  # type: ignore[attr-defined]
            Labels(language).translations, newstyle=True
        )
    return environment


@lru_cache(maxsize=8)
def _environment(template_dir: Path | None, language: str) -> jinja2.Environment:
    """Return the Jinja environment for a theme folder, its `_()` speaking `language`."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise RenderError(f"template folder {template_dir} does not exist")
        loaders.append(jinja2.FileSystemLoader(template_dir))
    loaders.append(jinja2.FileSystemLoader(asset_dir("templates")))
    # Autoescaped everywhere: article text is untrusted.
    environment = template_environment(jinja2.ChoiceLoader(loaders), language=language)
    environment.filters["bidi"] = jinja2.pass_context(_bidi_filter)
    environment.filters["number"] = _number
    environment.filters["textdir"] = jinja2.pass_context(_textdir_filter)
    return environment


def _bidi_filter(context: jinja2.runtime.Context, value: object, direction: str = "") -> Markup:
    return bidi(value, direction or context.get("dir", "ltr"))


def _textdir_filter(context: jinja2.runtime.Context, value: object) -> str:
    """Return 'ltr' or 'rtl' for a value's own direction, else the report's."""
    return first_strong(_text(value)) or context.get("dir", "ltr")


def _number(value: object, digits: int = 2) -> str:
    return f"{value:.{digits}f}" if isinstance(value, (int, float)) else ""


def _stylesheet(css: Sequence[Path], *, view: View, for_print: bool) -> Markup:
    styles = asset_dir("styles")
    parts = [_read(styles / name) for name in THEME_CSS]
    if for_print:
        parts += [_read(styles / name) for name in PAGED_CSS]
        parts.append(_margin_boxes(view["_"], view["dir"]))
    else:
        parts += [_read(styles / name) for name in BROWSER_CSS]
    parts += [_read(Path(path)) for path in css]
    # Inlined in <style>: a stray "</style>" in a user stylesheet must not end the element.
    return Markup("\n".join(parts).replace("</", "<\\/"))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RenderError(f"cannot read stylesheet {path}: {error}") from None


def _margin_boxes(labels: Labels, direction: str) -> str:
    """Return the @page rules whose text depends on the report language."""
    start, end = ("right", "left") if direction == "rtl" else ("left", "right")
    marker = "\x00"
    footer = labels("page.of", page=f"{marker}page{marker}", pages=f"{marker}pages{marker}")
    pieces = []
    for index, piece in enumerate(footer.split(marker)):
        if index % 2:
            pieces.append(f"counter({piece})")
        elif piece:
            pieces.append(_css_string(piece))
    return (
        "@page {\n"
        f"  @top-{start} {{ content: element(runningTitle); }}\n"
        f"  @top-{end} {{ content: {_css_string(labels('doc.kind'))}; }}\n"
        f"  @bottom-center {{ content: {' '.join(pieces)}; }}\n"
        "}\n"
        f"@page :first {{ @top-{start} {{ content: none; }} @top-{end} {{ content: none; }} }}\n"
    )


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return '"' + escaped.replace("<", "\\3c ") + '"'


# ---------------------------------------------------------------------------------------------
# Small helpers


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _items(value: object) -> list[Mapping[str, Any]]:
    return [item for item in _list(value) if isinstance(item, Mapping)]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _language(value: object) -> str:
    """Return the primary subtag of a language tag, lower-cased: 'ar-EG' -> 'ar'."""
    return _text(value).strip().replace("_", "-").split("-")[0].lower()


def _short_hash(value: object) -> str | None:
    text = _text(value)
    return text[:12] if text else None


def _http_url(value: object) -> str | None:
    """Return `value` if it is an http(s) URL that is safe to link to, else None."""
    text = _text(value).strip()
    if not text or any(ord(char) < 33 for char in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


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
    return " ".join(_text(value).split()).translate(_MD_SPECIAL)


def _md_url(url: str) -> str:
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")
