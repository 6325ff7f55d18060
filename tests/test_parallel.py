"""``rasid.parallel``: the same lines, order and error reports as the serial path."""

from __future__ import annotations

import datetime as dt
import io
import json
import os

import pytest

from rasid.model import Article
from rasid.read import ReadError

SENTS = [
    "استقبل الرئيس التونسي في قصر قرطاج أمس وزير الخارجية الجزائري وبحث معه العلاقات الثنائية.",
    "اتهمت الحكومة السودانية قوات الدعم السريع بقصف أحياء سكنية في مدينة الفاشر يوم الاثنين.",
    "وقعت مصر والأردن اتفاقية للتعاون في مجال الطاقة خلال اجتماع في عمان.",
    "تظاهر آلاف اللبنانيين في بيروت احتجاجا على ارتفاع الأسعار وطالبوا الحكومة بالاستقالة.",
    "أدان وزير الخارجية السعودي الهجوم الذي استهدف ناقلة نفط في البحر الأحمر.",
]


def _items() -> list[Article | ReadError]:
    out: list[Article | ReadError] = []
    for i in range(23):
        text = " ".join(SENTS[(i + k) % len(SENTS)] for k in range(1 + i % 3))
        out.append(Article(text=text, id=f"a{i:02d}", published=dt.date(2025, 5, 1 + i % 20)))
        if i % 7 == 3:
            out.append(ReadError("input.jsonl", "not valid JSON at line 9: fix or remove the line", i))
    out.insert(0, ReadError("first.txt", "empty: the input has no text; remove it or check the export"))
    out.append(ReadError("last.html", "no article text found in the HTML page"))
    return out


def _serial(items) -> tuple[str, list[str]]:
    from rasid.cli.extract import _run_serial

    out, errors = io.StringIO(), []
    _run_serial(iter(items), out, errors)
    return out.getvalue(), errors


@pytest.fixture()
def flaky(monkeypatch):
    """extract_one raises for article ``bad`` and kills its worker for ``die`` (forked workers see the patch)."""
    import rasid.cli.extract as ce

    real = ce.extract_one

    def patched(art):
        if art.id == "bad":
            raise ValueError("broken on purpose")
        if art.id == "die" and os.environ.get("RASID_TEST_PARENT") != str(os.getpid()):
            os._exit(3)  # a crash in native code looks like this to the pool
        return real(art)

    import rasid.pipeline as pl

    real_ea = pl.extract_article

    def patched_ea(art):
        if art.id == "bad":
            raise ValueError("broken on purpose")
        return real_ea(art)

    monkeypatch.setattr(ce, "extract_one", patched)
    monkeypatch.setattr(pl, "extract_article", patched_ea)
    monkeypatch.setenv("RASID_TEST_PARENT", str(os.getpid()))
    return patched


@pytest.mark.parametrize("workers,chunk", [(2, 1), (2, 3), (3, 8)])
def test_run_parallel_equals_serial(workers: int, chunk: int) -> None:
    from rasid.parallel import run_parallel

    items = _items()
    want, want_err = _serial(items)
    out, errors = io.StringIO(), []
    n = run_parallel(iter(items), out, errors, workers, chunk_size=chunk)
    assert out.getvalue() == want and errors == want_err
    assert n == want.count("\n") > 10 and len(errors) == 5


def test_failed_article_is_reported_and_others_go_on(flaky) -> None:
    from rasid.parallel import run_parallel

    items = _items()
    items.insert(5, Article(text=SENTS[0], id="bad"))
    want, want_err = _serial(items)
    assert any(e.startswith("bad: extraction failed (ValueError: broken on purpose)") for e in want_err)
    out, errors = io.StringIO(), []
    run_parallel(iter(items), out, errors, 2, chunk_size=4)
    assert out.getvalue() == want and errors == want_err


def test_dead_worker_is_replaced_and_only_its_article_reported(flaky) -> None:
    from rasid.parallel import run_parallel

    items = _items()
    items.insert(9, Article(text=SENTS[1], id="die"))
    want, _ = _serial([x for x in items if getattr(x, "id", None) != "die"])
    out, errors = io.StringIO(), []
    run_parallel(iter(items), out, errors, 2, chunk_size=4)
    assert out.getvalue() == want
    assert [e for e in errors if e.startswith("die:")] == ["die: extraction failed (the worker process died); please report it"]
    assert len(errors) == 6  # 5 reader errors + the article that kills its worker


def test_map_articles_in_order() -> None:
    from rasid import CODER
    from rasid.parallel import map_articles
    from rasid.pipeline import extract_article

    arts = [x for x in _items() if isinstance(x, Article)]
    want = [[e.to_plover(CODER) for e in extract_article(a)] for a in arts]
    got = list(map_articles(iter(arts), 2, chunk_size=2))
    assert json.dumps(got, ensure_ascii=False) == json.dumps(want, ensure_ascii=False)
    assert list(map_articles(iter(arts[:3]), 1)) == want[:3]


def test_map_articles_errors(flaky) -> None:
    from rasid.parallel import map_articles

    arts = [Article(text=SENTS[2], id="ok"), Article(text=SENTS[0], id="bad")]
    seen: list[str] = []
    got = list(map_articles(arts, 2, on_error=lambda a, msg: seen.append(msg)))
    assert got[1] == [] and len(got) == 2 and seen[0].startswith("bad: extraction failed")
    with pytest.raises(RuntimeError, match="broken on purpose"):
        list(map_articles(arts, 2))


def test_progress_iter(capsys) -> None:
    from rasid.progress import progress_iter

    assert list(progress_iter(range(5), total=5)) == list(range(5))  # not a TTY under pytest: silent
    assert capsys.readouterr().err == ""
    assert list(progress_iter(iter(range(3)), label="extract", force=True)) == [0, 1, 2]
    assert "extract" in capsys.readouterr().err


def test_estimate_articles(tmp_path) -> None:
    import gzip

    from rasid.progress import estimate_articles

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n', encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write('{"text": "x"}\n' * 3)
    (tmp_path / "c.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert estimate_articles([str(tmp_path)]) == 6
    assert estimate_articles([str(tmp_path / "a.jsonl"), "-"]) is None
