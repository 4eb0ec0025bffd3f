"""The line of X's shares that Putnam's Figure 1 is drawn on, shared by every figure that draws one.

Figure 1 (:mod:`twolevel.viz.winsets`, Chapter 4) and the institutions figure
(:mod:`twolevel.viz.institutions`, Chapter 6) put the division of the stake on
one horizontal axis, ``XM`` (X's share 1) on the left and ``YM`` (X's share 0)
on the right, and shade the range of agreements both sides would ratify. Both
draw that axis and that range here, so that the two chapters' pictures say
the same thing the same way.

Examples
--------
>>> from matplotlib.figure import Figure
>>> from twolevel.viz.share_line import share_axis
>>> ax = Figure().add_subplot()
>>> share_axis(ax, pad=0.04)
>>> [float(x) for x in ax.get_xlim()], ax.get_xlabel()
([1.04, -0.04], "X's share of the stake (Y gets the rest)")

References
----------
Putnam (1988), Figure 1, p. 441. Book: chapters 4 and 6.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from ..winsets import WinSet
from . import palette

__all__ = ["share_axis", "show_feasible"]


def share_axis(ax: Axes, *, pad: float) -> None:
    """Make ``ax``'s horizontal axis the line of X's shares, from ``XM`` (1) on the left to ``YM`` (0).

    Ticks every quarter, the left, right and top spines hidden, and
    ``pad`` (share units) of room beyond each end. The vertical axis is the
    caller's.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to lay out.
    pad : float
        Room beyond ``XM`` and ``YM``, in share units.

    Returns
    -------
    None

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> share_axis(ax, pad=0.06)
    >>> [float(x) for x in ax.get_xlim()], ax.spines["left"].get_visible(), ax.get_xticks().tolist()
    ([1.06, -0.06], False, [1.0, 0.75, 0.5, 0.25, 0.0])

    References
    ----------
    Putnam (1988), Figure 1, p. 441: XM on the left, YM on the right.
    """
    ax.set_xlim(1.0 + pad, -pad)  # XM (x = 1) on the left, as Putnam draws it
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_xticks([1.0, 0.75, 0.5, 0.25, 0.0])
    ax.set_xlabel("X's share of the stake (Y gets the rest)", fontsize=11)
    ax.tick_params(labelsize=11)


def show_feasible(band: Rectangle, status: Text, feasible: WinSet) -> bool:
    """Shade ``band`` over the agreements both sides ratify and say so in ``status``; False under deadlock.

    Parameters
    ----------
    band : matplotlib.patches.Rectangle
        A vertical span (``Axes.axvspan``) on the line of X's shares.
    status : matplotlib.text.Text
        The figure's title, which names the range or the deadlock.
    feasible : WinSet
        The overlap of the two win-sets (:func:`twolevel.overlap`).

    Returns
    -------
    bool
        Whether any agreement is feasible.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> band, title = ax.axvspan(0, 0), ax.set_title("")
    >>> show_feasible(band, title, tl.WinSet(0.3, 0.4)), title.get_text()
    (True, "Feasible: X's share from 0.30 to 0.40")
    >>> show_feasible(band, title, tl.WinSet.empty()), band.get_visible()
    (False, False)

    References
    ----------
    Putnam (1988), pp. 440-441 (no agreement when the win-sets do not overlap). Book: chapters 4 and 6.
    """
    if feasible.is_empty:
        band.set_visible(False)
        status.set_text("Deadlock: the win-sets do not overlap")
        status.set_color(palette.DEADLOCK)
        return False
    lo, hi = feasible.lo, feasible.hi
    band.set_visible(True)
    band.set_x(lo)
    band.set_width(hi - lo)
    status.set_text(f"Feasible: X's share from {lo:.2f} to {hi:.2f}")
    status.set_color(palette.AGREEMENT)
    return True
