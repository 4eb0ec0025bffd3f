r"""The one place where the package draws Monte Carlo samples.

Every function that simulates (:func:`twolevel.agreement_probability`,
:func:`twolevel.autonomy_agreement_probability`,
:func:`twolevel.simulate_defection`, :func:`twolevel.decomposition_returns`)
draws its random numbers here, from numpy's default generator seeded by the
caller, and in chunks of trials that fit the working memory
(:func:`twolevel.working_memory`). One chunk (the usual case) draws exactly
the numbers of a single draw of all trials, so a result does not depend on
the bound unless the bound forces several chunks.

Private to the package: none of these is part of the ``tl.`` API.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

from ._numerics import quota_target
from .config import chunk_size

__all__ = ["generator", "pivotal_order_statistics", "defection_draws", "seats_reaching"]

Array = npt.NDArray[np.float64]


def generator(seed: int) -> np.random.Generator:
    """numpy's default generator for ``seed`` (validated by the caller)."""
    return np.random.default_rng(seed)


def seats_reaching(quota: float, n: int) -> int:
    r"""How many of ``n`` equal constituents reach ``quota``: :math:`k = \lceil q n \rceil` under the tie rule, at least 1."""
    return max(int(quota_target(quota, n)), 1)


def pivotal_order_statistics(
    quota_x: float, quota_y: float, sample_size: int, trials: int, seed: int, extra_bytes_per_trial: int = 0
) -> Iterator[tuple[Array, Array]]:
    r"""Chunks of the pivotal order statistics of two samples of uniforms: Chapter 4's sampling model.

    Each trial draws ``sample_size`` uniforms per side; the pivot of side S is
    the :math:`k_S`-th smallest, :math:`k_S` = :func:`seats_reaching`. Yields
    ``(ox, oy)``, one value per trial of the chunk. A chunk costs two rows of
    ``sample_size`` uniforms per trial (partitioned in place) plus
    ``extra_bytes_per_trial`` for the caller's own temporaries.
    """
    kx, ky = seats_reaching(quota_x, sample_size), seats_reaching(quota_y, sample_size)
    rng = generator(seed)
    step = chunk_size(8 * 3 * sample_size + extra_bytes_per_trial, trials)
    for start in range(0, trials, step):
        u = rng.random((2, min(step, trials - start), sample_size))
        u[0].partition(kx - 1, axis=1)  # in place: the same order statistic as np.partition, without a copy
        u[1].partition(ky - 1, axis=1)
        ox, oy = u[0][:, kx - 1].copy(), u[1][:, ky - 1].copy()
        del u
        yield ox, oy


def defection_draws(trials: int, seed: int, temptation: float) -> Iterator[tuple[Array, Array]]:
    r"""Chunks of the defection model's draws: standard normal errors and temptations, two rows each.

    Yields ``(eps, tempt)``: ``eps[s]`` the error of side ``s``'s boundary and
    ``tempt[s]`` its temptation to renege, uniform on :math:`[0, \tau]`.
    """
    rng = generator(seed)
    step = chunk_size(8 * 10, trials)  # four draws, two boundaries, and the masks of one trial
    for start in range(0, trials, step):
        m = min(step, trials - start)
        eps = rng.standard_normal((2, m))
        yield eps, rng.uniform(0.0, temptation, size=(2, m))
