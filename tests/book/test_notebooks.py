"""Every chapter runs top to bottom as a notebook, in a fresh kernel, cleanly.

Unlike the book build, cells tagged ``skip-execution`` (the live ipywidgets
explorers) run here too: they must work in JupyterLab.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from .chapters import BOOK, execute, output_problems

pytestmark = pytest.mark.slow

NEVER_USED_TAG = "tl-test-never-skip"  # so that no cell is skipped, not even skip-execution ones


def has_jupytext_header(path: Path) -> bool:
    text = path.read_text(encoding="utf8")
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3)
    return end > 0 and "jupytext:" in text[:end]


CHAPTERS = sorted(p for p in BOOK.glob("*.md") if has_jupytext_header(p))


def run(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return execute(nb, skip_tag=NEVER_USED_TAG)


def test_kernel_is_this_environments_python():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")])
    out = run(nb).cells[0].outputs
    printed = "".join(o.get("text", "") for o in out if o.get("name") == "stdout").strip()
    assert Path(printed).resolve() == Path(sys.prefix).resolve()


def test_there_are_chapters():
    assert CHAPTERS, f"no jupytext chapters under {BOOK}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_chapter_executes_cleanly(chapter: Path):
    nb = jupytext.read(chapter)
    assert not any(NEVER_USED_TAG in c.get("metadata", {}).get("tags", []) for c in nb.cells)
    run(nb)  # raises CellExecutionError on the first failing cell
    problems, _ = output_problems(nb)
    assert not problems, "\n".join(problems)
