r"""The four consequences of a tighter ratification rule, from one change of rule (p. 448).

The U.S. separation of powers "imposes a tighter constraint on the American
win-set than is true in many other countries" (p. 448). This, Putnam goes on,
increases American bargaining power, reduces the scope for cooperation,
"raises the odds for involuntary defection and makes potential partners
warier about dealing with the Americans" (p. 448).

One change of rule (the U.S. quota, side X) and Chapter 4's functions:

1. *bargaining power*: X's share under :func:`twolevel.nash_bargaining` on the overlap;
2. *scope for cooperation*: the overlap's width and
   :func:`twolevel.agreement_probability` (Chapter 4's sampling model);
3. *involuntary defection*: :func:`twolevel.defection_rates` with the
   believed boundaries and an error :math:`\sigma`;
4. *warier partners*: the partner's expected share from opening talks,
   :math:`P(\text{implemented}) \times (1 - x^*)`, which the partner weighs
   against the cost of negotiating (the model's reading of "warier").
"""

from __future__ import annotations

from dataclasses import dataclass

from .._checks import check_instance, check_quota, check_unit
from ..agreement import agreement_probability
from ..bargaining import nash_bargaining
from ..defection import DefectionModel
from ..winsets import Constituency, overlap, win_set
from .scenario import RuleScenario

__all__ = ["RuleOutcome", "rule_outcome", "tighter_constraint"]


@dataclass(frozen=True)
class RuleOutcome:
    """The four quantities of p. 448 under one U.S. quota.

    Attributes
    ----------
    quota : float
        The U.S. (side X) quota.
    share_x : float or None
        X's Nash share of the stake (None under deadlock).
    overlap_width : float
        Width of the feasible range (0 under deadlock).
    agreement_probability : float
        Chance that the sampled win-sets overlap.
    involuntary : float
        Probability that the proposed deal fails ratification (0 under deadlock: nothing is proposed).
    partner_value : float
        The partner's expected share from opening talks (0 under deadlock).

    Examples
    --------
    >>> o = tl.rule_outcome(tl.RuleScenario(0.9, 0.6, 0.5, 0.5, uncertainty=0.05, trials=1000))
    >>> round(o.share_x, 3), round(o.overlap_width, 3)
    (0.5, 0.25)

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``prop-tighter``.
    """

    quota: float
    share_x: float | None
    overlap_width: float
    agreement_probability: float
    involuntary: float
    partner_value: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "quota", check_quota("quota", self.quota))
        if self.share_x is not None:
            object.__setattr__(self, "share_x", check_unit("share_x", self.share_x))
        for name in ("overlap_width", "agreement_probability", "involuntary", "partner_value"):
            object.__setattr__(self, name, check_unit(name, getattr(self, name)))


def rule_outcome(scenario: RuleScenario) -> RuleOutcome:
    r"""The four quantities of p. 448 under the scenario's rule for X, with uniform constituencies on :math:`[0, s]`.

    Parameters
    ----------
    scenario : RuleScenario
        The constituencies' spreads, both quotas, the defection model's
        parameters and the sampling model's size, trials and seed.

    Returns
    -------
    RuleOutcome
        X's Nash share, the overlap's width, the probability of agreement, the
        probability of involuntary defection and the partner's expected share.

    Examples
    --------
    >>> o = tl.rule_outcome(tl.RuleScenario(0.9, 0.6, 2 / 3, 0.5, uncertainty=0.05, trials=1000))
    >>> round(o.share_x, 3), round(o.involuntary, 2)
    (0.6, 0.51)

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``prop-tighter``.
    """
    s = check_instance("scenario", scenario, RuleScenario)
    wx = win_set(Constituency.uniform(s.spread_x, n=s.n), s.quota_x, "X")
    wy = win_set(Constituency.uniform(s.spread_y, n=s.n), s.quota_y, "Y")
    feasible = overlap(wx, wy)
    x_star = nash_bargaining(feasible)
    p_agree = float(
        agreement_probability(
            s.spread_x, s.spread_y, s.quota_x, s.quota_y, sample_size=s.sample_size, trials=s.trials, seed=s.seed
        )
    )
    rates = DefectionModel(wx.lo, wy.hi, s.uncertainty, s.reneging_cost, s.temptation).rates()
    partner = 0.0 if x_star is None else rates.implemented * (1.0 - x_star)
    return RuleOutcome(s.quota_x, x_star, feasible.width, p_agree, rates.involuntary, partner)


def tighter_constraint(scenario: RuleScenario, quota_after: float) -> tuple[RuleOutcome, RuleOutcome]:
    """The four quantities before and after X's quota rises from the scenario's to ``quota_after``; nothing else changes.

    Parameters
    ----------
    scenario : RuleScenario
        The scenario before the change (its ``quota_x`` is the old rule).
    quota_after : float
        X's new quota, at least the old one (a tighter rule), in (0, 1].

    Returns
    -------
    (RuleOutcome, RuleOutcome)
        :func:`rule_outcome` before and after.

    Examples
    --------
    >>> before, after = tl.tighter_constraint(tl.RuleScenario(0.9, 0.6, 0.5, trials=1000), 2 / 3)
    >>> after.share_x > before.share_x, after.overlap_width < before.overlap_width
    (True, True)
    >>> after.involuntary > before.involuntary, after.partner_value < before.partner_value
    (True, True)

    References
    ----------
    Putnam (1988), p. 448: "This increases the bargaining power of American negotiators, but ...".
    Book: chapter 6, ``prop-tighter``.
    """
    s = check_instance("scenario", scenario, RuleScenario)
    qa = check_quota("quota_after", quota_after)
    if qa < s.quota_x:
        raise ValueError(
            f"quota_after must be >= the scenario's quota_x ({s.quota_x!r}) for a tighter rule, got {qa!r}"
        )
    return rule_outcome(s), rule_outcome(s.replace(quota_x=qa))
