"""Calendar arithmetic for the time layer: intervals, weeks, sub-intervals, Hijri conversion.

All intervals are inclusive ``(start, end)`` pairs of :class:`datetime.date`. Conventions
(documented here once, used everywhere):

* A week runs Sunday..Saturday: الأحد is "the first" day by name, and the working week of most of the
  Arab east (Saudi Arabia, the Gulf, Egypt, Jordan, Iraq) starts on it. "الأسبوع الماضي" in an article of
  Tuesday 21 July is Sunday 12 .. Saturday 18 July.
* Sub-intervals of a month (and of a Hijri month): ``start`` (مطلع/أوائل/بداية) = days 1-10,
  ``mid`` (منتصف/أواسط) = days 11-20, ``end`` (نهاية/أواخر/آخر) = day 21 to the last day,
  ``h1``/``h2`` = days 1-15 / 16-last.
* Sub-intervals of a Gregorian year: ``start`` = Jan-Mar, ``mid`` = May-Aug, ``end`` = Oct-Dec,
  ``h1``/``h2`` = halves, ``q1``..``q4`` = quarters. A Hijri year uses the same fractions of its days.
* Sub-intervals of a week: ``start`` = Sun-Tue, ``mid`` = days 2-4 (Mon-Wed), ``end`` = Thu-Sat.
* Sub-intervals of a decade: ``start`` = years 0-2, ``mid`` = years 3-6, ``end`` = years 7-9.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from hijridate import Gregorian, Hijri

__all__ = [
    "Interval", "month_interval", "year_interval", "week_interval", "add_months", "sub_interval",
    "hijri_month_interval", "hijri_year_interval", "hijri_date", "hijri_today", "clamp_day",
    "MIN_DATE", "MAX_DATE",
]

Interval = tuple[dt.date, dt.date]
MIN_DATE = dt.date(1, 1, 1)
MAX_DATE = dt.date(9999, 12, 31)
_ONE = dt.timedelta(days=1)


def month_interval(year: int, month: int) -> Interval:
    last = _cal.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def year_interval(year: int) -> Interval:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_interval(day: dt.date) -> Interval:
    """The Sunday..Saturday week containing ``day``."""
    start = day - dt.timedelta(days=(day.weekday() - 6) % 7)
    return start, start + dt.timedelta(days=6)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def clamp_day(year: int, month: int, day: int) -> dt.date:
    """A valid date, the day clamped into the month (31 June -> 30 June)."""
    last = _cal.monthrange(year, month)[1]
    return dt.date(year, month, max(1, min(day, last)))


def _frac(iv: Interval, a: float, b: float) -> Interval:
    n = (iv[1] - iv[0]).days + 1
    s = iv[0] + dt.timedelta(days=int(n * a))
    e = iv[0] + dt.timedelta(days=max(int(n * b) - 1, int(n * a)))
    return s, min(e, iv[1])


_DAY_MOD = {"start": (0, 9), "mid": (10, 19), "end": (20, None), "h1": (0, 14), "h2": (15, None)}
_MONTH_MOD = {"start": (1, 3), "mid": (5, 8), "end": (10, 12), "h1": (1, 6), "h2": (7, 12),
              "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}
_FRAC_MOD = {"start": (0.0, 0.25), "mid": (1 / 3, 2 / 3), "end": (0.75, 1.0), "h1": (0.0, 0.5),
             "h2": (0.5, 1.0), "q1": (0.0, 0.25), "q2": (0.25, 0.5), "q3": (0.5, 0.75), "q4": (0.75, 1.0)}
_WEEK_MOD = {"start": (0, 2), "mid": (2, 4), "end": (4, 6), "h1": (0, 3), "h2": (3, 6)}
_DECADE_MOD = {"start": (0, 2), "mid": (3, 6), "end": (7, 9), "h1": (0, 4), "h2": (5, 9)}


def sub_interval(iv: Interval, base: str, mod: str) -> tuple[Interval, str] | None:
    """The part ``mod`` of interval ``iv`` whose unit is ``base``, with its precision.

    base: month | hmonth | year | hyear | week | decade. Returns None when the modifier does
    not apply to that unit (a quarter of a month).
    """
    s, e = iv
    if base in ("month", "hmonth"):
        r = _DAY_MOD.get(mod)
        if r is None:
            return None
        a = s + dt.timedelta(days=r[0])
        b = e if r[1] is None else min(e, s + dt.timedelta(days=r[1]))
        return (a, b), "week"
    if base == "year":
        r2 = _MONTH_MOD.get(mod)
        if r2 is None:
            return None
        return (month_interval(s.year, r2[0])[0], month_interval(s.year, r2[1])[1]), "quarter"
    if base == "hyear":
        r3 = _FRAC_MOD.get(mod)
        return (_frac(iv, *r3), "quarter") if r3 else None
    if base == "week":
        r4 = _WEEK_MOD.get(mod)
        if r4 is None:
            return None
        return (s + dt.timedelta(days=r4[0]), s + dt.timedelta(days=r4[1])), "day"
    if base == "decade":
        r5 = _DECADE_MOD.get(mod)
        if r5 is None:
            return None
        return (dt.date(s.year + r5[0], 1, 1), dt.date(s.year + r5[1], 12, 31)), "year"
    return None


def _plain(d: dt.date) -> dt.date:
    """hijridate returns a date subclass; keep plain dates in the model."""
    return dt.date(d.year, d.month, d.day)


def hijri_date(year: int, month: int, day: int) -> dt.date:
    """Gregorian date of a Hijri date (Umm al-Qura); day clamped into the month.

    Raises ValueError/OverflowError outside hijridate's range (1343-1500 AH).
    """
    first = Hijri(year, month, 1)
    day = max(1, min(day, first.month_length()))
    return _plain(Hijri(year, month, day).to_gregorian())


def hijri_month_interval(year: int, month: int) -> Interval:
    first = Hijri(year, month, 1)
    return _plain(first.to_gregorian()), _plain(Hijri(year, month, first.month_length()).to_gregorian())


def hijri_year_interval(year: int) -> Interval:
    return hijri_month_interval(year, 1)[0], hijri_month_interval(year, 12)[1]


def hijri_today(day: dt.date) -> tuple[int, int, int]:
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return h.year, h.month, h.day


def shift(day: dt.date, days: int) -> dt.date:
    """``day`` + ``days``, clamped to the representable range."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return MAX_DATE if days > 0 else MIN_DATE
