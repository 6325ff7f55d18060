"""Paragraph and sentence segmentation with original offsets, and the Document builder."""

from __future__ import annotations

import re
import unicodedata

from rasid.model import Article, Document, Sentence, Span
from rasid.text.normalize import normalize
from rasid.text.tokenize import tokenize_norm

__all__ = ["build_document", "paragraphs", "sentences"]

_PARA_RE = re.compile(r"\n\s*\n|\r\n\s*\r\n")
# sentence ends: . ! ? ؟ (and runs of them, optionally followed by a closing quote),
# followed by whitespace; or a line break (headlines and captions stand alone); or a stop between two Arabic
# words with no space
_SENT_END_RE = re.compile(r"[.!?\u061f\u06d4]+[\"'\u201d\u00bb)]*(?=\s)|\n"
                          # a full stop typed with no space before the next Arabic word ("والإرهاب.الندوة")
                          r"|(?<=[\u0621-\u064a\u064b-\u0652])[.!?\u061f]+(?=[\u0621-\u064a])")


def paragraphs(text: str) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        _add_trimmed(out, text, pos, m.start())
        pos = m.end()
    _add_trimmed(out, text, pos, len(text))
    return out


def _add_trimmed(out: list[Span], text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Span(s, e, text[s:e]))


def sentences(text: str, paras: list[Span]) -> list[Sentence]:
    out: list[Sentence] = []
    for pi, p in enumerate(paras):
        pos = p.start
        for m in _SENT_END_RE.finditer(text, p.start, p.end):
            end = m.end() if m.group() != "\n" else m.start()
            if _is_abbrev(text, m.start()):
                continue
            spans: list[Span] = []
            _add_trimmed(spans, text, pos, end)
            for s in spans:
                out.append(Sentence(s.start, s.end, s.text, len(out), pi))
            pos = m.end()
        spans = []
        _add_trimmed(spans, text, pos, p.end)
        for s in spans:
            out.append(Sentence(s.start, s.end, s.text, len(out), pi))
    return out


def _is_abbrev(text: str, dot: int) -> bool:
    """A period after a single letter (د. م. أ.) or between digits is not a sentence end."""
    if text[dot] != ".":
        return False
    j = dot - 1
    # a diacritic before the letter belongs to the word ("جريحًا." ends a sentence)
    if j >= 0 and text[j].isalpha() and (j == 0 or not (text[j - 1].isalnum() or unicodedata.combining(text[j - 1])
                                                       or text[j - 1] == "\u0640")):
        return True
    return False


def build_document(article: Article) -> Document:
    """Run the text layer: normalise, segment, tokenise; tokens know their sentence."""
    raw = article.text
    norm, index = normalize(raw)
    toks = tokenize_norm(norm, index, raw)
    paras = paragraphs(raw)
    sents = sentences(raw, paras)
    # assign tokens to sentences (both sorted by offset)
    si = 0
    for t in toks:
        while si < len(sents) - 1 and t.start >= sents[si].end:
            si += 1
        t.sent = si
    # token ranges per sentence
    ti = 0
    for s in sents:
        while ti < len(toks) and toks[ti].start < s.start:
            ti += 1
        s.tok_start = ti
        while ti < len(toks) and toks[ti].start < s.end:
            ti += 1
        s.tok_end = ti
    return Document(article=article, text=raw, norm=norm, norm_index=index, tokens=toks,
                    sentences=sents, paragraphs=paras)
