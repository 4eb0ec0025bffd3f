"""Shared fixtures: the repository root and the book built once per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# Property tests draw the same examples on every run (seeds fixed, as everywhere
# in the project): a CI run cannot turn red by chance, and a failure found once
# is found again. Explore more widely locally with HYPOTHESIS_PROFILE=explore.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A page with code

```{{code-cell}} ipython3
{code}
```
"""

TOC = """format: jb-book
root: book/index
chapters:
  - file: book/page
"""

COPIED = ["scripts", "_config.yml", "requirements.txt", "pyproject.toml", "package.json", "package-lock.json"]
COPIED_IN_BOOK = ["_ext", "_assets", "references.bib"]


def _copy_repository(dest: Path, whole_book: bool = False) -> Path:
    """A copy of the repository's build machinery and a book; returns its root.

    The book is two pages (an index and ``book/page.md``, which prints
    ``tl-clean 1``) or, with ``whole_book``, the real one. ``.venv`` and
    ``node_modules`` are links to this checkout's, so the copy's
    ``scripts/setup.sh`` finds everything installed and returns at once.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED + [p.name for p in ROOT.glob("requirements*.lock")]:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)
    shutil.copytree(ROOT / "twolevel", dest / "twolevel", ignore=ignore)
    (dest / "book").mkdir()
    for name in COPIED_IN_BOOK:
        src = ROOT / "book" / name
        if src.is_dir():
            shutil.copytree(src, dest / "book" / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / "book" / name)
    for name in (".venv", "node_modules"):
        (dest / name).symlink_to(ROOT / name, target_is_directory=True)
    if whole_book:
        shutil.copy2(ROOT / "_toc.yml", dest / "_toc.yml")
        ignore_book = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints")
        shutil.copytree(ROOT / "book", dest / "book", ignore=ignore_book, dirs_exist_ok=True)
        return dest
    (dest / "_toc.yml").write_text(TOC, encoding="utf8")
    (dest / "book" / "index.md").write_text("# A tiny book\n\nTwo pages.\n", encoding="utf8")
    (dest / "book" / "page.md").write_text(PAGE.format(code='print("tl-clean", 1)'), encoding="utf8")
    return dest


@pytest.fixture(scope="session")
def copy_repository():
    """``_copy_repository(dest, whole_book=False)``: a copy to build or break."""
    return _copy_repository


@pytest.fixture(scope="session")
def notebook_page():
    """``notebook_page(code)``: the source of a MyST notebook page with one code cell."""
    return lambda code: PAGE.format(code=code)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the repository with a two-page book (see ``_copy_repository``)."""
    return _copy_repository(tmp_path / "repo")


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
