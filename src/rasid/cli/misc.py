"""Smaller commands: ``rasid ner``, ``rasid eval events``, ``rasid train ner``."""

from __future__ import annotations

import sys

import click


@click.command()
@click.option("--conll", "conll", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Token-per-line file (extra columns ignored, blank line between sentences).")
@click.option("--labels", type=click.Choice(["native", "anercorp"]), default="native", show_default=True,
              help="Label set of the output tags.")
def ner(conll: str, labels: str) -> None:
    """Tag a CoNLL token file with the packaged named-entity model (token<TAB>TAG, IOB2)."""
    from rasid.ner import run_conll

    run_conll(conll, None if labels == "native" else labels, sys.stdout)


@click.group("eval")
def eval_group() -> None:
    """Evaluate rasid against annotated data."""


@eval_group.command("events")
@click.option("--gold", required=True, type=click.Path(exists=True), help="Gold file or folder (*.gold.json).")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False),
              help="JSONL(.gz) corpus holding the gold documents' texts (by record id).")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Score an existing PLOVER JSONL file instead of extracting.")
@click.option("--json", "json_out", is_flag=True, help="Print the figures as JSON.")
@click.option("--verbose", is_flag=True, help="List misses and false positives.")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), help="Also write the predictions here.")
def eval_events(gold: str, corpus: str | None, pred: str | None, json_out: bool, verbose: bool,
                out: str | None) -> None:
    """Lenient/strict precision, recall and F1 of extracted events (the referee scorer's rules)."""
    from rasid.eval import events as ev

    if pred:
        g = ev.load_gold(gold)
        p = ev.load_pred_jsonl(pred)
        res = ev.score(g, p)
        click.echo(ev.format_report(res, verbose=verbose) if not json_out else __import__("json").dumps(res))
        return
    if not corpus:
        raise click.UsageError("give --corpus (texts of the gold documents) or --pred (predictions to score)")
    code = ev.main_eval_events(gold, corpus, json_out=json_out, verbose=verbose, out=out)
    if code:
        raise click.exceptions.Exit(code)


@click.group("train")
def train_group() -> None:
    """Rebuild rasid's trained models from the open corpora."""


@train_group.command("ner", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def train_ner(ctx: click.Context) -> None:
    """Train the named-entity tagger (options: see `rasid train ner -- --help`)."""
    from rasid.ner.train import main as train_main

    code = train_main(list(ctx.args))
    if code:
        raise click.exceptions.Exit(code)
