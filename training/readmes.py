"""The README that travels with each shipped model, and the Markdown tables in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eval_ner import Scores
from newsfane import BLOCK

if TYPE_CHECKING:
    from train_ner import CorpusSpec

# Per-source scores of the dev and test splits: split -> source -> scores.
SourceScores = dict[str, dict[str, Scores]]

# The model that the Arabic one replaced, on the same test sets (for the README).
PREVIOUS = (
    "ANERcorp test F1 59.2 (P 73.2, R 49.6; PERSON 46.4, ORG 50.1, LOC 80.1, MISC 50.3); "
    "NewsFANE test F1 54.2 (P 64.9, R 46.5; PERSON 43.6, ORG 43.9, LOC 75.9, MISC 1.3)."
)


def describe(scores: Scores) -> str:
    """Return a Markdown table of the per-type and overall scores."""
    rows = ["| type | P | R | F1 | gold spans |", "|---|---:|---:|---:|---:|"]
    for name, counts in [*sorted(scores.per_type.items()), ("**all**", scores.overall)]:
        rows.append(
            f"| {name} | {100 * counts.precision:.1f} | {100 * counts.recall:.1f} "
            f"| {100 * counts.f1:.1f} | {counts.tp + counts.fn} |"
        )
    return "\n".join(rows)


def arabic_readme(
    spec: CorpusSpec, results: dict[str, Scores], by_source: SourceScores, command: str, beam: int
) -> str:
    """Return the README that travels with the shipped Arabic model."""
    credits = "\n".join(f"- {s.name} ({s.licence}): {s.citation}" for s in spec.sources)
    tests = "\n\n".join(
        f"### {name} (held out)\n\n{describe(scores)}"
        for name, scores in by_source.get("test", {}).items()
    )
    dev = results["dev"].overall
    return f"""# ner-ar: small Arabic NER pipeline

Load this folder with `spacy.load(path)`: spaCy's Arabic tokenizer (`spacy.blank("ar")`) +
`tok2vec` + `ner` (a `beam_ner` decoding with beam width {beam}), CPU only, no static vectors,
no custom code. Labels: PERSON, ORG, LOC, MISC. LOC also covers countries and cities (and, from
NewsFANEGold, facilities such as buildings and airports), so GPE is left to downstream rules.

## Training data and licence

{credits}

ANERcorp is distributed under CC BY-SA 4.0 (as stated by CAMeL Lab) and NewsFANEGold under CC
BY-SA 3.0 (its `License.txt`). This model is derived from both and is shared alike under
**{spec.licence}** (the later version that CC BY-SA 3.0 allows for adaptations), whatever the
licence of the code around it. Attribution: ANERcorp, Benajiba, Rosso and Benedí (2007),
train/test split by CAMeL Lab; NewsFANEGold, Fahd Alotaibi and Mark Lee (COLING 2014).

NewsFANEGold's clitics were joined back onto their words and its 50 fine classes mapped to these
four types (nationalities and groups read as O) by `training/newsfane.py`; its letters (alef
forms, final ya) are normalised, ANERcorp's and the input's are not.

## Reproduce

```
{command}
```

Config: `training/configs/ner-ar.cfg`; what was tried: `training/RESULTS.md`. Model selection
used dev only: the last 10% of ANERcorp's train split and NewsFANEGold's dev blocks (blocks of
{BLOCK} sentences in file order; block k is dev when k % 10 == 8, test when k % 10 == 9). The
test sets were scored only for the figures below (exact span match on the corpus tokens,
`training/eval_ner.py`).

## Test scores

{tests}

Previous model (ANERcorp only): {PREVIOUS}

Dev ({dev.tp + dev.fn} gold spans, both sources): P {100 * dev.precision:.1f}, \
R {100 * dev.recall:.1f}, F1 {100 * dev.f1:.1f}.
"""


def source_table(by_source: dict[str, Scores]) -> str:
    """Return a Markdown table of P/R/F1 for each source of one split."""
    rows = ["| source | P | R | F1 | gold spans |", "|---|---:|---:|---:|---:|"]
    for name, scores in by_source.items():
        c = scores.overall
        rows.append(
            f"| {name} | {100 * c.precision:.1f} | {100 * c.recall:.1f} | {100 * c.f1:.1f} "
            f"| {c.tp + c.fn} |"
        )
    return "\n".join(rows)


# How the English corpora are cut (en_corpus.py), for the README.
EN_SPLIT = """\
Config: `training/configs/ner-en.cfg`; corpus reading and split: `training/en_corpus.py`; what
was tried: `training/RESULTS.md`. Documents are kept in file order and a document goes to a
slice when it starts inside it:

- test (never used for selection): all of `uner-en_ewt-test.iob2`; the Wikigold articles in
  the last 15% of its words; the last 5% of the words (tweets) of each BTC section;
- dev (model selection): the `uner-en_ewt-dev.iob2` documents in its last 10% of words; the
  Wikigold articles in the 10% before its test slice; the 5% of each BTC section before its test
  slice;
- train: the rest (the UNER EWT dev file's first 90%, Wikigold's first 75%, BTC's first 90%);"""


def english_readme(
    spec: CorpusSpec, results: dict[str, Scores], by_source: SourceScores, command: str, beam: int
) -> str:
    """Return the README that travels with the shipped English model."""
    credits = "\n".join(f"- {s.name} ({s.licence}): {s.citation}" for s in spec.sources)
    weights = ", ".join(f"{name} x{n}" for name, n in spec.repeats.items()) or "none"
    dev = results["dev"].overall
    return f"""# ner-en: small English NER pipeline

Load this folder with `spacy.load(path)`: spaCy's English tokenizer (`spacy.blank("en")`) +
`tok2vec` + `ner` (a `beam_ner` decoding with beam width {beam}), CPU only, no static vectors,
no custom code. Labels: PERSON, ORG, LOC (the corpora's PER is renamed PERSON; LOC covers
countries and cities too, so GPE is left to downstream rules). There is no MISC: only Wikigold
tags it, and the other two corpora tag the same words (nationalities, events, works) O, so
Wikigold's MISC was read as O.

## Training data and licence

{credits}

Universal NER's English Web Treebank data is share-alike, so this model, derived from all
three, is distributed under **{spec.licence}**, whatever the licence of the code around it.
Attribution: Wikigold, Balasuriya et al. (2009); Broad Twitter Corpus, Derczynski et al.
(2016); Universal NER, Mayhew et al. (2024), on the English Web Treebank of Universal
Dependencies.

## Reproduce

```
{command}
```

{EN_SPLIT}
- weighting of the train parts: {weights}.

Universal NER's own EWT train file is not in the shared data, so its dev file is the only UNER
text trained on.

Scores are exact span matches on the corpus tokens (`training/eval_ner.py`).

## Held-out test scores

{describe(results["test"])}

By source (test):

{source_table(by_source["test"])}

Dev ({dev.tp + dev.fn} gold spans): P {100 * dev.precision:.1f}, R {100 * dev.recall:.1f}, \
F1 {100 * dev.f1:.1f}.

None of the three corpora is news: Wikigold is encyclopedic, BTC is tweets and UNER EWT is
web text (reviews, answers, e-mail, blogs). Expect lower figures on sentences unlike them.
"""
