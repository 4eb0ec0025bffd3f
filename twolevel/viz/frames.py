"""Interactive figures that keep working in a static web page.

A live ipywidgets explorer needs a kernel. The built book has none, so every
interactive figure in the book is *also* rendered as a small set of
precomputed frames, one per combination of its controls' values, switched by
HTML range inputs and a few lines of inline JavaScript. Nothing is loaded
from the network: the frames are PNG data URIs inside the page.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from matplotlib.figure import Figure

__all__ = ["Control", "StaticExplorer", "static_explorer"]


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
        Format string for the value shown next to the slider.
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
    figure with one range input per control. ``frames`` and ``alts`` are kept so
    tests can check what was rendered.
    """

    name: str
    controls: tuple[Control, ...]
    frames: list[str]
    alts: list[str]
    caption: str = ""
    dom_id: str = field(default="")

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
            rows.append(
                f'<label class="tl-frames-control">'
                f'<span class="tl-frames-label">{html.escape(c.label)}</span> '
                f'<input type="range" min="0" max="{len(c.values) - 1}" step="1" value="{i0}" '
                f'data-param="{c.name}" data-axis="{k}" aria-label="{html.escape(c.label)}"> '
                f'<output class="tl-frames-value" aria-live="polite">{html.escape(c.fmt.format(c.values[i0]))}</output>'
                f"</label>"
            )
        caption = f'<div class="tl-frames-caption">{html.escape(self.caption)}</div>' if self.caption else ""
        payload = json.dumps(data).replace("</", "<\\/")
        return (
            f'<div class="tl-frames" id="{self.dom_id}" data-tl-frames="{html.escape(self.name)}">'
            f'<img class="tl-frames-image" src="{self.frames[start]}" alt="{html.escape(self.alts[start])}" '
            f'style="max-width:100%;height:auto">'
            f'<div class="tl-frames-controls">{"".join(rows)}</div>{caption}'
            f'<script type="application/json" class="tl-frames-data">{payload}</script>'
            f"<script>{_SCRIPT % json.dumps(self.dom_id)}</script>"
            f"</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()


# Kept tiny and dependency-free on purpose: it must run in any browser, offline.
_SCRIPT = """(function () {
  var root = document.getElementById(%s);
  if (!root || root.dataset.tlReady) { return; }
  root.dataset.tlReady = "1";
  var data = JSON.parse(root.querySelector(".tl-frames-data").textContent);
  var img = root.querySelector(".tl-frames-image");
  var inputs = root.querySelectorAll("input[type=range]");
  function show() {
    var idx = 0;
    for (var k = 0; k < inputs.length; k++) {
      var pos = parseInt(inputs[k].value, 10);
      idx = idx * data.shape[k] + pos;
      inputs[k].parentNode.querySelector("output").textContent = data.labels[k][pos];
    }
    img.src = data.frames[idx];
    img.alt = data.alts[idx];
    root.dataset.frame = String(idx);
  }
  for (var k = 0; k < inputs.length; k++) { inputs[k].addEventListener("input", show); }
  show();
})();"""


def _png_data_uri(fig: Figure, dpi: float) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


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
        frame costs one draw, not a new figure.
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
        Resolution of each frame.

    Returns
    -------
    StaticExplorer
        Displays as HTML in notebooks and in the built book.
    """
    controls = tuple(controls)
    if not 1 <= len(controls) <= 3:
        raise ValueError(f"controls must hold 1 to 3 controls, got {len(controls)}")
    n = 1
    for c in controls:
        n *= len(c.values)
    if n > 400:
        raise ValueError(f"controls give {n} frames; the accepted range is at most 400")
    frames: list[str] = []
    alts: list[str] = []
    for combo in itertools.product(*(c.values for c in controls)):
        kwargs: dict[str, Any] = {c.name: v for c, v in zip(controls, combo)}
        alts.append(update(**kwargs))
        frames.append(_png_data_uri(fig, dpi))
    # Leave the figure showing the initial state, as the page does on load.
    update(**{c.name: c.initial for c in controls})
    digest = hashlib.sha1((name + "".join(alts)).encode()).hexdigest()[:10]
    return StaticExplorer(name, controls, frames, alts, caption, dom_id=f"tl-frames-{name}-{digest}")
