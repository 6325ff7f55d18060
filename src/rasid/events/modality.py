"""Event modality: negation, future, hypothetical/speculative and purpose contexts.

All checks look at the tokens of the trigger's clause (a sentence cut at
``، و…`` / ``؛`` coordination) before the trigger, in matching form.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasid.model import Token
from rasid.text.normalize import fold

__all__ = ["clause_bounds", "modality", "is_background"]

_NEG = {fold(w) for w in ("لم", "لن", "لا", "ما", "ليس", "ليست", "عدم", "دون", "بدون", "لما")}
# an act put off or stopped right before its noun did not happen: "أرجأت المحكمة إعدام امرأة"، "طالب بوقف القصف"
_SUSPEND = {fold(w) for w in ("إرجاء", "بإرجاء", "تأجيل", "بتأجيل", "لتأجيل", "وقف", "بوقف", "لوقف", "ووقف", "إيقاف",
                              "بإيقاف", "لإيقاف", "تعليق", "بتعليق")}
# verbs that put an act off, a few words before its noun (the subject and a time may stand between)
_PUT_OFF = {fold(w) for w in ("أرجأ", "أرجأت", "وأرجأت", "وأرجأ", "أجلت", "وأجلت", "أرجئ", "أرجئت")}
_DENY = {fold(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفي")}
_PARTY = {fold(w) for w in ("موقع", "موقعة", "موقعين", "منضم", "منضمة", "طرف", "طرفا", "عضو", "عضوا")}
_FUTURE = {fold(w) for w in ("سوف", "سيتم", "يعتزم", "تعتزم", "يعتزمون", "المقرر", "المنتظر", "المرتقب",
                              "المزمع", "المتوقع", "ستشهد", "يرتقب", "يتوقع",
                              # readiness: "مستعد لتوجيه ضربات"، "مستعدة لقصف" (announced, not done)
                              "مستعد", "مستعدة", "مستعدون", "مستعدين", "جاهز", "جاهزة", "جاهزون", "استعداده",
                              "استعدادها", "استعدادهم")}
_HYPO = {fold(w) for w in ("إمكانية", "امكانيه", "احتمال", "احتمالات", "لو", "إذا", "اذا", "حال", "ربما", "يمكن", "يمكنها", "يمكنه", "محتمل", "محتملا", "محتملة", "يحتمل", "فرضية",
                            "شائعات", "مزاعم", "المرجح", "المرجّح", "يرجح", "يرجّح", "ترجيحات",
                            # fear or prevention of something that has not happened: "خوفا من اندلاع اشتباكات"
                            "خوفا", "خشية", "تحسبا", "مخاوف", "لمنع", "لتجنب", "لتفادي", "تجنبا",
                            # a danger averted or feared: "لدرء خطر شن هجمات في شوارع بريطانيا"
                            "خطر", "مخاطر", "لدرء", "درء",
                            # an ability, not an act: "ادعى بأنه قادر على ضرب المنشآت"
                            "قادر", "قادرة", "قادرون", "قادرين", "بمقدوره", "بإمكانه", "بامكانه", "باستطاعته",
                            # an idea held, not an act: "ما زال يحتفظ بفكرة تقديم استقالته"
                            "فكرة", "بفكرة", "الفكرة",
                            # a question: "هل استنكر مسؤول مصري ما قاله؟"
                            "هل", "وهل", "فهل")}
_SPECULATE = {fold(w) for w in ("يرى", "ترى", "يعتقد", "تعتقد", "يتوقع", "توقع", "يرجح", "رجح", "يخشى", "تخشى",
                                 "متابعون", "محللون", "مراقبون", "المراقبون", "المحللون", "المتابعون", "خبراء",
                                 # considering, not doing: "وتفكر كوريا الجنوبية في الانضمام إلى اتفاقية"
                                 "يفكر", "تفكر", "يفكرون")}
_PURPOSE = {fold(w) for w in ("بهدف", "لهدف", "تهدف", "يهدف", "هدف", "سعيا", "مسعى", "أجل", "اجل", "لغرض",
                               "بغرض", "تسعى", "يسعى", "يسعون", "تسعي", "لتعزيز", "لبحث", "لمناقشة", "لتوقيع",
                               "رغبة", "يريد", "تريد", "يرغب", "ترغب", "يحاول", "تحاول", "محاولة", "ضرورة",
                               "الرامية", "الرامي", "الهادفة", "الهادف", "لتنفيذ", "لشن", "لإجراء")}
# a plot, not an act: "كانوا يخططون لسلسلة عمليات"، "للاشتباه في تخطيطهما لشن هجمات"; its scope runs over the
# means told after it ("يخططون لارتكاب اعتداءات ... من خلال استهداف مسؤولين")
_PLOT = {fold(w) for w in ("يخطط", "تخطط", "يخططون", "يخططان", "خططوا", "التخطيط", "تخطيط",
                            "تخطيطه", "تخطيطها", "تخطيطهم", "تخطيطهما", "للتخطيط", "مخطط", "مخططا", "مخططات")}
_ATTEMPT = {fold(w) for w in ("محاولة", "محاولات")}
_BACKGROUND = {fold(w) for w in ("سبق", "سابق", "سابقا", "سابقة", "وسبق", "الأسبق", "قبل", "منذ", "آنذاك", "حينها",
                                  "حينذاك", "تاريخيا")}
_PLUPERFECT = {fold(w) for w in ("كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا")}


def clause_bounds(toks: Sequence[Token], lo: int, hi: int, i: int) -> tuple[int, int]:
    """Token range [a, b) of the clause holding token i inside the sentence [lo, hi)."""
    a = lo
    for k in range(i - 1, lo, -1):
        if _is_boundary(toks, k):
            a = k + 1
            break
    b = hi
    for k in range(i + 1, hi):
        if _is_boundary(toks, k):
            b = k
            break
    return a, b


def _is_boundary(toks: Sequence[Token], k: int) -> bool:
    w = toks[k].norm
    if w in ("؛", ";", ":"):
        return True
    if w in ("،", ",") and k + 1 < len(toks):
        nxt = toks[k + 1]
        if nxt.norm in ("وذلك", "وهو", "وهي", "وهذا"):
            return False  # "، وذلك بمطار ...": a continuation of the same clause, not a new one
        return nxt.norm.startswith("و") and len(nxt.norm) > 3 and "و" in nxt.prefixes
    return False


def modality(toks: Sequence[Token], clause_lo: int, trig_i: int, prefix: str) -> set[str]:
    """Flags for the trigger starting at token ``trig_i`` (``prefix``: proclitics peeled off it).

    negated, future, hypothetical (speculation, possibility, condition) and purpose
    (the trigger names an aim: بهدف، لتعزيز، تسعى إلى).
    """
    flags: set[str] = set()
    before = [t.norm for t in toks[max(clause_lo, trig_i - 3):trig_i]]
    # "ولم يستبعد"، "فلن يزور": the conjunction does not hide the negation (but "كما" is no ك + ما)
    near = [w[1:] if w[:1] in ("و", "ف") and w[1:] in _NEG else w for w in before[-2:]]
    # "غير موقعة على اتفاقية روما": not a party to the agreement
    wider = [t.norm for t in toks[max(clause_lo, trig_i - 6):trig_i]]
    if any(w in _NEG for w in near) or (before and before[-1] in (_DENY | _SUSPEND)) \
            or any(w in _PUT_OFF for w in wider) or any(
            a == "غير" and b in _PARTY for a, b in zip(before, before[1:], strict=False)):
        flags.add("negated")
    if prefix.endswith("س"):
        flags.add("future")
    if any(w in _FUTURE for w in before):
        flags.add("future")
    # "لن يسكتوا حتى يشاهدوا محاكمته": حتى + a present verb looks ahead to something not yet done
    if any(a == "حتي" and b[:1] in "يتن" and not b.startswith("تم") and len(b) > 3
           for a, b in zip(before, before[1:], strict=False)):
        flags.add("future")
    # a governing verb in the future just before the trigger: "ستواصل تزويد"، "سيبحث"
    for k in range(max(clause_lo, trig_i - 2), trig_i):
        t = toks[k]
        # the future prefix stands before an imperfect (ي ت ن): "ساعات" is no س + اعات
        if any(p.endswith("س") and f[:1] in "يتن" for f, p in zip(t.forms, t.prefixes, strict=False)) \
                and not t.text.endswith("ة") and len(t.norm) > 4:
            flags.add("future")
    if any(w in _HYPO for w in before):
        flags.add("hypothetical")
    # قد + imperfect = may (قد يزور); قد + perfect = has (قد زار)
    for k in range(max(clause_lo, trig_i - 6), trig_i):
        if toks[k].norm == "قد" and k + 1 < len(toks) and toks[k + 1].norm[:1] in "يتن" \
                and not toks[k + 1].norm.startswith("تم"):
            flags.add("hypothetical")
    # speculation frames scope over the clause they open ("ويرى متابعون أن ...")
    for t in toks[clause_lo:trig_i]:
        if t.norm in _SPECULATE or any(f in _SPECULATE for f in t.forms):
            flags.add("hypothetical")
            break
    if any(not _PLOT.isdisjoint(t.forms) for t in toks[max(clause_lo, trig_i - 10):trig_i]):
        flags.add("purpose")
    if any(w in _PURPOSE for w in before) or prefix.endswith("ل"):
        # "محاولة اغتيال" right before the noun: an attempted act, which happened (PLOVER codes the attempt)
        if not (before and before[-1] in _ATTEMPT and not prefix):
            flags.add("purpose")
    return flags


def is_background(toks: Sequence[Token], lo: int, trig_i: int) -> bool:
    """The clause reports earlier events (سبق أن، كان قد، منذ ...)."""
    ws = [t.norm for t in toks[lo:trig_i]]
    forms = {f for t in toks[lo:trig_i] for f in t.forms}
    if forms & _BACKGROUND:
        return True
    return any(w in _PLUPERFECT for w in ws) and ("قد" in ws or len(ws) >= 2)
