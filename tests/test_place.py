"""PLACE layer: table-driven geocoding cases (tests/data/place_cases.tsv) and gazetteer checks."""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest

from rasid.model import Article
from rasid.place import find_places, geocode, load_gazetteer, place_for_country
from rasid.place.gazetteer import DATA_DIR
from rasid.text.segment import build_document

CASES = Path(__file__).parent / "data" / "place_cases.tsv"
_ESC = re.compile(r"\\u([0-9a-fA-F]{4})")


def _unescape(s: str) -> str:
    return _ESC.sub(lambda m: chr(int(m.group(1), 16)), s)


def _cases() -> list[tuple[str, str, str, str, dict[str, int] | None]]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        text, mention, expected, resolution = (_unescape(x) for x in f[:4])
        countries = None
        if len(f) > 4 and f[4].strip():
            countries = {k: int(v) for k, v in (p.split(":") for p in f[4].split(","))}
        out.append((text, mention, expected, resolution, countries))
    return out


ALL = _cases()


def _key(name: str) -> str:
    d = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in d if not unicodedata.combining(c))


def test_case_table_is_large_enough() -> None:
    assert sum(1 for c in ALL if c[1] != "-") >= 100


@pytest.mark.parametrize("text,mention,expected,resolution,countries", ALL, ids=[f"{i}" for i in range(len(ALL))])
def test_place_case(text: str, mention: str, expected: str, resolution: str, countries: dict[str, int] | None) -> None:
    doc = build_document(Article(text=text))
    places = find_places(doc, countries)
    for p in places:  # the offsets invariant, for every place found
        assert doc.text[p.start : p.end] == p.text
    if mention == "-":
        assert places == [], [(p.text, p.name) for p in places]
        return
    hits = [p for p in places if p.text == mention]
    assert hits, f"{mention!r} not found; got {[(p.text, p.name, p.country_code) for p in places]}"
    p = hits[0]
    assert p.resolution == resolution, (p.name, p.resolution)
    if expected.isdigit():
        assert p.geonameid == int(expected), (p.name, p.country_code, p.geonameid)
    elif "|" in expected:
        name, iso3 = expected.split("|")
        assert (_key(p.name), p.country_code) == (_key(name), iso3), (p.name, p.country_code)
    else:
        assert p.resolution == "country" and p.country_code == expected, (p.name, p.country_code)
    assert p.lat is not None and -90 <= p.lat <= 90 and -180 <= p.lon <= 180


def test_offsets_over_a_longer_text() -> None:
    text = "\n\n".join(c[0] for c in ALL)
    doc = build_document(Article(text=text))
    places = find_places(doc)
    assert len(places) > 100
    for p in places:
        assert doc.text[p.start : p.end] == p.text


def test_gazetteer_lookups() -> None:
    gaz = load_gazetteer()
    assert gaz.get(88319).name == "Benghazi"
    assert gaz.get("Benghazi").country == "LBY"
    assert gaz.get("tripoli").country == "LBY"  # most populous Tripoli
    assert gaz.get("بنغازي").geonameid == 88319
    assert {e.country for e in gaz.candidates("طرابلس")} >= {"LBY", "LBN"}
    assert gaz.get("no such place xyz") is None


def test_geocode_and_country_point() -> None:
    p = geocode("بنغازي")
    assert p is not None and p.geonameid == 88319 and p.resolution == "city"
    p = geocode("Paris")
    assert p is not None and p.country_code == "FRA"
    assert geocode("كلمة عادية") is None
    lby = place_for_country("LBY")
    assert lby is not None and lby.resolution == "country" and lby.country_code == "LBY"
    tripoli = load_gazetteer().get(2210247)
    assert abs(lby.lat - tripoli.lat) > 2  # a country point, not the capital
    assert place_for_country("XXX") is None


def test_data_files_are_clean() -> None:
    for path in DATA_DIR.glob("*.tsv"):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("#"), f"{path.name}: header comment naming source and licence"
        assert unicodedata.normalize("NFC", text) == text, path.name
        assert "\u0640" not in text, f"{path.name}: tatweel"
        assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in text), path.name


def test_load_is_fast() -> None:
    from rasid.place.gazetteer import Gazetteer

    t = time.perf_counter()
    g = Gazetteer()
    g.matcher  # noqa: B018
    assert time.perf_counter() - t < 3.0  # generous bound for slow CI machines; bench/ reports the figure
