"""JSON, JSONL and gzipped records.

A record is an object with ``text`` (required) and optional ``id``, ``title``,
``published`` (or ``date``; ``extracted``/``crawled`` as a last resort, marked
``published_from="crawl"``), ``url`` and ``source``. A record without text is a
:class:`ReadError` with its line number; the other records go on.

JSONL is read line by line (a 200 MB file never sits in memory). A ``.json``
file is one object, a list of objects (read element by element with line
numbers), an object holding such a list under ``articles``/``data``/``items``/
``records``/``results``, or JSONL saved under a ``.json`` name.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from rasid.model import Article
from rasid.read.base import Item, ReadError
from rasid.read.meta import parse_date_value
from rasid.read.text import finish, title_span_in

__all__ = ["article_from_record", "iter_jsonl_bytes", "iter_jsonl_lines", "iter_json_text"]

_DATE_KEYS = ("published", "date", "published_at", "pubdate")
_CRAWL_KEYS = ("extracted", "crawled", "crawl_time", "fetched")
_LIST_KEYS = ("articles", "data", "items", "records", "results")


def _str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        return v.strip() or None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return str(v)
    return None


def article_from_record(
    rec: Any, source: str, line: int | None, option: dt.date | None = None, index: int | None = None
) -> Article | ReadError:
    """One record to an Article (or a ReadError saying what is missing).

    ``line`` is the record's 1-based line in the file; ``index`` its 1-based
    position in a JSON list. ``Article.path`` is ``file:line`` for JSONL and
    ``file#index`` for list elements, so that every record has its own name.
    """
    if index is not None:
        where = f" {index}" + (f" (line {line})" if line is not None else "")
        path = f"{source}#{index}"
    elif line is not None:
        where, path = f" at line {line}", f"{source}:{line}"
    else:
        where, path = "", source
    if not isinstance(rec, dict):
        kind = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false"}.get(
            type(rec), "null"
        )
        return ReadError(
            source, f"record{where} is {kind}, not an object with a \"text\" field: fix or remove it", line
        )
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        why = "has no \"text\" field" if "text" not in rec else "has an empty or non-string \"text\""
        return ReadError(source, f"record{where} {why}: add the article text or remove the record", line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = _str(rec.get("title"))
    art = Article(
        text=text,
        id=_str(rec.get("id")),
        title=title,
        url=_str(rec.get("url")),
        source=_str(rec.get("source")),
        path=path,
        title_span=title_span_in(text, title),
    )
    for k in _DATE_KEYS:
        d = parse_date_value(rec.get(k))
        if d is not None:
            art.published, art.published_from = d, "record"
            break
    crawl = next((d for k in _CRAWL_KEYS if (d := parse_date_value(rec.get(k))) is not None), None)
    return finish(art, option=option, crawl=crawl)


def _bad_json(source: str, line: int, e: json.JSONDecodeError, what: str = "line") -> ReadError:
    return ReadError(source, f"not valid JSON at {what} {line}: {e.msg} (column {e.colno}): fix or remove the line", line)


def iter_jsonl_lines(lines: Iterable[str], source: str, option: dt.date | None = None) -> Iterator[Item]:
    """Records from JSONL lines (already decoded; line numbers count from 1)."""
    for n, raw in enumerate(lines, 1):
        yield from _one(raw, n, source, option)


def iter_jsonl_bytes(stream: io.BufferedIOBase, source: str, option: dt.date | None = None) -> Iterator[Item]:
    """Records from a UTF-8 JSONL byte stream, one line at a time.

    A line that is not UTF-8 is a ReadError for that line only.
    """
    for n, raw in enumerate(stream, 1):
        try:
            s = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield ReadError(source, f"line {n} is not UTF-8 text: re-save the file as UTF-8", n)
            continue
        yield from _one(s, n, source, option)


def _one(s: str, n: int, source: str, option: dt.date | None) -> Iterator[Item]:
    s = s.strip().lstrip("\ufeff")
    if not s:
        return
    try:
        rec = json.loads(s)
    except json.JSONDecodeError as e:
        yield _bad_json(source, n, e)
        return
    yield article_from_record(rec, source, n, option)


def _ws(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def iter_json_text(text: str, source: str, option: dt.date | None = None) -> Iterator[Item]:
    """Records from a whole JSON document (object, list, wrapped list, or JSONL)."""
    dec = json.JSONDecoder()
    pos = _ws(text, 0)

    def line_of(p: int) -> int:
        return text.count("\n", 0, p) + 1

    if pos < len(text) and text[pos] == "[":
        yield from _iter_list(text, pos, source, option, line_of)
        return
    try:
        first, end = dec.raw_decode(text, pos)
    except json.JSONDecodeError as e:
        yield _bad_json(source, e.lineno, e)
        return
    if _ws(text, end) < len(text):  # more values follow: JSONL saved as .json
        yield from iter_jsonl_lines(text.split("\n"), source, option)
        return
    if isinstance(first, dict) and "text" not in first:
        for k in _LIST_KEYS:
            if isinstance(first.get(k), list):
                for i, rec in enumerate(first[k], 1):
                    yield article_from_record(rec, source, None, option, index=i)
                return
    yield article_from_record(first, source, None, option)


def _iter_list(text, pos, source, option, line_of) -> Iterator[Item]:
    dec = json.JSONDecoder()
    pos = _ws(text, pos + 1)
    if pos < len(text) and text[pos] == "]":
        yield ReadError(source, "the JSON list is empty: nothing to read", None)
        return
    index = 0
    while pos < len(text):
        line = line_of(pos)
        index += 1
        try:
            rec, pos = dec.raw_decode(text, pos)
        except json.JSONDecodeError as e:
            yield ReadError(
                source,
                f"not valid JSON at line {e.lineno}: {e.msg} (column {e.colno}); "
                "the records after it were not read: fix the file",
                e.lineno,
            )
            return
        yield article_from_record(rec, source, line, option, index=index)
        pos = _ws(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos = _ws(text, pos + 1)
        elif pos < len(text) and text[pos] == "]":
            return
        else:
            yield ReadError(
                source, f"not valid JSON at line {line_of(pos)}: expected ',' or ']': fix the file", line_of(pos)
            )
            return
    yield ReadError(source, "the JSON list is not closed (missing ']'): the file may be cut short", line_of(pos))
