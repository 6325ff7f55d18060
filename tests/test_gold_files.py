"""Validate the development gold set (eval/gold/*.gold.json): format, codes, dates, link to the corpus."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "eval" / "gold"
CORPUS = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
HELDOUT_DIR = ROOT / "eval" / "heldout"  # annotated blind, never used for tuning: same format, same checks
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json")) + sorted(HELDOUT_DIR.glob("*.gold.json"))

TOP_KEYS = {"doc", "published", "source", "language", "title_en", "notes", "events"}
EVENT_KEYS = {"id", "types", "directed", "a", "b", "date", "location", "evidence"}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
SECTORS = {"GOV", "MIL", "REB", "IGO", "NGO", "CVL", "JUD", "LEG", "POL", "BUS", "MED", "PTY", "OPP", "COP",
           "SPY", "EDU", "REL", "HLH", "LAB", "ELI", "UAF", "CRM", "REF", "AGR", "ENV", "IMG", "SET", "DEV"}
# fallback when pycountry is absent: every ISO 3166-1 alpha-3 code (the list pycountry gives)
_FALLBACK_ISO3 = set("""ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM
BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR
CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB
GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA
JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA
MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS
SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON
TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE""".split())


def _iso3() -> set[str]:
    try:
        import pycountry
    except ImportError:
        return _FALLBACK_ISO3
    return {c.alpha_3 for c in pycountry.countries}


ISO3 = _iso3()


def _squash(s: str) -> str:
    """NFKC (undoes presentation forms), no tatweel, single spaces: for finding evidence in the text."""
    s = unicodedata.normalize("NFKC", s).replace("\u0640", "")
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def corpus() -> dict[str, dict]:
    """The corpus records that have a gold file (one streaming pass)."""
    if not CORPUS.exists():
        pytest.skip("../shared corpus not present")
    wanted = {json.loads(f.read_text(encoding="utf-8"))["doc"] for f in GOLD_FILES}
    out: dict[str, dict] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in wanted:
                out[r["id"]] = r
                if len(out) == len(wanted):
                    break
    return out


def _load(f: Path) -> dict:
    return json.loads(f.read_text(encoding="utf-8"))


def _day(s: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s), s
    return dt.date.fromisoformat(s)


def test_gold_set_is_not_empty():
    if not GOLD_FILES:
        pytest.skip("no gold files yet")
    assert len(GOLD_FILES) >= 1


@pytest.mark.parametrize("f", GOLD_FILES, ids=lambda f: f.name)
def test_gold_file_format(f: Path):
    g = _load(f)
    assert TOP_KEYS <= set(g), TOP_KEYS - set(g)
    assert f.name == f"{g['doc']}.gold.json"
    assert g["language"] == "ar"
    _day(g["published"])
    assert isinstance(g["events"], list)
    text = f.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text, "not NFC"
    # evidence is a verbatim quote and may keep the source's kashida (e.g. before digits); nothing else may
    quoted = [e.get("evidence", "") for e in g["events"]]
    assert "\u0640" not in json.dumps([g["title_en"], g["notes"], [{k: v for k, v in e.items() if k != "evidence"}
                                                                  for e in g["events"]]], ensure_ascii=False), "tatweel"
    assert all(isinstance(q, str) for q in quoted)
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text), "Arabic presentation forms"
    ids = [e.get("id") for e in g["events"]]
    assert len(ids) == len(set(ids)), "duplicate event ids"
    for e in g["events"]:
        where = f"{f.name}:{e.get('id')}"
        assert EVENT_KEYS <= set(e), (where, EVENT_KEYS - set(e))
        assert e["types"] and set(e["types"]) <= PLOVER_TYPES, (where, e["types"])
        assert isinstance(e["directed"], bool), where
        assert isinstance(e.get("optional", False), bool), where
        for side in ("a", "b"):
            s = e[side]
            assert isinstance(s, dict) and "country" in s, (where, side)
            assert s["country"] is None or s["country"] in ISO3, (where, side, s["country"])
            assert s.get("sector") is None or s["sector"] in SECTORS, (where, side, s.get("sector"))
        if e["date"] is not None:
            assert _day(e["date"]["start"]) <= _day(e["date"]["end"]), where
            assert _day(e["date"]["end"]) <= _day(g["published"]) + dt.timedelta(days=2), (where, "future")
        loc = e["location"]
        if loc is not None:
            assert loc.get("country") in ISO3, (where, loc)
            if loc.get("lat") is not None:
                assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180, where
        assert isinstance(e["evidence"], str) and e["evidence"].strip(), where


@pytest.mark.parametrize("f", GOLD_FILES, ids=lambda f: f.name)
def test_gold_file_matches_corpus(f: Path, corpus: dict[str, dict]):
    g = _load(f)
    assert g["doc"] in corpus, f"{g['doc']} not in the corpus"
    r = corpus[g["doc"]]
    assert g["source"] == r["source"]
    assert g["published"] == r["extracted"][:10]
    body = _squash(r["title"] + " " + r["text"])
    for e in g["events"]:
        for part in re.split(r"\s*(?:\.\.\.|…)\s*", _squash(e["evidence"])):
            assert part in body, f"{f.name}:{e['id']}: evidence not found: {part[:40]}"


def test_heldout_is_disjoint_from_dev():
    dev = {_load(f)["doc"] for f in GOLD_DIR.glob("*.gold.json")}
    held = {_load(f)["doc"] for f in HELDOUT_DIR.glob("*.gold.json")}
    assert not dev & held
