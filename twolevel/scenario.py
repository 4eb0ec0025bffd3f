r"""Scenarios as validated parameter objects, and Chapter 4's (Figure 1).

A *scenario* holds every parameter a chapter's computation, figure or explorer
is computed from, each with its default defined once and validated once (in
``__post_init__``, by the validator named in the field's metadata). Every part
of the package keeps its scenarios in its own ``scenario`` module
(:class:`Figure1Params` here; Figure 2's, Chapter 6's and Chapter 7's in
``twolevel.preferences.scenario``, ``twolevel.institutions.scenario`` and
``twolevel.strategies.scenario``). All of them are :class:`Scenario` s, so one
generic interface serves them all:

- :meth:`Scenario.replace` changes some parameters (validated again);
- :meth:`Scenario.from_dict` builds one from a plain dict (a JSON or YAML
  scenario file), naming any unknown key;
- :meth:`Scenario.to_dict` gives the plain dict back;
- :func:`with_overrides` is the keyword form used by the figures.

A new scenario is a frozen dataclass deriving from :class:`Scenario` whose
fields are made with :func:`twolevel.scenario.parameter` (a default and its
validator) or :func:`twolevel.scenario.required` (a validator, no default). These two helpers are for the
package's own modules and are not ``tl.`` names: a reader uses scenarios, the
package defines them.

Numbers only: this module imports numpy, not matplotlib.

>>> import twolevel as tl
>>> p = tl.Figure1Params()
>>> p.spread_x, p.spread_y, p.quota_x, p.quota_y
(0.6, 0.9, 0.5, 0.5)
>>> p.replace(quota_y=2 / 3).quota_y
0.6666666666666666
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from ._checks import check_instance, check_mapping, check_positive_int, check_quota, check_unit
from .winsets import DEFAULT_SIZE, Constituency

__all__ = ["Scenario", "Figure1Params", "with_overrides"]

S = TypeVar("S", bound="Scenario")

#: Constituents per side in a scenario (the accepted range of every ``n`` field).
check_size = partial(check_positive_int, maximum=1_000_000)


def parameter(default: Any, check: Callable[[str, object], Any]) -> Any:
    """A scenario field: its default and the validator (``check(name, value)``) that ``__post_init__`` runs.

    Parameters
    ----------
    default : object
        The field's default value (validated like any other value).
    check : callable
        ``check(name, value)`` returns the validated value or raises naming ``name``.

    Returns
    -------
    dataclasses.Field
        A field for a :class:`Scenario` subclass.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> from twolevel.scenario import Scenario, parameter
    >>> from twolevel._checks import check_quota
    >>> @dataclass(frozen=True, kw_only=True)
    ... class Vote(Scenario):
    ...     quota: float = parameter(0.5, check_quota)
    >>> Vote(quota=0.6).quota
    0.6

    References
    ----------
    Not in Putnam (1988): the package's parameter objects.
    """
    return dataclasses.field(default=default, metadata={"check": check})


def required(check: Callable[[str, object], Any]) -> Any:
    """A scenario field without a default (the caller must give it), validated by ``check(name, value)``.

    Parameters
    ----------
    check : callable
        ``check(name, value)`` returns the validated value or raises naming ``name``.

    Returns
    -------
    dataclasses.Field
        A field for a :class:`Scenario` subclass (before the fields with defaults, unless keyword-only).

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> from twolevel.scenario import Scenario, required
    >>> from twolevel._checks import check_unit
    >>> @dataclass(frozen=True)
    ... class Share(Scenario):
    ...     share: float = required(check_unit)
    >>> Share(0.25).share
    0.25

    References
    ----------
    Not in Putnam (1988): the package's parameter objects.
    """
    return dataclasses.field(metadata={"check": check})


@dataclass(frozen=True)
class Scenario:
    """Base of every scenario: fields validated once, a generic :meth:`Scenario.replace` and dict round trips.

    A subclass is a frozen dataclass whose fields are made with
    :func:`twolevel.scenario.parameter` or :func:`twolevel.scenario.required`.

    Examples
    --------
    >>> p = tl.Figure1Params.from_dict({"quota_y": 0.75})
    >>> p.quota_y, p.to_dict()["spread_y"]
    (0.75, 0.9)
    >>> p.replace(quota_z=0.1)
    Traceback (most recent call last):
    ...
    TypeError: Figure1Params has no parameter 'quota_z' (accepted: spread_x, spread_y, quota_x, quota_y, n)

    References
    ----------
    Not in Putnam (1988): the package's parameter objects.
    """

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            check = f.metadata.get("check")
            if check is not None:
                object.__setattr__(self, f.name, check(f.name, getattr(self, f.name)))

    @classmethod
    def parameter_names(cls) -> tuple[str, ...]:
        """The names of the scenario's parameters, in order."""
        return tuple(f.name for f in dataclasses.fields(cls))

    @classmethod
    def _check_keys(cls, keys: Mapping[str, object]) -> None:
        names = cls.parameter_names()
        for key in keys:
            if key not in names:
                raise TypeError(f"{cls.__name__} has no parameter {key!r} (accepted: {', '.join(names)})")

    def replace(self: S, **overrides: Any) -> S:
        """A copy with ``overrides`` replaced, validated again; an unknown name is a TypeError naming it."""
        self._check_keys(overrides)
        return dataclasses.replace(self, **overrides)

    @classmethod
    def from_dict(cls: type[S], values: Mapping[str, Any]) -> S:
        """A scenario from a plain dict (e.g. a JSON or YAML file read by the caller); missing keys keep their defaults.

        An unknown key, a missing required one or a bad value is a TypeError or
        ValueError that starts with ``values:`` and names the parameter.
        """
        check_mapping("values", values)
        try:
            cls._check_keys(values)
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"values: {exc}") from None

    def to_dict(self) -> dict[str, Any]:
        """The parameters as a plain dict (the inverse of :meth:`from_dict`)."""
        return {name: getattr(self, name) for name in self.parameter_names()}


@dataclass(frozen=True, kw_only=True)
class Figure1Params(Scenario):
    r"""Figure 1's scenario: two constituencies with uniform reservation values.

    Side :math:`S`'s reservation values are spread evenly over
    :math:`[0, s_S]` (:meth:`twolevel.Constituency.uniform`); a larger spread
    means more constituents who find no-agreement cheap. The order of the
    parameters (constituencies, then quotas) is that of
    :func:`twolevel.agreement_probability`.

    Parameters
    ----------
    spread_x, spread_y : float
        Spreads :math:`s_X, s_Y` in [0, 1].
    quota_x, quota_y : float
        Ratification quotas in (0, 1].
    n : int
        Constituents per side, 1 to 1,000,000.

    Examples
    --------
    >>> import twolevel as tl
    >>> p = tl.Figure1Params(quota_y=2 / 3)
    >>> x, y = p.constituencies()
    >>> round(tl.win_set(y, p.quota_y, "Y").hi, 2)
    0.4
    >>> tl.Figure1Params(spread_x=1.5)
    Traceback (most recent call last):
    ...
    ValueError: spread_x must lie in [0, 1], got 1.5

    References
    ----------
    Putnam (1988), Figure 1 and its discussion, pp. 440-441.
    """

    spread_x: float = parameter(0.6, check_unit)
    spread_y: float = parameter(0.9, check_unit)
    quota_x: float = parameter(0.5, check_quota)
    quota_y: float = parameter(0.5, check_quota)
    n: int = parameter(DEFAULT_SIZE, check_size)

    def constituencies(self) -> tuple[Constituency, Constituency]:
        """X's and Y's constituencies (:meth:`twolevel.Constituency.uniform`)."""
        return (
            Constituency.uniform(self.spread_x, self.n),
            Constituency.uniform(self.spread_y, self.n),
        )


def with_overrides(cls: type[S], params: S | None, overrides: Mapping[str, Any]) -> S:
    """``params`` (default: ``cls()``) with ``overrides`` replaced and validated again.

    Parameters
    ----------
    cls : type
        A :class:`Scenario` subclass.
    params : Scenario or None
        A scenario of class ``cls``, or None for its defaults.
    overrides : dict
        Parameters to replace.

    Returns
    -------
    Scenario
        A new scenario of class ``cls``.

    Examples
    --------
    >>> import twolevel as tl
    >>> tl.with_overrides(tl.Figure1Params, None, {"quota_y": 0.75}).quota_y
    0.75
    >>> tl.with_overrides(tl.Figure1Params, None, {"quota_z": 0.75})
    Traceback (most recent call last):
    ...
    TypeError: overrides: Figure1Params has no parameter 'quota_z' (accepted: spread_x, spread_y, quota_x, quota_y, n)

    References
    ----------
    Not in Putnam (1988): the package's parameter objects.
    """
    if not (isinstance(cls, type) and issubclass(cls, Scenario)):
        raise TypeError(f"cls must be a Scenario class (e.g. tl.Figure1Params), got {cls!r:.60}")
    base = cls() if params is None else check_instance("params", params, cls)
    check_mapping("overrides", overrides)
    try:
        return base.replace(**overrides)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"overrides: {exc}") from None
