"""Find and resolve place mentions in a document.

Matching runs the gazetteer's token-trie over ``doc.tokens`` (clitic-aware on the first token: ببنغازي,
لمدينة, وطرابلس). Each match is then

1. filtered by the form's policy (``stoplist.tsv`` / ``common_forms.tsv``): ``drop`` forms never match;
   ``cue`` forms need a cue word, a locative preposition, a country context or a document about that
   country; ``strong`` forms need a cue word or a country context;
2. resolved among its candidates: an explicit country context (``طرابلس اللبنانية``, ``طرابلس (لبنان)``,
   ``X شرق ليبيا``, ``X في ليبيا``) restricts them; a city cue (مدينة، العاصمة) or province cue (محافظة،
   ولاية، منطقة، إقليم) prefers that kind; a country beats a city of the same name (الجزائر) unless the
   document is about another candidate's country (عمان: Oman, or Amman in a text about Jordan); otherwise
   population plus the document's countries (``countries``: ISO3 -> mentions, merged with the countries
   and nisba adjectives found here) decide.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from rasid.model import Article, Document, Place, Token
from rasid.place.gazetteer import Entry, Gazetteer, load_gazetteer
from rasid.text.normalize import fold

__all__ = ["capital_of", "find_places", "geocode", "government_seat", "named_after", "place_for_country", "seat_of",
           "to_place"]

CITY_CUES = frozenset(fold(w) for w in "مدينة بلدة قرية العاصمة عاصمة ميناء واحة قضاء ناحية مديرية حي مخيم ضاحية قطاع".split())
PROVINCE_CUES = frozenset(fold(w) for w in "محافظة ولاية منطقة إقليم شعبية مقاطعة".split())
PREPOSITIONS = frozenset(
    fold(w)
    for w in ("في إلى الى من نحو قرب عند داخل حول بالقرب ضواحي أطراف مشارف شرق غرب شمال جنوب وسط مدن شرقي غربي"
              " شمالي جنوبي").split()
)
# a name after these is a street, square, station or bridge named for a place ("شارع بغداد" in Damascus, "محطة
# «بهارستان»" in Tehran), not that place
_NAMED_AFTER = frozenset(fold(w) for w in "شارع ميدان ساحة محطة جسر دوار نفق باب بوابة مقهى مطعم فندق".split())


def named_after(toks: Sequence[Token], i: int) -> bool:
    """The word before token i (quotes skipped) is a street, square or station word: "شارع بغداد"، "محطة
    «بهارستان»" name a street or a station, neither the place nor its state."""
    w = i - 1
    while w >= 0 and not toks[w].is_word and w >= i - 2:
        w -= 1
    return w >= 0 and not _NAMED_AFTER.isdisjoint(_tok_forms(toks[w]))


DIRECTIONS = frozenset(fold(w) for w in "شرق غرب شمال جنوب وسط شمالي جنوبي شرقي غربي جنوبى شمالى".split())
_SHADDA = "\u0651"


def to_place(e: Entry, start: int = 0, end: int = 0, text: str = "") -> Place:
    """A :class:`Place` for a gazetteer entry at the given original offsets."""
    return Place(
        start=start,
        end=end,
        text=text,
        name=e.name,
        geonameid=e.geonameid,
        lat=e.lat,
        lon=e.lon,
        country_code=e.country,
        feature_code=e.feature_code,
        resolution=e.resolution,
        population=e.population,
    )


def place_for_country(iso3: str) -> Place | None:
    """The country-level point (a centroid, not the capital) for ISO alpha-3 ``iso3``; None if unknown."""
    e = load_gazetteer().country.get(iso3.upper())
    return to_place(e, 0, 0, "") if e else None


def _tok_forms(t: Token) -> tuple[str, ...]:
    return t.forms or (t.norm,)


def _country_at(
    gaz: Gazetteer, toks: Sequence[Token], j: int, hi: int, provinces: bool = False
) -> tuple[str | None, int]:
    """ISO3 of a country name or nisba adjective starting at token j (and tokens used), else (None, 0).

    With ``provinces``, a province or region name there gives its country too (الخبر في المنطقة الشرقية).
    """
    if j >= hi:
        return None, 0
    for form in _tok_forms(toks[j]):
        iso = gaz.nisba.get(form)
        if iso:
            return iso, 1
    m = gaz.matcher.match_at(toks, j, hi)
    if m is not None and gaz.form_policy(m.payload) != "drop":
        cands = gaz.candidates(m.payload)
        for e in cands:
            if e.resolution == "country":
                return e.country, m.j - j
        if provinces:
            for e in cands:
                if e.resolution == "province":
                    return e.country, m.j - j
    return None, 0


def _context_country(gaz: Gazetteer, toks: Sequence[Token], j: int, hi: int) -> str | None:
    """Explicit country after a place: nisba, (country), direction + country, في + country, comma + country."""
    if j >= hi:
        return None
    t = toks[j]
    if t.norm in ("(", "-", "،", ","):
        return _country_at(gaz, toks, j + 1, hi)[0]
    if t.norm in DIRECTIONS or t.norm == "في":
        k = j + 1
        if t.norm in DIRECTIONS and k < hi and toks[k].norm in DIRECTIONS:  # شمال شرق
            k += 1
        return _country_at(gaz, toks, k, hi, provinces=True)[0]
    return _country_at(gaz, toks, j, hi)[0] if any(f in gaz.nisba for f in _tok_forms(t)) else None


def _doc_countries(gaz: Gazetteer, doc: Document, given: dict[str, int] | None,
                   matches: list | None = None) -> Counter[str]:  # type: ignore[type-arg]
    counts: Counter[str] = Counter(given if given is not None else doc.countries or {})
    for t in doc.tokens:
        for form in _tok_forms(t):
            iso = gaz.nisba.get(form)
            if iso:
                counts[iso] += 1
                break
    # unambiguous country names (every candidate in one country)
    for m in (matches if matches is not None else gaz.matcher.find_all(doc.tokens)):
        cands = gaz.candidates(m.payload)
        if cands and cands[0].resolution == "country" and len({e.country for e in cands}) == 1:
            counts[cands[0].country] += 1
    return counts


def _choose(
    cands: list[Entry], ctx: str | None, cue: str | None, countries: Counter[str], shadda: bool
) -> Entry | None:
    if not cands:
        return None
    if ctx:
        inside = [e for e in cands if e.country == ctx and e.resolution != "country"]
        if inside:
            cands = inside
    if cue == "province":
        prov = [e for e in cands if e.resolution == "province"]
        cands = prov or [e for e in cands if e.resolution != "country"] or cands
    elif cue == "city" or shadda:
        cands = [e for e in cands if e.resolution != "country"] or cands
    else:
        nations = [e for e in cands if e.resolution == "country"]
        if nations and not ctx:
            n = nations[0]
            # only a large city of another country can take the name from a country (عمان: Amman)
            others = {
                e.country
                for e in cands
                if e.resolution != "country" and e.country != n.country and e.population >= 200_000
            }
            if not (others & set(countries)) or countries.get(n.country, 0) > 0:
                return n
            cands = [e for e in cands if e.resolution != "country"]
    total = sum(countries.values()) or 1

    def score(e: Entry) -> float:
        s = e.weight
        if e.feature_code == "PPLC":
            s += 1.0
        c = countries.get(e.country, 0)
        if c:  # the document is about this country: worth about a factor 10-100 in population
            s += 1.0 + 1.0 * c / total
        if e.resolution == "province" and cue != "province":
            s -= 1.0
        return s

    return max(cands, key=score)


def find_places(doc: Document, countries: dict[str, int] | None = None, gaz: Gazetteer | None = None) -> list[Place]:
    """Place mentions of ``doc`` resolved against the gazetteer, in text order (original offsets)."""
    gaz = gaz or load_gazetteer()
    toks = doc.tokens
    n = len(toks)
    matches = gaz.matcher.find_all(toks)  # one pass, used for the document's countries and the places
    counts = _doc_countries(gaz, doc, countries, matches)
    out: list[Place] = []
    last_j = -1  # one past the last token of the last accepted place
    for m in matches:
        form = m.payload
        policy = gaz.form_policy(form)
        if policy == "drop":
            continue
        if "ك" in m.prefix.lstrip("وف") or "س" in m.prefix:
            # "كمينا" is not ك + مينا (Minna): "like X" never names a venue; س marks a verb's future
            # ("سنوي" is not س + Nawa)
            continue
        cands = gaz.candidates(form)
        if named_after(toks, m.i) or (m.j < n and toks[m.j].norm in gaz.not_before.get(form, ())) \
                or (m.j == m.i + 1 and toks[m.i].norm in gaz.words):
            continue  # ("القائم بأعمال السفارة" is a chargé d'affaires: stoplist.tsv names the words)
        prev = toks[m.i - 1] if m.i > 0 else None
        prev_forms = _tok_forms(prev) if prev is not None else ()
        cue = None
        if any(f in CITY_CUES for f in prev_forms):
            cue = "city"
        elif any(f in PROVINCE_CUES for f in prev_forms):
            cue = "province"
        # "الجزائر العاصمة": a city cue after the name
        if m.j < n and toks[m.j].norm in (fold("العاصمة"),):
            cue = cue or "city"
        prep = bool(set(m.prefix) & {"ب", "ل"}) or any(f in PREPOSITIONS for f in prev_forms)
        # "تعز والحديدة": coordinated with the place just before
        coord = m.prefix.startswith("و") and last_j == m.i
        direction = prev is not None and prev.norm in DIRECTIONS  # "شمال مالي"
        ctx = _context_country(gaz, toks, m.j, n)
        if ctx is not None and m.j < n and any(f in gaz.nisba for f in _tok_forms(toks[m.j])) \
                and not any(e.country == ctx for e in cands):
            ctx = None  # "العلم الأفغاني" is the Afghan flag, not al-Alam in Iraq: an adjective must fit the place
        # "شمال مالي" names Mali; "وسط المدينة" is the city centre, not Medina (a definite common noun)
        if policy == "strong" and not (cue or ctx or (direction and not form.startswith("ال"))):
            continue
        if policy == "cue" and not (
            cue
            or ctx
            or prep
            or coord
            or direction
            or any(counts.get(e.country, 0) and e.resolution != "country" for e in cands)
        ):
            continue
        shadda = _SHADDA in doc.text[m.start : m.end]
        e = _choose(cands, ctx, cue, counts, shadda)
        if e is None:
            continue
        out.append(to_place(e, m.start, m.end, doc.text[m.start : m.end]))
        last_j = m.j
    return out


def geocode(text: str) -> Place | None:
    """Resolve a single place name (Arabic or English); the first place found in ``text``, else a lookup."""
    from rasid.text.segment import build_document

    gaz = load_gazetteer()
    doc = build_document(Article(text=text))
    found = find_places(doc, gaz=gaz)
    if found:
        return found[0]
    e = gaz.get(text.strip())
    return to_place(e, 0, len(text), text) if e else None


_CAPITALS: dict[str, Place | None] = {}


def capital_of(iso3: str) -> Place | None:
    """The capital city (GeoNames feature PPLC) of a country, or None."""
    if not _CAPITALS:  # one pass over the gazetteer: the most populous PPLC of each country
        best: dict[str, Entry] = {}
        for e in load_gazetteer().entries:
            if e.feature_code == "PPLC" and e.country and (
                    e.country not in best or e.population > best[e.country].population):
                best[e.country] = e
        _CAPITALS.update({c: to_place(e, 0, 0, e.forms[0] if e.forms else e.name) for c, e in best.items()})
        _CAPITALS.setdefault("", None)  # (built)
    return _CAPITALS.get(iso3)


_GOV_SEATS: list[tuple[str, str, str, str, str]] | None = None


def government_seat(iso3: str, on: dt.date | None) -> Place | None:
    """Where the government of ``iso3`` sat on the date ``on``: its capital, unless
    ``government_seats.tsv`` lists a seat away from it for that date (Yemen's government in Riyadh in 2015)."""
    global _GOV_SEATS
    if _GOV_SEATS is None:
        from rasid.place.gazetteer import DATA_DIR, read_rows

        _GOV_SEATS = [tuple((r + ["", "", "", "", ""])[:5]) for r in read_rows(DATA_DIR / "government_seats.tsv")
                      if r and r[0] != "iso3"]  # type: ignore[misc]
    if on is not None:
        day = on.isoformat()
        for code, city, city_iso3, start, end in _GOV_SEATS:
            if code == iso3 and (not start or start <= day) and (not end or day <= end):
                e = load_gazetteer().city(city, city_iso3)
                if e is not None:
                    return to_place(e, 0, 0, e.forms[0] if e.forms else e.name)
    return capital_of(iso3)


_SEATS: dict[str, Place | None] | None = None


def seat_of(identifier: str | None) -> Place | None:
    """The seat of an international body (``seats.tsv``: the Security Council in New York, the Arab League in
    Cairo), by the body's canonical English name; None when it has none listed."""
    global _SEATS
    if _SEATS is None:
        from rasid.place.gazetteer import DATA_DIR, read_rows

        gaz = load_gazetteer()
        _SEATS = {}
        for r in read_rows(DATA_DIR / "seats.tsv"):
            if len(r) >= 3 and r[0] != "identifier":
                e = gaz.city(r[1], r[2])
                _SEATS[r[0]] = to_place(e, 0, 0, e.forms[0] if e.forms else e.name) if e else None
    return _SEATS.get(identifier or "")
