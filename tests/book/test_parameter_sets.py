"""Every chapter runs, and says what the model says, under alternative parameters.

The chapter contract (CONTRIBUTING.md) gives each chapter one code cell tagged
``parameters`` holding its scenario numbers, and computes every dependent number
or sentence of the prose with myst-nb's ``glue``. For each chapter listed in
``_toc.yml`` there is a file ``tests/book/parameter_sets/<chapter stem>.json``:
a list of ``{"id": str, "params": {name: value}, "expect": [substring, ...]}``.

For each entry the chapter is read with jupytext, a code cell assigning
``params`` is inserted right after the ``parameters`` cell, and the notebook is
executed on a fresh kernel (working directory ``book/``; cells tagged
``skip-execution`` are skipped, as in the book build). The run must raise no
error and produce no stderr output and no warning, and every ``expect`` string
must appear in the concatenated outputs (text/plain, text/markdown, text/html,
glued values included): that is how a parameter set shows that the glued prose
follows the model, e.g. says "no agreement is feasible" under deadlock.

These runs check prose, not pictures: static explorers render draft frames
(``chapters.DRAFT_FRAMES``), so a chapter's alternative runs cost a fraction
of a full execution.
"""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import nbformat
import pytest

from . import chapters
from .chapters import BOOK, ROOT, execute, output_problems

pytestmark = pytest.mark.slow

SETS = Path(__file__).resolve().parent / "parameter_sets"
PARAMETERS_TAG = "parameters"
SKIP_TAG = "skip-execution"

def toc_chapters() -> list[str]:
    """Stems of the chapters (``book/ch*``) listed in ``_toc.yml``, in order."""
    return [Path(f).stem for f in chapters.toc_chapters()]


def load_sets(path: Path) -> list[dict]:
    entries = json.loads(path.read_text(encoding="utf8"))
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path.name}: expected a non-empty JSON list of parameter sets")
    for e in entries:
        if not (
            isinstance(e, dict)
            and isinstance(e.get("id"), str)
            and isinstance(e.get("params"), dict)
            and isinstance(e.get("expect"), list)
            and all(isinstance(x, str) for x in e["expect"])
        ):
            raise ValueError(f"{path.name}: each entry needs id (str), params (object), expect (list of str): {e!r}")
    return entries


def cases() -> list:
    out = []
    for path in sorted(SETS.glob("*.json")):
        for entry in load_sets(path):
            out.append(pytest.param(path.stem, entry, id=f"{path.stem}-{entry['id']}"))
    return out


def with_parameters(chapter: str, params: dict) -> nbformat.NotebookNode:
    nb = jupytext.read(BOOK / f"{chapter}.md")
    tagged = [i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{chapter}: expected exactly one cell tagged {PARAMETERS_TAG!r}, found {len(tagged)}"
    names = set()
    for line in nb.cells[tagged[0]].source.splitlines():
        head = line.split("#", 1)[0]
        if "=" in head and not head.startswith((" ", "\t")):
            names.add(head.split("=", 1)[0].strip())
    unknown = sorted(set(params) - names)
    assert not unknown, f"{chapter}: parameters not defined in the parameters cell: {unknown}"
    source = "# Parameter set injected by tests/book/test_parameter_sets.py\n" + "\n".join(
        f"{name} = {value!r}" for name, value in params.items()
    )
    nb.cells.insert(tagged[0] + 1, nbformat.v4.new_code_cell(source))
    return nb


@pytest.mark.parametrize("chapter", toc_chapters())
def test_every_chapter_has_parameter_sets(chapter: str):
    path = SETS / f"{chapter}.json"
    assert path.is_file(), f"{chapter} is in _toc.yml but has no parameter sets: write {path.relative_to(ROOT)}"
    assert len(load_sets(path)) >= 3, f"{path.name}: at least three alternative parameter sets"


def test_parameter_set_files_name_chapters():
    chapters = set(toc_chapters())
    strays = [p.name for p in SETS.glob("*.json") if p.stem not in chapters]
    assert not strays, f"parameter sets for chapters not in _toc.yml: {strays}"


@pytest.mark.parametrize(("chapter", "entry"), cases())
def test_chapter_under_parameter_set(chapter: str, entry: dict):
    nb = with_parameters(chapter, entry["params"])
    execute(nb, skip_tag=SKIP_TAG, draft=True)  # raises CellExecutionError on the first failing cell
    problems, texts = output_problems(nb)
    assert not problems, "\n".join(problems)
    everything = "\n".join(texts)
    missing = [e for e in entry["expect"] if e not in everything]
    assert not missing, f"{chapter} [{entry['id']}]: expected in the outputs but absent: {missing}"
