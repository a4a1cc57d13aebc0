"""Briefings in CI: --fail-on exit codes, --junit, ClaimReview JSON-LD, Markdown summaries, and
the same bytes for the same input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, ROOT, SEED, run_cli

PARIS = DATA / "articles" / "paris-riyadh.en.md"
PARIS_AR = DATA / "articles" / "paris-riyadh.ar.md"
PARIS_FACTS = DATA / "facts" / "paris-riyadh.yaml"
GITHUB_SUMMARY_LIMIT = 1024 * 1024


def _generate(article: Path, out: Path, *args: str | Path) -> Any:
    return run_cli("generate", article, "--facts", PARIS_FACTS, "--out", out, *args)


def _briefing(article: Path = PARIS) -> dict[str, Any]:
    result = run_cli("generate", article, "--facts", PARIS_FACTS, "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# ---------------------------------------------------------------------------------------------
# --fail-on


@pytest.mark.parametrize(
    ("level", "status", "message"),
    [
        ("never", 0, None),
        ("contradicted", 7, "briefing: 1 claim contradicted by the fact table"),
        ("unverified", 7, "briefing: 6 claims unverified or contradicted"),
    ],
)
def test_fail_on_levels(tmp_path: Path, level: str, status: int, message: str | None) -> None:
    summary = _briefing()["summary"]
    assert (summary["contradicted"], summary["unverified"]) == (1, 5)
    out = tmp_path / "b.json"
    result = _generate(PARIS, out, "--fail-on", level)
    assert result.exit_code == status, result.stderr
    # The briefing is written first, whatever the gate says.
    assert json.loads(out.read_text(encoding="utf-8"))["summary"] == summary
    if message is None:
        assert result.stderr == ""
    else:
        assert result.stderr.strip() == f"{message} (--fail-on {level})"


def test_fail_on_is_never_by_default(tmp_path: Path) -> None:
    result = _generate(PARIS, tmp_path / "b.md")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_fail_on_passes_when_no_claim_is_bad_enough(tmp_path: Path) -> None:
    article = tmp_path / "supported.md"
    lines = PARIS.read_text(encoding="utf-8").splitlines()
    # The front matter and the first sentence, which the fact table supports.
    article.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    summary = _briefing(article)["summary"]
    assert summary["claims"] > 0 and summary["supported"] == summary["claims"]
    result = _generate(article, tmp_path / "b.json", "--fail-on", "unverified")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_quiet_keeps_the_exit_status_but_not_the_line(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = _generate(PARIS, out, "--fail-on", "contradicted", "--quiet")
    assert result.exit_code == 7
    assert result.stderr == ""
    assert out.exists()


def test_quiet_still_prints_errors(tmp_path: Path) -> None:
    result = run_cli("generate", tmp_path / "missing.md", "--quiet", "--format", "json")
    assert result.exit_code == 3
    assert "no such file" in result.stderr


def test_fail_on_rejects_unknown_levels(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    result = _generate(PARIS, out, "--fail-on", "supported")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "briefing: --fail-on: 'supported' is not one of contradicted, unverified, never"
    )
    assert not out.exists()


# ---------------------------------------------------------------------------------------------
# --junit


def _junit(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def test_junit_has_one_testcase_per_claim(tmp_path: Path) -> None:
    out, report = tmp_path / "b.json", tmp_path / "reports" / "claims.xml"
    report.parent.mkdir()
    result = _generate(PARIS, out, "--junit", report)
    assert result.exit_code == 0, result.stderr
    briefing = json.loads(out.read_text(encoding="utf-8"))
    root = _junit(report)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    suite = suites[0]
    source = briefing["article"]["source"]
    assert suite.get("name") == source
    claims = briefing["claims"]
    cases = suite.findall("testcase")
    assert len(cases) == len(claims) == int(suite.get("tests", "-1")) == int(root.get("tests", ""))
    summary = briefing["summary"]
    assert int(suite.get("failures", "")) == summary["contradicted"]
    assert int(suite.get("skipped", "")) == summary["unverified"]
    assert suite.get("errors") == "0"
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["title"] == "French foreign minister in Riyadh"
    assert properties["sha256"] == briefing["article"]["sha256"]
    for claim, case in zip(claims, cases, strict=True):
        assert case.get("classname") == source
        assert case.get("name", "").startswith(f"{claim['id']}: ")
        assert claim["text"][:20] in case.get("name", "")
        children = [child.tag for child in case]
        if claim["verdict"] == "contradicted":
            assert children == ["failure"]
            failure = case.find("failure")
            assert failure is not None
            evidence = next(e for e in claim["evidence"] if e["relation"] == "contradicts")
            assert evidence["reason"] in failure.get("message", "")
            assert evidence["fact_value"] in failure.get("message", "")
            assert failure.get("type") == "contradicted"
            assert evidence["fact_id"] in (failure.text or "")
        elif claim["verdict"] == "unverified":
            assert children == ["skipped"]
        else:
            assert children == []
    c5 = next(case for case in cases if case.get("name", "").startswith("c5: "))
    failure = c5.find("failure")
    assert failure is not None
    assert failure.get("message") == (
        "the article dates this to 2024-02 (“February”); the table has 2024-01; fact table: 2024-01"
    )


def test_junit_keeps_arabic_and_writes_atomically(tmp_path: Path) -> None:
    report = tmp_path / "claims.xml"
    result = _generate(PARIS_AR, tmp_path / "b.md", "--junit", report)
    assert result.exit_code == 0, result.stderr
    root = _junit(report)
    names = [case.get("name", "") for case in root.iter("testcase")]
    assert any("سيجورنيه" in name for name in names)
    assert report.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md", "claims.xml"]


def test_junit_to_a_missing_folder_is_exit_5(tmp_path: Path) -> None:
    result = _generate(PARIS, tmp_path / "b.json", "--junit", tmp_path / "no" / "c.xml")
    assert result.exit_code == 5
    assert "does not exist" in result.stderr


def test_junit_escapes_everything(tmp_path: Path) -> None:
    article = tmp_path / "odd.md"
    article.write_text(
        '---\ntitle: "<b>Tags</b> & \\"quotes\\" ]]>"\n---\n'
        'French Foreign Minister Stéphane Séjourné said "<script>alert(1)</script> & more" '
        "in Riyadh on Saturday.\u000b\n"
        "Séjourné visited Cairo in February, according to Agence France-Presse.\n",
        encoding="utf-8",
    )
    report = tmp_path / "odd.xml"
    result = _generate(article, tmp_path / "odd.json", "--junit", report)
    assert result.exit_code == 0, result.stderr
    root = _junit(report)
    title = next(p.get("value") for p in root.iter("property") if p.get("name") == "title")
    assert title == '<b>Tags</b> & "quotes" ]]>'
    assert any("<script>" in (case.get("name") or "") for case in root.iter("testcase"))
    assert b"<script>" not in report.read_bytes()


def test_junit_of_a_hand_made_briefing_is_well_formed() -> None:
    from briefing import Briefing
    from briefing.renderers.junit import Suite, junit_xml

    odd = "\x00\x1b<&>\"' ]]> \ud7ff text\u200f عربي"
    briefing = {
        "article": {"source": odd, "title": odd},
        "claims": [
            {"id": "c1", "text": odd, "verdict": "contradicted", "evidence": [{"reason": odd}]},
            {"id": "c2", "text": odd, "verdict": "disputed"},  # unknown: counted as unverified
            "not a claim",
        ],
    }
    text = junit_xml([Suite("a", Briefing.from_json(briefing)), Suite("b", error=odd)])
    root = ET.fromstring(text.encode("utf-8"))
    assert root.get("tests") == "3"
    assert (root.get("failures"), root.get("skipped"), root.get("errors")) == ("1", "1", "1")
    error = root.find("testsuite[@name='b']/testcase/error")
    assert error is not None and error.get("message") == "\x1b<&>\"' ]]> \ud7ff text\u200f عربي"[1:]


# ---------------------------------------------------------------------------------------------
# ClaimReview


def test_claimreview_json_ld(tmp_path: Path) -> None:
    article = tmp_path / "paris.md"
    article.write_text(
        PARIS.read_text(encoding="utf-8").replace(
            "outlet:", "url: https://news.example/paris-riyadh\noutlet:"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "paris.jsonld"  # the format follows the suffix
    result = run_cli("generate", article, "--facts", PARIS_FACTS, "--out", out)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"] == "https://schema.org"
    briefing = _briefing(article)
    decided = [c for c in briefing["claims"] if c["verdict"] in ("supported", "contradicted")]
    reviews = doc["@graph"]
    assert [r["identifier"] for r in reviews] == [c["id"] for c in decided]
    for review, claim in zip(reviews, decided, strict=True):
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == claim["text"]
        rating = review["reviewRating"]
        assert (rating["@type"], rating["bestRating"], rating["worstRating"]) == ("Rating", 5, 1)
        assert rating["ratingValue"] == (1 if claim["verdict"] == "contradicted" else 5)
        assert claim["verdict"].capitalize() in rating["alternateName"]
        assert review["author"] == {"@type": "Organization", "name": "briefing"}
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["datePublished"] == "2024-03-10"
        assert item["appearance"]["url"] == "https://news.example/paris-riyadh"
        assert item["appearance"]["headline"] == "French foreign minister in Riyadh"
        if claim["kind"] == "role":  # the table's roles cite no sources
            assert "isBasedOn" not in review
            continue
        for work in review["isBasedOn"]:
            assert work["@type"] == "CreativeWork"
            assert work["url"].startswith("https://example.org/")
    c5 = next(r for r in reviews if r["identifier"] == "c5")
    assert c5["itemReviewed"]["author"] == {"@type": "Organization", "name": "Agence France-Presse"}
    assert "2024-01" in c5["reviewBody"]
    c2 = next(r for r in reviews if r["identifier"] == "c2")
    # The article's own voice: the outlet made the claim.
    assert c2["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Test text written by the briefing team",
    }


def test_claimreview_speakers_are_people_or_organisations() -> None:
    from briefing import Briefing
    from briefing.renderers.claimreview import claimreview

    briefing = {
        "article": {"title": "T", "language": "en"},
        "entities": [
            {"entity_id": "p", "name": "Person Name", "type": "PERSON"},
            {"entity_id": "o", "name": "Some Ministry", "type": "ORG"},
        ],
        "claims": [
            {
                "id": "c1",
                "text": "a",
                "verdict": "supported",
                "speaker": {"text": "Mr Name", "entity_id": "p"},
            },
            {
                "id": "c2",
                "text": "b",
                "verdict": "contradicted",
                "speaker": {"text": "the ministry", "entity_id": "o"},
            },
            {
                "id": "c3",
                "text": "c",
                "verdict": "supported",
                "speaker": {"text": "a witness", "entity_id": None},
            },
            {"id": "c4", "text": "d", "verdict": "unverified", "speaker": None},
            {"id": "c5", "text": "e", "verdict": "supported", "speaker": None},
        ],
    }
    graph = claimreview(Briefing.from_json(briefing))["@graph"]
    assert [r["identifier"] for r in graph] == ["c1", "c2", "c3", "c5"]  # unverified: left out
    authors = [r["itemReviewed"].get("author") for r in graph]
    assert authors == [
        {"@type": "Person", "name": "Person Name", "alternateName": "Mr Name"},
        {"@type": "Organization", "name": "Some Ministry", "alternateName": "the ministry"},
        {"@type": "Person", "name": "a witness"},
        None,  # no speaker and no outlet
    ]
    assert "appearance" in graph[0]["itemReviewed"]  # the headline, even without a URL


# ---------------------------------------------------------------------------------------------
# Markdown for a CI job summary


def test_markdown_fits_a_github_job_summary(tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    result = run_cli("generate", SEED, "--format", "md", "--out", out)
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert len(data) < GITHUB_SUMMARY_LIMIT
    text = data.decode("utf-8")
    assert "<" not in text and ">" not in text.replace("\n> ", "\n")  # no raw HTML
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert table and all(line.endswith("|") for line in table)
    widths = {line.count("|") - line.count("\\|") for line in table[:3]}
    assert len(widths) == 1  # header, rule and counts line up


def test_markdown_of_a_huge_briefing_stays_under_the_limit() -> None:
    from briefing import Briefing
    from briefing.renderers.markdown import render_markdown

    claims = [
        {"id": f"c{n}", "text": "قال الوزير إن " + "كلمة " * 60, "verdict": "unverified"}
        for n in range(20_000)
    ]
    entities = [{"name": f"Name {n}", "mentions": [{"start": n}]} for n in range(5_000)]
    data = {"article": {"language": "ar"}, "claims": claims, "entities": entities}
    text = render_markdown(Briefing.from_json(data))
    assert len(text.encode("utf-8")) < GITHUB_SUMMARY_LIMIT
    rows = [line for line in text.splitlines() if line.startswith("| c")]
    assert 1_000 < len(rows) < 20_000
    assert f"| … | | | +{20_000 - len(rows)} |" in text
    assert "| 20000 | 0 | 0 | 20000 |" in text  # the counts stay complete


def test_markdown_shows_the_contradiction(tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    result = _generate(PARIS, out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "## Contradicted by the fact table" in text
    assert "| c5 | **Contradicted** |" in text


# ---------------------------------------------------------------------------------------------
# The same input gives the same bytes


def test_outputs_are_deterministic(tmp_path: Path) -> None:
    """Two fresh processes (different hash seeds) write byte-identical json, md, junit and
    claimreview files."""
    script = (
        "import sys\nfrom briefing.cli import main\n"
        "out = sys.argv[1]\n"
        "for fmt, ext in (('json', 'json'), ('md', 'md'), ('claimreview', 'jsonld')):\n"
        "    try:\n"
        f"        main(['generate', {str(PARIS_AR)!r}, '--facts', {str(PARIS_FACTS)!r},\n"
        "              '--format', fmt, '--out', f'{out}/b.{ext}', '--junit', f'{out}/j.xml'])\n"
        "    except SystemExit as e:\n"
        "        assert not e.code, e.code\n"
    )
    runs = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        folder.mkdir()
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", script, str(folder)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr
        runs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert sorted(runs[0]) == ["b.json", "b.jsonld", "b.md", "j.xml"]
    for name in runs[0]:
        assert runs[0][name] == runs[1][name], name


def test_claimreview_lands_next_to_the_article_as_jsonld(tmp_path: Path) -> None:
    article = tmp_path / "paris.en.md"
    article.write_bytes(PARIS.read_bytes())
    result = run_cli("generate", article, "--facts", PARIS_FACTS, "--format", "claimreview")
    assert result.exit_code == 0, result.stderr
    doc = json.loads((tmp_path / "paris.briefing.jsonld").read_text(encoding="utf-8"))
    assert [r["identifier"] for r in doc["@graph"]] == ["c1", "c2", "c5"]
