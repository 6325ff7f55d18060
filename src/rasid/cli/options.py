"""Option callbacks shared by the commands."""

from __future__ import annotations

import datetime as dt

import click

__all__ = ["parse_date"]


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value (None when absent); a clear error otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from e
