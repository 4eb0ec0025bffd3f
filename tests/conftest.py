"""Shared fixtures: the repository root and the book built once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BuiltBook:
    """Outcome of ``jupyter-book build . -W -n --keep-going``."""

    returncode: int
    log: str
    html: Path  # the built site's root folder (``_build/html``)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_book() -> BuiltBook:
    """Build the HTML book once for the whole session, warnings as errors.

    ``scripts/setup.sh`` runs first (it is idempotent and takes a second when
    nothing changed): it drops the execution cache when ``twolevel/`` changed,
    so a plain ``pytest`` run never checks a book built from stale outputs.
    """
    subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh")], cwd=ROOT, check=True, capture_output=True)
    exe = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(exe), "build", str(ROOT), "-W", "-n", "--keep-going"]
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=1800)
    return BuiltBook(proc.returncode, proc.stdout + proc.stderr, ROOT / "_build" / "html")
