"""Load the page's script files with ``defer``, so that reading starts before they arrive.

Sphinx and its extensions (doctools, sphinx_highlight, copybutton, clipboard,
togglebutton, sphinx-design's tabs, sphinx-book-theme) add their scripts to the
head of every page without ``defer``. Each then blocks the parser until it has
arrived and run: on the slow-4G profile of ``benchmarks/pages.py`` (562.5 ms
round trip, six connections per host) the chapters' text and their explorers'
inline scripts waited about 4 s for these files, and the scripts, fetched at a
high priority, delayed the explorers' first frames. None of them needs to run
before the page is parsed: they act on ``DOMContentLoaded`` or on the reader's
clicks, and deferred scripts still run in order, before that event.

The ``html-page-context`` handler below gives every script file of
``script_files`` a ``defer`` attribute, except ``documentation_options.js``,
which the page's inline scripts read at once (``DOCUMENTATION_OPTIONS.pagename
= ...``). Inline scripts and scripts already ``async`` or ``defer`` are left as
they are, and so is Sphinx's search page, whose template loads
``searchtools.js`` without ``defer``, and that script calls doctools' ``_ready``
as soon as it runs. Measured with ``benchmarks/pages.py`` (``book/benchmarks.md``).
"""

from __future__ import annotations

import os
from typing import Any

from sphinx.application import Sphinx

# Read by inline scripts as soon as the parser reaches them.
KEEP_BLOCKING = ("documentation_options.js",)
# Pages whose own template scripts need the script files at once.
KEEP_PAGES = ("search",)


def _deferred(js: Any) -> Any:
    """A copy of ``js`` with ``defer`` (the builder's own objects are shared by every page)."""
    filename = getattr(js, "filename", None)
    attributes = dict(getattr(js, "attributes", {}))
    if not filename or os.path.basename(os.fspath(filename)) in KEEP_BLOCKING:
        return js
    if {"defer", "async"} & attributes.keys():
        return js
    attributes["defer"] = "defer"
    return type(js)(filename, priority=js.priority, **attributes)


def defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if pagename in KEEP_PAGES:
        return
    if "script_files" in context:
        context["script_files"] = [_deferred(js) for js in context["script_files"]]


def setup(app: Sphinx) -> dict[str, Any]:
    # Late, after the extensions that add page-specific scripts in the same event.
    app.connect("html-page-context", defer_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
