r"""Smooth laws of reservation values: the differentiable CDFs that tangency needs.

Votes are always counted with the exact empirical CDF of a constituency
(a step function). Gradients of the yes-share, and so the tangency of two
iso-vote curves (Putnam's contract curve, p. 447), need a density: the exact
one for the power family :math:`x^\gamma`, or a logistic-kernel smoothing of
the reservation values otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .._checks import check_gamma, check_instance, check_real, check_shares, check_text
from ..config import chunk_size
from ..winsets import Constituency

__all__ = ["SmoothLaw"]

Array = npt.NDArray[np.float64]

#: Temporaries of one chunk of a logistic-kernel law, at most (bytes): about a processor's cache.
_CACHE_BYTES = 4 << 20


@dataclass(frozen=True, eq=False)
class SmoothLaw:
    r"""A differentiable CDF of reservation values on [0, 1], for gradients.

    Parameters
    ----------
    cdf : callable
        Vectorised :math:`F(x)` on [0, 1], non-decreasing.
    pdf : callable, optional
        Vectorised density :math:`F'(x)`. Without it, a central difference
        of ``cdf`` with step :math:`10^{-6}` is used.
    name : str
        Label.

    Examples
    --------
    >>> law = tl.SmoothLaw.power(0.5)
    >>> law.density([0.25, 1.0])
    array([1. , 0.5])
    >>> smooth = tl.SmoothLaw.logistic_kernel(tl.Constituency.uniform(1.0, n=1001))
    >>> round(float(smooth.density(0.5)), 2)
    1.0

    References
    ----------
    Putnam (1988), p. 451 (negotiators "moving jointly towards points of tangency"). Book:
    proposition ``prop-lens`` (chapter 5).
    """

    cdf: Callable[[Array], Array]
    pdf: Callable[[Array], Array] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not callable(self.cdf):
            raise TypeError(f"cdf must be callable, got {type(self.cdf).__name__}")
        if self.pdf is not None and not callable(self.pdf):
            raise TypeError(f"pdf must be callable or None, got {type(self.pdf).__name__}")
        check_text("name", self.name)

    @classmethod
    def power(cls, gamma: float) -> SmoothLaw:
        r"""CDF :math:`x^\gamma`, density :math:`\gamma x^{\gamma - 1}` (infinite at 0 for :math:`\gamma < 1`)."""
        g = check_gamma("gamma", gamma)

        def cdf(x: Array) -> Array:
            return np.asarray(np.power(np.asarray(x, dtype=float), g), dtype=np.float64)

        def pdf(x: Array) -> Array:
            with np.errstate(divide="ignore"):
                return np.asarray(g * np.power(np.asarray(x, dtype=float), g - 1.0), dtype=np.float64)

        return cls(cdf, pdf, f"power({g:g})")

    @classmethod
    def logistic_kernel(cls, constituency: Constituency, bandwidth: float | None = None) -> SmoothLaw:
        r"""The weighted empirical CDF smoothed by a logistic kernel.

        :math:`\tilde F(x) = \sum_i w_i\, \sigma((x - r_i)/h) / \sum_i w_i` with
        :math:`\sigma` the logistic function; ``bandwidth`` :math:`h` defaults to
        :math:`0.5\,\hat\sigma\, n^{-1/5}` (at least :math:`10^{-3}`), where
        :math:`\hat\sigma` is the weighted standard deviation of the reservation
        values. Reservation values beyond [0, 1] are impossible, so the
        smoothing only matters for gradients; votes are always counted with
        the exact empirical CDF.
        """
        check_instance("constituency", constituency, Constituency)
        r = constituency.reservations
        w = constituency.weights / constituency.weights.sum()
        if bandwidth is None:
            mean = float(np.dot(w, r))
            sd = math.sqrt(max(float(np.dot(w, (r - mean) ** 2)), 0.0))
            h = max(0.5 * sd * r.size ** (-0.2), 1e-3)
        else:
            h = check_real("bandwidth", bandwidth)
            if not 1e-4 <= h <= 1.0:
                raise ValueError(f"bandwidth must lie in [0.0001, 1], got {h!r}")

        def z(x: Array) -> Array:
            return np.asarray((x[:, None] - r) / h, dtype=np.float64)

        # Each point of x costs a row of n temporaries: points are processed within the working memory.
        row = 4 * 8 * r.size

        def distinct(f: Callable[[Array], Array], x: Array) -> Array:
            # A grid of packages repeats each coordinate many times: each distinct value costs a
            # row of n, so it is evaluated once (201 x 181 scan points of contract_curve: 382 rows).
            xs = np.asarray(x, dtype=float)
            values, back = np.unique(xs, return_inverse=True)
            # Chunks of at most about 4 MiB, within the working memory: temporaries that stay in
            # the processor's cache keep the time linear in n (one row of 10^4 constituents costs
            # 10 ns per entry in cache, 40 ns once the temporaries spill to main memory).
            step = max(1, min(chunk_size(row, values.size), _CACHE_BYTES // row))
            out = np.empty(values.size, dtype=float)
            for start in range(0, values.size, step):
                out[start : start + step] = f(values[start : start + step])
            return out[back].reshape(xs.shape)

        def cdf(x: Array) -> Array:
            # 1/(1+e^{-z}) = (1 + tanh(z/2))/2: no overflow for large |z|.
            return distinct(lambda v: ((1.0 + np.tanh(z(v) / 2.0)) / 2.0) @ w, x)

        def pdf(x: Array) -> Array:
            return distinct(lambda v: ((1.0 / (4.0 * h)) / np.cosh(np.clip(z(v), -700, 700) / 2.0) ** 2) @ w, x)

        return cls(cdf, pdf, f"logistic kernel (h={h:.3g})")

    def density(self, x: npt.ArrayLike) -> Array:
        """:math:`F'(x)` for ``x`` in [0, 1], from ``pdf`` or a central difference of ``cdf``.

        Infinite where the law's density is infinite (a power law with :math:`\\gamma < 1` at 0): the
        result can be inf there.
        """
        xs = check_shares("x", x)
        if self.pdf is not None:
            out = np.asarray(self.pdf(xs), dtype=np.float64)
        else:
            step = 1e-6
            lo, hi = np.clip(xs - step, 0.0, 1.0), np.clip(xs + step, 0.0, 1.0)
            diff = np.asarray(self.cdf(hi), dtype=float) - np.asarray(self.cdf(lo), dtype=float)
            out = np.asarray(diff / (hi - lo), dtype=np.float64)
        if not (out >= 0.0).all():  # NaN fails the comparison too
            source = "pdf" if self.pdf is not None else "cdf (its central difference)"
            raise ValueError(f"{source} of the smooth law {self.name!r} gave a negative or NaN density on [0, 1]")
        return out
