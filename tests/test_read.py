"""Tests for the article reader (rasid.read): formats, encodings, stdin, folders,
bad input, and the publication-date and dateline finders (table-driven).

All Arabic lines here are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from rasid.model import Article
from rasid.read import (
    ReadError,
    article_from_text,
    find_dateline,
    find_published,
    parse_date_value,
    parse_dateline,
    read_inputs,
)

DATA = Path(__file__).parent / "data" / "read"
SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "benghazi-2025-05-26.txt"
D = dt.date


def read(*inputs: str | Path, **kw) -> list[Article | ReadError]:
    return list(read_inputs([str(i) for i in inputs], **kw))


def arts(items) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def errs(items) -> list[ReadError]:
    return [x for x in items if isinstance(x, ReadError)]


def check_spans(a: Article) -> None:
    if a.title_span:
        s, e = a.title_span
        assert a.text[s:e] == a.title
    if a.dateline:
        assert a.text[a.dateline.start:a.dateline.end] == a.dateline.text


# --- publication date in the text ------------------------------------------------------------

PUBLISHED = [
    # (text, expected date or None, expected span text or None)
    ("الاثنين 2025/05/26", D(2025, 5, 26), "2025/05/26"),
    ("26 مايو 2025", D(2025, 5, 26), "26 مايو 2025"),
    ("الأحد 25 أيار/مايو 2025", D(2025, 5, 25), "25 أيار/مايو 2025"),
    ("2025-05-26", D(2025, 5, 26), "2025-05-26"),
    ("٢٦/٥/٢٠٢٥", D(2025, 5, 26), "٢٦/٥/٢٠٢٥"),
    ("الخميس ٣ تموز ٢٠٢٥", D(2025, 7, 3), "٣ تموز ٢٠٢٥"),
    ("الثلاثاء 14 كانون الثاني 2025", D(2025, 1, 14), "14 كانون الثاني 2025"),
    ("الجمعة 7 تشرين الأول 2022", D(2022, 10, 7), "7 تشرين الأول 2022"),
    ("12 جانفي 2024", D(2024, 1, 12), "12 جانفي 2024"),
    ("السبت 3 فيفري 2024", D(2024, 2, 3), "3 فيفري 2024"),
    ("9 أفريل 2023", D(2023, 4, 9), "9 أفريل 2023"),
    ("1 ماي 2023", D(2023, 5, 1), "1 ماي 2023"),
    ("الأربعاء 18 جوان 2025", D(2025, 6, 18), "18 جوان 2025"),
    ("5 جويلية 2021", D(2021, 7, 5), "5 جويلية 2021"),
    ("الأحد 15 أوت 2024م", D(2024, 8, 15), "15 أوت 2024م"),
    ("نشر في: 2 أغسطس 2023 - 10:45 ص", D(2023, 8, 2), "2 أغسطس 2023"),
    ("آخر تحديث: 2024.11.30", D(2024, 11, 30), "2024.11.30"),
    ("بتاريخ 30-12-2019", D(2019, 12, 30), "30-12-2019"),
    ("الأحد 28 ذو القعدة 1446 هـ الموافق 25 مايو 2025 م", D(2025, 5, 25), "25 مايو 2025 م"),
    ("مايو 26، 2025", None, None),  # month-first with a comma is not a format we read
    ("05/26/2025", D(2025, 5, 26), "05/26/2025"),  # month-first numeric: day > 12
    ("1446/11/28", None, None),  # Hijri year: outside the Gregorian range
    ("31 فبراير 2025", None, None),  # no such day
    ("الرباط | العرب | 4 ديسمبر 2020", D(2020, 12, 4), "4 ديسمبر 2020"),
    ("وكان الوزير قد زار المدينة في 12 مايو 2025 ضمن جولة إقليمية شملت عددا من الدول العربية", None, None),
    ("عنوان الخبر\nوقال المتحدث إن الاجتماع المقبل سيعقد في 3 آذار 2026 بحضور ممثلين عن جميع الأطراف", None, None),
    ("القاهرة في 4 نوفمبر 2024 (أ ش أ) - قال مسؤول إن الجولة المقبلة من المحادثات ستعقد قريبا بحضور الوسطاء", D(2024, 11, 4), "4 نوفمبر 2024"),
    ("الجمعه 8 نيسان 2022", D(2022, 4, 8), "8 نيسان 2022"),
    ("١٠ شتنبر ٢٠٢٢", D(2022, 9, 10), "١٠ شتنبر ٢٠٢٢"),
    ("عنوان\nسطر\nسطر\nسطر\nسطر\nسطر\nسطر\n2025-05-26", None, None),  # past the first 6 lines
    ("عنوان " + "كلام " * 90 + "\n2025-05-26", None, None),  # past the first 400 characters
]


@pytest.mark.parametrize("text,expected,span_text", PUBLISHED)
def test_find_published(text: str, expected: dt.date | None, span_text: str | None) -> None:
    found = find_published(text)
    if expected is None:
        assert found is None
        return
    assert found is not None
    d, span = found
    assert d == expected
    assert span.text == span_text
    assert text[span.start:span.end] == span.text


def test_find_published_rows() -> None:
    assert len(PUBLISHED) >= 25


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2025-05-26", D(2025, 5, 26)),
        ("2025-05-26T10:00:00Z", D(2025, 5, 26)),
        ("2015-07-21 02:51:32", D(2015, 7, 21)),
        ("26/05/2025", D(2025, 5, 26)),
        ("26 مايو 2025", D(2025, 5, 26)),
        ("غدا", None),
        ("", None),
        (None, None),
        (20250526, None),
    ],
)
def test_parse_date_value(value, expected) -> None:
    assert parse_date_value(value) == expected


# --- datelines ---------------------------------------------------------------------------------

DATELINES = [
    # (text, place, country, agency)  — place None means no dateline
    ("بنغازي (ليبيا) - استقبلت سلطات المدينة وفدا رسميا.", "بنغازي", "ليبيا", None),
    ("عين اليوم – بنغازي (ليبيا)\nاستقبلت سلطات المدينة وفدا.", "بنغازي", "ليبيا", "عين اليوم"),
    ("الرياض - واس: أعلنت الوزارة عن برنامج جديد.", "الرياض", None, "واس"),
    ("القاهرة – «الشرق الأوسط»: قال مسؤول مصري إن المحادثات مستمرة.", "القاهرة", None, "«الشرق الأوسط»"),
    ("دبي/ الرياض – رويترز: ارتفعت أسعار النفط.", "دبي", None, "رويترز"),
    ("(د ب أ) - بيروت: أعلن الجيش انتشاره جنوبا.", "بيروت", None, "د ب أ"),
    ("بيروت (رويترز) - قال مصدر أمني إن الاشتباكات توقفت.", "بيروت", None, "رويترز"),
    ("لندن ـ «القدس العربي»: نشرت الصحيفة تقريرا مطولا.", "لندن", None, "«القدس العربي»"),
    ("واشنطن - أ ف ب: أعلنت الخارجية فرض عقوبات.", "واشنطن", None, "أ ف ب"),
    ("القدس المحتلة - وكالات: اقتحمت قوات الاحتلال المسجد.", "القدس المحتلة", None, "وكالات"),
    ("الخرطوم (السودان) – دعت الأمم المتحدة إلى هدنة.", "الخرطوم", "السودان", None),
    ("جنين (الضفة الغربية) - اقتحمت قوات إسرائيلية المخيم.", "جنين", "الضفة الغربية", None),
    ("رويترز - بغداد: قال مسؤولون عراقيون إن الانتخابات ستجري في موعدها.", "بغداد", None, "رويترز"),
    ("الدوحة - قنا: استقبل أمير البلاد رئيس الوزراء.", "الدوحة", None, "قنا"),
    ("عمّان - بترا: بحث الملك مع الرئيس العلاقات الثنائية.", "عمّان", None, "بترا"),
    ("أنقرة - الأناضول: قال وزير الدفاع التركي إن بلاده مستعدة.", "أنقرة", None, "الأناضول"),
    ("دمشق – سانا: أصدرت الحكومة قرارا جديدا.", "دمشق", None, "سانا"),
    ("تونس - وات: وقع البلدان اتفاقا.", "تونس", None, "وات"),
    ("بغداد - أعلنت الحكومة العراقية عن خطة جديدة.", "بغداد", None, None),
    ("عبدالله سالم- سبق- الرياض: أعلنت الوزارة عن خطة.", "الرياض", None, "سبق"),
    ("سبق- أبها: احتفلت المدينة بالعيد.", "أبها", None, "سبق"),
    ("غزة (فلسطين) - قصفت الطائرات حيا سكنيا.", "غزة", "فلسطين", None),
    ("القاهرة في 4 نوفمبر (أ ش أ) - قال مسؤول إن الجولة ستعقد.", "القاهرة", None, "أ ش أ"),
    ("عنوان الخبر هنا\nوهران - «المثال»: افتتح الوزير معرضا.", "وهران", None, "«المثال»"),
    # not datelines
    ("وأضاف: إن الوضع مستقر.", None, None, None),
    ("وقال المتحدث إن الاجتماع انتهى دون اتفاق - بحسب مصادر.", None, None, None),
    ("قال مسؤول: لا اتفاق حتى الآن.", None, None, None),
    ("بقلم: محمد أحمد", None, None, None),
    ("السعدي: الفريق جاهز للمباراة", None, None, None),  # a quote headline, not a dateline
    ("وواصل: «الأمر محسوم»", None, None, None),
    ("الرقم: أ / 12", None, None, None),
    ("نايف سالم – جدة\nنص.", None, None, None),  # reporter first: needs the is_place hook
    ("عين اليوم – متابعات\nنص.", None, None, None),
    ("خان يونس - وكالات: قصفت الطائرات المدينة.", "خان يونس", None, "وكالات"),
    ("استقبلت سلطات المدينة وفدا رفيع المستوى من دول الجوار.", None, None, None),
    ("الاثنين 2025/05/26\nتركيز على الأمن", None, None, None),
]


@pytest.mark.parametrize("text,place,country,agency", DATELINES)
def test_parse_dateline(text: str, place: str | None, country: str | None, agency: str | None) -> None:
    d = parse_dateline(text)
    if place is None:
        assert d is None, d
        return
    assert d is not None
    assert d.place.text == place
    assert (d.country.text if d.country else None) == country
    assert (d.agency.text if d.agency else None) == agency
    for s in (d.place, d.span, d.country, d.agency, *d.places):
        if s is not None:
            assert text[s.start:s.end] == s.text
    assert d.span.start <= d.place.start and d.place.end <= d.span.end
    assert find_dateline(text) == d.place


def test_dateline_rows_and_places() -> None:
    assert len(DATELINES) >= 25
    d = parse_dateline("دبي/ الرياض – رويترز: خبر.")
    assert d is not None and [p.text for p in d.places] == ["دبي", "الرياض"]


def test_dateline_with_gazetteer_hook() -> None:
    known = {"جده", "الخرمه"}

    def is_place(s: str) -> bool:
        return s in known

    d = parse_dateline("وليد سالم – جدة\nنص الخبر.", is_place=is_place)
    assert d is not None and d.place.text == "جدة" and d.agency.text == "وليد سالم"
    assert parse_dateline("صقر خالد – متابعات\nنص.", is_place=is_place) is None
    assert parse_dateline("بيروت (رويترز) - خبر.", is_place=is_place) is None  # not in this gazetteer


def test_dateline_far_down_is_ignored() -> None:
    text = "عنوان\n" + "\n".join("فقرة عادية من نص الخبر." for _ in range(12)) + "\nبيروت (رويترز) - خبر."
    assert find_dateline(text) is None


# --- article_from_text ---------------------------------------------------------------------------

PLAIN = "مصر وليبيا تبحثان أمن الحدود\nالاثنين 2025/05/26\n\nالقاهرة - «المثال»: بحث وزيرا البلدين التعاون.\n"


def test_article_from_text_headline_and_meta() -> None:
    a = article_from_text(PLAIN)
    assert a.title == "مصر وليبيا تبحثان أمن الحدود"
    assert a.title_span == (0, len(a.title))
    assert a.published == D(2025, 5, 26) and a.published_from == "text"
    assert a.dateline is not None and a.dateline.text == "القاهرة"
    assert a.id is None and a.text == PLAIN
    check_spans(a)


def test_article_from_text_options() -> None:
    a = article_from_text(PLAIN, published=D(2020, 1, 1), title="عنوان آخر", doc="d1")
    assert a.published == D(2020, 1, 1) and a.published_from == "option"
    assert a.title == "عنوان آخر" and a.title_span is None and a.id == "d1" and a.doc == "d1"
    b = article_from_text("  " + PLAIN, title="مصر وليبيا تبحثان أمن الحدود")
    assert b.title_span == (2, 2 + len(b.title))
    check_spans(b)


def test_one_line_text_has_no_headline() -> None:
    a = article_from_text("خبر من سطر واحد بلا عنوان.")
    assert a.title is None and a.title_span is None and a.published is None


def test_headline_not_taken_as_dateline() -> None:
    a = article_from_text("ليبيا - تشاد: تعاون أمني\nنص الخبر بلا سطر مكان.\n")
    assert a.title == "ليبيا - تشاد: تعاون أمني"
    assert a.dateline is None


# --- formats -------------------------------------------------------------------------------------

def test_plain_text_file() -> None:
    (a,) = read(DATA / "plain.txt")
    assert a.title.startswith("وزير الخارجية الأردني")
    assert a.published == D(2025, 1, 12) and a.published_from == "text"
    assert a.dateline.text == "عمّان"
    assert a.path == str(DATA / "plain.txt") and a.doc == "plain.txt"
    check_spans(a)


@pytest.mark.parametrize("name", ["plain-bom.txt", "utf16.txt", "utf16le-nobom.txt"])
def test_unicode_encodings(name: str) -> None:
    (ref,) = read(DATA / "plain.txt")
    (a,) = read(DATA / name)
    assert a.text == ref.text  # BOM dropped, CRLF -> LF
    assert a.title_span == ref.title_span and a.dateline == ref.dateline


@pytest.mark.parametrize("name", ["cp1256.txt", "iso8859-6.txt"])
def test_legacy_arabic_encodings(name: str) -> None:
    (a,) = read(DATA / name)
    assert a.title == "اتفاق تجاري بين تونس والجزائر"
    assert "البلدان اتفاقا لتسهيل عبور الشاحنات" in a.text
    assert a.dateline.text == "تونس"
    check_spans(a)


@pytest.mark.parametrize("name", ["page.html", "page-cp1256.htm"])
def test_html(name: str) -> None:
    (a,) = read(DATA / name)
    assert a.title == "المغرب وموريتانيا يوقعان اتفاقا للطاقة"
    assert a.url == "https://example.org/news/2025/03/energy-deal"
    assert a.source == "صحيفة المثال"
    assert a.published == D(2025, 3, 4) and a.published_from == "record"
    assert "وقّع المغرب وموريتانيا" in a.text and "لجنة فنية" in a.text
    for junk in ("dataLayer", "gtag", "trackPageView", "font-family", "display:none", "pixel", "إعلان ممول"):
        assert junk not in a.text
    assert "\n\n" in a.text  # paragraphs separated by a blank line
    assert a.dateline is not None and a.dateline.text == "الرباط"
    check_spans(a)


def test_html_without_article_is_error(tmp_path: Path) -> None:
    p = tmp_path / "x.html"
    p.write_text("<html><head><script>var a=1;</script></head><body></body></html>", encoding="utf-8")
    (e,) = read(p)
    assert isinstance(e, ReadError) and "no article text" in e.reason


def _check_records(items, expect_gz_lines: bool = True) -> None:
    a = arts(items)
    assert [x.id for x in a] == ["r1", "r2", "r4"]
    r1, r2, r4 = a
    assert r1.title == "قطر تستضيف جولة محادثات جديدة" and r1.title_span is None
    assert r1.published == D(2025, 2, 10) and r1.published_from == "record"
    assert r1.url == "https://example.org/r1" and r1.source == "مثال"
    assert r1.dateline.text == "الدوحة"
    assert r2.published == D(2025, 2, 8) and r2.published_from == "text"
    assert r2.dateline.text == "بيروت"
    assert r4.published == D(2025, 2, 11) and r4.published_from == "crawl"
    for x in a:
        check_spans(x)


def test_jsonl_with_bad_lines() -> None:
    items = read(DATA / "records.jsonl")
    _check_records(items)
    e = errs(items)
    assert [(x.line, "not valid JSON" in x.reason) for x in e] == [(3, True), (5, False)]
    assert "fix or remove" in e[0].reason and 'no "text"' in e[1].reason
    assert [x.path.rsplit(":", 1)[1] for x in arts(items)] == ["1", "2", "6"]


def test_jsonl_gz_same_as_jsonl() -> None:
    plain = read(DATA / "records.jsonl")
    gz = read(DATA / "records.jsonl.gz")
    assert [getattr(x, "text", None) for x in gz] == [getattr(x, "text", None) for x in plain]
    assert [x.line for x in errs(gz)] == [3, 5]


@pytest.mark.parametrize("name", ["list.json", "list.json.gz"])
def test_json_list(name: str) -> None:
    items = read(DATA / name)
    _check_records(items)
    (e,) = errs(items)
    assert "record 3" in e.reason
    assert len({x.path for x in arts(items)}) == 3  # every record has its own path


def test_json_single_object() -> None:
    (a,) = read(DATA / "one.json")
    assert a.id == "r1" and a.published == D(2025, 2, 10)


def test_json_wrapped_list_and_ids(tmp_path: Path) -> None:
    p = tmp_path / "w.json"
    p.write_text(json.dumps({"articles": [{"id": 7, "text": "نص أول"}, {"text": "نص ثان"}]}), encoding="utf-8")
    a = arts(read(p))
    assert [x.id for x in a] == ["7", None]


def test_jsonl_saved_as_json(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text('{"text": "أ"}\n{"text": "ب"}\n', encoding="utf-8")
    assert [x.text for x in read(p)] == ["أ", "ب"]


def test_broken_json_list(tmp_path: Path) -> None:
    p = tmp_path / "x.json"
    p.write_text('[{"text": "نص جيد"},\n {"text": "مكسور" ]', encoding="utf-8")
    items = read(p)
    assert [x.text for x in arts(items)] == ["نص جيد"]
    (e,) = errs(items)
    assert e.line == 2 and "not valid JSON" in e.reason


@pytest.mark.parametrize(
    "line,what",
    [('[1, 2]', "an array"), ('"نص"', "a string"), ("42", "a number"), ('{"text": ""}', "empty"),
     ('{"text": 5}', "non-string")],
)
def test_jsonl_bad_records(tmp_path: Path, line: str, what: str) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "قبل"}\n' + line + '\n{"text": "بعد"}\n', encoding="utf-8")
    items = read(p)
    assert [x.text for x in arts(items)] == ["قبل", "بعد"]
    (e,) = errs(items)
    assert e.line == 2 and what in e.reason


def test_jsonl_non_utf8_line(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    before = '{"text": "قبل أن ينكسر السطر التالي في هذا الملف"}\n'
    p.write_bytes(before.encode() + b'{"text": "\xff\xfe"}\n' + '{"text": "بعد"}\n'.encode())
    items = read(p)
    assert [x.text for x in arts(items)] == ["قبل أن ينكسر السطر التالي في هذا الملف", "بعد"]
    assert errs(items)[0].line == 2


def test_jsonl_streams(tmp_path: Path) -> None:
    """A large JSONL file is read lazily: the first record comes before the file is consumed."""
    p = tmp_path / "big.jsonl"
    rec = json.dumps({"text": "نص " * 200}, ensure_ascii=False)
    p.write_text("\n".join([rec] * 3000), encoding="utf-8")
    it = read_inputs([str(p)])
    first = next(it)
    assert isinstance(first, Article)
    assert sum(1 for _ in it) == 2999


# --- bad inputs ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name,reason",
    [("empty.txt", "empty"), ("blank.txt", "empty"), ("binary.txt", "looks binary"), ("nulls.txt", "looks binary")],
)
def test_bad_files(name: str, reason: str) -> None:
    (e,) = read(DATA / name)
    assert isinstance(e, ReadError) and reason in e.reason and e.source.endswith(name)


def test_bad_file_does_not_stop_others(tmp_path: Path) -> None:
    items = read(DATA / "empty.txt", tmp_path / "missing.txt", DATA / "binary.txt", DATA / "plain.txt")
    assert [type(x).__name__ for x in items] == ["ReadError", "ReadError", "ReadError", "Article"]
    assert "no such file" in items[1].reason


def test_bad_gzip(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl.gz"
    p.write_bytes(b"not gzip at all")
    (e,) = read(p)
    assert isinstance(e, ReadError) and "gzip" in e.reason


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(json.dumps({"text": f"نص {i}"}) for i in range(20000))).encode())
    p = tmp_path / "x.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    items = read(p)
    assert arts(items) and isinstance(items[-1], ReadError)


# --- stdin ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "payload,kind",
    [
        (PLAIN.encode(), "txt"),
        ((DATA / "page.html").read_bytes(), "html"),
        ((DATA / "records.jsonl").read_bytes(), "jsonl"),
        ((DATA / "list.json").read_bytes(), "json"),
        ((DATA / "records.jsonl.gz").read_bytes(), "jsonl"),
        ((DATA / "cp1256.txt").read_bytes(), "txt"),
    ],
)
def test_stdin_sniffing(payload: bytes, kind: str) -> None:
    items = read("-", stdin=io.BytesIO(payload))
    a = arts(items)
    assert a
    if kind == "txt":
        assert a[0].title and a[0].source is None and a[0].path == "<stdin>"
    elif kind == "html":
        assert a[0].url == "https://example.org/news/2025/03/energy-deal"
    else:
        assert [x.id for x in a] == ["r1", "r2", "r4"]


def test_stdin_empty() -> None:
    (e,) = read("-", stdin=io.BytesIO(b""))
    assert isinstance(e, ReadError) and e.source == "<stdin>" and "empty" in e.reason


# --- folders -------------------------------------------------------------------------------------

def test_folder_recursive_sorted_skips_hidden() -> None:
    tree = DATA / "tree"
    items = read(tree)
    names = [Path(x.path).relative_to(tree).as_posix() for x in items]
    assert names == ["a.txt", "aa/e.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "sub/r.jsonl:1", "sub/r.jsonl:2"]
    assert read(tree) == items  # deterministic


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("x")
    (e,) = read(tmp_path)
    assert isinstance(e, ReadError) and "no files to read" in e.reason


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    p = tmp_path / "article.dat"
    p.write_text(json.dumps({"text": "نص", "id": "z"}), encoding="utf-8")
    (a,) = read(p)
    assert a.id == "z"


def test_published_option_precedence() -> None:
    opt = D(2000, 1, 1)
    a = {x.id: x for x in arts(read(DATA / "records.jsonl", published=opt))}
    assert a["r1"].published_from == "record"  # the record's own date wins
    assert a["r2"].published == opt and a["r2"].published_from == "option"
    assert a["r4"].published == opt and a["r4"].published_from == "option"
    (p,) = read(DATA / "plain.txt", published=opt)
    assert p.published == opt


# --- the seed article (shared, read-only) ---------------------------------------------------------

def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    (a,) = read(SEED)
    assert a.published == D(2025, 5, 26) and a.published_from == "text"
    assert a.dateline is not None and a.dateline.text == "بنغازي"
    assert a.title and a.title_span == (0, len(a.title))
    check_spans(a)
    d = parse_dateline(a.text)
    assert d.country is not None and d.country.text == "ليبيا"
