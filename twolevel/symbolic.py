r"""Closed forms of the one-issue ratification model, derived with sympy.

This is the only module that imports sympy; ``import twolevel`` does not load
it until a function here is called (``twolevel.symbolic`` is imported lazily).

For a *parametric* law of reservation values with CDF :math:`F` and quantile
:math:`F^{-1}`, the numeric model of :mod:`twolevel.winsets` becomes

.. math::

    X_1 = F_X^{-1}(q_X), \qquad Y_1 = 1 - F_Y^{-1}(q_Y), \qquad
    \text{overlap} \iff F_X^{-1}(q_X) + F_Y^{-1}(q_Y) \le 1,

the quota at which Y's win-set stops overlapping X's is
:math:`q_Y^\dagger = F_Y(1 - F_X^{-1}(q_X))`, and under Nash bargaining with
:math:`d_X = d_Y = 0` Y's share of the stake is

.. math::

    \pi_Y = \begin{cases} 1 - X_1 & X_1 > 1/2 \\ 1 - Y_1 = F_Y^{-1}(q_Y) & Y_1 < 1/2
    \\ 1/2 & \text{otherwise,} \end{cases}
    \qquad \frac{\partial \pi_Y}{\partial q_Y} = \frac{1}{f_Y(F_Y^{-1}(q_Y))} > 0
    \text{ where Y's constraint binds.}

Families: ``"uniform"`` on :math:`[0, s]` and ``"kumaraswamy"`` with shape
parameters :math:`a, b` scaled to :math:`[0, s]` (a skewed law whose quantile
is still in closed form).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import sympy as sp

__all__ = ["Family", "family", "RatificationFormulas", "ratification_formulas"]

FAMILIES = ("uniform", "kumaraswamy")


@dataclass(frozen=True)
class Family:
    """A parametric law of reservation values: symbols, CDF and quantile.

    Examples
    --------
    >>> import sympy
    >>> from twolevel.symbolic import family
    >>> f = family("uniform", "X")
    >>> f.params, f.quantile(sympy.Symbol("q"))
    ((s_X,), q*s_X)

    References
    ----------
    Putnam (1988), p. 437 (the win-set of a constituency). Book: proposition ``prop-pivot`` (chapter
    4).
    """

    name: str
    params: tuple[sp.Symbol, ...]
    cdf: Callable[[sp.Expr], sp.Expr]
    quantile: Callable[[sp.Expr], sp.Expr]


def family(name: str, side: str) -> Family:
    """The law ``name`` with parameter symbols subscripted by ``side`` ("X" or "Y").

    Examples
    --------
    >>> from twolevel.symbolic import family
    >>> k = family("kumaraswamy", "Y")
    >>> k.name, k.params
    ('kumaraswamy', (a_Y, b_Y, s_Y))

    References
    ----------
    Putnam (1988), p. 437. Book: proposition ``prop-pivot`` (chapter 4).
    """
    if name not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}, got {name!r}")
    if side not in ("X", "Y"):
        raise ValueError(f"side must be 'X' or 'Y', got {side!r}")
    s = sp.Symbol(f"s_{side}", positive=True)
    if name == "uniform":
        # Min(., 1): above the support every constituent accepts, so F = 1 there.
        return Family(name, (s,), lambda r: sp.Min(r / s, 1), lambda q: s * q)
    a = sp.Symbol(f"a_{side}", positive=True)
    b = sp.Symbol(f"b_{side}", positive=True)
    return Family(
        name,
        (a, b, s),
        lambda r: 1 - (1 - sp.Min(r / s, 1) ** a) ** b,
        lambda q: s * (1 - (1 - q) ** (1 / b)) ** (1 / a),
    )


@dataclass(frozen=True)
class RatificationFormulas:
    r"""Sympy expressions of the one-issue model for two parametric families.

    Attributes
    ----------
    q_x, q_y : sympy.Symbol
        The quotas.
    x1, y1 : sympy.Expr
        Win-set boundaries (X's share): :math:`X_1` and :math:`Y_1`.
    overlap_condition : sympy.Expr
        :math:`F_X^{-1}(q_X) + F_Y^{-1}(q_Y) \le 1`.
    deadlock_quota : sympy.Expr
        :math:`q_Y^\dagger = F_Y(1 - F_X^{-1}(q_X))`; it is 1 when
        :math:`1 - X_1` lies above the support of Y's law (no quota of Y
        deadlocks then).
    y_share : sympy.Expr
        Y's share under Nash bargaining with zero disagreement values, valid
        where the win-sets overlap.
    dy_share_dq_y : sympy.Expr
        Its derivative with respect to Y's quota.

    Examples
    --------
    >>> f = tl.symbolic.ratification_formulas()
    >>> f.numeric("deadlock_quota")(0.5, 0.5, 0.6, 0.9)
    np.float64(0.7777777777777777)

    References
    ----------
    Putnam (1988), pp. 437-441. Book: proposition ``prop-pivot`` and exercise ``ex-deadlock-quota``
    (chapter 4).
    """

    x_family: Family
    y_family: Family
    q_x: sp.Symbol
    q_y: sp.Symbol
    x1: sp.Expr
    y1: sp.Expr
    overlap_condition: Any
    deadlock_quota: sp.Expr
    y_share: sp.Expr
    dy_share_dq_y: sp.Expr

    @property
    def symbols(self) -> tuple[sp.Symbol, ...]:
        """Argument order of :meth:`numeric`, the quotas then X's and Y's parameters."""
        return (self.q_x, self.q_y, *self.x_family.params, *self.y_family.params)

    def numeric(self, name: str) -> Callable[..., Any]:
        """A numpy function of :attr:`symbols` for the attribute ``name``."""
        if name not in ("x1", "y1", "deadlock_quota", "y_share", "dy_share_dq_y"):
            raise ValueError(f"name must be one of x1, y1, deadlock_quota, y_share, dy_share_dq_y; got {name!r}")
        return cast(Callable[..., Any], sp.lambdify(self.symbols, getattr(self, name), modules="numpy"))

    def latex(self) -> dict[str, str]:
        """LaTeX for each formula, for display in the book."""
        return {
            "X_1": sp.latex(self.x1),
            "Y_1": sp.latex(self.y1),
            r"q_Y^\dagger": sp.latex(self.deadlock_quota),
            r"\pi_Y": sp.latex(self.y_share),
            r"\partial \pi_Y / \partial q_Y": sp.latex(self.dy_share_dq_y),
        }


def ratification_formulas(x_family: str = "uniform", y_family: str = "uniform") -> RatificationFormulas:
    """Derive the closed forms for the given families of reservation values.

    Examples
    --------
    >>> f = ratification_formulas("uniform", "uniform")
    >>> f.x1, f.y1
    (q_X*s_X, -q_Y*s_Y + 1)
    >>> f.deadlock_quota
    Min(1, (-q_X*s_X + 1)/s_Y)

    References
    ----------
    Putnam (1988), p. 437 (the win-set) and pp. 440-441 (Figure 1). Book: proposition
    ``prop-pivot`` and exercise ``ex-deadlock-quota`` (chapter 4).
    """
    fx, fy = family(x_family, "X"), family(y_family, "Y")
    q_x = sp.Symbol("q_X", positive=True)
    q_y = sp.Symbol("q_Y", positive=True)
    x1 = sp.simplify(fx.quantile(q_x))
    y1 = sp.simplify(1 - fy.quantile(q_y))
    half = sp.Rational(1, 2)
    y_share = sp.Piecewise((1 - x1, x1 > half), (1 - y1, y1 < half), (half, True))
    return RatificationFormulas(
        x_family=fx,
        y_family=fy,
        q_x=q_x,
        q_y=q_y,
        x1=x1,
        y1=y1,
        overlap_condition=sp.Le(fx.quantile(q_x) + fy.quantile(q_y), 1),
        deadlock_quota=fy.cdf(1 - x1),
        y_share=y_share,
        dy_share_dq_y=sp.diff(y_share, q_y),
    )
