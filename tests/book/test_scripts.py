"""The scripts behind the README's commands, run on a temporary copy of the repository.

The copy holds the real scripts, configuration, requirements and lock, a
two-page book, and links to this checkout's ``.venv`` and ``node_modules``, so
that a build goes through exactly the command and configuration of the real
one (``scripts/build.sh`` -> ``jupyter-book build . -W -n --keep-going --all``)
in seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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


def copy_repository(dest: Path) -> Path:
    """A copy of the repository's build machinery with a two-page book; returns its root."""
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
    (dest / "_toc.yml").write_text(TOC, encoding="utf8")
    (dest / "book" / "index.md").write_text("# A tiny book\n\nTwo pages.\n", encoding="utf8")
    (dest / "book" / "page.md").write_text(PAGE.format(code='print("tl-clean", 1)'), encoding="utf8")
    return dest


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    return copy_repository(tmp_path / "repo")


@pytest.mark.slow
def test_a_failed_strict_build_fails_again_when_rerun_unchanged(repo_copy, build_command):
    page = repo_copy / "book" / "page.md"
    page.write_text(PAGE.format(code='import sys\nprint("tl-stray-stderr", file=sys.stderr)'), encoding="utf8")

    first = build_command(repo_copy, timeout=600)
    assert first.returncode != 0, first.stderr[-3000:]
    assert "stderr" in first.stderr and "page" in first.stderr, first.stderr[-3000:]

    # Nothing changed: the build must fail again, with the same warning, and
    # without executing the notebook again (jupyter-cache still serves it).
    second = build_command(repo_copy, timeout=600)
    assert second.returncode != 0, "an unchanged rerun turned the failed strict build green:\n" + second.stderr[-3000:]
    warnings = lambda log: sorted(line for line in log.splitlines() if "WARNING" in line or "ERROR" in line)
    assert warnings(second.stderr) == warnings(first.stderr)
    assert "build succeeded" not in second.stderr
    assert "Executing notebook" in first.stderr
    assert "Executing notebook" not in second.stderr, "the rerun re-executed an unchanged notebook"

    # Once the cause is gone the build passes.
    page.write_text(PAGE.format(code='print("tl-clean", 1)'), encoding="utf8")
    third = build_command(repo_copy, timeout=600)
    assert third.returncode == 0, third.stderr[-3000:]
    assert Path(third.stdout.strip().splitlines()[-1]) == repo_copy / "_build" / "html" / "index.html"
