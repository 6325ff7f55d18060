"""When and where: the time expression and the place attached to an event frame (same clause, discourse
inheritance, publication date; venue, destination, article focus)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from rasid.events.frame import (
    _ANAPHOR,
    _ANNIVERSARY,
    _BECAUSE,
    _CAME,
    _CAME_WHAT,
    _DIRECTIONS,
    _PLACE_ONLY,
    _RECORD,
    _RELATIVE,
    _SAYS,
    _SINCE,
    _SITED,
    _SPAN_DAYS,
    _SPANS,
    _THAT,
    _THAT_ONE,
    _TOPIC_SHIFT,
    _VERBAL,
    Frame,
    _after_prior,
    _place_gov,
    _sentence_places,
    _tok_index,
)
from rasid.model import Document, Place, Sentence, TimeExpr
from rasid.text.normalize import fold

# --------------------------------------------------------------------------- time and place


def _attach_time(doc: Document, f: Frame, last: Frame | None, anchor: Frame | None = None) -> None:
    toks = doc.tokens
    s0, s1 = toks[f.clause[0]].start, toks[f.clause[1] - 1].end
    t0 = toks[f.match.i].start
    shifted = _after_that(doc, f, anchor)
    if shifted is not None:
        f.time, f.time_source = shifted, "text"
        return
    cands = [t for t in doc.times if s0 <= t.start_char < s1 and t.start is not None]
    if not cands:  # the sentence may carry the date just outside this clause
        near = toks[max(f.sent.tok_start, f.match.i - 12)].start, toks[min(f.sent.tok_end, f.match.j + 12) - 1].end
        cands = [t for t in doc.times if near[0] <= t.start_char < near[1] and t.start is not None]
    # a relative clause right after an event noun describes that event ("التفجيرات شبه المتزامنة التي دمرت خمس
    # سيارات الأحد"): its time dates it; one further on describes something else
    own = f.trigger.pos != "v" and any(toks[k].norm in _RELATIVE for k in range(f.match.j, min(f.sent.tok_end,
                                                                                          f.match.j + 4)))
    cands = [t for t in cands if (own or not _in_relative_clause(doc, f.match.j, t.start_char))
             and not _commemorated(doc, t.start_char) and not _describes_noun(doc, f, t)]
    if f.trigger.pos != "v" and _after_prior(toks, f.match):
        # "اعتقلت ... امس ... بعد ساعات على تفجيرات": the main clause's time is not the earlier act's
        cands = [t for t in cands if t.start_char >= t0]
    if cands:
        # "منذ ..." states a duration: other expressions of the clause date the act better; one before a "that"
        # ahead of the trigger dates the report ("ذكر مسؤول السبت أن مسلحين هاجموا ... خلال اليومين الماضيين")
        that = [toks[k].start for k in range(f.sent.tok_start, f.match.i) if toks[k].norm in _THAT]
        # one after the next trigger is that trigger's ("زيارة الوزير ... جاءت تكملة لزيارته السابقة في مايو")
        nxt = toks[f.next_trigger].start if f.next_trigger < f.sent.tok_end else f.sent.end
        cands.sort(key=lambda t: (t.kind == "since", t.start_char >= nxt, any(t.start_char < c for c in that),
                                  abs(t.start_char - t0) + (0 if t.start_char >= t0 else 5), t.start_char))
        t = cands[0]
        pub = doc.article.published
        if t.tense_hint == "future" or (pub is not None and t.start is not None and t.start > pub):
            f.flags.add("future")  # "يزور الجزائر الأسبوع المقبل"
        if t.kind == "since" and t.start is not None and t.precision in _SPAN_DAYS:
            # "قُتل منذ أربعة أشهر" after a past verb: the act is at the far end, not all the way since
            t = dataclasses.replace(t, end=min(t.end or t.start, t.start + dt.timedelta(days=_SPAN_DAYS[t.precision])))
        f.time, f.time_source = t, "text"
        return
    sent_text = {t.norm for t in toks[f.sent.tok_start:f.sent.tok_end]}
    sent_forms = {x for t in toks[f.sent.tok_start:f.sent.tok_end] for x in t.forms}
    if last is not None and last.time is not None and (sent_text | sent_forms) & _ANAPHOR - _PLACE_ONLY:
        f.time, f.time_source = last.time, "discourse"
        return
    if f.background or "future" in f.flags:
        return
    told = _told_next(doc, f)
    if told is not None:
        f.time, f.time_source = told, "text"
        return
    pub = doc.article.published
    if pub is not None:
        f.time = TimeExpr(f.sent.start, f.sent.start, "", pub - dt.timedelta(days=1), pub, "day", "publication")
        f.time_source = "publication"


_SINCE_WORD = fold("منذ")
# participles and adjectives of a state that lasts ("الحرب المستمرة منذ"، "المعتقل منذ"، "الحصار المفروض منذ")
_LASTING = {fold(w) for w in (
    "المستمرة", "المستمر", "مستمرة", "مستمر", "الدائرة", "الدائر", "القائمة", "القائم", "المتواصلة", "المتواصل",
    "متواصلة", "المندلعة", "المندلع", "الجارية", "الجاري", "المحتجز", "المحتجزة", "المحتجزين", "المعتقل",
    "المعتقلة", "المعتقلين", "المسجون", "المسجونين", "المطلوب", "المطلوبين", "المفروض", "المفروضة", "المغلق",
    "المغلقة", "المتوقف", "المتوقفة", "المجمدة", "المجمد", "المعلقة", "المعلق", "المحاصرة", "المحاصر", "المختطف",
    "المختطفين", "المخطوفين", "المفقود", "المفقودين")}


def _describes_noun(doc: Document, f: Frame, t: TimeExpr) -> bool:
    """"لإنهاء الحرب المستمرة منذ 14 عاما": a duration after a definite adjective or participle tells how long
    that thing has lasted, not when the act took place."""
    if t.kind != "since" and not fold(t.text).lstrip("و").startswith(_SINCE_WORD):
        return False
    k = doc.token_index(t.start_char)
    if k is None or k <= f.match.j or k - 1 < f.sent.tok_start:
        return False
    if any(set(t.forms) & _RECORD for t in doc.tokens[max(f.sent.tok_start, k - 10):k]):
        return True  # "أول زيارة لوزير خارجية كوبي منذ 1959": the first since then measures the act; it is now
    return bool(set(doc.tokens[k - 1].forms) & _LASTING)


def _occasion(doc: Document, f: Frame) -> Sentence | None:
    """The next sentence when it opens on "جاء ذلك" / "وجاءت تصريحات X": it tells the occasion of this one."""
    k = f.sent.index + 1
    if k >= len(doc.sentences):
        return None
    nxt = doc.sentences[k]
    words = [t for t in doc.tokens[nxt.tok_start:min(nxt.tok_end, nxt.tok_start + 3)] if t.is_word]
    if len(words) < 2 or not (set(words[0].forms) & _CAME) or not (set(words[1].forms) & _CAME_WHAT):
        return None
    return nxt


def _told_next(doc: Document, f: Frame) -> TimeExpr | None:
    """The time of the occasion told in the next sentence ("جاء ذلك في كلمة ألقاها يوم الأحد")."""
    nxt = _occasion(doc, f)
    if nxt is None:
        return None
    return next((t for t in doc.times if nxt.start <= t.start_char < nxt.end and t.start is not None
                 and t.kind != "since" and t.tense_hint != "future"), None)


def _after_that(doc: Document, f: Frame, anchor: Frame | None) -> TimeExpr | None:
    """"وحكم عليها بالإعدام بعد ذلك بعام" after an act dated 2009: the sentence is dated 2010."""
    if anchor is None or anchor.time is None or anchor.time.start is None or anchor.time_source != "text":
        return None
    toks = doc.tokens
    for k in range(f.match.j, min(f.sent.tok_end - 2, f.match.j + 6)):
        if toks[k].norm not in ("بعد", "قبل") or toks[k + 1].norm != fold("ذلك"):
            continue
        span = next((_SPANS[w] for w, p in zip(toks[k + 2].forms, toks[k + 2].prefixes, strict=False)
                     if p.strip("وف") == "ب" and w in _SPANS), None)
        if span is None:
            return None
        n, unit = span
        sign = 1 if toks[k].norm == "بعد" else -1
        a = anchor.time
        if unit == "year":
            start, end, prec = dt.date(a.start.year + sign * n, 1, 1), dt.date(a.start.year + sign * n, 12, 31), "year"
        elif unit == "month":
            m = a.start.month - 1 + sign * n
            y, m = a.start.year + m // 12, m % 12 + 1
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            start, end, prec = dt.date(y, m, 1), nxt - dt.timedelta(days=1), "month"
        else:
            start = a.start + dt.timedelta(days=sign * n)
            end, prec = start, a.precision
        text = doc.text[toks[k].start:toks[k + 2].end]
        return TimeExpr(toks[k].start, toks[k + 2].end, text, start, end, prec, "relative")
    return None


def _commemorated(doc: Document, offset: int) -> bool:
    """"بمناسبة ذكرى ثورة 23 يوليو 1952": the date an anniversary recalls is not the event's."""
    k = _tok_index(doc, offset)
    if k is None:
        return False
    return any(set(t.forms) & _ANNIVERSARY for t in doc.tokens[max(0, k - 8):k])


def _in_relative_clause(doc: Document, after_tok: int, offset: int) -> bool:
    """A relative pronoun (التي، الذي) or "because" (لأنها) between the trigger and the offset opens a clause of
    its own."""
    k = after_tok
    toks = doc.tokens
    while k < len(toks) and toks[k].start < offset:
        if toks[k].norm in _RELATIVE or toks[k].norm in _BECAUSE:
            return True
        k += 1
    return False


def _dated_relative(doc: Document, f: Frame, offset: int) -> bool:
    """The offset lies in a relative clause after the trigger that carries a date of its own: the clause tells
    another, earlier event, and its place is that event's."""
    toks = doc.tokens
    k = f.match.j
    while k < f.sent.tok_end and toks[k].start < offset:
        if toks[k].norm in _RELATIVE:
            r, end = toks[k].start, toks[f.sent.tok_end - 1].end
            return any(r < x.start_char < end and x is not f.time for x in doc.times)
        k += 1
    return False


def _speaking_capital(doc: Document, p: Place) -> bool:
    """A capital right after a verb of saying is the government that speaks ("وتقول بغداد إن"، "اتهمت أنقرة")."""
    k = _tok_index(doc, p.start)
    return k is not None and k > 0 and bool(set(doc.tokens[k - 1].forms) & _SAYS) \
        and any(m.start == p.start and m.kind == "capital" for m in doc.mentions)


def _attach_place(doc: Document, f: Frame, trig_starts: list[int], last: Frame | None, home: str | None) -> None:
    toks = doc.tokens
    places = _sentence_places(doc, f)
    actor_spans = [(m.start, m.end) for m in f.actor + f.recipient]
    t0 = toks[f.match.i].start
    lo, hi = toks[f.clause[0]].start, toks[f.clause[1] - 1].end
    visit = f.trigger.type == "CONSULT"
    best: tuple[float, Place] | None = None
    for p in places:
        if not (lo <= p.start < hi) and abs(p.start - t0) > 60:
            continue
        if _speaking_capital(doc, p):
            continue  # "بينما تقول بغداد إن ...": the government speaking, not a venue
        if any(s <= p.start < e for s, e in actor_spans) and (
                p.resolution == "country" or f.trigger.type in _VERBAL):
            continue  # a participant named by its capital ("واتهم الحزب أنقرة") is no venue of a statement
        if visit and f.trigger.roles in ("visit", "host", "guest") \
                and any(m.start <= p.start < m.end or (0 < p.start - m.end <= 2 and m.kind == "office" and not m.code)
                        for m in f.actor):
            continue  # "استقبل X محافظ صنعاء": the visitor's title names where he comes from, not the venue
        if f.trigger.type in _VERBAL and f.trigger.pos == "v" and p.start > t0 \
                and (pi := _tok_index(doc, p.start)) is not None \
                and pi - f.match.j > 6:
            continue  # a place deep in what is condemned or demanded is no venue of the statement
        # a place belongs to the trigger it follows most closely (زيارة X إلى Y، اعتقال X في Y)
        d = abs(p.start - t0)
        starts = [toks[i].start for i in trig_starts if i != f.match.i]
        if p.start > t0:
            if any(t0 < g < p.start for g in starts):
                continue
        elif any(p.start < g for g in starts if g != t0 and abs(p.start - g) + 3 < d):
            continue
        pi = _tok_index(doc, p.start)
        gov = _place_gov(doc, pi) if pi is not None else ""
        if gov in ("من", "مع"):
            continue  # an origin (وفد من تشاد) or a partner (الحدود مع غزة), not the venue
        if pi is not None and pi >= 2 and toks[pi - 1].norm in ("في", "ب") and set(toks[pi - 2].forms) & _SITED:
            continue  # "المحكمة الجنائية الدولية المنعقدة في لاهاي": where a body sits, not where the event was
        if p.start > t0 and _dated_relative(doc, f, p.start):
            continue  # "أعدمت الهند مأمون، أحد المخططين للاعتداءات التي أوقعت 257 قتيلا في بومباي في 1993"
        if pi is not None and pi >= 2 and toks[pi - 1].norm in _DIRECTIONS \
                and any(q.end == toks[pi - 2].end for q in places):
            continue  # "بمحافظة ذي قار جنوب بغداد": the second place only locates the first
        score = d / 40.0
        if gov in ("في", "الي", "ب", "ل", "داخل", "قرب") or (gov == "علي" and f.trigger.type == "ASSAULT"):
            score -= 2  # ("هجوم الميليشيات على الضالع": the town attacked is where it happened)
        if p.start < t0:
            score += 0.5  # a verb's place follows it; one before it is often another clause's
        if not lo <= p.start < hi:
            score += 1.0  # outside the trigger's clause
        if p.resolution == "country":
            score += 1.5
            if visit and gov not in ("الي", "ل", "في"):
                continue
        elif p.resolution == "province":
            score += 0.75  # "إلى مدينة أربيل في إقليم كردستان": the city is the venue
        if best is None or score < best[0]:
            best = (score, p)
    refers = _refers_back(doc, f)
    inherited = last.place if last is not None and last.place is not None and refers else None
    if best is not None:
        p = best[1]
        if p.resolution == "country" and inherited is not None and inherited.country_code == p.country_code \
                and inherited.resolution != "country":
            f.place, f.place_source = inherited, "discourse"
        else:
            f.place, f.place_source = p, "text"
        return
    if last is not None and last.place is not None and refers:
        f.place, f.place_source = last.place, "discourse"
        return
    if (nxt := _occasion(doc, f)) is not None:
        # "... . جاء ذلك خلال مؤتمر صحفي عقده في عمان": the town of the occasion told next
        towns = [p for p in doc.places if nxt.start <= p.start < nxt.end and p.resolution in ("city", "facility")]
        # a town after في / ب first ("أمام طلاب جامعة اليرموك في إربد": the university only names a place)
        town = next((p for p in towns if (pi := _tok_index(doc, p.start)) is not None
                     and _place_gov(doc, pi) in ("في", "ب")), towns[0] if towns else None)
        if town is not None:
            f.place, f.place_source = town, "text"
            return
    # a town named further on in the same sentence, as the venue of the sentence's other clauses
    # ("قتلت قوات X فلانا ... بعد دهمها منزله في بلدة Y شمال الخليل"): closer than any other sentence's place
    if f.trigger.type in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE"):
        town = next((p for p in places if p.resolution in ("city", "facility") and p.start > t0
                     and not any(s <= p.start < e for s, e in actor_spans) and not _dated_relative(doc, f, p.start)
                     and not _speaking_capital(doc, p)
                     and (pi := _tok_index(doc, p.start)) is not None and _place_gov(doc, pi) not in ("من", "مع")), None)
        if town is not None:
            f.place, f.place_source = town, "text"
            return
    pub = doc.article.published
    recent = f.time_source == "publication" or (
        f.time is not None and f.time.end is not None and pub is not None and 0 <= (pub - f.time.end).days <= 3
        and not f.background)
    if recent and doc.article.dateline is not None:
        from rasid.place.resolve import geocode

        dl = doc.article.dateline
        own = [q for q in doc.places if dl.start <= q.start < dl.end]
        p = own[0] if own else geocode(dl.text)
        if p is not None:
            p = dataclasses.replace(p, start=dl.start, end=dl.end, text=dl.text)  # offsets of the dateline
            f.place, f.place_source = p, "dateline"


def _refers_back(doc: Document, f: Frame) -> bool:
    """Does the frame's sentence point back to the last one (هذه، خلال اللقاء، وأضاف)? "إلى ذلك" opens a new
    topic ("in addition"): its ذلك points nowhere."""
    toks = doc.tokens
    for k in range(f.sent.tok_start, f.sent.tok_end):
        if set(toks[k].forms) & _ANAPHOR and not (
                toks[k].norm == _THAT_ONE and k > f.sent.tok_start and (toks[k - 1].norm in _TOPIC_SHIFT
                                                                           or _SINCE in toks[k - 1].forms)):
            return True
    return False
