"""Measure entity finding on the ANERcorp test split: the bundled model alone, and the whole
analysis (model + gazetteer + cue rules) as `briefing` runs it, with the same scorer.

    python scripts/measure_ner.py ../shared/data/ner/ar/ANERcorp-test.txt

The analysis keeps clitics out of its spans while ANERcorp's tokens carry them, so a span is
mapped back to every corpus token it touches. MISC is not a type the briefing reports, so it
stays in the gold and counts against both figures alike.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from briefing.analysis.extract import analyse
from briefing.analysis.nlp import bundled_model
from briefing.models import Article

ROOT = Path(__file__).resolve().parent.parent
_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_ner", ROOT / "training" / "eval_ner.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_ner"] = module
    spec.loader.exec_module(module)
    return module


def predict_with_analysis(words: list[str]) -> list[tuple[int, int, str]]:
    """Return token spans of the entities the full analysis finds in one sentence."""
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    text = " ".join(words)
    extraction = analyse(Article(body=text, source="anercorp", language="ar"), None)
    spans = []
    for entity in extraction.entities:
        for m in entity.mentions:
            first = max(i for i, s in enumerate(starts) if s <= m.start)
            last = max(i for i, s in enumerate(starts) if s < m.end)
            spans.append((first, last + 1, _LABELS[entity.type]))
    return spans


def main(data: str) -> None:
    ev = _eval_module()
    model = bundled_model("ar")
    if model is not None:
        print("model alone (ANERcorp test):")
        print(ev.evaluate_pipeline(model, data).table())
    print("model + gazetteer + rules, as briefing runs (ANERcorp test):")
    print(ev.evaluate(predict_with_analysis, data).table())


if __name__ == "__main__":
    default = ROOT.parent / "shared" / "data" / "ner" / "ar" / "ANERcorp-test.txt"
    main(sys.argv[1] if len(sys.argv) > 1 else str(default))
