"""Claims + fact table -> verdicts with evidence, as specs/fact-table.md says. Pure: no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from briefing.analysis.gazetteer import places_by_id
from briefing.analysis.lexicon import Lexicon, phrase_key
from briefing.analysis.times import find_times
from briefing.analysis.words import words
from briefing.facts import Entity as TableEntity
from briefing.facts import Fact, FactTable, date_bounds
from briefing.languages import detect_language
from briefing.languages.base import LanguageRules
from briefing.models import Claim, Evidence, Finding, TimeRef


def cross_reference(
    claims: Sequence[Claim],
    table: FactTable | None,
    lexicon: Lexicon,
    published: dt.date | None,
) -> list[Finding]:
    """Return each claim with its verdict and the evidence for it."""
    if table is None:
        return [Finding(c, "unverified", ()) for c in claims]
    checker = _Checker(table, lexicon, published)
    return [checker.check(c) for c in claims]


def _verdict(evidence: Sequence[Evidence]) -> str:
    if any(e.relation == "contradicts" for e in evidence):
        return "contradicted"
    if any(e.relation == "supports" for e in evidence):
        return "supported"
    return "unverified"


class _Checker:
    def __init__(self, table: FactTable, lexicon: Lexicon, published: dt.date | None) -> None:
        self.table = table
        self.lexicon = lexicon
        self.rules: LanguageRules = lexicon.rules
        self.published = published
        self._windows: dict[str, tuple[dt.date, dt.date]] = {}
        self.cues = {
            f.id: [phrase_key(c, self.rules).split() for c in _cues_for(f, self.rules.code)]
            for f in table.facts
        }

    def check(self, claim: Claim) -> Finding:
        if claim.kind == "role":
            evidence = self._role(claim)
        else:
            evidence = [e for f in self._matching(claim) for e in self._attributes(claim, f)]
        return Finding(claim, _verdict(evidence), tuple(evidence))

    # Matching -------------------------------------------------------------------------------

    def _matching(self, claim: Claim) -> list[Fact]:
        keys = set(claim.entity_keys)
        claim_words = [self.rules.variants(w.text) for w in words(claim.text)]
        out = []
        for fact in self.table.facts:
            about = set(fact.about)
            by_cue = bool(about & keys) and any(
                _holds(claim_words, cue) for cue in self.cues[fact.id]
            )
            by_entities = len(about) >= 2 and about <= keys
            if by_cue or by_entities:
                out.append(fact)
        return out

    # Attributes -----------------------------------------------------------------------------

    def _attributes(self, claim: Claim, fact: Fact) -> list[Evidence]:
        out: list[Evidence] = []
        if fact.date:
            out.extend(self._date(claim, fact))
        if fact.place:
            out.extend(self._place(claim, fact))
        if fact.quantity is not None:
            out.extend(self._quantity(claim, fact))
        if not fact.rating:
            if claim.denied:
                out.append(
                    Evidence(
                        fact.id,
                        "supports",
                        "rating",
                        "reported as denied",
                        "false",
                        "the table rates this claim false, and the article reports it as denied",
                    )
                )
            else:
                out.append(
                    Evidence(
                        fact.id,
                        "contradicts",
                        "rating",
                        "stated",
                        "false",
                        "the claim repeats a claim the table rates false",
                    )
                )
        if not any(e.relation == "contradicts" for e in out):
            out.insert(
                0,
                Evidence(
                    fact.id,
                    "supports",
                    "match",
                    None,
                    fact.statement,
                    "the claim names this fact's subject"
                    + (" and its cue" if self._by_cue(claim, fact) else "s"),
                ),
            )
        return out

    def _by_cue(self, claim: Claim, fact: Fact) -> bool:
        claim_words = [self.rules.variants(w.text) for w in words(claim.text)]
        return any(_holds(claim_words, cue) for cue in self.cues[fact.id])

    def _date(self, claim: Claim, fact: Fact) -> list[Evidence]:
        assert fact.date is not None
        dated = [t for t in claim.times if t.kind == "date" and t.value]
        if not dated:
            return []
        lo, hi = self._window(fact)
        for t in dated:
            assert t.value is not None
            a, b = date_bounds(t.value)
            if a <= hi and lo <= b:
                return [
                    Evidence(
                        fact.id,
                        "supports",
                        "date",
                        t.value,
                        fact.date,
                        f"“{t.text}” ({t.value}) falls within {fact.date}",
                    )
                ]
        tied = _nearest_date(claim, dated, fact, self)
        if tied is None:
            return []
        if tied.approximate:
            # "last week" across two months: its month is only the likeliest reading, and the
            # week may reach a few days into the month on either side.
            a, b = date_bounds(tied.value or "")
            if a - _WEEK_REACH <= hi and lo <= b + _WEEK_REACH:
                return []
        return [
            Evidence(
                fact.id,
                "contradicts",
                "date",
                tied.value,
                fact.date,
                f"the article dates this to {tied.value} (“{tied.text}”); "
                f"the table has {fact.date}",
            )
        ]

    def _window(self, fact: Fact) -> tuple[dt.date, dt.date]:
        """Return the days a fact's event covers: its date, stretched to the other dates its
        statement gives close by ("from 27 to 30 August 2023": a date field holds one day)."""
        assert fact.date is not None
        cached = self._windows.get(fact.id)
        if cached is not None:
            return cached
        lo, hi = date_bounds(fact.date)
        statement = fact.statement
        for t in find_times(statement, detect_language(statement), lo):
            if t.kind != "date" or not t.value or t.precision != "day":
                continue
            a, b = date_bounds(t.value)
            if lo - _STRETCH <= a and b <= hi + _STRETCH:
                lo, hi = min(lo, a), max(hi, b)
        self._windows[fact.id] = (lo, hi)
        return lo, hi

    def _place(self, claim: Claim, fact: Fact) -> list[Evidence]:
        assert fact.place is not None
        if not claim.places:
            return []
        fact_places = self._place_family(fact.place)
        for p in claim.places:
            if p in fact_places or fact.place in self._place_family(p):
                return [
                    Evidence(
                        fact.id,
                        "supports",
                        "place",
                        self._name(p),
                        self._name(fact.place),
                        "the claim places the event where the table does",
                    )
                ]
        elsewhere = self._place_by_event(claim, fact)
        if elsewhere is None:
            return []
        return [
            Evidence(
                fact.id,
                "contradicts",
                "place",
                self._name(elsewhere),
                self._name(fact.place),
                f"the article places this in {self._name(elsewhere)}; the table in "
                f"{self._name(fact.place)}",
            )
        ]

    def _place_by_event(self, claim: Claim, fact: Fact) -> str | None:
        """Return the claim's place that stands by this fact's cue or subjects, or None when
        the places belong to another event of the sentence ("arrived in Russia, days after
        Putin hosted Kim")."""
        anchors = _anchors(claim, fact, self)
        if not anchors:
            return None
        claim_words = words(claim.text)
        best: tuple[int, str] | None = None
        for start, _end, key in claim.mention_spans:
            if key not in claim.places:
                continue
            at = start - claim.start
            index = next((i for i, w in enumerate(claim_words) if w.start <= at < w.end), None)
            if index is None:
                continue
            distance = min(abs(index - a) for a in anchors)
            if best is None or distance < best[0]:
                best = (distance, key)
        return best[1] if best is not None and best[0] <= _PLACE_DISTANCE else None

    def _quantity(self, claim: Claim, fact: Fact) -> list[Evidence]:
        assert fact.quantity is not None
        if not claim.numbers:
            return []
        want = fact.quantity
        if any(abs(n - want) < 1e-9 for n in claim.numbers):
            return [
                Evidence(
                    fact.id,
                    "supports",
                    "quantity",
                    _num(want),
                    _num(want),
                    "the article states the same number",
                )
            ]
        durations = [t for t in claim.times if t.kind == "duration" and t.quantity is not None]
        if len(claim.numbers) == 1 or durations:
            got = durations[0].quantity if durations else claim.numbers[0]
            assert got is not None
            if not _comparable(got, want):
                return []  # "a five-year term" is no rival to a 52.14 per cent share
            return [
                Evidence(
                    fact.id,
                    "contradicts",
                    "quantity",
                    _num(got),
                    _num(want),
                    f"the article states {_num(got)}; the table has {_num(want)}",
                )
            ]
        return []

    # Roles ----------------------------------------------------------------------------------

    def _role(self, claim: Claim) -> list[Evidence]:
        person = claim.role_person
        title = claim.role_title or ""
        title_key = phrase_key(title, self.rules)
        by_id = {e.id: e for e in self.table.entities}
        if person not in by_id:
            return []
        entity = by_id[person]
        day = self.published
        for role in entity.roles:
            if not _title_fits(title_key, role, self.rules):
                continue
            period = f"{role.start or '…'} – {role.end or 'now'}"
            if day is None or role.held_on(day):
                when = f"on {day.isoformat()}" if day else "(no publication date to check)"
                return [
                    Evidence(
                        f"{entity.id}#role",
                        "supports",
                        "role",
                        title,
                        f"{role.title} ({period})",
                        f"{entity.name} held this office {when}",
                    )
                ]
            held = [r for r in entity.roles if _title_fits(title_key, r, self.rules)]
            if not any(r.held_on(day) for r in held):
                return [
                    Evidence(
                        f"{entity.id}#role",
                        "contradicts",
                        "role",
                        title,
                        f"{role.title} ({period})",
                        f"{entity.name} did not hold this office on {day.isoformat()}",
                    )
                ]
        if day is None:
            return []
        for other in self.table.entities:
            if other.id == person:
                continue
            for role in other.roles:
                if _title_fits(title_key, role, self.rules) and role.held_on(day):
                    return [
                        Evidence(
                            f"{entity.id}#role",
                            "contradicts",
                            "role",
                            title,
                            f"{other.name}: {role.title}",
                            f"on {day.isoformat()} this office was held by {other.name}, "
                            f"not {entity.name}",
                        )
                    ]
        return []

    # Helpers --------------------------------------------------------------------------------

    def _name(self, key: str) -> str:
        for e in self.table.entities:
            if e.id == key:
                return e.name
        place = places_by_id().get(key.removeprefix("gaz:"))
        return place.name if place else key

    def _place_family(self, key: str) -> set[str]:
        """Return the key with the places that contain it (a city's country), in both naming
        schemes: the table's ids and the gazetteer's."""
        family = {key}
        gaz = self.lexicon.gazetteer_key.get(key, key)
        family.add(gaz)
        place = places_by_id().get(gaz.removeprefix("gaz:"))
        if place and place.country:
            family.add(f"gaz:{place.country}")
        table_of = {g: k for k, g in self.lexicon.gazetteer_key.items()}
        family |= {table_of[g] for g in list(family) if g in table_of}
        return family


def _cues_for(fact: Fact, language: str) -> list[str]:
    return list(fact.cues.get(language, ()))


def _holds(claim_words: list[list[tuple[int, str]]], cue: list[str]) -> bool:
    """Say whether the cue's words stand in order in the claim (clitics forgiven)."""
    n = len(cue)
    if n == 0:
        return False
    for i in range(len(claim_words) - n + 1):
        if all(cue[j] in {k for _, k in claim_words[i + j]} for j in range(n)):
            return True
    return False


def _title_fits(title_key: str, role: object, rules: LanguageRules) -> bool:
    cues = [*getattr(role, "cues", {}).get(rules.code, ()), getattr(role, "title", "")]
    for cue in cues:
        cue_key = phrase_key(cue, rules)
        if cue_key and (cue_key == title_key or f" {cue_key} " in f" {title_key} "):
            return True
    return False


_WEEK_REACH = dt.timedelta(days=9)  # how far a week's span can run past its likeliest month
_STRETCH = dt.timedelta(days=31)  # how far a statement's own dates may widen a fact's date
_TIE_DISTANCE = 6  # words between a date and the event's cue or subject, at the most
# A place is already tied to an event by its preposition; the distance only keeps another
# event's place (a second clause of the sentence) from counting.
_PLACE_DISTANCE = 10


def _anchors(claim: Claim, fact: Fact, checker: _Checker) -> list[int]:
    """Return the word positions in the claim of the fact's cues and of its subjects."""
    claim_words = words(claim.text)
    variants = [checker.rules.variants(w.text) for w in claim_words]
    anchors: list[int] = []
    for cue in checker.cues[fact.id]:
        anchors.extend(_cue_positions(variants, cue))
    # A place the fact is about is no anchor: "arrived in New Delhi on Friday" dates an
    # arrival, not the declaration adopted in New Delhi. Its cue or its other subjects are.
    entities = checker.table.entities_by_id
    about = {k for k in fact.about if k not in entities or entities[k].type not in ("GPE", "LOC")}
    for start, _end, key in claim.mention_spans:
        if key in about:
            at = start - claim.start
            anchors.extend(i for i, w in enumerate(claim_words) if w.start <= at < w.end)
    return anchors


def _nearest_date(
    claim: Claim, dated: list[TimeRef], fact: Fact, checker: _Checker
) -> TimeRef | None:
    """Return the date the claim gives this fact's event, or None when no date is clearly its:
    the one nearest to the fact's cue or subjects, if it stands close enough (a date six words
    past them belongs to another event: "…في مالطا بعد حرب بدأت في فبراير 2022")."""
    anchors = _anchors(claim, fact, checker)
    if not anchors:
        return None
    claim_words = words(claim.text)

    def distance(t: TimeRef) -> int:
        first = next(
            (i for i, w in enumerate(claim_words) if w.start >= t.start - claim.start),
            len(claim_words),
        )
        return min(abs(first - a) for a in anchors)

    nearest = min(dated, key=distance)
    return nearest if distance(nearest) <= _TIE_DISTANCE else None


def _cue_positions(claim_words: list[list[tuple[int, str]]], cue: list[str]) -> list[int]:
    n = len(cue)
    return [
        i
        for i in range(len(claim_words) - n + 1)
        if n and all(cue[j] in {k for _, k in claim_words[i + j]} for j in range(n))
    ]


def _comparable(got: float, want: float) -> bool:
    """Say whether two numbers can be two statements of one quantity: both whole or both not,
    and within a factor of four of each other (six days against four, 7.17% against 5.17%)."""
    if float(got).is_integer() != float(want).is_integer():
        return False
    low, high = sorted((abs(got), abs(want)))
    return low > 0 and high / low <= 4


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def table_entity(table: FactTable | None, key: str) -> TableEntity | None:
    """Return the table's entity for a key, if the table has it."""
    if table is None:
        return None
    for e in table.entities:
        if e.id == key:
            return e
    return None
