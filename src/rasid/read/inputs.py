"""Input dispatch: files, folders and stdin to Articles (or ReadErrors).

``read_inputs`` never raises on bad input. Folders are walked recursively in a
deterministic order (sorted by path components), skipping hidden files and
folders and files whose extension is not one we read. A file with an unknown
extension, and stdin, are sniffed: gzip, JSON/JSONL, HTML, else plain text.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rasid.read.base import STDIN, Item, ReadError
from rasid.read.decode import DecodeError, decode_bytes, sniff_encoding
from rasid.read.html import article_from_html
from rasid.read.records import iter_json_text, iter_jsonl_bytes, iter_jsonl_lines
from rasid.read.text import article_from_text

__all__ = ["read_inputs", "read_stream", "EXTENSIONS", "kind_of"]

# extension -> kind; longest suffixes first
EXTENSIONS: dict[str, str] = {
    ".jsonl.gz": "jsonl",
    ".json.gz": "json",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
_HEAD = 65536
_GZIP_MAGIC = b"\x1f\x8b"


def kind_of(name: str) -> str | None:
    """The reader kind for a file name, or None when the extension is not ours."""
    low = name.lower()
    for ext, kind in EXTENSIONS.items():
        if low.endswith(ext):
            return kind
    return None


class _Prefixed(io.RawIOBase):
    """A raw stream that replays ``head`` and then continues with ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        n = len(data)
        b[:n] = data
        return n


def _sniff(head_text: str) -> str:
    """txt | html | json | jsonl from the first decoded characters."""
    s = head_text.lstrip("\ufeff \t\r\n")
    if s.startswith("["):
        return "json"
    if s.startswith("{"):
        first = s.split("\n", 1)[0].strip()
        try:
            json.loads(first)
            return "jsonl"
        except json.JSONDecodeError:
            return "json"
    low = s[:2000].lower()
    if low.startswith("<") and re.search(r"<(?:!doctype html|html|head|body|article|p|div)\b", low):
        return "html"
    return "txt"


def read_stream(
    fh: BinaryIO, source: str, kind: str | None = None, option: dt.date | None = None
) -> Iterator[Item]:
    """Articles from one binary stream; ``kind`` None means sniff the content."""
    try:
        head = fh.read(_HEAD)
    except (OSError, EOFError, zlib.error) as e:
        yield ReadError(source, f"could not read it ({e}): check that the file is complete and not corrupted")
        return
    if head.startswith(_GZIP_MAGIC) and kind is None:
        yield from read_stream(gzip.GzipFile(fileobj=io.BufferedReader(_Prefixed(head, fh))), source, None, option)
        return
    if not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        yield ReadError(source, "empty: the input has no text; remove it or check the export")
        return
    try:
        enc = sniff_encoding(head, html=kind in (None, "html"))
    except DecodeError as e:
        yield ReadError(source, str(e))
        return
    if kind is None:
        kind = _sniff(head.decode(enc, errors="ignore"))
    stream = io.BufferedReader(_Prefixed(head, fh), buffer_size=_HEAD)
    try:
        if kind == "jsonl":
            if enc in ("utf-8", "utf-8-sig"):
                yield from iter_jsonl_bytes(stream, source, option)
            else:
                yield from iter_jsonl_lines(io.TextIOWrapper(stream, encoding=enc, errors="replace"), source, option)
            return
        data = stream.read()
    except (OSError, EOFError, zlib.error) as e:
        yield ReadError(source, f"could not read it to the end ({e}): the file may be cut short or corrupted")
        return
    try:
        text, _enc = decode_bytes(data, html=kind == "html")
    except DecodeError as e:
        yield ReadError(source, str(e))
        return
    if not text.strip():
        yield ReadError(source, "empty: the input has no text; remove it or check the export")
        return
    if kind == "json":
        yield from iter_json_text(text, source, option)
    elif kind == "html":
        art = article_from_html(text, path=source, option=option)
        yield art if not isinstance(art, str) else ReadError(source, art)
    else:
        yield article_from_text(text, published=option, path=source)


def _read_file(path: Path, source: str, option: dt.date | None) -> Iterator[Item]:
    kind = kind_of(path.name)
    gz = path.name.lower().endswith(".gz")
    try:
        fh: BinaryIO = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115
    except OSError as e:
        yield ReadError(source, f"cannot open it ({e.strerror or e}): check the path and permissions")
        return
    try:
        yield from read_stream(fh, source, kind, option)
    except gzip.BadGzipFile as e:
        yield ReadError(source, f"not a valid gzip file ({e}): decompress it or fix the extension")
    finally:
        fh.close()


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            if not f.startswith(".") and kind_of(f) is not None:
                found.append(Path(dirpath) / f)
    found.sort(key=lambda p: p.relative_to(root).parts)
    return found


def read_inputs(
    inputs: Iterable[str], published: dt.date | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Articles from files, folders and ``-`` (stdin), in order; ReadError for bad ones.

    ``published`` is the caller's publication date, used for inputs that carry no
    date of their own (a record's date wins; it wins over a date printed in the text).
    ``stdin`` replaces ``sys.stdin.buffer`` (for tests and embedding).
    """
    for inp in inputs:
        if inp == "-":
            fh = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(fh, STDIN, None, published)
            continue
        p = Path(inp)
        if p.is_dir():
            files = _walk(p)
            if not files:
                yield ReadError(
                    inp,
                    "no files to read in this folder (looked for "
                    + " ".join(EXTENSIONS)
                    + ", hidden files skipped)",
                )
            for f in files:
                yield from _read_file(f, str(f), published)
        elif p.is_file():
            yield from _read_file(p, inp, published)
        elif p.exists():
            yield ReadError(inp, "not a regular file or folder: give a file, a folder or - for stdin")
        else:
            yield ReadError(inp, "no such file or folder: check the path")
