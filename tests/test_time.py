"""Tests for the time layer (rasid.time): a table of own sentences, invariants, and a property test."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import unicodedata
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasid.model import Article
from rasid.text.segment import build_document
from rasid.time import TIME_KINDS, TIME_PRECISIONS, as_future, find_times, resolve_text

CASES = Path(__file__).parent / "data" / "time_cases.tsv"
NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"


def _date(s: str) -> dt.date | None:
    return None if s in ("None", "-", "") else dt.date.fromisoformat(s)


def _load_cases() -> list[tuple[str, ...]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("sentence\t"):
            continue
        cols = line.split("\t")
        cols += [""] * (7 - len(cols))
        rows.append(tuple(cols[:7]))
    return rows


ROWS = _load_cases()


def test_table_is_large_enough() -> None:
    assert len(ROWS) >= 150


@pytest.mark.parametrize("sentence,published,start,end,precision,span,kind", ROWS,
                         ids=[f"{i:03d}" for i in range(len(ROWS))])
def test_time_case(sentence: str, published: str, start: str, end: str, precision: str, span: str,
                   kind: str) -> None:
    pub = _date(published)
    found = resolve_text(sentence, pub)
    if start == "-":
        assert found == [], f"expected no time expression, got {[t.text for t in found]}"
        return
    hits = [t for t in found if t.text == span]
    assert hits, f"span {span!r} not found; got {[t.text for t in found]}"
    t = hits[0]
    assert sentence[t.start_char:t.end_char] == t.text
    assert (t.start, t.end, t.precision) == (_date(start), _date(end), precision), t
    if kind:
        assert t.kind == kind, t


def test_offsets_sorted_non_overlapping() -> None:
    text = "أعلن الوزير أمس الأحد أن الاتفاق الموقع في 26 مايو 2025 سيطبق منذ مطلع العام المقبل، وقبل يومين"
    ts = resolve_text(text, dt.date(2025, 5, 26))
    assert [t.text for t in ts] == ["أمس الأحد", "26 مايو 2025", "منذ مطلع العام المقبل", "قبل يومين"]
    for a, b in zip(ts, ts[1:], strict=False):
        assert a.end_char <= b.start_char
    for t in ts:
        assert text[t.start_char:t.end_char] == t.text


def test_find_times_original_offsets_with_marks() -> None:
    text = "قال المتحدث\u0651 أمس\u064E إن\u0651 الوفد وصل في ٢٦ مايو ٢٠٢٥"
    doc = build_document(Article(text=text, published=dt.date(2025, 5, 27)))
    ts = find_times(doc, doc.article.published)
    assert [(t.text, t.start) for t in ts] == [("أمس\u064E", dt.date(2025, 5, 26)),
                                              ("٢٦ مايو ٢٠٢٥", dt.date(2025, 5, 26))]
    assert find_times(doc, None)[0].start is None  # None means no date, even if the article has one


def test_prefer_future_and_as_future() -> None:
    pub = dt.date(2025, 5, 26)  # a Monday
    past = resolve_text("يصل الوفد الأحد", pub)[0]
    assert past.start == dt.date(2025, 5, 25) and past.tense_hint == "assumed_past"
    fut = as_future(past, pub)
    assert fut.start == dt.date(2025, 6, 1) and fut.tense_hint == "assumed_future"
    assert (fut.start_char, fut.end_char) == (past.start_char, past.end_char)
    m = resolve_text("تجرى الانتخابات في مارس", pub, prefer_future=False)
    assert m == []  # مارس alone is the verb "practised"
    m = resolve_text("تجرى الانتخابات في أغسطس", pub, prefer_future=True)[0]
    assert (m.start, m.end) == (dt.date(2025, 8, 1), dt.date(2025, 8, 31))
    explicit = resolve_text("الأحد الماضي", pub)[0]
    assert as_future(explicit, pub) is explicit  # only assumed tenses are re-resolved


def test_no_published_date_leaves_relatives_unresolved() -> None:
    ts = resolve_text("أمس والأسبوع الماضي وقبل يومين و15 مارس 2011", None)
    rel = [t for t in ts if t.kind != "absolute"]
    assert len(rel) == 3 and all(t.start is None and t.end is None and t.precision == "unknown" for t in rel)
    assert ts[-1].start == dt.date(2011, 3, 15)


@pytest.mark.parametrize("text", ["", "   ", "2025", "31/02/2025", "32 مايو 2025", "0/0/0000", "١٣٠٠هـ",
                                  "30 صفر 1500هـ", "عام 9999", "منذ 9999 عام", "قبل 5000 سنة", "ـــ"])
def test_edge_inputs_do_not_crash(text: str) -> None:
    for pub in (None, dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2025, 5, 26)):
        for t in resolve_text(text, pub):
            assert t.start is None or t.end is None or t.start <= t.end


def test_precisions_and_kinds_are_declared() -> None:
    seen_p = set()
    seen_k = set()
    for row in ROWS:
        for t in resolve_text(row[0], _date(row[1])):
            seen_p.add(t.precision)
            seen_k.add(t.kind)
    assert seen_p <= set(TIME_PRECISIONS)
    assert seen_k <= set(TIME_KINDS)


def test_lexicon_file_hygiene() -> None:
    text = resources.files("rasid").joinpath("data/lexicons/time_words.tsv").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert "\u0640" not in text
    assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in text)
    assert text.startswith("#")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            assert len(line.split("\t")) == 4, line


_ARABIC = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآةى٠١٢٣٤٥٦٧٨٩0123456789/-.،ـًٌ"))
_WORDS = st.sampled_from([
    "أمس", "اليوم", "غدا", "الأحد", "الماضي", "المقبل", "منذ", "قبل", "عام", "2015", "1436", "هـ", "مايو",
    "أيار", "(", ")", "رمضان", "شهر", "نهاية", "مطلع", "الأسبوع", "الشهر", "العام", "يومين", "ثلاثة", "أيام",
    "السادس عشر", "من", "26", "/", "5", "-", "الثمانينيات", "القرن", "بين", "عامي", "و", "الأخيرة", "م", "الـ",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(_WORDS, st.text(_ARABIC, max_size=6), st.text(max_size=4)), max_size=14),
       pub=st.one_of(st.none(), st.dates()))
def test_property_random_text_never_raises(parts: list[str], pub: dt.date | None) -> None:
    text = " ".join(parts)
    ts = resolve_text(text, pub)
    last = -1
    for t in ts:
        assert text[t.start_char:t.end_char] == t.text
        assert t.start_char >= last
        last = t.end_char
        if t.start is not None and t.end is not None:
            assert t.start <= t.end
        assert t.precision in TIME_PRECISIONS


def test_news_sample_invariants() -> None:
    if not NEWS.exists():
        pytest.skip("shared news corpus not available")
    n = 0
    with gzip.open(NEWS, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            for t in resolve_text(text, dt.date(2015, 7, 15)):
                assert text[t.start_char:t.end_char] == t.text
                assert t.start is None or t.end is None or t.start <= t.end
            n += 1
            if n >= 200:
                break
