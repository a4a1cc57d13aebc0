"""Builds the spaCy pipeline for a language and runs it: the only place that loads a model."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.analysis.spacy_import import import_spacy
from briefing.errors import InvalidArgument
from briefing.resources import data_path

if TYPE_CHECKING:
    from spacy.language import Language

_COMPONENTS = ("briefing_times", "briefing_entities", "briefing_claims")


import_spacy()  # this module is imported when spaCy is about to be needed


def bundled_model(language: str) -> Path | None:
    """Return the folder of the NER model shipped for a language, if there is one."""
    path = data_path("models", f"ner-{language}")
    return path if (path / "config.cfg").exists() else None


@cache
def load_pipeline(language: str, model: str | None = None) -> Language:
    """Return the pipeline: the NER model (bundled or named) or a blank one, plus our components.

    Cached, so that a batch loads each model once per process.
    """
    import spacy

    import briefing.analysis.components  # noqa: F401  (registers the components)

    source = model or bundled_model(language)
    exclude = ["parser", "tagger", "lemmatizer", "senter"]
    if model is None:
        # Our models keep spaCy's own tokenizer for the language: building it from the
        # language's rules is faster than reading the same rules back from the model folder.
        exclude.append("tokenizer")
    if source is None:
        nlp = spacy.blank(language)
    else:
        try:
            nlp = spacy.load(source, exclude=exclude)
        except OSError:
            raise InvalidArgument("model", f"cannot load spaCy pipeline {str(source)!r}") from None
        if nlp.lang != language:
            raise InvalidArgument("model", f"{source} is a {nlp.lang!r} pipeline, not {language!r}")
    nlp.add_pipe("briefing_sentences", first=True)
    for name in _COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp


def model_label(language: str, model: str | None = None) -> str | None:
    """Return 'name version' of the NER model the pipeline uses, or None when it has none."""
    nlp = load_pipeline(language, model)
    if "ner" not in nlp.pipe_names:
        return None
    meta = nlp.meta
    return f"{meta.get('name', 'ner')} {meta.get('version', '')}".strip()
