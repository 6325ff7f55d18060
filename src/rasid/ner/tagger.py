"""The CRF named-entity tagger (PERS, ORG, LOC, MISC; IOB2).

A model directory holds ``ner.crfsuite`` (the CRF), ``clusters.tsv`` (word
clusters), ``gazetteer.tsv`` (name-list counts) and, for models trained with
lexicon features, ``lexicon.tsv`` (the snapshot of rasid's name lists). ``Tagger.load()`` with no
path loads the model packaged under ``rasid/data/models/ner`` and caches it.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pycrfsuite

from rasid.ner.clusters import load_clusters
from rasid.ner.conll import to_iob2
from rasid.ner.features import FeatureExtractor, Gazetteer
from rasid.ner.lexicon import LEXICON_FILE, Lexicon

__all__ = ["Tagger", "NEWS_DOMAIN", "DEFAULT_MODEL_DIR", "MODEL_FILE", "CLUSTER_FILE", "GAZ_FILE", "ATTR_FILE"]

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "ner"
MODEL_FILE = "ner.crfsuite"
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

    def __init__(self, crf_path: str | Path, fx: FeatureExtractor) -> None:
        self.path = str(crf_path)
        self.fx = fx
        self._crf = pycrfsuite.Tagger()
        self._crf.open(self.path)
        self._lock = threading.Lock()

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
        return cls(d / MODEL_FILE, fx)

    def tag(self, tokens: list[str]) -> list[str]:
        """IOB2 tags (B-/I- PERS, ORG, LOC, MISC or O), one per token."""
        if not tokens:
            return []
        feats = self.fx.sentence(tokens, domain=NEWS_DOMAIN)
        with self._lock:  # a crfsuite Tagger is not thread-safe
            tags = self._crf.tag(feats)
        return to_iob2(list(tags))

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag several sentences."""
        return [self.tag(s) for s in sentences]
