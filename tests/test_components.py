"""The spaCy components: the Doc carries the sentences and the words inside times as the
analysis found them, in time that grows with the text, not faster."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from briefing import languages
from briefing.analysis.components import _inside_spans
from briefing.analysis.nlp import load_pipeline
from briefing.analysis.sentences import sentence_spans
from briefing.analysis.words import word_keys
from conftest import SEED


def test_sentence_starts_are_the_analysis_sentences() -> None:
    nlp = load_pipeline("ar")
    text = SEED.read_text(encoding="utf-8").split("---\n", 2)[2]
    doc = nlp.get_pipe("briefing_sentences")(nlp.make_doc(text))
    starts = {start for start, _ in sentence_spans(text)}
    assert doc[0].is_sent_start
    for token in doc[1:]:
        assert token.is_sent_start is (token.idx in starts), token.text
    assert len(list(doc.sents)) == len({t.i for t in doc if t.is_sent_start})


def test_an_empty_doc_has_no_sentences() -> None:
    nlp = load_pipeline("ar")
    doc = nlp.get_pipe("briefing_sentences")(nlp.make_doc(""))
    assert len(doc) == 0


def test_words_inside_spans_as_by_checking_each_span() -> None:
    rng = random.Random(9)
    text = " ".join(rng.choice(["كلمة", "أخرى", "وبكين", "a", "word"]) for _ in range(400))
    wk = word_keys(text, languages.get("ar").rules)
    for _ in range(50):
        spans = []
        for _ in range(rng.randint(0, 8)):
            a = rng.randrange(len(text))
            spans.append((a, a + rng.randint(0, 60)))
        expected = {
            i for i, w in enumerate(wk.words) if any(a <= w.start and w.end <= b for a, b in spans)
        }
        assert _inside_spans(wk, list(spans)) == expected


def test_a_json_briefing_imports_no_renderer_and_no_spacy_cli(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom briefing.cli import main\n"
        f"try:\n    main(['generate', {str(SEED)!r}, '--format', 'json', '--out', "
        f"{str(tmp_path / 'seed.json')!r}])\nexcept SystemExit:\n    pass\n"
        "heavy = ('jinja2', 'weasyprint', 'briefing.renderers.html', 'briefing.renderers.view',"
        " 'spacy.cli', 'requests', 'httpx')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.info), spacy.cli.__file__ is not None)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-3:] == ["[]", "True True", ""]
    assert json.loads((tmp_path / "seed.json").read_text(encoding="utf-8"))["claims"]
