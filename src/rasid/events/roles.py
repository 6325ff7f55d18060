"""Argument assignment: who is the actor and who the recipient of a trigger, from the clause's structure
(VSO and SVO order, prepositional targets, host and visitor, بين X و Y, relative clauses, coordinated verbs,
reported speech)."""

from __future__ import annotations

from rasid.actors.lexicon import head_words
from rasid.events.frame import (
    _AFFAIRS,
    _AS_WELL,
    _ATTACK_NOUNS,
    _BEHIND,
    _BETWEEN,
    _BLAST_ADJ,
    _BLASTS,
    _BROUGHT_TOGETHER,
    _CARRIED_OUT,
    _CLAIM,
    _CLAUSE_OPENERS,
    _COMMENT_VERBS,
    _COMPLEMENTIZERS,
    _CONSTITUTE,
    _CONSTITUTES,
    _COUNT_WORDS,
    _DEPART,
    _DIED,
    _DONE,
    _DURING,
    _FIRED,
    _GOES_ON,
    _GROUND,
    _HAL,
    _HONORIFICS,
    _IGO,
    _IYYA,
    _KANA,
    _KULL_MIN,
    _KULLAN,
    _LADA,
    _MEMBERS,
    _NO_TRUTH,
    _OBJ_GOV,
    _ONE_VICTIM,
    _ORGANISED,
    _OWN_COUNTRY,
    _OWN_SIDE,
    _PRAISED_ROLES,
    _PREP_WORDS,
    _PRINCIPLE,
    _PRO_DROP_SAYING,
    _QUANTIFIERS,
    _QUOTED,
    _RECEIVED,
    _RECEIVED_IT,
    _RECIPROCAL,
    _RELATIVE,
    _RELEASE_PARTICLES,
    _REPORTING,
    _RESUMPTIVE,
    _SOMEONE,
    _STANDS,
    _SUPPORT_VERBS,
    _SYMMETRIC,
    _TARGET_NOUNS,
    _THAT,
    _THAT_HE,
    _THAT_PRONOUN,
    _THINGS,
    _UNDERGO,
    _VENUE_NOUNS,
    _VERBAL,
    Frame,
    _after_prior,
    _agent_marker,
    _gov,
    _is_head,
    _main_clause,
    _opening_subject,
    _parties_after,
    _partitive,
    _sentence_places,
    _subject_after,
    _timeword,
    _tok,
)
from rasid.events.triggers import Trigger
from rasid.model import Document, Mention, Sentence, Token
from rasid.text.normalize import fold


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


def _undergoes(doc: Document, f: Frame, m: Mention | None) -> bool:
    """"تعرض X لمحاولة اغتيال"، "تعرضت القافلة لهجوم": X is the target of the attack named after تعرض."""
    toks = doc.tokens
    lo = min(_tok(m)[0], f.match.i) if m is not None else f.match.i - 4
    # (counted victims may stand between: "أصيب 12 جنديا من الجيش المصري في انفجار")
    return any(toks[k].norm in _UNDERGO or set(toks[k].forms) & _UNDERGO for k in range(max(f.clause[0], lo - 5),
                                                                                       f.match.i))


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


# a member noun with a possessive pronoun: "جنوده"، "عناصرها"، "مقاتليهم"
_OWN_MEMBERS = frozenset(fold(stem) + suffix
                         for stem in ("جنود", "عناصر", "أفراد", "افراد", "مقاتلي", "أعضاء", "اعضاء", "منتسبي",
                                      "رجال", "ضباط", "عسكريي", "أنصار", "انصار")
                         for suffix in ("ه", "ها", "هم", "نا"))


def _own_members(doc: Document, j: int, hi: int) -> bool:
    """"ثلاثة من جنوده"، "اثنين من عناصرها": a count of the subject's own men (a member noun with a pronoun)."""
    toks = doc.tokens
    for k in range(j, hi - 1):
        if toks[k].norm == "من" and toks[k + 1].norm in _OWN_MEMBERS:
            return True
    return False


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


def _target_genitive(doc: Document, m: Mention) -> bool:
    i = m.extra["tok"][0]
    pre = (m.extra.get("prefix") or "").lstrip("وف")
    return pre.endswith("ل") and i > 0 and bool(set(doc.tokens[i - 1].forms) & _TARGET_NOUNS)


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
        # (an apposition may stand between: "اشتباكات في شوارع تعز، ثالث أكبر مدينة في اليمن بعد صنعاء وعدن، بين")
        for k in range(mt.j, min(sb, mt.j + 20)):
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
        if kull is not None and cand and _tok(cand[0])[0] == kull and toks[kull - 2].norm == _KULLAN \
                and roles in ("svo", "visit", "patient"):
            # "زار في يوليو كلاً من الصين وتركيا": the accusative كلاً opens a list of objects; the subject is
            # before the verb or left unsaid
            subj = _subject_before(doc, f, before, prev)
            obj = [cand[0]]
            cand = []
            rule += ".object"
        elif kull is not None and cand and toks[kull - 2].norm != _KULLAN \
                and not (kull >= 3 and toks[kull - 3].norm in _PREP_WORDS):
            # (not "قتل المدنيين في كل من العراق وسوريا": a list governed by a preposition is no subject)
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
                and _request_content_follows(doc, cand[0]) and cand[0].kind != "person") or _plural_verb(toks[mt.i], trig)) \
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
        gen = [m for m in after if (sum(t.is_word for t in toks[mt.j:_tok(m)[0]]) <= 2
                                    or _partitive(doc, _tok(m)[0])) and _tok(m)[0] - mt.j <= 5]
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
            if not obj and not agent and subj is not None and trig.type == "ASSAULT" \
                    and _own_members(doc, min(mt.j, _tok(subj)[1]), min(sb, mt.j + 4)):
                # "أعلن الجيش مقتل ثلاثة من جنوده"، "اعترف الحزب بمقتل اثنين من عناصره": the subject's own men
                # were killed; the subject is the side hit, whoever struck is named apart or not at all
                obj, subj = [subj], None
                k = next((q for q in range(mt.j, min(sb, mt.j + 6)) if toks[q].norm in _CARRIED_OUT), None)
                if k is not None:  # "... في غارة نفذها الطيران الإسرائيلي": the raid's author struck them
                    subj = next((m for m in rest if k < _tok(m)[0] <= k + 5 and m.code
                                 and _gov(doc, m) in ("", "من")), None)
                rule += ".own-members" if subj is not None else ".own-members.passive"
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


def _release_object(doc: Document, f: Frame, after: list[Mention]) -> tuple[int, list[Mention]] | None:
    """The particle of a release verb (أفرج ... عن، أطلق ... سراح) and the released named after it."""
    toks = doc.tokens
    mt = f.match
    k = next((q for q in range(mt.j, min(f.sent.tok_end, mt.j + 6)) if toks[q].norm in _RELEASE_PARTICLES), None)
    if k is None:
        return None
    return k, [m for m in after if k < _tok(m)[0] <= k + 8][:1]


def _kull_min(doc: Document, lo: int, hi: int) -> int | None:
    """The token after "كل من" / "كلا من" (both of, each of), or None."""
    toks = doc.tokens
    for k in range(lo, min(hi, len(toks)) - 1):
        if toks[k].norm in (_KULL_MIN[0], _KULLAN) and toks[k + 1].norm == _KULL_MIN[1]:
            return k + 2
    return None


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


def _svo_subject(doc: Document, f: Frame, before: list[Mention]) -> Mention | None:
    """A subject before its verb: right after أن/إن (or the clause start) and right before the verb."""
    toks = doc.tokens
    i = f.match.i
    comma = i > 0 and toks[i - 1].norm in ("،", ",")
    cands = [m for m in before if (_tok(m)[1] == i or (comma and _tok(m)[1] == i - 1)) and _gov(doc, m) == ""
             and (m.code or (m.kind in ("office", "group") and m.sector))]
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
            k > 0 and (toks[k - 1].norm in _COMPLEMENTIZERS | _CLAUSE_OPENERS
                       or set(toks[k - 1].forms) & _COMPLEMENTIZERS)):
        return m
    if k > 0 and set(toks[k - 1].forms) & _KANA and f.trigger.form_kind == "present":
        return m  # "بينما كانت طائرات التحالف تقصف": the subject between كان and its imperfect
    if f.trigger.pos in ("n", "p") and k > 0 and set(toks[k - 1].forms) & _SUPPORT_VERBS:
        return m  # "أصدرت محكمة مصرية حكما بإعدام": the subject of the support verb, right before its object
    return None


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


def _speaks_between(doc: Document, lo: int, hi: int) -> bool:
    return any(x in _COMMENT_VERBS for t in doc.tokens[lo:hi] for x in t.forms)


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
