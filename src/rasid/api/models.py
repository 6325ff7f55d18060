"""Request bodies of the write endpoints (pydantic models; they also document the OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from rasid.model import PLOVER_TYPES

__all__ = ["EntityIn", "LocationIn", "CorrectionIn", "ReviewIn"]

_Code = Field(default=None, max_length=40)
_Text = Field(default=None, max_length=500)


class EntityIn(BaseModel):
    """A PLOVER entity as an analyst sets it (code e.g. ``LBYGOV``, sector e.g. ``GOV``)."""

    model_config = ConfigDict(extra="forbid")
    code: str | None = _Code
    sector: str | None = _Code
    entity_text: str | None = _Text
    office: str | None = _Text
    identifier_text: str | None = _Text


class LocationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    resolved_place: str | None = _Text
    extracted_place: str | None = _Text
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    country_code: str | None = Field(default=None, max_length=3)
    geonameid: int | None = Field(default=None, ge=0, le=2**53)
    feature_code: str | None = _Code
    resolution: str | None = _Code


class ReviewIn(BaseModel):
    """Who does a review action and why."""

    analyst: str = Field(default="analyst", min_length=1, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class CorrectionIn(ReviewIn):
    """Fields to change on one event; only the fields present in the body are changed.

    ``event_type`` sets the PLOVER type (a list sets several, the first is the main
    one). ``date``/``enddate``/``event_loc`` may be set to null to clear them.
    ``status`` rejects (``"rejected"``) or confirms (``"accepted"``) the event.
    """

    model_config = ConfigDict(extra="forbid")
    event_type: str | list[str] | None = None
    mode: list[str] | None = Field(default=None, max_length=10)
    actor: list[EntityIn] | None = Field(default=None, max_length=20)
    recipient: list[EntityIn] | None = Field(default=None, max_length=20)
    date: dt.date | None = None
    enddate: dt.date | None = None
    event_loc: LocationIn | None = None
    status: Literal["rejected", "accepted"] | None = None

    @field_validator("event_type")
    @classmethod
    def _types(cls, v: str | list[str] | None) -> list[str] | None:
        if v is None:
            return None
        types = [v] if isinstance(v, str) else list(v)
        types = [t.strip().upper() for t in types if t and t.strip()]
        if not types:
            raise ValueError("event_type must name at least one PLOVER type")
        bad = [t for t in types if t not in PLOVER_TYPES]
        if bad:
            raise ValueError(f"unknown PLOVER event types: {bad}; use one of {list(PLOVER_TYPES)}")
        return types

    @field_validator("mode")
    @classmethod
    def _mode(cls, v: list[str] | None) -> list[str] | None:
        if v is None:
            return None
        if any(len(m) > 50 for m in v):
            raise ValueError("mode values are at most 50 characters")
        return [m.strip() for m in v if m.strip()]

    def changes(self) -> dict[str, object]:
        """The correction as field -> new JSON value, for :func:`rasid.api.queries.add_corrections`."""
        out: dict[str, object] = {}
        given = self.model_fields_set
        if "event_type" in given and self.event_type is not None:
            out["event"] = self.event_type
        if "mode" in given:
            out["mode"] = self.mode or []
        for side in ("actor", "recipient"):
            if side in given:
                ents = getattr(self, side) or []
                out[side] = [
                    {"code": e.code.strip().upper() if e.code else None, "sector": e.sector,
                     "entity_text": e.entity_text or "", "office": e.office, "identifier_text": e.identifier_text}
                    for e in ents
                ]
        for f in ("date", "enddate"):
            if f in given:
                v = getattr(self, f)
                out[f] = v.isoformat() if v else None
        if "event_loc" in given:
            loc = self.event_loc
            out["event_loc"] = None if loc is None else {
                "extracted_place": loc.extracted_place, "resolved_place": loc.resolved_place,
                "geonameid": loc.geonameid, "lat": loc.lat, "lon": loc.lon,
                "country_code": loc.country_code.upper() if loc.country_code else None,
                "feature_code": loc.feature_code, "resolution": loc.resolution,
            }
        if "status" in given and self.status is not None:
            out["status"] = self.status
        return out
