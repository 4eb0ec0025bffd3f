"""Find the favicon among the static files, wherever Sphinx's configuration folder is.

``html_favicon`` is a path relative to Sphinx's configuration folder, which is
the repository root for the book but the page's own folder for a one-page
build (``bash scripts/build.sh book/chNN_x.md`` rewrites ``html_static_path``
for that folder, not ``html_favicon``). ``_config.yml`` names the favicon by
its file name only (``html_favicon: favicon.svg``); at ``config-inited`` this
extension replaces the name with the path of that file in the first folder
of ``html_static_path`` that has it, so both builds find it. Sphinx then
copies it into ``_static/`` and every page links it: no browser asks for a
missing ``/favicon.ico`` (a 404, and the site's only console error, before).
"""

from __future__ import annotations

import os
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError


def find_favicon(app: Sphinx, config: Config) -> None:
    name = config.html_favicon
    if not name or "://" in name or os.sep in name or "/" in name:
        return
    for folder in config.html_static_path:
        candidate = os.path.join(app.confdir, folder, name)
        if os.path.isfile(candidate):
            config.html_favicon = os.path.relpath(candidate, app.confdir)
            return
    raise ConfigError(f"html_favicon {name!r} is in none of html_static_path's folders {config.html_static_path}")


def setup(app: Sphinx) -> dict[str, Any]:
    # Before Sphinx checks that the file exists (validate_html_favicon, priority 800).
    app.connect("config-inited", find_favicon, priority=700)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
