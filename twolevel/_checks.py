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
    "RESOLUTION_RANGE",
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
    "check_text",
    "check_bool",
    "check_names",
    "check_seed",
    "check_mapping",
    "check_same_shape",
]

T = TypeVar("T")

#: Accepted shape parameters :math:`\gamma` of the power family (CDF :math:`x^\gamma`).
#: :math:`\gamma \le 1` keeps the CDF concave (curves "concave to AM"); below
#: 0.05 nearly every constituent accepts any gain and the box degenerates.
GAMMA_RANGE = (0.05, 1.0)

#: Accepted number of points per axis of a grid, or of samples along a curve.
RESOLUTION_RANGE = (11, 4001)


def _is_number(value: object) -> TypeGuard[SupportsFloat]:
    return isinstance(value, (Real, np.floating, np.integer)) and not isinstance(value, (bool, np.bool_))


def check_real(name: str, value: object) -> float:
    """Return ``value`` as a finite float, or raise naming ``name``."""
    if not _is_number(value):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {value!r}")
    try:
        v = float(value)
    except OverflowError:
        raise ValueError(f"{name} must be a finite real number, got an integer too large for a float") from None
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite real number, got {v!r}")
    return v


def check_text(name: str, value: object) -> str:
    """A string (a label used in figures, a policy's or a country's name)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, got {type(value).__name__} {value!r:.60}")
    return value


def check_bool(name: str, value: object) -> bool:
    """A boolean flag (``True``/``False``, numpy's included); numbers and strings are not flags."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r:.60}")
    return bool(value)


def check_names(name: str, value: object) -> tuple[str, ...]:
    """A sequence of names (alternatives of a ranking), as a tuple; a single string is not a sequence."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (tuple, list)):
        raise TypeError(
            f"{name} must be a sequence of alternative names (a tuple or list of str), got {type(value).__name__} {value!r:.60}"
        )
    if not all(isinstance(a, str) for a in value):
        raise TypeError(f"{name} must be a sequence of alternative names (str) only, got {value!r:.60}")
    return tuple(value)


def check_seed(name: str, value: object) -> int:
    """A seed of numpy's generator: an integer in [0, 2**64)."""
    return check_positive_int(name, value, minimum=0, maximum=2**64 - 1)


def check_mapping(name: str, value: object) -> dict[object, object]:
    """A dict (``{key: value}``)."""
    if not isinstance(value, dict):
        raise TypeError(f"{name} must be a dict, got {type(value).__name__} {value!r:.60}")
    return value


def check_same_shape(names: tuple[str, str], first: npt.NDArray[np.generic], second: npt.NDArray[np.generic]) -> None:
    """Two arrays of one shape (one value per constituent in each), or an error naming both."""
    if first.shape != second.shape:
        raise ValueError(f"{names[0]} and {names[1]} must have the same shape, got {first.shape} and {second.shape}")


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
    """Points per axis of a grid (or samples along a curve), in :data:`RESOLUTION_RANGE`."""
    return check_positive_int(name, value, minimum=RESOLUTION_RANGE[0], maximum=RESOLUTION_RANGE[1])


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


def _holds_flag(values: object) -> bool:
    """Whether a (nested) list or tuple holds a boolean, which numpy would silently turn into 0 or 1."""
    if isinstance(values, (bool, np.bool_)):
        return True
    return isinstance(values, (list, tuple)) and any(_holds_flag(v) for v in values)


def _as_floats(name: str, values: object, what: str) -> npt.NDArray[np.float64]:
    """``values`` as a float array, or a TypeError naming ``name``.

    Only real numbers are numbers: strings (``['0.5']``), booleans
    (``[True, False]``), complex numbers, dates and arbitrary objects are
    refused instead of being coerced by numpy; an integer too large for a
    float is a ValueError, not numpy's OverflowError.
    """
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be {what}, got a string")
    try:
        arr = np.asarray(values)
    except (TypeError, ValueError, OverflowError) as exc:
        raise TypeError(f"{name} must be {what} ({exc})") from None
    kind = arr.dtype.kind
    if kind == "O":
        flat = arr.ravel()
        if not all(_is_number(v) for v in flat):
            bad = next(v for v in flat if not _is_number(v))
            raise TypeError(f"{name} must be {what}, got an element {type(bad).__name__} {bad!r:.40}")
        try:
            return np.asarray(arr, dtype=float)
        except OverflowError:
            raise ValueError(f"{name} must hold finite numbers only (an integer too large for a float)") from None
    if kind not in "fiu":
        raise TypeError(
            f"{name} must be {what}, got an array of dtype {arr.dtype} (booleans, strings and complex "
            "numbers are not accepted)"
        )
    if isinstance(values, (list, tuple)) and _holds_flag(values):
        raise TypeError(f"{name} must be {what}, got booleans")
    with np.errstate(over="ignore"):  # a longdouble beyond float's range becomes inf, refused by the caller
        return np.asarray(arr, dtype=float)


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
        digits = str(v)
        shown = digits if len(digits) <= 24 else f"an integer of {len(digits.lstrip('-'))} digits"
        raise ValueError(f"{name} must be an integer >= {minimum}{upper}, got {shown}")
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
        raise ValueError(
            f"{name} must lie in [{low}, {high if high is not None else 'inf'}], got a value {arr.min()!r}"
        )
    if high is not None and arr.size and arr.max() > high:
        raise ValueError(
            f"{name} must lie in [{low if low is not None else '-inf'}, {high}], got a value {arr.max()!r}"
        )
    return arr


def check_weights(name: str, weights: object, size: int, of: str = "") -> npt.NDArray[np.float64]:
    """Non-negative weights of ``size`` constituents (the length of parameter ``of``) with a positive total."""
    w = check_array(name, weights, low=0.0)
    if w.size != size:
        per = f" ({of} has {size})" if of else f" ({size})"
        raise ValueError(f"{name} must have one weight per constituent{per}, got {w.size}")
    total = float(w.sum())
    if not total > 0.0 or not math.isfinite(total):
        raise ValueError(f"{name} must have a positive, finite total; got total {total!r}")
    return w
