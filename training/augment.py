"""Copies of train sentences whose names are made novel (tried on Arabic; off by default).

A third of ANERcorp's test entities are names never seen in training; these copies give the
model the view it will have of a new name (training/RESULTS.md, r4-hash-novel).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass

from eval_ner import Sentence

# Share of non-entity words made novel in augmented copies: about the share of non-entity
# words of the test split that the train split never shows (15%).
NOVEL_OTHER_RATE = 0.15


@dataclass(frozen=True)
class Lexicon:
    """The train split's word types (to avoid) and their letters (to draw from)."""

    words: frozenset[str]
    letters: str

    @classmethod
    def of(cls, sentences: Iterable[Sentence]) -> Lexicon:
        words = frozenset(w for s in sentences for w in s.words)
        return cls(words, "".join(c for w in words for c in w if c.isalpha()))


def novel_word(word: str, lexicon: Lexicon, rng: random.Random) -> str:
    """Return a word not in the train split that shares ``word``'s first letter and last three.

    spaCy's hash embeddings give an unseen word an arbitrary vector; PREFIX (first letter)
    and SUFFIX (last three) still carry morphology such as the article and clitics. Keeping
    those and redrawing the middle gives the model the view it will have of a new name.
    """
    candidate = word
    for _ in range(10):
        middle = "".join(rng.choice(lexicon.letters) for _ in range(max(1, len(word) - 4)))
        candidate = word[:1] + middle + word[1:][-3:]
        if candidate not in lexicon.words:
            break
    return candidate


def unseen_copy(
    sentence: Sentence, lexicon: Lexicon, rng: random.Random, *, rate: float
) -> Sentence:
    """Return ``sentence`` with entity words made novel (and a few others, at ``rate``).

    A third of the gold entities in the test split are names never seen in training, and
    those are what the model misses: without this, every name it trains on is one it knows.
    Other words are made novel too, more rarely, so that "unknown word" alone does not come
    to mean "entity".
    """
    inside = {i for start, end, _ in sentence.spans for i in range(start, end)}
    words = [
        novel_word(w, lexicon, rng) if i in inside or rng.random() < rate else w
        for i, w in enumerate(sentence.words)
    ]
    return Sentence(words, sentence.spans)


def augment(sentences: list[Sentence], copies: int, seed: int) -> list[Sentence]:
    """Return ``sentences`` plus ``copies`` copies (of those with entities) with novel names."""
    rng = random.Random(seed)
    lexicon = Lexicon.of(sentences)
    with_entities = [s for s in sentences if s.spans]
    return sentences + [
        unseen_copy(s, lexicon, rng, rate=NOVEL_OTHER_RATE)
        for _ in range(copies)
        for s in with_entities
    ]
