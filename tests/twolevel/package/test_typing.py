"""The package type-checks: mypy in strict mode over twolevel/ (configured in pyproject.toml)."""

import os
from pathlib import Path

from mypy import api as mypy_api

ROOT = Path(__file__).resolve().parents[3]


def test_mypy_strict_passes_on_the_package(monkeypatch):
    monkeypatch.chdir(ROOT)  # so that mypy reads pyproject.toml's [tool.mypy] (files, strict, overrides)
    stdout, stderr, status = mypy_api.run(["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", os.devnull])
    assert status == 0, stdout + stderr
    assert "Success: no issues found" in stdout
