"""Sentence boundaries that suit news text in Arabic and English."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.languages.base import LanguageRules

# A final mark (and the quotes and brackets it closes) before a space; a line break; or a full
# stop between two words with no space after it ("…في المنطقة.وهذا", "university.The").
_END = re.compile(r"[.!?؟…]+[\"”»’')\]]*(?=\s|$)|\n+|(?<=\w)\.(?=[^\W\d_])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "prof",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "no",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "rep",
        "sen",
        "gov",
        "adm",
        "capt",
        "د",
    ]
)
_OPENERS = "“«„"
_CLOSERS = {"”": "“", "»": "«", "“": "„"}  # a closer and the opener it closes
_STRAIGHT_OPENS_AFTER = "([{-–—:/"  # a straight quote after a space or these opens a quote
_MAX_QUOTE = 400  # past this many characters an unclosed quote no longer holds a sentence open
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_FINAL = ".!?؟…:"
_CLOSING = "\"”»’')]"
_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")
_GLUED_URL = ("/", "@", "www")
MAX_HEADING_WORDS = 4  # a line this short with no final mark is a heading, caption or byline
MAX_BYLINE_WORDS = 8
_ATTRIBUTION_WORDS = 6  # "…!" he said: a short rest after a closing quote that holds a verb


class _Quotes:
    """The stretches of text inside balanced quote marks, to ask whether a place is quoted."""

    def __init__(self, text: str) -> None:
        spans = sorted(_quote_spans(text))
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))

    def inside(self, pos: int) -> bool:
        """Say whether `pos` lies inside a quote opened before it."""
        k = bisect_left(self.starts, pos) - 1
        return k >= 0 and self.reach[k] > pos


def sentence_spans(text: str, rules: LanguageRules | None = None) -> list[tuple[int, int]]:
    """Return [start, end) of each sentence, stripped of surrounding space.

    A sentence goes on through a full stop inside a quote, and through a line break inside a
    sentence (a line that ends with no final mark, before one that opens with a continuation).
    """
    spans: list[tuple[int, int]] = []
    quotes = _Quotes(text)
    start = 0
    for m in _END.finditer(text):
        if not _ends_sentence(text, m, quotes, rules):
            continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _ends_sentence(
    text: str, m: re.Match[str], quotes: _Quotes, rules: LanguageRules | None
) -> bool:
    found = m.group()
    if found.startswith("\n"):
        return not _line_goes_on(text, m.start(), m.end(), rules)
    if found == "." and m.end() < len(text) and not text[m.end()].isspace():
        return _glued_stop(text, m.start())
    if found.startswith(".") and (
        _is_abbreviation(text, m.start()) or _initial_follows(text, m.end(), rules)
    ):
        return False
    nxt = _NON_SPACE.search(text, m.end())
    after = nxt.start() if nxt else len(text)
    if quotes.inside(after):
        return False  # "It's complicated. It's challenging," she said: one sentence
    closed_quote = found.rstrip(")]").endswith(tuple('"”»’'))
    return not (closed_quote and _attribution_follows(text, after, rules))


def _attribution_follows(text: str, pos: int, rules: LanguageRules | None) -> bool:
    """Say whether the words after a closed quote tell who said it ("Go!" he said.)."""
    if pos < len(text) and text[pos].islower():
        return True
    if rules is None:
        return False
    rest = re.split(r"[.!?؟…\n]", text[pos : pos + 200], maxsplit=1)[0].split()
    if len(rest) > _ATTRIBUTION_WORDS:
        return False
    verbs = rules.reporting_verbs | rules.carry_verbs
    return any(k in verbs for w in rest for _, k in rules.variants(w.strip(",،")))


def _glued_stop(text: str, dot: int) -> bool:
    """Say whether a full stop with a word right after it ends a sentence ("المنطقة.وهذا"):
    not in a number, an abbreviation (U.S., بي.سي), a domain (BBC.co.uk) or an address."""
    left = text.rfind(" ", 0, dot) + 1
    space = _SPACE.search(text, dot)
    right = space.start() if space else len(text)
    token = text[left:right]
    if any(u in token.casefold() for u in _GLUED_URL) or token.count(".") > 1:
        return False
    before = _WORD.findall(text[left:dot])
    after = _WORD.match(text, dot + 1)
    if not before or after is None or _is_abbreviation(text, dot):
        return False
    prev, nxt = before[-1], after.group()
    if prev[-1].lower() != prev[-1].upper():  # a script with case: "university.The"
        return prev[-1].islower() and nxt[0].isupper() and len(prev) >= 2
    return len(prev) >= 3 and len(nxt) >= 3


def _line_goes_on(text: str, nl: int, after: int, rules: LanguageRules | None) -> bool:
    """Say whether a line break falls inside a sentence: the line before ends with no final
    mark, and the next opens with a lower-case letter or a word that opens no sentence."""
    if rules is None or text[nl:after].count("\n") > 1:
        return False
    line = text[text.rfind("\n", 0, nl) + 1 : nl].rstrip()
    if not line or line[-1] in _FINAL or line[-1] in _CLOSING:
        return False
    if len(_WORD.findall(line)) <= MAX_HEADING_WORDS:
        return False  # a heading stays a line of its own
    nxt = text[after:].lstrip(" \t")
    word = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
    if not word:
        return False
    if rules.has_case and word[0].islower():
        return True
    bare = word.strip(",،:;؛")
    return any(k in rules.continuation_words for _, k in rules.variants(bare))


def is_heading(text: str, start: int, end: int, rules: LanguageRules) -> bool:
    """Say whether a sentence is a line of its own that states nothing: a heading, a caption,
    a byline, a dateline or an agency's trailer ("أداء القطاعات", "By Jane Doe", "(رويترز)")."""
    if text[start:end].rstrip()[-1:] in _FINAL:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or text[end : line_end(text, end)].strip():
        return False
    words = _WORD.findall(text[start:end])
    if len(words) <= MAX_HEADING_WORDS:
        return True
    first = text[start:end].split()[0]
    byline = first.startswith("*") or rules.key(first) in rules.byline_words
    return byline and len(words) <= MAX_BYLINE_WORDS


def opens_footer(text: str, start: int, end: int, rules: LanguageRules) -> bool:
    """Say whether a sentence opens a paper's footer that tells the reader how to write in
    ("للتواصل مع الكاتب أرسل رسالة …"): it and the rest of its line state nothing."""
    first = text[start:end].split(maxsplit=1)
    return bool(first) and rules.key(first[0].strip(":،,")) in rules.footer_openers


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Return [open, close) of each quote: typographic marks pair up as they nest; a straight
    mark opens after a space and closes after a word. A quote that is not closed ends at its
    line's end, and at most _MAX_QUOTE characters on."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_MARK.finditer(text):
        mark, i = m.group(), m.start()
        if mark in _CLOSERS and any(o == _CLOSERS[mark] for o, _ in stack):
            while stack:
                opener, at = stack.pop()
                spans.append((at, i + 1))
                if opener == _CLOSERS[mark]:
                    break
        elif mark in _OPENERS:
            stack.append((mark, i))
        elif mark == '"':
            opens = i == 0 or text[i - 1].isspace() or text[i - 1] in _STRAIGHT_OPENS_AFTER
            if stack and stack[-1][0] == '"':
                # A second opening mark: the quote before ran to a paragraph's end unclosed.
                spans.append((stack.pop()[1], i if opens else i + 1))
            if opens:
                stack.append((mark, i))
    spans.extend((at, len(text)) for _, at in stack)
    return [(a, min(b, a + _MAX_QUOTE, line_end(text, a))) for a, b in spans]


def line_end(text: str, pos: int) -> int:
    """Return where the line holding `pos` ends."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_abbreviation(text: str, dot: int) -> bool:
    before = text[max(0, dot - 6) : dot].split()
    if not before:
        return False
    word = before[-1].casefold().lstrip("(\"'“«.")
    if word in _ABBREVIATIONS:
        return True
    # A single capital letter (an initial, as in "George W. Bush"), or one Arabic letter (the
    # initial of a family name kept back: الطالبة إيمان. ق. قالت).
    if len(word) == 1 and word.isalpha():
        return word.isascii() or _initial_stands(text, dot)
    return False


def _initial_stands(text: str, dot: int) -> bool:
    """Say whether the one letter before `dot` is an initial: a word stands before it too."""
    before = text[max(0, dot - 30) : dot].split()
    return len(before) >= 2 and len(before[-2].strip(".")) >= 2


def _initial_follows(text: str, pos: int, rules: LanguageRules | None) -> bool:
    """Say whether an initial follows `pos` and a verb of saying after it: one letter and its
    full stop (الطالبة إيمان. ق. قالت). Before a name the letter is a title (م. خالد, "Eng.")."""
    m = _INITIAL.match(text, pos)
    if m is None or rules is None:
        return False
    nxt = text[m.end() : m.end() + 40].split()
    verbs = rules.reporting_verbs | rules.carry_verbs
    return bool(nxt) and any(k in verbs for _, k in rules.variants(nxt[0].strip(".،,")))


_INITIAL = re.compile(r"\s*[^\W\d_]\s?\.")
