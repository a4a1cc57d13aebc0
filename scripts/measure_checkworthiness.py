"""Measure the check-worthiness score against CLEF CheckThat! 2024 Arabic (Task 1).

    python scripts/measure_checkworthiness.py ../shared/data/checkworthiness/ar

The score is a rule of ours, not a model trained on this data (its terms allow research use,
not a shipped model): the threshold is chosen on the dev split and the F1 of the Yes class is
reported on the dev-test split, next to the organisers' random baseline (0.625).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import briefing

csv.field_size_limit(10_000_000)


def scores(path: Path) -> list[tuple[float, bool]]:
    """Return (our score, labelled Yes) for every tweet of a split."""
    out = []
    table = briefing.load_facts()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            b = briefing.brief(row["tweet_text"], facts=table, language="ar")
            plain = [c.check_worthiness or 0.0 for c in b.claims if c.kind != "role"]
            out.append((max(plain, default=0.0), row["class_label"].strip() == "Yes"))
    return out


def f1(pairs: list[tuple[float, bool]], threshold: float) -> float:
    tp = sum(1 for s, y in pairs if s >= threshold and y)
    fp = sum(1 for s, y in pairs if s >= threshold and not y)
    fn = sum(1 for s, y in pairs if s < threshold and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def auc(pairs: list[tuple[float, bool]]) -> float:
    """Return the chance that a Yes tweet scores above a No tweet (ties count half)."""
    pos = [s for s, y in pairs if y]
    neg = [s for s, y in pairs if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else 0.5


def main(folder: str) -> None:
    base = Path(folder)
    dev = scores(base / "ct24_ar_dev.tsv")
    test = scores(base / "ct24_ar_test.tsv")
    grid = [round(0.05 * i, 2) for i in range(21)]
    best = max(grid, key=lambda t: f1(dev, t))
    yes = sum(y for _, y in test)
    print(f"dev: {len(dev)} tweets; best threshold {best} (F1 {f1(dev, best):.3f})")
    print(f"dev-test: {len(test)} tweets, {yes} Yes; F1(Yes) at {best}: {f1(test, best):.3f}")
    everything_yes = 2 * yes / (2 * yes + (len(test) - yes))
    print(f"dev-test: F1(Yes) of calling every tweet Yes: {everything_yes:.3f}")
    print(f"ranking (AUC): dev {auc(dev):.3f}, dev-test {auc(test):.3f} (0.5 = chance)")
    print("organisers' random baseline F1(Yes): 0.625; n-gram baseline: 0.369")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/checkworthiness/ar")
