"""Fact tables: loading, merging, indexing, and every problem reported with its line."""

from __future__ import annotations

import datetime
import hashlib
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

import briefing.facts.load as load_module
from briefing.errors import ExitStatus, FactTableError
from briefing.facts import (
    FactTable,
    LanguageMap,
    Role,
    check_fact_table,
    date_bounds,
    load_fact_tables,
    precision_of,
    summarise,
)

DATA = Path(__file__).parent / "data" / "facts"

# A small valid table; each case below changes a line or two and names the line it expects.
BASE = """\
version: 1
title: Test table
entities:
  - id: vladimir-putin
    type: PERSON
    name: Vladimir Putin
    aliases:
      ar: [بوتين]
    roles:
      - title: President of Russia
        from: 2012-05-07
  - id: icc
    type: ORG
    name: International Criminal Court
  - id: the-hague
    type: GPE
    name: The Hague
facts:
  - id: icc-warrant
    statement: The ICC issued an arrest warrant for Vladimir Putin.
    about: [icc, vladimir-putin]
    date: 2023-03-17
    place: the-hague
    sources:
      - title: ICC press release
        url: https://www.icc-cpi.int/
"""


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in tmp_path, so that paths are given (and reported) as bare file names."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, text: str | bytes) -> Path:
    path = Path(name)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def changed(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


# --------------------------------------------------------------------------------------------
# Valid tables


def test_the_base_table_is_valid(in_tmp: Path) -> None:
    assert check_fact_table(write("facts.yaml", BASE)) == []


def test_a_valid_table_loads_into_typed_records() -> None:
    table = load_fact_tables([DATA / "valid.yaml"])

    assert table.title == "Russia, China and North Korea, September 2023"
    assert table.as_of == "2023-09-20"
    assert [entity.id for entity in table.entities] == ["vladimir-putin", "icc", "the-hague"]
    putin = table.entity("vladimir-putin")
    assert putin.type == "PERSON"
    assert putin.aliases["ar"] == ("بوتين", "فلاديمير بوتين")
    assert putin.line == 7
    assert putin.names_in("en") == ("Vladimir Putin", "Putin")
    president = putin.roles[1]
    assert president == Role(
        title="President of Russia",
        cues=LanguageMap(
            {"en": ["Russian President", "President of Russia"], "ar": ["الرئيس الروسي"]}
        ),
        start="2012-05-07",
        end=None,
    )
    assert table.entity("the-hague").aliases == {"en": (), "ar": ("لاهاي",)}
    assert table.entity("icc").reliability == "A"

    warrant = table.fact("icc-warrant-putin")
    assert warrant.statement.endswith("over alleged war crimes in Ukraine.")
    assert warrant.about == ("icc", "vladimir-putin")
    assert warrant.date == "2023-03-17"  # YAML's datetime.date, kept as an ISO string
    assert warrant.place == "the-hague"
    assert warrant.quantity == 4.0
    assert warrant.rating is True
    assert warrant.sources[0].url == "https://www.icc-cpi.int/"
    assert warrant.sources[0].line == 53

    false_claim = table.fact("putin-never-president")
    assert false_claim.date == "2012"  # YAML's int, kept as an ISO string
    assert false_claim.rating is False
    assert false_claim.cues == {}
    assert table.facts_about("icc") == (warrant,)
    assert len(table.sources) == 2  # the source cited twice counts once


def test_the_same_table_in_json_loads_to_the_same_fact_table() -> None:
    from_yaml = load_fact_tables([DATA / "valid.yaml"])
    from_json = load_fact_tables([DATA / "valid.json"])

    assert from_json.paths == (str(DATA / "valid.json"),)
    assert replace(from_json, paths=(), sha256="") == replace(from_yaml, paths=(), sha256="")
    assert from_json.entity("vladimir-putin").line == 7  # lines come from the JSON itself


TABLES = sorted([*DATA.glob("*.yaml"), *DATA.glob("*.json")]) + sorted(
    (Path(__file__).parents[1] / "seeds" / "facts").glob("*.yaml")
)


@pytest.mark.parametrize("path", TABLES, ids=[p.name for p in TABLES])
def test_libyaml_and_pure_python_read_a_table_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_module._FAST_LOADER is not None  # PyYAML's wheels carry libyaml
    fast = load_fact_tables([path])
    monkeypatch.setattr(load_module, "_FAST_LOADER", None)

    assert load_fact_tables([path]) == fast


def test_a_syntax_error_is_worded_by_the_pure_python_reader(in_tmp: Path) -> None:
    path = in_tmp / "facts.yaml"
    path.write_text(BASE.replace("title: Test table", "title: Test: table"), encoding="utf-8")

    with pytest.raises(FactTableError) as caught:
        load_fact_tables([path])

    # libyaml says "not allowed in this context" and gives no hint.
    assert str(caught.value) == (
        f"{path}:2:12: YAML syntax error: mapping values are not allowed here; "
        "put text that holds ': ' in quotes"
    )


def test_sha256_is_over_the_raw_bytes_of_the_file() -> None:
    path = DATA / "valid.yaml"

    assert load_fact_tables([path]).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_summarise_gives_one_line() -> None:
    table = load_fact_tables([DATA / "valid.yaml"])

    assert summarise(table) == f"{DATA / 'valid.yaml'}: valid, 3 entities, 2 facts, 2 sources"


def test_lookups_raise_key_error_for_unknown_ids() -> None:
    table = load_fact_tables([DATA / "valid.yaml"])

    with pytest.raises(KeyError):
        table.entity("nobody")
    with pytest.raises(KeyError):
        table.fact("vladimir-putin")  # an entity id is not a fact id


def test_records_are_hashable_and_picklable() -> None:
    table = load_fact_tables([DATA / "valid.yaml"])

    assert len({*table.entities, *table.facts}) == 5
    assert pickle.loads(pickle.dumps(table)) == table


def test_yaml_words_are_read_as_written(in_tmp: Path) -> None:
    # YAML 1.1 would read `no` as false and `No` as false: here they stay words.
    text = changed("      ar: [بوتين]", "      no: [No, Putin]")
    table = load_fact_tables([write("facts.yaml", text)])

    assert table.entity("vladimir-putin").aliases == {"no": ("No", "Putin")}


def test_anchors_and_aliases_may_share_values(in_tmp: Path) -> None:
    text = changed(
        "      - title: ICC press release\n",
        "      - &press\n        title: ICC press release\n",
    ) + (
        "  - id: icc\n"  # a fact may share its id with an entity
        "    statement: The ICC sits in The Hague.\n"
        "    about: [icc]\n"
        "    sources: [*press]\n"
    )
    table = load_fact_tables([write("facts.yaml", text)])

    assert table.fact("icc").sources == table.fact("icc-warrant").sources
    assert table.entity("icc").name == "International Criminal Court"


# --------------------------------------------------------------------------------------------
# Every kind of problem, with its line

CASES = [
    (
        "title: Test table",
        "titel: Test table",
        "facts.yaml:2: the table has an unknown key 'titel'; did you mean 'title'?",
    ),
    (
        "version: 1",
        "version: 2",
        "facts.yaml:1: unknown version 2: this briefing reads version 1",
    ),
    (
        "version: 1",
        "# version: 1",
        "facts.yaml:1: the table has no version; add 'version: 1' at the top",
    ),
    (
        "version: 1",
        "version: '1'",
        "facts.yaml:1: version must be the number 1, not text: write version: 1",
    ),
    (
        "    statement: The ICC",
        "    statment: The ICC",
        "facts.yaml:20: fact 'icc-warrant' has an unknown key 'statment'; "
        "did you mean 'statement'?",
    ),
    (
        "    statement: The ICC",
        "    statment: The ICC",
        "facts.yaml:19: fact 'icc-warrant' has no statement; add the fact as one sentence",
    ),
    (
        "        from: 2012-05-07",
        "        start: 2012-05-07",
        "facts.yaml:11: entity 'vladimir-putin', role 'President of Russia' has an unknown key "
        "'start'; did you mean 'from'?",
    ),
    (
        "  - id: the-hague",
        "  - id: The_Hague",
        "facts.yaml:15: entity 'The_Hague': id 'The_Hague' may only hold lowercase letters, "
        "digits and hyphens: write 'the-hague'",
    ),
    (
        "  - id: the-hague",
        "  - id: icc",
        "facts.yaml:15: entity id 'icc' is already used on line 12; give each entity its own id",
    ),
    (
        "  - id: the-hague\n",
        "  - description: The seat of the ICC\n",
        "facts.yaml:15: entity #3 has no id; add one such as 'id: vladimir-putin'",
    ),
    (
        "    type: ORG",
        "    type: company",
        "facts.yaml:13: entity 'icc': type 'company' is not one of PERSON, ORG, GPE, LOC",
    ),
    (
        "    type: GPE",
        "    type: gpe",
        "facts.yaml:16: entity 'the-hague': type 'gpe' is not one of PERSON, ORG, GPE, LOC; "
        "did you mean 'GPE'?",
    ),
    (
        "    name: The Hague",
        "    name:",
        "facts.yaml:17: entity 'the-hague': name is empty; add the canonical display name",
    ),
    (
        "    name: The Hague",
        "    name: [The Hague]",
        "facts.yaml:17: entity 'the-hague': name must be text, not a list",
    ),
    (
        "      ar: [بوتين]",
        "      ar: بوتين",
        "facts.yaml:8: entity 'vladimir-putin': aliases.ar must be a list, not a string: "
        "write [بوتين]",
    ),
    (
        "      ar: [بوتين]",
        "      AR: [بوتين]",
        "facts.yaml:8: entity 'vladimir-putin': aliases key 'AR' is not an ISO 639-1 language "
        "code (two lowercase letters); did you mean 'ar'?",
    ),
    (
        "    aliases:\n      ar: [بوتين]\n",
        "    aliases: [بوتين]\n\n",
        "facts.yaml:7: entity 'vladimir-putin': aliases must map language codes to lists, "
        "such as aliases: {en: [...]}, not a list",
    ),
    (
        "      - title: President of Russia\n",
        "      - name: President of Russia\n",
        "facts.yaml:10: entity 'vladimir-putin', role #1 has no title; "
        "add the office, such as President of Russia",
    ),
    (
        "        from: 2012-05-07\n",
        "        from: 2012-05-07\n        to: 2008\n",
        "facts.yaml:12: entity 'vladimir-putin', role 'President of Russia': from 2012-05-07 is "
        "after to 2008; a role must start before it ends",
    ),
    (
        "        from: 2012-05-07",
        "        from: 2012-02-30",
        "facts.yaml:11: entity 'vladimir-putin', role 'President of Russia': "
        "from 2012-02-30 is not a real calendar date",
    ),
    (
        "    name: International Criminal Court\n",
        "    name: International Criminal Court\n    reliability: G\n",
        "facts.yaml:15: entity 'icc': reliability 'G' must be one letter from A (reliable) to F "
        "(cannot be judged)",
    ),
    (
        "    name: International Criminal Court\n",
        "    name: International Criminal Court\n    reliability: b\n",
        "facts.yaml:15: entity 'icc': reliability 'b' must be one letter from A (reliable) to F "
        "(cannot be judged): write 'B'",
    ),
    (
        "    date: 2023-03-17",
        "    date: 2023-02-30",
        "facts.yaml:22: fact 'icc-warrant': date 2023-02-30 is not a real calendar date",
    ),
    (
        "    date: 2023-03-17",
        "    date: 2023-13",
        "facts.yaml:22: fact 'icc-warrant': date 2023-13 is not a real calendar date",
    ),
    (
        "    date: 2023-03-17",
        "    date: 2023-3-17",
        "facts.yaml:22: fact 'icc-warrant': date 2023-3-17 is not in the form YYYY, YYYY-MM or "
        "YYYY-MM-DD: write 2023-03-17",
    ),
    (
        "    date: 2023-03-17",
        "    date: 17 March 2023",
        "facts.yaml:22: fact 'icc-warrant': date '17 March 2023' is not in the form YYYY, "
        "YYYY-MM or YYYY-MM-DD: write for example 2023-03-17, 2023-03 or 2023",
    ),
    (
        "    about: [icc, vladimir-putin]",
        "    about: [icc-court, vladimir-putin]",
        "facts.yaml:21: fact 'icc-warrant' names entity 'icc-court', which is not defined",
    ),
    (
        "    about: [icc, vladimir-putin]",
        "    about: [icc, vladimir-puton]",
        "facts.yaml:21: fact 'icc-warrant' names entity 'vladimir-puton', which is not defined; "
        "did you mean 'vladimir-putin'?",
    ),
    (
        "    about: [icc, vladimir-putin]",
        "    about: []",
        "facts.yaml:21: fact 'icc-warrant': about is empty; list at least one entity id",
    ),
    (
        "    about: [icc, vladimir-putin]",
        "    about: icc",
        "facts.yaml:21: fact 'icc-warrant': about must be a list, not a string: write [icc]",
    ),
    (
        "    about: [icc, vladimir-putin]\n",
        "\n",
        "facts.yaml:19: fact 'icc-warrant' has no about; list the ids of the entities it is "
        "about, such as about: [vladimir-putin]",
    ),
    (
        "    place: the-hague",
        "    place: vladimir-putin",
        "facts.yaml:23: fact 'icc-warrant' has place 'vladimir-putin', which is a PERSON; "
        "a place must be an entity of type GPE or LOC",
    ),
    (
        "    place: the-hague",
        "    place: vienna",
        "facts.yaml:23: fact 'icc-warrant' names place 'vienna', which is not defined",
    ),
    (
        "    place: the-hague",
        "    quantity: true",
        "facts.yaml:23: fact 'icc-warrant': quantity must be a number, not true/false",
    ),
    (
        "    place: the-hague",
        "    quantity: '1,000'",
        "facts.yaml:23: fact 'icc-warrant': quantity must be a number, not text: "
        "write 1000 without quotes or separators",
    ),
    (
        "    place: the-hague",
        "    rating: maybe",
        "facts.yaml:23: fact 'icc-warrant': rating must be true or false "
        "(false for a known false claim), not 'maybe'",
    ),
    (
        "    place: the-hague",
        "    cues: {en: arrest warrant}",
        "facts.yaml:23: fact 'icc-warrant': cues.en must be a list, not a string: "
        "write [arrest warrant]",
    ),
    (
        "    sources:\n      - title: ICC press release\n        url: https://www.icc-cpi.int/\n",
        "    sources: []\n",
        "facts.yaml:24: fact 'icc-warrant': sources is empty; add at least one source",
    ),
    (
        "    sources:\n      - title: ICC press release\n        url: https://www.icc-cpi.int/\n",
        "\n",
        "facts.yaml:19: fact 'icc-warrant' has no sources; add at least one, such as - title: ...",
    ),
    (
        "      - title: ICC press release",
        "      - publisher: ICC",
        "facts.yaml:25: fact 'icc-warrant', source 1 has no title; "
        "add the title of the page or document",
    ),
    (
        "        url: https://www.icc-cpi.int/",
        "        url: javascript:alert(1)",
        "facts.yaml:26: fact 'icc-warrant', source 1: url 'javascript:alert(1)' is not a web "
        "link: only http:// and https:// links may be given, because only they become links in "
        "the briefing",
    ),
    (
        "        url: https://www.icc-cpi.int/",
        "        url: www.icc-cpi.int",
        "facts.yaml:26: fact 'icc-warrant', source 1: url 'www.icc-cpi.int' has no scheme: "
        "write https://www.icc-cpi.int",
    ),
    (
        "        url: https://www.icc-cpi.int/",
        "        date: 2023-04-31",
        "facts.yaml:26: fact 'icc-warrant', source 1: date 2023-04-31 is not a real calendar date",
    ),
    (
        "    type: ORG\n",
        "    type: ORG\n    type: GPE\n",
        "facts.yaml:14: entity 'icc' has the key 'type' twice (also on line 13); keep one",
    ),
    (
        "title: Test table",
        "title: Test: table",
        "facts.yaml:2:12: YAML syntax error: mapping values are not allowed here; "
        "put text that holds ': ' in quotes",
    ),
    (
        "    type: ORG",
        "\ttype: ORG",
        "facts.yaml:13:1: YAML syntax error: while scanning for the next token, found character "
        "'\\t' that cannot start any token; indent with spaces, not tabs",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES, ids=[case[2] for case in CASES])
def test_each_problem_is_reported_with_its_line(
    in_tmp: Path, old: str, new: str, expected: str
) -> None:
    problems = check_fact_table(write("facts.yaml", changed(old, new)))

    assert expected in problems


def test_several_problems_in_one_file_are_all_reported_in_line_order(in_tmp: Path) -> None:
    text = (
        changed("    date: 2023-03-17", "    date: 2023-02-30")
        .replace("    about: [icc, vladimir-putin]", "    about: [icc-court, vladimir-putin]")
        .replace("      ar: [بوتين]", "      ar: بوتين")
        .replace("    type: GPE", "    tipe: GPE")
    )
    path = write("facts.yaml", text)

    with pytest.raises(FactTableError) as caught:
        load_fact_tables([path])

    assert caught.value.status == ExitStatus.FACT_TABLE
    assert caught.value.problems == [
        "facts.yaml:8: entity 'vladimir-putin': aliases.ar must be a list, not a string: "
        "write [بوتين]",
        "facts.yaml:15: entity 'the-hague' has no type; add one of PERSON, ORG, GPE, LOC",
        "facts.yaml:16: entity 'the-hague' has an unknown key 'tipe'; did you mean 'type'?",
        "facts.yaml:21: fact 'icc-warrant' names entity 'icc-court', which is not defined",
        "facts.yaml:22: fact 'icc-warrant': date 2023-02-30 is not a real calendar date",
    ]
    assert check_fact_table(path) == caught.value.problems
    assert str(caught.value) == "\n".join(caught.value.problems)


def test_another_version_is_refused_without_noise_about_its_keys(in_tmp: Path) -> None:
    path = write("facts.yaml", "version: 2\nclaims: []\n")

    assert check_fact_table(path) == [
        "facts.yaml:1: unknown version 2: this briefing reads version 1",
        "facts.yaml:2: the table has an unknown key 'claims'; "
        "a table may only have version, title, as_of, entities, facts",
    ]


def test_a_file_that_is_not_utf8_names_the_line(in_tmp: Path) -> None:
    path = write("facts.yaml", "version: 1\ntitle: Caf\xe9\n".encode("latin-1"))

    assert check_fact_table(path) == [
        "facts.yaml:2: the file is not UTF-8 (byte 0xE9); save it as UTF-8"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "facts.yaml: the file is empty; a fact table starts with 'version: 1'"),
        (
            "# nothing yet\n",
            "facts.yaml: the file holds only comments; a fact table starts with 'version: 1'",
        ),
        (
            "- a\n- b\n",
            "facts.yaml:1: a fact table is a mapping that starts with 'version: 1', "
            "but this file holds a list",
        ),
        (
            "version: 1\n---\nversion: 1\n",
            "facts.yaml:2:1: YAML syntax error: expected a single document in the stream, "
            "but found another document",
        ),
        (
            "version: 1\ntitle: a\x07b\n",
            "facts.yaml:2:9: YAML syntax error: the file holds the control character U+0007; "
            "remove it",
        ),
        ("[" * 3000 + "]" * 3000, "facts.yaml:1: the file nests too deeply to be read"),
    ],
)
def test_files_that_hold_no_table(in_tmp: Path, content: str, expected: str) -> None:
    assert check_fact_table(write("facts.yaml", content)) == [expected]


def test_missing_files_and_folders_are_reported(in_tmp: Path) -> None:
    Path("folder").mkdir()

    with pytest.raises(FactTableError) as caught:
        load_fact_tables([Path("missing.yaml"), Path("folder")])

    assert caught.value.problems == [
        "missing.yaml: no such file; check the path",
        "folder: this is a folder, not a fact table file; give the path of a .yaml file",
    ]


# --------------------------------------------------------------------------------------------
# JSON


def test_json_syntax_errors_have_line_and_column(in_tmp: Path) -> None:
    path = write("facts.json", '{"version": 1,\n "entities": [\n  {"id": "icc",}\n ]}\n')

    assert check_fact_table(path) == [
        "facts.json:3:16: JSON syntax error: Expecting property name enclosed in double quotes"
    ]


def test_json_problems_name_their_line(in_tmp: Path) -> None:
    path = write(
        "facts.json",
        '{\n'
        '\t"version": 1,\n'
        '\t"entities": [\n'
        '\t\t{"id": "icc", "type": "ORG", "name": "ICC"}\n'
        '\t],\n'
        '\t"facts": [{\n'
        '\t\t"id": "f", "statment": "s", "about": ["icc", "nobody"], "quantity": 1e3,\n'
        '\t\t"sources": [{"title": "t", "url": "ftp://example.org/"}]\n'
        '\t}]\n'
        '}\n',
    )  # fmt: skip

    assert check_fact_table(path) == [
        "facts.json:6: fact 'f' has no statement; add the fact as one sentence",
        "facts.json:7: fact 'f' has an unknown key 'statment'; did you mean 'statement'?",
        "facts.json:7: fact 'f' names entity 'nobody', which is not defined",
        "facts.json:8: fact 'f', source 1: url 'ftp://example.org/' is not a web link: only "
        "http:// and https:// links may be given, because only they become links in the "
        "briefing",
    ]


# --------------------------------------------------------------------------------------------
# Merging tables

ENTITIES = """\
version: 1
title: Entities
as_of: 2023-09-01
entities:
  - id: icc
    type: ORG
    name: International Criminal Court
  - id: the-hague
    type: GPE
    name: The Hague
"""

FACTS = """\
version: 1
title: Facts
as_of: 2023-09-20
facts:
  - id: icc-seat
    statement: The ICC sits in The Hague.
    about: [icc]
    place: the-hague
    sources:
      - title: Rome Statute
"""


def test_tables_merge_and_may_name_each_others_entities(in_tmp: Path) -> None:
    paths = [write("entities.yaml", ENTITIES), write("facts.yaml", FACTS)]

    table = load_fact_tables(paths)

    assert isinstance(table, FactTable)
    assert table.title == "Entities + Facts"
    assert table.as_of == "2023-09-01"
    assert table.paths == ("entities.yaml", "facts.yaml")
    assert table.fact("icc-seat").place == "the-hague"
    expected = hashlib.sha256(ENTITIES.encode() + FACTS.encode()).hexdigest()
    assert table.sha256 == expected
    assert summarise(table) == "entities.yaml + facts.yaml: valid, 2 entities, 1 fact, 1 source"
    # Alone, the facts name entities they do not define.
    assert check_fact_table(Path("facts.yaml")) == [
        "facts.yaml:7: fact 'icc-seat' names entity 'icc', which is not defined",
        "facts.yaml:8: fact 'icc-seat' names place 'the-hague', which is not defined",
    ]


def test_ids_that_collide_across_files_name_both_places(in_tmp: Path) -> None:
    clash = FACTS.replace(
        "facts:\n", "entities:\n  - id: the-hague\n    type: LOC\n    name: X\nfacts:\n"
    )
    paths = [write("b.yaml", ENTITIES + FACTS.split("\n", 3)[3]), write("a.yaml", clash)]

    with pytest.raises(FactTableError) as caught:
        load_fact_tables(paths)

    # Sorted by the order the files were given, then by line.
    assert caught.value.problems == [
        "a.yaml:5: entity id 'the-hague' is already used at b.yaml:8; give each entity its own id",
        "a.yaml:9: fact id 'icc-seat' is already used at b.yaml:12; give each fact its own id",
    ]


def test_problems_of_every_file_are_reported_together(in_tmp: Path) -> None:
    paths = [
        write("one.yaml", ENTITIES.replace("type: GPE", "type: CITY")),
        write("two.yaml", FACTS.replace("about: [icc]", "about: [icc, nobody]")),
    ]

    with pytest.raises(FactTableError) as caught:
        load_fact_tables(paths)

    assert caught.value.problems == [
        "one.yaml:9: entity 'the-hague': type 'CITY' is not one of PERSON, ORG, GPE, LOC; "
        "did you mean 'GPE'?",
        "two.yaml:7: fact 'icc-seat' names entity 'nobody', which is not defined",
    ]


def test_the_same_file_given_twice_is_reported(in_tmp: Path) -> None:
    path = write("entities.yaml", ENTITIES)

    with pytest.raises(FactTableError) as caught:
        load_fact_tables([path, Path("./entities.yaml")])

    assert caught.value.problems == ["entities.yaml: this table is given twice; give it once"]


# --------------------------------------------------------------------------------------------
# Dates at their precision


@pytest.mark.parametrize(
    ("value", "first", "last", "precision"),
    [
        ("2012", datetime.date(2012, 1, 1), datetime.date(2012, 12, 31), "year"),
        ("2024-02", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29), "month"),
        ("2023-02", datetime.date(2023, 2, 1), datetime.date(2023, 2, 28), "month"),
        ("2023-03-17", datetime.date(2023, 3, 17), datetime.date(2023, 3, 17), "day"),
    ],
)
def test_date_bounds_cover_the_whole_precision(
    value: str, first: datetime.date, last: datetime.date, precision: str
) -> None:
    assert date_bounds(value) == (first, last)
    assert precision_of(value) == precision


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13", "0000", "2023-3-1", "23", "2023/03"])
def test_date_bounds_refuse_what_is_not_a_date(value: str) -> None:
    with pytest.raises(ValueError):
        date_bounds(value)
    with pytest.raises(ValueError):
        precision_of(value)


def test_role_held_on_is_inclusive_and_partial_dates_cover_their_period() -> None:
    role = Role(title="President of Russia", start="2012", end="2018-05")

    assert not role.held_on(datetime.date(2011, 12, 31))
    assert role.held_on(datetime.date(2012, 1, 1))
    assert role.held_on(datetime.date(2018, 5, 31))
    assert not role.held_on(datetime.date(2018, 6, 1))


def test_role_bounds_left_out_are_open() -> None:
    since = Role(title="President of Russia", start="2012-05-07")
    until = Role(title="Prime Minister of Russia", end="2012-05-07")

    assert not since.held_on(datetime.date(2012, 5, 6))
    assert since.held_on(datetime.date(2012, 5, 7))
    assert since.held_on(datetime.date(2999, 1, 1))
    assert until.held_on(datetime.date(1900, 1, 1))
    assert until.held_on(datetime.date(2012, 5, 7))
    assert not until.held_on(datetime.date(2012, 5, 8))


def test_entity_roles_held_on_a_day() -> None:
    putin = load_fact_tables([DATA / "valid.yaml"]).entity("vladimir-putin")

    assert [role.title for role in putin.roles_held_on(datetime.date(2010, 1, 1))] == [
        "Prime Minister of Russia"
    ]
    # Both on the day of the handover: bounds are inclusive.
    assert len(putin.roles_held_on(datetime.date(2012, 5, 7))) == 2


# --------------------------------------------------------------------------------------------
# Never a traceback


@pytest.mark.parametrize("name", ["valid.yaml", "valid.json"])
def test_any_damaged_table_gives_problems_not_a_traceback(in_tmp: Path, name: str) -> None:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines(keepends=True)
    damaged = [lines[:i] + lines[i + 1 :] for i in range(len(lines))]  # each line left out
    damaged += [lines[:i] for i in range(len(lines))]  # cut short after each line
    damaged += [[*lines[:i], " " + lines[i], *lines[i + 1 :]] for i in range(len(lines))]

    for number, version in enumerate(damaged):
        path = write(f"damaged-{number}{Path(name).suffix}", "".join(version))
        try:
            load_fact_tables([path])
        except FactTableError as error:
            assert error.problems
            assert all(problem.startswith(f"{path}") for problem in error.problems)
