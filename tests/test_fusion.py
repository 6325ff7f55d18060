"""Fusion rules, clustering determinism, and precision/recall on annotated pairs.

tests/data/fusion_pairs.jsonl holds our own synthetic Arabic event records in
pairs labelled same/different (easy and deliberately hard cases). Run with -s
to see the figures.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from rasid.store.fusion import (
    FuseRecord,
    FusionConfig,
    cluster,
    compatible,
    haversine_km,
    similarity,
    summarise,
)

PAIRS = Path(__file__).parent / "data" / "fusion_pairs.jsonl"


def _pairs():
    return [json.loads(x) for x in PAIRS.read_text(encoding="utf-8").splitlines() if x.strip()]


def _rec(d):
    return FuseRecord.from_plover(d)


def test_pairs_file_is_balanced_and_large_enough():
    ps = _pairs()
    assert len(ps) >= 40
    labels = [p["label"] for p in ps]
    assert set(labels) == {"same", "different"} and min(labels.count("same"), labels.count("different")) >= 15


def test_precision_recall_on_annotated_pairs():
    tp = fp = fn = tn = 0
    errors = []
    for p in _pairs():
        pred = compatible(_rec(p["a"]), _rec(p["b"]))
        gold = p["label"] == "same"
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
        tn += (not pred) and not gold
        if pred != gold:
            errors.append(f"{p['id']} ({p['label']}): {p['case']}")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\nfusion pairs: n={tp + fp + fn + tn} tp={tp} fp={fp} fn={fn} tn={tn} "
          f"precision={precision:.3f} recall={recall:.3f}")
    for e in errors:
        print("  error:", e)
    assert precision >= 0.85 and recall >= 0.85


def test_pairwise_rule_is_symmetric():
    for p in _pairs():
        a, b = _rec(p["a"]), _rec(p["b"])
        assert compatible(a, b) == compatible(b, a), p["id"]


@pytest.mark.parametrize(
    ("km", "expected"), [(10, True), (49, True), (51, False), (300, False)]
)
def test_distance_threshold(km, expected):
    base = {"id": "x", "doc": "d1", "event": ["ASSAULT"], "actor": [{"code": "ISR"}],
            "recipient": [{"code": "PSE"}], "date": "2024-03-15", "event_text": "قصف"}
    lat0, lon0 = 31.5, 34.47
    dlat = km / 111.195  # degrees of latitude per km on the sphere used
    a = _rec({**base, "event_loc": {"lat": lat0, "lon": lon0, "country_code": "PSE", "resolution": "city"}})
    b = _rec({**base, "id": "y", "doc": "d2",
              "event_loc": {"lat": lat0 + dlat, "lon": lon0, "country_code": "PSE", "resolution": "city"}})
    assert abs(haversine_km(a.lat, a.lon, b.lat, b.lon) - km) < 0.5
    assert compatible(a, b) is expected


def test_similarity_bounds():
    assert similarity("قصف على غزة", "قصف على غزة") == 1.0
    assert similarity("", "قصف") == 0.0
    assert 0 < similarity("قصف على غزة", "قصف عنيف على غزة") < 1


def _synthetic(n: int, seed: int) -> list[FuseRecord]:
    rng = random.Random(seed)
    recs = []
    for i in range(n):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randrange(5))
        recs.append(FuseRecord(
            id=f"e{i:04d}", article_id=f"a{i // 2}", source=f"o{rng.randrange(4)}",
            type=rng.choice(["ASSAULT", "CONSULT"]), actor=rng.choice(["SYR", "TUR"]),
            recipient=rng.choice(["SYR", "TUR", None]), start=day, end=day,
            lat=rng.choice([33.51, 36.2, None]), lon=36.29, country="SYR", resolution="city", place=None,
            text=rng.choice(["قصف على حلب", "مباحثات في دمشق", "قصف مدفعي على ريف حلب"]),
        ))
    return recs


def test_clustering_is_order_independent_and_consistent():
    recs = _synthetic(120, 3)
    ref = cluster(recs)
    shuffled = recs[:]
    random.Random(9).shuffle(shuffled)
    assert [[m.id for m in c] for c in cluster(shuffled)] == [[m.id for m in c] for c in ref]
    assert sorted(m.id for c in ref for m in c) == sorted(r.id for r in recs)
    cfg = FusionConfig()
    for c in ref:
        assert len({m.article_id for m in c}) == len(c)  # never two events of one article
        for i, a in enumerate(c):
            for b in c[i + 1 :]:
                assert compatible(a, b, cfg)  # complete linkage


def test_summarise_counts_distinct_outlets():
    recs = [FuseRecord.from_plover(p["a"]) for p in _pairs()[:1]] + [FuseRecord.from_plover(p["b"]) for p in _pairs()[:1]]
    recs.append(FuseRecord.from_plover({**_pairs()[0]["b"], "id": "z", "doc": "dz"}))  # same outlet again
    row = summarise(recs)
    assert row[10:13] == (3, 3, 2)  # n_events, n_articles, n_sources
    assert json.loads(row[13]) == ["o1", "o2"]
