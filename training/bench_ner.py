"""Measure what a shipped NER pipeline costs: load time and per-article inference time.

    python training/bench_ner.py src/briefing/data/models/ner-ar
    python training/bench_ner.py src/briefing/data/models/ner-en --lang en

The project's budget is relative: a briefing may cost about 1.25x of "import spacy +
spacy.blank(lang) + sentencizer", so the script reports that baseline, measured in fresh
processes the same way, next to the model's own figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared/data"

# Each snippet runs in a fresh interpreter so that import and load costs are not cached.
BASELINE = """
import spacy
nlp = spacy.blank({lang!r})
nlp.add_pipe("sentencizer")
list(nlp({text!r}).sents)
"""
WITH_MODEL = """
import spacy
nlp = spacy.load({model!r})
nlp.add_pipe("sentencizer", first=True)
doc = nlp({text!r})
list(doc.sents), list(doc.ents)
"""


def run_seconds(code: str, repeats: int) -> float:
    """Return the median wall time of running ``code`` in a fresh Python ``repeats`` times."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def load_articles(path: Path, low: int, high: int) -> list[str]:
    """Return article texts whose length in characters lies in [low, high]."""
    with path.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["content"] for line in lines if line.strip()]
    return [t for t in texts if low <= len(t) <= high]


def in_process(model: Path, texts: list[str]) -> tuple[float, float, float]:
    """Return (import s, load s, median inference s per article) inside this process."""
    started = time.perf_counter()
    import spacy

    imported = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    nlp("تجربة")  # the first call allocates buffers; do not bill it to one article
    per_article = []
    for text in texts:
        t0 = time.perf_counter()
        nlp(text)
        per_article.append(time.perf_counter() - t0)
    return imported - started, loaded - imported, statistics.median(per_article)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="path of a spaCy pipeline")
    parser.add_argument("--lang", default="ar", help="language of spacy.blank for the baseline")
    parser.add_argument(
        "--articles", type=Path, help="JSONL articles (default: realnews-LANG.jsonl)"
    )
    parser.add_argument("--repeats", type=int, default=5, help="fresh processes per measure")
    args = parser.parse_args(argv)

    articles = args.articles or DATA / f"realnews-{args.lang}.jsonl"
    texts = load_articles(articles, 2500, 3500)
    import_s, load_s, infer_s = in_process(args.model, texts)
    sample = texts[0]
    base = run_seconds(BASELINE.format(lang=args.lang, text=sample), args.repeats)
    full = run_seconds(WITH_MODEL.format(model=str(args.model), text=sample), args.repeats)
    size = sum(f.stat().st_size for f in args.model.rglob("*") if f.is_file())
    print(f"model size on disk:          {size / 1e6:.2f} MB")
    print(f"import spacy (in process):   {1000 * import_s:.0f} ms")
    print(f"spacy.load(model):           {1000 * load_s:.0f} ms")
    print(f"inference per article:       {1000 * infer_s:.1f} ms (median of {len(texts)})")
    print(f"fresh process, blank+sentencizer: {1000 * base:.0f} ms")
    print(f"fresh process, model+sentencizer: {1000 * full:.0f} ms ({full / base:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
