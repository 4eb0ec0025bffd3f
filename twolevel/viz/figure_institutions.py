r"""Level II institutions on one line: the win-sets and both sides' outcomes as the rule, discipline and autonomy move.

X (say, the United States) chooses its institutions: a ratification rule
(quota :math:`q`), party discipline :math:`d` and its negotiator's autonomy
:math:`a` (:func:`twolevel.institutional_win_set`); Y's win-set is fixed by its
own simple-majority rule. The drawing shows both win-sets, their overlap and
the Nash agreement with each side's share, as in Figure 1: ``XM`` on the
left, ``YM`` on the right. Every position is computed by the model.

:func:`paradox_figure` is the paradox of state strength in one figure: as
autonomy rises, the win-set and the probability of agreement rise while X's
bargaining share falls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .._checks import check_array, check_unit
from ..institutions import LeverOutcome, autonomy_agreement_probability, lever_outcome
from ..winsets import Constituency, win_set
from .frames import Control, StaticExplorer, static_explorer

if TYPE_CHECKING:
    from .live_institutions import InstitutionsExplorer

__all__ = [
    "InstitutionsState",
    "institutions_state",
    "InstitutionsFigure",
    "institutions_static_explorer",
    "institutions_explorer",
    "paradox_figure",
]

_X_COLOUR = "#08519c"
_Y_COLOUR = "#a63603"
_FEASIBLE = "#9ecae1"

#: Slider positions of the static explorers (11 each: 121 frames for two sliders).
QUOTAS = tuple(round(0.5 + 0.05 * i, 2) for i in range(11))
DISCIPLINES = tuple(round(0.05 * i, 2) for i in range(11))
AUTONOMIES = tuple(round(0.1 * i, 1) for i in range(11))
#: The levers a static explorer can move: slider label and short name.
_LEVERS = {
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

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """

    spread_x: float
    spread_y: float
    quota_x: float
    quota_y: float
    discipline: float
    autonomy: float
    outcome: LeverOutcome

    def alt_text(self) -> str:
        o = self.outcome
        head = (
            f"X's rule needs {self.quota_x:.0%} of the weight, {self.discipline:.0%} of X's members follow the "
            f"leader, autonomy {self.autonomy:.1f}: X's win-set runs from {o.win_set_x.lo:.2f} to 1, "
            f"Y's from 0 to {o.win_set_y.hi:.2f}."
        )
        if o.share_x is None:
            return head + " The win-sets do not overlap: deadlock, no agreement is feasible."
        return head + f" Agreement at X's share {o.share_x:.2f}; Y receives {o.share_y:.2f}."


def institutions_state(
    spread_x: float = 0.9,
    spread_y: float = 0.6,
    quota_x: float = 0.5,
    quota_y: float = 0.5,
    discipline: float = 0.0,
    autonomy: float = 0.0,
    n: int = 1001,
) -> InstitutionsState:
    """The model's state for X's institutions, with uniform constituencies on [0, spread].

    Examples
    --------
    >>> from twolevel.viz import institutions_state
    >>> institutions_state(quota_x=1.0).outcome.feasible.is_empty
    True

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """
    cx = Constituency.uniform(check_unit("spread_x", spread_x), n=n)
    wy = win_set(Constituency.uniform(check_unit("spread_y", spread_y), n=n), quota_y, "Y")
    out = lever_outcome(cx, wy, quota_x, discipline, autonomy)
    return InstitutionsState(spread_x, spread_y, quota_x, quota_y, discipline, autonomy, out)


class InstitutionsFigure:
    """A reusable drawing of the institutions explorer whose artists are updated, never rebuilt.

    Examples
    --------
    >>> from twolevel.viz import InstitutionsFigure, institutions_state
    >>> d = InstitutionsFigure(institutions_state())
    >>> n = len(d.ax.get_children())
    >>> d.update(institutions_state(quota_x=1.0))
    >>> len(d.ax.get_children()) == n, d._status.get_text().startswith("Deadlock")
    (True, True)

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """

    def __init__(self, state: InstitutionsState, *, width: float = 8.0, height: float = 3.2):
        self.figure = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(self.figure)
        ax = self.ax = self.figure.add_subplot()
        ax.set_xlim(1.04, -0.04)  # XM (x = 1) on the left, as in Putnam's Figure 1
        ax.set_ylim(-0.9, 2.2)
        ax.set_yticks([1.2, 0.5])
        ax.set_yticklabels(["X's win-set", "Y's win-set"], fontsize=11)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ax.set_xticks([1.0, 0.75, 0.5, 0.25, 0.0])
        ax.set_xlabel("X's share of the stake (Y receives the rest)", fontsize=11)
        ax.tick_params(labelsize=10)
        ax.text(1.0, -0.55, "XM", ha="center", fontsize=12, fontweight="bold")
        ax.text(0.0, -0.55, "YM", ha="center", fontsize=12, fontweight="bold")
        self._band = ax.axvspan(0, 0, color=_FEASIBLE, alpha=0.5, lw=0, zorder=0)
        self._x_bar = ax.plot([0, 1], [1.2, 1.2], color=_X_COLOUR, lw=9, solid_capstyle="butt")[0]
        self._y_bar = ax.plot([0, 1], [0.5, 0.5], color=_Y_COLOUR, lw=9, solid_capstyle="butt")[0]
        self._deal = ax.plot([0.5], [-0.1], marker="D", ms=10, color="black", ls="none", zorder=5)[0]
        self._deal_text = ax.text(0.5, -0.4, "", ha="center", va="top", fontsize=10)
        self._status = ax.text(0.5, 1.9, "", ha="center", va="center", fontsize=12, fontweight="bold")
        self.update(state)

    def update(self, state: InstitutionsState) -> None:
        """Move the artists to ``state`` (no new artists are created)."""
        self.state = state
        o = state.outcome
        self._x_bar.set_xdata([o.win_set_x.lo, 1.0])
        self._y_bar.set_xdata([0.0, o.win_set_y.hi])
        if o.share_x is None:
            self._band.set_visible(False)
            self._deal.set_visible(False)
            self._deal_text.set_text("")
            self._status.set_text("Deadlock: the win-sets do not overlap")
            self._status.set_color("#b2182b")
            return
        lo, hi = o.feasible.lo, o.feasible.hi
        self._band.set_visible(True)
        self._band.set_x(lo)
        self._band.set_width(hi - lo)
        self._deal.set_visible(True)
        self._deal.set_data([o.share_x], [-0.1])
        self._deal_text.set_x(min(max(o.share_x, 0.2), 0.8))
        self._deal_text.set_text(f"Nash agreement: X {o.share_x:.2f}, Y {o.share_y:.2f}")
        self._status.set_text(f"Feasible: X's share from {lo:.2f} to {hi:.2f}")
        self._status.set_color("#08306b")


def institutions_static_explorer(
    *,
    spread_x: float = 0.9,
    spread_y: float = 0.6,
    quota_y: float = 0.5,
    levers: tuple[str, str] = ("quota_x", "discipline"),
    quota_x: float = 0.5,
    discipline: float = 0.0,
    autonomy: float = 0.0,
    quotas: tuple[float, ...] = QUOTAS,
    disciplines: tuple[float, ...] = DISCIPLINES,
    autonomies: tuple[float, ...] = AUTONOMIES,
) -> StaticExplorer:
    r"""Two of X's three institutional levers as sliders, in the static page (no kernel).

    A static explorer stores one picture per combination of its sliders'
    positions, so the three levers of the live explorer (11 positions each:
    :math:`11^3 = 1331` frames) are split into pairs of sliders
    (:math:`11^2 = 121` frames each): ``levers`` names the two that move, and
    the third is held at its keyword value.

    Parameters
    ----------
    spread_x, spread_y : float
        X's and Y's reservation values are uniform on :math:`[0, s]`.
    quota_y : float
        Y's ratification quota.
    levers : pair of str
        The two levers that move, two distinct names among ``"quota_x"`` (X's
        ratification quota, :math:`q`), ``"discipline"`` (the share :math:`d`
        of X's members who follow the leader) and ``"autonomy"`` (the weight
        :math:`a` of the decision-maker's own judgement); their order is the
        sliders' order.
    quota_x, discipline, autonomy : float
        The held lever's value; for a moving lever, the slider starts at the
        value of its grid nearest to it.
    quotas, disciplines, autonomies : tuple of float
        The positions of each lever's slider (11 each by default).

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
    names = tuple(_LEVERS)
    if (
        not isinstance(levers, (tuple, list))
        or len(levers) != 2
        or levers[0] == levers[1]
        or not all(isinstance(lv, str) and lv in _LEVERS for lv in levers)
    ):
        raise ValueError(f"levers must be two distinct names among {names}, got {levers!r}")
    held: dict[str, float] = {"quota_x": quota_x, "discipline": discipline, "autonomy": autonomy}
    grids = {"quota_x": tuple(quotas), "discipline": tuple(disciplines), "autonomy": tuple(autonomies)}
    controls = []
    for lever in levers:
        values = grids[lever]
        label, _ = _LEVERS[lever]
        start = min(values, key=lambda v: abs(v - held[lever])) if values else 0.0
        controls.append(Control(lever, label, values, start))

    def state(**moving: float) -> InstitutionsState:
        v = {**held, **moving}
        return institutions_state(spread_x, spread_y, v["quota_x"], quota_y, v["discipline"], v["autonomy"])

    drawing = InstitutionsFigure(state(**{c.name: c.initial for c in controls}))

    def update(**moving: float) -> str:
        drawing.update(state(**moving))
        return drawing.state.alt_text()

    (fixed,) = (lv for lv in names if lv not in levers)
    if set(levers) == {"quota_x", "discipline"}:
        name = "institutions"
    else:
        name = "-and-".join(_LEVERS[lv][1] for lv in levers)
    return static_explorer(
        drawing.figure,
        update,
        controls,
        name=name,
        caption=(
            f"Reservation values uniform on [0, {spread_x:g}] for X and [0, {spread_y:g}] for Y; "
            f"Y ratifies by {quota_y:.0%}; {_held_text(fixed, held[fixed])}. The diamond is the Nash agreement."
        ),
        dpi=90,
    )


def _held_text(lever: str, value: float) -> str:
    """The caption's words for the lever that does not move."""
    if lever == "quota_x":
        return f"X ratifies by {value:.0%}"
    if lever == "discipline":
        return f"{value:.0%} of X's members follow the leader"
    return f"X's autonomy {value:g}"


def institutions_explorer(**kwargs: float) -> InstitutionsExplorer:
    """Live ipywidgets explorer with three sliders: X's rule, discipline and autonomy.

    ipywidgets is imported only here, when an explorer is made.

    Examples
    --------
    >>> e = tl.viz.institutions_explorer(quota_x=1.0)
    >>> "deadlock" in e.summary.value
    True

    References
    ----------
    Putnam (1988), pp. 448-450. Book: chapter 6, the institutions explorer.
    """
    from .live_institutions import InstitutionsExplorer

    return InstitutionsExplorer(**kwargs)


def paradox_figure(
    spread_x: float = 0.9,
    spread_y: float = 0.6,
    quota_x: float = 2 / 3,
    quota_y: float = 0.5,
    autonomies: object = None,
    *,
    n: int = 101,
    trials: int = 4000,
    seed: int = 0,
) -> Figure:
    """The paradox of state strength: win-set and odds of agreement up, bargaining share down.

    Top: the width of X's win-set and the probability that the two win-sets
    overlap (Chapter 4's sampling model, ``n`` constituents per side); bottom:
    X's Nash share (population limit), against X's autonomy.

    Examples
    --------
    >>> from twolevel.viz import paradox_figure
    >>> fig = paradox_figure(autonomies=[0.0, 0.5, 1.0], trials=200)
    >>> len(fig.axes), fig.axes[1].get_xlabel()
    (2, "Autonomy of X's decision-makers")

    References
    ----------
    Putnam (1988), p. 449 ("state strength" and "state autonomy"). Book: chapter 6, ``prop-autonomy``.
    """
    a = np.linspace(0.0, 1.0, 41) if autonomies is None else check_array("autonomies", autonomies, low=0.0, high=1.0)
    probs = autonomy_agreement_probability(
        spread_x, spread_y, quota_x, quota_y, autonomy=a, sample_size=n, trials=trials, seed=seed
    )
    states = [institutions_state(spread_x, spread_y, quota_x, quota_y, 0.0, float(v)) for v in a]
    widths = [s.outcome.win_set_x.width for s in states]
    shares = [np.nan if s.outcome.share_x is None else s.outcome.share_x for s in states]
    fig = Figure(figsize=(7.0, 5.0), layout="constrained")
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True)
    top.plot(a, probs, color="#238b45", lw=2.2, label="Probability of agreement")
    top.plot(a, widths, color=_X_COLOUR, lw=2.2, ls="--", label="Width of X's win-set")
    top.set_ylim(-0.03, 1.03)
    top.set_ylabel("Probability / width")
    top.legend(loc="lower right", fontsize=9)
    top.set_title("Autonomy enlarges the win-set and the odds of agreement ...", fontsize=11)
    bottom.plot(a, shares, color=_Y_COLOUR, lw=2.2, label="X's Nash share")
    bottom.set_ylabel("X's share of the stake")
    bottom.set_xlabel("Autonomy of X's decision-makers")
    bottom.set_title("... and weakens X's bargaining position", fontsize=11)
    bottom.legend(loc="upper right", fontsize=9)
    return fig
