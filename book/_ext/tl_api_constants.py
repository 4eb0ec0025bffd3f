"""Document ``tl.`` constants with their own ``#:`` comments, not with their type's docstring.

The API reference (``book/api/``) documents every public name as an attribute
of the flat namespace, ``twolevel.NAME``. For a constant such as
``twolevel.DEFAULT_SIZE``, autodoc looks for its ``#:`` comment in the source of
``twolevel/__init__.py``, which only re-exports it, finds none, and falls back
to the docstring of the value's type: the page said "int([x]) -> integer" and
"Built-in immutable sequence" where the package's comment says what the
constant means (sphinx-doc/sphinx#6495, open since 2019: autodoc does not
follow the import).

The ``autodoc-process-docstring`` handler below (run by autodoc and by
autosummary's tables alike) replaces the docstring of a ``twolevel.NAME``
constant with the ``#:`` comment of the package module that lists ``NAME`` in
its ``__all__`` and holds the very same object, read by Sphinx's own
``ModuleAnalyzer``. A constant without such a comment keeps what autodoc gave
(and ``tests/twolevel/package/test_api_reference.py`` requires the comment).
"""

from __future__ import annotations

import sys
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer

PACKAGE = "twolevel"


def defining_comment(name: str, obj: object) -> list[str] | None:
    """The ``#:`` comment of ``name`` in the loaded package module that exports ``obj`` under that name."""
    for modname, module in sorted(sys.modules.items()):
        if not modname.startswith(PACKAGE + ".") or name not in getattr(module, "__all__", ()):
            continue
        if getattr(module, name, None) is not obj:
            continue
        try:
            docs = ModuleAnalyzer.for_module(modname).find_attr_docs()
        except PycodeError:
            continue
        if ("", name) in docs:
            return list(docs[("", name)])
    return None


def process_docstring(app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    parent, _, attr = name.rpartition(".")
    if what != "data" or parent != PACKAGE:
        return
    comment = defining_comment(attr, obj)
    if comment:
        lines[:] = comment


def setup(app: Sphinx) -> dict[str, Any]:
    # Before napoleon (priority 500), so that it reads the comment as it reads any docstring.
    app.connect("autodoc-process-docstring", process_docstring, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
