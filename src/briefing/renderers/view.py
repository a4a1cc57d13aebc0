"""Briefing -> the view: what the templates and the Markdown summary show, ready to display.

Labels come in the report language; claims are ordered contradicted first, then by how
worth checking they are; every value that links out is checked to be an http(s) URL.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from briefing.renderers.labels import RTL_LANGUAGES, Labels
from briefing.renderers.text import annotate, bidi, claim_spans, truncate
from briefing.renderers.timeline import Timeline, build_timeline
from briefing.report.record import (
    ArticleInfo,
    Briefing,
    ClaimEntry,
    EntityEntry,
    EventEntry,
    EvidenceEntry,
    FactEntry,
    SourceEntry,
    as_dict,
)
from briefing.vocab import REPORT_ORDER, Verdict

SHORT_TITLE = 70
VERDICT_ICONS = {Verdict.SUPPORTED: "✓", Verdict.CONTRADICTED: "×", Verdict.UNVERIFIED: "?"}
# crossref writes a rating comparison's values as English words; these are their labels.
RATING_VALUES = {
    "false": "rating.false",
    "stated": "rating.stated",
    "reported as denied": "rating.denied",
}

View = dict[str, Any]


def build_view(
    briefing: Briefing,
    *,
    for_print: bool = False,
    report_language: str | None = None,
    created: str | None = None,
) -> View:
    """Return the template context: every key present, values ready to display.

    `report_language` (ar or en) sets the labels' language; by default the article's.
    `created` is the PDF's creation date, when it has one.
    """
    article_in = briefing.article
    labels = Labels(_language(report_language) or article_in.language)
    names = {e.entity_id: e.name for e in briefing.entities if e.entity_id and e.name}
    sources = [_source(s) for s in briefing.sources]
    facts = {f.id: f for f in briefing.facts if f.id}
    claims = [_claim(c, facts, sources, names, labels) for c in briefing.claims]
    claims.sort(key=lambda c: (c["verdict"] != Verdict.CONTRADICTED, -(c["check_worthiness"] or 0)))
    counts = {"claims": briefing.summary.claims} | {
        verdict.value: briefing.summary.count(verdict) for verdict in REPORT_ORDER
    }
    generator = " ".join(p for p in (briefing.generator.name, briefing.generator.version) if p)
    entities = _roster(briefing.entities, labels)
    timeline = build_timeline(
        [as_dict(d) for d in briefing.dates],
        article_in.published,
        rtl=labels.direction == "rtl",
        title=labels("when.axis"),
        unresolved=briefing.unresolved,
        durations=[d.text for d in briefing.durations],
    )
    article = _article(article_in, labels)
    return {
        "_": labels,
        "lang": labels.language,
        "dir": labels.direction,
        "for_print": for_print,
        "article": article,
        # A container of article text needs its own lang/dir only when the report's differ.
        "article_attrs": _lang_attrs(article["language"], article["direction"], labels.language),
        "lead": briefing.lead or None,
        "counts": counts,
        "verdicts": tuple(v.value for v in REPORT_ORDER),
        "icons": VERDICT_ICONS,
        "claims": claims,
        "contradicted": [c for c in claims if c["verdict"] == Verdict.CONTRADICTED],
        "entities": entities,
        "timeline": timeline,
        "events": [_event(e, names, article_in.body, labels) for e in briefing.events],
        "annotated": annotate(
            article_in.body,
            claim_spans(article_in.body, briefing.claims),
            direction=article["direction"],
        ),
        "sources": sources,
        "method": _method(briefing, article, generator, timeline),
        "generator": generator,
        "meta": _meta(labels, article, counts, entities, generator, created),
    }


def _meta(
    labels: Labels,
    article: View,
    counts: dict[str, int],
    entities: list[View],
    generator: str,
    created: str | None,
) -> View:
    """Return the document's metadata: title, description, keywords (HTML head, PDF info)."""
    return {
        "title": labels("doc.title", title=article["title"]),
        "description": labels("doc.description", title=article["short_title"], **counts),
        "keywords": ", ".join(
            [labels("doc.kind")] + [e["name"].replace(",", " ") for e in entities[:10] if e["name"]]
        ),
        "author": generator,
        "created": created,
    }


def _article(article: ArticleInfo, labels: Labels) -> View:
    title = article.title or labels("doc.untitled")
    language = article.language
    return {
        "title": title,
        "short_title": truncate(title, SHORT_TITLE),
        "language": language,
        "language_name": labels.maybe(f"lang.{language}", language),
        "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
        "published": article.published,
        "published_from": _published_from(article, labels),
        "outlet": article.outlet,
        "url": article.url,
        "href": http_url(article.url),
        "source": article.source,
        "sha256": article.sha256,
        "characters": article.characters,
        "body": article.body,
    }


def _claim(
    claim: ClaimEntry,
    facts: dict[str, FactEntry],
    sources: list[View],
    names: dict[str, str],
    labels: Labels,
) -> View:
    verdict = claim.verdict.value
    speaker: View | None = None
    if claim.speaker is not None:
        entity_id = claim.speaker.entity_id or ""
        speaker = {
            "text": claim.speaker.text or names.get(entity_id, entity_id),
            "name": names.get(entity_id) if entity_id else None,
            "anonymous": claim.speaker.anonymous,
        }
    worthiness = None
    if claim.check_worthiness is not None:
        worthiness = min(max(float(claim.check_worthiness), 0.0), 1.0)
    evidence = [_evidence(e, facts, sources, names, labels) for e in claim.evidence]
    contradicting = [e for e in evidence if e["relation"] == "contradicts" and e["explanation"]]
    explained = contradicting or [e for e in evidence if e["explanation"]][:1]
    speaker_label = labels("claim.speaker_none")
    if speaker:
        speaker_label = speaker["text"]
        if speaker["anonymous"]:
            speaker_label += f" ({labels('claim.anonymous')})"
    grade: View | None = None
    if claim.grade is not None:
        grade = {
            "code": claim.grade.code,
            "title": labels(
                "claim.grade_title",
                reliability=claim.grade.reliability,
                credibility=str(claim.grade.credibility),
            ),
        }
    return {
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind,
        "grade": grade,
        "kind_label": labels.maybe(f"claim.kind.{claim.kind}", claim.kind),
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
        "in_article": claim.start is not None and claim.end is not None,
    }


def _evidence(
    evidence: EvidenceEntry,
    facts: dict[str, FactEntry],
    sources: list[View],
    names: dict[str, str],
    labels: Labels,
) -> View:
    fact = facts.get(evidence.fact_id)
    refs = []
    for source in fact.sources if fact is not None else ():
        number = _source_number(source, sources)
        if number is not None and number not in refs:
            refs.append(number)
    relation, attribute = evidence.relation, evidence.attribute
    claim_value = evidence.claim_value or ""
    fact_value = evidence.fact_value or ""
    if attribute == "place":
        fact_value = names.get(fact_value, fact_value)
    if attribute == "rating":
        claim_value = labels.maybe(RATING_VALUES.get(claim_value, ""), claim_value)
        fact_value = labels.maybe(RATING_VALUES.get(fact_value, ""), fact_value)
    reason = evidence.reason
    explanation, explanation_text = _explain(attribute, relation, claim_value, fact_value, labels)
    if not explanation_text and reason:  # a relation the catalogue has no sentence for
        explanation, explanation_text = bidi(reason, labels.direction), reason
    return {
        "fact_id": evidence.fact_id,
        "statement": fact.statement if fact is not None else "",
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


def _source(source: SourceEntry) -> View:
    return {
        "n": source.n,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "href": http_url(source.url),
        "date": source.date,
    }


def _source_number(source: SourceEntry, sources: list[View]) -> int | None:
    if source.n > 0 and any(s["n"] == source.n for s in sources):
        return source.n
    key = (source.url or "", source.title)
    for candidate in sources:
        if (candidate["url"] or "", candidate["title"]) == key:
            return int(candidate["n"])
    return None


def _roster(entities: tuple[EntityEntry, ...], labels: Labels) -> list[View]:
    rows = []
    for order, entity in enumerate(entities):
        mentions = sorted(
            (m for m in entity.mentions if m.start is not None), key=lambda m: m.start or 0
        )
        written = mentions[0].text if mentions else entity.name
        rows.append(
            {
                "as_written": written or entity.name,
                "name": entity.name or written,
                "entity_id": entity.entity_id,
                "type": entity.type,
                "type_label": labels.maybe(f"type.{entity.type}", entity.type),
                "role": entity.role,
                "known": entity.known,
                "count": len(entity.mentions),
                "first": mentions[0].start if mentions else 10**9 + order,
            }
        )
    return sorted(rows, key=lambda row: (-row["count"], row["first"]))


def _event(event: EventEntry, names: dict[str, str], body: str, labels: Labels) -> View:
    start, end = event.sentence_start, event.sentence_end
    sentence = ""
    if start is not None and end is not None and 0 <= start < end <= len(body):
        sentence = body[start:end].strip()
    summary = event.summary or " ".join(part for part in (event.type, event.text) if part)
    return {
        "summary": summary,
        "type": event.type,
        "type_label": labels.maybe(f"event.{event.type}", event.type),
        "participants": [names.get(p, p) for p in event.participants],
        "place": names.get(event.place, event.place) if event.place else None,
        "date": event.date,
        "sentence": truncate(sentence, 320) if sentence else "",
    }


def _method(briefing: Briefing, article: View, generator: str, timeline: Timeline) -> View:
    models = briefing.models
    table = briefing.fact_table
    return {
        "generator": generator,
        "ner": models.get("ner") or None,
        "spacy": models.get("spacy") or None,
        "has_models": bool(models),
        "fact_table": {
            "title": table.title,
            "as_of": table.as_of,
            "sha256": table.sha256[:12] if table.sha256 else None,
            "paths": list(table.paths),
        }
        if table is not None
        else None,
        "article_sha256": article["sha256"][:12] if article["sha256"] else None,
        "unresolved": timeline.unresolved,
    }


def _published_from(article: ArticleInfo, labels: Labels) -> str:
    if not article.published:
        return labels("method.published_unknown")
    origin = article.published_from or ""
    return labels.maybe(f"method.published_from.{origin}", origin) if origin else ""


def _lang_attrs(language: str, direction: str, report_language: str) -> Markup:
    if language == report_language:
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(language, direction)


def _language(value: str | None) -> str:
    """Return the primary subtag of a language tag, lower-cased: 'ar-EG' -> 'ar'."""
    return (value or "").strip().replace("_", "-").split("-")[0].lower()


def http_url(value: str | None) -> str | None:
    """Return `value` if it is an http(s) URL that is safe to link to, else None."""
    text = (value or "").strip()
    if not text or any(ord(char) < 33 for char in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text
