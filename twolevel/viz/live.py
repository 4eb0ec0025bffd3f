"""Live explorers for JupyterLab: sliders that recompute the model and redraw a figure.

One class, :class:`LiveExplorer`, serves every figure of the book: it takes a
:class:`twolevel.viz.Drawing`, the sliders (:class:`Slider`) and a function
from the sliders' values to the drawing's new state. Each chapter's figure
module has one factory that builds it (``figure1_explorer``,
``figure2_explorer``, ``institutions_explorer``, ``budget_explorer``), and
imports this module (and so ipywidgets) only when it is called. A kernel is
needed; the static book uses :mod:`twolevel.viz.frames` instead.

What a keypress on a slider costs, and why it stays within 60 ms
(``benchmarks/live_latency.py``, ``book/benchmarks.md``):

- **model**: the state function, vectorised model code;
- **redraw**: the drawing's moving artists drawn over its background, which
  was drawn once (:class:`twolevel.viz.drawing.Blitter`), on a layout solved
  once when the explorer is made (:func:`twolevel.viz.drawing.freeze_layout`);
- **encode**: the canvas's pixels as a PNG with zlib's fastest setting
  (``compress_level=1``): the image travels over the kernel's local
  websocket, where a few more kilobytes cost less than the encoder's
  effort (the default level costs several times as much for a file a third
  smaller);
- **transport**: one binary message to the ``ipywidgets.Image`` (the alt
  text follows in a second, small one), which the browser decodes and paints.

Each refresh records its first three parts in :attr:`LiveExplorer.timings`.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ipywidgets as widgets

from .drawing import Blitter, Drawing, State, freeze_layout

__all__ = ["Slider", "LiveExplorer", "DPI"]

S = TypeVar("S", bound=State)

#: Image pixels per inch of a live explorer's figure, shown at one CSS pixel per image pixel.
DPI = 90


@dataclass(frozen=True)
class Slider:
    """One slider of a live explorer: the parameter it sets, its label and its range.

    Examples
    --------
    >>> Slider("quota_y", "Y's ratification quota", 0.5, 0.01, 1.0).step
    0.01

    References
    ----------
    The book's live explorers: Putnam's Figure 1 (p. 441), Figure 2 (p. 447),
    Chapters 6 and 7.
    """

    name: str
    label: str
    value: float
    low: float
    high: float = 1.0
    step: float = 0.01
    fmt: str = ".2f"

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise ValueError(f"name must be a Python identifier, got {self.name!r}")
        if not self.low < self.high:
            raise ValueError(f"slider {self.name!r}: low must be below high, got {self.low!r} and {self.high!r}")
        if not self.low <= self.value <= self.high:
            raise ValueError(f"slider {self.name!r}: value must lie in [{self.low}, {self.high}], got {self.value!r}")


class LiveExplorer(widgets.VBox, Generic[S]):  # type: ignore[misc]  # ipywidgets publishes no type information
    """Sliders, the image of a drawing and its alt text; every slider change recomputes and redraws.

    Parameters
    ----------
    drawing : Drawing
        The figure to move; its layout is solved once here and kept.
    state : callable
        ``state(**values)`` gives the drawing's new state from one keyword
        per slider.
    sliders : sequence of Slider
        The sliders, in the order shown.

    Attributes
    ----------
    sliders : dict of str to ipywidgets.FloatSlider
        The sliders by parameter name.
    image : ipywidgets.Image
        The drawing, as a PNG.
    summary : ipywidgets.HTML
        The drawing's alt text (:meth:`twolevel.viz.State.alt_text`).
    timings : list of tuple of float
        Model, redraw and encode times of each refresh, in milliseconds.

    Examples
    --------
    >>> e = tl.viz.figure1_explorer(quota_y=0.95)
    >>> e.sliders["quota_y"].value, bytes(e.image.value[:4]), "deadlock" in e.summary.value
    (0.95, b'\\x89PNG', True)
    >>> e.sliders["quota_y"].value = 0.5
    >>> "deadlock" in e.summary.value, len(e.timings)
    (False, 2)

    References
    ----------
    The live explorers of Putnam's Figure 1 (p. 441), Figure 2 (p. 447), and
    of Chapters 6 and 7.
    """

    def __init__(self, drawing: Drawing[S], state: Callable[..., S], sliders: Sequence[Slider], *, dpi: float = DPI):
        self.drawing = drawing
        self._state = state
        self.dpi = float(dpi)
        self.timings: list[tuple[float, float, float]] = []
        fig = drawing.figure
        fig.set_dpi(self.dpi)
        freeze_layout(fig)
        # Entered for the explorer's life: its background is drawn once, here.
        self._blit = Blitter(fig.canvas, drawing.moving()).__enter__()  # type: ignore[arg-type]
        self.sliders = {s.name: self._slider(s) for s in sliders}
        # Shown at its natural size: a browser that stretches a PNG blurs its text.
        width = round(fig.get_figwidth() * self.dpi)
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", max_width="100%"))
        self.summary = widgets.HTML()
        for w in self.sliders.values():
            w.observe(self._on_change, names="value")
        super().__init__([*self.sliders.values(), self.image, self.summary])
        self.add_class("tl-explorer")
        self.refresh()

    @staticmethod
    def _slider(s: Slider) -> widgets.FloatSlider:
        return widgets.FloatSlider(
            value=s.value,
            min=s.low,
            max=s.high,
            step=s.step,
            description=s.label,
            continuous_update=True,
            # One width for every label, so that the tracks line up (the longest label fits).
            readout_format=s.fmt,
            style={"description_width": "300px"},
            layout=widgets.Layout(width="620px", max_width="100%"),
        )

    def _on_change(self, _change: object) -> None:
        self.refresh()

    def values(self) -> dict[str, float]:
        """The sliders' values by parameter name."""
        return {name: float(w.value) for name, w in self.sliders.items()}

    def update_figure(self) -> None:
        """Recompute the model and move the artists (no rendering)."""
        self.drawing.update(self._state(**self.values()))

    def refresh(self) -> None:
        """Recompute, redraw, encode and send the new image (and its alt text) to the browser."""
        t0 = time.perf_counter()
        state = self._state(**self.values())
        self.drawing.update(state)
        t1 = time.perf_counter()
        rgb = self._blit.draw()
        t2 = time.perf_counter()
        png = _png(rgb)
        t3 = time.perf_counter()
        self.image.value = png
        self.summary.value = f"<span class='tl-alt'>{self.drawing.state.alt_text()}</span>"
        self.timings.append((1e3 * (t1 - t0), 1e3 * (t2 - t1), 1e3 * (t3 - t2)))


def _png(image: Any) -> bytes:
    """An RGB image as a PNG, with zlib's fastest setting (see the module's docstring)."""
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()
