"""Briefings -> JUnit XML, for CI test reporters: one testsuite per article, one testcase per claim.

A contradicted claim is a <failure> (its message is why and what the fact table says), an
unverified claim is <skipped> (nothing in the fact table speaks to it) and a supported claim
passes. An article that could not be briefed at all (in a batch) is a testsuite with one
testcase in <error>. Nothing depends on the clock: the same briefings give the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.report.record import Briefing, ClaimEntry
from briefing.vocab import Verdict

NAME_TEXT = 60  # characters of the claim's text in a testcase name
# Characters XML 1.0 cannot carry at all, even escaped: they are dropped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
UNVERIFIED = "no fact in the fact table confirms or contradicts this claim"


@dataclass(frozen=True)
class Suite:
    """One article: its briefing, or the reason it could not be briefed."""

    name: str
    briefing: Briefing | None = None
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


def junit_for_briefing(briefing: Briefing, *, name: str | None = None) -> str:
    """Return the JUnit XML of one briefing (`name` defaults to the article's source)."""
    return junit_xml([Suite(name or article_name(briefing), briefing)])


def article_name(briefing: Briefing) -> str:
    """Return what names an article in reports: its source path, else its title."""
    return briefing.article.source or briefing.article.title or "article"


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
    source = briefing.article.source
    failures = skipped = 0
    claims = briefing.claims
    for claim in claims:
        attributes = {"name": _case_name(claim), "classname": name, "time": "0"}
        if source and source != "<stdin>":
            attributes["file"] = _clean(source)
        case = ET.SubElement(element, "testcase", attributes)
        verdict = claim.verdict
        if verdict is Verdict.CONTRADICTED:
            failures += 1
            message, details = _failure(claim)
            failure = ET.SubElement(case, "failure", {"message": message, "type": "contradicted"})
            failure.text = details
        elif verdict is Verdict.UNVERIFIED:
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


def _properties(element: ET.Element, briefing: Briefing) -> None:
    article = briefing.article
    properties = ET.SubElement(element, "properties")
    for key in ("title", "language", "published", "outlet", "url", "sha256"):
        value = getattr(article, key)
        if value not in (None, ""):
            ET.SubElement(properties, "property", {"name": key, "value": _clean(str(value))})


def _case_name(claim: ClaimEntry) -> str:
    text = " ".join(claim.text.split())
    if len(text) > NAME_TEXT:
        text = text[: NAME_TEXT - 1].rstrip() + "…"
    claim_id = claim.id or "claim"
    return _clean(f"{claim_id}: {text}" if text else claim_id)


def _failure(claim: ClaimEntry) -> tuple[str, str]:
    """Return the failure's message (one line) and its text (the claim and every reason)."""
    evidence = [e for e in claim.evidence if e.relation == "contradicts"]
    lines = [f"claim {claim.id}: {' '.join(claim.text.split())}"]
    if claim.speaker is not None and claim.speaker.text:
        lines.append(f"speaker: {claim.speaker.text}")
    message = "contradicted by the fact table"
    for number, item in enumerate(evidence):
        reason = item.reason.strip()
        fact_value = item.fact_value
        summary = reason or "contradicted"
        if fact_value not in (None, ""):
            summary += f"; fact table: {fact_value}"
        if number == 0:
            message = summary
        where = f"fact {item.fact_id or '?'}"
        if item.attribute:
            where += f" ({item.attribute})"
        lines.append(f"{where}: {reason or 'contradicted'}")
        if item.claim_value not in (None, ""):
            lines.append(f"  the claim says: {item.claim_value}")
        if fact_value not in (None, ""):
            lines.append(f"  the fact table says: {fact_value}")
    return _clean(" ".join(message.split())), _clean("\n".join(lines))


def _clean(text: str) -> str:
    """Return `text` without the characters XML 1.0 cannot hold (escaping is ElementTree's)."""
    return _NOT_XML.sub("", text)
