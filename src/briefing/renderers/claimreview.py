"""Briefing -> schema.org ClaimReview JSON-LD: one ClaimReview per claim the fact table decides.

Only supported and contradicted claims are reviewed: an unverified claim has no rating to give
(nothing in the fact table speaks to it), so it is left out. Ratings use the common 1–5 scale
of fact-check markup, 1 for contradicted and 5 for supported, with the verdict's words in
`alternateName`. The review's author is the tool (`briefing`); the review has no `url` or
`datePublished` of its own, since the tool does not publish it — add them when you do. The
fact-table sources behind each verdict are listed in `isBasedOn`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from briefing.report.record import ArticleInfo, Briefing, ClaimEntry, EntityEntry, FactEntry
from briefing.vocab import Verdict

RATINGS = {
    Verdict.CONTRADICTED: (1, "Contradicted by the fact table"),
    Verdict.SUPPORTED: (5, "Supported by the fact table"),
}
BEST, WORST = 5, 1
_PEOPLE = {"PERSON"}


def claimreview(briefing: Briefing) -> dict[str, Any]:
    """Return the JSON-LD document: a schema.org @context and an @graph of ClaimReviews."""
    # Entities not in the fact table have no id: their names key them.
    entities = {e.entity_id or f"name:{e.name}": e for e in briefing.entities}
    facts = {f.id: f for f in briefing.facts}
    author = {"@type": "Organization", "name": briefing.generator.name or "briefing"}
    graph = []
    for claim in briefing.claims:
        if claim.verdict not in RATINGS:
            continue
        value, words = RATINGS[claim.verdict]
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "claimReviewed": " ".join(claim.text.split()),
            "itemReviewed": _claim(claim, briefing.article, entities),
            "author": author,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": value,
                "bestRating": BEST,
                "worstRating": WORST,
                "alternateName": words,
            },
        }
        relation = "contradicts" if claim.verdict is Verdict.CONTRADICTED else "supports"
        reasons = [e.reason.strip() for e in claim.evidence if e.reason and e.relation == relation]
        if reasons:
            review["reviewBody"] = "; ".join(dict.fromkeys(reasons))
        based_on = _sources(claim, facts)
        if based_on:
            review["isBasedOn"] = based_on
        if claim.id:
            review["identifier"] = claim.id
        graph.append(review)
    return {"@context": "https://schema.org", "@graph": graph}


def render_claimreview(briefing: Briefing) -> str:
    """Return the ClaimReview JSON-LD as indented UTF-8 text."""
    return json.dumps(claimreview(briefing), ensure_ascii=False, indent=2) + "\n"


def _claim(
    claim: ClaimEntry, article: ArticleInfo, entities: Mapping[str, EntityEntry]
) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    author = _speaker(claim, article, entities)
    if author:
        item["author"] = author
    if article.published:
        item["datePublished"] = article.published
    if article.language:
        item["inLanguage"] = article.language
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if article.url:
        appearance["url"] = article.url
    if article.title:
        appearance["headline"] = article.title
    if article.published:
        appearance["datePublished"] = article.published
    if article.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet}
    if len(appearance) > 1:
        item["appearance"] = appearance
    return item


def _speaker(
    claim: ClaimEntry, article: ArticleInfo, entities: Mapping[str, EntityEntry]
) -> dict[str, Any] | None:
    """Return who made the claim: the speaker, else (the article's own voice) the outlet."""
    speaker = claim.speaker
    if speaker is None:
        return {"@type": "Organization", "name": article.outlet} if article.outlet else None
    text = " ".join(speaker.text.split())
    entity = entities.get(speaker.entity_id or "") or _named_in(text, entities)
    if entity is None or not entity.name:
        return {"@type": "Person", "name": text} if text else None
    kind = "Person" if entity.type in _PEOPLE else "Organization"
    person: dict[str, Any] = {"@type": kind, "name": entity.name}
    if text and text != person["name"]:
        person["alternateName"] = text
    return person


def _named_in(text: str, entities: Mapping[str, EntityEntry]) -> EntityEntry | None:
    """Return the entity with the longest name or mention inside a speaker's words, if any."""
    best: tuple[int, EntityEntry] | None = None
    for entity in entities.values():
        forms = {entity.name} | {m.text for m in entity.mentions}
        for form in forms:
            if form and form in text and (best is None or len(form) > best[0]):
                best = (len(form), entity)
    return best[1] if best else None


def _sources(claim: ClaimEntry, facts: Mapping[str, FactEntry]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for evidence in claim.evidence:
        fact = facts.get(evidence.fact_id)
        if fact is None:
            continue
        for source in fact.sources:
            key = (source.url or "", source.title)
            if key in seen or key == ("", ""):
                continue
            seen.add(key)
            work: dict[str, Any] = {"@type": "CreativeWork"}
            if source.title:
                work["name"] = source.title
            if source.url:
                work["url"] = source.url
            if source.publisher:
                work["publisher"] = {"@type": "Organization", "name": source.publisher}
            if source.date:
                work["datePublished"] = source.date
            out.append(work)
    return out
