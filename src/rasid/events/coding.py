"""PLOVER coding of a filled frame into events (types, modes, inferred participants, place fallbacks,
confidence) and the merging of reports of the same interaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re

from rasid.events.frame import (
    _ABSTRACT,
    _ARMED,
    _ATTACK_VERB,
    _ATTACK_WORD,
    _BLAME,
    _BUILDING,
    _BY_SEAT,
    _CITIZEN,
    _CLASHES,
    _COMPLEMENTIZERS,
    _CONSEQUENCES,
    _CONTEXT_KEYS,
    _DONE,
    _EMBASSY,
    _EXPRESS,
    _FAMILIES,
    _FORCE_WORDS,
    _HABITUAL,
    _HOSTILE,
    _IGO,
    _LADA,
    _LOCAL_EVENTS,
    _LOCATIVE,
    _MONITOR,
    _NEEDS_RECIPIENT,
    _NO_TRUTH,
    _OPENERS,
    _PARTY_SECTORS,
    _PRIVATE,
    _PUBLIC,
    _RATIFIED,
    _RELATIVE,
    _REPORTING,
    _RESPONSE,
    _SAME_PLACE_KM,
    _SEATS,
    _SECURITY_COUNCIL,
    _SETTING,
    _SPEAKER_SIDE,
    _SPEAKERS,
    _STATE_BODIES,
    _SYMMETRIC,
    _THANKS_VERBS,
    _THAT,
    _TRIAL,
    _UNREAL,
    _VERBAL,
    _VETO,
    _WARN,
    _WONT,
    Frame,
    _agent_marker,
    _codes,
    _compatible_dates,
    _gov,
    _is_head,
    _opening_subject,
    _sentence_places,
    _threat_content,
    _timeword,
    _tok,
)
from rasid.events.triggers import Trigger
from rasid.model import Document, Entity, Event, Mention, Place, Span
from rasid.text.normalize import fold


def _metonym(doc: Document, m: Mention) -> bool:
    """A capital named as an actor ("أنقرة تتهم") stands for its government, not for a venue ("في أنقرة")."""
    return m.kind == "capital" and _gov(doc, m) not in _LOCATIVE


def _focus_city(doc: Document, code: str) -> Place | None:
    """The town of a country that the article keeps naming: at least twice, and at least twice as often as any
    other town of that country."""
    metonyms = {m.start for m in doc.mentions if _metonym(doc, m)}
    towns = [p for p in doc.places if p.country_code == code and p.resolution == "city" and p.start not in metonyms]
    counts: dict[int | None, int] = {}
    for p in towns:
        counts[p.geonameid] = counts.get(p.geonameid, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return next(p for p in towns if p.geonameid == ranked[0][0])
    return None


# office labels of one person (a group mention headed by one: "الأمين العام لحزب ...")
_PERSON_TITLE = re.compile(r"secretary|president|minister|leader|spokes|chair|head|speaker|deputy|member", re.I)


# striking verbs whose civilian "subject" is its victim, read passively (استُهدف مدنيون، قُصف السكان)
_STRIKE_VERBS = {fold(w) for w in ("استهدف", "قصف", "ضرب", "أصاب", "جرح", "اغتال", "أعدم", "فجر")}


_NON_POLITICAL = {"CVL", "BUS", "JRN", "MED", "EDU", "SOC", "LAB"}


def _plural_head(w: str) -> bool:
    """A plural head word (قوات، مسلحين، مسؤولون); not a singular that ends like one (الأمين)."""
    return w.endswith("ات") or (w.endswith(("ين", "ون")) and len(w.removeprefix("ال")) >= 5)


def _leads_sentence(doc: Document, f: Frame) -> bool:
    """The trigger is its sentence's main predicate: only openers, times, its own actor, or the actor's
    reporting verb ("قال الوزير إن بلاده ترفض") come before it ("ونفت حماس ..."، "الجيش ينفي ...").

    A statement with no addressee that sits deeper in a sentence (a relative clause, a reason, a quoted
    condition: "المصدر الذي رفض الكشف"، "التدابير التي يطالب بها الدائنون") is rarely an event of its own."""
    toks = doc.tokens
    spans = [(m.start, m.end) for m in f.actor]
    lo = f.sent.tok_start
    first = next((t for t in toks[lo:f.match.i] if t.is_word), None)
    if first is not None and set(first.forms) & _SETTING:
        # "وفي بيان أصدرته أمس، نفت الوزارة ..."، "وخلال لقائه الوزير، دعا ...": a setting before a comma
        lo = max([q + 1 for q in range(lo, f.match.i) if toks[q].text in ("،", ",")], default=lo)
    for q in range(lo, f.match.i):
        t = toks[q]
        if not t.is_word or t.norm in _OPENERS or t.norm in _REPORTING or t.norm in _THAT or t.norm in _SPEAKER_SIDE:
            continue
        if _timeword(doc, q) or any(s <= t.start < e for s, e in spans) or set(t.forms) & _EXPRESS:
            continue
        if t.norm.startswith("ال") and t.norm not in _RELATIVE and q > lo \
                and any(s <= toks[q - 1].start < e for s, e in spans):
            spans.append((t.start, t.end))  # "البرلمان الموازي": an adjective of the subject
            continue
        if t.norm in _RELATIVE and f.match.i - q > 2 and any(
                s <= toks[r].start < e for s, e in spans for r in range(max(lo, q - 2), q)):
            return True  # "البرلمان الموازي الذي ينعقد في طرابلس رفض الحضور": the subject's relative clause
        return False
    return True


def _habitual_context(doc: Document, f: Frame) -> bool:
    """A plural event noun governed by a present-tense verb or a noun (تواجه هجمات، سلسلة هجمات)."""
    toks = doc.tokens
    for k in range(max(f.clause[0], f.match.i - 2), f.match.i):
        w = toks[k].norm
        if len(w) > 3 and w[0] in "يت" and not toks[k].text.endswith("ة") and not w.startswith("تم"):
            return True
    return False


def _habitual_adverb(doc: Document, f: Frame) -> bool:
    """"وينفذ التحالف الدولي غارات جوية بشكل يومي": a habit told by its adverb in the trigger's clause."""
    toks = doc.tokens
    for k in range(f.clause[0], min(f.clause[1], f.match.j + 6)):
        w = toks[k].norm
        if w in _HABITUAL or (w in ("بشكل", "بصوره") and k + 1 < len(toks) and toks[k + 1].norm in ("يومي", "يوميه",
                                                                                                 "مستمر", "منتظم")):
            return True
    return False


def _place_country(doc: Document, f: Frame) -> str | None:
    p = _sentence_places(doc, f)
    return p[0].country_code if p else None


def _seat_landmark(doc: Document, f: Frame, code: str) -> Place | None:
    """The capital of ``code`` when the sentence places its event by a national seat ("أمام مبنى البرلمان
    الإيراني"، "قرب البرلمان") and names no town; a seat's nisba must agree with ``code``."""
    from rasid.place.resolve import capital_of

    toks = doc.tokens
    for k in range(f.sent.tok_start, f.sent.tok_end - 1):
        if toks[k].norm not in _BY_SEAT and not set(toks[k].forms) & _BY_SEAT:
            continue
        q = k + 1
        if q < f.sent.tok_end and set(toks[q].forms) & _BUILDING:
            q += 1
        for n in (3, 2, 1):
            if q + n <= f.sent.tok_end and " ".join(t.norm for t in toks[q:q + n]) in _SEATS:
                adj = next((m for m in doc.mentions if m.start == toks[q + n].start), None) \
                    if q + n < f.sent.tok_end else None
                if adj is not None and adj.kind == "nisba" and adj.code != code:
                    return None
                cap = capital_of(code)
                if cap is None:
                    return None
                s, e = toks[q].start, toks[q + n - 1].end
                return dataclasses.replace(cap, start=s, end=e, text=doc.text[s:e])
    return None


# --------------------------------------------------------------------------- coding


# dual heads naming two peers of one side ("قبيلتا التبو والطوارق"، "الحزبان"): an agreement between them
_DUAL_PEERS = frozenset(fold(w) for w in (
    "قبيلتا", "قبيلتي", "عشيرتا", "عشيرتي", "الحزبان", "الحزبين", "الحركتان", "الحركتين", "الفصيلان", "الفصيلين",
    "الطرفان", "الطرفين", "الجانبان", "الجانبين"))
# tribal collectives (offices.tsv): CVL for want of a PLOVER tribal sector, but they bear arms
_TRIBAL = frozenset({"Tribe", "Tribes", "Clan", "Clans", "Tribesmen", "Tribal fighters"})
# civilians who attack as such (not a protest turned violent): tribes, settlers (labels of offices.tsv, groups.tsv)
_ARMED_CIVILIANS = _TRIBAL | {"Israeli settlers"}


def _entity(doc: Document, m: Mention, f: Frame, home: str | None, codes: list[str] | None = None,
            ) -> list[Entity]:
    codes = codes if codes is not None else (m.extra.get("codes") or ([m.code] if m.code else []))
    if m.extra.get("code_source") == "sentence" and f.place is not None and f.place_source == "text" \
            and f.place.country_code and f.place.country_code not in codes:
        codes = [f.place.country_code]  # "المواطنين" are people of the place, not of the forces named beside them
    out = []
    if not codes:
        code = None
        if m.kind in ("office", "org", "person") and m.extra.get("code_source") != "kb":
            # a place inside the phrase (سلطات مدينة بنغازي), else the article's home country,
            # else the place of the sentence
            # ("نائب رئيس الشرطة في دبي": the town right after the office, with في)
            inside = [p for p in doc.places if m.start <= p.start < m.end
                      or (0 < p.start - m.end <= 5 and doc.text[m.end:p.start].strip() in ("في", ""))]
            code = inside[0].country_code if inside else None
            if code is None:
                # "عضو لجنة الأمن والدفاع في مجلس النواب العراقي": a member of a coded state body named after في
                body = next((b for b in doc.mentions if 0 < b.start - m.end <= 30 and b.code and b.code not in _IGO
                             and b.sector in ("LEG", "GOV", "JUD", "MIL", "COP", "PTY")
                             and doc.text[m.end:b.start].split()[-1:] == ["في"]), None)
                code = body.code if body is not None else None
            if code is None and m.sector in ("REB", "CVL", "OPP", "UAF", "CRM", "REF", "PRM") \
                    and f.trigger.type == "ASSAULT":
                code = f.place.country_code if f.place is not None else None  # fighters where the strike lands
            if code is None and m.sector in ("GOV", "COP", "MIL", "JUD", "SPY"):
                # "قالت وزارة الداخلية في البحرين إن السلطات ...": the state that speaks is the one acting
                opener = _opening_subject(doc, f)
                if opener is not None and opener is not m and opener.code and opener.code not in _IGO:
                    code = opener.code
            code = code or home or (_place_country(doc, f) if m.kind != "person" else None)
            f.inferred += 1
        codes = [code] if code else [None]
    families = "tok" in m.extra and _tok(m)[0] > 0 and set(doc.tokens[_tok(m)[0] - 1].forms) & _FAMILIES
    for c in codes:
        e = m.entity()
        e.code = c
        if e.sector is None:
            e.sector = "IGO" if c in _IGO else ("GOV" if m.kind in ("name", "country", "capital", "nisba") else None)
        if families and c not in _IGO:
            e.sector = "CVL"  # "أهالي العسكريين المختطفين": the families of soldiers are civilians
        out.append(e)
    return out


def _government_and_party(actors: list[Entity], recips: list[Entity]) -> bool:
    """"عقد رئيس الحكومة صفقة مع رئيس حزب المعارضة": the government and a party of its own country are two
    political actors; two officials of one government are not (their meeting is internal business)."""
    sa = {a.sector for a in actors}
    sr = {r.sector for r in recips}
    return bool(("GOV" in sa and sr & _PARTY_SECTORS) or ("GOV" in sr and sa & _PARTY_SECTORS))


def _envoy(doc: Document, m: Mention) -> bool:
    """An ambassador named by his country alone (السفير الياباني), not by his post (سفير مصر لدى الكويت)."""
    if "ambassador" not in (m.office or "").lower() or _LADA in {fold(w) for w in m.text.split()}:
        return False
    nxt = doc.text[m.end:m.end + 6].split()
    return not (nxt and fold(nxt[0]) in (_LADA, "في"))


def _envoy_post(doc: Document, f: Frame, actors: list[Entity], recips: list[Entity]) -> str | None:
    """The country where the one ambassador of a two-sided meeting is posted: the other side's."""
    a_env = any(_envoy(doc, m) for m in f.actor)
    r_env = any(_envoy(doc, m) for m in f.recipient)
    if a_env == r_env:
        return None
    host = actors[0] if r_env else recips[0]
    guest = recips[0] if r_env else actors[0]
    if not host.code or host.code in _IGO or host.code == guest.code:
        return None
    return host.code


def _event_day(doc: Document, f: Frame) -> dt.date | None:
    """The day the frame's event happened, as far as known: its time's start, else the publication date."""
    return (f.time.start if f.time is not None and f.time.start else None) or doc.article.published


def _code(doc: Document, f: Frame, home: str | None, keep_all: bool) -> list[Event]:
    trig = f.trigger
    if f.anaphoric and not keep_all:
        return []
    if trig.type == "AGREE" and trig.pos == "n" and f.rule == "agree.n.meet" and not keep_all \
            and not (len(f.actor) >= 2 and f.match.i > 0 and doc.tokens[f.match.i - 1].norm == "الي") \
            and not any(_tok(m)[0] == f.match.j or (_tok(m)[0] == f.match.j + 1
                                                  and doc.tokens[f.match.j].norm in ("مع", "بين"))
                        for m in f.actor + f.recipient):
        return []  # "اتفاقية حقوق الطفل"، "وقعت X اتفاقا لتدريب": the noun names a text; no party of it follows
    if f.flags & _UNREAL and not keep_all:
        return []
    if trig.pos == "n" and trig.form_kind == "plural" and f.time_source != "text" and not keep_all \
            and _habitual_context(doc, f):
        return []  # "تواجه هجمات": a generic or habitual plural, not one reported event
    if f.time_source != "text" and not keep_all and _habitual_adverb(doc, f):
        return []  # "تنفذ غارات بشكل يومي"، "يعتقل يوميا": a habit, no one dated event
    types = [trig.type]
    mode = [trig.mode] if trig.mode else []
    if "future" in f.flags:
        if trig.type in ("CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"):
            types, mode = ["AGREE"], []  # a planned cooperative act is an AGREE (PLOVER)
        elif trig.type == "ASSAULT" and not f.flags & {"hypothetical"}:
            types, mode = ["THREATEN"], []  # "ستواصل استهداف النواب": an announced attack is a THREAT (PLOVER)
        elif not keep_all:
            return []
    actors: list[Entity] = []
    for m in f.actor:
        actors.extend(_entity(doc, m, f, home))
    recips: list[Entity] = []
    for m in f.recipient:
        es = _entity(doc, m, f, home)
        if m.extra.get("code_source") in ("sentence", "") and fold(m.text).removeprefix("ال").startswith(_CITIZEN) \
                and actors and actors[0].code and actors[0].code not in _IGO \
                and actors[0].sector in ("GOV", "JUD", "COP", "MIL", "SPY"):
            for e in es:  # "حكما بالسجن بحق مواطن أدين بالسفر إلى سوريا": a citizen is the acting state's
                e.code = actors[0].code
        recips.extend(es)
    if trig.type == "CONSULT" and not recips and home and actors and all(a.code != home for a in actors) \
            and f.time_source in ("publication", "text") and trig.roles == "visit" and f.place is None:
        recips = [Entity(code=home, sector="GOV", entity_text="", identifier_text=None)]
        f.inferred += 1
    actors = [a for a in actors if a.code]
    recips = [r for r in recips if r.code]
    if fold(trig.lemma) == _WARN and trig.pos == "v":
        # "حذر الجيش المتظاهرين من مغبة ...": a warning to an addressee is a threat; "حذرت الجمعية من خطورة
        # الألعاب النارية" warns of a danger (no event), "حذر خامنئي من محاولات تقوم بها أمريكا" of another's acts
        # (PLOVER ACCUSE)
        of = next((q for q in range(f.match.j, f.clause[1]) if doc.tokens[q].norm == "من"), None)
        addressed = of is None or any(_tok(m)[0] < of for m in f.recipient)
        if not addressed:
            if not any(r.code not in {a.code for a in actors} for r in recips):
                return []  # ("ويحذر مجلس الأعمال البريطاني من أن بريطانيا تحتاج ..."): a warning about one's own side
            types, mode = ["ACCUSE"], ["disapprove"]
            f.rule += ".of"
        elif of is not None and of + 1 < f.clause[1] and not set(doc.tokens[of + 1].forms) & _CONSEQUENCES \
                and not set(doc.tokens[of].forms) & _CONSEQUENCES \
                and actors and actors[0].sector not in _ARMED | {"COP"} \
                and not any(set(t.forms) & _HOSTILE for t in doc.tokens[of + 1:min(f.clause[1], of + 4)]):
            # "حذر قراقع إسرائيل من العمل بالقانون"، "كيري يحذر الكونغرس من رفض الاتفاق": warned not to do it
            # (a demand); a threat names the consequences ("من مغبة"، "من عواقب"), warns off hostile acts ("من أي عمل
            # عسكري") or comes from armed men
            types, mode = ["REQUEST"], []
            f.rule += ".against"
    if not actors and trig.mode in ("deport", "expel") and f.recipient:
        # "تم ترحيل مئات المهاجرين الإثيوبيين من السعودية"، "طرد مواطنة أسترالية من الإمارات": the state they are
        # sent away from deports them
        end = max(_tok(m)[1] for m in f.recipient)
        src = next((m for m in doc.mentions if "tok" in m.extra and end <= _tok(m)[0] <= end + 3
                    and _tok(m)[0] < f.sent.tok_end and _gov(doc, m) == "من" and m.code and m.code not in _IGO
                    and m.kind in ("name", "country", "capital")), None)
        if src is not None:
            actors = _entity(doc, src, f, home)
            f.rule += "+actor:from"
    if not actors and trig.type == "COERCE" and trig.mode == "arrest":
        # "قالت وزارة الداخلية إنه تم إلقاء القبض على ...": the reporting authority made the arrest;
        # "تم توقيف ثلاثة مشتبه بهم في تونس": with no authority named, the place's police did
        opener = _opening_subject(doc, f)
        if opener is not None and opener.code and opener.sector in ("GOV", "COP", "MIL", "SPY", "JUD"):
            actors = _entity(doc, opener, f, home)
            f.rule += "+actor:reporter"
        elif f.place is not None and f.place.country_code:
            actors = [Entity(code=f.place.country_code, sector="COP", entity_text="", identifier_text=None)]
            f.inferred += 1
            f.rule += "+actor:place"
        elif home and home not in _IGO and f.match.i > 0 and doc.tokens[f.match.i - 1].norm in _DONE:
            # "وقال بيدار إنه تم اعتقال قائد طالبان في المنطقة": a passive arrest with no place named is made by
            # the police of the country the article is about
            actors = [Entity(code=home, sector="COP", entity_text="", identifier_text=None)]
            f.inferred += 1
            f.rule += "+actor:home"
    if not actors and trig.type == "ASSAULT" and not recips and ".passive" in f.rule and f.place is not None \
            and f.place.country_code:
        # "قتل ستة في هجوم انتحاري في مقديشو": uncounted victims are people of the place
        recips = [Entity(code=f.place.country_code, sector="CVL", entity_text="", identifier_text=None)]
        f.inferred += 1
    if not actors and not recips and trig.type == "ASSAULT" and trig.mode in ("bomb", "kill") \
            and f.place is not None and f.place.resolution == "city" and f.place_source == "text" \
            and f.time_source in ("text", "reference"):
        # "تفجيرات في محطتين للحافلات في جومبي يوم الأربعاء": a dated, placed bombing with no one named:
        # unidentified attackers, the place's people hit
        recips = [Entity(code=f.place.country_code, sector="CVL", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += ".passive"
    if not actors and not recips and trig.type == "ASSAULT" and fold(trig.lemma) in _CLASHES \
            and f.place is not None and f.place.resolution == "city" and f.place_source == "text" \
            and f.place.country_code and f.place.country_code not in _IGO and not f.background:
        # "اندلعت اشتباكات عنيفة في شوارع تعز": clashes in a named town between sides left unnamed are fighting
        # among the town's country's people (undirected, both sides unidentified)
        actors = [Entity(code=f.place.country_code, sector="UAF", entity_text="", identifier_text=None)]
        recips = [Entity(code=f.place.country_code, sector="UAF", entity_text="", identifier_text=None)]
        f.inferred += 2
        f.rule += "+sides:place"
    if not actors and trig.type == "ASSAULT" and recips and (".passive" in f.rule or trig.mode == "bomb"):
        # "قتل خمسة جنود باكستانيين في هجوم"، "تفجيرات استهدفت سيارات ناشطين": the attackers are not named:
        # unidentified armed forces (PLOVER UAF)
        # of the country where it happened
        code = (f.place.country_code if f.place is not None else None) or recips[0].code
        actors = [Entity(code=code, sector="UAF", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+actor:unidentified"
    if not actors and (trig.mode == "convict" or (trig.type == "ACCUSE" and fold(trig.lemma) == _TRIAL)
                       or any(m.sector == "JUD" for m in f.actor)):
        # "حكم على الناشطين بالسجن"، "تبدأ في الخرطوم محاكمة ...": an unnamed court of the place, else of the
        # article's country, else of the defendants'
        code = (f.place.country_code if f.place is not None and f.place_source == "text" else None) or home or (
            recips[0].code if recips else None)
        if code and code not in _IGO:
            actors = [Entity(code=code, sector="JUD", entity_text="", identifier_text=None)]
            f.inferred += 1
            f.rule += "+actor:court"
    if not actors and trig.type == "PROTEST" and f.place is not None and f.place.country_code:
        # "تظاهر المئات في مدينة الموصل": the protesters are people of the place
        actors = [Entity(code=f.place.country_code, sector="CVL", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+actor:place"
    if not actors and f.main is not None and f.main.coded_actors:
        actors = list(f.main.coded_actors)  # "تظاهر المئات ... مطالبين بمحاكمة": the protesters demand
        f.rule += "+actor:main"
    if not actors:
        return []
    f.coded_actors = actors
    # "أدانت المحكمة مواطنا بالسفر": a court that condemns convicts (coded SANCTION convict below)
    convicts = trig.mode == "convict" or (trig.type == "ACCUSE" and trig.mode == "disapprove"
                                          and all(a.sector == "JUD" for a in actors))
    if "charged-person" in f.flags and not recips and actors[0].code and actors[0].code not in _IGO:
        recips = [Entity(code=actors[0].code, sector="CVL", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:domestic"
    if trig.type == "PROTEST" and not recips and (embassy := _embassy_of(doc, f)) is not None:
        # "تظاهر آلاف الأردنيين أمام السفارة الإسرائيلية": a protest at an embassy is addressed to its state
        recips = [Entity(code=embassy, sector="GOV", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:embassy"
    if trig.type == "PROTEST" and not recips and actors[0].code and actors[0].code not in _IGO \
            and actors[0].sector not in ("GOV", "MIL", "COP"):
        # a protest with no named target is addressed to the authorities of the country where it happens
        code = (f.place.country_code if f.place is not None else None) or actors[0].code
        recips = [Entity(code=code, sector="GOV", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:authorities"
    if trig.type in _SYMMETRIC and trig.roles == "meet" and recips and f.recipient and all(
            m.kind == "nisba" and any(t.norm == "علي" for t in doc.tokens[f.match.j:_tok(m)[0]])
            for m in f.recipient):
        # "اتفق القادة السعوديون والأمريكيون على مواجهة الأنشطة الإيرانية"، "اتفقوا على تطويق الانتشار الإيراني":
        # the nationality adjective of what they agreed on (على) is the topic, not a party
        recips = []
        f.rule += ".topic"
    if trig.type in _SYMMETRIC and not recips and len(actors) >= 2:
        # "اتفق القادة السعوديون والأمريكيون"، "وقعت الحكومة وحركة الشباب": the peers meet each other
        if len({a.code for a in actors}) >= 2:
            first = actors[0].code
            recips = [a for a in actors if a.code != first]
            actors = [a for a in actors if a.code == first]
        else:
            actors, recips = actors[:1], actors[1:]
            if f.actor and fold(f.actor[0].text).split()[0] in _DUAL_PEERS and all(
                    m.kind == "nisba" for m in f.actor[1:]):
                recips = [dataclasses.replace(actors[0])]  # "قبيلتا التبو والطوارق الليبيتان": the dual's adjective
            f.flags.add("domestic-peers")
    elif trig.type in _SYMMETRIC and not recips and len(actors) == 1 and f.actor and actors[0].code \
            and fold(f.actor[0].text).split()[0] in _DUAL_PEERS:
        # "وقعت قبيلتا التبو والطوارق اتفاقا": a dual subject of one country is both parties
        recips = [dataclasses.replace(actors[0])]
        f.flags.add("domestic-peers")
        f.rule += ".dual"
    if (trig.type in ("COERCE", "ASSAULT", "MOBILIZE", "CONCEDE") or trig.mode in ("convict", "release")) \
            and not recips \
            and actors[0].code not in _IGO and trig.mode != "censor" and (fold(trig.lemma) != _RESPONSE or (
                f.place is not None and f.place_source == "text" and f.place.country_code not in (None, actors[0].code))):
        # (fire returned on a source no one names hits where it lands abroad, never the responder's own people; a
        # blocked site or paper is no one's until named: it is often a foreign platform)
        # arrests, raids, killings with no named target act on people of the place (or of the actor's country)
        # an arrest is domestic (the arresting state's people), unless the text puts it in a town abroad (raids
        # by an occupying army); a strike hits where it lands
        town = f.place if f.place is not None and f.place.resolution != "country" and f.place_source == "text" \
            else None
        at_home = trig.type == "COERCE" or convicts
        code = (town.country_code if town is not None else None) or actors[0].code if at_home else (
            (f.place.country_code if f.place is not None else None) or actors[0].code)
        if trig.type == "ASSAULT" and code == actors[0].code and actors[0].sector in ("GOV", "MIL") \
                and (f.place is None or f.place_source != "text"):
            # "غارة أمريكية ... في سوريا": a state's forces striking at no one named hit the country named further
            # on; "القوات الهندية فتحت النار" in a Pakistani statement: else the side the article is about, not
            # their own people
            named = [p.country_code for p in _sentence_places(doc, f) if p.start > f.match.start]
            code = next((c for c in named if c and c != code and c not in _IGO), None) or (
                home if home and home not in _IGO else code)
        if trig.type == "ASSAULT" and code == "ISR" and any(a.identifier_text == "Israeli settlers"
                                                            for a in actors):
            code = "PSE"  # "أحرق مستوطنون منزلا": settlers in the occupied territories strike Palestinians
        if types == ["THREATEN"] and code == actors[0].code:
            # "قبل أن يتوجه إلى مركز ..."، "هددوا بسلاحهم سائقا": an attack to come on no one named, nowhere
            # abroad ("مستعد لتوجيه ضربات على أهداف في ليبيا" threatens Libya)
            return []
        recips = [Entity(code=code, sector="CVL", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:domestic"
    if trig.type == "ASSAULT" and not recips and _coalition(actors[0]) and f.place is not None \
            and f.place.country_code and f.place_source in ("text", "discourse"):
        # "طيران التحالف الدولي وجه ضربات في بيجي": a coalition's strike on no one named hits where it lands
        recips = [Entity(code=f.place.country_code, sector=None, entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:place"
    if trig.type == "ASSAULT" and not recips and _coalition(actors[0]) and home and home not in _IGO \
            and home != actors[0].code \
            and (f.place is None or f.place.country_code in (None, home)):
        # "أفاد المرصد بأن طائرات التحالف الدولي قتلت ...": with no place of its own, in the country the article is about
        recips = [Entity(code=home, sector=None, entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:home"
    if trig.type == "RETREAT" and trig.mode == "ceasefire" and not recips:
        # a truce is declared towards the other side of the war it stops: the country it applies to
        target = (f.place.country_code if f.place is not None else None) or home
        if target and target != actors[0].code:
            recips = [Entity(code=target, sector=None, entity_text="", identifier_text=None)]
            f.inferred += 1
            f.rule += "+recipient:war"
    if trig.type == "SANCTION" and trig.mode == "discontinue" and not recips and f.place is not None \
            and f.place.country_code and f.place.country_code != actors[0].code:
        # "أوقفت إيران تنفيذ مشاريع في السودان": the country where the halted work was
        recips = [Entity(code=f.place.country_code, sector="GOV", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:place"
    if trig.type in ("ACCUSE", "REQUEST") and not recips and actors[0].code in _IGO and f.place is not None \
            and f.place_source == "text" and f.place.country_code:
        # "أعرب المبعوث الأممي عن قلقه إزاء القتال في طرابلس": an organisation's concern or call about a
        # place speaks to that country
        recips = [Entity(code=f.place.country_code, sector=None, entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:place"
    if trig.type in ("ACCUSE", "REJECT", "REQUEST", "THREATEN") and not recips and home and home not in _IGO \
            and actors[0].code and actors[0].code != home and actors[0].code not in _IGO:
        # "عبر وزير الخارجية البلجيكي عن أسفه لتنظيم هذه الانتخابات" in an article on Burundi: a foreign
        # statement with no addressee named speaks to the country the article is about
        recips = [Entity(code=home, sector="GOV", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:home"
    if trig.type in _VERBAL and all(a.sector in _PRIVATE for a in actors) \
            and all(r.sector in _PRIVATE | {None} for r in recips) and not keep_all:
        return []  # "طالب قراء الصحيفة شركات التأمين بمراعاة ...": private people and firms speaking to each other
    if fold(trig.lemma) == _WONT and not recips and not any(
            (m.kind in ("name", "country", "capital", "nisba") and m.sector in ("GOV", None) and not m.name)
            or (m.kind == "office" and (m.extra.get("level", 9) <= 3 or m.office == "Government"))
            for m in f.actor):
        return []  # "الوزارة لن تسمح بأي تجاوزات": a refusal with no addressee counts from a state or its leaders only
    if trig.type == "RETREAT" and actors and all(a.sector in _NON_POLITICAL for a in actors) \
            and all(r.sector in _NON_POLITICAL | {None} for r in recips) and not keep_all:
        return []  # "انسحب صحافيون كبار من الصحيفة": journalists, firms or citizens withdrawing from no party
    if trig.type == "REQUEST" and not recips and f.actor and all(
            m.kind == "office" and m.extra.get("level", 9) >= 6 and m.sector in ("MIL", "COP", "GOV") for m in f.actor) \
            and not keep_all:
        return []  # "ودعا النقيب المتنزهين إلى التقيد بتعليمات الإنقاذ": a junior officer's advice to the public
    if (trig.type in _NEEDS_RECIPIENT or trig.mode == "censor") and not recips and not _multilateral(trig, actors[0]):
        return []
    if trig.type == "SUPPORT" and not recips:
        # "رحبت السعودية باتفاق وقف إطلاق النار في السودان"، "صادق على اتفاقية التعاون مع المملكة المتحدة": what is
        # welcomed or ratified concerns the other country named after it; "صادق البرلمان على القانون"، "أشاد السفير
        # بمستوى الخدمات": approval of a law or a service backs no one named (PLOVER SUPPORT needs its recipient)
        other = next((m for m in doc.mentions if "tok" in m.extra and f.match.j <= _tok(m)[0] < f.sent.tok_end
                      and m.code and m.code not in {a.code for a in actors} and m.code not in _IGO), None)
        if other is None:
            return []
        recips = [Entity(code=other.code, sector="GOV", entity_text="", identifier_text=None)]
        f.inferred += 1
        f.rule += "+recipient:topic"
    if trig.type in _VERBAL | {"RETREAT"} and not recips and not _leads_sentence(doc, f) \
            and fold(trig.lemma) not in (_NO_TRUTH, _WONT):
        return []  # a statement addressed to no one, inside another clause: comment, not an event
    if fold(trig.lemma) == _BLAME and not recips:
        return []  # "حمل المسؤولية": carrying a responsibility blames no one
    if trig.mode == "occupy" and trig.type == "ASSAULT" and trig.pos == "v" and trig.form_kind == "present" \
            and not keep_all:
        return []  # "حماس التي تسيطر على قطاع غزة"، "المناطق التي يسيطر عليها": standing control, not a seizure
    if trig.type == "SUPPORT" and fold(trig.lemma) == _RATIFIED and any(a.sector == "JUD" for a in actors):
        return []  # "صادقت محكمة الاستئناف على الحكم": a court upholding a sentence ratifies no policy
    if trig.mode == "occupy" and trig.type == "ASSAULT" and (
            not any(a.sector in _ARMED | {"COP", "GOV"} for a in actors) or _abstract_hold(doc, f)):
        # "سيطر الملف اليمني على المؤتمر"، "التحالف يسيطر على الجو": control by no armed side, or of no ground,
        # is no seizure
        return []
    if trig.mode == "praise" and trig.pos == "v" and fold(trig.lemma) in _THANKS_VERBS and (
            all(r.code == actors[0].code for r in recips) or actors[0].sector not in _STATE_BODIES | {"IGO"}
            or not any(r.sector in _STATE_BODIES | {"IGO"} for r in recips)):
        # "قدم رئيس النادي شكره للأمير": thanks at home, or by and to others than states, parties and their
        # bodies, are courtesy; a state's thanks to another are support
        return []
    if trig.type == "REQUEST" and not keep_all and (not recips or all(r.code == actors[0].code for r in recips)) \
            and any(set(t.forms) & _PUBLIC for t in doc.tokens[f.match.j:min(f.sent.tok_end, f.match.j + 8)]):
        return []  # "ودعت البلدية المواطنين إلى ..."، "ودعا الشباب إلى": an appeal to the public at home, no one's demand
    if trig.type == "THREATEN" and not recips and "future" not in f.flags and not _threat_content(doc, f):
        return []  # "تحذر من تبعات الاتفاق"، "يهدد الاستقرار": a threat addressed to no one is comment
    # a local event with no place happens where its actor acts (arrests by Libyan forces: Libya)
    place = f.place
    if trig.mode == "phone":
        place = None  # a phone call has no single venue
    if (trig.type == "COERCE" or convicts) and place is not None and (
            place.resolution == "country" or actors[0].sector in ("COP", "JUD")) \
            and actors[0].code and actors[0].code not in _IGO and place.country_code != actors[0].code:
        # an arrest or a sentence by a state happens at home; a foreign country named is context, and so is a
        # foreign town for its police and courts ("اعتقلت الشرطة الإيطالية مغربيا ... للاشتباه بهجوم باردو")
        place = None
    if place is None and trig.type == "CONSULT" and trig.roles in ("visit", "host", "guest") and recips \
            and recips[0].code and recips[0].code not in _IGO:
        from rasid.place.resolve import place_for_country

        place = place_for_country(recips[0].code)  # the visit took place in the host's country
    if place is None and trig.type == "CONSULT" and trig.mode != "phone" and f.place is None and actors and recips \
            and (post := _envoy_post(doc, f, actors, recips)) is not None:
        from rasid.place.resolve import government_seat

        # "بحث رئيس الوزراء الأردني مع السفير الياباني": an ambassador meets where he is posted, the other side's
        # country (its seat)
        place = government_seat(post, _event_day(doc, f))
        if place is not None:
            f.rule += "+place:envoy"
    if place is None and trig.type == "CONSULT" and trig.mode != "phone" and home \
            and any(e.code == home for e in actors + recips):
        from rasid.place.resolve import place_for_country

        place = place_for_country(home)  # a meeting with the article's home side, venue unnamed
    if place is None and trig.type in ("CONSULT", "AGREE") and trig.mode != "phone" and "future" not in f.flags \
            and recips and (host := _receiving_head(actors, recips)) is not None:
        from rasid.place.resolve import place_for_country

        place = place_for_country(host)  # "لقاء الوزير الأمريكي بالملك سلمان": a head of state receives at home
    if trig.type == "COERCE" and (place is None or place.resolution == "country"):
        # "أوقفت الشرطة الإسبانية رجلا من مليلية": with no venue, the detainee's town in the arresting country
        town = next((p for p in _sentence_places(doc, f) if p.start > f.match.start and p.resolution == "city"
                     and p.country_code == actors[0].code), None)
        if town is not None:
            place = town
    if place is None and trig.type == "ASSAULT" and recips and recips[0].code and recips[0].code not in _IGO \
            and recips[0].code != actors[0].code:
        from rasid.place.resolve import place_for_country

        place = place_for_country(recips[0].code)  # a strike hits where its targets are
    if place is None and trig.type in _LOCAL_EVENTS and actors[0].code and actors[0].code not in _IGO:
        from rasid.place.resolve import place_for_country

        place = place_for_country(actors[0].code)
    if place is not None and place.resolution == "country" and place.country_code and trig.type in _LOCAL_EVENTS \
            and (seat := _seat_landmark(doc, f, place.country_code)) is not None:
        # "اعتصم المعلمون أمام مبنى البرلمان الإيراني"، "تجمع قرب البرلمان": a national seat stands in the capital
        place = seat
        f.rule += "+place:landmark"
    if place is not None and place.resolution == "country" and place.country_code and trig.type in _LOCAL_EVENTS \
            and (not _read(place) or trig.type == "ASSAULT"):
        # ("قتل 12 شخصا في شمال العراق" in an article that goes on to name Tuz Khurmatu: the attack is there)
        focus = _focus_city(doc, place.country_code)
        if focus is not None:
            place = focus  # the one town of that country the article keeps naming is where its events happen
            f.rule += "+place:article"
    if place is not None and place.resolution == "country" and place.country_code and (
            (trig.type in ("CONSULT", "AGREE") and trig.mode != "phone" and "future" not in f.flags)
            or (actors[0].sector == "JUD" and place.country_code == actors[0].code)):
        from rasid.place.resolve import government_seat

        # "زيارته كينيا"، "استقبل في قصره": talks between governments in a country are held in its capital
        # (where its government sat at the time); "قضت محكمة جنايات مصرية بسجن ...": a state's court with no
        # town named sits in its capital
        cap = government_seat(place.country_code, _event_day(doc, f))
        if cap is not None:
            place = dataclasses.replace(cap, start=place.start, end=place.end, text=place.text)
            f.rule += "+place:capital"
    if place is None and (trig.type in _VERBAL or _multilateral(trig, actors[0])) and trig.mode != "phone" \
            and actors[0].code and actors[0].code not in _IGO and actors[0].sector in _STATE_BODIES \
            and f.place is None:
        from rasid.place.resolve import government_seat

        # "أدان مجلس الوزراء اللبناني ..."، "نظمت الجزائر ندوة دولية" with no venue: a state body or party
        # speaks, or a state hosts, in its capital (where its government sat at the time)
        place = government_seat(actors[0].code, _event_day(doc, f))
        if place is not None:
            f.rule += "+place:capital"
    if place is None and trig.type in _VERBAL and f.place is None and actors[0].code in _IGO:
        from rasid.place.resolve import seat_of

        # "وصادق مجلس الأمن الدولي على الاتفاق": an international body with no venue named acts at its seat
        place = seat_of(actors[0].identifier_text)
        if place is not None:
            f.rule += "+place:seat"
    if trig.type == "REJECT" and (place is None or place.country_code == actors[0].code) \
            and any(set(t.forms) & _VETO for t in doc.tokens[f.match.i:min(f.match.j + 8, f.sent.tok_end)]):
        from rasid.place.resolve import seat_of

        # "استخدمت موسكو الفيتو ضد مشروع القرار": a veto is cast in the Security Council, at its seat
        seat = seat_of(_SECURITY_COUNCIL)
        if seat is not None:
            place = seat
            f.rule = f.rule.replace("+place:capital", "") + "+place:seat"
    if trig.type == "SANCTION" and trig.mode == "expel" and recips and all(r.sector in ("CVL", None) for r in recips) \
            and actors[0].sector not in _ARMED:
        # "طرد مواطنة أسترالية من الإمارات": sending away a private person is a deportation (a diplomat's expulsion
        # is the sanction)
        types, mode = ["COERCE"], ["deport"]
        f.rule += ".person"
    if trig.type == "SANCTION" and trig.mode == "expel" and (
            actors[0].sector in _ARMED or any(r.sector in _ARMED for r in recips)
            or any(e.entity_text and fold(e.entity_text).split()[0].removeprefix("ال") in _FORCE_WORDS
                   for e in actors[:1] + recips)):
        # "تمكن مقاتلو المقاومة من طرد مسلحي الحوثي من المدينة": fighters driven out by force, not an expulsion
        types, mode = ["ASSAULT"], ["occupy"]
        f.rule += ".driven-out"
    if trig.type == "ACCUSE" and convicts:
        types, mode = ["SANCTION"], ["convict"]
    if trig.type == "ASSAULT" and not trig.mode and f.actor and ".carried-out-by" not in f.rule and all(
            (m.kind in ("person", "office") or (m.kind == "org" and _PERSON_TITLE.search(m.office or "")))
            and m.sector in _SPEAKERS
            and not _plural_head(fold(m.text).split()[0]) for m in f.actor) \
            and (any(t.forms[-1].startswith(_ATTACK_WORD) for t in doc.tokens[f.match.i:f.match.j + 4])
                 or (trig.pos == "v" and fold(trig.lemma) == _ATTACK_VERB)):
        # "شن الوزير هجوما حادا على المعارضة": a politician's or an official's attack is in words (PLOVER
        # ACCUSE); not an attack carried out (شنته) or one by a group (مسلحين، مسؤولين)
        types, mode = ["ACCUSE"], ["disapprove"]
        f.rule += ".verbal"
    if trig.type == "ASSAULT" and trig.pos == "v" and actors and all(a.sector == "CVL" for a in actors) \
            and not any(a.office in _ARMED_CIVILIANS or a.identifier_text in _ARMED_CIVILIANS for a in actors):
        # (armed tribesmen and settlers attack: no riot, no victims)
        if trig.mode == "kill" or fold(trig.lemma) in _STRIKE_VERBS:
            # ("استهدف فيها مدنيون": civilians named with a striking verb were struck, read passively)
            # "قتلت قذائف الهاون عشرات المدنيين"، "أربعة مدنيين قتلوا في قصف": civilians are the victims of a
            # killing verb, not its agents; the attackers are unidentified
            code = (f.place.country_code if f.place is not None else None) or actors[0].code
            agent = next((m for m in f.recipient if _agent_marker(doc, m) and m.code), None)
            recips = [a for a in actors if a.code]
            if agent is not None:
                # "أربعة مدنيين قتلوا بنيران هندية": the fire's owner killed them
                actors = _entity(doc, agent, f, home)
                f.rule += ".passive+actor:agent"
            else:
                actors = [Entity(code=code, sector="UAF", entity_text="", identifier_text=None)]
                f.inferred += 1
                f.rule += ".passive+actor:unidentified"
            if place is not None and place.resolution == "country" and place.start == place.end and recips \
                    and recips[0].code and place.country_code != recips[0].code:
                from rasid.place.resolve import place_for_country

                place = place_for_country(recips[0].code) or place  # the strike hit where its victims were
        else:
            types, mode = ["PROTEST"], ["riot"]  # violence by protesters or civilians is a riot (PLOVER PROTEST)
    trig_span = Span(f.match.start, f.match.end, doc.text[f.match.start:f.match.end])
    raw = _confidence(f, actors, recips)
    modality_flags = sorted(f.flags & {"future", "reciprocal", "negated", "hypothetical", "purpose", "embedded"})
    if f.background:
        modality_flags.append("historical")
    events = []
    source = _reporter(doc, f)
    context = _context(doc, f)
    # "ناقش فلان مع المسؤول الأممي": an organisation named as the partner (مع) is no meeting of its own members
    partner_igo = any(m.code in _IGO and (_gov(doc, m) == "مع" or (
        _tok(m)[0] >= 2 and doc.tokens[_tok(m)[0] - 2].norm == "مع")) for m in f.actor)
    # compound actors with distinct countries: one dyadic event per member country
    groups: list[list[Entity]] = [[a] for a in actors] if len({a.code for a in actors}) > 1 else [actors]
    if len(groups) > 1 and trig.type in _VERBAL:
        # "تطالب دول عدة بينها ماليزيا وهولندا وأوكرانيا": a co-actor is not the one they address
        recips = [r for r in recips if r.code not in {a.code for a in actors}]
    for grp in groups:
        # the recipients of another country; a domestic dyad (the government and a rebel group) keeps its own
        rec = [r for r in recips if r.code not in {a.code for a in grp}] or (
            recips if "domestic-peers" in f.flags or trig.type not in _SYMMETRIC
            or _government_and_party(grp, recips) or any(e.office in _TRIBAL for e in grp + recips) else [])
        if trig.type in _NEEDS_RECIPIENT and not rec and (not _multilateral(trig, grp[0]) or partner_igo):
            continue
        # "اتهمت الولايات المتحدة تايلاند وروسيا وإيران": one directed event per recipient country
        codes = list(dict.fromkeys(r.code for r in rec))
        split = len(codes) > 1 and (trig.type not in _SYMMETRIC or trig.roles == "visit")
        for part in ([[r for r in rec if r.code == c] for c in codes] if split else [rec]):
            where = place
            if split and trig.roles == "visit" and place is not None and part[0].code != place.country_code:
                from rasid.place.resolve import capital_of

                where = capital_of(part[0].code or "") or place  # each destination is visited in its capital
            events.append(_event(doc, f, grp, part, types, mode, where, raw, trig_span, modality_flags,
                                 context, source))
    accusation = _ngo_accusation(doc, f, events, source)
    if accusation is not None:
        events.append(accusation)
    return events


def _abstract_hold(doc: Document, f: Frame) -> bool:
    """The word after the trigger's على names no ground ("يسيطر على الجو"، "سيطر على مجريات المؤتمر")."""
    toks = doc.tokens
    k = next((q for q in range(f.match.i, min(f.sent.tok_end, f.match.j + 6)) if toks[q].norm == "علي"), None)
    if k is None:
        k = f.match.j - 1 if toks[f.match.j - 1].norm == "علي" else None
    return k is not None and k + 1 < f.sent.tok_end and bool(set(toks[k + 1].forms) & _ABSTRACT)


def _embassy_of(doc: Document, f: Frame) -> str | None:
    """The state whose embassy or consulate the sentence names ("أمام السفارة الإسرائيلية"، "سفارة فرنسا")."""
    toks = doc.tokens
    for k in range(f.sent.tok_start, f.sent.tok_end - 1):
        if not set(toks[k].forms) & _EMBASSY:
            continue
        m = next((m for m in doc.mentions if "tok" in m.extra and _tok(m)[0] in (k, k + 1) and m.code
                  and m.code not in _IGO), None)
        if m is not None:
            return m.code
    return None


def _multilateral(trig: Trigger, actor: Entity) -> bool:
    """A meeting with no single counterpart: an organisation's members meet, or a state holds a conference."""
    return trig.type == "CONSULT" and (actor.code in _IGO or (
        trig.mode == "multilateral" and actor.sector in ("GOV", "IGO", None)))


def _event(doc: Document, f: Frame, actors: list[Entity], recips: list[Entity], types: list[str], mode: list[str],
           place: Place | None, raw: float, trig_span: Span, modality_flags: list[str], context: list[str],
           source: Mention | None) -> Event:
    """One coded event of a frame, for one actor group and one recipient group."""
    sent, t = f.sent, f.time
    ev = Event(doc=doc.article.doc, event=list(types), actor=actors, recipient=recips,
               event_text=sent.text, start=sent.start, end=sent.end, sequence=sent.index, mode=list(mode),
               date=t.start if t else None, enddate=t.end if t else None, date_precision=t.precision if t else None,
               date_text=(t.text if t and t.text else None), place=place,
               confidence=raw, rule=f.rule + (f"+time:{f.time_source}" if f.time_source else ""),
               trigger=trig_span, evidence=[Span(sent.start, sent.end, sent.text)],
               modality=list(modality_flags), published=doc.article.published, title=doc.article.title,
               url=doc.article.url)
    ev.context = list(context)
    if source is not None:
        ev.source_text = source.text
    return ev


def _reporter(doc: Document, f: Frame) -> Mention | None:
    """The source of reported speech: "قالت منظمة العفو الدولية إن ..." for an event in the reported clause."""
    toks = doc.tokens
    lo = f.sent.tok_start
    head = [k for k in range(lo, min(f.match.i, lo + 6)) if toks[k].norm in _REPORTING or set(toks[k].forms)
            & _REPORTING]
    if not head:
        return None
    k = head[0]
    # the complementizer that opens the reported clause, before the trigger
    comp = next((q for q in range(k + 1, f.match.i) if toks[q].norm in _COMPLEMENTIZERS
                 or set(toks[q].forms) & _COMPLEMENTIZERS), None)
    if comp is None:
        return None
    lo_c, hi_c = toks[k].end, toks[comp].start
    for m in doc.mentions:  # in text order: stop once past the complementizer
        if m.start >= hi_c:
            break
        if m.start > lo_c and "tok" in m.extra and _gov(doc, m) in ("", "ب") and (m.code or m.identifier):
            return m
    return None


def _ngo_accusation(doc: Document, f: Frame, events: list[Event], src: Mention | None) -> Event | None:
    """A non-governmental organisation reporting a violation accuses its perpetrator (PLOVER ACCUSE, allege).

    "قالت هيومن رايتس ووتش إن القوات الموالية للحوثيين قصفت أحياء سكنية": besides the shelling, the NGO's
    report is itself an event: ACCUSE NGO -> the shelling's actor. ``src`` is the reported speech's source.
    """
    if f.trigger.type not in ("ASSAULT", "COERCE") or not events:
        return None
    if src is None or "NGO" not in (src.code, src.sector):
        return None
    if _MONITOR in fold(src.text):
        return None  # "قال المرصد السوري إن ... قتلوا في غارة": a monitor's casualty count accuses no one
    base = events[0]
    accused = [a for a in base.actor if a.code and a.code not in _IGO]
    if not accused:
        return None
    accuser = src.entity()
    accuser.code, accuser.sector = accuser.code or "NGO", "NGO"
    pub = doc.article.published
    rule = "accuse.ngo-report"
    ev = Event(doc=base.doc, event=["ACCUSE"], actor=[accuser], recipient=accused, event_text=base.event_text,
               start=base.start, end=base.end, sequence=base.sequence, mode=["allege"], date=pub, enddate=pub,
               date_precision="day" if pub else None, date_text=None, place=None,
               confidence=max(0.3, base.confidence - 0.1), rule=rule + "+time:publication",
               trigger=Span(src.start, src.end, src.text), evidence=list(base.evidence), modality=[],
               published=pub, title=base.title, url=base.url)
    ev.source_text = src.text
    ev.context = list(base.context)
    return ev


def _context(doc: Document, f: Frame) -> list[str]:
    text = doc.norm_sentence(f.sent) if hasattr(doc, "norm_sentence") else None
    if text is None:
        text = " ".join(t.norm for t in doc.tokens[f.sent.tok_start:f.sent.tok_end])
    return [k for k, ws in _CONTEXT_KEYS.items() if any(w in text for w in ws)]


def _confidence(f: Frame, actors: list[Entity], recips: list[Entity]) -> float:
    """A score from the rule's prior and the evidence for each slot (calibrated on the dev set)."""
    c = f.trigger.conf
    c += 0.08 if recips else -0.05
    c -= 0.08 * f.inferred
    c += 0.04 if f.time_source == "text" else 0.0
    c -= 0.05 if f.time_source == "publication" and f.background else 0.0
    if "reciprocal" in f.flags:
        c -= 0.05
    return max(0.05, min(0.99, c))


# --------------------------------------------------------------------------- merging


def _coalition(e: Entity) -> bool:
    """An IGO or a coalition of states coded by its lead state (the US-led and the Saudi-led coalitions): its
    strikes with no target named land abroad, never on the lead state's own people."""
    return e.code in _IGO or "coalition" in (e.identifier_text or "").lower()


def _same(a: Event, b: Event) -> bool:
    if not set(a.event) & set(b.event):
        return False
    sym = set(a.event) <= _SYMMETRIC
    if sym:
        if _codes(a.actor) | _codes(a.recipient) != _codes(b.actor) | _codes(b.recipient):
            return False
    elif _codes(a.actor) != _codes(b.actor):
        return False
    elif _codes(a.recipient) != _codes(b.recipient) and not (
            set(a.event) <= _VERBAL and (not a.recipient or not b.recipient)):
        # "أدانت X هجمات Y" ... "X تدين بشدة الهجمات": a statement repeated without its target is the same one
        return False
    if not _compatible_dates(a, b):
        return False
    # the same country on both sides of a domestic conflict: rebels and the state are different actors
    if not sym and _rebel_side(a.actor) != _rebel_side(b.actor):
        return False
    # two named people of the same side are two interactions (two visitors in the same month)
    ida = {fold(e.identifier_text) for e in a.actor if e.identifier_text and e.office is not None}
    idb = {fold(e.identifier_text) for e in b.actor if e.identifier_text and e.office is not None}
    if ida and idb and not ida & idb and _codes(a.actor) == _codes(b.actor):
        return False
    # (a place guessed for an unnamed venue yields to the one the text names)
    if a.place is not None and b.place is not None and _read(a.place) and _read(b.place):
        if a.place.country_code != b.place.country_code:
            return False
        # strikes on two cities of one country the same day are two events
        if a.place.resolution != "country" and b.place.resolution != "country" \
                and None not in (a.place.lat, a.place.lon, b.place.lat, b.place.lon) \
                and _km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) > _SAME_PLACE_KM:
            return False
    return True


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _receiving_head(actors: list[Entity], recips: list[Entity]) -> str | None:
    """The country of the one side led by a head of state or government, when the other side is not."""
    a, r = any(_is_head(e) for e in actors), any(_is_head(e) for e in recips)
    if a == r:
        return None
    side = actors if a else recips
    other = recips if a else actors
    if not any(e.office for e in other):
        return None
    code = side[0].code
    return code if code and code not in _IGO else None


def _rebel_side(es: list[Entity]) -> bool:
    return any(e.sector in ("REB", "CRM") for e in es)


def _specificity(e: Event) -> tuple[int, int, float]:
    has_date = 0 if e.date is None else (2 if "time:text" in e.rule else 1) + (e.date_precision == "day")
    has_place = 0 if e.place is None else {"country": 1, "province": 2}.get(e.place.resolution, 3)
    return has_date, has_place, e.confidence


def _read(p: Place) -> bool:
    """A place read in the text (not one inferred for an unnamed venue: a capital, a country's centre)."""
    return p.end > p.start


def _finer(p: Place | None, q: Place | None) -> Place | None:
    """The place to keep of two reports of one event: ``p``, unless ``q`` is read in the text and ``p`` only
    inferred, or ``q`` is finer in the same country ("Yemen" from one sentence, "Sirwah" from another)."""
    if p is None or (q is not None and _read(q) and not _read(p)):
        return q
    rank = {"country": 0, "province": 1}
    if q is not None and q.country_code == p.country_code \
            and rank.get(q.resolution, 2) > rank.get(p.resolution, 2):
        return q
    return p


def _named(rs: list[Entity], other: list[Entity]) -> list[Entity]:
    """``rs``, unless it is only an inferred side (no text) and ``other`` names one of the same country."""
    if rs and all(not r.entity_text for r in rs) and other and all(r.entity_text for r in other) \
            and {r.code for r in rs} <= {r.code for r in other}:
        return other
    return rs


def _merge(events: list[Event]) -> list[Event]:
    """One event per interaction: repeats in headline, lead and body merge; evidence is kept."""
    out: list[Event] = []
    for e in events:
        for o in out:
            if _same(o, e):
                if _specificity(e) > _specificity(o):  # take over the slot in place, keeping the earlier position
                    o.date, o.enddate, o.date_precision, o.date_text = e.date, e.enddate, e.date_precision, e.date_text
                    o.place = _finer(e.place, o.place)
                    o.rule = e.rule
                    if len(_codes(e.actor)) and e.actor[0].entity_text:
                        o.actor, o.recipient = e.actor, (_named(e.recipient, o.recipient) or o.recipient)
                else:
                    o.place = _finer(o.place, e.place)
                    o.recipient = _named(o.recipient, e.recipient) or e.recipient
                o.evidence.extend(s for s in e.evidence if s not in o.evidence)
                o.confidence = min(0.99, max(o.confidence, e.confidence) + 0.05)
                if o.mode != e.mode and e.mode:
                    o.mode = sorted(set(o.mode) | set(e.mode))
                break
        else:
            out.append(e)
    return out
