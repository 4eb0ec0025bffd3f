"""Discovery of every public callable of :mod:`twolevel`, and bad inputs derived from type hints.

The fuzz suite (``test_fuzz.py``) is generated from ``twolevel.__all__``: each
public function, each public class's constructor, and each public method and
classmethod of those classes is a *target*. For every parameter of a target,
a strategy of bad values is derived from the parameter's type hint
(``typing.get_type_hints`` + ``inspect.signature``); the other parameters get
good values, found once per target from the same hints (:data:`GOOD`). A new
function is therefore fuzzed the day it is added, and a signature whose
hints this module cannot read fails with a message naming the callable and
the parameter (:class:`CannotFuzz`), instead of being skipped.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import inspect
import itertools
import json
import math
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import twolevel as tl


class CannotFuzz(Exception):
    """The suite cannot build inputs for a target (a new type in a signature): extend this module."""


@dataclasses.dataclass(frozen=True)
class Target:
    """One public callable: ``make()`` returns the bound callable (a fresh instance for a method)."""

    name: str
    make: Callable[[], Callable[..., Any]]
    signature: inspect.Signature
    hints: dict[str, Any]
    doc: str

    def __repr__(self) -> str:
        return self.name


# -- good values, by type -----------------------------------------------------------------


def _two_issue(side: str) -> tl.TwoIssueConstituency:
    return tl.TwoIssueConstituency.power(0.55 if side == "A" else 0.45, 0.5, 0.5, 0.65, side, 101)  # type: ignore[arg-type]


def good_instances() -> dict[type, list[Callable[[], Any]]]:
    """Valid examples of every public class a signature can ask for (a factory each, fresh per call)."""
    return {
        tl.Constituency: [
            lambda: tl.Constituency([0.1, 0.4, 0.7], [1.0, 2.0, 1.0]),
            lambda: tl.Constituency.uniform(0.9, 31),
        ],
        tl.SpatialConstituency: [lambda: tl.SpatialConstituency([0.2, 0.5, 0.8])],
        tl.WinSet: [lambda: tl.WinSet(0.3, 0.7), lambda: tl.WinSet(0.0, 0.6)],
        tl.TwoIssueConstituency: [lambda: _two_issue("A"), lambda: _two_issue("B")],
        tl.Profile: [lambda: tl.putnam_example(True), lambda: tl.putnam_example(False)],
        tl.Bloc: [lambda: tl.Bloc(("A", tl.NO_AGREEMENT, "B"), 0.4)],
        tl.SmoothLaw: [lambda: tl.SmoothLaw.power(0.5)],
        tl.IsoVoteGrid: [lambda: tl.iso_vote_grid(_two_issue("A"), 11), lambda: tl.iso_vote_grid(_two_issue("B"), 11)],
        tl.LinkageCountry: [
            lambda: tl.LinkageCountry("X", "A", np.array([-0.5, 0.4, 0.2]), np.array([0.8, 0.1, 0.3])),
            lambda: tl.LinkageCountry("Y", "B", np.array([0.3, -0.2, -0.6]), np.array([0.5, 0.6, 0.2])),
        ],
        tl.Curve: [lambda: tl.Curve(np.array([0.1, 0.2]), np.array([0.3, 0.4]))],
        tl.Lens: [lambda: tl.lens(_two_issue("A"), _two_issue("B"), 11)],
        tl.DefectionRates: [lambda: tl.defection_rates(0.3, 0.6, 0.1)],
        tl.DefectionModel: [lambda: tl.DefectionModel(0.3, 0.6, 0.1)],
        tl.DivisionEffect: [lambda: tl.division_effect(tl.putnam_example(), 0.5)],
        tl.LinkageResult: [lambda: tl.linkage_outcome(*(f() for f in good_instances()[tl.LinkageCountry]))],
        tl.Figure1Params: [lambda: tl.Figure1Params(n=11)],
        tl.PackageFormulas: [tl.package_formulas],
        **_sympy_instances(),
        tl.Rule: [tl.simple_majority],
        tl.Scenario: [lambda: tl.Figure1Params(n=11), lambda: tl.BudgetScenario(n=11)],
        tl.Figure2Params: [lambda: tl.Figure2Params(n=11, resolution=11)],
        tl.Negotiation: [lambda: tl.Negotiation(tl.Constituency.uniform(0.6, 11), tl.Constituency.uniform(0.9, 11))],
        # -- twolevel.strategies (Chapter 7) --
        tl.SwingConstituency: [
            lambda: tl.SwingConstituency([0.1, 0.3, 0.5, 0.7, 0.9], quota=0.6, mood=0.05),
            lambda: tl.SwingConstituency.uniform(0.8, 4, quota=0.5, mood=0.1),
        ],
        tl.Package: [lambda: tl.Package(np.array([0.0, 0.1, 0.0]), cost=0.1 / 3, value=0.1 / 3, probability=0.5)],
        tl.RallyOutcome: [lambda: tl.rally_outcome(tl.WinSet(0.3, 1.0), tl.WinSet(0.0, 0.6), 0.1, 0.05)],
        tl.CollusivePath: [lambda: tl.collusive_path(_two_issue("A"), _two_issue("B"), (0.5, 0.5), max_steps=5)],
        tl.PopularityEffect: [lambda: tl.opposite_popularity(tl.WinSet(0.55, 1.0), tl.WinSet(0.0, 0.7), 0.1, 0.05)],
        tl.SummitPayoff: [lambda: tl.SummitPayoff(publicity_only=0.1, substantive=0.05, probability=0.4)],
        tl.RankEffect: [
            lambda: tl.rank_effects(tl.SwingConstituency.uniform(0.9, 20, 0.6, 0.05), tl.WinSet(0.0, 0.6), 0.1, 0.01)
        ],
        tl.BudgetScenario: [lambda: tl.BudgetScenario(n=11)],
        tl.RallyScenario: [lambda: tl.RallyScenario(rallies=(0.0, 0.1))],
        # -- end twolevel.strategies --
        **_institution_instances(),
    }


def _chamber(name: str, reservations: list[float]) -> tl.Chamber:
    return tl.Chamber(name, tl.Constituency(reservations), tl.simple_majority())


def _council() -> tl.Body:
    # Node names among the suite's sample strings ("A", "X", "Y"), so that find/with_level get a good name.
    return tl.Body("A", tl.unanimity(), (_chamber("X", [0.3, 0.5, 0.7]), _chamber("Y", [0.1, 0.2, 0.4])))


def _spec() -> dict[str, dict[str, object]]:
    return {
        "A": {"rule": tl.unanimity(), "members": ["X", "Y"]},
        "X": {"rule": tl.simple_majority(), "constituency": tl.Constituency([0.3, 0.5, 0.7])},
        "Y": {"rule": tl.simple_majority(), "constituency": tl.Constituency([0.1, 0.2, 0.4])},
    }


def _sympy_instances() -> dict[type, list[Callable[[], Any]]]:
    """The sympy types in the signatures of the closed forms (sympy is loaded by tl.package_formulas anyway)."""
    import sympy as sp

    return {sp.Symbol: [lambda: tl.package_formulas().symbols[0]], sp.Expr: [lambda: tl.package_formulas().v_a]}


#: A scenario file's contents, as :meth:`tl.Negotiation.from_dict` reads it.
_SCENARIO = {
    "x": {"uniform": {"spread": 0.6, "n": 11}},
    "y": {"uniform": {"spread": 0.9, "n": 11}, "rule": "two_thirds"},
}

#: Good values of parameters whose valid values have a structure beyond their hint (a tree's spec, a
#: scenario file) or a range that the generic examples miss, keyed by target and parameter; tried first.
GOOD_EXAMPLES: dict[tuple[str, str], list[Callable[[], Any]]] = {
    ("tl.tree_from_spec", "spec"): [_spec],
    ("tl.decomposition_returns", "branching"): [lambda: 2],  # 2 to 10
    ("tl.decomposition_returns", "depth"): [lambda: 1],  # 1 to 6; small, for speed
    ("tl.Negotiation.from_dict", "scenario"): [lambda: _SCENARIO],
    ("tl.Negotiation.from_json", "source"): [lambda: json.dumps(_SCENARIO)],
    ("tl.Negotiation.from_yaml", "source"): [lambda: json.dumps(_SCENARIO)],  # JSON is YAML
}


def _institution_instances() -> dict[type, list[Callable[[], Any]]]:
    """Chapter 6 (:mod:`twolevel.institutions`): small, fast examples of every record and rule."""
    rules: list[Callable[[], Any]] = [
        tl.simple_majority,
        lambda: tl.SeatRule(31, 16),
        lambda: tl.WeightedVotes((1.0, 2.0, 1.0), 0.6),
        lambda: tl.ConsensusNorm(0.5, groups=(0, 0, 1), min_group_share=0.3),
    ]
    return {
        tl.RatificationRule: rules,
        tl.QuotaRule: [lambda: tl.QuotaRule(2 / 3), tl.unanimity],
        tl.SeatRule: [rules[1]],
        tl.WeightedVotes: [rules[2]],
        tl.ConsensusNorm: [rules[3], lambda: tl.ConsensusNorm(0.9)],
        tl.Chamber: [lambda: _chamber("F", [0.3, 0.5, 0.7])],
        tl.Body: [_council],
        tl.AmendmentComparison: [lambda: tl.compare_procedures(_two_issue("A"), _two_issue("B"), 11)],
        tl.RuleOutcome: [lambda: tl.rule_outcome(tl.RuleScenario(0.9, 0.6, 0.5, n=51, sample_size=11, trials=50))],
        tl.ConferenceOutcome: [
            lambda: tl.conference_outcome(tl.Constituency.uniform(0.9, 11), tl.Constituency.uniform(0.6, 11), 2 / 3)
        ],
        tl.LeverOutcome: [lambda: tl.lever_outcome(tl.Constituency.uniform(0.9, 11), tl.WinSet(0.0, 0.7), 2 / 3)],
        tl.DecompositionReturns: [lambda: tl.decomposition_returns(2, 1, n=5, replications=2, seed=1)],
        tl.RuleScenario: [lambda: tl.RuleScenario(0.9, 0.6, 0.5, n=51, sample_size=11, trials=50)],
        tl.InstitutionsScenario: [lambda: tl.InstitutionsScenario(n=11)],
    }


_FLOATS = [0.5, 0.3, 0.7, 1.0, 0.1, 2.0]
_INTS = [11, 21, 3, 1]
_STRINGS = ["", "A", "X", "B", "Y"]


def _origin(hint: Any) -> Any:
    return typing.get_origin(hint)


def _members(hint: Any) -> tuple[Any, ...]:
    """The types of a union (``X | None``), or the hint itself."""
    if _origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return (hint,)


def _is_array_hint(hint: Any) -> bool:
    text = repr(hint)
    return "ndarray" in text or "ArrayLike" in text or "_SupportsArray" in text or "NDArray" in text


def kind(target: str, param: str, hint: Any) -> str:
    """The family of a parameter's hint: the key of the good and bad values used for it."""
    members = [m for m in _members(hint) if m is not type(None)]
    if any(_origin(m) is collections.abc.Callable for m in members):
        return "callable"
    if _is_array_hint(hint):
        return "array"
    if len(members) != 1:
        if all(_origin(m) is typing.Literal or m is str for m in members):
            return "str"
        if all(isinstance(m, type) and m in good_instances() for m in members):
            return "instance"  # a union of model classes (e.g. a tree node: Chamber | Body)
        if set(members) == {str, Path}:
            return "source"  # a file's path or its text
        numbers = [m for m in members if m in (float, int)]
        if numbers and all(isinstance(m, type) and m in good_instances() for m in members if m not in numbers):
            return "number_or_instance"  # e.g. a quota or a rule object
        raise CannotFuzz(f"{target}: parameter {param!r} has a union hint {hint!r} that fuzz_support.kind cannot read")
    m = members[0]
    origin = _origin(m)
    if m is bool:
        return "bool"
    if m is int:
        return "int"
    if m in (float, typing.SupportsFloat):
        return "float"
    if m is str or origin is typing.Literal:
        return "str"
    if origin is tuple and typing.get_args(m)[:1] == (str,):
        return "str_tuple"
    if origin is tuple and typing.get_args(m) in ((float, Ellipsis), (int, Ellipsis)):
        return "array"  # a numeric sequence stored as a tuple
    if origin is tuple and all(a is float for a in typing.get_args(m)):
        return "float_tuple"  # a fixed number of reals (e.g. four shapes)
    if origin is tuple and all(
        a is Ellipsis or all(u in good_instances() for u in _members(a)) for a in typing.get_args(m)
    ):
        return "instance_tuple"
    if origin in (collections.abc.Sequence, list) and typing.get_args(m) == (str,):
        return "str_tuple"
    if origin in (frozenset, set):
        return "str_set"
    if origin in (dict, collections.abc.Mapping):
        return "dict"
    if origin is type:
        return "type"
    if origin is collections.abc.Callable or m is collections.abc.Callable:
        return "callable"
    if isinstance(m, typing.TypeVar):
        return "instance"
    if isinstance(m, type) and m in good_instances():
        return "instance"
    raise CannotFuzz(
        f"{target}: parameter {param!r} has type hint {hint!r}, for which fuzz_support has no good or bad values "
        "(add the type to good_instances() or a branch to kind())"
    )


def good_values(target: str, param: inspect.Parameter, hint: Any) -> list[Any]:
    """Candidate good values of a parameter: its default first, then examples of its type."""
    out: list[Any] = [f() for f in GOOD_EXAMPLES.get((target, param.name), [])]
    k = kind(target, param.name, hint)
    members = [m for m in _members(hint) if m is not type(None)]
    if k == "int":
        out += _INTS  # small sizes first: the suite makes thousands of calls
    if param.default is not inspect.Parameter.empty:
        out.append(param.default)
    if k == "float":
        out += _FLOATS
    elif k == "float_tuple":
        out += [tuple([0.5] * len(typing.get_args(members[0]))), tuple([1.0] * len(typing.get_args(members[0])))]
    elif k == "number_or_instance":
        out += _FLOATS + [f() for m in members if m in good_instances() for f in good_instances()[m]]
    elif k == "array":
        out += [[0.2, 0.5, 0.8], 0.5, np.array([0.3, 0.6])]
    elif k == "str":
        literal = [a for m in members if _origin(m) is typing.Literal for a in typing.get_args(m)]
        out += literal or [*_STRINGS, tl.NO_AGREEMENT]
    elif k == "bool":
        out += [True, False]
    elif k == "str_tuple":
        out += [("A", tl.NO_AGREEMENT, "B"), ["A"]]
    elif k == "str_set":
        out += [frozenset({"A"})]
    elif k == "dict":
        out += [{}, {("A", tl.NO_AGREEMENT, "B"): 0.6, ("B", "A", tl.NO_AGREEMENT): 0.4}]
    elif k == "instance_tuple":
        m = members[0]
        classes = [_members(a)[0] for a in typing.get_args(m) if a is not Ellipsis]
        if Ellipsis in typing.get_args(m):
            out += [tuple(f() for f in good_instances()[classes[0]])]
        else:
            out += [tuple(good_instances()[c][i % len(good_instances()[c])]() for i, c in enumerate(classes))]
    elif k == "type":
        out += [tl.Figure1Params]
    elif k == "callable":
        out += [lambda x: np.clip(np.asarray(x, dtype=float), 0.0, 1.0)]
    elif k == "instance":
        classes = [m for m in members if isinstance(m, type)] or list(good_instances())
        out += [f() for c in classes for f in good_instances().get(c, [])]
    return out


# -- bad values, by kind ----------------------------------------------------------------------------

#: Values that are not real numbers (strings, booleans, containers, None, complex).
_not_numbers = [
    "0.5",
    "",
    b"0.5",
    True,
    False,
    np.bool_(True),
    None,
    [0.5],
    (0.5,),
    {0.5},
    {"a": 0.5},
    complex(0.5, 1.0),
    np.array([0.5, 0.2]),
    object(),
]
#: Real numbers no parameter accepts (non-finite, or too large for a float).
_bad_reals = [math.nan, -math.inf, math.inf, np.float64("nan"), 10**400, -(10**400), np.float32("inf")]

_floats = st.one_of(
    st.sampled_from(_bad_reals + _not_numbers),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**500), max_value=10**500),
)
_ints = st.one_of(
    st.sampled_from(
        [2.5, "3", True, np.bool_(False), None, 10**400, -(10**400), 2**63, np.float64(3.0), [3], math.nan]
    ),
    st.integers(max_value=0),
    st.integers(min_value=10**8),
    st.floats(allow_nan=True, allow_infinity=True),
)
_strings = st.one_of(
    st.sampled_from([None, 1, 0.5, b"X", ["X"], ("A",), True, math.nan, np.str_("Z")]), st.text(max_size=4)
)
_bools = st.one_of(
    st.sampled_from(["yes", "", None, 0.5, 2, [True], np.array([True, False]), math.nan]), st.text(max_size=2)
)

_dtypes = st.one_of(
    hnp.floating_dtypes(),
    hnp.integer_dtypes(),
    hnp.boolean_dtypes(),
    hnp.complex_number_dtypes(),
    hnp.unicode_string_dtypes(max_len=3),
    hnp.byte_string_dtypes(max_len=3),
    hnp.datetime64_dtypes(),
)
_arrays = st.one_of(
    hnp.arrays(_dtypes, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)),
    st.sampled_from(
        [
            ["0.5", "0.2"],
            [True, False],
            [[0.1], [0.2, 0.3]],
            [10**400],
            [0.5, None],
            None,
            "abc",
            {0.5},
            {"a": 0.5},
            [math.nan],
            [],
            [[]],
            [complex(0.5, 0)],
            object(),
        ]
    ),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=5),
)
_str_tuples = st.sampled_from([None, "AB", (1, 2), ("A", 3), 0.5, [None], {"A": 1}, ("A", math.nan)])
_str_sets = st.sampled_from([None, "A", {1}, 0.5, [["A"]]])
_dicts = st.one_of(
    st.sampled_from([None, [], {"quota_z": 1}, {1: 2}, "quota_y", {"quota_y": "0.5"}, {"n": 10**400}]),
    st.dictionaries(st.text(max_size=3), st.floats(allow_nan=True), max_size=2),
)
_types = st.sampled_from([None, int, "Figure1Params", 0.5, tl.WinSet])
_callables = st.sampled_from([None, 0.5, "cdf", [abs]])
_instance_tuples = st.sampled_from([None, 0.5, (), ("A",), [None, None], (0.5, 0.5, 0.5), "AB"])
_float_tuples = st.one_of(
    st.sampled_from(
        [None, 0.5, "abcd", (), (0.5,), (0.5,) * 5, ("0.5",) * 4, (True,) * 4, np.array([0.5] * 4), [10**400] * 4]
    ),
    st.tuples(*[st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from(_bad_reals))] * 4),
)
_sources = st.one_of(
    st.sampled_from(
        [
            None,
            0.5,
            b"{}",
            ["x"],
            {"x": 1},
            Path("/nonexistent/scenario.json"),
            Path("/"),
            "",
            "{",
            "[]",
            "{}",
            "null",
            "x: [",
            '{"x": {}, "y": {}}',
            '{"x": {"uniform": {"spread": 2}}, "y": {"uniform": {"spread": 0.5}}}',
        ]
    ),
    st.text(max_size=8),
)

BAD: dict[str, st.SearchStrategy[Any]] = {
    "float": _floats,
    "int": _ints,
    "str": _strings,
    "bool": _bools,
    "array": _arrays,
    "str_tuple": _str_tuples,
    "str_set": _str_sets,
    "dict": _dicts,
    "type": _types,
    "callable": _callables,
    "instance_tuple": _instance_tuples,
    "float_tuple": _float_tuples,
    "source": _sources,
}


def bad_values(target: str, param: inspect.Parameter, hint: Any) -> st.SearchStrategy[Any]:
    """Bad values of a parameter, from its hint: another type, a non-finite or out-of-range value."""
    strategy = _bad_values(target, param, hint)
    if type(None) in _members(hint) or param.default is None:
        return strategy.filter(lambda v: v is not None)  # None is a good value here
    return strategy


def _bad_values(target: str, param: inspect.Parameter, hint: Any) -> st.SearchStrategy[Any]:
    k = kind(target, param.name, hint)
    if k == "number_or_instance":
        members = tuple(m for m in _members(hint) if isinstance(m, type) and m in good_instances())
        others = [f for c, fs in good_instances().items() if c not in members for f in fs[:1]]
        wrong = st.sampled_from(others).map(lambda f: f()).filter(lambda v: not isinstance(v, members))
        return st.one_of(_floats, wrong)
    if k == "instance":
        members = [m for m in _members(hint) if isinstance(m, type) and m is not type(None)]
        others = [f for c, fs in good_instances().items() if c not in members for f in fs[:1]]
        wrong = st.sampled_from(others).map(lambda f: f())
        plain = st.sampled_from([0.5, "x", [0.5], math.nan, (0.3, 0.7), True])
        if type(None) not in _members(hint):
            plain = st.one_of(plain, st.just(None))
        return st.one_of(wrong, plain)
    return BAD[k]


#: Which kinds expect a number: there, a string, boolean or container must be rejected, not coerced.
NUMERIC = {"float", "int", "array", "float_tuple", "number_or_instance"}


def is_non_number(value: Any) -> bool:
    """A string, bytes, boolean, complex or other non-real value (or an array or list of them)."""
    if isinstance(value, (str, bytes, bool, np.bool_, complex, np.complexfloating, dict, set, type(None))):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "bUSOcMm"
    if isinstance(value, (list, tuple)):
        return any(is_non_number(v) for v in value)
    return not isinstance(value, (int, float, np.integer, np.floating))


def is_too_large(value: Any) -> bool:
    """An integer beyond what a float holds (10**400)."""
    if isinstance(value, (list, tuple)):
        return any(is_too_large(v) for v in value)
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > 1.7e308


# -- discovery --------------------------------------------------------------------------------------


def _hints(func: Callable[..., Any], module: str) -> dict[str, Any]:
    try:
        return typing.get_type_hints(func, vars(sys.modules[module]))
    except Exception as exc:  # a hint that does not resolve is a signature the suite cannot fuzz
        raise CannotFuzz(f"{module}.{getattr(func, '__qualname__', func)}: type hints do not resolve ({exc})") from exc


def _public_objects() -> Iterator[tuple[str, Any]]:
    seen: set[int] = set()
    modules = [(tl, tl.__all__)]
    for name in tl.__all__:
        obj = getattr(tl, name)
        if isinstance(obj, types.ModuleType) or not callable(obj) or id(obj) in seen:
            continue
        seen.add(id(obj))
        yield name, obj
    del modules


def discover() -> list[Target]:
    """Every public function, constructor, classmethod and method reachable from ``tl.__all__``."""
    targets: list[Target] = []
    for name, obj in _public_objects():
        if not inspect.isclass(obj):
            targets.append(
                Target(
                    f"tl.{name}",
                    lambda o=obj: o,
                    inspect.signature(obj),
                    _hints(obj, obj.__module__),
                    inspect.getdoc(obj) or "",
                )
            )
            continue
        init = obj.__init__ if "__init__" in vars(obj) or not hasattr(obj, "_fields") else obj.__new__
        sig = inspect.signature(obj)
        hints = _hints(init, obj.__module__) if "__init__" in vars(obj) else _class_hints(obj)
        targets.append(Target(f"tl.{name}", lambda o=obj: o, sig, hints, inspect.getdoc(obj) or ""))
        for attr, raw in sorted(vars(obj).items()):
            if attr.startswith("_"):
                continue
            if isinstance(raw, classmethod):
                func = raw.__func__
                targets.append(
                    Target(
                        f"tl.{name}.{attr}",
                        lambda o=obj, a=attr: getattr(o, a),
                        inspect.signature(getattr(obj, attr)),
                        _hints(func, obj.__module__),
                        inspect.getdoc(func) or "",
                    )
                )
            elif inspect.isfunction(raw):
                sig = inspect.signature(raw)
                params = list(sig.parameters.values())[1:]
                if obj not in good_instances():
                    raise CannotFuzz(f"tl.{name}.{attr}: no good instance of {name} in fuzz_support.good_instances()")
                targets.append(
                    Target(
                        f"tl.{name}.{attr}",
                        lambda o=obj, a=attr: getattr(good_instances()[o][0](), a),
                        sig.replace(parameters=params),
                        _hints(raw, obj.__module__),
                        inspect.getdoc(raw) or "",
                    )
                )
    return targets


def _class_hints(cls: type) -> dict[str, Any]:
    """Field hints of a dataclass or NamedTuple (its constructor's parameters)."""
    try:
        return typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    except Exception as exc:
        raise CannotFuzz(f"{cls.__module__}.{cls.__qualname__}: field hints do not resolve ({exc})") from exc


def parameters(target: Target) -> list[inspect.Parameter]:
    """The parameters a caller passes (no ``*args``/``**kwargs``)."""
    return [p for p in target.signature.parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def call(target: Target, args: dict[str, Any]) -> Any:
    """Call the target with ``args`` (keyword-only parameters by keyword, the rest by position)."""
    pos = [args[p.name] for p in parameters(target) if p.kind is not p.KEYWORD_ONLY]
    kw = {p.name: args[p.name] for p in parameters(target) if p.kind is p.KEYWORD_ONLY}
    return target.make()(*pos, **kw)


_BASELINES: dict[str, dict[str, Any]] = {}


def baseline(target: Target) -> dict[str, Any]:
    """Good arguments for every parameter (the first combination of good values that works)."""
    if target.name in _BASELINES:
        return _BASELINES[target.name]
    params = parameters(target)
    for p in params:
        if p.name not in target.hints:
            raise CannotFuzz(f"{target.name}: parameter {p.name!r} has no type hint")
    candidates = [good_values(target.name, p, target.hints[p.name]) for p in params]
    # Parameters of one class get different examples first (sides A and B of the box, say).
    seen: dict[str, int] = {}
    for i, p in enumerate(params):
        if kind(target.name, p.name, target.hints[p.name]) == "instance" and candidates[i]:
            shift = seen.setdefault(repr(target.hints[p.name]), 0)
            seen[repr(target.hints[p.name])] += 1
            candidates[i] = candidates[i][shift % len(candidates[i]) :] + candidates[i][: shift % len(candidates[i])]
    combos: Iterator[tuple[Any, ...]] = itertools.islice(itertools.product(*candidates), 400)
    cls = getattr(tl, target.name.removeprefix("tl."), None)
    if isinstance(cls, type) and cls in good_instances():
        # A record's constructor: first try the fields of a valid record (consistent shapes).
        example = good_instances()[cls][0]()
        combos = itertools.chain([tuple(getattr(example, p.name) for p in params)], combos)
    errors: list[str] = []
    for combo in combos:
        args = dict(zip([p.name for p in params], combo, strict=True))
        try:
            out = call(target, args)
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        if all_finite(out):
            _BASELINES[target.name] = args
            return args
    raise CannotFuzz(f"{target.name}: no combination of good values works (first errors: {errors[:3]})")


def all_finite(out: Any, depth: int = 0) -> bool:
    """Whether every number in a result (arrays, records, containers) is finite."""
    if depth > 4 or out is None or isinstance(out, (str, bytes, bool, np.bool_)):
        return True
    if isinstance(out, (int, np.integer)):
        return True
    if isinstance(out, (float, np.floating)):
        return math.isfinite(out)
    if isinstance(out, np.ndarray):
        return out.dtype.kind not in "fc" or bool(np.all(np.isfinite(out)))
    if isinstance(out, dict):
        return all(all_finite(v, depth + 1) for v in out.values())
    if isinstance(out, (list, tuple, frozenset, set)):
        return all(all_finite(v, depth + 1) for v in out)
    if dataclasses.is_dataclass(out):
        return all(all_finite(getattr(out, f.name), depth + 1) for f in dataclasses.fields(out))
    return True


def documents_nan(doc: str) -> bool:
    """The docstring says the result can be NaN or infinite."""
    return re.search(r"\b(returns?|gives?|is|are|be)\s+(a\s+)?(NaN|nan|inf|infinite)\b", doc) is not None


def names_parameter(message: str, name: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", message) is not None
