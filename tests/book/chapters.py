"""What the book tests share: the chapters of ``_toc.yml`` and the checks on an executed notebook's outputs."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
BOOK = ROOT / "book"
KERNEL = "python3"
# myst-nb's glue(..., display=False) stores a value under this mime prefix.
GLUE_PREFIX = "application/papermill.record/"
# Set in a kernel's environment, static explorers render cheap draft frames
# (twolevel.viz). For executions that check what a chapter says and that it
# runs, not its pictures: the alternative parameter sets, the notebook test,
# the live notebooks, the student edition. The book build, whose pages the
# browser and reproducibility tests read, never sets it.
DRAFT_FRAMES = {"TWOLEVEL_DRAFT_FRAMES": "1"}
# Where the book build (jupyter-book, from its jupyter-cache) writes each executed chapter.
EXECUTED = ROOT / "_build" / "jupyter_execute"


def toc_chapters() -> list[str]:
    """The chapters (``book/ch*``) listed in ``_toc.yml``, as files relative to the root, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))
    files: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return [f for f in files if Path(f).parent.name == "book" and Path(f).name.startswith("ch")]


def output_texts(output: nbformat.NotebookNode) -> list[str]:
    """The text of one cell output: a stream's, or every ``text/*`` value, glued ones included."""
    if output.get("output_type") == "stream":
        return [output.get("text", "")]
    return [
        value if isinstance(value, str) else "".join(value)
        for mime, value in output.get("data", {}).items()
        if mime.removeprefix(GLUE_PREFIX).startswith("text/")
    ]


def output_problems(nb: nbformat.NotebookNode) -> tuple[list[str], list[str]]:
    """``(problems, texts)`` of an executed notebook.

    A problem is an error output, anything written to stderr, or a warning shown
    in an output; ``texts`` are all the outputs' texts (:func:`output_texts`), in order.
    """
    problems: list[str] = []
    texts: list[str] = []
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            where = f"cell {i} ({cell.source.splitlines()[0][:60] if cell.source else ''!r})"
            if output.get("output_type") == "error":
                problems.append(f"{where}: error {output.get('ename')}: {output.get('evalue')}")
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(f"{where}: stderr: {output.get('text', '')[:300]}")
            for text in output_texts(output):
                if "Warning" in text:
                    problems.append(f"{where}: warning in output: {text[:300]}")
                texts.append(text)
    return problems, texts


def execute(
    nb: nbformat.NotebookNode, *, skip_tag: str, draft: bool = False, timeout: float = 600
) -> nbformat.NotebookNode:
    """Run ``nb`` in place on a fresh ``python3`` kernel in ``book/``, skipping cells tagged ``skip_tag``.

    With ``draft``, the kernel renders static explorers as draft frames
    (:data:`DRAFT_FRAMES`). Raises nbclient's ``CellExecutionError`` on the
    first failing cell.
    """
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL,
        allow_errors=False,
        skip_cells_with_tag=skip_tag,
        resources={"metadata": {"path": str(BOOK)}},
    )
    if draft:
        client.execute(env=dict(os.environ, **DRAFT_FRAMES))
    else:
        client.execute()
    return nb
