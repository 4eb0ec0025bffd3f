"""The API reference (book/api/) documents every public name: ``tl.<name>`` is on one of its pages.

The pages are written by hand (one per part of the package, in ``_toc.yml``);
Sphinx's autodoc fills them from the docstrings and the strict book build fails
on a directive whose name does not import. This test checks the other way: a
name added to ``tl.__all__`` and forgotten on the pages fails here.
"""

import re
import sys
from pathlib import Path
from types import ModuleType

import twolevel as tl

PAGES = sorted((Path(__file__).resolve().parents[3] / "book" / "api").glob("*.md"))


def _documented() -> tuple[set[str], set[str]]:
    """Names in the pages' autosummary tables, and names given to autodoc directives."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    tables = {
        line.strip()
        for block in re.findall(r"\.\. autosummary::\n\n((?:   \S+\n)+)", text)
        for line in block.splitlines()
    }
    directives = set(re.findall(r"^\.\. auto(?:class|function|data)::\s+(\S+)", text, flags=re.MULTILINE))
    return tables, directives


def test_every_constant_has_a_comment_the_pages_show():
    """book/_ext/tl_api_constants.py shows each tl constant's ``#:`` comment: every constant has one."""
    sys.path.insert(0, str(PAGES[0].parents[1] / "_ext"))
    try:
        from tl_api_constants import defining_comment
    finally:
        sys.path.pop(0)
    constants = [n for n in tl.__all__ if not callable(getattr(tl, n)) and not isinstance(getattr(tl, n), ModuleType)]
    assert "DEFAULT_SIZE" in constants
    missing = [n for n in constants if not defining_comment(n, getattr(tl, n))]
    assert not missing, f"constants without a #: comment in the module that defines them: {missing}"


def test_every_public_name_is_on_the_api_pages():
    names = {n for n in tl.__all__ if n not in ("symbolic", "viz")}  # the lazy modules have their own sections
    tables, directives = _documented()
    assert len(PAGES) >= 5
    assert not names - tables, f"missing from the autosummary tables of book/api/: {sorted(names - tables)}"
    assert not names - directives, f"no autodoc directive in book/api/: {sorted(names - directives)}"
