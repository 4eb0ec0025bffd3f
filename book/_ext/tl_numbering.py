"""Number each chapter as its file name does (``ch04_win_sets`` is Chapter 4), everywhere Sphinx numbers.

The prose says "Chapter 4" for ``book/ch04_win_sets.md`` although it is the
first chapter of the table of contents: Chapters 1-3 are not written yet. A
numbered toctree (``numbered:`` in ``_toc.yml``) counts its entries from 1,
and neither Sphinx, Jupyter Book nor sphinx-multitoc-numbering can start the
count elsewhere or skip numbers. This extension keeps their machinery and
corrects its result: after the section numbers are assigned
(``TocTreeCollector.assign_section_numbers``, as sphinx-multitoc-numbering
replaces it), each document under a numbered toctree whose file name starts
with ``chNN_`` gets ``NN`` as its first number, and every other such document
(the references, a page about the book) gets none.

Everything that Sphinx derives from the section numbers follows, because it
is derived afterwards in the same step (``TocTreeCollector.get_updated_docs``):
the navigation, the page titles, the previous/next links, and the numbers of
enumerable nodes under ``numfig_secnum_depth`` (1 by default): Chart 4.2,
Definition 4.1, and the exercises, counted per chapter (Exercise 6.1, 6.2, ...)
instead of across the book. Chapters still to be written are numbered by
their file names as soon as they are in ``_toc.yml``; two files claiming one
number are reported as a warning (an error under ``-W``).
"""

from __future__ import annotations

import functools
import re
from pathlib import PurePosixPath
from typing import Any, Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

CHAPTER = re.compile(r"ch(\d+)_")


def chapter_number(docname: str) -> int | None:
    """The chapter number a file name gives (``book/ch04_win_sets`` -> 4), or None."""
    match = CHAPTER.match(PurePosixPath(docname).name)
    return int(match.group(1)) if match else None


def _renumbered(number: Any, chapter: int | None) -> Any:
    if not number:
        return number
    return None if chapter is None else type(number)([chapter, *number[1:]])


def renumber_chapters(env: BuildEnvironment, old: dict[str, dict[str, Any]]) -> list[str]:
    """Give every numbered document its file name's chapter number; returns the documents that changed."""
    changed: list[str] = []
    owners: dict[int, str] = {}
    for docname in sorted(env.toc_secnumbers):
        secnums = env.toc_secnumbers[docname]
        if not any(secnums.values()):
            continue
        chapter = chapter_number(docname)
        if chapter is not None and chapter in owners:
            logger.warning(
                "%s and %s are both Chapter %d (the number comes from the file name chNN_)",
                owners[chapter], docname, chapter, location=docname, type="tl_numbering",
            )
        elif chapter is not None:
            owners[chapter] = docname
        for anchor, number in secnums.items():
            secnums[anchor] = _renumbered(number, chapter)
        # The same numbers are stored on the document's own table of contents
        # (the navigation copies it) and on its title (previous/next links).
        toc = env.tocs.get(docname)
        for ref in toc.findall(nodes.reference) if toc is not None else ():
            if ref.get("secnumber"):
                ref["secnumber"] = _renumbered(ref["secnumber"], chapter)
        title = env.titles.get(docname)
        if title is not None and title.get("secnumber"):
            title["secnumber"] = _renumbered(title["secnumber"], chapter)
        if secnums != old.get(docname):
            changed.append(docname)
    return changed


def _wrap(assign: Callable[..., list[str]]) -> Callable[..., list[str]]:
    @functools.wraps(assign)
    def assign_section_numbers(self: Any, env: BuildEnvironment) -> list[str]:
        old = {doc: dict(nums) for doc, nums in env.toc_secnumbers.items()}
        rewrite = assign(self, env)
        return sorted(set(rewrite) | set(renumber_chapters(env, old)))

    assign_section_numbers.tl_chapter_numbers = True  # type: ignore[attr-defined]
    return assign_section_numbers


def install(app: Sphinx) -> None:
    """Wrap the section numbering of the table-of-contents collector in force.

    Three versions take part: Sphinx's ``TocTreeCollector``; the one of
    sphinx-multitoc-numbering, which replaces that class's method in its own
    ``setup`` (Jupyter Book runs it after the extensions of ``_config.yml``);
    and sphinx-external-toc's subclass, registered instead of Sphinx's
    collector, which calls the method above and then renumbers the chapters
    1, 2, ... itself (its ``style`` option). At ``builder-inited`` all are in
    place: the class of each registered collector gets its own method wrapped,
    so that the chapter numbers are corrected last.
    """
    from sphinx.environment.collectors.toctree import TocTreeCollector

    classes = {
        type(listener.handler.__self__)
        for listener in app.events.listeners.get("env-get-updated", [])
        if isinstance(getattr(listener.handler, "__self__", None), TocTreeCollector)
    }
    if not classes:
        raise ExtensionError("tl_numbering: no table-of-contents collector is registered")
    for cls in classes:
        current = cls.assign_section_numbers
        if not getattr(current, "tl_chapter_numbers", False):
            cls.assign_section_numbers = _wrap(current)  # type: ignore[method-assign]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", install)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
