"""The gazetteer service: places, their Arabic forms, and the policy for forms that are also words.

Loaded once per process from ``rasid/data/gazetteer`` (``places.tsv`` built by ``tools/build_gazetteer.py``,
the hand-written ``facilities.tsv``, ``stoplist.tsv`` and the generated ``common_forms.tsv``) and cached by
:func:`load_gazetteer`. Lookups are by matching form (:func:`rasid.text.normalize.fold`), by GeoNames id or by
English name.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasid.text.match import PhraseMatcher
from rasid.text.normalize import fold

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "read_rows", "DATA_DIR"]

DATA_DIR = Path(str(resources.files("rasid") / "data" / "gazetteer"))

_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR"})
_PROVINCE_CODES = frozenset({"ADM1", "ADM1H", "ADM2", "RGN", "PEN"})
# spelling variants of transliterated names: cities of at least this population, outside the countries whose
# place names are Arabic (or long fixed in Arabic)
_VARIANT_POP = 1_000_000
_ARABIC_NAMES = frozenset(
    "SAU YEM OMN ARE QAT BHR KWT IRQ SYR LBN JOR PSE ISR EGY SDN LBY TUN DZA MAR MRT ESH SOM DJI COM TCD TUR IRN".split())


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place (or a facility, resolved to the city it stands in)."""

    key: int  # row number, unique in this gazetteer
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str  # ISO alpha-3
    feature_code: str
    population: int
    admin1: str
    resolution: str  # city | province | country | facility
    forms: tuple[str, ...]  # Arabic forms as written in the data
    nisba: tuple[str, ...] = ()
    facility: str | None = None  # English facility name when resolution == "facility"

    @property
    def weight(self) -> float:
        """Prior from population (log scale)."""
        return math.log10(self.population + 10)


def _name_key(name: str) -> str:
    """English-name key: case and diacritics ignored (Hūn = Hun, Rafaḩ = Rafah)."""
    if name.isascii():
        return name.casefold()
    d = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in d if not unicodedata.combining(c)).replace("’", "'").replace("‘", "'")


def _resolution(fcode: str) -> str:
    if fcode in _COUNTRY_CODES:
        return "country"
    if fcode in _PROVINCE_CODES:
        return "province"
    return "city"


def read_rows(path: Path) -> list[list[str]]:
    """The tab-separated rows of a data file, comment and blank lines skipped."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            out.append(line.rstrip("\n").split("\t"))
    return out


class Gazetteer:
    """Places indexed by matching form; see the module docstring."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.entries: list[Entry] = []
        self.by_form: dict[str, list[int]] = {}
        self.by_geonameid: dict[int, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        self.country: dict[str, Entry] = {}  # ISO3 -> country entry
        self.nisba: dict[str, str] = {}  # folded adjective -> ISO3
        self.policy: dict[str, str] = {}  # folded form -> drop | cue | strong | keep
        # folded form -> words that, right after it, make it a common phrase ("القائم بأعمال": chargé d'affaires)
        self.not_before: dict[str, frozenset[str]] = {}
        self.words: set[str] = set()  # folded whole tokens that are never a place, whatever the form inside
        self._matcher: PhraseMatcher | None = None

        rows = read_rows(data_dir / "places.tsv")
        header = rows.pop(0)
        assert header[0] == "geonameid", header
        for r in rows:
            gid, name, arabic, lat, lon, iso3, fcode, pop, admin1, nisba = (r + [""] * 10)[:10]
            e = Entry(
                key=len(self.entries),
                geonameid=int(gid) if gid else None,
                name=name,
                lat=float(lat),
                lon=float(lon),
                country=iso3,
                feature_code=fcode,
                population=int(pop or 0),
                admin1=admin1,
                resolution=_resolution(fcode),
                forms=tuple(a for a in arabic.split("|") if a),
                nisba=tuple(n for n in nisba.split("|") if n),
            )
            self._add(e)
            if e.resolution == "country":
                self.country.setdefault(iso3, e)
                for n in e.nisba:
                    self.nisba.setdefault(fold(n), iso3)
        for r in read_rows(data_dir / "facilities.tsv"):
            arabic, fac, fcode, city, iso3 = r[:5]
            anchor = self.city(city, iso3)
            if anchor is None:
                raise ValueError(f"facilities.tsv: no city {city!r} in {iso3}")
            self._add(
                Entry(
                    key=len(self.entries),
                    geonameid=anchor.geonameid,
                    name=anchor.name,
                    lat=anchor.lat,
                    lon=anchor.lon,
                    country=iso3,
                    feature_code=fcode,
                    population=anchor.population,
                    admin1=anchor.admin1,
                    resolution="facility",
                    forms=tuple(a for a in arabic.split("|") if a),
                    facility=fac,
                ),
                index_name=False,
            )
        self._add_alef_variants()
        common = data_dir / "common_forms.tsv"
        if common.exists():
            for r in read_rows(common):
                policy = r[1]
                try:
                    count, pop = int(r[2]), int(r[3])
                except (IndexError, ValueError):
                    count, pop = 0, 0
                if policy == "drop" and pop > 0 and count / math.sqrt(pop) <= 1.0:
                    # dropped only for being small, not for being a common word: still a place after a cue
                    # word ("بمدينة سجنان"، "قرية X") or before its country
                    policy = "strong"
                self.policy[fold(r[0])] = policy
        for r in read_rows(data_dir / "stoplist.tsv"):  # hand-reviewed list wins
            if r[1] == "word":  # a whole token, clitic and all, that is a common word ("بحجة": on the pretext)
                self.words.add(fold(r[0]))
                continue
            self.policy[fold(r[0])] = r[1]
            if len(r) > 3 and r[3].strip():
                self.not_before[fold(r[0])] = frozenset(fold(w) for w in r[3].split("|") if w.strip())

    def _add_alef_variants(self) -> None:
        """Foreign city names are transliterated with or without a long ا ("جاكارتا" / "جاكرتا"، "كاراتشي" /
        "كراتشي") and with a final ة or ا ("كويتة" / "كويتا"): index large cities outside the Arabic-speaking world
        under each spelling without one medial ا, and with a final ا for a final ة, when no place already has that
        spelling."""
        new: dict[str, set[int]] = {}
        for e in self.entries:
            if e.resolution != "city" or e.population < _VARIANT_POP or e.country in _ARABIC_NAMES:
                continue
            for a in e.forms:
                k = fold(a)
                if " " in k or len(k) < 5:
                    continue
                start = 2 if k.startswith("ال") else 1
                variants = [k[:i] + k[i + 1:] for i in range(start, len(k) - 1) if k[i] == "ا"] if len(k) >= 6 else []
                if k[-1] == "ه":  # "كويتة" / "كويتا" (Quetta); not the other way: "صوفية" is Sufi, not Sofia
                    variants.append(k[:-1] + "ا")
                for v in variants:
                    if v not in self.by_form and v + "ء" not in self.by_form:  # سامرا is Samarra (سامراء)
                        new.setdefault(v, set()).add(e.key)
        for v, keys in new.items():
            if len(keys) == 1:  # a spelling two cities would share is left out
                self.by_form[v] = sorted(keys)

    def _add(self, e: Entry, index_name: bool = True) -> None:
        self.entries.append(e)
        for a in e.forms:
            k = fold(a)
            keys = [k]
            words = k.split()
            if len(words) == 2 and not any(w.startswith("ال") for w in words) and len(k) >= 7:
                keys.append("".join(words))  # "ديار بكر" is also written "دياربكر", "أبو ظبي" "أبوظبي"
            for key in keys:
                lst = self.by_form.setdefault(key, [])
                if e.key not in lst:
                    lst.append(e.key)
        if index_name:
            if e.geonameid is not None:
                self.by_geonameid.setdefault(e.geonameid, []).append(e.key)
            self.by_name.setdefault(_name_key(e.name), []).append(e.key)

    # -- lookups ---------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, form: str) -> list[Entry]:
        """Entries that have ``form`` (any spelling; folded here) among their Arabic forms."""
        return [self.entries[k] for k in self.by_form.get(fold(form), ())]

    def form_policy(self, form: str) -> str | None:
        """drop | cue | strong | keep, or None for an ordinary place form."""
        return self.policy.get(fold(form))

    def get(self, name_or_id: int | str) -> Entry | None:
        """By GeoNames id, by English name (case-insensitive) or by Arabic form; the most populous wins."""
        keys: list[int] = []
        if isinstance(name_or_id, int) or (isinstance(name_or_id, str) and name_or_id.isdigit()):
            keys = self.by_geonameid.get(int(name_or_id), [])
        else:
            keys = self.by_name.get(_name_key(name_or_id), []) or self.by_form.get(fold(name_or_id), [])
        if not keys:
            return None
        cands = [self.entries[k] for k in keys]
        # a country outranks a city of the same name (Algeria / Algiers); then population
        return max(cands, key=lambda e: (e.resolution == "country", e.resolution != "facility", e.population))

    def city(self, name: str, iso3: str) -> Entry | None:
        """The most populous city called ``name`` (English) in country ``iso3``."""
        cands = [
            self.entries[k]
            for k in self.by_name.get(_name_key(name), [])
            if self.entries[k].country == iso3 and self.entries[k].resolution == "city"
        ]
        return max(cands, key=lambda e: e.population) if cands else None

    @property
    def matcher(self) -> PhraseMatcher:
        """Token-trie matcher over every indexed form (payload: the folded form); built on first use."""
        if self._matcher is None:
            m = PhraseMatcher()
            for k in self.by_form:
                if self.policy.get(k) != "drop":
                    m.add(k, k)
            self._matcher = m
        return self._matcher


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first call)."""
    return Gazetteer()
