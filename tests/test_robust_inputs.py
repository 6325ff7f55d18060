"""Bad, odd and hostile inputs through ``rasid extract``: never a traceback, never lost data.

Every case is a file placed next to a good file in one folder; ``rasid extract`` runs over
the folder. A case either extracts the expected event (the same one its plain UTF-8 twin
gives: encodings, bidi/zero-width/tatweel/diacritics, mixed languages, Hindi/Persian digits,
HTML full of scripts and trackers, a 100k-character sentence) or is reported on stderr with
its file name and a reason (empty, binary, broken JSON/JSONL lines, broken gzip), and the
good file beside it is always processed. Exit status is 2 exactly when something was
reported. All fixtures are generated here (tests/data/robust/README.md says why); all
Arabic sentences are written for these tests.

The 200 MB JSONL case is generated in ``tmp_path`` and read in a child process whose peak
RSS must stay far below the file size (streamed reading); it is marked ``slow``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasid.cli.main import cli

PUB = "2025-05-26"  # a Monday: يوم الأحد is 2025-05-25
SENT = "قصفت القوات الإسرائيلية مدينة غزة يوم الأحد."
GOOD_SENT = "اتهمت الحكومة السودانية قوات الدعم السريع بمهاجمة قرية يوم السبت."
GOOD = "good.txt"


@dataclass
class Case:
    name: str  # file name
    data: bytes
    types: set[str] = field(default_factory=set)  # expected event types from this file (events case)
    date: str | None = None  # expected date of the ASSAULT event
    error: str | None = None  # regex the stderr line for this file must match (error case)
    good_events: int = 1  # ``good`` lines that must still be extracted (for JSONL cases)


def _jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def _rec(i: str, text: str) -> str:
    return json.dumps({"id": i, "text": text, "published": PUB}, ensure_ascii=False)


_BIDI = (
    "\u202b" + "قَصَفَتْ القـــوات\u200c الإسرائيلية\u200f مدينة\u200b غزة\u2066 يوم\u2069 الأحد." + "\u202c"
)
_HTML = (
    "<!doctype html><html><head><meta charset='utf-8'><title>قصف في غزة</title>"
    "<style>body{color:red} .x:before{content:'اتهمت'}</style>"
    "<script>var t='قصفت القوات';window.__pwned=1;document.write('<p>حقن</p>')</script>"
    "<script async src='https://tracker.example/t.js'></script></head><body>"
    "<nav>الرئيسية | أخبار | رياضة | اتصل بنا</nav><article><h1>قصف في غزة</h1>"
    f"<p>{SENT}</p><p>وأضاف المسؤول أن الوضع خطير جدا في المنطقة وأن الأضرار كبيرة في المباني السكنية.</p>"
    "</article><img src='https://pixel.example/p.gif' width=1 height=1 onerror='window.__pwned=2'>"
    "<noscript><iframe src='https://gtm.example/ns'></iframe></noscript>"
    "<footer>حقوق النشر محفوظة 2025</footer></body></html>"
)
_LONG = "قال مسؤول " + "كلمة " * 20_000 + SENT  # ~100k characters, one sentence, no punctuation before the end


def _gz_cut() -> bytes:
    full = gzip.compress(_jsonl(_rec("z1", SENT), _rec("z2", GOOD_SENT)) * 50)
    return full[: len(full) // 2]


CASES: list[Case] = [
    # ------------------------------------------------------------------ extracted correctly
    Case("utf8.txt", SENT.encode(), {"ASSAULT"}, "2025-05-25"),
    Case("cp1256.txt", SENT.encode("cp1256"), {"ASSAULT"}, "2025-05-25"),
    Case("iso8859_6.txt", SENT.encode("iso8859_6"), {"ASSAULT"}, "2025-05-25"),
    Case("utf16_bom.txt", SENT.encode("utf-16"), {"ASSAULT"}, "2025-05-25"),
    Case("utf16le_nobom.txt", SENT.encode("utf-16-le"), {"ASSAULT"}, "2025-05-25"),
    Case("utf16be_nobom.txt", SENT.encode("utf-16-be"), {"ASSAULT"}, "2025-05-25"),
    Case("utf8_bom_crlf.txt", b"\xef\xbb\xbf" + (SENT + "\r\n").encode(), {"ASSAULT"}, "2025-05-25"),
    Case("bidi_zw_tatweel_harakat.txt", _BIDI.encode(), {"ASSAULT"}, "2025-05-25"),
    Case("mixed_ar_en_fr.txt",
         ("Breaking: tensions rise. " + SENT + " Le gouvernement français a condamné l'attaque.").encode(),
         {"ASSAULT"}, "2025-05-25"),
    Case("hindi_digits.txt", "قصفت القوات الإسرائيلية مدينة غزة يوم ٢٥ مايو ٢٠٢٥.".encode(), {"ASSAULT"},
         "2025-05-25"),
    Case("persian_digits.txt", "قصفت القوات الإسرائيلية مدينة غزة يوم ۲۵ مايو ۲۰۲۵.".encode(), {"ASSAULT"},
         "2025-05-25"),
    Case("page_with_junk.html", _HTML.encode(), {"ASSAULT"}, "2025-05-25"),
    Case("page_cp1256.html", _HTML.replace("utf-8", "windows-1256").encode("cp1256", errors="replace"),
         {"ASSAULT"}, "2025-05-25"),
    Case("long_sentence.txt", _LONG.encode(), {"ASSAULT"}, "2025-05-25"),
    Case("unknown_ext_sniffed.json", _jsonl(_rec("j1", SENT)), {"ASSAULT"}, "2025-05-25"),
    # ------------------------------------------------------------------ reported, with the file name
    Case("empty.txt", b"", error=r"empty"),
    Case("blank.txt", b" \n\t\r\n  \n", error=r"empty"),
    Case("bom_only.txt", b"\xef\xbb\xbf", error=r"empty"),
    Case("random_binary.txt", bytes(range(256)) * 64, error=r"binary"),
    Case("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), error=r"PNG"),
    Case("pdf.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + bytes(100), error=r"PDF"),
    Case("cut.jsonl.gz", _gz_cut(), error=r"(cut short|corrupt|gzip|complete)"),
    Case("not_gzip.jsonl.gz", b"this is not gzip data at all", error=r"gzip"),
    Case("empty_list.json", b"[]", error=r"empty"),
    Case("truncated_list.json",
         ("[" + _rec("t1", SENT) + ", " + _rec("t2", GOOD_SENT)[:30]).encode(),
         {"ASSAULT"}, "2025-05-25", error=r"(line 1|not closed|not valid JSON)"),
    Case("html_without_article.html", b"<html><head><script>x=1</script></head><body></body></html>",
         error=r"(no article text|empty)"),
    Case("mixed_lines.jsonl",
         _jsonl(
             _rec("m1", SENT),
             '{"id": "m2", "text": "قصفت القوات',  # truncated line
             "{not json at all}",
             '{"id": "m3", "title": "no text field"}',
             '["an", "array"]',
             '{"id": "m4", "text": ""}',
             '{"id": "m5", "text": 42}',
             "",
             _rec("m6", GOOD_SENT),
         ) + b'{"id": "m7", "text": "\xff\xfe bad bytes"}\n',
         {"ASSAULT", "ACCUSE"}, "2025-05-25", error=r"not valid JSON at line 2\b"),
]


def _ids(cases: list[Case]) -> list[str]:
    return [c.name for c in cases]


def _run(paths: list[Path]):
    res = CliRunner().invoke(cli, ["extract", *map(str, paths), "--published", PUB], catch_exceptions=True)
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout
    events = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    return res.exit_code, events, res.stderr


def _check_offsets(ev: dict, text: str | None) -> None:
    if text is None:
        return
    ti = ev["text_info"]
    assert text[ti["start"]:ti["end"]] == ev["event_text"]
    for s in ti["evidence"]:
        assert text[s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("case", CASES, ids=_ids(CASES))
def test_case_beside_good_input(case: Case, tmp_path: Path) -> None:
    (tmp_path / case.name).write_bytes(case.data)
    (tmp_path / GOOD).write_text(GOOD_SENT, encoding="utf-8")
    t0 = time.perf_counter()
    code, events, err = _run([tmp_path])
    took = time.perf_counter() - t0
    assert took < 30, f"{case.name} took {took:.1f}s"
    # the good file is always processed
    good = [e for e in events if e["doc"] == GOOD]
    assert {t for e in good for t in e["event"]} >= {"ACCUSE"}, events
    assert all(e["date"] == "2025-05-24" for e in good if "ACCUSE" in e["event"])
    mine = [e for e in events if e["doc"] != GOOD]
    if case.types:
        got = {t for e in mine for t in e["event"]}
        assert got >= case.types, (case.name, mine, err)
        assault = [e for e in mine if "ASSAULT" in e["event"]]
        if case.date:
            assert assault and all(e["date"] == case.date for e in assault), assault
        assert all(e["actor"] or e["recipient"] for e in assault)
    else:
        assert mine == []
    if case.error:
        assert code == 2, err
        lines = [ln for ln in err.splitlines() if case.name in ln]
        assert lines, f"{case.name} not named in stderr: {err!r}"
        assert any(re.search(case.error, ln) for ln in lines), lines
        assert GOOD not in err
    else:
        assert code == 0, err
        assert err.strip() == ""


def test_each_bad_jsonl_line_reported_once(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "mixed_lines.jsonl")
    (tmp_path / case.name).write_bytes(case.data)
    code, events, err = _run([tmp_path / case.name])
    assert code == 2
    assert {e["doc"] for e in events} == {"m1", "m6"}
    reported = sorted(int(m) for m in re.findall(r"mixed_lines\.jsonl:(\d+):", err))
    assert reported == [2, 3, 4, 5, 6, 7, 10], err  # line 8 is blank: skipped silently
    assert "not UTF-8" in err and "no \"text\" field" in err and "an array" in err


def test_html_junk_never_reaches_events(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(_HTML, encoding="utf-8")
    code, events, err = _run([p])
    assert code == 0, err
    blob = json.dumps(events, ensure_ascii=False)
    for junk in ("window.__pwned", "tracker.example", "pixel.example", "color:red", "document.write", "<p>"):
        assert junk not in blob


def test_unicode_noise_offsets_map_back(tmp_path: Path) -> None:
    """bidi/zero-width/tatweel/diacritics stay in the evidence, and offsets index the original text."""
    p = tmp_path / "noise.txt"
    p.write_text(_BIDI, encoding="utf-8")
    code, events, _ = _run([p])
    assert code == 0 and events
    for ev in events:
        _check_offsets(ev, _BIDI)
    assert any("\u200c" in ev["event_text"] and "ـ" in ev["event_text"] for ev in events)


def test_long_sentence_offsets_and_time(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text(_LONG + "\n" + GOOD_SENT, encoding="utf-8")
    t0 = time.perf_counter()
    code, events, err = _run([p])
    assert time.perf_counter() - t0 < 20
    assert code == 0, err
    assert {t for e in events for t in e["event"]} >= {"ASSAULT", "ACCUSE"}
    for ev in events:
        _check_offsets(ev, _LONG + "\n" + GOOD_SENT)


def test_missing_paths_and_dirs_reported(tmp_path: Path) -> None:
    (tmp_path / GOOD).write_text(GOOD_SENT, encoding="utf-8")
    empty_dir = tmp_path / "nothing_here"
    empty_dir.mkdir()
    code, events, err = _run([tmp_path / "no_such_file.txt", empty_dir, tmp_path / GOOD])
    assert code == 2
    assert re.search(r"no_such_file\.txt.*no such file", err)
    assert re.search(r"nothing_here.*no files", err)
    assert events and all(e["doc"] == GOOD for e in events)


def _real_extract(tmp_path: Path, *inputs: str) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    r = subprocess.run([sys.executable, "-m", "rasid.cli.main", "extract", *inputs, "-o", str(out),
                        "--published", PUB], capture_output=True, text=True, timeout=120, env=env)
    return r, out


def test_every_case_in_one_subprocess_run(tmp_path: Path) -> None:
    """The real process: one folder with every case; stderr names each bad file once, no traceback."""
    src = tmp_path / "in"
    src.mkdir()
    for c in CASES:
        (src / c.name).write_bytes(c.data)
    (src / GOOD).write_text(GOOD_SENT, encoding="utf-8")
    r, out = _real_extract(tmp_path, str(src))
    assert "Traceback" not in r.stderr, r.stderr
    events = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    docs = {e["doc"] for e in events}
    for c in CASES:
        if c.error:
            assert c.name in r.stderr, c.name
        if c.types and not c.name.endswith((".json", ".jsonl")):
            assert c.name in docs, c.name
    assert {"m1", "m6", "t1", "j1", GOOD} <= docs
    # every stderr line is one user-facing report: "rasid: <file>...: <reason>"
    for line in r.stderr.splitlines():
        assert line.startswith("rasid: "), line


def test_real_process_exit_status_is_2_on_unreadable_input(tmp_path: Path) -> None:
    (tmp_path / GOOD).write_text(GOOD_SENT, encoding="utf-8")
    r, out = _real_extract(tmp_path, str(tmp_path / GOOD), str(tmp_path / "missing.txt"))
    assert "missing.txt" in r.stderr and out.read_text(encoding="utf-8").strip()
    assert r.returncode == 2, r.stderr


def test_stdin_binary_and_empty() -> None:
    for data, why in ((b"", "empty"), (b"\x00\x01\x02\x03" * 100, "binary")):
        res = CliRunner().invoke(cli, ["extract", "-"], input=data)
        assert res.exit_code == 2 and why in res.stderr and "Traceback" not in res.stderr


# ---------------------------------------------------------------------------- 200 MB JSONL
_READER = textwrap.dedent(
    """
    import json, resource, sys
    from rasid.read import ReadError, read_inputs
    n = bad = 0
    for it in read_inputs([sys.argv[1]]):
        if isinstance(it, ReadError):
            bad += 1
        else:
            n += 1
    try:  # VmHWM is this process's own peak; ru_maxrss also counts the parent's RSS at fork time
        with open("/proc/self/status") as fh:
            peak = next(int(x.split()[1]) for x in fh if x.startswith("VmHWM:")) / 1024
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": n, "errors": bad, "maxrss_mb": peak}))
    """
)


@pytest.mark.slow
def test_200mb_jsonl_is_streamed(tmp_path: Path) -> None:
    """A 200 MB JSONL file (with a broken line every 1000) is read with bounded memory."""
    para = "قصفت القوات مدينة غزة يوم الأحد وقال مسؤول إن الهجوم أسفر عن أضرار كبيرة في المباني.\n"
    body = (para * 250)[:20_000]
    path = tmp_path / "big.jsonl"
    size = n = bad = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < 200_000_000:
            if n and n % 1000 == 0:
                line = '{"id": "broken", "text": "قصفت\n'
                bad += 1
            else:
                line = json.dumps({"id": f"r{n}", "text": body + str(n), "published": PUB}, ensure_ascii=False)
                line += "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    assert path.stat().st_size >= 200_000_000
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", _READER, str(path)], capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - t0
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    got = json.loads(r.stdout)
    assert got["articles"] == n - bad and got["errors"] == bad
    # the whole file would need >= 200 MB (more as Python str); streaming stays near the interpreter's size
    assert got["maxrss_mb"] < 120, got
    print(f"200 MB JSONL: {n} lines read in {took:.1f}s, peak RSS {got['maxrss_mb']:.0f} MB")
