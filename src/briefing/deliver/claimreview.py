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

from briefing.deliver.verdicts import claims_of, verdict_of

RATINGS = {
    "contradicted": (1, "Contradicted by the fact table"),
    "supported": (5, "Supported by the fact table"),
}
BEST, WORST = 5, 1
_PEOPLE = {"PERSON"}


def claimreview(briefing: Mapping[str, Any]) -> dict[str, Any]:
    """Return the JSON-LD document: a schema.org @context and an @graph of ClaimReviews."""
    article = _mapping(briefing.get("article"))
    # Entities not in the fact table have no id: their names key them.
    entities = {
        str(e.get("entity_id") or f"name:{e.get('name')}"): e
        for e in _items(briefing.get("entities"))
    }
    facts = {str(f["id"]): f for f in _items(briefing.get("facts")) if isinstance(f.get("id"), str)}
    generator = _mapping(briefing.get("generator"))
    author = {"@type": "Organization", "name": str(generator.get("name") or "briefing")}
    graph = []
    for claim in claims_of(briefing):
        verdict = verdict_of(claim)
        if verdict not in RATINGS:
            continue
        value, words = RATINGS[verdict]
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "claimReviewed": " ".join(str(claim.get("text") or "").split()),
            "itemReviewed": _claim(claim, article, entities),
            "author": author,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": value,
                "bestRating": BEST,
                "worstRating": WORST,
                "alternateName": words,
            },
        }
        relation = "contradicts" if verdict == "contradicted" else "supports"
        reasons = [
            str(e.get("reason")).strip()
            for e in _items(claim.get("evidence"))
            if e.get("reason") and e.get("relation") == relation
        ]
        if reasons:
            review["reviewBody"] = "; ".join(dict.fromkeys(reasons))
        based_on = _sources(claim, facts)
        if based_on:
            review["isBasedOn"] = based_on
        if claim.get("id"):
            review["identifier"] = str(claim["id"])
        graph.append(review)
    return {"@context": "https://schema.org", "@graph": graph}


def render_claimreview(briefing: Mapping[str, Any]) -> str:
    """Return the ClaimReview JSON-LD as indented UTF-8 text."""
    return json.dumps(claimreview(briefing), ensure_ascii=False, indent=2) + "\n"


def _claim(
    claim: Mapping[str, Any], article: Mapping[str, Any], entities: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    author = _speaker(claim, article, entities)
    if author:
        item["author"] = author
    if article.get("published"):
        item["datePublished"] = str(article["published"])
    if article.get("language"):
        item["inLanguage"] = str(article["language"])
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if article.get("url"):
        appearance["url"] = str(article["url"])
    if article.get("title"):
        appearance["headline"] = str(article["title"])
    if article.get("published"):
        appearance["datePublished"] = str(article["published"])
    if article.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": str(article["outlet"])}
    if len(appearance) > 1:
        item["appearance"] = appearance
    return item


def _speaker(
    claim: Mapping[str, Any], article: Mapping[str, Any], entities: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any] | None:
    """Return who made the claim: the speaker, else (the article's own voice) the outlet."""
    speaker = claim.get("speaker")
    if not isinstance(speaker, Mapping):
        outlet = article.get("outlet")
        return {"@type": "Organization", "name": str(outlet)} if outlet else None
    text = " ".join(str(speaker.get("text") or "").split())
    entity = entities.get(str(speaker.get("entity_id") or "")) or _named_in(text, entities)
    if entity is None or not entity.get("name"):
        return {"@type": "Person", "name": text} if text else None
    kind = "Person" if entity.get("type") in _PEOPLE else "Organization"
    person: dict[str, Any] = {"@type": kind, "name": str(entity["name"])}
    if text and text != person["name"]:
        person["alternateName"] = text
    return person


def _named_in(text: str, entities: Mapping[str, Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """Return the entity with the longest name or mention inside a speaker's words, if any."""
    best: tuple[int, Mapping[str, Any]] | None = None
    for entity in entities.values():
        forms = {str(entity.get("name") or "")} | {
            str(m.get("text") or "") for m in _items(entity.get("mentions"))
        }
        for form in forms:
            if form and form in text and (best is None or len(form) > best[0]):
                best = (len(form), entity)
    return best[1] if best else None


def _sources(
    claim: Mapping[str, Any], facts: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for evidence in _items(claim.get("evidence")):
        fact = facts.get(str(evidence.get("fact_id") or ""))
        if fact is None:
            continue
        for source in _items(fact.get("sources")):
            key = (str(source.get("url") or ""), str(source.get("title") or ""))
            if key in seen or key == ("", ""):
                continue
            seen.add(key)
            work: dict[str, Any] = {"@type": "CreativeWork"}
            if source.get("title"):
                work["name"] = str(source["title"])
            if source.get("url"):
                work["url"] = str(source["url"])
            if source.get("publisher"):
                work["publisher"] = {"@type": "Organization", "name": str(source["publisher"])}
            if source.get("date"):
                work["datePublished"] = str(source["date"])
            out.append(work)
    return out


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _items(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, (list, tuple)):
        return []
    return [item for item in value if isinstance(item, Mapping)]
