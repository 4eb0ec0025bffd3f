r"""Closed forms of Figure 2's Edgeworth box for the power family, derived with sympy.

Like :mod:`twolevel.symbolic`, this module imports sympy and is not loaded by
``import twolevel`` (its names load it on first use). The model is the two-issue box of :mod:`twolevel.preferences`, with reservation
values whose CDF is :math:`x^\gamma` (:meth:`TwoIssueConstituency.power`), one shape
per side and issue:

.. math::

    V_A = \alpha\, b^{\gamma_{Ab}} + (1-\alpha)\, c^{\gamma_{Ac}}, \qquad
    V_B = \beta\, (1-b)^{\gamma_{Bb}} + (1-\beta)\, (1-c)^{\gamma_{Bc}} .

*Ratification contours* (A1–A2 and B1–B2), solved for :math:`c`:

.. math::

    c_A(b) = \Bigl(\frac{q_A - \alpha b^{\gamma_{Ab}}}{1 - \alpha}\Bigr)^{1/\gamma_{Ac}}, \qquad
    c_B(b) = 1 - \Bigl(\frac{q_B - \beta (1-b)^{\gamma_{Bb}}}{1 - \beta}\Bigr)^{1/\gamma_{Bc}} .

*Contract curve.* Tangency of the iso-vote curves is equality of the
marginal rates of substitution :math:`\text{MRS} = V_b / V_c`; taking logs
makes the condition linear in :math:`\log b, \log(1-b), \log c, \log(1-c)`
(solving the raw gradient determinant instead can keep ``sympy.solve`` busy
for minutes). When both sides share the exponent on each issue
(:math:`\gamma_{Ab} = \gamma_{Bb} = \gamma_b`, :math:`\gamma_{Ac} = \gamma_{Bc} = \gamma_c`)
the condition is linear in the logit of :math:`c` and

.. math::

    \Bigl(\frac{c}{1-c}\Bigr)^{1-\gamma_c} = L \Bigl(\frac{b}{1-b}\Bigr)^{1-\gamma_b},
    \quad L = \frac{\beta (1-\alpha)}{\alpha (1-\beta)}, \qquad
    c = \frac{R}{1+R},\; R = \Bigl(L \bigl(\tfrac{b}{1-b}\bigr)^{1-\gamma_b}\Bigr)^{1/(1-\gamma_c)},

a curve from ``BM`` to ``AM`` (the diagonal when :math:`\alpha = \beta`,
:math:`\gamma_b = \gamma_c`). Otherwise the curve is the implicit equation
``PackageFormulas.contract_equation`` = 0.

*Lens corners.* In the uniform case (all :math:`\gamma = 1`) the contours are
straight lines and meet in at most one point, a linear solve
(``PackageFormulas.uniform_corner``). Otherwise :func:`exact_lens_corners`
brackets the sign changes of :math:`c_A(b) - c_B(b)` and polishes each with
``sympy.nsolve``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, cast, get_args

import numpy as np
import sympy as sp

from .._checks import check_gamma, check_open_unit, check_quota

__all__ = ["PackageFormulas", "package_formulas", "exact_lens_corners"]

#: The expressions :meth:`PackageFormulas.expression` and :meth:`PackageFormulas.numeric` give, by name.
FormulaName = Literal[
    "v_a",
    "v_b",
    "contour_a",
    "contour_b",
    "mrs_a",
    "mrs_b",
    "contract_equation",
    "contract_curve",
    "uniform_corner_b",
    "uniform_corner_c",
]
_NAMES: tuple[str, ...] = get_args(FormulaName)
#: The symbols' names, in the argument order of :meth:`PackageFormulas.numeric`'s functions.
_SYMBOLS = ("b", "c", "alpha", "beta", "gamma_Ab", "gamma_Ac", "gamma_Bb", "gamma_Bc", "q_A", "q_B")
_EXPRESSIONS = ("v_a", "v_b", "contour_a", "contour_b", "mrs_a", "mrs_b", "contract_equation", "contract_curve")


@dataclass(frozen=True)
class PackageFormulas:
    r"""Sympy expressions of the two-issue model for the power family.

    Attributes
    ----------
    symbols : tuple of sympy.Symbol
        ``(b, c, alpha, beta, gamma_Ab, gamma_Ac, gamma_Bb, gamma_Bc, q_A, q_B)``:
        the argument order of every function returned by :meth:`numeric`
        (unused arguments are accepted and ignored).
    v_a, v_b : sympy.Expr
        Yes-shares :math:`V_A(b, c)` and :math:`V_B(b, c)`.
    contour_a, contour_b : sympy.Expr
        :math:`c` on A1–A2 and on B1–B2 as functions of :math:`b` (real where the
        base of the power lies in [0, 1], i.e. where the contour is in the box).
    mrs_a, mrs_b : sympy.Expr
        Marginal rates of substitution :math:`V_b / V_c` (positive for both sides).
    contract_equation : sympy.Expr
        :math:`\log \text{MRS}_A - \log \text{MRS}_B`, expanded; zero on the contract curve.
    contract_curve : sympy.Expr
        Explicit :math:`c(b)` on the contract curve when the sides share the
        exponent on each issue; it uses :math:`\gamma_{Ab}, \gamma_{Ac}` as the
        shared exponents (valid for :math:`\gamma_{Ac} < 1`).
    uniform_corner : tuple of sympy.Expr
        :math:`(b^*, c^*)` where the two straight contours of the uniform case meet.

    Examples
    --------
    >>> f = tl.package_formulas()
    >>> f.expression("v_a")
    alpha*b**gamma_Ab + c**gamma_Ac*(1 - alpha)
    >>> round(float(f.numeric("v_a")(0.25, 0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6)), 3)
    0.5

    References
    ----------
    Putnam (1988), pp. 446-447 (Figure 2). Book: definition ``def-lens`` (chapter 5).
    """

    symbols: tuple[sp.Symbol, ...]
    v_a: sp.Expr
    v_b: sp.Expr
    contour_a: sp.Expr
    contour_b: sp.Expr
    mrs_a: sp.Expr
    mrs_b: sp.Expr
    contract_equation: sp.Expr
    contract_curve: sp.Expr
    uniform_corner: tuple[sp.Expr, sp.Expr]

    def __post_init__(self) -> None:
        names = tuple(getattr(x, "name", None) for x in self.symbols) if isinstance(self.symbols, tuple) else None
        if names != _SYMBOLS or not all(isinstance(x, sp.Symbol) for x in self.symbols):
            raise TypeError(f"symbols must be the sympy Symbols {', '.join(_SYMBOLS)}, got {self.symbols!r:.80}")
        for name in _EXPRESSIONS:
            if not isinstance(getattr(self, name), sp.Expr):
                raise TypeError(f"{name} must be a sympy expression, got {type(getattr(self, name)).__name__}")
        corner = self.uniform_corner
        if not (isinstance(corner, tuple) and len(corner) == 2 and all(isinstance(x, sp.Expr) for x in corner)):
            raise TypeError(f"uniform_corner must be a pair of sympy expressions (b*, c*), got {corner!r:.80}")

    def __getitem__(self, name: str) -> sp.Symbol:
        """The symbol called ``name`` (e.g. ``f["alpha"]``)."""
        for s in self.symbols:
            if s.name == name:
                return s
        raise KeyError(name)

    def expression(self, name: FormulaName) -> sp.Expr:
        """The expression ``name`` (one of :meth:`numeric`'s names).

        Parameters
        ----------
        name : str
            One of ``v_a, v_b, contour_a, contour_b, mrs_a, mrs_b,
            contract_equation, contract_curve, uniform_corner_b, uniform_corner_c``.

        Returns
        -------
        sympy.Expr
            The expression, in the symbols ``symbols``.
        """
        if not isinstance(name, str) or name not in _NAMES:
            raise ValueError(f"name must be one of {', '.join(_NAMES)}; got {name!r}")
        if name == "uniform_corner_b":
            return self.uniform_corner[0]
        if name == "uniform_corner_c":
            return self.uniform_corner[1]
        return getattr(self, name)

    def numeric(self, name: FormulaName) -> Callable[..., Any]:
        """A numpy function of ``symbols`` (in that order) for the expression ``name``.

        Parameters
        ----------
        name : str
            As in :meth:`expression`.

        Returns
        -------
        callable
            ``f(b, c, alpha, beta, gamma_Ab, gamma_Ac, gamma_Bb, gamma_Bc, q_A, q_B)``, vectorised by numpy.
        """
        return cast(Callable[..., Any], sp.lambdify(self.symbols, self.expression(name), modules="numpy"))

    def latex(self) -> dict[str, str]:
        """LaTeX for each formula, for display in the book."""
        return {
            "V_A": sp.latex(self.v_a),
            "V_B": sp.latex(self.v_b),
            r"c_{A_1A_2}(b)": sp.latex(self.contour_a),
            r"c_{B_1B_2}(b)": sp.latex(self.contour_b),
            r"\mathrm{MRS}_A": sp.latex(self.mrs_a),
            r"\mathrm{MRS}_B": sp.latex(self.mrs_b),
            r"\log\mathrm{MRS}_A - \log\mathrm{MRS}_B": sp.latex(self.contract_equation),
            r"c_\text{contract}(b)": sp.latex(self.contract_curve),
            r"(b^*, c^*)_\text{uniform}": sp.latex(sp.Tuple(*self.uniform_corner)),
        }


@lru_cache(maxsize=1)
def package_formulas() -> PackageFormulas:
    """Derive the closed forms (cached, since the derivation takes about a second).

    Returns
    -------
    PackageFormulas
        The expressions, in the symbols ``b, c, alpha, beta, gamma_Ab, gamma_Ac, gamma_Bb, gamma_Bc, q_A, q_B``.

    Examples
    --------
    >>> f = tl.package_formulas()
    >>> f.contour_a == f.expression("contour_a")
    True
    >>> f.contour_a
    ((alpha*b**gamma_Ab - q_A)/(alpha - 1))**(1/gamma_Ac)
    >>> f.uniform_corner[0]
    (-alpha*q_B + alpha - beta*q_A + q_A + q_B - 1)/(alpha - beta)

    References
    ----------
    Putnam (1988), pp. 446-447 (Figure 2). Book: definition ``def-lens`` (chapter 5).
    """
    b, c = sp.symbols("b c", positive=True)
    alpha, beta = sp.symbols("alpha beta", positive=True)
    g_ab, g_ac, g_bb, g_bc = sp.symbols("gamma_Ab gamma_Ac gamma_Bb gamma_Bc", positive=True)
    q_a, q_b = sp.symbols("q_A q_B", positive=True)
    symbols = (b, c, alpha, beta, g_ab, g_ac, g_bb, g_bc, q_a, q_b)

    v_a = alpha * b**g_ab + (1 - alpha) * c**g_ac
    v_b = beta * (1 - b) ** g_bb + (1 - beta) * (1 - c) ** g_bc
    (contour_a,) = sp.solve(sp.Eq(v_a, q_a), c)
    # B: solve for its own citrus gain u = 1 - c (positive), then c = 1 - u.
    u = sp.Symbol("u", positive=True)
    (u_b,) = sp.solve(sp.Eq(v_b.subs(1 - c, u), q_b), u)
    contour_b = 1 - u_b

    mrs_a = sp.diff(v_a, b) / sp.diff(v_a, c)
    mrs_b = sp.diff(v_b, b) / sp.diff(v_b, c)
    # log MRS_A - log MRS_B, from the logs of the (positive) partial derivatives.
    contract_equation = sp.expand_log(
        sp.log(sp.diff(v_a, b)) - sp.log(sp.diff(v_a, c)) - sp.log(-sp.diff(v_b, b)) + sp.log(-sp.diff(v_b, c)),
        force=True,
    )

    # Shared exponents: in the logits ell = log c - log(1 - c) and x = log b - log(1 - b)
    # the condition is linear, k_ell * ell + k_x * x + k_0 = 0; read off the coefficients.
    ell, x = sp.symbols("ell x", real=True)
    shared = contract_equation.subs({g_bb: g_ab, g_bc: g_ac})
    shared = sp.expand(shared.subs({sp.log(c): ell + sp.log(1 - c), sp.log(b): x + sp.log(1 - b)}))
    k_ell, k_x = sp.factor(shared.coeff(ell)), sp.factor(shared.coeff(x))
    k_0 = shared.subs({ell: 0, x: 0})
    if sp.expand(shared - (k_ell * ell + k_x * x + k_0)) != 0:  # pragma: no cover - a sympy regression
        raise RuntimeError("the shared-exponent tangency condition is not linear in the logits")
    ratio_l = sp.factor(sp.exp(sp.logcombine(-k_0, force=True)))  # beta (1 - alpha) / (alpha (1 - beta))
    odds = (ratio_l * (b / (1 - b)) ** sp.factor(-k_x)) ** (1 / k_ell)  # c / (1 - c)
    contract_curve = odds / (1 + odds)

    # Uniform case: two straight lines.
    lin_a = v_a.subs({g_ab: 1, g_ac: 1}) - q_a
    lin_b = v_b.subs({g_bb: 1, g_bc: 1}) - q_b
    sol = sp.solve([lin_a, lin_b], [b, c], dict=True)[0]
    uniform_corner = (sp.simplify(sol[b]), sp.simplify(sol[c]))

    return PackageFormulas(
        symbols, v_a, v_b, contour_a, contour_b, mrs_a, mrs_b, contract_equation, contract_curve, uniform_corner
    )


def _check_params(alpha: object, beta: object, gammas: object, quota_a: object, quota_b: object) -> tuple[float, ...]:
    vals = [check_open_unit("alpha", alpha), check_open_unit("beta", beta)]
    if not isinstance(gammas, (tuple, list)) or len(gammas) != 4:
        raise TypeError("gammas must be a sequence of 4 shapes (gamma_Ab, gamma_Ac, gamma_Bb, gamma_Bc)")
    vals += [check_gamma(f"gammas[{k}]", g) for k, g in enumerate(gammas)]
    vals.append(check_quota("quota_a", quota_a))
    vals.append(check_quota("quota_b", quota_b))
    return tuple(vals)


def exact_lens_corners(
    alpha: float,
    beta: float,
    gammas: tuple[float, float, float, float],
    quota_a: float,
    quota_b: float,
    *,
    scan: int = 2001,
) -> list[tuple[float, float]]:
    r"""Where the closed-form contours :math:`c_A(b)` and :math:`c_B(b)` meet inside the box.

    The contours are real and in [0, 1] on an interval of :math:`b` whose ends
    are in closed form; there the difference :math:`c_A - c_B` is scanned on ``scan`` points and each sign
    change is polished by ``sympy.nsolve`` (Anderson–Björk bracketing solver,
    tolerance :math:`10^{-20}` in mpmath's precision). In the uniform case the
    answer is ``PackageFormulas.uniform_corner`` when that point is in the box.

    Parameters
    ----------
    alpha, beta : float
        Weights of A's and B's ranchers, in (0, 1).
    gammas : (float, float, float, float)
        :math:`(\gamma_{Ab}, \gamma_{Ac}, \gamma_{Bb}, \gamma_{Bc})`, each in [0.05, 1].
    quota_a, quota_b : float
        In (0, 1].
    scan : int
        Points of the scan for sign changes, 11 to 100,001.

    Returns
    -------
    list of (b, c)
        Sorted by ``b``.

    Examples
    --------
    >>> [(round(b, 3), round(c, 3)) for b, c in tl.exact_lens_corners(0.5, 0.5, (0.5, 0.5, 0.5, 0.5), 0.6, 0.6)]
    [(0.051, 0.949), (0.949, 0.051)]

    References
    ----------
    Putnam (1988), Figure 2, p. 447. Book: proposition ``prop-lens`` (chapter 5).
    """
    al, be, gab, gac, gbb, gbc, qa, qb = _check_params(alpha, beta, gammas, quota_a, quota_b)
    if not isinstance(scan, int) or isinstance(scan, bool) or not 11 <= scan <= 100_001:
        raise ValueError(f"scan must be an integer in [11, 100001], got {scan!r}")
    f = package_formulas()
    values = {
        f["alpha"]: al,
        f["beta"]: be,
        f["gamma_Ab"]: gab,
        f["gamma_Ac"]: gac,
        f["gamma_Bb"]: gbb,
        f["gamma_Bc"]: gbc,
        f["q_A"]: qa,
        f["q_B"]: qb,
    }
    bsym = f["b"]
    if gab == gac == gbb == gbc == 1.0:
        if al == be:  # parallel lines: no single crossing
            return []
        bx = float(f.uniform_corner[0].subs(values))
        cx = float(f.uniform_corner[1].subs(values))
        return [(bx, cx)] if 0.0 <= bx <= 1.0 and 0.0 <= cx <= 1.0 else []

    # Both contours are in the box where their bases t lie in [0, 1]: an interval of b with
    # closed-form ends (t_A falls with b, t_B rises). Scan exactly that interval.
    def base_root(x: float, g: float) -> float:
        return float(float(np.clip(x, 0.0, 1.0)) ** (1 / g))

    lo = max(base_root((qa - (1 - al)) / al, gab), 1 - base_root(qb / be, gbb))
    hi = min(base_root(qa / al, gab), 1 - base_root((qb - (1 - be)) / be, gbb))
    if lo > hi:
        return []
    bgrid = np.linspace(lo, hi, scan)
    t_a = np.clip((qa - al * bgrid**gab) / (1 - al), 0, 1)
    t_b = np.clip((qb - be * (1 - bgrid) ** gbb) / (1 - be), 0, 1)
    diff = t_a ** (1 / gac) - (1 - t_b ** (1 / gbc))
    expr = (f.contour_a - f.contour_b).subs(values)
    out = []
    for k in range(scan - 1):
        d0, d1 = diff[k], diff[k + 1]
        if d0 * d1 > 0 or (d0 == 0 and k > 0):
            continue
        if d0 == 0:
            root = float(bgrid[k])
        elif d1 == 0:
            root = float(bgrid[k + 1])
        else:
            root = float(sp.nsolve(expr, bsym, (float(bgrid[k]), float(bgrid[k + 1])), solver="anderson"))
        out.append((root, float(f.contour_a.subs(values).subs(bsym, root))))
    return sorted(set(out))
