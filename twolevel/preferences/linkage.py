r"""Synergistic issue linkage (pp. 446–448).

A majority at Level II opposes a policy (Putnam's example is oil price
decontrol), but "some members of that majority would be willing to switch
their vote on that issue in return for more jobs" (p. 447). Jobs from faster
growth abroad cannot be
produced at home: only an international deal delivers them. Linking the two
at Level I creates an option the domestic game did not have, and so changes
the domestic outcome without changing anybody's preferences.

The model
---------
Each country :math:`k` has constituents with weights :math:`w_i`, a utility
:math:`u_i` from its *own* policy change relative to the status quo
(decontrol for the United States, fiscal stimulus for Germany), and a benefit
:math:`g_i \ge 0` from the *other* country's policy. Alone, the policy is
ratified iff :math:`\sum_i w_i [u_i \ge 0] \ge q_k \sum_i w_i`; in the linked
package iff :math:`\sum_i w_i [u_i + g_i \ge 0] \ge q_k \sum_i w_i`, in both
countries. The domestic menu is {status quo, own policy}: the benefit
:math:`g_i` is simply not on it. A linkage is *synergistic* when the package is
ratified everywhere although some country's policy fails alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_bool, check_mapping, check_quota, check_text, check_unit, check_weights
from ..winsets import TIE_TOLERANCE

__all__ = ["LinkageCountry", "LinkageResult", "linkage_outcome"]


@dataclass(frozen=True, eq=False)
class LinkageCountry:
    """One country's Level II: own-policy utilities, cross-border benefits, weights, quota.

    Parameters
    ----------
    name : str
        Label, e.g. "United States".
    policy : str
        The policy asked of this country, e.g. "oil price decontrol".
    own_utility : array_like of float
        :math:`u_i`, each constituent's utility of its country's policy change
        (finite; negative means opposed).
    foreign_benefit : array_like of float
        :math:`g_i \\ge 0`, each constituent's gain from the other country's
        policy (jobs from growth abroad).
    weights : array_like of float, optional
        Non-negative voting weights with a positive total (default equal).
    quota : float
        Ratification quota in (0, 1].

    Examples
    --------
    >>> c = tl.LinkageCountry("X", "reflation", [-1.0, 2.0], [3.0, 0.0])
    >>> c.name, c.policy
    ('X', 'reflation')

    References
    ----------
    Putnam (1988), pp. 446-448 (synergistic linkage). Book: definition ``def-synergy`` (chapter 5).
    """

    name: str
    policy: str
    own_utility: npt.NDArray[np.float64]
    foreign_benefit: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64] | None = None
    quota: float = 0.5

    def __post_init__(self) -> None:
        check_text("name", self.name)
        check_text("policy", self.policy)
        u = check_array("own_utility", self.own_utility)
        g = check_array("foreign_benefit", self.foreign_benefit, low=0.0)
        if g.size != u.size:
            raise ValueError(
                f"own_utility and foreign_benefit must have one value per constituent each, got {u.size} and {g.size}"
            )
        w = np.ones_like(u) if self.weights is None else check_weights("weights", self.weights, u.size)
        object.__setattr__(self, "own_utility", u)
        object.__setattr__(self, "foreign_benefit", g)
        object.__setattr__(self, "weights", w)
        object.__setattr__(self, "quota", check_quota("quota", self.quota))

    def _share(self, yes: npt.NDArray[np.bool_]) -> float:
        w = np.asarray(self.weights, dtype=float)  # an array after __post_init__
        return float(w[yes].sum() / w.sum())

    @property
    def support_alone(self) -> float:
        """Weight share that ratifies the policy on its own."""
        return self._share(self.own_utility >= 0)

    @property
    def support_linked(self) -> float:
        """Weight share that ratifies the package (policy plus the foreign benefit)."""
        return self._share(self.own_utility + self.foreign_benefit >= 0)

    @property
    def switchers(self) -> float:
        """Weight share that opposes the policy alone but supports the package."""
        return self._share((self.own_utility < 0) & (self.own_utility + self.foreign_benefit >= 0))

    def passes(self, share: float) -> bool:
        """Whether a yes-share ``share`` (in [0, 1]) reaches the quota."""
        return check_unit("share", share) >= self.quota * (1 - TIE_TOLERANCE)


@dataclass(frozen=True)
class LinkageResult:
    """What each country ratifies alone and whether the linked package is ratified.

    Examples
    --------
    >>> x = tl.LinkageCountry("X", "reflation", [-1.0, 2.0], [3.0, 0.0])
    >>> y = tl.LinkageCountry("Y", "deregulation", [-1.0, 2.0], [3.0, 0.0])
    >>> r = tl.linkage_outcome(x, y)
    >>> r.alone, r.linked
    ({'X': True, 'Y': True}, True)

    References
    ----------
    Putnam (1988), pp. 447-448. Book: proposition ``prop-synergy`` (chapter 5).
    """

    alone: dict[str, bool]
    linked: bool
    support_alone: dict[str, float]
    support_linked: dict[str, float]
    switchers: dict[str, float]

    def __post_init__(self) -> None:
        check_bool("linked", self.linked)
        for name in ("alone", "support_alone", "support_linked", "switchers"):
            for key, value in check_mapping(name, getattr(self, name)).items():
                check_text(name, key)
                (check_bool if name == "alone" else check_unit)(name, value)

    @property
    def synergistic(self) -> bool:
        """The package is ratified although at least one policy fails on its own."""
        return self.linked and not all(self.alone.values())


def linkage_outcome(first: LinkageCountry, second: LinkageCountry) -> LinkageResult:
    """Ratification of each policy alone and of the linked package (pp. 447–448).

    Parameters
    ----------
    first, second : LinkageCountry
        The two countries, with different names.

    Returns
    -------
    LinkageResult
        What each country ratifies alone, whether the package is ratified, and the supports.

    Examples
    --------
    >>> x = tl.LinkageCountry("X", "reflation", [-1.0, 2.0], [3.0, 0.0])
    >>> y = tl.LinkageCountry("Y", "deregulation", [-1.0, 2.0], [3.0, 0.0])
    >>> tl.linkage_outcome(x, y).linked
    True

    References
    ----------
    Putnam (1988), pp. 447-448 ("synergistic issue linkage"). Book: proposition ``prop-synergy``
    (chapter 5).
    """
    for nm, c in (("first", first), ("second", second)):
        if not isinstance(c, LinkageCountry):
            raise TypeError(f"{nm} must be a LinkageCountry, got {type(c).__name__}")
    if first.name == second.name:
        raise ValueError(f"the two countries need different names, got {first.name!r} twice")
    countries = (first, second)
    alone = {c.name: c.passes(c.support_alone) for c in countries}
    linked = all(c.passes(c.support_linked) for c in countries)
    return LinkageResult(
        alone=alone,
        linked=linked,
        support_alone={c.name: c.support_alone for c in countries},
        support_linked={c.name: c.support_linked for c in countries},
        switchers={c.name: c.switchers for c in countries},
    )
