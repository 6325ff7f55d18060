"""Every export format opens in its usual reader and carries the right values."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from rasid.export import FORMATS, export
from rasid.export.cameo import cameo_code, cameo_table
from rasid.model import PLOVER_TYPES, Article
from rasid.store.testing import fake_extract

GEOJSON_SCHEMA = {  # the subset of RFC 7946 we emit
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "geometry": {
                        "type": "object",
                        "required": ["type", "coordinates"],
                        "properties": {
                            "type": {"const": "Point"},
                            "coordinates": {
                                "type": "array", "minItems": 2, "maxItems": 2,
                                "prefixItems": [{"type": "number", "minimum": -180, "maximum": 180},
                                                {"type": "number", "minimum": -90, "maximum": 90}],
                            },
                        },
                    },
                    "properties": {"type": "object", "required": ["event", "date", "event_text"]},
                },
            },
        },
    },
}


def _events():
    arts = [
        ("سوريا", "بحث مع", "تركيا", "دمشق", "2024-03-10"),
        ("تركيا", "قصف مواقع", "سوريا", "حلب", "2024-03-12"),
        ("مصر", "اتهم", "قطر", "القاهرة", "2024-04-01"),
        ("تركيا", "قصف مواقع", "سوريا", "حلب", "2024-03-13"),
    ]
    evs = []
    for i, (a, v, r, c, d) in enumerate(arts):
        art = Article(text=f"قال مسؤول إن {a} {v} {r} في {c} يوم {d}, وقال \"نعم\".", id=f"a{i}",
                      published=dt.date.fromisoformat(d), url=f"https://o/{i}")
        for ev in fake_extract(art):
            ev["_store"] = {"event_id": f"E{i}", "source": "o", "fused_id": f"F{i}", "n_sources": 1}
            evs.append(ev)
    evs[0]["event_loc"] = None  # one event without a place
    return evs


def _text(fmt: str) -> str:
    buf = io.StringIO()
    export(_events(), fmt, buf)
    return buf.getvalue()


def test_plover_jsonl_roundtrip():
    lines = [json.loads(x) for x in _text("plover").splitlines()]
    assert len(lines) == 4
    assert all("_store" not in x for x in lines)
    assert lines[1]["event"] == ["ASSAULT"] and lines[1]["actor"][0]["code"] == "TUR"


def test_acled_csv_reads_in_pandas():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(_text("acled")), keep_default_na=False)
    assert len(df) == 4
    for col in ("event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1",
                "assoc_actor_1", "inter1", "actor2", "country", "admin1", "location", "latitude",
                "longitude", "geo_precision", "source", "notes", "fatalities"):
        assert col in df.columns
    row = df[df["plover_event"] == "ASSAULT"].iloc[0]
    assert row["event_type"] == "Explosions/Remote violence"  # ASSAULT + heavy-weapons mode
    assert row["actor1"] == "تركيا" and row["country"] == "SYR" and row["inter1"] == 8  # foreign state force
    assert row["inter2"] == 1 and row["interaction"] == 18
    assert abs(float(row["latitude"]) - 36.2021) < 1e-6 and row["geo_precision"] == 1
    assert "قصف" in row["notes"] and row["fatalities"] == ""
    assert df.iloc[0]["location"] == "" and df.iloc[0]["geo_precision"] == 3


def test_cameo_tsv_reads_in_pandas_with_mapping():
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(_text("cameo")), sep="\t", dtype=str, keep_default_na=False)
    assert list(df["CAMEO Code"]) == ["040", "194", "112", "194"]
    assert list(df["Quad Class"]) == ["1", "4", "3", "4"]
    assert df.iloc[1]["Source Country"] == "TUR" and df.iloc[1]["City"] == "حلب"


def test_cameo_table_covers_every_plover_type():
    t = cameo_table()
    for typ in PLOVER_TYPES:
        assert (typ, "") in t, typ
        assert t[(typ, "")][0].isdigit()
    assert cameo_code("ACCUSE", ["investigate"])[0] == "090"
    assert cameo_code("PROTEST", ["nonsense", "riot"])[0] == "145"


def test_geojson_matches_schema():
    jsonschema = pytest.importorskip("jsonschema")
    fc = json.loads(_text("geojson"))
    jsonschema.validate(fc, GEOJSON_SCHEMA)
    assert len(fc["features"]) == 3  # the unlocated event is left out
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert (round(lat, 2), round(lon, 2)) == (36.2, 37.13)  # [lon, lat] order


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_reads_in_networkx(fmt, tmp_path):
    nx = pytest.importorskip("networkx")
    p = tmp_path / f"g.{fmt}"
    export(_events(), fmt, p)
    g = nx.read_graphml(p) if fmt == "graphml" else nx.read_gexf(p)
    assert g.is_directed()
    assert set(g.nodes) == {"SYR", "TUR", "EGY", "QAT"}
    assert float(g["TUR"]["SYR"]["weight"]) == 2.0
    assert float(g["SYR"]["TUR"]["weight"]) == 1.0
    assert g.has_edge("EGY", "QAT") and not g.has_edge("QAT", "EGY")


def test_parquet_reads_in_pyarrow(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    p = tmp_path / "ev.parquet"
    assert export(_events(), "parquet", p) == 4
    t = pq.read_table(p)
    assert t.num_rows == 4
    d = t.to_pydict()
    assert d["event_type"] == ["CONSULT", "ASSAULT", "ACCUSE", "ASSAULT"]
    assert d["date"][0] == dt.date(2024, 3, 10)
    assert json.loads(d["plover"][1])["actor"][0]["code"] == "TUR"
    assert d["lat"][0] is None


def test_unknown_format_and_parquet_to_stream():
    with pytest.raises(ValueError):
        export([], "xml", io.StringIO())
    with pytest.raises(ValueError):
        export([], "parquet", io.StringIO())
    assert set(FORMATS) == {"plover", "acled", "cameo", "geojson", "graphml", "gexf", "parquet"}
