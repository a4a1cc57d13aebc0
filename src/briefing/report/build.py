"""Article + Extraction + Findings -> the `Briefing` record every format renders."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing import __version__
from briefing.facts import FactTable
from briefing.models import Article, Entity, Event, Extraction, Finding
from briefing.report.grades import grade, outlet_reliability
from briefing.report.record import (
    ArticleInfo,
    Briefing,
    ClaimEntry,
    DateEntry,
    DurationEntry,
    EntityEntry,
    EventEntry,
    EvidenceEntry,
    FactEntry,
    FactTableInfo,
    Generator,
    Grade,
    MentionEntry,
    SourceEntry,
    SpeakerEntry,
    Summary,
)
from briefing.resources import asset_dir


def build_briefing(
    article: Article,
    extraction: Extraction,
    findings: Sequence[Finding],
    table: FactTable | None,
    *,
    models: dict[str, str | None] | None = None,
) -> Briefing:
    """Return the briefing of an analysed article checked against a fact table."""
    names = {e.key: _public_id(e) for e in extraction.entities}
    facts_used, sources = _facts_and_sources(findings, table)
    outlet = outlet_reliability(article.outlet, table)
    claims = tuple(_claim(f, names, grade(f, table, outlet)) for f in findings)
    times = extraction.times
    return Briefing(
        generator=Generator("briefing", __version__),
        article=_article(article),
        entities=tuple(_entity(e, table, article) for e in extraction.entities),
        dates=tuple(
            DateEntry(t.text, t.value, t.precision, t.start, t.end)
            for t in times
            if t.kind == "date"
        ),
        # Durations (لمدة أربعة أيام, "a four-day visit") are not dates: they have their own list.
        durations=tuple(
            DurationEntry(t.text, t.value, t.quantity, t.unit, t.start, t.end)
            for t in times
            if t.kind == "duration"
        ),
        events=tuple(_event(ev, names, extraction) for ev in extraction.events),
        claims=claims,
        summary=Summary.of(claims),
        lead=_lead(extraction, article.body),
        facts=facts_used,
        sources=sources,
        fact_table=FactTableInfo(
            table.title, table.as_of, table.sha256, tuple(_display_path(p) for p in table.paths)
        )
        if table is not None
        else None,
        unresolved=tuple(t.text for t in times if t.kind == "date" and t.value is None),
        models=models or {},
    )


def _article(article: Article) -> ArticleInfo:
    return ArticleInfo(
        title=article.title,
        language=article.language,
        published=article.published.isoformat() if article.published else None,
        source=article.source,
        sha256=article.sha256,
        characters=len(article.body),
        published_from=article.published_from,
        outlet=article.outlet,
        url=article.url,
        author=article.author,
        body=article.body,
    )


def _display_path(path: str) -> str:
    """Return a table's path as the briefing shows it: the bundled table by a name that does not
    depend on where the package is installed (briefing:seeds/facts/…)."""
    seeds = asset_dir("seeds")
    try:
        inside = Path(path).resolve().relative_to(seeds.resolve())
    except ValueError:
        return path
    return f"briefing:seeds/{inside.as_posix()}"


def _public_id(entity: Entity) -> str:
    """Return how claims and events name an entity: the table id, else its name."""
    return entity.entity_id or entity.name


def _entity(entity: Entity, table: FactTable | None, article: Article) -> EntityEntry:
    role = None
    canonical = entity.name
    if table is not None and entity.entity_id is not None:
        known = table.entity(entity.entity_id)
        canonical = known.name
        held = [r for r in known.roles if article.published is None or r.held_on(article.published)]
        role = held[0].title if held else None
    surface = entity.mentions[0].text if entity.mentions else entity.name
    return EntityEntry(
        entity_id=entity.entity_id,
        name=canonical if entity.entity_id else surface,
        type=entity.type,
        mentions=tuple(MentionEntry(m.text, m.start, m.end) for m in entity.mentions),
        canonical=canonical,
        role=role,
        known=entity.entity_id is not None,
    )


def _claim(finding: Finding, names: dict[str, str], graded: Grade) -> ClaimEntry:
    c = finding.claim
    speaker = None
    if c.speaker is not None:
        entity_id = names.get(c.speaker.entity_key) if c.speaker.entity_key else None
        speaker = SpeakerEntry(
            text=c.speaker.text,
            entity_id=None if entity_id == c.speaker.text else entity_id,
            anonymous=c.speaker.anonymous,
            carried=c.speaker.carried,
        )
    return ClaimEntry(
        id=c.id,
        text=c.text,
        start=c.start,
        end=c.end,
        kind=c.kind,
        speaker=speaker,
        entities=tuple(names.get(k, k) for k in c.entity_keys),
        dates=tuple(t.value for t in c.times if t.kind == "date" and t.value),
        check_worthiness=c.check_worthiness,
        verdict=finding.verdict,
        evidence=tuple(
            EvidenceEntry(e.fact_id, e.relation, e.attribute, e.claim_value, e.fact_value, e.reason)
            for e in finding.evidence
        ),
        grade=graded,
    )


def _facts_and_sources(
    findings: Sequence[Finding], table: FactTable | None
) -> tuple[tuple[FactEntry, ...], tuple[SourceEntry, ...]]:
    """Return the facts that evidence cites, and their sources numbered in order of citation."""
    if table is None:
        return (), ()
    cited = list(dict.fromkeys(e.fact_id for f in findings for e in f.evidence))
    facts: list[FactEntry] = []
    numbers: dict[tuple[str, str | None], SourceEntry] = {}
    for fact_id in cited:
        if "#" in fact_id:  # a role the table gives an entity: entity-id#role
            entity = table.entity(fact_id.split("#", 1)[0])
            roles = "; ".join(
                f"{r.title} ({r.start or '…'} – {r.end or 'now'})" for r in entity.roles
            )
            facts.append(FactEntry(fact_id, f"{entity.name}: {roles}", None, None, ()))
            continue
        fact = table.fact(fact_id)
        refs = []
        for s in fact.sources:
            key = (s.title, s.url)
            if key not in numbers:
                numbers[key] = SourceEntry(len(numbers) + 1, s.title, s.publisher, s.url, s.date)
            refs.append(numbers[key])
        facts.append(FactEntry(fact.id, fact.statement, fact.date, fact.place, tuple(refs)))
    return tuple(facts), tuple(numbers.values())


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


def _event(ev: Event, names: dict[str, str], extraction: Extraction) -> EventEntry:
    return EventEntry(
        type=ev.type,
        text=ev.trigger,
        participants=tuple(names.get(p, p) for p in ev.participants),
        place=names.get(ev.place, ev.place) if ev.place else None,
        date=ev.date,
        sentence_start=ev.sentence_start,
        sentence_end=ev.sentence_end,
        start=ev.start,
        end=ev.end,
        summary=_event_summary(ev, extraction),
    )


def _event_summary(ev: Event, extraction: Extraction) -> str:
    name = {e.key: e.name for e in extraction.entities}
    who = ", ".join(name.get(p, p) for p in ev.participants[:4]) or "unnamed parties"
    line = f"{ev.type.capitalize()}: {who}"
    if ev.place:
        line += f"; in {name.get(ev.place, ev.place)}"
    if ev.date:
        line += f"; {ev.date}"
    return line
