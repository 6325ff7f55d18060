"""Core data model: articles, documents, spans, actors and events.

Plain dataclasses with no I/O. Every span carries character offsets into the
*original* article text (``Article.text``); ``text[start:end] == span.text`` is
the invariant the whole pipeline keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Article",
    "Span",
    "Token",
    "Sentence",
    "Entity",
    "Mention",
    "TimeExpr",
    "Place",
    "Event",
    "Document",
    "PLOVER_TYPES",
    "as_date",
    "QUAD",
]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict", "PROTEST": "material_conflict",
    "SANCTION": "material_conflict", "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}


def as_date(v: Any) -> dt.date | None:
    """A date from a date, datetime or ISO string (the first 10 characters); None when empty or invalid."""
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


@dataclass(slots=True)
class Article:
    """One input record: the raw text as read, and what is known about it."""

    text: str
    id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    # offsets of the headline inside ``text`` when the headline is part of the body
    title_span: tuple[int, int] | None = None
    dateline: Span | None = None
    published_from: str | None = None  # "record", "text", "option", None

    @property
    def doc(self) -> str:
        return self.id or (self.path.rsplit("/", 1)[-1] if self.path else "stdin")


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Token:
    """A whitespace/punctuation token with offsets into the original text.

    ``norm`` is the matching form (see :mod:`rasid.text.normalize`); ``forms`` are
    the candidate stems once proclitics are peeled off (the token itself first).
    """

    text: str
    start: int
    end: int
    norm: str
    forms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()  # the proclitics peeled off for each entry of ``forms``
    index: int = 0
    sent: int = 0

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.norm)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int
    paragraph: int
    tok_start: int = 0  # index of first token
    tok_end: int = 0  # one past the last token


@dataclass(slots=True)
class Entity:
    """A PLOVER entity object (an actor or a recipient)."""

    code: str | None
    sector: str | None = None
    entity_text: str = ""
    office: str | None = None
    identifier_text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "code": self.code,
            "sector": self.sector,
            "entity_text": self.entity_text,
            "office": self.office,
            "identifier_text": self.identifier_text,
        }
        if self.start is not None:
            d["start"] = self.start
            d["end"] = self.end
        return d


@dataclass(slots=True)
class Mention:
    """An actor mention found in the text.

    kind: country | nisba | capital | igo | office | org | person | group | pronoun
    """

    start: int
    end: int
    text: str
    kind: str
    code: str | None = None
    sector: str | None = None
    office: str | None = None
    name: str | None = None  # person or organisation name, if any
    identifier: str | None = None
    source: str = "lexicon"
    head: bool = True  # False when part of a larger mention
    extra: dict[str, Any] = field(default_factory=dict)

    def entity(self) -> Entity:
        return Entity(
            code=self.code,
            sector=self.sector,
            entity_text=self.text,
            office=self.office,
            identifier_text=self.identifier or self.name,
            start=self.start,
            end=self.end,
        )


@dataclass(slots=True)
class TimeExpr:
    """A resolved time expression: inclusive interval [start, end] with precision."""

    start_char: int
    end_char: int
    text: str
    start: dt.date | None
    end: dt.date | None
    precision: str  # day | week | month | quarter | year | decade | unknown
    kind: str = "absolute"  # absolute | relative | weekday | duration | since
    tense_hint: str | None = None


@dataclass(slots=True)
class Place:
    """A place mention resolved against the gazetteer."""

    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_code: str | None  # ISO alpha-3
    feature_code: str | None
    resolution: str  # city | province | country | facility
    population: int = 0


@dataclass(slots=True)
class Event:
    """A coded PLOVER event with its evidence."""

    doc: str
    event: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    event_text: str
    start: int
    end: int
    sequence: int
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    date: dt.date | None = None
    enddate: dt.date | None = None
    date_precision: str | None = None
    date_text: str | None = None
    place: Place | None = None
    confidence: float = 0.5
    raw_confidence: float | None = None  # the rule score before calibration
    rule: str = ""
    trigger: Span | None = None
    evidence: list[Span] = field(default_factory=list)
    modality: list[str] = field(default_factory=list)  # negated, future, hypothetical, reported
    source_text: str | None = None  # reported-speech source
    id: str = ""
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None

    def to_plover(self, coder: str) -> dict[str, Any]:
        loc = None
        if self.place is not None:
            p = self.place
            loc = {
                "extracted_place": p.text,
                "resolved_place": p.name,
                "geonameid": p.geonameid,
                "lat": p.lat,
                "lon": p.lon,
                "country_code": p.country_code,
                "feature_code": p.feature_code,
                "resolution": p.resolution,
            }
            if p.end > p.start:  # a place read in the text (not a country fallback)
                loc["start"], loc["end"] = p.start, p.end
        return {
            "id": self.id,
            "doc": self.doc,
            "event": list(self.event),
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [a.to_json() for a in self.actor],
            "recipient": [r.to_json() for r in self.recipient],
            "date": self.date.isoformat() if self.date else None,
            "enddate": self.enddate.isoformat() if self.enddate else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "event_loc": loc,
            "event_text": self.event_text,
            "text_info": {
                "sequence": self.sequence,
                "start": self.start,
                "end": self.end,
                "trigger": (
                    {"start": self.trigger.start, "end": self.trigger.end, "text": self.trigger.text}
                    if self.trigger
                    else None
                ),
                "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in self.evidence],
            },
            "modality": list(self.modality),
            "reported_by": self.source_text,
            "confidence": round(float(self.confidence), 3),
            "raw_confidence": round(float(self.raw_confidence), 3) if self.raw_confidence is not None else None,
            "rule": self.rule,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "url": self.url,
            "coder": coder,
        }


def _span_at(spans: Sequence[Any], offset: int) -> int | None:
    """Binary search over spans sorted by ``start`` (with ``end``): the index of the one covering ``offset``."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if offset < spans[mid].start:
            hi = mid - 1
        elif offset >= spans[mid].end:
            lo = mid + 1
        else:
            return mid
    return None


@dataclass(slots=True)
class Document:
    """An article once the text layer has run: normalised view, tokens, sentences.

    ``norm`` is the matching form of ``text``; ``norm_index[i]`` is the offset in
    ``text`` of the character ``norm[i]`` came from (one past the end is
    ``len(text)``). Annotation layers append their findings here.
    """

    article: Article
    text: str
    norm: str
    norm_index: list[int]
    tokens: list[Token]
    sentences: list[Sentence]
    paragraphs: list[Span]
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    names: list[Span] = field(default_factory=list)  # NER proposals (PERS/ORG/LOC)
    ner: list[tuple[int, int, str]] = field(default_factory=list)  # the same, with their labels
    countries: dict[str, int] = field(default_factory=dict)  # code -> mention count

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def orig(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a [start, end) span of ``norm`` to the original text."""
        if nend <= nstart:
            o = self.norm_index[nstart] if nstart < len(self.norm_index) else len(self.text)
            return o, o
        return self.norm_index[nstart], self.norm_index[nend - 1] + 1

    def sentence_of(self, offset: int) -> Sentence | None:
        k = _span_at(self.sentences, offset)
        return self.sentences[k] if k is not None else None

    def token_index(self, offset: int) -> int | None:
        """The index of the token covering character ``offset`` (None between tokens)."""
        return _span_at(self.tokens, offset)
