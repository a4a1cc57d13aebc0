"""What a fact table's author meant: the synonyms and near-misses behind the problems' hints."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from briefing.facts.model import ISO_DATE, date_bounds

# Words people reach for instead of the format's own; difflib cannot guess these.
KEY_SYNONYMS = {
    "start": "from",
    "since": "from",
    "begin": "from",
    "end": "to",
    "until": "to",
    "link": "url",
    "href": "url",
    "source": "sources",
    "entity": "entities",
    "fact": "facts",
    "alias": "aliases",
    "cue": "cues",
    "label": "name",
    "kind": "type",
    "claim": "statement",
    "text": "statement",
    "location": "place",
    "number": "quantity",
    "amount": "quantity",
    "truth": "rating",
}
TYPE_SYNONYMS = {
    "PER": "PERSON",
    "PEOPLE": "PERSON",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "COUNTRY": "GPE",
    "CITY": "GPE",
    "STATE": "GPE",
    "LOCATION": "LOC",
    "PLACE": "LOC",
}
LANGUAGE_SYNONYMS = {
    "eng": "en",
    "english": "en",
    "ara": "ar",
    "arabic": "ar",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "rus": "ru",
    "russian": "ru",
    "zho": "zh",
    "chi": "zh",
    "chinese": "zh",
    "spa": "es",
    "spanish": "es",
    "deu": "de",
    "ger": "de",
    "german": "de",
}

# What people write when they mean a date: unpadded parts, or a time after the day.
_LOOSE_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?(?:[T ].*)?")


def date_problem(label: str, text: str) -> str | None:
    """Return what is wrong with a date written as `text`, or None when it is valid."""
    try:
        date_bounds(text)
    except ValueError:
        pass
    else:
        return None
    if ISO_DATE.fullmatch(text):
        return f"{label} {text} is not a real calendar date"
    # Suggest the date meant: Western digits, padded month and day, no time of day.
    western = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)
    loose = _LOOSE_DATE.fullmatch(western)
    if loose is not None:
        year, month, day = loose.groups()
        candidate = "-".join([year] + [part.zfill(2) for part in (month, day) if part])
        try:
            date_bounds(candidate)
        except ValueError:
            return f"{label} {text} is not a real calendar date"
        return f"{label} {text} is not in the form YYYY, YYYY-MM or YYYY-MM-DD: write {candidate}"
    return (
        f"{label} {text!r} is not in the form YYYY, YYYY-MM or YYYY-MM-DD: "
        f"write for example 2023-03-17, 2023-03 or 2023"
    )


def url_problem(url: str) -> str | None:
    """Return what is wrong with a source's url, or None when it is an http(s) link."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and parts.netloc:
        return None
    if scheme in ("http", "https"):
        return f"url '{url}' names no site: write it in full, such as https://www.example.org/"
    if not scheme and re.match(r"[\w-]+(\.[\w-]+)+(/|$)", url):
        return f"url '{url}' has no scheme: write https://{url}"
    if scheme:
        return (
            f"url '{url}' is not a web link: only http:// and https:// links may be given, "
            "because only they become links in the briefing"
        )
    return f"url '{url}' is not a web link: write it in full, starting with https://"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """Return the choice `word` most likely misspells, None when none is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def flow_list(text: str) -> str:
    """Return `text` as a one-item YAML flow list, quoted when YAML would misread it."""
    if re.search(r"[,:\[\]{}#&*!|>'\"%@`]", text) or text != text.strip():
        return f"[{json.dumps(text, ensure_ascii=False)}]"
    return f"[{text}]"


def format_number(value: float) -> str:
    """Return a number as a table's author would write it: 5, not 5.0."""
    return str(int(value)) if value.is_integer() else repr(value)
