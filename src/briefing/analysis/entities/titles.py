"""Titles written next to a person's name: before it (وزير الخارجية الصيني وانغ يي, "French
Foreign Minister X"), or after it between commas ("X, head of the council, told")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from briefing.analysis.entities.records import TitleCue
from briefing.analysis.entities.shapes import (
    appointed_title,
    definite,
    is_word,
    office_after_of,
    possessive,
    title_continues,
)
from briefing.analysis.lexicon import LexEntry, Lexicon, Match
from briefing.analysis.words import WordKeys

if TYPE_CHECKING:
    pass


_MAX_APPOSITION_WORDS = 12
_MARK = re.compile(r"[,.;:()]")  # ends a title written after a name


# A way a language writes a title next to a person's name: the title cues it finds among the
# body's names. A Language lists its ways in `titles`.
TitleFinder = Callable[[str, WordKeys, Lexicon, Sequence[Match]], "tuple[TitleCue, ...]"]


# A title runs at most this far before a name: an organisation's name inside it counts as one
# word (المتحدث الرسمي باسم مركز … للإغاثة والأعمال الإنسانية X).
_MAX_TITLE_UNITS = 10


def titles_before_names(
    text: str, wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> tuple[TitleCue, ...]:
    """Return the titles written right before a person's name (وزير الخارجية الصيني وانغ يي,
    المتحدث باسم مركز الملك سلمان X, "Tory shadow home secretary X")."""
    placed = {i: m.entry for m in matches for i in range(m.first_word, m.last_word + 1)}
    bodies = _bodies(matches)
    out = []
    for m in matches:
        if m.entry.type != "PERSON" or m.first_word == 0:
            continue
        found = _title_before(text, wk, lex, placed, bodies, m.first_word, _aside(text, wk, m))
        if found is None:
            continue
        start = found
        end = wk.words[m.first_word - 1].end
        out.append(
            TitleCue(start, end, text[start:end], m.entry.key, _of_body(wk, lex, m, matches))
        )
    return tuple(out)


def _of_body(wk: WordKeys, lex: Lexicon, m: Match, matches: Sequence[Match]) -> int:
    """Return where a role claim ends: after the name, or after the body the name is "of"
    ("energy analyst Peter Lang of Barclays Capital"), which says whose analyst."""
    link = m.last_word + 1
    if link + 1 >= len(wk.words) or not wk.joined[m.last_word] or not wk.joined[link]:
        return m.end
    if wk.readings[link][0][1] not in lex.rules.place_links or not lex.rules.has_case:
        return m.end
    body = next((b for b in matches if b.first_word == link + 1), None)
    return body.end if body is not None and body.entry.type in ("ORG", "GPE") else m.end


def _aside(text: str, wk: WordKeys, m: Match) -> bool:
    """Say whether a name stands between two commas after the words before it: "Hollywood's
    honorary mayor, Johnny Grant, unveiled", الأمين العام، أنطونيو غوتيريش، قال."""
    if m.first_word == 0 or m.last_word + 1 >= len(wk.words):
        return False
    before = text[wk.words[m.first_word - 1].end : wk.words[m.first_word].start].strip()
    after = text[wk.words[m.last_word].end : wk.words[m.last_word + 1].start].strip()
    return before in (",", "،") and after[:1] in (",", "،")


def _named_from(wk: WordKeys, lex: Lexicon, m: Match) -> int:
    """Return where a role claim with its title after the name starts: at the honorific before
    the name, if one is written ("Dr Alastair Brydon, author of …"), else at the name."""
    j = m.first_word - 1
    cut = is_word(wk, j, lex.rules.honorifics) if j >= 0 and wk.joined[j] else None
    return m.start if cut is None else wk.words[j].start + cut  # والمهندس: from المهندس


def _bodies(matches: Sequence[Match]) -> dict[int, int]:
    """Return, for each word of a named organisation or place, the first word of its name."""
    return {
        i: m.first_word
        for m in matches
        if m.entry.type in ("ORG", "GPE", "LOC")
        for i in range(m.first_word, m.last_word + 1)
    }


def _title_before(
    text: str,
    wk: WordKeys,
    lex: Lexicon,
    placed: dict[int, LexEntry],
    bodies: dict[int, int],
    name: int,
    aside: bool = False,
) -> int | None:
    """Return where the title before the name at word `name` starts, or None; with `aside`,
    across the comma that opens a name set between commas ("honorary mayor, Johnny Grant,").

    The walk goes left over the words a title is made of. A title word inside an
    organisation's name (مركز الملك سلمان) heads no title: the name is one step of the walk.
    """
    rules = lex.rules
    # A name that opens with its title (الملك سلمان) may have more of it before (خادم
    # الحرمين الشريفين الملك سلمان): the title is what is written before the name.
    opening = is_word(wk, name, rules.title_heads)
    head = None if opening is None else (name, opening)
    leftmost: tuple[int, int] | None = None
    j, units, pending = name - 1, 0, 0
    bodies, linked = _steps(text, wk, bodies, name, aside)
    while j >= 0 and (wk.joined[j] or j in linked) and units < _MAX_TITLE_UNITS:
        units += 1
        if j in bodies:
            leftmost, pending = (bodies[j], 0), 0
            j = bodies[j] - 1
            continue
        if placed.get(j) is not None and placed[j].type == "PERSON":
            break
        cut = _head(wk, j, lex)
        if cut is None and is_word(wk, j, rules.honorifics) is None:
            if not _goes_on(text, wk, j, lex, placed, head is not None):
                # An uncommon definite word (الحرمين الشريفين), or a noun that one governs
                # (كرة السلة), goes on the title only if a head or a word of address stands
                # before it.
                if pending >= 2 or not (definite(wk, j) or definite(wk, j + 1)):
                    break
                pending += 1
                j -= 1
                continue
        elif cut is not None:
            head = (j, cut)
        leftmost, pending = (j, cut or 0), 0
        j -= 1
    if head is None or leftmost is None:
        return None
    # Where adjectives come first ("French Foreign Minister"), the title starts before its
    # head word; in Arabic the head leads (وزير الخارجية الفرنسي), and a word of address
    # before it opens it (صاحب السمو الملكي الأمير, خادم الحرمين الشريفين الملك).
    first = leftmost if rules.modifiers_first else head
    if is_word(wk, leftmost[0], rules.honorifics) is not None:
        first = min(first, leftmost)
    if first[0] == name:
        return None  # nothing but the name's own title
    return wk.words[first[0]].start + first[1]


def _steps(
    text: str, wk: WordKeys, bodies: dict[int, int], name: int, aside: bool
) -> tuple[dict[int, int], set[int]]:
    """Return the bodies a walk from word `name` steps over, with a body's short form after its
    name («سياحة») as a step of the body's, and the gaps it crosses though not joined: around
    such a short form, and the comma before a name set between commas."""
    near = range(max(1, name - 3 * _MAX_TITLE_UNITS), name)  # as far as a title reaches
    shorts = {k: bodies[k - 1] for k in near if k - 1 in bodies and _bracketed(text, wk, k)}
    linked = {*shorts, *(k - 1 for k in shorts)} | ({name - 1} if aside else set())
    return {**bodies, **shorts}, linked


def _bracketed(text: str, wk: WordKeys, j: int) -> bool:
    """Say whether word j stands alone in brackets or guillemets, as a body's short form does
    after its name: «سياحة», (WHO)."""
    if j < 1 or j + 1 >= len(wk.words):
        return False
    before = text[wk.words[j - 1].end : wk.words[j].start].strip()
    after = text[wk.words[j].end : wk.words[j + 1].start].strip()
    return (before, after) in (("«", "»"), ("(", ")"), ("“", "”"), ('"', '"'))


def _head(wk: WordKeys, j: int, lex: Lexicon) -> int | None:
    """Return the clitic cut of word j if it heads a title: a title word that no organisation
    head before it makes part of a name (مركز الملك), written with its owner or without
    (مدافعه, مدافع)."""
    rules = lex.rules
    cut = is_word(wk, j, rules.title_heads)
    if cut is None:
        key = wk.readings[j][-1][1]
        owned = any(
            key.endswith(s) and key[: -len(s)] in rules.title_heads for s in rules.pronoun_suffixes
        )
        cut = wk.readings[j][-1][0] if owned else None
    if (
        cut is not None
        and j > 0
        and wk.joined[j - 1]
        and not rules.modifiers_first
        and is_word(wk, j - 1, rules.org_heads) is not None
    ):
        return None  # مركز الملك سلمان, جامعة الملك سعود: a name, not a title
    return cut


def _goes_on(
    text: str, wk: WordKeys, j: int, lex: Lexicon, placed: dict[int, LexEntry], headed: bool
) -> bool:
    """Say whether word j, left of what the walk has taken, is part of the title."""
    rules = lex.rules
    return (
        title_continues(wk, j, lex, placed)
        # "US National Security Advisor": capitalised words before the head word, and
        # the lower-case ones of "national security spokesman", "shadow home secretary".
        or (
            headed
            and rules.modifiers_first
            and (
                wk.words[j].text[:1].isupper()
                or wk.readings[j][0][1] in rules.title_words
                or wk.readings[j][0][1] in rules.role_qualifiers
                or possessive(text, wk, j)
                or _year(wk, j)
            )
        )
        # "Secretary of State": a capitalised office after the head word's "of".
        or (not headed and rules.has_case and j > 0 and office_after_of(wk, j, rules))
        or (headed and rules.modifiers_first and _noun_modifier(text, wk, j, lex))
    )


def _noun_modifier(text: str, wk: WordKeys, j: int, lex: Lexicon) -> bool:
    """Say whether a lower-case word before a title's head qualifies it as a noun does ("race
    director", "ISM survey chairman"): a plain word with a verb of saying, a preposition, a
    determiner, a capitalised word or the sentence's start before it."""
    rules = lex.rules
    word, key = wk.words[j].text, wk.readings[j][0][1]
    if not word.isalpha() or not word.islower() or key in rules.stop_words:
        return False
    if key in rules.prepositions or key in rules.determiners or rules.joined_by_and(word):
        return False
    verbs = rules.reporting_verbs | rules.factual_verbs | rules.auxiliaries
    if word.endswith(("ed", "ing")) or is_word(wk, j, verbs) is not None:
        return False  # "hosted North Korean leader X": a verb, then the title
    if j == 0 or not wk.joined[j - 1]:
        return True
    before, before_key = wk.words[j - 1].text, wk.readings[j - 1][0][1]
    return (
        before[:1].isupper()
        or possessive(text, wk, j - 1)  # "Hollywood's honorary mayor"
        or before_key in rules.determiners
        or before_key in rules.prepositions
        or is_word(wk, j - 1, rules.reporting_verbs) is not None
    )


def _year(wk: WordKeys, j: int) -> bool:
    """Say whether word j is a year before a title ("2004 French Open champion")."""
    word = wk.words[j].text
    return len(word) == 4 and word.isdigit()


# A title after a name runs at most this many words (ولي ولي العهد النائب الثاني لرئيس مجلس
# الوزراء وزير الدفاع).
_MAX_TRAILING_WORDS = 12


def titles_after_names(
    text: str, wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> tuple[TitleCue, ...]:
    """Return the titles written right after a name with no comma between, where a language
    does so: كوستاس زاخارياديس عضو اللجنة المركزية, محمد بن سلمان ولي ولي العهد النائب الثاني
    لرئيس مجلس الوزراء وزير الدفاع. The claim runs from the name to the title's end."""
    placed = {i: m.entry for m in matches for i in range(m.first_word, m.last_word + 1)}
    out = []
    for m in matches:
        first = m.last_word + 1
        if m.entry.type != "PERSON" or first >= len(wk.words) or not wk.joined[m.last_word]:
            continue
        # The rest of a name the match left off: محمد بن سلمان + بن عبدالعزيز.
        while (
            first + 2 < len(wk.words)
            and wk.readings[first][0][1] in lex.rules.name_particles
            and wk.joined[first]
            and wk.joined[first + 1]
        ):
            first += 2
        if (_head(wk, first, lex) is None and not appointed_title(wk, first, lex)) or (
            first in placed
        ):
            continue
        last = first
        while (
            last + 1 < len(wk.words)
            and wk.joined[last]
            and last - first < _MAX_TRAILING_WORDS
            and title_continues(wk, last + 1, lex, placed)
            and _person(placed, last + 1) is None
        ):
            last += 1
        if wk.joined[last] and _person(placed, last + 1) is not None:
            continue  # التقى ماكرون الرئيس الأمريكي بايدن: the next name's title
        start, end = wk.words[first].start, wk.words[last].end
        out.append(TitleCue(start, end, text[start:end], m.entry.key, end, _named_from(wk, lex, m)))
    return tuple(out)


def _person(placed: dict[int, LexEntry], i: int) -> LexEntry | None:
    entry = placed.get(i)
    return entry if entry is not None and entry.type == "PERSON" else None


def appositions(
    text: str, wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> tuple[TitleCue, ...]:
    """Return titles written after a name, between commas, where a language does so: "Ahmet
    Yener, head of the Supreme Election Council, told reporters"."""
    rules = lex.rules
    out = []
    for m in matches:
        if m.entry.type != "PERSON" or m.last_word + 2 >= len(wk.words):
            continue
        if text[m.end : wk.words[m.last_word + 1].start].strip() != ",":
            continue
        first = m.last_word + 1
        if wk.readings[first][0][1] in rules.determiners:
            first += 1  # "the Saudi foreign minister", "a cybercrime expert"
        if not _apposition_head(text, wk, lex, first):
            continue
        last = first
        while (
            last + 1 < len(wk.words)
            and last - first < _MAX_APPOSITION_WORDS
            and not _MARK.search(text[wk.words[last].end : wk.words[last + 1].start])
        ):
            last += 1
        if any(is_word(wk, j, rules.reporting_verbs) is not None for j in range(first, last + 1)):
            continue  # "… sent to Feroz Abbasi, the men's solicitor says": a speaker, not a title
        start, end = wk.words[first].start, wk.words[last].end
        out.append(TitleCue(start, end, text[start:end], m.entry.key, end, _named_from(wk, lex, m)))
    return tuple(out)


def _apposition_head(text: str, wk: WordKeys, lex: Lexicon, first: int) -> bool:
    """Say whether a title head comes within a few words of word `first`, with no mark between:
    "the Saudi foreign minister", "a wireless net and cybercrime expert"."""
    rules = lex.rules
    if first >= len(wk.words) or wk.readings[first][0][1] in rules.stop_words:
        return False  # "X, and Y": a list, not a title
    for head in range(first, min(first + 6, len(wk.words))):
        key = wk.readings[head][0][1]
        if is_word(wk, head, rules.title_heads) is not None:
            return True
        if (
            key in rules.relative_pronouns
            or key in rules.reporting_verbs
            or key in rules.complementizers
            or head + 1 >= len(wk.words)
            or _MARK.search(text[wk.words[head].end : wk.words[head + 1].start])
        ):
            return False
    return False
