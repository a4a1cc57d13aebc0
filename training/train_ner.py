"""Train, evaluate and ship a small spaCy NER pipeline for one language.

    python training/train_ner.py ar --out src/briefing/data/models/ner-ar

Steps: read the CoNLL corpus, hold out the last sentences of the train split as a dev set (for
model selection only), write spaCy DocBins to training/corpus/, train with spaCy's own training
loop and the config in training/configs/ner-<lang>.cfg into training/output/<run>/, score the
best checkpoint on the test split with training/eval_ner.py, and, with --out, copy that
checkpoint (plus meta and README) to the folder the package ships.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval_ner import Scores, Sentence, read_conll, score_sentences, spacy_predictor

if TYPE_CHECKING:
    from spacy.language import Language

# Share of non-entity words made novel in augmented copies: about the share of non-entity
# words of the test split that the train split never shows (15%).
NOVEL_OTHER_RATE = 0.15

HERE = Path(__file__).resolve().parent
DATA_ROOT = Path(os.environ.get("BRIEFING_DATA", "/work/shared/data"))


@dataclass(frozen=True)
class CorpusSpec:
    """Where a language's NER corpus lives and how to credit it."""

    train: str
    test: str
    name: str
    licence: str
    citation: str


CORPORA: dict[str, CorpusSpec] = {
    "ar": CorpusSpec(
        train="ner/ar/ANERcorp-train.txt",
        test="ner/ar/ANERcorp-test.txt",
        name="ANERcorp (CAMeL Lab train/test split)",
        licence="CC BY-SA 4.0",
        citation=(
            "Yassine Benajiba, Paolo Rosso and José Miguel Benedí Ruiz. 2007. ANERsys: An "
            "Arabic Named Entity Recognition System Based on Maximum Entropy. CICLing 2007. "
            "Train/test split as published by CAMeL Lab, NYU Abu Dhabi."
        ),
    ),
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang", choices=sorted(CORPORA), help="language of the corpus")
    parser.add_argument("--out", type=Path, help="ship the trained pipeline to this folder")
    parser.add_argument("--config", type=Path, help="spaCy config (default configs/ner-LANG.cfg)")
    parser.add_argument("--run", default="", help="name of the run folder in training/output/")
    parser.add_argument("--data-root", type=Path, default=DATA_ROOT, help="shared data folder")
    parser.add_argument(
        "--augment", type=int, default=0, help="mention-replaced copies of the train sentences"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the augmentation")
    parser.add_argument("--test", action="store_true", help="also score the test split")
    parser.add_argument("--dev-fraction", type=float, default=0.1, help="share of train for dev")
    parser.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="SECTION.KEY=VALUE",
        help="override a config value, e.g. --set training.max_steps=3000 (repeatable)",
    )
    return parser.parse_args(argv)


def parse_overrides(pairs: Iterable[str]) -> dict[str, Any]:
    """Return spaCy config overrides from KEY=VALUE strings; values are JSON when they parse."""
    overrides: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep:
            raise SystemExit(f"--set {pair!r}: expected SECTION.KEY=VALUE")
        try:
            overrides[key] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key] = raw  # a bare word such as a registry name
    return overrides


def split_dev(sentences: list[Sentence], fraction: float) -> tuple[list[Sentence], list[Sentence]]:
    """Return (train, dev): dev is the last ``fraction`` of sentences.

    A contiguous tail rather than a random sample, so dev articles do not share sentences'
    neighbours with train and the dev score is not flattered.
    """
    cut = len(sentences) - max(1, round(len(sentences) * fraction))
    return sentences[:cut], sentences[cut:]


@dataclass(frozen=True)
class Lexicon:
    """The train split's words (to avoid) and letters (to draw from, by frequency)."""

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


def write_docbin(sentences: list[Sentence], lang: str, path: Path) -> None:
    """Write sentences as one Doc each, built from the corpus tokens (no re-tokenising)."""
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank(lang).vocab
    docbin = DocBin(store_user_data=False)
    for sentence in sentences:
        doc = Doc(vocab, words=sentence.words)
        doc.ents = [Span(doc, start, end, label) for start, end, label in sentence.spans]
        docbin.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)


def prepare_corpus(
    spec: CorpusSpec, lang: str, root: Path, *, fraction: float, copies: int, seed: int, tag: str
) -> dict[str, list[Sentence]]:
    """Read train/dev/test, write them as DocBins under training/corpus/, return the sentences."""
    train, dev = split_dev(list(read_conll(root / spec.train)), fraction)
    splits = {"train": train, "dev": dev, "test": list(read_conll(root / spec.test))}
    for name, sentences in splits.items():
        path = docbin_path(lang, name, tag)
        docs = augment(sentences, copies, seed) if name == "train" else sentences
        write_docbin(docs, lang, path)
        words = sum(len(s.words) for s in docs)
        print(f"{name}: {len(docs)} sentences, {words} words -> {path}")
    return splits


def docbin_path(lang: str, split: str, tag: str) -> Path:
    # One folder per run: runs with different augmentation can train side by side.
    return HERE / "corpus" / lang / tag / f"{split}.spacy"


def train(config: Path, output: Path, lang: str, tag: str, overrides: dict[str, Any]) -> float:
    """Train with spaCy's own loop into ``output``; return the wall time in seconds."""
    from spacy.cli.train import train as spacy_train

    settings = {
        "paths.train": str(docbin_path(lang, "train", tag)),
        "paths.dev": str(docbin_path(lang, "dev", tag)),
        **overrides,
    }
    started = time.perf_counter()
    spacy_train(config, output, overrides=settings)
    return time.perf_counter() - started


def describe(scores: Scores) -> str:
    """Return a Markdown table of the overall and per-type test scores."""
    rows = ["| type | P | R | F1 | gold spans |", "|---|---:|---:|---:|---:|"]
    for name, counts in [*sorted(scores.per_type.items()), ("**all**", scores.overall)]:
        rows.append(
            f"| {name} | {100 * counts.precision:.1f} | {100 * counts.recall:.1f} "
            f"| {100 * counts.f1:.1f} | {counts.tp + counts.fn} |"
        )
    return "\n".join(rows)


def model_readme(spec: CorpusSpec, scores: Scores, command: str, minutes: float) -> str:
    """Return the README that travels with the shipped model."""
    return f"""# ner-ar: small Arabic NER pipeline

`spacy.load()` this folder: `spacy.blank("ar")` tokenizer + `tok2vec` + `ner`, a few MB, no
static vectors, CPU only. Labels: PERSON, ORG, LOC, MISC (ANERcorp's PERS is renamed PERSON;
LOC includes countries and cities, so GPE is for downstream rules to decide).

## Training data and licence

Trained on {spec.name}. {spec.citation}

ANERcorp is distributed under **{spec.licence}** (as stated by CAMeL Lab); this model is derived
from it and is shared alike under the same licence, unlike the MIT-licensed code around it.

## Reproduce

```
{command}
```

Config: `training/configs/ner-ar.cfg`. The dev set for model selection is the last 10% of the
train split's sentences; the test split was used once, for the figures below.
Training took {minutes:.0f} minutes on one CPU core.

## Test scores (ANERcorp test split, exact span match, gold tokens)

{describe(scores)}
"""


def update_meta(model_dir: Path, spec: CorpusSpec, scores: Scores) -> None:
    """Record name, licence, sources and test scores in the shipped meta.json."""
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="briefing_ner_ar",
        version="0.1.0",
        description="Small Arabic NER (PERSON, ORG, LOC, MISC) for briefing, trained on ANERcorp",
        license=spec.licence,
        sources=[{"name": spec.name, "license": spec.licence, "author": spec.citation}],
        test_scores=scores.as_dict(),
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def ship(best: Path, out: Path, spec: CorpusSpec, scores: Scores, readme: str) -> None:
    """Replace ``out`` with the best checkpoint, its meta and README."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    update_meta(out, spec, scores)
    (out / "README.md").write_text(readme, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    spec = CORPORA[args.lang]
    config = args.config or HERE / "configs" / f"ner-{args.lang}.cfg"
    run = args.run or f"ner-{args.lang}"
    output = HERE / "output" / run
    splits = prepare_corpus(
        spec,
        args.lang,
        args.data_root,
        fraction=args.dev_fraction,
        copies=args.augment,
        seed=args.seed,
        tag=run,
    )
    seconds = train(config, output, args.lang, run, parse_overrides(args.overrides))
    best = output / "model-best"
    predict = spacy_predictor(spacy_load(best))
    # The test split is scored only for a run that ships (or on request), so that choosing
    # between runs rests on dev alone.
    splits_to_score = ("dev", "test") if args.out or args.test else ("dev",)
    results = {split: score_sentences(predict, splits[split]) for split in splits_to_score}
    for split, scores in results.items():
        print(f"\n{split} scores of {best} ({seconds / 60:.1f} min of training):")
        print(scores.table())
    report = {"minutes": round(seconds / 60, 1)} | {k: v.as_dict() for k, v in results.items()}
    (output / "scores.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.out:
        command = "python training/train_ner.py " + " ".join(sys.argv[1:] if argv is None else argv)
        test = results["test"]
        ship(best, args.out, spec, test, model_readme(spec, test, command, seconds / 60))
        print(f"Shipped to {args.out}")
    return 0


def spacy_load(path: Path) -> Language:
    import spacy

    return spacy.load(path)


if __name__ == "__main__":
    sys.exit(main())
