"""Every chapter runs top to bottom as a notebook, in a fresh kernel, cleanly.

Unlike the book build, cells tagged ``skip-execution`` (the live ipywidgets
explorers) run here too: they must work in JupyterLab. Two tests per chapter
share the work with the book build:

* the build's own execution of the chapter (``_build/jupyter_execute``, or
  its jupyter-cache: full-fidelity static explorers, no extra cost) must show
  no error, stderr output or warning;
* a fresh kernel runs every cell, the live ones included, with draft frames
  for the static explorers (``chapters.DRAFT_FRAMES``: their pictures are the
  build's business, checked above and by the browser tests) and must show
  none either.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from .chapters import BOOK, EXECUTED, ROOT, execute, output_problems

pytestmark = pytest.mark.slow

NEVER_USED_TAG = "tl-test-never-skip"  # so that no cell is skipped, not even skip-execution ones


def has_jupytext_header(path: Path) -> bool:
    text = path.read_text(encoding="utf8")
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3)
    return end > 0 and "jupytext:" in text[:end]


CHAPTERS = sorted(p for p in BOOK.glob("*.md") if has_jupytext_header(p))


def run(nb: nbformat.NotebookNode, *, draft: bool = False) -> nbformat.NotebookNode:
    return execute(nb, skip_tag=NEVER_USED_TAG, draft=draft)


def test_kernel_is_this_environments_python():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import sys; print(sys.prefix)")])
    out = run(nb).cells[0].outputs
    printed = "".join(o.get("text", "") for o in out if o.get("name") == "stdout").strip()
    assert Path(printed).resolve() == Path(sys.prefix).resolve()


def test_draft_frames_reach_the_kernel():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import os; print(os.environ.get('TWOLEVEL_DRAFT_FRAMES'))")])
    printed = "".join(o.get("text", "") for o in run(nb, draft=True).cells[0].outputs).strip()
    assert printed == "1"


def test_there_are_chapters():
    assert CHAPTERS, f"no jupytext chapters under {BOOK}"


def cached_execution(chapter: Path) -> nbformat.NotebookNode:
    """The chapter with the outputs the build took from its jupyter-cache.

    When the outputs come from the cache, myst-nb 1.4 writes the notebook it
    read, without them, to ``_build/jupyter_execute`` (its cache client merges
    the outputs into a copy: myst_nb/core/execute/cache.py); a chapter the
    build executed is written with its outputs. The cache matches a notebook
    by its code, read as myst-nb reads it.
    """
    from jupyter_cache import get_cache
    from myst_nb.core.read import read_myst_markdown_notebook

    nb = read_myst_markdown_notebook(chapter.read_text(encoding="utf8"))
    _, merged = get_cache(ROOT / "_build" / ".jupyter_cache").merge_match_into_notebook(nb)
    return merged


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_built_chapter_outputs_are_clean(built_book, chapter: Path):
    assert built_book.returncode == 0, built_book.log[-3000:]
    executed = EXECUTED / chapter.relative_to(ROOT).with_suffix(".ipynb")
    assert executed.is_file(), f"the build wrote no executed notebook for {chapter.name} at {executed}"
    nb = nbformat.read(executed, as_version=4)
    if not any(c.get("outputs") for c in nb.cells):
        nb = cached_execution(chapter)
    assert any(c.get("outputs") for c in nb.cells), f"{chapter.name}: neither {executed} nor the cache has outputs"
    problems, _ = output_problems(nb)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_chapter_executes_cleanly(chapter: Path):
    nb = jupytext.read(chapter)
    assert not any(NEVER_USED_TAG in c.get("metadata", {}).get("tags", []) for c in nb.cells)
    run(nb, draft=True)  # raises CellExecutionError on the first failing cell
    problems, _ = output_problems(nb)
    assert not problems, "\n".join(problems)
