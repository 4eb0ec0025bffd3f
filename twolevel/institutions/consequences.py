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

from .._checks import check_nonnegative, check_positive_int, check_quota, check_seed, check_unit
from ..agreement import agreement_probability
from ..bargaining import nash_bargaining
from ..defection import defection_rates
from ..winsets import Constituency, overlap, win_set

__all__ = ["RuleOutcome", "rule_outcome", "tighter_constraint"]


@dataclass(frozen=True)
class RuleOutcome:
    """The four quantities of p. 448 under one U.S. quota.

    Attributes
    ----------
    quota : float
        The U.S. (side X) quota.
    us_share : float or None
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
    >>> o = tl.rule_outcome(0.9, 0.6, 0.5, 0.5, uncertainty=0.05, trials=1000)
    >>> round(o.us_share, 3), round(o.overlap_width, 3)
    (0.5, 0.25)

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``prop-tighter``.
    """

    quota: float
    us_share: float | None
    overlap_width: float
    agreement_probability: float
    involuntary: float
    partner_value: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "quota", check_quota("quota", self.quota))
        if self.us_share is not None:
            object.__setattr__(self, "us_share", check_unit("us_share", self.us_share))
        for name in ("overlap_width", "agreement_probability", "involuntary", "partner_value"):
            object.__setattr__(self, name, check_unit(name, getattr(self, name)))


def rule_outcome(
    spread_us: float,
    spread_partner: float,
    quota_us: float,
    quota_partner: float = 0.5,
    *,
    uncertainty: float = 0.05,
    reneging_cost: float = 1.0,
    temptation: float = 1.0,
    members: int = 1001,
    sample: int = 101,
    trials: int = 4000,
    seed: int = 0,
) -> RuleOutcome:
    r"""The four quantities under one U.S. quota, with uniform constituencies on :math:`[0, s]`.

    Parameters
    ----------
    spread_us, spread_partner : float
        Upper ends of each side's reservation values, in [0, 1].
    quota_us, quota_partner : float
        Quotas in (0, 1].
    uncertainty, reneging_cost, temptation : float
        :func:`twolevel.defection_rates`'s parameters.
    members : int
        Constituents per side for the win-sets (population limit).
    sample, trials, seed : int
        :func:`twolevel.agreement_probability`'s ``n``, ``trials`` and ``seed``.

    Examples
    --------
    >>> o = tl.rule_outcome(0.9, 0.6, 2 / 3, 0.5, uncertainty=0.05, trials=1000)
    >>> round(o.us_share, 3), round(o.involuntary, 2)
    (0.6, 0.51)

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``prop-tighter``.
    """
    sx, sy = check_unit("spread_us", spread_us), check_unit("spread_partner", spread_partner)
    qx, qy = check_quota("quota_us", quota_us), check_quota("quota_partner", quota_partner)
    members = check_positive_int("members", members, maximum=1_000_000)
    sample = check_positive_int("sample", sample, maximum=10_001)
    trials = check_positive_int("trials", trials, maximum=1_000_000)
    seed = check_seed("seed", seed)
    wx = win_set(Constituency.uniform(sx, n=members), qx, "X")
    wy = win_set(Constituency.uniform(sy, n=members), qy, "Y")
    feasible = overlap(wx, wy)
    x_star = nash_bargaining(feasible)
    p_agree = float(agreement_probability(sx, sy, qx, qy, n=sample, trials=trials, seed=seed))
    rates = defection_rates(wx.lo, wy.hi, uncertainty, reneging_cost, temptation)
    partner = 0.0 if x_star is None else rates.implemented * (1.0 - x_star)
    return RuleOutcome(qx, x_star, feasible.width, p_agree, rates.involuntary, partner)


def tighter_constraint(
    spread_us: float,
    spread_partner: float,
    quota_before: float,
    quota_after: float,
    quota_partner: float = 0.5,
    **kwargs: float | int,
) -> tuple[RuleOutcome, RuleOutcome]:
    """The four quantities before and after the U.S. quota changes; nothing else changes.

    ``quota_after`` must be at least ``quota_before`` (a tighter rule). The
    keyword arguments go to :func:`rule_outcome` unchanged for both rules.

    Examples
    --------
    >>> before, after = tl.tighter_constraint(0.9, 0.6, 0.5, 2 / 3, trials=1000)
    >>> after.us_share > before.us_share, after.overlap_width < before.overlap_width
    (True, True)
    >>> after.involuntary > before.involuntary, after.partner_value < before.partner_value
    (True, True)

    References
    ----------
    Putnam (1988), p. 448: "This increases the bargaining power of American negotiators, but ...".
    Book: chapter 6, ``prop-tighter``.
    """
    qb, qa = check_quota("quota_before", quota_before), check_quota("quota_after", quota_after)
    if qa < qb:
        raise ValueError(f"quota_after must be >= quota_before ({qb!r}) for a tighter rule, got {qa!r}")
    before = rule_outcome(spread_us, spread_partner, qb, quota_partner, **kwargs)  # type: ignore[arg-type]
    after = rule_outcome(spread_us, spread_partner, qa, quota_partner, **kwargs)  # type: ignore[arg-type]
    return before, after
