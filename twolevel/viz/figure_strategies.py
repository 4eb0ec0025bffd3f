"""The side-payment budget figure of Chapter 7: targeted against spread payments.

Left: the probability of ratification as the budget grows, for the targeted
package that buys the most probability (:func:`twolevel.best_use_of_budget`)
and for the same money spread equally over every seat
(:func:`twolevel.across_the_board`). Right: who gets paid at the chosen
budget, seat by seat in order of reservation value, with the committed
supporters, the uncommitted and the committed opponents shaded
(:func:`twolevel.commitment_groups`) and the pivotal seat marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from matplotlib.figure import Figure

from .. import strategies as tactics
from ..bargaining import Solution
from ..preferences import TwoIssueConstituency, contract_curve
from ..winsets import WinSet
from .._checks import check_nonnegative, check_positive_int, check_unit
from .frames import Control, StaticExplorer, static_explorer

__all__ = [
    "BudgetState",
    "budget_state",
    "BudgetFigure",
    "budget_static_explorer",
    "rally_figure",
    "marginal_value_figure",
    "collusion_figure",
]

Array = npt.NDArray[np.float64]

_TARGETED = "#08519c"
_SPREAD = "#a63603"
_GROUP_FILL = {"supporters": "#e5f5e0", "uncommitted": "#fff7bc", "opponents": "#fee0d2"}


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

    constituency: tactics.SwingConstituency
    deal: float
    budget: float
    budgets: Array
    curve_targeted: Array
    curve_spread: Array
    targeted: tactics.Package
    spread: tactics.Package
    groups: npt.NDArray[np.str_]

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
                + ("committed supporters and committed opponents get nothing."
                   if committed == 0.0 else f"committed seats get {committed:.3f} in all.")
            )
        else:
            who = "pays nobody."
        return (
            f"Left: probability of ratification against the side-payment budget, from 0 to {self.budgets[-1]:.3f}, "
            f"for {c.size} seats needing {c.seats_needed} votes on a deal worth {self.deal:.2f} to the side. "
            f"Without payments it is {self.base_probability:.2f}. At a budget of {self.budget:.3f}, payments "
            f"targeted at the swing seats give {self.targeted.probability:.2f}; the same money spread over every "
            f"seat gives {self.spread.probability:.2f}. Right: the targeted package {who}"
        )


def budget_state(
    *,
    spread: float = 1.0,
    seats: int = 100,
    quota: float = 2 / 3,
    mood: float = 0.05,
    deal: float = 0.6,
    budget: float = 0.01,
    max_budget: float = 0.05,
) -> BudgetState:
    """The model's state for one budget (the figure's defaults are Chapter 7's scenario).

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
    c = tactics.SwingConstituency.uniform(spread, check_positive_int("seats", seats, maximum=10_000), quota, mood)
    x = check_unit("deal", deal)
    b = check_nonnegative("budget", budget)
    top = check_nonnegative("max_budget", max_budget)
    budgets = np.linspace(0.0, max(top, b), 41)
    targeted = [tactics.best_use_of_budget(c, x, float(v)).probability for v in budgets]
    spread_ = [tactics.across_the_board(c, x, float(v)).probability for v in budgets]
    return BudgetState(
        c, x, b, budgets, np.array(targeted), np.array(spread_),
        tactics.best_use_of_budget(c, x, b), tactics.across_the_board(c, x, b),
        tactics.commitment_groups(c, x),
    )


class BudgetFigure:
    """The two-panel budget figure; :meth:`update` moves its artists to a new state.

    Examples
    --------
    >>> from twolevel.viz import BudgetFigure, budget_state
    >>> d = BudgetFigure(budget_state(budget=0.005))
    >>> d.update(budget_state(budget=0.02))
    >>> round(float(d.marker_t.get_xdata()[0]), 3)
    0.02

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """

    def __init__(self, state: BudgetState, width: float = 8.0, height: float = 3.4, *, stacked: bool = False):
        self.figure = Figure(figsize=(width, height), layout="constrained")
        # Stacked (one panel above the other) for the static explorer: side by side, the
        # panels would have to shrink below legibility on a phone.
        if stacked:
            self.ax_p, self.ax_pay = self.figure.subplots(2, 1)
        else:
            self.ax_p, self.ax_pay = self.figure.subplots(1, 2, width_ratios=(1.0, 1.15))
        ax = self.ax_p
        (self.line_t,) = ax.plot([], [], color=_TARGETED, lw=2, label="targeted at swing seats")
        (self.line_s,) = ax.plot([], [], color=_SPREAD, lw=2, ls="--", label="spread over every seat")
        (self.marker_t,) = ax.plot([], [], "o", color=_TARGETED, ms=7)
        (self.marker_s,) = ax.plot([], [], "s", color=_SPREAD, ms=6)
        self.budget_line = ax.axvline(0.0, color="0.5", lw=0.8, ls=":")
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("budget of side-payments (share of the stake)")
        ax.set_ylabel("probability of ratification")
        ax.legend(loc="upper left", fontsize=10, frameon=False)
        ax.grid(alpha=0.3)
        self.state = state
        self.update(state)

    def update(self, state: BudgetState) -> None:
        """Move every artist to ``state`` (the right panel is redrawn: its bars change in number)."""
        self.state = state
        ax = self.ax_p
        self.line_t.set_data(state.budgets, state.curve_targeted)
        self.line_s.set_data(state.budgets, state.curve_spread)
        self.marker_t.set_data([state.budget], [state.targeted.probability])
        self.marker_s.set_data([state.budget], [state.spread.probability])
        self.budget_line.set_xdata([state.budget, state.budget])
        ax.set_xlim(0, float(state.budgets[-1]))
        ax.set_title(
            f"at {state.budget:.3f}: targeted {state.targeted.probability:.2f}, spread {state.spread.probability:.2f}",
            fontsize=10,
        )
        axp = self.ax_pay
        axp.clear()
        c = state.constituency
        order = np.argsort(c.reservations, kind="stable")
        seats = np.arange(1, c.size + 1)
        groups = state.groups[order]
        for name, fill in _GROUP_FILL.items():
            idx = np.flatnonzero(groups == name)
            if idx.size:
                axp.axvspan(seats[idx[0]] - 0.5, seats[idx[-1]] + 0.5, color=fill, zorder=0)
                axp.text(seats[idx].mean(), 0.97, name, transform=axp.get_xaxis_transform(), ha="center",
                         va="top", fontsize=10, rotation=90 if idx.size < 0.2 * c.size else 0)
        axp.bar(seats, state.targeted.payments[order], width=1.0, color=_TARGETED, label="targeted payment")
        axp.axhline(state.spread.payments[0], color=_SPREAD, ls="--", lw=1.5, label="spread payment")
        axp.axvline(c.seats_needed, color="k", lw=0.8)
        axp.text(c.seats_needed, 0.80, " pivot", transform=axp.get_xaxis_transform(), fontsize=10)
        top = max(float(state.targeted.payments.max()), float(state.spread.payments[0]), 0.05)
        axp.set_ylim(0, top * 1.25)
        axp.set_xlim(0.5, c.size + 0.5)
        axp.set_xlabel("seats, by reservation value (low to high)")
        axp.set_ylabel("payment per seat")
        axp.legend(loc="center left", fontsize=10, frameon=False)


def budget_static_explorer(
    *,
    budgets: tuple[float, ...] = tuple(np.round(np.linspace(0.0, 0.05, 11), 3)),
    deals: tuple[float, ...] = tuple(np.round(np.linspace(0.5, 0.7, 11), 2)),
    initial_budget: float = 0.01,
    initial_deal: float = 0.6,
    dpi: float = 76,
    **scenario: Any,
) -> StaticExplorer:
    """The budget figure with sliders for the budget and the deal, for the static page (no kernel).

    ``scenario`` passes ``spread``, ``seats``, ``quota`` and ``mood`` to
    :func:`budget_state`. The sliders start at the slider values nearest to
    ``initial_budget`` and ``initial_deal``.

    Examples
    --------
    >>> from twolevel.viz import budget_static_explorer
    >>> e = budget_static_explorer(budgets=(0.0, 0.01), deals=(0.55, 0.6), initial_budget=0.01, dpi=20)
    >>> len(e.frames)
    4

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, figure ``fig-budget``.
    """
    top = max(budgets)
    initial_budget = min(budgets, key=lambda v: abs(v - initial_budget))
    initial_deal = min(deals, key=lambda v: abs(v - initial_deal))
    drawing = BudgetFigure(budget_state(budget=initial_budget, deal=initial_deal, max_budget=top, **scenario),
                           width=4.6, height=6.4, stacked=True)

    def update(budget: float, deal: float) -> str:
        drawing.update(budget_state(budget=budget, deal=deal, max_budget=top, **scenario))
        return drawing.state.alt_text()

    s = drawing.state.constituency
    return static_explorer(
        drawing.figure,
        update,
        [
            Control("budget", "budget of side-payments (share of the stake)", budgets, initial_budget, "{:.3f}"),
            Control("deal", "the deal: the side's share of the stake", deals, initial_deal),
        ],
        name="budget",
        caption=(
            f"{s.size} seats, {s.seats_needed} needed; reservation values spread evenly; the Level II mood "
            f"shock has scale {s.mood:g}."
        ),
        dpi=dpi,
    )


def rally_figure(win_x: WinSet, win_y: WinSet, mood: float, rallies: npt.ArrayLike, rule: Solution = "split") -> Figure:
    """The tactical dilemma: X's share, the probability of ratification and their product against the rally.

    Examples
    --------
    >>> from twolevel.viz import rally_figure
    >>> fig = rally_figure(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), 0.05, np.linspace(-0.2, 0.2, 41))
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:3]
    ["X's share if agreed", 'probability both ratify', 'expected share']

    References
    ----------
    Putnam (1988), p. 450. Book: chapter 7, figure ``fig-rally``.
    """
    out = tactics.rally_tradeoff(win_x, win_y, rallies, mood, rule)
    r = np.array([o.rally for o in out])
    share = np.array([np.nan if o.share is None else o.share for o in out])
    prob = np.array([o.probability for o in out])
    expected = np.array([o.expected_share for o in out])
    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    ax = fig.subplots()
    ax.plot(r, share, color=_TARGETED, lw=2, label="X's share if agreed")
    ax.plot(r, prob, color=_SPREAD, lw=2, ls="--", label="probability both ratify")
    ax.plot(r, expected, color="k", lw=2.5, label="expected share")
    best = int(np.argmax(expected))
    ax.plot([r[best]], [expected[best]], "o", color="k")
    ax.axvline(0.0, color="0.6", lw=0.8, ls=":")
    ax.set_xlabel("rally (> 0: rallying constituents; < 0: softening them up)")
    ax.set_ylabel("share or probability")
    ax.set_ylim(0, 1.02)
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    ax.grid(alpha=0.3)
    return fig


def marginal_value_figure(constituency: tactics.SwingConstituency, deal: float, payment: float) -> Figure:
    """What a payment of ``payment`` to each seat adds to the probability of ratification, seat by seat.

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
    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    ax = fig.subplots()
    ax.bar(seats, mv, width=1.0, color=_TARGETED, label=f"gain in P(ratify) from a payment of {payment:g}")
    ax.axvline(c.seats_needed, color="k", lw=0.8)
    ax.text(c.seats_needed, 0.55, "pivotal seat ", transform=ax.get_xaxis_transform(), fontsize=8, ha="right")
    ax.set_xlabel("seats, by reservation value (low to high)")
    ax.set_ylabel("gain in probability of ratification")
    ax.set_xlim(0.5, c.size + 0.5)
    ax2 = ax.twinx()
    ax2.plot(seats, p, color=_SPREAD, lw=1.5, ls="--", label="seat's probability of voting yes")
    ax2.set_ylabel("probability of voting yes")
    ax2.set_ylim(0, 1.02)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=8, frameon=False, loc="lower left")
    return fig


def collusion_figure(
    constituency_a: TwoIssueConstituency, constituency_b: TwoIssueConstituency, starts: tuple[tuple[float, float], ...]
) -> Figure:
    """Collusive paths from several packages to the contract curve, in the Edgeworth box of Chapter 5.

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
    fig = Figure(figsize=(4.6, 4.6), layout="constrained")
    ax = fig.subplots()
    curve = contract_curve(constituency_a, constituency_b, 201)
    ax.plot(curve.b, curve.c, color="k", lw=1.5, ls="--", label="contract curve (tangencies)")
    for k, start in enumerate(starts):
        path = tactics.collusive_path(constituency_a, constituency_b, start)
        ax.plot(path.beef, path.citrus, color=_TARGETED, lw=1.8, label="collusive path" if k == 0 else None)
        ax.plot([path.beef[0]], [path.citrus[0]], "o", color=_SPREAD, ms=6, label="start" if k == 0 else None)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_aspect("equal")
    ax.set_xlabel("beef: A's gain")
    ax.set_ylabel("citrus: A's gain")
    ax.text(0.98, 0.98, "AM", ha="right", va="top")
    ax.text(0.02, 0.02, "BM", ha="left", va="bottom")
    ax.legend(fontsize=8, frameon=False, loc="upper left")
    return fig
