"""Regenerate the reader fixtures in this folder: ``python tests/data/read/make_fixtures.py``.

All texts are written for rasid's tests (no third-party copy). Gzip files are
written with mtime=0 so that they are byte-for-byte reproducible.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

HERE = Path(__file__).parent

PLAIN = """وزير الخارجية الأردني يبحث مع نظيره العراقي أمن الحدود
الأحد 12 كانون الثاني/يناير 2025

عمّان (الأردن) - بحث وزير الخارجية الأردني مع نظيره العراقي في عمّان، اليوم الأحد، سبل تعزيز التعاون الأمني على الحدود المشتركة بين البلدين.

وقال الوزير في مؤتمر صحفي إن البلدين اتفقا في 3 آذار 2024 على تشكيل لجنة مشتركة.
"""

LEGACY = """اتفاق تجاري بين تونس والجزائر
تونس - وات: وقّع البلدان اتفاقا لتسهيل عبور الشاحنات عبر المعابر الحدودية، وفق ما أعلنته وزارة التجارة.
"""

HTML = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>المغرب وموريتانيا يوقعان اتفاقا للطاقة | صحيفة المثال</title>
<meta property="og:title" content="المغرب وموريتانيا يوقعان اتفاقا للطاقة">
<meta property="og:url" content="https://example.org/news/2025/03/energy-deal">
<meta property="og:site_name" content="صحيفة المثال">
<meta property="article:published_time" content="2025-03-04T09:30:00+00:00">
<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)};gtag('config','UA-000');</script>
<style>.ad{display:none} body{font-family:serif}</style>
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a> | <a href="/econ">اقتصاد</a></nav>
<div class="ad">إعلان ممول اشترك الآن</div>
<article>
<h1>المغرب وموريتانيا يوقعان اتفاقا للطاقة</h1>
<p>الرباط - «المثال»: وقّع المغرب وموريتانيا، أمس الاثنين، اتفاقا لتبادل الكهرباء وربط الشبكتين عبر خط جديد يمتد على طول الساحل الأطلسي.</p>
<p>وقال وزير الطاقة المغربي إن الاتفاق يفتح الباب أمام استثمارات مشتركة في الطاقة الشمسية وطاقة الرياح خلال السنوات المقبلة.</p>
<p>وأضاف أن البلدين سيشكلان لجنة فنية تجتمع كل ثلاثة أشهر لمتابعة تنفيذ المشروع وتقييم مراحله.</p>
</article>
<script>trackPageView("energy-deal"); var pixel = new Image(); pixel.src = "https://tracker.example/p.gif";</script>
<footer>جميع الحقوق محفوظة © صحيفة المثال 2025</footer>
</body></html>
"""

RECORDS = [
    {"id": "r1", "title": "قطر تستضيف جولة محادثات جديدة",
     "text": "الدوحة - قنا: استضافت قطر جولة جديدة من المحادثات بين الطرفين بحضور وسطاء إقليميين.",
     "published": "2025-02-10", "url": "https://example.org/r1", "source": "مثال"},
    {"id": "r2", "text": "السبت 8 شباط 2025\nبيروت (د ب أ) - أعلن الجيش اللبناني انتشار وحداته في بلدات حدودية.",
     "source": "مثال"},
    {"id": 3, "title": "بلا نص"},
    {"id": "r4", "text": "الخرطوم - وكالات: دعت الأمم المتحدة إلى هدنة إنسانية عاجلة.",
     "extracted": "2025-02-11 06:00:00"},
]


def main() -> None:
    (HERE / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (HERE / "plain-bom.txt").write_bytes(b"\xef\xbb\xbf" + PLAIN.replace("\n", "\r\n").encode("utf-8"))
    (HERE / "utf16.txt").write_text(PLAIN, encoding="utf-16")  # with BOM
    (HERE / "utf16le-nobom.txt").write_bytes(PLAIN.encode("utf-16-le"))
    (HERE / "cp1256.txt").write_bytes(LEGACY.encode("cp1256"))
    # ISO-8859-6 has no shadda-free mapping problem here, but no «» or ـ either
    (HERE / "iso8859-6.txt").write_bytes(LEGACY.replace("\u0651", "").encode("iso8859_6"))
    (HERE / "page.html").write_text(HTML, encoding="utf-8")
    (HERE / "page-cp1256.htm").write_bytes(
        HTML.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
        .replace("©", "(c)").encode("cp1256")
    )
    (HERE / "one.json").write_text(json.dumps(RECORDS[0], ensure_ascii=False, indent=2), encoding="utf-8")
    (HERE / "list.json").write_text(json.dumps(RECORDS, ensure_ascii=False, indent=2), encoding="utf-8")
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines.insert(2, '{"id": "bad", "text": "سطر مكسور" "published": 1}')  # malformed: line 3
    lines.insert(3, "")  # blank lines are skipped but counted
    jsonl = "\n".join(lines) + "\n"
    (HERE / "records.jsonl").write_text(jsonl, encoding="utf-8")
    with open(HERE / "records.jsonl.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(jsonl.encode("utf-8"))
    with open(HERE / "list.json.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(RECORDS, ensure_ascii=False).encode("utf-8"))
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (HERE / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (HERE / "nulls.txt").write_bytes(b"abc\x00\x01\x02\x03def" * 20)
    tree = HERE / "tree"
    for p, body in {
        "b.txt": "خبر ب\nنص الخبر الثاني في المجلد.\n",
        "a.txt": "خبر أ\nنص الخبر الأول في المجلد.\n",
        "sub/c.txt": "خبر ج\nنص الخبر في المجلد الفرعي.\n",
        "sub/deeper/d.txt": "خبر د\nنص الخبر في المجلد الأعمق.\n",
        "aa/e.txt": "خبر هـ\nنص خبر في مجلد يبدأ بحرفين.\n",
        ".hidden.txt": "مخفي\nلا يقرأ.\n",
        ".cache/x.txt": "مخفي\nلا يقرأ.\n",
        "notes.md": "ليس من امتداداتنا\n",
    }.items():
        f = tree / p
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(body, encoding="utf-8")
    (tree / "sub" / "r.jsonl").write_text(lines[0] + "\n" + lines[1] + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
