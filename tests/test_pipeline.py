"""The pipeline and the ``rasid extract`` contract, end to end on our own example articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import rasid
from rasid.model import Article
from rasid.pipeline import _actors, _ner
from rasid.text.segment import build_document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def test_library_api_codes_a_visit() -> None:
    text = "خبر\nوصل وزير الخارجية المصري إلى الرياض أمس في زيارة رسمية."
    events = rasid.extract(text, published="2024-03-10")
    visit = [e for e in events if e.event == ["CONSULT"]]
    assert visit and visit[0].actor[0].code == "EGY" and visit[0].recipient[0].code == "SAU"
    assert str(visit[0].date) == "2024-03-09" and visit[0].place is not None and visit[0].place.name == "Riyadh"


@pytest.mark.parametrize(("text", "n"), [
    ("قتل 27 شخصًا وأصيب 227 جريحًا. ووجهت السلطات الاتهامات.", 2),  # tanween before the period
    ("أصيب العشرات مؤخرًا. ثم أعلنت الحكومة الحداد.", 2),
    ("قال د. محمد إن الوفد وصل. ثم غادر.", 2),  # a one-letter title is no sentence end
    ("وصل م. أحمد إلى الرياض.", 1),
    ("نظمت الجزائر ندوة حول التطرف.الندوة امتداد لمبادرات سابقة.", 2),  # a stop typed with no space
    ("قال د.محمد إن أ.د. علي حضر. وبلغت القيمة 5.2 مليار.", 2),  # abbreviations and decimals stay inside
])
def test_sentence_ends(text: str, n: int) -> None:
    doc = build_document(Article(text=text))
    assert len(doc.sentences) == n, [s.text for s in doc.sentences]


def test_ner_component_feeds_the_actor_layer() -> None:
    doc = build_document(Article(text="خبر\nالتقى الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي في القاهرة."))
    _ner(doc)
    assert all(doc.text[s:e] for s, e, _ in doc.ner)
    assert any(lab == "PERS" for _, _, lab in doc.ner)
    _actors(doc)
    assert any(m.code == "EGY" for m in doc.mentions)


def test_cli_contract_doc_names_and_exit_status(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "rasid.cli.main", "extract", str(EXAMPLES / "01-visit-tripoli.txt"),
                        str(tmp_path / "bad.json"), "--published", "2025-03-05"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert "bad.json" in r.stderr and "Traceback" not in r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert lines and all(d["doc"] == "01-visit-tripoli.txt" for d in lines)


def test_cli_record_ids_become_doc(tmp_path: Path) -> None:
    rec = {"id": "rec-7", "published": "2024-03-10", "text": "خبر\nاعتقلت الشرطة الكويتية أمس خمسة أشخاص."}
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "rasid.cli.main", "extract", str(f)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    docs = {json.loads(x)["doc"] for x in r.stdout.splitlines()}
    assert docs == {"rec-7"}


@pytest.mark.parametrize("name", ["04-football.txt"])
def test_non_political_examples_give_no_events(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert rasid.extract(text, published="2025-03-05") == []


def test_sahel_example_article() -> None:
    """A whole article (written for rasid): visit with the capital named by its adjective, a background
    withdrawal with its own date, a condemnation by an IGO named with its acronym in parentheses."""
    text = (EXAMPLES / "05-sahel-force.txt").read_text(encoding="utf-8")
    events = rasid.extract(text, published="2024-03-08")
    visit = [e for e in events if e.event == ["CONSULT"] and {a.code for a in e.actor} == {"RUS"}]
    assert visit and visit[0].recipient[0].code == "MLI" and visit[0].place.name == "Bamako"
    retreat = [e for e in events if e.event == ["RETREAT"]]
    assert retreat and retreat[0].actor[0].code == "FRA" and str(retreat[0].date) == "2022-08-01"
    assert any(e.event == ["ACCUSE"] and e.actor[0].code == "IGO" and not e.recipient for e in events)


@pytest.mark.parametrize(("name", "published", "expected"), [
    # headline SVO, summons = ACCUSE, a raid, an arrest, a phone call between counterparts
    ("06-jordan-summons.txt", "2023-07-03", [("ACCUSE", "JOR", "ISR"), ("ASSAULT", "ISR", "PSE"),
                                             ("COERCE", "ISR", None), ("CONSULT", "JOR", "EGY")]),
    # recall of one's own ambassador = SANCTION; support announced in a relative clause; a welcome
    ("07-algeria-recall.txt", "2022-03-20", [("SANCTION", "DZA", "ESP"), ("SUPPORT", "ESP", "MAR"),
                                             ("SUPPORT", "MAR", "ESP")]),
    # a seizure by the IRGC navy, a US demand to Tehran, a British call opening with a reporting verb
    ("08-gulf-tanker.txt", "2023-05-04", [("COERCE", "IRN", None), ("REQUEST", "USA", "IRN"),
                                          ("REQUEST", "GBR", "IRN")]),
])
def test_example_articles(name: str, published: str, expected: list[tuple[str, str, str | None]]) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    events = rasid.extract(text, published=published)
    got = {(e.event[0], e.actor[0].code, e.recipient[0].code if e.recipient else None) for e in events}
    for typ, a, b in expected:
        assert any(t == typ and x == a and (b is None or y == b) for t, x, y in got), (typ, a, b, sorted(got))


def test_country_adjective_is_no_town_of_another_country() -> None:
    """"الحدود الهندية" is the Indian border, not al-Hindiyah (a town in Iraq)."""
    from rasid.pipeline import annotate
    from rasid.read import article_from_text

    doc = annotate(article_from_text("عززت باكستان الإجراءات الأمنية على الحدود الهندية الباكستانية أمس."))
    assert not [p for p in doc.places if p.country_code == "IRQ"], [(p.text, p.name) for p in doc.places]


def test_blast_subject_makes_the_counted_victims() -> None:
    """"قتل انفجار عبوة ناسفة خمسة جنود": the soldiers are the victims; the attackers are unnamed (UAF)."""
    events = rasid.extract("قتل انفجار عبوة ناسفة خمسة جنود مصريين في مدينة العريش أمس.", published="2015-07-22")
    attack = [e for e in events if e.event == ["ASSAULT"]]
    assert attack and attack[0].actor[0].sector == "UAF" and attack[0].recipient[0].sector == "MIL", \
        [(e.actor, e.recipient) for e in attack]


def test_club_officials_do_not_make_a_sports_article_political() -> None:
    """A club's president, board and officials are offices with no country: they must not outvote the sports words."""
    from rasid.events.domain import article_domain
    from rasid.pipeline import annotate
    from rasid.read import article_from_text

    text = ("أصبح لاعب فريق روما قريبا من الانتقال إلى النادي، بعد مفاوضات أجراها مسؤولو النادي مع المدرب. "
            "وأعلن رئيس النادي ونائب رئيس النادي وعضو مجلس الإدارة والرئيس المستقيل ورئيس مجلس الإدارة "
            "والأمين العام أن المهاجم سيصل قبل المباراة.")
    doc = annotate(article_from_text(text))
    assert article_domain(doc) == "sport"


@pytest.mark.parametrize("tags", ["سمات الجيش التركي قصف حزب العمال الكردستاني تفجير سروج",
                                  "كلمات مفتاحية: هجوم الجيش التركي قصف حزب العمال"])
def test_tag_lines_are_keywords_not_reports(tags: str) -> None:
    """A site's keyword line under the article ("سمات ...") names events but reports none."""
    text = "أعلنت وزارة الصحة التركية افتتاح مستشفى جديد في أنقرة.\n" + tags
    assert rasid.extract(text, published="2024-03-10") == []


def test_support_verb_visit_takes_its_host_after_the_noun() -> None:
    """"قام X وزير الدفاع بزيارة لـ Y": the titles before بزيارة are the visitor's own, the host follows the noun."""
    events = rasid.extract("قام ولي ولي العهد السعودي وزير الدفاع الأمير محمد بن سلمان بزيارة لحاملة الطائرات"
                           " الأمريكية ثيودور روزفلت التي تبحر حاليا في الخليج العربي.", published="2015-07-25")
    visits = [e for e in events if "CONSULT" in e.event]
    assert visits, events
    assert [a.code for a in visits[0].actor] == ["SAU"]
    assert all("وزير الدفاع" not in r.entity_text for r in visits[0].recipient), visits[0].recipient
    assert [r.code for r in visits[0].recipient] == ["USA"]


@pytest.mark.parametrize(("title", "events"), [("هذا اليوم في التاريخ", 0), ("في مثل هذا اليوم .. انتهاء الحرب", 0),
                                               ("روحاني: الاتفاق صفحة جديدة في التاريخ", 1)])
def test_almanac_columns_report_no_news(title: str, events: int) -> None:
    """"هذا اليوم في التاريخ" lists past years' events: none is news of the day (a title merely saying "in
    history" is no almanac)."""
    text = "1940 - الحرب العالمية الثانية: غارات جوية إيطالية على القوات البريطانية في مصر."
    got = rasid.extract(text, published="2015-07-24", title=title)
    assert len(got) == events, [(e.event, e.actor, e.recipient) for e in got]


def test_capital_clubs_do_not_make_a_sports_article_political() -> None:
    """"روما" and "مدريد" in a transfer story are clubs; FIFA is a sports body: they must not outvote the sports
    words."""
    from rasid.events.domain import article_domain
    from rasid.pipeline import annotate
    from rasid.read import article_from_text

    text = ("توصل نادي روما لاتفاق بشأن التعاقد مع اللاعب المصري، وسط تهديدات من فيورنتينا باللجوء إلى الاتحاد الدولي"
            " لكرة القدم. وتنافست روما ومدريد ولندن وباريس على الصفقة، وفازت روما بها بعد أن انسحبت مدريد.")
    doc = annotate(article_from_text(text))
    assert article_domain(doc) == "sport"
