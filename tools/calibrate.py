"""Rebuild rasid's confidence calibration from the development gold set.

    python tools/calibrate.py --gold eval/gold --corpus ../shared/data/news/saudinewsnet-2015-07.jsonl.gz

Extracts the gold documents, marks each prediction correct (it matches a required gold event at the
lenient level) or wrong (it matches nothing; predictions matching an optional event are left out),
fits an isotonic (pool-adjacent-violators) map from the raw rule score to the observed precision, and
writes it to src/rasid/data/calibration.json. The raw score comes from the rule's prior and the
evidence found for each slot (rasid.events.coding._confidence).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rasid.eval import events as E
from rasid.pipeline import extract_record

OUT = Path(__file__).resolve().parents[1] / "src" / "rasid" / "data" / "calibration.json"


def labelled(gold_dir: str, corpus: str) -> list[tuple[float, int]]:
    gold = E.load_gold(gold_dir)
    pred, _ = E.predict_corpus(gold, corpus, extract_record)
    rows = []
    for doc, g in gold.items():
        preds = E.dedupe(pred.get(doc, []))
        req = [e for e in g["events"] if not e.get("optional")]
        opt = [e for e in g["events"] if e.get("optional")]
        used = set(E.max_matching(req, preds, "lenient").values())
        for j, p in enumerate(preds):
            raw = float(p.get("raw_confidence", p["confidence"]))
            if j in used:
                rows.append((raw, 1))
            elif not any(E.matches(o, p, "lenient") for o in opt):
                rows.append((raw, 0))
    return sorted(rows)


def pav(rows: list[tuple[float, int]], min_bin: int = 8) -> list[tuple[float, float, int]]:
    """Isotonic fit; returns (upper raw score, calibrated precision, count) steps."""
    blocks = [[x, x, float(y), 1] for x, y in rows]  # lo, hi, sum, n
    merged: list[list[float]] = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and (merged[-2][2] / merged[-2][3] >= merged[-1][2] / merged[-1][3]
                                   or merged[-2][3] < min_bin):
            hi = merged.pop()
            lo = merged[-1]
            lo[1], lo[2], lo[3] = hi[1], lo[2] + hi[2], lo[3] + hi[3]
    return [(round(b[1], 3), round(b[2] / b[3], 3), int(b[3])) for b in merged]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default="eval/gold")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    a = ap.parse_args(argv)
    rows = labelled(a.gold, a.corpus)
    steps = pav(rows)
    data = {"source": "rasid development gold set (eval/gold), lenient matches",
            "predictions": len(rows), "steps": [{"upto": u, "precision": p, "n": n} for u, p, n in steps]}
    a.output.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for s in data["steps"]:
        print(f"raw <= {s['upto']:.3f}: precision {s['precision']:.3f} (n={s['n']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
