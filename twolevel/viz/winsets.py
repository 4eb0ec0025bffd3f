r"""Chapter 4: Putnam's Figure 1, "Effects of reducing win-set size" (p. 441), drawn from the model.

A horizontal line runs from ``XM`` (X's best outcome, :math:`x = 1`) on the
left to ``YM`` (Y's best, :math:`x = 0`) on the right. ``X1`` and ``Y1`` are
"the minimal outcomes that could be ratified"; as Y's win-set contracts (a
larger ratification majority) its boundary moves to ``Y2`` and then ``Y3``,
beyond ``X1``: deadlock. Every position here is computed by
:func:`twolevel.win_set` from constituencies with uniformly spread reservation
values (the scenario :class:`twolevel.Figure1Params`); nothing is placed by
hand. Labels that would overlap are stacked above one another; their
positions along the line stay exact.

The chart (:func:`putnam_figure1`), the static explorer
(:func:`figure1_static_explorer`) and the live one (:func:`figure1_explorer`)
take the same scenario object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from ..scenario import Figure1Params, with_overrides
from ..winsets import WinSet, overlap, win_set
from . import palette
from .drawing import axes_content
from .frames import QUOTAS, Control, StaticExplorer, static_explorer
from .share_line import share_axis, show_feasible

if TYPE_CHECKING:
    from .live import LiveExplorer

__all__ = [
    "Figure1State",
    "figure1_state",
    "Figure1",
    "putnam_figure1",
    "figure1_static_explorer",
    "figure1_explorer",
    "Y_STAGES",
]

#: The quotas Putnam's text associates with Y1, Y2 and Y3: a simple majority,
#: "a larger majority" (two-thirds, as for treaties in the U.S. Senate) and unanimity.
Y_STAGES = {"Y1": 0.5, "Y2": 2.0 / 3.0, "Y3": 1.0}


#: What each slider moves, as the static and the live explorer label it.
LABELS = {
    "quota_y": "Y's ratification quota",
    "quota_x": "X's ratification quota",
    "spread_y": "Y's reservation spread",
    "spread_x": "X's reservation spread",
}

#: Heights (data units) of the label rows above the line, lowest first.
_ROWS = (0.28, 0.62, 0.96, 1.30)


@dataclass(frozen=True)
class Figure1State:
    """Everything Figure 1 shows, in X's-share units (1 = XM, 0 = YM).

    Examples
    --------
    >>> from twolevel.viz import figure1_state
    >>> s = figure1_state(quota_y=2 / 3)
    >>> round(s.x1, 2), round(s.y_bound, 2), s.feasible.is_empty
    (0.3, 0.4, False)

    References
    ----------
    Putnam (1988), Figure 1, p. 441. Book: proposition ``prop-schelling`` (chapter 4).
    """

    x1: float
    y_bound: float
    y_stages: dict[str, float]
    feasible: WinSet
    params: Figure1Params

    @property
    def quota_x(self) -> float:
        """X's ratification quota."""
        return self.params.quota_x

    @property
    def quota_y(self) -> float:
        """Y's ratification quota."""
        return self.params.quota_y

    def alt_text(self) -> str:
        """The figure in words, with every position, for screen readers."""
        stages = ", ".join(f"{k} at {v:.2f}" for k, v in self.y_stages.items())
        if self.feasible.is_empty:
            tail = "the win-sets do not overlap: deadlock"
        else:
            tail = f"feasible agreements run from {self.feasible.lo:.2f} to {self.feasible.hi:.2f}"
        return (
            f"Figure 1, effects of reducing win-set size: a line from XM (X's share 1) to YM (X's share 0). "
            f"X1 at {self.x1:.2f} (X's quota {self.quota_x:.2f}); Y's win-set boundary at {self.y_bound:.2f} "
            f"(Y's quota {self.quota_y:.2f}); {stages}; {tail}."
        )


def figure1_state(params: Figure1Params | None = None, **overrides: float) -> Figure1State:
    """Compute Figure 1 from its scenario (:class:`twolevel.Figure1Params`).

    Parameters
    ----------
    params : Figure1Params, optional
        The scenario (default: ``Figure1Params()``).
    **overrides
        Parameters of :class:`twolevel.Figure1Params` to replace, validated
        again: ``figure1_state(quota_y=0.7)``.

    Returns
    -------
    Figure1State
        X1, Y's boundary, Y1-Y3 and the feasible range.

    Examples
    --------
    >>> from twolevel.viz import figure1_state
    >>> s = figure1_state(tl.Figure1Params(quota_y=1.0))
    >>> s.feasible.is_empty, {k: round(v, 2) for k, v in s.y_stages.items()}
    (True, {'Y1': 0.55, 'Y2': 0.4, 'Y3': 0.1})

    References
    ----------
    Putnam (1988), pp. 440-441 (Figure 1). Book: proposition ``prop-schelling`` (chapter 4).
    """
    p = with_overrides(Figure1Params, params, overrides)
    cx, cy = p.constituencies()
    wx = win_set(cx, p.quota_x, "X")
    wy = win_set(cy, p.quota_y, "Y")
    stages = {k: 1.0 - float(cy.pivot(q)) for k, q in Y_STAGES.items()}
    return Figure1State(wx.lo, wy.hi, stages, overlap(wx, wy), p)


def stack_labels(texts: Sequence[Text], xs: Sequence[float], rows: Sequence[float], pad_pt: float = 3.0) -> list[int]:
    """Put each text at ``xs[i]`` on the lowest row where it overlaps no text placed before it.

    ``texts`` are centred horizontally on their positions; they are placed
    in order, so the first ones keep the lowest rows. Widths are measured in
    the axes' data units with the figure's renderer, so the stacking holds at
    any resolution of the same figure. Returns each text's row.

    Examples
    --------
    >>> from twolevel.viz import Figure1, figure1_state
    >>> d = Figure1(figure1_state(quota_x=1.0))
    >>> d.rows["X1"], d.rows["Y1"]  # X's pivot meets Y1 under unanimity in X: one above the other
    (0, 1)

    References
    ----------
    Putnam (1988), Figure 1, p. 441: X1 and Y1-Y3 are labelled at their own positions.
    """
    if len(texts) != len(xs):
        raise ValueError(f"texts and xs must have the same length, got {len(texts)} and {len(xs)}")
    if not texts:
        return []
    ax = texts[0].axes
    if ax is None:
        raise ValueError("texts must be drawn in axes")
    fig = texts[0].get_figure(root=True)
    assert fig is not None
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    to_data = ax.transData.inverted()
    pad = pad_pt / 72.0 * fig.dpi
    placed: list[list[tuple[float, float]]] = [[] for _ in rows]
    out = []
    for text, x in zip(texts, xs, strict=False):
        box = text.get_window_extent(renderer)
        (x0, _), (x1, _) = to_data.transform([(box.x0 - pad, 0.0), (box.x1 + pad, 0.0)])
        half = abs(x1 - x0) / 2.0
        lo, hi = x - half, x + half
        row = next((r for r, spans in enumerate(placed) if all(hi <= a or lo >= b for a, b in spans)), len(rows) - 1)
        placed[row].append((lo, hi))
        text.set_position((x, rows[row]))
        out.append(row)
    return out


class Figure1:
    """A reusable drawing of Figure 1 whose artists are updated, never rebuilt.

    ``Figure1(state).figure`` is a matplotlib Figure (Agg canvas, no pyplot
    state). :meth:`update` moves the existing artists to a new state, which is
    what the live explorer and the static frames do on every change. Labels
    that would overlap are stacked (:func:`stack_labels`); ``rows`` holds
    each label's row.

    Examples
    --------
    >>> from twolevel.viz import Figure1, figure1_state
    >>> drawing = Figure1(figure1_state())
    >>> n = len(drawing.ax.get_children())
    >>> drawing.update(figure1_state(quota_y=0.9))
    >>> len(drawing.ax.get_children()) == n
    True

    References
    ----------
    Putnam (1988), Figure 1, p. 441. Book: chapter 4, the Figure 1 explorer.
    """

    def __init__(self, state: Figure1State, *, width: float = 4.3, height: float = 2.9, show_stages: bool = True):
        self.figure = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(self.figure)
        ax = self.ax = self.figure.add_subplot()
        self.show_stages = show_stages
        share_axis(ax, pad=0.06)
        ax.set_ylim(-1.36, _ROWS[-1] + 0.32)
        ax.set_yticks([])
        ax.plot([1, 0], [0, 0], color="black", lw=2.5, solid_capstyle="butt", zorder=3)
        self._ends = []
        for x, label in ((1.0, "XM"), (0.0, "YM")):
            ax.plot([x, x], [-0.12, 0.12], color="black", lw=2.5, zorder=3)
            self._ends.append(ax.text(x, _ROWS[0], label, ha="center", va="bottom", fontsize=13, fontweight="bold"))
        self._band = ax.axvspan(
            0, 0, ymin=0.0, ymax=1.0, color=palette.FEASIBLE, alpha=palette.FEASIBLE_ALPHA, lw=0, zorder=1
        )
        self._x1_tick = ax.plot([0, 0], [-0.18, 0.18], color=palette.FIRST, lw=3, zorder=4)[0]
        self._x1_text = ax.text(
            0, _ROWS[0], "X1", ha="center", va="bottom", fontsize=13, color=palette.FIRST, fontweight="bold"
        )
        self._stage_ticks = {}
        self._stage_texts = {}
        for k in Y_STAGES:
            self._stage_ticks[k] = ax.plot([0, 0], [-0.12, 0.12], color=palette.SECOND, lw=1.5, zorder=4)[0]
            self._stage_texts[k] = ax.text(0, _ROWS[0], k, ha="center", va="bottom", fontsize=13, color=palette.SECOND)
        self.ybound = ax.plot([0], [0], marker="v", ms=10, color=palette.SECOND, zorder=5, ls="none")[0]
        self._x_bracket = ax.annotate(
            "", xy=(0, -0.40), xytext=(1, -0.40), arrowprops=dict(arrowstyle="|-|", color=palette.FIRST, lw=1.6)
        )
        self._x_label = ax.text(0, -0.52, "X's win-set", ha="center", va="top", fontsize=11, color=palette.FIRST)
        self._y_bracket = ax.annotate(
            "", xy=(0, -0.98), xytext=(0, -0.98), arrowprops=dict(arrowstyle="|-|", color=palette.SECOND, lw=1.6)
        )
        self._y_label = ax.text(0, -1.10, "Y's win-set", ha="center", va="top", fontsize=11, color=palette.SECOND)
        self.status = ax.set_title("", fontsize=12, fontweight="bold", loc="center")
        self.rows: dict[str, int] = {}
        self.update(state)

    def moving(self) -> list[Artist]:
        """Everything inside the axes (:func:`twolevel.viz.drawing.axes_content`); the ticks and axis labels stay put."""
        return axes_content(self.ax)

    def update(self, state: Figure1State) -> None:
        """Move the artists to ``state`` (no new artists are created)."""
        self.state = state
        x1 = state.x1
        self._x1_tick.set_xdata([x1, x1])
        for k, v in state.y_stages.items():
            self._stage_ticks[k].set_xdata([v, v])
            self._stage_ticks[k].set_visible(self.show_stages)
            self._stage_texts[k].set_visible(self.show_stages)
        # XM and YM first, then X1, then Y1-Y3: the later ones move up when they would overlap.
        names = ["XM", "YM", "X1", *(state.y_stages if self.show_stages else ())]
        texts = [*self._ends, self._x1_text, *(self._stage_texts[k] for k in names[3:])]
        xs = [1.0, 0.0, x1, *(state.y_stages[k] for k in names[3:])]
        self.rows = dict(zip(names, stack_labels(texts, xs, _ROWS), strict=False))
        self.ybound.set_data([state.y_bound], [0.0])
        self._x_bracket.xy = (x1, -0.40)
        self._x_bracket.set_position((1.0, -0.40))
        self._x_label.set_x((1.0 + x1) / 2)
        self._y_bracket.xy = (state.y_bound, -0.98)
        self._y_bracket.set_position((0.0, -0.98))
        self._y_label.set_x(state.y_bound / 2)
        show_feasible(self._band, self.status, state.feasible)


def putnam_figure1(params: Figure1Params | None = None, **overrides: float) -> Figure:
    """Figure 1 reconstructed from the model: X1, Y1, and Y's win-set contracted to Y2 (majority of 2/3).

    Y's quota is Y2's (the scenario's ``quota_y`` is not used). The shaded
    range is the one left after the first contraction (Y2 to X1); Y3
    (unanimity) lies beyond X1.

    Parameters
    ----------
    params : Figure1Params, optional
        The scenario (default: ``Figure1Params()``).
    **overrides
        Parameters of the scenario to replace.

    Returns
    -------
    matplotlib.figure.Figure
        The chart (no pyplot state).

    Examples
    --------
    >>> from twolevel.viz import putnam_figure1
    >>> fig = putnam_figure1()
    >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text() in ("X1", "Y1", "Y2", "Y3"))
    ['X1', 'Y1', 'Y2', 'Y3']

    References
    ----------
    Putnam (1988), Figure 1, "Effects of reducing win-set size", p. 441. Book: chapter 4.
    """
    p = with_overrides(Figure1Params, params, overrides)
    return Figure1(figure1_state(replace(p, quota_y=Y_STAGES["Y2"]))).figure


def figure1_static_explorer(
    params: Figure1Params | None = None,
    *,
    quotas_y: tuple[float, ...] = QUOTAS,
    quotas_x: tuple[float, ...] = QUOTAS,
    **overrides: float,
) -> StaticExplorer:
    """Figure 1 with sliders for both quotas that works in the static page (no kernel).

    The scenario's spreads are fixed; the sliders run over ``quotas_y`` and
    ``quotas_x`` and start at their first values.

    Parameters
    ----------
    params : Figure1Params, optional
        The scenario (default: ``Figure1Params()``).
    quotas_y, quotas_x : tuple of float
        The sliders' positions (11 each by default: 121 frames).
    **overrides
        Parameters of the scenario to replace.

    Returns
    -------
    StaticExplorer
        Displays as HTML in notebooks and in the built book.

    Examples
    --------
    >>> from twolevel.viz import figure1_static_explorer
    >>> e = figure1_static_explorer(quotas_y=(0.5, 1.0), quotas_x=(0.5, 0.6))
    >>> len(e.frames), "deadlock" in e.alts[e.index(quota_y=1.0, quota_x=0.5)]
    (4, True)

    References
    ----------
    Putnam (1988), Figure 1, p. 441. Book: chapter 4, the Figure 1 explorer.
    """
    p = with_overrides(Figure1Params, params, overrides)
    drawing = Figure1(figure1_state(replace(p, quota_x=quotas_x[0], quota_y=quotas_y[0])))

    def update(quota_y: float, quota_x: float) -> str:
        drawing.update(figure1_state(replace(p, quota_x=quota_x, quota_y=quota_y)))
        return drawing.state.alt_text()

    return static_explorer(
        drawing.figure,
        update,
        [
            Control("quota_y", LABELS["quota_y"], quotas_y, quotas_y[0]),
            Control("quota_x", LABELS["quota_x"], quotas_x, quotas_x[0]),
        ],
        name="figure1",
        caption=(
            f"Reservation values uniform on [0, {p.spread_x:g}] for X and [0, {p.spread_y:g}] for Y. "
            "The triangle marks the boundary of Y's win-set at the chosen quota."
        ),
        moving=drawing.moving(),
        dpi=90,
    )


def figure1_explorer(params: Figure1Params | None = None, **overrides: float) -> LiveExplorer[Figure1State]:
    """Live explorer of Figure 1 (JupyterLab): both quotas and both spreads as sliders.

    ipywidgets is imported only here, when an explorer is made.

    Parameters
    ----------
    params : Figure1Params, optional
        The initial scenario (default: ``Figure1Params()``).
    **overrides
        Parameters of the scenario to replace: ``figure1_explorer(quota_y=0.7)``.

    Returns
    -------
    LiveExplorer
        Sliders ``quota_y``, ``quota_x``, ``spread_y``, ``spread_x``.

    Examples
    --------
    >>> e = tl.viz.figure1_explorer(quota_y=0.95)
    >>> "deadlock" in e.summary.value, e.sliders["quota_y"].value
    (True, 0.95)

    References
    ----------
    Putnam (1988), Figure 1, p. 441. Book: chapter 4.
    """
    from .live import LiveExplorer, Slider

    p = with_overrides(Figure1Params, params, overrides)

    def state(**values: float) -> Figure1State:
        return figure1_state(with_overrides(Figure1Params, p, values))

    sliders = [
        Slider("quota_y", LABELS["quota_y"], p.quota_y, 0.01),
        Slider("quota_x", LABELS["quota_x"], p.quota_x, 0.01),
        Slider("spread_y", LABELS["spread_y"], p.spread_y, 0.0),
        Slider("spread_x", LABELS["spread_x"], p.spread_x, 0.0),
    ]
    return LiveExplorer(Figure1(figure1_state(p)), state, sliders)
