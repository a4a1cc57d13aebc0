"""Read NewsFANEGold and bring it to ANERcorp's tokens and the briefing's entity types.

``ner/ar/newsfane/NewsFANE_Gold_2014_170K.txt`` (Alotaibi and Lee, COLING 2014; CC BY-SA 3.0):
"WORD<TAB>TAG" lines, IOB2 tags over 50 fine classes, a blank line (or one holding only a tab)
between sentences, CRLF line ends, a byte-order mark, and a left-to-right mark (U+200E) before
most words. It differs from ANERcorp, and from what spaCy's Arabic tokenizer gives at inference,
in two ways:

- Clitics stand apart: ``و قال``, ``ل الاتحاد``, ``ان ه``. They are joined again here: a
  proclitic (و ف ب ل ك, and chains of them) onto the next word, a pronoun suffix (ه ها هم ...)
  onto the previous one, so that a proclitic before a name becomes part of the name's first
  token, as in ANERcorp (``وبغداد`` B-LOC). ``ل`` before ``ال`` is written ``لل`` as in print.
- Letters are normalised: no hamza on alef (أ إ آ are all ا) and final ى mostly written ي.
  That is kept (see training/RESULTS.md for what the mismatch costs).

Fine classes map to PERSON, ORG, LOC (which, as in ANERcorp, also covers countries and cities,
and here facilities too) and MISC; ``Group`` (nationalities, peoples) is read as O, as ANERcorp
leaves them.

The split is fixed and deterministic: sentences in file order, in blocks of ``BLOCK``; block
``k`` goes to dev when ``k % 10 == 8``, to test when ``k % 10 == 9``, to train otherwise. Blocks
of a few articles keep a test sentence's neighbours mostly out of train, and spreading the
blocks over the file samples every part of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eval_ner import Sentence, Span, iob_spans

PATH = "ner/ar/newsfane/NewsFANE_Gold_2014_170K.txt"
BLOCK = 50  # sentences (about 1,750 words)
SHINGLE = 6  # words in the runs that find ANERcorp's sentences in NewsFANE
# Share of a sentence's runs found in an ANERcorp split that puts it in that split: NewsFANE
# cuts, spells and segments some sentences differently, so most matches are partial.
OVERLAP = 0.2

_PERSON = (
    "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer Engineer"
)
_GPE = "Nation Population-Center State-or-Province GPE-Cluster County-or-District"
_LOC = "Continent Water-Body Land Land-Region-Natural"
_FAC = "Building-Grounds Airport Path Subarea-Facility"
_ORG = (
    "Non-Governmental Government Commercial Media Sports Educational Police Religious_ORG "
    "Medical-Science Entertainment"
)
_MISC = "Book Movie Software Hardware Air Projectile Food Shooting Celestial Water Drug Plant"
TYPES: dict[str, str] = {
    **dict.fromkeys(_PERSON.split(), "PERSON"),
    **dict.fromkeys(f"{_GPE} {_LOC} {_FAC}".split(), "LOC"),
    **dict.fromkeys(_ORG.split(), "ORG"),
    **dict.fromkeys(_MISC.split(), "MISC"),
}

PROCLITICS = frozenset("وفبلك")
SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "كن", "نا", "ني", "ي", "ن", "ت"})
DETACHED = frozenset({"ء"})  # a final hamza split off its word


def is_word(token: str) -> bool:
    """Say whether a token is an Arabic word (something a clitic can join)."""
    return any("\u0621" <= c <= "\u064a" for c in token)


def coarse(tag: str) -> str:
    """Return an IOB2 tag with its fine class mapped to a coarse type, or O."""
    prefix, _, fine = tag.partition("-")
    kind = TYPES.get(fine)
    return f"{prefix}-{kind}" if kind and prefix in ("B", "I") else "O"


def read_raw(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (words, coarse tags) of each sentence, with the marks around words removed."""
    words: list[str] = []
    tags: list[str] = []
    text = path.read_text(encoding="utf-8-sig")
    for line in text.replace("\u200e", "").splitlines():
        word, _, tag = line.strip().partition("\t")
        if word:
            words.append(word)
            tags.append(coarse(tag.strip() or "O"))
        elif words:
            yield words, tags
            words, tags = [], []
    if words:
        yield words, tags


def _joins_forward(words: list[str], i: int) -> bool:
    """Say whether token i is a proclitic to join onto the next word."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word not in PROCLITICS or not is_word(nxt):
        return False
    if word != "ك":
        return True
    # ك is "as" before a word (كما, كالعادة) and "your" after one (ان ك).
    prev = words[i - 1] if i else ""
    return nxt.startswith("ال") or nxt in ("ما", "ان") or not is_word(prev)


def _joins_back(words: list[str], i: int) -> bool:
    """Say whether token i is a suffix to join onto the previous word."""
    prev = words[i - 1] if i else ""
    return (words[i] in SUFFIXES or words[i] in DETACHED) and is_word(prev)


def join(a: str, b: str) -> str:
    """Return proclitic ``a`` written onto word ``b`` (ل + الاتحاد = للاتحاد)."""
    if a.endswith("ل") and b.startswith("ال") and len(b) > 2:
        return a + b[1:]
    return a + b


def attach_clitics(words: list[str], tags: list[str]) -> Sentence:
    """Return the sentence with its clitics joined to their words and its spans remapped."""
    groups: list[list[int]] = []  # old token indices that make each new token
    pending: list[int] = []  # proclitics waiting for their word
    for i in range(len(words)):
        if _joins_forward(words, i):
            pending.append(i)
        elif not pending and groups and _joins_back(words, i):
            groups[-1].append(i)
        else:
            groups.append([*pending, i])
            pending = []
    if pending:
        groups.append(pending)
    new_index = {old: n for n, group in enumerate(groups) for old in group}
    new_words = []
    for group in groups:
        merged = ""
        for old in group:
            merged = join(merged, words[old]) if merged else words[old]
        new_words.append(merged)
    spans: list[Span] = []
    for start, end, label in iob_spans(tags):
        span = (new_index[start], new_index[end - 1] + 1, label)
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return Sentence(new_words, spans)


def read_newsfane(root: Path) -> list[Sentence]:
    """Return NewsFANEGold's sentences with clitics joined and coarse types."""
    return [attach_clitics(words, tags) for words, tags in read_raw(root / PATH)]


def _key(word: str) -> str:
    """Return a word as both corpora can be matched on: NewsFANE's letters, ل + ال as للـ."""
    word = word.translate(_MATCH_LETTERS)
    return "لل" + word[3:] if word.startswith("لال") else word


_MATCH_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})


def shingles(sentence: Sentence) -> set[str]:
    """Return the sentence's runs of SHINGLE words (or the whole of a shorter one)."""
    keys = [_key(w) for w in sentence.words]
    if len(keys) <= SHINGLE:
        return {" ".join(keys)}
    return {" ".join(keys[i : i + SHINGLE]) for i in range(len(keys) - SHINGLE + 1)}


def split_like(
    sentences: list[Sentence], anercorp: dict[str, list[Sentence]], *, train_shared: bool
) -> dict[str, list[Sentence]]:
    """Return NewsFANE's fixed train/dev/test split, which follows ANERcorp's where they share
    text.

    Most of NewsFANEGold is ANERcorp's text annotated again (about 4,200 of its 4,760
    sentences share runs of words with ANERcorp). A sentence that shares at least OVERLAP of
    its runs with ANERcorp's test (else dev, else train) goes to that split, so that no
    ANERcorp test or dev sentence is trained on under NewsFANE's name; one that shares text with
    ANERcorp's train split is trained on only when ``train_shared`` says so (its second,
    differently annotated copy). The others are cut by
    blocks of BLOCK sentences in file order: block k goes to dev when k % 10 == 8, to test when
    k % 10 == 9, to train otherwise.
    """
    runs = {name: set().union(*map(shingles, anercorp[name])) for name in ("test", "dev", "train")}
    splits: dict[str, list[Sentence]] = {"train": [], "dev": [], "test": []}
    for n, sentence in enumerate(sentences):
        own = shingles(sentence)
        shared = [name for name, seen in runs.items() if len(own & seen) >= OVERLAP * len(own)]
        if shared:
            if shared[0] != "train" or train_shared:
                splits[shared[0]].append(sentence)
            continue
        k = (n // BLOCK) % 10
        splits["dev" if k == 8 else "test" if k == 9 else "train"].append(sentence)
    return splits
