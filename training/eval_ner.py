"""Exact-span NER evaluation on CoNLL-style files (token-per-line "TOKEN ... TAG").

Usable two ways:

- as a script: ``python training/eval_ner.py src/briefing/data/models/ner-ar`` scores a spaCy
  pipeline on the ANERcorp test split (or ``--data FILE``);
- as a library: ``evaluate(predict, path)`` scores any predictor, so that a combined model+rules
  system is measured with exactly the same code as the bare model.

A predictor takes one sentence as a list of words and returns spans ``(start, end, label)`` over
token indices, ``end`` exclusive (as in spaCy's ``Span.start``/``Span.end``). Labels from gold
and predictions pass through ``canonical_label`` so that PERS/PER/PERSON (and GPE/LOC) compare
equal; a label it does not know is kept and simply never matches gold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/ner/ar/ANERcorp-test.txt"

# Gold corpora and pipelines spell the same types differently. GPE maps to LOC because
# ANERcorp's LOC covers countries and cities, which our rules may relabel as GPE.
LABEL_MAP: dict[str, str] = {
    "PERS": "PERSON",
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "MISC": "MISC",
}

Span = tuple[int, int, str]
Predict = Callable[[list[str]], Iterable[Span]]


def canonical_label(label: str) -> str:
    """Return the label name shared by gold and predictions (PERS -> PERSON, GPE -> LOC)."""
    return LABEL_MAP.get(label.upper(), label)


@dataclass(frozen=True)
class Sentence:
    """One gold sentence: its words and its entity spans (canonical labels)."""

    words: list[str]
    spans: list[Span]


@dataclass
class Counts:
    """True positives, false positives and false negatives for one type (or all)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": round(100 * self.precision, 2),
            "r": round(100 * self.recall, 2),
            "f": round(100 * self.f1, 2),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "gold": self.tp + self.fn,
        }


@dataclass
class Scores:
    """Overall and per-type counts; percentages come from the Counts properties."""

    overall: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)
    sentences: int = 0

    def add(self, gold: set[Span], pred: set[Span]) -> None:
        for span in gold | pred:
            counts = self.per_type.setdefault(span[2], Counts())
            if span in gold and span in pred:
                counts.tp += 1
                self.overall.tp += 1
            elif span in pred:
                counts.fp += 1
                self.overall.fp += 1
            else:
                counts.fn += 1
                self.overall.fn += 1
        self.sentences += 1

    def as_dict(self) -> dict[str, object]:
        return {
            "overall": self.overall.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "sentences": self.sentences,
        }

    def table(self) -> str:
        """Return a fixed-width text table of P/R/F1 per type and overall."""
        rows = [f"{'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        items = [*sorted(self.per_type.items()), ("ALL", self.overall)]
        for name, c in items:
            rows.append(
                f"{name:<8} {100 * c.precision:6.2f} {100 * c.recall:6.2f} "
                f"{100 * c.f1:6.2f} {c.tp + c.fn:6d}"
            )
        return "\n".join(rows)


def iob_spans(tags: Sequence[str]) -> list[Span]:
    """Return the (start, end, label) spans encoded by IOB1/IOB2 tags, end exclusive.

    As in conlleval, an I- tag that does not continue a span of its own type starts a new one:
    ANERcorp has a few such orphans and dropping them would silently lose gold entities.
    """
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        kind = canonical_label(kind) if kind else ""
        continues = prefix == "I" and kind == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans


def read_conll(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a token-per-line file; blank lines end sentences.

    The token is the first column and the tag the last, so files with extra columns
    (POS, chunk) read the same way. ``-DOCSTART-`` lines are skipped.
    """
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.split()
            if cols and cols[0] == "-DOCSTART-":
                continue
            if cols:
                words.append(cols[0])
                tags.append(cols[-1])
            elif words:
                yield Sentence(words, iob_spans(tags))
                words, tags = [], []
    if words:
        yield Sentence(words, iob_spans(tags))


def evaluate(predict: Predict, path: Path | str = DEFAULT_DATA) -> Scores:
    """Return exact-span P/R/F1 of ``predict`` against the gold sentences in ``path``."""
    return score_sentences(predict, read_conll(Path(path)))


def score_sentences(predict: Predict, sentences: Iterable[Sentence]) -> Scores:
    """Return exact-span P/R/F1 of ``predict`` against already-read gold sentences."""
    scores = Scores()
    for sentence in sentences:
        pred = {(s, e, canonical_label(lab)) for s, e, lab in predict(list(sentence.words))}
        scores.add(set(sentence.spans), pred)
    return scores


def spacy_predictor(nlp: Language) -> Predict:
    """Return a predictor that runs ``nlp`` on a Doc built from the gold words.

    Building the Doc from the given words (not re-tokenising text) keeps token indices
    aligned with the gold file.
    """
    from spacy.tokens import Doc

    def predict(words: list[str]) -> list[Span]:
        doc = nlp(Doc(nlp.vocab, words=words))
        return [(ent.start, ent.end, ent.label_) for ent in doc.ents]

    return predict


def evaluate_pipeline(model: Path | str, path: Path | str = DEFAULT_DATA) -> Scores:
    """Return the scores of the spaCy pipeline stored at ``model`` on ``path``."""
    import spacy

    return evaluate(spacy_predictor(spacy.load(model)), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="path of a spaCy pipeline")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CoNLL-style gold file")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    scores = evaluate_pipeline(args.model, args.data)
    print(json.dumps(scores.as_dict(), indent=2) if args.json else scores.table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
