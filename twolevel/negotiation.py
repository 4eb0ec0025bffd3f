r"""The front door: one negotiation, both sides' Level II in, Level I's answers out.

Nashpy's ``Game(A, B)`` is the model: one object built from what a newcomer
knows, whose methods are the package's functions applied to it.

>>> import twolevel as tl
>>> talks = tl.Negotiation(tl.Constituency.uniform(0.6), tl.Constituency.uniform(0.9), rule_y=2 / 3)
>>> talks.overlap, round(talks.outcome("nash"), 4), round(talks.outcome("split"), 4)
(WinSet(0.3, 0.39985), 0.3999, 0.3499)

The same negotiation from a scenario file (JSON or YAML, read into a dict):

>>> tl.Negotiation.from_dict({
...     "x": {"uniform": {"spread": 0.6}},
...     "y": {"uniform": {"spread": 0.9}, "rule": "two_thirds"},
... }).overlap
WinSet(0.3, 0.39985)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ._checks import check_instance, check_mapping, check_quota
from .bargaining import SOLUTIONS, Solution, bargain
from .winsets import Constituency, Side, WinSet, overlap, win_set

__all__ = ["Negotiation", "Rule"]


@runtime_checkable
class Rule(Protocol):
    """What a side's ratification rule must do: give the side's win-set (e.g. :class:`twolevel.QuotaRule`).

    Examples
    --------
    >>> isinstance(tl.two_thirds(), tl.Rule), isinstance(0.5, tl.Rule)
    (True, False)

    References
    ----------
    Putnam (1988), p. 448: "Ratification procedures clearly affect the size of the win-set".
    """

    def win_set(self, constituency: Constituency, side: Side = "X") -> WinSet:
        """The win-set of ``constituency`` as side ``side``."""


#: Rules a scenario file may name, and the quota each stands for.
_NAMED_RULES = {"simple_majority": 0.5, "two_thirds": 2.0 / 3.0, "unanimity": 1.0}
_SIDE_KEYS = frozenset({"uniform", "kumaraswamy", "reservations", "weights", "name", "rule", "quota"})


def _check_rule(name: str, rule: object) -> float | Rule:
    if isinstance(rule, Rule):
        return rule
    return check_quota(name, rule)


class Negotiation:
    r"""A two-level negotiation on one issue: X's and Y's constituencies and ratification rules.

    Everything it answers comes from the package's functions
    (:func:`twolevel.win_set`, :func:`twolevel.overlap`,
    :func:`twolevel.bargain`), so it agrees with them exactly.

    Parameters
    ----------
    constituency_x, constituency_y : Constituency
        Each side's Level II constituents (:class:`twolevel.Constituency`).
    rule_x, rule_y : float or Rule
        Each side's ratification rule: a quota in (0, 1] (1/2 by default),
        or a rule object such as :func:`twolevel.two_thirds`.

    Examples
    --------
    >>> talks = tl.Negotiation(tl.Constituency.uniform(0.6), tl.Constituency.uniform(0.9))
    >>> talks.win_set_x, talks.win_set_y
    (WinSet(0.3, 1), WinSet(0, 0.55))
    >>> {k: round(v, 3) for k, v in talks.outcomes().items()}
    {'nash': 0.5, 'split': 0.425}
    >>> tl.Negotiation(tl.Constituency.uniform(0.6), tl.Constituency.uniform(0.9), rule_y=tl.unanimity()).is_deadlock
    True

    References
    ----------
    Putnam (1988), pp. 437-441 (win-sets, their overlap and Figure 1). Book: chapter 4.
    """

    def __init__(
        self,
        constituency_x: Constituency,
        constituency_y: Constituency,
        rule_x: float | Rule = 0.5,
        rule_y: float | Rule = 0.5,
    ) -> None:
        self.constituency_x = check_instance("constituency_x", constituency_x, Constituency)
        self.constituency_y = check_instance("constituency_y", constituency_y, Constituency)
        self.rule_x = _check_rule("rule_x", rule_x)
        self.rule_y = _check_rule("rule_y", rule_y)
        # A rule object is checked by using it: a bad one fails here, naming it, not on first use.
        self._win_sets = (
            self._win_set(self.constituency_x, self.rule_x, "X"),
            self._win_set(self.constituency_y, self.rule_y, "Y"),
        )

    def __repr__(self) -> str:
        return f"Negotiation(win_set_x={self.win_set_x!r}, win_set_y={self.win_set_y!r})"

    @staticmethod
    def _win_set(constituency: Constituency, rule: float | Rule, side: Side) -> WinSet:
        if isinstance(rule, float):
            return win_set(constituency, rule, side)
        name = f"rule_{side.lower()}"
        try:
            result = rule.win_set(constituency, side)
        except TypeError as exc:  # e.g. an object with another kind of win_set method
            raise TypeError(f"{name} must be a ratification rule (tl.Rule): its win_set failed: {exc}") from None
        return check_instance(f"the win-set of {name}", result, WinSet)

    @property
    def win_set_x(self) -> WinSet:
        """X's win-set, :math:`[X_1, 1]`."""
        return self._win_sets[0]

    @property
    def win_set_y(self) -> WinSet:
        """Y's win-set, :math:`[0, Y_1]`."""
        return self._win_sets[1]

    @property
    def overlap(self) -> WinSet:
        """The feasible agreements, the overlap of the two win-sets (empty under deadlock)."""
        return overlap(self.win_set_x, self.win_set_y)

    @property
    def is_deadlock(self) -> bool:
        """Whether the win-sets fail to overlap, so that no agreement is feasible."""
        return self.overlap.is_empty

    def outcome(self, solution: Solution = "nash") -> float | None:
        """The agreement (X's share) that ``solution`` predicts, or None under deadlock (:func:`twolevel.bargain`)."""
        return bargain(self.overlap, solution)

    def outcomes(self) -> dict[str, float | None]:
        """The predicted agreement under each bargaining solution, by name."""
        return {solution: self.outcome(solution) for solution in SOLUTIONS}  # type: ignore[arg-type]

    def _figure_quota(self, rule: float | Rule, constituency: Constituency, boundary: float, side: Side) -> float:
        if isinstance(rule, float):
            return rule
        quota = getattr(rule, "quota", None)
        if isinstance(quota, float):
            return quota
        # Another rule: the share of the weight that ratifies at the boundary, which the rule requires in effect.
        return float(constituency.votes_for(boundary, side)) or 1.0

    def figure(self) -> Any:
        """Figure 1 of this negotiation (a matplotlib Figure), drawn by ``twolevel.viz`` (imported here, on first use).

        X1 and Y's boundary are this negotiation's; Y1, Y2 and Y3 are Y's
        boundaries under a simple majority, two-thirds and unanimity.
        """
        from .scenario import Figure1Params
        from .viz.winsets import Y_STAGES, Figure1, Figure1State

        wx, wy = self.win_set_x, self.win_set_y
        qx = self._figure_quota(self.rule_x, self.constituency_x, wx.lo, "X")
        qy = self._figure_quota(self.rule_y, self.constituency_y, wy.hi, "Y")
        stages = {k: 1.0 - float(self.constituency_y.pivot(q)) for k, q in Y_STAGES.items()}
        params = Figure1Params(quota_x=qx, quota_y=qy, n=self.constituency_x.size)
        return Figure1(Figure1State(wx.lo, wy.hi, stages, self.overlap, params)).figure

    # -- scenario files --------------------------------------------------------------
    @classmethod
    def from_dict(cls, scenario: Mapping[str, Any]) -> Negotiation:
        """A negotiation from a plain dict, as read from a JSON or YAML scenario file.

        The dict has a key ``"x"`` and a key ``"y"``, one per side, each a dict with

        - the constituency: ``"uniform": {"spread": s, "n": n}``,
          ``"kumaraswamy": {"a": a, "b": b, "spread": s, "n": n}``, or
          ``"reservations": [...]`` (with optional ``"weights": [...]``);
        - optionally its rule: ``"quota": q`` or ``"rule"``, one of
          ``"simple_majority"``, ``"two_thirds"``, ``"unanimity"`` or a quota;
          a simple majority by default;
        - optionally a ``"name"``.

        Parameters
        ----------
        scenario : dict
            The scenario, as above.

        Returns
        -------
        Negotiation

        References
        ----------
        Not in Putnam (1988): the course kit's scenario files ("model your own negotiation").

        Examples
        --------
        >>> tl.Negotiation.from_dict({"x": {"reservations": [0.2, 0.4, 0.6]}, "y": {"uniform": {"spread": 0.5}}}).overlap
        WinSet(0.4, 0.75)
        """
        check_mapping("scenario", scenario)
        unknown = set(scenario) - {"x", "y"}
        if unknown or not {"x", "y"} <= set(scenario):
            raise ValueError(
                f"scenario must have exactly the keys 'x' and 'y' (one per side), got {sorted(map(str, scenario))}"
            )
        (cx, rx), (cy, ry) = (_side_from_dict(k, scenario[k]) for k in ("x", "y"))
        return cls(cx, cy, rx, ry)

    @classmethod
    def from_json(cls, source: str | Path) -> Negotiation:
        """A negotiation from a JSON scenario: a file's path, or the JSON text itself (see :meth:`from_dict`).

        Parameters
        ----------
        source : str or pathlib.Path
            A path to a ``.json`` file, or JSON text.

        Returns
        -------
        Negotiation
        """
        text = _read(source)
        try:
            scenario = json.loads(text)
        except ValueError as exc:  # json.JSONDecodeError
            raise ValueError(f"source is neither a file nor a JSON scenario: {exc}") from None
        return _from_source(cls, scenario)

    @classmethod
    def from_yaml(cls, source: str | Path) -> Negotiation:
        """A negotiation from a YAML scenario: a file's path, or the YAML text itself (needs PyYAML).

        Parameters
        ----------
        source : str or pathlib.Path
            A path to a ``.yaml``/``.yml`` file, or YAML text.

        Returns
        -------
        Negotiation
        """
        import yaml  # only here: the model needs numpy only

        text = _read(source)
        try:
            scenario = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ValueError(f"source is neither a file nor a YAML scenario: {exc}") from None
        return _from_source(cls, scenario)


def _read(source: object) -> str:
    """The text of ``source``: a file's (a Path, or a one-line string naming an existing file) or itself."""
    if not isinstance(source, (str, Path)):
        raise TypeError(f"source must be a path or the scenario's text, got {type(source).__name__}")
    if isinstance(source, Path) or ("\n" not in source and _is_file(source)):
        try:
            return Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"source names a file that cannot be read as text: {exc}") from None
    return source


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL byte
        return False


def _from_source(cls: type[Negotiation], scenario: object) -> Negotiation:
    """``cls.from_dict(scenario)``, its errors prefixed with the parameter the reader gave: ``source``."""
    try:
        return cls.from_dict(scenario)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"source: {exc}") from None


def _side_from_dict(key: str, side: object) -> tuple[Constituency, float]:
    where = f"scenario[{key!r}]"
    entry = check_mapping(where, side)
    unknown = set(entry) - _SIDE_KEYS
    if unknown:
        raise ValueError(f"{where} has unknown keys {sorted(map(str, unknown))}; accepted: {sorted(_SIDE_KEYS)}")
    kinds = [k for k in ("uniform", "kumaraswamy", "reservations") if k in entry]
    if len(kinds) != 1:
        raise ValueError(f"{where} must give exactly one of 'uniform', 'kumaraswamy' or 'reservations'")
    if "rule" in entry and "quota" in entry:
        raise ValueError(f"{where} must give a 'rule' or a 'quota', not both")
    if kinds[0] != "reservations":
        where = f"{where}[{kinds[0]!r}]"
        check_mapping(where, entry[kinds[0]])
    try:
        constituency = _constituency(entry, kinds[0])
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{where}: {exc}") from None
    where = f"scenario[{key!r}]"
    rule = entry.get("rule", entry.get("quota", 0.5))
    if isinstance(rule, str):
        if rule not in _NAMED_RULES:
            raise ValueError(f"{where}['rule'] must be one of {sorted(_NAMED_RULES)} or a quota, got {rule!r}")
        rule = _NAMED_RULES[rule]
    return constituency, check_quota(f"{where} quota", rule)


def _constituency(entry: dict[object, object], kind: str) -> Constituency:
    """The constituency of one side's entry: ``"uniform"`` or ``"kumaraswamy"`` parameters, or reservations."""
    name = entry.get("name", "")
    if kind == "reservations":
        return Constituency(entry["reservations"], entry.get("weights"), name)  # type: ignore[arg-type]
    params: dict[object, object] = entry[kind]  # type: ignore[assignment]  # a dict, checked by the caller
    return getattr(Constituency, kind)(**{str(k): v for k, v in params.items()}, name=name)  # type: ignore[no-any-return]
