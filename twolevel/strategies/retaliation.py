r"""Targeted retaliation, and negotiators "moving jointly towards points of tangency" (p. 451).

*Retaliation* "should be targeted, neither at free-traders nor at confirmed
protectionists, but at the uncommitted" (pp. 450–451). In the model of
:mod:`twolevel.strategies.sidepayments`, retaliation that a constituent of the
other side would suffer if no agreement is reached makes no-agreement dearer
to him: it lowers his reservation value by the harm :math:`h_i`, exactly as a
side-payment :math:`t_i = h_i` raises his net support. Its effect on the other
side's probability of ratification is therefore its effect on the pivotal seat.

*Collusion.* Each negotiator "has an interest in helping the other to get the
final deal ratified. In effect, they are moving jointly towards points of
tangency between their respective political indifference curves" (p. 451).
In the two-issue box of :mod:`twolevel.preferences`, :func:`collusive_path` moves
a package in the direction :math:`\hat g_A + \hat g_B` (the sum of the unit
gradients of the two sides' smooth yes-shares). Its inner product with each
unit gradient is :math:`1 + \cos\theta \ge 0`, :math:`\theta` the angle
between the gradients, so both yes-shares rise to first order unless the
gradients are opposite. The path
stops where the gradients are opposite, i.e. on the contract curve
(:func:`twolevel.contract_curve`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from .._checks import (
    check_array,
    check_instance,
    check_nonnegative,
    check_positive_int,
    check_real,
    check_same_shape,
    check_unit,
)
from ..preferences.tangency import tangency_residual
from ..preferences.two_issues import TwoIssueConstituency, check_side
from .sidepayments import Package, SwingConstituency, _package

__all__ = ["commitment_groups", "retaliation_outcome", "CollusivePath", "collusive_path"]

Target = Literal["uncommitted", "supporters", "opponents", "everyone"]
_TARGETS = ("uncommitted", "supporters", "opponents", "everyone")

Array = npt.NDArray[np.float64]


def commitment_groups(constituency: SwingConstituency, deal: float, band: float = 0.1) -> npt.NDArray[np.str_]:
    r"""Label each seat ``"supporters"`` (:math:`p_i \ge 1 - b`), ``"opponents"`` (:math:`p_i \le b`) or ``"uncommitted"``.

    :math:`p_i` is the seat's probability of voting yes on the deal
    (:meth:`SwingConstituency.yes_probabilities`); :math:`b` is ``band``, in (0, 0.5).
    On a trade deal the committed supporters are the free-traders and the
    committed opponents the confirmed protectionists.

    Parameters
    ----------
    constituency : SwingConstituency
        The side's seats.
    deal : float
        The side's share of the stake in the agreement, in [0, 1].
    band : float
        :math:`b`, in the open interval (0, 0.5).

    Returns
    -------
    numpy.ndarray of str
        One label per seat, in the seats' order.

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
    >>> tl.commitment_groups(c, 0.5).tolist()
    ['supporters', 'supporters', 'uncommitted', 'opponents', 'opponents']

    References
    ----------
    Putnam (1988), pp. 450–451. Book: chapter 7, section ``ch07-retaliation``.
    """
    c = check_instance("constituency", constituency, SwingConstituency)
    b = check_real("band", band)
    if not 0.0 < b < 0.5:
        raise ValueError(f"band must lie in the open interval (0, 0.5), got {b!r}")
    p = c.yes_probabilities(deal)
    return np.where(p >= 1.0 - b, "supporters", np.where(p <= b, "opponents", "uncommitted"))


def retaliation_outcome(
    constituency: SwingConstituency, deal: float, amount: float, target: Target, band: float = 0.1
) -> Package:
    r"""Retaliation of total weight ``amount`` spread equally over the ``target`` group of the other side.

    ``amount`` is the mean harm per seat of the whole side (so that
    ``"everyone"`` harms each seat by ``amount``); a group of :math:`m` seats
    shares :math:`n \cdot \text{amount}`. The returned :class:`Package` holds
    the harm per seat as its payments and the other side's probability of
    ratifying ``deal`` once the harm is felt. An empty group receives
    nothing.

    Parameters
    ----------
    constituency : SwingConstituency
        The side's seats.
    deal : float
        The side's share of the stake in the agreement, in [0, 1].
    amount : float
        Mean harm per seat of the whole side, :math:`\ge 0`.
    target : {"uncommitted", "supporters", "opponents", "everyone"}
        The group harmed (:func:`commitment_groups`).
    band : float
        The groups' band, in (0, 0.5).

    Returns
    -------
    Package
        The harm per seat (as payments) and the other side's probability of ratifying.

    Examples
    --------
    >>> c = tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05)
    >>> [round(tl.retaliation_outcome(c, 0.5, 0.02, g).probability, 3)
    ...  for g in ("supporters", "opponents", "uncommitted", "everyone")]
    [0.5, 0.5, 0.881, 0.599]

    References
    ----------
    Putnam (1988), pp. 450–451: retaliation aimed "neither at free-traders nor at confirmed
    protectionists, but at the uncommitted"; note 66 (the Anglo-Hanse trade wars).
    Book: chapter 7, section ``ch07-retaliation``.
    """
    c = check_instance("constituency", constituency, SwingConstituency)
    x = check_unit("deal", deal)
    a = check_nonnegative("amount", amount)
    if target not in _TARGETS:
        raise ValueError(f"target must be one of {', '.join(_TARGETS)}, got {target!r}")
    harm = np.zeros(c.size)
    chosen = np.ones(c.size, dtype=bool) if target == "everyone" else commitment_groups(c, x, band) == target
    if chosen.any():
        harm[chosen] = a * (c.size / int(chosen.sum()))
        if not np.isfinite(harm).all():
            raise ValueError(f"amount must be finite once shared over the {target} group, got {a!r}")
    return _package(c, x, harm, np.ones(c.size))


@dataclass(frozen=True)
class CollusivePath:
    """Packages visited by :func:`collusive_path`, each side's smooth yes-share and the tangency residual.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="A", n=101)
    >>> b = tl.TwoIssueConstituency.power(0.5, 0.5, 0.5, quota=0.6, side="B", n=101)
    >>> path = tl.collusive_path(a, b, (0.2, 0.7))
    >>> bool(path.residual[-1] < 1e-4)
    True

    References
    ----------
    Putnam (1988), p. 451. Book: chapter 7, figure ``fig-collusion``.
    """

    beef: Array
    citrus: Array
    share_a: Array
    share_b: Array
    residual: Array

    def __post_init__(self) -> None:
        for name in ("beef", "citrus", "share_a", "share_b"):
            object.__setattr__(self, name, check_array(name, getattr(self, name), low=0.0, high=1.0))
        object.__setattr__(self, "residual", check_array("residual", self.residual, low=0.0))
        for name in ("citrus", "share_a", "share_b", "residual"):
            check_same_shape(("beef", name), self.beef, getattr(self, name))


def _smooth_share(side: TwoIssueConstituency, beef: float, citrus: float) -> float:
    gb, gc = side.own_gains(beef, citrus)
    law_b, law_c = side.laws
    a = side.beef_weight
    return float(a * np.asarray(law_b.cdf(gb)) + (1.0 - a) * np.asarray(law_c.cdf(gc)))


def _unit(v: tuple[Array, Array]) -> Array:
    g = np.array([float(v[0]), float(v[1])])
    norm = float(np.hypot(*g))
    return g / norm if norm > 0 and np.isfinite(norm) else np.zeros(2)


def collusive_path(
    constituency_a: TwoIssueConstituency,
    constituency_b: TwoIssueConstituency,
    start: npt.ArrayLike = (0.5, 0.5),
    step: float = 0.02,
    max_steps: int = 2000,
    tol: float = 1e-5,
) -> CollusivePath:
    r"""Both negotiators move the package so that both sides' yes-shares rise, to a tangency.

    From ``start`` = :math:`(b, c)` (A's gains on beef and citrus), repeat:
    :math:`d = \hat g_A + \hat g_B` with :math:`\hat g_S` the unit gradient of
    side :math:`S`'s smooth yes-share; try the package :math:`(b, c) + h\, d`
    kept inside :math:`[0.001, 0.999]^2`; accept it if neither smooth yes-share
    falls, otherwise halve :math:`h`. Stop when the tangency residual
    (:func:`twolevel.tangency_residual`) is below ``tol``, when :math:`h`
    falls below :math:`10^{-12}`, or after ``max_steps`` steps. Along the path
    both yes-shares never fall (tested), so the negotiators "help the other
    to get the final deal ratified" at no cost to their own ratification.

    Parameters
    ----------
    constituency_a, constituency_b : TwoIssueConstituency
        Sides A and B of the box.
    start : array_like of two floats
        The initial package :math:`(b, c)`, inside :math:`(0, 1)^2` (a tuple or an array);
        by default the even split on both issues.
    step : float
        Initial step length :math:`h`, in (0, 0.5].
    max_steps : int
        At most this many steps (1 to 100,000).
    tol : float
        Residual at which the path stops, in (0, 1).

    Returns
    -------
    CollusivePath
        The packages visited, both sides' smooth yes-shares and the tangency residual at each.

    Examples
    --------
    >>> a = tl.TwoIssueConstituency.power(0.7, 0.5, 0.5, quota=0.6, side="A", n=101)
    >>> b = tl.TwoIssueConstituency.power(0.3, 0.5, 0.5, quota=0.6, side="B", n=101)
    >>> path = tl.collusive_path(a, b, (0.5, 0.5))
    >>> bool(np.all(np.diff(path.share_a) >= 0) and np.all(np.diff(path.share_b) >= 0))
    True

    References
    ----------
    Putnam (1988), p. 451: Level I negotiators "are often in collusion" and move "jointly
    towards points of tangency between their respective political indifference curves".
    Book: chapter 7, figure ``fig-collusion``.
    """
    a = check_side("constituency_a", constituency_a, "A")
    b = check_side("constituency_b", constituency_b, "B")
    pair = check_array("start", start)
    if pair.size != 2:
        raise ValueError(f"start must be a pair (beef, citrus), got {pair.size} values")
    b0, c0 = float(pair[0]), float(pair[1])
    if not (0.0 < b0 < 1.0 and 0.0 < c0 < 1.0):
        raise ValueError(f"start must lie inside the open box (0, 1)^2, got {(b0, c0)!r}")
    h = check_real("step", step)
    if not 0.0 < h <= 0.5:
        raise ValueError(f"step must lie in (0, 0.5], got {h!r}")
    n = check_positive_int("max_steps", max_steps, maximum=100_000)
    eps = check_real("tol", tol)
    if not 0.0 < eps < 1.0:
        raise ValueError(f"tol must lie in the open interval (0, 1), got {eps!r}")
    point = np.array([b0, c0])
    va, vb = _smooth_share(a, *point), _smooth_share(b, *point)
    res = float(tangency_residual(a, b, *point))
    trail = [(point[0], point[1], va, vb, res)]
    for _ in range(n):
        if res < eps or h < 1e-12:
            break
        d = _unit(a.gradient(*point)) + _unit(b.gradient(*point))
        if not np.any(d):
            break
        trial = np.clip(point + h * d, 0.001, 0.999)
        ta, tb = _smooth_share(a, *trial), _smooth_share(b, *trial)
        if ta >= va and tb >= vb:
            point, va, vb = trial, ta, tb
            res = float(tangency_residual(a, b, *point))
            trail.append((point[0], point[1], va, vb, res))
        else:
            h /= 2.0
    cols = np.array(trail, dtype=float).T
    return CollusivePath(cols[0], cols[1], cols[2], cols[3], cols[4])
