r"""Voluntary and involuntary defection (pp. 438–440).

Putnam separates two reasons why a promised agreement is not carried out.
*Voluntary* defection is "reneging by a rational egoist in the absence of
enforceable contracts"; *involuntary* defection "reflects the behavior of an
agent who is unable to deliver on a promise because of failed ratification"
(p. 438). Involuntary defection needs uncertainty: "if the win-sets were known
with certainty, the negotiators would never propose for ratification an
agreement that would be rejected" (note 38).

The model
---------
1. The negotiators believe X's win-set is :math:`[x_1, 1]` and Y's is
   :math:`[0, y_1]`, and propose the Nash agreement
   :math:`x^* = \operatorname{clamp}(1/2, x_1, y_1)` if :math:`x_1 \le y_1`
   (otherwise there is no proposal: deadlock).
2. The true boundaries differ from the believed ones by independent normal
   errors of standard deviation :math:`\sigma`:
   :math:`X_1 = x_1 + \sigma\varepsilon_X`, :math:`Y_1 = y_1 - \sigma\varepsilon_Y`.
   The deal fails ratification (involuntary defection) unless
   :math:`X_1 \le x^* \le Y_1`, so

   .. math::

      P(\text{involuntary}) = 1 - \Phi\!\left(\frac{x^* - x_1}{\sigma}\right)
                                  \Phi\!\left(\frac{y_1 - x^*}{\sigma}\right).

3. A ratified deal is implemented unless a government reneges. Each side's
   temptation to renege is uniform on :math:`[0, \tau]` and it reneges iff
   the temptation exceeds the reputational cost :math:`c` ("the Bonn
   'promise' had political weight, because reneging would have had high
   political and diplomatic costs", p. 438):
   :math:`P(\text{voluntary}) = 1 - (1 - \max(0, 1 - c/\tau))^2` given ratification.

Smaller win-sets put :math:`x^*` nearer a boundary, so involuntary defection
grows as win-sets shrink; voluntary defection does not depend on them at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ._checks import check_nonnegative, check_positive_int, check_real, check_seed, check_unit
from ._sampling import defection_draws
from .bargaining import nash_bargaining
from .scenario import Scenario, parameter, required
from .winsets import WinSet, overlap

__all__ = ["DefectionModel", "DefectionRates", "defection_rates", "simulate_defection"]


@dataclass(frozen=True)
class DefectionRates:
    """Probabilities (or simulated frequencies) of the four outcomes; they sum to 1.

    Examples
    --------
    >>> r = tl.defection_rates(0.3, 0.55, uncertainty=0.05, reneging_cost=0.8)
    >>> round(r.deadlock + r.involuntary + r.voluntary + r.implemented, 12)
    1.0

    References
    ----------
    Putnam (1988), p. 438 (voluntary and involuntary defection). Book: definition ``def-defection``
    (chapter 4).
    """

    deadlock: float
    involuntary: float
    voluntary: float
    implemented: float
    proposal: float | None  # the proposed agreement x*, None under deadlock

    def __post_init__(self) -> None:
        for name in ("deadlock", "involuntary", "voluntary", "implemented"):
            object.__setattr__(self, name, check_unit(name, getattr(self, name)))
        if self.proposal is not None:
            object.__setattr__(self, "proposal", check_unit("proposal", self.proposal))


def _phi(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def check_uncertainty(name: str, value: object) -> float:
    s = check_nonnegative(name, value)
    if s > 1.0:
        raise ValueError(f"{name} must lie in [0, 1] (a standard deviation in share units), got {s!r}")
    return s


def check_temptation(name: str, value: object) -> float:
    t = check_real(name, value)
    if not t > 0:
        raise ValueError(f"{name} must be > 0 (the largest gain from reneging), got {t!r}")
    return t


@dataclass(frozen=True)
class DefectionModel(Scenario):
    r"""The defection model's parameters (module docstring), validated once: Chapter 4's scenario of defection.

    Its methods :meth:`rates` and :meth:`simulate` are :func:`defection_rates`
    and :func:`simulate_defection` (which build one from loose parameters).

    Parameters
    ----------
    x1, y1 : float
        Believed boundaries of X's and Y's win-sets, in [0, 1].
    uncertainty : float
        :math:`\sigma \in [0, 1]`; 0 means the win-sets are known.
    reneging_cost : float
        Reputational cost :math:`c \ge 0` of reneging.
    temptation : float
        Largest gain :math:`\tau > 0` from reneging.

    Examples
    --------
    >>> m = tl.DefectionModel(x1=0.3, y1=0.55, uncertainty=0.05)
    >>> m.proposal
    0.5
    >>> tl.DefectionModel(x1=0.6, y1=0.4, uncertainty=0.05).proposal is None
    True
    >>> round(m.replace(uncertainty=0.1).rates().involuntary, 3)
    0.324

    References
    ----------
    Putnam (1988), pp. 438-440 and note 38. Book: definition ``def-defection``, proposition ``prop-
    involuntary`` (chapter 4).
    """

    x1: float = required(check_unit)
    y1: float = required(check_unit)
    uncertainty: float = required(check_uncertainty)
    reneging_cost: float = parameter(1.0, check_nonnegative)
    temptation: float = parameter(1.0, check_temptation)

    @property
    def proposal(self) -> float | None:
        """The Nash agreement in the believed overlap :math:`[x_1, y_1]`, or None under deadlock."""
        return nash_bargaining(overlap(WinSet(self.x1, 1.0), WinSet(0.0, self.y1)))

    def rates(self) -> DefectionRates:
        r"""Closed-form outcome probabilities (module docstring).

        Returns
        -------
        DefectionRates
            The probabilities of deadlock, involuntary and voluntary defection, and implementation.

        Examples
        --------
        >>> r = tl.DefectionModel(0.3, 0.55, 0.05, 0.8).rates()
        >>> r.proposal, round(r.involuntary, 3), round(r.voluntary, 3)
        (0.5, 0.159, 0.303)
        """
        return self.rates_at(self.proposal)

    def rates_at(self, proposal: float | None) -> DefectionRates:
        r"""Closed-form outcome probabilities when the negotiators propose ``proposal`` instead.

        The formulas of :meth:`rates` (module docstring) with :math:`x^*`
        replaced by any proposal: :math:`P(\text{involuntary}) = 1 -
        \Phi((x - x_1)/\sigma)\,\Phi((y_1 - x)/\sigma)`; voluntary defection
        does not depend on the proposal. ``rates()`` is
        ``rates_at(self.proposal)``; :func:`twolevel.defection_rates_with_margin`
        passes a proposal kept a margin inside the believed overlap.

        Parameters
        ----------
        proposal : float or None
            The agreement put to ratification, X's share in [0, 1]; None
            means no proposal (deadlock).

        Returns
        -------
        DefectionRates
            The probabilities of deadlock, involuntary and voluntary defection, and implementation.

        Examples
        --------
        >>> m = tl.DefectionModel(0.3, 0.55, 0.05, 0.8)
        >>> m.rates_at(m.proposal) == m.rates(), round(m.rates_at(0.3).involuntary, 3)
        (True, 0.5)
        >>> m.rates_at(None).deadlock
        1.0

        References
        ----------
        Putnam (1988), pp. 438-440 and note 38. Book: proposition ``prop-involuntary`` (chapter 4).
        """
        if proposal is None:
            return DefectionRates(1.0, 0.0, 0.0, 0.0, None)
        x = check_unit("proposal", proposal)
        s = self.uncertainty
        if s == 0.0:
            p_ratify = 1.0
        else:
            p_ratify = _phi((x - self.x1) / s) * _phi((self.y1 - x) / s)
        p_side = max(0.0, 1.0 - self.reneging_cost / self.temptation)
        p_vol_given = 1.0 - (1.0 - p_side) ** 2
        return DefectionRates(
            deadlock=0.0,
            involuntary=1.0 - p_ratify,
            voluntary=p_ratify * p_vol_given,
            implemented=p_ratify * (1.0 - p_vol_given),
            proposal=x,
        )

    def simulate(self, *, trials: int = 100_000, seed: int = 0) -> DefectionRates:
        """Monte Carlo version of :meth:`rates`: the frequencies of the outcomes in ``trials`` negotiations.

        Each trial draws the true win-set boundaries, holds the up-or-down
        votes, and, if both sides ratify, draws each side's temptation to
        renege. The frequencies converge to :meth:`rates`. The trials are drawn
        in chunks within the working memory (:func:`twolevel.working_memory`).

        Parameters
        ----------
        trials : int
            Simulated negotiations, 1 to 10,000,000.
        seed : int
            Seed of the generator.

        Returns
        -------
        DefectionRates
            The observed frequencies of the four outcomes.

        Examples
        --------
        >>> round(tl.DefectionModel(0.3, 0.55, 0.05, 0.8).simulate(trials=20_000, seed=2).involuntary, 2)
        0.16
        """
        trials = check_positive_int("trials", trials, maximum=10_000_000)
        seed = check_seed("seed", seed)
        x = self.proposal
        if x is None:
            return DefectionRates(1.0, 0.0, 0.0, 0.0, None)
        x1, y1, s, c = self.x1, self.y1, self.uncertainty, self.reneging_cost
        rejected = reneged = 0
        for eps, tempt in defection_draws(trials, seed, self.temptation):
            ratified = (x1 + s * eps[0] <= x) & (x <= y1 - s * eps[1])
            rejected += int(np.count_nonzero(~ratified))
            reneged += int(np.count_nonzero((tempt > c).any(axis=0) & ratified))
        inv, vol = rejected / trials, reneged / trials
        return DefectionRates(0.0, inv, vol, 1.0 - inv - vol, x)


def defection_rates(
    x1: float, y1: float, uncertainty: float, reneging_cost: float = 1.0, temptation: float = 1.0
) -> DefectionRates:
    r"""Closed-form outcome probabilities of the defection model (module docstring).

    The same as ``DefectionModel(x1, y1, uncertainty, reneging_cost, temptation).rates()``
    (:meth:`DefectionModel.rates`).

    Parameters
    ----------
    x1, y1 : float
        Believed boundaries of X's and Y's win-sets, in [0, 1].
    uncertainty : float
        :math:`\sigma \in [0, 1]`; 0 means the win-sets are known.
    reneging_cost : float
        Reputational cost :math:`c \ge 0` of reneging.
    temptation : float
        Largest gain :math:`\tau > 0` from reneging.

    Returns
    -------
    DefectionRates
        The probabilities of deadlock, involuntary and voluntary defection, and implementation.

    Examples
    --------
    >>> r = tl.defection_rates(0.3, 0.55, 0.05, 0.8)
    >>> r.proposal, round(r.involuntary, 3), round(r.voluntary, 3)
    (0.5, 0.159, 0.303)
    >>> tl.defection_rates(0.3, 0.4, 0.05).involuntary > r.involuntary
    True

    References
    ----------
    Putnam (1988), pp. 438-440. Book: proposition ``prop-involuntary`` (chapter 4).
    """
    return DefectionModel(x1, y1, uncertainty, reneging_cost, temptation).rates()


def simulate_defection(
    x1: float,
    y1: float,
    uncertainty: float,
    reneging_cost: float = 1.0,
    temptation: float = 1.0,
    *,
    trials: int = 100_000,
    seed: int = 0,
) -> DefectionRates:
    """Monte Carlo version of :func:`defection_rates`: simulate ``trials`` negotiations.

    The same as ``DefectionModel(x1, y1, uncertainty, reneging_cost, temptation).simulate(trials=trials, seed=seed)``
    (:meth:`DefectionModel.simulate`).

    Parameters
    ----------
    x1, y1, uncertainty, reneging_cost, temptation : float
        As in :func:`defection_rates`.
    trials : int
        Simulated negotiations, 1 to 10,000,000.
    seed : int
        Seed of the generator.

    Returns
    -------
    DefectionRates
        The observed frequencies of the four outcomes.

    Examples
    --------
    >>> sim = tl.simulate_defection(0.3, 0.55, 0.05, 0.8, trials=20_000, seed=2)
    >>> round(sim.involuntary, 2)
    0.16

    References
    ----------
    Putnam (1988), pp. 438-440. Book: proposition ``prop-involuntary`` and exercise ``ex-defection``
    (chapter 4).
    """
    model = DefectionModel(x1, y1, uncertainty, reneging_cost, temptation)
    return model.simulate(trials=trials, seed=seed)
