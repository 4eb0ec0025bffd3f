"""Build the developers' appendix without putting it in the reader's navigation.

The developers' pages (the benchmarks, the API reference) are listed in
``_toc.yml`` so that Jupyter Book builds them (``only_build_toc_files``), under
a part whose caption ``tl_developer_parts`` names (``_config.yml``). Every part
of ``_toc.yml`` becomes a toctree of the root page, and the theme draws every
such toctree in the sidebar of every page, as the reader's contents; the
previous/next links also run on from the last chapter into the appendix.

Here the toctrees of those parts are taken out of the root page as it is
read (after sphinx-external-toc has inserted them, before Sphinx collects
them), and their pages become orphans (the ``orphan`` metadata field of
Sphinx), so Sphinx builds them without a warning that they are in no
toctree. They keep their own toctrees (an API reference's sub-pages hang
under its first page), are searchable, and are reached by links: from the
repository's README and from the book's page on how it is made.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform


def developer_docnames(app: Sphinx) -> set[str]:
    """The documents listed directly under the developer parts of ``_toc.yml``."""
    site_map = getattr(app.env, "external_site_map", None)
    if site_map is None:
        return set()
    captions = set(app.config.tl_developer_parts)
    found: set[str] = set()
    for toctree in site_map.root.subtrees:
        if toctree.caption in captions:
            for item in toctree.items:
                docname = str(item)
                for suffix in app.config.source_suffix:
                    docname = docname.removesuffix(suffix)
                found.add(docname)
    return found


class DropDeveloperParts(SphinxTransform):
    """Remove the developer parts' toctrees from the root page (after sphinx-external-toc's, at 100)."""

    default_priority = 150

    def apply(self, **kwargs: Any) -> None:
        if self.env.docname != self.config.root_doc:
            return
        captions = set(self.config.tl_developer_parts)
        for toctree in list(self.document.findall(addnodes.toctree)):
            if toctree.get("caption") in captions:
                wrapper = toctree.parent
                if isinstance(wrapper, nodes.compound) and "toctree-wrapper" in wrapper["classes"]:
                    wrapper.parent.remove(wrapper)
                else:
                    toctree.parent.remove(toctree)


def mark_orphans(app: Sphinx, doctree: nodes.document) -> None:
    if app.env.docname in developer_docnames(app):
        app.env.metadata[app.env.docname]["orphan"] = True


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("tl_developer_parts", ["Appendix: for developers"], "env", types=[list])
    app.add_transform(DropDeveloperParts)
    # After Sphinx's metadata collector (priority 500), which resets a page's metadata.
    app.connect("doctree-read", mark_orphans, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
