"""Event scoring against gold annotations: the referee's metric, plus breakdowns for development.

The matching logic follows the referee's scorer (``../shared/eval/score_events.py``), which is the
contract; ``tests/test_eval_events.py`` checks that both agree on the same inputs.

Levels:
  lenient  event type and the pair of countries (unordered) agree;
  strict   lenient, plus direction for directed gold events, the predicted date interval inside the
           gold interval (one day of slack each side) and the place within 50 km of the gold place
           (or, where gold names only a country, in that country).

Predictions that repeat the same (type, dyad with sectors, date, place) count once (the dyad is
unordered for CONSULT/AGREE/COOPERATE); predictions that match an optional gold event count neither
way; gold and predictions are paired by maximum bipartite matching.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

LEVELS = ("lenient", "strict")
DATE_SLACK = dt.timedelta(days=1)
PLACE_KM = 50.0
# types whose two sides are peers: a repeat with the sides swapped is the same event
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

Gold = dict[str, dict]
Pred = dict[str, list[dict]]


# --- loading -------------------------------------------------------------------------------------

def load_gold(path: str | Path) -> Gold:
    """Gold annotations keyed by their ``doc``: one ``*.gold.json`` file, or a folder of them."""
    path = Path(path)
    files = sorted(path.glob("*.gold.json")) if path.is_dir() else [path]
    gold: Gold = {}
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        gold[g["doc"]] = g
    return gold


def pred_doc(event: dict) -> str:
    """The article a predicted event names (``doc`` or ``cite_info.citation``), as a base name."""
    doc = event.get("doc") or (event.get("cite_info") or {}).get("citation") or ""
    return Path(str(doc)).name


def load_pred_jsonl(path: str | Path) -> Pred:
    """PLOVER JSON Lines grouped by article; blank lines are skipped, bad JSON is an error."""
    path = Path(path)
    pred: Pred = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{n}: not JSON: {e}") from e
        pred.setdefault(pred_doc(event), []).append(event)
    return pred


def iter_corpus(path: str | Path) -> Iterator[dict]:
    """Stream the records of a JSON Lines corpus, gzip-compressed or not."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


# --- matching (the referee's rules) --------------------------------------------------------------

def _date(s: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(s)[:10]) if s else None


def _entities(entities: Any) -> list:
    return [entities] if isinstance(entities, dict) else list(entities or [])


def _codes(entities: Any) -> list[str | None]:
    out: list[str | None] = []
    for e in _entities(entities):
        c = e.get("code") if isinstance(e, dict) else None
        out.append(c.upper() if isinstance(c, str) and c else None)
    return out


def _sides(entities: Any) -> list[str]:
    """Sorted ``code/sector`` strings: keeps distinct domestic actors apart when deduplicating."""
    return sorted(f"{e.get('code')}/{e.get('sector')}" for e in _entities(entities) if isinstance(e, dict))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, R = 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def pred_types(p: dict) -> set[str]:
    ev = p.get("event")
    ev = [ev] if isinstance(ev, str) else (ev or [])
    return {str(t).upper() for t in ev}


def dyad_ok(g: dict, p: dict, ordered: bool) -> bool:
    """Countries agree; a null gold country accepts anything; a domestic gold dyad needs both sides."""
    ga, gb = (g.get("a") or {}).get("country"), (g.get("b") or {}).get("country")
    actors, recips = set(_codes(p.get("actor"))), set(_codes(p.get("recipient")))
    if ordered:
        return (ga is None or ga in actors) and (gb is None or gb in recips)
    everyone = actors | recips
    if ga is not None and ga == gb:
        return ga in actors and ga in recips
    return (ga is None or ga in everyone) and (gb is None or gb in everyone)


def date_ok(g: dict, p: dict) -> bool:
    gd = g.get("date")
    if not gd:
        return True
    ps = _date(p.get("date"))
    pe = _date(p.get("enddate")) or ps
    if ps is None or pe is None:
        return False
    return ps >= _date(gd["start"]) - DATE_SLACK and pe <= _date(gd["end"]) + DATE_SLACK


def place_ok(g: dict, p: dict) -> bool:
    gl = g.get("location")
    if not gl:
        return True
    pl = p.get("event_loc") or {}
    if gl.get("lat") is not None:
        if pl.get("lat") is None or pl.get("lon") is None:
            return False
        return km(gl["lat"], gl["lon"], float(pl["lat"]), float(pl["lon"])) <= PLACE_KM
    return str(pl.get("country_code") or "").upper() == (gl.get("country") or "").upper()


def matches(g: dict, p: dict, level: str) -> bool:
    """Whether prediction ``p`` counts for gold event ``g`` at ``level``."""
    if not pred_types(p) & set(g["types"]):
        return False
    if level == "lenient":
        return dyad_ok(g, p, ordered=False)
    return dyad_ok(g, p, ordered=bool(g.get("directed"))) and date_ok(g, p) and place_ok(g, p)


def dedupe(events: Iterable[dict]) -> list[dict]:
    """Drop repeats of the same (types, dyad with sectors, dates, place rounded to 0.1 degree)."""
    seen: set = set()
    out: list[dict] = []
    for e in events:
        loc = e.get("event_loc") or {}
        types = pred_types(e)
        a, r = _sides(e.get("actor")), _sides(e.get("recipient"))
        dyad = tuple(sorted(a + r)) if types <= SYMMETRIC_TYPES else (tuple(a), tuple(r))
        key = (tuple(sorted(types)), dyad, e.get("date"), e.get("enddate"),
               round(float(loc["lat"]), 1) if loc.get("lat") is not None else None,
               round(float(loc["lon"]), 1) if loc.get("lon") is not None else None)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def max_matching(golds: list[dict], preds: list[dict], level: str,
                 prefer: Callable[[dict, dict], int] | None = None) -> dict[int, int]:
    """Maximum bipartite matching, gold index -> prediction index (augmenting paths).

    ``prefer(gold, pred)`` (higher first) orders each gold event's candidates, so that among matchings of
    the same size the one pairing events that also agree on it is found first.
    """
    adj = [[j for j, p in enumerate(preds) if matches(g, p, level)] for g in golds]
    if prefer is not None:
        adj = [sorted(js, key=lambda j, g=g: -prefer(g, preds[j])) for g, js in zip(golds, adj, strict=True)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def best_matching(golds: list[dict], preds: list[dict], level: str,
                  weight: Callable[[dict, dict], int]) -> dict[int, int]:
    """The matching of largest size and, among those, of largest total ``weight`` (an optimal assignment).

    ``weight(gold, pred)`` is a small non-negative score (0-2: agreement on date and place) that breaks ties
    between matchings of the same size; the Hungarian method solves it exactly.
    """
    n, m = len(golds), len(preds)
    if not n or not m:
        return {}
    big = 4 * (n + 1)  # one more pair is worth more than any gain in agreement
    size = max(n, m)
    # cost matrix (minimisation), padded square; a pair that does not match costs as much as no pair
    cost = [[0] * size for _ in range(size)]
    ok = [[False] * size for _ in range(size)]
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            if matches(g, p, level):
                ok[i][j] = True
                cost[i][j] = -(big + weight(g, p))
    inf = float("inf")
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    way, owner = [0] * (size + 1), [0] * (size + 1)  # owner[j] = row (1-based) assigned to column j
    for i in range(1, size + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    out = {}
    for j in range(1, size + 1):
        i = owner[j] - 1
        if i < n and j - 1 < m and ok[i][j - 1]:
            out[i] = j - 1
    return out


# --- scoring -------------------------------------------------------------------------------------

def _prf(tp: int, fp: int, fn: int) -> dict:
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 4), "recall": round(rec, 4),
            "f1": round(f1, 4)}


def _pred_type(p: dict) -> str:
    return "/".join(sorted(pred_types(p))) or "?"


def _describe(p: dict) -> str:
    ev = p.get("event_text")
    ev = " ".join(ev) if isinstance(ev, list) else str(ev or "")
    return (f"{_pred_type(p)} {_codes(p.get('actor'))}->{_codes(p.get('recipient'))} "
            f"{p.get('date')} {ev[:60]}").strip()


def score_level(gold: Gold, pred: Pred, level: str) -> dict:
    """One level: totals, per-type breakdown and the list of misses and false positives."""
    tp = fp = fn = 0
    recall_by: dict[str, list[int]] = {}     # gold primary type -> [hit, total]
    precision_by: dict[str, list[int]] = {}  # predicted type -> [correct, counted]
    diagnostics: list[dict] = []
    for doc, g in gold.items():
        preds = dedupe(pred.get(doc, []))
        required = [e for e in g["events"] if not e.get("optional")]
        optional = [e for e in g["events"] if e.get("optional")]
        m = max_matching(required, preds, level)
        used = set(m.values())
        spare = [p for j, p in enumerate(preds)
                 if j not in used and not any(matches(o, p, level) for o in optional)]
        tp += len(m)
        fn += len(required) - len(m)
        fp += len(spare)
        for i, e in enumerate(required):
            hit = recall_by.setdefault(e["types"][0], [0, 0])
            hit[0] += i in m
            hit[1] += 1
            if i not in m:
                diagnostics.append({"kind": "miss", "doc": doc, "id": e.get("id"), "types": e["types"],
                                    "a": (e.get("a") or {}).get("country"),
                                    "b": (e.get("b") or {}).get("country"),
                                    "evidence": e.get("evidence", "")})
        for j in used:
            c = precision_by.setdefault(_pred_type(preds[j]), [0, 0])
            c[0] += 1
            c[1] += 1
        for p in spare:
            precision_by.setdefault(_pred_type(p), [0, 0])[1] += 1
            diagnostics.append({"kind": "false", "doc": doc, "event": _describe(p)})
    by_type = {
        "recall": {t: {"tp": h, "gold": n, "recall": round(h / n, 4)} for t, (h, n) in sorted(recall_by.items())},
        "precision": {t: {"tp": h, "pred": n, "precision": round(h / n, 4)}
                      for t, (h, n) in sorted(precision_by.items())},
    }
    return {**_prf(tp, fp, fn), "by_type": by_type, "diagnostics": diagnostics}


def score(gold: Gold, pred: Pred) -> dict:
    """Lenient and strict scores of ``pred`` (doc -> PLOVER events) against ``gold`` (doc -> gold file).

    Each level holds tp/fp/fn, precision/recall/f1 (as the referee computes them), ``by_type``
    (recall by gold type, precision by predicted type) and ``diagnostics`` (misses, false positives).
    """
    result: dict[str, Any] = {lvl: score_level(gold, pred, lvl) for lvl in LEVELS}
    result["attributes"] = attribute_accuracy(gold, pred)
    result["documents"] = len(gold)
    result["documents_without_prediction"] = [d for d in gold if d not in pred]
    return result


def attribute_accuracy(gold: Gold, pred: Pred) -> dict:
    """Date and place accuracy among events whose type and countries match (the lenient matches).

    For each required gold event matched at the lenient level, is the matched prediction's date inside
    the gold interval (one day of slack) and its place within 50 km (or in the gold country)? Gold events
    with no date (or no place) count as right for that attribute, as in the referee's strict level.
    """
    n = date_hits = place_hits = dated = placed = 0
    for doc, g in gold.items():
        preds = dedupe(pred.get(doc, []))
        required = [e for e in g["events"] if not e.get("optional")]
        # among the largest lenient matchings, the one whose pairs agree most on date and place (type and
        # countries alone cannot tell two Iraqi clashes apart: each gold event goes with the prediction of it)
        agree = lambda g, p: int(date_ok(g, p)) + int(place_ok(g, p))  # noqa: E731
        for i, j in best_matching(required, preds, "lenient", agree).items():
            e, p = required[i], preds[j]
            n += 1
            dated += bool(e.get("date"))
            placed += bool(e.get("location"))
            date_hits += date_ok(e, p)
            place_hits += place_ok(e, p)
    return {"matched": n, "date_right": date_hits, "place_right": place_hits,
            "date_accuracy": round(date_hits / n, 4) if n else 0.0,
            "place_accuracy": round(place_hits / n, 4) if n else 0.0,
            "gold_with_date": dated, "gold_with_place": placed}


def predict_corpus(gold: Gold, corpus_path: str | Path,
                   extract_fn: Callable[[dict], list[dict]]) -> tuple[Pred, list[str]]:
    """Run ``extract_fn`` on the corpus records that have gold; returns predictions and missing ids."""
    pred: Pred = {}
    for record in iter_corpus(corpus_path):
        doc = record.get("id")
        if doc not in gold or doc in pred:
            continue
        events = [dict(e) for e in extract_fn(record)]
        for e in events:
            e.setdefault("doc", doc)
        pred[doc] = events
        if len(pred) == len(gold):
            break
    return pred, [d for d in gold if d not in pred]


def evaluate_corpus(gold_dir: str | Path, corpus_path: str | Path,
                    extract_fn: Callable[[dict], list[dict]]) -> dict:
    """Score ``extract_fn`` on the gold-annotated records of a (gzip) JSONL corpus.

    The result is :func:`score`'s, plus ``documents_not_in_corpus`` and ``predictions`` (doc -> events).
    """
    gold = load_gold(gold_dir)
    pred, missing = predict_corpus(gold, corpus_path, extract_fn)
    result = score(gold, pred)
    result["documents_not_in_corpus"] = missing
    result["predictions"] = pred
    return result


def format_report(result: dict, verbose: bool = False) -> str:
    """Human-readable summary of a :func:`score` result."""
    lines = []
    for lvl in LEVELS:
        r = result[lvl]
        lines.append(f"{lvl:8} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
                     f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    a = result.get("attributes")
    if a:
        lines.append(f"among {a['matched']} lenient matches: date right {a['date_right']} "
                     f"({a['date_accuracy']:.3f}), place right {a['place_right']} ({a['place_accuracy']:.3f})")
    if verbose:
        for lvl in LEVELS:
            bt = result[lvl]["by_type"]
            lines.append(f"-- {lvl}: recall by gold type")
            lines += [f"   {t:10} {v['tp']}/{v['gold']} = {v['recall']:.3f}" for t, v in bt["recall"].items()]
            lines.append(f"-- {lvl}: precision by predicted type")
            lines += [f"   {t:10} {v['tp']}/{v['pred']} = {v['precision']:.3f}" for t, v in bt["precision"].items()]
            for d in result[lvl]["diagnostics"]:
                if d["kind"] == "miss":
                    lines.append(f"{lvl:7} {d['doc']} {d['id']}: MISS {'/'.join(d['types'])} "
                                 f"{d['a']}-{d['b']} {d['evidence'][:70]}")
                else:
                    lines.append(f"{lvl:7} {d['doc']} FALSE {d['event']}")
    missing = result.get("documents_without_prediction") or []
    if missing:
        lines.append(f"no prediction for {len(missing)} document(s): {', '.join(missing[:5])}")
    absent = result.get("documents_not_in_corpus") or []
    if absent:
        lines.append(f"not in the corpus: {len(absent)} document(s): {', '.join(absent[:5])}")
    return "\n".join(lines)


def main_eval_events(gold: str | Path, corpus: str | Path, json_out: bool = False, verbose: bool = False,
                     out: str | Path | None = None) -> int:
    """``rasid eval events``: run the pipeline on the gold articles of the corpus and score it."""
    from rasid.pipeline import extract_record  # lazy: the pipeline is heavy and optional here

    result = evaluate_corpus(gold, corpus, extract_record)
    pred = result.pop("predictions")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for doc in sorted(pred):
                for e in pred[doc]:
                    f.write(json.dumps(e, ensure_ascii=False, default=str) + "\n")
    if json_out:
        if not verbose:
            for lvl in LEVELS:
                result[lvl].pop("diagnostics", None)
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_report(result, verbose) + "\n")
    return 0
