"""Interactive figures that keep working in a static web page.

A live ipywidgets explorer needs a kernel. The built book has none, so every
interactive figure in the book is *also* rendered as a set of precomputed
frames, one per combination of its controls' values, switched by HTML range
inputs and a few lines of inline JavaScript. Nothing is loaded from the
network.

Frames are lossless WebP images of the figure reduced to a 64-colour palette
(measured on Figures 1 and 2: about 20% smaller than the same palette as PNG,
a quarter of a full-colour PNG, and free of the ringing lossy WebP puts
around text). Each frame is drawn once on an Agg canvas and encoded from its
pixel buffer (no PNG round trip), and a frame whose pixels repeat an earlier
one's shares its encoding. Frames are rendered at twice the size they are
shown at, so they stay sharp on screens with a device pixel ratio of 2, and
the figure is
narrowed, if needed, until its smallest text is at least
:data:`MIN_LABEL_CSS_PX` CSS pixels tall on a phone (the image then
:data:`PHONE_IMAGE_CSS_PX` wide).

Where the frames live:

- In a notebook (JupyterLab, nbclient) the explorer's HTML carries every frame
  as a ``data:`` URI, so the output is self-contained.
- In the built book, this module is also a Sphinx extension (listed in
  ``_config.yml``). When a page is written it moves every frame of an explorer
  output into its own file, ``_images/tl-frames/<hash>.webp`` of the built
  site, and the page keeps only their URLs. The page's script then loads the
  current frame and, once the reader touches or focuses the explorer, its
  neighbours along each slider; the rest load only when reached.

This module is the single place where that mechanism lives; chapters call it
through the figure-specific helpers in :mod:`twolevel.viz`.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

__all__ = [
    "Control",
    "StaticExplorer",
    "static_explorer",
    "externalise_frames",
    "smallest_text_pt",
    "MIN_LABEL_CSS_PX",
    "PHONE_IMAGE_CSS_PX",
    "PIXEL_RATIO",
]

#: Smallest text in a frame, in CSS pixels, when the frame is shown on a phone.
MIN_LABEL_CSS_PX = 10.0
#: Width of an explorer's image on a 390 px wide phone (the page column, 358 px,
#: less the explorer's own padding; see book/_assets/tl-frames.css), rounded down.
PHONE_IMAGE_CSS_PX = 340.0
#: Frames hold this many image pixels per CSS pixel (sharp on "retina" screens).
PIXEL_RATIO = 2
#: Colours of a frame's palette: enough for anti-aliased text and the shaded regions.
PALETTE_COLOURS = 64
#: Lossless WebP encoder settings: ``method`` (0-6) and ``quality`` (in lossless
#: mode, the compression effort, 0-100). Measured on the book's four explorers
#: (book/benchmarks.md): 2 and 25 encode in 40% of the time of 4 and 100, and the
#: files are within 3% of the same size.
WEBP_METHOD = 2
WEBP_EFFORT = 25
#: Folder of the frame files in the built site.
FRAMES_DIR = "_images/tl-frames"
_DATA_URI = re.compile(r"data:image/(webp|png);base64,([A-Za-z0-9+/=]+)")


@dataclass(frozen=True)
class Control:
    """One control of a static explorer: a parameter and the values it may take.

    Parameters
    ----------
    name : str
        Keyword passed to the update function.
    label : str
        What the reader sees next to the slider (plain text).
    values : sequence of float
        The values the slider steps through, in order.
    initial : float
        The value shown when the page loads; must be one of ``values``.
    fmt : str
        Format string for the value shown next to the slider (and announced
        by screen readers as the slider's ``aria-valuetext``).

    Examples
    --------
    >>> c = Control("quota_y", "Y's quota", (0.5, 0.6, 0.7), 0.6)
    >>> c.initial_index
    1
    >>> Control("q", "q", (0.5,), 0.5)
    Traceback (most recent call last):
    ...
    ValueError: values of control 'q' must hold at least 2 values, got 1

    References
    ----------
    The book's one helper for kernel-free interactive figures (issue 9 of the
    project: frames as files, accessible sliders); used for Putnam's Figure 1
    (p. 441) and Figure 2 (p. 447) and every later explorer.
    """

    name: str
    label: str
    values: tuple[float, ...]
    initial: float
    fmt: str = "{:.2f}"

    def __post_init__(self) -> None:
        vals = tuple(float(v) for v in self.values)
        if not self.name.isidentifier():
            raise ValueError(f"name must be a Python identifier, got {self.name!r}")
        if len(vals) < 2:
            raise ValueError(f"values of control {self.name!r} must hold at least 2 values, got {len(vals)}")
        object.__setattr__(self, "values", vals)
        if not any(abs(v - float(self.initial)) < 1e-12 for v in vals):
            raise ValueError(
                f"initial of control {self.name!r} must be one of its values {vals}, got {self.initial!r}"
            )

    @property
    def initial_index(self) -> int:
        return min(range(len(self.values)), key=lambda i: abs(self.values[i] - float(self.initial)))


@dataclass
class StaticExplorer:
    """Precomputed frames of a figure and the HTML that switches between them.

    Displaying the object in a notebook (or in a page built by myst-nb) shows the
    figure with one range input per control. ``frames`` (``data:`` URIs) and
    ``alts`` are kept so tests can check what was rendered; ``width`` and
    ``height`` are the frames' size in CSS pixels at full size (their pixel
    size divided by :data:`PIXEL_RATIO`), and ``min_label_phone_px`` the
    height of the smallest text, in CSS pixels, on a phone, where the image
    is :data:`PHONE_IMAGE_CSS_PX` wide (or ``width``, if narrower).

    Examples
    --------
    :func:`static_explorer` renders a figure into one (see its example). Built
    by hand from ready frames, one per value of the control:

    >>> slope = Control("slope", "Slope", (0, 1, 2), 1)
    >>> e = StaticExplorer("demo", (slope,), ["data:,0", "data:,1", "data:,2"], ["flat", "gentle", "steep"])
    >>> e.index(slope=2), e.alts[e.index(slope=2)], e.index()
    (2, 'steep', 1)
    >>> 'data-tl-frames="demo"' in e.to_html()
    True

    References
    ----------
    What :func:`static_explorer` returns for Putnam's Figure 1 (p. 441),
    Figure 2 (p. 447) and every later explorer of the book.
    """

    name: str
    controls: tuple[Control, ...]
    frames: list[str]
    alts: list[str]
    caption: str = ""
    dom_id: str = field(default="")
    width: int = 0
    height: int = 0
    min_label_phone_px: float = 0.0

    def index(self, **values: float) -> int:
        """Position in ``frames`` of the frame for these control values (row-major)."""
        idx = 0
        for c in self.controls:
            v = float(values.get(c.name, c.initial))
            pos = min(range(len(c.values)), key=lambda i: abs(c.values[i] - v))
            idx = idx * len(c.values) + pos
        return idx

    def to_html(self) -> str:
        """The self-contained HTML: image, sliders, frame data and inline script."""
        start = self.index()
        data = {
            "frames": self.frames,
            "alts": self.alts,
            "shape": [len(c.values) for c in self.controls],
            "labels": [[c.fmt.format(v) for v in c.values] for c in self.controls],
        }
        rows = []
        for k, c in enumerate(self.controls):
            i0 = c.initial_index
            value = html.escape(c.fmt.format(c.values[i0]))
            out_id = f"{self.dom_id}-value-{k}"
            rows.append(
                f'<label class="tl-frames-control">'
                f'<span class="tl-frames-label">{html.escape(c.label)}</span>'
                f'<output class="tl-frames-value" id="{out_id}" aria-live="polite">{value}</output>'
                f'<input type="range" min="0" max="{len(c.values) - 1}" step="1" value="{i0}" '
                f'data-param="{c.name}" data-axis="{k}" aria-label="{html.escape(c.label)}" '
                f'aria-valuetext="{value}">'
                f"</label>"
            )
        caption = f'<div class="tl-frames-caption">{html.escape(self.caption)}</div>' if self.caption else ""
        payload = json.dumps(data).replace("</", "<\\/")
        size = f' width="{self.width}" height="{self.height}"' if self.width and self.height else ""
        return (
            f'<div class="tl-frames" id="{self.dom_id}" data-tl-frames="{html.escape(self.name)}" '
            f'role="group" aria-label="{html.escape(self.label)}">'
            f'<img class="tl-frames-image" src="{self.frames[start]}" alt="{html.escape(self.alts[start])}"'
            f'{size} decoding="async">'
            f'<div class="tl-frames-controls">{"".join(rows)}</div>{caption}'
            f'<script type="application/json" class="tl-frames-data">{payload}</script>'
            f"<script>{_SCRIPT % json.dumps(self.dom_id)}</script>"
            f"</div>"
        )

    @property
    def label(self) -> str:
        """Accessible name of the explorer: what it shows and what its sliders move."""
        title = self.name.replace("figure", "Figure ").replace("-", " ")
        return f"Explorer of {title}: " + ", ".join(c.label for c in self.controls)

    def _repr_html_(self) -> str:
        return self.to_html()


# Kept tiny, ES5 and dependency-free on purpose: it must run in any browser, offline.
# Only the current frame is requested on load; the frames next to it along each
# slider are requested once the reader reaches for the explorer (pointer, touch,
# focus), so the next step shows at once without loading all of them.
_SCRIPT = """(function () {
  var root = document.getElementById(%s);
  if (!root || root.dataset.tlReady) { return; }
  var data = JSON.parse(root.querySelector(".tl-frames-data").textContent);
  var img = root.querySelector(".tl-frames-image");
  var inputs = root.querySelectorAll("input[type=range]");
  var warm = false, cache = {};
  function positions() {
    var pos = [];
    for (var k = 0; k < inputs.length; k++) { pos.push(parseInt(inputs[k].value, 10)); }
    return pos;
  }
  function flat(pos) {
    var idx = 0;
    for (var k = 0; k < pos.length; k++) { idx = idx * data.shape[k] + pos[k]; }
    return idx;
  }
  function preload(pos) {
    for (var k = 0; k < pos.length; k++) {
      for (var d = -1; d <= 1; d += 2) {
        var p = pos.slice(); p[k] += d;
        if (p[k] < 0 || p[k] >= data.shape[k]) { continue; }
        var i = flat(p);
        if (!cache[i]) { cache[i] = new Image(); cache[i].src = data.frames[i]; }
      }
    }
  }
  function show() {
    var pos = positions(), idx = flat(pos);
    for (var k = 0; k < inputs.length; k++) {
      var text = data.labels[k][pos[k]];
      inputs[k].setAttribute("aria-valuetext", text);
      var out = inputs[k].parentNode.querySelector("output");
      if (out.textContent !== text) { out.textContent = text; }
    }
    if (root.dataset.frame !== String(idx)) {
      img.src = data.frames[idx];
      img.alt = data.alts[idx];
      root.dataset.frame = String(idx);
    }
    if (warm) { preload(pos); }
  }
  function wake() { if (!warm) { warm = true; preload(positions()); } }
  ["pointerover", "touchstart", "focusin"].forEach(function (ev) {
    root.addEventListener(ev, wake, { passive: true });
  });
  for (var k = 0; k < inputs.length; k++) { inputs[k].addEventListener("input", show); }
  show();
  root.dataset.tlReady = "1";
})();"""


def smallest_text_pt(fig: Figure) -> float | None:
    """Font size, in points, of the smallest visible non-empty text of ``fig``; None if it has none.

    Tick labels count (the figure is laid out first so that they exist).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure()
    >>> _ = fig.text(0.5, 0.5, "XM", fontsize=9)
    >>> smallest_text_pt(fig)
    9.0
    >>> smallest_text_pt(Figure()) is None
    True

    References
    ----------
    How :func:`static_explorer` keeps the labels of Putnam's Figure 1 (p. 441),
    Figure 2 (p. 447) and every later explorer legible on a phone
    (:data:`MIN_LABEL_CSS_PX`).
    """
    fig.draw_without_rendering()
    sizes = [
        t.get_fontsize()
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and (t.axes is None or t.axes.get_visible())
    ]
    return float(min(sizes)) if sizes else None


def _phone_text_px(size_pt: float, width_in: float) -> float:
    """CSS px height of ``size_pt`` text on a figure ``width_in`` wide shown PHONE_IMAGE_CSS_PX wide."""
    return size_pt / 72.0 * PHONE_IMAGE_CSS_PX / width_in


@contextmanager
def _agg_at(fig: Figure, dpi: float) -> Iterator[FigureCanvasAgg]:
    """Draw ``fig`` on its own Agg canvas at ``dpi`` inside the block; its canvas and dpi are restored after.

    This is what ``savefig`` does for one file; doing it once per explorer lets
    each frame cost a single draw (``savefig`` draws twice when the figure has a
    layout engine: a layout pass, then the render) and no PNG round trip.
    """
    canvas, old_dpi = fig.canvas, fig.dpi
    agg = FigureCanvasAgg(fig)
    fig.dpi = dpi
    try:
        yield agg
    finally:
        fig.dpi = old_dpi
        fig.set_canvas(canvas)


def _encode_frame(rgba: np.ndarray[Any, np.dtype[np.uint8]]) -> str:
    """A drawn RGBA buffer (rows x columns x 4) as a lossless palette WebP ``data:`` URI."""
    from PIL import Image

    rgb = Image.fromarray(rgba).convert("RGB")
    palette = rgb.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="WEBP", lossless=True, quality=WEBP_EFFORT, method=WEBP_METHOD)
    return "data:image/webp;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _render_frames(
    fig: Figure, update: Callable[..., str], combos: list[dict[str, Any]], dpi: float
) -> tuple[list[str], list[str], tuple[int, int]]:
    """Alt texts, frames and pixel size of ``fig`` after ``update(**combo)`` for each combination.

    Each frame is drawn once; a frame whose pixels equal an earlier frame's
    (two slider positions the model maps to the same picture) reuses that
    frame's encoding instead of quantising and encoding it again.
    """
    frames: list[str] = []
    alts: list[str] = []
    seen: dict[bytes, str] = {}
    with _agg_at(fig, dpi) as canvas:
        for kwargs in combos:
            alts.append(update(**kwargs))
            # matplotlib's Agg backend has no type annotations.
            canvas.draw()  # type: ignore[no-untyped-call]
            rgba = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
            key = hashlib.sha256(rgba.data).digest()
            if key not in seen:
                seen[key] = _encode_frame(rgba)
            frames.append(seen[key])
        size = canvas.get_width_height(physical=True)
    return frames, alts, size


def static_explorer(
    fig: Figure,
    update: Callable[..., str],
    controls: Sequence[Control],
    *,
    name: str,
    caption: str = "",
    dpi: float = 100,
) -> StaticExplorer:
    """Render every combination of the controls' values into a kernel-free explorer.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to render. ``update`` changes its artists in place, so each
        frame costs one draw, not a new figure. If the figure is too wide for
        its smallest text to stay :data:`MIN_LABEL_CSS_PX` CSS px tall on a
        phone, it is narrowed to the widest width that keeps it so (its height
        is kept; a figure with a constrained layout re-lays itself out).
    update : callable
        Called with one keyword per control; updates ``fig`` and returns the
        alt text describing that frame.
    controls : sequence of Control
        At most 3 controls; the number of frames is the product of their sizes.
    name : str
        Identifies the figure in the page (``data-tl-frames`` attribute).
    caption : str
        Optional line of text under the sliders.
    dpi : float
        CSS pixels per inch of the figure at its full size (on a wide screen);
        frames are rendered at ``PIXEL_RATIO * dpi`` dots per inch.

    Returns
    -------
    StaticExplorer
        Displays as HTML in notebooks and in the built book.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(4, 2))
    >>> ax = fig.add_subplot()
    >>> (line,) = ax.plot([0, 1], [0, 0])
    >>> def update(slope):
    ...     line.set_ydata([0, slope])
    ...     return f"a line of slope {slope}"
    >>> e = static_explorer(fig, update, [Control("slope", "Slope", (0, 1, 2), 1)], name="demo", dpi=100)
    >>> len(e.frames), e.frames[0][:22], (e.width, e.height), e.min_label_phone_px
    (3, 'data:image/webp;base64', (400, 200), 11.81)

    References
    ----------
    The book's one helper for kernel-free interactive figures; used for
    Putnam's Figure 1 (p. 441) and Figure 2 (p. 447) and every later explorer.
    """
    controls = tuple(controls)
    if not 1 <= len(controls) <= 3:
        raise ValueError(f"controls must hold 1 to 3 controls, got {len(controls)}")
    if not dpi > 0:
        raise ValueError(f"dpi must be positive, got {dpi!r}")
    n = 1
    for c in controls:
        n *= len(c.values)
    if n > 400:
        raise ValueError(f"controls give {n} frames; the accepted range is at most 400")
    width_in, height_in = (float(x) for x in fig.get_size_inches())
    smallest = smallest_text_pt(fig)
    if smallest is not None and _phone_text_px(smallest, width_in) < MIN_LABEL_CSS_PX:
        width_in = smallest / 72.0 * PHONE_IMAGE_CSS_PX / MIN_LABEL_CSS_PX
        fig.set_size_inches(width_in, height_in)
    grid = itertools.product(*(c.values for c in controls))
    combos = [{c.name: v for c, v in zip(controls, combo)} for combo in grid]
    frames, alts, pixels = _render_frames(fig, update, combos, PIXEL_RATIO * dpi)
    # Leave the figure showing the initial state, as the page does on load.
    update(**{c.name: c.initial for c in controls})
    # The CSS size is the frames' pixel size over the pixel ratio, rounded down,
    # so the image always has at least PIXEL_RATIO pixels per CSS pixel.
    width, height = (px // PIXEL_RATIO for px in pixels)
    # On a phone the image is PHONE_IMAGE_CSS_PX wide, or its own CSS width if narrower.
    shown = min(PHONE_IMAGE_CSS_PX, width)
    smallest = smallest_text_pt(fig)
    min_label = float("inf") if smallest is None else smallest / 72.0 * shown / width_in
    digest = hashlib.sha1((name + "".join(alts)).encode()).hexdigest()[:10]
    return StaticExplorer(
        name, controls, frames, alts, caption, f"tl-frames-{name}-{digest}", width, height, round(min_label, 2)
    )


# --- frames as files in the built book (Sphinx extension) ------------------------------


def externalise_frames(page_html: str, write: Callable[[str, bytes], None], url_prefix: str) -> str:
    """Replace every frame's ``data:`` URI in an explorer's HTML by the URL of a file.

    Parameters
    ----------
    page_html : str
        HTML holding one or more explorers (``data-tl-frames``); other HTML is
        returned unchanged.
    write : callable
        ``write(filename, content)`` stores a frame; the file name is the
        SHA-256 of its content (20 hex digits) and its format's extension, so
        identical frames are stored once and a changed frame never reuses an
        old name (no stale caches).
    url_prefix : str
        Prepended to the file name to make the URL (e.g. ``"../_images/tl-frames/"``).

    Returns
    -------
    str
        The HTML with URLs in place of the data.

    Examples
    --------
    >>> store = {}
    >>> out = externalise_frames('<div data-tl-frames="x"><img src="data:image/webp;base64,AAAA"></div>',
    ...                          store.__setitem__, "f/")
    >>> out
    '<div data-tl-frames="x"><img src="f/709e80c88487a2411e1e.webp"></div>'
    >>> store
    {'709e80c88487a2411e1e.webp': b'\\x00\\x00\\x00'}

    References
    ----------
    The book's one helper for kernel-free interactive figures; used for
    Putnam's Figure 1 (p. 441) and Figure 2 (p. 447) and every later explorer.
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
    """Sphinx entry point (``twolevel.viz.frames`` in the book's extensions)."""
    app.connect("doctree-resolved", _externalise_doctree)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
