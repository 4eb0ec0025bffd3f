r"""Ratification rules as objects (pp. 448–449).

"Ratification procedures clearly affect the size of the win-set" (p. 448).
A rule says which share of its own side's stake a body ratifies, given the
body's members. Every rule here is *monotone*: a member who accepts a share
:math:`s` accepts any :math:`s' > s`, so a rule ratifies every share at or
above one threshold, its **pivot** :math:`p`, and side X's win-set is
:math:`[p, 1]` (Y's is :math:`[0, 1 - p]`, as in :func:`twolevel.win_set`).

Rules
-----
- :class:`QuotaRule`: a share :math:`q` of the weight must vote yes;
  :math:`p = F^{-1}(q)`, the weighted lower quantile. :func:`simple_majority`
  (:math:`q = 1/2`), :func:`two_thirds` (the U.S. Senate's treaty rule) and
  :func:`unanimity` (:math:`q = 1`).
- :class:`SeatRule`: ``needed`` of ``seats`` equal seats; the blocking
  minority is ``seats - needed + 1`` ("thirty-four of the one hundred senators
  can block", p. 448, is ``SeatRule(100, 67)``).
- :class:`WeightedVotes`: a quota of *the rule's* weights (one per member),
  which replace the members' own weights.
- :class:`ConsensusNorm`: the informal "propensity for seeking the broadest
  possible domestic consensus" (p. 449), modelled two ways: a near-unanimity
  quota, and a veto for every sizeable group (each group of at least
  ``min_group_share`` of the weight must itself ratify by ``within``).
  Its pivot is the largest of the overall pivot and every sizeable group's.

A rule is *stricter* than another when its pivot is at least as high for
every constituency; the functions that compare rules rely on the pivots, not
on names. Raising a quota can only raise the pivot (a quantile is monotone
in its level), so a stricter rule never enlarges the win-set.

>>> import twolevel as tl
>>> senate = tl.Constituency.uniform(0.9, n=100)
>>> [round(r.pivot(senate), 3) for r in (tl.simple_majority(), tl.two_thirds(), tl.unanimity())]
[0.446, 0.599, 0.895]
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .._checks import (
    check_array,
    check_instance,
    check_label,
    check_positive_int,
    check_quota,
    check_text,
    check_unit,
    check_weights,
)
from .._numerics import TIE_TOLERANCE
from ..winsets import SIDES, Constituency, Side, WinSet

__all__ = [
    "RatificationRule",
    "QuotaRule",
    "SeatRule",
    "WeightedVotes",
    "ConsensusNorm",
    "simple_majority",
    "two_thirds",
    "unanimity",
    "rule_win_set",
    "pivot_of",
]


def pivot_of(reservations: npt.ArrayLike, weights: npt.ArrayLike, quota: float) -> float:
    r"""The smallest share that gathers a yes-weight of at least ``quota``: :math:`F^{-1}(q)`.

    Parameters
    ----------
    reservations : array_like of float
        Members' reservation values in [0, 1].
    weights : array_like of float
        Their non-negative weights, with a positive total.
    quota : float
        In (0, 1].

    Returns
    -------
    float
        The pivot :math:`F^{-1}(q)`.

    Examples
    --------
    >>> tl.pivot_of([0.2, 0.5, 0.8], [1, 1, 1], 2 / 3)
    0.5

    References
    ----------
    Putnam (1988), p. 437 (an up-or-down vote) and p. 448 (the rule). Book: chapter 6, ``def-rule``.
    """
    r = check_array("reservations", reservations, low=0.0, high=1.0)
    w = check_weights("weights", weights, r.size, of="reservations")
    q = check_quota("quota", quota)
    # The constituency's own quantile (exact integer weight units), so that a rule's pivot is the
    # constituency's pivot bit for bit.
    return float(Constituency(r, w).pivot(q))


class RatificationRule(ABC):
    """A monotone ratification rule: it ratifies every own-side share at or above its pivot.

    Subclasses implement :meth:`pivot`; :meth:`win_set` and :meth:`ratifies` follow.

    Examples
    --------
    >>> c = tl.Constituency([0.1, 0.4, 0.7])
    >>> r = tl.simple_majority()
    >>> r.pivot(c), r.win_set(c, "X"), r.ratifies(c, 0.39)
    (0.4, WinSet(0.4, 1), False)

    References
    ----------
    Putnam (1988), p. 448: "Ratification procedures clearly affect the size of the win-set". Book:
    chapter 6, ``def-rule``.
    """

    label: str = "rule"

    @abstractmethod
    def pivot(self, constituency: Constituency) -> float:
        """The smallest own-side share this rule ratifies for ``constituency``."""

    def win_set(self, constituency: Constituency, side: Side = "X") -> WinSet:
        """Side X's win-set :math:`[p, 1]` or side Y's :math:`[0, 1 - p]` under this rule."""
        check_label("side", side, SIDES)
        p = self.pivot(check_instance("constituency", constituency, Constituency))
        return WinSet(p, 1.0) if side == "X" else WinSet(0.0, 1.0 - p)

    def ratifies(self, constituency: Constituency, share: float) -> bool:
        """Whether the body ratifies a deal giving its own side ``share`` of the stake."""
        return check_unit("share", share) >= self.pivot(constituency)


@dataclass(frozen=True)
class QuotaRule(RatificationRule):
    """A share ``quota`` of the constituency's weight must vote yes.

    Parameters
    ----------
    quota : float
        In (0, 1]: 1/2 simple majority, 2/3 the Senate's treaty rule, 1 unanimity.
    label : str
        How the book names the rule.

    Examples
    --------
    >>> tl.QuotaRule(2 / 3).pivot(tl.Constituency([0.2, 0.5, 0.8]))
    0.5

    References
    ----------
    Putnam (1988), p. 448 (two-thirds against a simple majority). Book: chapter 6, ``def-rule``.
    """

    quota: float
    label: str = "quota"

    def __post_init__(self) -> None:
        check_text("label", self.label)
        object.__setattr__(self, "quota", check_quota("quota", self.quota))

    def pivot(self, constituency: Constituency) -> float:
        c = check_instance("constituency", constituency, Constituency)
        return float(c.pivot(self.quota))


def simple_majority() -> QuotaRule:
    """Half the weight ratifies (ties ratify, as in :func:`twolevel.win_set`).

    Returns
    -------
    QuotaRule

    Examples
    --------
    >>> tl.simple_majority().quota
    0.5

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``def-rule``.
    """
    return QuotaRule(0.5, "simple majority")


def two_thirds() -> QuotaRule:
    """Two-thirds of the weight ratifies: the U.S. Senate's treaty rule.

    Returns
    -------
    QuotaRule

    Examples
    --------
    >>> round(tl.two_thirds().quota, 4)
    0.6667

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``def-rule``.
    """
    return QuotaRule(2.0 / 3.0, "two-thirds")


def unanimity() -> QuotaRule:
    """Every member must ratify (the Council of Ministers on the CAP, p. 449).

    Returns
    -------
    QuotaRule

    Examples
    --------
    >>> tl.unanimity().pivot(tl.Constituency([0.1, 0.4, 0.7]))
    0.7

    References
    ----------
    Putnam (1988), p. 449 (the Treaty of Rome's unanimity). Book: chapter 6, ``def-rule``.
    """
    return QuotaRule(1.0, "unanimity")


@dataclass(frozen=True)
class SeatRule(RatificationRule):
    """``needed`` of ``seats`` equal seats must vote yes; one member per seat.

    Parameters
    ----------
    seats : int
        Number of seats (at least 1); the constituency must have exactly this many members.
    needed : int
        Yes-votes needed, 1 to ``seats``. The blocking minority is ``seats - needed + 1``.

    Examples
    --------
    >>> senate = tl.SeatRule(100, 67)
    >>> senate.blocking_minority
    34
    >>> senate.pivot(tl.Constituency.uniform(0.9, n=100)) == tl.two_thirds().pivot(tl.Constituency.uniform(0.9, n=100))
    True

    References
    ----------
    Putnam (1988), p. 448: "thirty-four of the one hundred senators can block". Book: chapter 6,
    ``def-rule``.
    """

    seats: int
    needed: int
    label: str = "seats"

    def __post_init__(self) -> None:
        check_text("label", self.label)
        seats = check_positive_int("seats", self.seats, maximum=100_000)
        needed = check_positive_int("needed", self.needed, maximum=seats)
        object.__setattr__(self, "seats", seats)
        object.__setattr__(self, "needed", needed)

    @property
    def blocking_minority(self) -> int:
        """The fewest members who can block ratification."""
        return self.seats - self.needed + 1

    def pivot(self, constituency: Constituency) -> float:
        c = check_instance("constituency", constituency, Constituency)
        if c.size != self.seats:
            raise ValueError(f"constituency must have one member per seat of the rule ({self.seats}), got {c.size}")
        if not np.allclose(c.weights, c.weights[0]):
            raise ValueError("constituency must have equal weights under a SeatRule rule (one vote per seat)")
        return float(np.sort(c.reservations)[self.needed - 1])


@dataclass(frozen=True)
class WeightedVotes(RatificationRule):
    """A quota of the rule's own votes, one weight per member (they replace the constituency's weights).

    Parameters
    ----------
    votes : sequence of float
        Non-negative votes per member with a positive total.
    quota : float
        Share of the votes needed, in (0, 1].

    Examples
    --------
    >>> rule = tl.WeightedVotes([10, 10, 5, 2], quota=0.7)
    >>> rule.pivot(tl.Constituency([0.6, 0.2, 0.4, 0.9]))
    0.6

    References
    ----------
    Putnam (1988), p. 437 (political power reduced to "some common denominator") and p. 448. Book:
    chapter 6, ``def-rule``.
    """

    votes: tuple[float, ...]
    quota: float
    label: str = "weighted votes"

    def __post_init__(self) -> None:
        check_text("label", self.label)
        raw = check_array("votes", self.votes, low=0.0)
        v = check_weights("votes", raw, raw.size)
        object.__setattr__(self, "votes", tuple(float(x) for x in v))
        object.__setattr__(self, "quota", check_quota("quota", self.quota))

    def pivot(self, constituency: Constituency) -> float:
        c = check_instance("constituency", constituency, Constituency)
        if c.size != len(self.votes):
            raise ValueError(
                f"constituency must have one member per vote of the rule ({len(self.votes)}), got {c.size}"
            )
        return pivot_of(c.reservations, self.votes, self.quota)


@dataclass(frozen=True)
class ConsensusNorm(RatificationRule):
    r"""An informal consensus norm: an overall quota plus a veto for every sizeable group.

    Parameters
    ----------
    quota : float
        Overall share of the weight needed, in (0, 1] (near 1: near-unanimity).
    groups : sequence of int, optional
        Group label of each member (e.g. ministries, factions, regions). Without
        groups the norm is just the quota.
    min_group_share : float
        Groups holding at least this share of the weight have a veto, in (0, 1].
    within : float
        Share of a sizeable group's weight that must agree for it not to veto, in (0, 1].

    Notes
    -----
    The pivot is :math:`\max\bigl(F^{-1}(q),\ \max_{g:\,w_g \ge m} F_g^{-1}(\text{within})\bigr)`:
    the deal must pass the overall quota and every sizeable group.

    Examples
    --------
    >>> c = tl.Constituency([0.1, 0.2, 0.3, 0.8, 0.9])
    >>> tl.ConsensusNorm(0.5).pivot(c)
    0.3
    >>> tl.ConsensusNorm(0.5, groups=(0, 0, 0, 1, 1), min_group_share=0.3).pivot(c)
    0.8

    References
    ----------
    Putnam (1988), p. 449: the Japanese "propensity for seeking the broadest possible domestic
    consensus". Book: chapter 6, ``def-rule``.
    """

    quota: float
    groups: tuple[int, ...] | None = None
    min_group_share: float = 1.0
    within: float = 0.5
    label: str = field(default="consensus norm")

    def __post_init__(self) -> None:
        check_text("label", self.label)
        object.__setattr__(self, "quota", check_quota("quota", self.quota))
        object.__setattr__(self, "min_group_share", check_quota("min_group_share", self.min_group_share))
        object.__setattr__(self, "within", check_quota("within", self.within))
        if self.groups is not None:
            if isinstance(self.groups, (str, bytes)) or not isinstance(self.groups, Sequence):
                raise TypeError(f"groups must be a sequence of integer labels, got {type(self.groups).__name__}")
            labels = tuple(
                check_positive_int(f"groups[{i}]", g, minimum=0, maximum=2**63 - 1) for i, g in enumerate(self.groups)
            )
            if not labels:
                raise ValueError("groups must not be empty (pass None for no groups)")
            object.__setattr__(self, "groups", labels)

    def pivot(self, constituency: Constituency) -> float:
        c = check_instance("constituency", constituency, Constituency)
        p = float(c.pivot(self.quota))
        if self.groups is None:
            return p
        if len(self.groups) != c.size:
            raise ValueError(
                f"groups must label every member of constituency ({c.size}) under this rule, got {len(self.groups)}"
            )
        labels = np.asarray(self.groups)
        total = float(c.weights.sum())
        for g in np.unique(labels):
            member = labels == g
            w = c.weights[member]
            # A group's share at the threshold counts as sizeable (relative tolerance for rounding).
            if float(w.sum()) >= self.min_group_share * total * (1.0 - TIE_TOLERANCE) and float(w.sum()) > 0:
                p = max(p, pivot_of(c.reservations[member], w, self.within))
        return p


def check_rule(name: str, value: object) -> RatificationRule:
    """``value`` if it is a ratification rule, else a TypeError naming ``name``."""
    if not isinstance(value, RatificationRule):
        raise TypeError(
            f"{name} must be a RatificationRule (e.g. tl.simple_majority(), tl.QuotaRule(0.6)), got {type(value).__name__}"
        )
    return value


def rule_win_set(constituency: Constituency, rule: RatificationRule, side: Side = "X") -> WinSet:
    """The win-set of ``constituency`` under ``rule`` (function form of :meth:`RatificationRule.win_set`).

    Parameters
    ----------
    constituency : Constituency
        The ratifying body's members.
    rule : RatificationRule
        How they ratify.
    side : {"X", "Y"}
        X's win-set is :math:`[p, 1]`, Y's :math:`[0, 1 - p]`.

    Returns
    -------
    WinSet

    Examples
    --------
    >>> c = tl.Constituency.uniform(0.9, n=100)
    >>> tl.rule_win_set(c, tl.two_thirds(), "Y")
    WinSet(0, 0.4015)

    References
    ----------
    Putnam (1988), p. 448. Book: chapter 6, ``prop-stricter``.
    """
    return check_rule("rule", rule).win_set(constituency, side)
