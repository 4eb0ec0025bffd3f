"""Write the static explorers' frames as files of the site, not as data inside the page.

In a notebook, a static explorer (:func:`twolevel.viz.static_explorer`)
carries every frame as a ``data:`` URI, so that the output is self-contained.
A chapter page holding them inline would weigh megabytes, all loaded before
the page can be read. When a page is written, this extension moves every
frame of an explorer output into its own file,
``_images/tl-frames/<hash>.webp``, and the page keeps only their URLs; the
explorer's script then loads the current frame and, once the reader reaches
for the explorer, its neighbours (``book/benchmarks.md``, "Page weight").

A file is named by the SHA-256 of its content (20 hex digits): identical
frames are stored once, a changed frame never reuses an old name (no stale
caches), and two builds give the same files. Only raw HTML nodes of an
explorer (``data-tl-frames``) are touched; other ``data:`` URIs are left
alone. The kernel side of the mechanism is :mod:`twolevel.viz.frames`; this
Sphinx side lives beside the book's other extensions so that the model
package never imports Sphinx.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Folder of the frame files in the built site.
FRAMES_DIR = "_images/tl-frames"
_DATA_URI = re.compile(r"data:image/(webp|png);base64,([A-Za-z0-9+/=]+)")


def externalise_frames(page_html: str, write: Callable[[str, bytes], None], url_prefix: str) -> str:
    """Replace every frame's ``data:`` URI in an explorer's HTML by the URL of a file.

    Parameters
    ----------
    page_html : str
        HTML holding one or more explorers (``data-tl-frames``); other HTML is
        returned unchanged.
    write : callable
        ``write(filename, content)`` stores a frame under its content's hash
        (20 hex digits) and its format's extension.
    url_prefix : str
        Prepended to the file name to make the URL (e.g. ``"../_images/tl-frames/"``).

    Returns
    -------
    str
        The HTML with URLs in place of the data.

    Examples
    --------
    >>> store = {}
    >>> externalise_frames('<div data-tl-frames="x"><img src="data:image/webp;base64,AAAA"></div>',
    ...                    store.__setitem__, "f/")
    '<div data-tl-frames="x"><img src="f/709e80c88487a2411e1e.webp"></div>'
    >>> store
    {'709e80c88487a2411e1e.webp': b'\\x00\\x00\\x00'}
    """
    if "data-tl-frames" not in page_html:
        return page_html

    def to_file(m: re.Match[str]) -> str:
        content = base64.b64decode(m.group(2))
        filename = f"{hashlib.sha256(content).hexdigest()[:20]}.{m.group(1)}"
        write(filename, content)
        return url_prefix + filename

    return _DATA_URI.sub(to_file, page_html)


def _externalise_doctree(app: Any, doctree: Any, docname: str) -> None:
    """``doctree-resolved`` handler: explorer outputs of HTML pages get their frames as files."""
    from docutils import nodes
    from sphinx.util.osutil import relative_uri

    if getattr(app.builder, "format", "") != "html":
        return
    folder = Path(app.outdir) / FRAMES_DIR

    def write(filename: str, content: bytes) -> None:
        target = folder / filename
        if not target.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

    prefix = relative_uri(app.builder.get_target_uri(docname), FRAMES_DIR + "/")
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if node.get("format") != "html" or "data-tl-frames" not in text:
            continue
        new = nodes.raw(node.rawsource, externalise_frames(text, write, prefix), format="html")
        new["classes"] = list(node.get("classes", []))
        node.replace_self(new)


def setup(app: Any) -> dict[str, Any]:
    """Sphinx entry point (``tl_frames`` in ``_config.yml``'s extensions)."""
    app.connect("doctree-resolved", _externalise_doctree)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
