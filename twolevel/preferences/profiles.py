r"""Finite alternatives, rankings and the win-set of a divided government (pp. 444–445).

On a heterogeneous issue Putnam compares "three alternatives: A, B, and
no-agreement" (p. 444). A *bloc* of constituents has a weight and a strict
ranking of the alternatives, no-agreement (``"NA"``) included. Ratification
still pits one alternative against no-agreement, so

.. math::

    x \in W(q) \iff \frac{\sum_{k:\ x \succ_k \mathrm{NA}} w_k}{\sum_k w_k} \ge q ,

whatever else the blocs think of each other's favourites. This is why an
alternative that would lose a Level II vote against its rival can still be
ratified, and why "a government that is internally divided" can be "more
likely to be able to strike a deal internationally than one that is firmly
committed to a single policy" (p. 445).

>>> p = putnam_example(divided=True)
>>> sorted(profile_win_set(p, 0.5)), condorcet_winner(p)
(['A', 'B'], 'B')
>>> sorted(profile_win_set(putnam_example(divided=False), 0.5))
['A']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

import numpy as np
import numpy.typing as npt

from .._checks import check_bool, check_instance, check_mapping, check_names, check_quota, check_real, check_unit
from .._numerics import quota_target, weight_units
from ..winsets import TIE_TOLERANCE

__all__ = [
    "NO_AGREEMENT",
    "Bloc",
    "Profile",
    "profile_win_set",
    "support",
    "condorcet_winner",
    "putnam_example",
    "DivisionEffect",
    "united_counterpart",
    "division_effect",
]

#: The label of no-agreement (the reversion point) in every ranking.
NO_AGREEMENT = "NA"


@dataclass(frozen=True)
class Bloc:
    """A bloc of constituents: a strict ranking (best first) and a weight.

    Parameters
    ----------
    ranking : sequence of str
        Every alternative exactly once, ``"NA"`` (no-agreement) included.
    weight : float
        A positive, finite share of the constituency (weights need not sum to 1).

    Examples
    --------
    >>> b = tl.Bloc(("M", tl.NO_AGREEMENT, "H"), 0.45)
    >>> b.ranking[0], b.weight
    ('M', 0.45)

    References
    ----------
    Putnam (1988), p. 444 (three types of constituents). Book: definition ``def-profile-win-set``
    (chapter 5).
    """

    ranking: tuple[str, ...]
    weight: float

    def __post_init__(self) -> None:
        ranking = check_names("ranking", self.ranking)
        if NO_AGREEMENT not in ranking:
            raise ValueError(f"ranking must include no-agreement {NO_AGREEMENT!r}, got {ranking!r}")
        if len(set(ranking)) != len(ranking):
            raise ValueError(f"ranking must list each alternative once, got {ranking!r}")
        if len(ranking) < 2:
            raise ValueError(f"ranking must hold at least one alternative besides {NO_AGREEMENT!r}")
        w = check_real("weight", self.weight)
        if not w > 0:
            raise ValueError(f"weight must be > 0, got {w!r}")
        object.__setattr__(self, "ranking", ranking)
        object.__setattr__(self, "weight", w)

    def prefers(self, a: str, b: str) -> bool:
        """Whether the bloc ranks ``a`` above ``b``."""
        for name, alt in (("a", a), ("b", b)):
            if not isinstance(alt, str) or alt not in self.ranking:
                raise ValueError(f"{name} must be one of the ranked alternatives {self.ranking}, got {alt!r:.60}")
        return self.ranking.index(a) < self.ranking.index(b)

    @property
    def accepts(self) -> frozenset[str]:
        """The alternatives this bloc ranks above no-agreement."""
        return frozenset(self.ranking[: self.ranking.index(NO_AGREEMENT)])


@dataclass(frozen=True)
class Profile:
    """The blocs of one Level II constituency, all ranking the same alternatives.

    Examples
    --------
    >>> p = tl.putnam_example()
    >>> len(p.blocs), sorted(p.alternatives)
    (3, ['A', 'B'])

    References
    ----------
    Putnam (1988), p. 444. Book: definition ``def-profile-win-set`` (chapter 5).
    """

    blocs: tuple[Bloc, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.blocs, (tuple, list)):
            raise TypeError(f"blocs must be a tuple of Bloc, got {type(self.blocs).__name__}")
        blocs = tuple(self.blocs)
        if not blocs:
            raise ValueError("blocs must not be empty")
        if not all(isinstance(b, Bloc) for b in blocs):
            raise TypeError("blocs must be Bloc instances")
        alts = set(blocs[0].ranking)
        for b in blocs[1:]:
            if set(b.ranking) != alts:
                raise ValueError(f"every bloc must rank the same alternatives; {sorted(alts)} != {sorted(b.ranking)}")
        if not math.isfinite(sum(b.weight for b in blocs)):
            raise ValueError("the blocs' weights must have a finite sum (rescale them: only their ratios matter)")
        object.__setattr__(self, "blocs", blocs)

    @classmethod
    def from_shares(cls, shares: dict[tuple[str, ...] | str, float]) -> Profile:
        """Build from ``{ranking: weight}``; a ranking may be written ``"A>NA>B"``."""
        blocs = []
        for ranking, w in check_mapping("shares", shares).items():
            if isinstance(ranking, str):
                r: object = tuple(s.strip() for s in ranking.split(">"))
            else:
                r = ranking
            try:
                blocs.append(Bloc(check_names("shares", r), check_real("shares", w)))
            except (TypeError, ValueError) as exc:
                raise type(exc)(f"shares: the bloc {ranking!r:.60} is not valid ({exc})") from None
        if not blocs:
            raise ValueError("shares must hold at least one {ranking: weight} item")
        return cls(tuple(blocs))

    @property
    def alternatives(self) -> tuple[str, ...]:
        """The alternatives other than no-agreement, in the first bloc's order."""
        return tuple(a for a in self.blocs[0].ranking if a != NO_AGREEMENT)

    @property
    def total(self) -> float:
        return sum(b.weight for b in self.blocs)

    @cached_property
    def _tally(self) -> _Tally:
        """The distinct rankings, their exact weights and positions: one pass over the blocs, cached."""
        return _Tally.of(self)


@dataclass(frozen=True)
class _Tally:
    """A profile reduced to its ``k`` distinct rankings (the blocs that share a ranking vote alike).

    ``labels`` are the alternatives (``profile.alternatives``) followed by
    ``"NA"``; ``positions[g, j]`` is the rank of ``labels[j]`` in the ``g``-th
    distinct ranking (0 = best) and ``units[g]`` the exact integer weight of
    its blocs (:func:`~twolevel._numerics.weight_units`), so every count is
    an exact integer sum whatever the blocs' order.
    """

    labels: tuple[str, ...]
    positions: npt.NDArray[np.int32]
    units: npt.NDArray[np.int64]
    total: int

    @classmethod
    def of(cls, profile: Profile) -> _Tally:
        blocs = profile.blocs
        index: dict[tuple[str, ...], int] = {}
        codes = np.fromiter(
            (index.setdefault(r, len(index)) for r in map(attrgetter("ranking"), blocs)),
            dtype=np.intp,
            count=len(blocs),
        )
        weights = np.fromiter(map(attrgetter("weight"), blocs), dtype=float, count=len(blocs))
        units = np.zeros(len(index), dtype=np.int64)
        np.add.at(units, codes, weight_units(weights))
        labels = (*profile.alternatives, NO_AGREEMENT)
        column = {a: j for j, a in enumerate(labels)}
        positions = np.empty((len(index), len(labels)), dtype=np.int32)
        for ranking, g in index.items():
            positions[g, [column[a] for a in ranking]] = np.arange(len(ranking), dtype=np.int32)
        return cls(labels, positions, units, int(units.sum()))

    def weight_preferring(self, a: int, b: int) -> int:
        """Exact weight (units) of the blocs ranking ``labels[a]`` above ``labels[b]``."""
        return int(self.units[self.positions[:, a] < self.positions[:, b]].sum())

    def beats(self, a: int, b: int) -> bool:
        """A strict pairwise majority for ``labels[a]`` over ``labels[b]``: more than half, beyond the tie tolerance."""
        margin = self.weight_preferring(a, b) - self.weight_preferring(b, a)
        return margin > TIE_TOLERANCE * self.total

    def accepted(self) -> npt.NDArray[np.int64]:
        """Exact weight (units) ranking each alternative above no-agreement."""
        above = self.positions[:, :-1] < self.positions[:, -1:]
        return np.asarray(np.where(above, self.units[:, None], 0).sum(axis=0), dtype=np.int64)


def support(profile: Profile, alternative: str) -> float:
    """Share of the weight that ranks ``alternative`` above no-agreement.

    Parameters
    ----------
    profile : Profile
        The blocs and their rankings.
    alternative : str
        One of the profile's alternatives.

    Returns
    -------
    float
        A share of the weight, in [0, 1].

    Examples
    --------
    >>> p = tl.putnam_example()
    >>> [round(tl.support(p, a), 2) for a in sorted(p.alternatives)]
    [0.55, 0.55]

    References
    ----------
    Putnam (1988), p. 444. Book: definition ``def-profile-win-set`` (chapter 5).
    """
    check_instance("profile", profile, Profile)
    shares = _supports(profile)
    if not isinstance(alternative, str) or alternative not in shares:
        raise ValueError(f"alternative must be one of {profile.alternatives}, got {alternative!r:.60}")
    return shares[alternative]


def _supports(profile: Profile) -> dict[str, float]:
    """Every alternative's support, from the exact tally (linear in the size of the profile)."""
    tally = profile._tally
    return {a: float(u) / tally.total for a, u in zip(tally.labels, tally.accepted().tolist(), strict=False)}


def profile_win_set(profile: Profile, quota: float) -> frozenset[str]:
    """The alternatives that would be ratified against no-agreement (p. 437, p. 444).

    An alternative is in the win-set iff the blocs ranking it above ``"NA"``
    hold at least ``quota`` of the weight (reaching the quota ratifies). The
    weights are counted exactly, in the integer units of
    :func:`win_set`, so the tie rule is that of :func:`ratifies`. Linear in
    the size of the profile: the blocs are grouped by ranking once (cached
    on the profile) and each distinct ranking is weighed once.

    Parameters
    ----------
    profile : Profile
        The blocs and their rankings.
    quota : float
        The ratification quota, in (0, 1].

    Returns
    -------
    frozenset of str
        The alternatives in the win-set.

    Examples
    --------
    >>> sorted(tl.profile_win_set(tl.putnam_example(), 0.5))
    ['A', 'B']

    References
    ----------
    Putnam (1988), pp. 437 and 444. Book: definition ``def-profile-win-set``, proposition
    ``prop-45-45-10`` (chapter 5).
    """
    check_instance("profile", profile, Profile)
    q = check_quota("quota", quota)
    tally = profile._tally
    # Exact integer counts against the integer target of the tie rule, as win_set and ratifies.
    target = int(quota_target(q, tally.total))
    return frozenset(a for a, u in zip(tally.labels, tally.accepted().tolist(), strict=False) if u >= target)


def condorcet_winner(profile: Profile, include_no_agreement: bool = False) -> str | None:
    """The alternative that beats every other in pairwise majority votes, if any.

    With ``include_no_agreement=False`` this is the outcome "in a simple
    Level-II-only game" (p. 444): a domestic choice between the policies
    themselves, where no-agreement is not on the ballot.

    :math:`a` beats :math:`b` iff the weight ranking :math:`a` above
    :math:`b` exceeds the weight ranking :math:`b` above :math:`a` by more
    than :data:`TIE_TOLERANCE` of the total (exact integer counts; a tie beats
    neither). Complexity: one pass over the blocs groups them by ranking
    (:math:`O(nm)` for :math:`n` blocs and :math:`m` alternatives, the size
    of the profile, cached on the profile), then a candidate pass and a
    verification pass make :math:`2(m-1)` pairwise comparisons of
    :math:`O(k)` each, :math:`k` the number of distinct rankings: linear in
    :math:`m`, not the :math:`O(m^2 n)` of comparing every pair.

    Parameters
    ----------
    profile : Profile
        The blocs and their rankings.
    include_no_agreement : bool
        Whether no-agreement competes as an alternative.

    Returns
    -------
    str or None
        The Condorcet winner, or None if there is none (a cycle or a tie).

    Examples
    --------
    >>> tl.condorcet_winner(tl.putnam_example())
    'B'
    >>> tl.condorcet_winner(tl.Profile.from_shares({"A>B>NA": 1, "B>A>NA": 1})) is None  # a tie
    True

    References
    ----------
    Putnam (1988), p. 444. Book: proposition ``prop-45-45-10`` (chapter 5).
    """
    check_instance("profile", profile, Profile)
    tally = profile._tally
    m = len(tally.labels) - (0 if check_bool("include_no_agreement", include_no_agreement) else 1)
    # "Beats" is antisymmetric, so one pass keeps the only possible winner: a candidate that fails to beat
    # the next alternative is not the winner, and the winner, once reached, beats every later one.
    candidate = 0
    for other in range(1, m):
        if not tally.beats(candidate, other):
            candidate = other
    if all(tally.beats(candidate, other) for other in range(m) if other != candidate):
        return tally.labels[candidate]
    return None


def putnam_example(divided: bool = True) -> Profile:
    """The two distributions of preferences in Putnam's text (p. 444).

    Divided: 45% A > NA > B, 45% B > NA > A, 10% B > A > NA.
    United: 90% A > NA > B, 10% B > A > NA.

    Parameters
    ----------
    divided : bool
        The divided government (45-45-10) or the united one (90-10).

    Returns
    -------
    Profile

    Examples
    --------
    >>> sorted(tl.profile_win_set(tl.putnam_example(divided=True), 0.5))
    ['A', 'B']
    >>> sorted(tl.profile_win_set(tl.putnam_example(divided=False), 0.5))
    ['A']

    References
    ----------
    Putnam (1988), p. 444 (the 45-45-10 example). Book: proposition ``prop-45-45-10`` (chapter 5).
    """
    if check_bool("divided", divided):
        return Profile.from_shares({"A>NA>B": 45, "B>NA>A": 45, "B>A>NA": 10})
    return Profile.from_shares({"A>NA>B": 90, "B>A>NA": 10})


# -- divided versus united governments ---------------------------------------------


def united_counterpart(profile: Profile, policy: str | None = None) -> Profile:
    """The same constituency "firmly committed to a single policy".

    Every bloc that prefers another alternative to ``policy`` swaps the two in
    its ranking, so that ``policy`` becomes its favourite while no-agreement
    keeps its place: isolationists stay isolationists, internationalists stay
    internationalists, and the committed blocs all back ``policy``. By default
    ``policy`` is the alternative with the most first preferences.

    Parameters
    ----------
    profile : Profile
        The divided government's constituency.
    policy : str, optional
        The policy the united government backs (default: the most first preferences).

    Returns
    -------
    Profile

    Examples
    --------
    >>> u = tl.united_counterpart(tl.putnam_example())
    >>> sorted(tl.profile_win_set(u, 0.5))
    ['B']

    References
    ----------
    Putnam (1988), p. 445 (a government "firmly committed to a single policy"). Book: proposition
    ``prop-division`` (chapter 5).
    """
    check_instance("profile", profile, Profile)
    alts = profile.alternatives
    if policy is None:
        firsts = {a: sum(b.weight for b in profile.blocs if b.ranking[0] == a) for a in alts}
        policy = max(alts, key=lambda a: (firsts[a], -alts.index(a)))
    if policy not in alts:
        raise ValueError(f"policy must be one of {alts}, got {policy!r}")
    blocs = []
    for b in profile.blocs:
        r = list(b.ranking)
        top = next(a for a in r if a != NO_AGREEMENT)
        if top != policy and r.index(policy) > r.index(top):
            i, j = r.index(top), r.index(policy)
            r[i], r[j] = r[j], r[i]
        blocs.append(Bloc(tuple(r), b.weight))
    return Profile(tuple(blocs))


@dataclass(frozen=True)
class DivisionEffect:
    """Win-sets and chances of a deal for a divided profile and its united counterpart.

    Examples
    --------
    >>> e = tl.division_effect(tl.putnam_example(), 0.5)
    >>> sorted(e.divided_win_set), sorted(e.united_win_set)
    (['A', 'B'], ['B'])

    References
    ----------
    Putnam (1988), p. 444. Book: proposition ``prop-division`` (chapter 5).
    """

    divided_win_set: frozenset[str]
    united_win_set: frozenset[str]
    p_deal_divided: float
    p_deal_united: float

    def __post_init__(self) -> None:
        for name in ("divided_win_set", "united_win_set"):
            value = getattr(self, name)
            if not isinstance(value, frozenset) or not all(isinstance(a, str) for a in value):
                raise TypeError(f"{name} must be a frozenset of str, got {value!r:.60}")
        for name in ("p_deal_divided", "p_deal_united"):
            object.__setattr__(self, name, check_unit(name, getattr(self, name)))

    @property
    def division_helps(self) -> bool:
        return self.p_deal_divided > self.p_deal_united


def division_effect(
    profile: Profile,
    quota: float,
    foreign_acceptable: Sequence[str] | None = None,
    policy: str | None = None,
) -> DivisionEffect:
    r"""Compare a government's chance of a deal with that of its united counterpart.

    The other side's win-set is not known in advance: it is taken to contain
    exactly one of the alternatives, each equally likely (or one of
    ``foreign_acceptable``). A deal is possible iff that alternative is in
    this side's win-set, so :math:`P(\text{deal}) = |W \cap \mathcal{F}| / |\mathcal{F}|`.

    With two alternatives the difference has an exact form (tested): division
    *adds* B to the win-set when the faction backing B plus the
    internationalists reach the quota, and *loses* A when A's own supporters
    fall short of a quota that the committed blocs together would reach.
    ``policy`` is passed to :func:`united_counterpart`.

    Parameters
    ----------
    profile : Profile
        The divided government's constituency.
    quota : float
        The ratification quota, in (0, 1].
    foreign_acceptable : sequence of str, optional
        The alternatives the other side might accept (default: all).
    policy : str, optional
        The united counterpart's policy (:func:`united_counterpart`).

    Returns
    -------
    DivisionEffect
        Both win-sets and both chances of a deal.

    Examples
    --------
    >>> e = tl.division_effect(tl.putnam_example(), 0.5)
    >>> e.p_deal_divided, e.p_deal_united
    (1.0, 0.5)

    References
    ----------
    Putnam (1988), p. 444. Book: proposition ``prop-division`` (chapter 5).
    """
    check_instance("profile", profile, Profile)
    q = check_quota("quota", quota)
    foreign = (
        profile.alternatives if foreign_acceptable is None else check_names("foreign_acceptable", foreign_acceptable)
    )
    if not foreign or any(a not in profile.alternatives for a in foreign):
        raise ValueError(f"foreign_acceptable must be a non-empty subset of {profile.alternatives}, got {foreign!r}")
    united = united_counterpart(profile, policy)
    wd, wu = profile_win_set(profile, q), profile_win_set(united, q)
    return DivisionEffect(
        wd, wu, len(wd.intersection(foreign)) / len(foreign), len(wu.intersection(foreign)) / len(foreign)
    )
