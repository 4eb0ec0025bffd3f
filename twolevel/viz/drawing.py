"""What every figure of :mod:`twolevel.viz` that moves is: a state, and a drawing that follows it.

A *state* is everything one picture shows, computed by the model (a frozen
dataclass such as :class:`twolevel.viz.Figure1State`), and can describe
itself for a screen reader. A *drawing* owns one matplotlib figure, laid out
once, and :meth:`Drawing.update` moves its existing artists to a new state
(no artist is created or removed, no layout is solved again). The static
explorers (:mod:`twolevel.viz.frames`) and the live ones
(:mod:`twolevel.viz.live`) take any drawing with these members, so a new
chapter's figure needs only a state and a drawing.

A drawing also names the artists that :meth:`Drawing.update` may change
(:meth:`Drawing.moving`), with any artist drawn above them. An explorer then
draws everything else once, as a background (axes, ticks, labels, legends:
most of a figure's drawing time), and each new picture costs the background
copied back and the moving artists drawn over it (:class:`Blitter`, the
technique matplotlib's own animations call blitting).

Examples
--------
>>> from twolevel.viz import Drawing, Figure1, figure1_state
>>> isinstance(Figure1(figure1_state()), Drawing)
True

References
----------
The book's figures of Putnam (1988): Figure 1 (p. 441), Figure 2 (p. 447)
and the explorers of Chapters 6 and 7.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar, runtime_checkable

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from PIL import Image

__all__ = ["State", "Drawing", "Blitter", "canvas_image", "freeze_layout", "axes_content"]


@runtime_checkable
class State(Protocol):
    """Everything one picture shows; :meth:`alt_text` describes it in words.

    Examples
    --------
    >>> from twolevel.viz import State, figure1_state
    >>> isinstance(figure1_state(), State)
    True

    References
    ----------
    The states of Putnam's Figure 1 (p. 441), Figure 2 (p. 447) and the book's later figures.
    """

    def alt_text(self) -> str:
        """The picture in words, with its numbers, for screen readers."""
        ...


S = TypeVar("S", bound=State)


@runtime_checkable
class Drawing(Protocol[S]):
    """A matplotlib figure whose artists follow a state.

    Examples
    --------
    >>> from twolevel.viz import Drawing, InstitutionsFigure, institutions_state
    >>> d = InstitutionsFigure(institutions_state())
    >>> isinstance(d, Drawing), d.moving()[0].axes is d.ax
    (True, True)

    References
    ----------
    The drawings of Putnam's Figure 1 (p. 441), Figure 2 (p. 447) and the book's later figures.
    """

    @property
    def figure(self) -> Figure:
        """The figure (an Agg canvas, no pyplot state)."""
        ...

    @property
    def state(self) -> S:
        """The state shown now."""
        ...

    def update(self, state: S) -> None:
        """Move the existing artists to ``state``."""
        ...

    def moving(self) -> Sequence[Artist]:
        """The artists :meth:`update` may change, and those drawn above them, in drawing order."""
        ...


def freeze_layout(fig: Figure) -> None:
    """Solve ``fig``'s layout once and keep it: later draws skip the layout engine.

    A drawing whose artists move within fixed axes needs its layout only
    once. A constrained layout solved on every draw costs about a third of
    a frame (measured on Chapter 7's budget figure) and would let the axes
    jump as labels change length.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(layout="constrained")
    >>> _ = fig.add_subplot().set_xlabel("X's share")
    >>> freeze_layout(fig)
    >>> type(fig.get_layout_engine()).__name__
    'PlaceHolderLayoutEngine'

    References
    ----------
    Issue 16 of the project: frames drawn on a fixed layout, no constrained-layout solve per frame.
    """
    if fig.get_layout_engine() is not None:
        # Twice: the second pass starts from the first one's positions, as every later one would.
        fig.draw_without_rendering()
        fig.draw_without_rendering()
        fig.set_layout_engine("none")


def axes_content(*axes: Axes) -> list[Artist]:
    """Everything drawn inside ``axes``: their children but the axes' background, axes and legends.

    The usual :meth:`Drawing.moving` of a drawing whose ticks, axis labels and
    legends stay put: those (most of a figure's drawing time) are drawn once.
    A figure whose ticks move too (a scale that follows the data) adds that
    axis itself.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> _ = ax.plot([0, 1]); _ = ax.set_title("t"); _ = ax.legend(["a"])
    >>> sorted({type(a).__name__ for a in axes_content(ax)})
    ['Line2D', 'Spine', 'Text']

    References
    ----------
    The book's explorers of Putnam's Figure 1 (p. 441), Figure 2 (p. 447)
    and of Chapters 6 and 7.
    """
    out: list[Artist] = []
    for ax in axes:
        out += [a for a in ax.get_children() if a is not ax.patch and not isinstance(a, (Axis, Legend))]
    return out


class Blitter:
    """Draw a figure's still parts once, then each new picture as the moving artists over them.

    Inside the ``with`` block the moving artists are *animated* (the
    figure's own draw leaves them out); entering draws the background and
    keeps a copy of its pixels; :meth:`draw` puts the copy back and draws the
    moving artists over it, in order of their ``zorder`` (ties in the order
    given), and returns the picture. Leaving the block makes them ordinary
    artists again. The picture equals a full draw wherever no still artist
    lies above a moving one, which is why a drawing's
    :meth:`Drawing.moving` includes those too.

    Parameters
    ----------
    canvas : FigureCanvasAgg
        The Agg canvas the figure is drawn on (at its final resolution).
    moving : sequence of Artist
        The artists drawn again for every picture.

    Examples
    --------
    >>> from matplotlib.backends.backend_agg import FigureCanvasAgg
    >>> from twolevel.viz import Figure1, figure1_state
    >>> d = Figure1(figure1_state())
    >>> canvas = FigureCanvasAgg(d.figure)
    >>> freeze_layout(d.figure)
    >>> with Blitter(canvas, d.moving()) as blit:
    ...     d.update(figure1_state(quota_y=0.9))
    ...     fast = blit.draw()
    >>> canvas.draw()
    >>> fast.tobytes() == canvas_image(canvas).tobytes()
    True

    References
    ----------
    The book's explorers of Putnam's Figure 1 (p. 441), Figure 2 (p. 447)
    and of Chapters 6 and 7.
    """

    def __init__(self, canvas: FigureCanvasAgg, moving: Sequence[Artist]):
        self.canvas = canvas
        self.moving = sorted(moving, key=lambda a: a.get_zorder())
        self._background: Any = None

    def __enter__(self) -> Blitter:
        for a in self.moving:
            a.set_animated(True)
        self.canvas.draw()  # type: ignore[no-untyped-call]
        self._background = self.canvas.copy_from_bbox(self.canvas.figure.bbox)  # type: ignore[no-untyped-call]
        return self

    def __exit__(self, *exc: object) -> None:
        for a in self.moving:
            a.set_animated(False)
        self._background = None

    def draw(self) -> Image.Image:
        """The new picture (an RGB image, a copy): the background and the moving artists."""
        if self._background is None:
            raise RuntimeError("Blitter.draw must be called inside its with block")
        self.canvas.restore_region(self._background)  # type: ignore[no-untyped-call]
        renderer = self.canvas.get_renderer()  # type: ignore[no-untyped-call]
        for a in self.moving:
            a.draw(renderer)
        return canvas_image(self.canvas)


def canvas_image(canvas: FigureCanvasAgg) -> Image.Image:
    """What ``canvas`` holds now, as an RGB image (a copy; the canvas's buffer is reused by its next draw).

    Pillow converts the RGBA buffer in one pass, several times faster than
    slicing it in numpy and copying the slice.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(1, 1), dpi=10)
    >>> canvas = FigureCanvasAgg(fig)
    >>> canvas.draw()
    >>> canvas_image(canvas).size, canvas_image(canvas).mode
    ((10, 10), 'RGB')

    References
    ----------
    The book's explorers of Putnam's Figure 1 (p. 441), Figure 2 (p. 447)
    and of Chapters 6 and 7.
    """
    width, height = canvas.get_width_height(physical=True)
    rgba = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    return Image.frombuffer("RGBA", (width, height), rgba, "raw", "RGBA", 0, 1).convert("RGB")
