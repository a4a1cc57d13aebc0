"""Who: people, organisations and places, from the lexicon, cue words and the NER model.

`find_entities` is the entry point. The ways a language writes a name next to a reporting verb
(`cues.NameCue`) and a title next to a name (`titles.TitleFinder`) are functions that each
`Language` lists.
"""

from __future__ import annotations

from briefing.analysis.entities.find import find_entities
from briefing.analysis.entities.records import EntityFindings, ModelSpan, TitleCue

__all__ = ["EntityFindings", "ModelSpan", "TitleCue", "find_entities"]
