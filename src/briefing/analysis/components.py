"""The project's spaCy components: thin wrappers that run the analysis on a Doc.

Each reads the per-document context that `extract.analyse` sets (`doc._.ctx`) and leaves plain
records on the Doc; `extract` turns them into an Extraction, and spaCy stops there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Any, cast

import numpy

from briefing import languages
from briefing.analysis.claims import find_claims
from briefing.analysis.entities import ModelSpan, find_entities
from briefing.analysis.lexicon import Lexicon
from briefing.analysis.sentences import sentence_spans
from briefing.analysis.spacy_import import import_spacy
from briefing.analysis.times import find_times
from briefing.analysis.words import WordKeys, word_keys

import_spacy()  # before the imports below load spaCy, so that they load it without its CLI

# isort: split
from spacy.attrs import IDX, SENT_START  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402


@dataclass(frozen=True)
class DocContext:
    """What the components need beyond the text."""

    language: languages.Language
    lexicon: Lexicon
    published: date | None


for _name in ("ctx", "sentence_spans", "word_keys", "times", "entity_findings", "claims", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("briefing_sentences")
def sentences_component(doc: Doc) -> Doc:
    """Mark sentence starts from news punctuation (Arabic marks, newlines, quotes)."""
    ctx: DocContext | None = doc._.ctx
    spans = sentence_spans(doc.text, ctx.language.rules if ctx is not None else None)
    doc._.sentence_spans = spans
    if len(doc):
        # One array for the whole Doc: setting token.is_sent_start token by token makes spaCy
        # scan the Doc each time (has_annotation), which is quadratic on a long article.
        offsets = doc.to_array([IDX]).astype(numpy.int64)
        starts = numpy.fromiter((s for s, _ in spans), dtype=numpy.int64, count=len(spans))
        flags = numpy.where(numpy.isin(offsets, starts), 1, -1)
        flags[0] = 1
        doc.from_array([SENT_START], cast(Any, flags.astype(numpy.uint64)))
    return doc


@Language.component("briefing_times")
def times_component(doc: Doc) -> Doc:
    """Find time expressions and resolve them against the publication date."""
    ctx: DocContext = doc._.ctx
    doc._.times = find_times(doc.text, ctx.language.code, ctx.published)
    return doc


@Language.component("briefing_entities")
def entities_component(doc: Doc) -> Doc:
    """Find people, organisations and places: lexicon, cue words, then the model's spans."""
    ctx: DocContext = doc._.ctx
    wk = word_keys(doc.text, ctx.language.rules)
    doc._.word_keys = wk
    blocked = _inside_spans(wk, [(t.start, t.end) for t in doc._.times or ()])
    model_spans = [ModelSpan(e.start_char, e.end_char, e.label_) for e in doc.ents]
    findings = find_entities(doc.text, wk, ctx.language, ctx.lexicon, model_spans, blocked)
    doc._.entity_findings = findings
    if doc._.times:  # a time word the entities read as a name (الخميس, a family name) is no date
        named = [(m.start, m.end) for m in findings.matches if m.entry.type == "PERSON"]
        doc._.times = [
            t for t in doc._.times if not any(a <= t.start and t.end <= b for a, b in named)
        ]
    return doc


def _inside_spans(wk: WordKeys, spans: list[tuple[int, int]]) -> set[int]:
    """Return the indices of the words that lie wholly inside one of the character spans."""
    if not spans:
        return set()
    spans.sort()
    span_starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest end of spans[: k + 1]
    out = set()
    for i, w in enumerate(wk.words):
        k = bisect_right(span_starts, w.start) - 1
        if k >= 0 and reach[k] >= w.end:
            out.add(i)
    return out


@Language.component("briefing_claims")
def claims_component(doc: Doc) -> Doc:
    """Split sentences into claims, find who says each, and the events they tell."""
    ctx: DocContext = doc._.ctx
    findings = doc._.entity_findings
    claims, events = find_claims(
        doc.text,
        doc._.word_keys,
        ctx.language,
        doc._.sentence_spans,
        findings.matches,
        doc._.times,
        findings.titles,
        findings.references,
    )
    doc._.claims = claims
    doc._.events = events
    return doc
