"""A JSON-shaped mapping -> a `Briefing`: the one place a briefing from outside is read.

A briefing read back from a file, a batch manifest or another program may be partial or odd. Every
check for a missing key or a wrong type is made here, once: what is missing or malformed gets the
value a briefing without it would have, so the renderers only ever meet a well-formed record.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from briefing.report.record import (
    SCHEMA_VERSION,
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
from briefing.vocab import Verdict


def briefing_from_json(data: object) -> Briefing:
    """Return the briefing a JSON-shaped mapping holds (see `Briefing.from_json`)."""
    given = _mapping(data)
    claims = tuple(_claim(c) for c in _items(given.get("claims")))
    facts = tuple(_fact(f) for f in _items(given.get("facts")))
    dates = _items(given.get("dates"))
    # Briefings of earlier versions kept durations among the dates, marked by a kind.
    durations = [d for d in dates if d.get("kind") == "duration"]
    durations += _items(given.get("durations"))
    version = _int(given.get("schema_version"))
    return Briefing(
        schema_version=SCHEMA_VERSION if version is None else version,
        generator=_generator(given.get("generator")),
        article=_article(given.get("article")),
        entities=tuple(_entity(e) for e in _items(given.get("entities"))),
        dates=tuple(_date(d) for d in dates if d.get("kind") != "duration"),
        durations=tuple(_duration(d) for d in durations),
        events=tuple(_event(e) for e in _items(given.get("events"))),
        claims=claims,
        summary=_summary(given.get("summary"), claims),
        lead=_text(given.get("lead")) or None,
        facts=facts,
        sources=_sources(_items(given.get("sources")), facts),
        fact_table=_fact_table(given.get("fact_table")),
        unresolved=tuple(_text(t) for t in _list(given.get("unresolved")) if t),
        models={str(k): _optional(v) for k, v in _mapping(given.get("models")).items()},
    )


def _generator(value: object) -> Generator:
    given = _mapping(value)
    return Generator(_text(given.get("name")) or "briefing", _text(given.get("version")))


def _article(value: object) -> ArticleInfo:
    given = _mapping(value)
    body = _text(given.get("body"))
    characters = given.get("characters")
    return ArticleInfo(
        title=_text(given.get("title")) or None,
        language=_language(given.get("language")) or "en",
        published=_text(given.get("published")) or None,
        source=_text(given.get("source")) or None,
        sha256=_text(given.get("sha256")) or None,
        characters=_int(characters) if _int(characters) is not None else len(body) or None,
        published_from=_text(given.get("published_from")) or None,
        outlet=_text(given.get("outlet")) or None,
        url=_text(given.get("url")) or None,
        author=_text(given.get("author")) or None,
        body=body,
    )


def _entity(given: Mapping[str, Any]) -> EntityEntry:
    entity_id = _text(given.get("entity_id")) or None
    known = given.get("known")
    return EntityEntry(
        entity_id=entity_id,
        name=_text(given.get("name")),
        type=_text(given.get("type")),
        mentions=tuple(
            MentionEntry(_text(m.get("text")), _int(m.get("start")), _int(m.get("end")))
            for m in _items(given.get("mentions"))
        ),
        canonical=_text(given.get("canonical")) or None,
        role=_text(given.get("role")) or None,
        known=bool(entity_id) if known is None else bool(known),
    )


def _date(given: Mapping[str, Any]) -> DateEntry:
    return DateEntry(
        text=_text(given.get("text")),
        value=_optional(given.get("value")),
        precision=_text(given.get("precision")),
        start=_int(given.get("start")),
        end=_int(given.get("end")),
    )


def _duration(given: Mapping[str, Any]) -> DurationEntry:
    quantity = given.get("quantity")
    return DurationEntry(
        text=_text(given.get("text")),
        value=_optional(given.get("value")),
        quantity=quantity if _is_number(quantity) else None,
        unit=_optional(given.get("unit")),
        start=_int(given.get("start")),
        end=_int(given.get("end")),
    )


def _event(given: Mapping[str, Any]) -> EventEntry:
    return EventEntry(
        type=_text(given.get("type")),
        text=_text(given.get("text")),
        participants=tuple(_text(p) for p in _list(given.get("participants")) if p),
        place=_text(given.get("place")) or None,
        date=_text(given.get("date")) or None,
        sentence_start=_int(given.get("sentence_start")),
        sentence_end=_int(given.get("sentence_end")),
        start=_int(given.get("start")),
        end=_int(given.get("end")),
        summary=_text(given.get("summary")),
    )


def _claim(given: Mapping[str, Any]) -> ClaimEntry:
    worth = given.get("check_worthiness")
    return ClaimEntry(
        id=_text(given.get("id")),
        text=_text(given.get("text")),
        start=_int(given.get("start")),
        end=_int(given.get("end")),
        kind=_text(given.get("kind")),
        speaker=_speaker(given.get("speaker")),
        entities=tuple(_text(e) for e in _list(given.get("entities"))),
        dates=tuple(_text(d) for d in _list(given.get("dates"))),
        check_worthiness=worth if _is_number(worth) else None,
        verdict=Verdict.of(given.get("verdict")),
        evidence=tuple(_evidence(e) for e in _items(given.get("evidence"))),
        grade=_grade(given.get("grade")),
    )


def _speaker(value: object) -> SpeakerEntry | None:
    given = _mapping(value)
    if not (given.get("text") or given.get("entity_id")):
        return None
    return SpeakerEntry(
        text=_text(given.get("text")),
        entity_id=_text(given.get("entity_id")) or None,
        anonymous=bool(given.get("anonymous")),
        carried=bool(given.get("carried")),
    )


def _evidence(given: Mapping[str, Any]) -> EvidenceEntry:
    return EvidenceEntry(
        fact_id=_text(given.get("fact_id")),
        relation=_text(given.get("relation")),
        attribute=_text(given.get("attribute")),
        claim_value=_optional(given.get("claim_value")),
        fact_value=_optional(given.get("fact_value")),
        reason=_text(given.get("reason")),
    )


def _grade(value: object) -> Grade | None:
    given = _mapping(value)
    if not _text(given.get("code")):
        return None
    return Grade(
        reliability=_text(given.get("reliability")),
        credibility=_int(given.get("credibility")) or 0,
        code=_text(given.get("code")),
    )


def _summary(value: object, claims: tuple[ClaimEntry, ...]) -> Summary:
    """Return the counts as given where they are numbers, else as counted."""
    given = _mapping(value)
    counted = Summary.of(claims)
    return Summary(
        **{
            name: given[name] if _int(given.get(name)) is not None else getattr(counted, name)
            for name in ("claims", *Verdict.values())
        }
    )


def _fact(given: Mapping[str, Any]) -> FactEntry:
    return FactEntry(
        id=_text(given.get("id")),
        statement=_text(given.get("statement")),
        date=_text(given.get("date")) or None,
        place=_text(given.get("place")) or None,
        sources=tuple(_source(s) for s in _items(given.get("sources"))),
    )


def _source(given: Mapping[str, Any]) -> SourceEntry:
    n = _int(given.get("n")) or 0
    return SourceEntry(
        n=max(n, 0),
        title=_text(given.get("title")),
        publisher=_text(given.get("publisher")) or None,
        url=_text(given.get("url")) or None,
        date=_text(given.get("date")) or None,
    )


def _sources(
    given: list[Mapping[str, Any]], facts: tuple[FactEntry, ...]
) -> tuple[SourceEntry, ...]:
    """Return the numbered sources: the briefing's list, else those its facts cite; each once,
    numbered uniquely (a number given twice, or none, gets the next free one)."""
    entries = [_source(s) for s in given] or [s for f in facts for s in f.sources]
    unique: list[SourceEntry] = []
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        key = (entry.url or "", entry.title)
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    used: set[int] = set()
    numbers: list[int | None] = []
    for entry in unique:
        if entry.n > 0 and entry.n not in used:
            used.add(entry.n)
            numbers.append(entry.n)
        else:
            numbers.append(None)  # numbered below
    following = max(used, default=0) + 1
    out = []
    for entry, number in zip(unique, numbers, strict=True):
        if number is None:
            number, following = following, following + 1
        out.append(SourceEntry(number, entry.title, entry.publisher, entry.url, entry.date))
    return tuple(sorted(out, key=lambda s: s.n))


def _fact_table(value: object) -> FactTableInfo | None:
    given = _mapping(value)
    if not given:
        return None
    return FactTableInfo(
        title=_text(given.get("title")) or None,
        as_of=_text(given.get("as_of")) or None,
        sha256=_text(given.get("sha256")) or None,
        paths=tuple(_text(p) for p in _list(given.get("paths")) if p),
    )


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


def _items(value: object) -> list[Mapping[str, Any]]:
    return [item for item in _list(value) if isinstance(item, Mapping)]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _language(value: object) -> str:
    """Return the primary subtag of a language tag, lower-cased: 'ar-EG' -> 'ar'."""
    return _text(value).strip().replace("_", "-").split("-")[0].lower()
