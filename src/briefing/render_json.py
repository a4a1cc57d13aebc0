"""Briefing -> JSON text: the one format that needs neither the view nor the theme.

Kept apart from `render` so that a JSON briefing (what CI jobs ask for) does not import the
HTML side at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing.errors import RenderError


def render_json(briefing: Mapping[str, Any]) -> str:
    """Return the briefing as indented UTF-8 JSON, keys in the order given."""
    try:
        return json.dumps(briefing, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    except (TypeError, ValueError) as error:
        raise RenderError(f"the briefing cannot be written as JSON: {error}") from None


def _json_default(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
