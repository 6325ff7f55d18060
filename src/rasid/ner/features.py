"""Token features for the CRF tagger.

Word-level features depend only on the token, so they are computed once per
distinct token and cached; the sentence-level pass only stitches neighbours'
cached features together with their offset. This keeps tagging well above
20k tokens/s on one core.

Features of a token (on its folded form, :func:`rasid.ner.text.safe_fold`):
word, clitic-peeled stem and stem without the article, prefixes/suffixes 1-4,
shape, optional word clusters at three granularities, name-list ("gazetteer")
evidence learnt from the training corpora, membership in a small hand-written
list of trigger words (titles, organisation and place heads) and, when a
:class:`rasid.ner.lexicon.Lexicon` is given, longest-match marks from rasid's own
name lists (the token's and its +-1 neighbours').
Neighbours at -2..+2 contribute word, stem, cluster, gazetteer, trigger and shape
features; bigrams join the word with each immediate neighbour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from rasid.ner.lexicon import Lexicon
from rasid.ner.text import safe_fold
from rasid.text.tokenize import clitic_forms

__all__ = ["FeatureExtractor", "TRIGGERS", "Gazetteer"]

# Words that announce a name of a given type right after them (own list, folded spelling).
TRIGGERS: dict[str, str] = {
    **{w: "PERS" for w in (
        "الرئيس رئيس السيد السيده الشيخ الملك الملكه الامير الاميره وزير الوزير وزيره نائب الدكتور د "
        "المستشار السفير سفير الجنرال العقيد اللواء العميد الفريق المشير الرائد النقيب المتحدث الناطق "
        "الامين امين الزعيم زعيم المرشح القاضي الاستاذ المهندس الحاج الامام البابا الرئيسه المدرب "
        "اللاعب الكاتب الشاعر الفنان الفنانه المطرب المخرج الممثل الصحفي المراسل مراسل قائد القائد "
        "المبعوث مبعوث المفوض المدعي النائب السناتور السيناتور حاكم الحاكم محافظ المحافظ عمده "
        "بن ابن ابو ام بنت").split()},
    **{w: "ORG" for w in (
        "شركه الشركه وكاله وكاله منظمه المنظمه حزب الحزب حركه الحركه جامعه الجامعه مجلس المجلس "
        "وزاره الوزاره بنك البنك مصرف المصرف صحيفه الصحيفه جريده الجريده قناه القناه نادي النادي "
        "فريق الفريق اتحاد الاتحاد هيئه الهيئه مؤسسه المؤسسه جمعيه الجمعيه منتخب المنتخب جبهه الجبهه "
        "محكمه المحكمه مجموعه المجموعه معهد المعهد مركز المركز اذاعه تلفزيون").split()},
    **{w: "LOC" for w in (
        "مدينه المدينه بلده البلده قريه القريه محافظه المحافظه ولايه الولايه اقليم الاقليم منطقه "
        "المنطقه مطار المطار جزيره جزر نهر النهر بحر البحر جبل جبال عاصمه العاصمه مخيم المخيم ميناء "
        "شارع حي العاصمه دوله").split()},
    **{w: "MISC" for w in (
        "بطوله البطوله كاس جائزه جائزه مهرجان المهرجان حرب عمليه دولار يورو جنيه دينار ريال درهم "
        "كتاب كتابه روايه فيلم مسلسل اغنيه برنامج").split()},
}


# More organisation / place heads, used when ``extra_triggers`` is on (models trained with it).
EXTRA_TRIGGERS: dict[str, str] = {
    **{w: "ORG" for w in (
        "لجنه اللجنه برلمان البرلمان شرطه الشرطه جيش الجيش قوات القوات مكتب المكتب كليه الكليه "
        "مستشفي المستشفي ائتلاف الائتلاف تحالف التحالف منتدي المنتدي صندوق الصندوق سلطه السلطه "
        "مفوضيه المفوضيه ديوان الديوان تيار التيار كتله الكتله نقابه النقابه اكاديميه الاكاديميه "
        "مدرسه المدرسه مصنع المصنع مجمع المجمع رابطه الرابطه اتحادات تنظيم التنظيم جماعه الجماعه "
        "مجلة مجله المجله وكاله الوكاله دائره الدائره ادارة اداره الاداره").split()},
    **{w: "LOC" for w in (
        "ملعب الملعب مسجد المسجد ساحه الساحه قصر القصر ميدان الميدان سجن السجن معبر المعبر "
        "خليج الخليج صحراء الصحراء واحه الواحه").split()},
    **{w: "MISC" for w in (
        "مسابقه المسابقه دوري الدوري كاس كأس اولمبياد سياره طراز موديل قانون القانون اتفاقيه الاتفاقيه "
        "معاهده المعاهده مؤتمر المؤتمر قمه القمه").split()},
}


class Gazetteer:
    """Per-word counts of how often a folded word was seen inside each entity type and in total.

    ``features(word)`` gives ``TYPE`` for each type that makes up at least 30% of the
    word's occurrences (seen at least twice), with a ``!`` suffix above 70%.
    """

    def __init__(self, counts: dict[str, dict[str, int]] | None = None) -> None:
        self.counts: dict[str, dict[str, int]] = counts or {}

    def features(self, word: str) -> tuple[str, ...]:
        c = self.counts.get(word)
        if not c:
            return ()
        total = c.get("_", 0)
        if total < 2:
            return ()
        out: list[str] = []
        for lab, n in c.items():
            if lab == "_" or n < 2:
                continue
            r = n / total
            if r >= 0.7:
                out.append(lab + "!")
            elif r >= 0.3:
                out.append(lab)
        return tuple(out)

    def to_tsv(self) -> str:
        lines = []
        for w in sorted(self.counts):
            c = self.counts[w]
            lines.append(w + "\t" + str(c.get("_", 0)) + "\t" + ",".join(
                f"{k}:{v}" for k, v in sorted(c.items()) if k != "_"))
        return "\n".join(lines) + "\n"

    @classmethod
    def from_tsv(cls, text: str) -> Gazetteer:
        counts: dict[str, dict[str, int]] = {}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            w, total, rest = line.split("\t")
            d = {"_": int(total)}
            for kv in rest.split(","):
                if kv:
                    k, v = kv.split(":")
                    d[k] = int(v)
            counts[w] = d
        return cls(counts)


def _shape(w: str) -> str:
    if w.isdigit():
        return "D"
    if any("0" <= c <= "9" for c in w):
        return "Dx"
    if w.isascii():
        return "L" if w.isalpha() else "P"
    if not w[0].isalpha():
        return "P"
    return "A"


class FeatureExtractor:
    """Turns a token list into per-token feature-string lists for crfsuite."""

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None,
                 gazetteer: Gazetteer | None = None, known: set[str] | None = None,
                 domain_context: bool = False, lexicon: Lexicon | None = None,
                 extra_triggers: bool = False, quotes: bool = False) -> None:
        """``known``: the attributes the model has weights for; when given, others are dropped early
        (crfsuite would ignore them anyway, but passing them costs about half the tagging time)."""
        self.clusters = clusters or {}
        self.known = known
        self.domain_context = domain_context  # domain copies of the +-1 neighbours' features too
        self.gaz = gazetteer or Gazetteer()
        self.lexicon = lexicon if lexicon else None  # rasid name lists (lexicon.tsv), longest match
        self.quotes = quotes  # mark tokens inside short quoted spans (titles of works, brands: MISC)
        self.triggers = {**TRIGGERS, **{safe_fold(k): v for k, v in EXTRA_TRIGGERS.items()}} \
            if extra_triggers else TRIGGERS
        self._word = lru_cache(maxsize=200_000)(self._word_features)
        self._full = lru_cache(maxsize=200_000)(self._cached)
        self._dom = lru_cache(maxsize=200_000)(self._domain)

    def _cl(self, w: str) -> tuple[str, ...]:
        return self.clusters.get(w, ())

    def _word_features(self, token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(own features, shareable features) of one token."""
        w = safe_fold(token).replace(" ", "") or token
        forms, _pre = clitic_forms(w)
        stem = forms[-1]
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        shape = _shape(w)
        share: list[str] = ["w=" + w]
        if stem != w:
            share.append("s=" + stem)
        if bare != stem:
            share.append("b=" + bare)
        cl = self._cl(w) or self._cl(stem) or self._cl(bare)
        if cl:
            share.extend(("c1=" + cl[0], "c2=" + cl[1], "c3=" + cl[2]))
        else:
            share.append("c=none")
        g = self.gaz.features(w) or self.gaz.features(stem) or self.gaz.features(bare)
        share.extend("g=" + x for x in g)
        t = self.triggers.get(w) or self.triggers.get(stem)
        if t:
            share.append("t=" + t)
        share.append("sh=" + shape)
        own: list[str] = []
        n = len(w)
        for k in (1, 2, 3, 4):
            if n > k:
                own.append(f"p{k}={w[:k]}")
                own.append(f"x{k}={w[-k:]}")
        if len(_pre) > 1 and _pre[-1]:
            own.append("pre=" + _pre[-1])
        own.append("len=" + (str(n) if n < 8 else "8+"))
        if w.startswith("ال"):
            own.append("al")
        return tuple(own), tuple(share)

    def _cached(self, token: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str]:
        """(own + share features, neighbour copies for offsets -2,-1,+1,+2, folded word)."""
        own, share = self._word(token)
        shifted = tuple(self._keep([p + x for x in share]) for p in _OFFSET_PREFIX)
        return self._keep(("bias", *own, *share)), shifted, share[0][2:]

    def _keep(self, feats: Iterable[str]) -> tuple[str, ...]:
        k = self.known
        # filter(k.__contains__) keeps the order and runs the membership test in C
        return tuple(feats) if k is None else tuple(filter(k.__contains__, feats))

    def _domain(self, token: str, domain: str, off: int = 0) -> tuple[str, ...]:
        share = self._word(token)[1]
        if off:
            pre = f"{domain}:{off}"
            return self._keep([pre + x for x in share])
        pre = domain + ":"
        return self._keep([pre + "bias", *[pre + x for x in share]])

    def sentence(self, tokens: Sequence[str], domain: str | None = None) -> list[list[str]]:
        """Feature lists (one per token) for a sentence.

        With ``domain``, the token's own word-level features are repeated under a
        domain prefix (feature augmentation, Daume III 2007), so that the CRF can
        learn where a corpus's annotation conventions differ from the others.
        """
        feats = [self._full(t) for t in tokens]
        known = self.known
        n = len(tokens)
        out: list[list[str]] = []
        marks = self.lexicon.marks([x[2] for x in feats]) if self.lexicon else None
        quoted = _quoted([x[2] for x in feats]) if self.quotes else None
        for i in range(n):
            base, _sh, w = feats[i]
            f = list(base)
            for k, off in enumerate(_OFFSETS):
                j = i + off
                if 0 <= j < n:
                    f.extend(feats[j][1][k])
                else:
                    f.append(_EDGE[k])
            if i > 0:
                b = "bg-=" + feats[i - 1][2] + "|" + w
                if known is None or b in known:
                    f.append(b)
            if i + 1 < n:
                b = "bg+=" + w + "|" + feats[i + 1][2]
                if known is None or b in known:
                    f.append(b)
            if marks is not None:
                for off, pre in ((0, "L="), (-1, "-1L="), (1, "1L=")):
                    j = i + off
                    m = marks[j] if 0 <= j < n else None
                    if m is not None:
                        x = pre + m
                        if known is None or x in known:
                            f.append(x)
            if quoted is not None and quoted[i]:
                f.append(quoted[i])
            if domain:
                f.extend(self._dom(tokens[i], domain))
                if self.domain_context:
                    if i > 0:
                        f.extend(self._dom(tokens[i - 1], domain, -1))
                    if i + 1 < n:
                        f.extend(self._dom(tokens[i + 1], domain, 1))
            out.append(f)
        return out


_OPEN = {'"': '"', "«": "»", "“": "”", "'": "'"}
_MAX_QUOTED = 6


def _quoted(words: Sequence[str]) -> list[str | None]:
    """``q=B``/``q=I`` for tokens inside a quoted span of at most six tokens (often a title or a
    brand, ANERcorp MISC), ``q=open``/``q=close`` on the quote marks; None elsewhere."""
    n = len(words)
    out: list[str | None] = [None] * n
    i = 0
    while i < n:
        close = _OPEN.get(words[i])
        if close is None:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= _MAX_QUOTED + 1 and words[j] != close:
            j += 1
        if j < n and words[j] == close and 1 < j - i <= _MAX_QUOTED + 1:
            out[i], out[j] = "q=open", "q=close"
            out[i + 1] = "q=B"
            for k in range(i + 2, j):
                out[k] = "q=I"
            i = j + 1
        else:
            i += 1
    return out


_OFFSETS: tuple[int, ...] = (-2, -1, 1, 2)
_OFFSET_PREFIX: tuple[str, ...] = tuple(str(o) for o in _OFFSETS)
_EDGE: tuple[str, ...] = ("-2BOS", "-1BOS", "1EOS", "2EOS")
