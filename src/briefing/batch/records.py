"""The records of a batch: its options, what became of each article, and the whole batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.report.record import Briefing
from briefing.vocab import FailOn, Format, Paper

DEFAULT_FORMATS = (Format.PDF, Format.HTML, Format.JSON)


@dataclass(frozen=True)
class BatchOptions:
    """Everything that decides what a batch writes, apart from the articles themselves."""

    formats: tuple[Format, ...] = DEFAULT_FORMATS
    facts: tuple[Path, ...] = ()
    published: dt.date | None = None
    language: str | None = None
    model: str | None = None
    report_language: str | None = None
    paper: Paper | str = Paper.A4
    template_dir: Path | None = None
    css: tuple[Path, ...] = ()
    fail_on: FailOn = FailOn.NEVER
    #: Options for reading articles (e.g. encoding, max_bytes), passed on to read_article.
    reading: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class ArticleResult:
    """What became of one article."""

    source: str  # the article's path as found (or the pattern that matched nothing)
    name: str = ""  # its output name; outputs are NAME.briefing.EXT
    outputs: Mapping[str, str] = field(default_factory=dict)  # format -> file name in the folder
    written: tuple[str, ...] = ()  # the formats written this time (the rest were up to date)
    digest: Briefing | None = None  # the briefing, short: article, summary, claims
    error: str | None = None  # one line, starting with the path

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def up_to_date(self) -> bool:
        return self.ok and not self.written


@dataclass(frozen=True)
class BatchReport:
    """The whole batch: every article's result in the order found, and the summaries."""

    out_dir: Path
    results: tuple[ArticleResult, ...]
    options: BatchOptions
    tripped: int  # claims at --fail-on's level or worse, over all briefed articles
    summaries: Mapping[str, Path]

    @property
    def failed(self) -> list[ArticleResult]:
        return [r for r in self.results if not r.ok]

    @property
    def briefed(self) -> list[ArticleResult]:
        return [r for r in self.results if r.ok]


Progress = Callable[[ArticleResult, int, int], None]
