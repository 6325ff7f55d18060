"""Actor mentions: lexicon atoms composed into actor phrases, then linked within the article.

An actor phrase in Arabic news is a head (an office, rank, body or named group,
or a country) followed by modifiers that say whose it is and who holds it::

    نائب وزير الدفاع   الروسي     يونس بك يفكيروف
    [office]          [nisba]    [name]

    وزير الدفاع   بالحكومة المكلفة من مجلس النواب   أحميد حومة
    [office]      [ب + named government]            [name]

    رئيس جمهورية   النيجر     الجنرال   عبدالرحمن تشياني
    [office]       [country]  [rank]    [name]

``find_mentions`` finds the atoms with the lexicons (clitic-aware), composes them
left to right into phrases, reads a person name after a title, links short and
full forms of a name within the article, and fills the country of phrases that
name none from the phrase's own context (a place in the same sentence) or from
the article's home country.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.actors.lexicon import (
    ActorLexicon,
    CountryForm,
    Group,
    KBPerson,
    Office,
    actor_lexicon,
    data_path,
    head_words,
    persons_on,
    read_tsv,
)
from rasid.model import Document, Mention, Token
from rasid.text.match import Match, readings
from rasid.text.normalize import ends_in_ta_marbuta, fold

__all__ = ["find_mentions", "home_country", "Atom"]

# modifiers that may stand between a title and the name
# academic and professional honorifics between a title and the holder's name ("الأمين العام الدكتور X")
_HONORIFICS = {fold(w) for w in ("الدكتور", "الدكتورة", "المهندس", "المهندسة", "الأستاذ", "الأستاذة")}
_MODIFIERS = {fold(w) for w in ("السابق", "السابقة", "الأسبق", "الحالي", "الحالية", "المؤقت", "المؤقتة",
                                 "الجديد", "الجديدة", "المكلف", "المكلفة", "بالإنابة", "أول", "الأول",
                                 "العام", "العامة", "الخاص", "الخاصة", "الدائم", "الأممي", "الأممية",
                                 "الملكي", "الملكية")}  # "القوات البرية الملكية السعودية"
_FORMER = {fold(w) for w in ("السابق", "السابقة", "الأسبق")}
_OF_PREPS = ("ب", "ل", "في")  # وزير الدفاع بالحكومة ... / في الحكومة / للقيادة العامة
_FROM = fold("من")
# prepositions written as words that govern a whole conjunction ("في سوريا والعراق")
_GOVERNING = {fold(w) for w in ("في", "إلى", "على", "من", "عن", "مع", "ضد", "داخل")}
# the formal names of states ("جمهورية مصر العربية"، "دولة الكويت"، "سلطنة عمان")
_STATE_WORDS = {fold(w) for w in ("دولة", "جمهورية", "مملكة", "المملكة", "سلطنة", "إمارة")}
_ENVOY_WORDS = ("ambassador", "envoy", "consul", "representative", "delegate", "chargé", "charge")
_AFFIL = {fold(w) for w in ("التابعة", "التابع", "التابعين", "الموالية", "الموالي", "الموالين", "المدعومة",
                             "المدعوم")}
_AND = "و"

# sectors of bodies outside the state: a person heading or speaking for one takes its sector
_NON_STATE = frozenset({"PTY", "OPP", "REB", "PRM", "SOC", "LAB", "REL", "BUS", "JRN", "EDU", "MED", "NGO"})


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(fold(r["form"]) for r in read_tsv(data_path("lexicons", "stopwords.tsv")) if r.get("form"))


@dataclass(slots=True)
class Atom:
    i: int
    j: int
    kind: str  # country | office | group | person
    payload: object
    prefix: str
    start: int
    end: int


@dataclass(slots=True)
class _Phrase:
    i: int
    j: int
    head: Atom
    codes: list[str] = field(default_factory=list)
    sector: str | None = None
    office: str | None = None
    name: tuple[int, int] | None = None  # token range of the person name
    identifier: str | None = None
    former: bool = False
    group: Group | None = None
    kind: str = "office"
    code_source: str = ""
    ambiguous: tuple[str, ...] = ()
    offices: list[Office] = field(default_factory=list)


def _atoms(doc: Document, lex: ActorLexicon, lo: int, hi: int) -> list[Atom]:
    toks = doc.tokens
    out: list[Atom] = []
    keys = _first_words(lex)
    i = lo
    while i < hi:
        if not any(f in keys for f, _ in readings(toks[i].norm, True, True)):
            poss = _possessed_office(toks[i], lex)
            if poss is not None:
                out.append(Atom(i, i + 1, "office", poss, "", toks[i].start, toks[i].end))
            i += 1
            continue
        best: tuple[Match, str] | None = None
        for kind, matcher in (("group", lex.groups), ("office", lex.offices), ("country", lex.countries),
                              ("person", lex.persons)):
            m = matcher.match_at(toks, i, hi)
            if m is not None and (best is None or m.j > best[0].j):
                best = (m, kind)
        if best is None:
            poss = _possessed_office(toks[i], lex)
            if poss is not None:
                out.append(Atom(i, i + 1, "office", poss, "", toks[i].start, toks[i].end))
            i += 1
            continue
        m, kind = best
        if kind == "country" and m.payload.kind != "nisba" and fold(m.payload.form).split()[0] not in toks[i].forms:
            # tanween and dual readings are for adjectives (وفدا أمريكيا، القطريان): بنينا is not بنين
            i += 1
            continue
        if kind == "country" and _given_name(toks, m):
            i = m.j
            continue
        if kind != "country" and getattr(m.payload, "weak", False) and not _weak_ok(toks, m, lex, hi):
            i += 1
            continue
        payload = m.payload
        if kind == "person" and "ك" in m.prefix:
            i += 1  # "كبرى المدن" (the largest) is no كـ + بري
            continue
        if kind == "person":
            payload = persons_on(payload, doc.article.published)
            if not payload:
                # the knowledge base knows this name only in later offices: an ordinary name on this date
                i += 1
                continue
        j, end, k, start, prefix = m.j, m.end, m.i, m.start, m.prefix
        if kind == "person":
            # "عبداللطيف بن راشد الزياني": the given names and lineage before a known family name
            while k - 2 >= lo and toks[k - 2].norm in _LINEAGE and toks[k - 1].is_word \
                    and (not out or out[-1].j <= k - 3):
                k -= 2
            if k < m.i and toks[k - 1].is_word and (not out or out[-1].j <= k - 1):
                k -= 1
            if k < m.i:
                start, prefix = toks[k].start, ""
            # "محمد بن سلمان بن عبدالعزيز": the rest of the lineage belongs to the name
            while j + 1 < hi and toks[j].norm in _LINEAGE and toks[j + 1].is_word:
                j += 2 if not (toks[j + 1].norm in _ABD_WORDS and j + 2 < hi) else 3
                end = toks[j - 1].end
        out.append(Atom(k, j, kind, payload, prefix, start, end))
        i = j
    return out


# the links of a lineage after a known name (بن، بنت) and the first half of a split compound name (عبد العزيز)
_LINEAGE = {fold(w) for w in ("بن", "بنت")}
_ABD_WORDS = {fold(w) for w in ("عبد", "أبو")}
# ranks that are also common nouns ("الفريق" the team): a mention only with a name or a country
_TEAM_RANKS = {fold(w) for w in ("الفريق", "فريق")}
_NAME_PARTICLES = {fold(w) for w in ("بن", "ابن", "بنت", "عبد", "آل", "أبو", "أبي", "أبا", "أم", "ولد", "ال")}
_NAME_TITLES = {fold(w) for w in ("الأمير", "الأميرة", "الشيخ", "الشيخة", "بن", "بنت", "ابن", "أبو", "أم")}


def _given_name(toks: Sequence[Token], m: Match) -> bool:
    """"الأمير تركي الفيصل"، "سعود بن تركي": a bare nisba after a title or بن is a given name, not Turkey."""
    if m.i == 0 or m.payload.kind != "nisba" or m.prefix or toks[m.i].norm.startswith("ال"):
        return False
    return toks[m.i - 1].norm in _NAME_TITLES


_GROUP_CUES = {fold(w) for w in ("حركة", "حزب", "جماعة", "تنظيم", "قناة", "فضائية", "حلف", "قوات", "أجهزة",
                                  "ميليشيا", "ميليشيات", "فصيل", "مقاتلي", "عناصر")}


def _weak_ok(toks: Sequence[Token], m: Match, lex: ActorLexicon, hi: int) -> bool:
    """A weak entry (also an ordinary word) counts only after a cue (حركة فتح) or before a nisba (الأمن الليبي)."""
    if m.i > 0 and set(toks[m.i - 1].forms) & _GROUP_CUES:
        return True
    if m.j < hi:
        nxt = lex.countries.match_at(toks, m.j, hi)
        if nxt is not None and nxt.i == m.j and isinstance(nxt.payload, CountryForm) and nxt.payload.kind == "nisba":
            return True
        if nxt is not None and nxt.i == m.j and isinstance(nxt.payload, CountryForm) and nxt.payload.kind == "name" \
                and nxt.j == m.j + 1 and toks[m.j].norm.startswith("ال") and toks[m.j].norm.endswith("يه") \
                and not (m.i > 0 and toks[m.i - 1].is_word and toks[m.i - 1].norm.startswith("ال")):
            # "الداخلية السعودية": a country name shaped like a feminine adjective (not "الشؤون الداخلية السعودية",
            # where the weak word is itself an adjective)
            return True
    # "النائب أحمد المساري": a personal title before a two-word name (not "نائب الرئيس", a definite complement)
    if m.payload.sector == "LEG" and m.j + 1 < hi and not toks[m.j].norm.startswith("ال"):
        stop = _stopwords()
        return all(_is_name_token(t, stop) for t in toks[m.j:m.j + 2])
    return False


_POSSESSIVE = ("هما", "هم", "ها", "ه")
_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _first_words(lex: ActorLexicon) -> frozenset[str]:
    """First words of every actor entry (all matchers): tokens starting none are skipped at once."""
    key = id(lex)
    if key not in _FIRST_WORDS:
        _FIRST_WORDS[key] = frozenset(lex.groups.first_words() | lex.offices.first_words()
                                      | lex.countries.first_words() | lex.persons.first_words())
    return _FIRST_WORDS[key]


def _possessed_office(t: Token, lex: ActorLexicon) -> Office | None:
    """قائدها / رئيسه / زعيمهم: a one-word title with a possessive pronoun (its owner is resolved later)."""
    w = t.norm
    if not w.endswith(_POSSESSIVE) or len(w) < 4:
        return None
    if ends_in_ta_marbuta(t.text):
        return None  # a feminine noun (محافظة), not a pronoun suffix
    for suf in _POSSESSIVE:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            o = lex.offices.get((w[: -len(suf)],))
            if isinstance(o, Office) and _person_office(o):
                return Office(o.form, o.sector, o.office, o.level, "possessed")
            if w[: -len(suf)] in _DEPUTY_STEMS:
                # "نائبه"، "مساعدها": the deputy of the one named before (bare نائب is no title: an MP, a deputy of what)
                stem = w[: -len(suf)]
                return Office(stem, "GOV", _DEPUTY_STEMS[stem], 5, "possessed")
    return None


_DEPUTY_STEMS = {fold("نائب"): "Deputy", fold("مساعد"): "Assistant"}


_PLACE_CUES = {fold(w) for w in ("مدينة", "محافظة", "العاصمة", "منطقة", "ولاية", "إقليم", "مطار", "شرق", "غرب",
                                  "شمال", "جنوب", "وسط", "قرية", "بلدة", "ميناء", "قاعدة", "مقر", "قصر")}


def _is_place_word(t: Token, first: bool) -> bool:
    """A place name cannot start a person name; later in a name only major places end it
    (many family names are also small towns: ماروا / Maroua)."""
    try:
        from rasid.place.gazetteer import load_gazetteer
    except ImportError:  # pragma: no cover
        return False
    gaz = load_gazetteer()
    for f in t.forms:
        if f in _PLACE_CUES:
            return True
        for e in gaz.candidates(f):
            if gaz.form_policy(f) in ("drop", "cue"):
                continue
            if first or e.resolution in ("country", "province") or e.population >= 1_000_000:
                return True
    return False


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """First words of event triggers, and the nouns of support-verb triggers ("دعم" of "أكد دعمه")."""
    from rasid.events.triggers import trigger_lexicon

    lex = trigger_lexicon()
    nouns = {n for v in lex.gapped.first_words() for _, nset in (lex.gapped.get(v) or []) for n in nset}
    return frozenset(lex.matcher.first_words() | nouns)


def _is_name_token(t: Token, stop: frozenset[str], first: bool = True) -> bool:
    w = t.norm
    if not t.is_word or w in stop or w.isdigit():
        return False
    if len(w) < 2:
        return False
    for f, pre in zip(t.forms, t.prefixes, strict=False):
        # بالحكومة، للقيادة، لمدينة: a preposition + a definite or cue word starts a new phrase
        if pre.strip("و") and (f.startswith("ال") or f in _PLACE_CUES):
            return False
    if _is_place_word(t, first):
        return False
    if any(f in _trigger_words() for f, _ in readings(w, True, False)):
        return False  # "الرئيس الروسي اتصالا هاتفيا": an event word ends the name
    if not first and any(w.endswith(s) and w[:-len(s)] in head_words() for s in ("ه", "ها", "هم")):
        return False  # "سلفا كير نائبه السابق": a title with a possessive suffix starts a new phrase
    # a token with a conjunction/preposition proclitic whose stem is a stopword ends the name
    return all(not (pre and f in stop) for f, pre in zip(t.forms, t.prefixes, strict=False))


def _read_name(doc: Document, i: int, hi: int, atom_starts: set[int], stop: frozenset[str],
               ner_pers: set[int]) -> int:
    """Return one past the last token of a person name starting at token i (i if none)."""
    toks = doc.tokens
    j = i
    if i < hi and toks[i].norm.startswith("ال") and (i == 0 or not toks[i - 1].norm.startswith("ال")):
        return i  # "رئيس الإقليم": a definite word after an indefinite title is its complement, not a name
    if i < hi and toks[i].norm.startswith("ال") and i not in ner_pers and (
            toks[i].norm.endswith(("ات", "اع", "ين", "ون")) or toks[i].norm in stop):
        return i  # "بحث الوزير الألماني الأوضاع": a definite plural or common word the tagger calls no name
    if i < hi and len(toks[i].norm) >= 5 and toks[i].norm.endswith("ا") and i not in ner_pers:
        return i  # "السفير الإسرائيلي احتجاجا": an accusative adverb, not a name
    if i < hi and i not in ner_pers and any(
            pre.strip("و") in ("ب", "ل") and len(f) >= 5 and f.startswith("ا") and f[-2] == "ا"
            for f, pre in zip(toks[i].forms, toks[i].prefixes, strict=False)):
        return i  # "الرئيس التركي باتباع استراتيجية"، "بانسحاب": ب + a verbal noun (افتعال، استفعال) is no name
    while j < hi and j - i < 5 and j not in atom_starts and _is_name_token(toks[j], stop, first=j == i):
        # a conjunction-prefixed word starts a new conjunct unless the tagger says it is inside a name
        if j > i and toks[j].norm.startswith(_AND) and j not in ner_pers:
            break
        j += 1
    # names are at least one token; a lone token right after a title is accepted only
    # when it is not a common adjective-looking word ending in ي/يه (nisba-like)
    if j - i == 1 and (toks[i].norm.endswith("يه") or toks[i].norm.endswith("يين")) and i not in ner_pers:
        return i
    return j


def home_country(doc: Document) -> str | None:
    """The article's home country: the dateline's country, else the most mentioned one."""
    dl = doc.article.dateline
    top = max(doc.countries.items(), key=lambda kv: (kv[1], kv[0])) if doc.countries else None
    if dl is not None:
        from rasid.place.resolve import geocode  # lazy: the place layer is optional here

        p = geocode(dl.text)
        if p is not None and p.country_code:
            if top is not None and top[0] != p.country_code and doc.countries.get(p.country_code, 0) * 3 < top[1]:
                return top[0]  # "عين اليوم – جاكرتا" on a story about Turkey: a dateline abroad, on a trip
            return p.country_code
    if doc.countries:
        return max(doc.countries.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return None


def find_mentions(doc: Document, lex: ActorLexicon | None = None, ner: list[tuple[int, int, str]] | None = None,
                  ) -> list[Mention]:
    """Actor mentions of the document, in text order, with linked identities.

    ``ner`` are optional (start, end, label) name proposals of the statistical tagger.
    Also fills ``doc.countries`` (code → number of mentions).
    """
    lex = lex or actor_lexicon()
    stop = _stopwords()
    toks = doc.tokens
    ner = ner or []
    ner_pers: set[int] = set()
    if ner:
        k = 0
        spans = sorted(s for s in ner if s[2] in ("PERS", "PER"))
        for t in toks:
            while k < len(spans) and spans[k][1] <= t.start:
                k += 1
            if k < len(spans) and spans[k][0] <= t.start < spans[k][1]:
                ner_pers.add(t.index)
    phrases: list[_Phrase] = []
    per_sent = [_atoms(doc, lex, sent.tok_start, sent.tok_end) for sent in doc.sentences]
    _contextual_atoms(doc, per_sent)
    for sent, atoms in zip(doc.sentences, per_sent, strict=True):
        phrases.extend(_compose(doc, atoms, sent.tok_end, stop, ner_pers))
    mentions = [_to_mention(doc, p, lex) for p in phrases if not _weak_alone(doc, p)]
    mentions = [m for m in mentions if not _nisba_first_name(doc, m)]
    _count_countries(doc, mentions)
    _link_names(doc, mentions, lex, stop, ner_pers)
    _link_short_groups(mentions)
    _group_anaphora(doc, mentions)
    _resolve_anaphora(doc, mentions)
    _fill_from_sentence(doc, mentions)
    _governed_conjuncts(doc, mentions)
    return mentions


# adjectives that are also common first names: "تركي الضفيان"، "تركي بن محمد" name a man, not Turkey
_NISBA_NAMES = {fold(w) for w in ("تركي",)}


def _nisba_first_name(doc: Document, m: Mention) -> bool:
    """A bare indefinite nationality adjective that is also a first name, followed by a family name (an ال-word
    that is no adjective), بن or آل: a person's name, not a country."""
    tok = m.extra.get("tok")
    if m.kind != "nisba" or not tok or tok[1] - tok[0] != 1 or fold(m.text) not in _NISBA_NAMES:
        return False
    if tok[1] >= len(doc.tokens):
        return False
    nxt = doc.tokens[tok[1]]
    if nxt.norm in (fold("بن"), fold("آل"), fold("ال")):
        return True
    if not (nxt.is_word and nxt.norm.startswith("ال")):
        return False
    cm = actor_lexicon().countries.match_at(doc.tokens, tok[1])
    return cm is None or cm.i != tok[1]  # ("تركي السديري": a family name; "تركي الجنسية" stays with Turkey below)


def _governed_conjuncts(doc: Document, mentions: list[Mention]) -> None:
    """"للنظام السوري وحزب الله": a و-conjunct right after a mention governed by ب or ل (an adjective or two
    between) is governed like it; its ``conjunct_prefix`` records the first member's proclitics, and its
    ``conjunct_gov`` the preposition word before the first member ("في سوريا والعراق")."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if (b.extra.get("prefix") or "") != "و" or "tok" not in a.extra or "tok" not in b.extra:
            continue
        pre = (a.extra.get("prefix") or "").lstrip("وف")
        gap = doc.tokens[a.extra["tok"][1]:b.extra["tok"][0]]
        if not (len(gap) <= 2 and all(t.is_word and t.norm.startswith("ال") for t in gap)):
            continue
        if pre and pre[-1] in "بل":
            b.extra["conjunct_prefix"] = a.extra["prefix"]
        elif not pre and a.extra["tok"][0] > 0 and doc.tokens[a.extra["tok"][0] - 1].norm in _GOVERNING:
            # "نفذوا 41 ضربة في سوريا والعراق": the second member is in the same place phrase
            b.extra["conjunct_gov"] = doc.tokens[a.extra["tok"][0] - 1].norm


@lru_cache(maxsize=1)
def _contextual_table() -> dict[str, list[dict[str, str]]]:
    table: dict[str, list[dict[str, str]]] = {}
    for row in read_tsv(data_path("lexicons", "contextual.tsv")):
        if row.get("form"):
            table.setdefault(fold(row["form"]), []).append(row)
    return table


def _contextual_atoms(doc: Document, per_sent: list[list[Atom]]) -> None:
    """Names whose country depends on the article's conflict become atoms once the article's countries
    are known: "التحالف" is the Saudi-led coalition in a report on Yemen and the US-led one in a report on
    Iraq (data/lexicons/contextual.tsv). A name no listed context fits stays unresolved."""
    table = _contextual_table()
    counts: dict[str, int] = {}
    for atoms in per_sent:
        for a in atoms:
            if a.kind == "country":
                counts[a.payload.code] = counts.get(a.payload.code, 0) + 1
            elif a.kind == "group" and a.payload.code and len(a.payload.code) == 3:
                counts[a.payload.code] = counts.get(a.payload.code, 0) + 1
    home = None
    if doc.article.dateline is None and counts:
        home = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    toks = doc.tokens
    for sent, atoms in zip(doc.sentences, per_sent, strict=True):
        for k, a in enumerate(atoms):  # a bare body the context names: "الطيران" in a report on Yemen
            if a.kind == "office" and a.j - a.i == 1:
                rows = table.get(toks[a.i].forms[-1] if not a.prefix else toks[a.i].norm) or table.get(
                    next((f for f, p in zip(toks[a.i].forms, toks[a.i].prefixes, strict=False) if p == a.prefix),
                         ""))
                g = _resolve_context(rows, counts, home) if rows else None
                if g is not None:
                    atoms[k] = Atom(a.i, a.j, "group", g, a.prefix, a.start, a.end)
        taken = {i for a in atoms for i in range(a.i, a.j)}
        added = []
        for i in range(sent.tok_start, sent.tok_end):
            if i in taken:
                continue
            t = toks[i]
            nxt = toks[i + 1].norm if i + 1 < sent.tok_end else ""
            if nxt.startswith("ال") and nxt not in _CONTEXT_OK_NEXT and not _disagrees(t, toks[i + 1]):
                continue  # "التحالف الوطني" (an Iraqi bloc) is not "the coalition"; "بدور المملكة المحوري" is
            for f, pre in zip(t.forms, t.prefixes, strict=False):
                rows = table.get(f)
                if not rows:
                    continue
                g = _resolve_context(rows, counts, home)
                if g is not None:
                    start = t.start + _clitic_offset(t, pre)
                    added.append(Atom(i, i + 1, "group", g, pre, start, t.end))
                break
        if added:
            atoms.extend(added)
            atoms.sort(key=lambda a: a.i)


_CONTEXT_OK_NEXT = {fold(w) for w in ("العربي", "الدولي", "الشعبية", "الجنوبية")}


def _clitic_offset(t: Token, pre: str) -> int:
    from rasid.text.match import clitic_len

    return clitic_len(t, pre)


def _resolve_context(rows: list[dict[str, str]], counts: dict[str, int], home: str | None) -> Group | None:
    best = None
    for r in rows:
        ctx = r.get("context", "")
        score = counts.get(ctx, 0) if ctx != "*" else 0.5
        if score > 0 and (best is None or score > best[0]):
            best = (score, r)
    if best is None:
        return None
    r = best[1]
    code = r["code"] if r["code"] != "*" else home
    if not code:
        return None
    return Group(r["form"], code, r.get("sector") or "UNK", r.get("identifier") or r["form"])


_COLLECTIVE = {"CVL", "REF", "LAB", "EDU", "MED", "JRN", "PTY", "OPP"}


def _fill_from_sentence(doc: Document, mentions: list[Mention]) -> None:
    """Conjuncts, titles in apposition and civilians take the country of their sentence.

    "الشرطة العراقية والقوات الخاصة": the second conjunct shares the first one's country;
    "رئيس الحكومة، بنيامين نتنياهو": the title takes the country of the named person after it;
    "فرقت الشرطة التونسية المحتجين": protesters are of the country the sentence is about
    (when the sentence names exactly one country).
    """
    prev: Mention | None = None
    same: list[Mention] = []
    for k, m in enumerate(mentions):
        if any(m is x for x in same):
            continue
        if m.code is None:
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if prev is not None and prev.code and (m.extra.get("prefix") or "").startswith("و") \
                    and m.extra["tok"][0] == prev.extra["tok"][1] and m.kind in ("office", "org"):
                _set_code(m, prev.code, "conjunct")
            elif m.kind == "office" and nxt is not None and nxt.kind == "office" and nxt.code and m.name \
                    and not doc.text[m.end:nxt.start].strip() and not nxt.extra.get("prefix"):
                # "الرئيس عبدالله يامين رئيس جمهورية المالديف": a second title right after the name is his
                _set_code(m, nxt.code, "apposition")
            elif m.kind == "office" and m.name and nxt is not None and nxt.kind in ("office", "org") and nxt.code \
                    and doc.text[m.end:nxt.start].strip() == "،" and not nxt.extra.get("prefix"):
                # "اللواء أحمد عسيري، المتحدث باسم قوات التحالف": the title in apposition after the name is his
                # (one person: the title is no second participant)
                _set_code(m, nxt.code, "apposition")
                m.extra["apposition"] = nxt.text
                same.append(nxt)
            elif m.kind == "office" and m.name and nxt is not None and nxt.kind in ("office", "org") \
                    and not nxt.code and doc.text[m.end:nxt.start].strip() == "،" and k + 2 < len(mentions) \
                    and (body := mentions[k + 2]).code and len(doc.text[nxt.end:body.start].split()) <= 2 \
                    and not any(c in doc.text[nxt.end:body.start] for c in "،,.:؛") \
                    and (body.extra.get("prefix") or "") in ("", "ل") and body.kind in ("igo", "org", "country"):
                # "السفير أحمد بن حلي، الأمين العام المساعد لجامعة الدول العربية": the title in apposition and the
                # body it belongs to say whose official the named man is
                _set_code(m, body.code, "apposition")
                m.extra["apposition"] = doc.text[nxt.start:body.end]
                same.extend((nxt, body))
            elif m.kind == "office" and not m.name and nxt is not None and nxt.kind == "person" and nxt.code \
                    and doc.text[m.end:nxt.start].strip() == "،" and not nxt.extra.get("prefix"):
                # "رئيس الحكومة، بنيامين نتنياهو،": the name in apposition says whose office it is
                _set_code(m, nxt.code, "apposition")
                m.identifier = m.identifier or nxt.identifier or nxt.name
            elif m.sector in _COLLECTIVE:
                s = doc.sentence_of(m.start)
                codes = {x.code for x in mentions if x.code and s is not None and s.start <= x.start < s.end
                         and len(x.code) == 3 and x.code not in ("IGO", "UNO", "EUR", "NGO")}
                if len(codes) == 1:
                    _set_code(m, codes.pop(), "sentence")
        prev = m
    if same:
        mentions[:] = [m for m in mentions if not any(m is x for x in same)]


def _set_code(m: Mention, code: str, source: str) -> None:
    m.code = code
    m.extra["codes"] = [code]
    m.extra["code_source"] = source


def _resolve_anaphora(doc: Document, mentions: list[Mention]) -> None:
    """Fill the country of a mention that names none from an earlier mention of the same actor.

    - a titled name met before with its country ("الوزير الحويج" after "وزير الخارجية ... عبدالهادي الحويج");
    - a definite title or body repeated without its country ("الوفد" after "الوفد النيجري").
    """
    by_name: dict[str, Mention] = {}
    by_head: dict[str, Mention] = {}
    last_group: Mention | None = None
    before: Mention | None = None
    for m in mentions:
        # the owner of "نائبه" is the one named right before it ("اتهام الرئيس سلفا كير نائبه"), else the last group
        owner = before if before is not None and before.code and 0 <= m.start - before.end <= 2 else last_group
        if m.extra.get("possessed") and m.code is None and owner is not None and m.start - owner.end < 600:
            m.code = owner.code
            m.extra["codes"] = [owner.code] if owner.code else []
            m.extra["code_source"] = "possessor"
            m.extra["antecedent"] = owner.start
            if m.sector in (None, "MIL", "GOV") and owner.sector in ("REB", "PRM", "UAF", "IMG", "PTY"):
                m.sector = owner.sector
            m.identifier = f"{m.office} of {owner.identifier or owner.text}"
        before = m
        if m.kind in ("org", "igo") and m.code:
            last_group = m
        if m.code is None:
            src = None
            if m.name:
                key = fold(m.name)
                src = by_name.get(key) or by_name.get(key.split()[-1])
            elif m.kind == "office" and doc.text[m.start:m.start + 2] in ("ال", "ال"):
                src = by_head.get(m.office or "")
            if src is not None:
                m.code = src.code
                m.extra["codes"] = [src.code]
                m.extra["code_source"] = "anaphora"
                m.extra["antecedent"] = src.start
                if m.sector is None:
                    m.sector = src.sector
                if m.identifier in (None, m.name) and src.identifier:
                    m.identifier = src.identifier
        if m.code:
            if m.name:
                key = fold(m.name)
                by_name[key] = m
                by_name.setdefault(key.split()[-1], m)
            if m.office:
                by_head[m.office] = m


def _compose(doc: Document, atoms: list[Atom], hi: int, stop: frozenset[str], ner_pers: set[int]) -> list[_Phrase]:
    toks = doc.tokens
    atom_starts = {a.i for a in atoms}
    out: list[_Phrase] = []
    k = 0
    while k < len(atoms):
        a = atoms[k]
        p = _Phrase(a.i, a.j, a)
        _absorb(p, a, first=True)
        k += 1
        # extend with adjacent atoms that modify the head
        while k < len(atoms):
            b = atoms[k]
            gap = b.i - p.j
            construct = not toks[p.j - 1].norm.startswith("ال")  # head in construct state: وزير خارجية، رئيس جمهورية
            if gap == 0 and not b.prefix:
                if b.kind == "country" and b.payload.kind == "nisba" and p.head.kind in ("office", "group") \
                        and not (_disagrees(toks[p.i], toks[b.i]) and _disagrees(toks[p.j - 1], toks[b.i])):
                    _absorb(p, b)
                    p.j = b.j
                    k += 1
                    continue
                if b.kind == "country" and b.payload.kind == "name" and p.head.kind in ("office", "group") \
                        and not construct and p.name is None and b.j - b.i == 1 \
                        and toks[b.i].norm.startswith("ال") and toks[b.i].norm.endswith("يه") \
                        and toks[p.j - 1].norm.endswith(("ه", "ات")):  # (a feminine or plural head agrees)
                    # "القوات السعودية": a country name shaped like a feminine adjective after a definite head
                    # is the head's adjective
                    _absorb(p, b)
                    p.j = b.j
                    k += 1
                    continue
                if b.kind == "country" and b.payload.kind in ("name", "alias", "capital") and p.head.kind == "office" \
                        and construct and p.name is None:  # (وزير خارجية مصر، محافظ صنعاء)
                    _absorb(p, b)
                    p.j = b.j
                    k += 1
                    continue
                if b.kind in ("office", "group") and p.head.kind == "office" and p.name is None and construct:
                    _absorb(p, b)
                    p.j = b.j
                    k += 1
                    continue
            # "القوات التابعة للقيادة العامة": affiliation
            if gap == 1 and toks[p.j].norm in _AFFIL and b.prefix.endswith("ل") and b.kind in ("group", "office") \
                    and p.head.kind == "office" and p.name is None:
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            # "السلطات في تشاد" / "رئيس المرحلة الانتقالية في مالي": the country the office belongs to
            if 1 <= gap <= 3 and toks[b.i - 1].norm == "في" and b.kind == "country" and b.payload.kind == "name" \
                    and p.head.kind == "office" and p.name is None and not p.codes \
                    and isinstance(p.head.payload, Office) \
                    and (gap == 1 or p.head.payload.kind == "generic") \
                    and all(t.is_word and not t.prefixes[1:] for t in toks[p.j:b.i - 1]):
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            if gap == 0 and b.prefix in _OF_PREPS and p.head.kind == "office" and p.name is None and not p.codes and (
                    b.kind == "group" or (b.kind == "office" and isinstance(b.payload, Office)
                                          and b.payload.kind == "body")):
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            # "وزير الخارجية بجمهورية مصر العربية"، "وزير الدفاع بدولة الكويت": the formal state name after ب
            # is the minister's country (an envoy's "سفير مصر بدولة الكويت" names his post instead)
            if gap == 0 and b.prefix == "ب" and b.kind == "country" and b.payload.kind in ("name", "alias") \
                    and p.head.kind == "office" and p.name is None and not p.codes \
                    and isinstance(p.head.payload, Office) and toks[b.i].forms[-1] in _STATE_WORDS \
                    and not any(w in p.head.payload.office.lower() for w in _ENVOY_WORDS):
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            # "وفد ... من تشاد والنيجر" / "وفدا رفيع المستوى من تشاد" / "وفد من حركة حماس"
            if b.kind in ("country", "group") and p.head.kind == "office" and p.name is None and not p.codes \
                    and isinstance(p.head.payload, Office) and p.head.payload.kind in ("delegation", "body", "generic"):
                between = [t.norm for t in toks[p.j:b.i]]
                if between and between[-1] == _FROM and len(between) <= 6 and getattr(b.payload, "kind", "") != "nisba":
                    _absorb(p, b)
                    p.j = b.j
                    k += 1
                    # compound: "من تشاد والنيجر"
                    while k < len(atoms) and atoms[k].kind == "country" and atoms[k].i == p.j \
                            and atoms[k].prefix == _AND:
                        p.codes.append(atoms[k].payload.code)
                        p.j = atoms[k].j
                        k += 1
                    continue
            # one adjective between a head and its nisba ("طائرات حربية إسرائيلية"، "قوات خاصة مصرية")
            if gap == 1 and p.head.kind == "office" and not p.codes and p.name is None and (
                    (b.kind == "country" and b.payload.kind == "nisba"
                     and (_adjective_like(toks[p.j]) or "و" in toks[p.j].prefixes[1:2]))
                    or (b.kind == "group" and not b.prefix and _adjective_like(toks[p.j]))):  # قوات بحرية الحرس الثوري
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            # "رئيس جمهورية المالديف"، "ملك مملكة البحرين": the formal state word between a title and the name
            if gap == 1 and b.kind == "country" and b.payload.kind in ("name", "alias") and not b.prefix \
                    and p.head.kind == "office" and construct and p.name is None and not p.codes \
                    and toks[p.j].norm in _STATE_WORDS:
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            # "محكمة جنايات مصرية"، "قوات أمن عراقية": an indefinite head in construct with one indefinite noun,
            # then its nisba
            if gap == 1 and p.head.kind == "office" and not p.codes and p.name is None and construct \
                    and b.kind == "country" and b.payload.kind == "nisba" and not b.prefix \
                    and toks[p.j].is_word and not toks[p.j].prefixes[1:] \
                    and not toks[p.j].norm.startswith("ال") and not toks[b.i].norm.startswith("ال") \
                    and not _disagrees(toks[p.i], toks[b.i]):
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            # modifiers (السابق، المكلف) between the title and what follows
            if gap > 0 and all(t.norm in _MODIFIERS for t in toks[p.j:b.i]) and b.kind in ("country",) \
                    and (b.payload.kind == "nisba" or (b.payload.kind == "name" and toks[b.i].norm.startswith("ال")
                                                       and toks[b.i].norm.endswith("يه"))):
                # ("الملكية السعودية": the country's name that is also its feminine adjective)
                p.former = p.former or any(t.norm in _FORMER for t in toks[p.j:b.i])
                _absorb(p, b)
                p.j = b.j
                k += 1
                continue
            break
        # a person name after a title (office or rank), possibly after modifiers
        if p.head.kind == "office" and p.name is None:
            j = p.j
            while j < hi and (toks[j].norm in _MODIFIERS or toks[j].norm in _HONORIFICS):
                p.former = p.former or toks[j].norm in _FORMER
                j += 1
            # a rank or a second title right before the name (الجنرال، اللواء)
            while k < len(atoms) and atoms[k].i == j and atoms[k].kind == "office" and not atoms[k].prefix \
                    and atoms[k].payload.kind in ("rank", "title"):
                _absorb(p, atoms[k])
                j = atoms[k].j
                k += 1
            if k < len(atoms) and atoms[k].i == j and atoms[k].kind == "person" and not atoms[k].prefix:
                _absorb(p, atoms[k])
                p.name = (atoms[k].i, atoms[k].j)
                p.j = atoms[k].j
                k += 1
            else:
                if j < hi - 1 and not toks[p.j - 1].norm.startswith("ال") and j not in atom_starts \
                        and not toks[j].prefixes[1:] and _is_place_word(toks[j], True):
                    # "محافظ شبوة ناصر القميشي"، "رئيس إقليم كردستان مسعود بارزاني": the office's town (after its
                    # cue word), then the holder's name
                    n = 2 if set(toks[j].forms) & _PLACE_CUES else 1
                    if j + n < hi and not _is_place_word(toks[j + n], True) \
                            and _read_name(doc, j + n, hi, atom_starts, stop, ner_pers) > j + n:
                        j += n
                e = _read_name(doc, j, hi, atom_starts, stop, ner_pers)
                if e > j and _office_takes_name(p, doc):
                    p.name = (j, e)
                    p.j = e
                    if k < len(atoms) and atoms[k].i == e and atoms[k].kind == "person" and not atoms[k].prefix:
                        # "الرئيس عبدالفتاح السيسي": a known family name ends the name read so far
                        _absorb(p, atoms[k])
                        p.name = (j, atoms[k].j)
                        p.j = atoms[k].j
                        k += 1
        if p.head.kind == "office" and p.name is None and not p.head.prefix and out and out[-1].j == p.i \
                and out[-1].head.kind == "person" and out[-1].i == out[-1].head.i and out[-1].j == out[-1].head.j \
                and not out[-1].head.prefix and _office_takes_name(p, doc) \
                and (not p.codes or not out[-1].codes or set(p.codes) & set(out[-1].codes)) \
                and p.office and any(_same_office(kp.office, p.office) for kp in out[-1].head.payload):
            # (only the title the person holds: "استقبل محمد إدريس ديبي رئيس الوزراء" is a president receiving)
            # "خلال لقائه رياض ياسين وزير الخارجية اليمني": a known name right before its title is the holder's
            prev = out.pop()
            _absorb(p, prev.head)
            p.name = (prev.i, prev.j)
        elif p.head.kind == "office" and p.name is None and not p.head.prefix and p.j - p.i >= 2 \
                and _office_takes_name(p, doc):
            before = _name_before(doc, p.i, atoms, stop, out[-1].j if out else 0)
            if before is not None:
                p.name = before  # "وقال عمرو موسى الأمين العام للجامعة": the name before its title
        out.append(p)
    return out


# verbs after which a name, then its title, opens the sentence ("وقال عمرو موسى الأمين العام ...")
_NAME_VERBS = {fold(w) for w in (
    "قال", "أعلن", "أكد", "أوضح", "صرح", "ذكر", "أشار", "أضاف", "كشف", "شدد", "أعرب", "دعا", "طالب", "أدان",
    "حذر", "نفى", "اتهم", "رحب", "استقبل", "التقى", "بحث", "زار", "وصل", "اعتبر", "رأى", "لفت", "نقل", "أبلغ")}
_NAME_VERBS |= {w + "ت" for w in _NAME_VERBS if not w.endswith("ي")} | {"دعت", "نفت", "رات", "التقت"}
# and the words after which a meeting's partner is named ("خلال لقائه رياض ياسين وزير الخارجية اليمني")
_NAME_VERBS |= {fold(w) for w in ("مع", "لقائه", "لقائها", "استقباله", "استقبالها", "اجتماعه", "اجتماعها",
                                  "بحضور", "برئاسة")}


def _name_before(doc: Document, i: int, atoms: list[Atom], stop: frozenset[str], lo: int) -> tuple[int, int] | None:
    """A person name of two or three words between a verb of saying (or meeting) and a title right after it,
    with or without a comma between ("أعلن صائب عريقات، كبير المفاوضين"، "وقال عمرو موسى الأمين العام"):
    the name's token range, or None."""
    toks = doc.tokens
    e = i
    if e > 0 and toks[e - 1].norm in ("،", ","):
        e -= 1
    for n in (3, 2):
        s = e - n
        if s - 1 < lo or s < 1 or _NAME_VERBS.isdisjoint(toks[s - 1].forms):
            continue
        if any(a.i < e and a.j > s for a in atoms):
            continue  # a word of another phrase
        # (the whole word only: "فادي" is no ف + ادي, "وليد" no و + ليد)
        words = [dataclasses.replace(t, forms=(t.norm,), prefixes=("",)) for t in toks[s:e]]
        if words[0].norm.startswith("ال") or any(len(t.norm) < 3 or t.norm.endswith("ا") for t in words):
            continue  # ("أخيرا"، "أيضا": accusative adverbs)
        if all(t.is_word and t.norm not in stop and not t.norm.isdigit() and not _is_place_word(t, q == 0)
               and t.norm not in _trigger_words() and t.norm not in head_words() for q, t in enumerate(words)):
            return s, e
    return None


_PERSON_WORDS = ("minister", "president", "king", "prince", "director", "chief", "commander", "ambassador",
                 "envoy", "general", "secretary", "spokes", "governor", "mayor", "deputy", "undersecretary",
                 "representative", "head", "chairman", "leader", "judge", "speaker", "member", "official",
                 "advis", "consul", "emir", "sheikh", "sultan", "crown", "officer", "colonel", "major", "captain",
                 "lieutenant", "marshal", "brigadier", "admiral", "prosecutor", "mufti", "imam", "cleric",
                 "counterpart",
                 "attorney", "president", "premier", "chargé", "charge", "coordinator", "inspector", "manager",
                 "activist", "journalist", "correspondent", "analyst", "expert", "lawmaker", "mp", "senator")


# the knowledge base's national labels of offices that offices.tsv names generically
_OFFICE_SYNONYMS = {"secretary of state": "minister of foreign affairs", "foreign secretary": "minister of foreign affairs",
                    "secretary of defense": "minister of defence", "defence secretary": "minister of defence",
                    "vice president": "vice-president", "head of government": "prime minister"}


def _same_office(a: str, b: str) -> bool:
    """Two office labels name the same office ("Secretary of State" is the foreign minister)."""
    a, b = a.strip().lower(), b.strip().lower()
    return _OFFICE_SYNONYMS.get(a, a) == _OFFICE_SYNONYMS.get(b, b)


def _person_office(o: Office) -> bool:
    label = o.office.lower()
    return o.kind in ("rank", "title") or (o.kind in ("office", "generic") and any(w in label for w in _PERSON_WORDS))


def _adjective_like(t: Token) -> bool:
    """An adjective between a head and its nisba: حربية، عسكريا، مسيرة (feminine plural agreement)."""
    w = t.norm
    return len(w) > 3 and (w.endswith(("يه", "ي", "يين", "يون", "يا")) or t.text.endswith("ة")) \
        and not t.prefixes[-1:] == ("و",)


def _office_takes_name(p: _Phrase, doc: Document) -> bool:
    o = p.head.payload
    if not isinstance(o, Office) or o.kind in ("body", "delegation"):
        return False
    last = doc.tokens[p.j - 1].norm
    if last.endswith("ات") or last.endswith("ين") or last.endswith("ون"):
        return False  # plural heads (السلطات، المسؤولين) are not followed by a name
    return _person_office(o) or any(
        isinstance(a, Office) and _person_office(a) for a in getattr(p, "offices", ()))


def _absorb(p: _Phrase, a: Atom, first: bool = False) -> None:
    if a.kind == "country":
        cf: CountryForm = a.payload  # type: ignore[assignment]
        if cf.code not in p.codes:
            p.codes.append(cf.code)
        p.ambiguous = cf.ambiguous
        p.code_source = cf.kind
        if first:
            p.kind = cf.kind if cf.kind != "alias" else "country"
            p.sector = "GOV" if cf.kind in ("capital",) else None
    elif a.kind == "office":
        o: Office = a.payload  # type: ignore[assignment]
        p.offices.append(o)
        if o.kind == "rank":
            if p.sector is None:
                p.sector = o.sector
            if p.office is None:
                p.office = o.office
            return
        # the most senior office gives the label; a generic head (director, head of) takes its
        # sector from the body it heads
        if p.office is None:
            p.office = o.office
            p.sector = o.sector
        else:
            p.office = f"{p.office}, {o.office}" if o.office and o.office not in p.office else p.office
            if p.head.kind == "office" and isinstance(p.head.payload, Office) and p.head.payload.kind == "generic":
                p.sector = o.sector
        if first:
            p.kind = "office" if o.kind != "body" else "org"
    elif a.kind == "group":
        g: Group = a.payload  # type: ignore[assignment]
        if g.code and g.code not in p.codes:
            p.codes.append(g.code)
        if p.group is None:
            p.group = g
        if first:
            p.kind = "igo" if g.igo else "org"
            p.sector = g.sector
            p.identifier = g.identifier
        else:
            head_person = isinstance(p.head.payload, Office) and _person_office(p.head.payload)
            if p.sector is None or (not head_person and (g.sector != "IGO" or p.sector is None)):
                p.sector = g.sector if not (g.igo and head_person) else p.sector
            elif head_person and not g.igo and g.sector in _NON_STATE and p.sector == "GOV":
                p.sector = g.sector  # "رئيس حزب الحركة القومية"، "الناطق باسم حماس": the body's sector, not GOV
            if p.identifier is None:
                p.identifier = g.identifier
        if p.code_source == "":
            p.code_source = "group"
    elif a.kind == "person":
        persons: list[KBPerson] = a.payload  # type: ignore[assignment]
        kbp = persons[0]
        if kbp.code and kbp.code not in p.codes and not p.codes:
            p.codes.append(kbp.code)
        p.identifier = kbp.name
        if p.sector is None:
            p.sector = kbp.sector
        if p.office is None and kbp.office:
            p.office = kbp.office
        if first:
            p.kind = "person"
            p.name = (a.i, a.j)


def _weak_alone(doc: Document, p: _Phrase) -> bool:
    """A weak country form (المالية 'financial' / Malian) standing alone is not an actor,
    except a country name after a preposition (في مالي)."""
    cf = p.head.payload
    if p.head.kind == "office" and isinstance(cf, Office) and fold(cf.form) in _TEAM_RANKS and p.name is None \
            and p.j - p.i == p.head.j - p.head.i and not p.codes:
        return True  # "وقال الفريق إن"، "الفريق الطبي": a team; the rank is read only with its holder's name
    if p.head.kind == "country" and p.i == p.head.i:
        from rasid.place.resolve import named_after  # lazy: the place layer is optional here

        if named_after(doc.tokens, p.head.i):
            return True  # "شارع بغداد"، "ميدان التحرير": a street or square named for a place is no actor
    if p.head.kind != "country" or not getattr(cf, "weak", False) or p.j - p.i > p.head.j - p.head.i:
        return False
    if cf.kind == "name":
        i = p.head.i
        prev = doc.tokens[i - 1].norm if i > 0 else ""
        # a country is feminine: a verb agreeing with it (انسحبت مالي، تعلن مالي) marks the name
        verb_like = len(prev) > 3 and (prev.endswith("ت") or prev.startswith("ت"))
        return not (p.head.prefix.strip("و") or prev in ("في", "الي", "من", "جمهوريه") or verb_like)
    return True


def _to_mention(doc: Document, p: _Phrase, lex: ActorLexicon) -> Mention:
    toks = doc.tokens
    start = p.head.start
    end = toks[p.j - 1].end
    name = None
    first = p.i
    if p.name is not None:
        ns, ne = p.name
        name = doc.text[toks[ns].start:toks[ne - 1].end]
        if ns < p.i:  # a name before its title: the mention starts with the name
            start, first = toks[ns].start, ns
    code = p.codes[0] if p.codes else None
    sector = p.sector
    if p.former and sector in ("GOV", "MIL"):
        sector = "ELI"
    if p.kind in ("name", "nisba", "country", "capital") and sector is None:
        sector = "GOV" if p.kind != "nisba" else None
    identifier = p.identifier
    office = p.office
    if name and p.kind != "person":
        kbp = lex.kb_lookup(name, doc.article.published)
        if kbp is not None:
            identifier = kbp.name
            if code is None and kbp.code:
                code = kbp.code
            if kbp.office and (not p.offices or all(o.kind == "rank" for o in p.offices)):
                # "المشير خليفة حفتر": the rank and the office held
                office = f"{p.office}; {kbp.office}" if p.office and p.office != kbp.office else kbp.office
    if name is None and code and office and p.kind == "office" and not p.former:
        # "الرئيس التشادي" in 2015 and in 2025 are two people: the knowledge base knows who held the office
        holder = lex.kb_holder(code, office, doc.article.published)
        if holder is not None:
            identifier = holder.name
    m = Mention(start=start, end=end, text=doc.text[start:end], kind=p.kind, code=code, sector=sector,
                office=office, name=name, identifier=identifier or name, source="lexicon")
    m.extra["codes"] = list(p.codes)
    m.extra["prefix"] = p.head.prefix
    m.extra["tok"] = (first, p.j)
    m.extra["code_source"] = p.code_source or ("kb" if code else "")
    if isinstance(p.head.payload, Office) and p.head.payload.kind == "possessed":
        m.extra["possessed"] = True
    if p.ambiguous:
        m.extra["ambiguous"] = list(p.ambiguous)
    if p.name is not None:
        m.extra["name_tok"] = p.name
    if p.offices:
        m.extra["level"] = min(o.level for o in p.offices)  # offices.tsv seniority: 1 head of state ... 9 rank-and-file
    return m


_NON_COUNTRY = ("IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM")


def _country_counts(mentions: list[Mention]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in mentions:
        for c in m.extra.get("codes", []) or ([m.code] if m.code else []):
            if c and len(c) == 3 and c not in _NON_COUNTRY:
                counts[c] = counts.get(c, 0) + 1
    return counts


def _count_countries(doc: Document, mentions: list[Mention]) -> None:
    counts = _country_counts(mentions)
    # an ambiguous nisba (النيجيري: Niger or Nigeria) follows the country the article talks about
    for m in mentions:
        amb = m.extra.get("ambiguous")
        if amb and m.code:
            options = [m.code, *amb]
            best = max(options, key=lambda c: (counts.get(c, 0) - (1 if c == m.code else 0), c == m.code))
            if best != m.code:
                m.code = best
                m.extra["codes"] = [best if c == options[0] else c for c in m.extra.get("codes", [])]
    # count again with the ambiguous forms resolved (عمان in a Jordanian article is Amman, not Oman)
    doc.countries = _country_counts(mentions)


_GROUP_ANAPHORS = {fold(w) for w in ("التنظيم", "الجماعة", "الميليشيا", "الميليشيات", "المليشيا", "المليشيات")}
_GROUP_ANAPHOR_REACH = 1500  # characters back to the antecedent
# "الجبهة" / "الحركة" alone refer back only to a group so named ("جبهة النصرة"، "حركة الشباب")
_HEADED_ANAPHORS = {fold("الجبهة"): fold("جبهة"), fold("الحركة"): fold("حركة")}
# "المجلس" / "الوزارة" / "المنظمة" / "المركز" alone refer back to the body so named ("المجلس الوطني الفلسطيني"،
# "مركز الملك سلمان للإغاثة")
_INSTITUTION_ANAPHORS = {fold(w): fold(h) for w, h in (("المجلس", "مجلس"), ("الوزارة", "وزارة"),
                                                        ("المنظمة", "منظمة"), ("الهيئة", "هيئة"),
                                                        ("المركز", "مركز"), ("المحكمة", "محكمة"))}
_ORGANISATION = fold("المنظمة")


# masculine singular heads: a feminine adjective after one belongs to another noun ("أوقفت مخابرات الجيش
# السورية فلانة": the Syrian woman, not the Syrian army); in a construct it may agree with either noun
# ("قوات الأمن العراقية"، "رئيس الحكومة الإسبانية")
_MASC_HEADS = {fold(w) for w in ("الجيش", "جيش", "الرئيس", "رئيس", "الوزير", "وزير", "الجهاز", "جهاز", "المجلس",
                                 "مجلس", "الحزب", "حزب", "البرلمان", "الوفد", "وفد", "الأمن", "الحرس", "الملك",
                                 "الأمير", "السفير", "سفير", "المتحدث", "القائد", "قائد", "الزعيم", "النظام")}


def _disagrees(head: Token, adj: Token) -> bool:
    """A nisba that cannot qualify the head: feminine after a masculine head, or a masculine singular (-ي) after a
    feminine singular in ة ("قناة الجزيرة السوري": the Syrian is the channel's presenter, not the channel)."""
    if head.norm in _MASC_HEADS and adj.norm.endswith("ه"):
        return True
    return head.text.rstrip("ًٌٍَُِّْ").endswith("ة") and adj.norm.endswith("ي")


def _group_anaphora(doc: Document, mentions: list[Mention]) -> None:
    """"التنظيم" / "الجماعة" alone refer back to the armed group named last: "ضد التنظيم" after "تنظيم داعش".

    A bare occurrence (not inside another mention) within reach of a rebel or militia group mention
    becomes a mention of that group.
    """
    groups = [m for m in mentions if m.kind == "org" and m.sector in ("REB", "PRM", "UAF") and m.identifier]
    bodies = [m for m in mentions if m.kind in ("org", "igo", "office") and m.code and m.head
              and fold(m.text).split()[0].removeprefix("ال") in _INSTITUTION_ANAPHORS.values()]
    # "المنظمة" also refers back to a non-governmental organisation named otherwise ("هيومن رايتس ووتش")
    ngos = [m for m in mentions if m.kind in ("org", "igo") and m.head and "NGO" in (m.code, m.sector)]
    if not groups and not bodies and not ngos:
        return
    covered: set[int] = set()
    for m in mentions:
        i, j = m.extra["tok"]
        covered.update(range(i, j))
        head = _INSTITUTION_ANAPHORS.get(fold(m.text))
        if head is not None and m.code is None:
            # "المحكمة" read as an office with no country: the court named before ("المحكمة الجزائية المتخصصة")
            ante = [g for g in bodies if g.end <= m.start and m.start - g.end <= _GROUP_ANAPHOR_REACH
                    and head in fold(g.text).removeprefix("ال").split()]
            if ante:
                _set_code(m, ante[-1].code, "anaphora")
                m.identifier = m.identifier or ante[-1].identifier
    new: list[Mention] = []
    for t in doc.tokens:
        if t.index in covered:
            continue
        form = next((f for f in t.forms if f in _GROUP_ANAPHORS or f in _HEADED_ANAPHORS
                     or f in _INSTITUTION_ANAPHORS), None)
        if form is None:
            continue
        head = _HEADED_ANAPHORS.get(form) or _INSTITUTION_ANAPHORS.get(form)
        ante = sorted([g for g in (bodies if form in _INSTITUTION_ANAPHORS else groups)
                       if g.end <= t.start and t.start - g.end <= _GROUP_ANAPHOR_REACH
                       and (head is None or head in fold(g.text).removeprefix("ال").split())]
                      + [g for g in ngos if form == _ORGANISATION and g.end <= t.start
                         and t.start - g.end <= _GROUP_ANAPHOR_REACH], key=lambda g: g.start)
        if not ante:
            continue
        src = ante[-1]
        pre = next((p for f, p in zip(t.forms, t.prefixes, strict=False) if f == form), "")
        s = t.start + _clitic_offset(t, pre) if pre else t.start
        mm = Mention(start=s, end=t.end, text=doc.text[s:t.end], kind="org", code=src.code, sector=src.sector,
                     office=None, name=None, identifier=src.identifier, source="coref")
        mm.extra.update({"codes": [src.code] if src.code else [], "prefix": pre, "tok": (t.index, t.index + 1),
                         "code_source": "anaphora", "antecedent": src.start})
        new.append(mm)
    if new:
        mentions.extend(new)
        mentions.sort(key=lambda m: (m.start, -m.end))


def _link_short_groups(mentions: list[Mention]) -> None:
    """"حزب العمال" in an article that names "حزب العمال الكردستاني": the short form is that group.

    An uncoded mention whose words (two or more) begin a coded group's full name in the same article
    takes that group's identity; when several groups fit, the short form stays ambiguous.
    """
    full: dict[tuple[str, ...], list[Mention]] = {}
    for m in mentions:
        words = tuple(fold(m.text).split())
        if m.code and m.identifier and len(words) >= 3:
            for n in range(2, len(words)):
                full.setdefault(words[:n], []).append(m)
    if not full:
        return
    for m in mentions:
        if m.code:
            continue
        srcs = full.get(tuple(fold(m.text).split()))
        if not srcs or len({s.identifier for s in srcs}) != 1:
            continue
        src = srcs[0]
        m.code, m.sector, m.identifier = src.code, src.sector, src.identifier
        m.extra["codes"] = [src.code]
        m.extra["code_source"] = "coref"
        m.extra["antecedent"] = src.start


def _link_names(doc: Document, mentions: list[Mention], lex: ActorLexicon, stop: frozenset[str],
                ner_pers: set[int]) -> None:
    """Link short and repeated forms of names to the full form met earlier in the article.

    Each titled name registers its full form and its last token (family name); a later
    bare occurrence of either, outside any phrase, becomes a person mention with the
    identity of the most recent full form it fits ("خليفة حفتر" and "صدام خليفة حفتر"
    stay apart: the longer known form that matches wins).
    """
    toks = doc.tokens
    known: list[tuple[tuple[str, ...], Mention]] = []
    for m in mentions:
        nt = m.extra.get("name_tok")
        if nt and nt[1] - nt[0] >= 1:
            key = tuple(t.norm for t in toks[nt[0]:nt[1]])
            known.append((key, m))
    if not known:
        return
    covered: set[int] = set()
    for m in mentions:
        i, j = m.extra["tok"]
        covered.update(range(i, j))
    # index of keys by first token (and by family name for bare surname mentions)
    by_first: dict[str, list[tuple[tuple[str, ...], Mention]]] = {}
    for key, m in known:
        # (a particle or a common word stands for no one: "بن"، "عبد"، "آل"، "يوم" alone name nobody)
        if key[0] not in _NAME_PARTICLES and key[0] not in stop and len(key[0]) > 2:
            by_first.setdefault(key[0], []).append((key, m))
        if len(key) >= 3 and key[-2] in _NAME_PARTICLES and key[-1] not in stop:
            # "نبيل أبو ردينة" -> "أبو ردينة": a compound family name links as a whole ("ردينة" alone names no one)
            by_first.setdefault(key[-2], []).append((key[-2:], m))
        elif len(key) >= 2 and key[-1] not in _NAME_PARTICLES and key[-1] not in stop and len(key[-1]) > 2 \
                and key[-2] not in _NAME_PARTICLES:  # ("عبد الله": the second half names no one alone)
            by_first.setdefault(key[-1], []).append(((key[-1],), m))
    new: list[Mention] = []
    i = 0
    while i < len(toks):
        if i in covered:
            i += 1
            continue
        t = toks[i]
        cands = []
        for form in t.forms:
            cands.extend(by_first.get(form, []))
        best: tuple[int, Mention] | None = None
        for key, m in cands:
            if m.start > t.start:
                continue  # only earlier full forms
            n = len(key)
            if n > 1:
                words = [t.forms] + [(x.norm,) for x in toks[i + 1:i + n]]
                if len(words) < n or any(key[q] not in words[q] for q in range(n)):
                    continue
            if best is None or n > best[0] or (n == best[0] and m.start > best[1].start):
                best = (n, m)
        if best is None:
            i += 1
            continue
        n, src = best
        s, e = t.start, toks[i + n - 1].end
        key0 = next(k for k, mm in cands if mm is src and (len(k) == n))[0]
        pre = next((p for f, p in zip(t.forms, t.prefixes, strict=False) if f == key0), "")
        if n == 1 and (pre.lstrip("وف") or (t.norm.endswith("ا") and not key0.endswith("ا"))
                       or (i > 0 and toks[i - 1].norm in _NAME_PARTICLES)):
            # "ليوم 30"، "كبرى المدن"، "عضوا": a preposition, كـ or the accusative ending make a bare word no name
            i += 1
            continue
        if pre:
            s = t.start + len(t.text) - len(t.text.lstrip()) + len(pre)
        mm = Mention(start=s, end=e, text=doc.text[s:e], kind="person", code=src.code, sector=src.sector,
                     office=src.office, name=src.name, identifier=src.identifier, source="coref")
        mm.extra.update({"codes": [src.code] if src.code else [], "prefix": pre, "tok": (i, i + n),
                         "code_source": "coref", "name_tok": (i, i + n), "antecedent": src.start})
        new.append(mm)
        i += n
    if new:
        mentions.extend(new)
        mentions.sort(key=lambda m: (m.start, -m.end))
