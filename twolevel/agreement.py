r"""How likely is a Level I agreement? Win-set size and the chance of overlap.

"Larger win-sets make Level I agreement more likely, ceteris paribus" (p. 437).
When negotiators know only the *distribution* from which their constituents'
reservation values come, not the constituents themselves, each win-set is a
random interval. Here each side's constituency is a sample of
:math:`n` (``sample_size``) constituents with reservation values :math:`r = s\,U`, :math:`U \sim U[0,1]`,
so its pivot is :math:`s` times an order statistic of uniforms, and

.. math::

    P(\text{agreement}) = P\bigl(s_X U^X_{(k_X)} + s_Y U^Y_{(k_Y)} \le 1\bigr),
    \qquad k_S = \lceil q_S n \rceil .

The expected win-set of side S has length about :math:`1 - s_S q_S`: raising
the spread :math:`s_S` or the quota :math:`q_S` shrinks it. Estimates use
common random numbers across all parameter values, so the estimated
probability is exactly monotone in each spread and quota, as the proposition
says, rather than monotone up to Monte Carlo noise.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ._checks import check_array, check_positive_int, check_quota, check_seed
from ._sampling import pivotal_order_statistics

__all__ = ["agreement_probability", "expected_win_set_size"]


def expected_win_set_size(spread: npt.ArrayLike, quota: float) -> npt.NDArray[np.float64]:
    r"""Length of a side's win-set in the population limit: :math:`1 - s\,q`.

    Parameters
    ----------
    spread : array_like of float
        Upper ends :math:`s \in [0, 1]` of the reservation-value laws.
    quota : float
        Ratification quota in (0, 1].

    Returns
    -------
    numpy.ndarray
        :math:`1 - s\,q`, one length per spread.

    Examples
    --------
    >>> tl.expected_win_set_size([0.6, 0.9], 0.5)
    array([0.7 , 0.55])

    References
    ----------
    Putnam (1988), p. 438: "the larger each win-set, the more likely they are to overlap". Book:
    proposition ``prop-larger`` (chapter 4).
    """
    s = check_array("spread", spread, low=0.0, high=1.0)
    return 1.0 - s * check_quota("quota", quota)


def agreement_probability(
    spread_x: npt.ArrayLike,
    spread_y: npt.ArrayLike,
    quota_x: float = 0.5,
    quota_y: float = 0.5,
    *,
    sample_size: int = 101,
    trials: int = 4000,
    seed: int = 0,
) -> npt.NDArray[np.float64]:
    r"""Monte Carlo probability that the two win-sets overlap.

    Parameters
    ----------
    spread_x, spread_y : array_like of float
        Upper ends :math:`s_X, s_Y \in [0, 1]` of the reservation-value laws;
        broadcast against each other (pass a column and a row for a grid).
    quota_x, quota_y : float
        Ratification quotas in (0, 1].
    sample_size : int
        Constituents sampled per side and trial (1 to 10 001).
    trials : int
        Monte Carlo replications (1 to 1 000 000).
    seed : int
        Seed of the generator; the same seed gives the same numbers.

    Returns
    -------
    numpy.ndarray
        Probabilities in [0, 1], shaped like ``broadcast(spread_x, spread_y)``.

    Examples
    --------
    >>> p = tl.agreement_probability([0.3, 0.9], [0.3, 0.9], 0.5, 0.5, trials=2000, seed=1)
    >>> p.round(2)
    array([1.  , 0.95])

    References
    ----------
    Putnam (1988), p. 438 (larger win-sets make agreement more likely). Book: proposition ``prop-
    larger`` (chapter 4).
    """
    sx = check_array("spread_x", spread_x, low=0.0, high=1.0, one_dimensional=False)
    sy = check_array("spread_y", spread_y, low=0.0, high=1.0, one_dimensional=False)
    try:
        np.broadcast_shapes(sx.shape, sy.shape)
    except ValueError:
        raise ValueError(
            f"spread_x and spread_y must broadcast together, got shapes {sx.shape} and {sy.shape}"
        ) from None
    qx, qy = check_quota("quota_x", quota_x), check_quota("quota_y", quota_y)
    sample_size = check_positive_int("sample_size", sample_size, maximum=10_001)
    trials = check_positive_int("trials", trials, maximum=1_000_000)
    seed = check_seed("seed", seed)
    sx_b, sy_b = np.broadcast_arrays(sx, sy)
    hits = np.zeros(sx_b.shape, dtype=np.int64)
    # Each trial also costs one overlap test per spread (tl.working_memory bounds the chunks).
    for ox, oy in pivotal_order_statistics(qx, qy, sample_size, trials, seed, 8 * 4 * sx_b.size):
        # X1 = s_X * ox and Y1 = 1 - s_Y * oy; overlap iff X1 <= Y1.
        hits += np.count_nonzero(sx_b[..., None] * ox + sy_b[..., None] * oy <= 1.0, axis=-1)
    return np.asarray(hits / trials, dtype=np.float64)
