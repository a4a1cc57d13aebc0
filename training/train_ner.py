"""Train, evaluate and ship a small spaCy NER pipeline for one language.

    python training/train_ner.py ar --out src/briefing/data/models/ner-ar
    python training/train_ner.py en --out src/briefing/data/models/ner-en

Steps: read the corpus and split it into train, dev (for model selection only) and test
(Arabic: the last sentences of ANERcorp's train split are dev, and NewsFANEGold has a fixed
block split, see newsfane.py; English: see en_corpus.py),
write spaCy DocBins (and dev/test as CoNLL, for eval_ner.py --data) to
training/corpus/<lang>/<run>/, train with spaCy's own training loop and
training/configs/ner-<lang>.cfg into training/output/<run>/, export the best checkpoint as a
clean pipeline (model-export/), score it with training/eval_ner.py (dev; test only when
shipping or with --test), and with --out copy it, with meta and README, to the folder the
package ships.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, cast

from augment import augment
from en_corpus import Corpus, english_corpus
from eval_ner import Scores, Sentence, read_conll, score_sentences, spacy_predictor
from newsfane import read_newsfane, split_like
from readmes import SourceScores, arabic_readme, english_readme

# Whether NewsFANE's copies of ANERcorp train sentences are trained on too (see RESULTS.md).
NEWSFANE_SHARED = True
HERE = Path(__file__).resolve().parent
DATA_ROOT = Path(
    os.environ.get("BRIEFING_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)


@dataclass(frozen=True)
class Source:
    """One corpus a model is trained on, and how to credit it."""

    name: str
    licence: str
    citation: str


Readme = Callable[["CorpusSpec", dict[str, Scores], SourceScores, str, int], str]


@dataclass(frozen=True)
class CorpusSpec:
    """How to read a language's NER corpus, credit it and describe the model trained on it."""

    sources: tuple[Source, ...]
    licence: str  # of the model: share-alike sources pass theirs on
    read: Callable[[Path, float], Corpus]  # (data root, dev fraction) -> splits
    model_name: str
    description: str
    readme: Readme
    # Copies of each source's train part (default 1); --repeat overrides them one by one.
    repeats: dict[str, int] = field(default_factory=dict)
    decode_beam: int = 1  # beam width of the shipped model, unless --decode-beam says


def read_arabic(root: Path, fraction: float) -> Corpus:
    """Return ANERcorp (train less its last ``fraction`` as dev; its test split) and
    NewsFANEGold (split as ANERcorp where they share text, else by blocks: newsfane.py)."""
    train, dev = split_dev(list(read_conll(root / "ner/ar/ANERcorp-train.txt")), fraction)
    test = list(read_conll(root / "ner/ar/ANERcorp-test.txt"))
    anercorp = {"train": train, "dev": dev, "test": test}
    corpus = Corpus({})
    for split, sentences in anercorp.items():
        corpus.add(split, "ANERcorp", sentences)
    for split, sentences in split_like(
        read_newsfane(root), anercorp, train_shared=NEWSFANE_SHARED
    ).items():
        corpus.add(split, "NewsFANE", sentences)
    return corpus


def read_english(root: Path, fraction: float) -> Corpus:
    """Return the English corpora's fixed split (en_corpus.py); ``fraction`` is not used."""
    del fraction
    return english_corpus(root)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang", choices=sorted(CORPORA), help="language of the corpus")
    parser.add_argument("--out", type=Path, help="ship the trained pipeline to this folder")
    parser.add_argument("--config", type=Path, help="spaCy config (default configs/ner-LANG.cfg)")
    parser.add_argument("--run", default="", help="name of the run folder in training/output/")
    parser.add_argument("--data-root", type=Path, default=DATA_ROOT, help="shared data folder")
    parser.add_argument(
        "--augment",
        type=int,
        default=0,
        help="copies of the train sentences with novel names (tried; 0)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the augmentation")
    parser.add_argument(
        "--repeat",
        action="append",
        default=[],
        metavar="SOURCE=N",
        help="train on N copies of a source's train part, e.g. Wikigold=2 (repeatable; "
        "defaults: see CORPORA)",
    )
    parser.add_argument(
        "--decode-beam",
        type=int,
        help="beam width of the shipped model (1: greedy; default: ar 1, en 2)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="skip training if the run already has model-best"
    )
    parser.add_argument("--test", action="store_true", help="also score the test split")
    parser.add_argument(
        "--prepare-only", action="store_true", help="write the corpus files, then stop"
    )
    parser.add_argument(
        "--dev-fraction", type=float, default=0.1, help="share of train for dev (ar only)"
    )
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


def write_docbin(sentences: list[Sentence], lang: str, path: Path) -> None:
    """Write sentences as one Doc each, built from the corpus tokens.

    Whether training then re-tokenises the text is the config's choice (gold_preproc).
    """
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


def write_conll(sentences: list[Sentence], path: Path) -> None:
    """Write sentences as "WORD<TAB>TAG" lines (IOB2), which eval_ner.py --data reads."""
    lines: list[str] = []
    for sentence in sentences:
        tags = ["O"] * len(sentence.words)
        for start, end, label in sentence.spans:
            tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
        lines.extend(f"{word}\t{tag}" for word, tag in zip(sentence.words, tags, strict=True))
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def weighted_train(corpus: Corpus, repeats: dict[str, int]) -> list[Sentence]:
    """Return the train sentences, with each source's part repeated as ``repeats`` says."""
    if not repeats:
        return corpus.splits["train"]
    parts = corpus.parts.get("train", {})
    if unknown := sorted(set(repeats) - set(parts)):
        raise SystemExit(f"--repeat: unknown source {unknown}; sources: {sorted(parts)}")
    return [s for name, part in parts.items() for _ in range(repeats.get(name, 1)) for s in part]


def parse_repeats(pairs: Iterable[str]) -> dict[str, int]:
    """Return {source: copies} from SOURCE=N strings."""
    repeats: dict[str, int] = {}
    for pair in pairs:
        name, sep, count = pair.rpartition("=")
        if not sep or not count.isdigit():
            raise SystemExit(f"--repeat {pair!r}: expected SOURCE=N")
        repeats[name] = int(count)
    return repeats


def prepare_corpus(
    spec: CorpusSpec,
    lang: str,
    root: Path,
    *,
    fraction: float,
    copies: int,
    seed: int,
    tag: str,
    repeats: dict[str, int] | None = None,
) -> Corpus:
    """Read train/dev/test, write them as DocBins under training/corpus/, return the sentences.

    The test DocBin is not used here; it is there for `spacy evaluate` and `spacy debug data`.
    Dev and test are also written as CoNLL, so that `eval_ner.py --data` scores any pipeline
    on exactly these sentences.
    """
    corpus = spec.read(root, fraction)
    for name, sentences in corpus.splits.items():
        path = docbin_path(lang, name, tag)
        if name == "train":
            docs = augment(weighted_train(corpus, repeats or {}), copies, seed)
        else:
            docs = sentences
        write_docbin(docs, lang, path)
        if name != "train":
            write_conll(sentences, path.with_suffix(".conll"))
        words = sum(len(s.words) for s in docs)
        print(f"{name}: {len(docs)} sentences, {words} words -> {path}")
        for source, part in corpus.parts.get(name, {}).items():
            words = sum(len(s.words) for s in part)
            entities = sum(len(s.spans) for s in part)
            print(f"  {source}: {len(part)} sentences, {words} words, {entities} entities")
    return corpus


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


def export(best: Path, dest: Path, *, decode_beam: int) -> None:
    """Save the checkpoint ``best`` as a clean pipeline in ``dest``, decoding with ``decode_beam``.

    Rebuilding from the config keeps the training vocabulary's strings (1.3 MB that hashing
    never needs) and the corpus paths out of the shipped folder. The decoding beam is set
    here: training wants a wide beam, but decoding time grows with the width while dev F1
    stops growing at 2.
    """
    import spacy
    from spacy.pipeline import TrainablePipe
    from spacy.util import load_model_from_config

    trained = spacy.load(best)
    config = trained.config.copy()
    config["paths"].update(train=None, dev=None)
    config["components"]["ner"]["beam_width"] = decode_beam  # so config.cfg tells the truth
    fresh = load_model_from_config(config, auto_fill=False)
    for name, pipe in trained.pipeline:
        weights = cast(TrainablePipe, pipe).to_bytes(exclude=["vocab"])
        cast(TrainablePipe, fresh.get_pipe(name)).from_bytes(weights, exclude=["vocab"])
    cast(TrainablePipe, fresh.get_pipe("ner")).cfg["beam_width"] = decode_beam
    fresh.meta.update(trained.meta)
    if dest.exists():
        shutil.rmtree(dest)
    fresh.to_disk(dest)


def update_meta(
    model_dir: Path, spec: CorpusSpec, results: dict[str, Scores], by_source: SourceScores
) -> None:
    """Record name, licence, sources and scores in the pipeline's meta.json."""
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=spec.model_name,
        version="0.1.0",
        description=spec.description,
        license=spec.licence,
        sources=[
            {"name": s.name, "license": s.licence, "author": s.citation} for s in spec.sources
        ],
        # spaCy's own "performance" is the training loop's dev score with re-tokenised text;
        # these are eval_ner.py's exact-span figures on the corpus tokens.
        scores={split: scores.as_dict() for split, scores in results.items()},
    )
    if by_source:
        meta["scores_by_source"] = source_report(by_source)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def score(
    model: Path, corpus: Corpus, names: Iterable[str]
) -> tuple[dict[str, Scores], SourceScores]:
    """Return exact-span scores of the pipeline at ``model`` on the named splits, overall and
    by source (when a split has several)."""
    import spacy

    predict = spacy_predictor(spacy.load(model))
    names = list(names)
    results = {name: score_sentences(predict, corpus.splits[name]) for name in names}
    by_source = {
        name: {source: score_sentences(predict, part) for source, part in parts.items()}
        for name, parts in corpus.parts.items()
        if name in names and name != "train"
    }
    return results, by_source


def source_report(by_source: SourceScores) -> dict[str, dict[str, object]]:
    return {
        split: {source: scores.as_dict() for source, scores in parts.items()}
        for split, parts in by_source.items()
    }


def shipped_command(argv: list[str]) -> str:
    """Return the command line that retrains this model (without --reuse, which skips it)."""
    return " ".join(["python training/train_ner.py", *(a for a in argv if a != "--reuse")])


UNER_LICENCE = "CC BY-SA 4.0"
# Train-time weight of each English source: without it BTC's tweets are 72% of the train words,
# while Wikigold's edited prose is closest to news and UNER EWT's web text is the next closest.
# Chosen on dev (training/RESULTS.md): F1 at beam 1/2 59.6/59.9 unweighted, 61.4/61.4 with
# Wikigold x3, 61.4/62.4 with Wikigold x3 and UNER EWT x2.
EN_REPEATS = {"Wikigold": 3, "UNER EWT": 2}
CORPORA: dict[str, CorpusSpec] = {
    "ar": CorpusSpec(
        sources=(
            Source(
                name="ANERcorp (CAMeL Lab train/test split)",
                licence="CC BY-SA 4.0",
                citation=(
                    "Yassine Benajiba, Paolo Rosso and José Miguel Benedí Ruiz. 2007. ANERsys: "
                    "An Arabic Named Entity Recognition System Based on Maximum Entropy. "
                    "CICLing 2007. Train/test split as published by CAMeL Lab, NYU Abu Dhabi."
                ),
            ),
            Source(
                name="NewsFANEGold (fixed block split, training/newsfane.py)",
                licence="CC BY-SA 3.0",
                citation=(
                    "Fahd Alotaibi and Mark Lee. 2014. A Hybrid Approach to Features "
                    "Representation for Fine-grained Arabic Named Entity Recognition. "
                    "COLING 2014."
                ),
            ),
        ),
        licence="CC BY-SA 4.0",
        read=read_arabic,
        model_name="briefing_ner_ar",
        description=(
            "Small Arabic NER (PERSON, ORG, LOC, MISC) for briefing, trained on ANERcorp and "
            "NewsFANEGold"
        ),
        readme=arabic_readme,
        # ANERcorp twice: NewsFANE is mostly the same text annotated again by other rules, and
        # at 1:1 ANERcorp dev F1 fell (63.2); at 2:1 it rose (64.7) and NewsFANE dev too.
        repeats={"ANERcorp": 2},
    ),
    "en": CorpusSpec(
        sources=(
            Source(
                name="Wikigold",
                licence="CC BY 4.0",
                citation=(
                    "Dominic Balasuriya, Nicky Ringland, Joel Nothman, Tara Murphy and James R. "
                    "Curran. 2009. Named Entity Recognition in Wikipedia. Proceedings of the "
                    "2009 Workshop on The People's Web Meets NLP (ACL-IJCNLP 2009)."
                ),
            ),
            Source(
                name="Broad Twitter Corpus (sections A, B, E, F, G, H)",
                licence="CC BY 4.0",
                citation=(
                    "Leon Derczynski, Kalina Bontcheva and Ian Roberts. 2016. Broad Twitter "
                    "Corpus: A Diverse Named Entity Recognition Resource. COLING 2016."
                ),
            ),
            Source(
                name="Universal NER, English Web Treebank (en_ewt dev and test)",
                licence=UNER_LICENCE,
                citation=(
                    "Stephen Mayhew et al. 2024. Universal NER: A Gold-Standard Multilingual "
                    "Named Entity Recognition Benchmark. NAACL 2024. Annotations on the "
                    "English Web Treebank of Universal Dependencies."
                ),
            ),
        ),
        licence=UNER_LICENCE,  # share-alike: the model inherits it
        read=read_english,
        model_name="briefing_ner_en",
        description=(
            "Small English NER (PERSON, ORG, LOC) for briefing, trained on Wikigold, the Broad "
            "Twitter Corpus and Universal NER (English Web Treebank)"
        ),
        readme=english_readme,
        repeats=dict(EN_REPEATS),
        decode_beam=2,  # +1.0 dev F1 over greedy for about 12 ms per 3,000-character article
    ),
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    spec = CORPORA[args.lang]
    # What this run does, where the command line departs from the language's defaults.
    spec = replace(
        spec,
        repeats={**spec.repeats, **parse_repeats(args.repeat)},
        decode_beam=spec.decode_beam if args.decode_beam is None else args.decode_beam,
    )
    run = args.run or f"ner-{args.lang}"
    output = HERE / "output" / run
    corpus = prepare_corpus(
        spec,
        args.lang,
        args.data_root,
        fraction=args.dev_fraction,
        copies=args.augment,
        seed=args.seed,
        tag=run,
        repeats=spec.repeats,
    )
    if args.prepare_only:
        return 0
    if not (args.reuse and (output / "model-best").exists()):
        config = args.config or HERE / "configs" / f"ner-{args.lang}.cfg"
        seconds = train(config, output, args.lang, run, parse_overrides(args.overrides))
        print(f"Trained in {seconds / 60:.1f} min")
    export(output / "model-best", output / "model-export", decode_beam=spec.decode_beam)
    # The test split is scored only for a run that ships (or on request), so that choosing
    # between runs rests on dev alone.
    names = ("dev", "test") if args.out or args.test else ("dev",)
    results, by_source = score(output / "model-export", corpus, names)
    for name, scores in results.items():
        print(f"\n{name} scores of {output / 'model-export'}:\n{scores.table()}")
        for source, part in by_source.get(name, {}).items():
            print(f"{name}, {source} only:\n{part.table()}")
    report: dict[str, object] = {name: scores.as_dict() for name, scores in results.items()}
    if by_source:
        report["by_source"] = source_report(by_source)
    (output / "scores.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.out:
        command = shipped_command(argv)
        ship(output / "model-export", args.out, spec, results, by_source, command)
    return 0


def ship(
    export_dir: Path,
    out: Path,
    spec: CorpusSpec,
    results: dict[str, Scores],
    by_source: SourceScores,
    command: str,
) -> None:
    """Replace ``out`` with the exported pipeline, its meta and README."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(export_dir, out)
    update_meta(out, spec, results, by_source)
    readme = spec.readme(spec, results, by_source, command, spec.decode_beam)
    (out / "README.md").write_text(readme, encoding="utf-8")
    print(f"Shipped to {out}")


if __name__ == "__main__":
    sys.exit(main())
