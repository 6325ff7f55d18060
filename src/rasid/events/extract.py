"""Event detection and PLOVER coding over an annotated document.

For each sentence: find triggers (``triggers.tsv``), cut the trigger's clause,
read its modality, pick actor and recipient among the actor mentions by the
trigger's role pattern (subject/object order of Arabic VSO and SVO clauses,
prepositional targets, host/visitor constructions, بين X و Y, reciprocal
البلدان, coordinated verbs sharing a subject, relative-clause subjects), attach
a time (same clause, else discourse inheritance, else publication date for
current news) and a place, and code the event. Events describing the same
interaction inside the article are merged, keeping all their evidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from rasid.actors.lexicon import head_words
from rasid.events.modality import clause_bounds, is_background, modality
from rasid.events.triggers import Trigger, TriggerLexicon, trigger_lexicon
from rasid.model import Document, Entity, Event, Mention, Place, Sentence, Span, TimeExpr, Token
from rasid.place.gazetteer import load_gazetteer
from rasid.text.match import Match
from rasid.text.normalize import ends_in_ta_marbuta, fold

__all__ = ["extract_events", "Frame"]

_PREP_WORDS = {fold(w) for w in ("في", "إلى", "على", "من", "عن", "مع", "ضد", "لدى", "بين", "عبر", "حول", "نحو",
                                  "خلال", "تجاه", "بحق", "إزاء", "رأس", "يد", "قبل", "باتجاه", "صوب", "أمام")}
_KULL_MIN = (fold("كل"), fold("من"))
_KULLAN = fold("كلا")  # كلاً من
_ABARA = fold("عبر")
_DIRECTIONS = {fold(w) for w in ("شرق", "غرب", "شمال", "جنوب", "وسط", "شرقي", "غربي", "شمالي", "جنوبي",
                                  "قرب", "جنوب شرق", "أطراف", "ضواحي", "حدود")}
# numbers written as words, and words of counting: "قتل أمس ستة"، "قتل نحو عشرين"
_NUMBER_WORDS = {fold(w) for w in ("اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة",
                                   "عشرات", "مئات", "العشرات", "المئات", "آلاف", "الآلاف")}
_QUANT = _NUMBER_WORDS | {fold(w) for w in ("عدد", "مجموعة", "بعض", "أحد", "إحدى", "عناصر", "عنصرا", "عنصر", "جنديا",
                                           "جنود", "شخصا", "أشخاص", "مدنيا", "مقاتلا", "أفراد", "أفرادا", "كل",
                                           "جميع", "أغلب", "معظم", "مقاتلي", "مقاتل", "مقاتلين", "مسلحا", "مسلحين",
                                           "عضوا", "أعضاء", "اعضاء")}
# "قوة من جيش الاحتلال"، "دورية من الشرطة": a unit of the force, which acts as the force does
_UNITS = {fold(w) for w in ("قوة", "وحدة", "وحدات", "دورية", "دوريات", "فرقة", "كتيبة", "مفرزة")}
_CUES = {fold(w) for w in ("مدينة", "العاصمة", "محافظة", "ولاية", "مطار", "منطقة", "بلدة", "قرية", "إقليم",
                           "قضاء", "ناحية", "مديرية", "مديريات", "حي", "مخيم", "ميناء", "جزيرة", "ضاحية", "قاعدة", "قطاع")}
_RECIPROCAL = {fold(w) for w in ("البلدين", "البلدان", "الجانبين", "الجانبان", "الطرفين", "الطرفان", "الدولتين",
                                  "الدولتان", "الثنائية", "الثنائي", "البلدين الشقيقين", "الحكومتين", "الحكومتان")}
_RELATIVE = {fold(w) for w in ("الذي", "التي", "الذين", "اللواتي", "اللاتي", "اللذين", "اللتين")}
_BETWEEN = fold("بين")
_HAL = {fold(w) for w in ("هو", "هي", "هم", "هما", "هن")}  # after و: a circumstantial clause on the noun before
_PLACE_ONLY = {fold("حيث")}  # "where": continues the place of the last event, not its time
_ANAPHOR = {fold(w) for w in ("هذه", "هذا", "تلك", "ذلك", "خلالها", "خلاله", "بدوره", "بدورها", "لاحقا", "حيث",
                               "اللقاء", "الزيارة", "الاجتماع", "المحادثات", "المباحثات", "الجولة", "ختامها",
                               "ختام", "أثناء", "اثناء",
                               # a sentence continuing the same report: "مضيفا أن ..."، "وأضاف ..."
                               "مضيفا", "مضيفة", "وأضاف", "وأضافت", "واضاف", "واضافت", "وتابع", "وتابعت")}
_SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
_SPAN_DAYS = {"day": 0, "week": 6, "month": 30, "quarter": 91, "year": 364}
_BLAME = fold("حمل")  # حمّل X المسؤولية
_WARN = fold("حذر")  # حذّر X من
_CONSEQUENCES = {fold(w) for w in ("مغبة", "عواقب", "تبعات", "مغبه", "العواقب", "التبعات", "خطورة")}
_HOSTILE = {fold(w) for w in ("عسكري", "عسكرية", "هجوم", "هجمات", "اعتداء", "حرب", "ضربة", "ضربات", "عدوان", "تصعيد",
                              "التصعيد", "استفزاز", "المساس")}
_NEEDS_RECIPIENT = {"CONSULT", "AGREE", "COOPERATE", "AID", "SANCTION"}
# events that happen where their actor acts, when the text names no place (a state's expulsions and
# sentences are decided at home)
_LOCAL_EVENTS = {"COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "SANCTION"}
_IGO = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"}
# sectors whose statements and conferences come from the capital when no venue is named
_STATE_BODIES = {"GOV", "LEG", "JUD", "MIL", "PTY"}


@dataclass
class Frame:
    match: Match
    trigger: Trigger
    sent: Sentence
    clause: tuple[int, int]
    actor: list[Mention] = field(default_factory=list)
    recipient: list[Mention] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    time: TimeExpr | None = None
    time_source: str = ""
    place: Place | None = None
    place_source: str = ""
    background: bool = False
    anaphoric: bool = False
    inferred: int = 0  # number of participants whose country was inferred
    rule: str = ""
    next_trigger: int = 0
    main: Frame | None = None  # the main clause whose subject a participle shares ("تظاهر المئات مطالبين")
    coded_actors: list[Entity] = field(default_factory=list)  # the actors it was coded with


_TAG_HEADS = tuple(tuple(fold(w) for w in h.split()) for h in (
    "سمات", "الوسوم", "وسوم", "كلمات دالة", "كلمات مفتاحية", "الكلمات المفتاحية", "الكلمات الدالة",
    "مواضيع ذات صلة", "أخبار ذات صلة", "اقرأ أيضا", "إقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضاً"))


_SIMAT = (fold("سمات"),)
_READY = (fold("مستعد"), fold("جاهز"))
# given names that read as a conjunction + a trigger verb (فيصل = ف + يصل "and he arrives")
_GIVEN_NAMES = {fold(w) for w in ("فيصل", "وفيصل")}


def _tag_line(toks: Sequence[Token], sent: Sentence) -> bool:
    """A site's tag or related-links line ("سمات أردوغان أوباما تركيا تفجير"): keywords, not a report."""
    words = []  # the first three words are enough to know the head (no pass over the whole sentence)
    for t in toks[sent.tok_start:sent.tok_end]:
        if t.is_word:
            words.append(t.norm)
            if len(words) == 3:
                break
    for head in _TAG_HEADS:
        if tuple(words[:len(head)]) == head:
            if head != _SIMAT:
                return True
            # "سمات" is also "features": a keyword list has no clause punctuation ("سمات القيادة، كما قال" is prose)
            return not any(t.norm in ("،", ",", ".", "؛", ":") for t in toks[sent.tok_start + 1:sent.tok_end])
    return False


def extract_events(doc: Document, lex: TriggerLexicon | None = None, keep_all: bool = False) -> list[Event]:
    """Events of an annotated document (mentions, times and places already filled)."""
    lex = lex or trigger_lexicon()
    toks = doc.tokens
    if not keep_all:
        from rasid.events.domain import article_domain

        if article_domain(doc) != "politics":
            return []
    frames: list[Frame] = []
    ment_by_sent: dict[int, list[Mention]] = {}
    dl = doc.article.dateline
    for m in doc.mentions:
        if dl is not None and dl.start <= m.start < dl.end:
            continue  # "واس - الرياض :": the dateline's city tells where the news was filed; it does nothing
        s = doc.sentence_of(m.start)
        if s is not None:
            ment_by_sent.setdefault(s.index, []).append(m)
    home = _home(doc)
    last: Frame | None = None
    for sent in doc.sentences:
        if _tag_line(toks, sent):
            continue
        matches = [mt for mt in lex.matcher.find_all(toks, sent.tok_start, sent.tok_end)
                   if not (mt.prefix and (toks[mt.i].norm in head_words() or toks[mt.i].norm in _GIVEN_NAMES))
                   and not _ta_marbuta_clash(toks, mt)
                   and not _hamza_clash(doc, mt)]
        matches = _with_gapped(lex, doc, sent, matches)
        matches = [mt for mt in matches if not _occurred(toks, mt, matches) and not _tafaal_noun(toks, mt, sent)
                   and not _loaded(toks, mt, sent)]
        matches = _drop_objects_of_verbs(toks, matches)
        ments = [m for m in ment_by_sent.get(sent.index, []) if _is_actor(doc, m)]
        starts = [mt.i for mt in matches]
        sent_frames: list[Frame] = []
        for k, mt in enumerate(matches):
            trig: Trigger = mt.payload
            if trig.pos == "v" and trig.form_kind == "" and mt.i > 0 and toks[mt.i - 1].norm in _PREP_WORDS \
                    and not mt.prefix and len(toks[mt.i].norm) == 4 and toks[mt.i].norm[1] == "ا":
                continue  # "على قاطع بونش" (the Poonch sector): a فاعل noun after a preposition is no verb
            if trig.pos == "v" and trig.form_kind == "present" and mt.i > 0 and not mt.prefix \
                    and toks[mt.i - 1].norm in _PREP_WORDS:
                continue  # "تتوصل إلى توافق مع": an imperfect never follows a preposition; this is the noun
            if trig.pos == "v" and trig.roles == "visit" and mt.i > 0 and not mt.prefix \
                    and toks[mt.i - 1].norm in _TRUE_PREPS:
                continue  # "إضافة إلى توجه اللجنة": after a preposition توجه is the noun (an intention)
            if trig.pos == "v" and trig.form_kind in ("present", "object") and toks[mt.i].norm[:1] in "يت" \
                    and _after_relative_pronoun(toks, mt.i):
                continue  # "المتظاهرين الذين كانوا يدينون"، "الكتائب التي تستهدف": an imperfect describing the noun
            if trig.roles == "receive" and any(set(t.forms) & _MESSAGES for t in toks[mt.j:min(sent.tok_end, mt.j + 10)]):
                continue  # "تسلم الملك رسالة من الرئيس الروسي": a message received is no handover of goods
            if _idiom(toks, mt):
                continue  # "نهبت منهم تحت تهديد السلاح" (at gunpoint): no threat of its own
            if trig.type == "COERCE" and trig.mode == "restrict" \
                    and any(set(t.forms) & _TRADE for t in toks[mt.j:min(sent.tok_end, mt.j + 8)]):
                continue  # "حظرت الحكومة استيراد 32 سلعة": a trade rule, not coercion of anyone
            if trig.roles == "visit" and fold(trig.lemma) == _TAWAJJAHA and trig.form_kind == "" and any(
                    m.kind in ("name", "country") and m.extra.get("tok", (-1,))[0] == mt.j and not m.extra.get("prefix")
                    for m in ment_by_sent.get(sent.index, [])):
                continue  # "توجه إسرائيل اتهامات": with a country (feminine) after it this is تُوجّه "directs"
            if trig.type == "SANCTION" and trig.pos == "n" and mt.i > sent.tok_start \
                    and set(toks[mt.i - 1].forms) & _LIFTING:
                continue  # "مقابل رفع العقوبات"، "تخفيف العقوبات": sanctions lifted are no sanctions imposed
            if trig.type == "ASSAULT" and fold(trig.lemma) == _TARGETED and any(
                    set(t.forms) & _AIMS for t in toks[max(sent.tok_start, mt.i - 3):min(sent.tok_end, mt.j + 2)]):
                continue  # "قرارا يستهدف وقف الاتجار"، "ويستهدف القرار": a text or a plan aims at, nothing is attacked
            if trig.roles == "visit" and toks[mt.i].norm in _REACHING:
                continue  # "وصولا إلى ...": "(all the way) up to", an adverb, no arrival
            if trig.roles == "visit" and trig.lemma in _ARRIVALS and _no_destination(toks, mt, sent.tok_end):
                continue  # "وصلت إلى حد التخوين"، "زيادة وصلت إلى 5 ملايين": reaching a level, not a place
            if trig.pos == "v" and trig.form_kind == "" and _verbal_noun_reading(toks, mt, sent.tok_start):
                trig = dataclasses.replace(trig, pos="n")  # "بطرد الملحق"، "في قصف مدفعي"، "قررت الحكومة طرد"
                mt = Match(mt.i, mt.j, trig, mt.prefix, mt.start, mt.end, mt.noun)
            a, b = clause_bounds(toks, sent.tok_start, sent.tok_end, mt.i)
            f = Frame(mt, trig, sent, (a, b))
            f.next_trigger = starts[k + 1] if k + 1 < len(starts) else sent.tok_end
            f.flags = modality(toks, a, mt.i, mt.prefix)
            if trig.type == "ASSAULT" and _cumulative(doc, a, b, mt.i):
                f.flags.add("aggregate")  # "قتل أكثر من 6500 شخص منذ اندلاع الصراع": a running toll, not an event
            if "purpose" in f.flags and any(toks[q].norm in _UNDERGO or set(toks[q].forms) & _UNDERGO
                                            for q in range(max(a, mt.i - 4), mt.i)):
                f.flags.discard("purpose")  # "تعرضت الدورية لهجوم": ل after تعرض marks what befell, not an aim
            if trig.roles == "fire" and fold(trig.lemma).startswith("ل") and not any(
                    toks[q].norm in _UNDERGO or set(toks[q].forms) & _UNDERGO for q in range(a, mt.i)):
                continue  # "لإطلاق النار" after وقف، "لقذائف" after a verb of supply: nothing befell anyone
            if trig.type == "MOBILIZE" and trig.pos == "v" and trig.form_kind == "" and mt.j < sent.tok_end \
                    and toks[mt.j].norm == "من":
                continue  # "وسط حشد من المصلين": a crowd, not a mobilisation
            if trig.pos == "v" and trig.form_kind != "present" and mt.i > 0 \
                    and toks[mt.i - 1].norm in ("هو", "وهو", "هي", "وهي", "فهو", "فهي"):
                continue  # "وهو طالب": a noun after a pronoun (student), not the verb (demanded); an imperfect is
                # a verb ("وهي تقصف")
            if trig.form_kind == "participle" and mt.i > 0 and (
                    any(c.isdigit() for c in toks[mt.i - 1].norm) or toks[mt.i - 1].norm in _COUNT_WORDS):
                continue  # "حكما بإعدام 24 متهما": a counted noun (defendants), not an adverbial participle
            if trig.form_kind == "participle" and mt.i > 0 and (
                    toks[mt.i - 1].norm in _PREP_WORDS or any(o.j == mt.i for o in matches)):
                continue  # "ضد محتجين"، "اعتقال محتجين": the noun (protesters), not the participle
            if trig.form_kind == "present" and mt.i > 0 and toks[mt.i - 1].norm in ("ان", "لن", "كي", "لكي"):
                f.flags.add("future")  # أن يزور: an intended or expected act, not a report
            if trig.type in ("SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "RETREAT") and trig.pos in ("n", "p") \
                    and any(set(toks[q].forms) & _WEIGHED for q in range(max(a, mt.i - 6), mt.i)):
                # "بحث الاتحاد الأوروبي فرض عقوبات": an act discussed or studied, not done
                f.flags.add("hypothetical")
            if trig.type == "COERCE" and trig.mode == "arrest" and trig.pos == "v" and mt.j < len(toks) \
                    and set(toks[mt.j].forms) & _STOPPED:
                f.flags.add("embedded")  # "يوقف نزيف الدم": a process stopped, not an arrest
            if trig.type == "COERCE" and trig.mode == "arrest" and mt.j < len(toks) and (
                    set(toks[mt.j].forms) & _HALTED or (fold(trig.lemma) == _STOP_VERB and any(
                        set(t.forms) & (_HALTED | _STOPPED_ACTS) for t in toks[mt.j:min(sent.tok_end, mt.j + 5)]))):
                # "أوقفت إيران تنفيذ مشاريع"، "أوقف المساعدات"، "أوقفت السفارة منح التأشيرات": halting work, aid or a
                # dealing (the subject may stand between), not detaining anyone
                trig = dataclasses.replace(trig, type="SANCTION", mode="discontinue")
                f.trigger = trig
            if trig.type == "THREATEN" and trig.pos == "n" and mt.i > 0 \
                    and set(toks[mt.i - 1].forms) & (_CONSTITUTE | _CONSTITUTES):
                # "واعتبر أن التمرد الذي تقوده جماعة الحوثي تعد تهديدا خطيرا": calling another's act a threat
                # accuses it (the speaker against the copula's subject)
                trig = dataclasses.replace(trig, type="ACCUSE", mode="disapprove", roles="charge")
                f.trigger = trig
            if trig.type == "CONSULT" and trig.roles == "visit" and fold(trig.lemma) in _ARRIVALS \
                    and _vehicle_subject(doc, mt):
                # "وصلت سفينة سعودية محملة بالمساعدات إلى ميناء عدن": a cargo arrives, nobody visits; with relief
                # on board it is aid from the vehicle's side to the destination's
                if any(set(x.forms) & _RELIEF for x in toks[sent.tok_start:sent.tok_end]):
                    trig = dataclasses.replace(trig, type="AID", mode="humanitarian")
                    f.trigger = trig
                else:
                    f.flags.add("embedded")
            if _embedded(toks, matches, k, a) or (_not_an_act(toks, mt) and trig.roles != "charge"):
                f.flags.add("embedded")
            if trig.form_kind == "present" and mt.i > 0 and toks[mt.i - 1].norm in _RELATIVE \
                    and trig.type in ("COERCE", "REQUEST", "REJECT", "THREATEN"):
                f.flags.add("embedded")  # "جبهة النصرة التي تحتجز عسكريين": a state described, not a new act
            if trig.form_kind == "present" and trig.type == "COERCE" \
                    and any(t.norm in _NOW for t in toks[mt.j:min(b, mt.j + 3)]):
                f.flags.add("embedded")  # "وتعتقل إسرائيل الآن 54 أسيرا": a standing detention, not a new arrest
            if any(toks[q].norm in _CONDITIONS for q in range(mt.j, min(b, mt.j + 6))):
                f.flags.add("hypothetical")  # "وسيتم استهدافها في حال فعلت ذلك": a conditional
            # (a participle goes with its main clause: "ثمن مسؤولون ... دعمها منذ البداية ...، مشيدين" is said now)
            f.background = is_background(toks, a, mt.i) and trig.form_kind != "participle"
            f.anaphoric = _anaphoric(doc, mt, trig)
            _roles(doc, f, ments, sent_frames, last, home)
            if _names_the_verbs_act(doc, f, sent_frames):
                f.anaphoric = True  # "قتل داعش عشرة جنود في هجوم على الأنبار": the attack is the killing
            if trig.type == "AID" and mt.payload.type == "CONSULT":
                _cargo_roles(doc, f, ments)
            if trig.type == "THREATEN" and f.actor and not f.recipient and _threat_content(doc, f):
                f.recipient = _threat_target(doc, f, ment_by_sent.get(sent.index, []))
            if trig.type == "THREATEN" and trig.pos == "p" and f.actor and not f.recipient \
                    and fold(trig.lemma).startswith(_READY):
                # "بريطانيا مستعدة لقصف المتشددين في ليبيا": the country where the strike would fall
                f.recipient = [m for m in ment_by_sent.get(sent.index, []) if mt.j <= _tok(m)[0] <= mt.j + 8
                               and m.kind in ("name", "country") and m.code and m.code != f.actor[0].code][:3]
            _attach_time(doc, f, last, sent_frames[-1] if sent_frames else last)
            if trig.form_kind == "participle" and (main := _main_clause(sent_frames)) is not None \
                    and main.time_source == "text" and main.match.j <= mt.i:
                # "نفى أردوغان الجمعة الاتهامات، متهما قوى سوداء ...": the participle's act is the main verb's
                f.time, f.time_source = main.time, "text"
            _attach_place(doc, f, starts, last, home)
            if trig.form_kind == "participle" and (main := _main_clause(sent_frames)) is not None \
                    and main.place is not None and main.match.j <= mt.i:
                # "تجمع متظاهرون ... بنيويورك ... داعين الكونغرس": the participle's act is where the main verb's is
                f.place, f.place_source = main.place, main.place_source
            _fill_host(doc, f, home)
            sent_frames.append(f)
            if f.actor and not f.anaphoric and not f.background and not (f.flags & (_UNREAL | {"future"})):
                last = f
        _condemned_perpetrators(doc, sent_frames)
        frames.extend(sent_frames)
    for f in frames:
        if _third_country(f):
            f.place, f.place_source = None, ""
    _condemned_earlier_acts(doc, frames)
    _denials_answer_accusations(frames)
    _responses_answer_attacks(frames)
    _places_from_visits(frames)
    _places_from_references(frames)
    _times_from_references(frames)
    events: list[Event] = []
    for f in frames:
        ev = _code(doc, f, home, keep_all)
        events.extend(ev)
    _places_of_companions(events)
    events = _absorb_unidentified(events)
    events = _merge(events)
    from rasid.events.calibration import calibrate

    for k, e in enumerate(events):
        e.id = _event_id(doc, e, k)
        e.raw_confidence = e.confidence
        e.confidence = calibrate(e.confidence)
    return events


_LOCATIVE = {"في", "ب", "الي", "من", "cue", "dir"}


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


def _unidentified(e: Event) -> bool:
    return bool(e.actor) and all(a.sector == "UAF" and not a.entity_text for a in e.actor)


def _absorb_unidentified(events: list[Event]) -> list[Event]:
    """"استشهد ثلاثة جنود في قصف حوثي": the victims' event (attacker unnamed) and the attack's (attacker
    named, victims unnamed) are one; the named sides of both are kept."""
    out = []
    for e in events:
        if "ASSAULT" in e.event and _unidentified(e):
            named = next((o for o in events if o is not e and o.start == e.start and "ASSAULT" in o.event
                          and not _unidentified(o) and _compatible_dates(o, e)
                          and (not o.recipient or all(not r.entity_text for r in o.recipient)
                               or _codes(o.recipient) & _codes(e.recipient))), None)
            if named is not None:
                if e.recipient and (not named.recipient or all(not r.entity_text for r in named.recipient)) \
                        and any(r.entity_text for r in e.recipient):
                    named.recipient = e.recipient  # the victims named ("ثلاثة جنود"), not people of a guessed place
                named.evidence.extend(x for x in e.evidence if x not in named.evidence)
                continue
        out.append(e)
    return out


def _places_of_companions(events: list[Event]) -> None:
    """"اتفقوا لدى لقاء الوزير بالملك"، "أوقفت الشرطة رجلا في إطار عملية مشتركة": an unplaced agreement or
    joint act takes the place of an act of the same sentence that shares one of its parties."""
    for e in events:
        if e.place is not None or not set(e.event) & {"AGREE", "COOPERATE"} or "phone" in e.mode \
                or e.date is None:
            continue
        parties = {x.code for x in e.actor + e.recipient if x.code}
        for o in events:
            if o is not e and o.start == e.start and o.place is not None and o.place.resolution != "country" \
                    and parties & {x.code for x in o.actor + o.recipient if x.code}:
                e.place = o.place
                e.rule += "+place:sentence"
                break


def _condemned_perpetrators(doc: Document, frames: list[Frame]) -> None:
    """"أدانت X هجمات جماعة Y": a condemnation with no target of its own targets the condemned act's author."""
    for k, f in enumerate(frames):
        if f.trigger.type != "ACCUSE" or f.recipient or not f.actor:
            continue
        # the next triggers: the condemned act itself, or the acts that describe it ("الجريمة التي أدت إلى
        # استشهاد الطفل ... إثر استهداف المستوطنين لمنزله"): the first of them whose author is named
        act = any(set(t.forms) & _ACT_NOUNS for t in doc.tokens[f.match.j:min(f.sent.tok_end, f.match.j + 16)])
        for g in frames[k + 1:]:
            if "embedded" in g.flags and g.trigger.pos == "v":
                continue  # "في بيان صادر عن": no act
            if g.trigger.type not in ("ASSAULT", "COERCE") or g.trigger.pos not in ("n", "p") \
                    or g.match.i - f.match.j > (40 if act else 8):
                break
            if g.actor and g.actor[0].code:
                if not any((a.code, a.sector) == (g.actor[0].code, g.actor[0].sector) for a in f.actor):
                    f.recipient = g.actor[:1]
                    f.rule += ".condemned-act"
                break


def _denials_answer_accusations(frames: list[Frame]) -> None:
    """"اتهمت إسرائيل حماس ... ونفت حماس": a denial with no addressee answers the last accusation against its
    actor."""
    for k, f in enumerate(frames):
        if f.trigger.type != "REJECT" or f.recipient or not f.actor or not f.actor[0].code:
            continue
        me = f.actor[0]
        for g in reversed(frames[:k]):
            # (in a domestic conflict the sides share a country: "اتهمت الحكومة اليمنية الحوثيين ... ونفى الحوثيون")
            if g.trigger.type == "ACCUSE" and g.actor and g.actor[0].code \
                    and (g.actor[0].code != me.code or (g.actor[0].sector != me.sector
                                                        and {me.sector, g.actor[0].sector}.isdisjoint({None, "CVL"}))) \
                    and any(r.code == me.code and (g.actor[0].code != me.code or r.sector == me.sector)
                            for r in g.recipient):
                f.recipient = g.actor[:1]
                f.rule += ".answers-accusation"
                break


_RESPONSE = fold("رد")
_TARGETED = fold("استهدف")
_REACHING = {fold(w) for w in ("وصولا", "ووصولا")}
_STOP_VERB = fold("أوقف")
_STOPPED_ACTS = {fold(w) for w in ("منح", "إصدار", "اصدار", "التعامل", "تعامل", "استيراد", "تصدير", "الرحلات", "رحلات",
                                  "التعاون", "المساعدات", "مساعدات", "الدعم", "دعم", "تمويل", "التمويل", "ضخ", "بث",
                                  "المفاوضات", "مفاوضات", "الحوار", "التأشيرات", "تأشيرات", "العمل", "نشاط", "أنشطة")}
_LIFTING = {fold(w) for w in ("رفع", "برفع", "ورفع", "لرفع", "إلغاء", "بإلغاء", "تخفيف", "بتخفيف", "إنهاء", "بإنهاء",
                              "تعليق", "بتعليق")}
# texts, plans and policies that "target" (aim at) something: استهدف after or before them attacks nothing
_AIMS = {fold(w) for w in ("قرار", "القرار", "قرارا", "قانون", "القانون", "قانونا", "مشروع", "المشروع", "مشروعا",
                           "خطة", "الخطة", "برنامج", "البرنامج", "برنامجا", "المبادرة", "مبادرة", "الاتفاق",
                           "الاتفاقية", "الاستراتيجية", "استراتيجية", "السياسة", "سياسة", "الإجراءات", "إجراءات",
                           "الزيارة", "زيارة", "المؤتمر", "مؤتمر", "الدراسة", "دراسة", "الإصلاحات", "إصلاحات")}
_NO_TRUTH = fold("لا صحة له")
_WONT = fold("لن تسمح")  # the lemma of the refusals لن تسمح، لن تقبل ...
_TOP_OFFICES = ("President", "Prime Minister", "King", "Emir", "Crown Prince", "Supreme Leader", "Minister of Foreign",
                "Foreign Minister", "Sultan", "Government")  # the lemma of the denial phrases (عارية عن الصحة، لا أساس له من الصحة)


def _responses_answer_attacks(frames: list[Frame]) -> None:
    """"سقطت قذائف أطلقها الحوثيون على جازان ... وردت القوات السعودية على مصدر القذائف": fire returned on its
    source hits the last side that attacked the responder."""
    for k, f in enumerate(frames):
        if f.trigger.type != "ASSAULT" or fold(f.trigger.lemma) != _RESPONSE or not f.actor or not f.actor[0].code:
            continue
        if f.actor[0].sector not in _ARMED | {"COP", None}:
            f.actor = []  # "رد الوزير على الهجوم الإعلامي": a verbal answer, no fire returned
            continue
        me = f.actor[0].code
        named = [r for r in f.recipient if r.code and r.code != me]
        f.recipient = named  # (not the means: "ردت القوات على مصدر القذائف بالمدفعية")
        if named:
            continue  # the source is named (مصدر المقذوفات الحوثية)
        for g in reversed(frames[:k]):
            if g.trigger.type == "ASSAULT" and g.actor and g.actor[0].code \
                    and (g.actor[0].code != me or g.actor[0].sector != f.actor[0].sector) \
                    and (any(r.code == me for r in g.recipient) or (g.place is not None and g.place.country_code == me)):
                f.recipient = g.actor[:1]
                f.rule += ".answers-attack"
                break


_THIS = {fold(w) for w in ("هذا", "هذه", "بهذا", "بهذه", "لهذا", "لهذه")}
_ACT_NOUNS = {fold(w) for w in ("الهجوم", "الهجمات", "الجريمة", "الجرائم", "الاعتداء", "الاعتداءات", "التفجير",
                                "التفجيرات", "العملية", "الحادث", "الحادثة", "الاغتيال", "القصف", "المجزرة")}


def _condemned_earlier_acts(doc: Document, frames: list[Frame]) -> None:
    """"ندد الموفد الأممي بهذه الجريمة": a condemnation of "this attack" targets the last attack's author."""
    toks = doc.tokens
    last_attack: Frame | None = None
    for f in frames:
        if f.trigger.type == "ASSAULT" and f.actor and f.actor[0].code and not f.flags & _UNREAL:
            last_attack = f
            continue
        if f.trigger.type != "ACCUSE" or f.recipient or not f.actor or last_attack is None:
            continue
        window = toks[f.match.j:min(f.sent.tok_end, f.match.j + 16)]
        # "أدانت الخارجية (بشدة) الهجوم": a definite act noun right after the verb is the act told before
        definite = [t for t in window[:4] if t.norm in _ACT_NOUNS or any(
            p.strip("وف") == "ب" and w in _ACT_NOUNS for w, p in zip(t.forms, t.prefixes, strict=False))]
        if definite and f.trigger.pos == "v":
            if not any(m.code == last_attack.actor[0].code and m.sector == last_attack.actor[0].sector
                       for m in f.actor):
                f.recipient = last_attack.actor[:1]
                f.rule += ".anaphoric-act"
            continue
        for x, y in zip(window, window[1:], strict=False):
            if (x.norm in _THIS or set(x.forms) & _THIS) and set(y.forms) & _ACT_NOUNS:
                if not any(m.code == last_attack.actor[0].code and m.sector == last_attack.actor[0].sector
                           for m in f.actor):
                    f.recipient = last_attack.actor[:1]
                    f.rule += ".anaphoric-act"
                break


_DURING_VISIT = {"SUPPORT", "AGREE", "CONSULT", "COOPERATE", "REQUEST", "AID"}


def _places_from_references(frames: list[Frame]) -> None:
    """"ويسلط الهجوم الذي وقع في منطقة المار ...": a later reference to the event that names its town places it
    (when the event itself was placed only in that country, or not at all)."""
    for k, f in enumerate(frames):
        if not f.anaphoric or f.place is None or f.place_source != "text" or f.place.resolution == "country":
            continue
        for g in reversed(frames[:k]):
            if g.trigger.type != f.trigger.type or g.anaphoric or g.flags & (_UNREAL | {"future"}) or g.background:
                continue
            if g.place is None or (g.place.resolution == "country" and g.place.country_code == f.place.country_code):
                for h in _same_act(frames, k, g):
                    if h.place == g.place and not h.anaphoric:
                        h.place, h.place_source = f.place, "reference"
            break


def _times_from_references(frames: list[Frame]) -> None:
    """"ووقع الهجوم في منطقة واردوج الخميس": a later reference to the event that dates it to a day dates the event
    (when the event itself had only the publication date, or a span of days around that day)."""
    for k, f in enumerate(frames):
        if not f.anaphoric or f.time is None or f.time_source != "text" or f.time.precision != "day" \
                or f.rule.endswith(".describes"):
            continue  # (a clause describing the event noun right before it is that event, not a later report)
        for g in reversed(frames[:k]):
            if g.trigger.type != f.trigger.type or g.anaphoric or g.flags & (_UNREAL | {"future"}) or g.background:
                continue
            if g.time is None or g.time.start is None or g.time.end is None or f.time.start is None:
                break
            loose = g.time_source == "publication" and g.time.start - dt.timedelta(days=7) <= f.time.start
            # "خلال اليومين الماضيين" (counted from a report a day before publication)
            within = g.time.start - dt.timedelta(days=2) <= f.time.start and g.time.end > g.time.start
            if (loose or within) and f.time.start <= g.time.end:
                for h in _same_act(frames, k, g):
                    if h.time_source == g.time_source and h.time == g.time:
                        h.time, h.time_source = f.time, "reference"
            break


# prepositions that put an act inside another: "قتل ... في هجوم"، "... جراء قصف"، "... إثر غارة"
_IN_ACT = {fold(w) for w in ("في", "خلال", "جراء", "إثر", "اثر")}


def _names_the_verbs_act(doc: Document, f: Frame, before: list[Frame]) -> bool:
    """An ASSAULT noun in a prepositional phrase after an ASSAULT verb of its sentence, with no author of its
    own, tells how that verb's act was done ("قتل تنظيم داعش عشرة جنود في هجوم على الأنبار")."""
    if f.trigger.type != "ASSAULT" or f.trigger.pos not in ("n", "p") or f.anaphoric:
        return False
    toks = doc.tokens
    mt = f.match
    pre = mt.prefix.lstrip("وف")
    if not (pre.endswith("ب") or (mt.i > 0 and toks[mt.i - 1].norm in _IN_ACT)):
        return False
    if any(tag in f.rule for tag in (".agent", ".carried-out-by", ".claim", ".between")):
        return False
    # ("قتل 33 شخصا غالبيتهم من المدنيين في هجوم انتحاري": a passive killing's attack, its author unnamed)
    return any(g.trigger.type == "ASSAULT" and g.trigger.pos == "v" and (g.actor or g.rule.endswith(".passive"))
               and not g.anaphoric and g.match.j <= mt.i for g in before)


def _same_act(frames: list[Frame], k: int, g: Frame) -> list[Frame]:
    """The frames before ``frames[k]`` in g's sentence with g's type: one act told by several triggers ("قتل 12
    شخصا عندما هاجم انتحاريان"), which a later reference places or dates together."""
    out: list[Frame] = []
    for h in reversed(frames[:k]):
        if h.sent.index < g.sent.index:
            break
        if h.sent is g.sent and h.trigger.type == g.trigger.type:
            out.append(h)
    return out[::-1]


def _places_from_visits(frames: list[Frame]) -> None:
    """What a visitor or host says or agrees during a visit happens where the visit is.

    "وصل الوزير القطري إلى أربيل ... وأشاد الوزير بـ ...": an unplaced cooperative event whose actor is a
    party of the last placed visit, on the same day (or undated), takes the visit's place.
    """
    visits: list[Frame] = []
    meetings = [g for g in frames if g.trigger.type == "CONSULT" and g.place is not None and g.place_source == "text"
                and g.place.resolution != "country" and g.actor and not g.flags & (_UNREAL | {"future"})]
    for f in frames:
        if f.place is None and f.actor and f.trigger.type in _VERBAL | _DURING_VISIT and not f.flags & {"future"}:
            # "وأدان ليون في تصريح صحفي عقب لقائه بالوزير الإيطالي في روما": said where the speaker met someone
            # the same day (the meeting may be told after the statement)
            g = next((g for g in meetings if g.sent is f.sent and g is not f and _during(f, g)), None)
            if g is not None:
                f.place, f.place_source = g.place, "visit"
                continue
        if f.trigger.type == "CONSULT" and f.trigger.roles in ("visit", "host", "guest", "meet") \
                and f.place is not None and f.place.resolution != "country" and f.actor \
                and not f.flags & (_UNREAL | {"future"}):
            visits.append(f)
            continue
        if not visits or f.place is not None or f.trigger.type not in _DURING_VISIT or not f.actor \
                or f.flags & {"future"}:
            continue
        # a visit first; else a meeting told just before ("التقى X أمس في الرياض ... ودعا X الصين")
        for visit in sorted(reversed(visits), key=lambda v: v.trigger.roles == "meet"):
            if visit.trigger.roles == "meet" and f.sent.index - visit.sent.index > 3:
                continue
            if _during(f, visit):
                f.place, f.place_source = visit.place, "visit"
                break


def _during(f: Frame, visit: Frame) -> bool:
    """f is done by a party of the visit, at a time compatible with it."""
    parties = {m.code for m in visit.actor + visit.recipient if m.code}
    offices = {m.office for m in visit.actor + visit.recipient if m.office}
    # "وأشاد الوزير": an uncoded title repeats a party of the visit
    if not ({m.code for m in f.actor if m.code} & parties
            or any(m.code is None and m.office and any(m.office.lower() in o.lower() for o in offices)
                   for m in f.actor)):
        return False
    if f.time is None or visit.time is None or not f.time.start or not visit.time.start:
        return True
    return f.time.start <= (visit.time.end or visit.time.start) and visit.time.start <= (f.time.end or f.time.start)


def _third_country(f: Frame) -> bool:
    """A country named as the place of a cooperative act between two others ("للقتال في سوريا"); any place
    outside the host's country for a visit ("خلال زيارته كينيا أن ... في العاصمة الصومالية")."""
    p = f.place
    visit = f.trigger.type == "CONSULT" and f.trigger.roles in ("visit", "host", "guest")
    if p is None or (p.resolution != "country" and not visit) or f.trigger.type not in _SYMMETRIC:
        return False
    sides = {m.code for m in f.actor + f.recipient if m.code}
    if visit:  # a visit happens in the host's country
        hosts = {m.code for m in f.recipient if m.code and m.code not in _IGO}
        return bool(hosts) and len(sides) >= 2 and p.country_code not in hosts
    return len(sides) >= 2 and p.country_code not in sides


# --------------------------------------------------------------------------- participants

# flags of events that did not (yet) happen: not emitted unless keep_all
_UNREAL = {"negated", "hypothetical", "purpose", "embedded", "aggregate"}
# the content of a demand, refusal or allegation: "دعا X إلى ... استهداف"، "رفض ... وقف إطلاق النار"،
# "تبادلا الاتهامات بقصف" (the alleged act is not established: PLOVER codes the accusation)
_EMBEDDING_TYPES = {"REQUEST", "REJECT", "THREATEN"}
_IN_EXCHANGE = fold("مقابل")
_EMBED_WINDOW = 8
# the terms of an agreement or text: "الاتفاق يتضمن إقامة منطقة حظر"، "يسمح للطائرات باستخدام ... لشن هجمات"
_CONTENT_VERBS = {fold(w) for w in ("يتضمن", "تتضمن", "يشمل", "تشمل", "ينص", "تنص", "يقضي", "تقضي", "يسمح",
                                    "تسمح", "يتيح", "تتيح", "تمكين", "يخول", "تخول",
                                    # a plot: "كانوا يخططون لارتكاب اعتداءات"، "مخطط لاستهداف"
                                    "يخطط", "يخططون", "يخططان", "تخطط", "خططوا", "التخطيط", "بالتخطيط",
                                    "مخطط", "مخططا", "مخططات",
                                    # a right or a condition: "يحق له الحصول على إطلاق سراح"، "تشترط إطلاق"
                                    "يحق", "تحق", "يشترط", "تشترط", "اشترط", "اشترطت", "بشرط", "شريطة")}
_NEG_NOUN = fold("عدم")
# "حق X في": the right to do
_RIGHT = {fold(w) for w in ("حق", "الحق", "حقه", "حقها", "حقهم", "حقهما", "حقنا", "حقي")}
_OBLIGATION = {fold(w) for w in ("ينبغي", "يجب", "يتعين", "لابد", "بضرورة", "ضرورة", "يفترض")}


_COURTESY = {fold(w) for w in ("تحيات", "تحياته", "تحياتها", "تحياتهم", "تهاني", "تهانيه", "تمنياته", "تعازي",
                               "تعازيه")}
_CONDITIONS = {fold(w) for w in ("إذا", "اذا", "حال", "لو", "طالما")}  # not إن: folded it is أن
_CONSTITUTE = {fold(w) for w in ("تشكل", "يشكل", "شكل", "شكلت", "تمثل", "يمثل", "مثل", "باتت", "بات")}
_ISSUED = {fold(w) for w in ("بيان", "تقرير", "قرار", "حكم", "مرسوم", "بلاغ", "تصريح", "البيان", "التقرير")}
_ZONE = {fold(w) for w in ("منطقة", "مناطق", "المنطقة")}
_LOSS = {fold(w) for w in ("فقد", "فقدت", "فقدوا", "يفقد", "تفقد", "خسر", "خسرت", "خسروا", "يخسر", "تخسر")}
# a reception of a thing, not of a visitor: "كان في استقبال الطائرة / السفينة / الشحنة / الجثمان"
_CARGO = {fold(w) for w in ("الطائرة", "الطائرات", "السفينة", "السفن", "الباخرة", "الشحنة", "الشحنات", "القافلة",
                            "الجثمان", "جثمان", "المساعدات", "الدفعة", "الرحلة")}


# verbs that weigh an act without doing it (a demanded or conditioned one is _embedded: _CONTENT_VERBS and the
# demands of _EMBEDDING_TYPES)
_WEIGHED = {fold(w) for w in ("بحث", "يبحث", "تبحث", "بحثت", "ناقش", "يناقش", "تناقش", "ناقشت", "درس", "يدرس",
                              "تدرس", "درست", "يدرسون", "يبحثون")}
# intransitive verbs whose verbal noun is spelt like them (تعاون / تعاوُن): with a suffix they are the noun
_TAFAAL = {fold(w) for w in ("تعاون", "تظاهر", "تباحث", "تضامن", "تنصل")}


def _tafaal_noun(toks, mt: Match, sent: Sentence) -> bool:  # type: ignore[no-untyped-def]
    """"أكد الطرفان على تعاونهما"، "اتفاقية تعاون": the verbal noun (spelt like the verb) with a possessive or
    after a noun; the verb opens its clause ("وتعاونت الشرطة"، "تعاون الجيش مع")."""
    trig: Trigger = mt.payload
    if trig.pos != "v" or fold(trig.lemma) not in _TAFAAL:
        return False
    return trig.form_kind == "object" or (trig.form_kind == "" and not mt.prefix and mt.i > sent.tok_start
                                          and toks[mt.i - 1].is_word)


# objects of a stop verb that are programmes or flows, not people ("أوقفت تنفيذ المشروع"): suspended, nobody detained
_HALTED = {fold(w) for w in ("تنفيذ", "العمل", "أعمال", "الأعمال", "المساعدات", "مساعدات", "الدعم", "دعم", "التمويل",
                            "تمويل", "المشاريع", "مشاريع", "بث", "صرف", "تصدير", "استيراد", "الرحلات", "رحلات")}
# "يوقف نزيف الدم"، "لم توقف عملياتها"، "يوقف سيل دخول الإرهابيين": a process stopped, nobody detained
_STOPPED = {fold(w) for w in ("نزيف", "سيل", "تدفق", "دخول", "عملياتها", "عملياته", "عملياتهم", "العمليات", "القتال",
                              "الحرب", "العنف", "التصعيد", "الهجمات", "هجماتها", "هجماته", "القصف", "إطلاق", "اطلاق",
                              "التدهور", "الاستيطان", "الانتهاكات", "المفاوضات", "الحوار", "التعامل", "التعاون")}
# "تنتهك وقف إطلاق النار": the ceasefire violated, not one declared
_VIOLATE = {fold(w) for w in ("انتهاك", "انتهاكات", "تنتهك", "ينتهك", "انتهكت", "انتهك", "خرق", "خروقات", "خرقت",
                              "يخرق", "تخرق", "بانتهاك", "بخرق")}
_MASDAR_GOVERNORS = {fold(w) for w in ("قرر", "قررت", "تقرر", "يقرر", "واصل", "واصلت", "تواصل", "يواصل", "ستواصل",
                                       "سيواصل", "بدأ", "بدأت", "تبدأ", "يبدأ", "استأنف", "استأنفت",
                                       # "تمكنت القوات من قتل"، "نجحت في اعتقال": the act managed is a verbal noun
                                       "تمكن", "تمكنت", "تمكنوا", "يتمكن", "تتمكن", "نجح", "نجحت", "نجحوا")}
# "في قضية اقتحام مركز شرطة"، "بتهمة قتل": the charge of a case, not an act reported now
_CHARGE = {fold(w) for w in ("قضية", "قضايا", "تهمة", "تهم", "بتهمة", "بتهم", "جريمة", "جرائم")}


# adjectives that follow the verbal noun, not the verb: "قصف مدفعي"، "قصف جوي"، "قصف عنيف" (and any indefinite
# nationality adjective: "قصف إسرائيلي"، "قصف روسي")
_NOUN_ADJECTIVES = {fold(w) for w in ("مدفعي", "جوي", "صاروخي", "عنيف", "مكثف", "متبادل", "عشوائي", "متقطع",
                                      "حوثي")}
# words after which a past-tense form is read as the verbal noun: "في قتل"، "تقف خلف قتل"، "وراء اغتيال"
_NOUN_BEFORE = {fold(w) for w in ("في", "خلف", "وراء", "حول", "جراء", "إثر", "اثر", "خلال", "أثناء", "اثناء")}


_SINCE = fold("منذ")
_RECORD = {fold(w) for w in ("أول", "الأول", "أولى", "الأولى", "أعنف", "الأعنف", "أكبر", "الأكبر", "أسوأ", "الأسوأ",
                              "أشد", "الأشد", "أدمى", "الأدمى", "أخطر", "الأخطر", "أضخم", "الأضخم")}
_ONSET = {fold(w) for w in ("بدء", "بداية", "اندلاع", "انطلاق", "بدايه", "مطلع")}


_LOADED = fold("محمل")
_RESPONSIBILITY = {fold(w) for w in ("مسؤولية", "المسؤولية", "مسئولية", "المسئولية")}


def _loaded(toks, mt: Match, sent: Sentence) -> bool:  # type: ignore[no-untyped-def]
    """"محملا X مسؤولية" blames X; "سفينة محملة بالمساعدات" is loaded: the participle blames only with the
    responsibility named within a few words."""
    if mt.payload.form_kind != "participle" or not any(f.startswith(_LOADED) for f in toks[mt.i].forms):
        return False
    return not any(set(toks[q].forms) & _RESPONSIBILITY for q in range(mt.j, min(sent.tok_end, mt.j + 5)))


_THEN = {fold(w) for w in ("الوقت", "الحين", "التاريخ", "اليوم", "العام")}
_THAT_ONE = fold("ذلك")
_LADA = fold("لدى")  # "لدى": held by, posted to


def _cumulative(doc: Document, a: int, b: int, i: int) -> bool:
    """The clause counts since an earlier year or since a conflict began ("منذ عام 2009"، "منذ اندلاع الصراع")."""
    toks = doc.tokens
    pub = doc.article.published
    for q in range(a, b - 1):
        if _SINCE not in toks[q].forms:
            continue
        if any(set(t.forms) & _RECORD for t in toks[max(a, q - 6):q]):
            continue  # "أعنف هجوم منذ بداية العام"، "أول هجوم من نوعه منذ": one event measured against a period
        nxt = toks[q + 1:min(b, q + 7)]
        since_end = next((x.end_char for x in doc.times if x.start_char <= toks[q].start < x.end_char),
                         toks[min(q + 2, b - 1)].end)
        if q < i and any(since_end <= x.start_char < toks[i].start for x in doc.times):
            continue  # "منذ عام 2013، شهد الأسبوع الماضي هجمات": the event has its own date
        if nxt and set(nxt[0].forms) & _ONSET:
            return True
        if len(nxt) >= 2 and nxt[0].norm == _THAT_ONE and nxt[1].norm in _THEN:
            return True  # "ومنذ ذلك الوقت قتل عشرات الآلاف": a toll since a time told before
        years = [int(t.norm) for t in nxt if t.norm.isdigit() and len(t.norm) == 4]
        if years and (pub is None or years[0] < pub.year):
            return True
    return False


def _verbal_noun_reading(toks, mt: Match, lo: int) -> bool:  # type: ignore[no-untyped-def]
    """A past-tense form that is the verbal noun: after ب/ل ("بطرد"), after في, or after a verb of deciding or
    continuing ("قررت الحكومة طرد"، "واصلت القوات قصف")."""
    if mt.prefix.lstrip("وف").endswith(("ب", "ل")):
        return True
    if mt.j < len(toks) and (toks[mt.j].norm in _NOUN_ADJECTIVES or "ال" + toks[mt.j].norm in load_gazetteer().nisba):
        return True  # "وتسبب قصف مدفعي للحوثيين": an adjective after it makes it the noun
    return mt.i > 0 and (toks[mt.i - 1].norm in _NOUN_BEFORE or any(
        toks[q].norm in _MASDAR_GOVERNORS for q in range(max(lo, mt.i - 4), mt.i)))


def _threat_content(doc: Document, f: Frame) -> bool:
    """"هددت إيران بإغلاق مضيق هرمز"، "هدد الجنرال بأن أي حرب ستنتهي بدمار ...": the threatened act follows
    with ب (a verbal noun, or بأن and a clause)."""
    toks = doc.tokens
    return any((p.endswith("ب") and (len(w) >= 3 or w in ("ان", "انه", "انها")))
               for t in toks[f.match.j:min(f.sent.tok_end, f.match.j + 6)]
               for w, p in zip(t.forms, t.prefixes, strict=False))


def _threat_target(doc: Document, f: Frame, ments: list[Mention]) -> list[Mention]:
    """"هدد الحزب بقطع الهدنة مع أنقرة"، "هددت بضرب مواقع الحوثيين": the party the threatened act is aimed at
    (a capital too: here it names the government, not a venue)."""
    mt = f.match
    for m in ments:
        i = _tok(m)[0]
        if mt.j < i <= mt.j + 16 and i < f.sent.tok_end and m.code and m not in f.actor \
                and (m.code, m.sector) != (f.actor[0].code, f.actor[0].sector) and _gov(doc, m) not in ("من", "في"):
            return [m]
    return []


_CITED = {fold(w) for w in ("بقول", "بقوله", "بتقرير", "بتقارير", "بآية", "بحديث", "بتصريح", "بتصريحات", "بمقولة",
                             "بكلام", "بمثال", "بأرقام", "بإحصاءات", "بنص", "ببيت", "بشعر", "بما")}
# events that "take place" (وقع): the condemnable acts, clashes and incidents
_OCCURRENCES = _ACT_NOUNS | {fold(w) for w in ("الواقعة", "الانفجار", "انفجار", "الاشتباكات", "اشتباكات", "المواجهات",
                                               "مواجهات", "المعارك", "معارك", "الاحداث", "احداث")}


def _occurred(toks, mt: Match, matches: list[Match]) -> bool:  # type: ignore[no-untyped-def]
    """"ووقعت الهجمات خلال زيارة ..."، "وقع الانفجار": وقع with an event as its subject means "took place",
    not "signed"."""
    t = mt.payload
    if t.type != "AGREE" or t.pos != "v" or t.lemma != fold("وقع") or mt.j >= len(toks):
        return False
    nxt = toks[mt.j]
    # "هجوم وقع في واغا": the event before it (an indefinite antecedent) took place
    before = mt.i > 0 and (bool(set(toks[mt.i - 1].forms) & _OCCURRENCES) or any(
        o.j == mt.i and o.payload.type in ("ASSAULT", "PROTEST", "COERCE") for o in matches))
    return before or bool(set(nxt.forms) & _OCCURRENCES) or any(
        o.i == mt.j and o.payload.type in ("ASSAULT", "PROTEST", "COERCE") for o in matches)


_VEHICLES = {fold(w) for w in ("سفينة", "السفينة", "سفن", "السفن", "باخرة", "الباخرة", "طائرة", "الطائرة",
                               "طائرات", "الطائرات", "شحنة", "الشحنة", "شحنات", "قافلة", "القافلة", "قوافل",
                               "الرحلة", "رحلة", "فريقا", "فريق", "الفريق", "طيران", "الطيران", "جثمان", "الجثمان",
                               # duals: "سفينتي إغاثة ... وصلتا"
                               "سفينتا", "سفينتي", "سفينتان", "سفينتين", "طائرتا", "طائرتي", "طائرتان", "طائرتين",
                               "باخرتا", "باخرتي", "باخرتان", "باخرتين", "شحنتا", "شحنتان", "شحنتين",
                               # goods that arrive: "المواد الطبية التي وصلت"، "الآليات التي أرسلتها ... وصل بعضها"
                               "المواد", "مواد", "المساعدات", "مساعدات", "الأسلحة", "أسلحة", "الآليات", "آليات",
                               "المعدات", "معدات", "الأدوية", "أدوية", "الإمدادات", "إمدادات", "الذخائر", "ذخائر")}


# what a ship or a plane brings as aid ("محملة بمساعدات غذائية"، "2800 طن من الأدوية")
_RELIEF = {fold(w) for w in ("مساعدات", "المساعدات", "بمساعدات", "إغاثية", "الإغاثية", "إغاثة", "الإغاثة", "أدوية",
                             "الأدوية", "غذائية", "الغذائية", "طبية", "الطبية", "معونات", "المعونات", "إنسانية")}


def _cargo_roles(doc: Document, f: Frame, ments: list[Mention]) -> None:
    """Aid brought by a ship or a plane: the sender is the vehicle's adjective or the side it belongs to or comes
    from ("سفينة إماراتية"، "تابعة للأمم المتحدة"، "قادمة من دولة الإمارات"); the receiver is the destination's
    country (filled from the place, as for a visit)."""
    toks = doc.tokens
    vk = [k for k in range(f.sent.tok_start, f.sent.tok_end) if set(toks[k].forms) & _VEHICLES]
    if not vk:
        return
    v = min(vk, key=lambda k: abs(k - f.match.i))
    sender = next((m for m in ments if m.code and v < _tok(m)[0] <= v + 6 and f.sent.tok_start <= _tok(m)[0]
                   < f.sent.tok_end and m.kind in ("nisba", "igo", "org", "country", "name")), None)
    if sender is None:
        return
    f.actor, f.recipient = [sender], []
    # the destination: the first place after the arrival governed by إلى ("إلى ميناء الحديدة")
    dest = next((p for p in doc.places if p.start >= toks[f.match.j - 1].end and p.start < toks[f.sent.tok_end - 1].end
                 and (pi := _tok_index(doc, p.start)) is not None and _place_gov(doc, pi) == "الي"), None)
    if dest is not None and dest.country_code and dest.country_code != sender.code:
        f.recipient = [_place_mention(dest)]
        f.place, f.place_source = dest, "text"


_ORDINALS = {fold(w) for w in ("أول", "أولى", "ثاني", "ثانية", "ثالث", "ثالثة", "آخر", "أحدث", "أكبر")}
_TRUE_PREPS = {fold(w) for w in ("في", "إلى", "على", "عن", "مع", "لدى")}
_TAWAJJAHA = fold("توجه")
_ARRIVALS = {fold(w) for w in ("وصل", "توجه", "وصول")}
# what one "reaches" that is no place: a level, a stage, an amount
_LEVELS = {fold(w) for w in ("حد", "الحد", "حدود", "مستوى", "مستويات", "مرحلة", "المرحلة", "نسبة", "درجة", "ذروة",
                              "ذروتها", "طريق", "نتيجة", "نتائج", "قناعة", "اتفاق", "توافق", "تفاهم", "أكثر", "نحو",
                              "قرابة", "حوالي", "زهاء", "ما")}


def _idiom(toks, mt: Match) -> bool:  # type: ignore[no-untyped-def]
    """"تحت تهديد السلاح" (at gunpoint): a trigger inside a fixed adverbial reports no event of its own."""
    if mt.i == 0:
        return False
    prev = toks[mt.i - 1].norm
    typ = mt.payload.type
    return typ == "THREATEN" and prev == fold("تحت")


_MESSAGES = {fold(w) for w in ("رسالة", "رسالته", "برقية", "برقيات", "رسائل", "دعوة", "خطابا", "خطاب", "تقريرا",
                                "تقرير", "أوراق", "اوراق", "نسخة")}
_TRADE = {fold(w) for w in ("استيراد", "تصدير", "بيع", "تداول", "إنتاج", "زراعة", "تهريب", "الاستيراد", "التصدير")}


def _after_relative_pronoun(toks, i: int) -> bool:  # type: ignore[no-untyped-def]
    """Token i opens a relative clause: right after الذي/التي/الذين, or after the relative and كان."""
    if i > 0 and set(toks[i - 1].forms) & _RELATIVE:  # also "والتي"
        return True
    return i > 1 and bool(set(toks[i - 1].forms) & _KANA) and bool(set(toks[i - 2].forms) & _RELATIVE)


def _no_destination(toks, mt: Match, hi: int) -> bool:  # type: ignore[no-untyped-def]
    """The arrival's إلى governs a level or an amount ("وصلت إلى حد"، "وصل عدد القتلى إلى 30")."""
    for k in range(mt.j, min(hi - 1, mt.j + 4)):
        if toks[k].norm == "الي" or (toks[k].forms and toks[k].forms[-1] == "الي"):
            nxt = toks[k + 1]
            return bool(set(nxt.forms) & _LEVELS) or any(c.isdigit() for c in nxt.norm)
    return False


def _vehicle_subject(doc: Document, mt: Match) -> bool:
    """The subject of an arrival is a ship, a plane, a convoy or a team ("وصلت سفينة ..."، "وصول أول سفينة"،
    "سفينة سعودية ... وصلت"): one of the two words after the trigger, or of the few words before it."""
    toks = doc.tokens
    if any(set(x.forms) & _VEHICLES for x in toks[mt.j:mt.j + 2]):
        return True
    if mt.payload.pos != "v":
        return False
    # "وصلت إلى ميناء عدن أمس سفينة ...": the subject after a destination and a time
    k = mt.j
    while k < min(len(toks), mt.j + 8):
        t = toks[k]
        if t.norm in ("الي", "في") and k + 1 < len(toks):
            # skip the destination: a place right after the preposition or after its cue word ("إلى ميناء عدن")
            place = next((p for p in doc.places if toks[k + 1].start <= p.start <= toks[min(k + 2, len(toks) - 1)].start),
                         None)
            k = (_tok_index(doc, place.end - 1) or k + 1) + 1 if place is not None else k + 2
        elif not t.is_word or _timeword(doc, k) or t.norm in _ORDINALS:
            k += 1  # "وصلت إلى عدن أمس أول سفينة": the time and an ordinal stand before the subject
        else:
            return bool(set(t.forms) & _VEHICLES) or _vehicle_before(doc, mt)
    return _vehicle_before(doc, mt)


def _vehicle_before(doc: Document, mt: Match) -> bool:
    """A vehicle or cargo a few words before the arrival; a relative clause may stand between ("الآليات التي
    أرسلتها دول التحالف قبل أيام وصل بعضها")."""
    toks = doc.tokens
    lo = max(0, mt.i - 6)
    if any(t.norm in _RELATIVE for t in toks[max(0, mt.i - 8):mt.i]):
        lo = max(0, mt.i - 10)
    return any(set(x.forms) & _VEHICLES for x in toks[lo:mt.i])


def _not_an_act(toks, mt: Match) -> bool:  # type: ignore[no-untyped-def]
    """Constructions whose trigger word reports no act of its subject.

    "طلب نقل تحياته": a courtesy message; "فقد الحوثيون السيطرة على": a loss of control, not a seizure;
    "كان في استقبال الطائرة": a reception of cargo, not of a visitor.
    """
    t = mt.payload
    if t.type == "REQUEST" and any(set(x.forms) & _COURTESY or x.text.endswith("سلامه") for x in toks[mt.j:mt.j + 8]):
        return True  # ("سلامه": his greetings, written with ه; "سلامة المدارس" is safety)
    if t.type == "ASSAULT" and toks[mt.i].norm.lstrip("و").startswith(("استشهد", "يستشهد")) \
            and any(x.norm in _CITED for x in toks[mt.j:mt.j + 5]):
        return True  # "استشهد الوزير بتقرير الأمم المتحدة": cited, not killed
    if t.type == "ASSAULT" and t.mode == "occupy" and mt.i > 0:
        # the loss verb stands before its subject: "فقد الحوثيون السيطرة على"
        if any(set(x.forms) & _LOSS for x in toks[max(0, mt.i - 4):mt.i]):
            return True
    if t.type == "THREATEN" and t.pos == "n" and mt.i > 0 and set(toks[mt.i - 1].forms) & _CONSTITUTE:
        return True  # "ما زالت تشكل تهديدا": being a threat is not making one
    if t.pos == "n" and mt.i > 0 and (set(toks[mt.i - 1].forms) & _CHARGE or toks[mt.i - 1].norm in _CHARGE):
        return True
    if t.mode == "ceasefire" and any(set(x.forms) & _VIOLATE or x.norm in _VIOLATE
                                     for x in toks[max(0, mt.i - 6):mt.i]):
        return True
    if mt.i > 0 and set(toks[mt.i - 1].forms) & _ZONE:
        return True  # "منطقة حظر الطيران": the name of a zone, not a ban imposed now
    if t.pos == "v" and toks[mt.i].norm.startswith(("صادر", "الصادر")) and (
            (mt.j < len(toks) and toks[mt.j].norm == "عن")
            or (mt.i > 0 and set(toks[mt.i - 1].forms) & _ISSUED)):
        return True  # "بيان صادر عن"، "في بيان صادر مساء اليوم": issued, not confiscated
    if t.pos == "v" and mt.i > 1 and toks[mt.i - 1].norm in _AS and not mt.prefix and toks[mt.i - 2].is_word \
            and t.form_kind == "present":
        # "لم يسحب المدفعية كما يطالب الاتفاق": "as X requires" inside a clause, a comparison, not an act
        # (a clause opening on كما is "also": "كما دعا البيان إلى")
        return True
    if t.type in ("REJECT", "REQUEST") and any(set(x.forms) & _IDENTITY for x in toks[mt.j:mt.j + 4]):
        return True  # "المصدر الذي رفض الكشف عن اسمه"، "طلب عدم ذكر هويته": a source's anonymity
    return t.roles == "guest" and mt.j < len(toks) and bool(set(toks[mt.j].forms) & _CARGO)


_AS = {fold("كما"), fold("مثلما")}
# a pronoun that takes up a place antecedent in its relative clause ("التي قصفت منها")
_RESUMPTIVE = {fold(w) for w in ("منها", "منه", "فيها", "فيه", "عليها", "عليه")}
# "وتقاطع المعارضة الانتخابات لأنها تنكر ... بعد انتخابه في 2005": a reason clause has its own times
_BECAUSE = {fold(w) for w in ("لأن", "لأنه", "لأنها", "لأنهم", "لأنهما", "ولأن")}
# "رفض الكشف عن اسمه"، "طلب عدم ذكر هويته": the news idiom of an anonymous source
_IDENTITY = {fold(w) for w in ("اسمه", "اسمها", "أسمائهم", "اسمائهم", "هويته", "هويتها", "هويتهم")}


def _embedded(toks, matches: list[Match], k: int, clause_lo: int) -> bool:  # type: ignore[no-untyped-def]
    """A verbal noun that is the content of a demand, refusal or text rather than a reported act."""
    mt = matches[k]
    if k > 0 and mt.i > 0 and toks[mt.i - 1].norm == _IN_EXCHANGE and _embedded(toks, matches, k - 1, clause_lo):
        return True  # "بالإفراج عن خمس نساء مقابل إطلاق سراح ثلاثة عسكريين": both halves are the demand's terms
    if k > 0 and mt.prefix.lstrip("وف").startswith("ب") and mt.payload.pos != "v":
        # "طالبت جبهة النصرة التي تحتجز ... ، بالإفراج عن": the ب-complement of the last demand in the sentence
        q = k - 1
        while q > 0 and matches[q].i > 0 and toks[matches[q].i - 1].norm in _RELATIVE:
            q -= 1  # skip a relative clause describing the demander ("التي تحتجز ...")
        o = matches[q]
        if o.payload.type in _EMBEDDING_TYPES and o.payload.pos in ("v", "a"):
            return True
        if o.payload.pos != "v" and o.prefix.lstrip("وف").startswith("ب") and o.i >= clause_lo \
                and _embedded(toks, matches, q, clause_lo):
            return True  # "يطالبون بانسحاب حزب الله ... وبالإفراج عن": a second term of the same demand
    if mt.payload.pos != "v" or mt.payload.form_kind == "":
        # a verbal noun (or a bare past-tense form, often the noun: "حظر طيران") right after a demand
        for o in matches[:k]:
            embeds = o.payload.type in _EMBEDDING_TYPES or (o.payload.type == "ACCUSE" and o.payload.mode == "allege")
            if embeds and o.i >= clause_lo and 0 <= mt.i - o.j <= _EMBED_WINDOW \
                    and not (mt.payload.pos == "v" and mt.prefix.startswith("و")):
                return True
    for t in toks[max(clause_lo, mt.i - 6):mt.i]:
        if t.norm in _CONTENT_VERBS or set(t.forms) & _CONTENT_VERBS:
            return True
    if mt.payload.pos != "v" and any(set(t.forms) & _OBLIGATION for t in toks[max(clause_lo, mt.i - 3):mt.i]):
        return True  # "ينبغي إطلاق سراح الصحافي"، "ضرورة وقف القصف": what should happen, not what did
    if mt.i > 1 and toks[mt.i - 1].norm == "في" and not mt.prefix \
            and any(set(t.forms) & _RIGHT for t in toks[max(clause_lo, mt.i - 4):mt.i - 1]):
        return True  # "دافع البيت الأبيض عن حق تركيا في ضرب حزب العمال": a right to act, not an act
    return any(t.norm == _NEG_NOUN for t in toks[max(clause_lo, mt.i - 4):mt.i])


_GAP = 5


# "وصل أربيل بعد زيارة لبغداد": a verbal noun after بعد/قبل is an event of its own, not the verb's object
_TEMPORAL_PREPS = {fold(w) for w in ("بعد", "قبل", "عقب", "إثر", "اثر", "خلال", "منذ", "أثناء", "اثناء")}


# "بعد ساعات على تفجيرات"، "قبل أيام من الهجوم": an earlier or later act, told beside the main one
_SEQUENCE_PREPS = {fold(w) for w in ("بعد", "قبل", "عقب", "إثر", "اثر")}
_LAPSE = {fold(w) for w in ("ساعات", "ساعة", "ساعتين", "أيام", "يوم", "يومين", "أسابيع", "أسبوع", "أسبوعين", "أشهر",
                            "شهر", "شهرين", "دقائق")}


def _after_prior(toks, mt: Match) -> bool:  # type: ignore[no-untyped-def]
    """A verbal noun placed in time against the main clause: "بعد ساعات على تفجيرات"، "قبل أيام من الهجوم"."""
    if mt.i < 3 or toks[mt.i - 1].norm not in ("علي", "من"):
        return False
    return toks[mt.i - 2].norm in _LAPSE and toks[mt.i - 3].norm.lstrip("و") in _SEQUENCE_PREPS


def _drop_objects_of_verbs(toks, matches: list[Match]) -> list[Match]:  # type: ignore[no-untyped-def]
    """"وقعت مصر والسودان اتفاقية"، "عقد الوزراء اجتماعا": a verbal noun of the same type a few words after
    its verb is the verb's object, not a second event."""
    out: list[Match] = []
    for mt in matches:
        t = mt.payload
        if t.pos == "n" and any(o.payload.type == t.type and o.payload.pos in ("v", "p") and 0 < mt.i - o.j <= _GAP
                                for o in out) and not (mt.i > 0 and toks[mt.i - 1].norm in _TEMPORAL_PREPS):
            continue
        if t.type == "ASSAULT" and t.pos in ("n", "p") and any(
                o.payload.type == "ASSAULT" and o.payload.pos == "v" and mt.i == o.j for o in out):
            continue  # "قتل انفجار عبوة ناسفة خمسة جنود": the blast is the killing verb's subject
        # "تعهدت اليابان بتقديم مساعدات": the aid is what the pledge promises (one AGREE, not AID)
        if t.pos == "n" and t.type in _COOPERATIVE and any(
                o.payload.type == "AGREE" and o.payload.pos == "v" and 0 < mt.i - o.j <= 3 for o in out):
            continue
        if t.roles == "charge" and any(o.payload.type in _VERBAL and 0 < mt.i - o.j <= _GAP + 2 for o in out):
            continue  # "رفض مصر الكامل للتدخل الإيراني"، "أدانت التدخل": the verb's object, charged by the verb
        out.append(mt)
    return out


_COOPERATIVE = {"AID", "COOPERATE", "SUPPORT", "CONSULT"}


def _with_gapped(lex: TriggerLexicon, doc: Document, sent: Sentence, matches: list[Match]) -> list[Match]:
    """Add support-verb triggers whose noun stands apart: "قطعت البحرين علاقاتها"، "نشر الجيش قوات".

    The verb is the trigger; its object noun must follow within a few words. A noun already coded by
    its own trigger (عقوبات، غارات) keeps that event: the verb then adds nothing.
    """
    if lex.gapped.size == 0:
        return matches
    toks = doc.tokens
    taken = {i for mt in matches for i in range(mt.i, mt.j)}
    covered: set[int] | None = None
    extra: list[Match] = []
    hosts = {mt.i for mt in matches if mt.payload.roles == "host" and mt.j == mt.i + 1}
    for g in lex.gapped.find_all(toks, sent.tok_start, sent.tok_end):
        if g.i in taken and g.i not in hosts:
            continue  # ("استضافت الجزائر مؤتمرا": hosting a gathering, not a guest, reads the construction)
        if covered is None:
            covered = {k for m in doc.mentions if sent.start <= m.start < sent.end and "tok" in m.extra
                       for k in range(*m.extra["tok"])}
        found = None
        # the noun stands within a few words; a time expression or a comma in between does not count
        # ("قضت محكمة جنايات الإسكندرية أمس السبت، ببراءة")
        # (the subject's words do not count: "نوه رئيس هيئة الأركان العامة في اليمن اللواء محمد المقدشي بالدور")
        limit, words = g.j, 0
        while limit < sent.tok_end and words <= _GAP:
            if toks[limit].is_word and not _timeword(doc, limit) and limit not in covered:
                words += 1
            limit += 1
        for k in range(g.j, limit):
            for trig, nouns in g.payload:
                if set(toks[k].forms) & nouns or (toks[k].norm.endswith("ا") and toks[k].norm[:-1] in nouns):
                    found = (k, trig)
                    break
            if found:
                break
        if found is not None:
            # the support verb reads the construction; a trigger on its noun (حظرا، عقوبات) gives way to it,
            # except a protest broken up ("فرقت الشرطة مظاهرة نظمها ناشطون"): the protest is an event too
            # and an exercise named as such ("مناورات عسكرية") stays one when no partner shares it
            shared = found[1].type == "COOPERATE" and len(
                {m.code for m in doc.mentions if m.code and "tok" in m.extra and g.j <= m.extra["tok"][0] < found[0]}) >= 2
            matches = [mt for mt in matches if mt.i != g.i and not (
                mt.i <= found[0] < mt.j and not (found[1].mode == "crowd-control" and mt.payload.type == "PROTEST")
                and not (found[1].type == "COOPERATE" and mt.payload.type == "MOBILIZE" and not shared))]
            extra.append(Match(g.i, g.j, found[1], g.prefix, g.start, g.end, noun=found[0]))
    return sorted(matches + extra, key=lambda m: m.i) if extra else matches


# verbs whose folded forms are common words without the hamza: برأ (acquitted) / برا (by land)
_HAMZA_LEMMAS = {fold("برأ")}


def _hamza_clash(doc: Document, mt: Match) -> bool:
    """A trigger of a hamzated verb written without any hamza ("برا": by land, not "برأ": acquitted)."""
    if fold(mt.payload.lemma) not in _HAMZA_LEMMAS:
        return False
    raw = doc.text[mt.start:mt.end]
    return not any(c in raw for c in "أإئؤء")


def _ta_marbuta_clash(toks, mt: Match) -> bool:  # type: ignore[no-untyped-def]
    """رحلة is not رحل + ه: a pronoun-suffixed form must not end in a written ta marbuta."""
    if mt.payload.form_kind not in ("object", "possessive"):
        return False
    return ends_in_ta_marbuta(toks[mt.j - 1].text)


def _home(doc: Document) -> str | None:
    """The article's home country; towns and regions named in it count with its actors' countries
    (an article on raids in West Bank towns that names "the occupation forces" more often is Palestinian)."""
    from rasid.actors.mentions import home_country

    if doc.article.dateline is not None or not doc.places:
        return home_country(doc)
    counts = dict(doc.countries)
    for p in doc.places:
        if p.resolution in ("city", "province") and p.country_code:
            counts[p.country_code] = counts.get(p.country_code, 0) + 1
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else None


def _gov(doc: Document, m: Mention) -> str:
    """The preposition governing a mention: its own proclitic (ب/ل/ك) or the word before it; a conjunct
    ("للنظام السوري وحزب الله") is governed like the first member."""
    raw = m.extra.get("prefix") or ""
    if raw.lstrip("وف"):
        return _proclitic(raw)
    if raw == "و" and m.extra.get("conjunct_prefix"):
        return m.extra["conjunct_prefix"].lstrip("وف")[-1]  # marked by the actor layer (mentions._governed_conjuncts)
    if raw == "و" and m.extra.get("conjunct_gov"):
        return m.extra["conjunct_gov"]
    i = m.extra["tok"][0]
    if i > 0 and not _HONORIFICS.isdisjoint(doc.tokens[i - 1].forms):
        # "برقية تهنئة لفخامة الرئيس"، "بعث إلى جلالة الملك": the honorific carries the preposition
        w = doc.tokens[i - 1]
        pre = next((p for f, p in zip(w.forms, w.prefixes, strict=False) if f in _HONORIFICS), "")
        if pre.lstrip("وف"):
            return _proclitic(pre)
        if i > 1 and doc.tokens[i - 2].norm in _PREP_WORDS:
            return doc.tokens[i - 2].norm
    if i > 0:
        w = doc.tokens[i - 1]
        if _partitive(doc, i) or (i > 1 and w.norm == "من" and doc.tokens[i - 2].norm in _UNITS):
            return ""  # partitive: "عدد من الكويتيين" is the object itself; "قوة من الجيش" the army
        if i > 1 and w.norm == "من" and doc.tokens[i - 2].norm in (_KULL_MIN[0], _KULLAN):
            return ""  # "استقبل كلا من محافظ صنعاء ومحافظ مأرب": the list itself
        if w.norm.endswith(_ABARA) and (s := doc.sentence_of(w.start)) is not None and s.tok_start == w.index \
                and any(f == _ABARA and not p.strip("وف") for f, p in zip(w.forms, w.prefixes, strict=False)):
            return ""  # "(و)عبر مبعوث الأمم المتحدة عن قلقه": the sentence-opening verb (expressed), not "via"
        if w.norm in _PREP_WORDS:
            return w.norm
        if set(w.forms) & _CUES:
            return "cue"
        if w.norm in _DIRECTIONS:
            return "dir"
        for f, p in zip(w.forms, w.prefixes, strict=False):
            if p.strip("وف") == "" and f in _PREP_WORDS:
                return f
    return ""


def _proclitic(prefix: str) -> str:
    """The preposition of a word's proclitics: "وب" → ب, "لل" → ل; "ك" kept, others as peeled."""
    pre = prefix.lstrip("وف")
    return pre[-1] if pre and pre[-1] in "بلك" else pre


_COUNT_WORDS = _NUMBER_WORDS | {fold(w) for w in ("نحو", "حوالي", "أكثر", "اكثر", "قرابة", "عدد")}
# honorifics before a title ("فخامة الرئيس"، "جلالة الملك"، "معالي الوزير"): they carry its preposition
_HONORIFICS = {fold(w) for w in ("فخامة", "جلالة", "سمو", "معالي", "سعادة", "دولة", "حضرة")}


def _passive_count(doc: Document, f: Frame) -> bool:
    """The verb is followed (after time words) by a number or a count word: "قتل أمس ستة"، "قتل 13 شخصا"."""
    toks = doc.tokens
    if f.match.i > 0 and toks[f.match.i - 1].norm in _PREP_WORDS:
        return False  # "تمكنت من قتل 12 عنصرا": a verbal noun after a preposition, active
    k = f.match.j
    # skip what the time layer read as a time expression ("قتل أمس ستة"، "قتل الخميس 13") and commas
    spans = [(t.start_char, t.end_char) for t in doc.times if t.end_char > toks[k - 1].end]
    while k < f.sent.tok_end and (toks[k].norm in ("،", ",", "آنذاك", "حينها")
                                  or any(a <= toks[k].start < b for a, b in spans)):
        k += 1
    if k < f.sent.tok_end and set(toks[k].forms) & _BLASTS:
        # "قتل تفجيران انتحاريان 13 شخصا": the blast is the subject; skip it and its adjectives to the count
        k += 1
        while k < f.sent.tok_end and (toks[k].norm in _BLAST_ADJ or set(toks[k].forms) & _BLASTS):
            k += 1  # "انفجار عبوة ناسفة"
    if k < f.sent.tok_end and toks[k].norm in _ONE_VICTIM and not toks[k].prefixes[1:]:
        return True  # "قتل جندي تركي في تبادل لإطلاق النار": one indefinite soldier or civilian was killed (قُتل)
    return k < f.sent.tok_end and (toks[k].norm.isdigit() or toks[k].norm in _COUNT_WORDS)


# indefinite singular victims after a killing verb: the verb is passive ("قتل جندي"، "قتل مدني")
_ONE_VICTIM = {fold(w) for w in ("جندي", "شرطي", "عسكري", "مدني", "ضابط", "طفل", "صحفي", "مواطن", "شخص", "رجل",
                                 "امرأة", "سائح", "مهاجر", "لاجئ")}


# blasts that stand as a killing verb's subject: the attackers stay unnamed
_BLASTS = {fold(w) for w in ("تفجير", "تفجيران", "تفجيرات", "انفجار", "انفجاران", "انفجارات", "هجوم", "هجومان",
                             "قصف", "غارة", "غارات", "عبوة", "قذيفة", "قذائف", "صاروخ")}
_BLAST_ADJ = {fold(w) for w in ("انتحاري", "انتحاريان", "انتحاريين", "انتحارية", "ناسفة", "مفخخة", "جوية",
                                "صاروخي", "مسلح", "إرهابي", "إرهابيان")}


_UNDERGO = {fold(w) for w in ("تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضوا", "وتعرض", "وتعرضت",
                               # "أصيب 18 مجندا في انفجار عبوة": the wounded were its target
                               "أصيب", "أصيبت", "أصيبوا", "وأصيب", "وأصيبت", "وأصيبوا", "جرح", "وجرح")}


def _undergoes(doc: Document, f: Frame, m: Mention | None) -> bool:
    """"تعرض X لمحاولة اغتيال"، "تعرضت القافلة لهجوم": X is the target of the attack named after تعرض."""
    toks = doc.tokens
    lo = min(_tok(m)[0], f.match.i) if m is not None else f.match.i - 4
    # (counted victims may stand between: "أصيب 12 جنديا من الجيش المصري في انفجار")
    return any(toks[k].norm in _UNDERGO or set(toks[k].forms) & _UNDERGO for k in range(max(f.clause[0], lo - 5),
                                                                                       f.match.i))


_DIED = (fold("لقي"), fold("لقوا"), fold("لقيت"), fold("ولقي"), fold("استشهد"), fold("واستشهد"), fold("يستشهد"))
_ATTACK_NOUNS = {fold(w) for w in ("هجوم", "هجمات", "كمين", "قصف", "غارة", "غارات", "تفجير", "صاروخ", "بصاروخ")}


# verbs of saying that open a sentence with no subject of their own ("واعتبر أن ..."، "وأضاف أن ...")
_PRO_DROP_SAYING = {fold(w) for w in ("اعتبر", "واعتبر", "أضاف", "وأضاف", "اضاف", "واضاف", "أكد", "وأكد", "اكد",
                                      "واكد", "قال", "وقال", "شدد", "وشدد", "أوضح", "وأوضح", "رأى", "ورأى")}
# "في شؤون"، "في الشأن الداخلي": what an interference charge names
_AFFAIRS = {fold(w) for w in ("شؤون", "الشؤون", "شئون", "الشئون", "شأن", "الشأن", "شؤونها", "شؤونه", "شؤونهم",
                              "شئونها", "شئونه")}
# "عدم التدخل في الشؤون الداخلية": a principle affirmed, not a charge
_PRINCIPLE = {fold(w) for w in ("عدم", "مبدأ", "مبدا", "احترام", "بعدم")}
# "تصريحات X تمثل تدخلا": the copula whose subject is the interference charged
_CONSTITUTES = {fold(w) for w in ("تمثل", "يمثل", "تعد", "يعد", "تعتبر", "يعتبر", "تشكل", "يشكل", "اعتبر",
                                  "اعتبرت", "وصف", "وصفت")}


# "قذائف أطلقها الحوثيون"، "مقذوف أطلقته الميليشيات": the subject of these verbs fired the projectile
_FIRED = {fold(w) for w in ("أطلقها", "أطلقه", "أطلقته", "أطلقتها", "أطلقوها", "أطلقوه", "أطلقت", "أطلق")}


def _fire_roles(doc: Document, f: Frame, before: list[Mention], after: list[Mention]) -> None:
    """Projectiles or gunfire that fell on or befell a target ("سقطت قذائف أطلقها X على Y"، "تعرض Y لقذائف
    من X"، "لإطلاق نار من طرف X"): the target is the one named between تعرض and the fire, or after على; the
    side that fired is marked (من قبل، على يد)، comes from somewhere (من الأراضي اليمنية)، is the subject of
    أطلقها، or is the nationality adjective of the projectile (مقذوفات حوثية). Nobody else (not the one
    reporting it) is the actor."""
    toks = doc.tokens
    mt = f.match
    agent: Mention | None = None
    for m in after:
        i = _tok(m)[0]
        if i - mt.j > 10:
            break
        if _agent_marker(doc, m) or _fire_origin(doc, m, mt.j) or (
                i == mt.j and _adjective_mention(doc, m) and m.code) or (
                any(set(toks[k].forms) & _FIRED for k in range(max(mt.j, i - 2), i))):
            agent = m
            break
    target: list[Mention] = []
    befell = [k for k in range(f.clause[0], mt.i) if toks[k].norm in _UNDERGO or set(toks[k].forms) & _UNDERGO]
    if befell:
        # the one named after تعرض / أصيب and before the fire ("وأصيب 50 آخرون جراء سقوط صاروخ": nobody named)
        target = [m for m in before if _tok(m)[0] > befell[-1] and m is not agent][-1:]
    else:
        target = [m for m in after if m is not agent and _gov(doc, m) == "علي" and _tok(m)[0] - mt.j <= 12][:1]
    f.actor = [agent] if agent is not None else []
    f.recipient = [m for m in target if agent is None or m.code != agent.code or m.sector != agent.sector]


def _charge_roles(doc: Document, f: Frame, before: list[Mention], after: list[Mention],
                  last: Frame | None = None) -> None:
    """An interference charge ("أكد الوزير أن التدخلات الإيرانية في شؤون البحرين مرفوضة"، "تصريحات المرشد
    الإيراني تمثل تدخلا في شؤون المملكة"): the speaker accuses the interfering side (PLOVER ACCUSE).

    The charge needs its "في شؤون" complement and is no charge when a principle is stated ("عدم التدخل"). A threat
    noun after a copula ("التمرد ... يعد تهديدا") is charged the same way, with no complement needed."""
    toks = doc.tokens
    mt = f.match
    sb = f.sent.tok_end
    if mt.i > 0 and (toks[mt.i - 1].norm in _PRINCIPLE or set(toks[mt.i - 1].forms) & _PRINCIPLE):
        return
    copula = mt.i > 0 and bool(set(toks[mt.i - 1].forms) & (_CONSTITUTE | _CONSTITUTES))
    k = next((q for q in range(mt.j, min(sb, mt.j + 4)) if toks[q].norm == "في"), None)
    if f.trigger.type == "ACCUSE" and f.match.payload.type == "THREATEN":
        k = mt.j  # "تعد تهديدا": the charge needs no "في شؤون"
    elif k is None or k + 1 >= sb or not set(toks[k + 1].forms) & _AFFAIRS:
        return
    speaker = _opening_subject(doc, f) or _speaker_of(doc, f.sent)
    first = next((t for t in toks[f.sent.tok_start:mt.i] if t.is_word), None)
    if speaker is None and first is not None and set(first.forms) & _PRO_DROP_SAYING:
        # "واعتبر أن التمرد ... يعد تهديدا": a verb of saying with no subject goes on with the last speaker
        speaker = (last.actor[0] if last is not None and last.actor else None) or (
            _speaker_of(doc, doc.sentences[f.sent.index - 1]) if f.sent.index > 0 else None)
    if speaker is None:
        speaker = next((m for m in before if m.code and _gov(doc, m) == ""), None)
    if speaker is None:
        return
    # the interfering side: an adjective or genitive right after the noun (التدخلات الإيرانية، تدخل إيران),
    # else the subject of a copula before it (تصريحات المرشد الإيراني تمثل تدخلا)
    accused = next((m for m in after if _tok(m)[0] < k and m.code), None)
    if accused is None and copula:
        # ("إن التصريحات تعكس الموقف العدائي لإيران ... وتمثل تدخلا"): the nearest other side named before
        accused = next((m for m in reversed(before) if m.code and m is not speaker
                        and (m.code != speaker.code or m.sector not in (speaker.sector, None))), None)
    if accused is None or (accused.code == speaker.code and (accused.sector == speaker.sector
                                                              or None in (accused.sector, speaker.sector))):
        return  # (a government may charge its own rebels: "التمرد الذي تقوده جماعة الحوثي يعد تهديدا")
    f.actor, f.recipient = [speaker], [accused]


def _oblique_plural(doc: Document, m: Mention) -> bool:
    """A group named by a sound masculine plural in its oblique form ("المتمردين"، "الحوثيين"، "المسلحين"):
    after a verb it is the object, where a subject would read -ون."""
    if m.kind in ("country", "capital", "name", "person", "place") or m.name is not None:
        return False
    w = doc.tokens[_tok(m)[0]]
    word = w.forms[-1] if w.forms else w.norm
    return word.startswith("ال") and word.endswith("ين") and len(word) >= 7


def _attacker(doc: Document, m: Mention) -> bool:
    """"في هجوم لمسلحين"، "في غارة للتحالف": the author of the attack named after an attack noun (ل or genitive)."""
    i = m.extra["tok"][0]
    pre = (m.extra.get("prefix") or "").lstrip("وف")
    return i > 0 and pre in ("", "ل") and bool(set(doc.tokens[i - 1].forms) & _ATTACK_NOUNS)


def _adjective_mention(doc: Document, m: Mention) -> bool:
    """A nationality or movement adjective ("إسرائيلية"، "حوثي"), not a name ("حزب العمال")."""
    i, j = _tok(m)
    if m.kind == "nisba":
        return True
    return m.kind in ("org", "group") and j - i == 1 and doc.tokens[i].norm.endswith(("ي", "يه"))


def _noun_adjective(doc: Document, m: Mention, after: int) -> bool:
    """"وندد بالدعم العسكري الإيراني": a country adjective after a definite noun (or one with ب/ل) describes
    that noun; it is not the verb's subject."""
    i = _tok(m)[0]
    if m.kind != "nisba" or i <= after:
        return False
    # the noun it describes (between the verb and the adjective) is governed by ب / ل or a preposition
    # ("اتفق القادة الأردنيون": the leaders are the subject, so their adjective stands for them)
    if any(t.norm in _PREP_WORDS or any(p.strip("وف") in ("ب", "ل") for p in t.prefixes if p)
           for t in doc.tokens[after:i]):
        return True
    # "ويحظر القانون الأمريكي على الحكومة": the adjective of a definite thing right before it (no actor)
    prev = doc.tokens[i - 1]
    return i - 1 >= after and prev.norm.startswith("ال") and prev.norm in _THINGS


def _l_object_follows(doc: Document, m: Mention) -> bool:
    """The word right after the mention (or after its adjectives) carries ل: "المستوطنين المتطرفين لمنزلهم"."""
    toks = doc.tokens
    j = _tok(m)[1]
    for k in range(j, min(len(toks), j + 2)):
        pre = next((p for p in toks[k].prefixes if p), "").lstrip("وف")
        if pre.endswith("ل") and not toks[k].norm.startswith("لل"):
            return True
        if not toks[k].norm.startswith("ال"):
            return False
    return False


def _same_plural_case(doc: Document, a: Mention, b: Mention) -> bool:
    """a's last word and b's first word are sound masculine plurals in the same case (-ون / -ون, -ين / -ين)."""
    wa, wb = doc.tokens[_tok(a)[1] - 1].norm, doc.tokens[_tok(b)[0]].norm
    return len(wa) >= 5 and len(wb) >= 5 and wa[-2:] == wb[-2:] and wa[-2:] in ("ون", "ين")


def _apposed(doc: Document, a: Mention, b: Mention) -> bool:
    """b follows a with only quotes, brackets or a dash between: an apposition (the same actor)."""
    gap = doc.text[a.end:b.start]
    return _tok(b)[0] >= _tok(a)[1] and len(gap) <= 4 and gap.strip() in ("«", '"', "(", "-", "–", "“", "")\
        and gap.strip() != "" and b.code in (a.code, None)


def _partitive(doc: Document, i: int) -> bool:
    """The mention at token i follows "عدد من"، "18 عنصرا من": the counted people themselves."""
    toks = doc.tokens
    return i > 1 and toks[i - 1].norm == "من" and (toks[i - 2].norm in _QUANT or toks[i - 2].norm.isdigit())


# "سبعة أهداف لحزب العمال"، "مواقع للحوثيين": the owner of the targets is the one attacked
_TARGET_NOUNS = {fold(w) for w in ("أهداف", "اهداف", "هدفا", "مواقع", "موقع", "مقرات", "مقر", "مخازن", "معسكرات",
                                   "معسكر", "تجمعات", "تحصينات", "آليات", "مركبات", "عناصر", "قواعد", "مراكز")}


def _target_genitive(doc: Document, m: Mention) -> bool:
    i = m.extra["tok"][0]
    pre = (m.extra.get("prefix") or "").lstrip("وف")
    return pre.endswith("ل") and i > 0 and bool(set(doc.tokens[i - 1].forms) & _TARGET_NOUNS)


def _is_actor(doc: Document, m: Mention) -> bool:
    """Capitals and country names after a locative preposition are places, not actors."""
    g = _gov(doc, m)
    if m.kind == "capital" and g:
        return False  # في موسكو / العاصمة طهران: a place
    i0 = m.extra["tok"][0]
    if m.kind == "capital" and i0 > 0 and set(doc.tokens[i0 - 1].forms) & _NAMED_AFTER_CITY:
        return False  # "بيان جنيف 1"، "مؤتمر فيينا"، "مسار أستانة": the city names a text or a meeting, no party
    if m.kind in ("name", "country") and g in ("في", "داخل", "dir"):
        return False
    i = m.extra["tok"][0]
    if i > 0 and doc.tokens[i - 1].norm in _ACCORDING:
        return False  # "بحسب المنظمة"، "وفقا للشرطة": the source of the report, not a participant
    if m.kind == "nisba" and any(p.end <= m.start and not doc.text[p.end:m.start].strip() and p.country_code == m.code
                                 for p in doc.places):
        return False  # "قرب مدينة حلب السورية": the adjective of a place, no participant
    if i > 0 and fold(m.text).startswith(_SUICIDE) and (
            doc.tokens[i - 1].norm.endswith(("ان", "ين")) or set(doc.tokens[i - 1].forms) & _ATTACK_NOUNS):
        return False  # "قتل تفجيران انتحاريان 13 شخصا": the adjective of the bombings, not the bombers
    return True


_NAMED_AFTER_CITY = {fold(w) for w in ("بيان", "البيان", "اتفاق", "اتفاقية", "مؤتمر", "إعلان", "اعلان", "مفاوضات",
                                         "محادثات", "مباحثات", "قمة", "مسار", "عملية", "معاهدة", "وثيقة", "جولة",
                                         "اتفاقات", "اتفاقيات", "مقررات", "تفاهمات", "مبادرة")}
# words that introduce the source of a report
_ACCORDING = {fold(w) for w in ("بحسب", "وبحسب", "حسب", "وحسب", "وفق", "وفقا", "ووفقا", "طبقا", "وطبقا", "نقلا")}


def _tok(m: Mention) -> tuple[int, int]:
    return m.extra["tok"]


def _roles(doc: Document, f: Frame, ments: list[Mention], prev: list[Frame], last: Frame | None,
           home: str | None) -> None:
    toks = doc.tokens
    mt, trig = f.match, f.trigger
    a, b = f.clause
    sa, sb = f.sent.tok_start, f.sent.tok_end
    after = [m for m in ments if _tok(m)[0] >= mt.j and _tok(m)[0] < min(sb, f.next_trigger)]
    before = [m for m in ments if _tok(m)[1] <= mt.i and _tok(m)[0] >= sa]
    inside = [m for m in ments if _tok(m)[0] >= mt.i and _tok(m)[1] <= mt.j]
    roles = trig.roles
    rule = f"{trig.type.lower()}.{trig.pos}.{roles}"

    def free(m: Mention) -> bool:
        return _gov(doc, m) == ""

    subj: Mention | None = None
    obj: list[Mention] = []
    if roles == "charge":
        _charge_roles(doc, f, before, after, last)
        f.rule = rule
        return
    if roles == "fire":
        _fire_roles(doc, f, before, after)
        f.rule = rule if f.actor else rule + ".passive"  # an unnamed side fired: inferred as for passives
        return
    if trig.type == "REJECT" and trig.pos == "p" and fold(trig.lemma) == _NO_TRUTH:
        # "قال المتحدث ... إن الاتهامات السعودية عارية عن الصحة": the speaker denies what another side said (the
        # claim's adjective or genitive between them; else the last accusation, found later)
        speaker, says = _quoted_speaker(doc, f, before)
        f.actor = [speaker] if speaker is not None else []
        f.recipient = [m for m in before if speaker is not None and _tok(m)[0] >= max(_tok(speaker)[1], says or 0)
                       and m.code and m.code != speaker.code][:1]
        f.rule = rule + ".speaker"
        f.flags.discard("embedded")  # (the claim denied is the phrase's subject, not a clause around it)
        return
    if _first_person(doc, f):
        # "وقال المتحدث: ندين الهجوم"، "نطالب الحكومة العراقية باتخاذ ...": "we" are the one quoted
        speaker, _ = _quoted_speaker(doc, f, before)
        if speaker is None:
            for back in (1, 2):
                if f.sent.index - back >= 0 and (
                        speaker := _speaker_of(doc, doc.sentences[f.sent.index - back])) is not None:
                    break
        govs = _OBJ_GOV.get(roles, {""})
        f.actor = [speaker] if speaker is not None else []
        f.recipient = [m for m in after if _tok(m)[0] - mt.j <= 6 and _gov(doc, m) in govs
                       and (speaker is None or m.code != speaker.code or m.sector != speaker.sector)][:1]
        if not f.recipient:
            f.actor = []  # "ثم نرحل" (then we leave): "we" act on no one named
        f.rule = rule + ".first-person"
        return
    # "بين X و Y" right after the trigger
    if mt.j < sb and toks[mt.j].norm == _BETWEEN or (mt.j + 1 < sb and toks[mt.j + 1].norm == _BETWEEN
                                                     and trig.pos != "v"):
        pair = [m for m in after if _tok(m)[0] <= mt.j + 12][:2]
        if len(pair) == 2:
            f.actor, f.recipient, f.rule = [pair[0]], [pair[1]], rule + ".between"
            return
        if _reciprocal_after(doc, mt.j, sb):
            _reciprocal(f, prev, last, doc)
            f.rule = rule + ".between-reciprocal"
            return
    if trig.pos in ("n", "p") and any(toks[q].norm in _RECEIVED or set(toks[q].forms) & _RECEIVED
                                      for q in range(max(f.clause[0], mt.i - 8), mt.i)):
        # "تلقى الرئيس المصري برقية تهنئة من نظيره الجزائري"، "تلقى اتصالا هاتفيا من": the sender after من
        # acts; the one who received is the recipient
        sender = next((m for m in after if _tok(m)[0] - mt.j <= 8 and _gov(doc, m) == "من"), None)
        receiver = next((m for m in reversed(before) if _gov(doc, m) == "" and _tok(m)[0] >= f.clause[0]), None)
        if sender is not None and receiver is not None:
            f.actor, f.recipient, f.rule = [sender], [receiver], rule + ".received"
            return
    if trig.pos in ("n", "p") and mt.j < sb and set(toks[mt.j].forms) & _RECEIVED_IT:
        # "خلال اتصال هاتفي تلقاه الملك سلمان من الرئيس التركي": the one named after تلقاه received it
        receiver = next((m for m in after if 0 < _tok(m)[0] - mt.j <= 2 and _gov(doc, m) == ""), None)
        sender = next((m for m in after if _tok(m)[0] - mt.j <= 10 and _gov(doc, m) == "من"), None)
        if sender is not None and receiver is not None:
            f.actor, f.recipient, f.rule = [sender], [receiver], rule + ".received"
            return
    if trig.type in ("AGREE", "CONSULT") and trig.pos in ("n", "p"):
        # "اتفاق فيينا المبرم في 14 تموز بين إيران والدول الست": the parties after a participle and a date
        k = _parties_after(toks, mt, sb)
        if k is not None:
            # (the signing verb of a relative clause may stand between: "الاتفاق الذي وقع في 14 يوليو بين")
            pair = [m for m in ments if k < _tok(m)[0] <= k + 12 and _tok(m)[0] < sb][:2]
            if len(pair) == 2 and not (pair[1].extra.get("prefix") or "").startswith("و"):
                pair = pair[:1]  # the second party is joined by و ("بين إيران والقوى الكبرى داعين الكونغرس")
            if len(pair) == 2:
                f.actor, f.recipient, f.rule = [pair[0]], [pair[1]], rule + ".between"
                return
    if (trig.mode == "firearms" or trig.type == "COOPERATE") and trig.pos in ("n", "p"):
        # "مواجهات عنيفة تشهدها مديريات جبل صبر بين مليشيات صالح والمقاومة": the sides after بين
        for k in range(mt.j, min(b, mt.j + 12)):
            if toks[k].norm == _BETWEEN:
                pair = [m for m in after if k < _tok(m)[0] <= k + 12][:2]
                if len(pair) == 2:
                    f.actor, f.recipient, f.rule = [pair[0]], [pair[1]], rule + ".between"
                    return
                break
    if trig.pos == "v" and roles == "patient" and _after_done(doc, f):
        # "تم، الثلاثاء، طرد مواطنة أسترالية": after تم the verb's spelling is its verbal noun, a passive: what
        # follows underwent it; the agent only where marked
        agent = [m for m in after if _tok(m)[0] - mt.j <= 12 and _agent_marker(doc, m)]
        f.actor = agent[:1]
        f.recipient = [m for m in after if _tok(m)[0] - mt.j <= 3 and m not in agent][:1]
        f.rule = rule + ".passive"
        return
    pair = _dual_subject(doc, f, before) if trig.pos == "v" and trig.type in _SYMMETRIC else None
    if pair is not None:
        # "إن إسرائيل والولايات المتحدة تجريان محادثات"، "الرئيسان المصري والسوداني يلتقيان": a dual verb after
        # two coordinated parties has them both as its subject
        f.actor, f.recipient, f.rule = [pair[0]], [pair[1]], rule + ".dual"
        return
    plu = _pluperfect_subject(doc, f, before)
    rel = _relative_antecedent(doc, f, before) if plu is None else None
    shared = _shared_subject(doc, f, prev) if trig.pos == "v" else None
    if shared is not None and prev and any(free(m) and (_tok(m)[0] == mt.j or (
            _tok(m)[0] == mt.j + 1 and (_timeword(doc, mt.j) or set(toks[mt.j].forms) & _MEMBERS))) for m in after):
        shared = None  # "واستهدف الطيران ...": a subject right after the verb is its own (a genitive is not:
        # "واستنكرت استغلال الجماعة للأطفال")
    ends_in_prep = toks[mt.j - 1].norm in _PREP_WORDS and mt.j - mt.i > 1
    first_word = toks[mt.i].forms[-1] if mt.prefix else toks[mt.i].norm
    nominal = trig.pos == "n" or (trig.pos == "p" and (first_word.startswith("ال") or first_word.endswith(
        ("ات", "ه", "ين", "ان"))))  # "ضربات جوية"، "مساعدات إنسانية": nominal phrases, no VSO subject
    claimant = _claimant(doc, f, before) if trig.type == "ASSAULT" else None
    departed = _departure(doc, f, before) if trig.type == "CONSULT" and roles == "visit" and trig.pos == "n" \
        else None
    if departed is not None:
        # "غادر الأمير X القاهرة بعد زيارة": the one who leaves was the visitor, the place left the host
        f.actor, f.recipient, f.rule = [departed[0]], [departed[1]], rule + ".departure"
        return
    if trig.form_kind == "participle":
        # "وطالب X بـ ...، داعيا Y إلى": the participle's subject is the main clause's
        main = _main_clause(prev) or (prev[-1] if prev else None)
        if main is not None and not main.actor and main.match.j <= mt.i:
            f.main = main  # an actor the main clause will only get when coded (protesters of the place)
        subj = main.actor[0] if main is not None and main.actor else None if f.main is not None else (
            _opening_subject(doc, f) or next((m for m in before if free(m) and m.code), None))
        if subj is None and mt.i - sa <= 1 and f.sent.index > 0:
            # "قال الحريري: ... . منتقدا خطاب نصرالله": a sentence that opens on the participle goes on the
            # last one, whose speaker is its subject
            subj = _speaker_of(doc, doc.sentences[f.sent.index - 1])
        govs = _OBJ_GOV.get(roles, set())
        obj = [m for m in after if _tok(m)[0] - mt.j <= 6 and _gov(doc, m) in govs][:1]
        if obj and (body := _body_of_title(doc, obj[0], after)) is not None:
            obj = [body]  # "منتقدا خطاب الأمين العام لـ"حزب الله"": the body the title belongs to
        if mt.j < sb and toks[mt.j].norm in _IYYA:
            # "توجهوا إلى رئيس الحكومة، متهمين إياه": the detached pronoun is the last one named
            obj = [m for m in before if m is not subj and m.code and (subj is None or m.code != subj.code
                                                                       or m.sector != subj.sector)][-1:]
        rule += ".participle"
    elif claimant is not None:
        # "تبنى حزب العمال الأربعاء قتل شرطيين": the claimant did it; the noun's genitive is the victim
        subj = claimant
        obj = [m for m in after if _tok(m)[0] - mt.j <= 3][:1]
        rule += ".claim"
    elif trig.pos == "v" and (rel is not None or _after_relative(doc, f)):
        # "الهجمات التي تستهدف المدنيين": the antecedent is the subject, the mention after is the object
        subj = rel
        obj = [m for m in after if _tok(m)[0] - mt.j <= 8][:1]
        if rel is None and obj and free(obj[0]) and 0 <= _tok(obj[0])[0] - mt.j <= 2 \
                and all(toks[q].norm in _RESUMPTIVE for q in range(mt.j, _tok(obj[0])[0])) \
                and (_tok(obj[0])[0] > mt.j or toks[mt.j - 1].norm in _RESUMPTIVE):
            # "مدينة الفيصل التي قصفت منها المليشيات المدينة": the antecedent is a place (منها: from it); the
            # subject follows the verb; so with the trigger's own preposition ("القرار الذي صادق عليه المجلس")
            subj = obj[0]
            obj = _next_participant(doc, after, subj, 10, _OBJ_GOV.get(roles))
        f.flags.add("relative")
        if roles == "patient" and trig.form_kind == "" and rel is not None and not obj \
                and (mt.j >= sb or not toks[mt.j].is_word or toks[mt.j].norm in _PREP_WORDS
                     or _timeword(doc, mt.j)):
            # "الجاسوس الذي اعتقل في 1985": a bare patient verb with nothing after it is passive (اعتُقل):
            # its antecedent underwent it
            subj, obj = None, [rel]
            rule += ".passive"
    elif trig.pos == "v" and (noun := _event_antecedent(doc, f, prev)) is not None:
        # "بعد تفجيرات استهدفت سيارات ناشطين في حماس": a clause describing an indefinite event noun; what it
        # names completes that event, it is no event of its own
        if not noun.recipient:
            noun.recipient = [m for m in after if _tok(m)[0] - mt.j <= 8 and _gov(doc, m) in ("", "في")][:1]
        f.anaphoric = True
        f.rule = rule + ".describes"
        return
    elif plu is not None:
        # "وكان كارتر قد زار بغداد": the subject stands between كان and قد
        subj = plu
        govs = _OBJ_GOV.get("retreat" if trig.type == "RETREAT" else roles, set())
        obj = [m for m in after if _tok(m)[0] - mt.j <= 10 and _gov(doc, m) in govs][:1]
    elif shared is not None:
        # "ندد X بالقرار، واتهم Y بالتدخل": coordinated verbs share the subject; Y is the object
        subj = shared
        govs = _OBJ_GOV.get(roles, set())
        obj = [m for m in after if _tok(m)[0] - mt.j <= 10 and _gov(doc, m) in govs][:1]
    elif ends_in_prep:
        # "القضاء على X"، "ألقت القبض على X": the mention after the preposition is the object
        subj = _subject_before(doc, f, before, prev)
        obj = [m for m in after if _tok(m)[0] - mt.j <= 6][:1]
    elif not nominal and trig.form_kind in ("", "present") and mt.i > sa and toks[mt.i - 1].norm in _THAT_HE \
            and (speaker := _opening_subject(doc, f) or _speaker_of(doc, f.sent)) is not None \
            and _tok(speaker)[1] < mt.i:
        # "قال وزير الخارجية الأمريكي إنه يرفض انتقادات الأمير السعودي": the pronoun after إن is the speaker,
        # the subject; what follows the verb is its object
        subj = speaker
        govs = _OBJ_GOV.get("retreat" if trig.type == "RETREAT" else roles, set())
        obj = [m for m in after if _tok(m)[0] - mt.j <= 10 and _gov(doc, m) in govs and m is not speaker][:1]
        rule += ".speaker"
    elif (svo := _svo_subject(doc, f, before)) is not None and not nominal:
        # "بأن الرئيس الموريتاني استقبل سفير الصين"، "... والولايات المتحدة تطالب": subject before its verb
        subj = svo
        govs = _OBJ_GOV.get(roles, set())
        obj = [m for m in after if _tok(m)[0] - mt.j <= 3 and _gov(doc, m) in govs][:1] or (
            [m for m in after if _tok(m)[0] - mt.j <= 10 and _gov(doc, m) not in ("", "ل")
             and _gov(doc, m) in govs][:1]) or (
            [m for m in after if _tok(m)[0] - mt.j <= 10 and _target_genitive(doc, m)][:1]
            if roles == "patient" else [])
    elif trig.form_kind == "present" and (head := _headline_subject(doc, f, before)) is not None:
        # "الأردن يحذر ... ويستدعي السفير الإسرائيلي": a headline's subject opens the sentence
        subj = head
        govs = _OBJ_GOV.get(roles, set())
        obj = [m for m in after if _tok(m)[0] - mt.j <= 3 and _gov(doc, m) in govs][:1] or (
            [m for m in after if _tok(m)[0] - mt.j <= 10 and _gov(doc, m) not in ("", "ل")
             and _gov(doc, m) in govs][:1])
    elif not nominal:
        # VSO: the first free mention after the verb (close to it) is the subject
        cand = [m for m in after if free(m) and _tok(m)[0] - mt.j <= 6 and _tok(m)[0] < b
                and not _noun_adjective(doc, m, mt.j) and not _construct_genitive(doc, _tok(m)[0], mt.j)]
        if trig.form_kind == "object":
            cand = []  # منحه / سلمته: the suffix is the object; the subject is elsewhere
        released = _release_object(doc, f, after) if trig.type == "RETREAT" and trig.mode == "release" else None
        if released is not None:
            # "أفرج النظام أمس عن سبعة عناصر من مقاتلي الجبهة": the subject stands before عن / سراح, the
            # released (counted or not) after it
            k, obj = released
            cand = [m for m in cand if _tok(m)[0] < k]
            subj = cand[0] if cand else _subject_before(doc, f, before, prev)
            cand = []
        if roles == "patient" and trig.form_kind == "" and trig.pos == "v" and not trig.support \
                and _passive_count(doc, f) \
                and not [m for m in before if 0 <= mt.i - _tok(m)[1] <= 1 and _gov(doc, m) == ""]:
            # "قتل أمس ستة أشخاص": a bare perfect followed by a count is passive (قُتل); the counted are the
            # victims, the agent only where marked (على يد، من قبل)
            agent = [m for m in after if _tok(m)[0] - mt.j <= 12 and (_agent_marker(doc, m) or _attacker(doc, m))]
            subj = agent[0] if agent else None
            obj = [m for m in cand if not _agent_marker(doc, m)][:1]
            cand = []
            rule += ".passive"
        counted = [m for m in cand if _partitive(doc, _tok(m)[0])]
        if roles == "patient" and not cand and released is None:
            counted = cand = [m for m in after if _tok(m)[0] - mt.j <= 8 and _target_genitive(doc, m)][:1]
        if mt.noun is not None and counted and _tok(counted[0])[0] < mt.noun:
            counted = []  # "فتح خمسة عناصر من داعش النار على موقع": the counted stand before the support verb's noun:
            # they act
        if roles == "patient" and counted and counted[0] is (cand[0] if cand else None):
            # "قتل 18 عنصرا من X" / "قُتل عدد من X": counted people after a patient verb are its victims,
            # read actively or passively; the agent is a subject before the verb, if any
            subj = _subject_before(doc, f, before, prev)
            obj = [counted[0]]
            cand = []
        kull = _kull_min(doc, mt.j, b)
        if kull is not None and cand:
            # "استقبل O ... كل من S": the subject comes after كل من, the object before it
            post = [m for m in after if _tok(m)[0] >= kull]
            if post:
                subj, obj = post[0], [cand[0]]
                cand = []
        # "وأشاد بدور مصر"، "وأشاد بموقف دول التحالف": the role of the one named is what is praised
        gap = _tok(cand[0])[0] - mt.j if cand else 0
        praised = bool(cand) and trig.type == "SUPPORT" and 1 <= gap <= 2 \
            and bool(set(toks[mt.j].forms) & _PRAISED_ROLES) \
            and all(not t.prefixes[-1] and t.is_word for t in toks[mt.j + 1:mt.j + gap])
        if cand and roles in ("svo", "patient", "ask") and (praised or _oblique_plural(doc, cand[0]) or (
                (trig.type == "REQUEST" or (trig.type == "ACCUSE" and trig.mode == "allege"))
                and _request_content_follows(doc, cand[0])) or _plural_verb(toks[mt.i], trig)) \
                and _tok(cand[0])[0] == mt.j + (gap if praised else 0) \
                and (mt.prefix.startswith(("و", "ف")) or mt.i == f.sent.tok_start
                     or (mt.i == f.sent.tok_start + 1 and toks[f.sent.tok_start].norm in _AS_WELL)) \
                and (reported := _subject_before(doc, f, before, prev) or _speaker_before(doc, f, last) or (
                    last.actor[0] if last is not None and last.actor else None) or (
                    _speaker_of(doc, doc.sentences[f.sent.index - 1]) if f.sent.index > 0 else None)) is not None:
            # "قال الوزير ... . واتهم المتمردين بخرق الهدنة": a plural in -ين right after the verb is its object
            # (a subject would read -ون); the subject is the one the report is about
            subj = reported
            obj = [cand[0]]
            cand = []
            rule += ".object"
        if cand:
            subj = cand[0]
            # (with a support verb the object follows its noun: "قام ولي العهد وزير الدفاع بزيارة لحاملة ...";
            # the titles before the noun are the subject's)
            obj_after = [m for m in after if mt.noun < 0 or _tok(m)[0] > mt.noun] if roles == "visit" else after
            obj = _next_participant(doc, obj_after, subj, 14, _OBJ_GOV.get("retreat" if trig.type == "RETREAT"
                                                                       else roles))
        elif subj is None and not obj and ".passive" not in rule:
            subj = _subject_before(doc, f, before, prev)
            govs = _OBJ_GOV.get("retreat" if trig.type == "RETREAT" else roles, set())
            if trig.form_kind == "object":
                govs = govs - {"من"}  # "طائرات طلبتها من فرنسا": ordered them from France, nothing asked of it
            obj = [m for m in after if _tok(m)[0] - mt.j <= 14 and _gov(doc, m) in govs][:1]
        if trig.form_kind == "object" and not obj:
            obj = _object_pronoun(doc, f, ments, subj)
    else:  # verbal noun: genitive right after the noun
        # the genitive right after the noun; quotation marks do not count ("محاكمة "تاريخية" للرئيس")
        gen = [m for m in after if sum(t.is_word for t in toks[mt.j:_tok(m)[0]]) <= 2 and _tok(m)[0] - mt.j <= 5]
        if not gen and roles == "patient" and mt.j + 1 < len(toks) and toks[mt.j + 1].norm == "من" \
                and (toks[mt.j].norm.isdigit() or toks[mt.j].norm in _COUNT_WORDS):
            gen = [m for m in after if _tok(m)[0] == mt.j + 2]  # "محاكمة 100 من الصيادين المصريين"
        # "زيارة لنائب وزير الدفاع" (a visit by): ل marks the visitor only for visits; elsewhere the
        # beneficiary or target ("مساعدات للنازحين")
        genitive = gen[0] if gen and (free(gen[0]) or (_gov(doc, gen[0]) == "ل"
                                                       and (trig.type == "CONSULT" or roles == "patient")
                                                       and gen[0].kind in ("office", "person", "org", "nisba"))
                                      ) else None
        if trig.form_kind == "possessive":
            genitive = None
        if genitive is not None and _noun_adjective(doc, genitive, mt.j):
            genitive = None  # "مساعدات إغاثية للشعب اليمني": the adjective of a beneficiary, not the noun's author
        if genitive is not None and trig.type == "AGREE" and genitive.kind == "capital" and _tok(genitive)[0] == mt.j:
            # "اتفاق فيينا"، "اتفاق مينسك": the city names the agreement, it is no party to it
            after = [m for m in after if m is not genitive]
            genitive = None
        rest = [m for m in after if genitive is None or _tok(m)[0] >= _tok(genitive)[1]]
        agents = [m for m in rest if _tok(m)[0] - mt.j <= 12 and _agent_marker(doc, m)]
        if roles == "svo" and agents:
            # "هجمات من قبل X": X attacks; the participant before the noun is the target
            subj = agents[0]
            tgt = _subject_before(doc, f, before, prev)
            f.actor, f.recipient, f.rule = [subj], ([tgt] if tgt else []), rule + ".agent"
            return
        if roles == "patient" and genitive is not None and _adjective_mention(doc, genitive) \
                and _gov(doc, genitive) == "" and _tok(genitive)[0] == mt.j and genitive.code \
                and trig.type == "ASSAULT" and not fold(genitive.text).startswith("ال"):
            # "في قصف حوثي على جازان"، "غارة إسرائيلية على ...": an adjective of nationality names the attacker;
            # the target comes after (على، ضد)
            tgt = [m for m in rest if _tok(m)[0] - mt.j <= 12 and m is not genitive
                   and _gov(doc, m) in ("علي", "ضد", "")][:1]
            f.actor, f.recipient, f.rule = [genitive], tgt, rule + ".agent-adjective"
            return
        if roles == "patient" and genitive is not None and genitive.sector in ("MIL", "REB", "COP", "PRM", "UAF") \
                and (_gov(doc, genitive) == "ل" or (trig.mode in ("aerial", "heavy-weapons") and _gov(doc, genitive) == ""
                                                    and _tok(genitive)[0] == mt.j)):
            # "قصف مدفعي للجيش السوري"، "جراء قصف القوات الأوكرانية": the forces' shelling (a target would be
            # their positions: "قصف مواقع الجيش"); its target comes after (على، في)
            tgt = [m for m in rest if _tok(m)[0] - mt.j <= 12 and m is not genitive][:1]
            f.actor, f.recipient, f.rule = [genitive], tgt, rule + ".agent-l"
            return
        if roles == "patient" and genitive is not None and _gov(doc, genitive) == "" and _l_object_follows(doc, genitive):
            # "استهداف المستوطنين لمنزلهم": a genitive followed by a ل-object is the agent of the verbal noun
            tgt = [m for m in rest if m is not genitive and _tok(m)[0] - _tok(genitive)[1] <= 2
                   and _gov(doc, m) == "ل"][:1]
            f.actor, f.recipient, f.rule = [genitive], tgt, rule + ".agent-genitive"
            return
        if roles == "patient":
            obj = [genitive] if genitive else []
            if not obj and trig.form_kind == "possessive" and (own := _suffix_antecedent(doc, f, before)):
                obj = [own]  # "في إعادة محاكمته"، "اعتقاله": the one the suffix names underwent the act
            if not obj:
                # "تدمير أكثر من 16 آلية لمليشيات الحوثي": counted things of a side (ل) are that side's loss
                obj = [m for m in rest if _tok(m)[0] - mt.j <= 8 and _gov(doc, m) == "ل" and any(
                    t.norm.isdigit() or t.norm in _COUNT_WORDS for t in toks[mt.j:_tok(m)[0]])][:1]
            agent = [m for m in rest if _tok(m)[0] - mt.j <= 12 and _agent_marker(doc, m)]
            subj = agent[0] if agent else _subject_before(doc, f, before, prev)
            if obj and subj is obj[0]:
                subj = None
            if not agent and subj is not None and _speaks_between(doc, max(f.sent.tok_start, _tok(subj)[0] - 2), mt.i):
                subj = None  # "أعرب الرئيس عن استيائه من ... اغتيال نائب": the speaker did not kill
        else:
            subj = genitive
            if subj is None and trig.form_kind == "possessive":
                subj = _possessor(doc, f, before, prev, last)
            if subj is None and not _after_prior(toks, mt):  # ("اعتقلت ... بعد ساعات على تفجيرات": not its author)
                subj = _subject_before(doc, f, before, prev)
            if subj is None and trig.type == "AID":
                # "معونات طبية من الهلال الأحمر القطري"، "مقدمة من الصندوق الكويتي": the donor after من
                subj = next((m for m in rest if _tok(m)[0] - mt.j <= 14 and _gov(doc, m) == "من" and m.code), None)
            # "زيارة وزيرة الدفاع الألمانية «أورزولا فون دير لاين» لتونس": the name in quotes is the subject's
            # (not the genitive's conjunct: "تهديدات وزير الخارجية الأمريكي والرئيس الأمريكي" are both theirs)
            joined = [m for m in rest if subj is not None and trig.type not in _SYMMETRIC
                      and _tok(m)[0] == _tok(subj)[1] and (m.extra.get("prefix") or "") == "و"]
            obj = [m for m in rest if _tok(m)[0] - mt.j <= 14 and m is not subj and m not in joined
                   and not (subj is not None and _apposed(doc, subj, m))][:1]
    if trig.mode == "multilateral" and subj is not None and any(
            toks[k].is_word and not _timeword(doc, k) for k in range(mt.j, _tok(subj)[0])):
        subj = None  # "نظمت جامعة القاهرة ندوة": the organiser is the university, not the state of its city
    if subj is None and inside:
        subj = inside[0]
    # reciprocal participants: "اتفق البلدان"، "الاتفاقات الثنائية"، "بين الجانبين"
    if _reciprocal_after(doc, mt.j, min(sb, mt.j + 4)) or (
            subj is None and _reciprocal_after(doc, max(sa, mt.i - 2), mt.i)):
        # (an object far after a reciprocal subject is another clause's: "وقع البلدان اتفاقية ... مصدر لليابان")
        if (not obj or (trig.pos == "v" and _reciprocal_after(doc, mt.j, mt.j + 1) and _tok(obj[0])[0] - mt.j > 6)) \
                and _reciprocal(f, prev, last, doc):
            f.rule = rule + ".reciprocal"
            return
    actor = [subj] if subj else []
    recipient = obj
    if roles == "host":
        actor, recipient = _host_order(doc, f, subj, obj, home)
    elif roles == "receive":
        # "تسلمت تونس من ليبيا مطلوبين": the one after من hands over, the subject receives
        giver = [m for m in after if _gov(doc, m) == "من"][:1] or [
            # "تسلمت مصر طائرات رافال طلبتها في فبراير من فرنسا": the seller named after من further on
            m for m in ments if _tok(m)[0] >= mt.j and _gov(doc, m) == "من" and m.code
            and (subj is None or m.code != subj.code)][:1]
        actor, recipient = giver, ([subj] if subj else [])
    elif roles == "guest":
        actor, recipient = ([subj] if subj else []), obj
        if subj is not None and obj and _local(doc, subj, f, home) and not _local(doc, obj[0], f, home):
            actor, recipient = obj, [subj]
    # a compound actor: "وفد من تشاد والنيجر" (phrase with several codes) stays one mention;
    # coordinated mentions right after the subject join it: "X و Y"
    if trig.type == "ASSAULT" and not actor and _undergoes(doc, f, None):
        # "تعرضت دورية للجيش المصري لهجوم": the one named between تعرض and the attack is its target
        actor = [m for m in before if _tok(m)[0] >= f.clause[0] and mt.i - _tok(m)[1] <= 6][-1:]
    if trig.type == "ASSAULT" and actor and (toks[mt.i].norm.startswith(_DIED) or _undergoes(doc, f, actor[0])):
        # "لقي قائد الجبهة مصرعه": the subject is the victim; the killer only where marked ("برصاص X")
        undergone = not toks[mt.i].norm.startswith(_DIED)
        agent = [m for m in after if _tok(m)[0] - mt.j <= 12 and (m is not actor[0] or _tok(m)[0] >= mt.j) and (
            _agent_marker(doc, m) or (undergone and _fire_origin(doc, m, mt.j)))]
        target = actor
        if undergone and _tok(actor[0])[0] >= mt.j:
            # "تعرضت مواقع الجيش لقصف من فصائل المعارضة": the side after the attack fired; the target is the
            # one named between تعرض and the attack
            target = [m for m in before if _tok(m)[0] >= f.clause[0] and mt.i - _tok(m)[1] <= 6][-1:]
        actor, recipient = agent[:1], [m for m in target if m not in agent[:1]]
        rule += ".passive"
    if trig.type in ("ASSAULT", "PROTEST") and trig.pos in ("n", "p"):
        agent = _carried_out_by(doc, f, after, _ORGANISED if trig.type == "PROTEST" else _CARRIED_OUT)
        if agent is not None:
            # "في هجوم انتحاري نفذه أعضاء من الحركة"، "مظاهرة نظمها عشرات الناشطين": the one who carried out the
            # attack, or organised the protest, is its author
            actor, recipient = [agent], [r for r in recipient if r is not agent]
            rule += ".carried-out-by"
    if trig.type == "ACCUSE" and trig.mode == "allege" and trig.pos == "v" and recipient:
        # "اتهم الادعاء رجلا بالتآمر لمهاجمة عسكريين أمريكيين": the accused stands before the charge (ب...);
        # those named in the charge are not accused
        # (a participant's own word is no charge: "وبريطانيا" is و + بريطانيا, not ب + ريطانيا)
        charge = next((k for k in range(mt.j, sb) if any(p.strip("وف") == "ب" for p in toks[k].prefixes if p)
                       and not any(_tok(m)[0] <= k < _tok(m)[1] for m in ments)), sb)
        recipient = [r for r in recipient if _tok(r)[0] < charge]
        if not recipient and any(set(t.forms) & _SOMEONE for t in toks[mt.j:charge]):
            f.flags.add("charged-person")
    if trig.type == "CONSULT" and roles == "visit" and trig.pos == "n" and not actor \
            and (speaker := _speaker_after_visit(doc, f)) is not None:
        # "وخلال زيارة إلى إندونيسيا، قال الرئيس التركي ...": the one who speaks during the visit makes it
        actor = [speaker]
        recipient = [r for r in recipient if r is not speaker]
        rule += ".speaker"
    if actor and trig.type in _SYMMETRIC and (first := _first_conjunct(doc, actor[0], ments)) is not None:
        actor = [first]  # "توصلت الحكومة اليمنية والحوثيون إلى اتفاق": the subject is the whole coordination
    if actor:
        actor = actor + _conjuncts(doc, actor[0], ments)
    if recipient and (trig.type not in _SYMMETRIC or roles == "visit"):
        # "اتهمت واشنطن تايلاند وروسيا وإيران"، "زيارته إلى إسرائيل والسعودية": every coordinated addressee
        # (or destination) is a recipient
        recipient = recipient + [c for c in _conjuncts(doc, recipient[0], ments) if c not in actor]
    if not actor and not recipient and trig.type == "ASSAULT" and last is not None and last.trigger.type == "ASSAULT" \
            and last.actor and f.sent.index > last.sent.index and _continues_report(doc, f):
        # "نفذ التحالف 41 ضربة ... وأضاف أن 17 ضربة جوية نفذت قرب دير الزور": a report going on about the same
        # campaign: the strikes are the same attacker's, on the same side
        actor, recipient = list(last.actor), list(last.recipient)
        rule += ".continued"
    if not actor and recipient and trig.type in _VERBAL and trig.pos == "v" and last is not None \
            and last.trigger.type in _VERBAL and last.actor and f.sent.index - last.sent.index == 1 \
            and _opens_continuation(doc, f):
        # "ودانت الوزارة ... . كما دانت تشكيل الوزيرة لجنة ...": the statement goes on with the same speaker
        # (the one who spoke, not the subject of what he reported)
        actor = [sp] if (sp := _speaker_before(doc, f, last)) is not None else list(last.actor)
        rule += ".continued"
    if trig.type == "CONSULT" and trig.pos == "n" and mt.j < len(toks) and set(toks[mt.j].forms) & _BROUGHT_TOGETHER \
            and all(_gov(doc, r) == "في" for r in recipient):  # (a venue after في is no participant)
        # "عقب لقاء جمعهما": the meeting brought together the two named before it
        pair = [m for m in before if m.code and _tok(m)[0] >= f.sent.tok_start]
        if len({m.code for m in pair}) < 2 and f.sent.index > 0:
            # ("... أعلن وزير الدفاع أن السفير البريطاني أكد له ... . وفي تصريح عقب لقاء جمعهما"): or in the
            # sentence before
            prior = doc.sentences[f.sent.index - 1]
            pair = [m for m in doc.mentions if (m.code or home) and m.kind in ("office", "person", "org")
                    and prior.start <= m.start < prior.end and m.code not in _IGO] + pair
        def side(m: Mention) -> str | None:
            return m.code or home  # (an office with no country is the article's country's)

        pair = [m for k, m in enumerate(pair) if side(m) not in {side(x) for x in pair[k + 1:]}][-2:]
        if len(pair) == 2:
            actor, recipient = [pair[0]], [pair[1]]
            rule += ".together"
    f.actor, f.recipient = actor, [r for r in recipient if r not in actor]
    f.rule = rule


_BROUGHT_TOGETHER = {fold(w) for w in ("جمعهما", "جمعتهما", "جمعهم", "جمعتهم", "ضمهما", "ضمتهما", "ضمهم", "ضمتهم")}
_AS_WELL = {fold(w) for w in ("كما", "وكما")}


def _opens_continuation(doc: Document, f: Frame) -> bool:
    """The trigger verb opens its sentence, after و/ف or كما ("وطالبت ..."، "كما دانت ...")."""
    k = f.sent.tok_start
    while k < f.match.i and not doc.tokens[k].is_word:
        k += 1
    if k == f.match.i:
        return f.match.prefix[:1] in ("و", "ف")
    return k + 1 == f.match.i and doc.tokens[k].norm in _AS_WELL


def _speaker_after_visit(doc: Document, f: Frame) -> Mention | None:
    """"(و)خلال زيارة(ه) إلى X، قال/أكد Y": a visit named in an opening adverbial, then a verb of saying and
    its subject."""
    toks = doc.tokens
    mt = f.match
    if mt.i - f.sent.tok_start > 4 or not any(toks[k].norm in _DURING or set(toks[k].forms) & _DURING
                                              for k in range(f.sent.tok_start, mt.i)):
        return None
    comma = next((k for k in range(mt.j, min(f.sent.tok_end, mt.j + 12)) if toks[k].norm in ("،", ",")), None)
    if comma is None or comma + 1 >= f.sent.tok_end:
        return None
    verb = comma + 1
    if not (set(toks[verb].forms) & (_REPORTING | _PRO_DROP_SAYING | _COMMENT_VERBS)):
        return None
    return next((m for m in doc.mentions if "tok" in m.extra and 0 < _tok(m)[0] - verb <= 2 and m.code
                 and _gov(doc, m) == ""), None)


# "خلال زيارة"، "أثناء زيارته"، "في ختام زيارة"، "عقب زيارة": an adverbial that names the occasion
_DURING = {fold(w) for w in ("خلال", "أثناء", "اثناء", "ختام", "عقب", "إثر", "اثر", "لدى", "ضمن", "مستهل")}


# "هجوم نفذه ..."، "التفجير الذي نفذه تنظيم داعش"، "هجمات شنتها"، "مظاهرة نظمها": verbs whose subject
# carried out (or organised) the act
_CARRIED_OUT = {fold(w) for w in ("نفذه", "نفذها", "نفذته", "نفذتها", "نفذوه", "نفذوها", "شنه", "شنها", "شنته",
                                  "شنتها", "شنوه", "شنوها", "ارتكبه", "ارتكبها", "ارتكبته", "ارتكبتها", "تبناه",
                                  "تبنته", "تبنتها", "تبناها")}
_ORGANISED = {fold(w) for w in ("نظمه", "نظمها", "نظمته", "نظمتها", "نظموه", "نظموها")}


# "وأضاف أن"، "وتابع أن": a sentence that goes on with the same speaker's report
_GOES_ON = {fold(w) for w in ("وأضاف", "وتابع", "وأوضح", "وأشار", "وأضافت", "وتابعت", "وأوضحت", "وأشارت")}


def _continues_report(doc: Document, f: Frame) -> bool:
    """The sentence opens on "وأضاف أن" / "وتابع أن" with no new speaker named before "that"."""
    toks = doc.tokens
    k = f.sent.tok_start
    if k >= f.match.i or toks[k].norm not in _GOES_ON:
        return False
    return any(toks[q].norm in _THAT for q in (k + 1, k + 2) if q < f.match.i)


def _carried_out_by(doc: Document, f: Frame, after: list[Mention], verbs: set[str]) -> Mention | None:
    """The subject of "نفذه"/"شنه" right after an attack noun, of "نظمها" after a protest noun (a few adjectives
    or الذي between)."""
    toks = doc.tokens
    mt = f.match
    for k in range(mt.j, min(f.sent.tok_end, mt.j + 5)):
        if toks[k].norm in verbs:
            return next((m for m in after if k < _tok(m)[0] <= k + 5 and m.code
                         and _gov(doc, m) in ("", "من")), None)
        if not toks[k].is_word:
            return None
    return None


# an unnamed person accused or charged ("اتهم الادعاء رجلا بالتآمر"): a person of the accusing state
_SOMEONE = {fold(w) for w in ("رجلا", "رجلين", "امرأة", "شخصا", "شخصين", "أشخاص", "شابا", "شابين", "مواطنا",
                              "مواطنين", "مواطنة", "طالبا", "رجال")}
_IYYA = {fold(w) for w in ("إياه", "إياها", "إياهم", "إياهما")}  # detached object pronouns
_OBJ_GOV = {
    "visit": {"", "الي", "ل"},
    "meet": {"", "مع", "ب"},
    "host": {""},
    "guest": {""},
    "svo": {"", "ل", "علي", "ضد", "الي", "ب", "مع", "بحق", "تجاه", "باتجاه", "صوب"},
    "receive": {"من"},
    "ask": {"", "من", "الي"},  # "طلب X من الأردن بذل مساعيه": asked of Jordan
    "retreat": {"", "من"},
    "patient": {"", "ل"},
}


def _release_object(doc: Document, f: Frame, after: list[Mention]) -> tuple[int, list[Mention]] | None:
    """The particle of a release verb (أفرج ... عن، أطلق ... سراح) and the released named after it."""
    toks = doc.tokens
    mt = f.match
    k = next((q for q in range(mt.j, min(f.sent.tok_end, mt.j + 6)) if toks[q].norm in _RELEASE_PARTICLES), None)
    if k is None:
        return None
    return k, [m for m in after if k < _tok(m)[0] <= k + 8][:1]


_RELEASE_PARTICLES = {fold("عن"), fold("سراح")}


def _kull_min(doc: Document, lo: int, hi: int) -> int | None:
    """The token after "كل من" / "كلا من" (both of, each of), or None."""
    toks = doc.tokens
    for k in range(lo, min(hi, len(toks)) - 1):
        if toks[k].norm in (_KULL_MIN[0], _KULLAN) and toks[k + 1].norm == _KULL_MIN[1]:
            return k + 2
    return None


# "في مقر X"، "بمبنى X"، "في قصر X": a body named after such a noun names where something happens
_VENUE_NOUNS = {fold(w) for w in ("مقر", "مبنى", "قصر", "ديوان", "مكتب", "مقار", "سفارة", "قاعة")}


# "بلاده"، "بلدها": the speaker's own country, as the tail of a mention
_OWN_COUNTRY = tuple(fold(w) for w in ("بلاده", "بلادها", "بلادهم", "بلدها", "بلده"))


def _body_of_title(doc: Document, m: Mention, after: list[Mention]) -> Mention | None:
    """"خطاب الأمين العام لـ"حزب الله"": the coded body right after an uncoded title (with ل) stands for it."""
    if m.code is not None or m.kind not in ("office", "org"):
        return None
    return next((t for t in after if 0 <= _tok(t)[0] - _tok(m)[1] <= 3 and t.code and t.code not in _IGO
                 and ((t.extra.get("prefix") or "").endswith("ل") or any(
                     x.norm in ("ل", "لـ") for x in doc.tokens[_tok(m)[1]:_tok(t)[0]]))), None)


def _accusative(m: Mention) -> bool:
    """An indefinite accusative head with its tanween alif ("كتلا"، "وفدا"): an object, never a title."""
    w = fold(m.text).split()[0]
    return len(w) > 3 and w.endswith("ا") and not w.startswith("ال")


def _construct_genitive(doc: Document, i: int, j: int) -> bool:
    """"كما دانت تشكل وزيرة القضاء الإسرائيلية لجنة": a bare indefinite noun between the verb (ending at j) and
    the mention at i heads a construct; the mention is its genitive, not the verb's subject."""
    if i - 1 < j:
        return False
    w = doc.tokens[i - 1]
    if not w.is_word or w.norm.startswith("ال") or any(w.prefixes) or _timeword(doc, i - 1):
        return False
    if not _HONORIFICS.isdisjoint(w.forms) or w.norm.endswith(("ا", "ً")) or w.norm in _PREP_WORDS:
        return False
    v = w.norm
    # a تفعّل or تفعيل verbal noun (تشكل، تشكيل، تعيين): four letters, or five with ي before the last root letter
    # (not a foreign name that happens to start with ت: تساكالاتوس)
    return v[:1] == "ت" and (len(v) == 4 or (len(v) == 5 and v[3] == "ي"))


_PRAISED_ROLES = {fold(w) for w in ("دور", "جهود", "موقف", "مواقف", "مبادرة", "مساعي", "وقفة", "دعم")}


_AS_WELL = {fold(w) for w in ("كما", "وكما")}  # "كما اتهم إيران بالتدخل": the verb goes on the last subject


def _verb_number(t: Token, trig: Trigger) -> str:
    """"dual" or "plural" when a verb trigger carries that subject suffix (اتفقا، التقيا، يلتقيان، طالبوا), else ""."""
    if trig.pos != "v":
        return ""
    w, lemma = t.forms[-1], fold(trig.lemma)
    if trig.form_kind == "present":
        return "dual" if w.endswith("ان") else ""
    if trig.form_kind != "":
        return ""
    if w == lemma + "وا":
        return "plural"
    if (w == lemma + "ا" and not lemma.endswith(("ا", "ي"))) or (lemma.endswith("ي") and w == lemma[:-1] + "يا"):
        return "dual"
    return ""


def _plural_verb(t: Token, trig: Trigger) -> bool:
    """A past verb with a plural or dual subject suffix (وطالبوا، وطالبا، واتهموا): in VSO the verb stays singular,
    so its subject is a pronoun and the noun after it is the object."""
    return trig.form_kind == "" and _verb_number(t, trig) != ""


def _request_content_follows(doc: Document, m: Mention) -> bool:
    """"وطالب قوات التحالف بالاستمرار": the demand's content (ب + a definite verbal noun, إلى، بأن) right after the
    mention makes it the one asked, not the one asking."""
    k = _tok(m)[1]
    if k >= len(doc.tokens):
        return False
    t = doc.tokens[k]
    # ("بوقف الاستيطان"، "بعدم التدخل": a verbal noun in construct with a definite word is content too)
    nxt = doc.tokens[k + 1].norm if k + 1 < len(doc.tokens) else ""
    return t.norm in ("الي", "بان", "ان") or any(
        p.lstrip("وف") == "ب" and ((f.startswith("ال") and len(f) > 4) or (len(f) >= 3 and nxt.startswith("ال")
                                                                          and len(nxt) > 4))
        for f, p in zip(t.forms, t.prefixes, strict=False))


_SITED = {fold(w) for w in ("المنعقدة", "المنعقد", "الواقعة", "الواقع", "الكائنة", "الكائن", "ومقرها", "ومقره",
                            "مقرها", "مقره", "المتمركزة", "المتمركز", "ومقرهما")}


def _next_participant(doc: Document, after: list[Mention], subj: Mention, window: int,
                      govs: set[str] | None = None) -> list[Mention]:
    """The first mention after the subject that is not a conjunct of it ("X والوفد المرافق له")
    and stands in an object position (bare, or after one of ``govs``)."""
    end = _tok(subj)[1]
    for m in after:
        i = _tok(m)[0]
        if i < end:
            continue
        if i - end > window:
            break
        gap_toks = [t.norm for t in doc.tokens[end:i]]
        apposition = (i == end or gap_toks in (["("], ["-"])) and not m.extra.get("prefix") and (
            (m.kind in ("office", "person") and m.name and not subj.name)  # "رئيس ... العقيد أسيمي غويتا"
            or gap_toks == ["("]  # "المجموعة الاقتصادية ... (إيكواس)"
            # "هادي رئيس اليمن": a title right after a name, of the same country
            or (i == end and subj.kind == "person" and m.kind == "office" and m.code == subj.code)
            # "الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع": bare titles after a named subject
            or (i == end and bool(subj.name) and m.kind == "office" and m.code in (None, subj.code)
                and (not m.name or fold(m.name.split()[0]) in head_words()))  # "النائب الثاني" is no name
            # "حركة المقاومة الإسلامية حماس": a group's short name right after its full name
            # (of the same group: "تيار المستقبل حزب الله" are two)
            or (i == end and m.kind in ("org", "group") and subj.kind in ("org", "group") and m.code == subj.code
                and m.sector == subj.sector and (not m.identifier or not subj.identifier
                                                 or m.identifier == subj.identifier))
            # "المتمردون الحوثيون": a plural agreeing in case with the subject describes it
            or (i == end and (m.code == subj.code or None in (m.code, subj.code))
                and _same_plural_case(doc, subj, m))
        ) and not _accusative(m)  # "اتهم المساري كتلا نيابية": an indefinite accusative is the object
        # "النائب الثاني لرئيس مجلس الوزراء": a title's ل-complement continues the chain
        complement = i == end and bool(subj.name) and m.kind == "office" and m.code is None \
            and (m.extra.get("prefix") or "").endswith("ل")
        if ((m.extra.get("prefix") or "").startswith("و") and i - end <= 1) or apposition or complement:
            end = _tok(m)[1]  # a conjunct or an apposition of the subject ("خادم الحرمين الشريفين الملك سلمان")
            continue
        if govs is not None and _gov(doc, m) not in govs:
            continue
        if any(t.norm == _LADA for t in doc.tokens[end:i]):
            continue  # "أهالي العسكريين المختطفين لدى جبهة النصرة وتنظيم داعش": who holds them, no participant
        if i >= 2 and set(doc.tokens[i - 1].forms) & _VENUE_NOUNS and doc.tokens[i - 2].norm in _PREP_WORDS:
            continue  # "في مقر الحكومة اليمنية بالرياض": the venue of the meeting, not a participant
        own = fold(m.text).endswith(_OWN_COUNTRY) or (
            _tok(m)[1] < len(doc.tokens) and doc.tokens[_tok(m)[1]].norm in _OWN_COUNTRY)
        if own and m.code in (None, subj.code):
            continue  # "أعرب عن تقدير حكومة بلاده لدور الإمارات": the speaker's own side, not the addressee
        if m.code is None:
            # "الرئيس رمضان قاديروف رئيس جمهورية الشيشان": the title after an uncoded name says its country
            title = next((t for t in after if _tok(t)[0] == _tok(m)[1] and t.kind == "office" and t.code
                          and not t.extra.get("prefix")), None)
            if title is not None:
                return [title]
            body = _body_of_title(doc, m, after)
            if body is not None:
                return [body]
        return [m]
    return []


def _first_conjunct(doc: Document, m: Mention, ments: list[Mention]) -> Mention | None:
    """The first of the coordinated mentions that ``m`` closes ("الحكومة اليمنية والحوثيون": the government)."""
    first = None
    while (m.extra.get("prefix") or "") == "و":
        prev = next((x for x in ments if _tok(x)[1] == _tok(m)[0] and x.code), None)
        if prev is None or _gov(doc, prev) != "":
            break
        first = m = prev
    return first


def _conjuncts(doc: Document, m: Mention, ments: list[Mention]) -> list[Mention]:
    """Mentions joined to the subject with و: "المغرب وموريتانيا"، "الوفدين التشادي والنيجيري"."""
    out = []
    j = _tok(m)[1]
    toks = doc.tokens
    for n in ments:
        i = _tok(n)[0]
        if i < j:
            continue
        # "تايلاند وروسيا و ايران وحتى ليبيا": و as a clitic, or a separate و / وحتى before the conjunct
        gap = [t.norm for t in toks[j:i]]
        joined = (i == j and (n.extra.get("prefix") or "") == "و") or (
            gap in (["و"], ["وحتي"], ["و", "حتي"]) and not n.extra.get("prefix"))
        if not joined:
            break
        if n.code and (n.kind in ("nisba", "name", "country", "capital", "org", "igo") or n.code != m.code
                       or (n.sector != m.sector and None not in (n.sector, m.sector))):
            out.append(n)
            j = _tok(n)[1]
        else:
            break
    return out


_KANA = {fold(w) for w in ("كان", "كانت", "كانوا", "كانا", "كانتا", "وكان", "وكانت", "وكانوا")}


_DEPART = {fold(w) for w in ("غادر", "غادرت", "يغادر", "تغادر", "وغادر", "وغادرت")}


def _departure(doc: Document, f: Frame, before: list[Mention]) -> tuple[Mention, Mention] | None:
    """"غادر S O بعد زيارة": (visitor S, host O) when a visit noun follows بعد after a departure verb."""
    toks = doc.tokens
    i = f.match.i
    if i == 0 or toks[i - 1].norm != fold("بعد"):
        return None
    for k in range(i - 2, max(f.clause[0], i - 30) - 1, -1):
        if toks[k].norm in _DEPART:
            people = [m for m in before if _tok(m)[0] > k and _gov(doc, m) == "" and m.code]
            if len(people) >= 2:
                host = next((m for m in people[1:] if m.code != people[0].code), None)
                if host is not None:
                    return people[0], host
            return None
    return None


_CLAIM = {fold(w) for w in ("تبنى", "تبنت", "تبنوا", "يتبنى", "تبني", "وتبنى", "وتبنت", "مسؤوليته", "مسؤوليتها",
                            "مسؤوليتهم", "المسؤولية")}


_STANDS = {fold(w) for w in ("يقف", "تقف", "يقفون", "وقف", "وقفت", "وقفوا", "تقفان", "يقفان")}
_BEHIND = fold("وراء")


def _claimant(doc: Document, f: Frame, before: list[Mention]) -> Mention | None:
    """The group that claimed the attack: "تبنى X (الأربعاء) قتل Y"، "أعلن X مسؤوليته عن الهجوم"."""
    toks = doc.tokens
    i = f.match.i
    if i >= 2 and toks[i - 1].norm == _BEHIND and set(toks[i - 2].forms) & _STANDS:
        # "خلية لحماس تقف وراء قتل المستوطن": the one standing behind the act did it
        k = i - 2
        cand = [m for m in before if _tok(m)[1] <= k and k - _tok(m)[1] <= 2 and m.code]
        return cand[-1] if cand else None
    for k in range(i - 1, max(f.clause[0], i - 7) - 1, -1):
        if toks[k].norm in _CLAIM or set(toks[k].forms) & _CLAIM:
            if toks[k].norm.startswith(("مسؤولي", "المسؤولي")):
                cand = [m for m in before if _tok(m)[1] <= k and k - _tok(m)[1] <= 3 and m.code]
            else:
                cand = [m for m in before if k < _tok(m)[0] and _tok(m)[1] <= i and m.code]
            return cand[-1] if cand else None
    return None


def _pluperfect_subject(doc: Document, f: Frame, before: list[Mention]) -> Mention | None:
    toks = doc.tokens
    i = f.match.i
    if i < 2 or toks[i - 1].norm != "قد":
        return None
    for k in range(i - 2, max(f.sent.tok_start, i - 10) - 1, -1):
        if toks[k].norm in _KANA or set(toks[k].forms) & _KANA:
            inside = [m for m in before if _tok(m)[0] > k and _tok(m)[1] <= i - 1]
            return inside[0] if inside else None
    return None


_THAT = {fold(w) for w in ("إن", "أن", "بأن", "وأن", "وإن")}  # "that" after a verb of saying
# what opens a reported clause; "that" may carry its subject pronoun ("قالت المنظمة إنها وثقت")
# "that" carrying its subject pronoun: أنه، بأنها، وإنهم
_THAT_PRONOUN = {fold(p + w + x) for p in ("", "ب", "و") for w in ("إن", "أن") for x in ("ه", "ها", "هم", "هما")}
_COMPLEMENTIZERS = _THAT | {fold(w) for w in ("لأن", "فإن", "كما", "حيث")} | {
    x for x in _THAT_PRONOUN if not x.startswith("و")}
# the support verb of "عبر الوزير عن أسفه"، "أعرب عن قلقه" before a phrase trigger opening on عن
_EXPRESS = {fold(w) for w in ("عبر", "عبرت", "أعرب", "أعربت", "اعرب", "اعربت", "أبدى", "أبدت", "ابدى", "ابدت")}
# "قال الوزير إن بلاده ترفض": the speaker's own side after "that"
_OWN_SIDE = set(_OWN_COUNTRY) | {fold(w) for w in ("بلادنا", "حكومته", "حكومتها", "حكومتنا", "دولته", "دولتها")}


def _svo_subject(doc: Document, f: Frame, before: list[Mention]) -> Mention | None:
    """A subject before its verb: right after أن/إن (or the clause start) and right before the verb."""
    toks = doc.tokens
    i = f.match.i
    comma = i > 0 and toks[i - 1].norm in ("،", ",")
    cands = [m for m in before if (_tok(m)[1] == i or (comma and _tok(m)[1] == i - 1)) and _gov(doc, m) == ""
             and m.code]
    if not cands:
        return None
    m = cands[-1]
    k = _tok(m)[0]
    if comma:
        # "وزير الخارجية المصري، سامح شكري، زار": a name in apposition between commas; the clause opens at its head
        head = [x for x in before if k > 0 and toks[k - 1].norm in ("،", ",") and _tok(x)[1] == k - 1
                and _gov(doc, x) == "" and x.code == m.code]
        if not head:
            return None
        m, k = head[-1], _tok(head[-1])[0]
    if k > 0 and toks[k - 1].norm in _QUANTIFIERS:
        k -= 1  # "إن بعض نواب المعارضة يتهمون": a quantifier opens the subject
    if k == f.clause[0] or k == f.sent.tok_start or (m.extra.get("prefix") or "") == "و" or (
            k > 0 and (toks[k - 1].norm in _COMPLEMENTIZERS or set(toks[k - 1].forms) & _COMPLEMENTIZERS)):
        return m
    if k > 0 and set(toks[k - 1].forms) & _KANA and f.trigger.form_kind == "present":
        return m  # "بينما كانت طائرات التحالف تقصف": the subject between كان and its imperfect
    if f.trigger.pos in ("n", "p") and k > 0 and set(toks[k - 1].forms) & _SUPPORT_VERBS:
        return m  # "أصدرت محكمة مصرية حكما بإعدام": the subject of the support verb, right before its object
    return None


# words that head an armed body ("قوات حزب الله"، "فصائل المعارضة"): expelling or being expelled by one is fighting
_FORCE_WORDS = {fold(w) for w in ("قوات", "جيش", "فصائل", "مسلحي", "مسلحو", "مسلحين", "مقاتلي", "مقاتلو", "مقاتلين",
                                  "عناصر", "ميليشيات", "مليشيات", "كتائب", "ألوية", "وحدات")}
_QUANTIFIERS = {fold(w) for w in ("بعض", "كل", "معظم", "أغلب", "غالبية", "جميع", "كافة")}
_SUPPORT_VERBS = {fold(w) for w in ("أصدر", "أصدرت", "نفذ", "نفذت", "شن", "شنت", "أجرى", "أجرت", "وجه", "وجهت", "قدم",
                                    "قدمت", "اتخذ", "اتخذت", "فرض", "فرضت", "أعلن", "أعلنت", "قرر", "قررت")}


def _headline_subject(doc: Document, f: Frame, before: list[Mention]) -> Mention | None:
    """The sentence-initial subject of a present-tense verb in a nominal sentence (headline style)."""
    first = [m for m in before if _tok(m)[0] == f.sent.tok_start and _gov(doc, m) == "" and m.code]
    if not first:
        return None
    # no other verb-like trigger of the sentence stands between (that one would have its own subject)
    return first[0] if f.match.i - _tok(first[0])[1] <= 8 else None


def _after_relative(doc: Document, f: Frame) -> bool:
    i = f.match.i
    return i > 0 and doc.tokens[i - 1].norm in _RELATIVE


def _event_antecedent(doc: Document, f: Frame, prev: list[Frame]) -> Frame | None:
    """An indefinite event noun of the same type right before the verb ("تفجيرات استهدفت ...")."""
    return next((g for g in prev if g.match.j == f.match.i and g.trigger.type == f.trigger.type
                 and g.trigger.pos in ("n", "p") and not g.match.prefix
                 and not doc.tokens[g.match.i].norm.startswith("ال")), None)


def _relative_antecedent(doc: Document, f: Frame, before: list[Mention]) -> Mention | None:
    """The antecedent of التي/الذي right before the verb (or before بدوره), if it is a mention; so for a
    circumstantial clause ("رصدت الصحيفة المدفعية السعودية وهي ترد على ..."، "الطائرات وهي تقصف": و + pronoun)."""
    toks = doc.tokens
    k = f.match.i - 1
    if f.trigger.pos == "v" and k >= f.sent.tok_start and toks[k].norm != toks[k].forms[-1] \
            and toks[k].forms[-1] in _HAL and not f.match.prefix:
        return next((m for m in reversed(before) if _tok(m)[1] == k and m.code), None)
    for k in range(f.match.i - 1, max(f.sent.tok_start, f.match.i - 3) - 1, -1):
        if toks[k].norm in _RELATIVE:
            ante = [m for m in before if _tok(m)[1] <= k and k - _tok(m)[1] <= 2]
            if ante and any(toks[q].norm.startswith("ال") or toks[q].norm in _THAT or toks[q].norm in _THAT_HE
                            for q in range(_tok(ante[-1])[1], k)):
                return None  # "قال الوزير إن القرار الذي صادق عليه": a noun of its own stands before الذي
            return ante[-1] if ante else None
    return None


def _shared_subject(doc: Document, f: Frame, prev: list[Frame]) -> Mention | None:
    """A verb coordinated with و after an earlier verb of the sentence shares its subject: the earlier
    event's actor, or the subject of the reporting verb that opens the sentence ("قال X إن ...، ودعا Y")."""
    if not f.match.prefix.startswith("و"):
        return None
    if not prev:
        # "وقال الشاباك إن ... وقال لمحققيه إنه تلقى التعليمات وزود الخلية": after a second speaker the
        # opening one is no longer the subject
        speakers = sum(1 for t in doc.tokens[f.sent.tok_start:f.match.i] if t.norm in _REPORTING
                       or set(t.forms) & _REPORTING)
        return _opening_subject(doc, f) if speakers <= 1 else None
    # "... من الرئيس التركي، حيث أكد خادم الحرمين تنديد بلاده ...، وتؤيد حق تركيا": a reporting verb
    # after the last event opens a new subject, which the coordinated verb shares
    verbs = [g for g in prev if g.trigger.pos == "v"]  # (a noun after the reporting verb is its object)
    lo = max(f.sent.tok_start, verbs[-1].match.j if verbs else f.sent.tok_start)
    toks = doc.tokens
    for k in range(f.match.i - 1, lo - 1, -1):
        if toks[k].norm in _REPORTING or set(toks[k].forms) & _REPORTING:
            said = next((m for m in doc.mentions if "tok" in m.extra and 0 < _tok(m)[0] - k <= 2
                         and _tok(m)[1] <= f.match.i and _gov(doc, m) == ""), None)
            if said is not None:
                return said
            break
    for q in range(len(prev) - 1, -1, -1):
        g = prev[q]
        if "relative" in g.flags:
            continue
        if g.trigger.pos in ("n", "p") and q > 0 and prev[q - 1].trigger.pos == "v" \
                and prev[q - 1].trigger.type in ("ACCUSE", "REJECT", "REQUEST", "SUPPORT") \
                and 0 <= g.match.i - prev[q - 1].match.j <= 8:
            continue  # the act a verb comments on ("أدانت X هجمات Y، واستنكرت"): its author is not the subject
        if g.actor and g.match.j <= f.match.i:
            return g.actor[0]
        break
    return None


_REPORTING = {fold(w) for w in ("قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "أوضح", "أوضحت", "صرح", "صرحت",
                                 "ذكر", "ذكرت", "أشار", "أشارت", "وقال", "وقالت", "وأكد", "وأكدت", "وأعلن", "وأعلنت",
                                 "أفاد", "أفادت", "وأفاد", "وأفادت")}


# verbs of attitude: their subject comments on an act named after them, it does not do it (verbs of saying
# are not here: "قالت الحركة إنها ستواصل استهداف"، "أعلن الجيش مقتل جنوده")
_COMMENT_VERBS = {fold(w) for w in (
    "أعرب", "أعربت", "ندد", "نددت", "أدان", "أدانت", "استنكر", "استنكرت", "اعتبر", "اعتبرت", "وصف", "وصفت",
    "رحب", "رحبت", "حذر", "حذرت", "اتهم", "اتهمت", "نفى", "نفت")}


# "وانسحب عناصر التنظيم": the people of a group head the subject that the group's name completes
_MEMBERS = {fold(w) for w in ("عناصر", "أفراد", "افراد", "مقاتلو", "مقاتلي", "مسلحو", "مسلحي", "قادة", "جنود", "أعضاء",
                              "اعضاء", "ممثلو", "ممثلي", "وفد", "قوات", "عشرات", "مئات", "آلاف", "الاف")}


def _main_clause(prev: list[Frame]) -> Frame | None:
    """The last trigger of the sentence so far that is not embedded in another ("نفى X الاتهامات بأن ...، متهما")."""
    # (not a definite noun that refers to an act told elsewhere: "للتنديد بالاتفاق ... الموقع بين إيران والقوى")
    return next((g for g in reversed(prev) if not g.flags & {"embedded", "relative"} and not g.anaphoric), None)


# words that may open a sentence before its main verb: connectors and discourse openers ("من جانبه،"،
# "في غضون ذلك"، "على صعيد آخر")
_OPENERS = {fold(w) for w in (
    "و", "ف", "كما", "ثم", "لكن", "ولكن", "بينما", "كذلك", "أيضا", "بدوره", "بدورها", "بدورهم", "من", "جانبه",
    "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "في", "وفي", "غضون", "ذلك", "سياق", "متصل", "صلة", "ذي",
    "المقابل", "على", "وعلى", "صعيد", "آخر", "اخر", "أخرى", "اخرى", "إلى", "الى", "جهة", "ناحية", "بالمقابل")}
# prepositions that open a sentence's setting ("وفي بيان لها، ..."، "وخلال اللقاء، ...")
_SETTING = {fold(w) for w in ("في", "خلال", "عقب", "بعد", "أثناء", "اثناء", "إثر", "اثر", "قبيل", "لدى", "ضمن")}
# a speaker's own country, or a pronoun, taken up after "قال ... إن" ("إن بلاده ترفض"، "إنها ترفض")
_THAT_HE = {fold(w) for w in ("إنها", "إنه", "أنها", "أنه", "انها", "انه")}
_SPEAKER_SIDE = _OWN_SIDE | _THAT_HE


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


def _timeword(doc: Document, k: int) -> bool:
    """Token k lies inside a time expression ("واستهدف أمس الطيران")."""
    t = doc.tokens[k]
    return any(x.start_char <= t.start < x.end_char for x in doc.times)


def _speaks_between(doc: Document, lo: int, hi: int) -> bool:
    return any(x in _COMMENT_VERBS for t in doc.tokens[lo:hi] for x in t.forms)


def _opening_subject(doc: Document, f: Frame) -> Mention | None:
    """The subject of the reporting verb that opens the trigger's sentence ("قال الوزير إن ...")."""
    toks = doc.tokens
    k = next((q for q in range(f.sent.tok_start, min(f.match.i, f.sent.tok_start + 5)) if toks[q].norm in _REPORTING),
             None)
    if k is None:  # ("وفي لندن، قال ...": a place or time may come first)
        return None
    # the subject right after the opening verb, before the trigger's clause (or before إن / أن)
    limit = next((q for q in range(k + 1, f.match.i) if toks[q].norm in _THAT), f.clause[0])
    return _subject_after(doc, k, max(limit, f.clause[0]), ("", "ب", "في"))


def _speaker_before(doc: Document, f: Frame, last: Frame | None) -> Mention | None:
    """"قال الوزير إن الحوثيين يرفضون ... . وأشاد بـ...": a sentence opening on a verb with no subject goes on
    the one who spoke in the sentence before, not on the subject of what he reported."""
    if f.sent.index == 0 or last is None or last.sent.index != f.sent.index - 1 or f.match.i > f.sent.tok_start + 1:
        return None
    speaker = _speaker_of(doc, doc.sentences[f.sent.index - 1])
    if speaker is None or not last.actor or last.actor[0] is speaker or last.match.i < _tok(speaker)[1]:
        return None
    return speaker


def _first_person(doc: Document, f: Frame) -> bool:
    """A first-person plural imperfect ("ندين"، "ونطالب"): the verb's ن after any proclitic."""
    if f.trigger.pos != "v" or f.trigger.form_kind != "present":
        return False
    t = doc.tokens[f.match.i]
    return any(form.startswith("ن") and pre == f.match.prefix for form, pre in zip(t.forms, t.prefixes, strict=False))


def _quoted_speaker(doc: Document, f: Frame, before: list[Mention]) -> tuple[Mention | None, int | None]:
    """The one whose words hold the trigger: the subject of the reporting verb before it in the sentence (before
    إن/أن), else the sentence's opening subject; and the reporting verb's token."""
    toks = doc.tokens
    sa = f.sent.tok_start
    says = next((q for q in range(f.match.i - 1, sa - 1, -1) if toks[q].norm in _REPORTING), None)
    that = next((q for q in range(says + 1, f.match.i) if toks[q].norm in _THAT), f.match.i) \
        if says is not None else f.match.i
    speaker = (_subject_after(doc, says, that, ("",)) if says is not None else None) or next(
        (m for m in before if _tok(m)[0] - sa <= 6 and _gov(doc, m) == ""
         and (says is None or _tok(m)[1] <= says)), None)
    return speaker, says


def _speaker_of(doc: Document, sent: Sentence) -> Mention | None:
    """The subject of a sentence's opening reporting verb: "قال رئيس الوزراء ..." (after a dateline)."""
    toks = doc.tokens
    k = next((q for q in range(sent.tok_start, min(sent.tok_end, sent.tok_start + 8)) if toks[q].norm in _REPORTING),
             None)
    if k is None:
        # "نُقل عن رئيس الوزراء التركي قوله إنه ...": the one quoted after نقل عن
        q = next((q for q in range(sent.tok_start, min(sent.tok_end, sent.tok_start + 8))
                  if set(toks[q].forms) & _QUOTED), None)
        return _subject_after(doc, q, sent.tok_end, ("عن",)) if q is not None else None
    return _subject_after(doc, k, sent.tok_end, ("",))


_QUOTED = {fold(w) for w in ("نقل", "نقلت", "ونقل", "ونقلت")}


def _subject_after(doc: Document, k: int, limit: int, govs: tuple[str, ...]) -> Mention | None:
    """The first coded mention within five words after the verb at token k, before token ``limit``."""
    for m in doc.mentions:
        i = _tok(m)[0] if "tok" in m.extra else -1
        if k < i <= k + 5 and i < limit and m.code and _gov(doc, m) in govs:
            return m
    return None


def _agent_marker(doc: Document, m: Mention) -> bool:
    """من قبل X / على يد X / بواسطة X mark the agent of a passive or nominal event."""
    i = _tok(m)[0]
    ws = [t.norm for t in doc.tokens[max(0, i - 2):i]]
    return ws[-2:] in (["من", "قبل"], ["علي", "يد"]) or ws[-1:] == ["بواسطه"] or (
        bool(ws) and ws[-1] in _BY_FIRE_OF)


# "لقذائف أطلقت من الأراضي اليمنية"، "لهجوم من مسلحين": where the fire came from, after what was undergone
def _fire_origin(doc: Document, m: Mention, after_tok: int) -> bool:
    """The mention names where an attack undergone came from: "من X" a few words after the attack noun
    (not "عدد من X"), or "من الأراضي / داخل X"."""
    toks = doc.tokens
    i = _tok(m)[0]
    if i - after_tok > 6 or i < 1:
        return False
    if toks[i - 1].norm == "من" and not _partitive(doc, i):
        return True
    # "من الأراضي اليمنية"، "من داخل اليمن"، "من فصائل المعارضة": one word between من and the mention
    if i >= 2 and toks[i - 2].norm == "من" and toks[i - 1].is_word and toks[i - 1].norm not in _PREP_WORDS \
            and not _partitive(doc, i - 1):
        return True
    # "من داخل الأراضي اليمنية"، "من داخل الحدود اليمنية"
    return i >= 3 and toks[i - 3].norm == "من" and all(set(toks[k].forms) & _GROUND for k in (i - 2, i - 1))


_GROUND = {fold(w) for w in ("داخل", "الأراضي", "أراضي", "الحدود", "حدود", "جهة", "ناحية", "الجانب", "عمق")}


# "قتلوا بنيران هندية"، "استشهد برصاص قوات الاحتلال": the weapon's owner is the agent
_BY_FIRE_OF = {fold(w) for w in ("بنيران", "بنار", "برصاص", "بقذائف", "بقذيفة", "بصواريخ", "بصاروخ", "بغارة",
                                 "بغارات", "بقصف")}


def _subject_before(doc: Document, f: Frame, before: list[Mention], prev: list[Frame]) -> Mention | None:
    """SVO subject, a relative-clause antecedent, or the subject shared by coordinated verbs."""
    mt = f.match
    # coordinated verb "... وسلمته": shares the subject of the previous event in the sentence
    if prev and mt.prefix.startswith("و") and prev[-1].actor:
        return prev[-1].actor[0]
    ante = _relative_antecedent(doc, f, before)
    if ante is not None:
        return ante
    cand = [m for m in before if _gov(doc, m) == "" and mt.i - _tok(m)[1] <= 10 and _tok(m)[0] >= f.clause[0]]
    # "أبلغت تركيا الأمم المتحدة أنها بدأت شن غارات": the pronoun of "that" is the informant, the first one
    # named after the verb of saying, not the one informed
    pron = [k for k in range(f.clause[0], mt.i) if doc.tokens[k].norm in _THAT_PRONOUN]
    if pron:
        heads = [m for m in cand if m.code and _tok(m)[1] <= pron[-1]]
        if len(heads) > 1:
            return heads[0]
    # "قال مسؤول محلي إن 12 شخصا قتلوا": the speaker before a bare إن / أن is not the embedded verb's subject
    # (with a pronoun, "قالت الحركة إنها ستواصل", the speaker is)
    comp = [k for k in range(f.clause[0], mt.i) if doc.tokens[k].norm in _THAT
            and not (k + 1 < len(doc.tokens) and doc.tokens[k + 1].norm in _OWN_SIDE)]
    lo = comp[-1] + 1 if comp else f.clause[0]
    cand = [m for m in cand if _tok(m)[0] >= lo]
    coded = [m for m in cand if m.code]
    if coded:
        return coded[-1]
    if cand:
        return cand[-1]
    # "قامت X باعتقال": the subject of the support verb (within the clause)
    cand = [m for m in before if _gov(doc, m) == "" and mt.i - _tok(m)[1] <= 14 and _tok(m)[0] >= lo]
    return cand[-1] if cand else None


def _possessor(doc: Document, f: Frame, before: list[Mention], prev: list[Frame], last: Frame | None,
               ) -> Mention | None:
    """زيارته / انسحابها: the possessive suffix names the actor: the nearest earlier participant."""
    plural = doc.tokens[f.match.i].norm.endswith(("هم", "هن"))
    if before:
        people = [m for m in before if m.kind in ("person", "office", "org", "igo", "nisba", "name")
                  and _gov(doc, m) in ("", "مع")
                  # "لكنهم يواصلون هجماتهم": a plural suffix names no state or organisation (singular)
                  and not (plural and m.kind in ("name", "igo", "person"))]
        if f.trigger.roles == "visit":
            # "قال كارتر ... خلال زيارته إلى إسرائيل": a visit is a person's, not a country's named in between
            people = [m for m in people if m.kind in ("person", "office")] or people
            # "ناقشوا المسألة مع السبسي خلال زيارته إلى واشنطن": no one visits his own country's capital
            dest = next((p.country_code for p in doc.places
                         if f.match.end < p.start <= f.match.end + 12 and p.resolution != "country"), None)
            abroad = [m for m in people if m.code != dest]
            people = abroad or people
        if people:
            return people[-1]
    if last is not None and last.actor and not (plural and last.actor[0].kind in ("name", "igo", "person")):
        return last.actor[0]
    return None


def _suffix_antecedent(doc: Document, f: Frame, before: list[Mention]) -> Mention | None:
    """The one a singular possessive suffix names (محاكمته، اعتقالها): the nearest singular participant before it
    in the sentence ("الوحدات الأمنية ... مقتله" is no antecedent: a plural)."""
    word = doc.tokens[f.match.i].norm
    if not word.endswith(("ه", "ها")) or word.endswith(("هم", "هما")):
        return None
    people = [m for m in before if m.kind in ("person", "office", "org", "nisba") and _gov(doc, m) in ("", "ب", "ل")
              and not fold(m.text).split()[0].endswith(("ات", "ون", "ين"))]
    return people[-1] if people else None


def _object_pronoun(doc: Document, f: Frame, ments: list[Mention], subj: Mention | None) -> list[Mention]:
    """منحه: the object pronoun refers to the sentence's main participant other than the subject."""
    for m in ments:
        if m is not subj and _tok(m)[1] <= f.match.i and (subj is None or m.identifier != subj.identifier):
            if m.kind in ("person", "office"):
                return [m]
    return []


def _reciprocal_after(doc: Document, lo: int, hi: int) -> bool:
    return any(t.norm in _RECIPROCAL or any(x in _RECIPROCAL for x in t.forms) for t in doc.tokens[lo:hi])


def _after_done(doc: Document, f: Frame) -> bool:
    """Does تم stand right before the trigger (a comma or a time word between allowed: "تم، الثلاثاء، طرد")?"""
    toks = doc.tokens
    k = f.match.i - 1
    while k >= f.sent.tok_start and (not toks[k].is_word or _timeword(doc, k)) and f.match.i - k <= 4:
        k -= 1
    return k >= f.sent.tok_start and toks[k].norm in _DONE


def _dual_subject(doc: Document, f: Frame, before: list[Mention]) -> tuple[Mention, Mention] | None:
    """The two coordinated parties right before a dual verb (تجريان، يلتقيان، اتفقا، التقيا), or None."""
    if _verb_number(doc.tokens[f.match.i], f.trigger) != "dual" or len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    if not (b.extra.get("prefix") or "").startswith("و") or _tok(b)[0] - _tok(a)[1] > 0:
        return None
    if f.match.i - _tok(b)[1] > 2 or not a.code or not b.code or a.code == b.code:
        return None
    return a, b


def _reciprocal(f: Frame, prev: list[Frame], last: Frame | None, doc: Document) -> bool:
    """البلدان / الجانبين: the two sides of the latest event (in this sentence or before); else the two states
    named last before the trigger, in its sentence or the one before ("السعودية واليابان ترتبطان بعلاقات ... بعد
    أن وقع البلدان اتفاقية")."""
    for src in [*reversed(prev), last]:
        if src is not None and src.actor and src.recipient:
            f.actor, f.recipient = list(src.actor), list(src.recipient)
            f.flags.add("reciprocal")
            return True
    lo = doc.sentences[f.sent.index - 1].start if f.sent.index > 0 else f.sent.start
    states = [m for m in doc.mentions if lo <= m.start < f.match.start and m.kind in ("name", "country", "capital")
              and m.code and m.code not in _IGO]
    two: list[Mention] = []
    for m in reversed(states):
        if all(m.code != x.code for x in two):
            two.insert(0, m)
        if len(two) == 2:
            f.actor, f.recipient = [two[0]], [two[1]]
            f.flags.add("reciprocal")
            return True
    return False


def _local(doc: Document, m: Mention, f: Frame, home: str | None) -> bool:
    """Is the participant of the country where the event takes place (a city named in the sentence,
    outside the participants' own phrases: "وفد من جمهورية النيجر" names an origin), else the home?"""
    spans = [(x.start, x.end) for x in doc.mentions if f.sent.start <= x.start < f.sent.end]
    venues = [p for p in _sentence_places(doc, f)
              if p.resolution != "country" and not any(s <= p.start < e for s, e in spans)]
    local = venues[0].country_code if venues else home
    return bool(local and m.code == local)


def _host_order(doc: Document, f: Frame, subj: Mention | None, obj: list[Mention], home: str | None,
                ) -> tuple[list[Mention], list[Mention]]:
    """استقبل H V: H hosts; H V استقبل too. After the verb, when the object may come first (VOS), the local party is
    the host."""
    if subj is None:
        return (obj, []) if obj else ([], [])
    if not obj:
        # "استقبل في قصره ... وزير الخارجية المصري": the host is unnamed; a foreign participant is the visitor
        if not _local(doc, subj, f, home):
            return [subj], []
        return [], [subj]
    o = obj[0]
    if _tok(subj)[0] < f.match.i:
        return [o], [subj]  # "أن وزير الخارجية السعودي استقبل محافظ صنعاء": the subject before the verb hosts
    if not _local(doc, subj, f, home) and _local(doc, o, f, home) and not _is_head(subj.entity()):
        return [subj], [o]  # (a head of state who receives is the host wherever the article is from)
    return [o], [subj]


_TRIAL = fold("محاكمة")
_DONE = {fold(w) for w in ("تم", "وتم", "فتم", "يتم", "ويتم", "سيتم", "جرى", "وجرى")}
# "الاتفاق المبرم / الموقع": a participle naming how an agreement came about
_CONCLUDED = {fold(w) for w in ("المبرم", "المبرمة", "الموقع", "الموقعة", "المعقود", "المعقودة")}
_SIGNED = {fold(w) for w in ("وقع", "وقعت", "أبرم", "أبرمت", "ابرم", "ابرمت", "عقد", "عقدت")}
# "تلقى الرئيس برقية من"، "تسلم رسالة من": the verbs of receiving a message or a call
_RECEIVED = {fold(w) for w in ("تلقى", "تلقت", "يتلقى", "تتلقى", "وتلقى", "وتلقت", "استلم", "استلمت", "تسلم", "تسلمت")}
_RECEIVED_IT = {fold(w) for w in ("تلقاه", "تلقته", "تلقاها", "يتلقاه", "تتلقاه", "تلقوه", "استلمه", "استلمها")}
# verbs and nouns of occurrence: "تجددت الاشتباكات"، "انطلقت فعاليات التمرين المشترك" report the act anew
_BROKE_OUT = {fold(w) for w in ("تجددت", "تجدد", "اندلعت", "اندلع", "دارت", "استؤنفت", "تواصلت", "فعاليات",
                                "انطلاق", "انطلقت", "انطلق", "اختتام", "اختتمت", "ختام")}
# a batch of something sent: "الدفعة الثالثة من المعونة"، "شحنة جديدة من المساعدات"
_BATCH = {fold(w) for w in ("دفعة", "الدفعة", "شحنة", "الشحنة", "قافلة", "القافلة", "حمولة", "الحمولة", "كمية",
                            "كميات", "شحنات", "الشحنات", "دفعات", "الدفعات")}


def _parties_after(toks, mt: Match, hi: int) -> int | None:  # type: ignore[no-untyped-def]
    """The بين that names an agreement's parties after a participle ("اتفاق فيينا المبرم في 14 تموز بين إيران
    والدول الست"), or None."""
    k = next((q for q in range(mt.j, min(hi, mt.j + 10)) if toks[q].norm == _BETWEEN), None)
    if k is None or k <= mt.j:
        return None
    if any(set(toks[q].forms) & _CONCLUDED for q in range(mt.j, min(k, mt.j + 2))):
        return k
    # "الاتفاق النووي الذي وقع في 14 يوليو بين طهران والقوى الست": a relative clause of signing
    if any(toks[q].norm in _RELATIVE and toks[q + 1].norm in _SIGNED for q in range(mt.j, min(k - 1, mt.j + 2))):
        return k
    return None


def _anaphoric(doc: Document, mt: Match, trig: Trigger) -> bool:
    """A definite or demonstrative verbal noun (هذه الزيارة، الهجوم) refers to an event told elsewhere."""
    if trig.pos == "v" or trig.roles == "charge":
        return False  # ("التدخلات الإيرانية في شؤون البحرين": a charge is made in the telling)
    if any(doc.tokens[k].norm == _BETWEEN for k in range(mt.j, min(len(doc.tokens), mt.j + 2))):
        return False  # "الاتفاق بين تركيا والولايات المتحدة"، "الاشتباكات الدموية بين": it names its parties
    if trig.type in ("AGREE", "CONSULT") and _parties_after(doc.tokens, mt, len(doc.tokens)) is not None:
        return False  # "الاتفاق المبرم في 14 تموز بين إيران والدول الست": it names its parties and date
    if mt.i > 0 and set(doc.tokens[mt.i - 1].forms) & _BROKE_OUT:
        return False  # "تجددت الاشتباكات"، "اندلعت المواجهات": a verb of occurrence reports it anew
    if mt.i > 0 and doc.tokens[mt.i - 1].norm in _DONE:
        return False  # "تم الاتفاق"، "وتم القبض على": a passive report, not a reference back
    if mt.i > 1 and doc.tokens[mt.i - 1].norm == "من" and any(
            set(t.forms) & _BATCH for t in doc.tokens[max(0, mt.i - 4):mt.i - 1]):
        return False  # "الدفعة الثالثة من المعونة": a new batch of the aid, not a reference back
    if trig.form_kind == "definite" or (mt.prefix == "" and doc.tokens[mt.i].norm.startswith("ال")
                                        and trig.pos == "n"):
        return True
    if mt.i > 0 and doc.tokens[mt.i - 1].norm in {fold("هذه"), fold("هذا"), fold("تلك"), fold("ذلك")} \
            and doc.tokens[mt.i].norm not in _PREP_WORDS:
        return True  # (not "جاء ذلك خلال اتصال هاتفي": the phrase opens on its preposition)
    return False


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
             and not _commemorated(doc, t.start_char)]
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


# "جاء ذلك خلال ..."، "وجاءت تعليقات أوباما خلال مقابلة ...": a sentence that says when and where the one
# before it was said or done
_CAME = {fold(w) for w in ("جاء", "وجاء", "جاءت", "وجاءت", "يأتي", "ويأتي", "تأتي", "وتأتي")}
_CAME_WHAT = {fold(w) for w in ("ذلك", "هذا", "هذه", "تصريحات", "تصريح", "تعليقات", "كلمة", "حديث", "أقوال",
                                "دعوة", "موقف", "بيان", "التصريحات", "التعليقات", "الدعوة", "الكلمة")}


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


# "بعد ذلك بعام"، "قبل ذلك بشهرين": a span counted from the event told just before
_SPANS = {fold(w): (n, unit) for w, n, unit in (
    ("عام", 1, "year"), ("سنة", 1, "year"), ("عامين", 2, "year"), ("سنتين", 2, "year"),
    ("شهر", 1, "month"), ("شهرين", 2, "month"), ("أسبوع", 7, "day"), ("أسبوعين", 14, "day"),
    ("يوم", 1, "day"), ("يومين", 2, "day"))}


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


_HABITUAL = {fold(w) for w in ("يوميا", "باستمرار", "بانتظام", "عادة", "غالبا", "دائما", "أسبوعيا")}


def _place_mention(p: Place) -> Mention:
    """The state of a place, as a participant (the host of a visit, the giver of a handover)."""
    m = Mention(start=p.start, end=p.end, text=p.text, kind="place", code=p.country_code, sector="GOV",
                identifier=p.name, source="place")
    m.extra.update({"codes": [p.country_code], "prefix": "", "tok": (0, 0), "code_source": "place"})
    return m


def _fill_host(doc: Document, f: Frame, home: str | None) -> None:
    """A visit names its host by the place visited when no host is named (وصل X إلى مدينة بنغازي); a
    handover received abroad names its giver by the place (تسلم الجيش في ميناء تولون الفرنسي زورقين)."""
    if f.trigger.roles == "receive" and not f.actor and f.recipient:
        p = f.place
        if p is not None and f.place_source == "text" and p.country_code \
                and p.country_code not in {m.code for m in f.recipient}:
            f.actor = [_place_mention(p)]
        return
    if not f.actor or not ((f.trigger.type == "CONSULT" and f.trigger.roles in ("visit", "host", "guest"))
                           or f.trigger.type == "AID" or (f.trigger.type == "SANCTION" and f.trigger.mode == "withdraw")):
        return
    actor_codes = {c for m in f.actor for c in (m.extra.get("codes") or [m.code]) if c}
    # "زيارته إلى واشنطن في مايو، ... الإيطالية": a destination right after the visit is its host, before any
    # participant named further on
    dest = f.place is not None and f.place_source == "text" and f.trigger.roles == "visit" \
        and 0 <= f.place.start - f.match.end <= 12 and all(m.start > f.place.end for m in f.recipient)
    if f.recipient and any(m.code and m.code not in actor_codes for m in f.recipient) and not dest:
        return
    p = f.place
    if p is None and f.trigger.type == "SANCTION":
        # "سحب سفيرها من لبنان" / "في طهران": the country the ambassador served in
        for q in _sentence_places(doc, f):
            qi = _tok_index(doc, q.start)
            if qi is not None and qi >= f.match.j and qi - f.match.j <= 4 and q.country_code not in actor_codes:
                p = q
                break
    if p is not None and p.country_code and p.country_code not in actor_codes:
        f.recipient = [_place_mention(p)]


def _commemorated(doc: Document, offset: int) -> bool:
    """"بمناسبة ذكرى ثورة 23 يوليو 1952": the date an anniversary recalls is not the event's."""
    k = _tok_index(doc, offset)
    if k is None:
        return False
    return any(set(t.forms) & _ANNIVERSARY for t in doc.tokens[max(0, k - 8):k])


# things whose nationality adjective names no actor: "القانون الأمريكي"، "المناهج الصينية"
_THINGS = {fold(w) for w in ("القانون", "الدستور", "المناهج", "المنهج", "السوق", "الاقتصاد", "العملة", "الإعلام",
                             "الصحافة", "الصحف", "الأراضي", "الحدود", "المياه", "الأجواء", "الشعب", "القضية",
                             "الملف", "المشروع", "البرنامج", "الاتفاق", "الموقف", "الرأي", "الساحة")}
_NOW = {fold(w) for w in ("الآن", "حاليا", "حاليًا")}
_SUICIDE = fold("انتحاري")
_CITIZEN = fold("مواطن")
_ATTACK_WORD = fold("هجوم")
_ATTACK_VERB = fold("هاجم")  # "هاجم الوزير المعارضة": a politician attacks in words
# those whose "attack" (هجوم) is made in words
_SPEAKERS = {"GOV", "LEG", "PTY", "ELI", "JRN", "MED", "REL", "EDU", "NGO"}
_ANNIVERSARY = {fold(w) for w in ("ذكرى", "الذكرى", "ذكراه", "ذكراها")}


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


_SAYS = {fold(w) for w in ("تقول", "يقول", "قالت", "قال", "تؤكد", "أكدت", "ترى", "تعتبر", "اعتبرت", "أعلنت",
                           "تتهم", "اتهمت", "ترفض", "رفضت", "تنفي", "نفت", "تطالب", "طالبت", "حذرت", "تحذر")}


def _speaking_capital(doc: Document, p: Place) -> bool:
    """A capital right after a verb of saying is the government that speaks ("وتقول بغداد إن"، "اتهمت أنقرة")."""
    k = _tok_index(doc, p.start)
    return k is not None and k > 0 and bool(set(doc.tokens[k - 1].forms) & _SAYS) \
        and any(m.start == p.start and m.kind == "capital" for m in doc.mentions)


def _place_country(doc: Document, f: Frame) -> str | None:
    p = _sentence_places(doc, f)
    return p[0].country_code if p else None


def _sentence_places(doc: Document, f: Frame) -> list[Place]:
    return [p for p in doc.places if f.sent.start <= p.start < f.sent.end]


def _place_gov(doc: Document, pi: int) -> str:
    """The preposition governing the place at token pi (carried over "من X وY" conjuncts)."""
    toks = doc.tokens
    k = pi
    while k >= 0:
        t = toks[k]
        pre = next((pp for pp in t.prefixes if pp), "")
        core = pre.lstrip("وف")
        if core:
            return core
        if k > 0 and set(toks[k - 1].forms) & _CUES:
            k -= 1
            continue
        prev = toks[k - 1].norm if k > 0 else ""
        if prev in ("في", "الي", "من", "داخل", "قرب", "نحو", "عند", "علي", "مع"):
            return prev
        if pre.startswith("و") and k > 0:  # a conjunct: take the governor of the first member
            k -= 1
            while k > 0 and not toks[k].is_word:
                k -= 1
            continue
        return ""
    return ""


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


_VETO = {fold(w) for w in ("الفيتو", "فيتو", "النقض")}
_SECURITY_COUNCIL = "United Nations Security Council"  # as named in lexicons/igos.tsv and seats.tsv
# national seats that stand in a country's capital, and the words that place an event by one
_SEATS = {fold(w) for w in ("البرلمان", "مجلس النواب", "مجلس الشعب", "مجلس الشورى", "مجلس الأمة", "الكنيست",
                            "القصر الرئاسي", "قصر الرئاسة", "مقر الحكومة", "مقر رئاسة الوزراء", "رئاسة الوزراء")}
_BY_SEAT = {fold(w) for w in ("أمام", "امام", "قرب", "حول", "محيط", "بمحيط", "عند", "مقابل")}
_BUILDING = {fold(w) for w in ("مبنى", "مقر")}


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


_TOPIC_SHIFT = {fold(w) for w in ("إلى", "الى")}


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


def _tok_index(doc: Document, offset: int) -> int | None:
    lo, hi = 0, len(doc.tokens) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = doc.tokens[mid]
        if offset < t.start:
            hi = mid - 1
        elif offset >= t.end:
            lo = mid + 1
        else:
            return mid
    return None


# --------------------------------------------------------------------------- coding


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


_FAMILIES = {fold(w) for w in ("أهالي", "اهالي", "عائلات", "أسر", "اسر", "ذوو", "ذوي", "أقارب", "اقارب")}


_PARTY_SECTORS = {"PTY", "OPP"}


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


# the public addressed by an appeal at home
_PUBLIC = {fold(w) for w in ("المواطنين", "المواطنون", "الشباب", "الجميع", "الأهالي", "الاهالي", "السكان", "الناس",
                            "الأطباء", "الاطباء", "الطلاب", "الأسر", "الاسر", "المستهلكين", "الجمهور", "التجار")}


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
            f.flags.add("domestic-peers")
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
    if fold(trig.lemma) == _WONT and not recips and not any(
            (m.kind in ("name", "country", "capital", "nisba") and m.sector in ("GOV", None) and not m.name)
            or (m.kind == "office" and (m.office or "").startswith(_TOP_OFFICES))
            for m in f.actor):
        return []  # "الوزارة لن تسمح بأي تجاوزات": a refusal with no addressee counts from a state or its leaders only
    if (trig.type in _NEEDS_RECIPIENT or trig.mode == "censor") and not recips and not _multilateral(trig, actors[0]):
        return []
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
            m.kind in ("person", "office") and m.sector in _SPEAKERS
            and not fold(m.text).split()[0].endswith(("ين", "ون", "ات")) for m in f.actor) \
            and (any(t.forms[-1].startswith(_ATTACK_WORD) for t in doc.tokens[f.match.i:f.match.j + 4])
                 or (trig.pos == "v" and fold(trig.lemma) == _ATTACK_VERB)):
        # "شن الوزير هجوما حادا على المعارضة": a politician's or an official's attack is in words (PLOVER
        # ACCUSE); not an attack carried out (شنته) or one by a group (مسلحين، مسؤولين)
        types, mode = ["ACCUSE"], ["disapprove"]
        f.rule += ".verbal"
    if trig.type == "ASSAULT" and trig.pos == "v" and actors and all(a.sector == "CVL" for a in actors):
        if trig.mode == "kill":
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
            or _government_and_party(grp, recips) else [])
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


_RATIFIED = fold("صادق")
# what one "controls" without taking ground: the air, the situation, the debate
_ABSTRACT = {fold(w) for w in ("الجو", "الأجواء", "الوضع", "الأوضاع", "مجريات", "المشهد", "الساحة", "السوق", "الأسواق",
                               "النقاش", "الحديث", "اهتمام", "الاهتمام", "أعصابه", "الموقف", "زمام", "حافة")}


def _abstract_hold(doc: Document, f: Frame) -> bool:
    """The word after the trigger's على names no ground ("يسيطر على الجو"، "سيطر على مجريات المؤتمر")."""
    toks = doc.tokens
    k = next((q for q in range(f.match.i, min(f.sent.tok_end, f.match.j + 6)) if toks[q].norm == "علي"), None)
    if k is None:
        k = f.match.j - 1 if toks[f.match.j - 1].norm == "علي" else None
    return k is not None and k + 1 < f.sent.tok_end and bool(set(toks[k + 1].forms) & _ABSTRACT)


# armed sides: what they drive out, or are driven out of, is fought over
_ARMED = {"MIL", "REB", "UAF", "PRM"}
_EMBASSY = {fold(w) for w in ("السفارة", "سفارة", "القنصلية", "قنصلية", "مقر السفارة")}


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


# the support verbs of thanks and appreciation (أعرب عن تقديره، قدم شكره): lemmas of their trigger row
_THANKS_VERBS = {fold(w) for w in ("أعرب", "قدم", "نقل", "وجه")}


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


_MONITOR = fold("مرصد")


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


_CONTEXT_WORDS = {
    "military": ("العسكري", "العسكرية", "الدفاع", "الجيش", "القوات المسلحة"),
    "terrorism": ("الإرهاب", "الإرهابية", "إرهابي", "داعش", "القاعدة"),
    "economic": ("الاقتصادي", "الاقتصادية", "التجارة", "الاستثمار", "النفط"),
    "diplomatic": ("الدبلوماسية", "الدبلوماسي", "العلاقات الثنائية", "السفير", "السفارة"),
    "migration": ("المهاجرين", "الهجرة", "اللاجئين", "النازحين"),
    "trafficking": ("تهريب", "المهربين", "الاتجار"),
    "crime": ("جريمة", "الجرائم", "المخدرات"),
    "human_rights": ("حقوق الإنسان",),
    "peacekeeping": ("حفظ السلام",),
    "election": ("الانتخابات", "الانتخابية"),
}
_CONTEXT_KEYS = {k: [fold(w) for w in ws] for k, ws in _CONTEXT_WORDS.items()}


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


def _codes(es: list[Entity]) -> frozenset[str]:
    return frozenset(e.code for e in es if e.code)


def _compatible_dates(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    # a date taken from the publication (no date of its own) agrees with any recent date
    for x, y in ((a, b), (b, a)):
        if "time:publication" in x.rule and x.enddate is not None and y.date <= x.enddate \
                and (x.enddate - y.date).days <= 7:
            return True
    ae, be = a.enddate or a.date, b.enddate or b.date
    return a.date <= be and b.date <= ae


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


_SAME_PLACE_KM = 60.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_HEADS = ("king", "emir", "amir", "sultan", "crown prince", "president", "prime minister", "head of state")


def _is_head(e: Entity) -> bool:
    o = (e.office or "").lower()
    return any(h in o for h in _HEADS) and not any(w in o for w in ("vice", "deputy", "former"))


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


_VERBAL = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"}


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


def _event_id(doc: Document, e: Event, k: int) -> str:
    h = hashlib.sha1(
        f"{doc.article.doc}|{e.start}|{e.trigger.start if e.trigger else 0}|{','.join(e.event)}|{k}".encode()
    ).hexdigest()[:16]
    return f"rasid-{h}"
