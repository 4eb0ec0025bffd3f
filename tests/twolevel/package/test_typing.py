"""The package type-checks: mypy in strict mode over twolevel/ (configured in pyproject.toml)."""

from pathlib import Path

from mypy import api as mypy_api

ROOT = Path(__file__).resolve().parents[3]


def test_mypy_strict_passes_on_the_package(monkeypatch):
    monkeypatch.chdir(ROOT)  # so that mypy reads pyproject.toml's [tool.mypy] (files, strict, overrides)
    # mypy's incremental cache persists between runs (.mypy_cache/, git-ignored): a warm run
    # re-checks only changed modules. A clean clone (CI) starts cold, as before.
    stdout, stderr, status = mypy_api.run(
        ["--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(ROOT / ".mypy_cache")]
    )
    assert status == 0, stdout + stderr
    assert "Success: no issues found" in stdout
