"""The time layer: Arabic time expressions -> inclusive date intervals with a precision.

Public API::

    find_times(doc, published, *, prefer_future=False) -> list[TimeExpr]
    resolve_text(text, published, *, prefer_future=False) -> list[TimeExpr]
    as_future(time_expr, published) -> TimeExpr
    TIME_PRECISIONS, TIME_KINDS

See :mod:`rasid.time.resolve` for the resolution rules and :mod:`rasid.time.calendar` for the
conventions (Sunday-first weeks, what مطلع/منتصف/نهاية cover).
"""

from rasid.time.resolve import TIME_KINDS, TIME_PRECISIONS, as_future, find_times, resolve_text

__all__ = ["find_times", "resolve_text", "as_future", "TIME_PRECISIONS", "TIME_KINDS"]
