"""Read the English NER corpora and cut them into train, dev and test.

Three corpora under ``ner/en`` of the shared data, each in its own layout:

- ``wikigold.conll``: Wikigold, "WORD TAG" separated by a space, IOB1 tags (I- only, B- only
  between two touching names of one type), PER/ORG/LOC/MISC, blank lines between sentences and
  ``-DOCSTART-`` lines between the 145 Wikipedia articles (the first article has none).
- ``btc/{a,b,e,f,g,h}.conll``: Broad Twitter Corpus, "WORD<TAB>TAG", IOB2, PER/LOC/ORG, one
  tweet per block. A few tokens are empty or hold spaces (all tagged O): empty ones are dropped,
  the others split at the spaces.
- ``uner-en_ewt-{dev,test}.iob2``: Universal NER on the English Web Treebank, CoNLL-U-like:
  ``# newdoc``/``# sent_id``/``# text`` comments, then "INDEX<TAB>WORD<TAB>TAG<TAB>-<TAB>
  ANNOTATOR" (the tag is the third column, not the last), IOB2, PER/ORG/LOC.

Labels become PERSON, ORG, LOC. Wikigold's MISC is dropped (read as O): the other two corpora
tag the same kinds of words (nationalities, events, titles) O, so keeping it would teach MISC
from a quarter of the data and contradict the rest.

The split (documents in file order; a document goes to a tail slice when it starts inside it):

- test: all of UNER EWT test; Wikigold's articles in the last 15% of its words; the last 5% of
  the words of each BTC section;
- dev (model selection): UNER EWT dev's documents in the last 10% of its words; Wikigold's
  articles in the 10% of words before its test slice; each BTC section's 5% before its test
  slice;
- train: everything else.

Contiguous tails rather than random samples, so that dev and test do not share articles (or
the same day's tweets) with train.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eval_ner import Sentence, iob_spans

LABELS = frozenset({"PERSON", "ORG", "LOC"})
BTC_SECTIONS = ("a", "b", "e", "f", "g", "h")

# Shares of words (dev, test) cut from the end of each source, in file order.
WIKIGOLD_TAILS = (0.10, 0.15)
BTC_TAILS = (0.05, 0.05)
UNER_DEV_TAIL = 0.10

Document = list[Sentence]


@dataclass
class Corpus:
    """Sentences of each split, and the same sentences by source (for reports and weighting)."""

    splits: dict[str, list[Sentence]]
    parts: dict[str, dict[str, list[Sentence]]] = field(default_factory=dict)

    def add(self, split: str, source: str, sentences: list[Sentence]) -> None:
        self.splits.setdefault(split, []).extend(sentences)
        self.parts.setdefault(split, {}).setdefault(source, []).extend(sentences)


class _Builder:
    """Collect words and tags into sentences, and sentences into documents."""

    def __init__(self) -> None:
        self.documents: list[Document] = [[]]
        self.words: list[str] = []
        self.tags: list[str] = []

    def add(self, word: str, tag: str) -> None:
        # Split a token that holds spaces; the pieces after the first continue its entity.
        for i, piece in enumerate(word.split()):
            kind = tag.partition("-")[2]
            self.words.append(piece)
            self.tags.append(tag if i == 0 or not kind else f"I-{kind}")

    def end_sentence(self) -> None:
        if self.words:
            spans = [span for span in iob_spans(self.tags) if span[2] in LABELS]
            self.documents[-1].append(Sentence(self.words, spans))
            self.words, self.tags = [], []

    def end_document(self) -> None:
        self.end_sentence()
        if self.documents[-1]:
            self.documents.append([])

    def result(self) -> list[Document]:
        self.end_document()
        return [doc for doc in self.documents if doc]


def read_wikigold(path: Path) -> list[Document]:
    """Return Wikigold's articles, each a list of sentences."""
    builder = _Builder()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.split()
            if not cols:
                builder.end_sentence()
            elif cols[0] == "-DOCSTART-":
                builder.end_document()
            else:
                builder.add(cols[0], cols[-1])
    return builder.result()


def read_btc(path: Path) -> list[Document]:
    """Return a BTC section's tweets, each a one-sentence document."""
    builder = _Builder()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\r\n").split("\t")
            if not line.strip():
                builder.end_document()
            else:
                builder.add(cols[0], cols[-1])
    return builder.result()


def read_uner(path: Path) -> list[Document]:
    """Return the documents (``# newdoc``) of a Universal NER file."""
    builder = _Builder()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            cols = line.rstrip("\r\n").split("\t")
            if line.startswith("# newdoc"):
                builder.end_document()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                builder.end_sentence()
            else:
                builder.add(cols[1], cols[2])
    return builder.result()


def cut_tails(documents: list[Document], *shares: float) -> list[list[Sentence]]:
    """Return [head, tail 1, ..., tail n]: tail n holds the documents that start in the last
    ``shares[-1]`` of the words, tail n-1 those in the ``shares[-2]`` before it, and so on."""
    total = sum(len(s.words) for doc in documents for s in doc)
    bounds: list[float] = []
    end = 1.0
    for share in reversed(shares):
        end -= share
        bounds.insert(0, end * total)
    slices: list[list[Sentence]] = [[] for _ in range(len(shares) + 1)]
    start = 0
    for doc in documents:
        slices[sum(start >= bound for bound in bounds)].extend(doc)
        start += sum(len(s.words) for s in doc)
    return slices


def english_corpus(root: Path) -> Corpus:
    """Read the English corpora under ``root`` (the shared data folder) and split them."""
    base = root / "ner" / "en"
    corpus = Corpus({"train": [], "dev": [], "test": []})
    train, dev = cut_tails(read_uner(base / "uner-en_ewt-dev.iob2"), UNER_DEV_TAIL)
    corpus.add("train", "UNER EWT", train)
    corpus.add("dev", "UNER EWT", dev)
    (test,) = cut_tails(read_uner(base / "uner-en_ewt-test.iob2"))
    corpus.add("test", "UNER EWT", test)
    train, dev, test = cut_tails(read_wikigold(base / "wikigold.conll"), *WIKIGOLD_TAILS)
    corpus.add("train", "Wikigold", train)
    corpus.add("dev", "Wikigold", dev)
    corpus.add("test", "Wikigold", test)
    for section in BTC_SECTIONS:
        train, dev, test = cut_tails(read_btc(base / "btc" / f"{section}.conll"), *BTC_TAILS)
        corpus.add("train", "BTC", train)
        corpus.add("dev", "BTC", dev)
        corpus.add("test", "BTC", test)
    return corpus
