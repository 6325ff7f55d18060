"""Event trigger lexicon: ``data/lexicons/triggers.tsv`` expanded into inflected forms.

The file lists verbs by their past and imperfect third-person masculine singular
forms and verbal nouns by their singular; this module generates the inflections
Arabic news uses (feminine, plural and dual agreement, object pronouns, the
definite article, sound feminine plurals, possessive suffixes) in matching form,
so the lexicon stays short and reviewable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasid.actors.lexicon import data_path, read_tsv
from rasid.text.match import PhraseMatcher, phrase_key
from rasid.text.normalize import fold

__all__ = ["Trigger", "TriggerLexicon", "trigger_lexicon", "verb_forms", "noun_forms"]

_PRONOUNS = ("ه", "ها", "هم", "هما", "هن")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str
    pos: str  # v | n | p
    roles: str
    conf: float
    lemma: str
    form_kind: str = ""  # "", "definite", "possessive", "plural", "future" ...
    support: bool = False  # a support verb read with its object noun (فتح ... النار، شن ... هجوما): always active


def verb_forms(past: str, present: str | None) -> dict[str, str]:
    """Inflected forms of a verb (matching form) → form kind."""
    out: dict[str, str] = {}
    p = fold(past)
    if p:
        # a final alef or ya is a weak root (دعا، قضى), a hamza on alef is not (برأ، بدأ) though it folds to ا
        stem = p[:-1] if p[-1] in "يا" and len(p) > 2 and past.strip()[-1] not in "أإؤئء" else p
        weak = stem != p
        out[p] = ""
        out[stem + "ت"] = ""  # 3fs  (التقت، دعت)
        out[(stem + "وا") if weak else (p + "وا")] = ""  # 3mp
        out[p + "ا" if not weak else stem + "يا"] = ""  # dual
        out[p + "تا" if not weak else stem + "تا"] = ""
        if not weak:
            for pr in _PRONOUNS:
                out[p + pr] = "object"
                out[p + "ت" + pr] = "object"
        else:
            for pr in _PRONOUNS:
                out[stem + "ا" + pr] = "object"
                out[stem + "ت" + pr] = "object"
    if present:
        q = fold(present)
        if q and q[0] == "ي":
            for pref in ("ي", "ت"):
                base = pref + q[1:]
                out.setdefault(base, "present")
                if base[-1] in "يو":
                    # a weak final radical stays in the dual (يلتقيان، يدعوان، تجريان) and drops in the plural
                    out.setdefault(base[:-1] + "ون", "present")
                    out.setdefault(base + "ان", "present")
                else:
                    out.setdefault(base + "ون", "present")
                    out.setdefault(base + "ان", "present")
                    out.setdefault(base + "وا", "present")
                for pr in ("ه", "ها", "هم"):
                    out.setdefault(base + pr, "present")
            # first person plural, in quotes ("ندين الهجوم"، "نطالب الحكومة"، "ندعمها"): the speaker acts
            base = "ن" + q[1:]
            out.setdefault(base, "present")
            for pr in ("ه", "ها", "هم"):
                out.setdefault(base + pr, "present")
    return out


def noun_forms(noun: str) -> dict[str, str]:
    """Inflected forms of a verbal noun (matching form) → form kind."""
    n = fold(noun)
    out: dict[str, str] = {n: ""}
    if not n:
        return out
    definite = n.startswith("ال")
    bare = n[2:] if definite else n
    if bare.endswith("ات") and len(bare) > 4:  # listed plurals (هجمات، زيارات)
        out[n] = "plural"
    if not definite:
        out["ال" + n] = "definite"
    if bare.endswith("ه"):
        root = bare[:-1]
        out.setdefault(root + "ات", "plural")
        out.setdefault("ال" + root + "ات", "definite")
        for pr in _PRONOUNS:
            out.setdefault(root + "ت" + pr, "possessive")
        out.setdefault(root + "تي", "possessive")
        out.setdefault(root + "تين", "dual")
        out.setdefault(root + "تان", "dual")
    else:
        # a final hamza takes a seat before a suffix: لقاء → لقائه (genitive)، لقاؤه (nominative)
        stems = [bare] + ([bare[:-1] + "ئ", bare[:-1] + "ؤ"] if bare.endswith("اء") else [])
        for stem in stems:
            for pr in _PRONOUNS:
                out.setdefault(fold(stem + pr), "possessive")
        if not bare.endswith("ات"):
            out.setdefault(bare + "ات", "plural")
            out.setdefault("ال" + bare + "ات", "plural")  # الاتهامات، الاعتقالات
    return out


def _phrase_forms(phrase: str) -> dict[str, str]:
    """A fixed phrase, plus past-tense agreement on its first word when it is a verb-like word."""
    key = phrase_key(phrase)
    out = {" ".join(key): ""}
    if key and not key[0].startswith("ال") and len(key) > 1:
        first = key[0]
        rest = " ".join(key[1:])
        if first[-1] in "يا" and len(first) > 2:  # أجرى -> أجرت ، أجروا
            out.setdefault(f"{first[:-1]}ت {rest}", "")
            out.setdefault(f"{first[:-1]}وا {rest}", "")
        elif not first.endswith("ه") and not first.endswith("ت"):
            out.setdefault(f"{first}ت {rest}", "")
            out.setdefault(f"{first}وا {rest}", "")
    return out


class TriggerLexicon:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.matcher = PhraseMatcher(tanween=True)
        # support verbs whose object noun may stand a few words away (فرض الاتحاد، الاثنين، عقوبات)
        self.gapped = PhraseMatcher()
        self.count = 0
        first: list[tuple[str, Trigger]] = []
        later: list[tuple[str, Trigger]] = []
        for row in rows:
            typ = row.get("type", "").strip()
            if not typ:
                continue
            pos = row.get("pos", "p").strip() or "p"
            try:
                conf = float(row.get("conf") or 0.6)
            except ValueError:
                conf = 0.6
            if pos == "g":
                verbs, _, nouns = (row.get("forms") or "").partition(">")
                vforms = [f.strip() for f in verbs.split("|") if f.strip()]
                nset = frozenset(fold(n.strip()) for n in nouns.split("|") if n.strip())
                gen: dict[str, str] = {}
                for past, present in zip(vforms[0::2], vforms[1::2] + [None] * (len(vforms) % 2), strict=False):
                    gen.update(verb_forms(past, present))
                for form, kind in gen.items():
                    if kind == "object":
                        continue
                    t = Trigger(typ, row.get("mode", "").strip(), "v", row.get("roles", "svo").strip() or "svo",
                                conf, vforms[0] if vforms else form, kind, support=True)
                    # one verb may head several constructions (أطلق صاروخا / أطلق سراح): keep them all
                    entries = self.gapped.get(form)
                    if entries is None:
                        self.gapped.add(form, [(t, nset)])
                    else:
                        entries.append((t, nset))
                    self.count += 1
                continue
            forms = [f.strip() for f in (row.get("forms") or "").split("|") if f.strip()]
            generated: dict[str, str] = {}
            if pos == "v":
                for past, present in zip(forms[0::2], forms[1::2] + [None] * (len(forms) % 2), strict=False):
                    generated.update(verb_forms(past, present))
            elif pos == "n":
                for f in forms:
                    if len(phrase_key(f)) > 1:
                        generated.update(_phrase_forms(f))
                    else:
                        generated.update(noun_forms(f))
            elif pos == "a":
                # active participles used adverbially (حال): "..., داعيا X إلى": listed in all their forms
                generated.update({" ".join(phrase_key(f)): "participle" for f in forms})
            else:
                for f in forms:
                    generated.update(_phrase_forms(f))
            for form, kind in generated.items():
                t = Trigger(typ, row.get("mode", "").strip(), "v" if pos == "a" else pos,
                            row.get("roles", "svo").strip() or "svo", conf, forms[0] if forms else form, kind)
                (first if pos == "v" and kind == "" else later).append((form, t))
        # a verb's past forms win over another verb's imperfect of the same spelling: "تسلم الجيش" is
        # received (تسلّم), not "she hands over" (تُسلِّم)
        for form, t in first + later:
            self.matcher.add(form, t)
            self.count += 1

    @classmethod
    def load(cls, path: Path | None = None) -> TriggerLexicon:
        return cls(read_tsv(path or data_path("lexicons", "triggers.tsv")))


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()
