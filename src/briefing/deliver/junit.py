"""Briefings -> JUnit XML, for CI test reporters: one testsuite per article, one testcase per claim.

A contradicted claim is a <failure> (its message is why and what the fact table says), an
unverified claim is <skipped> (nothing in the fact table speaks to it) and a supported claim
passes. An article that could not be briefed at all (in a batch) is a testsuite with one
testcase in <error>. Nothing depends on the clock: the same briefings give the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.deliver.verdicts import claims_of, verdict_of

NAME_TEXT = 60  # characters of the claim's text in a testcase name
# Characters XML 1.0 cannot carry at all, even escaped: they are dropped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
UNVERIFIED = "no fact in the fact table confirms or contradicts this claim"


@dataclass(frozen=True)
class Suite:
    """One article: its briefing, or the reason it could not be briefed."""

    name: str
    briefing: Mapping[str, Any] | None = None
    error: str | None = None


def junit_xml(suites: Sequence[Suite], *, name: str = "briefing") -> str:
    """Return a JUnit XML document with one testsuite per article."""
    root = ET.Element("testsuites", {"name": _clean(name)})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        element = _suite(suite)
        for key in totals:
            totals[key] += int(element.get(key, "0"))
        root.append(element)
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def junit_for_briefing(briefing: Mapping[str, Any], *, name: str | None = None) -> str:
    """Return the JUnit XML of one briefing (`name` defaults to the article's source)."""
    return junit_xml([Suite(name or article_name(briefing), briefing)])


def article_name(briefing: Mapping[str, Any]) -> str:
    """Return what names an article in reports: its source path, else its title."""
    article = briefing.get("article")
    article = article if isinstance(article, Mapping) else {}
    return str(article.get("source") or article.get("title") or "article")


def _suite(suite: Suite) -> ET.Element:
    name = _clean(suite.name)
    element = ET.Element("testsuite", {"name": name})
    if suite.briefing is None:
        case = ET.SubElement(
            element, "testcase", {"name": "brief the article", "classname": name, "time": "0"}
        )
        error = ET.SubElement(case, "error", {"message": _clean(suite.error or "failed")})
        error.set("type", "ArticleError")
        _counts(element, tests=1, errors=1)
        return element
    briefing = suite.briefing
    _properties(element, briefing)
    source = _article(briefing).get("source")
    failures = skipped = 0
    claims = claims_of(briefing)
    for claim in claims:
        attributes = {"name": _case_name(claim), "classname": name, "time": "0"}
        if isinstance(source, str) and source and source != "<stdin>":
            attributes["file"] = _clean(source)
        case = ET.SubElement(element, "testcase", attributes)
        verdict = verdict_of(claim)
        if verdict == "contradicted":
            failures += 1
            message, details = _failure(claim)
            failure = ET.SubElement(case, "failure", {"message": message, "type": "contradicted"})
            failure.text = details
        elif verdict == "unverified":
            skipped += 1
            ET.SubElement(case, "skipped", {"message": UNVERIFIED})
    _counts(element, tests=len(claims), failures=failures, skipped=skipped)
    return element


def _counts(
    element: ET.Element, *, tests: int, failures: int = 0, errors: int = 0, skipped: int = 0
) -> None:
    for key, value in (
        ("tests", tests),
        ("failures", failures),
        ("errors", errors),
        ("skipped", skipped),
        ("time", 0),
    ):
        element.set(key, str(value))


def _properties(element: ET.Element, briefing: Mapping[str, Any]) -> None:
    article = _article(briefing)
    properties = ET.SubElement(element, "properties")
    for key in ("title", "language", "published", "outlet", "url", "sha256"):
        value = article.get(key)
        if value not in (None, ""):
            ET.SubElement(properties, "property", {"name": key, "value": _clean(str(value))})


def _case_name(claim: Mapping[str, Any]) -> str:
    text = " ".join(str(claim.get("text") or "").split())
    if len(text) > NAME_TEXT:
        text = text[: NAME_TEXT - 1].rstrip() + "…"
    claim_id = str(claim.get("id") or "claim")
    return _clean(f"{claim_id}: {text}" if text else claim_id)


def _failure(claim: Mapping[str, Any]) -> tuple[str, str]:
    """Return the failure's message (one line) and its text (the claim and every reason)."""
    evidence = [e for e in _items(claim.get("evidence")) if e.get("relation") == "contradicts"]
    lines = [f"claim {claim.get('id') or ''}: {' '.join(str(claim.get('text') or '').split())}"]
    speaker = claim.get("speaker")
    if isinstance(speaker, Mapping) and speaker.get("text"):
        lines.append(f"speaker: {speaker['text']}")
    message = "contradicted by the fact table"
    for number, item in enumerate(evidence):
        reason = str(item.get("reason") or "").strip()
        fact_value = item.get("fact_value")
        summary = reason or "contradicted"
        if fact_value not in (None, ""):
            summary += f"; fact table: {fact_value}"
        if number == 0:
            message = summary
        where = f"fact {item.get('fact_id') or '?'}"
        if item.get("attribute"):
            where += f" ({item['attribute']})"
        lines.append(f"{where}: {reason or 'contradicted'}")
        if item.get("claim_value") not in (None, ""):
            lines.append(f"  the claim says: {item['claim_value']}")
        if fact_value not in (None, ""):
            lines.append(f"  the fact table says: {fact_value}")
    return _clean(" ".join(message.split())), _clean("\n".join(lines))


def _article(briefing: Mapping[str, Any]) -> Mapping[str, Any]:
    article = briefing.get("article")
    return article if isinstance(article, Mapping) else {}


def _items(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, (list, tuple)):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _clean(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot hold (escaping is ElementTree's)."""
    return _NOT_XML.sub("", text)
