"""Validation of the actor lexicons under src/rasid/data/lexicons and of tests/data/actor_cases.tsv.

The lexicons are data reviewed like code: these checks pin their shape (columns,
header), their codes (PLOVER countries, IGO codes, sectors), their orthography
(NFC, no diacritics, tatweel, presentation forms or invisible marks), the absence
of duplicates after matching-folding, and the coverage that the actor matcher
relies on (names and both nisba genders for the countries of the region).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from rasid.text.normalize import fold
from rasid.text.tokenize import clitic_forms

ROOT = Path(__file__).resolve().parents[1]
LEX = ROOT / "src" / "rasid" / "data" / "lexicons"
CASES = ROOT / "tests" / "data" / "actor_cases.tsv"

HEADERS = {
    "countries.tsv": ["code", "kind", "form", "note"],
    "igos.tsv": ["code", "form", "identifier", "note"],
    "offices.tsv": ["form", "sector", "office", "level", "note"],
    "groups.tsv": ["form", "code", "sector", "identifier", "note"],
    "actors_kb.tsv": ["name", "aliases", "code", "sector", "office", "from", "to", "note"],
}
# columns holding Arabic text that the matcher reads
ARABIC_COLUMNS = {
    "countries.tsv": ["form"],
    "igos.tsv": ["form"],
    "offices.tsv": ["form"],
    "groups.tsv": ["form"],
    "actors_kb.tsv": ["name", "aliases"],
}

IGO_CODES = frozenset({"UNO", "EUR", "IGO", "NGO", "ISM", "IMG", "MNC"})
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)
KINDS = frozenset({"name", "nisba", "capital", "alias"})

ARAB_LEAGUE = set("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split())
EU = set(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE".split()
)
AFRICA = set(
    "AGO BEN BWA BFA BDI CPV CMR CAF TCD COD COG CIV GNQ ERI SWZ ETH GAB GMB GHA GIN GNB KEN LSO LBR MDG MWI "
    "MLI MUS MOZ NAM NER NGA RWA STP SEN SYC SLE ZAF SSD TZA TGO UGA ZMB ZWE".split()
)
MIDEAST_MAJOR = set("IRN ISR TUR USA RUS CHN GBR JPN IND PAK AFG UKR KOR PRK CAN BRA AUS".split())
# countries whose press nisba is well established: masc + fem singular required
NISBA_REQUIRED = (ARAB_LEAGUE | EU | MIDEAST_MAJOR | AFRICA) - {
    "DJI",  # جيبوتي: nisba identical to the name
    "BDI", "MWI", "ZWE",  # idem
    "CPV", "CAF", "GNQ", "SWZ", "GNB", "LSO", "STP",  # no settled nisba in press usage
}

# invisible or typographic characters that have no place in a lexicon
_BAD_CHARS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"} | {
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u061c", "\u00ad", "\u00a0",
} | {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a lexicon TSV; lines starting with '#' are comments."""
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for n, ln in enumerate(lines[1:], start=2):
        cells = ln.split("\t")
        assert len(cells) == len(header), f"{path.name}: data line {n} has {len(cells)} cells: {ln!r}"
        rows.append(dict(zip(header, cells, strict=True)))
    return header, rows


@pytest.fixture(scope="module")
def lexicons() -> dict[str, list[dict[str, str]]]:
    out = {}
    for name, expected in HEADERS.items():
        header, rows = read_tsv(LEX / name)
        assert header == expected, f"{name}: header {header}"
        out[name] = rows
    return out


@pytest.fixture(scope="module")
def iso3() -> frozenset[str] | None:
    """ISO 3166-1 alpha-3 codes when pycountry is installed (build extra), else None."""
    try:
        import pycountry
    except ImportError:
        return None
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"KOS"}


def _country_ok(code: str, iso3: frozenset[str] | None) -> bool:
    if not re.fullmatch(r"[A-Z]{3}", code):
        return False
    return iso3 is None or code in iso3


def _arabic_problems(s: str) -> list[str]:
    probs = []
    if unicodedata.normalize("NFC", s) != s:
        probs.append("not NFC")
    bad = sorted({f"U+{ord(c):04X}" for c in s if c in _BAD_CHARS})
    if bad:
        probs.append("forbidden characters " + ",".join(bad))
    if any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in s):
        probs.append("presentation forms")
    if s != s.strip() or "  " in s:
        probs.append("stray spaces")
    return probs


# ---------------------------------------------------------------- every file


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_file_has_source_and_licence_comment(name: str) -> None:
    head = [ln for ln in (LEX / name).read_text(encoding="utf-8").split("\n") if ln.startswith("#")]
    text = " ".join(head).lower()
    assert "source" in text and "licence" in text, name


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_arabic_columns_are_clean(lexicons: dict, name: str) -> None:
    problems = []
    for row in lexicons[name]:
        for col in ARABIC_COLUMNS[name]:
            for value in filter(None, row[col].split(";")):
                for p in _arabic_problems(value):
                    problems.append(f"{value!r}: {p}")
                if not value or not fold(value):
                    problems.append(f"empty form in {row}")
    assert not problems, problems[:20]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_no_cell_has_stray_whitespace(lexicons: dict, name: str) -> None:
    bad = [(k, v) for row in lexicons[name] for k, v in row.items() if v != v.strip()]
    assert not bad, bad[:10]


def test_sectors_valid(lexicons: dict) -> None:
    for name in ("offices.tsv", "groups.tsv", "actors_kb.tsv"):
        bad = [r for r in lexicons[name] if r["sector"] not in SECTORS]
        assert not bad, (name, bad[:5])


# ---------------------------------------------------------------- countries


def test_countries_codes_and_kinds(lexicons: dict, iso3: frozenset[str] | None) -> None:
    rows = lexicons["countries.tsv"]
    assert len(rows) > 1500
    assert all(r["kind"] in KINDS for r in rows), {r["kind"] for r in rows} - KINDS
    bad = sorted({r["code"] for r in rows if not _country_ok(r["code"], iso3)})
    assert not bad, bad


def test_countries_no_duplicate_form_code(lexicons: dict) -> None:
    seen: dict[tuple[str, str], str] = {}
    dups = []
    for r in lexicons["countries.tsv"]:
        key = (fold(r["form"]), r["code"])
        if key in seen:
            dups.append((r["form"], r["code"], seen[key]))
        seen[key] = r["form"]
    assert not dups, dups[:20]


def test_countries_shared_forms_are_marked_ambiguous(lexicons: dict) -> None:
    """A form that names several countries must say so, for the lead's resolver."""
    by_form: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in lexicons["countries.tsv"]:
        by_form[fold(r["form"])].append(r)
    unmarked = [
        (r["form"], r["code"])
        for rows in by_form.values()
        if len({r["code"] for r in rows}) > 1
        for r in rows
        if "ambiguous" not in r["note"]
    ]
    assert not unmarked, unmarked


def test_countries_cover_required_states(lexicons: dict) -> None:
    named = {r["code"] for r in lexicons["countries.tsv"] if r["kind"] == "name"}
    missing = (ARAB_LEAGUE | EU | AFRICA | MIDEAST_MAJOR | {"KOS"}) - named
    assert not missing, sorted(missing)
    assert len(named) >= 190


def test_countries_cover_all_plover_states_when_babel_present(lexicons: dict) -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from build_country_names import skeleton
    finally:
        sys.path.pop(0)
    named = {r["code"] for r in lexicons["countries.tsv"] if r["kind"] == "name"}
    missing = [(c, ar) for c, ar, _ in skeleton() if c not in named]
    assert not missing, missing


def test_nisba_masc_and_fem_for_region_and_majors(lexicons: dict) -> None:
    forms: dict[str, set[str]] = defaultdict(set)
    for r in lexicons["countries.tsv"]:
        if r["kind"] == "nisba":
            forms[r["code"]].add(r["note"].split(";")[0])
        else:  # a nisba spelled like the name is recorded on the name row ("also nisba def fem sg")
            forms[r["code"]].update(m.group(1) for m in re.finditer(r"also nisba ([a-z ]+sg)", r["note"]))
    missing = {
        code: sorted({"def masc sg", "def fem sg", "indef masc sg", "indef fem sg"} - forms[code])
        for code in NISBA_REQUIRED
        if not {"def masc sg", "def fem sg", "indef fem sg"} <= forms[code]
    }
    assert not missing, missing


def test_every_definite_masc_nisba_has_its_feminine(lexicons: dict) -> None:
    have = {(r["code"], r["form"]) for r in lexicons["countries.tsv"]}
    missing = []
    for r in lexicons["countries.tsv"]:
        f = r["form"]
        if r["kind"] == "nisba" and r["note"].startswith("def masc sg") and "(broken)" not in r["note"]:
            fem = " ".join(w + "ة" if w.endswith("ي") else w for w in f.split())
            if (r["code"], fem) not in have:
                missing.append((r["code"], f, fem))
    assert not missing, missing


@pytest.mark.parametrize(
    ("form", "codes"),
    [
        ("النيجر", {"NER"}),
        ("نيجيريا", {"NGA"}),
        ("النيجري", {"NER"}),
        ("النيجيري", {"NER", "NGA"}),  # ambiguous in press usage, resolved by document context
        ("تشاد", {"TCD"}),
        ("التشاديين", {"TCD"}),
        ("السودان", {"SDN"}),
        ("جنوب السودان", {"SSD"}),
        ("الكونغو", {"COD", "COG"}),
        ("كوريا الشمالية", {"PRK"}),
        ("الكيان الصهيوني", {"ISR"}),
        ("أميركا", {"USA"}),
        ("أمريكا", {"USA"}),
        ("موسكو", {"RUS"}),
        ("واشنطن", {"USA"}),
        ("طهران", {"IRN"}),
        ("الرياض", {"SAU"}),
        ("أنقرة", {"TUR"}),
        ("نيامي", {"NER"}),
        ("عمان", {"OMN", "JOR"}),
        ("فلسطين", {"PSE"}),
        ("المغاربة", {"MAR"}),
        ("الروس", {"RUS"}),
    ],
)
def test_country_forms(lexicons: dict, form: str, codes: set[str]) -> None:
    got = {r["code"] for r in lexicons["countries.tsv"] if fold(r["form"]) == fold(form)}
    assert got == codes


# ---------------------------------------------------------------- igos, offices, groups, kb


def test_igos(lexicons: dict) -> None:
    rows = lexicons["igos.tsv"]
    assert {r["code"] for r in rows} <= IGO_CODES
    assert all(r["identifier"] for r in rows)
    keys = [fold(r["form"]) for r in rows]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, dups
    by = {fold(r["form"]): r for r in rows}
    for form, code, ident in [
        ("الأمم المتحدة", "UNO", "United Nations"),
        ("مجلس الأمن", "UNO", "United Nations Security Council"),
        ("الاتحاد الأوروبي", "EUR", "European Union"),
        ("الاتحاد الإفريقي", "IGO", "African Union"),
        ("إيكواس", "IGO", "Economic Community of West African States"),
        ("حلف شمال الأطلسي", "IGO", "North Atlantic Treaty Organization"),
        ("الجامعة العربية", "IGO", "League of Arab States"),
        ("منظمة العفو الدولية", "NGO", "Amnesty International"),
    ]:
        assert by[fold(form)]["code"] == code and by[fold(form)]["identifier"] == ident, form


def test_offices(lexicons: dict) -> None:
    rows = lexicons["offices.tsv"]
    assert all(r["level"].isdigit() and 1 <= int(r["level"]) <= 9 for r in rows)
    assert all(r["office"] for r in rows)
    keys = [fold(r["form"]) for r in rows]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, dups
    by = {fold(r["form"]): r for r in rows}
    for form, sector, office in [
        ("وزير الدفاع", "GOV", "Minister of Defence"),
        ("وزيرة الخارجية", "GOV", "Minister of Foreign Affairs"),
        ("وزير خارجية", "GOV", "Minister of Foreign Affairs"),
        ("نائب وزير الخارجية", "GOV", "Deputy Minister of Foreign Affairs"),
        ("وكيل وزارة الداخلية", "GOV", "Undersecretary of the Ministry of Interior"),
        ("رئيس الأركان", "MIL", "Chief of Staff"),
        ("اللواء", "MIL", "Major General"),
        ("الشرطة", "COP", "Police"),
        ("الاستخبارات العسكرية", "SPY", "Military Intelligence"),
        ("النائب العام", "JUD", "Attorney General"),
        ("مجلس النواب", "LEG", "House of Representatives"),
        ("المتمردون", "REB", "Rebels"),
        ("مسلحون مجهولون", "UAF", "Unknown Gunmen"),
        ("المتظاهرون", "CVL", "Protesters"),
        ("اللاجئون", "REF", "Refugees"),
        ("الحكومة", "GOV", "Government"),
    ]:
        r = by[fold(form)]
        assert (r["sector"], r["office"]) == (sector, office), form
    # seniority is ordered the way the header says
    assert int(by[fold("الرئيس")]["level"]) < int(by[fold("رئيس الوزراء")]["level"]) < int(
        by[fold("وزير الدفاع")]["level"]
    ) < int(by[fold("نائب وزير الدفاع")]["level"]) < int(by[fold("الجنود")]["level"])


def test_groups(lexicons: dict, iso3: frozenset[str] | None) -> None:
    rows = lexicons["groups.tsv"]
    bad = [r for r in rows if r["code"] and r["code"] not in IGO_CODES and not _country_ok(r["code"], iso3)]
    assert not bad, bad
    keys = [fold(r["form"]) for r in rows]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, dups
    by = {fold(r["form"]): r for r in rows}
    for form, code, sector in [
        ("داعش", "", "REB"),
        ("الحوثيون", "YEM", "REB"),
        ("أنصار الله", "YEM", "REB"),
        ("بوكو حرام", "NGA", "REB"),
        ("الحشد الشعبي", "IRQ", "PRM"),
        ("قوات الدعم السريع", "SDN", "PRM"),
        ("الجيش الوطني الليبي", "LBY", "MIL"),
        ("حكومة الوحدة الوطنية", "LBY", "GOV"),
        ("جبهة التناوب والوفاق", "TCD", "REB"),
    ]:
        assert (by[fold(form)]["code"], by[fold(form)]["sector"]) == (code, sector), form


def test_actors_kb(lexicons: dict, iso3: frozenset[str] | None) -> None:
    rows = lexicons["actors_kb.tsv"]
    assert 60 <= len(rows) <= 1000
    for r in rows:
        assert r["code"] in IGO_CODES or _country_ok(r["code"], iso3), r
        assert r["office"], r
        assert _DATE.match(r["from"]), r
        assert not r["to"] or _DATE.match(r["to"]), r
        assert not r["to"] or r["from"] <= r["to"], r
    spells: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        spells[r["name"]].append((r["from"], r["to"]))
    # distinct people stay distinct; offices over time are dated
    assert {"خليفة حفتر", "صدام حفتر", "خالد حفتر"} <= set(spells)
    assert ("2017-01", "2021-01") in spells["دونالد ترامب"] and ("2025-01", "") in spells["دونالد ترامب"]
    assert spells["إدريس ديبي"] == [("1990-12", "2021-04")]


# ---------------------------------------------------------------- actor cases


@pytest.fixture(scope="module")
def cases() -> list[dict[str, str]]:
    header, rows = read_tsv(CASES)
    assert header == ["sentence", "mention", "code", "sector", "office_contains", "note"]
    return rows


def test_cases_shape(cases: list[dict[str, str]], iso3: frozenset[str] | None) -> None:
    assert len(cases) >= 160
    for r in cases:
        assert r["mention"] and r["mention"] in r["sentence"], r
        assert not r["code"] or r["code"] in IGO_CODES or _country_ok(r["code"], iso3), r
        assert not r["sector"] or r["sector"] in SECTORS, r
        assert r["code"] or r["sector"], r
    pairs = [(r["sentence"], r["mention"]) for r in cases]
    assert len(pairs) == len(set(pairs))


def test_case_mentions_are_lexicon_entries(lexicons: dict, cases: list[dict[str, str]]) -> None:
    """Each expected mention (proclitics excluded) is a phrase of some lexicon."""
    keys: set[str] = set()
    for name, cols in ARABIC_COLUMNS.items():
        for r in lexicons[name]:
            for c in cols:
                keys.update(fold(v) for v in r[c].split(";") if v)
    # context-dependent names (contextual.tsv) and the group anaphors resolved in the article
    from rasid.actors.mentions import _GROUP_ANAPHORS, _HEADED_ANAPHORS, _INSTITUTION_ANAPHORS

    _, ctx_rows = read_tsv(LEX / "contextual.tsv")
    keys.update(fold(r["form"]) for r in ctx_rows)
    keys.update(_GROUP_ANAPHORS)
    keys.update(_HEADED_ANAPHORS)
    keys.update(_INSTITUTION_ANAPHORS)
    missing = []
    for r in cases:
        key = fold(r["mention"])
        first, _, rest = key.partition(" ")
        variants = {(f + " " + rest).strip() for f in clitic_forms(first)[0]}
        if not variants & keys:
            missing.append(r["mention"])
    assert not missing, missing
