"""Unsupervised word clusters from unlabelled news, used as CRF features.

Words (in their folded matching form, see :func:`rasid.text.normalize.fold`) are
embedded with word2vec (gensim, CBOW) over a news corpus and grouped with
k-means at several granularities. The result is a compact TSV
``word<TAB>c1<TAB>c2<TAB>c3`` that ships with the model; building it needs
gensim and scikit-learn, reading it needs nothing.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasid.ner.text import safe_fold as fold
from rasid.text.tokenize import WORD_RE

__all__ = ["load_clusters", "news_sentences", "build_clusters", "GRANULARITIES"]

GRANULARITIES: tuple[int, ...] = (64, 256, 1024)


def load_clusters(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Read a cluster TSV into ``{word: (id_k1, id_k2, ...)}`` (comment lines start with '#')."""
    out: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            out[parts[0]] = tuple(parts[1:])
    return out


def _tokens(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


def news_sentences(path: str | Path) -> Iterator[list[str]]:
    """Folded token lists, one per paragraph line, of a SaudiNewsNet-style JSONL(.gz) file."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            for para in (obj.get("title") or "", *(obj.get("text") or "").split("\n")):
                toks = _tokens(para)
                if len(toks) > 1:
                    yield toks


def build_clusters(
    sentences: Iterable[list[str]],
    out_path: str | Path,
    *,
    seed: int = 13,
    dim: int = 100,
    min_count: int = 3,
    epochs: int = 5,
    workers: int = 2,
    header: str = "",
) -> int:
    """Train word2vec, cluster the vocabulary with k-means at each granularity, write the TSV.

    Returns the number of words written.
    """
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    sents = list(sentences)
    random.Random(seed).shuffle(sents)
    model = Word2Vec(
        sentences=sents, vector_size=dim, window=5, min_count=min_count, sg=0, epochs=epochs,
        workers=workers, seed=seed,
    )
    words = list(model.wv.index_to_key)
    vecs = model.wv.vectors.astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    labels = []
    for k in GRANULARITIES:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=100)
        labels.append(km.fit_predict(vecs))
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(f"# word2vec+k-means word clusters, k={','.join(map(str, GRANULARITIES))}. {header}\n")
        for i, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    return len(words)
