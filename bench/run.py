"""How fast `briefing` is: cold commands, batches and a long article, against two anchors.

    python bench/run.py [--quick] [--runs N] [--out bench/results.json]

Every figure is a fresh process (`briefing` exactly as users run it), timed from the outside:
wall time, CPU time and peak resident memory, the last from the process's own rusage
(os.wait4; a batch's includes its worker processes). Each figure is the median over --runs runs
(batches over --batch-runs), after one untimed warm-up run of each command (not in --quick).

The anchors are bare processes on the same input, the least any tool built on the same
libraries could cost:

(a) import spaCy, build spacy.blank('ar') with a sentencizer, and run it on the article;
(b) import WeasyPrint and write the PDF of the HTML briefing that `briefing generate --format
    html` wrote, with the same packaged fonts (the same @font-face rules the PDF renderer adds)
    and one FontConfiguration; WeasyPrint's default options (so no PDF/UA tagging and no
    attachment, which `briefing` adds), base URL the HTML file's folder.

The batch is made from the seed and the samples (seeds/articles/*.md, tests/data/articles/*.md):
copies with their titles and numbers changed, so that no two are the same article. The long
article is seed-like Arabic paragraphs, from the Arabic samples with their numbers changed,
until it reaches --long-kb.

Nothing here asserts a timing: it prints the figures and their ratios to the targets of
issue #9, and writes them all to --out (JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "articles" / "wang-yi-moscow.ar.md"
SAMPLES = (ROOT / "seeds" / "articles", ROOT / "tests" / "data" / "articles")

# Issue #9's targets.
HELP_SECONDS = 0.3
JSON_OVER_ANCHOR = 1.25  # JSON cold at most 1.25 x anchor (a)
PDF_OVER_ANCHORS = 1.0  # PDF cold at most anchor (a) + anchor (b)
BATCH_JSON_PER_SECOND = 20.0
BATCH_PDF_PER_SECOND = 2.0
LONG_SECONDS = 3.0
PEAK_MB = 400.0

ANCHOR_SPACY = """
import sys
import spacy
nlp = spacy.blank("ar")
nlp.add_pipe("sentencizer")
with open(sys.argv[1], encoding="utf-8") as f:
    doc = nlp(f.read())
assert len(list(doc.sents)) > 0
"""

ANCHOR_WEASYPRINT = """
import sys
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
fonts = FontConfiguration()
with open(sys.argv[3], encoding="utf-8") as f:
    faces = CSS(string=f.read(), font_config=fonts)
HTML(filename=sys.argv[1]).write_pdf(sys.argv[2], stylesheets=[faces], font_config=fonts)
"""


# ---------------------------------------------------------------------------------------------
# Timing processes


@dataclass(frozen=True)
class Sample:
    """One run of a process: wall and CPU seconds, peak resident memory in MB."""

    wall: float
    cpu: float
    peak_mb: float


class BenchError(RuntimeError):
    """A benchmarked command failed."""


def run_once(cmd: Sequence[str], *, cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Run `cmd` to its end; return its wall time, CPU time and peak RSS (its own rusage)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        # wait4 rather than getrusage(RUSAGE_CHILDREN): the figure of this process alone (and
        # of the children it waited for, a batch's workers), not the maximum over every run.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()[-2000:]
            raise BenchError(f"{' '.join(cmd)} exited {proc.returncode}:\n{message}")
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / scale)


def measure(
    name: str,
    cmd: Sequence[str],
    *,
    cwd: Path,
    runs: int,
    warm_up: bool,
    before: Callable[[int], None] | None = None,
    items: int | None = None,
    note: str | None = None,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Return a figure: the medians of `runs` fresh runs of `cmd` (and items/s for a batch).

    `before(i)` prepares run i (e.g. an empty output folder); -1 is the warm-up run.
    """
    if warm_up:
        if before:
            before(-1)
        run_once(cmd, cwd=cwd, env=env)
    samples = []
    for i in range(runs):
        if before:
            before(i)
        samples.append(run_once(cmd, cwd=cwd, env=env))
    figure = _figure(samples, items=items, note=note)
    print(_line(name, figure), flush=True)
    return figure


def measure_rounds(
    commands: dict[str, tuple[Any, ...]], *, cwd: Path, runs: int, warm_up: bool
) -> dict[str, dict[str, Any]]:
    """Return a figure per command, running them all in turn, round after round.

    `commands` maps a figure's name to (label, cmd[, env[, note]]).
    """
    if warm_up:
        for _label, cmd, *rest in commands.values():
            run_once(cmd, cwd=cwd, env=rest[0] if rest else None)
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (_label, cmd, *rest) in commands.items():
            samples[name].append(run_once(cmd, cwd=cwd, env=rest[0] if rest else None))
    figures = {}
    for name, (label, _cmd, *rest) in commands.items():
        figures[name] = _figure(samples[name], note=rest[1] if len(rest) > 1 else None)
        print(_line(label, figures[name]), flush=True)
    return figures


def _figure(
    samples: Sequence[Sample], *, items: int | None = None, note: str | None = None
) -> dict[str, Any]:
    walls = [s.wall for s in samples]
    figure: dict[str, Any] = {
        "wall_s": round(statistics.median(walls), 4),
        "cpu_s": round(statistics.median(s.cpu for s in samples), 4),
        "peak_mb": round(max(s.peak_mb for s in samples), 1),
        "runs": len(samples),
        "walls_s": [round(w, 4) for w in walls],
    }
    if items is not None:
        figure["articles"] = items
        figure["articles_per_s"] = round(items / figure["wall_s"], 3)
    if note:
        figure["note"] = note
    return figure


def _line(name: str, figure: dict[str, Any]) -> str:
    text = (
        f"  {name:<24} {figure['wall_s']:8.3f} s wall {figure['cpu_s']:8.3f} s CPU "
        f"{figure['peak_mb']:7.1f} MB peak"
    )
    if "articles_per_s" in figure:
        text += f"  {figure['articles_per_s']:7.2f} articles/s ({figure['articles']})"
    return text


# ---------------------------------------------------------------------------------------------
# Inputs


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_NUMBER = re.compile(r"(?<![\w.,])(\d{2,})(?![\w.,])")
_YEAR = range(1900, 2100)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Return an article's front matter (flat key: value lines) and its body."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    return meta, text[match.end() :]


def join_front_matter(meta: dict[str, str], body: str) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in meta.items())
    return f"---\n{lines}---\n{body}"


def vary_numbers(text: str, variant: int) -> str:
    """Return `text` with its numbers of two digits or more changed, years and days kept.

    Years (1900-2099) and numbers up to 31 (days, hours) stay, so that the dates still parse.
    """

    def change(match: re.Match[str]) -> str:
        value = int(match.group(1))
        if value in _YEAR or value <= 31:
            return match.group(1)
        return str(value + 7 * variant)

    return _NUMBER.sub(change, text)


def make_batch(sources: Sequence[Path], folder: Path, count: int) -> list[Path]:
    """Write `count` articles varied from `sources` into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [(path, path.read_text(encoding="utf-8")) for path in sources]
    paths = []
    for i in range(count):
        source, text = texts[i % len(texts)]
        variant = i // len(texts) + 1
        meta, body = split_front_matter(text)
        title = meta.get("title") or body.strip().splitlines()[0][:80]
        meta["title"] = f"{title} ({variant})"
        name = source.name.split(".")[0]
        suffix = "".join(source.suffixes)
        path = folder / f"{i:03d}-{name}{suffix}"
        path.write_text(join_front_matter(meta, vary_numbers(body, variant)), encoding="utf-8")
        paths.append(path)
    return paths


def make_long_article(sources: Sequence[Path], path: Path, kilobytes: float) -> int:
    """Write an Arabic article of about `kilobytes` KB made of the sources' paragraphs, varied.

    Returns its size in bytes.
    """
    paragraphs = []
    for source in sources:
        _, body = split_front_matter(source.read_text(encoding="utf-8"))
        paragraphs += [p.strip() for p in body.splitlines() if len(p.strip()) > 40]
    if not paragraphs:
        raise BenchError("no Arabic paragraphs to make the long article from")
    header = join_front_matter(
        {"title": "مقال طويل لقياس السرعة", "published": "2023-09-18", "language": "ar"}, ""
    )
    parts, size, i = [header], len(header.encode("utf-8")), 0
    target = int(kilobytes * 1024)
    while size < target:
        paragraph = vary_numbers(paragraphs[i % len(paragraphs)], i // len(paragraphs) + 1)
        parts.append(paragraph + "\n")
        size += len(paragraph.encode("utf-8")) + 1
        i += 1
    text = "".join(parts)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def sample_articles(patterns: Sequence[str] | None) -> list[Path]:
    if patterns:
        found = sorted({Path(p).resolve() for pattern in patterns for p in glob.glob(pattern)})
    else:
        found = sorted(p for folder in SAMPLES for p in folder.glob("*.md"))
    if not found:
        raise BenchError("no sample articles found")
    return found


def font_faces() -> str:
    """Return the @font-face rules the PDF renderer adds for the packaged fonts."""
    from briefing.renderers.printer import font_face_css

    return font_face_css()[0]


# ---------------------------------------------------------------------------------------------
# The machine


def machine() -> dict[str, Any]:
    """Return what the figures were measured on."""
    info: dict[str, Any] = {
        "nproc": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu": platform.processor() or platform.machine(),
        "ram_gb": None,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
        if model:
            info["cpu"] = model.group(1).strip()
        meminfo = Path("/proc/meminfo").read_text()
        total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.M)
        if total:
            info["ram_gb"] = round(int(total.group(1)) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {}
    from importlib import metadata

    for dist in ("briefing", "spacy", "weasyprint"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    info["versions"] = versions
    return info


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------
# The benchmark


def briefing_command() -> list[str]:
    """Return how to run `briefing`: the console script next to this Python, else -m."""
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


def shown(path: Path) -> str:
    """Return a path as results show it: relative to the checkout when inside it."""
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def compile_bytecode() -> Path:
    """Compile briefing's modules to bytecode where they are imported from; return that folder.

    `pip install .` compiles them on install, so users never pay for it. An editable install
    (`pip install -e .`) writes the bytecode on its first run, unless PYTHONDONTWRITEBYTECODE
    is set: then every run would compile every module of briefing again (30 ms or so), which
    is not what users run. compileall leaves up-to-date bytecode alone.
    """
    code = "import briefing, os; print(os.path.dirname(briefing.__file__))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if found.returncode != 0:
        raise BenchError(f"{sys.executable} cannot import briefing: install it first")
    package = Path(found.stdout.strip())
    compiled = subprocess.run([sys.executable, "-m", "compileall", "-q", package])
    if compiled.returncode != 0:
        raise BenchError(f"compileall could not compile {package}")
    return package


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run every measurement; return the results (figures, ratios, targets, machine)."""
    briefing = briefing_command()
    package = compile_bytecode()
    python = sys.executable
    runs, batch_runs, warm = args.runs, args.batch_runs, not args.quick
    seed = Path(args.seed).resolve()
    sources = sample_articles(args.samples)
    if seed not in sources:
        sources.insert(0, seed)
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    figures: dict[str, dict[str, Any]] = {}
    started = dt.datetime.now(dt.timezone.utc)
    load_before = load_average()
    try:
        print(f"seed: {shown(seed)}")
        print(f"runs: {runs} (batches {batch_runs}); work folder {work}")
        print(f"briefing: {shown(package)} (bytecode compiled, as pip install does)", flush=True)

        def generate(fmt: str) -> list[str]:
            return [
                *briefing,
                "generate",
                str(seed),
                "--format",
                fmt,
                "--out",
                str(work / f"seed.{fmt}"),
            ]

        faces = work / "faces.css"
        faces.write_text(font_faces(), encoding="utf-8")
        no_cache = {**os.environ, "BRIEFING_CACHE_DIR": ""}
        # Interleaved, round after round, so that a machine busy for a while slows all alike.
        figures.update(
            measure_rounds(
                {
                    "help": ("briefing --help", [*briefing, "--help"]),
                    "generate_json": ("generate --format json", generate("json")),
                    "generate_json_nocache": (
                        "  the same, no cache",
                        generate("json"),
                        no_cache,
                        "BRIEFING_CACHE_DIR='': gazetteer and lexicons rebuilt",
                    ),
                    "generate_html": ("generate --format html", generate("html")),
                    "generate_pdf": ("generate --format pdf", generate("pdf")),
                    "anchor_spacy": (
                        "anchor (a) spaCy",
                        [python, "-c", ANCHOR_SPACY, str(seed)],
                        None,
                        "import spacy; spacy.blank('ar') + sentencizer; run on the seed's text",
                    ),
                    "anchor_weasyprint": (
                        "anchor (b) WeasyPrint",
                        [
                            python,
                            "-c",
                            ANCHOR_WEASYPRINT,
                            str(work / "seed.html"),
                            str(work / "anchor.pdf"),
                            str(faces),
                        ],
                        None,
                        "import weasyprint; HTML(filename=seed.html, the HTML briefing)"
                        ".write_pdf with the packaged fonts' @font-face rules and one"
                        " FontConfiguration; default options",
                    ),
                },
                cwd=work,
                runs=runs,
                warm_up=warm,
            )
        )

        # Batches.
        articles = make_batch(sources, work / "batch", args.batch_size)
        pdf_articles = articles[: args.pdf_batch_size]
        for fmt, chosen in (("json", articles), ("pdf", pdf_articles)):
            for jobs in (1, 2):
                out = work / f"out-{fmt}-{jobs}"

                def fresh(_: int, out: Path = out) -> None:
                    shutil.rmtree(out, ignore_errors=True)  # else the batch skips what is done

                inputs = [str(work / "batch")] if chosen is articles else [str(p) for p in chosen]
                cmd = [*briefing, "batch", *inputs, "--out-dir", str(out), "--formats", fmt]
                figures[f"batch_{fmt}_jobs{jobs}"] = measure(
                    f"batch {fmt} --jobs {jobs}",
                    [*cmd, "--jobs", str(jobs), "--quiet"],
                    cwd=work,
                    runs=batch_runs,
                    warm_up=False,
                    before=fresh,
                    items=len(chosen),
                    note=None
                    if chosen is articles
                    else f"the first {len(chosen)} of the {len(articles)} articles",
                )

        # The long article, and one a quarter of its size: a cost that grows faster than the
        # text shows as a ratio well over 4 (less, as startup is the same for both).
        arabic = [p for p in sources if ".ar." in p.name] or [seed]
        for name, size in (("long_quarter", args.long_kb / 4), ("long", args.long_kb)):
            path = work / f"{name}.ar.md"
            written = make_long_article(arabic, path, size)
            figures[name] = measure(
                f"long {written / 1024:.0f} KB json",
                [
                    *briefing,
                    "generate",
                    str(path),
                    "--format",
                    "json",
                    "--out",
                    str(work / f"{name}.json"),
                ],
                cwd=work,
                runs=runs,
                warm_up=warm,
                note=f"{written} bytes of Arabic text",
            )
            figures[name]["bytes"] = written
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    results = {
        "generated": started.isoformat(timespec="seconds"),
        "settings": {
            "quick": args.quick,
            "runs": runs,
            "batch_runs": batch_runs,
            "seed": shown(seed),
            "samples": len(sources),
            "batch_articles": args.batch_size,
            "pdf_batch_articles": min(args.pdf_batch_size, args.batch_size),
            "long_kb": args.long_kb,
            "package": shown(package),
            "load_average_before": load_before,
            "load_average_after": load_average(),
        },
        "machine": machine(),
        "figures": figures,
    }
    results["ratios"], results["targets"] = ratios_and_targets(figures)
    return results


def ratios_and_targets(
    figures: dict[str, dict[str, Any]],
) -> tuple[dict[str, float], dict[str, Any]]:
    """Return the ratios to the anchors and, for each target of issue #9, value and verdict."""
    wall = {name: figure["wall_s"] for name, figure in figures.items()}
    cpu = {name: figure["cpu_s"] for name, figure in figures.items()}
    a, b = wall["anchor_spacy"], wall["anchor_weasyprint"]
    ratios = {
        "json_over_anchor_a": round(wall["generate_json"] / a, 3),
        "json_no_cache_over_anchor_a": round(wall["generate_json_nocache"] / a, 3),
        "html_over_anchor_a": round(wall["generate_html"] / a, 3),
        "pdf_over_anchors_a_b": round(wall["generate_pdf"] / (a + b), 3),
        "json_over_anchor_a_cpu": round(cpu["generate_json"] / cpu["anchor_spacy"], 3),
        "pdf_over_anchors_a_b_cpu": round(
            cpu["generate_pdf"] / (cpu["anchor_spacy"] + cpu["anchor_weasyprint"]), 3
        ),
        "long_over_long_quarter": round(wall["long"] / wall["long_quarter"], 3),
    }
    peak = max(figures.values(), key=lambda f: f["peak_mb"])
    peak_name = next(name for name, f in figures.items() if f is peak)

    def target(value: float, figure: str, limit: float, at_least: bool = False) -> dict[str, Any]:
        met = value >= limit if at_least else value <= limit
        return {"value": value, "target": limit, "at_least": at_least, "met": met, "from": figure}

    def best_batch(fmt: str) -> tuple[float, str]:
        """The better of --jobs 1 and --jobs 2: what a user on 2 cores would choose."""
        name = max((f"batch_{fmt}_jobs{j}" for j in (1, 2)), key=lambda n: rate(n))
        return rate(name), name

    def rate(name: str) -> float:
        return float(figures[name]["articles_per_s"])

    targets = {
        "help_s": target(wall["help"], "help", HELP_SECONDS),
        "json_over_anchor_a": target(
            ratios["json_over_anchor_a"], "generate_json", JSON_OVER_ANCHOR
        ),
        "pdf_over_anchors_a_b": target(
            ratios["pdf_over_anchors_a_b"], "generate_pdf", PDF_OVER_ANCHORS
        ),
        "batch_json_per_s": target(*best_batch("json"), BATCH_JSON_PER_SECOND, at_least=True),
        "batch_pdf_per_s": target(*best_batch("pdf"), BATCH_PDF_PER_SECOND, at_least=True),
        "long_s": target(wall["long"], "long", LONG_SECONDS),
        "peak_mb": target(peak["peak_mb"], peak_name, PEAK_MB),
    }
    return ratios, targets


def report(results: dict[str, Any]) -> str:
    """Return the ratios and targets as lines to print."""
    lines = ["", "ratios (median wall times):"]
    for name, value in results["ratios"].items():
        lines.append(f"  {name:<30} {value:6.2f}")
    lines.append("targets (issue #9):")
    for name, t in results["targets"].items():
        sign = ">=" if t["at_least"] else "<="
        verdict = "ok" if t["met"] else "MISSED"
        lines.append(
            f"  {name:<30} {t['value']:8.3f} {sign} {t['target']:<6g} {verdict:<7} ({t['from']})"
        )
    m = results["machine"]
    lines.append(
        f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}; "
        f"load average {results['settings']['load_average_before']}"
    )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--quick", action="store_true", help="one run, a tiny batch, no warm-up (CI)"
    )
    parser.add_argument("--runs", type=int, help="runs per figure (default 5; 1 with --quick)")
    parser.add_argument(
        "--batch-runs", type=int, help="runs per batch figure (default 3; 1 with --quick)"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results.json", help="the JSON results"
    )
    parser.add_argument(
        "--seed", default=str(SEED), help="the article for the cold runs and anchors"
    )
    parser.add_argument("--samples", nargs="*", help="globs of the articles the batch is made from")
    parser.add_argument(
        "--batch-size", type=int, help="articles in the batch (default 200; 4 with --quick)"
    )
    parser.add_argument(
        "--pdf-batch-size", type=int, help="articles in the PDF batch (default 40; 2 with --quick)"
    )
    parser.add_argument(
        "--long-kb", type=float, default=100.0, help="size of the long article (KB)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    quick = args.quick
    args.runs = args.runs or (1 if quick else 5)
    args.batch_runs = args.batch_runs or (1 if quick else 3)
    args.batch_size = args.batch_size or (4 if quick else 200)
    args.pdf_batch_size = min(args.pdf_batch_size or (2 if quick else 40), args.batch_size)
    if (
        min(args.runs, args.batch_runs, args.batch_size, args.pdf_batch_size) < 1
        or args.long_kb <= 0
    ):
        parser.error("--runs, --batch-runs, the batch sizes and --long-kb must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        results = run(args)
    except BenchError as e:
        print(f"bench: {e}", file=sys.stderr)
        return 1
    print(report(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
