"""Builds the spaCy pipeline for a language and runs it: the only place that loads a model."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from briefing.errors import UsageError
from briefing.resources import data_path

if TYPE_CHECKING:
    from spacy.language import Language

_COMPONENTS = ("briefing_times", "briefing_entities", "briefing_claims")
_SPACY_CLI = ("spacy.cli", "spacy.cli.info")


def import_spacy() -> ModuleType:
    """Return spaCy, imported without its command line when it is not imported yet.

    `import spacy` loads all of spacy.cli (and weasel, requests, httpx, jinja2 with it) only to
    offer `spacy.info`: a sixth of a cold JSON briefing. For the length of the import, spacy.cli
    is a stand-in; afterwards the real one is imported by whoever asks for it, and `spacy.info`
    imports it when called.
    """
    if "spacy" in sys.modules or any(name in sys.modules for name in _SPACY_CLI):
        import spacy

        return spacy
    cli, info = ModuleType("spacy.cli"), ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stand_ins = dict(zip(_SPACY_CLI, (cli, info), strict=True))
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


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

    import briefing.components  # noqa: F401  (registers the components)

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
            raise UsageError(f"--model: cannot load spaCy pipeline {str(source)!r}") from None
        if nlp.lang != language:
            raise UsageError(f"--model: {source} is a {nlp.lang!r} pipeline, not {language!r}")
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
