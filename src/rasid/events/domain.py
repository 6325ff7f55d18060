"""Article domain: sports, economy and culture news where political triggers are not events.

"هجوم" is a forward line, "مواجهة" a match, "استبعد" dropping a player: in such articles rasid codes
nothing unless the article is also clearly political (many political actors).
"""

from __future__ import annotations

from functools import lru_cache

from rasid.actors.lexicon import data_path, read_tsv
from rasid.model import Document
from rasid.text.match import PhraseMatcher
from rasid.text.normalize import fold

__all__ = ["article_domain"]

_THRESHOLD = {"sport": 4, "economy": 5, "culture": 5, "science": 5, "health": 5, "nature": 5}


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    m = PhraseMatcher()
    for row in read_tsv(data_path("lexicons", "domains.tsv")):
        if row.get("form"):
            m.add(row["form"], row.get("domain") or "other")
    return m


_TEAM = ("الفريق", "فريق", "والفريق", "لفريق", "للفريق", "بالفريق", "وفريق")
# sports bodies that the actor lexicon codes as international organisations
_SPORTS_BODIES = tuple(fold(w) for w in ("كرة", "فيفا", "الفيفا", "الأولمبية", "الاولمبية", "يويفا", "اليويفا"))


def _team_word(doc: Document, m) -> bool:  # type: ignore[no-untyped-def]
    """"الفريق المصري" with no name after it is a team in a match report as often as a general."""
    return m.name is None and doc.text[m.start:m.end].startswith(_TEAM)


# almanac columns ("هذا اليوم في التاريخ"): a list of past years' events, none of them news of the day
_ALMANAC = tuple(fold(w) for w in ("هذا اليوم في التاريخ", "في مثل هذا اليوم", "ذاكرة التاريخ"))


def article_domain(doc: Document) -> str:
    """'sport', 'economy', 'culture', 'history' (an almanac of past years) or 'politics' (the default)."""
    title = fold(doc.article.title or "")
    if any(w in title for w in _ALMANAC):
        return "history"
    hits: dict[str, set[str]] = {}
    for mt in _matcher().find_all(doc.tokens):
        hits.setdefault(mt.payload, set()).add(doc.text[mt.start:mt.end])
    # officials with a country (or an IGO): a club's president or board is an office with no country
    # (a capital named alone is a club as often as a government in a match report: "روما"، "مدريد")
    political = sum(1 for m in doc.mentions if m.sector in ("GOV", "MIL", "REB", "COP", "SPY", "IGO", "LEG", "JUD")
                    and m.kind not in ("nisba", "name", "capital") and (m.code or m.sector == "IGO")
                    and not _team_word(doc, m) and not any(w in fold(m.text) for w in _SPORTS_BODIES))
    best = max(hits.items(), key=lambda kv: len(kv[1]), default=None)
    if best is None:
        return "politics"
    dom, words = best
    if len(words) >= _THRESHOLD.get(dom, 5) and political < len(words):
        return dom
    return "politics"
