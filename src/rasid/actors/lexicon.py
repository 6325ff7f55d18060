"""Actor lexicons: loading the data files of ``rasid/data/lexicons`` into matchers.

Files (TSV, header line, ``#`` comments allowed):
- ``countries.tsv``  code, kind (name|nisba|capital|alias), form, note
- ``igos.tsv``       code, form, identifier, note
- ``offices.tsv``    form, sector, office, level, note
- ``groups.tsv``     form, code, sector, identifier, note
- ``actors_kb.tsv``  name, aliases, code, sector, office, from, to, note
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasid.text.match import PhraseMatcher, phrase_key
from rasid.text.normalize import fold

__all__ = [
    "CountryForm",
    "Office",
    "Group",
    "KBPerson",
    "persons_on",
    "ActorLexicon",
    "actor_lexicon",
    "read_tsv",
    "data_path",
]


def data_path(*parts: str) -> Path:
    return Path(str(resources.files("rasid").joinpath("data", *parts)))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts; blank and ``#`` lines skipped. Missing file → []."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return []
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


@dataclass(frozen=True, slots=True)
class CountryForm:
    code: str
    kind: str  # name | nisba | capital | alias
    form: str
    ambiguous: tuple[str, ...] = ()  # other codes this form may denote
    weak: bool = False  # also an ordinary word (المالية 'financial'): only inside an actor phrase


@dataclass(frozen=True, slots=True)
class Office:
    form: str
    sector: str
    office: str
    level: int
    kind: str = "office"  # office | rank | body | generic | delegation
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Group:
    form: str
    code: str | None
    sector: str
    identifier: str
    igo: bool = False
    weak: bool = False  # also an ordinary word (فتح، القاعدة، الجزيرة): needs a cue


@dataclass(slots=True)
class KBPerson:
    name: str
    aliases: tuple[str, ...]
    code: str
    sector: str
    office: str
    start: dt.date | None
    end: dt.date | None

    def active(self, on: dt.date | None) -> bool:
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


def _date(s: str, end: bool = False) -> dt.date | None:
    s = s.strip()
    if not s:
        return None
    parts = s.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return dt.date(y, 12, 31) if end else dt.date(y, 1, 1)
        m = int(parts[1])
        if len(parts) == 2:
            if end:
                nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
                return nxt - dt.timedelta(days=1)
            return dt.date(y, m, 1)
        return dt.date(y, m, int(parts[2]))
    except ValueError:
        return None


_RANK_SECTORS = {"MIL"}


@dataclass
class ActorLexicon:
    countries: PhraseMatcher = field(default_factory=lambda: PhraseMatcher(tanween=True, dual=True))  # القطريان، أمريكيا
    offices: PhraseMatcher = field(default_factory=lambda: PhraseMatcher(tanween=True, dual=True))
    groups: PhraseMatcher = field(default_factory=PhraseMatcher)
    persons: PhraseMatcher = field(default_factory=PhraseMatcher)
    country_names: dict[str, str] = field(default_factory=dict)  # code -> first Arabic name
    kb: list[KBPerson] = field(default_factory=list)
    _kb_index: dict[str, list[KBPerson]] | None = None

    @classmethod
    def load(cls, folder: Path | None = None) -> ActorLexicon:
        folder = folder or data_path("lexicons")
        lex = cls()
        # countries: a form listed for several codes is ambiguous
        by_form: dict[tuple[str, ...], list[dict[str, str]]] = {}
        for row in read_tsv(folder / "countries.tsv"):
            form = row.get("form", "")
            if not form or not row.get("code"):
                continue
            by_form.setdefault(phrase_key(form), []).append(row)
        for rows in by_form.values():
            # a form listed under several codes: the row whose note names it the default comes first
            rows.sort(key=lambda r: 0 if "default " + r["code"].upper() in (r.get("note") or "") else 1)
            first = rows[0]
            codes = tuple(dict.fromkeys(r["code"].upper() for r in rows))
            note = (first.get("note") or "").lower()
            weak = "also the adjective" in note or "ordinary word" in note or "weak" in note
            cf = CountryForm(first["code"].upper(), first.get("kind", "name") or "name", first["form"],
                             ambiguous=codes[1:], weak=weak)
            lex.countries.add(first["form"], cf)
            if cf.kind == "name":
                lex.country_names.setdefault(cf.code, cf.form)
        for row in read_tsv(folder / "igos.tsv"):
            if row.get("form"):
                ident = (row.get("identifier") or "").lower()
                person = any(w in ident for w in ("envoy", "secretary-general", "secretary general", "commissioner",
                                                   "representative", "spokes", "president of", "chair"))
                lex.groups.add(row["form"], Group(row["form"], (row.get("code") or "IGO").upper(),
                                                  "GOV" if person else "IGO",
                                                  row.get("identifier") or row["form"], igo=True,
                                                  weak="weak" in (row.get("note") or "")))
        for row in read_tsv(folder / "groups.tsv"):
            if row.get("form"):
                lex.groups.add(row["form"], Group(row["form"], (row.get("code") or "").upper() or None,
                                                  row.get("sector") or "UNK",
                                                  row.get("identifier") or row["form"],
                                                  weak="weak" in (row.get("note") or "")))
        for row in read_tsv(folder / "offices.tsv"):
            if not row.get("form"):
                continue
            try:
                level = int(row.get("level") or 5)
            except ValueError:
                level = 5
            note = (row.get("note") or "").lower()
            kind = "office"
            for k, name in (("rank", "rank"), ("institution", "body"), ("body", "body"), ("generic", "generic"),
                            ("delegation", "delegation"), ("title", "title")):
                if note.startswith(k) or f"; {k}" in note or f" {k}" in f" {note.split(';')[0]}":
                    kind = name
                    break
            lex.offices.add(row["form"], Office(row["form"], row.get("sector") or "GOV",
                                                row.get("office") or "", level, kind, weak="weak" in note))
        for row in read_tsv(folder / "actors_kb.tsv"):
            if not row.get("name"):
                continue
            aliases = [a.strip() for a in (row.get("aliases") or "").replace("|", ";").split(";") if a.strip()]
            # "~بري": an alias that is also a common word ("هجوم بري") names the person only after a title
            # ("رئيس مجلس النواب نبيه بري"، "الرئيس بري"); it is never read alone
            p = KBPerson(row["name"], tuple(a.lstrip("~") for a in aliases),
                         (row.get("code") or "").upper(), row.get("sector") or "GOV", row.get("office") or "",
                         _date(row.get("from", "")), _date(row.get("to", ""), end=True))
            lex.kb.append(p)
            for form in _spellings(p.name, *(a for a in aliases if not a.startswith("~"))):
                # several KB rows may share a name (offices over time): keep a list
                key = phrase_key(form)
                if not key:
                    continue
                existing = lex.persons.get(key)
                if existing is None:
                    lex.persons.add(form, [p])
                else:
                    existing.append(p)
        return lex

    def kb_holder(self, code: str, office: str, on: dt.date | None) -> KBPerson | None:
        """The one person the knowledge base knows in ``office`` for ``code`` on date ``on`` (or None)."""
        if on is None or not office:
            return None
        want = office.strip().lower()
        hits = [p for p in self.kb if p.code == code and p.office.strip().lower() == want and p.active(on)
                and p.start is not None]
        return hits[0] if len({p.name for p in hits}) == 1 else None

    def kb_lookup(self, name: str, on: dt.date | None = None) -> KBPerson | None:
        """The knowledge-base person called ``name`` (full name or alias), preferring the office
        spell active on ``on``."""
        if self._kb_index is None:
            idx: dict[str, list[KBPerson]] = {}
            for p in self.kb:
                for form in _spellings(p.name, *p.aliases):
                    idx.setdefault(fold(form), []).append(p)
            self._kb_index = idx
        cands = persons_on(self._kb_index.get(fold(name), []), on)
        return cands[0] if cands else None


@lru_cache(maxsize=2)
def actor_lexicon(folder: str | None = None) -> ActorLexicon:
    """The packaged actor lexicon, loaded once per process."""
    return ActorLexicon.load(Path(folder) if folder else None)


@lru_cache(maxsize=1)
def head_words() -> frozenset[str]:
    """First words of actor-lexicon entries (وزارة، وفد، ...): a whole word that is one of them is not
    a clitic plus something else (وزارة ≠ و + زاره, وفدا ≠ و + فدا)."""
    lex = actor_lexicon()
    words: set[str] = set()
    for matcher in (lex.offices, lex.groups, lex.countries):
        words.update(k for k in matcher._root if k != "\x00")
    return frozenset(words)


_ABD = re.compile(r"(?<!\S)(عبد|أبو|ابو) (?=\S)")


def _spellings(*forms: str) -> list[str]:
    """Each name as written plus its joined compound spelling: "عبد الفتاح" / "عبدالفتاح", "أبو بكر" / "أبوبكر"."""
    out: list[str] = []
    for f in forms:
        for v in (f, _ABD.sub(r"\1", f)):
            if v not in out:
                out.append(v)
    return out


def persons_on(persons: list[KBPerson], on: dt.date | None) -> list[KBPerson]:
    """The knowledge-base rows of a name usable on date ``on``: the spell active then first, then earlier
    spells; rows that start after ``on`` are left out (the KB knows the person only in later offices)."""
    if on is None:
        return persons
    active = [p for p in persons if p.active(on)]
    return active + [p for p in persons if p not in active and not (p.start is not None and p.start > on)]
