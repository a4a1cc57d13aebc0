"""Article + Extraction + Findings -> the briefing: one JSON-shaped dict that every format renders.

The fields of specs/briefing-json.md come first and keep their names; what the HTML and PDF need
beyond them (the body, roles, sources, the lead) is added, never renamed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.facts import FactTable
from briefing.models import Article, Entity, Extraction, Finding
from briefing.resources import asset_dir

SCHEMA_VERSION = 1
_TYPE_LABELS = {
    "visit": "visit",
    "meeting": "meeting",
}


def build_briefing(
    article: Article,
    extraction: Extraction,
    findings: Sequence[Finding],
    table: FactTable | None,
    *,
    models: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """Return the briefing as a dict shaped like the briefing JSON."""
    names = {e.key: _public_id(e) for e in extraction.entities}
    facts_used, sources = _facts_and_sources(findings, table)
    outlet = _outlet_reliability(article, table)
    claims = [_claim(f, names) | {"grade": _grade(f, table, outlet)} for f in findings]
    summary = {
        "claims": len(claims),
        "supported": sum(c["verdict"] == "supported" for c in claims),
        "contradicted": sum(c["verdict"] == "contradicted" for c in claims),
        "unverified": sum(c["verdict"] == "unverified" for c in claims),
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "briefing", "version": __version__},
        "article": {
            "title": article.title,
            "language": article.language,
            "published": article.published.isoformat() if article.published else None,
            "source": article.source,
            "sha256": article.sha256,
            "characters": len(article.body),
            "published_from": article.published_from,
            "outlet": article.outlet,
            "url": article.url,
            "author": article.author,
            "body": article.body,
        },
        "entities": [_entity(e, table, article) for e in extraction.entities],
        "dates": [
            {
                "text": t.text,
                "value": t.value,
                "precision": t.precision,
                "start": t.start,
                "end": t.end,
            }
            for t in extraction.times
            if t.kind == "date"
        ],
        # Durations (لمدة أربعة أيام, "a four-day visit") are not dates: they have their own list.
        "durations": [
            {
                "text": t.text,
                "value": t.value,
                "quantity": t.quantity,
                "unit": t.unit,
                "start": t.start,
                "end": t.end,
            }
            for t in extraction.times
            if t.kind == "duration"
        ],
        "events": [
            {
                "type": ev.type,
                "text": ev.trigger,
                "participants": [names.get(p, p) for p in ev.participants],
                "place": names.get(ev.place, ev.place) if ev.place else None,
                "date": ev.date,
                "sentence_start": ev.sentence_start,
                "sentence_end": ev.sentence_end,
                "start": ev.start,
                "end": ev.end,
                "summary": _event_summary(ev.type, ev.participants, ev.place, ev.date, extraction),
            }
            for ev in extraction.events
        ],
        "claims": claims,
        "summary": summary,
        "lead": _lead(extraction, article.body),
        "facts": facts_used,
        "sources": sources,
        "fact_table": {
            "title": table.title,
            "as_of": table.as_of,
            "sha256": table.sha256,
            "paths": [_display_path(p) for p in table.paths],
        }
        if table is not None
        else None,
        "unresolved": [t.text for t in extraction.times if t.kind == "date" and t.value is None],
        "models": models or {},
    }


def _display_path(path: str) -> str:
    """Return a table's path as the briefing shows it: the bundled table by a name that does not
    depend on where the package is installed (briefing:seeds/facts/…)."""
    seeds = asset_dir("seeds")
    try:
        inside = Path(path).resolve().relative_to(seeds.resolve())
    except ValueError:
        return path
    return f"briefing:seeds/{inside.as_posix()}"


# Admiralty (NATO) grading: the source's reliability A-F, the information's credibility 1-6.
_CONFIRMING = {"date", "place", "quantity", "role", "rating"}


def _grade(finding: Finding, table: FactTable | None, outlet: str | None) -> dict[str, Any]:
    """Return the claim's grade, e.g. B2: the reliability the fact table gives its speaker (or,
    for the article's own voice, its outlet), F when unknown; and its credibility from the
    cross-reference: 1 confirmed on a checked attribute, 2 matched without a checked attribute,
    5 contradicted, 6 not assessable."""
    speaker = finding.claim.speaker
    reliability = None
    if speaker is None:
        reliability = outlet
    elif not speaker.anonymous and speaker.entity_key and table is not None:
        known = table.entities_by_id.get(speaker.entity_key)
        reliability = known.reliability if known is not None else None
    if finding.verdict == "contradicted":
        credibility = 5
    elif finding.verdict == "supported":
        checked = any(
            e.relation == "supports" and e.attribute in _CONFIRMING for e in finding.evidence
        )
        credibility = 1 if checked else 2
    else:
        credibility = 6
    letter = reliability or "F"
    return {"reliability": letter, "credibility": credibility, "code": f"{letter}{credibility}"}


def _outlet_reliability(article: Article, table: FactTable | None) -> str | None:
    """Return the reliability the table gives the article's outlet, if it lists the outlet."""
    if table is None or not article.outlet:
        return None
    wanted = article.outlet.casefold().strip()
    for entity in table.entities:
        forms = [entity.name, *(f for fs in entity.aliases.values() for f in fs)]
        if any(f.casefold().strip() == wanted for f in forms):
            return entity.reliability
    return None


def _public_id(entity: Entity) -> str:
    """Return how claims and events name an entity: the table id, else its name."""
    return entity.entity_id or entity.name


def _entity(entity: Entity, table: FactTable | None, article: Article) -> dict[str, Any]:
    role = None
    canonical = entity.name
    if table is not None and entity.entity_id is not None:
        known = table.entity(entity.entity_id)
        canonical = known.name
        held = [r for r in known.roles if article.published is None or r.held_on(article.published)]
        role = held[0].title if held else None
    surface = entity.mentions[0].text if entity.mentions else entity.name
    return {
        "entity_id": entity.entity_id,
        "name": canonical if entity.entity_id else surface,
        "type": entity.type,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in entity.mentions],
        "canonical": canonical,
        "role": role,
        "known": entity.entity_id is not None,
    }


def _claim(finding: Finding, names: dict[str, str]) -> dict[str, Any]:
    c = finding.claim
    speaker = None
    if c.speaker is not None:
        speaker = {
            "text": c.speaker.text,
            "entity_id": names.get(c.speaker.entity_key) if c.speaker.entity_key else None,
            "anonymous": c.speaker.anonymous,
            "carried": c.speaker.carried,
        }
        if speaker["entity_id"] is not None and speaker["entity_id"] == c.speaker.text:
            speaker["entity_id"] = None
    return {
        "id": c.id,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "kind": c.kind,
        "speaker": speaker,
        "entities": [names.get(k, k) for k in c.entity_keys],
        "dates": [t.value for t in c.times if t.kind == "date" and t.value],
        "check_worthiness": c.check_worthiness,
        "verdict": finding.verdict,
        "evidence": [
            {
                "fact_id": e.fact_id,
                "relation": e.relation,
                "attribute": e.attribute,
                "claim_value": e.claim_value,
                "fact_value": e.fact_value,
                "reason": e.reason,
            }
            for e in finding.evidence
        ],
    }


def _facts_and_sources(
    findings: Sequence[Finding], table: FactTable | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the facts that evidence cites, and their sources numbered in order of citation."""
    if table is None:
        return [], []
    cited = list(dict.fromkeys(e.fact_id for f in findings for e in f.evidence))
    facts: list[dict[str, Any]] = []
    sources: list[dict[str, Any]] = []
    numbers: dict[tuple[str, str | None], int] = {}
    for fact_id in cited:
        if "#" in fact_id:
            entity = table.entity(fact_id.split("#", 1)[0])
            roles = "; ".join(
                f"{r.title} ({r.start or '…'} – {r.end or 'now'})" for r in entity.roles
            )
            facts.append(
                {
                    "id": fact_id,
                    "statement": f"{entity.name}: {roles}",
                    "date": None,
                    "place": None,
                    "sources": [],
                }
            )
            continue
        fact = table.fact(fact_id)
        refs = []
        for s in fact.sources:
            key = (s.title, s.url)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                sources.append(
                    {
                        "n": numbers[key],
                        "title": s.title,
                        "publisher": s.publisher,
                        "url": s.url,
                        "date": s.date,
                    }
                )
            refs.append(next(x for x in sources if x["n"] == numbers[key]))
        facts.append(
            {
                "id": fact.id,
                "statement": fact.statement,
                "date": fact.date,
                "place": fact.place,
                "sources": refs,
            }
        )
    return facts, sources


def _lead(extraction: Extraction, body: str) -> str | None:
    """Return the article's lead event in one line, in the article's own words: the clause of
    the first sentence that tells its first event (a visit, a meeting…), else the first sentence."""
    if not extraction.sentences:
        return None
    first_start, first_end = extraction.sentences[0]
    events = [e for e in extraction.events if e.sentence_start < first_end]
    deeds = [e for e in events if e.type != "statement"] or events
    start, end = (
        (deeds[0].sentence_start, deeds[0].sentence_end) if deeds else (first_start, first_end)
    )
    line = body[start:end]
    for mark in ("،", ",", "؛", ";"):
        cut = line.find(mark)
        if cut > 30:
            line = line[:cut]
    line = " ".join(line.split()).rstrip(".。!؟?")
    return line[:240] + ("…" if len(line) > 240 else "")


def _event_summary(
    etype: str,
    participants: Sequence[str],
    place: str | None,
    date: str | None,
    extraction: Extraction,
) -> str:
    name = {e.key: e.name for e in extraction.entities}
    who = ", ".join(name.get(p, p) for p in participants[:4]) or "unnamed parties"
    line = f"{_TYPE_LABELS.get(etype, etype).capitalize()}: {who}"
    if place:
        line += f"; in {name.get(place, place)}"
    if date:
        line += f"; {date}"
    return line
