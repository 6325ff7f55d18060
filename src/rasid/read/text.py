"""Plain-text articles, and the finishing step every reader shares.

A plain-text article keeps its headline inside ``text``: the headline is the
first non-empty line, ``title`` is that line and ``title_span`` its offsets.
:func:`finish` fills the publication date and the dateline from the text.
"""

from __future__ import annotations

import datetime as dt

from rasid.model import Article
from rasid.read.meta import find_dateline, find_published

__all__ = ["article_from_text", "finish", "headline_span"]

_MAX_HEADLINE = 300  # a longer first line is a paragraph, not a headline


def headline_span(text: str) -> tuple[int, int] | None:
    """Offsets of the first non-empty line when it reads as a headline.

    It must be at most 300 characters and be followed by more text; a one-line
    text has no headline (the line is the body).
    """
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            if e - s > _MAX_HEADLINE or not text[end:].strip():
                return None
            return s, e
        pos = end + 1
    return None


def title_span_in(text: str, title: str | None) -> tuple[int, int] | None:
    """Offsets of ``title`` when the text starts with it (after leading space)."""
    if not title or not title.strip():
        return None
    t = title.strip()
    s = len(text) - len(text.lstrip())
    if text.startswith(t, s):
        return s, s + len(t)
    return None


def finish(
    art: Article, option: dt.date | None = None, crawl: dt.date | None = None
) -> Article:
    """Fill ``published`` and ``dateline`` in place; return the article.

    Publication date precedence: the record's own date (already set, from
    "record") > the ``option`` given by the caller ("option") > a date printed at
    the top of the text ("text") > the crawl time of the record ("crawl").
    """
    if art.published is None and option is not None:
        art.published, art.published_from = option, "option"
    if art.published is None:
        found = find_published(art.text)
        if found is not None:
            art.published, art.published_from = found[0], "text"
    if art.published is None and crawl is not None:
        art.published, art.published_from = crawl, "crawl"
    if art.dateline is None:
        art.dateline = find_dateline(art.text, art.title_span[1] if art.title_span else 0)
    return art


def article_from_text(
    text: str,
    published: dt.date | None = None,
    title: str | None = None,
    doc: str | None = None,
    *,
    path: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """An :class:`Article` from a plain string (library API).

    Without ``title`` the first non-empty line is the headline; with ``title``
    ``title_span`` is set only when the text starts with it. ``published`` is
    the caller's date (``published_from="option"``); without it the date printed
    at the top of the text is used. ``doc`` becomes ``Article.id``.
    """
    span = title_span_in(text, title) if title else headline_span(text)
    if title is None and span is not None:
        title = text[span[0]:span[1]]
    art = Article(text=text, id=doc, title=title, url=url, source=source, path=path, title_span=span)
    return finish(art, option=published)
