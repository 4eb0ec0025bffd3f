"""Accessible HTML for two pieces of markup the book's dependencies write.

Both were serious findings of axe-core in the reader-page browser test
(``tests/browser/test_reader_pages.py``), and neither dependency has an option
that changes them, so this extension registers its own HTML visitors for the
two nodes (``Sphinx.add_node(..., override=True)``, Sphinx's documented way of
giving a node new visitor functions):

* **Folded code cells** (myst-nb's ``hide-input`` and ``hide-output`` tags,
  ``myst_nb.sphinx_.HideCodeCellNode``). myst-nb 1.4 writes
  ``<summary aria-label="Toggle hidden content">`` around the visible label
  "Show code cell source". The ``aria-label`` replaces the visible words as the
  control's accessible name, so a speech-input user who says "click Show code
  cell source" reaches nothing, and a screen reader does not say *what* the
  control shows (WCAG 2.5.3, axe rule ``label-content-name-mismatch``). Here
  the summary has no ``aria-label``: its name is its visible label, which says
  what is folded away ("Show code cell source" while closed, "Hide code cell
  source" while open; CSS shows one of the two, and hidden text does not count
  towards the name), and ``<details>`` itself announces expanded or collapsed.
  The two labels are ``<span>`` elements, not myst-nb's ``<p>``: a
  ``<summary>`` may hold only phrasing content (HTML living standard).
  ``book/_assets/tl-reader.css`` gives the spans the paragraphs' layout.

* **Citations** (docutils' HTML5 writer, ``visit_citation``). docutils 0.21
  wraps a run of citations in ``<div role="list" class="citation-list">`` and
  gives each ``role="doc-biblioentry"``. DPUB-ARIA 1.1 deprecates that role,
  and it is not a ``listitem`` (which it subclassed in DPUB-ARIA 1.0), so the
  list has no items (axe rule ``aria-required-children``). Here each citation
  is ``role="listitem"``: the bibliography is announced as a list of so many
  entries, as docutils intended. The elements stay ``<div>`` so that Sphinx's
  and the theme's ``div.citation`` styles still apply.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxTranslator


def visit_hidden_cell(self: SphinxTranslator, node: nodes.Element) -> None:
    """Open a folded cell: ``<details>`` with a summary named by its visible label."""
    classes = " ".join(["admonition", "hide", *node["classes"]])
    self.body.append(f'<details class="{escape(classes)}">\n<summary>')
    self.body.append(f'<span class="collapsed admonition-title">{escape(node["prompt_show"])}</span>')
    self.body.append(f'<span class="expanded admonition-title">{escape(node["prompt_hide"])}</span>')
    self.body.append("</summary>\n")


def depart_hidden_cell(self: SphinxTranslator, node: nodes.Element) -> None:
    self.body.append("</details>\n")


def visit_citation(self: SphinxTranslator, node: nodes.Element) -> None:
    """Open a citation as an item of the list that a run of citations forms."""
    if not isinstance(node.previous_sibling(), nodes.citation):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=["citation"], role="listitem"))


def depart_citation(self: SphinxTranslator, node: nodes.Element) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.citation):
        self.body.append("</div>\n")


def setup(app: Sphinx) -> dict[str, Any]:
    try:
        from myst_nb.sphinx_ import HideCodeCellNode
    except ImportError as exc:  # pragma: no cover - myst-nb is a requirement
        raise ExtensionError(
            "tl_a11y: myst_nb.sphinx_.HideCodeCellNode is gone; check how this myst-nb "
            "writes folded cells (book/_ext/tl_a11y.py)"
        ) from exc
    # Runs after myst_nb's setup (listed after it in _config.yml), so these
    # visitors replace the ones myst-nb registered for the same node.
    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(visit_hidden_cell, depart_hidden_cell))
    app.add_node(nodes.citation, override=True, html=(visit_citation, depart_citation))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
