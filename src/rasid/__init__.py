"""rasid (راصد): Arabic news to PLOVER political event data, with Arabic evidence."""

from __future__ import annotations

__version__ = "0.1.0"
CODER = f"rasid {__version__}"

__all__ = ["__version__", "CODER", "extract"]


def extract(text: str, published=None, title: str | None = None, doc: str | None = None):
    """Extract PLOVER events from one Arabic article.

    ``published`` is a ``datetime.date`` or an ISO string; relative dates resolve against it.
    Returns a list of :class:`rasid.model.Event`.
    """
    from rasid.pipeline import extract_text

    return extract_text(text, published=published, title=title, doc=doc)
