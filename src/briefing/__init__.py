"""briefing: turn a news article into a fact-check briefing."""

__version__ = "0.1.0"
