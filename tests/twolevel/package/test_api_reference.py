"""The API reference (book/api/) documents every public name: ``tl.<name>`` is on one of its pages.

The pages are written by hand (one per part of the package, in ``_toc.yml``);
Sphinx's autodoc fills them from the docstrings and the strict book build fails
on a directive whose name does not import. This test checks the other way: a
name added to ``tl.__all__`` and forgotten on the pages fails here.
"""

import re
from pathlib import Path

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


def test_every_public_name_is_on_the_api_pages():
    names = {n for n in tl.__all__ if n not in ("symbolic", "viz")}  # the lazy modules have their own sections
    tables, directives = _documented()
    assert len(PAGES) >= 5
    assert not names - tables, f"missing from the autosummary tables of book/api/: {sorted(names - tables)}"
    assert not names - directives, f"no autodoc directive in book/api/: {sorted(names - directives)}"
