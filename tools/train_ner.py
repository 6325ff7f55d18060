"""Rebuild the packaged NER model (thin wrapper over :func:`rasid.ner.train.main`).

    python tools/train_ner.py --data ../shared/data/ner --eval-test

See ``python tools/train_ner.py --help`` and src/rasid/data/models/ner/MODEL_CARD.md.
"""

from __future__ import annotations

import sys

from rasid.ner.train import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
