"""The extraction pipeline: article → document → annotations → events.

One ordered list of components, each a function ``(Document) -> None`` that
fills one layer of the document. The CLI, the store's ingest, the API and the
Spark job all call :func:`extract_article`, so every entry point codes the same.
Models and lexicons load once per process (module-level caches).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasid import CODER
from rasid.model import Article, Document, Event, Mention, as_date
from rasid.text.segment import build_document

__all__ = ["Pipeline", "default_pipeline", "extract_article", "extract_record", "extract_text", "annotate"]

Component = Callable[[Document], None]


def _ner(doc: Document) -> None:
    """Statistical name proposals, for the sentences that hold an event trigger only (the others
    cannot give an event, and tagging every sentence would cost most of the pipeline's time)."""
    from rasid.events.triggers import trigger_lexicon
    from rasid.ner import propose_names

    lex = trigger_lexicon()
    wanted = {s.index for s in doc.sentences
              if lex.matcher.find_all(doc.tokens, s.tok_start, s.tok_end)}
    spans = propose_names(doc, sentences=wanted) if wanted else []
    doc.names = [doc.span(s, e) for s, e, _label in spans]
    doc.ner = spans


def _actors(doc: Document) -> None:
    from rasid.actors.mentions import find_mentions

    doc.mentions = find_mentions(doc, ner=doc.ner or None)


def _times(doc: Document) -> None:
    from rasid.time import find_times

    doc.times = find_times(doc, doc.article.published)


def _places(doc: Document) -> None:
    from rasid.place import find_places

    places = find_places(doc, doc.countries)
    # a token read as part of a person's name is not a place (فلاديمير بوتين, إسحاق ماروا)
    names = []
    for m in doc.mentions:
        nt = m.extra.get("name_tok")
        if nt:
            names.append((doc.tokens[nt[0]].start, doc.tokens[nt[1] - 1].end))
    # a country's adjective is no town of another country ("الحدود الهندية" is not al-Hindiyah in Iraq)
    nisbas = [(m.start, m.end, m.code) for m in doc.mentions if m.kind == "nisba" and m.code]
    starts = [t.start for t in doc.tokens]
    places = [p for p in places if not any(s <= p.start < e for s, e in names)
              and not any(s <= p.start < e and c != p.country_code for s, e, c in nisbas)
              and not _peeled_word(doc, p, starts)]
    doc.places = sorted(places + _capitals_by_nisba(doc, places), key=lambda p: p.start)
    _offices_of_places(doc)


_JERUSALEM = {"Jerusalem", "East Jerusalem"}


def _offices_of_places(doc: Document) -> None:
    """"رئيس إقليم كردستان مسعود بارزاني"، "محافظ عدن": an office of a named place takes its country."""
    by_start = {p.start: p for p in doc.places if p.country_code and p.resolution in ("city", "province")}
    if not by_start:
        return
    drop: list[Mention] = []
    for m in doc.mentions:
        tok = m.extra.get("tok")
        if m.kind != "office" or m.code is not None or not tok or tok[0] + 1 >= len(doc.tokens):
            continue
        # the place right after the title's words ("رئيس إقليم كردستان"، "وكيل محافظ شبوة"): the first token of the
        # mention that starts a place, before any name read after it
        name_at = doc.tokens[m.extra["name_tok"][0]].start if m.extra.get("name_tok") else len(doc.text)
        p = next((by_start[t.start] for t in doc.tokens[tok[0] + 1:min(tok[0] + 3, len(doc.tokens))]
                  if t.start in by_start and t.start < name_at), None)
        if p is None or any(not t.is_word for t in doc.tokens[tok[0]:tok[0] + 3] if t.start < p.start):
            continue  # (no punctuation between the title and its place)
        # the offices of Jerusalem named in Arabic news (its mufti, governor, endowments) are Palestinian ones,
        # though GeoNames files the city under Israel
        code = "PSE" if p.name in _JERUSALEM else p.country_code
        m.code = code
        m.extra["codes"] = [code]
        m.extra["code_source"] = "place"
        if m.name and m.name.startswith(p.text):
            m.name = m.name[len(p.text):].strip() or None
            m.identifier = m.name if m.identifier and m.identifier.startswith(p.text) else m.identifier
        # the holder named right after the place is the same person: one mention
        person = next((x for x in doc.mentions if x.kind == "person" and x.start >= p.end
                       and not doc.text[p.end:x.start].strip()), None)
        if person is not None and m.end <= p.end and "tok" in person.extra:
            m.end, m.text = person.end, doc.text[m.start:person.end]
            m.name, m.identifier = person.name, person.identifier or person.name
            m.extra["tok"] = (tok[0], person.extra["tok"][1])
            if person.extra.get("name_tok"):
                m.extra["name_tok"] = person.extra["name_tok"]
            drop.append(person)
    if drop:
        doc.mentions = [x for x in doc.mentions if not any(x is d for d in drop)]
    # the holder's name repeated alone later ("وقال القميشي") takes the office's country
    named = {m.name: m.code for m in doc.mentions if m.kind == "office" and m.code and m.name
             and m.extra.get("code_source") == "place"}
    for x in doc.mentions:
        if x.code is None and x.name and x.name in named:
            x.code = named[x.name]
            x.extra["codes"] = [x.code]
            x.extra["code_source"] = "coref"


def _capitals_by_nisba(doc: Document, found: list) -> list:  # type: ignore[type-arg]
    """"العاصمة المالية" (the Malian capital) is Bamako: a capital named by its country's adjective."""
    from rasid.actors.lexicon import actor_lexicon
    from rasid.place.resolve import capital_of

    lex = actor_lexicon()
    taken = {p.start for p in found}
    out = []
    toks = doc.tokens
    for i, t in enumerate(toks[:-1]):
        if not ({"العاصمه", "عاصمه"} & set(t.forms)):
            continue
        m = lex.countries.match_at(toks, i + 1)
        if m is None or m.i != i + 1 or m.payload.kind != "nisba" or toks[i + 1].start in taken:
            continue
        if not toks[i + 1].norm.startswith("ال"):
            continue  # an adjective after العاصمة is definite ("العاصمة المالية"); "العاصمة ماليه" names the city
        cap = capital_of(m.payload.code)
        if cap is not None:
            import dataclasses

            out.append(dataclasses.replace(cap, start=t.start, end=m.end, text=doc.text[t.start:m.end]))
    return out


def _peeled_word(doc: Document, p, starts: list[int]) -> bool:  # type: ignore[no-untyped-def]
    """A place read off a clitic-peeled token whose whole form is a known word (وفدا → فدا)."""
    from rasid.actors.lexicon import head_words

    heads = head_words()
    import bisect

    k = bisect.bisect_right(starts, p.start) - 1 if doc.tokens else -1
    for t in doc.tokens[max(k, 0):k + 1]:
        if t.start <= p.start < t.end:
            if p.start == t.start:
                return False
            w = t.norm
            if w in heads or (w.endswith("ا") and w[:-1] in heads):
                return True
            # و + a small foreign town is far more often a word with a root و (وزاريا ≠ و + Zaria)
            return w.startswith("و") and p.resolution == "city" and p.population < 1_000_000 \
                and (p.country_code or "") not in doc.countries
    return False


@dataclass
class Pipeline:
    components: list[tuple[str, Component]] = field(default_factory=list)

    def annotate(self, article: Article) -> Document:
        doc = build_document(article)
        for _name, comp in self.components:
            comp(doc)
        return doc

    def __call__(self, article: Article) -> list[Event]:
        from rasid.events.extract import extract_events

        doc = self.annotate(article)
        return extract_events(doc)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """actors → times → places (→ events), with the statistical name tagger first when ``RASID_NER=1``.

    The tagger is off by default: on the development set it changed no figure while tripling the time
    per article (see the NER model card); titles, lexicons and in-article linking find the actors.
    """
    global _DEFAULT
    if _DEFAULT is None:
        comps: list[tuple[str, Component]] = [("actors", _actors), ("times", _times), ("places", _places)]
        if os.environ.get("RASID_NER", "") not in ("", "0"):
            comps.insert(0, ("ner", _ner))
        _DEFAULT = Pipeline(comps)
    return _DEFAULT


def annotate(article: Article) -> Document:
    return default_pipeline().annotate(article)


def extract_article(article: Article) -> list[Event]:
    """Events of one article (its ``published`` date anchors relative dates)."""
    return default_pipeline()(article)


def _date(v: Any) -> dt.date | None:
    return as_date(v)


def extract_text(text: str, published: Any = None, title: str | None = None, doc: str | None = None) -> list[Event]:
    from rasid.read import article_from_text

    art = article_from_text(text, published=_date(published), title=title, doc=doc)
    return extract_article(art)


def extract_record(record: dict[str, Any]) -> list[dict[str, Any]]:
    """PLOVER dicts for a corpus record (``text`` and optional id/title/published/url/source)."""
    from rasid.read import ReadError
    from rasid.read.records import article_from_record

    art = article_from_record(record, str(record.get("id") or "record"), None)
    if isinstance(art, ReadError):
        raise ValueError(str(art))
    out = []
    for e in extract_article(art):
        d = e.to_plover(CODER)
        d["doc"] = art.id or d["doc"]
        out.append(d)
    return out
