"""Who: people, organisations and places, from the lexicon, cue words and the NER model.

Passes, each on what the earlier ones left:
1. the lexicon (fact table aliases, then the gazetteer), clitics taken off the first word;
2. cue words: a title (الرئيس الفرنسي, "Foreign Minister") before a name makes a PERSON,
   an organisation head (وزارة, "Ministry of") starts an ORG;
3. the NER model's spans, their clitics taken off;
then every name found is looked for again everywhere (a surname alone is the same person).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.analysis.entities.cues import cue_names, longer_organisations
from briefing.analysis.entities.model import affiliation, model_name, person_after_body
from briefing.analysis.entities.quoted import quoted_names
from briefing.analysis.entities.records import EntityFindings, ModelSpan, TitleCue
from briefing.analysis.entities.shapes import is_word
from briefing.analysis.lexicon import LexEntry, Lexicon, Match, match_phrases
from briefing.analysis.words import WordKeys
from briefing.models import Entity, Mention

if TYPE_CHECKING:
    from briefing.languages.base import Language, LanguageRules


_FOUND = 1


def find_entities(
    text: str,
    wk: WordKeys,
    language: Language,
    lexicon: Lexicon,
    model_spans: Sequence[ModelSpan],
    blocked_words: set[int],
) -> EntityFindings:
    """Return every entity of the body with its mentions grouped, and the title cues.

    The language's `speaker_names` find names next to reporting verbs, and its `titles` the
    titles written next to names, each in the language's order.
    """
    doc_lex = lexicon.copy()
    first = match_phrases(wk, doc_lex, blocked_words)
    covered = {i for m in first for i in range(m.first_word, m.last_word + 1)} | blocked_words
    blocked_words = blocked_words | _quoted(text, wk, doc_lex, covered)
    covered |= blocked_words
    for start, end, etype in cue_names(text, wk, doc_lex, covered, language.speaker_names):
        _learn(text[start:end], etype, doc_lex)
    for start, end in longer_organisations(wk, doc_lex, first):
        _learn(text[start:end], "ORG", doc_lex)
    for name in _named_of(text, wk, language.rules, first):
        _learn(name, "LOC", doc_lex)
    counts = Counter(r[0][1] for r in wk.readings)
    for span in model_spans:
        person = person_after_body(text, wk, doc_lex, span)
        if person is not None:
            _learn(person, "PERSON", doc_lex)
            start = text.find(person, span.start, span.end)
            span = ModelSpan(span.start, text.rfind(" ", span.start, start), span.label)
        body = affiliation(text, wk, doc_lex, span)
        if body is not None:
            _learn(body, "ORG", doc_lex)
        found = model_name(text, wk, doc_lex, span, covered, counts)
        if found is not None:
            _learn(found[0], found[1], doc_lex)
    blocked_words = blocked_words - _named_by_time_word(wk, doc_lex, blocked_words)
    matches = [m for m in match_phrases(wk, doc_lex, blocked_words) if not _nisba(wk, doc_lex, m)]
    matches = _listed_with_a_body(text, wk, language.rules, matches)
    taken = frozenset(m.first_word for m in matches)
    matches = [_with_lineage(wk, language.rules, m, taken) for m in matches]
    titles = _joined_titles(
        text, [t for finder in language.titles for t in finder(text, wk, doc_lex, matches)]
    )
    references = _role_references(wk, doc_lex, matches, titles)
    return EntityFindings(_group(matches, text), tuple(matches), titles, references)


def _named_of(text: str, wk: WordKeys, rules: LanguageRules, first: Sequence[Match]) -> list[str]:
    """Return the places a known place's head names with "of" and a capitalised name after it:
    "the Gulf" known, "Gulf of Suez" written (the Bay of Biscay, the Isle of Man)."""
    found = []
    for m in first:
        head, link = m.last_word, m.last_word + 1
        if m.entry.type not in ("GPE", "LOC") or not rules.has_case or link + 1 >= len(wk.words):
            continue
        word = wk.words[head].text
        if not word[:1].isupper() or wk.readings[head][0][1] not in rules.place_heads:
            continue
        if wk.readings[link][0][1] not in rules.place_links or not wk.joined[head]:
            continue
        last = link
        while (
            last + 1 < len(wk.words) and wk.joined[last] and wk.words[last + 1].text[:1].isupper()
        ):
            last += 1
        if last > link:  # from the known place's start, so that its "the" goes with it
            found.append(text[m.start : wk.words[last].end])
    return found


def _with_lineage(wk: WordKeys, rules: LanguageRules, m: Match, taken: frozenset[int]) -> Match:
    """Return a person's mention with the lineage written after the name the table or the
    model knows: "فيصل بن خالد" known, "فيصل بن خالد بن عبدالعزيز" written. `taken`: the
    first words of every mention, which no lineage runs into."""
    if m.entry.type != "PERSON":
        return m
    last = m.last_word
    while (
        last + 2 < len(wk.words)
        and wk.readings[last + 1][0][1] in rules.name_particles
        and last + 1 not in taken
        and last + 2 not in taken
        and rules.is_name_like(wk.words[last + 2].text)
        and wk.words[last + 1].start - wk.words[last].end <= 1
    ):
        last += 2
    if last == m.last_word:
        return m
    return replace(m, end=wk.words[last].end, last_word=last)


def _listed_with_a_body(
    text: str, wk: WordKeys, rules: LanguageRules, matches: list[Match]
) -> list[Match]:
    """Return the matches with a place listed after a club typed as a club too, in a list
    that a team noun opens: الفرق الكبرى مثل ريال مدريد وبرشلونة, "clubs such as Real Madrid,
    Barcelona and Valencia" (not "the UN and France")."""
    out = list(matches)
    for n in range(1, len(out)):
        before, m = out[n - 1], out[n]
        if before.entry.type != "ORG" or m.entry.type not in ("GPE", "LOC"):
            continue
        if not _listed_next(text, wk, rules, before.last_word, m.first_word):
            continue
        opened = _list_start(text, wk, rules, out, n - 1)
        team = range(max(0, opened - 6), opened)
        if not any(wk.readings[j][0][1] in rules.team_nouns for j in team):
            continue
        entry = replace(m.entry, key=f"{m.entry.key}:body", type="ORG")
        out[n] = replace(m, entry=entry)
    return out


def _list_start(text: str, wk: WordKeys, rules: LanguageRules, matches: list[Match], n: int) -> int:
    """Return the first word of the list that match n belongs to."""
    while n > 0 and _listed_next(text, wk, rules, matches[n - 1].last_word, matches[n].first_word):
        n -= 1
    return matches[n].first_word


def _listed_next(text: str, wk: WordKeys, rules: LanguageRules, last: int, first: int) -> bool:
    """Say whether the name at word `first` is the next in a list after the one ending at word
    `last`: وبرشلونة (و on the name), ", Barcelona" or "and Barcelona"."""
    if first == last + 1:
        between = text[wk.words[last].end : wk.words[first].start].strip()
        return (wk.joined[last] and rules.joined_by_and(wk.words[first].text)) or (
            between == "," and rules.has_case  # "Real Madrid, Barcelona"
        )
    return first == last + 2 and wk.joined[last] and rules.joined_by_and(wk.words[last + 1].text)


def _joined_titles(text: str, titles: list[TitleCue]) -> tuple[TitleCue, ...]:
    """Return the titles, one claim for a name with a title on each side and no mark between
    (المستشار X رئيس محكمة …): the claim runs from the title before to the end of the one after.
    A title after a comma stays a claim of its own ("Prince X, the foreign minister")."""
    before = [t for t in titles if t.claim_start is None]
    merged: dict[int, TitleCue] = {}
    used: set[int] = set()
    for n, t in enumerate(titles):
        if t.claim_start is None:
            continue
        start = t.claim_start
        first = next(
            (b for b in before if b.person_key == t.person_key and b.end <= start < b.name_end),
            None,
        )
        if (
            first is not None
            and first.name_end <= t.start
            and not text[first.name_end : t.start].strip()
        ):
            used.add(id(first))
            merged[n] = replace(t, claim_start=first.start)
    return tuple(merged.get(n, t) for n, t in enumerate(titles) if id(t) not in used)


def _quoted(text: str, wk: WordKeys, lex: Lexicon, covered: set[int]) -> set[int]:
    """Learn the organisations named in quotes after a naming noun (سهم «سابك»); return the
    words of the works and products so named (ثغرة «X», "the film 'X'"), which no pass types."""
    works: set[int] = set()
    for start, end, etype in quoted_names(text, wk):
        idx = wk.within(start, end)
        if etype == "WORK":
            works.update(idx)  # فيلم «ليلة في القاهرة»: no place, even a known one
        elif not any(i in covered for i in idx):
            _learn(" ".join(wk.words[i].text for i in idx), etype, lex)  # بي.سي: two words
    return works


def _nisba(wk: WordKeys, lex: Lexicon, m: Match) -> bool:
    """Say whether a one-word place is the adjective of a definite noun before it (الأسهم
    السعودية, "the Saudi shares"): the country's name and its feminine adjective are one
    word, and after a definite noun it is the adjective."""
    i = m.first_word
    if m.last_word != i or i == 0 or not wk.joined[i - 1] or m.entry.type != "GPE":
        return False
    if wk.readings[i][0][1] not in lex.adjectives or m.start != wk.words[i].start:
        return False  # وللسعودية: a clitic makes it the country
    rules = lex.rules
    before = wk.readings[i - 1][0][1]
    bare = [before[: -len(p)] for p in rules.pronoun_suffixes if before.endswith(p)]
    if before in rules.stop_words or any(b in rules.stop_words for b in bare):
        return False  # إليه السعودية: a preposition with its pronoun, no noun
    return rules.definite(before) and before not in lex.phrases


def _role_references(
    wk: WordKeys, lex: Lexicon, matches: Sequence[Match], titles: Sequence[TitleCue]
) -> tuple[tuple[int, int, str], ...]:
    """Return the bare titles that refer back to one person (الوزير, "the minister"): only
    where exactly one person named in the article holds that title in the fact table."""
    if not lex.role_nouns:
        return ()
    named = {m.entry.key for m in matches if m.entry.type == "PERSON"}
    inside_titles = {i for t in titles for i in wk.touching(t.start, t.name_end)}
    out = []
    for i, w in enumerate(wk.words):
        if i in inside_titles:
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
            and (rules.is_name_like(part) or (part is last and key in rules.time_words))
            and key not in rules.title_heads
            and key not in rules.name_particles
        ):
            lex.add(part, entry)  # a family name that is a time word (الخميس): see below


def _named_by_time_word(wk: WordKeys, lex: Lexicon, blocked: set[int]) -> set[int]:
    """Return the words read as a time expression of one word that are a person's family name
    standing as the subject of a verb of saying: after وأضاف محمد الخميس, «وأضاف الخميس أن» is
    the man, not Thursday; so is the end of his whole name. Anywhere else the word is the day."""
    rules = lex.rules
    verbs = rules.reporting_verbs | rules.content_verbs | rules.factual_verbs
    out = set()
    for i in blocked:
        if i == 0 or i - 1 in blocked or i + 1 in blocked or not wk.joined[i - 1]:
            continue
        whole = lex.entry_for(f"{wk.words[i - 1].text} {wk.words[i].text}")
        if whole is not None and whole.type == "PERSON":
            out.add(i)  # محمد الخميس: the end of the whole name
            continue
        entry = lex.entry_for(wk.words[i].text)
        if entry is None or entry.type != "PERSON" or " " not in entry.name:
            continue
        if is_word(wk, i - 1, verbs) is not None:
            out.add(i)
    return out


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
