"""Arabic: normalisation, clitics and the words that mark speakers, titles and events."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analysis.claims import sources, verb_first
from briefing.analysis.entities import cues, titles
from briefing.languages.base import (
    Language,
    LanguageRules,
    read_rule_lists,
)
from briefing.resources import data_path

if TYPE_CHECKING:
    from briefing.models import TimeRef

# Harakat and tatweel: written or not, the word is the same.
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letter variants folded to one, and Eastern Arabic and Persian digits to ASCII.
FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ک": "ك",
        "ی": "ي",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)
# Proclitics that attach to the next word: conjunctions و ف, prepositions ب ل ك, and their pairs.
# The prefixes of the present tense's persons: ت (she, you), ي (he), ن (we), ا (I).
_PERSON_PREFIXES = ("ت", "ي", "ن", "ا")
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


def arabic_key(text: str) -> str:
    """Return the key of Arabic text: no harakat or tatweel, one alef, ya and ha, no case."""
    return " ".join(MARKS.sub("", text).translate(FOLD).casefold().split())


@cache
def common_words() -> frozenset[str]:
    """Return the keys of common words that never stand in a name (see the data file's header)."""
    path = data_path("common-words-ar.txt")
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


_DATA = Path(__file__).parent / "data"


class ArabicRules(LanguageRules):
    """Arabic rules: keys fold spelling variants; words may carry proclitics."""

    def key(self, text: str) -> str:
        return arabic_key(text)

    def variants(self, word: str) -> list[tuple[int, str]]:
        """Return the word's readings: as written, then with و ف ب ل ك (and لل = ل + ال) taken off.

        A reading keeps at least two letters, so a name that begins with one of those letters
        (بكين, لافروف) is always offered whole first and never loses a letter unless the caller
        finds the shorter reading in its lexicon instead of the whole one.
        """
        bare = MARKS.sub("", word)
        out = [(0, arabic_key(word))]
        seen = {out[0][1]}
        # Offsets count characters of the word as written, harakat included.
        positions = [i for i, ch in enumerate(word) if not MARKS.match(ch)]
        for clitic in _PROCLITICS:
            if not bare.startswith(clitic) or len(bare) - len(clitic) < 2:
                continue
            rest = bare[len(clitic) :]
            cut = positions[len(clitic)] if len(clitic) < len(positions) else len(word)
            readings = [(cut, rest)]
            if clitic.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
                # لل: the preposition ل before the article ال, whose alef is not written. No cut
                # leaves a clean word, so the span keeps the whole word (للمخابرات), read as
                # ال + the rest.
                readings.insert(0, (positions[len(clitic) - 1], "ا" + rest))
            for at, reading in readings:
                k = arabic_key(reading)
                if k not in seen:
                    seen.add(k)
                    out.append((at, k))
        return out

    def feminine(self, key: str) -> bool:
        return key.endswith("ه")  # ة folds to ه in keys

    def adjective_shape(self, key: str) -> bool:
        return key.endswith(("يه", "يين", "يون")) and len(key) > 4

    def adverbial(self, word: str) -> bool:
        # An active participle (مُفعِّل: مشككة، متسائلاً) with its feminine or accusative ending.
        bare = arabic_key(word)
        return len(bare) >= 5 and bare.startswith("م") and bare.endswith(("ه", "ا"))

    def never_in_name(self, word: str) -> bool:
        # Tanween (سنوياً) marks an adverb or an indefinite noun; a possessive (إدارته، رحمهم)
        # a common noun.
        if "\u064b" in word or word.endswith(("ته", "تها", "تهم", "هم", "هما", "كم")):
            return True
        # A common noun with "his" (باسمه: ب + اسم + ه), after a proclitic or none.
        common = common_words()
        return word.endswith("ه") and any(
            len(k) >= 4 and k[:-1] in common for _, k in self.variants(word)
        )

    def inflected_common(self, key: str) -> bool:
        common = common_words()
        # The prefix of the present tense's person: تستضيف is يستضيف said of her.
        if len(key) >= 4 and any(
            p + key[1:] in common for p in _PERSON_PREFIXES if key[0] in _PERSON_PREFIXES
        ):
            return True
        # The accusative's alef on an indefinite noun (أسبوعا); not after a nisba's ي, where
        # the alef ends a place's name (كوريا, not the adjective كوري).
        return key.endswith("ا") and not key.endswith("يا") and key[:-1] in common

    def accusative_base(self, key: str) -> str | None:
        """Return the noun an accusative with its alef is (مديراً, مديرا: مدير), else None."""
        return key[:-1] if key.endswith("ا") and len(key) > 3 else None

    def joined_by_and(self, word: str) -> bool:
        """Say whether a word carries the conjunction و (وكوريا الشمالية)."""
        return word.startswith("و") and len(word) > 2

    def opens_a_sentence(self, word: str, following: str) -> bool:
        if word[:1] not in self.conjunction_clitics or len(word) < 4:
            return False
        rest = arabic_key(word[1:])
        verbs = self.narrative_verbs
        # The feminine of the past (شهدت: شهد; انتهت: انتهى, the final ى folded to ي).
        feminine = rest.endswith("ت") and (rest[:-1] in verbs or rest[:-1] + "ي" in verbs)
        if rest not in verbs and not feminine:
            return False
        # Its subject next: a definite noun or a name, not a preposition's object (للمملكة).
        nxt = arabic_key(following)
        if nxt.startswith(("لل", "بال", "كال", "وال", "فال")):
            return False
        return (nxt.startswith("ال") and len(nxt) > 3) or self.is_name_like(following)

    def refers_back(self, previous: str | None, key: str) -> str | None:
        """Return the bare title of a definite title word (الوزير -> وزير), else None."""
        return key[2:] if key.startswith("ال") and len(key) > 4 else None

    def is_name_like(self, word: str) -> bool:
        key = arabic_key(word)
        return (
            len(key) >= 2
            and key not in self.stop_words
            and key not in common_words()
            and not key.isdigit()
            and not self.never_in_name(word)
        )


ARABIC_RULES = ArabicRules(
    **read_rule_lists(_DATA, arabic_key),
    code="ar",
    direction="rtl",
    quote_pairs=(("“", "”"), ("«", "»"), ('"', '"'), ("„", "“")),
    conjunction_clitics=("و", "ف"),
    preposition_clitics=("ل", "ب", "ك"),
    addressee_clitic="ل",
    locative_clitics=("ب",),
    article="ال",
    pronoun_suffixes=("ه", "ها", "هم", "هما"),
)


def _find_times(text: str, published: date | None) -> list[TimeRef]:
    # The month and weekday tables are imported on first use: English never loads them.
    from briefing.languages.ar.time import find_times

    return find_times(text, published)


def _arabic_letter(c: str) -> bool:
    return "\u0600" <= c <= "\u06ff"


ARABIC = Language(
    rules=ARABIC_RULES,
    quote_marks=("«", "»"),
    time_grammar=_find_times,
    script_letter=_arabic_letter,
    # The verb first, its speaker after it: قال وزير الخارجية إن …
    attribution=(
        sources.relative_speaker,
        verb_first.speaker_after_verb,
        verb_first.verb_after_quote,
        sources.said_after_a_quote,
        sources.trailing_source,
        sources.participle_speaker,
        verb_first.verb_of_the_subject,
    ),
    speaker_names=(cues.speaker_name, cues.name_before_title),
    titles=(titles.titles_before_names, titles.titles_after_names),
)
