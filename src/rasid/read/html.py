"""HTML pages: main text and metadata through trafilatura.

Boilerplate (menus, scripts, styles, footers, tracking snippets) is left to
trafilatura's extractor; paragraphs come back one per line and are joined with
a blank line so that the text layer sees them as paragraphs.
"""

from __future__ import annotations

import datetime as dt
import logging

from rasid.model import Article
from rasid.read.meta import parse_date_value
from rasid.read.text import finish, title_span_in

__all__ = ["article_from_html"]

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def article_from_html(
    html: str, path: str | None = None, option: dt.date | None = None
) -> Article | str:
    """An Article from an HTML page, or a user-facing reason why there is none."""
    import trafilatura  # heavy import, only when a page is read

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            # only dates the page states in its markup/URL; dates in the prose are ours to judge
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # trafilatura/lxml can fail on very broken markup
        return f"could not parse the HTML page ({type(e).__name__}: {e}): check that it is a complete page"
    if doc is None:
        return "no article text found in the HTML page: save the article page itself, or give its text as .txt"
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = meta.get("text") or ""
    paras = [p.strip() for p in body.split("\n") if p.strip()]
    if not paras:
        return "no article text found in the HTML page: save the article page itself, or give its text as .txt"
    text = "\n\n".join(paras)
    title = (meta.get("title") or "").strip() or None
    art = Article(
        text=text,
        title=title,
        url=meta.get("url") or None,
        source=meta.get("sitename") or meta.get("hostname") or None,
        path=path,
        title_span=title_span_in(text, title),
    )
    date = parse_date_value(meta.get("date"))
    if date is not None:
        art.published, art.published_from = date, "record"
    return finish(art, option=option)
