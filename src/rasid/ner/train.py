"""Rebuild the NER model from the open corpora (``rasid train ner`` / ``tools/train_ner.py``).

Training data: the ANERcorp CAMeL train split, optionally with NewsFANE,
WikiFANE, AQMAR and the Wojood sample mapped to PERS/ORG/LOC/MISC (see
:mod:`rasid.ner.conll`). The ANERcorp *test* file is never read here except by
``--eval-test``, which scores the finished model once.

Gazetteer features are learnt from the training corpora with a jackknife: the
sentences of fold *k* see name counts from the other folds only, so the CRF
does not learn to trust a list that contains every training name; the shipped
gazetteer holds the counts from all folds.

Name-list features come from rasid's own lexicons (:mod:`rasid.ner.lexicon`,
snapshotted into the model folder as ``lexicon.tsv``). Word clusters are off
unless ``--clusters FILE`` or ``--news FILE`` is given.

With ``--stage2`` a second CRF is trained on the first-stage features plus document-consistency
features (:mod:`rasid.ner.consistency`: how the first stage tagged the same word in the
neighbouring sentences). Its training features come from *jackknifed* first-stage tags: the
training sentences are split into the same folds as the gazetteer jackknife, a first-stage CRF is
trained on all folds but one and tags the held-out fold, so the second stage learns how far to
trust first-stage tags of unseen text.

Example (the packaged model)::

    python tools/train_ner.py --data ../shared/data/ner --out src/rasid/data/models/ner --jobs 2 --eval-test
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

import pycrfsuite

from rasid.ner.clusters import load_clusters
from rasid.ner.conll import CORPUS_MAPPERS, read_conll, to_iob2
from rasid.ner.consistency import DEFAULT_WINDOW, DocFeatures
from rasid.ner.evaluate import score
from rasid.ner.features import FeatureExtractor, Gazetteer
from rasid.ner.lexicon import LEXICON_FILE, Lexicon, build_lexicon_entries
from rasid.ner.tagger import ATTR_FILE, CLUSTER_FILE, GAZ_FILE, MODEL_FILE, NEWS_DOMAIN, STAGE2_FILE, Tagger
from rasid.ner.text import safe_fold
from rasid.text.tokenize import clitic_forms

__all__ = ["main", "load_corpora", "count_names", "fold_assignment", "jackknife_tags", "stage2_features"]

CORPUS_FILES: dict[str, tuple[str, list[str]]] = {
    "anercorp": ("anercorp", ["anercorp/ANERCorp_CamelLab_train.txt"]),
    "newsfane": ("fane", ["fane/NewsFANE_Gold_2014_170K.txt"]),
    "wikifane": ("fane", ["fane/WikiFANE_Gold_2014_500K.txt"]),
    "wojood": ("wojood", ["wojood-sample/train.txt", "wojood-sample/val.txt", "wojood-sample/test.txt"]),
    "aqmar": ("aqmar", ["aqmar/*.txt"]),
}
TEST_FILE = "anercorp/ANERCorp_CamelLab_test.txt"

Sent = tuple[list[str], list[str]]


def load_corpora(data: Path, names: list[str], files: dict[str, list[str]] | None = None) -> dict[str, list[Sent]]:
    """Read and map the named corpora (see CORPUS_FILES). With ``files``, also fill ``files[name]``
    with the source file of each sentence (document boundaries for the second stage)."""
    out: dict[str, list[Sent]] = {}
    for name in names:
        mapper_name, pats = CORPUS_FILES[name]
        sents: list[Sent] = []
        src: list[str] = []
        for pat in pats:
            for p in sorted(data.glob(pat)):
                got = read_conll(str(p), CORPUS_MAPPERS[mapper_name])
                sents.extend(got)
                src.extend([f"{name}/{p.name}"] * len(got))
        out[name] = sents
        if files is not None:
            files[name] = src
    return out


def count_names(sents: list[Sent]) -> dict[str, dict[str, int]]:
    """Per folded word (and its clitic-peeled stem): total count and count inside each entity type."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for toks, tags in sents:
        for tok, tag in zip(toks, tags, strict=True):
            w = safe_fold(tok).replace(" ", "") or tok
            keys = {w, clitic_forms(w)[0][-1]}
            for k in keys:
                c = counts[k]
                c["_"] += 1
                if tag != "O":
                    c[tag[2:]] += 1
    return counts


def _sub(a: dict[str, dict[str, int]], b: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for w, c in a.items():
        cb = b.get(w)
        out[w] = {k: v - (cb.get(k, 0) if cb else 0) for k, v in c.items()}
    return out


def _prune(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Keep words that were inside an entity at least twice."""
    return {w: dict(c) for w, c in counts.items() if any(k != "_" and v >= 2 for k, v in c.items())}


def fold_assignment(sents: list[Sent], folds: int, seed: int) -> list[int]:
    """Seeded fold of each sentence; by sentence identity, so repeated copies of a sentence share a fold."""
    uniq = list({id(s): None for s in sents})
    random.Random(seed).shuffle(uniq)
    fold_id = {u: k % folds for k, u in enumerate(uniq)}
    return [fold_id[id(s)] for s in sents]


def build_training(sents: list[Sent], clusters: dict[str, tuple[str, ...]], folds: int, seed: int,
                   use_gaz: bool = True, domains: list[str | None] | None = None, domain_context: bool = False,
                   lexicon: Lexicon | None = None, extra_triggers: bool = False, quotes: bool = False,
                   ) -> tuple[list[tuple[list[list[str]], list[str]]], Gazetteer]:
    """Feature sequences for training (jackknifed gazetteer) and the full gazetteer to ship."""
    full = _prune(count_names(sents)) if use_gaz else {}
    fold_of = fold_assignment(sents, folds, seed)
    data: list[tuple[list[list[str]], list[str]]] = [([], [])] * len(sents)
    for k in range(folds):
        part = [sents[i] for i in range(len(sents)) if fold_of[i] == k]
        gz = Gazetteer(_sub(full, count_names(part))) if use_gaz else Gazetteer()
        fx = FeatureExtractor(clusters, gz, domain_context=domain_context, lexicon=lexicon,
                              extra_triggers=extra_triggers, quotes=quotes)
        for i in range(len(sents)):
            if fold_of[i] == k:
                data[i] = (fx.sentence(sents[i][0], domains[i] if domains else None), sents[i][1])
    return data, Gazetteer(full)


def train_crf(data: list[tuple[list[list[str]], list[str]]], model_path: Path, c1: float, c2: float,
              max_iter: int, attr_file: bool = True) -> set[str]:
    """Train a CRF; return (and unless ``attr_file`` is False, write) the attributes with a weight."""
    tr = pycrfsuite.Trainer(verbose=False)
    for xs, ys in data:
        tr.append(xs, ys)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": max_iter,
                   "feature.possible_transitions": True, "feature.minfreq": 1})
    tr.train(str(model_path))
    tg = pycrfsuite.Tagger()
    tg.open(str(model_path))
    attrs = {a for a, _ in tg.info().state_features}
    if attr_file:
        write_attrs(model_path.parent, attrs)
    return attrs


def write_attrs(folder: Path, attrs: set[str]) -> None:
    (folder / ATTR_FILE).write_text(
        "# attributes that carry a weight in ner.crfsuite or ner2.crfsuite (generated by rasid.ner.train)\n"
        + "\n".join(sorted(attrs)) + "\n", encoding="utf-8")


_JK: dict[str, object] = {}  # data shared with forked fold workers


def _fold_job(k: int) -> tuple[int, list[list[str]] | set[str]]:
    data = _JK["data"]
    fold_of = _JK["fold_of"]
    c1, c2, max_iter, tmp = _JK["params"]  # type: ignore[misc]
    if k < 0:  # the full first-stage model, trained alongside the folds
        return k, train_crf(data, _JK["full"], c1, c2, max_iter, attr_file=False)  # type: ignore[arg-type]
    train = [d for d, f in zip(data, fold_of, strict=True) if f != k]  # type: ignore[call-overload]
    path = Path(tmp) / f"fold{k}.crfsuite"
    train_crf(train, path, c1, c2, max_iter, attr_file=False)
    tg = pycrfsuite.Tagger()
    tg.open(str(path))
    preds = [to_iob2(list(tg.tag(xs))) for (xs, _), f in zip(data, fold_of, strict=True)  # type: ignore[call-overload]
             if f == k]
    path.unlink()
    return k, preds


def jackknife_tags(data: list[tuple[list[list[str]], list[str]]], fold_of: list[int], c1: float, c2: float,
                   max_iter: int, tmp: Path, jobs: int = 1, full_model: Path | None = None,
                   ) -> tuple[list[list[str]], set[str] | None]:
    """First-stage tags of every training sentence from a CRF trained without its fold; with
    ``full_model``, the CRF on all the data is trained too (in the same pool) and its attributes returned."""
    folds = sorted(set(fold_of))
    jobs_list = ([-1] if full_model is not None else []) + folds
    _JK.update(data=data, fold_of=fold_of, params=(c1, c2, max_iter, str(tmp)), full=full_model)
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        if jobs > 1:
            with multiprocessing.get_context("fork").Pool(min(jobs, len(jobs_list))) as pool:
                results = pool.map(_fold_job, jobs_list, chunksize=1)
        else:
            results = [_fold_job(k) for k in jobs_list]
    finally:
        _JK.clear()
    by_fold = dict(results)
    attrs = by_fold.pop(-1, None)
    out: list[list[str]] = []
    pos = dict.fromkeys(folds, 0)
    for f in fold_of:
        out.append(by_fold[f][pos[f]])  # type: ignore[index]
        pos[f] += 1
    return out, attrs  # type: ignore[return-value]


def stage2_features(sents: list[Sent], data: list[tuple[list[list[str]], list[str]]], tags1: list[list[str]],
                    docs: list[str], doc: DocFeatures, domains: list[str | None] | None = None,
                    ) -> list[tuple[list[list[str]], list[str]]]:
    """First-stage features plus document features, computed over runs of sentences of the same source."""
    out: list[tuple[list[list[str]], list[str]]] = []
    i = 0
    while i < len(sents):
        j = i
        while j < len(sents) and docs[j] == docs[i]:
            j += 1
        extra = doc.compute([t for t, _ in sents[i:j]], tags1[i:j], domain=domains[i] if domains else None)
        for k in range(i, j):
            xs, ys = data[k]
            out.append(([a + b for a, b in zip(xs, extra[k - i], strict=True)], ys))
        i = j
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="rasid train ner", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="../shared/data/ner", help="folder of the NER corpora")
    ap.add_argument("--out", default=None, help="model folder to write (default: the packaged model)")
    ap.add_argument("--corpora", default="anercorp,newsfane,wojood,aqmar",
                    help="comma list of: " + ",".join(CORPUS_FILES))
    ap.add_argument("--clusters", default=None, help="word-cluster TSV to use as features (default: none)")
    ap.add_argument("--no-clusters", action="store_true", help="no word-cluster features (the default)")
    ap.add_argument("--news", default=None, help="rebuild clusters from this news JSONL(.gz) (needs gensim)")
    ap.add_argument("--dev", type=float, default=0.0,
                    help="hold out this fraction of ANERcorp train (last sentences) and score on it")
    ap.add_argument("--sample", action="append", default=[], metavar="NAME=FRACTION",
                    help="keep a random fraction of a corpus's sentences (seeded), e.g. wikifane=0.25")
    ap.add_argument("--aner-weight", type=int, default=1, help="repeat ANERcorp train this many times")
    ap.add_argument("--domain-features", action=argparse.BooleanOptionalAction, default=True,
                    help="add corpus-prefixed copies of word features (ANERcorp = the tagging domain)")
    ap.add_argument("--domain-context", action="store_true",
                    help="with --domain-features, also copy the +-1 neighbours' features per domain")
    ap.add_argument("--no-gaz", action="store_true", help="no gazetteer features")
    ap.add_argument("--lexicon", action=argparse.BooleanOptionalAction, default=True,
                    help="name-list features from rasid's lexicons and places gazetteer (snapshot: lexicon.tsv)")
    ap.add_argument("--lexicon-file", default=None,
                    help="with --lexicon: use this lexicon.tsv snapshot instead of rebuilding it from the current"
                         " lexicons (reproduces a model exactly when the lists have changed since)")
    ap.add_argument("--quotes", action=argparse.BooleanOptionalAction, default=False,
                    help="features for tokens inside short quoted spans (titles, brands)")
    ap.add_argument("--extra-triggers", action=argparse.BooleanOptionalAction, default=True,
                    help="the longer organisation/place/misc head-word list (features.EXTRA_TRIGGERS)")
    ap.add_argument("--stage2", action=argparse.BooleanOptionalAction, default=True,
                    help="train the second-stage CRF with document-consistency features (ner2.crfsuite; on by default,"
                         " --no-stage2 for a first-stage-only model)")
    ap.add_argument("--doc-window", type=int, default=DEFAULT_WINDOW,
                    help="with --stage2: sentences on each side that make up a token's document (default %(default)s)")
    ap.add_argument("--doc-neighbours", action=argparse.BooleanOptionalAction, default=True,
                    help="with --stage2: also the document majority label of the +-1 words (default on)")
    ap.add_argument("--doc-own", action=argparse.BooleanOptionalAction, default=False,
                    help="with --stage2: also the token's own and its +-1 neighbours' first-stage tags")
    ap.add_argument("--doc-spans", action=argparse.BooleanOptionalAction, default=True,
                    help="with --stage2: also mark word sequences tagged as a whole span elsewhere in the window"
                         " (default on)")
    ap.add_argument("--doc-domain", action=argparse.BooleanOptionalAction, default=False,
                    help="with --stage2 and --domain-features: corpus-prefixed copies of the document features")
    ap.add_argument("--jobs", type=int, default=1,
                    help="with --stage2: train the jackknife fold CRFs in this many processes (same result)")
    ap.add_argument("--s1-cache", default=None,
                    help="with --stage2: folder to keep/reuse the jackknifed first-stage tags (experiments)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--max-iter", type=int, default=150)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--eval-test", action="store_true", help="score the finished model on the ANERcorp test file")
    a = ap.parse_args(argv)

    data = Path(a.data)
    out = Path(a.out) if a.out else Path(__file__).resolve().parent.parent / "data" / "models" / "ner"
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    if a.news:
        from rasid.ner.clusters import build_clusters, news_sentences

        n = build_clusters(news_sentences(a.news), out / CLUSTER_FILE, seed=a.seed,
                           header=f"Source: {Path(a.news).name} (SaudiNewsNet, CC BY-NC-SA 4.0); derived statistics.")
        print(f"clusters: {n} words ({time.time() - t0:.0f}s)", file=sys.stderr)
    # word clusters only on request (--clusters FILE or --news): on dev they did not help (MODEL_CARD.md)
    cl_path = out / CLUSTER_FILE if a.news else (Path(a.clusters) if a.clusters else None)
    clusters = load_clusters(cl_path) if cl_path is not None and not a.no_clusters else {}
    if clusters and cl_path is not None and cl_path.resolve() != (out / CLUSTER_FILE).resolve():
        shutil.copyfile(cl_path, out / CLUSTER_FILE)
    if not clusters and (out / CLUSTER_FILE).exists():
        (out / CLUSTER_FILE).unlink()  # the tagger would otherwise compute unused cluster features

    names = [c.strip() for c in a.corpora.split(",") if c.strip()]
    files: dict[str, list[str]] = {}
    corp = load_corpora(data, names, files)
    dev: list[Sent] = []
    if a.dev > 0:
        an = corp["anercorp"]
        cut = int(len(an) * (1 - a.dev))
        corp["anercorp"], dev = an[:cut], an[cut:]
        files["anercorp"] = files["anercorp"][:cut]
    for spec in a.sample:
        name, frac = spec.split("=")
        rng = random.Random(a.seed)
        keep = [rng.random() < float(frac) for _ in corp[name]]
        corp[name] = [s for s, k in zip(corp[name], keep, strict=True) if k]
        files[name] = [f for f, k in zip(files[name], keep, strict=True) if k]
    if a.aner_weight > 1 and "anercorp" in corp:
        corp["anercorp"] = corp["anercorp"] * a.aner_weight
        files["anercorp"] = [f"{f}#{r}" for r in range(a.aner_weight) for f in files["anercorp"]]
    sents = [s for n in names for s in corp[n]]
    docs = [f for n in names for f in files[n]]
    domains: list[str | None] | None = None
    if a.domain_features:
        domains = [(NEWS_DOMAIN if n == "anercorp" else "x") for n in names for _ in corp[n]]
    print("train: " + ", ".join(f"{n}={sum(len(t) for t, _ in corp[n])}tok" for n in names)
          + f"; clusters={len(clusters)}", file=sys.stderr)
    lexicon = None
    if a.lexicon:
        if a.lexicon_file:
            text = Path(a.lexicon_file).read_text(encoding="utf-8")
            lexicon = Lexicon.from_tsv(text)
            if Path(a.lexicon_file).resolve() != (out / LEXICON_FILE).resolve():
                (out / LEXICON_FILE).write_text(text, encoding="utf-8")
        else:
            entries = build_lexicon_entries()
            lexicon = Lexicon(entries)
            (out / LEXICON_FILE).write_text(
                "# snapshot of rasid name lists (src/rasid/data/lexicons: groups, igos, countries, offices;"
                " gazetteer/places.tsv Arabic forms), folded: phrase<TAB>class. Apache-2.0 (rasid) + GeoNames"
                " CC BY 4.0 + CLDR (Unicode licence).\n" + Lexicon.to_tsv(entries), encoding="utf-8")
    elif (out / LEXICON_FILE).exists():
        (out / LEXICON_FILE).unlink()
    feats, gaz = build_training(sents, clusters, a.folds, a.seed, use_gaz=not a.no_gaz, domains=domains,
                                domain_context=a.domain_context, lexicon=lexicon,
                                extra_triggers=a.extra_triggers, quotes=a.quotes)
    (out / GAZ_FILE).write_text(
        "# name-list counts (word, total, type:count) from the training corpora: "
        + ",".join(names) + " (CC BY-SA 3.0/4.0, MIT); derived statistics.\n" + gaz.to_tsv(), encoding="utf-8")
    print(f"features built ({time.time() - t0:.0f}s)", file=sys.stderr)
    cache: Path | None = None
    if a.stage2 and a.s1_cache:
        ck = {k: v for k, v in vars(a).items() if k not in {
            "out", "eval_test", "stage2", "lexicon_file", "doc_window", "doc_neighbours", "doc_own", "doc_spans", "doc_domain", "jobs", "s1_cache"}}
        ck["lexicon_hash"] = hashlib.sha256((out / LEXICON_FILE).read_bytes()).hexdigest() \
            if a.lexicon else ""
        cache = Path(a.s1_cache) / hashlib.sha256(json.dumps(ck, sort_keys=True).encode()).hexdigest()[:16]
    if (out / STAGE2_FILE).exists():
        (out / STAGE2_FILE).unlink()
    if cache is not None and (cache / MODEL_FILE).exists() and (cache / "jackknife.json").exists():
        shutil.copyfile(cache / MODEL_FILE, out / MODEL_FILE)
        attrs = set((cache / ATTR_FILE).read_text(encoding="utf-8").split("\n")[1:]) - {""}
        tags1 = json.loads((cache / "jackknife.json").read_text(encoding="utf-8"))
        print(f"first stage and jackknifed tags from cache {cache}", file=sys.stderr)
    elif a.stage2:
        tags1, got = jackknife_tags(feats, fold_assignment(sents, a.folds, a.seed), a.c1, a.c2, a.max_iter,
                                    out / "_folds", jobs=a.jobs, full_model=out / MODEL_FILE)
        attrs = got or set()
        shutil.rmtree(out / "_folds", ignore_errors=True)
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out / MODEL_FILE, cache / MODEL_FILE)
            write_attrs(cache, attrs)
            (cache / "jackknife.json").write_text(json.dumps(tags1), encoding="utf-8")
    else:
        attrs = train_crf(feats, out / MODEL_FILE, a.c1, a.c2, a.max_iter)
    print(f"first stage trained ({time.time() - t0:.0f}s)", file=sys.stderr)
    if a.stage2:
        docf = DocFeatures(a.doc_window, neighbours=a.doc_neighbours, own=a.doc_own, spans=a.doc_spans,
                           domain=a.doc_domain)
        feats2 = stage2_features(sents, feats, tags1, docs, docf, domains)
        del feats
        attrs |= train_crf(feats2, out / STAGE2_FILE, a.c1, a.c2, a.max_iter, attr_file=False)
        del feats2
        print(f"second stage trained ({time.time() - t0:.0f}s)", file=sys.stderr)
    write_attrs(out, attrs)
    meta = {"corpora": names, "c1": a.c1, "c2": a.c2, "max_iter": a.max_iter, "seed": a.seed, "folds": a.folds,
            "gazetteer": not a.no_gaz, "dev_fraction": a.dev, "aner_weight": a.aner_weight,
            "domain_features": a.domain_features, "domain_context": a.domain_context,
            "lexicon": a.lexicon, "extra_triggers": a.extra_triggers, "quotes": a.quotes,
            "stage2": {"window": a.doc_window, "neighbours": a.doc_neighbours, "own": a.doc_own,
                       "spans": a.doc_spans, "domain": a.doc_domain}
            if a.stage2 else None}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    tagger = Tagger.from_dir(out)
    if dev:
        res = score([g for _, g in dev], tagger.tag_sentences([t for t, _ in dev]))
        meta["dev"] = res
        print("dev " + json.dumps(res), file=sys.stderr)
        if tagger.two_stage:
            res1 = score([g for _, g in dev], [tagger.first_stage(t) for t, _ in dev])
            meta["dev_first_stage"] = res1
            print("dev first stage " + json.dumps(res1), file=sys.stderr)
    if a.eval_test:
        from rasid.ner.evaluate import evaluate

        res = evaluate(str(data / TEST_FILE), tagger)
        meta["anercorp_test"] = res
        print("test " + json.dumps(res), file=sys.stderr)
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
