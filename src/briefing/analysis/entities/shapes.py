"""What a word of the body may be in a name: a name word, a particle, a definite word, a word
that goes on a title or an organisation's name, or one that opens a new phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.analysis.lexicon import LexEntry, Lexicon, match_phrases
from briefing.analysis.words import WordKeys

if TYPE_CHECKING:
    from briefing.languages.base import LanguageRules


MAX_TITLE_WORDS = 6


def is_word(wk: WordKeys, i: int, words: frozenset[str]) -> int | None:
    """Return the clitic cut of word i's first reading found in `words`, or None."""
    for cut, key in wk.readings[i]:
        if key in words:
            return cut
    return None


def _and_prefixed(wk: WordKeys, i: int) -> bool:
    """Say whether word i carries the conjunction و in front (وكوريا): a second name."""
    clitics = wk.rules.conjunction_clitics[:1]
    return wk.words[i].text[:1] in clitics and len(wk.readings[i]) > 1


def definite(wk: WordKeys, i: int) -> bool:
    """Say whether word i is a definite noun or adjective (ال, or لل for ل + ال)."""
    return any(wk.rules.definite(k) for _, k in wk.readings[i])


def name_word(wk: WordKeys, i: int, lex: Lexicon, covered: set[int]) -> bool:
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
        and not (definite(wk, i) and not _uncommon_definite(wk, i, lex))
        and key not in rules.time_words
        and key not in rules.title_heads
        and key not in rules.honorifics  # "Dr", المهندس: before a name, never in it
        and key not in rules.org_heads
        and is_word(wk, i, rules.reporting_verbs | rules.factual_verbs) is None
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


def particle_count(wk: WordKeys, names: list[int], lex: Lexicon) -> int:
    """Return how many name particles (بن, آل, أبو) a name has so far: each lets it run a word
    longer (تميم بن حمد آل ثاني)."""
    return sum(1 for i in names if wk.readings[i][0][1] in lex.rules.name_particles)


def particle_chain_allows(wk: WordKeys, names: list[int], k: int, lex: Lexicon) -> bool:
    """Say whether word k may go on a name that has particles: once a name runs on by بن/آل
    (متعب بن عبدالله بن عبدالعزيز), only another particle may follow, or one family name with
    the article to end it (يوسف بن أحمد الغتم), not a new word."""
    particles = lex.rules.name_particles
    if not any(wk.readings[i][0][1] in particles for i in names):
        return True
    key = wk.readings[k][0][1]
    if key in particles:
        return True
    # One family name with the article may end it (يوسف بن أحمد الغتم).
    last = max(i for i in names if wk.readings[i][0][1] in particles)
    return (
        last < names[-1]
        and lex.rules.definite(key)
        and not any(lex.rules.definite(wk.readings[i][0][1]) for i in names if i > last)
    )


def particle_inside(wk: WordKeys, names: list[int], k: int, lex: Lexicon) -> bool:
    """Say whether word k is a lower-case particle inside a name ("Faisal bin Farhan")."""
    return (
        bool(names)
        and wk.readings[k][0][1] in lex.rules.name_particles
        and k + 1 < len(wk.words)
        and wk.joined[k]
        and lex.rules.is_name_like(wk.words[k + 1].text)
    )


def after_particle(wk: WordKeys, names: list[int], lex: Lexicon) -> bool:
    return bool(names) and wk.readings[names[-1]][0][1] in lex.rules.name_particles


def adjective_form(wk: WordKeys, i: int) -> bool:
    """Say whether word i has the shape of an adjective of relation (إرهابية, تحضيري)."""
    return wk.rules.adjective_shape(wk.readings[i][0][1])


def family_name(wk: WordKeys, i: int, lex: Lexicon) -> bool:
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


def title_continues(wk: WordKeys, i: int, lex: Lexicon, placed: dict[int, LexEntry]) -> bool:
    """Say whether word i goes on a title (الخارجية, الصيني, كوريا الشمالية, الأمير)."""
    rules = lex.rules
    key = wk.readings[i][0][1]
    if key in rules.title_modifiers:
        return True
    if (
        any(key.removesuffix(p) in rules.title_modifiers for p in rules.pronoun_suffixes)
        and i > 0
        and is_word(wk, i - 1, rules.title_heads) is not None
    ):
        return True  # المتحدث باسمه: "his spokesman", the owner written on the modifier
    if (
        key in rules.title_prepositions
        and i + 1 < len(wk.words)
        and (definite(wk, i + 1) or i + 1 in placed)
    ):
        return True  # الخبير في الشؤون الخليجية, الأستاذ في جامعة, المشرف على مركز …
    if key in rules.time_words or key in rules.stop_words:
        return False
    if i in placed and placed[i].type in ("GPE", "LOC", "ORG"):
        return True
    if key in rules.title_heads or key in rules.org_heads:
        return True  # المتحدث باسم وزارة الخارجية: an office inside the title
    if (
        rules.addressee_clitic
        and wk.words[i].text.startswith(rules.addressee_clitic)
        and len(wk.readings[i]) > 1
        and i + 1 < len(wk.words)
        and wk.joined[i]
        and definite(wk, i + 1)
    ):
        return True  # مديراً لتقنية المعلومات: "of" an office and what it runs
    if _and_prefixed(wk, i):
        return False  # "and": a second name, not more of this one
    if is_word(wk, i, rules.title_heads | rules.org_heads) is not None:
        return True
    if any(k in lex.adjectives for _, k in wk.readings[i]):
        return True
    return definite(wk, i) and not _uncommon_definite(wk, i, lex)


def org_continues(wk: WordKeys, i: int, lex: Lexicon, placed: dict[int, LexEntry]) -> bool:
    """Say whether word i goes on an organisation's name: any definite word or adjective of
    place, or ل before a definite word (الاتحاد البرتغالي لكرة القدم)."""
    rules = lex.rules
    key = wk.readings[i][0][1]
    if key in rules.time_words or key in rules.stop_words or key in rules.complementizers:
        return False
    if key in rules.ordinals or is_word(wk, i, rules.title_heads | rules.honorifics) is not None:
        return False  # المركز الثاني is a rank; رئيس الهيئة المستشار X, المهندس X a person
    if i + 1 < len(wk.words) and wk.joined[i] and wk.readings[i + 1][0][1] in rules.ordinals:
        return False  # المنتخب السعودي المركز الثالث: the rank it took, not its name
    if i in placed and placed[i].type in ("GPE", "LOC", "ORG"):
        return True
    if _and_prefixed(wk, i):
        return False
    if definite(wk, i) or any(k in lex.adjectives for _, k in wk.readings[i]):
        return True
    return (
        wk.words[i].text[:1] in rules.preposition_clitics[:1]  # ل (of): لكرة القدم
        and i + 1 < len(wk.words)
        and wk.joined[i]
        and definite(wk, i + 1)
    )


def sentence_start(wk: WordKeys, i: int) -> bool:
    """Say whether word i opens a sentence (a capital there says nothing about a name)."""
    return i == 0 or not wk.joined[i - 1]


def gap(text: str, wk: WordKeys, i: int) -> str:
    """Return what stands between word i and the next."""
    return text[wk.words[i].end : wk.words[i + 1].start] if i + 1 < len(wk.words) else ""


def prepositional(wk: WordKeys, i: int) -> bool:
    """Say whether word i opens a new phrase rather than going on a name (لإجراء, وكوريا)."""
    rules = wk.rules
    word = wk.words[i].text
    if word[:1] in rules.conjunction_clitics and len(wk.readings[i]) > 1:
        return True
    # ل ب ك before the article or a hamza: لإجراء, بالدخول (but not لافروف).
    return word[:1] in rules.preposition_clitics and (
        word[1:2] in ("إ", "أ", "آ") or word[1:].startswith(rules.article or "\0")
    )


def placed_words(wk: WordKeys, lex: Lexicon) -> dict[int, LexEntry]:
    return {
        i: m.entry for m in match_phrases(wk, lex) for i in range(m.first_word, m.last_word + 1)
    }


def never_in_name(wk: WordKeys, word: str) -> bool:
    """Say whether a word has a shape no name has: tanween (سنوياً) or a possessive (إدارته)."""
    return wk.rules.never_in_name(word)


def common_after_clitic(wk: WordKeys, i: int, lex: Lexicon) -> bool:
    """Say whether word i is a preposition glued to a common word (لنادي, بمبلغ)."""
    word = wk.words[i].text
    if word[:1] not in lex.rules.preposition_clitics:
        return False
    return any(cut and not lex.rules.is_name_like(word[cut:]) for cut, _ in wk.readings[i][1:])


def office_after_of(wk: WordKeys, j: int, rules: LanguageRules) -> bool:
    """Say whether word j is "of" or the office after it in "Secretary of State"."""
    if wk.readings[j][0][1] in rules.place_links:
        return is_word(wk, j - 1, rules.title_heads) is not None
    return (
        j > 1
        and wk.words[j].text[:1].isupper()
        and wk.readings[j - 1][0][1] in rules.place_links
        and is_word(wk, j - 2, rules.title_heads) is not None
    )


def possessive(text: str, wk: WordKeys, i: int) -> bool:
    """Say whether word i is the s of a possessive ("China's"), written after an apostrophe."""
    return (
        i > 0
        and wk.words[i].text in ("s", "S")
        and text[wk.words[i - 1].end : wk.words[i].start] in ("'", "’")
    )


def appointed_title(wk: WordKeys, i: int, lex: Lexicon) -> bool:
    """Say whether word i is a title in the accusative, as one is appointed to it (تعيين X
    مديراً لإدارة التطوير): only after a name, never before one."""
    base = lex.rules.accusative_base(wk.readings[i][0][1])
    return base is not None and base in lex.rules.title_heads
