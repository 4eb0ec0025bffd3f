r"""The scenarios of Putnam's two figures, as validated parameter objects.

A scenario holds every parameter a figure is computed from, with its default
defined once and validated once (in ``__post_init__``). The figure, its static
explorer and its live explorer (:mod:`twolevel.viz`) all take the same object,
and a change of one parameter is ``dataclasses.replace(scenario, quota_y=0.7)``
(validated again). Numbers only: this module imports numpy, not matplotlib.

- :class:`Figure1Params`: "Effects of reducing win-set size" (Figure 1, p. 441),
  two constituencies with uniformly spread reservation values;
- :class:`Figure2Params`: "Political indifference curves for two-issue
  negotiation" (Figure 2, p. 447), two sides of the power family.

>>> import dataclasses
>>> import twolevel as tl
>>> p = tl.Figure1Params()
>>> p.spread_x, p.spread_y, p.quota_x, p.quota_y
(0.6, 0.9, 0.5, 0.5)
>>> dataclasses.replace(p, quota_y=2 / 3).quota_y
0.6666666666666666
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from ._checks import (
    check_gamma,
    check_grid_size,
    check_instance,
    check_mapping,
    check_open_unit,
    check_positive_int,
    check_quota,
    check_unit,
)
from .twoissue import TwoIssueConstituency
from .winsets import Constituency

__all__ = ["Figure1Params", "Figure2Params", "with_overrides"]

P = TypeVar("P", "Figure1Params", "Figure2Params")

#: Constituents per side or issue in a figure's scenario.
_check_size = partial(check_positive_int, maximum=1_000_000)


def _checked(check: Callable[[str, object], float | int]) -> Mapping[str, Callable[[str, object], float | int]]:
    """Field metadata naming the validator of a scenario parameter."""
    return {"check": check}


@dataclass(frozen=True, kw_only=True)
class _Scenario:
    """Validates every field once, with the validator named in its metadata."""

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, f.metadata["check"](f.name, getattr(self, f.name)))


@dataclass(frozen=True, kw_only=True)
class Figure1Params(_Scenario):
    r"""Figure 1's scenario: two constituencies with uniform reservation values.

    Side :math:`S`'s reservation values are spread evenly over
    :math:`[0, s_S]` (:meth:`twolevel.Constituency.uniform`); a larger spread
    means more constituents who find no-agreement cheap. The order of the
    parameters (constituencies, then quotas) is that of
    :func:`twolevel.agreement_probability`.

    Parameters
    ----------
    spread_x, spread_y : float
        Spreads :math:`s_X, s_Y` in [0, 1].
    quota_x, quota_y : float
        Ratification quotas in (0, 1].
    n : int
        Constituents per side, 1 to 1,000,000.

    Examples
    --------
    >>> import twolevel as tl
    >>> p = tl.Figure1Params(quota_y=2 / 3)
    >>> x, y = p.constituencies()
    >>> round(tl.win_set(y, p.quota_y, "Y").hi, 2)
    0.4
    >>> tl.Figure1Params(spread_x=1.5)
    Traceback (most recent call last):
    ...
    ValueError: spread_x must lie in [0, 1], got 1.5

    References
    ----------
    Putnam (1988), Figure 1 and its discussion, pp. 440-441.
    """

    spread_x: float = field(default=0.6, metadata=_checked(check_unit))
    spread_y: float = field(default=0.9, metadata=_checked(check_unit))
    quota_x: float = field(default=0.5, metadata=_checked(check_quota))
    quota_y: float = field(default=0.5, metadata=_checked(check_quota))
    n: int = field(default=1001, metadata=_checked(_check_size))

    def constituencies(self) -> tuple[Constituency, Constituency]:
        """X's and Y's constituencies (:meth:`twolevel.Constituency.uniform`)."""
        return (
            Constituency.uniform(self.spread_x, self.n),
            Constituency.uniform(self.spread_y, self.n),
        )


@dataclass(frozen=True, kw_only=True)
class Figure2Params(_Scenario):
    r"""Figure 2's scenario: two sides of the power family in the Edgeworth box.

    Each side's reservation values have CDF :math:`x^\gamma` on both issues
    (:meth:`twolevel.TwoIssueConstituency.power`). Defaults: each side needs
    65% of its weight; A's ranchers hold 55% of A's votes and B's 45% of B's,
    so the contract curve bends away from the diagonal; :math:`\gamma = 1/2`
    (concave CDFs), and the bold contours cross twice, enclosing a lens as in
    Putnam's drawing.

    Parameters
    ----------
    alpha, beta : float
        Weight of the ranchers (beef voters) in A and in B, in (0, 1).
    gamma_a, gamma_b : float
        Shape of each side's reservation values, in :data:`twolevel.GAMMA_RANGE`;
        smaller is more curved.
    quota_a, quota_b : float
        Ratification quotas in (0, 1].
    n : int
        Constituents per issue and side, 1 to 1,000,000.
    grid : int
        Grid points per axis for the shaded win-sets, in :data:`twolevel.GRID_RANGE`.

    Examples
    --------
    >>> import twolevel as tl
    >>> p = tl.Figure2Params(n=501)
    >>> a, b = p.constituencies()
    >>> a.side, b.side, a.quota
    ('A', 'B', 0.65)
    >>> round(tl.lens(a, b, n=101).area, 2)
    0.16
    >>> tl.Figure2Params(gamma_a=2.0)
    Traceback (most recent call last):
    ...
    ValueError: gamma_a must lie in [0.05, 1.0] (a concave CDF x**gamma), got 2.0

    References
    ----------
    Putnam (1988), Figure 2 and its discussion, pp. 446-447.
    """

    alpha: float = field(default=0.55, metadata=_checked(check_open_unit))
    beta: float = field(default=0.45, metadata=_checked(check_open_unit))
    gamma_a: float = field(default=0.5, metadata=_checked(check_gamma))
    gamma_b: float = field(default=0.5, metadata=_checked(check_gamma))
    quota_a: float = field(default=0.65, metadata=_checked(check_quota))
    quota_b: float = field(default=0.65, metadata=_checked(check_quota))
    n: int = field(default=2001, metadata=_checked(_check_size))
    grid: int = field(default=301, metadata=_checked(check_grid_size))

    def constituencies(self) -> tuple[TwoIssueConstituency, TwoIssueConstituency]:
        """A's and B's Level II (:meth:`twolevel.TwoIssueConstituency.power`)."""
        return (
            TwoIssueConstituency.power(self.alpha, self.gamma_a, self.gamma_a, self.quota_a, "A", self.n),
            TwoIssueConstituency.power(self.beta, self.gamma_b, self.gamma_b, self.quota_b, "B", self.n),
        )


def with_overrides(cls: type[P], params: P | None, overrides: dict[str, float]) -> P:
    """``params`` (default: ``cls()``) with ``overrides`` replaced and validated again.

    Examples
    --------
    >>> import twolevel as tl
    >>> tl.with_overrides(tl.Figure1Params, None, {"quota_y": 0.75}).quota_y
    0.75
    >>> tl.with_overrides(tl.Figure1Params, None, {"quota_z": 0.75})
    Traceback (most recent call last):
    ...
    TypeError: overrides: Figure1Params has no parameter 'quota_z' (accepted: spread_x, spread_y, quota_x, quota_y, n)

    References
    ----------
    The scenarios of Putnam (1988), Figures 1 and 2, pp. 441 and 447.
    """
    if cls not in (Figure1Params, Figure2Params):
        raise TypeError(f"cls must be Figure1Params or Figure2Params, got {cls!r:.60}")
    base = cls() if params is None else check_instance("params", params, cls)
    names = [f.name for f in dataclasses.fields(cls)]
    check_mapping("overrides", overrides)
    for key in overrides:
        if key not in names:
            raise TypeError(f"overrides: {cls.__name__} has no parameter {key!r} (accepted: {', '.join(names)})")
    # Each value is validated (and its type checked) by the dataclass's __post_init__.
    try:
        return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"overrides: {exc}") from None
