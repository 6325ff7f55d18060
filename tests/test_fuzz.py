"""Property tests (hypothesis): the text layer, the time resolver, the readers and the whole
pipeline never crash on arbitrary input, and every span they emit indexes the original text.

Strategies mix Arabic letters, harakat, tatweel, bidi/zero-width controls, presentation
forms, Hindi/Persian digits, Latin, punctuation, newlines and words that trigger the
lexicons (event verbs, actors, places, month names). Example counts are bounded so the
module runs in a few seconds; ``RASID_FUZZ_EXAMPLES`` raises them for a longer soak.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rasid.model import Article  # noqa: E402
from rasid.read import ReadError, read_inputs  # noqa: E402
from rasid.read.inputs import read_stream  # noqa: E402
from rasid.text.normalize import fold, normalize  # noqa: E402
from rasid.text.segment import build_document  # noqa: E402

N = int(os.environ.get("RASID_FUZZ_EXAMPLES", "0") or 0)


def _settings(n: int):
    return settings(max_examples=N or n, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


# ------------------------------------------------------------------ strategies
_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_NOISE = st.sampled_from(list("\u064b\u064e\u064f\u0650\u0651\u0652\u0640\u200b\u200c\u200d\u200e\u200f"
                              "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c"))
_PRES = st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)
_DIGITS = st.sampled_from(list("0123456789\u0660\u0661\u0662\u0665\u0669\u06f0\u06f2\u06f5\u06f9"))
_PUNCT = st.sampled_from(list(" \n\n\t.,،؛؟!:-–—()«»\"'/\u00a0"))
_WORDS = st.sampled_from([
    "قصفت", "القوات", "الإسرائيلية", "مدينة", "غزة", "يوم", "الأحد", "أمس", "الماضي", "اتهمت", "الحكومة",
    "السودانية", "التقى", "وزير", "الخارجية", "المصري", "نظيره", "التركي", "في", "أنقرة", "دمشق", "بنغازي",
    "مايو", "أيار", "2025", "٢٠٢٥", "۲۵", "الأسبوع", "المقبل", "منذ", "عام", "وقال", "إن", "الرئيس", "الأمم",
    "المتحدة", "اعتقلت", "الشرطة", "تظاهر", "آلاف", "أمام", "السفارة", "–", "(", ")", "\n\n", "Reuters", "AFP",
])
_CHAR = st.one_of(_ARABIC, _ARABIC, _ARABIC, _NOISE, _PRES, _DIGITS, _PUNCT,
                  st.characters(codec="utf-8", exclude_categories=("Cs",)))
arabicish = st.lists(st.one_of(_WORDS.map(lambda w: w + " "), st.text(_CHAR, max_size=8)), max_size=40).map("".join)
anytext = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


# ------------------------------------------------------------------ text layer
@_settings(400)
@given(st.one_of(arabicish, anytext))
def test_normalize_index_and_idempotence(s: str) -> None:
    norm, index = normalize(s)
    assert len(index) == len(norm)
    assert all(0 <= i < len(s) for i in index)
    assert index == sorted(index)
    again, _ = normalize(norm)
    assert again == norm, (s, norm, again)
    assert fold(fold(s)) == fold(s)


@_settings(300)
@given(st.one_of(arabicish, anytext))
def test_document_spans_map_back(s: str) -> None:
    doc = build_document(Article(text=s))
    assert doc.text == s
    for t in doc.tokens:
        assert 0 <= t.start <= t.end <= len(s)
        assert doc.text[t.start:t.end] == t.text
    prev = -1
    for sent in doc.sentences:
        assert 0 <= sent.start <= sent.end <= len(s) and sent.start >= prev
        prev = sent.end
        assert doc.text[sent.start:sent.end] == sent.text
        assert 0 <= sent.tok_start <= sent.tok_end <= len(doc.tokens)


# ------------------------------------------------------------------ time
@_settings(300)
@given(arabicish, dates, st.booleans())
def test_time_resolver_well_ordered(s: str, pub: dt.date | None, future: bool) -> None:
    from rasid.time import find_times

    doc = build_document(Article(text=s, published=pub))
    times = find_times(doc, pub, prefer_future=future)
    last_end = -1
    for te in times:
        assert 0 <= te.start_char < te.end_char <= len(s)
        assert s[te.start_char:te.end_char] == te.text
        assert te.start_char >= last_end  # sorted, non-overlapping
        last_end = te.end_char
        if te.start is not None and te.end is not None:
            assert te.start <= te.end, te
        assert te.precision


_TIME_WORDS = ["يوم", "منذ", "في", "الأحد", "الماضي", "مطلع", "نهاية", "منتصف", "العام", "الشهر", "مايو", "أيار",
               "عام", "2025", "٢٠٢٤", "1990", "25", "٣", "/", "-", "و", "بين", "حتى", "أسبوعين", "أيام", "قبل",
               "بعد", "المقبل", "رمضان", "هـ", "1446", "31", "فبراير", "0", "9999", "الـ", "القرن"]


@_settings(150)
@given(st.lists(st.sampled_from(_TIME_WORDS), max_size=14).map(" ".join), dates)
def test_time_resolver_on_time_word_soup(s: str, pub: dt.date | None) -> None:
    from rasid.time import resolve_text

    for te in resolve_text(s, pub):
        assert s[te.start_char:te.end_char] == te.text
        if te.start is not None and te.end is not None:
            assert te.start <= te.end


# ------------------------------------------------------------------ readers
_EXT = st.sampled_from(["a.txt", "a.json", "a.jsonl", "a.html", "a.jsonl.gz", "a.json.gz", "a.htm"])


@_settings(150)
@given(st.binary(max_size=3000), _EXT)
def test_readers_never_raise_on_random_bytes(tmp_path_factory, data: bytes, name: str) -> None:
    d = tmp_path_factory.mktemp("fz")
    p = Path(d) / name
    p.write_bytes(data)
    for item in read_inputs([str(p)]):
        assert isinstance(item, Article | ReadError)
        if isinstance(item, ReadError):
            assert str(item) and p.name in str(item)
        else:
            assert item.text.strip()
    for item in read_stream(io.BytesIO(data), "<stdin>"):
        assert isinstance(item, Article | ReadError)


_JSONISH = st.lists(st.sampled_from(['{"text": "', '"', "}", "{", "[", "]", ",", ":", '"id"', '"text"', "null",
                                     "\n", "قصفت", "\\u0642", "\\", "1", "true", '"published": "2025-05-26"']),
                    max_size=40).map("".join)


@_settings(200)
@given(_JSONISH, st.sampled_from(["x.json", "x.jsonl", "x"]))
def test_readers_never_raise_on_json_soup(tmp_path_factory, s: str, name: str) -> None:
    p = Path(tmp_path_factory.mktemp("fj")) / name
    p.write_text(s, encoding="utf-8")
    items = list(read_inputs([str(p)]))
    assert items  # something is always said: an article or a reason
    for item in items:
        assert isinstance(item, Article | ReadError)


# ------------------------------------------------------------------ whole pipeline
def _check_event_spans(text: str, d: dict) -> None:
    ti = d["text_info"]
    assert 0 <= ti["start"] <= ti["end"] <= len(text)
    assert text[ti["start"]:ti["end"]] == d["event_text"]
    if ti["trigger"]:
        tr = ti["trigger"]
        assert text[tr["start"]:tr["end"]] == tr["text"]
    for s in ti["evidence"]:
        assert text[s["start"]:s["end"]] == s["text"]
    for side in ("actor", "recipient"):
        for a in d[side]:
            if a.get("start") is not None:
                assert 0 <= a["start"] <= a["end"] <= len(text)
    loc = d["event_loc"]
    if loc and loc.get("start") is not None:
        assert text[loc["start"]:loc["end"]] == loc["extracted_place"]
    if d["date"] and d["enddate"]:
        assert d["date"] <= d["enddate"]


@_settings(150)
@given(arabicish, dates)
def test_pipeline_never_raises_and_offsets_map_back(s: str, pub: dt.date | None) -> None:
    from rasid import CODER
    from rasid.pipeline import extract_text

    for ev in extract_text(s, published=pub):
        _check_event_spans(s, ev.to_plover(CODER))


_SENTS = st.sampled_from([
    "قصفت القوات الإسرائيلية مدينة غزة يوم الأحد.",
    "اتهمت الحكومة السودانية قوات الدعم السريع بمهاجمة قرية يوم السبت.",
    "التقى وزير الخارجية المصري نظيره التركي في أنقرة أمس.",
    "اعتقلت الشرطة عشرة متظاهرين أمام السفارة في بغداد الأسبوع الماضي.",
    "وقال الرئيس إن بلاده سترسل مساعدات إلى لبنان الشهر المقبل.",
])


@_settings(100)
@given(st.lists(st.tuples(_SENTS, st.text(st.one_of(_NOISE, _PUNCT, _DIGITS), max_size=4)), min_size=1,
                max_size=6), dates)
def test_pipeline_on_real_sentences_with_noise(parts: list[tuple[str, str]], pub: dt.date | None) -> None:
    """Real event sentences glued with noise (controls, digits, punctuation): no crash, spans map back."""
    from rasid import CODER
    from rasid.pipeline import extract_text

    s = "".join(a + b for a, b in parts)
    evs = extract_text(s, published=pub)
    for ev in evs:
        _check_event_spans(s, ev.to_plover(CODER))
