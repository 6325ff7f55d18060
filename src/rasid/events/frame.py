"""The event frame and what the extraction layers share: word lists, the Frame being filled, and small
helpers over tokens and mentions (``rasid.events.extract`` builds frames; ``roles``, ``setting`` and ``coding``
fill and code them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.events.triggers import Trigger
from rasid.model import Document, Entity, Event, Mention, Place, Sentence, TimeExpr
from rasid.text.match import Match
from rasid.text.normalize import fold

__all__ = ["Frame"]

_PREP_WORDS = {fold(w) for w in ("في", "إلى", "على", "من", "عن", "مع", "ضد", "لدى", "بين", "عبر", "حول", "نحو",
                                  "خلال", "تجاه", "بحق", "إزاء", "رأس", "يد", "قبل", "باتجاه", "صوب", "أمام",
                                  "داخل")}
_KULL_MIN = (fold("كل"), fold("من"))
_KULLAN = fold("كلا")  # كلاً من
_ABARA = fold("عبر")
_DIRECTIONS = {fold(w) for w in ("شرق", "غرب", "شمال", "جنوب", "وسط", "شرقي", "غربي", "شمالي", "جنوبي",
                                  "قرب", "جنوب شرق", "أطراف", "ضواحي", "حدود")}
# numbers written as words, and words of counting: "قتل أمس ستة"، "قتل نحو عشرين"
_NUMBER_WORDS = {fold(w) for w in ("اثنان", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة",
                                   "عشرات", "مئات", "العشرات", "المئات", "آلاف", "الآلاف",
                                   # feminine-noun counts, teens and tens ("ثلاث من النساء"، "خمسة عشر من"، "عشرين من")
                                   "اثنتين", "اثنتان", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر",
                                   "عشرين", "عشرون", "ثلاثين", "ثلاثون", "أربعين", "أربعون", "خمسين", "خمسون",
                                   "ستين", "ستون", "سبعين", "سبعون", "ثمانين", "ثمانون", "تسعين", "تسعون", "مئة",
                                   "مائة", "ألف", "الف")}
# quantifiers that open a noun phrase: "بعض نواب المعارضة"، "معظم الضحايا"
_QUANTIFIERS = {fold(w) for w in ("بعض", "كل", "معظم", "أغلب", "غالبية", "جميع", "كافة")}
_QUANT = _NUMBER_WORDS | _QUANTIFIERS | {fold(w) for w in (
    "عدد", "مجموعة", "أحد", "إحدى", "عناصر", "عنصرا", "عنصر", "جنديا", "جنود", "شخصا", "أشخاص", "مدنيا", "مقاتلا",
    "أفراد", "أفرادا", "مقاتلي", "مقاتل", "مقاتلين", "مسلحا", "مسلحين", "عضوا", "أعضاء", "اعضاء")}
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


_LOCATIVE = {"في", "ب", "الي", "من", "cue", "dir"}


_RESPONSE = fold("رد")
_TARGETED = fold("استهدف")
_REACHING = {fold(w) for w in ("وصولا", "ووصولا")}
_STOP_VERB = fold("أوقف")
_LIFTING = {fold(w) for w in ("رفع", "برفع", "ورفع", "لرفع", "إلغاء", "بإلغاء", "تخفيف", "بتخفيف", "إنهاء", "بإنهاء",
                              "تعليق", "بتعليق")}
# texts, plans and policies that "target" (aim at) something: استهدف after or before them attacks nothing
_AIMS = {fold(w) for w in ("قرار", "القرار", "قرارا", "قانون", "القانون", "قانونا", "مشروع", "المشروع", "مشروعا",
                           "خطة", "الخطة", "برنامج", "البرنامج", "برنامجا", "المبادرة", "مبادرة", "الاتفاق",
                           "الاتفاقية", "الاستراتيجية", "استراتيجية", "السياسة", "سياسة", "الإجراءات", "إجراءات",
                           "الزيارة", "زيارة", "المؤتمر", "مؤتمر", "الدراسة", "دراسة", "الإصلاحات", "إصلاحات")}
_NO_TRUTH = fold("لا صحة له")  # the lemma of the denial phrases (عارية عن الصحة، لا أساس له من الصحة)
_WONT = fold("لن تسمح")  # the lemma of the refusals لن تسمح، لن تقبل ...


_THIS = {fold(w) for w in ("هذا", "هذه", "بهذا", "بهذه", "لهذا", "لهذه")}
_ACT_NOUNS = {fold(w) for w in ("الهجوم", "الهجمات", "الجريمة", "الجرائم", "الاعتداء", "الاعتداءات", "التفجير",
                                "التفجيرات", "العملية", "الحادث", "الحادثة", "الاغتيال", "القصف", "المجزرة")}


_DURING_VISIT = {"SUPPORT", "AGREE", "CONSULT", "COOPERATE", "REQUEST", "AID"}


# prepositions that put an act inside another: "قتل ... في هجوم"، "... جراء قصف"، "... إثر غارة"
_IN_ACT = {fold(w) for w in ("في", "خلال", "جراء", "إثر", "اثر")}


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
                                    "يحق", "تحق", "يشترط", "تشترط", "اشترط", "اشترطت", "بشرط", "شريطة",
                                    # what one is urged to refrain from: "وحث الأطراف على الامتناع عن ... السيطرة"
                                    "الامتناع", "امتناع", "يمتنع", "تمتنع", "يمتنعوا", "بالامتناع")}
_NEG_NOUN = fold("عدم")
# a border: "قرب الحدود مع إيران" locates, it names no party
_BORDER = {fold(w) for w in ("الحدود", "حدود", "الحدود البرية", "حدودها", "حدوده", "حدودنا", "الحد")}
# clashes and battles, whose sides may go unnamed ("اندلعت اشتباكات في تعز")
_CLASHES = {fold(w) for w in ("اشتباك", "اشتباكات عنيفة", "مواجهات عنيفة", "مواجهات مسلحة", "معارك عنيفة")}
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


# objects of a stop verb that are programmes, flows or dealings, not people ("أوقفت تنفيذ المشروع"، "أوقفت السفارة
# منح التأشيرات"): suspended, nobody detained
_HALTED = {fold(w) for w in ("تنفيذ", "العمل", "أعمال", "الأعمال", "المساعدات", "مساعدات", "الدعم", "دعم", "التمويل",
                            "تمويل", "المشاريع", "مشاريع", "بث", "صرف", "تصدير", "استيراد", "الرحلات", "رحلات", "منح",
                            "إصدار", "اصدار", "التعامل", "تعامل", "التعاون", "ضخ", "المفاوضات", "مفاوضات", "الحوار",
                            "التأشيرات", "تأشيرات", "نشاط", "أنشطة")}
# "يوقف نزيف الدم"، "لم توقف عملياتها"، "يوقف سيل دخول الإرهابيين": a process stopped, nobody detained
_STOPPED = {fold(w) for w in ("نزيف", "سيل", "تدفق", "دخول", "عملياتها", "عملياته", "عملياتهم", "العمليات", "القتال",
                              "الحرب", "العنف", "التصعيد", "الهجمات", "هجماتها", "هجماته", "القصف", "إطلاق", "اطلاق",
                              "التدهور", "الاستيطان", "الانتهاكات", "المفاوضات", "الحوار", "التعامل", "التعاون",
                              "معارك", "المعارك", "رسائله", "رسائلها", "الرسائل", "نشاطاته", "نشاطاتها", "الإنتاج",
                              "إنتاج", "الدراسة", "الحركة", "حركة", "المشروع", "مشروع", "خططا", "خطط", "الخطط")}
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


_THEN = {fold(w) for w in ("الوقت", "الحين", "التاريخ", "اليوم", "العام")}
_THAT_ONE = fold("ذلك")
_LADA = fold("لدى")  # "لدى": held by, posted to


def _threat_content(doc: Document, f: Frame) -> bool:
    """"هددت إيران بإغلاق مضيق هرمز"، "هدد الجنرال بأن أي حرب ستنتهي بدمار ...": the threatened act follows
    with ب (a verbal noun, or بأن and a clause)."""
    toks = doc.tokens
    return any((p.endswith("ب") and (len(w) >= 3 or w in ("ان", "انه", "انها")))
               for t in toks[f.match.j:min(f.sent.tok_end, f.match.j + 6)]
               for w, p in zip(t.forms, t.prefixes, strict=False))


_CITED = {fold(w) for w in ("بقول", "بقوله", "بتقرير", "بتقارير", "بآية", "بحديث", "بتصريح", "بتصريحات", "بمقولة",
                             "بكلام", "بمثال", "بأرقام", "بإحصاءات", "بنص", "ببيت", "بشعر", "بما")}
# events that "take place" (وقع): the condemnable acts, clashes and incidents
_OCCURRENCES = _ACT_NOUNS | {fold(w) for w in ("الواقعة", "الانفجار", "انفجار", "الاشتباكات", "اشتباكات", "المواجهات",
                                               "مواجهات", "المعارك", "معارك", "الاحداث", "احداث")}


# aircraft, ships, convoys and shipments (also what an airport or a port receives: "استقبل مطار عدن ثلاث طائرات")
_CRAFT = {fold(w) for w in ("سفينة", "السفينة", "سفن", "السفن", "باخرة", "الباخرة", "بواخر", "طائرة", "الطائرة",
                            "طائرات", "الطائرات", "شحنة", "الشحنة", "شحنات", "قافلة", "القافلة", "قوافل",
                            # duals: "سفينتي إغاثة ... وصلتا"
                            "سفينتا", "سفينتي", "سفينتان", "سفينتين", "طائرتا", "طائرتي", "طائرتان", "طائرتين",
                            "باخرتا", "باخرتي", "باخرتان", "باخرتين", "شحنتا", "شحنتان", "شحنتين")}
# what arrives without visiting anyone: craft, flights, teams, a body, goods ("المواد الطبية التي وصلت")
_VEHICLES = _CRAFT | {fold(w) for w in ("الرحلة", "رحلة", "فريقا", "فريق", "الفريق", "الفرق", "فرق", "طيران", "الطيران",
                                        "جثمان", "الجثمان", "المواد", "مواد", "المساعدات", "مساعدات", "الأسلحة", "أسلحة",
                                        "الآليات", "آليات", "المعدات", "معدات", "الأدوية", "أدوية", "الإمدادات",
                                        "إمدادات", "الذخائر", "ذخائر")}


# what a ship or a plane brings as aid ("محملة بمساعدات غذائية"، "2800 طن من الأدوية")
_RELIEF = {fold(w) for w in ("مساعدات", "المساعدات", "بمساعدات", "إغاثية", "الإغاثية", "إغاثة", "الإغاثة", "أدوية",
                             "الأدوية", "غذائية", "الغذائية", "طبية", "الطبية", "معونات", "المعونات", "إنسانية")}


_ORDINALS = {fold(w) for w in ("أول", "أولى", "ثاني", "ثانية", "ثالث", "ثالثة", "آخر", "أحدث", "أكبر")}
_TRUE_PREPS = {fold(w) for w in ("في", "إلى", "على", "عن", "مع", "لدى")}
_TAWAJJAHA = fold("توجه")
_ARRIVALS = {fold(w) for w in ("وصل", "توجه", "وصول")}
# what one "reaches" that is no place: a level, a stage, an amount
_LEVELS = {fold(w) for w in ("حد", "الحد", "حدود", "مستوى", "مستويات", "مرحلة", "المرحلة", "نسبة", "درجة", "ذروة",
                              "ذروتها", "طريق", "نتيجة", "نتائج", "قناعة", "اتفاق", "توافق", "تفاهم", "أكثر", "نحو",
                              "قرابة", "حوالي", "زهاء", "ما")}


_MESSAGES = {fold(w) for w in ("رسالة", "رسالته", "برقية", "برقيات", "رسائل", "دعوة", "خطابا", "خطاب", "تقريرا",
                                "تقرير", "أوراق", "اوراق", "نسخة")}
_TRADE = {fold(w) for w in ("استيراد", "تصدير", "بيع", "تداول", "إنتاج", "زراعة", "تهريب", "الاستيراد", "التصدير")}


_AS = {fold("كما"), fold("مثلما")}
# a pronoun that takes up a place antecedent in its relative clause ("التي قصفت منها")
_RESUMPTIVE = {fold(w) for w in ("منها", "منه", "فيها", "فيه", "عليها", "عليه")}
# "وتقاطع المعارضة الانتخابات لأنها تنكر ... بعد انتخابه في 2005": a reason clause has its own times
_BECAUSE = {fold(w) for w in ("لأن", "لأنه", "لأنها", "لأنهم", "لأنهما", "ولأن")}
# "رفض الكشف عن اسمه"، "طلب عدم ذكر هويته": the news idiom of an anonymous source; "رفض التعليق" (declined to
# comment) refuses nothing
_IDENTITY = {fold(w) for w in ("اسمه", "اسمها", "أسمائهم", "اسمائهم", "هويته", "هويتها", "هويتهم")}
# declining to comment, name or disclose refuses no one ("رفض التعليق"، "رفض ذكر الصين بالاسم"، "رفض الكشف عن هويته")
_NO_COMMENT = {fold(w) for w in ("التعليق", "بالتعليق", "للتعليق", "الإدلاء", "بالإدلاء", "ذكر", "الكشف", "الإفصاح",
                                 "تسمية")}


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


_COOPERATIVE = {"AID", "COOPERATE", "SUPPORT", "CONSULT"}


# verbs whose folded forms are common words without the hamza: برأ (acquitted) / برا (by land)
_HAMZA_LEMMAS = {fold("برأ")}


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
        if i > 2 and w.norm == "من" and doc.tokens[i - 2].norm in (_KULL_MIN[0], _KULLAN) \
                and doc.tokens[i - 3].norm in _PREP_WORDS:
            return doc.tokens[i - 3].norm  # "في كل من العراق وسوريا": the list is governed by في
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


def _partitive(doc: Document, i: int) -> bool:
    """The mention at token i follows "عدد من"، "18 عنصرا من": the counted people themselves."""
    toks = doc.tokens
    if i > 2 and toks[i - 2].norm == "من" and toks[i - 1].norm in _GROUP_MEMBERS \
            and (toks[i - 3].norm in _QUANT or toks[i - 3].norm.isdigit()):
        return True  # "ثلاثة من قادة تنظيم داعش": the counted members of the group
    return i > 1 and toks[i - 1].norm == "من" and (toks[i - 2].norm in _QUANT or toks[i - 2].norm.isdigit())


_GROUP_MEMBERS = {fold(w) for w in ("عناصر", "أفراد", "افراد", "مقاتلي", "مسلحي", "جنود", "أعضاء", "اعضاء", "قادة",
                                    "منتسبي", "ضباط")}


# "سبعة أهداف لحزب العمال"، "مواقع للحوثيين": the owner of the targets is the one attacked
_TARGET_NOUNS = {fold(w) for w in ("أهداف", "اهداف", "هدفا", "مواقع", "موقع", "مقرات", "مقر", "مخازن", "معسكرات",
                                   "معسكر", "تجمعات", "تحصينات", "آليات", "مركبات", "عناصر", "قواعد", "مراكز")}


_NAMED_AFTER_CITY = {fold(w) for w in ("بيان", "البيان", "اتفاق", "اتفاقية", "مؤتمر", "إعلان", "اعلان", "مفاوضات",
                                         "محادثات", "مباحثات", "قمة", "مسار", "عملية", "معاهدة", "وثيقة", "جولة",
                                         "اتفاقات", "اتفاقيات", "مقررات", "تفاهمات", "مبادرة")}
# words that introduce the source of a report
_ACCORDING = {fold(w) for w in ("بحسب", "وبحسب", "حسب", "وحسب", "وفق", "وفقا", "ووفقا", "طبقا", "وطبقا", "نقلا")}


def _tok(m: Mention) -> tuple[int, int]:
    return m.extra["tok"]


_BROUGHT_TOGETHER = {fold(w) for w in ("جمعهما", "جمعتهما", "جمعهم", "جمعتهم", "ضمهما", "ضمتهما", "ضمهم", "ضمتهم")}
_AS_WELL = {fold(w) for w in ("كما", "وكما")}


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


_RELEASE_PARTICLES = {fold("عن"), fold("سراح")}


# "في مقر X"، "بمبنى X"، "في قصر X": a body named after such a noun names where something happens
_VENUE_NOUNS = {fold(w) for w in ("مقر", "مبنى", "قصر", "ديوان", "مكتب", "مقار", "سفارة", "قاعة")}


# "بلاده"، "بلدها": the speaker's own country, as the tail of a mention
_OWN_COUNTRY = tuple(fold(w) for w in ("بلاده", "بلادها", "بلادهم", "بلدها", "بلده"))


_PRAISED_ROLES = {fold(w) for w in ("دور", "جهود", "موقف", "مواقف", "مبادرة", "مساعي", "وقفة", "دعم")}


_AS_WELL = {fold(w) for w in ("كما", "وكما")}  # "كما اتهم إيران بالتدخل": the verb goes on the last subject


_SITED = {fold(w) for w in ("المنعقدة", "المنعقد", "الواقعة", "الواقع", "الكائنة", "الكائن", "ومقرها", "ومقره",
                            "مقرها", "مقره", "المتمركزة", "المتمركز", "ومقرهما")}


_KANA = {fold(w) for w in ("كان", "كانت", "كانوا", "كانا", "كانتا", "وكان", "وكانت", "وكانوا")}


_DEPART = {fold(w) for w in ("غادر", "غادرت", "يغادر", "تغادر", "وغادر", "وغادرت")}


_CLAIM = {fold(w) for w in ("تبنى", "تبنت", "تبنوا", "يتبنى", "تبني", "وتبنى", "وتبنت", "مسؤوليته", "مسؤوليتها",
                            "مسؤوليتهم", "المسؤولية")}


_STANDS = {fold(w) for w in ("يقف", "تقف", "يقفون", "وقف", "وقفت", "وقفوا", "تقفان", "يقفان")}
_BEHIND = fold("وراء")


_THAT = {fold(w) for w in ("إن", "أن", "بأن", "وأن", "وإن")}  # "that" after a verb of saying
# what opens a reported clause; "that" may carry its subject pronoun ("قالت المنظمة إنها وثقت")
# "that" carrying its subject pronoun: أنه، بأنها، وإنهم
_THAT_PRONOUN = {fold(p + w + x) for p in ("", "ب", "و") for w in ("إن", "أن") for x in ("ه", "ها", "هم", "هما")}
_COMPLEMENTIZERS = _THAT | {fold(w) for w in ("لأن", "فإن", "كما", "حيث")} | {
    x for x in _THAT_PRONOUN if not x.startswith("و")}
# contrast and circumstance conjunctions that open a clause whose subject precedes its verb ("لكن الحكومة اتهمت")
_CLAUSE_OPENERS = {fold(w) for w in ("لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما", "إذ", "اذ")}
# words after which a form spelt like both verb and verbal noun (تنصل، تعاون) is the verb ("فيما تنصل المتحدث")
_VERB_NEXT = _CLAUSE_OPENERS | {fold(w) for w in ("كما", "ثم", "حيث", "قد", "لقد", "عندما", "حينما", "بعدما")}
# the support verb of "عبر الوزير عن أسفه"، "أعرب عن قلقه" before a phrase trigger opening on عن
_EXPRESS = {fold(w) for w in ("عبر", "عبرت", "أعرب", "أعربت", "اعرب", "اعربت", "أبدى", "أبدت", "ابدى", "ابدت")}
# "قال الوزير إن بلاده ترفض": the speaker's own side after "that"
_OWN_SIDE = set(_OWN_COUNTRY) | {fold(w) for w in ("بلادنا", "حكومته", "حكومتها", "حكومتنا", "دولته", "دولتها")}


# words that head an armed body ("قوات حزب الله"، "فصائل المعارضة"): expelling or being expelled by one is fighting
_FORCE_WORDS = {fold(w) for w in ("قوات", "جيش", "فصائل", "مسلحي", "مسلحو", "مسلحين", "مقاتلي", "مقاتلو", "مقاتلين",
                                  "عناصر", "ميليشيات", "مليشيات", "كتائب", "ألوية", "وحدات")}
_SUPPORT_VERBS = {fold(w) for w in ("أصدر", "أصدرت", "نفذ", "نفذت", "شن", "شنت", "أجرى", "أجرت", "وجه", "وجهت", "قدم",
                                    "قدمت", "اتخذ", "اتخذت", "فرض", "فرضت", "أعلن", "أعلنت", "قرر", "قررت")}


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
    # (nor a charge noun whose actor is the one charged: "رفض مصر للتدخل الإيراني ...، مطالبة": Egypt demands)
    return next((g for g in reversed(prev) if not g.flags & {"embedded", "relative"} and not g.anaphoric
                 and g.trigger.roles != "charge"), None)


# words that may open a sentence before its main verb: connectors and discourse openers ("من جانبه،"،
# "في غضون ذلك"، "على صعيد آخر")
_OPENERS = {fold(w) for w in (
    "و", "ف", "كما", "ثم", "لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما", "كذلك", "أيضا", "بدوره", "بدورها", "بدورهم", "من", "جانبه",
    "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "في", "وفي", "غضون", "ذلك", "سياق", "متصل", "صلة", "ذي",
    "المقابل", "على", "وعلى", "صعيد", "آخر", "اخر", "أخرى", "اخرى", "إلى", "الى", "جهة", "ناحية", "بالمقابل")}
# prepositions that open a sentence's setting ("وفي بيان لها، ..."، "وخلال اللقاء، ...")
_SETTING = {fold(w) for w in ("في", "خلال", "عقب", "بعد", "أثناء", "اثناء", "إثر", "اثر", "قبيل", "لدى", "ضمن")}
# a speaker's own country, or a pronoun, taken up after "قال ... إن" ("إن بلاده ترفض"، "إنها ترفض")
_THAT_HE = {fold(w) for w in ("إنها", "إنه", "أنها", "أنه", "انها", "انه")}
_SPEAKER_SIDE = _OWN_SIDE | _THAT_HE


def _timeword(doc: Document, k: int) -> bool:
    """Token k lies inside a time expression ("واستهدف أمس الطيران")."""
    t = doc.tokens[k]
    return any(x.start_char <= t.start < x.end_char for x in doc.times)


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


_GROUND = {fold(w) for w in ("داخل", "الأراضي", "أراضي", "الحدود", "حدود", "جهة", "ناحية", "الجانب", "عمق")}


# "قتلوا بنيران هندية"، "استشهد برصاص قوات الاحتلال": the weapon's owner is the agent
_BY_FIRE_OF = {fold(w) for w in ("بنيران", "بنار", "برصاص", "بقذائف", "بقذيفة", "بصواريخ", "بصاروخ", "بغارة",
                                 "بغارات", "بقصف")}


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


# "جاء ذلك خلال ..."، "وجاءت تعليقات أوباما خلال مقابلة ...": a sentence that says when and where the one
# before it was said or done
_CAME = {fold(w) for w in ("جاء", "وجاء", "جاءت", "وجاءت", "يأتي", "ويأتي", "تأتي", "وتأتي")}
_CAME_WHAT = {fold(w) for w in ("ذلك", "هذا", "هذه", "تصريحات", "تصريح", "تعليقات", "كلمة", "حديث", "أقوال",
                                "دعوة", "موقف", "بيان", "التصريحات", "التعليقات", "الدعوة", "الكلمة")}


# "بعد ذلك بعام"، "قبل ذلك بشهرين": a span counted from the event told just before
_SPANS = {fold(w): (n, unit) for w, n, unit in (
    ("عام", 1, "year"), ("سنة", 1, "year"), ("عامين", 2, "year"), ("سنتين", 2, "year"),
    ("شهر", 1, "month"), ("شهرين", 2, "month"), ("أسبوع", 7, "day"), ("أسبوعين", 14, "day"),
    ("يوم", 1, "day"), ("يومين", 2, "day"))}


_HABITUAL = {fold(w) for w in ("يوميا", "باستمرار", "بانتظام", "عادة", "غالبا", "دائما", "أسبوعيا")}


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


_SAYS = {fold(w) for w in ("تقول", "يقول", "قالت", "قال", "تؤكد", "أكدت", "ترى", "تعتبر", "اعتبرت", "أعلنت",
                           "تتهم", "اتهمت", "ترفض", "رفضت", "تنفي", "نفت", "تطالب", "طالبت", "حذرت", "تحذر")}


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


_VETO = {fold(w) for w in ("الفيتو", "فيتو", "النقض")}
_SECURITY_COUNCIL = "United Nations Security Council"  # as named in lexicons/igos.tsv and seats.tsv
# national seats that stand in a country's capital, and the words that place an event by one
_SEATS = {fold(w) for w in ("البرلمان", "مجلس النواب", "مجلس الشعب", "مجلس الشورى", "مجلس الأمة", "الكنيست",
                            "القصر الرئاسي", "قصر الرئاسة", "مقر الحكومة", "مقر رئاسة الوزراء", "رئاسة الوزراء")}
_BY_SEAT = {fold(w) for w in ("أمام", "امام", "قرب", "حول", "محيط", "بمحيط", "عند", "مقابل")}
_BUILDING = {fold(w) for w in ("مبنى", "مقر")}


_TOPIC_SHIFT = {fold(w) for w in ("إلى", "الى")}


def _tok_index(doc: Document, offset: int) -> int | None:
    return doc.token_index(offset)


_FAMILIES = {fold(w) for w in ("أهالي", "اهالي", "عائلات", "أسر", "اسر", "ذوو", "ذوي", "أقارب", "اقارب")}


_PARTY_SECTORS = {"PTY", "OPP"}


# the public addressed by an appeal at home
_PUBLIC = {fold(w) for w in ("المواطنين", "المواطنون", "الشباب", "الجميع", "الأهالي", "الاهالي", "السكان", "الناس",
                            "الأطباء", "الاطباء", "الطلاب", "الأسر", "الاسر", "المستهلكين", "الجمهور", "التجار")}


_RATIFIED = fold("صادق")
# what one "controls" without taking ground: the air, the situation, the debate
_ABSTRACT = {fold(w) for w in ("الجو", "الأجواء", "الوضع", "الأوضاع", "مجريات", "المشهد", "الساحة", "السوق", "الأسواق",
                               "النقاش", "الحديث", "اهتمام", "الاهتمام", "أعصابه", "الموقف", "زمام", "حافة")}


# armed sides: what they drive out, or are driven out of, is fought over
_ARMED = {"MIL", "REB", "UAF", "PRM"}
_EMBASSY = {fold(w) for w in ("السفارة", "سفارة", "القنصلية", "قنصلية", "مقر السفارة")}


# the support verbs of thanks and appreciation (أعرب عن تقديره، قدم شكره): lemmas of their trigger row
_THANKS_VERBS = {fold(w) for w in ("أعرب", "قدم", "نقل", "وجه")}


_MONITOR = fold("مرصد")


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


_SAME_PLACE_KM = 60.0


_HEADS = ("king", "emir", "amir", "sultan", "crown prince", "president", "prime minister", "head of state")


def _is_head(e: Entity) -> bool:
    o = (e.office or "").lower()
    return any(h in o for h in _HEADS) and not any(w in o for w in ("vice", "deputy", "former"))


_VERBAL = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"}
# sectors of private life: their statements to one another are no political events
_PRIVATE = {"CVL", "BUS"}
