"""The command line as users meet it: help, exit codes, errors on stderr, where output goes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import DATA, SEED, run_cli, schema

COMMANDS = [[], ["generate"], ["facts"], ["facts", "check"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "briefing")
def test_every_command_has_help(command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output
    assert len(result.output.split("\n")) > 4


def test_version() -> None:
    from briefing import __version__

    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"briefing {__version__}"


def test_module_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith("briefing ")


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\nfrom briefing.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('spacy', 'weasyprint', 'dateparser', 'trafilatura', 'charset_normalizer')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_json_to_stdout_validates(tmp_path: Path) -> None:
    result = run_cli("generate", SEED, "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, schema())
    assert doc["article"]["published"] == "2023-09-18"
    assert doc["article"]["published_from"] == "front-matter"
    body = doc["article"]["body"]
    for claim in doc["claims"]:
        assert body[claim["start"] : claim["end"]] == claim["text"]


def test_format_follows_out_suffix(tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    result = run_cli("generate", SEED, "--out", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("#")
    assert "وانغ" in text


def test_default_output_lands_next_to_article(tmp_path: Path) -> None:
    article = tmp_path / "story.ar.md"
    shutil.copy(SEED, article)
    result = run_cli("generate", article, "--format", "json")
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "story.briefing.json"
    assert out.exists()
    assert out.stat().st_mode & 0o644 == 0o644  # readable like any file the user writes
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_missing_article_is_one_line_exit_3(tmp_path: Path) -> None:
    result = run_cli("generate", tmp_path / "nope.txt", "--format", "json")
    assert result.exit_code == 3
    assert result.stderr.strip() == f"briefing: {tmp_path / 'nope.txt'}: no such file"
    assert "Traceback" not in result.output


def test_empty_article_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "empty.txt"
    article.write_text("  \n\n", encoding="utf-8")
    result = run_cli("generate", article, "--format", "json", "--out", tmp_path / "o.json")
    assert result.exit_code == 3
    assert "has no text" in result.stderr
    assert not (tmp_path / "o.json").exists()


def test_bad_front_matter_names_the_line(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: [unclosed\n---\nنص المقال هنا.\n", encoding="utf-8")
    result = run_cli("generate", article, "--format", "json", "--out", "-")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"briefing: {article}:")
    assert "front matter" in result.stderr


def test_invalid_published_is_a_usage_error() -> None:
    result = run_cli("generate", SEED, "--published", "2023-02-30", "--out", "-")
    assert result.exit_code == 2
    assert "--published" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_unknown_suffix_asks_for_format(tmp_path: Path) -> None:
    result = run_cli("generate", SEED, "--out", tmp_path / "b.docx")
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_output_may_not_overwrite_the_article(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    shutil.copy(SEED, article)
    result = run_cli("generate", article, "--format", "md", "--out", article)
    assert result.exit_code == 2
    assert article.read_bytes() == SEED.read_bytes()


def test_unwritable_folder_leaves_nothing(tmp_path: Path) -> None:
    result = run_cli("generate", SEED, "--out", tmp_path / "missing" / "b.json")
    assert result.exit_code == 5
    assert not (tmp_path / "missing").exists()


def test_bad_fact_table_reports_every_problem(tmp_path: Path) -> None:
    table = tmp_path / "facts.yaml"
    table.write_text(
        "version: 1\nentities:\n  - id: Bad Id\n    type: PERSON\n    name: X\n"
        "facts:\n  - id: f1\n    statement: S.\n    about: [nobody]\n"
        "    sources: [{title: T}]\n",
        encoding="utf-8",
    )
    result = run_cli("generate", SEED, "--facts", table, "--format", "json", "--out", "-")
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) >= 2
    assert all(line.startswith(f"{table}:") for line in lines)
    assert any(":3:" in line for line in lines)
    assert any("nobody" in line for line in lines)
    assert result.stdout == ""


def test_facts_check_valid_and_invalid(tmp_path: Path) -> None:
    good = DATA / "facts" / "paris-riyadh.yaml"
    result = run_cli("facts", "check", good)
    assert result.exit_code == 0
    assert "valid" in result.stdout and "4 entities" in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 2\n", encoding="utf-8")
    result = run_cli("facts", "check", bad)
    assert result.exit_code == 4
    assert result.stderr.startswith(f"{bad}:1:")


def test_bundled_fact_table_is_valid() -> None:
    from briefing.resources import bundled_facts

    result = run_cli("facts", "check", bundled_facts())
    assert result.exit_code == 0, result.stderr


def test_seed_pdf_through_pypdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "seed.pdf"
    result = run_cli("generate", SEED, "--out", out)
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) >= 3
    meta = reader.metadata
    assert meta is not None and meta.title and "وانغ" in meta.title
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    # Latin runs and numbers survive extraction whatever pypdf makes of the Arabic.
    for piece in ("Wang Yi", "2023-09-18", "icc-warrant-putin"):
        assert piece in text, piece
    fonts = {
        str(f["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for f in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("Arabic" in f or "Amiri" in f for f in fonts), fonts


def test_report_language_en_for_the_arabic_seed(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    result = run_cli("generate", SEED, "--report-language", "en", "--out", out)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in html
    assert ">Bottom line<" in html
    assert '<blockquote class="quote" lang="ar" dir="rtl">' in html
    default = run_cli("generate", SEED, "--format", "html", "--out", "-")
    assert '<html lang="ar" dir="rtl">' in default.stdout


def test_report_language_must_be_ar_or_en() -> None:
    result = run_cli("generate", SEED, "--report-language", "fr", "--out", "-")
    assert result.exit_code == 2
    assert result.stderr.strip() == "briefing: --report-language: 'fr' is not ar or en"


def test_readme_house_style_example_runs(tmp_path: Path) -> None:
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## House style")[1].split("\n## ")[0]
    command = section.split("```sh\n")[1].split("```")[0].replace("\\\n", " ").split()
    assert command[:2] == ["briefing", "generate"]
    args = [a if a.startswith("-") or "/" not in a else str(ROOT / a) for a in command[2:]]
    args[args.index("--out") + 1] = str(tmp_path / "wang-yi.briefing.pdf")
    result = run_cli("generate", *args)
    assert result.exit_code == 0, result.stderr
    from pypdf import PdfReader

    reader = PdfReader(tmp_path / "wang-yi.briefing.pdf")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "The Alder Gazette" in text and "Bottom line" in text
    assert list(reader.attachments) == ["briefing.json"]


def test_unknown_model_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("generate", SEED, "--model", tmp_path / "no-model", "--out", "-")
    assert result.exit_code == 2
    assert result.stderr.startswith("briefing: --model:")


def test_article_from_stdin(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    text = "وقال وزير الخارجية الصيني وانغ يي إن الزيارة ناجحة."
    result = CliRunner().invoke(
        app,
        ["generate", "-", "--format", "json", "--published", "2023-09-18"],
        input=text.encode("utf-8"),
    )
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["article"]["source"] == "<stdin>"
    assert doc["article"]["language"] == "ar"
    assert doc["claims"][0]["speaker"]["text"] == "وزير الخارجية الصيني وانغ يي"
