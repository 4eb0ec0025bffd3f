"""Interactive figures that keep working in a static web page.

A live explorer (:mod:`twolevel.viz.live`) needs a kernel. The built book has
none, so every interactive figure in the book is *also* rendered as a set of
precomputed frames, one per combination of its controls' values, switched by
HTML range inputs and a few lines of inline JavaScript. Nothing is loaded
from the network.

How a frame is made, once per combination of the controls:

- The figure is a :class:`twolevel.viz.Drawing`: its layout is solved once
  (:func:`twolevel.viz.drawing.freeze_layout`) and each frame only moves its
  existing artists, so a frame costs one draw on an Agg canvas, no layout
  solve and no PNG round trip.
- Frames are lossless WebP images reduced to a 64-colour palette (about 20%
  smaller than the same palette as PNG, a quarter of a full-colour PNG, and
  free of the ringing lossy WebP puts around text). The palette is computed
  once per explorer, by median cut over the corner frames of the controls'
  grid and a swatch of every colour of :mod:`twolevel.viz.palette`; each
  frame is then mapped onto it, which costs a hundredth of a median cut.
  A frame whose pixels repeat an earlier one's shares its encoding.
- Frames are rendered at :data:`PIXEL_RATIO` times the size they are shown
  at, so they stay sharp on screens with a device pixel ratio of 2, and the
  figure is narrowed, if needed, until its smallest text is at least
  :data:`MIN_LABEL_CSS_PX` CSS pixels tall on a phone (the image then
  :data:`PHONE_IMAGE_CSS_PX` wide) as on a wide screen.

**Draft frames.** With the environment variable ``TWOLEVEL_DRAFT_FRAMES=1``,
:func:`static_explorer` draws only the frame shown when the page loads; every
other position shows one shared grey placeholder. Every alt text is still
computed from the model, so a test that reads what a page *says* (the
alternative-parameter executions of the chapters) sees the same words, at a
fraction of the cost. A draft explorer is marked ``data-tl-draft="1"`` in
its HTML. Unset, empty or ``0``: full frames; anything else is an error.

Where the frames live:

- In a notebook (JupyterLab, nbclient) the explorer's HTML carries every frame
  as a ``data:`` URI, so the output is self-contained.
- In the built book, the Sphinx extension ``book/_ext/tl_frames.py`` moves
  every frame into its own file, ``_images/tl-frames/<hash>.webp``, and the
  page keeps only their URLs. The page's script loads the current frame and,
  once the reader touches or focuses the explorer, its neighbours along each
  slider; the rest load only when reached.

Chapters call this module through the figure-specific helpers of
:mod:`twolevel.viz` (``figure1_static_explorer`` and the like).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from . import palette
from .drawing import Blitter, canvas_image, freeze_layout

__all__ = [
    "Control",
    "QUOTAS",
    "nearest",
    "StaticExplorer",
    "static_explorer",
    "draft_frames",
    "smallest_text_pt",
    "DRAFT_VARIABLE",
    "MIN_LABEL_CSS_PX",
    "PHONE_IMAGE_CSS_PX",
    "PIXEL_RATIO",
]

#: A quota slider's positions: 0.50 to 1.00 in steps of 0.05 (11 positions; two sliders make 121 frames).
QUOTAS = tuple(round(0.5 + 0.05 * i, 2) for i in range(11))
#: Smallest text in a frame, in CSS pixels, on a phone and on a wide screen.
MIN_LABEL_CSS_PX = 11.0
#: Width of an explorer's image on a 390 px wide phone (the page column, 358 px,
#: less the explorer's own padding; see book/_assets/tl-frames.css), rounded down.
PHONE_IMAGE_CSS_PX = 340.0
#: Frames hold this many image pixels per CSS pixel (sharp on "retina" screens).
PIXEL_RATIO = 2
#: Colours of a frame's palette: enough for anti-aliased text and the shaded regions.
PALETTE_COLOURS = 64
#: Lossless WebP encoder settings: ``method`` (0-6) and ``quality`` (in lossless
#: mode, the compression effort, 0-100). Measured on the book's explorers
#: (book/benchmarks.md): 1 and 10 encode in 45% of the time of 2 and 25 (which took
#: 40% of the time of 4 and 100), for files 15-25% larger; method 0 is no faster
#: and doubles them.
WEBP_METHOD = 1
WEBP_EFFORT = 10
#: The environment variable of the draft switch (see the module's docstring).
DRAFT_VARIABLE = "TWOLEVEL_DRAFT_FRAMES"
#: Grey of a draft explorer's placeholder frames, and how much smaller than a frame they are drawn.
_DRAFT_GREY = (236, 236, 236)
_DRAFT_SHRINK = 16
#: A palette entry this close (in levels of 0-255, on every channel) to a colour of the
#: book's palette, or to white, is set to it exactly.
_SNAP_LEVELS = 8


def draft_frames() -> bool:
    """Whether static explorers render draft frames (``TWOLEVEL_DRAFT_FRAMES=1``).

    Examples
    --------
    >>> import os
    >>> os.environ.pop("TWOLEVEL_DRAFT_FRAMES", None) and None
    >>> draft_frames()
    False
    >>> os.environ["TWOLEVEL_DRAFT_FRAMES"] = "yes"
    >>> draft_frames()
    Traceback (most recent call last):
    ...
    ValueError: TWOLEVEL_DRAFT_FRAMES must be unset, '', '0' or '1', got 'yes'
    >>> del os.environ["TWOLEVEL_DRAFT_FRAMES"]

    References
    ----------
    The book's one helper for kernel-free interactive figures (:func:`static_explorer`).
    """
    value = os.environ.get(DRAFT_VARIABLE, "").strip()
    if value not in ("", "0", "1"):
        raise ValueError(f"{DRAFT_VARIABLE} must be unset, '', '0' or '1', got {value!r}")
    return value == "1"


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
            raise ValueError(f"initial of control {self.name!r} must be one of its values {vals}, got {self.initial!r}")

    @property
    def initial_index(self) -> int:
        return min(range(len(self.values)), key=lambda i: abs(self.values[i] - float(self.initial)))


def nearest(values: Sequence[float], value: float) -> float:
    """The position among ``values`` nearest to ``value`` (the first of ties): where a slider starts.

    A static explorer's slider can only start at one of its positions; it
    starts at the one nearest to the scenario's value. No positions give 0.0,
    which :class:`Control` then refuses, naming the control.

    Parameters
    ----------
    values : sequence of float
        The slider's positions.
    value : float
        The scenario's value.

    Returns
    -------
    float
        One of ``values``.

    Examples
    --------
    >>> nearest((0.5, 0.55, 0.6), 0.58), nearest((0.0, 0.1), 0.05)
    (0.6, 0.0)

    References
    ----------
    The static explorers of the book's Chapters 6 and 7.
    """
    return min(values, key=lambda v: abs(v - value)) if values else 0.0


@dataclass
class StaticExplorer:
    """Precomputed frames of a figure and the HTML that switches between them.

    Displaying the object in a notebook (or in a page built by myst-nb) shows the
    figure with one range input per control. ``frames`` (``data:`` URIs) and
    ``alts`` are kept so tests can check what was rendered; ``width`` and
    ``height`` are the frames' size in CSS pixels at full size (their pixel
    size divided by :data:`PIXEL_RATIO`); ``min_label_px`` is the height of
    the smallest text, in CSS pixels, at that size, and ``min_label_phone_px``
    on a phone, where the image is :data:`PHONE_IMAGE_CSS_PX` wide (or
    ``width``, if narrower). ``draft`` marks draft frames (:func:`draft_frames`).

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
    min_label_px: float = 0.0
    draft: bool = False
    caption_html: str = ""

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
        words = self.caption_html or html.escape(self.caption)
        caption = f'<div class="tl-frames-caption">{words}</div>' if words else ""
        payload = json.dumps(data).replace("</", "<\\/")
        size = f' width="{self.width}" height="{self.height}"' if self.width and self.height else ""
        draft = ' data-tl-draft="1"' if self.draft else ""
        # The smallest text's height in CSS px at the image's own width: a browser test scales it
        # by the width the page gives the image (tests/browser/test_chart_text.py).
        text = f' data-tl-text-px="{self.min_label_px:g}"' if self.min_label_px else ""
        return (
            f'<div class="tl-frames" id="{self.dom_id}" data-tl-frames="{html.escape(self.name)}"{draft}{text} '
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
    each frame cost a single draw and no PNG round trip.
    """
    canvas, old_dpi = fig.canvas, fig.dpi
    agg = FigureCanvasAgg(fig)
    fig.dpi = dpi
    try:
        yield agg
    finally:
        fig.dpi = old_dpi
        fig.set_canvas(canvas)


Pixels = npt.NDArray[np.uint8]


def _draw(canvas: FigureCanvasAgg) -> Image.Image:
    """The figure drawn once on ``canvas``, as an RGB image (a copy)."""
    # matplotlib's Agg backend has no type annotations.
    canvas.draw()  # type: ignore[no-untyped-call]
    return canvas_image(canvas)


def _swatches(width: int) -> Pixels:
    """Rows of solid blocks of every colour of the palette as seen on the page, with black and greys.

    Each block holds as many pixels as a thin line across the frame, so that
    median cut gives a colour of the book's palette its own entry even when
    the frames the palette is computed from do not show it (a deadlock's red
    status line, say).
    """
    from matplotlib.colors import to_rgb

    seen = [palette.as_seen(c, a) for c, a in palette.COLOURS.values()]
    seen += [to_rgb(g) for g in ("black", "0.25", "0.5", "0.75")]
    rows = np.array([[round(255 * v) for v in rgb] for rgb in seen], dtype=np.uint8)
    return np.repeat(rows[:, None, :], width, axis=1).repeat(8, axis=0)


def _palette_of(samples: list[Image.Image]) -> Image.Image:
    """The PALETTE_COLOURS-colour palette image (mode P) of some frames and the book's colours."""
    width = samples[0].size[0]
    swatches = _swatches(width)
    stacked = np.concatenate([*(np.asarray(s) for s in samples), swatches], axis=0)
    image = Image.fromarray(stacked).quantize(
        colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    # Median cut gives a box of colours their mean: the page's white would come out a
    # shade of grey. Entries within a few levels of a colour the figures draw with
    # (the swatches, and white) become that colour exactly.
    exact = np.unique(np.concatenate([swatches[::8, 0], [[255, 255, 255]]]), axis=0).astype(int)
    entries = np.array((image.getpalette() or [])[: 3 * PALETTE_COLOURS], dtype=int).reshape(-1, 3)
    gap = np.abs(entries[:, None, :] - exact[None, :, :]).max(axis=2)
    near = gap.min(axis=1) <= _SNAP_LEVELS
    entries[near] = exact[gap.argmin(axis=1)[near]]
    image.putpalette(entries.astype(np.uint8).ravel().tolist())
    return image


def _encode(image: Image.Image) -> str:
    """A PIL image as a lossless WebP ``data:`` URI."""
    out = io.BytesIO()
    image.save(out, format="WEBP", lossless=True, quality=WEBP_EFFORT, method=WEBP_METHOD)
    return "data:image/webp;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _encode_frame(rgb: Image.Image, palette_image: Image.Image) -> str:
    """A drawn RGB frame mapped onto the explorer's palette, as a lossless palette WebP ``data:`` URI."""
    return _encode(rgb.quantize(palette=palette_image, dither=Image.Dither.NONE))


def _placeholder(size: tuple[int, int]) -> str:
    """The grey frame a draft explorer shows at every position but its first (a sixteenth of the size)."""
    w, h = (max(1, v // _DRAFT_SHRINK) for v in size)
    return _encode(Image.new("RGB", (w, h), _DRAFT_GREY))


def _corners(controls: Sequence[Control]) -> list[dict[str, float]]:
    """The combinations at the corners of the controls' grid (first and last value of each)."""
    ends = [(c.values[0], c.values[-1]) for c in controls]
    return [{c.name: v for c, v in zip(controls, combo, strict=False)} for combo in itertools.product(*ends)]


def _render_frames(
    fig: Figure,
    update: Callable[..., str],
    combos: list[dict[str, Any]],
    initial: dict[str, float],
    controls: Sequence[Control],
    dpi: float,
    draft: bool,
    moving: Sequence[Artist],
) -> tuple[list[str], list[str], tuple[int, int]]:
    """Alt texts, frames and pixel size of ``fig`` after ``update(**combo)`` for each combination.

    The palette is computed first, from the initial frame and the corners of
    the grid (:func:`_palette_of`). Each frame is then drawn once: the
    ``moving`` artists over a background drawn once (:class:`Blitter`), or
    the whole figure if none are named. A frame whose pixels equal an
    earlier frame's (two slider positions the model maps to the same picture)
    reuses that frame's encoding. In draft mode only the initial combination
    is drawn and every other frame is the placeholder.
    """
    frames: list[str] = []
    alts: list[str] = []
    seen: dict[bytes, str] = {}
    with _agg_at(fig, dpi) as canvas, Blitter(canvas, moving) if moving else nullcontext() as blit:

        def draw() -> Image.Image:
            return blit.draw() if blit is not None else _draw(canvas)

        update(**initial)
        first = draw()
        size = canvas.get_width_height(physical=True)
        if draft:
            pal = _palette_of([first])
            start, blank = _encode_frame(first, pal), _placeholder(size)
            for kwargs in combos:
                alts.append(update(**kwargs))
                frames.append(start if kwargs == initial else blank)
            return frames, alts, size
        samples = [first]
        for corner in _corners(controls):
            update(**corner)
            samples.append(draw())
        pal = _palette_of(samples)
        del samples
        for kwargs in combos:
            alts.append(update(**kwargs))
            rgb = draw()
            key = hashlib.sha256(rgb.tobytes()).digest()
            if key not in seen:
                seen[key] = _encode_frame(rgb, pal)
            frames.append(seen[key])
    return frames, alts, size


def static_explorer(
    fig: Figure,
    update: Callable[..., str],
    controls: Sequence[Control],
    *,
    name: str,
    caption: str = "",
    caption_html: str = "",
    dpi: float = 100,
    moving: Sequence[Artist] = (),
) -> StaticExplorer:
    """Render every combination of the controls' values into a kernel-free explorer.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to render. ``update`` changes its artists in place, so each
        frame costs one draw, not a new figure. If the figure is too wide for
        its smallest text to stay :data:`MIN_LABEL_CSS_PX` CSS px tall on a
        phone, it is narrowed to the widest width that keeps it so (its height
        is kept). Its layout is then solved once and frozen
        (:func:`twolevel.viz.drawing.freeze_layout`).
    update : callable
        Called with one keyword per control; updates ``fig`` and returns the
        alt text describing that frame.
    controls : sequence of Control
        At most 3 controls; the number of frames is the product of their sizes.
    name : str
        Identifies the figure in the page (``data-tl-frames`` attribute).
    caption : str
        Optional line of text under the sliders.
    caption_html : str
        The same as trusted HTML (for a superscript, say), used instead of
        ``caption`` when given.
    dpi : float
        CSS pixels per inch of the figure at its full size (on a wide screen);
        frames are rendered at ``PIXEL_RATIO * dpi`` dots per inch.
    moving : sequence of Artist
        The artists ``update`` changes, and those above them
        (:meth:`twolevel.viz.Drawing.moving`): the rest is drawn once, and each
        frame draws only these over it. Empty: every frame is drawn whole.

    Returns
    -------
    StaticExplorer
        Displays as HTML in notebooks and in the built book. With
        ``TWOLEVEL_DRAFT_FRAMES=1`` (:func:`draft_frames`) only its initial
        frame is drawn.

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
    draft = draft_frames()
    width_in, height_in = (float(x) for x in fig.get_size_inches())
    smallest = smallest_text_pt(fig)
    if smallest is not None and _phone_text_px(smallest, width_in) < MIN_LABEL_CSS_PX:
        width_in = smallest / 72.0 * PHONE_IMAGE_CSS_PX / MIN_LABEL_CSS_PX
        fig.set_size_inches(width_in, height_in)
    freeze_layout(fig)
    grid = itertools.product(*(c.values for c in controls))
    combos = [{c.name: v for c, v in zip(controls, combo, strict=False)} for combo in grid]
    initial = {c.name: c.values[c.initial_index] for c in controls}
    frames, alts, pixels = _render_frames(fig, update, combos, initial, controls, PIXEL_RATIO * dpi, draft, moving)
    # Leave the figure showing the initial state, as the page does on load.
    update(**initial)
    # The CSS size is the frames' pixel size over the pixel ratio, rounded down,
    # so the image always has at least PIXEL_RATIO pixels per CSS pixel.
    width, height = (px // PIXEL_RATIO for px in pixels)
    # On a phone the image is PHONE_IMAGE_CSS_PX wide, or its own CSS width if narrower.
    shown = min(PHONE_IMAGE_CSS_PX, width)
    smallest = smallest_text_pt(fig)
    min_label = float("inf") if smallest is None else smallest / 72.0 * shown / width_in
    min_full = float("inf") if smallest is None else smallest / 72.0 * width / width_in
    digest = hashlib.sha1((name + "".join(alts)).encode()).hexdigest()[:10]
    return StaticExplorer(
        name,
        controls,
        frames,
        alts,
        caption,
        f"tl-frames-{name}-{digest}",
        width,
        height,
        round(min_label, 2),
        round(min_full, 2),
        draft,
        caption_html,
    )
