"""The HTML that ``book/_ext/tl_a11y.py`` writes for folded code cells and citations.

A two-page Sphinx project (no execution, no theme) is built with myst-nb and the
extension: a notebook with a ``hide-input`` and a ``hide-output`` cell, and a page
with two runs of citations. The browser test (``tests/browser/test_reader_pages.py``)
runs axe-core on the book's real pages; this test pins the markup itself. The
last test checks ``book/_ext/tl_defer_scripts.py`` on a page context.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parents[2]

CONF = f"""
import sys
sys.path.insert(0, {str(ROOT / "book" / "_ext")!r})
extensions = ["myst_nb", "tl_a11y"]
nb_execution_mode = "off"
html_theme = "basic"
"""

CITATIONS = """Citations
=========

See [Putnam1988]_, [Schelling1960]_ and [Evans1993]_.

.. [Putnam1988] Putnam, R. D. Diplomacy and domestic politics.
.. [Schelling1960] Schelling, T. C. The strategy of conflict.

A paragraph between two runs.

.. [Evans1993] Evans, P. B. et al. Double-edged diplomacy.
"""


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Folded cells"),
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["hide-input"]}),
        nbformat.v4.new_code_cell(
            "print(x)",
            metadata={"tags": ["hide-output"]},
            outputs=[nbformat.v4.new_output("stream", name="stdout", text="1\n")],
            execution_count=1,
        ),
    ]
    return nb


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("a11y-src")
    out = tmp_path_factory.mktemp("a11y-out")
    (src / "conf.py").write_text(CONF, encoding="utf8")
    (src / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   cells\n   citations\n", encoding="utf8")
    (src / "citations.rst").write_text(CITATIONS, encoding="utf8")
    nbformat.write(_notebook(), src / "cells.ipynb")
    app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=None, warningiserror=True, freshenv=True)
    app.build()
    return out


def _page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{name}.html").read_text(encoding="utf8"), "html.parser")


def test_folded_cells_are_named_by_their_visible_label(site):
    soup = _page(site, "cells")
    summaries = soup.select("details.hide > summary")
    assert len(summaries) == 2, summaries
    labels = []
    for summary in summaries:
        assert not summary.has_attr("aria-label"), summary  # the name comes from the visible text
        assert summary.find("p") is None, "a <summary> may hold phrasing content only"
        shown = summary.select_one("span.collapsed.admonition-title").get_text(strip=True)
        hidden = summary.select_one("span.expanded.admonition-title").get_text(strip=True)
        labels.append((shown, hidden))
    # The label says what is folded away: the source of one cell, the output of the other.
    assert labels == [("Show code cell source", "Hide code cell source"), ("Show code cell output", "Hide code cell output")]
    details = summaries[0].parent
    assert {"admonition", "hide", "above-input"} <= set(details["class"])
    assert details.find("div", class_="cell_input") is not None  # the folded content is inside


def test_each_run_of_citations_is_a_list_of_items(site):
    soup = _page(site, "citations")
    lists = soup.select(".citation-list")
    assert [len(lst.find_all(recursive=False)) for lst in lists] == [2, 1]
    for lst in lists:
        assert lst["role"] == "list"
        for child in lst.find_all(recursive=False):
            assert child.name == "div" and "citation" in child["class"]
            assert child["role"] == "listitem"
    assert not soup.select('[role="doc-biblioentry"]')  # deprecated in DPUB-ARIA 1.1, not a listitem
    ids = [c["id"] for lst in lists for c in lst.find_all(recursive=False)]
    for ref in soup.select("a.citation-reference"):
        assert ref["href"].lstrip("#") in ids  # the references still reach their entries


def test_script_files_are_deferred_but_documentation_options():
    """book/_ext/tl_defer_scripts.py: every script file defers, but the one inline scripts read at once."""
    import importlib.util

    from sphinx.builders.html._assets import _JavaScript

    spec = importlib.util.spec_from_file_location("tl_defer_scripts", ROOT / "book" / "_ext" / "tl_defer_scripts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shared = [
        _JavaScript("_static/documentation_options.js", priority=200),
        _JavaScript("_static/doctools.js", priority=200),
        _JavaScript("_static/design-tabs.js", priority=900, **{"data-sd-tabs-storage-prefix": "x-"}),
        _JavaScript("_static/already.js", defer="defer"),
        _JavaScript("_static/async.js", **{"async": "async"}),
        _JavaScript(None, body="var togglebuttonSelector = '.toggle';"),
    ]
    context = {"script_files": list(shared)}
    module.defer_scripts(None, "page", "page.html", context, None)
    got = {str(js.filename): dict(js.attributes) for js in context["script_files"]}
    assert got["_static/documentation_options.js"] == {}
    assert got["_static/doctools.js"] == {"defer": "defer"}
    assert got["_static/design-tabs.js"] == {"data-sd-tabs-storage-prefix": "x-", "defer": "defer"}
    assert got["_static/already.js"] == {"defer": "defer"}
    assert got["_static/async.js"] == {"async": "async"}
    assert got["None"] == {"body": "var togglebuttonSelector = '.toggle';"}
    assert [js.priority for js in context["script_files"]] == [js.priority for js in shared]
    assert shared[1].attributes == {}, "the builder's shared objects were modified"
    # The search page's searchtools.js (in its template, not deferred) calls doctools at once.
    search = {"script_files": list(shared)}
    module.defer_scripts(None, "search", "search.html", search, None)
    assert search["script_files"] == shared and all("defer" not in js.attributes for js in shared[:3])
