"""Find Arabic time expressions in a document and resolve them to date intervals.

``find_times(doc, published)`` runs the pattern families of :mod:`rasid.time.patterns` over
``doc.norm``, resolves each match against the publication date, keeps the longest of
overlapping matches, joins a weekday to the date that follows it (``الأحد 25 مايو``) and
``منذ`` to what follows it (``منذ عام 2019`` → since), and maps spans back to the original text.

Resolution rules (see also :mod:`rasid.time.calendar` for weeks and sub-intervals):

* weekday alone → the most recent such day on or before publication (``اليوم الجمعة`` in an
  article dated Saturday is the Friday before); with الماضي strictly before, with المقبل
  strictly after.
* month name without a year → the most recent such month up to the publication month; with
  الماضي strictly before that month, with المقبل strictly after, with الجاري the current year.
  Yearless day dates (``26 مايو``) likewise by day. These carry ``tense_hint='assumed_past'``;
  ``prefer_future=True`` (or :func:`as_future`) resolves them forward instead.
* ``قبل N وحدة`` → the point N units back (a day, the week around it, the month or year it falls
  in); ``منذ N وحدة`` and ``خلال الأيام الماضية`` → the interval from N units back to publication.
  Plural units without a number (``منذ سنوات``) use 2 to a default count (days 7, weeks 4,
  months 6, years 5, decades 3); ``بضعة``/``عدة`` use 3 to 9.
* ``منذ X`` → from the start of X to publication (kind ``since``); without a publication date
  the end is None.
* Without a publication date every relative expression has start = end = None and precision
  ``unknown``; absolute ones still resolve.

tense_hint: ``past`` / ``future`` / ``present`` when the words say so, ``assumed_past`` (or
``assumed_future``) when the default rule chose, None for absolute dates.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from rasid.model import Article, Document, TimeExpr
from rasid.time.calendar import (
    Interval,
    add_months,
    clamp_day,
    hijri_date,
    hijri_month_interval,
    hijri_today,
    hijri_year_interval,
    month_interval,
    shift,
    sub_interval,
    week_interval,
    year_interval,
)
from rasid.time.patterns import HIJRI_ERAS, Patterns, get_patterns

__all__ = ["find_times", "resolve_text", "as_future", "TIME_PRECISIONS", "TIME_KINDS"]

TIME_PRECISIONS = ("day", "week", "month", "quarter", "year", "decade", "unknown")
TIME_KINDS = ("absolute", "relative", "weekday", "duration", "since")

# (start, end, precision, kind, tense_hint)
Res = tuple[dt.date | None, dt.date | None, str, str, str | None]

_VAGUE_DEFAULT = {"hour": 24, "day": 7, "week": 4, "month": 6, "year": 5, "decade": 3}
_UNIT_PRECISION = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year",
                   "decade": "decade"}
_WS = re.compile(r"\s+")


@dataclass(slots=True)
class _Ctx:
    pub: dt.date | None
    future: bool
    norm: str
    pat: Patterns


def _key(s: str) -> str:
    return _WS.sub(" ", s)


def _val(table: dict, s: str | None):  # type: ignore[no-untyped-def]
    if s is None:
        return None
    k = _key(s)
    v = table.get(k)
    if v is None and k.startswith("لل"):
        v = table.get("ال" + k[2:])
    return v


def _unknown(kind: str, tense: str | None) -> Res:
    return None, None, "unknown", kind, tense


def _is_strict(ctx: _Ctx, kind: str, form: str | None) -> bool:
    return form is not None and (kind, _key(form)) in ctx.pat.lex.strict


# ---------------------------------------------------------------- year helpers

def _rel_year(m: re.Match[str], ctx: _Ctx) -> tuple[int | None, str | None, bool]:
    """Year given after a month/day: (year, tense, needs_pub). year None = absent or unresolvable."""
    if m.group("ryt"):
        return (ctx.pub.year if ctx.pub else None), "present", True
    r = m.group("ryr")
    if r:
        d = _val(ctx.pat.rel, r)
        off = {"past": -1, "future": 1}.get(d or "", 0)
        tense = {"past": "past", "future": "future"}.get(d or "", "present")
        return (ctx.pub.year + off if ctx.pub else None), tense, True
    return None, None, False


def _apply_mod(iv: Interval, base: str, prec: str, mod: str | None, ctx: _Ctx) -> tuple[Interval, str] | None:
    if not mod:
        return iv, prec
    code = _val(ctx.pat.mod, mod)
    if code is None:
        return iv, prec
    return sub_interval(iv, base, code)


def _tense_of(rel: str | None, ctx: _Ctx) -> str | None:
    d = _val(ctx.pat.rel, rel)
    return {"past": "past", "future": "future", "current": "present"}.get(d or "")


# ---------------------------------------------------------------- handlers

def _h_numeric(m: re.Match[str], ctx: _Ctx) -> Res | None:
    if m.group("y"):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        if mo > 12 >= d:  # month/day/year order
            mo, d = d, mo
    era = m.group("era")
    if (era in HIJRI_ERAS) or (era is None and 1343 <= y <= 1500):
        if not (1 <= mo <= 12 and 1 <= d <= 30):
            return None
        day = hijri_date(y, mo, d)
    else:
        if y < 1000:
            return None
        day = dt.date(y, mo, d)
    return day, day, "day", "absolute", None


def _yearless(month: int, day: int, rel: str | None, ctx: _Ctx) -> Res:
    """A day date without a year, resolved around publication."""
    d = _val(ctx.pat.rel, rel)
    if ctx.pub is None:
        return _unknown("relative", _tense_of(rel, ctx) or "assumed_past")
    pub = ctx.pub
    if d == "current":
        dd = clamp_day(pub.year, month, day)
        return dd, dd, "day", "relative", "present"
    fut = d == "future" or (d is None and ctx.future)
    cand = clamp_day(pub.year, month, day)
    if fut:
        if cand < pub or (d == "future" and cand == pub):
            cand = clamp_day(pub.year + 1, month, day)
    elif cand > pub or (d == "past" and cand == pub):
        cand = clamp_day(pub.year - 1, month, day)
    tense = _tense_of(rel, ctx) or ("assumed_future" if fut else "assumed_past")
    return cand, cand, "day", "relative", tense


def _h_daymonth(m: re.Match[str], ctx: _Ctx) -> Res | None:
    day = int(m.group("dnum")) if m.group("dnum") else _val(ctx.pat.ordinal, m.group("dord"))
    month = _val(ctx.pat.month, m.group("mon"))
    if not day or not month or not 1 <= day <= _cal.monthrange(2000, month)[1]:
        return None  # 31 June is not a date (29 February is, in some years)
    if m.group("y"):
        y = int(m.group("y"))
        if m.group("era") in HIJRI_ERAS or y < 1000:
            return None
        d = dt.date(y, month, day)
        return d, d, "day", "absolute", None
    y2, tense, needs = _rel_year(m, ctx)
    if needs:
        if y2 is None:
            return _unknown("relative", tense)
        d = dt.date(y2, month, day)
        return d, d, "day", "relative", tense
    return _yearless(month, day, m.group("rel"), ctx)


def _h_dayperiod(m: re.Match[str], ctx: _Ctx) -> Res | None:
    """A day of this, last or next month ("العاشر من الشهر الحالي", "الخامس من الشهر الماضي")."""
    day = int(m.group("dnum")) if m.group("dnum") else _val(ctx.pat.ordinal, m.group("dord"))
    d = "current" if m.group("this") else _val(ctx.pat.rel, m.group("rel"))
    if not day or d is None:
        return None
    tense = {"past": "past", "future": "future"}.get(d, "present")
    if ctx.pub is None:
        return _unknown("relative", tense)
    y, mo = add_months(ctx.pub.year, ctx.pub.month, {"past": -1, "future": 1}.get(d, 0))
    if not 1 <= day <= _cal.monthrange(y, mo)[1]:
        return None
    when = dt.date(y, mo, day)
    return when, when, "day", "relative", tense


def _hijri_year_for(y: int, era: str | None, hmonth: int) -> int | None:
    """The Hijri year meant by ``y`` next to a Hijri month: a Hijri year, or the Gregorian year in
    which that month begins (``رمضان 2015``)."""
    if era in HIJRI_ERAS or y <= 1500:
        return y
    for hy in range(int((y - 622) * 33 / 32) - 1, int((y - 622) * 33 / 32) + 3):
        try:
            if hijri_month_interval(hy, hmonth)[0].year == y:
                return hy
        except (ValueError, OverflowError):
            continue
    return None


def _hijri_rel_year(hmonth: int, rel: str | None, ctx: _Ctx, day: int = 1) -> tuple[int, str] | None:
    if ctx.pub is None:
        return None
    hy, hm, hd = hijri_today(ctx.pub)
    d = _val(ctx.pat.rel, rel)
    cur = (hmonth, day) if day else (hmonth, 1)
    now = (hm, hd) if day else (hm, 1)
    if d == "current":
        return hy, "present"
    fut = d == "future" or (d is None and ctx.future)
    if fut:
        y = hy if (cur > now or (d is None and cur == now)) else hy + 1
        return y, _tense_of(rel, ctx) or "assumed_future"
    y = hy if (cur < now or (d is None and cur == now)) else hy - 1
    return y, _tense_of(rel, ctx) or "assumed_past"


def _h_hdaymonth(m: re.Match[str], ctx: _Ctx) -> Res | None:
    day = int(m.group("dnum")) if m.group("dnum") else _val(ctx.pat.ordinal, m.group("dord"))
    hmonth = _val(ctx.pat.hmonth, m.group("hmon"))
    if not day or not hmonth or not 1 <= day <= 30:
        return None
    if m.group("y"):
        hy = _hijri_year_for(int(m.group("y")), m.group("era"), hmonth)
        if hy is None:
            return None
        d = hijri_date(hy, hmonth, day)
        return d, d, "day", "absolute", None
    r = _hijri_rel_year(hmonth, m.group("rel"), ctx, day)
    if r is None:
        return _unknown("relative", _tense_of(m.group("rel"), ctx) or "assumed_past")
    d = hijri_date(r[0], hmonth, day)
    return d, d, "day", "relative", r[1]


def _h_month(m: re.Match[str], ctx: _Ctx) -> Res | None:
    month = _val(ctx.pat.month, m.group("mon"))
    if not month:
        return None
    rel = m.group("rel")
    if _is_strict(ctx, "month", m.group("mon")) and not (
        m.group("shahr") or m.group("y") or m.group("ryt") or m.group("ryr") or rel or m.group("mon2")
        or m.group("mod")
    ):
        return None
    kind = "absolute"
    tense: str | None = None
    if m.group("y"):
        y = int(m.group("y"))
        if m.group("era") in HIJRI_ERAS or y < 1000:
            return None
    else:
        y2, tense, needs = _rel_year(m, ctx)
        kind = "relative"
        if needs:
            if y2 is None:
                return _unknown(kind, tense)
            y = y2
        else:
            d = _val(ctx.pat.rel, rel)
            if ctx.pub is None:
                return _unknown(kind, _tense_of(rel, ctx) or "assumed_past")
            pub = ctx.pub
            if d == "current":
                y, tense = pub.year, "present"
            elif d == "future" or (d is None and ctx.future):
                strict = d == "future"
                y = pub.year if (month > pub.month or (not strict and month == pub.month)) else pub.year + 1
                tense = "future" if strict else "assumed_future"
            else:
                strict = d == "past"
                y = pub.year if (month < pub.month or (not strict and month == pub.month)) else pub.year - 1
                tense = "past" if strict else "assumed_past"
    r = _apply_mod(month_interval(y, month), "month", "month", m.group("mod"), ctx)
    if r is None:
        return None
    (s, e), prec = r
    return s, e, prec, kind, tense


def _h_hmonth(m: re.Match[str], ctx: _Ctx) -> Res | None:
    hmonth = _val(ctx.pat.hmonth, m.group("hmon"))
    if not hmonth:
        return None
    rel = m.group("rel")
    if _is_strict(ctx, "hmonth", m.group("hmon")) and not (
        m.group("shahr") or m.group("y") or rel or m.group("bless") or m.group("mod")
    ):
        return None
    if m.group("y"):
        hy = _hijri_year_for(int(m.group("y")), m.group("era"), hmonth)
        if hy is None:
            return None
        kind, tense = "absolute", None
    else:
        r = _hijri_rel_year(hmonth, rel, ctx, 0)
        if r is None:
            return _unknown("relative", _tense_of(rel, ctx) or "assumed_past")
        hy, tense = r
        kind = "relative"
    r2 = _apply_mod(hijri_month_interval(hy, hmonth), "hmonth", "month", m.group("mod"), ctx)
    if r2 is None:
        return None
    (s, e), prec = r2
    return s, e, prec, kind, tense


def _h_yearrange(m: re.Match[str], ctx: _Ctx) -> Res | None:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if m.group("era") in HIJRI_ERAS:
        s, e = hijri_year_interval(min(y1, y2))[0], hijri_year_interval(max(y1, y2))[1]
    else:
        if not (1000 <= y1 <= 2200 and 1000 <= y2 <= 2200):
            return None
        s, e = dt.date(min(y1, y2), 1, 1), dt.date(max(y1, y2), 12, 31)
    return s, e, "year", "absolute", None


def _year_res(y: int, era: str | None, mod: str | None, ctx: _Ctx) -> Res | None:
    if era in HIJRI_ERAS:
        iv, base = hijri_year_interval(y), "hyear"
    else:
        if not 1000 <= y <= 2200:
            return None
        iv, base = year_interval(y), "year"
    r = _apply_mod(iv, base, "year", mod, ctx)
    if r is None:
        return None
    (s, e), prec = r
    return s, e, prec, "absolute", None


def _h_year(m: re.Match[str], ctx: _Ctx) -> Res | None:
    if m.group("y"):
        return _year_res(int(m.group("y")), m.group("era"), m.group("mod"), ctx)
    return _year_res(int(m.group("yb")), m.group("era2"), m.group("mod"), ctx)


def _h_yearctx(m: re.Match[str], ctx: _Ctx) -> Res | None:
    xs = m.start("x")
    if not (m.group("mod") or ctx.pat.year_pre.search(ctx.norm, max(0, xs - 8), xs)):
        return None
    return _year_res(int(m.group("y")), None, m.group("mod"), ctx)


def _period_interval(unit: str, offset: int, pub: dt.date) -> tuple[Interval, str] | None:
    if unit == "week":
        s, _ = week_interval(pub)
        s = shift(s, 7 * offset)
        return (s, shift(s, 6)), "week"
    if unit == "month":
        y, mo = add_months(pub.year, pub.month, offset)
        return month_interval(y, mo), "month"
    if unit == "year":
        return year_interval(pub.year + offset), "year"
    if unit == "decade":
        if offset == 0:
            d0 = pub.year - pub.year % 10
            return (dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31)), "decade"
        if offset < 0:
            return (dt.date(pub.year - 10, 1, 1), dt.date(pub.year - 1, 12, 31)), "decade"
        return (dt.date(pub.year + 1, 1, 1), dt.date(pub.year + 10, 12, 31)), "decade"
    return None


def _h_period(m: re.Match[str], ctx: _Ctx) -> Res | None:
    unit = _val(ctx.pat.period, m.group("p1") or m.group("p2"))
    rel = m.group("rel")
    if not unit or not (m.group("this") or rel or m.group("mod")):
        return None
    d = _val(ctx.pat.rel, rel) or "current"
    tense = {"past": "past", "future": "future"}.get(d, "present")
    if ctx.pub is None:
        return _unknown("relative", tense)
    r = _period_interval(unit, {"past": -1, "future": 1}.get(d, 0), ctx.pub)
    if r is None:
        return None
    iv, prec = r
    base = "year" if unit == "year" else unit
    r2 = _apply_mod(iv, base, prec, m.group("mod"), ctx)
    if r2 is None:
        return None
    (s, e), prec = r2
    return s, e, prec, "relative", tense


def _weekday_near(pub: dt.date, wd: int, mode: str) -> dt.date:
    """mode: le (on or before), lt (strictly before), ge (on or after), gt (strictly after)."""
    back = (pub.weekday() - wd) % 7
    if mode == "le":
        return shift(pub, -back)
    if mode == "lt":
        return shift(pub, -(back or 7))
    fwd = (wd - pub.weekday()) % 7
    if mode == "ge":
        return shift(pub, fwd)
    return shift(pub, fwd or 7)


def _h_relday(m: re.Match[str], ctx: _Ctx) -> Res | None:
    rd = _key(m.group("rd"))
    off = ctx.pat.relday.get(rd)
    if off is None:
        return None
    n = ctx.norm
    xs, xe = m.span("x")
    wd_form = m.group("wd") or m.group("wd2")
    if rd in ("اليوم", "يوم اليوم") and not wd_form and not m.group("dp"):
        before = n[max(0, xs - 6):xs]
        after = n[xe:xe + 8]
        # ذلك اليوم "that day", في اليوم "per day", اليوم الوطني "the national day"
        if re.search(r"(?:ذلك|نفس|ذات|لذلك|تلك|في)\s+$", before) or re.match(r"\s+(?:ال|نفسه|التالي)", after):
            return None
    if rd in ("الغد", "غد") and not m.group("dp") and "يوم" not in m.group("x") and not wd_form:
        if not re.search(r"(?:في|الي|حتي)\s+$", n[max(0, xs - 5):xs]):
            return None
    tense = "past" if off < 0 else ("future" if off > 0 else "present")
    if ctx.pub is None:
        return _unknown("relative", tense)
    wd = _val(ctx.pat.weekday, wd_form)
    if wd is not None:
        mode = "lt" if off < 0 else ("gt" if off > 0 else "le")
        d = _weekday_near(ctx.pub, wd, mode)
        return d, d, "day", "weekday", tense
    d = shift(ctx.pub, off)
    return d, d, "day", "relative", tense


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> Res | None:
    wd = _val(ctx.pat.weekday, m.group("wd"))
    if wd is None:
        return None
    n = ctx.norm
    xs, xe = m.span("x")
    if wd == 0 and not (m.group("yawm") or m.group("dp") or m.group("rel")):
        # الاثنين is also "the two"
        if re.search(r"(?:بين|كلا|من|ان|لان|هؤلاء|هذين)\s+$", n[max(0, xs - 7):xs]) or re.match(
                r"\s+(?:معا|كليهما|الاخرين|منهما|منهم)", n[xe:xe + 10]):
            return None
    d = _val(ctx.pat.rel, m.group("rel"))
    if ctx.pub is None:
        return _unknown("weekday", _tense_of(m.group("rel"), ctx) or "assumed_past")
    if d == "past":
        mode, tense = "lt", "past"
    elif d == "future":
        mode, tense = "gt", "future"
    elif ctx.future:
        mode, tense = "ge", "assumed_future"
    else:
        mode, tense = "le", "assumed_past"
    day = _weekday_near(ctx.pub, wd, mode)
    return day, day, "day", "weekday", tense


def _back(pub: dt.date, unit: str, n: int) -> dt.date:
    """The day ``n`` units before ``pub`` (clamped to representable dates)."""
    if unit == "hour":
        return shift(pub, -((n + 23) // 24))
    if unit == "day":
        return shift(pub, -n)
    if unit == "week":
        return shift(pub, -7 * n)
    months = n if unit == "month" else 12 * n if unit == "year" else 120 * n
    y, mo = add_months(pub.year, pub.month, -months)
    if y < 1:
        return dt.date(1, 1, 1)
    return clamp_day(y, mo, pub.day)


def _fwd(pub: dt.date, unit: str, n: int) -> dt.date:
    if unit in ("hour", "day", "week"):
        return shift(pub, max(1, (n + 23) // 24) if unit == "hour" else n * (7 if unit == "week" else 1))
    months = n if unit == "month" else 12 * n if unit == "year" else 120 * n
    y, mo = add_months(pub.year, pub.month, months)
    if y > 9999:
        return dt.date(9999, 12, 31)
    return clamp_day(y, mo, pub.day)


def _point_back(pub: dt.date, unit: str, n: int) -> Interval:
    """The interval meant by ``قبل n unit``: a day, the week around it, its month or year."""
    a = _back(pub, unit, n)
    if unit == "hour":
        return a, pub
    if unit == "day":
        return a, a
    if unit == "week":
        return shift(a, -3), min(pub, shift(a, 3))
    if unit == "month":
        return month_interval(a.year, a.month)
    if unit == "year":
        return year_interval(a.year)
    return dt.date(max(1, a.year - 5), 1, 1), dt.date(min(pub.year, a.year + 4), 12, 31)


def _count(m: re.Match[str], ctx: _Ctx, ucount: int) -> tuple[int, int] | None:
    """(low, high) count of units; None when not a count."""
    raw = m.group("num") or m.group("num2")
    if raw:
        if raw.isdigit():
            c = int(raw)
            return (c, c) if 0 < c < 10000 else None
        v = _val(ctx.pat.number, raw)
        if v is None:
            return None
        if v == "few":
            return 3, 9
        return int(v), int(v)
    if ucount:
        return ucount, ucount
    return None


def _h_duration(m: re.Match[str], ctx: _Ctx, vague: bool = False) -> Res | None:
    u = _val(ctx.pat.unit, m.group("unit"))
    if u is None:
        return None
    unit, ucount = u
    cnt = _count(m, ctx, ucount)
    pre = "" if vague else _key(m.group("pre"))
    tail = m.group("tail")
    td = _val(ctx.pat.rel, tail) if tail else None
    if tail and td is None:
        td = "past"  # الأخيرة
    bare_single = ucount == 1 and not (m.group("num") or m.group("num2"))
    if bare_single and ctx.norm.startswith("ال", m.start("unit") - 2):
        return None  # خلال الشهر الجاري / منذ الأسبوع الماضي: a period (since), not a count
    if td == "current":
        return None
    if cnt is None:
        if m.group("num") or m.group("num2"):
            return None
        cnt = (2, _VAGUE_DEFAULT[unit])
    if vague and bare_single:
        return None  # العام الماضي is a period, not a duration
    if pre in ("خلال", "طوال", "طيله", "علي مدي", "علي مدار", "علي امتداد") and td is None:
        return None  # "within N days": anchored to an event, not to publication
    future = td == "future"
    tense = "future" if future else "past"
    if ctx.pub is None:
        return _unknown("duration", tense)
    pub = ctx.pub
    prec = _UNIT_PRECISION[unit]
    lo, hi = cnt
    if future:
        return shift(pub, 1), _fwd(pub, unit, hi), prec, "duration", tense
    if pre == "قبل":
        s = _point_back(pub, unit, hi)[0]
        e = _point_back(pub, unit, lo)[1]
        return s, min(e, pub), prec, "duration", tense
    return _back(pub, unit, hi), pub, prec, "duration", tense


def _h_vague(m: re.Match[str], ctx: _Ctx) -> Res | None:
    return _h_duration(m, ctx, vague=True)


def _h_decade(m: re.Match[str], ctx: _Ctx) -> Res | None:
    d0 = _val(ctx.pat.decade, m.group("dec"))
    if d0 is None:
        return None
    r = _apply_mod((dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31)), "decade", "decade", m.group("mod"), ctx)
    if r is None:
        return None
    (s, e), prec = r
    return s, e, prec, "absolute", None


def _h_century(m: re.Match[str], ctx: _Ctx) -> Res | None:
    c = _key(m.group("cent"))
    fixed = {"العشرين": 20, "الحادي والعشرين": 21, "التاسع عشر": 19}
    if c in fixed:
        n, kind, tense = fixed[c], "absolute", None
    else:
        if ctx.pub is None:
            return _unknown("relative", "past")
        cur = (ctx.pub.year - 1) // 100 + 1
        if c in ("الحالي", "الجاري"):
            n, kind, tense = cur, "relative", "present"
        else:
            n, kind, tense = cur - 1, "relative", "past"
    s, e = dt.date(100 * (n - 1) + 1, 1, 1), dt.date(100 * n, 12, 31)
    mod = m.group("mod")
    if mod:
        code = _val(ctx.pat.mod, mod)
        part = {"start": (0, 19), "mid": (35, 64), "end": (80, 99), "h1": (0, 49), "h2": (50, 99)}.get(code or "")
        if part is None:
            return None
        s, e = dt.date(s.year + part[0], 1, 1), dt.date(s.year + part[1], 12, 31)
    return s, e, "decade", kind, tense


_HANDLERS: dict[str, Callable[[re.Match[str], _Ctx], Res | None]] = {
    "numeric": _h_numeric, "daymonth": _h_daymonth, "dayperiod": _h_dayperiod, "hdaymonth": _h_hdaymonth, "month": _h_month,
    "hmonth": _h_hmonth, "yearrange": _h_yearrange, "year": _h_year, "yearctx": _h_yearctx,
    "period": _h_period, "relday": _h_relday, "weekday": _h_weekday, "duration": _h_duration,
    "vague": _h_vague, "decade": _h_decade, "century": _h_century,
}


# ---------------------------------------------------------------- driver

@dataclass(slots=True)
class _Cand:
    ns: int
    ne: int
    prio: int
    res: Res


_WORD = re.compile(r"[^\W_]+")
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


_Entry = tuple[tuple[int, ...], "re.Pattern[str] | None"]
_FAM_CACHE: dict[str, _Entry] = {}
_NONE: _Entry = ((), None)


def _families_at(word: str, pat: Patterns) -> _Entry:
    """Families that may open at a word (looking through proclitics), and the check that must
    hold after a frequent word; memoised per word (the patterns are a process-wide singleton)."""
    r = _FAM_CACHE.get(word)
    if r is None:
        fams = _families_uncached(word, pat.triggers)
        r = (fams, pat.weak.get(word) or pat.weak.get(word[1:])) if fams else _NONE
        if len(_FAM_CACHE) > 200_000:
            _FAM_CACHE.clear()
        _FAM_CACHE[word] = r
    return r


def _families_uncached(word: str, trig: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    found: set[int] = set()
    variants = [word]
    for c in _CLITICS:
        if word.startswith(c) and len(word) > len(c):
            variants.append(word[len(c):])
    for v in variants:
        if v[0].isdigit():
            v = "#"
        elif v.startswith("ال") and v[2:3].isdigit():
            v = "ال#"
        fams = trig.get(v)
        if fams:
            found.update(fams)
    return tuple(sorted(found))


def _candidates(ctx: _Ctx) -> list[_Cand]:
    out: list[_Cand] = []
    pat = ctx.pat
    norm = ctx.norm
    cache = _FAM_CACHE
    for w in _WORD.finditer(norm):
        entry = cache.get(w.group()) or _families_at(w.group(), pat)
        fams = entry[0]
        if not fams:
            continue
        if entry[1] is not None and entry[1].match(norm, w.end()) is None:
            continue
        pos = w.start()
        for fi in fams:
            name, prio, rx = pat.families[fi]
            m = rx.match(norm, pos)
            if m is None:
                continue
            try:
                res = _HANDLERS[name](m, ctx)
            except (ValueError, OverflowError, KeyError, TypeError, IndexError):
                res = None
            if res is None:
                continue
            s, e = res[0], res[1]
            if s is not None and e is not None and s > e:
                res = (e, s, *res[2:])
            ns, ne = m.span("x")
            if ne > ns:
                out.append(_Cand(ns, ne, prio, res))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, then lower priority number, then leftmost."""
    cands.sort(key=lambda c: (-(c.ne - c.ns), c.prio, c.ns))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.ne <= t.ns or c.ns >= t.ne for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.ns)
    return taken


# the first day of a range whose month is written once ("بين 10 و12 يوليو"، "من 3 الى 5 مارس")
_FIRST_DAY = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:و|الي|حتي|-)\s*$")


def _merge(sel: list[_Cand], ctx: _Ctx) -> list[_Cand]:
    """Join weekday + following date, and منذ + expression (kind since)."""
    out: list[_Cand] = []
    for c in sel:
        prev = out[-1] if out else None
        if (prev is not None and prev.res[3] == "weekday" and c.res[2] == "day" and c.res[3] in ("absolute", "relative")
                and ctx.pat.link.fullmatch(ctx.norm, prev.ne, c.ns)):
            ne = c.ne
            if "(" in ctx.norm[prev.ne:c.ns]:  # الأحد (25 مايو): take the closing parenthesis in
                close = re.match(r"\s*\)", ctx.norm[ne:ne + 3])
                ne += close.end() if close else 0
            out[-1] = _Cand(prev.ns, ne, min(prev.prio, c.prio), c.res)
            continue
        if (prev is not None and c.res[2] == "month" and prev.res[2] in ("day", "month") and prev.res[0] is not None
                and c.res[0] is not None and c.res[0].month == prev.res[0].month
                and re.fullmatch(r"[\s(/،,-]*", ctx.norm[prev.ne:c.ns])):
            # "19 يوليو تموز"، "يوليو (تموز) 2015": the same month in a second naming system
            ne = c.ne
            close = re.match(r"\s*\)", ctx.norm[ne:ne + 3])
            ne += close.end() if close and "(" in ctx.norm[prev.ne:c.ns] else 0
            res = prev.res
            if prev.res[4] == "assumed_past" and c.res[3] == "absolute" and prev.res[0].year != c.res[0].year:
                # "سبتمبر أيلول 2012": the year written after the second name is the first one's too
                y = c.res[0].year
                res = c.res if prev.res[2] == "month" else (
                    prev.res[0].replace(year=y), prev.res[1].replace(year=y) if prev.res[1] else None,
                    prev.res[2], "absolute", None)
            out[-1] = _Cand(prev.ns, ne, min(prev.prio, c.prio), res)
            continue
        if (prev is not None and prev.res[2] == "day" and c.res[2] == "day" and prev.res[0] is not None
                and c.res[0] is not None and prev.res[3] == "weekday" and c.res[3] == "weekday"
                and "ليل" in ctx.norm[prev.ns:prev.ns + 6]
                and re.fullmatch(r"\s*(?:[-/–]|[اإ]ل[ىي])?\s*", ctx.norm[prev.ne:c.ns])
                and (c.res[0] - prev.res[0]).days in (1, -6)):
            # "ليلة الجمعة - السبت"، "ليل الثلاثاء الأربعاء": one night across two days
            end = prev.res[0] + dt.timedelta(days=1)
            out[-1] = _Cand(prev.ns, c.ne, min(prev.prio, c.prio), (prev.res[0], end, "day", "weekday", prev.res[4]))
            continue
        if (prev is not None and prev.res[2] == "day" and c.res[2] == "day" and prev.res[0] is not None
                and c.res[0] is not None and prev.res[3] in ("weekday", "relative", "absolute")
                and re.fullmatch(r"\s*و\s*", ctx.norm[prev.ne:c.ns])
                and 0 < (c.res[0] - prev.res[0]).days <= 7):
            # "الأربعاء والخميس"، "يومي السبت والأحد": one span from the first day to the second
            out[-1] = _Cand(prev.ns, c.ne, min(prev.prio, c.prio),
                            (prev.res[0], c.res[1] or c.res[0], "day", prev.res[3], prev.res[4]))
            continue
        if c.res[2] == "day" and c.res[3] in ("absolute", "relative") and c.res[0] is not None \
                and (m := _FIRST_DAY.search(ctx.norm, max(0, c.ns - 16), c.ns)) is not None \
                and 0 < int(m.group(1)) < c.res[0].day and (prev is None or prev.ne <= m.start()):
            # "بين 10 و12 يوليو"، "من 3 إلى 5 مارس": the first day shares the month written once
            first = c.res[0].replace(day=int(m.group(1)))
            out.append(_Cand(m.start(1), c.ne, c.prio, (first, c.res[1] or c.res[0], "day", c.res[3], c.res[4])))
            continue
        out.append(c)
    for i, c in enumerate(out):
        if c.res[3] in ("duration", "since"):
            continue
        lo = out[i - 1].ne if i else 0
        m = ctx.pat.since.search(ctx.norm, max(lo, c.ns - 24), c.ns)
        if m is None:
            continue
        s, e, prec, _kind, _tense = c.res
        if s is None:
            res: Res = (None, None, "unknown", "since", "past")
        else:
            end = ctx.pub if ctx.pub is not None and ctx.pub >= s else (e if ctx.pub is not None else None)
            res = (s, end, prec, "since", "past")
        ns = m.start()
        if ctx.norm[ns] in "وف" and not ctx.norm.startswith("منذ", ns):
            ns += 1
        out[i] = _Cand(ns, c.ne, c.prio, res)
    return out


def _extend_marks(text: str, e: int) -> int:
    """Take in tatweel and combining marks that follow the span (``هـ``, ``غداً``)."""
    while e < len(text) and (text[e] == "\u0640" or unicodedata.category(text[e]) == "Mn"):
        e += 1
    return e


def find_times(doc: Document, published: dt.date | None = None, *, prefer_future: bool = False) -> list[TimeExpr]:
    """All time expressions of ``doc``, resolved against ``published``; sorted, non-overlapping.

    ``published`` is used as given (pass ``doc.article.published`` for the article's own date);
    None leaves relative expressions unresolved. ``prefer_future`` resolves
    underspecified expressions (bare weekday, month or yearless date) forward, for a caller that
    knows the clause is in the future tense.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    ctx = _Ctx(pub=published, future=prefer_future, norm=doc.norm, pat=get_patterns())
    try:
        sel = _merge(_select(_candidates(ctx)), ctx)
    except Exception:  # noqa: BLE001 - the time layer must never break the pipeline
        return []
    out: list[TimeExpr] = []
    for c in sel:
        s, e = doc.orig(c.ns, c.ne)
        e = _extend_marks(doc.text, e)
        start, end, prec, kind, tense = c.res
        if start is None and end is None:
            prec = "unknown"
        out.append(TimeExpr(start_char=s, end_char=e, text=doc.text[s:e], start=start, end=end,
                            precision=prec, kind=kind, tense_hint=tense))
    return out


def resolve_text(text: str, published: dt.date | None = None, *, prefer_future: bool = False) -> list[TimeExpr]:
    """Convenience: build the Document for ``text`` and run :func:`find_times`."""
    from rasid.text.segment import build_document

    doc = build_document(Article(text=text, published=published))
    return find_times(doc, published, prefer_future=prefer_future)


def as_future(te: TimeExpr, published: dt.date | None) -> TimeExpr:
    """Re-resolve an expression whose tense was assumed (bare weekday/month/date) as future."""
    if te.tense_hint not in ("assumed_past",) or published is None:
        return te
    alt = resolve_text(te.text, published, prefer_future=True)
    if len(alt) != 1:
        return te
    a = alt[0]
    return TimeExpr(start_char=te.start_char, end_char=te.end_char, text=te.text, start=a.start, end=a.end,
                    precision=a.precision, kind=te.kind, tense_hint=a.tense_hint)
