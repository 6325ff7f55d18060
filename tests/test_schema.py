"""Every emitted event validates against the packaged PLOVER JSON Schema, and its offsets map back."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import jsonschema
import pytest

import rasid
from rasid import CODER
from rasid.actors.lexicon import data_path

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(data_path("schema", "plover-event.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _check(text: str, events, validator) -> int:  # type: ignore[no-untyped-def]
    for e in events:
        d = e.to_plover(CODER)
        errors = sorted(validator.iter_errors(d), key=lambda x: x.path)
        assert not errors, [f"{list(x.path)}: {x.message}" for x in errors[:3]]
        ti = d["text_info"]
        assert text[ti["start"]:ti["end"]] == d["event_text"]
        assert text[ti["trigger"]["start"]:ti["trigger"]["end"]] == ti["trigger"]["text"]
        for s in ti["evidence"]:
            assert text[s["start"]:s["end"]] == s["text"]
        for ent in d["actor"] + d["recipient"]:
            if "start" in ent and ent["entity_text"]:
                assert text[ent["start"]:ent["end"]] == ent["entity_text"]
        loc = d["event_loc"]
        if loc and loc.get("end"):
            assert text[loc["start"]:loc["end"]] == loc["extracted_place"]
    return len(events)


def test_examples_validate(validator) -> None:  # type: ignore[no-untyped-def]
    n = 0
    for f in sorted(EXAMPLES.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        n += _check(text, rasid.extract(text, published="2025-03-05"), validator)
    assert n >= 5


def test_seed_validates(validator) -> None:  # type: ignore[no-untyped-def]
    seed = SHARED / "corpus" / "seed" / "benghazi-2025-05-26.txt"
    if not seed.exists():
        pytest.skip("shared seed article not available")
    text = seed.read_text(encoding="utf-8")
    assert _check(text, rasid.extract(text), validator) >= 8


def test_news_sample_validates(validator) -> None:  # type: ignore[no-untyped-def]
    corpus = SHARED / "data" / "news" / "saudinewsnet-2015-07.jsonl.gz"
    if not corpus.exists():
        pytest.skip("shared news corpus not available")
    n = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, 0, 3000, 15):  # 200 articles spread over the file
            r = json.loads(line)
            n += _check(r["text"], rasid.extract(r["text"], published=r["extracted"][:10]), validator)
    assert n > 20
