"""The data shipped with briefing: the seed fact table and the gazetteer are well-formed.

Both files are curated by hand, so these tests read them exactly as the program does (with
yaml.safe_load) and report every problem at once, each naming the entry it was found in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from briefing.resources import bundled_facts, data_path

ID = re.compile(r"[a-z0-9-]+")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_VARIANTS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}
)
CLITICS = ("و", "ب", "ل", "ف", "ك")

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC"}
GAZETTEER_TYPES = {"GPE", "LOC", "ORG"}
TABLE_KEYS = {"version", "title", "as_of", "entities", "facts"}
ENTITY_KEYS = {"id", "type", "name", "aliases", "description", "roles"}
ROLE_KEYS = {"title", "cues", "from", "to"}
FACT_KEYS = {"id", "statement", "about", "cues", "date", "place", "quantity", "rating", "sources"}
SOURCE_KEYS = {"title", "publisher", "url", "date"}
GAZETTEER_ENTRY_KEYS = {"id", "type", "en", "ar", "adj", "capital", "country", "ambiguous"}

# The forms the seed article writes (without clitics), by the entity they must resolve to.
SEED_FORMS = {
    "wang-yi": ["وانغ يي", "وانغ"],
    "vladimir-putin": ["فلاديمير بوتين", "بوتين"],
    "kim-jong-un": ["كيم جونغ أون", "كيم"],
    "xi-jinping": ["شي جين بينغ"],
    "sergei-lavrov": ["سيرجي لافروف"],
    "alexander-korolev": ["ألكسندر كوروليف", "كوروليف"],
    "jake-sullivan": ["جيك سوليفان"],
    "icc": ["المحكمة الجنائية الدولية"],
    "chinese-foreign-ministry": ["وزارة الخارجية الصينية"],
    "tass": ["وكالة تاس الروسية للأنباء", "وكالة تاس", "تاس"],
    "kremlin": ["الكرملين"],
    "nato": ["حلف شمال الأطلسي", "الناتو"],
    "united-nations": ["الأمم المتحدة"],
    "unsw": ["جامعة نيو ساوث", "جامعة نيو ساوث ويلز"],
    "us-intelligence-community": ["المخابرات الأمريكية"],
    "russia": ["روسيا"],
    "moscow": ["موسكو"],
    "ukraine": ["أوكرانيا"],
    "beijing": ["بكين"],
    "china": ["الصين"],
    "north-korea": ["كوريا الشمالية"],
    "pyongyang": ["بيونغ يانغ"],
    "belarus": ["بيلاروسيا"],
    "kyrgyzstan": ["قيرغيزستان"],
    "united-states": ["الولايات المتحدة", "أمريكا"],
    "malta": ["مالطا"],
    "asia-pacific": ["آسيا والمحيط الهادئ", "منطقة آسيا والمحيط الهادئ"],
    "the-west": ["الغرب"],
}

# fmt: off
# Members of the Arab League whose capital the gazetteer must know (Palestine's is disputed).
ARAB_STATES_WITH_CAPITALS = [
    "algeria", "bahrain", "comoros", "djibouti", "egypt", "iraq", "jordan", "kuwait", "lebanon",
    "libya", "mauritania", "morocco", "oman", "qatar", "saudi-arabia", "somalia", "sudan", "syria",
    "tunisia", "united-arab-emirates", "yemen",
]
NON_MEMBER_STATES = ["palestine", "taiwan", "kosovo", "vatican", "western-sahara"]
PLACES_WITHOUT_COUNTRY = {"jerusalem"}  # a city whose status is disputed
REQUIRED_LOCS = [
    "africa", "asia", "europe", "middle-east", "gulf-region", "levant", "maghreb", "sahel",
    "asia-pacific", "balkans", "caucasus", "gaza-strip", "west-bank", "golan-heights", "sinai",
    "crimea", "donbas", "kashmir", "mediterranean-sea", "red-sea", "nile", "euphrates", "tigris",
    "strait-of-hormuz", "bab-el-mandeb", "suez-canal",
]
REQUIRED_ORGS = [
    "united-nations", "nato", "european-union", "icc", "icj", "iaea", "who", "imf", "world-bank",
    "wto", "opec", "opec-plus", "arab-league", "gcc", "african-union", "asean", "brics", "g7",
    "g20", "sco", "oic", "unesco", "unicef", "unhcr", "unrwa", "wfp", "icrc",
    "amnesty-international", "human-rights-watch", "fifa", "ioc", "uefa", "afc", "caf", "reuters",
    "afp", "associated-press", "tass", "ria-novosti", "xinhua", "wam", "spa", "qna", "mena",
    "kuna", "anadolu", "irna", "bloomberg", "bbc", "cnn", "al-jazeera", "al-arabiya",
    "white-house", "kremlin", "pentagon", "us-state-department", "elysee", "downing-street", "cia",
    "fbi", "hamas", "hezbollah", "houthis", "taliban", "islamic-state", "federal-reserve", "ecb",
    "aramco",
]
# fmt: on
UN_MEMBER_COUNT = 193


def _load(path: Any) -> Any:
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


@pytest.fixture(scope="module")
def table() -> dict[str, Any]:
    return _load(bundled_facts())


@pytest.fixture(scope="module")
def gazetteer() -> dict[str, Any]:
    return _load(data_path("gazetteer.yaml"))


def normalise_ar(text: str) -> str:
    """Return Arabic text as the matcher compares it: no marks, one form of each letter."""
    return " ".join(ARABIC_MARKS.sub("", text).translate(ARABIC_VARIANTS).split())


def date_span(value: Any) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day a YYYY, YYYY-MM or YYYY-MM-DD value covers, or None."""
    if isinstance(value, dt.datetime | bool):
        return None
    if isinstance(value, dt.date):
        return value, value
    if not isinstance(value, int | str):
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
    if match is None:
        return None
    year = int(match[1])
    try:
        if match[2] is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(match[2])
        if match[3] is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day = dt.date(year, month, int(match[3]))
    except (ValueError, calendar.IllegalMonthError):
        return None
    return day, day


def is_form_list(value: Any, *, allow_empty: bool = False) -> bool:
    """Return whether value is a list of distinct, non-empty, trimmed strings."""
    if not isinstance(value, list) or (not value and not allow_empty):
        return False
    if not all(isinstance(item, str) and item and item == item.strip() for item in value):
        return False
    return len(set(value)) == len(value)


def form_problems(where: str, forms: dict[str, list[str]]) -> Iterator[str]:
    """Yield what is wrong with the English and Arabic forms of one entry."""
    for form in forms.get("en", []):
        if ARABIC_LETTER.search(form):
            yield f"{where}: English form {form!r} has Arabic letters"
    for form in forms.get("ar", []):
        if not ARABIC_LETTER.search(form) or LATIN_LETTER.search(form):
            yield f"{where}: Arabic form {form!r} is not written in Arabic"
        if ARABIC_MARKS.search(form):
            yield f"{where}: Arabic form {form!r} carries diacritics or tatweel"


def cue_problems(where: str, cues: Any) -> Iterator[str]:
    """Yield what is wrong with a cues mapping (language code -> list of phrases)."""
    if not isinstance(cues, dict) or not cues:
        yield f"{where}: cues must map language codes to lists"
        return
    for language, phrases in cues.items():
        if not (isinstance(language, str) and re.fullmatch(r"[a-z]{2}", language)):
            yield f"{where}: {language!r} is not an ISO 639-1 code"
        if not is_form_list(phrases, allow_empty=True):
            yield f"{where}: cues for {language!r} must be a list of distinct phrases"
        else:
            yield from form_problems(where, {language: phrases})


# ---- The fact table -------------------------------------------------------------------------


def test_fact_table_header(table: dict[str, Any]) -> None:
    assert set(table) <= TABLE_KEYS
    assert table["version"] == 1
    assert isinstance(table["title"], str) and table["title"].strip()
    assert table["as_of"] == dt.date(2023, 9, 20)
    assert isinstance(table["entities"], list) and table["entities"]
    assert isinstance(table["facts"], list) and table["facts"]


def test_fact_table_ids_are_unique_and_well_formed(table: dict[str, Any]) -> None:
    ids = [item.get("id") for item in table["entities"] + table["facts"]]
    assert [i for i in ids if not (isinstance(i, str) and ID.fullmatch(i))] == []
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_entities_are_well_formed(table: dict[str, Any]) -> None:
    problems: list[str] = []
    for entity in table["entities"]:
        where = f"entity {entity.get('id')!r}"
        if extra := set(entity) - ENTITY_KEYS:
            problems.append(f"{where}: unknown fields {sorted(extra)}")
        if entity.get("type") not in ENTITY_TYPES:
            problems.append(f"{where}: type {entity.get('type')!r}")
        if not (isinstance(entity.get("name"), str) and entity["name"].strip()):
            problems.append(f"{where}: no name")
        aliases = entity.get("aliases")
        if not isinstance(aliases, dict):
            problems.append(f"{where}: aliases must map languages to lists")
            continue
        for language in ("en", "ar"):
            if not is_form_list(aliases.get(language)):
                problems.append(f"{where}: needs a list of distinct {language} aliases")
        problems.extend(form_problems(where, aliases))
    assert problems == []


def test_roles_are_well_formed_and_dated(table: dict[str, Any]) -> None:
    problems: list[str] = []
    for entity in table["entities"]:
        roles = entity.get("roles", [])
        if not isinstance(roles, list):
            problems.append(f"entity {entity['id']!r}: roles must be a list")
            continue
        for number, role in enumerate(roles, 1):
            where = f"entity {entity['id']!r} role {number}"
            if extra := set(role) - ROLE_KEYS:
                problems.append(f"{where}: unknown fields {sorted(extra)}")
            if not (isinstance(role.get("title"), str) and role["title"].strip()):
                problems.append(f"{where}: no title")
            problems.extend(cue_problems(where, role.get("cues")))
            spans = {}
            for bound in ("from", "to"):
                if role.get(bound) is None:
                    continue
                spans[bound] = date_span(role[bound])
                if spans[bound] is None:
                    problems.append(f"{where}: {bound} {role[bound]!r} is not a valid date")
            if spans.get("from") and spans.get("to") and spans["from"][0] > spans["to"][1]:
                problems.append(f"{where}: ends before it starts")
    assert problems == []


def test_facts_are_well_formed(table: dict[str, Any]) -> None:
    types = {entity["id"]: entity["type"] for entity in table["entities"]}
    problems: list[str] = []
    for fact in table["facts"]:
        where = f"fact {fact.get('id')!r}"
        if extra := set(fact) - FACT_KEYS:
            problems.append(f"{where}: unknown fields {sorted(extra)}")
        if not (isinstance(fact.get("statement"), str) and fact["statement"].strip()):
            problems.append(f"{where}: no statement")
        about = fact.get("about")
        if not is_form_list(about):
            problems.append(f"{where}: about must list at least one entity id")
        else:
            problems += [f"{where}: about names unknown {i!r}" for i in about if i not in types]
        if "place" in fact and types.get(fact["place"]) not in {"GPE", "LOC"}:
            problems.append(f"{where}: place {fact['place']!r} is not a GPE or LOC entity")
        if "date" in fact and date_span(fact["date"]) is None:
            problems.append(f"{where}: date {fact['date']!r} is not a valid date")
        quantity = fact.get("quantity", 0)
        if isinstance(quantity, bool) or not isinstance(quantity, int | float):
            problems.append(f"{where}: quantity {quantity!r} is not a number")
        if not isinstance(fact.get("rating", True), bool):
            problems.append(f"{where}: rating must be true or false")
        if "cues" in fact:
            problems.extend(cue_problems(where, fact["cues"]))
    assert problems == []


def test_every_fact_has_dated_https_sources(table: dict[str, Any]) -> None:
    problems: list[str] = []
    for fact in table["facts"]:
        sources = fact.get("sources")
        if not isinstance(sources, list) or not sources:
            problems.append(f"fact {fact.get('id')!r}: no sources")
            continue
        for number, source in enumerate(sources, 1):
            where = f"fact {fact['id']!r} source {number}"
            if set(source) != SOURCE_KEYS:
                problems.append(f"{where}: needs exactly {sorted(SOURCE_KEYS)}")
            for field in ("title", "publisher"):
                if not (isinstance(source.get(field), str) and source[field].strip()):
                    problems.append(f"{where}: no {field}")
            url = urlparse(str(source.get("url", "")))
            if url.scheme != "https" or not url.netloc or " " in str(source.get("url")):
                problems.append(f"{where}: url {source.get('url')!r} is not an https URL")
            if date_span(source.get("date")) is None:
                problems.append(f"{where}: date {source.get('date')!r} is not a valid date")
    assert problems == []


def test_seed_article_forms_are_aliases(table: dict[str, Any]) -> None:
    aliases = {
        entity["id"]: {normalise_ar(form) for form in entity["aliases"]["ar"]}
        for entity in table["entities"]
    }
    missing = [
        f"{entity_id}: {form}"
        for entity_id, forms in SEED_FORMS.items()
        for form in forms
        if normalise_ar(form) not in aliases.get(entity_id, set())
    ]
    assert missing == []


def test_no_arabic_alias_names_two_entities(table: dict[str, Any]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in table["entities"]:
        for form in entity["aliases"]["ar"]:
            owners[normalise_ar(form)].add(entity["id"])
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}


# ---- The gazetteer --------------------------------------------------------------------------


def test_gazetteer_header(gazetteer: dict[str, Any]) -> None:
    assert set(gazetteer) == {"version", "languages", "entries"}
    assert gazetteer["version"] == 1
    assert gazetteer["languages"] == ["en", "ar"]
    assert isinstance(gazetteer["entries"], list) and gazetteer["entries"]


def test_gazetteer_ids_are_unique_and_well_formed(gazetteer: dict[str, Any]) -> None:
    ids = [entry.get("id") for entry in gazetteer["entries"]]
    assert [i for i in ids if not (isinstance(i, str) and ID.fullmatch(i))] == []
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_gazetteer_entries_are_well_formed(gazetteer: dict[str, Any]) -> None:
    entries = {entry["id"]: entry for entry in gazetteer["entries"]}
    countries = {i for i, e in entries.items() if e.get("type") == "GPE" and "country" not in e}
    problems: list[str] = []
    for entry_id, entry in entries.items():
        where = f"entry {entry_id!r}"
        if extra := set(entry) - GAZETTEER_ENTRY_KEYS:
            problems.append(f"{where}: unknown fields {sorted(extra)}")
        if entry.get("type") not in GAZETTEER_TYPES:
            problems.append(f"{where}: type {entry.get('type')!r}")
        for language in ("en", "ar"):
            if not is_form_list(entry.get(language)):
                problems.append(f"{where}: needs a list of distinct {language} forms")
        problems.extend(form_problems(where, entry))
        ambiguous = entry.get("ambiguous", [])
        if not isinstance(ambiguous, list) or not set(ambiguous) <= {"ar", "en"}:
            problems.append(f"{where}: ambiguous must be a list of languages (ar, en)")
        if "adj" in entry:
            problems.extend(adjective_problems(where, entry, countries))
        if "capital" in entry:
            capital = entries.get(entry["capital"], {})
            if entry_id not in countries or capital.get("country") != entry_id:
                problems.append(f"{where}: capital {entry['capital']!r} is not one of its cities")
        if "country" in entry and (entry["type"] != "GPE" or entry["country"] not in countries):
            problems.append(f"{where}: country {entry['country']!r} is not a country entry")
    assert problems == []


def adjective_problems(where: str, entry: dict[str, Any], countries: set[str]) -> Iterator[str]:
    """Yield what is wrong with a country's demonym adjectives."""
    adj = entry["adj"]
    if entry["id"] not in countries:
        yield f"{where}: only countries have adjectives"
    if not isinstance(adj, dict) or set(adj) != {"en", "ar"}:
        yield f"{where}: adj must have en and ar lists"
        return
    if not all(is_form_list(adj[language], allow_empty=True) for language in ("en", "ar")):
        yield f"{where}: adj forms must be lists of distinct strings"
        return
    if not adj["en"] and not adj["ar"]:
        yield f"{where}: adj is empty"
    yield from form_problems(f"{where} adj", adj)
    yield from (f"{where}: adjective {a!r} lacks the article" for a in adj["ar"] if a[:2] != "ال")


def test_no_arabic_form_names_two_gazetteer_entries(gazetteer: dict[str, Any]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gazetteer["entries"]:
        adjectives = entry.get("adj", {}).get("ar", [])
        for form in entry["ar"] + adjectives:
            owners[normalise_ar(form)].add(entry["id"])
    assert {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1} == {}


def test_no_gazetteer_form_carries_a_clitic(gazetteer: dict[str, Any]) -> None:
    # A form that reads as a clitic plus another form (وجدة, Oujda: و + جدة) must be marked
    # ambiguous; otherwise it is a form written with its clitic by mistake.
    forms = {normalise_ar(form) for entry in gazetteer["entries"] for form in entry["ar"]}
    attached = [
        f"{entry['id']}: {form}"
        for entry in gazetteer["entries"]
        if "ar" not in entry.get("ambiguous", [])
        for form in map(normalise_ar, entry["ar"])
        for clitic in CLITICS
        if form.startswith(clitic) and form[len(clitic) :] in forms
    ]
    assert attached == []


def test_gazetteer_covers_the_world(gazetteer: dict[str, Any]) -> None:
    entries = {entry["id"]: entry for entry in gazetteer["entries"]}
    gpe = [e for e in entries.values() if e["type"] == "GPE"]
    states = [e for e in gpe if "country" not in e and e["id"] not in PLACES_WITHOUT_COUNTRY]
    assert len(states) >= UN_MEMBER_COUNT + len(NON_MEMBER_STATES)
    assert len([e for e in gpe if "country" in e]) >= 300  # capitals, cities and provinces
    assert [i for i in NON_MEMBER_STATES if i not in entries] == []
    assert [i for i in ARAB_STATES_WITH_CAPITALS if not entries[i].get("capital")] == []
    assert [i for i in REQUIRED_LOCS if entries.get(i, {}).get("type") != "LOC"] == []
    assert [i for i in REQUIRED_ORGS if entries.get(i, {}).get("type") != "ORG"] == []
