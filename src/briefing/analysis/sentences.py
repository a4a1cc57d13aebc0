"""Sentence boundaries that suit news text in Arabic and English."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?؟…]+[\"”»’')\]]*(?=\s|$)|\n+")
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
_CLOSERS = "”»"
_MAX_QUOTE = 400  # past this many characters an unclosed quote no longer holds a sentence open


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return [start, end) of each sentence, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group().startswith(".") and _is_abbreviation(text, m.start()):
            continue
        if "\n" not in m.group() and _inside_quote(text, start, m.end()):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


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
    word = before[-1].casefold().lstrip("(\"'“«")
    if word in _ABBREVIATIONS:
        return True
    # A single capital letter (an initial, as in "George W. Bush").
    return len(word) == 1 and word.isalpha() and word.isascii()


def _inside_quote(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    straight = segment.rfind('"')
    if straight != -1 and _opens(segment, straight) and pos - (start + straight) < _MAX_QUOTE:
        return True  # "It's complicated. It's challenging," she said: one sentence
    opened = max(segment.rfind(c) for c in _OPENERS)
    if opened == -1:
        return False
    closed = max(segment.rfind(c) for c in _CLOSERS)
    return closed < opened and pos - (start + opened) < _MAX_QUOTE


def _opens(segment: str, i: int) -> bool:
    """Say whether the straight quote at i opens a quote: after a space, before a word (a
    quote over two paragraphs leaves the first one open, so counting marks would not do)."""
    before = segment[i - 1] if i else " "
    after = segment[i + 1] if i + 1 < len(segment) else " "
    return (before.isspace() or before in "([") and not after.isspace()
