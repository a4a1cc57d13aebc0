"""Names to look for: the fact table's aliases, the gazetteer and names found on the way.

A phrase is stored under the keys of its words (the language's `key`), and matched against the
body word by word, the first word allowed to carry clitics (وبكين -> بكين).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import cache as disk
from briefing.analysis import gazetteer
from briefing.analysis import words as words_module
from briefing.analysis.gazetteer import gazetteer_bytes, load_gazetteer
from briefing.analysis.words import WordKeys, words
from briefing.resources import PACKAGE_DIR

if TYPE_CHECKING:
    from briefing.facts import FactTable
    from briefing.languages.base import LanguageRules

_TABLE, _GAZETTEER, _FOUND = 3, 2, 1


@dataclass(frozen=True)
class LexEntry:
    """What a phrase names."""

    key: str  # the entity's key: the table's id, "gaz:<id>", or "txt:<form>"
    type: str
    name: str
    entity_id: str | None  # the fact table's id
    priority: int


@dataclass(frozen=True)
class Match:
    """A phrase found in the body: [start, end) with clitics left outside."""

    start: int
    end: int
    entry: LexEntry
    first_word: int  # index of the first word in the word list
    last_word: int


@dataclass
class Lexicon:
    """Phrase keys -> entries, for one language."""

    rules: LanguageRules
    phrases: dict[str, LexEntry] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # adjective key -> place key
    gazetteer_key: dict[str, str] = field(default_factory=dict)  # entity key -> "gaz:<id>"
    exact: dict[str, LexEntry] = field(default_factory=dict)  # acronyms, matched by case
    role_nouns: dict[str, set[str]] = field(default_factory=dict)  # وزير -> people with that title
    max_words: int = 1

    def add(self, form: str, entry: LexEntry) -> None:
        """Add one written form; a higher-priority entry keeps a phrase it already holds.

        An acronym in capitals (US, WHO, U.N.) is matched only as written: "who" is a word.
        """
        parts = words(form)
        if not parts:
            return
        if _is_acronym(form):
            table = self.exact
            key = " ".join(w.text for w in parts)
        else:
            table = self.phrases
            key = " ".join(self.rules.key(w.text) for w in parts)
        held = table.get(key)
        if held is None or held.priority < entry.priority:
            table[key] = entry
        self.max_words = max(self.max_words, len(parts))

    def copy(self) -> Lexicon:
        return Lexicon(
            self.rules,
            dict(self.phrases),
            dict(self.adjectives),
            dict(self.gazetteer_key),
            dict(self.exact),
            {k: set(v) for k, v in self.role_nouns.items()},
            self.max_words,
        )

    def entry_for(self, form: str) -> LexEntry | None:
        return self.phrases.get(phrase_key(form, self.rules))


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isascii() and c.isupper() for c in letters)


def phrase_key(form: str, rules: LanguageRules) -> str:
    """Return the key of a multi-word form: its words' keys joined by spaces."""
    return " ".join(rules.key(w.text) for w in words(form))


_CACHE: dict[tuple[str, str], Lexicon] = {}


def build_lexicon(table: FactTable | None, rules: LanguageRules) -> Lexicon:
    """Return the lexicon of a fact table and the gazetteer for one language.

    Compiled once per table (by its hash) and language; callers copy before adding names.
    """
    cache_key = (table.sha256 if table is not None else "", rules.code)
    if cache_key not in _CACHE:
        _CACHE[cache_key] = _load_or_compile(table, rules)
    return _CACHE[cache_key]


# The code a compiled lexicon is derived by, besides its inputs: this module, the gazetteer's,
# the word splitter, and the languages (keys, word lists, in modules and data files). A module
# _compile comes to depend on goes here.
_SOURCES = (
    Path(__file__),
    Path(gazetteer.__file__),
    Path(words_module.__file__),
    *sorted(p for p in (PACKAGE_DIR / "languages").rglob("*") if p.suffix in (".py", ".txt")),
)
_FIELDS = ("rules", "phrases", "adjectives", "gazetteer_key", "exact", "role_nouns", "max_words")


def _load_or_compile(table: FactTable | None, rules: LanguageRules) -> Lexicon:
    """Return the lexicon from the on-disk cache, else compile it (and cache it)."""
    if tuple(f.name for f in fields(Lexicon)) != _FIELDS:  # a new field this cache cannot keep
        return _compile(table, rules)
    entities = [
        (e.id, e.type, e.name, dict(e.aliases), [(r.title, dict(r.cues)) for r in e.roles])
        for e in (table.entities if table is not None else ())
    ]
    entry_key = disk.key(
        "lexicon",
        rules.code,
        json.dumps(entities, ensure_ascii=False),
        gazetteer_bytes(),
        disk.source_hash(_SOURCES),
    )
    stored = disk.load("lexicon", entry_key)
    if stored is not None:
        try:
            return _from_plain(stored, rules)
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # not what this code writes: compile it again
    lex = _compile(table, rules)
    disk.store("lexicon", entry_key, _to_plain(lex))
    return lex


def _to_plain(lex: Lexicon) -> dict[str, Any]:
    """Return the lexicon as JSON-ready data: each entry once, phrases pointing at them."""
    index: dict[LexEntry, int] = {}
    for entry in [*lex.phrases.values(), *lex.exact.values()]:
        index.setdefault(entry, len(index))
    return {
        "entries": [astuple(entry) for entry in index],
        "phrases": {k: index[e] for k, e in lex.phrases.items()},
        "exact": {k: index[e] for k, e in lex.exact.items()},
        "adjectives": lex.adjectives,
        "gazetteer_key": lex.gazetteer_key,
        "role_nouns": {k: sorted(v) for k, v in lex.role_nouns.items()},
        "max_words": lex.max_words,
    }


def _from_plain(data: dict[str, Any], rules: LanguageRules) -> Lexicon:
    entries = [LexEntry(str(k), str(t), str(n), i, int(p)) for k, t, n, i, p in data["entries"]]
    return Lexicon(
        rules,
        {k: entries[i] for k, i in data["phrases"].items()},
        dict(data["adjectives"]),
        dict(data["gazetteer_key"]),
        {k: entries[i] for k, i in data["exact"].items()},
        {k: set(v) for k, v in data["role_nouns"].items()},
        int(data["max_words"]),
    )


def _compile(table: FactTable | None, rules: LanguageRules) -> Lexicon:
    lex = Lexicon(rules)
    gaz_by_form: dict[str, str] = {}
    for place in load_gazetteer():
        entry = LexEntry(f"gaz:{place.id}", place.type, place.name, None, _GAZETTEER)
        for lang_forms in place.names.values():
            for form in lang_forms:
                gaz_by_form.setdefault(phrase_key(form, rules), entry.key)
                if (
                    rules.code in place.ambiguous
                    and lang_forms is place.names.get(rules.code)
                    and len(words(form)) == 1
                ):
                    continue  # a word that is also a common word: only the table may claim it
                lex.add(form, entry)
        for form in place.adjectives.get(rules.code, ()):
            lex.adjectives[phrase_key(form, rules)] = entry.key
            for part in phrase_key(form, rules).split()[1:]:
                # "North Korean", الكوري الشمالي: each word goes on a title.
                lex.adjectives.setdefault(part, entry.key)
    if table is not None:
        for ent in table.entities:
            entry = LexEntry(ent.id, ent.type, ent.name, ent.id, _TABLE)
            forms = [ent.name, *(f for fs in ent.aliases.values() for f in fs)]
            for form in forms:
                lex.add(form, entry)
                gaz = gaz_by_form.get(phrase_key(form, rules))
                if gaz and ent.type in ("GPE", "LOC", "ORG"):
                    lex.gazetteer_key.setdefault(ent.id, gaz)
            for role in ent.roles:
                for cue in [*role.cues.get(rules.code, ()), role.title]:
                    head = phrase_key(cue, rules).split(" ")[0] if cue else ""
                    bare = rules.refers_back(None, head) or head
                    if head in rules.title_heads or bare in rules.title_heads:
                        lex.role_nouns.setdefault(bare, set()).add(ent.id)
        # Adjectives of a place the table knows point at the table's entity.
        by_gaz = {g: k for k, g in lex.gazetteer_key.items()}
        lex.adjectives = {a: by_gaz.get(k, k) for a, k in lex.adjectives.items()}
    return lex


def match_phrases(wk: WordKeys, lex: Lexicon, skip: Iterable[int] = ()) -> list[Match]:
    """Return the longest non-overlapping lexicon phrases in the body, left to right."""
    blocked = set(skip)
    out: list[Match] = []
    i, n = 0, len(wk.words)
    while i < n:
        best: Match | None = None
        if i not in blocked:
            for cut, first in wk.readings[i]:
                found = _longest_at(wk, lex, i, cut, first, blocked)
                if found and (best is None or found.last_word > best.last_word):
                    best = found
        if best is None:
            i += 1
            continue
        out.append(best)
        i = best.last_word + 1
    return out


def _longest_at(
    wk: WordKeys, lex: Lexicon, i: int, cut: int, first: str, blocked: set[int]
) -> Match | None:
    key = first
    raw = wk.words[i].text
    found: Match | None = None
    j = i
    while True:
        entry = lex.phrases.get(key)
        if entry is None and cut == 0:
            entry = lex.exact.get(raw)
        if entry is not None:
            found = Match(wk.words[i].start + cut, wk.words[j].end, entry, i, j)
        if j + 1 >= len(wk.words) or j - i + 1 >= lex.max_words or not wk.joined[j]:
            return found
        if j + 1 in blocked:
            return found
        j += 1
        key = f"{key} {wk.readings[j][0][1]}"
        raw = f"{raw} {wk.words[j].text}"
