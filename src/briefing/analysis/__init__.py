"""The language-independent analysis: sentences, entities, claims and events, over plain text."""
