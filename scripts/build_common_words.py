"""Build the list of common Arabic words: words that ANERcorp's training split writes often and
seldom inside a person's name. The analysis treats them as unable to start or continue a name.

    python scripts/build_common_words.py ../shared/data/ner/ar/ANERcorp-train.txt

Writes src/briefing/data/common-words-ar.txt (derived from ANERcorp, CC BY-SA 4.0).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from briefing.languages.ar import arabic_key

MIN_COUNT = 3
PERSON_RATIO = 10  # common: written outside names at least this many times per time in one
OUT = Path(__file__).resolve().parent.parent / "src/briefing/data/common-words-ar.txt"


def main(corpus: str) -> None:
    outside: Counter[str] = Counter()
    inside: Counter[str] = Counter()  # inside a person's name
    for line in Path(corpus).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        word, tag = parts
        key = arabic_key(word)
        if not key or not any("\u0621" <= c <= "\u064a" for c in key):
            continue
        if tag == "O":
            outside[key] += 1
        elif tag.endswith("PERS"):
            inside[key] += 1
    common = sorted(
        k for k, n in outside.items() if n >= MIN_COUNT and inside[k] * PERSON_RATIO <= n
    )
    header = (
        "# Common Arabic words (normalised): written at least "
        f"{MIN_COUNT} times in ANERcorp's training split outside names, and at most once "
        f"in {PERSON_RATIO} times inside a person's name.\n"
        "# Derived from ANERcorp (Benajiba, Rosso and Benedí 2007), CC BY-SA 4.0; "
        "rebuilt by scripts/build_common_words.py.\n"
    )
    OUT.write_text(header + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(common)} words")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ner/ar/ANERcorp-train.txt")
