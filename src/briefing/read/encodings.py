"""Bytes -> text: an article's encoding, forced, marked by a BOM, declared or detected.

Without `--encoding`, the order is: a byte-order mark; strict UTF-8 (what almost every file is,
and what no other encoding's text of any length passes by accident); the charset the server or
the page declares; the two single-byte encodings of Arabic, told apart here because
charset-normalizer confuses them on short texts; then charset-normalizer.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from briefing.errors import ArticleError, InvalidArgument

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Files people mistake for articles, by their first bytes.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (Word and other Office files are ZIP archives)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"OggS", "an audio or video file"),
    (b"wOFF", "a font"),
    (b"wOF2", "a font"),
)
_RIFF_KINDS = (b"WAVE", b"AVI ", b"WEBP")  # RIFF files: the kind follows the size
ARABIC_SINGLE_BYTE = ("cp1256", "iso8859-6")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
# What the wrong Arabic code page turns letters into: Latin-1 letters, ×, ÷, and tashkeel.
_MISREAD = re.compile(r"[\u00c0-\u00ff\u064b-\u0652]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    """Text as decoded, and the name of the codec that decoded it (utf-8, cp1256, …)."""

    text: str
    encoding: str


def check_encoding(name: str) -> str:
    """Return Python's name for the text encoding `name`, or raise InvalidArgument."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InvalidArgument(
            "encoding",
            f"{name!r} is not an encoding briefing knows; "
            "try utf-8, utf-16, windows-1256 or iso-8859-6",
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InvalidArgument("encoding", f"{name!r} is not a text encoding")
    return info.name


def declared_charset(raw: bytes) -> str | None:
    """Return the charset an HTML page declares in a <meta> near its top, if any."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii") if match else None


def decode(
    raw: bytes, label: str, *, encoding: str | None = None, declared: str | None = None
) -> Decoded:
    """Return `raw` decoded, or raise ArticleError naming `label` (and the line, when it can).

    `encoding` forces a codec; `declared` is a charset the server or the page claims, trusted
    after a BOM and strict UTF-8.
    """
    _refuse_binary(raw, label)
    if encoding is not None:
        decoded = _forced(raw, label, check_encoding(encoding))
    else:
        decoded = _detected(raw, label, declared)
    if "\x00" in decoded.text:
        raise ArticleError(f"{label}: looks like a binary file, not text (it holds NUL bytes)")
    return decoded


def _refuse_binary(raw: bytes, label: str) -> None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise ArticleError(f"{label}: looks like {kind}, not an article's text")
    if raw[4:8] == b"ftyp" or (raw.startswith(b"RIFF") and raw[8:12] in _RIFF_KINDS):
        raise ArticleError(
            f"{label}: looks like a video, audio or image file, not an article's text"
        )


def _forced(raw: bytes, label: str, name: str) -> Decoded:
    if name == "utf-8":
        name = "utf-8-sig"  # a BOM is not part of the text
    try:
        text = raw.decode(name)
    except UnicodeDecodeError as error:
        line = _line_of(raw, error.start, name)
        raise ArticleError(
            f"{label}:{line}: not valid {_display(name)} text (byte 0x{raw[error.start]:02X}); "
            "check --encoding"
        ) from None
    return Decoded(text.removeprefix("\ufeff"), codecs.lookup(name).name)


def _detected(raw: bytes, label: str, declared: str | None) -> Decoded:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(name).removeprefix("\ufeff"), name.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                line = _line_of(raw, error.start, name)
                raise ArticleError(
                    f"{label}:{line}: starts with a {_display(name)} byte-order mark but is not "
                    f"valid {_display(name)} text"
                ) from None
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if declared:
        decoded = _try(raw, declared)
        if decoded is not None:
            return decoded
    decoded = _arabic_single_byte(raw)
    if decoded is not None:
        return decoded
    decoded = _charset_normalizer(raw)
    if decoded is not None:
        return decoded
    line = raw[:first_bad].count(b"\n") + 1
    raise ArticleError(
        f"{label}:{line}: not UTF-8 text (byte 0x{raw[first_bad]:02X}), and its encoding cannot "
        "be told; give it with --encoding, such as --encoding windows-1256"
    )


def _try(raw: bytes, name: str) -> Decoded | None:
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    try:
        return Decoded(raw.decode(info.name).removeprefix("\ufeff"), info.name)
    except UnicodeDecodeError:
        return None


def _arabic_single_byte(raw: bytes) -> Decoded | None:
    """Return the text in Windows-1256 or ISO-8859-6, whichever reads as Arabic, else None.

    Each decodes some of the other's bytes as other letters; the wrong one shows Latin-1
    letters, tashkeel where no vowel sign belongs, and few of the article ال. A tie goes to
    Windows-1256, the more common of the two.
    """
    best: tuple[int, Decoded] | None = None
    for name in ARABIC_SINGLE_BYTE:
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        letters = len(_LETTER.findall(text))
        arabic = len(_ARABIC_LETTER.findall(text))
        if arabic == 0 or arabic < 0.9 * letters:
            continue
        score = arabic - 4 * len(_MISREAD.findall(text)) + 4 * text.count("ال")
        if best is None or score > best[0]:
            best = (score, Decoded(text, name))
    return best[1] if best else None


def _charset_normalizer(raw: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    match = from_bytes(raw).best()
    if match is None:
        return None
    return _try(raw, match.encoding)


def _line_of(raw: bytes, offset: int, codec: str) -> int:
    """Return the line of the byte at `offset`, counting newlines as `codec` decodes them."""
    return raw[:offset].decode(codec, errors="replace").count("\n") + 1


def _display(name: str) -> str:
    names = {"cp1256": "windows-1256", "iso8859-6": "iso-8859-6", "utf-8-sig": "utf-8"}
    canonical = codecs.lookup(name).name
    return names.get(canonical, names.get(name, canonical))
