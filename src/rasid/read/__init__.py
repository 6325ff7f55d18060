"""Article reader: files, folders and stdin to :class:`rasid.model.Article`.

Public API::

    read_inputs(inputs, published=None, *, stdin=None) -> Iterator[Article | ReadError]
    article_from_text(text, published=None, title=None, doc=None) -> Article
    find_published(text) -> tuple[date, Span] | None
    find_dateline(text) -> Span | None      # the place
    parse_dateline(text) -> Dateline | None # place, places, country, agency, whole span
"""

from __future__ import annotations

from rasid.read.base import ReadError
from rasid.read.inputs import EXTENSIONS, read_inputs, read_stream
from rasid.read.meta import Dateline, find_dateline, find_published, parse_date_value, parse_dateline
from rasid.read.text import article_from_text

__all__ = [
    "EXTENSIONS",
    "Dateline",
    "ReadError",
    "article_from_text",
    "find_dateline",
    "find_published",
    "parse_date_value",
    "parse_dateline",
    "read_inputs",
    "read_stream",
]
