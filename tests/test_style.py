"""Code style gate: ruff must pass on the package, tests, tools and benchmarks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_clean() -> None:
    ruff = shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    try:
        r = subprocess.run([*cmd, "check", "src", "tests", "tools", "bench"], cwd=ROOT, capture_output=True,
                           text=True, timeout=120)
    except FileNotFoundError:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-1000:]
