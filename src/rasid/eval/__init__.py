"""Evaluation: scoring extracted events against the development gold set (``eval/gold``)."""

from __future__ import annotations

from rasid.eval.events import evaluate_corpus, load_gold, load_pred_jsonl, score

__all__ = ["evaluate_corpus", "load_gold", "load_pred_jsonl", "score"]
