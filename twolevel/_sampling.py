r"""The one place where the package draws Monte Carlo samples.

Every function that simulates (:func:`twolevel.agreement_probability`,
:func:`twolevel.autonomy_agreement_probability`,
:func:`twolevel.simulate_defection`, :func:`twolevel.decomposition_returns`)
draws its random numbers here, from numpy's default generator seeded by the
caller, and in chunks of trials that fit the working memory
(:func:`twolevel.working_memory`). Chapter 4's sampling model
(:func:`pivotal_order_statistics`) gives the numbers of a single draw of all
trials whatever the chunks, so its results do not depend on the bound; the
defection model's chunks (:func:`defection_draws`) draw the same law from
another stretch of the stream when the bound forces more than one.

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
    """numpy's default generator for ``seed`` (validated by the caller): ``Generator(PCG64(seed))``."""
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

    The uniforms are those of one draw ``rng.random((2, trials, sample_size))``
    (X's trials, then Y's), whatever the chunks: Y's generator starts where
    X's numbers end (``PCG64.advance``; one double is one step of the stream),
    so every caller gets the same numbers under any working memory.
    """
    kx, ky = seats_reaching(quota_x, sample_size), seats_reaching(quota_y, sample_size)
    rng_x = generator(seed)
    rng_y = np.random.Generator(np.random.PCG64(seed).advance(trials * sample_size))
    step = chunk_size(8 * 3 * sample_size + extra_bytes_per_trial, trials)
    for start in range(0, trials, step):
        m = min(step, trials - start)
        ox, oy = _pivots(rng_x, m, sample_size, kx), _pivots(rng_y, m, sample_size, ky)
        yield ox, oy


def _pivots(rng: np.random.Generator, trials: int, sample_size: int, k: int) -> Array:
    """The ``k``-th smallest of ``sample_size`` uniforms, for each of ``trials`` rows drawn from ``rng``."""
    u = rng.random((trials, sample_size))
    u.partition(k - 1, axis=1)  # in place: the same order statistic as np.partition, without a copy
    return u[:, k - 1].copy()


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
