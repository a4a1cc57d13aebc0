"""Who: people, organisations and places, from the lexicon, cue words and the NER model.

Passes, each on what the earlier ones left:
1. the lexicon (fact table aliases, then the gazetteer), clitics taken off the first word;
2. cue words: a title (الرئيس الفرنسي, "Foreign Minister") before a name makes a PERSON,
   an organisation head (وزارة, "Ministry of") starts an ORG;
3. the NER model's spans, their clitics taken off;
then every name found is looked for again everywhere (a surname alone is the same person).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.languages.base import LanguageRules
from briefing.lexicon import LexEntry, Lexicon, Match, WordKeys, match_phrases
from briefing.models import Entity, Mention

_FOUND = 1
_MODEL_TYPES = {"PERSON": "PERSON", "PER": "PERSON", "PERS": "PERSON", "ORG": "ORG"}
_PLACE_LABELS = {"LOC", "GPE", "FAC"}
_MAX_NAME_WORDS = 4
_MAX_TITLE_WORDS = 6


@dataclass(frozen=True)
class ModelSpan:
    """A span the statistical model labelled."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class TitleCue:
    """A title written next to a person: `text` is body[start:end], the person follows it."""

    start: int
    end: int
    text: str
    person_key: str
    name_end: int  # where the person's name ends: the role claim runs from start to here
    claim_start: int | None = None  # a title after the name: the claim starts at the name


@dataclass(frozen=True)
class EntityFindings:
    """The entities with their mentions, and the titles written next to people."""

    entities: tuple[Entity, ...]
    matches: tuple[Match, ...]  # every mention, in order, with its lexicon entry
    titles: tuple[TitleCue, ...]
    references: tuple[tuple[int, int, str], ...] = ()  # "the minister": (start, end, key)


def find_entities(
    text: str,
    wk: WordKeys,
    lexicon: Lexicon,
    model_spans: Sequence[ModelSpan],
    blocked_words: set[int],
) -> EntityFindings:
    """Return every entity of the body with its mentions grouped, and the title cues."""
    doc_lex = lexicon.copy()
    first = match_phrases(wk, doc_lex, blocked_words)
    covered = {i for m in first for i in range(m.first_word, m.last_word + 1)} | blocked_words
    for start, end, etype in _cue_names(text, wk, doc_lex, covered):
        _learn(text[start:end], etype, doc_lex)
    for start, end in _longer_organisations(wk, doc_lex, first):
        _learn(text[start:end], "ORG", doc_lex)
    counts = Counter(r[0][1] for r in wk.readings)
    for span in model_spans:
        found = _model_name(text, wk, doc_lex, span, covered, counts)
        if found is not None:
            _learn(found[0], found[1], doc_lex)
    matches = match_phrases(wk, doc_lex, blocked_words)
    titles = _titles(text, wk, doc_lex, matches) + _appositions(text, wk, doc_lex, matches)
    references = _role_references(wk, doc_lex, matches, titles)
    return EntityFindings(_group(matches, text), tuple(matches), titles, references)


def _role_references(
    wk: WordKeys, lex: Lexicon, matches: Sequence[Match], titles: Sequence[TitleCue]
) -> tuple[tuple[int, int, str], ...]:
    """Return the bare titles that refer back to one person (الوزير, "the minister"): only
    where exactly one person named in the article holds that title in the fact table."""
    if not lex.role_nouns:
        return ()
    named = {m.entry.key for m in matches if m.entry.type == "PERSON"}
    inside_titles = [(t.start, t.name_end) for t in titles]
    out = []
    for i, w in enumerate(wk.words):
        if any(a <= w.start < b for a, b in inside_titles):
            continue
        previous = wk.readings[i - 1][0][1] if i else None
        for cut, key in wk.readings[i]:
            bare = lex.rules.refers_back(previous, key)
            people = lex.role_nouns.get(bare or "", set()) & named
            if len(people) == 1:
                out.append((w.start + cut, w.end, next(iter(people))))
                break
    return tuple(out)


def _learn(name: str, etype: str, lex: Lexicon) -> None:
    """Add a name found in this article to the article's lexicon (parts of a person too)."""
    name = name.strip()
    if not name or lex.entry_for(name) is not None:
        return
    rules = lex.rules
    entry = LexEntry(f"txt:{rules.key(name)}", etype, name, None, _FOUND)
    lex.add(name, entry)
    parts = name.split()
    if etype != "PERSON" or len(parts) < 2:
        return
    # A person is named again by a part of the name: the family name, or the given name.
    last = parts[-1]
    if len(parts) > 2 and rules.key(parts[-2]) in rules.name_particles:
        last = f"{parts[-2]} {parts[-1]}"  # آل ثاني, not ثاني ("second")
    for part in (last, parts[0]):
        key = rules.key(part)
        if " " in part or (
            len(key) >= 3
            and rules.is_name_like(part)
            and key not in rules.title_heads
            and key not in rules.name_particles
        ):
            lex.add(part, entry)


def _is_word(wk: WordKeys, i: int, words: frozenset[str]) -> int | None:
    """Return the clitic cut of word i's first reading found in `words`, or None."""
    for cut, key in wk.readings[i]:
        if key in words:
            return cut
    return None


def _and_prefixed(wk: WordKeys, i: int) -> bool:
    """Say whether word i carries the conjunction و in front (وكوريا): a second name."""
    clitics = wk.rules.conjunction_clitics[:1]
    return wk.words[i].text[:1] in clitics and len(wk.readings[i]) > 1


def _definite(wk: WordKeys, i: int) -> bool:
    """Say whether word i is a definite noun or adjective (ال, or لل for ل + ال)."""
    return any(wk.rules.definite(k) for _, k in wk.readings[i])


def _name_word(wk: WordKeys, i: int, lex: Lexicon, covered: set[int]) -> bool:
    """Say whether word i can be part of a person's or organisation's own name.

    A definite word can (الركراكي, السيسي) when it is not a common word, nor an adjective of
    place (الصيني), nor a word of time.
    """
    rules = lex.rules
    word = wk.words[i].text
    key = wk.readings[i][0][1]
    return (
        i not in covered
        and rules.is_name_like(word)
        and not (_definite(wk, i) and not _uncommon_definite(wk, i, lex))
        and key not in rules.time_words
        and key not in rules.title_heads
        and key not in rules.org_heads
        and _is_word(wk, i, rules.reporting_verbs | rules.factual_verbs) is None
        and key not in rules.event_triggers
        and key not in rules.complementizers
        and key not in lex.adjectives
        and not key.isdigit()
    )


def _uncommon_definite(wk: WordKeys, i: int, lex: Lexicon) -> bool:
    """Say whether word i is written as definite (ال) yet is no common word: a family name."""
    key = wk.readings[i][0][1]
    return (
        lex.rules.definite(key)
        and lex.rules.is_name_like(wk.words[i].text)
        and key not in lex.adjectives
        and key not in lex.rules.time_words
    )


def _particles(wk: WordKeys, names: list[int], lex: Lexicon) -> int:
    """Return how many name particles (بن, آل, أبو) a name has so far: each lets it run a word
    longer (تميم بن حمد آل ثاني)."""
    return sum(1 for i in names if wk.readings[i][0][1] in lex.rules.name_particles)


def _particle_chain_allows(wk: WordKeys, names: list[int], k: int, lex: Lexicon) -> bool:
    """Say whether word k may go on a name that has particles: once a name runs on by بن/آل
    (متعب بن عبدالله بن عبدالعزيز), only another particle may follow, not a new word."""
    particles = lex.rules.name_particles
    if not any(wk.readings[i][0][1] in particles for i in names):
        return True
    return wk.readings[k][0][1] in particles


def _particle_inside(wk: WordKeys, names: list[int], k: int, lex: Lexicon) -> bool:
    """Say whether word k is a lower-case particle inside a name ("Faisal bin Farhan")."""
    return (
        bool(names)
        and wk.readings[k][0][1] in lex.rules.name_particles
        and k + 1 < len(wk.words)
        and wk.joined[k]
        and lex.rules.is_name_like(wk.words[k + 1].text)
    )


def _after_particle(wk: WordKeys, names: list[int], lex: Lexicon) -> bool:
    return bool(names) and wk.readings[names[-1]][0][1] in lex.rules.name_particles


def _adjective_form(wk: WordKeys, i: int) -> bool:
    """Say whether word i has the shape of an adjective of relation (إرهابية, تحضيري)."""
    return wk.rules.adjective_shape(wk.readings[i][0][1])


def _family_name(wk: WordKeys, i: int, lex: Lexicon) -> bool:
    """Say whether a definite word standing alone after a title is a family name (الرئيس
    السيسي), not a noun with its adjective (الوزير التركي المقبرة التركية)."""
    if wk.rules.feminine(wk.readings[i][0][1]):
        return False  # a feminine noun: المقبرة, المنطقة
    nxt = i + 1
    return not (
        nxt < len(wk.words)
        and wk.joined[i]
        and any(k in lex.adjectives for _, k in wk.readings[nxt])
    )


def _title_continues(wk: WordKeys, i: int, lex: Lexicon, placed: dict[int, LexEntry]) -> bool:
    """Say whether word i goes on a title (الخارجية, الصيني, كوريا الشمالية, الأمير)."""
    rules = lex.rules
    key = wk.readings[i][0][1]
    if key in rules.title_modifiers:
        return True
    if key in rules.title_prepositions and i + 1 < len(wk.words) and _definite(wk, i + 1):
        return True  # الخبير في الشؤون الخليجية, الأستاذ في جامعة
    if key in rules.time_words or key in rules.stop_words:
        return False
    if i in placed and placed[i].type in ("GPE", "LOC", "ORG"):
        return True
    if key in rules.title_heads or key in rules.org_heads:
        return True  # المتحدث باسم وزارة الخارجية: an office inside the title
    if _and_prefixed(wk, i):
        return False  # "and": a second name, not more of this one
    if _is_word(wk, i, rules.title_heads | rules.org_heads) is not None:
        return True
    if any(k in lex.adjectives for _, k in wk.readings[i]):
        return True
    return _definite(wk, i) and not _uncommon_definite(wk, i, lex)


def _org_continues(wk: WordKeys, i: int, lex: Lexicon, placed: dict[int, LexEntry]) -> bool:
    """Say whether word i goes on an organisation's name: any definite word or adjective of
    place, or ل before a definite word (الاتحاد البرتغالي لكرة القدم)."""
    rules = lex.rules
    key = wk.readings[i][0][1]
    if key in rules.time_words or key in rules.stop_words or key in rules.complementizers:
        return False
    if key in rules.ordinals or _is_word(wk, i, rules.title_heads) is not None:
        return False  # المركز الثاني is a rank; رئيس الهيئة المستشار X starts a person
    if i in placed and placed[i].type in ("GPE", "LOC", "ORG"):
        return True
    if _and_prefixed(wk, i):
        return False
    if _definite(wk, i) or any(k in lex.adjectives for _, k in wk.readings[i]):
        return True
    return (
        wk.words[i].text[:1] in rules.preposition_clitics[:1]  # ل (of): لكرة القدم
        and i + 1 < len(wk.words)
        and wk.joined[i]
        and _definite(wk, i + 1)
    )


def _cue_names(
    text: str, wk: WordKeys, lex: Lexicon, covered: set[int]
) -> list[tuple[int, int, str]]:
    """Return (start, end, type) of names that title and organisation cues reveal."""
    rules = lex.rules
    placed = _placed(wk, lex)
    found: list[tuple[int, int, str]] = []
    n = len(wk.words)
    for i in range(n):
        if i in covered:
            continue
        org_cut = _is_word(wk, i, rules.org_heads)
        if org_cut is not None and not rules.heads_a_name(wk.words[i].text):
            continue  # "the bank Goldman Sachs": a common noun before a name, not its head
        nxt_entry = placed.get(i + 1)
        if org_cut is not None and nxt_entry is not None and nxt_entry.type == "ORG":
            continue  # قوات حلف شمال الأطلسي: the forces of a body already known
        if org_cut is not None:
            k = i
            # A proper name right after the head: وكالة تاس, جامعة نيو ساوث; only an
            # indefinite head takes one (المنتخب سيعود is a sentence, not a name).
            definite_head = _definite(wk, i)
            while k + 1 < n and wk.joined[k] and k - i < _MAX_TITLE_WORDS and not definite_head:
                nxt = k + 1
                if _definite(wk, nxt) or nxt in placed:
                    break
                if not _name_word(wk, nxt, lex, covered) or _adjective_form(wk, nxt):
                    break
                k = nxt
            while k + 1 < n and wk.joined[k] and k - i < _MAX_TITLE_WORDS:
                if not _org_continues(wk, k + 1, lex, placed):
                    break
                k += 1
            if k > i and (not definite_head or _names_a_body(wk, i, k, lex, placed)):
                found.append((wk.words[i].start + org_cut, wk.words[k].end, "ORG"))
            continue
        speaker = _speaker_name(wk, i, lex, covered, placed) or _subject_name(
            wk, i, lex, covered, placed
        )
        if speaker is not None:
            found.append(speaker)
            continue
        place = _place_head(wk, i, lex, covered, placed)
        if place is not None:
            found.append(place)
            continue
        if _is_word(wk, i, rules.title_heads | rules.person_cues) is None:
            continue
        aside = _name_in_aside(text, wk, i, lex, covered, placed)
        if aside is not None:
            found.append(aside)
            continue
        j = i
        while (
            j + 1 < n
            and wk.joined[j]
            and j - i < _MAX_TITLE_WORDS
            and _title_continues(wk, j + 1, lex, placed)
        ):
            j += 1
        if (
            j + 2 < n
            and wk.joined[j]
            and wk.joined[j + 1]
            and wk.readings[j + 1][0][1] in rules.place_links
            and rules.subject_first
            and wk.words[j + 2].text[:1].isupper()
        ):
            j += 2  # "Secretary of State": the office after "of" is part of the title
        names: list[int] = []
        k = j + 1
        while (
            k < n
            and len(names) < _MAX_NAME_WORDS + _particles(wk, names, lex)
            and wk.joined[k - 1]
            and (
                _after_particle(wk, names, lex)
                or _particle_inside(wk, names, k, lex)
                or (
                    _name_word(wk, k, lex, covered)
                    and not (names and _prepositional(wk, k))
                    and not (names and _common_after_clitic(wk, k, lex))
                    and not (names and _definite(wk, names[-1]))  # الركراكي ends a name
                    and k not in placed
                    and (names or not _definite(wk, k) or _family_name(wk, k, lex))
                    and _particle_chain_allows(wk, names, k, lex)
                )
            )
        ):
            names.append(k)
            k += 1
        if names:
            found.append((wk.words[names[0]].start, wk.words[names[-1]].end, "PERSON"))
    return found


def _longer_organisations(
    wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> list[tuple[int, int]]:
    """Return organisations that go on past a gazetteer name: مجلس الأمن القومي الأمريكي is
    not مجلس الأمن (the gazetteer's Security Council) but a body of its own, and neither is
    Iran's Supreme National Security Council."""
    placed = _placed(wk, lex)
    out = []
    for m in matches:
        if m.entry.type != "ORG" or m.entry.entity_id is not None:
            continue
        before = _capitalised_before(wk, lex, m.first_word, placed)
        if before < m.first_word:
            out.append((wk.words[before].start, m.end))
            continue
        if _is_word(wk, m.first_word, lex.rules.org_heads) is None:
            continue
        k = m.last_word
        while (
            k + 1 < len(wk.words)
            and wk.joined[k]
            and k + 1 not in placed
            and _org_continues(wk, k + 1, lex, placed)
            and not any(key in lex.adjectives for _, key in wk.readings[k + 1])
        ):
            k += 1
        # Only an adjective of place after the run makes it another body (… القومي الأمريكي).
        if (
            k > m.last_word
            and k + 1 < len(wk.words)
            and wk.joined[k]
            and any(key in lex.adjectives for _, key in wk.readings[k + 1])
        ):
            out.append((m.start, wk.words[k + 1].end))
    return out


def _capitalised_before(wk: WordKeys, lex: Lexicon, first: int, placed: dict[int, LexEntry]) -> int:
    """Return where a name starts that capitalised words before word `first` extend, where
    names put adjectives first ("Supreme National" + "Security Council"); else `first`."""
    rules = lex.rules
    j = first
    while (
        rules.subject_first
        and j > 0
        and wk.joined[j - 1]
        and j - 1 not in placed
        and wk.words[j - 1].text[:1].isupper()
        and wk.readings[j - 1][0][1] not in rules.stop_words
        and wk.readings[j - 1][0][1] not in rules.time_words
        and _is_word(wk, j - 1, rules.title_heads) is None
        and not _sentence_start(wk, j - 1)
    ):
        j -= 1
    return j


def _sentence_start(wk: WordKeys, i: int) -> bool:
    """Say whether word i opens a sentence (a capital there says nothing about a name)."""
    return i == 0 or not wk.joined[i - 1]


def _names_a_body(
    wk: WordKeys, head: int, last: int, lex: Lexicon, placed: dict[int, LexEntry]
) -> bool:
    """Say whether a definite head and what follows it name one body (المنتخب المغربي, المحكمة
    الجنائية الدولية), not a described one (الوزارة المستقبلية, المعهد النسائي): a place, an
    adjective of place, or at least two words after the head."""
    rest = range(head + 1, last + 1)
    return (
        last - head >= 2
        or any(i in placed for i in rest)
        or any(k in lex.adjectives for i in rest for _, k in wk.readings[i])
    )


def _place_head(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> tuple[int, int, str] | None:
    """Return a place that a head word names: منطقة الخليج, ولاية غازي عنتاب, مدينة تيارت."""
    rules = lex.rules
    head = next((rules.place_heads[k] for _, k in wk.readings[i] if k in rules.place_heads), None)
    if head is None or i + 1 >= len(wk.words) or not wk.joined[i]:
        return None
    cut = next(c for c, key in wk.readings[i] if key in rules.place_heads)
    nxt = i + 1
    if nxt in placed and placed[nxt].type in ("GPE", "LOC"):
        last = nxt
        while last + 1 < len(wk.words) and placed.get(last + 1) is placed[nxt]:
            last += 1
        return wk.words[i].start + cut, wk.words[last].end, head
    linked = (
        wk.readings[nxt][0][1] in rules.place_links and nxt + 1 < len(wk.words) and wk.joined[nxt]
    )
    if linked:
        nxt += 1  # "the village of Moulay Brahim": the name alone is the place
    first = wk.readings[nxt][0][1]
    if first.endswith(wk.rules.pronoun_suffixes) and wk.rules.pronoun_suffixes:
        return None  # ولاية رئاسية, ولاية مدتها: a term of office, not a state
    names: list[int] = []
    j = nxt
    if (
        not rules.subject_first
        and not _name_word(wk, j, lex, covered)
        and j + 1 < len(wk.words)
        and wk.joined[j]
        and not _definite(wk, j)
        and wk.readings[j][0][1] not in rules.stop_words
        and _name_word(wk, j + 1, lex, covered)
        and j + 1 not in placed
    ):
        names.append(j)  # قرية مولاي إبراهيم: a common word may open a place's name
        j += 1
    while j < len(wk.words) and len(names) < 3 and _name_word(wk, j, lex, covered):
        names.append(j)
        if not wk.joined[j]:
            break
        j += 1
    if not names:
        return None
    if linked:
        return wk.words[names[0]].start, wk.words[names[-1]].end, head
    return wk.words[i].start + cut, wk.words[names[-1]].end, head


def _speaker_name(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> tuple[int, int, str] | None:
    """Return the name right after a masculine reporting verb (وقال كوروليف إن), if one is there.

    Only a short run of uncommon words that ends where the speech begins counts; a feminine
    verb (قالت) is as often an organisation's or a country's, so it is left to the model.
    """
    rules = lex.rules
    cut = _is_word(wk, i, rules.reporting_verbs)
    if cut is None or wk.readings[i][0][1].endswith("ت"):
        return None
    names: list[int] = []
    k = i + 1
    while (
        k < len(wk.words)
        and len(names) < 3
        and wk.joined[k - 1]
        and k not in placed
        and _name_word(wk, k, lex, covered)
    ):
        names.append(k)
        k += 1
    if not names:
        return None
    ends_speech = (
        not wk.joined[names[-1]]
        or k >= len(wk.words)
        or _is_word(wk, k, rules.complementizers) is not None
    )
    if not ends_speech:
        return None
    return wk.words[names[0]].start, wk.words[names[-1]].end, "PERSON"


def _name_in_aside(
    text: str,
    wk: WordKeys,
    i: int,
    lex: Lexicon,
    covered: set[int],
    placed: dict[int, LexEntry],
) -> tuple[int, int, str] | None:
    """Return the name that a title names between commas: "The United Nations envoy to Sudan,
    Volker Perthes, told …" (where names are capitalised)."""
    rules = lex.rules
    if not rules.subject_first:
        return None
    comma = next((j for j in range(i, min(i + 6, len(wk.words) - 1)) if not wk.joined[j]), None)
    if comma is None or "," not in _gap(text, wk, comma):
        return None
    names: list[int] = []
    k = comma + 1
    while (
        k < len(wk.words)
        and len(names) < 4
        and k not in placed
        and (_name_word(wk, k, lex, covered) or _particle_inside(wk, names, k, lex))
    ):
        names.append(k)
        if not wk.joined[k]:
            break
        k += 1
    if len(names) < 2 or "," not in _gap(text, wk, names[-1]):
        return None
    return wk.words[names[0]].start, wk.words[names[-1]].end, "PERSON"


def _gap(text: str, wk: WordKeys, i: int) -> str:
    """Return what stands between word i and the next."""
    return text[wk.words[i].end : wk.words[i + 1].start] if i + 1 < len(wk.words) else ""


def _subject_name(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> tuple[int, int, str] | None:
    """Return the name written right before a reporting verb where the subject comes first
    ("Ivo Geijsen said"): two or three capitalised words that nothing else has claimed."""
    rules = lex.rules
    if not rules.subject_first or _is_word(wk, i, rules.reporting_verbs) is None:
        return None
    names: list[int] = []
    k = i - 1
    while (
        k >= 0
        and len(names) < 3
        and wk.joined[k]
        and k not in placed
        and (_name_word(wk, k, lex, covered) or _particle_inside(wk, [k + 1], k, lex))
    ):
        names.insert(0, k)
        k -= 1
    if names and k >= 0 and wk.readings[k][0][1] in rules.place_links:
        names = names[1:]  # "Secretary of State Antony Blinken": State goes with "of"
    words_ = [wk.readings[n][0][1] for n in names]
    if len(names) < 2 or words_[0] in rules.name_particles:
        return None
    if any(w in rules.org_heads or w in rules.stop_words for w in words_):
        return None
    return wk.words[names[0]].start, wk.words[names[-1]].end, "PERSON"


def _prepositional(wk: WordKeys, i: int) -> bool:
    """Say whether word i opens a new phrase rather than going on a name (لإجراء, وكوريا)."""
    rules = wk.rules
    word = wk.words[i].text
    if word[:1] in rules.conjunction_clitics and len(wk.readings[i]) > 1:
        return True
    # ل ب ك before the article or a hamza: لإجراء, بالدخول (but not لافروف).
    return word[:1] in rules.preposition_clitics and (
        word[1:2] in ("إ", "أ", "آ") or word[1:].startswith(rules.article or "\0")
    )


def _placed(wk: WordKeys, lex: Lexicon) -> dict[int, LexEntry]:
    return {
        i: m.entry for m in match_phrases(wk, lex) for i in range(m.first_word, m.last_word + 1)
    }


def _model_name(
    text: str,
    wk: WordKeys,
    lex: Lexicon,
    span: ModelSpan,
    covered: set[int],
    counts: Counter[str],
) -> tuple[str, str] | None:
    """Return (name, type) of a model span with its clitics off, or None to drop it."""
    rules = lex.rules
    idx = list(wk.touching(span.start, span.end))
    if not idx or any(i in covered for i in idx):
        return None
    if _MODEL_TYPES.get(span.label) == "PERSON":
        # A person's name has no common words at its ends (علاقات حسن الجوار is no one) and
        # no preposition inside (الفخري لنادي الفروسية بمبلغ is a phrase, not a name).
        for n, i in enumerate(idx[1:], 1):
            if _common_after_clitic(wk, i, lex):
                idx = idx[:n]
                break
        while idx and (
            not rules.is_name_like(wk.words[idx[0]].text)
            or _never_in_name(wk, wk.words[idx[0]].text)
            or wk.readings[idx[0]][0][1] in rules.stop_words  # "Mr Kennedy"
            or (len(idx) > 1 and wk.readings[idx[0]][0][1] in rules.title_heads)  # "Prince X"
        ):
            idx = idx[1:]
        while idx and not rules.is_name_like(wk.words[idx[-1]].text):
            idx = idx[:-1]
        if not idx or (len(idx) > 1 and _definite(wk, idx[0])):
            return None

    while idx and _never_in_name(wk, wk.words[idx[-1]].text):
        idx = idx[:-1]  # ريال سنوياً: an adverb is no part of a name
    while len(idx) > 1 and not rules.heads_a_name(wk.words[idx[0]].text):
        idx = idx[1:]  # "bank Goldman Sachs": the common noun is no part of the name
    if len(idx) > 2 and rules.subject_first and _office_after_of(wk, idx[0], rules):
        idx = idx[1:]  # "(Secretary of) State Antony Blinken": the office is no name
    if not idx:
        return None
    keys = [wk.readings[i][0][1] for i in idx]
    if all(k in rules.stop_words or k in rules.time_words for k in keys):
        return None
    if not any(c.isalpha() for k in keys for c in k):
        return None  # "6.8": a number is no name
    if len(idx) == 1 and not _model_word_ok(wk, idx[0], lex, counts):
        return None
    cut = _clitic_cut(wk, idx[0], lex, counts)
    start = wk.words[idx[0]].start + cut
    name = text[start : wk.words[idx[-1]].end]
    if len(keys) > 1 and keys[-1] in rules.org_heads and rules.heads_a_name(name.split()[-1]):
        return name, "ORG"  # "Simon Wiesenthal Center", "Deutsche Bank Securities"
    if span.label in _MODEL_TYPES:
        return name, _MODEL_TYPES[span.label]
    if span.label in _PLACE_LABELS:
        if rules.key(name) in lex.adjectives or all(rules.adjective_shape(k) for k in keys):
            return None  # "North Korean", "Scottish": an adjective, not a place
        return name, "GPE" if span.label != "LOC" else "LOC"
    return None


def _never_in_name(wk: WordKeys, word: str) -> bool:
    """Say whether a word has a shape no name has: tanween (سنوياً) or a possessive (إدارته)."""
    return wk.rules.never_in_name(word)


def _common_after_clitic(wk: WordKeys, i: int, lex: Lexicon) -> bool:
    """Say whether word i is a preposition glued to a common word (لنادي, بمبلغ)."""
    word = wk.words[i].text
    if word[:1] not in lex.rules.preposition_clitics:
        return False
    return any(cut and not lex.rules.is_name_like(word[cut:]) for cut, _ in wk.readings[i][1:])


def _model_word_ok(wk: WordKeys, i: int, lex: Lexicon, counts: Counter[str]) -> bool:
    """Say whether a one-word span of the model may stand: the model trips on verbs and
    adjectives written once (سيعزز, وحضر, تحضيري), so the word must look like a name and stand
    in the article more than once."""
    rules = lex.rules
    key = wk.readings[i][0][1]
    if key in rules.title_heads or key in rules.org_heads or len(key) < 3:
        return False
    if not rules.is_name_like(wk.words[i].text) or key in rules.event_triggers:
        return False
    if any(k in lex.adjectives for _, k in wk.readings[i]):
        return False
    if sum(counts[k] for _, k in wk.readings[i]) > 1:
        return True
    # Written once: only a word with no clitic reading and no verb prefix of the future (س).
    return len(wk.readings[i]) == 1 and not key.startswith(("سي", "ست", "سن"))


def _clitic_cut(wk: WordKeys, i: int, lex: Lexicon, counts: Counter[str]) -> int:
    """Return how many letters of word i are clitics, judged by the lexicon and the article.

    A reading that the lexicon knows wins; then one that the article writes alone more often
    than the whole word; otherwise و and ف come off a long word, and ب ل ك only before ال.
    """
    readings = wk.readings[i]
    whole = readings[0][1]
    for cut, key in readings:
        if key in lex.phrases:
            return cut
    best_cut, best = 0, counts[whole]
    for cut, key in readings[1:]:
        if counts[key] > best:
            best_cut, best = cut, counts[key]
    if best_cut or best > 1:
        return best_cut
    for cut, key in readings[1:]:
        clitic = wk.words[i].text[:cut]
        if clitic in lex.rules.conjunction_clitics and len(key) >= 4:
            return cut
        if lex.rules.definite(key):
            return cut
    return 0


def _titles(
    text: str, wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> tuple[TitleCue, ...]:
    """Return the titles written right before a person's name (وزير الخارجية الصيني وانغ يي)."""
    rules = lex.rules
    placed = {i: m.entry for m in matches for i in range(m.first_word, m.last_word + 1)}
    out = []
    for m in matches:
        if m.entry.type != "PERSON" or m.first_word == 0:
            continue
        head: tuple[int, int] | None = None
        leftmost: tuple[int, int] | None = None
        j = m.first_word - 1
        while j >= 0 and wk.joined[j] and m.first_word - j <= _MAX_TITLE_WORDS:
            if placed.get(j) is not None and placed[j].type == "PERSON":
                break
            cut = _is_word(wk, j, rules.title_heads)
            if cut is not None:
                head = (j, cut)
            elif not (
                _title_continues(wk, j, lex, placed)
                # "US National Security Advisor": capitalised words before the head word, and
                # the lower-case ones of "national security spokesman".
                or (
                    head is not None
                    and rules.subject_first
                    and (
                        wk.words[j].text[:1].isupper()
                        or wk.readings[j][0][1] in rules.title_words
                        or _possessive(text, wk, j)
                    )
                )
                # "Secretary of State": a capitalised office after the head word's "of".
                or (
                    head is None
                    and rules.subject_first
                    and j > 0
                    and _office_after_of(wk, j, rules)
                )
            ):
                break
            leftmost = (j, cut or 0)
            j -= 1
        if head is None or leftmost is None:
            continue
        # Where adjectives come first ("French Foreign Minister"), the title starts before its
        # head word; in Arabic the head leads (وزير الخارجية الفرنسي).
        first = leftmost if rules.subject_first else head
        start = wk.words[first[0]].start + first[1]
        end = wk.words[m.first_word - 1].end
        out.append(TitleCue(start, end, text[start:end], m.entry.key, m.end))
    return tuple(out)


_MAX_APPOSITION_WORDS = 8


def _appositions(
    text: str, wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> tuple[TitleCue, ...]:
    """Return titles written after a name, between commas, where a language does so: "Ahmet
    Yener, head of the Supreme Election Council, told reporters"."""
    rules = lex.rules
    if not rules.subject_first:
        return ()
    out = []
    for m in matches:
        if m.entry.type != "PERSON" or m.last_word + 2 >= len(wk.words):
            continue
        if text[m.end : wk.words[m.last_word + 1].start].strip() != ",":
            continue
        first = m.last_word + 1
        if wk.readings[first][0][1] == "the":
            first += 1
        # "the Saudi foreign minister": a demonym and lower-case title words before the head.
        head = first
        while (
            head < len(wk.words)
            and head - first < 3
            and _is_word(wk, head, rules.title_heads) is None
            and (
                wk.readings[head][0][1] in rules.title_words
                or any(k in lex.adjectives for _, k in wk.readings[head])
                or (wk.words[head].text[:1].isupper() and head + 1 < len(wk.words))
                or _possessive(text, wk, head)
            )
        ):
            head += 1
        if head >= len(wk.words) or _is_word(wk, head, rules.title_heads) is None:
            continue
        last = first
        while (
            last + 1 < len(wk.words)
            and last - first < _MAX_APPOSITION_WORDS
            and not re.search(r"[,.;:()]", text[wk.words[last].end : wk.words[last + 1].start])
        ):
            last += 1
        start, end = wk.words[first].start, wk.words[last].end
        out.append(TitleCue(start, end, text[start:end], m.entry.key, end, m.start))
    return tuple(out)


def _office_after_of(wk: WordKeys, j: int, rules: LanguageRules) -> bool:
    """Say whether word j is "of" or the office after it in "Secretary of State"."""
    if wk.readings[j][0][1] in rules.place_links:
        return _is_word(wk, j - 1, rules.title_heads) is not None
    return (
        j > 1
        and wk.words[j].text[:1].isupper()
        and wk.readings[j - 1][0][1] in rules.place_links
        and _is_word(wk, j - 2, rules.title_heads) is not None
    )


def _possessive(text: str, wk: WordKeys, i: int) -> bool:
    """Say whether word i is the s of a possessive ("China's"), written after an apostrophe."""
    return (
        i > 0
        and wk.words[i].text in ("s", "S")
        and text[wk.words[i - 1].end : wk.words[i].start] in ("'", "’")
    )


def _group(matches: Sequence[Match], text: str) -> tuple[Entity, ...]:
    """Return one Entity per lexicon entry, in order of first mention."""
    grouped: dict[str, list[Match]] = {}
    for m in matches:
        grouped.setdefault(m.entry.key, []).append(m)
    out = []
    for key, ms in grouped.items():
        entry = ms[0].entry
        name = entry.name
        if entry.entity_id is None and key.startswith("txt:"):
            name = max((text[m.start : m.end] for m in ms), key=len)
        out.append(
            Entity(
                key=key,
                entity_id=entry.entity_id,
                name=name,
                type=entry.type,
                mentions=tuple(Mention(m.start, m.end, text[m.start : m.end]) for m in ms),
            )
        )
    return tuple(out)
