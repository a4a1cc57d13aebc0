"""The real development articles: one line of ../shared/data/realnews-{ar,en}.jsonl as an article.

The texts stay in ../shared/data (research licences): nothing here is committed but their gold
annotations and fact tables under tests/data/real/{ar,en}/NNN.{gold,facts}.yaml. Only the lines
kept for development may be read (Arabic 1-30, English 1-100); the others are for measurement
nobody here sees.

    python scripts/real_articles.py show ar 3             # the article as briefing reads it
    python scripts/real_articles.py score ar [N ...]      # brief and score every gold (or N)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REAL = ROOT / "tests" / "data" / "real"
DEV_LINES = {"ar": range(1, 31), "en": range(1, 101)}
CORPUS = {"ar": "realnews-ar.jsonl", "en": "realnews-en.jsonl"}


def record(language: str, line: int) -> dict[str, Any]:
    """Return line `line` (1-based) of the language's corpus, which must be a development line."""
    if line not in DEV_LINES[language]:
        first, last = DEV_LINES[language][0], DEV_LINES[language][-1]
        raise SystemExit(f"line {line} is kept for measurement: use {first}-{last}")
    path = SHARED / "data" / CORPUS[language]
    with path.open(encoding="utf-8") as corpus:
        for number, text in enumerate(corpus, 1):
            if number == line:
                return dict(json.loads(text))
    raise SystemExit(f"{path} has no line {line}")


def article_text(language: str, line: int, published: str | None) -> str:
    """Return the article as a Markdown file with front matter, as a desk would save it."""
    item = record(language, line)
    meta = {"title": item.get("title"), "language": language, "outlet": item.get("source")}
    if item.get("url"):
        meta["url"] = item["url"]
    if published:
        meta["published"] = published
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{item['content'].strip()}\n"


def gold_path(language: str, line: int) -> Path:
    return REAL / language / f"{line:03d}.gold.yaml"


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(language: str, line: int) -> tuple[dict[str, float], list[str]]:
    """Return the figures and the misses of the tool on one annotated article."""
    import briefing

    gold = yaml.safe_load(gold_path(language, line).read_text(encoding="utf-8"))
    facts = gold_path(language, line).with_name(f"{line:03d}.facts.yaml")
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / f"{language}-{line:03d}.md"
        article.write_text(article_text(language, line, str(gold["published"])), encoding="utf-8")
        table = briefing.load_facts([facts] if facts.exists() else [])
        result = briefing.brief(article, facts=table).to_dict()
    figures, misses, wrong = scorer().score(gold, result)
    return dict(figures), misses + wrong


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("show", "score"))
    parser.add_argument("language", choices=("ar", "en"))
    parser.add_argument("lines", nargs="*", type=int)
    parser.add_argument("--published", help="YYYY-MM-DD for `show`")
    args = parser.parse_args(argv)
    if args.command == "show":
        for line in args.lines:
            sys.stdout.write(article_text(args.language, line, args.published))
        return 0
    golds = (REAL / args.language).glob("*.gold.yaml")
    lines = args.lines or sorted(int(path.name[:3]) for path in golds)
    table = []
    for line in lines:
        figures, problems = score(args.language, line)
        table.append(figures)
        print(f"# {args.language} {line:03d}")
        for problem in problems:
            print(f"  {problem}")
        print("  " + " ".join(f"{k}={v}" for k, v in figures.items()))
    if table:
        keys = list(table[0])
        means = {k: round(sum(f[k] for f in table) / len(table), 3) for k in keys}
        print(f"mean of {len(table)}: " + " ".join(f"{k}={v}" for k, v in means.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
