"""Bytes to text: encoding detection for Arabic news files.

Order: BOM (UTF-8/16/32) -> BOM-less UTF-16 (NUL pattern) -> binary check ->
strict UTF-8 -> a charset declared in an HTML page -> the legacy Arabic code
pages (windows-1256, ISO-8859-6) and charset-normalizer's guess, scored by how
plausible the decoded text is as Arabic. windows-1256 and ISO-8859-6 share the
first Arabic letters and diverge after ``ط``, so the wrong one yields Latin
accented letters or harakat soup, which the score punishes.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "decode_bytes", "sniff_encoding", "looks_binary"]


class DecodeError(ValueError):
    """The bytes are not text we can read; ``str(e)`` is the user-facing reason."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP/Office file"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office file"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without BOM has NULs in every other byte for ASCII (and 0x06 for Arabic)."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    half = n // 2
    # Arabic block U+06xx: high byte 0x06; ASCII: high byte 0x00
    odd_hi = sum(1 for b in odd if b in (0, 6)) / half
    even_hi = sum(1 for b in even if b in (0, 6)) / half
    if odd_hi > 0.9 and even_hi < 0.5:
        return "utf-16-le"
    if even_hi > 0.9 and odd_hi < 0.5:
        return "utf-16-be"
    return None


def looks_binary(head: bytes) -> str | None:
    """Return what the bytes look like ("a PDF file", "binary data") or None for text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(b) for b, _ in _BOMS) or _utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "binary data"
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and ctrl / len(head) > 0.05:
        return "binary data"
    return None


_ARABIC = re.compile(r"[\u0621-\u064a]")
_LATIN_ACCENT = re.compile(r"[\u00c0-\u00ff]")
_HARAKAT_RUN = re.compile(r"(?:^|[^\u0621-\u064a])[\u064b-\u0652]|[\u064b-\u0652]{2,}")
_JUNK = re.compile(r"[\u0080-\u009f\ufffd]")


def _plausibility(s: str) -> float:
    """Higher is more like Arabic text: Arabic letters, minus mojibake signs."""
    return (
        len(_ARABIC.findall(s))
        - 4 * len(_LATIN_ACCENT.findall(s))
        - 4 * len(_HARAKAT_RUN.findall(s))
        - 8 * len(_JUNK.findall(s))
    )


def _mostly_utf8(head: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences abound and broken bytes are rare."""
    text = head.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F) - bad
    return good >= 20 and bad * 10 <= good


def sniff_encoding(head: bytes, html: bool = False) -> str:
    """Best encoding name for a file that starts with ``head`` (up to ~64 KiB).

    Raises :class:`DecodeError` for binary data. ``head`` may end in the middle of
    a multi-byte character; that is tolerated.
    """
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc
    u16 = _utf16_without_bom(head)
    if u16:
        return u16
    what = looks_binary(head)
    if what:
        raise DecodeError(f"looks binary ({what}), not text: remove it from the input or convert it to text")
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if e.start >= len(head) - 3 and e.reason in ("unexpected end of data",):
            return "utf-8"  # cut inside the last character
        if _mostly_utf8(head):
            return "utf-8"  # a UTF-8 file with a few broken bytes: keep UTF-8, mark those bytes
    if html:
        m = _META_CHARSET.search(head[:4096])
        if m:
            enc = m.group(1).decode("ascii").lower()
            try:
                codecs.lookup(enc)
                head.decode(enc)
                return enc
            except (LookupError, UnicodeDecodeError):
                pass
    candidates = ["cp1256", "iso8859_6"]
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(head[:16384]).best()
        if best is not None and best.encoding not in candidates:
            candidates.append(best.encoding)
    except Exception:  # pragma: no cover - detector trouble must not stop reading
        pass
    scored: list[tuple[float, int, str]] = []
    for i, enc in enumerate(candidates):
        try:
            s = head.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_plausibility(s), -i, enc))
    if not scored:
        raise DecodeError(
            "could not tell the text encoding (not UTF-8, UTF-16, windows-1256 or ISO-8859-6): "
            "re-save the file as UTF-8"
        )
    scored.sort(reverse=True)
    return scored[0][2]


def decode_bytes(data: bytes, html: bool = False) -> tuple[str, str]:
    """Decode a whole file; return (text, encoding). Newlines become ``\\n``.

    Raises :class:`DecodeError` with a user-facing reason (binary, undecodable).
    Empty input returns ("", "utf-8"); callers decide what empty means.
    """
    if not data:
        return "", "utf-8"
    enc = sniff_encoding(data[:65536], html=html)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        # a mostly-good file with a few broken bytes: keep it, mark the bad bytes
        text = data.decode(enc, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc
