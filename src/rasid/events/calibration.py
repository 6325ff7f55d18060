"""Confidence calibration: raw rule scores to the precision observed on the development set.

The map is an isotonic step function fitted by ``tools/calibrate.py`` and stored in
``data/calibration.json``. Without the file the raw score is returned unchanged.
"""

from __future__ import annotations

import json
from functools import lru_cache

from rasid.actors.lexicon import data_path

__all__ = ["calibrate"]


@lru_cache(maxsize=1)
def _steps() -> tuple[tuple[float, float], ...]:
    path = data_path("calibration.json")
    if not path.exists():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((float(s["upto"]), float(s["precision"])) for s in data.get("steps", []))


def calibrate(raw: float) -> float:
    """Calibrated probability that an event with this raw score is right (type and countries)."""
    steps = _steps()
    if not steps:
        return raw
    for upto, prec in steps:
        if raw <= upto:
            return prec
    return steps[-1][1]
