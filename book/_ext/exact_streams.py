"""Merge a cell's stream outputs exactly, so that a page never depends on timing.

The kernel sends ``print(a, b)`` as one stream message or as two, depending on
when its 0.2 s flush timer fires between the writes of ``a``, ``" "``, ``b`` and
``"\\n"``. myst-nb's ``nb_merge_streams`` then strips every chunk and appends a
newline to it (``myst_nb.core.utils.coalesce_streams``, since myst-nb 1.1.2;
executablebooks/MyST-NB#664), so a print split in two gains a line break and
loses its space: the same cell renders differently from one build to the next.

This extension first concatenates the chunks of each stream exactly, as
nbclient's own ``coalesce_streams`` and nbconvert's ``CoalesceStreamsPreprocessor``
do, and then hands the single chunk per stream to myst-nb's function (which
still normalises the trailing newline and the ``\\r``/``\\b`` characters). The
rendered text is therefore what a terminal would show, however the kernel
happened to split it.
"""

from __future__ import annotations

from typing import Any

from nbformat import NotebookNode
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

_PATCHED = "_twolevel_exact_streams"


def join_streams(outputs: list[NotebookNode]) -> list[NotebookNode]:
    """Concatenate every stream output of a cell into the first one of its name.

    Other outputs keep their order; the inputs are not modified.
    """
    merged: list[NotebookNode] = []
    first: dict[str, NotebookNode] = {}
    for output in outputs:
        if output.get("output_type") != "stream":
            merged.append(output)
        elif output["name"] in first:
            first[output["name"]]["text"] += output["text"]
        else:
            copy = NotebookNode(output)
            first[output["name"]] = copy
            merged.append(copy)
    return merged


def setup(app: Sphinx) -> dict[str, Any]:
    try:
        from myst_nb.core import render
    except ImportError as exc:  # pragma: no cover - myst-nb is a requirement
        raise ExtensionError("exact_streams needs myst-nb") from exc
    original = getattr(render, "coalesce_streams", None)
    if original is None:
        # A myst-nb release that renamed the function: fail loudly rather than
        # silently going back to timing-dependent pages.
        raise ExtensionError(
            "exact_streams: myst_nb.core.render.coalesce_streams is gone; "
            "check whether this myst-nb still needs the workaround (book/_ext/exact_streams.py)"
        )
    if not getattr(original, _PATCHED, False):

        def coalesce_exactly(outputs: list[NotebookNode]) -> list[NotebookNode]:
            return original(join_streams(outputs))

        setattr(coalesce_exactly, _PATCHED, True)
        render.coalesce_streams = coalesce_exactly
    return {"parallel_read_safe": True, "parallel_write_safe": True}
