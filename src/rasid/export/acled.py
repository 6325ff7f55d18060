"""ACLED-style CSV.

ACLED column names are used where a PLOVER field carries the same information;
columns ACLED has but rasid cannot fill are present and empty (never guessed).

==================  ==============================================================
ACLED column        from
==================  ==============================================================
event_id_cnty       location country (ISO3, else actor country, else "XXX") + the
                    store event id (or PLOVER ``id``)
event_date          ``date`` (ISO 8601); ``year`` its year
time_precision      1 = day, 2 = week/month, 3 = anything coarser or unknown
disorder_type       "Political violence" (ASSAULT, COERCE), "Demonstrations"
                    (PROTEST), else "Strategic developments"
event_type /        from PLOVER type + mode, table ``EVENT_MAP`` below: e.g.
sub_event_type      ASSAULT/heavy-weapons -> Explosions/Remote violence / Shelling,
                    artillery/missile attack; PROTEST/riot -> Riots / Violent
                    demonstration; COERCE/arrest -> Strategic developments / Arrests.
                    Verbal and cooperative PLOVER types, which ACLED does not code,
                    become Strategic developments / Other (see ``plover_event``)
actor1, actor2      first actor / first recipient: Arabic entity text, else code
assoc_actor_1/2     the other actors / recipients, "; "-separated
inter1, inter2      ACLED interaction code from the PLOVER sector (``INTER``):
                    1 state forces, 2 rebels, 3 political militia, 5 rioters,
                    6 protesters, 7 civilians, 8 external forces (state forces
                    of a country other than the event's); empty when unknown
interaction         10 * min(inter1, inter2) + max(...) as in ACLED, or inter1 * 10
iso3 / country      location country code (ACLED's ``country`` holds a name; we put
                    the ISO3 code in both, no name table is shipped)
admin1              resolved place when it is a province; else empty
location            resolved place name, else the extracted place text
latitude/longitude  ``event_loc`` lat/lon
geo_precision       1 city/facility, 2 province, 3 country or unknown
source              outlet(s) of the source article; ``source_scale`` empty
notes               Arabic evidence sentence (``event_text``)
fatalities          empty: rasid does not extract casualty counts
tags                PLOVER modality list, "; "-separated
==================  ==============================================================

Extra columns after the ACLED ones: ``plover_event``, ``plover_mode``, ``url``,
``fused_id``, ``n_sources``, ``confidence``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from rasid.export.common import entity_name, first, loc, store_info

__all__ = ["COLUMNS", "acled_row", "write_acled", "EVENT_MAP", "INTER"]

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "iso3", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    # rasid extras
    "plover_event", "plover_mode", "url", "fused_id", "n_sources", "confidence",
]

# (PLOVER type, mode) -> (disorder_type, event_type, sub_event_type); mode "" = default
EVENT_MAP: dict[tuple[str, str], tuple[str, str, str]] = {
    ("ASSAULT", ""): ("Political violence", "Battles", "Armed clash"),
    ("ASSAULT", "firearms"): ("Political violence", "Battles", "Armed clash"),
    ("ASSAULT", "heavy-weapons"): ("Political violence", "Explosions/Remote violence",
                                   "Shelling/artillery/missile attack"),
    ("ASSAULT", "aerial"): ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "suicide-attack"): ("Political violence", "Explosions/Remote violence", "Suicide bomb"),
    ("ASSAULT", "massacre"): ("Political violence", "Violence against civilians", "Attack"),
    ("ASSAULT", "abduct"): ("Political violence", "Violence against civilians",
                            "Abduction/forced disappearance"),
    ("ASSAULT", "beat"): ("Political violence", "Violence against civilians", "Attack"),
    ("ASSAULT", "assassinate"): ("Political violence", "Violence against civilians", "Attack"),
    ("PROTEST", ""): ("Demonstrations", "Protests", "Peaceful protest"),
    ("PROTEST", "riot"): ("Demonstrations", "Riots", "Violent demonstration"),
    ("COERCE", ""): ("Strategic developments", "Strategic developments", "Other"),
    ("COERCE", "arrest"): ("Strategic developments", "Strategic developments", "Arrests"),
    ("COERCE", "seize"): ("Strategic developments", "Strategic developments", "Looting/property destruction"),
    ("MOBILIZE", ""): ("Strategic developments", "Strategic developments", "Change to group/activity"),
    ("AGREE", ""): ("Strategic developments", "Strategic developments", "Agreement"),
    ("RETREAT", ""): ("Strategic developments", "Strategic developments", "Non-violent transfer of territory"),
}
_DEFAULT = ("Strategic developments", "Strategic developments", "Other")

# PLOVER sector keywords (lower case, prefix match) -> ACLED inter code
INTER: list[tuple[tuple[str, ...], int]] = [
    (("gov", "mil", "police", "cop", "state", "jud", "leg", "exec", "spy", "security"), 1),
    (("reb", "insurg", "opposition_armed"), 2),
    (("militia", "pmil", "paramil"), 3),
    (("riot",), 5),
    (("protest", "opp"), 6),
    (("civ", "ref", "edu", "med", "lab", "bus", "rel", "ngo", "jour"), 7),
]


def _inter(ent: dict[str, Any] | None, country: str | None) -> int | None:
    if not ent or not ent.get("sector"):
        return None
    sec = str(ent["sector"]).lower()
    for keys, code in INTER:
        if sec.startswith(keys):
            code_cc = (ent.get("code") or "")[:3].upper()
            if code == 1 and country and code_cc and code_cc != country:
                return 8
            return code
    return None


_PRECISION = {"day": 1, "week": 2, "month": 2}
_GEO_PRECISION = {"city": 1, "facility": 1, "province": 2, "country": 3}


def acled_row(ev: dict[str, Any]) -> dict[str, Any]:
    typ = first(ev.get("event")) or ""
    modes = ev.get("mode") or []
    cls = next((EVENT_MAP[(typ, m)] for m in modes if (typ, m) in EVENT_MAP), None) or EVENT_MAP.get(
        (typ, ""), _DEFAULT
    )
    lc = loc(ev)
    st = store_info(ev)
    actors, recips = ev.get("actor") or [], ev.get("recipient") or []
    country = lc.get("country_code") or ((first(actors) or {}).get("code") or "")[:3] or None
    i1 = _inter(first(actors), country)
    i2 = _inter(first(recips), country)
    if i1 and i2:
        interaction: int | str = 10 * min(i1, i2) + max(i1, i2)
    else:
        interaction = i1 * 10 if i1 else ""
    date = ev.get("date") or ""
    res = lc.get("resolution")
    return {
        "event_id_cnty": f"{country or 'XXX'}{st.get('event_id') or ev.get('id') or ''}",
        "event_date": date,
        "year": date[:4] if date else "",
        "time_precision": _PRECISION.get(ev.get("date_precision") or "", 3),
        "disorder_type": cls[0],
        "event_type": cls[1],
        "sub_event_type": cls[2],
        "actor1": entity_name(first(actors)),
        "assoc_actor_1": "; ".join(entity_name(a) for a in actors[1:]),
        "inter1": i1 or "",
        "actor2": entity_name(first(recips)),
        "assoc_actor_2": "; ".join(entity_name(a) for a in recips[1:]),
        "inter2": i2 or "",
        "interaction": interaction,
        "iso3": country or "",
        "region": "",
        "country": country or "",
        "admin1": lc.get("resolved_place") if res == "province" else "",
        "admin2": "",
        "admin3": "",
        "location": lc.get("resolved_place") or lc.get("extracted_place") or "",
        "latitude": lc.get("lat") if lc.get("lat") is not None else "",
        "longitude": lc.get("lon") if lc.get("lon") is not None else "",
        "geo_precision": _GEO_PRECISION.get(res or "", 3),
        "source": st.get("source") or "",
        "source_scale": "",
        "notes": ev.get("event_text") or "",
        "fatalities": "",
        "tags": "; ".join(ev.get("modality") or []),
        "timestamp": "",
        "plover_event": typ,
        "plover_mode": "; ".join(modes),
        "url": ev.get("url") or "",
        "fused_id": st.get("fused_id") or "",
        "n_sources": st.get("n_sources") or "",
        "confidence": ev.get("confidence", ""),
    }


def write_acled(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(acled_row(ev))
        n += 1
    return n
