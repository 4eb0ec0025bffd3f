"""The lint and format gate: ruff (configured in pyproject.toml) passes on the package and its tests."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check_passes():
    result = ruff("check", "twolevel", "tests/twolevel")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_check_passes():
    result = ruff("format", "--check", "twolevel", "tests/twolevel")
    assert result.returncode == 0, result.stdout + result.stderr
