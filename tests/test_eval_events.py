"""rasid.eval.events: agreement with the referee's scorer, breakdowns, corpus evaluation."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from rasid.eval.events import evaluate_corpus, load_gold, load_pred_jsonl, score

REFEREE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_events.py"
GOLD_DIR = Path(__file__).resolve().parents[1] / "eval" / "gold"

BENGHAZI = {"name": "Benghazi", "country": "LBY", "lat": 32.1149, "lon": 20.0686}


def _g(eid, types, a, b, *, directed=True, date=("2020-03-10", "2020-03-10"), loc=BENGHAZI, optional=False):
    e = {"id": eid, "types": types, "directed": directed, "a": {"country": a, "sector": "GOV"},
         "b": {"country": b, "sector": "GOV"}, "date": {"start": date[0], "end": date[1]} if date else None,
         "location": loc, "evidence": f"synthetic {eid}"}
    if optional:
        e["optional"] = True
    return e


def _p(doc, types, actor, recip, date="2020-03-10", end=None, lat=32.12, lon=20.07, cc="LBY", sector="GOV"):
    return {"doc": doc, "event": types, "actor": [{"code": actor, "sector": sector}],
            "recipient": [{"code": recip, "sector": sector}], "date": date, "enddate": end,
            "event_loc": None if lat is None and cc is None else {"lat": lat, "lon": lon, "country_code": cc}}


GOLD = {
    "d1": {"doc": "d1", "events": [
        _g("E1", ["CONSULT"], "TCD", "LBY", directed=False),
        _g("E2", ["ASSAULT"], "LBY", "TCD"),
        _g("E3", ["COERCE"], "LBY", "LBY", loc={"name": "Libya", "country": "LBY"}),
        _g("E4", ["REQUEST"], "NER", None, date=None, loc=None),
        _g("E5", ["SUPPORT"], "RUS", "LBY", optional=True),
    ]},
    "d2": {"doc": "d2", "events": [
        _g("E1", ["AGREE", "COOPERATE"], "USA", "TUR", directed=False, date=("2020-03-01", "2020-03-05"), loc=None),
    ]},
    "d3": {"doc": "d3", "events": []},
}

# each case: a name and the predictions (doc -> list); every case is scored by both scorers
CASES = {
    "empty": {},
    "perfect": {"d1": [_p("d1", ["CONSULT"], "TCD", "LBY"), _p("d1", ["ASSAULT"], "LBY", "TCD"),
                       _p("d1", ["COERCE"], "LBY", "LBY", lat=None, lon=None),
                       _p("d1", ["REQUEST"], "NER", "FRA", date=None, lat=None, lon=None, cc=None)],
                "d2": [_p("d2", "AGREE", "TUR", "USA", date="2020-03-02", lat=None, lon=None, cc=None)]},
    "swapped_symmetric": {"d1": [_p("d1", ["CONSULT"], "LBY", "TCD")]},
    "swapped_directed": {"d1": [_p("d1", ["ASSAULT"], "TCD", "LBY")]},
    "duplicates": {"d1": [_p("d1", ["CONSULT"], "TCD", "LBY"), _p("d1", ["CONSULT"], "LBY", "TCD"),
                          _p("d1", ["ASSAULT"], "LBY", "TCD"), _p("d1", ["ASSAULT"], "LBY", "TCD")]},
    "optional_hit": {"d1": [_p("d1", ["SUPPORT"], "RUS", "LBY")]},
    "date_in_slack": {"d1": [_p("d1", ["ASSAULT"], "LBY", "TCD", date="2020-03-11")]},
    "date_outside_slack": {"d1": [_p("d1", ["ASSAULT"], "LBY", "TCD", date="2020-03-12")],
                           "d2": [_p("d2", ["COOPERATE"], "USA", "TUR", date="2020-02-27")]},
    "interval_too_wide": {"d1": [_p("d1", ["ASSAULT"], "LBY", "TCD", date="2020-03-09", end="2020-03-14")]},
    "no_date": {"d1": [_p("d1", ["ASSAULT"], "LBY", "TCD", date=None)]},
    "place_near": {"d1": [_p("d1", ["ASSAULT"], "LBY", "TCD", lat=32.3, lon=20.3)]},
    "place_beyond_50km": {"d1": [_p("d1", ["ASSAULT"], "LBY", "TCD", lat=32.9, lon=21.6)]},
    "place_missing": {"d1": [_p("d1", ["ASSAULT"], "LBY", "TCD", lat=None, lon=None)]},
    "country_only_wrong": {"d1": [_p("d1", ["COERCE"], "LBY", "LBY", cc="TCD", lat=None, lon=None)]},
    "domestic_one_side": {"d1": [_p("d1", ["COERCE"], "LBY", "TCD", lat=None, lon=None)]},
    "wrong_type": {"d1": [_p("d1", ["PROTEST"], "LBY", "TCD")], "d3": [_p("d3", ["ASSAULT"], "SAU", "YEM")]},
    "wrong_country": {"d1": [_p("d1", ["ASSAULT"], "LBY", "EGY")]},
    "string_type_and_dict_actor": {"d1": [{"doc": "d1.txt", "event": "ASSAULT",
                                           "actor": {"code": "lby"}, "recipient": {"code": "TCD"},
                                           "date": "2020-03-10", "event_loc": BENGHAZI}]},
    "matching_needs_reassignment": {"d1": [_p("d1", ["CONSULT", "ASSAULT"], "LBY", "TCD"),
                                           _p("d1", ["CONSULT"], "TCD", "LBY", date="2020-03-10", lat=32.2)]},
}


@pytest.fixture(scope="module")
def referee():
    if not REFEREE.exists():
        pytest.skip("../shared/eval/score_events.py not present")
    spec = importlib.util.spec_from_file_location("referee_score_events", REFEREE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _referee_pred(mod, tmp_path, pred) -> dict:
    """Feed the predictions through the referee's own loader (it keys documents by base name)."""
    f = tmp_path / "pred.jsonl"
    f.write_text("".join(json.dumps(e) + "\n" for evs in pred.values() for e in evs), encoding="utf-8")
    return mod.load_pred(f)


@pytest.mark.parametrize("name", sorted(CASES))
def test_agrees_with_referee(name, referee, tmp_path):
    pred = _referee_pred(referee, tmp_path, CASES[name])
    ours = score(GOLD, load_pred_jsonl(tmp_path / "pred.jsonl"))
    for level in ("lenient", "strict"):
        want = referee.score(GOLD, pred, level)
        got = {k: ours[level][k] for k in want}
        assert got == want, (name, level)


@pytest.mark.parametrize("name,level,tp,fp,fn", [
    ("perfect", "strict", 5, 0, 0),
    ("swapped_symmetric", "strict", 1, 0, 4),
    ("swapped_directed", "lenient", 1, 0, 4),
    ("swapped_directed", "strict", 0, 1, 5),
    ("duplicates", "strict", 2, 0, 3),
    ("optional_hit", "strict", 0, 0, 5),
    ("date_in_slack", "strict", 1, 0, 4),
    ("date_outside_slack", "strict", 0, 2, 5),
    ("date_outside_slack", "lenient", 2, 0, 3),
    ("place_near", "strict", 1, 0, 4),
    ("place_beyond_50km", "strict", 0, 1, 5),
    ("domestic_one_side", "lenient", 0, 1, 5),
    ("wrong_type", "lenient", 0, 2, 5),
    ("matching_needs_reassignment", "strict", 2, 0, 3),
])
def test_expected_counts(name, level, tp, fp, fn):
    r = score(GOLD, CASES[name])[level]
    assert (r["tp"], r["fp"], r["fn"]) == (tp, fp, fn)


def test_by_type_breakdown_and_diagnostics():
    r = score(GOLD, CASES["swapped_directed"])["strict"]
    assert r["by_type"]["recall"]["ASSAULT"] == {"tp": 0, "gold": 1, "recall": 0.0}
    assert r["by_type"]["recall"]["AGREE"]["gold"] == 1
    assert r["by_type"]["precision"]["ASSAULT"] == {"tp": 0, "pred": 1, "precision": 0.0}
    kinds = [(d["kind"], d["doc"]) for d in r["diagnostics"]]
    assert kinds.count(("miss", "d1")) == 4 and ("false", "d1") in kinds
    lenient = score(GOLD, CASES["perfect"])["lenient"]["by_type"]
    assert all(v["recall"] == 1.0 for v in lenient["recall"].values())
    assert all(v["precision"] == 1.0 for v in lenient["precision"].values())


def test_documents_without_prediction():
    r = score(GOLD, {"d1": []})
    assert r["documents"] == 3 and r["documents_without_prediction"] == ["d2", "d3"]


def _gold_to_pred(doc: str, e: dict) -> dict:
    """A prediction that should match gold event ``e`` at the strict level."""
    loc = e["location"]
    return {"doc": doc, "event": e["types"][:1],
            "actor": [{"code": e["a"]["country"] or "XXX", "sector": e["a"].get("sector")}],
            "recipient": [{"code": e["b"]["country"] or "XXX", "sector": e["b"].get("sector")}],
            "date": e["date"]["start"] if e["date"] else "2000-01-01",
            "enddate": e["date"]["end"] if e["date"] else None,
            "event_loc": None if loc is None else {"lat": loc.get("lat"), "lon": loc.get("lon"),
                                                   "country_code": loc["country"]}}


def test_evaluate_corpus_with_fake_extractor(tmp_path):
    gold = {"a1": {"doc": "a1", "published": "2020-03-10", "events": GOLD["d1"]["events"]},
            "a2": {"doc": "a2", "published": "2020-03-10", "events": GOLD["d2"]["events"]},
            "gone": {"doc": "gone", "published": "2020-03-10", "events": []}}
    gdir = tmp_path / "gold"
    gdir.mkdir()
    for doc, g in gold.items():
        (gdir / f"{doc}.gold.json").write_text(json.dumps(g), encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        for rid in ("x0", "a1", "x1", "a2"):
            f.write(json.dumps({"id": rid, "source": "t", "title": "", "text": "", "extracted": "2020-03-10"}) + "\n")
    seen = []

    def fake(record):
        seen.append(record["id"])
        evs = [_gold_to_pred(record["id"], e) for e in gold[record["id"]]["events"] if not e.get("optional")]
        for e in evs:
            del e["doc"]  # evaluate_corpus names the article itself
        return evs

    r = evaluate_corpus(gdir, corpus, fake)
    assert seen == ["a1", "a2"]
    assert r["documents_not_in_corpus"] == ["gone"]
    assert (r["strict"]["tp"], r["strict"]["fp"], r["strict"]["fn"]) == (5, 0, 0)
    assert all(e["doc"] == "a1" for e in r["predictions"]["a1"])
    assert load_gold(gdir).keys() == gold.keys()


def test_real_gold_set_self_consistent(referee, tmp_path):
    """Predictions built from the gold set itself score perfectly, with both scorers."""
    if not list(GOLD_DIR.glob("*.gold.json")):
        pytest.skip("no gold files")
    gold = load_gold(GOLD_DIR)
    pred = {doc: [_gold_to_pred(doc, e) for e in g["events"] if not e.get("optional")] for doc, g in gold.items()}
    ours = score(gold, pred)
    ref = referee.score(gold, _referee_pred(referee, tmp_path, pred), "strict")
    assert ours["strict"]["fn"] == 0 and ours["strict"]["precision"] == 1.0
    assert {k: ours["strict"][k] for k in ref} == ref


def test_main_eval_events_with_stub_pipeline(tmp_path, monkeypatch, capsys):
    import sys
    import types

    stub = types.ModuleType("rasid.pipeline")
    stub.extract_record = lambda record: [_p(record["id"], ["ASSAULT"], "LBY", "TCD")]
    monkeypatch.setitem(sys.modules, "rasid.pipeline", stub)
    gdir = tmp_path / "gold"
    gdir.mkdir()
    (gdir / "d1.gold.json").write_text(json.dumps(GOLD["d1"]), encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "d1", "text": ""}) + "\n", encoding="utf-8")
    from rasid.eval.events import main_eval_events

    out = tmp_path / "pred.jsonl"
    assert main_eval_events(gdir, corpus, json_out=True, verbose=False, out=out) == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["strict"]["tp"], r["strict"]["fn"]) == (1, 3) and "predictions" not in r
    assert load_pred_jsonl(out)["d1"][0]["event"] == ["ASSAULT"]
    assert main_eval_events(gdir, corpus, verbose=True) == 0
    assert "MISS" in capsys.readouterr().out


def test_attribute_accuracy_pairs_events_that_agree():
    """Two domestic clashes of the same dyad: date and place accuracy pair each with the prediction that
    agrees with it, whichever order the predictions come in."""
    from rasid.eval.events import attribute_accuracy

    tripoli = {"name": "Tripoli", "country": "LBY", "lat": 32.89, "lon": 13.19}
    gold = {"d": {"doc": "d", "events": [
        _g("E1", ["ASSAULT"], "LBY", "LBY", loc=BENGHAZI),
        _g("E2", ["ASSAULT"], "LBY", "LBY", loc=tripoli, date=("2020-03-05", "2020-03-05"))]}}
    far = _p("d", ["ASSAULT"], "LBY", "LBY", date="2020-03-05", lat=32.89, lon=13.19)
    near = _p("d", ["ASSAULT"], "LBY", "LBY")
    near["recipient"][0]["sector"] = "CVL"  # not a repeat of the other for the scorer's de-duplication
    for preds in ([far, near], [near, far]):
        acc = attribute_accuracy(gold, {"d": preds})
        assert (acc["matched"], acc["date_right"], acc["place_right"]) == (2, 2, 2)


def test_attribute_accuracy_finds_the_best_pairing_not_a_greedy_one():
    """Two strikes of the same dyad, both lenient matches of two predictions: one prediction agrees with E1 on
    date and place and with E2 on the date only, the other with neither. Taken in order, each gold event by
    its own preference, E2 would take the good prediction from E1 (1 agreement in all); the optimal assignment
    gives it to E1 (2) and keeps the number of pairs."""
    from rasid.eval.events import attribute_accuracy, best_matching, date_ok, max_matching, place_ok

    tripoli = {"name": "Tripoli", "country": "LBY", "lat": 32.89, "lon": 13.19}
    gold = {"d": {"doc": "d", "events": [
        _g("E1", ["ASSAULT"], "LBY", "LBY", loc=tripoli, date=("2020-03-07", "2020-03-07")),
        _g("E2", ["ASSAULT"], "LBY", "LBY", date=("2020-03-06", "2020-03-08"))]}}  # at Benghazi
    good = _p("d", ["ASSAULT"], "LBY", "LBY", date="2020-03-07", lat=32.89, lon=13.19)
    other = _p("d", ["ASSAULT"], "LBY", "LBY", date="2020-02-01", lat=30.0, lon=10.0)
    other["recipient"][0]["sector"] = "CVL"  # not a repeat of the other for the scorer's de-duplication
    golds = gold["d"]["events"]
    agree = lambda g, p: int(date_ok(g, p)) + int(place_ok(g, p))  # noqa: E731
    total = lambda pairs, preds: sum(agree(golds[i], preds[j]) for i, j in pairs.items())  # noqa: E731
    for preds in ([good, other], [other, good]):
        assert total(max_matching(golds, preds, "lenient", prefer=agree), preds) == 1  # the greedy pairing
        pairs = best_matching(golds, preds, "lenient", agree)
        assert len(pairs) == 2 and total(pairs, preds) == 2
        acc = attribute_accuracy(gold, {"d": preds})
        assert (acc["matched"], acc["date_right"], acc["place_right"]) == (2, 1, 1), acc
    # size comes first: a lone gold event that only one prediction matches keeps it
    assert len(best_matching(golds[:1], [other], "lenient", agree)) == 1
    assert best_matching([], [other], "lenient", agree) == {}
