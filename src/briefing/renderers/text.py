"""Escaped, direction-safe HTML fragments built in Python: bidi isolation and the annotated body.

Everything that comes from the article is untrusted. These helpers escape first and only then
add markup, returning `Markup` so that the templates' autoescaping leaves the result alone.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefing.report.record import ClaimEntry

_LTR_LETTER = "A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff"
_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"

# A run of Latin letters and digits, with the punctuation that holds such runs together
# ("Vladimir Putin", "2023-03-17", "UNSW Sydney", "https://x.org/a?b=c"). Punctuation at
# either end stays outside, so a sentence's full stop or an Arabic comma keeps its place.
_LTR_RUN = re.compile(rf"[{_LTR_LETTER}](?:[ .,:;/\\_'’+&?=#~@\-–]*[{_LTR_LETTER}])*%?")
# A run of Hebrew or Arabic script inside left-to-right text.
_RTL_RUN = re.compile(rf"[{_RTL_LETTER}](?:[^{_LTR_LETTER}{_RTL_LETTER}]*[{_RTL_LETTER}])*")


def first_strong(text: str) -> str | None:
    """Return 'ltr' or 'rtl' for the first strongly directional character, else None."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def bidi(value: object, direction: str = "ltr") -> Markup:
    """Return `value` escaped, with every run of the other script isolated in <bdi dir=…>.

    In right-to-left text, Latin names, numbers and ISO dates are isolated so that the
    bidirectional algorithm cannot reorder them ("2023-03-17" would show as "17-03-2023");
    a value wholly in Latin script is isolated as one piece. In left-to-right text, Arabic or
    Hebrew values and runs are isolated the same way.
    """
    if value is None:
        return Markup("")
    # Markup (a translated label from `_()`) is text too: unescape it so it is escaped once.
    text = value.unescape() if isinstance(value, Markup) else str(value)
    if not text:
        return Markup("")
    if direction == "rtl":
        if not has_rtl(text) and first_strong(text) == "ltr":
            return Markup('<bdi dir="ltr">{}</bdi>').format(text)
        return _isolate_runs(text, _LTR_RUN, "ltr")
    if first_strong(text) == "rtl":
        return Markup('<bdi dir="rtl">{}</bdi>').format(text)
    return _isolate_runs(text, _RTL_RUN, "rtl")


def _isolate_runs(text: str, pattern: re.Pattern[str], direction: str) -> Markup:
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        out.append(str(escape(text[position : match.start()])))
        out.append(f'<bdi dir="{direction}">{escape(match.group())}</bdi>')
        position = match.end()
    out.append(str(escape(text[position:])))
    return Markup("".join(out))


def truncate(text: str, limit: int) -> str:
    """Return `text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.،;:؛-") + "…"


@dataclass(frozen=True)
class Span:
    """A claim's place in the body: [start, end) and what its highlight shows."""

    claim_id: str
    start: int
    end: int
    verdict: str

    @property
    def length(self) -> int:
        return self.end - self.start


def claim_spans(body: str, claims: Iterable[ClaimEntry]) -> list[Span]:
    """Return the claims whose offsets fall inside the body, in reading order."""
    spans = []
    for claim in claims:
        start, end = claim.start, claim.end
        if start is None or end is None or not claim.id:
            continue
        if 0 <= start < end <= len(body):
            spans.append(Span(claim.id, start, end, claim.verdict.value))
    return sorted(spans, key=lambda span: (span.start, -span.end))


def annotate(body: str, spans: Sequence[Span], *, direction: str) -> Markup:
    """Return the body as escaped HTML paragraphs with each claim span in a linked <mark>.

    Overlapping and nested claims are flattened: the body is cut at every span boundary, and
    each piece is marked once, linked to the innermost claim covering it, with every covering
    claim listed in `data-claims` and the nesting depth as a class. Each claim gets an anchor
    `a-<id>` where it starts and a small tag linking back to its entry where it ends.
    """
    cuts = {0, len(body)}
    for span in spans:
        cuts.update((span.start, span.end))
    for index, char in enumerate(body):
        if char == "\n":
            cuts.update((index, index + 1))
    points = sorted(cuts)

    paragraphs: list[str] = []
    current: list[str] = []
    for start, end in itertools.pairwise(points):
        piece = body[start:end]
        if piece == "\n":
            if current:
                paragraphs.append("".join(current))
            current = []
            continue
        current.extend(_piece(piece, start, end, spans, direction))
    if current:
        paragraphs.append("".join(current))
    return Markup("\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs if paragraph))


def _piece(text: str, start: int, end: int, spans: Sequence[Span], direction: str) -> list[str]:
    out = [
        f'<span class="claim-anchor" id="a-{escape(s.claim_id)}"></span>'
        for s in spans
        if s.start == start
    ]
    html = str(bidi(text, direction))
    covering = [s for s in spans if s.start <= start and end <= s.end]
    if covering:
        inner = min(covering, key=lambda s: (s.length, -s.start))
        ids = " ".join(s.claim_id for s in covering)
        depth = min(len(covering), 3)
        out.append(
            f'<a class="claim-mark" href="#{escape(inner.claim_id)}">'
            f'<mark class="v-{escape(inner.verdict)} depth-{depth}" '
            f'data-claims="{escape(ids)}">{html}</mark></a>'
        )
    else:
        out.append(html)
    for span in sorted((s for s in spans if s.end == end), key=lambda s: s.length):
        out.append(
            f'<sup class="claim-tag v-{escape(span.verdict)}"><a href="#{escape(span.claim_id)}">'
            f'<bdi dir="ltr">{escape(span.claim_id)}</bdi></a></sup>'
        )
    return out
