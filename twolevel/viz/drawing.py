"""What every figure of :mod:`twolevel.viz` that moves is: a state, and a drawing that follows it.

A *state* is everything one picture shows, computed by the model (a frozen
dataclass such as :class:`twolevel.viz.Figure1State`), and can describe
itself for a screen reader. A *drawing* owns one matplotlib figure, laid out
once, and :meth:`Drawing.update` moves its existing artists to a new state
(no artist is created or removed, no layout is solved again). The static
explorers (:mod:`twolevel.viz.frames`) and the live ones
(:mod:`twolevel.viz.live`) take any drawing with these members, so a new
chapter's figure needs only a state and a drawing.

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

from typing import Protocol, TypeVar, runtime_checkable

from matplotlib.figure import Figure

__all__ = ["State", "Drawing", "freeze_layout"]


@runtime_checkable
class State(Protocol):
    """Everything one picture shows; :meth:`alt_text` describes it in words."""

    def alt_text(self) -> str:
        """The picture in words, with its numbers, for screen readers."""
        ...


S = TypeVar("S", bound=State)


@runtime_checkable
class Drawing(Protocol[S]):
    """A matplotlib figure whose artists follow a state."""

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
    """
    if fig.get_layout_engine() is not None:
        # Twice: the second pass starts from the first one's positions, as every later one would.
        fig.draw_without_rendering()
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
