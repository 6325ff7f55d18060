"""Skeleton of Arabic country names for ``src/rasid/data/lexicons/countries.tsv``.

The curated lexicon is written by hand; this tool only produces and checks its
starting point:

* ``python tools/build_country_names.py skeleton`` prints one ``code\\tname\\tenglish``
  line per PLOVER country (independent states, plus PSE, KOS, HKG, TWN) using the
  CLDR Arabic territory names that ``babel`` ships and the ISO 3166 codes of
  ``pycountry``. Diacritics are stripped and the text is NFC.
* ``python tools/build_country_names.py check [PATH]`` lists the PLOVER countries that
  have no ``name`` row in the curated file, and the CLDR names that it lacks.
* :func:`nisba_forms` expands a masculine singular nisba (``تشادي``) into the
  agreement forms that the lexicon lists (used while curating).

Needs the ``build`` extra (``pip install -e .[build]``); nothing at run time uses it.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

# ISO 3166-1 entries that PLOVER folds into their controlling state (dependencies,
# overseas territories, uninhabited islands) plus ESH (coded as MAR with sector PRE).
NOT_PLOVER_COUNTRIES: frozenset[str] = frozenset(
    """ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM
    HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL UMI
    VGB VIR WLF""".split()
)
# PLOVER country codes outside the ISO list, and the Arabic name used for them.
EXTRA: dict[str, tuple[str, str]] = {"KOS": ("كوسوفو", "Kosovo")}

_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}

LEXICON = Path(__file__).resolve().parents[1] / "src" / "rasid" / "data" / "lexicons" / "countries.tsv"


def clean(s: str) -> str:
    """NFC text without harakat or tatweel."""
    return unicodedata.normalize("NFC", "".join(c for c in s if c not in _DIACRITICS))


def skeleton() -> list[tuple[str, str, str]]:
    """(ISO3, Arabic CLDR name, English ISO name) for every PLOVER country."""
    import babel
    import pycountry

    names = babel.Locale("ar").territories
    rows: list[tuple[str, str, str]] = []
    for c in pycountry.countries:
        if c.alpha_3 in NOT_PLOVER_COUNTRIES:
            continue
        ar = names.get(c.alpha_2)
        if ar:
            rows.append((c.alpha_3, clean(ar), c.name))
    for code, (ar, en) in EXTRA.items():
        rows.append((code, ar, en))
    return sorted(rows)


def nisba_forms(masc: str, broken_plural: str | None = None, regular_plural: bool = True) -> list[tuple[str, str]]:
    """Agreement forms of a nisba adjective, definite then indefinite, as (form, tag).

    ``masc`` is the indefinite masculine singular; a two-word nisba (``كوري جنوبي``)
    inflects both words; ``جنوب سوداني`` style compounds (first word not a nisba)
    inflect only the last word and take the article on the first.
    """
    words = masc.split()
    inflect_all = all(w.endswith("ي") for w in words)

    def build(suffix: str, definite: bool) -> str:
        out = []
        for k, w in enumerate(words):
            w2 = w + suffix if (inflect_all or k == len(words) - 1) else w
            if definite and (inflect_all or k == 0):
                w2 = "ال" + w2
            out.append(w2)
        return " ".join(out)

    tags = [("", "masc sg"), ("ة", "fem sg")]
    if regular_plural:
        tags += [("ين", "masc pl obl"), ("ون", "masc pl nom")]
    tags.append(("ات", "fem pl"))
    forms: list[tuple[str, str]] = []
    for definite in (True, False):
        for suf, tag in tags:
            forms.append((build(suf, definite), ("def " if definite else "indef ") + tag))
    if broken_plural:
        forms.append(("ال" + broken_plural, "def masc pl (broken)"))
        forms.append((broken_plural, "indef masc pl (broken)"))
    return forms


def read_lexicon(path: Path) -> list[dict[str, str]]:
    """Rows of a lexicon TSV (``#`` comment lines skipped, first other line is the header)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


def check(path: Path) -> int:
    rows = read_lexicon(path)
    have = {(r["code"], r["form"]) for r in rows}
    named = {r["code"] for r in rows if r["kind"] == "name"}
    missing = 0
    for code, ar, en in skeleton():
        if code not in named:
            print(f"NO NAME\t{code}\t{ar}\t{en}")
            missing += 1
        elif (code, ar) not in have:
            print(f"CLDR NAME NOT LISTED\t{code}\t{ar}\t{en}")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("skeleton", help="print code, CLDR Arabic name, English name")
    c = sub.add_parser("check", help="compare the curated lexicon with the skeleton")
    c.add_argument("path", nargs="?", type=Path, default=LEXICON)
    a = ap.parse_args(argv)
    if a.cmd == "skeleton":
        for row in skeleton():
            print("\t".join(row))
        return 0
    return check(a.path)


if __name__ == "__main__":
    sys.exit(main())
