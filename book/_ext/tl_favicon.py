"""The book's favicon, written into every page as a ``data:`` URI: no request, no 404.

Without an icon link a browser asks the server for ``/favicon.ico``; the
site had none, so every page logged a 404, its only console error. With a
link to a file (Sphinx's ``html_favicon``) the browser fetches it after the
page has loaded, one request more per page on a slow connection, and a fetch
that a quick move to another page aborts (browser tests count that as a
failed request). The icon is a small SVG (``book/_assets/favicon.svg``,
about 400 bytes), so each page carries it inline instead, in the page's
head: it comes with the page, from the site, offline.

``_config.yml`` names the file (``tl_favicon: favicon.svg``); it is looked up
in the folders of ``html_static_path`` (relative to Sphinx's configuration
folder, which a one-page build moves: ``scripts/build.sh`` rewrites that list
for it). A name that is in none of them is a configuration error.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from sphinx.application import Sphinx
from sphinx.errors import ConfigError


def icon_link(app: Sphinx) -> str:
    name = app.config.tl_favicon
    for folder in app.config.html_static_path:
        path = os.path.join(app.confdir, folder, name)
        if os.path.isfile(path):
            with open(path, encoding="utf8") as f:
                svg = " ".join(f.read().split())
            # Spaces, "=", ":", "/" and single quotes need no escaping inside a double-quoted attribute.
            uri = "data:image/svg+xml," + quote(svg, safe=" =:/'")
            return f'<link rel="icon" type="image/svg+xml" href="{uri}">'
    raise ConfigError(f"tl_favicon {name!r} is in none of html_static_path's folders {app.config.html_static_path}")


def add_icon(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    link = app.builder.tl_favicon_link  # type: ignore[attr-defined]
    context["metatags"] = context.get("metatags", "") + "\n    " + link


def prepare(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.builder.tl_favicon_link = icon_link(app)  # type: ignore[attr-defined]
        app.connect("html-page-context", add_icon)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("tl_favicon", "favicon.svg", "html", types=[str])
    app.connect("builder-inited", prepare)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
