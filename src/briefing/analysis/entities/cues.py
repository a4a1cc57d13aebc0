"""Names that cue words reveal: an organisation's head word (وزارة, "Ministry"), a place's
(مدينة, "the village of"), a title before a name, and names next to a reporting verb."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from briefing.analysis.entities.shapes import (
    MAX_TITLE_WORDS,
    adjective_form,
    after_particle,
    appointed_title,
    common_after_clitic,
    definite,
    family_name,
    gap,
    is_word,
    name_word,
    org_continues,
    particle_chain_allows,
    particle_count,
    particle_inside,
    placed_words,
    prepositional,
    sentence_start,
    title_continues,
)
from briefing.analysis.lexicon import LexEntry, Lexicon, Match
from briefing.analysis.words import WordKeys

if TYPE_CHECKING:
    pass


MAX_NAME_WORDS = 4


# A way a language writes a name next to a reporting verb: given word i, the (start, end,
# type) of the name it cues, or None. A Language lists its ways in `speaker_names`.
NameCue = Callable[
    [WordKeys, int, Lexicon, set[int], dict[int, LexEntry]], "tuple[int, int, str] | None"
]


def cue_names(
    text: str, wk: WordKeys, lex: Lexicon, covered: set[int], cues: Sequence[NameCue]
) -> list[tuple[int, int, str]]:
    """Return (start, end, type) of names that title and organisation cues reveal."""
    rules = lex.rules
    placed = placed_words(wk, lex)
    found: list[tuple[int, int, str]] = []
    for i in range(len(wk.words)):
        if i in covered:
            continue
        org_cut = is_word(wk, i, rules.org_heads)
        if org_cut is not None and not rules.heads_a_name(wk.words[i].text):
            continue  # "the bank Goldman Sachs": a common noun before a name, not its head
        nxt_entry = placed.get(i + 1)
        if org_cut is not None and nxt_entry is not None and nxt_entry.type == "ORG":
            continue  # قوات حلف شمال الأطلسي: the forces of a body already known
        if org_cut is not None:
            organisation = _organisation(wk, i, org_cut, lex, covered, placed)
            if organisation is not None:
                found.append(organisation)
            continue
        speaker = next(
            (s for cue in cues if (s := cue(wk, i, lex, covered, placed)) is not None), None
        )
        if speaker is not None:
            found.append(speaker)
            continue
        place = _place_head(wk, i, lex, covered, placed)
        if place is not None:
            found.append(place)
            continue
        if is_word(wk, i, rules.title_heads | rules.person_cues) is None and not (
            is_word(wk, i, rules.honorifics) is not None
            and i + 1 < len(wk.words)
            and not definite(wk, i + 1)  # صاحب الجهاز: "the owner of the device"
        ):
            continue  # a title, or an honorific (المهندس صالح قدح), comes before a name
        person = _name_in_aside(text, wk, i, lex, covered, placed) or _titled_name(
            wk, i, lex, covered, placed
        )
        if person is not None:
            found.append(person)
    return found


def _organisation(
    wk: WordKeys,
    i: int,
    org_cut: int,
    lex: Lexicon,
    covered: set[int],
    placed: dict[int, LexEntry],
) -> tuple[int, int, str] | None:
    """Return the organisation that the head word i starts (وكالة تاس, "Ministry of Defence")."""
    n = len(wk.words)
    k = i
    # A proper name right after the head: وكالة تاس, جامعة نيو ساوث; only an
    # indefinite head takes one (المنتخب سيعود is a sentence, not a name).
    definite_head = definite(wk, i)
    while k + 1 < n and wk.joined[k] and k - i < MAX_TITLE_WORDS and not definite_head:
        nxt = k + 1
        if definite(wk, nxt) or nxt in placed:
            break
        if not name_word(wk, nxt, lex, covered) or adjective_form(wk, nxt):
            break
        k = nxt
    while k + 1 < n and wk.joined[k] and k - i < MAX_TITLE_WORDS:
        if not org_continues(wk, k + 1, lex, placed):
            break
        k += 1
    if k > i and (not definite_head or _names_a_body(wk, i, k, lex, placed)):
        return wk.words[i].start + org_cut, wk.words[k].end, "ORG"
    return None


def _titled_name(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> tuple[int, int, str] | None:
    """Return the person named after the title that word i heads (الرئيس الفرنسي إيمانويل
    ماكرون, "Secretary of State Antony Blinken")."""
    rules = lex.rules
    n = len(wk.words)
    j = i
    while (
        j + 1 < n
        and wk.joined[j]
        and j - i < MAX_TITLE_WORDS
        and title_continues(wk, j + 1, lex, placed)
    ):
        j += 1
    if (
        j + 2 < n
        and wk.joined[j]
        and wk.joined[j + 1]
        and wk.readings[j + 1][0][1] in rules.place_links
        and rules.has_case
        and wk.words[j + 2].text[:1].isupper()
    ):
        j += 2  # "Secretary of State": the office after "of" is part of the title
    names: list[int] = []
    k = j + 1
    while (
        k < n
        and len(names) < MAX_NAME_WORDS + particle_count(wk, names, lex)
        and wk.joined[k - 1]
        and (
            after_particle(wk, names, lex)
            or particle_inside(wk, names, k, lex)
            or (not names and k not in covered and wk.readings[k][0][1] in rules.given_names)
            or (
                name_word(wk, k, lex, covered)
                and not (names and prepositional(wk, k))
                and not (names and common_after_clitic(wk, k, lex))
                and not (names and definite(wk, names[-1]))  # الركراكي ends a name
                and k not in placed
                and (names or not definite(wk, k) or family_name(wk, k, lex))
                and particle_chain_allows(wk, names, k, lex)
            )
        )
    ):
        names.append(k)
        k += 1
    if names:
        return wk.words[names[0]].start, wk.words[names[-1]].end, "PERSON"
    return None


def longer_organisations(
    wk: WordKeys, lex: Lexicon, matches: Sequence[Match]
) -> list[tuple[int, int]]:
    """Return organisations that go on past a gazetteer name: مجلس الأمن القومي الأمريكي is
    not مجلس الأمن (the gazetteer's Security Council) but a body of its own, and neither is
    Iran's Supreme National Security Council."""
    placed = placed_words(wk, lex)
    out = []
    for m in matches:
        if m.entry.type != "ORG" or m.entry.entity_id is not None:
            continue
        before = _capitalised_before(wk, lex, m.first_word, placed)
        if before < m.first_word:
            out.append((wk.words[before].start, m.end))
            continue
        if is_word(wk, m.first_word, lex.rules.org_heads) is None:
            continue
        k = m.last_word
        while (
            k + 1 < len(wk.words)
            and wk.joined[k]
            and k + 1 not in placed
            and org_continues(wk, k + 1, lex, placed)
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
        rules.has_case
        and j > 0
        and wk.joined[j - 1]
        and j - 1 not in placed
        and wk.words[j - 1].text[:1].isupper()
        and wk.readings[j - 1][0][1] not in rules.stop_words
        and wk.readings[j - 1][0][1] not in rules.time_words
        and is_word(wk, j - 1, rules.title_heads) is None
        and not sentence_start(wk, j - 1)
    ):
        j -= 1
    return j


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
    # Where no capital marks a name, a common word may open a place's name (قرية مولاي إبراهيم).
    if (
        not rules.has_case
        and not name_word(wk, j, lex, covered)
        and j + 1 < len(wk.words)
        and wk.joined[j]
        and not definite(wk, j)
        and wk.readings[j][0][1] not in rules.stop_words
        and name_word(wk, j + 1, lex, covered)
        and j + 1 not in placed
    ):
        names.append(j)
        j += 1
    while j < len(wk.words) and len(names) < 3 and name_word(wk, j, lex, covered):
        names.append(j)
        if not wk.joined[j]:
            break
        j += 1
    if not names:
        return None
    if linked:
        return wk.words[names[0]].start, wk.words[names[-1]].end, head
    return wk.words[i].start + cut, wk.words[names[-1]].end, head


def speaker_name(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> tuple[int, int, str] | None:
    """Return the name right after a masculine reporting verb (وقال كوروليف إن), if one is there.

    Only a short run of uncommon words that ends where the speech begins counts; a feminine
    verb (قالت) is as often an organisation's or a country's, so it is left to the model.
    """
    rules = lex.rules
    cut = is_word(wk, i, rules.reporting_verbs)
    if cut is None or wk.readings[i][0][1].endswith("ت"):
        return None
    names: list[int] = []
    k = i + 1
    while (
        k < len(wk.words)
        and len(names) < 3
        and wk.joined[k - 1]
        and k not in placed
        and name_word(wk, k, lex, covered)
    ):
        names.append(k)
        k += 1
    if not names:
        return None
    if (
        k + 1 < len(wk.words)
        and len(names) < 3
        and wk.joined[k - 1]
        and wk.joined[k]
        and k not in placed
        and not definite(wk, names[0])
        and _definite_family_name(wk, k, lex)
        and is_word(wk, k + 1, rules.complementizers) is not None
    ):
        names.append(k)  # وقال محمد الخميس إن: a family name that is also a common word
        k += 1
    ends_speech = (
        not wk.joined[names[-1]]
        or k >= len(wk.words)
        or is_word(wk, k, rules.complementizers) is not None
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
    if not rules.has_case:
        return None
    comma = next((j for j in range(i, min(i + 6, len(wk.words) - 1)) if not wk.joined[j]), None)
    if comma is None or "," not in gap(text, wk, comma):
        return None
    names: list[int] = []
    k = comma + 1
    while (
        k < len(wk.words)
        and len(names) < 4
        and k not in placed
        and (name_word(wk, k, lex, covered) or particle_inside(wk, names, k, lex))
    ):
        names.append(k)
        if not wk.joined[k]:
            break
        k += 1
    if len(names) < 2 or "," not in gap(text, wk, names[-1]):
        return None
    return wk.words[names[0]].start, wk.words[names[-1]].end, "PERSON"


def subject_name(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> tuple[int, int, str] | None:
    """Return the name written right before a reporting verb where the subject comes first
    ("Ivo Geijsen said"): two or three capitalised words that nothing else has claimed."""
    rules = lex.rules
    if is_word(wk, i, rules.reporting_verbs) is None:
        return None
    names: list[int] = []
    k = i - 1
    while (
        k >= 0
        and len(names) < 3
        and wk.joined[k]
        and k not in placed
        and (name_word(wk, k, lex, covered) or particle_inside(wk, [k + 1], k, lex))
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


def name_before_title(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> tuple[int, int, str] | None:
    """Return the name that word i opens when a title follows it (محمد الخميس رئيس اللجنة):
    two to four name words, the first without the article, the others name words (a given
    name that is also a common word among them: علي) or a family name with it, right before a
    title head, where a verb, a mark or a small word stands
    before the name. The title after the name says a person is named, so a family name that
    is also a common word (الخميس, Thursday) may end it."""
    rules = lex.rules
    n = len(wk.words)
    if not _opens_name(wk, i, lex, covered, placed):
        return None
    k = i + 1
    while k < n and k - i < 4 and wk.joined[k - 1] and k not in placed and k not in covered:
        if is_word(wk, k, rules.title_heads) is not None or appointed_title(wk, k, lex):
            break
        inner = wk.readings[k][0][1] in rules.given_names  # نورة محمد علي الزهراني
        if not (inner or name_word(wk, k, lex, covered) or _definite_family_name(wk, k, lex)):
            return None
        if definite(wk, k):
            k += 1
            break  # الخميس ends a name
        k += 1
    if k - i < 2 or k >= n or not wk.joined[k - 1] or k in placed:
        return None
    if is_word(wk, k, rules.title_heads) is None and not appointed_title(wk, k, lex):
        return None
    return wk.words[i].start, wk.words[k - 1].end, "PERSON"


def _opens_name(
    wk: WordKeys, i: int, lex: Lexicon, covered: set[int], placed: dict[int, LexEntry]
) -> bool:
    """Say whether word i may open a name that a title follows: an indefinite name word after
    a verb of saying, a mark, the start or a small word (فيما أكد X, وأوضح X)."""
    rules = lex.rules
    if i in placed or definite(wk, i) or not name_word(wk, i, lex, covered):
        return False
    if wk.readings[i][0][1] in rules.name_particles or common_after_clitic(wk, i, lex):
        return False
    if i == 0 or not wk.joined[i - 1]:
        return True
    before = wk.readings[i - 1][0][1]
    return (
        is_word(wk, i - 1, rules.reporting_verbs | rules.factual_verbs | rules.content_verbs)
        is not None
        or before in rules.stop_words
        or before in rules.honorifics  # تعيين المهندس X مديراً
    )


def _definite_family_name(wk: WordKeys, k: int, lex: Lexicon) -> bool:
    """Say whether word k, written with the article, may be a family name before a title: not
    an adjective, a title or an organisation's head, nor feminine (المنطقة)."""
    rules = lex.rules
    key = wk.readings[k][0][1]
    return (
        rules.definite(key)
        and not rules.feminine(key)
        and not adjective_form(wk, k)
        and key not in lex.adjectives
        and key not in rules.title_heads
        and key not in rules.org_heads
        and not rules.never_in_name(wk.words[k].text)
    )
