"""Event detection and PLOVER coding over an annotated document.

For each sentence: find triggers (``triggers.tsv``), cut the trigger's clause,
read its modality, pick actor and recipient among the actor mentions by the
trigger's role pattern (subject/object order of Arabic VSO and SVO clauses,
prepositional targets, host/visitor constructions, بين X و Y, reciprocal
البلدان, coordinated verbs sharing a subject, relative-clause subjects), attach
a time (same clause, else discourse inheritance, else publication date for
current news) and a place, and code the event. Events describing the same
interaction inside the article are merged, keeping all their evidence.

The layers live in their own modules, each using only the ones before it: ``frame`` (the Frame and the shared
word lists and helpers), ``roles`` (actor and recipient), ``setting`` (time and place), ``coding`` (PLOVER
types, inferred participants, confidence, merging); this module finds and filters the triggers, runs the
layers over each sentence and the document-level passes between frames.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence

from rasid.actors.lexicon import head_words
from rasid.events.coding import (
    _code,
    _merge,
)
from rasid.events.frame import (
    _ACCORDING,
    _ACT_NOUNS,
    _AIMS,
    _ARMED,
    _ARRIVALS,
    _AS,
    _ATTACK_NOUNS,
    _BATCH,
    _BETWEEN,
    _BORDER,
    _BROKE_OUT,
    _CARGO,
    _CHARGE,
    _CITED,
    _CONDITIONS,
    _CONSTITUTE,
    _CONSTITUTES,
    _CONTENT_VERBS,
    _COOPERATIVE,
    _COUNT_WORDS,
    _COURTESY,
    _CRAFT,
    _DONE,
    _DURING_VISIT,
    _EMBED_WINDOW,
    _EMBEDDING_TYPES,
    _GAP,
    _GIVEN_NAMES,
    _HALTED,
    _HAMZA_LEMMAS,
    _IDENTITY,
    _IGO,
    _IN_ACT,
    _IN_EXCHANGE,
    _ISSUED,
    _KANA,
    _LEVELS,
    _LIFTING,
    _LOADED,
    _LOSS,
    _MASDAR_GOVERNORS,
    _MESSAGES,
    _NAMED_AFTER_CITY,
    _NEG_NOUN,
    _NO_COMMENT,
    _NOUN_ADJECTIVES,
    _NOUN_BEFORE,
    _NOW,
    _OBLIGATION,
    _OCCURRENCES,
    _ONSET,
    _ORDINALS,
    _PREP_WORDS,
    _REACHING,
    _READY,
    _RECORD,
    _RELATIVE,
    _RELIEF,
    _REPORTING,
    _RESPONSE,
    _RESPONSIBILITY,
    _RIGHT,
    _SIMAT,
    _SINCE,
    _STOP_VERB,
    _STOPPED,
    _SUICIDE,
    _SYMMETRIC,
    _TAFAAL,
    _TAG_HEADS,
    _TARGETED,
    _TAWAJJAHA,
    _TEMPORAL_PREPS,
    _THAT,
    _THAT_ONE,
    _THEN,
    _THIS,
    _TRADE,
    _TRUE_PREPS,
    _UNDERGO,
    _UNREAL,
    _VEHICLES,
    _VERB_NEXT,
    _VERBAL,
    _VIOLATE,
    _WEIGHED,
    _ZONE,
    Frame,
    _codes,
    _compatible_dates,
    _gov,
    _main_clause,
    _parties_after,
    _place_gov,
    _sentence_places,
    _threat_content,
    _timeword,
    _tok,
    _tok_index,
)
from rasid.events.modality import clause_bounds, is_background, modality
from rasid.events.roles import (
    _roles,
)
from rasid.events.setting import (
    _attach_place,
    _attach_time,
)
from rasid.events.triggers import Trigger, TriggerLexicon, trigger_lexicon
from rasid.model import Document, Event, Mention, Place, Sentence, Token
from rasid.place.gazetteer import load_gazetteer
from rasid.text.match import Match
from rasid.text.normalize import ends_in_ta_marbuta, fold

__all__ = ["extract_events", "Frame"]


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
            if trig.type == "AGREE" and trig.pos == "v" and fold(trig.lemma) == _WAQQA and not any(
                    set(t.forms) & _SIGNED for t in toks[mt.j:min(sent.tok_end, mt.j + 14)]) and not any(
                    set(t.forms) & _SIGNED_ON for t in toks[mt.j:min(sent.tok_end, mt.j + 5)]):
                continue  # "هجوم انتحاري وقع الاثنين": وقع with nothing signed after it is "took place"
            if trig.roles == "visit" and toks[mt.i].norm in _REACHING:
                continue  # "وصولا إلى ...": "(all the way) up to", an adverb, no arrival
            if trig.roles == "visit" and trig.lemma in _ARRIVALS and _no_destination(toks, mt, sent.tok_end):
                continue  # "وصلت إلى حد التخوين"، "زيادة وصلت إلى 5 ملايين": reaching a level, not a place
            if trig.type == "PROTEST" and trig.mode == "boycott" and (
                    toks[mt.i].norm in _CATEGORICAL_ADJ or (mt.i > 0 and set(toks[mt.i - 1].forms) & _CATEGORICAL)):
                continue  # "بشكل قاطع"، "نفيا قاطعا"، "رفضا قاطعا": categorically, no boycott
            if trig.type == "ASSAULT" and fold(trig.lemma) in _CITED_VERBS and any(
                    set(t.forms) & _CITATION for t in toks[mt.j:min(sent.tok_end, mt.j + 8)]):
                continue  # "استشهد الجنرال بتصريحات"، "ضرب أروع الأمثال": cited or set an example, no killing
            if trig.type == "ACCUSE" and fold(trig.lemma) in _DANA and mt.j < sent.tok_end \
                    and set(toks[mt.j].forms) & _OWED:
                continue  # "جيش يدين بالولاء للوطن"، "يدين بالفضل": owes loyalty or thanks, condemns no one
            if trig.type == "REJECT" and fold(trig.lemma) == _ISTABAADA and mt.j < sent.tok_end \
                    and any(set(t.forms) & _THAT for t in toks[mt.j:min(sent.tok_end, mt.j + 4)]):
                continue  # "استبعد الخبير أن تكون ...": judged unlikely, rejected no one
            if trig.type == "PROTEST" and toks[mt.i].norm in _CROSSING and mt.i > sent.tok_start \
                    and (toks[mt.i - 1].norm in _PREP_WORDS or set(toks[mt.i - 1].forms) & _NEAR):
                continue  # "عند تقاطع"، "قرب تقاطع": at an intersection
            if trig.type == "PROTEST" and toks[mt.i].norm in _CROSSING and any(
                    set(t.forms) & _ROADS for t in toks[mt.j:min(sent.tok_end, mt.j + 2)]):
                continue  # "تقاطع طريق الملك عبدالله" (the intersection of a road), no boycott
            if trig.type == "ASSAULT" and _natural_cause(toks, mt, sent):
                continue  # "مقتل طفلين إثر انقلاب خزانة"، "هجوم من سمكة قرش": an accident or an animal, no attacker
            if trig.type == "ASSAULT" and trig.pos == "n" and fold(trig.lemma) == _EXECUTION and any(
                    set(t.forms) & _VERDICT for t in toks[max(sent.tok_start, mt.i - 3):mt.i]) and not any(
                    t.forms[-1].startswith(_CARRY_OUT) for t in toks[max(sent.tok_start, mt.i - 4):mt.i] if t.forms):
                # "الحكم الصادر بإعدامه": a death sentence passed, no execution carried out
                trig = dataclasses.replace(trig, type="SANCTION", mode="convict")
                mt = Match(mt.i, mt.j, trig, mt.prefix, mt.start, mt.end, mt.noun)
            if trig.pos == "n" and trig.type == "REQUEST" and not mt.prefix and toks[mt.i].norm == _MUTALIBA \
                    and mt.i > sent.tok_start and toks[mt.i - 1].norm in ("،", ","):
                # "أكدت الخارجية رفض مصر ...، مطالبة بضرورة": after a comma the feminine participle of the main
                # clause's subject, not the noun "a demand"
                trig = dataclasses.replace(trig, pos="a", form_kind="participle")
                mt = Match(mt.i, mt.j, trig, mt.prefix, mt.start, mt.end, mt.noun)
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
            if trig.type == "COERCE" and trig.mode == "arrest" and toks[mt.i].norm == _TAWAQQUF and not any(
                    "tok" in m.extra and mt.j <= m.extra["tok"][0] <= mt.j + 3 for m in ment_by_sent.get(sent.index, [])):
                continue  # "توقف التطبيق 4 ساعات": stopped (تَوَقَّف), with no one held after it
            if trig.type == "COERCE" and trig.mode == "arrest" and mt.j < len(toks) \
                    and set(toks[mt.j].forms) & _STOPPED:
                f.flags.add("embedded")  # "يوقف نزيف الدم": a process stopped, not an arrest
            if trig.type == "COERCE" and trig.mode == "arrest" and mt.j < len(toks) and (
                    set(toks[mt.j].forms) & _HALTED or (fold(trig.lemma) == _STOP_VERB and any(
                        set(t.forms) & _HALTED for t in toks[mt.j + 1:min(sent.tok_end, mt.j + 5)]))):
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


def _tafaal_noun(toks, mt: Match, sent: Sentence) -> bool:  # type: ignore[no-untyped-def]
    """"أكد الطرفان على تعاونهما"، "اتفاقية تعاون": the verbal noun (spelt like the verb) with a possessive or
    after a noun; the verb opens its clause ("وتعاونت الشرطة"، "تعاون الجيش مع")."""
    trig: Trigger = mt.payload
    if trig.pos != "v" or fold(trig.lemma) not in _TAFAAL:
        return False
    return trig.form_kind == "object" or (trig.form_kind == "" and not mt.prefix and mt.i > sent.tok_start
                                          and toks[mt.i - 1].is_word and toks[mt.i - 1].norm not in _VERB_NEXT)


def _loaded(toks, mt: Match, sent: Sentence) -> bool:  # type: ignore[no-untyped-def]
    """"محملا X مسؤولية" blames X; "سفينة محملة بالمساعدات" is loaded: the participle blames only with the
    responsibility named within a few words."""
    if mt.payload.form_kind != "participle" or not any(f.startswith(_LOADED) for f in toks[mt.i].forms):
        return False
    return not any(set(toks[q].forms) & _RESPONSIBILITY for q in range(mt.j, min(sent.tok_end, mt.j + 5)))


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


def _natural_cause(toks, mt: Match, sent: Sentence) -> bool:  # type: ignore[no-untyped-def]
    """The death or attack has a cause that is no one's act: an accident or natural disaster after إثر/جراء/بسبب
    ("مقتل طفلين إثر انقلاب وحدتين"، "وفاة ثلاثة جراء الغرق"), or an animal ("هجوم من سمكة قرش"، "ثور نطح")."""
    lo, hi = max(sent.tok_start, mt.i - 6), min(sent.tok_end, mt.j + 8)
    if any(set(t.forms) & _DISASTERS for t in toks[max(sent.tok_start, mt.i - 4):mt.i]):
        return True  # "الزلزال الذي أودى بحياة 8800 شخص": a disaster as the subject
    if any(set(t.forms) & _LIGHTNING for t in toks[lo:hi]):
        return True  # "قتل بريطاني بعد أن صعق البرق عصا السيلفي": struck by lightning
    for k in range(lo, hi):
        forms = set(toks[k].forms)
        if forms & _ANIMALS:
            return True
        if forms & _CAUSE and any(set(t.forms) & _MISHAPS for t in toks[k + 1:min(hi, k + 3)]):
            return True
    return False


def _idiom(toks, mt: Match) -> bool:  # type: ignore[no-untyped-def]
    """"تحت تهديد السلاح" (at gunpoint), "أيده الله" (may God support him, an honorific after a ruler's name): a
    trigger inside a fixed phrase reports no event of its own."""
    if mt.j < len(toks) and toks[mt.j].norm == _GOD and mt.payload.pos == "v":
        return True
    if mt.payload.type == "CONSULT" and mt.j < len(toks) and set(toks[mt.j].forms) & _PEAK_OF \
            and set(toks[mt.i].forms) & _SUMMIT:
        return True  # "بلغت قمة التوتر" (tension peaked), "قمة الدوري": the top of something, no summit
    if mt.i == 0:
        return False
    prev = toks[mt.i - 1].norm
    typ = mt.payload.type
    return typ == "THREATEN" and prev == fold("تحت")


_GOD = fold("الله")
_WAQQA = fold("وقع")
# what is signed (وقع على / وقع اتفاقية): without one of these after it, وقع is "took place"
_SIGNED_ON = {fold(w) for w in ("على", "عليه", "عليها", "عليهما")}  # "وقعت مصر والسودان على": near the verb
_SIGNED = {fold(w) for w in ("اتفاق", "اتفاقا", "الاتفاق", "اتفاقية", "الاتفاقية",
                             "اتفاقيات", "الاتفاقيات", "مذكرة", "مذكرات", "عقد", "عقدا", "عقود", "العقد", "بروتوكول",
                             "وثيقة", "الوثيقة", "إعلان", "الإعلان", "ميثاق", "الميثاق", "معاهدة", "المعاهدة", "اتفاقيتين",
                             "اتفاقين", "مذكرتي", "مذكرتين", "خطاب", "بيان", "البيان", "رسالة", "قرار", "القرار", "مرسوم",
                             "المرسوم", "أمر", "الأمر", "صفقة", "الصفقة", "عريضة")}
_MUTALIBA = fold("مطالبة")
_EXECUTION = fold("إعدام")
_TAWAQQUF = fold("توقف")
_CROSSING = {fold(w) for w in ("تقاطع", "التقاطع")}
_NEAR = {fold(w) for w in ("عند", "قرب", "بالقرب", "أمام", "حادث", "إشارة", "إشارات")}
_DANA = {fold(w) for w in ("أدان", "دان")}
_CITED_VERBS = {fold(w) for w in ("استشهد", "ضرب")}
_CITATION = {fold(w) for w in ("بقول", "بكلام", "بمثال", "بتصريح", "بتصريحات", "بآية", "بحديث", "بدراسة", "بتقرير", "بأرقام",
                            "ببيانات", "بمقولة", "بعبارة", "بما", "بأقوال", "بشهادة", "بمقال", "بكتاب", "مثلا", "مثالا",
                            "المثل", "الأمثال", "أمثلة", "الأمثلة", "أروع", "موعدا", "رقما", "بعرض")}
_OWED = {fold(w) for w in ("بالولاء", "بالفضل", "بالشكر", "بالامتنان", "بالطاعة", "بالدين", "بالإسلام", "بالمسيحية",
                           "بالوفاء", "لهم", "له", "لها")}
_ISTABAADA = fold("استبعد")
_CATEGORICAL_ADJ = {fold(w) for w in ("قاطعا", "قاطعة", "القاطع", "القاطعة", "قاطعًا")}
_CATEGORICAL = {fold(w) for w in ("بشكل", "بصورة", "نفيا", "رفضا", "دليل", "دليلا", "ردا", "موقفا", "جوابا")}
_ROADS = {fold(w) for w in ("طريق", "الطريق", "شارع", "الشارع", "طرق", "الطرق", "شوارع", "مع", "جسر", "الجسر")}
_CAUSE = {fold(w) for w in ("إثر", "اثر", "جراء", "بسبب", "نتيجة", "بفعل")}
_MISHAPS = {fold(w) for w in ("حادث", "حادثة", "حوادث", "انقلاب", "غرق", "حريق", "الحريق", "سقوط", "انهيار", "صعق",
                              "تسمم", "اصطدام", "تصادم", "عاصفة", "فيضان", "فيضانات", "سيول", "السيول", "زلزال",
                              "الزلزال", "مرض", "انزلاق", "تدافع", "التدافع", "الحر", "الحرارة",
                              "تماس", "اختناق", "الاختناق", "الغرق", "السير", "المرور", "المروري")}
_DISASTERS = {fold(w) for w in ("زلزال", "الزلزال", "الفيضانات", "فيضانات", "السيول", "سيول", "العاصفة", "الإعصار",
                                "إعصار", "الحريق", "حريق", "الحادث", "حادث", "الانهيار", "البركان", "الجفاف", "المجاعة",
                                "الوباء", "وباء", "الحر", "موجة")}
_LIGHTNING = {fold(w) for w in ("البرق", "صاعقة", "الصاعقة", "صعق", "صعقة")}
_ANIMALS = {fold(w) for w in ("قرش", "القرش", "ثور", "ثورا", "الثور", "تمساح", "التمساح", "أفعى", "الأفعى", "ثعبان",
                              "نمر", "النمر", "دب", "الدب", "فيل", "الفيل", "كلب", "الكلب", "كلاب",
                              "ذئب", "الذئب", "بيسون", "نحل", "النحل", "عقرب")}
_CARRY_OUT = (fold("نفذ"), fold("تنفيذ"), fold("ينفذ"), fold("تنفذ"))  # "نفذت السلطات حكم الإعدام": carried out
_VERDICT = {fold(w) for w in ("حكم", "الحكم", "حكما", "أحكام", "الأحكام", "أحكاما", "قضت", "قضى", "تقضي", "يقضي",
                              "الصادر", "صادر", "صدور", "بحكم")}
_CAPITAL_WORD = {fold(w) for w in ("العاصمة", "عاصمة")}
_SUMMIT = {fold(w) for w in ("قمة", "القمة")}
# what a peak (قمة) may be the top of, rather than a summit meeting
_PEAK_OF = {fold(w) for w in ("التوتر", "التصعيد", "الأزمة", "الهرم", "الجبل", "جبل", "السعادة", "الإثارة", "العطاء",
                              "الأداء", "المجد", "الجدول", "الترتيب", "الدوري", "الغضب", "النجاح", "الانهيار", "التطرف",
                              "الفساد", "الأولويات", "اهتمامات", "الاهتمامات", "أولويات", "الهيمنة", "العنف")}


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
        # "وجهت الفرق الإسعافية للموقع وفور وصولها": a suffixed noun's owner is the vehicle or team before it
        return mt.payload.form_kind == "possessive" and _vehicle_before(doc, mt)
    # "وصلت إلى ميناء عدن أمس سفينة ...": the subject after a destination and a time
    k = mt.j
    while k < min(len(toks), mt.j + 8):
        t = toks[k]
        if t.norm in ("الي", "في") and k + 1 < len(toks):
            # skip the destination: a place right after the preposition or after its cue word ("إلى ميناء عدن")
            place = next((p for p in doc.places if toks[k + 1].start <= p.start <= toks[min(k + 2, len(toks) - 1)].start),
                         None)
            k = (_tok_index(doc, place.end - 1) or k + 1) + 1 if place is not None else k + 2
        elif not t.is_word or _timeword(doc, k) or t.norm in _ORDINALS or any(
                m.kind == "nisba" and m.extra.get("tok", (-1,))[0] == k for m in doc.mentions):
            k += 1  # "وصلت إلى ميناء عدن اليمني أمس أول سفينة": the place's adjective, the time and an ordinal
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


def _declines_comment(toks, j: int) -> bool:  # type: ignore[no-untyped-def]
    """"التعليق" or "الإدلاء" within the clause after the verb (its subject may stand between)."""
    for x in toks[j:j + 10]:
        if x.norm in ("،", ",", ".", "؛"):
            return False
        if set(x.forms) & _NO_COMMENT:
            return True
    return False


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
    if t.type == "REJECT" and t.pos == "v" and _declines_comment(toks, mt.j):
        return True  # "ورفض متحدث باسم مكتب رئاسة الوزراء التعليق": declining to comment refuses nothing
    if t.roles == "host" and any(set(x.forms) & _CRAFT for x in toks[mt.j:mt.j + 3]):
        return True  # "استقبل مطار عدن ثلاث طائرات": an airport receiving planes, no visitor
    return t.roles == "guest" and mt.j < len(toks) and bool(set(toks[mt.j].forms) & _CARGO)


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
                    and not (mt.payload.pos == "v" and mt.prefix.startswith("و")) \
                    and not any(toks[q].norm in _REPORTING for q in range(o.j, mt.i)):
                # (a reporting verb between opens a new statement: "الذي رفض ذكر اسمه قال إن X طالب")
                return True
    for t in toks[max(clause_lo, mt.i - 6):mt.i]:
        if t.norm in _CONTENT_VERBS or set(t.forms) & _CONTENT_VERBS:
            return True
    if mt.payload.pos != "v" and any(set(t.forms) & _OBLIGATION for t in toks[max(clause_lo, mt.i - 3):mt.i]):
        return True  # "ينبغي إطلاق سراح الصحافي"، "ضرورة وقف القصف": what should happen, not what did
    if mt.i > 1 and toks[mt.i - 1].norm == "في" and not mt.prefix \
            and any(set(t.forms) & _RIGHT for t in toks[max(clause_lo, mt.i - 4):mt.i - 1]):
        return True  # "دافع البيت الأبيض عن حق تركيا في ضرب حزب العمال": a right to act, not an act
    # "للمطالبة بعدم تقديم رئيس الحكومة تمام سلام استقالته": what is asked not to happen
    return any(t.norm == _NEG_NOUN or _NEG_NOUN in t.forms for t in toks[max(clause_lo, mt.i - 6):mt.i])


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


# buildings, sites and prizes named for a person ("مسجد الإمام الصادق"، "مطار الملك خالد"، "جائزة الملك فيصل")
_NAMED_FOR_PERSON = {fold(w) for w in ("مسجد", "جامع", "حسينية", "ضريح", "مرقد", "مستشفى", "مدرسة", "شارع", "مطار",
                                       "جامعة", "ميناء", "جائزة", "ساحة", "ميدان", "جسر", "قاعة")}


def _is_actor(doc: Document, m: Mention) -> bool:
    """Capitals and country names after a locative preposition are places, not actors."""
    g = _gov(doc, m)
    if m.kind == "capital" and g:
        return False  # في موسكو / العاصمة طهران: a place
    if m.kind == "capital" and _after_capital_word(doc, m):
        return False  # "بالعاصمة الأرجنتينية بوينس آيرس": the capital named after العاصمة is a place
    i0 = m.extra["tok"][0]
    if m.kind == "capital" and i0 > 0 and set(doc.tokens[i0 - 1].forms) & _NAMED_AFTER_CITY:
        return False  # "بيان جنيف 1"، "مؤتمر فيينا"، "مسار أستانة": the city names a text or a meeting, no party
    if m.kind in ("name", "country") and g in ("في", "داخل", "dir"):
        return False
    if m.kind in ("name", "country", "capital") and _conjoined_place(doc, m):
        return False  # "في العراق وسوريا واليمن": countries joined to a place after في are places too
    i = m.extra["tok"][0]
    if m.kind in ("person", "office") and i > 0 and set(doc.tokens[i - 1].forms) & _NAMED_FOR_PERSON:
        return False  # "تفجير مسجد الإمام الصادق"، "مطار الملك خالد": a building named for someone, no participant
    if i > 0 and doc.tokens[i - 1].norm in _ACCORDING:
        return False  # "بحسب المنظمة"، "وفقا للشرطة": the source of the report, not a participant
    if m.kind == "nisba" and any(p.end <= m.start and not doc.text[p.end:m.start].strip() and p.country_code == m.code
                                 for p in doc.places):
        return False  # "قرب مدينة حلب السورية": the adjective of a place, no participant
    if m.kind in ("name", "country", "capital", "nisba") and g == "مع" and i > 1 \
            and set(doc.tokens[i - 2].forms) & _BORDER:
        return False  # "بلدة مندلي القريبة من الحدود مع إيران": the border names a place, no participant
    if i > 0 and fold(m.text).startswith(_SUICIDE) and (
            doc.tokens[i - 1].norm.endswith(("ان", "ين")) or set(doc.tokens[i - 1].forms) & _ATTACK_NOUNS):
        return False  # "قتل تفجيران انتحاريان 13 شخصا": the adjective of the bombings, not the bombers
    return True


def _conjoined_place(doc: Document, m: Mention) -> bool:
    """The mention is joined by و to a country or capital that is a place ("في العراق وسوريا ولبنان")."""
    i0 = m.extra["tok"][0]
    t = doc.tokens[i0]
    if i0 == 0 or not any(p == "و" for p in t.prefixes):
        return False
    # the mention ending right before this one (mentions are in text order; no scan of the whole document)
    k = bisect.bisect_left(doc.mentions, m.start, key=lambda x: x.start)
    prev = next((p for p in doc.mentions[max(0, k - 3):k] if "tok" in p.extra and p.extra["tok"][1] == i0), None)
    if prev is None:
        return False
    if prev.kind in ("name", "country", "capital"):
        return not _is_actor(doc, prev)
    # "المدنيين في العراق وسوريا": a people named with their place, the next country joins the place
    return prev.extra["tok"][1] - prev.extra["tok"][0] >= 3 and doc.tokens[i0 - 2].norm in ("في", "داخل")


def _after_capital_word(doc: Document, m: Mention) -> bool:
    """The capital stands in apposition after العاصمة (and its country adjective): "بالعاصمة الأرجنتينية بوينس آيرس"."""
    i = m.extra["tok"][0]
    for k in range(i - 1, max(-1, i - 3), -1):
        t = doc.tokens[k]
        if set(t.forms) & _CAPITAL_WORD:
            return True
        if not t.norm.startswith("ال"):
            return False
    return False


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


def _event_id(doc: Document, e: Event, k: int) -> str:
    h = hashlib.sha1(
        f"{doc.article.doc}|{e.start}|{e.trigger.start if e.trigger else 0}|{','.join(e.event)}|{k}".encode()
    ).hexdigest()[:16]
    return f"rasid-{h}"
