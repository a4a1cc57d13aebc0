"""`briefing batch`: many articles into one folder, through the CLI as users run it."""

from __future__ import annotations

import json
import os
import random
import shutil
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DATA, ROOT, run_cli

PARIS_FACTS = DATA / "facts" / "paris-riyadh.yaml"
SEEDS = ROOT / "seeds" / "articles"


def _tree(tmp_path: Path) -> dict[str, Path]:
    """Lay out a folder (with a sub-folder, a name clash and a broken article) and a glob."""
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "b" / "deep").mkdir(parents=True)
    shutil.copy(DATA / "articles" / "paris-riyadh.en.md", folder / "a" / "x.md")
    shutil.copy(DATA / "articles" / "paris-riyadh.ar.md", folder / "b" / "deep" / "x.md")
    (folder / "a" / "empty.txt").write_text(" \n", encoding="utf-8")
    (folder / "a" / "notes.yaml").write_text("not: an article\n", encoding="utf-8")
    (folder / ".hidden.md").write_text("hidden", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("wang-yi-moscow.ar.md", "wang-yi-moscow.en.md"):
        shutil.copy(SEEDS / name, seeds / name)
    return {"folder": folder, "seeds": seeds}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value or "" for key, value in attrs if key == "href"]


def test_batch_of_a_folder_a_glob_and_a_broken_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _tree(tmp_path)
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)  # relative paths, as a user types them
    result = run_cli(
        "batch", "in", "seeds/*.md", "--out-dir", "out", "--formats", "json,md",
        "--facts", PARIS_FACTS, "--jobs", "1",
    )  # fmt: skip
    assert result.exit_code == 8, result.stderr
    lines = result.stderr.splitlines()
    broken = os.path.join("in", "a", "empty.txt")
    assert f"{broken}: the article has no text" in lines
    index = Path("out") / "index.html"
    assert lines[-1] == f"briefing: 5 articles: 4 briefed (0 up to date), 1 failed; see {index}"
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        ".briefing-batch.json",
        "a-x.md.briefing.json",
        "a-x.md.briefing.md",
        "deep-x.md.briefing.json",
        "deep-x.md.briefing.md",
        "index.html",
        "junit.xml",
        "summary.json",
        "summary.md",
        "wang-yi-moscow.ar.briefing.json",
        "wang-yi-moscow.ar.briefing.md",
        "wang-yi-moscow.en.briefing.json",
        "wang-yi-moscow.en.briefing.md",
    ]
    english = json.loads((out / "a-x.md.briefing.json").read_text(encoding="utf-8"))
    assert english["article"]["source"] == os.path.join("in", "a", "x.md")
    assert english["summary"]["contradicted"] == 1

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["options"]["formats"] == ["json", "md"]
    totals = summary["totals"]
    assert (totals["articles"], totals["briefed"], totals["failed"]) == (5, 4, 1)
    articles = summary["articles"]
    assert [a["source"] for a in articles] == [
        broken,
        os.path.join("in", "a", "x.md"),
        os.path.join("in", "b", "deep", "x.md"),
        os.path.join("seeds", "wang-yi-moscow.ar.md"),
        os.path.join("seeds", "wang-yi-moscow.en.md"),
    ]
    assert articles[0] == {
        "source": broken,
        "status": "failed",
        "error": f"{broken}: the article has no text",
    }
    assert articles[1]["outputs"] == {"json": "a-x.md.briefing.json", "md": "a-x.md.briefing.md"}
    assert articles[1]["summary"] == english["summary"]
    assert totals["claims"] == sum(a["summary"]["claims"] for a in articles[1:])
    assert totals["contradicted"] == 2

    markdown = (out / "summary.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Briefing batch: 5 articles\n")
    assert (
        "| French foreign minister in Riyadh | `in/a/x.md` | 8 | 1 | 2 | 5 |"
        in markdown.replace(os.sep, "/")
    )
    assert "## Contradicted claims" in markdown and "## Failed" in markdown
    assert "<" not in markdown

    index = (out / "index.html").read_text(encoding="utf-8")
    links = _Links()
    links.feed(index)
    assert "a-x.md.briefing.md" in links.hrefs and "a-x.md.briefing.json" in links.hrefs
    assert all((out / href).exists() for href in links.hrefs)
    assert "the article has no text" in index
    assert "وزير الخارجية الفرنسي في الرياض" in index

    junit = ET.parse(out / "junit.xml").getroot()
    suites = junit.findall("testsuite")
    assert [s.get("name") for s in suites] == [a["source"] for a in articles]
    error = suites[0].find("testcase/error")
    assert error is not None and error.get("message") == f"{broken}: the article has no text"
    assert junit.get("errors") == "1"
    assert junit.get("failures") == "2"
    for suite, article in zip(suites[1:], articles[1:], strict=True):
        assert int(suite.get("tests", "")) == article["summary"]["claims"]
        assert int(suite.get("failures", "")) == article["summary"]["contradicted"]
    del paths


def test_rerun_skips_what_is_up_to_date_and_redoes_what_changed(tmp_path: Path) -> None:
    article = tmp_path / "paris.md"
    shutil.copy(DATA / "articles" / "paris-riyadh.en.md", article)
    facts = tmp_path / "facts.yaml"
    shutil.copy(PARIS_FACTS, facts)
    out = tmp_path / "out"
    base = ["batch", article, "--out-dir", out, "--formats", "json,md", "--facts", facts]
    first = run_cli(*base, "--jobs", "1")
    assert first.exit_code == 0, first.stderr
    json_file, md_file = out / "paris.briefing.json", out / "paris.briefing.md"
    stamps = {p: p.stat().st_mtime_ns for p in (json_file, md_file)}
    summary = (out / "summary.json").read_bytes()

    again = run_cli(*base)
    assert again.exit_code == 0, again.stderr
    assert f"[1/1] {article}: up to date" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    assert (out / "summary.json").read_bytes() == summary  # summaries are rebuilt the same

    # Another report language changes the Markdown, not the JSON.
    other = run_cli(*base, "--report-language", "ar")
    assert other.exit_code == 0, other.stderr
    assert json_file.stat().st_mtime_ns == stamps[json_file]
    assert md_file.stat().st_mtime_ns != stamps[md_file]
    assert "ادعاءات" in md_file.read_text(encoding="utf-8")

    # A changed article is redone, whatever the clock says.
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("three-day", "four-day"), encoding="utf-8")
    changed = run_cli(*base, "--report-language", "ar")
    assert changed.exit_code == 0, changed.stderr
    assert f"{article}: up to date" not in changed.stderr
    assert "four-day" in json_file.read_text(encoding="utf-8")

    # A fact table touched after the outputs makes them stale too.
    stamp = json_file.stat().st_mtime_ns
    os.utime(facts, ns=(stamp + 1_000, stamp + 1_000))
    touched = run_cli(*base, "--report-language", "ar")
    assert touched.exit_code == 0, touched.stderr
    assert json_file.stat().st_mtime_ns != stamp

    # A deleted output is written again, the other one is not.
    md_file.unlink()
    stamp = json_file.stat().st_mtime_ns
    missing = run_cli(*base, "--report-language", "ar")
    assert missing.exit_code == 0, missing.stderr
    assert md_file.exists() and json_file.stat().st_mtime_ns == stamp


def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    paths = _tree(tmp_path)
    common = ["--formats", "json,md,claimreview", "--facts", PARIS_FACTS]
    one = run_cli(
        "batch",
        paths["folder"],
        paths["seeds"],
        "--out-dir",
        tmp_path / "one",
        "--jobs",
        "1",
        *common,
    )
    two = run_cli(
        "batch",
        paths["folder"],
        paths["seeds"],
        "--out-dir",
        tmp_path / "two",
        "--jobs",
        "2",
        *common,
    )
    assert one.exit_code == two.exit_code == 8
    written = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "two").iterdir())
    assert "wang-yi-moscow.ar.briefing.jsonld" in written
    for name in written:
        if name.startswith("."):
            continue
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), (
            name
        )


def test_name_clashes_get_distinct_names(tmp_path: Path) -> None:
    from briefing.batch import output_names

    for folder in ("a", "b", "c/b"):
        (tmp_path / folder).mkdir(parents=True)
    article = (DATA / "articles" / "paris-riyadh.en.md").read_bytes()
    files = ["a/x.md", "b/x.md", "a/x.txt", "c/b/x.md", "a/y.md", "A/Y.md"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(article)
    names = output_names([tmp_path / name for name in files])
    assert names[tmp_path / "a/y.md"] != names[tmp_path / "A/Y.md"]
    assert names[tmp_path / "a/x.txt"] == "x.txt"
    assert len({n.casefold() for n in names.values()}) == len(files)
    result = run_cli(
        "batch", *[tmp_path / name for name in files], "--out-dir", tmp_path / "out",
        "--formats", "json", "--facts", PARIS_FACTS, "--jobs", "1",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    outputs = [p for p in (tmp_path / "out").glob("*.briefing.json")]
    assert len(outputs) == len(files)
    sources = {json.loads(p.read_text(encoding="utf-8"))["article"]["source"] for p in outputs}
    assert sources == {str(tmp_path / name) for name in files}


def test_missing_inputs_are_failures_not_the_end(tmp_path: Path) -> None:
    article = tmp_path / "paris.md"
    shutil.copy(DATA / "articles" / "paris-riyadh.en.md", article)
    result = run_cli(
        "batch", article, tmp_path / "nope.md", str(tmp_path / "none-*.md"),
        "--out-dir", tmp_path / "out", "--formats", "json", "--facts", PARIS_FACTS,
    )  # fmt: skip
    assert result.exit_code == 8
    assert f"{tmp_path / 'nope.md'}: no such file or folder" in result.stderr
    assert f"{tmp_path / 'none-*.md'}: the pattern matches no" in result.stderr
    assert (tmp_path / "out" / "paris.briefing.json").exists()
    totals = json.loads((tmp_path / "out" / "summary.json").read_text())["totals"]
    assert (totals["articles"], totals["briefed"], totals["failed"]) == (3, 1, 2)


def test_fail_on_in_a_batch(tmp_path: Path) -> None:
    article = tmp_path / "paris.md"
    shutil.copy(DATA / "articles" / "paris-riyadh.ar.md", article)
    out = tmp_path / "out"
    args = ["batch", article, "--out-dir", out, "--formats", "json", "--facts", PARIS_FACTS]
    result = run_cli(*args, "--fail-on", "contradicted")
    assert result.exit_code == 7
    assert result.stderr.splitlines()[-1] == (
        "briefing: 1 claim contradicted by the fact table in 1 article (--fail-on contradicted)"
    )
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["totals"]["tripped"] == 1 and summary["articles"][0]["tripped"] == 1
    quiet = run_cli(*args, "--fail-on", "contradicted", "--quiet")
    assert quiet.exit_code == 7
    assert quiet.stderr == ""
    assert run_cli(*args, "--fail-on", "never").exit_code == 0
    # Failures beat claims: exit 8 when an article also failed.
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    both = run_cli(*args[:2], tmp_path / "empty.md", *args[2:], "--fail-on", "contradicted")
    assert both.exit_code == 8


def test_quiet_batch_prints_only_failures(tmp_path: Path) -> None:
    article = tmp_path / "paris.md"
    shutil.copy(DATA / "articles" / "paris-riyadh.en.md", article)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    result = run_cli(
        "batch", tmp_path, "--out-dir", tmp_path / "out", "--formats", "json",
        "--facts", PARIS_FACTS, "--quiet",
    )  # fmt: skip
    assert result.exit_code == 8
    assert result.stderr.startswith(f"{tmp_path / 'bin.txt'}: looks like a binary file")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--formats", "json,docx"], "--formats: 'docx' is not one of"),
        (["--jobs", "0"], "--jobs: 0 is not a positive number"),
        (["--fail-on", "sometimes"], "--fail-on: 'sometimes' is not one of"),
        (["--paper", "A0"], "--paper: 'A0' is not one of A3, A4, A5, letter, legal"),
    ],
)
def test_bad_options_are_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("batch", DATA / "articles", "--out-dir", tmp_path / "out", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_bad_fact_table_stops_the_batch_before_it_starts(tmp_path: Path) -> None:
    table = tmp_path / "facts.yaml"
    table.write_text("version: 2\n", encoding="utf-8")
    result = run_cli("batch", DATA / "articles", "--out-dir", tmp_path / "out", "--facts", table)
    assert result.exit_code == 4
    assert result.stderr.startswith(f"{table}:1:")
    assert not (tmp_path / "out").exists()


def test_outputs_inside_the_input_folder_are_not_read_back(tmp_path: Path) -> None:
    shutil.copy(DATA / "articles" / "paris-riyadh.en.md", tmp_path / "paris.md")
    args = [
        "batch",
        tmp_path,
        "--out-dir",
        tmp_path / "out",
        "--formats",
        "md",
        "--facts",
        PARIS_FACTS,
    ]
    assert run_cli(*args).exit_code == 0
    again = run_cli(*args)
    assert again.exit_code == 0, again.stderr
    assert "briefing: 1 article: 1 briefed (1 up to date)" in again.stderr


def test_batch_help() -> None:
    result = run_cli("batch", "--help")
    assert result.exit_code == 0
    for option in ("--out-dir", "--formats", "--jobs", "--facts", "--fail-on", "--quiet"):
        assert option in result.output


# ---------------------------------------------------------------------------------------------
# Load: 500 articles, some broken, two workers; nothing may be lost

_PEOPLE_AR = ["سامي الخطيب", "ليلى حداد", "عمر فاروق", "نادية سليم", "كريم منصور"]
_PEOPLE_EN = ["Sami Khatib", "Laila Haddad", "Omar Farouk", "Nadia Salim", "Karim Mansour"]
_CITIES_AR = ["الرياض", "القاهرة", "عمّان", "تونس", "بيروت"]
_CITIES_EN = ["Riyadh", "Cairo", "Amman", "Tunis", "Beirut"]


def _article(n: int, rng: random.Random) -> bytes:
    """Return article number `n`: short Arabic or English news, or (1 in 20) a broken file."""
    if n % 20 == 7:
        broken = [
            b"",
            b"\x00\x01\x02 binary \x00",
            "---\ntitle: [unclosed\n---\nنص.\n".encode(),
            b"---\nfoo: bar\n---\nText.\n",
            "ليس نصاً سليماً".encode() + b"\xff\xfe\xfa" + b"\x00",
        ]
        return broken[(n // 20) % len(broken)]
    count, day = rng.randint(2, 900), rng.randint(1, 28)
    if n % 2:
        person, city = rng.choice(_PEOPLE_AR), rng.choice(_CITIES_AR)
        text = (
            f"---\ntitle: خبر رقم {n}\npublished: 2024-03-{day:02d}\n---\n"
            f"وصل وزير الخارجية الفرنسي ستيفان سيجورنيه إلى {city} في زيارة تستمر ثلاثة أيام.\n"
            f"وقال {person} إن {count} شخصاً حضروا اللقاء.\n"
        )
    else:
        person, city = rng.choice(_PEOPLE_EN), rng.choice(_CITIES_EN)
        text = (
            f"---\ntitle: Story {n}\npublished: 2024-03-{day:02d}\n---\n"
            f"French Foreign Minister Stéphane Séjourné arrived in {city} for a three-day visit.\n"
            f'"{count} people came," {person} told reporters.\n'
        )
    return text.encode("utf-8")


def test_load_500_articles_nothing_lost(tmp_path: Path) -> None:
    rng = random.Random(7)
    folder = tmp_path / "articles"
    for n in range(500):
        sub = folder / f"part-{n % 5}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story-{n:03d}.{'md' if n % 3 else 'txt'}").write_bytes(_article(n, rng))
    out = tmp_path / "out"
    started = time.monotonic()
    result = run_cli(
        "batch", folder, "--out-dir", out, "--formats", "json", "--jobs", "2",
        "--facts", PARIS_FACTS,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert result.exit_code == 8, result.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    articles = summary["articles"]
    sources = sorted(str(p) for p in folder.rglob("story-*"))
    assert sorted(a["source"] for a in articles) == sources  # every input, once
    failed = [a for a in articles if a["status"] == "failed"]
    briefed = [a for a in articles if a["status"] == "briefed"]
    assert summary["totals"]["failed"] == len(failed) and summary["totals"]["briefed"] == len(
        briefed
    )
    # The empty, binary and bad-front-matter files fail (the invalid UTF-8 one may be decoded).
    assert 20 <= len(failed) <= 25
    assert all(
        Path(a["source"]).name[6:9] in {f"{n:03d}" for n in range(7, 500, 20)} for a in failed
    )
    for article in failed:
        assert f"{article['error']}" in result.stderr.splitlines()
        assert article["error"].startswith(article["source"] + ":")
    written = {p.name for p in out.glob("*.briefing.json")}
    assert {a["outputs"]["json"] for a in briefed} == written
    assert len(written) == len(briefed)
    junit = ET.parse(out / "junit.xml").getroot()
    assert len(junit.findall("testsuite")) == 500
    assert int(junit.get("errors", "")) == len(failed)
    assert sum(a["summary"]["claims"] for a in briefed) == int(junit.get("tests", "")) - len(failed)
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert len(progress) == len(briefed)
    assert elapsed < 60, f"500 articles took {elapsed:.1f} s"


def test_reading_options_reach_every_article(tmp_path: Path) -> None:
    text = (DATA / "articles" / "paris-riyadh.ar.md").read_text(encoding="utf-8")
    article = tmp_path / "paris.md"
    article.write_bytes(text.replace("“", '"').replace("”", '"').encode("windows-1256"))
    out = tmp_path / "out"
    args = ["batch", article, "--out-dir", out, "--formats", "json", "--facts", PARIS_FACTS]
    result = run_cli(*args, "--encoding", "windows-1256")
    assert result.exit_code == 0, result.stderr
    doc = json.loads((out / "paris.briefing.json").read_text(encoding="utf-8"))
    assert doc["article"]["title"] == "وزير الخارجية الفرنسي في الرياض"
    small = run_cli(*args, "--encoding", "windows-1256", "--max-bytes", "100")
    assert small.exit_code == 8
    assert small.stderr.startswith(f"{article}: larger than")
    assert run_cli(*args, "--encoding", "no-such-codec").exit_code == 2


def test_progress_bar_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.batch import ArticleResult
    from briefing.cli.batch import BatchProgress as _BatchProgress

    counts = {"claims": 3, "contradicted": 1, "supported": 1, "unverified": 1}
    done = ArticleResult("a.md", "a", {"json": "a.briefing.json"}, ("json",), {"summary": counts})
    failed = ArticleResult("b.md", "b", error="b.md: the article has no text")
    progress = _BatchProgress(quiet=False, bar=True)
    progress(done, 1, 2)
    progress(failed, 2, 2)
    progress.close()
    err = capsys.readouterr().err
    assert err.startswith("\r[##############..............] 1/2 a.md\x1b[K")
    assert "\r\x1b[Kb.md: the article has no text\n" in err
    assert err.endswith("\r[############################] 2/2 b.md\x1b[K\n")
    quiet = _BatchProgress(quiet=True, bar=True)
    quiet(done, 1, 2)
    quiet(failed, 2, 2)
    quiet.close()
    assert capsys.readouterr().err == "b.md: the article has no text\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--language", "fr"], "briefing: --language: 'fr' is not supported; choose one of"),
        (["--model", "no-such-model"], "briefing: --model: cannot load spaCy pipeline"),
    ],
)
def test_analysis_options_are_checked_once(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli("batch", DATA / "articles", "--out-dir", tmp_path / "out", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.splitlines()) == 1
