r"""Chapter 6: Level II institutions on one line, the win-sets and both sides' outcomes as the rule, discipline and autonomy move.

X (say, the United States) chooses its institutions: a ratification rule
(quota :math:`q`), party discipline :math:`d` and its negotiator's autonomy
:math:`a` (:func:`twolevel.institutional_win_set`); Y's win-set is fixed by its
own rule. The drawing shows both win-sets, their overlap and the Nash
agreement with each side's share, as in Figure 1: ``XM`` on the left, ``YM``
on the right. Every position is computed by the model.

:func:`paradox_figure` is the paradox of state strength in one figure: as
autonomy rises, the win-set and the probability of agreement rise while X's
bargaining share falls.

The drawing, both static explorers, the live explorer and the paradox figure
take the model's scenario, :class:`twolevel.InstitutionsScenario`, with any
of its fields as keyword overrides (:func:`twolevel.with_overrides`); the
state is the scenario's own :meth:`~twolevel.InstitutionsScenario.outcome`,
so the decision-makers' reservation value ``leader_reservation`` counts as
it does in the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .._checks import check_array

# From the subpackage itself: the flat ``twolevel`` namespace loads it lazily (PEP 562), which type checkers cannot follow.
from ..institutions import InstitutionsScenario, LeverOutcome, autonomy_agreement_probability
from ..scenario import with_overrides
from . import palette
from .drawing import axes_content
from .frames import QUOTAS, Control, StaticExplorer, nearest, static_explorer
from .share_line import share_axis, show_feasible

if TYPE_CHECKING:
    from .live import LiveExplorer

__all__ = [
    "InstitutionsState",
    "institutions_state",
    "InstitutionsFigure",
    "institutions_static_explorer",
    "institutions_explorer",
    "paradox_figure",
]

#: Positions of the other levers' sliders (11 each; the quotas' are :data:`twolevel.viz.frames.QUOTAS`).
DISCIPLINES = tuple(round(0.05 * i, 2) for i in range(11))
AUTONOMIES = tuple(round(0.1 * i, 1) for i in range(11))
#: The levers a static explorer can move: slider label (the live explorer's too) and short name.
LEVERS = {
    "quota_x": ("X's ratification quota", "rule"),
    "discipline": ("Share of X's members who follow the leader", "discipline"),
    "autonomy": ("Autonomy of X's decision-makers", "autonomy"),
}


@dataclass(frozen=True)
class InstitutionsState:
    """X's institutions and what they give: both win-sets, the overlap, both sides' shares.

    Examples
    --------
    >>> from twolevel.viz import institutions_state
    >>> s = institutions_state(quota_x=2 / 3)
    >>> round(s.outcome.share_x, 2), "Y receives 0.40" in s.alt_text()
    (0.6, True)
    >>> institutions_state(autonomy=0.5, leader_reservation=0.4).alt_text()[:120]
    "X's rule needs 50% of the weight, 0% of X's members follow the leader, autonomy 0.5 toward the decision-makers' own rese"

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """

    scenario: InstitutionsScenario
    outcome: LeverOutcome

    def alt_text(self) -> str:
        """The figure in words, with every position, for screen readers."""
        s, o = self.scenario, self.outcome
        # The decision-makers' own reservation value is named only when it is not the model's default, 0.
        leader = f" toward the decision-makers' own reservation value {s.leader_reservation:.2f}"
        head = (
            f"X's rule needs {s.quota_x:.0%} of the weight, {s.discipline:.0%} of X's members follow the "
            f"leader, autonomy {s.autonomy:.1f}{leader if s.leader_reservation else ''}: X's win-set runs from "
            f"{o.win_set_x.lo:.2f} to 1, Y's from 0 to {o.win_set_y.hi:.2f}."
        )
        if o.share_x is None:
            return head + " The win-sets do not overlap: deadlock, no agreement is feasible."
        return head + f" Agreement at X's share {o.share_x:.2f}; Y receives {o.share_y:.2f}."


def institutions_state(scenario: InstitutionsScenario | None = None, **overrides: float) -> InstitutionsState:
    """The model's state for X's institutions: the scenario and its :meth:`~twolevel.InstitutionsScenario.outcome`.

    Both constituencies are uniform on [0, spread]; X's win-set follows its
    rule, discipline and autonomy toward the decision-makers' own reservation
    value ``leader_reservation`` (:func:`twolevel.institutional_win_set`). The
    scenario caches both constituencies and Y's win-set, so an explorer that
    moves X's levers builds them once.

    Parameters
    ----------
    scenario : twolevel.InstitutionsScenario, optional
        The scenario (default: ``tl.InstitutionsScenario()``).
    **overrides
        Fields of the scenario to replace: ``institutions_state(quota_x=1.0)``
        (validated by :func:`twolevel.with_overrides`).

    Returns
    -------
    InstitutionsState
        Both win-sets, their overlap and the Nash agreement.

    Examples
    --------
    >>> from twolevel.viz import institutions_state
    >>> institutions_state(quota_x=1.0).outcome.feasible.is_empty
    True

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """
    s = with_overrides(InstitutionsScenario, scenario, overrides)
    return InstitutionsState(s, s.outcome())


class InstitutionsFigure:
    """A reusable drawing of the institutions explorer whose artists are updated, never rebuilt.

    Examples
    --------
    >>> from twolevel.viz import InstitutionsFigure, institutions_state
    >>> d = InstitutionsFigure(institutions_state())
    >>> n = len(d.ax.get_children())
    >>> d.update(institutions_state(quota_x=1.0))
    >>> len(d.ax.get_children()) == n, d.status.get_text().startswith("Deadlock")
    (True, True)

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """

    def __init__(self, state: InstitutionsState, *, width: float = 4.3, height: float = 3.0):
        self.figure = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(self.figure)
        ax = self.ax = self.figure.add_subplot()
        share_axis(ax, pad=0.04)
        ax.set_ylim(-1.0, 1.65)
        ax.set_yticks([1.2, 0.5])
        ax.set_yticklabels(["X's\nwin-set", "Y's\nwin-set"], fontsize=11)
        ax.tick_params(axis="y", length=0)
        ax.text(1.0, -0.62, "XM", ha="center", va="center", fontsize=12, fontweight="bold")
        ax.text(0.0, -0.62, "YM", ha="center", va="center", fontsize=12, fontweight="bold")
        self._band = ax.axvspan(0, 0, color=palette.FEASIBLE, alpha=palette.FEASIBLE_ALPHA, lw=0, zorder=0)
        self._x_bar = ax.plot([0, 1], [1.2, 1.2], color=palette.FIRST, lw=9, solid_capstyle="butt")[0]
        self._y_bar = ax.plot([0, 1], [0.5, 0.5], color=palette.SECOND, lw=9, solid_capstyle="butt")[0]
        self._deal = ax.plot([0.5], [-0.05], marker="D", ms=9, color="black", ls="none", zorder=5)[0]
        self._deal_text = ax.text(0.5, -0.3, "", ha="center", va="top", fontsize=11)
        self.status = ax.set_title("", fontsize=12, fontweight="bold")
        self.update(state)

    def moving(self) -> list[Artist]:
        """Everything inside the axes (:func:`twolevel.viz.drawing.axes_content`); the ticks and axis labels stay put."""
        return axes_content(self.ax)

    def update(self, state: InstitutionsState) -> None:
        """Move the artists to ``state`` (no new artists are created)."""
        self.state = state
        o = state.outcome
        self._x_bar.set_xdata([o.win_set_x.lo, 1.0])
        self._y_bar.set_xdata([0.0, o.win_set_y.hi])
        # share_x is None exactly when nothing is feasible; tested again for the type checker.
        if not show_feasible(self._band, self.status, o.feasible) or o.share_x is None:
            self._deal.set_visible(False)
            self._deal_text.set_text("")
            return
        self._deal.set_visible(True)
        self._deal.set_data([o.share_x], [-0.05])
        # Kept inside the axes: the label is about as wide as half of them.
        self._deal_text.set_x(min(max(o.share_x, 0.27), 0.73))
        self._deal_text.set_text(f"Nash agreement: X {o.share_x:.2f}, Y {o.share_y:.2f}")


def institutions_static_explorer(
    scenario: InstitutionsScenario | None = None,
    *,
    levers: tuple[str, str] = ("quota_x", "discipline"),
    quotas: tuple[float, ...] = QUOTAS,
    disciplines: tuple[float, ...] = DISCIPLINES,
    autonomies: tuple[float, ...] = AUTONOMIES,
    **overrides: float,
) -> StaticExplorer:
    r"""Two of X's three institutional levers as sliders, in the static page (no kernel).

    A static explorer stores one picture per combination of its sliders'
    positions, so the three levers of the live explorer (11 positions each:
    :math:`11^3 = 1331` frames) are split into pairs of sliders
    (:math:`11^2 = 121` frames each): ``levers`` names the two that move, and
    the third is held at the scenario's value.

    Parameters
    ----------
    scenario : twolevel.InstitutionsScenario, optional
        The scenario (default: ``tl.InstitutionsScenario()``). A moving lever's
        slider starts at the position of its grid nearest to the scenario's
        value; the held lever keeps it.
    levers : pair of str
        The two levers that move, two distinct names among ``"quota_x"`` (X's
        ratification quota, :math:`q`), ``"discipline"`` (the share :math:`d`
        of X's members who follow the leader) and ``"autonomy"`` (the weight
        :math:`a` of the decision-maker's own judgement); their order is the
        sliders' order.
    quotas, disciplines, autonomies : tuple of float
        The positions of each lever's slider (11 each by default).
    **overrides
        Fields of the scenario to replace.

    Returns
    -------
    StaticExplorer
        Named ``"institutions"`` for the rule and discipline, otherwise after
        its levers (``"rule-and-autonomy"``, ``"discipline-and-autonomy"``).

    Examples
    --------
    >>> from twolevel.viz import institutions_static_explorer
    >>> e = institutions_static_explorer(quotas=(0.5, 1.0), disciplines=(0.0, 0.5))
    >>> len(e.frames), "deadlock" in e.alts[e.index(quota_x=1.0, discipline=0.0)]
    (4, True)
    >>> e = institutions_static_explorer(levers=("quota_x", "autonomy"), quotas=(0.5, 1.0), autonomies=(0.0, 1.0))
    >>> e.name, "deadlock" in e.alts[e.index(quota_x=1.0, autonomy=0.0)], "deadlock" in e.alts[-1]
    ('rule-and-autonomy', True, False)
    >>> institutions_static_explorer(levers=("quota_x", "wealth"))
    Traceback (most recent call last):
    ...
    ValueError: levers must be two distinct names among ('quota_x', 'discipline', 'autonomy'), got ('quota_x', 'wealth')

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorers.
    """
    s = with_overrides(InstitutionsScenario, scenario, overrides)
    names = tuple(LEVERS)
    if (
        not isinstance(levers, (tuple, list))
        or len(levers) != 2
        or levers[0] == levers[1]
        or not all(isinstance(lv, str) and lv in LEVERS for lv in levers)
    ):
        raise ValueError(f"levers must be two distinct names among {names}, got {levers!r}")
    grids = {"quota_x": tuple(quotas), "discipline": tuple(disciplines), "autonomy": tuple(autonomies)}
    controls = []
    for lever in levers:
        values = grids[lever]
        controls.append(Control(lever, LEVERS[lever][0], values, nearest(values, getattr(s, lever))))
    drawing = InstitutionsFigure(institutions_state(s, **{c.name: c.initial for c in controls}))

    def update(**moving: float) -> str:
        drawing.update(institutions_state(s, **moving))
        return drawing.state.alt_text()

    (fixed,) = (lv for lv in names if lv not in levers)
    name = "institutions" if set(levers) == {"quota_x", "discipline"} else "-and-".join(LEVERS[lv][1] for lv in levers)
    return static_explorer(
        drawing.figure,
        update,
        controls,
        name=name,
        caption=(
            f"Reservation values uniform on [0, {s.spread_x:g}] for X and [0, {s.spread_y:g}] for Y; "
            f"Y ratifies by {s.quota_y:.0%}; {_held_text(fixed, getattr(s, fixed))}"
            + (f"; X's decision-makers' own reservation value {s.leader_reservation:g}" if s.leader_reservation else "")
            + ". The diamond is the Nash agreement."
        ),
        moving=drawing.moving(),
        dpi=90,
    )


def _held_text(lever: str, value: float) -> str:
    """The caption's words for the lever that does not move."""
    if lever == "quota_x":
        return f"X ratifies by {value:.0%}"
    if lever == "discipline":
        return f"{value:.0%} of X's members follow the leader"
    return f"X's autonomy {value:g}"


def institutions_explorer(
    scenario: InstitutionsScenario | None = None, **overrides: float
) -> LiveExplorer[InstitutionsState]:
    """Live explorer (JupyterLab) with three sliders: X's rule, discipline and autonomy.

    ipywidgets is imported only here, when an explorer is made.

    Parameters
    ----------
    scenario : twolevel.InstitutionsScenario, optional
        The initial scenario (default: ``tl.InstitutionsScenario()``).
    **overrides
        Fields of the scenario to replace.

    Returns
    -------
    LiveExplorer
        Sliders ``quota_x``, ``discipline``, ``autonomy``.

    Examples
    --------
    >>> e = tl.viz.institutions_explorer(quota_x=0.95)
    >>> "deadlock" in e.summary.value
    True
    >>> e.sliders["discipline"].value = 0.95
    >>> "Agreement at X's share" in e.summary.value
    True

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """
    from .live import LiveExplorer, Slider

    s = with_overrides(InstitutionsScenario, scenario, overrides)

    def state(**levers: float) -> InstitutionsState:
        return institutions_state(s, **levers)

    sliders = [
        Slider("quota_x", LEVERS["quota_x"][0], s.quota_x, 0.01),
        Slider("discipline", LEVERS["discipline"][0], s.discipline, 0.0),
        Slider("autonomy", LEVERS["autonomy"][0], s.autonomy, 0.0),
    ]
    return LiveExplorer(InstitutionsFigure(institutions_state(s)), state, sliders)


def paradox_figure(
    scenario: InstitutionsScenario | None = None,
    autonomies: object = None,
    *,
    sample_size: int = 101,
    trials: int = 4000,
    seed: int = 0,
    **overrides: float,
) -> Figure:
    """The paradox of state strength: win-set and odds of agreement up, bargaining share down.

    Top: the width of X's win-set and the probability that the two win-sets
    overlap (Chapter 4's sampling model, ``sample_size`` constituents per side); bottom:
    X's Nash share (population limit), against X's autonomy. The scenario's
    own autonomy is not used: it is the horizontal axis. Autonomy moves X's
    pivot toward the decision-makers' own reservation value
    ``leader_reservation`` in all three curves. The sampled probability
    (:func:`twolevel.autonomy_agreement_probability`) has no party
    discipline, so neither has the figure: a scenario with ``discipline > 0``
    is refused rather than drawn half with it and half without.

    Parameters
    ----------
    scenario : twolevel.InstitutionsScenario, optional
        Spreads, quotas and the decision-makers' reservation value (default:
        ``tl.InstitutionsScenario()``); its discipline must be 0.
    autonomies : array_like, optional
        Autonomies in [0, 1] (default: 41 from 0 to 1).
    sample_size, trials, seed : int
        Constituents per side, trials and seed of the sampled probability
        (:func:`twolevel.autonomy_agreement_probability`).
    **overrides
        Fields of the scenario to replace.

    Returns
    -------
    matplotlib.figure.Figure
        Two stacked panels sharing the autonomy axis.

    Examples
    --------
    >>> from twolevel.viz import paradox_figure
    >>> fig = paradox_figure(autonomies=[0.0, 0.5, 1.0], trials=200, quota_x=2 / 3)
    >>> len(fig.axes), fig.axes[1].get_xlabel()
    (2, "Autonomy of X's decision-makers")
    >>> paradox_figure(discipline=0.2)
    Traceback (most recent call last):
    ...
    ValueError: discipline must be 0 in paradox_figure (its sampled probability of agreement has no party discipline), got 0.2

    References
    ----------
    Putnam (1988), p. 449 ("state strength" and "state autonomy"). Book: chapter 6, ``prop-autonomy``.
    """
    s = with_overrides(InstitutionsScenario, scenario, overrides)
    if s.discipline:
        raise ValueError(
            "discipline must be 0 in paradox_figure (its sampled probability of agreement has no party "
            f"discipline), got {s.discipline!r}"
        )
    a = np.linspace(0.0, 1.0, 41) if autonomies is None else check_array("autonomies", autonomies, low=0.0, high=1.0)
    probs = autonomy_agreement_probability(
        s.spread_x,
        s.spread_y,
        s.quota_x,
        s.quota_y,
        autonomy=a,
        leader_reservation=s.leader_reservation,
        sample_size=sample_size,
        trials=trials,
        seed=seed,
    )
    states = [institutions_state(s, autonomy=float(v)) for v in a]
    widths = [st.outcome.win_set_x.width for st in states]
    shares = [np.nan if st.outcome.share_x is None else st.outcome.share_x for st in states]
    fig = Figure(figsize=(4.3, 5.4), layout="constrained")
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True)
    top.plot(a, probs, color=palette.THIRD, lw=2.2, label="Probability of agreement")
    top.plot(a, widths, color=palette.FIRST, lw=2.2, ls="--", label="Width of X's win-set")
    top.set_ylim(-0.03, 1.03)
    top.set_ylabel("Probability / width", fontsize=11)
    top.legend(loc="best", fontsize=11, frameon=True, framealpha=0.9)
    top.set_title("Autonomy enlarges the win-set\nand the odds of agreement ...", fontsize=11)
    bottom.plot(a, shares, color=palette.SECOND, lw=2.2, label="X's Nash share")
    bottom.set_ylabel("X's share of the stake", fontsize=11)
    bottom.set_xlabel("Autonomy of X's decision-makers", fontsize=11)
    bottom.set_title("... and weakens X's bargaining position", fontsize=11)
    bottom.legend(loc="best", fontsize=11)
    for ax in (top, bottom):
        ax.tick_params(labelsize=11)
    return fig
