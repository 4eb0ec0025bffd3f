"""The Sphinx half of the static explorers, ``book/_ext/tl_frames.py``: frames written as files of the site.

The extension lives beside the book's other extensions (it imports Sphinx,
which the model package never does); the kernel half is
:mod:`twolevel.viz.frames`, whose explorers this test feeds it.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from twolevel.viz import figure2_static_explorer

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("tl_frames", ROOT / "book" / "_ext" / "tl_frames.py")
assert _spec is not None and _spec.loader is not None
tl_frames = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tl_frames)


def test_externalise_frames_writes_each_frame_once_and_links_it():
    e = figure2_static_explorer(quotas_a=(0.5, 0.75), quotas_b=(0.5, 0.75), dpi=30)
    html = e.to_html()
    store: dict[str, bytes] = {}
    out = tl_frames.externalise_frames(html, store.__setitem__, "../_images/tl-frames/")
    assert "data:image" not in out
    data = json.loads(re.search(r'class="tl-frames-data">(.*?)</script>', out).group(1))
    assert len(data["frames"]) == len(e.frames) == 4
    for url, uri in zip(data["frames"], e.frames, strict=False):
        name = url.removeprefix("../_images/tl-frames/")
        assert re.fullmatch(r"[0-9a-f]{20}\.webp", name)
        assert store[name] == base64.b64decode(uri.split(",", 1)[1])
    start = re.search(r'<img class="tl-frames-image" src="([^"]+)"', out).group(1)
    assert start == data["frames"][e.index()]
    # identical frames share one file; HTML that is not an explorer is left alone
    assert len(store) == len(set(e.frames))
    other = '<img src="data:image/webp;base64,AAAA">'
    assert tl_frames.externalise_frames(other, store.__setitem__, "x/") == other


def test_the_model_package_holds_no_sphinx_code():
    sources = {p.name: p.read_text(encoding="utf8") for p in (ROOT / "twolevel").rglob("*.py")}
    sphinx = [
        name
        for name, text in sources.items()
        if re.search(r"^\s*(from|import) (sphinx|docutils)\b|^def setup\(app", text, re.MULTILINE)
    ]
    assert not sphinx
