"""The on-disk cache of the parsed gazetteer and the compiled lexicons: the same data as
building them, rebuilt whenever anything they come from changes, and never an error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing import cache as disk
from briefing import languages
from briefing.analysis import gazetteer, lexicon
from briefing.facts import load_fact_tables
from briefing.resources import bundled_facts
from conftest import DATA


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    _forget()
    yield folder
    _forget()


def _forget() -> None:
    """Drop what this process holds, so that the next build goes to the disk."""
    lexicon._CACHE.clear()
    gazetteer.load_gazetteer.cache_clear()
    gazetteer.places_by_id.cache_clear()


@pytest.mark.parametrize("code", ["ar", "en"])
def test_a_cached_lexicon_is_the_compiled_one(cache_dir: Path, code: str) -> None:
    table = load_fact_tables([bundled_facts()])
    rules = languages.get(code).rules
    first = lexicon.build_lexicon(table, rules)
    assert sorted(p.name.split("-")[0] for p in cache_dir.glob("*.json")) == [
        "gazetteer",
        "lexicon",
    ]
    _forget()
    again = lexicon.build_lexicon(table, rules)
    assert again is not first
    assert again == first == lexicon._compile(table, rules)
    assert gazetteer.load_gazetteer() == tuple(gazetteer.load_gazetteer())


def test_another_table_is_another_entry(cache_dir: Path) -> None:
    rules = languages.get("ar").rules
    lexicon.build_lexicon(load_fact_tables([bundled_facts()]), rules)
    other = load_fact_tables([DATA / "facts" / "paris-riyadh.yaml"])
    built = lexicon.build_lexicon(other, rules)
    assert len(list(cache_dir.glob("lexicon-*.json"))) == 2
    assert built == lexicon._compile(other, rules)


def test_a_damaged_entry_is_rebuilt(cache_dir: Path) -> None:
    table = load_fact_tables([bundled_facts()])
    rules = languages.get("ar").rules
    expected = lexicon.build_lexicon(table, rules)
    for path in cache_dir.glob("*.json"):
        path.write_text('{"key": "something else", "value": {}}', encoding="utf-8")
    (entry,) = cache_dir.glob("lexicon-*.json")
    entry.write_text("{not json", encoding="utf-8")
    _forget()
    assert lexicon.build_lexicon(table, rules) == expected
    assert json.loads(entry.read_text(encoding="utf-8"))["value"]["max_words"] >= 1


def test_an_entry_of_another_shape_is_rebuilt(cache_dir: Path) -> None:
    table = load_fact_tables([bundled_facts()])
    rules = languages.get("ar").rules
    expected = lexicon.build_lexicon(table, rules)
    (entry,) = cache_dir.glob("lexicon-*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["value"]["entries"] = [["too", "short"]]
    entry.write_text(json.dumps(data), encoding="utf-8")
    _forget()
    assert lexicon.build_lexicon(table, rules) == expected


def test_an_empty_cache_dir_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _forget()
    try:
        assert disk.cache_dir() is None
        lexicon.build_lexicon(load_fact_tables([bundled_facts()]), languages.get("ar").rules)
        assert list(tmp_path.iterdir()) == []
    finally:
        _forget()


def test_the_cache_follows_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk.cache_dir() == tmp_path / "briefing"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as XDG says
    assert disk.cache_dir() == Path.home() / ".cache" / "briefing"


def test_a_cache_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker / "cache"))
    _forget()
    try:
        table = load_fact_tables([bundled_facts()])
        rules = languages.get("en").rules
        assert lexicon.build_lexicon(table, rules) == lexicon._compile(table, rules)
    finally:
        _forget()


def test_keys_change_with_every_part() -> None:
    base = disk.key("kind", "a", b"b")
    assert base == disk.key("kind", "a", b"b")
    assert len({base, disk.key("kind", "a", b"c"), disk.key("other", "a", b"b")}) == 3
    assert disk.key("kind", "ab", "") != disk.key("kind", "a", "b")


def test_old_entries_are_pruned(cache_dir: Path) -> None:
    for n in range(disk.KEEP + 5):
        disk.store("thing", disk.key("thing", str(n)), n)
    assert len(list(cache_dir.glob("thing-*.json"))) == disk.KEEP
    assert disk.load("thing", disk.key("thing", str(disk.KEEP + 4))) == disk.KEEP + 4
