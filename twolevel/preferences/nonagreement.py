r"""The cost of no-agreement: isolationists, internationalists and self-sufficient states (pp. 442–443).

"The lower the cost of 'no-agreement' to constituents, the smaller the
win-set" (Putnam, p. 442). On a homogeneous issue a constituent whose cost
of no-agreement is :math:`\kappa_i \in [0, 1]` (in shares of the stake)
accepts any share of at least :math:`r_i = 1 - \kappa_i`: breakdown costs it
:math:`\kappa_i`, so it takes any deal worth more than what it keeps without
one. Some constituents offer "generic opposition" or "generic support"
whatever the deal: *isolationists* (:math:`\kappa = 0`, so they accept
only the side's best outcome) and *internationalists* (:math:`\kappa = 1`,
they accept any deal).

With shares :math:`z` of isolationists and :math:`i` of internationalists and
the rest, :math:`m = 1 - z - i`, spread uniformly, the pivot is

.. math::

    F^{-1}(q) = \begin{cases} 0 & q \le i \\ (q - i)/m & i < q \le i + m \\ 1 & q > i + m, \end{cases}

so more isolationists or fewer internationalists shrink the win-set. A
*self-sufficient* state is one whose constituents all lose less from
breakdown: scaling every cost by :math:`\lambda \in [0, 1]` raises every
reservation value, which shrinks the win-set ("more self-sufficient states
with smaller win-sets should make fewer international agreements and drive
harder bargains", p. 443).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .._checks import check_array, check_positive_int, check_unit
from ..winsets import DEFAULT_SIZE, Constituency

__all__ = ["constituency_from_costs", "isolationist_mix", "self_sufficient"]


def constituency_from_costs(
    costs: npt.ArrayLike, weights: npt.ArrayLike | None = None, *, name: str = ""
) -> Constituency:
    r"""A constituency whose members lose ``costs`` (in [0, 1]) if there is no agreement: :math:`r_i = 1 - \kappa_i`.

    Parameters
    ----------
    costs : array_like of float
        Each member's cost of no-agreement :math:`\kappa_i \in [0, 1]`.
    weights : array_like of float, optional
        Voting weights (default: equal).
    name : str
        Label used in figures.

    Returns
    -------
    Constituency
        Reservation values :math:`1 - \kappa_i`.

    Examples
    --------
    >>> c = tl.constituency_from_costs([0.1, 0.5, 0.9])
    >>> c.reservations
    array([0.9, 0.5, 0.1])

    References
    ----------
    Putnam (1988), p. 442: the size of the win-set depends on "the cost of no-agreement". Book:
    proposition ``prop-cost`` (chapter 5).
    """
    k = check_array("costs", costs, low=0.0, high=1.0)
    return Constituency(1.0 - k, weights, name)  # type: ignore[arg-type]  # validated by Constituency


def isolationist_mix(
    isolationists: float, internationalists: float, n: int = DEFAULT_SIZE, *, name: str = ""
) -> Constituency:
    """A constituency with shares of generic opponents and supporters; the rest uniform.

    Parameters
    ----------
    isolationists, internationalists : float
        Weight shares in [0, 1] with a sum of at most 1.
    n : int
        Number of conditional ("specifics-minded") constituents on the grid.
    name : str
        Label used in figures.

    Returns
    -------
    Constituency
        The generic opponents and supporters, then ``n`` conditional constituents.

    Examples
    --------
    >>> c = tl.isolationist_mix(0.3, 0.2, n=1000)
    >>> round(tl.win_set(c, 0.5, "X").width, 2)
    0.4

    References
    ----------
    Putnam (1988), p. 442 (isolationists and internationalists). Book: proposition ``prop-cost``
    (chapter 5).
    """
    z = check_unit("isolationists", isolationists)
    i = check_unit("internationalists", internationalists)
    if z + i > 1.0 + 1e-12:
        raise ValueError(f"isolationists + internationalists must be <= 1, got {z + i!r}")
    n = check_positive_int("n", n, maximum=1_000_000)
    m = max(0.0, 1.0 - z - i)
    grid = (np.arange(1, n + 1) - 0.5) / n
    reservations = np.concatenate([[1.0], [0.0], grid])
    weights = np.concatenate([[z], [i], np.full(n, m / n)])
    if not weights.sum() > 0:  # pragma: no cover - z + i + m == 1 always
        raise ValueError("the constituency must have positive weight")
    return Constituency(reservations, weights, name)


def self_sufficient(constituency: Constituency, dependence: float) -> Constituency:
    r"""The same constituency in a more self-sufficient state: every cost of no-agreement times ``dependence``.

    ``dependence`` in [0, 1]: 1 leaves the constituency unchanged, 0 makes
    no-agreement free for everyone (every member then accepts only the side's
    best outcome). Reservation values become :math:`1 - \lambda (1 - r_i)`.

    Parameters
    ----------
    constituency : Constituency
        The constituency before.
    dependence : float
        :math:`\lambda \in [0, 1]`, the factor on every cost of no-agreement.

    Returns
    -------
    Constituency
        Reservation values :math:`1 - \lambda(1 - r_i)`.

    Examples
    --------
    >>> c = tl.constituency_from_costs([0.2, 0.6, 1.0])
    >>> tl.self_sufficient(c, 0.5).reservations
    array([0.9, 0.7, 0.5])

    References
    ----------
    Putnam (1988), p. 443 (more self-sufficient states have smaller win-sets). Book: proposition
    ``prop-cost`` (chapter 5).
    """
    if not isinstance(constituency, Constituency):
        raise TypeError(f"constituency must be a Constituency, got {type(constituency).__name__}")
    lam = check_unit("dependence", dependence)
    return Constituency(1.0 - lam * (1.0 - constituency.reservations), constituency.weights, constituency.name)
