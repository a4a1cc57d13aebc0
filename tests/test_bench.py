"""The benchmark (bench/run.py) runs in its quick mode and writes every figure; no timing is
asserted here, as a test machine's speed says nothing about the code's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import DATA, ROOT

FIGURES = (
    "help",
    "generate_json",
    "generate_json_nocache",
    "generate_html",
    "generate_pdf",
    "anchor_spacy",
    "anchor_weasyprint",
    "batch_json_jobs1",
    "batch_json_jobs2",
    "batch_pdf_jobs1",
    "batch_pdf_jobs2",
    "long_quarter",
    "long",
)
TARGETS = (
    "help_s",
    "json_over_anchor_a",
    "pdf_over_anchors_a_b",
    "batch_json_per_s",
    "batch_pdf_per_s",
    "long_s",
    "peak_mb",
)


def test_quick_benchmark_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    tiny = DATA / "articles" / "paris-riyadh.ar.md"
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--quick",
            "--seed",
            str(tiny),
            "--samples",
            str(DATA / "articles" / "paris-riyadh.*.md"),
            "--long-kb",
            "3",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))

    assert results["settings"]["quick"] is True
    # briefing's bytecode is compiled before timing, as pip install does.
    package = ROOT / results["settings"]["package"]  # relative to the checkout when inside it
    assert (package / "api.py").is_file()
    assert list((package / "__pycache__").glob("api.*.pyc"))
    assert list((package / "cli" / "__pycache__").glob("generate.*.pyc"))
    assert set(FIGURES) <= set(results["figures"])
    for name in FIGURES:
        figure = results["figures"][name]
        assert figure["runs"] == 1, name
        for key in ("wall_s", "cpu_s", "peak_mb"):
            assert isinstance(figure[key], (int, float)) and figure[key] > 0, (name, key)
    for name in FIGURES:
        if name.startswith("batch_"):
            assert results["figures"][name]["articles_per_s"] > 0
    assert results["figures"]["batch_json_jobs1"]["articles"] == 4
    assert results["figures"]["batch_pdf_jobs1"]["articles"] == 2

    ratios = results["ratios"]
    for key in ("json_over_anchor_a", "html_over_anchor_a", "pdf_over_anchors_a_b"):
        assert ratios[key] > 0
    assert set(TARGETS) == set(results["targets"])
    for target in results["targets"].values():
        assert {"value", "target", "met", "from"} <= set(target)
    machine = results["machine"]
    assert machine["nproc"] and machine["python"] and machine["cpu"]
    # Every figure is printed as well as written.
    for label in ("briefing --help", "anchor (a) spaCy", "anchor (b) WeasyPrint", "targets"):
        assert label in done.stdout
