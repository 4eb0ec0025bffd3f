"""One scenario object per chapter's figures, and how a figure takes it with keyword overrides.

Every figure function, static explorer and live explorer of :mod:`twolevel.viz`
takes its chapter's scenario (a frozen, validated dataclass) as its first
argument, and any of its fields as keyword overrides:
``figure1_static_explorer(params, quota_y=0.7)`` is
``figure1_static_explorer(dataclasses.replace(params, quota_y=0.7))``, with
the new value validated again. Figures 1 and 2 use the model's own scenarios
(:class:`twolevel.Figure1Params`, :class:`twolevel.Figure2Params`);
Chapters 6 and 7 use :class:`twolevel.viz.InstitutionsScenario` and
:class:`twolevel.viz.BudgetScenario`, defined here on the figures' side until
the model has parameter objects of its own for them.

Examples
--------
>>> from twolevel.viz.scenario import override
>>> override(tl.Figure1Params, None, {"quota_y": 0.75}).quota_y
0.75

References
----------
The scenarios of Putnam's (1988) Figures 1 and 2 (pp. 441, 447) and of the
book's Chapters 6 and 7.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .._checks import check_instance, check_mapping

__all__ = ["override", "Scenario", "checked"]

P = TypeVar("P")


def override(cls: type[P], params: P | None, overrides: Mapping[str, Any]) -> P:
    """``params`` (default: ``cls()``) with ``overrides`` replaced and validated again.

    Parameters
    ----------
    cls : type
        The scenario's dataclass.
    params : cls, optional
        The scenario to start from (default: ``cls()``).
    overrides : mapping of str to value
        Fields to replace.

    Returns
    -------
    cls
        A new scenario; ``params`` is unchanged.

    Examples
    --------
    >>> override(tl.Figure1Params, None, {"quota_z": 0.75})
    Traceback (most recent call last):
    ...
    TypeError: overrides: Figure1Params has no parameter 'quota_z' (accepted: spread_x, spread_y, quota_x, quota_y, n)

    References
    ----------
    The scenarios of Putnam (1988), Figures 1 and 2, pp. 441 and 447.
    """
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise TypeError(f"cls must be a scenario dataclass, got {cls!r:.60}")
    base = cls() if params is None else check_instance("params", params, cls)
    names = [f.name for f in dataclasses.fields(cls)]
    check_mapping("overrides", overrides)
    for key in overrides:
        if key not in names:
            raise TypeError(f"overrides: {cls.__name__} has no parameter {key!r} (accepted: {', '.join(names)})")
    if not overrides:
        return base
    # Each value is validated (and its type checked) by the dataclass's __post_init__.
    try:
        return dataclasses.replace(base, **overrides)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"overrides: {exc}") from None


def checked(check: Callable[[str, Any], Any], default: Any) -> Any:
    """A scenario field with its default and the validator that checks it (``check(name, value)``).

    Examples
    --------
    >>> from twolevel._checks import check_unit
    >>> @dataclasses.dataclass(frozen=True)
    ... class Demo(Scenario):
    ...     share: float = checked(check_unit, 0.5)
    >>> Demo(share=2.0)
    Traceback (most recent call last):
    ...
    ValueError: share must lie in [0, 1], got 2.0

    References
    ----------
    Frozen, validated parameter objects, as for Putnam's (1988) Figures 1 and 2.
    """
    return dataclasses.field(default=default, metadata={"check": check})


@dataclasses.dataclass(frozen=True)
class Scenario:
    """A frozen dataclass whose fields are validated once, by the validators :func:`checked` names.

    Examples
    --------
    >>> from twolevel.viz import InstitutionsScenario
    >>> InstitutionsScenario(quota_x=0.0)
    Traceback (most recent call last):
    ...
    ValueError: quota_x must lie in (0, 1] (a share of the constituency's weight), got 0.0

    References
    ----------
    Frozen, validated parameter objects, as for Putnam's (1988) Figures 1 and 2.
    """

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            check = f.metadata.get("check")
            if check is not None:
                object.__setattr__(self, f.name, check(f.name, getattr(self, f.name)))
