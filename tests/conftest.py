"""Shared fixtures: the repository root and the book built once per test session."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BuiltBook:
    """Outcome of the strict build, ``bash scripts/build.sh`` (README, CI)."""

    returncode: int
    log: str
    html: Path  # the built site's root folder (``_build/html``)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def run_build(repo: Path, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    """Run ``bash <repo>/scripts/build.sh ARGS``: the README's build command.

    It runs ``scripts/setup.sh`` first (idempotent; a second when nothing
    changed), which drops the execution cache when ``twolevel/`` changed, and
    builds with ``-W -n --keep-going --all``: every page is re-read, so a page
    that failed once fails again until its cause is gone (executed notebooks
    still come from the cache).
    """
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run(
        ["bash", str(repo / "scripts" / "build.sh"), *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def build_command():
    """``run_build`` for tests that build a copy of the repository."""
    return run_build


@pytest.fixture(scope="session")
def built_book() -> BuiltBook:
    """Build the HTML book once for the whole session, exactly as the README does."""
    proc = run_build(ROOT)
    return BuiltBook(proc.returncode, proc.stdout + proc.stderr, ROOT / "_build" / "html")
