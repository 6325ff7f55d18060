"""The regular expressions of the time layer, built once from the time lexicon.

Every pattern runs on ``Document.norm`` (see :mod:`rasid.text.normalize`: ة→ه, ى→ي, أإآ→ا,
Hindi digits → ASCII) and has a group ``x``: the span of the expression. Proclitics
(و/ف + ب/ل) are matched before ``x`` so that ``وبالأمس`` yields ``الأمس``.

Each family is a ``(name, priority, regex)``; when two expressions overlap the longer wins,
then the lower priority number. ``triggers`` maps the words that can open an expression to
the families to try there, so the regexes are only anchored at a few word starts (speed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.time.lexicon import TimeLexicon, alternation, load_lexicon

__all__ = ["Patterns", "build_patterns", "get_patterns", "HIJRI_ERAS", "GREG_ERAS"]

HIJRI_ERAS = frozenset(["ه", "هجري", "هجريه", "للهجره"])
GREG_ERAS = frozenset(["م", "ميلادي", "ميلاديه", "للميلاد"])

LB = r"(?<![^\W_])"  # not preceded by a letter or digit
RB = r"(?![^\W_])"  # not followed by a letter or digit
CL = r"[وف]?[بل]?"  # proclitics kept outside the span


def _era(name: str) -> str:
    return rf"(?:\s*(?P<{name}>للميلاد|للهجره|ميلاديه|ميلادي|هجريه|هجري|م|ه)(?![^\W_]))?"


@dataclass(slots=True)
class Patterns:
    lex: TimeLexicon
    families: list[tuple[str, int, re.Pattern[str]]]
    triggers: dict[str, tuple[int, ...]]  # first word (or "#" digits, "ال#") -> family indices
    weak: dict[str, re.Pattern[str]]  # frequent first words -> what must follow them
    year_pre: re.Pattern[str]  # a bare year needs one of these words before it
    since: re.Pattern[str]
    link: re.Pattern[str]
    # value tables (folded form -> value)
    month: dict[str, int]
    hmonth: dict[str, int]
    weekday: dict[str, int]
    ordinal: dict[str, int]
    number: dict[str, str]
    unit: dict[str, tuple[str, int]]
    relday: dict[str, int]
    rel: dict[str, str]
    period: dict[str, str]
    mod: dict[str, str]
    decade: dict[str, int]


def build_patterns(lex: TimeLexicon) -> Patterns:
    g = lex.get
    mon = alternation(g("month"))
    hmon = alternation(g("hmonth"))
    wd = alternation(g("weekday"), lil=True)
    ordi = alternation(g("ordinal"))
    num = alternation(g("number"))
    unit = alternation(g("unit"))
    reld = alternation(g("relday"))
    dp = alternation(g("daypart"))
    rel = alternation(g("rel"))
    per = alternation(g("period"), lil=True)
    mod = alternation(g("mod"))
    dec = alternation(g("decade"))
    apx = alternation(g("approx"))
    yw = r"(?:عامي|عام|العام|سنه|السنه|سنتي)"
    mod_pre = rf"(?:(?P<mod>{mod})\s+(?:من\s+)?)?"
    # a year after a month or a day: digits, or a relative year (هذا العام, العام الماضي)
    year_after = (
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:{yw}\s+)?(?P<y>\d{{4}}){_era('era')}(?!\d)"
        rf"|\s+(?:من\s+)?(?:(?P<ryt>هذا|هذه)\s+(?:العام|السنه)|(?:العام|السنه|عام)\s+(?P<ryr>{rel})))"
    )
    month_alt = rf"(?P<mon>{mon})(?:\s*[(/]\s*(?P<mon2>{mon})\s*\)?)?"
    hmonth_x = rf"(?P<hmon>{hmon})(?:\s+(?P<bless>المبارك|الكريم|المعظم|الفضيل))?"
    day_pre = rf"(?:(?P<dnum>\d{{1,2}})|(?:يوم\s+)?(?P<dord>{ordi}))\s*(?:من\s+)?(?:(?:شهر|الشهر)\s+)?"

    fam: list[tuple[str, int, str]] = [
        ("numeric", 0,
         rf"(?<![^\W_]|[/.])(?P<x>(?:(?P<y>\d{{4}})\s*(?P<s1>[/.-])\s*(?P<m>\d{{1,2}})\s*(?P=s1)\s*(?P<d>\d{{1,2}})"
         rf"|(?P<d2>\d{{1,2}})\s*(?P<s2>[/.-])\s*(?P<m2>\d{{1,2}})\s*(?P=s2)\s*(?P<y2>\d{{4}})){_era('era')})"
         rf"(?![\d/]|[.-]\d)"),
        ("daymonth", 1,
         rf"{LB}{CL}(?P<x>{day_pre}{month_alt}(?:{year_after}|\s+(?P<rel>{rel}))?){RB}"),
        # a day of a month named relative to publication: "العاشر من الشهر الحالي", "12 من هذا الشهر"
        ("dayperiod", 1,
         rf"{LB}{CL}(?P<x>(?:يوم\s+)?(?:(?P<dnum>\d{{1,2}})|(?P<dord>{ordi}))\s*(?:من\s+)?"
         rf"(?:(?:الشهر|شهر)\s+(?P<rel>{rel})|(?P<this>هذا)\s+الشهر)){RB}"),
        ("hdaymonth", 1,
         rf"{LB}{CL}(?P<x>{day_pre}{hmonth_x}(?:\s*[,،]?\s*(?:{yw}\s+)?(?P<y>\d{{4}}){_era('era')}(?!\d)"
         rf"|\s+(?P<rel>{rel}))?){RB}"),
        ("month", 2,
         rf"{LB}{CL}(?P<x>{mod_pre}(?:(?P<shahr>شهر|الشهر|لشهر)\s+)?{month_alt}"
         rf"(?:{year_after}|\s+(?P<rel>{rel}))?){RB}"),
        ("hmonth", 2,
         rf"{LB}{CL}(?P<x>{mod_pre}(?:(?P<shahr>شهر|الشهر|لشهر)\s+)?{hmonth_x}"
         rf"(?:\s*[,،]?\s*(?:من\s+)?(?:{yw}\s+)?(?P<y>\d{{4}}){_era('era')}(?!\d)"
         rf"|\s+(?P<rel>{rel}))?){RB}"),
        ("yearrange", 2,
         rf"{LB}{CL}(?P<x>(?:(?:عامي|سنتي|العامين|الاعوام|السنوات|الفتره\s+(?:ما\s+)?بين|الفتره\s+من)\s+"
         rf"|(?:بين|من)\s+(?:(?:عام|العام|سنه)\s+)?)(?P<y1>\d{{4}})\s*(?:و\s*|الي\s+|حتي\s+|-\s*)"
         rf"(?:(?:عام|العام|سنه)\s+)?(?P<y2>\d{{4}}){_era('era')})(?!\d)"),
        ("year", 3,
         rf"{LB}{CL}(?P<x>{mod_pre}(?:{yw}\s+(?P<y>\d{{4}}){_era('era')}"
         rf"|(?P<yb>\d{{4}})\s*(?P<era2>للميلاد|للهجره|ميلاديه|ميلادي|هجريه|هجري|م|ه)(?![^\W_])))(?!\d)"),
        ("yearctx", 6,
         rf"{LB}{CL}(?P<x>{mod_pre}(?P<y>(?:1[89]|20)\d\d))(?![\d%]|\s*[/.-]\s*\d)"),
        ("period", 3,
         rf"{LB}{CL}(?P<x>{mod_pre}(?:(?P<this>هذا|هذه)\s+(?P<p1>{per})|(?P<p2>{per})(?:\s+(?P<rel>{rel}))?)){RB}"),
        ("relday", 3,
         rf"{LB}[وف]?ب?(?P<x>(?:(?P<dp>{dp})\s+)?(?:يوم\s+)?(?P<rd>{reld})(?:\s*[,،]?\s*(?P<wd>{wd})(?![^\W_])|\s*\(\s*(?P<wd2>{wd})\s*\))?)(?![^\W_])"),
        ("weekday", 4,
         rf"{LB}{CL}(?P<x>(?:(?P<dp>{dp})\s+)?(?:(?P<yawm>يوم)\s+)?(?P<wd>{wd})(?:\s+(?P<rel>{rel}))?){RB}"),
        ("duration", 4,
         rf"{LB}{CL}(?P<x>(?P<pre>منذ|قبل|خلال|طوال|طيله|علي\s+مدي|علي\s+مدار|علي\s+امتداد)\s+"
         rf"(?:(?P<apx>{apx})\s+)?(?:(?:ال)?(?P<num>\d{{1,4}}|{num})\s+)?(?:ال)?(?P<unit>{unit})"
         rf"(?:\s+(?:(?:ال)?(?P<num2>{num})\s+)?(?:القليله\s+)?(?P<tail>{rel}|الاخيرين|الاخيرتين|الاخيره|الاخير))?){RB}"),
        ("vague", 5,
         rf"{LB}{CL}(?P<x>(?:ال\s*(?P<num>\d{{1,4}})\s+|ال)(?P<unit>{unit})"
         rf"(?:\s+(?:ال)?(?P<num2>{num}))?(?:\s+القليله)?\s+(?P<tail>{rel}|الاخيرين|الاخيرتين|الاخيره|الاخير)){RB}"),
        ("decade", 3,
         rf"{LB}{CL}(?P<x>{mod_pre}(?:(?:عقد|فتره|حقبه)\s+)?(?P<dec>{dec})"
         rf"(?:\s+(?:من\s+)?القرن\s+(?:الماضي|العشرين|المنصرم|الفائت))?){RB}"),
        ("century", 4,
         rf"{LB}{CL}(?P<x>{mod_pre}القرن\s+(?P<cent>الماضي|المنصرم|الفائت|الحالي|الجاري|العشرين|الحادي\s+والعشرين"
         rf"|التاسع\s+عشر)){RB}"),
    ]
    families = [(name, prio, re.compile(rx)) for name, prio, rx in fam]

    # first words that can open each family (after proclitics); "#" = a word starting with a digit
    def first(*kinds: str) -> set[str]:
        out: set[str] = set()
        for k in kinds:
            for f in g(k):
                w = f.split()[0]
                out.add(w)
                if w.startswith("ال"):
                    out.add("لل" + w[2:])
        return out

    mods = first("mod")
    start_words: dict[str, set[str]] = {
        "numeric": {"#"},
        "daymonth": {"#", "يوم"} | first("ordinal"),
        "hdaymonth": {"#", "يوم"} | first("ordinal"),
        "dayperiod": {"#", "يوم"} | first("ordinal"),
        "month": mods | {"شهر", "الشهر", "لشهر"} | first("month"),
        "hmonth": mods | {"شهر", "الشهر", "لشهر"} | first("hmonth"),
        "yearrange": {"عامي", "سنتي", "العامين", "الاعوام", "السنوات", "الفتره", "بين", "من"},
        "year": mods | {"#", "عامي", "عام", "العام", "سنه", "السنه", "سنتي"},
        "yearctx": mods | {"#"},
        "period": mods | {"هذا", "هذه"} | first("period"),
        "relday": first("daypart", "relday") | {"يوم"},
        "weekday": first("daypart", "weekday") | {"يوم"},
        "duration": {"منذ", "قبل", "خلال", "طوال", "طيله", "علي"},
        "vague": {"ال", "ال#"} | {"ال" + u for u in g("unit")},
        "decade": mods | {"عقد", "فتره", "حقبه"} | first("decade"),
        "century": mods | {"القرن"},
    }
    # frequent opening words: try their families only when what follows fits
    weak = {
        "من": re.compile(r"\s+(?:(?:عام|العام|سنه)\s+)?\d"),
        "بين": re.compile(r"\s+(?:(?:عام|العام|سنه|عامي)\s+)?\d"),
        "ال": re.compile(r"\s*\d"),
        "علي": re.compile(r"\s+(?:مدي|مدار|امتداد)"),
        "هذا": re.compile(r"\s+(?:ال|لل)"),
        "هذه": re.compile(r"\s+(?:ال|لل)"),
    }
    triggers: dict[str, tuple[int, ...]] = {}
    for i, (name, _p, _rx) in enumerate(families):
        for w in start_words[name]:
            triggers[w] = (*triggers.get(w, ()), i)
    year_pre = re.compile(r"(?<![^\W_])[وف]?(?:في|منذ|حتي|خلال|الي|بين)\s+$")
    since = re.compile(r"(?<![^\W_])[وف]?(?:منذ|اعتبارا\s+من|ابتداء\s+من|بدءا\s+من)\s+$")
    # what may stand between a weekday and its date: "الأحد، 25 مايو"، "الأحد (25 مايو)"، "الجمعة الموافق
    # 26 يونيو"، "الجمعة يوم 26 يونيو"
    link = re.compile(r"\s*[,،(-]?\s*(?:(?:الموافق|يوم)\s+(?:ل\s*)?)?$")

    def ints(kind: str) -> dict[str, int]:
        return {k: int(v) for k, v in g(kind).items()}

    units: dict[str, tuple[str, int]] = {}
    for k, v in g("unit").items():
        u, _, c = v.partition(":")
        units[k] = (u, int(c or 0))
    return Patterns(
        lex=lex, families=families, triggers=triggers, weak=weak, year_pre=year_pre, since=since, link=link,
        month=ints("month"), hmonth=ints("hmonth"), weekday=ints("weekday"), ordinal=ints("ordinal"),
        number=dict(g("number")), unit=units, relday=ints("relday"), rel=dict(g("rel")),
        period=dict(g("period")), mod=dict(g("mod")), decade=ints("decade"),
    )


_PATTERNS: Patterns | None = None


def get_patterns() -> Patterns:
    """The compiled patterns for the packaged lexicon (built on first use)."""
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = build_patterns(load_lexicon())
    return _PATTERNS
