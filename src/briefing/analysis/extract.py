"""Article + fact table -> Extraction: runs the pipeline; spaCy stops here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing import languages
from briefing.analysis.lexicon import build_lexicon
from briefing.models import Extraction

if TYPE_CHECKING:
    from briefing.facts import FactTable
    from briefing.models import Article


def analyse(article: Article, table: FactTable | None, *, model: str | None = None) -> Extraction:
    """Return what the analysis finds in the article: entities, times, claims, events."""
    from briefing.analysis.components import DocContext
    from briefing.analysis.nlp import load_pipeline

    language = languages.get(article.language)
    lexicon = build_lexicon(table, language.rules)
    nlp = load_pipeline(article.language, model)
    doc = nlp.make_doc(article.body)
    doc._.ctx = DocContext(language, lexicon, article.published)
    for _name, component in nlp.pipeline:
        doc = component(doc)
    findings = doc._.entity_findings
    return Extraction(
        entities=findings.entities,
        times=tuple(doc._.times),
        claims=tuple(doc._.claims),
        events=tuple(doc._.events),
        sentences=tuple(doc._.sentence_spans),
    )
