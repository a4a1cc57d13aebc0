"""What every language module provides: the one interface that language specifics live behind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.analysis.claims import Strategy
    from briefing.analysis.entities.cues import NameCue
    from briefing.analysis.entities.titles import TitleFinder
    from briefing.models import TimeRef

# A time grammar: (text, publication date) -> the time expressions it finds, overlaps allowed.
TimeGrammar = Callable[[str, "date | None"], "list[TimeRef]"]


@dataclass(frozen=True)
class LanguageRules:
    """Word lists and small methods for one language; the analysis asks these, never `lang ==`.

    Every word list holds normalised keys (see `key`), so lookups work on any spelling.
    """

    code: str
    direction: str
    reporting_verbs: frozenset[str]
    belief_verbs: frozenset[str]  # reporting verbs that give an opinion (يعتقد, "believe")
    denial_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    complementizers: frozenset[str]  # what ends a speaker and starts the content (إن, أن, that)
    trailing_attributions: tuple[
        str, ...
    ]  # "according to", وفقا ل: speaker follows, content before
    participle_attributions: frozenset[str]  # قائلة, "saying": speaker is the clause's subject
    carry_verbs: frozenset[str]  # وأضاف, "he added": speaker carried from the previous claim
    anonymous_heads: frozenset[str]
    anonymous_phrases: tuple[str, ...]
    title_heads: frozenset[str]
    org_heads: frozenset[str]
    stop_words: frozenset[str]  # function words that never start or continue a name
    time_words: frozenset[str]  # nouns of time that end an organisation's name
    opinion_words: frozenset[str]
    prediction_words: frozenset[str]
    factual_verbs: frozenset[str]
    event_triggers: Mapping[str, str]  # trigger key -> event type
    number_words: Mapping[str, float]
    quote_pairs: tuple[tuple[str, str], ...]
    title_modifiers: frozenset[str] = field(default_factory=frozenset)  # words that go on a
    # title although they are no adjective of place: العام (الأمين العام), السابق, باسم
    ordinals: frozenset[str] = field(default_factory=frozenset)  # الثاني: ends an org's name
    prepositions: frozenset[str] = field(default_factory=frozenset)  # end a speaker's phrase
    place_heads: Mapping[str, str] = field(default_factory=dict)  # منطقة -> LOC, مدينة -> GPE
    relative_pronouns: frozenset[str] = field(default_factory=frozenset)  # الذي: "…, who said"
    title_prepositions: frozenset[str] = field(default_factory=frozenset)  # في in "the expert
    # in Gulf affairs X": a title may run through it to the name
    name_particles: frozenset[str] = field(default_factory=frozenset)  # بن, آل, "bin", "al"
    # Letters a word may carry in front (Arabic): conjunctions و ف, prepositions ل ب ك, the
    # article ال, and ب of place (بمالطا). Empty for languages that write these apart.
    conjunction_clitics: tuple[str, ...] = ()
    preposition_clitics: tuple[str, ...] = ()
    addressee_clitic: str = ""  # ل of "said to" (وقال للصحفيين), written on the word
    locative_clitics: tuple[str, ...] = ()
    article: str = ""
    pronoun_suffixes: tuple[str, ...] = ()  # دعمه, مدتها: a noun with its owner, not a name
    auxiliaries: frozenset[str] = field(default_factory=frozenset)  # "have announced"
    visit_verbs: frozenset[str] = field(default_factory=frozenset)  # زار X: X is the place
    place_prepositions: frozenset[str] = field(default_factory=frozenset)  # في X, "in X"
    has_case: bool = False  # a capital marks a name ("Secretary of State Antony Blinken")
    modifiers_first: bool = False  # adjectives and titles before their head ("French Foreign
    # Minister"), not after it (وزير الخارجية الفرنسي)
    pronouns: frozenset[str] = field(default_factory=frozenset)  # a speaker carried over
    scale_words: Mapping[str, float] = field(default_factory=dict)  # مليون, "million": what
    # a number before them is multiplied by
    given_names: frozenset[str] = field(default_factory=frozenset)  # given names that are
    # also common words (علي): they go on with a name, never open one
    plural_inverting_verbs: frozenset[str] = field(default_factory=frozenset)  # "…, say X"
    source_heads: frozenset[str] = field(default_factory=frozenset)  # تقرير, "figures": a
    # source after "according to" may start with one
    team_nouns: frozenset[str] = field(default_factory=frozenset)  # "clubs such as …"
    present_words: frozenset[str] = field(default_factory=frozenset)  # "now", الحالي: a title
    # held at publication, whatever time the rest of its sentence tells
    honorific_pronouns: frozenset[str] = field(default_factory=frozenset)  # سموه, معاليه:
    # "His Highness", standing for the person the text named before
    expression_verbs: Mapping[str, str] = field(default_factory=dict)  # عبر -> عن: a verb that
    # is also another word ("via"), reporting only with its particle after it
    content_verbs: frozenset[str] = field(default_factory=frozenset)  # verbs that report only
    # when what is said follows in the sentence: بين is "explained" before أن, "between" elsewhere
    back_references: frozenset[str] = field(default_factory=frozenset)  # ذلك in أوضح ذلك X:
    # what the sentence before said, now given to its speaker
    person_cues: frozenset[str] = field(default_factory=frozenset)  # words that, like a title,
    # come before a name but make no role claim (نظيره, "counterpart")
    narrative_verbs: frozenset[str] = field(default_factory=frozenset)  # وانتهت المباراة: a
    # verb after "and" that opens a sentence of its own when its subject follows
    clause_openers: frozenset[str] = field(default_factory=frozenset)  # words after "، " that
    # open a new clause (وهو, إذ, لكن) — the clause splitter's cue
    object_verbs: frozenset[str] = field(default_factory=frozenset)  # reporting verbs that
    # as often take a plain object ("declared three days of mourning", "welcomed the move"):
    # they report speech only before "that", a colon or a quote
    title_words: frozenset[str] = field(default_factory=frozenset)  # lower-case words that
    # go on a title before its head ("national security spokesman", "top diplomat")
    place_links: frozenset[str] = field(default_factory=frozenset)  # "of" in "the village of X"
    person_pronouns: frozenset[str] = field(default_factory=frozenset)  # "he", "she": a person
    passive_auxiliaries: frozenset[str] = field(default_factory=frozenset)  # "was" denied by
    agent_prepositions: frozenset[str] = field(default_factory=frozenset)  # denied "by" X
    discourse_openers: frozenset[str] = field(default_factory=frozenset)  # "But", "However"
    # before a subject: no part of it
    clause_links: frozenset[str] = field(default_factory=frozenset)  # "but police say": a
    # subject starts again after these
    inverting_verbs: frozenset[str] = field(default_factory=frozenset)  # "…, said X": verbs
    # that may come before their subject at the end of a sentence
    continuation_words: frozenset[str] = field(default_factory=frozenset)  # words that open
    # no sentence (لأن, سواء): a line that starts with one goes on with the line before
    footer_openers: frozenset[str] = field(default_factory=frozenset)  # للتواصل: a footer
    # that tells the reader how to write to the paper, to the end of its line
    byline_words: frozenset[str] = field(default_factory=frozenset)  # "By" Jane Doe, بقلم
    determiners: frozenset[str] = field(default_factory=frozenset)  # "the", "a": may open
    # a title written after a name ("X, a cybercrime expert at Y")
    honorifics: frozenset[str] = field(default_factory=frozenset)  # الدكتور, معالي, "Dr":
    # words of address between a title and a name, or before a name, that claim no office
    role_qualifiers: frozenset[str] = field(default_factory=frozenset)  # السابق, نائب,
    # "former", "shadow": next to an office they make the title another one than the office
    impersonal_verbs: frozenset[str] = field(default_factory=frozenset)  # يذكر أن, "it is
    # said that": reporting verbs that, right before what is said, have no speaker
    expletive_subjects: frozenset[str] = field(default_factory=frozenset)  # "There" were
    # four arrests: a subject that names no one, so no speaker
    plea_objects: frozenset[str] = field(default_factory=frozenset)  # denied "charges": a
    # plea in court, which the report states, not a statement of the accused
    quoted_name_heads: Mapping[str, str] = field(default_factory=dict)  # a noun before a name
    # in quotes, and what it makes of the name: سهم «X», "the company 'X'" -> ORG; ثغرة «X»,
    # "the film 'X'" -> WORK (a work or product: no entity, and no other pass may type it)

    def key(self, text: str) -> str:
        """Return the matching key of a word or phrase: the same for every spelling of it."""
        return " ".join(text.casefold().split())

    def variants(self, word: str) -> list[tuple[int, str]]:
        """Return (characters of clitics taken off the front, key) for the ways to read a word.

        The word as written comes first; languages with attached clitics add shorter readings.
        """
        return [(0, self.key(word))]

    def is_name_like(self, word: str) -> bool:
        """Say whether a word could be part of a proper name (a capital in Latin script)."""
        return word[:1].isupper()

    def definite(self, key: str) -> bool:
        """Say whether a word's key carries the definite article (الصيني)."""
        return bool(self.article) and key.startswith(self.article) and len(key) > 3

    def feminine(self, key: str) -> bool:
        """Say whether a word's key has a feminine ending (قائلة, المقبرة)."""
        return False

    def adjective_shape(self, key: str) -> bool:
        """Say whether a word has the shape of an adjective of relation (إرهابية)."""
        return False

    def adverbial(self, word: str) -> bool:
        """Say whether a word has the shape of a participle that says how something was said
        (مشككة, متسائلا), not who said it."""
        return False

    def opening_participle(self, key: str) -> bool:
        """Say whether a word that opens a sentence has the shape of a participle that opens an
        adverbial clause ("Speaking in court, X said"): its subject comes after the comma."""
        return False

    def never_in_name(self, word: str) -> bool:
        """Say whether a word has a shape no name has (tanween, a possessive suffix)."""
        return False

    def inflected_common(self, key: str) -> bool:
        """Say whether a word is a common word inflected: a verb in another person (تستضيف
        beside يستضيف), a noun in another case (أسبوعا beside أسبوع)."""
        return False

    def joined_by_and(self, word: str) -> bool:
        """Say whether a word is joined to the one before it by "and"."""
        return word.casefold() == "and"

    def opens_a_sentence(self, word: str, following: str) -> bool:
        """Say whether `word`, inside a sentence and after no comma, opens a new one: "and" or
        "so" joined to a verb of the story with its subject next (وانتهت المباراة، فطالب
        المحامي)."""
        return False

    def accusative_base(self, key: str) -> str | None:
        """Return the word a key is the accusative of (مديراً: مدير), or None."""
        return None

    def heads_a_name(self, word: str) -> bool:
        """Say whether an organisation's head word, written so, begins or ends its name
        ("Bank" of England, but not "the bank Goldman Sachs")."""
        return True

    def pronoun_fits(self, pronoun: str, before: str) -> bool:
        """Say whether a personal pronoun may stand for a person written after `before` (the
        text just before the name: "Mr" rules out "she")."""
        return True

    def refers_back(self, previous: str | None, key: str) -> str | None:
        """Return the bare title of a word that refers back to someone ("the minister"), else
        None; `previous` is the key of the word before it."""
        return key if previous == "the" else None


@dataclass(frozen=True)
class Language:
    """One language as the analysis sees it, the way spaCy's `lang/xx` Defaults hold one:
    its word lists and word shapes (`rules`), its time grammar, how it quotes, and which
    script it is written in. Register it with `briefing.languages.register`.
    """

    rules: LanguageRules
    quote_marks: tuple[str, str]  # (opening, closing) for quoting a claim in a report
    time_grammar: TimeGrammar | None = None  # None: the language's briefings have no dates
    # A letter of the language's script, for telling the language of a text; None: the
    # language is never guessed, only named.
    script_letter: Callable[[str], bool] | None = None
    # The ways the language writes who said a clause, in the order the claim finder tries them
    # (see briefing.analysis.claims): the first that finds a speaker wins.
    attribution: tuple[Strategy, ...] = ()
    # Where a name stands next to a reporting verb (وقال كوروليف إن, "Ivo Geijsen said"): the
    # ways to find one at a word, tried in order (see briefing.analysis.entities.cues).
    speaker_names: tuple[NameCue, ...] = ()
    # Where titles stand next to a person's name: before it, after it between commas.
    titles: tuple[TitleFinder, ...] = ()

    @property
    def code(self) -> str:
        """Return the ISO 639-1 code."""
        return self.rules.code

    @property
    def direction(self) -> str:
        """Return "rtl" or "ltr"."""
        return self.rules.direction

    @property
    def number_words(self) -> Mapping[str, float]:
        """Return the keys of number words with their values."""
        return self.rules.number_words


# Word lists live in data files beside each language's module (languages/<code>/data/*.txt),
# read once, when the language is built; a line starting with # is a comment.


#: The phrase lists and the tables among LanguageRules' fields (value type of each table); every
#: other field read from a data file is a word list.
PHRASE_LISTS = ("trailing_attributions", "anonymous_phrases")
TABLES: dict[str, Callable[[str], Any]] = {
    "event_triggers": str,
    "number_words": float,
    "scale_words": float,
    "place_heads": str,
    "quoted_name_heads": str,
    "expression_verbs": str,
}


def read_rule_lists(folder: Path, key: Callable[[str], str]) -> dict[str, Any]:
    """Return the LanguageRules fields that `folder` holds a data file for (FIELD.txt): word
    lists and table words as `key` reads them, phrase lists as written."""
    found: dict[str, Any] = {}
    for name in (f.name for f in fields(LanguageRules)):
        path = folder / f"{name}.txt"
        if not path.is_file():
            continue
        if name in PHRASE_LISTS:
            found[name] = read_phrases(path)
        elif name in TABLES:
            value = TABLES[name]
            found[name] = {key(w): value(v) for v, ws in read_table(path) for w in ws}
        else:
            found[name] = frozenset(key(w) for w in read_words(path))
    return found


def read_words(path: Path) -> list[str]:
    """Return the words of a word-list file: separated by spaces or lines."""
    return [w for line in _lines(path) for w in line.split()]


def read_phrases(path: Path) -> tuple[str, ...]:
    """Return the phrases of a phrase-list file, one a line, in order."""
    return tuple(" ".join(line.split()) for line in _lines(path))


def read_table(path: Path) -> list[tuple[str, list[str]]]:
    """Return the (value, words) lines of a table file, `value: word word …`, in order."""
    rows = []
    for line in _lines(path):
        value, _, words = line.partition(":")
        rows.append((value.strip(), words.split()))
    return rows


def read_phrase_table(path: Path) -> list[tuple[str, str]]:
    """Return the (value, phrase) lines of a phrase table, `value: phrase`, one phrase a line,
    in order: a table whose entries may be more than one word (كانون الثاني, "last night")."""
    rows = []
    for line in _lines(path):
        value, _, phrase = line.partition(":")
        rows.append((value.strip(), " ".join(phrase.split())))
    return rows


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
