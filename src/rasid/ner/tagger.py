"""The CRF named-entity tagger (PERS, ORG, LOC, MISC; IOB2).

A model directory holds ``ner.crfsuite`` (the CRF), ``clusters.tsv`` (word
clusters), ``gazetteer.tsv`` (name-list counts) and, for models trained with
lexicon features, ``lexicon.tsv`` (the snapshot of rasid's name lists). Models trained with
``--stage2`` also hold ``ner2.crfsuite``, a second CRF that adds document-consistency features
(:mod:`rasid.ner.consistency`) computed from the first CRF's tags of the neighbouring sentences.
``Tagger.load()`` with no path loads the model packaged under ``rasid/data/models/ner`` and caches it.

Sentences given together to :meth:`Tagger.tag_sentences` / :meth:`Tagger.tag_document` are read
as consecutive text of one document (or a stream of documents, e.g. a CoNLL file).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import pycrfsuite

from rasid.ner.clusters import load_clusters
from rasid.ner.conll import to_iob2
from rasid.ner.consistency import DEFAULT_WINDOW, DocFeatures
from rasid.ner.features import FeatureExtractor, Gazetteer
from rasid.ner.lexicon import LEXICON_FILE, Lexicon

__all__ = ["Tagger", "NEWS_DOMAIN", "DEFAULT_MODEL_DIR", "MODEL_FILE", "CLUSTER_FILE", "GAZ_FILE", "ATTR_FILE",
           "STAGE2_FILE"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "ner"
MODEL_FILE = "ner.crfsuite"
STAGE2_FILE = "ner2.crfsuite"  # second-stage (document-consistency) CRF, optional
CLUSTER_FILE = "clusters.tsv"
GAZ_FILE = "gazetteer.tsv"
ATTR_FILE = "attributes.txt"  # attributes with a weight in the model (written by training)
# domain prefix of the ANERcorp (news) training data; models trained without domain
# features simply never saw these attributes, which crfsuite then ignores.
NEWS_DOMAIN = "a"

_CACHE: dict[str, Tagger] = {}
_LOCK = threading.Lock()


class Tagger:
    """CRF tagger; use :meth:`load` rather than the constructor."""

    def __init__(self, crf_path: str | Path, fx: FeatureExtractor, stage2_path: str | Path | None = None,
                 doc: DocFeatures | None = None) -> None:
        self.path = str(crf_path)
        self.fx = fx
        self._crf = pycrfsuite.Tagger()
        self._crf.open(self.path)
        self._crf2: pycrfsuite.Tagger | None = None
        self.doc = doc
        if stage2_path is not None:
            self._crf2 = pycrfsuite.Tagger()
            self._crf2.open(str(stage2_path))
            self.doc = doc or DocFeatures()
        self._lock = threading.Lock()

    @property
    def two_stage(self) -> bool:
        """True when the model has the second-stage (document-consistency) CRF."""
        return self._crf2 is not None

    @classmethod
    def load(cls, path: str | Path | None = None) -> Tagger:
        """Load (once, then from cache) the model directory ``path`` (default: the packaged model)."""
        d = Path(path) if path is not None else DEFAULT_MODEL_DIR
        if d.is_file():
            d = d.parent
        key = str(d.resolve())
        with _LOCK:
            t = _CACHE.get(key)
            if t is None:
                t = cls.from_dir(d)
                _CACHE[key] = t
            return t

    @classmethod
    def from_dir(cls, d: Path) -> Tagger:
        """Load a model directory without caching."""
        if not (d / MODEL_FILE).exists():
            raise FileNotFoundError(f"no NER model at {d / MODEL_FILE}")
        clusters = load_clusters(d / CLUSTER_FILE) if (d / CLUSTER_FILE).exists() else {}
        gaz = Gazetteer.from_tsv((d / GAZ_FILE).read_text(encoding="utf-8")) if (d / GAZ_FILE).exists() else None
        known = None
        if (d / ATTR_FILE).exists():
            known = set((d / ATTR_FILE).read_text(encoding="utf-8").split("\n"))
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8")) if (d / "meta.json").exists() else {}
        lex = Lexicon.from_tsv((d / LEXICON_FILE).read_text(encoding="utf-8")) if (d / LEXICON_FILE).exists() else None
        fx = FeatureExtractor(clusters, gaz, known, domain_context=bool(meta.get("domain_context")),
                              lexicon=lex, extra_triggers=bool(meta.get("extra_triggers")),
                              quotes=bool(meta.get("quotes")))
        s2 = meta.get("stage2")
        if s2 and (d / STAGE2_FILE).exists():
            doc = DocFeatures(int(s2.get("window", DEFAULT_WINDOW)), neighbours=bool(s2.get("neighbours")),
                              own=bool(s2.get("own")), spans=bool(s2.get("spans")),
                              domain=bool(s2.get("domain")))
            return cls(d / MODEL_FILE, fx, d / STAGE2_FILE, doc)
        return cls(d / MODEL_FILE, fx)

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags (B-/I- PERS, ORG, LOC, MISC or O), one per token (the sentence is its own document)."""
        if not tokens:
            return []
        return self.tag_document([tokens])[0]

    def first_stage(self, tokens: Sequence[str]) -> list[str]:
        """The first-stage CRF's tags of one sentence (no document features)."""
        if not tokens:
            return []
        feats = self.fx.sentence(tokens, domain=NEWS_DOMAIN)
        with self._lock:  # a crfsuite Tagger is not thread-safe
            tags = self._crf.tag(feats)
        return to_iob2(list(tags))

    def tag_sentences(self, sentences: list[list[str]], document: bool = True) -> list[list[str]]:
        """Tag several sentences; with ``document`` (default) they are read as consecutive text, so
        the second stage (when the model has one) sees the other sentences' first-stage tags.
        ``document=False`` tags each sentence on its own."""
        if not document:
            return [self.tag(s) for s in sentences]
        got = self.tag_document(sentences)
        return [got[i] for i in range(len(sentences))]

    def tag_document(self, sentences: Sequence[Sequence[str]],
                     targets: Iterable[int] | None = None) -> dict[int, list[str]]:
        """Tags of the sentences ``targets`` (indices into ``sentences``; default all) of one document.

        With a two-stage model the first stage tags the targets and the sentences within the
        document window around them; the second stage then tags the targets.
        """
        n = len(sentences)
        want = sorted(set(range(n) if targets is None else (i for i in targets if 0 <= i < n)))
        if self._crf2 is None or self.doc is None:
            return {i: self.first_stage(sentences[i]) for i in want}
        w = self.doc.window
        need: set[int] = set(range(n)) if targets is None else set()
        if targets is not None:
            for i in want:
                need.update(range(max(0, i - w), min(n, i + w + 1)))
        feats: dict[int, list[list[str]]] = {}
        tags1: list[list[str]] = [[] for _ in range(n)]
        with self._lock:
            for i in sorted(need):
                if sentences[i]:
                    feats[i] = self.fx.sentence(sentences[i], domain=NEWS_DOMAIN)
                    tags1[i] = to_iob2(list(self._crf.tag(feats[i])))
        # sentences outside every window are never read by the document features: pass them as empty
        # (their tokens are not looked at), so that the windows see only tagged sentences
        docs = [sentences[i] if i in need else () for i in range(n)]
        extra = self.doc.compute(docs, tags1, want, domain=NEWS_DOMAIN)
        out: dict[int, list[str]] = {}
        with self._lock:
            for i in want:
                if not sentences[i]:
                    out[i] = []
                    continue
                x = feats[i]  # fresh lists from the feature extractor: extend them in place
                for a, b in zip(x, extra[i], strict=True):
                    if b:
                        a.extend(b)
                out[i] = to_iob2(list(self._crf2.tag(x)))
        return out
