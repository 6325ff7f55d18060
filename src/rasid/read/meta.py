"""Metadata printed in the article text: the publication date and the dateline.

``find_published(text)`` looks for a date printed near the top (first ~6 lines /
400 characters), on a line that is a date line, not a body sentence:
``الاثنين 2025/05/26``, ``26 مايو 2025``, ``الأحد 25 أيار/مايو 2025``, ``٢٦/٥/٢٠٢٥``.

``parse_dateline(text)`` finds the dateline at the start of a paragraph
(``بنغازي (ليبيا) -``, ``الرياض - واس:``, ``(د ب أ) - بيروت``) and returns a
:class:`Dateline` with the place, the country/region in parentheses and the
agency, each a :class:`~rasid.model.Span` with offsets into the ORIGINAL text.

Matching runs on :func:`rasid.text.normalize.normalize` output (Hindi digits,
alef forms, dashes, guillemets folded) and maps offsets back through its index.
The month, weekday, country and agency lists below are written for this project.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rasid.model import Span
from rasid.text.normalize import fold, normalize

__all__ = [
    "Dateline",
    "MONTHS",
    "find_published",
    "find_dateline",
    "parse_dateline",
    "parse_date_value",
]

# --- month names in the three systems (and Moroccan/Egyptian variants) --------------------------
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار", "أذار"),
    4: ("أبريل", "إبريل", "نيسان", "أفريل", "ابريل"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    8: ("أغسطس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "دجنبر"),
}
MONTHS: dict[str, int] = {fold(n): m for m, names in _MONTH_NAMES.items() for n in names}

_WEEKDAYS = tuple(fold(w) for w in ("الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))
_HIJRI = tuple(
    fold(w)
    for w in (
        "محرم", "صفر", "ربيع", "الأول", "الثاني", "الآخر", "الاخر", "جمادى", "جمادي", "رجب", "شعبان",
        "رمضان", "شوال", "ذو", "ذي", "القعدة", "الحجة", "هـ", "ه",
    )
)
# words that may sit on a date line next to the date without making it a sentence
_FILLER = frozenset(
    _WEEKDAYS
    + _HIJRI
    + tuple(
        fold(w)
        for w in (
            "يوم", "نشر", "نُشر", "في", "بتاريخ", "تاريخ", "النشر", "آخر", "اخر", "تحديث", "التحديث", "الموافق",
            "م", "ص", "مساء", "صباحا", "بتوقيت", "غرينتش", "جرينتش", "مكة", "المكرمة", "القدس", "الساعة",
            "gmt", "utc", "am", "pm", "الكاتب", "كتب", "بقلم", "محرر", "المحرر", "حدث", "تحرير",
        )
    )
)

_MONTH_ALT = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(MONTHS, key=len, reverse=True))
_AR = "\u0621-\u064a"
_MONTH_RE = rf"(?:{_MONTH_ALT})(?![{_AR}])"
_MONTHS_RE = rf"(?P<m1>{_MONTH_RE})(?:\s*[/(-]\s*(?P<m2>{_MONTH_RE})\s*\)?)?"

_DATE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "text",
        re.compile(
            rf"(?<![\d{_AR}])(?P<d>\d{{1,2}})\s*(?:من\s+)?{_MONTHS_RE}\s*[,،]?\s*(?P<y>\d{{4}})(?!\d)(?:\s*م(?![{_AR}]))?"
        ),
    ),
    ("ymd", re.compile(r"(?<![\d.])(?P<y>\d{4})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<d>\d{1,2})(?![\d])")),
    ("dmy", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\s*([/.-])\s*(?P<m>\d{1,2})\s*\2\s*(?P<y>\d{4})(?![\d])")),
)

_MIN_YEAR, _MAX_YEAR = 1950, 2100
_TOP_LINES, _TOP_CHARS = 6, 400


# Presentation-form code points that NFKC leaves unchanged (ornate parentheses ﴾ ﴿,
# unassigned slots) send rasid.text.normalize into endless recursion; give it a
# same-length stand-in instead (offsets are unchanged).
_UNSAFE = {
    o: ("(" if o == 0xFD3F else ")" if o == 0xFD3E else " ")
    for o in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]
    if unicodedata.normalize("NFKC", chr(o)) == chr(o)
}


def _normalize(s: str) -> tuple[str, list[int]]:
    return normalize(s.translate(_UNSAFE))


def _mkdate(y: int, m: int, d: int) -> dt.date | None:
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    if m > 12 and d <= 12:  # month-first numeric dates (05/26/2025)
        m, d = d, m
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _match_date(kind: str, m: re.Match[str]) -> dt.date | None:
    y, d = int(m.group("y")), int(m.group("d"))
    if kind == "text":
        mon = MONTHS.get(" ".join(m.group("m1").split()))
        if mon is None:
            return None
        if m.group("m2"):
            mon2 = MONTHS.get(" ".join(m.group("m2").split()))
            if mon2 is not None and mon2 != mon:
                return None  # "أيار/يونيو" is a typo we should not guess about
        return _mkdate(y, mon, d)
    return _mkdate(y, int(m.group("m")), d)


def _dates_in(norm: str) -> list[tuple[int, int, dt.date]]:
    """All dates in a normalised string: (norm start, norm end, date), by position."""
    out: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _DATE_RES:
        for m in rx.finditer(norm):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            d = _match_date(kind, m)
            if d is not None:
                out.append((m.start(), m.end(), d))
                taken.append((m.start(), m.end()))
    out.sort()
    return out


_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_WORD_RE = re.compile(rf"[{_AR}a-z]+")
_SEP_RE = re.compile(r"\s-+\s|-\s|\s-|:|\|")


def _content_words(s: str) -> list[str]:
    s = _TIME_RE.sub(" ", s)
    return [w for w in _WORD_RE.findall(s) if w not in _FILLER and w not in MONTHS]


def _is_date_line(norm: str, s: int, e: int) -> bool:
    """Is the date at norm[s:e] printed as a date line, not inside a body sentence?"""
    before, after = norm[:s], norm[e:]
    if not _content_words(before):
        return True  # the line starts with the date (after a weekday or "نشر في")
    if len(_content_words(before)) + len(_content_words(after)) <= 6:
        return True  # a short line: "بنغازي - العرب | 26 مايو 2025"
    sep = _SEP_RE.search(norm, 0, 90)
    if sep is not None and e <= sep.start():
        return True  # inside a dateline: "القاهرة في 26 مايو 2025 (أ ف ب) - ..."
    return False


def _lines(text: str, start: int = 0):
    """(start, end) of each non-empty line from ``start``, without surrounding spaces."""
    pos = start
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
            yield s, e
        pos = end + 1


def _orig(index: list[int], base: int, ns: int, ne: int) -> tuple[int, int]:
    return base + index[ns], base + index[ne - 1] + 1


def find_published(
    text: str, max_lines: int = _TOP_LINES, max_chars: int = _TOP_CHARS
) -> tuple[dt.date, Span] | None:
    """The publication date printed near the top of ``text``, with its span in ``text``.

    Only the first ``max_lines`` non-empty lines that start within ``max_chars``
    characters are searched, and a date counts only on a date line (see
    ``_is_date_line``); the first such date wins.
    """
    for i, (ls, le) in enumerate(_lines(text)):
        if i >= max_lines or ls >= max_chars:
            break
        line = text[ls:le]
        norm, index = _normalize(line)
        for ns, ne, d in _dates_in(norm):
            if _is_date_line(norm, ns, ne):
                s, e = _orig(index, ls, ns, ne)
                return d, Span(s, e, text[s:e])
    return None


def parse_date_value(value: object) -> dt.date | None:
    """A date from a record field: ISO ``2025-05-26``, ``2025-05-26T10:00:00Z``,
    ``2015-07-21 02:51:32``, ``26/05/2025``, ``26 مايو 2025``; None when unreadable."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        return _mkdate(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = _dates_in(_normalize(v)[0])
    return found[0][2] if found else None


# --- datelines ---------------------------------------------------------------------------------

@dataclass(slots=True, frozen=True)
class Dateline:
    """A dateline such as ``عين اليوم – بنغازي (ليبيا) -``.

    ``place`` is the (first) place; ``places`` all of them (``دبي/ الرياض``);
    ``country`` the parenthesised country or region after the place; ``agency`` the
    news agency or paper (``واس``, ``«الشرق الأوسط»``, ``رويترز``); ``span`` the
    whole dateline prefix. All spans index the original text.
    """

    place: Span
    span: Span
    places: tuple[Span, ...] = ()
    country: Span | None = None
    agency: Span | None = None


_AGENCIES = frozenset(
    fold(a)
    for a in (
        "واس", "رويترز", "أ ف ب", "أ.ف.ب", "اف ب", "فرانس برس", "د ب أ", "د.ب.أ", "الأناضول", "الاناضول", "قنا", "وام",
        "سانا", "بترا", "كونا", "بنا", "سبأ", "العمانية", "أ ش أ", "أ.ش.أ", "شينخوا", "سبوتنيك", "وفا", "معا",
        "يونا", "وكالات", "الوكالات", "خاص", "أ ب", "أسوشيتد برس", "يو بي آي", "واج", "لانا", "تاس", "إرنا", "ارنا",
        "وات", "سبق", "عين اليوم", "متابعات", "مراسلنا", "مراسل", "المراسل", "وال", "ومع", "كونا", "إفي", "الألمانية", "الفرنسية",
    )
)
_COUNTRIES = frozenset(
    fold(c)
    for c in (
        "ليبيا", "مصر", "تونس", "الجزائر", "المغرب", "السودان", "موريتانيا", "تشاد", "النيجر", "مالي", "السعودية",
        "الكويت", "قطر", "الإمارات", "البحرين", "عمان", "عُمان", "اليمن", "العراق", "سوريا", "سورية", "لبنان",
        "الأردن", "فلسطين", "إسرائيل", "تركيا", "إيران", "روسيا", "الصين", "فرنسا", "ألمانيا", "بريطانيا",
        "أمريكا", "الولايات المتحدة", "أوكرانيا", "الصومال", "جيبوتي", "إثيوبيا", "باكستان", "أفغانستان",
        "الهند", "إيطاليا", "إسبانيا", "اليونان", "قبرص", "بلجيكا", "سويسرا", "النمسا", "اليابان", "كوريا",
        "نيجيريا", "كينيا", "أريتريا", "إريتريا", "جنوب السودان", "الضفة الغربية", "غزة", "قطاع غزة",
    )
)
_NOT_PLACE = frozenset(
    fold(w)
    for w in (
        "قال", "وقال", "أضاف", "وأضاف", "أكد", "وأكد", "تابع", "وتابع", "أوضح", "وأوضح", "المصدر", "المصادر",
        "ملاحظة", "تنويه", "تحديث", "عاجل", "اقرأ", "شاهد", "المزيد", "صورة", "الصورة", "فيديو", "بقلم",
        "كتب", "إعداد", "ترجمة", "المحرر", "الكاتب", "تصوير", "المحور", "السؤال", "الجواب", "سؤال", "جواب",
        "أولا", "ثانيا", "ثالثا", "مثلا", "يذكر", "ويذكر", "ولفت", "لفت", "وأشار", "أشار", "وختم", "إذن",
        "هنا", "هذا", "هذه", "ذلك", "تلك", "ثم", "لكن", "ولكن", "أما", "كما", "إن", "أن", "في", "من", "على",
        "إلى", "عن", "مع", "وفي", "ومن", "نص", "النص", "البيان", "الرسالة", "مصدر", "ملخص", "الخلاصة",
        "وزاد", "زاد", "وواصل", "واصل", "ورأى", "وقالت", "قالت", "وأضافت", "الرقم", "رابعا", "خامسا", "سادسا",
        "متابعات", "تقرير", "حوار", "سبق", "المصدر", "وبين", "وأشارت", "وتابعت", "وأكدت", "ملحوظة",
    )
)

_W = rf"[{_AR}]+"
# a place word is not a preposition ("القاهرة في 4 نوفمبر" -> "القاهرة")
_PW = rf"(?!(?:في|من|الي|علي|عن|منذ)(?![{_AR}])){_W}"
_PLACE = rf"{_PW}(?:\s+{_PW}){{0,2}}"
_PLACES = rf"(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*)"
_PAREN = r"\(\s*(?P<paren>[^()\n]{1,30}?)\s*\)"
_QUOTE = r'"[^"\n]{1,40}"'
_AGENCY_ALT = "|".join(re.escape(a) for a in sorted(_AGENCIES, key=len, reverse=True))
_AGENCY = rf"(?:{_QUOTE}|(?:{_AGENCY_ALT})(?![{_AR}]))"
_DATEBIT = rf"(?:\s*[,،]?\s*(?:في\s+)?(?:\d{{1,2}}\s+{_MONTH_RE}(?:\s*/\s*{_MONTH_RE})?(?:\s+\d{{4}})?|[\d/.-]{{6,10}}))"
_END = r"(?=\s*(?:[-:،,(]|$))"

# agency first: "(د ب أ) - بيروت", "رويترز - بيروت:", "«الخليج» - دبي"
_RX_PAREN_AGENCY_FIRST = re.compile(
    rf"^\s*\((?P<agency>[^()\n]{{1,25}}?)\)\s*-+\s*(?P<places>{_PLACE}{_END}|{_W})(?:\s*{_PAREN})?"
)
_RX_AGENCY_FIRST = re.compile(rf"^\s*(?P<agency>{_AGENCY})\s*-+\s*{_PLACES}(?:\s*{_PAREN})?\s*(?:[-:،,]|$)")
# site/agency first, then place with a parenthesised country: "عين اليوم – بنغازي (ليبيا)"
_RX_SITE_FIRST = re.compile(rf"^\s*(?P<agency>{_PLACE})\s*-+\s*{_PLACES}\s*{_PAREN}\s*(?:[-:،,]|$)")
# reporter, agency, place: "عبدالله البرقاوي- سبق- الرياض:"
_RX_BY_AGENCY_PLACE = re.compile(
    rf"^\s*{_W}(?:\s+{_W}){{0,2}}\s*-+\s*(?P<agency>{_AGENCY})\s*-+\s*{_PLACES}(?:\s*{_PAREN})?\s*(?:[-:،,]|$)"
)
# two plain parts "A - B" (reporter and place in either order): only with an is_place check
_RX_TWO_PARTS = re.compile(rf"^\s*(?P<agency>{_PLACE})\s*-+\s*{_PLACES}\s*(?:[-:،,]|$)")
# place first: "بنغازي (ليبيا) -", "الرياض - واس:", "دبي/ الرياض - رويترز", "بيروت (رويترز) -"
_RX_PLACE_FIRST = re.compile(
    rf"^\s*{_PLACES}{_DATEBIT}?(?:\s*{_PAREN})?\s*(?:-+|:)\s*(?:(?P<agency>{_AGENCY})\s*(?:[-:]|(?=\s)|$))?"
)

_TOP_PARAS, _TOP_DATELINE_CHARS = 10, 3000
_SPLIT_PLACES = re.compile(r"\s*/\s*")


# two-word places without the article "ال" (otherwise such a pair is usually a person's name)
_BARE_PAIRS = frozenset(
    fold(p)
    for p in (
        "أبو ظبي", "أبوظبي", "خان يونس", "بيت لحم", "بيت حانون", "بيت لاهيا", "هونغ كونغ", "كوالا لمبور",
        "نيو دلهي", "سان فرانسيسكو", "لوس أنجليس", "بوينس آيرس", "سان بطرسبرغ", "تل أبيب", "عين عيسى",
        "بئر السبع", "شرم الشيخ", "جنوب أفريقيا", "كوريا الجنوبية", "رأس لانوف", "دار فور",
    )
)


def _is_place(words: str) -> bool:
    ws = words.split()
    if not ws or ws[0] in _NOT_PLACE or " ".join(ws) in _AGENCIES:
        return False
    if any(w in MONTHS or w in _WEEKDAYS for w in ws):
        return False
    if len(ws) >= 2 and not any(w.startswith("ال") for w in ws) and " ".join(ws) not in _BARE_PAIRS:
        return " ".join(ws) in _COUNTRIES  # "نايف عبدالله" is a reporter, not a place
    return True


def _classify_paren(p: str) -> str:
    p = " ".join(p.split())
    if p in _COUNTRIES:
        return "country"
    if p in _AGENCIES or any(a in p.split() for a in _AGENCIES) or p.startswith('"'):
        return "agency"
    return "country"  # a region in parentheses: "(الضفة الغربية)"


def _match_dateline(norm: str, is_place: Callable[[str], bool] | None = None) -> tuple[re.Match[str], str] | None:
    forms: list[tuple[re.Pattern[str], str]] = [
        (_RX_PAREN_AGENCY_FIRST, "agency_first"),
        (_RX_BY_AGENCY_PLACE, "agency_first"),
        (_RX_AGENCY_FIRST, "agency_first"),
        (_RX_SITE_FIRST, "site_first"),
    ]
    if is_place is not None:
        forms.append((_RX_TWO_PARTS, "two_parts"))
    forms.append((_RX_PLACE_FIRST, "place_first"))
    for rx, kind in forms:
        m = rx.match(norm)
        if m is None:
            continue
        places = m.group("places")
        if not all(_is_place(p) for p in _SPLIT_PLACES.split(places)):
            continue
        if is_place is not None and not is_place(_SPLIT_PLACES.split(places)[0]):
            continue
        if kind == "place_first" and not (m.group("agency") or m.groupdict().get("paren")) and re.match(
            rf"^\s*{_PLACES}\s*:", norm
        ):
            continue  # "الأحمدي: ..." is a quote, not a dateline; "بغداد - ..." needs a dash
        if kind == "site_first" and (
            _classify_paren(m.group("paren")) != "country" or not _is_place(m.group("agency"))
        ):
            continue
        if kind == "place_first" and len(places.split()) > 3 and "/" not in places:
            continue
        return m, kind
    return None


def parse_dateline(
    text: str, start: int = 0, is_place: Callable[[str], bool] | None = None
) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs from ``start`` on.

    ``is_place`` (optional, e.g. a gazetteer lookup on the normalised name) rejects
    candidates that are not places and enables the ambiguous "A - B" form
    (``حاتم النجيمي – الخرمة``), where B is taken as the place when it is one.
    """
    for i, (ls, le) in enumerate(_lines(text, start)):
        if i >= _TOP_PARAS or ls - start >= _TOP_DATELINE_CHARS:
            break
        raw = text[ls:min(le, ls + 300)]  # a dateline is short: no need to normalise the paragraph
        # a lone tatweel used as a dash ("لندن ـ «القدس العربي»") would vanish in normalisation
        raw = re.sub(r"(?<=\s)\u0640+(?=\s)", lambda m: "-" * len(m.group()), raw)
        norm, index = _normalize(raw)
        found = _match_dateline(norm, is_place)
        if found is None:
            continue
        m, _kind = found

        def span(ns: int, ne: int, ls: int = ls, index: list[int] = index) -> Span:
            s, e = _orig(index, ls, ns, ne)
            return Span(s, e, text[s:e])

        places: list[Span] = []
        pos = m.start("places")
        for part in _SPLIT_PLACES.split(m.group("places")):
            ps = norm.index(part, pos)
            places.append(span(ps, ps + len(part)))
            pos = ps + len(part)
        country = agency = None
        if m.group("agency"):
            agency = span(m.start("agency"), m.end("agency"))
        if m.groupdict().get("paren"):
            p = span(m.start("paren"), m.end("paren"))
            if _classify_paren(m.group("paren")) == "country":
                country = p
            elif agency is None:
                agency = p
        end = m.end()
        while end > 0 and norm[end - 1].isspace():
            end -= 1
        return Dateline(
            place=places[0],
            span=span(0, end),
            places=tuple(places),
            country=country,
            agency=agency,
        )
    return None


def find_dateline(text: str, start: int = 0, is_place: Callable[[str], bool] | None = None) -> Span | None:
    """The place of the dateline (``بنغازي`` in ``بنغازي (ليبيا) -``), or None."""
    d = parse_dateline(text, start, is_place)
    return d.place if d else None
