"""Argument validation shared by every module, and the accepted ranges.

Every public constructor and function of :mod:`twolevel` validates its inputs
here, so that bad input fails early with a message that names the parameter
and the accepted range, instead of surfacing as a NaN or as a traceback from
deep inside numpy. Each range constant is defined here once; the modules that
document it re-export it.
"""

from __future__ import annotations

import math
from numbers import Real
from typing import SupportsFloat, TypeGuard, TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "GAMMA_RANGE",
    "GRID_RANGE",
    "check_real",
    "check_quota",
    "check_unit",
    "check_open_unit",
    "check_gamma",
    "check_grid_size",
    "check_label",
    "check_instance",
    "check_shares",
    "check_array",
    "check_weights",
    "check_positive_int",
    "check_nonnegative",
]

T = TypeVar("T")

#: Accepted shape parameters :math:`\gamma` of the power family (CDF :math:`x^\gamma`).
#: :math:`\gamma \le 1` keeps the CDF concave (curves "concave to AM"); below
#: 0.05 nearly every constituent accepts any gain and the box degenerates.
GAMMA_RANGE = (0.05, 1.0)

#: Accepted number of points per axis of a grid, or of samples along a curve.
GRID_RANGE = (11, 4001)


def _is_number(value: object) -> TypeGuard[SupportsFloat]:
    return isinstance(value, (Real, np.floating, np.integer)) and not isinstance(value, (bool, np.bool_))


def check_real(name: str, value: object) -> float:
    """Return ``value`` as a finite float, or raise naming ``name``."""
    if not _is_number(value):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {value!r}")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite real number, got {v!r}")
    return v


def check_unit(name: str, value: object) -> float:
    """A real number in the closed interval [0, 1] (a share of the stake)."""
    v = check_real(name, value)
    if not 0.0 <= v <= 1.0:
        raise ValueError(f"{name} must lie in [0, 1], got {v!r}")
    return v


def check_open_unit(name: str, value: object) -> float:
    """A real number in the open interval (0, 1) (a weight share strictly between the extremes)."""
    v = check_real(name, value)
    if not 0.0 < v < 1.0:
        raise ValueError(f"{name} must lie in the open interval (0, 1), got {v!r}")
    return v


def check_gamma(name: str, value: object) -> float:
    """A shape of the power family, in :data:`GAMMA_RANGE`."""
    v = check_real(name, value)
    lo, hi = GAMMA_RANGE
    if not lo <= v <= hi:
        raise ValueError(f"{name} must lie in [{lo}, {hi}] (a concave CDF x**gamma), got {v!r}")
    return v


def check_grid_size(name: str, value: object) -> int:
    """Points per axis of a grid (or samples along a curve), in :data:`GRID_RANGE`."""
    return check_positive_int(name, value, minimum=GRID_RANGE[0], maximum=GRID_RANGE[1])


def check_label(name: str, value: object, labels: tuple[str, ...]) -> str:
    """One of ``labels`` (a side's name: ``"X"``/``"Y"`` on one issue, ``"A"``/``"B"`` in the box)."""
    if not isinstance(value, str) or value not in labels:
        allowed = " or ".join(repr(x) for x in labels)
        raise ValueError(f"{name} must be {allowed}, got {value!r}")
    return value


def check_instance(name: str, value: object, cls: type[T], hint: str = "") -> T:
    """``value`` itself if it is a ``cls``; otherwise a TypeError naming the parameter."""
    if not isinstance(value, cls):
        extra = f" ({hint})" if hint else ""
        article = "an" if cls.__name__[0] in "AEIOU" else "a"
        raise TypeError(f"{name} must be {article} {cls.__name__}{extra}, got {type(value).__name__}")
    return value


def _as_floats(name: str, values: object, what: str) -> npt.NDArray[np.float64]:
    """``values`` as a float array, or a TypeError naming ``name`` (strings are not numbers)."""
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be {what}, got a string")
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be {what} ({exc})") from None


def check_shares(name: str, values: object) -> npt.NDArray[np.float64]:
    """Finite numbers in [0, 1] of any shape (agreements, shares of the stake, packages)."""
    arr = _as_floats(name, values, "a real number or an array of them")
    # One pass, and NaN fails both comparisons; called in the model's inner loops.
    if not ((arr >= 0.0) & (arr <= 1.0)).all():
        raise ValueError(f"{name} must lie in [0, 1] (finite values only)")
    return arr


def check_nonnegative(name: str, value: object) -> float:
    """A finite real number >= 0."""
    v = check_real(name, value)
    if v < 0.0:
        raise ValueError(f"{name} must be >= 0, got {v!r}")
    return v


def check_quota(name: str, value: object) -> float:
    """A ratification quota: the share of weight needed, in (0, 1]."""
    v = check_real(name, value)
    if not 0.0 < v <= 1.0:
        raise ValueError(f"{name} must lie in (0, 1] (a share of the constituency's weight), got {v!r}")
    return v


def check_positive_int(name: str, value: object, *, minimum: int = 1, maximum: int | None = None) -> int:
    """An integer in [minimum, maximum]."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    v = int(value)
    if v < minimum or (maximum is not None and v > maximum):
        upper = "" if maximum is None else f" and <= {maximum}"
        raise ValueError(f"{name} must be an integer >= {minimum}{upper}, got {v}")
    return v


def check_array(
    name: str,
    values: object,
    *,
    low: float | None = None,
    high: float | None = None,
    allow_empty: bool = False,
    one_dimensional: bool = True,
) -> npt.NDArray[np.float64]:
    """An array of finite floats (1-D unless ``one_dimensional=False``), optionally within [low, high]."""
    arr = _as_floats(name, values, "a sequence of real numbers")
    if arr.ndim == 0 and one_dimensional:
        arr = arr.reshape(1)
    if one_dimensional and arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must hold finite numbers only (no NaN or infinity)")
    if low is not None and arr.size and arr.min() < low:
        raise ValueError(f"{name} must lie in [{low}, {high if high is not None else 'inf'}], got a value {arr.min()!r}")
    if high is not None and arr.size and arr.max() > high:
        raise ValueError(f"{name} must lie in [{low if low is not None else '-inf'}, {high}], got a value {arr.max()!r}")
    return arr


def check_weights(name: str, weights: object, size: int) -> npt.NDArray[np.float64]:
    """Non-negative weights of ``size`` constituents with a positive total."""
    w = check_array(name, weights, low=0.0)
    if w.size != size:
        raise ValueError(f"{name} must have one weight per constituent ({size}), got {w.size}")
    total = float(w.sum())
    if not total > 0.0 or not math.isfinite(total):
        raise ValueError(f"{name} must have a positive, finite total; got total {total!r}")
    return w
