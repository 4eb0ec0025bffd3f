"""Fill the book's index (``genindex.html``) from what the chapters already mark, without editing them.

Sphinx's index lists only what ``{index}`` roles and directives name, and the
chapters have none, so the index page was empty. The chapters do mark their
vocabulary in two ways, and this extension indexes both as each chapter is
read (a transform before Sphinx's domains collect the index entries):

* **Definitions, propositions and remarks** (sphinx-proof's ``prf:``
  directives) with a title: a definition's title is a main entry (its page
  number in bold, as indexes mark the defining place) and a sub-entry of
  "definitions"; a proposition's or remark's title is a sub-entry of
  "propositions" or "remarks". Each points to the statement itself.
* **Key terms in bold where they are first used**: a bold phrase in the
  running text of a chapter (paragraphs and list items of its sections, and
  the body of a definition; not admonitions, exercises, solutions, tables or
  captions) that is a term, not a sentence or a label (at most four words,
  no final punctuation, no quotation marks, no leading article) and that the
  running text has not used before in the chapter. Bold used for emphasis ("a **necessary**
  condition") is a word used before; bold that opens a list item ("**Level
  I**: ...") is a term being introduced.

Only chapters (files named ``chNN_*``, as ``tl_numbering`` numbers them) are
indexed. A term used in several chapters has one link per chapter.

The index is listed in the reader's sidebar, after the contents: the sidebar
template ``tl-index-link.html`` (in ``tl_templates/`` beside this file, added
to ``templates_path`` here so that a one-page build finds it too) is named in
``html_sidebars`` (``_config.yml``).
"""

from __future__ import annotations

import os
import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform

from tl_numbering import chapter_number

MAX_WORDS = 4
# The statements indexed, by sphinx-proof's ``realtype``, and the heading they are listed under.
STATEMENTS = {"definition": "definitions", "proposition": "propositions", "remark": "remarks", "theorem": "theorems", "lemma": "lemmas"}
# A sentence or a label, not a term: final punctuation, quotation marks, a leading article.
NOT_A_TERM = re.compile(r"""[.:;!?,]$|["“”‘’']|^\W|\{|^(the|a|an) """, re.IGNORECASE)
# A capitalised word after a lower-case word or a comma is capitalised for its own sake (Nash, Level).
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;)] )[A-Z][\w-]*")


def _proof_type(node: nodes.Node) -> str | None:
    """sphinx-proof's type of a statement node (``definition``...), or None for any other node."""
    if isinstance(node, nodes.Admonition) and "realtype" in getattr(node, "attributes", {}):
        return node["realtype"]
    return None


def _in_running_text(node: nodes.Node) -> bool:
    """Whether ``node`` is in a chapter's running text (or a definition's body), not in a box, table or caption."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.document):
        if _proof_type(parent) == "definition":
            return True
        if isinstance(parent, (nodes.Admonition, nodes.table, nodes.caption, nodes.title, nodes.footnote, nodes.citation, nodes.container)):
            return False
        parent = parent.parent
    return True


def _term(text: str, proper: set[str]) -> str:
    """The index form of a bold phrase: an initial capital is lowered unless the word is always capitalised.

    "Voluntary defection" opens a sentence and is indexed as "voluntary
    defection"; "Nash bargaining solution" keeps its capital, because the
    chapter writes "Nash" with one in mid-sentence (``proper``).
    """
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:].islower() and first not in proper:
        first = first.lower()
    return f"{first} {rest}".strip()


class IndexChapterTerms(SphinxTransform):
    """Add index entries for a chapter's titled statements and first bold uses (before SphinxDomains, 850)."""

    default_priority = 840

    def apply(self, **kwargs: Any) -> None:
        if chapter_number(self.env.docname) is None:
            return
        serial = 0

        running = [p for p in self.document.findall(nodes.paragraph) if _in_running_text(p)]
        proper = set(MID_SENTENCE_CAPITAL.findall(" ".join(" ".join(p.astext().split()) for p in running)))

        for node in list(self.document.findall(nodes.Admonition)):
            kind = _proof_type(node)
            if kind not in STATEMENTS or not node["ids"]:
                continue
            title = node.next_node(nodes.title)
            text = " ".join(title.astext().split()) if title is not None else ""
            if text.startswith("(") and text.endswith(")"):  # sphinx-proof's title format, "(%t)"
                text = text[1:-1]
            if not text:
                continue
            target = node["ids"][0]
            entries = [("single", f"{STATEMENTS[kind]}; {text}", target, "", None)]
            if kind == "definition":
                # The defined term, in the form of the bold terms ("A tree of ... " -> "tree of ...").
                term = _term(re.sub(r"^(the|a|an) ", "", text, flags=re.IGNORECASE), proper)
                entries.insert(0, ("single", term, target, "main", None))
            # Beside the statement, not inside it: sphinx-proof's writer expects its title first.
            node.parent.insert(node.parent.index(node), addnodes.index(entries=entries, inline=False))

        seen_text: list[str] = []
        indexed: set[str] = set()
        for paragraph in running:
            before = " ".join(seen_text).lower()
            for strong in [c for c in paragraph.children if isinstance(c, nodes.strong)]:
                text = " ".join(strong.astext().split())
                if not text or len(text.split()) > MAX_WORDS or NOT_A_TERM.search(text) or strong.next_node(nodes.math):
                    continue
                term = _term(text, proper)
                key = term.lower()
                if key in indexed or re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", before):
                    continue
                indexed.add(key)
                serial += 1
                target = f"index-term-{serial}"
                position = paragraph.index(strong)
                paragraph.insert(position, nodes.target("", "", ids=[target]))
                paragraph.insert(position, addnodes.index(entries=[("single", term, target, "main", None)], inline=True))
            seen_text.append(paragraph.astext())


TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tl_templates")


def add_templates(app: Sphinx, config: Config) -> None:
    # Relative to the configuration folder, as _config.yml's paths are: Sphinx hashes the
    # configuration into .buildinfo, which must not depend on where the checkout is.
    folder = os.path.relpath(TEMPLATES, app.confdir)
    if folder not in config.templates_path:
        config.templates_path = [*config.templates_path, folder]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", add_templates)
    app.add_transform(IndexChapterTerms)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
