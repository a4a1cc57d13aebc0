"""spaCy imported without its command line: a sixth of a cold JSON briefing saved."""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

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
