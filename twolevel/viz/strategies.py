"""Chapter 7: the figures of Level I negotiators' strategies, side-payments first.

The side-payment budget figure (:class:`BudgetFigure`): on top, the
probability of ratification as the budget grows, for the targeted package
that buys the most probability (:func:`twolevel.best_use_of_budget`) and for
the same money spread equally over every seat
(:func:`twolevel.across_the_board`); below, who gets paid at the chosen
budget, seat by seat in order of reservation value, with the committed
supporters, the uncommitted and the committed opponents shaded
(:func:`twolevel.commitment_groups`) and the pivotal seat marked. The two
panels are stacked, so that the figure keeps its text legible on a phone.

The chart, the static explorer (:func:`budget_static_explorer`) and the
live one (:func:`budget_explorer`) take the model's scenario,
:class:`twolevel.BudgetScenario` (``n`` seats), with any of its fields as
keyword overrides (:func:`twolevel.with_overrides`). The curves against the
budget depend on the constituency and the deal only, so they are computed
once per deal (:func:`budget_curves`, cached on the scenario's constituency,
which the scenario itself caches), not once per frame.

The other figures of the chapter (:func:`rally_figure`,
:func:`marginal_value_figure`, :func:`collusion_figure`) take the model's
objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FormatStrFormatter, MaxNLocator

from .. import TwoIssueConstituency, contract_curve
from ..bargaining import Solution
from ..scenario import with_overrides

# From the subpackage itself: the flat ``twolevel`` namespace loads it lazily (PEP 562), which type checkers cannot follow.
from ..strategies import (
    BudgetScenario,
    Package,
    SwingConstituency,
    across_the_board,
    best_use_of_budget,
    cheapest_package,
    collusive_path,
    commitment_groups,
    rally_tradeoff,
)
from ..winsets import WinSet
from . import palette
from .drawing import axes_content
from .frames import Control, StaticExplorer, nearest, static_explorer

if TYPE_CHECKING:
    from .live import LiveExplorer

__all__ = [
    "BudgetState",
    "budget_curves",
    "budget_state",
    "BudgetFigure",
    "budget_static_explorer",
    "budget_explorer",
    "rally_figure",
    "marginal_value_figure",
    "collusion_figure",
]

Array = npt.NDArray[np.float64]

#: Points of the curves against the budget.
CURVE_POINTS = 41
#: What each slider moves, as the static and the live explorer label it.
LABELS = {
    "budget": "Budget of side-payments (average per seat, share of the stake)",
    "deal": "Deal: the side's share of the stake",
    "quota": "Quota needed to ratify",
    "mood": "Scale of the Level II mood shock",
}


@dataclass(frozen=True, eq=False)
class BudgetState:
    """Everything the budget figure shows, computed from the model.

    Examples
    --------
    >>> from twolevel.viz import budget_state
    >>> s = budget_state(budget=0.01)
    >>> s.targeted.probability > s.spread.probability
    True

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """

    scenario: BudgetScenario
    constituency: SwingConstituency
    targeted_budgets: Array
    curve_targeted: Array
    budgets: Array
    curve_spread: Array
    targeted: Package
    spread: Package
    groups: npt.NDArray[np.str_]

    @property
    def deal(self) -> float:
        """The deal: the side's share of the stake."""
        return self.scenario.deal

    @property
    def budget(self) -> float:
        """The budget of side-payments."""
        return self.scenario.budget

    @property
    def base_probability(self) -> float:
        """Probability of ratification with no payments."""
        return self.constituency.ratification_probability(self.deal)

    def alt_text(self) -> str:
        """A description of the frame for screen readers."""
        c = self.constituency
        order = np.argsort(c.reservations, kind="stable")
        ranks = np.flatnonzero(self.targeted.payments[order] > 0) + 1
        committed = float(self.targeted.payments[self.groups != "uncommitted"].sum())
        if ranks.size:
            who = (
                f"pays {ranks.size} seats, ranked {ranks[0]} to {ranks[-1]} of {c.size} by reservation value "
                f"(the pivotal seat is number {c.seats_needed}); "
                + (
                    "committed supporters and committed opponents get nothing."
                    if committed == 0.0
                    else f"committed seats get {committed:.3f} in all."
                )
            )
        else:
            who = "pays nobody."
        return (
            f"Top: probability of ratification against the side-payment budget, from 0 to {self.budgets[-1]:.3f}, "
            f"for {c.size} seats needing {c.seats_needed} votes on a deal worth {self.deal:.2f} to the side. "
            f"Without payments it is {self.base_probability:.2f}. At a budget of {self.budget:.3f}, payments "
            f"targeted at the swing seats give {self.targeted.probability:.2f}; the same money spread over every "
            f"seat gives {self.spread.probability:.2f}. Bottom: the targeted package {who}"
        )


@lru_cache(maxsize=64)
def budget_curves(
    constituency: SwingConstituency, deal: float, max_budget: float, points: int = CURVE_POINTS
) -> tuple[Array, Array, Array, Array]:
    """The probability of ratification each budget from 0 to ``max_budget`` buys, targeted and spread.

    The targeted curve is drawn through points of the model's own curve,
    each computed exactly: the probability levels from none (no payments) to
    what the largest budget buys (:func:`twolevel.best_use_of_budget`), and
    the cost of each (:func:`twolevel.cheapest_package`), the inverse of the
    same curve. One bisection in all, where computing the best package for
    each of ``points`` budgets would take one bisection each (a hundred
    times the time: the live explorer recomputes the curve whenever the
    deal, the quota or the mood moves). The spread curve is
    :func:`twolevel.across_the_board` at ``points`` budgets. Cached: an
    explorer that moves the budget along the curve computes it once per deal.

    Parameters
    ----------
    constituency : SwingConstituency
        The seats.
    deal : float
        The side's share of the stake.
    max_budget : float
        The largest budget.
    points : int
        Points on each curve.

    Returns
    -------
    tuple of numpy.ndarray
        Budgets and probabilities of the targeted curve, then of the spread one.

    Examples
    --------
    >>> from twolevel.viz import budget_curves
    >>> c = tl.BudgetScenario().constituency()
    >>> tb, tp, sb, sp = budget_curves(c, 0.6, 0.05)
    >>> len(tb), float(tb[0]), float(tb[-1]), bool(tp[0] == sp[0]), bool(tp[-1] > sp[-1])
    (41, 0.0, 0.05, True, True)
    >>> round(float(tp[-1]), 6) == round(tl.best_use_of_budget(c, 0.6, 0.05).probability, 6)
    True

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, figure ``fig-budget``.
    """
    base = constituency.ratification_probability(deal)
    top = best_use_of_budget(constituency, deal, max_budget).probability
    levels = base + (top - base) * np.linspace(0.0, 1.0, points)
    costs = [cheapest_package(constituency, deal, float(p)).cost for p in levels[1:-1]]
    targeted_budgets = np.array([0.0, *costs, max_budget])
    budgets = np.linspace(0.0, max_budget, points)
    spread = np.array([across_the_board(constituency, deal, float(v)).probability for v in budgets])
    out = (targeted_budgets, levels, budgets, spread)
    for a in out:
        a.setflags(write=False)
    return out


def budget_state(scenario: BudgetScenario | None = None, **overrides: float) -> BudgetState:
    """The model's state for one budget and deal (the figure's defaults are Chapter 7's scenario).

    Parameters
    ----------
    scenario : twolevel.BudgetScenario, optional
        The scenario (default: ``tl.BudgetScenario()``).
    **overrides
        Fields of the scenario to replace: ``budget_state(budget=0.02)``
        (validated by :func:`twolevel.with_overrides`).

    Returns
    -------
    BudgetState
        The curves, both packages at the budget and each seat's group.

    Examples
    --------
    >>> from twolevel.viz import budget_state
    >>> s = budget_state(budget=0.0)
    >>> round(s.targeted.probability, 3) == round(s.base_probability, 3)
    True

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """
    s = with_overrides(BudgetScenario, scenario, overrides)
    c = s.constituency()
    return BudgetState(
        s,
        c,
        *budget_curves(c, s.deal, max(s.max_budget, s.budget)),
        s.targeted(),
        s.spread_evenly(),
        commitment_groups(c, s.deal),
    )


class BudgetFigure:
    """The budget figure, two stacked panels; :meth:`update` moves their artists to a new state.

    Every artist is made once: the curves, the markers, the payments (one
    filled step per seat, whose heights change), the three bands of
    committed and uncommitted seats (their extent changes), the pivot line,
    and a title that gives the probabilities at the chosen budget. The
    legends sit above their panels, where no curve can run through them, and
    do not change. The curves' range of budgets is the first state's.

    Examples
    --------
    >>> from twolevel.viz import BudgetFigure, budget_state
    >>> d = BudgetFigure(budget_state(budget=0.005))
    >>> n = len(d.ax_pay.get_children())
    >>> d.update(budget_state(budget=0.02))
    >>> round(float(d.marker_t.get_xdata()[0]), 3), len(d.ax_pay.get_children()) == n
    (0.02, True)
    >>> d.ax_p.get_title(loc="left")
    'Budget 0.020: targeted 0.93, spread 0.29'

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """

    def __init__(self, state: BudgetState, width: float = 4.3, height: float = 6.6):
        self.figure = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(self.figure)
        self.ax_p, self.ax_pay = self.figure.subplots(2, 1)
        ax = self.ax_p
        (self.line_t,) = ax.plot([], [], color=palette.FIRST, lw=2, label="targeted at swing seats")
        (self.line_s,) = ax.plot([], [], color=palette.SECOND, lw=2, ls="--", label="spread over every seat")
        # Not clipped: at the largest budget they sit on the axes' edge.
        (self.marker_t,) = ax.plot([], [], "o", color=palette.FIRST, ms=7, clip_on=False, zorder=4)
        (self.marker_s,) = ax.plot([], [], "s", color=palette.SECOND, ms=6, clip_on=False, zorder=4)
        self.budget_line = ax.axvline(0.0, color=palette.GUIDE, lw=0.8, ls=":")
        ax.set_ylim(0, 1.02)
        ax.set_xlim(0, float(state.budgets[-1]))
        ax.set_xlabel("budget of side-payments (share of the stake)", fontsize=11)
        ax.set_ylabel("probability of ratification", fontsize=11)
        ax.tick_params(labelsize=11)
        ax.xaxis.set_major_formatter(FormatStrFormatter("%.2f"))
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), fontsize=11, frameon=False, borderaxespad=0.2)
        self._title = ax.set_title("", fontsize=11, loc="left", pad=50)
        ax.grid(alpha=0.3)

        axp = self.ax_pay
        c = state.constituency
        self._size = c.size
        self._bands = {
            name: axp.axvspan(0.5, 0.5, color=fill, zorder=0, lw=0) for name, fill in palette.GROUP_FILLS.items()
        }
        self._band_labels = {
            name: axp.text(0, 0.97, name, transform=axp.get_xaxis_transform(), ha="center", va="top", fontsize=11)
            for name in palette.GROUP_FILLS
        }
        # One filled step per seat: a single artist, where a bar chart would draw a hundred.
        self._paid = axp.stairs(
            np.zeros(c.size), np.arange(c.size + 1) + 0.5, fill=True, color=palette.FIRST, label="targeted payment"
        )
        self._spread_line = axp.axhline(0.0, color=palette.SECOND, ls="--", lw=1.5, label="spread payment")
        self._pivot = axp.axvline(c.seats_needed, color="k", lw=0.8)
        # Along the line, below the band labels (which hang from the top): the two never meet.
        self._pivot_text = axp.text(
            c.seats_needed,
            0.3,
            " pivot",
            transform=axp.get_xaxis_transform(),
            fontsize=11,
            rotation=90,
            ha="left",
            va="center",
        )
        axp.set_xlim(0.5, c.size + 0.5)
        axp.set_xlabel("seats, by reservation value (low to high)", fontsize=11)
        axp.set_ylabel("payment per seat", fontsize=11)
        axp.tick_params(labelsize=11)
        # Ticks on round values with two decimals: the labels keep their width as the scale
        # changes, so the layout solved once still fits them.
        axp.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
        axp.yaxis.set_major_formatter(FormatStrFormatter("%.2f"))
        axp.legend(
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            fontsize=11,
            frameon=False,
            ncols=2,
            borderaxespad=0.2,
            borderpad=0.2,
            handlelength=1.2,
            handletextpad=0.5,
            columnspacing=0.8,
        )
        self.update(state)

    def moving(self) -> list[Artist]:
        """Everything inside both panels, the title, and the payments' scale, which follows the payments."""
        return [*axes_content(self.ax_p, self.ax_pay), self.ax_pay.yaxis]

    def update(self, state: BudgetState) -> None:
        """Move every artist to ``state`` (no artist is created or removed)."""
        c = state.constituency
        if c.size != self._size:
            raise ValueError(f"state has {c.size} seats; this figure was drawn for {self._size}")
        self.state = state
        self.line_t.set_data(state.targeted_budgets, state.curve_targeted)
        self.line_s.set_data(state.budgets, state.curve_spread)
        self.marker_t.set_data([state.budget], [state.targeted.probability])
        self.marker_s.set_data([state.budget], [state.spread.probability])
        self.budget_line.set_xdata([state.budget, state.budget])
        self._title.set_text(
            f"Budget {state.budget:.3f}: targeted {state.targeted.probability:.2f}, "
            f"spread {state.spread.probability:.2f}"
        )
        order = np.argsort(c.reservations, kind="stable")
        seats = np.arange(1, c.size + 1)
        groups = state.groups[order]
        for name, band in self._bands.items():
            idx = np.flatnonzero(groups == name)
            label = self._band_labels[name]
            if idx.size == 0:
                band.set_visible(False)
                label.set_visible(False)
                continue
            band.set_visible(True)
            band.set_x(seats[idx[0]] - 0.5)
            band.set_width(idx[-1] - idx[0] + 1.0)
            label.set_visible(True)
            label.set_x(float(seats[idx].mean()))
            label.set_rotation(0)
            # Upright if it fits in its band, else turned along it.
            label.set_rotation(0 if self._width_in_seats(label) < idx.size else 90)
        paid = state.targeted.payments[order]
        self._paid.set_data(paid)
        spread = float(state.spread.payments[0])
        self._spread_line.set_ydata([spread, spread])
        self._pivot.set_xdata([c.seats_needed, c.seats_needed])
        self._pivot_text.set_x(c.seats_needed)
        top = max(float(paid.max()), spread, 0.05)
        self.ax_pay.set_ylim(0, top * 1.25)

    def _width_in_seats(self, text: Text) -> float:
        """Width of ``text`` upright, in seats (the lower panel's data units)."""
        renderer = self.figure.canvas.get_renderer()  # type: ignore[attr-defined]
        box = text.get_window_extent(renderer)
        inv = self.ax_pay.transData.inverted()
        (x0, _), (x1, _) = inv.transform([(box.x0, 0.0), (box.x1, 0.0)])
        return float(abs(x1 - x0))


#: The static explorer's sliders: 11 budgets from 0 to 0.05 and 11 deals from 0.5 to 0.7.
BUDGETS = tuple(float(v) for v in np.round(np.linspace(0.0, 0.05, 11), 3))
DEALS = tuple(float(v) for v in np.round(np.linspace(0.5, 0.7, 11), 2))


def budget_static_explorer(
    scenario: BudgetScenario | None = None,
    *,
    budgets: tuple[float, ...] = BUDGETS,
    deals: tuple[float, ...] = DEALS,
    dpi: float = 80,
    **overrides: float,
) -> StaticExplorer:
    """The budget figure with sliders for the budget and the deal, for the static page (no kernel).

    The sliders start at the positions nearest to the scenario's budget and
    deal; the curves run from 0 to the largest budget of ``budgets``.

    Parameters
    ----------
    scenario : twolevel.BudgetScenario, optional
        The scenario (default: ``tl.BudgetScenario()``).
    budgets, deals : tuple of float
        The sliders' positions (11 each by default).
    dpi : float
        CSS pixels per inch of the figure on a wide screen.
    **overrides
        Fields of the scenario to replace.

    Returns
    -------
    StaticExplorer
        Displays as HTML in notebooks and in the built book.

    Examples
    --------
    >>> from twolevel.viz import budget_static_explorer
    >>> e = budget_static_explorer(budgets=(0.0, 0.01), deals=(0.55, 0.6), dpi=20)
    >>> len(e.frames), [c.label for c in e.controls][0]
    (4, 'Budget of side-payments (average per seat, share of the stake)')

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """
    s = with_overrides(BudgetScenario, scenario, overrides)
    top = max(budgets)
    start_budget, start_deal = nearest(budgets, s.budget), nearest(deals, s.deal)
    s = s.replace(max_budget=top)
    drawing = BudgetFigure(budget_state(s, budget=start_budget, deal=start_deal))

    def update(budget: float, deal: float) -> str:
        drawing.update(budget_state(s, budget=budget, deal=deal))
        return drawing.state.alt_text()

    c = drawing.state.constituency
    return static_explorer(
        drawing.figure,
        update,
        [
            Control("budget", LABELS["budget"], budgets, start_budget, "{:.3f}"),
            Control("deal", LABELS["deal"], deals, start_deal),
        ],
        name="budget",
        caption=(
            f"{c.size} seats, {c.seats_needed} needed; reservation values spread evenly; the Level II mood "
            f"shock has scale {c.mood:g}."
        ),
        moving=drawing.moving(),
        dpi=dpi,
    )


def budget_explorer(scenario: BudgetScenario | None = None, **overrides: float) -> LiveExplorer[BudgetState]:
    """Live explorer (JupyterLab) of the budget figure: the budget, the deal, the quota and the mood's scale.

    ipywidgets is imported only here, when an explorer is made.

    Parameters
    ----------
    scenario : twolevel.BudgetScenario, optional
        The initial scenario (default: ``tl.BudgetScenario()``).
    **overrides
        Fields of the scenario to replace.

    Returns
    -------
    LiveExplorer
        Sliders ``budget``, ``deal``, ``quota``, ``mood``.

    Examples
    --------
    >>> e = tl.viz.budget_explorer(budget=0.02)
    >>> e.sliders["budget"].value, bytes(e.image.value[:4]), e.sliders["budget"].description
    (0.02, b'\x89PNG', 'Budget of side-payments (average per seat, share of the stake)')

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """
    from .live import LiveExplorer, Slider

    s = with_overrides(BudgetScenario, scenario, overrides)

    def state(**values: float) -> BudgetState:
        return budget_state(s, **values)

    sliders = [
        Slider("budget", LABELS["budget"], s.budget, 0.0, max(0.05, s.max_budget), 0.001, ".3f"),
        Slider("deal", LABELS["deal"], s.deal, 0.3, 0.9),
        Slider("quota", LABELS["quota"], s.quota, 0.5, 1.0),
        Slider("mood", LABELS["mood"], s.mood, 0.01, 0.2),
    ]
    return LiveExplorer(BudgetFigure(budget_state(s)), state, sliders)


def _legend_above(ax: Axes, handles: list[Any] | None = None, labels: list[str] | None = None, ncols: int = 1) -> None:
    """A frameless legend just above the axes, where no curve can run through it."""
    args = () if handles is None else (handles, labels)
    ax.legend(
        *args,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        fontsize=11,
        frameon=False,
        ncols=ncols,
        borderaxespad=0.2,
        handlelength=1.8,
    )


def rally_figure(
    win_set_x: WinSet, win_set_y: WinSet, rallies: npt.ArrayLike, mood: float, solution: Solution = "split"
) -> Figure:
    """The tactical dilemma: X's share, the probability of ratification and their product against the rally.

    Parameters
    ----------
    win_set_x, win_set_y : WinSet
        Both win-sets before the rally.
    rallies : array_like
        Rallies to draw (negative: softening up).
    mood : float
        Scale of the Level II mood shock.
    solution : {"split", "nash"}
        The bargaining solution of :func:`twolevel.rally_tradeoff` (same arguments, same order).

    Returns
    -------
    matplotlib.figure.Figure
        One panel; its legend sits above it.

    Examples
    --------
    >>> from twolevel.viz import rally_figure
    >>> fig = rally_figure(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), np.linspace(-0.2, 0.2, 41), 0.05)
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:3]
    ["X's share if agreed", 'probability both ratify', 'expected share']

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, figure ``fig-rally``.
    """
    out = rally_tradeoff(win_set_x, win_set_y, rallies, mood, solution)
    r = np.array([o.rally for o in out])
    share = np.array([np.nan if o.share is None else o.share for o in out])
    prob = np.array([o.probability for o in out])
    expected = np.array([o.expected_share for o in out])
    fig = Figure(figsize=(4.2, 3.9), layout="constrained")
    ax = fig.subplots()
    ax.plot(r, share, color=palette.FIRST, lw=2, label="X's share if agreed")
    ax.plot(r, prob, color=palette.SECOND, lw=2, ls="--", label="probability both ratify")
    ax.plot(r, expected, color="k", lw=2.5, label="expected share")
    best = int(np.argmax(expected))
    ax.plot([r[best]], [expected[best]], "o", color="k")
    ax.axvline(0.0, color=palette.GUIDE, lw=0.8, ls=":")
    ax.set_xlabel("rally (< 0: softening up; > 0: rallying)", fontsize=11)
    ax.set_ylabel("share or probability", fontsize=11)
    ax.set_ylim(0, 1.02)
    ax.tick_params(labelsize=11)
    _legend_above(ax)
    ax.grid(alpha=0.3)
    return fig


def marginal_value_figure(constituency: SwingConstituency, deal: float, payment: float) -> Figure:
    """What a payment of ``payment`` to each seat adds to the probability of ratification, seat by seat.

    Parameters
    ----------
    constituency : SwingConstituency
        The seats.
    deal : float
        The side's share of the stake.
    payment : float
        The payment given to one seat.

    Returns
    -------
    matplotlib.figure.Figure
        Bars (the gain) and, on a second scale, each seat's probability of voting yes.

    Examples
    --------
    >>> from twolevel.viz import marginal_value_figure
    >>> fig = marginal_value_figure(tl.SwingConstituency.uniform(1.0, 100, 2 / 3, 0.05), 0.6, 0.05)
    >>> len(fig.axes)
    2

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, figure ``fig-marginal``.
    """
    c = constituency
    order = np.argsort(c.reservations, kind="stable")
    seats = np.arange(1, c.size + 1)
    mv = c.marginal_value(deal, payment)[order]
    p = c.yes_probabilities(deal)[order]
    fig = Figure(figsize=(4.2, 3.9), layout="constrained")
    ax = fig.subplots()
    ax.bar(seats, mv, width=1.0, color=palette.FIRST, label=f"gain from a payment of {payment:g}")
    ax.axvline(c.seats_needed, color="k", lw=0.8)
    ax.text(
        c.seats_needed,
        0.3,
        "pivotal seat ",
        transform=ax.get_xaxis_transform(),
        fontsize=11,
        ha="right",
        bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.8),
        zorder=5,
    )
    ax.set_xlabel("seats, by reservation value (low to high)", fontsize=11)
    ax.set_ylabel("gain in probability of ratification", fontsize=11)
    ax.set_xlim(0.5, c.size + 0.5)
    ax2 = ax.twinx()
    ax2.plot(seats, p, color=palette.SECOND, lw=1.5, ls="--", label="seat's chance of voting yes")
    ax2.set_ylabel("probability of voting yes", fontsize=11)
    ax2.set_ylim(0, 1.02)
    for a in (ax, ax2):
        a.tick_params(labelsize=11)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    _legend_above(ax, h1 + h2, l1 + l2)
    return fig


def collusion_figure(
    constituency_a: TwoIssueConstituency, constituency_b: TwoIssueConstituency, starts: tuple[tuple[float, float], ...]
) -> Figure:
    """Collusive paths from several packages to the contract curve, in the Edgeworth box of Chapter 5.

    Parameters
    ----------
    constituency_a, constituency_b : TwoIssueConstituency
        A's and B's Level II.
    starts : tuple of (float, float)
        The packages (beef, citrus) the paths start from.

    Returns
    -------
    matplotlib.figure.Figure
        The box with the contract curve and one path per start.

    Examples
    --------
    >>> from twolevel.viz import collusion_figure
    >>> a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.6, side="A", n=201)
    >>> b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.6, side="B", n=201)
    >>> len(collusion_figure(a, b, ((0.5, 0.5),)).axes[0].get_lines())
    3

    References
    ----------
    Putnam (1988), p. 451. Book: chapter 7, figure ``fig-collusion``.
    """
    fig = Figure(figsize=(4.2, 4.7), layout="constrained")
    ax = fig.subplots()
    curve = contract_curve(constituency_a, constituency_b, 201)
    ax.plot(curve.b, curve.c, color="k", lw=1.5, ls="--", label="contract curve (tangencies)")
    for k, start in enumerate(starts):
        path = collusive_path(constituency_a, constituency_b, start)
        ax.plot(path.beef, path.citrus, color=palette.FIRST, lw=1.8, label="collusive path" if k == 0 else None)
        ax.plot([path.beef[0]], [path.citrus[0]], "o", color=palette.SECOND, ms=6, label="start" if k == 0 else None)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.set_xlabel("beef: A's gain", fontsize=11)
    ax.set_ylabel("citrus: A's gain", fontsize=11)
    ax.tick_params(labelsize=11)
    ax.text(0.98, 0.98, "AM", ha="right", va="top", fontsize=12, fontweight="bold")
    ax.text(0.02, 0.02, "BM", ha="left", va="bottom", fontsize=12, fontweight="bold")
    _legend_above(ax)
    return fig
