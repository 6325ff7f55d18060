"""Arabic named-entity tagging (PERS, ORG, LOC, MISC) with a CRF that runs offline on CPU.

Public API:

- :class:`Tagger` — ``Tagger.load(path=None)``, ``tag(tokens)``, ``tag_sentences(sents)`` (consecutive
  sentences of a document), ``tag_document(sents, targets)``.
- :func:`propose_names` — NER spans of a :class:`rasid.model.Document` in original offsets.
- :func:`run_conll` — the ``rasid ner --conll FILE [--labels anercorp]`` contract.
- :func:`evaluate` — conlleval-style exact-span P/R/F1 on a gold CoNLL file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rasid.ner.conll import read_tokens, row_token, spans, to_iob2, write_conll
from rasid.ner.evaluate import evaluate, score
from rasid.ner.tagger import Tagger

if TYPE_CHECKING:
    from rasid.model import Document

__all__ = ["Tagger", "propose_names", "run_conll", "evaluate", "score", "LABEL_SETS"]

# native label set -> output label set; the native set *is* PERS/ORG/LOC/MISC, so both are identity.
LABEL_SETS: dict[str, dict[str, str]] = {
    "native": {"PERS": "PERS", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"},
    "anercorp": {"PERS": "PERS", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"},
}


def propose_names(doc: Document, tagger: Tagger | None = None,
                  sentences: set[int] | None = None) -> list[tuple[int, int, str]]:
    """Tag each sentence of ``doc`` (or only those in ``sentences``) and return (start, end, label)
    spans in original offsets. The article is one document for the second stage (document
    consistency), so a name's tags can depend on the other sentences of the article.

    ``doc.text[start:end]`` is the named entity's surface text.
    """
    tagger = tagger or Tagger.load()
    out: list[tuple[int, int, str]] = []
    toks = doc.tokens
    ranges = [(s.tok_start, s.tok_end, s.index) for s in doc.sentences if s.tok_end > s.tok_start]
    if not ranges and toks and sentences is None:
        ranges = [(0, len(toks), -1)]
    targets = [k for k, (_a, _b, idx) in enumerate(ranges) if sentences is None or idx in sentences]
    if not targets:
        return out
    # the whole article is the document: a two-stage model also reads the first-stage tags of the
    # sentences around each target (its document window)
    got = tagger.tag_document([[t.text for t in toks[a:b]] for a, b, _ in ranges], targets)
    for k in targets:
        a, b, _ = ranges[k]
        sent = toks[a:b]
        for s, e, lab in spans(got[k]):
            out.append((sent[s].start, sent[e - 1].end, lab))
    return out


def run_conll(path: str, labels: str | None, out: TextIO, tagger: Tagger | None = None) -> None:
    """Read a token-per-line file (first column = token, other columns ignored, blank line between
    sentences) and write ``token<TAB>TAG`` for every input token in order, IOB2, blank line after
    each sentence. ``labels`` picks the output label set (``anercorp`` or None for native)."""
    mapping = LABEL_SETS.get(labels or "native")
    if mapping is None:
        raise ValueError(f"unknown label set {labels!r}; known: {', '.join(LABEL_SETS)}")
    tagger = tagger or Tagger.load()
    sents = [[row_token(cols) for cols in rows] for rows in read_tokens(path)]

    def conv(t: str) -> str:
        return t if t == "O" else t[:2] + mapping.get(t[2:], "MISC")

    # the file is read as running text (consecutive sentences), as the second stage expects
    tagged = tagger.tag_sentences(sents)
    write_conll(((s, to_iob2([conv(t) for t in tags])) for s, tags in zip(sents, tagged, strict=True)), out)
